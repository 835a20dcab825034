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
  // The distinct first two bytes of the patterns, each byte repeated over a block: a position is
  // looked at only when its two bytes are one of these pairs, which in ordinary data is rare.
  std::vector<std::pair<Block, Block>> pairs;
  for (const std::string_view pattern : patterns) {
    if (pattern.size() < 2) throw std::logic_error("find_each: pattern shorter than 2 bytes");
    const Block first = Block{} + static_cast<uint8_t>(pattern[0]), second = Block{} + static_cast<uint8_t>(pattern[1]);
    bool known = false;
    for (const auto& [a, b] : pairs) known = known || (!any(a != first) && !any(b != second));
    if (!known) pairs.emplace_back(first, second);
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
    const Block first = load(p + i), second = load(p + i + 1);
    const Block first2 = load(p + i + sizeof(Block)), second2 = load(p + i + sizeof(Block) + 1);
    Block hit = {}, hit2 = {};
    for (const auto& [a, b] : pairs) {
      hit |= reinterpret_cast<Block>((first == a) & (second == b));
      hit2 |= reinterpret_cast<Block>((first2 == a) & (second2 == b));
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
