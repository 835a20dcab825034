#include "core/packed_findings.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <limits>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <unordered_map>

#include "core/huge_pages.h"

namespace mdbc {

FindingsArena::~FindingsArena() {
  for (const Chunk& c : chunks_) free_huge_pages(c.data, c.size);
}

char* FindingsArena::allocate(size_t bytes) {
  constexpr size_t alignment = alignof(std::max_align_t);
  bytes = (bytes + alignment - 1) & ~(alignment - 1);
  std::lock_guard lock(mutex_);
  if (chunks_.empty() || chunks_.back().size - free_from_ < bytes) {
    // A file's findings rarely take more than a few kilobytes: a fresh chunk leaves little unused
    // in the last one.
    const size_t size = std::max(bytes, huge_page_size);
    chunks_.reserve(chunks_.size() + 1);
    chunks_.push_back({static_cast<char*>(allocate_huge_pages(size)), size});
    free_from_ = 0;
  }
  char* p = chunks_.back().data + free_from_;
  free_from_ += bytes;
  return p;
}

PackedFindings::PackedFindings(const std::vector<Finding>& findings, FindingsArena& arena) {
  if (findings.empty()) return;
  std::string text;
  std::unordered_map<std::string_view, Text> stored;  // views into the findings, which outlive this
  auto add = [&](const std::string& s) {
    const auto [it, fresh] = stored.try_emplace(s);
    if (!fresh) return it->second;
    if (s.size() > std::numeric_limits<uint32_t>::max() - text.size())
      throw std::length_error("the findings' texts exceed 4 GiB");
    it->second = {static_cast<uint32_t>(text.size()), static_cast<uint32_t>(s.size())};
    text += s;
    return it->second;
  };
  std::vector<Record> records;
  records.reserve(findings.size());
  for (const Finding& f : findings)
    records.push_back({add(f.rule), add(f.path), add(f.message), add(f.evidence), add(f.component),
                       add(f.fingerprint), f.line, f.column, f.offset, f.variance, f.severity});
  static_assert(std::is_trivially_copyable_v<Record> && std::is_trivially_destructible_v<Record>);
  const size_t record_bytes = records.size() * sizeof(Record);
  char* block = arena.allocate(record_bytes + text.size());
  std::memcpy(block, records.data(), record_bytes);
  std::memcpy(block + record_bytes, text.data(), text.size());
  records_ = reinterpret_cast<const Record*>(block);
  count_ = records.size();
  text_ = block + record_bytes;
}

void PackedFindings::unpack_into(std::vector<Finding>& out) const {
  const size_t from = out.size();
  out.resize(from + count_);
  unpack_to(std::span(out).subspan(from));
}

void PackedFindings::unpack_to(std::span<Finding> out) const {
  for (size_t i = 0; i < count_; ++i) {
    const Record& r = records_[i];
    Finding& f = out[i];
    f.rule = view(r.rule);
    f.path = view(r.path);
    f.line = r.line;
    f.column = r.column;
    f.offset = r.offset;
    f.message = view(r.message);
    f.evidence = view(r.evidence);
    f.severity = r.severity;
    f.component = view(r.component);
    f.fingerprint = view(r.fingerprint);
    f.variance = r.variance;
  }
}

}  // namespace mdbc
