// More paired cases across libraries and languages: OpenSSL (EVP and legacy), mbedTLS 2 and 3 and
// PSA, wolfSSL, tinycrypt, libgcrypt, libsodium, CNG and CryptoAPI, Zephyr, ESP-IDF, Arduino, Windows;
// C and C++; macros and multi-line calls. Each bad case is a flawed function, its good twin the fixed
// one, which must be silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> crypto1_pairs = {
    {"evp md5 digest",
     R"~(int digest(const unsigned char *m, size_t n, unsigned char *out, unsigned *len) {
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  EVP_DigestInit_ex(c, EVP_md5(), NULL);
  EVP_DigestUpdate(c, m, n);
  return EVP_DigestFinal_ex(c, out, len);
}
)~",
     R"~(int digest(const unsigned char *m, size_t n, unsigned char *out, unsigned *len) {
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  EVP_DigestInit_ex(c, EVP_sha256(), NULL);
  EVP_DigestUpdate(c, m, n);
  return EVP_DigestFinal_ex(c, out, len);
}
)~",
     "src/module.c"},
    {"evp fetch by name 3des",
     R"~(EVP_CIPHER *pick(OSSL_LIB_CTX *lib) { return EVP_CIPHER_fetch(lib, "DES-EDE3-CBC", NULL); }
)~",
     R"~(EVP_CIPHER *pick(OSSL_LIB_CTX *lib) { return EVP_CIPHER_fetch(lib, "AES-256-GCM", NULL); }
)~",
     "src/module.c"},
    {"get digest by name sha1 signature",
     R"~(int sign(EVP_MD_CTX *c, EVP_PKEY *k) { return EVP_DigestSignInit(c, NULL, EVP_get_digestbyname("sha1"), NULL, k); }
)~",
     R"~(int sign(EVP_MD_CTX *c, EVP_PKEY *k) { return EVP_DigestSignInit(c, NULL, EVP_get_digestbyname("sha384"), NULL, k); }
)~",
     "src/module.c"},
    {"pkey keygen bits 1024",
     R"~(int gen(EVP_PKEY_CTX *ctx) {
  EVP_PKEY_keygen_init(ctx);
  EVP_PKEY_CTX_set_rsa_keygen_bits(ctx,
                                   1024);
  return 0;
}
)~",
     R"~(int gen(EVP_PKEY_CTX *ctx) {
  EVP_PKEY_keygen_init(ctx);
  EVP_PKEY_CTX_set_rsa_keygen_bits(ctx,
                                   3072);
  return 0;
}
)~",
     "src/module.c"},
    {"RSA key bits via macro",
     R"~(#define KEY_BITS 1024
int gen(RSA *r, BIGNUM *e) { return RSA_generate_key_ex(r, KEY_BITS, e, NULL); }
)~",
     R"~(#define KEY_BITS 3072
