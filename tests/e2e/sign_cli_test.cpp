// mdbc keygen / getpub / sign / verify as a user runs them, checked against the imgtool vectors and
// the openssl command-line tool.
#include <sys/stat.h>

#include <algorithm>

#include <gtest/gtest.h>

#include "inspect/image/intel_hex.h"
#include "sign/vectors.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

std::string v(const std::string& name) { return vector_path(name).string(); }

const std::vector<std::string> vector_sign_options = {"-H", "0x200", "--align", "8", "--pad-header"};

std::vector<std::string> sign_cmd(const std::string& key, std::vector<std::string> extra) {
  std::vector<std::string> cmd = {"sign", "--key", key};
  cmd.insert(cmd.end(), vector_sign_options.begin(), vector_sign_options.end());
  cmd.insert(cmd.end(), extra.begin(), extra.end());
  return cmd;
}

TEST(SignCli, ReproducesTheImgtoolEd25519VectorsByteForByte) {
  TempDir dir;
  struct Case {
    std::string vector;
    std::vector<std::string> options;
  };
  const std::vector<Case> cases = {
      {"ed25519.bin", {"-v", "1.2.3+4", "-S", "0x20000"}},
      {"ed25519-confirmed.bin", {"-v", "1.2.3+4", "-S", "0x4000", "--confirm"}},
      {"ed25519-seccnt7.bin", {"-v", "2.0.0", "-S", "0x20000", "-s", "7"}},
      {"ed25519-fullkey.bin", {"-v", "1.0.0", "-S", "0x20000", "--public-key-format", "full"}},
      {"ed25519.hex", {"-v", "1.2.3+4", "-S", "0x20000", "--hex-addr", "0x8000"}},
  };
  for (const auto& c : cases) {
    const auto out = dir.path() / c.vector;
    auto cmd = sign_cmd(v("key-ed25519.pem"), c.options);
    cmd.push_back(v("payload.bin"));
    cmd.push_back(out.string());
    const auto r = mdbc(cmd);
    ASSERT_EQ(r.exit_code, 0) << c.vector << ": " << r.err;
    EXPECT_EQ(read_text(out), vector_file(c.vector)) << c.vector;
  }
}

TEST(SignCli, HexInputKeepsItsAddressAndVerifies) {
  TempDir dir;
  // Any Intel HEX input will do: the imgtool vector (at 0x8000) is signed again as a payload.
  const auto in = dir.write("app.hex", vector_file("ed25519.hex"));
  const auto out = dir.path() / "signed.hex";
  auto cmd = sign_cmd(v("key-ecdsa-p256.pem"), {"-v", "3.0.0", "-S", "0x20000"});
  cmd.push_back(in.string());
  cmd.push_back(out.string());
  const auto r = mdbc(cmd);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(read_text(out).starts_with(":108000003DB8F396")) << "placed at the input's address 0x8000";
  const auto ok = mdbc({"verify", "--key", v("pub-ecdsa-p256.pem"), out.string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  const auto bad = mdbc({"verify", "--key", v("pub-ed25519.pem"), out.string()});
  EXPECT_EQ(bad.exit_code, 1);
}

TEST(SignCli, PaddedHexOutputHoldsTheSameSlotAsTheBinary) {
  TempDir dir;
  const auto bin = dir.path() / "c.bin";
  const auto hex = dir.path() / "c.hex";
  for (const auto& out : {bin, hex}) {
    auto cmd = sign_cmd(v("key-ed25519.pem"), {"-v", "1.2.3+4", "-S", "0x4000", "--confirm", "--hex-addr", "0x8000"});
    cmd.push_back(v("payload.bin"));
    cmd.push_back(out.string());
    const auto r = mdbc(cmd);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  EXPECT_EQ(read_text(bin), vector_file("ed25519-confirmed.bin"));
  const ihex::Image image = ihex::decode(read_text(hex), "c.hex");
  ASSERT_EQ(image.segments.size(), 2u) << "the image, then image_ok and the magic at the end of the slot";
  EXPECT_EQ(image.segments[1].address + image.segments[1].bytes.size(), 0x8000u + 0x4000u);
  EXPECT_EQ(ihex::flatten(image, 0x4000, "c.hex"), read_text(bin));
  EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), hex.string()}).exit_code, 0);
}

