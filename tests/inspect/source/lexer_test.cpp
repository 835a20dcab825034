#include "inspect/source/lexer.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

namespace mdbc::source {
namespace {

std::vector<std::string> texts(std::string_view src) {
  std::vector<std::string> out;
  for (const auto& t : lex(src)) out.push_back(spelling(t));
  return out;
}

TEST(Lexer, DropsCommentsAndKeepsLiteralsWhole) {
  EXPECT_EQ(texts("a /* strcpy( */ b // gets(\nc"), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(texts(R"~(f("strcpy(x)", 'y');)~"), (std::vector<std::string>{"f", "(", "\"strcpy(x)\"", ",", "'y'", ")", ";"}));
}

TEST(Lexer, StringPrefixesAndRawStrings) {
  const auto toks = lex(R"~(u8"a" L'b' LR"x(raw " )" still)x" R"(q)" u"w")~");
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[0].kind, TokenKind::string);
  EXPECT_EQ(toks[1].kind, TokenKind::character);
  EXPECT_EQ(toks[2].kind, TokenKind::string);
  EXPECT_EQ(string_body(toks[2]), "raw \" )\" still");
  EXPECT_EQ(string_body(toks[3]), "q");
  EXPECT_EQ(string_body(toks[4]), "w");
}

TEST(Lexer, IdentifierNamedLikePrefixIsNotAString) {
  const auto toks = lex("LR + u8 + R");
  ASSERT_EQ(toks.size(), 5u);
  EXPECT_EQ(toks[0].kind, TokenKind::identifier);
}

TEST(Lexer, LineSplicesJoinDirectivesAndComments) {
  const auto toks = lex("#define X \\\n  strcpy(a, b)\nint y; // c \\\n gets(z);\nw");
  // The continued #define body is part of the directive; the spliced // comment swallows gets.
  std::vector<std::string> directive, code;
  for (const auto& t : toks) (t.directive ? directive : code).push_back(std::string(t.text));
  EXPECT_EQ(directive, (std::vector<std::string>{"#", "define", "X", "strcpy", "(", "a", ",", "b", ")"}));
  EXPECT_EQ(code, (std::vector<std::string>{"int", "y", ";", "w"}));
}

TEST(Lexer, CommentsKeepLinesAndColumns) {
  // A // comment continued by splices (LF and CRLF, two in a row), then ended by a plain newline;
  // a block comment over several lines with stars inside; a backslash not before a newline.
  const auto toks = lex("a // x \\\n y \\\r\n z\\ q\nb /* 1 *\n ** 2\n*/ c // \\n\n  d");
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].text, "b");
  EXPECT_EQ(toks[1].line, 4u);
  EXPECT_EQ(toks[1].column, 1u);
  EXPECT_EQ(toks[2].text, "c");
  EXPECT_EQ(toks[2].line, 6u);
  EXPECT_EQ(toks[2].column, 4u);
  EXPECT_EQ(toks[3].text, "d");
  EXPECT_EQ(toks[3].line, 7u);
  EXPECT_EQ(toks[3].column, 3u);
  EXPECT_EQ(lex("x /* never closed *").size(), 1u);
  EXPECT_EQ(lex("x // to the end \\").size(), 1u);
}

TEST(Lexer, SplicedIdentifierSpelling) {
  const auto toks = lex("str\\\ncpy(x)");
  ASSERT_FALSE(toks.empty());
  EXPECT_TRUE(toks[0].spliced);
  EXPECT_EQ(spelling(toks[0]), "strcpy");
}

TEST(Lexer, LinesAndColumns) {
  const auto toks = lex("a\n  bb /* x\n y */ c\n\"s\"");
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].line, 2u);
  EXPECT_EQ(toks[1].column, 3u);
  EXPECT_EQ(toks[2].line, 3u);
  EXPECT_EQ(toks[3].line, 4u);
}

TEST(Lexer, NumbersWithSeparatorsAndExponents) {
  EXPECT_EQ(texts("1'000'000 0x1p-3 1e+5 .5f 0b1010u"),
            (std::vector<std::string>{"1'000'000", "0x1p-3", "1e+5", ".5f", "0b1010u"}));
}

