// CRYPTO-1: forbidden algorithms, modes, paddings, key sizes and protocol versions chosen through
// the APIs of OpenSSL, mbedTLS/PSA, wolfSSL, tinycrypt, libgcrypt, GnuTLS and Windows
// CryptoAPI/CNG (the names in crypto_apis.cpp), including choices made through a macro, a
// constant or a variable whose value is a literal in the same file.
//
// Decisions:
// - SHA-1 is flagged where it is used as a plain digest or in a signature. A SHA-1 selector used
//   for HMAC (in an HMAC call, or in a function that sets up an HMAC and does not hash or sign with
//   it), PBKDF2-HMAC, HKDF or as the OAEP/MGF1 hash is accepted: those constructions do not rely
//   on collision resistance and NIST SP 800-131A still allows HMAC-SHA-1.
// - A raw single-block AES call (mbedtls_aes_crypt_ecb, AES_encrypt, tc_aes_encrypt,
//   wc_AesEncryptDirect) is how CTR, GCM, CMAC and key derivation are built, so it is flagged as
//   ECB only when its input is data: not a counter, nonce, IV or keystream block, and not inside a
//   function named for such a construction. ECB selectors (EVP_aes_128_ecb,
//   MBEDTLS_CIPHER_AES_128_ECB, GCRY_CIPHER_MODE_ECB, BCRYPT_CHAIN_MODE_ECB) are always flagged.
// - PKCS#1 v1.5 padding constants are flagged when the same function (or else the file) encrypts
//   or decrypts with RSA and does not sign: v1.5 signatures remain acceptable.
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "inspect/source/call_site.h"
#include "inspect/source/crypto_apis.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/source_values.h"

namespace mdbc::source {
namespace {

bool lower_contains(std::string_view s, std::string_view part) {
  std::string l(s);
  for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l.find(part) != std::string::npos;
}

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

struct KeySizeCall {
  std::string_view name;
  int arg;
  std::string_view family;  // "RSA", "DH", "DSA", or "" when the algorithm is chosen elsewhere
};
constexpr KeySizeCall key_size_calls[] = {
    {"RSA_generate_key_ex", 1, "RSA"},
    {"RSA_generate_key", 0, "RSA"},
    {"RSA_generate_multi_prime_key", 1, "RSA"},
    {"EVP_PKEY_CTX_set_rsa_keygen_bits", 1, "RSA"},
    {"EVP_RSA_gen", 0, "RSA"},
    {"DH_generate_parameters_ex", 1, "DH"},
    {"DH_generate_parameters", 0, "DH"},
    {"EVP_PKEY_CTX_set_dh_paramgen_prime_len", 1, "DH"},
    {"DSA_generate_parameters_ex", 1, "DSA"},
    {"DSA_generate_parameters", 0, "DSA"},
    {"EVP_PKEY_CTX_set_dsa_paramgen_bits", 1, "DSA"},
    {"mbedtls_rsa_gen_key", 3, "RSA"},
    {"mbedtls_ssl_conf_dhm_min_bitlen", 1, "DH"},
    {"wc_MakeRsaKey", 1, "RSA"},
    {"wc_MakeDsaParameters", 1, "DSA"},
    {"wc_DhGenerateParams", 1, "DH"},
    {"wolfSSL_CTX_SetMinRsaKey_Sz", 1, "RSA"},
    {"wolfSSL_CTX_SetMinDhKey_Sz", 1, "DH"},
    {"wolfSSL_SetMinRsaKey_Sz", 1, "RSA"},
    {"wolfSSL_SetMinDhKey_Sz", 1, "DH"},
    {"gnutls_x509_privkey_generate", 2, ""},
    {"BCryptGenerateKeyPair", 2, ""},
    {"psa_set_key_bits", 1, ""},
};

// Raw single-block AES calls and the argument holding the input block.
struct BlockCall {
  std::string_view name;
  int input;
};
constexpr BlockCall block_calls[] = {
    {"mbedtls_aes_crypt_ecb", 2}, {"mbedtls_aes_encrypt", 1}, {"mbedtls_internal_aes_encrypt", 1},
    {"mbedtls_aes_decrypt", 1},   {"AES_encrypt", 0},         {"AES_decrypt", 0},
    {"AES_ecb_encrypt", 0},       {"tc_aes_encrypt", 1},      {"tc_aes_decrypt", 1},
    {"wc_AesEncryptDirect", 2},   {"wc_AesDecryptDirect", 2},
};
// Words that mark a single-block call as part of a mode or derivation built on the block cipher.
constexpr std::array<std::string_view, 18> construction_input_words{
    "ctr", "counter", "nonce", "iv", "ivec", "cb", "icb", "j0", "y0", "keystream", "stream", "v", "seed",
    "zero", "zeros", "zeroes", "subkey", "l"};
constexpr std::array<std::string_view, 24> construction_function_words{
    "ctr", "counter", "gcm", "ccm", "cmac", "xts", "ofb", "cfb", "cbc", "keystream", "kdf", "derive", "wrap",
    "unwrap", "drbg", "prng", "rng", "mac", "milenage", "selftest", "self", "test", "kat", "eax"};

constexpr std::array<std::string_view, 14> encryption_calls{
    "EVP_PKEY_encrypt_init",  "EVP_PKEY_encrypt_init_ex", "EVP_PKEY_decrypt_init", "EVP_PKEY_decrypt_init_ex",
    "EVP_PKEY_encrypt",       "EVP_PKEY_decrypt",         "RSA_public_encrypt",    "RSA_private_decrypt",
    "EVP_SealInit",           "EVP_OpenInit",             "mbedtls_rsa_pkcs1_encrypt", "mbedtls_rsa_pkcs1_decrypt",
    "mbedtls_pk_encrypt",     "mbedtls_pk_decrypt"};
constexpr std::array<std::string_view, 16> signing_calls{
    "EVP_PKEY_sign_init",     "EVP_PKEY_sign",          "EVP_PKEY_verify_init",  "EVP_PKEY_verify",
    "EVP_DigestSignInit",     "EVP_DigestVerifyInit",   "EVP_DigestSignInit_ex", "EVP_DigestVerifyInit_ex",
    "EVP_PKEY_verify_recover_init", "mbedtls_rsa_pkcs1_sign", "mbedtls_rsa_pkcs1_verify", "mbedtls_pk_sign",
    "mbedtls_pk_verify",      "RSA_sign",               "RSA_verify",            "mbedtls_rsa_rsassa_pkcs1_v15_sign"};
// Calls that hash or sign with the digest they are given (SHA-1 there is not HMAC).
constexpr std::array<std::string_view, 22> digest_calls{
    "EVP_DigestInit",         "EVP_DigestInit_ex",      "EVP_DigestInit_ex2",    "EVP_Digest",
    "EVP_Q_digest",           "EVP_DigestSignInit",     "EVP_DigestVerifyInit",  "EVP_DigestSignInit_ex",
    "EVP_DigestVerifyInit_ex", "EVP_PKEY_CTX_set_signature_md", "EVP_SignInit",   "EVP_VerifyInit",
    "RSA_sign",               "RSA_verify",             "X509_sign",             "X509_REQ_sign",
    "X509_digest",            "mbedtls_md",             "mbedtls_pk_sign",       "mbedtls_pk_verify",
    "mbedtls_rsa_pkcs1_sign", "mbedtls_rsa_pkcs1_verify"};
// Calls naming an algorithm by a string, and the argument holding it.
struct NamedAlgorithmCall {
  std::string_view name;
  int arg;
};
constexpr NamedAlgorithmCall named_algorithm_calls[] = {
    {"EVP_get_digestbyname", 0},        {"EVP_get_cipherbyname", 0},          {"EVP_MD_fetch", 1},
    {"EVP_CIPHER_fetch", 1},            {"EVP_Q_digest", 1},                  {"mbedtls_md_info_from_string", 0},
    {"mbedtls_cipher_info_from_string", 0}, {"gcry_md_map_name", 0},          {"gcry_cipher_map_name", 0},
    {"BCryptOpenAlgorithmProvider", 1}, {"OSSL_PARAM_construct_utf8_string", 1},
};

struct MacroUse {
  size_t weak_token;  // the weak identifier inside the macro's body
  WeakName weak;
  std::string weak_text;
  bool used = false;
  size_t define_name;
};

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out)
      : file_(file), toks_(file.tokens), out_(out), sites_(file), severity_(element_severity(file.ctx, "CRYPTO-1")) {}

