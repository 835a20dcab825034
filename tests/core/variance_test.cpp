#include "core/variance.h"

#include <gtest/gtest.h>

namespace mdbc {
namespace {

Finding finding(std::string rule, std::string path, std::string fingerprint = "") {
  Finding f;
  f.rule = std::move(rule);
  f.path = std::move(path);
  f.fingerprint = std::move(fingerprint);
  return f;
}

TEST(Variance, FingerprintCoversExactlyThatFinding) {
  Variance v;
  v.fingerprint = "0123abcd";
  EXPECT_TRUE(v.covers(finding("CODE-1/banned-call", "a.c", "0123abcd")));
  EXPECT_FALSE(v.covers(finding("CODE-1/banned-call", "a.c", "0123abce")));
  EXPECT_FALSE(v.covers(finding("CODE-1/banned-call", "a.c", "")));
}

TEST(Variance, ElementCoversItsFindingsUnderThePathGlob) {
  Variance v;
  v.element = "CODE-1";
  EXPECT_TRUE(v.covers(finding("CODE-1/banned-call", "src/a.c")));
  EXPECT_TRUE(v.covers(finding("CODE-1/other", "x/y.c")));
  EXPECT_FALSE(v.covers(finding("CODE-2/non-literal-format", "src/a.c")));
  EXPECT_FALSE(v.covers(finding("CODE-10/x", "src/a.c")));  // element ids are not prefixes
  v.path_glob = "src/legacy/**";
  EXPECT_TRUE(v.covers(finding("CODE-1/banned-call", "src/legacy/old.c")));
  EXPECT_FALSE(v.covers(finding("CODE-1/banned-call", "src/new.c")));
}

TEST(Variance, ExpiresAtTheEndOfItsDay) {
  Variance v;
  v.expires = "2025-06-30";
  EXPECT_FALSE(v.expired("2025-06-29"));
  EXPECT_FALSE(v.expired("2025-06-30"));
  EXPECT_TRUE(v.expired("2025-07-01"));
  EXPECT_TRUE(v.expired("2026-01-01"));
}

TEST(Variance, TodayIsACalendarDate) { EXPECT_TRUE(is_date(today_utc())); }

}  // namespace
}  // namespace mdbc
