// The two infusion-pump examples, inspected by the real binary: the violating one must fail with
// a finding for every element it violates on purpose (examples/infusion-pump/README.md), and its
// compliant twin must meet the code with no error or warning in the maker's own code.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "support/run.h"

namespace {

using nlohmann::json;

struct Inspected {
  int exit_code = -1;
  json report;
  std::map<std::string, std::string> verdict;  // element id -> verdict
};

// The JSON report of an inspection and its verdicts by element.
Inspected inspected(const mdbc::test::RunResult& r) {
  Inspected out;
  out.exit_code = r.exit_code;
  out.report = json::parse(r.out, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(out.report.is_discarded()) << "not JSON; stderr: " << r.err;
  if (out.report.is_discarded()) return out;
  for (const auto& v : out.report["verdicts"]) out.verdict[v["element"].get<std::string>()] = v["verdict"].get<std::string>();
  return out;
}

Inspected inspect_example(const std::string& name) {
  const auto root = mdbc::test::source_dir() / "examples" / name;
  return inspected(mdbc::test::mdbc({"inspect", "--format", "json", "--quiet", root.string()}));
}

bool in_makers_code(const json& finding) { return finding["component"].is_null(); }

// Elements examples/infusion-pump violates on purpose, one or more clear instances each.
const std::vector<std::string> deliberately_violated = {
    "CODE-1", "CODE-2", "CODE-3",   "CODE-4",   "CODE-5",   "LANG-2", "CRYPTO-1", "CRYPTO-2", "CRYPTO-3",
    "CRYPTO-4", "RNG-1", "RNG-2",  "RNG-3",    "LOG-2",    "LOG-3",  "HARD-3",   "FW-2",
    "FW-3",     "FW-4",
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

// Each twin's signed MCU update image, inspected on its own against the key its bootloader trusts
// (as scripts/demo.sh does) and inside its tree (mdbc.toml [image] trust_keys).
struct UpdateImage {
  std::string image, trusted_key;
};
const UpdateImage sample_signed = {"infusion-pump/update/pump-mcu-2.4.0.signed.bin",
                                   "infusion-pump/update/mcuboot-root-ec-p384.pub.pem"};
const UpdateImage release_signed = {"infusion-pump-compliant/update/pump-mcu-2.4.1.signed.bin",
                                    "infusion-pump-compliant/update/pump-mcu-release.pub.pem"};

Inspected inspect_image(const std::string& image, const std::string& trusted_key) {
  const auto examples = mdbc::test::source_dir() / "examples";
  const auto r = mdbc::test::mdbc({"inspect", "--format", "json", "--quiet", (examples / image).string(), "--trust-key",
                                   (examples / trusted_key).string()});
  return inspected(r);
}

std::vector<std::string> rules_of(const json& report) {
  std::vector<std::string> rules;
  for (const auto& f : report["findings"]) rules.push_back(f["rule"].get<std::string>());
  return rules;
}

TEST(ExamplesTest, SampleKeySignedUpdateImageVerifiesButFailsFw2AndFw3) {
  const Inspected img = inspect_image(sample_signed.image, sample_signed.trusted_key);
  ASSERT_FALSE(img.report.is_discarded());
  EXPECT_EQ(img.exit_code, 1);
  EXPECT_EQ(img.verdict.at("FW-1"), "pass");
  EXPECT_EQ(img.verdict.at("FW-2"), "fail");
  EXPECT_EQ(img.verdict.at("FW-3"), "fail");
  auto rules = rules_of(img.report);
  std::sort(rules.begin(), rules.end());
  EXPECT_EQ(rules, (std::vector<std::string>{"FW-2/image-sample-key", "FW-3/image-no-security-counter"}));
  const json& m = img.report["artifacts"][0]["mcuboot"];
  EXPECT_EQ(m["version"], "2.4.0+12");
  EXPECT_EQ(m["signature_type"], "ECDSA_SIG");
  EXPECT_EQ(m["hash_alg"], "sha384");
  EXPECT_EQ(m["verified"], true);
  // MCUboot's root-ec-p384.pem: the sha384 KEYHASH column of data/known-sample-keys.tsv.
  EXPECT_EQ(m["key_hash"], "85b7bd5f5dff9a03a99927adaf6ca6febde822c1a480928324a8e60323715c57"
                           "79461c496a95aee8c4f90b99779f848a");
  EXPECT_TRUE(m["sample_key"].get<std::string>().starts_with("mcu-tools/mcuboot:root-ec-p384")) << m["sample_key"];
}

TEST(ExamplesTest, ReleaseSignedUpdateImagePassesFw1To3) {
  const Inspected img = inspect_image(release_signed.image, release_signed.trusted_key);
  ASSERT_FALSE(img.report.is_discarded());
  EXPECT_EQ(img.exit_code, 0);
  EXPECT_TRUE(img.report["meets_code"].get<bool>());
  for (const char* element : {"FW-1", "FW-2", "FW-3"}) EXPECT_EQ(img.verdict.at(element), "pass") << element;
  EXPECT_TRUE(img.report["findings"].empty()) << img.report["findings"].dump();
  const json& m = img.report["artifacts"][0]["mcuboot"];
  EXPECT_EQ(m["version"], "2.4.1+17");
  EXPECT_EQ(m["signature_type"], "ECDSA_SIG");
  EXPECT_EQ(m["hash_alg"], "sha256");
  EXPECT_EQ(m["security_counter"], 0x02040001);  // --security-counter auto for 2.4.1
  EXPECT_EQ(m["verified"], true);
  EXPECT_FALSE(m.contains("sample_key"));
}

TEST(ExamplesTest, UpdateImagesFailFw1UnderTheOtherTwinsKey) {
  // A P-256 image under the P-384 key and the other way round: neither carries the hash the other
  // key's bootloader computes (SHA-384 / SHA-256), so no signature is by that key.
  for (const auto& [image, key] : {std::pair{release_signed.image, sample_signed.trusted_key},
                                   std::pair{sample_signed.image, release_signed.trusted_key}}) {
    const Inspected swapped = inspect_image(image, key);
    ASSERT_FALSE(swapped.report.is_discarded());
    EXPECT_EQ(swapped.exit_code, 1);
    EXPECT_EQ(swapped.verdict.at("FW-1"), "fail") << image;
    EXPECT_NE(swapped.report["findings"].dump().find("no signature by this key"), std::string::npos)
        << swapped.report["findings"].dump();
  }
}

TEST(ExamplesTest, TreesInspectTheirUpdateImagesWithTheKeysTheirConfigTrusts) {
  const Inspected bad = inspect_example("infusion-pump");
  const Inspected good = inspect_example("infusion-pump-compliant");
  ASSERT_FALSE(bad.report.is_discarded());
  ASSERT_FALSE(good.report.is_discarded());
  const auto image_facts = [](const Inspected& in, const std::string& path) {
    for (const auto& a : in.report["artifacts"])
      if (a["path"] == path) return a.value("mcuboot", json());
    return json();
  };
  const json bad_image = image_facts(bad, "update/pump-mcu-2.4.0.signed.bin");
  ASSERT_TRUE(bad_image.is_object()) << "the violating tree's update image was not inspected as an image";
  EXPECT_EQ(bad_image["verified"], true);
  EXPECT_EQ(bad.verdict.at("FW-1"), "pass");
  const auto bad_rules = rules_of(bad.report);
  EXPECT_NE(std::find(bad_rules.begin(), bad_rules.end(), "FW-2/image-sample-key"), bad_rules.end());
  const json good_image = image_facts(good, "update/pump-mcu-2.4.1.signed.bin");
  ASSERT_TRUE(good_image.is_object()) << "the compliant tree's update image was not inspected as an image";
  EXPECT_EQ(good_image["verified"], true);
  for (const char* element : {"FW-1", "FW-2", "FW-3"}) EXPECT_EQ(good.verdict.at(element), "pass") << element;
}

}  // namespace
