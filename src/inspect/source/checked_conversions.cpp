// CODE-4: string-to-number conversions that cannot report errors (atoi and relatives), called or
// taken as function pointers.
#include <array>
#include <string>

#include "inspect/source/call_site.h"

namespace mdbc::source {
namespace {

struct Conversion {
  std::string_view name;
  std::string_view instead;
};
constexpr std::array<Conversion, 17> conversions{{
    {"atoi", "strtol"},    {"atol", "strtol"},     {"atoll", "strtoll"},   {"atoq", "strtoll"},
    {"atof", "strtod"},    {"_atoi64", "strtoll"}, {"_atoi_l", "strtol"},  {"_atof_l", "strtod"},
    {"_wtoi", "wcstol"},   {"_wtol", "wcstol"},    {"_wtoll", "wcstoll"},  {"_wtoi64", "wcstoll"},
    {"_wtof", "wcstod"},   {"_ttoi", "_tcstol"},   {"_ttol", "_tcstol"},   {"_tstoi", "_tcstol"},
    {"_tstol", "_tcstol"},
}};

const Conversion* conversion(std::string_view name) {
  for (const auto& c : conversions)
    if (c.name == name) return &c;
  return nullptr;
}

std::string advice(const Conversion& c) {
  return "use " + std::string(c.instead) +
         " with an end pointer, check that it moved and that errno is not ERANGE, then check the value's range";
}

class CheckedConversions final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"checked-conversions", InputKind::source, {"CODE-4/unchecked-conversion"}};
  }

  bool gated_by_names() const override { return true; }
  std::vector<std::string_view> trigger_names() const override {
    std::vector<std::string_view> names;
    for (const Conversion& c : conversions) names.push_back(c.name);
    return names;
  }
  bool reacts_to_other_names() const override { return false; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    const auto& t = file.tokens;
    const Severity severity = element_severity(file.ctx, "CODE-4");
    const CallSites sites(file);
    const auto in_macro = [](std::string_view m) {
      return m.empty() ? std::string() : " (in macro " + std::string(m) + ")";
    };
    for (const Call& c : file.syntax.calls()) {
      const Conversion* conv = conversion(t[c.name].text);
      if (conv == nullptr || !sites.reportable(c)) continue;
      out.push_back(file.at(t[c.name], "CODE-4/unchecked-conversion",
                            std::string(conv->name) +
                                "() cannot report text that is not a number or out of range (it returns 0 or is "
                                "undefined)" + in_macro(c.macro) + ": " + advice(*conv),
                            severity));
    }
    for (const auto& ref : sites.references([](std::string_view n) { return conversion(n) != nullptr; })) {
      if (!sites.reportable(ref.token, ref.macro)) continue;
      const Conversion* conv = conversion(t[ref.token].text);
      out.push_back(file.at(t[ref.token], "CODE-4/unchecked-conversion",
                            std::string(conv->name) +
                                " is taken as a function pointer; calls through it cannot report bad input" +
                                in_macro(ref.macro) + ": " + advice(*conv),
                            severity));
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(CheckedConversions)

}  // namespace mdbc::source
