// End to end: CRYPTO-2 and SBOM-1/SBOM-2 through the real binary, on firmware built at test time
// (Cortex-M .elf/.bin/.hex and an x86-64 program) and on source trees with vendored libraries.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>

#include <nlohmann/json.hpp>

#include "inspect/crypto_tables/tables.h"
#include "support/binary_corpus.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

using nlohmann::json;

const crypto_tables::Table& table(std::string_view algorithm, std::string_view name) {
  for (const auto& t : crypto_tables::tables())
    if (t.algorithm == algorithm && t.name == name) return t;
  throw std::logic_error("no table");
}

const crypto_tables::Table& crc32() {
  for (const auto& t : crypto_tables::tables())
    if (t.algorithm == "CRC" && t.name.starts_with("CRC-32 (IEEE")) return t;
  throw std::logic_error("no CRC-32");
}

// A C array definition of a table, written by the test from the table data.
std::string c_table(const std::string& type, const std::string& name, const crypto_tables::Table& t) {
  std::string s = "const " + type + " " + name + "[" + std::to_string(t.values.size()) + "] = {";
  char buf[32];
  for (uint64_t v : t.values) {
    std::snprintf(buf, sizeof buf, "0x%llxULL,", static_cast<unsigned long long>(v));
    s += buf;
  }
  return s + "};\n";
}

json inspect_json(const std::vector<std::string>& paths, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"inspect", "--quiet", "--format", "json", "--date", "2025-06-15"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), paths.begin(), paths.end());
  const RunResult r = mdbc(args);
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
  return json::parse(r.out);
}

std::vector<json> findings(const json& report, std::string_view rule_prefix) {
  std::vector<json> out;
  for (const auto& f : report["findings"])
    if (f["rule"].get<std::string>().starts_with(rule_prefix)) out.push_back(f);
  return out;
}

std::string verdict(const json& report, std::string_view element) {
  for (const auto& v : report["verdicts"])
    if (v["element"] == element) return v["verdict"];
  return "?";
}

class Firmware : public ::testing::Test {
 protected:
  static BinaryCorpus& corpus() {
    static BinaryCorpus c;
    return c;
  }
};

TEST_F(Firmware, OwnTablesAreFoundInElfBinAndHex) {
  const std::string source = std::string(firmware_program) + "#include <stdint.h>\n" +
                             c_table("uint8_t", "aes_sbox", table("AES", "S-box")) +
                             c_table("uint32_t", "sha256_k", table("SHA-224/SHA-256", "round constants K")) +
                             "uint32_t lookup(int i) { return aes_sbox[i & 255] ^ sha256_k[i & 63]; }\n";
  const auto fw = corpus().cortex_m("own_crypto", source, {});
  for (const auto& file : {fw.elf, fw.bin, fw.hex}) {
    const json report = inspect_json({file.string()});
    const auto found = findings(report, "CRYPTO-2/crypto-table");
    ASSERT_EQ(found.size(), 2u) << file << "\n" << report["findings"].dump(1);
    std::string messages = found[0]["message"].get<std::string>() + found[1]["message"].get<std::string>();
    EXPECT_NE(messages.find("AES S-box"), std::string::npos) << messages;
    EXPECT_NE(messages.find("SHA-224/SHA-256 round constants K"), std::string::npos) << messages;
    EXPECT_EQ(found[0]["severity"], "error");
    EXPECT_EQ(verdict(report, "CRYPTO-2"), "fail");
    ASSERT_EQ(report["artifacts"].size(), 1u);
    EXPECT_EQ(report["artifacts"][0]["crypto"]["found"].size(), 2u) << report["artifacts"].dump(1);
    EXPECT_NE(report["artifacts"][0]["crypto"]["note"].get<std::string>().find("absence of a table"), std::string::npos);
  }
}

TEST_F(Firmware, CrcTableIsNotCryptography) {
  const std::string source = std::string(firmware_program) + "#include <stdint.h>\n" + c_table("uint32_t", "crc_table", crc32()) +
                             "uint32_t crc_step(uint32_t c, uint8_t b) { return crc_table[(c ^ b) & 255] ^ (c >> 8); }\n";
  const auto fw = corpus().cortex_m("crc_only", source, {});
  for (const auto& file : {fw.elf, fw.bin, fw.hex}) {
    const json report = inspect_json({file.string()});
    EXPECT_TRUE(findings(report, "CRYPTO-2").empty()) << file << "\n" << report["findings"].dump(1);
    EXPECT_EQ(verdict(report, "CRYPTO-2"), "pass") << file;
  }
}

