// A method's parameter holds what the file's calls that may reach the method pass: calls through
// an object of its class, of a class derived from it that does not declare the method again, or of
// a class not known here; not calls through an object of another class declaring a method of that
// name, which reach that class's own method. CODE-2's fixed twins give their method literals,
// CRYPTO-4's flawed twins a literal secret; the twins that keep a caller of unknown or inheriting
// class passing input stay reported.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

// Two classes with a `show` each; the console's format comes from whatever its callers pass.
std::string two_sinks(const std::string& console_text, const std::string& log_text) {
  return R"~(#include <cstdio>
#include <cstdlib>
#include <syslog.h>
class ConsoleSink
{
public:
    void show(const char *text)
    {
        printf(text);
    }
};
class LogSink
{
public:
    void show(const char *text)
    {
        syslog(LOG_INFO, "%s", text);
    }
};
void report(void)
{
    const char *line = getenv("PUMP_STATUS");
    if (line == NULL)
        return;
    ConsoleSink console;
    console.show()~" + console_text + R"~();
    LogSink log;
    log.show()~" + log_text + R"~();
}
)~";
}

// A base with a pure virtual `show` and a class printing its text.
const std::string display_classes = R"~(#include <cstdio>
#include <cstring>
class Display
{
public:
    virtual ~Display() {}
    virtual void show(const char *text) = 0;
};
class PlainDisplay : public Display
{
public:
    void show(const char *text) override
    {
        fputs("> ", stdout);
        printf(text);
    }
};
)~";

// The display classes, and one inheriting PlainDisplay's method.
std::string inherited_sink(const std::string& quiet_text) {
  return display_classes + R"~(class QuietDisplay : public PlainDisplay
{
};
void refresh(void)
{
    char line[80] = "";
    if (fgets(line, sizeof(line), stdin) == NULL)
        return;
    Display *plain = new PlainDisplay;
    plain->show("Ready\n");
    delete plain;
    Display *quiet = new QuietDisplay;
    quiet->show()~" + quiet_text + R"~();
    delete quiet;
}
)~";
}

// A display reached through a pointer the caller is given: its class is not known here.
std::string unknown_receiver(const std::string& relayed) {
  return display_classes + R"~(static void relay(Display *display, const char *text)
{
    display->show(text);
}
void refresh(Display *display)
{
    char line[80] = "";
    if (fgets(line, sizeof(line), stdin) == NULL)
        return;
    relay(display, )~" + relayed + R"~();
}
)~";
}

// A class whose own method passes its `show` a literal, while `report` passes what `line` holds.
std::string console(const std::string& line) {
  return R"~(#include <cstdio>
#include <cstdlib>
class Console
{
public:
    void show(const char *text)
    {
        printf(text);
    }
    void reset()
    {
        show("Ready\n");
    }
};
void report(void)
{
    const char *line = )~" + line + R"~(;
    if (line == NULL)
        return;
    Console c;
    c.show(line);
}
)~";
}

const std::vector<RulePair> code2_method_pairs = {
    {"an in-class method called with a literal inside its class and with the environment outside",
     console("getenv(\"PUMP_STATUS\")"), console("\"Pump ready\\n\""), "src/console.cpp"},
    {"a method of one class given input, another class's method of that name a literal",
     two_sinks("line", "\"status\\n\""), two_sinks("\"Pump ready\\n\"", "line"), "src/status.cpp"},
    {"an inherited virtual method given input through the inheriting class", inherited_sink("line"),
     inherited_sink("\"Idle\\n\""), "src/display.cpp"},
    {"a virtual method called through a pointer of unknown class with input", unknown_receiver("line"),
     unknown_receiver("\"Ready\\n\""), "src/display.cpp"},
};

std::string key_store(const std::string& unlock_body) {
  return R"~(#include <cstdio>
#include <cstring>
#include <openssl/evp.h>
class KeyStore
{
public:
    bool unlock(const char *passphrase)
    {
        static const unsigned char salt[16] = {0};
        return PKCS5_PBKDF2_HMAC(passphrase, (int)strlen(passphrase), salt, sizeof(salt), 600000, EVP_sha256(),
                                 sizeof(key_), key_) == 1;
    }

private:
    unsigned char key_[32];
};
class Door
{
public:
    bool unlock(const char *code)
    {
        return strlen(code) == 6;
    }
};
void start(void)
{
)~" + unlock_body + R"~(}
)~";
}

const std::vector<RulePair> crypto4_method_pairs = {
    {"a literal passphrase given to a key store's method",
     key_store("    KeyStore store;\n    store.unlock(\"Infuse-2024!\");\n    char entered[16] = \"\";\n"
                           "    if (fgets(entered, sizeof(entered), stdin) != NULL)\n    {\n        Door door;\n"
                           "        door.unlock(entered);\n    }\n"),
     key_store("    char entered[64] = \"\";\n    if (fgets(entered, sizeof(entered), stdin) == NULL)\n"
                           "        return;\n    entered[strcspn(entered, \"\\n\")] = '\\0';\n    KeyStore store;\n"
                           "    store.unlock(entered);\n    Door door;\n    door.unlock(\"123456\");\n"),
     "src/keys.cpp"},
};

TEST(MethodCallerPairs, Code2) { expect_pairs("CODE-2", code2_method_pairs); }
TEST(MethodCallerPairs, Crypto4) { expect_pairs("CRYPTO-4", crypto4_method_pairs); }

}  // namespace
}  // namespace mdbc::source
