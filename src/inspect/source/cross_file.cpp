#include "inspect/source/cross_file.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_set>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/value_tokens.h"

namespace mdbc::source {

uint64_t function_key(std::string_view name) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : name) h = (h ^ c) * 0x100000001b3ull;
  return h;
}

uint64_t argument_key(uint64_t function, size_t index) { return function ^ ((index + 1) * 0x9e3779b97f4a7c15ull); }

uint64_t return_key(uint64_t function) { return argument_key(function, max_followed_argument); }
uint64_t global_key(uint64_t variable) { return argument_key(variable, max_followed_argument + 1); }
uint64_t filled_key(uint64_t function, size_t index) {
  return argument_key(function, max_followed_argument + 2 + index);
}
bool is_filled_key(uint64_t key, uint64_t function) {
  for (size_t index = 0; index < max_followed_argument; ++index)
    if (key == filled_key(function, index)) return true;
  return false;
}

uint64_t returned_field_function(std::string_view function, std::string_view field) {
  return function_key(std::string(function) + "." + std::string(field));
}
uint64_t static_member_variable(std::string_view cls, std::string_view member) {
  return function_key(std::string(cls) + "::" + std::string(member));
}

namespace {

// The global variable another file defines that `name` holds at token `at` (see external_parameter).
std::optional<ExternalParameter> foreign_global(const SourceFile& file, int function, std::string_view name,
                                                size_t at) {
  const auto t = file.tokens;
  const FileValues& values = file.values();
  const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(function)];
  if (f.name > 0 && t[f.name - 1].is("::")) return std::nullopt;  // a method: the name may be a member
  std::string_view global = name;
  const auto own = values.visible(name, function);
  if (own.size() == 1 && own[0]->function == function && own[0]->form == BindingForm::declaration) {
    // char *data = g_data; with nothing taking data before the use.
    const TokenRange value = values.strip(own[0]->value);
    if (value.size() != 1 || t[value.begin].kind != TokenKind::identifier || own[0]->name >= at ||
        values.first_call_taking(name, function, own[0]->name, at, values.call_at(at)) != nullptr)
      return std::nullopt;
    global = t[value.begin].text;
  } else if (std::any_of(own.begin(), own.end(), [](const Binding* b) { return b->function >= 0; })) {
    // The function's own variable, told before listing every binding of the name in the file
    // (thousands of functions may each have a parameter of that name).
    return std::nullopt;
  }
  // Declared extern, or not declared at all (a header must declare it), and nothing in the file
  // writes it or hands it to a call but the use.
  const auto bindings = values.bindings(global);
  auto [found, fresh] = values.foreign_globals_found().try_emplace(file.names.index(global));
  FileValues::ForeignGlobal& judged = found->second;
  if (fresh) {
    judged.foreign = std::none_of(bindings.begin(), bindings.end(), [](const Binding* b) {
      return b->function >= 0 || b->form != BindingForm::declaration || !b->is_extern;
    });
    for (const size_t k : values.occurrences(global)) {
      if (!judged.foreign || judged.takers.size() == 2) break;
      // Undeclared here, it must be a plain variable everywhere: not a function, not a member.
      if (bindings.empty() && (k == 0 || k + 1 >= t.size() || t[k + 1].is("(") || t[k - 1].is(".") ||
                               t[k - 1].is("->") || t[k - 1].is("::")))
        judged.foreign = false;
      const int in = values.function_at(k);
      const Call* taker = in >= 0 ? values.first_call_taking(global, in, k - 1, k + 1) : nullptr;
      if (taker != nullptr && std::find(judged.takers.begin(), judged.takers.end(), taker) == judged.takers.end())
        judged.takers.push_back(taker);
    }
  }
  const Call* use = values.call_at(at);
  if (!judged.foreign || std::any_of(judged.takers.begin(), judged.takers.end(), [&](const Call* c) { return c != use; }))
    return std::nullopt;
  const uint64_t key = function_key(global);
  return ExternalParameter{key, global_key(key), bindings.empty() ? global : std::string_view{}};
}

// The result of a function defined in no function of this file that `name` holds at token `at`
// (see external_parameter).
std::optional<ExternalParameter> foreign_result(const SourceFile& file, int function, std::string_view name,
                                                size_t at) {
  const auto t = file.tokens;
  const FileValues& values = file.values();
  const Binding* assigned = nullptr;
  for (const Binding* b : values.visible(name, function)) {
    if (b->function != function || !(b->form == BindingForm::declaration || b->form == BindingForm::assignment))
      return std::nullopt;
    if (b->form == BindingForm::assignment) {
      if (assigned != nullptr) return std::nullopt;
      assigned = b;
    }
  }
  if (assigned == nullptr || assigned->name >= at) return std::nullopt;
  const TokenRange value = values.strip(assigned->value);
  const Call* call = value.empty() ? nullptr : values.call_at(value.begin);
  if (call == nullptr || call->close + 1 != value.end || !call->macro.empty() || !call->qualifier.empty() ||
      values.definition(t[call->name].text) != nullptr)
    return std::nullopt;
  if (!values.in_body_block(assigned->name, function)) return std::nullopt;  // unconditional
  const Call* use = values.call_at(at);
  if (values.first_call_taking(name, function, call->close, at, use) != nullptr) return std::nullopt;
  const uint64_t key = function_key(t[call->name].text);
  return ExternalParameter{key, return_key(key), {}};
}

