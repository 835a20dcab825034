#include "inspect/source/source_values.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace mdbc::source {
namespace {

constexpr int max_depth = 8;          // names followed to reach a value
constexpr size_t max_walk = 4096;     // tokens walked back or forward within one statement
constexpr size_t max_expression = 64; // tokens of an integer expression evaluated

// Identifiers that start an expression rather than a declaration when they precede a name.
constexpr std::array<std::string_view, 22> expression_words{
    "return", "case", "goto", "else", "do", "sizeof", "new", "delete", "throw", "co_return", "co_await", "co_yield",
    "not", "and", "or", "xor", "bitand", "bitor", "compl", "typedef", "using", "defined"};
constexpr std::array<std::string_view, 10> compound_ops{"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="};
constexpr std::array<std::string_view, 9> record_words{"struct", "class", "union", "enum", "namespace",
                                                       "public", "private", "protected", "final"};
constexpr std::array<std::string_view, 4> cpp_casts{"static_cast", "reinterpret_cast", "const_cast", "dynamic_cast"};
// Calls that wrap a single literal without changing what it is.
constexpr std::array<std::string_view, 12> literal_wrappers{"_T",     "TEXT",        "__TEXT", "_TEXT",
                                                            "string", "string_view", "wstring", "basic_string",
                                                            "PSTR",   "F",           "u8string", "QStringLiteral"};

template <size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool is_opener(const Token& t) { return t.kind == TokenKind::punct && (t.is("(") || t.is("[") || t.is("{")); }
bool is_closer(const Token& t) { return t.kind == TokenKind::punct && (t.is(")") || t.is("]") || t.is("}")); }

bool char_value(const Token& t, int64_t& out) {
  std::string_view s = t.text;
  const size_t q = s.find('\'');
  if (q == std::string_view::npos || s.size() < q + 3 || s.back() != '\'') return false;
  s = s.substr(q + 1, s.size() - q - 2);
  if (s.size() == 1) {
    out = static_cast<unsigned char>(s[0]);
    return true;
  }
  if (s.size() >= 2 && s[0] == '\\') {
    if (s[1] == 'x') {
      int64_t v = 0;
      for (size_t i = 2; i < s.size(); ++i) {
        const int c = std::tolower(static_cast<unsigned char>(s[i]));
        if (!std::isxdigit(c) || v > 0xffff) return false;
        v = v * 16 + (std::isdigit(c) ? c - '0' : c - 'a' + 10);
      }
      out = v;
      return true;
    }
    if (std::isdigit(static_cast<unsigned char>(s[1]))) {
      int64_t v = 0;
      for (size_t i = 1; i < s.size(); ++i) {
        if (s[i] < '0' || s[i] > '7' || v > 0777) return false;
        v = v * 8 + (s[i] - '0');
      }
      out = v;
      return true;
    }
    if (s.size() == 2) {
      switch (s[1]) {
        case 'n': out = '\n'; return true;
        case 't': out = '\t'; return true;
        case 'r': out = '\r'; return true;
        case '\\': out = '\\'; return true;
        case '\'': out = '\''; return true;
        case '"': out = '"'; return true;
        default: return false;
      }
    }
  }
  return false;
}

bool type_like_group(std::span<const Token> toks, size_t open, size_t close) {
  // The contents of a cast: type names, qualifiers, '*', '&', '::', template arguments and
  // array bounds (compound literals). At least one identifier, nothing else.
  bool ident = false;
  for (size_t k = open + 1; k < close; ++k) {
    const Token& t = toks[k];
    if (t.kind == TokenKind::identifier) {
      if (in(expression_words, t.text)) return false;
      ident = true;
    } else if (t.kind == TokenKind::number) {
      if (k == 0 || !(toks[k - 1].is("[") || toks[k - 1].is("<") || toks[k - 1].is(","))) return false;
    } else if (!(t.is("*") || t.is("&") || t.is("::") || t.is("<") || t.is(">") || t.is(",") || t.is("[") ||
                 t.is("]"))) {
      return false;
    }
  }
  return ident;
}

bool starts_operand(const Token& t) {
  return t.kind == TokenKind::identifier || t.kind == TokenKind::number || t.kind == TokenKind::string ||
         t.kind == TokenKind::character || t.is("(") || t.is("&") || t.is("*") || t.is("~") || t.is("!") ||
         t.is("{") || t.is("-");
}

}  // namespace