  void run() {
    scan_directives();
    scan_identifiers();
    scan_calls();
    scan_strings();
    report_unused_macros();
  }

 private:
  FileValues& values() {
    if (!values_) values_.emplace(file_.syntax);
    return *values_;
  }

  void report(size_t token, std::string_view rule, std::string_view algorithm, std::string message) {
    const int fn = values().function_at(token);
    const auto key = std::make_tuple(fn < 0 ? -static_cast<int64_t>(toks_[token].line) : fn, std::string(rule),
                                     std::string(algorithm));
    if (!seen_.insert(key).second) return;
    out_.push_back(file_.at(toks_[token], std::string(rule), std::move(message), severity_));
  }

  void report_weak(size_t token, const WeakName& w, std::string_view through) {
    std::string what = std::string(toks_[token].text);
    if (!through.empty()) what = std::string(through) + " (" + what + ")";
    report(token, weakness_rule(w.weakness), w.algorithm,
           what + " uses " + std::string(w.algorithm) + ": " + weakness_message(w.weakness, w.algorithm));
  }

  // --- identifiers ------------------------------------------------------------------------

  bool in_enum_list(size_t i) const {
    size_t k = i;
    for (int steps = 0; k > 0 && steps < 512; ++steps) {
      --k;
      const Token& p = toks_[k];
      if (p.kind != TokenKind::punct) continue;
      if ((p.is(")") || p.is("]") || p.is("}")) && file_.syntax.match(k) < k) {
        k = file_.syntax.match(k);
        continue;
      }
      if (p.is("(") || p.is("[") || p.is(";")) return false;
      if (p.is("{")) {
        for (size_t j = k, back = 0; j > 0 && back < 6; --j, ++back)
          if (toks_[j - 1].is_ident("enum")) return true;
        return false;
      }
    }
    return false;
  }

