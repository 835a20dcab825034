// CRYPTO-2 on source: constant tables written in C, C++ and other languages in every notation,
// through macros and token pasting, spread over statements; each positive case with a negative
// twin (a CRC table, ordinary data, a near miss) that must stay silent.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "inspect/crypto_tables/forms.h"
#include "inspect/crypto_tables/tables.h"
#include "inspect/source/rule_pairs.h"
#include "support/source_fixture.h"

namespace mdbc::source {
namespace {

using crypto_tables::Table;
using crypto_tables::tables;
using test::inspect_snippet;
using test::only;

const Table& table(std::string_view algorithm, std::string_view name) {
  for (const auto& t : tables())
    if (t.algorithm == algorithm && t.name == name) return t;
  throw std::logic_error("no table");
}

const Table& crc32() {
  for (const auto& t : tables())
    if (t.algorithm == "CRC" && t.name.starts_with("CRC-32 (IEEE")) return t;
  throw std::logic_error("no CRC-32");
}

enum class Notation { hex, hex_upper_suffix, decimal, octal, cast };

std::string literal(uint64_t v, unsigned bits, Notation n) {
  char buf[64];
  const auto u = static_cast<unsigned long long>(v);
  switch (n) {
    case Notation::hex: std::snprintf(buf, sizeof buf, "0x%0*llx", static_cast<int>(bits / 4), u); break;
    case Notation::hex_upper_suffix: std::snprintf(buf, sizeof buf, "0X%llX%s", u, bits == 64 ? "ULL" : bits == 32 ? "UL" : "U"); break;
    case Notation::decimal: std::snprintf(buf, sizeof buf, "%llu%s", u, bits == 64 ? "ull" : ""); break;
    case Notation::octal: std::snprintf(buf, sizeof buf, "0%llo", u); break;
    case Notation::cast: std::snprintf(buf, sizeof buf, "(uint%u_t)0x%llx", bits < 8 ? 8 : bits, u); break;
  }
  return buf;
}

std::string c_array(const std::string& name, const std::vector<uint64_t>& values, unsigned bits, Notation n, size_t per_line = 8) {
  std::string s = "#include <stdint.h>\n/* lookup table */\nstatic const uint" + std::to_string(bits) + "_t " + name + "[" +
                  std::to_string(values.size()) + "] = {\n";
  for (size_t i = 0; i < values.size(); ++i) {
    s += (i % per_line == 0 ? "    " : " ") + literal(values[i], bits, n) + (i + 1 < values.size() ? "," : "");
    if (i % per_line == per_line - 1 || i + 1 == values.size()) s += "\n";
  }
  return s + "};\n";
}

std::vector<Finding> crypto2(const std::string& code, const std::string& path = "src/cipher.c") {
  return only(inspect_snippet(code, path), "CRYPTO-2");
}

TEST(CryptoTablesRule, EveryTableInEveryValueFormAndNotation) {
  size_t cases = 0;
  for (const auto& f : crypto_tables::value_forms(tables())) {
    const Table& t = tables()[f.table];
    if (t.purpose != crypto_tables::Purpose::cryptographic) continue;
    for (Notation n : {Notation::hex, Notation::decimal, Notation::hex_upper_suffix, Notation::octal, Notation::cast}) {
      const auto found = crypto2(c_array("table", f.values, f.bits, n));
      ASSERT_EQ(found.size(), 1u) << t.label() << " as " << f.layout << " in notation " << static_cast<int>(n);
      EXPECT_NE(found[0].message.find(t.label()), std::string::npos) << found[0].message;
      EXPECT_EQ(found[0].line, 4u);
      EXPECT_EQ(found[0].severity, Severity::error);
      ++cases;
    }
  }
  EXPECT_GT(cases, 500u);
}

TEST(CryptoTablesRule, CrcTablesInEveryFormAreSilent) {
  for (const auto& f : crypto_tables::value_forms(tables())) {
    if (tables()[f.table].purpose != crypto_tables::Purpose::checksum) continue;
    for (Notation n : {Notation::hex, Notation::decimal})
      EXPECT_TRUE(crypto2(c_array("crc_table", f.values, f.bits, n)).empty()) << tables()[f.table].label() << " as " << f.layout;
  }
}

TEST(CryptoTablesRule, TokenPastingMacros) {
  // The Rijndael reference code's way: #define V(a,b,c,d) 0x##a##b##c##d, the table written once.
  const Table& te0 = table("AES", "encryption table Te0");
  std::string code = "#define TE0 \\\n";
  char buf[64];
  for (size_t i = 0; i < te0.values.size(); ++i) {
    const auto v = static_cast<unsigned>(te0.values[i]);
    std::snprintf(buf, sizeof buf, "    V(%02x,%02x,%02x,%02x)%s \\\n", v >> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255,
                  i + 1 < te0.values.size() ? "," : "");
    code += buf;
  }
  code += "\n#define V(a,b,c,d) 0x##a##b##c##d\nstatic const unsigned int T0[256] = { TE0 };\n#undef V\n";
  auto found = crypto2(code);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("Te0"), std::string::npos);
  // Twin: the same macro pasting a CRC table.
  std::string twin = "#define V(a,b,c,d) 0x##a##b##c##d##U\nstatic const unsigned int crc[] = {\n";
  for (uint64_t v : crc32().values) {
    std::snprintf(buf, sizeof buf, "V(%02x,%02x,%02x,%02x),\n", static_cast<unsigned>(v >> 24), static_cast<unsigned>(v >> 16) & 255,
                  static_cast<unsigned>(v >> 8) & 255, static_cast<unsigned>(v) & 255);
    twin += buf;
  }
  EXPECT_TRUE(crypto2(twin + "};\n").empty());
}

TEST(CryptoTablesRule, MacroWrappedEntries) {
  // Entries wrapped in macros (sph_types' SPH_C32, UINT64_C) and a table assembled from macros.
  const Table& k = table("SHA-384/SHA-512", "round constants K");
  std::string code = "#define C64(x) UINT64_C(x)\nstatic const uint64_t K512[80] = {\n";
  char buf[64];
  for (uint64_t v : k.values) {
    std::snprintf(buf, sizeof buf, "  C64(0x%016llx),\n", static_cast<unsigned long long>(v));
    code += buf;
  }
  ASSERT_EQ(crypto2(code + "};\n").size(), 1u);
  // Twin: the same wrapper around ordinary 64-bit constants.
  std::string twin = "#define C64(x) UINT64_C(x)\nstatic const uint64_t primes[80] = {\n";
  for (uint64_t i = 0; i < 80; ++i) twin += "  C64(" + std::to_string(1000003 * i + 7) + "),\n";
  EXPECT_TRUE(crypto2(twin + "};\n").empty());
}

TEST(CryptoTablesRule, StatementsAndMacrosSpreadTheConstants) {
  // SHA-256 initialisation written as assignments, MD5 steps in RFC 1321's style.
  const Table& iv = table("SHA-256", "initial hash value");
  std::string init = "void sha256_init(struct ctx *c) {\n";
  for (size_t i = 0; i < iv.values.size(); ++i) init += "  c->state[" + std::to_string(i) + "] = " + literal(iv.values[i], 32, Notation::hex) + ";\n";
  auto found = crypto2(init + "}\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 2u);
  const Table& t = table("MD5", "sine table T");
  std::string md5 = "#define S11 7\nstatic void transform(uint32_t s[4], const uint32_t x[16]) {\n  uint32_t a = s[0], b = s[1], c = s[2], d = s[3];\n";
  for (size_t i = 0; i < 64; ++i)
    md5 += "  FF (a, b, c, d, x[" + std::to_string((i * 5 + 1) % 16) + "], S11, " + literal(t.values[i], 32, Notation::hex) + "); /* " + std::to_string(i + 1) + " */\n";
  found = crypto2(md5 + "}\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("MD5"), std::string::npos);
  // Twin: the same shape with other constants.
  std::string twin = "static void mix(uint32_t s[4], const uint32_t x[16]) {\n";
  for (size_t i = 0; i < 64; ++i) twin += "  STEP (a, b, c, d, x[" + std::to_string(i % 16) + "], 7, " + std::to_string(2654435761u * (i + 1) % 4294967291u) + ");\n";
  EXPECT_TRUE(crypto2(twin + "}\n").empty());
}

TEST(CryptoTablesRule, SignedBytesAndPackedWords) {
  const Table& sbox = table("AES", "S-box");
  std::string code = "static const signed char sbox[256] = {";
  for (uint64_t v : sbox.values) code += std::to_string(v >= 128 ? static_cast<int>(v) - 256 : static_cast<int>(v)) + ", ";
  ASSERT_EQ(crypto2(code + "};\n").size(), 1u);
  std::string packed = "static const uint32_t sbox32[64] = {";
  for (size_t i = 0; i < 256; i += 4)
    packed += literal(sbox.values[i] | sbox.values[i + 1] << 8 | sbox.values[i + 2] << 16 | sbox.values[i + 3] << 24, 32, Notation::hex) + ",";
  ASSERT_EQ(crypto2(packed + "};\n").size(), 1u);
  // Twin: a permutation of bytes that is not the S-box (an identity-like shuffle table).
  std::string twin = "static const signed char shuffle[256] = {";
  for (int i = 0; i < 256; ++i) twin += std::to_string((i * 167 + 13) % 256 - 128) + ", ";
  EXPECT_TRUE(crypto2(twin + "};\n").empty());
}

TEST(CryptoTablesRule, ChaChaConstantAsString) {
  // The fixtures are put together at run time so that mdbc's own source holds no ChaCha constant.
  const std::string expand = "expand ";
  ASSERT_EQ(crypto2("static const char sigma[16] = \"" + expand + "32-byte k\";\n").size(), 1u);
  ASSERT_EQ(crypto2("static const char tau[] = \"" + expand + "16-\" \"byte k\";\n").size(), 1u);
  ASSERT_EQ(crypto2("SIGMA = b\"" + expand + "32-byte k\"\n", "chacha.py").size(), 1u);
  EXPECT_TRUE(crypto2("static const char msg[] = \"" + expand + "32-bit keys\";\n").empty());
}

TEST(CryptoTablesRule, OtherLanguages) {
  const Table& k = table("SHA-224/SHA-256", "round constants K");
  std::string rust = "const K: [u32; 64] = [\n";
  for (uint64_t v : k.values) rust += "    " + literal(v, 32, Notation::hex) + "_u32,\n";
  ASSERT_EQ(crypto2(rust + "];\n", "src/sha.rs").size(), 1u);
  std::string go = "var k = []uint32{\n";
  for (uint64_t v : k.values) go += "\t" + literal(v, 32, Notation::hex) + ",\n";
  ASSERT_EQ(crypto2(go + "}\n", "sha/k.go").size(), 1u);
  std::string java = "static final int[] K = {";
  for (uint64_t v : k.values) java += std::to_string(static_cast<int32_t>(static_cast<uint32_t>(v))) + ", ";
  ASSERT_EQ(crypto2(java + "};\n", "Sha.java").size(), 1u);
  const Table& sbox = table("AES", "S-box");
  std::string asm_ = "    .section .rodata\nsbox:\n";
  for (size_t i = 0; i < 256; i += 16) {
    asm_ += "    .byte ";
    for (size_t j = i; j < i + 16; ++j) asm_ += literal(sbox.values[j], 8, Notation::hex) + (j + 1 < i + 16 ? ", " : "\n");
  }
  const auto found = crypto2(asm_, "src/aes_core.S");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].line, 3u);
  std::string py = "CRC = [\n";
  for (uint64_t v : crc32().values) py += "    " + literal(v, 32, Notation::hex) + ",\n";
  EXPECT_TRUE(crypto2(py + "]\n", "tools/crc.py").empty());
}

TEST(CryptoTablesRule, InsideAVendoredComponentNamesIt) {
  const Table& sbox = table("AES", "S-box");
  const auto result = test::inspect_tree({{"third_party/mbedtls/library/aes.c", c_array("FSb", sbox.values, 8, Notation::hex), "mbedtls"}});
  const auto found = only(result.findings, "CRYPTO-2");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].message.find("inside mbedtls"), std::string::npos) << found[0].message;
}

