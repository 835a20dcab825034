#include "inspect/source/build_text.h"

#include <algorithm>
#include <cctype>

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

namespace {

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool equals_any(std::string_view value, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
    return w.size() == value.size() && std::equal(w.begin(), w.end(), value.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
           });
  });
}

}  // namespace

std::optional<std::string_view> setting_value(std::string_view line, std::string_view name) {
  for (size_t at = line.find(name); at != std::string_view::npos; at = line.find(name, at + 1)) {
    const size_t after = at + name.size();
    const bool define = at >= 2 && line[at - 2] == '-' && line[at - 1] == 'D';  // -DNAME=value
    const bool starts = at == 0 || define || !std::isalnum(static_cast<unsigned char>(line[at - 1]));
    if (!starts || (after < line.size() && name_char(line[after]))) continue;
    size_t v = after;
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
    if (v < line.size() && (line[v] == ':' || line[v] == '?' || line[v] == '+') && v + 1 < line.size() && line[v + 1] == '=') ++v;
    const bool assigned = v < line.size() && (line[v] == '=' || line[v] == ':');
    if (assigned) ++v;
    else if (v == after) continue;  // NAME followed by neither '=' nor a space
    while (v < line.size() && (line[v] == ' ' || line[v] == '\t')) ++v;
    const bool quoted = v < line.size() && (line[v] == '"' || line[v] == '\'');
    if (quoted) ++v;
    size_t end = v;
    while (end < line.size() && (name_char(line[end]) || line[end] == '-' || line[end] == '.' || line[end] == '/' ||
                                 line[end] == '$' || line[end] == '{' || line[end] == '}'))
      ++end;
    if (end == v && !(quoted && v < line.size() && (line[v] == '"' || line[v] == '\''))) continue;  // no value here
    return line.substr(v, end - v);
  }
  return std::nullopt;
}

bool is_off(std::string_view value) { return equals_any(value, {"n", "no", "off", "false", "0"}); }
bool is_on(std::string_view value) { return equals_any(value, {"y", "yes", "on", "true", "1"}); }

}  // namespace mdbc::source
