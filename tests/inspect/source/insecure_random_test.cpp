#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::test {
namespace {

const std::vector<RulePair>& rng1_pairs() {
  static const std::vector<RulePair> pairs = {
      {"rand() into a key array",
       "void make_key(uint8_t key[16]) {\n  for (int i = 0; i < 16; i++) key[i] = rand() & 0xff;\n}\n",
       "void make_key(uint8_t key[16]) {\n  RAND_bytes(key, 16);\n}\n"},
      {"random() as a nonce", "uint32_t next(void) {\n  uint32_t nonce = random();\n  return send_msg(nonce);\n}\n",
       "uint32_t next(void) {\n  uint32_t nonce;\n  getrandom(&nonce, sizeof nonce, 0);\n  return send_msg(nonce);\n}\n"},
      {"through a variable into an IV",
       "void setup(unsigned char iv[16]) {\n  int r = rand();\n  memcpy(iv, &r, sizeof r);\n}\n",
       "void setup(unsigned char iv[16]) {\n  RAND_bytes(iv, 16);\n}\n"},
      {"session id", "void start(struct session *s) { s->session_id = (uint32_t)random(); }\n",
       "void start(struct session *s) { s->session_id = arc4random(); }\n"},
      {"buffer later given to a cipher",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char buf[16];\n"
       "  for (int i = 0; i < 16; ++i)\n    buf[i] = (unsigned char)rand();\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, buf);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key) {\n  unsigned char buf[16];\n"
       "  RAND_bytes(buf, sizeof buf);\n  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, key, buf);\n}\n"},
      {"returned by a token maker",
       "uint32_t make_token(void) { return ((uint32_t)rand() << 16) | (uint32_t)rand(); }\n",
       "uint32_t make_token(void) {\n  uint32_t t;\n  RAND_bytes((unsigned char *)&t, sizeof t);\n  return t;\n}\n"},
      {"lrand48 challenge", "void auth(struct peer *p) { p->challenge = lrand48(); send_challenge(p); }\n",
       "void auth(struct peer *p) {\n  getentropy(&p->challenge, sizeof p->challenge);\n  send_challenge(p);\n}\n"},
      {"drand48 salt", "void salt_it(double *salt) { *salt = drand48(); }\n",
       "void salt_it(unsigned char *salt) { getrandom(salt, 16, 0); }\n"},
      {"C++ Mersenne Twister key",
       "#include <random>\nvoid make_key(std::vector<uint8_t> &key) {\n  std::mt19937 gen(std::random_device{}());\n"
       "  std::uniform_int_distribution<int> dist(0, 255);\n  for (auto &b : key) b = dist(gen);\n"
       "  set_session_key(key.data());\n}\n",
       "void make_key(std::vector<uint8_t> &key) {\n  RAND_bytes(key.data(), static_cast<int>(key.size()));\n"
       "  set_session_key(key.data());\n}\n",
       "src/keys.cpp"},
      {"C++ default engine token",
       "std::string token() {\n  std::default_random_engine eng;\n  std::string t;\n"
       "  for (int i = 0; i < 32; ++i) t.push_back(\"0123456789abcdef\"[eng() % 16]);\n  return t;\n}\n",
       "std::string token() {\n  unsigned char raw[16];\n  RAND_bytes(raw, sizeof raw);\n  return to_hex(raw, sizeof raw);\n}\n",
       "src/token.cpp"},
      {"rand_r OTP", "unsigned otp(unsigned *state) { unsigned otp_code = rand_r(state) % 1000000; return otp_code; }\n",
       "unsigned otp(void) {\n  unsigned v;\n  getrandom(&v, sizeof v, 0);\n  return v % 1000000;\n}\n"},
      {"std::rand password",
       "std::string make_password() {\n  std::string password;\n"
       "  for (int i = 0; i < 12; ++i) password += static_cast<char>('a' + std::rand() % 26);\n  return password;\n}\n",
       "std::string make_password() {\n  unsigned char raw[12];\n  RAND_bytes(raw, sizeof raw);\n"
       "  return encode_password(raw, sizeof raw);\n}\n",
       "src/account.cpp"},
      {"mbedTLS key from rand",
       "int k(mbedtls_aes_context *a) {\n  unsigned char k[16];\n  for (int i = 0; i < 16; i++) k[i] = rand();\n"
       "  return mbedtls_aes_setkey_enc(a, k, 128);\n}\n",
       "int k(mbedtls_aes_context *a, mbedtls_ctr_drbg_context *d) {\n  unsigned char k[16];\n"
       "  mbedtls_ctr_drbg_random(d, k, sizeof k);\n  return mbedtls_aes_setkey_enc(a, k, 128);\n}\n"},
      {"CTR nonce counter",
       "void go(mbedtls_aes_context *a, unsigned char *in, unsigned char *out, size_t n) {\n"
       "  unsigned char nonce_counter[16], stream[16];\n  size_t off = 0;\n"
       "  for (int i = 0; i < 16; i++) nonce_counter[i] = random();\n"
       "  mbedtls_aes_crypt_ctr(a, n, &off, nonce_counter, stream, in, out);\n}\n",
       "void go(mbedtls_aes_context *a, unsigned char *in, unsigned char *out, size_t n) {\n"
       "  unsigned char nonce_counter[16], stream[16];\n  size_t off = 0;\n"
       "  psa_generate_random(nonce_counter, sizeof nonce_counter);\n"
       "  mbedtls_aes_crypt_ctr(a, n, &off, nonce_counter, stream, in, out);\n}\n"},
      {"wolfSSL IV",
       "int iv_set(Aes *aes) {\n  byte v[16];\n  for (int i = 0; i < 16; i++) v[i] = (byte)rand();\n"
       "  return wc_AesSetIV(aes, v);\n}\n",
       "int iv_set(Aes *aes, WC_RNG *rng) {\n  byte v[16];\n  wc_RNG_GenerateBlock(rng, v, sizeof v);\n"
       "  return wc_AesSetIV(aes, v);\n}\n"},
      {"CNG secret",
       "NTSTATUS k(BCRYPT_ALG_HANDLE h, BCRYPT_KEY_HANDLE *key) {\n  UCHAR material[16];\n"
       "  for (int i = 0; i < 16; i++) material[i] = (UCHAR)rand();\n"
       "  return BCryptGenerateSymmetricKey(h, key, NULL, 0, material, sizeof material, 0);\n}\n",
       "NTSTATUS k(BCRYPT_ALG_HANDLE h, BCRYPT_KEY_HANDLE *key) {\n  UCHAR material[16];\n"
       "  BCryptGenRandom(NULL, material, sizeof material, BCRYPT_USE_SYSTEM_PREFERRED_RNG);\n"
       "  return BCryptGenerateSymmetricKey(h, key, NULL, 0, material, sizeof material, 0);\n}\n"},
      {"snprintf of rand into a token",
       "void mk(char *tok, size_t n) {\n  char token[16];\n  snprintf(token, sizeof token, \"%08x\", rand());\n"
       "  strncpy(tok, token, n);\n}\n",
       "void mk(char *tok, size_t n) {\n  unsigned char raw[8];\n  RAND_bytes(raw, sizeof raw);\n"
       "  hex_encode(raw, sizeof raw, tok, n);\n}\n"},
  };
  return pairs;
}

TEST(InsecureRandom, PairedCases) { expect_pairs("RNG-1", rng1_pairs()); }

std::vector<Finding> rng1(std::string_view code, std::string path = "src/t.c") {
  return only(inspect_snippet(code, std::move(path)), "RNG-1");
}

TEST(InsecureRandom, SecretUseIsAnErrorOtherUseAWarning) {
  const auto secret = rng1("void k(uint8_t *aes_key) { aes_key[0] = (uint8_t)rand(); }\n");
  ASSERT_EQ(secret.size(), 1u);
  EXPECT_EQ(secret[0].rule, "RNG-1/weak-random-secret");
  EXPECT_EQ(secret[0].severity, Severity::error);
  EXPECT_NE(secret[0].message.find("aes_key"), std::string::npos);
  const auto jitter = rng1("void backoff(void) {\n  int delay_ms = 100 + rand() % 50;\n  usleep(delay_ms * 1000);\n}\n");
  ASSERT_EQ(jitter.size(), 1u);
  EXPECT_EQ(jitter[0].rule, "RNG-1/weak-random");
  EXPECT_EQ(jitter[0].severity, Severity::warning);
}

TEST(InsecureRandom, ArcRandomMembersAndOwnFunctionsAreNotFlagged) {
  EXPECT_TRUE(rng1("uint32_t n(void) { return arc4random(); }\n").empty());
  EXPECT_TRUE(rng1("int f(struct gen *g) { return g->rand() + g->random(); }\n").empty());
  EXPECT_TRUE(rng1("static int random(void) { return hw_trng_read(); }\nint g(void) { return random(); }\n").empty());
  EXPECT_TRUE(rng1("int rand(void);\n", "include/stdlib_decl.h").empty());
}

TEST(InsecureRandom, ZephyrTestGenerator) {
  const auto f = only(inspect_snippet("CONFIG_BT=y\nCONFIG_TEST_RANDOM_GENERATOR=y\n", "app/prj.conf"), "RNG-1");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "RNG-1/test-random-generator");
  EXPECT_EQ(f[0].line, 2u);
  EXPECT_TRUE(only(inspect_snippet("CONFIG_ENTROPY_GENERATOR=y\n# CONFIG_TEST_RANDOM_GENERATOR is not set\n",
                                   "app/prj.conf"),
                   "RNG-1")
                  .empty());
}


