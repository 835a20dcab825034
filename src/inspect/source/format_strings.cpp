// CODE-2: the format argument of every printf-, scanf-, syslog- and err-family call is a literal
// (see format_literal.h for what counts). Two patterns are legitimate and pass:
// - a variadic wrapper that forwards its own last named parameter (or the parameter before its
//   va_list) to a v-form: the check belongs at the wrapper's callers, which the compiler does
//   when the wrapper carries __attribute__((format));
// - a macro that passes one of its parameters as the format: each expansion in the file is
//   checked instead, with the argument in that position.
// A const local, a file-scope constant, or a file-scope variable no code of the file writes,
// initialised with a literal, is as good as the literal.
//
// Across files: a format that is a parameter of a function of this file with external linkage,
// which nothing in the file calls or takes as a value (`void show_sink(char *data) { printf(data); }`,
// or `char *data = *data_ptr;` from such a parameter), is decided in the tree-wide pass: silent
// when other files call the function, each passing a literal there, and no call anywhere passes
// it anything else; reported as before otherwise (no callers seen, or a name defined with such a
// sink in several files).
#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/call_targets.h"
#include "inspect/source/cross_file.h"
#include "inspect/source/format_functions.h"
#include "inspect/source/format_literal.h"
#include "inspect/source/header_macros.h"

namespace mdbc::source {
namespace {

bool is_va_list(const Token& t) {
  return t.is_ident("va_list") || t.is_ident("__builtin_va_list") || t.is_ident("__gnuc_va_list") ||
         t.is_ident("__va_list");
}

// Whether a call of a library format function's name passes a string literal before the format.
// The library's leading arguments are a stream, a descriptor, a status, a level or a buffer, never a
// literal (the string sscanf reads aside): the call is to a project's own function or macro of that
// name whose format comes first (`#define err(format, arg...) printk(KERN_ERR format, ## arg)`).
bool literal_before_format(std::span<const Token> t, const Call& c, const FormatFunction& f) {
  if (f.name.find("sscanf") != std::string_view::npos || f.name.find("swscanf") != std::string_view::npos) return false;
  for (size_t k = 0; k < f.format && k < c.args.size(); ++k)
    if (c.args[k].second == c.args[k].first + 1 && t[c.args[k].first].kind == TokenKind::string) return true;
  return false;
}

struct Parameter {
  std::string_view name;
  bool va_list = false;
};

// The parameters of a function definition: the last identifier of each (before any [..]).
std::vector<Parameter> parameters(const SourceFile& file, const FunctionDef& f) {
  std::vector<Parameter> out;
  const auto t = file.tokens;
  const size_t open = f.name + 1;
  const size_t close = file.syntax.match(open);
  if (open >= t.size() || close >= t.size()) return out;
  Parameter current;
  for (size_t k = open + 1; k <= close; ++k) {
    if (k == close || t[k].is(",")) {
      if (!current.name.empty()) out.push_back(current);  // "..." has no name
      current = {};
      continue;
    }
    if (t[k].is("[") && file.syntax.match(k) < close) {
      k = file.syntax.match(k);
      continue;
    }
    if (t[k].kind == TokenKind::identifier) {
      current.name = t[k].text;
      current.va_list = current.va_list || is_va_list(t[k]);
    }
  }
  return out;
}

// A name declared with a literal initializer (`const char *const fmt = "…";`, `static const char
// fmt[] = "…";`), where the rule may treat its uses as the literal.
struct LiteralVariable {
  size_t name;    // token index of the declared name
  int function;   // enclosing function definition, -1 at file scope
  bool constant;  // the name cannot be assigned (const pointer or array)
};

class LiteralVariables {
 public:
  LiteralVariables(const SourceFile& file, const LiteralResolver& literals) : file_(file), literals_(literals) {}

  // Whether the identifier at token `use` (in function `function`) names such a variable that
  // holds a literal at that point.
  bool holds_literal(size_t use, int function) const {
    index();
    const auto it = variables_.find(file_.tokens[use].text);
    if (it == variables_.end()) return false;
    const Declarations& d = it->second;
    if (d.file_constant < use) return true;
    const auto fn = d.by_function.find(function);
    // A file-scope variable no code of the file writes: as good as its literal.
    if (fn == d.by_function.end()) return d.file_variable < use && !written_.contains(file_.tokens[use].text);
    if (function < 0) return false;
    // The nearest declaration before the use is the one in scope.
    const auto& list = fn->second;
    auto after = std::lower_bound(list.begin(), list.end(), use,
                                  [](const LiteralVariable& v, size_t u) { return v.name < u; });
    if (after == list.begin()) return false;
    const LiteralVariable& v = *(after - 1);
    if (v.constant) return true;
    // A plain pointer: only when the function never assigns it again.
    const size_t body_close = file_.syntax.functions()[static_cast<size_t>(function)].body_close;
    const auto a = assignments_.find(file_.tokens[use].text);
    if (a == assignments_.end()) return true;
    const auto next = std::upper_bound(a->second.begin(), a->second.end(), v.name);
    return next == a->second.end() || *next >= body_close;
  }

