#pragma once
// SBOM-1 on source: third-party trees vendored into a source tree, recognised by their layout.
// Their versions come from version macros in their headers (components_rule.cpp) or, for the few
// that keep it outside C files, from a small version file at the tree's root read here.
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/component.h"

namespace mdbc::source {

// `dir_path` is the directory as the file system knows it; `entry_names` its entries, sorted.
std::optional<Component> recognise_vendored_tree(std::string_view dir_path, std::span<const std::string> entry_names);

// A version read from a version macro definition (`#define NAME value` with the value's tokens).
struct VersionMacro {
  std::string component;  // as recognise_vendored_tree names it: "mbedtls", "lwip", ...
  std::string version;
  std::string macro;      // the macro (or macros) it came from
  uint32_t line = 0;
};

}  // namespace mdbc::source
