// Every constant table is checked against its definition: integer roots of primes (FIPS 180-4),
// the GF(2^8) inverse and affine map (FIPS 197), BBP digits of pi (Blowfish), or by running the
// algorithm built from the table against OpenSSL (DES, RC2, MD5, SHA-3, SM4, Camellia) or the
// standard's test vector (Magma, Kuznyechik), CRC check values and GOST S-box rows as permutations.
#include "inspect/crypto_tables/tables.h"

#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/provider.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "inspect/crypto_tables/forms.h"

namespace mdbc::crypto_tables {
namespace {

const Table& table(std::string_view algorithm, std::string_view name) {
  for (const auto& t : tables())
    if (t.algorithm == algorithm && t.name == name) return t;
  ADD_FAILURE() << "no table " << algorithm << " " << name;
  static const Table none;
  return none;
}

std::vector<uint64_t> primes(size_t n) {
  std::vector<uint64_t> out;
  for (uint64_t c = 2; out.size() < n; ++c) {
    bool prime = true;
    for (uint64_t p : out) prime = prime && (p * p > c || c % p != 0);
    if (prime) out.push_back(c);
  }
  return out;
}

using Bn = std::unique_ptr<BIGNUM, decltype(&BN_free)>;
Bn bn(uint64_t v) {
  Bn b(BN_new(), BN_free);
  BN_set_word(b.get(), v);
  return b;
}

// floor(root-th root of (p << (root * bits))) mod 2^bits: the first `bits` bits of the fractional
// part of p^(1/root), by bisection on exact integers.
uint64_t fractional_root_bits(uint64_t p, int root, int bits) {
  BN_CTX* ctx = BN_CTX_new();
  Bn target = bn(p);
  BN_lshift(target.get(), target.get(), root * bits);
  Bn lo = bn(0), hi = bn(1), mid = bn(0), pow = bn(0);
  BN_lshift(hi.get(), hi.get(), bits + 4);
  while (BN_cmp(lo.get(), hi.get()) < 0) {  // largest x with x^root <= target
    BN_add(mid.get(), lo.get(), hi.get());
    BN_add_word(mid.get(), 1);
    BN_rshift1(mid.get(), mid.get());
    BN_copy(pow.get(), mid.get());
    for (int i = 1; i < root; ++i) BN_mul(pow.get(), pow.get(), mid.get(), ctx);
    if (BN_cmp(pow.get(), target.get()) <= 0) BN_copy(lo.get(), mid.get());
    else { BN_sub(hi.get(), mid.get(), BN_value_one()); }
  }
  BN_mask_bits(lo.get(), bits);
  unsigned char buf[8] = {};
  BN_bn2binpad(lo.get(), buf, 8);
  uint64_t v = 0;
  for (unsigned char c : buf) v = v << 8 | c;
  BN_CTX_free(ctx);
  return v;
}

TEST(CryptoTables, Sha2ConstantsAreRootsOfPrimes) {
  const auto p = primes(80);
  const Table& k256 = table("SHA-224/SHA-256", "round constants K");
  const Table& k512 = table("SHA-384/SHA-512", "round constants K");
  ASSERT_EQ(k256.values.size(), 64u);
  ASSERT_EQ(k512.values.size(), 80u);
  for (size_t i = 0; i < 64; ++i) EXPECT_EQ(k256.values[i], fractional_root_bits(p[i], 3, 32)) << i;
  for (size_t i = 0; i < 80; ++i) EXPECT_EQ(k512.values[i], fractional_root_bits(p[i], 3, 64)) << i;
  const Table& iv256 = table("SHA-256", "initial hash value");
  const Table& iv224 = table("SHA-224", "initial hash value");
  const Table& iv512 = table("SHA-512", "initial hash value");
  const Table& iv384 = table("SHA-384", "initial hash value");
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(iv256.values[i], fractional_root_bits(p[i], 2, 32));
    EXPECT_EQ(iv512.values[i], fractional_root_bits(p[i], 2, 64));
    EXPECT_EQ(iv384.values[i], fractional_root_bits(p[8 + i], 2, 64));
    EXPECT_EQ(iv224.values[i], fractional_root_bits(p[8 + i], 2, 64) & 0xffffffff);  // FIPS 180-4 5.3.2
  }
}

TEST(CryptoTables, Sha1ConstantsAreSquareRoots) {
  const Table& k = table("SHA-1", "round constants K");
  const uint64_t n[] = {2, 3, 5, 10};
  // K = floor(2^30 * sqrt(n)) = the integer square root of n * 2^60 (FIPS 180-4 4.2.1).
  for (size_t i = 0; i < 4; ++i) {
    const uint64_t target = n[i] << 60;
    uint64_t x = static_cast<uint64_t>(std::sqrt(static_cast<double>(target)));
    while (x * x > target) --x;
    while ((x + 1) * (x + 1) <= target) ++x;
    EXPECT_EQ(k.values[i], x) << i;
  }
  const Table& iv = table("SHA-1", "initial hash value");
  const Table& md5 = table("MD4/MD5", "initial values A-D");
  EXPECT_EQ(iv.values.size(), 5u);
  EXPECT_EQ(std::vector<uint64_t>(iv.values.begin(), iv.values.begin() + 4), md5.values);
}

uint8_t gf_mul(uint8_t a, uint8_t b) {
  uint8_t r = 0;
  while (b) {
    if (b & 1) r ^= a;
    a = static_cast<uint8_t>((a << 1) ^ ((a & 0x80) ? 0x1b : 0));
    b >>= 1;
  }
  return r;
}

TEST(CryptoTables, AesSboxIsInverseThenAffine) {
  const Table& s = table("AES", "S-box");
  const Table& inv = table("AES", "inverse S-box");
  for (unsigned x = 0; x < 256; ++x) {
    uint8_t b = 0;
    for (unsigned y = 1; y < 256 && x != 0; ++y)
      if (gf_mul(static_cast<uint8_t>(x), static_cast<uint8_t>(y)) == 1) b = static_cast<uint8_t>(y);
    uint8_t out = b;
    for (int i = 1; i <= 4; ++i) out ^= static_cast<uint8_t>((b << i) | (b >> (8 - i)));
    out ^= 0x63;
    EXPECT_EQ(s.values[x], out) << x;
    EXPECT_EQ(inv.values[out], x);
  }
  // T-tables: Te0[x] = (2s, s, s, 3s); Te1 = Te0 rotated right by 8; Td0[x] = (14v, 9v, 13v, 11v).
  const Table& te0 = table("AES", "encryption table Te0");
  const Table& te1 = table("AES", "encryption table Te1");
  const Table& td3 = table("AES", "decryption table Td3");
  EXPECT_EQ(te0.values[0], 0xc66363a5u);
  EXPECT_EQ(te1.values[0], 0xa5c66363u);
  const auto v = static_cast<uint8_t>(inv.values[1]);
  const uint32_t td0 = uint32_t{gf_mul(v, 14)} << 24 | uint32_t{gf_mul(v, 9)} << 16 | uint32_t{gf_mul(v, 13)} << 8 | gf_mul(v, 11);
  EXPECT_EQ(td3.values[1], ((td0 >> 24) | (td0 << 8)) & 0xffffffff);
}

// DES built from the tables, compared with OpenSSL's triple DES with three equal keys (= DES).
uint64_t permute(uint64_t in, const std::vector<uint64_t>& positions, int in_bits) {
  uint64_t out = 0;
  for (uint64_t p : positions) out = out << 1 | ((in >> (in_bits - static_cast<int>(p))) & 1);
  return out;
}

uint64_t des_encrypt(uint64_t key, uint64_t block) {
  const auto& pc1 = table("DES", "permuted choice PC-1").values;
  const auto& pc2 = table("DES", "permuted choice PC-2").values;
  const auto& ip = table("DES", "initial permutation IP").values;
  const auto& fp = table("DES", "final permutation IP-1").values;
  // E (not among the tables: it is mostly a counting sequence) is six-bit groups of R overlapping
  // by one bit on each side: 32, 1, 2, 3, 4, 5, 4, 5, 6, ...
  std::vector<uint64_t> e;
  for (int group = 0; group < 8; ++group)
    for (int k = 0; k < 6; ++k) e.push_back(static_cast<uint64_t>((4 * group + k + 31) % 32 + 1));
  const auto& p = table("DES", "permutation P").values;
  const int shifts[16] = {1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1};
  uint64_t cd = permute(key, pc1, 64);
  uint32_t c = static_cast<uint32_t>(cd >> 28), d = static_cast<uint32_t>(cd & 0xfffffff);
  uint64_t sub[16];
  for (int r = 0; r < 16; ++r) {
    for (int s = 0; s < shifts[r]; ++s) {
      c = ((c << 1) | (c >> 27)) & 0xfffffff;
      d = ((d << 1) | (d >> 27)) & 0xfffffff;
    }
    sub[r] = permute(uint64_t{c} << 28 | d, pc2, 56);
  }
  const uint64_t x = permute(block, ip, 64);
  uint32_t l = static_cast<uint32_t>(x >> 32), r = static_cast<uint32_t>(x);
  for (int round = 0; round < 16; ++round) {
    const uint64_t ex = permute(r, e, 32) ^ sub[round];
    uint64_t s_out = 0;
    for (int i = 0; i < 8; ++i) {
      const unsigned six = (ex >> (42 - 6 * i)) & 63;
      const auto& box = table("DES", "S-box S" + std::to_string(i + 1)).values;
      s_out = s_out << 4 | box[(((six >> 4) & 2) | (six & 1)) * 16 + ((six >> 1) & 15)];
    }
    const uint32_t f = static_cast<uint32_t>(permute(s_out, p, 32));
    const uint32_t next = l ^ f;
    l = r;
    r = next;
  }
  return permute(uint64_t{r} << 32 | l, fp, 64);
}

std::string run_cipher(const char* name, std::string_view key, std::string_view in, OSSL_LIB_CTX* libctx = nullptr,
                       int rc2_bits = 0) {
  EVP_CIPHER* cipher = EVP_CIPHER_fetch(libctx, name, nullptr);
  if (cipher == nullptr) return "no cipher";
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EVP_EncryptInit_ex(ctx, cipher, nullptr, nullptr, nullptr);
  EVP_CIPHER_CTX_set_key_length(ctx, static_cast<int>(key.size()));
  if (rc2_bits) EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_SET_RC2_KEY_BITS, rc2_bits, nullptr);
  EVP_EncryptInit_ex(ctx, nullptr, nullptr, reinterpret_cast<const unsigned char*>(key.data()), nullptr);
  EVP_CIPHER_CTX_set_padding(ctx, 0);
  std::string out(in.size() + 32, '\0');
  int len = 0, fin = 0;
  EVP_EncryptUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &len, reinterpret_cast<const unsigned char*>(in.data()),
                    static_cast<int>(in.size()));
  EVP_EncryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()) + len, &fin);
  out.resize(static_cast<size_t>(len + fin));
  EVP_CIPHER_CTX_free(ctx);
  EVP_CIPHER_free(cipher);
  return out;
}