int gen(RSA *r, BIGNUM *e) { return RSA_generate_key_ex(r, KEY_BITS, e, NULL); }
)~",
     "src/module.c"},
    {"RSA_public_encrypt pkcs1",
     R"~(int wrap(RSA *r, const unsigned char *k, unsigned char *out) { return RSA_public_encrypt(32, k, out, r, RSA_PKCS1_PADDING); }
)~",
     R"~(int wrap(RSA *r, const unsigned char *k, unsigned char *out) { return RSA_public_encrypt(32, k, out, r, RSA_PKCS1_OAEP_PADDING); }
)~",
     "src/module.c"},
    {"EVP_PKEY_CTX_set_rsa_padding encrypt",
     R"~(int enc(EVP_PKEY_CTX *ctx) { EVP_PKEY_encrypt_init(ctx); return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING); }
)~",
     R"~(int enc(EVP_PKEY_CTX *ctx) { EVP_PKEY_encrypt_init(ctx); return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING); }
)~",
     "src/module.c"},
    {"DH params 1024",
     R"~(int mkdh(DH *dh) { return DH_generate_parameters_ex(dh, 1024, DH_GENERATOR_2, NULL); }
)~",
     R"~(int mkdh(DH *dh) { return DH_generate_parameters_ex(dh, 2048, DH_GENERATOR_2, NULL); }
)~",
     "src/module.c"},
    {"min proto tls1",
     R"~(void cfg(SSL_CTX *ctx) { SSL_CTX_set_min_proto_version(ctx, TLS1_VERSION); }
)~",
     R"~(void cfg(SSL_CTX *ctx) { SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION); }
)~",
     "src/module.c"},
    {"legacy MD5()",
     R"~(void fp(const unsigned char *cert, size_t n, unsigned char out[16]) { MD5(cert, n, out); }
)~",
     R"~(void fp(const unsigned char *cert, size_t n, unsigned char out[32]) { SHA256(cert, n, out); }
)~",
     "src/module.c"},
    {"AES_ecb_encrypt legacy",
     R"~(void blk(const unsigned char *in, unsigned char *out, const AES_KEY *k) { AES_ecb_encrypt(in, out, k, AES_ENCRYPT); }
)~",
     R"~(void blk(const unsigned char *in, unsigned char *out, size_t n, const AES_KEY *k, unsigned char *iv) { AES_cbc_encrypt(in, out, n, k, iv, AES_ENCRYPT); }
)~",
     "src/module.c"},
    {"cipher list rc4",
     R"~(void cfg(SSL_CTX *ctx) { SSL_CTX_set_cipher_list(ctx, "RC4-SHA:DES-CBC3-SHA"); }
)~",
     R"~(void cfg(SSL_CTX *ctx) { SSL_CTX_set_cipher_list(ctx, "ECDHE-ECDSA-AES256-GCM-SHA384"); }
)~",
     "src/module.c"},
    {"mbedtls2 md5_ret",
     R"~(int h(const unsigned char *in, size_t n, unsigned char out[16]) { return mbedtls_md5_ret(in, n, out); }
)~",
     R"~(int h(const unsigned char *in, size_t n, unsigned char out[32]) { return mbedtls_sha256_ret(in, n, out, 0); }
)~",
     "src/module.c"},
    {"mbedtls3 md5",
     R"~(int h(const unsigned char *in, size_t n, unsigned char out[16]) { return mbedtls_md5(in, n, out); }
)~",
     R"~(int h(const unsigned char *in, size_t n, unsigned char out[32]) { return mbedtls_sha256(in, n, out, 0); }
)~",
     "src/module.c"},
    {"mbedTLS MD5 HMAC through md_info",
     R"~(int mac(const unsigned char *k, const unsigned char *m, size_t n, unsigned char *o) {
  return mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_MD5), k, 16, m, n, o);
}
)~",
     R"~(int mac(const unsigned char *k, const unsigned char *m, size_t n, unsigned char *o) {
  return mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), k, 32, m, n, o);
}
)~",
     "src/module.c"},
    {"mbedtls cipher ecb",
     R"~(int setup(mbedtls_cipher_context_t *c) { return mbedtls_cipher_setup(c, mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB)); }
)~",
     R"~(int setup(mbedtls_cipher_context_t *c) { return mbedtls_cipher_setup(c, mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_GCM)); }
)~",
     "src/module.c"},
    {"mbedtls rsa gen 1024",
     R"~(int g(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *d) { return mbedtls_rsa_gen_key(rsa, mbedtls_ctr_drbg_random, d, 1024, 65537); }
)~",
     R"~(int g(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *d) { return mbedtls_rsa_gen_key(rsa, mbedtls_ctr_drbg_random, d, 3072, 65537); }
)~",
     "src/module.c"},
    {"mbedtls2 ssl min version tls1.0",
     R"~(void c(mbedtls_ssl_config *conf) { mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_1); }
)~",
     R"~(void c(mbedtls_ssl_config *conf) { mbedtls_ssl_conf_min_version(conf, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3); }
)~",
     "src/module.c"},
    {"mbedtls des3",
     R"~(int k(mbedtls_des3_context *c, const unsigned char key[24]) { return mbedtls_des3_set3key_enc(c, key); }
)~",
     R"~(int k(mbedtls_aes_context *c, const unsigned char key[32]) { return mbedtls_aes_setkey_enc(c, key, 256); }
)~",
     "src/module.c"},
    {"psa ecb",
     R"~(void attrs(psa_key_attributes_t *a) {
  psa_set_key_usage_flags(a, PSA_KEY_USAGE_ENCRYPT);
  psa_set_key_algorithm(a, PSA_ALG_ECB_NO_PADDING);
  psa_set_key_type(a, PSA_KEY_TYPE_AES);
}
)~",
     R"~(void attrs(psa_key_attributes_t *a) {
  psa_set_key_usage_flags(a, PSA_KEY_USAGE_ENCRYPT);
  psa_set_key_algorithm(a, PSA_ALG_GCM);
  psa_set_key_type(a, PSA_KEY_TYPE_AES);
}
)~",
     "src/module.c"},
    {"psa hash sha1",
     R"~(psa_status_t h(const uint8_t *m, size_t n, uint8_t *o, size_t *ol) { return psa_hash_compute(PSA_ALG_SHA_1, m, n, o, 20, ol); }
)~",
     R"~(psa_status_t h(const uint8_t *m, size_t n, uint8_t *o, size_t *ol) { return psa_hash_compute(PSA_ALG_SHA_256, m, n, o, 32, ol); }
)~",
     "src/module.c"},
    {"psa rsa pkcs1v15 crypt",
     R"~(void a(psa_key_attributes_t *at) { psa_set_key_algorithm(at, PSA_ALG_RSA_PKCS1V15_CRYPT); }
)~",
     R"~(void a(psa_key_attributes_t *at) { psa_set_key_algorithm(at, PSA_ALG_RSA_OAEP(PSA_ALG_SHA_256)); }
)~",
     "src/module.c"},
    {"wolf md5",
     R"~(int h(const byte *d, word32 n, byte *o) { wc_Md5 m; wc_InitMd5(&m); wc_Md5Update(&m, d, n); return wc_Md5Final(&m, o); }
)~",
     R"~(int h(const byte *d, word32 n, byte *o) { wc_Sha256 m; wc_InitSha256(&m); wc_Sha256Update(&m, d, n); return wc_Sha256Final(&m, o); }
)~",
     "src/module.c"},
    {"wolf rsa 1024",
     R"~(int g(RsaKey *k, WC_RNG *rng) { return wc_MakeRsaKey(k, 1024, WC_RSA_EXPONENT, rng); }
)~",
     R"~(int g(RsaKey *k, WC_RNG *rng) { return wc_MakeRsaKey(k, 3072, WC_RSA_EXPONENT, rng); }
)~",
     "src/module.c"},
    {"wolf tls1.1 method",
     R"~(WOLFSSL_CTX *mk(void) { return wolfSSL_CTX_new(wolfTLSv1_1_client_method()); }
)~",
     R"~(WOLFSSL_CTX *mk(void) { return wolfSSL_CTX_new(wolfTLSv1_3_client_method()); }
)~",
     "src/module.c"},
    {"wolf rsa public encrypt v1.5",
     R"~(int e(const byte *in, word32 n, byte *out, word32 ol, RsaKey *k, WC_RNG *r) { return wc_RsaPublicEncrypt(in, n, out, ol, k, r); }
)~",
     R"~(int e(const byte *in, word32 n, byte *out, word32 ol, RsaKey *k, WC_RNG *r) { return wc_RsaPublicEncrypt_ex(in, n, out, ol, k, r, WC_RSA_OAEP_PAD, WC_HASH_TYPE_SHA256, WC_MGF1SHA256, NULL, 0); }
)~",
     "src/module.c"},
    {"wolf aes ecb",
     R"~(int e(Aes *a, byte *o, const byte *i, word32 n) { return wc_AesEcbEncrypt(a, o, i, n); }
)~",
     R"~(int e(Aes *a, byte *o, const byte *i, word32 n) { return wc_AesCbcEncrypt(a, o, i, n); }
)~",
     "src/module.c"},
    {"wolf arc4",
     R"~(void s(Arc4 *a, const byte *k) { wc_Arc4SetKey(a, k, 16); }
)~",
     R"~(void s(ChaCha *a, const byte *k) { wc_Chacha_SetKey(a, k, 32); }
)~",
     "src/module.c"},
    {"gcrypt md5",
     R"~(gcry_error_t o(gcry_md_hd_t *h) { return gcry_md_open(h, GCRY_MD_MD5, 0); }
)~",
     R"~(gcry_error_t o(gcry_md_hd_t *h) { return gcry_md_open(h, GCRY_MD_SHA256, 0); }
)~",
     "src/module.c"},
    {"gcrypt ecb",
     R"~(gcry_error_t o(gcry_cipher_hd_t *h) { return gcry_cipher_open(h, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_ECB, 0); }
)~",
     R"~(gcry_error_t o(gcry_cipher_hd_t *h) { return gcry_cipher_open(h, GCRY_CIPHER_AES256, GCRY_CIPHER_MODE_GCM, 0); }
)~",
     "src/module.c"},
    {"gcrypt 3des",
     R"~(gcry_error_t o(gcry_cipher_hd_t *h) {
  return gcry_cipher_open(h,
                          GCRY_CIPHER_3DES,
                          GCRY_CIPHER_MODE_CBC, 0);
}
)~",
     R"~(gcry_error_t o(gcry_cipher_hd_t *h) {
  return gcry_cipher_open(h,
                          GCRY_CIPHER_AES128,
                          GCRY_CIPHER_MODE_CBC, 0);
}
)~",
     "src/module.c"},
    {"gcrypt rsa 1024 sexp",
     R"~(gcry_error_t g(gcry_sexp_t *p) { return gcry_sexp_build(p, NULL, "(genkey (rsa (nbits 4:1024)))"); }
)~",
     R"~(gcry_error_t g(gcry_sexp_t *p) { return gcry_sexp_build(p, NULL, "(genkey (rsa (nbits 4:3072)))"); }
)~",
     "src/module.c"},
    {"cng md5",
     R"~(NTSTATUS o(BCRYPT_ALG_HANDLE *h) { return BCryptOpenAlgorithmProvider(h, BCRYPT_MD5_ALGORITHM, NULL, 0); }
)~",
     R"~(NTSTATUS o(BCRYPT_ALG_HANDLE *h) { return BCryptOpenAlgorithmProvider(h, BCRYPT_SHA256_ALGORITHM, NULL, 0); }
)~",
     "src/module.c"},
    {"cng ecb",
     R"~(NTSTATUS m(BCRYPT_ALG_HANDLE h) { return BCryptSetProperty(h, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_ECB, sizeof(BCRYPT_CHAIN_MODE_ECB), 0); }
)~",
     R"~(NTSTATUS m(BCRYPT_ALG_HANDLE h) { return BCryptSetProperty(h, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_GCM, sizeof(BCRYPT_CHAIN_MODE_GCM), 0); }
)~",
     "src/module.c"},
    {"cng pkcs1 encrypt",
     R"~(NTSTATUS e(BCRYPT_KEY_HANDLE k, PUCHAR in, ULONG n, PUCHAR out, ULONG ol, ULONG *r) { return BCryptEncrypt(k, in, n, NULL, NULL, 0, out, ol, r, BCRYPT_PAD_PKCS1); }
)~",
     R"~(NTSTATUS e(BCRYPT_KEY_HANDLE k, PUCHAR in, ULONG n, PUCHAR out, ULONG ol, ULONG *r, BCRYPT_OAEP_PADDING_INFO *p) { return BCryptEncrypt(k, in, n, p, NULL, 0, out, ol, r, BCRYPT_PAD_OAEP); }
)~",
     "src/module.c"},
    {"capi md5",
     R"~(BOOL h(HCRYPTPROV p, HCRYPTHASH *o) { return CryptCreateHash(p, CALG_MD5, 0, 0, o); }
)~",
     R"~(BOOL h(HCRYPTPROV p, HCRYPTHASH *o) { return CryptCreateHash(p, CALG_SHA_256, 0, 0, o); }
)~",
     "src/module.c"},
    {"capi rsa 1024 genkey",
     R"~(BOOL g(HCRYPTPROV p, HCRYPTKEY *k) { return CryptGenKey(p, CALG_RSA_KEYX, (1024 << 16) | CRYPT_EXPORTABLE, k); }
)~",
     R"~(BOOL g(HCRYPTPROV p, HCRYPTKEY *k) { return CryptGenKey(p, CALG_RSA_KEYX, (3072 << 16) | CRYPT_EXPORTABLE, k); }
)~",
     "src/module.c"},
    {"capi rc4",
     R"~(BOOL g(HCRYPTPROV p, HCRYPTHASH h, HCRYPTKEY *k) { return CryptDeriveKey(p, CALG_RC4, h, 0, k); }
)~",
     R"~(BOOL g(HCRYPTPROV p, HCRYPTHASH h, HCRYPTKEY *k) { return CryptDeriveKey(p, CALG_AES_256, h, 0, k); }
)~",
     "src/module.c"},
    {"tinycrypt ecb loop",
     R"~(void enc(uint8_t *out, const uint8_t *in, size_t n, TCAesKeySched_t s) {
  for (size_t i = 0; i < n; i += TC_AES_BLOCK_SIZE) tc_aes_encrypt(out + i, in + i, s);
}
)~",
     R"~(int enc(uint8_t *out, unsigned int ol, const uint8_t *in, unsigned int n, const uint8_t *iv, TCAesKeySched_t s) {
  return tc_cbc_mode_encrypt(out, ol, in, n, iv, s);
}
)~",
     "src/module.c"},
    {"C++ global-scope SHA1()",
     R"~(std::vector<uint8_t> Hasher::sha1(const std::vector<uint8_t> &d) {
  std::vector<uint8_t> o(SHA_DIGEST_LENGTH);
  ::SHA1(d.data(), d.size(), o.data());
  return o;
}
)~",
     R"~(std::vector<uint8_t> Hasher::sha256(const std::vector<uint8_t> &d) {
  std::vector<uint8_t> o(SHA256_DIGEST_LENGTH);
  ::SHA256(d.data(), d.size(), o.data());
  return o;
}
)~",
     "src/module.cpp"},
    {"evp bf",
     R"~(int i(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) { return EVP_EncryptInit_ex(c, EVP_bf_cbc(), NULL, k, iv); }
)~",
     R"~(int i(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) { return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, k, iv); }
)~",
     "src/module.c"},
    {"TLSv1_client_method",
     R"~(SSL_CTX *mk(void) { return SSL_CTX_new(TLSv1_client_method()); }
)~",
     R"~(SSL_CTX *mk(void) { return SSL_CTX_new(TLS_client_method()); }
)~",
     "src/module.c"},
    {"DSA 1024-bit parameters",
     R"~(int g(DSA *d) { return DSA_generate_parameters_ex(d, 1024, NULL, 0, NULL, NULL, NULL); }
)~",
     R"~(int g(DSA *d) { return DSA_generate_parameters_ex(d, 3072, NULL, 0, NULL, NULL, NULL); }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsCRYPTO1) { expect_pairs("CRYPTO-1", crypto1_pairs); }

