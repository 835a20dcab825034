#include "inspect/source/lexer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mdbc::source {
namespace {

enum : uint8_t {
  kIdStart = 1,
  kIdChar = 2,
  kDigit = 4,
  kSpace = 8,
  kPunct = 16,
  kPunctSecond = 32,
  kBlank = 64,  // may begin what lies between tokens: white space, a newline, a splice, a comment
};

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> c{};
  for (int i = 'a'; i <= 'z'; ++i) c[i] = kIdStart | kIdChar;
  for (int i = 'A'; i <= 'Z'; ++i) c[i] = kIdStart | kIdChar;
  c['_'] = kIdStart | kIdChar;
  for (int i = '0'; i <= '9'; ++i) c[i] = kIdChar | kDigit;
  c[' '] = c['\t'] = c['\f'] = c['\v'] = c['\r'] = kSpace | kBlank;
  c['\n'] = c['\\'] = c['/'] = kBlank;
  for (char p : std::string_view("{}[]()<>;:,.?!~+-*/%^&|=#")) c[static_cast<uint8_t>(p)] |= kPunct;
  // Every longer punctuator's second byte is one of these; most punctuation is one byte.
  for (char p : std::string_view("%.<=>-+*&|#:")) c[static_cast<uint8_t>(p)] |= kPunctSecond;
  return c;
}
constexpr auto classes = make_classes();

// Punctuators, longest first within each leading character.
constexpr std::string_view puncts[] = {
    "%:%:", "...", "<<=", ">>=", "->*", "<=>", "::", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=",
    "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##", ".*", "<:", ":>", "<%", "%>", "%:",
};

// The longer punctuators by their first byte, in the order above: a punctuator is compared only
// with those that can match it.
struct Punctuators {
  std::array<std::string_view, 6> longer;
  size_t count = 0;
};
constexpr auto punct_by_first = [] {
  std::array<Punctuators, 256> table{};
  for (std::string_view p : puncts) {
    Punctuators& t = table[static_cast<uint8_t>(p.front())];
    t.longer[t.count++] = p;
  }
  return table;
}();

// The end of the run of identifier bytes (ASCII letters, digits, '_') that starts at p.
const char* identifier_end(const char* p, const char* end) {
#if defined(__SSE2__)
  // Sixteen bytes classified at once: identifiers are most of a source file's bytes. Letters by
  // their lower case in 'a'..'z', digits in '0'..'9', both compared as signed bytes shifted so
  // that the range starts at -128 (SSE2 has no unsigned comparison).
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i to_letters = _mm_set1_epi8(static_cast<char>(128 - 'a'));
  const __m128i letters_below = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i to_digits = _mm_set1_epi8(static_cast<char>(128 - '0'));
  const __m128i digits_below = _mm_set1_epi8(static_cast<char>(-128 + 10));
  const __m128i underscore = _mm_set1_epi8('_');
  while (end - p >= 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(bytes, case_bit), to_letters), letters_below);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(bytes, to_digits), digits_below);
    const __m128i ident = _mm_or_si128(_mm_or_si128(letter, digit), _mm_cmpeq_epi8(bytes, underscore));
    const auto others = static_cast<uint32_t>(~_mm_movemask_epi8(ident)) & 0xffffu;
    if (others != 0) return p + std::countr_zero(others);
    p += 16;
  }
#endif
  while (p < end && (classes[static_cast<uint8_t>(*p)] & kIdChar)) ++p;
  return p;
}

class Lexer {
 public:
  explicit Lexer(std::string_view s) : s_(s) {}

