#pragma once
// Signing keys for MCUboot images and detached signatures: the five key types MCUboot accepts,
// loaded from and written to PEM through OpenSSL 3 (EVP only). Private key text never leaves
// this layer except as the PKCS#8 PEM that `mdbc keygen` writes; buffers holding it are
// cleansed after use.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <openssl/evp.h>

namespace mdbc::sign {

enum class KeyType { ed25519, ecdsa_p256, ecdsa_p384, rsa_2048, rsa_3072 };

std::string_view to_string(KeyType t);  // "ed25519", "ecdsa-p256", ...
std::optional<KeyType> parse_key_type(std::string_view name);

// A byte buffer that is cleansed (OPENSSL_cleanse) when it dies: for private key text.
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(std::string bytes) : bytes_(std::move(bytes)) {}
  ~SecretBytes();
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  SecretBytes(SecretBytes&&) = default;
  std::string_view view() const { return bytes_; }

 private:
  std::string bytes_;
};

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};

// A public or private key of one of the supported types.
class Key {
 public:
  Key(std::unique_ptr<EVP_PKEY, PkeyFree> pkey, KeyType type, bool has_private)
      : pkey_(std::move(pkey)), type_(type), private_(has_private) {}
  KeyType type() const { return type_; }
  bool has_private() const { return private_; }
  EVP_PKEY* pkey() const { return pkey_.get(); }

  // SubjectPublicKeyInfo DER.
  std::string spki_der() const;
  // The bytes MCUboot embeds and hashes for this key (imgtool getpub): PKCS#1 RSAPublicKey DER
  // for RSA, SubjectPublicKeyInfo DER for ECDSA and Ed25519.
  std::string mcuboot_key_bytes() const;
  std::string public_pem() const;          // SubjectPublicKeyInfo PEM
  SecretBytes private_pkcs8_pem() const;   // requires has_private()

 private:
  std::unique_ptr<EVP_PKEY, PkeyFree> pkey_;
  KeyType type_;
  bool private_;
};

Key generate_key(KeyType type);
// PEM (or DER) private key: PKCS#8 or the traditional RSA/EC forms; encrypted keys are refused.
// `path` names the source in errors (InputError).
Key parse_private_key(std::string_view text, const std::string& path);
// A public key (SubjectPublicKeyInfo or PKCS#1 RSA), or the public half of a private key file.
Key parse_public_key(std::string_view text, const std::string& path);
Key load_private_key(const std::string& path);
Key load_public_key(const std::string& path);

// The OpenSSL error queue as one line (and cleared), for messages.
std::string openssl_error();

}  // namespace mdbc::sign
