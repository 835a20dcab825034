#pragma once
// One pass over raw bytes that finds every constant table (in any of its byte forms), the scattered
// words of tables usually compiled into instructions, and a set of literal strings (version strings
// of components) at once. Every second byte position costs one probe of a small bitmap
// (key_filter.h), indexed by a hash of the bytes there: it holds the first four bytes of every
// table anchor, every scattered word and every string. Tables of mostly-zero words (bytes kept in
// 32-bit words) have no rare four-byte keys; their anchors are probed by eight bytes at 4-byte
// aligned positions. Only the rare positions that pass are looked at further.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "inspect/crypto_tables/forms.h"
#include "inspect/crypto_tables/key_filter.h"
#include "inspect/crypto_tables/tables.h"

namespace mdbc::crypto_tables {

struct TableHit {
  uint32_t table = 0;
  int64_t form = -1;       // index into ByteScanner::forms(); -1: scattered words (see `scattered`)
  uint64_t offset = 0;     // of the first byte, relative to the scanned bytes
  uint64_t end = 0;        // one past the last byte
  uint32_t matched = 0;    // entries found in place (or, scattered: distinct entries found)
  uint32_t total = 0;      // entries of the table
  bool scattered = false;  // found as words spread over code or literal pools, not as one table
};

struct NeedleHit {
  uint32_t needle = 0;  // index into the needles given to the scanner
  uint64_t offset = 0;
};

struct ScanResult {
  std::vector<TableHit> tables;
  std::vector<NeedleHit> needles;  // at most `max_hits_per_needle` per needle and scan
};

class ByteScanner {
 public:
  // `needles` must be at least 4 bytes long each.
  ByteScanner(const std::vector<Table>& tables, std::vector<std::string> needles);

  // Appends what it finds in `bytes` to `out`, with offsets relative to `bytes`.
  void scan(std::string_view bytes, ScanResult& out) const;

  const std::vector<Table>& tables() const { return tables_; }
  const std::vector<ByteForm>& forms() const { return forms_; }
  const std::vector<std::string>& needles() const { return needles_; }

  static constexpr size_t max_hits_per_needle = 64;
  // A table is found when at least this share of its entries is in place (or, scattered, present),
  // and this share of its entries that are not zero.
  static constexpr double min_share = 0.75;

 private:
  struct Anchor {
    uint64_t window;     // 8 bytes of the form, as loaded
    uint32_t form;
    uint32_t offset;     // of the window within the form's bytes
  };
  struct Word {
    uint32_t table, entry;
    bool has_follow;     // a 64-bit entry: the next 4 bytes must hold its other half
    uint32_t follow;
  };
  template <typename Key, typename Value>
  struct Lookup {  // open addressing: key -> entries [begin, end) of a sorted array
    std::vector<Key> keys;
    std::vector<uint32_t> begin, end;
    std::vector<Value> values;
    uint64_t mask = 0;
    void build(std::vector<std::pair<Key, Value>> items);
    bool find(Key key, uint32_t& b, uint32_t& e) const;
  };

  void confirm(std::string_view bytes, uint64_t base, uint32_t form, std::vector<int64_t>& tried,
               std::vector<uint64_t>& found_end, ScanResult& out) const;

  std::vector<Table> tables_;
  std::vector<ByteForm> forms_;
  std::vector<std::string> needles_;
  std::vector<uint32_t> immediate_tables_;  // tables searched as scattered words
  std::vector<uint32_t> nonzero_elements_;  // per form: its elements that are not zero
  std::optional<KeyFilter> filter_;  // the first stage: positions that may hold a key
  Lookup<uint32_t, Anchor> anchors_;          // by the anchor's first four bytes
  Lookup<uint64_t, Anchor> aligned_anchors_;  // anchors of mostly-zero words, by all eight bytes
  Lookup<uint32_t, Word> words_;
  Lookup<uint32_t, uint32_t> needle_prefixes_;
};

}  // namespace mdbc::crypto_tables
