#pragma once
// Where names get their values in one C/C++ file, and what an expression's value is when the file
// says it: a literal, a #define, an enumerator, a const or a local variable assigned once, a
// parameter of a function whose callers in the file all pass the same, the result of a function
// of the file whose returns all give the same, an element of an array assigned constants. Used by
// the rules that ask "is this argument 0 / a literal / a constant buffer" (CRYPTO-1, CRYPTO-3,
// CRYPTO-4, RNG-1/2/3). Built lazily by a rule that needs it, and lazily inside: most rules ask
// about a few names of a file, so the index of names (one linear pass over the tokens) is made on
// the first question that needs it, and the bindings of a name when that name is first asked
// about (so its const lookups fill it in: one thread uses it, as one thread checks a file).
// Resolution follows names to a bounded depth, never recursing on input-controlled nesting.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "inspect/source/file_names.h"
#include "inspect/source/syntax.h"

namespace mdbc::source {

// Tokens [begin, end).
struct TokenRange {
  size_t begin = 0, end = 0;
  bool empty() const { return begin >= end; }
  size_t size() const { return empty() ? 0 : end - begin; }
};

enum class BindingForm : uint8_t {
  macro,        // #define NAME value (object-like)
  declaration,  // T name = value; T name[] = {…}; T name(value); T name{…}; T name; enumerators
  parameter,    // a parameter of a function definition
  assignment,   // name = value;
  compound,     // name += …, name++, …: a change from an unknown value
  element,      // name[i] = …, *name = …, name[i]++: a write into the object name points to
  member,       // x.name = …, p->name = …, .name = … (designated), or a struct/class field
};

struct Binding {
  size_t name = 0;   // token index of the name
  TokenRange value;  // the initialiser or assigned expression; empty when there is none
  int function = -1;  // enclosing function definition (Syntax::functions() index), -1 at file scope
  BindingForm form = BindingForm::declaration;
  bool is_const = false;   // declared const or constexpr, or an enumerator
  bool is_static = false;  // static storage duration: file scope or `static`
  bool is_extern = false;  // `extern` declaration: defined elsewhere
  bool is_array = false;   // declared with [] / written through an index
};

struct Value {
  enum class Kind : uint8_t { unknown, integer, string, symbol, null, list };
  Kind kind = Kind::unknown;
  int64_t integer = 0;
  std::string text;   // string: the literal's body (concatenated, escapes as written); symbol: the name
  size_t token = 0;   // the literal's (first) token, the symbol, or the list's '{'
  TokenRange list;    // list: from '{' to its '}' inclusive
  const Binding* via = nullptr;  // the first binding followed to reach the value, if any (through a
                                 // parameter: the caller's variable, when the caller passed one)

  bool is(Kind k) const { return kind == k; }
  bool is_integer(int64_t v) const { return kind == Kind::integer && integer == v; }
  bool is_symbol(std::string_view s) const { return kind == Kind::symbol && text == s; }
  // The same value, as two bindings of one name must give for it to have one (lists by place too).
  bool same_as(const Value& o) const {
    return kind == o.kind && integer == o.integer && text == o.text && (kind != Kind::list || list.begin == o.list.begin);
  }
};

// A store into the object a name holds through a subscript or a member (see buffer_contents.h).
struct Store {
  TokenRange value;     // the value stored; empty for a change from what it held (s.text += …)
  bool through_member;  // through a member (not a binding of the name itself, as arr[2] = … is)
  size_t name = 0;      // the token of the name stored into (s in s.text = …)
};

// The calls in a file that may reach a method of a given name (see buffer_contents.cpp).
struct MethodCalls {
  bool unknown = false;     // the name is used otherwise (Base::show(x), &Sink::show): callers unknown
  std::vector<Call> calls;  // direct calls inside methods and calls through objects, in token order
  // Indexes into `calls`: through an object of a class declaring a method of that name, by that
  // class (the call reaches that class's method); the others (a class not known, one that only
  // inherits the method, a direct call) may reach any class's.
  std::unordered_map<std::string_view, std::vector<uint32_t>> by_class;
  std::vector<uint32_t> open;
};

// What a braced initialiser holds.
struct ListFacts {
  size_t elements = 0;    // top-level elements
  size_t numbers = 0;     // elements that are integer or character literals
  bool all_zero = true;   // every numeric element is 0
  bool all_same = true;   // every numeric element has the same value
  size_t distinct_values = 0;  // of the numeric elements, counted up to 3
  bool sentinel_end = false;   // the last element is the number -1 (a list's end marker)
  bool has_string = false;
};

class FileValues {
 public:
  FileValues(const Syntax& syntax, const FileNames& names);
  ~FileValues();

