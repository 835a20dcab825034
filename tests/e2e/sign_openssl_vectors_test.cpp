// Test vectors made without mdbc: images assembled here from the format description
// (../shared/mcuboot-format.md §1-§5), with the openssl command-line tool computing every digest,
// key encoding and signature, must verify with `mdbc verify`; and every piece of an image mdbc
// signs must check with the openssl tool over the bytes the format says are signed.
#include <optional>

#include <gtest/gtest.h>

#include "sign/vectors.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

std::string v(const std::string& name) { return vector_path(name).string(); }

bool is_rsa(const std::string& type) { return type.starts_with("rsa"); }
bool is_ecdsa(const std::string& type) { return type.starts_with("ecdsa"); }
// §4: P-384 images use SHA-384, every other key type SHA-256; "ed25519-sha512" is Ed25519 with
// imgtool's --sha 512 (SHA-512 hash TLV and KEYHASH, the signature over the 64-byte digest).
std::string hash_option(const std::string& type) {
  return type == "ecdsa-p384" ? "-sha384" : type == "ed25519-sha512" ? "-sha512" : "-sha256";
}
uint16_t hash_tlv(const std::string& type) {
  return type == "ecdsa-p384" ? 0x11 : type == "ed25519-sha512" ? 0x12 : 0x10;
}
// The key files of a test type.
std::string key_type(const std::string& type) { return type == "ed25519-sha512" ? "ed25519" : type; }
const std::vector<std::string> test_types = {"ed25519", "ed25519-sha512", "ecdsa-p256", "ecdsa-p384", "rsa-2048",
                                             "rsa-3072"};
uint16_t signature_tlv(const std::string& type) {
  if (type.starts_with("ed25519")) return 0x24;
  if (is_ecdsa(type)) return 0x22;
  return type == "rsa-2048" ? 0x20 : 0x23;
}

uint16_t u16_at(const std::string& s, size_t off) {
  return static_cast<uint16_t>(static_cast<uint8_t>(s[off]) | static_cast<uint8_t>(s[off + 1]) << 8);
}
uint32_t u32_at(const std::string& s, size_t off) {
  return u16_at(s, off) | static_cast<uint32_t>(u16_at(s, off + 2)) << 16;
}

std::string tlv(uint16_t type, const std::string& value) {
  return le16(type) + le16(static_cast<uint16_t>(value.size())) + value;
}

// Runs the openssl tool and returns what it wrote to `out` (or its standard output).
std::string openssl(const std::vector<std::string>& args, const std::filesystem::path& out = {}) {
  std::vector<std::string> cmd = {"openssl"};
  cmd.insert(cmd.end(), args.begin(), args.end());
  const auto r = run(cmd);
  EXPECT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
  return out.empty() ? r.out : read_text(out);
}

// §5: the bytes MCUboot hashes for KEYHASH and embeds as PUBKEY: PKCS#1 RSAPublicKey DER for RSA,
// SubjectPublicKeyInfo DER otherwise.
std::string key_bytes(const std::string& type) {
  const std::string pub = v("pub-" + key_type(type) + ".pem");
  if (is_rsa(type)) return openssl({"rsa", "-pubin", "-in", pub, "-RSAPublicKey_out", "-outform", "DER"});
  return openssl({"pkey", "-pubin", "-in", pub, "-outform", "DER"});
}

std::string file_digest(const std::string& type, const std::filesystem::path& file) {
  return openssl({"dgst", hash_option(type), "-binary", file.string()});
}

// §4: the signature of the hashed region R (in `region`) whose digest is in `digest`.
std::string openssl_signature(const TempDir& dir, const std::string& type, const std::filesystem::path& region,
                              const std::filesystem::path& digest) {
  const auto sig = dir.path() / "sig.bin";
  const std::string key = v("key-" + key_type(type) + ".pem");
  if (type.starts_with("ed25519"))  // PureEdDSA with the digest as the message
    return openssl({"pkeyutl", "-sign", "-inkey", key, "-rawin", "-in", digest.string(), "-out", sig.string()}, sig);
  std::vector<std::string> args = {"dgst", hash_option(type), "-sign", key, "-out", sig.string()};
  if (is_rsa(type))
    for (const char* o : {"-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256"})
      args.push_back(o);
  args.push_back(region.string());
  return openssl(args, sig);
}

