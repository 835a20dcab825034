#pragma once
// Paths as the machine-readable formats need them: reports show paths as printable text
// (core/text.h), while SARIF needs RFC 3986 URIs of the real file names and the SBOM a name for
// the inspected device.
#include <string>
#include <string_view>

#include "core/inspection.h"

namespace mdbc::report {

// The bytes of a path shown by printable(path) (with backslashes escaped): \\xNN, \\n, \\t and
// \\\\ turned back into the bytes they stand for. printable() escapes every backslash in a path,
// so the reversal is exact.
std::string raw_path(std::string_view shown);

// A path's bytes as an RFC 3986 path: unreserved characters and '/' kept, every other byte
// (spaces, '%', ':', non-ASCII, invalid UTF-8) percent-encoded.
std::string percent_encode_path(std::string_view raw);

// The directory that relative finding paths are relative to: the one inspected directory, or the
// working directory when several roots or a single file were given. Absolute, without a trailing
// slash (except for "/").
std::string paths_base_directory(const Inspection& in);

// "file:///abs/dir/" for an absolute directory.
std::string file_uri_of_directory(const std::string& absolute_dir);

// A name for what was inspected: the last component of each root's absolute path, joined by
// " + ", as printable text.
std::string inspected_name(const Inspection& in);

}  // namespace mdbc::report
