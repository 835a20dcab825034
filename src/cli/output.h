#pragma once
#include <string>
#include <string_view>

namespace mdbc::cli {

// Writes a document to --output FILE (atomically) or to standard output.
void emit(std::string_view document, const std::string& output_path);

}  // namespace mdbc::cli