std::string be64(uint64_t v) {
  std::string s(8, '\0');
  for (int i = 0; i < 8; ++i) s[i] = static_cast<char>(v >> (56 - 8 * i));
  return s;
}

TEST(CryptoTables, DesFromTablesMatchesOpenSsl) {
  const uint64_t keys[] = {0x133457799BBCDFF1ull, 0x0123456789ABCDEFull, 0xFEDCBA9876543210ull, 0x8001010101010101ull};
  const uint64_t blocks[] = {0x0123456789ABCDEFull, 0, 0xFFFFFFFFFFFFFFFFull, 0x4E6F772069732074ull};
  for (uint64_t k : keys)
    for (uint64_t b : blocks) {
      const std::string key = be64(k) + be64(k) + be64(k);
      EXPECT_EQ(be64(des_encrypt(k, b)), run_cipher("DES-EDE3-ECB", key, be64(b))) << std::hex << k << " " << b;
    }
  EXPECT_EQ(des_encrypt(0x133457799BBCDFF1ull, 0x0123456789ABCDEFull), 0x85E813540F0AB405ull);
}

// RC2 (RFC 2268) from PITABLE, compared with OpenSSL's legacy provider.
std::string rc2_encrypt(std::string_view key, unsigned effective_bits, std::string_view block) {
  const auto& pi = table("RC2", "PITABLE").values;
  uint8_t l[128] = {};
  const size_t t = key.size();
  for (size_t i = 0; i < t; ++i) l[i] = static_cast<uint8_t>(key[i]);
  for (size_t i = t; i < 128; ++i) l[i] = static_cast<uint8_t>(pi[(l[i - 1] + l[i - t]) & 255]);
  const unsigned t8 = (effective_bits + 7) / 8;
  const unsigned tm = 255 % (1u << (8 + effective_bits - 8 * t8));
  l[128 - t8] = static_cast<uint8_t>(pi[l[128 - t8] & tm]);
  for (int i = 127 - static_cast<int>(t8); i >= 0; --i) l[i] = static_cast<uint8_t>(pi[l[i + 1] ^ l[i + t8]]);
  uint16_t k[64];
  for (int i = 0; i < 64; ++i) k[i] = static_cast<uint16_t>(l[2 * i] | l[2 * i + 1] << 8);
  uint16_t r[4];
  for (int i = 0; i < 4; ++i) r[i] = static_cast<uint16_t>(static_cast<uint8_t>(block[2 * i]) | static_cast<uint8_t>(block[2 * i + 1]) << 8);
  const int s[4] = {1, 2, 3, 5};
  int j = 0;
  auto mix = [&] {
    for (int i = 0; i < 4; ++i) {
      const uint16_t sum = static_cast<uint16_t>(r[i] + k[j++] + (r[(i + 3) % 4] & r[(i + 2) % 4]) + (~r[(i + 3) % 4] & r[(i + 1) % 4]));
      r[i] = static_cast<uint16_t>((sum << s[i]) | (sum >> (16 - s[i])));
    }
  };
  auto mash = [&] {
    for (int i = 0; i < 4; ++i) r[i] = static_cast<uint16_t>(r[i] + k[r[(i + 3) % 4] & 63]);
  };
  for (int i = 0; i < 5; ++i) mix();
  mash();
  for (int i = 0; i < 6; ++i) mix();
  mash();
  for (int i = 0; i < 5; ++i) mix();
  std::string out(8, '\0');
  for (int i = 0; i < 4; ++i) out[2 * i] = static_cast<char>(r[i] & 0xff), out[2 * i + 1] = static_cast<char>(r[i] >> 8);
  return out;
}

