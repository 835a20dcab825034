// CRYPTO-2 on source: implementations of cryptographic algorithms recognised by their constant
// tables, written in any integer notation, element width or byte order, split over lines or
// macros (token pasting such as `#define V(a,b,c,d) 0x##a##b##c##d` included), or spread over
// statements. CRC tables are recognised only so that they are never reported.
#include <string.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "inspect/crypto_tables/value_matcher.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

using crypto_tables::Literal;

const crypto_tables::ValueMatcher& matcher() {
  static const crypto_tables::ValueMatcher m(crypto_tables::tables());
  return m;
}

// Tables of 32-bit words whose bytes are printable text (the ChaCha/Salsa20 constants): the text,
// so that the table is also found written as a string.
struct TextConstant {
  std::string text;
  std::vector<uint64_t> words;
};

const std::vector<TextConstant>& text_constants() {
  static const std::vector<TextConstant> all = [] {
    std::vector<TextConstant> out;
    for (const auto& t : crypto_tables::tables()) {
      if (t.bits != 32 || t.purpose != crypto_tables::Purpose::cryptographic) continue;
      std::string text;
      for (uint64_t v : t.values)
        for (int i = 0; i < 4; ++i) text.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
      if (std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7f; })) out.push_back({text, t.values});
    }
    return out;
  }();
  return all;
}

// A string holding such a text: the table's words, as if written as numbers.
void push_text_constants(std::string_view text, uint32_t where, std::vector<Literal>& out) {
  for (const auto& c : text_constants())
    if (text.find(c.text) != std::string_view::npos)
      for (uint64_t w : c.words) out.push_back({w, false, where});
}

// A function-like macro that builds a number by token pasting: 0x ## a ## b ## c ## d.
struct PasteMacro {
  std::vector<std::string_view> params;
  std::vector<std::string_view> pieces;  // parameter names or literal text, concatenated in order
};

std::map<std::string_view, PasteMacro> paste_macros(std::span<const Token> t) {
  std::map<std::string_view, PasteMacro> out;
  for (size_t i = 0; i + 3 < t.size(); ++i) {
    if (!(t[i].directive && t[i].is("#") && t[i + 1].is_ident("define") && t[i + 2].kind == TokenKind::identifier))
      continue;
    const Token& name = t[i + 2];
    // Function-like only when '(' follows the name without a space.
    if (!t[i + 3].is("(") || !t[i + 3].directive || t[i + 3].text.data() != name.text.data() + name.text.size()) continue;
    PasteMacro m;
    size_t j = i + 4;
    for (; j < t.size() && t[j].directive && !t[j].line_start && !t[j].is(")"); ++j)
      if (t[j].kind == TokenKind::identifier) m.params.push_back(t[j].text);
    if (j >= t.size() || !t[j].is(")")) continue;
    bool pasting = false, valid = true, expect_piece = true;
    for (++j; j < t.size() && t[j].directive && !t[j].line_start; ++j) {
      if (t[j].is("##")) {
        valid = valid && !expect_piece;
        pasting = true;
        expect_piece = true;
      } else if (expect_piece && (t[j].kind == TokenKind::identifier || t[j].kind == TokenKind::number)) {
        m.pieces.push_back(t[j].text);
        expect_piece = false;
      } else {
        valid = false;
      }
    }
    if (pasting && valid && !expect_piece) out.emplace(name.text, std::move(m));
  }
  return out;
}

bool operand_end(const Token& t) {
  return t.kind == TokenKind::number || t.kind == TokenKind::string || t.kind == TokenKind::character ||
         t.is(")") || t.is("]") || (t.kind == TokenKind::identifier && !t.is("return") && !t.is("case"));
}

// The integer literals of a C-family file in order, with their token index.
std::vector<Literal> c_literals(std::string_view text, std::span<const Token> t) {
  // A pasting macro needs a "##" token, which most files never hold.
  const auto macros = text.find("##") == std::string_view::npos ? std::map<std::string_view, PasteMacro>() : paste_macros(t);
  std::vector<Literal> out;
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& tok = t[i];
    if (tok.kind == TokenKind::number) {
      uint64_t v = 0;
      if (!crypto_tables::parse_integer(tok.spliced ? std::string_view(spelling(tok)) : tok.text, true, v)) continue;
      // A unary minus: '-' not preceded by an operand (or preceded by the name a #define defines).
      bool negative = false;
      if (i >= 2 && t[i - 1].is("-"))
        negative = !operand_end(t[i - 2]) || (i >= 3 && t[i - 3].is_ident("define") && t[i - 2].directive);
      else if (i == 1 && t[0].is("-"))
        negative = true;
      out.push_back({v, negative, static_cast<uint32_t>(i)});
    } else if (tok.kind == TokenKind::identifier && !macros.empty() && i + 1 < t.size() && t[i + 1].is("(")) {
      const auto m = macros.find(tok.text);
      if (m == macros.end() || (tok.directive && i >= 1 && t[i - 1].is_ident("define"))) continue;
      std::vector<std::string_view> args;
      size_t j = i + 2;
      bool single_tokens = true;
      for (; j < t.size() && !t[j].is(")") && j < i + 2 + 4 * m->second.params.size() + 2; ++j) {
        if (t[j].is(",")) continue;
        single_tokens = single_tokens && (t[j].kind == TokenKind::number || t[j].kind == TokenKind::identifier);
        args.push_back(t[j].text);
      }
      if (j >= t.size() || !t[j].is(")") || !single_tokens || args.size() != m->second.params.size()) continue;
      std::string pasted;
      for (std::string_view piece : m->second.pieces) {
        const auto p = std::find(m->second.params.begin(), m->second.params.end(), piece);
        pasted += p == m->second.params.end() ? piece : args[static_cast<size_t>(p - m->second.params.begin())];
      }
      uint64_t v = 0;
      if (crypto_tables::parse_integer(pasted, true, v)) {
        out.push_back({v, false, static_cast<uint32_t>(i)});
        i = j;
      }
    } else if (tok.kind == TokenKind::string) {
      size_t j = i + 1;  // adjacent literals are one string
      while (j < t.size() && t[j].kind == TokenKind::string) ++j;
      if (j == i + 1) {
        push_text_constants(string_body(tok), static_cast<uint32_t>(i), out);
      } else {
        std::string text;
        for (size_t k = i; k < j; ++k) text += string_body(t[k]);
        push_text_constants(text, static_cast<uint32_t>(i), out);
      }
      i = j - 1;
    }
  }
  return out;
}