bool parse_integer(std::string_view text, int64_t& out) {
  std::string digits;
  for (char c : text)
    if (c != '\'') digits += c;
  while (!digits.empty() && std::strchr("uUlLzZ", digits.back()) != nullptr) digits.pop_back();
  if (digits.empty()) return false;
  unsigned base = 10;
  size_t i = 0;
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'X')) {
    base = 16;
    i = 2;
  } else if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'b' || digits[1] == 'B')) {
    base = 2;
    i = 2;
  } else if (digits.size() > 1 && digits[0] == '0') {
    base = 8;
    i = 1;
  }
  uint64_t v = 0;
  for (; i < digits.size(); ++i) {
    const int c = std::tolower(static_cast<unsigned char>(digits[i]));
    unsigned d;
    if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
    else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
    else return false;
    if (d >= base) return false;
    if (v > (static_cast<uint64_t>(INT64_MAX) - d) / base) return false;
    v = v * base + d;
  }
  out = static_cast<int64_t>(v);
  return true;
}

FileValues::FileValues(const Syntax& syntax) : syntax_(syntax) {
  calls_by_function_.resize(syntax_.functions().size() + 1);
  call_at_.assign(tokens().size(), -1);
  const auto& calls = syntax_.calls();
  for (size_t c = 0; c < calls.size(); ++c) {
    calls_by_function_[static_cast<size_t>(calls[c].function + 1)].push_back(c);
    call_at_[calls[c].name] = static_cast<int>(c);
  }
  const auto toks = tokens();
  for (size_t i = 0; i < toks.size(); ++i)
    if (toks[i].kind == TokenKind::identifier && !toks[i].directive && !syntax_.dead(i))
      occurrences_[toks[i].text].push_back(i);
  scan();
  add_parameters();
  std::stable_sort(bindings_.begin(), bindings_.end(), [](const Binding& a, const Binding& b) { return a.name < b.name; });
  for (size_t b = 0; b < bindings_.size(); ++b) by_name_[tokens()[bindings_[b].name].text].push_back(b);
}

int FileValues::function_at(size_t i) const {
  const auto& fns = syntax_.functions();
  // Bodies do not overlap and are in token order.
  auto it = std::upper_bound(fns.begin(), fns.end(), i, [](size_t v, const FunctionDef& f) { return v < f.body_open; });
  if (it == fns.begin()) return -1;
  --it;
  return i > it->body_open && i < it->body_close ? static_cast<int>(it - fns.begin()) : -1;
}

std::vector<const Binding*> FileValues::bindings(std::string_view name) const {
  std::vector<const Binding*> out;
  if (auto it = by_name_.find(name); it != by_name_.end())
    for (size_t b : it->second) out.push_back(&bindings_[b]);
  return out;
}

std::vector<const Binding*> FileValues::visible(std::string_view name, int function) const {
  std::vector<const Binding*> all;
  bool local_declaration = false;
  for (const Binding* b : bindings(name)) {
    if (b->form == BindingForm::member) continue;
    if (b->function != function && b->function != -1) continue;
    if (b->function == function && function != -1 &&
        (b->form == BindingForm::declaration || b->form == BindingForm::parameter))
      local_declaration = true;
    all.push_back(b);
  }
  if (!local_declaration) return all;
  std::vector<const Binding*> out;
  for (const Binding* b : all)
    if (b->function == function || b->form == BindingForm::macro) out.push_back(b);
  return out;
}

std::span<const size_t> FileValues::occurrences(std::string_view name) const {
  if (auto it = occurrences_.find(name); it != occurrences_.end()) return it->second;
  return {};
}

const Call* FileValues::call_at(size_t name_token) const {
  if (name_token >= call_at_.size() || call_at_[name_token] < 0) return nullptr;
  return &syntax_.calls()[static_cast<size_t>(call_at_[name_token])];
}

std::span<const size_t> FileValues::calls_in(int function) const {
  const size_t slot = static_cast<size_t>(function + 1);
  if (slot >= calls_by_function_.size()) return {};
  return calls_by_function_[slot];
}

void FileValues::add(Binding b) { bindings_.push_back(b); }

size_t FileValues::statement_begin(size_t i) const {
  const auto toks = tokens();
  const bool directive = i < toks.size() && toks[i].directive;
  size_t k = i;
  for (size_t steps = 0; k > 0 && steps < max_walk; ++steps) {
    const Token& t = toks[k - 1];
    if (t.directive != directive) return k;
    if (t.is(")") || t.is("]")) {
      const size_t m = syntax_.match(k - 1);
      if (m >= k - 1) return k;
      k = m;
      continue;
    }
    if (t.is(";") || t.is("{") || t.is("}") || t.is("(") || t.is("[") || t.is(":")) return k;
    --k;
  }
  return k;
}