  // Whether an occurrence of a weak name is a use that chooses it (not a comparison, a case
  // label, a declaration or the definition of the constant itself).
  bool chooses(size_t i, const WeakName& w) {
    const Token* prev = i > 0 ? &toks_[i - 1] : nullptr;
    const Token* next = i + 1 < toks_.size() ? &toks_[i + 1] : nullptr;
    if (prev && prev->directive != toks_[i].directive) prev = nullptr;
    if (next && next->directive != toks_[i].directive) next = nullptr;
    if (prev && (prev->is(".") || prev->is("->") || prev->is("~") || prev->is("==") || prev->is("!=") ||
                 prev->is_ident("case") || prev->is_ident("define") || prev->is_ident("ifdef") ||
                 prev->is_ident("ifndef") || prev->is_ident("undef")))
      return false;
    if (prev && prev->is("::") && i >= 2 && toks_[i - 2].kind == TokenKind::identifier && toks_[i - 2].text != "std")
      return false;
    if (next && (next->is("==") || next->is("!=") || next->is("=")) && !w.function) return false;
    // An enumerator, or the value of one (enum { GNUTLS_DIG_MD5 = GNUTLS_MAC_MD5 }).
    if (prev && (prev->is("{") || prev->is(",") || prev->is("=")) && next && (next->is(",") || next->is("}")) &&
        in_enum_list(i))
      return false;
    if (w.function) {
      if (toks_[i].directive) return true;  // a #define body naming or calling the function
      if (next && next->is("(")) return values().call_at(i) != nullptr;
      // A reference: the function as a value (`md = EVP_md5;`, `{ "md5", EVP_md5 }`).
      const bool value_before = prev && (prev->is("=") || prev->is(",") || prev->is("(") || prev->is("{") ||
                                         prev->is("?") || prev->is(":") || prev->is("&") || prev->is_ident("return"));
      const bool value_after = next && (next->is(",") || next->is(";") || next->is(")") || next->is("}"));
      return value_before && value_after;
    }
    return true;
  }

  bool hmac_call(const Call& c) {
    const std::string_view name = toks_[c.name].text;
    if (lower_contains(name, "hmac") || lower_contains(name, "oaep") || lower_contains(name, "mgf1") ||
        lower_contains(name, "pbkdf2") || lower_contains(name, "hkdf"))
      return true;
    if (name == "mbedtls_md_setup" && c.args.size() >= 3) {
      const Value v = values().resolve({c.args[2].first, c.args[2].second}, c.function);
      return v.is(Value::Kind::integer) && v.integer != 0;
    }
    if (name == "gcry_md_open" || name == "BCryptOpenAlgorithmProvider") {
      for (size_t k = c.open; k < c.close && k < toks_.size(); ++k)
        if (toks_[k].is_ident("GCRY_MD_FLAG_HMAC") || toks_[k].is_ident("BCRYPT_ALG_HANDLE_HMAC_FLAG")) return true;
    }
    return false;
  }

  bool function_has_hmac(int fn) {
    if (fn < 0) return false;
    if (auto it = hmac_functions_.find(fn); it != hmac_functions_.end()) return it->second;
    bool found = false;
    for (size_t ci : values().calls_in(fn)) found = found || hmac_call(file_.syntax.calls()[ci]);
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
    for (size_t k = f.body_open; !found && k < f.body_close && k < toks_.size(); ++k) {
      const Token& t = toks_[k];
      if (t.kind == TokenKind::identifier &&
          (t.text == "GCRY_MD_FLAG_HMAC" || t.text == "BCRYPT_ALG_HANDLE_HMAC_FLAG" || t.text == "CALG_HMAC" ||
           t.text == "PSA_ALG_HMAC" || t.text == "GCRY_MAC_HMAC_SHA1" || t.text == "WC_HMAC"))
        found = true;
      if (t.kind == TokenKind::string && (string_body(t) == "HMAC" || string_body(t) == "hmac")) found = true;
    }
    hmac_functions_[fn] = found;
    return found;
  }

  // The innermost call whose argument list holds token i, or nullptr.
  const Call* enclosing_call(size_t i, int fn) {
    const Call* best = nullptr;
    for (size_t ci : values().calls_in(fn)) {
      const Call& c = file_.syntax.calls()[ci];
      if (c.open < i && i < c.close && (!best || c.open > best->open)) best = &c;
    }
    return best;
  }

  bool sha1_accepted(size_t i) {
    const int fn = values().function_at(i);
    if (fn < 0) return false;
    for (size_t ci : values().calls_in(fn)) {
      const Call& c = file_.syntax.calls()[ci];
      if (c.open < i && i < c.close && hmac_call(c)) return true;
    }
    if (!function_has_hmac(fn)) return false;
    const Call* in = enclosing_call(i, fn);
    return !(in && one_of(toks_[in->name].text, digest_calls));
  }

  void scan_directives() {
    for (size_t i = 0; i + 2 < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if (!t.directive || !t.line_start || !t.is("#") || file_.syntax.dead(i)) continue;
      if (!toks_[i + 1].is_ident("define") || toks_[i + 2].line_start) continue;
      const size_t name = i + 2;
      const std::string_view macro = toks_[name].text;
      size_t end = name + 1;
      while (end < toks_.size() && toks_[end].directive && !toks_[end].line_start) ++end;
      // Build configurations that switch old protocol versions on.
      if (macro == "MBEDTLS_SSL_PROTO_SSL3" || macro == "MBEDTLS_SSL_PROTO_TLS1" || macro == "MBEDTLS_SSL_PROTO_TLS1_1" ||
          macro == "WOLFSSL_ALLOW_SSLV3" || macro == "WOLFSSL_ALLOW_TLSV10") {
        const std::string_view proto = macro.ends_with("SSL3") || macro.ends_with("SSLV3") ? "SSL 3.0"
                                       : macro.ends_with("TLS1_1")                        ? "TLS 1.1"
                                                                                          : "TLS 1.0";
        report(name, "CRYPTO-1/old-protocol", proto,
               std::string(macro) + " enables " + std::string(proto) + ": " +
                   weakness_message(Weakness::old_protocol, proto));
      }
      // A library header's alias of its own weak name (#define EVP_des_ede3_cfb EVP_des_ede3_cfb64)
      // defines the API rather than choosing it.
      const bool alias = weak_name(macro).has_value() || is_lowercase_alias(macro, name + 1, end);
      for (size_t k = name + 1; k < end && !alias; ++k) {
        if (toks_[k].kind != TokenKind::identifier) continue;
        std::optional<WeakName> w = weak_name(toks_[k].text);
        std::string weak_text(toks_[k].text);
        if (!w) {
          // A macro defined through another macro of this file.
          if (auto it = macros_.find(toks_[k].text); it != macros_.end()) {
            w = it->second.weak;
            weak_text = it->second.weak_text;
            it->second.used = true;
          }
        }
        if (!w || !chooses(k, *w)) continue;
        if (w->weakness == Weakness::sha1 && w->selector) {
          sha1_macros_.emplace(macro, *w);  // judged where the macro is used
          break;
        }
        macros_.emplace(macro, MacroUse{k, *w, weak_text, false, name});
        break;
      }
      i = end - 1;
    }
  }

