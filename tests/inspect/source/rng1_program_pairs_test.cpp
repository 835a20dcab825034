// RNG-1 pairs in the shape of CWE-330/338 test programs: rand(), random(), std::rand and
// std::mt19937 values printed, returned by a helper, or made into a nonce or session token; the
// fixed twins use CryptGenRandom, BCryptGenRandom, rand_s, getrandom or RAND_bytes.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> rng1_program_pairs = {
    {"bcrypt nonce",
     R"~(#include <windows.h>
#include <stdlib.h>
int make_nonce(unsigned char *nonce, ULONG len)
{
    ULONG i;
    for (i = 0; i < len; i++) nonce[i] = (unsigned char)(rand() & 0xff);
    return 1;
}
)~",
     R"~(#include <windows.h>
#include <bcrypt.h>
int make_nonce(unsigned char *nonce, ULONG len)
{
    return BCryptGenRandom(NULL, nonce, len, BCRYPT_USE_SYSTEM_PREFERRED_RNG) == 0;
}
)~",
     "src/module.c"},
    {"helper return",
     R"~(#include <stdlib.h>
static int next_value(void)
{
    return rand();
}
void fill(int *out, int n)
{
    int i;
    for (i = 0; i < n; i++)
        out[i] = next_value();
}
)~",
     R"~(#include <stdlib.h>
#include <sys/random.h>
static int next_value(void)
{
    int v = 0;
    if (getrandom(&v, sizeof v, 0) != (ssize_t)sizeof v) abort();
    return v;
}
void fill(int *out, int n)
{
    int i;
    for (i = 0; i < n; i++)
        out[i] = next_value();
}
)~",
     "src/module.c"},
    {"rand macro",
     R"~(#include <stdlib.h>
#define RAND32() ((rand()<<30) ^ (rand()<<15) ^ rand())
int pick(void) { return RAND32() % 100; }
)~",
     R"~(#include <stdlib.h>
int pick(void) { unsigned int v; if (rand_s(&v) != 0) return 0; return (int)(v % 100u); }
)~",
     "src/module.c"},
    {"rand print",
     R"~(#include <stdio.h>
#include <stdlib.h>
void roll(void)
{
    int data;
    data = rand();
    printf("%d\n", data);
}
)~",
     R"~(#include <stdio.h>
#include <stdlib.h>
#include <windows.h>
#include <wincrypt.h>
void roll(void)
{
    HCRYPTPROV prov;
    unsigned int data = 0;
    if (CryptAcquireContextW(&prov, 0, 0, PROV_RSA_FULL, 0)) {
        CryptGenRandom(prov, sizeof(data), (BYTE *)&data);
        CryptReleaseContext(prov, 0);
    }
    printf("%u\n", data);
}
)~",
     "src/module.c"},
    {"random",
     R"~(#include <cstdlib>
#include <random>
long next_id() { return random(); }
unsigned draw() { std::mt19937 gen(std::random_device{}()); return gen(); }
)~",
     R"~(#include <sys/random.h>
long next_id() { long v = 0; if (getrandom(&v, sizeof v, 0) != sizeof v) return -1; return v; }
unsigned draw() { unsigned v = 0; BCryptGenRandom(NULL, (PUCHAR)&v, sizeof v, BCRYPT_USE_SYSTEM_PREFERRED_RNG); return v; }
)~",
     "src/module.cpp"},
    {"session token",
     R"~(#include <random>
#include <string>
std::string make_session_token()
{
    static std::mt19937_64 engine(std::random_device{}());
    std::uniform_int_distribution<int> digit(0, 15);
    std::string token;
    for (int i = 0; i < 32; ++i) token += "0123456789abcdef"[digit(engine)];
    return token;
}
)~",
     R"~(#include <openssl/rand.h>
#include <string>
std::string make_session_token()
{
    unsigned char raw[16];
    if (RAND_bytes(raw, sizeof raw) != 1) return {};
    std::string token;
    for (unsigned char b : raw) { token += "0123456789abcdef"[b >> 4]; token += "0123456789abcdef"[b & 15]; }
    return token;
}
)~",
     "src/module.cpp"},
    {"std rand",
     R"~(#include <cstdlib>
#include <iostream>
void show() { int data = std::rand(); std::cout << data << std::endl; }
)~",
     R"~(#include <openssl/rand.h>
#include <iostream>
void show() { int data = 0; RAND_bytes(reinterpret_cast<unsigned char *>(&data), sizeof data); std::cout << data << std::endl; }
)~",
     "src/module.cpp"},
};

TEST(ProgramPairs, InsecureRandom) { expect_pairs("RNG-1", rng1_program_pairs); }

}  // namespace
}  // namespace mdbc::source