// C++ class libraries: Qt, Crypto++, Boost.Asio and Botan name algorithms by classes, scoped
// enumerators and factory strings.
const std::vector<RulePair> crypto1_class_library_pairs = {
    {"Qt QCryptographicHash MD5",
     "#include <QCryptographicHash>\nQByteArray fingerprint(const QByteArray &image) {\n"
     "  return QCryptographicHash::hash(image, QCryptographicHash::Md5);\n}\n",
     "#include <QCryptographicHash>\nQByteArray fingerprint(const QByteArray &image) {\n"
     "  return QCryptographicHash::hash(image, QCryptographicHash::Sha256);\n}\n",
     "src/fingerprint.cpp"},
    {"Qt SHA-1 digest, HMAC-SHA-1 accepted",
     "#include <QCryptographicHash>\nQByteArray digest(const QByteArray &fw) {\n"
     "  QCryptographicHash h(QCryptographicHash::Sha1);\n  h.addData(fw);\n  return h.result();\n}\n",
     "#include <QMessageAuthenticationCode>\nQByteArray tag(const QByteArray &key, const QByteArray &fw) {\n"
     "  return QMessageAuthenticationCode::hash(fw, key, QCryptographicHash::Sha1);\n}\n",
     "src/digest.cpp"},
    {"Qt TLS 1.0",
     "#include <QSslConfiguration>\nvoid setup(QSslConfiguration &c) { c.setProtocol(QSsl::TlsV1_0); }\n",
     "#include <QSslConfiguration>\nvoid setup(QSslConfiguration &c) { c.setProtocol(QSsl::TlsV1_2OrLater); }\n",
     "src/setup.cpp"},
    {"Crypto++ MD5 from the Weak namespace",
     "#include <cryptopp/md5.h>\nvoid sum(const unsigned char *d, size_t n, unsigned char *out) {\n"
     "  CryptoPP::Weak::MD5 h;\n  h.CalculateDigest(out, d, n);\n}\n",
     "#include <cryptopp/sha.h>\nvoid sum(const unsigned char *d, size_t n, unsigned char *out) {\n"
     "  CryptoPP::SHA256 h;\n  h.CalculateDigest(out, d, n);\n}\n",
     "src/sum.cpp"},
    {"Crypto++ ECB with using namespace",
     "#include <cryptopp/modes.h>\nusing namespace CryptoPP;\nvoid enc(const byte *k) {\n"
     "  ECB_Mode<AES>::Encryption e;\n  e.SetKey(k, 16);\n}\n",
     "#include <cryptopp/gcm.h>\nusing namespace CryptoPP;\nvoid enc(const byte *k, const byte *iv) {\n"
     "  GCM<AES>::Encryption e;\n  e.SetKeyWithIV(k, 16, iv, 12);\n}\n",
     "src/enc.cpp"},
    {"Crypto++ 3DES, HMAC<SHA1> accepted",
     "#include <cryptopp/des.h>\nusing namespace CryptoPP;\nvoid enc(const byte *k) {\n"
     "  CBC_Mode<DES_EDE3>::Encryption e;\n  e.SetKey(k, 24);\n}\n",
     "#include <cryptopp/hmac.h>\nusing namespace CryptoPP;\nvoid mac(const byte *k) {\n"
     "  HMAC<SHA1> m(k, 20);\n}\n",
     "src/enc.cpp"},
    {"Boost.Asio TLS 1.0 context",
     "#include <boost/asio/ssl.hpp>\nnamespace ssl = boost::asio::ssl;\n"
     "ssl::context make() { return ssl::context(ssl::context::tlsv1_client); }\n",
     "#include <boost/asio/ssl.hpp>\nnamespace ssl = boost::asio::ssl;\n"
     "ssl::context make() { return ssl::context(ssl::context::tlsv13_client); }\n",
     "src/make.cpp"},
    {"Botan factories by name",
     "#include <botan/hash.h>\nauto make() { return Botan::HashFunction::create_or_throw(\"SHA-1\"); }\n"
     "auto mode() { return Botan::Cipher_Mode::create(\"AES-128/ECB\", Botan::Cipher_Dir::Encryption); }\n",
     "#include <botan/hash.h>\nauto make() { return Botan::HashFunction::create_or_throw(\"SHA-256\"); }\n"
     "auto mode() { return Botan::Cipher_Mode::create(\"AES-128/GCM\", Botan::Cipher_Dir::Encryption); }\n",
     "src/make.cpp"},
};

TEST(LibraryVariety, PairsCRYPTO1ClassLibraries) { expect_pairs("CRYPTO-1", crypto1_class_library_pairs); }

