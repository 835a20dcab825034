// CRYPTO, RNG and LOG pairs in the shape of whole test programs (CWE-259, 321, 323, 327, 328, 329,
// 330, 336, 337, 338, 532, 760, 780, 798): a literal, a weak generator or a secret reaches a
// cryptographic, authentication or log call through locals, a #define, a file-scope variable, a
// struct field, an array or a second function of the file. The fixed twins keep the program's
// shape and change the source (input, a key store, a cryptographic generator) or the sink (an
// approved algorithm, a message without the secret).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::expect_tree_pairs;
using test::RulePair;
using test::TreePair;

// CWE-327, CWE-328, CWE-780.
const std::vector<RulePair> crypto1_flow_pairs = {
    {"Blowfish via EVP_get_cipherbyname in C++",
     R"~(#include <openssl/evp.h>
const EVP_CIPHER *legacy_cipher()
{
    return EVP_get_cipherbyname("bf-cbc");
}
)~",
     R"~(#include <openssl/evp.h>
const EVP_CIPHER *legacy_cipher()
{
    return EVP_get_cipherbyname("aes-256-cbc");
}
)~",
     "src/module.cpp"},
    {"MD5 of a password with mbedTLS over several lines",
     R"~(#include <mbedtls/md.h>
#include <string.h>
int digest(const char *password, unsigned char *out)
{
    return mbedtls_md(
        mbedtls_md_info_from_type(MBEDTLS_MD_MD5),
        (const unsigned char *)password, strlen(password),
        out);
}
)~",
     R"~(#include <mbedtls/md.h>
#include <string.h>
int digest(const char *password, unsigned char *out)
{
    return mbedtls_md(
        mbedtls_md_info_from_type(MBEDTLS_MD_SHA256),
        (const unsigned char *)password, strlen(password),
        out);
}
)~"},
    {"CryptEncrypt with an RSA key from the caller, without OAEP",
     R"~(#include <windows.h>
#include <wincrypt.h>
static BOOL wrap(HCRYPTKEY key, BYTE *data, DWORD *len, DWORD cap)
{
    return CryptEncrypt(key, 0, TRUE, 0, data, len, cap);
}
BOOL seal(HCRYPTPROV prov, BYTE *data, DWORD *len, DWORD cap)
{
    HCRYPTKEY key;
    if (!CryptGenKey(prov, CALG_RSA_KEYX, CRYPT_EXPORTABLE, &key)) return FALSE;
    BOOL ok = wrap(key, data, len, cap);
    CryptDestroyKey(key);
    return ok;
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
static BOOL wrap(HCRYPTKEY key, BYTE *data, DWORD *len, DWORD cap)
{
    return CryptEncrypt(key, 0, TRUE, CRYPT_OAEP, data, len, cap);
}
BOOL seal(HCRYPTPROV prov, BYTE *data, DWORD *len, DWORD cap)
{
    HCRYPTKEY key;
    if (!CryptGenKey(prov, CALG_RSA_KEYX, CRYPT_EXPORTABLE, &key)) return FALSE;
    BOOL ok = wrap(key, data, len, cap);
    CryptDestroyKey(key);
    return ok;
}
)~"},
    {"CryptEncrypt with a file-scope RSA key, without OAEP",
     R"~(#include <windows.h>
#include <wincrypt.h>
static HCRYPTKEY g_exchange_key;
BOOL init_keys(HCRYPTPROV prov)
{
    return CryptGetUserKey(prov, AT_KEYEXCHANGE, &g_exchange_key);
}
BOOL seal(BYTE *data, DWORD *len, DWORD cap)
{
    return CryptEncrypt(g_exchange_key, 0, TRUE, 0, data, len, cap);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
static HCRYPTKEY g_exchange_key;
BOOL init_keys(HCRYPTPROV prov)
{
    return CryptGetUserKey(prov, AT_KEYEXCHANGE, &g_exchange_key);
}
BOOL seal(BYTE *data, DWORD *len, DWORD cap)
{
    return CryptEncrypt(g_exchange_key, 0, TRUE, CRYPT_OAEP, data, len, cap);
}
)~"},
    {"CryptoAPI MD5 of a password",
     R"~(#include <windows.h>
#include <wincrypt.h>
BOOL hash_password(HCRYPTPROV prov, const BYTE *pw, DWORD len, HCRYPTHASH *out)
{
    if (!CryptCreateHash(prov, CALG_MD5, 0, 0, out)) return FALSE;
    return CryptHashData(*out, pw, len, 0);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
BOOL hash_password(HCRYPTPROV prov, const BYTE *pw, DWORD len, HCRYPTHASH *out)
{
    if (!CryptCreateHash(prov, CALG_SHA_256, 0, 0, out)) return FALSE;
    return CryptHashData(*out, pw, len, 0);
}
)~"},
    {"DES cipher chosen by a macro",
     R"~(#include <openssl/evp.h>
#define PAYLOAD_CIPHER EVP_des_cbc()
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv)
{
    return EVP_EncryptInit_ex(ctx, PAYLOAD_CIPHER, NULL, key, iv);
}
)~",
     R"~(#include <openssl/evp.h>
#define PAYLOAD_CIPHER EVP_aes_256_gcm()
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv)
{
    return EVP_EncryptInit_ex(ctx, PAYLOAD_CIPHER, NULL, key, iv);
}
)~"},
    {"RSA PKCS#1 v1.5 padding through a variable",
     R"~(#include <openssl/rsa.h>
int wrap_key(RSA *rsa, const unsigned char *in, int len, unsigned char *out)
{
    int padding = RSA_PKCS1_PADDING;
    return RSA_public_encrypt(len, in, out, rsa, padding);
}
)~",
     R"~(#include <openssl/rsa.h>
