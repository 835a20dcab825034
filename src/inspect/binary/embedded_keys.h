#pragma once
// Keys and password hashes embedded in the bytes of executables and firmware: PEM blocks, OpenSSH
// private keys, DER private keys (PKCS#1, PKCS#8, SEC1) and public keys (SubjectPublicKeyInfo),
// each confirmed by parsing it with OpenSSL before it is reported, and crypt(3) password hashes.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace mdbc::binary {

struct EmbeddedKey {
  uint64_t offset = 0;       // where it starts in the scanned bytes
  bool is_private = false;
  std::string form;          // "PEM PRIVATE KEY", "DER PKCS#8", "OpenSSH", ...
  std::string algorithm;     // "RSA-2048", "EC P-256", "ED25519", ... ("" when encrypted)
  std::string spki_sha256;   // SHA-256 of the DER SubjectPublicKeyInfo; empty when not derivable
};

struct PasswordHash {
  uint64_t offset = 0;
  std::string scheme;  // "MD5-crypt", "SHA-512-crypt", "bcrypt", "yescrypt", ...
  std::string text;    // the hash as found
};

std::vector<EmbeddedKey> find_embedded_keys(std::string_view bytes);
std::vector<PasswordHash> find_password_hashes(std::string_view bytes);

// The published sample key with this SPKI SHA-256 (data/known-sample-keys.tsv), described as
// "<repository>:<path> (<key type>, <role>)", or empty.
std::string known_sample_key(std::string_view spki_sha256);

}  // namespace mdbc::binary
