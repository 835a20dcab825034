#pragma once
// Files compiled into the binary from code/ and data/ (see cmake/embed.cmake).
#include <optional>
#include <span>
#include <string_view>

namespace mdbc::embedded {

struct EmbeddedFile {
  std::string_view path;  // relative to the repository root, e.g. "code/profiles.toml"
  std::string_view data;
};

std::span<const EmbeddedFile> files();
std::optional<std::string_view> find(std::string_view path);

}  // namespace mdbc::embedded