int wrap_key(RSA *rsa, const unsigned char *in, int len, unsigned char *out)
{
    int padding = RSA_PKCS1_OAEP_PADDING;
    return RSA_public_encrypt(len, in, out, rsa, padding);
}
)~"},
    {"cipher name in a global const char pointer",
     R"~(#include <openssl/evp.h>
const char *cipher_name = "des-ede3-cbc";
const EVP_CIPHER *payload_cipher(void)
{
    return EVP_get_cipherbyname(cipher_name);
}
)~",
     R"~(#include <openssl/evp.h>
const char *cipher_name = "aes-256-gcm";
const EVP_CIPHER *payload_cipher(void)
{
    return EVP_get_cipherbyname(cipher_name);
}
)~"},
    {"SHA1 of a password in C++",
     R"~(#include <openssl/sha.h>
#include <string>
std::string digest(const std::string &password)
{
    unsigned char out[SHA_DIGEST_LENGTH];
    SHA1(reinterpret_cast<const unsigned char *>(password.data()), password.size(), out);
    return std::string(reinterpret_cast<char *>(out), sizeof out);
}
)~",
     R"~(#include <openssl/sha.h>
#include <string>
std::string digest(const std::string &password)
{
    unsigned char out[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(password.data()), password.size(), out);
    return std::string(reinterpret_cast<char *>(out), sizeof out);
}
)~",
     "src/module.cpp"},
    {"mbedTLS AES-128-ECB cipher info",
     R"~(#include <mbedtls/cipher.h>
int setup(mbedtls_cipher_context_t *ctx)
{
    const mbedtls_cipher_info_t *info =
        mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB);
    return mbedtls_cipher_setup(ctx, info);
}
)~",
     R"~(#include <mbedtls/cipher.h>
int setup(mbedtls_cipher_context_t *ctx)
{
    const mbedtls_cipher_info_t *info =
        mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_GCM);
    return mbedtls_cipher_setup(ctx, info);
}
)~"},
    {"CNG RC4 provider",
     R"~(#include <windows.h>
#include <bcrypt.h>
NTSTATUS open_cipher(BCRYPT_ALG_HANDLE *alg)
{
    return BCryptOpenAlgorithmProvider(alg, BCRYPT_RC4_ALGORITHM, NULL, 0);
}
)~",
     R"~(#include <windows.h>
#include <bcrypt.h>
NTSTATUS open_cipher(BCRYPT_ALG_HANDLE *alg)
{
    return BCryptOpenAlgorithmProvider(alg, BCRYPT_AES_ALGORITHM, NULL, 0);
}
)~"},
    {"RSA key size from a macro",
     R"~(#include <openssl/rsa.h>
#include <openssl/bn.h>
#define KEY_BITS 1024
int make_key(RSA *rsa, BIGNUM *e)
{
    return RSA_generate_key_ex(rsa, KEY_BITS, e, NULL);
}
)~",
     R"~(#include <openssl/rsa.h>
#include <openssl/bn.h>
#define KEY_BITS 3072
int make_key(RSA *rsa, BIGNUM *e)
{
    return RSA_generate_key_ex(rsa, KEY_BITS, e, NULL);
}
)~"},
    {"digest name in a C++ std::string",
     R"~(#include <openssl/evp.h>
#include <string>
const EVP_MD *integrity_digest()
{
    const std::string name = "MD5";
    return EVP_get_digestbyname(name.c_str());
}
)~",
     R"~(#include <openssl/evp.h>
#include <string>
const EVP_MD *integrity_digest()
{
    const std::string name = "SHA256";
    return EVP_get_digestbyname(name.c_str());
}
)~",
     "src/module.cpp"},
    {"CryptDeriveKey with 3DES through a static helper",
     R"~(#include <windows.h>
#include <wincrypt.h>
static ALG_ID session_algorithm(void)
{
    return CALG_3DES;
}
BOOL derive(HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY *key)
{
    return CryptDeriveKey(prov, session_algorithm(), hash, 0, key);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
static ALG_ID session_algorithm(void)
{
    return CALG_AES_256;
}
BOOL derive(HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY *key)
{
    return CryptDeriveKey(prov, session_algorithm(), hash, 0, key);
}
)~"},
    {"TLS 1.0 method for a client",
     R"~(#include <openssl/ssl.h>
SSL_CTX *client_context(void)
{
    return SSL_CTX_new(TLSv1_client_method());
}
)~",
     R"~(#include <openssl/ssl.h>
SSL_CTX *client_context(void)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (ctx != NULL) SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    return ctx;
}
)~"},
};

// CWE-295.
const std::vector<RulePair> crypto3_flow_pairs = {
    {"OpenSSL verify mode from a file-scope variable",
     R"~(#include <openssl/ssl.h>
static int verify_mode = SSL_VERIFY_NONE;
void setup(SSL_CTX *ctx)
{
    SSL_CTX_set_verify(ctx, verify_mode, NULL);
}
)~",
     R"~(#include <openssl/ssl.h>
static int verify_mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
void setup(SSL_CTX *ctx)
{
    SSL_CTX_set_verify(ctx, verify_mode, NULL);
}
)~"},
    {"curl peer verification off through a local",
     R"~(#include <curl/curl.h>
void fetch(CURL *curl)
{
    long verify = 0L;
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, verify);
    curl_easy_perform(curl);
}
)~",
     R"~(#include <curl/curl.h>
void fetch(CURL *curl)
{
    long verify = 1L;
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, verify);
    curl_easy_perform(curl);
}
)~"},
    {"mbedTLS optional authentication through a macro",
     R"~(#include <mbedtls/ssl.h>
#define PEER_AUTH MBEDTLS_SSL_VERIFY_OPTIONAL
void setup(mbedtls_ssl_config *conf)
{
    mbedtls_ssl_conf_authmode(conf, PEER_AUTH);
}
)~",
     R"~(#include <mbedtls/ssl.h>
#define PEER_AUTH MBEDTLS_SSL_VERIFY_REQUIRED
void setup(mbedtls_ssl_config *conf)
{
    mbedtls_ssl_conf_authmode(conf, PEER_AUTH);
}
)~"},
    {"wolfSSL verify none in C++",
     R"~(#include <wolfssl/ssl.h>
class Link {
 public:
  void configure(WOLFSSL_CTX *ctx) { wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_NONE, nullptr); }
};
)~",
     R"~(#include <wolfssl/ssl.h>
