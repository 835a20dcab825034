#include "inspect/crypto_tables/forms.h"

#include <algorithm>
#include <cstddef>

namespace mdbc::crypto_tables {
namespace {

// The table's values in the orders its algorithm is written in: as defined, and its variants.
struct Ordering {
  std::string suffix;
  std::vector<uint64_t> values;
};

std::vector<Ordering> orderings(const Table& t) {
  std::vector<Ordering> out{{"", t.values}};
  if (t.variant == Variant::one_based_positions) {
    Ordering zero{", 0-based", t.values};
    for (auto& v : zero.values) v -= 1;
    out.push_back(std::move(zero));
  } else if (t.variant == Variant::des_sbox && t.values.size() == 64) {
    // Entry b of the 6-bit input b5..b0 is in row b5b0, column b4..b1 of the standard's layout.
    Ordering by_input{", indexed by the 6-bit input", {}};
    for (unsigned b = 0; b < 64; ++b) by_input.values.push_back(t.values[(((b >> 4) & 2) | (b & 1)) * 16 + ((b >> 1) & 15)]);
    out.push_back(std::move(by_input));
  } else if (t.variant == Variant::gost_sbox && t.values.size() == 128) {
    // The standards list K1 (the lowest nibble's) first; code after Schneier's declares K8 first.
    Ordering reversed{", K8 first", {}};
    for (size_t row = 8; row-- > 0;)
      reversed.values.insert(reversed.values.end(), t.values.begin() + static_cast<std::ptrdiff_t>(16 * row),
                             t.values.begin() + static_cast<std::ptrdiff_t>(16 * row + 16));
    out.push_back(std::move(reversed));
  }
  return out;
}

void put(std::string& out, uint64_t v, unsigned bytes, bool big_endian) {
  for (unsigned i = 0; i < bytes; ++i) {
    const unsigned shift = 8 * (big_endian ? bytes - 1 - i : i);
    out.push_back(static_cast<char>(static_cast<uint8_t>(v >> shift)));
  }
}

ByteForm byte_form(uint32_t table, std::string layout, unsigned element_bytes, const std::vector<uint64_t>& values,
                   bool big_endian, unsigned shift = 0) {
  ByteForm f{table, std::move(layout), element_bytes, {}};
  f.bytes.reserve(values.size() * element_bytes);
  for (uint64_t v : values) put(f.bytes, v << shift, element_bytes, big_endian);
  return f;
}

uint64_t byte_swap(uint64_t v, unsigned bits) {
  uint64_t r = 0;
  for (unsigned i = 0; i < bits / 8; ++i) r = r << 8 | ((v >> (8 * i)) & 0xff);
  return r;
}

bool mostly_wide(const std::vector<uint64_t>& values) {
  const auto wide = std::count_if(values.begin(), values.end(), [](uint64_t v) { return v >= 0x10000; });
  return static_cast<size_t>(wide) * 10 >= values.size() * 9;
}

bool mostly_unique(std::vector<uint64_t> values) {
  const size_t n = values.size();
  std::sort(values.begin(), values.end());
  return static_cast<size_t>(std::unique(values.begin(), values.end()) - values.begin()) * 10 >= n * 9;
}

// Distinctive: a table of wide values in its own width (not bytes repacked into words, whose sets
// every permutation of bytes shares), mostly distinct and mostly above 16 bits.
ValueForm value_form(uint32_t table, std::string layout, unsigned bits, std::vector<uint64_t> values, bool native = false) {
  const bool distinctive = native && bits >= 32 && mostly_wide(values) && mostly_unique(values);
  return ValueForm{table, std::move(layout), bits, std::move(values), distinctive};
}

std::vector<uint64_t> split_bytes(const std::vector<uint64_t>& values, unsigned bits, bool big_endian) {
  std::vector<uint64_t> out;
  for (uint64_t v : values)
    for (unsigned i = 0; i < bits / 8; ++i) out.push_back((v >> (8 * (big_endian ? bits / 8 - 1 - i : i))) & 0xff);
  return out;
}

}  // namespace

std::vector<ByteForm> byte_forms(const std::vector<Table>& tables) {
  std::vector<ByteForm> out;
  for (uint32_t ti = 0; ti < tables.size(); ++ti) {
    const Table& t = tables[ti];
    for (const auto& [suffix, values] : orderings(t)) {
      switch (t.bits) {
        case 8: {
          out.push_back(byte_form(ti, "bytes" + suffix, 1, values, false));
          // Byte tables kept in 32-bit words (uint32_t sbox[256]), with the byte in any of the four
          // places (as the "Te4_0..3" tables of some AES code do), or in all four.
          out.push_back(byte_form(ti, "32-bit little-endian words" + suffix, 4, values, false));
          out.push_back(byte_form(ti, "32-bit big-endian words" + suffix, 4, values, true));
          out.push_back(byte_form(ti, "32-bit little-endian words, shifted left 8" + suffix, 4, values, false, 8));
          out.push_back(byte_form(ti, "32-bit big-endian words, shifted left 8" + suffix, 4, values, true, 8));
          std::vector<uint64_t> replicated;
          for (uint64_t v : values) replicated.push_back(v * 0x01010101);
          out.push_back(byte_form(ti, "32-bit words, byte repeated four times" + suffix, 4, replicated, false));
          break;
        }
        case 16:
          out.push_back(byte_form(ti, "16-bit little-endian words" + suffix, 2, values, false));
          out.push_back(byte_form(ti, "16-bit big-endian words" + suffix, 2, values, true));
          break;
        case 32:
          out.push_back(byte_form(ti, "32-bit little-endian words" + suffix, 4, values, false));
          out.push_back(byte_form(ti, "32-bit big-endian words" + suffix, 4, values, true));
          // Short tables declared with a 64-bit type (unsigned long on LP64 systems).
          if (values.size() <= 80) {
            out.push_back(byte_form(ti, "64-bit little-endian words" + suffix, 8, values, false));
            out.push_back(byte_form(ti, "64-bit big-endian words" + suffix, 8, values, true));
          }
          break;
        case 64: {
          out.push_back(byte_form(ti, "64-bit little-endian words" + suffix, 8, values, false));
          out.push_back(byte_form(ti, "64-bit big-endian words" + suffix, 8, values, true));
          // 32-bit code keeping each 64-bit constant as two words, high word first.
          ByteForm halves{ti, "32-bit little-endian word pairs, high word first" + suffix, 8, {}};
          for (uint64_t v : values) {
            put(halves.bytes, v >> 32, 4, false);
            put(halves.bytes, v & 0xffffffff, 4, false);
          }
          out.push_back(std::move(halves));
          break;
        }
        default:
          break;
      }
    }
  }
  return out;
}

std::vector<ValueForm> value_forms(const std::vector<Table>& tables) {
  std::vector<ValueForm> out;
  for (uint32_t ti = 0; ti < tables.size(); ++ti) {
    const Table& t = tables[ti];
    for (const auto& [suffix, values] : orderings(t)) {
      switch (t.bits) {
        case 8: {
          out.push_back(value_form(ti, "bytes" + suffix, 8, values));
          if (!suffix.empty()) break;
          std::vector<uint64_t> le, be, replicated;
          for (size_t i = 0; i + 4 <= values.size(); i += 4) {
            le.push_back(values[i] | values[i + 1] << 8 | values[i + 2] << 16 | values[i + 3] << 24);
            be.push_back(values[i] << 24 | values[i + 1] << 16 | values[i + 2] << 8 | values[i + 3]);
          }
          for (uint64_t v : values) replicated.push_back(v * 0x01010101);
          out.push_back(value_form(ti, "bytes packed into 32-bit words, little-endian", 32, std::move(le)));
          out.push_back(value_form(ti, "bytes packed into 32-bit words, big-endian", 32, std::move(be)));
          out.push_back(value_form(ti, "32-bit words, byte repeated four times", 32, std::move(replicated)));
          break;
        }
        case 16: {
          out.push_back(value_form(ti, "16-bit words" + suffix, 16, values));
          std::vector<uint64_t> swapped;
          for (uint64_t v : values) swapped.push_back(byte_swap(v, 16));
          out.push_back(value_form(ti, "16-bit words, bytes swapped" + suffix, 16, std::move(swapped)));
          break;
        }
        case 32:
        case 64: {
          const unsigned bits = t.bits;
          const std::string width = std::to_string(bits) + "-bit words";
          out.push_back(value_form(ti, width + suffix, bits, values, true));
          std::vector<uint64_t> swapped;
          for (uint64_t v : values) swapped.push_back(byte_swap(v, bits));
          out.push_back(value_form(ti, width + ", bytes swapped" + suffix, bits, std::move(swapped), true));
          if (bits == 64) {
            std::vector<uint64_t> high_first, low_first;
            for (uint64_t v : values) {
              high_first.insert(high_first.end(), {v >> 32, v & 0xffffffff});
              low_first.insert(low_first.end(), {v & 0xffffffff, v >> 32});
            }
            out.push_back(value_form(ti, "32-bit halves, high half first" + suffix, 32, std::move(high_first), true));
            out.push_back(value_form(ti, "32-bit halves, low half first" + suffix, 32, std::move(low_first), true));
          }
          out.push_back(value_form(ti, "bytes, most significant first" + suffix, 8, split_bytes(values, bits, true)));
          out.push_back(value_form(ti, "bytes, least significant first" + suffix, 8, split_bytes(values, bits, false)));
          break;
        }
        default:
          break;
      }
    }
  }
  return out;
}

}  // namespace mdbc::crypto_tables
