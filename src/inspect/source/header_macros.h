#pragma once
// Macros a header of the tree defines, for the rules whose argument names a macro its own file
// does not define (`#include "tls_config.h"` … `SSL_CTX_set_verify(ctx, TLS_VERIFY_MODE, NULL)`).
// The source stage reads each file once and alone, so the decision waits for the tree-wide pass:
// check() keeps, of a header, the few macros whose one-token body the rule cares about, and, of
// the file that uses one, the quoted #includes; finish() matches the two. Only headers the file
// names in an #include "…" count, by path: a macro of the same name in an unrelated header of the
// tree does not.
#include <any>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "inspect/source/source_rule.h"

namespace mdbc::source {

struct HeaderMacro {
  std::string name;
  std::string body;  // the one token it stands for, parentheses dropped
};

// The object-like macros of the file (`#define NAME BODY`, `#define NAME (BODY)`) whose body is
// one token that `keep(name, body)` accepts.
std::vector<HeaderMacro> single_token_macros(const SourceFile& file,
                                             const std::function<bool(std::string_view, std::string_view)>& keep);

// The names in the file's `#include "…"` lines, as written; the first max_quoted_includes of them
// (the matching in finish() costs includes × definitions for each pending decision).
constexpr size_t max_quoted_includes = 256;
std::vector<std::string> quoted_includes(const SourceFile& file);

// Whether `header`, a path of the tree, is the file an `#include "include"` names: the same path,
// or one ending in it after a '/' (the includer's directory or an include directory of the build).
bool names_header(std::string_view include, std::string_view header);

// The kept macros of the tree's headers by name, for finish(). The views point into the facts
// passed to add(), which must outlive the index.
class HeaderMacroIndex {
 public:
  void add(std::string_view header, std::span<const HeaderMacro> macros);
  bool empty() const { return by_name_.empty(); }
  struct Definition {
    std::string_view header, body;
  };
  // What the headers among `includes` define `name` as, when at least one does and all agree.
  // Only the first max_definitions headers defining the name are looked at: a tree with the
  // same macro in thousands of headers must not cost thousands of matches per use.
  static constexpr size_t max_definitions = 64;
  std::optional<Definition> find(std::string_view name, std::span<const std::string> includes) const;

 private:
  std::unordered_map<std::string_view, std::vector<Definition>> by_name_;
};

// The tree-wide pass of a rule whose findings wait on such macros: each file's facts (a Facts)
// hold `macros`, its kept macros when it is a header, and `pending`, its uses waiting on one (each
// with the `macro` it names and the file's quoted `includes`). decide(use, definition) is called
// for every use whose macro the headers it includes define alike.
template <class Facts, class Pending, class Decide>
void decide_pending_macros(std::span<const SourceFileFacts> files, std::vector<HeaderMacro> Facts::*macros,
                           std::vector<Pending> Facts::*pending, Decide&& decide) {
  HeaderMacroIndex index;
  bool any_pending = false;
  for (const auto& f : files)
    if (const auto* facts = std::any_cast<Facts>(&f.facts)) {
      index.add(f.path, facts->*macros);
      any_pending = any_pending || !(facts->*pending).empty();
    }
  if (index.empty() || !any_pending) return;
  for (const auto& f : files)
    if (const auto* facts = std::any_cast<Facts>(&f.facts))
      for (const auto& use : facts->*pending)
        if (const auto definition = index.find(use.macro, use.includes)) decide(use, *definition);
}

}  // namespace mdbc::source
