// CRYPTO-1 pairs in the shape of CWE-327/328/780 test programs: weak hashes and ciphers chosen
// through Windows CryptoAPI (CALG_ names, macros and numeric ALG_IDs) and CNG (BCRYPT_ names and
// L"…" literals), SHA-1 for passwords, and RSA PKCS#1 v1.5 encryption (CryptEncrypt/CryptDecrypt of
// an RSA key without CRYPT_OAEP, an EVP_PKEY_CTX padding with no visible encryption call); the
// fixed twins use SHA-2, AES or OAEP.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;
using test::expect_tree_pairs;
using test::TreePair;

const std::vector<RulePair> crypto1_program_pairs = {
    {"capi derive des",
     R"~(#include <windows.h>
#include <wincrypt.h>
#define ALGORITHM CALG_DES
void encrypt_payload(HCRYPTPROV prov, HCRYPTHASH hash, BYTE *payload, DWORD *len)
{
    HCRYPTKEY key;
    if (CryptDeriveKey(prov, ALGORITHM, hash, 0, &key)) {
        CryptEncrypt(key, 0, 1, 0, payload, len, 100);
        CryptDestroyKey(key);
    }
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
#define ALGORITHM CALG_AES_256
void encrypt_payload(HCRYPTPROV prov, HCRYPTHASH hash, BYTE *payload, DWORD *len)
{
    HCRYPTKEY key;
    if (CryptDeriveKey(prov, ALGORITHM, hash, 0, &key)) {
        CryptEncrypt(key, 0, 1, 0, payload, len, 100);
        CryptDestroyKey(key);
    }
}
)~",
     "src/module.c"},
    {"capi genkey rc4",
     R"~(#include <windows.h>
#include <wincrypt.h>
bool make_key(HCRYPTPROV prov, HCRYPTKEY &key)
{
    return CryptGenKey(prov, CALG_RC4, CRYPT_EXPORTABLE, &key) != FALSE;
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
bool make_key(HCRYPTPROV prov, HCRYPTKEY &key)
{
    return CryptGenKey(prov, CALG_AES_128, CRYPT_EXPORTABLE, &key) != FALSE;
}
)~",
     "src/module.cpp"},
    {"capi md5",
     R"~(#include <windows.h>
#include <wincrypt.h>
void hash_password(const char *password)
{
    HCRYPTPROV hProv = 0;
    HCRYPTHASH hHash = 0;
    BYTE digest[16];
    DWORD digestLen = sizeof(digest);
    if (!CryptAcquireContext(&hProv, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT)) return;
    if (CryptCreateHash(hProv, CALG_MD5, 0, 0, &hHash)) {
        CryptHashData(hHash, (BYTE *)password, (DWORD)strlen(password), 0);
        CryptGetHashParam(hHash, HP_HASHVAL, digest, &digestLen, 0);
        CryptDestroyHash(hHash);
    }
    CryptReleaseContext(hProv, 0);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
void hash_password(const char *password)
{
    HCRYPTPROV hProv = 0;
    HCRYPTHASH hHash = 0;
    BYTE digest[32];
    DWORD digestLen = sizeof(digest);
    if (!CryptAcquireContext(&hProv, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT)) return;
    if (CryptCreateHash(hProv, CALG_SHA_256, 0, 0, &hHash)) {
        CryptHashData(hHash, (BYTE *)password, (DWORD)strlen(password), 0);
        CryptGetHashParam(hHash, HP_HASHVAL, digest, &digestLen, 0);
        CryptDestroyHash(hHash);
    }
    CryptReleaseContext(hProv, 0);
}
)~",
     "src/module.c"},
    {"capi numeric algid",
     R"~(#include <windows.h>
#include <wincrypt.h>
#define DIGEST_ALG 0x00008003
BOOL digest(HCRYPTPROV prov, HCRYPTHASH *hash) { return CryptCreateHash(prov, DIGEST_ALG, 0, 0, hash); }
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
#define DIGEST_ALG 0x0000800c
BOOL digest(HCRYPTPROV prov, HCRYPTHASH *hash) { return CryptCreateHash(prov, DIGEST_ALG, 0, 0, hash); }
)~",
     "src/module.c"},
    {"capi rsa blob bytes",
     R"~(#include <windows.h>
#include <wincrypt.h>
static const BYTE public_key_blob[] = {
    0x06, 0x02, 0x00, 0x00, 0x00, 0xa4, 0x00, 0x00, 0x52, 0x53, 0x41, 0x31, 0x00, 0x08, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x3d, 0x91, 0x0c, 0x7a};
BOOL wrap_key(HCRYPTPROV prov, BYTE *secret, DWORD *len, DWORD cap)
{
    HCRYPTKEY rsa = 0;
    BOOL ok;
    if (!CryptImportKey(prov, public_key_blob, sizeof(public_key_blob), 0, 0, &rsa)) return FALSE;
    ok = CryptEncrypt(rsa, 0, TRUE, 0, secret, len, cap);
    CryptDestroyKey(rsa);
    return ok;
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
static const BYTE public_key_blob[] = {
    0x06, 0x02, 0x00, 0x00, 0x00, 0xa4, 0x00, 0x00, 0x52, 0x53, 0x41, 0x31, 0x00, 0x08, 0x00, 0x00,
    0x01, 0x00, 0x01, 0x00, 0x3d, 0x91, 0x0c, 0x7a};
BOOL wrap_key(HCRYPTPROV prov, BYTE *secret, DWORD *len, DWORD cap)
{
    HCRYPTKEY rsa = 0;
    BOOL ok;
    if (!CryptImportKey(prov, public_key_blob, sizeof(public_key_blob), 0, 0, &rsa)) return FALSE;
    ok = CryptEncrypt(rsa, 0, TRUE, CRYPT_OAEP, secret, len, cap);
    CryptDestroyKey(rsa);
    return ok;
}
)~",
     "src/module.c"},
    {"capi rsa import",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <vector>
bool unseal(HCRYPTPROV prov, const BYTE *key_data, DWORD key_len, BYTE *data, DWORD *len)
{
    std::vector<BYTE> blob(sizeof(BLOBHEADER) + key_len);
    BLOBHEADER *header = reinterpret_cast<BLOBHEADER *>(blob.data());
    header->bType = PRIVATEKEYBLOB;
    header->bVersion = CUR_BLOB_VERSION;
    header->aiKeyAlg = CALG_RSA_KEYX;
    memcpy(blob.data() + sizeof(BLOBHEADER), key_data, key_len);
    HCRYPTKEY key = 0;
    if (!CryptImportKey(prov, blob.data(), (DWORD)blob.size(), 0, 0, &key)) return false;
    BOOL ok = CryptDecrypt(key, 0, TRUE,
                           0,
                           data, len);
    CryptDestroyKey(key);
    return ok != FALSE;
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <vector>
bool unseal(HCRYPTPROV prov, const BYTE *key_data, DWORD key_len, BYTE *data, DWORD *len)
{
    std::vector<BYTE> blob(sizeof(BLOBHEADER) + key_len);
    BLOBHEADER *header = reinterpret_cast<BLOBHEADER *>(blob.data());
    header->bType = PRIVATEKEYBLOB;
    header->bVersion = CUR_BLOB_VERSION;
    header->aiKeyAlg = CALG_RSA_KEYX;
    memcpy(blob.data() + sizeof(BLOBHEADER), key_data, key_len);
    HCRYPTKEY key = 0;
    if (!CryptImportKey(prov, blob.data(), (DWORD)blob.size(), 0, 0, &key)) return false;
    BOOL ok = CryptDecrypt(key, 0, TRUE,
                           CRYPT_OAEP,
                           data, len);
    CryptDestroyKey(key);
    return ok != FALSE;
}
)~",
     "src/module.cpp"},
    {"capi rsa pkcs1",
     R"~(#include <windows.h>
#include <wincrypt.h>
int seal(BYTE *data, DWORD *len, DWORD cap)
{
    HCRYPTPROV prov = 0;
    HCRYPTKEY key = 0;
    int ok = 0;
    if (!CryptAcquireContext(&prov, NULL, MS_ENH_RSA_AES_PROV, PROV_RSA_AES, 0)) return 0;
    if (CryptGenKey(prov, CALG_RSA_KEYX, CRYPT_EXPORTABLE, &key)) {
        ok = CryptEncrypt(key, (HCRYPTHASH)NULL, 1, 0, data, len, cap);
        CryptDestroyKey(key);
    }
    CryptReleaseContext(prov, 0);
    return ok;
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
int seal(BYTE *data, DWORD *len, DWORD cap)
{
    HCRYPTPROV prov = 0;
    HCRYPTKEY key = 0;
    int ok = 0;
    if (!CryptAcquireContext(&prov, NULL, MS_ENH_RSA_AES_PROV, PROV_RSA_AES, 0)) return 0;
    if (CryptGenKey(prov, CALG_RSA_KEYX, CRYPT_EXPORTABLE, &key)) {
        ok = CryptEncrypt(key, (HCRYPTHASH)NULL, 1, CRYPT_OAEP, data, len, cap);
        CryptDestroyKey(key);
    }
    CryptReleaseContext(prov, 0);
    return ok;
}
)~",
     "src/module.c"},
    {"capi sha1 password",
     R"~(#include <windows.h>
#include <wincrypt.h>
int store(char *password)
{
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    int ok = 0;
    if (CryptAcquireContextA(&prov, 0, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, 0)) {
        if (CryptCreateHash(prov,
                            CALG_SHA1,
                            0, 0, &hash)) {
            ok = CryptHashData(hash, (BYTE *)password, (DWORD)strlen(password), 0);
            CryptDestroyHash(hash);
        }
        CryptReleaseContext(prov, 0);
    }
    return ok;
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
int store(char *password)
{
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    int ok = 0;
    if (CryptAcquireContextA(&prov, 0, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, 0)) {
        if (CryptCreateHash(prov,
                            CALG_SHA_512,
                            0, 0, &hash)) {
            ok = CryptHashData(hash, (BYTE *)password, (DWORD)strlen(password), 0);
            CryptDestroyHash(hash);
        }
        CryptReleaseContext(prov, 0);
    }
    return ok;
}
)~",
     "src/module.c"},
    {"capi symmetric encrypt",
     R"~(#include <windows.h>
#include <wincrypt.h>
int seal(HCRYPTPROV prov, BYTE *data, DWORD *len, DWORD cap)
{
    HCRYPTKEY key = 0;
    int ok = 0;
    if (CryptGetUserKey(prov, AT_KEYEXCHANGE, &key)) {
        ok = CryptEncrypt(key, 0, TRUE, 0, data, len, cap);
        CryptDestroyKey(key);
    }
    return ok;
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
int seal(HCRYPTPROV prov, BYTE *data, DWORD *len, DWORD cap)
{
    HCRYPTKEY key = 0;
    int ok = 0;
    if (CryptGenKey(prov, CALG_AES_256, CRYPT_EXPORTABLE, &key)) {
        ok = CryptEncrypt(key, 0, TRUE, 0, data, len, cap);
        CryptDestroyKey(key);
    }
    return ok;
}
)~",
     "src/module.c"},
    {"cng des",
     R"~(#include <windows.h>
#include <bcrypt.h>
void h(BCRYPT_ALG_HANDLE *alg) { BCryptOpenAlgorithmProvider(alg, BCRYPT_3DES_ALGORITHM, NULL, 0); }
)~",
     R"~(#include <windows.h>
