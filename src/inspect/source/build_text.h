#pragma once
// Build and configuration files (CMake, Make, Meson, Kconfig fragments) read line by line with
// their comments removed, for the rules that judge what a build asks for.
#include <cstdint>
#include <string_view>
#include <vector>

namespace mdbc::source {

struct BuildLine {
  uint32_t number;        // 1-based
  std::string_view text;  // without the comment; may be empty
  std::string_view comment;  // after '#', for Kconfig's "# CONFIG_X is not set"
};

// Lines of a '#'-commented file; a '#' inside double quotes does not start a comment.
std::vector<BuildLine> build_lines(std::string_view text);

}  // namespace mdbc::source