// What a function defined in no function of this file left in `name` at token `at`, given it to
// fill (see filled_key): the call before the use that last names it takes it whole (`source(data);`,
// `source(&data);`), a statement of the function's own block, and calls a function the file does
// not define. The local is named at most a few times before (its declaration, an assignment, the
// call), which also keeps a body of thousands of such uses linear; no binding of the function
// names it after the call, and nothing takes it, or the buffer it was declared to point to,
// between the call and the use.
std::optional<ExternalParameter> foreign_fill(const SourceFile& file, int function, std::string_view name,
                                              size_t at) {
  constexpr size_t max_named_before = 4;
  const auto t = file.tokens;
  const FileValues& values = file.values();
  const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(function)];
  const auto all = values.occurrences(name);
  const auto first = std::upper_bound(all.begin(), all.end(), f.body_open);
  const auto last = std::lower_bound(first, all.end(), at);
  if (first == last || last - first > static_cast<std::ptrdiff_t>(max_named_before)) return std::nullopt;
  const size_t passed = *std::prev(last);
  const auto takers = values.calls_taking(name, function, passed - 1, passed + 1);
  if (takers.size() != 1) return std::nullopt;
  const Call& fill = *takers.front();
  if (!fill.macro.empty() || !fill.qualifier.empty() || values.definition(t[fill.name].text) != nullptr ||
      fill.close + 1 >= t.size() || !t[fill.close + 1].is(";") || !values.in_body_block(fill.name, function))
    return std::nullopt;
  size_t index = 0;
  while (index < fill.args.size() && !(fill.args[index].first <= passed && passed < fill.args[index].second)) ++index;
  if (index >= max_followed_argument) return std::nullopt;
  const auto [begin, end] = fill.args[index];
  if (!(end == begin + 1 || (end == begin + 2 && t[begin].is("&")))) return std::nullopt;
  // A local (or parameter) of this function, written by nothing after the call.
  // A local: not a macro of a header nor a global of another file (no binding here), nor a
  // parameter (what its callers pass is keyed as that parameter: va_start(args, fmt) fills nothing).
  const Binding* declared = nullptr;
  for (const Binding* b : values.visible(name, function)) {
    if (b->function != function || b->name > fill.name || b->form == BindingForm::parameter) return std::nullopt;
    if (b->form == BindingForm::declaration) declared = b;
  }
  if (declared == nullptr) return std::nullopt;
  const Call* use = values.call_at(at);
  if (values.first_call_taking(name, function, fill.close, at, use) != nullptr) return std::nullopt;
  const TokenRange to = values.strip(declared->value);
  if (to.size() == 1 && t[to.begin].kind == TokenKind::identifier &&
      values.first_call_taking(t[to.begin].text, function, fill.close, at, use) != nullptr)
    return std::nullopt;
  const uint64_t key = function_key(t[fill.name].text);
  return ExternalParameter{key, filled_key(key, index), {}};
}

// Whether `function` binds `name` (declares, takes or assigns it) at more than a few hundred
// places: none of the shapes external_parameter follows (one declaration and one assignment, a
// parameter), and listing those bindings at each of thousands of uses would be quadratic.
bool binds_often(const FileValues& values, const FunctionDef& f, int function, std::string_view name) {
  constexpr size_t most_bindings = 256;
  const auto all = values.bindings(name);
  size_t own = 0;
  for (auto b = std::lower_bound(all.begin(), all.end(), f.name, [](const Binding* x, size_t k) { return x->name < k; });
       b != all.end() && (*b)->name <= f.body_close; ++b)
    if ((*b)->function == function && (*b)->form != BindingForm::member && ++own > most_bindings) return true;
  return false;
}

}  // namespace

