#include "core/file_bytes.h"

#include <gtest/gtest.h>

#include <string>

#include "core/error.h"
#include "support/run.h"

namespace mdbc {
namespace {

std::string pattern(size_t n, char first = 'a') {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>(first + i % 26);
  return s;
}

constexpr size_t kept = FileBytes::kept_size;

TEST(FileBytes, SmallAndLargeFilesReadTheSameBytes) {
  test::TempDir dir;
  for (const size_t n : {size_t{0}, size_t{100}, size_t{1} << 20, (size_t{2} << 20) + 1, kept - 1, kept, kept + 1, 3 * kept + 123}) {
    const std::string content = pattern(n);
    const auto path = dir.write("f" + std::to_string(n), content);
    const FileBytes file(path.string(), 1ull << 30, true);
    EXPECT_EQ(file.bytes(), content) << n;
  }
}

// The memory a thread keeps is reused: each file shows its own bytes, never more of the one before.
TEST(FileBytes, FilesReadOneAfterAnotherShowOnlyTheirOwnBytes) {
  test::TempDir dir;
  char first = 'a';
  for (const size_t n : {size_t{5000}, size_t{3} << 20, size_t{10}, size_t{0}, kept, size_t{7}, 2 * kept, size_t{300}}) {
    const std::string content = pattern(n, first++);
    const auto path = dir.write("f" + std::to_string(n), content);
    const FileBytes file(path.string(), 1ull << 30, true);
    EXPECT_EQ(file.bytes(), content) << n;
  }
}

// With many threads each keeps less: files up to the small limit and past it show their own
// bytes, as do files read with the full limit on the same thread in between.
TEST(FileBytes, TheSmallKeptLimitReadsTheSameBytes) {
  test::TempDir dir;
  constexpr size_t small = FileBytes::small_kept_size;
  char first = 'a';
  for (const size_t n : {size_t{10}, small - 1, small, small + 1, kept, size_t{300}}) {
    const std::string content = pattern(n, first++);
    const auto path = dir.write("f" + std::to_string(n), content);
    {
      const FileBytes file(path.string(), 1ull << 30, true, small);
      EXPECT_EQ(file.bytes(), content) << n;
    }
    const FileBytes full(path.string(), 1ull << 30, true);
    EXPECT_EQ(full.bytes(), content) << n;
  }
}

// A second file read while the first is still held on the same thread gets memory of its own.
TEST(FileBytes, TwoFilesHeldAtOnceKeepTheirBytes) {
  test::TempDir dir;
  const std::string a = pattern(4000, 'a'), b = pattern(6000, 'b');
  const FileBytes first(dir.write("a", a).string(), 1ull << 30, true);
  {
    const FileBytes second(dir.write("b", b).string(), 1ull << 30, true);
    EXPECT_EQ(first.bytes(), a);
    EXPECT_EQ(second.bytes(), b);
  }
  const FileBytes third(dir.write("c", b).string(), 1ull << 30, true);
  EXPECT_EQ(first.bytes(), a);
  EXPECT_EQ(third.bytes(), b);
}

TEST(FileBytes, KeepsTheRefusalsOfReadFile) {
  test::TempDir dir;
  const auto path = dir.write("big", pattern(2000));
  EXPECT_THROW(FileBytes(path.string(), 1000, true), InputError);
  EXPECT_THROW(FileBytes(dir.path().string(), 1ull << 30, true), InputError);
  EXPECT_THROW(FileBytes((dir.path() / "missing").string(), 1ull << 30, true), InputError);
  // A refused file leaves the thread's memory free for the next one.
  const FileBytes next(path.string(), 1ull << 30, true);
  EXPECT_EQ(next.bytes(), pattern(2000));
}

}  // namespace
}  // namespace mdbc