class Link {
 public:
  void configure(WOLFSSL_CTX *ctx) { wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, nullptr); }
};
)~",
     "src/module.cpp"},
};

// CWE-259, CWE-321, CWE-798.
const std::vector<RulePair> crypto4_flow_pairs = {
    {"password passed to a non-static sink",
     R"~(#include <windows.h>
BOOL logon_sink(const char *data, HANDLE *h)
{
    return LogonUserA("svc", ".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, h);
}
BOOL start(HANDLE *h)
{
    char *data = "Adm1n!2024";
    return logon_sink(data, h);
}
)~",
     R"~(#include <windows.h>
#include <stdio.h>
BOOL logon_sink(const char *data, HANDLE *h)
{
    return LogonUserA("svc", ".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, h);
}
BOOL start(HANDLE *h)
{
    char data[64];
    if (fgets(data, sizeof data, stdin) == NULL) return FALSE;
    return logon_sink(data, h);
}
)~"},
    {"password through an array to a sink",
     R"~(#include <windows.h>
static void logon_sink(char *items[])
{
    char *data = items[2];
    HANDLE h;
    if (LogonUserA("svc", ".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &h)) CloseHandle(h);
}
void run(void)
{
    char *items[5];
    items[2] = "Adm1n!2024";
    logon_sink(items);
}
)~",
     R"~(#include <windows.h>
#include <stdio.h>
static void logon_sink(char *items[])
{
    char *data = items[2];
    HANDLE h;
    if (LogonUserA("svc", ".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &h)) CloseHandle(h);
}
void run(void)
{
    static char entered[64];
    char *items[5];
    if (fgets(entered, sizeof entered, stdin) == NULL) return;
    items[2] = entered;
    logon_sink(items);
}
)~"},
    {"password returned by a helper to mysql",
     R"~(#include <mysql.h>
static const char *db_password(void)
{
    return "Pump#Db2024";
}
MYSQL *open_db(MYSQL *db)
{
    return mysql_real_connect(db, "localhost", "pump", db_password(), "pump", 0, NULL, 0);
}
)~",
     R"~(#include <mysql.h>
#include <stdlib.h>
static const char *db_password(void)
{
    return getenv("PUMP_DB_PASSWORD");
}
MYSQL *open_db(MYSQL *db)
{
    return mysql_real_connect(db, "localhost", "pump", db_password(), "pump", 0, NULL, 0);
}
)~"},
    {"bearer token constant for curl",
     R"~(#include <curl/curl.h>
static const char *const api_bearer = "eyJhbGciOiJIUzI1NiJ9.cHVtcA.x9Qz";
void upload(CURL *curl)
{
    curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, api_bearer);
}
)~",
     R"~(#include <curl/curl.h>
#include <stdlib.h>
void upload(CURL *curl)
{
    const char *api_bearer = getenv("PUMP_API_TOKEN");
    if (api_bearer != NULL) curl_easy_setopt(curl, CURLOPT_XOAUTH2_BEARER, api_bearer);
}
)~"},
    {"C++ HMAC key in a std::string",
     R"~(#include <openssl/hmac.h>
#include <string>
unsigned int sign(const unsigned char *msg, size_t n, unsigned char *mac)
{
    const std::string key = "b7f3c9a1d2e4f6a8";
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), msg, n, mac, &len);
    return len;
}
)~",
     R"~(#include <openssl/hmac.h>
#include <string>
std::string load_mac_key();
unsigned int sign(const unsigned char *msg, size_t n, unsigned char *mac)
{
    const std::string key = load_mac_key();
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), msg, n, mac, &len);
    return len;
}
)~",
     "src/module.cpp"},
    {"wide password macro to LogonUserW",
     R"~(#include <windows.h>
#define ADMIN_PASSWORD L"W1ndows!Adm"
BOOL logon(LPCWSTR user, HANDLE *token)
{
    return LogonUserW(user, L".", ADMIN_PASSWORD, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, token);
}
)~",
     R"~(#include <windows.h>
#include <wincred.h>
BOOL logon(LPCWSTR user, HANDLE *token)
{
    PCREDENTIALW cred;
    if (!CredReadW(L"pump/admin", CRED_TYPE_GENERIC, 0, &cred)) return FALSE;
    BOOL ok = LogonUserW(user, L".", (LPCWSTR)cred->CredentialBlob, LOGON32_LOGON_INTERACTIVE,
                         LOGON32_PROVIDER_DEFAULT, token);
    CredFree(cred);
    return ok;
}
)~"},
    {"key in a global const char pointer hashed for CryptDeriveKey",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <string.h>
const char *g_payload = "23 ~j;asn!@#/>as";
BOOL make_key(HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY *key)
{
    if (!CryptHashData(hash, (const BYTE *)g_payload, (DWORD)strlen(g_payload), 0)) return FALSE;
    return CryptDeriveKey(prov, CALG_AES_256, hash, 0, key);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <string.h>
char g_payload[100];
BOOL make_key(HCRYPTPROV prov, HCRYPTHASH hash, HCRYPTKEY *key)
{
    FILE *f = fopen("key.bin", "rb");
    if (f == NULL) return FALSE;
    size_t n = fread(g_payload, 1, sizeof g_payload - 1, f);
    fclose(f);
    g_payload[n] = '\0';
    if (!CryptHashData(hash, (const BYTE *)g_payload, (DWORD)strlen(g_payload), 0)) return FALSE;
    return CryptDeriveKey(prov, CALG_AES_256, hash, 0, key);
}
)~"},
    {"password passed to a static helper",
     R"~(#include <windows.h>
static BOOL logon_with(const char *pw, HANDLE *h)
{
    return LogonUserA("svc", ".", pw, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, h);
}
BOOL start(HANDLE *h)
{
    return logon_with("Adm1n!2024", h);
}
)~",
     R"~(#include <windows.h>
static BOOL logon_with(const char *pw, HANDLE *h)
{
    return LogonUserA("svc", ".", pw, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, h);
}
BOOL start(const char *entered, HANDLE *h)
{
    return logon_with(entered, h);
}
)~"},
    {"key returned by a static helper",
     R"~(#include <openssl/evp.h>
static const unsigned char *payload_key(void)
{
    return (const unsigned char *)"0123456789abcdef0123456789abcdef";
}
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *iv)
{
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, payload_key(), iv);
}
)~",
     R"~(#include <openssl/evp.h>