FileValues::DeclInfo FileValues::declaration_at(size_t name, size_t begin_of_name) const {
  const auto toks = tokens();
  DeclInfo info;
  if (begin_of_name == 0) return info;
  size_t j = begin_of_name - 1;
  while (j > 0 && (toks[j].is("*") || toks[j].is("&") || toks[j].is("&&"))) --j;
  const Token& p = toks[j];
  if (p.directive != toks[name].directive) return info;
  const size_t stmt = statement_begin(name);
  if (p.kind == TokenKind::identifier) {
    info.declared = !in(expression_words, p.text);
  } else if (p.is(">") || p.is(">>")) {
    info.declared = true;
  } else if (p.is(",")) {
    // Another declarator of `T a = 1, b = 2;` or an enumerator.
    if (stmt < name && stmt + 1 < toks.size()) {
      const Token& first = toks[stmt];
      const Token& second = toks[stmt + 1];
      info.declared = first.kind == TokenKind::identifier && !in(expression_words, first.text) &&
                      (second.kind == TokenKind::identifier || second.is("*") || second.is("::") || second.is("<") ||
                       second.is("&"));
    }
    if (stmt > 0 && toks[stmt - 1].is("{") && classify_brace(stmt - 1) == Brace::enumeration) {
      info.declared = true;
      info.is_const = true;
    }
  } else if (p.is("{") && classify_brace(j) == Brace::enumeration) {
    info.declared = true;
    info.is_const = true;
  }
  if (!info.declared) return info;
  if (stmt > 0 && toks[stmt - 1].is("(")) {  // a parameter list or a for(…) header
    const size_t open = stmt - 1;
    const bool for_header = open > 0 && toks[open - 1].is_ident("for");
    if (!for_header) {
      info.declared = false;
      return info;
    }
  }
  for (size_t k = stmt; k < name; ++k) {
    const std::string_view w = toks[k].text;
    if (toks[k].kind != TokenKind::identifier) continue;
    if (w == "const" || w == "constexpr" || w == "constinit") info.is_const = true;
    if (w == "static") info.is_static = true;
    if (w == "extern") info.is_extern = true;
    if (w == "typedef" || w == "using" || w == "return") {
      info.declared = false;
      return info;
    }
  }
  return info;
}

TokenRange FileValues::value_after(size_t eq) const {
  const auto toks = tokens();
  const size_t n = toks.size();
  const bool directive = toks[eq].directive;
  size_t j = eq + 1;
  for (size_t steps = 0; j < n && steps < max_walk * 4; ++steps) {
    const Token& t = toks[j];
    if (t.directive != directive || (directive && t.line_start)) break;
    if (is_opener(t)) {
      const size_t m = syntax_.match(j);
      if (m >= n) return {eq + 1, n};
      j = m + 1;
      continue;
    }
    if (t.is(";") || t.is(",") || is_closer(t)) break;
    ++j;
  }
  return {eq + 1, j};
}

FileValues::Brace FileValues::classify_brace(size_t open) const {
  const auto toks = tokens();
  const auto& fns = syntax_.functions();
  const auto fn = std::lower_bound(fns.begin(), fns.end(), open,
                                   [](const FunctionDef& f, size_t v) { return f.body_open < v; });
  if (fn != fns.end() && fn->body_open == open) return Brace::function;
  if (open == 0) return Brace::block;
  const Token& p = toks[open - 1];
  if (p.is("=") || p.is(",") || p.is("(") || p.is("{") || p.is("[") || p.is_ident("return")) return Brace::initializer;
  if (p.kind == TokenKind::string) return Brace::file;  // extern "C" {
  for (size_t k = open, steps = 0; k > 0 && steps < 12; --k, ++steps) {
    const Token& t = toks[k - 1];
    if (t.kind == TokenKind::identifier) {
      if (t.text == "enum") return Brace::enumeration;
      if (t.text == "struct" || t.text == "class" || t.text == "union") return Brace::record;
      if (t.text == "namespace") return Brace::file;
      continue;
    }
    if (t.is("::") || t.is(":") || t.is(",") || t.is("<") || t.is(">")) continue;
    break;
  }
  if (p.kind == TokenKind::identifier && !is_keyword(p.text) && toks[open].kind == TokenKind::punct) {
    // T name{…} (C++ list initialisation)
    if (open >= 2 && (toks[open - 2].kind == TokenKind::identifier || toks[open - 2].is("*") || toks[open - 2].is(">")))
      return Brace::initializer;
  }
  return Brace::block;
}

