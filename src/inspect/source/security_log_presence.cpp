// LOG-1: a facility for security events exists in the tree — the project's declared log API
// (mdbc.toml [log] functions) is defined or called, or a recognised log facility is called or a
// log file kept by hand is written (fprintf(audit_fp, …), audit_log << …).
#include <any>

#include "inspect/source/log_facility.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

struct LogUse {
  bool calls_log = false;    // a call of a log function
  bool defines_log = false;  // a definition of one of the declared log functions
};

class SecurityLogPresence final : public SourceRule {
 public:
  RuleFamily family() const override { return {"security-log-presence", InputKind::source, {"LOG-1/no-security-log"}}; }

  void check(const SourceFile& file, std::vector<Finding>&, std::any& facts) const override {
    LogUse use;
    const auto& config = file.ctx.config;
    const bool recognised = config.log_functions.empty();  // no declared API: any recognised log counts
    NameMemo logs(file.names);  // a file calls the same few functions again and again
    for (const auto& c : file.syntax.calls())
      if (logs(file.tokens[c.name], [&](std::string_view n) { return is_log_function(n, config); }) ||
          (recognised && writes_log_file(file.tokens, c))) {
        use.calls_log = true;
        break;
      }
    if (recognised)  // logger.info(...), spdlog::info(...), audit_log << ...
      for (size_t k = 0; k + 1 < file.tokens.size() && !use.calls_log; ++k)
        use.calls_log = file.tokens[k].kind == TokenKind::identifier &&
                        ((file.tokens[k + 1].is("(") && is_logger_member_call(file.tokens, k)) ||
                         (file.tokens[k + 1].is("<<") && starts_log_file_stream(file.tokens, k))) &&
                        !file.syntax.dead(k);
    for (const auto& f : file.syntax.functions())
      if (!config.log_functions.empty() && is_log_function(file.tokens[f.name].text, config)) use.defines_log = true;
    facts = use;
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const override {
    bool maker_code = false;
    for (const auto& f : files) {
      if (!f.component.empty()) continue;
      maker_code = true;
      const auto& use = std::any_cast<const LogUse&>(f.facts);
      if (use.calls_log || use.defines_log) return;
    }
    if (!maker_code) return;
    Finding f;
    f.rule = "LOG-1/no-security-log";
    f.path = ".";
    f.severity = Severity::error;
    if (ctx.config.log_functions.empty()) {
      f.message = "no security event log found: no call of syslog or of a log/audit API in the device maker's code; "
                  "add a security-event log and declare its functions in mdbc.toml [log] functions";
    } else {
      std::string names;
      for (const auto& n : ctx.config.log_functions) names += (names.empty() ? "" : ", ") + n;
      f.message = "the security-log functions declared in " + ctx.config.source_path + " (" + names +
                  ") are neither defined nor called in the device maker's code";
    }
    out.findings.push_back(std::move(f));
  }
};

}  // namespace

MDBC_SOURCE_RULE(SecurityLogPresence)

}  // namespace mdbc::source
