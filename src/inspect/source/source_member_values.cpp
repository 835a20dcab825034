// FileValues, part four: the value of a field of a struct variable (`opts.verify`), when the file
// says it: the field's element of the variable's initialiser (designated `.verify = 0` or by its
// place in the struct the file defines) and the `opts.verify = …` assignments, all agreeing. The
// variable must be used only through its fields: a variable whose address is taken, that is
// passed, copied over or whose methods are called may be changed where the file does not say.
// Through a parameter (`c->verify` in apply(ctx, &cfg)), the field of every caller's variable,
// each passed whole at that call only (parameter_field, source_value_evaluation.cpp). A clear of
// the whole variable (memset(&cfg, 0, sizeof cfg)) stores 0 in every field; a store in the
// function's own block that nothing reads the variable before (the clear, `cfg.verify = …`) hides
// the initialiser and the stores before it.
#include <algorithm>

#include "inspect/source/source_values.h"
#include "inspect/source/value_tokens.h"

namespace mdbc::source {

using namespace value_tokens;

namespace {

bool assignment_operator(const Token& t) {
  static constexpr std::array<std::string_view, 12> ops{"+=", "-=", "*=", "/=", "%=", "&=",
                                                         "|=", "^=", "<<=", ">>=", "++", "--"};
  return t.kind == TokenKind::punct && std::find(ops.begin(), ops.end(), t.text) != ops.end();
}

// Words that make a member declaration something other than fields in order: a static member, a
// type, an access label.
bool not_a_field_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> words{"static", "typedef", "using",   "friend",
                                                           "virtual", "operator", "public", "private",
                                                           "protected", "template", "union", "class"};
  return std::find(words.begin(), words.end(), w) != words.end();
}

// When the name at token k, of the variable declared at `declared`, is the whole object a call
// clears (memset(&v, 0, sizeof v), bzero(&v, sizeof v), SecureZeroMemory(&v, sizeof(struct T)), …):
// the call's closing bracket, else 0.
size_t cleared_whole(const FileValues& values, size_t k, size_t declared) {
  static constexpr std::array<std::string_view, 5> clears{"memset", "bzero", "explicit_bzero", "ZeroMemory",
                                                           "SecureZeroMemory"};
  const auto toks = values.tokens();
  if (k < 3 || declared == 0 || !toks[k - 1].is("&") || !toks[k - 2].is("(")) return 0;
  const Call* c = values.call_at(k - 3);
  if (c == nullptr || std::find(clears.begin(), clears.end(), toks[c->name].text) == clears.end()) return 0;
  const bool memset = toks[c->name].is_ident("memset");
  if (c->args.size() != (memset ? 3u : 2u) || c->args[0].first != k - 1 || c->args[0].second != k + 1) return 0;
  if (memset && !(c->args[1].second == c->args[1].first + 1 && toks[c->args[1].first].text == "0")) return 0;
  // The size: sizeof the variable or its type, maybe bracketed, maybe `struct T`.
  const auto [from, to] = c->args.back();
  size_t named = 0;
  for (size_t j = from + 1; j < to; ++j) {
    if (toks[j].is("(") || toks[j].is(")") || toks[j].is_ident("struct")) continue;
    if (toks[j].text != toks[k].text && toks[j].text != toks[declared - 1].text) return 0;
    ++named;
  }
  return toks[from].is_ident("sizeof") && named == 1 ? c->close : 0;
}

}  // namespace

const std::optional<std::vector<FileValues::Field>>& FileValues::record_fields(size_t declared) const {
  const auto toks = tokens();
  // The type's name just before the variable's: `struct opts v`, `opts_t v`, `const Opts v`.
  static const std::optional<std::vector<Field>> unknown;
  if (declared == 0 || toks[declared - 1].kind != TokenKind::identifier) return unknown;
  const std::string_view type = toks[declared - 1].text;
  // Found once per type: a file may declare thousands of variables of one struct.
  auto [known, fresh] = record_fields_.try_emplace(toks[declared - 1].name);
  if (!fresh) return known->second;
  known->second = fields_of_record(type);
  return known->second;
}

bool FileValues::plain_struct_field(size_t declared, std::string_view field) const {
  const auto& fields = record_fields(declared);
  const auto toks = tokens();
  return fields && std::any_of(fields->begin(), fields->end(), [&](const Field& f) { return toks[f.name].text == field; });
}

