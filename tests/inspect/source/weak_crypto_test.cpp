#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::test {
namespace {

const std::vector<RulePair>& crypto1_pairs() {
  static const std::vector<RulePair> pairs = {
      {"EVP_md5 digest",
       "#include <openssl/evp.h>\nint digest(EVP_MD_CTX *c) {\n  return EVP_DigestInit_ex(c, EVP_md5(), NULL);\n}\n",
       "#include <openssl/evp.h>\nint digest(EVP_MD_CTX *c) {\n  return EVP_DigestInit_ex(c, EVP_sha256(), NULL);\n}\n"},
      {"legacy MD5()",
       "void fingerprint(const unsigned char *d, size_t n, unsigned char *out) { MD5(d, n, out); }\n",
       "void fingerprint(const unsigned char *d, size_t n, unsigned char *out) { SHA256(d, n, out); }\n"},
      {"SHA-1 signature",
       "int sign_it(EVP_MD_CTX *m, EVP_PKEY *k) {\n  return EVP_DigestSignInit(m, NULL, EVP_sha1(), NULL, k);\n}\n",
       "int sign_it(EVP_MD_CTX *m, EVP_PKEY *k) {\n  return EVP_DigestSignInit(m, NULL, EVP_sha256(), NULL, k);\n}\n"},
      {"3DES via EVP",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_des_ede3_cbc(), NULL, k, iv);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, k, iv);\n}\n"},
      {"AES-ECB via EVP",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *k) {\n  return EVP_EncryptInit_ex(c, EVP_aes_128_ecb(), NULL, k, NULL);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), NULL, k, iv);\n}\n"},
      {"digest by name",
       "const EVP_MD *pick(void) { return EVP_get_digestbyname(\"md5\"); }\n",
       "const EVP_MD *pick(void) { return EVP_get_digestbyname(\"sha256\"); }\n"},
      {"cipher fetched by name through a constant",
       "static const char *const CIPHER_NAME = \"DES-EDE3-CBC\";\n"
       "EVP_CIPHER *get(OSSL_LIB_CTX *l) { return EVP_CIPHER_fetch(l, CIPHER_NAME, NULL); }\n",
       "static const char *const CIPHER_NAME = \"AES-256-GCM\";\n"
       "EVP_CIPHER *get(OSSL_LIB_CTX *l) { return EVP_CIPHER_fetch(l, CIPHER_NAME, NULL); }\n"},
      {"RSA 1024 through a macro",
       "#define KEY_BITS 1024\nint gen(RSA *r, BIGNUM *e) {\n  return RSA_generate_key_ex(r, KEY_BITS, e, NULL);\n}\n",
       "#define KEY_BITS 3072\nint gen(RSA *r, BIGNUM *e) {\n  return RSA_generate_key_ex(r, KEY_BITS, e, NULL);\n}\n"},
      {"RSA keygen bits through a variable",
       "int gen(EVP_PKEY_CTX *ctx) {\n  int bits = 1024;\n  EVP_PKEY_keygen_init(ctx);\n"
       "  return EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits);\n}\n",
       "int gen(EVP_PKEY_CTX *ctx) {\n  int bits = 2048;\n  EVP_PKEY_keygen_init(ctx);\n"
       "  return EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, bits);\n}\n"},
      {"EVP_RSA_gen", "EVP_PKEY *make(void) { return EVP_RSA_gen(512); }\n",
       "EVP_PKEY *make(void) { return EVP_RSA_gen(4096); }\n"},
      {"TLS 1.0 method", "SSL_CTX *mk(void) { return SSL_CTX_new(TLSv1_client_method()); }\n",
       "SSL_CTX *mk(void) { return SSL_CTX_new(TLS_client_method()); }\n"},
      {"TLS 1.1 minimum",
       "void cfg(SSL_CTX *ctx) {\n  SSL_CTX_set_min_proto_version(ctx,\n                                TLS1_1_VERSION);\n}\n",
       "void cfg(SSL_CTX *ctx) {\n  SSL_CTX_set_min_proto_version(ctx,\n                                TLS1_2_VERSION);\n}\n"},
      {"weak cipher list",
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_cipher_list(ctx, \"RC4-SHA:DES-CBC3-SHA:HIGH\"); }\n",
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_cipher_list(ctx, \"HIGH:!aNULL:!MD5:!RC4:!3DES\"); }\n"},
      {"RSA PKCS#1 v1.5 encryption (legacy)",
       "int wrap(RSA *r, const unsigned char *in, int n, unsigned char *out) {\n"
       "  return RSA_public_encrypt(n, in, out, r, RSA_PKCS1_PADDING);\n}\n",
       "int wrap(RSA *r, const unsigned char *in, int n, unsigned char *out) {\n"
       "  return RSA_public_encrypt(n, in, out, r, RSA_PKCS1_OAEP_PADDING);\n}\n"},
      {"RSA PKCS#1 v1.5 encryption (EVP)",
       "int wrap(EVP_PKEY_CTX *ctx, unsigned char *out, size_t *on, const unsigned char *in, size_t n) {\n"
       "  if (EVP_PKEY_encrypt_init(ctx) <= 0) return -1;\n"
       "  EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);\n"
       "  return EVP_PKEY_encrypt(ctx, out, on, in, n);\n}\n",
       "int wrap(EVP_PKEY_CTX *ctx, unsigned char *out, size_t *on, const unsigned char *in, size_t n) {\n"
       "  if (EVP_PKEY_encrypt_init(ctx) <= 0) return -1;\n"
       "  EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING);\n"
       "  return EVP_PKEY_encrypt(ctx, out, on, in, n);\n}\n"},
      {"mbedTLS MD5",
       "int h(mbedtls_md_context_t *c) {\n  return mbedtls_md_setup(c, mbedtls_md_info_from_type(MBEDTLS_MD_MD5), 0);\n}\n",
       "int h(mbedtls_md_context_t *c) {\n  return mbedtls_md_setup(c, mbedtls_md_info_from_type(MBEDTLS_MD_SHA256), 0);\n}\n"},
      {"mbedTLS SHA-1 for integrity",
       "int check_image(const unsigned char *img, size_t n, unsigned char out[20]) {\n"
       "  return mbedtls_sha1_ret(img, n, out);\n}\n",
       "int check_image(const unsigned char *img, size_t n, unsigned char out[32]) {\n"
       "  return mbedtls_sha256_ret(img, n, out, 0);\n}\n"},
      {"mbedTLS 3DES",
       "void k(mbedtls_des3_context *d, const unsigned char key[24]) { mbedtls_des3_set3key_enc(d, key); }\n",
       "void k(mbedtls_gcm_context *g, const unsigned char key[32]) {\n"
       "  mbedtls_gcm_setkey(g, MBEDTLS_CIPHER_ID_AES, key, 256);\n}\n"},
      {"mbedTLS ECB cipher type",
       "const mbedtls_cipher_info_t *info(void) {\n  return mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB);\n}\n",
       "const mbedtls_cipher_info_t *info(void) {\n  return mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_GCM);\n}\n"},
      {"mbedTLS raw AES over data",
       "void encrypt_record(mbedtls_aes_context *aes, const unsigned char *data, unsigned char *out, size_t n) {\n"
       "  for (size_t i = 0; i < n; i += 16)\n"
       "    mbedtls_aes_crypt_ecb(aes, MBEDTLS_AES_ENCRYPT, data + i, out + i);\n}\n",
       "void encrypt_record(mbedtls_aes_context *aes, unsigned char iv[16], const unsigned char *data,\n"
       "                    unsigned char *out, size_t n) {\n"
       "  mbedtls_aes_crypt_cbc(aes, MBEDTLS_AES_ENCRYPT, n, iv, data, out);\n}\n"},
      {"mbedTLS RSA 1024",
       "int gen(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *d) {\n"
       "  return mbedtls_rsa_gen_key(rsa, mbedtls_ctr_drbg_random, d, 1024, 65537);\n}\n",
       "int gen(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *d) {\n"
       "  return mbedtls_rsa_gen_key(rsa, mbedtls_ctr_drbg_random, d, 2048, 65537);\n}\n"},
      {"mbedTLS TLS 1.0 minimum",
       "void cfg(mbedtls_ssl_config *c) {\n"
       "  mbedtls_ssl_conf_min_version(c, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_1);\n}\n",
       "void cfg(mbedtls_ssl_config *c) {\n"
       "  mbedtls_ssl_conf_min_version(c, MBEDTLS_SSL_MAJOR_VERSION_3, MBEDTLS_SSL_MINOR_VERSION_3);\n}\n"},
      {"mbedTLS PKCS#1 v1.5 encryption",
       "int wrap(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *d, const unsigned char *in, unsigned char *out) {\n"
       "  mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V15, MBEDTLS_MD_NONE);\n"
       "  return mbedtls_rsa_pkcs1_encrypt(rsa, mbedtls_ctr_drbg_random, d, 16, in, out);\n}\n",
       "int wrap(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *d, const unsigned char *in, unsigned char *out) {\n"
       "  mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);\n"
       "  return mbedtls_rsa_pkcs1_encrypt(rsa, mbedtls_ctr_drbg_random, d, 16, in, out);\n}\n"},
      {"wolfSSL MD5",
       "void h(const byte *d, word32 n, byte *out) {\n  wc_Md5 md5;\n  wc_InitMd5(&md5);\n"
       "  wc_Md5Update(&md5, d, n);\n  wc_Md5Final(&md5, out);\n}\n",
       "void h(const byte *d, word32 n, byte *out) {\n  wc_Sha256 sha;\n  wc_InitSha256(&sha);\n"
       "  wc_Sha256Update(&sha, d, n);\n  wc_Sha256Final(&sha, out);\n}\n"},
      {"wolfSSL TLS 1.1 method",
       "WOLFSSL_CTX *mk(void) { return wolfSSL_CTX_new(wolfTLSv1_1_client_method()); }\n",
       "WOLFSSL_CTX *mk(void) { return wolfSSL_CTX_new(wolfTLSv1_2_client_method()); }\n"},
      {"wolfSSL RSA 1024",
       "int gen(RsaKey *k, WC_RNG *rng) { return wc_MakeRsaKey(k, 1024, WC_RSA_EXPONENT, rng); }\n",
       "int gen(RsaKey *k, WC_RNG *rng) { return wc_MakeRsaKey(k, 2048, WC_RSA_EXPONENT, rng); }\n"},
      {"wolfSSL 3DES",
       "int k(Des3 *d, const byte *key, const byte *iv) { return wc_Des3_SetKey(d, key, iv, DES_ENCRYPTION); }\n",
       "int k(Aes *a, const byte *key) { return wc_AesGcmSetKey(a, key, 32); }\n"},
      {"tinycrypt raw AES over data",
       "void seal(TCAesKeySched_t s, uint8_t *out, const uint8_t *plain, size_t n) {\n"
       "  for (size_t off = 0; off < n; off += TC_AES_BLOCK_SIZE)\n"
       "    tc_aes_encrypt(out + off, plain + off, s);\n}\n",
       "void seal(TCAesKeySched_t s, uint8_t *out, size_t outlen, const uint8_t *plain, size_t n, const uint8_t *iv) {\n"
       "  tc_cbc_mode_encrypt(out, outlen, plain, n, iv, s);\n}\n"},
      {"libgcrypt MD5 and ECB",
       "void go(gcry_md_hd_t *h, gcry_cipher_hd_t *c) {\n  gcry_md_open(h, GCRY_MD_MD5, 0);\n"
       "  gcry_cipher_open(c, GCRY_CIPHER_AES128, GCRY_CIPHER_MODE_ECB, 0);\n}\n",
       "void go(gcry_md_hd_t *h, gcry_cipher_hd_t *c) {\n  gcry_md_open(h, GCRY_MD_SHA256, 0);\n"
       "  gcry_cipher_open(c, GCRY_CIPHER_AES128, GCRY_CIPHER_MODE_GCM, 0);\n}\n"},
      {"libgcrypt RSA 1024 S-expression",
       "int gen(gcry_sexp_t *key) {\n  gcry_sexp_t parms;\n"
       "  gcry_sexp_new(&parms, \"(genkey (rsa (nbits 4:1024)))\", 0, 1);\n  return gcry_pk_genkey(key, parms);\n}\n",
       "int gen(gcry_sexp_t *key) {\n  gcry_sexp_t parms;\n"
       "  gcry_sexp_new(&parms, \"(genkey (rsa (nbits 4:3072)))\", 0, 1);\n  return gcry_pk_genkey(key, parms);\n}\n"},
      {"CryptoAPI MD5",
       "BOOL h(HCRYPTPROV p, HCRYPTHASH *out) { return CryptCreateHash(p, CALG_MD5, 0, 0, out); }\n",
       "BOOL h(HCRYPTPROV p, HCRYPTHASH *out) { return CryptCreateHash(p, CALG_SHA_256, 0, 0, out); }\n"},
      {"CNG 3DES",
       "NTSTATUS open(BCRYPT_ALG_HANDLE *h) { return BCryptOpenAlgorithmProvider(h, BCRYPT_3DES_ALGORITHM, NULL, 0); }\n",
       "NTSTATUS open(BCRYPT_ALG_HANDLE *h) { return BCryptOpenAlgorithmProvider(h, BCRYPT_AES_ALGORITHM, NULL, 0); }\n"},
      {"CNG ECB chaining mode",
       "NTSTATUS mode(BCRYPT_ALG_HANDLE h) {\n"
       "  return BCryptSetProperty(h, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_ECB,\n"
       "                           sizeof(BCRYPT_CHAIN_MODE_ECB), 0);\n}\n",
       "NTSTATUS mode(BCRYPT_ALG_HANDLE h) {\n"
       "  return BCryptSetProperty(h, BCRYPT_CHAINING_MODE, (PUCHAR)BCRYPT_CHAIN_MODE_GCM,\n"
       "                           sizeof(BCRYPT_CHAIN_MODE_GCM), 0);\n}\n"},
      {"CryptGenKey RSA 1024",
       "BOOL gen(HCRYPTPROV p, HCRYPTKEY *k) { return CryptGenKey(p, AT_KEYEXCHANGE, RSA1024BIT_KEY | CRYPT_EXPORTABLE, k); }\n",
       "BOOL gen(HCRYPTPROV p, HCRYPTKEY *k) { return CryptGenKey(p, AT_KEYEXCHANGE, (2048 << 16) | CRYPT_EXPORTABLE, k); }\n"},
      {"CNG RSA 1024",
       "NTSTATUS gen(BCRYPT_KEY_HANDLE *k) {\n  BCRYPT_ALG_HANDLE h;\n"
       "  BCryptOpenAlgorithmProvider(&h, BCRYPT_RSA_ALGORITHM, NULL, 0);\n"
       "  return BCryptGenerateKeyPair(h, k, 1024, 0);\n}\n",
       "NTSTATUS gen(BCRYPT_KEY_HANDLE *k) {\n  BCRYPT_ALG_HANDLE h;\n"
       "  BCryptOpenAlgorithmProvider(&h, BCRYPT_RSA_ALGORITHM, NULL, 0);\n"
       "  return BCryptGenerateKeyPair(h, k, 3072, 0);\n}\n"},
      {"DH 1024 parameters",
       "int params(DH *dh) { return DH_generate_parameters_ex(dh, 1024, DH_GENERATOR_2, NULL); }\n",
       "int params(DH *dh) { return DH_generate_parameters_ex(dh, 2048, DH_GENERATOR_2, NULL); }\n"},
      {"C++: digest chosen by a macro",
       "#define DIGEST EVP_sha1\nclass Hasher {\n public:\n  bool start(EVP_MD_CTX *c) { return EVP_DigestInit_ex(c, DIGEST(), nullptr) == 1; }\n};\n",
       "#define DIGEST EVP_sha256\nclass Hasher {\n public:\n  bool start(EVP_MD_CTX *c) { return EVP_DigestInit_ex(c, DIGEST(), nullptr) == 1; }\n};\n",
       "src/hasher.cpp"},
      {"curl TLS 1.0 minimum",
       "void cfg(CURL *c) { curl_easy_setopt(c, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1); }\n",
       "void cfg(CURL *c) { curl_easy_setopt(c, CURLOPT_SSLVERSION, CURL_SSLVERSION_TLSv1_2); }\n"},
      {"PSA SHA-1 hash",
       "psa_status_t h(const uint8_t *m, size_t n, uint8_t *out, size_t *len) {\n"
       "  return psa_hash_compute(PSA_ALG_SHA_1, m, n, out, 20, len);\n}\n",
       "psa_status_t h(const uint8_t *m, size_t n, uint8_t *out, size_t *len) {\n"
       "  return psa_hash_compute(PSA_ALG_SHA_256, m, n, out, 32, len);\n}\n"},
      {"OpenSSL's one-shot SHA-1 chosen as a digest function, against SHA1 as a CPU feature's word",
       "typedef unsigned char *(*digest_fn)(const unsigned char *, size_t, unsigned char *);\n"
       "digest_fn pick_digest(void) { return SHA1; }\n",
       "#define KERNEL_HWCAP_SHA1 __khwcap_feature(SHA1)\n"
       "static const char *const names[] = { [COMPAT_HWCAP2(SHA1)] = \"sha1\" };\n"
       "module_cpu_feature_match(SHA1, sha1_ce_mod_init);\n"},
  };
  return pairs;
}

