#pragma once
// A tolerant C/C++ lexer: any byte sequence yields tokens in one linear pass, without recursion.
// Comments are dropped; string and character literals (with encoding prefixes and raw strings)
// are single tokens; line splices join lines; preprocessor lines are marked. Unterminated
// comments and literals end at the end of the file (strings: at the end of the line).
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "core/huge_pages.h"

namespace mdbc::source {

enum class TokenKind : uint8_t {
  identifier,  // also keywords
  number,      // a preprocessing number: 0x1F, 1e-5, 0b1010, 1'000'000, 10UL
  string,      // "…", L"…", u8"…", R"d(…)d", <…> is not recognised (see header-name note below)
  character,   // 'a', L'a', u8'a'
  punct,       // one operator or punctuator: "->", "<<=", "::", "(", "#" …
  other,       // a byte that starts no token (stray '\\', '$', '@', '`', control or non-ASCII bytes)
};

struct Token {
  std::string_view text;  // into the lexed buffer
  uint32_t line = 0;      // 1-based, of the token's first byte
  uint32_t column = 0;    // 1-based byte column
  TokenKind kind = TokenKind::other;
  bool directive = false;   // part of a preprocessor line (the '#' itself included)
  bool line_start = false;  // first token on its (logical) line
  bool spliced = false;     // text contains a backslash-newline: use spelling() for the meaning
  uint32_t name = 0;        // identifiers: the index of their text in the file's FileNames

  bool is(std::string_view s) const { return text == s; }
  bool is_ident(std::string_view s) const { return kind == TokenKind::identifier && text == s; }
  // The same for a string literal, whose length the compiler knows: a comparison of a few bytes
  // in place rather than a call (rules compare tokens with literals everywhere).
  template <size_t N>
  bool is(const char (&s)[N]) const {
    return text.size() == N - 1 && std::memcmp(text.data(), s, N - 1) == 0;
  }
  template <size_t N>
  bool is_ident(const char (&s)[N]) const {
    return kind == TokenKind::identifier && is(s);
  }
};

// Lexes the whole text. Tokens reference `text`, which must outlive them.
std::vector<Token> lex(std::string_view text);
// The same into `out` (emptied first), whose capacity a caller lexing file after file reuses; a
// large file's tokens go to huge pages, which fault in 512 times fewer than 4 KiB ones.
void lex(std::string_view text, HugePageVector<Token>& out);

// The token's text with line splices removed.
std::string spelling(const Token& t);

// The contents of a string literal token without prefix and quotes (raw strings: without the
// delimiters); escapes are left as written. Empty for other tokens.
std::string_view string_body(const Token& t);

// For a preprocessor line starting at tokens[i] ('#'), the index one past its last token.
size_t directive_end(const std::vector<Token>& tokens, size_t i);

}  // namespace mdbc::source
