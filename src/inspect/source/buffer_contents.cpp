#include "inspect/source/buffer_contents.h"

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "inspect/source/call_targets.h"
#include "inspect/source/format_functions.h"
#include "inspect/source/value_tokens.h"

namespace mdbc::source {
namespace {

using value_tokens::in;
using value_tokens::is_closer;
using value_tokens::is_opener;

constexpr size_t max_names = 8;        // the name, the arrays it points to, pointers made from it
constexpr size_t max_walk_back = 256;  // tokens walked to find the call around a use, a store's value
// Uses of a name in one function walked to judge what it holds: each read of the name walks them
// all (its bindings too), so a body reading one buffer at thousands of calls would be quadratic.
// Past this the contents are unknown.
constexpr size_t max_uses = 256;

// Calls that write into argument `dest`: a copy from argument `source`, or a constant fill
// (`source` = none). Arguments other than `dest` are only read.
constexpr uint8_t none = 0xff;
struct Writer {
  std::string_view name;
  uint8_t dest, source;
};
constexpr std::array<Writer, 41> writers{{
    {"strcpy", 0, 1},    {"wcscpy", 0, 1},     {"strncpy", 0, 1},    {"wcsncpy", 0, 1},    {"strcat", 0, 1},
    {"wcscat", 0, 1},    {"strncat", 0, 1},    {"wcsncat", 0, 1},    {"strlcpy", 0, 1},    {"strlcat", 0, 1},
    {"lstrcpyA", 0, 1},  {"lstrcpyW", 0, 1},   {"lstrcpy", 0, 1},    {"lstrcatA", 0, 1},   {"lstrcatW", 0, 1},
    {"_tcscpy", 0, 1},   {"_tcsncpy", 0, 1},   {"_tcscat", 0, 1},    {"memcpy", 0, 1},     {"memmove", 0, 1},
    {"wmemcpy", 0, 1},   {"wmemmove", 0, 1},   {"strcpy_s", 0, 2},   {"wcscpy_s", 0, 2},   {"strcat_s", 0, 2},
    {"wcscat_s", 0, 2},  {"strncpy_s", 0, 2},  {"wcsncpy_s", 0, 2},  {"memcpy_s", 0, 2},   {"memmove_s", 0, 2},
    {"memset", 0, none}, {"wmemset", 0, none}, {"bzero", 0, none},   {"explicit_bzero", 0, none},
    {"ZeroMemory", 0, none}, {"SecureZeroMemory", 0, none}, {"RtlZeroMemory", 0, none},
    {"RtlSecureZeroMemory", 0, none}, {"memset_s", 0, none}, {"FillMemory", 0, none}, {"free", 0, none},
}};

// Calls that only read their arguments from `first` on (the ones before are destinations).
struct Reader {
  std::string_view name;
  uint8_t first;
};
constexpr std::array<Reader, 30> readers{{
    {"strlen", 0},   {"wcslen", 0},   {"strnlen", 0},   {"wcsnlen", 0},   {"lstrlenA", 0},   {"lstrlenW", 0},
    {"lstrlen", 0},  {"strcmp", 0},   {"wcscmp", 0},    {"strncmp", 0},   {"wcsncmp", 0},    {"memcmp", 0},
    {"puts", 0},     {"fputs", 0},    {"fputws", 0},    {"_putws", 0},    {"printf", 0},     {"wprintf", 0},
    {"fprintf", 1},  {"fwprintf", 1}, {"sprintf", 1},   {"snprintf", 2},  {"_snprintf", 2},  {"swprintf", 2},
    {"_snwprintf", 2}, {"OutputDebugStringA", 0}, {"OutputDebugStringW", 0}, {"OutputDebugString", 0},
    {"strdup", 0},   {"wcsdup", 0},
}};

// Member functions that read an element out of a container (v.back(), m.at(0)).
constexpr std::array<std::string_view, 4> accessors{"front", "back", "at", "top"};
// Member functions that store their last argument into a container.
constexpr std::array<std::string_view, 9> storing_calls{"push_back", "push_front", "emplace_back", "emplace_front",
                                                        "insert",    "emplace",    "push",         "append",
                                                        "assign"};

// Expressions that give fresh storage rather than contents.
constexpr std::array<std::string_view, 7> allocators{"malloc", "calloc", "alloca", "_alloca", "ALLOCA", "new",
                                                     "_malloca"};

// The record (class, struct, union) whose body directly holds token k, or "". Each token walked
// back is added to `steps`.
std::string_view record_holding(const FileValues& values, size_t k, size_t& steps) {
  const auto t = values.tokens();
  if (!values.in_record(k)) return {};
  // The record's '{', back over the class's other members (bracketed groups stepped over), then its head.
  for (size_t p = k, walked = 0; p > 0 && walked < value_tokens::max_walk; ++walked, ++steps) {
    --p;
    if (is_closer(t[p])) {
      const size_t open = values.syntax().match(p);
      if (open >= p) return {};
      p = open;
      continue;
    }
    if (!t[p].is("{")) continue;
    const size_t record = values.syntax().record_name(p);
    return record < t.size() ? t[record].text : std::string_view{};
  }
  return {};
}

// The class a member function belongs to: X for a definition X::f, X::X or X::~X outside the
// class, the class or struct whose body holds an in-class definition; "" for a free function. A
// namespace's function (ns::f) passes for a class's: no constructor of ns is ever found for it.
std::string_view class_of(const FileValues& values, const FunctionDef& f, size_t& steps) {
  const auto t = values.tokens();
  size_t k = f.name;
  if (k >= 1 && t[k - 1].is("~")) --k;
  if (k >= 2 && t[k - 1].is("::")) return t[k - 2].kind == TokenKind::identifier ? t[k - 2].text : std::string_view{};
  if (!values.in_record(f.name)) return {};
  return record_holding(values, k, steps);
}

// Whether a definition of class `derived` in the file may name `base` among its bases: `base`
// appears between `class derived` and its '{'. Each token walked is added to `steps`.
bool may_derive(const FileValues& values, std::string_view derived, std::string_view base, size_t& steps) {
  const auto t = values.tokens();
  for (const size_t k : values.occurrences(derived)) {
    if (k == 0 || !(t[k - 1].is_ident("class") || t[k - 1].is_ident("struct"))) continue;
    for (size_t p = k + 1, walked = 0; p < t.size() && walked < value_tokens::max_walk; ++p, ++walked, ++steps) {
      if (t[p].is("{") || t[p].is(";")) break;
      if (t[p].kind == TokenKind::identifier && t[p].text == base) return true;
    }
  }
  return false;
}

bool is_constructor(std::span<const Token> t, const FunctionDef& f, std::string_view cls) {
  return t[f.name].text == cls && !(f.name > 0 && t[f.name - 1].is("~"));
}

// The top-level arguments of the bracketed group opened at `open` (a call's or a construction's).
std::vector<TokenRange> arguments_in(const FileValues& values, size_t open) {
  std::vector<TokenRange> out;
  const auto t = values.tokens();
  const size_t close = values.syntax().match(open);
  if (close >= t.size() || close <= open) return out;
  size_t begin = open + 1;
  for (size_t k = open + 1; k <= close; ++k) {
    if (k < close && is_opener(t[k]) && values.syntax().match(k) < close) {
      k = values.syntax().match(k);
      continue;
    }
    if (k < close && !t[k].is(",")) continue;
    if (k > begin) out.push_back({begin, k});
    begin = k + 1;
  }
  return out;
}

// Where a function of the file constructs an object of class `cls` with arguments: the '(' or
// '{' of `new X(…)`, `X(…)`, `X name(…)`, `X name{…}` at token k (an occurrence of the class's
// name), or tokens().size() for any other use of the name (X *p, X::f, ~X, `X name;`).
size_t construction_at(std::span<const Token> t, size_t k) {
  const size_t none = t.size();
  if (k + 2 >= t.size() || (k > 0 && t[k - 1].is("~"))) return none;
  const auto group = [](const Token& x) { return x.is("(") || x.is("{"); };
  if (group(t[k + 1])) return k + 1;
  if (t[k + 1].kind == TokenKind::identifier && !is_keyword(t[k + 1].text) && group(t[k + 2])) return k + 2;
  return none;
}

template <class T, size_t N>
const T* named(const std::array<T, N>& table, std::string_view name) {
  for (const auto& e : table)
    if (e.name == name) return &e;
  return nullptr;
}

class Contents {
 public:
  // Within `function`, apart from the tokens (skip_begin, skip_end) of the call that reads the
  // object; `passed_in`: a parameter whose incoming contents the caller vouches for; `level`: how
  // many functions away from the one asked about. Callers are followed from levels 0 and 1 (see
  // max_caller_level), the functions that set a static variable from level 0 only; a source helper
  // from any function but a helper.
  // `read_by`: at a deeper level, the level-0 call that reads the object, whose use of it is the
  // read asked about wherever the walk comes back to its function (a file-scope IV set by the
  // caller of the function that encrypts with it).
  Contents(const FileValues& values, int function, size_t skip_begin, size_t skip_end, std::string_view passed_in = {},
           int level = 0, TokenRange read_by = {})
      : values_(values), toks_(values.tokens()), function_(function), skip_begin_(skip_begin), skip_end_(skip_end),
        passed_in_(passed_in), level_(level), body_(values.syntax().functions()[static_cast<size_t>(function)]),
        read_by_(level == 0 ? TokenRange{skip_begin, skip_end} : read_by) {}

