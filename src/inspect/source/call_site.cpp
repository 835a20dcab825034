#include "inspect/source/call_site.h"

#include <algorithm>
#include <array>
#include <unordered_set>

namespace mdbc::source {
namespace {

bool directive_start(std::span<const Token> t, size_t i) {
  return t[i].directive && t[i].line_start && (t[i].is("#") || t[i].is("%:"));
}

// Whether tokens[i] sits in the list of an `enum … { … }` (an enumerator that shares a function's
// name is not a reference to the function). Walks back over at most `limit` tokens.
bool in_enum_list(std::span<const Token> t, const Syntax& syntax, size_t i) {
  size_t k = i;
  for (int steps = 0; k > 0 && steps < 512; ++steps) {
    --k;
    const Token& p = t[k];
    if (p.kind != TokenKind::punct) continue;
    if ((p.is(")") || p.is("]") || p.is("}")) && syntax.match(k) < k) {
      k = syntax.match(k);
      continue;
    }
    if (p.is("(") || p.is("[") || p.is(";")) return false;
    if (p.is("{")) {
      for (size_t j = k, back = 0; j > 0 && back < 6; --j, ++back)
        if (t[j - 1].is_ident("enum")) return true;
      return false;
    }
  }
  return false;
}

// Whether tokens[i], outside every function, is an argument of NAME(…) written as a statement of
// its own (NAME first on its line, after a ';', a '}', a ')' or a preprocessor line): C calls
// nothing at file scope, so that is a macro that declares or defines with the name
// (weak_alias (__libc_system, system), __ssp_redirect (strcpy, char *, const char *)).
bool file_scope_macro_argument(std::span<const Token> t, const Syntax& syntax, size_t i) {
  size_t k = i;
  for (int steps = 0; k > 0 && steps < 64; ++steps) {
    --k;
    const Token& p = t[k];
    if (p.directive) return false;
    if (p.is(")") && syntax.match(k) < k) {
      k = syntax.match(k);
      continue;
    }
    if (p.is(";") || p.is("{") || p.is("}") || p.is("[") || p.is("=")) return false;
    if (!p.is("(")) continue;
    if (k == 0 || t[k - 1].kind != TokenKind::identifier || !t[k - 1].line_start || is_keyword(t[k - 1].text))
      return false;
    if (k == 1) return true;
    const Token& before = t[k - 2];
    return before.directive || before.is(";") || before.is("}") || before.is(")");
  }
  return false;
}

}  // namespace

bool is_header(std::string_view path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || path.find('/', dot) != std::string_view::npos) return false;
  const std::string_view ext = path.substr(dot + 1);
  constexpr std::array<std::string_view, 10> headers{"h", "H", "hpp", "hh", "hxx", "h++", "inl", "ipp", "tcc", "HPP"};
  for (auto h : headers)
    if (ext == h) return true;
  return false;
}

Severity element_severity(const RunContext& ctx, std::string_view element_id) {
  const Element* e = ctx.code.element(element_id);
  return e != nullptr ? e->severity : Severity::error;
}

void CallSites::index_defines() const {
  if (defines_indexed_) return;
  defines_indexed_ = true;
  const auto t = file_.tokens;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (!directive_start(t, i) || file_.syntax.dead(i)) continue;
    const Token& d = t[i + 1];
    const Token& name = t[i + 2];
    if (d.line_start || name.line_start || !name.directive || name.kind != TokenKind::identifier) continue;
    if (d.is_ident("define")) defines_[name.text].push_back({i, false});
    else if (d.is_ident("undef")) defines_[name.text].push_back({i, true});
  }
}

void CallSites::index_functions() const {
  if (functions_indexed_) return;
  functions_indexed_ = true;
  const auto t = file_.tokens;
  for (const auto& f : file_.syntax.functions()) {
    const std::string_view name = t[f.name].text;
    functions_.emplace(name, &f);
    bool is_static = false;
    for (size_t k = f.name, steps = 0; k > 0 && steps < 64; --k, ++steps) {
      const Token& p = t[k - 1];
      if (p.directive || p.is(";") || p.is("{") || p.is("}")) break;
      if (p.is_ident("static")) is_static = true;
    }
    if (is_static) static_functions_[name] = true;
  }
}

