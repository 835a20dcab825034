#include "inspect/binary/embedded_keys.h"

#include <gtest/gtest.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <chrono>
#include <fstream>
#include <memory>

#include "core/digest.h"
#include "core/embedded.h"
#include "support/run.h"

namespace mdbc::binary {
namespace {

struct PkeyFree { void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); } };
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Pkey generate(const char* type) {
  if (std::string_view(type) == "RSA") return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048}));
  if (std::string_view(type) == "EC") return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, type));
}

// The key in the given output type ("DER", "PEM") and structure ("PrivateKeyInfo" = PKCS#8,
// "type-specific" = PKCS#1 or SEC1, "EncryptedPrivateKeyInfo").
std::string encode(EVP_PKEY* key, const char* type, const char* structure, int selection = EVP_PKEY_KEYPAIR) {
  OSSL_ENCODER_CTX* ctx = OSSL_ENCODER_CTX_new_for_pkey(key, selection, type, structure, nullptr);
  EXPECT_NE(ctx, nullptr);
  if (std::string_view(structure) == "EncryptedPrivateKeyInfo") {
    OSSL_ENCODER_CTX_set_cipher(ctx, "AES-256-CBC", nullptr);
    OSSL_ENCODER_CTX_set_passphrase(ctx, reinterpret_cast<const unsigned char*>("secret"), 6);
  }
  unsigned char* data = nullptr;
  size_t len = 0;
  EXPECT_EQ(OSSL_ENCODER_to_data(ctx, &data, &len), 1);
  OSSL_ENCODER_CTX_free(ctx);
  std::string out(reinterpret_cast<char*>(data), len);
  OPENSSL_free(data);
  return out;
}

std::string spki_digest(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int n = i2d_PUBKEY(key, &der);
  std::string d = sha256_hex(std::string_view(reinterpret_cast<char*>(der), static_cast<size_t>(n)));
  OPENSSL_free(der);
  return d;
}

// Reproducible filler bytes (xorshift32), salted with DER-like near misses: SEQUENCE headers
// followed by a version INTEGER and then garbage.
std::string filler(size_t n, uint32_t seed) {
  std::string s;
  uint32_t x = seed;
  while (s.size() < n) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;
    s.push_back(static_cast<char>(x & 0xFF));
    if ((x & 0xFFF) == 7) s += std::string("\x30\x82\x01\x22\x02\x01\x00\x02\x82\x01\x01\x00", 12);
    if ((x & 0xFFF) == 9) s += std::string("\x30\x59\x30\x13\x06\x07\x2a\x86\x48\xce\x3d\x02\x01\x06", 14);
    if ((x & 0xFFF) == 11) s += "-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n";
  }
  return s;
}

TEST(EmbeddedKeys, FindsNothingInNoiseAndNearMisses) {
  const std::string noise = filler(4 << 20, 0xC0FFEE);
  EXPECT_TRUE(find_embedded_keys(noise).empty());
  EXPECT_TRUE(find_password_hashes(noise).empty());
}

TEST(EmbeddedKeys, FindsDerAndPemPrivateKeysOfEachKind) {
  struct Case {
    const char* type;
    const char* output;
    const char* structure;
    const char* form;
    const char* algorithm;
  };
  const Case cases[] = {
      {"RSA", "DER", "PrivateKeyInfo", "DER PKCS#8", "RSA-2048"},
      {"RSA", "DER", "type-specific", "DER PKCS#1", "RSA-2048"},
      {"EC", "DER", "PrivateKeyInfo", "DER PKCS#8", "EC prime256v1"},
      {"EC", "DER", "type-specific", "DER SEC1", "EC prime256v1"},
      {"ED25519", "DER", "PrivateKeyInfo", "DER PKCS#8", "ED25519"},
      {"EC", "PEM", "PrivateKeyInfo", "PEM PRIVATE KEY", "EC prime256v1"},
      {"RSA", "PEM", "type-specific", "PEM RSA PRIVATE KEY", "RSA-2048"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.type) + " " + c.output + " " + c.structure);
    const Pkey key = generate(c.type);
    ASSERT_TRUE(key);
    const std::string encoded = encode(key.get(), c.output, c.structure);
    const std::string before = filler(5000, 1), after = filler(3000, 2);
    const auto found = find_embedded_keys(before + encoded + after);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_TRUE(found[0].is_private);
    EXPECT_EQ(found[0].offset, before.size());
    EXPECT_EQ(found[0].form, c.form);
    EXPECT_EQ(found[0].algorithm, c.algorithm);
    EXPECT_EQ(found[0].spki_sha256, spki_digest(key.get()));
    // One byte less is not a key any more.
    if (std::string_view(c.output) == "DER") {
      EXPECT_TRUE(find_embedded_keys(before + encoded.substr(0, encoded.size() - 1)).empty());
    }
  }
}

