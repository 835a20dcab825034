#include "inspect/source/syntax.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace mdbc::source {
namespace {

constexpr std::array<std::string_view, 62> keywords{
    "alignas", "alignof", "asm", "__asm__", "__asm", "auto", "break", "case", "catch", "char", "class",
    "const", "constexpr", "continue", "decltype", "default", "defined", "delete", "do", "double", "else",
    "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "new", "noexcept", "operator",
    "register", "return", "short", "signed", "sizeof", "static", "static_assert", "_Static_assert", "struct",
    "switch", "template", "this", "throw", "try", "typedef", "typeid", "typename", "typeof", "__typeof__",
    "union", "unsigned", "void", "volatile", "while", "__attribute__", "__declspec", "_Alignof", "_Generic",
    "__has_include",
};

// Keywords after which a name followed by '(' is an expression, so a call.
constexpr std::array<std::string_view, 19> expression_keywords{
    "return", "else", "do", "case", "throw", "new", "delete", "sizeof", "co_return", "co_await", "co_yield",
    "not", "and", "or", "xor", "bitand", "bitor", "compl", "goto",
};

// Attribute-like keywords whose parenthesised argument may stand in a declaration's specifiers.
constexpr std::array<std::string_view, 5> attribute_keywords{"__attribute__", "__declspec", "alignas", "__attribute",
                                                             "_Alignas"};

template <size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// A reserved name (`__printf`, `_Noreturn`) or one written in capitals (`PRINTF_FORMAT`): the names
// projects give attribute macros.
bool macro_like(std::string_view name) {
  if (name.size() > 1 && name[0] == '_' && (name[1] == '_' || (name[1] >= 'A' && name[1] <= 'Z'))) return true;
  return std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool is_open(const Token& t) {
  return t.text.size() == 1 && (t.text[0] == '(' || t.text[0] == '[' || t.text[0] == '{');
}

// A set of short words in an open-addressed table by their first and last byte and length: one
// probe rejects most identifiers.
template <size_t Slots>
class WordTable {
 public:
  template <size_t N>
  constexpr explicit WordTable(const std::array<std::string_view, N>& words) {
    for (std::string_view w : words) add(w);
  }
  constexpr void add(std::string_view w) {
    size_t slot = slot_of(w);
    while (!table_[slot].empty() && table_[slot] != w) slot = (slot + 1) % Slots;
    table_[slot] = w;
  }
  constexpr bool contains(std::string_view w) const {
    if (w.empty()) return false;
    for (size_t slot = slot_of(w); !table_[slot].empty(); slot = (slot + 1) % Slots)
      if (table_[slot] == w) return true;
    return false;
  }

 private:
  static constexpr size_t slot_of(std::string_view w) {
    return (static_cast<uint8_t>(w.front()) * 31u + static_cast<uint8_t>(w.back()) * 7u + w.size() * 97u) % Slots;
  }
  std::array<std::string_view, Slots> table_{};
};

// Every keyword: is_keyword runs for almost every identifier of a tree.
constexpr auto keyword_table = [] {
  WordTable<512> table(keywords);
  for (std::string_view k : expression_keywords) table.add(k);
  return table;
}();
constexpr WordTable<64> expression_keyword_table(expression_keywords);

// Sets n elements from p on to `value`, thirty-two bytes a store: std::fill stores one element
// at a time, and memset of a large block is a byte-counting string instruction.
template <class T>
void fill(T* p, size_t n, T value) {
  constexpr size_t per_block = 32 / sizeof(T);
  T block[per_block];
  std::fill(std::begin(block), std::end(block), value);
  size_t k = 0;
  for (; k + per_block <= n; k += per_block) std::memcpy(p + k, &block, sizeof block);
  for (; k < n; ++k) p[k] = value;
}

// Whether the brackets at open and close hold an identifier list (a, b, c): one name or more,
// separated by commas.
bool identifier_list(std::span<const Token> t, size_t open, size_t close) {
  if (close <= open + 1) return false;
  for (size_t k = open + 1; k < close; ++k) {
    const bool name = t[k].kind == TokenKind::identifier && !keyword_table.contains(t[k].text);
    if ((k - open) % 2 == 1 ? !name : !t[k].is(",")) return false;
  }
  return (close - open) % 2 == 0;
}

// For the ';' that ends the declarations of an old-style (K&R) definition's parameters, before
// its body (`void warn(fmt, arg) char *fmt; char *arg; {`): the ')' that closes its identifier
// list, or t.size() when what ends at `semicolon` is no such thing. The declarations are names,
// '*', ',' and bracketed declarator groups (`int (*cmp)();`, `char buf[];`), each ending in ';'.
size_t old_style_parameters_close(const Syntax& s, size_t semicolon) {
  constexpr size_t most_declaration_tokens = 256;
  const auto t = s.tokens();
  for (size_t k = semicolon, steps = 0; k > 0 && steps < most_declaration_tokens; --k, ++steps) {
    const Token& p = t[k];
    if (p.directive) return t.size();
    if (p.is(";") || p.is(",") || p.is("*")) continue;
    if (p.kind == TokenKind::identifier) {
      if (expression_keyword_table.contains(p.text)) return t.size();
      continue;
    }
    if (!(p.is(")") || p.is("]"))) return t.size();
    const size_t open = s.match(k);
    if (open >= k || open == 0) return t.size();
    if (p.is(")") && k + 1 < semicolon && t[k + 1].kind == TokenKind::identifier && identifier_list(t, open, k) &&
        t[open - 1].kind == TokenKind::identifier && !t[open - 1].directive && !keyword_table.contains(t[open - 1].text))
      return k;
    k = open;
  }
  return t.size();
}

}  // namespace

bool is_keyword(std::string_view id) { return keyword_table.contains(id); }

Syntax::Syntax(std::span<const Token> tokens) : tokens_(tokens) {
  Landmarks landmarks;
  scan(landmarks);
  find_functions(landmarks.braces);
  find_calls(landmarks);
}

void Syntax::scan(Landmarks& landmarks) {
  const size_t n = tokens_.size();
  match_.resize(n);
  fill(match_.data(), n, n);  // every bracket unmatched until matched
  dead_.resize(n);
  fill(dead_.data(), n, uint8_t{0});
  // Brackets: code and preprocessor lines are matched separately, a #define body's brackets never
  // pair with the code around it.
  std::vector<size_t> code_stack, directive_stack;
  // The branches of an #if group are alternatives: each starts from the brackets open at the #if,
  // and after #endif the first branch's brackets stay open (the later one's when the first is #if 0),
  // so that `#if V1\n if (a) {\n#else\n if (b) {\n#endif` opens one brace, not two. Kept for groups
  // entered at most max_kept_depth brackets and max_kept_nesting groups deep, so that each directive
  // copies little and hostile nesting holds little.
  struct Alternatives {
    bool kept = false, first_never_compiled = false, has_else = false;
    std::vector<size_t> at_if, first_branch_end;
  };
  constexpr size_t max_kept_depth = 64, max_kept_nesting = 32;
  std::vector<Alternatives> groups;
  // Never-compiled code: the #if branches open at each token.
  enum class Branch : uint8_t { live, zero, one, dead_else };
  std::vector<Branch> branches;
  size_t dead_levels = 0;
  size_t dead_from = 0;  // where the never-compiled stretch open now began
  const auto dead_branch = [](Branch b) { return b == Branch::zero || b == Branch::dead_else; };
  for (size_t i = 0; i < n; ++i) {
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::punct) continue;
    // A preprocessor line starts with '#' (or "%:"), a punctuator; its own tokens are dead when it
    // opens a dead branch and live when it closes one.
    if (t.directive && t.line_start) {
      landmarks.directives.push_back(i);
      directive_stack.clear();
      const bool was_dead = dead_levels > 0;
      if (i + 1 < n && tokens_[i + 1].directive && !tokens_[i + 1].line_start) {
        const std::string_view d = tokens_[i + 1].text;
        const bool bare = i + 3 >= n || tokens_[i + 3].line_start || !tokens_[i + 3].directive;
        if (d == "if" || d == "ifdef" || d == "ifndef") {
          Branch b = Branch::live;
          if (d == "if" && bare && i + 2 < n && tokens_[i + 2].directive && !tokens_[i + 2].line_start) {
            if (tokens_[i + 2].text == "0") b = Branch::zero;
            if (tokens_[i + 2].text == "1") b = Branch::one;
          }
          branches.push_back(b);
          dead_levels += dead_branch(b);
          Alternatives& group = groups.emplace_back();
          group.kept = code_stack.size() <= max_kept_depth && groups.size() <= max_kept_nesting;
          group.first_never_compiled = b == Branch::zero;
          if (group.kept) group.at_if = code_stack;
        } else if ((d == "else" || d == "elif" || d == "elifdef" || d == "elifndef") && !branches.empty()) {
          if (Alternatives& group = groups.back(); group.kept) {
            if (!group.has_else) {
              group.has_else = true;
              group.kept = code_stack.size() <= max_kept_depth;
              if (group.kept) group.first_branch_end = code_stack;
            }
            if (group.kept) code_stack = group.at_if;
          }
          dead_levels -= dead_branch(branches.back());
          branches.back() = branches.back() == Branch::one         ? Branch::dead_else
                            : branches.back() == Branch::dead_else ? Branch::dead_else
                                                                   : Branch::live;
          dead_levels += dead_branch(branches.back());
        } else if (d == "endif" && !branches.empty()) {
          dead_levels -= dead_branch(branches.back());
          branches.pop_back();
          if (const Alternatives& group = groups.back(); group.kept && group.has_else && !group.first_never_compiled)
            code_stack = group.first_branch_end;
          groups.pop_back();
        }
      }
      if (!was_dead && dead_levels > 0) dead_from = i;
      if (was_dead && dead_levels == 0) std::fill(dead_.begin() + static_cast<ptrdiff_t>(dead_from), dead_.begin() + static_cast<ptrdiff_t>(i), 1);
    }
    if (t.text.size() != 1) continue;
    auto& stack = t.directive ? directive_stack : code_stack;
    const char c = t.text[0];
    if (c == '(' || c == '[' || c == '{') {
      stack.push_back(i);
      if (c == '(') landmarks.parens.push_back(i);
      else if (c == '{' && !t.directive) landmarks.braces.push_back(i);
    } else if (c == ')' || c == ']' || c == '}') {
      const char open_for = c == ')' ? '(' : c == ']' ? '[' : '{';
      // Tolerate a few unclosed openers (e.g. from #if branches) without quadratic search.
      for (size_t depth = 0; depth < 8 && depth < stack.size(); ++depth) {
        const size_t open = stack[stack.size() - 1 - depth];
        if (tokens_[open].text[0] != open_for) continue;
        match_[open] = i;
        match_[i] = open;
        stack.resize(stack.size() - 1 - depth);
        break;
      }
    }
  }
  if (dead_levels > 0) std::fill(dead_.begin() + static_cast<ptrdiff_t>(dead_from), dead_.end(), 1);
}

