#pragma once
// Printers over the one result model (core/inspection.h). The reports write to a stream as they
// go (a large tree's report runs to a hundred megabytes); the SBOM, small, is returned whole.
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/inspection.h"

namespace mdbc::report {

inline constexpr const char* tool_name = "mdbc";
inline constexpr const char* tool_version = "0.1.0";

void text(const Inspection& in, bool color, std::ostream& out);
void json(const Inspection& in, std::ostream& out);
// SARIF 2.1.0 for code-scanning services; verdicts and decision as run properties.
void sarif(const Inspection& in, std::ostream& out);
// The certificate of inspection: a self-contained, printable HTML page.
void html(const Inspection& in, std::ostream& out);
// CycloneDX 1.5 JSON SBOM of the recognised components.
std::string cyclonedx(const Inspection& in);
// "meets the code for profile C-connected at the source stage" and the like.
std::string decision_sentence(const Inspection& in);

}  // namespace mdbc::report
