// `mdbc inspect --format sarif` on a tree with findings passes Microsoft's SARIF multitool, and the
// multitool really rejects broken SARIF (so the first test can fail).
#include <gtest/gtest.h>

#include <set>

#include <sys/stat.h>

#include <nlohmann/json.hpp>

#include "report/validators.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

class SarifReport : public ::testing::Test {
 protected:
  void SetUp() override {
    dir.write("pump/src/main.c",
              "#include <stdio.h>\n#include <string.h>\nint main(void) {\n  char buf[16], a[8];\n  gets(buf);\n"
              "  strcpy(a, buf);\n  return a[0];\n}\n");
    dir.write("pump/src/dir with space/util%41.c", "void copy(char *a, const char *b) { strcpy(a, b); }\n");
    dir.write(std::string("pump/src/bad\xff name.c"), "void g(char *b) { gets(b); }\n");
    // A FIFO is never opened: it is an input not inspected, which the log must say.
    EXPECT_EQ(::mkfifo((dir.path() / "pump/src/pipe.c").c_str(), 0644), 0);
    sarif_path = dir.path() / "out.sarif";
    result = mdbc({"inspect", "--quiet", "--date", "2025-06-15", "--format", "sarif", "-o", sarif_path.string(),
                   (dir.path() / "pump").string()});
  }
  TempDir dir;
  std::filesystem::path sarif_path;
  RunResult result;
};

TEST_F(SarifReport, PassesTheSarifMultitool) {
  ASSERT_TRUE(result.exit_code == 0 || result.exit_code == 1) << result.err;
  const Validation v = validate_sarif(sarif_path);
  ASSERT_TRUE(v.ran) << v.transcript;
  EXPECT_TRUE(v.errors.empty()) << v.transcript;
  EXPECT_TRUE(only_missing_information_uri(v.warnings)) << v.transcript;
}

TEST_F(SarifReport, CarriesTheVerdictsAndTheDecision) {
  const auto log = nlohmann::json::parse(read_text(sarif_path));
  const auto& props = log["runs"][0]["properties"];
  EXPECT_EQ(props["meets_code"], result.exit_code == 0);
  EXPECT_EQ(props["profile"], "C-connected");
  EXPECT_EQ(props["stages"], nlohmann::json::array({"source"}));
  EXPECT_FALSE(props["verdicts"].empty());
  EXPECT_TRUE(props["decision"].get<std::string>().find("the code") != std::string::npos);
}

TEST_F(SarifReport, ReportsTheBannedCallsWithValidUris) {
  // Needs the CODE-1 source rules: gets and strcpy in three files.
  const auto log = nlohmann::json::parse(read_text(sarif_path));
  std::set<std::string> uris;
  for (const auto& r : log["runs"][0]["results"])
    if (r["ruleId"].get<std::string>().starts_with("CODE-1/"))
      uris.insert(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>());
  EXPECT_EQ(uris, (std::set<std::string>{"src/main.c", "src/dir%20with%20space/util%2541.c", "src/bad%FF%20name.c"}));
}

TEST_F(SarifReport, NamesTheInputsNotInspected) {
  const auto log = nlohmann::json::parse(read_text(sarif_path));
  const auto& invocation = log["runs"][0]["invocations"][0];
  EXPECT_EQ(invocation["executionSuccessful"], true);
  ASSERT_EQ(invocation["toolExecutionNotifications"].size(), 1u);
  const auto& n = invocation["toolExecutionNotifications"][0];
  EXPECT_EQ(n["level"], "warning");
  EXPECT_EQ(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "src/pipe.c");
  EXPECT_NE(n["message"]["text"].get<std::string>().find("FIFO"), std::string::npos);
}

TEST(SarifValidator, RejectsBrokenSarif) {
  TempDir dir;
  const std::string broken[] = {
      // A result without a rule id and a message that is neither text nor id.
      R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"mdbc","version":"1"}},"results":[{"message":{}}]}]})",
      // A version that does not exist.
      R"({"version":"9.9.9","runs":[{"tool":{"driver":{"name":"mdbc"}},"results":[]}]})",
      // A ruleIndex pointing nowhere and a line number of zero.
      R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"mdbc","version":"1","rules":[]}},"results":[{"ruleId":"X/y","ruleIndex":3,"message":{"text":"m."},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.c"},"region":{"startLine":0}}}]}]}]})",
  };
  for (const auto& text : broken) {
    const Validation v = validate_sarif(dir.write("broken.sarif", text));
    EXPECT_FALSE(v.errors.empty()) << text << "\n" << v.transcript;
  }
}

}  // namespace
}  // namespace mdbc::test