#include <stdio.h>
static unsigned char key_store[32];
static const unsigned char *payload_key(void)
{
    FILE *f = fopen("/run/keys/payload", "rb");
    if (f == NULL || fread(key_store, 1, sizeof key_store, f) != sizeof key_store) return NULL;
    fclose(f);
    return key_store;
}
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *iv)
{
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, payload_key(), iv);
}
)~"},
    {"password macro to LogonUserA",
     R"~(#include <windows.h>
#define SERVICE_PASSWORD "Adm1n!2024"
BOOL logon(const char *user, HANDLE *token)
{
    return LogonUserA(user, ".", SERVICE_PASSWORD, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, token);
}
)~",
     R"~(#include <windows.h>
#include <stdio.h>
#include <string.h>
BOOL logon(const char *user, HANDLE *token)
{
    char password[64];
    if (fgets(password, sizeof password, stdin) == NULL) return FALSE;
    password[strcspn(password, "\n")] = '\0';
    return LogonUserA(user, ".", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, token);
}
)~"},
    {"password in a struct field to mysql_real_connect",
     R"~(#include <mysql.h>
struct db_login { const char *user; const char *pass; };
MYSQL *open_db(MYSQL *db)
{
    struct db_login login;
    login.user = "pump";
    login.pass = "Xk9#pLm2";
    return mysql_real_connect(db, "localhost", login.user, login.pass, "pump", 0, NULL, 0);
}
)~",
     R"~(#include <mysql.h>
#include <stdlib.h>
struct db_login { const char *user; const char *pass; };
MYSQL *open_db(MYSQL *db)
{
    struct db_login login;
    login.user = "pump";
    login.pass = getenv("PUMP_DB_PASS");
    return mysql_real_connect(db, "localhost", login.user, login.pass, "pump", 0, NULL, 0);
}
)~"},
    {"input compared against a literal password",
     R"~(#include <string.h>
int authenticate(const char *entered)
{
    if (strcmp(entered, "letmein42") == 0) return 1;
    return 0;
}
)~",
     R"~(#include <string.h>
#include <openssl/crypto.h>
#include <openssl/sha.h>
extern unsigned char stored_digest[SHA256_DIGEST_LENGTH];
int authenticate(const char *entered)
{
    unsigned char d[SHA256_DIGEST_LENGTH];
    SHA256((const unsigned char *)entered, strlen(entered), d);
    return CRYPTO_memcmp(d, stored_digest, sizeof d) == 0;
}
)~"},
    {"wide password copied then used for LogonUserW",
     R"~(#include <windows.h>
#include <wchar.h>
BOOL logon(HANDLE *token)
{
    wchar_t data[100] = L"";
    wcscpy(data, L"Passw0rd!");
    return LogonUserW(L"svc", L".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, token);
}
)~",
     R"~(#include <windows.h>
#include <wchar.h>
#include <stdio.h>
BOOL logon(HANDLE *token)
{
    wchar_t data[100] = L"";
    if (fgetws(data, 100, stdin) == NULL) return FALSE;
    return LogonUserW(L"svc", L".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, token);
}
)~"},
    {"PBKDF2 password literal over several lines",
     R"~(#include <openssl/evp.h>
int derive(const unsigned char *salt, unsigned char *out)
{
    return PKCS5_PBKDF2_HMAC(
        "correct-horse-battery",
        21,
        salt, 16,
        100000, EVP_sha256(),
        32, out);
}
)~",
     R"~(#include <openssl/evp.h>
#include <string.h>
int derive(const char *passphrase, const unsigned char *salt, unsigned char *out)
{
    return PKCS5_PBKDF2_HMAC(
        passphrase,
        (int)strlen(passphrase),
        salt, 16,
        100000, EVP_sha256(),
        32, out);
}
)~"},
    {"key bytes in a file-scope array for AES",
     R"~(#include <openssl/aes.h>
static const unsigned char k[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,
                                    0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};
int schedule(AES_KEY *ks)
{
    return AES_set_encrypt_key(k, 128, ks);
}
)~",
     R"~(#include <openssl/aes.h>
#include <openssl/rand.h>
static unsigned char k[16];
int schedule(AES_KEY *ks)
{
    if (RAND_bytes(k, sizeof k) != 1) return -1;
    return AES_set_encrypt_key(k, 128, ks);
}
)~"},
    {"mbedTLS key macro cast",
     R"~(#include <mbedtls/aes.h>
#define DEVICE_KEY "k3y-f0r-pump-0001"
int setup(mbedtls_aes_context *aes)
{
    return mbedtls_aes_setkey_enc(aes, (const unsigned char *)DEVICE_KEY, 128);
}
)~",
     R"~(#include <mbedtls/aes.h>
extern int secure_element_read_key(unsigned char *out, unsigned len);
int setup(mbedtls_aes_context *aes)
{
    unsigned char key[16];
    if (secure_element_read_key(key, sizeof key) != 0) return -1;
    return mbedtls_aes_setkey_enc(aes, key, 128);
}
)~"},
    {"password passed through a file-scope variable",
     R"~(#include <windows.h>
static char *g_password;
static BOOL logon_sink(HANDLE *h)
{
    return LogonUserA("svc", ".", g_password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, h);
}
BOOL start(HANDLE *h)
{
    g_password = "Adm1n!2024";
    return logon_sink(h);
}
)~",
     R"~(#include <windows.h>
