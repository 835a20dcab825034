// CODE-1: calls of functions that cannot be used safely (the list in inspect/banned_list.h). A
// scanf-family call counts only when a literal format has a %s or %[ conversion without a field
// width; a format the rule cannot read is CODE-2's concern.
#include <string>

#include "inspect/banned_list.h"
#include "inspect/source/call_site.h"
#include "inspect/source/format_literal.h"

namespace mdbc::source {
namespace {

// The argument holding the format of each scanf-family function.
size_t scanf_format_index(std::string_view name) {
  const bool from_stream_or_string = name == "fscanf" || name == "sscanf" || name == "vfscanf" ||
                                     name == "vsscanf" || name == "fwscanf" || name == "swscanf" ||
                                     name == "vfwscanf" || name == "vswscanf";
  return from_stream_or_string ? 1 : 0;
}

std::string macro_note(std::string_view macro) {
  return macro.empty() ? std::string() : " (in the body of macro " + std::string(macro) + ")";
}

class BannedFunctions final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"banned-functions", InputKind::source,
            {"CODE-1/banned-call", "CODE-1/unbounded-scanf", "CODE-1/banned-reference"}};
  }

  bool gated_by_names() const override { return true; }
  std::vector<std::string_view> trigger_names() const override {
    std::vector<std::string_view> names;
    for (const auto& [name, banned] : banned_functions()) names.push_back(name);
    return names;
  }
  bool reacts_to_other_names() const override { return false; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    const auto& tokens = file.tokens;
    const Severity severity = element_severity(file.ctx, "CODE-1");
    const CallSites sites(file);
    const LiteralResolver literals(file);
    for (const Call& c : file.syntax.calls()) {
      const std::string_view name = tokens[c.name].text;
      const BannedFunction* banned = banned_function(name);
      if (banned == nullptr || !sites.reportable(c)) continue;
      if (!banned->conditional) {
        out.push_back(file.at(tokens[c.name], "CODE-1/banned-call",
                              std::string(name) + "() " + std::string(banned->reason) + macro_note(c.macro) +
                                  ": use " + std::string(banned->alternative) + " instead",
                              severity));
        continue;
      }
      const size_t index = scanf_format_index(name);
      if (c.args.size() <= index) continue;
      const LiteralForm format = literals.evaluate(c.args[index].first, c.args[index].second);
      if (format.kind != LiteralForm::Kind::literal) continue;
      bool unbounded = false;
      for (const auto& text : format.texts) unbounded = unbounded || has_unbounded_string_conversion(text);
      if (!unbounded) continue;
      out.push_back(file.at(tokens[c.name], "CODE-1/unbounded-scanf",
                            std::string(name) + "() format has a %s or %[ conversion without a field width, which "
                                                "writes a string of any length" +
                                macro_note(c.macro) + ": " + std::string(banned->alternative),
                            severity));
    }
    const auto always_banned = [](std::string_view n) {
      const BannedFunction* b = banned_function(n);
      return b != nullptr && !b->conditional;
    };
    for (const auto& ref : sites.references(always_banned)) {
      if (!sites.reportable(ref.token, ref.macro)) continue;
      const std::string_view name = tokens[ref.token].text;
      const BannedFunction* banned = banned_function(name);
      out.push_back(file.at(tokens[ref.token], "CODE-1/banned-reference",
                            std::string(name) + " is taken as a function pointer and " + std::string(banned->reason) +
                                " wherever it is called through it" + macro_note(ref.macro) + ": use " +
                                std::string(banned->alternative) + " instead",
                            severity));
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(BannedFunctions)

}  // namespace mdbc::source
