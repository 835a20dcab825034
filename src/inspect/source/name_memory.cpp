#include "inspect/source/name_memory.h"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace mdbc::source {

NameMemory::NameMemory(size_t lines) : lines_(lines) {
  if (!std::has_single_bit(lines)) throw std::logic_error("NameMemory: the line count must be a power of two");
}

NameMemory& NameMemory::of_thread() {
  thread_local NameMemory memory;
  return memory;
}

NameMemory::Line& NameMemory::line_of(std::string_view name, uint64_t hash) {
  Line& line = lines_[hash & (lines_.size() - 1)];
  if (line.length != name.size() || !same_name(std::string_view(line.name, line.length), name)) {
    line = Line{};
    std::copy(name.begin(), name.end(), line.name);
    line.length = static_cast<uint8_t>(name.size());
  }
  return line;
}

int NameMemory::judge_bit(bool (*judge)(std::string_view)) {
  if (judge_count_ > 0 && judges_[last_judge_] == judge) return static_cast<int>(last_judge_);
  for (size_t j = 0; j < judge_count_; ++j)
    if (judges_[j] == judge) return static_cast<int>(last_judge_ = j);
  if (judge_count_ == max_judges) return -1;
  judges_[judge_count_] = judge;
  return static_cast<int>(last_judge_ = judge_count_++);
}

void NameMemory::claim_triggers(const void* owner) {
  if (trigger_owner_ != nullptr && trigger_owner_ != owner)
    throw std::logic_error("NameMemory: trigger bits already belong to another rule list");
  trigger_owner_ = owner;
}

}  // namespace mdbc::source