bool CallSites::expanded(std::string_view macro) const {
  if (!expansions_indexed_) {
    // Every identifier that is expanded somewhere: in code, or in the body of another macro.
    // Built once per file, when a rule first asks about a macro.
    expansions_indexed_ = true;
    const auto t = file_.tokens;
    std::string_view current;  // the #define whose body we are in
    size_t body_from = t.size();
    for (size_t i = 0; i < t.size(); ++i) {
      if (directive_start(t, i)) {
        current = {};
        body_from = t.size();
        if (i + 2 < t.size() && t[i + 1].is_ident("define") && !t[i + 2].line_start) {
          current = t[i + 2].text;
          body_from = i + 3;
        }
        continue;
      }
      if (t[i].kind != TokenKind::identifier || file_.syntax.dead(i)) continue;
      if (!t[i].directive || (!current.empty() && current != t[i].text && i >= body_from))
        expanded_names_.insert(t[i].text);
    }
  }
  return expanded_names_.contains(macro);
}

bool CallSites::reportable(size_t name_token, std::string_view macro) const {
  if (!macro.empty() && !is_header(file_.input.path) && !expanded(macro)) return false;
  const std::string_view name = file_.tokens[name_token].text;
  index_defines();
  if (const auto it = defines_.find(name); it != defines_.end()) {
    const Define* last = nullptr;
    for (const auto& d : it->second)
      if (d.hash < name_token) last = &d;
    if (last != nullptr && !last->undef) return false;
  }
  index_functions();
  return !static_functions_.contains(name);
}

bool CallSites::expansion_reportable(const Call& c) const {
  return c.macro.empty() || is_header(file_.input.path) || expanded(c.macro);
}

std::vector<CallSites::Reference> CallSites::references(const std::function<bool(std::string_view)>& wanted) const {
  std::vector<Reference> out;
  const auto t = file_.tokens;
  const size_t n = t.size();
  NameMemo wanted_name(file_.names);  // `wanted` once per distinct name: this visits every identifier
  // Names this file declares as variables (`const char *system;`, `int atoi = …`) or defines as
  // functions (a C library's own strcpy, exported by reference) are not references to the library.
  std::unordered_set<std::string_view> own;
  for (size_t i = 1; i + 1 < n; ++i) {
    if (t[i].kind != TokenKind::identifier || !wanted_name(t[i], wanted) || t[i].directive) continue;
    const Token& p = t[i - 1];
    const Token& nx = t[i + 1];
    const bool declarator = (p.kind == TokenKind::identifier && !is_keyword(p.text)) || p.is("*") ||
                            p.is_ident("int") || p.is_ident("char") || p.is_ident("long") || p.is_ident("const");
    if (declarator && !p.directive && (nx.is(";") || nx.is("=") || nx.is(",") || nx.is(")") || nx.is("[")))
      own.insert(t[i].text);
  }
  for (const auto& f : file_.syntax.functions())
    if (wanted(t[f.name].text)) own.insert(t[f.name].text);
  std::string_view macro;
  size_t body_from = n, macro_hash = n;
  const auto& functions = file_.syntax.functions();
  size_t fn = 0;  // the next definition that may enclose token i
  for (size_t i = 0; i < n; ++i) {
    const Token& tok = t[i];
    if (directive_start(t, i)) {
      macro = {};
      body_from = n;
      macro_hash = i;
      if (i + 2 < n && t[i + 1].is_ident("define") && t[i + 2].kind == TokenKind::identifier && !t[i + 2].line_start) {
        macro = t[i + 2].text;
        body_from = i + 3;
        if (i + 3 < n && t[i + 3].is("(") && t[i + 3].text.data() == macro.data() + macro.size())
          body_from = file_.syntax.match(i + 3) < n ? file_.syntax.match(i + 3) + 1 : n;
      }
      continue;
    }
    if (tok.kind != TokenKind::identifier || i == 0 || !wanted_name(tok, wanted) || file_.syntax.dead(i) || own.contains(tok.text))
      continue;
    if (tok.directive && (macro.empty() || i < body_from)) continue;
    const bool ends_here = i + 1 >= n || t[i + 1].line_start || t[i + 1].directive != tok.directive;
    if (!ends_here && t[i + 1].is("(")) continue;  // a call: syntax.h has it
    // The whole body of an object-like macro: `#define COPY strcpy`.
    if (tok.directive && i == body_from && ends_here) {
      out.push_back({i, macro});
      continue;
    }
    size_t before = i - 1;
    if (t[before].is(".") || t[before].is("->") || t[before].is(".*") || t[before].is("->*")) continue;
    if (t[before].is("::")) {
      if (before == 0) continue;
      if (t[before - 1].kind == TokenKind::identifier && !is_keyword(t[before - 1].text)) {
        if (t[before - 1].text != "std" || before < 2) continue;
        before -= 2;
        if (t[before].is("::")) {
          if (before == 0) continue;
          --before;
        }
        if (t[before].is_ident("using")) continue;
      } else {
        --before;
      }
    }
    const Token& p = t[before];
    const bool value_before = p.is("=") || p.is(",") || p.is("(") || p.is("?") || p.is(":") || p.is("&") ||
                              p.is("{") || p.is_ident("return");
    if (!value_before || p.directive != tok.directive) continue;
    if (!ends_here) {
      const Token& nx = t[i + 1];
      if (!(nx.is(";") || nx.is(",") || nx.is(")") || nx.is("}") || nx.is(":"))) continue;
    }
    if ((p.is("{") || p.is(",")) && in_enum_list(t, file_.syntax, i)) continue;
    // A parameter of the macro that shares the name: `#define TRACE_INCLUDE(system) __TRACE_INCLUDE(system)`.
    if (tok.directive) {
      const auto params = macro_params(macro_hash);
      if (std::find(params.begin(), params.end(), tok.text) != params.end()) continue;
    }
    // A parameter of the enclosing function that shares the name hides the function.
    while (fn < functions.size() && functions[fn].body_close < i) ++fn;
    if (!tok.directive && fn < functions.size() && functions[fn].body_open < i) {
      const size_t open = functions[fn].name + 1, close = file_.syntax.match(open);
      bool parameter = false;
      for (size_t k = open + 1; k < close && k < n && !parameter; ++k) parameter = t[k].is_ident(tok.text);
      if (parameter) continue;
    }
    const bool in_function = fn < functions.size() && functions[fn].body_open < i;
    if (!tok.directive && !in_function && file_scope_macro_argument(t, file_.syntax, i)) continue;
    out.push_back({i, tok.directive ? macro : std::string_view()});
  }
  return out;
}

