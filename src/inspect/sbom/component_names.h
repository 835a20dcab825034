#pragma once
// Naming of recognised components, shared by the source and binary stages and the SBOM checks:
// package URLs and plausible version strings.
#include <string>
#include <string_view>

namespace mdbc::sbom {

// A package URL for a component known only by name and version: pkg:generic/NAME@VERSION (the
// version percent-encoded as the purl specification asks), without @VERSION when unknown.
std::string generic_purl(std::string_view name, std::string_view version);

// Whether text read from an input is a plausible version ("3.0.11", "1.1.1w", "2022.83", "9.2p1",
// "V10.4.6" is not: strip the V first): starts with a digit, at most 40 characters of digits,
// letters, '.', '-', '+', '~' and '_'.
bool plausible_version(std::string_view v);

// The names of vetted cryptographic libraries among recognised components (CRYPTO-2).
bool is_vetted_crypto_library(std::string_view component_name);

}  // namespace mdbc::sbom