const std::vector<RulePair> crypto3_pairs = {
    {"openssl verify none set via variable",
     R"~(void cfg(SSL_CTX *ctx) { int mode = SSL_VERIFY_NONE; SSL_CTX_set_verify(ctx, mode, NULL); }
)~",
     R"~(void cfg(SSL_CTX *ctx) { int mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT; SSL_CTX_set_verify(ctx, mode, NULL); }
)~",
     "src/module.c"},
    {"mbedtls authmode multi-line",
     R"~(void c(mbedtls_ssl_config *conf) {
  mbedtls_ssl_conf_authmode(conf,
                            MBEDTLS_SSL_VERIFY_NONE);
}
)~",
     R"~(void c(mbedtls_ssl_config *conf) {
  mbedtls_ssl_conf_authmode(conf,
                            MBEDTLS_SSL_VERIFY_REQUIRED);
}
)~",
     "src/module.c"},
    {"wolfssl set verify",
     R"~(void c(WOLFSSL_CTX *ctx) { wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_NONE, NULL); }
)~",
     R"~(void c(WOLFSSL_CTX *ctx) { wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, NULL); }
)~",
     "src/module.c"},
    {"curl verifyhost 0L C++",
     R"~(void Client::fetch() { curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 0L); }
)~",
     R"~(void Client::fetch() { curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 2L); }
)~",
     "src/module.cpp"},
    {"esp-tls skip common name",
     R"~(void f(esp_tls_cfg_t *cfg) { cfg->skip_common_name = true; }
)~",
     R"~(void f(esp_tls_cfg_t *cfg) { cfg->skip_common_name = false; }
)~",
     "src/module.c"},
    {"zephyr tls peer verify none",
     R"~(int f(int sock) { int verify = TLS_PEER_VERIFY_NONE; return zsock_setsockopt(sock, SOL_TLS, TLS_PEER_VERIFY, &verify, sizeof(verify)); }
)~",
     R"~(int f(int sock) { int verify = TLS_PEER_VERIFY_REQUIRED; return zsock_setsockopt(sock, SOL_TLS, TLS_PEER_VERIFY, &verify, sizeof(verify)); }
)~",
     "src/module.c"},
    {"C++ member SSL_set_verify none",
     R"~(void Conn::setup() { SSL_set_verify(ssl_, SSL_VERIFY_NONE, nullptr); }
)~",
     R"~(void Conn::setup() { SSL_set_verify(ssl_, SSL_VERIFY_PEER, nullptr); }
)~",
     "src/module.cpp"},
    {"mbedtls optional multi-line config function",
     R"~(int tls_setup(mbedtls_ssl_config *conf) {
  int ret = mbedtls_ssl_config_defaults(conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
  if (ret != 0) return ret;
  mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_OPTIONAL);
  return 0;
}
)~",
     R"~(int tls_setup(mbedtls_ssl_config *conf) {
  int ret = mbedtls_ssl_config_defaults(conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM, MBEDTLS_SSL_PRESET_DEFAULT);
  if (ret != 0) return ret;
  mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_REQUIRED);
  return 0;
}
)~",
     "src/module.c"},
    {"openssl verify callback returns 1",
     R"~(static int accept_all(int ok, X509_STORE_CTX *ctx) { (void)ok; (void)ctx; return 1; }
void cfg(SSL_CTX *c) { SSL_CTX_set_verify(c, SSL_VERIFY_PEER, accept_all); }
)~",
     R"~(static int log_verify(int ok, X509_STORE_CTX *ctx) { if (!ok) log_cert_error(ctx); return ok; }
void cfg(SSL_CTX *c) { SSL_CTX_set_verify(c, SSL_VERIFY_PEER, log_verify); }
)~",
     "src/module.c"},
    {"Qt ignoreSslErrors without the expected errors",
     "#include <QNetworkReply>\nvoid onErrors(QNetworkReply *reply, const QList<QSslError> &errors) {\n"
     "  reply->ignoreSslErrors();\n}\n",
     "#include <QNetworkReply>\nvoid onErrors(QNetworkReply *reply, const QSslCertificate &pinned) {\n"
     "  QList<QSslError> expected;\n  expected << QSslError(QSslError::SelfSignedCertificate, pinned);\n"
     "  reply->ignoreSslErrors(expected);\n}\n",
     "src/net.cpp"},
    {"Qt ignoreSslErrors called, against a class declaring and defining its own",
     "#include <QSslSocket>\nvoid accept(QSslSocket *s) { s->ignoreSslErrors(); }\n",
     "class Session {\npublic:\n    void ignoreSslErrors();\n};\n"
     "void Session::ignoreSslErrors() { ++ignored_; }\n",
     "src/session.cpp"},
    {"Qt sslErrors signal connected to ignoreSslErrors",
     "#include <QNetworkReply>\nvoid watch(QNetworkReply *reply) {\n"
     "  QObject::connect(reply, &QNetworkReply::sslErrors, reply, qOverload<>(&QNetworkReply::ignoreSslErrors));\n}\n",
     "#include <QNetworkReply>\nvoid watch(QNetworkReply *reply, Log *log) {\n"
     "  QObject::connect(reply, &QNetworkReply::sslErrors, log, &Log::recordSslErrors);\n}\n",
     "src/net.cpp"},
};

TEST(LibraryVariety, PairsCRYPTO3) { expect_pairs("CRYPTO-3", crypto3_pairs); }

const std::vector<RulePair> crypto4_pairs = {
    {"hmac key array",
     R"~(static const uint8_t hmac_key[32] = { 0x3a, 0x91, 0x5c, 0x07, 0xee, 0x21, 0x4f, 0x88, 0x10, 0x2b, 0xc4, 0x6d, 0x9e, 0x73, 0x05, 0xa1, 0x3a, 0x91, 0x5c, 0x07, 0xee, 0x21, 0x4f, 0x88, 0x10, 0x2b, 0xc4, 0x6d, 0x9e, 0x73, 0x05, 0xa1 };
int mac(const uint8_t *m, size_t n, uint8_t *o) { return mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), hmac_key, sizeof hmac_key, m, n, o); }
)~",
     R"~(extern uint8_t hmac_key[32];
