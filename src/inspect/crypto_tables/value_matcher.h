#pragma once
// Finds constant tables in the sequence of integer literals of a source file, however they are
// written: any notation, element width or byte order (the forms of forms.h), split across lines
// or macros, with some entries changed or missing, or spread over statements (x[0] = 0x67452301;).
#include <cstdint>
#include <span>
#include <vector>

#include "inspect/crypto_tables/forms.h"
#include "inspect/crypto_tables/resolve.h"
#include "inspect/crypto_tables/tables.h"

namespace mdbc::crypto_tables {

// An integer literal of the source, with its sign when written with a unary minus.
struct Literal {
  uint64_t magnitude = 0;
  bool negative = false;
  uint32_t where = 0;  // the caller's reference: a token index or byte offset
};

struct ValueHit {
  uint32_t table = 0;
  uint32_t form = 0;       // index into ValueMatcher::forms()
  size_t first = 0, last = 0;  // indices into the literals: the first and last entry found
  uint32_t matched = 0, total = 0;
  bool scattered = false;  // the table's values found together but not as one list
};

class ValueMatcher {
 public:
  explicit ValueMatcher(const std::vector<Table>& tables);
  // Cryptographic tables found, resolved (no checksum tables, each table once per place), in order.
  std::vector<ValueHit> match(std::span<const Literal> literals) const;

  const std::vector<Table>& tables() const { return tables_; }
  const std::vector<ValueForm>& forms() const { return forms_; }

 private:
  struct Ref {
    uint64_t key;
    uint32_t form, index;
  };
  // One bit per key hash: nearly every literal position is no anchor and no value, and one load
  // from this says so before a binary search over the sorted keys.
  class KeyFilter {
   public:
    void add(uint64_t key) { bits_[slot(key) / 64] |= uint64_t{1} << (slot(key) % 64); }
    bool may_hold(uint64_t key) const { return (bits_[slot(key) / 64] >> (slot(key) % 64)) & 1; }

   private:
    static constexpr unsigned log2_bits = 21;
    static size_t slot(uint64_t key) { return static_cast<size_t>(key >> (64 - log2_bits)); }
    std::vector<uint64_t> bits_ = std::vector<uint64_t>((size_t{1} << log2_bits) / 64);
  };
  const std::vector<Table>& tables_;
  std::vector<ValueForm> forms_;
  std::vector<Ref> anchors_;  // sorted by key: four consecutive values of a form
  std::vector<Ref> values_;   // sorted by key: each value of a distinctive form
  std::vector<uint32_t> nonzero_;  // per form: its values that are not zero
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> positions_;  // per form: (value, index), sorted
  KeyFilter anchor_filter_, value_filter_;
  HitResolver resolver_;
};

// The value of a C, C++, Rust, Go, Java, C#, Python, Zig, Swift, Kotlin or assembler integer
// literal: prefixes 0x/0b/0o, C octal, digit separators (' and _), type suffixes (U, L, UL, ULL,
// u8, u32, usize, …) and assembler hex with an h suffix. False for anything else (floats, too large).
bool parse_integer(std::string_view text, bool c_octal, uint64_t& value);

}  // namespace mdbc::crypto_tables
