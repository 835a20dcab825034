#pragma once
// The first stage of the byte scanner: the positions of raw bytes that may hold one of a set of
// four-byte keys (at any position) or eight-byte keys (at 4-byte aligned positions), found with
// bitmaps that stay in the processor's caches. Each key set has two bitmaps: the first is probed
// everywhere, thirty-two bytes per branch; the second, indexed by an independent hash of the whole
// key, only where the first passes. In random bytes about one position in fifty thousand passes
// both; the scanner looks only there.
//
// The first level probes four-byte keys at even positions only, by the three bytes after each: a
// key at an even position p has its last three bytes there, one at p + 1 its first three. Half
// the probes of one per position, each over a key set twice as large (both three-byte parts of
// every key), which the bitmap holds with few more false candidates. Eight-byte keys are folded
// to 32 bits there, so that both kinds of key are hashed by 32-bit multiplications, eight at once
// in vector registers.
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

  // A Bloom filter of 2^log2_words 32-bit words over hashes of keys: each key sets two bits in one
  // word, all three chosen by the top bits of its hash, so that a probe reads one word.
  template <typename Hash, unsigned log2_words>
  struct Bitmap {
    static constexpr unsigned shift = sizeof(Hash) * 8 - log2_words;  // of the hash, to its word
    std::vector<uint32_t> words = std::vector<uint32_t>(size_t{1} << log2_words);

    static uint32_t word_of(Hash hash) { return static_cast<uint32_t>(hash >> shift); }
    static uint32_t bits_of(Hash hash) {
      return uint32_t{1} << (hash >> (shift - 5) & 31) | uint32_t{1} << (hash >> (shift - 10) & 31);
    }
    bool has(Hash hash) const {
      const uint32_t bits = bits_of(hash);
      return (words[word_of(hash)] & bits) == bits;
    }
    void add(Hash hash) { words[word_of(hash)] |= bits_of(hash); }
  };

  // The first level's hashes, which the vector code computes lane by lane.
  struct FirstHashes {
    uint32_t multiplier3 = 0;       // of a three-byte part (see three_bytes)
    uint32_t low8 = 0, high8 = 0;   // of the two 32-bit halves of an eight-byte window
    uint32_t of_three(uint32_t three) const { return three * multiplier3; }
    uint32_t of_eight(uint32_t low, uint32_t high) const { return low * low8 + high * high8; }
  };
  // The four bytes at p, the first of them cleared: the probe at an even position p.
  static uint32_t three_bytes(const uint8_t* p);

  // 64 KiB, in the second-level cache: false passes cost more than its cache misses (against
  // 16 KiB, 2.0 -> 2.4 GB/s on an x86-64 ELF file, 1.4 -> 1.7 on Thumb code).
  using First3 = Bitmap<uint32_t, 14>;
  using First8 = Bitmap<uint32_t, 11>;  // 8 KiB, probed at every fourth position

  // The probes of the first level that passed among those of consecutive groups from a position:
  // bit j of `threes` for the even position 2j after it, bit j of `eights` for the aligned
  // position 4j after it.
  struct Passed {
    uint32_t threes = 0;
    uint32_t eights = 0;
  };

 private:
  // Appends the candidates among the groups from `at` (a multiple of 8) whose first-level probes
  // passed; only positions before `end` count.
  void emit(const uint8_t* p, size_t size, size_t at, size_t end, Passed passed, std::vector<uint64_t>& out) const;
  bool second_level4(const uint8_t* p, size_t q) const;
  bool second_level8(const uint8_t* p, size_t q) const;

  FirstHashes hashes_;
  First3 first3_;
  Bitmap<uint32_t, 11> second4_;  // 8 KiB: of what the first lets through, about 1 % passes
  First8 first8_;
  Bitmap<uint64_t, 11> second8_;
  Code code_;
};

}  // namespace mdbc::crypto_tables