 private:
  void index() const {
    if (indexed_) return;
    indexed_ = true;
    const auto t = file_.tokens;
    const auto& functions = file_.syntax.functions();
    size_t fn = 0;
    bool any_plain = false;
    for (size_t i = 1; i + 1 < t.size(); ++i) {
      if (!t[i].is("=") || t[i].directive || file_.syntax.dead(i)) continue;
      size_t name = i - 1;
      bool array = false;
      // static char banner[] __initdata = "…": a section macro between the array and its '='.
      while (name > 1 && t[name].kind == TokenKind::identifier && t[name].text.starts_with("__") && t[name - 1].is("]"))
        --name;
      if (t[name].is("]") && file_.syntax.match(name) < name && file_.syntax.match(name) > 0) {
        name = file_.syntax.match(name) - 1;
        array = true;
      }
      if (t[name].kind != TokenKind::identifier || is_keyword(t[name].text)) continue;
      // The declaration's specifiers, back to the start of the statement.
      bool has_const = false, has_type = false, ok = true;
      const bool const_pointer = name > 0 && t[name - 1].is_ident("const");
      for (size_t k = name, steps = 0; k > 0 && ok; --k, ++steps) {
        const Token& p = t[k - 1];
        if (p.is(";") || p.is("{") || p.is("}") || p.directive || steps > 32) break;
        if (p.is_ident("else") || p.is_ident("do") || p.is_ident("return") || p.is_ident("case")) {
          ok = false;  // a statement's assignment (`else fmt = "…";`), no declaration
        } else if (p.kind == TokenKind::identifier) {
          has_const = has_const || p.is_ident("const") || p.is_ident("constexpr");
          has_type = true;
        } else if (!(p.is("*") || p.is("::") || p.is("<") || p.is(">"))) {
          ok = false;
        }
      }
      if (!ok || !has_type) continue;
      // The initializer, up to the declaration's end.
      size_t end = i + 1;
      while (end < t.size() && !t[end].is(";") && !t[end].is(",")) {
        if (t[end].kind == TokenKind::punct && (t[end].is("(") || t[end].is("[") || t[end].is("{")) &&
            file_.syntax.match(end) < t.size())
          end = file_.syntax.match(end);
        ++end;
      }
      if (end >= t.size() || literals_.evaluate(i + 1, end).kind != LiteralForm::Kind::literal) continue;
      while (fn < functions.size() && functions[fn].body_close < i) ++fn;
      const int function = fn < functions.size() && functions[fn].body_open < i ? static_cast<int>(fn) : -1;
      const bool constant = has_const && (array || const_pointer);
      // A local array must be declared const (code may write into its copy of the literal); a
      // local plain pointer (`char *fmt = wide ? "%08x" : "%03x";`) holds a literal while the
      // function never assigns it again, as writing through it is undefined. At file scope a
      // plain `static char fmt[] = "…";` is kept too, and holds its literal while no code of the
      // file writes it.
      if (!has_const && function >= 0 && array) continue;
      any_plain = any_plain || !constant;
      Declarations& d = variables_[t[name].text];
      if (function < 0) {
        if (constant) d.file_constant = std::min(d.file_constant, name);
        else d.file_variable = std::min(d.file_variable, name);
      } else {
        d.by_function[function].push_back({name, function, constant});
      }
    }
    if (!any_plain) return;
    std::unordered_set<size_t> declared_at;
    for (const auto& [name, d] : variables_)
      for (const auto& [fn_index, list] : d.by_function)
        for (const auto& v : list) declared_at.insert(v.name);
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i].kind != TokenKind::identifier || !variables_.contains(t[i].text)) continue;
      const bool written_after = i + 1 < t.size() && (t[i + 1].is("=") || t[i + 1].is("+=") || t[i + 1].is("-=") ||
                                                      t[i + 1].is("++") || t[i + 1].is("--"));
      const bool written_before = i > 0 && (t[i - 1].is("&") || t[i - 1].is("++") || t[i - 1].is("--"));
      if (!written_after && !written_before && !writes_file_variable(i)) continue;
      if (declared_at.contains(i)) continue;
      assignments_[t[i].text].push_back(i);
      if (i != variables_.at(t[i].text).file_variable) written_.insert(t[i].text);
    }
  }

  // Whether the use at token i of a file-scope variable may write what it holds beyond what the
  // assignment test sees: an element store (`fmt[0] = 'x'`), or a whole argument of a call other
  // than the format of a printf-like function (strcpy(fmt, …), scanf("%s", fmt), fill(fmt)).
  bool writes_file_variable(size_t i) const {
    const auto t = file_.tokens;
    if (variables_.at(t[i].text).file_variable == std::numeric_limits<size_t>::max()) return false;
    if (i + 1 < t.size() && t[i + 1].is("[")) {
      const size_t close = file_.syntax.match(i + 1);
      return close + 1 < t.size() && close > i + 1 && t[close + 1].is("=");
    }
    if (i == 0 || i + 1 >= t.size() || !(t[i - 1].is("(") || t[i - 1].is(",")) ||
        !(t[i + 1].is(",") || t[i + 1].is(")")))
      return false;
    // Back to the call's '(' over the arguments before this one, counting them; a long argument
    // list is taken as a write rather than walked.
    constexpr size_t max_walk = 64;
    size_t argument = 0, k = i - 1;
    for (size_t steps = 0; steps < max_walk; ++steps) {
      if (t[k].is(")") || t[k].is("]") || t[k].is("}")) {
        const size_t open = file_.syntax.match(k);
        if (open >= k) return true;
        k = open;
      } else if (t[k].is(",")) {
        ++argument;
      } else if (t[k].is("(")) {
        if (k == 0 || t[k - 1].kind != TokenKind::identifier) return true;
        const FormatFunction* f = format_function(t[k - 1].text);
        // scanf's format is read, its other arguments written; printf's arguments are all read.
        const bool reads = f != nullptr && (argument == f->format || t[k - 1].text.find("scanf") == std::string_view::npos);
        return !reads;
      }
      if (k == 0) return true;
      --k;
    }
    return true;
  }

  const SourceFile& file_;
  const LiteralResolver& literals_;
  mutable bool indexed_ = false;
  struct Declarations {
    size_t file_constant = std::numeric_limits<size_t>::max();  // first file-scope constant
    size_t file_variable = std::numeric_limits<size_t>::max();  // first file-scope variable that is not one
    std::unordered_map<int, std::vector<LiteralVariable>> by_function;  // in token order
  };
  mutable std::unordered_map<std::string_view, Declarations> variables_;
  mutable std::unordered_map<std::string_view, std::vector<size_t>> assignments_;
  mutable std::unordered_set<std::string_view> written_;  // file-scope variables some code writes
};

