#include "inspect/source/name_memory.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "inspect/source/file_names.h"
#include "inspect/source/lexer.h"

namespace mdbc::source {
namespace {

int short_asked = 0, upper_asked = 0;
bool is_short(std::string_view n) { return ++short_asked, n.size() <= 3; }
bool starts_upper(std::string_view n) { return ++upper_asked, !n.empty() && n[0] >= 'A' && n[0] <= 'Z'; }

// Each name's verdicts, judging `code`'s names in order by both judges.
std::string verdicts(std::string_view code) {
  auto tokens = lex(code);
  const FileNames names(tokens);
  std::string out;
  for (size_t id = 0; id < names.size(); ++id)
    out += std::string(lasting_judgement(is_short, names, id) ? "s" : "-") +
           (lasting_judgement(starts_upper, names, id) ? "U" : "-") + " ";
  return out;
}

TEST(NameMemory, VerdictsOfEachJudgeAreKeptApartAndRememberedAcrossFiles) {
  const std::string long_name(60, 'Q');  // too long to keep: judged afresh
  const std::string code = "ab Abcd xyzzy ABC " + long_name;
  EXPECT_EQ(verdicts(code), "s- -U -- sU -U ");
  const int short_before = short_asked, upper_before = upper_asked;
  EXPECT_EQ(verdicts(code), "s- -U -- sU -U ");
  EXPECT_EQ(short_asked - short_before, 1);  // the long name only
  EXPECT_EQ(upper_asked - upper_before, 1);
}

template <int N>
bool judge(std::string_view) {
  return N % 2 == 0;
}

template <int... N>
std::vector<bool (*)(std::string_view)> judges(std::integer_sequence<int, N...>) {
  return {judge<N>...};
}

TEST(NameMemory, JudgesBeyondTheBitsAreNotKept) {
  NameMemory memory(1);
  const auto first = judges(std::make_integer_sequence<int, NameMemory::max_judges>{});
  for (size_t j = 0; j < first.size(); ++j) EXPECT_EQ(memory.judge_bit(first[j]), static_cast<int>(j));
  EXPECT_EQ(memory.judge_bit(judge<NameMemory::max_judges>), -1);
  EXPECT_EQ(memory.judge_bit(judge<0>), 0);
  EXPECT_EQ(memory.judge_bit(judge<5>), 5);
}

TEST(NameMemory, ANewNameTakingALineForgetsTheOldOnesVerdicts) {
  NameMemory memory(1);
  NameMemory::Line& a = memory.line_of("alpha", 7);
  a.judged = a.holds = 1;
  a.listed = true;
  NameMemory::Line& b = memory.line_of("beta", 7);
  EXPECT_EQ(&a, &b);
  EXPECT_EQ(b.judged, 0u);
  EXPECT_EQ(b.holds, 0u);
  EXPECT_FALSE(b.listed);
  EXPECT_EQ(std::string_view(b.name, b.length), "beta");
  EXPECT_EQ(memory.line_of("beta", 7).length, 4);
}

}  // namespace
}  // namespace mdbc::source