  std::optional<std::vector<std::string>> of(TokenRange arg) {
    const size_t base = alias_of(arg);
    if (base >= toks_.size()) return std::nullopt;
    read_field(arg, base);
    return of_name(toks_[base].text);
  }

  // How a member of the class this function is a method of (~BadSink() { printf(data); }) gets
  // its value in the file: the class, and the position of the constructor parameter that the
  // writes of the member store when they do not store literals (BadSink(char *c) : data(c) {}).
  // nullopt when the file writes it otherwise, nowhere, or is asked from a helper level.
  struct MemberSource {
    std::string_view cls;
    std::optional<size_t> parameter;
  };
  std::optional<MemberSource> member_source(std::string_view name) {
    if (level_ > 0) return std::nullopt;
    size_t steps = 0;
    const std::string_view cls = class_of(values_, body_, steps);
    if (cls.empty()) return std::nullopt;
    // Past the file's budget the member is unknown, as it was before members were followed.
    const auto spent = [&](size_t more) {
      const bool fits = values_.spend_member_work(steps + more);
      steps = 0;
      return !fits;
    };
    const auto& functions = values_.syntax().functions();
    MemberSource out{cls, std::nullopt};
    size_t writes = 0;
    // A value the member is given by `function` (-1: its declaration): a literal, fresh storage,
    // or in a constructor, one of its parameters (whose other uses there only read it).
    const auto judge = [&](int function, TokenRange value) {
      ++writes;
      const size_t from = function >= 0 ? alias_of(value) : toks_.size();
      if (from < toks_.size() && is_constructor(toks_, functions[static_cast<size_t>(function)], cls)) {
        const auto own = values_.visible(toks_[from].text, function);
        const bool parameter = !own.empty() && std::all_of(own.begin(), own.end(), [&](const Binding* b) {
          return b->form == BindingForm::parameter && b->function == function;
        });
        const auto index = parameter ? parameter_position(values_, functions[static_cast<size_t>(function)], toks_[from].text)
                                     : std::nullopt;
        if (!index || (out.parameter && *out.parameter != *index)) return false;
        out.parameter = index;
        return Contents(values_, function, 0, 0, {}, level_ + 1, read_by_).only_reads_or_copies(toks_[from].text);
      }
      return allocation(value) || literal_value(value, function);
    };
    const auto bindings = values_.bindings(name);
    // The functions with a variable or parameter of that name of their own: their writes are to it.
    std::vector<int> shadowing;
    // When the class declares the member itself, another class's plain writes of the name are to
    // its own member or one it inherits (badClass and goodClass each with its `data`), unless it
    // derives from this class. A member the class inherits may be written by its base.
    // A member no class of the file declares (the classes are in a header) is read the same way:
    // another class's methods write their own member of that name.
    bool declared_here = false, declared_in_file = false;
    for (const Binding* b : bindings) {
      if (b->function >= 0 && (b->form == BindingForm::declaration || b->form == BindingForm::parameter))
        shadowing.push_back(b->function);
      if (b->function < 0 && b->form == BindingForm::member) {
        declared_in_file = true;
        declared_here = declared_here || record_holding(values_, b->name, steps) == cls;
      }
    }
    for (const Binding* b : bindings) {
      if (b->function >= 0 && std::find(shadowing.begin(), shadowing.end(), b->function) != shadowing.end()) continue;
      if (b->function < 0) {  // the field's declaration, maybe with a default
        if (b->form != BindingForm::member) return std::nullopt;
        if (declared_here && record_holding(values_, b->name, steps) != cls) continue;
        if (!b->value.empty() && !judge(-1, b->value)) return std::nullopt;
        continue;
      }
      const std::string_view owner = class_of(values_, functions[static_cast<size_t>(b->function)], steps);
      if (spent(1)) return std::nullopt;
      if (owner != cls && (declared_here || !declared_in_file) && !owner.empty() && b->form == BindingForm::assignment &&
          !may_derive(values_, owner, cls, steps))
        continue;
      if (owner != cls) return std::nullopt;
      const bool through_this = b->form == BindingForm::member && b->name >= 2 && toks_[b->name - 1].is("->") &&
                                toks_[b->name - 2].is_ident("this");
      if ((b->form != BindingForm::assignment && !through_this) || b->value.empty() || !judge(b->function, b->value))
        return std::nullopt;
    }
    for (size_t g = 0; g < functions.size(); ++g) {
      const FunctionDef& f = functions[g];
      if (spent(1)) return std::nullopt;
      if (static_cast<int>(g) == function_ || class_of(values_, f, steps) != cls) continue;
      if (spent(f.body_close - std::min(f.body_close, f.name))) return std::nullopt;
      // A constructor's initialiser list: BadSink(char *c) : Base<T>(c), data{c} {}.
      if (is_constructor(toks_, f, cls))
        for (const Initialiser& entry : values_.syntax().initialisers(f))
          if (toks_[entry.name].text == name && !judge(static_cast<int>(g), {entry.open + 1, entry.close}))
            return std::nullopt;
      // The method's other uses of the member only read it or copy literals into it.
      Contents method(values_, static_cast<int>(g), 0, 0, {}, level_ + 1, read_by_);
      for (const Binding* b : bindings) method.bound_.insert(b->name);
      if (!method.only_reads_or_copies(name)) return std::nullopt;
      texts_.insert(texts_.end(), method.texts_.begin(), method.texts_.end());
    }
    if (writes == 0) return std::nullopt;
    return out;
  }

