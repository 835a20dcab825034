#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::test {
namespace {

// A base class and the derived class whose virtual method seals with the nonce it is given.
const std::string radio_channel =
    "class Channel {\npublic:\n  virtual ~Channel() {}\n"
    "  virtual int seal(mbedtls_chachapoly_context *c, const uint8_t *nonce, const uint8_t *in, uint8_t *out,\n"
    "                   size_t n, uint8_t *tag) = 0;\n};\n"
    "class RadioChannel : public Channel {\npublic:\n"
    "  int seal(mbedtls_chachapoly_context *c, const uint8_t *nonce, const uint8_t *in, uint8_t *out, size_t n,\n"
    "           uint8_t *tag) override {\n"
    "    return mbedtls_chachapoly_encrypt_and_tag(c, n, nonce, NULL, 0, in, out, tag);\n  }\n};\n";

const std::vector<RulePair>& rng3_pairs() {
  static const std::vector<RulePair> pairs = {
      {"static const IV with EVP",
       "static const unsigned char iv[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,\n"
       "                                     0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};\n"
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key, unsigned char iv[16]) {\n"
       "  if (RAND_bytes(iv, 16) != 1) return 0;\n  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv);\n}\n"},
      {"zero-initialised IV",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char iv[16] = {0};\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, iv);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char iv[16] = {0};\n"
       "  RAND_bytes(iv, sizeof iv);\n  return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, iv);\n}\n"},
      {"string literal IV",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, (const unsigned char *)\"0000000000000000\");\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key, const unsigned char *iv) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, iv);\n}\n"},
      {"memset to zero before use",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char iv[16];\n  memset(iv, 0, sizeof iv);\n"
       "  return EVP_CipherInit_ex(c, EVP_aes_128_ctr(), NULL, key, iv, 1);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char iv[16];\n  memset(iv, 0, sizeof iv);\n"
       "  RAND_bytes(iv, sizeof iv);\n  return EVP_CipherInit_ex(c, EVP_aes_128_ctr(), NULL, key, iv, 1);\n}\n"},
      {"mbedTLS CBC with an initialised IV",
       "int seal(mbedtls_aes_context *a, const unsigned char *in, unsigned char *out, size_t n) {\n"
       "  unsigned char iv[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};\n"
       "  return mbedtls_aes_crypt_cbc(a, MBEDTLS_AES_ENCRYPT, n, iv, in, out);\n}\n",
       "int seal(mbedtls_aes_context *a, mbedtls_ctr_drbg_context *d, const unsigned char *in, unsigned char *out,\n"
       "         size_t n, unsigned char iv[16]) {\n  mbedtls_ctr_drbg_random(d, iv, 16);\n"
       "  return mbedtls_aes_crypt_cbc(a, MBEDTLS_AES_ENCRYPT, n, iv, in, out);\n}\n"},
      {"mbedTLS GCM with a constant nonce",
       "static const uint8_t nonce[12] = {0xca, 0xfe, 0xba, 0xbe, 0xfa, 0xce, 0xdb, 0xad, 0xde, 0xca, 0xf8, 0x88};\n"
       "int seal(mbedtls_gcm_context *g, const uint8_t *in, uint8_t *out, size_t n, uint8_t tag[16]) {\n"
       "  return mbedtls_gcm_crypt_and_tag(g, MBEDTLS_GCM_ENCRYPT, n, nonce, sizeof nonce, NULL, 0, in, out, 16, tag);\n}\n",
       "int seal(mbedtls_gcm_context *g, mbedtls_ctr_drbg_context *d, const uint8_t *in, uint8_t *out, size_t n,\n"
       "         uint8_t tag[16]) {\n  uint8_t nonce[12];\n  mbedtls_ctr_drbg_random(d, nonce, sizeof nonce);\n"
       "  return mbedtls_gcm_crypt_and_tag(g, MBEDTLS_GCM_ENCRYPT, n, nonce, sizeof nonce, NULL, 0, in, out, 16, tag);\n}\n"},
      {"CCM nonce macro",
       "#define NONCE \"123456789012\"\n"
       "int seal(mbedtls_ccm_context *c, const uint8_t *in, uint8_t *out, size_t n, uint8_t *tag) {\n"
       "  return mbedtls_ccm_encrypt_and_tag(c, n, (const unsigned char *)NONCE, 12, NULL, 0, in, out, tag, 8);\n}\n",
       "int seal(mbedtls_ccm_context *c, const uint8_t *nonce, const uint8_t *in, uint8_t *out, size_t n, uint8_t *tag) {\n"
       "  return mbedtls_ccm_encrypt_and_tag(c, n, nonce, 12, NULL, 0, in, out, tag, 8);\n}\n"},
      {"ChaCha20-Poly1305 zero nonce",
       "int seal(mbedtls_chachapoly_context *c, const uint8_t *in, uint8_t *out, size_t n, uint8_t tag[16]) {\n"
       "  uint8_t nonce[12] = {0};\n"
       "  return mbedtls_chachapoly_encrypt_and_tag(c, n, nonce, NULL, 0, in, out, tag);\n}\n",
       "int seal(mbedtls_chachapoly_context *c, const uint8_t *in, uint8_t *out, size_t n, uint8_t tag[16]) {\n"
       "  uint8_t nonce[12] = {0};\n  psa_generate_random(nonce, sizeof nonce);\n"
       "  return mbedtls_chachapoly_encrypt_and_tag(c, n, nonce, NULL, 0, in, out, tag);\n}\n"},
      {"wolfSSL static IV never set",
       "static byte iv[AES_BLOCK_SIZE];\nint enc(Aes *aes, byte *out, const byte *in, word32 n) {\n"
       "  wc_AesSetIV(aes, iv);\n  return wc_AesCbcEncrypt(aes, out, in, n);\n}\n",
       "static byte iv[AES_BLOCK_SIZE];\nint enc(Aes *aes, WC_RNG *rng, byte *out, const byte *in, word32 n) {\n"
       "  wc_RNG_GenerateBlock(rng, iv, sizeof iv);\n  wc_AesSetIV(aes, iv);\n  return wc_AesCbcEncrypt(aes, out, in, n);\n}\n"},
      {"wolfSSL GCM constant IV",
       "static const byte gcm_iv[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};\n"
       "int enc(Aes *a, byte *o, const byte *i, word32 n, byte *tag) {\n"
       "  return wc_AesGcmEncrypt(a, o, i, n, gcm_iv, sizeof gcm_iv, tag, 16, NULL, 0);\n}\n",
       "int enc(Aes *a, WC_RNG *rng, byte *o, const byte *i, word32 n, byte *tag) {\n  byte gcm_iv[12];\n"
       "  wc_RNG_GenerateBlock(rng, gcm_iv, sizeof gcm_iv);\n"
       "  return wc_AesGcmEncrypt(a, o, i, n, gcm_iv, sizeof gcm_iv, tag, 16, NULL, 0);\n}\n"},
      {"tinycrypt CBC",
       "static const uint8_t iv[TC_AES_BLOCK_SIZE] = {0xa, 0xb, 0xc, 0xd, 0xe, 0xf, 0x1, 0x2,\n"
       "                                              0x3, 0x4, 0x5, 0x6, 0x7, 0x8, 0x9, 0x0};\n"
       "int seal(TCAesKeySched_t s, uint8_t *out, unsigned ol, const uint8_t *in, unsigned n) {\n"
       "  return tc_cbc_mode_encrypt(out, ol, in, n, iv, s);\n}\n",
       "int seal(TCAesKeySched_t s, uint8_t *out, unsigned ol, const uint8_t *in, unsigned n) {\n"
       "  uint8_t iv[TC_AES_BLOCK_SIZE];\n  sys_csrand_get(iv, sizeof iv);\n"
       "  return tc_cbc_mode_encrypt(out, ol, in, n, iv, s);\n}\n"},
      {"libgcrypt literal IV",
       "int go(gcry_cipher_hd_t h) { return gcry_cipher_setiv(h, \"abcdefghijklmnop\", 16); }\n",
       "int go(gcry_cipher_hd_t h) {\n  unsigned char iv[16];\n  gcry_create_nonce(iv, sizeof iv);\n"
       "  return gcry_cipher_setiv(h, iv, 16);\n}\n"},
      {"CNG constant IV",
       "static UCHAR g_iv[16] = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6};\n"
       "NTSTATUS enc(BCRYPT_KEY_HANDLE k, PUCHAR in, ULONG n, PUCHAR out, ULONG on, ULONG *res) {\n"
       "  return BCryptEncrypt(k, in, n, NULL, g_iv, sizeof g_iv, out, on, res, BCRYPT_BLOCK_PADDING);\n}\n",
       "NTSTATUS enc(BCRYPT_KEY_HANDLE k, PUCHAR in, ULONG n, PUCHAR out, ULONG on, ULONG *res) {\n  UCHAR iv[16];\n"
       "  BCryptGenRandom(NULL, iv, sizeof iv, BCRYPT_USE_SYSTEM_PREFERRED_RNG);\n"
       "  return BCryptEncrypt(k, in, n, NULL, iv, sizeof iv, out, on, res, BCRYPT_BLOCK_PADDING);\n}\n"},
      {"NULL IV with CBC",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, NULL);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key, const unsigned char *iv) {\n"
       "  if (!EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), NULL, NULL, NULL)) return 0;\n"
       "  return EVP_EncryptInit_ex(c, NULL, NULL, key, iv);\n}\n"},
      {"global IV filled once and reused",
       "static uint8_t g_iv[16];\nvoid crypto_init(void) { RAND_bytes(g_iv, sizeof g_iv); }\n"
       "int encrypt_msg(EVP_CIPHER_CTX *c, const uint8_t *key) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, g_iv);\n}\n",
       "static uint8_t g_iv[16];\nvoid crypto_init(void) { RAND_bytes(g_iv, sizeof g_iv); }\n"
       "int encrypt_msg(EVP_CIPHER_CTX *c, const uint8_t *key) {\n  RAND_bytes(g_iv, sizeof g_iv);\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, g_iv);\n}\n"},
      {"PSA AEAD constant nonce",
       "static const uint8_t NONCE[12] = {1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3};\n"
       "psa_status_t seal(psa_key_id_t k, const uint8_t *in, size_t n, uint8_t *out, size_t on, size_t *ol) {\n"
       "  return psa_aead_encrypt(k, PSA_ALG_GCM, NONCE, sizeof NONCE, NULL, 0, in, n, out, on, ol);\n}\n",
       "psa_status_t seal(psa_key_id_t k, const uint8_t *in, size_t n, uint8_t *out, size_t on, size_t *ol) {\n"
       "  uint8_t nonce[12];\n  psa_generate_random(nonce, sizeof nonce);\n"
       "  return psa_aead_encrypt(k, PSA_ALG_GCM, nonce, sizeof nonce, NULL, 0, in, n, out, on, ol);\n}\n"},
      {"C++ std::array IV",
       "#include <array>\nbool enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  std::array<unsigned char, 16> iv{};\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), nullptr, key, iv.data()) == 1;\n}\n",
       "#include <array>\nbool enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  std::array<unsigned char, 16> iv{};\n"
       "  RAND_bytes(iv.data(), static_cast<int>(iv.size()));\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), nullptr, key, iv.data()) == 1;\n}\n",
       "src/seal.cpp"},
      {"legacy AES_cbc_encrypt",
       "void seal(const unsigned char *in, unsigned char *out, size_t n, const AES_KEY *k) {\n"
       "  unsigned char ivec[AES_BLOCK_SIZE] = {0};\n  AES_cbc_encrypt(in, out, n, k, ivec, AES_ENCRYPT);\n}\n",
       "void seal(const unsigned char *in, unsigned char *out, size_t n, const AES_KEY *k) {\n"
       "  unsigned char ivec[AES_BLOCK_SIZE];\n  RAND_bytes(ivec, sizeof ivec);\n"
       "  AES_cbc_encrypt(in, out, n, k, ivec, AES_ENCRYPT);\n}\n"},
      // IVs and nonces that reach the cipher call from another function or through an object: the
      // fixed twin fills the same storage from a random source on the way.
      {"GCM nonce zeroed by the caller of a helper",
       "static int seal_with(mbedtls_gcm_context *g, const uint8_t *nonce, const uint8_t *in, uint8_t *out, size_t n,\n"
       "                     uint8_t *tag) {\n"
       "  return mbedtls_gcm_crypt_and_tag(g, MBEDTLS_GCM_ENCRYPT, n, nonce, 12, NULL, 0, in, out, 16, tag);\n}\n"
       "int seal(mbedtls_gcm_context *g, const uint8_t *in, uint8_t *out, size_t n, uint8_t *tag) {\n"
       "  uint8_t counter_block[12];\n  memset(counter_block, 0, sizeof counter_block);\n"
       "  return seal_with(g, counter_block, in, out, n, tag);\n}\n",
       "static int seal_with(mbedtls_gcm_context *g, const uint8_t *nonce, const uint8_t *in, uint8_t *out, size_t n,\n"
       "                     uint8_t *tag) {\n"
       "  return mbedtls_gcm_crypt_and_tag(g, MBEDTLS_GCM_ENCRYPT, n, nonce, 12, NULL, 0, in, out, 16, tag);\n}\n"
       "int seal(mbedtls_gcm_context *g, const uint8_t *in, uint8_t *out, size_t n, uint8_t *tag) {\n"
       "  uint8_t counter_block[12];\n  memset(counter_block, 0, sizeof counter_block);\n"
       "  psa_generate_random(counter_block, sizeof counter_block);\n"
       "  return seal_with(g, counter_block, in, out, n, tag);\n}\n"},
      {"IV kept in a session structure's field",
       "struct cipher_session {\n  unsigned char *chain;\n};\n"
       "int start(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char block[16] = {0};\n"
       "  struct cipher_session s;\n  s.chain = block;\n"
       "  return EVP_CipherInit_ex(c, EVP_aes_128_ctr(), NULL, key, s.chain, 1);\n}\n",
       "struct cipher_session {\n  unsigned char *chain;\n};\n"
       "int start(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char block[16] = {0};\n"
       "  struct cipher_session s;\n  RAND_bytes(block, sizeof block);\n  s.chain = block;\n"
       "  return EVP_CipherInit_ex(c, EVP_aes_128_ctr(), NULL, key, s.chain, 1);\n}\n"},
      {"IV a file-scope pointer set by another function",
       "static const unsigned char *g_vector;\n"
       "static int begin(EVP_CIPHER_CTX *c, const unsigned char *key) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, g_vector);\n}\n"
       "int run(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char start[16] = {0};\n"
       "  g_vector = start;\n  return begin(c, key);\n}\n",
       "static const unsigned char *g_vector;\n"
       "static int begin(EVP_CIPHER_CTX *c, const unsigned char *key) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, key, g_vector);\n}\n"
       "int run(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char start[16] = {0};\n"
       "  if (RAND_bytes(start, sizeof start) != 1) return 0;\n  g_vector = start;\n  return begin(c, key);\n}\n"},
      {"C++ member given by the constructor, used by a method",
       "class Sealer {\npublic:\n  explicit Sealer(const unsigned char *nonce) : nonce_(nonce) {}\n"
       "  int begin(EVP_CIPHER_CTX *c, const unsigned char *key) const {\n"
       "    return EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), nullptr, key, nonce_);\n  }\n\nprivate:\n"
       "  const unsigned char *nonce_;\n};\n"
       "int run(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char nonce[12] = {};\n"
       "  Sealer sealer(nonce);\n  return sealer.begin(c, key);\n}\n",
       "class Sealer {\npublic:\n  explicit Sealer(const unsigned char *nonce) : nonce_(nonce) {}\n"
       "  int begin(EVP_CIPHER_CTX *c, const unsigned char *key) const {\n"
       "    return EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), nullptr, key, nonce_);\n  }\n\nprivate:\n"
       "  const unsigned char *nonce_;\n};\n"
       "int run(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char nonce[12] = {};\n"
       "  RAND_bytes(nonce, sizeof nonce);\n  Sealer sealer(nonce);\n  return sealer.begin(c, key);\n}\n",
       "src/sealer.cpp"},
      {"ChaCha20-Poly1305 nonce given to a virtual method through a base pointer",
       radio_channel + "int send(mbedtls_chachapoly_context *c, const uint8_t *in, uint8_t *out, size_t n, uint8_t *tag) {\n"
                       "  uint8_t nonce[12] = {0};\n  Channel *channel = new RadioChannel;\n"
                       "  int rc = channel->seal(c, nonce, in, out, n, tag);\n  delete channel;\n  return rc;\n}\n",
       radio_channel + "int send(mbedtls_chachapoly_context *c, const uint8_t *in, uint8_t *out, size_t n, uint8_t *tag) {\n"
                       "  uint8_t nonce[12] = {0};\n  psa_generate_random(nonce, sizeof nonce);\n"
                       "  Channel *channel = new RadioChannel;\n"
                       "  int rc = channel->seal(c, nonce, in, out, n, tag);\n  delete channel;\n  return rc;\n}\n",
       "src/radio.cpp"},
      {"IV given to a function template with its argument",
       "template <typename Byte>\nstatic int begin(EVP_CIPHER_CTX *c, const Byte *key, const Byte *chain) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), nullptr, key, chain);\n}\n"
       "int run(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char chain[16];\n"
       "  memset(chain, 0, sizeof chain);\n  return begin<unsigned char>(c, key, chain);\n}\n",
       "template <typename Byte>\nstatic int begin(EVP_CIPHER_CTX *c, const Byte *key, const Byte *chain) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), nullptr, key, chain);\n}\n"
       "int run(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char chain[16];\n"
       "  RAND_bytes(chain, sizeof chain);\n  return begin<unsigned char>(c, key, chain);\n}\n",
       "src/begin.cpp"},
      {"a copy made after the random fill (a pointer to the IV)",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char fresh[16] = {0};\n"
       "  unsigned char *vec = fresh;\n  unsigned char **slot = &vec;\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, *slot);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char fresh[16] = {0};\n"
       "  unsigned char *vec = fresh;\n  RAND_bytes(vec, 16);\n  unsigned char *copy = vec;\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, copy);\n}\n"},
      {"a range-for over the IV: a const reference reads it, a reference fills it",
       "#include <random>\nint enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char iv[16] = {0};\n"
       "  unsigned sum = 0;\n  for (const auto &b : iv) sum += b;\n"
       "  return sum == 0 && EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), nullptr, key, iv);\n}\n",
       "#include <random>\nint enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char iv[16] = {0};\n"
       "  std::random_device rd;\n  for (auto &b : iv) b = static_cast<unsigned char>(rd());\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), nullptr, key, iv);\n}\n",
       "src/enc.cpp"},
  };
  return pairs;
}

