// The expressions a value may come from across one file's functions (value_origins.h).
#include "inspect/source/value_origins.h"

#include <algorithm>
#include <array>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/cross_file.h"
#include "inspect/source/value_tokens.h"

namespace mdbc::source {
namespace {

// A function's callers and return statements past these counts are not followed: a hostile file
// may call one function from a hundred thousand places.
constexpr size_t max_callers = 16;
constexpr size_t max_returns = 8;
// settled() follows origins this deep and visits this many expressions per question.
constexpr int max_settle_depth = 8;
constexpr size_t max_settle_steps = 64;
// A container's methods that change nothing (its iterators, its size, a search).
constexpr std::array<std::string_view, 12> container_queries{"begin", "end",  "cbegin", "cend",  "rbegin", "rend",
                                                              "size",  "empty", "length", "find", "count",  "contains"};

bool stores_value(const Binding& b) {
  return !b.value.empty() && (b.form == BindingForm::declaration || b.form == BindingForm::assignment ||
                              b.form == BindingForm::element);
}

// Element `index` of the braced list from '{' to its '}' (the range `list`), or an empty range when
// the list is shorter or designates its elements (`[2] = …`, `.name = …`).
TokenRange list_element(const Syntax& syntax, std::span<const Token> toks, TokenRange list, int64_t index) {
  int64_t at = 0;
  const size_t close = list.end - 1;
  for (size_t k = list.begin + 1, begin = k; k <= close && index >= 0; ++k) {
    if (k < close && value_tokens::is_opener(toks[k])) {
      k = syntax.match(k);
      if (k >= close) return {};
      continue;
    }
    if (k < close && !toks[k].is(",")) continue;
    if (at++ == index) return begin == k || toks[begin].is("[") || toks[begin].is(".") ? TokenRange{} : TokenRange{begin, k};
    begin = k + 1;
  }
  return {};
}

uint64_t arguments_key(int fn, size_t index) {
  return (static_cast<uint64_t>(fn) << 8) | std::min<size_t>(index, 0xff);
}

// Whether a binding makes a variable (rather than writing one).
bool declares(const Binding* b) {
  return b->form == BindingForm::declaration || b->form == BindingForm::parameter || b->form == BindingForm::macro;
}

}  // namespace

ValueOrigins::ValueOrigins(const SourceFile& file) : file_(file), toks_(file.tokens), values_(file.values()) {}
ValueOrigins::~ValueOrigins() = default;

void ValueOrigins::add(std::vector<Origin>& out, TokenRange range, int function, const Call* call) const {
  if (out.size() < max_origins && !range.empty()) out.push_back({range, function, call});
}

const std::vector<Origin>& ValueOrigins::of_name(size_t at, int function) {
  static const std::vector<Origin> none;
  if (at > 0 && (toks_[at - 1].is(".") || toks_[at - 1].is("->"))) return none;  // s.field: followed through s
  const bool called = at + 1 < toks_.size() && toks_[at + 1].is("(") && values_.call_at(at) != nullptr;
  const uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(function + 1)) << 33) |
                       (static_cast<uint64_t>(toks_[at].name) << 1) | (called ? 1 : 0);
  if (const auto it = names_.find(key); it != names_.end()) return it->second;
  std::vector<Origin>& out = names_[key];
  const std::string_view name = toks_[at].text;
  const auto seen = values_.visible(name, function);
  bool file_scope = false, declared = false;
  for (const Binding* b : seen) {
    declared = declared || declares(b);
    if (stores_value(*b)) add(out, b->value, b->function);
    if (b->form == BindingForm::parameter && b->function == function && function >= 0) {
      const auto index = parameter_position(values_, file_.syntax.functions()[static_cast<size_t>(function)], name);
      if (index)
        for (const Origin& o : arguments(function, *index)) add(out, o.range, o.function, o.call);
    }
    // Not a constant (a `const char *p;` the file assigns points to constant characters).
    file_scope = file_scope || (b->function < 0 && b->form == BindingForm::declaration && (!b->is_const || b->value.empty()));
  }
  if (file_scope)
    for (const Origin& o : global_stores(name)) add(out, o.range, o.function);
  if (function >= 0) {
    for (const Store& s : stores_into(values_, function, name))
      if (s.through_member) add(out, s.value, function);
    if (!declared) {  // a member of the method's class
      const std::string_view cls = method_class(file_, function);
      if (!cls.empty())
        for (const Origin& o : member_stores(cls, name)) add(out, o.range, o.function);
    }
  }
  if (called)
    if (const FunctionDef* def = values_.definition(name))
      for (const Origin& o : returns(static_cast<int>(def - file_.syntax.functions().data()))) add(out, o.range, o.function);
  return out;
}