bool Syntax::declares(size_t name) const {
  // Walk back over what may precede a declared name: type names, pointers, references,
  // qualifiers, template arguments, attributes. Reaching the start of a statement after at least
  // one type name means a declaration or definition; anything else (an operator, '(', ',',
  // `return`…) means an expression, so a call.
  const bool in_directive = tokens_[name].directive;
  bool saw_type = false;
  int angle = 0;
  for (size_t k = name; k-- > 0;) {
    const Token& t = tokens_[k];
    if (t.directive != in_directive) return saw_type;
    if (t.kind == TokenKind::identifier) {
      if (expression_keyword_table.contains(t.text)) return false;
      saw_type = true;
      continue;
    }
    if (t.kind == TokenKind::string && k > 0 && tokens_[k - 1].is_ident("extern")) continue;
    if (t.kind == TokenKind::number && angle > 0) continue;  // std::array<int, 3>
    if (t.kind != TokenKind::punct) return false;
    const std::string_view p = t.text;
    if (p == "*" || p == "&" || p == "&&" || p == "::") continue;
    if (p == ">") { ++angle; continue; }
    if (p == ">>") { angle += 2; continue; }
    if (p == "<" && angle > 0) { --angle; continue; }
    if (angle > 0 && (p == "," || p == "...")) continue;  // template <class... T>, map<K, V>
    // An attribute may also stand right before the name: int __attribute__((format(printf, 1, 2))) log(…),
    // or a macro that expands to one before the type: extern __printf(2, 3) int sprintf(…). A
    // parenthesised group followed by a type name before the name can only be such a macro (a cast
    // or a call is never followed by a type name), so a macro-like name before it is taken as one.
    if (p == ")") {
      const size_t open = match(k);
      if (open < k && open > 0 && tokens_[open - 1].kind == TokenKind::identifier &&
          (in(attribute_keywords, tokens_[open - 1].text) || (saw_type && macro_like(tokens_[open - 1].text)))) {
        k = open - 1;
        continue;
      }
      return false;
    }
    if (p == "]" && k > 0 && tokens_[k - 1].is("]")) {  // [[attribute]]
      const size_t inner = match(k - 1);
      if (inner < k - 1 && inner > 0 && tokens_[inner - 1].is("[")) {
        k = inner - 1;
        continue;
      }
      return false;
    }
    // Unbalanced '>' means a comparison (a > f(x)), not template arguments.
    if (p == ";" || p == "{" || p == "}" || p == "#" || p == "%:") return saw_type && angle == 0;
    if (p == ":") return saw_type && angle == 0 && statement_colon(k);
    return false;
  }
  return saw_type && angle == 0;
}

