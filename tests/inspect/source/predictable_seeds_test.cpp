#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::test {
namespace {

const std::vector<RulePair>& rng2_pairs() {
  static const std::vector<RulePair> pairs = {
      {"srand(time(NULL))", "void init(void) { srand(time(NULL)); }\n",
       "void init(void) {\n  unsigned seed;\n  getrandom(&seed, sizeof seed, 0);\n  srand(seed);\n}\n"},
      {"srand with a constant", "void init(void) { srand(42); }\n",
       "void init(void) { srand(read_trng_word()); }\n"},
      {"srand with the process id", "void init(void) { srand((unsigned)getpid()); }\n",
       "void init(void) { srand(hw_entropy32()); }\n"},
      {"srandom with time and pid", "void init(void) {\n  srandom((unsigned)time(0) ^ (unsigned)getpid());\n}\n",
       "void init(unsigned hw) {\n  srandom(hw);\n}\n"},
      {"seed macro", "#define SEED 1234u\nvoid init(void) { srand(SEED); }\n",
       "#define SEED_SOURCE hw_entropy32\nvoid init(void) { srand(SEED_SOURCE()); }\n"},
      {"gettimeofday microseconds",
       "void init(void) {\n  struct timeval tv;\n  gettimeofday(&tv, NULL);\n  srand(tv.tv_usec);\n}\n",
       "void init(void) {\n  unsigned s;\n  if (getentropy(&s, sizeof s) == 0) srand(s);\n}\n"},
      {"constant seed kept while another variable's address is cast",
       "void init(HCRYPTPROV prov) {\n  unsigned int seed = 7, other = 0;\n"
       "  CryptGenRandom(prov, sizeof(other), (BYTE *)&other);\n  srand(seed);\n}\n",
       "void init(HCRYPTPROV prov) {\n  unsigned int seed = 0;\n"
       "  CryptGenRandom(prov, sizeof(seed), (BYTE *)&seed);\n  srand(seed);\n}\n"},
      {"seed through a variable", "void init(void) {\n  unsigned seed = (unsigned)clock();\n  srand48(seed);\n}\n",
       "void init(long seed) {\n  srand48(seed);\n}\n"},
      {"seed48 with a constant array", "void init(void) {\n  unsigned short s[3] = {1, 2, 3};\n  seed48(s);\n}\n",
       "void init(void) {\n  unsigned short s[3];\n  getrandom(s, sizeof s, 0);\n  seed48(s);\n}\n"},
      {"tick counter on a microcontroller", "void app_init(void) { srand(HAL_GetTick()); }\n",
       "void app_init(RNG_HandleTypeDef *h) {\n  uint32_t v;\n  HAL_RNG_GenerateRandomNumber(h, &v);\n  srand(v);\n}\n"},
      {"engine from time", "#include <random>\nstd::mt19937 make() { return std::mt19937(time(nullptr)); }\n",
       "#include <random>\nstd::mt19937 make() {\n  std::random_device rd;\n  return std::mt19937(rd());\n}\n",
       "src/rng.cpp"},
      {"engine with a constant", "void f() {\n  std::default_random_engine e(1234);\n  use(e);\n}\n",
       "void f() {\n  std::random_device rd;\n  std::default_random_engine e(rd());\n  use(e);\n}\n", "src/sim.cpp"},
      {"seed() with a constant", "void f(std::mt19937 &gen) {\n  gen.seed(42);\n}\n",
       "void f(std::mt19937 &gen) {\n  std::random_device rd;\n  gen.seed(rd());\n}\n", "src/g.cpp"},
      {"default-constructed engine", "int roll() {\n  static std::mt19937 engine;\n  return engine() % 6;\n}\n",
       "int roll() {\n  static std::mt19937 engine{std::random_device{}()};\n  return engine() % 6;\n}\n", "src/dice.cpp"},
      {"engine from the clock",
       "auto make() {\n  return std::mt19937_64(std::chrono::system_clock::now().time_since_epoch().count());\n}\n",
       "auto make() {\n  std::random_device rd;\n  return std::mt19937_64(rd());\n}\n", "src/clock.cpp"},
      {"DRBG without an entropy callback",
       "int seed(mbedtls_ctr_drbg_context *ctr) {\n"
       "  return mbedtls_ctr_drbg_seed(ctr, NULL, NULL, (const unsigned char *)\"pump\", 4);\n}\n",
       "int seed(mbedtls_ctr_drbg_context *ctr, mbedtls_entropy_context *ent) {\n"
       "  return mbedtls_ctr_drbg_seed(ctr, mbedtls_entropy_func, ent, (const unsigned char *)\"pump\", 4);\n}\n"},
      {"DRBG with an entropy context never initialised",
       "int seed(mbedtls_ctr_drbg_context *ctr) {\n  mbedtls_entropy_context entropy;\n"
       "  return mbedtls_ctr_drbg_seed(ctr, mbedtls_entropy_func, &entropy, NULL, 0);\n}\n",
       "int seed(mbedtls_ctr_drbg_context *ctr) {\n  mbedtls_entropy_context entropy;\n  mbedtls_entropy_init(&entropy);\n"
       "  return mbedtls_ctr_drbg_seed(ctr, mbedtls_entropy_func, &entropy, NULL, 0);\n}\n"},
      {"DRBG with a time-based entropy callback",
       "static int weak_entropy(void *p, unsigned char *out, size_t len) {\n  (void)p;\n  time_t t = time(NULL);\n"
       "  memcpy(out, &t, len < sizeof t ? len : sizeof t);\n  return 0;\n}\n"
       "int seed(mbedtls_ctr_drbg_context *ctr) { return mbedtls_ctr_drbg_seed(ctr, weak_entropy, NULL, NULL, 0); }\n",
       "static int trng_entropy(void *p, unsigned char *out, size_t len) {\n  (void)p;\n"
       "  for (size_t i = 0; i < len; i++) out[i] = (unsigned char)TRNG->DATA;\n  return 0;\n}\n"
       "int seed(mbedtls_ctr_drbg_context *ctr) { return mbedtls_ctr_drbg_seed(ctr, trng_entropy, NULL, NULL, 0); }\n"},
      {"DRBG with a constant entropy callback",
       "static int fixed(void *p, unsigned char *out, size_t len) {\n  (void)p;\n  memset(out, 0x5a, len);\n"
       "  return 0;\n}\nint seed(mbedtls_hmac_drbg_context *d, const mbedtls_md_info_t *md) {\n"
       "  return mbedtls_hmac_drbg_seed(d, md, fixed, NULL, NULL, 0);\n}\n",
       "int seed(mbedtls_hmac_drbg_context *d, const mbedtls_md_info_t *md, mbedtls_entropy_context *e) {\n"
       "  return mbedtls_hmac_drbg_seed(d, md, mbedtls_entropy_func, e, NULL, 0);\n}\n"},
      {"RAND_seed with a constant", "void init(void) { RAND_seed(\"0123456789abcdef\", 16); }\n",
       "void init(void) { RAND_poll(); }\n"},
      {"RAND_add with the time",
       "void init(void) {\n  time_t t = time(NULL);\n  RAND_add(&t, sizeof t, 4.0);\n}\n",
       "void init(const unsigned char *noise, int n) {\n  RAND_add(noise, n, 2.0);\n}\n"},
      {"tinycrypt PRNG seeded with a constant",
       "static const uint8_t seed_material[32] = {1, 2, 3, 4, 5, 6, 7, 8};\n"
       "int init(TCCtrPrng_t *p) { return tc_ctr_prng_init(p, seed_material, sizeof seed_material, NULL, 0); }\n",
       "int init(TCCtrPrng_t *p, const uint8_t *entropy, unsigned n) { return tc_ctr_prng_init(p, entropy, n, NULL, 0); }\n"},
      {"mbedTLS null entropy", "#define MBEDTLS_TEST_NULL_ENTROPY\n#define MBEDTLS_AES_C\n",
       "#define MBEDTLS_ENTROPY_HARDWARE_ALT\n#define MBEDTLS_AES_C\n", "include/mbedtls_config.h"},
      // Seeds that reach the seeding call from another function or through an object: the fixed twin
      // draws the same value from an entropy source instead.
      {"srandom in a helper given the clock's microseconds",
       "static void start_jitter(long base) { srandom((unsigned)base); }\n"
       "void init(void) {\n  struct timeval tv;\n  gettimeofday(&tv, NULL);\n  start_jitter(tv.tv_usec);\n}\n",
       "static void start_jitter(long base) { srandom((unsigned)base); }\n"
       "void init(void) {\n  long base = 0;\n  if (getentropy(&base, sizeof base) != 0) abort();\n  start_jitter(base);\n}\n"},
      {"srand48 from a source function's return",
       "static long boot_stamp(void) { return (long)clock(); }\nvoid init(void) { srand48(boot_stamp()); }\n",
       "static long boot_stamp(void) {\n  long v = 0;\n  getrandom(&v, sizeof v, 0);\n  return v;\n}\n"
       "void init(void) { srand48(boot_stamp()); }\n"},
      {"a file-scope seed set by one function, used by another",
       "static unsigned g_boot_seed;\nvoid platform_init(void) { g_boot_seed = (unsigned)getpid(); }\n"
       "void worker(void) { srand(g_boot_seed); }\n",
       "static unsigned g_boot_seed;\n"
       "void platform_init(void) { getrandom(&g_boot_seed, sizeof g_boot_seed, 0); }\n"
       "void worker(void) { srand(g_boot_seed); }\n"},
      {"an engine seeded in a constructor from a configuration's field",
       "#include <ctime>\n#include <random>\nstruct RngConfig {\n  unsigned seed_value;\n};\n"
       "class Shuffler {\npublic:\n  explicit Shuffler(const RngConfig &cfg) { engine_.seed(cfg.seed_value); }\n\n"
       "private:\n  std::mt19937 engine_;\n};\n"
       "void run() {\n  RngConfig cfg;\n  cfg.seed_value = static_cast<unsigned>(std::time(nullptr));\n"
       "  Shuffler shuffler(cfg);\n}\n",
       "#include <random>\nstruct RngConfig {\n  unsigned seed_value;\n};\n"
       "class Shuffler {\npublic:\n  explicit Shuffler(const RngConfig &cfg) { engine_.seed(cfg.seed_value); }\n\n"
       "private:\n  std::mt19937 engine_;\n};\n"
       "void run() {\n  std::random_device rd;\n  RngConfig cfg;\n  cfg.seed_value = rd();\n"
       "  Shuffler shuffler(cfg);\n}\n",
       "src/shuffle.cpp"},
      {"a function template given its argument and the clock",
       "#include <ctime>\ntemplate <typename S>\nstatic void reseed(S s) { srandom(static_cast<unsigned>(s)); }\n"
       "void go() { reseed<long>(std::time(nullptr)); }\n",
       "template <typename S>\nstatic void reseed(S s) { srandom(static_cast<unsigned>(s)); }\n"
       "void go() {\n  long s = 0;\n  if (getentropy(&s, sizeof s) == 0) reseed<long>(s);\n}\n",
       "src/reseed.cpp"},
      {"a virtual method given the tick count",
       "class Sampler {\npublic:\n  virtual ~Sampler() {}\n  virtual void reseed(unsigned s) = 0;\n};\n"
       "class Jitter : public Sampler {\npublic:\n  void reseed(unsigned s) override { srand(s); }\n};\n"
       "void tick(void) {\n  Sampler *sampler = new Jitter;\n  sampler->reseed(GetTickCount());\n  delete sampler;\n}\n",
       "class Sampler {\npublic:\n  virtual ~Sampler() {}\n  virtual void reseed(unsigned s) = 0;\n};\n"
       "class Jitter : public Sampler {\npublic:\n  void reseed(unsigned s) override { srand(s); }\n};\n"
       "void tick(void) {\n  unsigned s = 0;\n  BCryptGenRandom(NULL, (PUCHAR)&s, sizeof s, BCRYPT_USE_SYSTEM_PREFERRED_RNG);\n"
       "  Sampler *sampler = new Jitter;\n  sampler->reseed(s);\n  delete sampler;\n}\n",
       "src/jitter.cpp"},
  };
  return pairs;
}

TEST(PredictableSeeds, PairedCases) { expect_pairs("RNG-2", rng2_pairs()); }

// A helper's seed is what its callers pass: silent when they pass an entropy source's output, or
// when the file has no caller to say.
TEST(PredictableSeeds, HelperSeedsFromEntropyOrUnknownCallersAreNotFindings) {
  EXPECT_TRUE(only(inspect_snippet("static void start(unsigned s) { srand(s); }\n"
                                   "void a(void) {\n  unsigned v;\n  getrandom(&v, sizeof v, 0);\n  start(v);\n}\n",
                                   "src/t.c"),
                   "RNG-2")
                  .empty());
  EXPECT_TRUE(only(inspect_snippet("void start(unsigned s) { srand(s); }\n", "src/t.c"), "RNG-2").empty());
}

TEST(PredictableSeeds, MessageSaysWhereTheSeedComesFrom) {
  const auto f = only(inspect_snippet("#define SEED 42\nvoid i(void) { srand(SEED); }\n"), "RNG-2");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "RNG-2/predictable-seed");
  EXPECT_NE(f[0].message.find("the constant 42 (SEED)"), std::string::npos);
  const auto t = only(inspect_snippet("void i(void) { srand((unsigned)time(NULL)); }\n"), "RNG-2");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_NE(t[0].message.find("time()"), std::string::npos);
}

TEST(PredictableSeeds, ClassMemberEnginesSeededInConstructorsAreNotDefaultSeeded) {
  EXPECT_TRUE(only(inspect_snippet("class Sim {\n  std::mt19937 rng_;\n public:\n"
                                   "  explicit Sim(unsigned s) : rng_(s) {}\n};\n",
                                   "src/sim.hpp"),
                   "RNG-2")
                  .empty());
}

}  // namespace
}  // namespace mdbc::test
