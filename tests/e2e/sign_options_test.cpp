// Every option and refusal of `mdbc sign` (issue 4), checked on the bytes of the output at the
// offsets the format description gives (../shared/mcuboot-format.md), against imgtool's vectors
// where one exists, and every reason `mdbc verify` gives for an image it refuses.
#include <algorithm>

#include <gtest/gtest.h>

#include "sign/vectors.h"
#include "support/run.h"

namespace mdbc::test {
namespace {

std::string v(const std::string& name) { return vector_path(name).string(); }

// The ed25519 vectors' layout: a 0x200-byte header, the 6,000-byte payload, then the TLV area
// (info, SHA256, KEYHASH, ED25519: 4 + 36 + 36 + 68 bytes).
constexpr size_t header_size = 0x200;
constexpr size_t payload_size = 6000;
constexpr size_t tlv_area_size = 4 + 36 + 36 + 68;
constexpr size_t image_size = header_size + payload_size + tlv_area_size;
// imgtool's swap trailer with --align 8: 128 sectors * 3 * 8 + 4 * 8 (image_ok, copy_done,
// swap_info, swap_size) + the 16-byte magic.
constexpr size_t trailer_size = 128 * 3 * 8 + 4 * 8 + 16;

const std::string boot_magic("\x77\xc2\x95\xf3\x60\xd2\xef\x7f\x35\x52\x50\x0f\x2c\xb6\x79\x80", 16);

uint32_t u32_at(const std::string& s, size_t off) {
  uint32_t v = 0;
  for (size_t i = 0; i < 4; ++i) v |= static_cast<uint32_t>(static_cast<uint8_t>(s[off + i])) << (8 * i);
  return v;
}

struct Signed {
  RunResult run;
  std::filesystem::path out;
  std::string bytes;  // the output file, empty when none was written
};

// mdbc sign with the ed25519 vector key and the vectors' common options, plus `options`.
Signed sign_vector_payload(const TempDir& dir, std::vector<std::string> options, const std::string& out_name = "out.bin",
                           const std::string& key = "key-ed25519.pem") {
  std::vector<std::string> cmd = {"sign", "--key", v(key), "-H", "0x200", "--align", "8", "--pad-header"};
  cmd.insert(cmd.end(), options.begin(), options.end());
  Signed s;
  s.out = dir.path() / out_name;
  std::filesystem::remove(s.out);  // from an earlier case: a refusal must not leave one
  cmd.push_back(v("payload.bin"));
  cmd.push_back(s.out.string());
  s.run = mdbc(cmd);
  if (std::filesystem::exists(s.out)) s.bytes = read_text(s.out);
  return s;
}

void expect_refused(const Signed& s, const std::string& message_part, const std::string& what) {
  EXPECT_EQ(s.run.exit_code, 2) << what << ": " << s.run.err;
  EXPECT_FALSE(std::filesystem::exists(s.out)) << what << ": an output file was left behind";
  EXPECT_EQ(std::count(s.run.err.begin(), s.run.err.end(), '\n'), 1) << what << ": not one line: " << s.run.err;
  EXPECT_NE(s.run.err.find(message_part), std::string::npos) << what << ": " << s.run.err;
}

TEST(SignOptions, PadFillsTheSlotWithErasedBytesAndEndsWithTheTrailerMagic) {
  TempDir dir;
  const Signed s = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x4000", "--pad"});
  ASSERT_EQ(s.run.exit_code, 0) << s.run.err;
  ASSERT_EQ(s.bytes.size(), 0x4000u);
  // The slot size is not part of the signed image: the start is imgtool's unpadded image.
  EXPECT_EQ(s.bytes.substr(0, image_size), vector_file("ed25519.bin"));
  EXPECT_EQ(s.bytes.substr(0x4000 - 16), boot_magic);
  // Not confirmed: image_ok (slot - 24) stays erased, like everything between the TLVs and the magic.
  EXPECT_EQ(s.bytes.substr(image_size, 0x4000 - 16 - image_size), std::string(0x4000 - 16 - image_size, '\xff'));
  // And it is imgtool's confirmed image but for the image_ok byte.
  std::string confirmed = vector_file("ed25519-confirmed.bin");
  confirmed[0x4000 - 24] = '\xff';
  EXPECT_EQ(s.bytes, confirmed);
  EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), s.out.string()}).exit_code, 0);
}

