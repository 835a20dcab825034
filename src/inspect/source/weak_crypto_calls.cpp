// CRYPTO-1, part two: the choices made in a call's arguments — key sizes, protocol versions and
// cleared protocol options, cipher lists and priority strings, algorithms named by string, RSA
// padding, single-block ECB use and libgcrypt key parameters.
#include "inspect/source/weak_crypto_check.h"

#include <charconv>

#include "inspect/source/identifier_words.h"

namespace mdbc::source::weak_crypto {

// The value an argument holds on every path the file shows (value_origins.h).
Value Check::arg_value(const Call& c, int n) {
  if (n < 0 || static_cast<size_t>(n) >= c.args.size()) return {};
  return origins_.settled({c.args[static_cast<size_t>(n)].first, c.args[static_cast<size_t>(n)].second}, c.function);
}

std::vector<std::string_view> Check::arg_symbols(const Call& c, int n) {
  if (n < 0 || static_cast<size_t>(n) >= c.args.size()) return {};
  return values().symbols({c.args[static_cast<size_t>(n)].first, c.args[static_cast<size_t>(n)].second}, c.function);
}

std::string Check::via(const Value& v) const {
  if (!v.via) return {};
  return " (through " + std::string(toks_[v.via->name].text) + ", line " + std::to_string(toks_[v.via->name].line) +
         ")";
}

bool Check::function_calls_any(int fn, std::span<const std::string_view> names) {
  for (size_t ci : values().calls_in(fn)) {
    const std::string_view n = toks_[file_.syntax.calls()[ci].name].text;
    if (std::find(names.begin(), names.end(), n) != names.end()) return true;
  }
  return false;
}

bool Check::file_calls_any(std::span<const std::string_view> names) {
  return !file_.syntax.calls_named(names).empty();
}

bool Check::encrypts_with_rsa(int fn) {
  if (fn >= 0 && function_calls_any(fn, encryption_calls)) return true;
  if (fn >= 0 && function_calls_any(fn, signing_calls)) return false;
  return file_calls_any(encryption_calls) && !file_calls_any(signing_calls);
}

bool Check::signs_with_rsa(int fn) {
  if (fn >= 0 && function_calls_any(fn, signing_calls)) return true;
  if (fn >= 0 && function_calls_any(fn, encryption_calls)) return false;
  return file_calls_any(signing_calls) && !file_calls_any(encryption_calls);
}

bool Check::mentions(int fn, std::string_view identifier) {
  if (fn < 0) return false;
  const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
  for (size_t k : values().occurrences(identifier))
    if (k > f.body_open && k < f.body_close) return true;
  return false;
}

std::optional<int64_t> macro_number(std::string_view body) {
  int base = 10;
  if (body.starts_with("0x") || body.starts_with("0X")) {
    base = 16;
    body.remove_prefix(2);
  }
  while (!body.empty() && (body.back() == 'u' || body.back() == 'U' || body.back() == 'l' || body.back() == 'L'))
    body.remove_suffix(1);
  int64_t n = 0;
  const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), n, base);
  if (error != std::errc() || end != body.data() + body.size() || body.empty()) return std::nullopt;
  return n;
}

bool short_key_size_macro(std::string_view name, std::string_view body) {
  const auto n = macro_number(body);
  return n && *n > 0 && *n < 2048 && names_key_size(name);
}

bool names_key_size(std::string_view name) {
  // RSA_KEY_SIZE, DH_MODULUS_LEN, DEVICE_KEY_BITS; not a plain KEY_SIZE, which hash, MAC and
  // RSS keys have too. Macro names, in upper case: this is asked of every name of the tree, and
  // most are not.
  if (name.empty() || name[0] < 'A' || name[0] > 'Z') return false;
  if (name.find("BITS") == std::string_view::npos && name.find("SIZE") == std::string_view::npos &&
      name.find("LEN") == std::string_view::npos)
    return false;
  bool asymmetric = false, key = false, bits = false, size = false;
  any_word(name, [&](std::string_view w) {
    // Every word tested here is one of key_size_name_parts.
    asymmetric = asymmetric || w == "rsa" || w == "dh" || w == "dsa" || w == "modulus";
    key = key || w == "key";
    bits = bits || w == "bits" || w == "nbits";
    size = size || bits || w == "size" || w == "length" || w == "len";
    return (asymmetric && size) || (key && bits);
  });
  return (asymmetric && size) || (key && bits);
}