std::optional<ExternalParameter> external_parameter(const SourceFile& file, int function, std::string_view name,
                                                    size_t at) {
  if (function < 0 || is_header(file.input.path)) return std::nullopt;
  const auto t = file.tokens;
  const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(function)];
  if (binds_often(file.values(), f, function, name)) return std::nullopt;
  if (at < t.size()) {
    if (const auto result = foreign_result(file, function, name, at)) return result;
    if (const auto global = foreign_global(file, function, name, at)) return global;
    if (const auto filled = foreign_fill(file, function, name, at)) return filled;
  }
  if (declared_static(t, f.name)) return std::nullopt;
  const FileValues& values = file.values();
  // The parameter binding of `n`, when that is its only binding in the function.
  const auto only_parameter = [&](std::string_view n) -> const Binding* {
    const auto bindings = values.visible(n, function);
    if (bindings.empty() || std::any_of(bindings.begin(), bindings.end(), [&](const Binding* b) {
          return b->form != BindingForm::parameter || b->function != function;
        }))
      return nullptr;
    return bindings.front();
  };
  const Binding* parameter = only_parameter(name);
  if (parameter == nullptr && values.visible(name, function).empty()) {
    // A member its class's constructors store a parameter in, constructed in other files.
    const auto stored = constructor_parameter(values, function, name);
    if (!stored || stored->index >= max_followed_argument) return std::nullopt;
    const uint64_t key = function_key(stored->cls);
    return ExternalParameter{key, argument_key(key, stored->index), {}};
  }
  // The value of `n`'s declaration, when that is its only binding in the function.
  const auto declared_once = [&](std::string_view n) -> std::optional<TokenRange> {
    const auto bindings = values.visible(n, function);
    if (bindings.size() != 1 || bindings[0]->form != BindingForm::declaration || bindings[0]->function != function)
      return std::nullopt;
    return bindings[0]->value;
  };
  if (parameter == nullptr) {
    // char *data = *data_ptr; char *data = s.field; char *data = v[2];
    const auto value = declared_once(name);
    const size_t object = value ? object_read_from(values, *value) : t.size();
    if (object >= t.size()) return std::nullopt;
    parameter = only_parameter(t[object].text);
    if (parameter == nullptr) {
      // char **data_ptr = (char **)void_ptr; char *data = *data_ptr;: the object a parameter cast.
      const auto pointer = declared_once(t[object].text);
      const TokenRange from = pointer ? values.strip(*pointer) : TokenRange{};
      if (from.size() != 1 || t[from.begin].kind != TokenKind::identifier) return std::nullopt;
      parameter = only_parameter(t[from.begin].text);
      if (parameter == nullptr) return std::nullopt;
    }
  }
  // Its position: the top-level commas before it in the parameter list.
  const size_t open = f.name + 1;
  if (open >= t.size() || parameter->name <= open || parameter->name >= file.syntax.match(open)) return std::nullopt;
  size_t index = 0;
  size_t angles = 0;  // template argument lists open (std::map<int, char *> m): their commas part no parameters
  for (size_t k = open + 1; k < parameter->name; ++k) {
    const size_t close = file.syntax.match(k);
    if (t[k].kind == TokenKind::punct && (t[k].is("(") || t[k].is("[") || t[k].is("{")) && close < parameter->name &&
        close > k)
      k = close;
    else if (t[k].is("<"))
      ++angles;
    else if (t[k].is(">") || t[k].is(">>"))
      angles -= std::min(angles, size_t{t[k].is(">") ? 1u : 2u});
    else if (t[k].is(",") && angles == 0)
      ++index;
  }
  if (index >= max_followed_argument) return std::nullopt;
  // Only declarations of the function may name it elsewhere in the file (a qualified call,
  // Holder::set(…), is no call to Syntax::calls()).
  auto [uses, fresh] = values.undeclared_uses_found().try_emplace(t[f.name].name);
  if (fresh)
    for (const size_t k : values.occurrences(t[f.name].text)) {
      if (uses->second.size() == 2) break;
      if (values.call_at(k) != nullptr || k + 1 >= t.size() || !t[k + 1].is("(") ||
          (k > 0 && t[k - 1].is("::") && values.function_at(k) >= 0))
        uses->second.push_back(k);
    }
  if (std::any_of(uses->second.begin(), uses->second.end(), [&](size_t k) { return k != f.name; })) return std::nullopt;
  const uint64_t key = function_key(t[f.name].text);
  return ExternalParameter{key, argument_key(key, index), {}};
}

namespace {

// The value assigned at token `eq`, up to the statement's ';' or a ',' outside brackets, within
// tokens [eq, end): empty when it runs on to `end`.
TokenRange assigned_value(const SourceFile& file, size_t eq, size_t end) {
  const auto t = file.tokens;
  for (size_t k = eq + 1; k < end; ++k) {
    if (value_tokens::is_opener(t[k]) && file.syntax.match(k) > k && file.syntax.match(k) < end) k = file.syntax.match(k);
    else if (t[k].is(";") || t[k].is(",")) return {eq + 1, k};
  }
  return {};
}

// The value of the local that the identifier at token `use` names, when the function declares it
// with one (`struct Cfg c = load();`, `char *fmt = c.fmt;`) and names it nowhere else but there
// and at `use`: empty otherwise. Told by the tokens in the function, never by every binding of
// the name in the file (a file of thousands of functions each with a `c` would be quadratic).
TokenRange declared_value(const SourceFile& file, int function, size_t use) {
  const auto t = file.tokens;
  const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(function)];
  const auto all = file.values().occurrences(t[use].text);
  const auto first = std::lower_bound(all.begin(), all.end(), f.name);
  const auto last = std::upper_bound(first, all.end(), f.body_close);
  if (last - first != 2 || first[1] != use) return {};
  const size_t declared = first[0];
  if (declared <= f.body_open || !t[declared + 1].is("=") ||
      !(t[declared - 1].is("*") || (t[declared - 1].kind == TokenKind::identifier && !is_keyword(t[declared - 1].text))))
    return {};
  const TokenRange value = assigned_value(file, declared + 1, f.body_close);
  return !value.empty() && t[value.end].is(";") ? value : TokenRange{};
}

// c.fmt, where `struct Cfg c = load();` declares c (see external_value).
std::optional<ExternalParameter> returned_field(const SourceFile& file, int function, TokenRange read) {
  const auto t = file.tokens;
  const FileValues& values = file.values();
  const TokenRange value = values.strip(declared_value(file, function, read.begin));
  const Call* call = value.empty() ? nullptr : values.call_at(value.begin);
  if (call == nullptr || call->close + 1 != value.end || !call->macro.empty() || !call->qualifier.empty() ||
      values.definition(t[call->name].text) != nullptr)
    return std::nullopt;
  const uint64_t key = returned_field_function(t[call->name].text, t[read.begin + 2].text);
  return ExternalParameter{key, return_key(key), {}};
}

