#include "inspect/file_schedule.h"

#include <algorithm>

namespace mdbc {

FileSchedule::FileSchedule(std::span<const WalkedFile> files, uint64_t large_budget) : large_budget_(large_budget) {
  for (size_t i = 0; i < files.size(); ++i)
    if (files[i].size > small_file_bytes) large_.push_back({i, files[i].size});
    else small_.push_back(i);
  std::stable_sort(large_.begin(), large_.end(), [](const Large& a, const Large& b) { return a.size > b.size; });
}

std::optional<size_t> FileSchedule::next() {
  std::unique_lock lock(m_);
  for (;;) {
    if (next_large_ < large_.size()) {
      const Large& file = large_[next_large_];
      if (large_in_flight_ == 0 || large_in_flight_ + file.size <= large_budget_) {
        large_in_flight_ += file.size;
        ++next_large_;
        return file.index;
      }
    }
    if (next_small_ < small_.size()) return small_[next_small_++];
    if (next_large_ == large_.size()) return std::nullopt;
    large_done_.wait(lock);
  }
}

void FileSchedule::done(uint64_t size) {
  if (size <= small_file_bytes) return;
  {
    std::lock_guard lock(m_);
    large_in_flight_ -= size;
  }
  large_done_.notify_all();
}

}  // namespace mdbc
