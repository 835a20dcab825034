#pragma once
// Paired cases for the source rules: a flawed snippet ("bad") and its fixed twin ("good"). The bad
// twin must yield a finding of the element, the good twin none of it. Each suite prints its
// figures (pairs, recall, false alarms) so they can be quoted.
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "support/source_fixture.h"

namespace mdbc::test {

// `line` written n times: the bulk of a tree's files.
inline std::string repeated(size_t n, std::string_view line) {
  std::string s;
  for (size_t i = 0; i < n; ++i) s += line;
  return s;
}

struct RulePair {
  std::string name;
  std::string bad;
  std::string good;
  std::string path = "src/module.c";
};


// A pair of whole trees, for rules decided over the tree (LANG-1, LANG-2, LANG-3, SBOM-1, FW-2).
struct TreePair {
  std::string name;
  std::vector<SnippetFile> bad;
  std::vector<SnippetFile> good;
};

template <class Profile>
void expect_tree_pairs(std::string_view element, const std::vector<TreePair>& pairs, const Profile& profile,
                       const Config& config = {}) {
  size_t found = 0, false_alarms = 0;
  for (const auto& p : pairs) {
    SCOPED_TRACE(p.name);
    const auto bad = only(inspect_tree(p.bad, profile, config).findings, element);
    const auto good = only(inspect_tree(p.good, profile, config).findings, element);
    EXPECT_FALSE(bad.empty()) << "missed: " << p.name;
    EXPECT_TRUE(good.empty()) << "false alarm: " << p.name << ": "
                              << (good.empty() ? std::string() : good.front().rule + " " + good.front().message);
    found += !bad.empty();
    false_alarms += !good.empty();
  }
  std::printf("[pairs] %.*s: %zu pairs, recall %zu/%zu, false alarms %zu/%zu\n", static_cast<int>(element.size()),
              element.data(), pairs.size(), found, pairs.size(), false_alarms, pairs.size());
}

inline void expect_tree_pairs(std::string_view element, const std::vector<TreePair>& pairs) {
  expect_tree_pairs(element, pairs, std::string_view("C-connected"));
}

// Pairs of one file each: trees of that one file.
inline void expect_pairs(std::string_view element, const std::vector<RulePair>& pairs,
                         std::string_view profile = "C-connected", const Config& config = {}) {
  std::vector<TreePair> trees;
  for (const auto& p : pairs) trees.push_back({p.name, {{p.path, p.bad, ""}}, {{p.path, p.good, ""}}});
  expect_tree_pairs(element, trees, profile, config);
}

}  // namespace mdbc::test
