#pragma once
// What counts as writing to a log, shared by the LOG rules: the project's own security-log API
// (mdbc.toml [log] functions), the syslog family, kernel logs (printk, pr_err, dev_warn…), the
// systemd journal, the Windows event log, GLib and Android log functions, functions whose name says
// log or audit (Zephyr LOG_ERR, ESP_LOGE, NRF_LOG_ERROR, log_event, audit_record, SecLog, zlog_info,
// SPDLOG_WARN…) or security event (report_security_event), and wrappers named for the level they
// log at (netdev_info, BT_ERR, mlx4_warn). Plain console output (printf) is not a security log.
#include <span>
#include <string_view>

#include "core/config.h"
#include "inspect/source/lexer.h"
#include "inspect/source/syntax.h"

namespace mdbc::source {

// The security log of the project: its declared functions when mdbc.toml names them (then only
// those), otherwise any recognised log facility.
bool is_log_function(std::string_view name, const Config& config);
// Such a log written at more than debug level: what records a security event (LOG-2).
bool records_security_events(std::string_view name, const Config& config);
// Any log the project's code writes to, declared or recognised: where a secret must not go.
bool writes_a_log(std::string_view name, const Config& config);
// The same two for a project that declares no log functions: judged by the name alone, so that a
// rule can remember the judgement from file to file (lasting_judgement), as the log functions of a
// tree are called in file after file.
bool records_security_events_by_name(std::string_view name);
bool writes_a_log_by_name(std::string_view name);
// Whether a name says it writes debug output (pr_debug, dev_dbg, LOG_DBG, ksmbd_debug,
// FC_RPORT_DBG): compiled out or off by default, it records no security event.
bool names_debug_output(std::string_view name);
// Whether tokens[name], an identifier followed by '(', is a method or namespaced function of a
// logger object or library — logger.warn(...), log_->error(...), spdlog::info(...),
// AuditLog::record(...) — which the free-call list of Syntax does not hold.
bool is_logger_member_call(std::span<const Token> tokens, size_t name);
// Whether tokens[i] is a console or log stream written with << (std::cout <<, std::cerr <<,
// log_file << …).
bool is_log_stream(std::span<const Token> tokens, size_t i);
// Whether a name says it is a logger or a log file, descriptor or stream (logger, m_log, spdlog,
// log_fp, logfile, audit_fd).
bool names_a_logger(std::string_view name);
// Whether a call writes a diagnostic to standard error or a log file — fprintf(stderr, …),
// fputs(msg, log_fp), perror, warn/warnx/err/errx — or tokens[i] starts a stream insertion into
// one (std::cerr <<, std::clog <<, log_file <<). Where a project declares no log API, LOG-2
// accepts these as the record of a rejection (daemons' standard error goes to the system log).
bool writes_diagnostics(std::span<const Token> tokens, const Call& call);
// Whether a function of that name may write diagnostics (perror, warnx, fprintf, fputs…): the
// cheap test by name before writes_diagnostics looks at the call's stream.
bool may_write_diagnostics(std::string_view name);
// A call writing to a log file kept by hand — fprintf(audit_fp, …), fputs(msg, log_file) — or
// tokens[i] starting an insertion into a log stream (audit_log << …), not a console: a security
// log of the project's own (LOG-1).
bool writes_log_file(std::span<const Token> tokens, const Call& call);
bool starts_log_file_stream(std::span<const Token> tokens, size_t i);
bool starts_diagnostic_stream(std::span<const Token> tokens, size_t i);
// printf/puts/fwrite families: where LOG-3 also looks for secrets (consoles are logs too).
bool is_print_function(std::string_view name);

}  // namespace mdbc::source
