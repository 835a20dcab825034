// Finding tables in sequences of integer literals: every cryptographic table in every value form,
// signed spellings, partial tables, values spread over statements; CRC tables and ordinary data
// silent. Also the integer-literal parser of every notation the source stage reads.
#include "inspect/crypto_tables/value_matcher.h"

#include <gtest/gtest.h>

#include <random>

namespace mdbc::crypto_tables {
namespace {

const ValueMatcher& matcher() {
  static const ValueMatcher m(tables());
  return m;
}

std::vector<Literal> literals(const std::vector<uint64_t>& values) {
  std::vector<Literal> out;
  for (uint64_t v : values) out.push_back({v, false, static_cast<uint32_t>(out.size())});
  return out;
}

std::vector<uint64_t> noise(size_t n, uint32_t seed, uint64_t limit) {
  std::mt19937_64 gen(seed);
  std::vector<uint64_t> out;
  for (size_t i = 0; i < n; ++i) out.push_back(gen() % limit);
  return out;
}

std::string labels(const std::vector<ValueHit>& hits) {
  std::string s;
  for (const auto& h : hits)
    s += tables()[h.table].label() + " as " + matcher().forms()[h.form].layout + " @" + std::to_string(h.first) + "; ";
  return s;
}

TEST(ValueMatcher, FindsEveryCryptographicTableInEveryForm) {
  size_t checked = 0;
  for (const auto& f : matcher().forms()) {
    const Table& t = tables()[f.table];
    if (t.purpose != Purpose::cryptographic) continue;
    std::vector<uint64_t> seq = {100000, 70000, 99999, 65537};  // other numbers around it, in no table
    seq.insert(seq.end(), f.values.begin(), f.values.end());
    seq.insert(seq.end(), {0, 4, 8});
    const auto hits = matcher().match(literals(seq));
    ASSERT_EQ(hits.size(), 1u) << t.label() << " as " << f.layout << ": " << labels(hits);
    EXPECT_EQ(hits[0].table, f.table) << labels(hits);
    EXPECT_EQ(hits[0].first, 4u) << labels(hits);
    ++checked;
  }
  EXPECT_GT(checked, 150u);
}

TEST(ValueMatcher, SignedSpellings) {
  // int8_t sbox[] = {99, 124, 119, 123, -14, ...}; int32_t K[] = {1116352408, 1899447441, -1245643825, ...}
  for (const auto& [algorithm, name, bits] : {std::tuple{"AES", "S-box", 8u}, std::tuple{"SHA-224/SHA-256", "round constants K", 32u},
                                              std::tuple{"SHA-384/SHA-512", "round constants K", 64u}}) {
    std::vector<Literal> seq;
    for (const auto& t : tables())
      if (t.algorithm == algorithm && t.name == name)
        for (uint64_t v : t.values) {
          const bool high = (v >> (bits - 1)) & 1;
          const uint64_t magnitude = high ? (bits == 64 ? 0 - v : (uint64_t{1} << bits) - v) : v;
          seq.push_back({magnitude, high, static_cast<uint32_t>(seq.size())});
        }
    ASSERT_FALSE(seq.empty());
    const auto hits = matcher().match(seq);
    ASSERT_EQ(hits.size(), 1u) << name << ": " << labels(hits);
    EXPECT_EQ(tables()[hits[0].table].name, name);
  }
}

const Table& table(std::string_view algorithm, std::string_view name) {
  for (const auto& t : tables())
    if (t.algorithm == algorithm && t.name == name) return t;
  throw std::logic_error("no table");
}

TEST(ValueMatcher, PartialTables) {
  const auto& sbox = table("AES", "S-box").values;
  auto changed = sbox;  // every fifth entry changed: 80 %
  for (size_t i = 0; i < changed.size(); i += 5) changed[i] = (changed[i] + 1) & 0xff;
  EXPECT_EQ(matcher().match(literals(changed)).size(), 1u);
  auto dropped = sbox;  // a block of 50 entries left out: 80 %
  dropped.erase(dropped.begin() + 100, dropped.begin() + 150);
  EXPECT_EQ(matcher().match(literals(dropped)).size(), 1u);
  auto block = sbox;  // 40 other literals in the middle: found whole past them
  for (uint64_t k = 0; k < 40; ++k) block.insert(block.begin() + 100, 1000 + k);
  const auto block_hits = matcher().match(literals(block));
  ASSERT_EQ(block_hits.size(), 1u);
  EXPECT_EQ(block_hits[0].matched, 256u);
  EXPECT_EQ(block_hits[0].last, block.size() - 1);
  const auto dropped_hits = matcher().match(literals(dropped));
  ASSERT_EQ(dropped_hits.size(), 1u);
  EXPECT_EQ(dropped_hits[0].matched, 206u);
  auto extra = sbox;  // a stray literal every 32 entries (a comment-less row number)
  for (size_t i = 224; i > 0; i -= 32) extra.insert(extra.begin() + static_cast<ptrdiff_t>(i), i / 16);
  EXPECT_EQ(matcher().match(literals(extra)).size(), 1u);
  auto half = sbox;
  for (size_t i = 0; i < half.size(); i += 2) half[i] = (half[i] * 7 + 3) & 0xff;
  EXPECT_TRUE(matcher().match(literals(half)).empty()) << labels(matcher().match(literals(half)));
  const std::vector<uint64_t> first_half(sbox.begin(), sbox.begin() + 128);
  EXPECT_TRUE(matcher().match(literals(first_half)).empty());
}

TEST(ValueMatcher, ValuesSpreadOverStatements) {
  // x[0] = 0x67452301; x[1] = 0xefcdab89; ... and RFC 1321's FF (a, b, c, d, x[ 0], S11, 0xd76aa478);
  for (const auto* t : {&table("SHA-1", "initial hash value"), &table("MD5", "sine table T"), &table("SHA-1", "round constants K"),
                        &table("SHA-256", "initial hash value"), &table("ChaCha/Salsa20", "sigma constant (32-byte keys)")}) {
    std::vector<uint64_t> seq;
    for (size_t i = 0; i < t->values.size(); ++i) seq.insert(seq.end(), {i % 16, t->values[i]});
    const auto hits = matcher().match(literals(seq));
    ASSERT_EQ(hits.size(), 1u) << t->label() << ": " << labels(hits);
    EXPECT_EQ(&tables()[hits[0].table], t) << labels(hits);
    EXPECT_TRUE(hits[0].scattered);
  }
}

TEST(ValueMatcher, LongInsertionsRepeatedValuesAndMostlyZeroTables) {
  // 60 other literals in the middle, some of them equal to the entry that follows them (the
  // search far ahead takes the first place where two entries follow in a row).
  const auto& sbox = table("AES", "S-box").values;
  auto block = sbox;
  for (uint64_t k = 0; k < 60; ++k) block.insert(block.begin() + 100, k % 7 == 0 ? sbox[100] : 1000 + k);
  const auto hits = matcher().match(literals(block));
  ASSERT_EQ(hits.size(), 1u) << labels(hits);
  EXPECT_EQ(hits[0].matched, 256u);
  EXPECT_EQ(hits[0].last, block.size() - 1);
  // Scattered values among many repeats of a few common ones (counted once per file).
  std::vector<uint64_t> scattered;
  for (int k = 0; k < 200; ++k) scattered.insert(scattered.end(), {0, 1, 0xffffffff});
  for (uint64_t v : table("SHA-256", "initial hash value").values) scattered.insert(scattered.end(), {0, v});
  for (int k = 0; k < 200; ++k) scattered.insert(scattered.end(), {0, 1, 0xffffffff});
  const auto scattered_hits = matcher().match(literals(scattered));
  ASSERT_EQ(scattered_hits.size(), 1u) << labels(scattered_hits);
  EXPECT_TRUE(scattered_hits[0].scattered);
  // Keccak's round constants as bytes are mostly zero: zeros alone, with a few of its other bytes,
  // are not the table (an alignment gives up once its nonzero bytes cannot be found).
  const auto& rc = table("Keccak/SHA-3", "round constants RC").values;
  std::vector<uint64_t> zeros(2000, 0);
  for (size_t k = 0; k < 16; ++k) zeros[k * 100 + 7] = (rc[k] >> 56) & 0xff;
  zeros.insert(zeros.begin() + 1000, {0, 0, 0x80, 0x8a});
  EXPECT_TRUE(matcher().match(literals(zeros)).empty()) << labels(matcher().match(literals(zeros)));
}

TEST(ValueMatcher, SubsetTablesAreReportedOnce) {
  // SHA-512's constants as 32-bit halves contain SHA-256's; SHA-1's initial values contain MD5's.
  std::vector<uint64_t> halves;
  for (uint64_t v : table("SHA-384/SHA-512", "round constants K").values) halves.insert(halves.end(), {v >> 32, v & 0xffffffff});
  auto hits = matcher().match(literals(halves));
  ASSERT_EQ(hits.size(), 1u) << labels(hits);
  EXPECT_EQ(tables()[hits[0].table].algorithm, "SHA-384/SHA-512");
  hits = matcher().match(literals(table("SHA-1", "initial hash value").values));
  ASSERT_EQ(hits.size(), 1u) << labels(hits);
  EXPECT_EQ(tables()[hits[0].table].algorithm, "SHA-1");
  // Both SHA-256 and SHA-512 in one file (sha2.c): two separate tables.
  std::vector<uint64_t> both = table("SHA-224/SHA-256", "round constants K").values;
  both.push_back(64);
  both.insert(both.end(), table("SHA-384/SHA-512", "round constants K").values.begin(), table("SHA-384/SHA-512", "round constants K").values.end());
  EXPECT_EQ(matcher().match(literals(both)).size(), 2u) << labels(matcher().match(literals(both)));
}

TEST(ValueMatcher, CrcTablesAndOrdinaryDataAreSilent) {
  for (const auto& f : matcher().forms()) {
    if (tables()[f.table].purpose != Purpose::checksum) continue;
    EXPECT_TRUE(matcher().match(literals(f.values)).empty()) << tables()[f.table].label() << " as " << f.layout;
  }
  for (uint64_t limit : {2ull, 16ull, 64ull, 256ull, 65536ull, ~0ull}) {
    const auto hits = matcher().match(literals(noise(20000, static_cast<uint32_t>(limit), limit)));
    EXPECT_TRUE(hits.empty()) << "random values below " << limit << ": " << labels(hits);
  }
  std::vector<uint64_t> counting, squares;
  for (uint64_t i = 0; i < 512; ++i) counting.push_back(i), squares.push_back(i * i);
  EXPECT_TRUE(matcher().match(literals(counting)).empty());
  EXPECT_TRUE(matcher().match(literals(squares)).empty());
}

TEST(ParseInteger, Notations) {
  uint64_t v = 0;
  const std::pair<const char*, uint64_t> good[] = {
      {"0x63", 0x63},        {"0X7C", 0x7c},       {"0x428a2f98U", 0x428a2f98}, {"0x428a2f98d728ae22ULL", 0x428a2f98d728ae22ull},
      {"99", 99},            {"0143", 99},         {"0b1100011", 99},           {"1'000'000", 1000000},
      {"0x63u8", 0x63},      {"0x428a_2f98_u32", 0x428a2f98},                   {"0o143", 99},
      {"0D76AA478h", 0xd76aa478}, {"255UL", 255},  {"0xFFFFFFFFFFFFFFFF", ~0ull}, {"0", 0},
  };
  for (const auto& [text, value] : good) {
    EXPECT_TRUE(parse_integer(text, true, v)) << text;
    EXPECT_EQ(v, value) << text;
  }
  EXPECT_TRUE(parse_integer("0143", false, v));
  EXPECT_EQ(v, 143u) << "no C octal outside C";
  for (const char* bad : {"1.5", "1e5", "0x1p3", "0x", "0x10000000000000000", "12abc", "", "0b102", "08"})
    EXPECT_FALSE(parse_integer(bad, true, v)) << bad;
}

}  // namespace
}  // namespace mdbc::crypto_tables