  // Whether the body names the macro's own name in another spelling or length
  // (#define idea_set_encrypt_key IDEA_set_encrypt_key, #define X_ARCFOUR X_ARCFOUR_128).
  bool is_lowercase_alias(std::string_view macro, size_t begin, size_t end) const {
    for (size_t k = begin; k < end; ++k) {
      if (toks_[k].kind != TokenKind::identifier) continue;
      const std::string_view body = toks_[k].text;
      const size_t n = std::min(body.size(), macro.size());
      if (n < 4) continue;
      bool same = true;
      for (size_t c = 0; c < n && same; ++c)
        same = std::tolower(static_cast<unsigned char>(macro[c])) == std::tolower(static_cast<unsigned char>(body[c]));
      if (same) return true;
    }
    return false;
  }

  // Whether the file declares a class, struct or namespace of this name.
  bool defines_type(std::string_view name) {
    if (auto it = types_.find(name); it != types_.end()) return it->second;
    bool found = false;
    for (size_t k : values().occurrences(name))
      if (k > 0 && (toks_[k - 1].is_ident("class") || toks_[k - 1].is_ident("struct") ||
                    toks_[k - 1].is_ident("namespace")))
        found = true;
    types_[name] = found;
    return found;
  }

  void scan_identifiers() {
    for (size_t i = 0; i < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if (t.kind != TokenKind::identifier || t.directive || file_.syntax.dead(i)) continue;
      if (auto it = macros_.find(t.text); it != macros_.end()) {
        it->second.used = true;
        report_weak(i, it->second.weak, t.text);
        continue;
      }
      if (auto it = sha1_macros_.find(t.text); it != sha1_macros_.end()) {
        if (!sha1_accepted(i)) report_weak(i, it->second, t.text);
        continue;
      }
      const auto w = weak_name(t.text);
      if (!w || !chooses(i, *w)) continue;
      if (w->function && defines_type(t.text)) continue;  // the file's own class MD5, not the library's
      if (w->weakness == Weakness::sha1 && w->selector && sha1_accepted(i)) continue;
      if (w->function && i + 1 < toks_.size() && toks_[i + 1].is("(")) {
        const Call* c = values().call_at(i);
        if (c && !sites_.reportable(*c)) continue;
      }
      report_weak(i, *w, {});
    }
  }

  void report_unused_macros() {
    if (!is_header(file_.input.path)) return;
    for (const auto& [name, m] : macros_)
      if (!m.used) report_weak(m.weak_token, m.weak, name);
  }

  // --- calls ----------------------------------------------------------------------------

  Value arg_value(const Call& c, int n) {
    if (n < 0 || static_cast<size_t>(n) >= c.args.size()) return {};
    return values().resolve({c.args[static_cast<size_t>(n)].first, c.args[static_cast<size_t>(n)].second}, c.function);
  }

  std::vector<std::string_view> arg_symbols(const Call& c, int n) {
    if (n < 0 || static_cast<size_t>(n) >= c.args.size()) return {};
    return values().symbols({c.args[static_cast<size_t>(n)].first, c.args[static_cast<size_t>(n)].second}, c.function);
  }

  std::string via(const Value& v) const {
    if (!v.via) return {};
    return " (through " + std::string(toks_[v.via->name].text) + ", line " + std::to_string(toks_[v.via->name].line) +
           ")";
  }

  bool function_calls_any(int fn, std::span<const std::string_view> names) {
    for (size_t ci : values().calls_in(fn)) {
      const std::string_view n = toks_[file_.syntax.calls()[ci].name].text;
      if (std::find(names.begin(), names.end(), n) != names.end()) return true;
    }
    return false;
  }

  bool file_calls_any(std::span<const std::string_view> names) {
    return !file_.syntax.calls_named(names).empty();
  }

  bool encrypts_with_rsa(int fn) {
    if (fn >= 0 && function_calls_any(fn, encryption_calls)) return true;
    if (fn >= 0 && function_calls_any(fn, signing_calls)) return false;
    return file_calls_any(encryption_calls) && !file_calls_any(signing_calls);
  }

  bool mentions(int fn, std::string_view identifier) {
    if (fn < 0) return false;
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
    for (size_t k : values().occurrences(identifier))
      if (k > f.body_open && k < f.body_close) return true;
    return false;
  }

