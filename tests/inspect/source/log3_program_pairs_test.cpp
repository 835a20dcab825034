// LOG-3 pairs in the shape of CWE-532/534/535 test programs: a password, key or PIN read from input
// and then printed, logged or written to stderr, the serial console or a print helper of the
// program; the fixed twins log that the event happened. A pin that is a hardware pin (its type, or
// the function drives it through a GPIO, LED or PWM call) is not a PIN.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> log3_program_pairs = {
    {"arduino pin",
     R"~(#include <Arduino.h>
#include <Keypad.h>
extern Keypad keypad;
void read_code()
{
    String pin;
    while (pin.length() < 4) { char k = keypad.getKey(); if (k) pin += k; }
    Serial.print("entered ");
    Serial.println(pin);
}
)~",
     R"~(#include <Arduino.h>
void setup_output()
{
    int pin = 13;
    pinMode(pin, OUTPUT);
    Serial.print("driving pin ");
    Serial.println(pin);
}
)~",
     "src/module.cpp"},
    {"esp pin type",
     R"~(#include "esp_log.h"
static const char *TAG = "pump";
void report_line(const char *pin)
{
    ESP_LOGI(TAG, "user pin %s rejected", pin);
}
)~",
     R"~(#include "driver/gpio.h"
#include "esp_log.h"
static const char *TAG = "pump";
void report_line(gpio_num_t pin)
{
    ESP_LOGI(TAG, "valve on pin %d", (int)pin);
}
)~",
     "src/module.c"},
    {"gpio pin",
     R"~(#include <stdio.h>
void check(const char *pin)
{
    if (verify_user_pin(pin)) return;
    printf("wrong PIN %s\n", pin);
}
)~",
     R"~(#include <stdio.h>
void blink(int led_pin, unsigned gpio_pin, int pin_number)
{
    printf("LED on pin %d\n", led_pin);
    printf("gpio %u, number %d\n", gpio_pin, pin_number);
}
void set(int pin)
{
    gpio_set_level(pin, 1);
    printf("pin %d high\n", pin);
}
)~",
     "src/module.c"},
    {"password fgets",
     R"~(#include <stdio.h>
#include <string.h>
void ask(void)
{
    char password[100] = "";
    if (fgets(password, sizeof(password), stdin) == NULL) return;
    password[strcspn(password, "\n")] = '\0';
    printf("password entered: %s\n", password);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
void ask(void)
{
    char password[100] = "";
    if (fgets(password, sizeof(password), stdin) == NULL) return;
    password[strcspn(password, "\n")] = '\0';
    printf("password entered (%zu characters)\n", strlen(password));
}
)~",
     "src/module.c"},
    {"print helper",
     R"~(#include <cwchar>
#include <iostream>
void printWLine(const wchar_t *line);
namespace account {
void check(const wchar_t *user)
{
    wchar_t password[64] = L"";
    if (std::fgetws(password, 64, stdin) == nullptr) return;
    printWLine(password);
    std::wcout << L"checked " << user << std::endl;
}
}
)~",
     R"~(#include <cwchar>
#include <iostream>
void printWLine(const wchar_t *line);
namespace account {
void check(const wchar_t *user)
{
    wchar_t password[64] = L"";
    if (std::fgetws(password, 64, stdin) == nullptr) return;
    printWLine(L"password received");
    std::wcout << L"checked " << user << std::endl;
}
}
)~",
     "src/module.cpp"},
    {"stderr login",
     R"~(#include <windows.h>
#include <stdio.h>
#include <string.h>
void login(const char *username, const char *domain)
{
    char password[100] = "";
    HANDLE token;
    if (fgets(password, 100, stdin) == NULL) return;
    password[strcspn(password, "\n")] = '\0';
    if (LogonUserA(username, domain, password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) {
        CloseHandle(token);
    } else {
        fprintf(stderr,
                "Unable to login for %s with password %s\n",
                username,
                password);
    }
}
)~",
     R"~(#include <windows.h>
#include <stdio.h>
#include <string.h>
void login(const char *username, const char *domain)
{
    char password[100] = "";
    HANDLE token;
    if (fgets(password, 100, stdin) == NULL) return;
    password[strcspn(password, "\n")] = '\0';
    if (LogonUserA(username, domain, password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) {
        CloseHandle(token);
    } else {
        fprintf(stderr,
                "Unable to login for %s\n",
                username);
    }
}
)~",
     "src/module.c"},
    {"syslog key",
     R"~(#include <syslog.h>
#include <string>
void rotate(const std::string &api_key)
{
    syslog(LOG_INFO,
           "rotated key %s",
           api_key.c_str());
}
)~",
     R"~(#include <syslog.h>
#include <string>
void rotate(const std::string &api_key)
{
    syslog(LOG_INFO,
           "rotated key (%zu bytes)",
           api_key.size());
}
)~",
     "src/module.cpp"},
    {"wide pass",
     R"~(#include <wchar.h>
void dump(void)
{
    wchar_t pass[64];
    if (fgetws(pass, 64, stdin) == NULL) return;
    fwprintf(stderr, L"login with %ls\n", pass);
}
)~",
     R"~(#include <wchar.h>
void dump(void)
{
    wchar_t pass[64];
    if (fgetws(pass, 64, stdin) == NULL) return;
    fwprintf(stderr, L"login attempted\n");
}
)~",
     "src/module.c"},
    {"secret formatted into a line, then printed",
     R"~(#include <stdio.h>
void show_psk(const char *psk)
{
    char line[96];
    snprintf(line, sizeof line, "wifi psk=%s", psk);
    puts(line);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
void show_psk(const char *psk)
{
    char line[96];
    snprintf(line, sizeof line, "wifi psk set (%zu chars)", strlen(psk));
    puts(line);
}
)~",
     "src/module.c"},
    {"secret copied and appended into a message, then logged",
     R"~(#include <string.h>
#include <syslog.h>
void report(const char *password)
{
    char msg[128];
    strcpy(msg, "login: ");
    strcat(msg, password);
    syslog(LOG_INFO, "%s", msg);
}
)~",
     R"~(#include <string.h>
#include <syslog.h>
void report(const char *password)
{
    char msg[128];
    strcpy(msg, password);
    memset(msg, 0, sizeof msg);
    strcpy(msg, "login attempted");
    syslog(LOG_INFO, "%s", msg);
}
)~",
     "src/module.c"},
    {"Qt message stream",
     R"~(#include <QDebug>
void setPassword(const QString &password)
{
    qWarning() << "new password" << password;
}
)~",
     R"~(#include <QDebug>
void setPassword(const QString &password)
{
    qWarning() << "new password set, length" << password.size();
}
)~",
     "src/module.cpp"},
};

TEST(ProgramPairs, SecretsInLogs) { expect_pairs("LOG-3", log3_program_pairs); }

}  // namespace
}  // namespace mdbc::source
