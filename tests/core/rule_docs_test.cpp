// Every rule id a rule family reports is documented in the code book: a finding's rule must have
// a summary and help to show. (The source fuzz target stopped at its first input, an empty
// meson.build, on HARD-3/missing-flag before the rules of HARD-3 were documented.)
#include <gtest/gtest.h>

#include "core/code_book.h"
#include "core/inspector.h"

namespace mdbc {
namespace {

TEST(RuleDocs, EveryReportedRuleIsInTheCodeBook) {
  const CodeBook& code = CodeBook::builtin();
  ASSERT_FALSE(families().empty());
  for (const RuleFamily& family : families())
    for (const std::string_view id : family.rule_ids) EXPECT_NE(code.rule(id), nullptr) << family.name << ": " << id;
}

}  // namespace
}  // namespace mdbc
