#include "inspect/binary/pattern_search.h"

#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace mdbc::binary {
namespace {

// Sixteen bytes compared at once (SSE2, NEON or plain integer code: the compiler's choice).
using Block = uint8_t __attribute__((vector_size(16)));

Block load(const char* p) {
  Block b;
  std::memcpy(&b, p, sizeof b);
  return b;
}

bool any(Block b) {
  uint64_t halves[2];
  std::memcpy(halves, &b, sizeof halves);
  return (halves[0] | halves[1]) != 0;
}

}  // namespace

std::vector<std::vector<size_t>> find_each(std::string_view bytes, std::span<const std::string_view> patterns) {
  // The distinct first two bytes of the patterns: a position is looked at only when its two bytes
  // are one of these pairs, which in ordinary data is rare.
  std::vector<std::pair<uint8_t, uint8_t>> pairs;
  for (const std::string_view pattern : patterns) {
    if (pattern.size() < 2) throw std::logic_error("find_each: pattern shorter than 2 bytes");
    const std::pair<uint8_t, uint8_t> pair{static_cast<uint8_t>(pattern[0]), static_cast<uint8_t>(pattern[1])};
    bool known = false;
    for (const auto& p : pairs) known = known || p == pair;
    if (!known) pairs.push_back(pair);
  }
  std::vector<std::vector<size_t>> found(patterns.size());
  const char* p = bytes.data();
  const size_t n = bytes.size();
  auto look = [&](size_t at) {
    for (size_t k = 0; k < patterns.size(); ++k)
      if (n - at >= patterns[k].size() && std::memcmp(p + at, patterns[k].data(), patterns[k].size()) == 0)
        found[k].push_back(at);
  };
  size_t i = 0;
  for (; i + sizeof(Block) + 1 <= n; i += sizeof(Block)) {
    const Block first = load(p + i), second = load(p + i + 1);
    Block hit = {};
    for (const auto& [a, b] : pairs) hit |= reinterpret_cast<Block>((first == a) & (second == b));
    if (!any(hit)) [[likely]]
      continue;
    for (size_t k = 0; k < sizeof(Block); ++k)
      if (hit[k] != 0) look(i + k);
  }
  for (; i + 2 <= n; ++i) look(i);
  return found;
}

}  // namespace mdbc::binary