TEST(CryptoTables, Rc2FromPitableMatchesOpenSsl) {
  const auto& pi = table("RC2", "PITABLE").values;
  std::vector<bool> seen(256);
  for (uint64_t v : pi) seen.at(v) = true;
  EXPECT_EQ(std::count(seen.begin(), seen.end(), true), 256) << "PITABLE is a permutation";
  OSSL_LIB_CTX* libctx = OSSL_LIB_CTX_new();
  OSSL_PROVIDER* legacy = OSSL_PROVIDER_load(libctx, "legacy");
  ASSERT_NE(legacy, nullptr) << "OpenSSL's legacy provider is needed for this test";
  for (std::string key : {std::string("0123456789abcdef"), std::string(16, '\xff'), std::string("\x88\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f", 16)})
    for (std::string block : {std::string(8, '\0'), std::string("\x10\x00\x00\x00\x00\x00\x00\x01", 8), std::string("mdbc rc2")})
      EXPECT_EQ(rc2_encrypt(key, 128, block), run_cipher("RC2-ECB", key, block, libctx, 128));
  OSSL_PROVIDER_unload(legacy);
  OSSL_LIB_CTX_free(libctx);
}

// MD5 built from the computed sine table, compared with OpenSSL.
std::string md5(std::string_view msg) {
  const auto& t = table("MD5", "sine table T").values;
  const int shift[4][4] = {{7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};
  const auto& iv = table("MD4/MD5", "initial values A-D").values;
  uint32_t h[4] = {static_cast<uint32_t>(iv[0]), static_cast<uint32_t>(iv[1]), static_cast<uint32_t>(iv[2]), static_cast<uint32_t>(iv[3])};
  std::string m(msg);
  m.push_back('\x80');
  while (m.size() % 64 != 56) m.push_back('\0');
  for (int i = 0; i < 8; ++i) m.push_back(static_cast<char>((uint64_t{msg.size()} * 8) >> (8 * i)));
  for (size_t off = 0; off < m.size(); off += 64) {
    uint32_t w[16];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int b = 3; b >= 0; --b) w[i] = w[i] << 8 | static_cast<uint8_t>(m[off + 4 * i + b]);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; ++i) {
      uint32_t f;
      int g;
      if (i < 16) f = (b & c) | (~b & d), g = i;
      else if (i < 32) f = (d & b) | (~d & c), g = (5 * i + 1) % 16;
      else if (i < 48) f = b ^ c ^ d, g = (3 * i + 5) % 16;
      else f = c ^ (b | ~d), g = (7 * i) % 16;
      const uint32_t sum = a + f + static_cast<uint32_t>(t[i]) + w[g];
      const int s = shift[i / 16][i % 4];
      a = d, d = c, c = b;
      b = b + ((sum << s) | (sum >> (32 - s)));
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d;
  }
  std::string out;
  for (uint32_t x : h)
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>(x >> (8 * i)));
  return out;
}

