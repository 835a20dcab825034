#pragma once
// Keys and password hashes embedded in the bytes of executables and firmware: PEM blocks, OpenSSH
// private keys, DER private keys (PKCS#1, PKCS#8, SEC1) and public keys (SubjectPublicKeyInfo),
// each confirmed by parsing it with OpenSSL before it is reported, and crypt(3) password hashes.
#include <cstdint>
#include <map>
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

// Published sample and test keys by the SHA-256 of their SubjectPublicKeyInfo, read from a TSV
// with a header row naming the columns spki_sha256, source_repo, path, key_type and role.
class SampleKeys {
 public:
  explicit SampleKeys(std::string_view tsv);
  // The list shipped with mdbc (data/known-sample-keys.tsv).
  static const SampleKeys& published();
  // "<repository>:<path> (<key type>, <role>)" of the key with this digest, or empty.
  std::string find(std::string_view spki_sha256) const;
  size_t size() const { return keys_.size(); }

 private:
  std::map<std::string, std::string, std::less<>> keys_;
};

}  // namespace mdbc::binary
