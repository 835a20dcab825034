// Names that look like secrets in driver and board code but hold a pin's number, a pass count,
// a chip revision, a structure's private data or a table of flags: each pair's flawed twin holds
// a real secret, its fixed twin the look-alike, which must stay silent (LOG-3, CRYPTO-4).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> logged = {
    {"a PIN printed as text, against a pin number printed as a number",
     R"~(#include <stdio.h>
void report_entry(const char *pin)
{
    printf("PIN entered: %s\n", pin);
}
)~",
     R"~(#include <stdio.h>
void report_busy(unsigned pin, int owner)
{
    printf("pin %u is held by %d\n", pin, owner);
}
)~"},
    {"a pass printed with a width argument: as text, against as a number",
     R"~(#include <stdio.h>
void show(int width, const char *pass)
{
    fprintf(stderr, "%*s\n", width, pass);
}
)~",
     R"~(#include <stdio.h>
void show(int width, int pass)
{
    fprintf(stderr, "recovery pass %*d done\n", width, pass);
}
)~"},
    {"a pin after a kernel level prefix and a pointer conversion",
     R"~(#include <linux/printk.h>
void show(const void *dev, const char *pin)
{
    printk(KERN_ERR "%p: PIN %s rejected\n", dev, pin);
}
)~",
     R"~(#include <linux/printk.h>
void show(const void *dev, unsigned int pin)
{
    printk(KERN_ERR "%p: pin %d not muxable\n", dev, pin);
}
)~"},
    {"a password through a text alias, against a context pointer named pw",
     R"~(#include <stdio.h>
void on_login(int irq, char *pw)
{
    char *text = pw;
    log_debug("login %d: %s", irq, text);
}
)~",
     R"~(#include <stdio.h>
struct adc { int samples; };
void on_irq(int irq, void *pw)
{
    struct adc *adc = pw;
    log_debug(adc, "irq %d", irq);
}
)~"},
    {"an RSA private key through an alias, against a device's private data",
     R"~(#include <stdio.h>
struct pem { const char *rsa_private; };
void dump(const struct pem *p)
{
    const char *k = p->rsa_private;
    printf("%s\n", k);
}
)~",
     R"~(#include <stdio.h>
struct drm { void *dev_private; };
void dump(const struct drm *dev)
{
    const char *card = dev->dev_private;
    printf("card %s\n", card);
}
)~"},
    {"credentials logged, against a count of credentials",
     R"~(#include <stdio.h>
void show(const char *creds)
{
    printf("using %s\n", creds);
}
)~",
     R"~(#include <stdio.h>
void show(const char *old_nr_creds, const char *max_creds)
{
    printf("credits %s of %s\n", old_nr_creds, max_creds);
}
)~"},
    {"an access code logged, against the code of an access size",
     R"~(#include <stdio.h>
void show(const char *access_code)
{
    printf("code %s\n", access_code);
}
)~",
     R"~(#include <stdio.h>
void show(const char *access_size_code)
{
    printf("width %s\n", access_size_code);
}
)~"},
    {"a secret given to a leveled log, against to a getter named like one",
     R"~(void dev_info(const void *dev, const char *fmt, ...);
void show(const void *dev, const char *session_key)
{
    dev_info(dev, "key %s", session_key);
}
)~",
     R"~(int card_get_ss_info(const void *dev, const char *session_key);
void show(const void *dev, const char *session_key)
{
    card_get_ss_info(dev, session_key);
}
)~"},
};

const std::vector<RulePair> literal = {
    {"a literal password, against a chip revision in a pass string",
     R"~(#include <string.h>
void set_login(char *pass)
{
    strcpy(pass, "Infus10n!");
}
)~",
     R"~(#include <string.h>
void describe_chip(char *pass, int rev)
{
    if (rev == 3)
        strcpy(pass, "1.X");
    else
        strcpy(pass, "A0-A6");
}
)~"},
    {"a literal password, against a revision assigned to pass_str",
     R"~(const char *login_pass(void)
{
    const char *pass_str = "pump-admin-7";
    return pass_str;
}
)~",
     R"~(const char *chip_pass(void)
{
    const char *pass_str = "A4";
    return pass_str;
}
)~"},
    {"a key of bytes, against a table of endpoint flags",
     R"~(static const unsigned char ep_key[9] = { 0x3a, 0x91, 0x07, 0xc4, 0x5e, 0x22, 0xf8, 0x6d, 0x10 };
int keyed(int i) { return ep_key[i]; }
)~",
     R"~(static const unsigned int ep_key[9] = { 1, 0, 1, 0, 1, 1, 0, 1, 0 };
int enhanced(int i) { return ep_key[i]; }
)~"},
    {"a key of words, against a list of key codes a -1 ends",
     R"~(static unsigned int release_keys[] = { 0x82, 0x83, 0x84, 0x86, 0x88, 0x89, 0xb3, 0xf7, 0xf9, 0x1c };
unsigned int key_word(int i) { return release_keys[i]; }
)~",
     R"~(static unsigned int forced_release_keys[] = { 0x82, 0x83, 0x84, 0x86, 0x88, 0x89, 0xb3, 0xf7, 0xf9, -1U };
unsigned int key_code(int i) { return forced_release_keys[i]; }
)~"},
};

TEST(SecretNamePrecisionPairs, LoggedLookAlikes) { expect_pairs("LOG-3", logged); }
TEST(SecretNamePrecisionPairs, LiteralLookAlikes) { expect_pairs("CRYPTO-4", literal); }

}  // namespace
}  // namespace mdbc::source