  void key_size(const Call& c, const KeySizeCall& k) {
    const Value v = arg_value(c, k.arg);
    if (!v.is(Value::Kind::integer) || v.integer <= 0 || v.integer >= 2048) return;
    std::string family(k.family);
    const std::string_view name = toks_[c.name].text;
    if (family.empty()) {
      // The algorithm is chosen elsewhere in the function: require RSA, DH or DSA there, and no
      // elliptic-curve algorithm (whose key sizes are small and fine).
      const int fn = c.function;
      const bool rsa = mentions(fn, "BCRYPT_RSA_ALGORITHM") || mentions(fn, "PSA_KEY_TYPE_RSA_KEY_PAIR") ||
                       mentions(fn, "GNUTLS_PK_RSA") || mentions(fn, "BCRYPT_RSA_ALG_HANDLE");
      const bool dh = mentions(fn, "BCRYPT_DH_ALGORITHM") || mentions(fn, "PSA_KEY_TYPE_DH_KEY_PAIR") ||
                      mentions(fn, "BCRYPT_DSA_ALGORITHM") || mentions(fn, "GNUTLS_PK_DSA");
      if (name == "gnutls_x509_privkey_generate") {
        const auto sym = arg_symbols(c, 1);
        if (std::find(sym.begin(), sym.end(), "GNUTLS_PK_RSA") != sym.end()) family = "RSA";
        else if (std::find(sym.begin(), sym.end(), "GNUTLS_PK_DSA") != sym.end()) family = "DSA";
        else return;
      } else if (rsa) {
        family = "RSA";
      } else if (dh) {
        family = "DH/DSA";
      } else {
        return;
      }
    }
    report(c.name, "CRYPTO-1/short-key", family,
           std::string(name) + " asks for a " + std::to_string(v.integer) + "-bit " + family + " key" + via(v) +
               ": RSA, DH and DSA keys under 2048 bits are breakable with today's computing (NIST SP 800-131A); use "
               "2048 bits or more (3072 for protection beyond 2030) or an elliptic-curve key");
  }

  void crypt_gen_key(const Call& c) {
    if (c.args.size() < 3) return;
    const auto alg = arg_symbols(c, 1);
    const bool asymmetric = std::any_of(alg.begin(), alg.end(), [](std::string_view s) {
      return s == "CALG_RSA_KEYX" || s == "CALG_RSA_SIGN" || s == "AT_KEYEXCHANGE" || s == "AT_SIGNATURE" ||
             s == "CALG_DH_EPHEM" || s == "CALG_DH_SF" || s == "CALG_DSS_SIGN";
    });
    if (!asymmetric) return;
    int64_t bits = 0;
    const auto flags = arg_symbols(c, 2);
    if (std::find(flags.begin(), flags.end(), "RSA1024BIT_KEY") != flags.end()) bits = 1024;
    const size_t b = c.args[2].first, e = c.args[2].second;
    for (size_t k = b; k + 2 < e && bits == 0; ++k) {
      int64_t n = 0, shift = 0;
      if (toks_[k + 1].is("<<") && parse_integer(toks_[k].text, n) && parse_integer(toks_[k + 2].text, shift) &&
          shift == 16)
        bits = n;
    }
    if (bits == 0) {
      const Value v = arg_value(c, 2);
      if (v.is(Value::Kind::integer)) bits = (v.integer >> 16) & 0xffff;
    }
    if (bits <= 0 || bits >= 2048) return;
    report(c.name, "CRYPTO-1/short-key", "RSA",
           "CryptGenKey with a key of " + std::to_string(bits) +
               " bits: RSA and DH keys under 2048 bits are breakable with today's computing (NIST SP 800-131A); "
               "request 2048 bits or more ((2048 << 16) in dwFlags)");
  }

  void protocol_version(const Call& c, std::string_view name) {
    struct Old {
      std::string_view symbol;
      int64_t value;
      std::string_view label;
    };
    static constexpr Old openssl_versions[] = {{"SSL2_VERSION", 0x0200, "SSL 2.0"}, {"SSL3_VERSION", 0x0300, "SSL 3.0"},
                                               {"TLS1_VERSION", 0x0301, "TLS 1.0"}, {"TLS1_1_VERSION", 0x0302, "TLS 1.1"},
                                               {"DTLS1_VERSION", 0xFEFF, "DTLS 1.0"}, {"DTLS1_BAD_VER", 0x0100, "DTLS 1.0"}};
    static constexpr Old mbedtls_minor[] = {{"MBEDTLS_SSL_MINOR_VERSION_0", 0, "SSL 3.0"},
                                            {"MBEDTLS_SSL_MINOR_VERSION_1", 1, "TLS 1.0"},
                                            {"MBEDTLS_SSL_MINOR_VERSION_2", 2, "TLS 1.1"}};
    static constexpr Old wolf_versions[] = {{"WOLFSSL_SSLV3", 0, "SSL 3.0"}, {"WOLFSSL_TLSV1", 1, "TLS 1.0"},
                                            {"WOLFSSL_TLSV1_1", 2, "TLS 1.1"}};
    std::span<const Old> table;
    int arg = 1;
    if (name.ends_with("set_min_proto_version") || name.ends_with("set_max_proto_version")) {
      table = openssl_versions;
    } else if (name == "mbedtls_ssl_conf_min_version" || name == "mbedtls_ssl_conf_max_version") {
      table = mbedtls_minor;
      arg = 2;
    } else if (name == "wolfSSL_CTX_SetMinVersion" || name == "wolfSSL_SetMinVersion") {
      table = wolf_versions;
    } else if (name == "mbedtls_ssl_conf_min_tls_version" || name == "mbedtls_ssl_conf_max_tls_version") {
      const Value v = arg_value(c, 1);
      std::string_view label;
      if (v.is(Value::Kind::integer) && v.integer >= 0x0300 && v.integer < 0x0303)
        label = v.integer == 0x0300 ? "SSL 3.0" : v.integer == 0x0301 ? "TLS 1.0" : "TLS 1.1";
      if (v.is(Value::Kind::symbol) && (v.text.find("TLS1_0") != std::string::npos)) label = "TLS 1.0";
      if (v.is(Value::Kind::symbol) && (v.text.find("TLS1_1") != std::string::npos)) label = "TLS 1.1";
      if (!label.empty())
        report(c.name, "CRYPTO-1/old-protocol", label,
               std::string(name) + " allows " + std::string(label) + via(v) + ": " +
                   weakness_message(Weakness::old_protocol, label));
      return;
    } else {
      return;
    }
    const Value v = arg_value(c, arg);
    for (const Old& o : table) {
      const bool hit = v.is_symbol(o.symbol) || (v.is(Value::Kind::integer) && v.integer == o.value);
      if (!hit) continue;
      const bool max = name.find("max") != std::string_view::npos;
      report(c.name, "CRYPTO-1/old-protocol", o.label,
             std::string(name) + (max ? " caps the protocol at " : " allows ") + std::string(o.label) + via(v) + ": " +
                 weakness_message(Weakness::old_protocol, o.label));
      return;
    }
  }