TEST(IvReuse, PairedCases) { expect_pairs("RNG-3", rng3_pairs()); }

std::vector<Finding> rng3(std::string_view code) { return only(inspect_snippet(code, "src/t.c"), "RNG-3"); }

TEST(IvReuse, RulesDistinguishConstantZeroAndStatic) {
  auto f = rng3("int e(EVP_CIPHER_CTX *c, const unsigned char *k) {\n  unsigned char iv[16] = {0};\n"
                "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, k, iv);\n}\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "RNG-3/zero-iv");
  EXPECT_EQ(f[0].line, 3u);
  f = rng3("static uint8_t g_iv[16];\nvoid init(void) { RAND_bytes(g_iv, 16); }\n"
           "int e(EVP_CIPHER_CTX *c, const unsigned char *k) { return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, k, g_iv); }\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "RNG-3/static-iv");
  EXPECT_NE(f[0].message.find("init()"), std::string::npos);
}

// A helper's IV parameter is what its callers pass: silent when one passes the message's IV, or
// when the file has no caller to say.
TEST(IvReuse, HelperIvsFromTheMessageOrUnknownCallersAreNotFindings) {
  EXPECT_TRUE(rng3("static int start(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) {\n"
                   "  return EVP_DecryptInit_ex(c, EVP_aes_128_cbc(), NULL, k, iv);\n}\n"
                   "int open_msg(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *msg) {\n"
                   "  unsigned char iv[16] = {0};\n  memcpy(iv, msg, 16);\n  return start(c, k, iv);\n}\n"
                   "int open_zero(EVP_CIPHER_CTX *c, const unsigned char *k) {\n"
                   "  unsigned char iv[16];\n  RAND_bytes(iv, 16);\n  return start(c, k, iv);\n}\n")
                  .empty());
  EXPECT_TRUE(rng3("int start(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *iv) {\n"
                   "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, k, iv);\n}\n")
                  .empty());
}

TEST(IvReuse, IvsFromTheMessageOrACounterAreNotFindings) {
  EXPECT_TRUE(rng3("int open_msg(EVP_CIPHER_CTX *c, const unsigned char *k, const unsigned char *msg) {\n"
                   "  unsigned char iv[16];\n  memcpy(iv, msg, 16);\n"
                   "  return EVP_DecryptInit_ex(c, EVP_aes_128_cbc(), NULL, k, iv);\n}\n")
                  .empty());
  EXPECT_TRUE(rng3("static uint8_t nonce[12];\nstatic uint64_t counter;\n"
                   "int seal(mbedtls_gcm_context *g, const uint8_t *in, uint8_t *out, size_t n, uint8_t *tag) {\n"
                   "  counter++;\n  memcpy(nonce + 4, &counter, 8);\n"
                   "  return mbedtls_gcm_crypt_and_tag(g, MBEDTLS_GCM_ENCRYPT, n, nonce, 12, NULL, 0, in, out, 16, tag);\n}\n")
                  .empty());
}

}  // namespace
}  // namespace mdbc::test