// A generator's value crossing the functions of one file: returned by a helper, passed to a
// function that makes it a key, written by a fill(buf) helper into the caller's buffer. The bad
// twin's use is a secret (an error); the good twin's use of the same helper is not (a warning at
// most), so the pairs are judged on the secret rule.
const std::vector<RulePair>& rng1_cross_function_pairs() {
  static const std::vector<RulePair> pairs = {
      {"helper's return value as key bytes",
       "static int next_byte(void) { return rand() & 0xff; }\n"
       "void make_session(uint8_t key[16]) { for (int i = 0; i < 16; ++i) key[i] = (uint8_t)next_byte(); }\n",
       "static int next_byte(void) { return rand() & 0xff; }\n"
       "void shuffle_leds(uint8_t order[16]) { for (int i = 0; i < 16; ++i) order[i] = (uint8_t)next_byte(); }\n"},
      {"helper's variable returned, then through a local into an IV",
       "static unsigned helper(void) { unsigned v = rand(); return v; }\n"
       "int start(EVP_CIPHER_CTX *c, const unsigned char *k) {\n  unsigned char b[16];\n"
       "  for (int i = 0; i < 16; ++i) { unsigned r = helper(); b[i] = (unsigned char)r; }\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_cbc(), NULL, k, b);\n}\n",
       "static unsigned helper(void) { unsigned v = rand(); return v; }\n"
       "int start(EVP_CIPHER_CTX *c, const unsigned char *k, unsigned char *b) {\n"
       "  for (int i = 0; i < 16; ++i) { unsigned r = helper(); b[i] = (unsigned char)r; }\n"
       "  return 0;\n}\n"},
      {"argument made into a key by the callee",
       "static int init_cipher(EVP_CIPHER_CTX *c, int material) {\n  unsigned char secret[16];\n"
       "  memset(secret, material, sizeof secret);\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), NULL, secret, NULL);\n}\n"
       "int start(EVP_CIPHER_CTX *c) { return init_cipher(c, rand()); }\n",
       "static int init_display(struct display *d, int material) {\n  unsigned char pattern[16];\n"
       "  memset(pattern, material, sizeof pattern);\n  return draw(d, pattern);\n}\n"
       "int start(struct display *d) { return init_display(d, rand()); }\n"},
      {"argument stored as a nonce by the callee",
       "struct session { uint32_t nonce; };\n"
       "static void start_session(struct session *s, uint32_t value) { s->nonce = value; }\n"
       "void open_session(struct session *s) { start_session(s, (uint32_t)rand()); }\n",
       "struct session { uint32_t retries; };\n"
       "static void start_session(struct session *s, uint32_t value) { s->retries = value; }\n"
       "void open_session(struct session *s) { start_session(s, (uint32_t)rand() % 4); }\n"},
      {"fill(buf) helper, the buffer then a key and IV",
       "static void fill(unsigned char *buf, size_t n) { for (size_t i = 0; i < n; ++i) buf[i] = (unsigned char)rand(); }\n"
       "int start(EVP_CIPHER_CTX *c) {\n  unsigned char material[32];\n  fill(material, sizeof material);\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_256_cbc(), NULL, material, material + 16);\n}\n",
       "static void fill(unsigned char *buf, size_t n) { for (size_t i = 0; i < n; ++i) buf[i] = (unsigned char)rand(); }\n"
       "int self_test(unsigned char *scratch) {\n  unsigned char pattern[64];\n  fill(pattern, sizeof pattern);\n"
       "  memcpy(scratch, pattern, sizeof pattern);\n  return memcmp(scratch, pattern, 64);\n}\n"},
      {"fill helper writing through a pointer into the caller's key",
       "static void fill(uint8_t *out, size_t n) { while (n--) *out++ = (uint8_t)random(); }\n"
       "void new_device_key(uint8_t device_key[32]) { fill(device_key, 32); }\n",
       "static void fill(uint8_t *out, size_t n) { while (n--) *out++ = (uint8_t)random(); }\n"
       "void new_test_frame(uint8_t frame[32]) { fill(frame, 32); }\n"},
      {"filled buffer copied into a key, not only measured",
       "static void fill(uint32_t *v, size_t n) { for (size_t i = 0; i < n; ++i) v[i] = (uint32_t)rand(); }\n"
       "uint8_t *key_buffer;\n"
       "void setup(void) {\n  uint32_t vals[4];\n  fill(vals, 4);\n  key_buffer = malloc(sizeof vals);\n"
       "  memcpy(key_buffer, vals, sizeof vals);\n}\n",
       "static void fill(uint32_t *v, size_t n) { for (size_t i = 0; i < n; ++i) v[i] = (uint32_t)rand(); }\n"
       "uint8_t *key_buffer;\n"
       "void setup(void) {\n  uint32_t vals[4];\n  fill(vals, 4);\n  key_buffer = malloc(sizeof(vals[0]) * 4);\n"
       "  draw_noise(vals, 4);\n}\n"},
  };
  return pairs;
}

