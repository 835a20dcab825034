// CODE-5, the class C subset of C (MISRA C:2012), except recursion (recursion.cpp): dynamic
// memory (21.3, and C++ new/delete), setjmp/longjmp (21.4), <signal.h> (21.5), abort/exit and
// getenv (21.8; system is CODE-3), goto (15.1), octal constants (7.1), variable argument lists
// (17.1).
#include <array>
#include <string>

#include "inspect/source/call_site.h"

namespace mdbc::source {
namespace {

struct Banned {
  std::string_view name;
  std::string_view rule;  // rule id
};

constexpr std::array<Banned, 37> subset_calls{{
    {"malloc", "CODE-5/dynamic-memory"},        {"calloc", "CODE-5/dynamic-memory"},
    {"realloc", "CODE-5/dynamic-memory"},       {"free", "CODE-5/dynamic-memory"},
    {"aligned_alloc", "CODE-5/dynamic-memory"}, {"reallocarray", "CODE-5/dynamic-memory"},
    {"valloc", "CODE-5/dynamic-memory"},        {"pvalloc", "CODE-5/dynamic-memory"},
    {"memalign", "CODE-5/dynamic-memory"},      {"posix_memalign", "CODE-5/dynamic-memory"},
    {"strdup", "CODE-5/dynamic-memory"},        {"strndup", "CODE-5/dynamic-memory"},
    {"make_unique", "CODE-5/dynamic-memory"},   {"make_shared", "CODE-5/dynamic-memory"},
    {"allocate_shared", "CODE-5/dynamic-memory"},
    {"setjmp", "CODE-5/setjmp"},                {"longjmp", "CODE-5/setjmp"},
    {"_setjmp", "CODE-5/setjmp"},               {"_longjmp", "CODE-5/setjmp"},
    {"sigsetjmp", "CODE-5/setjmp"},             {"siglongjmp", "CODE-5/setjmp"},
    {"__builtin_setjmp", "CODE-5/setjmp"},      {"__builtin_longjmp", "CODE-5/setjmp"},
    {"signal", "CODE-5/signal"},                {"raise", "CODE-5/signal"},
    {"abort", "CODE-5/termination"},            {"exit", "CODE-5/termination"},
    {"_Exit", "CODE-5/termination"},            {"_exit", "CODE-5/termination"},
    {"quick_exit", "CODE-5/termination"},       {"getenv", "CODE-5/getenv"},
    {"secure_getenv", "CODE-5/getenv"},         {"_wgetenv", "CODE-5/getenv"},
    {"va_arg", "CODE-5/variadic-function"},     {"va_copy", "CODE-5/variadic-function"},
    {"va_start", "CODE-5/variadic-function"},   {"__builtin_va_start", "CODE-5/variadic-function"},
}};

const Banned* subset_call(std::string_view name) {
  for (const auto& b : subset_calls)
    if (b.name == name) return &b;
  return nullptr;
}

// Short: large trees have hundreds of thousands of these; the rule's help text says more.
std::string advice(std::string_view rule) {
  if (rule == "CODE-5/dynamic-memory") return "dynamic memory (MISRA C:2012 Rule 21.3): use static buffers or fixed-size pools";
  if (rule == "CODE-5/setjmp") return "non-local jump (MISRA C:2012 Rule 21.4): return an error code to the caller instead";
  if (rule == "CODE-5/signal") return "<signal.h> (MISRA C:2012 Rule 21.5): handle events in the main loop instead";
  if (rule == "CODE-5/termination")
    return "ends the program (MISRA C:2012 Rule 21.8): return the error and let the top level enter the safe state";
  if (rule == "CODE-5/getenv") return "environment (MISRA C:2012 Rule 21.8): use configuration validated at start-up";
  if (rule == "CODE-5/variadic-function")
    return "variable argument list (MISRA C:2012 Rule 17.1): use fixed, typed parameters";
  if (rule == "CODE-5/goto") return "goto (MISRA C:2012 Rule 15.1): use loops, early returns or one cleanup block";
  return "octal constant (MISRA C:2012 Rule 7.1): write it in decimal or hexadecimal";
}

bool cpp_file(const SourceFile& f) { return f.language == Language::cpp || f.language == Language::c_header; }

// The header named by an #include whose '#' is at i ("signal.h" for <signal.h> or "signal.h").
std::string included_header(std::span<const Token> t, size_t i) {
  std::string name;
  if (i + 2 >= t.size() || !t[i + 1].is_ident("include") || t[i + 2].line_start) return name;
  if (t[i + 2].kind == TokenKind::string) return std::string(string_body(t[i + 2]));
  if (!t[i + 2].is("<")) return name;
  for (size_t k = i + 3; k < t.size() && t[k].directive && !t[k].line_start && !t[k].is(">") && name.size() < 256; ++k)
    name += t[k].text;
  return name;
}

// Whether a number token is written in octal (a leading 0 and a nonzero digit; not 0, 0x…, 0b…,
// floating constants).
bool is_octal(std::string_view n) {
  if (n.size() < 2 || n[0] != '0') return false;
  if (!(n[1] >= '0' && n[1] <= '9') && n[1] != '\'') return false;
  bool nonzero = false;
  size_t k = 1;
  for (; k < n.size() && ((n[k] >= '0' && n[k] <= '9') || n[k] == '\''); ++k) nonzero = nonzero || (n[k] != '0' && n[k] != '\'');
  if (k < n.size() && (n[k] == '.' || n[k] == 'e' || n[k] == 'E')) return false;
  return nonzero;
}

class SafetySubset final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"safety-subset", InputKind::source,
            {"CODE-5/dynamic-memory", "CODE-5/setjmp", "CODE-5/signal", "CODE-5/termination", "CODE-5/getenv",
             "CODE-5/goto", "CODE-5/octal-constant", "CODE-5/variadic-function"}};
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    const auto& t = file.tokens;
    const Severity severity = element_severity(file.ctx, "CODE-5");
    const CallSites sites(file);
    const auto in_macro = [](std::string_view m) {
      return m.empty() ? std::string() : " (in macro " + std::string(m) + ")";
    };
    const auto& functions = file.syntax.functions();
    const bool cpp = cpp_file(file);
    NameMemo in_subset(file.names);  // most callees are no subset function: said once per name
    for (const Call& c : file.syntax.calls()) {
      const std::string_view name = t[c.name].text;
      if (!in_subset(t[c.name], [](std::string_view n) { return subset_call(n) != nullptr; })) continue;
      const Banned* b = subset_call(name);
      if (b == nullptr) continue;
      if ((name == "make_unique" || name == "make_shared" || name == "allocate_shared") &&
          !(c.qualifier == "std" || cpp))
        continue;
      // va_start in a variadic definition is reported once, at the definition.
      if (b->rule == "CODE-5/variadic-function" && c.function >= 0 && functions[static_cast<size_t>(c.function)].variadic)
        continue;
      if (!sites.reportable(c)) continue;
      out.push_back(file.at(t[c.name], std::string(b->rule),
                            std::string(name) + "()" + in_macro(c.macro) + ": " + advice(b->rule), severity));
    }
    for (const auto& f : functions)
      if (f.variadic)
        out.push_back(file.at(t[f.name], "CODE-5/variadic-function",
                              std::string(t[f.name].text) + "() is defined with a " + advice("CODE-5/variadic-function"),
                              severity));