// What the tree-wide pass needs: the literal macros this header defines (others include it),
// and the findings that stand unless the names they depend on are such macros; the findings on
// parameters that other files may fill (see the top).
struct FormatFacts {
  struct Macro {
    std::string name;
    std::vector<std::string> unresolved;  // empty: a literal
  };
  struct Pending {
    Finding finding;
    std::vector<std::string> names;
  };
  struct ParameterSink {
    Finding finding;
    uint64_t key;       // argument_key() of the function and the parameter
    uint64_t function;  // function_key() of the function; method_key() of a method of a known class
    // A global the file declares nowhere (ExternalParameter::header_global): a sink only when an
    // included header declares it extern; else decided as a Pending on `names`.
    std::string header_global;
    std::vector<std::string> names;
    SinkMethod method;  // also fed by calls through objects of its class (call_targets.h)
  };
  std::vector<Macro> macros;
  std::vector<Pending> pending;
  std::vector<ParameterSink> parameter_sinks;
  std::vector<ForwardedParameter> forwards;  // parameters passed on to other files' functions
  std::vector<std::string> externs;   // a header's extern character pointers
  std::vector<std::string> includes;  // the quoted #includes of a header, or of a file with a header_global sink
  std::vector<std::pair<std::string, std::string>> class_bases;  // a C++ file's (class, base) pairs
};

// What the calls of the whole tree pass to functions defined in other files, by argument_key():
// a Bloom filter of fixed size, filled from every file's check and read in finish(). Every call
// of every file is in one, which as per-file facts would cost memory in proportion to the tree.
// Bits are set with atomic OR, so the contents do not depend on the order the files are checked in.
template <size_t Bits>
class ArgumentFilter {
 public:
  void add(uint64_t key) {
    allocate();
    // Most bits are set already (a tree calls the same functions from file after file): a plain
    // load spares those the locked read-modify-write, which waited for its line and held back the
    // loads behind it (the one line of this rule's that cost most).
    for (const uint64_t bit : bits_of(key)) {
      std::atomic<uint64_t>& word = words_[bit / 64];
      const uint64_t mask = uint64_t{1} << (bit % 64);
      if ((word.load(std::memory_order_relaxed) & mask) == 0) word.fetch_or(mask, std::memory_order_relaxed);
    }
  }
  // Adds many keys, as a file's calls give them: a key's two bits lie far apart in 1 MiB, nearly
  // always a cache miss, so the words of the keys a few places ahead are fetched while one is set.
  void add(std::span<const uint64_t> keys) {
    if (keys.empty()) return;
    allocate();
    constexpr size_t ahead = 4;
    for (size_t k = 0; k < keys.size(); ++k) {
      if (k + ahead < keys.size())
        for (const uint64_t bit : bits_of(keys[k + ahead])) __builtin_prefetch(&words_[bit / 64], 1);
      add(keys[k]);
    }
  }
  bool may_hold(uint64_t key) const {
    if (words_ == nullptr) return false;
    for (const uint64_t bit : bits_of(key))
      if ((words_[bit / 64].load(std::memory_order_relaxed) & (uint64_t{1} << (bit % 64))) == 0) return false;
    return true;
  }
  // After a tree's pass, for the next inspection in this process.
  void clear() {
    if (words_ == nullptr) return;
    for (size_t w = 0; w < words; ++w) words_[w].store(0, std::memory_order_relaxed);
  }

 private:
  static_assert(Bits % 64 == 0 && (Bits & (Bits - 1)) == 0);
  static constexpr size_t words = Bits / 64;
  void allocate() {
    std::call_once(allocated_, [this] { words_ = std::make_unique<std::atomic<uint64_t>[]>(words); });
  }
  static std::array<uint64_t, 2> bits_of(uint64_t key) {
    uint64_t mixed = (key ^ (key >> 33)) * 0xff51afd7ed558ccdull;  // MurmurHash3's finaliser
    mixed = (mixed ^ (mixed >> 33)) * 0xc4ceb9fe1a85ec53ull;
    mixed ^= mixed >> 33;
    return {mixed & (Bits - 1), (mixed >> 32) & (Bits - 1)};
  }
  std::once_flag allocated_;
  std::unique_ptr<std::atomic<uint64_t>[]> words_;
};

constexpr int max_helper_depth = 3;  // functions followed back from a format parameter to its literals