  // The global a store into which is being judged: its assignment from the buffer is that
  // store, not another name for the buffer to follow.
  void storing_into(std::string_view global) { stored_in_ = global; }

  std::optional<std::vector<std::string>> of_name(std::string_view name) {
    names_.push_back(name);
    // A use may name another object to follow (strcpy(out, line) copies what line holds): its
    // bindings are judged before the next use is.
    for (size_t judged = 0, used = 0; used < names_.size();) {
      for (; judged < names_.size(); ++judged) {
        if (names_.size() > max_names || !bindings_ok(names_[judged])) return std::nullopt;
        add_pointers_made_from(names_[judged]);
      }
      if (!uses_ok(names_[used++])) return std::nullopt;
    }
    return texts_;
  }

 private:
  // The name an expression points into when it is just a name (data, buf + n, &buf[0], (char *)p),
  // or else the object it is read out of (see object_read_from).
  size_t alias_of(TokenRange r) const {
    r = values_.strip(r);
    const size_t base = values_.base_name(r);
    if (base < toks_.size() && (toks_[base].is_ident("NULL") || toks_[base].is_ident("nullptr"))) return toks_.size();
    const size_t next = base + 1;
    // The name, then the end, an offset or a subscript: not `new char[100]`.
    const bool name = base < toks_.size() && !(next < toks_.size() && toks_[next].is("(")) &&
                      (base == r.begin || toks_[r.begin].is("&") || toks_[r.begin].is("(")) &&
                      (next >= r.end || toks_[next].is("+") || toks_[next].is("-") || toks_[next].is("[") ||
                       toks_[next].is(")"));
    return name ? base : object_read_from(values_, r);
  }

  // A field of a struct variable read (printf(m.text)) is storage of its own: the variable's uses
  // and stores through its other fields (fgets(m.name, …), m.count = n) write elsewhere. Only for
  // a variable of this function whose struct the file defines with plain fields (source_member_values.cpp):
  // a union's members, or a struct whose layout is unknown here, stay one storage.
  void read_field(TokenRange arg, size_t base) {
    const TokenRange r = values_.strip(arg);
    if (r.begin != base || r.size() != 3 || !toks_[base + 1].is(".") || toks_[base + 2].kind != TokenKind::identifier)
      return;
    const auto bindings = values_.visible(toks_[base].text, function_);
    if (bindings.size() != 1 || bindings.front()->function != function_ ||
        bindings.front()->form != BindingForm::declaration)
      return;
    if (!values_.plain_struct_field(bindings.front()->name, toks_[base + 2].text)) return;
    field_owner_ = toks_[base].text;
    field_ = toks_[base + 2].text;
  }

  // Whether the use of a name at token k is through another field than the one read (see read_field).
  bool other_field(size_t k) const {
    return !field_.empty() && toks_[k].text == field_owner_ && k + 2 < toks_.size() && toks_[k + 1].is(".") &&
           toks_[k + 2].text != field_ && !(k > 0 && (toks_[k - 1].is("&") || toks_[k - 1].is(".") || toks_[k - 1].is("->")));
  }

  bool followed(std::string_view name) const { return std::find(names_.begin(), names_.end(), name) != names_.end(); }

  void add_name(std::string_view name) {
    if (!followed(name)) names_.push_back(name);
  }

  bool literal_value(TokenRange value) { return literal_value(value, function_); }
  bool literal_value(TokenRange value, int function) {
    const Value v = values_.resolve(value, function);
    if (v.is(Value::Kind::string)) {
      if (!v.text.empty()) texts_.push_back(v.text);
      return true;
    }
    if (v.is(Value::Kind::null) || v.is_integer(0)) return true;
    if (v.is(Value::Kind::list)) {
      // A table of numbers (static const unsigned char iv[16] = {0x00, 0x01, …}) is as constant as a
      // string; its text is the list as written. A list naming anything else is not known.
      const ListFacts facts = values_.list_facts(v.list);
      if (facts.has_string || (!facts.all_zero && facts.numbers != facts.elements)) return false;
      if (!facts.all_zero) texts_.push_back(list_text(v.list));
      return true;
    }
    return false;
  }

  // The text of a braced list as written, its first elements only: "{0x2b, 0x7e, …}".
  std::string list_text(TokenRange braces) const {
    constexpr size_t shown = 48;
    std::string out;
    for (size_t k = braces.begin; k < braces.end && out.size() < shown; ++k)
      out.append(toks_[k].text).append(toks_[k].is(",") ? " " : "");
    return out.size() < shown ? out : out + "…";
  }

  bool allocation(TokenRange value) const {
    const TokenRange r = values_.strip(value);
    return !r.empty() && toks_[r.begin].kind == TokenKind::identifier &&
           std::find(allocators.begin(), allocators.end(), toks_[r.begin].text) != allocators.end();
  }

  // Whether every binding of the name seen from the function gives it a literal, fresh storage or
  // another name (followed in turn).
  bool bindings_ok(std::string_view name) {
    if (uses_in_function(name).size() > max_uses) return false;  // as uses_ok would find
    const auto bindings = values_.visible(name, function_);
    if (bindings.empty()) return member_ok(name);  // a member, or declared elsewhere (a header, another file)
    for (const Binding* b : bindings) {
      bound_.insert(b->name);
      if (b->form == BindingForm::parameter && b->function == function_ && name == passed_in_) continue;
      if (b->form == BindingForm::parameter && b->function == function_ && passed_by_every_caller(name)) continue;
      if (b->form == BindingForm::parameter || b->form == BindingForm::compound) return false;
      if (b->name > 0 && toks_[b->name - 1].is(">>")) return false;  // `std::cin >> data;` reads as a declaration
      // Any function, of any file, may write a global; only this file's functions a static one.
      if (b->function < 0 && b->form != BindingForm::macro && !b->is_const && !declared_static(toks_, b->name))
        return false;
      if (b->value.empty()) continue;
      if (b->form == BindingForm::element) {
        if (!values_.resolve(b->value, function_).is(Value::Kind::integer) && !stored_ok(b->value)) return false;
        continue;
      }
      if (const size_t other = alias_of(b->value); other < toks_.size()) {
        add_name(toks_[other].text);
        continue;
      }
      if (!allocation(b->value) && !literal_value(b->value) && !filled_by_helper(b->value)) return false;
    }
    if (!stores_into_ok(name)) return false;
    const bool file_scope = std::any_of(bindings.begin(), bindings.end(), [](const Binding* b) {
      return b->function < 0 && b->form != BindingForm::macro;
    });
    return !file_scope || (other_functions_assign_literals(name) && other_functions_only_read(name));
  }

  // A member of the class of this method: what its writes store, and for a constructor's
  // parameter, what every construction of the class in the file passes for it.
  bool member_ok(std::string_view name) {
    const auto source = member_source(name);
    if (!source) return false;
    return !source->parameter || constructed_with(source->cls, *source->parameter);
  }

