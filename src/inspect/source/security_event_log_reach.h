#pragma once
// LOG-2 (security_events_logged.cpp): whether a branch reaches the security log. In a file, a
// branch logs when a call in it is a log function (collect_calls); otherwise the names of its calls
// are kept, and after every file is read the tree-wide call graph says which function names reach
// the log through the functions they call (LogReach). Kept apart from the rule because the call
// graph's tables are their own subject: a kernel tree's 650,000 functions in bounded memory.
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "inspect/source/file_names.h"
#include "inspect/source/lexer.h"
#include "inspect/source/security_event_conditions.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source::security_events {

// Function names in the tree-wide call graph are 64-bit hashes: the graph holds every function of
// the tree and every call it makes (millions in a kernel tree), where strings would cost tens of
// bytes each for the whole run.
// They are FileNames' hashes, which the file's names already carry (name_hash_at).
using NameHash = uint64_t;
inline NameHash name_hash(std::string_view name) { return FileNames::hash_of(name); }
NameHash name_hash_at(const SourceFile& file, const Token& t);

// A file's functions for the tree-wide call graph, in flat arrays: a kernel tree has 650,000
// functions, and a vector of calls apiece cost more in headers, allocations and slack than the
// calls themselves.
struct FunctionTable {
  std::vector<NameHash> names;
  std::vector<uint8_t> logs_directly;
  // Whether the function takes a format and its arguments (variadic, or given a va_list) and is not
  // named as debug output: a log wrapper once it reaches the log (logging_macros). Empty for macros.
  std::vector<uint8_t> takes_format;
  std::vector<uint32_t> calls_end;  // function i calls calls[calls_end[i - 1] (0 for i = 0), calls_end[i])
  std::vector<NameHash> calls;      // per function sorted, each once
};

// Whether a call of the function named by `callee` records a security event, judged once per name
// in `memo`: by the name alone, and so remembered across files, unless the project declares its
// log functions.
bool records_security_event(NameMemo& memo, const Token& callee, const Config& config);

// `return BT_GATT_ERR(BT_ATT_ERR_AUTHORIZATION);`: a call whose value is returned is an expression
// (an error code a level-named macro composes), not a log statement, unless its name says log.
bool returns_value_of(std::span<const Token> tokens, const Call& call);

// Whether a call named in [begin, end) writes to the log; if none does, the name hashes of those
// calls, each once, into `calls` (to resolve tree-wide whether one reaches the log). Nested
// branches hold each other's calls: hashes kept once per branch keep that linear in practice.
bool collect_calls(const SourceFile& file, size_t begin, size_t end, Judged& judged, std::vector<NameHash>& calls);

// Which function names reach the log: start from those that log directly, then propagate to
// callers until nothing changes (iterative; the graph may be large and cyclic). The names are
// slots of one open-addressed table, and each name's callers one run of a flat array: a map of
// vectors over a kernel tree's 650,000 functions and their calls took twice the memory and
// time, and this pass runs beside the others.
// The function-like macros of the tree that are log facilities: a macro whose body calls a log
// (#define LOG_FAIL(...) syslog(LOG_ERR, __VA_ARGS__)), or calls another such macro (#define
// wil_err_fw(wil, fmt, ...) wil_err(wil, fmt, ##__VA_ARGS__)), up to most_macro_depth macros
// deep. Through a function only when it is a log wrapper, one that takes a format and reaches the
// log (`log_wrappers`, sorted: #define errorf(fc, fmt, ...) __logfc(…) over void logfc(…, const
// char *fmt, ...) that calls printk): a kernel macro wraps a primitive (test_bit, get_user) whose
// instrumentation can report to the log, and such a macro does not log the caller's event. By name
// hash, sorted. `macro_tables`: each file's macros, laid out as its functions are.
// They log where a branch calls them, as a log function does; they do not make the function that
// calls them reach the log for its callers (LogReach): WARN_ON is such a macro, and a function
// with an assertion somewhere does not log its callers' rejections.
std::vector<NameHash> logging_macros(std::span<const FunctionTable* const> macro_tables,
                                     const std::vector<NameHash>& log_wrappers);

class LogReach {
 public:
  // `tables`: the functions of every file of the tree; `log_functions`: the project's declared
  // log API, which reaches the log by definition.
  LogReach(std::span<const FunctionTable* const> tables, const std::vector<std::string>& log_functions);
  bool reaches(NameHash name) const {
    const uint32_t s = slot_of(name);
    return s != no_slot && reached_[s];
  }

 private:
  static constexpr uint32_t no_slot = UINT32_MAX;
  size_t home(NameHash name) const {
    return static_cast<size_t>((name * 0x9e3779b97f4a7c15ull) >> (64 - slot_bits_));
  }
  uint32_t slot_of(NameHash name) const {
    for (size_t s = home(name); slot_used_[s]; s = (s + 1) & (slots_ - 1))
      if (slot_name_[s] == name) return static_cast<uint32_t>(s);
    return no_slot;
  }
  int slot_bits_ = 4;
  size_t slots_ = 0;
  std::vector<NameHash> slot_name_;
  std::vector<uint8_t> slot_used_;
  std::vector<uint8_t> reached_;
};

}  // namespace mdbc::source::security_events