TEST_F(Firmware, TablesOfAVettedLibraryBelongToIt) {
  const std::string source = std::string(firmware_program) + "#include <stdint.h>\n" +
                             c_table("uint8_t", "mbedtls_aes_sbox_copy", table("AES", "S-box")) +
                             "const char mbedtls_version_text[] = \"mbed TLS 3.5.2\";\n"
                             "uint32_t lookup(int i) { return mbedtls_aes_sbox_copy[i & 255] + mbedtls_version_text[i & 7]; }\n";
  const auto fw = corpus().cortex_m("vetted", source, {});
  for (const auto& file : {fw.elf, fw.bin}) {
    const json report = inspect_json({file.string()});
    EXPECT_TRUE(findings(report, "CRYPTO-2/crypto-table").empty()) << report["findings"].dump(1);
    const auto vetted = findings(report, "CRYPTO-2/vetted-library");
    ASSERT_EQ(vetted.size(), 1u) << report["findings"].dump(1);
    EXPECT_EQ(vetted[0]["component"], "mbedtls");
    EXPECT_EQ(vetted[0]["severity"], "note");
    EXPECT_EQ(verdict(report, "CRYPTO-2"), "pass");
    bool listed = false;
    for (const auto& c : report["components"]) listed = listed || (c["name"] == "mbedtls" && c["version"] == "3.5.2");
    EXPECT_TRUE(listed) << report["components"].dump(1);
  }
  // With symbols, the attribution names the symbol; without, the library's presence.
  const json elf = inspect_json({fw.elf.string()});
  EXPECT_NE(findings(elf, "CRYPTO-2/vetted-library")[0]["message"].get<std::string>().find("symbol mbedtls_aes_sbox_copy"), std::string::npos);
}

TEST_F(Firmware, HashConstantsAsInstructionImmediates) {
  // An own MD5-like mixing function on x86-64: the sine table lives in the instructions.
  std::string source = "#include <stdint.h>\n#include <stdio.h>\n__attribute__((noinline)) uint32_t mix(uint32_t a, const uint32_t *x) {\n";
  const auto& t = table("MD5", "sine table T");
  char buf[96];
  for (size_t i = 0; i < t.values.size(); ++i) {
    std::snprintf(buf, sizeof buf, "  a = ((a + x[%zu] + 0x%llxu) << 7 | (a >> 25)) ^ x[%zu];\n", i % 16,
                  static_cast<unsigned long long>(t.values[i]), (i * 3) % 16);
    source += buf;
  }
  source += "  return a;\n}\nint main(int argc, char **argv) { uint32_t x[16] = {0}; x[0] = (uint32_t)argc; (void)argv; "
            "printf(\"%u\\n\", mix(1, x)); return 0; }\n";
  const auto program = corpus().gcc("immediates_md5", source, {"-O2"});
  const json report = inspect_json({program.string()});
  const auto found = findings(report, "CRYPTO-2/crypto-table");
  ASSERT_EQ(found.size(), 1u) << report["findings"].dump(1);
  EXPECT_NE(found[0]["message"].get<std::string>().find("MD5 sine table"), std::string::npos);
  EXPECT_NE(found[0]["message"].get<std::string>().find("immediates"), std::string::npos);
}

TEST(RawImage, RandomBytesAreSilent) {
  TempDir dir;
  std::mt19937 gen(2024);
  std::string bytes(2 << 20, '\0');
  for (auto& c : bytes) c = static_cast<char>(gen());
  const auto path = dir.write("random.bin", bytes);
  const json report = inspect_json({path.string()});
  EXPECT_TRUE(findings(report, "CRYPTO-2").empty()) << report["findings"].dump(1);
  EXPECT_TRUE(report["components"].empty());
}