struct HandBuilt {
  uint16_t header_size = 32;
  std::string payload;
  std::optional<uint32_t> security_counter;
  bool full_key = false;
  bool sign_region_instead_of_digest = false;  // Ed25519 over R: what MCUboot does not do (without SIG_PURE)
};

// Header (§2), zero header padding, payload, optional protected SEC_CNT (§3, §7), then the hash,
// KEYHASH or PUBKEY, and signature TLVs in imgtool's order (§3).
std::string hand_built(const TempDir& dir, const std::string& type, const HandBuilt& h) {
  const std::string prot = h.security_counter ? le16(0x6908) + le16(4 + 8) + tlv(0x50, le32(*h.security_counter)) : "";
  std::string region = le32(0x96f3b83d) + le32(0) + le16(h.header_size) + le16(static_cast<uint16_t>(prot.size())) +
                       le32(static_cast<uint32_t>(h.payload.size())) + le32(0) + std::string("\x03\x01", 2) + le16(4) +
                       le32(1) + le32(0);
  region += std::string(h.header_size - 32, '\0') + h.payload + prot;
  const auto region_file = dir.write("region.bin", region);
  const std::string digest = file_digest(type, region_file);
  const auto digest_file = dir.write("digest.bin", digest);
  const std::string signature = openssl_signature(
      dir, type, region_file, h.sign_region_instead_of_digest ? region_file : digest_file);
  const std::string key = key_bytes(type);
  const std::string key_id = h.full_key ? key : file_digest(type, dir.write("key.der", key));
  const std::string tlvs = tlv(hash_tlv(type), digest) + tlv(h.full_key ? 0x02 : 0x01, key_id) +
                           tlv(signature_tlv(type), signature);
  return region + le16(0x6907) + le16(static_cast<uint16_t>(4 + tlvs.size())) + tlvs;
}

RunResult verify(const TempDir& dir, const std::string& image, const std::string& type) {
  return mdbc({"verify", "--key", v("pub-" + key_type(type) + ".pem"), dir.write("image.bin", image).string()});
}

TEST(OpensslVectors, ImagesAssembledWithTheOpensslToolVerify) {
  for (const auto& type : test_types) {
    TempDir dir;
    const std::vector<HandBuilt> variants = {
        {32, "a payload assembled by hand for " + type, std::nullopt, false, false},
        {0x200, std::string(4096, '\x5a') + "end", 3, false, false},
        {0x80, "full key " + type, 0x01020003, true, false},
    };
    for (size_t i = 0; i < variants.size(); ++i) {
      const std::string image = hand_built(dir, type, variants[i]);
      const auto r = verify(dir, image, type);
      EXPECT_EQ(r.exit_code, 0) << type << " variant " << i << ": " << r.err;
      // Rejected under every other key type, and after a payload byte flip.
      for (const auto& other : vector_key_types)
        if (other != key_type(type)) { EXPECT_EQ(verify(dir, image, other).exit_code, 1) << type << " under " << other; }
      std::string changed = image;
      changed[variants[i].header_size + 1] ^= 0x20;
      const auto c = verify(dir, changed, type);
      EXPECT_EQ(c.exit_code, 1) << type << " variant " << i;
      EXPECT_NE(c.err.find("hash mismatch"), std::string::npos) << c.err;
    }
  }
}

TEST(OpensslVectors, Ed25519SignatureOverTheImageInsteadOfItsDigestIsRejected) {
  TempDir dir;
  const std::string image = hand_built(dir, "ed25519", {32, "payload", std::nullopt, false, true});
  const auto r = verify(dir, image, "ed25519");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("signature does not verify"), std::string::npos) << r.err;
}

