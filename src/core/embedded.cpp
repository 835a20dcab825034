#include "core/embedded.h"

namespace mdbc::embedded {

std::optional<std::string_view> find(std::string_view path) {
  for (const auto& f : files())
    if (f.path == path) return f.data;
  return std::nullopt;
}

}  // namespace mdbc::embedded