const std::vector<Origin>& ValueOrigins::global_stores(std::string_view name) {
  if (const auto it = globals_.find(name); it != globals_.end()) return it->second;
  std::vector<Origin>& out = globals_[name];
  for (const Binding* b : values_.bindings(name)) {
    if (out.size() >= max_origins) break;
    if (b->function < 0 || b->form != BindingForm::assignment || b->value.empty()) continue;
    const auto own = values_.visible(name, b->function);
    const bool shadowed =
        std::any_of(own.begin(), own.end(), [&](const Binding* o) { return o->function == b->function && declares(o); });
    if (!shadowed) out.push_back({b->value, b->function});
  }
  return out;
}

const std::vector<Origin>& ValueOrigins::arguments(int fn, size_t index) {
  const uint64_t key = arguments_key(fn, index);
  if (const auto it = arguments_.find(key); it != arguments_.end()) return it->second;
  std::vector<Origin>& out = arguments_[key];
  const FunctionDef& def = file_.syntax.functions()[static_cast<size_t>(fn)];
  const std::string_view name = toks_[def.name].text;
  const std::string_view cls = method_class(file_, fn);
  size_t callers = 0;
  const auto take = [&](const Call& c) {
    if (++callers <= max_callers && c.macro.empty() && c.function >= 0 && index < c.args.size())
      out.push_back({{c.args[index].first, c.args[index].second}, c.function, &c});
    else
      incomplete_.insert(key);
  };
  // Direct calls tell a function apart by name only: a free function's when the file defines
  // that name once; a method's within the file's calls of that name.
  if (!cls.empty() || values_.definition(name) == &def) {
    for (const size_t k : values_.occurrences(name)) {
      if (k == def.name) continue;
      if (const Call* c = values_.call_at(k)) {
        take(*c);
      } else if (const Call* t = template_call(k)) {
        take(*t);
      } else if (const size_t pointer = function_pointer_initialised_with(values_, k); pointer < toks_.size()) {
        const int holder = values_.function_at(pointer);
        for (const size_t p : values_.occurrences(toks_[pointer].text))
          if (const Call* c = values_.call_at(p); c != nullptr && c->function == holder) take(*c);
      }
    }
  }
  if (!cls.empty()) {
    const uint64_t own = method_key(cls, name);
    for (const Call& c : members()) {
      if (toks_[c.name].text != name) continue;
      const uint64_t target = targets_->of(c, true);
      if (target == 0 || target == own) take(c);
    }
  }
  return out;
}

const Call* ValueOrigins::template_call(size_t k) {
  // The template's argument list: `<` to its `>`, a bounded walk (a `>>` closes two).
  constexpr size_t longest_arguments = 64;
  if (k + 1 >= toks_.size() || !toks_[k + 1].is("<")) return nullptr;
  if (const auto made = template_call_at_.find(k); made != template_call_at_.end()) return made->second;
  size_t open = toks_.size();
  for (size_t q = k + 1, angles = 0; q < toks_.size() && q - k < longest_arguments; ++q) {
    if (toks_[q].is("<")) ++angles;
    else if (toks_[q].is(">")) --angles;
    else if (toks_[q].is(">>")) angles -= std::min<size_t>(angles, 2);
    else if (toks_[q].is(";") || toks_[q].is("{") || toks_[q].is("}")) return nullptr;
    if (angles == 0) {
      open = q + 1;
      break;
    }
  }
  const int function = values_.function_at(k);
  if (open >= toks_.size() || !toks_[open].is("(") || function < 0) return nullptr;
  auto call = call_opened_at(file_, k, open, function);
  const Call* kept = call ? &template_calls_.emplace_back(std::move(*call)) : nullptr;
  template_call_at_.emplace(k, kept);
  return kept;
}