// Holder::s_data read by the call at token `at` (see external_value).
std::optional<ExternalParameter> static_member(const SourceFile& file, TokenRange read, size_t at) {
  const auto t = file.tokens;
  const FileValues& values = file.values();
  const std::string_view member = t[read.begin + 2].text;
  // Every other use of the name is looked at once per sink: a name used very often is left to
  // the file's own decision.
  constexpr size_t most_uses = 256;
  const auto uses = values.occurrences(member);
  if (uses.size() > most_uses) return std::nullopt;
  // The file writes it nowhere (a declaration in its class aside) and hands it to no other call.
  const auto bindings = values.bindings(member);
  if (std::any_of(bindings.begin(), bindings.end(), [](const Binding* b) { return b->form != BindingForm::member; }))
    return std::nullopt;
  const Call* use = values.call_at(at);
  for (const size_t k : uses)
    if (const int in = values.function_at(k); in >= 0 && values.first_call_taking(member, in, k - 1, k + 1, use) != nullptr)
      return std::nullopt;
  const uint64_t key = static_member_variable(t[read.begin].text, member);
  return ExternalParameter{key, global_key(key), {}};
}

}  // namespace

std::optional<ExternalParameter> external_value(const SourceFile& file, int function, TokenRange arg, size_t at) {
  if (function < 0 || is_header(file.input.path)) return std::nullopt;
  const auto t = file.tokens;
  const FileValues& values = file.values();
  TokenRange read = values.strip(arg);
  // char *fmt = c.fmt; … printf(fmt);
  if (read.size() == 1 && t[read.begin].kind == TokenKind::identifier)
    read = values.strip(declared_value(file, function, read.begin));
  if (read.size() != 3 || t[read.begin].kind != TokenKind::identifier || t[read.begin + 2].kind != TokenKind::identifier ||
      (read.begin > 0 && (t[read.begin - 1].is("::") || t[read.begin - 1].is(".") || t[read.begin - 1].is("->"))))
    return std::nullopt;
  if (t[read.begin + 1].is("::") && file.language == Language::cpp) return static_member(file, read, at);
  if (!t[read.begin + 1].is(".") && !t[read.begin + 1].is("->")) return std::nullopt;
  if (t[read.begin + 1].is("."))
    if (const auto field = returned_field(file, function, read)) return field;
  // holder.field, holder->field: a field of a parameter only other files give.
  return external_parameter(file, function, t[read.begin].text);
}