static char *g_password;
static BOOL logon_sink(HANDLE *h)
{
    return LogonUserA("svc", ".", g_password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, h);
}
BOOL start(char *entered, HANDLE *h)
{
    g_password = entered;
    return logon_sink(h);
}
)~"},
};

const std::vector<TreePair> crypto4_tree_pairs = {
    {"password macro from a header",
     {{"src/db.c",
       "#include <mysql.h>\n#include \"settings.h\"\n"
       "MYSQL *open_db(MYSQL *db) { return mysql_real_connect(db, \"localhost\", \"pump\", DB_PASS, \"pump\", 0, NULL, 0); }\n",
       ""},
      {"src/settings.h", "#define DB_PASS \"Zq7!vB3p\"\n", ""}},
     {{"src/db.c",
       "#include <mysql.h>\n#include \"settings.h\"\n"
       "MYSQL *open_db(MYSQL *db) { return mysql_real_connect(db, \"localhost\", \"pump\", DB_PASS, \"pump\", 0, NULL, 0); }\n",
       ""},
      {"src/settings.h", "#include <stdlib.h>\n#define DB_PASS getenv(\"PUMP_DB_PASS\")\n", ""}}},
};

// CWE-330, CWE-338.
const std::vector<RulePair> rng1_flow_pairs = {
    {"C++ default_random_engine for a session key",
     R"~(#include <random>
#include <array>
std::array<unsigned char, 16> session_key()
{
    static std::default_random_engine engine{std::random_device{}()};
    std::uniform_int_distribution<int> byte(0, 255);
    std::array<unsigned char, 16> key{};
    for (auto &b : key) b = static_cast<unsigned char>(byte(engine));
    return key;
}
)~",
     R"~(#include <array>
#include <openssl/rand.h>
std::array<unsigned char, 16> session_key()
{
    std::array<unsigned char, 16> key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) key.fill(0);
    return key;
}
)~",
     "src/module.cpp"},
    {"rand_r for a nonce",
     R"~(#include <stdlib.h>
#include <stdint.h>
uint32_t next_nonce(unsigned *state)
{
    uint32_t nonce = (uint32_t)rand_r(state);
    return nonce;
}
)~",
     R"~(#include <stdint.h>
#include <sys/random.h>
uint32_t next_nonce(void)
{
    uint32_t nonce = 0;
    if (getrandom(&nonce, sizeof nonce, 0) != sizeof nonce) return 0;
    return nonce;
}
)~"},
    {"rand() session id",
     R"~(#include <stdio.h>
#include <stdlib.h>
void new_session(char *session_id, size_t size)
{
    snprintf(session_id, size, "%08x%08x", rand(), rand());
}
)~",
     R"~(#include <stdio.h>
#include <openssl/rand.h>
void new_session(char *session_id, size_t size)
{
    unsigned int r[2];
    if (RAND_bytes((unsigned char *)r, sizeof r) != 1) return;
    snprintf(session_id, size, "%08x%08x", r[0], r[1]);
}
)~"},
    {"rand() key bytes through a static helper",
     R"~(#include <stdlib.h>
#include <windows.h>
#include <wincrypt.h>
static unsigned char random_byte(void)
{
    return (unsigned char)(rand() % 256);
}
void make_key(BYTE *key, DWORD len)
{
    for (DWORD i = 0; i < len; i++) key[i] = random_byte();
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
static BOOL random_bytes(HCRYPTPROV prov, BYTE *out, DWORD len)
{
    return CryptGenRandom(prov, len, out);
}
void make_key(HCRYPTPROV prov, BYTE *key, DWORD len)
{
    random_bytes(prov, key, len);
}
)~"},
    {"std::mt19937 token in C++",
     R"~(#include <random>
#include <string>
std::string make_token()
{
    std::random_device rd;
    std::mt19937 gen(rd());
    std::uniform_int_distribution<int> dist(0, 15);
    std::string token;
    for (int i = 0; i < 32; ++i) token += "0123456789abcdef"[dist(gen)];
    return token;
}
)~",
     R"~(#include <string>
#include <sys/random.h>
std::string make_token()
{
    unsigned char raw[32];
    if (getrandom(raw, sizeof raw, 0) != static_cast<ssize_t>(sizeof raw)) return {};
    std::string token;
    for (unsigned char b : raw) token += "0123456789abcdef"[b & 15];
    return token;
}
)~",
     "src/module.cpp"},
    {"random() byte macro filling an IV",
     R"~(#include <stdlib.h>
#define RANDOM_BYTE() ((unsigned char)(random() & 0xff))
void fill_iv(unsigned char *iv, size_t n)
{
    for (size_t i = 0; i < n; i++) iv[i] = RANDOM_BYTE();
}
)~",
     R"~(#include <sys/random.h>
#include <stddef.h>
void fill_iv(unsigned char *iv, size_t n)
{
    if (getrandom(iv, n, 0) != (ssize_t)n) iv[0] ^= 1;
}
)~"},
    {"drand48 for a generated password",
     R"~(#include <stdlib.h>
void generate_password(char *out, int n)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (int i = 0; i < n; i++) out[i] = alphabet[(int)(drand48() * 36)];
    out[n] = '\0';
}
)~",
     R"~(#include <stdlib.h>
#include <sys/random.h>
void generate_password(char *out, int n)
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    unsigned char r;
    for (int i = 0; i < n; i++) {
        if (getrandom(&r, 1, 0) != 1) r = 0;
        out[i] = alphabet[r % 36];
    }
    out[n] = '\0';
}
)~"},
    {"rand() nonce in a struct field",
     R"~(#include <stdlib.h>
#include <stdint.h>
struct hello { uint32_t nonce; uint32_t version; };
void make_hello(struct hello *h)
{
    h->version = 2;
    h->nonce = (uint32_t)rand();
}
)~",
     R"~(#include <stdint.h>
