#include "inspect/source/file_names.h"

#include <cstring>
#include <vector>

#include "inspect/source/name_memory.h"

namespace mdbc::source {
namespace {

// Eight bytes at a time, then a final mix so that the low bits (the table's index) depend on every
// byte: identifiers are short, and a byte-serial hash spent most of its time waiting on itself.
// Which slot a name takes never shows in the output: names keep their order of first occurrence.
uint64_t name_hash(std::string_view s) {
  constexpr uint64_t k = 0xff51afd7ed558ccdULL;
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ s.size();
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * k;
    h ^= h >> 32;
  }
  // The last one to seven bytes in at most two loads, without reading past the name: four to
  // seven as two overlapping four-byte words, one to three as the first, middle and last byte.
  // Each covers every byte, so names of one length that differ there differ in w.
  if (const size_t rest = s.size() - i; rest > 0) {
    const char* p = s.data() + i;
    uint64_t w;
    if (rest >= 4) {
      uint32_t first, last;
      std::memcpy(&first, p, 4);
      std::memcpy(&last, p + rest - 4, 4);
      w = uint64_t{first} | uint64_t{last} << 32;
    } else {
      w = uint64_t{static_cast<unsigned char>(p[0])} | uint64_t{static_cast<unsigned char>(p[rest / 2])} << 8 |
          uint64_t{static_cast<unsigned char>(p[rest - 1])} << 16;
    }
    h = (h ^ w) * k;
    h ^= h >> 32;
  }
  h *= 0xc4ceb9fe1a85ec53ULL;
  return h ^ (h >> 29);
}

}  // namespace

FileNames::FileNames(std::span<Token> tokens) : slots_(1024, 0) {
  for (Token& t : tokens) {
    if (t.kind != TokenKind::identifier) continue;
    const uint64_t hash = name_hash(t.text);
    size_t s = slot(t.text, hash);
    if (slots_[s] == 0) {
      if (2 * (names_.size() + 1) > slots_.size()) {  // keep the table at most half full: short probes
        grow();
        s = slot(t.text, hash);
      }
      names_.push_back(t.text);
      hashes_.push_back(hash);
      slots_[s] = static_cast<uint32_t>(names_.size());
    }
    t.name = slots_[s] - 1;
  }
}

void FileNames::grow() {
  std::vector<uint32_t> old(slots_.size() * 2, 0);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (uint32_t entry = 1; entry <= names_.size(); ++entry) {
    size_t s = hashes_[entry - 1] & mask;
    while (slots_[s] != 0) s = (s + 1) & mask;
    slots_[s] = entry;
  }
}

size_t FileNames::slot(std::string_view name, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    const uint32_t entry = slots_[s];
    if (entry == 0) return s;
    if (hashes_[entry - 1] == hash && same_name(names_[entry - 1], name)) return s;
  }
}

uint64_t FileNames::hash_of(std::string_view name) { return name_hash(name); }

size_t FileNames::index(std::string_view name) const {
  const uint32_t entry = slots_[slot(name, name_hash(name))];
  return entry == 0 ? size() : entry - 1;
}

bool lasting_judgement(bool (*judge)(std::string_view), const FileNames& names, size_t id) {
  return LastingJudgement()(judge, names, id);
}

bool LastingJudgement::operator()(bool (*judge)(std::string_view), const FileNames& names, size_t id) {
  if (judge != judge_) {
    if (memory_ == nullptr) memory_ = &NameMemory::of_thread();
    judge_ = judge;
    bit_ = memory_->judge_bit(judge);
  }
  const std::string_view name = names.all()[id];
  if (name.size() > NameMemory::max_name || bit_ < 0) return judge(name);  // not kept: judged afresh
  NameMemory::Line& line = memory_->line_of(name, names.hash(id));
  const uint32_t mask = uint32_t{1} << bit_;
  if ((line.judged & mask) == 0) {
    line.judged |= mask;
    if (judge(name)) line.holds |= mask;
  }
  return (line.holds & mask) != 0;
}

}  // namespace mdbc::source
