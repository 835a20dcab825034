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

}  // namespace
}  // namespace mdbc::test
