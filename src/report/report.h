#pragma once
// Printers over the one result model (core/inspection.h). Each returns the whole document.
#include <string>

#include <nlohmann/json.hpp>

#include "core/inspection.h"

namespace mdbc::report {

inline constexpr const char* tool_name = "mdbc";
inline constexpr const char* tool_version = "0.1.0";

std::string text(const Inspection& in, bool color);
std::string json(const Inspection& in);
// SARIF 2.1.0 for code-scanning services; verdicts and decision as run properties.
std::string sarif(const Inspection& in);
// The certificate of inspection: a self-contained, printable HTML page.
std::string html(const Inspection& in);
// CycloneDX 1.5 JSON SBOM of the recognised components.
std::string cyclonedx(const Inspection& in);
// "meets the code for profile C-connected at the source stage" and the like.
std::string decision_sentence(const Inspection& in);

}  // namespace mdbc::report
