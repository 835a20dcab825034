#pragma once
// Build and configuration files (CMake, Make, Meson, Kconfig fragments) read line by line with
// their comments removed, for the rules that judge what a build asks for.
#include <cstdint>
#include <optional>
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

// The value one line gives a setting, in the forms Kconfig fragments, CMake, Make, Meson and YAML
// use: NAME=value, NAME value (CMake set()), -DNAME=value, NAME := value, NAME: value; quotes
// removed. `name` matches at the end of a longer setting name after '_' (BOOT_VALIDATE_SLOT0 in
// CONFIG_BOOT_VALIDATE_SLOT0 or SB_CONFIG_…), never inside a longer one (…_SLOT0_ONCE).
// Nothing when the line does not set it; an empty value when it sets it to "".
std::optional<std::string_view> setting_value(std::string_view line, std::string_view name);
// Values that switch a setting off (n, no, off, false, 0) or on (y, yes, on, true, 1).
bool is_off(std::string_view value);
bool is_on(std::string_view value);

}  // namespace mdbc::source