void Check::key_size(const Call& c, const KeySizeCall& k) {
  const Value v = arg_value(c, k.arg);
  const bool short_here = v.is(Value::Kind::integer) && v.integer > 0 && v.integer < 2048;
  // A size named by a macro this file does not define: perhaps a header's (decided tree-wide).
  const bool from_header = !short_here && v.is(Value::Kind::symbol) && values().visible(v.text, c.function).empty();
  if (!short_here && !from_header) return;
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
  if (from_header) {
    if (includes_.empty()) includes_ = quoted_includes(file_);
    if (!includes_.empty())
      pending_.push_back({file_.at(toks_[c.name], "CRYPTO-1/short-key", "", severity_), std::string(name), family,
                          v.text, includes_});
    return;
  }
  report(c.name, "CRYPTO-1/short-key", family, short_key_message(name, v.integer, family, via(v)));
}

std::string short_key_message(std::string_view api, int64_t bits, std::string_view family, std::string_view via) {
  return std::string(api) + " asks for a " + std::to_string(bits) + "-bit " + std::string(family) + " key" +
         std::string(via) +
         ": RSA, DH and DSA keys under 2048 bits are breakable with today's computing (NIST SP 800-131A); use "
         "2048 bits or more (3072 for protection beyond 2030) or an elliptic-curve key";
}

