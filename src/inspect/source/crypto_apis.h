#pragma once
// What the cryptographic APIs of OpenSSL, mbedTLS (2 and 3, and PSA), wolfSSL, tinycrypt,
// libgcrypt and Windows CryptoAPI/CNG mean to the CRYPTO and RNG rules: which names select a
// forbidden algorithm, mode or protocol version, which argument of a call is a key, password or
// IV, and which calls fill a buffer from a cryptographic random source. Written from the
// libraries' documentation.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace mdbc::source {

enum class Weakness : uint8_t {
  broken_hash,      // MD2, MD4, MD5
  sha1,             // SHA-1: broken for signatures and integrity (HMAC-SHA-1 is not flagged)
  des,              // single DES
  triple_des,       // 3DES / TDEA
  rc4,
  rc2,
  blowfish,
  small_block,      // other 64-bit-block ciphers (IDEA, CAST5)
  ecb,              // ECB mode
  rsa_pkcs1_encryption,  // RSA PKCS#1 v1.5 encryption padding
  old_protocol,     // SSL 2.0/3.0, TLS 1.0/1.1, DTLS 1.0
  weak_cipher_suite,
};

struct WeakName {
  Weakness weakness;
  std::string_view algorithm;  // as shown to the user: "MD5", "3DES", "TLS 1.0"
  bool function;               // a function of the library (reported where it is called or referenced)
  bool selector;               // names the algorithm for another call (EVP_sha1, MBEDTLS_MD_SHA1) rather
                               // than computing with it (SHA1(), mbedtls_sha1_update)
};

// Whether an identifier names a forbidden algorithm, mode or protocol in one of the libraries.
std::optional<WeakName> weak_name(std::string_view identifier);
// What every identifier weak_name() knows begins with (its whole names among them).
std::vector<std::string_view> weak_name_prefixes();

// What a textual algorithm name means ("MD5", "sha1", "DES-EDE3-CBC", "AES-128-ECB", "RC4"), as
// given to EVP_get_digestbyname, EVP_MD_fetch, EVP_CIPHER_fetch, mbedtls_md_info_from_string,
// gcry_md_map_name, BCryptOpenAlgorithmProvider ….
std::optional<WeakName> weak_algorithm_name(std::string_view text);

// What a transformation named to the Linux kernel's crypto API means: templates around an
// algorithm ("cbc(des3_ede)", "ecb(aes)", "hmac(md5)", "sha1"), as crypto_alloc_shash and the other
// crypto_alloc_* take it. HMAC-SHA-1 is accepted.
std::optional<WeakName> weak_kernel_transformation(std::string_view text);

// The rule id (CRYPTO-1/…) and the message text of a weakness, for `algorithm`.
std::string_view weakness_rule(Weakness w);
std::string weakness_message(Weakness w, std::string_view algorithm);

// Arguments of cryptographic and authentication calls (0-based; -1: none).
struct CryptoCall {
  std::string_view name;
  int8_t key = -1;       // symmetric or MAC key, key blob, PSK, private key data
  int8_t iv = -1;        // IV, nonce or initial counter block
  int8_t password = -1;  // password, passphrase or PIN
  int8_t salt = -1;      // salt of a password hash or key derivation
};
const CryptoCall* crypto_call(std::string_view name);
// The names crypto_call() knows.
std::vector<std::string_view> crypto_call_names();

// A call that fills argument `buffer` from a cryptographic random source.
std::optional<int> random_fill_argument(std::string_view name);

// Whether a function name belongs to a cryptographic library's API (EVP_, mbedtls_, wc_, tc_,
// gcry_, psa_, BCrypt, Crypt…), for the value-flow rules.
bool is_crypto_api(std::string_view name);
// What every name is_crypto_api() accepts begins with.
std::span<const std::string_view> crypto_api_prefixes();

}  // namespace mdbc::source