  void run(HugePageVector<Token>& out) {
    out.clear();
    out.reserve(s_.size() / 6 + 16);
    const size_t n = s_.size();
    bool line_start = true, in_directive = false;
    while (true) {
      // White space, comments and splices between tokens.
      while (i_ < n) {
        const char c = s_[i_];
        const uint8_t cls = classes[static_cast<uint8_t>(c)];
        if (!(cls & kBlank)) break;
        if (cls & kSpace) {
          ++i_;
        } else if (c == '\n') {
          newline();
          line_start = true;
          in_directive = false;
        } else if (c == '\\') {
          if (!splice_at(i_)) break;
          skip_splice();
        } else if (i_ + 1 < n && s_[i_ + 1] == '/') {  // c is '/'
          line_comment();
        } else if (i_ + 1 < n && s_[i_ + 1] == '*') {
          block_comment();
        } else {
          break;
        }
      }
      if (i_ >= n) break;
      // Where the token begins: splices inside it move the line on.
      const size_t start = i_;
      const uint32_t line = line_;
      const auto column = static_cast<uint32_t>(start - line_begin_ + 1);
      const uint32_t splices_before = splices_;
      const TokenKind kind = next_token();
      const std::string_view text(s_.data() + start, i_ - start);
      if (line_start && kind == TokenKind::punct && (text == "#" || text == "%:")) in_directive = true;
      out.push_back(Token{text, line, column, kind, in_directive, line_start, splices_ != splices_before, 0});
      line_start = false;
      if (kind == TokenKind::identifier && !in_directive && (text == "__asm" || text == "_asm")) skip_assembly_block();
    }
  }

 private:
  char peek(size_t k) const { return i_ + k < s_.size() ? s_[i_ + k] : '\0'; }

  bool splice_at(size_t p) const {
    if (p >= s_.size() || s_[p] != '\\') return false;
    if (p + 1 < s_.size() && s_[p + 1] == '\n') return true;
    return p + 2 < s_.size() && s_[p + 1] == '\r' && s_[p + 2] == '\n';
  }
  void skip_splice() {
    i_ += s_[i_ + 1] == '\r' ? 2 : 1;
    ++splices_;
    newline();
  }
  void newline() {
    ++i_;
    ++line_;
    line_begin_ = i_;
  }

  // SDCC's inline assembly, `__asm … __endasm;` (also `_asm … _endasm;`): assembly text, not C.
  // Its local labels (00001$) are no octal numbers and its comments (; longjmp here) no calls.
  // The lexer resumes at `__endasm`. An `__asm` that opens a GCC statement (`__asm (`,
  // `__asm volatile (`) or an MSVC block (`__asm {`), or that no `_endasm` follows, is left alone.
  void skip_assembly_block() {
    size_t p = i_;
    while (p < s_.size() && (classes[static_cast<uint8_t>(s_[p])] & kSpace)) ++p;
    if (p < s_.size() && (s_[p] == '(' || s_[p] == '{')) return;
    for (std::string_view qualifier : {"volatile", "__volatile__", "__volatile", "goto", "inline"})
      if (s_.substr(p, qualifier.size()) == qualifier) return;
    const size_t end = next_endasm(i_);
    if (end == std::string_view::npos) return;
    count_newlines(i_, end);
    i_ = end;
  }

  // Where the next word `_endasm` or `__endasm` at or after `from` begins. A file without one is
  // searched once, however many `__asm` it holds.
  size_t next_endasm(size_t from) {
    if (endasm_ != unsearched && (endasm_ == std::string_view::npos || endasm_ >= from)) return endasm_;
    constexpr std::string_view word = "_endasm";
    for (size_t at = s_.find(word, from); at != std::string_view::npos; at = s_.find(word, at + 1)) {
      size_t begin = at;
      if (begin > from && s_[begin - 1] == '_') --begin;  // __endasm
      const bool before = begin == 0 || !(classes[static_cast<uint8_t>(s_[begin - 1])] & kIdChar);
      const size_t after = at + word.size();
      if (before && (after == s_.size() || !(classes[static_cast<uint8_t>(s_[after])] & kIdChar))) return endasm_ = begin;
    }
    return endasm_ = std::string_view::npos;
  }