int mac(const uint8_t *m, size_t n, uint8_t *o) { return mbedtls_md_hmac(mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), hmac_key, sizeof hmac_key, m, n, o); }
)~",
     "src/module.c"},
    {"wifi password define",
     R"~(#define WIFI_PASSWORD "pump-ward-7!"
void join(void) { wifi_connect("ward7", WIFI_PASSWORD); }
)~",
     R"~(void join(void) { char pw[64]; nvs_get_str(h, "wifi_pw", pw, &len); wifi_connect("ward7", pw); }
)~",
     "src/module.c"},
    {"mbedtls psk literal",
     R"~(int c(mbedtls_ssl_config *conf) { const unsigned char psk[] = {0x11,0x22,0x33,0x44,0x55,0x66,0x77,0x88,0x99,0xaa,0xbb,0xcc,0xdd,0xee,0xff,0x00}; return mbedtls_ssl_conf_psk(conf, psk, sizeof psk, (const unsigned char *)"pump", 4); }
)~",
     R"~(int c(mbedtls_ssl_config *conf, const unsigned char *psk, size_t n) { return mbedtls_ssl_conf_psk(conf, psk, n, (const unsigned char *)"pump", 4); }
)~",
     "src/module.c"},
    {"memcmp pin literal",
     R"~(bool unlock(const char *pin) { return memcmp(pin, "4711", 4) == 0; }
)~",
     R"~(bool unlock(const char *pin) { return pin_matches_stored_hash(pin); }
)~",
     "src/module.c"},
    {"std string compare password",
     R"~(bool Auth::check(const std::string &password) { return password == "service123"; }
)~",
     R"~(bool Auth::check(const std::string &password) { return verify_hash(password, stored_hash_); }
)~",
     "src/module.cpp"},
    {"strncmp token literal",
     R"~(int auth(const char *token) { return strncmp(token, "eyJhbGciOiJIUzI1NiJ9.abc.def", 28) == 0; }
)~",
     R"~(int auth(const char *token) { return jwt_verify(token, pubkey) == 0; }
)~",
     "src/module.c"},
    {"literal key passed to wc_AesSetKey",
     R"~(int k(Aes *a, const byte *iv) { return wc_AesSetKey(a, (const byte *)"0123456789abcdef", 16, iv, AES_ENCRYPTION); }
)~",
     R"~(int k(Aes *a, const byte *key, const byte *iv) { return wc_AesSetKey(a, key, 16, iv, AES_ENCRYPTION); }
)~",
     "src/module.c"},
    {"BCrypt secret literal",
     R"~(NTSTATUS k(BCRYPT_ALG_HANDLE a, BCRYPT_KEY_HANDLE *h) { static UCHAR secret[16] = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16}; return BCryptGenerateSymmetricKey(a, h, NULL, 0, secret, sizeof secret, 0); }
)~",
     R"~(NTSTATUS k(BCRYPT_ALG_HANDLE a, BCRYPT_KEY_HANDLE *h, PUCHAR secret, ULONG n) { return BCryptGenerateSymmetricKey(a, h, NULL, 0, secret, n, 0); }
)~",
     "src/module.c"},
    {"gcrypt setkey literal",
     R"~(gcry_error_t k(gcry_cipher_hd_t h) { return gcry_cipher_setkey(h, "k3y-k3y-k3y-k3y!", 16); }
)~",
     R"~(gcry_error_t k(gcry_cipher_hd_t h, const void *key) { return gcry_cipher_setkey(h, key, 16); }
)~",
     "src/module.c"},
    {"tinycrypt key literal",
     R"~(int k(struct tc_aes_key_sched_struct *s) { static const uint8_t key[16] = {0x2b,0x7e,0x15,0x16,0x28,0xae,0xd2,0xa6,0xab,0xf7,0x15,0x88,0x09,0xcf,0x4f,0x3c}; return tc_aes128_set_encrypt_key(s, key); }
)~",
     R"~(int k(struct tc_aes_key_sched_struct *s, const uint8_t *key) { return tc_aes128_set_encrypt_key(s, key); }
)~",
     "src/module.c"},
    {"mqtt password C++",
     R"~(void Mqtt::connect() { opts_.set_password("Pump!2024"); }
)~",
     R"~(void Mqtt::connect() { opts_.set_password(secrets_.load("mqtt")); }
)~",
     "src/module.cpp"},
    {"password in struct init",
     R"~(static const struct cred admin = { .user = "admin", .password = "admin" };
)~",
     R"~(static const struct cred admin = { .user = "admin", .password = NULL };
)~",
     "src/module.c"},
    {"LogonUser literal password",
     R"~(BOOL logon(HANDLE *t) { return LogonUserA("svc", ".", "Adm1n!2024", LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, t); }
)~",
     R"~(BOOL logon(HANDLE *t, const char *pw) { return LogonUserA("svc", ".", pw, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, t); }
)~",
     "src/module.c"},
    {"mysql literal password",
     R"~(MYSQL *db(MYSQL *m) { return mysql_real_connect(m, "localhost", "pump", "pumpDB#77", "therapy", 0, NULL, 0); }
)~",
     R"~(MYSQL *db(MYSQL *m, const char *pw) { return mysql_real_connect(m, "localhost", "pump", pw, "therapy", 0, NULL, 0); }
)~",
     "src/module.c"},
    {"CryptHashData of a literal key",
     R"~(BOOL derive(HCRYPTPROV p, HCRYPTKEY *k) {
  HCRYPTHASH h;
  if (!CryptCreateHash(p, CALG_SHA_256, 0, 0, &h)) return FALSE;
  if (!CryptHashData(h, (BYTE *)"23!@#$sdfsd", 11, 0)) return FALSE;
  return CryptDeriveKey(p, CALG_AES_256, h, 0, k);
}
)~",
     R"~(BOOL derive(HCRYPTPROV p, HCRYPTKEY *k, const BYTE *secret, DWORD n) {
  HCRYPTHASH h;
  if (!CryptCreateHash(p, CALG_SHA_256, 0, 0, &h)) return FALSE;
  if (!CryptHashData(h, secret, n, 0)) return FALSE;
  return CryptDeriveKey(p, CALG_AES_256, h, 0, k);
}
)~",
     "src/module.c"},
    {"char array password",
     R"~(int connect_admin(void) { char password[] = "ABCD1234!"; return do_login("admin", password); }
)~",
     R"~(int connect_admin(void) { char password[64]; if (read_secret("admin", password, sizeof password)) return -1; return do_login("admin", password); }
)~",
     "src/module.c"},
    {"strcpy literal into password",
     R"~(void init(struct cfg *c) { strcpy(c->password, "Password1234!"); }
)~",
     R"~(void init(struct cfg *c) { strlcpy(c->password, getenv_secret("PUMP_PW"), sizeof c->password); }
)~",
     "src/module.c"},
    {"EVP_BytesToKey literal password",
     R"~(int k(unsigned char *key, unsigned char *iv, const unsigned char *salt) { return EVP_BytesToKey(EVP_aes_256_cbc(), EVP_sha256(), salt, (const unsigned char *)"pumpSecret", 10, 1, key, iv); }
)~",
     R"~(int k(unsigned char *key, unsigned char *iv, const unsigned char *salt, const unsigned char *pw, int n) { return EVP_BytesToKey(EVP_aes_256_cbc(), EVP_sha256(), salt, pw, n, 1, key, iv); }
)~",
     "src/module.c"},
    {"mbedtls pk parse key literal pwd",
     R"~(int load(mbedtls_pk_context *pk, const unsigned char *der, size_t n, mbedtls_ctr_drbg_context *d) { return mbedtls_pk_parse_key(pk, der, n, (const unsigned char *)"keypass", 7, mbedtls_ctr_drbg_random, d); }
)~",
     R"~(int load(mbedtls_pk_context *pk, const unsigned char *der, size_t n, const unsigned char *pw, size_t pl, mbedtls_ctr_drbg_context *d) { return mbedtls_pk_parse_key(pk, der, n, pw, pl, mbedtls_ctr_drbg_random, d); }
)~",
     "src/module.c"},
    {"Arduino WiFi.begin",
     R"~(void setup() { WiFi.begin("ward7", "pumpWifi2024"); }
)~",
     R"~(void setup() { WiFi.begin(cfg.ssid, cfg.psk); }
)~",
     "src/module.c"},
    {"C++ const std::string api key",
     R"~(static const std::string kApiKey = "AKIA1234567890ABCDEF";
)~",
     R"~(static const std::string kApiKeyEnv = "PUMP_API_KEY";
)~",
     "src/module.cpp"},
};

TEST(LibraryVariety, PairsCRYPTO4) { expect_pairs("CRYPTO-4", crypto4_pairs); }

const std::vector<RulePair> rng1_pairs = {
    {"rand into nonce buffer loop",
     R"~(void mk_nonce(uint8_t *nonce, size_t n) { for (size_t i = 0; i < n; i++) nonce[i] = (uint8_t)(rand() & 0xff); }
)~",
     R"~(int mk_nonce(uint8_t *nonce, size_t n) { return getrandom(nonce, n, 0) == (ssize_t)n ? 0 : -1; }
)~",
     "src/module.c"},
    {"random into session token C++",
     R"~(std::string Session::new_token() { std::mt19937 gen(std::random_device{}()); std::uniform_int_distribution<int> d(0, 15); std::string t; for (int i = 0; i < 32; ++i) t += "0123456789abcdef"[d(gen)]; return t; }
)~",
     R"~(std::string Session::new_token() { unsigned char b[16]; RAND_bytes(b, sizeof b); return hex(b, sizeof b); }
)~",
     "src/module.cpp"},
    {"rand passed to encrypt as iv",
     R"~(int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {
  unsigned char iv[16];
  for (int i = 0; i < 16; i++) iv[i] = rand();
  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv);
}
)~",
     R"~(int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {
  unsigned char iv[16];
  if (RAND_bytes(iv, sizeof iv) != 1) return 0;
  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv);
}
)~",
     "src/module.c"},
    {"Zephyr sys_rand32_get for a key",
     R"~(void gen_key(uint8_t *key) { for (int i = 0; i < 16; i += 4) { uint32_t r = sys_rand32_get(); memcpy(key + i, &r, 4); } }
)~",
     R"~(int gen_key(uint8_t *key) { return sys_csrand_get(key, 16); }
)~",
     "src/module.c"},
    {"random() for a salt",
     R"~(void make_salt(uint8_t salt[16]) { for (int i = 0; i < 16; ++i) salt[i] = (uint8_t)random(); }
)~",
     R"~(void make_salt(uint8_t salt[16]) { esp_fill_random(salt, 16); }
)~",
     "src/module.c"},
    {"C++ mt19937 nonce vector",
     R"~(std::vector<uint8_t> make_nonce() {
  static std::mt19937 gen(std::random_device{}());
  std::vector<uint8_t> nonce(12);
  for (auto &b : nonce) b = static_cast<uint8_t>(gen());
  return nonce;
}
)~",
     R"~(std::vector<uint8_t> make_nonce() {
  std::vector<uint8_t> nonce(12);
  if (RAND_bytes(nonce.data(), static_cast<int>(nonce.size())) != 1) throw std::runtime_error("rng");
  return nonce;
}
)~",
     "src/module.cpp"},
    {"rand modulo into key array multi-line",
     R"~(void keygen(uint8_t key[32]) {
  for (int i = 0; i < 32; i++) {
    key[i] =
        (uint8_t)(rand() %
                  256);
  }
}
)~",
     R"~(void keygen(uint8_t key[32]) {
  mbedtls_ctr_drbg_random(&drbg, key,
                          32);
}
)~",
     "src/module.c"},
    {"challenge via random() macro",
     R"~(#define NEXT_CHALLENGE() ((uint32_t)random())
uint32_t issue_challenge(void) { uint32_t challenge = NEXT_CHALLENGE(); return challenge; }
)~",
     R"~(uint32_t issue_challenge(void) { uint32_t challenge; getrandom(&challenge, sizeof challenge, 0); return challenge; }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsRNG1) { expect_pairs("RNG-1", rng1_pairs); }

