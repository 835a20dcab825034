// Fingerprints identify a finding across edits that do not touch it, so variances keep applying.
#include <gtest/gtest.h>

#include <algorithm>
#include <span>

#include "core/finding.h"

namespace mdbc {
namespace {

Finding finding(std::string path, uint32_t line, std::string rule, std::string evidence) {
  Finding f;
  f.rule = std::move(rule);
  f.path = std::move(path);
  f.line = line;
  f.column = 5;
  f.message = "use a bounded copy";
  f.evidence = std::move(evidence);
  return f;
}

std::vector<std::string> fingerprints(std::vector<Finding> findings) {
  std::sort(findings.begin(), findings.end());
  assign_fingerprints(findings);
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.fingerprint);
  return out;
}

TEST(Fingerprint, StableWhenLinesAreInsertedAbove) {
  const std::vector<Finding> before{finding("src/a.c", 10, "CODE-1/banned-call", "strcpy(dst, src);"),
                                    finding("src/a.c", 20, "CODE-1/banned-call", "strcpy(dst, src);"),
                                    finding("src/a.c", 30, "CODE-2/non-literal-format", "printf(msg);")};
  std::vector<Finding> after = before;
  after[0].line += 3;  // three unrelated lines inserted above everything
  after[1].line += 3;
  after[2].line += 7;  // and more between
  after[2].column = 9;  // re-indented
  after[2].evidence = "printf(msg);";
  EXPECT_EQ(fingerprints(before), fingerprints(after));
}

TEST(Fingerprint, WhitespaceChangesInTheEvidenceDoNotMatter) {
  EXPECT_EQ(fingerprints({finding("a.c", 1, "CODE-1/banned-call", "strcpy(d,\ts);  ")}),
            fingerprints({finding("a.c", 9, "CODE-1/banned-call", "strcpy(d, s);")}));
}

TEST(Fingerprint, DistinguishesRulePathEvidenceAndOccurrence) {
  const auto fp = fingerprints({finding("src/a.c", 10, "CODE-1/banned-call", "strcpy(dst, src);"),
                                finding("src/a.c", 20, "CODE-1/banned-call", "strcpy(dst, src);"),
                                finding("src/b.c", 10, "CODE-1/banned-call", "strcpy(dst, src);"),
                                finding("src/a.c", 30, "CODE-1/banned-call", "strcpy(dst, buf);"),
                                finding("src/a.c", 40, "CODE-3/shell", "strcpy(dst, src);")});
  for (size_t i = 0; i < fp.size(); ++i) {
    EXPECT_EQ(fp[i].size(), 32u);
    for (size_t j = i + 1; j < fp.size(); ++j) EXPECT_NE(fp[i], fp[j]) << i << " vs " << j;
  }
}

TEST(Fingerprint, FindingsWithoutEvidenceUseTheMessage) {
  Finding a = finding("fw.bin", 0, "HARD-1/no-canary", "");
  Finding b = a;
  b.message = "another message";
  b.offset = 4096;
  EXPECT_NE(fingerprints({a}), fingerprints({b}));
  b.message = a.message;
  EXPECT_EQ(fingerprints({a}), fingerprints({b}));
}

TEST(Fingerprint, RunsSplitWherePathsChangeGetTheSameFingerprints) {
  std::vector<Finding> whole{finding("src/a.c", 10, "CODE-1/banned-call", "strcpy(dst, src);"),
                             finding("src/a.c", 20, "CODE-1/banned-call", "strcpy(dst, src);"),
                             finding("src/b.c", 10, "CODE-1/banned-call", "strcpy(dst, src);"),
                             finding("src/b.c", 20, "CODE-1/banned-call", "strcpy(dst, src);")};
  std::vector<Finding> split = whole;
  assign_fingerprints(whole);
  assign_fingerprints(std::span(split).first(2));
  assign_fingerprints(std::span(split).subspan(2));
  for (size_t i = 0; i < whole.size(); ++i) EXPECT_EQ(whole[i].fingerprint, split[i].fingerprint) << i;
  EXPECT_NE(whole[0].fingerprint, whole[1].fingerprint);  // the second occurrence in its file
}

}  // namespace
}  // namespace mdbc
