// FileValues, part three: what an expression's value is — names followed to their bindings to a
// bounded depth, casts and literal wrappers stripped, integer expressions evaluated.
#include <cctype>

#include "inspect/source/format_literal.h"
#include "inspect/source/source_values.h"
#include "inspect/source/value_tokens.h"

namespace mdbc::source {

using namespace value_tokens;

namespace {

constexpr int max_depth = 8;          // names followed to reach a value
constexpr size_t max_expression = 64; // tokens of an integer expression evaluated
constexpr size_t max_literal_pieces = 16;  // strings and macros of one concatenated literal
// Calls followed: a parameter to the arguments of its function's callers in this file, a call to
// its function's return statements. Shallower than names, and only so many callers or returns
// each, so that the work stays small however the file's functions call each other. A function with
// external linkage may have callers elsewhere too; the value its callers here pass still reaches
// it, which is what the rules ask (is a constant key, IV or seed used).
constexpr int max_call_depth = 3;
constexpr size_t max_callers = 8;

constexpr std::array<std::string_view, 4> cpp_casts{"static_cast", "reinterpret_cast", "const_cast", "dynamic_cast"};
// Calls that wrap a single literal without changing what it is.
constexpr std::array<std::string_view, 12> literal_wrappers{"_T",     "TEXT",        "__TEXT", "_TEXT",
                                                            "string", "string_view", "wstring", "basic_string",
                                                            "PSTR",   "F",           "u8string", "QStringLiteral"};

bool type_like_group(std::span<const Token> toks, size_t open, size_t close) {
  // The contents of a cast: type names, qualifiers, '*', '&', '::', template arguments and
  // array bounds (compound literals). At least one identifier, nothing else.
  bool ident = false;
  for (size_t k = open + 1; k < close; ++k) {
    const Token& t = toks[k];
    if (t.kind == TokenKind::identifier) {
      if (is_expression_word(t.text)) return false;
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
    if (b->form == BindingForm::compound || b->form == BindingForm::element) return Value{};
    if (b->form != BindingForm::parameter && b->value.empty()) {
      if (b->form == BindingForm::macro) return Value{};  // a flag macro has no value
      continue;
    }
    Value bv = b->form == BindingForm::parameter
                   ? resolve_parameter(*b, depth + 1)
                   : resolve_at(b->value, b->form == BindingForm::macro ? function : b->function, depth + 1);
    if (bv.is(Value::Kind::unknown)) return Value{};
    // A copy of another variable (char *alias = data;) holds what that one held at the copy: not
    // its initial value when a call was given it before (getrandom(&data, …), RAND_bytes(data, n)).
    // Only the first binding followed is reported in `via`, so the ones behind it are asked here.
    if (b->form != BindingForm::parameter && b->form != BindingForm::macro && b->function >= 0 &&
        !still_bound(bv, b->function, b->name))
      return Value{};
    if (!have) {
      v = std::move(bv);
      // Through a parameter, the binding that matters is the caller's variable (is it const, is it
      // refreshed); a literal passed directly has only the parameter.
      if (b->form != BindingForm::parameter || v.via == nullptr) v.via = b;
      have = true;
      continue;
    }
    if (!v.same_as(bv)) return Value{};
  }
  return have ? v : Value{};
}

Value FileValues::resolve_at(TokenRange r, int function, int depth) const {
  const auto toks = tokens();
  r = strip(r);
  Value v;
  if (r.empty() || depth > max_depth) return v;
  const Token& first = toks[r.begin];
  bool all_strings = true, strings_and_names = true, any_string = false;
  for (size_t k = r.begin; k < r.end && strings_and_names; ++k) {
    all_strings = all_strings && toks[k].kind == TokenKind::string;
    any_string = any_string || toks[k].kind == TokenKind::string;
    strings_and_names = toks[k].kind == TokenKind::string ||
                        (toks[k].kind == TokenKind::identifier && !is_keyword(toks[k].text));
  }
  if (all_strings) {
    v.kind = Value::Kind::string;
    v.token = r.begin;
    for (size_t k = r.begin; k < r.end; ++k) v.text += string_body(toks[k]);
    return v;
  }
  // KERN_DEBUG "…", "v" DRV_VERSION: a name placed next to a literal compiles only as a macro for
  // a literal; what it spells is its value where the file says it, else unspelled_text.
  if (strings_and_names && any_string && r.size() <= max_literal_pieces) {
    v.kind = Value::Kind::string;
    v.token = r.begin;
    for (size_t k = r.begin; k < r.end; ++k) {
      if (toks[k].kind == TokenKind::string) {
        v.text += string_body(toks[k]);
        continue;
      }
      const Value piece = resolve_name_at(toks[k].text, function, depth + 1);
      if (piece.is(Value::Kind::string)) v.text += piece.text;
      else v.text += unspelled_text;
    }
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
  if (const Call* c = call_at(r.begin); c != nullptr && c->close + 1 == r.end) return resolve_return(*c, depth + 1);
  // items[2]: an element of an array the file fills with constants.
  if (r.size() >= 4 && first.kind == TokenKind::identifier && toks[r.begin + 1].is("[") &&
      syntax_.match(r.begin + 1) == r.end - 1) {
    const Value index = resolve_at({r.begin + 2, r.end - 1}, function, depth + 1);
    if (index.is(Value::Kind::integer)) return resolve_element(first.text, index.integer, function, depth + 1);
    return v;
  }
  if (r.size() == 3 && first.kind == TokenKind::identifier && (toks[r.begin + 1].is(".") || toks[r.begin + 1].is("->")) &&
      toks[r.begin + 2].kind == TokenKind::identifier)
    return variable_field(r.begin, function, toks[r.begin + 2].name, std::nullopt, depth);
  int64_t n = 0;
  if (evaluate(r, function, depth, n)) {
    v.kind = Value::Kind::integer;
    v.integer = n;
    v.token = r.begin;
  }
  return v;
}

const FunctionDef* FileValues::definition(std::string_view name) const {
  const size_t id = names_.index(name);
  if (id >= names_.size()) return nullptr;
  if (definition_by_name_.empty()) {
    // Per name, the first definition named by one of its occurrences (functions are in token order).
    const auto toks = tokens();
    definition_by_name_.assign(names_.size(), no_definition);
    const auto& functions = syntax_.functions();
    for (size_t f = 0; f < functions.size(); ++f) {
      const size_t at = functions[f].name;
      if (at >= toks.size()) continue;
      const Token& t = toks[at];
      if (t.kind != TokenKind::identifier || t.directive || syntax_.dead(at) || t.name >= names_.size()) continue;
      int& first = definition_by_name_[t.name];
      if (first != no_definition) continue;
      first = at > 0 && toks[at - 1].is("::") ? member_definition : static_cast<int>(f);
    }
  }
  const int f = definition_by_name_[id];
  // A member (its calls are through objects) counts as no definition of the name.
  return f < 0 ? nullptr : &syntax_.functions()[static_cast<size_t>(f)];
}

// Whether a value reached through a variable of `function` still holds at token `at`: no call
// between its binding and `at` is given the variable (getrandom(&seed, …), fill(buf)). The rules
// ask this of the values they use; a value carried into another function must be asked here.
bool FileValues::still_bound(const Value& v, int function, size_t at) const {
  const Binding* b = v.via;
  if (b == nullptr || b->is_const || b->form == BindingForm::macro || function < 0) return true;
  const size_t from = b->function == function ? b->name : syntax_.functions()[static_cast<size_t>(function)].body_open;
  return first_call_taking(tokens()[b->name].text, function, from, at) == nullptr;
}

std::optional<size_t> FileValues::parameter_index(const Binding& parameter, int depth) const {
  if (depth > max_call_depth || parameter.function < 0) return std::nullopt;
  const auto toks = tokens();
  const FunctionDef& f = syntax_.functions()[static_cast<size_t>(parameter.function)];
  // A member, defined out of its class or in it: called through objects, so its callers are not known here.
  if ((f.name > 0 && toks[f.name - 1].is("::")) || in_record(f.name)) return std::nullopt;
  // The top-level commas before it in the parameter list.
  size_t index = 0;
  for (size_t k = f.name + 2; k < parameter.name; ++k) {
    if (is_opener(toks[k]) && syntax_.match(k) < parameter.name) k = syntax_.match(k);
    else if (toks[k].is(",")) ++index;
  }
  return index;
}

template <class ValueOfArgument>
Value FileValues::agreed_by_callers(const Binding& parameter, int depth, bool same_list,
                                    ValueOfArgument&& value_of_argument) const {
  const std::optional<size_t> index = parameter_index(parameter, depth);
  if (!index) return Value{};
  const auto toks = tokens();
  const FunctionDef& f = syntax_.functions()[static_cast<size_t>(parameter.function)];
  Value v;
  size_t callers = 0;
  for (size_t k : occurrences(toks[f.name].text)) {
    if (k == f.name) continue;
    const Call* caller = call_at(k);
    if (caller == nullptr) {
      if (k + 1 < toks.size() && toks[k + 1].is("(")) continue;  // a declaration
      return Value{};  // taken as a value: its callers are unknown
    }
    if (++callers > max_callers || !caller->macro.empty() || *index >= caller->args.size()) return Value{};
    Value cv = value_of_argument(*caller, k, TokenRange{caller->args[*index].first, caller->args[*index].second});
    if (cv.is(Value::Kind::unknown)) return Value{};
    if (callers > 1 && !(cv.kind == v.kind && cv.integer == v.integer && cv.text == v.text &&
                         (!same_list || v.kind != Value::Kind::list || v.list.begin == cv.list.begin)))
      return Value{};
    v = std::move(cv);
  }
  return callers > 0 ? v : Value{};
}

Value FileValues::resolve_parameter(const Binding& parameter, int depth) const {
  return agreed_by_callers(parameter, depth, true, [&](const Call& caller, size_t call_name, TokenRange argument) {
    Value cv = resolve_at(argument, caller.function, depth + 1);
    return still_bound(cv, caller.function, call_name) ? cv : Value{};
  });
}

Value FileValues::parameter_field(const Binding& parameter, size_t field, int depth) const {
  const auto key = std::make_pair(parameter.name, field);
  if (const auto known = member_values_.find(key); known != member_values_.end()) return known->second;
  Value& answer = member_values_[key];  // unknown while the callers are asked: a cycle of calls stops here
  const MemberFacts& facts = member_facts(parameter);
  if (!facts.usable || facts.unsettled.contains(field) || facts.writes.contains(field)) return answer;
  const auto toks = tokens();
  answer = agreed_by_callers(parameter, depth, false, [&](const Call& caller, size_t, TokenRange argument) {
    const TokenRange passed = strip(argument);
    const size_t name = passed.size() == 2 && toks[passed.begin].is("&") ? passed.begin + 1 : passed.begin;
    if (name + 1 != passed.end || toks[name].kind != TokenKind::identifier) return Value{};
    return variable_field(name, caller.function, field, name, depth + 1);
  });
  return answer;
}

Value FileValues::resolve_element(std::string_view name, int64_t index, int function, int depth) const {
  if (depth > max_depth) return Value{};
  const auto toks = tokens();
  const auto bound = visible(name, function);
  if (bound.size() == 1 && bound.front()->form == BindingForm::parameter) {
    // An array parameter of a static function: the element of the arrays its callers pass.
    return agreed_by_callers(*bound.front(), depth, false, [&](const Call& caller, size_t, TokenRange argument) {
      const TokenRange passed = strip(argument);
      if (passed.size() != 1 || toks[passed.begin].kind != TokenKind::identifier) return Value{};
      return resolve_element(toks[passed.begin].text, index, caller.function, depth + 1);
    });
  }
  // A local array without an initialiser whose element `index` is assigned constants only, and
  // whose other writes are to other constant indexes.
  Value v;
  bool have = false;
  for (const Binding* b : bound) {
    if (b->function != function || function < 0) return Value{};
    if (b->form == BindingForm::declaration && b->value.empty()) continue;
    if (b->form != BindingForm::element || b->name + 1 >= toks.size() || !toks[b->name + 1].is("[")) return Value{};
    const size_t close = syntax_.match(b->name + 1);
    if (close >= toks.size() || close + 1 >= toks.size() || !toks[close + 1].is("=")) return Value{};
    const Value at = resolve_at({b->name + 2, close}, function, depth + 1);
    if (!at.is(Value::Kind::integer)) return Value{};
    if (at.integer != index) continue;
    Value ev = resolve_at(b->value, function, depth + 1);
    // items[2] = seed; after getrandom(&seed, …): not the value seed was declared with.
    if (ev.is(Value::Kind::unknown) || !still_bound(ev, function, b->name) ||
        (have && !(ev.kind == v.kind && ev.integer == v.integer && ev.text == v.text)))
      return Value{};
    v = std::move(ev);
    v.via = b;
    have = true;
  }
  return have ? v : Value{};
}

Value FileValues::resolve_return(const Call& c, int depth) const {
  if (depth > max_call_depth) return Value{};
  const FunctionDef* f = definition(tokens()[c.name].text);
  if (f == nullptr || f->body_close >= tokens().size()) return Value{};
  const auto toks = tokens();
  const int function = static_cast<int>(f - syntax_.functions().data());
  Value v;
  size_t returns = 0;
  for (size_t k = f->body_open + 1; k < f->body_close; ++k) {
    if (!toks[k].is_ident("return")) continue;
    size_t end = k + 1;
    while (end < f->body_close && !toks[end].is(";")) end = is_opener(toks[end]) ? syntax_.match(end) + 1 : end + 1;
    if (++returns > max_callers || end >= f->body_close) return Value{};
    Value rv = resolve_at({k + 1, end}, function, depth + 1);
    if (rv.is(Value::Kind::unknown) || !still_bound(rv, function, k)) return Value{};
    if (returns > 1 && !(rv.kind == v.kind && rv.integer == v.integer && rv.text == v.text &&
                         (v.kind != Value::Kind::list || v.list.begin == rv.list.begin)))
      return Value{};
    v = std::move(rv);
    k = end;
  }
  return returns > 0 ? v : Value{};
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


}  // namespace mdbc::source