void FileValues::scan() {
  const auto toks = tokens();
  const size_t n = toks.size();
  std::vector<Brace> braces;  // open braces at this point
  const auto in_record = [&] {
    for (auto it = braces.rbegin(); it != braces.rend(); ++it) {
      if (*it == Brace::record) return true;
      if (*it == Brace::function || *it == Brace::block) return false;
    }
    return false;
  };
  const auto in_initializer = [&] { return !braces.empty() && braces.back() == Brace::initializer; };

  // The name an assignment-like operator at `op` writes, and how.
  struct Target {
    size_t name = SIZE_MAX;
    bool indexed = false, deref = false, member = false;
    size_t begin = 0;  // first token of the name (before any '::' qualification)
  };
  const auto target_before = [&](size_t op) {
    Target t;
    if (op == 0) return t;
    size_t p = op - 1;
    if (toks[p].is(")") && syntax_.match(p) < p && syntax_.match(p) > 0 &&
        toks[syntax_.match(p) - 1].is_ident("__attribute__") && syntax_.match(p) >= 2)
      p = syntax_.match(p) - 2;
    if (toks[p].kind == TokenKind::identifier && p > 0 && toks[p - 1].is("]")) {
      const std::string_view w = toks[p].text;
      if (std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isupper(c) || c == '_' || std::isdigit(c); }))
        --p;  // `key[] PROGMEM = …`
    }
    while (toks[p].is("]")) {
      const size_t m = syntax_.match(p);
      if (m >= p || m == 0) return t;
      p = m - 1;
      t.indexed = true;
    }
    if (toks[p].kind != TokenKind::identifier || is_keyword(toks[p].text)) return t;
    t.name = p;
    t.begin = p;
    while (t.begin >= 2 && toks[t.begin - 1].is("::") && toks[t.begin - 2].kind == TokenKind::identifier) t.begin -= 2;
    if (p > 0 && (toks[p - 1].is(".") || toks[p - 1].is("->"))) t.member = true;
    if (p > 0 && toks[p - 1].is("*")) {
      const size_t b = p - 1;
      const bool after_operand = b > 0 && (toks[b - 1].kind == TokenKind::identifier || toks[b - 1].is(")") ||
                                           toks[b - 1].is("]") || toks[b - 1].is(">"));
      if (!after_operand ||
          (b > 0 && toks[b - 1].kind == TokenKind::identifier && in(expression_words, toks[b - 1].text)))
        t.deref = true;
    }
    return t;
  };

  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (t.directive) {
      if (t.line_start && t.is("#") && i + 2 < n && toks[i + 1].is_ident("define") && toks[i + 2].directive &&
          !toks[i + 2].line_start && toks[i + 2].kind == TokenKind::identifier && !syntax_.dead(i)) {
        size_t end = i + 1;
        while (end < n && toks[end].directive && !toks[end].line_start) ++end;
        const bool function_like = i + 3 < end && toks[i + 3].is("(") &&
                                   toks[i + 3].text.data() == toks[i + 2].text.data() + toks[i + 2].text.size();
        if (!function_like) {
          Binding b;
          b.name = i + 2;
          b.value = {i + 3, end};
          b.form = BindingForm::macro;
          b.is_const = true;
          b.is_static = true;
          add(b);
        }
        i = end - 1;
      }
      continue;
    }
    if (syntax_.dead(i)) continue;
    if (t.kind == TokenKind::punct) {
      if (t.is("{")) {
        braces.push_back(classify_brace(i));
        continue;
      }
      if (t.is("}")) {
        if (!braces.empty()) braces.pop_back();
        continue;
      }
      const bool assign = t.is("=");
      const bool compound = in(compound_ops, t.text);
      if (assign || compound) {
        const Target target = target_before(i);
        if (target.name == SIZE_MAX) continue;
        Binding b;
        b.name = target.name;
        b.value = value_after(i);
        b.function = function_at(i);
        if (target.member || (in_initializer() && target.name > 0 && toks[target.name - 1].is("."))) {
          b.form = BindingForm::member;
        } else if (target.deref) {
          b.form = BindingForm::element;
        } else if (in_record()) {
          b.form = BindingForm::member;
        } else {
          const DeclInfo d = declaration_at(target.name, target.begin);
          if (d.declared && assign) {
            b.form = BindingForm::declaration;
            b.is_const = d.is_const;
            b.is_static = d.is_static || b.function == -1;
            b.is_extern = d.is_extern;
            b.is_array = target.indexed;
          } else if (target.indexed) {
            b.form = BindingForm::element;
            b.is_array = true;
          } else {
            b.form = assign ? BindingForm::assignment : BindingForm::compound;
          }
        }
        if (compound && b.form == BindingForm::member) continue;
        add(b);
        continue;
      }
      if (t.is("++") || t.is("--")) {
        Target target;
        if (i + 1 < n && toks[i + 1].kind == TokenKind::identifier) {
          target.name = i + 1;
          target.indexed = i + 2 < n && toks[i + 2].is("[");
          target.member = false;
        } else {
          target = target_before(i);
        }
        if (target.name == SIZE_MAX || target.member) continue;
        Binding b;
        b.name = target.name;
        b.function = function_at(i);
        b.form = target.indexed || target.deref ? BindingForm::element : BindingForm::compound;
        add(b);
      }
      continue;
    }
    if (t.kind != TokenKind::identifier || is_keyword(t.text) || i + 1 >= n || in_initializer()) continue;
    const Token& next = toks[i + 1];
    if (next.directive) continue;
    const bool paren = next.is("(");
    const bool brace = next.is("{") && classify_brace(i + 1) == Brace::initializer;
    const bool bare = next.is(";") || next.is(",") || next.is("[");
    if (!paren && !brace && !bare) continue;
    if (i > 0 && (toks[i - 1].is(".") || toks[i - 1].is("->") || toks[i - 1].is("::") || toks[i - 1].is("~") ||
                  (toks[i - 1].kind == TokenKind::identifier && in(record_words, toks[i - 1].text))))
      continue;
    size_t after = i + 1;
    bool indexed = false;
    if (next.is("[")) {
      while (after < n && toks[after].is("[") && syntax_.match(after) < n) after = syntax_.match(after) + 1;
      indexed = true;
      if (after >= n || !(toks[after].is(";") || toks[after].is(","))) continue;
    }
    const int fn = function_at(i);
    if (paren || brace) {
      const size_t close = syntax_.match(i + 1);
      if (close >= n || close + 1 >= n || !(toks[close + 1].is(";") || toks[close + 1].is(","))) continue;
      if (paren) {
        bool literal = false;
        for (size_t k = i + 2; k < close; ++k)
          literal = literal || toks[k].kind == TokenKind::number || toks[k].kind == TokenKind::string;
        if (fn == -1 && !literal) continue;  // a prototype
        if (call_at_[i] >= 0) continue;
      }
    }
    const DeclInfo d = declaration_at(i, i);
    if (!d.declared) continue;
    Binding b;
    b.name = i;
    b.function = fn;
    b.is_const = d.is_const;
    b.is_static = d.is_static || fn == -1;
    b.is_extern = d.is_extern;
    b.is_array = indexed;
    b.form = in_record() ? BindingForm::member : BindingForm::declaration;
    if (paren) b.value = {i + 2, syntax_.match(i + 1)};
    if (brace) b.value = {i + 1, syntax_.match(i + 1) + 1};
    add(b);
  }
}

