#pragma once
// The expressions a value used in one function of a C/C++ file may come from, one step at a time
// and across the file's functions, for a rule that asks what a value derives from rather than
// which constant it is (RNG-2: does a seed come from the clock?). From a name used in a function:
// - its bindings seen there (declarations, assignments, element stores `a[2] = x`), and the stores
//   into the object it holds (`s.field = x`, `v.push_back(x)`, `m[0] = x`: stores_into);
// - for a file-scope variable, what the file's other functions assign to it;
// - for a parameter, the argument every call of its function in the file passes there: direct
//   calls, calls through a local pointer set to the function, and in C++ the calls of a method
//   through an object whose class is its own or unknown, and the constructions of a class for its
//   constructor's parameters (call_targets.h, member_calls);
// - for a member read in a method, what the methods of its class assign to it and the class's
//   constructors' initialiser lists give it;
// - for a call of a function the file defines, its return statements' expressions.
// A rule walks these steps itself, to a depth and a count of its choosing. Callers, returns and
// constructors are found once per function or class: a file of many seeding calls stays linear.
#include <deque>
#include <map>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "inspect/source/call_targets.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {

// An expression in a function (-1: at file scope).
struct Origin {
  TokenRange range;
  int function = -1;
  const Call* call = nullptr;  // for an argument: the call passing it
};

class ValueOrigins {
 public:
  explicit ValueOrigins(const SourceFile& file);
  ~ValueOrigins();

  // The expressions the name at token `at`, used in `function`, may get its value from (at most
  // max_origins of them; the first found first). Found once per function and name.
  static constexpr size_t max_origins = 16;
  const std::vector<Origin>& of_name(size_t at, int function);
  // The arguments the calls of function `fn` pass for its parameter named `parameter`, each with
  // its call; none when a call was left out (past the callers followed: a hostile function may
  // have a hundred thousand; in a macro; with too few arguments), so that a rule asking what
  // every caller passes is never answered by some.
  const std::vector<Origin>& parameter_arguments(int fn, std::string_view parameter);
  // The one value an expression used in `function` holds on every path the file shows, for a
  // rule that asks which constant reaches a call (CRYPTO-1's key sizes, CRYPTO-3's modes): what
  // FileValues::resolve says, else the value every origin of the object it reads settles to, all
  // agreeing. Of the function's own stores, the last before the use in a block holding it hides
  // the ones before it (`int mode = -1; mode = SSL_VERIFY_NONE;`) when none follows the use.
  // Unknown past a bounded walk. Found once per expression.
  Value settled(TokenRange r, int function);
  // The one value element `index` of the array an expression holds or points to has, as settled()
  // says of a value: an argument vector's program (`char *argv[4]; argv[0] = "/bin/sh";`,
  // `static char *args[] = {"/bin/sh", "-c", cmd, NULL}; char **v = args;`, v passed on). Stores
  // into the array's other elements do not count, a braced initialiser gives its element at that
  // place, and a null pointer no element. Found once per expression and index.
  Value settled_element(TokenRange r, int function, int64_t index);

 private:
  struct Writes {
    std::vector<const Binding*> stores;  // the function's own, in token order
    bool changed = false;                // also changed from what it held (+=, ++)
  };
  void add(std::vector<Origin>& out, TokenRange range, int function, const Call* call = nullptr) const;
  // A file-scope variable's assignments in the functions that do not declare their own of that name.
  const std::vector<Origin>& global_stores(std::string_view name);
  // The arguments every call of function `fn` in the file passes at `index`.
  const std::vector<Origin>& arguments(int fn, size_t index);
  // A call of a function template given its arguments, `sink<char *>(data)` at token k, which
  // the syntax takes for no call: made once and kept, or nullptr.
  const Call* template_call(size_t k);
  // The expressions fn's return statements give.
  const std::vector<Origin>& returns(int fn);
  // What the methods and constructors of `cls` store in its member `name`.
  const std::vector<Origin>& member_stores(std::string_view cls, std::string_view name);
  const std::vector<Call>& members();
  Value settle(TokenRange r, int function, int depth, size_t& steps);
  // `whole`: r is the array whose element is asked; else an object whose parts (elements,
  // members) each are such an array (a container of argument vectors).
  Value settle_element(TokenRange r, int function, int64_t index, bool whole, int depth, size_t& steps);
  // The binding of the name at token `use` in `function` that hides the function's stores of it
  // before that binding (see settled()), or nullptr. With `element`, the stores of the array's
  // other elements are left aside and a store of that element (`argv[0] = …`) may hide.
  const Binding* hiding_store(size_t use, int function, std::optional<int64_t> element = std::nullopt);
  // The element a binding `name[i] = …` stores (nullopt for another form or an unknown index).
  std::optional<int64_t> stored_element(const Binding& b) const;
  const Writes& writes(int function, std::string_view name);
  // Whether `function` hands the object `name` holds to code that may change it unseen: its
  // address or a part's taken, a method called on it other than a container's store or element
  // read, a part stepped or changed in place (o.n++, o.n += 2). Found once per function and name.
  bool left_open(int function, std::string_view name);
  // Whether `function` gives a call the address of the variable `name` (getrandom(&seed, …),
  // fread(&bits, …)), which may fill it with anything. Found once per function and name.
  bool address_given(int function, std::string_view name);

  const SourceFile& file_;
  std::span<const Token> toks_;
  const FileValues& values_;
  std::optional<std::vector<Call>> members_;  // member_calls(), made on first need
  std::deque<Call> template_calls_;           // template_call()'s, kept where they are made
  std::unordered_map<size_t, const Call*> template_call_at_;  // by the name's token
  std::optional<StatedTargets> targets_;
  std::unordered_map<uint64_t, std::vector<Origin>> arguments_;  // by function and position
  std::unordered_set<uint64_t> incomplete_;  // of those, the ones a call past the bound or in a macro left out
  std::unordered_map<uint64_t, std::vector<Origin>> names_;  // by function, name and whether called
  std::unordered_map<int, std::vector<Origin>> returns_;
  std::unordered_map<std::string_view, std::vector<Origin>> globals_;
  std::map<std::pair<std::string_view, std::string_view>, std::vector<Origin>> member_stores_;
  std::unordered_map<std::string_view, std::vector<int>> methods_;  // by class, made on first need
  bool methods_found_ = false;
  std::unordered_map<uint64_t, Value> settled_;  // by the expression's first and last token
  std::map<std::tuple<size_t, size_t, int64_t>, Value> settled_elements_;  // by expression and index
  std::map<std::pair<int, std::string_view>, Writes> writes_;  // by function and name
  std::map<std::pair<int, std::string_view>, bool> left_open_;  // by function and name
  std::map<std::pair<int, std::string_view>, bool> address_given_;  // by function and name
};

}  // namespace mdbc::source