namespace {

// Whether a token of a declaration's type names a character type (char, wchar_t, TCHAR; LPSTR
// is left out).
bool names_character_type(const Token& w) {
  return w.kind == TokenKind::identifier &&
         (w.text.find("char") != std::string_view::npos || w.text.find("CHAR") != std::string_view::npos);
}

std::vector<ForwardedParameter> find_forwarded_parameters(const SourceFile& file) {
  std::vector<ForwardedParameter> out;
  if (is_header(file.input.path)) return out;
  const auto t = file.tokens;
  const auto& functions = file.syntax.functions();
  // The names this file defines, sorted once: asked for each forwarded argument, a walk of every
  // function would make a file of many small forwarding functions quadratic.
  std::vector<std::string_view> defined;
  bool defined_sorted = false;
  const auto defines = [&](std::string_view name) {
    if (!defined_sorted) {
      for (const FunctionDef& g : functions) defined.push_back(t[g.name].text);
      std::sort(defined.begin(), defined.end());
      defined_sorted = true;
    }
    return std::binary_search(defined.begin(), defined.end(), name);
  };
  // Per name: the function (plus one) whose parameter list was read and names it, and the one
  // whose list declares it a pointer to characters: a '*' and a character type before it since the
  // list's last '(' or ',', judged at the name's first place in the list. Calls come in token
  // order, so each function's list is read once; most functions declare no such pointer.
  std::vector<uint32_t> listed_in(file.names.size(), 0), character_pointer_in(file.names.size(), 0);
  int listed = -1;
  bool any_character_pointer = false;
  size_t judged = 0;
  for (const Call& c : file.syntax.calls()) {
    if (c.function < 0 || !c.macro.empty() || !c.qualifier.empty()) continue;
    const auto mark = static_cast<uint32_t>(c.function) + 1;
    if (c.function != listed) {
      listed = c.function;
      any_character_pointer = false;
      const FunctionDef& f = functions[static_cast<size_t>(c.function)];
      const size_t open = f.name + 1, close = file.syntax.match(open);
      if (close >= t.size() || close <= open) continue;
      bool pointer = false, character = false;
      for (size_t k = open + 1; k < close; ++k) {
        const Token& w = t[k];
        if (w.kind == TokenKind::identifier && w.name < listed_in.size()) {
          if (listed_in[w.name] != mark) {
            listed_in[w.name] = mark;
            if (pointer && character) character_pointer_in[w.name] = mark;
          }
          any_character_pointer = any_character_pointer || character_pointer_in[w.name] == mark;
        }
        if (w.is("(") || w.is(",")) {
          pointer = character = false;
          continue;
        }
        pointer = pointer || w.is("*");
        character = character || names_character_type(w);
      }
    }
    if (!any_character_pointer) continue;
    for (size_t a = 0; a < c.args.size() && a < max_followed_argument; ++a) {
      const auto [begin, end] = c.args[a];
      if (end != begin + 1 || t[begin].kind != TokenKind::identifier || t[begin].name >= character_pointer_in.size() ||
          character_pointer_in[t[begin].name] != mark)
        continue;
      if (defines(t[c.name].text)) break;  // a function of this file: followed within it
      // Each judgement reads every binding of the parameter's name in the file: a file of
      // thousands of functions forwarding a parameter of one name would be quadratic. Past this
      // many a file's further forwards are not followed (their sinks keep their own decision).
      constexpr size_t most_forwards_judged = 2048;
      if (++judged > most_forwards_judged) return out;
      if (const auto parameter = external_parameter(file, c.function, t[begin].text))
        out.push_back({argument_key(function_key(t[c.name].text), a), parameter->argument, c.name, a, t[c.name].line});
    }
  }
  return out;
}

// Whether the file-scope declaration of the name at token k (its type before it) declares a
// character pointer that is neither static nor const (an array is never assigned a buffer):
// `char *name;`, `char *name = …;`, `char *Class::name = …;`.
bool shared_character_pointer(std::span<const Token> t, size_t k) {
  bool pointer = false, character = false, file_own = false;
  size_t b = k;
  for (; b > 0 && !t[b - 1].is(";") && !t[b - 1].is("}") && !t[b - 1].is("{") && !t[b - 1].directive && k - b < 8; --b) {
    pointer = pointer || t[b - 1].is("*");
    character = character || (t[b - 1].kind == TokenKind::identifier && (t[b - 1].text.find("char") != std::string_view::npos ||
                                                                         t[b - 1].text.find("CHAR") != std::string_view::npos));
    // static: the file's own; const: a table, or a pointer to text nothing here fills.
    file_own = file_own || t[b - 1].is_ident("static") || t[b - 1].is_ident("const");
  }
  return pointer && character && !file_own && b != k && !t[b].is("*");
}

// The stores into static members of classes (see global_stores), appended to `out`.
void add_static_member_stores(const SourceFile& file, std::vector<GlobalStore>& out,
                              std::vector<ForwardedParameter>& forwards) {
  if (file.language != Language::cpp) return;
  const auto t = file.tokens;
  const FileValues& values = file.values();
  const auto& functions = file.syntax.functions();
  // The members the file defines (a character pointer at file scope) or writes qualified
  // (Holder::s_data = …, strcpy(Holder::s_data, …)), with their classes; by member, in order.
  constexpr size_t most_members = 1024;
  std::map<std::string_view, std::set<std::string_view>> classes_of;
  size_t members = 0;
  for (size_t k = 3; k + 1 < t.size() && members < most_members; ++k) {
    if (t[k].kind != TokenKind::identifier || t[k].directive || !t[k - 1].is("::") ||
        t[k - 2].kind != TokenKind::identifier || t[k - 3].is("::") || t[k + 1].is("("))
      continue;
    const int in = values.function_at(k);
    const bool defined = in < 0 && (t[k + 1].is("=") || t[k + 1].is(";")) && shared_character_pointer(t, k);
    const bool written = in >= 0 && (t[k + 1].is("=") || ((t[k - 3].is("(") || t[k - 3].is(",") || t[k - 3].is("&")) &&
                                                          (t[k + 1].is(")") || t[k + 1].is(","))));
    if ((defined || written) && classes_of[t[k].text].insert(t[k - 2].text).second) ++members;
  }
  for (const auto& [member, classes] : classes_of) {
    // Its bindings by token; the functions where the name is a local or a parameter.
    std::map<size_t, const Binding*> binding_at;
    std::set<int> own_name;
    for (const Binding* b : values.bindings(member)) {
      binding_at.emplace(b->name, b);
      if (b->function >= 0 && (b->form == BindingForm::declaration || b->form == BindingForm::parameter))
        own_name.insert(b->function);
    }
    for (const size_t k : values.occurrences(member)) {
      if (k < 2 || t[k + 1 < t.size() ? k + 1 : k].is("(")) continue;
      const int in = values.function_at(k);
      std::string_view cls;
      if (t[k - 1].is("::")) {
        cls = t[k - 2].text;
      } else if (in >= 0 && !t[k - 1].is(".") && !t[k - 1].is("->") && !own_name.contains(in)) {
        const size_t method = functions[static_cast<size_t>(in)].name;  // a method of the class: Holder::set
        if (method >= 2 && t[method - 1].is("::")) cls = t[method - 2].text;
      }
      if (!classes.contains(cls)) continue;
      const uint64_t key = global_key(static_member_variable(cls, member));
      if (const auto b = binding_at.find(k); b != binding_at.end() && b->second->form != BindingForm::member) {
        const bool whole = b->second->form == BindingForm::assignment || b->second->form == BindingForm::declaration;
        // A setter's parameter, which only other files fill: what they pass (see forwarded_parameters).
        const TokenRange value = values.strip(b->second->value);
        if (whole && in >= 0 && value.size() == 1 && t[value.begin].kind == TokenKind::identifier)
          if (const auto parameter = external_parameter(file, in, t[value.begin].text);
              parameter && parameter->header_global.empty()) {
            forwards.push_back({key, parameter->argument, t.size(), 0, t[k].line});
            continue;
          }
        if (!whole || !b->second->value.empty()) out.push_back({key, whole ? b->second->value : TokenRange{}, in, k});
      }
      if (in >= 0)
        for (const Call* c : values.calls_taking(member, in, k - 1, k + 1)) out.push_back({key, {}, in, k, c});
    }
  }
}

// The stores into the fields of the local structure a function returns by value (see
// global_stores), appended to `out`.
void add_returned_field_stores(const SourceFile& file, std::vector<GlobalStore>& out) {
  const auto t = file.tokens;
  const auto& functions = file.syntax.functions();
  for (size_t g = 0; g < functions.size(); ++g) {
    const FunctionDef& f = functions[g];
    // struct Cfg load(void): a type name before it, not a pointer, not a method, not static.
    if (f.name < 1 || t[f.name - 1].kind != TokenKind::identifier || t[f.name - 1].is_ident("void") ||
        declared_static(t, f.name) || f.body_close >= t.size())
      continue;
    // The one name every return statement gives back.
    size_t returned = t.size();
    bool one_name = true;
    for (size_t k = f.body_open; k + 2 < f.body_close && one_name; ++k)
      if (t[k].is_ident("return")) {
        one_name = t[k + 1].kind == TokenKind::identifier && t[k + 2].is(";") &&
                   (returned == t.size() || t[returned].text == t[k + 1].text);
        returned = k + 1;
      }
    if (!one_name || returned >= t.size()) continue;
    const std::string_view local = t[returned].text;
    // Its first use declares it (`struct Cfg c;`, `struct Cfg c = {0};`); the others read or
    // store fields, or return it. Anything else leaves its fields unknown.
    bool declared = false, known = true;
    const size_t first_store = out.size();
    for (size_t k = f.body_open + 1; k + 3 < f.body_close; ++k) {
      if (t[k].text != local || t[k].kind != TokenKind::identifier || t[k - 1].is(".") || t[k - 1].is("->") ||
          t[k - 1].is("::"))
        continue;
      if (!declared) {
        const bool cleared = t[k + 1].is("=") && t[k + 2].is("{") &&
                             (t[k + 3].is("}") || (t[k + 3].text == "0" && k + 4 < f.body_close && t[k + 4].is("}")));
        if (t[k - 1].kind != TokenKind::identifier || !(t[k + 1].is(";") || cleared)) break;
        declared = true;
        continue;
      }
      if (t[k - 1].is_ident("return")) continue;
      if (!t[k + 1].is(".") || t[k + 2].kind != TokenKind::identifier) {
        known = false;
        continue;
      }
      const Token& after = t[k + 3];
      if (after.is("=")) {
        out.push_back({return_key(returned_field_function(t[f.name].text, t[k + 2].text)),
                       assigned_value(file, k + 3, f.body_close), static_cast<int>(g), k + 2});
        continue;
      }
      // A read, unless it writes the field or hands it to a call (strcpy(c.name, …)).
      const bool argument = (t[k - 1].is("(") || t[k - 1].is(",")) && (after.is(")") || after.is(","));
      const bool writes = after.is("[") || after.is("(") || after.is("++") || after.is("--") ||
                          (after.kind == TokenKind::punct && after.text.size() >= 2 && after.text.back() == '=' &&
                           after.text != "==" && after.text != "!=" && after.text != "<=" && after.text != ">=");
      known = known && !argument && !writes && !t[k - 1].is("&");
    }
    if (!declared) out.resize(first_store);
    if (!known)
      for (size_t s = first_store; s < out.size(); ++s) out[s].value = {};
  }
}

std::vector<GlobalStore> find_global_stores(const SourceFile& file, std::vector<ForwardedParameter>& member_forwards) {
  std::vector<GlobalStore> out;
  if (is_header(file.input.path)) return out;
  const auto t = file.tokens;
  const FileValues& values = file.values();
  // The file-scope declarations of character pointers that are neither static nor const: the
  // cheap test on the tokens first (`char *name;`, `char *name = …;` outside functions).
  const auto& functions = file.syntax.functions();
  size_t next_function = 0;  // bodies are in token order: stepped over
  std::unordered_set<size_t> names_done;  // FileNames indexes
  for (size_t k = 1; k + 1 < t.size(); ++k) {
    for (; next_function < functions.size() && functions[next_function].body_open <= k; ++next_function)
      k = std::max(k, functions[next_function].body_close);
    if (k + 1 >= t.size()) break;
    if (t[k].kind != TokenKind::identifier || t[k].directive || !(t[k + 1].is(";") || t[k + 1].is("="))) continue;
    // A class's static member (Holder::s_data) is another variable than a global of its name.
    if (t[k - 1].is("::") || !shared_character_pointer(t, k) || values.in_record(k)) continue;
    // Each name once: a file may declare `char *g;` again and again (tentative definitions).
    if (!names_done.insert(t[k].name).second) continue;
    const std::string_view name = t[k].text;
    const uint64_t key = global_key(function_key(name));
    const auto bindings = values.bindings(name);
    std::unordered_set<int> own_variable;  // the functions that have a variable of that name
    for (const Binding* b : bindings)
      if (b->function >= 0 && (b->form == BindingForm::declaration || b->form == BindingForm::parameter))
        own_variable.insert(b->function);
    for (const Binding* binding : bindings) {
      if (binding->form == BindingForm::member || binding->form == BindingForm::parameter) continue;
      if (binding->function >= 0) {
        if (own_variable.contains(binding->function)) continue;
      } else if (binding->value.empty()) {
        continue;  // a declaration without a value
      }
      const bool whole = binding->form == BindingForm::assignment || binding->form == BindingForm::declaration;
      out.push_back({key, whole ? binding->value : TokenRange{}, binding->function, binding->name});
    }
    for (const size_t use : values.occurrences(name))
      if (const int in = values.function_at(use); in >= 0)
        for (const Call* c : values.calls_taking(name, in, use - 1, use + 1)) out.push_back({key, {}, in, use, c});
  }
  add_static_member_stores(file, out, member_forwards);
  add_returned_field_stores(file, out);
  return out;
}

}  // namespace

