#pragma once
#include <string>
#include <string_view>

namespace mdbc {

// Bytes as text every output format can carry: valid UTF-8 passes through; invalid bytes, control
// characters (and, for paths, backslashes) are shown as \xNN / \n / \t / \\ escapes. Used for
// paths (which may hold any byte but '/' and NUL) and for evidence taken from hostile files.
std::string printable(std::string_view bytes, bool escape_backslash = true);

// Leading and trailing ASCII white space removed.
std::string_view trim(std::string_view s);

// At most `max` bytes of s, cut on a UTF-8 boundary, with "…" appended when cut.
std::string clip(std::string_view s, size_t max);

}  // namespace mdbc
