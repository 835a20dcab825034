#pragma once
// Test support for source rules: runs the registered source Inspector (every source rule's
// check() and then finish()) over in-memory files, as `mdbc inspect` would over a tree holding
// just those files. No file system, no walker.
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/config.h"
#include "core/element.h"
#include "core/finding.h"

namespace mdbc::test {

struct SnippetFile {
  std::string path;       // relative to the imagined tree root, e.g. "src/main.c"
  std::string code;       // the file's bytes
  std::string component;  // non-empty: inside a third-party component of that name
};

struct SnippetResult {
  std::vector<Finding> findings;     // sorted (path, line, column, rule, message)
  nlohmann::ordered_json summary;    // the tree-wide summary (e.g. "languages"); object, maybe empty
};

// Runs the source stage over `files` under `profile` (and `config`). Files the source inspector
// does not claim (by name) are ignored, as the engine would leave them to other inspectors.
SnippetResult inspect_tree(const std::vector<SnippetFile>& files, std::string_view profile = "C-connected",
                           const Config& config = {});

// The same under a profile that is not in the code book (e.g. one with a minimum memory-safe
// share, which edition 1 sets nowhere).
SnippetResult inspect_tree(const std::vector<SnippetFile>& files, const Profile& profile, const Config& config = {});

// One file: the findings of every source rule, sorted.
std::vector<Finding> inspect_snippet(std::string_view code, std::string path = "t.c",
                                     std::string_view profile = "C-connected");

// The findings of an element ("CODE-1") or of rule ids starting with `prefix` ("CODE-1/banned").
std::vector<Finding> only(const std::vector<Finding>& findings, std::string_view prefix);

// The findings' lines, in order: a compact thing to compare in tests.
std::vector<uint32_t> lines_of(const std::vector<Finding>& findings);

// Names a parameterised case after its `name` field (letters, digits and '_' only, as gtest and
// ctest need) and its index, so that test names are stable and say which case failed.
struct CaseName {
  template <class Case>
  std::string operator()(const ::testing::TestParamInfo<Case>& info) const {
    std::string out;
    for (const char c : std::string_view(info.param.name).substr(0, 60))
      out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
    return out + "_" + std::to_string(info.index);
  }
};

}  // namespace mdbc::test
