// The two infusion-pump examples, inspected by the real binary: the violating one must fail with
// a finding for every element it violates on purpose (examples/infusion-pump/README.md), and its
// compliant twin must meet the code with no error or warning in the maker's own code.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/run.h"

namespace {

using nlohmann::json;

struct Inspected {
  int exit_code = -1;
  json report;
  std::map<std::string, std::string> verdict;  // element id -> verdict
};

Inspected inspect_example(const std::string& name) {
  const auto root = mdbc::test::source_dir() / "examples" / name;
  const auto r = mdbc::test::mdbc({"inspect", "--format", "json", "--quiet", root.string()});
  Inspected out;
  out.exit_code = r.exit_code;
  out.report = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(out.report.is_discarded()) << "not JSON; stderr: " << r.err;
  if (out.report.is_discarded()) return out;
  for (const auto& v : out.report["verdicts"]) out.verdict[v["element"].get<std::string>()] = v["verdict"].get<std::string>();
  return out;
}

bool in_makers_code(const json& finding) { return finding["component"].is_null(); }

// Elements examples/infusion-pump violates on purpose, one or more clear instances each.
const std::vector<std::string> deliberately_violated = {
    "CODE-1", "CODE-2", "CODE-3",   "CODE-4",   "CODE-5",   "LANG-2", "CRYPTO-1", "CRYPTO-2", "CRYPTO-3",
    "CRYPTO-4", "RNG-1", "RNG-2",  "RNG-3",    "LOG-2",    "LOG-3",  "HARD-3",   "FW-4",
};

TEST(ExamplesTest, ViolatingPumpFailsEveryElementItViolatesThatIsInspected) {
  const Inspected pump = inspect_example("infusion-pump");
  ASSERT_FALSE(pump.report.is_discarded());
  EXPECT_EQ(pump.exit_code, 1);
  EXPECT_FALSE(pump.report["meets_code"].get<bool>());
  EXPECT_EQ(pump.report["profile"].get<std::string>(), "C-connected");

  // The source stage decides at least the banned functions; without that this test shows nothing.
  ASSERT_TRUE(pump.verdict.count("CODE-1"));
  EXPECT_NE(pump.verdict.at("CODE-1"), "not inspected");

  for (const auto& element : deliberately_violated) {
    SCOPED_TRACE(element);
    ASSERT_TRUE(pump.verdict.count(element)) << "no verdict row";
    if (pump.verdict.at(element) == "not inspected") continue;  // no rule decides it yet
    int findings = 0;
    for (const auto& f : pump.report["findings"])
      if (f["element"] == element && in_makers_code(f)) ++findings;
    EXPECT_GE(findings, 1) << "no finding in the maker's own code";
    EXPECT_EQ(pump.verdict.at(element), "fail");
  }
}

TEST(ExamplesTest, CompliantPumpMeetsTheCodeWithoutErrorsOrWarnings) {
  const Inspected pump = inspect_example("infusion-pump-compliant");
  ASSERT_FALSE(pump.report.is_discarded());
  EXPECT_EQ(pump.exit_code, 0);
  EXPECT_TRUE(pump.report["meets_code"].get<bool>());
  EXPECT_EQ(pump.report["profile"].get<std::string>(), "C-connected");
  for (const auto& f : pump.report["findings"]) {
    if (!in_makers_code(f)) continue;
    EXPECT_EQ(f["severity"].get<std::string>(), "note") << f["rule"].get<std::string>() << " at " << f["path"].get<std::string>() << ":"
                                     << f.value("line", 0) << ": " << f["message"].get<std::string>();
  }
}

TEST(ExamplesTest, CompliantTwinPassesEveryElementTheViolatingPumpFails) {
  const Inspected bad = inspect_example("infusion-pump");
  const Inspected good = inspect_example("infusion-pump-compliant");
  ASSERT_FALSE(bad.report.is_discarded());
  ASSERT_FALSE(good.report.is_discarded());
  for (const auto& element : deliberately_violated) {
    SCOPED_TRACE(element);
    if (!bad.verdict.count(element) || bad.verdict.at(element) != "fail") continue;
    ASSERT_TRUE(good.verdict.count(element));
    EXPECT_EQ(good.verdict.at(element), "pass");
  }
}

}  // namespace