std::string openssl_digest(const char* name, std::string_view msg) {
  unsigned char md[64];
  unsigned int len = 0;
  EVP_MD* type = EVP_MD_fetch(nullptr, name, nullptr);
  EVP_Digest(msg.data(), msg.size(), md, &len, type, nullptr);
  EVP_MD_free(type);
  return std::string(reinterpret_cast<char*>(md), len);
}

TEST(CryptoTables, Md5FromSineTableMatchesOpenSsl) {
  const auto& t = table("MD5", "sine table T").values;
  EXPECT_EQ(t[0], 0xd76aa478u);
  EXPECT_EQ(t[63], 0xeb86d391u);
  for (std::string_view msg : {"", "abc", "message digest", "12345678901234567890123456789012345678901234567890123456789012345678901234567890"})
    EXPECT_EQ(md5(msg), openssl_digest("MD5", msg)) << msg;
}

// Keccak-f[1600] with the computed round constants, compared with OpenSSL's SHA3-256.
std::string sha3_256(std::string_view msg) {
  const auto& rc = table("Keccak/SHA-3", "round constants RC").values;
  EXPECT_EQ(rc.size(), 24u);
  int rho[25] = {};
  for (int t = 0, x = 1, y = 0; t < 24; ++t) {
    rho[x + 5 * y] = ((t + 1) * (t + 2) / 2) % 64;
    const int nx = y, ny = (2 * x + 3 * y) % 5;
    x = nx, y = ny;
  }
  auto rotl = [](uint64_t v, int n) { return n == 0 ? v : (v << n) | (v >> (64 - n)); };
  uint64_t a[25] = {};
  const size_t rate = 136;
  std::string m(msg);
  m.push_back('\x06');
  while (m.size() % rate != 0) m.push_back('\0');
  m.back() = static_cast<char>(m.back() | 0x80);
  for (size_t off = 0; off < m.size(); off += rate) {
    for (size_t i = 0; i < rate / 8; ++i)
      for (int b = 0; b < 8; ++b) a[i] ^= uint64_t{static_cast<uint8_t>(m[off + 8 * i + b])} << (8 * b);
    for (int round = 0; round < 24; ++round) {
      uint64_t c[5], b[25];
      for (int x = 0; x < 5; ++x) c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y) a[x + 5 * y] ^= c[(x + 4) % 5] ^ rotl(c[(x + 1) % 5], 1);
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y) b[y + 5 * ((2 * x + 3 * y) % 5)] = rotl(a[x + 5 * y], rho[x + 5 * y]);
      for (int x = 0; x < 5; ++x)
        for (int y = 0; y < 5; ++y) a[x + 5 * y] = b[x + 5 * y] ^ (~b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
      a[0] ^= rc[static_cast<size_t>(round)];
    }
  }
  std::string out;
  for (int i = 0; i < 4; ++i)
    for (int b = 0; b < 8; ++b) out.push_back(static_cast<char>(a[i] >> (8 * b)));
  return out;
}

TEST(CryptoTables, KeccakRoundConstantsMatchOpenSslSha3) {
  for (std::string_view msg : {"", "abc", "The quick brown fox jumps over the lazy dog"})
    EXPECT_EQ(sha3_256(msg), openssl_digest("SHA3-256", msg)) << msg;
}

// Blowfish's P-array against hexadecimal digits of pi from the Bailey-Borwein-Plouffe formula, a
// method independent of the Machin formula the product uses.
double bbp_series(int j, int d) {
  double s = 0;
  for (int k = 0; k <= d; ++k) {
    double r = 1, base = 16;
    const int mod = 8 * k + j;
    for (int e = d - k; e > 0; e >>= 1) {  // 16^(d-k) mod (8k+j)
      if (e & 1) r = std::fmod(r * base, mod);
      base = std::fmod(base * base, mod);
    }
    s = std::fmod(s + r / mod, 1.0);
  }
  for (int k = d + 1; k <= d + 100; ++k) s += std::pow(16.0, d - k) / (8 * k + j);
  return std::fmod(s, 1.0);
}

int pi_hex_digit(int d) {  // the (d+1)-th hexadecimal digit after the point
  double x = 4 * bbp_series(1, d) - 2 * bbp_series(4, d) - bbp_series(5, d) - bbp_series(6, d);
  x = x - std::floor(x);
  return static_cast<int>(x * 16);
}

