// CRYPTO-1 through C++ class libraries, whose algorithms are classes and enumerators in a scope
// rather than functions with unique names: Qt (QCryptographicHash::Md5, QSsl::TlsV1_0),
// Crypto++ (CryptoPP::Weak::MD5, CryptoPP::DES_EDE3, CryptoPP::ECB_Mode<…>; bare after
// `using namespace CryptoPP;`), Boost.Asio (ssl::context::tlsv1) and Botan, whose factories take
// an algorithm's name (Botan::HashFunction::create("MD5"), Cipher_Mode::create("AES-128/ECB", …)).
// SHA-1 inside an HMAC, PBKDF2 or HKDF (HMAC<SHA1>, QMessageAuthenticationCode) is accepted, as
// for the C libraries.
#include "inspect/source/weak_crypto_check.h"

#include "inspect/source/cross_file.h"

namespace mdbc::source::weak_crypto {
namespace {

using W = Weakness;

struct ScopedWeakName {
  std::string_view scope;  // the class or namespace written before "::"
  std::string_view name;
  WeakName weak;
};

constexpr WeakName selects(W w, std::string_view algorithm) { return {w, algorithm, false, true}; }

constexpr ScopedWeakName scoped_names[] = {
    {"QCryptographicHash", "Md4", selects(W::broken_hash, "MD4")},
    {"QCryptographicHash", "Md5", selects(W::broken_hash, "MD5")},
    {"QCryptographicHash", "Sha1", selects(W::sha1, "SHA-1")},
    {"QSsl", "SslV2", selects(W::old_protocol, "SSL 2.0")},
    {"QSsl", "SslV3", selects(W::old_protocol, "SSL 3.0")},
    {"QSsl", "TlsV1SslV3", selects(W::old_protocol, "SSL 3.0")},
    {"QSsl", "TlsV1", selects(W::old_protocol, "TLS 1.0")},
    {"QSsl", "TlsV1_0", selects(W::old_protocol, "TLS 1.0")},
    {"QSsl", "TlsV1_0OrLater", selects(W::old_protocol, "TLS 1.0")},
    {"QSsl", "TlsV1_1", selects(W::old_protocol, "TLS 1.1")},
    {"QSsl", "TlsV1_1OrLater", selects(W::old_protocol, "TLS 1.1")},
    {"QSsl", "DtlsV1_0", selects(W::old_protocol, "DTLS 1.0")},
    {"QSsl", "DtlsV1_0OrLater", selects(W::old_protocol, "DTLS 1.0")},
    // boost::asio::ssl::context::method (in files that name asio)
    {"context", "sslv2", selects(W::old_protocol, "SSL 2.0")},
    {"context", "sslv2_client", selects(W::old_protocol, "SSL 2.0")},
    {"context", "sslv2_server", selects(W::old_protocol, "SSL 2.0")},
    {"context", "sslv3", selects(W::old_protocol, "SSL 3.0")},
    {"context", "sslv3_client", selects(W::old_protocol, "SSL 3.0")},
    {"context", "sslv3_server", selects(W::old_protocol, "SSL 3.0")},
    {"context", "tlsv1", selects(W::old_protocol, "TLS 1.0")},
    {"context", "tlsv1_client", selects(W::old_protocol, "TLS 1.0")},
    {"context", "tlsv1_server", selects(W::old_protocol, "TLS 1.0")},
    {"context", "tlsv11", selects(W::old_protocol, "TLS 1.1")},
    {"context", "tlsv11_client", selects(W::old_protocol, "TLS 1.1")},
    {"context", "tlsv11_server", selects(W::old_protocol, "TLS 1.1")},
};

// Crypto++'s classes, found in namespace CryptoPP (the broken hashes in CryptoPP::Weak).
struct CryptoppClass {
  std::string_view name;
  WeakName weak;
};
constexpr CryptoppClass cryptopp_classes[] = {
    {"MD2", selects(W::broken_hash, "MD2")},      {"MD4", selects(W::broken_hash, "MD4")},
    {"MD5", selects(W::broken_hash, "MD5")},      {"SHA1", selects(W::sha1, "SHA-1")},
    {"DES", selects(W::des, "DES")},              {"DES_XEX3", selects(W::des, "DES")},
    {"DES_EDE2", selects(W::triple_des, "3DES")}, {"DES_EDE3", selects(W::triple_des, "3DES")},
    {"ARC4", selects(W::rc4, "RC4")},             {"MARC4", selects(W::rc4, "RC4")},
    {"RC2", selects(W::rc2, "RC2")},              {"Blowfish", selects(W::blowfish, "Blowfish")},
    {"IDEA", selects(W::small_block, "IDEA")},    {"CAST128", selects(W::small_block, "CAST5")},
    {"ECB_Mode", selects(W::ecb, "ECB")},
};

bool cryptopp_scope(std::string_view s) { return s == "CryptoPP" || s == "Weak" || s == "Weak1"; }

// Botan's factories and the classes they belong to.
bool botan_factory_class(std::string_view s) {
  return s == "HashFunction" || s == "BlockCipher" || s == "StreamCipher" || s == "Cipher_Mode" ||
         s == "AEAD_Mode" || s == "PBKDF" || s == "PasswordHashFamily";
}

}  // namespace

// Whether the SHA-1 at token i is given to an HMAC, PBKDF2 or HKDF: the template or call whose
// brackets hold it is named for one (HMAC<SHA1>, QMessageAuthenticationCode::hash(…, Sha1)).
bool Check::sha1_in_hmac(size_t i) {
  constexpr size_t longest_walk = 64;  // tokens back to the bracket that holds the selector
  const auto names_construction = [&](size_t k) {
    const std::string_view n = toks_[k].text;
    return toks_[k].kind == TokenKind::identifier &&
           (lower_contains(n, "hmac") || lower_contains(n, "messageauthenticationcode") || lower_contains(n, "pbkdf2") ||
            lower_contains(n, "hkdf"));
  };
  size_t depth = 0;
  for (size_t k = i, steps = 0; k > 0 && steps < longest_walk; --k, ++steps) {
    const Token& t = toks_[k - 1];
    if (t.is(")") || t.is(">")) ++depth;
    else if ((t.is("(") || t.is("<")) && depth > 0) --depth;
    else if (t.is(";") || t.is("{") || t.is("}")) break;
    else if ((t.is("(") || t.is("<")) && k >= 2) {
      if (names_construction(k - 2)) return true;
      if (k >= 4 && toks_[k - 3].is("::") && names_construction(k - 4)) return true;  // Class::hash(
    }
  }
  return sha1_accepted(i);
}

// A factory's call, qualified by its class or namespace (which the syntax takes for no call of a
// library): its first argument is the algorithm's name.
void Check::botan_factory(size_t i) {
  const std::string_view name = toks_[i].text;
  if (name != "create" && name != "create_or_throw" && name != "get_cipher_mode") return;
  if (i < 2 || !toks_[i - 1].is("::") || i + 1 >= toks_.size() || !toks_[i + 1].is("(")) return;
  if (name == "get_cipher_mode" ? toks_[i - 2].text != "Botan" : !botan_factory_class(toks_[i - 2].text)) return;
  const std::optional<Call> c = call_opened_at(file_, i, i + 1, values().function_at(i));
  if (!c || c->args.empty()) return;
  const Value v = arg_value(*c, 0);
  if (!v.is(Value::Kind::string)) return;
  // "AES-128/ECB" names a cipher and a mode; "HMAC(SHA-1)" an accepted construction.
  if (v.text.find('(') != std::string::npos && lower_contains(v.text, "hmac")) return;
  std::string_view text = v.text;
  std::optional<WeakName> w = weak_algorithm_name(text);
  if (!w && text.find('/') != std::string_view::npos) {
    w = weak_algorithm_name(text.substr(0, text.find('/')));
    if (!w) w = weak_algorithm_name(text.substr(text.find('/') + 1));
  }
  if (!w || (w->weakness == W::sha1 && sha1_in_hmac(i))) return;
  report(i, weakness_rule(w->weakness), w->algorithm,
         std::string(name) + "(\"" + v.text + "\")" + via(v) + " uses " + std::string(w->algorithm) + ": " +
             weakness_message(w->weakness, w->algorithm));
}

void Check::scan_class_libraries() {
  const auto& names = file_.names;
  const bool qt = names.contains("QCryptographicHash") || names.contains("QSsl");
  const bool asio = names.contains("asio");
  const bool cryptopp = names.contains("CryptoPP");
  const bool botan = names.contains("Botan") || names.contains("get_cipher_mode");
  if (!qt && !asio && !cryptopp && !botan) return;
  // `using namespace CryptoPP;` makes its classes' bare names the library's.
  bool cryptopp_used = false;
  for (size_t i = 0; cryptopp && i + 2 < toks_.size() && !cryptopp_used; ++i)
    cryptopp_used = toks_[i].is_ident("using") && toks_[i + 1].is_ident("namespace") && toks_[i + 2].is_ident("CryptoPP");
  for (size_t i = 0; i < toks_.size(); ++i) {
    const Token& t = toks_[i];
    if (t.kind != TokenKind::identifier || t.directive || file_.syntax.dead(i)) continue;
    const bool scoped = i >= 2 && toks_[i - 1].is("::") && toks_[i - 2].kind == TokenKind::identifier;
    const std::string_view scope = scoped ? toks_[i - 2].text : std::string_view();
    if ((qt || asio) && scoped) {
      for (const ScopedWeakName& q : scoped_names) {
        if (q.scope != scope || q.name != t.text || !(q.scope == "context" ? asio : qt)) continue;
        if (!(q.weak.weakness == W::sha1 && sha1_in_hmac(i))) report_weak(i, q.weak, scope);
        break;
      }
    }
    if (botan && scoped) botan_factory(i);
    if (cryptopp && (scoped ? cryptopp_scope(scope) : cryptopp_used)) {
      // A class used as a type: declared with (MD5 h;), templated (ECB_Mode<AES>), scoped
      // (DES_EDE3::Encryption), or an argument of a template (HMAC<SHA1>).
      const bool as_type = i + 1 < toks_.size() && (toks_[i + 1].kind == TokenKind::identifier || toks_[i + 1].is("<") ||
                                                    toks_[i + 1].is("::") || toks_[i + 1].is(">") || toks_[i + 1].is(","));
      if (as_type && !(i > 0 && (toks_[i - 1].is(".") || toks_[i - 1].is("->"))))
        for (const CryptoppClass& c : cryptopp_classes) {
          if (c.name != t.text) continue;
          if (!(c.weak.weakness == W::sha1 && sha1_in_hmac(i))) report_weak(i, c.weak, "Crypto++");
          break;
        }
    }
  }
}

}  // namespace mdbc::source::weak_crypto