  bool constructed_with(std::string_view cls, size_t index) {
    size_t constructions = 0;
    for (const size_t k : values_.occurrences(cls)) {
      const size_t open = construction_at(toks_, k);
      if (open >= toks_.size()) continue;
      if (!values_.spend_member_work(std::max(values_.syntax().match(open), open) - open + 1)) return false;
      const int function = values_.function_at(k);
      // At file scope: a global object (or a function returning one), whose arguments are not followed.
      if (function < 0) {
        if (open == k + 2) return false;
        continue;
      }
      const auto arguments = arguments_in(values_, open);
      if (index >= arguments.size()) return false;
      const auto inner =
          Contents(values_, function, open, values_.syntax().match(open), {}, level_ + 1, read_by_).of(arguments[index]);
      if (!inner) return false;
      texts_.insert(texts_.end(), inner->begin(), inner->end());
      ++constructions;
    }
    return constructions > 0;
  }

  // A value stored into an object (arr[2] = data, *p = data, u.first = data, v.push_back(data)):
  // a literal, fresh storage or another name, followed in turn.
  bool stored_ok(TokenRange value) {
    if (const size_t other = alias_of(value); other < toks_.size()) {
      add_name(toks_[other].text);
      return true;
    }
    return allocation(value) || literal_value(value);
  }

  // The stores into the object a name holds that are bindings of its members, not of the name
  // (its own element bindings are judged with the others).
  bool stores_into_ok(std::string_view name) {
    for (const Store& store : stores_into(values_, function_, name))
      if (store.through_member && !other_field(store.name) && (store.value.empty() || !stored_ok(store.value)))
        return false;
    return true;
  }

  // A file-scope variable may be assigned by any function of the file (configure() sets the
  // format that print_row() uses): those assignments must give it literals too. A function with
  // its own variable of that name does not touch this one.
  bool other_functions_assign_literals(std::string_view name) {
    for (const Binding* b : values_.bindings(name)) {
      if (b->function < 0 || b->function == function_ || b->form == BindingForm::member) continue;
      if (declares_own(name, b->function)) continue;
      if (b->form != BindingForm::assignment || b->value.empty()) return false;
      // `global = data;`: what data holds there, not the literal it was declared with.
      const bool names_storage = alias_of(b->value) < toks_.size();
      if (names_storage ? !contents_elsewhere(b->function, b->value) : !literal_value(b->value, b->function))
        return false;
    }
    return true;
  }

  // Nor may another function write into it otherwise: copy into it (strcpy(buf, x) in
  // set_format()) or store through a member or an element (g.fmt = x). Every other function's
  // uses must only read it or copy literals into it; each function walked is charged to the
  // file's budget (thousands of functions each printing the same global).
  bool other_functions_only_read(std::string_view name) {
    const auto all = values_.occurrences(name);
    const auto& functions = values_.syntax().functions();
    for (auto at = all.begin(); at != all.end();) {
      const int function = values_.function_at(*at);
      if (function < 0) {
        ++at;
        continue;
      }
      const FunctionDef& f = functions[static_cast<size_t>(function)];
      at = std::upper_bound(at, all.end(), f.body_close);
      if (function == function_ || declares_own(name, function)) continue;
      if (!values_.spend_member_work(f.body_close - std::min(f.body_close, f.body_open))) return false;
      Contents other(values_, function, read_by_.begin, read_by_.end, {}, level_ + 1, read_by_);
      for (const Binding* b : values_.bindings_in(function))
        if (toks_[b->name].text == name) other.bound_.insert(b->name);
      if (!other.only_reads_or_copies(name)) return false;
      for (const Store& store : stores_into(values_, function, name))
        if (store.value.empty() || !(allocation(store.value) || literal_value(store.value, function))) return false;
      texts_.insert(texts_.end(), other.texts_.begin(), other.texts_.end());
    }
    return true;
  }

  // Whether `function` has a variable or parameter of that name of its own.
  bool declares_own(std::string_view name, int function) const {
    const auto seen = values_.visible(name, function);
    return std::any_of(seen.begin(), seen.end(), [&](const Binding* own) {
      return own->function == function && (own->form == BindingForm::declaration || own->form == BindingForm::parameter);
    });
  }

  // What `value` holds where another function of the file uses it (`global = data;` in the
  // function that fills data; a caller's argument): followed from level 0 only.
  bool contents_elsewhere(int function, TokenRange value) {
    if (level_ > 0 || function < 0) return false;
    const auto inner = Contents(values_, function, 0, 0, {}, level_ + 1, read_by_).of(value);
    if (!inner) return false;
    texts_.insert(texts_.end(), inner->begin(), inner->end());
    return true;
  }

  // Callers are followed two functions up: bad() passes a literal to badSink(), which passes it
  // on to the function that uses it.
  static constexpr int max_caller_level = 1;

  // A parameter of the function holds what every caller in the file passes for it: the direct
  // calls, and the calls through a local pointer the function is stored in
  // (`void (*sink)(char *) = print_it; sink(data);`). Any other use of the function as a value
  // lets unknown code call it: then nothing is known. A function defined twice (or a member
  // function) has callers this file cannot tell apart.
  bool passed_by_every_caller(std::string_view parameter) {
    if (level_ > max_caller_level) return false;
    const auto index = parameter_position(values_, body_, parameter);
    if (!index) return false;
    size_t steps = 0;
    if (const std::string_view cls = class_of(values_, body_, steps); !cls.empty())
      return values_.spend_member_work(steps) && passed_by_every_method_caller(cls, *index);
    const std::string_view function_name = toks_[body_.name].text;
    if (values_.definition(function_name) != &body_) return false;
    size_t callers = 0;
    for (const size_t k : values_.occurrences(function_name)) {
      if (k == body_.name) continue;
      if (const Call* c = values_.call_at(k)) {
        if (!caller_passes(*c, *index)) return false;
        ++callers;
        continue;
      }
      if (const size_t pointer = function_pointer_initialised_with(values_, k); pointer < toks_.size()) {
        const int function = values_.function_at(pointer);
        for (const size_t p : values_.occurrences(toks_[pointer].text)) {
          const Call* c = values_.call_at(p);
          if (c == nullptr || c->function != function) continue;
          if (!caller_passes(*c, *index)) return false;
          ++callers;
        }
        continue;
      }
      if (!declared_at(k)) return false;
    }
    return callers > 0;
  }

  // A method's parameter holds what every call in the file that may reach the method passes: a
  // call inside a method (`action(data)`), and a call through an object (`o->action(data)`) unless
  // the object's class is known to be another that declares a method of that name, which the call
  // reaches instead (`Base *o = new GoodSink; o->action(data);` never reaches BadSink::action). The
  // method named otherwise (`Base::action(data)`, `&Sink::action`) leaves its callers unknown, as
  // do more than most_open_method_calls calls that may reach any class's method of that name.
  static constexpr size_t most_open_method_calls = 64;
  bool passed_by_every_method_caller(std::string_view cls, size_t index) {
    const MethodCalls& m = calls_of_method(body_.name);
    if (m.unknown || m.open.size() > most_open_method_calls) return false;
    const auto own = m.by_class.find(cls);
    size_t callers = 0;
    for (const auto* list : {&m.open, own == m.by_class.end() ? nullptr : &own->second}) {
      if (list == nullptr) continue;
      for (const uint32_t c : *list) {
        if (!caller_passes(m.calls[c], index)) return false;
        ++callers;
      }
    }
    return callers > 0;
  }