TEST(SignCli, RefusalsLeaveNoOutputFile) {
  TempDir dir;
  const auto out = dir.path() / "out.bin";
  const std::vector<std::vector<std::string>> refused = {
      {"-v", "1.2.3", "-S", "0x1000"},             // does not fit the slot
      {"-v", "1.2.3", "-S", "0x2000"},             // fits, but not with the trailer
      {"-v", "1.2.300000", "-S", "0x20000"},       // revision over 65535
      {"-v", "1.2.3-rc1", "-S", "0x20000"},        // malformed version
      {"-v", "1.2.3", "-S", "0x20000", "--align", "3"},
  };
  for (const auto& options : refused) {
    auto cmd = sign_cmd(v("key-ed25519.pem"), options);
    cmd.push_back(v("payload.bin"));
    cmd.push_back(out.string());
    const auto r = mdbc(cmd);
    EXPECT_EQ(r.exit_code, 2) << options[1] << " " << options[3];
    EXPECT_FALSE(std::filesystem::exists(out)) << options[1] << " " << options[3];
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  // Without --pad-header the header would overwrite the payload's first bytes.
  const auto r = mdbc({"sign", "--key", v("key-ed25519.pem"), "-v", "1.0.0", "-H", "0x200", "-S", "0x20000",
                       v("payload.bin"), out.string()});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not zero"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(out));
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) { ADD_FAILURE() << "left behind: " << e.path(); }
  // With zeros where the header goes it signs.
  const auto zeroed = dir.write("zeroed.bin", std::string(0x200, '\0') + vector_file("payload.bin"));
  const auto ok = mdbc({"sign", "--key", v("key-ed25519.pem"), "-v", "1.0.0", "-H", "0x200", "-S", "0x20000",
                        zeroed.string(), out.string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

TEST(SignCli, VerifyExitCodesAndReasons) {
  for (const auto& type : vector_key_types) {
    const auto good = mdbc({"verify", "--key", v("pub-" + type + ".pem"), v(type + "-seccnt7.bin")});
    EXPECT_EQ(good.exit_code, 0) << type << good.err;
    EXPECT_NE(good.out.find("valid"), std::string::npos);
  }
  const auto wrong = mdbc({"verify", "--key", v("pub-rsa-2048.pem"), v("ed25519.bin")});
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_NE(wrong.err.find("key hash mismatch"), std::string::npos) << wrong.err;
  const auto unsigned_image = mdbc({"verify", "--key", v("pub-ed25519.pem"), v("unsigned-hash-only.bin")});
  EXPECT_EQ(unsigned_image.exit_code, 1);
  EXPECT_NE(unsigned_image.err.find("no signature"), std::string::npos) << unsigned_image.err;
  TempDir dir;
  std::string image = vector_file("ed25519.bin");
  image[0x300] ^= 1;
  const auto flipped = mdbc({"verify", "--key", v("pub-ed25519.pem"), dir.write("f.bin", image).string()});
  EXPECT_EQ(flipped.exit_code, 1);
  EXPECT_NE(flipped.err.find("hash mismatch"), std::string::npos) << flipped.err;
  const auto garbage = mdbc({"verify", "--key", v("pub-ed25519.pem"), dir.write("g.bin", "garbage").string()});
  EXPECT_EQ(garbage.exit_code, 1);
  EXPECT_NE(garbage.err.find("truncated"), std::string::npos) << garbage.err;
  const auto missing = mdbc({"verify", "--key", v("pub-ed25519.pem"), (dir.path() / "none.bin").string()});
  EXPECT_EQ(missing.exit_code, 2);
  const auto bad_key = mdbc({"verify", "--key", v("payload.bin"), v("ed25519.bin")});
  EXPECT_EQ(bad_key.exit_code, 2);
  const auto hex = mdbc({"verify", "--key", v("pub-ed25519.pem"), v("ed25519.hex")});
  EXPECT_EQ(hex.exit_code, 0) << hex.err;
  // Several trusted keys: the one that signed counts.
  const auto several = mdbc({"verify", "--key", v("pub-rsa-2048.pem"), "--key", v("pub-ed25519.pem"), v("ed25519.bin")});
  EXPECT_EQ(several.exit_code, 0) << several.err;
}

TEST(SignCli, KeygenGetpubSignVerifyForEveryType) {
  TempDir dir;
  for (const auto& type : vector_key_types) {
    const auto key = dir.path() / (type + ".pem");
    const auto r = mdbc({"keygen", "--type", type, "-o", key.string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    struct stat st {};
    ASSERT_EQ(::stat(key.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << type;
    const std::string pem = read_text(key);
    EXPECT_TRUE(pem.starts_with("-----BEGIN PRIVATE KEY-----")) << type;
    EXPECT_EQ(r.out.find("PRIVATE"), std::string::npos);
    // openssl reads it, and its public key is what getpub prints.
    const auto ossl = run({"openssl", "pkey", "-in", key.string(), "-pubout"});
    ASSERT_EQ(ossl.exit_code, 0) << ossl.err;
    const auto pub = mdbc({"getpub", key.string()});
    ASSERT_EQ(pub.exit_code, 0) << pub.err;
    EXPECT_EQ(pub.out, ossl.out) << type;
    const auto pub_file = dir.write(type + ".pub.pem", pub.out);
    // Refuses to overwrite without --force.
    const auto again = mdbc({"keygen", "--type", type, "-o", key.string()});
    EXPECT_EQ(again.exit_code, 2);
    EXPECT_EQ(read_text(key), pem);

    for (const auto& extra : std::vector<std::vector<std::string>>{
             {}, {"--pad"}, {"--confirm"}, {"--security-counter", "auto"}, {"--public-key-format", "full", "-s", "5"}}) {
      const auto out = dir.path() / (type + "-signed.bin");
      auto cmd = sign_cmd(key.string(), {"-v", "1.2.3", "-S", "0x20000"});
      cmd.insert(cmd.end(), extra.begin(), extra.end());
      cmd.push_back(v("payload.bin"));
      cmd.push_back(out.string());
      const auto s = mdbc(cmd);
      ASSERT_EQ(s.exit_code, 0) << s.err;
      const auto ok = mdbc({"verify", "--key", pub_file.string(), out.string()});
      EXPECT_EQ(ok.exit_code, 0) << type << ": " << ok.err;
      const auto other = mdbc({"verify", "--key", v("pub-" + type + ".pem"), out.string()});
      EXPECT_EQ(other.exit_code, 1) << type << " under the vector key of the same type";
    }
  }
  const auto forced = mdbc({"keygen", "--type", "ed25519", "--force", "-o", (dir.path() / "ed25519.pem").string()});
  EXPECT_EQ(forced.exit_code, 0) << forced.err;
  EXPECT_EQ(mdbc({"keygen", "--type", "dsa", "-o", (dir.path() / "x.pem").string()}).exit_code, 2);
}

TEST(SignCli, DetachedSignaturesInteroperateWithOpenssl) {
  TempDir dir;
  const auto file = dir.write("update.tar", std::string(100000, 'u') + "end of update");
  for (const auto& type : vector_key_types) {
    const auto sig = dir.path() / (type + ".sig");
    const auto s = mdbc({"sign", "--detached", "--key", v("key-" + type + ".pem"), file.string(), "-o", sig.string()});
    ASSERT_EQ(s.exit_code, 0) << s.err;
    // openssl accepts mdbc's signature.
    const std::vector<std::string> check =
        type == "ed25519"
            ? std::vector<std::string>{"openssl", "pkeyutl", "-verify", "-pubin", "-inkey", v("pub-" + type + ".pem"),
                                       "-rawin", "-in", file.string(), "-sigfile", sig.string()}
            : std::vector<std::string>{"openssl", "dgst", "-sha256", "-verify", v("pub-" + type + ".pem"),
                                       "-signature", sig.string(), file.string()};
    const auto o = run(check);
    EXPECT_EQ(o.exit_code, 0) << type << ": " << o.out << o.err;
    const auto m = mdbc({"verify", "--detached", "--key", v("pub-" + type + ".pem"), "--sig", sig.string(), file.string()});
    EXPECT_EQ(m.exit_code, 0) << type << ": " << m.err;

    // mdbc accepts openssl's signature.
    const auto theirs = dir.path() / (type + ".openssl.sig");
    const std::vector<std::string> make =
        type == "ed25519"
            ? std::vector<std::string>{"openssl", "pkeyutl", "-sign", "-inkey", v("key-" + type + ".pem"), "-rawin",
                                       "-in", file.string(), "-out", theirs.string()}
            : std::vector<std::string>{"openssl", "dgst", "-sha256", "-sign", v("key-" + type + ".pem"), "-out",
                                       theirs.string(), file.string()};
    ASSERT_EQ(run(make).exit_code, 0) << type;
    const auto m2 =
        mdbc({"verify", "--detached", "--key", v("pub-" + type + ".pem"), "--sig", theirs.string(), file.string()});
    EXPECT_EQ(m2.exit_code, 0) << type << ": " << m2.err;

    // A changed file or another key fails.
    const auto changed = dir.write("changed.tar", std::string(100000, 'u') + "end of updatE");
    EXPECT_EQ(mdbc({"verify", "--detached", "--key", v("pub-" + type + ".pem"), "--sig", sig.string(),
                    changed.string()}).exit_code, 1);
    const std::string other = type == "ed25519" ? "ecdsa-p256" : "ed25519";
    EXPECT_EQ(mdbc({"verify", "--detached", "--key", v("pub-" + other + ".pem"), "--sig", sig.string(),
                    file.string()}).exit_code, 1);
  }
}

TEST(SignCli, KeyMaterialNeverAppearsInOutput) {
  TempDir dir;
  const std::string key_pem = vector_file("key-ed25519.pem");
  // The base64 body of the private key.
  const std::string body = key_pem.substr(key_pem.find('\n') + 1, 40);
  const auto out = dir.path() / "o.bin";
  std::vector<RunResult> results;
  auto cmd = sign_cmd(v("key-ed25519.pem"), {"-v", "1", "-S", "0x20000"});
  cmd.push_back(v("payload.bin"));
  cmd.push_back(out.string());
  results.push_back(mdbc(cmd));
  results.push_back(mdbc({"verify", "--key", v("key-ed25519.pem"), out.string()}));
  results.push_back(mdbc({"getpub", v("key-ed25519.pem")}));
  results.push_back(mdbc({"keygen", "--type", "ed25519", "-o", (dir.path() / "k.pem").string()}));
  results.push_back(mdbc({"inspect", "--format", "json", "--trust-key", v("key-ed25519.pem"), out.string()}));
  for (const auto& r : results) {
    EXPECT_EQ(r.out.find(body), std::string::npos);
    EXPECT_EQ(r.err.find(body), std::string::npos);
    EXPECT_EQ(r.out.find("PRIVATE"), std::string::npos);
  }
}

}  // namespace
}  // namespace mdbc::test