// A device tree with its own AES beside a vendored mbedTLS.
class SourceTree : public ::testing::Test {
 protected:
  void SetUp() override {
    dir.write("pump/src/own_aes.c", "#include <stdint.h>\n" + c_table("uint8_t", "sbox", table("AES", "S-box")));
    dir.write("pump/src/crc.c", "#include <stdint.h>\n" + c_table("uint32_t", "crc_table", crc32()));
    dir.write("pump/third_party/mbedtls/include/mbedtls/version.h",
              "#ifndef MBEDTLS_VERSION_H\n#define MBEDTLS_VERSION_STRING         \"2.16.0\"\n#endif\n");
    dir.write("pump/third_party/mbedtls/library/aes.c", "#include <stdint.h>\nstatic " + c_table("unsigned char", "FSb", table("AES", "S-box")));
  }
  TempDir dir;
};

TEST_F(SourceTree, OwnCryptoFailsVendoredCryptoIsTheLibrarys) {
  const json report = inspect_json({(dir.path() / "pump").string()});
  const auto found = findings(report, "CRYPTO-2/crypto-table");
  ASSERT_EQ(found.size(), 2u) << report["findings"].dump(1);
  for (const auto& f : found) {
    if (f["path"] == "src/own_aes.c") EXPECT_TRUE(f["component"].is_null());
    else EXPECT_EQ(f["component"], "mbedtls") << f.dump();
  }
  EXPECT_EQ(verdict(report, "CRYPTO-2"), "fail");
  bool mbedtls = false;
  for (const auto& c : report["components"])
    if (c["name"] == "mbedtls") {
      mbedtls = true;
      EXPECT_EQ(c["version"], "2.16.0");
      EXPECT_EQ(c["path"], "third_party/mbedtls");
    }
  EXPECT_TRUE(mbedtls) << report["components"].dump(1);
  EXPECT_EQ(report["components"].size(), 1u) << report["components"].dump(1);
}

TEST_F(SourceTree, EndOfLifeJudgedOnTheInspectionDate) {
  const json report = inspect_json({(dir.path() / "pump").string()});
  const auto eol = findings(report, "SBOM-2/end-of-life");
  ASSERT_EQ(eol.size(), 1u) << report["findings"].dump(1);
  EXPECT_EQ(eol[0]["path"], "third_party/mbedtls");
  EXPECT_TRUE(eol[0]["component"].is_null());
  EXPECT_EQ(verdict(report, "SBOM-2"), "fail");
  const RunResult before = mdbc({"inspect", "--quiet", "--format", "json", "--date", "2021-06-01", (dir.path() / "pump").string()});
  EXPECT_TRUE(findings(json::parse(before.out), "SBOM-2").empty());
}

TEST_F(SourceTree, KnownVulnerabilitiesFromOsv) {
  const auto osv = dir.write("osv.json", R"({"vulns": [
    {"id": "OSV-TEST-1", "aliases": ["CVE-2019-16910"], "summary": "RSA blinding leaks the key",
     "affected": [{"package": {"ecosystem": "OSS-Fuzz", "name": "Mbed TLS"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "2.16.3"}]}]}]},
    {"id": "OSV-TEST-2", "affected": [{"package": {"name": "mbedtls"},
                   "ranges": [{"type": "SEMVER", "events": [{"introduced": "2.17.0"}, {"fixed": "2.28.1"}]}]}]},
    {"id": "OSV-TEST-3", "affected": [{"package": {"name": "openssl"}, "versions": ["2.16.0"]}]}
  ]})");
  const json report = inspect_json({(dir.path() / "pump").string()}, {"--vulns", osv.string()});
  const auto vulns = findings(report, "SBOM-2/known-vulnerable");
  ASSERT_EQ(vulns.size(), 1u) << report["findings"].dump(1);
  const std::string message = vulns[0]["message"];
  EXPECT_NE(message.find("OSV-TEST-1"), std::string::npos);
  EXPECT_NE(message.find("CVE-2019-16910"), std::string::npos);
  EXPECT_NE(message.find("fixed in 2.16.3"), std::string::npos);
}

TEST_F(SourceTree, SbomNamesTheVersionedComponent) {
  const auto sbom = dir.path() / "bom.json";
  inspect_json({(dir.path() / "pump").string()}, {"--sbom", sbom.string()});
  const std::string text = read_text(sbom);
  EXPECT_NE(text.find("pkg:generic/mbedtls@2.16.0"), std::string::npos) << text;
}

