// CRYPTO-4 pairs in the shape of CWE-259/321/798 test programs: a literal password or key copied
// into a buffer (strcpy, wcsncpy, strcat, memcpy, a source helper) or assigned to a pointer, then
// passed as the password or key of an authentication or cryptographic call (LogonUser,
// CryptHashData before CryptDeriveKey, PKCS5_PBKDF2_HMAC, EVP_EncryptInit_ex,
// mbedtls_aes_setkey_enc, ldap_simple_bind_sW, WNetAddConnection2W); the fixed twins read it from
// input, a file, the environment or a random source.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> crypto4_program_pairs = {
    {"aes key memcpy",
     R"~(#include <openssl/aes.h>
#include <string.h>
void setup(AES_KEY *ks)
{
    unsigned char buf[32];
    memcpy(buf, "0123456789abcdef0123456789abcdef", 32);
    AES_set_encrypt_key(buf, 256, ks);
}
)~",
     R"~(#include <openssl/aes.h>
#include <openssl/rand.h>
#include <string.h>
void setup(AES_KEY *ks)
{
    unsigned char buf[32];
    if (RAND_bytes(buf, 32) != 1) return;
    AES_set_encrypt_key(buf, 256, ks);
}
)~",
     "src/module.c"},
    {"assign literal var",
     R"~(#include <windows.h>
void connect_share(void)
{
    wchar_t *password;
    password = L"Passw0rd!";
    HANDLE h;
    LogonUserW(L"svc", L".", password, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &h);
}
)~",
     R"~(#include <windows.h>
void connect_share(wchar_t *password)
{
    HANDLE h;
    wchar_t *empty = L"";
    LogonUserW(L"svc", L".", password, LOGON32_LOGON_INTERACTIVE, LOGON32_PROVIDER_DEFAULT, &h);
    (void)empty;
}
)~",
     "src/module.c"},
    {"cryptderive",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <string.h>
void protect(BYTE *payload, DWORD *len)
{
    char *data;
    char dataBuffer[100] = "";
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    data = dataBuffer;
    strcpy(data, "23 ~j;asn!@#/>as");
    if (!CryptAcquireContext(&prov, 0, 0, PROV_RSA_AES, 0)) return;
    if (CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash)) {
        if (CryptHashData(hash, (BYTE *)data, (DWORD)strlen(data), 0) &&
            CryptDeriveKey(prov, CALG_AES_256, hash, 0, &key)) {
            CryptEncrypt(key, 0, 1, 0, payload, len, 100);
            CryptDestroyKey(key);
        }
        CryptDestroyHash(hash);
    }
    CryptReleaseContext(prov, 0);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <string.h>
void protect(BYTE *payload, DWORD *len)
{
    char *data;
    char dataBuffer[100] = "";
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    data = dataBuffer;
    { FILE *f = fopen("key.txt", "r"); if (f) { fgets(data, 100, f); fclose(f); } }
    if (!CryptAcquireContext(&prov, 0, 0, PROV_RSA_AES, 0)) return;
    if (CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash)) {
        if (CryptHashData(hash, (BYTE *)data, (DWORD)strlen(data), 0) &&
            CryptDeriveKey(prov, CALG_AES_256, hash, 0, &key)) {
            CryptEncrypt(key, 0, 1, 0, payload, len, 100);
            CryptDestroyKey(key);
        }
        CryptDestroyHash(hash);
    }
    CryptReleaseContext(prov, 0);
}
)~",
     "src/module.c"},
    {"cryptderive wide",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <wchar.h>
void protect(BYTE *payload, DWORD *len)
{
    wchar_t *data;
    wchar_t dataBuffer[100] = L"";
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    data = dataBuffer;
    wcscpy(data, L"23 ~j;asn!@#/>as");
    if (!CryptAcquireContext(&prov, 0, 0, PROV_RSA_AES, 0)) return;
    if (CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash)) {
        if (CryptHashData(hash, (BYTE *)data, (DWORD)(wcslen(data) * sizeof(wchar_t)), 0) &&
            CryptDeriveKey(prov, CALG_AES_256, hash, 0, &key)) {
            CryptEncrypt(key, 0, 1, 0, payload, len, 100);
            CryptDestroyKey(key);
        }
        CryptDestroyHash(hash);
    }
    CryptReleaseContext(prov, 0);
}
)~",
     R"~(#include <windows.h>
