// The SARIF printer over a hand-made inspection: rules, results, locations, fingerprints,
// suppressions and run properties, and Microsoft's SARIF multitool accepts the document.
#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <sstream>

#include "report/report.h"
#include "report/sample_inspection.h"
#include "report/validators.h"

namespace mdbc::report {
namespace {

// The log as one string, for assertions over the whole of it.
std::string sarif(const Inspection& in) {
  std::ostringstream out;
  report::sarif(in, out);
  return out.str();
}

using J = nlohmann::json;

const J* result_at(const J& run, std::string_view path_fragment) {
  for (const auto& r : run["results"])
    if (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().find(path_fragment) !=
        std::string::npos)
      return &r;
  return nullptr;
}

class Sarif : public ::testing::Test {
 protected:
  Inspection in = test::sample_inspection();
  std::string text = sarif(in);
  J log = J::parse(text);
  const J& run = log["runs"][0];
};

TEST_F(Sarif, IsSarif210WithTheTool) {
  EXPECT_EQ(log["version"], "2.1.0");
  EXPECT_EQ(log["runs"].size(), 1u);
  EXPECT_EQ(run["tool"]["driver"]["name"], "mdbc");
  EXPECT_EQ(run["tool"]["driver"]["version"], tool_version);
}

TEST_F(Sarif, HasOneRuleForEveryDocumentedRuleAndEveryRuleFound) {
  std::set<std::string> ids, names;
  for (const auto& r : run["tool"]["driver"]["rules"]) {
    EXPECT_TRUE(ids.insert(r["id"]).second) << r["id"];
    EXPECT_TRUE(names.insert(r["name"]).second) << r["name"];
  }
  for (const auto& e : in.code->elements())
    for (const auto& doc : e.rules) EXPECT_TRUE(ids.count(doc.id)) << doc.id;
  for (const auto& f : in.findings) EXPECT_TRUE(ids.count(f.rule)) << f.rule;
}

TEST_F(Sarif, RulesCarryHelpCweTagsElementAndLevel) {
  const Element* code1 = in.code->element("CODE-1");
  ASSERT_NE(code1, nullptr);
  ASSERT_FALSE(code1->references.cwe.empty());
  bool seen = false;
  for (const auto& r : run["tool"]["driver"]["rules"]) {
    EXPECT_FALSE(r["shortDescription"]["text"].get<std::string>().empty()) << r["id"];
    EXPECT_FALSE(r["help"]["text"].get<std::string>().empty()) << r["id"];
    EXPECT_TRUE(std::regex_match(r["name"].get<std::string>(), std::regex("[A-Z][A-Za-z0-9]*"))) << r["name"];
    if (r["id"] != "CODE-1/banned-call") continue;
    seen = true;
    EXPECT_EQ(r["name"], "Code1BannedCall");
    const auto& tags = r["properties"]["tags"];
    for (int cwe : code1->references.cwe)
      EXPECT_NE(std::find(tags.begin(), tags.end(), "external/cwe/cwe-" + std::to_string(cwe)), tags.end()) << cwe;
    EXPECT_NE(std::find(tags.begin(), tags.end(), "CODE-1"), tags.end());
    EXPECT_NE(std::find(tags.begin(), tags.end(), "CODE"), tags.end());
    EXPECT_EQ(r["properties"]["element"], "CODE-1");
    EXPECT_EQ(r["defaultConfiguration"]["level"], to_string(code1->severity));
    EXPECT_NE(r["fullDescription"]["text"].get<std::string>().find(code1->requirement.substr(0, 30)), std::string::npos);
  }
  EXPECT_TRUE(seen);
}

TEST_F(Sarif, ResultsPointAtTheirRules) {
  ASSERT_EQ(run["results"].size(), in.findings.size());
  const auto& rules = run["tool"]["driver"]["rules"];
  for (size_t i = 0; i < in.findings.size(); ++i) {
    const auto& r = run["results"][i];
    EXPECT_EQ(r["ruleId"], in.findings[i].rule);
    EXPECT_EQ(rules[r["ruleIndex"].get<size_t>()]["id"], in.findings[i].rule);
    EXPECT_EQ(r["level"], to_string(in.findings[i].severity));
    EXPECT_EQ(r["message"]["text"], in.findings[i].message);
    EXPECT_EQ(r["partialFingerprints"]["mdbc/v1"], in.findings[i].fingerprint);
  }
}

TEST_F(Sarif, SourceLocationsHaveLinesBinaryOnesByteOffsets) {
  const J* source = result_at(run, "src/main.c");
  ASSERT_NE(source, nullptr);
  const auto& loc = (*source)["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "src/main.c");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "SRCROOT");
  EXPECT_EQ(loc["region"]["startLine"], 12);
  EXPECT_EQ(loc["region"]["startColumn"], 5);
  const J* binary = result_at(run, "bin/pump.elf");
  ASSERT_NE(binary, nullptr);
  const auto& region = (*binary)["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(region["byteOffset"], 0x1f40);
  EXPECT_FALSE(region.contains("startLine"));
  EXPECT_TRUE(run["originalUriBaseIds"]["SRCROOT"]["uri"].get<std::string>().starts_with("file:///"));
  EXPECT_TRUE(run["originalUriBaseIds"]["SRCROOT"]["uri"].get<std::string>().ends_with("/"));
}

TEST_F(Sarif, WholeFileFindingsStartAtByteZero) {
  Inspection whole = test::sample_inspection();
  whole.findings.push_back(test::sample_finding("HARD-3/missing-flag", "CMakeLists.txt", 0, "no -fstack-protector-strong", ""));
  const J run2 = J::parse(sarif(whole))["runs"][0];
  const J* r = result_at(run2, "CMakeLists.txt");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ((*r)["locations"][0]["physicalLocation"]["region"], (J{{"byteOffset", 0}}));
}

TEST_F(Sarif, HostilePathsBecomeValidUrisOfTheRealBytes) {
  const J* hostile = result_at(run, "alert");
  ASSERT_NE(hostile, nullptr);
  EXPECT_EQ((*hostile)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "src/%3Cscript%3Ealert%281%29%3C/script%3E%20%FF.c");
  for (const auto& r : run["results"])
    EXPECT_TRUE(std::regex_match(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>(),
                                 std::regex("([A-Za-z0-9._~/:-]|%[0-9A-F]{2})+")));
}

TEST_F(Sarif, AbsolutePathsBecomeFileUris) {
  Inspection abs = test::sample_inspection("/abs/dir with space/x.c");
  const J run2 = J::parse(sarif(abs))["runs"][0];
  const J* r = result_at(run2, "x.c");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ((*r)["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "file:///abs/dir%20with%20space/x.c");
  EXPECT_FALSE((*r)["locations"][0]["physicalLocation"]["artifactLocation"].contains("uriBaseId"));
}

TEST_F(Sarif, WaivedFindingsAreAcceptedExternalSuppressions) {
  const J* waived = result_at(run, "src/crypto/aes.c");
  ASSERT_NE(waived, nullptr);
  ASSERT_EQ((*waived)["suppressions"].size(), 1u);
  const auto& s = (*waived)["suppressions"][0];
  EXPECT_EQ(s["kind"], "external");
  EXPECT_EQ(s["status"], "accepted");
  const std::string justification = s["justification"];
  EXPECT_NE(justification.find("Own AES for the sensor ASIC"), std::string::npos);
  EXPECT_NE(justification.find("A. Expert"), std::string::npos);
  EXPECT_NE(justification.find("2027-06-30"), std::string::npos);
  // The expired variance suppresses nothing: the finding it would cover is open.
  const J* shell = result_at(run, "src/diag.c");
  ASSERT_NE(shell, nullptr);
  EXPECT_TRUE((*shell)["suppressions"].empty());
}

TEST_F(Sarif, ComponentFindingsNameTheirComponent) {
  const J* component = result_at(run, "third_party/mbedtls");
  ASSERT_NE(component, nullptr);
  EXPECT_EQ((*component)["properties"]["component"], "mbedtls");
  const J* own = result_at(run, "src/main.c");
  ASSERT_NE(own, nullptr);
  EXPECT_FALSE(own->contains("properties") && (*own)["properties"].contains("component"));
}

TEST_F(Sarif, RunPropertiesCarryTheDecision) {
  const auto& p = run["properties"];
  EXPECT_EQ(p["profile"], "C-connected");
  EXPECT_EQ(p["code_edition"], in.code->edition());
  EXPECT_EQ(p["meets_code"], in.meets_code);
  EXPECT_EQ(p["decision"], decision_sentence(in));
  EXPECT_EQ(p["stages"], J::array({"source", "binary"}));
  ASSERT_EQ(p["verdicts"].size(), in.verdicts.size());
  for (size_t i = 0; i < in.verdicts.size(); ++i) {
    EXPECT_EQ(p["verdicts"][i]["element"], in.verdicts[i].element->id);
    EXPECT_EQ(p["verdicts"][i]["verdict"], to_string(in.verdicts[i].verdict));
    EXPECT_EQ(p["verdicts"][i]["findings"], in.verdicts[i].findings);
    EXPECT_EQ(p["verdicts"][i]["waived"], in.verdicts[i].waived);
  }
  EXPECT_EQ(p["variances"][1]["expired"], true);
}

TEST_F(Sarif, IsDeterministic) { EXPECT_EQ(sarif(test::sample_inspection()), text); }

TEST_F(Sarif, PassesTheSarifMultitool) {
  test::TempDir dir;
  const auto file = dir.write("report.sarif", text);
  const test::Validation v = test::validate_sarif(file);
  ASSERT_TRUE(v.ran) << v.transcript;
  EXPECT_TRUE(v.errors.empty()) << v.transcript;
  EXPECT_TRUE(test::only_missing_information_uri(v.warnings)) << v.transcript;
}

}  // namespace
}  // namespace mdbc::report
