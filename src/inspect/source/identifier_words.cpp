#include "inspect/source/identifier_words.h"

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

LowerName::LowerName(std::string_view name) : text_(name) {
  for (char& c : text_)
    if (word_split::is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
}

}  // namespace mdbc::source
