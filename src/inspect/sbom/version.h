#pragma once
#include <string_view>

namespace mdbc::sbom {

// Compares versions as suppliers write them: numbers numerically (3.0.11 > 3.0.9), a shorter
// version before a longer one (1.2 < 1.2.1), a letter suffix after the plain release (OpenSSL's
// 1.1.1 < 1.1.1w, OpenSSH's 9.2 < 9.2p1), a pre-release before its release (3.0.0-alpha1 < 3.0.0,
// 2023.01-rc2 < 2023.01); semver build metadata (+...) is ignored; a leading 'v' too.
// Returns <0, 0 or >0.
int compare_versions(std::string_view a, std::string_view b);

}  // namespace mdbc::sbom