TEST(CryptoTables, BlowfishPArrayIsPi) {
  const auto& p = table("Blowfish", "P-array (hexadecimal digits of pi)").values;
  ASSERT_EQ(p.size(), 18u);
  for (int word = 0; word < 18; ++word) {
    uint64_t v = 0;
    for (int d = 0; d < 8; ++d) v = v << 4 | static_cast<uint64_t>(pi_hex_digit(8 * word + d));
    EXPECT_EQ(p[static_cast<size_t>(word)], v) << word;
  }
}

// CRC tables against the catalogue's check values over "123456789".
uint64_t crc(const Table& t, bool reflected, uint64_t init, uint64_t xorout) {
  const std::string msg = "123456789";
  const uint64_t mask = t.bits == 64 ? ~uint64_t{0} : (uint64_t{1} << t.bits) - 1;
  uint64_t c = init;
  for (char ch : msg) {
    const auto b = static_cast<uint8_t>(ch);
    if (reflected) c = (c >> 8) ^ t.values[(c ^ b) & 0xff];
    else c = ((c << 8) ^ t.values[((c >> (t.bits - 8)) ^ b) & 0xff]) & mask;
  }
  return (c ^ xorout) & mask;
}

TEST(CryptoTables, CrcTablesGiveCatalogueCheckValues) {
  auto find = [](std::string_view prefix) -> const Table& {
    for (const auto& t : tables())
      if (t.algorithm == "CRC" && t.name.starts_with(prefix)) return t;
    ADD_FAILURE() << prefix;
    static const Table none;
    return none;
  };
  EXPECT_EQ(crc(find("CRC-32 (IEEE"), true, 0xffffffff, 0xffffffff), 0xCBF43926u);
  EXPECT_EQ(crc(find("CRC-32 (MSB"), false, 0xffffffff, 0xffffffff), 0xFC891918u);
  EXPECT_EQ(crc(find("CRC-32C"), true, 0xffffffff, 0xffffffff), 0xE3069283u);
  EXPECT_EQ(crc(find("CRC-16 (ARC"), true, 0, 0), 0xBB3Du);
  EXPECT_EQ(crc(find("CRC-16 (CCITT"), false, 0, 0), 0x31C3u);
  EXPECT_EQ(crc(find("CRC-16 (KERMIT"), true, 0, 0), 0x2189u);
  EXPECT_EQ(crc(find("CRC-16 (BUYPASS"), false, 0, 0), 0xFEE8u);
  EXPECT_EQ(crc(find("CRC-8 (0x07"), false, 0, 0), 0xF4u);
  EXPECT_EQ(crc(find("CRC-8 (Dallas"), true, 0, 0), 0xA1u);
  EXPECT_EQ(crc(find("CRC-64 (XZ"), true, ~uint64_t{0}, ~uint64_t{0}), 0x995DC9BBDF1939FAull);
  EXPECT_EQ(crc(find("CRC-64 (ECMA"), false, 0, 0), 0x6C40DF5F0B497347ull);
  for (const auto& t : tables()) EXPECT_EQ(t.purpose == Purpose::checksum, t.algorithm == "CRC") << t.label();
}

TEST(CryptoTables, ChaChaConstantsAreTheAsciiText) {
  // RFC 8439 2.3: the four words are the ASCII text, little-endian (written in two parts here so
  // that mdbc's own source holds no ChaCha constant).
  auto words = [](const std::string& text) {
    std::vector<uint64_t> out;
    for (size_t i = 0; i < text.size(); i += 4)
      out.push_back(uint64_t{static_cast<uint8_t>(text[i])} | uint64_t{static_cast<uint8_t>(text[i + 1])} << 8 |
                    uint64_t{static_cast<uint8_t>(text[i + 2])} << 16 | uint64_t{static_cast<uint8_t>(text[i + 3])} << 24);
    return out;
  };
  EXPECT_EQ(table("ChaCha/Salsa20", "sigma constant (32-byte keys)").values, words(std::string("expand ") + "32-byte k"));
  EXPECT_EQ(table("ChaCha/Salsa20", "tau constant (16-byte keys)").values, words(std::string("expand ") + "16-byte k"));
}

TEST(CryptoTables, SubsetsAreKnown) {
  EXPECT_TRUE(values_within(table("SHA-224/SHA-256", "round constants K"), table("SHA-384/SHA-512", "round constants K")));
  EXPECT_TRUE(values_within(table("SHA-256", "initial hash value"), table("SHA-512", "initial hash value")));
  EXPECT_TRUE(values_within(table("MD4/MD5", "initial values A-D"), table("SHA-1", "initial hash value")));
  EXPECT_FALSE(values_within(table("SHA-1", "initial hash value"), table("MD4/MD5", "initial values A-D")));
  EXPECT_FALSE(values_within(table("SHA-1", "round constants K"), table("SHA-1", "initial hash value")));
}