TEST(CryptoTablesRule, OrdinaryTablesAreSilent) {
  std::vector<uint64_t> font, gamma, sine;
  for (int i = 0; i < 1024; ++i) font.push_back((i * 37 + i / 7) & 0x7e);
  for (int i = 0; i < 256; ++i) gamma.push_back(static_cast<uint64_t>(255.0 * (i / 255.0) * (i / 255.0)));
  for (int i = 0; i < 256; ++i) sine.push_back(static_cast<uint64_t>(32767.5 + 32767.0 * __builtin_sin(i * 3.14159265 / 128)));
  EXPECT_TRUE(crypto2(c_array("font", font, 8, Notation::hex, 16)).empty());
  EXPECT_TRUE(crypto2(c_array("gamma", gamma, 8, Notation::decimal)).empty());
  EXPECT_TRUE(crypto2(c_array("sine", sine, 16, Notation::hex)).empty());
}

// Rows of 16 values as a language writes a two-dimensional table: {{...}, {...}} in C, Go and
// Rust alike (the brackets differ only in Rust).
std::string rows_of_16(const std::vector<uint64_t>& values, const char* open, const char* close, bool hex) {
  std::string s;
  for (size_t i = 0; i < values.size(); ++i) {
    if (i % 16 == 0) s += std::string("    ") + open;
    s += hex ? literal(values[i], 8, Notation::hex) : std::to_string(values[i]);
    s += i % 16 == 15 ? std::string(close) + ",\n" : ", ";
  }
  return s;
}