TEST(Lexer, UnterminatedConstructsEndCleanly) {
  EXPECT_EQ(lex("a /* never closed").size(), 1u);
  EXPECT_EQ(lex("\"open string\nnext").size(), 2u);
  EXPECT_EQ(lex("R\"d(raw forever").size(), 1u);
  EXPECT_EQ(lex("'\\").size(), 1u);
  EXPECT_EQ(lex("\\").size(), 1u);
}

TEST(Lexer, AnyBytesTerminate) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 131 + 7) & 0xFF);
  const auto toks = lex(junk);
  EXPECT_FALSE(toks.empty());
  for (const auto& t : toks) EXPECT_FALSE(t.text.empty());
}

TEST(Lexer, NamesEndWhereverTheyFallInASixteenByteBlock) {
  // Names of every length from every offset, ended by the end of the buffer or by any byte: the
  // block-wise classification of names must stop exactly where a byte-by-byte one does, also
  // within the last sixteen bytes, at a splice that continues the name and at a quote after it.
  for (size_t offset = 0; offset < 18; ++offset)
    for (size_t length = 1; length < 40; ++length) {
      std::string name;
      for (size_t k = 0; k < length; ++k) name += "aZ_9mQz0"[k % 8];
      const std::string lead(offset, ' ');
      for (int b = -1; b < 256; ++b) {
        const std::string src = b < 0 ? lead + name : lead + name + static_cast<char>(b) + "~";
        const auto toks = lex(src);
        ASSERT_FALSE(toks.empty());
        EXPECT_EQ(toks[0].kind, TokenKind::identifier);
        EXPECT_EQ(toks[0].column, offset + 1);
        const bool continues = b >= 0 && (std::isalnum(b) || b == '_');
        EXPECT_EQ(toks[0].text, continues ? name + static_cast<char>(b) : name) << offset << " " << length << " " << b;
      }
      for (const char* splice : {"\\\n", "\\\r\n"}) {
        const std::string src = lead + name + splice + "tail(";
        const auto toks = lex(src);
        ASSERT_EQ(toks.size(), 2u);
        EXPECT_TRUE(toks[0].spliced);
        EXPECT_EQ(spelling(toks[0]), name + "tail");
      }
      const std::string with_string = lead + name + "\"s\"";
      const auto quoted = lex(with_string);
      ASSERT_EQ(quoted.size(), 2u);
      EXPECT_EQ(quoted[0].text, name);
      EXPECT_EQ(quoted[1].kind, TokenKind::string);
    }
}

TEST(Lexer, LongestPunctuatorEvenAtTheEnd) {
  for (std::string_view p : {"%:%:", "...", "<<=", ">>=", "->*", "<=>", "::", "->", "++", "--", "<<", ">>", "<=", ">=",
                             "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", ".*", "<:",
                             ":>", "<%", "%>", "%:", "{", ";", "?"}) {
    EXPECT_EQ(texts(p), (std::vector<std::string>{std::string(p)}));
    EXPECT_EQ(texts(std::string(p) + "a"), (std::vector<std::string>{std::string(p), "a"}));
  }
  EXPECT_EQ(texts("%:%"), (std::vector<std::string>{"%:", "%"}));
  EXPECT_EQ(texts(".."), (std::vector<std::string>{".", "."}));
  EXPECT_EQ(texts("a<<=b<=>c"), (std::vector<std::string>{"a", "<<=", "b", "<=>", "c"}));
  EXPECT_EQ(texts(".5+.e"), (std::vector<std::string>{".5", "+", ".", "e"}));
}

TEST(Lexer, DirectiveEnd) {
  const auto toks = lex("#include <stdio.h>\nint x;");
  const size_t end = directive_end(toks, 0);
  ASSERT_LT(end, toks.size());
  EXPECT_EQ(toks[end].text, "int");
}

}  // namespace
}  // namespace mdbc::source
