// CRYPTO-1: forbidden algorithms, modes, paddings, key sizes and protocol versions chosen through
// the APIs of OpenSSL, mbedTLS/PSA, wolfSSL, tinycrypt, libgcrypt, GnuTLS and Windows
// CryptoAPI/CNG (the names in crypto_apis.cpp), and of C++ class libraries (Qt, Crypto++,
// Boost.Asio, Botan: weak_crypto_classes.cpp), including choices made through a macro, a
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
#include "inspect/source/weak_crypto_check.h"


namespace mdbc::source {
namespace weak_crypto {
namespace {

bool all_capitals(std::string_view name) {
  return std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

void Check::report(size_t token, std::string_view rule, std::string_view algorithm, std::string message) {
  const int fn = values().function_at(token);
  const auto key = std::make_tuple(fn < 0 ? -static_cast<int64_t>(toks_[token].line) : fn, std::string(rule),
                                   std::string(algorithm));
  if (!seen_.insert(key).second) return;
  out_.push_back(file_.at(toks_[token], std::string(rule), std::move(message), severity_));
}

void Check::report_weak(size_t token, const WeakName& w, std::string_view through) {
  std::string what = std::string(toks_[token].text);
  if (!through.empty()) what = std::string(through) + " (" + what + ")";
  report(token, weakness_rule(w.weakness), w.algorithm,
         what + " uses " + std::string(w.algorithm) + ": " + weakness_message(w.weakness, w.algorithm));
}

bool Check::in_enum_list(size_t i) const {
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

bool Check::chooses(size_t i, const WeakName& w) {
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
    // An all-capital name given as an argument (`cpu_feature(SHA1)`, `__khwcap_feature(SHA1)` in
    // a #define body) is a word a macro pastes into a feature flag, not OpenSSL's one-shot digest
    // passed as a pointer: a function chosen as a value is assigned, returned or has its address taken.
    const bool argument = prev && (prev->is("(") || prev->is(",")) && next && (next->is(")") || next->is(","));
    if (argument && all_capitals(toks_[i].text)) return false;
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

bool Check::hmac_call(const Call& c) {
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

bool Check::function_has_hmac(int fn) {
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

const Call* Check::enclosing_call(size_t i, int fn) {
  const Call* best = nullptr;
  for (size_t ci : values().calls_in(fn)) {
    const Call& c = file_.syntax.calls()[ci];
    if (c.open < i && i < c.close && (!best || c.open > best->open)) best = &c;
  }
  return best;
}

bool Check::sha1_accepted(size_t i) {
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

void Check::scan_directives() {
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

bool Check::is_lowercase_alias(std::string_view macro, size_t begin, size_t end) const {
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

bool Check::defines_type(std::string_view name) {
  if (auto it = types_.find(name); it != types_.end()) return it->second;
  bool found = false;
  for (size_t k : values().occurrences(name))
    if (k > 0 && (toks_[k - 1].is_ident("class") || toks_[k - 1].is_ident("struct") ||
                  toks_[k - 1].is_ident("namespace")))
      found = true;
  types_[name] = found;
  return found;
}

void Check::scan_identifiers() {
  NameMemo weak(file_.names);  // weak_name once per distinct name
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
    if (!weak(t, [](std::string_view n) { return weak_name(n).has_value(); })) continue;
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

void Check::report_unused_macros() {
  if (!is_header(file_.input.path)) return;
  for (const auto& [name, m] : macros_)
    if (!m.used) report_weak(m.weak_token, m.weak, name);
}

}  // namespace weak_crypto

namespace {

class WeakCrypto final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"weak-crypto",
            InputKind::source,
            {"CRYPTO-1/weak-hash", "CRYPTO-1/weak-cipher", "CRYPTO-1/ecb-mode", "CRYPTO-1/rsa-pkcs1-encryption",
             "CRYPTO-1/short-key", "CRYPTO-1/old-protocol", "CRYPTO-1/weak-cipher-suite"}};
  }

  // Every choice this rule reports is made through a library's name (weak_name, the APIs of
  // is_crypto_api, the key-size, signing and protocol calls, libcurl's cipher-list options and the
  // build switches below), or in a libgcrypt key-generation S-expression string.
  bool gated_by_names() const override { return true; }
  bool reacts_to(std::string_view n) const override {
    return weak_name(n).has_value() || is_crypto_api(n) || n.starts_with("Crypt") || n.starts_with("DH_") ||
           n.starts_with("DSA_") || n.starts_with("X509_") || n.starts_with("OSSL_") || n.starts_with("MBEDTLS_") ||
           n.starts_with("WOLFSSL_") || n.ends_with("_proto_version") || n.starts_with("crypto_alloc_") ||
           n == "CURLOPT_SSL_CIPHER_LIST" || n == "CURLOPT_PROXY_SSL_CIPHER_LIST" || n == "QCryptographicHash" ||
           n == "QSsl" || n == "CryptoPP" || n == "Botan" || n == "get_cipher_mode" || n == "asio" ||
           weak_crypto::names_key_size(n);  // a header's key size, for the files that include it
  }
  // The shapes of the names reacts_to() accepts, clause by clause.
  std::optional<ReactingNames> reacting_names() const override {
    ReactingNames shapes;
    shapes.prefixes = weak_name_prefixes();
    shapes.prefixes.insert(shapes.prefixes.end(), crypto_api_prefixes().begin(), crypto_api_prefixes().end());
    shapes.prefixes.insert(shapes.prefixes.end(), {"Crypt", "DH_", "DSA_", "X509_", "OSSL_", "MBEDTLS_", "WOLFSSL_",
                                                   "crypto_alloc_", "CURLOPT_SSL_CIPHER_LIST",
                                                   "CURLOPT_PROXY_SSL_CIPHER_LIST", "QCryptographicHash", "QSsl",
                                                   "CryptoPP", "Botan", "get_cipher_mode", "asio"});
    shapes.suffixes = {"_proto_version"};
    shapes.parts.assign(weak_crypto::key_size_name_parts.begin(), weak_crypto::key_size_name_parts.end());
    return shapes;
  }
  bool triggered_otherwise(const SourceFile& file) const override {
    return std::any_of(file.tokens.begin(), file.tokens.end(), [](const Token& t) {
      return t.kind == TokenKind::string && t.text.find("genkey") != std::string_view::npos;
    });
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    if (file.tokens.empty()) return;
    KeySizeFacts found;
    weak_crypto::Check(file, out, found.pending).run();
    if (is_header(file.input.path)) found.sizes = single_token_macros(file, weak_crypto::short_key_size_macro);
    if (!found.sizes.empty() || !found.pending.empty()) facts = std::move(found);
  }

  // Key sizes given by a macro of a header the file includes with quotes.
  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    const auto decide = [&](const auto& pending, const HeaderMacroIndex::Definition& definition) {
      Finding finding = pending.at;
      finding.message = weak_crypto::short_key_message(
          pending.api, weak_crypto::macro_number(definition.body).value_or(0), pending.family,
          " (through " + pending.macro + ", defined in " + std::string(definition.header) + ")");
      out.findings.push_back(std::move(finding));
    };
    decide_pending_macros(files, &KeySizeFacts::sizes, &KeySizeFacts::pending, decide);
  }

 private:
  struct KeySizeFacts {
    std::vector<HeaderMacro> sizes;  // a header's macros that are short key sizes
    std::vector<weak_crypto::PendingKeySize> pending;
  };
};

}  // namespace

MDBC_SOURCE_RULE(WeakCrypto)

}  // namespace mdbc::source
