// FileValues, part two: the index of a file's names (one pass over the tokens), and for one name at
// a time where it gets its values — declarations, assignments, writes through pointers, members,
// #defines, enumerators and parameters — as one scan of the file in token order would find them.
#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

#include "inspect/source/source_values.h"
#include "inspect/source/value_tokens.h"

namespace mdbc::source {

using namespace value_tokens;

namespace {

constexpr std::array<std::string_view, 10> compound_ops{"+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="};
constexpr std::array<std::string_view, 9> record_words{"struct", "class", "union", "enum", "namespace",
                                                       "public", "private", "protected", "final"};

}  // namespace

// Where the long statements walked begin and the long values walked end, and the occurrences of
// the words declaration_at() looks for among a statement's tokens.
struct FileValues::StatementIndex {
  explicit StatementIndex(const FileValues& values)
      : non_declaration_words{values.occurrences("typedef"), values.occurrences("using"), values.occurrences("return")},
        const_words{values.occurrences("const"), values.occurrences("constexpr"), values.occurrences("constinit")},
        static_words(values.occurrences("static")), extern_words(values.occurrences("extern")) {}
  // Per token a long walk went on from, where that walk ended (see walk_to_end).
  std::unordered_map<size_t, size_t> statement_begin, value_end;
  std::vector<size_t> walked;  // the tokens of the walk in progress
  // Words that make a statement other than a declaration, and the specifiers declaration_at() reports.
  std::array<std::span<const size_t>, 3> non_declaration_words, const_words;
  std::span<const size_t> static_words, extern_words;
};

namespace {

// Follows `step` from token `from` until it stays put, and returns where. Most statements are
// short: their first steps are taken afresh. A longer walk is taken again remembering, for every
// token it went on from, where it ended; later walks stop at the first such token, so a token is
// walked past once however many walks cross it (a call of 300,000 arguments, `a = a = … = 1;`,
// where walking afresh from every name or '=' would take time quadratic in the statement). The
// answer remembered at a token is the answer for any walk through it: the steps depend on the
// kind of token a walk started on (code or preprocessor), and brackets pair only within one kind
// (Syntax::match_brackets), so every token a walk goes on from is of that kind.
template <class Step>
size_t walk_to_end(size_t from, Step&& step, std::unordered_map<size_t, size_t>& known, std::vector<size_t>& walked) {
  constexpr size_t short_walk = 64;
  size_t k = from;
  for (size_t steps = 0; steps < short_walk; ++steps) {
    const size_t next = step(k);
    if (next == k) return k;
    k = next;
  }
  walked.clear();
  for (k = from;;) {
    const size_t next = step(k);
    if (next == k) break;
    if (const auto end = known.find(k); end != known.end()) {
      k = end->second;
      break;
    }
    walked.push_back(k);
    k = next;
  }
  for (const size_t w : walked) known.emplace(w, k);
  return k;
}

}  // namespace

size_t FileValues::statement_begin(size_t i, StatementIndex& index) const {
  const auto toks = tokens();
  const bool directive = toks[i].directive;
  const auto step_back = [&](size_t k) {
    if (k == 0) return k;
    const Token& t = toks[k - 1];
    if (t.directive != directive) return k;
    if (t.is(")") || t.is("]")) {
      const size_t m = syntax_.match(k - 1);
      return m < k - 1 ? m : k;
    }
    if (t.is(";") || t.is("{") || t.is("}") || t.is("(") || t.is("[") || t.is(":")) return k;
    return k - 1;
  };
  return walk_to_end(i, step_back, index.statement_begin, index.walked);
}

TokenRange FileValues::value_after(size_t eq, StatementIndex& index) const {
  const auto toks = tokens();
  const size_t n = toks.size();
  const bool directive = toks[eq].directive;
  const auto step_forward = [&](size_t j) {
    if (j >= n) return j;
    const Token& t = toks[j];
    if (t.directive != directive || (directive && t.line_start)) return j;
    if (is_opener(t)) {
      const size_t m = syntax_.match(j);
      return m < n ? m + 1 : n;
    }
    if (t.is(";") || t.is(",") || is_closer(t)) return j;
    return j + 1;
  };
  return {eq + 1, walk_to_end(eq + 1, step_forward, index.value_end, index.walked)};
}

namespace {

// Whether one of `words` (token positions in order) is in [from, to).
bool any_between(std::span<const size_t> words, size_t from, size_t to) {
  const auto first = std::lower_bound(words.begin(), words.end(), from);
  return first != words.end() && *first < to;
}

}  // namespace

FileValues::DeclInfo FileValues::declaration_at(size_t name, size_t begin_of_name, StatementIndex& index) const {
  const auto toks = tokens();
  DeclInfo info;
  if (begin_of_name == 0) return info;
  size_t j = begin_of_name - 1;
  while (j > 0 && (toks[j].is("*") || toks[j].is("&") || toks[j].is("&&"))) --j;
  const Token& p = toks[j];
  if (p.directive != toks[name].directive) return info;
  const size_t stmt = statement_begin(name, index);
  if (p.kind == TokenKind::identifier) {
    info.declared = !is_expression_word(p.text);
  } else if (p.is(">") || p.is(">>")) {
    info.declared = true;
  } else if (p.is(",")) {
    // Another declarator of `T a = 1, b = 2;` or an enumerator.
    if (stmt < name && stmt + 1 < toks.size()) {
      const Token& first = toks[stmt];
      const Token& second = toks[stmt + 1];
      info.declared = first.kind == TokenKind::identifier && !is_expression_word(first.text) &&
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
  // The specifiers of the statement, as code that is compiled says them (not in a preprocessor
  // line or an #if 0 inside a bracketed group of the statement): found among each word's
  // occurrences rather than by reading the statement, which may be as long as the file.
  const auto says = [&](std::span<const size_t> word) { return any_between(word, stmt, name); };
  if (std::any_of(index.non_declaration_words.begin(), index.non_declaration_words.end(), says)) {
    info.declared = false;
    return info;
  }
  info.is_const = info.is_const || std::any_of(index.const_words.begin(), index.const_words.end(), says);
  info.is_static = says(index.static_words);
  info.is_extern = says(index.extern_words);
  return info;
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
  // A head with attributes or an export macro's group (class [[nodiscard]] X {, struct alignas(8) S {).
  if (syntax_.record_name(open) < toks.size()) return Brace::record;
  if (p.kind == TokenKind::identifier && !is_keyword(p.text) && toks[open].kind == TokenKind::punct) {
    // T name{…} (C++ list initialisation)
    if (open >= 2 && (toks[open - 2].kind == TokenKind::identifier || toks[open - 2].is("*") || toks[open - 2].is(">")))
      return Brace::initializer;
  }
  return Brace::block;
}

namespace {

// How an operator of code writes the name before (or after) it.
enum class Write : uint8_t { none, assign, compound, step };

Write write_kind(std::string_view op) {
  switch (op.size()) {
    case 1: return op[0] == '=' ? Write::assign : Write::none;
    case 2:
      if (op == "++" || op == "--") return Write::step;
      return op[1] == '=' && in(compound_ops, op) ? Write::compound : Write::none;
    case 3: return op == "<<=" || op == ">>=" ? Write::compound : Write::none;
    default: return Write::none;
  }
}

// Groups `items` by the name each has (name_of: a FileNames index below `names`), keeping their
// order: what `keep` says of the items of name id is grouped[begin[id] .. begin[id + 1]).
template <class Item, class NameOf, class Keep>
void group_by_name(size_t names, const std::vector<Item>& items, NameOf name_of, Keep keep,
                   std::vector<uint32_t>& begin, std::vector<size_t>& grouped) {
  begin.assign(names + 2, 0);
  for (const Item& item : items) ++begin[name_of(item) + 2];
  for (size_t i = 2; i < begin.size(); ++i) begin[i] += begin[i - 1];
  grouped.resize(items.size());
  for (const Item& item : items) grouped[begin[name_of(item) + 1]++] = keep(item);
  begin.pop_back();
}

}  // namespace

// Here, where StatementIndex is complete.
FileValues::FileValues(const Syntax& syntax, const FileNames& names) : syntax_(syntax), names_(names) {}
FileValues::~FileValues() = default;

FileValues::StatementIndex& FileValues::statements() const {
  if (!statements_) statements_ = std::make_unique<StatementIndex>(*this);
  return *statements_;
}

FileValues::Target FileValues::target_before(size_t op) const {
  const auto toks = tokens();
  Target t;
  if (op == 0) return t;
  size_t p = op - 1;
  if (toks[p].is(")") && syntax_.match(p) < p && syntax_.match(p) > 0 &&
      toks[syntax_.match(p) - 1].is_ident("__attribute__") && syntax_.match(p) >= 2)
    p = syntax_.match(p) - 2;
  if (toks[p].kind == TokenKind::identifier && p > 0 && toks[p - 1].is("]")) {
    const std::string_view w = toks[p].text;
    // `key[] PROGMEM = …`, `static char banner[] __initdata = …`: a section or attribute macro.
    if (w.starts_with("__") ||
        std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isupper(c) || c == '_' || std::isdigit(c); }))
      --p;
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
    size_t b = p - 1;
    while (b > 0 && toks[b - 1].is("*")) --b;  // char **name = …: a declaration, as char *name = …
    const bool after_operand = b > 0 && (toks[b - 1].kind == TokenKind::identifier || toks[b - 1].is(")") ||
                                         toks[b - 1].is("]") || toks[b - 1].is(">"));
    if (!after_operand || (b > 0 && toks[b - 1].kind == TokenKind::identifier && is_expression_word(toks[b - 1].text)))
      t.deref = true;
  }
  return t;
}

void FileValues::index() const {
  if (indexed_) return;
  indexed_ = true;
  const auto toks = tokens();
  const size_t n = toks.size();
  std::vector<size_t> identifiers, defines;
  identifiers.reserve(n / 2);  // about the share of identifiers among tokens
  std::vector<std::pair<size_t, size_t>> writes;  // operator, the name token it writes
  // The braces open at this point, each with whether a record holds the scope there: the
  // innermost record, function or block brace decides.
  std::vector<std::pair<Brace, bool>> open;
  const auto record_scope = [&] { return !open.empty() && open.back().second; };
  for (size_t i = 0; i < n; ++i) {
    const Token& t = toks[i];
    if (t.directive) {
      if (t.line_start && t.is("#") && i + 2 < n && toks[i + 1].is_ident("define") && toks[i + 2].directive &&
          !toks[i + 2].line_start && toks[i + 2].kind == TokenKind::identifier && !syntax_.dead(i)) {
        size_t end = i + 1;
        while (end < n && toks[end].directive && !toks[end].line_start) ++end;
        const bool function_like = i + 3 < end && toks[i + 3].is("(") &&
                                   toks[i + 3].text.data() == toks[i + 2].text.data() + toks[i + 2].text.size();
        if (!function_like) defines.push_back(i);
        i = end - 1;
      }
      continue;
    }
    if (syntax_.dead(i)) continue;
    if (t.kind == TokenKind::identifier) {
      identifiers.push_back(i);
      continue;
    }
    if (t.kind != TokenKind::punct) continue;
    const char last = t.text.back();  // cheap first: what ends no brace and no writing operator
    if (last != '{' && last != '}' && last != '=' && last != '+' && last != '-') continue;
    if (t.text.size() == 1 && (last == '{' || last == '}')) {
      if (t.text[0] == '{') {
        const Brace kind = classify_brace(i);
        const bool record = kind == Brace::record || (kind != Brace::function && kind != Brace::block && record_scope());
        open.emplace_back(kind, record);
      } else if (!open.empty()) {
        open.pop_back();
      }
      scopes_.push_back({i, Scope{record_scope(), !open.empty() && open.back().first == Brace::initializer}});
      continue;
    }
    const Write w = write_kind(t.text);
    if (w == Write::none) continue;
    Target target;
    if (w == Write::step && i + 1 < n && toks[i + 1].kind == TokenKind::identifier) target.name = i + 1;  // ++x
    else target = target_before(i);
    if (target.name == SIZE_MAX || (w == Write::step && target.member)) continue;
    writes.emplace_back(i, target.name);
  }
  const size_t names = names_.size();
  const auto name_of = [&](size_t token) { return size_t{toks[token].name}; };
  const auto itself = [](size_t item) { return item; };
  group_by_name(names, identifiers, name_of, itself, occurrences_begin_, occurrences_);
  group_by_name(
      names, writes, [&](const std::pair<size_t, size_t>& w) { return name_of(w.second); },
      [](const std::pair<size_t, size_t>& w) { return w.first; }, writes_begin_, writes_);
  group_by_name(
      names, defines, [&](size_t hash) { return name_of(hash + 2); }, itself, defines_begin_, defines_);
  find_parameters();
  std::vector<size_t> parameters(parameters_.size());
  for (size_t p = 0; p < parameters.size(); ++p) parameters[p] = p;
  group_by_name(
      names, parameters, [&](size_t p) { return name_of(parameters_[p].name); }, itself, parameters_begin_,
      parameters_by_name_);
  bound_.assign(names, 0);
  bindings_.resize(names);
}

FileValues::Scope FileValues::scope_at(size_t i) const {
  // The scope after the last brace before i.
  const auto after = std::lower_bound(scopes_.begin(), scopes_.end(), i,
                                      [](const std::pair<size_t, Scope>& s, size_t token) { return s.first < token; });
  return after == scopes_.begin() ? Scope{} : std::prev(after)->second;
}

std::optional<Binding> FileValues::write_at(size_t op) const {
  const auto toks = tokens();
  const size_t n = toks.size();
  const Write w = write_kind(toks[op].text);
  if (w == Write::step) {
    Target target;
    if (op + 1 < n && toks[op + 1].kind == TokenKind::identifier) {
      target.name = op + 1;
      target.indexed = op + 2 < n && toks[op + 2].is("[");
    } else {
      target = target_before(op);
    }
    Binding b;
    b.name = target.name;
    b.function = function_at(op);
    b.form = target.indexed || target.deref ? BindingForm::element : BindingForm::compound;
    return b;
  }
  const bool assign = w == Write::assign;
  const Target target = target_before(op);
  const Scope scope = scope_at(op);
  Binding b;
  b.name = target.name;
  b.value = value_after(op, statements());
  b.function = function_at(op);
  if (target.member || (scope.in_initializer && target.name > 0 && toks[target.name - 1].is("."))) {
    b.form = BindingForm::member;
  } else if (target.deref) {
    b.form = BindingForm::element;
  } else if (scope.in_record) {
    b.form = BindingForm::member;
  } else {
    const DeclInfo d = declaration_at(target.name, target.begin, statements());
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
  if (!assign && b.form == BindingForm::member) return std::nullopt;
  return b;
}

std::optional<Binding> FileValues::declaration_of(size_t i) const {
  const auto toks = tokens();
  const size_t n = toks.size();
  if (i + 1 >= n) return std::nullopt;
  const Token& next = toks[i + 1];
  if (next.directive) return std::nullopt;
  const bool paren = next.is("(");
  const bool bare = next.is(";") || next.is(",") || next.is("[");
  const bool brace = !paren && !bare && next.is("{") && classify_brace(i + 1) == Brace::initializer;
  if (!paren && !brace && !bare) return std::nullopt;
  const Scope scope = scope_at(i);
  if (scope.in_initializer) return std::nullopt;
  if (i > 0 && (toks[i - 1].is(".") || toks[i - 1].is("->") || toks[i - 1].is("::") || toks[i - 1].is("~") ||
                (toks[i - 1].kind == TokenKind::identifier && in(record_words, toks[i - 1].text))))
    return std::nullopt;
  size_t after = i + 1;
  bool indexed = false;
  if (next.is("[")) {
    while (after < n && toks[after].is("[") && syntax_.match(after) < n) after = syntax_.match(after) + 1;
    indexed = true;
    if (after >= n || !(toks[after].is(";") || toks[after].is(","))) return std::nullopt;
  }
  const int fn = function_at(i);
  if (paren || brace) {
    const size_t close = syntax_.match(i + 1);
    if (close >= n || close + 1 >= n || !(toks[close + 1].is(";") || toks[close + 1].is(","))) return std::nullopt;
    if (paren) {
      bool literal = false;
      for (size_t k = i + 2; k < close; ++k)
        literal = literal || toks[k].kind == TokenKind::number || toks[k].kind == TokenKind::string;
      if (fn == -1 && !literal) return std::nullopt;  // a prototype
      if (call_at(i) != nullptr) return std::nullopt;
    }
  }
  const DeclInfo d = declaration_at(i, i, statements());
  if (!d.declared) return std::nullopt;
  // Between an old-style (K&R) definition's identifier list and its body: the declaration of
  // one of its parameters (`void warn(fmt) char *fmt; {`).
  int old_style_of = -1;
  if (fn == -1) {
    const auto& fns = syntax_.functions();
    const auto head =
        std::upper_bound(fns.begin(), fns.end(), i, [](size_t v, const FunctionDef& f) { return v < f.body_open; });
    if (head != fns.end() && head->name < i && syntax_.match(head->name + 1) < i)
      old_style_of = static_cast<int>(head - fns.begin());
  }
  Binding b;
  b.name = i;
  b.function = old_style_of >= 0 ? old_style_of : fn;
  b.is_const = d.is_const;
  b.is_static = d.is_static || b.function == -1;
  b.is_extern = d.is_extern;
  b.is_array = indexed;
  b.form = scope.in_record       ? BindingForm::member
           : old_style_of >= 0 ? BindingForm::parameter
                               : BindingForm::declaration;
  if (paren) b.value = {i + 2, syntax_.match(i + 1)};
  if (brace) b.value = {i + 1, syntax_.match(i + 1) + 1};
  return b;
}

const std::vector<Binding>& FileValues::bindings_of(size_t id) const {
  index();
  std::vector<Binding>& out = bindings_[id];
  if (bound_[id]) return out;
  bound_[id] = 1;
  const auto toks = tokens();
  const size_t n = toks.size();
  // Each binding with the token it is found at: bindings of one name token keep that order, as a
  // scan of the file in token order would make them (parameters last).
  std::vector<std::pair<size_t, Binding>> found;
  for (uint32_t k = defines_begin_[id]; k < defines_begin_[id + 1]; ++k) {
    const size_t hash = defines_[k];
    size_t end = hash + 1;
    while (end < n && toks[end].directive && !toks[end].line_start) ++end;
    Binding b;
    b.name = hash + 2;
    b.value = {hash + 3, end};
    b.form = BindingForm::macro;
    b.is_const = true;
    b.is_static = true;
    found.emplace_back(hash, b);
  }
  if (occurrences_begin_[id] < occurrences_begin_[id + 1] && !is_keyword(names_.all()[id]))
    for (uint32_t k = occurrences_begin_[id]; k < occurrences_begin_[id + 1]; ++k)
      if (const auto b = declaration_of(occurrences_[k])) found.emplace_back(occurrences_[k], *b);
  for (uint32_t k = writes_begin_[id]; k < writes_begin_[id + 1]; ++k)
    if (const auto b = write_at(writes_[k])) found.emplace_back(writes_[k], *b);
  for (uint32_t k = parameters_begin_[id]; k < parameters_begin_[id + 1]; ++k)
    found.emplace_back(n + parameters_by_name_[k], parameters_[parameters_by_name_[k]]);
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.second.name != b.second.name ? a.second.name < b.second.name : a.first < b.first;
  });
  out.reserve(found.size());
  // A file-scope declaration without a value (`extern char *key;`, a tentative `int n;`) says no more
  // the second time than the first: past a few, its repeats are left out, as every use of the name
  // lists its visible bindings (a hostile file of 40,000 made that quadratic).
  constexpr size_t repeats_kept = 8;
  std::array<size_t, 16> kept{};  // bare declarations kept, by their four flags
  for (const auto& [at, b] : found) {
    const bool bare = b.function == -1 && b.form == BindingForm::declaration && b.value.empty();
    const size_t flags = size_t{b.is_const} | size_t{b.is_static} << 1 | size_t{b.is_extern} << 2 | size_t{b.is_array} << 3;
    if (bare && ++kept[flags] > repeats_kept) continue;
    out.push_back(b);
  }
  return out;
}

void FileValues::find_parameters() const {
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
            parameters_.push_back(b);
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
          parameters_.push_back(b);
        }
      }
      chunk = j + 1;
    }
  }
}

}  // namespace mdbc::source