  // Up to the newline that ends it, which a splice before it (backslash, maybe CR) continues.
  void line_comment() {
    while (true) {
      const size_t nl = s_.find('\n', i_);
      if (nl == std::string_view::npos) {
        i_ = s_.size();
        return;
      }
      const size_t backslash = nl >= 1 && s_[nl - 1] == '\r' ? nl - 2 : nl - 1;
      if (nl == 0 || backslash + 1 == 0 || backslash < i_ || s_[backslash] != '\\') {
        i_ = nl;
        return;
      }
      i_ = nl;  // a splice: the comment goes on after its newline
      ++splices_;
      newline();
    }
  }

  void block_comment() {
    i_ += 2;
    while (i_ < s_.size()) {
      const size_t star = s_.find('*', i_);
      const size_t stop = star == std::string_view::npos ? s_.size() : star;
      count_newlines(i_, stop);
      i_ = stop;
      if (i_ >= s_.size()) return;
      if (peek(1) == '/') {
        i_ += 2;
        return;
      }
      ++i_;
    }
  }

  // Lines of the bytes [from, to), which hold no token.
  void count_newlines(size_t from, size_t to) {
    for (size_t p = from; p < to; ++p) {
      const void* nl = std::memchr(s_.data() + p, '\n', to - p);
      if (nl == nullptr) return;
      p = static_cast<size_t>(static_cast<const char*>(nl) - s_.data());
      ++line_;
      line_begin_ = p + 1;
    }
  }

  // Consumes a quoted literal body up to the closing quote; an unescaped newline ends it.
  void quoted(char quote) {
    const size_t n = s_.size();
    ++i_;
    while (i_ < n) {
      while (i_ < n && s_[i_] != quote && s_[i_] != '\n' && s_[i_] != '\\') ++i_;
      if (i_ >= n) break;
      const char c = s_[i_];
      if (c == quote) {
        ++i_;
        return;
      }
      if (c == '\n') return;
      if (splice_at(i_)) skip_splice();
      else i_ += 2;  // an escape
    }
    if (i_ > n) i_ = n;
  }

  // R"delim( … )delim" — i_ is at the opening quote.
  void raw_string() {
    const size_t open = i_ + 1;
    size_t p = open;
    while (p < s_.size() && p - open <= 16 && s_[p] != '(' && s_[p] != '"' && s_[p] != '\n' && s_[p] != ' ' &&
           s_[p] != '\\' && s_[p] != ')')
      ++p;
    if (p >= s_.size() || s_[p] != '(' || p - open > 16) {  // not a valid raw string: an ordinary one
      quoted('"');
      return;
    }
    std::string close = ")";
    close.append(s_.substr(open, p - open));
    close += '"';
    const size_t end = s_.find(close, p + 1);
    const size_t stop = end == std::string_view::npos ? s_.size() : end + close.size();
    count_newlines(i_, stop);
    i_ = stop;
  }

