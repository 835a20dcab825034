#pragma once
// Test helpers for the MCUboot reference vectors (../shared/data/mcuboot-vectors, signed by imgtool)
// and for building images by hand from the format description with OpenSSL directly.
#include <cstdint>
#include <string>
#include <vector>

#include "support/run.h"

namespace mdbc::test {

inline const std::vector<std::string> vector_key_types = {"ed25519", "ecdsa-p256", "ecdsa-p384", "rsa-2048",
                                                          "rsa-3072"};
inline const std::vector<std::string> vector_variants = {"", "-confirmed", "-seccnt7", "-fullkey"};

inline std::filesystem::path vector_path(const std::string& name) {
  return shared_dir() / "data" / "mcuboot-vectors" / name;
}
inline std::string vector_file(const std::string& name) { return read_text(vector_path(name)); }

inline std::string le16(uint16_t v) { return {static_cast<char>(v & 0xff), static_cast<char>(v >> 8)}; }
inline std::string le32(uint32_t v) { return le16(static_cast<uint16_t>(v & 0xffff)) + le16(static_cast<uint16_t>(v >> 16)); }

}  // namespace mdbc::test