void FileValues::add_parameters() {
  const auto toks = tokens();
  const auto& fns = syntax_.functions();
  for (size_t f = 0; f < fns.size(); ++f) {
    const size_t open = fns[f].name + 1;
    if (open >= toks.size() || !toks[open].is("(")) continue;
    const size_t close = syntax_.match(open);
    if (close >= toks.size()) continue;
    size_t chunk = open + 1;
    for (size_t j = open + 1; j <= close; ++j) {
      if (j < close && is_opener(toks[j]) && syntax_.match(j) < close && !toks[j].is("(")) {
        j = syntax_.match(j);
        continue;
      }
      if (j < close && toks[j].is("(") && syntax_.match(j) < close) {
        // A function-pointer parameter: int (*cb)(int) — its name is inside the first group.
        const size_t m = syntax_.match(j);
        for (size_t k = j + 1; k < m; ++k)
          if (toks[k].kind == TokenKind::identifier) {
            Binding b;
            b.name = k;
            b.function = static_cast<int>(f);
            b.form = BindingForm::parameter;
            add(b);
            break;
          }
        chunk = SIZE_MAX;  // handled
        j = m;
        continue;
      }
      if (j < close && !toks[j].is(",")) continue;
      if (chunk != SIZE_MAX && j >= chunk + 2) {
        size_t last = SIZE_MAX;
        for (size_t k = chunk; k < j; ++k) {
          if (toks[k].is("[") || toks[k].is("=")) break;
          if (toks[k].kind == TokenKind::identifier) last = k;
        }
        if (last != SIZE_MAX && !is_keyword(toks[last].text)) {
          Binding b;
          b.name = last;
          b.function = static_cast<int>(f);
          b.form = BindingForm::parameter;
          b.is_array = true;
          add(b);
        }
      }
      chunk = j + 1;
    }
  }
}

