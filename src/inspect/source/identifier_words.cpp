#include "inspect/source/identifier_words.h"

#include <algorithm>
#include <stdexcept>

namespace mdbc::source {

std::vector<std::string> identifier_words(std::string_view id) {
  size_t count = 0;
  word_split::find_word(id, [&](size_t, size_t) { return ++count, false; });
  std::vector<std::string> words;
  words.reserve(count);
  word_split::find_word(id, [&](size_t begin, size_t end) {
    std::string& w = words.emplace_back(id.substr(begin, end - begin));
    for (char& c : w)
      if (word_split::is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
    return false;
  });
  return words;
}

namespace {
unsigned char lower(char c) { return static_cast<unsigned char>(word_split::is_upper(c) ? c - 'A' + 'a' : c); }
size_t pair_of(char a, char b) { return size_t{lower(a)} << 8 | lower(b); }
size_t raw_pair_of(char a, char b) { return size_t{static_cast<unsigned char>(a)} << 8 | static_cast<unsigned char>(b); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
}  // namespace

NameParts::NameParts(std::vector<std::string_view> parts) : parts_(std::move(parts)) {
  if (parts_.size() > UINT16_MAX) throw std::logic_error("NameParts: too many parts");
  for (std::string_view p : parts_)
    if (p.size() < 2 || std::any_of(p.begin(), p.end(), word_split::is_upper))
      throw std::logic_error("NameParts: a part must have two or more bytes and no upper case");
  std::stable_sort(parts_.begin(), parts_.end(),
                   [](std::string_view a, std::string_view b) { return pair_of(a[0], a[1]) < pair_of(b[0], b[1]); });
  for (size_t k = 0; k < parts_.size(); ++k) {
    const std::string_view p = parts_[k];
    const auto pair = static_cast<uint16_t>(pair_of(p[0], p[1]));
    if (buckets_.empty() || buckets_.back().pair != pair) buckets_.push_back({pair, static_cast<uint16_t>(k), 0});
    ++buckets_.back().count;
    if (buckets_.size() > UINT8_MAX) throw std::logic_error("NameParts: too many first pairs");
    for (const char a : {p[0], upper(p[0])})
      for (const char b : {p[1], upper(p[1])}) bucket_of_[raw_pair_of(a, b)] = static_cast<uint8_t>(buckets_.size());
  }
}

bool NameParts::in(std::string_view name) const {
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    const uint8_t in_bucket = bucket_of_[raw_pair_of(name[i], name[i + 1])];
    if (in_bucket == 0) continue;
    const Bucket* bucket = &buckets_[in_bucket - 1];
    const std::string_view rest = name.substr(i);
    for (size_t k = bucket->first; k < size_t{bucket->first} + bucket->count; ++k) {
      const std::string_view p = parts_[k];
      if (p.size() <= rest.size() &&
          std::equal(p.begin() + 2, p.end(), rest.begin() + 2, [](char a, char b) { return a == lower(b); }))
        return true;
    }
  }
  return false;
}

}  // namespace mdbc::source