const FunctionDef* CallSites::defined_function(std::string_view name) const {
  index_functions();
  const auto it = functions_.find(name);
  return it == functions_.end() ? nullptr : it->second;
}

std::vector<std::string_view> CallSites::macro_params(size_t hash) const {
  std::vector<std::string_view> params;
  const auto t = file_.tokens;
  if (hash + 3 >= t.size()) return params;
  const Token& name = t[hash + 2];
  if (!t[hash + 3].is("(") || t[hash + 3].text.data() != name.text.data() + name.text.size()) return params;
  const size_t close = file_.syntax.match(hash + 3);
  for (size_t k = hash + 4; k < close && k < t.size(); ++k) {
    if (t[k].kind == TokenKind::identifier) params.push_back(t[k].text);
    else if (t[k].is("...") && (params.empty() || t[k - 1].is(","))) params.push_back("__VA_ARGS__");
  }
  return params;
}

bool CallSites::variadic_param(size_t hash, std::string_view name) const {
  const auto t = file_.tokens;
  if (name == "__VA_ARGS__") return true;
  if (hash + 3 >= t.size() || !t[hash + 3].is("(")) return false;
  const size_t close = file_.syntax.match(hash + 3);
  return close < t.size() && close >= hash + 6 && t[close - 1].is("...") && t[close - 2].is_ident(name);
}

size_t CallSites::macro_define_at(std::string_view name, size_t at) const {
  index_defines();
  size_t found = file_.tokens.size();
  if (const auto it = defines_.find(name); it != defines_.end())
    for (const auto& d : it->second)
      if (d.hash < at && !d.undef) found = d.hash;
  return found;
}

size_t CallSites::macro_define(std::string_view name) const {
  index_defines();
  const auto it = defines_.find(name);
  size_t found = file_.tokens.size();
  if (it != defines_.end())
    for (const auto& d : it->second)
      if (!d.undef) found = d.hash;
  return found;
}

}  // namespace mdbc::source
