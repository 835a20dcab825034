// mdbc inspect on MCUboot images: FW-1, FW-2 and FW-3 verdicts, findings and per-image facts.
#include <algorithm>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sign/vectors.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

using nlohmann::json;

std::string v(const std::string& name) { return vector_path(name).string(); }

json inspect(std::vector<std::string> args, int expected_exit) {
  std::vector<std::string> cmd = {"inspect", "--format", "json", "--date", "2026-01-01"};
  cmd.insert(cmd.end(), args.begin(), args.end());
  const auto r = mdbc(cmd);
  EXPECT_EQ(r.exit_code, expected_exit) << r.err;
  return json::parse(r.out.empty() ? "{}" : r.out);
}

std::string verdict(const json& j, const std::string& element) {
  for (const auto& v : j["verdicts"])
    if (v["element"] == element) return v["verdict"];
  return "missing";
}

std::vector<std::string> rules(const json& j) {
  std::vector<std::string> out;
  for (const auto& f : j["findings"]) out.push_back(f["rule"]);
  return out;
}

bool has_rule(const json& j, const std::string& rule) {
  const auto r = rules(j);
  return std::find(r.begin(), r.end(), rule) != r.end();
}

TEST(SignInspect, TrustedImageWithCounterPassesFw1To3) {
  // Only image-stage elements are inspected, and they pass: the inspection meets the code.
  const json j = inspect({"--trust-key", v("pub-ed25519.pem"), v("ed25519-seccnt7.bin")}, 0);
  EXPECT_EQ(j["meets_code"], true);
  EXPECT_EQ(verdict(j, "FW-1"), "pass");
  EXPECT_EQ(verdict(j, "FW-2"), "pass");
  EXPECT_EQ(verdict(j, "FW-3"), "pass");
  ASSERT_EQ(j["artifacts"].size(), 1u);
  const json& m = j["artifacts"][0]["mcuboot"];
  EXPECT_EQ(j["artifacts"][0]["kind"], "image");
  EXPECT_EQ(m["version"], "2.0.0+0");
  EXPECT_EQ(m["header_size"], 512);
  EXPECT_EQ(m["image_size"], 6000);
  EXPECT_EQ(m["hash_alg"], "sha256");
  EXPECT_EQ(m["hash_valid"], true);
  EXPECT_EQ(m["signature_type"], "ED25519");
  EXPECT_EQ(m["security_counter"], 7);
  EXPECT_EQ(m["verified"], true);
  EXPECT_TRUE(m["key_hash"].get<std::string>().starts_with("1b428ac3"));
}

TEST(SignInspect, EveryVectorVerifiesWithItsTrustedKey) {
  for (const auto& type : vector_key_types)
    for (const auto& variant : vector_variants) {
      const json j = inspect({"--profile", "A", "--trust-key", v("pub-" + type + ".pem"), v(type + variant + ".bin")}, 0);
      EXPECT_EQ(verdict(j, "FW-1"), "pass") << type << variant << " " << j["findings"].dump();
      EXPECT_EQ(verdict(j, "FW-3"), "not applicable") << "profile A does not require FW-3";
    }
}

TEST(SignInspect, WithoutATrustedKeyFw1FailsButFactsAreReported) {
  const json j = inspect({v("rsa-3072-fullkey.bin")}, 1);
  EXPECT_EQ(verdict(j, "FW-1"), "fail");
  EXPECT_TRUE(has_rule(j, "FW-1/image-no-trusted-key"));
  EXPECT_EQ(verdict(j, "FW-2"), "pass");
  const json& m = j["artifacts"][0]["mcuboot"];
  EXPECT_EQ(m["verified"], false);
  EXPECT_EQ(m["reason"], "no trusted key given");
  EXPECT_EQ(m["signature_type"], "RSA3072_PSS");
  EXPECT_TRUE(m.contains("public_key_sha256"));
  EXPECT_EQ(j.dump().find("MIIB"), std::string::npos) << "the embedded key itself is not printed";
}

