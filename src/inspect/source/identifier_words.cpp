#include "inspect/source/identifier_words.h"

#include <cctype>

namespace mdbc::source {

std::vector<std::string> identifier_words(std::string_view id) {
  std::vector<std::string> words;
  std::string cur;
  const auto flush = [&] {
    if (!cur.empty()) words.push_back(std::move(cur));
    cur.clear();
  };
  for (size_t i = 0; i < id.size(); ++i) {
    const auto c = static_cast<unsigned char>(id[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    if (std::isupper(c) && !cur.empty()) {
      const bool prev_lower = std::islower(static_cast<unsigned char>(id[i - 1])) || std::isdigit(static_cast<unsigned char>(id[i - 1]));
      const bool next_lower = i + 1 < id.size() && std::islower(static_cast<unsigned char>(id[i + 1]));
      // "masterKey" splits before K; "HTTPServer" splits before the S that starts "Server".
      if (prev_lower || (std::isupper(static_cast<unsigned char>(id[i - 1])) && next_lower)) flush();
    }
    cur += static_cast<char>(std::tolower(c));
  }
  flush();
  return words;
}

}  // namespace mdbc::source
