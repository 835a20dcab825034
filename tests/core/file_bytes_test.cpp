#include "core/file_bytes.h"

#include <gtest/gtest.h>

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
  for (const size_t n : {size_t{0}, size_t{100}, size_t{FileBytes::own_memory_from_size - 1}, size_t{FileBytes::own_memory_from_size},
                         size_t{2} << 21, size_t{3 * FileBytes::own_memory_from_size + 123}}) {
    const std::string content = pattern(n);
    const auto path = dir.write("f" + std::to_string(n), content);
    const FileBytes file(path.string(), 1ull << 30, true);
    EXPECT_EQ(file.bytes(), content) << n;
  }
}

TEST(FileBytes, KeepsTheRefusalsOfReadFile) {
  test::TempDir dir;
  const auto path = dir.write("big", pattern(FileBytes::own_memory_from_size * 2));
  EXPECT_THROW(FileBytes(path.string(), FileBytes::own_memory_from_size, true), InputError);
  EXPECT_THROW(FileBytes(dir.path().string(), 1ull << 30, true), InputError);
  EXPECT_THROW(FileBytes((dir.path() / "missing").string(), 1ull << 30, true), InputError);
}

}  // namespace
}  // namespace mdbc