#include <wincrypt.h>
#include <wchar.h>
void protect(BYTE *payload, DWORD *len)
{
    wchar_t *data;
    wchar_t dataBuffer[100] = L"";
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    data = dataBuffer;
    { size_t n = wcslen(data); if (fgetws(data + n, (int)(100 - n), stdin) == NULL) data[n] = L'\0'; }
    if (!CryptAcquireContext(&prov, 0, 0, PROV_RSA_AES, 0)) return;
    if (CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash)) {
        if (CryptHashData(hash, (BYTE *)data, (DWORD)(wcslen(data) * sizeof(wchar_t)), 0) &&
            CryptDeriveKey(prov, CALG_AES_256, hash, 0, &key)) {
            CryptEncrypt(key, 0, 1, 0, payload, len, 100);
            CryptDestroyKey(key);
        }
        CryptDestroyHash(hash);
    }
    CryptReleaseContext(prov, 0);
}
)~",
     "src/module.c"},
    {"empty password",
     R"~(#include <windows.h>
#include <string.h>
void login(void)
{
    char buffer[100];
    char *data = buffer;
    strcpy(data, "guest2024");
    {
        HANDLE token;
        if (LogonUserA("Guest", ".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) CloseHandle(token);
    }
}
)~",
     R"~(#include <windows.h>
#include <string.h>
void login(void)
{
    char buffer[100];
    char *data = buffer;
    strcpy(data, "");
    {
        HANDLE token;
        if (LogonUserA("Guest", ".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) CloseHandle(token);
    }
}
)~",
     "src/module.c"},
    {"evp key memcpy",
     R"~(#include <openssl/evp.h>
#include <cstring>
#define KEY_TEXT "k3y-0f-the-d3vice-2024-abcdefghi"
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *iv)
{
    unsigned char material[32];
    std::memcpy(material, KEY_TEXT, sizeof material);
    return EVP_EncryptInit_ex(ctx,
                              EVP_aes_256_gcm(),
                              nullptr,
                              material,
                              iv);
}
)~",
     R"~(#include <openssl/evp.h>
#include <cstring>
#include <cstdio>
int seal(EVP_CIPHER_CTX *ctx, const unsigned char *iv)
{
    unsigned char material[32];
    std::FILE *f = std::fopen("/run/keys/device.key", "rb");
    if (f == nullptr || std::fread(material, 1, sizeof material, f) != sizeof material) return 0;
    std::fclose(f);
    return EVP_EncryptInit_ex(ctx,
                              EVP_aes_256_gcm(),
                              nullptr,
                              material,
                              iv);
}
)~",
     "src/module.cpp"},
    {"ldap wide macro",
     R"~(#include <windows.h>
#include <winldap.h>
#include <wchar.h>
#define BIND_SECRET L"Zx9!pump-ldap"
ULONG bind_directory(LDAP *ld)
{
    wchar_t credential[64] = L"";
    wchar_t *data = credential;
    wcscpy(data, BIND_SECRET);
    return ldap_simple_bind_sW(ld, L"cn=pump,dc=example", data);
}
)~",
     R"~(#include <windows.h>