  TokenKind next_token() {
    const auto c = static_cast<uint8_t>(s_[i_]);
    if (classes[c] & kIdStart) {
      const size_t start = i_;
      char after = 0;  // the byte after the name
      while (true) {
        i_ = static_cast<size_t>(identifier_end(s_.data() + i_, s_.data() + s_.size()) - s_.data());
        after = peek(0);
        if (after != '\\' || !splice_at(i_)) break;
        skip_splice();
      }
      // Encoding prefixes and raw strings: L"", u8"", R"()", LR"()", u8R"()" …
      if (after == '"' || after == '\'') {
        const std::string_view prefix = s_.substr(start, i_ - start);
        const bool raw = !prefix.empty() && prefix.back() == 'R';
        const std::string_view enc = raw ? prefix.substr(0, prefix.size() - 1) : prefix;
        if (enc.empty() || enc == "L" || enc == "u" || enc == "U" || enc == "u8") {
          if (s_[i_] == '"') {
            raw ? raw_string() : quoted('"');
            return TokenKind::string;
          }
          if (!raw) {
            quoted('\'');
            return TokenKind::character;
          }
        }
      }
      return TokenKind::identifier;
    }
    // Punctuation is as common as names; a '.' before a digit begins a number.
    const uint8_t next_class = classes[static_cast<uint8_t>(peek(1))];
    if ((classes[c] & kPunct) && !(c == '.' && (next_class & kDigit))) {
      if (next_class & kPunctSecond) {
        const Punctuators& candidates = punct_by_first[c];
        for (size_t k = 0; k < candidates.count; ++k) {
          const std::string_view p = candidates.longer[k];
          if (s_.size() - i_ >= p.size() && std::equal(p.begin(), p.end(), s_.begin() + static_cast<std::ptrdiff_t>(i_))) {
            i_ += p.size();
            return TokenKind::punct;
          }
        }
      }
      ++i_;
      return TokenKind::punct;
    }
    if ((classes[c] & kDigit) || c == '.') {
      ++i_;
      while (i_ < s_.size()) {
        const char d = s_[i_];
        if ((d == '+' || d == '-') && (s_[i_ - 1] == 'e' || s_[i_ - 1] == 'E' || s_[i_ - 1] == 'p' || s_[i_ - 1] == 'P')) {
          ++i_;
        } else if (d == '\'' && (classes[static_cast<uint8_t>(peek(1))] & kIdChar)) {
          i_ += 2;  // digit separator
        } else if ((classes[static_cast<uint8_t>(d)] & kIdChar) || d == '.') {
          ++i_;
        } else if (splice_at(i_)) {
          skip_splice();
        } else {
          break;
        }
      }
      return TokenKind::number;
    }
    if (c == '"') {
      quoted('"');
      return TokenKind::string;
    }
    if (c == '\'') {
      quoted('\'');
      return TokenKind::character;
    }
    ++i_;
    return TokenKind::other;
  }

  std::string_view s_;
  size_t i_ = 0;
  size_t line_begin_ = 0;
  uint32_t line_ = 1;
  uint32_t splices_ = 0;
  static constexpr size_t unsearched = std::string_view::npos - 1;
  size_t endasm_ = unsearched;  // the last answer of next_endasm
};

}  // namespace

std::vector<Token> lex(std::string_view text) {
  // Through the source stage's buffer type: one instance of the lexer's loop, which the compiler
  // inlines whole (a second instance for std::vector cost 40 M instructions of calls on intel).
  HugePageVector<Token> out;
  Lexer(text).run(out);
  return {out.begin(), out.end()};
}

void lex(std::string_view text, HugePageVector<Token>& out) { Lexer(text).run(out); }

std::string spelling(const Token& t) {
  if (!t.spliced) return std::string(t.text);
  std::string out;
  out.reserve(t.text.size());
  for (size_t i = 0; i < t.text.size(); ++i) {
    if (t.text[i] == '\\' && i + 1 < t.text.size() && t.text[i + 1] == '\n') {
      ++i;
      continue;
    }
    if (t.text[i] == '\\' && i + 2 < t.text.size() && t.text[i + 1] == '\r' && t.text[i + 2] == '\n') {
      i += 2;
      continue;
    }
    out += t.text[i];
  }
  return out;
}

std::string_view string_body(const Token& t) {
  if (t.kind != TokenKind::string) return {};
  std::string_view s = t.text;
  const size_t q = s.find('"');
  if (q == std::string_view::npos) return {};
  const bool raw = q > 0 && s[q - 1] == 'R';
  s.remove_prefix(q + 1);
  if (raw) {
    const size_t open = s.find('(');
    if (open == std::string_view::npos) return {};
    const std::string_view delim = s.substr(0, open);
    s.remove_prefix(open + 1);
    const size_t close = s.size() >= delim.size() + 2 ? s.size() - delim.size() - 2 : 0;
    if (s.size() >= delim.size() + 2 && s.substr(close) == std::string(")") + std::string(delim) + "\"") return s.substr(0, close);
    return s;  // unterminated
  }
  if (!s.empty() && s.back() == '"') s.remove_suffix(1);
  return s;
}

size_t directive_end(const std::vector<Token>& tokens, size_t i) {
  size_t j = i + 1;
  while (j < tokens.size() && tokens[j].directive && !tokens[j].line_start) ++j;
  return j;
}

}  // namespace mdbc::source