const std::vector<RulePair> rng2_pairs = {
    {"srand time",
     R"~(int main(void) { srand((unsigned)time(NULL)); return run(); }
)~",
     R"~(int main(void) { unsigned s; getrandom(&s, sizeof s, 0); srand(s); return run(); }
)~",
     "src/module.c"},
    {"DRBG with a constant entropy callback",
     R"~(static int my_entropy(void *d, unsigned char *out, size_t n) { memset(out, 0x42, n); return 0; }
int init(mbedtls_ctr_drbg_context *ctr) { return mbedtls_ctr_drbg_seed(ctr, my_entropy, NULL, NULL, 0); }
)~",
     R"~(int init(mbedtls_ctr_drbg_context *ctr, mbedtls_entropy_context *ent) { mbedtls_entropy_init(ent); return mbedtls_ctr_drbg_seed(ctr, mbedtls_entropy_func, ent, (const unsigned char *)"pump", 4); }
)~",
     "src/module.c"},
    {"std::seed_seq constant",
     R"~(std::mt19937 make() { std::seed_seq seq{1, 2, 3}; return std::mt19937(seq); }
)~",
     R"~(std::mt19937 make() { std::random_device rd; std::seed_seq seq{rd(), rd(), rd()}; return std::mt19937(seq); }
)~",
     "src/module.cpp"},
    {"srandom(getpid())",
     R"~(void init(void) { srandom(getpid()); }
)~",
     R"~(void init(void) { srandom(arc4random()); }
)~",
     "src/module.c"},
    {"srand with clock in C++",
     R"~(void Game::init() { std::srand(static_cast<unsigned>(std::time(nullptr))); }
)~",
     R"~(void Game::init() { std::random_device rd; std::srand(rd()); }
)~",
     "src/module.cpp"},
};

TEST(LibraryVariety, PairsRNG2) { expect_pairs("RNG-2", rng2_pairs); }

const std::vector<RulePair> rng3_pairs = {
    {"static iv aes gcm mbedtls",
     R"~(static const unsigned char iv[12] = {0};
int enc(mbedtls_gcm_context *g, const unsigned char *in, size_t n, unsigned char *out, unsigned char *tag) { return mbedtls_gcm_crypt_and_tag(g, MBEDTLS_GCM_ENCRYPT, n, iv, sizeof iv, NULL, 0, in, out, 16, tag); }
)~",
     R"~(int enc(mbedtls_gcm_context *g, const unsigned char *iv, const unsigned char *in, size_t n, unsigned char *out, unsigned char *tag) { return mbedtls_gcm_crypt_and_tag(g, MBEDTLS_GCM_ENCRYPT, n, iv, 12, NULL, 0, in, out, 16, tag); }
)~",
     "src/module.c"},
    {"EVP literal iv string",
     R"~(int enc(EVP_CIPHER_CTX *c, const unsigned char *k) { return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, k, (const unsigned char *)"0000000000000000"); }
)~",
     R"~(int enc(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) { return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, k, iv); }
)~",
     "src/module.c"},
    {"wolfssl zero iv",
     R"~(int enc(Aes *a, const byte *k) { byte iv[AES_BLOCK_SIZE] = {0}; return wc_AesSetKey(a, k, 16, iv, AES_ENCRYPTION); }
)~",
     R"~(int enc(Aes *a, const byte *k, WC_RNG *rng) { byte iv[AES_BLOCK_SIZE]; wc_RNG_GenerateBlock(rng, iv, sizeof iv); return wc_AesSetKey(a, k, 16, iv, AES_ENCRYPTION); }
)~",
     "src/module.c"},
    {"reused global nonce libsodium",
     R"~(static unsigned char nonce[crypto_aead_chacha20poly1305_IETF_NPUBBYTES];
int seal(unsigned char *c, unsigned long long *cl, const unsigned char *m, unsigned long long n, const unsigned char *k) {
  return crypto_aead_chacha20poly1305_ietf_encrypt(c, cl, m, n, NULL, 0, NULL, nonce, k);
}
)~",
     R"~(int seal(unsigned char *c, unsigned long long *cl, const unsigned char *m, unsigned long long n, const unsigned char *k, unsigned char *nonce) {
  randombytes_buf(nonce, crypto_aead_chacha20poly1305_IETF_NPUBBYTES);
  return crypto_aead_chacha20poly1305_ietf_encrypt(c, cl, m, n, NULL, 0, NULL, nonce, k);
}
)~",
     "src/module.c"},
    {"mbedtls chachapoly zero nonce",
     R"~(int seal(mbedtls_chachapoly_context *ctx, const unsigned char *m, size_t n, unsigned char *c, unsigned char tag[16]) {
  unsigned char nonce[12] = {0};
  return mbedtls_chachapoly_encrypt_and_tag(ctx, n, nonce, NULL, 0, m, c, tag);
}
)~",
     R"~(int seal(mbedtls_chachapoly_context *ctx, const unsigned char *m, size_t n, unsigned char *c, unsigned char tag[16], mbedtls_ctr_drbg_context *d) {
  unsigned char nonce[12];
  mbedtls_ctr_drbg_random(d, nonce, sizeof nonce);
  return mbedtls_chachapoly_encrypt_and_tag(ctx, n, nonce, NULL, 0, m, c, tag);
}
)~",
     "src/module.c"},
    {"EVP GCM constant nonce macro",
     R"~(#define GCM_IV "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b"
int enc(EVP_CIPHER_CTX *c, const unsigned char *k) { return EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, k, (const unsigned char *)GCM_IV); }
)~",
     R"~(int enc(EVP_CIPHER_CTX *c, const unsigned char *k, unsigned char iv[12]) { RAND_bytes(iv, 12); return EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, k, iv); }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsRNG3) { expect_pairs("RNG-3", rng3_pairs); }

const std::vector<RulePair> code1_pairs = {
    {"strcpy in macro multi-line",
     R"~(void f(char *dst, const char *src) {
  strcpy(dst,
         src);
}
)~",
     R"~(void f(char *dst, size_t n, const char *src) {
  snprintf(dst, n,
           "%s", src);
}
)~",
     "src/module.c"},
    {"sprintf C++",
     R"~(std::string fmt(int v) { char b[16]; sprintf(b, "%d", v); return b; }
)~",
     R"~(std::string fmt(int v) { char b[16]; snprintf(b, sizeof b, "%d", v); return b; }
)~",
     "src/module.cpp"},
    {"strcat",
     R"~(void f(char *p, const char *s) { strcat(p, s); }
)~",
     R"~(void f(char *p, size_t n, const char *s) { strlcat(p, s, n); }
)~",
     "src/module.c"},
    {"sscanf %s",
     R"~(int parse(const char *line, char *name) { return sscanf(line, "NAME %s", name); }
)~",
     R"~(int parse(const char *line, char *name) { return sscanf(line, "NAME %31s", name); }
)~",
     "src/module.c"},
    {"lstrcpyA",
     R"~(void f(char *d, const char *s) { lstrcpyA(d, s); }
)~",
     R"~(void f(char *d, size_t n, const char *s) { StringCchCopyA(d, n, s); }
)~",
     "src/module.c"},
    {"gets in C++ with std",
     R"~(void f() { char b[64]; std::gets(b); }
)~",
     R"~(void f() { std::string b; std::getline(std::cin, b); }
)~",
     "src/module.cpp"},
    {"wcscat",
     R"~(void f(wchar_t *d, const wchar_t *s) { wcscat(d, s); }
)~",
     R"~(void f(wchar_t *d, size_t n, const wchar_t *s) { wcsncat(d, s, n - wcslen(d) - 1); }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsCODE1) { expect_pairs("CODE-1", code1_pairs); }

