// The one-pass byte scanner: every cryptographic table in every byte form is found at its offset
// inside random bytes, partial tables are found down to 75 %, scattered round constants are found
// as code holds them, and CRC tables and random data are silent.
#include "inspect/crypto_tables/byte_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "inspect/crypto_tables/resolve.h"

namespace mdbc::crypto_tables {
namespace {

const ByteScanner& scanner() {
  static const ByteScanner s(tables(), {"OpenSSL ", "mbed TLS "});
  return s;
}

std::string random_bytes(size_t n, uint32_t seed) {
  std::mt19937 gen(seed);
  std::string s(n, '\0');
  for (auto& c : s) c = static_cast<char>(gen() & 0xff);
  return s;
}

// The resolved hits (crypto only, each table once per place), as the binary rule reports them.
std::vector<TableHit> resolved(std::string_view bytes) {
  ScanResult r;
  scanner().scan(bytes, r);
  std::vector<Span> spans;
  for (const auto& h : r.tables) spans.push_back({h.table, h.offset, h.end, h.scattered, h.matched, h.total});
  static const HitResolver resolver(tables());
  std::vector<TableHit> out;
  for (size_t i : resolver.keep(spans)) out.push_back(r.tables[i]);
  return out;
}

std::string labels(const std::vector<TableHit>& hits) {
  std::string s;
  for (const auto& h : hits) s += tables()[h.table].label() + " @" + std::to_string(h.offset) + (h.scattered ? " (scattered)" : "") + "; ";
  return s;
}

// Whether a form has a four-byte window with at most one zero byte: then it is found at any
// alignment; forms of mostly-zero words (bytes kept in 32-bit words) are found where compilers
// put arrays of words, at 4-byte aligned positions.
bool has_rare_key(const ByteForm& form) {
  for (size_t i = 0; i + 4 <= form.bytes.size(); ++i)
    if (std::count(form.bytes.begin() + static_cast<ptrdiff_t>(i), form.bytes.begin() + static_cast<ptrdiff_t>(i + 4), '\0') <= 1)
      return true;
  return false;
}

TEST(ByteScanner, FindsEveryCryptographicTableInEveryForm) {
  size_t checked = 0, unaligned = 0;
  for (const auto& form : scanner().forms()) {
    const Table& t = tables()[form.table];
    if (t.purpose != Purpose::cryptographic) continue;
    for (const size_t at : {size_t{1008}, size_t{1001}}) {
      if (at % 4 != 0 && !has_rare_key(form)) continue;
      std::string bytes = random_bytes(4096, form.table * 31 + static_cast<uint32_t>(form.bytes.size()));
      bytes.insert(at, form.bytes);
      const auto hits = resolved(bytes);
      bool found = false;
      for (const auto& h : hits) found = found || (h.table == form.table && h.offset == at && !h.scattered);
      EXPECT_TRUE(found) << t.label() << " as " << form.layout << " at " << at << ": " << labels(hits);
      EXPECT_EQ(hits.size(), 1u) << t.label() << " as " << form.layout << " at " << at << ": " << labels(hits);
      ++checked;
      unaligned += at % 4 != 0;
    }
  }
  EXPECT_GT(checked, 300u);
  EXPECT_GT(unaligned, 120u);
}

TEST(ByteScanner, PartialTablesDownToThreeQuarters) {
  for (const auto& [algorithm, name] : {std::pair{"AES", "S-box"}, std::pair{"AES", "encryption table Te2"},
                                        std::pair{"SHA-224/SHA-256", "round constants K"}, std::pair{"DES", "S-box S5"}}) {
    const ByteForm* form = nullptr;
    for (const auto& f : scanner().forms())
      if (tables()[f.table].algorithm == algorithm && tables()[f.table].name == name) {
        form = &f;
        break;
      }
    ASSERT_NE(form, nullptr);
    auto found_with = [&](const std::vector<bool>& broken) {
      std::string t = form->bytes;
      for (size_t e = 0; e < form->elements(); ++e)
        if (broken[e])
          for (size_t b = 0; b < form->element_bytes; ++b) t[e * form->element_bytes + b] = static_cast<char>(0xA5 ^ b ^ e);
      std::string bytes = random_bytes(2048, 7);
      bytes.insert(300, t);
      return resolved(bytes).size();
    };
    const size_t n = form->elements();
    std::vector<bool> block(n, false), every_other(n, false), every_fifth(n, false);
    for (size_t e = n * 2 / 5; e < n * 3 / 5; ++e) block[e] = true;  // a fifth of the entries, in the middle
    for (size_t e = 0; e < n; e += 2) every_other[e] = true;
    for (size_t e = 0; e < n; e += 5) every_fifth[e] = true;
    EXPECT_EQ(found_with(block), 1u) << name << ": 80 % intact must be found";
    if (form->element_bytes >= 4) {
      EXPECT_EQ(found_with(every_fifth), 1u) << name << ": 80 % intact must be found";
    }
    EXPECT_EQ(found_with(every_other), 0u) << name << ": 50 % intact must not";
  }
}

TEST(ByteScanner, TruncatedAtTheEndOfTheRegionStillFound) {
  const ByteForm& sbox = scanner().forms().front();  // AES S-box, bytes
  ASSERT_EQ(tables()[sbox.table].name, "S-box");
  const std::string bytes = random_bytes(100, 3) + sbox.bytes.substr(0, 220);
  const auto hits = resolved(bytes);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].matched, 220u);
  EXPECT_EQ(hits[0].total, 256u);
}