#include <bcrypt.h>
void h(BCRYPT_ALG_HANDLE *alg) { BCryptOpenAlgorithmProvider(alg, BCRYPT_AES_ALGORITHM, NULL, 0); }
)~",
     "src/module.c"},
    {"cng literal",
     R"~(#include <windows.h>
#include <bcrypt.h>
NTSTATUS open_cipher(BCRYPT_ALG_HANDLE *alg)
{
    NTSTATUS status = BCryptOpenAlgorithmProvider(
        alg,
        L"RC4",
        MS_PRIMITIVE_PROVIDER,
        0);
    return status;
}
)~",
     R"~(#include <windows.h>
#include <bcrypt.h>
NTSTATUS open_cipher(BCRYPT_ALG_HANDLE *alg)
{
    NTSTATUS status = BCryptOpenAlgorithmProvider(
        alg,
        L"AES",
        MS_PRIMITIVE_PROVIDER,
        0);
    return status;
}
)~",
     "src/module.c"},
    {"cng md5",
     R"~(#include <windows.h>
#include <bcrypt.h>
NTSTATUS open_hash(BCRYPT_ALG_HANDLE *alg)
{
    return BCryptOpenAlgorithmProvider(alg, BCRYPT_MD5_ALGORITHM, NULL, 0);
}
)~",
     R"~(#include <windows.h>
