// mdbc code / mdbc explain: the building code itself, as the engine reads it.
#include <cstdio>
#include <string>

#include "cli/args.h"
#include "cli/output.h"
#include "core/code_book.h"
#include "core/error.h"

namespace mdbc::cli {
namespace {

constexpr const char* code_help = R"(NAME
    mdbc code - list the elements of the building code

SYNOPSIS
    mdbc code [--profile NAME]

DESCRIPTION
    Lists every category and element of the code edition compiled into mdbc, with the input kinds
    each is decided on and, with --profile, whether that profile requires it. Profiles are listed
    at the end.

EXIT STATUS
    0 on success, 2 on a usage error.
)";

constexpr const char* explain_help = R"(NAME
    mdbc explain - print one element or rule of the building code

SYNOPSIS
    mdbc explain ID

DESCRIPTION
    ID is an element id (CODE-2) or a rule id (CODE-2/non-literal-format). Prints the requirement,
    rationale, how it is decided on each kind of input, references (CWE, SEI CERT, MISRA C:2012),
    default severity, the profiles that require it and its rules.

EXIT STATUS
    0 on success, 2 on an unknown id or a usage error.
)";

std::string join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

int run_code(std::span<const std::string> argv) {
  static constexpr OptionSpec specs[] = {{"profile", true}, {"help", false, 'h'}};
  const ParsedArgs args = parse_args(argv, specs);
  if (args.has("help")) return std::fputs(code_help, stdout), 0;
  if (!args.positionals().empty()) throw UsageError("code takes no arguments");
  const CodeBook& code = CodeBook::builtin();
  const Profile* profile = nullptr;
  if (args.has("profile") && (profile = code.profile(args.value("profile"))) == nullptr)
    throw UsageError("unknown profile '" + args.value("profile") + "'");
  std::string o = code.title() + ", edition " + std::to_string(code.edition()) + "\n";
  for (const auto& c : code.categories()) {
    o += "\n" + c.id + " — " + c.title + "\n";
    for (const auto& e : code.elements()) {
      if (e.category != c.id) continue;
      std::string kinds;
      for (const auto& [k, _] : e.decided_on) kinds += (kinds.empty() ? "" : ",") + std::string(to_string(k));
      char line[512];
      std::snprintf(line, sizeof line, "  %-10s %-48s %-8s [%s]%s\n", e.id.c_str(), e.title.c_str(),
                    std::string(to_string(e.severity)).c_str(), kinds.c_str(),
                    profile ? (code.is_required(*profile, e) ? "  required" : "  not required") : "");
      o += line;
    }
  }
  o += "\nProfiles\n";
  for (const auto& p : code.profiles()) o += "  " + p.name + ": " + p.description + "\n";
  emit(o, "");
  return 0;
}

int run_explain(std::span<const std::string> argv) {
  static constexpr OptionSpec specs[] = {{"help", false, 'h'}};
  const ParsedArgs args = parse_args(argv, specs);
  if (args.has("help")) return std::fputs(explain_help, stdout), 0;
  if (args.positionals().size() != 1) throw UsageError("explain takes one element or rule id");
  const CodeBook& code = CodeBook::builtin();
  const std::string id = args.positionals()[0];
  const Element* e = code.element(id.substr(0, id.find('/')));
  if (e == nullptr) throw InputError("unknown element '" + id + "' (see 'mdbc code')");
  std::string o;
  if (id.find('/') != std::string::npos) {
    const RuleDoc* r = code.rule(id);
    if (r == nullptr) throw InputError("unknown rule '" + id + "' (see 'mdbc explain " + e->id + "')");
    o += r->id + " — " + r->summary + "\n\n" + r->help + "\n\nPart of element:\n";
  }
  o += e->id + " " + e->title + "\n\nRequirement: " + e->requirement + "\n\nRationale: " + e->rationale + "\n";
  o += "\nDefault severity: " + std::string(to_string(e->severity)) + "\n";
  o += "Required in: " + (e->required_in.empty() ? std::string("no profile (informational)") : join(e->required_in, ", ")) + "\n";
  o += "\nHow it is decided:\n";
  for (const auto& [k, how] : e->decided_on) o += "  " + std::string(to_string(k)) + ": " + how + "\n";
  o += "\nReferences:\n";
  for (int cwe : e->references.cwe) o += "  CWE-" + std::to_string(cwe) + "\n";
  for (const auto& c : e->references.cert) o += "  SEI CERT " + c + "\n";
  for (const auto& m : e->references.misra) o += "  MISRA C:2012 Rule " + m + "\n";
  for (const auto& x : e->references.other) o += "  " + x + "\n";
  if (!e->rules.empty()) {
    o += "\nRules:\n";
    for (const auto& r : e->rules) o += "  " + r.id + ": " + r.summary + "\n";
  }
  emit(o, "");
  return 0;
}

}  // namespace

MDBC_COMMAND(code, "code", "list the elements of the building code", run_code)
MDBC_COMMAND(explain, "explain", "print one element or rule of the building code", run_explain)

}  // namespace mdbc::cli