const std::vector<RulePair> code2_pairs = {
    {"syslog with variable fmt",
     R"~(void log_it(const char *msg) { syslog(LOG_INFO, msg); }
)~",
     R"~(void log_it(const char *msg) { syslog(LOG_INFO, "%s", msg); }
)~",
     "src/module.c"},
    {"snprintf var",
     R"~(void f(char *b, size_t n, const char *user) { snprintf(b, n, user); }
)~",
     R"~(void f(char *b, size_t n, const char *user) { snprintf(b, n, "%s", user); }
)~",
     "src/module.c"},
    {"fprintf cpp string c_str",
     R"~(void f(const std::string &m) { fprintf(stderr, m.c_str()); }
)~",
     R"~(void f(const std::string &m) { fprintf(stderr, "%s", m.c_str()); }
)~",
     "src/module.cpp"},
    {"printf argv",
     R"~(int main(int argc, char **argv) { if (argc > 1) printf(argv[1]); return 0; }
)~",
     R"~(int main(int argc, char **argv) { if (argc > 1) printf("%s", argv[1]); return 0; }
)~",
     "src/module.c"},
    {"snprintf with input as the format",
     R"~(void logmsg(const char *user_input) { char b[128]; snprintf(b, sizeof b, user_input); puts(b); }
)~",
     R"~(void logmsg(const char *user_input) { char b[128]; snprintf(b, sizeof b, "%s", user_input); puts(b); }
)~",
     "src/module.c"},
    {"wprintf",
     R"~(void f(const wchar_t *m) { wprintf(m); }
)~",
     R"~(void f(const wchar_t *m) { wprintf(L"%ls", m); }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsCODE2) { expect_pairs("CODE-2", code2_pairs); }

const std::vector<RulePair> code3_pairs = {
    {"popen var",
     R"~(FILE *f(const char *host) { char cmd[128]; snprintf(cmd, sizeof cmd, "ping -c1 %s", host); return popen(cmd, "r"); }
)~",
     R"~(int f(const char *host) { char *const argv[] = {"ping", "-c1", (char *)host, NULL}; return posix_spawnp(NULL, "ping", NULL, NULL, argv, NULL); }
)~",
     "src/module.c"},
    {"system in cpp",
     R"~(void Updater::reboot() { std::system("reboot"); }
)~",
     R"~(void Updater::reboot() { sync(); ::reboot(RB_AUTOBOOT); }
)~",
     "src/module.cpp"},
    {"WinExec",
     R"~(UINT run(const char *cmd) { return WinExec(cmd, SW_HIDE); }
)~",
     R"~(BOOL run(const char *exe, PROCESS_INFORMATION *pi, STARTUPINFOA *si) { return CreateProcessA(exe, NULL, NULL, NULL, FALSE, 0, NULL, NULL, si, pi); }
)~",
     "src/module.c"},
    {"CreateProcess via cmd.exe /c",
     R"~(BOOL run(char *cmdline, PROCESS_INFORMATION *pi, STARTUPINFOA *si) { return CreateProcessA("C:\\Windows\\System32\\cmd.exe", cmdline, NULL, NULL, FALSE, 0, NULL, NULL, si, pi); }
)~",
     R"~(BOOL run(char *cmdline, PROCESS_INFORMATION *pi, STARTUPINFOA *si) { return CreateProcessA("C:\\Tools\\pumpctl.exe", cmdline, NULL, NULL, FALSE, 0, NULL, NULL, si, pi); }
)~",
     "src/module.c"},
    {"execvp sh",
     R"~(void run(char *const argv[]) { execvp("sh", argv); }
)~",
     R"~(void run(char *const argv[]) { execvp("pumpctl", argv); }
)~",
     "src/module.c"},
    {"ShellExecute",
     R"~(void open_doc(const char *f) { ShellExecuteA(NULL, "open", f, NULL, NULL, SW_SHOW); }
)~",
     R"~(void open_doc(const char *f) { view_document(f); }
)~",
     "src/module.c"},
    {"CreateProcess with cmd.exe in the command line",
     R"~(BOOL run(PROCESS_INFORMATION *pi, STARTUPINFOA *si) { char line[] = "cmd.exe /c del log.txt"; return CreateProcessA(NULL, "cmd.exe /c del log.txt", NULL, NULL, FALSE, 0, NULL, NULL, si, pi); }
)~",
     R"~(BOOL run(PROCESS_INFORMATION *pi, STARTUPINFOA *si) { return CreateProcessA(NULL, "\"C:\\Tools\\logrotate.exe\" --now", NULL, NULL, FALSE, 0, NULL, NULL, si, pi); }
)~",
     "src/module.c"},
    {"_wspawnl of cmd",
     R"~(intptr_t run(const wchar_t *c) { return _wspawnl(_P_WAIT, L"C:\\Windows\\System32\\cmd.exe", L"cmd.exe", L"/c", c, NULL); }
)~",
     R"~(intptr_t run(const wchar_t *c) { return _wspawnl(_P_WAIT, L"C:\\Tools\\pumpctl.exe", L"pumpctl.exe", c, NULL); }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsCODE3) { expect_pairs("CODE-3", code3_pairs); }

const std::vector<RulePair> code4_pairs = {
    {"atoi in parser",
     R"~(int rate(const char *s) { return atoi(s); }
)~",
     R"~(int rate(const char *s, long *out) { char *e; errno = 0; *out = strtol(s, &e, 10); return (errno || *e) ? -1 : 0; }
)~",
     "src/module.c"},
    {"atof dose",
     R"~(double dose(const char *s) { return atof(s); }
)~",
     R"~(double dose(const char *s) { char *e; double d = strtod(s, &e); return *e ? -1.0 : d; }
)~",
     "src/module.c"},
    {"atol in C++",
     R"~(long Parser::rate(const std::string &s) { return std::atol(s.c_str()); }
)~",
     R"~(long Parser::rate(const std::string &s) { return std::stol(s); }
)~",
     "src/module.cpp"},
};

TEST(LibraryVariety, PairsCODE4) { expect_pairs("CODE-4", code4_pairs); }

const std::vector<RulePair> code5_pairs = {
    {"malloc",
     R"~(void *buf(size_t n) { return malloc(n); }
)~",
     R"~(static uint8_t pool[256]; void *buf(size_t n) { return n <= sizeof pool ? pool : NULL; }
)~",
     "src/module.c"},
    {"recursion",
     R"~(int depth(const struct node *n) { return n ? 1 + depth(n->next) : 0; }
)~",
     R"~(int depth(const struct node *n) { int d = 0; for (; n; n = n->next) ++d; return d; }
)~",
     "src/module.c"},
    {"setjmp",
     R"~(static jmp_buf env; int f(void) { if (setjmp(env)) return -1; return work(); }
)~",
     R"~(int f(void) { return work(); }
)~",
     "src/module.c"},
    {"goto cleanup",
     R"~(int f(void) { int rc = step(); if (rc) goto out; rc = step2(); out: return rc; }
)~",
     R"~(int f(void) { int rc = step(); if (!rc) rc = step2(); return rc; }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsCODE5) { expect_pairs("CODE-5", code5_pairs); }

