#include "inspect/source/name_shapes.h"

#include <algorithm>
#include <stdexcept>

namespace mdbc::source {
namespace {

uint16_t pair_of(unsigned char a, unsigned char b) { return static_cast<uint16_t>(a << 8 | b); }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
char lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

void NameShapes::add_prefix(std::string_view text, uint64_t owners) {
  if (text.empty()) throw std::logic_error("NameShapes: an empty prefix");
  const auto first = static_cast<unsigned char>(text[0]);
  if (text.size() >= 2) {
    starts_.push_back({pair_of(first, static_cast<unsigned char>(text[1])), {text, owners}});
    return;
  }
  // A one-byte name is looked up with a second byte of 0 (no identifier holds one).
  for (unsigned b = 0; b < 256; ++b) starts_.push_back({pair_of(first, static_cast<unsigned char>(b)), {text, owners}});
}

void NameShapes::add_suffix(std::string_view text, uint64_t owners) {
  if (text.empty()) throw std::logic_error("NameShapes: an empty suffix");
  const auto last = static_cast<unsigned char>(text.back());
  if (text.size() >= 2) {
    ends_.push_back({pair_of(static_cast<unsigned char>(text[text.size() - 2]), last), {text, owners}});
    return;
  }
  for (unsigned b = 0; b < 256; ++b) ends_.push_back({pair_of(static_cast<unsigned char>(b), last), {text, owners}});
}

void NameShapes::add_part(std::string_view part, uint64_t owners) {
  if (part.size() < 2 || std::any_of(part.begin(), part.end(), is_upper))
    throw std::logic_error("NameShapes: a part must have two or more bytes and no upper case");
  for (const char a : {part[0], upper(part[0])})
    for (const char b : {part[1], upper(part[1])}) {
      const uint16_t pair = pair_of(static_cast<unsigned char>(a), static_cast<unsigned char>(b));
      // The same pair once (a part beginning with two non-letters has one spelling).
      if (std::none_of(parts_.begin(), parts_.end(),
                       [&](const auto& p) { return p.first == pair && p.second.text == part && p.second.owners == owners; }))
        parts_.push_back({pair, {part, owners}});
    }
  part_owners_ |= owners;
}

void NameShapes::ByPair::build(std::vector<std::pair<uint16_t, Shape>> keyed) {
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t k = 0; k < keyed.size(); ++k) {
    const uint16_t pair = keyed[k].first;
    if (k == 0 || pair != keyed[k - 1].first) {
      pairs.push_back(pair);
      first.push_back(static_cast<uint32_t>(k));
      present[pair / 64] |= uint64_t{1} << (pair % 64);
    }
    shapes.push_back(keyed[k].second);
  }
  first.push_back(static_cast<uint32_t>(keyed.size()));
}

void NameShapes::finish() {
  by_start_.build(std::move(starts_));
  by_end_.build(std::move(ends_));
  by_part_.build(std::move(parts_));
  if (by_part_.pairs.size() >= UINT8_MAX) throw std::logic_error("NameShapes: too many pairs beginning parts");
  for (size_t k = 0; k < by_part_.pairs.size(); ++k) part_bucket_[by_part_.pairs[k]] = static_cast<uint8_t>(k + 1);
}

uint64_t NameShapes::owners_of(std::string_view name) const {
  uint64_t owners = any_;
  if (name.empty()) return owners;
  const auto byte = [&](size_t i) { return i < name.size() ? static_cast<unsigned char>(name[i]) : 0; };
  for (auto [k, end] = by_start_.of(pair_of(byte(0), byte(1))); k < end; ++k) {
    const Shape& s = by_start_.shapes[k];
    if (name.starts_with(s.text)) owners |= s.owners;
  }
  const unsigned char before_last = name.size() >= 2 ? byte(name.size() - 2) : 0;
  for (auto [k, end] = by_end_.of(pair_of(before_last, byte(name.size() - 1))); k < end; ++k) {
    const Shape& s = by_end_.shapes[k];
    if (name.ends_with(s.text)) owners |= s.owners;
  }
  if ((owners & part_owners_) == part_owners_) return owners;
  const auto* p = reinterpret_cast<const unsigned char*>(name.data());
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    const uint8_t b = part_bucket_[pair_of(p[i], p[i + 1])];
    if (b == 0) continue;
    const size_t rest = name.size() - i;
    for (uint32_t k = by_part_.first[b - 1]; k < by_part_.first[b]; ++k) {
      const Shape& s = by_part_.shapes[k];
      if (s.text.size() > rest) continue;
      size_t j = 2;
      while (j < s.text.size() && s.text[j] == lower(name[i + j])) ++j;
      if (j < s.text.size()) continue;
      owners |= s.owners;
      if ((owners & part_owners_) == part_owners_) return owners;
    }
  }
  return owners;
}

}  // namespace mdbc::source