// GOST 28147-89 (Magma, RFC 8891 5): 32 Feistel rounds of g[k](a) = t(a + k) <<< 11, where t
// substitutes the nibble i of a by row i of the parameter set; the round keys are the key's eight
// big-endian words three times in order, then in reverse.
uint64_t magma_encrypt(const std::vector<uint64_t>& sbox, const std::vector<uint8_t>& key, uint64_t block) {
  uint32_t k[8];
  for (size_t i = 0; i < 8; ++i)
    k[i] = uint32_t{key[4 * i]} << 24 | uint32_t{key[4 * i + 1]} << 16 | uint32_t{key[4 * i + 2]} << 8 | key[4 * i + 3];
  auto g = [&](uint32_t a) {
    uint32_t t = 0;
    for (unsigned i = 0; i < 8; ++i) t |= static_cast<uint32_t>(sbox[16 * i + ((a >> (4 * i)) & 15)]) << (4 * i);
    return t << 11 | t >> 21;
  };
  auto a1 = static_cast<uint32_t>(block >> 32), a0 = static_cast<uint32_t>(block);
  for (unsigned round = 0; round < 32; ++round) {
    const uint32_t next = a1 ^ g(a0 + k[round < 24 ? round % 8 : 7 - round % 8]);
    a1 = a0;
    a0 = next;
  }
  return uint64_t{a0} << 32 | a1;  // the last round does not swap
}

std::vector<uint8_t> hex_bytes(std::string_view hex) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<uint8_t>(std::stoul(std::string(hex.substr(i, 2)), nullptr, 16)));
  return out;
}

TEST(CryptoTables, GostSboxesAreRowsOfNibblePermutations) {
  size_t sets = 0;
  for (const auto& t : tables()) {
    if (t.variant != Variant::gost_sbox) continue;
    ++sets;
    ASSERT_EQ(t.values.size(), 128u) << t.label();
    for (size_t row = 0; row < 8; ++row) {
      std::vector<uint64_t> r(t.values.begin() + static_cast<ptrdiff_t>(16 * row), t.values.begin() + static_cast<ptrdiff_t>(16 * row + 16));
      std::sort(r.begin(), r.end());
      for (uint64_t v = 0; v < 16; ++v) EXPECT_EQ(r[v], v) << t.label() << " row " << row;
    }
  }
  EXPECT_EQ(sets, 7u);
}

TEST(CryptoTables, MagmaFromParamZMatchesRfc8891) {
  const auto& sbox = table("GOST 28147-89/Magma", "S-boxes (id-tc26-gost-28147-param-Z)").values;
  const auto key = hex_bytes("ffeeddccbbaa99887766554433221100f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff");
  EXPECT_EQ(magma_encrypt(sbox, key, 0xfedcba9876543210ull), 0x4ee901e5c2d8ca3dull);  // RFC 8891 A.3
}

TEST(CryptoTables, GostSboxesAlsoWrittenK8First) {
  const Table& z = table("GOST 28147-89/Magma", "S-boxes (id-tc26-gost-28147-param-Z)");
  bool found = false;
  for (const auto& f : value_forms(tables()))
    if (&tables()[f.table] == &z && f.layout == "bytes, K8 first") {
      found = true;
      ASSERT_EQ(f.values.size(), 128u);
      for (size_t row = 0; row < 8; ++row)
        for (size_t x = 0; x < 16; ++x) EXPECT_EQ(f.values[16 * row + x], z.values[16 * (7 - row) + x]);
    }
  EXPECT_TRUE(found);
}

// Kuznyechik (RFC 7801 4): nine rounds of X, S (pi) and L (sixteen steps of an LFSR over GF(2^8)
// modulo x^8 + x^7 + x^6 + x + 1), round keys from a Feistel network keyed by L(i).
using Block128 = std::array<uint8_t, 16>;  // [0] most significant

uint8_t kuznyechik_mul(uint8_t a, uint8_t b) {
  uint8_t r = 0;
  for (; b != 0; b >>= 1, a = static_cast<uint8_t>((a << 1) ^ ((a & 0x80) ? 0xc3 : 0)))
    if (b & 1) r ^= a;
  return r;
}

Block128 kuznyechik_l(Block128 a) {
  static constexpr uint8_t coefficients[16] = {148, 32, 133, 16, 194, 192, 1, 251, 1, 192, 194, 16, 133, 32, 148, 1};
  for (int step = 0; step < 16; ++step) {
    uint8_t x = 0;
    for (size_t i = 0; i < 16; ++i) x ^= kuznyechik_mul(a[i], coefficients[i]);
    std::copy_backward(a.begin(), a.end() - 1, a.end());
    a[0] = x;
  }
  return a;
}

Block128 kuznyechik_lsx(const std::vector<uint64_t>& pi, const Block128& k, const Block128& a) {
  Block128 x;
  for (size_t i = 0; i < 16; ++i) x[i] = static_cast<uint8_t>(pi[k[i] ^ a[i]]);
  return kuznyechik_l(x);
}

Block128 kuznyechik_encrypt(const std::vector<uint64_t>& pi, const std::vector<uint8_t>& key, Block128 block) {
  std::vector<Block128> round_keys(2);
  std::copy(key.begin(), key.begin() + 16, round_keys[0].begin());
  std::copy(key.begin() + 16, key.begin() + 32, round_keys[1].begin());
  Block128 k1 = round_keys[0], k2 = round_keys[1];
  for (uint8_t i = 1; i <= 32; ++i) {
    Block128 c{};
    c[15] = i;
    const Block128 f = kuznyechik_lsx(pi, kuznyechik_l(c), k1);
    Block128 next;
    for (size_t b = 0; b < 16; ++b) next[b] = f[b] ^ k2[b];
    k2 = k1;
    k1 = next;
    if (i % 8 == 0) round_keys.insert(round_keys.end(), {k1, k2});
  }
  for (size_t r = 0; r < 9; ++r) block = kuznyechik_lsx(pi, round_keys[r], block);
  for (size_t b = 0; b < 16; ++b) block[b] ^= round_keys[9][b];
  return block;
}

