#pragma once
// Deciding which of the places where tables were found to report: a CRC table is never
// cryptography, a table whose values lie within an overlapping larger table is that table seen
// again (the SHA-256 constants are the high halves of SHA-512's; MD5's initial values are SHA-1's
// first four), and one table found in several forms at one place is reported once.
#include <cstdint>
#include <vector>

#include "inspect/crypto_tables/tables.h"

namespace mdbc::crypto_tables {

struct Span {
  uint32_t table = 0;
  uint64_t begin = 0, end = 0;  // half-open, in whatever unit the caller uses (bytes, literals)
  bool scattered = false;       // found as scattered values rather than as one table
  uint32_t matched = 0, total = 0;  // entries found, and entries of the form searched for
};

class HitResolver {
 public:
  explicit HitResolver(const std::vector<Table>& tables);
  // Indices of the spans to report, in order of their beginning. Checksum tables are never among them.
  std::vector<size_t> keep(const std::vector<Span>& spans) const;

 private:
  const std::vector<Table>& tables_;
  std::vector<bool> within_;  // [part * n + whole]: part's values a strict subset of whole's (with halves)
};

}  // namespace mdbc::crypto_tables
