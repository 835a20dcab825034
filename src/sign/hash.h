#pragma once
// Message digests used by MCUboot images (OpenSSL EVP).
#include <cstddef>
#include <string>
#include <string_view>

namespace mdbc::sign {

enum class HashAlg { sha256, sha384, sha512 };

std::string_view to_string(HashAlg h);  // "sha256", ...
size_t digest_size(HashAlg h);
// The raw digest of data.
std::string digest(HashAlg h, std::string_view data);
// Lowercase hex of bytes.
std::string to_hex(std::string_view bytes);

}  // namespace mdbc::sign
