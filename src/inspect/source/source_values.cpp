// FileValues, part one: the lookups over a file's names, bindings and calls. The index of names
// and the bindings of each name are found in source_bindings.cpp, values computed in
// source_value_evaluation.cpp.
#include "inspect/source/source_values.h"

#include <cctype>
#include <cstring>
#include <unordered_set>

#include "inspect/source/value_tokens.h"

namespace mdbc::source {

namespace value_tokens {

bool is_expression_word(std::string_view word) {
  static constexpr std::array<std::string_view, 22> expression_words{
    "return", "case", "goto", "else", "do", "sizeof", "new", "delete", "throw", "co_return", "co_await", "co_yield",
    "not", "and", "or", "xor", "bitand", "bitor", "compl", "typedef", "using", "defined"};
  return in(expression_words, word);
}

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

}  // namespace value_tokens

using namespace value_tokens;

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

int FileValues::function_at(size_t i) const {
  const auto& fns = syntax_.functions();
  // Bodies do not overlap and are in token order.
  auto it = std::upper_bound(fns.begin(), fns.end(), i, [](size_t v, const FunctionDef& f) { return v < f.body_open; });
  if (it == fns.begin()) return -1;
  --it;
  return i > it->body_open && i < it->body_close ? static_cast<int>(it - fns.begin()) : -1;
}

bool FileValues::in_record(size_t i) const {
  index();
  return scope_at(i).in_record;
}

bool FileValues::spend_member_work(size_t work) const {
  constexpr size_t member_work_budget = size_t{1} << 24;
  if (work > member_work_budget - member_work_) {
    member_work_ = member_work_budget;
    return false;
  }
  member_work_ += work;
  return true;
}

std::span<const Binding* const> FileValues::bindings(std::string_view name) const {
  const size_t id = names_.index(name);
  if (id >= names_.size()) return {};
  auto [listed, fresh] = binding_pointers_.try_emplace(id);
  if (fresh)
    for (const Binding& b : bindings_of(id)) listed->second.push_back(&b);
  return listed->second;
}

std::span<const Binding* const> FileValues::bindings_in_order() const {
  if (!all_bound_) {
    all_bound_ = true;
    for (size_t id = 0; id < names_.size(); ++id)
      for (const Binding& b : bindings_of(id)) bindings_in_order_.push_back(&b);
    // Each name's own are in order already; names interleave.
    std::stable_sort(bindings_in_order_.begin(), bindings_in_order_.end(),
                     [](const Binding* a, const Binding* b) { return a->name < b->name; });
  }
  return bindings_in_order_;
}

std::vector<const Binding*> FileValues::visible(std::string_view name, int function) const {
  const size_t id = names_.index(name);
  if (id >= names_.size()) return {};
  const std::vector<Binding>& every = bindings_of(id);
  // The file-scope bindings (and macros) of the name, found once: a name bound in each of
  // thousands of functions is asked about in each of them.
  auto [scope, fresh] = file_scope_bindings_.try_emplace(id);
  if (fresh)
    for (const Binding& b : every)
      if (b.function == -1 && b.form != BindingForm::member) scope->second.push_back(&b);
  if (function < 0) return scope->second;
  // The function's own, by position: a definition's tokens are one range.
  const FunctionDef& f = syntax_.functions()[static_cast<size_t>(function)];
  const auto first = std::lower_bound(every.begin(), every.end(), f.name, [](const Binding& b, size_t k) { return b.name < k; });
  const auto last = std::upper_bound(first, every.end(), f.body_close, [](size_t k, const Binding& b) { return k < b.name; });
  std::vector<const Binding*> own;
  bool local_declaration = false;
  for (auto b = first; b != last; ++b) {
    if (b->form == BindingForm::member || b->function != function) continue;
    local_declaration = local_declaration || b->form == BindingForm::declaration || b->form == BindingForm::parameter;
    own.push_back(&*b);
  }
  std::vector<const Binding*> out;
  out.reserve(own.size() + scope->second.size());
  const auto by_position = [](const Binding* a, const Binding* b) { return a->name < b->name; };
  if (!local_declaration) {
    std::merge(own.begin(), own.end(), scope->second.begin(), scope->second.end(), std::back_inserter(out), by_position);
    return out;
  }
  std::vector<const Binding*> macros;
  for (const Binding* b : scope->second)
    if (b->form == BindingForm::macro) macros.push_back(b);
  std::merge(own.begin(), own.end(), macros.begin(), macros.end(), std::back_inserter(out), by_position);
  return out;
}

std::span<const size_t> FileValues::occurrences(std::string_view name) const {
  const size_t id = names_.index(name);
  if (id >= names_.size()) return {};
  index();
  return std::span<const size_t>(occurrences_).subspan(occurrences_begin_[id], occurrences_begin_[id + 1] - occurrences_begin_[id]);
}

const Call* FileValues::call_at(size_t name_token) const {
  // Calls are in token order of their names.
  const auto& calls = syntax_.calls();
  const auto c = std::lower_bound(calls.begin(), calls.end(), name_token,
                                  [](const Call& call, size_t token) { return call.name < token; });
  return c != calls.end() && c->name == name_token ? &*c : nullptr;
}

std::span<const size_t> FileValues::calls_in(int function) const {
  if (calls_by_function_.empty()) {
    calls_by_function_.resize(syntax_.functions().size() + 1);
    const auto& calls = syntax_.calls();
    for (size_t c = 0; c < calls.size(); ++c) calls_by_function_[static_cast<size_t>(calls[c].function + 1)].push_back(c);
  }
  const size_t slot = static_cast<size_t>(function + 1);
  if (slot >= calls_by_function_.size()) return {};
  return calls_by_function_[slot];
}

std::span<const std::pair<size_t, uint32_t>> FileValues::taken_occurrences(size_t id) const {
  auto [found, fresh] = taken_.try_emplace(id);
  std::vector<std::pair<size_t, uint32_t>>& out = found->second;
  if (!fresh) return out;
  const auto& calls = syntax_.calls();
  if (enclosing_call_.empty()) {
    // Calls are in the order they open: the innermost call holding token k is the latest opened
    // before k that has not closed by k (a stack of the calls still open), so one pass finds it
    // for every token.
    enclosing_call_.assign(tokens().size(), -1);
    std::vector<size_t> open_calls;
    size_t next_call = 0;
    for (size_t k = 0; k < enclosing_call_.size(); ++k) {
      while (!open_calls.empty() && calls[open_calls.back()].close <= k) open_calls.pop_back();
      if (!open_calls.empty()) enclosing_call_[k] = static_cast<int>(open_calls.back());
      for (; next_call < calls.size() && calls[next_call].open <= k; ++next_call)
        if (calls[next_call].close > k) open_calls.push_back(next_call);
    }
  }
  for (const size_t k : occurrences(names_.all()[id])) {
    if (enclosing_call_[k] < 0) continue;
    const Call& best = calls[static_cast<size_t>(enclosing_call_[k])];
    // The argument holding k: the last one starting at or before it (arguments are in order).
    const auto arg = std::upper_bound(best.args.begin(), best.args.end(), k,
                                      [](size_t token, const auto& a) { return token < a.first; });
    if (arg == best.args.begin() || k >= std::prev(arg)->second) continue;
    if (base_name({std::prev(arg)->first, std::prev(arg)->second}) != k) continue;
    out.emplace_back(k, static_cast<uint32_t>(enclosing_call_[k]));
  }
  return out;
}

std::vector<const Call*> FileValues::calls_taking(std::string_view name, int function, size_t from, size_t to,
                                                  const Call* except) const {
  std::vector<const Call*> out;
  const size_t id = names_.index(name);
  if (id >= names_.size()) return out;
  std::unordered_set<const Call*> taking;
  const auto taken = taken_occurrences(id);
  const auto after = [](size_t token, const std::pair<size_t, uint32_t>& t) { return token < t.first; };
  for (auto at = std::upper_bound(taken.begin(), taken.end(), from, after); at != taken.end() && at->first < to; ++at) {
    const Call* call = &syntax_.calls()[at->second];
    if (call == except || call->function != function) continue;
    if (taking.insert(call).second) out.push_back(call);
  }
  return out;
}

const Call* FileValues::first_call_taking(std::string_view name, int function, size_t from, size_t to,
                                          const Call* except) const {
  const size_t id = names_.index(name);
  if (id >= names_.size()) return nullptr;
  const auto taken = taken_occurrences(id);
  const auto after = [](size_t token, const std::pair<size_t, uint32_t>& t) { return token < t.first; };
  for (auto at = std::upper_bound(taken.begin(), taken.end(), from, after); at != taken.end() && at->first < to; ++at) {
    const Call* call = &syntax_.calls()[at->second];
    if (call != except && call->function == function) return call;
  }
  return nullptr;
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

std::span<const Binding* const> FileValues::bindings_in(int function) const {
  if (function < 0) return {};
  const FunctionDef& f = syntax_.functions()[static_cast<size_t>(function)];
  const auto all = bindings_in_order();
  const auto first = std::lower_bound(all.begin(), all.end(), f.name, [](const Binding* b, size_t k) { return b->name < k; });
  const auto last = std::upper_bound(first, all.end(), f.body_close, [](size_t k, const Binding* b) { return k < b->name; });
  return {first, last};
}

bool FileValues::in_body_block(size_t begin, int function) const {
  const auto toks = tokens();
  if (function < 0 || begin == 0 || begin >= toks.size()) return false;
  const Token& before = toks[begin - 1];
  if (!(before.is(";") || before.is("{") || before.is("}")) || statement(begin).begin != begin) return false;
  const FunctionDef& f = syntax_.functions()[static_cast<size_t>(function)];
  // Back over whole blocks to the brace that opens the one holding the statement.
  size_t k = begin;
  for (size_t steps = 0; k > f.body_open && steps < max_walk; ++steps) {
    --k;
    if (!toks[k].is("}")) {
      if (toks[k].is("{")) return k == f.body_open;
      continue;
    }
    const size_t open = syntax_.match(k);
    if (open >= k || open <= f.body_open) return false;
    k = open;
  }
  return false;
}

ListFacts FileValues::list_facts(TokenRange braces) const {
  const auto toks = tokens();
  ListFacts f;
  if (braces.size() < 2) return f;
  bool have_first = false;
  int64_t first = 0, second = 0;
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
        if (f.distinct_values == 0 || (f.distinct_values == 1 && v != first) ||
            (f.distinct_values == 2 && v != first && v != second)) {
          if (f.distinct_values == 1) second = v;
          ++f.distinct_values;
        }
      } else {
        f.all_zero = false;
        f.all_same = false;
      }
      f.sentinel_end = number && v == -1;
    }
    elem_begin = k + 1;
  }
  return f;
}

bool declared_static(std::span<const Token> tokens, size_t name) {
  for (size_t k = name, steps = 0; k > 0 && steps < 16; --k, ++steps) {
    const Token& p = tokens[k - 1];
    if (p.is_ident("static")) return true;
    if (p.kind != TokenKind::identifier && !p.is("*") && !p.is("&") && !p.is("::") && !p.is("<") && !p.is(">"))
      return false;
  }
  return false;
}

}  // namespace mdbc::source