TEST(EmbeddedKeys, ManyBeginLinesWithoutEndLinesTakeLinearTime) {
  // Each BEGIN line used to search a megabyte ahead for its END line: minutes for this input.
  std::string bytes;
  for (int k = 0; k < 200000; ++k) bytes += "-----BEGIN A-----";
  bytes += "\n-----END B-----\n";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(find_embedded_keys(bytes).empty());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(EmbeddedKeys, FindsEncryptedPrivateKeysWithoutAPassphrase) {
  const Pkey key = generate("EC");
  const std::string pem = encode(key.get(), "PEM", "EncryptedPrivateKeyInfo");
  ASSERT_NE(pem.find("ENCRYPTED PRIVATE KEY"), std::string::npos);
  const auto found = find_embedded_keys(filler(100, 3) + pem);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].is_private);
  EXPECT_EQ(found[0].form, "PEM ENCRYPTED PRIVATE KEY (encrypted)");
  EXPECT_TRUE(found[0].spki_sha256.empty());
}

TEST(EmbeddedKeys, FindsPublicKeysAndTheirDigests) {
  const Pkey key = generate("EC");
  unsigned char* der = nullptr;
  const int n = i2d_PUBKEY(key.get(), &der);
  const std::string spki(reinterpret_cast<char*>(der), static_cast<size_t>(n));
  OPENSSL_free(der);
  const auto found = find_embedded_keys(filler(777, 4) + spki + filler(100, 5));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].is_private);
  EXPECT_EQ(found[0].offset, 777u);
  EXPECT_EQ(found[0].spki_sha256, spki_digest(key.get()));
}

// An OpenSSH private key file ("openssh-key-v1"), written field by field.
TEST(EmbeddedKeys, FindsOpenSshPrivateKeys) {
  const Pkey key = generate("ED25519");
  unsigned char pub[32];
  size_t pub_len = sizeof pub;
  ASSERT_EQ(EVP_PKEY_get_raw_public_key(key.get(), pub, &pub_len), 1);
  auto str = [](std::string_view s) {
    std::string out;
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((s.size() >> shift) & 0xFF));
    return out + std::string(s);
  };
  const std::string blob = str("ssh-ed25519") + str(std::string_view(reinterpret_cast<char*>(pub), 32));
  const std::string file = std::string("openssh-key-v1\0", 15) + str("none") + str("none") + str("") +
                           std::string("\0\0\0\1", 4) + str(blob) + str("private part not parsed");
  std::string b64(4 * ((file.size() + 2) / 3) + 1, '\0');
  b64.resize(static_cast<size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()),
                                                 reinterpret_cast<const unsigned char*>(file.data()), static_cast<int>(file.size()))));
  const std::string pem = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + b64 + "\n-----END OPENSSH PRIVATE KEY-----\n";
  const auto found = find_embedded_keys(filler(64, 6) + pem);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].form, "PEM OPENSSH PRIVATE KEY");
  EXPECT_EQ(found[0].algorithm, "ED25519");
  EXPECT_EQ(found[0].spki_sha256, spki_digest(key.get()));
  // A block with that label that is not an OpenSSH key is not reported.
  EXPECT_TRUE(find_embedded_keys("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n").empty());
}

TEST(PasswordHashes, FindsEachCryptScheme) {
  const std::string sha512 = "$6$saltsalt$" + std::string(86, 'a');
  const std::string md5 = "$1$abcdefgh$" + std::string(22, 'B');
  const std::string rounds = "$5$rounds=5000$salt$" + std::string(43, '.');
  const std::string bcrypt = "$2b$12$" + std::string(53, 'x');
  const std::string yescrypt = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$" + std::string(43, 'X');
  const std::string text = std::string("root:") + sha512 + ":19000::\0" + md5 + "\n" + rounds + " " + bcrypt + "\"" + yescrypt + "\n";
  const auto found = find_password_hashes(text);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].scheme, "SHA-512-crypt");
  EXPECT_EQ(found[0].text, sha512);
  EXPECT_EQ(found[0].offset, 5u);
  EXPECT_EQ(found[1].scheme, "MD5-crypt");
  EXPECT_EQ(found[2].scheme, "SHA-256-crypt");
  EXPECT_EQ(found[3].scheme, "bcrypt");
  EXPECT_EQ(found[4].scheme, "yescrypt");
  EXPECT_EQ(found[4].text, yescrypt);
}

