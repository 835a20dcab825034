#pragma once
// Which name-gated rules (SourceRule::gated_by_names) a file's names trigger, one bit per rule
// index. What a name was found to trigger is remembered, since the names of a tree repeat from
// file to file; a rule a file has already triggered is not asked again for that file's other
// names. The memory is a direct-mapped table of one cache line per name (a newer name takes an
// older one's line), so it stays small and a lookup costs one line. One per thread.
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "inspect/source/file_names.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {

class NameTriggers {
 public:
  static constexpr size_t default_lines = size_t{1} << 14;  // 1 MiB

  // `lines`: a power of two.
  explicit NameTriggers(std::span<const std::unique_ptr<SourceRule>> rules, size_t lines = default_lines);

  uint64_t of(const FileNames& names);

 private:
  struct alignas(64) Line {
    char name[46] = {};
    uint8_t length = 0xff;  // no name
    uint64_t asked = 0;     // rules asked about this name
    uint64_t reacts = 0;    // of those, the ones that react to it
  };
  static_assert(sizeof(Line) == 64);

  Line& line_of(std::string_view name, uint64_t hash);

  std::span<const std::unique_ptr<SourceRule>> rules_;
  uint64_t gated_ = 0;  // the rules that are gated by names, one bit per index
  std::vector<Line> lines_;
};

}  // namespace mdbc::source
