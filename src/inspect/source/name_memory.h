#pragma once
// What a thread has learnt about names, kept from file to file since the names of a tree repeat:
// which name-gated rules a name triggers (NameTriggers) and the verdicts of plain-function judges
// on it (lasting_judgement). Everything known about one name sits in one cache line, so that the
// rules' judgements of a name after its first cost no further cache miss (they were one line per
// judge and name, one miss each). The table is direct-mapped, indexed by FileNames::hash_of: a
// newer name takes an older one's line, which keeps it at a fixed size, and a line holds the name
// itself, so that a name is never taken for another.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace mdbc::source {

// a == b for identifiers, eight bytes at a time and the rest in two overlapping loads: every
// identifier token of a tree is compared with the name it repeats (FileNames), and every name
// asked about with the one its line holds (NameMemory), where a call of memcmp costs more than
// the comparison.
inline bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  size_t i = 0;
  for (; i + 8 <= a.size(); i += 8) {
    uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  const size_t rest = a.size() - i;
  if (rest >= 4) {
    uint32_t x1, y1, x2, y2;
    std::memcpy(&x1, a.data() + i, 4);
    std::memcpy(&y1, b.data() + i, 4);
    std::memcpy(&x2, a.data() + i + rest - 4, 4);
    std::memcpy(&y2, b.data() + i + rest - 4, 4);
    return x1 == y1 && x2 == y2;
  }
  for (; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

class NameMemory {
 public:
  static constexpr size_t default_lines = size_t{1} << 14;  // 1 MiB
  static constexpr size_t max_judges = 32;

  struct alignas(64) Line {
    char name[38] = {};
    uint8_t length = 0xff;  // no name
    bool listed = false;    // looked up among the rules' trigger names
    uint64_t asked = 0;     // rules asked about this name, one bit per rule index
    uint64_t reacts = 0;    // of those, the ones that react to it
    uint32_t judged = 0;    // judges that gave a verdict on it, one bit per judge_bit()
    uint32_t holds = 0;     // of those, the ones whose verdict was yes
  };
  static_assert(sizeof(Line) == 64);
  static constexpr size_t max_name = sizeof Line::name;

  // `lines`: a power of two.
  explicit NameMemory(size_t lines = default_lines);

  // The calling thread's memory (what the source stage uses).
  static NameMemory& of_thread();

  // The line of `name` (hash: FileNames::hash_of(name), at most max_name characters), taken over
  // and cleared if another name held it.
  Line& line_of(std::string_view name, uint64_t hash);
  // Starts loading the line of the name of `hash`, for a line_of() a few names later: a walk over
  // every name of a file meets a cache miss at most names, waited for once per few names when it
  // loads the line of the name names_ahead on.
  void prefetch(uint64_t hash) const { __builtin_prefetch(&lines_[hash & (lines_.size() - 1)]); }
  static constexpr size_t names_ahead = 8;

  // The bit of a judge in Line::judged and Line::holds, given on first use; -1 once max_judges
  // judges have one (the others are judged afresh).
  int judge_bit(bool (*judge)(std::string_view));

  // Trigger bits mean rule indices of one rule list: the first NameTriggers to use this memory
  // claims them; another one is a logic error.
  void claim_triggers(const void* owner);

 private:
  std::vector<Line> lines_;
  std::array<bool (*)(std::string_view), max_judges> judges_{};
  size_t judge_count_ = 0;
  size_t last_judge_ = 0;  // judges come in runs: the one asked last is tried first
  const void* trigger_owner_ = nullptr;
};

}  // namespace mdbc::source