#include <bcrypt.h>
NTSTATUS open_hash(BCRYPT_ALG_HANDLE *alg)
{
    return BCryptOpenAlgorithmProvider(alg, BCRYPT_SHA256_ALGORITHM, NULL, 0);
}
)~",
     "src/module.cpp"},
    {"cng sha1",
     R"~(#include <windows.h>
#include <bcrypt.h>
void h(BCRYPT_ALG_HANDLE *alg) { BCryptOpenAlgorithmProvider(alg, BCRYPT_SHA1_ALGORITHM, NULL, 0); }
)~",
     R"~(#include <windows.h>
#include <bcrypt.h>
void h(BCRYPT_ALG_HANDLE *alg) { BCryptOpenAlgorithmProvider(alg, BCRYPT_SHA512_ALGORITHM, NULL, 0); }
)~",
     "src/module.c"},
    {"cng wide md5 literal",
     R"~(#include <windows.h>
#include <bcrypt.h>
#define HASH_NAME L"MD5"
bool hash_pin(const wchar_t *pin, BYTE *out, ULONG out_len)
{
    BCRYPT_ALG_HANDLE alg = nullptr;
    if (BCryptOpenAlgorithmProvider(&alg, HASH_NAME, nullptr, 0) != 0) return false;
    NTSTATUS st = BCryptHash(alg, nullptr, 0, (PUCHAR)pin, (ULONG)(wcslen(pin) * sizeof(wchar_t)), out, out_len);
    BCryptCloseAlgorithmProvider(alg, 0);
    return st == 0;
}
)~",
     R"~(#include <windows.h>