TEST(OpensslVectors, MdbcImagesCheckPieceByPieceWithTheOpensslTool) {
  for (const auto& type : test_types) {
    for (const bool full_key : {false, true}) {
      TempDir dir;
      const auto out = dir.path() / "signed.bin";
      const auto s = mdbc({"sign", "--key", v("key-" + key_type(type) + ".pem"), "-v", "3.1.4+15", "-H", "0x200", "-S",
                           "0x20000", "--align", "8", "--pad-header", "--security-counter", "9", "--public-key-format",
                           full_key ? "full" : "hash", "--sha", type == "ed25519-sha512" ? "512" : "auto",
                           v("payload.bin"), out.string()});
      ASSERT_EQ(s.exit_code, 0) << s.err;
      const std::string image = read_text(out);
      SCOPED_TRACE(type + (full_key ? " full key" : " key hash"));
      // §2: the header fields, then the hashed region R = header + payload + protected area.
      ASSERT_EQ(u32_at(image, 0), 0x96f3b83du);
      const size_t hdr = u16_at(image, 8), prot = u16_at(image, 10), img = u32_at(image, 12);
      EXPECT_EQ(hdr, 0x200u);
      EXPECT_EQ(img, 6000u);
      EXPECT_EQ(prot, 12u);
      EXPECT_EQ(image.substr(20, 8), std::string("\x03\x01\x04\x00\x0f\x00\x00\x00", 8)) << "version 3.1.4+15";
      EXPECT_EQ(image.substr(hdr, img), vector_file("payload.bin"));
      EXPECT_EQ(image.substr(hdr + img, prot), le16(0x6908) + le16(12) + tlv(0x50, le32(9)));
      const auto region = dir.write("region.bin", image.substr(0, hdr + img + prot));
      const std::string digest = file_digest(type, region);

      // §3: the unprotected area holds exactly hash, KEYHASH or PUBKEY, signature.
      size_t off = hdr + img + prot;
      ASSERT_EQ(u16_at(image, off), 0x6907);
      const size_t end = off + u16_at(image, off + 2);
      ASSERT_EQ(end, image.size());
      off += 4;
      const auto next = [&](uint16_t want_type) {
        EXPECT_EQ(u16_at(image, off), want_type);
        const size_t len = u16_at(image, off + 2);
        const std::string value = image.substr(off + 4, len);
        off += 4 + len;
        return value;
      };
      EXPECT_EQ(next(hash_tlv(type)), digest) << "the hash TLV is openssl's digest of R";
      const std::string key = key_bytes(type);
      if (full_key) EXPECT_EQ(next(0x02), key);
      else EXPECT_EQ(next(0x01), file_digest(type, dir.write("key.der", key))) << "KEYHASH = H(key bytes)";
      const std::string signature = next(signature_tlv(type));
      EXPECT_EQ(off, end);

      // §4: the signature checks with the openssl tool over what the format says is signed.
      const auto sig = dir.write("sig.bin", signature);
      const std::string pub = v("pub-" + key_type(type) + ".pem");
      std::vector<std::string> check;
      if (type.starts_with("ed25519")) {
        EXPECT_EQ(signature.size(), 64u);
        check = {"openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub, "-rawin", "-in",
                 dir.write("digest.bin", digest).string(), "-sigfile", sig.string()};
      } else {
        check = {"openssl", "dgst", hash_option(type), "-verify", pub, "-signature", sig.string()};
        if (is_rsa(type)) {
          EXPECT_EQ(signature.size(), type == "rsa-2048" ? 256u : 384u);
          for (const char* o : {"-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt",
                                "rsa_mgf1_md:sha256"})
            check.push_back(o);
        } else {
          // ASN.1 DER SEQUENCE { INTEGER r, INTEGER s }.
          const std::string parsed = openssl({"asn1parse", "-inform", "DER", "-in", sig.string()});
          EXPECT_NE(parsed.find("SEQUENCE"), std::string::npos) << parsed;
          size_t integers = 0;
          for (size_t p = parsed.find("INTEGER"); p != std::string::npos; p = parsed.find("INTEGER", p + 1)) ++integers;
          EXPECT_EQ(integers, 2u) << parsed;
        }
        check.push_back(region.string());
      }
      const auto r = run(check);
      EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    }
  }
}

}  // namespace
}  // namespace mdbc::test