const std::vector<ForwardedParameter>& forwarded_parameters(const SourceFile& file) {
  if (!file.cross_file_) file.cross_file_ = std::make_shared<CrossFileValues>();
  auto& forwards = file.cross_file_->forwards;
  if (!forwards) {
    forwards = find_forwarded_parameters(file);
    if (file.language == Language::cpp) {
      global_stores(file);  // finds the setters storing their parameter in a static member
      forwards->insert(forwards->end(), file.cross_file_->member_forwards.begin(), file.cross_file_->member_forwards.end());
    }
  }
  return *forwards;
}

const std::vector<GlobalStore>& global_stores(const SourceFile& file) {
  if (!file.cross_file_) file.cross_file_ = std::make_shared<CrossFileValues>();
  auto& stores = file.cross_file_->stores;
  if (!stores) stores = find_global_stores(file, file.cross_file_->member_forwards);
  return *stores;
}

static std::vector<FilledParameter> find_filled_parameters(const SourceFile& file) {
  std::vector<FilledParameter> out;
  if (is_header(file.input.path)) return out;
  const auto t = file.tokens;
  const auto& functions = file.syntax.functions();
  for (size_t g = 0; g < functions.size(); ++g) {
    const FunctionDef& f = functions[g];
    if (f.name == 0 || t[f.name - 1].is("::") || declared_static(t, f.name)) continue;
    const size_t open = f.name + 1, close = file.syntax.match(open);
    if (close >= t.size() || close <= open) continue;
    // A method declared in its class is none: asked only of a function with a parameter to keep,
    // since the answer needs the file's values indexed, which most files need for nothing else.
    std::optional<bool> method;
    size_t index = 0, begin = open + 1;
    for (size_t k = open + 1; k <= close && index < max_followed_argument; ++k) {
      if (k < close && (t[k].is("(") || t[k].is("[")) && file.syntax.match(k) < close && file.syntax.match(k) > k) {
        k = file.syntax.match(k);
        continue;
      }
      if (k < close && !t[k].is(",")) continue;
      // One parameter, [begin, k): `T *&name`, `T **name`, `T *name` or `T name[]`.
      size_t end = k;
      const bool array = end > begin + 1 && t[end - 1].is("]") && file.syntax.match(end - 1) < end - 1;
      if (array) end = file.syntax.match(end - 1);
      const size_t name = end - 1;
      if (end >= begin + 2 && t[name].kind == TokenKind::identifier) {
        const bool character = std::any_of(t.begin() + static_cast<std::ptrdiff_t>(begin),
                                           t.begin() + static_cast<std::ptrdiff_t>(name), names_character_type);
        std::optional<FillForm> form;
        if (t[name - 1].is("&") && t[name - 2].is("*")) form = FillForm::reference;
        else if (t[name - 1].is("*") && t[name - 2].is("*")) form = FillForm::pointer_to_pointer;
        else if (array || t[name - 1].is("*")) form = FillForm::buffer;
        if (character && form && !method) method = file.values().in_record(f.name);
        if (character && form && !*method)
          out.push_back({filled_key(function_key(t[f.name].text), index), static_cast<int>(g), name, *form});
      }
      ++index;
      begin = k + 1;
    }
  }
  return out;
}