  // The calls of the method whose name is token `name` (see MethodCalls), found once per name.
  const MethodCalls& calls_of_method(size_t name) {
    auto [found, fresh] = values_.method_calls_found().try_emplace(toks_[name].name);
    MethodCalls& out = found->second;
    if (!fresh) return out;
    const auto occurrences = values_.occurrences(toks_[name].text);
    std::unordered_set<std::string_view> declaring;
    size_t steps = 0;
    for (const size_t k : occurrences) {
      if (!declared_at(k)) continue;
      const std::string_view owner = k >= 2 && toks_[k - 1].is("::") && toks_[k - 2].kind == TokenKind::identifier
                                         ? toks_[k - 2].text
                                         : record_holding(values_, k, steps);
      if (!owner.empty()) declaring.insert(owner);
    }
    out.unknown = !values_.spend_member_work(steps);
    for (size_t n = 0; n < occurrences.size() && !out.unknown; ++n) {
      const size_t k = occurrences[n];
      const auto at = static_cast<uint32_t>(out.calls.size());
      if (const Call* c = values_.call_at(k)) {
        out.calls.push_back(*c);
        out.open.push_back(at);
        continue;
      }
      if (declared_at(k)) continue;
      const int function = values_.function_at(k);
      auto call = member_call(k, function);
      if (!call) {
        out = MethodCalls{};
        out.unknown = true;
        break;
      }
      out.calls.push_back(std::move(*call));
      const std::string_view receiver = receiver_class(values_, toks_[k - 2].text, function);
      if (!receiver.empty() && declaring.contains(receiver)) out.by_class[receiver].push_back(at);
      else out.open.push_back(at);
    }
    return out;
  }

  // Whether the function name at token k is that of a declaration or another definition (outside
  // any function body, followed by its parameter list).
  bool declared_at(size_t k) const {
    return values_.function_at(k) < 0 && k + 1 < toks_.size() && toks_[k + 1].is("(");
  }

  // The call `o->method(…)` or `o.method(…)` whose method name is token k, through a plain name
  // `o`, in `function`; nullopt for any other use of the name.
  std::optional<Call> member_call(size_t k, int function) const {
    if (function < 0 || k < 2 || k + 1 >= toks_.size() || !(toks_[k - 1].is("->") || toks_[k - 1].is(".")) ||
        toks_[k - 2].kind != TokenKind::identifier || !toks_[k + 1].is("("))
      return std::nullopt;
    if (k >= 3 && (toks_[k - 3].is(".") || toks_[k - 3].is("->") || toks_[k - 3].is("::"))) return std::nullopt;
    Call call;
    call.name = k;
    call.open = k + 1;
    call.close = values_.syntax().match(k + 1);
    if (call.close >= toks_.size()) return std::nullopt;
    for (const TokenRange& a : arguments_in(values_, call.open)) call.args.emplace_back(a.begin, a.end);
    call.function = function;
    return call;
  }

  bool caller_passes(const Call& c, size_t index) {
    if (c.function < 0 || !c.macro.empty() || index >= c.args.size()) return false;
    // A caller's callers are charged to the file's budget: a hostile fan-in (thousands of callers
    // each called from thousands) cannot multiply the work.
    const FunctionDef& caller = values_.syntax().functions()[static_cast<size_t>(c.function)];
    if (level_ > 0 && !values_.spend_member_work(caller.body_close - std::min(caller.body_close, caller.body_open)))
      return false;
    const TokenRange argument{c.args[index].first, c.args[index].second};
    // A string literal passed (show("Ready\n")); a name is followed below, where writes count too.
    const TokenRange stripped = values_.strip(argument);
    if (!stripped.empty() && std::all_of(toks_.begin() + static_cast<std::ptrdiff_t>(stripped.begin),
                                         toks_.begin() + static_cast<std::ptrdiff_t>(stripped.end),
                                         [](const Token& x) { return x.kind == TokenKind::string; }))
      return literal_value(argument, c.function);
    // Judged once per calling function and argument: a function calling this one 50,000 times
    // with one buffer would otherwise be walked once per call. Each call of this function there is
    // left out of the walk, as the call asked about is: what this function writes is judged in it.
    std::string key;
    for (size_t k = argument.begin; k < argument.end; ++k) key.append(toks_[k].text).push_back(' ');
    const auto [judged, fresh] = caller_judgements_.try_emplace({c.function, std::move(key)}, false);
    if (!fresh) return judged->second;
    Contents inner(values_, c.function, c.open, c.close, {}, level_ + 1, read_by_);
    inner.left_out_ = &calls_of_this_function_in(c.function);
    const auto contents = inner.of(argument);
    if (!contents) return false;
    texts_.insert(texts_.end(), contents->begin(), contents->end());
    return judged->second = true;
  }

  // The calls of the function asked about in `function`, in token order.
  const std::vector<TokenRange>& calls_of_this_function_in(int function) {
    auto [found, fresh] = own_calls_in_.try_emplace(function);
    if (fresh)
      for (const size_t i : values_.calls_in(function)) {
        const Call& call = values_.syntax().calls()[i];
        if (toks_[call.name].text == toks_[body_.name].text) found->second.push_back({call.open, call.close});
      }
    return found->second;
  }

  // Whether token k lies in one of the calls left out of the walk (left_out_).
  bool left_out(size_t k) const {
    if (left_out_ == nullptr) return false;
    const auto after = std::upper_bound(left_out_->begin(), left_out_->end(), k,
                                        [](size_t at, const TokenRange& r) { return at < r.begin; });
    return after != left_out_->begin() && k < std::prev(after)->end;
  }

  // data = fill_source(data): a static function of this file that writes into its parameter only
  // from literals and returns that parameter (a source helper). The argument is followed too.
  bool filled_by_helper(TokenRange value) {
    if (!passed_in_.empty()) return false;  // one level of helpers
    const TokenRange r = values_.strip(value);
    const Call* c = r.empty() ? nullptr : values_.call_at(r.begin);
    if (c == nullptr || c->close + 1 != r.end) return false;
    const auto& functions = values_.syntax().functions();
    const auto def = std::find_if(functions.begin(), functions.end(), [&](const FunctionDef& f) {
      return toks_[f.name].text == toks_[c->name].text && f.body_close < toks_.size();
    });
    if (def == functions.end() || !declared_static(toks_, def->name)) return false;
    // The one parameter every return statement gives back.
    std::string_view returned;
    for (size_t k = def->body_open; k + 2 < def->body_close; ++k) {
      if (!toks_[k].is_ident("return")) continue;
      if (toks_[k + 1].kind != TokenKind::identifier || !toks_[k + 2].is(";") ||
          (!returned.empty() && returned != toks_[k + 1].text))
        return false;
      returned = toks_[k + 1].text;
    }
    const auto index = parameter_position(values_, *def, returned);
    if (returned.empty() || !index || *index >= c->args.size()) return false;
    const size_t argument = alias_of({c->args[*index].first, c->args[*index].second});
    if (argument >= toks_.size()) return false;
    add_name(toks_[argument].text);
    const auto inner =
        Contents(values_, static_cast<int>(def - functions.begin()), 0, 0, returned, level_ + 1, read_by_).of_name(returned);
    if (!inner) return false;
    texts_.insert(texts_.end(), inner->begin(), inner->end());
    helper_calls_.push_back(c);
    return true;
  }