TEST(CryptoTables, KuznyechikFromPiMatchesRfc7801) {
  const auto& pi = table("Kuznyechik/Streebog", "substitution pi").values;
  const auto key = hex_bytes("8899aabbccddeeff0011223344556677fedcba98765432100123456789abcdef");
  const auto plain = hex_bytes("1122334455667700ffeeddccbbaa9988");
  Block128 block;
  std::copy(plain.begin(), plain.end(), block.begin());
  const auto expected = hex_bytes("7f679d90bebc24305a468d42b9d4edcd");  // RFC 7801 5.5
  const Block128 cipher = kuznyechik_encrypt(pi, key, block);
  EXPECT_TRUE(std::equal(cipher.begin(), cipher.end(), expected.begin()));
}

// SM4 (GB/T 32907-2016): 32 rounds of X_{i+4} = X_i ^ T(X_{i+1} ^ X_{i+2} ^ X_{i+3} ^ rk_i), the
// round keys from the key, FK and CK by the same recurrence with the lighter linear map.
std::string sm4_encrypt(std::string_view key, std::string_view block) {
  const auto& sbox = table("SM4", "S-box").values;
  const auto& fk = table("SM4", "system parameter FK").values;
  const auto& ck = table("SM4", "key schedule constants CK").values;
  auto word = [](std::string_view s, size_t i) {
    uint32_t w = 0;
    for (size_t b = 0; b < 4; ++b) w = w << 8 | static_cast<uint8_t>(s[4 * i + b]);
    return w;
  };
  auto rotl = [](uint32_t x, unsigned n) { return x << n | x >> (32 - n); };
  auto tau = [&](uint32_t x) {
    uint32_t r = 0;
    for (unsigned b = 0; b < 4; ++b) r |= static_cast<uint32_t>(sbox[(x >> (8 * b)) & 0xff]) << (8 * b);
    return r;
  };
  std::vector<uint32_t> k, x;
  for (size_t i = 0; i < 4; ++i) k.push_back(word(key, i) ^ static_cast<uint32_t>(fk[i]));
  for (size_t i = 0; i < 4; ++i) x.push_back(word(block, i));
  for (size_t i = 0; i < 32; ++i) {
    const uint32_t kt = tau(k[i + 1] ^ k[i + 2] ^ k[i + 3] ^ static_cast<uint32_t>(ck[i]));
    k.push_back(k[i] ^ kt ^ rotl(kt, 13) ^ rotl(kt, 23));
    const uint32_t xt = tau(x[i + 1] ^ x[i + 2] ^ x[i + 3] ^ k.back());
    x.push_back(x[i] ^ xt ^ rotl(xt, 2) ^ rotl(xt, 10) ^ rotl(xt, 18) ^ rotl(xt, 24));
  }
  std::string out;
  for (size_t i = 35; i >= 32; --i)
    for (int b = 3; b >= 0; --b) out.push_back(static_cast<char>(x[i] >> (8 * b)));
  return out;
}

TEST(CryptoTables, Sm4FromTablesMatchesOpenSsl) {
  const auto standard = hex_bytes("0123456789abcdeffedcba9876543210");
  const std::string key(standard.begin(), standard.end());
  const auto expected = hex_bytes("681edf34d206965e86b3e94f536e4246");  // GB/T 32907-2016 A.1
  EXPECT_EQ(sm4_encrypt(key, key), std::string(expected.begin(), expected.end()));
  for (int t = 0; t < 4; ++t) {
    std::string k(16, '\0'), b(16, '\0');
    for (int i = 0; i < 16; ++i) k[i] = static_cast<char>(t * 31 + i * 17), b[i] = static_cast<char>(t * 7 + i * 101);
    EXPECT_EQ(sm4_encrypt(k, b), run_cipher("SM4-ECB", k, b)) << t;
  }
}

// Camellia-128 (RFC 3713 2.4): s2, s3 and s4 are rotations of SBOX1 and of its input; 18 rounds
// of F with FL/FL^-1 after the 6th and 12th; round keys from KL and KA rotated.
struct U128 {
  uint64_t hi, lo;
};
U128 rotl128(U128 x, unsigned n) {
  if (n >= 64) x = {x.lo, x.hi}, n -= 64;
  if (n == 0) return x;
  return {x.hi << n | x.lo >> (64 - n), x.lo << n | x.hi >> (64 - n)};
}

uint64_t camellia_f(const std::vector<uint64_t>& s1, uint64_t x, uint64_t k) {
  auto rot8 = [](unsigned v, unsigned n) { return static_cast<uint8_t>((v << n | v >> (8 - n)) & 0xff); };
  auto s = [&](int box, unsigned v) -> unsigned {
    if (box == 1) return static_cast<unsigned>(s1[v]);
    if (box == 2) return rot8(static_cast<unsigned>(s1[v]), 1);
    if (box == 3) return rot8(static_cast<unsigned>(s1[v]), 7);
    return static_cast<unsigned>(s1[rot8(v, 1)]);
  };
  x ^= k;
  static constexpr int boxes[8] = {1, 2, 3, 4, 2, 3, 4, 1};
  unsigned y[8];
  for (int i = 0; i < 8; ++i) y[i] = s(boxes[i], (x >> (56 - 8 * i)) & 0xff);
  const unsigned z[8] = {y[0] ^ y[2] ^ y[3] ^ y[5] ^ y[6] ^ y[7], y[0] ^ y[1] ^ y[3] ^ y[4] ^ y[6] ^ y[7],
                         y[0] ^ y[1] ^ y[2] ^ y[4] ^ y[5] ^ y[7], y[1] ^ y[2] ^ y[3] ^ y[4] ^ y[5] ^ y[6],
                         y[0] ^ y[1] ^ y[5] ^ y[6] ^ y[7],        y[1] ^ y[2] ^ y[4] ^ y[6] ^ y[7],
                         y[2] ^ y[3] ^ y[4] ^ y[5] ^ y[7],        y[0] ^ y[3] ^ y[4] ^ y[5] ^ y[6]};
  uint64_t out = 0;
  for (unsigned v : z) out = out << 8 | v;
  return out;
}