std::optional<std::vector<FileValues::Field>> FileValues::fields_of_record(std::string_view type) const {
  const auto toks = tokens();
  // Its definition in this file: `struct type {`, or `typedef struct [tag] {…} type;`.
  size_t open = toks.size();
  for (size_t k : occurrences(type)) {
    if (k + 1 < toks.size() && toks[k + 1].is("{") && k > 0 &&
        (toks[k - 1].is_ident("struct") || toks[k - 1].is_ident("class"))) {
      open = k + 1;
      break;
    }
    if (k > 0 && toks[k - 1].is("}") && k + 1 < toks.size() && toks[k + 1].is(";")) {
      const size_t o = syntax_.match(k - 1);
      if (o < k && o > 0 && (toks[o - 1].is_ident("struct") ||
                             (o > 1 && toks[o - 2].is_ident("struct") && toks[o - 1].kind == TokenKind::identifier))) {
        open = o;
        break;
      }
    }
  }
  if (open >= toks.size()) return std::nullopt;
  const size_t close = syntax_.match(open);
  if (close <= open || close >= toks.size()) return std::nullopt;
  // Plain fields only: a method, a constructor, a nested record or an access label makes the order
  // of an initialiser's elements something other than the fields'.
  std::vector<Field> fields;
  for (size_t k = open + 1; k < close;) {
    size_t end = k;
    while (end < close && !toks[end].is(";")) ++end;
    if (end >= close) return std::nullopt;
    size_t name = toks.size();
    bool array = false;
    const auto declarator_done = [&] {
      if (name >= toks.size() || is_keyword(toks[name].text)) return false;
      fields.push_back({name, array});
      name = toks.size();
      array = false;
      return true;
    };
    for (size_t j = k; j < end; ++j) {
      const Token& t = toks[j];
      if (t.directive) return std::nullopt;
      if (t.kind == TokenKind::identifier) {
        if (not_a_field_word(t.text)) return std::nullopt;
        name = j;
      } else if (t.is("[")) {
        const size_t m = syntax_.match(j);
        if (m <= j || m >= end) return std::nullopt;
        array = true;
        j = m;
      } else if (t.is(":")) {  // a bit-field's width
        while (j + 1 < end && !toks[j + 1].is(",")) ++j;
      } else if (t.is(",")) {
        if (!declarator_done()) return std::nullopt;
      } else if (!(t.is("*") || t.is("::"))) {
        return std::nullopt;
      }
    }
    if (!declarator_done()) return std::nullopt;
    k = end + 1;
  }
  return fields;
}

const FileValues::MemberFacts& FileValues::member_facts(const Binding& variable) const {
  auto [it, fresh] = member_facts_.try_emplace(variable.name);
  MemberFacts& facts = it->second;
  if (!fresh) return facts;
  const auto toks = tokens();
  const std::string_view name = toks[variable.name].text;
  // One variable of that name in the file when it is at file scope: no function's own shadows it.
  facts.usable = variable.function >= 0 || bindings(name).size() == 1;
  size_t from = 0, to = toks.size();
  if (variable.function >= 0) {
    const FunctionDef& f = syntax_.functions()[static_cast<size_t>(variable.function)];
    from = f.body_open;
    to = f.body_close;
  }
  size_t clear_close = 0;  // the end of the last clear of the whole: its size names the variable
  for (size_t k : occurrences(name)) {
    if (!facts.usable) break;
    if (k < from || k > to || k == variable.name || k < clear_close) continue;
    if (k > 0 && (toks[k - 1].is(".") || toks[k - 1].is("->") || toks[k - 1].is("::"))) continue;  // another's member
    // Passed whole (f(v), f(&v)): the function given it may change any field, unless it is the
    // one a caller follows (parameter_field) or a clear of the whole.
    const size_t whole = k > 0 && toks[k - 1].is("&") ? k - 1 : k;
    if (whole > 0 && (toks[whole - 1].is("(") || toks[whole - 1].is(",")) && k + 1 < toks.size() &&
        (toks[k + 1].is(")") || toks[k + 1].is(","))) {
      if (const size_t close = cleared_whole(*this, k, variable.name); close > k) {
        facts.zero_fills.push_back(k);
        clear_close = close;
        continue;
      }
      facts.passed.push_back(k);
      facts.first_read = std::min(facts.first_read, k);
      continue;
    }
    // Only through its fields, and no method called (it may change any field).
    if (k + 2 >= toks.size() || !(toks[k + 1].is(".") || toks[k + 1].is("->")) ||
        toks[k + 2].kind != TokenKind::identifier ||
        (k + 3 < toks.size() && toks[k + 3].is("("))) {
      facts.usable = false;
      break;
    }
    const size_t field = toks[k + 2].name;
    const Token* after = k + 3 < toks.size() ? &toks[k + 3] : nullptr;
    const bool taken = k > 0 && (toks[k - 1].is("&") || toks[k - 1].is("++") || toks[k - 1].is("--"));
    if (after != nullptr && after->is("=")) {
      facts.writes[field].push_back(k + 3);
      continue;
    }
    facts.first_read = std::min(facts.first_read, k);
    if (taken || (after != nullptr && (assignment_operator(*after) || after->is("[") || after->is(".") ||
                                       after->is("->"))))
      facts.unsettled.insert(field);
  }
  if (!facts.usable || variable.value.empty()) return facts;
  if (!toks[variable.value.begin].is("{")) {
    facts.usable = false;  // a copy of another object or a constructor's arguments
    return facts;
  }
  // The initialiser's elements, by the field each sets: designated (.f = v) or by place.
  facts.listed = true;
  const std::optional<std::vector<Field>>* fields = nullptr;
  const auto field_list = [&]() -> const std::vector<Field>* {
    if (fields == nullptr) fields = &record_fields(variable.name);
    return fields->has_value() ? &**fields : nullptr;
  };
  size_t place = 0;
  std::unordered_map<size_t, size_t> place_of;  // a field's place by its name, once a designator needs it
  const size_t close = variable.value.end - 1;
  for (size_t k = variable.value.begin + 1; k < close;) {
    size_t end = k;
    while (end < close && !toks[end].is(",")) end = is_opener(toks[end]) && syntax_.match(end) < close ? syntax_.match(end) + 1 : end + 1;
    if (toks[k].is(".") && k + 2 < end && toks[k + 1].kind == TokenKind::identifier && toks[k + 2].is("=")) {
      facts.elements[toks[k + 1].name] = {k + 3, end};
      // A field by place after a designated one is the next field in the struct.
      place = SIZE_MAX;
      if (end < close && !toks[end + 1].is(".") && field_list() != nullptr) {
        if (place_of.empty())
          for (size_t i = 0; i < (*fields)->size(); ++i) place_of.try_emplace(toks[(**fields)[i].name].name, i);
        if (const auto p = place_of.find(toks[k + 1].name); p != place_of.end()) place = p->second + 1;
      }
    } else if (toks[k].is("[")) {  // an array's designator: not a struct's list
      facts.usable = false;
      return facts;
    } else {
      const auto* list = field_list();
      // Without braces an array's elements would fill the fields after it too.
      if (list == nullptr || place >= list->size() || ((*list)[place].array && !toks[k].is("{"))) {
        facts.usable = false;
        return facts;
      }
      facts.elements[toks[(*list)[place].name].name] = {k, end};
      ++place;
    }
    k = end + 1;
  }
  // Fields the list leaves out are zero, when the file shows the struct has nothing else to set
  // them (a C++ default member initialiser would).
  facts.unlisted_zero = field_list() != nullptr;
  return facts;
}