bool Syntax::statement_colon(size_t colon) const {
  // A ':' that ends a label, `case …:`, `default:` or an access specifier starts a statement; the
  // ':' of a conditional (c ? a : n * f(x)) or a bit-field does not.
  if (colon == 0) return true;
  const Token& before = tokens_[colon - 1];
  if (before.is_ident("public") || before.is_ident("private") || before.is_ident("protected") ||
      before.is_ident("default"))
    return true;
  if (before.kind == TokenKind::identifier &&
      (colon < 2 || tokens_[colon - 2].is(";") || tokens_[colon - 2].is("{") || tokens_[colon - 2].is("}")))
    return true;  // label:
  for (size_t k = colon, steps = 0; k-- > 0 && steps < 64; ++steps) {
    const Token& t = tokens_[k];
    if (t.is_ident("case")) return true;
    if (t.is(";") || t.is("{") || t.is("}") || t.is("?")) return false;
  }
  return false;
}

void Syntax::find_functions(std::span<const size_t> braces) {
  size_t inside_until = 0;  // a function body is open until this index
  std::vector<size_t> enclosing;  // the braces open around the current one (outside function bodies)
  for (const size_t i : braces) {
    if (i < inside_until || dead_[i]) continue;
    while (!enclosing.empty() && match(enclosing.back()) < i) enclosing.pop_back();
    FunctionDef f;
    if (!definition_before(i, enclosing.empty() ? tokens_.size() : enclosing.back(), f)) {
      enclosing.push_back(i);
      continue;
    }
    functions_.push_back(f);
    inside_until = f.body_close;  // n when unterminated: nothing after is a definition
  }
}

