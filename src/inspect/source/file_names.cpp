#include "inspect/source/file_names.h"

#include <bit>

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

FileNames::FileNames(std::span<Token> tokens) {
  // A table of at least twice as many slots as identifier tokens could need: the load factor
  // stays under one half, so probe runs stay short.
  size_t identifiers = 0;
  for (const Token& t : tokens) identifiers += t.kind == TokenKind::identifier ? 1 : 0;
  slots_.assign(std::bit_ceil(std::max<size_t>(16, identifiers * 2)), 0);
  for (Token& t : tokens) {
    if (t.kind != TokenKind::identifier) continue;
    const uint64_t hash = name_hash(t.text);
    const size_t s = slot(t.text, hash);
    if (slots_[s] == 0) {
      names_.push_back(t.text);
      hashes_.push_back(hash);
      slots_[s] = static_cast<uint32_t>(names_.size());
    }
    t.name = slots_[s] - 1;
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
