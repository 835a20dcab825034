// SBOM-1/SBOM-2 after all stages: version comparison, OSV parsing and matching, end-of-life,
// versions merged into vendored trees, and components without a version.
#include "inspect/sbom/component_review.h"

#include <gtest/gtest.h>

#include "core/code_book.h"
#include "core/error.h"
#include "inspect/sbom/component_names.h"
#include "inspect/sbom/osv.h"
#include "inspect/sbom/version.h"
#include "support/run.h"

namespace mdbc::sbom {
namespace {

TEST(CompareVersions, AsSuppliersWriteThem) {
  const std::pair<const char*, const char*> ascending[] = {
      {"1.1.0", "1.1.1"},      {"1.1.1", "1.1.1w"},       {"1.1.1w", "1.1.2"},   {"3.0.9", "3.0.11"},
      {"1.2", "1.2.1"},        {"3.0.0-alpha1", "3.0.0"}, {"3.0.0-rc1", "3.0.0-rc2"},
      {"2023.01-rc2", "2023.01"}, {"9.2", "9.2p1"},       {"9.2p1", "9.3"},      {"2.28.9", "2.28.10"},
      {"v1.0", "1.0.1"},       {"0", "0.0.1"},
  };
  for (const auto& [a, b] : ascending) {
    EXPECT_LT(compare_versions(a, b), 0) << a << " < " << b;
    EXPECT_GT(compare_versions(b, a), 0) << b << " > " << a;
  }
  EXPECT_EQ(compare_versions("3.5.2", "3.5.2"), 0);
  EXPECT_EQ(compare_versions("v3.5.2", "3.5.2+build7"), 0);
  EXPECT_EQ(compare_versions("1.02", "1.2"), 0);
}

TEST(ComponentNames, PurlsAndVersions) {
  EXPECT_EQ(generic_purl("mbedtls", "3.5.2"), "pkg:generic/mbedtls@3.5.2");
  EXPECT_EQ(generic_purl("STM32F4xx-HAL-Driver", ""), "pkg:generic/stm32f4xx-hal-driver");
  EXPECT_EQ(generic_purl("linux", "6.1.0+deb12"), "pkg:generic/linux@6.1.0%2Bdeb12");
  EXPECT_TRUE(plausible_version("1.1.1w"));
  EXPECT_TRUE(plausible_version("2022.83"));
  EXPECT_FALSE(plausible_version("V10.4.6"));
  EXPECT_FALSE(plausible_version(""));
  EXPECT_FALSE(plausible_version("1.0 beta"));
  EXPECT_FALSE(plausible_version(std::string(41, '1')));
  EXPECT_TRUE(is_vetted_crypto_library("mbedtls"));
  EXPECT_FALSE(is_vetted_crypto_library("lwip"));
}

Component component(std::string name, std::string version, std::string path = "lib") {
  Component c;
  c.name = std::move(name);
  c.version = std::move(version);
  c.path = std::move(path);
  c.evidence = "seen at " + c.path;
  return c;
}

TEST(Osv, ShapesAndMatching) {
  const auto single = parse_osv(R"({"id": "A-1", "affected": [{"package": {"name": "zlib"}, "versions": ["1.2.11"]}]})", "f.json");
  ASSERT_EQ(single.size(), 1u);
  const auto list = parse_osv(R"([{"id": "A-1"}, {"id": "A-2", "aliases": ["CVE-1"]}])", "f.json");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[1].aliases, std::vector<std::string>{"CVE-1"});
  const auto wrapped = parse_osv(R"({"vulns": [{"id": "A-1"}]})", "f.json");
  ASSERT_EQ(wrapped.size(), 1u);
  std::string fixed;
  EXPECT_TRUE(affects(single[0], component("zlib", "1.2.11"), fixed));
  EXPECT_FALSE(affects(single[0], component("zlib", "1.2.13"), fixed));
  EXPECT_FALSE(affects(single[0], component("zlib", ""), fixed)) << "no version: nothing to match";

  const auto ranged = parse_osv(R"({"id": "R", "affected": [
      {"package": {"purl": "pkg:github/Mbed-TLS/mbedtls"}, "ranges": [
        {"type": "GIT", "repo": "x", "events": [{"introduced": "abc"}]},
        {"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.28.5"}, {"introduced": "3.0.0"}, {"fixed": "3.5.1"}]}]},
      {"package": {"name": "openssl"}, "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "3.0.0"}, {"last_affected": "3.0.7"}]}]}]})",
                                "f.json")[0];
  EXPECT_TRUE(affects(ranged, component("mbedtls", "2.28.4"), fixed));
  EXPECT_EQ(fixed, "2.28.5");
  EXPECT_FALSE(affects(ranged, component("mbedtls", "2.28.5"), fixed));
  EXPECT_TRUE(affects(ranged, component("mbedtls", "3.4.0"), fixed));
  EXPECT_EQ(fixed, "3.5.1");
  EXPECT_FALSE(affects(ranged, component("mbedtls", "3.5.2"), fixed));
  EXPECT_TRUE(affects(ranged, component("openssl", "3.0.7"), fixed));
  EXPECT_FALSE(affects(ranged, component("openssl", "3.0.8"), fixed));
  EXPECT_FALSE(affects(ranged, component("openssl", "1.1.1w"), fixed));
  EXPECT_FALSE(affects(ranged, component("wolfssl", "3.4.0"), fixed));
}