TokenRange FileValues::strip(TokenRange r) const {
  const auto toks = tokens();
  if (r.end > toks.size()) r.end = toks.size();
  for (int round = 0; round < 16 && !r.empty(); ++round) {
    const Token& first = toks[r.begin];
    // Trailing .data() / .c_str() / .get()
    if (r.size() >= 5 && toks[r.end - 1].is(")") && toks[r.end - 2].is("(") &&
        (toks[r.end - 4].is(".") || toks[r.end - 4].is("->")) &&
        (toks[r.end - 3].is_ident("data") || toks[r.end - 3].is_ident("c_str") || toks[r.end - 3].is_ident("get"))) {
      r.end -= 4;
      continue;
    }
    if (first.is("&") && r.size() > 1) {
      ++r.begin;
      // &x[0]
      if (r.size() >= 4 && toks[r.end - 1].is("]") && toks[r.end - 3].is("[") && toks[r.end - 2].is("0")) r.end -= 3;
      continue;
    }
    if (first.is("(")) {
      const size_t m = syntax_.match(r.begin);
      if (m == r.end - 1) {
        ++r.begin;
        --r.end;
        continue;
      }
      if (m < r.end - 1 && type_like_group(toks, r.begin, m) && starts_operand(toks[m + 1])) {
        r.begin = m + 1;
        continue;
      }
      break;
    }
    if (first.kind == TokenKind::identifier && in(cpp_casts, first.text) && r.size() > 3 && toks[r.begin + 1].is("<")) {
      size_t k = r.begin + 2;
      int angle = 1;
      for (; k < r.end && angle > 0; ++k) {
        if (toks[k].is("<")) ++angle;
        if (toks[k].is(">")) --angle;
        if (toks[k].is(">>")) angle -= 2;
      }
      if (k < r.end && toks[k].is("(") && syntax_.match(k) == r.end - 1) {
        r = {k + 1, r.end - 1};
        continue;
      }
      break;
    }
    if (first.kind == TokenKind::identifier) {
      size_t k = r.begin;
      if (first.text == "std" && r.size() > 3 && toks[k + 1].is("::")) k += 2;
      if (k + 1 < r.end && in(literal_wrappers, toks[k].text) && (toks[k + 1].is("(") || toks[k + 1].is("{")) &&
          syntax_.match(k + 1) == r.end - 1 && (k != r.begin || toks[k].text != "string" || r.size() > 2)) {
        r = {k + 2, r.end - 1};
        continue;
      }
    }
    break;
  }
  return r;
}

Value FileValues::resolve(TokenRange r, int function) const { return resolve_at(r, function, 0); }

Value FileValues::resolve_name(std::string_view name, int function) const {
  return resolve_name_at(name, function, 0);
}

Value FileValues::resolve_name_at(std::string_view name, int function, int depth) const {
  Value v;
  if (depth > max_depth) return v;
  if (name == "NULL" || name == "nullptr") {
    v.kind = Value::Kind::null;
    return v;
  }
  if (name == "true" || name == "TRUE") {
    v.kind = Value::Kind::integer;
    v.integer = 1;
    return v;
  }
  if (name == "false" || name == "FALSE") {
    v.kind = Value::Kind::integer;
    v.integer = 0;
    return v;
  }
  const auto cands = visible(name, function);
  if (cands.empty()) {
    v.kind = Value::Kind::symbol;
    v.text = std::string(name);
    return v;
  }
  bool have = false;
  for (const Binding* b : cands) {
    if (b->form == BindingForm::parameter || b->form == BindingForm::compound || b->form == BindingForm::element)
      return Value{};
    if (b->value.empty()) {
      if (b->form == BindingForm::macro) return Value{};  // a flag macro has no value
      continue;
    }
    Value bv = resolve_at(b->value, b->form == BindingForm::macro ? function : b->function, depth + 1);
    if (bv.is(Value::Kind::unknown)) return Value{};
    if (!have) {
      v = std::move(bv);
      v.via = b;
      have = true;
      continue;
    }
    const bool same = v.kind == bv.kind && v.integer == bv.integer && v.text == bv.text &&
                      (v.kind != Value::Kind::list || v.list.begin == bv.list.begin);
    if (!same) return Value{};
  }
  return have ? v : Value{};
}

Value FileValues::resolve_at(TokenRange r, int function, int depth) const {
  const auto toks = tokens();
  r = strip(r);
  Value v;
  if (r.empty() || depth > max_depth) return v;
  const Token& first = toks[r.begin];
  bool all_strings = true;
  for (size_t k = r.begin; k < r.end && all_strings; ++k) all_strings = toks[k].kind == TokenKind::string;
  if (all_strings) {
    v.kind = Value::Kind::string;
    v.token = r.begin;
    for (size_t k = r.begin; k < r.end; ++k) v.text += string_body(toks[k]);
    return v;
  }
  if (first.is("{") && syntax_.match(r.begin) == r.end - 1) {
    v.kind = Value::Kind::list;
    v.token = r.begin;
    v.list = r;
    return v;
  }
  if (r.size() == 1) {
    if (first.kind == TokenKind::number) {
      if (parse_integer(first.text, v.integer)) {
        v.kind = Value::Kind::integer;
        v.token = r.begin;
      }
      return v;
    }
    if (first.kind == TokenKind::character) {
      if (char_value(first, v.integer)) {
        v.kind = Value::Kind::integer;
        v.token = r.begin;
      }
      return v;
    }
    if (first.kind == TokenKind::identifier) {
      v = resolve_name_at(first.text, function, depth);
      if (v.is(Value::Kind::symbol)) v.token = r.begin;
      return v;
    }
    return v;
  }
  int64_t n = 0;
  if (evaluate(r, function, depth, n)) {
    v.kind = Value::Kind::integer;
    v.integer = n;
    v.token = r.begin;
  }
  return v;
}

