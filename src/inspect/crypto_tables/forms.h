#pragma once
// The ways a constant table appears: as bytes in memory (binary stage) and as a sequence of integer
// literals in source (source stage). One table has several forms: byte orders, element widths,
// and the variants its algorithm is known to be written in.
#include <cstdint>
#include <string>
#include <vector>

#include "inspect/crypto_tables/tables.h"

namespace mdbc::crypto_tables {

// A table as it lies in memory: `bytes` is the whole table, compared element by element.
struct ByteForm {
  uint32_t table = 0;         // index into tables()
  std::string layout;         // "32-bit words, big-endian"
  unsigned element_bytes = 1; // 1, 2, 4 or 8
  std::string bytes;

  size_t elements() const { return bytes.size() / element_bytes; }
};

// A table as a sequence of integer literals, each compared in `bits` bits (so that -14 written for
// a signed byte equals 0xf2).
struct ValueForm {
  uint32_t table = 0;
  std::string layout;  // "bytes, most significant first"
  unsigned bits = 8;
  std::vector<uint64_t> values;
  // Most values are wide and irregular: seen together in any order, they identify the table even
  // when each is written as its own statement (x[0] = 0x67452301; ...) rather than a list.
  bool distinctive = false;
};

std::vector<ByteForm> byte_forms(const std::vector<Table>& tables);
std::vector<ValueForm> value_forms(const std::vector<Table>& tables);

}  // namespace mdbc::crypto_tables