bool Syntax::definition_before(size_t brace, size_t enclosing, FunctionDef& f) const {
  // Walk back from '{' over trailing specifiers (const, noexcept, override, try, macros, and the
  // groups of noexcept(…) and throw(…)) to ')', or to the '}' of a braced last initialiser
  // (X(char *c) : data{c} {).
  size_t k = brace;
  while (k > 0) {
    const Token& p = tokens_[k - 1];
    if (p.kind == TokenKind::identifier && !p.directive && !expression_keyword_table.contains(p.text)) {
      --k;
      continue;
    }
    if (const size_t group = exception_group_before(k); group < k) {
      k = group;
      continue;
    }
    break;
  }
  // An old-style definition at file scope: its parameters are declared between the list and the body.
  bool old_style = false;
  if (k > 0 && tokens_[k - 1].is(";") && enclosing == tokens_.size()) {
    const size_t close = old_style_parameters_close(*this, k - 1);
    if (close >= tokens_.size()) return false;
    k = close + 1;
    old_style = true;
  }
  if (k == 0 || !(tokens_[k - 1].is(")") || tokens_[k - 1].is("}"))) return false;
  const bool braced_last = tokens_[k - 1].is("}");
  size_t open = match(k - 1);
  if (open >= k - 1 || open == 0) return false;
  // A constructor's initialiser list (X(char *c) noexcept : ns::Base<T>(c), data{c}, len(n) {):
  // its own parameter list is before the ':'. `open` is an entry's bracket, `entry` the first
  // token of its name.
  bool listed = false;
  for (size_t entries = 0; open >= 3 && entries < most_initialisers; ++entries) {
    const size_t entry = entry_name_start(open);
    if (entry >= open || entry < 3) break;
    const Token& before = tokens_[entry - 1];
    if (before.is(",")) {
      const size_t bracket_close = entry - 2;  // what closes the entry before
      if (!tokens_[bracket_close].is(")") && !tokens_[bracket_close].is("}")) break;
      const size_t previous = match(bracket_close);
      if (previous >= bracket_close || previous == 0) return false;
      open = previous;
      continue;
    }
    if (!before.is(":")) break;
    const size_t after_parameters = before_exception_specifiers(entry - 1);
    if (after_parameters == 0 || !tokens_[after_parameters - 1].is(")")) break;  // public: X(…) {
    const size_t previous = match(after_parameters - 1);
    if (previous >= after_parameters - 1 || previous == 0) return false;
    open = previous;
    listed = true;
    break;
  }
  if (braced_last && !listed) return false;
  const size_t name = open - 1;
  const Token& nt = tokens_[name];
  if (nt.kind != TokenKind::identifier || is_keyword(nt.text) || nt.directive) return false;
  const bool qualified = name > 0 && tokens_[name - 1].is("::");
  const bool destructor = name > 0 && tokens_[name - 1].is("~");  // ~X() {…}, X::~X() {…}
  size_t start = destructor ? name - 1 : name;
  while (start >= 2 && tokens_[start - 1].is("::") && tokens_[start - 2].kind == TokenKind::identifier) start -= 2;
  // An old-style definition may leave out its return type (int): a name starting the declaration.
  const bool implicit_int = old_style && (start == 0 || tokens_[start - 1].is(";") || tokens_[start - 1].is("}") ||
                                          tokens_[start - 1].directive);
  if (!qualified && !destructor && !implicit_int && !declares(start) && !constructor_in_class(name, enclosing))
    return false;
  if ((qualified || destructor) && start > 0 && (tokens_[start - 1].is(".") || tokens_[start - 1].is("->")))
    return false;
  f.name = name;
  f.body_open = brace;
  f.body_close = match(brace);
  // "..." after ',' or '(' is C's variable argument list; after a name it is a C++ pack.
  const size_t parameters_close = match(open);
  f.variadic = parameters_close > open + 1 && tokens_[parameters_close - 1].is("...") &&
               (tokens_[parameters_close - 2].is(",") || tokens_[parameters_close - 2].is("("));
  return true;
}