TEST(SignOptions, ConfirmImpliesPadAndSetsImageOk) {
  TempDir dir;
  const Signed s = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x4000", "--confirm"});
  ASSERT_EQ(s.run.exit_code, 0) << s.run.err;
  ASSERT_EQ(s.bytes.size(), 0x4000u);
  EXPECT_EQ(s.bytes[0x4000 - 24], '\x01');
  EXPECT_EQ(s.bytes.substr(0x4000 - 16), boot_magic);
  EXPECT_EQ(s.bytes, vector_file("ed25519-confirmed.bin"));
}

TEST(SignOptions, SecurityCounterGoesInTheHashedProtectedArea) {
  TempDir dir;
  const auto protected_area = [](uint32_t counter) {
    // info {0x6908, 12}, then SEC_CNT (0x50) of 4 bytes.
    return std::string("\x08\x69\x0c\x00\x50\x00\x04\x00", 8) + le32(counter);
  };
  struct Case {
    std::string version, counter;
    uint32_t expected;
  };
  for (const Case& c : {Case{"1.2.3", "auto", (1u << 24) + (2u << 16) + 3u}, Case{"2.0.0", "7", 7u},
                        Case{"255.255.65535", "auto", 0xffffffffu}, Case{"1.0.0", "0xffffffff", 0xffffffffu},
                        Case{"1.0.0", "0", 0u}}) {
    const Signed s = sign_vector_payload(dir, {"-v", c.version, "-S", "0x20000", "--security-counter", c.counter});
    ASSERT_EQ(s.run.exit_code, 0) << c.counter << ": " << s.run.err;
    EXPECT_EQ(s.bytes.substr(10, 2), le16(12)) << "ih_protect_tlv_size";
    EXPECT_EQ(s.bytes.substr(header_size + payload_size, 12), protected_area(c.expected)) << c.version << " " << c.counter;
    EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), s.out.string()}).exit_code, 0);
    // The counter is hashed: changing it breaks the image.
    std::string changed = s.bytes;
    changed[header_size + payload_size + 8] ^= 1;
    const auto r = mdbc({"verify", "--key", v("pub-ed25519.pem"), dir.write("changed.bin", changed).string()});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("hash mismatch"), std::string::npos) << r.err;
  }
  EXPECT_EQ(sign_vector_payload(dir, {"-v", "2.0.0", "-S", "0x20000", "-s", "7"}).bytes, vector_file("ed25519-seccnt7.bin"));
  for (const std::string bad : {"4294967296", "-1", "seven", "", "0x"})
    expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--security-counter=" + bad}),
                   "--security-counter", "--security-counter '" + bad + "'");
}

TEST(SignOptions, PublicKeyFormatFullEmbedsTheKeyBytes) {
  TempDir dir;
  const Signed full = sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--public-key-format", "full"});
  ASSERT_EQ(full.run.exit_code, 0) << full.run.err;
  EXPECT_EQ(full.bytes, vector_file("ed25519-fullkey.bin"));
  // The PUBKEY TLV (0x02) holds the SubjectPublicKeyInfo DER, as the openssl tool writes it.
  const auto spki = run({"openssl", "pkey", "-pubin", "-in", v("pub-ed25519.pem"), "-outform", "DER"});
  ASSERT_EQ(spki.exit_code, 0) << spki.err;
  const std::string pubkey_tlv = std::string("\x02\x00", 2) + le16(static_cast<uint16_t>(spki.out.size())) + spki.out;
  EXPECT_NE(full.bytes.find(pubkey_tlv, header_size + payload_size), std::string::npos);
  const Signed hash = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x20000", "--public-key-format", "hash"});
  EXPECT_EQ(hash.bytes, vector_file("ed25519.bin"));
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--public-key-format", "pem"}),
                 "--public-key-format", "--public-key-format pem");
}

TEST(SignOptions, LoadAddressIsRecordedWithTheRamLoadFlag) {
  TempDir dir;
  const Signed s = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x20000", "--load-addr", "0x20000400"});
  ASSERT_EQ(s.run.exit_code, 0) << s.run.err;
  EXPECT_EQ(u32_at(s.bytes, 4), 0x20000400u) << "ih_load_addr";
  EXPECT_EQ(u32_at(s.bytes, 16), 0x20u) << "ih_flags: IMAGE_F_RAM_LOAD";
  EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), s.out.string()}).exit_code, 0);
  // Everything but the two header fields (and so the hash and signature) is imgtool's plain image.
  const std::string plain = vector_file("ed25519.bin");
  EXPECT_EQ(s.bytes.substr(20, header_size + payload_size - 20), plain.substr(20, header_size + payload_size - 20));
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--load-addr", "0x100000000"}), "--load-addr",
                 "a load address over 32 bits");
}

