#pragma once
// The first stage of the byte scanner: the positions of raw bytes that may hold one of a set of
// four-byte keys (at any position) or eight-byte keys (at 4-byte aligned positions), found with
// one probe per position of a bitmap that stays in the first-level cache. Each key set has two
// bitmaps indexed by independent multiplicative hashes: the first is probed everywhere, eight
// positions per branch; the second only where the first passes. In random bytes about one
// position in five thousand passes both; the scanner looks only there.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace mdbc::crypto_tables {

class KeyFilter {
 public:
  KeyFilter(std::span<const uint32_t> keys4, std::span<const uint64_t> keys8);

  // A candidate: `position << 1`, plus 1 for an eight-byte key.
  static uint64_t position(uint64_t candidate) { return candidate >> 1; }
  static bool eight_bytes(uint64_t candidate) { return candidate & 1; }

  // Appends the candidates in bytes[begin, end) to `out`, as positions in `bytes`: positions p with
  // p + 4 <= bytes.size() whose four bytes may be a four-byte key, and 4-byte aligned positions p
  // with p + 8 <= bytes.size() whose eight bytes may be an eight-byte key. They come in groups of
  // eight positions, each group's four-byte candidates first; `begin` must be a multiple of 8.
  // Every position holding a key is a candidate.
  void candidates(std::string_view bytes, size_t begin, size_t end, std::vector<uint64_t>& out) const;

  // A bitmap of 2^log2_bits bits, one set for each key's hash.
  template <typename Key>
  struct Bitmap {
    std::vector<uint64_t> bits;
    Key multiplier = 0;
    unsigned shift = 0;  // bits of Key - log2_bits

    Bitmap(unsigned log2_bits, Key m)
        : bits((size_t{1} << log2_bits) / 64), multiplier(m), shift(sizeof(Key) * 8 - log2_bits) {}
    Key slot(Key key) const { return static_cast<Key>(key * multiplier) >> shift; }
    bool has(Key key) const {
      const Key s = slot(key);
      return (bits[s >> 6] >> (s & 63)) & 1;
    }
    void add(Key key) {
      const Key s = slot(key);
      bits[s >> 6] |= uint64_t{1} << (s & 63);
    }
  };

 private:
  // Appends the candidates among the eight positions from `at` (a multiple of 8); only positions
  // before `end` count.
  void group(const uint8_t* p, size_t size, size_t at, size_t end, std::vector<uint64_t>& out) const;

  Bitmap<uint32_t> first4_, second4_;
  Bitmap<uint64_t> first8_, second8_;
};

}  // namespace mdbc::crypto_tables
