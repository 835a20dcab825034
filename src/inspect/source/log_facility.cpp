#include "inspect/source/log_facility.h"

#include <algorithm>
#include <array>

#include "inspect/source/identifier_words.h"

namespace mdbc::source {

bool is_log_function(std::string_view name, const Config& config) {
  if (std::find(config.log_functions.begin(), config.log_functions.end(), name) != config.log_functions.end())
    return true;
  if (!config.log_functions.empty()) return false;  // the project said which functions its log is
  static constexpr std::array<std::string_view, 4> syslog{"syslog", "vsyslog", "__syslog_chk", "openlog"};
  if (std::find(syslog.begin(), syslog.end(), name) != syslog.end()) return true;
  // Math functions named log are not logs.
  static constexpr std::array<std::string_view, 9> math{"log", "logf", "logl", "log2", "log10", "log1p",
                                                        "log2f", "log10f", "log1pf"};
  if (std::find(math.begin(), math.end(), name) != math.end()) return false;
  for (const auto& w : identifier_words(name))
    if (w == "log" || w == "logger" || w == "logging" || w == "audit" || w == "syslog" || w == "logd" ||
        w == "loge" || w == "logw" || w == "logi" || w == "logf" || w == "auditlog" || w == "seclog")
      return true;
  return false;
}

bool is_print_function(std::string_view name) {
  static constexpr std::array<std::string_view, 16> print{
      "printf", "fprintf", "dprintf", "vprintf", "vfprintf", "puts", "fputs", "printk", "wprintf",
      "fwprintf", "perror", "err", "errx", "warn", "warnx", "cprintf"};
  return std::find(print.begin(), print.end(), name) != print.end();
}

}  // namespace mdbc::source
