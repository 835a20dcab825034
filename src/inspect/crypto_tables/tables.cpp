#include "inspect/crypto_tables/tables.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <string_view>

#include "core/embedded.h"

namespace mdbc::crypto_tables {
namespace {

constexpr std::string_view data_path = "data/crypto-tables.tsv";

[[noreturn]] void damaged(size_t line, std::string_view what) {
  throw std::logic_error(std::string(data_path) + ":" + std::to_string(line) + ": " + std::string(what));
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t begin = 0;;) {
    const size_t end = s.find(sep, begin);
    out.push_back(s.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    if (end == std::string_view::npos) return out;
    begin = end + 1;
  }
}

std::vector<Table> typed_tables() {
  const auto text = embedded::find(data_path);
  if (!text) throw std::logic_error(std::string(data_path) + " is not compiled in");
  std::vector<Table> out;
  size_t line_no = 0;
  for (std::string_view line : split(*text, '\n')) {
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const auto fields = split(line, '\t');
    if (fields.size() != 6) damaged(line_no, "expected 6 tab-separated fields");
    Table t;
    t.algorithm = fields[0];
    t.name = fields[1];
    t.standard = fields[2];
    if (fields[3] == "8") t.bits = 8;
    else if (fields[3] == "16") t.bits = 16;
    else if (fields[3] == "32") t.bits = 32;
    else if (fields[3] == "64") t.bits = 64;
    else damaged(line_no, "element width must be 8, 16, 32 or 64");
    if (fields[4] == "immediates") t.immediates = true;
    else if (fields[4] == "one-based") t.variant = Variant::one_based_positions;
    else if (fields[4] == "des-sbox") t.variant = Variant::des_sbox;
    else if (fields[4] == "gost-sbox") t.variant = Variant::gost_sbox;
    else if (fields[4] != "-") damaged(line_no, "unknown notation '" + std::string(fields[4]) + "'");
    for (std::string_view word : split(fields[5], ' ')) {
      uint64_t v = 0;
      const auto [end, ec] = std::from_chars(word.data(), word.data() + word.size(), v, 16);
      if (ec != std::errc() || end != word.data() + word.size() || word.size() * 4 != t.bits)
        damaged(line_no, "bad value '" + std::string(word) + "'");
      t.values.push_back(v);
    }
    if (t.values.size() < 4) damaged(line_no, "a table needs at least 4 values");
    out.push_back(std::move(t));
  }
  return out;
}

const Table* find(const std::vector<Table>& ts, std::string_view algorithm, std::string_view name) {
  for (const auto& t : ts)
    if (t.algorithm == algorithm && t.name == name) return &t;
  return nullptr;
}

// GF(2^8) arithmetic modulo x^8 + x^4 + x^3 + x + 1, to derive AES's T-tables from its S-boxes.
uint8_t xtime(uint8_t a) { return static_cast<uint8_t>((a << 1) ^ ((a & 0x80) ? 0x1b : 0)); }
uint8_t gf_mul(uint8_t a, uint8_t b) {
  uint8_t r = 0;
  for (; b != 0; b >>= 1, a = xtime(a))
    if (b & 1) r ^= a;
  return r;
}
uint32_t rotr(uint32_t x, unsigned n) { return n == 0 ? x : (x >> n) | (x << (32 - n)); }

// Te0..Te3 and Td0..Td3 as OpenSSL, mbedTLS and the Rijndael reference code lay them out: Te0[x]
// holds the column (2·S[x], S[x], S[x], 3·S[x]) with the first byte most significant; TeN is Te0
// rotated right by 8·N bits. The opposite packing is the other byte order of the same tables.
void add_aes_t_tables(std::vector<Table>& out, const Table& sbox, const Table& inverse) {
  Table te0{"AES", "encryption table Te0", "FIPS 197 5.2.1 (derived)", 32, {}, Purpose::cryptographic, Variant::none, false};
  Table td0{"AES", "decryption table Td0", "FIPS 197 5.3.3 (derived)", 32, {}, Purpose::cryptographic, Variant::none, false};
  for (size_t x = 0; x < 256; ++x) {
    const auto s = static_cast<uint8_t>(sbox.values[x]);
    te0.values.push_back(uint32_t{gf_mul(s, 2)} << 24 | uint32_t{s} << 16 | uint32_t{s} << 8 | gf_mul(s, 3));
    const auto v = static_cast<uint8_t>(inverse.values[x]);
    td0.values.push_back(uint32_t{gf_mul(v, 14)} << 24 | uint32_t{gf_mul(v, 9)} << 16 | uint32_t{gf_mul(v, 13)} << 8 |
                         gf_mul(v, 11));
  }
  for (unsigned n = 0; n < 4; ++n)
    for (const Table* base : {&te0, &td0}) {
      Table t = *base;
      t.name.back() = static_cast<char>('0' + n);
      for (auto& v : t.values) v = rotr(static_cast<uint32_t>(v), 8 * n);
      out.push_back(std::move(t));
    }
}

// RFC 1321 3.4: T[i] = floor(2^32 * abs(sin(i))) for i = 1..64, which a double computes exactly
// (the test checks the table against MD5 digests).
void add_md5_sine_table(std::vector<Table>& out) {
  Table t{"MD5", "sine table T", "RFC 1321 3.4", 32, {}, Purpose::cryptographic, Variant::none, true};
  for (int i = 1; i <= 64; ++i)
    t.values.push_back(static_cast<uint64_t>(std::floor(std::fabs(std::sin(static_cast<double>(i))) * 4294967296.0)));
  out.push_back(std::move(t));
}

// FIPS 202 3.2.5: round constant bits from the LFSR x^8 + x^6 + x^5 + x^4 + 1.
void add_keccak_round_constants(std::vector<Table>& out) {
  auto rc = [](unsigned t) {
    uint8_t r = 1;
    for (unsigned i = 0; i < t % 255; ++i) r = static_cast<uint8_t>((r & 0x80) ? (r << 1) ^ 0x71 : r << 1);
    return (r & 1) != 0;
  };
  Table t{"Keccak/SHA-3", "round constants RC", "FIPS 202 3.2.5", 64, {}, Purpose::cryptographic, Variant::none, false};
  for (unsigned round = 0; round < 24; ++round) {
    uint64_t v = 0;
    for (unsigned j = 0; j <= 6; ++j)
      if (rc(j + 7 * round)) v |= uint64_t{1} << ((1u << j) - 1);
    t.values.push_back(v);
  }
  out.push_back(std::move(t));
}

// Fixed-point numbers in base 2^32, most significant limb first; limb 0 is the integer part.
using Fixed = std::vector<uint32_t>;

void divide(Fixed& x, uint32_t d) {
  uint64_t rem = 0;
  for (auto& limb : x) {
    const uint64_t cur = rem << 32 | limb;
    limb = static_cast<uint32_t>(cur / d);
    rem = cur % d;
  }
}
void multiply(Fixed& x, uint32_t m) {
  uint64_t carry = 0;
  for (size_t i = x.size(); i-- > 0;) {
    const uint64_t cur = uint64_t{x[i]} * m + carry;
    x[i] = static_cast<uint32_t>(cur);
    carry = cur >> 32;
  }
}
void add(Fixed& a, const Fixed& b, bool subtract) {
  int64_t carry = 0;
  for (size_t i = a.size(); i-- > 0;) {
    const int64_t cur = int64_t{a[i]} + (subtract ? -int64_t{b[i]} : int64_t{b[i]}) + carry;
    a[i] = static_cast<uint32_t>(cur);
    carry = cur < 0 ? -1 : cur >> 32;
  }
}
bool is_zero(const Fixed& x) { return std::all_of(x.begin(), x.end(), [](uint32_t l) { return l == 0; }); }

// arctan(1/x) by its series, to `limbs` limbs.
Fixed arctan_inverse(uint32_t x, size_t limbs) {
  Fixed power(limbs, 0), sum(limbs, 0);
  power[0] = 1;
  divide(power, x);
  sum = power;
  for (uint32_t k = 1;; ++k) {
    divide(power, x * x);
    if (is_zero(power)) return sum;
    Fixed term = power;
    divide(term, 2 * k + 1);
    add(sum, term, k % 2 == 1);
  }
}

// Blowfish's P-array is the first 18 words of the fractional part of pi in hexadecimal (Schneier,
// 1993), computed by Machin's formula pi = 16 arctan(1/5) - 4 arctan(1/239) with guard limbs.
void add_blowfish_p_array(std::vector<Table>& out) {
  constexpr size_t words = 18, limbs = 1 + words + 4;
  Fixed pi = arctan_inverse(5, limbs);
  multiply(pi, 16);
  Fixed b = arctan_inverse(239, limbs);
  multiply(b, 4);
  add(pi, b, true);
  Table t{"Blowfish", "P-array (hexadecimal digits of pi)", "Schneier 1993", 32, {}, Purpose::cryptographic,
          Variant::none, false};
  for (size_t i = 0; i < words; ++i) t.values.push_back(pi[1 + i]);
  out.push_back(std::move(t));
}

// GB/T 32907-2016 7.3: SM4's key schedule constants CK_i, whose bytes are (4i + j) * 7 mod 256,
// most significant first.
void add_sm4_ck(std::vector<Table>& out) {
  Table t{"SM4", "key schedule constants CK", "GB/T 32907-2016 7.3", 32, {}, Purpose::cryptographic, Variant::none, true};
  for (uint32_t i = 0; i < 32; ++i) {
    uint64_t v = 0;
    for (uint32_t j = 0; j < 4; ++j) v = v << 8 | (((4 * i + j) * 7) & 0xff);
    t.values.push_back(v);
  }
  out.push_back(std::move(t));
}

// Byte-wise CRC lookup tables, reflected (LSB first) or not, as the common CRC catalogues define them.
Table crc_table(std::string name, unsigned bits, uint64_t poly, bool reflected) {
  Table t{"CRC", std::move(name), "CRC catalogue", bits, {}, Purpose::checksum, Variant::none, false};
  const uint64_t mask = bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1;
  const uint64_t top = uint64_t{1} << (bits - 1);
  for (uint64_t i = 0; i < 256; ++i) {
    uint64_t c = reflected ? i : i << (bits - 8);
    for (int k = 0; k < 8; ++k)
      c = reflected ? ((c & 1) ? (c >> 1) ^ poly : c >> 1) : ((c & top) ? (c << 1) ^ poly : c << 1);
    t.values.push_back(c & mask);
  }
  return t;
}

void add_crc_tables(std::vector<Table>& out) {
  out.push_back(crc_table("CRC-32 (IEEE 802.3, reflected 0xEDB88320)", 32, 0xEDB88320, true));
  out.push_back(crc_table("CRC-32 (MSB first 0x04C11DB7: BZIP2, MPEG-2)", 32, 0x04C11DB7, false));
  out.push_back(crc_table("CRC-32C (Castagnoli, reflected 0x82F63B78)", 32, 0x82F63B78, true));
  out.push_back(crc_table("CRC-16 (ARC/Modbus, reflected 0xA001)", 16, 0xA001, true));
  out.push_back(crc_table("CRC-16 (CCITT/XMODEM, 0x1021)", 16, 0x1021, false));
  out.push_back(crc_table("CRC-16 (KERMIT, reflected 0x8408)", 16, 0x8408, true));
  out.push_back(crc_table("CRC-16 (BUYPASS, 0x8005)", 16, 0x8005, false));
  out.push_back(crc_table("CRC-8 (0x07)", 8, 0x07, false));
  out.push_back(crc_table("CRC-8 (Dallas/Maxim, reflected 0x8C)", 8, 0x8C, true));
  out.push_back(crc_table("CRC-64 (XZ, reflected 0xC96C5795D7870F42)", 64, 0xC96C5795D7870F42, true));
  out.push_back(crc_table("CRC-64 (ECMA-182, 0x42F0E1EBA9EA3693)", 64, 0x42F0E1EBA9EA3693, false));
}

std::vector<Table> build() {
  std::vector<Table> out = typed_tables();
  const Table* sbox = find(out, "AES", "S-box");
  const Table* inverse = find(out, "AES", "inverse S-box");
  if (sbox == nullptr || inverse == nullptr || sbox->values.size() != 256 || inverse->values.size() != 256)
    throw std::logic_error(std::string(data_path) + ": the AES S-boxes are missing");
  const Table s = *sbox, inv = *inverse;
  add_aes_t_tables(out, s, inv);
  add_md5_sine_table(out);
  add_keccak_round_constants(out);
  add_blowfish_p_array(out);
  add_sm4_ck(out);
  add_crc_tables(out);
  return out;
}

}  // namespace

const std::vector<Table>& tables() {
  static const std::vector<Table> all = build();
  return all;
}

std::vector<uint64_t> values_and_halves(const Table& whole) {
  std::vector<uint64_t> have(whole.values.begin(), whole.values.end());
  if (whole.bits == 64)
    for (uint64_t v : whole.values) {
      have.push_back(v >> 32);
      have.push_back(v & 0xffffffff);
    }
  std::sort(have.begin(), have.end());
  have.erase(std::unique(have.begin(), have.end()), have.end());
  return have;
}

bool values_within(const Table& part, const std::vector<uint64_t>& whole_values) {
  return std::all_of(part.values.begin(), part.values.end(),
                     [&](uint64_t v) { return std::binary_search(whole_values.begin(), whole_values.end(), v); });
}

bool values_within(const Table& part, const Table& whole) { return values_within(part, values_and_halves(whole)); }

}  // namespace mdbc::crypto_tables