size_t Syntax::before_exception_specifiers(size_t k) const {
  constexpr size_t most_specifiers = 4;  // noexcept(true) try
  for (size_t n = 0; n < most_specifiers && k > 0; ++n) {
    const Token& p = tokens_[k - 1];
    if (p.is_ident("noexcept") || p.is_ident("try")) {
      --k;
      continue;
    }
    if (const size_t group = exception_group_before(k); group < k) {
      k = group;
      continue;
    }
    break;
  }
  return k;
}

size_t Syntax::exception_group_before(size_t k) const {
  const size_t group = tokens_[k - 1].is(")") ? match(k - 1) : tokens_.size();
  if (group < k - 1 && group > 0 && (tokens_[group - 1].is_ident("noexcept") || tokens_[group - 1].is_ident("throw")))
    return group - 1;
  return k;
}

size_t Syntax::entry_name_start(size_t open) const {
  const size_t none = tokens_.size();
  if (open == 0) return none;
  size_t e = open - 1;
  // Template arguments: back to their '<', over nested ones and bracketed groups (a short list only).
  if (tokens_[e].is(">") || tokens_[e].is(">>")) {
    constexpr size_t longest_arguments = 32;
    size_t depth = 0;
    for (size_t walked = 0;; ++walked) {
      if (e == 0 || walked >= longest_arguments) return none;
      const Token& t = tokens_[e];
      if (t.is(">")) ++depth;
      else if (t.is(">>")) depth += 2;
      else if (t.is("<") && --depth == 0) break;
      else if ((t.is(")") || t.is("]")) && match(e) < e) e = match(e);
      else if (t.is(";") || t.is("{") || t.is("}")) return none;
      --e;
    }
    if (e == 0) return none;
    --e;
  }
  if (tokens_[e].kind != TokenKind::identifier || tokens_[e].directive) return none;
  while (e >= 2 && tokens_[e - 1].is("::") && tokens_[e - 2].kind == TokenKind::identifier) e -= 2;
  return e;
}

