// MCUboot images: the imgtool vectors, byte-exact Ed25519 signing, round trips for every key type,
// the tamper matrix, and images built by hand from the format description with OpenSSL directly.
#include "sign/mcuboot_image.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "core/error.h"
#include "sign/signature.h"
#include "sign/vectors.h"

namespace mdbc::sign::mcuboot {
namespace {

using test::le16;
using test::le32;
using test::vector_file;

std::vector<Key> pub(const std::string& type) {
  std::vector<Key> keys;
  keys.push_back(parse_public_key(vector_file("pub-" + type + ".pem"), "pub-" + type + ".pem"));
  return keys;
}

Key priv(const std::string& type) {
  return parse_private_key(vector_file("key-" + type + ".pem"), "key-" + type + ".pem");
}

BuildOptions vector_options() {
  BuildOptions o;
  o.version = *parse_version("1.2.3+4");
  o.header_size = 0x200;
  o.slot_size = 0x20000;
  o.align = 8;
  o.pad_header = true;
  return o;
}

// The vectors' 6,000-byte payload.
const std::string& payload_bytes() {
  static const std::string bytes = vector_file("payload.bin");
  return bytes;
}

TEST(McubootVectors, EveryImgtoolImageVerifiesWithItsKey) {
  for (const auto& type : test::vector_key_types)
    for (const auto& variant : test::vector_variants) {
      const auto v = verify(vector_file(type + variant + ".bin"), pub(type));
      EXPECT_TRUE(v.valid) << type << variant << ": " << v.reason;
      EXPECT_EQ(v.hash, type == "ecdsa-p384" ? HashAlg::sha384 : HashAlg::sha256);
    }
}

TEST(McubootVectors, DigestsAreTheOnesImgtoolReports) {
  EXPECT_TRUE(to_hex(verify(vector_file("ed25519.bin"), pub("ed25519")).digest).starts_with("a07a9181"));
  EXPECT_TRUE(to_hex(verify(vector_file("rsa-2048-confirmed.bin"), pub("rsa-2048")).digest).ends_with("06c7"));
  EXPECT_TRUE(to_hex(verify(vector_file("ecdsa-p256-seccnt7.bin"), pub("ecdsa-p256")).digest).starts_with("09e5cbde"));
  EXPECT_TRUE(to_hex(verify(vector_file("ed25519-fullkey.bin"), pub("ed25519")).digest).ends_with("8274"));
}

TEST(McubootVectors, EveryImageIsRejectedUnderEveryOtherKeyType) {
  for (const auto& type : test::vector_key_types)
    for (const auto& other : test::vector_key_types) {
      if (other == type) continue;
      for (const auto& variant : test::vector_variants) {
        const auto v = verify(vector_file(type + variant + ".bin"), pub(other));
        EXPECT_FALSE(v.valid) << type << variant << " under " << other;
        EXPECT_FALSE(v.reason.empty());
      }
    }
}

TEST(McubootVectors, HashOnlyImageIsRejectedUnderEveryKey) {
  const std::string image = vector_file("unsigned-hash-only.bin");
  for (const auto& type : test::vector_key_types) {
    const auto v = verify(image, pub(type));
    EXPECT_FALSE(v.valid) << type;
    if (type != "ecdsa-p384") { EXPECT_EQ(v.reason, "no signature: the image carries only a hash (unsigned)"); }
  }
  const Summary s = summarize(image, parse_layout(image));
  EXPECT_TRUE(s.signatures.empty());
  EXPECT_TRUE(s.hash_matches);
}

TEST(McubootVectors, Ed25519ImagesAreReproducedByteForByte) {
  const Key key = priv("ed25519");
  BuildOptions plain = vector_options();
  EXPECT_EQ(padded_slot(build(payload_bytes(), key, plain, "payload.bin"), plain.slot_size), vector_file("ed25519.bin"));

  BuildOptions confirmed = vector_options();
  confirmed.slot_size = 0x4000;
  confirmed.confirm = true;
  confirmed.pad = true;
  EXPECT_EQ(padded_slot(build(payload_bytes(), key, confirmed, "payload.bin"), confirmed.slot_size),
            vector_file("ed25519-confirmed.bin"));

  BuildOptions counter = vector_options();
  counter.version = *parse_version("2.0.0");
  counter.security_counter = 7;
  EXPECT_EQ(padded_slot(build(payload_bytes(), key, counter, "payload.bin"), counter.slot_size),
            vector_file("ed25519-seccnt7.bin"));

  BuildOptions full = vector_options();
  full.version = *parse_version("1.0.0");
  full.full_public_key = true;
  EXPECT_EQ(padded_slot(build(payload_bytes(), key, full, "payload.bin"), full.slot_size), vector_file("ed25519-fullkey.bin"));
}

TEST(McubootVectors, SummaryReadsWhatIsThere) {
  const std::string image = vector_file("ecdsa-p384-seccnt7.bin");
  const Summary s = summarize(image, parse_layout(image));
  EXPECT_EQ(s.layout.header.version.text(), "2.0.0+0");
  EXPECT_EQ(s.layout.header.hdr_size, 0x200);
  EXPECT_EQ(s.layout.header.img_size, 6000u);
  ASSERT_TRUE(s.hash);
  EXPECT_EQ(*s.hash, HashAlg::sha384);
  EXPECT_TRUE(s.hash_matches);
  ASSERT_EQ(s.signatures.size(), 1u);
  EXPECT_EQ(s.signatures[0], tlv::ecdsa_sig);
  ASSERT_EQ(s.key_hashes.size(), 1u);
  EXPECT_EQ(s.key_hashes[0], digest(HashAlg::sha384, pub("ecdsa-p384")[0].mcuboot_key_bytes()));
  ASSERT_TRUE(s.security_counter);
  EXPECT_EQ(*s.security_counter, 7u);
  EXPECT_FALSE(s.uncovered);

  const std::string confirmed = vector_file("rsa-2048-confirmed.bin");
  const Summary c = summarize(confirmed, parse_layout(confirmed));
  EXPECT_FALSE(c.uncovered) << "erased fill and the trailer are not uncovered data";
  EXPECT_FALSE(c.security_counter);

  const std::string full = vector_file("rsa-3072-fullkey.bin");
  const Summary f = summarize(full, parse_layout(full));
  ASSERT_EQ(f.public_keys.size(), 1u);
  EXPECT_EQ(f.public_keys[0], pub("rsa-3072")[0].mcuboot_key_bytes());
}

// --- round trips through mdbc's own signer, every key type and option -------------------------

TEST(McubootRoundTrip, EveryKeyTypeAndOptionVerifies) {
  for (const auto& type : test::vector_key_types) {
    const Key key = priv(type);
    for (int variant = 0; variant < 5; ++variant) {
      BuildOptions o = vector_options();
      if (variant == 1) o.pad = true;
      if (variant == 2) o.confirm = true;
      if (variant == 3) o.security_counter_auto = true;
      if (variant == 4) o.full_public_key = true, o.security_counter = 42;
      const std::string image = padded_slot(build(payload_bytes(), key, o, "payload.bin"), o.slot_size);
      const auto v = verify(image, pub(type));
      EXPECT_TRUE(v.valid) << type << " variant " << variant << ": " << v.reason;
      if (variant == 1 || variant == 2) {
        ASSERT_EQ(image.size(), o.slot_size);
        EXPECT_EQ(image.substr(o.slot_size - 16), vector_file(type + "-confirmed.bin").substr(0x4000 - 16));
        EXPECT_EQ(image[o.slot_size - 24], variant == 2 ? '\x01' : '\xff');
      }
      const Summary s = summarize(image, parse_layout(image));
      if (variant == 3) { EXPECT_EQ(s.security_counter, (1u << 24) + (2u << 16) + 3u); }
      if (variant == 4) { EXPECT_EQ(s.security_counter, 42u); }
      // Every other key type refuses it.
      for (const auto& other : test::vector_key_types)
        if (other != type) { EXPECT_FALSE(verify(image, pub(other)).valid) << type << " under " << other; }
    }
  }
}

TEST(McubootRoundTrip, ConfirmedImageMatchesImgtoolOutsideTheSignature) {
  // ECDSA and RSA-PSS signatures are randomised: everything else must be imgtool's bytes.
  for (const auto& type : {"ecdsa-p256", "rsa-2048"}) {
    BuildOptions o = vector_options();
    o.slot_size = 0x4000;
    o.confirm = true;
    const std::string mine = padded_slot(build(payload_bytes(), priv(type), o, "payload.bin"), o.slot_size);
    const std::string theirs = vector_file(std::string(type) + "-confirmed.bin");
    ASSERT_EQ(mine.size(), theirs.size());
    const Layout l = parse_layout(theirs);
    EXPECT_EQ(mine.substr(0, l.hashed_size), theirs.substr(0, l.hashed_size)) << type;
    EXPECT_EQ(mine.substr(mine.size() - 3200), theirs.substr(theirs.size() - 3200)) << type;
  }
}

// --- refusals --------------------------------------------------------------------------------

TEST(McubootBuild, RefusesWhatImgtoolRefuses) {
  const Key key = priv("ed25519");
  BuildOptions small = vector_options();
  small.slot_size = 0x2000;  // 6000 + 0x200 fits, but not with the 3120-byte trailer
  EXPECT_THROW(build(payload_bytes(), key, small, "p"), InputError);
  small.slot_size = 0x1000;
  EXPECT_THROW(build(payload_bytes(), key, small, "p"), InputError);

  BuildOptions no_pad = vector_options();
  no_pad.pad_header = false;
  EXPECT_THROW(build(payload_bytes(), key, no_pad, "p"), InputError) << "the payload starts with non-zero bytes";
  const std::string zeros(0x200, '\0');
  const auto ok = build(zeros + payload_bytes(), key, no_pad, "p");
  EXPECT_TRUE(verify(ok.image, pub("ed25519")).valid);
  EXPECT_THROW(build(std::string(0x100, '\0'), key, no_pad, "p"), InputError) << "shorter than the header";

  BuildOptions bad_align = vector_options();
  bad_align.align = 3;
  EXPECT_THROW(build(payload_bytes(), key, bad_align, "p"), InputError);
  BuildOptions tiny_header = vector_options();
  tiny_header.header_size = 16;
  EXPECT_THROW(build(payload_bytes(), key, tiny_header, "p"), InputError);
  EXPECT_THROW(build(payload_bytes(), pub("ed25519")[0], vector_options(), "p"), InputError) << "public key cannot sign";
}

TEST(McubootBuild, VersionSyntaxAndRanges) {
  EXPECT_EQ(parse_version("1.2.3+4")->text(), "1.2.3+4");
  EXPECT_EQ(parse_version("1")->text(), "1.0.0+0");
  EXPECT_EQ(parse_version("1.2")->text(), "1.2.0+0");
  EXPECT_EQ(parse_version("255.255.65535+4294967295")->text(), "255.255.65535+4294967295");
  for (const char* bad : {"", "256.0.0", "0.256.0", "0.0.65536", "1.2.3+4294967296", "1.2.3.4", "01.2.3", "1..3",
                          "1.2.3+", "+4", "1.2+3", "a.b.c", "-1.0.0", "1.2.3+4+5", " 1.2.3", "1.2.3 "})
    EXPECT_FALSE(parse_version(bad)) << "'" << bad << "'";
}

TEST(McubootBuild, RamLoadAddressSetsTheFlag) {
  BuildOptions o = vector_options();
  o.load_addr = 0x20000000;
  const std::string image = build(payload_bytes(), priv("ed25519"), o, "p").image;
  const Layout l = parse_layout(image);
  EXPECT_EQ(l.header.load_addr, 0x20000000u);
  EXPECT_EQ(l.header.flags, flag::ram_load);
  EXPECT_TRUE(verify(image, pub("ed25519")).valid);
}

// --- tamper matrix ---------------------------------------------------------------------------

std::string flip(std::string s, size_t at) {
  s[at] = static_cast<char>(s[at] ^ 0x01);
  return s;
}

void expect_rejected(const std::string& image, const std::string& type, const std::string& reason_start,
                     const std::string& what) {
  const auto v = verify(image, pub(type));
  EXPECT_FALSE(v.valid) << type << ": " << what;
  EXPECT_TRUE(v.reason.starts_with(reason_start)) << type << ": " << what << ": got '" << v.reason << "'";
}

TEST(McubootTamper, EveryCorruptionIsRejectedWithItsReason) {
  for (const auto& type : test::vector_key_types) {
    for (const auto& variant : {"", "-seccnt7", "-confirmed", "-fullkey"}) {
      const std::string image = vector_file(type + variant + ".bin");
      const Layout l = parse_layout(image);
      const size_t tlv_info = l.hashed_size;
      const std::string t = type + variant;
      expect_rejected(flip(image, 0x200 + 1234), type, "hash mismatch", t + " payload byte flip");
      expect_rejected(flip(image, 20), type, "hash mismatch", t + " version byte flip");
      expect_rejected(flip(image, 0x40), type, "hash mismatch", t + " header padding flip");
      expect_rejected(flip(image, 0), type, "bad magic", t + " magic flip");
      expect_rejected(flip(image, 12), type, "", t + " image size flip");
      expect_rejected(image.substr(0, l.tlv_end - 1), type, "TLV out of bounds", t + " truncated by one byte");
      expect_rejected(image.substr(0, 0x200 + 100), type, "truncated", t + " truncated in the payload");
      expect_rejected(image.substr(0, 20), type, "truncated", t + " truncated in the header");
      expect_rejected(flip(image, tlv_info), type, "bad TLV area magic", t + " TLV magic");
      // TLV area total one byte short and one byte long.
      std::string shorter = image, longer = image;
      const uint16_t total = static_cast<uint16_t>(static_cast<uint8_t>(image[tlv_info + 2]) |
                                                   static_cast<uint8_t>(image[tlv_info + 3]) << 8);
      shorter.replace(tlv_info + 2, 2, le16(static_cast<uint16_t>(total - 1)));
      expect_rejected(shorter, type, "TLV out of bounds", t + " TLV total - 1");
      // One byte more: past the end of the file, or (padded) a stray byte imgtool's verify ignores.
      longer.replace(tlv_info + 2, 2, le16(static_cast<uint16_t>(total + 1)));
      expect_rejected(longer, type, "TLV out of bounds", t + " TLV total + 1");
      // The signature TLV's length grown past the area.
      const Tlv& sig = l.tlvs.back();
      std::string long_sig = image;
      long_sig.replace(sig.value_offset - 2, 2, le16(static_cast<uint16_t>(sig.len + 1)));
      expect_rejected(long_sig, type, "TLV out of bounds", t + " signature length + 1");
      // Flipping a bit in the signature, the key hash or the hash TLV.
      expect_rejected(flip(image, sig.value_offset + sig.len / 2), type, "signature does not verify", t + " signature");
      for (const Tlv& tlv : l.tlvs) {
        if (tlv.type == tlv::keyhash)
          expect_rejected(flip(image, tlv.value_offset + tlv.len - 1), type, "key hash mismatch", t + " key hash");
        if (tlv.type == tlv::pubkey)
          expect_rejected(flip(image, tlv.value_offset + tlv.len - 1), type, "public key mismatch", t + " public key");
        if (tlv.type == tlv::sha256 || tlv.type == tlv::sha384)
          expect_rejected(flip(image, tlv.value_offset), type, "hash mismatch", t + " hash TLV");
      }
      if (l.header.protect_tlv_size != 0) {
        expect_rejected(flip(image, 0x200 + 6000 + 8), type, "hash mismatch", t + " security counter value");
        expect_rejected(flip(image, 10), type, "", t + " protected size field");
        expect_rejected(flip(image, 0x200 + 6000 + 2), type, "protected TLV area size", t + " protected total");
      }
    }
  }
}

TEST(McubootTamper, SwappedKeysOfTheSameTypeAreRejected) {
  for (const auto& type : test::vector_key_types) {
    std::vector<Key> other;
    other.push_back(generate_key(*parse_key_type(type)));
    const auto v = verify(vector_file(type + ".bin"), other);
    EXPECT_FALSE(v.valid);
    EXPECT_TRUE(v.reason.starts_with("key hash mismatch")) << v.reason;
  }
}

TEST(McubootTamper, AttackerSignatureNextToTheTrustedKeyHashIsRejected) {
  for (const auto& type : test::vector_key_types) {
    const Key attacker = generate_key(*parse_key_type(type));
    BuildOptions o = vector_options();
    std::string evil = build(payload_bytes() + "evil", attacker, o, "p").image;
    // Put the trusted key's hash where the attacker's is: the signature is still the attacker's.
    const Layout l = parse_layout(evil);
    const std::string trusted_hash = digest(image_hash_for(attacker.type()), pub(type)[0].mcuboot_key_bytes());
    for (const Tlv& t : l.tlvs)
      if (t.type == tlv::keyhash) evil.replace(t.value_offset, t.len, trusted_hash);
    const auto v = verify(evil, pub(type));
    EXPECT_FALSE(v.valid) << type;
    EXPECT_TRUE(v.reason.starts_with("signature does not verify")) << v.reason;
    EXPECT_TRUE(verify(build(payload_bytes() + "evil", attacker, o, "p").image, std::span<const Key>(&attacker, 1)).valid);
  }
}

TEST(McubootTamper, TrustedSignatureAfterAForeignOneStillCounts) {
  // The bootloader ignores a signature whose KEYHASH names another key; a valid pair later counts.
  const std::string image = vector_file("ed25519.bin");
  const Layout l = parse_layout(image);
  const Key stranger = generate_key(KeyType::ed25519);
  std::string foreign;
  foreign += le16(tlv::keyhash) + le16(32) + digest(HashAlg::sha256, stranger.mcuboot_key_bytes());
  foreign += le16(tlv::ed25519) + le16(64) + std::string(64, '\x5a');
  std::string combined = image.substr(0, l.hashed_size);
  const std::string tlvs = image.substr(l.hashed_size + 4, l.tlv_end - l.hashed_size - 4);
  const std::string hash_tlv = tlvs.substr(0, 36);
  const std::string rest = foreign + tlvs.substr(36);
  combined += le16(tlv_info_magic) + le16(static_cast<uint16_t>(4 + hash_tlv.size() + rest.size())) + hash_tlv + rest;
  EXPECT_TRUE(verify(combined, pub("ed25519")).valid) << verify(combined, pub("ed25519")).reason;
}

TEST(McubootTamper, ShortKeyHashPrefixIsNotAMatch) {
  // bootutil_find_key compares only it_len bytes; mdbc demands the whole digest.
  std::string image = vector_file("ed25519.bin");
  const Layout l = parse_layout(image);
  std::string tlvs;
  for (const Tlv& t : l.tlvs) {
    const std::string value = image.substr(t.value_offset, t.type == tlv::keyhash ? 4 : t.len);
    tlvs += le16(t.type) + le16(static_cast<uint16_t>(value.size())) + value;
  }
  image = image.substr(0, l.hashed_size) + le16(tlv_info_magic) + le16(static_cast<uint16_t>(4 + tlvs.size())) + tlvs;
  const auto v = verify(image, pub("ed25519"));
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(v.reason.starts_with("key hash mismatch")) << v.reason;
}

TEST(McubootTamper, PureSignaturesAreNamedNotMistakenForDigestSignatures) {
  // imgtool --pure: SHA512 TLV, SIG_PURE = 1, Ed25519 over the image itself (format §4).
  std::string image = vector_file("ed25519.bin");
  const Layout l = parse_layout(image);
  const std::string tlvs = image.substr(l.hashed_size + 4, l.tlv_end - l.hashed_size - 4) + le16(tlv::sig_pure) +
                           le16(1) + std::string(1, '\x01');
  image = image.substr(0, l.hashed_size) + le16(tlv_info_magic) + le16(static_cast<uint16_t>(4 + tlvs.size())) + tlvs;
  const auto v = verify(image, pub("ed25519"));
  EXPECT_FALSE(v.valid);
  EXPECT_TRUE(v.reason.starts_with("pure signature")) << v.reason;
}

TEST(McubootTamper, StructuralDefectsHaveReasons) {
  EXPECT_THROW(parse_layout(""), Defect);
  std::string v1 = vector_file("ed25519.bin");
  v1.replace(0, 4, le32(image_magic_v1));
  try {
    parse_layout(v1);
    FAIL();
  } catch (const Defect& d) {
    EXPECT_TRUE(std::string(d.what()).find("obsolete") != std::string::npos);
  }
  std::string small_header = vector_file("ed25519.bin");
  small_header.replace(8, 2, le16(16));
  EXPECT_THROW(parse_layout(small_header), Defect);
  std::string huge = vector_file("ed25519.bin");
  huge.replace(12, 4, le32(0xffffffff));
  EXPECT_THROW(parse_layout(huge), Defect);
  // A protected size declared without a protected area, and a protected area the header omits.
  std::string declared = vector_file("ed25519.bin");
  declared.replace(10, 2, le16(12));
  EXPECT_THROW(parse_layout(declared), Defect);
  std::string undeclared = vector_file("ed25519-seccnt7.bin");
  undeclared.replace(10, 2, le16(0));
  EXPECT_THROW(parse_layout(undeclared), Defect);
}

// --- images built by hand from the format description, signed with OpenSSL directly ----------

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

std::unique_ptr<EVP_PKEY, PkeyFree> openssl_key(const std::string& type) {
  const std::string pem = vector_file("key-" + type + ".pem");
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  EVP_PKEY* k = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  return std::unique_ptr<EVP_PKEY, PkeyFree>(k);
}

std::string openssl_digest(const EVP_MD* md, const std::string& data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), out, &len, md, nullptr);
  return std::string(reinterpret_cast<char*>(out), len);
}

