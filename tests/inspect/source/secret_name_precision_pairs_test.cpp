// Names that look like secrets in driver and board code but hold a pin's number, a pass count,
// a count of credits, a flag, a secret's address, a chip revision, a structure's private data or
// a table of flags, or name what a tracepoint declares: each pair's flawed twin holds
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
    {"a key printed as text, against its address printed with %p and %pK",
     R"~(#include <linux/printk.h>
void report(const char *session_key, int rc)
{
    printk(KERN_ERR "setting key failed: rc = [%d]; key = [%s]\n", rc, session_key);
}
)~",
     R"~(#include <linux/printk.h>
void report(const char *session_key, int rc)
{
    printk(KERN_ERR "setting key failed: rc = [%d]; key = [0x%p]\n", rc, session_key);
    pr_warn("no key (%pK)\n", session_key);
}
)~"},
    {"credentials printed as text, against a count of credits printed in decimal",
     R"~(struct client { const char *tx_creds; };
void on_flow(const void *dev, struct client *cl)
{
    dev_dbg(dev, "flow control creds = %s.\n", cl->tx_creds);
}
)~",
     R"~(struct client { int tx_creds; };
void on_flow(const void *dev, struct client *cl)
{
    cl->tx_creds++;
    dev_dbg(dev, "flow control creds = %d.\n", cl->tx_creds);
}
)~"},
    {"a pass given to a tracepoint as text, against a recovery pass declared a number",
     R"~(void start(const void *sb, const char *pass)
{
    trace_login_start(sb, pass);
}
)~",
     R"~(enum passtype { PASS_SCAN, PASS_REVOKE, PASS_REPLAY };
void start(const void *log, int pass, int revoke_creds)
{
    trace_recover_item(log, pass, revoke_creds);
}
void replay(const void *journal, enum passtype pass)
{
    trace_replay(journal, pass);
}
)~"},
    {"a flag declared bool is no secret",
     R"~(void show(const void *trans, const char *otp)
{
    pr_warn("OTP: %s\n", otp);
}
)~",
     R"~(void show(const void *trans, bool empty_otp)
{
    pr_warn("Firmware declares no addresses. OTP is empty: %d\n", empty_otp);
}
)~"},
    {"a PIN read in as a number, against pin numbers taken from a table or read from a property",
     R"~(extern unsigned int read_keypad(void);
void unlock(const void *dev)
{
    unsigned int pin = read_keypad();
    dev_err(dev, "wrong PIN %u\n", pin);
}
)~",
     R"~(struct group { unsigned int npins; const unsigned int *pins; unsigned int pin; };
extern int set_function(unsigned int pin, int function);
extern int read_u32_index(const void *np, const char *name, int i, unsigned int *out);
extern int intel_gpio_to_pin(const void *ctl, int hwirq);
void mux(const void *dev, const struct group *g, int function)
{
    for (unsigned int i = 0; i < g->npins; i++) {
        unsigned int pin = g->pins[i];
        if (set_function(pin, function))
            dev_err(dev, "set mux failed for pin %u\n", pin);
    }
}
void map(const void *dev, const void *np, int i)
{
    unsigned int pin, hwirq;
    read_u32_index(np, "pin-map", i, &pin);
    read_u32_index(np, "pin-map", i + 1, &hwirq);
    dev_warn(dev, "failed to map pin %d as hwirq %d\n", pin, hwirq);
}
void wake(const void *dev, const void *ctl, int hwirq, int on)
{
    unsigned int pin = intel_gpio_to_pin(ctl, hwirq);
    dev_dbg(dev, "%sable wake for pin %u\n", on ? "en" : "dis", pin);
}
)~"},
    {"a PIN copied from a user's record, against a pin number copied from a group",
     R"~(struct user { const char *pin; };
void show(const struct user *u)
{
    const char *code = u->pin;
    printf("%s\n", code);
}
)~",
     R"~(struct group { unsigned int pin; };
void show(const void *dev, const struct group *grp)
{
    unsigned int bank, pin, pin_id = grp->pin;
    bank = pin_id / 32;
    pin = pin_id % 32;
    dev_dbg(dev, "pin=%u bank %u line %u\n", pin_id, bank, pin);
}
)~"},
    {"a PIN given by pointer as text, against a pin number given by pointer",
     R"~(void swizzle(const char *name, const char *pin)
{
    printk("PCI: %s pin %s\n", name, pin);
}
)~",
     R"~(typedef unsigned char u8;
void swizzle(const char *name, u8 *pin)
{
    printk("PCI: %s swizzling pin %d\n", name, *pin);
}
)~"},
    {"a user PIN, against an interrupt pin",
     R"~(void show(const char *user_pin)
{
    printf("user line %s\n", user_pin);
}
)~",
     R"~(typedef unsigned char u8;
extern u8 swizzle_interrupt_pin(const void *dev, u8 pin);
void show(const char *intr_pin, const void *dev, const u8 *pin)
{
    u8 temp_pin = *pin;
    printf("interrupt line %s\n", intr_pin);
    temp_pin = swizzle_interrupt_pin(dev, temp_pin);
    printf("using INT %c\n", 'A' + temp_pin - 1);
}
)~"},
    {"a PIN logged, against the CPUs to pin threads to",
     R"~(extern const char *user_pin[4];
void report(int i)
{
    log_value(user_pin[i]);
}
)~",
     R"~(extern int cpus_to_pin[4];