TEST(ByteScanner, CrcTablesAndRandomDataAreSilent) {
  for (const auto& form : scanner().forms()) {
    if (tables()[form.table].purpose != Purpose::checksum) continue;
    std::string bytes = random_bytes(3000, 11);
    bytes.insert(777, form.bytes);
    EXPECT_TRUE(resolved(bytes).empty()) << tables()[form.table].label() << " as " << form.layout;
  }
  EXPECT_TRUE(resolved(random_bytes(8 << 20, 12345)).empty());
  EXPECT_TRUE(resolved(std::string(1 << 20, '\0')).empty());
  EXPECT_TRUE(resolved(std::string(1 << 20, '\xff')).empty());
  std::string counting;  // 0, 1, 2, ... as bytes and as 32-bit words: ordinary program data
  for (int i = 0; i < 4096; ++i) counting.push_back(static_cast<char>(i));
  for (uint32_t i = 0; i < 4096; ++i) counting.append(reinterpret_cast<const char*>(&i), 4);
  EXPECT_TRUE(resolved(counting).empty());
}

// Round constants as compiled code holds them: each as a 32-bit immediate among other bytes.
std::string as_immediates(const Table& t, bool only_half, uint32_t seed) {
  std::mt19937 gen(seed);
  std::string code;
  for (size_t k = 0; k < t.values.size(); ++k) {
    if (only_half && k % 2) continue;
    for (int g = 0, n = 3 + static_cast<int>(gen() % 9); g < n; ++g) code.push_back(static_cast<char>(gen()));
    const uint64_t v = t.values[k];
    for (unsigned b = 0; b < t.bits / 8; ++b) code.push_back(static_cast<char>(v >> (8 * b)));
  }
  return code;
}

TEST(ByteScanner, ScatteredRoundConstants) {
  for (const auto& t : tables()) {
    if (!t.immediates) continue;
    const std::string code = random_bytes(5000, 1) + as_immediates(t, false, 2) + random_bytes(5000, 3);
    const auto hits = resolved(code);
    ASSERT_EQ(hits.size(), 1u) << t.label() << ": " << labels(hits);
    EXPECT_EQ(&tables()[hits[0].table], &t) << labels(hits);
    EXPECT_TRUE(hits[0].scattered);
    if (t.values.size() >= 8) {
      EXPECT_TRUE(resolved(random_bytes(5000, 1) + as_immediates(t, true, 2)).empty()) << t.label() << ": half is not enough";
    }
  }
}

TEST(ByteScanner, FindsNeedles) {
  std::string bytes = random_bytes(10000, 5);
  bytes.replace(4321, 26, "OpenSSL 3.0.11 19 Sep 2023");
  bytes.replace(9000, 14, "mbed TLS 3.5.2");
  ScanResult r;
  scanner().scan(bytes, r);
  std::set<std::pair<uint32_t, uint64_t>> found;
  for (const auto& n : r.needles) found.insert({n.needle, n.offset});
  EXPECT_TRUE(found.count({0, 4321}));
  EXPECT_TRUE(found.count({1, 9000}));
}

// The scanner collects candidates 64 KiB at a time: a table or string straddling the boundary, or
// at the very start or end of the bytes, is found as anywhere else, in both byte orders.
TEST(ByteScanner, TablesAndNeedlesAtChunkBoundariesAndEdges) {
  constexpr size_t chunk = 64 * 1024;
  for (const auto& form : scanner().forms()) {
    const Table& t = tables()[form.table];
    const bool wanted = (t.algorithm == "AES" && t.name == "S-box" && form.element_bytes == 1) ||
                        (t.algorithm == "SHA-224/SHA-256" && t.name == "round constants K" && form.element_bytes == 4);
    if (!wanted || !has_rare_key(form)) continue;
    const size_t size = form.bytes.size();
    for (size_t at : {size_t{0}, chunk - size / 2, chunk - size / 2 + 1, chunk - size / 2 + 3, chunk - size / 2 + 6,
                      chunk - size, chunk - size + 1, chunk, chunk + 5, 2 * chunk + 100 - size}) {
      std::string bytes = random_bytes(2 * chunk + 100, static_cast<uint32_t>(at));
      bytes.replace(at, size, form.bytes);
      const auto hits = resolved(bytes);
      ASSERT_EQ(hits.size(), 1u) << t.label() << " as " << form.layout << " at " << at << ": " << labels(hits);
      EXPECT_EQ(hits[0].offset, at) << t.label() << " as " << form.layout;
      EXPECT_EQ(hits[0].table, form.table) << t.label() << " as " << form.layout;
    }
  }
  for (const size_t at : {chunk - 7, chunk - 3, chunk, 2 * chunk + 100 - 8}) {
    std::string bytes = random_bytes(2 * chunk + 100, static_cast<uint32_t>(at));
    bytes.replace(at, 8, "OpenSSL ");
    ScanResult r;
    scanner().scan(bytes, r);
    ASSERT_EQ(r.needles.size(), 1u) << at;
    EXPECT_EQ(r.needles[0].offset, at);
  }
}

TEST(ByteScanner, ShortInputs) {
  for (size_t n = 0; n < 16; ++n) EXPECT_TRUE(resolved(random_bytes(n, 9)).empty());
}

}  // namespace
}  // namespace mdbc::crypto_tables