std::vector<Initialiser> Syntax::initialisers(const FunctionDef& f) const {
  std::vector<Initialiser> out;
  const size_t parameters_close = match(f.name + 1);
  if (parameters_close >= f.body_open) return out;
  size_t k = parameters_close + 1;
  for (size_t n = 0; n < 4 && k < f.body_open; ++n) {  // noexcept(true) try
    if (!(tokens_[k].is_ident("noexcept") || tokens_[k].is_ident("throw") || tokens_[k].is_ident("try"))) break;
    k = tokens_[k + 1].is("(") && match(k + 1) < f.body_open ? match(k + 1) + 1 : k + 1;
  }
  if (k >= f.body_open || !tokens_[k].is(":")) return out;
  for (++k; k < f.body_open && out.size() < most_initialisers;) {
    // ns::Base<T, U>: the last identifier is the name; template arguments are stepped over.
    size_t name = tokens_.size();
    while (k < f.body_open && tokens_[k].kind == TokenKind::identifier) {
      name = k++;
      if (tokens_[k].is("::")) ++k;
    }
    if (name >= tokens_.size()) break;
    if (tokens_[k].is("<")) {
      size_t depth = 0;
      for (; k < f.body_open; ++k) {
        if (tokens_[k].is("<")) ++depth;
        else if (tokens_[k].is(">")) --depth;
        else if (tokens_[k].is(">>")) depth -= std::min<size_t>(depth, 2);
        else if (is_open(tokens_[k]) && match(k) < f.body_open) k = match(k);
        if (depth == 0) break;
      }
      ++k;
    }
    if (k >= f.body_open || !(tokens_[k].is("(") || tokens_[k].is("{")) || match(k) >= f.body_open) break;
    out.push_back({name, k, match(k)});
    k = match(k) + 1;
    if (k < f.body_open && tokens_[k].is("...")) ++k;  // a pack's bases
    if (k >= f.body_open || !tokens_[k].is(",")) break;
    ++k;
  }
  return out;
}

size_t Syntax::record_name(size_t brace) const {
  const size_t none = tokens_.size();
  if (brace >= none) return none;
  // Back to the class-key, over the head's bracketed groups (alignas(8), [[nodiscard]], B<f(1)>).
  constexpr size_t longest_head = 32;  // tokens of `class X final : public Base<T>, private Other`
  size_t key = none;
  for (size_t q = brace, walked = 0; q > 0 && walked < longest_head; ++walked) {
    const Token& t = tokens_[--q];
    if (t.is(")") || t.is("]")) {
      if (match(q) >= q) return none;
      q = match(q);
    } else if (t.is(";") || t.is("{") || t.is("}")) {
      return none;
    } else if (t.is_ident("class") || t.is_ident("struct") || t.is_ident("union")) {
      key = q;
      break;
    }
  }
  if (key == none || (key > 0 && tokens_[key - 1].is_ident("enum"))) return none;
  // Forward: the name is the last identifier before the bases, `final`, a specialisation's
  // arguments or the body; an identifier with a group after it is an attribute or a macro's.
  size_t name = none;
  for (size_t q = key + 1; q < brace; ++q) {
    const Token& t = tokens_[q];
    if (t.is("(") || t.is("[")) {
      if (match(q) >= brace) return none;
      q = match(q);
    } else if (t.kind == TokenKind::identifier) {
      if (t.is_ident("final")) break;
      if (!tokens_[q + 1].is("(")) name = q;
    } else if (t.is(":") || t.is("<")) {
      break;
    } else if (!t.is("::")) {
      return none;  // struct S *make(void) {: a function's return type
    }
  }
  return name;
}

bool Syntax::constructor_in_class(size_t name, size_t enclosing) const {
  const size_t record = record_name(enclosing);
  return record < tokens_.size() && tokens_[record].text == tokens_[name].text;
}

size_t Syntax::template_call_name(size_t close) const {
  // Back over a short list of type-like tokens (names, pointers, references, numbers, nested
  // argument lists) to the '<' that opens it: `a < b > (c)` in an expression has an operator or a
  // keyword in between.
  constexpr size_t most_steps = 16;
  size_t depth = 0;
  for (size_t k = close + 1, steps = 0; k-- > 0 && steps < most_steps; ++steps) {
    const Token& t = tokens_[k];
    if (t.is(">")) {
      ++depth;
    } else if (t.is(">>")) {
      depth += 2;
    } else if (t.is("<")) {
      if (--depth > 0) continue;
      if (k == 0 || tokens_[k - 1].kind != TokenKind::identifier || is_keyword(tokens_[k - 1].text)) break;
      return k - 1;
    } else if (t.kind == TokenKind::identifier ? expression_keyword_table.contains(t.text) || t.is_ident("operator")
                                               : !(t.kind == TokenKind::number || t.is("*") || t.is("&") ||
                                                   t.is("::") || t.is(","))) {
      break;
    }
    if (depth == 0) break;
  }
  return tokens_.size();
}