  const Syntax& syntax() const { return syntax_; }
  std::span<const Token> tokens() const { return syntax_.tokens(); }
  // The function definition whose body holds token i, or -1.
  int function_at(size_t i) const;
  // Whether token i is directly in the body of a class, struct or union (an in-class definition).
  bool in_record(size_t i) const;
  // Following a member through its class's methods and constructions (buffer_contents) is charged
  // to the file: whether `work` more steps fit its budget. A hostile file whose thousands of
  // methods each read a member at a sink would otherwise walk every method for every sink.
  bool spend_member_work(size_t work) const;
  // Every binding in the file, in token order (finds the bindings of every name). A span of
  // pointers: clang's ranges with GCC 12's library reject a transform view here (the fuzz build).
  std::span<const Binding* const> all_bindings() const { return bindings_in_order(); }
  // The bindings whose names lie in a function definition (its parameters and body), in token
  // order: found by position, so asking in each function of a large file stays linear.
  std::span<const Binding* const> bindings_in(int function) const;
  // Every binding of a name in the file, in token order: listed once per name, as a name bound in
  // each of thousands of functions is asked about at each of its uses.
  std::span<const Binding* const> bindings(std::string_view name) const;
  // The bindings of a name that are seen from inside `function`: its own (shadowing file-scope
  // declarations of the same name) plus file-scope ones and macros. Members are never included.
  std::vector<const Binding*> visible(std::string_view name, int function) const;
  // Every code token (not preprocessor, not dead) that is this identifier, in order.
  std::span<const size_t> occurrences(std::string_view name) const;
  // Indexes into syntax().calls() of the calls in a function (-1: at file scope), in order.
  std::span<const size_t> calls_in(int function) const;
  // The call whose name is token i, or nullptr.
  const Call* call_at(size_t name_token) const;
  // The definition of a free function of this file by its name, or nullptr.
  const FunctionDef* definition(std::string_view name) const;

  // The range without casts, parentheses, a leading '&', a trailing [0] / .data() / .c_str(), and
  // wrappers of a single literal (_T("…"), TEXT("…"), std::string("…")).
  TokenRange strip(TokenRange r) const;
  // The value of an expression as seen from `function`.
  Value resolve(TokenRange r, int function) const;
  Value resolve_name(std::string_view name, int function) const;
  // The identifiers of an expression, with names bound to constants or macros expanded (bounded).
  std::vector<std::string_view> symbols(TokenRange r, int function) const;
  // The object an lvalue-like expression designates, by its last name: key[i] → key, ctx->iv → iv,
  // &buf[0] → buf, *p → p, out + n → out. tokens().size() when there is none.
  size_t base_name(TokenRange r) const;
  // The calls of `function` (other than `except`) that take the object `name` designates as an
  // argument (`f(name)`, `f(&name[0])`, `f(s.name)`), between tokens `from` and `to`.
  std::vector<const Call*> calls_taking(std::string_view name, int function, size_t from, size_t to,
                                        const Call* except = nullptr) const;
  // The first of those calls, or nullptr: for asking whether there is one without listing
  // thousands (a body using one variable at each of thousands of calls asks at each).
  const Call* first_call_taking(std::string_view name, int function, size_t from, size_t to,
                                const Call* except = nullptr) const;
  // The statement holding token i, within its block (the whole for(…) header counts).
  TokenRange statement(size_t i) const;
  // Whether the statement starting at token `begin` is one of the function body's own block: not
  // in a nested block, not the body of an if, else, loop or label, so it runs whenever the
  // function gets that far. False when the walk back to the body's brace goes past a bound (a
  // hostile body of thousands of statements asked about each of them).
  bool in_body_block(size_t begin, int function) const;
  ListFacts list_facts(TokenRange braces) const;
  // Whether the variable declared at token `declared` is of a struct the file defines with plain
  // fields (no union, no methods), one of them named `field`.
  bool plain_struct_field(size_t declared, std::string_view field) const;
  // What buffer_contents' stores_into found, per function and name (FileNames index): kept with the
  // file, as a function of thousands of uses of one name asks for its stores at each of them.
  std::map<std::pair<int, size_t>, std::vector<Store>>& stores_found() const { return stores_found_; }
  // What buffer_contents' method callers found, per method name (FileNames index): made once, as a
  // file of thousands of classes may define a method of one name in each.
  std::unordered_map<size_t, MethodCalls>& method_calls_found() const { return method_calls_found_; }
  // What cross_file's external_parameter found, per function name (FileNames index): the first
  // two of its occurrences that are not declarations, made once as a file may define a function
  // of one name in each of thousands of classes.
  std::unordered_map<size_t, std::vector<size_t>>& undeclared_uses_found() const { return undeclared_uses_found_; }
  // What cross_file's foreign_global found, per global name (FileNames index): whether the file
  // leaves the name to another file, and the first two calls in functions given it. Made once,
  // as thousands of functions may each read the global.
  struct ForeignGlobal {
    bool foreign = false;
    std::vector<const Call*> takers;
  };
  std::unordered_map<size_t, ForeignGlobal>& foreign_globals_found() const { return foreign_globals_found_; }

