// The CycloneDX 1.5 SBOM over a hand-made inspection: deterministic serial number, unique refs,
// components with versions, package URLs and evidence, and the CycloneDX library's validator
// accepts it.
#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "report/report.h"
#include "report/sample_inspection.h"
#include "report/validators.h"

namespace mdbc::report {
namespace {

using J = nlohmann::json;

class CycloneDx : public ::testing::Test {
 protected:
  Inspection in = test::sample_inspection();
  std::string text = cyclonedx(in);
  J bom = J::parse(text);
};

TEST_F(CycloneDx, IsCycloneDx15WithoutTimestamp) {
  EXPECT_EQ(bom["bomFormat"], "CycloneDX");
  EXPECT_EQ(bom["specVersion"], "1.5");
  EXPECT_EQ(bom["version"], 1);
  EXPECT_FALSE(bom["metadata"].contains("timestamp"));
  EXPECT_EQ(bom["metadata"]["tools"]["components"][0]["name"], "mdbc");
  EXPECT_EQ(bom["metadata"]["component"]["name"], "infusion-pump");
}

TEST_F(CycloneDx, SerialNumberIsANameBasedUuidOfTheInputs) {
  const std::string serial = bom["serialNumber"];
  // RFC 9562 version 8 (name-based over SHA-256), RFC 4122 variant.
  EXPECT_TRUE(std::regex_match(serial, std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")))
      << serial;
  EXPECT_EQ(J::parse(cyclonedx(test::sample_inspection()))["serialNumber"], serial);
  Inspection other = test::sample_inspection();
  other.inputs_sha256[0] = 'a';
  EXPECT_NE(J::parse(cyclonedx(other))["serialNumber"], serial);
}

TEST_F(CycloneDx, ListsEveryComponentWithUniqueRefs) {
  ASSERT_EQ(bom["components"].size(), in.components.size());
  std::set<std::string> refs{bom["metadata"]["component"]["bom-ref"].get<std::string>()};
  for (const auto& c : bom["components"]) EXPECT_TRUE(refs.insert(c["bom-ref"].get<std::string>()).second);
  const auto& deps = bom["dependencies"][0];
  EXPECT_EQ(deps["ref"], bom["metadata"]["component"]["bom-ref"]);
  EXPECT_EQ(deps["dependsOn"].size(), in.components.size());
}

TEST_F(CycloneDx, ComponentsCarryVersionPurlTypeAndEvidence) {
  const J* mbedtls = nullptr;
  const J* freertos = nullptr;
  for (const auto& c : bom["components"]) (c["name"] == "mbedtls" ? mbedtls : freertos) = &c;
  ASSERT_NE(mbedtls, nullptr);
  ASSERT_NE(freertos, nullptr);
  EXPECT_EQ((*mbedtls)["type"], "library");
  EXPECT_EQ((*mbedtls)["version"], "3.5.2");
  EXPECT_EQ((*mbedtls)["purl"], "pkg:github/Mbed-TLS/mbedtls@3.5.2");
  EXPECT_EQ((*mbedtls)["evidence"]["occurrences"][0]["location"], "third_party/mbedtls");
  EXPECT_EQ((*freertos)["type"], "operating-system");
  EXPECT_FALSE(freertos->contains("version"));
  EXPECT_FALSE(freertos->contains("purl"));
  bool counted = false;
  for (const auto& p : (*mbedtls)["properties"])
    if (p["name"] == "mdbc:findings") counted = p["value"] == "1";
  EXPECT_TRUE(counted);
}

TEST_F(CycloneDx, IsDeterministic) { EXPECT_EQ(cyclonedx(test::sample_inspection()), text); }

TEST_F(CycloneDx, PassesTheCycloneDxValidator) {
  test::TempDir dir;
  const auto r = test::validate_cyclonedx(dir.write("sbom.cdx.json", text));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST_F(CycloneDx, HostileComponentNamesStayValidJson) {
  Inspection hostile = test::sample_inspection();
  hostile.components.push_back({std::string("lib\xff\x01name"), "1.0\n", "vendor/\\xffx", "evidence \x80", ""});
  const std::string out = cyclonedx(hostile);
  const J parsed = J::parse(out);  // throws on invalid UTF-8
  EXPECT_NE(out.find("lib\\\\xff\\\\x01name"), std::string::npos) << out;
  test::TempDir dir;
  const auto r = test::validate_cyclonedx(dir.write("sbom.cdx.json", out));
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
}

TEST(CycloneDxValidator, RejectsABrokenSbom) {
  test::TempDir dir;
  const J bom = J::parse(cyclonedx(test::sample_inspection()));
  J wrong_type = bom;
  wrong_type["components"][0]["type"] = "gadget";
  J no_name = bom;
  no_name["components"][0].erase("name");
  J bad_serial = bom;
  bad_serial["serialNumber"] = "urn:uuid:not-a-uuid";
  J bad_purl = bom;
  bad_purl["components"][1]["purl"] = "pkg:/no-type";
  J duplicate_ref = bom;
  duplicate_ref["components"][1]["bom-ref"] = bom["components"][0]["bom-ref"];
  for (const J& broken : {wrong_type, no_name, bad_serial, bad_purl, duplicate_ref}) {
    const auto r = test::validate_cyclonedx(dir.write("broken.cdx.json", broken.dump()));
    EXPECT_EQ(r.exit_code, 1) << broken.dump() << "\n" << r.err;
    EXPECT_FALSE(r.err.empty());
  }
}

}  // namespace
}  // namespace mdbc::report
