#include "inspect/source/format_functions.h"

#include <unordered_map>

namespace mdbc::source {
namespace {

// Written from the C standard, POSIX, glibc, BSD err(3), the Linux kernel, Android and the
// Microsoft CRT and strsafe.h documentation (the _t forms are <tchar.h>'s generic-text mappings).
constexpr FormatFunction format_functions[] = {
    {"printf", 0, false},    {"fprintf", 1, false},    {"sprintf", 1, false},   {"snprintf", 2, false},
    {"dprintf", 1, false},   {"asprintf", 1, false},   {"vprintf", 0, true},    {"vfprintf", 1, true},
    {"vsprintf", 1, true},   {"vsnprintf", 2, true},   {"vdprintf", 1, true},   {"vasprintf", 1, true},
    {"syslog", 1, false},    {"vsyslog", 1, true},     {"err", 1, false},       {"errx", 1, false},
    {"warn", 0, false},      {"warnx", 0, false},      {"verr", 1, true},       {"verrx", 1, true},
    {"vwarn", 0, true},      {"vwarnx", 0, true},      {"scanf", 0, false},     {"fscanf", 1, false},
    {"sscanf", 1, false},    {"vscanf", 0, true},      {"vfscanf", 1, true},    {"vsscanf", 1, true},
    {"wprintf", 0, false},   {"fwprintf", 1, false},   {"swprintf", 2, false},  {"vwprintf", 0, true},
    {"vfwprintf", 1, true},  {"vswprintf", 2, true},   {"wscanf", 0, false},    {"fwscanf", 1, false},
    {"swscanf", 1, false},   {"vwscanf", 0, true},     {"vfwscanf", 1, true},   {"vswscanf", 1, true},
    {"printk", 0, false},    {"vprintk", 0, true},     {"error_at_line", 4, false}, {"printf_s", 0, false},
    {"fprintf_s", 1, false}, {"sprintf_s", 2, false},  {"vprintf_s", 0, true},  {"vfprintf_s", 1, true},
    {"vsprintf_s", 2, true}, {"_snprintf", 2, false},  {"_vsnprintf", 2, true}, {"_snprintf_s", 3, false},
    {"_vsnprintf_s", 3, true}, {"snprintf_s", 2, false}, {"vsnprintf_s", 2, true}, {"fwprintf_s", 1, false},
    {"wprintf_s", 0, false}, {"__android_log_print", 2, false}, {"__android_log_vprint", 2, true},
    {"syslog_r", 1, false},  {"_snwprintf", 2, false}, {"_vsnwprintf", 2, true}, {"_snwprintf_s", 3, false},
    {"_vsnwprintf_s", 3, true}, {"swprintf_s", 2, false}, {"vswprintf_s", 2, true}, {"vwprintf_s", 0, true},
    {"vfwprintf_s", 1, true}, {"_scprintf", 0, false},  {"_scwprintf", 0, false}, {"_vscprintf", 0, true},
    {"_vscwprintf", 0, true}, {"wsprintfA", 1, false},  {"wsprintfW", 1, false}, {"wsprintf", 1, false},
    {"wvsprintfA", 1, true}, {"wvsprintfW", 1, true},   {"wvsprintf", 1, true},  {"StringCchPrintfA", 2, false},
    {"StringCchPrintfW", 2, false}, {"StringCchPrintf", 2, false}, {"StringCbPrintfA", 2, false},
    {"StringCbPrintfW", 2, false}, {"StringCbPrintf", 2, false}, {"StringCchVPrintfA", 2, true},
    {"StringCchVPrintfW", 2, true}, {"StringCchVPrintf", 2, true}, {"StringCbVPrintfA", 2, true},
    {"StringCbVPrintfW", 2, true}, {"StringCbVPrintf", 2, true}, {"_tprintf", 0, false}, {"_ftprintf", 1, false},
    {"_sntprintf", 2, false}, {"_vtprintf", 0, true},  {"_vftprintf", 1, true}, {"_vsntprintf", 2, true},
    // The Linux kernel's string formatting (sprintf.h), whose headers an out-of-tree module does not
    // carry. Its printk wrappers (pr_*, dev_*, seq_printf) are not listed: the kernel's own code
    // passes them formats chosen from tables of literals, which this table cannot follow.
    {"scnprintf", 2, false}, {"vscnprintf", 2, true}, {"kasprintf", 1, false}, {"kvasprintf", 1, true},
};

}  // namespace

const FormatFunction* format_function(std::string_view name) {
  static const auto by_name = [] {
    std::unordered_map<std::string_view, const FormatFunction*> m;
    for (const auto& f : format_functions) m.emplace(f.name, &f);
    return m;
  }();
  const auto it = by_name.find(name);
  return it == by_name.end() ? nullptr : it->second;
}

}  // namespace mdbc::source