class FormatStrings final : public SourceRule {
 public:
  RuleFamily family() const override { return {"format-strings", InputKind::source, {"CODE-2/non-literal-format"}}; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    const auto& t = file.tokens;
    const Severity severity = element_severity(file.ctx, "CODE-2");
    FormatFacts pending_facts;
    const CallSites sites(file);
    const LiteralResolver literals(file);
    const LiteralVariables variables(file, literals);

    // A callee whose argument `format` is a format: a library function, a macro of this file
    // naming one (#define SNPRINTF _snwprintf), or a macro or function of this file that passes
    // that parameter on as a format (to `target`).
    enum class Via { library, alias, macro, function };
    struct Callee {
      size_t format;
      std::string target;  // the library function the format finally reaches
      Via via;
      bool takes_va_list = false;  // the callee forwards a va_list with the format
    };
    std::unordered_map<std::string_view, Callee> wrappers;
    std::unordered_map<int, std::vector<Parameter>> parameter_cache;
    std::unordered_set<std::string_view> checked_wrappers;
    const auto aliases = format_aliases(file);

    const auto check_call = [&](const Call& c, const Callee& callee, bool takes_va_list) {
      const std::string_view name = t[c.name].text;
      std::vector<std::string_view> params;
      const size_t define = c.macro.empty() ? t.size() : sites.macro_define_at(c.macro, c.name);
      if (!c.macro.empty()) params = sites.macro_params(define);
      // printf(__VA_ARGS__), fprintf(stderr, ##args): the format is one of the macro's variable
      // arguments.
      for (size_t k = 0; k < c.args.size() && k <= callee.format && !c.macro.empty(); ++k) {
        const auto [first, last] = c.args[k];
        const size_t named = first + 1 < last && t[first].is("##") ? first + 1 : first;
        if (last != named + 1 || t[named].kind != TokenKind::identifier ||
            !sites.variadic_param(define, t[named].text))
          continue;
        const std::string_view variadic = t[named].is_ident("__VA_ARGS__") ? "__VA_ARGS__" : t[named].text;
        for (size_t p = 0; p < params.size(); ++p)
          if (params[p] == variadic && !wrappers.contains(c.macro))
            wrappers.emplace(c.macro, Callee{p + (callee.format - k), callee.target, Via::macro, callee.takes_va_list});
        return;
      }
      if (c.args.size() <= callee.format) return;
      const auto [begin, end] = c.args[callee.format];
      const LiteralForm form = literals.evaluate(begin, end, params);
      if (form.kind == LiteralForm::Kind::literal) return;
      // No format at all (g_dbus_pending_error(conn, reply, name, NULL)): nothing to read memory with.
      if (end == begin + 1 && (t[begin].is_ident("NULL") || t[begin].is_ident("nullptr") || t[begin].text == "0")) return;
      if (form.kind == LiteralForm::Kind::macro_parameter) {
        if (!wrappers.contains(c.macro))
          wrappers.emplace(c.macro, Callee{form.parameter, callee.target, Via::macro, callee.takes_va_list});
        return;
      }
      // A name, or the text of a C++ string named (s.c_str(), s.data()): followed as that name.
      const bool named = t[begin].kind == TokenKind::identifier &&
                         (end == begin + 1 || (end == begin + 5 && t[begin + 1].is(".") &&
                                               (t[begin + 2].is_ident("c_str") || t[begin + 2].is_ident("data")) &&
                                               t[begin + 3].is("(") && t[begin + 4].is(")")));
      if (named) {
        if (variables.holds_literal(begin, c.function)) return;
        // A va_list passed on from a macro body: the format is a parameter of the variadic
        // function the macro defines (#define WRAP(name) int name(const char *fmt, ...) {…}).
        if (takes_va_list && !c.macro.empty()) return;
        if (takes_va_list && c.function >= 0 && c.macro.empty()) {
          // A printf-like function of this file: its callers' formats are checked instead.
          if (const auto forwarded = forwarded_format(file, c, t[begin].text, parameter_cache)) {
            const FunctionDef& own = file.syntax.functions()[static_cast<size_t>(c.function)];
            if (own.name == 0 || !t[own.name - 1].is("::"))
              wrappers.emplace(t[own.name].text, Callee{forwarded->index, callee.target, Via::function, forwarded->va_list});
            return;
          }
        }
        if (literal_contents(file.values(), {begin, end}, c)) return;
        if (literal_from_every_caller(file, literals, c, t[begin].text, parameter_cache)) return;
      } else if (c.function >= 0 && c.macro.empty() && object_read_from(file.values(), {begin, end}) < t.size()) {
        // A member, an element or what a pointer designates (s.field, *p, u.second): what the
        // object it is read out of holds, all its stores judged as one storage.
        if (literal_contents(file.values(), {begin, end}, c)) return;
      }
      if (literal_table_element(file, begin, end, c.function)) return;
      if (callee.via == Via::library ? !sites.reportable(c) : !sites.expansion_reportable(c)) return;
      std::string what = std::string(name) + "()";
      if (callee.via == Via::alias) what = std::string(name) + " (a macro for " + callee.target + "())";
      if (callee.via == Via::macro) what = std::string(name) + " (a macro passing it to " + callee.target + "())";
      if (callee.via == Via::function) what = std::string(name) + " (a function passing it to " + callee.target + "())";
      Finding f = file.at(t[begin < t.size() ? begin : c.name], "CODE-2/non-literal-format",
                          "the format argument of " + what + " is not a string literal" +
                              (c.macro.empty() ? std::string() : " (in macro " + std::string(c.macro) + ")") +
                              ": data in a format can read or write memory (%x, %n); use a literal format and "
                              "pass the text as an argument (\"%s\", text)",
                          severity);
      std::optional<ExternalParameter> sink;
      if (c.macro.empty() && named) sink = external_parameter(file, c.function, t[begin].text, c.name);
      if (c.macro.empty() && !sink) sink = external_value(file, c.function, {begin, end}, c.name);
      if (sink) {
        SinkMethod method = sink_method(file, c.function, sink->function);
        pending_facts.parameter_sinks.push_back({std::move(f), sink->argument, method.function_or(sink->function),
                                                 std::string(sink->header_global),
                                                 std::vector<std::string>(form.unresolved.begin(), form.unresolved.end()),
                                                 std::move(method)});
        if (!sink->header_global.empty() && pending_facts.includes.empty()) pending_facts.includes = quoted_includes(file);
        return;
      }
      if (form.unresolved.empty()) {
        out.push_back(std::move(f));
        return;
      }
      // PHY_ID_FMT from a header: decided once every file's macros are known.
      std::vector<std::string> names(form.unresolved.begin(), form.unresolved.end());
      pending_facts.pending.push_back({std::move(f), std::move(names)});
    };

    // The format function each callee name is, looked up once per name: a file calls the same
    // few names again and again (a driver's thousand dev_err and printk calls).
    std::vector<std::optional<const FormatFunction*>> library_function(file.names.size());
    for (const Call& c : file.syntax.calls()) {
      const std::string_view name = t[c.name].text;
      const FormatFunction* f = nullptr;
      if (t[c.name].kind != TokenKind::identifier || t[c.name].name >= library_function.size()) {
        f = format_function(name);
      } else {
        auto& known = library_function[t[c.name].name];
        if (!known) known = format_function(name);
        f = *known;
      }
      Via via = Via::library;
      if (f == nullptr && !aliases.empty()) {
        const auto alias = aliases.find(name);
        if (alias == aliases.end()) continue;
        f = alias->second;
        via = Via::alias;
      }
      if (f == nullptr) continue;
      // A function of this file with the library's name but without its variable arguments is
      // the program's own, not the library's.
      if (const FunctionDef* own = sites.defined_function(name); own != nullptr && !own->variadic) continue;
      // Nor is a function-like macro of this file of that name (#define err(fmt, ...) …, before
      // BSD's err(eval, fmt, …)): its calls expand it, followed below when it passes a format on.
      // Within its own body the name is the library's again (a macro does not expand itself).
      if (const size_t define = sites.macro_define_at(name, c.name);
          via == Via::library && c.macro != name && define < t.size() && !sites.macro_params(define).empty())
        continue;
      if (literal_before_format(t, c, *f)) continue;
      check_call(c, Callee{f->format, std::string(f->name), via, f->takes_va_list}, f->takes_va_list);
    }
    // Expansions of format-passing macros, which may themselves make more such macros.
    std::unordered_map<std::string_view, std::vector<const Call*>> calls_by_name;
    for (int round = 0; round < 8 && checked_wrappers.size() < wrappers.size(); ++round) {
      if (calls_by_name.empty())
        for (const Call& c : file.syntax.calls()) calls_by_name[t[c.name].text].push_back(&c);
      std::vector<std::pair<std::string_view, Callee>> pending;
      for (const auto& [macro, callee] : wrappers)
        if (!checked_wrappers.contains(macro)) pending.emplace_back(macro, callee);
      for (const auto& [macro, callee] : pending) {
        checked_wrappers.insert(macro);
        if (const auto it = calls_by_name.find(macro); it != calls_by_name.end())
          for (const Call* use : it->second)
            if (use->macro != macro) check_call(*use, callee, callee.takes_va_list);
      }
    }
    pending_facts.forwards = forwarded_parameters(file);
    record_foreign_arguments(file, literals, variables, pending_facts.forwards);
    if (is_header(file.input.path))
      for (auto& m : literals.literal_macros())
        pending_facts.macros.push_back(
            {std::string(m.name), std::vector<std::string>(m.unresolved.begin(), m.unresolved.end())});
    pending_facts.externs = header_extern_pointers(file);
    if (is_header(file.input.path)) pending_facts.includes = quoted_includes(file);  // followed to the externs
    pending_facts.class_bases = class_bases(file);
    if (!pending_facts.macros.empty() || !pending_facts.pending.empty() || !pending_facts.parameter_sinks.empty() ||
        !pending_facts.forwards.empty() || !pending_facts.externs.empty() || !pending_facts.includes.empty() ||
        !pending_facts.class_bases.empty())
      facts = std::move(pending_facts);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    // Which names are literal macros somewhere in the tree, following macros defined through
    // other macros (a bounded number of rounds).
    std::unordered_set<std::string_view> literal;
    std::vector<const FormatFacts::Macro*> open;
    for (const auto& f : files)
      if (const auto* ff = std::any_cast<FormatFacts>(&f.facts))
        for (const auto& m : ff->macros) (m.unresolved.empty() ? (void)literal.insert(m.name) : open.push_back(&m));
    const auto all_literal = [&](const std::vector<std::string>& names) {
      return std::all_of(names.begin(), names.end(), [&](const std::string& n) { return literal.contains(n); });
    };
    for (int round = 0; round < 8 && !open.empty(); ++round) {
      std::vector<const FormatFacts::Macro*> still;
      for (const auto* m : open) (all_literal(m->unresolved) ? (void)literal.insert(m->name) : still.push_back(m));
      if (still.size() == open.size()) break;
      open = std::move(still);
    }
    for (const auto& f : files)
      if (const auto* ff = std::any_cast<FormatFacts>(&f.facts))
        for (const auto& p : ff->pending)
          if (!all_literal(p.names)) out.findings.push_back(p.finding);
    decide_parameter_sinks(files, all_literal, out);
    literal_arguments_.clear();
    other_arguments_.clear();
  }

