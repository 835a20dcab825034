#pragma once
// Which rules a name may concern, from its spelling alone: the rules that judge names say what the
// names they accept look like (SourceRule::ReactingNames: a prefix, a suffix or a part they hold),
// and most names of a large tree (a register header's tens of thousands of macros) have none of
// those shapes, so that no rule need judge them (hundreds of instructions each, for every rule). A
// test for all rules at once: the name's first and last two bytes looked up among the prefixes'
// and suffixes', and each pair of its bytes among the parts'; only the shapes that begin (end) with
// those bytes are compared.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace mdbc::source {

class NameShapes {
 public:
  // A name beginning (ending) with `text`, one or more bytes, as written, may concern the rules of `owners`.
  void add_prefix(std::string_view text, uint64_t owners);
  void add_suffix(std::string_view text, uint64_t owners);
  // A name holding `part` (lower case, two or more bytes) in any ASCII case.
  void add_part(std::string_view part, uint64_t owners);
  // Rules that may be concerned by any name.
  void add_any(uint64_t owners) { any_ |= owners; }
  // Done adding: builds the lookups.
  void finish();

  // The owners whose shapes `name` has (and every add_any owner): a superset of the rules it concerns.
  uint64_t owners_of(std::string_view name) const;

 private:
  struct Shape {
    std::string_view text;
    uint64_t owners = 0;
  };
  // Shapes by a pair of their bytes: the first two of prefixes and parts, the last two of suffixes
  // (a one-byte prefix or suffix under every pair it can begin or end).
  struct ByPair {
    std::vector<Shape> shapes;        // sorted by pair
    std::vector<uint16_t> pairs;      // the pairs present, ascending
    std::vector<uint32_t> first;      // per pair present: its first shape; one more closes the last
    std::vector<uint64_t> present = std::vector<uint64_t>(65536 / 64);  // one bit per pair
    void build(std::vector<std::pair<uint16_t, Shape>> keyed);
    // The shapes of a pair: [begin, end) of shapes, empty when none.
    std::pair<uint32_t, uint32_t> of(uint16_t pair) const {
      if ((present[pair / 64] >> (pair % 64) & 1) == 0) return {0, 0};
      const size_t k = static_cast<size_t>(std::lower_bound(pairs.begin(), pairs.end(), pair) - pairs.begin());
      return {first[k], first[k + 1]};
    }
  };

  std::vector<std::pair<uint16_t, Shape>> starts_, ends_, parts_;
  ByPair by_start_, by_end_;
  // The parts by the pair they begin with, as written: each byte pair of a name is looked up here,
  // so directly (1 + index into the parts' pairs, 0 if none begins so).
  ByPair by_part_;
  std::vector<uint8_t> part_bucket_ = std::vector<uint8_t>(65536);
  uint64_t part_owners_ = 0;  // all owners of parts: the scan for parts stops once it has them all
  uint64_t any_ = 0;
};

}  // namespace mdbc::source
