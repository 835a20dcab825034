#pragma once
// The real validators of mdbc's machine-readable formats, installed from the npm registry into
// tools/node_modules by scripts/install-deps.sh: Microsoft's SARIF multitool, and the CycloneDX
// JavaScript library's JSON-schema validator driven by tools/validate-cyclonedx.js.
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "support/run.h"

namespace mdbc::test {

inline std::filesystem::path sarif_multitool() {
  return source_dir() / "tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool";
}

struct Validation {
  bool ran = false;                   // the validator ran to completion
  std::vector<std::string> errors;    // one line each
  std::vector<std::string> warnings;
  std::string transcript;             // everything it printed, for failure messages
};

// `Sarif.Multitool validate FILE` with the SARIF specification's rules and GitHub code scanning's
// (GH*: what GitHub Advanced Security requires of an upload). It exits 0 whatever it finds, so
// its diagnostics are read from its console lines ("FILE(line,col): error SARIF1010: ...").
inline Validation validate_sarif(const std::filesystem::path& file) {
  Validation v;
  if (!std::filesystem::exists(sarif_multitool())) {
    v.transcript = sarif_multitool().string() + " is missing: run scripts/install-deps.sh";
    return v;
  }
  // A .NET single-file program: without this it needs libicu at run time.
  ::setenv("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1", 1);
  const RunResult r = run({sarif_multitool().string(), "validate", file.string(), "--rule-kind", "Sarif;Ghas"}, {}, 300);
  v.transcript = r.out + r.err;
  v.ran = r.exit_code == 0 && r.out.find("Analysis completed successfully") != std::string::npos;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.find("): error ") != std::string::npos) v.errors.push_back(line);
    else if (line.find("): warning ") != std::string::npos) v.warnings.push_back(line);
  }
  return v;
}

// The one warning mdbc's SARIF is allowed: mdbc has no web page to name as the driver's
// informationUri (SARIF2005 recommends one; the specification does not require it).
inline bool only_missing_information_uri(const std::vector<std::string>& warnings) {
  for (const auto& w : warnings)
    if (w.find("SARIF2005") == std::string::npos || w.find("'informationUri'") == std::string::npos) return false;
  return true;
}

// node tools/validate-cyclonedx.js FILE: exit 0 valid, 1 invalid, 2 could not run.
inline RunResult validate_cyclonedx(const std::filesystem::path& file) {
  return run({"node", (source_dir() / "tools/validate-cyclonedx.js").string(), file.string()}, {}, 120);
}

}  // namespace mdbc::test