// One C array per 16 values, named prefix8 down to prefix1 when `reversed` (Schneier's layout).
std::string separate_rows(const std::string& prefix, const std::vector<uint64_t>& values, bool reversed) {
  std::string s;
  for (size_t r = 0; r < values.size() / 16; ++r) {
    const size_t row = reversed ? values.size() / 16 - 1 - r : r;
    s += "static const unsigned char " + prefix + std::to_string(row + 1) + "[16] = {";
    for (size_t x = 0; x < 16; ++x) s += (x ? ", " : "") + std::to_string(values[16 * row + x]);
    s += "};\n";
  }
  return s;
}

// Tables of nibble permutations and byte permutations that are no cryptography: bit reversal, Gray
// codes and multiplications modulo 16, and a multiplicative byte permutation.
std::vector<uint64_t> ordinary_nibble_rows() {
  std::vector<uint64_t> v;
  for (uint64_t x = 0; x < 16; ++x) v.push_back((x & 1) << 3 | (x & 2) << 1 | (x & 4) >> 1 | (x & 8) >> 3);
  for (uint64_t x = 0; x < 16; ++x) v.push_back(x ^ x >> 1);
  for (uint64_t m : {3, 5, 7, 9, 11, 13})
    for (uint64_t x = 0; x < 16; ++x) v.push_back(x * m % 16);
  return v;
}

