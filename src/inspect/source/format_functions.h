#pragma once
// The functions that take a format string (printf, scanf, syslog and err families, their wide,
// Microsoft CRT, strsafe.h and <tchar.h> forms) and which argument is the format: CODE-2's table.
#include <cstdint>
#include <string_view>

namespace mdbc::source {

struct FormatFunction {
  std::string_view name;
  uint8_t format;      // index of the format argument
  bool takes_va_list;  // a v-form
};

// The format function of this name, or nullptr.
const FormatFunction* format_function(std::string_view name);

}  // namespace mdbc::source
