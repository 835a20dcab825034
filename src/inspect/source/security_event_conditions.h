#pragma once
// LOG-2 (security_events_logged.cpp) on the tokens of one function: what the condition of an `if`,
// a ternary or a switch tests (judge_condition), and where a branch gives up with a failure
// (failure_exit). Kept apart from the rule because they are read as one question — does this
// branch reject? — and the rule's walk of a function only asks it; with the per-file memory of
// judged names (Judged) they share.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "inspect/source/file_names.h"
#include "inspect/source/lexer.h"
#include "inspect/source/security_event_words.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source::security_events {

class OutcomeFlow;  // security_event_outcome_flow.h

// A value for each distinct name of a file (by FileNames id), most of them `blank`: set and
// reset once per function walked, where a file has tens of thousands of names and its functions
// set a few each. Reset takes the time of the names set, not of the file's names.
template <class Value>
class SparseNameTable {
 public:
  SparseNameTable(size_t names, Value blank) : values_(names, blank), blank_(blank) {}
  // The value of name `id`; blank for an id past the file's names.
  Value operator[](uint32_t id) const { return id < values_.size() ? values_[id] : blank_; }
  void set(uint32_t id, Value value) {
    if (id >= values_.size()) return;
    if (values_[id] == blank_) set_.push_back(id);
    values_[id] = value;
  }
  void clear() {
    for (const uint32_t id : set_) values_[id] = blank_;
    set_.clear();
  }

 private:
  std::vector<Value> values_;
  std::vector<uint32_t> set_;  // the ids whose value may not be blank
  Value blank_;
};

// `variable = callee(...)` in the function being walked: the callee's token by the variable's
// name. A table of the file's names, not a map of strings: every identifier of every condition of
// the file is looked up in it.
class AssignedCallees {
 public:
  explicit AssignedCallees(const FileNames& names) : callee_(names.size(), none) {}
  void clear() { callee_.clear(); }
  void assign(const Token& variable, size_t callee) { callee_.set(variable.name, callee); }
  // The token of the callee last assigned to `variable`, or none.
  size_t of(const Token& variable) const { return callee_[variable.name]; }
  static constexpr size_t none = SIZE_MAX;

 private:
  SparseNameTable<size_t> callee_;
};

// The names a function uses as objects: the base of a member access (`auth->agent`), compared
// with NULL, or declared as pointers (`struct auth_req *auth`). Tested alone (`if (!auth) return;`)
// such a name asks whether the object exists, an argument check, not an authentication's outcome.
// Found on first need, once per function: most functions test no outcome-named variable.
class ObjectNames {
 public:
  explicit ObjectNames(const FileNames& names) : object_(names.size(), 0) {}
  // The function whose names are asked about next: its tokens [begin, end), parameters included.
  void start(std::span<const Token> tokens, size_t begin, size_t end) {
    object_.clear();
    tokens_ = tokens.subspan(begin, end - begin);
    looked_ = false;
  }
  bool operator()(const Token& name) {
    if (!looked_) find(), looked_ = true;
    return object_[name.name] != 0;
  }

 private:
  void find();
  SparseNameTable<uint8_t> object_;
  std::span<const Token> tokens_;
  bool looked_ = false;
};

// What the names of one file are, each judged once: conditions name the same few variables and
// functions again and again, and splitting a name into words is the costly part.
struct Judged {
  explicit Judged(const FileNames& names)
      : verification(names), check(names), comparison(names), outcome(names), security_noun(names), mac(names),
        address(names), lock(names), account(names), failure(names), log(names), authentication(names),
        denial(names), key_rejection(names), credential(names), decides_as_call(names), decides_as_value(names),
        returned_object(names), assigned_from(names), objects(names) {}
  NameMemo verification, check, comparison, outcome, security_noun, mac, address, lock, account, failure, log,
      authentication, denial, key_rejection, credential, decides_as_call, decides_as_value, returned_object;
  AssignedCallees assigned_from;  // of the function being walked
  ObjectNames objects;            // of the function being walked
  // Where the outcomes of checks flow in the file (security_event_outcome_flow.h), once found.
  OutcomeFlow* flow = nullptr;
  // Whether the file is C++, where == compares strings and arrays by value: `pin != servicePin_`
  // compares two PINs, where in C two pins so compared are numbers (`req.pin != rsp.pin`, a GPIO's).
  bool values_compare = false;

  // Whether the variable named at tokens[at] holds an outcome (sig_ok, authenticated), not an object
  // tested for existence (`if (!auth)` with auth->agent used).
  bool holds_outcome(std::span<const Token> tokens, size_t at);

  // Where the file writes to a logger object or a diagnostic stream (logger.warn(…),
  // std::cerr << …), in token order: found once, not once per branch.
  const std::vector<size_t>& stream_logs(const SourceFile& file);
  bool stream_logs_found = false;
  std::vector<size_t> stream_log_positions;
};

// How the branch of a failed check gives up, beyond returning a failure value: in the branch
// taken when the check failed (`if (!ok)`, `if (strcmp(…) != 0)`, `if (memcmp(…))`), a bare
// `return;` and, in a function that returns 1 or true for success, `return 0;`.
struct ExitContext {
  bool failed_branch = false;
  bool zero_is_failure = false;
};

// Where a branch gives up with a failure: `return FAILURE;`, `return NULL;`, `throw …;`,
// exit()/abort(), or `goto out;` after setting a failure (`rc = -EBADMSG; goto out;`); not an
// errno saying the operation is unsupported (-EOPNOTSUPP). The token that gives up, or `end`.
size_t failure_exit(std::span<const Token> tokens, size_t begin, size_t end, ExitContext context,
                    Judged& judged);

// Whether the function [begin, end) returns 1 or true somewhere: then its `return 0;` says "no".
// Looked for on first need: only the branches of a verification ask, and most functions have none.
class ReturnsOne {
 public:
  ReturnsOne(std::span<const Token> tokens, size_t begin, size_t end) : tokens_(tokens), begin_(begin), end_(end) {}
  bool operator()() {
    if (!looked_) returns_one_ = find(), looked_ = true;
    return returns_one_;
  }

 private:
  bool find() const {
    for (size_t k = begin_; k + 2 < end_; ++k)
      if (tokens_[k].is_ident("return") && (tokens_[k + 1].is("1") || tokens_[k + 1].is_ident("true")) &&
          tokens_[k + 2].is(";"))
        return true;
    return false;
  }
  std::span<const Token> tokens_;
  size_t begin_, end_;
  bool looked_ = false, returns_one_ = false;
};

// What the condition of an `if` (or of a ternary) tests: a verification outcome, a comparison
// of security things, the functions whose results it tests.
struct Condition {
  bool verification = false;
  bool comparison = false;        // it calls a comparison function (memcmp, strcmp, _compare)
  bool verifying_callee = false;  // a tested function verifies (check_pin, authenticate, image_ok)
  bool of_authentication = false;  // or fetches an authentication's object (auth_get_session)
  bool by_comparison = false;       // a verification only for comparing a secret (strcmp(pin, …))
  std::vector<std::string> tested;  // the functions whose results the condition tests
};

// What the condition [begin, close) tests, in a function whose body ends at `end`; `authenticating`:
// the function's own name says it authenticates or verifies.
Condition judge_condition(std::span<const Token> tokens, size_t begin, size_t close, size_t end,
                          bool authenticating, const AssignedCallees& assigned_from, Judged& judged);

}  // namespace mdbc::source::security_events