TEST(SignOptions, HexOutputOfABinaryNeedsAnAddress) {
  TempDir dir;
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000"}, "out.hex"), "--hex-addr",
                 "binary in, hex out, no --hex-addr");
  const Signed hex = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x20000", "--hex-addr", "0x8000"}, "out.hex");
  ASSERT_EQ(hex.run.exit_code, 0) << hex.run.err;
  EXPECT_EQ(hex.bytes, vector_file("ed25519.hex"));
}

TEST(SignOptions, TheSlotMustHoldImageAndTrailerToTheByte) {
  // imgtool's check_trailer: header + payload + TLVs + trailer <= slot size, with or without padding.
  TempDir dir;
  const size_t exact = image_size + trailer_size;
  for (const std::vector<std::string>& extra : std::vector<std::vector<std::string>>{{}, {"--pad"}, {"--confirm"}}) {
    const std::string what = extra.empty() ? "unpadded" : extra[0];
    const Signed fits = sign_vector_payload(dir, [&] {
      std::vector<std::string> o = {"-v", "1.2.3+4", "-S", std::to_string(exact)};
      o.insert(o.end(), extra.begin(), extra.end());
      return o;
    }());
    ASSERT_EQ(fits.run.exit_code, 0) << what << ": " << fits.run.err;
    EXPECT_EQ(fits.bytes.size(), extra.empty() ? image_size : exact) << what;
    if (!extra.empty()) {
      EXPECT_EQ(fits.bytes.substr(0, image_size), vector_file("ed25519.bin")) << what << ": the trailer overlaps";
      EXPECT_EQ(fits.bytes.substr(exact - 16), boot_magic) << what;
      EXPECT_EQ(fits.bytes[exact - 24], extra[0] == "--confirm" ? '\x01' : '\xff') << what;
    }
    std::vector<std::string> o = {"-v", "1.2.3+4", "-S", std::to_string(exact - 1)};
    o.insert(o.end(), extra.begin(), extra.end());
    expect_refused(sign_vector_payload(dir, o), "do not fit", what + " one byte short");
    o[3] = "0x1000";  // smaller than the payload itself
    expect_refused(sign_vector_payload(dir, o), "do not fit", what + " payload over the slot");
  }
  // A wider write alignment reserves a larger trailer (128 * 3 * 16 + 4 * 16 + 16).
  const Signed wide = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", std::to_string(exact), "--align", "16"});
  expect_refused(wide, "do not fit", "--align 16 in the slot that fits --align 8");
}

TEST(SignOptions, MaxAlignSetsTheTrailerUnitAndMagic) {
  // §8: with BOOT_MAX_ALIGN other than 8 the magic is u16 max_align + a fixed 14-byte tail, and
  // image_ok sits at slot - align_up(16, max_align) - max_align.
  TempDir dir;
  const std::string magic_tail("\x2d\xe1\x5d\x29\x41\x0b\x8d\x77\x67\x9c\x11\x0f\x1f\x8a", 14);
  for (const uint32_t max_align : {16u, 32u}) {
    const Signed s = sign_vector_payload(
        dir, {"-v", "1.2.3+4", "-S", "0x4000", "--confirm", "--max-align", std::to_string(max_align)});
    ASSERT_EQ(s.run.exit_code, 0) << max_align << ": " << s.run.err;
    ASSERT_EQ(s.bytes.size(), 0x4000u);
    EXPECT_EQ(s.bytes.substr(0, image_size), vector_file("ed25519.bin")) << "the signed image does not depend on it";
    EXPECT_EQ(s.bytes.substr(0x4000 - 16), le16(static_cast<uint16_t>(max_align)) + magic_tail) << max_align;
    const size_t image_ok = 0x4000 - std::max<size_t>(16, max_align) - max_align;
    EXPECT_EQ(s.bytes[image_ok], '\x01') << max_align;
    std::string erased = s.bytes.substr(image_size, 0x4000 - 16 - image_size);
    erased[image_ok - image_size] = '\xff';
    EXPECT_EQ(erased, std::string(erased.size(), '\xff')) << max_align << ": only image_ok and the magic are written";
    EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), s.out.string()}).exit_code, 0);
  }
  // 8 is the default: the same bytes as without the option.
  EXPECT_EQ(sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x4000", "--confirm", "--max-align", "8"}).bytes,
            vector_file("ed25519-confirmed.bin"));
  // The trailer reserves 4 units of max_align: 128 * 3 * 8 + 4 * 16 + 16 with --max-align 16.
  const size_t exact = image_size + 128 * 3 * 8 + 4 * 16 + 16;
  const Signed fits = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", std::to_string(exact), "--max-align", "16"});
  EXPECT_EQ(fits.run.exit_code, 0) << fits.run.err;
  expect_refused(sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", std::to_string(exact - 1), "--max-align", "16"}),
                 "do not fit", "--max-align 16 one byte short");
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--max-align", "4"}), "maximum alignment",
                 "--max-align 4");
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--max-align", "8", "--align", "16"}),
                 "smaller than the alignment", "--max-align below --align");
}