TEST(Osv, HostileInputNamesTheFile) {
  const char* bad[] = {"", "{", "[1, 2]", R"({"id": 1})", R"({"vulns": {}})", R"({"id": "x", "affected": {}})",
                       R"({"id": "x", "affected": [{"ranges": [{"type": "SEMVER"}]}]})",
                       R"({"id": "x", "affected": [{"ranges": [{"type": "SEMVER", "events": [{"fixed": 1}]}]}]})",
                       R"({"id": "x", "affected": [{"ranges": [{"type": "SEMVER", "events": [{"fixed": "1", "introduced": "0"}]}]}]})"};
  for (const char* text : bad) {
    try {
      parse_osv(text, "vulns.json");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const InputError& e) {
      EXPECT_NE(std::string(e.what()).find("vulns.json: "), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(parse_osv(std::string(200000, '[') + std::string(200000, ']'), "deep.json"), InputError);
  EXPECT_THROW(load_osv("/nonexistent/osv.json"), InputError);
}

class Review : public ::testing::Test {
 protected:
  Inspection run(std::vector<Component> components, std::string date, std::string vulns = {}, Config config = {}) {
    Inspection in;
    in.code = &CodeBook::builtin();
    in.profile = in.code->profile("C-connected");
    in.date = std::move(date);
    in.components = std::move(components);
    options.vulns_path = std::move(vulns);
    config_ = std::move(config);
    const RunContext ctx{*in.code, *in.profile, config_, options};
    review_components(in, ctx);
    return in;
  }
  static std::vector<std::string> rules(const Inspection& in) {
    std::vector<std::string> out;
    for (const auto& f : in.findings) out.push_back(f.rule + " " + f.path);
    std::sort(out.begin(), out.end());
    return out;
  }
  InspectOptions options;
  Config config_;
};

TEST_F(Review, VersionHeadersCompleteTheirTrees) {
  auto in = run({component("mbedtls", "", "third_party/mbedtls"),
                 component("mbedtls", "3.6.1", "third_party/mbedtls/include/mbedtls/build_info.h"),
                 component("lwip", "", "lib/lwip"), component("lwip", "2.1.3", "other/lwip/init.h")},
                "2025-06-15");
  ASSERT_EQ(in.components.size(), 3u);  // sorted by name, version, path
  EXPECT_EQ(in.components[2].name, "mbedtls");
  EXPECT_EQ(in.components[2].path, "third_party/mbedtls");
  EXPECT_EQ(in.components[2].version, "3.6.1");
  EXPECT_EQ(in.components[2].purl, "pkg:generic/mbedtls@3.6.1");
  EXPECT_NE(in.components[2].evidence.find("build_info.h"), std::string::npos);
  EXPECT_EQ(in.components[0].path, "lib/lwip");
  EXPECT_EQ(in.components[0].version, "");
  // The lwIP header outside the lwIP tree does not name the tree's version.
  EXPECT_EQ(rules(in), std::vector<std::string>{"SBOM-1/component-without-version lib/lwip"});
}

TEST_F(Review, EndOfLifeOnTheInspectionDate) {
  const std::vector<Component> cs = {component("openssl", "1.1.1w"), component("openssl", "3.0.13", "b"),
                                     component("mbedtls", "2.28.8", "c"), component("mbedtls", "2.16.12", "d"),
                                     component("mbedtls", "3.6.0", "e"), component("zlib", "1.2.13", "f")};
  EXPECT_EQ(rules(run(cs, "2023-06-01")), std::vector<std::string>{"SBOM-2/end-of-life d"});
  EXPECT_EQ(rules(run(cs, "2025-06-15")),
            (std::vector<std::string>{"SBOM-2/end-of-life c", "SBOM-2/end-of-life d", "SBOM-2/end-of-life lib"}));
  EXPECT_EQ(rules(run(cs, "2026-09-07")).size(), 4u) << "OpenSSL 3.0 LTS ends on 2026-09-07";
}

TEST_F(Review, KnownVulnerabilitiesIncludingDeclaredComponents) {
  test::TempDir dir;
  const auto osv = dir.write("osv.json", R"([{"id": "OSV-1", "aliases": ["CVE-2022-37434"], "summary": "inflate overflow",
      "affected": [{"package": {"name": "zlib"}, "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.2.12.1"}]}]}]}])");
  Config config;
  config.components.push_back(component("zlib", "1.2.11", "vendor/zlib"));
  const auto in = run({component("zlib", "1.2.13", "lib/zlib")}, "2025-06-15", osv.string(), config);
  ASSERT_EQ(rules(in), std::vector<std::string>{"SBOM-2/known-vulnerable vendor/zlib"});
  EXPECT_NE(in.findings[0].message.find("CVE-2022-37434"), std::string::npos);
  EXPECT_NE(in.findings[0].message.find("fixed in 1.2.12.1"), std::string::npos);
  EXPECT_TRUE(in.findings[0].component.empty()) << "the device maker's finding";
}

}  // namespace
}  // namespace mdbc::sbom
