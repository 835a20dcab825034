// A field of a struct variable is storage of its own: what the function writes through the
// struct's other fields does not reach the field read. CODE-2's fixed twins fill the format's field
// from a literal beside a field read from input; CRYPTO-4's flawed twins store a literal password
// beside a user name read in. A union's members, a struct passed whole to a function and a struct
// the file does not define stay one storage.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

// A status message whose fields `body` fills before printing the text field.
std::string status_message(const std::string& body) {
  return R"~(#include <stdio.h>
#include <string.h>
struct status_message
{
    char text[64];
    char sender[32];
    int code;
};
void show_status(FILE *in)
{
    struct status_message m;
)~" + body + R"~(    printf(m.text);
}
)~";
}

// A union whose members share the bytes read in.
std::string union_message(const std::string& fill) {
  return R"~(#include <stdio.h>
#include <string.h>
union wire_text
{
    char raw[64];
    char shown[64];
};
void show_wire(FILE *in)
{
    union wire_text w;
)~" + fill + R"~(    printf(w.shown);
}
)~";
}

const std::vector<RulePair> code2_field_pairs = {
    {"a struct's text field read from a stream, another field a literal",
     status_message("    strcpy(m.sender, \"pump\");\n    if (fgets(m.text, sizeof(m.text), in) == NULL)\n        return;\n"),
     status_message("    if (fgets(m.sender, sizeof(m.sender), in) == NULL)\n        return;\n"
                    "    strcpy(m.text, \"Pump ready\\n\");\n"),
     "src/status.c"},
    {"a struct's text field given a received line, another field counted from it",
     status_message("    char line[64] = \"\";\n    if (fgets(line, sizeof(line), in) == NULL)\n        return;\n"
                    "    m.code = (int)strlen(line);\n    strncpy(m.text, line, sizeof(m.text) - 1);\n"
                    "    m.text[sizeof(m.text) - 1] = '\\0';\n"),
     status_message("    char line[64] = \"\";\n    if (fgets(line, sizeof(line), in) == NULL)\n        return;\n"
                    "    m.code = (int)strlen(line);\n    memcpy(m.text, \"Line read\\n\", sizeof(\"Line read\\n\"));\n"),
     "src/status.c"},
    {"a struct passed whole to a loader before its literal text field is printed",
     status_message("    strcpy(m.text, \"Pump ready\\n\");\n    if (fread(&m, sizeof(m), 1, in) != 1)\n        return;\n"),
     status_message("    strcpy(m.text, \"Pump ready\\n\");\n    if (fread(m.sender, sizeof(m.sender), 1, in) != 1)\n"
                    "        return;\n"),
     "src/status.c"},
    {"a union member read in and printed through the other member",
     union_message("    if (fgets(w.raw, sizeof(w.raw), in) == NULL)\n        return;\n"),
     union_message("    strcpy(w.raw, \"Wire idle\\n\");\n"), "src/wire.c"},
};

// A service login whose credentials `fill` sets before logging on with them.
std::string service_login(const std::string& fill) {
  return R"~(#include <windows.h>
#include <stdio.h>
#include <string.h>
struct service_credentials
{
    char user[32];
    char password[64];
};
BOOL service_logon(HANDLE *token)
{
    struct service_credentials c;
)~" + fill + R"~(    return LogonUserA(c.user, ".", c.password, LOGON32_LOGON_SERVICE, LOGON32_PROVIDER_DEFAULT, token);
}
)~";
}

const std::vector<RulePair> crypto4_field_pairs = {
    {"a literal password field beside a user name read in",
     service_login("    if (fgets(c.user, sizeof(c.user), stdin) == NULL)\n        return FALSE;\n"
                   "    strcpy(c.password, \"Pump#Service1\");\n"),
     service_login("    if (fgets(c.user, sizeof(c.user), stdin) == NULL)\n        return FALSE;\n"
                   "    if (fgets(c.password, sizeof(c.password), stdin) == NULL)\n        return FALSE;\n"),
     "src/service.c"},
};

TEST(FieldStoragePairs, Code2) { expect_pairs("CODE-2", code2_field_pairs); }
TEST(FieldStoragePairs, Crypto4) { expect_pairs("CRYPTO-4", crypto4_field_pairs); }

}  // namespace
}  // namespace mdbc::source