#include <bcrypt.h>
#define HASH_NAME L"SHA256"
bool hash_pin(const wchar_t *pin, BYTE *out, ULONG out_len)
{
    BCRYPT_ALG_HANDLE alg = nullptr;
    if (BCryptOpenAlgorithmProvider(&alg, HASH_NAME, nullptr, 0) != 0) return false;
    NTSTATUS st = BCryptHash(alg, nullptr, 0, (PUCHAR)pin, (ULONG)(wcslen(pin) * sizeof(wchar_t)), out, out_len);
    BCryptCloseAlgorithmProvider(alg, 0);
    return st == 0;
}
)~",
     "src/module.cpp"},
    {"openssl pkcs1 pad",
     R"~(#include <openssl/evp.h>
#include <openssl/rsa.h>
int prepare(EVP_PKEY *key)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, NULL);
    if (ctx == NULL) return -1;
    if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING) <= 0) return -1;
    return 0;
}
)~",
     R"~(#include <openssl/evp.h>
#include <openssl/rsa.h>
int prepare(EVP_PKEY *key)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(key, NULL);
    if (ctx == NULL) return -1;
    if (EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_OAEP_PADDING) <= 0) return -1;
    return 0;
}
)~",
     "src/module.c"},
    {"openssl sha1 password",
     R"~(#include <openssl/sha.h>
#include <cstring>
#include <string>
std::string store_password(const char *password)
{
    unsigned char digest[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(password), std::strlen(password), digest);
    return std::string(reinterpret_cast<char *>(digest), sizeof digest);
}
)~",
     R"~(#include <openssl/sha.h>
#include <cstring>
#include <string>
std::string store_password(const char *password)
{
    unsigned char digest[SHA512_DIGEST_LENGTH];
    SHA512(reinterpret_cast<const unsigned char *>(password), std::strlen(password), digest);
    return std::string(reinterpret_cast<char *>(digest), sizeof digest);
}
)~",
     "src/module.cpp"},
};