Value FileValues::variable_field(size_t at, int function, size_t field, std::optional<size_t> passed_at,
                                 int depth) const {
  const auto variables = visible(tokens()[at].text, function);
  if (variables.size() != 1) return Value{};
  const Binding& variable = *variables.front();
  const auto& passed = member_facts(variable).passed;
  if (std::any_of(passed.begin(), passed.end(), [&](size_t k) { return k != passed_at; })) return Value{};
  return variable.form == BindingForm::parameter ? parameter_field(variable, field, depth)
                                                 : field_value(variable, field, depth);
}

Value FileValues::field_value(const Binding& variable, size_t field, int depth) const {
  if (variable.form != BindingForm::declaration || variable.is_extern || variable.is_array) return Value{};
  const auto key = std::make_pair(variable.name, field);
  if (const auto known = member_values_.find(key); known != member_values_.end()) return known->second;
  Value& answer = member_values_[key];
  const MemberFacts& facts = member_facts(variable);
  if (!facts.usable || facts.unsettled.contains(field)) return answer;
  const auto w = facts.writes.find(field);
  // The last clear of the whole and the last store of this field before anything reads the
  // variable: the later of them in the function's own block hides the stores before it, the
  // initialiser's element among them. Only the last of each is asked (a hostile function may
  // clear one variable a hundred thousand times in branches).
  size_t hiding = 0;
  const auto hides = [&](std::span<const size_t> stores) {
    const auto last = std::lower_bound(stores.begin(), stores.end(), facts.first_read);
    if (last == stores.begin()) return;
    const size_t k = *std::prev(last);
    if (k > hiding && function_at(k) == variable.function && in_body_block(statement(k).begin, variable.function))
      hiding = k;
  };
  if (variable.function >= 0) {
    hides(facts.zero_fills);
    if (w != facts.writes.end()) hides(w->second);
  }
  std::vector<Value> values;
  if (facts.listed && hiding == 0) {
    if (const auto e = facts.elements.find(field); e != facts.elements.end()) {
      values.push_back(resolve_at(e->second, variable.function, depth + 1));
      if (!still_bound(values.back(), variable.function, variable.name)) return answer;
    } else if (facts.unlisted_zero) {
      Value zero;
      zero.kind = Value::Kind::integer;
      zero.token = variable.value.begin;
      values.push_back(zero);
    } else {
      return answer;
    }
  }
  // The clears not hidden, all of them zero: one value stands for them.
  if (const auto clear = std::lower_bound(facts.zero_fills.begin(), facts.zero_fills.end(), hiding);
      clear != facts.zero_fills.end()) {
    Value zero;
    zero.kind = Value::Kind::integer;
    zero.token = *clear;
    values.push_back(zero);
  }
  if (w != facts.writes.end())
    for (size_t op : w->second) {
      if (op < hiding) continue;
      // A variable's value as it was at the store (not the one it was declared with when a
      // call filled it since: getrandom(&seed, …); o.seed = seed;).
      values.push_back(resolve_at(value_after(op, statements()), function_at(op), depth + 1));
      if (!still_bound(values.back(), function_at(op), op)) return answer;
    }
  if (values.empty()) return answer;
  for (const Value& v : values)
    if (v.is(Value::Kind::unknown) || !v.same_as(values.front())) return answer;
  answer = values.front();
  return answer;
}

}  // namespace mdbc::source