 private:
  struct DeclInfo {
    bool declared = false, is_const = false, is_static = false, is_extern = false;
  };
  enum class Brace : uint8_t { file, function, block, record, enumeration, initializer };
  // The name an assignment-like operator writes, and how.
  struct Target {
    size_t name = SIZE_MAX;
    bool indexed = false, deref = false, member = false;
    size_t begin = 0;  // first token of the name (before any '::' qualification)
  };
  // What the braces open at a token say of it: in a record (struct, class, union) rather than in
  // a function or block, directly in an initialiser list.
  struct Scope {
    bool in_record = false, in_initializer = false;
  };

  // What the bindings scan remembers of the statements it walks (see source_bindings.cpp).
  struct StatementIndex;

  // The index of names, made on first need in one pass over the tokens: each name's occurrences,
  // the operators that write it and its #defines; the scope after each brace; the parameters.
  void index() const;
  // The bindings of name `id` (a FileNames index), found on first need.
  const std::vector<Binding>& bindings_of(size_t id) const;
  std::span<const Binding* const> bindings_in_order() const;
  // The occurrences of name `id` (a FileNames index) that are a call's argument whole (see
  // calls_taking), each with that call's index in syntax_.calls(), in token order; found once per name.
  std::span<const std::pair<size_t, uint32_t>> taken_occurrences(size_t id) const;
  StatementIndex& statements() const;
  Scope scope_at(size_t i) const;
  Target target_before(size_t op) const;
  // The binding the assignment, compound assignment, ++ or -- at `op` makes, if any.
  std::optional<Binding> write_at(size_t op) const;
  // The binding the declaration of the identifier at `i` makes, if it declares one.
  std::optional<Binding> declaration_of(size_t i) const;
  void find_parameters() const;
  DeclInfo declaration_at(size_t name, size_t begin_of_name, StatementIndex& index) const;
  // The first token of the statement holding token i, within its block, bracketed group or
  // preprocessor line: walking back over tokens of i's kind (code or preprocessor) and over
  // bracketed groups, just after the first ';' '{' '}' '(' '[' ':' met, or where the kind changes.
  // The whole parameter list or for(…) header counts as one statement.
  size_t statement_begin(size_t i, StatementIndex& index) const;
  // The value assigned by the operator at `eq`: walking forward over tokens of its kind, on the
  // same preprocessor line, and over bracketed groups, up to the first ';' ',' or closing bracket;
  // to the end of the file after a bracket never closed.
  TokenRange value_after(size_t eq, StatementIndex& index) const;
  Brace classify_brace(size_t open) const;
  Value resolve_at(TokenRange r, int function, int depth) const;
  // A field of a struct variable (see source_member_values.cpp).
  struct Field {
    size_t name = 0;     // token of the field's name in its struct's definition
    bool array = false;  // declared with []
  };
  struct MemberFacts {
    bool usable = true;    // used only through its fields and passed whole; no method called
    bool listed = false;   // declared with a braced initialiser
    bool unlisted_zero = false;  // fields its initialiser leaves out are zero
    std::unordered_map<size_t, TokenRange> elements;     // by field name (FileNames index)
    std::unordered_map<size_t, std::vector<size_t>> writes;  // by field: the '=' of `v.field = …`
    std::unordered_set<size_t> unsettled;  // fields changed otherwise (+=, ++, &v.field, v.field[i] = …)
    std::vector<size_t> passed;  // the name's tokens where it is a whole argument: f(v), f(&v)
    std::vector<size_t> zero_fills;  // the name's tokens in clears of the whole: memset(&v, 0, sizeof v)
    size_t first_read = SIZE_MAX;    // the name's first token that reads it (a field, passed whole)
  };
  // The fields, in order, of the struct the variable declared at `declared` is of, when the file
  // defines it with plain fields only.
  const std::optional<std::vector<Field>>& record_fields(size_t declared) const;
  std::optional<std::vector<Field>> fields_of_record(std::string_view type) const;
  const MemberFacts& member_facts(const Binding& variable) const;
  // The value of field `field` (FileNames index) of the struct variable named at token `at` in
  // `function` (`v.field`, `p->field`): the variable may be passed whole only at `passed_at`, the
  // argument a caller is followed through, or nowhere.
  Value variable_field(size_t at, int function, size_t field, std::optional<size_t> passed_at, int depth) const;
  // A field (FileNames index) of the struct variable declared by `variable`, from its initialiser
  // and field assignments, all agreeing, whether or not the variable is passed whole.
  Value field_value(const Binding& variable, size_t field, int depth) const;
  // A field of the struct a parameter designates (by pointer, reference or copy), used only
  // through its fields: the field of the variable every caller in the file passes, all agreeing.
  // The call is the one place each caller's variable may be passed whole.
  Value parameter_field(const Binding& parameter, size_t field, int depth) const;
  // A parameter of a function of this file that is only called (never taken as a value): the
  // value every caller in this file passes for it, when they all pass the same. A call of a function of this file: the value
  // every return statement gives, when they all give the same.
  // A parameter's position in its function's list; none for a member function (called through
  // objects, so its callers are not known here) or past the depth of calls followed.
  std::optional<size_t> parameter_index(const Binding& parameter, int depth) const;
  // The value every caller of the parameter's function in the file gives it, as value_of_argument
  // (caller, its name token, the argument) says; unknown when one gives none or two differ (lists
  // differ by place too when `same_list`).
  template <class ValueOfArgument>
  Value agreed_by_callers(const Binding& parameter, int depth, bool same_list, ValueOfArgument&& value_of_argument) const;
  Value resolve_parameter(const Binding& parameter, int depth) const;
  Value resolve_return(const Call& c, int depth) const;
  // Element `index` of the array `name`: the constant a local array is assigned there, or through
  // an array parameter of a function of the file, that element of the arrays every caller passes.
  Value resolve_element(std::string_view name, int64_t index, int function, int depth) const;
  bool still_bound(const Value& v, int function, size_t at) const;
  Value resolve_name_at(std::string_view name, int function, int depth) const;
  bool evaluate(TokenRange r, int function, int depth, int64_t& out) const;

