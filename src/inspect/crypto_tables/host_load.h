#pragma once
// Words loaded from raw bytes as the host sees memory. The byte scanner builds its keys by the same
// loads from the same byte strings it later compares them with, so host byte order never matters.
#include <cstdint>
#include <cstring>

namespace mdbc::crypto_tables {

inline uint32_t load4(const uint8_t* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

inline uint64_t load8(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

}  // namespace mdbc::crypto_tables
