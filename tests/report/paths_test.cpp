// Paths for the machine-readable formats: printable paths turned back into their bytes, and
// bytes into RFC 3986 URI paths.
#include "report/paths.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/text.h"
#include "report/sample_inspection.h"

namespace mdbc::report {
namespace {

TEST(RawPath, ReversesPrintableForEveryByte) {
  std::string all;
  for (int c = 1; c < 256; ++c) all += static_cast<char>(c);
  const std::string hostile[] = {all, "a\\xff", "\\\\x41", "dir/\xff\xfe name\n\t.c", "\\", "x\\", "é/ü.c",
                                 std::string("\xc3", 1), "\\n\n\\"};
  for (const auto& raw : hostile) EXPECT_EQ(raw_path(printable(raw)), raw) << printable(raw);
}

TEST(RawPath, LeavesOrdinaryPathsAlone) {
  EXPECT_EQ(raw_path("src/main.c"), "src/main.c");
  EXPECT_EQ(raw_path("src/\\q"), "src/\\q");  // not an escape printable() makes
  EXPECT_EQ(raw_path("a\\x4"), "a\\x4");
}

TEST(PercentEncode, KeepsUnreservedAndSlashesEncodesEverythingElse) {
  EXPECT_EQ(percent_encode_path("src/main-1_2.c~"), "src/main-1_2.c~");
  EXPECT_EQ(percent_encode_path("my dir/a%b#c?d:e"), "my%20dir/a%25b%23c%3Fd%3Ae");
  EXPECT_EQ(percent_encode_path("\xff\n"), "%FF%0A");
  EXPECT_EQ(percent_encode_path("é"), "%C3%A9");
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  EXPECT_TRUE(std::regex_match(percent_encode_path(all), std::regex("([A-Za-z0-9._~/-]|%[0-9A-F]{2})*")));
}

TEST(FileUri, OfDirectoryEndsWithSlash) {
  EXPECT_EQ(file_uri_of_directory("/"), "file:///");
  EXPECT_EQ(file_uri_of_directory("/tmp/a b"), "file:///tmp/a%20b/");
}

TEST(InspectedName, IsTheLastComponentOfEachRoot) {
  Inspection in = test::sample_inspection();
  in.roots = {"/x/infusion-pump/"};
  EXPECT_EQ(inspected_name(in), "infusion-pump");
  in.roots = {"/x/a", "b/./c.elf"};
  EXPECT_EQ(inspected_name(in), "a + c.elf");
  in.roots = {std::string("/x/bad\xff\nname")};
  EXPECT_EQ(inspected_name(in), "bad\\xff\\nname");
}

}  // namespace
}  // namespace mdbc::report