// The search looks at thirty-two positions at a time, then at the last few one by one: a hash is found
// at every offset of the blocks and of the end, among lone '$' as machine code has them.
TEST(PasswordHashes, FindsAHashAtEveryOffsetAmongLoneDollars) {
  const std::string md5 = "$1$abcdefgh$" + std::string(22, 'B');
  const std::string bcrypt = "$2b$12$" + std::string(53, 'x');
  for (const std::string& hash : {md5, bcrypt})
    for (size_t at = 0; at < 72; ++at) {
      std::string bytes(at, '$');
      for (size_t k = 1; k < at; k += 2) bytes[k] = '\x8b';  // "$\x8b$\x8b...": '$' two apart, no prefix
      if (at > 0) bytes.back() = '\0';
      bytes += hash;
      bytes += std::string(at % 7, '\0');
      const auto found = find_password_hashes(bytes);
      ASSERT_EQ(found.size(), 1u) << "at " << at;
      EXPECT_EQ(found[0].offset, at);
      EXPECT_EQ(found[0].text, hash);
    }
  // Two hashes back to back, the second inside the first's reach, and one ending the bytes.
  const auto two = find_password_hashes(md5 + " " + md5);
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].offset, md5.size() + 1);
  EXPECT_EQ(find_password_hashes(std::string(3, '\0') + "$5$ab$" + std::string(43, 'c')).size(), 1u);
}

TEST(PasswordHashes, IgnoresLookalikes) {
  EXPECT_TRUE(find_password_hashes("$6$salt$" + std::string(85, 'a') + " ").empty());   // hash too short
  EXPECT_TRUE(find_password_hashes("$6$salt$" + std::string(87, 'a')).empty());         // too long
  EXPECT_TRUE(find_password_hashes("US$1$abc$" + std::string(22, 'a')).empty());         // inside a word
  EXPECT_TRUE(find_password_hashes("$1$toolongsalt$" + std::string(22, 'a')).empty());  // salt over 8
  EXPECT_TRUE(find_password_hashes("price: $5$ each").empty());
}

TEST(SampleKeyList, ReadsTheListByColumnName) {
  const Pkey key = generate("EC");
  const std::string digest = spki_digest(key.get());
  const SampleKeys list("note\tspki_sha256\tpath\tsource_repo\tkey_type\trole\n"
                        "x\t" + digest + "\tkeys/root.pem\tvendor/sdk\tecdsa-p256\timage signing\n"
                        "y\t-\tkeys/aes.key\tvendor/sdk\taes-128\tencryption\n");
  EXPECT_EQ(list.size(), 1u);
  EXPECT_EQ(list.find(digest), "vendor/sdk:keys/root.pem (ecdsa-p256, image signing)");
  EXPECT_EQ(list.find(std::string(64, '0')), "");
}

TEST(SampleKeyList, ShipsThePublishedList) {
  // Every row of the shipped list with a public key digest is loaded.
  const auto tsv = embedded::find("data/known-sample-keys.tsv");
  ASSERT_TRUE(tsv);
  EXPECT_GT(SampleKeys::published().size(), 40u);
  const size_t row = tsv->find('\n') + 1;
  std::vector<std::string_view> cells;
  for (size_t b = row; cells.size() < 4;) {
    const size_t tab = tsv->find('\t', b);
    cells.push_back(tsv->substr(b, tab - b));
    b = tab + 1;
  }
  EXPECT_NE(SampleKeys::published().find(cells[3]).find(std::string(cells[0]) + ":" + std::string(cells[1])), std::string::npos);
}

std::string read_shared(const std::string& rel) {
  std::ifstream in(mdbc::test::shared_dir() / rel, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// imgtool's reference images: the full public key an image carries (PUBKEY TLV) is a DER
// SubjectPublicKeyInfo, and the PEM keys that made them are found as what they are.
TEST(EmbeddedKeys, FindsTheKeysOfMcubootReferenceVectors) {
  const std::string pub_pem = read_shared("data/mcuboot-vectors/pub-ecdsa-p256.pem");
  const std::string image = read_shared("data/mcuboot-vectors/ecdsa-p256-fullkey.bin");
  ASSERT_FALSE(pub_pem.empty());
  ASSERT_FALSE(image.empty());
  const auto pem_keys = find_embedded_keys(pub_pem);
  ASSERT_EQ(pem_keys.size(), 1u);
  EXPECT_FALSE(pem_keys[0].is_private);
  bool in_image = false;
  for (const auto& k : find_embedded_keys(image)) in_image = in_image || k.spki_sha256 == pem_keys[0].spki_sha256;
  EXPECT_TRUE(in_image);
  const auto private_keys = find_embedded_keys(read_shared("data/mcuboot-vectors/key-ecdsa-p256.pem"));
  ASSERT_EQ(private_keys.size(), 1u);
  EXPECT_TRUE(private_keys[0].is_private);
  EXPECT_EQ(private_keys[0].spki_sha256, pem_keys[0].spki_sha256);
}

}  // namespace
}  // namespace mdbc::binary
