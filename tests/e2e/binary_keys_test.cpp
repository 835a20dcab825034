// CRED-1 and CRYPTO-4 on firmware: private keys and password hashes compiled into an image are
// found in the .elf, .bin and .hex forms, at the offset (or load address) where they are.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/binary_corpus.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

using nlohmann::json;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The text as a C string literal.
std::string c_string(std::string_view text) {
  std::string s = "\"";
  for (char c : text) {
    if (c == '\n') s += "\\n";
    else if (c == '"' || c == '\\') s += std::string("\\") + c;
    else s += c;
  }
  return s + "\"";
}

std::vector<json> findings(const json& report, const std::string& rule) {
  std::vector<json> out;
  for (const auto& f : report["findings"])
    if (f["rule"] == rule) out.push_back(f);
  return out;
}

json inspect(const std::filesystem::path& file) {
  const RunResult r = mdbc({"inspect", "--format", "json", file.string()});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  return json::parse(r.out);
}

TEST(BinaryKeys, PrivateKeysAndPasswordHashesInFirmware) {
  const std::string pem = slurp(shared_dir() / "data/mcuboot-vectors/key-ecdsa-p256.pem");
  ASSERT_NE(pem.find("PRIVATE KEY"), std::string::npos);
  const std::string hash = "$6$Pw5alt$" + std::string(86, 'Q');
  const std::string source = std::string(firmware_program) +
                             "__attribute__((used)) const char device_key[] = " + c_string(pem) + ";\n" +
                             "__attribute__((used)) const char admin_hash[] = " + c_string(hash) + ";\n";
  BinaryCorpus corpus;
  const auto fw = corpus.cortex_m("keys", source, {"-fstack-protector-strong"});
  const auto clean = corpus.cortex_m("nokeys", firmware_program, {"-fstack-protector-strong"});

  const std::string elf = slurp(fw.elf);
  const json report = inspect(fw.elf);
  const auto cred = findings(report, "CRED-1/private-key");
  ASSERT_EQ(cred.size(), 1u);
  EXPECT_EQ(elf.substr(cred[0]["offset"].get<size_t>(), 27), "-----BEGIN PRIVATE KEY-----") << cred[0];
  EXPECT_NE(cred[0]["evidence"].get<std::string>().find("EC prime256v1"), std::string::npos);
  EXPECT_EQ(findings(report, "CRYPTO-4/private-key").size(), 1u);
  const auto pw = findings(report, "CRYPTO-4/password-hash");
  ASSERT_EQ(pw.size(), 1u);
  EXPECT_EQ(elf.substr(pw[0]["offset"].get<size_t>(), 10), "$6$Pw5alt$");
  EXPECT_NE(pw[0]["message"].get<std::string>().find("SHA-512-crypt"), std::string::npos);
  for (const char* element : {"CRED-1", "CRYPTO-4"})
    for (const auto& v : report["verdicts"])
      if (v["element"] == element) {
        EXPECT_EQ(v["verdict"], "fail") << element;
      }

  const json bin = inspect(fw.bin);
  EXPECT_EQ(findings(bin, "CRED-1/private-key").size(), 1u);
  EXPECT_EQ(findings(bin, "CRYPTO-4/password-hash").size(), 1u);
  const json hex = inspect(fw.hex);
  const auto in_hex = findings(hex, "CRED-1/private-key");
  ASSERT_EQ(in_hex.size(), 1u);
  EXPECT_NE(in_hex[0]["message"].get<std::string>().find("at address 0x80"), std::string::npos) << in_hex[0];

  // The same firmware without them: nothing.
  const RunResult r = mdbc({"inspect", "--format", "json", clean.elf.string()});
  const json none = json::parse(r.out);
  EXPECT_TRUE(findings(none, "CRED-1/private-key").empty());
  EXPECT_TRUE(findings(none, "CRYPTO-4/password-hash").empty());
}

}  // namespace
}  // namespace mdbc::test