#include <winldap.h>
#include <wchar.h>
ULONG bind_directory(LDAP *ld)
{
    wchar_t credential[64] = L"";
    wchar_t *data = credential;
    wcscpy(data, L"");
    if (fgetws(data, 64, stdin) == NULL) return LDAP_PARAM_ERROR;
    return ldap_simple_bind_sW(ld, L"cn=pump,dc=example", data);
}
)~",
     "src/module.c"},
    {"logonuser",
     R"~(#include <windows.h>
#include <string.h>
#define PASSWORD "ABCD1234!"
void login(void)
{
    char *data;
    char dataBuffer[100] = "";
    data = dataBuffer;
    strcpy(data, PASSWORD);
    {
        HANDLE token;
        if (LogonUserA("User", "Domain", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) {
            CloseHandle(token);
        }
    }
}
)~",
     R"~(#include <windows.h>
#include <string.h>
#include <stdio.h>
void login(void)
{
    char *data;
    char dataBuffer[100] = "";
    data = dataBuffer;
    if (fgets(data, 100, stdin) == NULL) data[0] = '\0';
    {
        HANDLE token;
        if (LogonUserA("User", "Domain", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) {
            CloseHandle(token);
        }
    }
}
)~",
     "src/module.c"},
    {"logonuser socket",
     R"~(#include <windows.h>
#include <winsock2.h>
#include <string.h>
void login(SOCKET s)
{
    char *data;
    char dataBuffer[100] = "";
    data = dataBuffer;
    (void)s;
    strcpy(data, "Adm1n#2024");
    {
        HANDLE token;
        if (LogonUserA("User", "Domain", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) CloseHandle(token);
    }
}
)~",
     R"~(#include <windows.h>
#include <winsock2.h>
#include <string.h>
void login(SOCKET s)
{
    char *data;
    char dataBuffer[100] = "";
    data = dataBuffer;
    {
        size_t len = strlen(data);
        int r = recv(s, (char *)(data + len), (int)(100 - len - 1), 0);
        if (r > 0) data[len + r] = '\0';
    }
    {
        HANDLE token;
        if (LogonUserA("User", "Domain", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) CloseHandle(token);
    }
}
)~",
     "src/module.c"},
    {"logonuserw",
     R"~(#include <windows.h>
#include <wchar.h>
void login()
{
    wchar_t buffer[100] = L"";
    wchar_t *data = buffer;
    wcsncpy(data, L"hunter2", 99);
    HANDLE token;
    if (LogonUserW(L"User",
                   L"Domain",
                   data,
                   LOGON32_LOGON_NETWORK,
                   LOGON32_PROVIDER_DEFAULT,
                   &token)) CloseHandle(token);
}
)~",
     R"~(#include <windows.h>
#include <wchar.h>
#include <cstdio>
void login()
{
    wchar_t buffer[100] = L"";
    wchar_t *data = buffer;
    size_t len = wcslen(data);
    FILE *f = _wfopen(L"secret.txt", L"r");
    if (f) { fgetws(data + len, (int)(100 - len), f); fclose(f); }
    HANDLE token;
    if (LogonUserW(L"User",
                   L"Domain",
                   data,
                   LOGON32_LOGON_NETWORK,
                   LOGON32_PROVIDER_DEFAULT,
                   &token)) CloseHandle(token);
}
)~",
     "src/module.cpp"},
    {"mbedtls setkey",
     R"~(#include <mbedtls/aes.h>
#include <string.h>
int init_cipher(mbedtls_aes_context *aes)
{
    unsigned char buf[16];
    memcpy(buf, "\x2b\x7e\x15\x16\x28\xae\xd2\xa6\xab\xf7\x15\x88\x09\xcf\x4f\x3c", 16);
    return mbedtls_aes_setkey_enc(aes, buf, 128);
}
)~",
     R"~(#include <mbedtls/aes.h>
#include <string.h>
int init_cipher(mbedtls_aes_context *aes, const unsigned char *provisioned)
{
    unsigned char buf[16];
    memcpy(buf, provisioned, 16);
    return mbedtls_aes_setkey_enc(aes, buf, 128);
}
)~",
     "src/module.c"},
    {"mysql",
     R"~(#include <mysql.h>
MYSQL *connect_db(MYSQL *db)
{
    const char *pass = "s3cr3tpw";
    return mysql_real_connect(db, "localhost", "app", pass, "pump", 0, NULL, 0);
}
)~",
     R"~(#include <mysql.h>