 private:
  // A parameter sink stands unless other files call its function, every one of them passing a
  // literal there and none anything else. A function defined with a sink in two files (two
  // programs of one tree) is ambiguous: its findings stand.
  // A global a file declares nowhere is such a sink only when a header it includes declares it
  // extern; otherwise it stands unless `all_literal` says its names are literal macros.
  template <class AllLiteral>
  void decide_parameter_sinks(std::span<const SourceFileFacts> files, const AllLiteral& all_literal,
                              TreeOutcome& out) const {
    const auto defined_in = sink_files(files, &FormatFacts::parameter_sinks);
    if (defined_in.empty()) return;
    std::unordered_multimap<uint64_t, uint64_t> forwarded_from;  // argument -> parameters passed on to it
    for (const auto& f : files)
      if (const auto* ff = std::any_cast<FormatFacts>(&f.facts))
        for (const auto& w : ff->forwards) forwarded_from.emplace(w.argument, w.parameter);
    std::optional<IncludedExterns> externs;
    ClassTree classes;
    for (const auto& f : files)
      if (const auto* ff = std::any_cast<FormatFacts>(&f.facts))
        for (const auto& [cls, base] : ff->class_bases) classes.add(cls, base);
    for (const auto& f : files)
      if (const auto* ff = std::any_cast<FormatFacts>(&f.facts)) {
        std::optional<std::vector<std::string_view>> included;  // the headers the file includes, on first need
        for (const auto& sink : ff->parameter_sinks) {
          if (!sink.header_global.empty()) {
            if (!externs) externs.emplace(files, &FormatFacts::externs, &FormatFacts::includes);
            if (!included) included = externs->resolve(f.path, ff->includes);
            if (!externs->declares(*included, sink.header_global)) {
              if (sink.names.empty() || !all_literal(sink.names)) out.findings.push_back(sink.finding);
              continue;
            }
          }
          size_t budget = max_forwards_followed;
          const bool silent = !defined_in.at(sink.function).empty() &&
                              only_literals_reach(sink, classes.receiver_arguments(sink.method, sink.key), forwarded_from, budget);
          if (!silent) out.findings.push_back(sink.finding);
        }
      }
  }

