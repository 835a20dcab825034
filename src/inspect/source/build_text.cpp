#include "inspect/source/build_text.h"

namespace mdbc::source {

std::vector<BuildLine> build_lines(std::string_view text) {
  std::vector<BuildLine> out;
  uint32_t number = 0;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    ++number;
    bool quoted = false;
    size_t hash = std::string_view::npos;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"' && (i == 0 || line[i - 1] != '\\')) quoted = !quoted;
      if (line[i] == '#' && !quoted && (i == 0 || line[i - 1] != '\\')) {
        hash = i;
        break;
      }
    }
    if (hash == std::string_view::npos) out.push_back({number, line, {}});
    else out.push_back({number, line.substr(0, hash), line.substr(hash + 1)});
    if (end == text.size()) break;
    begin = end + 1;
  }
  return out;
}

}  // namespace mdbc::source
