#pragma once
// SBOM-1 and SBOM-2 over the final list of components, after every stage has run: versions found
// in version headers are given to the vendored trees holding them, a component whose version is
// still unknown is an SBOM-1 finding, and every versioned component is checked against the OSV
// data given with --vulns and against data/end-of-life.tsv.
#include "core/inspection.h"

namespace mdbc::sbom {

// Completes in.components (merged, sorted, unique) and appends the findings to in.findings.
// Throws InputError when the --vulns file cannot be read or parsed.
void review_components(Inspection& in, const RunContext& ctx);

}  // namespace mdbc::sbom
