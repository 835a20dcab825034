#pragma once
// What the source rules need to know about a C/C++ file beyond its tokens, computed once per file
// in one linear pass (no recursion): matching brackets, the calls of free functions, function
// definitions, and which tokens sit in code that is never compiled (#if 0).
#include <array>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "inspect/source/lexer.h"

namespace mdbc::source {

// The [begin, end) token ranges of a call's top-level arguments, in order. Most calls have a few:
// those are kept in the call itself, and only a longer list is allocated (a list allocated for
// every call of a file made a large share of the source stage's allocations).
class ArgRanges {
 public:
  using value_type = std::pair<size_t, size_t>;

  const value_type* begin() const { return size_ <= kept ? kept_.data() : more_.data(); }
  const value_type* end() const { return begin() + size_; }
  const value_type* data() const { return begin(); }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const value_type& operator[](size_t i) const { return begin()[i]; }
  const value_type& front() const { return begin()[0]; }
  const value_type& back() const { return begin()[size_ - 1]; }

  void emplace_back(size_t first, size_t second) {
    if (size_ < kept) {
      kept_[size_] = {first, second};
    } else {
      if (size_ == kept) more_.assign(kept_.begin(), kept_.end());
      more_.emplace_back(first, second);
    }
    ++size_;
  }

 private:
  static constexpr size_t kept = 4;
  std::array<value_type, kept> kept_{};
  std::vector<value_type> more_;  // all of them, past `kept`
  size_t size_ = 0;
};

struct Call {
  size_t name = 0;   // index of the function-name token
  size_t open = 0;   // index of '('
  size_t close = 0;  // index of the matching ')'; tokens.size() when unterminated
  ArgRanges args;    // [begin, end) token ranges of the top-level arguments
  std::string_view qualifier;  // "std" for std::f, "" for f and ::f
  std::string_view macro;      // the macro whose #define body holds the call, or ""
  int function = -1;           // index into Syntax::functions() of the enclosing definition, or -1
};

struct FunctionDef {
  size_t name = 0;        // index of the name token
  size_t body_open = 0;   // index of '{'
  size_t body_close = 0;  // index of the matching '}'; tokens.size() when unterminated
  bool variadic = false;  // its parameter list ends in "..."
};

// An entry of a constructor's initialiser list: Base<T>(c), ns::Base(c), data{c}.
struct Initialiser {
  size_t name = 0;   // the base's or member's name (the last identifier before its arguments)
  size_t open = 0;   // its '(' or '{'
  size_t close = 0;  // the bracket matching `open`
};

class Syntax {
 public:
  explicit Syntax(std::span<const Token> tokens);

  std::span<const Token> tokens() const { return tokens_; }
  // Calls of free functions: not member calls (a.f(), p->f()), not functions qualified by a user
  // namespace or class (ns::f() — std::f() and ::f() are kept), not declarations or definitions,
  // not keywords (if, sizeof, …), not in never-compiled code. Calls inside #define bodies are kept
  // with `macro` set. In token order.
  const std::vector<Call>& calls() const { return calls_; }
  const std::vector<FunctionDef>& functions() const { return functions_; }
  // Index of the bracket matching the one at i ('(' '[' '{' and closers), or tokens.size().
  size_t match(size_t i) const { return match_[i]; }
  // Whether token i is in code that is never compiled (#if 0 … #endif).
  bool dead(size_t i) const { return dead_[i] != 0; }
  // The argument tokens of a call, as a span.
  std::span<const Token> arg(const Call& c, size_t n) const {
    return tokens_.subspan(c.args[n].first, c.args[n].second - c.args[n].first);
  }
  // The calls whose name is one of `names`, in token order.
  std::vector<const Call*> calls_named(std::span<const std::string_view> names) const;
  // The entries of a definition's initialiser list, in order (X(char *c) noexcept : Base<T>(c),
  // data{c} {); empty when it has none. At most most_initialisers of them.
  static constexpr size_t most_initialisers = 32;
  std::vector<Initialiser> initialisers(const FunctionDef& f) const;
  // The name of the class, struct or union whose body the '{' at `brace` opens, past export
  // macros and attributes in its head (class DLL_EXPORT X final : public B {, struct alignas(8)
  // S {, class [[nodiscard]] X {): its token, or tokens().size() when the brace opens no record.
  size_t record_name(size_t brace) const;

 private:
  // Where the later passes look, found by the first: '(' tokens, code '{' tokens, and the first
  // token of each preprocessor line, in order.
  struct Landmarks {
    std::vector<size_t> parens, braces, directives;
  };
  void scan(Landmarks& landmarks);  // brackets, never-compiled code, landmarks
  void find_functions(std::span<const size_t> braces);
  // Whether the '{' at `brace` opens a function's body, then filled into `f`; `enclosing` is the
  // '{' open around it outside function bodies (tokens().size() at file scope).
  bool definition_before(size_t brace, size_t enclosing, FunctionDef& f) const;
  // Whether the name at `name` is that of the class or struct whose body `enclosing` opens.
  bool constructor_in_class(size_t name, size_t enclosing) const;
  // Back from token k (exclusive) over what may stand between a parameter list and a ':' or a
  // body: noexcept, try, and the groups of noexcept(…) and throw(…). The token after the ')' of
  // the parameter list when that is what comes before.
  size_t before_exception_specifiers(size_t k) const;
  // Where a noexcept(…) or throw(…) group that ends just before token k starts (its keyword), or
  // k when none ends there (k > 0).
  size_t exception_group_before(size_t k) const;
  // The first token of the qualified, maybe templated name before the bracket at `open` (an
  // initialiser entry's ns::Base<T>( or data{), or tokens().size() when there is none.
  size_t entry_name_start(size_t open) const;
  void find_calls(const Landmarks& landmarks);
  // For a '>' just before a '(': the name of a function template given its arguments there
  // (sink<char *>(data)), or tokens().size().
  size_t template_call_name(size_t close) const;
  bool declares(size_t name) const;
  bool statement_colon(size_t colon) const;

  // Leaves the elements a vector makes uninitialised, for a vector that is filled at once after.
  template <class T>
  struct UninitialisedAllocator : std::allocator<T> {
    template <class U>
    struct rebind {
      using other = UninitialisedAllocator<U>;
    };
    template <class U>
    void construct(U* p) noexcept {
      ::new (static_cast<void*>(p)) U;
    }
  };

  std::span<const Token> tokens_;
  std::vector<size_t, UninitialisedAllocator<size_t>> match_;
  std::vector<uint8_t, UninitialisedAllocator<uint8_t>> dead_;
  std::vector<Call> calls_;
  std::vector<FunctionDef> functions_;
};

// Whether an identifier is a C/C++ keyword or a keyword-like operator that takes parentheses.
bool is_keyword(std::string_view id);

}  // namespace mdbc::source