const std::vector<Origin>& ValueOrigins::parameter_arguments(int fn, std::string_view parameter) {
  static const std::vector<Origin> none;
  const auto index = parameter_position(values_, file_.syntax.functions()[static_cast<size_t>(fn)], parameter);
  if (!index) return none;
  const auto& passed = arguments(fn, *index);
  return incomplete_.contains(arguments_key(fn, *index)) ? none : passed;
}

const std::vector<Origin>& ValueOrigins::returns(int fn) {
  if (const auto it = returns_.find(fn); it != returns_.end()) return it->second;
  std::vector<Origin>& out = returns_[fn];
  const FunctionDef& def = file_.syntax.functions()[static_cast<size_t>(fn)];
  for (size_t k = def.body_open; k < def.body_close && k < toks_.size() && out.size() < max_returns; ++k) {
    if (!toks_[k].is_ident("return")) continue;
    const TokenRange statement = values_.statement(k);
    TokenRange value{k + 1, statement.end};
    if (value.end > value.begin && toks_[value.end - 1].is(";")) --value.end;
    if (!value.empty()) out.push_back({value, fn});
  }
  return out;
}

const std::vector<Origin>& ValueOrigins::member_stores(std::string_view cls, std::string_view name) {
  const auto key = std::pair{cls, name};
  if (const auto it = member_stores_.find(key); it != member_stores_.end()) return it->second;
  std::vector<Origin>& out = member_stores_[key];
  if (!methods_found_) {
    methods_found_ = true;
    for (size_t g = 0; g < file_.syntax.functions().size(); ++g)
      if (const std::string_view owner = method_class(file_, static_cast<int>(g)); !owner.empty())
        methods_[owner].push_back(static_cast<int>(g));
  }
  const auto methods = methods_.find(cls);
  if (methods == methods_.end()) return out;
  for (const int g : methods->second) {
    if (out.size() >= max_origins) break;
    const auto own = values_.visible(name, g);
    if (std::any_of(own.begin(), own.end(), declares)) continue;  // the method's own variable of that name
    for (const Binding* b : values_.bindings_in(g))
      if (b->function == g && b->form == BindingForm::assignment && !b->value.empty() && toks_[b->name].text == name)
        add(out, b->value, g);
    const FunctionDef& def = file_.syntax.functions()[static_cast<size_t>(g)];
    if (toks_[def.name].text == cls && !(def.name > 0 && toks_[def.name - 1].is("~")))
      for (const Initialiser& entry : file_.syntax.initialisers(def))
        if (toks_[entry.name].text == name) add(out, {entry.open + 1, entry.close}, g);
  }
  return out;
}

Value ValueOrigins::settled(TokenRange r, int function) {
  const uint64_t key = (static_cast<uint64_t>(r.begin) << 32) | static_cast<uint32_t>(r.end);
  if (const auto it = settled_.find(key); it != settled_.end()) return it->second;
  size_t steps = 0;
  Value v = settle(r, function, 0, steps);
  settled_.emplace(key, v);
  return v;
}

