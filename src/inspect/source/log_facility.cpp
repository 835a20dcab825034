#include "inspect/source/log_facility.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "inspect/source/identifier_words.h"

namespace mdbc::source {
namespace {

template <size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

bool is_declared(std::string_view name, const Config& config) {
  return std::find(config.log_functions.begin(), config.log_functions.end(), name) != config.log_functions.end();
}

// Where the level is among a log's words: the last, or the one before a rate-limited or once-only
// variant's suffix (net_info_ratelimited, dev_warn_once, net_dbg_ratelimited).
size_t level_at(const std::vector<std::string>& words) {
  const bool variant = words.size() > 2 && (words.back() == "ratelimited" || words.back() == "once");
  return words.size() - (variant ? 2 : 1);
}

// A project's or subsystem's wrapper of the kernel or RTOS log, named for the level it writes at:
// netdev_info, mlx4_warn, DP_NOTICE, Zephyr's BT_ERR/BT_WARN, aq_pr_err, and their rate-limited
// and once-only variants. The first word must not make it a predicate, accessor or handler of an
// error (IS_ERR, PTR_ERR, set_err, handle_err).
bool names_leveled_log(std::string_view name) {
  static const NameParts parts({"err", "warn", "notice", "info", "crit", "alert", "emerg", "dbg"});
  if (!parts.in(name)) return false;
  const auto words = identifier_words(name);
  if (words.size() < 2) return false;
  static constexpr std::array<std::string_view, 9> levels{"emerg", "alert", "crit", "err",  "warn",
                                                          "warning", "notice", "info", "dbg"};
  static constexpr std::array<std::string_view, 16> not_loggers{
      "is", "has", "set", "get", "clear", "clr", "ptr", "handle", "check", "to", "from", "save", "restore", "read",
      "update", "show"};
  // A verb anywhere before the level makes it a getter or setter of that level's data
  // (radeon_atombios_get_asic_ss_info), not a log.
  const size_t level = level_at(words);
  return in(levels, words[level]) &&
         std::none_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(level),
                      [](const std::string& w) { return in(not_loggers, w); });
}

// Debug output (pr_debug, dev_dbg, LOG_DBG, ESP_LOGD, NRF_LOG_DEBUG) is compiled out of release
// builds or off by default: it can leak a secret (LOG-3) but is no record of a security event.
bool names_debug_log(std::string_view name) {
  static const NameParts parts({"dbg", "debug", "devel", "logd", "logv", "verbose"});
  if (!parts.in(name)) return false;
  const auto words = identifier_words(name);
  static constexpr std::array<std::string_view, 8> debug{"dbg", "debug", "devel", "logd", "logv", "verbose",
                                                         "alogd", "alogv"};
  return !words.empty() && in(debug, words[level_at(words)]);
}

// Log functions known by their exact names: syslog, the kernel log (Linux, Zephyr's printk
// backend) with its level-named, message-level, PCI, rate-limited and once-only wrappers, and log
// APIs whose names do not say log: the systemd journal, the Windows event log, GLib's message
// functions (g_log underneath), Android's ALOG macros and Qt's message functions (qWarning() << …,
// through the application's message handler). One hash lookup: this runs for every
// call of a tree.
const std::unordered_set<std::string_view>& exact_log_names() {
  static const std::unordered_set<std::string_view> names{
      "syslog", "vsyslog", "__syslog_chk", "openlog",
      "printk", "vprintk", "pr_emerg", "pr_alert", "pr_crit", "pr_err", "pr_warn", "pr_warning", "pr_notice",
      "pr_info", "dev_emerg", "dev_alert", "dev_crit", "dev_err", "dev_warn", "dev_notice", "dev_info",
      "netdev_err", "netdev_warn", "netdev_notice", "pr_debug", "dev_dbg", "pr_devel",
      "netdev_info", "netdev_crit", "netif_err", "netif_warn", "netif_notice", "netif_info", "pci_err",
      "pci_warn", "pci_notice", "pci_info", "dev_err_ratelimited", "dev_warn_ratelimited", "dev_err_once",
      "dev_warn_once", "pr_err_ratelimited", "pr_warn_ratelimited", "net_err_ratelimited", "net_warn_ratelimited",
      "sd_journal_print", "sd_journal_printv", "sd_journal_send", "sd_journal_sendv", "sd_journal_perror",
      "ReportEventA", "ReportEventW", "ReportEvent", "g_message", "g_warning", "g_critical", "g_info",
      "g_debug", "ALOGE", "ALOGW", "ALOGI", "ALOGD", "ALOGV", "SLOGE", "SLOGW",
      "qDebug", "qInfo", "qWarning", "qCritical", "qFatal", "qCDebug", "qCInfo", "qCWarning", "qCCritical"};
  return names;
}

bool is_recognised_log(std::string_view name) {
  if (exact_log_names().contains(name)) return true;
  if (names_leveled_log(name)) return true;
  // Cheap before splitting into words: every name accepted below holds "log", "audit" or "event".
  static const NameParts parts({"log", "audit", "event"});
  if (!parts.in(name)) return false;
  // Math functions named log are not logs.
  static constexpr std::array<std::string_view, 9> math{"log", "logf", "logl", "log2", "log10", "log1p",
                                                        "log2f", "log10f", "log1pf"};
  if (in(math, name)) return false;
  bool security = false, event = false;  // a project's security event API: report_security_event
  return any_word(name, [&](std::string_view w) {
    security = security || w == "security" || w == "sec";
    event = event || w == "event" || w == "events";
    return (security && event) || w == "log" || w == "logger" || w == "logging" || w == "audit" ||
           w == "syslog" || w == "logd" || w == "loge" || w == "logw" || w == "logi" || w == "logf" ||
           w == "auditlog" || w == "seclog" ||
           // logging libraries named in their macros and functions: SPDLOG_WARN, zlog_info,
           // dzlog_warn, LOG4CXX_WARN, log4c_category_log, LOG4CPLUS_WARN
           w == "spdlog" || w == "zlog" || w == "dzlog" || w == "log4cxx" || w == "log4c" || w == "log4cplus";
  });
}

}  // namespace

