#include "inspect/source/file_names.h"

namespace mdbc::source {
namespace {

// FNV-1a over the bytes, then a final mix: identifiers are short, and this is cheaper than a
// general-purpose hash on them.
uint64_t name_hash(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
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
    if (hashes_[entry - 1] == hash && names_[entry - 1] == name) return s;
  }
}

size_t FileNames::index(std::string_view name) const {
  const uint32_t entry = slots_[slot(name, name_hash(name))];
  return entry == 0 ? size() : entry - 1;
}

}  // namespace mdbc::source
