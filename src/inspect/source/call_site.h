#pragma once
// What the call-based rules (CODE-1 … CODE-5) need to know about a name at a place in a C-family
// file beyond syntax.h: whether a call in a #define body is ever expanded, whether the file has
// redefined the name as its own macro or static function, and where a function is used as a
// value (its address taken) rather than called. Built lazily, once per file and rule.
#include <functional>
#include <span>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/severity.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {

// Whether a path names a header (.h, .hpp, .hh, .hxx, .h++, .inl, .ipp, .H, .tcc).
bool is_header(std::string_view path);

// The default severity of an element in the code book (error when the element is unknown).
Severity element_severity(const RunContext& ctx, std::string_view element_id);

class CallSites {
 public:
  explicit CallSites(const SourceFile& file) : file_(file) {}

  // Whether a call or reference of `name_token` should be reported as the library function:
  // - inside a #define body (`macro` non-empty): only when that macro is expanded somewhere in
  //   this file or the file is a header (its users are elsewhere); the finding is then at the
  //   macro, where the fix belongs;
  // - not when this file has #defined the name itself before that point (the call expands to the
  //   file's own macro, e.g. `#define strcpy(d, s) safe_copy(d, s)`);
  // - not when this file defines a `static` function of that name (calls reach it, not the
  //   library).
  bool reportable(size_t name_token, std::string_view macro) const;
  bool reportable(const Call& c) const { return reportable(c.name, c.macro); }
  // Only the first condition: for calls of the file's own macros.
  bool expansion_reportable(const Call& c) const;
  // Whether this file uses the macro `macro`: in code, or in the body of another macro.
  bool expanded(std::string_view macro) const;

  // A use of a function as a value rather than a call: `fp = strcpy;`, `{ strcpy, strcat }`,
  // `return &gets;`, `(strcpy)(d, s)`. Members (`ops.strcpy = f`) and user namespaces are not.
  struct Reference {
    size_t token;
    std::string_view macro;  // the #define whose body holds it, or ""
  };
  std::vector<Reference> references(const std::function<bool(std::string_view)>& wanted) const;

  // Whether this file defines a function of this name (any linkage), and whether it is variadic.
  const FunctionDef* defined_function(std::string_view name) const;

  // The parameter names of a function-like macro whose '#' is at `hash` ("__VA_ARGS__" for
  // "..."); empty for object-like macros. Also used to find a macro by name: see macro_define().
  std::vector<std::string_view> macro_params(size_t hash) const;
  // Whether `name` is the variable-argument parameter of that macro: __VA_ARGS__ for "...", or
  // the name before "..." in GNU C's named form (#define FAIL(args...)).
  bool variadic_param(size_t hash, std::string_view name) const;
  // The '#' token of the (last) #define of `name` in this file, or tokens.size().
  size_t macro_define(std::string_view name) const;
  // The '#' of the #define of `name` whose body holds token `at` (the last one before it): a macro
  // defined twice under #if and #else has two bodies with their own parameters.
  size_t macro_define_at(std::string_view name, size_t at) const;

 private:
  struct Define {
    size_t hash;   // index of '#'
    bool undef;    // #undef rather than #define
  };
  void index_defines() const;
  void index_functions() const;

  const SourceFile& file_;
  mutable bool defines_indexed_ = false;
  mutable std::unordered_map<std::string_view, std::vector<Define>> defines_;
  mutable bool functions_indexed_ = false;
  mutable std::unordered_map<std::string_view, const FunctionDef*> functions_;
  mutable std::unordered_map<std::string_view, bool> static_functions_;
  mutable bool expansions_indexed_ = false;
  mutable std::unordered_set<std::string_view> expanded_names_;
};

}  // namespace mdbc::source
