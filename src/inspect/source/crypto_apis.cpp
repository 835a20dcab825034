#include "inspect/source/crypto_apis.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>

namespace mdbc::source {
namespace {

using W = Weakness;

struct Entry {
  std::string_view name;
  WeakName weak;
};

constexpr WeakName fn(W w, std::string_view a) { return {w, a, true, false}; }       // computes with it
constexpr WeakName sel_fn(W w, std::string_view a) { return {w, a, true, true}; }    // a function that selects it
constexpr WeakName sel(W w, std::string_view a) { return {w, a, false, true}; }      // a constant that selects it

// Exact names.
constexpr Entry exact_names[] = {
    // OpenSSL EVP selectors
    {"EVP_md2", sel_fn(W::broken_hash, "MD2")},
    {"EVP_md4", sel_fn(W::broken_hash, "MD4")},
    {"EVP_md5", sel_fn(W::broken_hash, "MD5")},
    {"EVP_md5_sha1", sel_fn(W::broken_hash, "MD5")},
    {"EVP_sha1", sel_fn(W::sha1, "SHA-1")},
    {"EVP_rc4", sel_fn(W::rc4, "RC4")},
    {"EVP_rc4_40", sel_fn(W::rc4, "RC4")},
    {"EVP_rc4_hmac_md5", sel_fn(W::rc4, "RC4")},
    {"EVP_desx_cbc", sel_fn(W::des, "DES-X")},
    // OpenSSL legacy digests
    {"MD2", fn(W::broken_hash, "MD2")},
    {"MD2_Init", fn(W::broken_hash, "MD2")},
    {"MD2_Update", fn(W::broken_hash, "MD2")},
    {"MD2_Final", fn(W::broken_hash, "MD2")},
    {"MD4", fn(W::broken_hash, "MD4")},
    {"MD4_Init", fn(W::broken_hash, "MD4")},
    {"MD4_Update", fn(W::broken_hash, "MD4")},
    {"MD4_Final", fn(W::broken_hash, "MD4")},
    {"MD5", fn(W::broken_hash, "MD5")},
    {"MD5_Init", fn(W::broken_hash, "MD5")},
    {"MD5_Update", fn(W::broken_hash, "MD5")},
    {"MD5_Final", fn(W::broken_hash, "MD5")},
    {"MD5_Transform", fn(W::broken_hash, "MD5")},
    {"SHA1", fn(W::sha1, "SHA-1")},
    {"SHA1_Init", fn(W::sha1, "SHA-1")},
    {"SHA1_Update", fn(W::sha1, "SHA-1")},
    {"SHA1_Final", fn(W::sha1, "SHA-1")},
    {"SHA1_Transform", fn(W::sha1, "SHA-1")},
    // OpenSSL legacy ciphers
    {"RC4", fn(W::rc4, "RC4")},
    {"RC4_set_key", fn(W::rc4, "RC4")},
    {"BF_set_key", fn(W::blowfish, "Blowfish")},
    {"BF_encrypt", fn(W::blowfish, "Blowfish")},
    {"BF_decrypt", fn(W::blowfish, "Blowfish")},
    {"BF_ecb_encrypt", fn(W::blowfish, "Blowfish")},
    {"BF_cbc_encrypt", fn(W::blowfish, "Blowfish")},
    {"BF_cfb64_encrypt", fn(W::blowfish, "Blowfish")},
    {"BF_ofb64_encrypt", fn(W::blowfish, "Blowfish")},
    {"CAST_set_key", fn(W::small_block, "CAST5")},
    {"CAST_encrypt", fn(W::small_block, "CAST5")},
    {"CAST_ecb_encrypt", fn(W::small_block, "CAST5")},
    {"CAST_cbc_encrypt", fn(W::small_block, "CAST5")},
    {"IDEA_set_encrypt_key", fn(W::small_block, "IDEA")},
    {"IDEA_ecb_encrypt", fn(W::small_block, "IDEA")},
    {"IDEA_cbc_encrypt", fn(W::small_block, "IDEA")},
    {"RSA_padding_add_PKCS1_type_2", fn(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    {"RSA_padding_check_PKCS1_type_2", fn(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    // OpenSSL protocol methods
    {"SSLv2_method", sel_fn(W::old_protocol, "SSL 2.0")},
    {"SSLv2_client_method", sel_fn(W::old_protocol, "SSL 2.0")},
    {"SSLv2_server_method", sel_fn(W::old_protocol, "SSL 2.0")},
    {"SSLv3_method", sel_fn(W::old_protocol, "SSL 3.0")},
    {"SSLv3_client_method", sel_fn(W::old_protocol, "SSL 3.0")},
    {"SSLv3_server_method", sel_fn(W::old_protocol, "SSL 3.0")},
    {"TLSv1_method", sel_fn(W::old_protocol, "TLS 1.0")},
    {"TLSv1_client_method", sel_fn(W::old_protocol, "TLS 1.0")},
    {"TLSv1_server_method", sel_fn(W::old_protocol, "TLS 1.0")},
    {"TLSv1_1_method", sel_fn(W::old_protocol, "TLS 1.1")},
    {"TLSv1_1_client_method", sel_fn(W::old_protocol, "TLS 1.1")},
    {"TLSv1_1_server_method", sel_fn(W::old_protocol, "TLS 1.1")},
    {"DTLSv1_method", sel_fn(W::old_protocol, "DTLS 1.0")},
    {"DTLSv1_client_method", sel_fn(W::old_protocol, "DTLS 1.0")},
    {"DTLSv1_server_method", sel_fn(W::old_protocol, "DTLS 1.0")},
    // OpenSSL object ids
    {"NID_md2", sel(W::broken_hash, "MD2")},
    {"NID_md4", sel(W::broken_hash, "MD4")},
    {"NID_md5", sel(W::broken_hash, "MD5")},
    {"NID_md5WithRSAEncryption", sel(W::broken_hash, "MD5")},
    {"NID_md5WithRSA", sel(W::broken_hash, "MD5")},
    {"NID_sha1", sel(W::sha1, "SHA-1")},
    {"NID_sha1WithRSAEncryption", sel(W::sha1, "SHA-1")},
    {"NID_sha1WithRSA", sel(W::sha1, "SHA-1")},
    {"NID_ecdsa_with_SHA1", sel(W::sha1, "SHA-1")},
    {"NID_dsaWithSHA1", sel(W::sha1, "SHA-1")},
    // mbedTLS
    {"MBEDTLS_MD_MD2", sel(W::broken_hash, "MD2")},
    {"MBEDTLS_MD_MD4", sel(W::broken_hash, "MD4")},
    {"MBEDTLS_MD_MD5", sel(W::broken_hash, "MD5")},
    {"MBEDTLS_MD_SHA1", sel(W::sha1, "SHA-1")},
    {"MBEDTLS_CIPHER_ARC4_128", sel(W::rc4, "RC4")},
    {"MBEDTLS_CIPHER_ID_DES", sel(W::des, "DES")},
    {"MBEDTLS_CIPHER_ID_3DES", sel(W::triple_des, "3DES")},
    {"MBEDTLS_CIPHER_ID_ARC4", sel(W::rc4, "RC4")},
    {"MBEDTLS_CIPHER_ID_BLOWFISH", sel(W::blowfish, "Blowfish")},
    {"MBEDTLS_MODE_ECB", sel(W::ecb, "ECB")},
    {"mbedtls_rsa_rsaes_pkcs1_v15_encrypt", fn(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    {"mbedtls_rsa_rsaes_pkcs1_v15_decrypt", fn(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    // PSA Crypto
    {"PSA_ALG_MD2", sel(W::broken_hash, "MD2")},
    {"PSA_ALG_MD4", sel(W::broken_hash, "MD4")},
    {"PSA_ALG_MD5", sel(W::broken_hash, "MD5")},
    {"PSA_ALG_SHA_1", sel(W::sha1, "SHA-1")},
    {"PSA_ALG_ECB_NO_PADDING", sel(W::ecb, "ECB")},
    {"PSA_KEY_TYPE_DES", sel(W::triple_des, "DES/3DES")},
    {"PSA_KEY_TYPE_ARC4", sel(W::rc4, "RC4")},
    {"PSA_ALG_RSA_PKCS1V15_CRYPT", sel(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    // wolfSSL
    {"wc_InitSha", fn(W::sha1, "SHA-1")},
    {"wc_InitSha_ex", fn(W::sha1, "SHA-1")},
    {"wc_ShaUpdate", fn(W::sha1, "SHA-1")},
    {"wc_ShaFinal", fn(W::sha1, "SHA-1")},
    {"wc_ShaFinalRaw", fn(W::sha1, "SHA-1")},
    {"wc_ShaHash", fn(W::sha1, "SHA-1")},
    {"wc_ShaGetHash", fn(W::sha1, "SHA-1")},
    {"wc_AesEcbEncrypt", fn(W::ecb, "AES-ECB")},
    {"wc_AesEcbDecrypt", fn(W::ecb, "AES-ECB")},
    {"wc_RsaPublicEncrypt", fn(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    {"wc_RsaPrivateDecrypt", fn(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    {"wc_RsaPrivateDecryptInline", fn(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    {"WC_RSA_PKCSV15_PAD", sel(W::rsa_pkcs1_encryption, "RSA PKCS#1 v1.5 encryption")},
    {"WC_MD5", sel(W::broken_hash, "MD5")},
    {"WC_HASH_TYPE_MD2", sel(W::broken_hash, "MD2")},
    {"WC_HASH_TYPE_MD4", sel(W::broken_hash, "MD4")},
    {"WC_HASH_TYPE_MD5", sel(W::broken_hash, "MD5")},
    {"WC_HASH_TYPE_MD5_SHA", sel(W::broken_hash, "MD5")},
    {"WC_SHA", sel(W::sha1, "SHA-1")},
    {"WC_HASH_TYPE_SHA", sel(W::sha1, "SHA-1")},
    {"wolfSSLv3_method", sel_fn(W::old_protocol, "SSL 3.0")},
    {"wolfSSLv3_client_method", sel_fn(W::old_protocol, "SSL 3.0")},
    {"wolfSSLv3_server_method", sel_fn(W::old_protocol, "SSL 3.0")},
    {"wolfTLSv1_method", sel_fn(W::old_protocol, "TLS 1.0")},
    {"wolfTLSv1_client_method", sel_fn(W::old_protocol, "TLS 1.0")},
    {"wolfTLSv1_server_method", sel_fn(W::old_protocol, "TLS 1.0")},
    {"wolfTLSv1_1_method", sel_fn(W::old_protocol, "TLS 1.1")},
    {"wolfTLSv1_1_client_method", sel_fn(W::old_protocol, "TLS 1.1")},
    {"wolfTLSv1_1_server_method", sel_fn(W::old_protocol, "TLS 1.1")},
    {"wolfDTLSv1_method", sel_fn(W::old_protocol, "DTLS 1.0")},
    {"wolfDTLSv1_client_method", sel_fn(W::old_protocol, "DTLS 1.0")},
    {"wolfDTLSv1_server_method", sel_fn(W::old_protocol, "DTLS 1.0")},
    // libgcrypt
    {"GCRY_MD_MD2", sel(W::broken_hash, "MD2")},
    {"GCRY_MD_MD4", sel(W::broken_hash, "MD4")},
    {"GCRY_MD_MD5", sel(W::broken_hash, "MD5")},
    {"GCRY_MAC_HMAC_MD5", sel(W::broken_hash, "MD5")},
    {"GCRY_MD_SHA1", sel(W::sha1, "SHA-1")},
    {"GCRY_CIPHER_DES", sel(W::des, "DES")},
    {"GCRY_CIPHER_3DES", sel(W::triple_des, "3DES")},
    {"GCRY_CIPHER_ARCFOUR", sel(W::rc4, "RC4")},
    {"GCRY_CIPHER_BLOWFISH", sel(W::blowfish, "Blowfish")},
    {"GCRY_CIPHER_RFC2268_40", sel(W::rc2, "RC2")},
    {"GCRY_CIPHER_RFC2268_128", sel(W::rc2, "RC2")},
    {"GCRY_CIPHER_CAST5", sel(W::small_block, "CAST5")},
    {"GCRY_CIPHER_IDEA", sel(W::small_block, "IDEA")},
    {"GCRY_CIPHER_MODE_ECB", sel(W::ecb, "ECB")},
    // GnuTLS
    {"GNUTLS_DIG_MD2", sel(W::broken_hash, "MD2")},
    {"GNUTLS_DIG_MD5", sel(W::broken_hash, "MD5")},
    {"GNUTLS_MAC_MD5", sel(W::broken_hash, "MD5")},
    {"GNUTLS_DIG_SHA1", sel(W::sha1, "SHA-1")},
    {"GNUTLS_CIPHER_ARCFOUR_128", sel(W::rc4, "RC4")},
    {"GNUTLS_CIPHER_ARCFOUR_40", sel(W::rc4, "RC4")},
    {"GNUTLS_CIPHER_3DES_CBC", sel(W::triple_des, "3DES")},
    {"GNUTLS_CIPHER_DES_CBC", sel(W::des, "DES")},
    {"GNUTLS_CIPHER_RC2_40_CBC", sel(W::rc2, "RC2")},
    // Windows CryptoAPI and CNG
    {"CALG_MD2", sel(W::broken_hash, "MD2")},
    {"CALG_MD4", sel(W::broken_hash, "MD4")},
    {"CALG_MD5", sel(W::broken_hash, "MD5")},
    {"CALG_SSL3_SHAMD5", sel(W::broken_hash, "MD5")},
    {"CALG_SHA1", sel(W::sha1, "SHA-1")},
    {"CALG_SHA", sel(W::sha1, "SHA-1")},
    {"CALG_DES", sel(W::des, "DES")},
    {"CALG_DESX", sel(W::des, "DES-X")},
    {"CALG_3DES", sel(W::triple_des, "3DES")},
    {"CALG_3DES_112", sel(W::triple_des, "3DES")},
    {"CALG_RC2", sel(W::rc2, "RC2")},
    {"CALG_RC4", sel(W::rc4, "RC4")},
    {"CALG_RC5", sel(W::small_block, "RC5")},
    {"CRYPT_MODE_ECB", sel(W::ecb, "ECB")},
    {"BCRYPT_MD2_ALGORITHM", sel(W::broken_hash, "MD2")},
    {"BCRYPT_MD4_ALGORITHM", sel(W::broken_hash, "MD4")},
    {"BCRYPT_MD5_ALGORITHM", sel(W::broken_hash, "MD5")},
    {"BCRYPT_SHA1_ALGORITHM", sel(W::sha1, "SHA-1")},
    {"BCRYPT_DES_ALGORITHM", sel(W::des, "DES")},
    {"BCRYPT_DESX_ALGORITHM", sel(W::des, "DES-X")},
    {"BCRYPT_3DES_ALGORITHM", sel(W::triple_des, "3DES")},
    {"BCRYPT_3DES_112_ALGORITHM", sel(W::triple_des, "3DES")},
    {"BCRYPT_RC2_ALGORITHM", sel(W::rc2, "RC2")},
    {"BCRYPT_RC4_ALGORITHM", sel(W::rc4, "RC4")},
    {"BCRYPT_CHAIN_MODE_ECB", sel(W::ecb, "ECB")},
    {"BCRYPT_MD2_ALG_HANDLE", sel(W::broken_hash, "MD2")},
    {"BCRYPT_MD4_ALG_HANDLE", sel(W::broken_hash, "MD4")},
    {"BCRYPT_MD5_ALG_HANDLE", sel(W::broken_hash, "MD5")},
    {"BCRYPT_HMAC_MD5_ALG_HANDLE", sel(W::broken_hash, "MD5")},
    {"BCRYPT_SHA1_ALG_HANDLE", sel(W::sha1, "SHA-1")},
    {"BCRYPT_RC4_ALG_HANDLE", sel(W::rc4, "RC4")},
    {"szOID_RSA_MD5RSA", sel(W::broken_hash, "MD5")},
    {"szOID_RSA_MD5", sel(W::broken_hash, "MD5")},
    {"szOID_RSA_SHA1RSA", sel(W::sha1, "SHA-1")},
    {"szOID_ECDSA_SHA1", sel(W::sha1, "SHA-1")},
    {"szOID_OIWSEC_sha1RSASign", sel(W::sha1, "SHA-1")},
    // Schannel protocol flags
    {"SP_PROT_SSL2", sel(W::old_protocol, "SSL 2.0")},
    {"SP_PROT_SSL2_CLIENT", sel(W::old_protocol, "SSL 2.0")},
    {"SP_PROT_SSL2_SERVER", sel(W::old_protocol, "SSL 2.0")},
    {"SP_PROT_SSL3", sel(W::old_protocol, "SSL 3.0")},
    {"SP_PROT_SSL3_CLIENT", sel(W::old_protocol, "SSL 3.0")},
    {"SP_PROT_SSL3_SERVER", sel(W::old_protocol, "SSL 3.0")},
    {"SP_PROT_TLS1", sel(W::old_protocol, "TLS 1.0")},
    {"SP_PROT_TLS1_CLIENT", sel(W::old_protocol, "TLS 1.0")},
    {"SP_PROT_TLS1_SERVER", sel(W::old_protocol, "TLS 1.0")},
    {"SP_PROT_TLS1_0", sel(W::old_protocol, "TLS 1.0")},
    {"SP_PROT_TLS1_0_CLIENT", sel(W::old_protocol, "TLS 1.0")},
    {"SP_PROT_TLS1_0_SERVER", sel(W::old_protocol, "TLS 1.0")},
    {"SP_PROT_TLS1_1", sel(W::old_protocol, "TLS 1.1")},
    {"SP_PROT_TLS1_1_CLIENT", sel(W::old_protocol, "TLS 1.1")},
    {"SP_PROT_TLS1_1_SERVER", sel(W::old_protocol, "TLS 1.1")},
    // libcurl protocol versions (CURLOPT_SSLVERSION)
    {"CURL_SSLVERSION_SSLv2", sel(W::old_protocol, "SSL 2.0")},
    {"CURL_SSLVERSION_SSLv3", sel(W::old_protocol, "SSL 3.0")},
    {"CURL_SSLVERSION_TLSv1", sel(W::old_protocol, "TLS 1.0")},
    {"CURL_SSLVERSION_TLSv1_0", sel(W::old_protocol, "TLS 1.0")},
    {"CURL_SSLVERSION_TLSv1_1", sel(W::old_protocol, "TLS 1.1")},
};

struct Prefix {
  std::string_view prefix;
  WeakName weak;
};

// Families of functions by prefix, the more specific first.
constexpr Prefix function_prefixes[] = {
    {"EVP_des_ede", sel_fn(W::triple_des, "3DES")},
    {"EVP_des_", sel_fn(W::des, "DES")},
    {"EVP_rc2_", sel_fn(W::rc2, "RC2")},
    {"EVP_bf_", sel_fn(W::blowfish, "Blowfish")},
    {"EVP_idea_", sel_fn(W::small_block, "IDEA")},
    {"EVP_cast5_", sel_fn(W::small_block, "CAST5")},
    {"DES_ede", fn(W::triple_des, "3DES")},
    {"DES_", fn(W::des, "DES")},
    {"RC2_", fn(W::rc2, "RC2")},
    {"mbedtls_md2", fn(W::broken_hash, "MD2")},
    {"mbedtls_md4", fn(W::broken_hash, "MD4")},
    {"mbedtls_md5", fn(W::broken_hash, "MD5")},
    {"mbedtls_sha1", fn(W::sha1, "SHA-1")},
    {"mbedtls_des3_", fn(W::triple_des, "3DES")},
    {"mbedtls_des_", fn(W::des, "DES")},
    {"mbedtls_arc4_", fn(W::rc4, "RC4")},
    {"mbedtls_blowfish_", fn(W::blowfish, "Blowfish")},
    {"wc_InitMd2", fn(W::broken_hash, "MD2")},
    {"wc_InitMd4", fn(W::broken_hash, "MD4")},
    {"wc_InitMd5", fn(W::broken_hash, "MD5")},
    {"wc_Md2", fn(W::broken_hash, "MD2")},
    {"wc_Md4", fn(W::broken_hash, "MD4")},
    {"wc_Md5", fn(W::broken_hash, "MD5")},
    {"wc_Des3_", fn(W::triple_des, "3DES")},
    {"wc_Des_", fn(W::des, "DES")},
    {"wc_Arc4", fn(W::rc4, "RC4")},
    {"wc_Rc2", fn(W::rc2, "RC2")},
};

// Families of constants by prefix.
constexpr Prefix constant_prefixes[] = {
    {"MBEDTLS_CIPHER_DES_EDE", sel(W::triple_des, "3DES")},
    {"MBEDTLS_CIPHER_DES_", sel(W::des, "DES")},
    {"MBEDTLS_CIPHER_BLOWFISH_", sel(W::blowfish, "Blowfish")},
    {"BCRYPT_3DES_", sel(W::triple_des, "3DES")},
    {"BCRYPT_DES_", sel(W::des, "DES")},
    {"BCRYPT_RC2_", sel(W::rc2, "RC2")},
};

const std::unordered_map<std::string_view, WeakName>& exact_map() {
  static const auto map = [] {
    std::unordered_map<std::string_view, WeakName> m;
    for (const auto& e : exact_names) m.emplace(e.name, e.weak);
    return m;
  }();
  return map;
}

bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

// The first two bytes of a set of prefixes: one lookup rules out most names before any prefix is
// compared (these tests run for most distinct names of a tree).
class PrefixStarts {
 public:
  void add(std::string_view prefix) {
    const size_t pair = pair_of(prefix);
    bits_[pair / 64] |= uint64_t{1} << (pair % 64);
  }
  bool may_start(std::string_view name) const {
    if (name.size() < 2) return false;
    const size_t pair = pair_of(name);
    return bits_[pair / 64] >> (pair % 64) & 1;
  }

 private:
  static size_t pair_of(std::string_view s) { return size_t{static_cast<uint8_t>(s[0])} << 8 | static_cast<uint8_t>(s[1]); }
  std::array<uint64_t, 65536 / 64> bits_{};
};

std::optional<WeakName> weak_suite(std::string_view id) {
  // mbedTLS cipher suite ids: MBEDTLS_TLS_RSA_WITH_RC4_128_MD5, …_WITH_3DES_EDE_CBC_SHA, …_WITH_NULL_…
  if (!id.starts_with("MBEDTLS_TLS_") || !contains(id, "_WITH_")) return std::nullopt;
  if (contains(id, "_WITH_RC4_")) return sel(W::weak_cipher_suite, "RC4");
  if (contains(id, "_WITH_3DES_")) return sel(W::weak_cipher_suite, "3DES");
  if (contains(id, "_WITH_DES_")) return sel(W::weak_cipher_suite, "DES");
  if (contains(id, "_WITH_NULL_")) return sel(W::weak_cipher_suite, "no encryption (NULL)");
  if (id.ends_with("_MD5")) return sel(W::weak_cipher_suite, "MD5");
  return std::nullopt;
}

const CryptoCall crypto_calls[] = {
    // OpenSSL
    {"EVP_EncryptInit_ex", 3, 4, -1},
    {"EVP_DecryptInit_ex", 3, 4, -1},
    {"EVP_CipherInit_ex", 3, 4, -1},
    {"EVP_EncryptInit", 2, 3, -1},
    {"EVP_DecryptInit", 2, 3, -1},
    {"EVP_CipherInit", 2, 3, -1},
    {"EVP_EncryptInit_ex2", 2, 3, -1},
    {"EVP_DecryptInit_ex2", 2, 3, -1},
    {"EVP_CipherInit_ex2", 2, 3, -1},
    {"HMAC", 1, -1, -1},
    {"HMAC_Init_ex", 1, -1, -1},
    {"HMAC_Init", 1, -1, -1},
    {"CMAC_Init", 1, -1, -1},
    {"EVP_MAC_init", 1, -1, -1},
    {"EVP_Q_mac", 4, -1, -1},
    {"EVP_PKEY_new_mac_key", 2, -1, -1},
    {"EVP_PKEY_new_raw_private_key", 2, -1, -1},
    {"EVP_PKEY_new_raw_private_key_ex", 3, -1, -1},
    {"AES_set_encrypt_key", 0, -1, -1},
    {"AES_set_decrypt_key", 0, -1, -1},
    {"AES_cbc_encrypt", -1, 4, -1},
    {"AES_cfb128_encrypt", -1, 4, -1},
    {"AES_ofb128_encrypt", -1, 4, -1},
    {"AES_ctr128_encrypt", -1, 4, -1},
    {"CRYPTO_gcm128_setiv", -1, 1, -1},
    {"PKCS5_PBKDF2_HMAC", -1, -1, 0, 2},
    {"PKCS5_PBKDF2_HMAC_SHA1", -1, -1, 0, 2},
    {"EVP_BytesToKey", -1, -1, 3, 2},
    {"PKCS12_parse", -1, -1, 1},
    {"PKCS12_create", -1, -1, 0},
    {"PEM_read_bio_PrivateKey", -1, -1, 3},
    {"PEM_read_PrivateKey", -1, -1, 3},
    {"PEM_read_bio_RSAPrivateKey", -1, -1, 3},
    {"PEM_read_RSAPrivateKey", -1, -1, 3},
    {"PEM_read_bio_ECPrivateKey", -1, -1, 3},
    {"d2i_PKCS8PrivateKey_bio", -1, -1, 3},
    {"PEM_write_bio_PrivateKey", -1, -1, 3},
    {"PEM_write_PrivateKey", -1, -1, 3},
    {"PEM_write_bio_PKCS8PrivateKey", -1, -1, 5},
    {"SSL_CTX_set_default_passwd_cb_userdata", -1, -1, 1},
    {"SSL_set_default_passwd_cb_userdata", -1, -1, 1},
    {"SSL_CTX_use_PrivateKey_ASN1", 2, -1, -1},
    // mbedTLS and PSA
    {"mbedtls_aes_setkey_enc", 1, -1, -1},
    {"mbedtls_aes_setkey_dec", 1, -1, -1},
    {"mbedtls_cipher_setkey", 1, -1, -1},
    {"mbedtls_gcm_setkey", 2, -1, -1},
    {"mbedtls_ccm_setkey", 2, -1, -1},
    {"mbedtls_chachapoly_setkey", 1, -1, -1},
    {"mbedtls_chacha20_setkey", 1, -1, -1},
    {"mbedtls_chacha20_crypt", 0, 1, -1},
    {"mbedtls_nist_kw_setkey", 2, -1, -1},
    {"mbedtls_md_hmac_starts", 1, -1, -1},
    {"mbedtls_md_hmac", 1, -1, -1},
    {"mbedtls_cipher_cmac_starts", 1, -1, -1},
    {"mbedtls_cipher_cmac", 1, -1, -1},
    {"mbedtls_hkdf", 3, -1, -1},
    {"mbedtls_hkdf_extract", 3, -1, -1},
    {"mbedtls_pkcs5_pbkdf2_hmac", -1, -1, 1, 3},
    {"mbedtls_pkcs5_pbkdf2_hmac_ext", -1, -1, 1, 3},
    {"mbedtls_pk_parse_key", 1, -1, 3},
    {"mbedtls_pk_parse_keyfile", -1, -1, 2},
    {"mbedtls_ssl_conf_psk", 1, -1, -1},
    {"mbedtls_ssl_set_hs_psk", 1, -1, -1},
    {"mbedtls_aes_crypt_cbc", -1, 3, -1},
    {"mbedtls_aes_crypt_cfb128", -1, 4, -1},
    {"mbedtls_aes_crypt_cfb8", -1, 3, -1},
    {"mbedtls_aes_crypt_ofb", -1, 3, -1},
    {"mbedtls_aes_crypt_ctr", -1, 3, -1},
    {"mbedtls_aria_crypt_cbc", -1, 3, -1},
    {"mbedtls_camellia_crypt_cbc", -1, 3, -1},
    {"mbedtls_des_crypt_cbc", -1, 3, -1},
    {"mbedtls_des3_crypt_cbc", -1, 3, -1},
    {"mbedtls_gcm_crypt_and_tag", -1, 3, -1},
    {"mbedtls_gcm_auth_decrypt", -1, 2, -1},
    {"mbedtls_gcm_starts", -1, 2, -1},
    {"mbedtls_ccm_encrypt_and_tag", -1, 2, -1},
    {"mbedtls_ccm_auth_decrypt", -1, 2, -1},
    {"mbedtls_ccm_star_encrypt_and_tag", -1, 2, -1},
    {"mbedtls_ccm_star_auth_decrypt", -1, 2, -1},
    {"mbedtls_ccm_starts", -1, 2, -1},
    {"mbedtls_chachapoly_encrypt_and_tag", -1, 2, -1},
    {"mbedtls_chachapoly_auth_decrypt", -1, 2, -1},
    {"mbedtls_chachapoly_starts", -1, 1, -1},
    {"mbedtls_chacha20_starts", -1, 1, -1},
    {"mbedtls_cipher_set_iv", -1, 1, -1},
    {"mbedtls_cipher_crypt", -1, 1, -1},
    {"mbedtls_cipher_auth_encrypt", -1, 1, -1},
    {"mbedtls_cipher_auth_decrypt", -1, 1, -1},
    {"mbedtls_cipher_auth_encrypt_ext", -1, 1, -1},
    {"mbedtls_cipher_auth_decrypt_ext", -1, 1, -1},
    {"psa_import_key", 1, -1, -1},
    {"psa_cipher_set_iv", -1, 1, -1},
    {"psa_aead_set_nonce", -1, 1, -1},
    {"psa_aead_encrypt", -1, 2, -1},
    {"psa_aead_decrypt", -1, 2, -1},
    // wolfSSL
    {"wc_AesSetKey", 1, 3, -1},
    {"wc_AesSetKeyDirect", 1, 3, -1},
    {"wc_AesSetIV", -1, 1, -1},
    {"wc_AesGcmSetKey", 1, -1, -1},
    {"wc_AesCcmSetKey", 1, -1, -1},
    {"wc_AesGcmEncrypt", -1, 4, -1},
    {"wc_AesGcmDecrypt", -1, 4, -1},
    {"wc_AesGcmSetExtIV", -1, 1, -1},
    {"wc_AesCcmEncrypt", -1, 4, -1},
    {"wc_AesCcmDecrypt", -1, 4, -1},
    {"wc_Des3_SetKey", 1, 2, -1},
    {"wc_Des3_SetIV", -1, 1, -1},
    {"wc_HmacSetKey", 2, -1, -1},
    {"wc_Chacha_SetKey", 1, -1, -1},
    {"wc_Chacha_SetIV", -1, 1, -1},
    {"wc_ChaCha20Poly1305_Encrypt", 0, 1, -1},
    {"wc_ChaCha20Poly1305_Decrypt", 0, 1, -1},
    {"wc_Poly1305SetKey", 1, -1, -1},
    {"wc_PBKDF2", -1, -1, 1, 3},
    {"wc_RsaPrivateKeyDecode", 0, -1, -1},
    {"wolfSSL_CTX_set_default_passwd_cb_userdata", -1, -1, 1},
    {"wolfSSL_CTX_use_PrivateKey_buffer", 1, -1, -1},
    // tinycrypt
    {"tc_aes128_set_encrypt_key", 1, -1, -1},
    {"tc_aes128_set_decrypt_key", 1, -1, -1},
    {"tc_hmac_set_key", 1, -1, -1},
    {"tc_cmac_setup", 1, -1, -1},
    {"tc_cbc_mode_encrypt", -1, 4, -1},
    {"tc_ctr_mode", -1, 4, -1},
    {"tc_ccm_config", -1, 2, -1},
    // libgcrypt
    {"gcry_cipher_setkey", 1, -1, -1},
    {"gcry_mac_setkey", 1, -1, -1},
    {"gcry_md_setkey", 1, -1, -1},
    {"gcry_cipher_setiv", -1, 1, -1},
    {"gcry_cipher_setctr", -1, 1, -1},
    {"gcry_kdf_derive", -1, -1, 0},
    // libsodium
    {"crypto_secretbox_easy", 4, 3, -1},
    {"crypto_secretbox_open_easy", 4, 3, -1},
    {"crypto_aead_chacha20poly1305_ietf_encrypt", 8, 7, -1},
    {"crypto_aead_xchacha20poly1305_ietf_encrypt", 8, 7, -1},
    {"crypto_auth", 3, -1, -1},
    {"crypto_pwhash", -1, -1, 2},
    // Windows CryptoAPI and CNG
    {"CryptImportKey", 1, -1, -1},
    {"BCryptGenerateSymmetricKey", 4, -1, -1},
    {"BCryptImportKey", 6, -1, -1},
    {"BCryptDeriveKeyPBKDF2", -1, -1, 1, 3},
    {"BCryptEncrypt", -1, 4, -1},
    {"BCryptDecrypt", -1, 4, -1},
    {"LogonUserA", -1, -1, 2},
    {"LogonUserW", -1, -1, 2},
    {"LogonUser", -1, -1, 2},
    {"LogonUserExA", -1, -1, 2},
    {"LogonUserExW", -1, -1, 2},
    {"CreateProcessWithLogonW", -1, -1, 2},
    {"WNetAddConnectionA", -1, -1, 1},
    {"WNetAddConnectionW", -1, -1, 1},
    {"WNetAddConnection2A", -1, -1, 1},
    {"WNetAddConnection2W", -1, -1, 1},
    {"WNetAddConnection3A", -1, -1, 2},
    {"WNetAddConnection3W", -1, -1, 2},
    // Authentication and storage
    {"sqlite3_key", 1, -1, -1},
    {"sqlite3_key_v2", 2, -1, -1},
    {"sqlite3_rekey", 1, -1, -1},
    {"mysql_real_connect", -1, -1, 3},
    {"mysql_change_user", -1, -1, 2},
    {"PQsetdbLogin", -1, -1, 6},
    {"ldap_simple_bind_s", -1, -1, 2},
    {"ldap_simple_bind", -1, -1, 2},
    {"ldap_bind_s", -1, -1, 2},
    {"ldap_simple_bind_sA", -1, -1, 2},
    {"ldap_simple_bind_sW", -1, -1, 2},
    {"ldap_bind_sA", -1, -1, 2},
    {"ldap_bind_sW", -1, -1, 2},
    {"libssh2_userauth_password", -1, -1, 2},
    {"libssh2_userauth_password_ex", -1, -1, 3},
    {"ssh_userauth_password", -1, -1, 2},
    {"mosquitto_username_pw_set", -1, -1, 2},
    {"esp_wifi_sta_wpa2_ent_set_password", -1, -1, 0},
};

const std::unordered_map<std::string_view, const CryptoCall*>& crypto_call_map() {
  static const auto map = [] {
    std::unordered_map<std::string_view, const CryptoCall*> m;
    for (const auto& c : crypto_calls) m.emplace(c.name, &c);
    return m;
  }();
  return map;
}

struct Fill {
  std::string_view name;
  int buffer;
};
constexpr Fill random_fills[] = {
    {"RAND_bytes", 0},
    {"RAND_priv_bytes", 0},
    {"RAND_bytes_ex", 1},
    {"RAND_priv_bytes_ex", 1},
    {"RAND_pseudo_bytes", 0},
    {"mbedtls_ctr_drbg_random", 1},
    {"mbedtls_ctr_drbg_random_with_add", 1},
    {"mbedtls_hmac_drbg_random", 1},
    {"mbedtls_hmac_drbg_random_with_add", 1},
    {"mbedtls_entropy_func", 1},
    {"psa_generate_random", 0},
    {"getrandom", 0},
    {"getentropy", 0},
    {"arc4random_buf", 0},
    {"wc_RNG_GenerateBlock", 1},
    {"wc_RNG_GenerateByte", 1},
    {"RNG_GenerateBlock", 1},
    {"BCryptGenRandom", 1},
    {"CryptGenRandom", 2},
    {"RtlGenRandom", 0},
    {"SystemFunction036", 0},
    {"gcry_randomize", 0},
    {"gcry_create_nonce", 0},
    {"randombytes_buf", 0},
    {"esp_fill_random", 0},
    {"sys_rand_get", 0},
    {"sys_csrand_get", 0},
    {"csrand_get", 0},
    {"entropy_get_entropy", 1},
    {"tc_ctr_prng_generate", 3},
    {"tc_hmac_prng_generate", 0},
    {"os_get_random", 0},
    {"nrf_crypto_rng_vector_generate", 0},
    {"HAL_RNG_GenerateRandomNumber", 1},
    {"otPlatEntropyGet", 0},
};

}  // namespace

std::optional<WeakName> weak_name(std::string_view id) {
  if (id.size() < 2) return std::nullopt;
  if (auto it = exact_map().find(id); it != exact_map().end()) return it->second;
  static const PrefixStarts starts = [] {
    PrefixStarts s;
    for (const auto& p : function_prefixes) s.add(p.prefix);
    for (const auto& p : constant_prefixes) s.add(p.prefix);
    for (std::string_view p : {"EVP_", "MBEDTLS_", "BCRYPT_"}) s.add(p);  // ECB selections and weak_suite()
    return s;
  }();
  if (!starts.may_start(id)) return std::nullopt;
  for (const auto& p : function_prefixes) {
    if (!id.starts_with(p.prefix)) continue;
    // DES_set_key is a function; DES_BLOCK_SIZE, RC2_KEY_LENGTH are sizes.
    const bool upper_prefix = std::none_of(p.prefix.begin(), p.prefix.end(),
                                           [](unsigned char c) { return std::islower(c) != 0; });
    if (upper_prefix && (id.size() == p.prefix.size() || !std::islower(static_cast<unsigned char>(id[p.prefix.size()]))))
      continue;
    return p.weak;
  }
  for (const auto& p : constant_prefixes)
    if (id.starts_with(p.prefix)) return p.weak;
  if (id.starts_with("EVP_") && id.ends_with("_ecb")) return sel_fn(W::ecb, "ECB");
  if (id.starts_with("MBEDTLS_CIPHER_") && id.ends_with("_ECB")) return sel(W::ecb, "ECB");
  if (id.starts_with("BCRYPT_") && id.ends_with("_ECB_ALG_HANDLE")) return sel(W::ecb, "ECB");
  return weak_suite(id);
}

std::vector<std::string_view> weak_name_prefixes() {
  std::vector<std::string_view> all;
  for (const auto& e : exact_names) all.push_back(e.name);
  for (const auto& p : function_prefixes) all.push_back(p.prefix);
  for (const auto& p : constant_prefixes) all.push_back(p.prefix);
  all.insert(all.end(), {"EVP_", "MBEDTLS_", "BCRYPT_"});  // ECB selections and weak_suite()
  return all;
}

std::optional<WeakName> weak_algorithm_name(std::string_view text) {
  std::string n;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '-' || c == '_' || c == ' ' || c == '/') continue;
    if (!std::isalnum(u)) return std::nullopt;
    n += static_cast<char>(std::toupper(u));
  }
  if (n.empty() || n.size() > 40) return std::nullopt;
  if (n == "MD2" || n == "MD4" || n == "MD5" || n == "MD5SHA1" || n == "RSAMD5" || n == "MD5WITHRSA" ||
      n == "HMACMD5")
    return WeakName{W::broken_hash, n.starts_with("MD2") ? "MD2" : n.starts_with("MD4") ? "MD4" : "MD5", false, true};
  if (n == "SHA1" || n == "SHA" || n == "SHA160" || n == "RSASHA1" || n == "SHA1WITHRSA" || n == "SHA1WITHRSAENCRYPTION" ||
      n == "ECDSAWITHSHA1" || n == "DSAWITHSHA1")
    return sel(W::sha1, "SHA-1");
  if (n == "3DES" || n == "TRIPLEDES" || n == "TDES" || n == "TDEA" || n == "DES3" || n.starts_with("DESEDE"))
    return sel(W::triple_des, "3DES");
  if (n == "DES" || n.starts_with("DESCBC") || n.starts_with("DESECB") || n.starts_with("DESCFB") ||
      n.starts_with("DESOFB") || n.starts_with("DESX"))
    return sel(W::des, "DES");
  if (n.starts_with("RC4") || n == "ARC4" || n == "ARCFOUR" || n.starts_with("ARCFOUR")) return sel(W::rc4, "RC4");
  if (n.starts_with("RC2")) return sel(W::rc2, "RC2");
  if (n == "BF" || n.starts_with("BFCBC") || n.starts_with("BFECB") || n.starts_with("BFCFB") ||
      n.starts_with("BFOFB") || n.starts_with("BLOWFISH"))
    return sel(W::blowfish, "Blowfish");
  if (n.starts_with("IDEA")) return sel(W::small_block, "IDEA");
  if (n.starts_with("CAST5") || n == "CAST" || n.starts_with("CASTCBC")) return sel(W::small_block, "CAST5");
  if (n.size() > 3 && n.ends_with("ECB")) return sel(W::ecb, "ECB");
  return std::nullopt;
}

std::optional<WeakName> weak_kernel_transformation(std::string_view text) {
  bool hmac = false, ecb = false;
  while (text.size() > 2 && text.back() == ')') {  // "template(inner)": unwrap to the algorithm
    const size_t open = text.find('(');
    if (open == std::string_view::npos || open == 0) return std::nullopt;
    const std::string_view kind = text.substr(0, open);
    hmac = hmac || kind == "hmac";
    ecb = ecb || kind == "ecb";
    text = text.substr(open + 1, text.size() - open - 2);
  }
  if (text == "cipher_null") return std::nullopt;  // no encryption at all (ESP's NULL): no mode to judge
  auto w = text == "des3_ede" ? std::optional<WeakName>(sel(W::triple_des, "3DES")) : weak_algorithm_name(text);
  if (w && hmac && w->weakness == W::sha1) return std::nullopt;  // HMAC-SHA-1 is accepted
  if (!w && ecb) return sel(W::ecb, "ECB");
  return w;
}

std::string_view weakness_rule(Weakness w) {
  switch (w) {
    case W::broken_hash:
    case W::sha1: return "CRYPTO-1/weak-hash";
    case W::des:
    case W::triple_des:
    case W::rc4:
    case W::rc2:
    case W::blowfish:
    case W::small_block: return "CRYPTO-1/weak-cipher";
    case W::ecb: return "CRYPTO-1/ecb-mode";
    case W::rsa_pkcs1_encryption: return "CRYPTO-1/rsa-pkcs1-encryption";
    case W::old_protocol: return "CRYPTO-1/old-protocol";
    case W::weak_cipher_suite: return "CRYPTO-1/weak-cipher-suite";
  }
  return "CRYPTO-1/weak-cipher";
}

std::string weakness_message(Weakness w, std::string_view algorithm) {
  const std::string a(algorithm);
  switch (w) {
    case W::broken_hash:
      return a + " is broken (practical collision attacks) and must not be used for integrity, signatures or "
                 "passwords; use SHA-256 or stronger";
    case W::sha1:
      return "SHA-1 is broken for signatures and integrity (practical collisions, SHAttered 2017); use SHA-256 or "
             "stronger (HMAC-SHA-1 is still acceptable and is not flagged)";
    case W::des:
      return a + " has a 56-bit key that is searched exhaustively in hours; use AES (128-bit keys or more) in GCM "
                 "or CCM mode";
    case W::triple_des:
      return a + " is withdrawn (64-bit block open to Sweet32 collisions; NIST SP 800-131A disallows it for "
                 "encryption after 2023); use AES-GCM or AES-CCM";
    case W::rc4:
      return "RC4's keystream is biased and RFC 7465 prohibits it in TLS; use AES-GCM or ChaCha20-Poly1305";
    case W::rc2: return "RC2 is obsolete (weak key schedule, 64-bit block); use AES-GCM or AES-CCM";
    case W::blowfish:
    case W::small_block:
      return a + " has a 64-bit block (Sweet32 birthday attacks) and is not an approved cipher; use AES-GCM or "
                 "AES-CCM";
    case W::ecb:
      return "ECB mode encrypts equal plaintext blocks to equal ciphertext and so leaks the data's structure; use "
             "an authenticated mode (AES-GCM, AES-CCM) or CBC/CTR with a MAC and a fresh IV";
    case W::rsa_pkcs1_encryption:
      return "RSA PKCS#1 v1.5 encryption padding is open to padding-oracle attacks (Bleichenbacher); use RSA-OAEP "
             "(RSA_PKCS1_OAEP_PADDING, MBEDTLS_RSA_PKCS_V21, WC_RSA_OAEP_PAD) or an ECDH-based scheme";
    case W::old_protocol:
      return a + " is deprecated (RFC 8996, RFC 7568) and open to known attacks (POODLE, BEAST, downgrades); "
                 "require TLS 1.2 or later";
    case W::weak_cipher_suite:
      return "the cipher suites allowed include " + a +
             "; allow only AEAD suites (AES-GCM, AES-CCM, ChaCha20-Poly1305), e.g. \"HIGH:!aNULL:!eNULL:!MD5:!RC4:!3DES\"";
  }
  return a;
}

const CryptoCall* crypto_call(std::string_view name) {
  if (auto it = crypto_call_map().find(name); it != crypto_call_map().end()) return it->second;
  return nullptr;
}

std::vector<std::string_view> crypto_call_names() {
  std::vector<std::string_view> names;
  for (const CryptoCall& c : crypto_calls) names.push_back(c.name);
  return names;
}

std::optional<int> random_fill_argument(std::string_view name) {
  for (const auto& f : random_fills)
    if (f.name == name) return f.buffer;
  return std::nullopt;
}

namespace {
constexpr std::array<std::string_view, 26> crypto_api_starts{
    "EVP_",   "HMAC",   "CMAC_",   "AES_",   "DES_",      "mbedtls_", "psa_",    "wc_",     "wolfSSL_",
    "tc_",    "gcry_",  "BCrypt",  "NCrypt", "CryptEncrypt", "CryptImportKey", "CryptSetKeyParam",
    "CryptHashData", "CryptDeriveKey", "PKCS5_", "PKCS12_", "SSL_", "crypto_", "RSA_", "ECDSA_", "EC_KEY_",
    "gnutls_"};
}  // namespace

std::span<const std::string_view> crypto_api_prefixes() { return crypto_api_starts; }

bool is_crypto_api(std::string_view name) {
  const auto& prefixes = crypto_api_starts;
  static const PrefixStarts starts = [&] {
    PrefixStarts s;
    for (std::string_view p : prefixes) s.add(p);
    return s;
  }();
  return starts.may_start(name) &&
         std::any_of(prefixes.begin(), prefixes.end(), [&](std::string_view p) { return name.starts_with(p); });
}

}  // namespace mdbc::source