Value ValueOrigins::settle(TokenRange r, int function, int depth, size_t& steps) {
  Value v = values_.resolve(r, function);
  const TokenRange s = values_.strip(r);
  const bool name = s.size() == 1 && toks_[s.begin].kind == TokenKind::identifier;
  if (name && function >= 0 && address_given(function, toks_[s.begin].text)) return Value{};
  // A name the function does not bind resolves to itself: a header's constant, or a member of
  // the method's class that the walk below finds stores of.
  const bool itself = name && v.is(Value::Kind::symbol) && v.text == toks_[s.begin].text;
  if (!(v.is(Value::Kind::unknown) || itself) || depth >= max_settle_depth || ++steps > max_settle_steps) return v;
  // The object the expression reads: a name, a part of one (s.field, arr[2], v.back(), *p), or a
  // call of a function of the file (its returns).
  size_t base = object_read_from(values_, s);
  const bool part = base < toks_.size();
  if (!part) {
    const Call* call = s.empty() ? nullptr : values_.call_at(s.begin);
    if (!name && !(call != nullptr && call->close + 1 == s.end)) return v;
    base = s.begin;
  }
  const auto& origins = of_name(base, function);
  if (origins.empty()) return v;
  if (origins.size() >= max_origins) return Value{};  // perhaps not all of them
  if (function >= 0) {
    const std::string_view object = toks_[base].text;
    if (writes(function, object).changed) return Value{};
    // An object read or filled through its parts may also change where the file does not say.
    const auto& stores = stores_into(values_, function, object);
    const bool filled = std::any_of(stores.begin(), stores.end(), [](const Store& st) { return st.through_member; });
    if ((part || filled) && left_open(function, object)) return Value{};
  }
  const Binding* hiding = hiding_store(base, function);
  std::optional<Value> agreed;
  for (const Origin& o : origins) {
    // Hidden: what the function stored before, the file-scope initialiser, the callers' arguments.
    if (hiding != nullptr && (o.call != nullptr || o.function < 0 ||
                              (o.function == function && o.range.begin < hiding->value.begin)))
      continue;
    Value ov = settle(o.range, o.function, depth + 1, steps);
    if (ov.is(Value::Kind::unknown) || (agreed && !agreed->same_as(ov))) return Value{};
    if (!agreed) agreed = std::move(ov);
  }
  return agreed.value_or(Value{});
}

Value ValueOrigins::settled_element(TokenRange r, int function, int64_t index) {
  const auto key = std::tuple{r.begin, r.end, index};
  if (const auto it = settled_elements_.find(key); it != settled_elements_.end()) return it->second;
  size_t steps = 0;
  Value v = settle_element(r, function, index, true, 0, steps);
  settled_elements_.emplace(key, v);
  return v;
}

