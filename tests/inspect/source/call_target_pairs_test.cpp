// Values that reach a function the caller names only through a local function pointer or an
// object whose class it says (call_targets.h): `void (*sink)(char *) = print_sink; sink(data);`,
// `Base *o = new BadSink; o->action(data);`. Each class's method is judged by the calls made
// through objects of that class (or of a class derived from it, which inherits the method) and
// by calls whose receiver is unknown; another class's callers say nothing about it. Every tree
// holds both targets: the flawed one sends the program's input (or a literal password) to one
// of them, the fixed one only a literal (or input).
#include <gtest/gtest.h>

#include <string>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_tree_pairs;
using test::SnippetFile;
using test::TreePair;

const std::string classes_h =
    "class BaseSink {\npublic:\n    virtual ~BaseSink() {}\n    virtual void action(char *data) const = 0;\n};\n"
    "class PrintSink : public BaseSink {\npublic:\n    void action(char *data) const;\n};\n"
    "class QuietSink : public BaseSink {\npublic:\n    void action(char *data) const;\n};\n";
const std::string print_sink_cpp = "#include <cstdio>\n#include \"sinks.h\"\nvoid PrintSink::action(char *data) const\n{\n    printf(data);\n}\n";
const std::string quiet_sink_cpp = "#include <cstdio>\n#include \"sinks.h\"\nvoid QuietSink::action(char *data) const\n{\n    printf(data);\n}\n";

// The caller: `input` fills PrintSink's buffer, `other` QuietSink's, each object made by `make`
// (with CLASS in it) and used through `use` (with OBJ).
std::string caller(std::string_view print_fill, std::string_view quiet_fill, std::string_view declare,
                   std::string_view use) {
  std::string out = "#include <cstdlib>\n#include <cstring>\n#include \"sinks.h\"\n";
  for (const auto& [fn, cls, fill] : {std::tuple{"to_print", "PrintSink", print_fill}, std::tuple{"to_quiet", "QuietSink", quiet_fill}}) {
    std::string d(declare), u(use);
    for (size_t at; (at = d.find("CLASS")) != std::string::npos;) d.replace(at, 5, cls);
    out += std::string("void ") + fn + "()\n{\n    char buffer[100] = \"\";\n    char *data = buffer;\n    " +
           std::string(fill) + "\n    " + d + "\n    " + u + "\n}\n";
  }
  return out;
}

constexpr std::string_view from_env = "char *env = getenv(\"ADD\"); if (env != NULL) strncat(data, env, 99);";
constexpr std::string_view from_literal = "strcpy(data, \"fixedstringtest\");";

std::vector<SnippetFile> tree(const std::string& main_cpp) {
  return {{"src/sinks.h", classes_h, ""},
          {"src/print_sink.cpp", print_sink_cpp, ""},
          {"src/quiet_sink.cpp", quiet_sink_cpp, ""},
          {"src/main.cpp", main_cpp, ""}};
}

const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> object_forms = {
    {"new through a base pointer", {"BaseSink *o = new CLASS;", "o->action(data); delete o;"}},
    {"new with arguments", {"BaseSink *o = new CLASS();", "o->action(data); delete o;"}},
    {"a base reference to a temporary", {"const BaseSink &o = CLASS();", "o.action(data);"}},
    {"an object of the class", {"CLASS o;", "o.action(data);"}},
    {"a pointer assigned later", {"BaseSink *o = 0; o = new CLASS;", "o->action(data); delete o;"}},
};

TEST(CallTargetPairs, FormatStrings) {
  std::vector<TreePair> pairs;
  for (const auto& [name, form] : object_forms)
    pairs.push_back({name, tree(caller(from_env, from_literal, form.first, form.second)),
                     tree(caller(from_literal, from_literal, form.first, form.second))});
  expect_tree_pairs("CODE-2", pairs);
}