  const Syntax& syntax_;
  const FileNames& names_;
  // The index (see index()). Per name (FileNames index), as ranges of one array each:
  // [begin[id], begin[id + 1]).
  mutable size_t member_work_ = 0;
  mutable bool indexed_ = false;
  mutable std::vector<uint32_t> occurrences_begin_, writes_begin_, defines_begin_, parameters_begin_;
  mutable std::vector<size_t> occurrences_;
  mutable std::vector<size_t> writes_;   // assignment-like operators, by the name they write
  mutable std::vector<size_t> defines_;  // the '#' of object-like #defines, by the name defined
  mutable std::vector<Binding> parameters_;           // in the order of functions and their lists
  mutable std::vector<size_t> parameters_by_name_;    // indexes into parameters_
  mutable std::vector<std::pair<size_t, Scope>> scopes_;  // after each brace of code, in token order
  mutable std::unique_ptr<StatementIndex> statements_;
  // Per name: whether its bindings are found, and they (each list made once: its addresses hold).
  mutable std::vector<uint8_t> bound_;
  mutable std::vector<std::vector<Binding>> bindings_;
  mutable std::vector<const Binding*> bindings_in_order_;  // every binding, once all_bindings() asks
  mutable bool all_bound_ = false;
  mutable std::unordered_map<size_t, std::vector<const Binding*>> file_scope_bindings_;  // by name, see visible()
  mutable std::unordered_map<size_t, std::vector<const Binding*>> binding_pointers_;  // by name, see bindings()
  mutable std::unordered_map<size_t, std::vector<std::pair<size_t, uint32_t>>> taken_;  // by name, see taken_occurrences()
  mutable std::vector<std::vector<size_t>> calls_by_function_;  // [0] is file scope, [f + 1] function f
  // Per name (FileNames index): the index in syntax_.functions() of the first definition one of its
  // occurrences names, member_definition when that one is qualified (X::name), or no_definition.
  static constexpr int no_definition = -1, member_definition = -2;
  mutable std::vector<int> definition_by_name_;
  mutable std::vector<int> enclosing_call_;  // per token: index in syntax_.calls() of the innermost call holding it, or -1
  mutable std::unordered_map<size_t, MemberFacts> member_facts_;  // by the variable's declared name token
  mutable std::unordered_map<size_t, std::optional<std::vector<Field>>> record_fields_;  // by type name (FileNames index)
  mutable std::map<std::pair<size_t, size_t>, Value> member_values_;  // by variable and field
  mutable std::map<std::pair<int, size_t>, std::vector<Store>> stores_found_;
  mutable std::unordered_map<size_t, MethodCalls> method_calls_found_;  // by method name (FileNames index)
  mutable std::unordered_map<size_t, std::vector<size_t>> undeclared_uses_found_;  // by function name (FileNames index)
  mutable std::unordered_map<size_t, ForeignGlobal> foreign_globals_found_;  // by global name (FileNames index)
};

// Whether the declaration whose name is at `name` says `static` among its specifiers.
bool declared_static(std::span<const Token> tokens, size_t name);

// The integer value of a number token (decimal, hex, octal, binary; digit separators and
// suffixes allowed). False when it is not an integer or does not fit.
bool parse_integer(std::string_view text, int64_t& out);

}  // namespace mdbc::source
