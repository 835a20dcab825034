#pragma once
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace mdbc::cli {

// Writes a document to --output FILE (atomically) or to standard output as `print` produces it,
// in pieces: a large tree's report is never whole in memory.
void print_to(const std::string& output_path, const std::function<void(std::ostream&)>& print);

// The same for a document already whole.
void emit(std::string_view document, const std::string& output_path);

}  // namespace mdbc::cli
