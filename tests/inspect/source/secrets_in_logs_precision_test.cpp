// LOG-3 precision: what a log call writes is the value of its arguments, not every name in them.
// A comparison or the condition of ?: logs whether something held; a constant in capitals is a
// number the same on every device; a `pin` that is counted or used as an index is a pin's number.
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
};

TEST(SecretsInLogsPrecision, Pairs) { expect_pairs("LOG-3", pairs); }

}  // namespace
}  // namespace mdbc::source