void report(int i)
{
    log_value(cpus_to_pin[i]);
}
)~"},
    {"a tracepoint given a key, against a tracepoint declared under a name with key",
     R"~(void set_shared(const void *dev, const char *session_key)
{
    trace_set_shared_key(dev, session_key);
}
)~",
     R"~(TRACE_EVENT(set_shared_key,
    TP_PROTO(const void *dev, unsigned char vid),
    TP_ARGS(dev, vid),
    TP_printk("vid %d", __entry->vid)
);
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
    // A Wi-Fi association names its key management suite by a 4-byte selector (OUI and type):
    // the selector of the PSK suite is public, not the PSK.
    {"a pre-shared key, against the selector of the PSK key-management suite",
     R"~(#define RADIO_WPA_PSK "c0ffee-Pump-7781"
const char *radio_psk(void) { return RADIO_WPA_PSK; }
)~",
     R"~(#define AKM_SUITE_PSK "\x00\x0f\xac\x02"
#define KEY_MGMT_SEL_PSK "\x00\x50\xf2\x02"
int is_psk(const char *suite) { return suite[3] == AKM_SUITE_PSK[3] || suite[3] == KEY_MGMT_SEL_PSK[3]; }
)~"},
    // A sensor's one-time-programmable memory is read after a command that switches it to OTP
    // mode: the command's bytes are public, not a one-time password.
    {"a one-time password, against the command that switches a chip to its OTP memory",
     R"~(static const unsigned char service_otp[] = { 0x4f, 0x91, 0x2c, 0xe7, 0x0b, 0x66 };
unsigned char otp_byte(int i) { return service_otp[i]; }
)~",
     R"~(static const unsigned char sensor_read_mode_otp[] = { 0xc7, 0xf7, 0xe0, 0x2e, 0x00 };
static const unsigned char nvm_bank_otp[] = { 0x10, 0x20, 0x00, 0x08 };
unsigned char cmd_byte(int i) { return sensor_read_mode_otp[i] ^ nvm_bank_otp[i % 4]; }
)~"},
};

TEST(SecretNamePrecisionPairs, LoggedLookAlikes) { expect_pairs("LOG-3", logged); }
TEST(SecretNamePrecisionPairs, LiteralLookAlikes) { expect_pairs("CRYPTO-4", literal); }

// Kernel look-alikes: the working directory (pwd), a tracepoint's event enumerator, a pin control
// group's or device tree's pin, one-time-programmable memory (otp), a chip pass chosen from labels,
// a pin held in an unsigned char. Each flawed twin prints the secret itself.
const std::vector<RulePair> kernel_logged = {
    {"a password printed, against the working directory printed",
     R"~(#include <stdio.h>
void show_login(const char *pwd)
{
    printf("login with %s\n", pwd);
}
)~",
     R"~(#include <stdio.h>
#include <unistd.h>
void show_cwd(char *buf, size_t n)
{
    const char *pwd = getcwd(buf, n);
    printf("%s\n", pwd);
}
void log_name(struct audit_buffer *ab, struct audit_context *context)
{
    audit_log_d_path(ab, " name=", &context->pwd);
    printk(KERN_INFO "cwd=%s\n", context->pwd_name);
}
)~"},
    {"a password given to a tracepoint, against the tracepoint's event enumerator",
     R"~(void on_login(struct user *user, const char *password)
{
    trace_auth_attempt(user, password);
}
)~",
     R"~(void on_login(struct user *user, const char *password)
{
    trace_auth_attempt(user, auth_attempt_pass);
    trace_fscache_access(cookie, fscache_access_cache_pin);
}
)~"},
    {"a PIN read in and printed, against a pin group's and a device tree's pin",
     R"~(void on_entry(struct device *dev)
{
    const char *pin = read_keypad();
    dev_err(dev, "entered %s\n", pin);
}
)~",
     R"~(void check_map(struct device *dev, const struct map *map, int dt_pin)
{
    dev_err(dev, "bad group %s\n", map->data.configs.group_or_pin);
    dev_err(dev, "invalid pin %d\n", dt_pin);
}
)~"},
    {"a one-time password printed, against OTP memory's words and index",
     R"~(#include <stdio.h>
void show_code(const unsigned char *key)
{
    unsigned otp = totp_now(key);
    printf("code %06u\n", otp);
}
)~",
     R"~(void dump_otp(struct dev *d, u16 *otp, u32 base, u32 words)
{
    for (u32 idx = 0; idx < words; idx++) {
        otp[idx] = read_reg16(d, base + 2 * idx);
        dev_info(d->dev, "[%8x] 0x%04x\n", base + 2 * idx, otp[idx]);
    }
}
int read_words(struct dev *d, unsigned from, unsigned to)
{
    for (unsigned i = from; i < to; i += 4) {
        u32 otp = i >> 2;
        if (otp < NUM_LOWER)
            continue;
        if (read_shadow(d, otp))
            dev_err(d->dev, "Can't read data%d\n", otp);
    }
    return 0;
}
)~"},
    {"a pass read in and printed, against a chip pass chosen from labels",
     R"~(#include <stdio.h>
static char *pass_str;
void ask(void)
{
    pass_str = read_line();
    printf("pass %s\n", pass_str);
}
)~",
     R"~(static char *pass_str;
void show_soc(unsigned rev)
{
    if (rev == 1)
        pass_str = "B1";
    else
        pass_str = "C0";
    printk("pass %s\n", pass_str);
}
)~"},
    {"a PIN byte read in, against a pin held in an unsigned char",
     R"~(void on_key(struct chip *c)
{
    unsigned char pin = read_keypad();
    dev_err(c->dev, "digit %x\n", pin);
}
)~",
     R"~(int set_selector(struct chip *c, int id, unsigned char pin)
{
    int ret = get_selector(c, id);
    if (ret != pin)
        dev_err(c->dev, "setting %d to %x failed\n", id, pin);
    return 0;
}
)~"},
};

TEST(SecretNamePrecisionPairs, KernelLoggedLookAlikes) { expect_pairs("LOG-3", kernel_logged); }

}  // namespace
}  // namespace mdbc::source
