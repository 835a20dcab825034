// `mdbc inspect --sbom FILE` writes a CycloneDX 1.5 SBOM that the CycloneDX library's validator
// accepts, alongside the report, and agrees with the report's components.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/validators.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

class SbomOption : public ::testing::Test {
 protected:
  void SetUp() override {
    dir.write("infusion-pump/src/main.c", "int main(void) { return 0; }\n");
    dir.write("infusion-pump/third_party/mbedtls/include/mbedtls/build_info.h",
              "#define MBEDTLS_VERSION_NUMBER 0x03050200\n#define MBEDTLS_VERSION_STRING \"3.5.2\"\n");
    dir.write("infusion-pump/third_party/mbedtls/library/aes.c", "int mbedtls_aes_self_test(int v) { return v; }\n");
  }
  RunResult inspect(std::vector<std::string> extra) {
    std::vector<std::string> args{"inspect", "--quiet", "--date", "2025-06-15"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back((dir.path() / "infusion-pump").string());
    return mdbc(args);
  }
  TempDir dir;
};

TEST_F(SbomOption, WritesAValidSbomBesideTheReport) {
  const auto sbom = dir.path() / "sbom.cdx.json";
  const RunResult r = inspect({"--sbom", sbom.string()});
  ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  EXPECT_NE(r.out.find("Inputs SHA-256"), std::string::npos);  // the text report still goes to stdout
  const RunResult v = validate_cyclonedx(sbom);
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
  const auto bom = nlohmann::json::parse(read_text(sbom));
  EXPECT_EQ(bom["specVersion"], "1.5");
  EXPECT_EQ(bom["metadata"]["component"]["name"], "infusion-pump");
}

TEST_F(SbomOption, AgreesWithTheReportAndIsDeterministic) {
  const auto first = dir.path() / "a.cdx.json";
  const auto second = dir.path() / "b.cdx.json";
  const RunResult json = inspect({"--format", "json", "--sbom", first.string()});
  inspect({"--sbom", second.string()});
  EXPECT_EQ(read_text(first), read_text(second));
  const auto report = nlohmann::json::parse(json.out);
  const auto bom = nlohmann::json::parse(read_text(first));
  ASSERT_EQ(bom["components"].size(), report["components"].size());
  for (size_t i = 0; i < bom["components"].size(); ++i) {
    EXPECT_EQ(bom["components"][i]["name"], report["components"][i]["name"]);
    EXPECT_EQ(bom["components"][i].value("version", ""), report["components"][i]["version"]);
  }
  EXPECT_TRUE(bom["serialNumber"].get<std::string>().starts_with("urn:uuid:"));
  bool digest = false;
  for (const auto& p : bom["metadata"]["component"]["properties"])
    digest = digest || (p["name"] == "mdbc:inputs_sha256" && p["value"] == report["inputs_sha256"]);
  EXPECT_TRUE(digest);
}

TEST_F(SbomOption, RecognisesTheVendoredLibrary) {
  // Needs the SBOM-1 source recognisers: mbedTLS with its version macro.
  const auto sbom = dir.path() / "sbom.cdx.json";
  inspect({"--sbom", sbom.string()});
  const auto bom = nlohmann::json::parse(read_text(sbom));
  bool mbedtls = false;
  for (const auto& c : bom["components"]) mbedtls = mbedtls || (c.value("version", "") == "3.5.2");
  EXPECT_TRUE(mbedtls) << bom.dump(2);
  EXPECT_EQ(validate_cyclonedx(sbom).exit_code, 0);
}

TEST_F(SbomOption, UsageErrors) {
  EXPECT_EQ(inspect({"--sbom", "-"}).exit_code, 2);
  EXPECT_EQ(inspect({"--sbom="}).exit_code, 2);
  const RunResult unwritable = inspect({"--sbom", (dir.path() / "no/such/dir/sbom.json").string()});
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_NE(unwritable.err.find("sbom.json"), std::string::npos) << unwritable.err;
}

}  // namespace
}  // namespace mdbc::test