bool names_a_logger(std::string_view name) {
  // Cheap first: most names hold none of the letters (this runs on many tokens of a tree).
  static const NameParts parts({"log", "audit", "journal"});
  if (!parts.in(name)) return false;
  return any_word(name, [](std::string_view w) {
    return w == "log" || w == "logger" || w == "logging" || w == "spdlog" || w == "audit" || w == "syslog" ||
           w == "auditlog" || w == "seclog" || w == "journal" || w == "logfile" || w == "logf";
  });
}

bool is_log_function(std::string_view name, const Config& config) {
  if (is_declared(name, config)) return true;
  if (!config.log_functions.empty()) return false;  // the project said which functions its log is
  return is_recognised_log(name);
}

bool records_security_events(std::string_view name, const Config& config) {
  return is_log_function(name, config) && (is_declared(name, config) || !names_debug_log(name));
}

bool writes_a_log(std::string_view name, const Config& config) {
  return is_declared(name, config) || is_recognised_log(name);
}

bool records_security_events_by_name(std::string_view name) {
  return is_recognised_log(name) && !names_debug_log(name);
}

bool writes_a_log_by_name(std::string_view name) { return is_recognised_log(name); }

bool names_debug_output(std::string_view name) { return names_debug_log(name); }

bool is_logger_member_call(std::span<const Token> tokens, size_t name) {
  if (name < 2) return false;
  const Token& sep = tokens[name - 1];
  if (!sep.is(".") && !sep.is("->") && !sep.is("::")) return false;
  const Token& owner = tokens[name - 2];
  // logger.warn(...), but also log().warn(...), m_log->error(...) and
  // Poco::Logger::get("auth").warning(...): the function returning the logger, or its class, names one.
  if (owner.kind == TokenKind::identifier) return names_a_logger(owner.text);
  if (!owner.is(")")) return false;
  constexpr size_t max_argument_tokens = 32;  // a getter's arguments are short; bounds the walk back
  size_t open = name - 2, depth = 0;
  for (size_t steps = 0; open > 0 && steps <= max_argument_tokens; ++steps) {
    --open;
    if (tokens[open].is(")")) ++depth;
    else if (tokens[open].is("(") && depth-- == 0) break;
  }
  if (open == 0 || !tokens[open].is("(") || tokens[open - 1].kind != TokenKind::identifier) return false;
  if (names_a_logger(tokens[open - 1].text)) return true;
  return open >= 3 && tokens[open - 2].is("::") && tokens[open - 3].kind == TokenKind::identifier &&
         names_a_logger(tokens[open - 3].text);
}

