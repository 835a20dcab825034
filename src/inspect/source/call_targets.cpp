// The functions calls reach when their callers say so (call_targets.h).
#include "inspect/source/call_targets.h"

#include <algorithm>

#include "inspect/source/cross_file.h"
#include "inspect/source/source_values.h"

namespace mdbc::source {

uint64_t method_key(std::string_view cls, std::string_view method) {
  std::string name;
  name.reserve(cls.size() + 2 + method.size());
  name.append(cls).append("::").append(method);
  return function_key(name);
}

namespace {

bool cpp_file(const SourceFile& file) { return file.language == Language::cpp || file.language == Language::c_header; }

// The '{' of the class body that holds token `at` directly, or tokens.size(): back over the
// bracketed groups before it to the first unmatched '{' (a bounded number of steps: a class of
// thousands of members gives up, leaving the method's class unknown).
size_t enclosing_brace(const Syntax& syntax, size_t at) {
  const auto t = syntax.tokens();
  constexpr size_t most_steps = 4096;
  for (size_t k = at, steps = 0; k > 0 && steps < most_steps; ++steps) {
    const Token& x = t[--k];
    if (x.directive || x.kind != TokenKind::punct) continue;
    if (x.is("}") || x.is(")") || x.is("]")) {
      const size_t open = syntax.match(k);
      if (open >= k) return t.size();
      k = open;
    } else if (x.is("{")) {
      return k;
    }
  }
  return t.size();
}

// The class a construction names: `new ns::X(…)`, `new X`, and where `temporary` says a
// reference is bound to its value, `ns::X(…)`, `X{…}` as a whole initialiser (elsewhere that form
// is as often a factory's call, `Base *o = make_sink();`, whose name is no class); empty for
// anything else.
std::string_view constructed_class(const FileValues& values, TokenRange value, bool temporary) {
  const auto t = values.tokens();
  size_t k = value.begin;
  const bool is_new = k < value.end && t[k].is_ident("new");
  if (is_new) ++k;
  if (k < value.end && t[k].is("::")) ++k;
  size_t name = t.size();
  while (k < value.end && t[k].kind == TokenKind::identifier && !is_keyword(t[k].text)) {
    name = k++;
    if (k + 1 < value.end && t[k].is("::") && t[k + 1].kind == TokenKind::identifier) ++k;
    else break;
  }
  if (name >= t.size()) return {};
  if (k == value.end) return is_new ? t[name].text : std::string_view{};  // new X; a bare name is a variable
  if ((is_new || temporary) && (t[k].is("(") || t[k].is("{")) && values.syntax().match(k) + 1 == value.end)
    return t[name].text;
  return {};
}

}  // namespace

std::string_view method_class(const SourceFile& file, int function) {
  if (function < 0 || !cpp_file(file)) return {};
  const auto t = file.tokens;
  const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(function)];
  if (f.name >= 2 && t[f.name - 1].is("::") && t[f.name - 2].kind == TokenKind::identifier) return t[f.name - 2].text;
  if (!file.values().in_record(f.name)) return {};
  const size_t brace = enclosing_brace(file.syntax, f.name);
  const size_t name = file.syntax.record_name(brace);
  return name < t.size() ? t[name].text : std::string_view{};
}

PointedFunctions::PointedFunctions(const SourceFile& file) : file_(file), declared_(file.names.size(), 0) {
  const auto t = file.tokens;
  for (size_t k = 0; k + 4 < t.size(); ++k)
    if (t[k].is("(") && t[k + 1].is("*") && t[k + 2].kind == TokenKind::identifier && t[k + 3].is(")") &&
        t[k + 4].is("(") && t[k + 2].name < declared_.size())
      declared_[t[k + 2].name] = 1;
}

