#pragma once
// Finds the files to inspect below the given roots without following symbolic links, opening
// nothing but directories; special files are listed as skipped, never opened.
#include <cstdint>
#include <string>
#include <vector>

#include "core/config.h"
#include "core/inspection.h"

namespace mdbc {

struct WalkedFile {
  std::string fs_path;    // to open
  std::string path;       // to show: printable, relative to its root when found by the walk
  std::string rel_path;   // raw bytes relative to the root (glob matching), or as given
  uint64_t size = 0;
  bool given_explicitly = false;
  std::string component;  // set when inside a declared, excluded or recognised third-party tree
};

struct WalkLimits {
  uint64_t max_file_size = 64ull << 20;  // larger files are listed as skipped, not read
  size_t max_depth = 64;
  size_t max_files = 5'000'000;
};

struct WalkResult {
  std::vector<WalkedFile> files;  // sorted by path
  std::vector<SkippedInput> skipped;
  std::vector<Component> components;  // recognised third-party trees
};

// Throws InputError when a root does not exist or cannot be read.
WalkResult walk(const std::vector<std::string>& roots, const Config& config, const WalkLimits& limits);

}  // namespace mdbc