  void cleared_options(const Call& c) {
    for (const auto s : arg_symbols(c, 1)) {
      std::string_view label;
      if (s == "SSL_OP_NO_SSLv2") label = "SSL 2.0";
      if (s == "SSL_OP_NO_SSLv3") label = "SSL 3.0";
      if (s == "SSL_OP_NO_TLSv1") label = "TLS 1.0";
      if (s == "SSL_OP_NO_TLSv1_1") label = "TLS 1.1";
      if (label.empty()) continue;
      report(c.name, "CRYPTO-1/old-protocol", label,
             std::string(toks_[c.name].text) + "(" + std::string(s) + ") re-enables " + std::string(label) + ": " +
                 weakness_message(Weakness::old_protocol, label));
      return;
    }
  }

  // The first weak family an OpenSSL cipher string enables, or "".
  static std::string_view weak_in_cipher_list(std::string_view list) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find_first_of(":, ", start);
      if (end == std::string_view::npos) end = list.size();
      std::string_view item = list.substr(start, end - start);
      start = end + 1;
      if (item.empty() || item[0] == '!' || item[0] == '-') continue;
      if (item[0] == '+') item.remove_prefix(1);
      std::string upper;
      for (char ch : item) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
      size_t p = 0;
      while (p <= upper.size()) {
        size_t q = upper.find_first_of("-+", p);
        if (q == std::string::npos) q = upper.size();
        const std::string part = upper.substr(p, q - p);
        p = q + 1;
        if (part == "RC4") return "RC4";
        if (part == "DES" || part == "3DES" || part == "CBC3" || part == "DES3") return "3DES/DES";
        if (part == "MD5") return "MD5";
        if (part == "NULL" || part == "ENULL") return "no encryption (NULL ciphers)";
        if (part == "ANULL" || part == "ADH" || part == "AECDH") return "anonymous (unauthenticated) key exchange";
        if (part.starts_with("EXP")) return "export-grade ciphers";
        if (part == "LOW") return "low-strength ciphers";
        if (part == "RC2") return "RC2";
        if (part == "IDEA") return "IDEA";
      }
    }
    return {};
  }

  void cipher_list(const Call& c) {
    const Value v = arg_value(c, 1);
    if (!v.is(Value::Kind::string)) return;
    const std::string_view weak = weak_in_cipher_list(v.text);
    if (weak.empty()) return;
    report(c.name, "CRYPTO-1/weak-cipher-suite", weak,
           std::string(toks_[c.name].text) + " \"" + v.text + "\"" + via(v) + ": " +
               weakness_message(Weakness::weak_cipher_suite, weak));
  }

  void gnutls_priority(const Call& c) {
    const Value v = arg_value(c, 1);
    if (!v.is(Value::Kind::string)) return;
    size_t start = 0;
    const std::string_view s = v.text;
    while (start <= s.size()) {
      size_t end = s.find(':', start);
      if (end == std::string_view::npos) end = s.size();
      std::string_view item = s.substr(start, end - start);
      start = end + 1;
      if (item.empty() || item[0] == '-' || item[0] == '!') continue;
      if (item[0] == '+') item.remove_prefix(1);
      std::string_view proto;
      if (item == "VERS-SSL3.0") proto = "SSL 3.0";
      if (item == "VERS-TLS1.0") proto = "TLS 1.0";
      if (item == "VERS-TLS1.1") proto = "TLS 1.1";
      if (!proto.empty()) {
        report(c.name, "CRYPTO-1/old-protocol", proto,
               "GnuTLS priority \"" + v.text + "\" enables " + std::string(proto) + ": " +
                   weakness_message(Weakness::old_protocol, proto));
        return;
      }
      if (item.starts_with("ARCFOUR") || item == "3DES-CBC" || item == "MD5" || item == "NULL") {
        report(c.name, "CRYPTO-1/weak-cipher-suite", item,
               "GnuTLS priority \"" + v.text + "\" enables " + std::string(item) + ": " +
                   weakness_message(Weakness::weak_cipher_suite, item));
        return;
      }
    }
  }

  void named_algorithm(const Call& c, int arg) {
    const std::string_view name = toks_[c.name].text;
    if (name == "OSSL_PARAM_construct_utf8_string") {
      // Only the digest parameter names a hash.
      const Value key = arg_value(c, 0);
      const bool digest = (key.is(Value::Kind::string) && key.text == "digest") ||
                          (key.is(Value::Kind::symbol) && key.text.find("DIGEST") != std::string::npos);
      if (!digest) return;
    }
    const Value v = arg_value(c, arg);
    if (!v.is(Value::Kind::string)) return;
    const auto w = weak_algorithm_name(v.text);
    if (!w) return;
    if (w->weakness == Weakness::sha1 && sha1_accepted(c.args[static_cast<size_t>(arg)].first)) return;
    if (w->weakness == Weakness::sha1 && function_has_hmac(c.function)) return;
    report(c.name, weakness_rule(w->weakness), w->algorithm,
           std::string(name) + "(\"" + v.text + "\")" + via(v) + " uses " + std::string(w->algorithm) + ": " +
               weakness_message(w->weakness, w->algorithm));
  }

  void rsa_padding(const Call& c, std::string_view name) {
    int arg = -1;
    bool needs_context = true;
    if (name == "RSA_public_encrypt" || name == "RSA_private_decrypt") {
      arg = 4;
      needs_context = false;
    } else if (name == "EVP_PKEY_CTX_set_rsa_padding" || name == "mbedtls_rsa_set_padding" ||
               (name == "mbedtls_rsa_init" && c.args.size() >= 2)) {
      arg = 1;
    } else if (name == "wc_RsaPublicEncryptEx") {
      arg = 6;
      needs_context = false;
    } else if (name == "wc_RsaPrivateDecryptEx" || name == "wc_RsaPrivateDecryptInlineEx") {
      arg = 5;
      needs_context = false;
    } else if (name == "BCryptEncrypt" || name == "BCryptDecrypt") {
      arg = 9;
      needs_context = false;
    } else if (name == "NCryptEncrypt" || name == "NCryptDecrypt") {
      arg = 7;
      needs_context = false;
    }
    if (arg < 0 || static_cast<size_t>(arg) >= c.args.size()) return;
    const Value v = arg_value(c, arg);
    bool v15 = v.is_symbol("RSA_PKCS1_PADDING") || v.is_symbol("MBEDTLS_RSA_PKCS_V15");
    if (name == "RSA_public_encrypt" || name == "RSA_private_decrypt" || name == "EVP_PKEY_CTX_set_rsa_padding")
      v15 = v15 || v.is_integer(1);
    if (name.starts_with("mbedtls_rsa")) v15 = v15 || v.is_integer(0);
    if (name.starts_with("BCrypt") || name.starts_with("NCrypt") || name.starts_with("wc_")) {
      const auto sym = arg_symbols(c, arg);
      v15 = std::any_of(sym.begin(), sym.end(), [](std::string_view s) {
        return s == "BCRYPT_PAD_PKCS1" || s == "NCRYPT_PAD_PKCS1_FLAG" || s == "WC_RSA_PKCSV15_PAD";
      });
      if (name.starts_with("wc_")) return;  // WC_RSA_PKCSV15_PAD is flagged as a constant
    }
    if (!v15) return;
    if (needs_context && !encrypts_with_rsa(c.function)) return;
    report(c.name, "CRYPTO-1/rsa-pkcs1-encryption", "RSA PKCS#1 v1.5",
           std::string(name) + " selects PKCS#1 v1.5 padding for RSA encryption" + via(v) + ": " +
               weakness_message(Weakness::rsa_pkcs1_encryption, {}));
  }

  void default_mbedtls_padding(const Call& c, std::string_view name) {
    // mbedTLS RSA contexts default to PKCS#1 v1.5: encrypting without choosing a padding uses it.
    // The choice is looked for in the function; when the function did not make the context
    // (mbedtls_rsa_init / mbedtls_pk_setup elsewhere), anywhere in the file.
    const std::array<std::string_view, 2> choosers{"mbedtls_rsa_set_padding", "mbedtls_rsa_init"};
    if (c.function >= 0 && function_calls_any(c.function, choosers)) {
      for (size_t ci : values().calls_in(c.function)) {
        const Call& s = file_.syntax.calls()[ci];
        if (toks_[s.name].text == "mbedtls_rsa_set_padding" ||
            (toks_[s.name].text == "mbedtls_rsa_init" && s.args.size() >= 2))
          return;  // chosen here (and judged by rsa_padding)
      }
    } else {
      for (const Token& t : toks_)
        if (t.is_ident("MBEDTLS_RSA_PKCS_V21") || t.is_ident("mbedtls_rsa_set_padding")) return;
    }
    report(c.name, "CRYPTO-1/rsa-pkcs1-encryption", "RSA PKCS#1 v1.5",
           std::string(name) + " encrypts with the RSA context's default padding, PKCS#1 v1.5 (the file never selects "
                               "MBEDTLS_RSA_PKCS_V21): " +
               weakness_message(Weakness::rsa_pkcs1_encryption, {}));
  }

  void block_call(const Call& c, const BlockCall& b) {
    if (static_cast<size_t>(b.input) >= c.args.size()) return;
    const size_t base = values().base_name({c.args[static_cast<size_t>(b.input)].first,
                                            c.args[static_cast<size_t>(b.input)].second});
    if (base < toks_.size())
      for (const auto& w : identifier_words(toks_[base].text))
        if (one_of(w, construction_input_words)) return;
    if (c.function >= 0) {
      const auto& f = file_.syntax.functions()[static_cast<size_t>(c.function)];
      for (const auto& w : identifier_words(toks_[f.name].text))
        if (one_of(w, construction_function_words)) return;
    }
    const std::string_view name = toks_[c.name].text;
    report(c.name, "CRYPTO-1/ecb-mode", "ECB",
           std::string(name) + " encrypts the data itself block by block, which is ECB mode: " +
               weakness_message(Weakness::ecb, "ECB"));
  }

  void gcry_sexp_format(const Call& c) {
    // gcry_sexp_build(&s, NULL, "(genkey (rsa (nbits %d)))", 1024)
    if (c.args.size() < 4) return;
    const Value fmt = arg_value(c, 2);
    if (!fmt.is(Value::Kind::string) || fmt.text.find("genkey") == std::string::npos) return;
    const size_t nb = fmt.text.find("nbits");
    if (nb == std::string::npos || fmt.text.find('%', nb) == std::string::npos) return;
    if (fmt.text.find("rsa") == std::string::npos && fmt.text.find("dsa") == std::string::npos &&
        fmt.text.find("elg") == std::string::npos)
      return;
    // The conversion for nbits is the first one after it; count the conversions before it.
    size_t conversions = 0;
    for (size_t k = 0; k < nb; ++k)
      if (fmt.text[k] == '%' && k + 1 < fmt.text.size() && fmt.text[k + 1] != '%') ++conversions;
    const Value v = arg_value(c, static_cast<int>(3 + conversions));
    if (!v.is(Value::Kind::integer) || v.integer <= 0 || v.integer >= 2048) return;
    report(c.name, "CRYPTO-1/short-key", "RSA",
           "libgcrypt key generation with nbits " + std::to_string(v.integer) + via(v) +
               ": RSA, DSA and ElGamal keys under 2048 bits are breakable with today's computing (NIST SP "
               "800-131A); use 2048 bits or more");
  }

  void scan_calls() {
    for (const Call& c : file_.syntax.calls()) {
      if (!c.macro.empty()) continue;
      const std::string_view name = toks_[c.name].text;
      for (const auto& k : key_size_calls)
        if (k.name == name) key_size(c, k);
      if (name == "CryptGenKey") crypt_gen_key(c);
      if (name.ends_with("set_min_proto_version") || name.ends_with("set_max_proto_version") ||
          name.starts_with("mbedtls_ssl_conf_m") || name == "wolfSSL_CTX_SetMinVersion" ||
          name == "wolfSSL_SetMinVersion")
        protocol_version(c, name);
      if (name == "SSL_CTX_clear_options" || name == "SSL_clear_options") cleared_options(c);
      if (name == "SSL_CTX_set_cipher_list" || name == "SSL_set_cipher_list" ||
          name == "wolfSSL_CTX_set_cipher_list" || name == "wolfSSL_set_cipher_list")
        cipher_list(c);
      if (name == "gnutls_priority_set_direct" || name == "gnutls_priority_init" || name == "gnutls_priority_init2")
        gnutls_priority(c);
      for (const auto& n : named_algorithm_calls)
        if (n.name == name) named_algorithm(c, n.arg);
      rsa_padding(c, name);
      if (name == "mbedtls_rsa_pkcs1_encrypt" || name == "mbedtls_pk_encrypt") default_mbedtls_padding(c, name);
      for (const auto& b : block_calls)
        if (b.name == name) block_call(c, b);
      if (name == "gcry_sexp_build") gcry_sexp_format(c);
    }
  }

  // libgcrypt key parameters written as S-expression literals: "(genkey (rsa (nbits 4:1024)))".
  void scan_strings() {
    for (size_t i = 0; i < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if (t.kind != TokenKind::string || t.directive || file_.syntax.dead(i)) continue;
      const std::string_view s = string_body(t);
      if (s.find("genkey") == std::string_view::npos) continue;
      if (s.find("rsa") == std::string_view::npos && s.find("dsa") == std::string_view::npos &&
          s.find("elg") == std::string_view::npos)
        continue;
      const size_t nb = s.find("nbits");
      if (nb == std::string_view::npos) continue;
      size_t k = nb + 5;
      while (k < s.size() && s[k] == ' ') ++k;
      size_t digits_begin = k;
      while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
      if (k < s.size() && s[k] == ':') {  // a length prefix: "4:1024"
        digits_begin = ++k;
        while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
      }
      int64_t bits = 0;
      if (k == digits_begin || !parse_integer(s.substr(digits_begin, k - digits_begin), bits)) continue;
      if (bits <= 0 || bits >= 2048) continue;
      report(i, "CRYPTO-1/short-key", "RSA",
             "libgcrypt key generation with nbits " + std::to_string(bits) +
                 ": RSA, DSA and ElGamal keys under 2048 bits are breakable with today's computing (NIST SP "
                 "800-131A); use 2048 bits or more");
    }
  }

  const SourceFile& file_;
  std::span<const Token> toks_;
  std::vector<Finding>& out_;
  const CallSites sites_;
  const Severity severity_;
  std::optional<FileValues> values_;
  std::set<std::tuple<int64_t, std::string, std::string>> seen_;
  std::map<std::string_view, MacroUse> macros_;
  std::map<std::string_view, WeakName> sha1_macros_;
  std::map<int, bool> hmac_functions_;
  std::map<std::string_view, bool> types_;
};

class WeakCrypto final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"weak-crypto",
            InputKind::source,
            {"CRYPTO-1/weak-hash", "CRYPTO-1/weak-cipher", "CRYPTO-1/ecb-mode", "CRYPTO-1/rsa-pkcs1-encryption",
             "CRYPTO-1/short-key", "CRYPTO-1/old-protocol", "CRYPTO-1/weak-cipher-suite"}};
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    if (file.tokens.empty()) return;
    Check(file, out).run();
  }
};

}  // namespace

MDBC_SOURCE_RULE(WeakCrypto)

}  // namespace mdbc::source