// One-shot EVP_DigestSign of `message` (md null for Ed25519), optionally RSA-PSS with salt 32.
std::string openssl_sign(EVP_PKEY* key, const EVP_MD* md, const std::string& message, bool pss) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pctx = nullptr;
  EXPECT_EQ(EVP_DigestSignInit(ctx, &pctx, md, nullptr, key), 1);
  if (pss) {
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, EVP_sha256());
    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 32);
  }
  size_t len = 0;
  auto* msg = reinterpret_cast<const unsigned char*>(message.data());
  EVP_DigestSign(ctx, nullptr, &len, msg, message.size());
  std::string sig(len, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len, msg, message.size()), 1);
  sig.resize(len);
  EVP_MD_CTX_free(ctx);
  return sig;
}

std::string spki(EVP_PKEY* key) {
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(key, &der);
  std::string out(reinterpret_cast<char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

// Header (hdr_size bytes, zero padding), payload, optional SEC_CNT, then hash, key hash, signature.
std::string hand_built(const std::string& type, uint16_t hdr_size, const std::string& body,
                       std::optional<uint32_t> counter) {
  auto key = openssl_key(type);
  const bool p384 = type == "ecdsa-p384";
  const EVP_MD* md = p384 ? EVP_sha384() : EVP_sha256();
  std::string prot;
  if (counter) prot = le16(0x6908) + le16(12) + le16(0x50) + le16(4) + le32(*counter);
  std::string r = le32(0x96f3b83d) + le32(0) + le16(hdr_size) + le16(static_cast<uint16_t>(prot.size())) +
                  le32(static_cast<uint32_t>(body.size())) + le32(0) + std::string{'\x09', '\x08'} + le16(7) +
                  le32(6) + le32(0);
  r += std::string(hdr_size - 32, '\0') + body + prot;
  const std::string d = openssl_digest(md, r);
  std::string key_bytes = spki(key.get());
  std::string sig;
  uint16_t sig_type = 0;
  if (type == "ed25519") {
    sig = openssl_sign(key.get(), nullptr, d, false);  // PureEdDSA over the digest
    sig_type = 0x24;
  } else if (type.starts_with("ecdsa")) {
    sig = openssl_sign(key.get(), md, r, false);  // ECDSA-SHA256/384 over the region = over its digest
    sig_type = 0x22;
  } else {
    // RSA: the key bytes are PKCS#1 RSAPublicKey, here from the openssl command-line tool.
    test::TempDir dir;
    const auto pub_der = dir.path() / "pub.der";
    const auto r_run = test::run({"openssl", "rsa", "-pubin", "-in", test::vector_path("pub-" + type + ".pem").string(),
                                  "-RSAPublicKey_out", "-outform", "DER", "-out", pub_der.string()});
    EXPECT_EQ(r_run.exit_code, 0) << r_run.err;
    key_bytes = test::read_text(pub_der);
    sig = openssl_sign(key.get(), EVP_sha256(), r, true);
    sig_type = type == "rsa-2048" ? 0x20 : 0x23;
  }
  std::string tlvs = le16(p384 ? 0x11 : 0x10) + le16(static_cast<uint16_t>(d.size())) + d;
  const std::string kh = openssl_digest(md, key_bytes);
  tlvs += le16(0x01) + le16(static_cast<uint16_t>(kh.size())) + kh;
  tlvs += le16(sig_type) + le16(static_cast<uint16_t>(sig.size())) + sig;
  return r + le16(0x6907) + le16(static_cast<uint16_t>(4 + tlvs.size())) + tlvs;
}

TEST(McubootIndependent, HandBuiltImagesVerify) {
  for (const auto& type : test::vector_key_types) {
    const std::string image = hand_built(type, 32, "hand-built payload for " + type, std::nullopt);
    const auto v = verify(image, pub(type));
    EXPECT_TRUE(v.valid) << type << ": " << v.reason;
    const Summary s = summarize(image, parse_layout(image));
    EXPECT_EQ(s.layout.header.version.text(), "9.8.7+6");
    EXPECT_FALSE(verify(flip(image, 40), pub(type)).valid) << type;
  }
  const std::string with_counter = hand_built("ed25519", 0x100, std::string(3000, '\x42'), 99);
  EXPECT_TRUE(verify(with_counter, pub("ed25519")).valid);
  EXPECT_EQ(summarize(with_counter, parse_layout(with_counter)).security_counter, 99u);
}

TEST(McubootIndependent, Ed25519OverTheImageInsteadOfItsDigestIsRejected) {
  // MCUboot's Ed25519 signs the 32-byte digest; a signature over the region itself must fail.
  const std::string good = hand_built("ed25519", 32, "payload", std::nullopt);
  const Layout l = parse_layout(good);
  auto key = openssl_key("ed25519");
  std::string bad = good;
  const Tlv& sig = l.tlvs.back();
  bad.replace(sig.value_offset, 64, openssl_sign(key.get(), nullptr, good.substr(0, l.hashed_size), false));
  EXPECT_TRUE(verify(bad, pub("ed25519")).reason.starts_with("signature does not verify"));
}

TEST(McubootIndependent, MdbcSignaturesVerifyWithOpenssl) {
  // The signature mdbc writes checks with the openssl command-line tool over the same bytes.
  for (const auto& type : test::vector_key_types) {
    const std::string image = build(payload_bytes(), priv(type), vector_options(), "p").image;
    const Layout l = parse_layout(image);
    test::TempDir dir;
    const auto region = dir.write("region.bin", image.substr(0, l.hashed_size));
    const Tlv& sig = l.tlvs.back();
    const auto sig_file = dir.write("sig.bin", image.substr(sig.value_offset, sig.len));
    const std::string pub_pem = test::vector_path("pub-" + type + ".pem").string();
    std::vector<std::string> cmd;
    if (type == "ed25519") {
      const auto d = dir.write("digest.bin", image.substr(l.tlvs[0].value_offset, l.tlvs[0].len));
      cmd = {"openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pub_pem, "-rawin", "-in", d.string(),
             "-sigfile", sig_file.string()};
    } else {
      cmd = {"openssl", "dgst", type == "ecdsa-p384" ? "-sha384" : "-sha256", "-verify", pub_pem, "-signature",
             sig_file.string()};
      if (type.starts_with("rsa"))
        for (const char* o : {"-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"}) cmd.push_back(o);
      cmd.push_back(region.string());
    }
    const auto r = test::run(cmd);
    EXPECT_EQ(r.exit_code, 0) << type << ": " << r.out << r.err;
  }
}

}  // namespace
}  // namespace mdbc::sign::mcuboot
