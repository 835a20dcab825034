#include "core/file_bytes.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <string>

#include "core/error.h"
#include "support/run.h"

namespace mdbc {
namespace {

std::string pattern(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + i % 26);
  return s;
}

TEST(FileBytes, SmallAndLargeFilesReadTheSameBytes) {
  test::TempDir dir;
  for (const size_t n : {size_t{0}, size_t{100}, size_t{FileBytes::map_from_size - 1}, size_t{FileBytes::map_from_size},
                         size_t{3 * FileBytes::map_from_size + 123}}) {
    const std::string content = pattern(n);
    const auto path = dir.write("f" + std::to_string(n), content);
    const FileBytes file(path.string(), 1ull << 30, true);
    EXPECT_EQ(file.bytes(), content) << n;
    EXPECT_FALSE(file.shrank());
  }
}

TEST(FileBytes, KeepsTheRefusalsOfReadFile) {
  test::TempDir dir;
  const auto path = dir.write("big", pattern(FileBytes::map_from_size * 2));
  EXPECT_THROW(FileBytes(path.string(), FileBytes::map_from_size, true), InputError);
  EXPECT_THROW(FileBytes(dir.path().string(), 1ull << 30, true), InputError);
  EXPECT_THROW(FileBytes((dir.path() / "missing").string(), 1ull << 30, true), InputError);
}

// A mapped file truncated by another process would end the inspector with SIGBUS; instead the lost
// pages read as zeros and the file says it shrank.
TEST(FileBytes, AFileTruncatedWhileMappedReadsAsZerosAndSaysSo) {
  test::TempDir dir;
  const size_t n = 4 * FileBytes::map_from_size;
  const auto path = dir.write("shrinking", pattern(n));
  const FileBytes file(path.string(), 1ull << 30, true);
  ASSERT_EQ(file.bytes().size(), n);
  ASSERT_EQ(::truncate(path.c_str(), 4096), 0);
  const std::string_view bytes = file.bytes();
  EXPECT_EQ(bytes.substr(0, 26), "abcdefghijklmnopqrstuvwxyz");
  EXPECT_TRUE(std::all_of(bytes.begin() + 8192, bytes.end(), [](char c) { return c == '\0'; }));
  EXPECT_TRUE(file.shrank());
}

}  // namespace
}  // namespace mdbc
