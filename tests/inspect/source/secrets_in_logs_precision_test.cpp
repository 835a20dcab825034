// LOG-3 precision: what a log call writes is the value of its arguments, not every name in them.
// A comparison or the condition of ?: logs whether something held; a constant in capitals is a
// number the same on every device; a `pin` that is counted or used as an index is a pin's number,
// and one an audio driver looks a widget up by, or a member of a jack's pin structure, a pin's name.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> pairs = {
    {"a password as the chosen branch, against one only tested in the condition",
     R"~(#include <stdio.h>
void show_login(const char *password, int verbose)
{
    printf("login with %s\n", verbose ? password : "****");
}
)~",
     R"~(#include <stdio.h>
void show_login(const char *password, int verbose)
{
    printf("login %s\n", password == NULL ? "without a password" : "with a password");
    (void)verbose;
}
)~"},
    {"the PSK itself, against the constant naming its kind",
     R"~(#include <syslog.h>
#define WPA_PSK_BIN 1
struct wpa { int psk_type; const char *psk; };
void show(const struct wpa *w)
{
    syslog(LOG_DEBUG, "psk %s", w->psk);
}
)~",
     R"~(#include <syslog.h>
#define WPA_PSK_BIN 1
struct wpa { int psk_type; const char *psk; };
void show(const struct wpa *w)
{
    syslog(LOG_DEBUG, "psk type %d of %d", w->psk_type, WPA_PSK_BIN);
}
)~"},
    {"a PIN entered on the keypad, against a pin counted through an array of pins",
     R"~(#include <stdio.h>
extern unsigned read_keypad(void);
void unlock(void)
{
    unsigned pin = read_keypad();
    fprintf(stderr, "entered %u\n", pin);
}
)~",
     R"~(#include <stdio.h>
struct pins { int event[4]; };
extern int configure(int event);
void setup(struct pins *p)
{
    for (int pin = 0; pin < 4; pin++)
        if (configure(p->event[pin]))
            fprintf(stderr, "failed to configure pin%d\n", pin);
}
)~"},
    {"a PIN a function is given, against an audio pin's name looked up as a widget",
     R"~(int sim_unlock(struct modem *m, const char *pin)
{
    if (modem_send_pin(m, pin) != 0) {
        dev_err(m->dev, "SIM refused pin %s\n", pin);
        return -EACCES;
    }
    return 0;
}
)~",
     R"~(int snd_soc_dapm_ignore_suspend(struct snd_soc_dapm_context *dapm, const char *pin)
{
    struct snd_soc_dapm_widget *w = dapm_find_widget(dapm, pin, false);
    if (!w) {
        dev_err(dapm->dev, "ASoC: unknown pin %s\n", pin);
        return -EINVAL;
    }
    return 0;
}
)~"},
    {"a PIN held in a SIM's structure, against a jack pin's name held in the jack's",
     R"~(struct sim_card { const char *pin; int retries; };
int sim_check(const struct sim_card *cards, int i)
{
    if (cards[i].retries == 0)
        dev_err(modem_dev, "card %d locked, pin %s\n", i, cards[i].pin);
    return 0;
}
)~",
     R"~(struct snd_soc_jack_pin { const char *pin; int mask; };
int snd_soc_jack_add_pins(struct snd_soc_jack *jack, int count, struct snd_soc_jack_pin *pins)
{
    for (int i = 0; i < count; i++)
        if (!pins[i].mask)
            dev_err(jack->card->dev, "ASoC: No mask for pin %d (%s)\n", i, pins[i].pin);
    return 0;
}
)~"},
    {"a secret formatted into a message, against a firmware file's path built from its name",
     R"~(struct fw_names { const char *dir, *otp; };
int load_otp(const struct fw_names *fw, char *in)
{
    char msg[100];
    snprintf(msg, sizeof(msg), "%s/%s", fw->dir, fw->otp);
    dev_err(dev, "otp check failed: %s\n", msg);
    return -ENOENT;
}
)~",
     R"~(struct fw_names { const char *dir, *otp; };
int load_otp(const struct fw_names *fw, char *in)
{
    char filename[100];
    snprintf(filename, sizeof(filename), "%s/%s", fw->dir, fw->otp);
    if (request_firmware(filename, in) != 0) {
        dev_err(dev, "Failed to get OTP file %s\n", filename);
        return -ENOENT;
    }
    return 0;
}
)~"},
};

TEST(SecretsInLogsPrecision, Pairs) { expect_pairs("LOG-3", pairs); }

}  // namespace
}  // namespace mdbc::source
