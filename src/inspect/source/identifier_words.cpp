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
}  // namespace

NameParts::NameParts(std::vector<std::string_view> parts) : parts_(std::move(parts)) {
  for (std::string_view p : parts_) {
    if (p.size() < 2 || std::any_of(p.begin(), p.end(), word_split::is_upper))
      throw std::logic_error("NameParts: a part must have two or more bytes and no upper case");
    const size_t pair = pair_of(p[0], p[1]);
    starts_[pair / 64] |= uint64_t{1} << (pair % 64);
  }
}

bool NameParts::in(std::string_view name) const {
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    const size_t pair = pair_of(name[i], name[i + 1]);
    if (!(starts_[pair / 64] >> (pair % 64) & 1)) continue;
    for (std::string_view p : parts_)
      if (p.size() <= name.size() - i &&
          std::equal(p.begin(), p.end(), name.begin() + static_cast<ptrdiff_t>(i), [](char a, char b) { return a == lower(b); }))
        return true;
  }
  return false;
}

}  // namespace mdbc::source
