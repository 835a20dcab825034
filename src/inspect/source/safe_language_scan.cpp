#include "inspect/source/safe_language_scan.h"

namespace mdbc::source {
namespace {

bool word_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool word_char(char c) { return word_start(c) || (c >= '0' && c <= '9'); }

// Bytes in the UTF-8 sequence a lead byte starts (1 for ASCII and invalid bytes).
size_t utf8_length(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0xF0 && u < 0xF8 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
}

}  // namespace

void SafeLanguageScanner::advance(size_t n) {
  const size_t end = i_ + n > s_.size() ? s_.size() : i_ + n;
  for (; i_ < end; ++i_)
    if (s_[i_] == '\n') {
      ++line_;
      line_begin_ = i_ + 1;
    }
}

void SafeLanguageScanner::skip_space_and_comments() {
  while (i_ < s_.size()) {
    const char c = s_[i_];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
      advance(1);
    } else if (c == '/' && at(i_ + 1) == '/') {
      const size_t nl = s_.find('\n', i_);
      advance((nl == std::string_view::npos ? s_.size() : nl) - i_);
    } else if (c == '/' && at(i_ + 1) == '*') {
      // Rust block comments nest; the others end at the first */.
      const bool nests = language_ == Language::rust;
      size_t depth = 1;
      advance(2);
      while (i_ < s_.size() && depth > 0) {
        if (s_[i_] == '*' && at(i_ + 1) == '/') {
          --depth;
          advance(2);
        } else if (nests && s_[i_] == '/' && at(i_ + 1) == '*') {
          ++depth;
          advance(2);
        } else {
          advance(1);
        }
      }
    } else {
      return;
    }
  }
}

void SafeLanguageScanner::quoted(char quote, bool escapes, bool doubled_quote_escapes) {
  advance(1);
  while (i_ < s_.size()) {
    const char c = s_[i_];
    if (escapes && c == '\\') {
      advance(2);
    } else if (c == '\n' && !doubled_quote_escapes && (quote == '\'' || (quote == '"' && language_ != Language::rust))) {
      return;  // unterminated: only Rust strings and verbatim strings span lines
    } else if (c == quote) {
      if (doubled_quote_escapes && at(i_ + 1) == quote) {
        advance(2);
        continue;
      }
      advance(1);
      return;
    } else {
      advance(1);
    }
  }
}

void SafeLanguageScanner::raw_rust(size_t hashes) {
  advance(1);  // the opening quote
  while (i_ < s_.size()) {
    if (s_[i_] == '"') {
      size_t k = 0;
      while (k < hashes && at(i_ + 1 + k) == '#') ++k;
      if (k == hashes) {
        advance(1 + hashes);
        return;
      }
    }
    advance(1);
  }
}

void SafeLanguageScanner::triple_quoted(size_t quotes) {
  advance(quotes);
  while (i_ < s_.size()) {
    if (language_ == Language::java && s_[i_] == '\\') {
      advance(2);
      continue;
    }
    if (s_[i_] == '"') {
      size_t k = 0;
      while (at(i_ + k) == '"') ++k;
      advance(k);
      if (k >= quotes) return;
      continue;
    }
    advance(1);
  }
}

void SafeLanguageScanner::interpolated_csharp(bool verbatim) {
  advance(1);
  size_t depth = 0;  // inside {expression} holes
  while (i_ < s_.size()) {
    const char c = s_[i_];
    if (depth == 0) {
      if (!verbatim && c == '\\') {
        advance(2);
      } else if (c == '"') {
        if (verbatim && at(i_ + 1) == '"') {
          advance(2);
          continue;
        }
        advance(1);
        return;
      } else if (c == '{') {
        if (at(i_ + 1) == '{') advance(2);
        else {
          ++depth;
          advance(1);
        }
      } else {
        advance(1);
      }
    } else if (c == '"') {
      quoted('"', true, false);  // a plain string inside a hole
    } else if (c == '\'') {
      quoted('\'', true, false);
    } else {
      if (c == '{') ++depth;
      if (c == '}') --depth;
      advance(1);
    }
  }
}

