#pragma once
// A judgement of names remembered per thread across files, for rules that judge every name of a
// file (is it credential-like?): the names of a tree repeat from file to file, and judging one by
// its words takes hundreds of instructions. A direct-mapped table of one cache line per name,
// found by the name's hash (FileNames::hash) and holding the name itself, so that a name is never
// taken for another; a newer name takes an older one's line, so the memory stays fixed.
#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "inspect/source/file_names.h"

namespace mdbc::source {

class NameVerdicts {
 public:
  using Judge = bool (*)(std::string_view name);
  explicit NameVerdicts(Judge judge) : judge_(judge) {}

  // judge(name id of `names`).
  bool operator()(const FileNames& names, size_t id) {
    const std::string_view name = names.all()[id];
    if (name.size() > sizeof(Line::name)) return judge_(name);  // too long to keep: judged afresh
    Line& line = lines_[names.hash(id) & (lines_.size() - 1)];
    if (line.length != name.size() || !std::equal(name.begin(), name.end(), line.name)) {
      std::copy(name.begin(), name.end(), line.name);
      line.length = static_cast<uint8_t>(name.size());
      line.verdict = judge_(name);
    }
    return line.verdict;
  }

 private:
  struct alignas(64) Line {
    char name[62] = {};
    uint8_t length = 0xff;  // no name
    bool verdict = false;
  };
  static_assert(sizeof(Line) == 64);

  Judge judge_;
  std::vector<Line> lines_ = std::vector<Line>(size_t{1} << 14);  // 1 MiB
};

}  // namespace mdbc::source
