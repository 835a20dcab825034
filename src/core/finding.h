#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/severity.h"

namespace mdbc {

// One piece of evidence against an element, at a place in an input.
struct Finding {
  std::string rule;  // "<element>/<name>", documented in code/
  std::string path;  // as shown to the user (relative to the inspected root where possible)
  uint32_t line = 0;    // 1-based; 0 when the finding concerns a whole file or a binary offset
  uint32_t column = 0;  // 1-based; 0 when unknown
  uint64_t offset = 0;  // byte offset in a binary input (when line == 0)
  std::string message;  // what is wrong and what to do instead
  std::string evidence; // the offending source line or bytes, trimmed
  Severity severity = Severity::error;
  std::string component;    // non-empty: inside a recognised third-party component
  std::string fingerprint;  // stable across unrelated edits; set by assign_fingerprints()
  int variance = -1;        // index of the variance that waives it, or -1

  std::string element() const;  // the rule id up to '/'
};

// Deterministic order: path, line, column, offset, rule, message.
bool operator<(const Finding& a, const Finding& b);

// Fingerprints hash the rule, the path and the whitespace-folded evidence, plus an occurrence
// index among identical triples: line shifts elsewhere in the file do not change them.
// Expects findings in deterministic order (sorted by operator<, path first). The findings of one
// path depend on no others: a run may be split at path boundaries and the parts done apart.
void assign_fingerprints(std::span<Finding> findings);

}  // namespace mdbc