void Syntax::find_calls(const Landmarks& landmarks) {
  const size_t n = tokens_.size();
  std::string_view macro;  // name of the #define whose body we are in
  size_t body_from = n;    // first token of that body
  size_t fn = 0;           // next candidate in functions_
  size_t next_directive = 0;  // in landmarks.directives
  // Room for a call at every '(' of an ordinary file at once; a file of brackets grows it as it goes.
  constexpr size_t most_reserved = size_t{1} << 16;
  calls_.reserve(std::min(landmarks.parens.size(), most_reserved));
  // A call is a name before '(': only the tokens before a '(' are looked at, and the preprocessor
  // lines that start before them.
  for (const size_t paren : landmarks.parens) {
    if (paren == 0) continue;
    size_t i = paren - 1;
    // sink<char *>(data): a function template given its arguments is a call of its name (c.open
    // is then not c.name + 1).
    if (tokens_[i].is(">") && (i = template_call_name(i)) >= n) continue;
    for (; next_directive < landmarks.directives.size() && landmarks.directives[next_directive] <= i; ++next_directive) {
      const size_t d = landmarks.directives[next_directive];
      macro = {};
      body_from = n;
      if (d + 2 < n && tokens_[d + 1].is_ident("define") && tokens_[d + 2].kind == TokenKind::identifier &&
          !tokens_[d + 2].line_start) {
        macro = tokens_[d + 2].text;
        body_from = d + 3;
        // Function-like macro: '(' directly after the name opens the parameter list.
        if (d + 3 < n && tokens_[d + 3].is("(") && tokens_[d + 3].text.data() == macro.data() + macro.size())
          body_from = match(d + 3) < n ? match(d + 3) + 1 : n;
      }
    }
    const Token& t = tokens_[i];
    if (t.kind != TokenKind::identifier || dead_[i]) continue;
    if (t.directive && (macro.empty() || i < body_from)) continue;
    if (!t.directive && tokens_[paren].directive) continue;
    if (is_keyword(t.text)) continue;
    size_t before = i;  // first token of the (possibly qualified) name
    std::string_view qualifier;
    if (i > 0 && (tokens_[i - 1].is(".") || tokens_[i - 1].is("->") || tokens_[i - 1].is(".*") ||
                  tokens_[i - 1].is("->*") || tokens_[i - 1].is_ident("operator")))
      continue;
    if (i > 0 && tokens_[i - 1].is("::")) {
      if (i > 1 && tokens_[i - 2].kind == TokenKind::identifier && !is_keyword(tokens_[i - 2].text)) {
        if (tokens_[i - 2].text != "std") continue;  // a user namespace or class
        qualifier = "std";
        before = i - 2;
        if (before > 0 && tokens_[before - 1].is("::")) --before;
      } else {
        before = i - 1;
      }
    }
    if (declares(before)) continue;
    Call c;
    c.name = i;
    c.open = paren;
    c.close = match(paren);
    c.qualifier = qualifier;
    if (t.directive) c.macro = macro;
    // Split the arguments at top-level commas.
    const size_t end = std::min(c.close, n);
    if (end > c.open + 1) {
      size_t arg_begin = c.open + 1;
      for (size_t j = c.open + 1; j < end; ++j) {
        if (tokens_[j].kind == TokenKind::punct && is_open(tokens_[j]) && match(j) < end) {
          j = match(j);
        } else if (tokens_[j].is(",")) {
          c.args.emplace_back(arg_begin, j);
          arg_begin = j + 1;
        }
      }
      c.args.emplace_back(arg_begin, end);
    }
    while (fn < functions_.size() && functions_[fn].body_close < i) ++fn;
    if (fn < functions_.size() && functions_[fn].body_open < i && i < functions_[fn].body_close)
      c.function = static_cast<int>(fn);
    calls_.push_back(std::move(c));
  }
}

std::vector<const Call*> Syntax::calls_named(std::span<const std::string_view> names) const {
  std::vector<const Call*> out;
  for (const auto& c : calls_)
    if (std::find(names.begin(), names.end(), tokens_[c.name].text) != names.end()) out.push_back(&c);
  return out;
}

}  // namespace mdbc::source