const std::vector<RulePair> log3_pairs = {
    {"fwrite password to log file",
     R"~(void f(FILE *log_fp, const char *password) { fwrite(password, 1, strlen(password), log_fp); }
)~",
     R"~(void f(FILE *log_fp, const char *password) { fwrite("pw changed\n", 1, 11, log_fp); }
)~",
     "src/module.c"},
    {"ofstream logfile",
     R"~(void f(std::ofstream &logFile, const std::string &pin) { logFile << "pin " << pin << '\n'; }
)~",
     R"~(void f(std::ofstream &logFile, const std::string &pin) { logFile << "pin entered\n"; }
)~",
     "src/module.cpp"},
    {"printf password struct",
     R"~(void dump(const struct user *u) { printf("user=%s password=%s\n", u->name, u->password); }
)~",
     R"~(void dump(const struct user *u) { printf("user=%s\n", u->name); }
)~",
     "src/module.c"},
    {"syslog key hex via loop",
     R"~(void dump_key(const uint8_t *aes_key) { for (int i = 0; i < 16; i++) syslog(LOG_DEBUG, "%02x", aes_key[i]); }
)~",
     R"~(void dump_key(const uint8_t *aes_key) { syslog(LOG_DEBUG, "key loaded"); }
)~",
     "src/module.c"},
    {"member chain ends in the secret",
     R"~(void show(const struct session *sess) { pr_info("session %u otp %06u\n", sess->id, sess->otp); }
)~",
     R"~(void show(const struct task *otp) { pr_info("peer task %s\n", otp->comm); }
)~",
     "src/module.c"},
    {"an index named pin is not the value",
     R"~(void show(const struct user *u) { dev_info(dev, "user %s pin %s\n", u->name, u->pin); }
)~",
     R"~(void show(struct adapter *adapter, int pin) { dev_info(dev, "SDP %s\n", adapter->sdp_config[pin].name); }
)~",
     "src/module.c"},
    {"a field of a key is judged by its own name",
     R"~(void show(const struct link *l) { LOG_DBG("link key %s", l->link_key); }
)~",
     R"~(void show(const struct link *l) { LOG_DBG("link key length %u", l->link_key.len); }
)~",
     "src/module.c"},
    {"private data of a port is not a private key",
     R"~(void show(const struct dev_ctx *c) { dev_dbg(c->dev, "rsa key %*ph\n", 32, c->rsa_private); }
)~",
     R"~(void show(const struct port *p) { dev_dbg(p->port_private->dev, "port %s\n", p->name); }
)~",
     "src/module.c"},
};

TEST(LibraryVariety, PairsLOG3) { expect_pairs("LOG-3", log3_pairs); }

const std::vector<RulePair> log2_pairs = {
    {"login returns 0 on failure",
     R"~(int login(const char *user, const char *password) {
  if (strcmp(password, lookup_password(user)) != 0) {
    return 0;
  }
  return 1;
}
)~",
     R"~(int login(const char *user, const char *password) {
  if (strcmp(password, lookup_password(user)) != 0) {
    syslog(LOG_WARNING, "failed login for %s", user);
    return 0;
  }
  return 1;
}
)~",
     "src/module.c"},
    {"returns NULL session",
     R"~(struct session *open_session(const char *token) {
  if (!validate_token(token)) return NULL;
  return session_new(token);
}
)~",
     R"~(struct session *open_session(const char *token) {
  if (!validate_token(token)) {
    LOG_WRN("session refused: invalid token");
    return NULL;
  }
  return session_new(token);
}
)~",
     "src/module.c"},
    {"void return",
     R"~(void handle_cmd(struct conn *c, const uint8_t *mac) {
  if (memcmp(mac, c->expected_mac, 32) != 0) {
    return;
  }
  execute(c);
}
)~",
     R"~(void handle_cmd(struct conn *c, const uint8_t *mac) {
  if (memcmp(mac, c->expected_mac, 32) != 0) {
    LOG_ERR("command MAC mismatch");
    return;
  }
  execute(c);
}
)~",
     "src/module.c"},
    {"exit on bad firmware",
     R"~(void boot_app(void) {
  if (!verify_image_signature(APP_BASE)) {
    exit(1);
  }
  jump_to(APP_BASE);
}
)~",
     R"~(void boot_app(void) {
  if (!verify_image_signature(APP_BASE)) {
    syslog(LOG_CRIT, "app image signature invalid");
    exit(1);
  }
  jump_to(APP_BASE);
}
)~",
     "src/module.c"},
    {"stderr message on a failed login",
     R"~(int admin_login(const char *password) {
  if (strcmp(password, admin_password_hash()) != 0) {
    return -1;
  }
  return 0;
}
)~",
     R"~(int admin_login(const char *password) {
  if (strcmp(password, admin_password_hash()) != 0) {
    fprintf(stderr, "admin login failed\n");
    return -1;
  }
  return 0;
}
)~",
     "src/module.c"},
    {"audit log file",
     R"~(bool apply_update(FILE *audit_fp, const uint8_t *img, size_t n) {
  if (!verify_update_signature(img, n)) return false;
  return flash(img, n);
}
)~",
     R"~(bool apply_update(FILE *audit_fp, const uint8_t *img, size_t n) {
  if (!verify_update_signature(img, n)) {
    fputs("update rejected: bad signature\n", audit_fp);
    return false;
  }
  return flash(img, n);
}
)~",
     "src/module.c"},
    {"C++ cerr",
     R"~(bool Door::unlock(const std::string &pin) {
  if (!pin_matches(pin)) return false;
  open();
  return true;
}
)~",
     R"~(bool Door::unlock(const std::string &pin) {
  if (!pin_matches(pin)) {
    std::cerr << "door: wrong PIN" << std::endl;
    return false;
  }
  open();
  return true;
}
)~",
     "src/module.cpp"},
    {"printf to stdout is not a security log",
     R"~(int check_token(const char *token) {
  if (strcmp(token, session_token) != 0) {
    printf("bad token\n");
    return -EACCES;
  }
  return 0;
}
)~",
     R"~(int check_token(const char *token) {
  if (strcmp(token, session_token) != 0) {
    warnx("bad session token");
    return -EACCES;
  }
  return 0;
}
)~",
     "src/module.c"},
    {"X509_verify_cert returns 0",
     R"~(int check_peer(X509_STORE_CTX *ctx) {
  if (X509_verify_cert(ctx) != 1) {
    return 0;
  }
  return 1;
}
)~",
     R"~(int check_peer(X509_STORE_CTX *ctx) {
  if (X509_verify_cert(ctx) != 1) {
    syslog(LOG_ERR, "peer certificate rejected: %s", X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx)));
    return 0;
  }
  return 1;
}
)~",
     "src/module.c"},
    {"SSL verify result NULL",
     R"~(SSL *connect_device(SSL_CTX *c, int fd) {
  SSL *ssl = SSL_new(c);
  SSL_set_fd(ssl, fd);
  if (SSL_connect(ssl) != 1 || SSL_get_verify_result(ssl) != X509_V_OK) {
    SSL_free(ssl);
    return NULL;
  }
  return ssl;
}
)~",
     R"~(SSL *connect_device(SSL_CTX *c, int fd) {
  SSL *ssl = SSL_new(c);
  SSL_set_fd(ssl, fd);
  if (SSL_connect(ssl) != 1 || SSL_get_verify_result(ssl) != X509_V_OK) {
    syslog(LOG_WARNING, "device TLS peer rejected");
    SSL_free(ssl);
    return NULL;
  }
  return ssl;
}
)~",
     "src/module.c"},
    {"user lookup then hash check",
     R"~(bool authenticate_user(const char *name, const char *pw) {
  const struct user *rec = find_user(name);
  if (rec == NULL) return false;
  if (!check_hash(pw, rec->hash)) return false;
  return true;
}
)~",
     R"~(bool authenticate_user(const char *name, const char *pw) {
  const struct user *rec = find_user(name);
  if (rec == NULL || !check_hash(pw, rec->hash)) {
    audit_log(AUDIT_LOGIN_FAILED, name);
    return false;
  }
  return true;
}
)~",
     "src/module.c"},
    {"access denied constant C++",
     R"~(Status Service::Unlock(const Request &req) {
  if (!tokens_.Validate(req.token())) return Status::PermissionDenied("bad token");
  return DoUnlock();
}
)~",
     R"~(Status Service::Unlock(const Request &req) {
  if (!tokens_.Validate(req.token())) {
    LOG(WARNING) << "unlock refused: invalid token from " << req.peer();
    return Status::PermissionDenied("bad token");
  }
  return DoUnlock();
}
)~",
     "src/module.cpp"},
};

TEST(LibraryVariety, PairsLOG2) { expect_pairs("LOG-2", log2_pairs); }

}  // namespace
}  // namespace mdbc::source
