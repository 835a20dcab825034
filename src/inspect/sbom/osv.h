#pragma once
// Vulnerability data in the OSV format (ossf.github.io/osv-schema) that the user supplies with
// --vulns FILE: one OSV record, an array of them, or an object {"vulns": [...]} as OSV's query
// API returns. Only what SBOM-2 needs is kept: ids, aliases, summary, affected packages.
#include <string>
#include <string_view>
#include <vector>

#include "core/component.h"

namespace mdbc::sbom {

struct OsvEvent {
  enum Kind { introduced, fixed, last_affected, limit } kind;
  std::string version;
};

struct OsvRange {
  std::vector<OsvEvent> events;  // SEMVER and ECOSYSTEM ranges (GIT ranges cannot be compared)
};

struct OsvAffected {
  std::string package_name;  // affected[].package.name
  std::string purl;          // affected[].package.purl, may be empty
  std::vector<std::string> versions;
  std::vector<OsvRange> ranges;
};

struct OsvRecord {
  std::string id;
  std::vector<std::string> aliases;
  std::string summary;
  std::vector<OsvAffected> affected;
};

// Parses OSV JSON. Anything malformed is an InputError naming `path` and what is wrong.
std::vector<OsvRecord> parse_osv(std::string_view text, const std::string& path);
// Reads and parses the file (at most 256 MiB).
std::vector<OsvRecord> load_osv(const std::string& path);

// Whether the record's affected package names the component (by name or package URL, ignoring
// case and punctuation: "Mbed TLS" = "mbedtls") and its version is among the affected ones.
// `fixed` receives the first fixing version of the matching range, when there is one.
bool affects(const OsvRecord& record, const Component& component, std::string& fixed);

}  // namespace mdbc::sbom