// Both flows in one tree: only the class the input reaches is reported.
TEST(CallTargetPairs, OnlyTheClassTheInputReachesIsReported) {
  for (const auto& [name, form] : object_forms) {
    SCOPED_TRACE(name);
    const auto findings = test::only(test::inspect_tree(tree(caller(from_env, from_literal, form.first, form.second))).findings,
                                     "CODE-2");
    ASSERT_EQ(findings.size(), 1u);
    EXPECT_EQ(findings[0].path, "src/print_sink.cpp");
  }
}

// A class that inherits the method: calls through it reach the base's sink.
TEST(CallTargetPairs, ADerivedClassReachesTheMethodItInherits) {
  const std::string h = "class Sink {\npublic:\n    void action(char *data);\n};\nclass Loud : public Sink {\n};\n";
  const std::string sink = "#include <cstdio>\n#include \"sink.h\"\nvoid Sink::action(char *data)\n{\n    printf(data);\n}\n";
  const auto main_cpp = [](std::string_view fill) {
    return "#include <cstdlib>\n#include <cstring>\n#include \"sink.h\"\nvoid run()\n{\n    char buffer[100] = \"\";\n"
           "    char *data = buffer;\n    " + std::string(fill) + "\n    Loud *o = new Loud;\n    o->action(data);\n}\n";
  };
  expect_tree_pairs("CODE-2", {{"through a derived class",
                                {{"src/sink.h", h, ""}, {"src/sink.cpp", sink, ""}, {"src/main.cpp", main_cpp(from_env), ""}},
                                {{"src/sink.h", h, ""}, {"src/sink.cpp", sink, ""}, {"src/main.cpp", main_cpp(from_literal), ""}}}});
}

// An object made by a factory (`Base *o = make_sink();`) is of no class the caller says: its
// calls stay keyed by the method's name and reach every class's sink, so a literal password sent
// through it is still found.
TEST(CallTargetPairs, AFactorysObjectIsOfNoKnownClass) {
  const std::string h = "class Authenticator {\npublic:\n    virtual void action(char *password) = 0;\n};\n"
                        "class ServiceLogon : public Authenticator {\npublic:\n    void action(char *password);\n};\n";
  const std::string logon = "#include <windows.h>\n#include \"auth.h\"\nvoid ServiceLogon::action(char *password)\n{\n"
                            "    HANDLE token;\n    LogonUserA(\"svc\", \"PUMP\", password, LOGON32_LOGON_NETWORK, "
                            "LOGON32_PROVIDER_DEFAULT, &token);\n}\n";
  const auto main_cpp = [](std::string_view fill) {
    return "#include <cstdio>\n#include <cstring>\n#include \"auth.h\"\nAuthenticator *make_authenticator();\n"
           "void run()\n{\n    char buffer[100] = \"\";\n    " + std::string(fill) +
           "\n    Authenticator *a = make_authenticator();\n    a->action(buffer);\n}\n";
  };
  const auto files = [&](const std::string& main) {
    return std::vector<SnippetFile>{{"src/auth.h", h, ""}, {"src/logon.cpp", logon, ""}, {"src/main.cpp", main, ""}};
  };
  expect_tree_pairs("CRYPTO-4", {{"a literal through a factory's object", files(main_cpp("strcpy(buffer, \"Pump2024!\");")),
                                  files(main_cpp("if (fgets(buffer, 100, stdin) == NULL) return;"))}});
}