bool SafeLanguageScanner::next(ScanToken& out) {
  skip_space_and_comments();
  if (i_ >= s_.size()) return false;
  const size_t start = i_;
  out.line = line_;
  out.column = static_cast<uint32_t>(i_ - line_begin_ + 1);
  out.body = {};
  const char c = s_[i_];
  const auto finish = [&](ScanToken::Kind kind, size_t body_begin, size_t body_end) {
    out.kind = kind;
    out.text = s_.substr(start, i_ - start);
    if (kind == ScanToken::Kind::string && body_end > body_begin && body_end <= s_.size())
      out.body = s_.substr(body_begin, body_end - body_begin);
    return true;
  };
  const auto string_end = [&](size_t closing) { return i_ >= closing ? i_ - closing : i_; };

  if (language_ == Language::rust) {
    // Raw identifiers r#name are words; raw strings r"…", r#"…"#, br…, cr…; byte strings b"…".
    size_t p = i_;
    if (s_[p] == 'b' || s_[p] == 'c') ++p;
    if (at(p) == 'r' && (at(p + 1) == '"' || (at(p + 1) == '#' && (at(p + 2) == '"' || at(p + 2) == '#')))) {
      size_t hashes = 0;
      while (at(p + 1 + hashes) == '#') ++hashes;
      if (at(p + 1 + hashes) == '"') {
        advance(p + 1 + hashes - i_);
        const size_t body = i_ + 1;
        raw_rust(hashes);
        return finish(ScanToken::Kind::string, body, string_end(1 + hashes));
      }
    }
    if (c == 'r' && at(i_ + 1) == '#' && word_start(at(i_ + 2))) {
      advance(2);
      while (i_ < s_.size() && word_char(s_[i_])) advance(1);
      return finish(ScanToken::Kind::word, 0, 0);
    }
    if ((c == 'b' || c == 'c') && at(i_ + 1) == '"') {
      advance(1);
      const size_t body = i_ + 1;
      quoted('"', true, false);
      return finish(ScanToken::Kind::string, body, string_end(1));
    }
    if (c == 'b' && at(i_ + 1) == '\'') {
      advance(1);
      quoted('\'', true, false);
      return finish(ScanToken::Kind::string, 0, 0);
    }
    if (c == '\'') {
      // A character literal ('a', '\n', 'é') or a lifetime/label ('a, 'static).
      if (at(i_ + 1) == '\\' || at(i_ + 1 + utf8_length(at(i_ + 1))) == '\'') {
        quoted('\'', true, false);
        return finish(ScanToken::Kind::string, 0, 0);
      }
      advance(1);
      while (i_ < s_.size() && word_char(s_[i_])) advance(1);
      return finish(ScanToken::Kind::punct, 0, 0);
    }
  }
  if (language_ == Language::csharp) {
    // Verbatim identifiers (@unsafe is a name), verbatim strings @"…", interpolated $"…", raw """…""".
    if (c == '@' && word_start(at(i_ + 1))) {
      advance(1);
      while (i_ < s_.size() && word_char(s_[i_])) advance(1);
      return finish(ScanToken::Kind::word, 0, 0);
    }
    size_t p = i_;
    bool dollar = false, at_sign = false;
    while (p < s_.size() && (s_[p] == '$' || s_[p] == '@') && p - i_ < 8) {
      dollar = dollar || s_[p] == '$';
      at_sign = at_sign || s_[p] == '@';
      ++p;
    }
    if (at(p) == '"' && (dollar || at_sign || p == i_)) {
      size_t quotes = 0;
      while (at(p + quotes) == '"') ++quotes;
      advance(p - i_);
      const size_t body = i_ + 1;
      if (quotes >= 3) {
        triple_quoted(quotes);
        return finish(ScanToken::Kind::string, body + quotes - 1, string_end(quotes));
      }
      if (dollar) interpolated_csharp(at_sign);
      else quoted('"', !at_sign, at_sign);
      return finish(ScanToken::Kind::string, body, string_end(1));
    }
  }
  if (language_ == Language::java && c == '"' && at(i_ + 1) == '"' && at(i_ + 2) == '"') {
    triple_quoted(3);
    return finish(ScanToken::Kind::string, start + 3, string_end(3));
  }
  if (c == '"') {
    quoted('"', true, false);
    return finish(ScanToken::Kind::string, start + 1, string_end(1));
  }
  if (c == '`' && language_ == Language::go) {
    quoted('`', false, false);
    return finish(ScanToken::Kind::string, start + 1, string_end(1));
  }
  if (c == '\'') {
    quoted('\'', true, false);
    return finish(ScanToken::Kind::string, 0, 0);
  }
  if (word_char(c)) {
    while (i_ < s_.size() && word_char(s_[i_])) advance(1);
    return finish(ScanToken::Kind::word, 0, 0);
  }
  advance(1);
  return finish(ScanToken::Kind::punct, 0, 0);
}

}  // namespace mdbc::source
