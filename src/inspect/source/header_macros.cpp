#include "inspect/source/header_macros.h"

#include <algorithm>

namespace mdbc::source {

std::vector<HeaderMacro> single_token_macros(const SourceFile& file,
                                             const std::function<bool(std::string_view, std::string_view)>& keep) {
  std::vector<HeaderMacro> out;
  const auto t = file.tokens;
  for (size_t i = 0; i + 3 < t.size(); ++i) {
    if (!t[i].directive || !t[i].line_start || !t[i].is("#") || !t[i + 1].is_ident("define")) continue;
    const Token& name = t[i + 2];
    if (name.kind != TokenKind::identifier || name.line_start) continue;
    // The body: the tokens after the name on the directive line, without enclosing parentheses.
    size_t begin = i + 3, end = begin;
    while (end < t.size() && t[end].directive && !t[end].line_start) ++end;
    // A function-like macro's '(' touches its name: not an object-like macro.
    if (begin < end && t[begin].is("(") && t[begin].text.data() == name.text.data() + name.text.size()) continue;
    while (end - begin >= 3 && t[begin].is("(") && t[end - 1].is(")")) {
      ++begin;
      --end;
    }
    if (end - begin != 1 || !keep(name.text, t[begin].text)) continue;
    out.push_back({std::string(name.text), std::string(t[begin].text)});
  }
  return out;
}

std::vector<std::string> quoted_includes(const SourceFile& file) {
  std::vector<std::string> out;
  const auto t = file.tokens;
  for (size_t i = 0; i + 2 < t.size() && out.size() < max_quoted_includes; ++i)
    if (t[i].directive && t[i].line_start && t[i].is("#") && t[i + 1].is_ident("include") &&
        t[i + 2].kind == TokenKind::string)
      out.emplace_back(string_body(t[i + 2]));
  return out;
}

bool names_header(std::string_view include, std::string_view header) {
  while (include.starts_with("./") || include.starts_with("../")) include.remove_prefix(include.find('/') + 1);
  if (include.empty()) return false;
  return header == include ||
         (header.size() > include.size() && header.ends_with(include) && header[header.size() - include.size() - 1] == '/');
}

}  // namespace mdbc::source

namespace mdbc::source {

void HeaderMacroIndex::add(std::string_view header, std::span<const HeaderMacro> macros) {
  for (const auto& m : macros) by_name_[m.name].push_back({header, m.body});
}

std::optional<HeaderMacroIndex::Definition> HeaderMacroIndex::find(std::string_view name,
                                                                   std::span<const std::string> includes) const {
  const auto it = by_name_.find(name);
  if (it == by_name_.end()) return std::nullopt;
  std::optional<Definition> found;
  const auto& definitions = it->second;
  for (size_t n = 0; n < definitions.size() && n < max_definitions; ++n) {
    const Definition& d = definitions[n];
    const bool included = std::any_of(includes.begin(), includes.end(),
                                      [&](const std::string& inc) { return names_header(inc, d.header); });
    if (!included) continue;
    if (found && found->body != d.body) return std::nullopt;  // two included headers disagree
    found = d;
  }
  return found;
}

}  // namespace mdbc::source
