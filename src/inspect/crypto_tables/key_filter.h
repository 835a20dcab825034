#pragma once
// The first stage of the byte scanner: the positions of raw bytes that may hold one of a set of
// four-byte keys (at any position) or eight-byte keys (at 4-byte aligned positions), found with
// one probe per position of a bitmap that stays in the first-level cache. Each key set has two
// bitmaps indexed by independent multiplicative hashes: the first is probed everywhere, eight
// positions per branch; the second only where the first passes. In random bytes about one
// position in fifty thousand passes both; the scanner looks only there.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace mdbc::crypto_tables {

class KeyFilter {
 public:
  // The code that probes the first level: the fastest the processor runs (AVX2 gathers where
  // there are), or the portable loop, which finds the same candidates.
  enum class Code { fastest, portable };
  KeyFilter(std::span<const uint32_t> keys4, std::span<const uint64_t> keys8, Code code = Code::fastest);

  // A candidate: `position << 1`, plus 1 for an eight-byte key.
  static uint64_t position(uint64_t candidate) { return candidate >> 1; }
  static bool eight_bytes(uint64_t candidate) { return candidate & 1; }

  // Appends the candidates in bytes[begin, end) to `out`, as positions in `bytes`: positions p with
  // p + 4 <= bytes.size() whose four bytes may be a four-byte key, and 4-byte aligned positions p
  // with p + 8 <= bytes.size() whose eight bytes may be an eight-byte key. They come in groups of
  // eight positions, each group's four-byte candidates first; `begin` must be a multiple of 8.
  // Every position holding a key is a candidate.
  void candidates(std::string_view bytes, size_t begin, size_t end, std::vector<uint64_t>& out) const;

  // A Bloom filter of 2^log2_words 32-bit words: each key sets two bits in one word, both chosen by
  // the top bits of its multiplicative hash, so that a probe reads one word.
  template <typename Key, unsigned log2_words>
  struct Bitmap {
    static constexpr unsigned shift = sizeof(Key) * 8 - log2_words;  // of the hash, to its word
    std::vector<uint32_t> words = std::vector<uint32_t>(size_t{1} << log2_words);
    Key multiplier = 0;

    static uint32_t word_of(Key hash) { return static_cast<uint32_t>(hash >> shift); }
    static uint32_t bits_of(Key hash) {
      return uint32_t{1} << (hash >> (shift - 5) & 31) | uint32_t{1} << (hash >> (shift - 10) & 31);
    }
    bool has(Key key) const {
      const Key hash = static_cast<Key>(key * multiplier);
      const uint32_t bits = bits_of(hash);
      return (words[word_of(hash)] & bits) == bits;
    }
    void add(Key key) {
      const Key hash = static_cast<Key>(key * multiplier);
      words[word_of(hash)] |= bits_of(hash);
    }
  };

  using First4 = Bitmap<uint32_t, 12>;  // 16 KiB: of random positions, about 0.2 % pass
  using First8 = Bitmap<uint64_t, 11>;  //  8 KiB, probed at every fourth position

 private:
  // Appends the candidates among the eight positions from `at` (a multiple of 8); only positions
  // before `end` count.
  void group(const uint8_t* p, size_t size, size_t at, size_t end, std::vector<uint64_t>& out) const;

  First4 first4_;
  Bitmap<uint32_t, 11> second4_;  // 8 KiB: of what the first lets through, about 1 % passes
  First8 first8_;
  Bitmap<uint64_t, 11> second8_;
  Code code_;
};

}  // namespace mdbc::crypto_tables