TEST(ProgramPairs, WeakCrypto) { expect_pairs("CRYPTO-1", crypto1_program_pairs); }


// A libgcrypt key wrap encrypting the data S-expression built from `data_format`.
std::string gcrypt_wrap_key(std::string_view data_format) {
  return std::string(R"~(#include <gcrypt.h>
gcry_error_t wrap_key(gcry_sexp_t *out, gcry_sexp_t pub, gcry_mpi_t session_key)
{
    gcry_sexp_t data;
    gcry_error_t err = gcry_sexp_build(&data, NULL, ")~") + std::string(data_format) + R"~(", session_key);
    if (err) return err;
    err = gcry_pk_encrypt(out, data, pub);
    gcry_sexp_release(data);
    return err;
}
)~";
}

// Library forms found missing by the API audit of session 12: libcurl's cipher-list options,
// libgcrypt's "pkcs1" data flag for encryption, and the SSL_CTX_ctrl call the OpenSSL
// set_min_proto_version macros expand to; through a literal, a macro, a local variable and a call
// written over several lines.
const std::vector<RulePair> api_audit_pairs = {
    {"curl cipher list", R"~(#include <curl/curl.h>
void configure(CURL *curl) { curl_easy_setopt(curl, CURLOPT_SSL_CIPHER_LIST, "RC4-SHA:AES128-SHA"); }
)~",
     R"~(#include <curl/curl.h>
void configure(CURL *curl) { curl_easy_setopt(curl, CURLOPT_SSL_CIPHER_LIST, "ECDHE-RSA-AES128-GCM-SHA256"); }
)~"},
    {"curl proxy cipher list through a macro", R"~(#include <curl/curl.h>
#define PROXY_CIPHERS "DES-CBC3-SHA"
void configure(CURL *curl) { curl_easy_setopt(curl, CURLOPT_PROXY_SSL_CIPHER_LIST, PROXY_CIPHERS); }
)~",
     R"~(#include <curl/curl.h>
#define PROXY_CIPHERS "ECDHE-ECDSA-AES256-GCM-SHA384"
void configure(CURL *curl) { curl_easy_setopt(curl, CURLOPT_PROXY_SSL_CIPHER_LIST, PROXY_CIPHERS); }
)~"},
    {"curl cipher list in a local, the call over lines", R"~(#include <curl/curl.h>
CURLcode configure(CURL *curl)
{
    const char *ciphers = "HIGH:MD5";
    return curl_easy_setopt(curl,
                            CURLOPT_SSL_CIPHER_LIST,
                            ciphers);
}
)~",
     R"~(#include <curl/curl.h>
CURLcode configure(CURL *curl)
{
    const char *ciphers = "HIGH:!MD5:!aNULL";
    return curl_easy_setopt(curl,
                            CURLOPT_SSL_CIPHER_LIST,
                            ciphers);
}
)~"},
    {"libgcrypt pkcs1 flag for encryption", gcrypt_wrap_key("(data (flags pkcs1) (value %m))"),
     gcrypt_wrap_key("(data (flags oaep) (hash-algo sha256) (value %m))")},
    {"libgcrypt pkcs1 data through a macro, signing twin", R"~(#include <gcrypt.h>
#define DATA_FORMAT "(data (flags pkcs1) (value %b))"
gcry_error_t seal(gcry_sexp_t *out, gcry_sexp_t pub, const char *key, int len)
{
    gcry_sexp_t data;
    gcry_sexp_build(&data, NULL, DATA_FORMAT, len, key);
    return gcry_pk_encrypt(out, data, pub);
}
)~",
     R"~(#include <gcrypt.h>
#define DATA_FORMAT "(data (flags pkcs1) (hash sha256 %b))"
gcry_error_t sign(gcry_sexp_t *out, gcry_sexp_t priv, const char *digest, int len)
{
    gcry_sexp_t data;
    gcry_sexp_build(&data, NULL, DATA_FORMAT, len, digest);
    return gcry_pk_sign(out, data, priv);
}
)~"},
    {"SSL_CTX_ctrl minimum version", R"~(#include <openssl/ssl.h>
long allow_versions(SSL_CTX *ctx) { return SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, TLS1_VERSION, NULL); }
)~",
     R"~(#include <openssl/ssl.h>
