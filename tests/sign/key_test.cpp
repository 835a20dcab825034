// Keys: generation, PEM forms, the key bytes MCUboot hashes (checked against the openssl
// command-line tool), refusals, and the published sample-key list.
#include "sign/key.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "sign/hash.h"
#include "sign/sample_keys.h"
#include "sign/signature.h"
#include "sign/vectors.h"

namespace mdbc::sign {
namespace {

TEST(Keys, GeneratedKeysRoundTripThroughPem) {
  for (const auto& name : test::vector_key_types) {
    const KeyType type = *parse_key_type(name);
    const Key key = generate_key(type);
    EXPECT_EQ(key.type(), type);
    const SecretBytes pem = key.private_pkcs8_pem();
    EXPECT_TRUE(pem.view().starts_with("-----BEGIN PRIVATE KEY-----\n")) << name;
    const Key again = parse_private_key(pem.view(), "k");
    EXPECT_EQ(again.type(), type);
    EXPECT_EQ(again.spki_der(), key.spki_der());
    const std::string pub_pem = key.public_pem();
    EXPECT_TRUE(pub_pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
    const Key pub = parse_public_key(pub_pem, "p");
    EXPECT_FALSE(pub.has_private());
    EXPECT_EQ(pub.spki_der(), key.spki_der());
    // A public key read from a private key file holds only the public half.
    const Key from_private = parse_public_key(pem.view(), "k");
    EXPECT_FALSE(from_private.has_private());
    EXPECT_THROW((void)from_private.private_pkcs8_pem(), std::logic_error);
  }
}

TEST(Keys, VectorKeysHaveTheirTypes) {
  for (const auto& name : test::vector_key_types) {
    EXPECT_EQ(to_string(parse_private_key(test::vector_file("key-" + name + ".pem"), "k").type()), name);
    EXPECT_EQ(to_string(parse_public_key(test::vector_file("pub-" + name + ".pem"), "p").type()), name);
  }
}

// The key bytes MCUboot hashes, computed by the openssl command-line tool: SPKI DER, and for RSA
// the PKCS#1 RSAPublicKey DER.
std::string openssl_key_bytes(const std::string& type) {
  test::TempDir dir;
  const auto out = dir.path() / "key.der";
  const std::string pem = test::vector_path("pub-" + type + ".pem").string();
  std::vector<std::string> cmd = type.starts_with("rsa")
                                     ? std::vector<std::string>{"openssl", "rsa", "-pubin", "-in", pem,
                                                                "-RSAPublicKey_out", "-outform", "DER", "-out", out.string()}
                                     : std::vector<std::string>{"openssl", "pkey", "-pubin", "-in", pem, "-outform",
                                                                "DER", "-out", out.string()};
  const auto r = test::run(cmd);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return test::read_text(out);
}

TEST(Keys, McubootKeyBytesMatchTheOpensslTool) {
  for (const auto& name : test::vector_key_types) {
    const Key key = parse_public_key(test::vector_file("pub-" + name + ".pem"), "p");
    EXPECT_EQ(key.mcuboot_key_bytes(), openssl_key_bytes(name)) << name;
    EXPECT_EQ(name.starts_with("rsa"), key.mcuboot_key_bytes() != key.spki_der()) << name;
  }
}

TEST(Keys, RefusesWhatItCannotUse) {
  EXPECT_THROW(parse_private_key("not a key", "x"), InputError);
  EXPECT_THROW(parse_public_key("", "x"), InputError);
  EXPECT_THROW(parse_private_key(test::vector_file("pub-ed25519.pem"), "x"), InputError) << "public key given to sign";
  test::TempDir dir;
  const auto run_ok = [](const std::vector<std::string>& cmd) {
    const auto r = test::run(cmd);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  };
  const auto p521 = dir.path() / "p521.pem";
  run_ok({"openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521", "-out", p521.string()});
  try {
    parse_private_key(test::read_text(p521), "p521.pem");
    FAIL() << "P-521 accepted";
  } catch (const InputError& e) {
    EXPECT_TRUE(std::string(e.what()).find("not supported") != std::string::npos) << e.what();
  }
  const auto rsa1024 = dir.path() / "rsa1024.pem";
  run_ok({"openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024", "-out", rsa1024.string()});
  EXPECT_THROW(parse_public_key(test::read_text(rsa1024), "rsa1024.pem"), InputError);
  const auto encrypted = dir.path() / "enc.pem";
  run_ok({"openssl", "pkey", "-in", test::vector_path("key-ed25519.pem").string(), "-aes256", "-passout",
          "pass:secret", "-out", encrypted.string()});
  try {
    parse_private_key(test::read_text(encrypted), "enc.pem");
    FAIL() << "encrypted key accepted";
  } catch (const InputError& e) {
    EXPECT_TRUE(std::string(e.what()).find("encrypted") != std::string::npos) << e.what();
  }
}

TEST(Keys, TraditionalPemFormsAreRead) {
  test::TempDir dir;
  const auto trad = dir.path() / "ec.pem";
  const auto r = test::run({"openssl", "ec", "-in", test::vector_path("key-ecdsa-p256.pem").string(), "-out",
                            trad.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string text = test::read_text(trad);
  ASSERT_TRUE(text.starts_with("-----BEGIN EC PRIVATE KEY-----"));
  EXPECT_EQ(parse_private_key(text, "ec.pem").spki_der(),
            parse_public_key(test::vector_file("pub-ecdsa-p256.pem"), "p").spki_der());
}

TEST(Detached, SignaturesVerifyAndBindTheMessage) {
  for (const auto& name : test::vector_key_types) {
    const Key key = parse_private_key(test::vector_file("key-" + name + ".pem"), "k");
    const Key pub = parse_public_key(test::vector_file("pub-" + name + ".pem"), "p");
    const std::string sig = sign_detached(key, "update file contents");
    EXPECT_TRUE(verify_detached(pub, "update file contents", sig)) << name;
    EXPECT_FALSE(verify_detached(pub, "update file contentz", sig)) << name;
    EXPECT_FALSE(verify_detached(pub, "update file contents", sig.substr(1))) << name;
  }
}

TEST(SampleKeys, ListIsCompiledInAndConsistent) {
  const auto keys = sample_keys();
  const std::string tsv = test::read_text(test::source_dir() / "data" / "known-sample-keys.tsv");
  size_t rows = 0;
  for (char c : tsv) rows += c == '\n';
  EXPECT_EQ(keys.size(), rows - 1);
  size_t hashed = 0;
  for (const auto& k : keys) {
    if (k.keyhash_sha256.empty()) continue;  // no public key, or a curve imgtool refuses
    ++hashed;
    // For ECDSA, Ed25519 and X25519 the bytes MCUboot hashes are the SPKI itself, so the SHA-256
    // KEYHASH equals the SPKI hash; for RSA they are the PKCS#1 structure, so they differ.
    EXPECT_EQ(k.spki_sha256 == k.keyhash_sha256, !k.key_type.starts_with("rsa")) << k.name();
  }
  EXPECT_GT(hashed, 40u);
  const SampleKey* root = find_sample_key(keys[0].keyhash_sha384);
  ASSERT_NE(root, nullptr);
  EXPECT_EQ(root->spki_sha256, keys[0].spki_sha256);
}

TEST(SampleKeys, KeyHashesComputedHereMatchTheVectorImagesAndAreNotSamples) {
  // mdbc's own key hashes equal the KEYHASH TLVs imgtool wrote, and the throwaway vector keys are
  // not published sample keys.
  for (const auto& name : test::vector_key_types) {
    const Key pub = parse_public_key(test::vector_file("pub-" + name + ".pem"), "p");
    const HashAlg h = image_hash_for(pub.type());
    const std::string key_hash = digest(h, pub.mcuboot_key_bytes());
    EXPECT_NE(test::vector_file(name + ".bin").find(key_hash), std::string::npos) << name;
    EXPECT_EQ(find_sample_key(key_hash), nullptr) << name;
    EXPECT_EQ(find_sample_key(digest(HashAlg::sha256, pub.spki_der())), nullptr) << name;
  }
}

}  // namespace
}  // namespace mdbc::sign