const std::vector<FilledParameter>& filled_parameters(const SourceFile& file) {
  if (!file.cross_file_) file.cross_file_ = std::make_shared<CrossFileValues>();
  auto& filled = file.cross_file_->filled;
  if (!filled) filled = find_filled_parameters(file);
  return *filled;
}

std::vector<Call> member_calls(const SourceFile& file) {
  std::vector<Call> out;
  if (file.language != Language::cpp) return out;
  const auto t = file.tokens;
  const FileValues& values = file.values();
  for (size_t i = 1; i + 2 < t.size(); ++i) {
    if (t[i].kind != TokenKind::identifier || t[i].directive || is_keyword(t[i].text)) continue;
    // The '(' of the arguments: a method's, a `new X(…)`'s, or a statement `X name(…);`'s, the
    // class maybe qualified (new ns::X(…), `ns::X name(…);`).
    size_t qualified = i;
    while (qualified >= 3 && t[qualified - 1].is("::") && t[qualified - 2].kind == TokenKind::identifier) qualified -= 2;
    const Token& before = t[qualified - 1];
    size_t open = t.size();
    // A class's static method called qualified (Holder::set(…)) is named so too; std's are the library's.
    const bool static_method = qualified < i && !t[qualified].is_ident("std") && !before.is_ident("new");
    if (t[i + 1].is("(") && (t[i - 1].is("->") || t[i - 1].is(".") || before.is_ident("new") || static_method))
      open = i + 1;
    else if ((before.is(";") || before.is("{") || before.is("}")) && t[i + 1].kind == TokenKind::identifier &&
             !is_keyword(t[i + 1].text) && t[i + 2].is("(") && file.syntax.match(i + 2) + 1 < t.size() &&
             t[file.syntax.match(i + 2) + 1].is(";"))
      open = i + 2;
    if (open >= t.size()) continue;
    const int function = values.function_at(i);
    if (function < 0) continue;
    if (auto c = call_opened_at(file, i, open, function)) out.push_back(std::move(*c));
  }
  return out;
}

std::optional<Call> call_opened_at(const SourceFile& file, size_t name, size_t open, int function) {
  const auto t = file.tokens;
  const size_t close = file.syntax.match(open);
  if (close >= t.size() || close <= open) return std::nullopt;
  Call c;
  c.name = name;
  c.open = open;
  c.close = close;
  c.function = function;
  // Its top-level arguments; a nested group is stepped over (its own calls are found in turn).
  size_t begin = open + 1;
  for (size_t k = open + 1; k <= close; ++k) {
    if (k < close && value_tokens::is_opener(t[k]) && file.syntax.match(k) < close) {
      k = file.syntax.match(k);
      continue;
    }
    if (k < close && !t[k].is(",")) continue;
    if (k > begin) c.args.emplace_back(begin, k);
    begin = k + 1;
  }
  return c;
}