TEST(WeakCrypto, PairedCases) { expect_pairs("CRYPTO-1", crypto1_pairs()); }

std::vector<Finding> crypto1(std::string_view code, std::string path = "src/t.c") {
  return only(inspect_snippet(code, std::move(path)), "CRYPTO-1");
}

TEST(WeakCrypto, MessagesNameAlgorithmReasonAndReplacement) {
  const auto f = crypto1("int s(EVP_MD_CTX *m, EVP_PKEY *k) { return EVP_DigestSignInit(m, NULL, EVP_sha1(), NULL, k); }\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "CRYPTO-1/weak-hash");
  EXPECT_NE(f[0].message.find("SHA-1 is broken for signatures and integrity"), std::string::npos);
  EXPECT_NE(f[0].message.find("SHA-256"), std::string::npos);
  const auto k = crypto1("int g(RSA *r, BIGNUM *e) { return RSA_generate_key_ex(r, 1024, e, NULL); }\n");
  ASSERT_EQ(k.size(), 1u);
  EXPECT_EQ(k[0].rule, "CRYPTO-1/short-key");
  EXPECT_NE(k[0].message.find("1024-bit RSA key"), std::string::npos);
}

TEST(WeakCrypto, HmacSha1AndOaepSha1AreAccepted) {
  EXPECT_TRUE(crypto1("void m(const void *k, int kl, const unsigned char *d, size_t n, unsigned char *o, unsigned *ol) {\n"
                      "  HMAC(EVP_sha1(), k, kl, d, n, o, ol);\n}\n")
                  .empty());
  EXPECT_TRUE(crypto1("int totp(mbedtls_md_context_t *c, const unsigned char *k, size_t kl) {\n"
                      "  const mbedtls_md_info_t *info = mbedtls_md_info_from_type(MBEDTLS_MD_SHA1);\n"
                      "  mbedtls_md_setup(c, info, 1);\n  return mbedtls_md_hmac_starts(c, k, kl);\n}\n")
                  .empty());
  EXPECT_TRUE(crypto1("int o(EVP_PKEY_CTX *c) { return EVP_PKEY_CTX_set_rsa_oaep_md(c, EVP_sha1()); }\n").empty());
  EXPECT_TRUE(crypto1("int p(const char *pw, const unsigned char *s, unsigned char *out) {\n"
                      "  return PKCS5_PBKDF2_HMAC(pw, -1, s, 16, 100000, EVP_sha1(), 32, out);\n}\n")
                  .empty());
}

TEST(WeakCrypto, SingleBlockAesInCounterModeIsNotEcb) {
  EXPECT_TRUE(crypto1("void ctr_keystream(mbedtls_aes_context *a, unsigned char counter[16], unsigned char ks[16]) {\n"
                      "  mbedtls_aes_crypt_ecb(a, MBEDTLS_AES_ENCRYPT, counter, ks);\n}\n")
                  .empty());
  EXPECT_FALSE(crypto1("void seal(mbedtls_aes_context *a, const unsigned char *plain, unsigned char *out) {\n"
                       "  mbedtls_aes_crypt_ecb(a, MBEDTLS_AES_ENCRYPT, plain, out);\n}\n")
                   .empty());
}

TEST(WeakCrypto, ComparisonsCaseLabelsDeclarationsAndEnumsAreNotChoices) {
  EXPECT_TRUE(crypto1("const char *name(mbedtls_md_type_t t) {\n  if (t == MBEDTLS_MD_MD5) return \"md5\";\n"
                      "  switch (t) { case MBEDTLS_MD_SHA1: return \"sha1\"; default: return \"?\"; }\n}\n")
                  .empty());
  EXPECT_TRUE(crypto1("const EVP_MD *EVP_md5(void);\nconst EVP_MD *EVP_sha1(void);\n", "include/evp.h").empty());
  EXPECT_TRUE(crypto1("typedef enum { MBEDTLS_MD_NONE, MBEDTLS_MD_MD5, MBEDTLS_MD_SHA1 } mbedtls_md_type_t;\n",
                      "include/md.h")
                  .empty());
  EXPECT_TRUE(crypto1("#if 0\nvoid old(void) { MD5_Init(&c); }\n#endif\n").empty());
}

TEST(WeakCrypto, SignaturePaddingIsNotEncryptionPadding) {
  EXPECT_TRUE(crypto1("int s(EVP_PKEY_CTX *c, unsigned char *sig, size_t *n, const unsigned char *md) {\n"
                      "  EVP_PKEY_sign_init(c);\n  EVP_PKEY_CTX_set_rsa_padding(c, RSA_PKCS1_PADDING);\n"
                      "  return EVP_PKEY_sign(c, sig, n, md, 32);\n}\n")
                  .empty());
}

TEST(WeakCrypto, EcKeySizesAreNotShortRsaKeys) {
  EXPECT_TRUE(crypto1("NTSTATUS gen(BCRYPT_KEY_HANDLE *k) {\n  BCRYPT_ALG_HANDLE h;\n"
                      "  BCryptOpenAlgorithmProvider(&h, BCRYPT_ECDSA_P256_ALGORITHM, NULL, 0);\n"
                      "  return BCryptGenerateKeyPair(h, k, 256, 0);\n}\n")
                  .empty());
}

TEST(WeakCrypto, OneFindingPerAlgorithmAndFunction) {
  const auto f = crypto1("void h(const void *d, size_t n, unsigned char *o) {\n  MD5_CTX c;\n  MD5_Init(&c);\n"
                         "  MD5_Update(&c, d, n);\n  MD5_Final(o, &c);\n}\n");
  EXPECT_EQ(f.size(), 1u);
}

}  // namespace
}  // namespace mdbc::test
