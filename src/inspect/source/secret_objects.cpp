#include "inspect/source/secret_objects.h"

#include "inspect/source/buffer_contents.h"

namespace mdbc::source {
namespace {
// The objects followed: the one read, and for a parameter, the one each caller passes.
constexpr int max_caller_level = 1;
}  // namespace

size_t SecretObjects::in(TokenRange read) {
  const size_t object = object_read_from(values_, read);
  const int function = object < toks_.size() ? values_.function_at(object) : -1;
  if (function < 0) return toks_.size();
  return held(object, function, 0);
}

// What the object the name at token `name` designates holds in `function`.
size_t SecretObjects::held(size_t name, int function, int level) {
  const uint64_t key = uint64_t{toks_[name].name} << 32 | uint64_t{static_cast<uint32_t>(function)} << 1 |
                       static_cast<uint64_t>(level);
  if (const auto known = held_.find(key); known != held_.end()) return known->second;
  const size_t none = toks_.size();
  const auto bindings = values_.visible(toks_[name].text, function);
  size_t found = none;
  bool known = !bindings.empty();
  for (const Binding* b : bindings) {
    if (b->function != function) {  // a global: any function may set it
      known = false;
      break;
    }
    if (b->form == BindingForm::parameter) {
      const size_t passed = passed_by_a_caller(*b, level);
      held_.emplace(key, passed);
      return passed;
    }
    if (b->form == BindingForm::declaration && b->value.empty()) continue;
    // char **p = &password: the pointer designates the secret (also read as a store into *p).
    found = b->form == BindingForm::declaration || b->form == BindingForm::assignment || b->form == BindingForm::element
                ? secret_value(b->value)
                : none;
    known = found != none;
    if (!known) break;
  }
  // holder.structFirst = password, both.unionFirst = password: through a member.
  if (known)
    for (const Store& store : stores_into(values_, function, toks_[name].text)) {
      found = store.through_member ? secret_value(store.value) : none;
      known = found != none;
      if (!known) break;
    }
  if (!known) found = none;
  held_.emplace(key, found);
  return found;
}

// The secret-named name a value is (password, &password, (char *)password), or none.
size_t SecretObjects::secret_value(TokenRange value) const {
  const TokenRange r = values_.strip(value);
  if (r.size() != 1 || toks_[r.begin].kind != TokenKind::identifier || !secret_(r.begin)) return toks_.size();
  return r.begin;
}

// A struct given to a static helper of the file: what a caller's argument holds there.
size_t SecretObjects::passed_by_a_caller(const Binding& parameter, int level) {
  const size_t none = toks_.size();
  if (level >= max_caller_level) return none;
  const FunctionDef& f = values_.syntax().functions()[static_cast<size_t>(parameter.function)];
  const std::string_view function = toks_[f.name].text;
  if (!declared_static(toks_, f.name) || values_.definition(function) != &f) return none;
  // Its position: the parameters before it (a definition's bindings come in token order).
  size_t index = 0;
  for (const Binding* b : values_.bindings_in(parameter.function))
    if (b->form == BindingForm::parameter && b->function == parameter.function && b->name < parameter.name) ++index;
  for (const size_t k : values_.occurrences(function)) {
    const Call* c = values_.call_at(k);
    if (c == nullptr || c->function < 0 || index >= c->args.size()) continue;
    const TokenRange argument = values_.strip({c->args[index].first, c->args[index].second});
    if (argument.size() != 1 || toks_[argument.begin].kind != TokenKind::identifier) continue;
    if (const size_t secret = held(argument.begin, c->function, level + 1); secret != none) return secret;
  }
  return none;
}

}  // namespace mdbc::source
