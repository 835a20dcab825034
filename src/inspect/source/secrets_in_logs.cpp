// LOG-3: log and print calls must not write secrets. An argument (other than the format) whose
// value is a secret-named variable, member or array element is a finding; a secret that only
// reaches the call through another function (strlen(pin), mask(password)) or sizeof is not.
#include <algorithm>

#include "inspect/source/log_facility.h"
#include "inspect/source/secret_names.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

class SecretsInLogs final : public SourceRule {
 public:
  RuleFamily family() const override { return {"secrets-in-logs", InputKind::source, {"LOG-3/secret-logged"}}; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    const auto& tokens = file.tokens;
    for (const auto& call : file.syntax.calls()) {
      const std::string_view callee = tokens[call.name].text;
      if (!is_log_function(callee, file.ctx.config) && !is_print_function(callee)) continue;
      for (size_t a = 0; a < call.args.size(); ++a) {
        const auto arg = file.syntax.arg(call, a);
        if (arg.size() == 1 && arg[0].kind == TokenKind::string) continue;  // the format, or a literal
        if (const Token* secret = secret_value(file, call.args[a].first, call.args[a].second)) {
          out.push_back(file.at(*secret, "LOG-3/secret-logged",
                                "'" + std::string(secret->text) + "' is passed to " + std::string(callee) +
                                    "(): secrets must never reach logs or consoles; log that the event happened, "
                                    "not the secret",
                                Severity::error));
          break;  // one finding per call
        }
      }
    }
  }

 private:
  // The first secret-named identifier in tokens [begin, end) that is the value itself: not inside
  // the parentheses of another call, not the operand of sizeof, not a function name.
  static const Token* secret_value(const SourceFile& file, size_t begin, size_t end) {
    const auto& tokens = file.tokens;
    for (size_t k = begin; k < end; ++k) {
      const Token& t = tokens[k];
      if (t.is("(") && k > begin && (tokens[k - 1].kind == TokenKind::identifier)) {
        k = std::min(file.syntax.match(k), end);  // a call's arguments, or sizeof(...)
        continue;
      }
      if (t.kind != TokenKind::identifier) continue;
      if (t.is_ident("sizeof")) {
        ++k;  // sizeof x
        continue;
      }
      if (k + 1 < end && tokens[k + 1].is("(")) continue;  // a function name
      if (is_secret_name(t.text)) return &t;
    }
    return nullptr;
  }
};

}  // namespace

MDBC_SOURCE_RULE(SecretsInLogs)

}  // namespace mdbc::source
