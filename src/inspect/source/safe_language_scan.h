#pragma once
// A small tokenizer for the memory-safe languages whose escape hatches LANG-3 lists (Rust, C#, Go,
// Java): it skips comments (Rust's nest), string and character literals (raw, verbatim,
// interpolated, text blocks) so that a word in them is never taken for code, and yields words,
// string literals and punctuation one at a time. Linear, no recursion, any bytes accepted.
#include <cstdint>
#include <string_view>

#include "inspect/source/language.h"

namespace mdbc::source {

struct ScanToken {
  enum class Kind : uint8_t { word, string, punct };
  Kind kind = Kind::punct;
  std::string_view text;  // the whole token (strings: with quotes and prefixes)
  std::string_view body;  // strings: the contents between the quotes (escapes as written)
  uint32_t line = 0, column = 0;

  bool is(std::string_view s) const { return text == s; }
  bool is_word(std::string_view s) const { return kind == Kind::word && text == s; }
};

class SafeLanguageScanner {
 public:
  // `language`: rust, csharp, go or java (others are scanned with Java's rules).
  SafeLanguageScanner(std::string_view text, Language language) : s_(text), language_(language) {}
  // The next token; false at the end of the text.
  bool next(ScanToken& out);

 private:
  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  void advance(size_t n);  // keeps line and column
  void skip_space_and_comments();
  void quoted(char quote, bool escapes, bool doubled_quote_escapes);  // at the opening quote
  void raw_rust(size_t hashes);             // at the opening quote, after r and hashes
  void triple_quoted(size_t quotes);        // Java text block, C# raw string: at the first quote
  void interpolated_csharp(bool verbatim);  // C# $"…{expr}…": at the opening quote

  std::string_view s_;
  Language language_;
  size_t i_ = 0;
  uint32_t line_ = 1;
  size_t line_begin_ = 0;
};

}  // namespace mdbc::source