std::vector<uint64_t> ordinary_byte_permutation() {
  std::vector<uint64_t> v;
  for (uint64_t x = 0; x < 256; ++x) v.push_back((x * 167 + 13) & 0xff);
  return v;
}

TEST(CryptoTablesRule, GostKuznyechikSm4CamelliaPairs) {
  const auto& z = table("GOST 28147-89/Magma", "S-boxes (id-tc26-gost-28147-param-Z)").values;
  const auto& cryptopro_a = table("GOST 28147-89/Magma", "S-boxes (id-Gost28147-89-CryptoPro-A-ParamSet)").values;
  const auto& test_3411 = table("GOST 28147-89/Magma", "S-boxes (id-GostR3411-94-TestParamSet)").values;
  const auto& pi = table("Kuznyechik/Streebog", "substitution pi").values;
  const auto& sm4 = table("SM4", "S-box").values;
  const auto& ck = table("SM4", "key schedule constants CK").values;
  const auto& camellia = table("Camellia", "SBOX1").values;
  const auto nibbles = ordinary_nibble_rows();
  const auto bytes = ordinary_byte_permutation();
  const std::string c2d = "#include <stdint.h>\nstatic const uint8_t sbox[8][16] = {\n";
  std::vector<uint64_t> crc_words(crc32().values.begin(), crc32().values.begin() + 32);
  std::string fk_bad = "void sm4_key_init(uint32_t k[4], const uint32_t mk[4]) {\n", fk_good = fk_bad;
  const char* fk[] = {"0xa3b1bac6", "0x56aa3350", "0x677d9197", "0xb27022dc"};
  const char* other[] = {"0xa3b1bac7", "0x56aa3351", "0x677d9198", "0xb27022dd"};
  for (int i = 0; i < 4; ++i) {
    fk_bad += "  k[" + std::to_string(i) + "] = mk[" + std::to_string(i) + "] ^ " + fk[i] + ";\n";
    fk_good += "  k[" + std::to_string(i) + "] = mk[" + std::to_string(i) + "] ^ " + other[i] + ";\n";
  }
  const std::vector<test::RulePair> pairs = {
      {"Magma param-Z S-boxes as uint8_t[8][16], hex", c2d + rows_of_16(z, "{", "}", true) + "};\n",
       c2d + rows_of_16(nibbles, "{", "}", true) + "};\n"},
      {"GOST CryptoPro-A S-boxes as arrays k8 down to k1", separate_rows("k", cryptopro_a, true),
       separate_rows("k", nibbles, true)},
      {"GOST R 34.11-94 test S-boxes as arrays k1 to k8", separate_rows("k", test_3411, false),
       separate_rows("k", nibbles, false)},
      {"Magma param-Z S-boxes in Go", "package magma\n\nvar sbox = [8][16]byte{\n" + rows_of_16(z, "{", "}", false) + "}\n",
       "package magma\n\nvar sbox = [8][16]byte{\n" + rows_of_16(nibbles, "{", "}", false) + "}\n", "magma/sbox.go"},
      {"GOST R 34.11-94 test S-boxes in Rust", "pub const SBOX: [[u8; 16]; 8] = [\n" + rows_of_16(test_3411, "[", "]", false) + "];\n",
       "pub const SBOX: [[u8; 16]; 8] = [\n" + rows_of_16(nibbles, "[", "]", false) + "];\n", "src/sbox.rs"},
      {"Kuznyechik pi in decimal", c_array("pi", pi, 8, Notation::decimal, 16), c_array("pi", bytes, 8, Notation::decimal, 16)},
      {"Streebog pi in Rust", "const PI: [u8; 256] = [\n" + rows_of_16(pi, "", "", true) + "];\n",
       "const PI: [u8; 256] = [\n" + rows_of_16(bytes, "", "", true) + "];\n", "src/streebog.rs"},
      {"SM4 S-box in hex", c_array("SBOX", sm4, 8, Notation::hex, 16), c_array("SBOX", bytes, 8, Notation::hex, 16)},
      {"SM4 CK as 32-bit words", c_array("CK", ck, 32, Notation::hex, 4), c_array("CK", crc_words, 32, Notation::hex, 4)},
      {"SM4 FK as statements", fk_bad + "}\n", fk_good + "}\n"},
      {"Camellia SBOX1 as 32-bit words", c_array("SBOX1", camellia, 32, Notation::hex_upper_suffix, 8),
       c_array("SBOX1", bytes, 32, Notation::hex_upper_suffix, 8)},
  };
  test::expect_pairs("CRYPTO-2", pairs);
}

}  // namespace
}  // namespace mdbc::source