  // char *p = data; p = buf + 1; u.first = data: other names for the same storage (for a member,
  // the object that holds it).
  void add_pointers_made_from(std::string_view name) {
    for (const Binding* binding : values_.bindings_in(function_)) {
      const Binding& b = *binding;
      if (b.function != function_ || b.value.empty()) continue;
      const size_t from = alias_of(b.value);
      if (from >= toks_.size() || toks_[from].text != name || toks_[b.name].text == stored_in_) continue;
      if (b.form != BindingForm::member) add_name(toks_[b.name].text);
      else if (const size_t holder = holder_of(b.name); holder < toks_.size()) add_name(toks_[holder].text);
    }
  }

  // The variable whose member the token at `member` names (s in s.field, s->part[1].field), or
  // tokens().size() for a designated initialiser or a member of something else.
  size_t holder_of(size_t member) const {
    size_t k = member;
    for (size_t steps = 0; k >= 2 && (toks_[k - 1].is(".") || toks_[k - 1].is("->")) && steps < max_walk_back; ++steps) {
      size_t p = k - 2;
      while (toks_[p].is("]") && values_.syntax().match(p) < p && values_.syntax().match(p) > 0)
        p = values_.syntax().match(p) - 1;
      if (toks_[p].kind != TokenKind::identifier || is_keyword(toks_[p].text)) return toks_.size();
      k = p;
    }
    return k == member ? toks_.size() : k;
  }

  // Whether every other use of the name in the function only reads it or copies a literal into it.
  // Whether the function's uses of `name` only read it or copy into it what the objects they copy
  // from hold (strcpy(name, other)), those followed as of_name follows a name.
  bool only_reads_or_copies(std::string_view name) {
    if (!uses_ok(name)) return false;
    if (names_.empty()) return true;
    const std::string_view first = names_.front();
    names_.erase(names_.begin());
    return of_name(first).has_value();
  }

  // The function's occurrences of a name are one run of the file's, found by position: a name
  // used in each of thousands of functions is asked about in each.
  std::span<const size_t> uses_in_function(std::string_view name) const {
    const auto all = values_.occurrences(name);
    const auto first = std::upper_bound(all.begin(), all.end(), body_.body_open);
    return {first, std::lower_bound(first, all.end(), body_.body_close)};
  }

  bool uses_ok(std::string_view name) {
    const auto uses = uses_in_function(name);
    if (uses.size() > max_uses) return false;
    for (const size_t k : uses) {
      if (bound_.contains(k)) continue;
      if (skip_begin_ < k && k < skip_end_) continue;
      if (left_out(k) || other_field(k)) continue;
      if (std::any_of(helper_calls_.begin(), helper_calls_.end(), [&](const Call* c) { return c->open < k && k < c->close; }))
        continue;
      if (!use_ok(k)) return false;
    }
    return true;
  }

  bool use_ok(size_t k) {
    if (ranged_over_by_reference(values_, k)) return false;  // the loop may write each element
    // The innermost unclosed '(' before the use within its statement: a call, a keyword's
    // condition, or a grouping or cast (then look further out).
    size_t depth = 0;
    for (size_t p = k, steps = 0; p > body_.body_open && steps < max_walk_back; --p, ++steps) {
      const Token& t = toks_[p - 1];
      if (t.is(")") || t.is("]")) {
        ++depth;
      } else if ((t.is("(") || t.is("[")) && depth > 0) {
        --depth;
      } else if (depth == 0 && (t.is(";") || t.is("{") || t.is("}"))) {
        break;
      } else if (depth == 0 && t.is("(") && p >= 2 && toks_[p - 2].kind == TokenKind::identifier) {
        if (is_keyword(toks_[p - 2].text)) return true;
        // v.insert(v.end(), 1, data): a store into an object followed here, judged by stores_into_ok.
        if (in(storing_calls, toks_[p - 2].text))
          if (const size_t holder = holder_of(p - 2); holder < toks_.size() && followed(toks_[holder].text))
            return true;
        // std::string text(data): a declaration of a name followed too, which copies it.
        if (bound_.contains(p - 2)) return true;
        const Call* c = values_.call_at(p - 2);
        return c != nullptr && argument_ok(*c, k);
      }
    }
    return !(k > 0 && toks_[k - 1].is(">>"));  // std::cin >> data
  }

  bool argument_ok(const Call& c, size_t k) {
    size_t a = 0;
    while (a < c.args.size() && !(c.args[a].first <= k && k < c.args[a].second)) ++a;
    if (a == c.args.size()) return false;
    const std::string_view callee = toks_[c.name].text;
    if (const Reader* r = named(readers, callee)) return a >= r->first;
    // Any printf-like function (printk, syslog, err…) reads its format and what follows it; the
    // scanf family stores into what follows.
    if (const FormatFunction* f = format_function(callee))
      return a == f->format || (a > f->format && callee.find("scanf") == std::string_view::npos);
    const Writer* w = named(writers, callee);
    if (w == nullptr) return false;
    if (a != w->dest) return true;
    if (w->source == none) return true;
    if (w->source >= c.args.size()) return false;
    // A copy of another object holds what that one holds, followed in turn: its declared value
    // alone says nothing of what fgets or recv wrote into it since.
    const TokenRange source{c.args[w->source].first, c.args[w->source].second};
    if (const size_t other = alias_of(source); other < toks_.size()) {
      add_name(toks_[other].text);
      return true;
    }
    return literal_value(source);
  }

