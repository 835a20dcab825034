#include "sign/hash.h"

#include <memory>
#include <stdexcept>

#include <openssl/evp.h>

namespace mdbc::sign {

std::string_view to_string(HashAlg h) {
  switch (h) {
    case HashAlg::sha256: return "sha256";
    case HashAlg::sha384: return "sha384";
    case HashAlg::sha512: return "sha512";
  }
  return "sha256";
}

size_t digest_size(HashAlg h) {
  switch (h) {
    case HashAlg::sha256: return 32;
    case HashAlg::sha384: return 48;
    case HashAlg::sha512: return 64;
  }
  return 32;
}

std::string digest(HashAlg h, std::string_view data) {
  const EVP_MD* md = h == HashAlg::sha256 ? EVP_sha256() : h == HashAlg::sha384 ? EVP_sha384() : EVP_sha512();
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), out, &len, md, nullptr) != 1)
    throw std::runtime_error("digest failed");
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string to_hex(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

}  // namespace mdbc::sign