Value ValueOrigins::settle_element(TokenRange r, int function, int64_t index, bool whole, int depth, size_t& steps) {
  if (depth >= max_settle_depth || ++steps > max_settle_steps) return Value{};
  const TokenRange s = values_.strip(r);
  if (s.empty()) return Value{};
  if (toks_[s.begin].is("{") && file_.syntax.match(s.begin) + 1 == s.end) {
    const TokenRange element = list_element(file_.syntax, toks_, s, index);
    return whole && !element.empty() ? settle(element, function, depth + 1, steps) : Value{};
  }
  // The array read whole (a name), or out of an object whose parts hold arrays (s.field, v[2],
  // *p), or given back by a call of a function of the file (its returns).
  const bool name = s.size() == 1 && toks_[s.begin].kind == TokenKind::identifier;
  size_t base = name ? s.begin : object_read_from(values_, s);
  const bool part = !name && base < toks_.size();
  if (!name && !part) {
    const Call* call = values_.call_at(s.begin);
    if (call == nullptr || call->close + 1 != s.end) return Value{};
    base = s.begin;
  }
  const bool parts = part || !whole;  // the base's stores into its parts give whole arrays
  // *p for p = &argv: the array itself.
  const bool pointee = part && toks_[s.begin].is("*") && s.size() == 2;
  const auto& origins = of_name(base, function);
  if (origins.empty() || origins.size() >= max_origins) return Value{};
  const std::string_view object = toks_[base].text;
  std::vector<const Binding*> elements;  // the function's stores of the name's elements
  if (function >= 0) {
    const Writes& w = writes(function, object);
    if (w.changed) return Value{};
    const auto& stores = stores_into(values_, function, object);
    const bool filled = std::any_of(stores.begin(), stores.end(), [](const Store& st) { return st.through_member; });
    if ((part || filled) && left_open(function, object)) return Value{};
    for (const Binding* b : w.stores)
      if (stored_element(*b)) elements.push_back(b);
  }
  const Binding* hiding = hiding_store(base, function, parts ? std::nullopt : std::optional{index});
  std::optional<Value> agreed;
  for (const Origin& o : origins) {
    if (hiding != nullptr && (o.call != nullptr || o.function < 0 ||
                              (o.function == function && o.range.begin < hiding->value.begin)))
      continue;
    const auto stored = std::find_if(elements.begin(), elements.end(), [&](const Binding* b) {
      return b->value.begin == o.range.begin && b->value.end == o.range.end;
    });
    Value ov;
    if (stored != elements.end() && !parts) {
      if (stored_element(**stored) != index) continue;
      ov = settle(o.range, o.function, depth + 1, steps);
    } else {
      // A store into a part holds a whole array; anything else is the object itself.
      bool into_part = stored != elements.end();
      if (!into_part && o.function >= 0) {
        const auto& into = stores_into(values_, o.function, object);
        into_part = std::any_of(into.begin(), into.end(), [&](const Store& st) { return st.value.begin == o.range.begin; });
      }
      const Value held = values_.resolve(o.range, o.function);
      if (held.is(Value::Kind::null) || held.is_integer(0)) continue;  // no array: no element
      const bool address = pointee && toks_[o.range.begin].is("&");
      ov = settle_element(o.range, o.function, index, into_part || address || !parts, depth + 1, steps);
    }
    if (ov.is(Value::Kind::unknown) || (agreed && !agreed->same_as(ov))) return Value{};
    if (!agreed) agreed = std::move(ov);
  }
  return agreed.value_or(Value{});
}

std::optional<int64_t> ValueOrigins::stored_element(const Binding& b) const {
  const size_t open = b.name + 1;
  if (b.form != BindingForm::element || open >= toks_.size() || !toks_[open].is("[")) return std::nullopt;
  const size_t close = file_.syntax.match(open);
  if (close >= toks_.size() || close <= open) return std::nullopt;
  const Value at = values_.resolve({open + 1, close}, b.function);
  if (!at.is(Value::Kind::integer)) return std::nullopt;
  return at.integer;
}

const ValueOrigins::Writes& ValueOrigins::writes(int function, std::string_view name) {
  const auto [it, fresh] = writes_.try_emplace({function, name});
  if (fresh)
    for (const Binding* b : values_.visible(name, function)) {
      if (b->function != function || b->form == BindingForm::parameter) continue;
      it->second.stores.push_back(b);
      it->second.changed = it->second.changed || b->form == BindingForm::compound;
    }
  return it->second;
}

bool ValueOrigins::address_given(int function, std::string_view name) {
  const auto [known, fresh] = address_given_.try_emplace({function, name}, false);
  if (!fresh) return known->second;
  const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(function)];
  for (const Call* c : values_.calls_taking(name, function, f.body_open, f.body_close)) {
    // A function of the file given the address (sink(&data)): the walk follows the pointer into
    // it as a parameter; what it may write back is not looked at here.
    if (values_.definition(toks_[c->name].text) != nullptr) continue;
    for (const auto& [begin, end] : c->args)
      for (size_t k = begin; k + 1 < end; ++k)  // &name, (BYTE *)&name, (&name)
        if (toks_[k].is("&") && toks_[k + 1].text == name && (k == begin || toks_[k - 1].is(")") || toks_[k - 1].is("(")))
          return known->second = true;
  }
  return false;
}