#include <sys/random.h>
struct hello { uint32_t nonce; uint32_t version; };
void make_hello(struct hello *h)
{
    h->version = 2;
    if (getrandom(&h->nonce, sizeof h->nonce, 0) != sizeof h->nonce) h->nonce = 0;
}
)~"},
    {"rand() printed",
     R"~(#include <stdio.h>
#include <stdlib.h>
int main(void)
{
    int data = rand();
    printf("%d\n", data);
    return 0;
}
)~",
     R"~(#include <stdio.h>
#include <windows.h>
#include <wincrypt.h>
int main(void)
{
    HCRYPTPROV prov;
    unsigned int data = 0;
    if (CryptAcquireContext(&prov, 0, 0, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT)) {
        CryptGenRandom(prov, sizeof data, (BYTE *)&data);
        CryptReleaseContext(prov, 0);
    }
    printf("%u\n", data);
    return 0;
}
)~"},
};

// CWE-335, CWE-336, CWE-337.
const std::vector<RulePair> rng2_flow_pairs = {
    {"OpenSSL RAND_seed with a constant buffer",
     R"~(#include <openssl/rand.h>
static const unsigned char seed_material[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
void init_rng(void)
{
    RAND_seed(seed_material, sizeof seed_material);
}
)~",
     R"~(#include <openssl/rand.h>
#include <sys/random.h>
void init_rng(void)
{
    unsigned char seed_material[16];
    if (getrandom(seed_material, sizeof seed_material, 0) == sizeof seed_material)
        RAND_seed(seed_material, sizeof seed_material);
}
)~"},
    {"srand of a same seed in a loop",
     R"~(#include <stdlib.h>
void shuffle(int *v, int n)
{
    for (int i = n - 1; i > 0; i--) {
        srand(1);
        int j = rand() % (i + 1);
        int t = v[i]; v[i] = v[j]; v[j] = t;
    }
}
)~",
     R"~(#include <stdlib.h>
#include <sys/random.h>
void shuffle(int *v, int n)
{
    for (int i = n - 1; i > 0; i--) {
        unsigned r = 0;
        if (getrandom(&r, sizeof r, 0) != sizeof r) return;
        int j = (int)(r % (unsigned)(i + 1));
        int t = v[i]; v[i] = v[j]; v[j] = t;
    }
}
)~"},
    {"seed passed to a static helper",
     R"~(#include <stdlib.h>
static void seed_with(unsigned s)
{
    srand(s);
}
void init_rng(void)
{
    seed_with(12345u);
}
)~",
     R"~(#include <stdlib.h>
#include <sys/random.h>
static void seed_with(unsigned s)
{
    srand(s);
}
void init_rng(void)
{
    unsigned s = 0;
    if (getrandom(&s, sizeof s, 0) == sizeof s) seed_with(s);
}
)~"},
    {"constant seed",
     R"~(#include <stdlib.h>
void init_rng(void)
{
    srand(42);
}
)~",
     R"~(#include <stdlib.h>
#include <sys/random.h>
void init_rng(void)
{
    unsigned seed;
    if (getrandom(&seed, sizeof seed, 0) == sizeof seed) srand(seed);
}
)~"},
    {"seed macro",
     R"~(#include <stdlib.h>
#define RNG_SEED 0x1234u
void init_rng(void)
{
    srandom(RNG_SEED);
}
)~",
     R"~(#include <stdlib.h>
#include <sys/random.h>
void init_rng(void)
{
    unsigned seed = 0;
    if (getrandom(&seed, sizeof seed, 0) == sizeof seed) srandom(seed);
}
)~"},
    {"seed from time through a local",
     R"~(#include <stdlib.h>
#include <time.h>
void init_rng(void)
{
    unsigned seed = (unsigned)time(NULL);
    srand(seed);
}
)~",
     R"~(#include <stdlib.h>
#include <stdio.h>
void init_rng(void)
{
    unsigned seed = 0;
    FILE *f = fopen("/dev/urandom", "rb");
    if (f != NULL) {
        if (fread(&seed, sizeof seed, 1, f) != 1) seed = 0;
        fclose(f);
    }
    srand(seed);
}
)~"},
    {"file-scope const seed",
     R"~(#include <stdlib.h>
static const unsigned boot_seed = 7;
void init_rng(void)
{
    srand(boot_seed);
}
)~",
     R"~(#include <stdlib.h>
static unsigned boot_seed;
extern unsigned read_hw_entropy(void);
void init_rng(void)
{
    boot_seed = read_hw_entropy();
    srand(boot_seed);
}
)~"},
    {"mt19937 with a fixed seed in C++",
     R"~(#include <random>
unsigned draw()
{
    std::mt19937 gen(5489u);
    return gen();
}
)~",
     R"~(#include <random>
unsigned draw()
{
    std::random_device rd;
    std::mt19937 gen(rd());
    return gen();
}
)~",
     "src/module.cpp"},
    {"default_random_engine seeded from the clock over two lines",
     R"~(#include <random>
#include <chrono>
unsigned draw()
{
    std::default_random_engine engine(
        static_cast<unsigned>(std::chrono::system_clock::now().time_since_epoch().count()));
    return engine();
}
)~",
     R"~(#include <random>
unsigned draw()
{
    std::random_device rd;
    std::default_random_engine engine(
        rd());
    return engine();
}
)~",
     "src/module.cpp"},
    {"process id seed",
     R"~(#include <stdlib.h>
#include <unistd.h>
void init_rng(void)
{
    srand((unsigned)getpid());
}
)~",
     R"~(#include <stdlib.h>
#include <sys/random.h>
void init_rng(void)
{
    unsigned s = 0;
    (void)getrandom(&s, sizeof s, GRND_NONBLOCK);
    srand(s);
}
)~"},
};