// C++ ways of filling a buffer from a generator: a range-for's reference to each element,
// std::generate and std::generate_n given the generator, a lambda returning its values. The bad
// twin fills a key, nonce or IV; the good twin the same way fills a display pattern or a delay
// table (a warning at most), so the pairs are judged on the secret rule.
const std::vector<RulePair>& rng1_cpp_fill_pairs() {
  static const std::vector<RulePair> pairs = {
      {"range-for reference into a key",
       "#include <cstdlib>\nunsigned char session_key[16];\nvoid rekey() { for (auto &b : session_key) b = std::rand() & 0xff; }\n",
       "#include <cstdlib>\nunsigned char led_pattern[16];\nvoid blink() { for (auto &b : led_pattern) b = std::rand() & 0xff; }\n",
       "src/rekey.cpp"},
      {"range-for reference, engine and distribution, into an IV",
       "#include <random>\nvoid make(std::array<unsigned char, 16> &out) {\n  std::mt19937 gen(std::random_device{}());\n"
       "  std::uniform_int_distribution<int> d(0, 255);\n  std::array<unsigned char, 16> iv;\n"
       "  for (auto &b : iv) b = static_cast<unsigned char>(d(gen));\n  out = iv;\n}\n",
       "#include <random>\nvoid make(std::array<unsigned char, 16> &out) {\n  std::mt19937 gen(std::random_device{}());\n"
       "  std::uniform_int_distribution<int> d(0, 255);\n  std::array<unsigned char, 16> noise;\n"
       "  for (auto &b : noise) b = static_cast<unsigned char>(d(gen));\n  out = noise;\n}\n",
       "src/make.cpp"},
      {"range-for reference into a buffer then used as a cipher key",
       "#include <cstdlib>\nint start(EVP_CIPHER_CTX *c) {\n  unsigned char material[32];\n"
       "  for (auto &b : material) b = static_cast<unsigned char>(std::rand());\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_256_gcm(), nullptr, material, nullptr);\n}\n",
       "#include <cstdlib>\nint start(struct canvas *c) {\n  unsigned char material[32];\n"
       "  for (auto &b : material) b = static_cast<unsigned char>(std::rand());\n  return draw(c, material);\n}\n",
       "src/start.cpp"},
      {"std::generate given std::rand",
       "#include <algorithm>\n#include <cstdlib>\n#include <iterator>\nunsigned char nonce[12];\n"
       "void fresh() { std::generate(std::begin(nonce), std::end(nonce), std::rand); }\n",
       "#include <algorithm>\n#include <cstdlib>\n#include <iterator>\nint delays_ms[12];\n"
       "void fresh() { std::generate(std::begin(delays_ms), std::end(delays_ms), std::rand); }\n",
       "src/fresh.cpp"},
      {"std::generate_n given an engine by std::ref",
       "#include <algorithm>\n#include <functional>\n#include <random>\n#include <vector>\n"
       "std::vector<unsigned> make_salt() {\n  std::mt19937 g(std::random_device{}());\n  std::vector<unsigned> salt(8);\n"
       "  std::generate_n(salt.begin(), 8, std::ref(g));\n  return salt;\n}\n",
       "#include <algorithm>\n#include <functional>\n#include <random>\n#include <vector>\n"
       "std::vector<unsigned> make_jitter() {\n  std::mt19937 g(std::random_device{}());\n  std::vector<unsigned> jitter(8);\n"
       "  std::generate_n(jitter.begin(), 8, std::ref(g));\n  return jitter;\n}\n",
       "src/salt.cpp"},
      {"std::generate given a lambda returning the engine's values",
       "#include <algorithm>\n#include <random>\n#include <vector>\nvoid fill_token(std::vector<unsigned char> &out) {\n"
       "  std::mt19937 g(std::random_device{}());\n  std::vector<unsigned char> token(32);\n"
       "  std::generate(token.begin(), token.end(), [&] { return static_cast<unsigned char>(g()); });\n  out = token;\n}\n",
       "#include <algorithm>\n#include <random>\n#include <vector>\nvoid fill_frame(std::vector<unsigned char> &out) {\n"
       "  std::mt19937 g(std::random_device{}());\n  std::vector<unsigned char> frame(32);\n"
       "  std::generate(frame.begin(), frame.end(), [&] { return static_cast<unsigned char>(g()); });\n  out = frame;\n}\n",
       "src/token.cpp"},
  };
  return pairs;
}