bool FileValues::evaluate(TokenRange r, int function, int depth, int64_t& out) const {
  // Shunting-yard over a small integer expression; any name must resolve to an integer.
  const auto toks = tokens();
  if (r.size() > max_expression) return false;
  struct Op {
    std::string_view text;
    int prec;
    bool unary;
  };
  std::vector<int64_t> values;
  std::vector<Op> ops;
  const auto precedence = [](std::string_view o) {
    if (o == "*" || o == "/" || o == "%") return 10;
    if (o == "+" || o == "-") return 9;
    if (o == "<<" || o == ">>") return 8;
    if (o == "&") return 5;
    if (o == "^") return 4;
    if (o == "|") return 3;
    return -1;
  };
  const auto apply = [&]() {
    const Op op = ops.back();
    ops.pop_back();
    if (op.unary) {
      if (values.empty()) return false;
      int64_t& a = values.back();
      if (op.text == "-") {
        if (a == INT64_MIN) return false;
        a = -a;
      } else if (op.text == "~") {
        a = ~a;
      }
      return true;
    }
    if (values.size() < 2) return false;
    const int64_t b = values.back();
    values.pop_back();
    int64_t& a = values.back();
    // Overflow makes the value unknown rather than undefined.
    if (op.text == "*") { if (__builtin_mul_overflow(a, b, &a)) return false; }
    else if (op.text == "/") { if (b == 0 || (a == INT64_MIN && b == -1)) return false; a /= b; }
    else if (op.text == "%") { if (b == 0 || (a == INT64_MIN && b == -1)) return false; a %= b; }
    else if (op.text == "+") { if (__builtin_add_overflow(a, b, &a)) return false; }
    else if (op.text == "-") { if (__builtin_sub_overflow(a, b, &a)) return false; }
    else if (op.text == "<<") { if (b < 0 || b > 62) return false; a = static_cast<int64_t>(static_cast<uint64_t>(a) << b); }
    else if (op.text == ">>") { if (b < 0 || b > 62) return false; a >>= b; }
    else if (op.text == "&") a &= b;
    else if (op.text == "^") a ^= b;
    else if (op.text == "|") a |= b;
    else return false;
    return true;
  };
  bool expect_operand = true;
  for (size_t k = r.begin; k < r.end; ++k) {
    const Token& t = toks[k];
    if (expect_operand) {
      if (t.is("(")) {
        const size_t m = syntax_.match(k);
        if (m < r.end && m + 1 < r.end && type_like_group(toks, k, m) && starts_operand(toks[m + 1])) {
          k = m;  // a cast
          continue;
        }
        ops.push_back({"(", -1, false});
        continue;
      }
      if (t.is("-") || t.is("~") || t.is("+")) {
        if (!t.is("+")) ops.push_back({t.text, 20, true});
        continue;
      }
      int64_t v = 0;
      if (t.kind == TokenKind::number) {
        if (!parse_integer(t.text, v)) return false;
      } else if (t.kind == TokenKind::character) {
        if (!char_value(t, v)) return false;
      } else if (t.kind == TokenKind::identifier) {
        const Value nv = resolve_name_at(t.text, function, depth + 1);
        if (!nv.is(Value::Kind::integer)) return false;
        v = nv.integer;
      } else {
        return false;
      }
      values.push_back(v);
      expect_operand = false;
      continue;
    }
    if (t.is(")")) {
      while (!ops.empty() && ops.back().text != "(")
        if (!apply()) return false;
      if (ops.empty()) return false;
      ops.pop_back();
      continue;
    }
    const int p = precedence(t.text);
    if (p < 0 || t.kind != TokenKind::punct) return false;
    while (!ops.empty() && ops.back().text != "(" && ops.back().prec >= p)
      if (!apply()) return false;
    ops.push_back({t.text, p, false});
    expect_operand = true;
  }
  while (!ops.empty()) {
    if (ops.back().text == "(") return false;
    if (!apply()) return false;
  }
  if (values.size() != 1) return false;
  out = values.back();
  return true;
}

std::vector<std::string_view> FileValues::symbols(TokenRange r, int function) const {
  const auto toks = tokens();
  std::vector<std::string_view> out;
  std::vector<std::pair<TokenRange, int>> work{{r, 0}};
  size_t expansions = 0;
  while (!work.empty()) {
    const auto [range, depth] = work.back();
    work.pop_back();
    for (size_t k = range.begin; k < range.end && k < toks.size(); ++k) {
      if (toks[k].kind != TokenKind::identifier) continue;
      const std::string_view name = toks[k].text;
      out.push_back(name);
      if (depth >= 4 || expansions >= 32) continue;
      for (const Binding* b : visible(name, function)) {
        if (b->value.empty() || !(b->form == BindingForm::macro || b->is_const)) continue;
        if (b->value.begin <= k && k < b->value.end) continue;
        work.push_back({b->value, depth + 1});
        ++expansions;
      }
    }
  }
  return out;
}

