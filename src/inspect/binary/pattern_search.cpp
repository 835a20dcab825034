#include "inspect/binary/pattern_search.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <utility>

#include "core/avx2_version.h"

namespace mdbc::binary {
namespace {

// Thirty-two bytes compared at once (see MDBC_WITH_AVX2_VERSION).
using Block = uint8_t __attribute__((vector_size(32)));

}  // namespace

MDBC_WITH_AVX2_VERSION std::vector<std::vector<size_t>> find_each(
    std::string_view bytes, std::span<const std::string_view> patterns) {
  auto load = [](Block& b, const char* p) { std::memcpy(&b, p, sizeof b); };
  auto any = [](const Block& b) {
    uint64_t words[sizeof b / 8];
    std::memcpy(words, &b, sizeof b);
    uint64_t all = 0;
    for (const uint64_t w : words) all |= w;
    return all != 0;
  };
  // The distinct first two bytes of the patterns: a position is looked at only when its two bytes
  // are one of these pairs, which in ordinary data is rare. (Bytes, repeated over a block where they
  // are compared: a std::vector of blocks shares its code between the two versions of this
  // function, which pass blocks differently.)
  std::vector<std::pair<uint8_t, uint8_t>> pairs;
  for (const std::string_view pattern : patterns) {
    if (pattern.size() < 2) throw std::logic_error("find_each: pattern shorter than 2 bytes");
    const std::pair<uint8_t, uint8_t> pair{static_cast<uint8_t>(pattern[0]), static_cast<uint8_t>(pattern[1])};
    if (std::find(pairs.begin(), pairs.end(), pair) == pairs.end()) pairs.push_back(pair);
  }
  std::vector<std::vector<size_t>> found(patterns.size());
  const char* p = bytes.data();
  const size_t n = bytes.size();
  auto look = [&](size_t at) {
    for (size_t k = 0; k < patterns.size(); ++k)
      if (n - at >= patterns[k].size() && std::memcmp(p + at, patterns[k].data(), patterns[k].size()) == 0)
        found[k].push_back(at);
  };
  // Two blocks per branch: in ordinary data few pass.
  constexpr size_t step = 2 * sizeof(Block);
  size_t i = 0;
  for (; i + step + 1 <= n; i += step) {
    Block first, second, first2, second2;
    load(first, p + i);
    load(second, p + i + 1);
    load(first2, p + i + sizeof(Block));
    load(second2, p + i + sizeof(Block) + 1);
    Block hit = {}, hit2 = {};
    for (const auto& [a, b] : pairs) {
      const Block as = Block{} + a, bs = Block{} + b;
      hit |= reinterpret_cast<Block>((first == as) & (second == bs));
      hit2 |= reinterpret_cast<Block>((first2 == as) & (second2 == bs));
    }
    if (!any(hit | hit2)) [[likely]]
      continue;
    for (size_t k = 0; k < sizeof(Block); ++k)
      if (hit[k] != 0) look(i + k);
    for (size_t k = 0; k < sizeof(Block); ++k)
      if (hit2[k] != 0) look(i + sizeof(Block) + k);
  }
  for (; i + 2 <= n; ++i) look(i);
  return found;
}

}  // namespace mdbc::binary