std::string_view PointedFunctions::of(const Call& call) {
  const auto t = file_.tokens;
  const Token& name = t[call.name];
  if (call.function < 0 || name.kind != TokenKind::identifier || name.name >= declared_.size() || !declared_[name.name] ||
      (call.name > 0 && (t[call.name - 1].is(".") || t[call.name - 1].is("->") || t[call.name - 1].is("::"))))
    return {};
  const auto [memo, fresh] = judged_.try_emplace(uint64_t{name.name} << 32 | static_cast<uint32_t>(call.function));
  if (!fresh) return memo->second;
  const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(call.function)];
  // Every other use of the name in the function sets it: `void (*name)(char *) = target;` or
  // `name = target;` (`&target` alike), all to the same function.
  std::string_view target;
  // The function's occurrences are one run of the file's, found by position: a pointer of one
  // name declared in each of thousands of functions is judged in each by its own uses.
  const auto all = file_.values().occurrences(name.text);
  const auto first = std::upper_bound(all.begin(), all.end(), f.body_open);
  const auto last = std::lower_bound(first, all.end(), f.body_close);
  for (const size_t k : std::span<const size_t>(first, last)) {
    if (file_.values().call_at(k) != nullptr) continue;
    size_t value = t.size();
    if (k >= 2 && t[k - 1].is("*") && t[k - 2].is("(") && k + 2 < t.size() && t[k + 1].is(")") && t[k + 2].is("(")) {
      const size_t parameters = file_.syntax.match(k + 2);
      if (parameters + 1 < t.size() && t[parameters + 1].is("=")) value = parameters + 2;
    } else if (k + 1 < t.size() && t[k + 1].is("=")) {
      value = k + 2;
    }
    if (value < t.size() && t[value].is("&")) ++value;
    if (value + 1 >= t.size() || t[value].kind != TokenKind::identifier || is_keyword(t[value].text) ||
        !t[value + 1].is(";") || (!target.empty() && target != t[value].text))
      return memo->second = {};
    target = t[value].text;
  }
  return memo->second = target;
}

SinkMethod sink_method(const SourceFile& file, int function, uint64_t sink_function) {
  const std::string_view cls = method_class(file, function);
  if (cls.empty()) return {};
  const std::string_view name = file.tokens[file.syntax.functions()[static_cast<size_t>(function)].name].text;
  if (function_key(name) != sink_function) return {};  // a constructor's parameter, a callee's result…
  return {std::string(cls), std::string(name)};
}

std::string_view ReceiverClasses::of(const Call& call) {
  const auto t = file_.tokens;
  if (call.function < 0 || call.name < 2 || !(t[call.name - 1].is("->") || t[call.name - 1].is(".")) ||
      t[call.name - 2].kind != TokenKind::identifier || t[call.name - 2].name >= file_.names.size())
    return {};
  const size_t receiver = call.name - 2;
  if (receiver > 0 && (t[receiver - 1].is(".") || t[receiver - 1].is("->") || t[receiver - 1].is("::"))) return {};
  const auto [memo, fresh] =
      judged_.try_emplace(uint64_t{t[receiver].name} << 32 | static_cast<uint32_t>(call.function));
  if (fresh) memo->second = judge(t[receiver].text, call.function);
  return memo->second;
}

std::string_view ReceiverClasses::judge(std::string_view receiver, int function) const {
  return receiver_class(file_.values(), receiver, function);
}

std::string_view receiver_class(const FileValues& values, std::string_view receiver, int function) {
  const auto t = values.tokens();
  std::string_view cls;
  for (const Binding* b : values.visible(receiver, function)) {
    if (b->function != function) return {};
    // A null first value holds no object (`Base *o = nullptr; … o = new X;`).
    if (b->form == BindingForm::declaration && b->value.size() == 1 &&
        (t[b->value.begin].is_ident("nullptr") || t[b->value.begin].is_ident("NULL") || t[b->value.begin].text == "0"))
      continue;
    std::string_view this_class;
    // `const Base &o = BadSink();`: a reference declared to a temporary of the class.
    const bool reference = b->form == BindingForm::declaration && b->name > 0 &&
                           (t[b->name - 1].is("&") || t[b->name - 1].is("&&"));
    if (b->form == BindingForm::declaration || b->form == BindingForm::assignment)
      this_class = constructed_class(values, b->value, reference);
    // An object declared with its class: `X o;`, `X o(…);`, `X o{…};`.
    if (this_class.empty() && b->form == BindingForm::declaration && b->name > 0 &&
        t[b->name - 1].kind == TokenKind::identifier && !is_keyword(t[b->name - 1].text) && b->name + 1 < t.size() &&
        (t[b->name + 1].is(";") || t[b->name + 1].is("(") || t[b->name + 1].is("{")))
      this_class = t[b->name - 1].text;
    if (this_class.empty() || (!cls.empty() && cls != this_class)) return {};
    cls = this_class;
  }
  return cls;
}

