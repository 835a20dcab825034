#include "inspect/binary/pattern_search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace mdbc::binary {
namespace {

std::vector<size_t> naive(std::string_view bytes, std::string_view pattern) {
  std::vector<size_t> at;
  for (size_t i = bytes.find(pattern); i != std::string_view::npos; i = bytes.find(pattern, i + 1)) at.push_back(i);
  return at;
}

TEST(PatternSearch, FindsEveryOccurrenceLikeOnePassPerPattern) {
  const std::vector<std::string_view> patterns{"-----BEGIN ", std::string_view("\x02\x01\x00", 3),
                                               std::string_view("\x02\x01\x01", 3), "\x06\x03\x2b\x65", "aaa"};
  std::mt19937 rng(5);
  std::string bytes;
  // Random bytes from a small alphabet, so pairs and overlaps are frequent, with patterns planted at
  // every offset modulo the block size and at the very end.
  for (int k = 0; k < 4000; ++k) {
    if (rng() % 8 == 0) bytes += patterns[rng() % patterns.size()];
    else bytes.push_back("\x02\x01\x00\x06-a"[rng() % 6]);
  }
  bytes += "aa";
  // Cut around the blocks of thirty-two bytes, two per step, and the last positions.
  for (size_t cut : {bytes.size(), bytes.size() - 1, size_t{100}, size_t{66}, size_t{65}, size_t{64}, size_t{33}, size_t{32},
                     size_t{17}, size_t{16}, size_t{2}, size_t{1}, size_t{0}}) {
    const std::string_view view(bytes.data(), cut);
    const auto found = find_each(view, patterns);
    ASSERT_EQ(found.size(), patterns.size());
    for (size_t k = 0; k < patterns.size(); ++k) EXPECT_EQ(found[k], naive(view, patterns[k])) << "pattern " << k << ", length " << cut;
  }
}

TEST(PatternSearch, RejectsOneBytePatterns) {
  const std::vector<std::string_view> patterns{"x"};
  EXPECT_THROW(find_each("xyz", patterns), std::logic_error);
}

}  // namespace
}  // namespace mdbc::binary
