#include "sign/key.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/decoder.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "core/error.h"
#include "core/file_io.h"

namespace mdbc::sign {
namespace {

// Key files are small; anything larger is not a key.
constexpr uint64_t max_key_file_size = 64 * 1024;

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

struct DecoderFree {
  void operator()(OSSL_DECODER_CTX* c) const { OSSL_DECODER_CTX_free(c); }
};

std::string bio_contents(BIO* bio) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  if (mem == nullptr) return {};
  return std::string(mem->data, mem->length);
}

// Refuses to prompt for a passphrase: mdbc never reads encrypted keys interactively.
int no_passphrase(char*, size_t, size_t*, const OSSL_PARAM*, void*) { return 0; }

std::optional<KeyType> type_of(EVP_PKEY* pkey) {
  if (EVP_PKEY_is_a(pkey, "ED25519")) return KeyType::ed25519;
  if (EVP_PKEY_is_a(pkey, "EC")) {
    char group[64] = {};
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &len) != 1)
      return std::nullopt;
    const std::string_view g(group, len);
    if (g == "prime256v1" || g == "P-256") return KeyType::ecdsa_p256;
    if (g == "secp384r1" || g == "P-384") return KeyType::ecdsa_p384;
    return std::nullopt;
  }
  if (EVP_PKEY_is_a(pkey, "RSA")) {
    const int bits = EVP_PKEY_get_bits(pkey);
    if (bits == 2048) return KeyType::rsa_2048;
    if (bits == 3072) return KeyType::rsa_3072;
  }
  return std::nullopt;
}

std::string describe_unsupported(EVP_PKEY* pkey) {
  const char* name = EVP_PKEY_get0_type_name(pkey);
  std::string what = name != nullptr ? name : "unknown";
  if (EVP_PKEY_is_a(pkey, "RSA") || EVP_PKEY_is_a(pkey, "EC"))
    what += " " + std::to_string(EVP_PKEY_get_bits(pkey)) + "-bit";
  return what + " keys are not supported (ed25519, ecdsa-p256, ecdsa-p384, rsa-2048 or rsa-3072)";
}

std::unique_ptr<EVP_PKEY, PkeyFree> decode(std::string_view text, int selection) {
  EVP_PKEY* pkey = nullptr;
  std::unique_ptr<OSSL_DECODER_CTX, DecoderFree> ctx(
      OSSL_DECODER_CTX_new_for_pkey(&pkey, nullptr, nullptr, nullptr, selection, nullptr, nullptr));
  if (!ctx) return nullptr;
  OSSL_DECODER_CTX_set_passphrase_cb(ctx.get(), no_passphrase, nullptr);
  auto* data = reinterpret_cast<const unsigned char*>(text.data());
  size_t len = text.size();
  if (OSSL_DECODER_from_data(ctx.get(), &data, &len) != 1) {
    EVP_PKEY_free(pkey);
    return nullptr;
  }
  return std::unique_ptr<EVP_PKEY, PkeyFree>(pkey);
}

// A copy holding only the public half (through SubjectPublicKeyInfo DER).
std::unique_ptr<EVP_PKEY, PkeyFree> public_only(EVP_PKEY* pkey) {
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(pkey, &der);
  if (len <= 0) return nullptr;
  const unsigned char* p = der;
  std::unique_ptr<EVP_PKEY, PkeyFree> pub(d2i_PUBKEY(nullptr, &p, len));
  OPENSSL_free(der);
  return pub;
}

bool looks_encrypted(std::string_view text) {
  return text.find("ENCRYPTED") != std::string_view::npos;
}

}  // namespace

std::string_view to_string(KeyType t) {
  switch (t) {
    case KeyType::ed25519: return "ed25519";
    case KeyType::ecdsa_p256: return "ecdsa-p256";
    case KeyType::ecdsa_p384: return "ecdsa-p384";
    case KeyType::rsa_2048: return "rsa-2048";
    case KeyType::rsa_3072: return "rsa-3072";
  }
  return "ed25519";
}

std::optional<KeyType> parse_key_type(std::string_view name) {
  for (KeyType t : {KeyType::ed25519, KeyType::ecdsa_p256, KeyType::ecdsa_p384, KeyType::rsa_2048, KeyType::rsa_3072})
    if (to_string(t) == name) return t;
  return std::nullopt;
}

SecretBytes::~SecretBytes() { OPENSSL_cleanse(bytes_.data(), bytes_.size()); }