uint64_t StatedTargets::of(const Call& call, bool member) {
  const auto t = receivers_.tokens();
  if (member) {
    const std::string_view cls = receivers_.of(call);
    return cls.empty() ? 0 : method_key(cls, t[call.name].text);
  }
  const std::string_view pointed = pointers_.of(call);
  return pointed.empty() ? 0 : function_key(pointed);
}

std::vector<std::pair<std::string, std::string>> class_bases(const SourceFile& file) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!cpp_file(file)) return out;
  const auto t = file.tokens;
  for (size_t k = 0; k + 3 < t.size() && out.size() < max_class_bases; ++k) {
    if (t[k].directive || !(t[k].is_ident("class") || t[k].is_ident("struct"))) continue;
    // The head up to its body: `class X final : public ns::B<T>, private C {`.
    constexpr size_t longest_head = 64;
    size_t colon = t.size(), brace = t.size();
    for (size_t q = k + 1; q < t.size() && q - k < longest_head; ++q) {
      if (t[q].is(";") || t[q].is("}") || t[q].is("=") || t[q].is(")")) break;
      if (t[q].is(":") && colon == t.size()) colon = q;
      if (t[q].is("{")) {
        brace = q;
        break;
      }
    }
    if (colon >= brace || brace >= t.size()) continue;
    const size_t name = file.syntax.record_name(brace);
    if (name >= t.size()) continue;
    // Each base: its last name outside template arguments, before ',' or the body.
    size_t angles = 0, last = t.size();
    for (size_t q = colon + 1; q <= brace; ++q) {
      if (t[q].is("<")) ++angles;
      else if (t[q].is(">")) angles -= std::min<size_t>(angles, 1);
      else if (t[q].is(">>")) angles -= std::min<size_t>(angles, 2);
      else if (angles == 0 && t[q].kind == TokenKind::identifier && !is_keyword(t[q].text)) last = q;
      else if (angles == 0 && (t[q].is(",") || q == brace) && last < t.size()) {
        out.emplace_back(std::string(t[name].text), std::string(t[last].text));
        last = t.size();
      }
    }
    k = colon;
  }
  return out;
}

void ClassTree::add(std::string_view cls, std::string_view base) {
  std::string pair;
  pair.append(base).push_back('\0');
  pair.append(cls);
  if (added_.insert(std::move(pair)).second) derived_[std::string(base)].emplace_back(cls);
}

std::vector<uint64_t> ClassTree::method_keys(std::string_view cls, std::string_view method) const {
  std::vector<std::string_view> classes{cls};
  for (size_t next = 0; next < classes.size() && classes.size() < max_derived; ++next) {
    const auto it = derived_.find(std::string(classes[next]));
    if (it == derived_.end()) continue;
    for (size_t d = 0; d < it->second.size() && classes.size() < max_derived; ++d)
      if (std::find(classes.begin(), classes.end(), it->second[d]) == classes.end()) classes.push_back(it->second[d]);
  }
  std::vector<uint64_t> keys;
  for (const std::string_view c : classes) keys.push_back(method_key(c, method));
  return keys;
}

std::vector<uint64_t> ClassTree::receiver_arguments(const SinkMethod& m, uint64_t argument) const {
  std::vector<uint64_t> out;
  if (m.empty()) return out;
  const uint64_t function = function_key(m.method);
  // argument_key(f, i) is f mixed with i alone: the same position of another function is the
  // other function mixed in place of this one.
  for (const uint64_t key : method_keys(m.cls, m.method)) out.push_back(argument ^ function ^ key);
  return out;
}

}  // namespace mdbc::source