const std::vector<TreePair> rng2_tree_pairs = {
    {"seed macro from a header",
     {{"src/rng.c", "#include <stdlib.h>\n#include \"board.h\"\nvoid init_rng(void) { srand(BOARD_SEED); }\n", ""},
      {"src/board.h", "#define BOARD_SEED 2024u\n", ""}},
     {{"src/rng.c", "#include <stdlib.h>\n#include \"board.h\"\nvoid init_rng(void) { srand(BOARD_SEED); }\n", ""},
      {"src/board.h", "unsigned board_entropy(void);\n#define BOARD_SEED board_entropy()\n", ""}}},
    {"engine seed macro from a header in C++",
     {{"src/rng.cpp", "#include <random>\n#include \"config.hpp\"\nunsigned draw() { std::mt19937 gen(kRngSeed); return gen(); }\n", ""},
      {"src/config.hpp", "#define kRngSeed 77u\n", ""}},
     {{"src/rng.cpp", "#include <random>\n#include \"config.hpp\"\nunsigned draw() { std::mt19937 gen(kRngSeed); return gen(); }\n", ""},
      {"src/config.hpp", "#include <random>\n#define kRngSeed std::random_device{}()\n", ""}}},
};

// CWE-329, CWE-323.
const std::vector<RulePair> rng3_flow_pairs = {
    {"IV passed to a non-static sink",
     R"~(#include <openssl/evp.h>
int encrypt_sink(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv)
{
    return EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, key, iv);
}
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key)
{
    static const unsigned char iv[16] = {0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
                                         0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f};
    return encrypt_sink(ctx, key, iv);
}
)~",
     R"~(#include <openssl/evp.h>
#include <openssl/rand.h>
int encrypt_sink(EVP_CIPHER_CTX *ctx, const unsigned char *key, const unsigned char *iv)
{
    return EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, key, iv);
}
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key, unsigned char *iv)
{
    if (RAND_bytes(iv, 16) != 1) return 0;
    return encrypt_sink(ctx, key, iv);
}
)~"},
    {"salt literal for a password hash (CWE-760)",
     R"~(#include <openssl/evp.h>
#include <string.h>
int hash_pw(const char *pw, unsigned char *out)
{
    const unsigned char salt[] = "s4ltS4ltS4lt";
    return PKCS5_PBKDF2_HMAC(pw, (int)strlen(pw), salt, sizeof salt - 1, 100000, EVP_sha256(), 32, out);
}
)~",
     R"~(#include <openssl/evp.h>
#include <openssl/rand.h>
#include <string.h>
int hash_pw(const char *pw, unsigned char *salt, unsigned char *out)
{
    if (RAND_bytes(salt, 16) != 1) return 0;
    return PKCS5_PBKDF2_HMAC(pw, (int)strlen(pw), salt, 16, 100000, EVP_sha256(), 32, out);
}
)~"},
    {"CryptoAPI KP_IV from a constant array",
     R"~(#include <windows.h>
#include <wincrypt.h>
static BYTE iv[16] = {0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5, 6, 7, 8};
BOOL set_iv(HCRYPTKEY key)
{
    return CryptSetKeyParam(key, KP_IV, iv, 0);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
static BYTE iv[16];
BOOL set_iv(HCRYPTPROV prov, HCRYPTKEY key)
{
    if (!CryptGenRandom(prov, sizeof iv, iv)) return FALSE;
    return CryptSetKeyParam(key, KP_IV, iv, 0);
}
)~"},
    {"IV macro to AES_cbc_encrypt",
     R"~(#include <openssl/aes.h>
#include <string.h>
#define FIXED_IV "0123456789012345"
void seal(const unsigned char *in, unsigned char *out, size_t n, const AES_KEY *ks)
{
    unsigned char iv[16];
    memcpy(iv, FIXED_IV, 16);
    AES_cbc_encrypt(in, out, n, ks, iv, AES_ENCRYPT);
}
)~",
     R"~(#include <openssl/aes.h>
#include <openssl/rand.h>
void seal(const unsigned char *in, unsigned char *out, size_t n, const AES_KEY *ks)
{
    unsigned char iv[16];
    if (RAND_bytes(iv, sizeof iv) != 1) return;
    AES_cbc_encrypt(in, out, n, ks, iv, AES_ENCRYPT);
}
)~"},
    {"all-zero IV for CBC",
     R"~(#include <openssl/evp.h>
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key)
{
    unsigned char iv[16] = {0};
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);
}
)~",
     R"~(#include <openssl/evp.h>
#include <openssl/rand.h>
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key, unsigned char *iv)
{
    if (RAND_bytes(iv, 16) != 1) return 0;
    return EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);
}
)~"},
    {"file-scope nonce array for GCM",
     R"~(#include <mbedtls/gcm.h>
static const unsigned char nonce[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
int seal(mbedtls_gcm_context *gcm, const unsigned char *in, size_t n, unsigned char *out, unsigned char *tag)
{
    return mbedtls_gcm_crypt_and_tag(gcm, MBEDTLS_GCM_ENCRYPT, n, nonce, sizeof nonce, NULL, 0, in, out, 16, tag);
}
)~",
     R"~(#include <mbedtls/gcm.h>
#include <mbedtls/ctr_drbg.h>
int seal(mbedtls_gcm_context *gcm, mbedtls_ctr_drbg_context *drbg, const unsigned char *in, size_t n,
         unsigned char *out, unsigned char *tag, unsigned char nonce[12])
{
    if (mbedtls_ctr_drbg_random(drbg, nonce, 12) != 0) return -1;
    return mbedtls_gcm_crypt_and_tag(gcm, MBEDTLS_GCM_ENCRYPT, n, nonce, 12, NULL, 0, in, out, 16, tag);
}
)~"},
    {"memset IV before encryption",
     R"~(#include <openssl/evp.h>
#include <string.h>
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key)
{
    unsigned char iv[12];
    memset(iv, 0, sizeof iv);
    return EVP_EncryptInit_ex(ctx, EVP_aes_128_gcm(), NULL, key, iv);
}
)~",
     R"~(#include <openssl/evp.h>