bool is_log_stream(std::span<const Token> tokens, size_t i) {
  static constexpr std::array<std::string_view, 6> streams{"cout", "cerr", "clog", "wcout", "wcerr", "wclog"};
  const Token& t = tokens[i];
  if (t.kind != TokenKind::identifier || i + 1 >= tokens.size() || !tokens[i + 1].is("<<")) return false;
  if (!in(streams, t.text) && !names_a_logger(t.text)) return false;
  const bool member = i > 0 && (tokens[i - 1].is(".") || tokens[i - 1].is("->"));
  return !member;
}

namespace {
constexpr std::array<std::string_view, 6> to_stderr{"perror", "warn", "warnx", "err", "errx", "vwarn"};
constexpr std::array<std::string_view, 5> to_stream{"fprintf", "vfprintf", "fputs", "fputc", "fwrite"};

// The stream argument of an fprintf/fputs-family call: whether one of its names passes `is`.
template <class Is>
bool stream_argument(std::span<const Token> tokens, const Call& call, Is&& is) {
  const std::string_view name = tokens[call.name].text;
  if (!in(to_stream, name) || call.args.empty()) return false;
  // The stream: first for fprintf, last for fputs/fputc/fwrite.
  const auto [begin, end] = name.starts_with("fput") || name == "fwrite" ? call.args.back() : call.args.front();
  for (size_t k = begin; k < end; ++k)
    if (tokens[k].kind == TokenKind::identifier && is(tokens[k].text)) return true;
  return false;
}
}  // namespace

bool writes_log_file(std::span<const Token> tokens, const Call& call) {
  return stream_argument(tokens, call, names_a_logger);
}

bool may_write_diagnostics(std::string_view name) { return in(to_stderr, name) || in(to_stream, name); }

bool writes_diagnostics(std::span<const Token> tokens, const Call& call) {
  if (in(to_stderr, tokens[call.name].text)) return true;
  return stream_argument(tokens, call, [](std::string_view id) { return id == "stderr" || names_a_logger(id); });
}

bool starts_log_file_stream(std::span<const Token> tokens, size_t i) {
  static constexpr std::array<std::string_view, 6> std_streams{"cout", "cerr", "clog", "wcout", "wcerr", "wclog"};
  return is_log_stream(tokens, i) && !in(std_streams, tokens[i].text);
}

bool starts_diagnostic_stream(std::span<const Token> tokens, size_t i) {
  return is_log_stream(tokens, i) && !tokens[i].is("cout") && !tokens[i].is("wcout");
}

bool is_print_function(std::string_view name) {
  static constexpr std::array<std::string_view, 15> print{
      "printf", "fprintf", "dprintf", "vprintf", "vfprintf", "puts", "fputs", "wprintf",
      "fwprintf", "perror", "err", "errx", "warn", "warnx", "cprintf"};
  return in(print, name);
}

}  // namespace mdbc::source
