#pragma once
#include <string>
#include <vector>

#include "core/inspection.h"
#include "inspect/walker.h"

namespace mdbc {

struct EngineOptions {
  std::vector<std::string> roots;
  std::string config_path;   // --config; empty: mdbc.toml at the first directory root, if any
  std::string profile;       // --profile; empty: the config's, else C-connected
  std::string date;          // judge variance expiry on this day (YYYY-MM-DD); empty: today (UTC)
  unsigned jobs = 0;         // 0: all cores
  bool progress = false;     // progress line on stderr
  WalkLimits limits;
  InspectOptions inspect;
};

// Walks, inspects every file on `jobs` threads, runs tree-wide rules and decides the verdicts.
// Throws InputError for unusable input (missing root, bad config, unknown profile, an input file
// that cannot be read).
Inspection run_inspection(const EngineOptions& options);

inline constexpr const char* default_profile = "C-connected";

}  // namespace mdbc
