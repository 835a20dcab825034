// Packed findings come back equal in every field and in the order given.
#include <gtest/gtest.h>

#include <span>
#include <tuple>

#include "core/packed_findings.h"

namespace mdbc {
namespace {

auto fields(const Finding& f) {
  return std::tie(f.rule, f.path, f.line, f.column, f.offset, f.message, f.evidence, f.severity, f.component,
                  f.fingerprint, f.variance);
}

std::vector<Finding> round_trip(const std::vector<Finding>& findings) {
  std::vector<Finding> out;
  FindingsArena arena;
  PackedFindings(findings, arena).unpack_into(out);
  return out;
}

TEST(PackedFindings, EveryFieldRoundTrips) {
  Finding f;
  f.rule = "CODE-5/goto";
  f.path = "drivers/net/x.c";
  f.line = 4'000'000'000u;
  f.column = 77;
  f.offset = 0x1234'5678'9abc'def0ull;
  f.message = "goto (MISRA C:2012 Rule 15.1): use loops, early returns or one cleanup block";
  f.evidence = std::string("goto out;\0 \xff", 12);  // any bytes, NUL included
  f.severity = Severity::note;
  f.component = "excluded: third_party/**";
  f.fingerprint = "0123456789abcdef0123456789abcdef";
  f.variance = 3;
  const auto out = round_trip({f});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(fields(out[0]), fields(f));
}

TEST(PackedFindings, RepeatedAndEmptyTextsKeepTheirOrder) {
  std::vector<Finding> findings;
  for (uint32_t i = 0; i < 50; ++i) {
    Finding f;
    f.rule = i % 2 ? "CODE-5/goto" : "CODE-1/banned-call";
    f.path = "a.c";
    f.line = 50 - i;  // not sorted: the order given is the order returned
    f.message = i % 3 ? "same message" : "";
    f.evidence = "line " + std::to_string(i % 7);
    f.severity = i % 2 ? Severity::warning : Severity::error;
    findings.push_back(f);
  }
  const auto out = round_trip(findings);
  ASSERT_EQ(out.size(), findings.size());
  for (size_t i = 0; i < out.size(); ++i) EXPECT_EQ(fields(out[i]), fields(findings[i])) << i;
}

TEST(PackedFindings, NoneAppendNothing) {
  std::vector<Finding> out(2);
  FindingsArena arena;
  PackedFindings().unpack_into(out);
  PackedFindings(std::vector<Finding>{}, arena).unpack_into(out);
  EXPECT_EQ(out.size(), 2u);
  EXPECT_EQ(PackedFindings().size(), 0u);
}

TEST(PackedFindings, AppendsAfterWhatIsThere) {
  Finding first, second;
  first.path = "first.c";
  second.path = "second.c";
  std::vector<Finding> out{first};
  FindingsArena arena;
  PackedFindings({second}, arena).unpack_into(out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].path, "first.c");
  EXPECT_EQ(out[1].path, "second.c");
}

TEST(PackedFindings, ManyFilesShareTheArenaAndALargeOneGetsAChunkOfItsOwn) {
  FindingsArena arena;
  std::vector<std::vector<Finding>> files;
  for (size_t i = 0; i < 3000; ++i) {
    Finding f;
    f.rule = "CODE-1/banned-call";
    f.path = "f" + std::to_string(i) + ".c";
    // One file's text is larger than a chunk of the arena.
    f.evidence = std::string(i == 1500 ? (3u << 20) : i % 300, 'x');
    files.push_back({f, f});
  }
  std::vector<PackedFindings> packed;
  for (const auto& findings : files) packed.emplace_back(findings, arena);
  for (size_t i = 0; i < files.size(); ++i) {
    std::vector<Finding> out;
    packed[i].unpack_into(out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(fields(out[1]), fields(files[i][1])) << i;
  }
}

TEST(PackedFindings, UnpackToOverwritesItsPlacesOnly) {
  Finding a, b, untouched;
  a.rule = "CODE-5/goto";
  a.path = "a.c";
  a.line = 3;
  b.rule = "CODE-1/banned-call";
  b.path = "a.c";
  b.fingerprint = "ff";
  untouched.rule = "LOG-2/unlogged-rejection";
  FindingsArena arena;
  const PackedFindings packed({a, b}, arena);
  std::vector<Finding> out(3, untouched);
  packed.unpack_to(std::span(out).subspan(1));
  EXPECT_EQ(fields(out[0]), fields(untouched));
  EXPECT_EQ(fields(out[1]), fields(a));
  EXPECT_EQ(fields(out[2]), fields(b));
}

}  // namespace
}  // namespace mdbc
