#pragma once
#include <optional>
#include <string_view>

namespace mdbc {

// Ordered: a higher value is more severe.
enum class Severity { note = 0, warning = 1, error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

}  // namespace mdbc
