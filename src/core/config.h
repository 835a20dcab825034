#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/component.h"
#include "core/variance.h"

namespace mdbc {

// The device maker's mdbc.toml (at the root of an inspected tree, or given with --config).
struct Config {
  std::string source_path;              // the file it came from, empty when none
  std::optional<std::string> profile;   // profile name
  std::vector<std::string> exclude;     // path globs relative to the tree root: not the maker's code
  std::vector<Component> components;    // declared third-party trees ([[component]] name, path, version)
  std::vector<std::string> log_functions;  // the project's own security-log API ([log] functions)
  // Public keys the device's bootloader trusts ([image] trust_keys), as paths usable from the current
  // directory: written relative to the mdbc.toml, resolved against its folder.
  std::vector<std::string> trust_keys;
  std::vector<Variance> variances;
};

// Parses mdbc.toml text. Unknown keys, wrong types and bad dates are InputErrors naming the file,
// line and key.
Config parse_config(std::string_view text, const std::string& path);
// Loads a file; InputError when unreadable.
Config load_config(const std::string& path);

}  // namespace mdbc
