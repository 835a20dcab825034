#pragma once
#include <string>
#include <string_view>

namespace mdbc {

// SHA-256 of bytes as lowercase hex (OpenSSL EVP).
std::string sha256_hex(std::string_view bytes);

// Incremental SHA-256 (OpenSSL EVP), for digests over many pieces.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view bytes);
  std::string hex();  // finishes the digest

 private:
  void* ctx_;
};

}  // namespace mdbc
