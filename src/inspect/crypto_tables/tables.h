#pragma once
// The constant tables that identify implementations of cryptographic algorithms (CRYPTO-2), and
// the CRC tables that must never be mistaken for them. Tables typed from the standards come from
// data/crypto-tables.tsv (compiled in); tables that are derived by computation (AES T-tables, the
// MD5 sine table, Keccak round constants, the Blowfish P-array, SM4's CK, CRCs) are computed
// here, once.
#include <cstdint>
#include <string>
#include <vector>

namespace mdbc::crypto_tables {

enum class Purpose : uint8_t {
  cryptographic,  // evidence of an implementation of the algorithm
  checksum,       // recognised only so that it is never reported as cryptography
};

// Further ways a table is commonly written, beyond byte order and element width.
enum class Variant : uint8_t {
  none,
  one_based_positions,  // DES bit-position tables: also written 0-based
  des_sbox,             // DES S-boxes: also stored indexed by the 6-bit input rather than row-major
  gost_sbox,            // GOST 28147-89 S-boxes K1..K8 (16 entries each): also written K8 first
};

struct Table {
  std::string algorithm;  // "AES", "SHA-224/SHA-256", "CRC-32"
  std::string name;       // "S-box", "round constants K"
  std::string standard;   // where it is defined
  unsigned bits = 32;     // element width: 8, 16, 32 or 64
  std::vector<uint64_t> values;
  Purpose purpose = Purpose::cryptographic;
  Variant variant = Variant::none;
  // Usually compiled into instructions or literal pools rather than kept as a table (round
  // constants and initial values of hash functions), so also searched for as scattered words.
  bool immediates = false;

  std::string label() const { return algorithm + " " + name; }
};

// Every table, built on first use (thread-safe). A damaged compiled-in data file is a bug of mdbc
// and throws std::logic_error.
const std::vector<Table>& tables();

// Whether every value of `part` is among the values of `whole` or their 32-bit halves: then a
// match of `part` overlapping a match of `whole` is the same code seen twice (the SHA-256 round
// constants are the high halves of SHA-512's).
bool values_within(const Table& part, const Table& whole);

// The values of a table and, of a 64-bit table, their 32-bit halves, sorted: what values_within
// compares against, built once per table when many pairs are compared.
std::vector<uint64_t> values_and_halves(const Table& whole);
bool values_within(const Table& part, const std::vector<uint64_t>& whole_values);

}  // namespace mdbc::crypto_tables