TEST(SignInspect, AWrongTrustedKeyFailsWithTheReason) {
  const json j = inspect({"--trust-key", v("pub-ecdsa-p256.pem"), v("ed25519.bin")}, 1);
  EXPECT_EQ(verdict(j, "FW-1"), "fail");
  ASSERT_TRUE(has_rule(j, "FW-1/image-not-verified"));
  EXPECT_NE(j["findings"].dump().find("key hash mismatch"), std::string::npos);
}

TEST(SignInspect, HashOnlyTamperedAndMalformedImagesFailFw1) {
  TempDir dir;
  const json unsigned_image = inspect({"--trust-key", v("pub-ed25519.pem"), v("unsigned-hash-only.bin")}, 1);
  EXPECT_TRUE(has_rule(unsigned_image, "FW-1/image-unsigned"));

  std::string tampered = vector_file("ed25519-seccnt7.bin");
  tampered[0x400] ^= 0x80;
  const json t = inspect({"--trust-key", v("pub-ed25519.pem"), dir.write("t.bin", tampered).string()}, 1);
  EXPECT_TRUE(has_rule(t, "FW-1/image-not-verified"));
  EXPECT_NE(t["findings"].dump().find("hash mismatch"), std::string::npos);
  // Even without a trusted key, a broken hash is reported.
  const json t2 = inspect({dir.write("t2.bin", tampered).string()}, 1);
  EXPECT_TRUE(has_rule(t2, "FW-1/image-not-verified"));

  const std::string image = vector_file("ed25519.bin");
  const json m = inspect({"--trust-key", v("pub-ed25519.pem"), dir.write("m.bin", image.substr(0, image.size() - 5)).string()}, 1);
  EXPECT_TRUE(has_rule(m, "FW-1/image-malformed"));
  EXPECT_TRUE(has_rule(m, "FW-3/image-no-security-counter"));
  EXPECT_EQ(m["artifacts"][0]["mcuboot"]["valid_structure"], false);
}

TEST(SignInspect, DataAfterTheSignedImageIsUncovered) {
  TempDir dir;
  std::string image = vector_file("ed25519-confirmed.bin");
  image[0x3000] = 'X';  // in the erased fill between the TLVs and the trailer
  const json j = inspect({"--trust-key", v("pub-ed25519.pem"), dir.write("x.bin", image).string()}, 1);
  EXPECT_TRUE(has_rule(j, "FW-1/image-uncovered-data"));
  EXPECT_EQ(j["artifacts"][0]["mcuboot"]["verified"], true) << "the bootloader ignores those bytes";
}

TEST(SignInspect, SecurityCounterDecidesFw3ByProfile) {
  const json c = inspect({"--profile", "C-connected", "--trust-key", v("pub-ed25519.pem"), v("ed25519.bin")}, 1);
  EXPECT_EQ(verdict(c, "FW-3"), "fail");
  EXPECT_TRUE(has_rule(c, "FW-3/image-no-security-counter"));
  const json b = inspect({"--profile", "B", "--trust-key", v("pub-ed25519.pem"), v("ed25519.bin")}, 0);
  EXPECT_EQ(verdict(b, "FW-3"), "not applicable");
  EXPECT_EQ(verdict(b, "FW-1"), "pass");
}