long allow_versions(SSL_CTX *ctx) { return SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, TLS1_2_VERSION, NULL); }
)~"},
    {"SSL_ctrl minimum version through a local", R"~(#include <openssl/ssl.h>
long allow_versions(SSL *ssl)
{
    long oldest = TLS1_1_VERSION;
    return SSL_ctrl(ssl, SSL_CTRL_SET_MIN_PROTO_VERSION, oldest, NULL);
}
)~",
     R"~(#include <openssl/ssl.h>
long allow_versions(SSL *ssl)
{
    long oldest = TLS1_3_VERSION;
    return SSL_ctrl(ssl, SSL_CTRL_SET_MIN_PROTO_VERSION, oldest, NULL);
}
)~"},
};

TEST(ProgramPairs, ApiAuditForms) { expect_pairs("CRYPTO-1", api_audit_pairs); }

// Key sizes defined in a header of the tree that the program includes with quotes.
const char* const openssl_keygen = R"~(#include <openssl/rsa.h>
#include <openssl/bn.h>
#include "crypto_config.h"
RSA *make_device_key(void)
{
    RSA *rsa = RSA_new();
    BIGNUM *e = BN_new();
    BN_set_word(e, RSA_F4);
    if (RSA_generate_key_ex(rsa, DEVICE_RSA_KEY_BITS, e, NULL) != 1) {
        RSA_free(rsa);
        rsa = NULL;
    }
    BN_free(e);
    return rsa;
}
)~";

const char* const mbedtls_keygen = R"~(#include "config/keys.h"
#include <mbedtls/rsa.h>
int make_key(mbedtls_rsa_context *rsa, int (*rng)(void *, unsigned char *, size_t), void *ctx)
{
    return mbedtls_rsa_gen_key(rsa, rng, ctx,
                               KEY_SIZE_BITS,
                               65537);
}
)~";

const std::vector<TreePair> header_key_size_pairs = {
    {"OpenSSL key bits in an included header",
     {{"include/crypto_config.h", "#pragma once\n#define DEVICE_RSA_KEY_BITS 1024\n", {}}, {"src/keys.c", openssl_keygen, {}}},
     {{"include/crypto_config.h", "#pragma once\n#define DEVICE_RSA_KEY_BITS 3072\n", {}}, {"src/keys.c", openssl_keygen, {}}}},
    {"mbedTLS key size in a parenthesised macro",
     {{"src/config/keys.h", "#ifndef KEYS_H\n#define KEYS_H\n#define KEY_SIZE_BITS (1024)\n#endif\n", {}}, {"src/keys.c", mbedtls_keygen, {}}},
     {{"src/config/keys.h", "#ifndef KEYS_H\n#define KEYS_H\n#define KEY_SIZE_BITS (2048)\n#endif\n", {}}, {"src/keys.c", mbedtls_keygen, {}}}},
    {"a hexadecimal key size",
     {{"include/crypto_config.h", "#define DEVICE_RSA_KEY_BITS 0x400\n", {}}, {"src/keys.c", openssl_keygen, {}}},
     {{"include/crypto_config.h", "#define DEVICE_RSA_KEY_BITS 0x800\n", {}}, {"src/keys.c", openssl_keygen, {}}}},
    {"a short size in a header the program does not include",
     {{"include/crypto_config.h", "#define DEVICE_RSA_KEY_BITS 512\n", {}}, {"src/keys.c", openssl_keygen, {}}},
     {{"include/crypto_config.h", "#define DEVICE_RSA_KEY_BITS 4096\n", {}},
      {"test/legacy_config.h", "#define DEVICE_RSA_KEY_BITS 512\n", {}}, {"src/keys.c", openssl_keygen, {}}}},
};

TEST(ProgramPairs, KeySizeInHeader) { expect_tree_pairs("CRYPTO-1", header_key_size_pairs); }

}  // namespace
}  // namespace mdbc::source