#include <stdlib.h>
MYSQL *connect_db(MYSQL *db)
{
    const char *pass = getenv("DB_PASS");
    return mysql_real_connect(db, "localhost", "app", pass, "pump", 0, NULL, 0);
}
)~",
     "src/module.c"},
    {"pbkdf2",
     R"~(#include <openssl/evp.h>
#include <string.h>
int derive(unsigned char *out)
{
    char *data;
    char buffer[100] = "";
    static const unsigned char salt[8] = {1,2,3,4,5,6,7,8};
    data = buffer;
    strcat(data, "letmein");
    return PKCS5_PBKDF2_HMAC(data, (int)strlen(data), salt, 8, 100000, EVP_sha256(), 32, out);
}
)~",
     R"~(#include <openssl/evp.h>
#include <string.h>
#include <stdlib.h>
int derive(unsigned char *out)
{
    char *data;
    char buffer[100] = "";
    static const unsigned char salt[8] = {1,2,3,4,5,6,7,8};
    data = buffer;
    {
        char *env = getenv("PASSPHRASE");
        if (env != NULL) strncat(data, env, 99);
    }
    return PKCS5_PBKDF2_HMAC(data, (int)strlen(data), salt, 8, 100000, EVP_sha256(), 32, out);
}
)~",
     "src/module.c"},
    {"secret named strcpy",
     R"~(#include <cstring>
struct Session { char user[32]; };
void init(Session &s)
{
    char secret_token[64];
    strncpy(secret_token, "tok-8f2a9c", sizeof(secret_token) - 1);
    std::strcpy(s.user, "admin");
    (void)secret_token;
}
)~",
     R"~(#include <cstring>
#include <cstdio>
struct Session { char user[32]; };
void init(Session &s)
{
    char secret_token[64] = "";
    if (std::fgets(secret_token, sizeof secret_token, stdin) == nullptr) secret_token[0] = '\0';
    std::strcpy(s.user, "admin");
    const char *key_len_fmt = "%zu";
    std::printf(key_len_fmt, sizeof secret_token);
}
)~",
     "src/module.cpp"},
    {"source helper",
     R"~(#include <windows.h>
#include <cwchar>
namespace vault {
static wchar_t *password_source(wchar_t *data)
{
    wcscpy(data, L"Vault#2024pw");
    return data;
}
void open_session()
{
    wchar_t buffer[100] = L"";
    wchar_t *data = buffer;
    data = password_source(data);
    HANDLE token;
    if (LogonUserW(L"svc", L".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) CloseHandle(token);
}
}
)~",
     R"~(#include <windows.h>
#include <cwchar>
#include <cstdio>
namespace vault {
static wchar_t *password_source(wchar_t *data)
{
    if (std::fgetws(data, 100, stdin) == nullptr) data[0] = L'\0';
    return data;
}
void open_session()
{
    wchar_t buffer[100] = L"";
    wchar_t *data = buffer;
    data = password_source(data);
    HANDLE token;
    if (LogonUserW(L"svc", L".", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token)) CloseHandle(token);
}
}
)~",
     "src/module.cpp"},
    {"wnet assign",
     R"~(#include <windows.h>
#include <winnetwk.h>
DWORD mount_share(NETRESOURCEW *res)
{
    const wchar_t *data;
    data = L"Sh4re!pump";
    return WNetAddConnection2W(res, data, L"pumpsvc", 0);
}
)~",
     R"~(#include <windows.h>
#include <winnetwk.h>
#include <cstdlib>
DWORD mount_share(NETRESOURCEW *res)
{
    const wchar_t *data;
    data = _wgetenv(L"PUMP_SHARE_SECRET");
    return WNetAddConnection2W(res, data, L"pumpsvc", 0);
}
)~",
     "src/module.cpp"},
};

TEST(ProgramPairs, HardcodedSecrets) { expect_pairs("CRYPTO-4", crypto4_program_pairs); }

}  // namespace
}  // namespace mdbc::source