  // Whether the calls of the tree pass argument `key` literals and nothing else, directly or
  // through parameters passed on to it (whose callers must pass only literals in turn). A chain
  // deeper than max_forwarding_depth, or more forwards than the budget, is not followed: unknown.
  static constexpr size_t max_forwards_followed = 64;
  // A method's sink also takes the calls made through objects of its class or a derived one
  // (`through`): none may pass anything else, and literals must reach it by one way or the other.
  bool only_literals_reach(const FormatFacts::ParameterSink& sink, std::span<const uint64_t> through,
                           const std::unordered_multimap<uint64_t, uint64_t>& forwarded_from, size_t& budget) const {
    bool reached_through = false;
    for (const uint64_t key : through) {
      if (other_arguments_.may_hold(key)) return false;
      reached_through = reached_through || literal_arguments_.may_hold(key);
    }
    if (reached_through && !other_arguments_.may_hold(sink.key) && !literal_arguments_.may_hold(sink.key) &&
        !forwarded_from.contains(sink.key))
      return true;
    return only_literals_reach(sink.key, forwarded_from, 0, budget);
  }

  bool only_literals_reach(uint64_t key, const std::unordered_multimap<uint64_t, uint64_t>& forwarded_from, int depth,
                           size_t& budget) const {
    if (other_arguments_.may_hold(key)) return false;
    bool reached = literal_arguments_.may_hold(key);
    const auto [first, last] = forwarded_from.equal_range(key);
    for (auto w = first; w != last; ++w) {
      if (depth >= max_forwarding_depth || budget == 0) return false;
      --budget;
      if (!only_literals_reach(w->second, forwarded_from, depth + 1, budget)) return false;
      reached = true;
    }
    return reached;
  }

  // The arguments this file passes to functions it does not define, into the tree's filters. Every call of the file is looked at, so
  // the costlier questions about a plain name are asked only where their answer can be yes: a
  // name without lower-case letters may be a literal macro, a constant holds a literal only when
  // the file assigns it one, a buffer only when its function copies one into it.
  static constexpr size_t max_literal_form_tokens = 256;