std::string openssl_error() {
  std::string out;
  while (const unsigned long e = ERR_get_error()) {
    char buf[256];
    ERR_error_string_n(e, buf, sizeof buf);
    if (out.empty()) out = buf;
  }
  return out.empty() ? "unknown OpenSSL error" : out;
}

std::string Key::spki_der() const {
  unsigned char* der = nullptr;
  const int len = i2d_PUBKEY(pkey_.get(), &der);
  if (len <= 0) throw std::runtime_error("cannot encode public key: " + openssl_error());
  std::string out(reinterpret_cast<const char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

std::string Key::mcuboot_key_bytes() const {
  if (type_ != KeyType::rsa_2048 && type_ != KeyType::rsa_3072) return spki_der();
  // For RSA, i2d_PublicKey writes the PKCS#1 RSAPublicKey structure, which is what imgtool embeds.
  unsigned char* der = nullptr;
  const int len = i2d_PublicKey(pkey_.get(), &der);
  if (len <= 0) throw std::runtime_error("cannot encode RSA public key: " + openssl_error());
  std::string out(reinterpret_cast<const char*>(der), static_cast<size_t>(len));
  OPENSSL_free(der);
  return out;
}

std::string Key::public_pem() const {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), pkey_.get()) != 1)
    throw std::runtime_error("cannot encode public key: " + openssl_error());
  return bio_contents(bio.get());
}

SecretBytes Key::private_pkcs8_pem() const {
  if (!private_) throw std::logic_error("private_pkcs8_pem on a public key");
  // A secure-memory BIO: its buffer is cleared when freed.
  BioPtr bio(BIO_new(BIO_s_secmem()));
  if (!bio || PEM_write_bio_PKCS8PrivateKey(bio.get(), pkey_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    throw std::runtime_error("cannot encode private key: " + openssl_error());
  return SecretBytes(bio_contents(bio.get()));
}

Key generate_key(KeyType type) {
  EVP_PKEY* pkey = nullptr;
  switch (type) {
    case KeyType::ed25519: pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"); break;
    case KeyType::ecdsa_p256: pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"); break;
    case KeyType::ecdsa_p384: pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"); break;
    case KeyType::rsa_2048: pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{2048}); break;
    case KeyType::rsa_3072: pkey = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t{3072}); break;
  }
  if (pkey == nullptr) throw std::runtime_error("key generation failed: " + openssl_error());
  return Key(std::unique_ptr<EVP_PKEY, PkeyFree>(pkey), type, true);
}

Key parse_private_key(std::string_view text, const std::string& path) {
  auto pkey = decode(text, EVP_PKEY_KEYPAIR);
  ERR_clear_error();
  if (!pkey) {
    if (looks_encrypted(text))
      throw InputError(path + ": encrypted private keys are not supported; give an unencrypted PKCS#8 PEM key");
    if (decode(text, EVP_PKEY_PUBLIC_KEY)) {
      ERR_clear_error();
      throw InputError(path + ": is a public key; signing needs the private key");
    }
    ERR_clear_error();
    throw InputError(path + ": not a PEM or DER private key");
  }
  const auto type = type_of(pkey.get());
  if (!type) throw InputError(path + ": " + describe_unsupported(pkey.get()));
  return Key(std::move(pkey), *type, true);
}

Key parse_public_key(std::string_view text, const std::string& path) {
  auto decoded = decode(text, EVP_PKEY_PUBLIC_KEY);
  if (!decoded) {
    ERR_clear_error();
    decoded = decode(text, EVP_PKEY_KEYPAIR);
  }
  // The decoder may hand back a whole key pair from a private key file: keep only the public half.
  auto pkey = decoded ? public_only(decoded.get()) : nullptr;
  decoded.reset();
  ERR_clear_error();
  if (!pkey) {
    if (looks_encrypted(text)) throw InputError(path + ": encrypted keys are not supported; give the public key");
    throw InputError(path + ": not a PEM or DER public key");
  }
  const auto type = type_of(pkey.get());
  if (!type) throw InputError(path + ": " + describe_unsupported(pkey.get()));
  return Key(std::move(pkey), *type, false);
}

Key load_private_key(const std::string& path) {
  const SecretBytes text(read_file(path, max_key_file_size));
  return parse_private_key(text.view(), path);
}

Key load_public_key(const std::string& path) {
  const SecretBytes text(read_file(path, max_key_file_size));  // may be a private key file
  return parse_public_key(text.view(), path);
}

}  // namespace mdbc::sign
