// LOG-2 pairs for account lockout (CWE-778): a login that locks the account after failed attempts,
// a refusal of a locked account, and a function that locks accounts, each without a log of its own;
// the fixed twins log the event.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> log2_program_pairs = {
    {"lock function",
     R"~(#include <map>
#include <string>
namespace auth {
std::map<std::string, bool> locked_accounts;
void lock_account(const std::string &user)
{
    locked_accounts[user] = true;
}
}
)~",
     R"~(#include <map>
#include <string>
#include <syslog.h>
namespace auth {
std::map<std::string, bool> locked_accounts;
void lock_account(const std::string &user)
{
    locked_accounts[user] = true;
    syslog(LOG_ALERT, "account %s locked", user.c_str());
}
}
)~",
     "src/module.cpp"},
    {"locked refusal",
     R"~(#include <string>
#include <syslog.h>
struct Account { std::string name; bool locked = false; };
bool verify_password(const Account &a, const std::string &pw);
bool authenticate(const Account &a, const std::string &pw)
{
    if (a.locked)
        return false;
    if (!verify_password(a, pw)) {
        syslog(LOG_WARNING, "bad password for %s", a.name.c_str());
        return false;
    }
    return true;
}
)~",
     R"~(#include <string>
#include <syslog.h>
struct Account { std::string name; bool locked = false; };
bool verify_password(const Account &a, const std::string &pw);
bool authenticate(const Account &a, const std::string &pw)
{
    if (a.locked) {
        syslog(LOG_WARNING, "login refused for locked account %s", a.name.c_str());
        return false;
    }
    if (!verify_password(a, pw)) {
        syslog(LOG_WARNING, "bad password for %s", a.name.c_str());
        return false;
    }
    return true;
}
)~",
     "src/module.cpp"},
    {"lockout",
     R"~(#include <syslog.h>
#define MAX_ATTEMPTS 5
struct account { char name[32]; int failed_attempts; int locked; };
int check_password(struct account *acct, const char *password);
int login(struct account *acct, const char *password)
{
    if (!check_password(acct, password)) {
        syslog(LOG_WARNING, "login failed for %s", acct->name);
        if (++acct->failed_attempts >= MAX_ATTEMPTS) {
            acct->locked = 1;
        }
        return -1;
    }
    acct->failed_attempts = 0;
    return 0;
}
)~",
     R"~(#include <syslog.h>
#define MAX_ATTEMPTS 5
struct account { char name[32]; int failed_attempts; int locked; };
int check_password(struct account *acct, const char *password);
int login(struct account *acct, const char *password)
{
    if (!check_password(acct, password)) {
        syslog(LOG_WARNING, "login failed for %s", acct->name);
        if (++acct->failed_attempts >= MAX_ATTEMPTS) {
            acct->locked = 1;
            syslog(LOG_ALERT, "account %s locked after %d failed logins", acct->name, acct->failed_attempts);
        }
        return -1;
    }
    acct->failed_attempts = 0;
    return 0;
}
)~",
     "src/module.c"},
    {"pw abbreviation compared",
     R"~(#include <string.h>
#include <syslog.h>
int check_login(const char *user, const char *pw, const char *stored_pw)
{
    if (strcmp(pw, stored_pw) != 0)
        return -1;
    syslog(LOG_INFO, "login of %s", user);
    return 0;
}
)~",
     R"~(#include <string.h>
#include <syslog.h>
int check_login(const char *user, const char *pw, const char *stored_pw)
{
    if (strcmp(pw, stored_pw) != 0) {
        syslog(LOG_WARNING, "failed login for %s", user);
        return -1;
    }
    return 0;
}
)~",
     "src/module.c"},
};

TEST(ProgramPairs, SecurityEventsLogged) { expect_pairs("LOG-2", log2_program_pairs); }

}  // namespace
}  // namespace mdbc::source
