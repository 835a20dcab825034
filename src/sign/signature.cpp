#include "sign/signature.h"

#include <memory>
#include <stdexcept>

#include <openssl/err.h>
#include <openssl/rsa.h>

namespace mdbc::sign {
namespace {

struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;

struct MdCtxFree {
  void operator()(EVP_MD_CTX* c) const { EVP_MD_CTX_free(c); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// MCUboot fixes the PSS salt at the hash length (image_rsa.c PSS_SLEN); OpenSSL's default is max.
constexpr int mcuboot_pss_salt_length = 32;

bool is_rsa(KeyType t) { return t == KeyType::rsa_2048 || t == KeyType::rsa_3072; }

const EVP_MD* md_of(HashAlg h) {
  return h == HashAlg::sha256 ? EVP_sha256() : h == HashAlg::sha384 ? EVP_sha384() : EVP_sha512();
}

const unsigned char* u8(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

// Configures a sign or verify context for an MCUboot digest signature.
bool set_digest_params(EVP_PKEY_CTX* ctx, KeyType t) {
  if (is_rsa(t))
    return EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PSS_PADDING) == 1 &&
           EVP_PKEY_CTX_set_signature_md(ctx, EVP_sha256()) == 1 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(ctx, EVP_sha256()) == 1 &&
           EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx, mcuboot_pss_salt_length) == 1;
  return EVP_PKEY_CTX_set_signature_md(ctx, md_of(image_hash_for(t))) == 1;
}

// One-shot EVP_DigestSign (Ed25519 needs it; the others hash with `md`).
std::string digest_sign(const Key& key, const EVP_MD* md, std::string_view message) {
  MdCtx ctx(EVP_MD_CTX_new());
  size_t len = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key.pkey()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &len, u8(message), message.size()) != 1)
    throw std::runtime_error("signing failed: " + openssl_error());
  std::string sig(len, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, u8(message), message.size()) != 1)
    throw std::runtime_error("signing failed: " + openssl_error());
  sig.resize(len);
  return sig;
}

bool digest_verify(const Key& key, const EVP_MD* md, std::string_view message, std::string_view sig) {
  MdCtx ctx(EVP_MD_CTX_new());
  const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, key.pkey()) == 1 &&
                  EVP_DigestVerify(ctx.get(), u8(sig), sig.size(), u8(message), message.size()) == 1;
  ERR_clear_error();
  return ok;
}

}  // namespace

HashAlg image_hash_for(KeyType t) { return t == KeyType::ecdsa_p384 ? HashAlg::sha384 : HashAlg::sha256; }

std::string sign_image_digest(const Key& key, std::string_view digest) {
  if (key.type() == KeyType::ed25519) return digest_sign(key, nullptr, digest);
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
  size_t len = 0;
  if (!ctx || EVP_PKEY_sign_init(ctx.get()) != 1 || !set_digest_params(ctx.get(), key.type()) ||
      EVP_PKEY_sign(ctx.get(), nullptr, &len, u8(digest), digest.size()) != 1)
    throw std::runtime_error("signing failed: " + openssl_error());
  std::string sig(len, '\0');
  if (EVP_PKEY_sign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len, u8(digest), digest.size()) != 1)
    throw std::runtime_error("signing failed: " + openssl_error());
  sig.resize(len);
  return sig;
}

bool verify_image_digest(const Key& key, std::string_view digest, std::string_view signature) {
  if (key.type() == KeyType::ed25519) return digest_verify(key, nullptr, digest, signature);
  PkeyCtx ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, key.pkey(), nullptr));
  const bool ok = ctx && EVP_PKEY_verify_init(ctx.get()) == 1 && set_digest_params(ctx.get(), key.type()) &&
                  EVP_PKEY_verify(ctx.get(), u8(signature), signature.size(), u8(digest), digest.size()) == 1;
  ERR_clear_error();
  return ok;
}

std::string sign_detached(const Key& key, std::string_view message) {
  return digest_sign(key, key.type() == KeyType::ed25519 ? nullptr : EVP_sha256(), message);
}

bool verify_detached(const Key& key, std::string_view message, std::string_view signature) {
  return digest_verify(key, key.type() == KeyType::ed25519 ? nullptr : EVP_sha256(), message, signature);
}

}  // namespace mdbc::sign