TEST(SignInspect, SampleKeyHashFailsFw2) {
  // An image naming MCUboot's published root-ed25519.pem (its KEYHASH from the sample-key list).
  TempDir dir;
  std::string image = vector_file("ed25519.bin");
  const std::string sample_hex = "c1907fa4eac7fae3840a78902b6f0710b037e9968e5c6274a12a28790c7d4e3c";
  std::string sample;
  for (size_t i = 0; i < sample_hex.size(); i += 2) sample += static_cast<char>(std::stoi(sample_hex.substr(i, 2), nullptr, 16));
  const size_t keyhash = image.find(std::string("\x01\x00\x20\x00", 4), 0x200 + 6000);
  ASSERT_NE(keyhash, std::string::npos);
  image.replace(keyhash + 4, 32, sample);
  const json j = inspect({"--trust-key", v("pub-ed25519.pem"), dir.write("sample.bin", image).string()}, 1);
  EXPECT_EQ(verdict(j, "FW-2"), "fail");
  ASSERT_TRUE(has_rule(j, "FW-2/image-sample-key"));
  EXPECT_NE(j["findings"].dump().find("root-ed25519.pem"), std::string::npos);
  EXPECT_EQ(j["artifacts"][0]["mcuboot"]["sample_key"], "mcu-tools/mcuboot:root-ed25519.pem");
  EXPECT_EQ(verdict(j, "FW-1"), "fail") << "the image no longer names the trusted key";
}

TEST(SignInspect, IntelHexImagesAreClaimedAndVerified) {
  const json j = inspect({"--profile", "A", "--trust-key", v("pub-ed25519.pem"), v("ed25519.hex")}, 0);
  EXPECT_EQ(verdict(j, "FW-1"), "pass") << j["findings"].dump();
  EXPECT_EQ(j["artifacts"][0]["kind"], "image");
  EXPECT_EQ(j["artifacts"][0]["mcuboot"]["address"], "0x8000");
  // Data elsewhere in the HEX file is not covered by the image's signature.
  TempDir dir;
  std::string hex = vector_file("ed25519.hex");
  hex.insert(hex.rfind(":00000001FF"), ":020000040001F9\n:0400000001020304F2\n");
  const json extra = inspect({"--profile", "A", "--trust-key", v("pub-ed25519.pem"), dir.write("x.hex", hex).string()}, 1);
  EXPECT_TRUE(has_rule(extra, "FW-1/image-uncovered-data")) << extra["findings"].dump();
}

TEST(SignInspect, UnusableTrustKeyIsAnInputError) {
  const auto r = mdbc({"inspect", "--trust-key", v("payload.bin"), v("ed25519.bin")});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("payload.bin"), std::string::npos) << r.err;
}

TEST(SignInspect, TrustKeysDeclaredInMdbcTomlVerifyTheTreesImages) {
  TempDir dir;
  dir.write("fw/app.signed.bin", vector_file("ed25519-seccnt7.bin"));
  dir.write("keys/release.pub.pem", vector_file("pub-ed25519.pem"));
  dir.write("mdbc.toml", "[image]\ntrust_keys = [\"keys/release.pub.pem\"]\n");
  const json j = inspect({dir.path().string()}, 0);
  EXPECT_EQ(verdict(j, "FW-1"), "pass") << j["findings"].dump();
  // Another key on the command line adds to them: the image still verifies.
  const json both = inspect({"--trust-key", v("pub-rsa-2048.pem"), dir.path().string()}, 0);
  EXPECT_EQ(verdict(both, "FW-1"), "pass");
  // Without the declaration FW-1 fails for want of a trusted key.
  dir.write("mdbc.toml", "");
  EXPECT_EQ(verdict(inspect({dir.path().string()}, 1), "FW-1"), "fail");
  // A declared key that cannot be read is an input error naming it.
  dir.write("mdbc.toml", "[image]\ntrust_keys = [\"keys/missing.pem\"]\n");
  const auto r = mdbc({"inspect", dir.path().string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("keys/missing.pem"), std::string::npos) << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
}

TEST(SignInspect, TextReportShowsTheFacts) {
  const auto r = mdbc({"inspect", "--color", "never", "--trust-key", v("pub-ed25519.pem"), v("ed25519-seccnt7.bin")});
  EXPECT_NE(r.out.find("mcuboot:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("version=2.0.0+0"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("verified=true"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace mdbc::test
