// The source rules through the real binary: LANG-1's inventory in the JSON summary and the text
// report, and a tree that shows each of LANG-2, CODE-1 … CODE-5 failing and its fixed twin passing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run.h"

namespace mdbc::test {
namespace {

using nlohmann::json;

std::string verdict(const json& report, const std::string& element) {
  for (const auto& v : report["verdicts"])
    if (v["element"] == element) return v["verdict"];
  return "missing";
}

TEST(SourceRules, LanguageInventoryInJsonAndText) {
  TempDir dir;
  dir.write("src/main.c", "int main(void)\n{\n  return 0;\n}\n");
  dir.write("tools/gen.rs", "fn main() {\n}\n");
  const RunResult r = mdbc({"inspect", "--format", "json", dir.path().string()});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  const json report = json::parse(r.out);
  const json& langs = report["summary"]["languages"];
  EXPECT_EQ(langs["C"]["files"], 1);
  EXPECT_EQ(langs["C"]["lines"], 4);
  EXPECT_EQ(langs["Rust"]["lines"], 2);
  EXPECT_DOUBLE_EQ(langs["memory_safe_share"].get<double>(), 0.3333);
  const RunResult text = mdbc({"inspect", dir.path().string()});
  EXPECT_NE(text.out.find("Languages: C 1 files 4 lines, Rust 1 files 2 lines; memory-safe 33.3%"), std::string::npos)
      << text.out;
}

TEST(SourceRules, EachElementFailsOnItsViolationAndPassesOnTheFix) {
  TempDir bad, good;
  bad.write("src/pump.c",
            "#include <stdio.h>\n"
            "int rate(const char *s) { return atoi(s); }\n"
            "void show(char *out, const char *msg) { strcpy(out, msg); printf(msg); system(msg); }\n"
            "int depth(int n) { return n ? depth(n - 1) : 0; }\n");
  good.write("src/pump.c",
             "#include <stdio.h>\n"
             "#include <stdlib.h>\n"
             "long rate(const char *s) { char *end; return strtol(s, &end, 10); }\n"
             "void show(char *out, unsigned n, const char *msg) { snprintf(out, n, \"%s\", msg); printf(\"%s\", msg); }\n"
             "int depth(int n) { int d = 0; while (n-- > 0) ++d; return d; }\n");
  good.write(".clang-tidy", "Checks: 'bugprone-*'\n");
  good.write("fuzz/fuzz_pump.c",
             "#include \"../src/pump.c\"\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return 0; }\n");
  const json b = json::parse(mdbc({"inspect", "--format", "json", bad.path().string()}).out);
  const json g = json::parse(mdbc({"inspect", "--format", "json", good.path().string()}).out);
  for (const char* element : {"LANG-2", "CODE-1", "CODE-2", "CODE-3", "CODE-4", "CODE-5"}) {
    EXPECT_EQ(verdict(b, element), "fail") << element;
    EXPECT_EQ(verdict(g, element), "pass") << element;
  }
}

// Values that cross files, through the binary on several threads: a format sink whose only caller
// in another file passes a literal is silent, a password sink given a literal from another file is
// reported at the sink naming the caller, a log sink given a password likewise; the same bytes on
// every run.
TEST(SourceRules, ValuesCrossFilesDeterministically) {
  TempDir dir;
  dir.write("src/main.c",
            "#include <string.h>\n#define PASSWORD \"ABCD1234!\"\n"
            "void show_sink(char *data);\nvoid logon_sink(char *password);\nvoid note_sink(char *data);\n"
            "void run(char *password)\n{\n    char buffer[64] = \"\";\n    strcpy(buffer, PASSWORD);\n"
            "    show_sink(\"ready\\n\");\n    logon_sink(buffer);\n    note_sink(password);\n}\n");
  dir.write("src/show.c", "#include <stdio.h>\nvoid show_sink(char *data)\n{\n    printf(data);\n}\n");
  dir.write("src/logon.c",
            "#include <windows.h>\nvoid logon_sink(char *password)\n{\n    HANDLE t;\n"
            "    LogonUserA(\"admin\", \"pump\", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &t);\n}\n");
  dir.write("src/note.c", "#include <stdio.h>\nvoid note_sink(char *data)\n{\n    printf(\"%s\\n\", data);\n}\n");
  const RunResult first = mdbc({"inspect", "--jobs", "4", "--format", "json", dir.path().string()});
  ASSERT_EQ(first.exit_code, 1) << first.err;
  const json report = json::parse(first.out);
  std::vector<std::string> found;
  for (const auto& f : report["findings"]) {
    const std::string element = f["element"];
    if (f["path"] != "src/main.c" && (element == "CODE-2" || element == "CRYPTO-4" || element == "LOG-3"))
      found.push_back(f["rule"].get<std::string>() + " " + f["path"].get<std::string>());
  }
  EXPECT_EQ(found, (std::vector<std::string>{"CRYPTO-4/literal-key-argument src/logon.c", "LOG-3/secret-logged src/note.c"}));
  for (const auto& f : report["findings"]) {
    if (f["path"] == "src/logon.c" || f["path"] == "src/note.c") {
      EXPECT_NE(f["message"].get<std::string>().find("src/main.c:"), std::string::npos) << f["message"];
    }
  }
  for (int run = 0; run < 3; ++run)
    EXPECT_EQ(mdbc({"inspect", "--jobs", "4", "--format", "json", dir.path().string()}).out, first.out);
}

}  // namespace
}  // namespace mdbc::test