// CRYPTO-4: a literal password given to one class's logon sink; the fixed twin reads it.
TEST(CallTargetPairs, HardcodedPasswords) {
  const std::string h =
      "class Authenticator {\npublic:\n    virtual ~Authenticator() {}\n    virtual void action(char *password) = 0;\n};\n"
      "class ServiceLogon : public Authenticator {\npublic:\n    void action(char *password);\n};\n"
      "class UserLogon : public Authenticator {\npublic:\n    void action(char *password);\n};\n";
  const auto logon = [](std::string_view cls) {
    return "#include <windows.h>\n#include \"auth.h\"\nvoid " + std::string(cls) +
           "::action(char *password)\n{\n    HANDLE token;\n"
           "    if (LogonUserA(\"svc\", \"PUMP\", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))\n"
           "        CloseHandle(token);\n}\n";
  };
  const auto main_cpp = [](std::string_view service_fill, std::string_view user_fill) {
    std::string out = "#include <cstdio>\n#include <cstring>\n#include \"auth.h\"\n";
    for (const auto& [fn, cls, fill] : {std::tuple{"service", "ServiceLogon", service_fill}, std::tuple{"user", "UserLogon", user_fill}})
      out += std::string("void ") + fn + "()\n{\n    char password[100] = \"\";\n    " + std::string(fill) +
             "\n    Authenticator *a = new " + cls + ";\n    a->action(password);\n    delete a;\n}\n";
    return out;
  };
  constexpr std::string_view literal = "strcpy(password, \"Pump2024!\");";
  constexpr std::string_view typed = "if (fgets(password, 100, stdin) == NULL) return;";
  const auto files = [&](const std::string& main) {
    return std::vector<SnippetFile>{{"src/auth.h", h, ""},
                                    {"src/service_logon.cpp", logon("ServiceLogon"), ""},
                                    {"src/user_logon.cpp", logon("UserLogon"), ""},
                                    {"src/main.cpp", main, ""}};
  };
  expect_tree_pairs("CRYPTO-4", {{"a literal through one class", files(main_cpp(literal, typed)), files(main_cpp(typed, typed))}});
  // The caller's strcpy of the literal is its own finding; of the sinks only ServiceLogon's.
  const auto findings =
      test::only(test::inspect_tree(files(main_cpp(literal, typed))).findings, "CRYPTO-4/literal-key-argument");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].path, "src/service_logon.cpp");
}

// Through a local function pointer set to one sink, in another file.
TEST(CallTargetPairs, FunctionPointers) {
  const std::string sinks = "#include <stdio.h>\nvoid print_sink(char *data) { printf(data); }\n"
                            "void quiet_sink(char *data) { printf(data); }\n";
  const auto main_c = [](std::string_view print_fill, std::string_view quiet_fill) {
    std::string out = "#include <stdlib.h>\n#include <string.h>\nvoid print_sink(char *data);\nvoid quiet_sink(char *data);\n";
    for (const auto& [fn, target, fill] : {std::tuple{"to_print", "print_sink", print_fill}, std::tuple{"to_quiet", "quiet_sink", quiet_fill}})
      out += std::string("void ") + fn + "(void)\n{\n    char buffer[100] = \"\";\n    char *data = buffer;\n" +
             "    void (*sink)(char *) = " + target + ";\n    " + std::string(fill) + "\n    sink(data);\n}\n";
    return out;
  };
  const auto files = [&](const std::string& main) {
    return std::vector<SnippetFile>{{"src/main.c", main, ""}, {"src/sinks.c", sinks, ""}};
  };
  expect_tree_pairs("CODE-2", {{"input through a pointer to one sink", files(main_c(from_env, from_literal)),
                                files(main_c(from_literal, from_literal))}});
  const auto findings = test::only(test::inspect_tree(files(main_c(from_env, from_literal))).findings, "CODE-2");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].line, 2u);  // print_sink's printf, not quiet_sink's

  const std::string logon = "#include <windows.h>\nvoid logon_sink(char *data)\n{\n    HANDLE token;\n"
                            "    if (LogonUserA(\"svc\", \"PUMP\", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))\n"
                            "        CloseHandle(token);\n}\n";
  const auto caller_c = [](std::string_view fill) {
    return "#include <stdio.h>\n#include <string.h>\nvoid logon_sink(char *data);\nvoid run(void)\n{\n"
           "    char buffer[100] = \"\";\n    char *data = buffer;\n    void (*sink)(char *) = &logon_sink;\n    " +
           std::string(fill) + "\n    sink(data);\n}\n";
  };
  expect_tree_pairs("CRYPTO-4", {{"a literal password through a function pointer",
                                  {{"src/main.c", caller_c("strcpy(data, \"Pump2024!\");"), ""}, {"src/logon.c", logon, ""}},
                                  {{"src/main.c", caller_c("if (fgets(data, 100, stdin) == NULL) return;"), ""},
                                   {"src/logon.c", logon, ""}}}});
}

}  // namespace
}  // namespace mdbc::source