  void record_foreign_arguments(const SourceFile& file, const LiteralResolver& literals, const LiteralVariables& variables,
                                std::span<const ForwardedParameter> forwards) const {
    const auto t = file.tokens;
    const size_t names = file.names.size();
    // Per name: whether calls of it are followed (not a function of this file, not a format
    // function), found on first need; and whether it is a literal macro, likewise.
    enum : uint8_t { unasked, yes, no };
    std::vector<uint8_t> followed(names, unasked), literal_macro(names, unasked);
    for (const FunctionDef& f : file.syntax.functions())
      if (t[f.name].name < names) followed[t[f.name].name] = no;
    // The names assigned a literal that is not empty (`p = "…"`, `char b[] = "…"`; not fields), by name;
    // and where each such literal is, in token order (for copy_targets).
    std::vector<uint8_t> assigned(names, 0);
    std::vector<size_t> assigned_literals;
    for (size_t k = 3; k < t.size(); ++k) {
      if (t[k].kind != TokenKind::string || !t[k - 1].is("=") || (t[k].text.size() <= 4 && t[k].text.ends_with("\"\""))) continue;
      assigned_literals.push_back(k);
      size_t target = k - 2;
      if (t[target].is("]") && file.syntax.match(target) < target && file.syntax.match(target) > 0)
        target = file.syntax.match(target) - 1;
      const bool member = t[target - 1].is(".") || t[target - 1].is("->");  // .name = "e1000": a field
      if (t[target].kind == TokenKind::identifier && t[target].name < names && !member) assigned[t[target].name] = 1;
    }
    // What this file's functions that return a pointer give their callers in other files
    // (`char *source(char *data) { strcpy(data, "fixed"); return data; }`).
    if (!is_header(file.input.path))
      for (size_t g = 0; g < file.syntax.functions().size(); ++g) {
        const FunctionDef& f = file.syntax.functions()[g];
        if (f.name < 2 || !t[f.name - 1].is("*") || declared_static(t, f.name)) continue;
        const uint64_t key = return_key(function_key(t[f.name].text));
        if (returned_literal_contents(file.values(), static_cast<int>(g))) literal_arguments_.add(key);
        else other_arguments_.add(key);
      }
    // What they leave in the arguments they fill (`void source(char *&data) { data = "fixed"; }`).
    for (const FilledParameter& p : filled_parameters(file)) {
      if (filled_literal_contents(file.values(), p.function, p.name, p.form)) literal_arguments_.add(p.key);
      else other_arguments_.add(p.key);
    }
    // What this file's functions store in its global character pointers (`g_data = data;`).
    for (const GlobalStore& store : global_stores(file)) {
      // Given to printf: read (scanf's arguments are written).
      if (store.call != nullptr && format_function(t[store.call->name].text) != nullptr &&
          t[store.call->name].text.find("scanf") == std::string_view::npos)
        continue;
      if (stored_literal_contents(file.values(), file.tokens[store.at].text, store.value, store.function)) literal_arguments_.add(store.key);
      else other_arguments_.add(store.key);
    }
    std::vector<uint64_t> hashes(names, 0);      // function_key() of callees, by name
    std::vector<uint16_t> added_literal(names, 0), added_other(names, 0);  // positions added to a filter, by callee
    std::unordered_map<int, std::vector<std::string_view>> targets;  // copy_targets(), by function
    // Per function, per name asked: whether the function stores into the object the name holds.
    std::unordered_map<int, std::unordered_map<std::string_view, bool>> stored;
    const auto copied_into = [&](int function, std::string_view name) {
      auto known = targets.find(function);
      if (known == targets.end()) known = targets.emplace(function, copy_targets(file, function, assigned_literals)).first;
      if (std::find(known->second.begin(), known->second.end(), name) != known->second.end()) return true;
      if (known->second.empty()) return false;
      if (made_from_any(file.values(), function, name, known->second)) return true;
      // An object that may hold such a buffer: s.field = data, v.push_back(data), arr[2] = data.
      const auto [object, fresh] = stored[function].try_emplace(name, false);
      if (fresh) object->second = !stores_into(file.values(), function, name).empty();
      return object->second;
    };
    // A constructor's declaration in its class (BadSink(char *data);) reads as a call at file
    // scope: it passes nothing. Told by a first argument that declares (a type, then a name) and
    // a class or struct of that name in the file (its names found on first need).
    std::optional<std::unordered_set<std::string_view>> classes;
    const auto declares_constructor = [&](const Call& c) {
      const auto [begin, end] = c.args.front();
      if (end < begin + 2 || t[begin].kind != TokenKind::identifier ||
          !(t[begin + 1].kind == TokenKind::identifier || t[begin + 1].is("*") || t[begin + 1].is("&")))
        return false;
      if (!classes) {
        classes.emplace();
        for (size_t k = 0; k + 2 < t.size(); ++k)
          if ((t[k].is_ident("class") || t[k].is_ident("struct")) && t[k + 1].kind == TokenKind::identifier &&
              (t[k + 2].is("{") || t[k + 2].is(":") || t[k + 2].is_ident("final")))
            classes->insert(t[k + 1].text);
      }
      return classes->contains(t[c.name].text);
    };
    // Member calls too (b->action(data)): a sink may be a method of a class in another file.
    const std::vector<Call> members = member_calls(file);
    StatedTargets stated_targets(file);
    std::vector<uint64_t> literal_keys, other_keys;  // added to the filters at the end (see ArgumentFilter::add)
    for (const std::vector<Call>* calls : {&file.syntax.calls(), &members})
      for (const Call& c : *calls) {
        const Token& callee = t[c.name];
        if (c.args.empty() || !c.qualifier.empty() || callee.name >= names) continue;
        if (c.function < 0 && c.macro.empty() && declares_constructor(c)) continue;
        uint8_t& follow = followed[callee.name];
        if (follow == unasked) follow = format_function(callee.text) == nullptr ? yes : no;
        if (follow == no) continue;
        uint64_t& by_name = hashes[callee.name];
        if (by_name == 0) by_name = function_key(callee.text);
        // A call whose caller says its target (an object's class, a pointer's function) is keyed by it.
        const uint64_t stated = stated_targets.of(c, calls == &members);
        const uint64_t function = stated != 0 ? stated : by_name;
        const bool keyed_by_name = stated == 0;
        for (size_t a = 0; a < c.args.size() && a < max_followed_argument; ++a) {
          // A parameter passed on: what its own callers pass, joined in the tree-wide pass.
          if (std::any_of(forwards.begin(), forwards.end(),
                          [&](const ForwardedParameter& w) { return w.call == c.name && w.index == a; }))
            continue;
          auto [begin, end] = c.args[a];
          if (end == begin + 2 && t[begin].is("&")) ++begin;  // &data: what data holds
          const auto arg = t.subspan(begin, end - begin);
          const auto is_string = [](const Token& k) { return k.kind == TokenKind::string; };
          bool is_literal = false;
          if (arg.size() == 1 && arg[0].kind == TokenKind::identifier && arg[0].name < names) {
            const std::string_view name = arg[0].text;
            uint8_t& macro = literal_macro[arg[0].name];
            if (macro == unasked)
              macro = std::none_of(name.begin(), name.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) &&
                              literals.evaluate(begin, end).kind == LiteralForm::Kind::literal
                          ? yes
                          : no;
            is_literal = macro == yes;
            if (!is_literal && c.function >= 0 && c.macro.empty())
              is_literal = (assigned[arg[0].name] && variables.holds_literal(begin, c.function)) ||
                           (copied_into(c.function, name) &&
                            literal_contents(file.values(), {begin, end}, c).has_value());
          } else if (!arg.empty() && std::all_of(arg.begin(), arg.end(), is_string)) {
            is_literal = true;
          } else if (arg.size() <= max_literal_form_tokens && std::any_of(arg.begin(), arg.end(), is_string)) {
            // A literal form mixing strings and macros ("%" PRIu32 "\n") is short; a long argument
            // (a call nesting calls a hundred thousand deep) is not scanned for one at every level.
            is_literal = literals.evaluate(begin, end).kind == LiteralForm::Kind::literal;
          }
          uint16_t& added = is_literal ? added_literal[callee.name] : added_other[callee.name];
          if (keyed_by_name && (added & (1u << a)) != 0) continue;
          if (keyed_by_name) added = static_cast<uint16_t>(added | (1u << a));
          (is_literal ? literal_keys : other_keys).push_back(argument_key(function, a));
        }
      }
    literal_arguments_.add(literal_keys);
    other_arguments_.add(other_keys);
  }