    // Token patterns: new/delete expressions, goto, octal constants, #include <signal.h>/<setjmp.h>.
    std::string_view macro, directive;
    size_t body_from = t.size();
    // The names that can be reported, by their index in the file's names (size(): not in the file):
    // an identifier is told by one comparison of its index rather than of its text.
    const size_t goto_name = file.names.index("goto");
    const size_t new_name = cpp ? file.names.index("new") : file.names.size();
    const size_t delete_name = cpp ? file.names.index("delete") : file.names.size();
    for (size_t i = 0; i < t.size(); ++i) {
      const Token& tok = t[i];
      // Cheap first, since this visits every token of the file: besides the starts of directives
      // (which say what the tokens after them are), only an octal number, goto, and new or delete
      // in C++ can be reported.
      bool directive_start = false, candidate = false;
      if (tok.kind == TokenKind::identifier)
        candidate = tok.name == goto_name || tok.name == new_name || tok.name == delete_name;
      else if (tok.kind == TokenKind::number)
        candidate = is_octal(tok.text);
      else
        directive_start = tok.line_start && tok.directive && (tok.is("#") || tok.is("%:"));
      if (!directive_start && !candidate) continue;
      if (file.syntax.dead(i)) continue;
      if (directive_start) {
        macro = {};
        directive = i + 1 < t.size() && !t[i + 1].line_start && t[i + 1].directive ? t[i + 1].text : std::string_view();
        body_from = t.size();
        if (directive == "define" && i + 2 < t.size() && !t[i + 2].line_start) {
          macro = t[i + 2].text;
          body_from = i + 3;
          if (i + 3 < t.size() && t[i + 3].is("(") && t[i + 3].text.data() == macro.data() + macro.size())
            body_from = file.syntax.match(i + 3) < t.size() ? file.syntax.match(i + 3) + 1 : t.size();
        }
        if (directive == "include") {
          const std::string header = included_header(t, i);
          const char* rule = header == "signal.h" || header == "csignal" || header == "sys/signal.h" ? "CODE-5/signal"
                             : header == "setjmp.h" || header == "csetjmp"                          ? "CODE-5/setjmp"
                                                                                                    : nullptr;
          if (rule != nullptr)
            out.push_back(file.at(tok, rule, "includes <" + header + ">: " + advice(rule), severity));
        }
        continue;
      }
      std::string_view in;  // the macro this token's use is reported at, if in a #define body
      if (tok.directive) {
        if (directive == "line" || directive == "include" || directive.empty() || isdigit_start(directive)) continue;
        if (directive == "define") {
          if (i < body_from) continue;
          in = macro;
        }
      }
      const auto report = [&](std::string rule, std::string message) {
        if (!in.empty() && !sites.reportable(i, in)) return;
        out.push_back(file.at(tok, std::move(rule), std::move(message) + in_macro(in), severity));
      };
      if (tok.kind == TokenKind::number) {
        report("CODE-5/octal-constant", std::string(tok.text) + ": " + advice("CODE-5/octal-constant"));
        continue;
      }
      if (tok.is("goto") && !(i > 0 && (t[i - 1].is(".") || t[i - 1].is("->")))) {
        report("CODE-5/goto", advice("CODE-5/goto"));
        continue;
      }
      if (tok.is("goto") || i + 1 >= t.size()) continue;  // a member named goto
      const Token& prev = i > 0 ? t[i - 1] : tok;
      if (i > 0 && (prev.is_ident("operator") || prev.is(".") || prev.is("->") || prev.is("::"))) continue;
      if (tok.is("delete") && prev.is("=")) continue;  // a deleted function: f() = delete;
      const Token& next = t[i + 1];
      bool expression = false;
      if (tok.is("new")) {
        if (next.is("(")) {
          // new (std::nothrow) T allocates; new (buffer) T places into existing storage.
          const size_t close = file.syntax.match(i + 1);
          for (size_t k = i + 2; k < close && k < t.size() && k < i + 16; ++k)
            expression = expression || t[k].is_ident("nothrow");
        } else {
          expression = next.kind == TokenKind::identifier || next.is("::");
        }
      } else {
        expression = next.kind == TokenKind::identifier || next.is("[") || next.is("(") || next.is("::") || next.is("*");
      }
      if (expression && next.directive == tok.directive)
        report("CODE-5/dynamic-memory", std::string(tok.text) + " expression: " + advice("CODE-5/dynamic-memory"));
    }
  }

 private:
  // "# 12 \"file.c\"": a line marker, like #line.
  static bool isdigit_start(std::string_view d) { return !d.empty() && d[0] >= '0' && d[0] <= '9'; }
};

}  // namespace

MDBC_SOURCE_RULE(SafetySubset)

}  // namespace mdbc::source