size_t FileValues::base_name(TokenRange r) const {
  const auto toks = tokens();
  const size_t none = toks.size();
  r = strip(r);
  size_t j = r.begin;
  while (j < r.end && (toks[j].is("*") || toks[j].is("(") || toks[j].is("&"))) ++j;
  if (j >= r.end || toks[j].kind != TokenKind::identifier) return none;
  size_t name = j;
  size_t k = j + 1;
  while (k < r.end) {
    if (toks[k].is("[")) {
      const size_t m = syntax_.match(k);
      if (m >= r.end) break;
      k = m + 1;
    } else if ((toks[k].is(".") || toks[k].is("->")) && k + 1 < r.end && toks[k + 1].kind == TokenKind::identifier) {
      name = k + 1;
      k += 2;
    } else if (toks[k].is("::") && k + 1 < r.end && toks[k + 1].kind == TokenKind::identifier) {
      name = k + 1;
      k += 2;
    } else {
      break;
    }
  }
  return name;
}

std::vector<const Call*> FileValues::calls_taking(std::string_view name, int function, size_t from, size_t to,
                                                  const Call* except) const {
  std::vector<const Call*> out;
  const auto& calls = syntax_.calls();
  for (size_t k : occurrences(name)) {
    if (k <= from || k >= to) continue;
    const Call* best = nullptr;
    size_t best_arg = 0;
    for (size_t ci : calls_in(function)) {
      const Call& c = calls[ci];
      if (c.open >= k || k >= c.close || (best && c.open < best->open)) continue;
      for (size_t a = 0; a < c.args.size(); ++a)
        if (c.args[a].first <= k && k < c.args[a].second) {
          best = &c;
          best_arg = a;
        }
    }
    if (!best || best == except) continue;
    if (base_name({best->args[best_arg].first, best->args[best_arg].second}) != k) continue;
    if (std::find(out.begin(), out.end(), best) == out.end()) out.push_back(best);
  }
  return out;
}

TokenRange FileValues::statement(size_t i) const {
  const auto toks = tokens();
  const size_t n = toks.size();
  size_t b = i;
  for (size_t steps = 0; b > 0 && steps < max_walk; ++steps) {
    const Token& t = toks[b - 1];
    if (t.directive != toks[i].directive) break;
    if (t.is(")") || t.is("]")) {
      const size_t m = syntax_.match(b - 1);
      if (m >= b - 1) break;
      b = m;
      continue;
    }
    if (t.is(";") || t.is("{") || t.is("}")) break;
    --b;
  }
  size_t e = i;
  for (size_t steps = 0; e < n && steps < max_walk; ++steps) {
    const Token& t = toks[e];
    if (t.directive != toks[i].directive) break;
    if (t.is("(") || t.is("[")) {
      const size_t m = syntax_.match(e);
      if (m >= n) { e = n; break; }
      e = m + 1;
      continue;
    }
    if (t.is(";")) { ++e; break; }
    if (t.is("{") || t.is("}")) break;
    ++e;
  }
  return {b, e};
}

ListFacts FileValues::list_facts(TokenRange braces) const {
  const auto toks = tokens();
  ListFacts f;
  if (braces.size() < 2) return f;
  bool have_first = false;
  int64_t first = 0;
  size_t elem_begin = braces.begin + 1;
  const size_t close = braces.end - 1;
  for (size_t k = braces.begin + 1; k <= close; ++k) {
    if (k < close && is_opener(toks[k]) && syntax_.match(k) < close) {
      k = syntax_.match(k);
      continue;
    }
    if (k < close && !toks[k].is(",")) continue;
    if (k > elem_begin) {
      ++f.elements;
      TokenRange e = strip({elem_begin, k});
      bool neg = false;
      if (e.size() == 2 && toks[e.begin].is("-")) {
        neg = true;
        ++e.begin;
      }
      int64_t v = 0;
      bool number = false;
      if (e.size() == 1 && toks[e.begin].kind == TokenKind::number) number = parse_integer(toks[e.begin].text, v);
      if (e.size() == 1 && toks[e.begin].kind == TokenKind::character) number = char_value(toks[e.begin], v);
      if (e.size() >= 1 && toks[e.begin].kind == TokenKind::string) f.has_string = true;
      if (number) {
        if (neg) v = -v;
        ++f.numbers;
        if (v != 0) f.all_zero = false;
        if (have_first && v != first) f.all_same = false;
        if (!have_first) first = v, have_first = true;
      } else {
        f.all_zero = false;
        f.all_same = false;
      }
    }
    elem_begin = k + 1;
  }
  return f;
}

}  // namespace mdbc::source
