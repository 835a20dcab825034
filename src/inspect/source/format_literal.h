#pragma once
// Whether an argument of a call is a string literal in the sense of the format rules (CODE-2, and
// CODE-1's scanf check, which reads the text): a literal, adjacent literals ("a" "b"), macros
// known to expand to literals (PRIu32, SCNd64, KERN_ERR, __FILE__, object-like macros of the same
// file whose body is such a form), a conditional whose branches both are (c ? "a" : "b"), and a
// gettext-family lookup of such a form (_("…"), gettext("…"): the translated format is shipped
// with the product, and msgfmt --check-format verifies it against the original).
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inspect/source/source_rule.h"

namespace mdbc::source {

// Stands in a literal's text for what a function-like macro among its pieces adds, which this file
// does not spell: a stringified width, a prefix.
inline constexpr char unspelled_text = '\x1f';

struct LiteralForm {
  enum class Kind {
    literal,          // every alternative is made of literals
    macro_parameter,  // (part of) the text comes from a parameter of the enclosing macro
    other,            // a variable, a call result, … : not a literal
  };
  Kind kind = Kind::other;
  // For literal and macro_parameter: the text of each alternative (one per ?: branch), with
  // escapes as written, known macros rendered as the conversion they stand for ("PRIu32" → "u"),
  // parameters as nothing, and a function-like macro among the literals (`"%" __stringify(N) "s"`)
  // as `unspelled_text`.
  std::vector<std::string> texts;
  size_t parameter = 0;  // macro_parameter: index into the macro's parameter list
  // For other: when non-empty, the form is literal exactly if each of these names is a macro
  // defined elsewhere (a header of the tree) as a literal; the caller may look them up.
  std::vector<std::string_view> unresolved;
};

class LiteralResolver {
 public:
  // The object-like macros of this file whose bodies are literal forms, and for each of the
  // others that might still be one, the names it depends on (`unresolved`).
  struct MacroLiteral {
    std::string_view name;
    std::vector<std::string_view> unresolved;  // empty: literal
  };
  std::vector<MacroLiteral> literal_macros() const;

  explicit LiteralResolver(const SourceFile& file) : file_(file) {}
  // Evaluates tokens [begin, end). `macro_params`: when the range is in a #define body, that
  // macro's parameter names (see CallSites::macro_params), else empty.
  LiteralForm evaluate(size_t begin, size_t end, std::span<const std::string_view> macro_params = {}) const;

 private:
  void index_object_macros() const;

  const SourceFile& file_;
  mutable bool indexed_ = false;
  // The object-like macros of the file: by name (FileNames index) the body's tokens, {0, 0} for a
  // name no such #define defines (a body never starts at token 0), and the names in the order
  // first defined. A table by name id rather than a hash map: a register header defines tens of
  // thousands of macros, and each node of a map was an allocation to make and free again.
  mutable std::vector<std::pair<size_t, size_t>> body_of_name_;
  mutable std::vector<uint32_t> defined_names_;
};

// Whether tokens [begin, end) look up a table the file fills only with literals: messages[i],
// table[i].fmt. The array is declared (seen from `function`) with an initialiser of string
// literals, numbers, NULL, literal macros and designators, and nothing may write it: it is const,
// or a static or local array that no other statement of the file assigns.
bool literal_table_element(const SourceFile& file, size_t begin, size_t end, int function);

// A macro the C library, the compiler or a well-known platform defines as a string literal; the
// text it stands for, or nullptr.
const char* literal_macro_text(std::string_view name);

// Whether a scanf-family format has a %s, %S or %[ conversion that stores a string without a
// field width (and without assignment suppression or the POSIX 'm' allocation modifier).
bool has_unbounded_string_conversion(std::string_view scanf_format);

}  // namespace mdbc::source