void Check::crypt_gen_key(const Call& c) {
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

void Check::protocol_version(const Call& c, std::string_view name) {
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
  } else if (name == "SSL_CTX_ctrl" || name == "SSL_ctrl") {
    // What OpenSSL's SSL_CTX_set_min_proto_version macros expand to, written out.
    const auto command = arg_symbols(c, 1);
    const bool min = std::find(command.begin(), command.end(), "SSL_CTRL_SET_MIN_PROTO_VERSION") != command.end();
    const bool max = std::find(command.begin(), command.end(), "SSL_CTRL_SET_MAX_PROTO_VERSION") != command.end();
    if (!min && !max) return;
    table = openssl_versions;
    arg = 2;
    name = max ? "SSL_CTRL_SET_MAX_PROTO_VERSION" : "SSL_CTRL_SET_MIN_PROTO_VERSION";
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

void Check::cleared_options(const Call& c) {
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

std::string_view Check::weak_in_cipher_list(std::string_view list) {
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

void Check::cipher_list(const Call& c, int arg) {
  const Value v = arg_value(c, arg);
  if (!v.is(Value::Kind::string)) return;
  const std::string_view weak = weak_in_cipher_list(v.text);
  if (weak.empty()) return;
  report(c.name, "CRYPTO-1/weak-cipher-suite", weak,
         std::string(toks_[c.name].text) + " \"" + v.text + "\"" + via(v) + ": " +
             weakness_message(Weakness::weak_cipher_suite, weak));
}

void Check::gnutls_priority(const Call& c) {
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

void Check::named_algorithm(const Call& c, int arg) {
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
  const auto w = name.starts_with("crypto_alloc_") ? weak_kernel_transformation(v.text) : weak_algorithm_name(v.text);
  if (!w) return;
  if (w->weakness == Weakness::sha1 && sha1_accepted(c.args[static_cast<size_t>(arg)].first)) return;
  if (w->weakness == Weakness::sha1 && function_has_hmac(c.function)) return;
  report(c.name, weakness_rule(w->weakness), w->algorithm,
         std::string(name) + "(\"" + v.text + "\")" + via(v) + " uses " + std::string(w->algorithm) + ": " +
             weakness_message(w->weakness, w->algorithm));
}

void Check::rsa_padding(const Call& c, std::string_view name) {
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
  // A padding set on an EVP_PKEY_CTX is for encryption unless the code visibly signs with it.
  if (name == "EVP_PKEY_CTX_set_rsa_padding" ? signs_with_rsa(c.function)
                                             : needs_context && !encrypts_with_rsa(c.function))
    return;
  report(c.name, "CRYPTO-1/rsa-pkcs1-encryption", "RSA PKCS#1 v1.5",
         std::string(name) + " selects PKCS#1 v1.5 padding for RSA encryption" + via(v) + ": " +
             weakness_message(Weakness::rsa_pkcs1_encryption, {}));
}

void Check::default_mbedtls_padding(const Call& c, std::string_view name) {
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

void Check::block_call(const Call& c, const BlockCall& b) {
  if (static_cast<size_t>(b.input) >= c.args.size()) return;
  const size_t base = values().base_name({c.args[static_cast<size_t>(b.input)].first,
                                          c.args[static_cast<size_t>(b.input)].second});
  if (base < toks_.size() &&
      any_word(toks_[base].text, [](std::string_view w) { return one_of(w, construction_input_words); }))
    return;
  if (c.function >= 0) {
    const auto& f = file_.syntax.functions()[static_cast<size_t>(c.function)];
    if (any_word(toks_[f.name].text, [](std::string_view w) { return one_of(w, construction_function_words); }))
      return;
  }
  const std::string_view name = toks_[c.name].text;
  report(c.name, "CRYPTO-1/ecb-mode", "ECB",
         std::string(name) + " encrypts the data itself block by block, which is ECB mode: " +
             weakness_message(Weakness::ecb, "ECB"));
}

void Check::gcry_sexp_format(const Call& c) {
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

void Check::gcry_pkcs1_data(const Call& c, int arg) {
  // libgcrypt's "pkcs1" flag pads with PKCS#1 v1.5: block type 2 for gcry_pk_encrypt, block type 1
  // (acceptable) for gcry_pk_sign; "oaep" is the fix.
  static constexpr std::array<std::string_view, 2> gcry_encryption{"gcry_pk_encrypt", "gcry_pk_decrypt"};
  static constexpr std::array<std::string_view, 2> gcry_signing{"gcry_pk_sign", "gcry_pk_verify"};
  const Value v = arg_value(c, arg);
  if (!v.is(Value::Kind::string) || v.text.find("(data") == std::string::npos) return;
  const size_t flags = v.text.find("(flags");
  if (flags == std::string::npos) return;
  const std::string_view listed = std::string_view(v.text).substr(flags, v.text.find(')', flags) - flags);
  bool pkcs1 = false;
  for (size_t k = listed.find("pkcs1"); k != std::string_view::npos; k = listed.find("pkcs1", k + 1))
    pkcs1 = pkcs1 || ((k + 5 == listed.size() || listed[k + 5] == ' ') && listed[k - 1] == ' ');
  if (!pkcs1) return;
  const bool encrypts = c.function >= 0 ? function_calls_any(c.function, gcry_encryption)
                                        : file_calls_any(gcry_encryption) && !file_calls_any(gcry_signing);
  if (!encrypts) return;
  report(c.name, "CRYPTO-1/rsa-pkcs1-encryption", "RSA PKCS#1 v1.5",
         "libgcrypt data \"" + v.text + "\"" + via(v) + " for gcry_pk_encrypt: " +
             weakness_message(Weakness::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5"));
}

void Check::scan_calls() {
  for (const Call& c : file_.syntax.calls()) {
    if (!c.macro.empty()) continue;
    const std::string_view name = toks_[c.name].text;
    for (const auto& k : key_size_calls)
      if (k.name == name) key_size(c, k);
    if (name == "CryptGenKey") crypt_gen_key(c);
    if (name == "CryptCreateHash" || name == "CryptDeriveKey" || name == "CryptGenKey") numeric_alg_id(c);
    if (name == "CryptEncrypt" || name == "CryptDecrypt") capi_rsa_padding(c);
    if (name.ends_with("set_min_proto_version") || name.ends_with("set_max_proto_version") ||
        name.starts_with("mbedtls_ssl_conf_m") || name == "wolfSSL_CTX_SetMinVersion" ||
        name == "wolfSSL_SetMinVersion" || name == "SSL_CTX_ctrl" || name == "SSL_ctrl")
      protocol_version(c, name);
    if (name == "SSL_CTX_clear_options" || name == "SSL_clear_options") cleared_options(c);
    if (name == "SSL_CTX_set_cipher_list" || name == "SSL_set_cipher_list" ||
        name == "wolfSSL_CTX_set_cipher_list" || name == "wolfSSL_set_cipher_list")
      cipher_list(c, 1);
    // libcurl: curl_easy_setopt(curl, CURLOPT_SSL_CIPHER_LIST, "…"), and the list for an HTTPS proxy.
    if (name == "curl_easy_setopt" && c.args.size() == 3) {
      const auto option = arg_symbols(c, 1);
      if (std::find_if(option.begin(), option.end(), [](std::string_view o) {
            return o == "CURLOPT_SSL_CIPHER_LIST" || o == "CURLOPT_PROXY_SSL_CIPHER_LIST";
          }) != option.end())
        cipher_list(c, 2);
    }
    if (name == "gnutls_priority_set_direct" || name == "gnutls_priority_init" || name == "gnutls_priority_init2")
      gnutls_priority(c);
    for (const auto& n : named_algorithm_calls)
      if (n.name == name) named_algorithm(c, n.arg);
    rsa_padding(c, name);
    if (name == "mbedtls_rsa_pkcs1_encrypt" || name == "mbedtls_pk_encrypt") default_mbedtls_padding(c, name);
    for (const auto& b : block_calls)
      if (b.name == name) block_call(c, b);
    if (name == "gcry_sexp_build") gcry_sexp_format(c);
    if (name == "gcry_sexp_build" || name == "gcry_sexp_sscan") gcry_pkcs1_data(c, 2);
    if (name == "gcry_sexp_new") gcry_pkcs1_data(c, 1);
  }
}

void Check::scan_strings() {
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

}  // namespace mdbc::source::weak_crypto