U128 camellia128_encrypt(const std::vector<uint64_t>& s1, U128 kl, U128 m) {
  static constexpr uint64_t sigma[4] = {0xA09E667F3BCC908Bull, 0xB67AE8584CAA73B2ull, 0xC6EF372FE94F82BEull,
                                        0x54FF53A5F1D36F1Cull};
  uint64_t d1 = kl.hi, d2 = kl.lo;
  d2 ^= camellia_f(s1, d1, sigma[0]);
  d1 ^= camellia_f(s1, d2, sigma[1]);
  d1 ^= kl.hi, d2 ^= kl.lo;
  d2 ^= camellia_f(s1, d1, sigma[2]);
  d1 ^= camellia_f(s1, d2, sigma[3]);
  const U128 ka{d1, d2};
  auto hi = [](U128 x, unsigned n) { return rotl128(x, n).hi; };
  auto lo = [](U128 x, unsigned n) { return rotl128(x, n).lo; };
  const uint64_t k[18] = {hi(ka, 0),   lo(ka, 0),   hi(kl, 15),  lo(kl, 15),  hi(ka, 15),  lo(ka, 15),
                          hi(kl, 45),  lo(kl, 45),  hi(ka, 45),  lo(kl, 60),  hi(ka, 60),  lo(ka, 60),
                          hi(kl, 94),  lo(kl, 94),  hi(ka, 94),  lo(ka, 94),  hi(kl, 111), lo(kl, 111)};
  const uint64_t ke[4] = {hi(ka, 30), lo(ka, 30), hi(kl, 77), lo(kl, 77)};
  auto rot32 = [](uint64_t v) { return static_cast<uint32_t>((v << 1 | v >> 31) & 0xffffffff); };
  auto fl = [&](uint64_t x, uint64_t key) {
    uint32_t x1 = static_cast<uint32_t>(x >> 32), x2 = static_cast<uint32_t>(x);
    x2 ^= rot32(x1 & static_cast<uint32_t>(key >> 32));
    x1 ^= x2 | static_cast<uint32_t>(key);
    return uint64_t{x1} << 32 | x2;
  };
  auto fl_inverse = [&](uint64_t y, uint64_t key) {
    uint32_t y1 = static_cast<uint32_t>(y >> 32), y2 = static_cast<uint32_t>(y);
    y1 ^= y2 | static_cast<uint32_t>(key);
    y2 ^= rot32(y1 & static_cast<uint32_t>(key >> 32));
    return uint64_t{y1} << 32 | y2;
  };
  d1 = m.hi ^ kl.hi, d2 = m.lo ^ kl.lo;
  for (int block = 0; block < 3; ++block) {
    for (int j = 0; j < 3; ++j) {
      d2 ^= camellia_f(s1, d1, k[6 * block + 2 * j]);
      d1 ^= camellia_f(s1, d2, k[6 * block + 2 * j + 1]);
    }
    if (block < 2) d1 = fl(d1, ke[2 * block]), d2 = fl_inverse(d2, ke[2 * block + 1]);
  }
  return {d2 ^ hi(ka, 111), d1 ^ lo(ka, 111)};
}

TEST(CryptoTables, CamelliaFromSbox1MatchesRfc3713AndOpenSsl) {
  const auto& s1 = table("Camellia", "SBOX1").values;
  const U128 standard{0x0123456789abcdefull, 0xfedcba9876543210ull};
  const U128 cipher = camellia128_encrypt(s1, standard, standard);
  EXPECT_EQ(cipher.hi, 0x6767313854966973ull);  // RFC 3713 Appendix A
  EXPECT_EQ(cipher.lo, 0x0857065648eabe43ull);
  for (uint64_t t = 1; t <= 3; ++t) {
    const U128 key{t * 0x9E3779B97F4A7C15ull, ~t * 0xC2B2AE3D27D4EB4Full}, block{t * 0x165667B19E3779F9ull, t};
    const U128 c = camellia128_encrypt(s1, key, block);
    EXPECT_EQ(be64(c.hi) + be64(c.lo), run_cipher("CAMELLIA-128-ECB", be64(key.hi) + be64(key.lo), be64(block.hi) + be64(block.lo)));
  }
}

TEST(CryptoTables, DesSboxInputOrderForm) {
  const auto forms = byte_forms(tables());
  const Table& s1 = table("DES", "S-box S1");
  bool found = false;
  for (const auto& f : forms)
    if (&tables()[f.table] == &s1 && f.layout == "bytes, indexed by the 6-bit input") {
      found = true;
      for (unsigned six = 0; six < 64; ++six)
        EXPECT_EQ(static_cast<uint8_t>(f.bytes[six]), s1.values[(((six >> 4) & 2) | (six & 1)) * 16 + ((six >> 1) & 15)]);
    }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace mdbc::crypto_tables