TEST(SourceComponents, TreeWithoutVersionIsAnSbom1Finding) {
  TempDir dir;
  dir.write("fw/src/main.c", "int main(void) { return 0; }\n");
  dir.write("fw/lib/lwip/src/include/lwip/init.h", "#define LWIP_INIT_H\n");
  dir.write("fw/lib/lwip/src/core/tcp.c", "int tcp_input(void) { return 0; }\n");
  const json report = inspect_json({(dir.path() / "fw").string()});
  const auto found = findings(report, "SBOM-1/component-without-version");
  ASSERT_EQ(found.size(), 1u) << report["findings"].dump(1);
  EXPECT_EQ(found[0]["path"], "lib/lwip");
  EXPECT_EQ(verdict(report, "SBOM-1"), "fail");
  // Twin: the version header present.
  dir.write("fw/lib/lwip/src/include/lwip/init.h",
            "#define LWIP_VERSION_MAJOR      2\n#define LWIP_VERSION_MINOR      1\n#define LWIP_VERSION_REVISION   3\n");
  const json fixed = inspect_json({(dir.path() / "fw").string()});
  EXPECT_TRUE(findings(fixed, "SBOM-1").empty()) << fixed["findings"].dump(1);
  EXPECT_EQ(fixed["components"][0]["version"], "2.1.3");
}

// A component the device maker declares in mdbc.toml is in the report and the SBOM like one mdbc
// recognised, with the version the declaration gives (and SBOM-1 fails when it gives none).
TEST(SourceComponents, DeclaredComponentsAreInTheSbom) {
  TempDir dir;
  dir.write("fw/src/main.c", "int main(void) { return 0; }\n");
  dir.write("fw/third_party/acme-crc/crc.c", "unsigned crc(unsigned x) { return x; }\n");
  dir.write("fw/third_party/nover/a.c", "int a;\n");
  dir.write("fw/mdbc.toml", "[[component]]\nname = \"acme-crc\"\npath = \"third_party/acme-crc\"\nversion = \"1.4.2\"\n"
                            "[[component]]\nname = \"nover\"\npath = \"third_party/nover\"\n");
  const auto sbom = dir.path() / "bom.json";
  const json report = inspect_json({(dir.path() / "fw").string()}, {"--sbom", sbom.string()});
  std::map<std::string, std::string> versions;
  for (const auto& c : report["components"]) versions[c["name"].get<std::string>()] = c["version"].get<std::string>();
  EXPECT_EQ(versions.at("acme-crc"), "1.4.2") << report["components"].dump(1);
  EXPECT_EQ(versions.at("nover"), "") << report["components"].dump(1);
  const std::string text = read_text(sbom);
  EXPECT_NE(text.find("pkg:generic/acme-crc@1.4.2"), std::string::npos) << text;
  const auto missing = findings(report, "SBOM-1/component-without-version");
  ASSERT_EQ(missing.size(), 1u) << report["findings"].dump(1);
  EXPECT_EQ(missing[0]["path"], "third_party/nover");
}

TEST(VulnsOption, HostileFilesAreInputErrors) {
  TempDir dir;
  dir.write("src/main.c", "int main(void) { return 0; }\n");
  const std::pair<std::string, std::string> cases[] = {
      {"not-json.json", "{\"vulns\": [ oops"},
      {"deep.json", std::string(100000, '[') + std::string(100000, ']')},
      {"wrong-type.json", R"({"id": 7})"},
      {"bad-range.json", R"({"id": "X", "affected": [{"package": {"name": "zlib"}, "ranges": [{"type": "SEMVER", "events": [{"broken": "1"}]}]}]})"},
      {"number.json", "42"},
  };
  for (const auto& [name, content] : cases) {
    const auto file = dir.write(name, content);
    const RunResult r = mdbc({"inspect", "--quiet", "--vulns", file.string(), (dir.path() / "src").string()});
    EXPECT_EQ(r.exit_code, 2) << name << ": " << r.err;
    EXPECT_NE(r.err.find(name), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  const RunResult missing = mdbc({"inspect", "--quiet", "--vulns", (dir.path() / "absent.json").string(), (dir.path() / "src").string()});
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace mdbc::test
