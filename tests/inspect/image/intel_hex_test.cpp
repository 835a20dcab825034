#include "inspect/image/intel_hex.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "sign/vectors.h"

namespace mdbc::ihex {
namespace {

TEST(IntelHex, DecodesTheImgtoolVectorToTheSignedImage) {
  const Image hex = decode(test::vector_file("ed25519.hex"), "ed25519.hex");
  ASSERT_EQ(hex.segments.size(), 1u);
  EXPECT_EQ(hex.segments[0].address, 0x8000u);
  EXPECT_EQ(hex.segments[0].bytes, test::vector_file("ed25519.bin"));
  EXPECT_FALSE(hex.start_address);
}

TEST(IntelHex, EncodesAsTheIntelHexLibraryDoes) {
  Image image;
  image.segments.push_back({0x8000, test::vector_file("ed25519.bin")});
  EXPECT_EQ(encode(image), test::vector_file("ed25519.hex"));
}

TEST(IntelHex, RoundTripsAcross64KiBBlocksGapsAndStartAddress) {
  Image image;
  std::string a(100, '\0'), b(40, '\0');
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<char>(i * 7);
  for (size_t i = 0; i < b.size(); ++i) b[i] = static_cast<char>(i * 13 + 1);
  image.segments.push_back({0x0800ffd0, a});  // crosses 0x08010000
  image.segments.push_back({0x08020003, b});
  image.start_address = 0x08000101;
  const std::string text = encode(image);
  EXPECT_TRUE(text.starts_with(":0400000508000101ED\n:020000040800F2\n")) << text.substr(0, 60);
  EXPECT_NE(text.find(":020000040801F1\n"), std::string::npos);
  EXPECT_NE(text.find(":020000040802F0\n"), std::string::npos);
  const Image back = decode(text, "t.hex");
  ASSERT_EQ(back.segments.size(), 2u);
  EXPECT_EQ(back.segments[0].address, 0x0800ffd0u);
  EXPECT_EQ(back.segments[0].bytes, a);
  EXPECT_EQ(back.segments[1].address, 0x08020003u);
  EXPECT_EQ(back.segments[1].bytes, b);
  EXPECT_EQ(back.start_address, 0x08000101u);
  const std::string flat = flatten(back, 1 << 20, "t.hex");
  EXPECT_EQ(flat.size(), 0x08020003u + 40 - 0x0800ffd0u);
  EXPECT_EQ(flat.substr(0, 100), a);
  EXPECT_EQ(flat[100], '\xff');
  EXPECT_THROW(flatten(back, 1000, "t.hex"), InputError);
}

TEST(IntelHex, SegmentAddressingAndMergingOutOfOrderRecords) {
  const Image image = decode(":020000021000EC\n:020010002222AA\n:02000E001111CE\n:00000001FF\n", "s.hex");
  ASSERT_EQ(image.segments.size(), 1u);
  EXPECT_EQ(image.segments[0].address, 0x1000Eu);
  EXPECT_EQ(image.segments[0].bytes, "\x11\x11\x22\x22");
}

// Arduino's optiboot bootloaders end with a record that rewrites the last two bytes of an earlier
// one (the version); objcopy and avrdude keep the later bytes, and so must the inspection.
TEST(IntelHex, ALaterRecordOverwritesWhatItOverlaps) {
  const Image tail = decode(":040000001122334452\n:02000200AABB97\n:00000001FF\n", "tail.hex");
  ASSERT_EQ(tail.segments.size(), 1u);
  EXPECT_EQ(tail.segments[0].address, 0u);
  EXPECT_EQ(tail.segments[0].bytes, "\x11\x22\xaa\xbb");
  // Inside an earlier run, across two runs, and an earlier record wholly covered.
  const Image middle = decode(":040000001122334452\n:01000100EE10\n:00000001FF\n", "middle.hex");
  ASSERT_EQ(middle.segments.size(), 1u);
  EXPECT_EQ(middle.segments[0].bytes, "\x11\xee\x33\x44");
  const Image across = decode(":020000001122CB\n:02000200334485\n:02000100EEFF10\n:00000001FF\n", "across.hex");
  ASSERT_EQ(across.segments.size(), 1u);
  EXPECT_EQ(across.segments[0].bytes, "\x11\xee\xff\x44");
  const Image covered = decode(":0100010022DC\n:0300000011EEFFFF\n:00000001FF\n", "covered.hex");
  ASSERT_EQ(covered.segments.size(), 1u);
  EXPECT_EQ(covered.segments[0].bytes, "\x11\xee\xff");
}

void expect_error(const std::string& text, const std::string& fragment) {
  try {
    decode(text, "bad.hex");
    FAIL() << "accepted: " << text;
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
    EXPECT_TRUE(std::string(e.what()).starts_with("bad.hex")) << e.what();
  }
}

TEST(IntelHex, RejectsMalformedFilesWithALineNumber) {
  expect_error(":0100000041BE\n", "no Intel HEX end record");
  expect_error(":0100000041BF\n:00000001FF\n", "bad.hex:1: checksum mismatch");
  expect_error(":0200000041BF\n:00000001FF\n", "does not match");
  expect_error("0100000041BF\n:00000001FF\n", "must start with ':'");
  expect_error(":01000000G1BF\n:00000001FF\n", "not a hex digit");
  expect_error(":010000004\n:00000001FF\n", "odd number");
  expect_error(":00000001FF\n:0100000041BE\n", "data after the Intel HEX end record");
  expect_error(":0100000641B8\n:00000001FF\n", "unknown record type 6");
  expect_error(":0100000441BA\n:00000001FF\n", "extended linear address record needs 2 bytes");
  EXPECT_THROW(decode(":0400000041424344F2\n:00000001FF\n", "big.hex", 3), InputError);
}

TEST(IntelHex, CheapChecksForClaims) {
  EXPECT_TRUE(looks_like_intel_hex(":108000003DB8F39600000000000200007017000069\n"));
  EXPECT_TRUE(looks_like_intel_hex("\r\n:020000040800F2\r\n"));
  EXPECT_FALSE(looks_like_intel_hex(":hello world\n"));
  // A first record cut short or with junk after its header is still HEX, for decode() to reject.
  EXPECT_TRUE(looks_like_intel_hex(":04000000\n"));
  EXPECT_TRUE(looks_like_intel_hex(":0400000001020304F2XY\n"));
  EXPECT_FALSE(looks_like_intel_hex(":0400000A01020304\n")) << "no such record type";
  EXPECT_FALSE(looks_like_intel_hex(":040000\n"));
  EXPECT_FALSE(looks_like_intel_hex("\x3d\xb8\xf3\x96"));
  EXPECT_EQ(first_record_data(":020000040800F2\n:04000000DEADBEEFC4\n"), "\xde\xad\xbe\xef");
  EXPECT_EQ(first_record_data(":04000000DEADBEEF"), "") << "a cut line is not judged";
  EXPECT_EQ(first_record_data(":04000000DEADBEEFC5\n"), "") << "bad checksum";
}

}  // namespace
}  // namespace mdbc::ihex