bool ValueOrigins::left_open(int function, std::string_view name) {
  using value_tokens::is_opener;
  const auto [known, fresh] = left_open_.try_emplace({function, name}, false);
  if (!fresh) return known->second;
  const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(function)];
  const auto named = values_.occurrences(name);
  const auto& stores = stores_into(values_, function, name);
  for (auto at = std::upper_bound(named.begin(), named.end(), f.body_open); at != named.end() && *at < f.body_close;
       ++at) {
    const size_t k = *at;
    const Token& before = toks_[k - 1];
    if (before.is(".") || before.is("->") || before.is("::")) continue;  // another object's member
    // Its address or a part's taken (load(&o), read(&o.peer)), or a part stepped (++o.n).
    bool open = before.is("&") || before.is("++") || before.is("--");
    size_t e = k + 1;
    for (size_t steps = 0; e + 1 < f.body_close && steps < value_tokens::max_walk; ++steps) {
      if (toks_[e].is("[") && file_.syntax.match(e) < f.body_close) e = file_.syntax.match(e) + 1;
      else if ((toks_[e].is(".") || toks_[e].is("->")) && toks_[e + 1].kind == TokenKind::identifier) e += 2;
      else break;
    }
    const bool through_part = e > k + 1;
    if (through_part && toks_[e].is("(") && (toks_[e - 2].is(".") || toks_[e - 2].is("->"))) {
      // A method called on it: an element read (v.back()) or a store the walk follows
      // (v.push_back(x)), or else a change it does not see (o.load()).
      const size_t close = file_.syntax.match(e);
      const bool read = object_read_from(values_, {k, close + 1}) == k || value_tokens::in(container_queries, toks_[e - 1].text);
      const bool store = std::any_of(stores.begin(), stores.end(), [&](const Store& st) { return st.value.end == close; });
      open = open || !(read || store);
    } else if (through_part) {  // o.n++, o.n += 2
      const Token& op = toks_[e];
      open = open || op.is("++") || op.is("--") ||
             (op.kind == TokenKind::punct && op.text.size() >= 2 && op.text.back() == '=' && !op.is("==") &&
              !op.is("!=") && !op.is("<=") && !op.is(">="));
    }
    if (open) return known->second = true;
  }
  return false;
}

const Binding* ValueOrigins::hiding_store(size_t use, int function, std::optional<int64_t> element) {
  using value_tokens::is_opener;
  if (function < 0) return nullptr;
  const auto& all = writes(function, toks_[use].text).stores;
  std::vector<const Binding*> other_elements_aside;
  if (element)
    for (const Binding* b : all)
      if (b->form != BindingForm::element || stored_element(*b) == element) other_elements_aside.push_back(b);
  const auto& stores = element ? other_elements_aside : all;
  // The last store before the use, and none after it (a loop could bring a later one back).
  const auto after = std::upper_bound(stores.begin(), stores.end(), use,
                                      [](size_t k, const Binding* b) { return k < b->name; });
  if (after == stores.begin() || after != stores.end()) return nullptr;
  const Binding* last = *(after - 1);
  const bool whole_store = last->form == BindingForm::declaration || last->form == BindingForm::assignment;
  if (last->value.empty() || !(whole_store || (element && last->form == BindingForm::element))) return nullptr;
  // A statement of its own (not the body of an unbraced if, else or loop), in a block that holds
  // the use: no brace closes between them but a plain block's (`{ char *p = …; data = p; }`), which
  // runs whenever the statements around it do.
  const auto own_statement = [&](size_t begin) {
    return begin > 0 && (toks_[begin - 1].is(";") || toks_[begin - 1].is("{") || toks_[begin - 1].is("}"));
  };
  if (!own_statement(values_.statement(last->name).begin)) return nullptr;
  for (size_t k = last->value.end, steps = 0; k < use; ++k) {
    if (++steps > value_tokens::max_walk) return nullptr;
    if (toks_[k].is("}") && !(file_.syntax.match(k) < k && own_statement(file_.syntax.match(k)))) return nullptr;
    if (is_opener(toks_[k]) && file_.syntax.match(k) < use) k = file_.syntax.match(k);
  }
  return last;
}

const std::vector<Call>& ValueOrigins::members() {
  if (!members_) {
    members_ = member_calls(file_);
    targets_.emplace(file_);
  }
  return *members_;
}

}  // namespace mdbc::source
