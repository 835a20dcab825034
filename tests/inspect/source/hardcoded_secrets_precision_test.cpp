// CRYPTO-4 precision on values that only look like secrets by their names: one byte repeated (an
// all-zero key a stack compares against) and a character table (Base64's alphabet) are not keys.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> pairs = {
    {"a link key written into the code, against the all-zero key it is compared with",
     R"~(#include <string.h>
#define LINK_KEY "\x6b\x3a\x91\x07\xd2\x5e\xc4\x18\x7f\x20\xaa\x63\x0d\xb9\x45\xe1"
int use_key(unsigned char *out) { memcpy(out, LINK_KEY, 16); return 0; }
)~",
     R"~(#include <string.h>
#define ZERO_KEY "\x00\x00\x00\x00\x00\x00\x00\x00" \
                 "\x00\x00\x00\x00\x00\x00\x00\x00"
int is_blank(const unsigned char *key) { return memcmp(key, ZERO_KEY, 16) == 0; }
)~"},
    {"a key in a Base64 decoder's file, against the decoder's alphabet",
     R"~(static const char *pem_key = "q8Zr2Kx7Lm0vTb5WnYc1";
const char *armor_key(void) { return pem_key; }
)~",
     R"~(static const char *pem_key = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
int decode_char(char c)
{
    for (int i = 0; i < 64; i++)
        if (pem_key[i] == c) return i;
    return -1;
}
)~"},
    {"a password compared in a login check, against a dictionary's key and a command's option word",
     R"~(#include <string.h>
int check_key(const char *key) { return strcasecmp(key, "9f58b18a0f50de73") == 0; }
static int cmd_auth(const char *opt) { return strcmp(opt, "letmein") == 0; }
int login(const char *password) { return strcmp(password, "ABCD1234!") == 0; }
)~",
     R"~(#include <string.h>
int set_property(const char *key, int value)
{
    if (strcasecmp(key, "PreferredMinimumDelay") == 0) return value;
    if (strcasecmp(key, "xesam:trackNumber") == 0) return -value;
    return 0;
}
static int cmd_auth(const char *opt) { return strcmp(opt, "auth") == 0; }
)~"},
    {"a key of key material, against a device-tree property's name a bare key holds",
     R"~(static const char *key;
void pick(int fast)
{
    key = "k3Y!matErial-77x";
    if (fast)
        key = "Zq9-Lm2!Tx7_Pw4k";
}
)~",
     R"~(struct device_node;
int of_property_read_u32(const struct device_node *np, const char *name, unsigned int *out);
int read_mode(const struct device_node *np, unsigned int *out, int hysteretic)
{
    const char *key;
    key = "qcom,switch-mode-frequency";
    if (hysteretic)
        key = "qcom,power-mode-hysteretic";
    return of_property_read_u32(np, key, out);
}
)~"},
    {"a pass word, against a chip revision's pass label",
     R"~(static const char *pass_str;
void unlock(void) { pass_str = "Adm1n-2024"; }
)~",
     R"~(static const char *pass_str;
void name_revision(int rev)
{
    if (rev == 3)
        pass_str = "A8/A10";
    else
        pass_str = "B1-B2";
}
)~"},
    {"an unlock code compared in an unlock function, against an object's label and a message's signature",
     R"~(#include <string.h>
int unlock_device(const char *code) { return strcmp(code, "7391-4420") == 0; }
)~",
     R"~(#include <string.h>
struct gpio_desc { const char *label; };
struct auth_blob { char Signature[8]; };
void chip_unlock_as_irq(struct gpio_desc *desc)
{
    if (desc->label && !strcmp(desc->label, "interrupt"))
        desc->label = 0;
}
int decode_ntlmssp_auth_blob(const struct auth_blob *blob)
{
    if (memcmp(blob->Signature, "NTLMSSP", 8))
        return -22;
    return 0;
}
)~"},
};

TEST(HardcodedSecretsPrecision, Pairs) { expect_pairs("CRYPTO-4", pairs); }

}  // namespace
}  // namespace mdbc::source
