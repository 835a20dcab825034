#include "inspect/source/identifier_words.h"

namespace mdbc::source {
namespace {

// ASCII classes without the C library's locale lookups: this runs on most names of a tree.
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::vector<std::string> identifier_words(std::string_view id) {
  std::vector<std::string> words;
  size_t begin = 0;  // of the current word
  const auto flush = [&](size_t end) {
    if (end <= begin) return;
    std::string& w = words.emplace_back(id.substr(begin, end - begin));
    for (char& c : w)
      if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
  };
  for (size_t i = 0; i < id.size(); ++i) {
    const char c = id[i];
    if (!is_upper(c) && !is_lower(c) && !is_digit(c)) {
      flush(i);
      begin = i + 1;
      continue;
    }
    if (is_upper(c) && i > begin) {
      const bool prev_lower = is_lower(id[i - 1]) || is_digit(id[i - 1]);
      const bool next_lower = i + 1 < id.size() && is_lower(id[i + 1]);
      // "masterKey" splits before K; "HTTPServer" splits before the S that starts "Server".
      if (prev_lower || (is_upper(id[i - 1]) && next_lower)) {
        flush(i);
        begin = i;
      }
    }
  }
  flush(id.size());
  return words;
}

LowerName::LowerName(std::string_view name) : text_(name) {
  for (char& c : text_)
    if (is_upper(c)) c = static_cast<char>(c - 'A' + 'a');
}

}  // namespace mdbc::source