  // The names a function copies a string literal into (strcpy(data, "…"), wcsncat, memcpy,
  // lstrcpyA, strcpy_s…) or initialises an array with one that is not empty (`char b[] = "…"`;
  // a pointer assigned one, `p = "…"`, is common and costly to follow: left unknown).
  // `assigned_literals`: the file's literals that are not empty right after an '=', in token order
  // (a few per file: the function's body is not walked for them).
  static std::vector<std::string_view> copy_targets(const SourceFile& file, int function,
                                                    std::span<const size_t> assigned_literals) {
    const auto t = file.tokens;
    const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(function)];
    std::vector<std::string_view> out;
    for (auto at = std::lower_bound(assigned_literals.begin(), assigned_literals.end(), f.body_open + 3);
         at != assigned_literals.end() && *at < f.body_close; ++at) {
      const size_t k = *at;
      const size_t open = file.syntax.match(k - 2);
      if (t[k - 2].is("]") && open < k - 2 && open > 0 && t[open - 1].kind == TokenKind::identifier)
        out.push_back(t[open - 1].text);
    }
    const auto& calls = file.syntax.calls();
    auto c = std::lower_bound(calls.begin(), calls.end(), f.body_open, [](const Call& a, size_t at) { return a.name < at; });
    for (; c != calls.end() && c->name < f.body_close; ++c) {
      const std::string_view name = t[c->name].text;
      if (c->args.size() < 2 || (name.find("cpy") == std::string_view::npos && name.find("cat") == std::string_view::npos &&
                                 name.find("move") == std::string_view::npos))
        continue;
      const auto [dest, dest_end] = c->args[0];
      const bool copies = std::any_of(c->args.begin() + 1, c->args.end(), [&](const auto& arg) {
        return arg.second > arg.first && t[arg.first].kind == TokenKind::string;
      });
      if (copies && dest_end == dest + 1 && t[dest].kind == TokenKind::identifier) out.push_back(t[dest].text);
    }
    return out;
  }

  // A false match of the literal filter could silence a sink that no other file calls: it is
  // kept sparse (calls passing literals to functions of other files are the fewer). A false
  // match of the other only keeps a finding, as if nothing were known.
  mutable ArgumentFilter<size_t{1} << 23> literal_arguments_;  // 1 MiB
  mutable ArgumentFilter<size_t{1} << 23> other_arguments_;    // 1 MiB: a false match only keeps a finding

  struct ForwardedFormat {
    size_t index;  // the enclosing function's parameter that is the format
    bool va_list;  // the function takes a va_list rather than "..."
  };
  // Whether `name` is the enclosing function's own format parameter that it forwards with its
  // variable arguments: its last named parameter before "...", or the one before its va_list.
  static std::optional<ForwardedFormat> forwarded_format(const SourceFile& file, const Call& c, std::string_view name,
                                                         std::unordered_map<int, std::vector<Parameter>>& cache) {
    const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(c.function)];
    auto cached = cache.find(c.function);
    if (cached == cache.end()) cached = cache.emplace(c.function, parameters(file, f)).first;
    const auto& params = cached->second;
    for (size_t p = 0; p < params.size(); ++p) {
      if (params[p].name != name) continue;
      if (f.variadic && p + 1 == params.size()) return ForwardedFormat{p, false};
      if (p + 1 < params.size() && params[p + 1].va_list) return ForwardedFormat{p, true};
    }
    return std::nullopt;
  }

  // Whether `name` is a parameter, never assigned, of a function of this file whose every caller
  // passes a literal for it. Its callers are the calls of its name and, where it is taken as a
  // value only to initialise or assign a function pointer (`void (*sink)(char *) = show;`), the
  // calls through that pointer. A function with external linkage counts only in a source file
  // (not a header, whose functions are called from the files including it) that no other name
  // of it escapes.
  static bool literal_from_every_caller(const SourceFile& file, const LiteralResolver& literals, const Call& c,
                                        std::string_view name,
                                        std::unordered_map<int, std::vector<Parameter>>& cache, int depth = 0) {
    if (c.function < 0 || depth > max_helper_depth) return false;
    const FileValues& values = file.values();
    const auto bindings = values.visible(name, c.function);
    if (bindings.empty() || std::any_of(bindings.begin(), bindings.end(), [&](const Binding* b) {
          return b->form != BindingForm::parameter || b->function != c.function;
        }))
      return false;
    const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(c.function)];
    // A member, defined out of its class or in it: called through objects (buffer_contents follows those).
    if ((f.name > 0 && file.tokens[f.name - 1].is("::")) || values.in_record(f.name)) return false;
    if (!declared_static(file.tokens, f.name) && is_header(file.input.path)) return false;
    auto cached = cache.find(c.function);
    if (cached == cache.end()) cached = cache.emplace(c.function, parameters(file, f)).first;
    const auto& params = cached->second;
    size_t index = 0;
    while (index < params.size() && params[index].name != name) ++index;
    if (index == params.size()) return false;
    const auto t = file.tokens;
    const std::string_view function = t[f.name].text;
    // The names the function is called by: its own and the pointers it is stored in.
    std::vector<std::string_view> callees{function};
    std::vector<size_t> declared{f.name};  // the function's name and the pointers' declared names
    size_t callers = 0;
    for (size_t n = 0; n < callees.size(); ++n) {
      if (n > 4) return false;
      for (const size_t k : values.occurrences(callees[n])) {
        if (std::find(declared.begin(), declared.end(), k) != declared.end()) continue;
        const Call* caller = values.call_at(k);
        if (caller == nullptr) {
          if (n == 0 && k + 1 < t.size() && t[k + 1].is("(")) continue;  // a declaration
          const size_t pointer = function_pointer_initialised_with(values, k);
          if (n > 0 || pointer >= t.size()) return false;  // taken as a value: its callers are unknown
          declared.push_back(pointer);
          if (std::find(callees.begin(), callees.end(), t[pointer].text) == callees.end())
            callees.push_back(t[pointer].text);
          continue;
        }
        if (caller->args.size() <= index || !caller->macro.empty()) return false;
        const auto [b, e] = caller->args[index];
        // A parameter passed on from a helper of its own (run → middle → print_sink): its callers.
        const bool passed_on = e == b + 1 && t[b].kind == TokenKind::identifier &&
                               literal_from_every_caller(file, literals, *caller, t[b].text, cache, depth + 1);
        if (!passed_on && literals.evaluate(b, e).kind != LiteralForm::Kind::literal &&
            !literal_contents(values, {b, e}, *caller))
          return false;
        ++callers;
      }
    }
    return callers > 0;
  }

  // The object-like macros of this file that name a format function (#define SNPRINTF _snprintf;
  // under #ifdef each branch usually names one with the format at the same place).
  static std::unordered_map<std::string_view, const FormatFunction*> format_aliases(const SourceFile& file) {
    std::unordered_map<std::string_view, const FormatFunction*> out;
    const auto t = file.tokens;
    for (size_t i = 0; i + 3 < t.size(); ++i) {
      if (!t[i].directive || !t[i].line_start || !t[i].is("#") || !t[i + 1].is_ident("define")) continue;
      const Token& body = t[i + 3];
      if (t[i + 2].kind != TokenKind::identifier || body.kind != TokenKind::identifier || body.line_start ||
          (i + 4 < t.size() && t[i + 4].directive && !t[i + 4].line_start))
        continue;
      if (const FormatFunction* f = format_function(body.text)) out.emplace(t[i + 2].text, f);
    }
    return out;
  }
};

}  // namespace

MDBC_SOURCE_RULE(FormatStrings)

}  // namespace mdbc::source
