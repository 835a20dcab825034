#pragma once
// Signature primitives (OpenSSL 3 EVP): what MCUboot signs over an image digest, and detached
// signatures over whole files in the forms the openssl command-line tool makes and checks.
#include <string>
#include <string_view>

#include "sign/hash.h"
#include "sign/key.h"

namespace mdbc::sign {

// The image hash MCUboot uses with this key type: SHA-384 for ECDSA P-384, else SHA-256.
HashAlg image_hash_for(KeyType t);

// MCUboot image signature over the image digest D:
//   RSA: RSASSA-PSS over D, SHA-256, MGF1-SHA-256, salt length 32, raw (modulus-sized);
//   ECDSA: ECDSA over D (= ECDSA-SHA256/384 of the signed region), ASN.1 DER;
//   Ed25519: PureEdDSA with D itself as the message (SHA-256 or SHA-512 digest), 64 raw bytes.
std::string sign_image_digest(const Key& key, std::string_view digest);
// True only when the signature verifies under exactly those parameters.
bool verify_image_digest(const Key& key, std::string_view digest, std::string_view signature);

// Detached signature over a whole file:
//   Ed25519: PureEdDSA over the file (openssl pkeyutl -sign -rawin);
//   ECDSA: ECDSA-SHA256, DER (openssl dgst -sha256 -sign);
//   RSA: RSASSA-PKCS1-v1_5 with SHA-256 (openssl dgst -sha256 -sign).
std::string sign_detached(const Key& key, std::string_view message);
bool verify_detached(const Key& key, std::string_view message, std::string_view signature);

}  // namespace mdbc::sign