bool ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// The integer literals of a file in another language (Rust, Go, Java, assembler, ...), with their
// byte offset: numbers that do not continue an identifier.
std::vector<Literal> other_literals(std::string_view s, Language language) {
  std::vector<Literal> out;
  const bool c_octal = language == Language::go || language == Language::java;
  // Where the text constants are written, (offset, index in text_constants()) in the order of the
  // walk below: found by memmem over the whole text rather than compared at every byte. One at an
  // offset the walk steps over (inside a number) does not count.
  const auto& constants = text_constants();
  std::vector<std::pair<size_t, size_t>> written;
  for (size_t c = 0; c < constants.size(); ++c) {
    const std::string& text = constants[c].text;
    for (size_t from = 0; from + text.size() <= s.size();) {
      const void* at = memmem(s.data() + from, s.size() - from, text.data(), text.size());
      if (at == nullptr) break;
      const auto offset = static_cast<size_t>(static_cast<const char*>(at) - s.data());
      written.emplace_back(offset, c);
      from = offset + 1;
    }
  }
  std::sort(written.begin(), written.end());
  size_t next_written = 0;
  for (size_t i = 0; i < s.size();) {
    if (!std::isdigit(static_cast<unsigned char>(s[i])) || (i > 0 && (ident_char(s[i - 1]) || s[i - 1] == '.'))) {
      while (next_written < written.size() && written[next_written].first < i) ++next_written;
      for (; next_written < written.size() && written[next_written].first == i; ++next_written)
        push_text_constants(constants[written[next_written].second].text, static_cast<uint32_t>(i), out);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && (ident_char(s[j]) || s[j] == '\'')) ++j;
    uint64_t v = 0;
    if ((j >= s.size() || s[j] != '.') && crypto_tables::parse_integer(s.substr(i, j - i), c_octal, v)) {
      size_t k = i;
      while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t')) --k;
      bool negative = false;
      if (k > 0 && s[k - 1] == '-') {
        size_t m = k - 1;
        while (m > 0 && std::isspace(static_cast<unsigned char>(s[m - 1]))) --m;
        negative = m == 0 || std::string_view(",{([=").find(s[m - 1]) != std::string_view::npos;
      }
      out.push_back({v, negative, static_cast<uint32_t>(i)});
    }
    i = j;
  }
  return out;
}

std::string describe(const crypto_tables::ValueHit& hit) {
  const auto& table = crypto_tables::tables()[hit.table];
  const auto& form = matcher().forms()[hit.form];
  std::string s = table.label() + " (" + table.standard + ")";
  if (hit.scattered)
    s += ": " + std::to_string(hit.matched) + " of its " + std::to_string(hit.total) + " values written here and in the lines that follow";
  else
    s += " written out here as " + form.layout + " (" + std::to_string(hit.matched) + " of " + std::to_string(hit.total) + " entries)";
  return s;
}

class CryptoTablesRule final : public SourceRule {
 public:
  RuleFamily family() const override { return {"crypto-tables", InputKind::source, {"CRYPTO-2/crypto-table"}}; }

  bool wants(Language language) const override { return is_program_source(language); }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    const bool c_family = is_c_family(file.language);
    const std::vector<Literal> literals = c_family ? c_literals(file.input.bytes, file.tokens) : other_literals(file.input.bytes, file.language);
    if (literals.size() < 4) return;
    for (const auto& hit : matcher().match(literals)) {
      const auto& table = crypto_tables::tables()[hit.table];
      std::string message = describe(hit) + ": an own implementation of " + table.algorithm;
      if (!file.input.component.empty())
        message += ", inside " + file.input.component + " (a recognised third-party component, reported under it)";
      else
        message += "; use a vetted library (OpenSSL EVP, mbedTLS PSA, wolfSSL or the platform's validated module), or "
                   "have an expert review it and record the review in a variance naming the reviewer";
      const uint32_t where = literals[hit.first].where;
      if (c_family) {
        out.push_back(file.at(file.tokens[where], "CRYPTO-2/crypto-table", std::move(message), Severity::error));
      } else {
        const std::string_view s = file.input.bytes;
        uint32_t line = 1;
        size_t line_begin = 0;
        for (size_t i = 0; i < where && i < s.size(); ++i)
          if (s[i] == '\n') ++line, line_begin = i + 1;
        out.push_back(file.at_line(line, static_cast<uint32_t>(where - line_begin + 1), "CRYPTO-2/crypto-table",
                                   std::move(message), Severity::error));
      }
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(CryptoTablesRule)

}  // namespace mdbc::source
