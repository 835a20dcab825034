#pragma once
// CRYPTO-1 (weak_crypto.cpp, weak_crypto_calls.cpp): the check of one file and the API facts it
// uses. Internal to those two files.
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
#include "inspect/source/header_macros.h"
#include "inspect/source/source_values.h"
#include "inspect/source/value_origins.h"

namespace mdbc::source::weak_crypto {

inline bool lower_contains(std::string_view s, std::string_view part) {
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
    // The Linux kernel's crypto API (include/crypto/hash.h, skcipher.h, aead.h, crypto/internal/cipher.h).
    {"crypto_alloc_shash", 0},          {"crypto_alloc_ahash", 0},            {"crypto_alloc_skcipher", 0},
    {"crypto_alloc_sync_skcipher", 0},  {"crypto_alloc_cipher", 0},           {"crypto_alloc_aead", 0},
};

struct MacroUse {
  size_t weak_token;  // the weak identifier inside the macro's body
  WeakName weak;
  std::string weak_text;
  bool used = false;
  size_t define_name;
};

// A key size given by a macro the file does not define: decided in finish() against the macros of
// the headers the file includes (header_macros.h).
struct PendingKeySize {
  Finding at;  // where to report; the message is written when decided
  std::string api, family, macro;
  std::vector<std::string> includes;
};

// A header macro that may be a short key size: a name saying key, RSA, DH, DSA or modulus and
// bits or size, and a positive number under 2048.
bool short_key_size_macro(std::string_view name, std::string_view body);
// The name part of that test (RSA_KEY_BITS, DH_MODULUS_SIZE, KEY_LEN).
bool names_key_size(std::string_view name);
// What every name names_key_size() accepts holds, in any case (its algorithm or "key" word).
inline constexpr std::array<std::string_view, 5> key_size_name_parts{"rsa", "dh", "dsa", "modulus", "key"};
// The number a macro body spells (decimal or 0x hexadecimal), or nullopt.
std::optional<int64_t> macro_number(std::string_view body);
std::string short_key_message(std::string_view api, int64_t bits, std::string_view family, std::string_view via);

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out, std::vector<PendingKeySize>& pending)
      : file_(file), toks_(file.tokens), out_(out), pending_(pending), sites_(file), origins_(file),
        severity_(element_severity(file.ctx, "CRYPTO-1")) {}

  void run() {
    scan_directives();
    scan_identifiers();
    scan_calls();
    scan_strings();
    scan_class_libraries();
    report_unused_macros();
  }

 private:
  const FileValues& values() const { return file_.values(); }
  void report(size_t token, std::string_view rule, std::string_view algorithm, std::string message);
  void report_weak(size_t token, const WeakName& w, std::string_view through);

  // --- identifiers ------------------------------------------------------------------------

  bool in_enum_list(size_t i) const;

  // Whether an occurrence of a weak name is a use that chooses it (not a comparison, a case
  // label, a declaration or the definition of the constant itself).
  bool chooses(size_t i, const WeakName& w);
  bool hmac_call(const Call& c);
  bool function_has_hmac(int fn);

  // The innermost call whose argument list holds token i, or nullptr.
  const Call* enclosing_call(size_t i, int fn);
  bool sha1_accepted(size_t i);
  void scan_directives();

  // Whether the body names the macro's own name in another spelling or length
  // (#define idea_set_encrypt_key IDEA_set_encrypt_key, #define X_ARCFOUR X_ARCFOUR_128).
  bool is_lowercase_alias(std::string_view macro, size_t begin, size_t end) const;

  // Whether the file declares a class, struct or namespace of this name.
  bool defines_type(std::string_view name);
  void scan_identifiers();
  void report_unused_macros();

  // --- calls ----------------------------------------------------------------------------

  Value arg_value(const Call& c, int n);
  std::vector<std::string_view> arg_symbols(const Call& c, int n);
  std::string via(const Value& v) const;
  bool function_calls_any(int fn, std::span<const std::string_view> names);
  bool file_calls_any(std::span<const std::string_view> names);
  bool encrypts_with_rsa(int fn);
  bool signs_with_rsa(int fn);
  bool mentions(int fn, std::string_view identifier);
  void key_size(const Call& c, const KeySizeCall& k);
  void crypt_gen_key(const Call& c);
  void protocol_version(const Call& c, std::string_view name);
  void cleared_options(const Call& c);

  // The first weak family an OpenSSL cipher string enables, or "".
  static std::string_view weak_in_cipher_list(std::string_view list);
  void cipher_list(const Call& c, int arg);
  void gnutls_priority(const Call& c);
  void named_algorithm(const Call& c, int arg);
  void rsa_padding(const Call& c, std::string_view name);
  void default_mbedtls_padding(const Call& c, std::string_view name);
  // Windows CryptoAPI (weak_crypto_capi.cpp): an ALG_ID given as a number, and CryptEncrypt or
  // CryptDecrypt with an RSA key and without CRYPT_OAEP.
  void numeric_alg_id(const Call& c);
  void capi_rsa_padding(const Call& c);
  bool rsa_key(const Call& c, size_t key_arg);
  bool rsa_handle(int fn, std::string_view key, size_t before, bool follow_callers);
  bool rsa_key_blob(const Value& blob);
  void block_call(const Call& c, const BlockCall& b);
  void gcry_sexp_format(const Call& c);
  // A libgcrypt data S-expression with the "pkcs1" flag, built for gcry_pk_encrypt.
  void gcry_pkcs1_data(const Call& c, int arg);
  void scan_calls();

  // libgcrypt key parameters written as S-expression literals: "(genkey (rsa (nbits 4:1024)))".
  void scan_strings();

  // --- C++ class libraries (weak_crypto_classes.cpp) ---------------------------------------

  void scan_class_libraries();
  void botan_factory(size_t i);
  bool sha1_in_hmac(size_t i);
  const SourceFile& file_;
  std::span<const Token> toks_;
  std::vector<Finding>& out_;
  std::vector<PendingKeySize>& pending_;
  std::vector<std::string> includes_;  // the file's quoted #includes, read when first needed
  const CallSites sites_;
  ValueOrigins origins_;  // what each argument settles to (arg_value), found once
  const Severity severity_;
  std::set<std::tuple<int64_t, std::string, std::string>> seen_;
  std::map<std::string_view, MacroUse> macros_;
  std::map<std::string_view, WeakName> sha1_macros_;
  std::map<int, bool> hmac_functions_;
  std::map<std::string_view, bool> types_;
};

}  // namespace mdbc::source::weak_crypto
