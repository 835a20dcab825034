#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/variance.h"

namespace mdbc {
namespace {

TEST(GlobMatch, LiteralsAndQuestionMark) {
  EXPECT_TRUE(glob_match("src/main.c", "src/main.c"));
  EXPECT_FALSE(glob_match("src/main.c", "src/main.cc"));
  EXPECT_FALSE(glob_match("src/main.cc", "src/main.c"));
  EXPECT_TRUE(glob_match("src/ma?n.c", "src/main.c"));
  EXPECT_FALSE(glob_match("src?main.c", "src/main.c"));  // '?' never matches '/'
  EXPECT_FALSE(glob_match("", "a"));
  EXPECT_TRUE(glob_match("", ""));
}

TEST(GlobMatch, StarStaysWithinOneSegment) {
  EXPECT_TRUE(glob_match("src/*.c", "src/main.c"));
  EXPECT_TRUE(glob_match("src/*.c", "src/.c"));
  EXPECT_FALSE(glob_match("src/*.c", "src/net/main.c"));
  EXPECT_FALSE(glob_match("*.c", "src/main.c"));
  EXPECT_TRUE(glob_match("src/*", "src/main.c"));
  EXPECT_FALSE(glob_match("src/*", "src/net/main.c"));
  EXPECT_TRUE(glob_match("src/*/main.c", "src/net/main.c"));
  EXPECT_FALSE(glob_match("src/*/main.c", "src/main.c"));
  EXPECT_TRUE(glob_match("*_test.c*", "lexer_test.cpp"));
  EXPECT_TRUE(glob_match("a*b*c", "aXXbYYc"));
  EXPECT_FALSE(glob_match("a*b*c", "aXXbYYcd"));
}

TEST(GlobMatch, DoubleStarCrossesSegments) {
  EXPECT_TRUE(glob_match("vendor/**", "vendor/lib/a.c"));
  EXPECT_TRUE(glob_match("vendor/**", "vendor/a.c"));
  EXPECT_FALSE(glob_match("vendor/**", "src/vendor/a.c"));
  EXPECT_TRUE(glob_match("**/a.c", "a.c"));  // zero segments
  EXPECT_TRUE(glob_match("**/a.c", "x/y/a.c"));
  EXPECT_TRUE(glob_match("src/**/a.c", "src/a.c"));
  EXPECT_TRUE(glob_match("src/**/a.c", "src/x/y/a.c"));
  EXPECT_TRUE(glob_match("**/test/*.c", "src/test/a.c"));
  EXPECT_FALSE(glob_match("**/test/*.c", "src/test/x/a.c"));
  EXPECT_TRUE(glob_match("**.c", "src/x/a.c"));
  EXPECT_TRUE(glob_match("src/**/*.h", "src/include/sub/x.h"));
  EXPECT_FALSE(glob_match("src/**/*.h", "src/include/sub/x.c"));
}

TEST(GlobMatch, WholeSegmentDoubleStarDoesNotMatchPartOfASegment) {
  EXPECT_FALSE(glob_match("**/a.c", "xa.c"));
  EXPECT_FALSE(glob_match("**/a.c", "x/ya.c"));
  EXPECT_FALSE(glob_match("src/**/b", "src/xb"));
  EXPECT_FALSE(glob_match("src/**/b", "src/x/yb"));
  EXPECT_TRUE(glob_match("src/**/b", "src/x/b"));
}

TEST(GlobMatch, HostilePatternsStayFast) {
  // A backtracking matcher takes exponential time on these; ours must answer at once.
  std::string pattern, path(4000, 'a');
  for (int i = 0; i < 200; ++i) pattern += "a*";
  pattern += "b";
  std::string dpattern;
  for (int i = 0; i < 200; ++i) dpattern += "**/a";
  dpattern += "/b";
  std::string dpath;
  for (int i = 0; i < 2000; ++i) dpath += "a/";
  dpath += "c";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(glob_match(pattern, path));
  EXPECT_TRUE(glob_match(pattern, path + "b"));
  EXPECT_FALSE(glob_match(dpattern, dpath));
  EXPECT_FALSE(glob_match(std::string(5000, '*') + "b", path));
  EXPECT_FALSE(glob_match(std::string(5000, '?'), path));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(IsDate, CalendarDaysOnly) {
  EXPECT_TRUE(is_date("2025-01-31"));
  EXPECT_TRUE(is_date("2024-02-29"));
  EXPECT_TRUE(is_date("2000-02-29"));
  EXPECT_FALSE(is_date("1900-02-29"));
  EXPECT_FALSE(is_date("2023-02-29"));
  EXPECT_FALSE(is_date("2025-04-31"));
  EXPECT_FALSE(is_date("2025-13-01"));
  EXPECT_FALSE(is_date("2025-00-10"));
  EXPECT_FALSE(is_date("2025-01-00"));
  EXPECT_FALSE(is_date("2025-1-01"));
  EXPECT_FALSE(is_date("2025-01-01T00"));
  EXPECT_FALSE(is_date("tomorrow"));
  EXPECT_FALSE(is_date(""));
}

}  // namespace
}  // namespace mdbc