std::vector<std::string> header_extern_pointers(const SourceFile& file) {
  std::vector<std::string> out;
  const auto t = file.tokens;
  if (!is_header(file.input.path) || file.names.index("extern") >= file.names.size()) return out;
  const auto& functions = file.syntax.functions();
  size_t next_function = 0;  // bodies are in token order: stepped over
  for (size_t k = 0; k + 2 < t.size() && out.size() < max_header_externs; ++k) {
    for (; next_function < functions.size() && functions[next_function].body_open <= k; ++next_function)
      k = std::max(k, functions[next_function].body_close);
    if (k + 2 >= t.size() || !t[k].is_ident("extern") || t[k].directive || file.syntax.dead(k)) continue;
    // extern char *a, *b; one declarator after another, up to the ';' (a short statement only).
    constexpr size_t longest_declaration = 32;
    bool character = false, pointer = false, constant = false, plain = true;
    size_t name = t.size();
    for (size_t d = k + 1; d < t.size() && d - k < longest_declaration; ++d) {
      const Token& x = t[d];
      if (x.directive || x.is("(") || x.is("[") || x.is("{") || x.is("=")) {
        plain = false;  // a function, an array, `extern "C" {`, an initializer
      } else if (x.is(",") || x.is(";")) {
        if (plain && pointer && character && !constant && name < t.size()) out.emplace_back(t[name].text);
        if (x.is(";")) break;
        pointer = constant = false, plain = true, name = t.size();
      } else if (x.is("*")) {
        pointer = true;
        constant = false;  // char *const p: the pointer's own const comes after its '*'
      } else if (x.kind == TokenKind::identifier) {
        character = character || x.text.find("char") != std::string_view::npos || x.text.find("CHAR") != std::string_view::npos;
        if (x.is_ident("const") && pointer) constant = true;
        else name = d;
      }
    }
  }
  return out;
}

namespace {

// The path `include` names from the directory of `includer`, with "." and ".." folded
// ("src/b.c", "../inc/x.h" → "inc/x.h"); empty when it climbs out of the tree.
std::string beside(std::string_view includer, std::string_view include) {
  std::vector<std::string_view> parts;
  const size_t slash = includer.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? std::string_view{} : includer.substr(0, slash);
  const auto split = [&](std::string_view path) {
    while (!path.empty()) {
      const size_t end = std::min(path.find('/'), path.size());
      const std::string_view part = path.substr(0, end);
      path.remove_prefix(std::min(end + 1, path.size()));
      if (part.empty() || part == ".") continue;
      if (part != "..") parts.push_back(part);
      else if (parts.empty()) return false;
      else parts.pop_back();
    }
    return true;
  };
  if (!split(dir) || !split(include)) return {};
  std::string out;
  for (const auto part : parts) (out.empty() ? out : out += '/') += part;
  return out;
}

}  // namespace

bool IncludedExterns::is_header_path(std::string_view path) { return is_header(path); }

size_t IncludedExterns::PairHash::operator()(const std::pair<std::string_view, std::string_view>& p) const {
  return std::hash<std::string_view>{}(p.first) * 31 + std::hash<std::string_view>{}(p.second);
}

void IncludedExterns::add_header(std::string_view path) {
  headers_.insert(path);
  // Its last components, the shortest first; a path of very many components is indexed by its
  // last few only (no include names more).
  constexpr size_t most_components = 16;
  size_t from = path.size();
  for (size_t components = 0; components < most_components && from > 0; ++components) {
    const size_t slash = path.rfind('/', from - 1);
    const size_t begin = slash == std::string_view::npos ? 0 : slash + 1;
    by_suffix_.emplace(path.substr(begin), path);  // files come in path order: the first stays
    if (slash == std::string_view::npos) break;
    from = slash;
  }
}

std::string_view IncludedExterns::resolve_one(std::string_view includer, std::string_view include) const {
  if (const auto same = headers_.find(beside(includer, include)); same != headers_.end()) return *same;
  std::string_view suffix = include;
  while (suffix.starts_with("./") || suffix.starts_with("../")) suffix.remove_prefix(suffix.find('/') + 1);
  if (const auto any = by_suffix_.find(suffix); any != by_suffix_.end()) return any->second;
  return {};
}

std::vector<std::string_view> IncludedExterns::resolve(std::string_view includer, std::span<const std::string> includes) const {
  std::vector<std::string_view> out;
  std::unordered_set<std::string_view> seen;  // a header included twice, or including itself, counts once
  const auto add = [&](std::string_view from, std::span<const std::string> names) {
    for (const std::string& include : names) {
      if (out.size() >= max_included_headers) return;
      if (const auto header = resolve_one(from, include); !header.empty() && seen.insert(header).second)
        out.push_back(header);
    }
  };
  add(includer, includes);
  // Each level's headers' own includes make the next level.
  for (size_t level = 1, begin = 0; level < max_include_depth && begin < out.size(); ++level) {
    const size_t end = out.size();
    for (size_t k = begin; k < end; ++k)
      if (const auto own = includes_of_.find(out[k]); own != includes_of_.end()) add(out[k], *own->second);
    begin = end;
  }
  return out;
}

bool IncludedExterns::declares(std::span<const std::string_view> headers, std::string_view name) const {
  return std::any_of(headers.begin(), headers.end(), [&](std::string_view h) { return declared_.contains({h, name}); });
}

}  // namespace mdbc::source