TEST(SignOptions, ImageHashChoiceFollowsTheKeyType) {
  TempDir dir;
  EXPECT_EQ(sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x20000", "--sha", "256"}).bytes, vector_file("ed25519.bin"));
  EXPECT_EQ(sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x20000", "--sha", "auto"}).bytes, vector_file("ed25519.bin"));
  const Signed sha512 = sign_vector_payload(dir, {"-v", "1.2.3+4", "-S", "0x20000", "--sha", "512"});
  ASSERT_EQ(sha512.run.exit_code, 0) << sha512.run.err;
  EXPECT_EQ(sha512.bytes.substr(header_size + payload_size + 4, 4), std::string("\x12\x00\x40\x00", 4)) << "SHA512 TLV";
  EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), sha512.out.string()}).exit_code, 0);
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--sha", "384"}), "not sha384",
                 "ed25519 with SHA-384");
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--sha", "512"}, "out.bin", "key-ecdsa-p256.pem"),
                 "not sha512", "ecdsa-p256 with SHA-512");
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--sha", "256"}, "out.bin", "key-ecdsa-p384.pem"),
                 "not sha256", "ecdsa-p384 with SHA-256");
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000", "--sha", "1"}), "--sha", "--sha 1");
}

TEST(SignOptions, RefusalsLeaveAnExistingOutputUntouched) {
  TempDir dir;
  const auto out = dir.write("out.bin", "previous image");
  const std::vector<std::vector<std::string>> refused = {
      {"-v", "1.2.3", "-S", "0x1000", "-H", "0x200"},   // does not fit
      {"-v", "1.2", "-S", "0x20000", "-H", "16"},       // header smaller than the 32-byte struct
      {"-v", "v1.2.3", "-S", "0x20000", "-H", "0x200"},  // malformed version
      {"-v", "1.2.3", "-S", "0", "-H", "0x200"},         // no slot
  };
  for (const auto& options : refused) {
    std::vector<std::string> cmd = {"sign", "--key", v("key-ed25519.pem"), "--pad-header"};
    cmd.insert(cmd.end(), options.begin(), options.end());
    cmd.push_back(v("payload.bin"));
    cmd.push_back(out.string());
    const auto r = mdbc(cmd);
    EXPECT_EQ(r.exit_code, 2) << options[1] << " " << options[3] << ": " << r.err;
    EXPECT_EQ(read_text(out), "previous image");
  }
  std::vector<std::filesystem::path> left;
  for (const auto& e : std::filesystem::directory_iterator(dir.path())) left.push_back(e.path().filename());
  EXPECT_EQ(left, std::vector<std::filesystem::path>{"out.bin"}) << "a temporary file was left behind";
}

TEST(SignOptions, KeysThatCannotSignAreRefused) {
  TempDir dir;
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000"}, "out.bin", "pub-ed25519.pem"), "pub-ed25519.pem",
                 "a public key");
  expect_refused(sign_vector_payload(dir, {"-v", "1.0.0", "-S", "0x20000"}, "out.bin", "payload.bin"), "payload.bin",
                 "not a key");
}

// --- verify: one test per reason, on imgtool's images changed at the offsets the format gives ---

struct Refusal {
  std::string what, image, key, reason;
};

