// mdbc inspect: argument parsing, then the engine, then a printer.
#include <unistd.h>

#include <cstdio>
#include <regex>

#include "cli/args.h"
#include "cli/output.h"
#include "inspect/engine.h"
#include "inspect/sbom/osv.h"
#include "report/report.h"
#include "sign/key.h"

namespace mdbc::cli {
namespace {

constexpr const char* inspect_help = R"(NAME
    mdbc inspect - inspect source trees, executables and firmware images against the building code

SYNOPSIS
    mdbc inspect [OPTIONS] PATH...

DESCRIPTION
    Inspects every PATH (a source tree, a file, an executable or a firmware image) against the
    medical device building code and prints a verdict per element: pass, fail, waived (a recorded
    variance covers every failing finding), not inspected (no input that can decide it) or not
    applicable (the profile does not require it). The inspection meets the code when every required
    element is pass or waived.

    Files are recognised by content (ELF, Intel HEX, MCUboot images) and, in source trees, by name.
    Symbolic links inside trees are not followed; FIFOs, sockets and devices are never opened.
    Third-party trees (vendored OpenSSL, mbedTLS, FreeRTOS, ...) and paths excluded in mdbc.toml
    are reported as components, under their own heading.

OPTIONS
    --profile NAME      Device class profile: A, B, C, A-connected, B-connected, C-connected.
                        Default: the profile in mdbc.toml, else C-connected (the strictest).
    --config FILE       Read this mdbc.toml instead of the one at the root of the first tree.
    --format FORMAT     text (default; colour only on a terminal), json (the whole result
                        model), sarif (SARIF 2.1.0 for code-scanning services: one rule per
                        rule id, variances as suppressions, verdicts as run properties) or
                        html (the certificate of inspection: one self-contained, printable page).
    --output FILE, -o   Write the report to FILE instead of standard output.
    --sbom FILE         Also write the components recognised (SBOM-1) to FILE as a CycloneDX
                        1.5 JSON SBOM. Deterministic: no timestamp; the serial number is derived
                        from the inputs' digest.
    --jobs N            Worker threads (default: all cores).
    --max-file-size N   Files larger than N MiB are listed as not inspected (default 64).
    --date YYYY-MM-DD   Judge variance expiry on this day instead of today (reproducible reports).
    --trust-key FILE    A public key the device's bootloader trusts (PEM); signed firmware images
                        are verified against it (FW-1). Repeatable; added to the keys an
                        inspected tree's mdbc.toml declares ([image] trust_keys).
    --vulns FILE        Check the components recognised against this vulnerability data (SBOM-2):
                        OSV JSON, as one record, an array of records or {"vulns": [...]}.
                        End-of-life versions are checked with or without it.
    --color WHEN        auto (default: colour on a terminal), always or never.
    --quiet, -q         No progress line on standard error.
    --help, -h          This text.

FILES
    mdbc.toml at the root of the inspected tree: profile, exclude globs, declared components,
    the project's security-log functions, the public keys its bootloader trusts and variances
    (see code/README.md).

EXIT STATUS
    0   the inspection meets the code
    1   it does not
    2   usage error, or an input that cannot be read or parsed (one line on standard error
        naming the file and what is wrong)

EXAMPLES
    mdbc inspect .
    mdbc inspect --format sarif -o mdbc.sarif src/
    mdbc inspect --format html -o certificate.html --sbom sbom.cdx.json .
)";

constexpr OptionSpec inspect_options[] = {
    {"profile", true},  {"config", true},         {"format", true},  {"output", true, 'o'},
    {"sbom", true},
    {"jobs", true, 'j'},
    {"max-file-size", true}, {"date", true},      {"color", true},   {"quiet", false, 'q'},
    {"trust-key", true}, {"vulns", true},
    {"help", false, 'h'},
};

int run_inspect(std::span<const std::string> argv) {
  const ParsedArgs args = parse_args(argv, inspect_options);
  if (args.has("help")) {
    std::fputs(inspect_help, stdout);
    return 0;
  }
  if (args.positionals().empty()) throw UsageError("inspect needs at least one PATH");
  EngineOptions o;
  o.roots = args.positionals();
  o.config_path = args.value("config");
  o.profile = args.value("profile");
  o.date = args.value("date");
  if (!o.date.empty() && !is_date(o.date))
    throw UsageError("--date takes YYYY-MM-DD, not '" + o.date + "'");
  const uint64_t jobs = args.number("jobs", 0);
  if (jobs > 1024) throw UsageError("--jobs takes 1 to 1024");
  o.jobs = static_cast<unsigned>(jobs);
  const uint64_t max_mib = args.number("max-file-size", o.limits.max_file_size >> 20);
  if (max_mib == 0 || max_mib > 4096) throw UsageError("--max-file-size takes 1 to 4096 (MiB)");
  o.limits.max_file_size = max_mib << 20;
  o.progress = !args.has("quiet") && ::isatty(STDERR_FILENO);
  o.inspect.trust_keys = args.values("trust-key");
  for (const auto& k : o.inspect.trust_keys) sign::load_public_key(k);  // an unusable key is an input error now
  o.inspect.vulns_path = args.value("vulns");
  if (!o.inspect.vulns_path.empty()) sbom::load_osv(o.inspect.vulns_path);  // unusable data is an input error now

  const std::string format = args.value("format", "text");
  const std::string color = args.value("color", "auto");
  if (color != "auto" && color != "always" && color != "never")
    throw UsageError("--color takes auto, always or never");
  const std::string output = args.value("output");
  const bool to_terminal = (output.empty() || output == "-") && ::isatty(STDOUT_FILENO);
  const bool use_color = color == "always" || (color == "auto" && to_terminal);

  using Printer = void (*)(const Inspection&, bool, std::ostream&);
  Printer printer = nullptr;
  if (format == "text") printer = [](const Inspection& in, bool c, std::ostream& out) { report::text(in, c, out); };
  else if (format == "json") printer = [](const Inspection& in, bool, std::ostream& out) { report::json(in, out); };
  else if (format == "sarif") printer = [](const Inspection& in, bool, std::ostream& out) { report::sarif(in, out); };
  else if (format == "html") printer = [](const Inspection& in, bool, std::ostream& out) { report::html(in, out); };
  else throw UsageError("--format takes text, json, sarif or html, not '" + format + "'");
  const std::string sbom = args.value("sbom");
  if (args.has("sbom") && sbom.empty()) throw UsageError("--sbom needs a file name");
  if (sbom == "-" && (output.empty() || output == "-"))
    throw UsageError("--sbom - and the report cannot both go to standard output; give --output FILE");

  const Inspection in = run_inspection(o);
  if (!sbom.empty()) emit(report::cyclonedx(in), sbom);
  print_to(output, [&](std::ostream& out) { printer(in, use_color, out); });
  return in.meets_code ? 0 : 1;
}

}  // namespace

MDBC_COMMAND(inspect, "inspect", "inspect source trees, executables and firmware images", run_inspect)

}  // namespace mdbc::cli
