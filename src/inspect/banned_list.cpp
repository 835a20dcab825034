#include "inspect/banned_list.h"

namespace mdbc {
namespace {

// The sources: CWE-242 (inherently dangerous functions), CWE-120/CWE-676, CERT STR31-C, FIO21-C
// (temporary files), MEM05-C (alloca), MSC24-C (obsolescent functions), and the banned lists of
// the Windows SDL (banned.h) for the platform variants. strncpy and strncat are not banned: with
// an explicit size they are the usual remedy.
std::map<std::string_view, BannedFunction> make_list() {
  std::map<std::string_view, BannedFunction> m;
  const auto add = [&m](std::initializer_list<std::string_view> names, BannedFunction f) {
    for (auto n : names) m.emplace(n, f);
  };
  add({"gets", "_getws", "_getts"},
      {"reads a line into a buffer without any bound and was removed from C11",
       "fgets(buf, sizeof buf, stdin) (or gets_s) and handle a line longer than the buffer"});
  add({"strcpy", "wcscpy", "_mbscpy", "_tcscpy", "stpcpy", "lstrcpy", "lstrcpyA", "lstrcpyW", "StrCpy", "StrCpyA",
       "StrCpyW"},
      {"copies a string without knowing the size of the destination",
       "a bounded copy that checks the source length against the destination size (snprintf, strlcpy, or memcpy "
       "after an explicit length check)"});
  add({"strcat", "wcscat", "_mbscat", "_tcscat", "lstrcat", "lstrcatA", "lstrcatW", "StrCat", "StrCatA", "StrCatW"},
      {"appends to a string without knowing the size of the destination",
       "snprintf into the remaining space, or strlcat, checking for truncation"});
  add({"sprintf", "vsprintf", "wsprintf", "wsprintfA", "wsprintfW", "wvsprintf", "wvsprintfA", "wvsprintfW"},
      {"formats into a buffer without knowing its size",
       "snprintf (vsnprintf) with sizeof the buffer, and check the result for truncation"});
  add({"scanf", "fscanf", "sscanf", "vscanf", "vfscanf", "vsscanf", "wscanf", "fwscanf", "swscanf", "vwscanf",
       "vfwscanf", "vswscanf"},
      {"a %s or %[ conversion without a field width writes an unbounded string",
       "give every %s and %[ conversion a field width one less than the buffer size (%15s for char[16])", true});
  add({"tmpnam", "tmpnam_r", "tempnam", "mktemp", "_mktemp"},
      {"makes a temporary file name that another process can claim before the file is created (race)",
       "mkstemp (or tmpfile), which creates and opens the file atomically"});
  add({"getwd"},
      {"writes the working directory into a buffer of unknown size",
       "getcwd(buf, sizeof buf) and handle its failure"});
  add({"alloca", "_alloca"},
      {"allocates on the stack without any failure report, so a large or attacker-chosen size overflows the stack",
       "a fixed-size array with an explicit bound check, or a checked heap allocation"});
  return m;
}

}  // namespace

const std::map<std::string_view, BannedFunction>& banned_functions() {
  static const auto list = make_list();
  return list;
}

const BannedFunction* banned_function(std::string_view name) {
  const auto& list = banned_functions();
  const auto it = list.find(name);
  return it == list.end() ? nullptr : &it->second;
}

}  // namespace mdbc
