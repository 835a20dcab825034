#pragma once
// The functions CODE-1 bans, shared by the source stage (calls) and the product stage (imports).
#include <map>
#include <string_view>

namespace mdbc {

struct BannedFunction {
  std::string_view reason;       // why it cannot be used safely, one clause
  std::string_view alternative;  // what to call instead
  // Banned only in some uses: the scanf family, when a %s or %[ conversion has no field width.
  // An import alone does not show the use, so the product stage should not report these.
  bool conditional = false;
};

// Every banned function by name (C library, POSIX and the Windows CRT/shlwapi variants).
const std::map<std::string_view, BannedFunction>& banned_functions();
// The entry for `name`, or nullptr.
const BannedFunction* banned_function(std::string_view name);

}  // namespace mdbc
