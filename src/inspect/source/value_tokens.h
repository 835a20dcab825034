#pragma once
// Token helpers shared by the three parts of FileValues: the lookups (source_values.cpp), the index
// and the bindings of names (source_bindings.cpp) and the evaluation of expressions
// (source_value_evaluation.cpp). Internal to them.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include "inspect/source/lexer.h"

namespace mdbc::source::value_tokens {

constexpr size_t max_walk = 4096;  // tokens walked back or forward within one statement

template <size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

inline bool is_opener(const Token& t) { return t.kind == TokenKind::punct && (t.is("(") || t.is("[") || t.is("{")); }
inline bool is_closer(const Token& t) { return t.kind == TokenKind::punct && (t.is(")") || t.is("]") || t.is("}")); }

// Identifiers that start an expression rather than a declaration when they precede a name.
bool is_expression_word(std::string_view word);

// The value of a character literal ('a', '\n', '\x41', '\101').
bool char_value(const Token& t, int64_t& out);

}  // namespace mdbc::source::value_tokens