TEST(VerifyReasons, EveryDefectIsNamed) {
  TempDir dir;
  const std::string image = vector_file("ed25519.bin");
  const size_t tlv_info = header_size + payload_size;     // info {0x6907, total}
  const size_t keyhash = tlv_info + 4 + 36;                // KEYHASH entry header
  const size_t signature = keyhash + 36;                   // ED25519 entry header
  const auto changed = [&](size_t at, const std::string& bytes) {
    std::string s = image;
    s.replace(at, bytes.size(), bytes);
    return s;
  };
  const auto flipped = [&](size_t at) {
    std::string s = image;
    s[at] = static_cast<char>(s[at] ^ 0x01);
    return s;
  };
  const std::string attacker_keyhash = [&] {
    // The image names the trusted key, but the signature is the attacker's (over the same digest).
    TempDir keys;
    const auto attacker = keys.path() / "attacker.pem";
    EXPECT_EQ(mdbc({"keygen", "--type", "ed25519", "-o", attacker.string()}).exit_code, 0);
    const auto evil = keys.path() / "evil.bin";
    EXPECT_EQ(mdbc({"sign", "--key", attacker.string(), "-v", "1.2.3+4", "-H", "0x200", "-S", "0x20000", "--align", "8",
                    "--pad-header", v("payload.bin"), evil.string()})
                  .exit_code,
              0);
    const std::string evil_image = read_text(evil);
    return image.substr(0, signature + 4) + evil_image.substr(signature + 4, 64);
  }();
  const std::vector<Refusal> cases = {
      {"bad image magic", changed(0, "\x3e"), "pub-ed25519.pem", "bad magic"},
      {"obsolete v1 magic", changed(0, "\x3c"), "pub-ed25519.pem", "bad magic"},
      {"payload byte", flipped(header_size + 100), "pub-ed25519.pem", "hash mismatch"},
      {"version byte", flipped(21), "pub-ed25519.pem", "hash mismatch"},
      {"header padding byte", flipped(0x100), "pub-ed25519.pem", "hash mismatch"},
      {"hash TLV byte", flipped(tlv_info + 8), "pub-ed25519.pem", "hash mismatch"},
      {"TLV area magic", changed(tlv_info, "\x06"), "pub-ed25519.pem", "bad TLV area magic"},
      {"TLV area total past the file", changed(tlv_info + 2, le16(static_cast<uint16_t>(tlv_area_size + 1))),
       "pub-ed25519.pem", "TLV out of bounds"},
      {"signature length past the area", changed(signature + 2, le16(65)), "pub-ed25519.pem", "TLV out of bounds"},
      {"truncated TLV area", image.substr(0, image.size() - 1), "pub-ed25519.pem", "TLV out of bounds"},
      {"truncated payload", image.substr(0, header_size + 10), "pub-ed25519.pem", "truncated"},
      {"key hash byte", flipped(keyhash + 4), "pub-ed25519.pem", "key hash mismatch"},
      {"signature byte", flipped(signature + 4 + 10), "pub-ed25519.pem", "signature does not verify"},
      {"an RSA key for an ed25519 image", image, "pub-rsa-2048.pem", "key hash mismatch"},
      {"a P-384 key: no SHA-384 hash", image, "pub-ecdsa-p384.pem", "no signature by this key"},
      {"KEYHASH retyped to an unknown TLV", changed(keyhash, "\x7a"), "pub-ed25519.pem", "no signature by this key"},
      {"hash-only image", vector_file("unsigned-hash-only.bin"), "pub-ed25519.pem", "no signature"},
      {"attacker's signature after the trusted key hash", attacker_keyhash, "pub-ed25519.pem", "signature does not verify"},
  };
  EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), v("ed25519.bin")}).exit_code, 0) << "the unchanged image";
  for (const auto& c : cases) {
    const auto path = dir.write("case.bin", c.image);
    const auto r = mdbc({"verify", "--key", v(c.key), path.string()});
    EXPECT_EQ(r.exit_code, 1) << c.what << ": " << r.err;
    EXPECT_NE(r.err.find("not valid: " + c.reason), std::string::npos) << c.what << ": " << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << c.what << ": " << r.err;
  }
  // An embedded full key that is not the trusted one.
  const auto other_p256 = dir.path() / "other-p256.pem";
  ASSERT_EQ(mdbc({"keygen", "--type", "ecdsa-p256", "-o", other_p256.string()}).exit_code, 0);
  const auto mismatch = mdbc({"verify", "--key", other_p256.string(), v("ecdsa-p256-fullkey.bin")});
  EXPECT_EQ(mismatch.exit_code, 1);
  EXPECT_NE(mismatch.err.find("public key mismatch"), std::string::npos) << mismatch.err;
}

TEST(VerifyReasons, UnreadableInputIsExitTwo) {
  TempDir dir;
  EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), (dir.path() / "missing.bin").string()}).exit_code, 2);
  EXPECT_EQ(mdbc({"verify", "--key", v("pub-ed25519.pem"), dir.path().string()}).exit_code, 2);
  EXPECT_EQ(mdbc({"verify", "--key", (dir.path() / "missing.pem").string(), v("ed25519.bin")}).exit_code, 2);
  EXPECT_EQ(mdbc({"verify", v("ed25519.bin")}).exit_code, 2) << "no --key";
}

}  // namespace
}  // namespace mdbc::test