  const FileValues& values_;
  std::span<const Token> toks_;
  const int function_;
  const size_t skip_begin_, skip_end_;
  const std::string_view passed_in_;
  std::string_view stored_in_;
  const int level_;
  const FunctionDef& body_;
  const TokenRange read_by_;
  std::vector<std::string_view> names_;
  std::unordered_set<size_t> bound_;  // name tokens of the bindings judged above
  std::vector<std::string> texts_;
  std::vector<const Call*> helper_calls_;  // source helpers whose writes were judged in them
  std::string_view field_owner_, field_;   // the struct variable and the field read (see read_field)
  const std::vector<TokenRange>* left_out_ = nullptr;  // calls whose arguments the walk leaves out
  std::map<std::pair<int, std::string>, bool> caller_judgements_;  // see caller_passes
  std::unordered_map<int, std::vector<TokenRange>> own_calls_in_;  // see calls_of_this_function_in
};

}  // namespace

std::optional<RangeFor> range_for_at(const FileValues& values, size_t open) {
  const auto toks = values.tokens();
  const Syntax& syntax = values.syntax();
  if (open == 0 || !toks[open].is("(") || !toks[open - 1].is_ident("for")) return std::nullopt;
  const size_t close = syntax.match(open);
  if (close >= toks.size() || close <= open) return std::nullopt;
  constexpr size_t longest_declaration = 64;  // tokens from the '(' to the ':'
  bool is_const = false, reference = false;
  for (size_t k = open + 1; k < close && k - open <= longest_declaration; ++k) {
    const Token& t = toks[k];
    if (value_tokens::is_opener(t) && syntax.match(k) < close) {  // for (auto &[a, b] : m)
      k = syntax.match(k);
      continue;
    }
    if (t.is(";")) return std::nullopt;  // a counting for
    is_const = is_const || t.is_ident("const");
    reference = reference || t.is("&") || t.is("&&");
    if (t.is(":")) return RangeFor{k - 1, {k + 1, close}, reference && !is_const};
  }
  return std::nullopt;
}

bool ranged_over_by_reference(const FileValues& values, size_t k) {
  const auto toks = values.tokens();
  const Syntax& syntax = values.syntax();
  constexpr size_t longest_walk = 64;  // tokens from the range's name back to the for's bracket
  for (size_t p = k, steps = 0; p > 0 && steps < longest_walk; --p, ++steps) {
    const Token& t = toks[p - 1];
    if ((t.is(")") || t.is("]")) && syntax.match(p - 1) < p - 1) {
      p = syntax.match(p - 1) + 1;
      continue;
    }
    if (t.is(";") || t.is("{") || t.is("}") || t.is(",") || t.is("?")) return false;
    if (!t.is("(")) continue;
    const auto loop = range_for_at(values, p - 1);
    return loop && loop->writes_elements && loop->range.begin <= k;
  }
  return false;
}

std::optional<size_t> parameter_position(const FileValues& values, const FunctionDef& def, std::string_view name) {
  const auto toks = values.tokens();
  const size_t close = values.syntax().match(def.name + 1);
  size_t index = 0;
  size_t angles = 0;  // template argument lists open (std::map<int, char *> m): their commas part no parameters
  std::string_view last;
  for (size_t k = def.name + 2; k <= close && k < toks.size(); ++k) {
    if (toks[k].is("<")) {
      ++angles;
    } else if (toks[k].is(">") || toks[k].is(">>")) {
      angles -= std::min(angles, size_t{toks[k].is(">") ? 1u : 2u});
    } else if (k == close || (toks[k].is(",") && angles == 0)) {
      if (last == name) return index;
      ++index;
      last = {};
    } else if (toks[k].kind == TokenKind::identifier) {
      last = toks[k].text;
    }
  }
  return std::nullopt;
}

const std::vector<Store>& stores_into(const FileValues& values, int function, std::string_view name) {
  static const std::vector<Store> none;
  const auto toks = values.tokens();
  const auto named = values.occurrences(name);  // in token order: the function's are one run of them
  if (function < 0 || named.empty()) return none;
  auto [found, fresh] = values.stores_found().try_emplace({function, toks[named.front()].name});
  std::vector<Store>& out = found->second;
  if (!fresh) return out;
  const FunctionDef& body = values.syntax().functions()[static_cast<size_t>(function)];
  const auto& syntax = values.syntax();
  // The end of the value an '=' at `begin - 1` assigns: the first ';', ',' or closing bracket
  // outside brackets.
  const auto value_end = [&](size_t begin) {
    size_t e = begin;
    for (size_t steps = 0; e < body.body_close && steps < max_walk_back; ++steps) {
      if (is_opener(toks[e]) && syntax.match(e) < body.body_close) {
        e = syntax.match(e) + 1;
        continue;
      }
      if (toks[e].is(";") || toks[e].is(",") || is_closer(toks[e])) break;
      ++e;
    }
    return e;
  };
  for (auto at = std::upper_bound(named.begin(), named.end(), body.body_open);
       at != named.end() && *at < body.body_close; ++at) {
    const size_t k = *at;
    if (toks[k - 1].is(".") || toks[k - 1].is("->")) continue;  // a member of something else
    size_t e = k + 1;
    bool member = false, element = false;
    for (size_t steps = 0; e + 1 < body.body_close && steps < max_walk_back; ++steps) {
      if (toks[e].is("[")) {
        e = syntax.match(e) + 1;
        element = true;
      } else if ((toks[e].is(".") || toks[e].is("->")) && toks[e + 1].kind == TokenKind::identifier) {
        e += 2;
        member = true;
      } else {
        break;
      }
    }
    if (!(member || element) || e >= body.body_close) continue;
    if (toks[e].is("(")) {
      // A member call (not one of Syntax's calls): its last top-level argument.
      const size_t close = syntax.match(e);
      if (!member || !in(storing_calls, toks[e - 1].text) || close >= body.body_close) continue;
      size_t last = e + 1;
      for (size_t j = e + 1; j < close; ++j) {
        if (is_opener(toks[j]) && syntax.match(j) < close) j = syntax.match(j);
        else if (toks[j].is(",")) last = j + 1;
      }
      out.push_back({{last, close}, true, k});
      continue;
    }
    if (toks[e].is("=")) {
      out.push_back({{e + 1, value_end(e + 1)}, member, k});
    } else if (toks[e].kind == TokenKind::punct && toks[e].text.size() >= 2 && toks[e].text.back() == '=' &&
               !toks[e].is("==") && !toks[e].is("!=") && !toks[e].is("<=") && !toks[e].is(">=")) {
      out.push_back({{}, member, k});  // s.text += …: a change from what it held
    }
  }
  return out;
}

size_t object_read_from(const FileValues& values, TokenRange r) {
  const auto toks = values.tokens();
  const size_t none = toks.size();
  r = values.strip(r);
  // (*p)[i]: an element of the object the bracketed expression reads.
  bool element = false;
  if (!r.empty() && toks[r.begin].is("(")) {
    const size_t close = values.syntax().match(r.begin);
    size_t k = close + 1;
    while (close < r.end && k < r.end && toks[k].is("[") && values.syntax().match(k) < r.end) k = values.syntax().match(k) + 1;
    element = close < r.end && k == r.end && k > close + 1;
    if (element) r = values.strip({r.begin + 1, close});
  }
  size_t k = r.begin;
  while (k < r.end && toks[k].is("*")) ++k;
  const size_t root = k;
  if (root >= r.end || toks[root].kind != TokenKind::identifier || is_keyword(toks[root].text)) return none;
  const bool pointee = root > r.begin || element;
  for (++k; k < r.end;) {
    if (toks[k].is("[")) {
      k = values.syntax().match(k) + 1;
      continue;
    }
    if (!(toks[k].is(".") || toks[k].is("->")) || k + 1 >= r.end || toks[k + 1].kind != TokenKind::identifier)
      return none;
    k += 2;
    if (k < r.end && toks[k].is("(")) {
      if (!in(accessors, toks[k - 1].text)) return none;
      k = values.syntax().match(k) + 1;
    }
  }
  return (pointee || root + 1 < r.end) && k == r.end ? root : none;
}

// For a function name at token k used as a value: the local function pointer it initialises or
// is assigned to (`void (*p)(char *) = f;`, `p = &f;`), when that pointer is bound to nothing
// else: the token of the pointer's name there, or tokens().size().
size_t function_pointer_initialised_with(const FileValues& values, size_t k) {
  const auto t = values.tokens();
  const size_t none = t.size();
  size_t at = k;
  if (at > 0 && t[at - 1].is("&")) --at;
  if (k + 1 >= t.size() || !t[k + 1].is(";") || at < 2 || !t[at - 1].is("=")) return none;
  size_t lhs = at - 2;
  const bool declarator = t[lhs].is(")");
  if (declarator) {  // void (*p)(char *) = f: the name inside the declarator's first parentheses
    const size_t open = values.syntax().match(lhs);
    if (open >= lhs || open == 0 || !t[open - 1].is(")") || values.syntax().match(open - 1) >= open - 1) return none;
    lhs = open - 2;
    if (lhs == 0 || !t[lhs + 1].is(")") || !t[lhs - 1].is("*")) return none;
  }
  if (t[lhs].kind != TokenKind::identifier) return none;
  const int function = values.function_at(k);
  const auto bound = values.visible(t[lhs].text, function);
  if (function < 0 || (bound.empty() && !declarator)) return none;
  for (const Binding* b : bound)
    if (b->function != function || b->value.empty() || values.strip(b->value).begin != k) return none;
  return lhs;
}

std::optional<ConstructorParameter> constructor_parameter(const FileValues& values, int function, std::string_view name) {
  if (function < 0 || !values.visible(name, function).empty()) return std::nullopt;
  const auto source = Contents(values, function, 0, 0).member_source(name);
  if (!source || !source->parameter) return std::nullopt;
  const auto t = values.tokens();
  for (const size_t k : values.occurrences(source->cls))
    if (construction_at(t, k) < t.size() && values.function_at(k) >= 0) return std::nullopt;
  return ConstructorParameter{source->cls, *source->parameter};
}

bool made_from_any(const FileValues& values, int function, std::string_view name,
                   std::span<const std::string_view> sources) {
  const auto t = values.tokens();
  for (const Binding* b : values.visible(name, function)) {
    const TokenRange from = values.strip(b->value);
    if (b->function == function && from.size() == 1 &&
        std::find(sources.begin(), sources.end(), t[from.begin].text) != sources.end())
      return true;
  }
  return false;
}

namespace {
// A parameter's incoming contents are the callers': they count for nothing only when the first
// call that takes it copies over all of it (strcpy, wcsncpy; not strcat, not memcpy's prefix).
// That call, or nullptr.
const Call* copied_over_first(const FileValues& values, int function, std::string_view name) {
  const auto t = values.tokens();
  const FunctionDef& f = values.syntax().functions()[static_cast<size_t>(function)];
  const auto takers = values.calls_taking(name, function, f.body_open, f.body_close);
  const auto first = std::min_element(takers.begin(), takers.end(), [](const Call* a, const Call* b) { return a->name < b->name; });
  if (first == takers.end()) return nullptr;
  const Call& copy = **first;
  const std::string_view callee = t[copy.name].text;
  const bool overwrites = callee.find("cpy") != std::string_view::npos && !callee.starts_with("mem") &&
                          !callee.starts_with("wmem") && named(writers, callee) != nullptr;
  if (!overwrites || copy.args.empty() || copy.args[0].second != copy.args[0].first + 1 ||
      t[copy.args[0].first].text != name)
    return nullptr;
  return &copy;
}
}  // namespace

std::optional<std::vector<std::string>> returned_literal_contents(const FileValues& values, int function) {
  if (function < 0) return std::nullopt;
  const auto t = values.tokens();
  const FunctionDef& f = values.syntax().functions()[static_cast<size_t>(function)];
  // The one name every return statement gives back.
  size_t returned = t.size();
  for (size_t k = f.body_open; k + 2 < f.body_close; ++k) {
    if (!t[k].is_ident("return")) continue;
    if (t[k + 1].kind != TokenKind::identifier || !t[k + 2].is(";") ||
        (returned < t.size() && t[returned].text != t[k + 1].text))
      return std::nullopt;
    returned = k + 1;
  }
  if (returned >= t.size()) return std::nullopt;
  const std::string_view name = t[returned].text;
  const auto bindings = values.visible(name, function);
  const bool parameter = std::any_of(bindings.begin(), bindings.end(), [&](const Binding* b) {
    return b->form == BindingForm::parameter && b->function == function;
  });
  if (!parameter) return Contents(values, function, 0, 0).of({returned, returned + 1});
  if (copied_over_first(values, function, name) == nullptr) return std::nullopt;
  return Contents(values, function, 0, 0, name).of({returned, returned + 1});
}

std::optional<std::vector<std::string>> filled_literal_contents(const FileValues& values, int function,
                                                                size_t parameter, FillForm form) {
  const auto t = values.tokens();
  const std::string_view name = t[parameter].text;
  if (form == FillForm::buffer) {
    const Call* copy = copied_over_first(values, function, name);
    if (copy == nullptr || !values.in_body_block(copy->name, function)) return std::nullopt;
    return Contents(values, function, 0, 0, name).of({parameter, parameter + 1});
  }
  // Every use a store of the pointer (`data = …;`, `*data = …;` at a statement's start).
  constexpr size_t max_stores = 16;
  const FunctionDef& f = values.syntax().functions()[static_cast<size_t>(function)];
  const auto all = values.occurrences(name);
  const auto first = std::upper_bound(all.begin(), all.end(), f.body_open);
  const auto last = std::lower_bound(first, all.end(), f.body_close);
  if (first == last || last - first > static_cast<std::ptrdiff_t>(max_stores)) return std::nullopt;
  std::vector<std::string> texts;
  for (auto k = first; k != last; ++k) {
    const size_t begin = form == FillForm::pointer_to_pointer ? *k - 1 : *k;
    if ((form == FillForm::pointer_to_pointer && !t[begin].is("*")) || !t[*k + 1].is("=")) return std::nullopt;
    if (k == first ? !values.in_body_block(begin, function) : values.statement(begin).begin != begin) return std::nullopt;
    TokenRange value = values.statement(begin);
    value.begin = *k + 2;
    if (value.end > value.begin && t[value.end - 1].is(";")) --value.end;
    const auto stored = stored_literal_contents(values, name, value, function);
    if (!stored) return std::nullopt;
    texts.insert(texts.end(), stored->begin(), stored->end());
  }
  return texts;
}

std::optional<std::vector<std::string>> stored_literal_contents(const FileValues& values, std::string_view global,
                                                                TokenRange value, int function) {
  const TokenRange r = values.strip(value);
  if (r.empty()) return std::nullopt;
  const auto t = values.tokens();
  // A name in a function: what its buffer holds there (a name's value alone misses strcpy(data, …)).
  if (function >= 0 && t[r.begin].kind == TokenKind::identifier && !t[r.begin].is_ident("NULL") &&
      !t[r.begin].is_ident("nullptr")) {
    Contents contents(values, function, 0, 0);
    contents.storing_into(global);
    return contents.of(value);
  }
  const Value v = values.resolve(value, function);
  if (v.is(Value::Kind::string)) return v.text.empty() ? std::vector<std::string>{} : std::vector<std::string>{v.text};
  if (v.is(Value::Kind::null) || v.is_integer(0)) return std::vector<std::string>{};
  return std::nullopt;
}

std::optional<std::vector<std::string>> literal_contents(const FileValues& values, TokenRange arg, const Call& use) {
  if (use.function < 0 || !use.macro.empty()) return std::nullopt;
  return Contents(values, use.function, use.open, use.close).of(arg);
}

}  // namespace mdbc::source
