#pragma once
// The published sample and test keys (data/known-sample-keys.tsv, compiled in): keys whose
// private halves are public, so nothing they sign or a bootloader trusting them is protected.
#include <span>
#include <string>
#include <string_view>

namespace mdbc::sign {

struct SampleKey {
  std::string source_repo;  // "mcu-tools/mcuboot"
  std::string path;         // "root-ed25519.pem" (or "file.c#symbol")
  std::string key_type;     // "ed25519", "ecdsa-p256", ...
  std::string role;         // "image signing (MCUboot sample/default)", ...
  // Raw digests (empty when the key has no public key to hash): SHA-256 of the
  // SubjectPublicKeyInfo DER, and the KEYHASH imgtool writes (hash of the key bytes MCUboot
  // embeds) for SHA-256, SHA-384 and SHA-512 images.
  std::string spki_sha256, keyhash_sha256, keyhash_sha384, keyhash_sha512;

  std::string name() const { return source_repo + ":" + path; }
};

// Every row of the list, in file order. Throws std::runtime_error if the embedded list is
// malformed (a build defect, caught by the tests).
std::span<const SampleKey> sample_keys();
// The first listed key whose SPKI SHA-256 or any KEYHASH equals `raw_digest`; nullptr if none.
const SampleKey* find_sample_key(std::string_view raw_digest);

}  // namespace mdbc::sign
