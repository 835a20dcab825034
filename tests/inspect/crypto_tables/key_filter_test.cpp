// The byte scanner's first stage: every position holding a key is a candidate, at every offset
// alignment, at the start and the end of the bytes and across the eight-byte groups, the vector
// code's sixteen-byte loads and the caller's chunks; the vector and portable code agree; padding
// and random bytes give few candidates.
#include "inspect/crypto_tables/key_filter.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <random>
#include <set>

namespace mdbc::crypto_tables {
namespace {

std::string random_bytes(size_t n, uint32_t seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen() & 0xff);
  return s;
}

struct Keys {
  std::vector<uint32_t> four;
  std::vector<uint64_t> eight;
};

// As many keys as the byte scanner has: about two thousand of each size.
const Keys& keys() {
  static const Keys k = [] {
    Keys out;
    std::mt19937_64 gen(5);
    for (int i = 0; i < 2000; ++i) out.four.push_back(static_cast<uint32_t>(gen()));
    for (int i = 0; i < 1000; ++i) out.eight.push_back(gen());
    return out;
  }();
  return k;
}

std::vector<uint64_t> all_candidates(const KeyFilter& f, std::string_view bytes, size_t chunk = SIZE_MAX) {
  std::vector<uint64_t> out;
  for (size_t begin = 0; begin < bytes.size(); begin += chunk) f.candidates(bytes, begin, begin + std::min(chunk, bytes.size() - begin), out);
  return out;
}

void put4(std::string& bytes, size_t at, uint32_t key) { std::memcpy(bytes.data() + at, &key, 4); }
void put8(std::string& bytes, size_t at, uint64_t key) { std::memcpy(bytes.data() + at, &key, 8); }

bool has(const std::vector<uint64_t>& candidates, size_t position, bool eight) {
  return std::find(candidates.begin(), candidates.end(), position << 1 | (eight ? 1 : 0)) != candidates.end();
}

TEST(KeyFilter, FindsAKeyAtEveryOffsetOfShortAndLongInputs) {
  const KeyFilter fastest(keys().four, keys().eight),
      portable(keys().four, keys().eight, KeyFilter::Code::portable);
  for (const size_t size : {size_t{4}, size_t{8}, size_t{11}, size_t{12}, size_t{15}, size_t{16}, size_t{17}, size_t{31},
                            size_t{64}, size_t{100}, size_t{127}, size_t{200}}) {
    for (size_t at = 0; at + 4 <= size; ++at) {
      std::string bytes = random_bytes(size, static_cast<uint32_t>(size * 131 + at));
      const uint32_t key = keys().four[at % keys().four.size()];
      put4(bytes, at, key);
      const auto found = all_candidates(fastest, bytes);
      EXPECT_TRUE(has(found, at, false)) << "four bytes at " << at << " of " << size;
      EXPECT_EQ(found, all_candidates(portable, bytes)) << "four bytes at " << at << " of " << size;
    }
    for (size_t at = 0; at + 8 <= size; at += 4) {
      std::string bytes = random_bytes(size, static_cast<uint32_t>(size * 137 + at));
      put8(bytes, at, keys().eight[at % keys().eight.size()]);
      const auto found = all_candidates(fastest, bytes);
      EXPECT_TRUE(has(found, at, true)) << "eight bytes at " << at << " of " << size;
      EXPECT_EQ(found, all_candidates(portable, bytes)) << "eight bytes at " << at << " of " << size;
    }
  }
}

TEST(KeyFilter, EveryKeyEverywhereInOneBufferAndAcrossChunks) {
  const KeyFilter fastest(keys().four, keys().eight),
      portable(keys().four, keys().eight, KeyFilter::Code::portable);
  std::string bytes = random_bytes(64 * 1024 + 13, 9);
  std::set<std::pair<size_t, bool>> placed;
  // Four-byte keys at every offset modulo 32, eight-byte keys at every aligned offset modulo 32,
  // spread so that they do not overlap, and one ending at the last byte.
  for (size_t at = 0, k = 0; at + 8 <= bytes.size(); at += 37, ++k) {
    if (k % 3 == 0 && at % 4 == 0) {
      put8(bytes, at, keys().eight[k % keys().eight.size()]);
      placed.insert({at, true});
    } else {
      put4(bytes, at, keys().four[k % keys().four.size()]);
      placed.insert({at, false});
    }
  }
  put4(bytes, bytes.size() - 4, keys().four[7]);
  placed.insert({bytes.size() - 4, false});

  const auto whole = all_candidates(fastest, bytes);
  for (const auto& [at, eight] : placed) EXPECT_TRUE(has(whole, at, eight)) << at << (eight ? " (eight bytes)" : "");
  EXPECT_EQ(whole, all_candidates(portable, bytes));
  for (const size_t chunk : {size_t{8}, size_t{16}, size_t{24}, size_t{72}, size_t{4096}}) {
    EXPECT_EQ(all_candidates(fastest, bytes, chunk), whole) << "chunks of " << chunk;
    EXPECT_EQ(all_candidates(portable, bytes, chunk), whole) << "chunks of " << chunk;
  }
  // In order: group by group, each group's four-byte candidates before its eight-byte ones (the
  // last few positions, which go one by one, aside).
  for (size_t i = 1; i < whole.size() && KeyFilter::position(whole[i]) + 16 <= bytes.size(); ++i) {
    const uint64_t a = KeyFilter::position(whole[i - 1]), b = KeyFilter::position(whole[i]);
    EXPECT_TRUE(a / 8 < b / 8 || (a / 8 == b / 8 && (KeyFilter::eight_bytes(whole[i]) || (!KeyFilter::eight_bytes(whole[i - 1]) && a < b))));
  }
}

TEST(KeyFilter, EightByteKeysOnlyAtAlignedPositions) {
  const KeyFilter f(keys().four, keys().eight);
  std::string bytes(64, '\0');
  put8(bytes, 21, keys().eight[3]);
  for (const uint64_t c : all_candidates(f, bytes)) EXPECT_FALSE(KeyFilter::eight_bytes(c) && KeyFilter::position(c) == 21);
}

TEST(KeyFilter, PaddingAndRandomBytesGiveFewCandidates) {
  const KeyFilter f(keys().four, keys().eight);
  EXPECT_TRUE(all_candidates(f, std::string(1 << 16, '\0')).empty());
  EXPECT_TRUE(all_candidates(f, std::string(1 << 16, '\xff')).empty());
  const std::string noise = random_bytes(1 << 20, 3);
  EXPECT_LT(all_candidates(f, noise).size(), noise.size() / 2000);
}

}  // namespace
}  // namespace mdbc::crypto_tables
