#include "cli/output.h"

#include <cstdio>

#include "core/error.h"
#include "core/file_io.h"

namespace mdbc::cli {

void emit(std::string_view document, const std::string& output_path) {
  if (!output_path.empty() && output_path != "-") {
    write_file(output_path, document);
    return;
  }
  if (std::fwrite(document.data(), 1, document.size(), stdout) != document.size() || std::fflush(stdout) != 0)
    throw InputError("standard output: write failed");
}

}  // namespace mdbc::cli