TEST(InsecureRandom, CppFillPairs) { expect_pairs("RNG-1/weak-random-secret", rng1_cpp_fill_pairs()); }

TEST(InsecureRandom, CrossFunctionPairs) { expect_pairs("RNG-1/weak-random-secret", rng1_cross_function_pairs()); }

TEST(InsecureRandom, CrossFunctionMessageSaysTheWay) {
  const auto found = rng1("static int next_byte(void) { return rand() & 0xff; }\n"
                          "void make_session(uint8_t key[16]) { for (int i = 0; i < 16; ++i) key[i] = (uint8_t)next_byte(); }\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "RNG-1/weak-random-secret");
  EXPECT_NE(found[0].message.find("is returned by next_byte(), whose result is assigned to key"), std::string::npos)
      << found[0].message;
}

// Helpers calling each other in a ring, each returning the next's value: followed to a bound.
TEST(InsecureRandom, RingOfHelpersIsBounded) {
  std::string code = "static int h0(void) { return rand(); }\n";
  for (int i = 1; i < 300; ++i)
    code += "static int h" + std::to_string(i) + "(void) { return h" + std::to_string(i - 1) + "() + h" +
            std::to_string((i * 7) % i) + "(); }\n";
  code += "void use(void) { int x = h299(); (void)x; }\n";
  const auto found = rng1(code);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "RNG-1/weak-random");
}

}  // namespace
}  // namespace mdbc::test
