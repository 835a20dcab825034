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
  // Refs sorted by key, with a directory by the key's top bits: a key's refs lie in its bucket,
  // and nearly every literal position is no anchor and no value, which one load from the
  // directory (an empty bucket) says.
  class RefIndex {
   public:
    explicit RefIndex(std::vector<Ref> refs);
    // The refs with this key, in the order of sorting by key.
    std::span<const Ref> of(uint64_t key) const {
      // Most keys asked about are no ref's: the filter (a few bits per ref, where the directory and
      // the refs take 24 bytes a ref) says so from the cache, where the directory was a miss.
      const size_t bit = static_cast<size_t>(key >> 20) & (filter_bits_ - 1);
      if ((filter_[bit / 64] >> (bit % 64) & 1) == 0) return {};
      const size_t bucket = static_cast<size_t>(key >> shift_);
      const Ref* p = refs_.data() + first_[bucket];
      const Ref* const end = refs_.data() + first_[bucket + 1];
      while (p != end && p->key < key) ++p;
      const Ref* q = p;
      while (q != end && q->key == key) ++q;
      return {p, q};
    }
    // A ref's place in the index, to mark it once per file.
    size_t id(const Ref& r) const { return static_cast<size_t>(&r - refs_.data()); }
    size_t size() const { return refs_.size(); }

   private:
    std::vector<Ref> refs_;
    size_t filter_bits_ = 64;
    std::vector<uint64_t> filter_;  // one bit per (key >> 20) & (filter_bits_ - 1) of a ref
    unsigned shift_ = 64;
    std::vector<uint32_t> first_;  // per bucket, its first ref; one more entry closes the last
  };
  static std::vector<Ref> anchor_refs(const std::vector<ValueForm>& forms);
  static std::vector<Ref> value_refs(const std::vector<ValueForm>& forms);

  // Per element width, which values some form of that width holds, as one bit per value's hash
  // (a Bloom filter with one hash; all set where the forms hold every value, as bytes do). A
  // literal that no form holds at a width can start no anchor and be no entry there: most
  // literals of a file are small numbers, which few wide tables hold. About sixteen bits per
  // distinct value: small enough to stay in the cache (a fixed 128 KiB per width was a miss for
  // most literals), and a value it lets through by mistake is still compared with the entries.
  class WidthValues {
   public:
    WidthValues(const std::vector<ValueForm>& forms, unsigned bits);
    bool may_hold(uint64_t value) const {
      if (all_) return true;
      const uint64_t h = (value ^ (value >> 29)) * 0xBF58476D1CE4E5B9ull;
      const uint64_t bit = h >> (64 - log2_bits_);
      return (bits_[bit / 64] >> (bit % 64) & 1) != 0;
    }

   private:
    unsigned log2_bits_ = 6;
    std::vector<uint64_t> bits_;
    bool all_ = false;
  };

  const std::vector<Table>& tables_;
  std::vector<ValueForm> forms_;
  std::vector<uint32_t> nonzero_;  // per form: its values that are not zero
  std::vector<std::vector<uint32_t>> nonzero_from_;  // per form and entry: nonzero values from it on
  std::vector<std::vector<std::pair<uint64_t, uint32_t>>> positions_;  // per form: (value, index), sorted
  RefIndex anchors_;  // four consecutive values of a form
  RefIndex values_;   // each value of a distinctive form
  std::vector<WidthValues> width_values_;  // by index in the widths (8, 16, 32, 64)
  HitResolver resolver_;
};

// The value of a C, C++, Rust, Go, Java, C#, Python, Zig, Swift, Kotlin or assembler integer
// literal: prefixes 0x/0b/0o, C octal, digit separators (' and _), type suffixes (U, L, UL, ULL,
// u8, u32, usize, …) and assembler hex with an h suffix. False for anything else (floats, too large).
bool parse_integer(std::string_view text, bool c_octal, uint64_t& value);

}  // namespace mdbc::crypto_tables
