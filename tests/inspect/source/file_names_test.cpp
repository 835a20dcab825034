#include "inspect/source/file_names.h"

#include <gtest/gtest.h>

#include <string>

namespace mdbc::source {
namespace {

TEST(FileNames, EachIdentifierOnceInOrderOfFirstUse) {
  auto tokens = lex("int strcpy_like(char *d) { return d ? strcpy_like(d) : 0; } /* gets */ \"rand\"");
  const FileNames names(tokens);
  EXPECT_EQ(std::vector<std::string_view>(names.all().begin(), names.all().end()),
            (std::vector<std::string_view>{"int", "strcpy_like", "char", "d", "return"}));
  EXPECT_TRUE(names.contains("strcpy_like"));
  EXPECT_FALSE(names.contains("gets"));  // in a comment
  EXPECT_FALSE(names.contains("rand"));  // in a string
  EXPECT_FALSE(names.contains("strcpy"));
  EXPECT_EQ(names.index("d"), 3u);
  EXPECT_EQ(names.index("gets"), names.size());
}

TEST(FileNames, TokensCarryTheIndexOfTheirName) {
  auto tokens = lex("a b a c b a");
  const FileNames names(tokens);
  ASSERT_EQ(names.size(), 3u);
  for (const Token& t : tokens) EXPECT_EQ(names.all()[t.name], t.text);
}

TEST(FileNames, ManyDistinctNamesAllFound) {
  // Enough names to need several table sizes' worth of probing.
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "name" + std::to_string(i) + " ";
  auto tokens = lex(text);
  const FileNames names(tokens);
  EXPECT_EQ(names.size(), 5000u);
  for (int i = 0; i < 5000; i += 97) EXPECT_TRUE(names.contains("name" + std::to_string(i)));
  EXPECT_FALSE(names.contains("name5000"));
}

TEST(FileNames, NamesOfEveryLengthDifferingInOneByteAreDistinct) {
  // Names are hashed and compared a word, four bytes or one byte at a time by their length: a
  // name that differs from another in any one byte is another name.
  std::string text;
  std::vector<std::string> expected;
  for (size_t length = 1; length <= 24; ++length) {
    const std::string base(length, 'a');
    expected.push_back(base);
    for (size_t at = 0; at < length; ++at) {
      std::string other = base;
      other[at] = 'b';
      expected.push_back(other);
    }
  }
  for (const std::string& n : expected) text += n + " " + n + " ";
  auto tokens = lex(text);
  const FileNames names(tokens);
  ASSERT_EQ(names.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(names.all()[i], expected[i]);
  for (const Token& t : tokens) EXPECT_EQ(names.all()[t.name], t.text);
  ASSERT_TRUE(names.contains("aab"));
  EXPECT_EQ(FileNames::hash_of("aab"), names.hash(names.index("aab")));
}

TEST(NameMemo, JudgesEachNameOnce) {
  auto tokens = lex("key key other key");
  const FileNames names(tokens);
  NameMemo memo(names);
  int judged = 0;
  const auto is_key = [&](std::string_view n) {
    ++judged;
    return n == "key";
  };
  std::vector<bool> verdicts;
  for (const Token& t : tokens) verdicts.push_back(memo(t, is_key));
  EXPECT_EQ(verdicts, (std::vector<bool>{true, true, false, true}));
  EXPECT_EQ(judged, 2);
}

}  // namespace
}  // namespace mdbc::source