#include <openssl/rand.h>
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *key)
{
    unsigned char iv[12];
    if (RAND_bytes(iv, sizeof iv) != 1) return 0;
    return EVP_EncryptInit_ex(ctx, EVP_aes_128_gcm(), NULL, key, iv);
}
)~"},
};

// CWE-532.
const std::vector<RulePair> log3_flow_pairs = {
    {"std::cout of a private key in C++",
     R"~(#include <iostream>
#include <string>
struct Device { std::string serial; std::string private_key; };
void dump(const Device &d)
{
    std::cout << d.serial << " " << d.private_key << std::endl;
}
)~",
     R"~(#include <iostream>
#include <string>
struct Device { std::string serial; std::string private_key; };
void dump(const Device &d)
{
    std::cout << d.serial << std::endl;
}
)~",
     "src/module.cpp"},
    {"syslog of a passwd field",
     R"~(#include <pwd.h>
#include <syslog.h>
void audit(const struct passwd *pw)
{
    syslog(LOG_AUTH | LOG_INFO, "user %s hash %s", pw->pw_name, pw->pw_passwd);
}
)~",
     R"~(#include <pwd.h>
#include <syslog.h>
void audit(const struct passwd *pw)
{
    syslog(LOG_AUTH | LOG_INFO, "user %s", pw->pw_name);
}
)~"},
    {"getpass result printed",
     R"~(#include <stdio.h>
#include <unistd.h>
void ask(void)
{
    printf("you typed %s\n", getpass("PIN: "));
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
#include <unistd.h>
void ask(void)
{
    printf("you typed %zu characters\n", strlen(getpass("PIN: ")));
}
)~"},
    {"password copied to a plain local before printing",
     R"~(#include <stdio.h>
void show(const char *password)
{
    const char *data = password;
    printf("%s\n", data);
}
)~",
     R"~(#include <stdio.h>
void show(const char *password)
{
    const char *data = password;
    printf("%zu characters\n", data ? 0 : 1);
}
)~"},
    {"password read then printed",
     R"~(#include <stdio.h>
#include <string.h>
void login_prompt(void)
{
    char password[64];
    if (fgets(password, sizeof password, stdin) == NULL) return;
    password[strcspn(password, "\n")] = '\0';
    printf("login with password %s\n", password);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
void login_prompt(void)
{
    char password[64];
    if (fgets(password, sizeof password, stdin) == NULL) return;
    password[strcspn(password, "\n")] = '\0';
    printf("login attempt\n");
}
)~"},
    {"key logged through a static helper",
     R"~(#include <syslog.h>
static void log_value(const char *what, const char *value)
{
    syslog(LOG_DEBUG, "%s=%s", what, value);
}
void configure(const char *api_key, const char *user)
{
    log_value("user", user);
    log_value("key", api_key);
}
)~",
     R"~(#include <syslog.h>
static void log_value(const char *what, const char *value)
{
    syslog(LOG_DEBUG, "%s=%s", what, value);
}
void configure(const char *api_key, const char *user)
{
    log_value("user", user);
    (void)api_key;
}
)~"},
    {"struct field to a log file",
     R"~(#include <stdio.h>
struct credentials { char username[32]; char password[32]; };
void audit(FILE *log, const struct credentials *c)
{
    fprintf(log, "auth %s %s\n", c->username, c->password);
}
)~",
     R"~(#include <stdio.h>
struct credentials { char username[32]; char password[32]; };
void audit(FILE *log, const struct credentials *c)
{
    fprintf(log, "auth %s\n", c->username);
}
)~"},
    {"C++ clog of a bearer token",
     R"~(#include <iostream>
#include <string>
void connect(const std::string &bearer_token)
{
    std::clog << "connecting with " << bearer_token << '\n';
}
)~",
     R"~(#include <iostream>
#include <string>
void connect(const std::string &bearer_token)
{
    std::clog << "connecting with a token of " << bearer_token.size() << " bytes\n";
}
)~",
     "src/module.cpp"},
    {"OutputDebugString of a password",
     R"~(#include <windows.h>
void trace(LPCSTR password)
{
    OutputDebugStringA(password);
}
)~",
     R"~(#include <windows.h>
void trace(LPCSTR password)
{
    (void)password;
    OutputDebugStringA("password accepted\n");
}
)~"},
    {"log macro over several lines",
     R"~(#include <stdio.h>
#define LOG_ERROR(...) fprintf(stderr, __VA_ARGS__)
void report(const char *user, const char *passwd)
{
    LOG_ERROR("rejected %s (%s)\n",
              user,
              passwd);
}
)~",
     R"~(#include <stdio.h>
#define LOG_ERROR(...) fprintf(stderr, __VA_ARGS__)
void report(const char *user, const char *passwd)
{
    (void)passwd;
    LOG_ERROR("rejected %s\n",
              user);
}
)~"},
};

TEST(FlowProgramPairs, WeakCrypto) { expect_pairs("CRYPTO-1", crypto1_flow_pairs); }
TEST(FlowProgramPairs, PeerVerification) { expect_pairs("CRYPTO-3", crypto3_flow_pairs); }
TEST(FlowProgramPairs, HardcodedSecrets) { expect_pairs("CRYPTO-4", crypto4_flow_pairs); }
TEST(FlowProgramPairs, HardcodedSecretsAcrossFiles) { expect_tree_pairs("CRYPTO-4", crypto4_tree_pairs); }
TEST(FlowProgramPairs, InsecureRandom) { expect_pairs("RNG-1", rng1_flow_pairs); }
TEST(FlowProgramPairs, PredictableSeeds) { expect_pairs("RNG-2", rng2_flow_pairs); }
TEST(FlowProgramPairs, PredictableSeedsAcrossFiles) { expect_tree_pairs("RNG-2", rng2_tree_pairs); }
TEST(FlowProgramPairs, IvReuse) { expect_pairs("RNG-3", rng3_flow_pairs); }
TEST(FlowProgramPairs, SecretsInLogs) { expect_pairs("LOG-3", log3_flow_pairs); }

}  // namespace
}  // namespace mdbc::source
