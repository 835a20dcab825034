#pragma once
// The flaws of the data-flow variant suites, as a source and a sink on a variable: the
// single-file suite (variant_data_flow_pairs_test.cpp) and the multi-file one
// (variant_files_pairs_test.cpp) join them along their paths.
#include <string>
#include <vector>

#include "inspect/source/variant_data_flows.h"

namespace mdbc::test {

inline const std::string text_buffer = "char dataBuffer[100] = \"\";\nchar *data = dataBuffer;\n";

inline const std::vector<DataFlaw> code1_flaws = {
    {"strcpy of a line read into a smaller buffer", "#include <stdio.h>\n#include <string.h>\n", "char *",
     text_buffer, "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n",
     "char dest[50] = \"\";\nstrcpy(dest, data);\nprintf(\"%s\\n\", dest);\n", "",
     "char dest[50] = \"\";\nstrncpy(dest, data, sizeof(dest) - 1);\ndest[sizeof(dest) - 1] = '\\0';\n"
     "printf(\"%s\\n\", dest);\n"},
};

inline const std::vector<DataFlaw> code2_flaws = {
    {"a line from stdin as printf's format", "#include <stdio.h>\n#include <string.h>\n", "char *", text_buffer,
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n", "printf(data);\n",
     "strcpy(data, \"fixedstringtest\");\n", "printf(\"%s\\n\", data);\n"},
    {"the environment as snprintf's format", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n",
     "char *", text_buffer,
     "{\n    char *environment = getenv(\"ADD\");\n    if (environment != NULL)\n"
     "        strncat(data, environment, 100 - strlen(data) - 1);\n}\n",
     "char dest[100] = \"\";\nsnprintf(dest, sizeof(dest), data);\nputs(dest);\n",
     "memcpy(data, \"fixedstringtest\", sizeof(\"fixedstringtest\"));\n",
     "char dest[100] = \"\";\nsnprintf(dest, sizeof(dest), \"%s\", data);\nputs(dest);\n"},
    {"a socket's bytes as fprintf's format to stderr",
     "#include <stdio.h>\n#include <string.h>\n#include <sys/socket.h>\n#include <netinet/in.h>\n"
     "#include <arpa/inet.h>\n#include <unistd.h>\n",
     "char *", text_buffer,
     "{\n    int connectSocket = socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);\n    if (connectSocket != -1)\n    {\n"
     "        struct sockaddr_in service;\n        memset(&service, 0, sizeof(service));\n"
     "        service.sin_family = AF_INET;\n        service.sin_addr.s_addr = inet_addr(\"127.0.0.1\");\n"
     "        service.sin_port = htons(27015);\n"
     "        if (connect(connectSocket, (struct sockaddr *)&service, sizeof(service)) != -1)\n        {\n"
     "            ssize_t received = recv(connectSocket, data, 99, 0);\n"
     "            data[received > 0 ? received : 0] = '\\0';\n        }\n        close(connectSocket);\n    }\n}\n",
     "fprintf(stderr, data);\n", "strcpy(data, \"fixedstringtest\");\n", "fprintf(stderr, \"%s\\n\", data);\n"},
    {"a word scanned from a file as syslog's format", "#include <stdio.h>\n#include <string.h>\n#include <syslog.h>\n",
     "char *", text_buffer,
     "{\n    FILE *inputFile = fopen(\"/tmp/pump_input.txt\", \"r\");\n    if (inputFile != NULL)\n    {\n"
     "        if (fscanf(inputFile, \"%99s\", data) != 1)\n            data[0] = '\\0';\n"
     "        fclose(inputFile);\n    }\n}\n",
     "syslog(LOG_ERR, data);\n", "strcpy(data, \"fixedstringtest\");\n", "syslog(LOG_ERR, \"%s\", data);\n"},
    {"bytes read from standard input as the format of a variadic helper's vsnprintf",
     "#include <stdarg.h>\n#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n"
     "static void formatted_print(const char *format, ...)\n{\n    char dest[100] = \"\";\n    va_list args;\n"
     "    va_start(args, format);\n    vsnprintf(dest, sizeof(dest), format, args);\n    va_end(args);\n"
     "    puts(dest);\n}\n",
     "char *", text_buffer,
     "{\n    ssize_t count = read(STDIN_FILENO, data, 99);\n    data[count > 0 ? count : 0] = '\\0';\n}\n",
     "formatted_print(data);\n", "strcpy(data, \"fixedstringtest\");\n", "formatted_print(\"%s\", data);\n"},
    {"the environment as sprintf's format", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n",
     "char *", text_buffer,
     "{\n    char *environment = getenv(\"PUMP_MODE\");\n    if (environment != NULL)\n    {\n"
     "        strncpy(data, environment, 99);\n        data[99] = '\\0';\n    }\n}\n",
     "char dest[200] = \"\";\nsprintf(dest, data);\nputs(dest);\n", "strcpy(data, \"fixedstringtest\");\n",
     "char dest[200] = \"\";\nsprintf(dest, \"%s\", data);\nputs(dest);\n"},
    {"a wide line from stdin as wprintf's format", "#include <stdio.h>\n#include <wchar.h>\n", "wchar_t *",
     "wchar_t dataBuffer[100] = L\"\";\nwchar_t *data = dataBuffer;\n",
     "if (fgetws(data, 100, stdin) == NULL)\n    data[0] = L'\\0';\n", "wprintf(data);\n",
     "wcscpy(data, L\"fixedstringtest\");\n", "wprintf(L\"%ls\\n\", data);\n"},
    {"a wide line of a file as swprintf's format", "#include <stdio.h>\n#include <wchar.h>\n", "wchar_t *",
     "wchar_t dataBuffer[100] = L\"\";\nwchar_t *data = dataBuffer;\n",
     "{\n    FILE *inputFile = fopen(\"/tmp/pump_input.txt\", \"r\");\n    if (inputFile != NULL)\n    {\n"
     "        if (fgetws(data, 100, inputFile) == NULL)\n            data[0] = L'\\0';\n"
     "        fclose(inputFile);\n    }\n}\n",
     "wchar_t dest[100] = L\"\";\nswprintf(dest, 100, data);\nfputws(dest, stdout);\n",
     "wcscpy(data, L\"fixedstringtest\");\n",
     "wchar_t dest[100] = L\"\";\nswprintf(dest, 100, L\"%ls\", data);\nfputws(dest, stdout);\n"},
    {"the environment widened as fwprintf's format", "#include <stdio.h>\n#include <stdlib.h>\n#include <wchar.h>\n",
     "wchar_t *", "wchar_t dataBuffer[100] = L\"\";\nwchar_t *data = dataBuffer;\n",
     "{\n    char *environment = getenv(\"PUMP_LABEL\");\n    if (environment != NULL)\n"
     "        mbstowcs(data, environment, 99);\n}\n",
     "fwprintf(stderr, data);\n", "wcsncpy(data, L\"fixedstringtest\", 99);\n", "fwprintf(stderr, L\"%ls\\n\", data);\n"},
};

inline const std::vector<DataFlaw> code3_flaws = {
    {"system of a command ending in a line read", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n",
     "char *", text_buffer,
     "strcpy(data, \"ls \");\n{\n    size_t length = strlen(data);\n"
     "    if (fgets(data + length, (int)(100 - length), stdin) == NULL)\n        data[length] = '\\0';\n}\n",
     "system(data);\n", "", "execl(\"/bin/ls\", \"ls\", data + 3, (char *)NULL);\n"},
    {"execl of a shell path held in a pointer", "#include <stdio.h>\n#include <unistd.h>\n", "const char *",
     "const char *data = NULL;\n", "data = \"/bin/sh\";\n",
     "execl(data, data, \"-c\", \"ls -l /var/log/pump\", (char *)NULL);\n", "data = \"/bin/ls\";\n", ""},
    {"execlp of a shell named by a macro", "#include <stdio.h>\n#include <unistd.h>\n#define SHELL_NAME \"sh\"\n"
     "#define LISTER_NAME \"ls\"\n", "const char *", "const char *data = NULL;\n", "data = SHELL_NAME;\n",
     "execlp(data, data, \"-c\", \"ls /var/log/pump\", (char *)NULL);\n", "data = LISTER_NAME;\n", ""},
    {"execv of an argument vector whose program is a shell", "#include <stdio.h>\n#include <unistd.h>\n", "char **",
     "char *argumentsBuffer[4] = {NULL, NULL, NULL, NULL};\nchar **data = argumentsBuffer;\n",
     "data[0] = (char *)\"/bin/sh\";\ndata[1] = (char *)\"-c\";\ndata[2] = (char *)\"ls -l /var/log/pump\";\n"
     "data[3] = NULL;\n",
     "execv(data[0], data);\n",
     "data[0] = (char *)\"/bin/ls\";\ndata[1] = (char *)\"-l\";\ndata[2] = (char *)\"/var/log/pump\";\ndata[3] = NULL;\n",
     ""},
    {"execv of an initialised argument vector starting a shell", "#include <stdio.h>\n#include <unistd.h>\n",
     "char **", "char **data = NULL;\n",
     "{\n    static char *shellArguments[] = {(char *)\"/bin/sh\", (char *)\"-c\", (char *)\"ls -l /var/log/pump\", NULL};\n"
     "    data = shellArguments;\n}\n",
     "execv(data[0], data);\n",
     "{\n    static char *listArguments[] = {(char *)\"/bin/ls\", (char *)\"-l\", (char *)\"/var/log/pump\", NULL};\n"
     "    data = listArguments;\n}\n",
     ""},
    {"posix_spawn of a shell path", "#include <spawn.h>\n#include <stdio.h>\n#include <sys/wait.h>\nextern char **environ;\n",
     "const char *", "const char *data = NULL;\n", "data = \"/bin/sh\";\n",
     "pid_t child;\nchar *arguments[] = {(char *)data, (char *)\"-c\", (char *)\"ls -l /var/log/pump\", NULL};\n"
     "if (posix_spawn(&child, data, NULL, NULL, arguments, environ) == 0)\n    waitpid(child, NULL, 0);\n",
     "data = \"/bin/ls\";\n", ""},
    {"execve of a shell path copied into a buffer", "#include <stdio.h>\n#include <string.h>\n#include <unistd.h>\n",
     "char *", text_buffer, "strcpy(data, \"/bin/bash\");\n",
     "char *arguments[] = {data, (char *)\"-c\", (char *)\"ls -l /var/log/pump\", NULL};\n"
     "char *environment[] = {NULL};\nexecve(data, arguments, environment);\n",
     "strcpy(data, \"/bin/ls\");\n", ""},
    {"execvp of a shell, or of a viewer the environment names", "#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n",
     "const char *", "const char *data = NULL;\n", "data = \"bash\";\n",
     "char *arguments[] = {(char *)\"viewer\", (char *)\"/var/log/pump/events.log\", NULL};\nexecvp(data, arguments);\n",
     "data = getenv(\"PUMP_VIEWER\");\n", ""},
};

inline const std::vector<DataFlaw> code4_flaws = {
    {"atoi of a line read", "#include <stdio.h>\n#include <stdlib.h>\n", "char *", text_buffer,
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n", "printf(\"%d\\n\", atoi(data));\n", "",
     "char *end = NULL;\nlong value = strtol(data, &end, 10);\nif (end != data)\n    printf(\"%ld\\n\", value);\n"},
};

inline const std::vector<DataFlaw> crypto1_flaws = {
    {"a CryptoAPI hash algorithm chosen as CALG_MD5", "#include <windows.h>\n#include <wincrypt.h>\n", "ALG_ID",
     "ALG_ID data = 0;\n", "data = CALG_MD5;\n",
     "HCRYPTPROV provider = 0;\nHCRYPTHASH hash = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))\n{\n"
     "    if (CryptCreateHash(provider, data, 0, 0, &hash))\n        CryptDestroyHash(hash);\n"
     "    CryptReleaseContext(provider, 0);\n}\n",
     "data = CALG_SHA_256;\n", ""},
    {"an OpenSSL digest chosen as MD5", "#include <openssl/evp.h>\n", "const EVP_MD *", "const EVP_MD *data = NULL;\n",
     "data = EVP_md5();\n",
     "unsigned char digest[EVP_MAX_MD_SIZE];\nunsigned int length = 0;\nEVP_Digest(\"abc\", 3, digest, &length, data, NULL);\n",
     "data = EVP_sha256();\n", ""},
    {"an RSA key of 1024 bits generated by OpenSSL", "#include <openssl/bn.h>\n#include <openssl/rsa.h>\n", "int",
     "int data = 0;\n", "data = 1024;\n",
     "RSA *rsa = RSA_new();\nBIGNUM *exponent = BN_new();\n"
     "if (rsa != NULL && exponent != NULL && BN_set_word(exponent, RSA_F4) == 1)\n"
     "    RSA_generate_key_ex(rsa, data, exponent, NULL);\nBN_free(exponent);\nRSA_free(rsa);\n",
     "data = 3072;\n", ""},
    {"an RSA key of 1024 bits generated by mbedTLS",
     "#include <mbedtls/ctr_drbg.h>\n#include <mbedtls/entropy.h>\n#include <mbedtls/rsa.h>\n", "unsigned int",
     "unsigned int data = 0;\n", "data = 1024;\n",
     "mbedtls_rsa_context rsa;\nmbedtls_entropy_context entropy;\nmbedtls_ctr_drbg_context drbg;\n"
     "mbedtls_rsa_init(&rsa);\nmbedtls_entropy_init(&entropy);\nmbedtls_ctr_drbg_init(&drbg);\n"
     "if (mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy, NULL, 0) == 0)\n"
     "    mbedtls_rsa_gen_key(&rsa, mbedtls_ctr_drbg_random, &drbg, data, 65537);\n"
     "mbedtls_ctr_drbg_free(&drbg);\nmbedtls_entropy_free(&entropy);\nmbedtls_rsa_free(&rsa);\n",
     "data = 3072;\n", ""},
    {"an OpenSSL cipher looked up by the name des-ecb", "#include <stdio.h>\n#include <openssl/evp.h>\n",
     "const char *", "const char *data = NULL;\n", "data = \"des-ecb\";\n",
     "const EVP_CIPHER *cipher = EVP_get_cipherbyname(data);\nif (cipher != NULL)\n"
     "    printf(\"%d\\n\", EVP_CIPHER_get_block_size(cipher));\n",
     "data = \"aes-256-gcm\";\n", ""},
    {"an OpenSSL cipher chosen as DES in ECB mode", "#include <openssl/evp.h>\n"
     "extern const unsigned char *device_key(void);\n", "const EVP_CIPHER *", "const EVP_CIPHER *data = NULL;\n",
     "data = EVP_des_ecb();\n",
     "EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\nif (ctx != NULL)\n"
     "    EVP_CipherInit_ex(ctx, data, NULL, device_key(), NULL, 1);\nEVP_CIPHER_CTX_free(ctx);\n",
     "data = EVP_aes_256_gcm();\n", ""},
    {"an mbedTLS cipher chosen as DES in ECB mode", "#include <mbedtls/cipher.h>\n", "mbedtls_cipher_type_t",
     "mbedtls_cipher_type_t data = MBEDTLS_CIPHER_NONE;\n", "data = MBEDTLS_CIPHER_DES_ECB;\n",
     "mbedtls_cipher_context_t ctx;\nconst mbedtls_cipher_info_t *info = mbedtls_cipher_info_from_type(data);\n"
     "mbedtls_cipher_init(&ctx);\nif (info != NULL)\n    mbedtls_cipher_setup(&ctx, info);\n"
     "mbedtls_cipher_free(&ctx);\n",
     "data = MBEDTLS_CIPHER_AES_256_GCM;\n", ""},
    {"a libgcrypt cipher chosen as DES", "#include <gcrypt.h>\n", "int", "int data = 0;\n",
     "data = GCRY_CIPHER_DES;\n",
     "gcry_cipher_hd_t handle;\nif (gcry_cipher_open(&handle, data, GCRY_CIPHER_MODE_CBC, 0) == 0)\n"
     "    gcry_cipher_close(handle);\n",
     "data = GCRY_CIPHER_AES256;\n", ""},
    {"a CNG algorithm provider opened for DES", "#include <windows.h>\n#include <bcrypt.h>\n", "LPCWSTR",
     "LPCWSTR data = NULL;\n", "data = BCRYPT_DES_ALGORITHM;\n",
     "BCRYPT_ALG_HANDLE algorithm = NULL;\nif (BCryptOpenAlgorithmProvider(&algorithm, data, NULL, 0) == 0)\n"
     "    BCryptCloseAlgorithmProvider(algorithm, 0);\n",
     "data = BCRYPT_AES_ALGORITHM;\n", ""},
    {"a CryptoAPI session key derived as RC4", "#include <windows.h>\n#include <wincrypt.h>\n", "ALG_ID",
     "ALG_ID data = 0;\n", "data = CALG_RC4;\n",
     "HCRYPTPROV provider = 0;\nHCRYPTHASH hash = 0;\nHCRYPTKEY key = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))\n{\n"
     "    if (CryptCreateHash(provider, CALG_SHA_256, 0, 0, &hash))\n    {\n"
     "        if (CryptHashData(hash, (const BYTE *)\"pump passphrase\", 15, 0) &&\n"
     "            CryptDeriveKey(provider, data, hash, 0, &key))\n            CryptDestroyKey(key);\n"
     "        CryptDestroyHash(hash);\n    }\n    CryptReleaseContext(provider, 0);\n}\n",
     "data = CALG_AES_256;\n", ""},
    {"a CryptoAPI key generated for 3DES", "#include <windows.h>\n#include <wincrypt.h>\n", "ALG_ID",
     "ALG_ID data = 0;\n", "data = CALG_3DES;\n",
     "HCRYPTPROV provider = 0;\nHCRYPTKEY key = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))\n{\n"
     "    if (CryptGenKey(provider, data, CRYPT_EXPORTABLE, &key))\n        CryptDestroyKey(key);\n"
     "    CryptReleaseContext(provider, 0);\n}\n",
     "data = CALG_AES_256;\n", ""},
    {"an OpenSSL digest context initialised for MD5", "#include <openssl/evp.h>\n", "const EVP_MD *",
     "const EVP_MD *data = NULL;\n", "data = EVP_md5();\n",
     "EVP_MD_CTX *ctx = EVP_MD_CTX_new();\nunsigned char digest[EVP_MAX_MD_SIZE];\nunsigned int length = 0;\n"
     "if (ctx != NULL && EVP_DigestInit_ex(ctx, data, NULL) == 1 && EVP_DigestUpdate(ctx, \"abc\", 3) == 1)\n"
     "    EVP_DigestFinal_ex(ctx, digest, &length);\nEVP_MD_CTX_free(ctx);\n",
     "data = EVP_sha256();\n", ""},
    {"an OpenSSL signature made over SHA-1", "#include <openssl/evp.h>\nextern EVP_PKEY *device_private_key(void);\n",
     "const EVP_MD *", "const EVP_MD *data = NULL;\n", "data = EVP_sha1();\n",
     "EVP_MD_CTX *ctx = EVP_MD_CTX_new();\nunsigned char signature[512];\nsize_t length = sizeof(signature);\n"
     "if (ctx != NULL && EVP_DigestSignInit(ctx, NULL, data, NULL, device_private_key()) == 1)\n"
     "    EVP_DigestSign(ctx, signature, &length, (const unsigned char *)\"firmware\", 8);\nEVP_MD_CTX_free(ctx);\n",
     "data = EVP_sha256();\n", ""},
    {"RSA_public_encrypt with PKCS#1 v1.5 padding", "#include <openssl/rsa.h>\nextern RSA *device_public_key(void);\n",
     "int", "int data = 0;\n", "data = RSA_PKCS1_PADDING;\n",
     "unsigned char sealed[512];\n"
     "RSA_public_encrypt(16, (const unsigned char *)\"pump session key\", sealed, device_public_key(), data);\n",
     "data = RSA_PKCS1_OAEP_PADDING;\n", ""},
    {"an EVP encryption context set to PKCS#1 v1.5 padding",
     "#include <openssl/evp.h>\n#include <openssl/rsa.h>\nextern EVP_PKEY *device_public_key(void);\n", "int",
     "int data = 0;\n", "data = RSA_PKCS1_PADDING;\n",
     "EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new(device_public_key(), NULL);\nunsigned char sealed[512];\n"
     "size_t length = sizeof(sealed);\n"
     "if (ctx != NULL && EVP_PKEY_encrypt_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_padding(ctx, data) == 1)\n"
     "    EVP_PKEY_encrypt(ctx, sealed, &length, (const unsigned char *)\"pump session key\", 16);\n"
     "EVP_PKEY_CTX_free(ctx);\n",
     "data = RSA_PKCS1_OAEP_PADDING;\n", ""},
    {"an OpenSSL context allowing TLS 1.0", "#include <openssl/ssl.h>\n", "int", "int data = 0;\n",
     "data = TLS1_VERSION;\n",
     "SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());\nif (ctx != NULL)\n{\n"
     "    SSL_CTX_set_min_proto_version(ctx, data);\n    SSL_CTX_free(ctx);\n}\n",
     "data = TLS1_2_VERSION;\n", ""},
    {"an OpenSSL context made with the TLS 1.0 method", "#include <openssl/ssl.h>\n", "const SSL_METHOD *",
     "const SSL_METHOD *data = NULL;\n", "data = TLSv1_method();\n",
     "SSL_CTX *ctx = SSL_CTX_new(data);\nif (ctx != NULL)\n    SSL_CTX_free(ctx);\n",
     "data = TLS_client_method();\n", ""},
    {"an OpenSSL cipher list of RC4 suites", "#include <openssl/ssl.h>\n", "const char *", "const char *data = NULL;\n",
     "data = \"RC4-SHA:RC4-MD5\";\n",
     "SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());\nif (ctx != NULL)\n{\n"
     "    SSL_CTX_set_cipher_list(ctx, data);\n    SSL_CTX_free(ctx);\n}\n",
     "data = \"ECDHE-ECDSA-AES256-GCM-SHA384\";\n", ""},
    {"an OpenSSL 3 digest fetched by the name MD5", "#include <stdio.h>\n#include <openssl/evp.h>\n", "const char *",
     "const char *data = NULL;\n", "data = \"MD5\";\n",
     "EVP_MD *md = EVP_MD_fetch(NULL, data, NULL);\nif (md != NULL)\n{\n    printf(\"%d\\n\", EVP_MD_get_size(md));\n"
     "    EVP_MD_free(md);\n}\n",
     "data = \"SHA2-256\";\n", ""},
    {"an mbedTLS digest chosen as MD5", "#include <mbedtls/md.h>\n", "mbedtls_md_type_t",
     "mbedtls_md_type_t data = MBEDTLS_MD_NONE;\n", "data = MBEDTLS_MD_MD5;\n",
     "unsigned char digest[64];\nconst mbedtls_md_info_t *info = mbedtls_md_info_from_type(data);\nif (info != NULL)\n"
     "    mbedtls_md(info, (const unsigned char *)\"abc\", 3, digest);\n",
     "data = MBEDTLS_MD_SHA256;\n", ""},
    {"a wolfCrypt hash of type MD5", "#include <wolfssl/wolfcrypt/hash.h>\n", "enum wc_HashType",
     "enum wc_HashType data = WC_HASH_TYPE_NONE;\n", "data = WC_HASH_TYPE_MD5;\n",
     "byte digest[WC_MAX_DIGEST_SIZE];\nwc_Hash(data, (const byte *)\"abc\", 3, digest, sizeof(digest));\n",
     "data = WC_HASH_TYPE_SHA256;\n", ""},
    {"a PSA hash computed with MD5", "#include <psa/crypto.h>\n", "psa_algorithm_t", "psa_algorithm_t data = 0;\n",
     "data = PSA_ALG_MD5;\n",
     "uint8_t digest[PSA_HASH_MAX_SIZE];\nsize_t length = 0;\n"
     "psa_hash_compute(data, (const uint8_t *)\"abc\", 3, digest, sizeof(digest), &length);\n",
     "data = PSA_ALG_SHA_256;\n", ""},
    {"a GnuTLS hash of MD5", "#include <gnutls/crypto.h>\n", "gnutls_digest_algorithm_t",
     "gnutls_digest_algorithm_t data = GNUTLS_DIG_UNKNOWN;\n", "data = GNUTLS_DIG_MD5;\n",
     "gnutls_hash_hd_t hash;\nif (gnutls_hash_init(&hash, data) == 0)\n    gnutls_hash_deinit(hash, NULL);\n",
     "data = GNUTLS_DIG_SHA256;\n", ""},
    {"a libgcrypt digest opened for MD5", "#include <gcrypt.h>\n", "int", "int data = 0;\n", "data = GCRY_MD_MD5;\n",
     "gcry_md_hd_t handle;\nif (gcry_md_open(&handle, data, 0) == 0)\n    gcry_md_close(handle);\n",
     "data = GCRY_MD_SHA256;\n", ""},
    {"a CryptoAPI hash created with the ALG_ID number of MD5", "#include <windows.h>\n#include <wincrypt.h>\n",
     "ALG_ID", "ALG_ID data = 0;\n", "data = 0x8003;\n",
     "HCRYPTPROV provider = 0;\nHCRYPTHASH hash = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))\n{\n"
     "    if (CryptCreateHash(provider, data, 0, 0, &hash))\n        CryptDestroyHash(hash);\n"
     "    CryptReleaseContext(provider, 0);\n}\n",
     "data = 0x800c;\n", ""},
    {"a CNG hash provider opened by the name MD5", "#include <windows.h>\n#include <bcrypt.h>\n", "LPCWSTR",
     "LPCWSTR data = NULL;\n", "data = L\"MD5\";\n",
     "BCRYPT_ALG_HANDLE algorithm = NULL;\nif (BCryptOpenAlgorithmProvider(&algorithm, data, NULL, 0) == 0)\n"
     "    BCryptCloseAlgorithmProvider(algorithm, 0);\n",
     "data = L\"SHA256\";\n", ""},
    {"an OpenSSL cipher looked up by the name rc4", "#include <stdio.h>\n#include <openssl/evp.h>\n",
     "const char *", "const char *data = NULL;\n", "data = \"rc4\";\n",
     "const EVP_CIPHER *cipher = EVP_get_cipherbyname(data);\nif (cipher != NULL)\n"
     "    printf(\"%d\\n\", EVP_CIPHER_get_key_length(cipher));\n",
     "data = \"chacha20-poly1305\";\n", ""},
    {"an OpenSSL context whose lowest version is the number of TLS 1.0", "#include <openssl/ssl.h>\n", "int",
     "int data = 0;\n", "data = 0x0301;\n",
     "SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());\nif (ctx != NULL)\n{\n"
     "    SSL_CTX_set_min_proto_version(ctx, data);\n    SSL_CTX_free(ctx);\n}\n",
     "data = 0x0303;\n", ""},
    {"an RSA key of 1024 bits generated through an EVP context",
     "#include <openssl/evp.h>\n#include <openssl/rsa.h>\n", "int", "int data = 0;\n", "data = 1024;\n",
     "EVP_PKEY *key = NULL;\nEVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_RSA, NULL);\n"
     "if (ctx != NULL && EVP_PKEY_keygen_init(ctx) == 1 && EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, data) == 1)\n"
     "    EVP_PKEY_keygen(ctx, &key);\nEVP_PKEY_free(key);\nEVP_PKEY_CTX_free(ctx);\n",
     "data = 3072;\n", ""},
    {"an RSA key of 1024 bits made by wolfCrypt", "#include <wolfssl/wolfcrypt/rsa.h>\n#include <wolfssl/wolfcrypt/random.h>\n",
     "int", "int data = 0;\n", "data = 1024;\n",
     "RsaKey key;\nWC_RNG rng;\nif (wc_InitRng(&rng) == 0)\n{\n    if (wc_InitRsaKey(&key, NULL) == 0)\n    {\n"
     "        wc_MakeRsaKey(&key, data, WC_RSA_EXPONENT, &rng);\n        wc_FreeRsaKey(&key);\n    }\n"
     "    wc_FreeRng(&rng);\n}\n",
     "data = 3072;\n", ""},
    {"RSA_private_decrypt with the padding number of PKCS#1 v1.5",
     "#include <openssl/rsa.h>\nextern RSA *device_private_key(void);\nextern const unsigned char sealed_key[256];\n",
     "int", "int data = 0;\n", "data = 1;\n",
     "unsigned char opened[256];\nRSA_private_decrypt(256, sealed_key, opened, device_private_key(), data);\n",
     "data = 4;\n", ""},
    {"a PSA RSA key pair of 1024 bits", "#include <psa/crypto.h>\n", "size_t", "size_t data = 0;\n", "data = 1024;\n",
     "psa_key_attributes_t attributes = PSA_KEY_ATTRIBUTES_INIT;\npsa_key_id_t key = 0;\n"
     "psa_set_key_type(&attributes, PSA_KEY_TYPE_RSA_KEY_PAIR);\npsa_set_key_bits(&attributes, data);\n"
     "psa_set_key_usage_flags(&attributes, PSA_KEY_USAGE_SIGN_HASH);\n"
     "psa_set_key_algorithm(&attributes, PSA_ALG_RSA_PSS(PSA_ALG_SHA_256));\n"
     "if (psa_generate_key(&attributes, &key) == PSA_SUCCESS)\n    psa_destroy_key(key);\n",
     "data = 3072;\n", ""},
    {"a GnuTLS RSA private key of 1024 bits", "#include <gnutls/x509.h>\n", "unsigned int",
     "unsigned int data = 0;\n", "data = 1024;\n",
     "gnutls_x509_privkey_t key;\nif (gnutls_x509_privkey_init(&key) == 0)\n{\n"
     "    gnutls_x509_privkey_generate(key, GNUTLS_PK_RSA, data, 0);\n    gnutls_x509_privkey_deinit(key);\n}\n",
     "data = 3072;\n", ""},
    {"a wolfSSL context whose lowest version is TLS 1.0", "#include <wolfssl/ssl.h>\n", "int", "int data = 0;\n",
     "data = WOLFSSL_TLSV1;\n",
     "WOLFSSL_CTX *ctx = wolfSSL_CTX_new(wolfSSLv23_client_method());\nif (ctx != NULL)\n{\n"
     "    wolfSSL_CTX_SetMinVersion(ctx, data);\n    wolfSSL_CTX_free(ctx);\n}\n",
     "data = WOLFSSL_TLSV1_2;\n", ""},
};

inline const std::vector<DataFlaw> crypto3_flaws = {
    {"an OpenSSL context set to SSL_VERIFY_NONE", "#include <openssl/ssl.h>\n", "int", "int data = -1;\n",
     "data = SSL_VERIFY_NONE;\n",
     "SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());\nif (ctx != NULL)\n{\n"
     "    SSL_CTX_set_verify(ctx, data, NULL);\n    SSL_CTX_free(ctx);\n}\n",
     "data = SSL_VERIFY_PEER;\n",
     "SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());\nif (ctx != NULL)\n{\n"
     "    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);\n"
     "    SSL_CTX_free(ctx);\n}\n"},
    {"a wolfSSL context set to WOLFSSL_VERIFY_NONE", "#include <wolfssl/ssl.h>\n", "int", "int data = 0;\n",
     "data = WOLFSSL_VERIFY_NONE;\n",
     "WOLFSSL_CTX *ctx = wolfSSL_CTX_new(wolfTLSv1_3_client_method());\nif (ctx != NULL)\n{\n"
     "    wolfSSL_CTX_set_verify(ctx, data, NULL);\n    wolfSSL_CTX_free(ctx);\n}\n",
     "data = WOLFSSL_VERIFY_PEER;\n", ""},
    {"an mbedTLS configuration set to MBEDTLS_SSL_VERIFY_NONE", "#include <mbedtls/ssl.h>\n", "int",
     "int data = MBEDTLS_SSL_VERIFY_REQUIRED;\n", "data = MBEDTLS_SSL_VERIFY_NONE;\n",
     "mbedtls_ssl_config conf;\nmbedtls_ssl_config_init(&conf);\n"
     "if (mbedtls_ssl_config_defaults(&conf, MBEDTLS_SSL_IS_CLIENT, MBEDTLS_SSL_TRANSPORT_STREAM,\n"
     "                                MBEDTLS_SSL_PRESET_DEFAULT) == 0)\n"
     "    mbedtls_ssl_conf_authmode(&conf, data);\nmbedtls_ssl_config_free(&conf);\n",
     "data = MBEDTLS_SSL_VERIFY_REQUIRED;\n", ""},
    {"libcurl told not to verify the peer", "#include <curl/curl.h>\n", "long", "long data = 1L;\n",
     "data = 0L;\n",
     "CURL *curl = curl_easy_init();\nif (curl != NULL)\n{\n"
     "    curl_easy_setopt(curl, CURLOPT_URL, \"https://example.com/\");\n"
     "    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, data);\n    curl_easy_perform(curl);\n"
     "    curl_easy_cleanup(curl);\n}\n",
     "data = 1L;\n",
     "CURL *curl = curl_easy_init();\nif (curl != NULL)\n{\n"
     "    curl_easy_setopt(curl, CURLOPT_URL, \"https://example.com/\");\n"
     "    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);\n    curl_easy_perform(curl);\n"
     "    curl_easy_cleanup(curl);\n}\n"},
};

inline const std::vector<DataFlaw> crypto4_flaws = {
    {"a literal password given to LogonUserA", "#include <windows.h>\n#include <stdio.h>\n#include <string.h>\n",
     "char *", text_buffer, "strcpy(data, \"ABCD1234!\");\n",
     "HANDLE token;\nif (LogonUserA(\"User\", \"Domain\", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))\n"
     "    CloseHandle(token);\n",
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\ndata[strcspn(data, \"\\n\")] = '\\0';\n", ""},
    {"a literal key hashed for CryptDeriveKey", "#include <windows.h>\n#include <wincrypt.h>\n#include <stdio.h>\n#include <string.h>\n",
     "char *", text_buffer, "strcpy(data, \"23!7&KEY\");\n",
     "HCRYPTPROV provider;\nHCRYPTHASH hash;\nHCRYPTKEY key;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, 0) &&\n"
     "    CryptCreateHash(provider, CALG_SHA_256, 0, 0, &hash) &&\n"
     "    CryptHashData(hash, (BYTE *)data, (DWORD)strlen(data), 0))\n"
     "    CryptDeriveKey(provider, CALG_AES_256, hash, 0, &key);\n",
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n", ""},
    {"a literal password given to mysql_real_connect", "#include <stdio.h>\n#include <string.h>\n#include <mysql/mysql.h>\n",
     "char *", text_buffer, "strcpy(data, \"Pump-2024!\");\n",
     "MYSQL *connection = mysql_init(NULL);\nif (connection != NULL)\n{\n"
     "    if (mysql_real_connect(connection, \"localhost\", \"pump\", data, \"therapy\", 0, NULL, 0) != NULL)\n"
     "        puts(\"connected\");\n    mysql_close(connection);\n}\n",
     "{\n    FILE *secretFile = fopen(\"/run/secrets/db_password\", \"r\");\n    if (secretFile != NULL)\n    {\n"
     "        if (fgets(data, 100, secretFile) == NULL)\n            data[0] = '\\0';\n"
     "        data[strcspn(data, \"\\n\")] = '\\0';\n        fclose(secretFile);\n    }\n}\n",
     ""},
    {"a literal password given to ssh_userauth_password", "#include <stdio.h>\n#include <stdlib.h>\n#include <libssh/libssh.h>\n",
     "const char *", "const char *data = NULL;\n", "data = \"Sup3rS3cret\";\n",
     "ssh_session session = ssh_new();\nif (session != NULL)\n{\n"
     "    ssh_options_set(session, SSH_OPTIONS_HOST, \"pump.local\");\n"
     "    if (data != NULL && ssh_connect(session) == SSH_OK &&\n"
     "        ssh_userauth_password(session, NULL, data) == SSH_AUTH_SUCCESS)\n        puts(\"authenticated\");\n"
     "    ssh_free(session);\n}\n",
     "data = getenv(\"PUMP_SSH_PASSWORD\");\n", ""},
    {"a literal password stretched by PKCS5_PBKDF2_HMAC",
     "#include <stdio.h>\n#include <string.h>\n#include <openssl/evp.h>\n#include <openssl/rand.h>\n", "char *",
     text_buffer, "strcpy(data, \"Kx7#pump!\");\n",
     "unsigned char salt[16];\nunsigned char derived[32];\nif (RAND_bytes(salt, sizeof(salt)) == 1)\n"
     "    PKCS5_PBKDF2_HMAC(data, (int)strlen(data), salt, sizeof(salt), 600000, EVP_sha256(), sizeof(derived), derived);\n",
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\ndata[strcspn(data, \"\\n\")] = '\\0';\n", ""},
    {"a literal password stretched by mbedtls_pkcs5_pbkdf2_hmac_ext",
     "#include <stdlib.h>\n#include <string.h>\n#include <mbedtls/pkcs5.h>\n"
     "extern const unsigned char *device_salt(void);\n",
     "const char *", "const char *data = NULL;\n", "data = \"Therapy#42\";\n",
     "unsigned char derived[32];\nif (data != NULL)\n"
     "    mbedtls_pkcs5_pbkdf2_hmac_ext(MBEDTLS_MD_SHA256, (const unsigned char *)data, strlen(data), device_salt(), 16,\n"
     "                                  100000, sizeof(derived), derived);\n",
     "data = getenv(\"PUMP_PASSPHRASE\");\n", ""},
    {"a literal key copied for AES_set_encrypt_key", "#include <stdio.h>\n#include <string.h>\n#include <openssl/aes.h>\n",
     "unsigned char *", "unsigned char keyBuffer[32] = {0};\nunsigned char *data = keyBuffer;\n",
     "memcpy(data, \"0123456789abcdef0123456789abcdef\", 32);\n",
     "AES_KEY schedule;\nAES_set_encrypt_key(data, 256, &schedule);\n",
     "{\n    FILE *keyFile = fopen(\"/etc/pump/aes.key\", \"rb\");\n    if (keyFile != NULL)\n    {\n"
     "        if (fread(data, 1, 32, keyFile) != 32)\n            puts(\"short key file\");\n        fclose(keyFile);\n"
     "    }\n}\n",
     ""},
    {"a literal key given to EVP_EncryptInit_ex",
     "#include <openssl/evp.h>\n#include <openssl/rand.h>\nextern const unsigned char *device_key(void);\n",
     "const unsigned char *", "const unsigned char *data = NULL;\n",
     "data = (const unsigned char *)\"Kp9#vX2!mQ7&zL4$\";\n",
     "unsigned char iv[16];\nEVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\n"
     "if (ctx != NULL && RAND_bytes(iv, sizeof(iv)) == 1)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, data, iv);\nEVP_CIPHER_CTX_free(ctx);\n",
     "data = device_key();\n", ""},
    {"a literal byte array copied for mbedtls_aes_setkey_enc",
     "#include <stdio.h>\n#include <string.h>\n#include <mbedtls/aes.h>\n"
     "extern int read_device_key(unsigned char *out, size_t size);\n",
     "unsigned char *", "unsigned char keyBuffer[16] = {0};\nunsigned char *data = keyBuffer;\n",
     "{\n    static const unsigned char pattern[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,\n"
     "                                              0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};\n"
     "    memcpy(data, pattern, sizeof(pattern));\n}\n",
     "mbedtls_aes_context aes;\nmbedtls_aes_init(&aes);\nif (mbedtls_aes_setkey_enc(&aes, data, 128) == 0)\n"
     "    puts(\"key set\");\nmbedtls_aes_free(&aes);\n",
     "if (read_device_key(data, 16) != 0)\n    puts(\"no key\");\n", ""},
    {"a literal key given to wc_AesSetKey",
     "#include <wolfssl/options.h>\n#include <wolfssl/wolfcrypt/aes.h>\n#include <wolfssl/wolfcrypt/random.h>\n"
     "extern const byte *device_key(void);\n",
     "const byte *", "const byte *data = NULL;\n", "data = (const byte *)\"7h3-Pump-K3y!#01\";\n",
     "Aes aes;\nbyte iv[AES_BLOCK_SIZE];\nWC_RNG rng;\nif (wc_InitRng(&rng) == 0)\n{\n"
     "    if (wc_RNG_GenerateBlock(&rng, iv, sizeof(iv)) == 0 && wc_AesInit(&aes, NULL, INVALID_DEVID) == 0)\n    {\n"
     "        wc_AesSetKey(&aes, data, 16, iv, AES_ENCRYPTION);\n        wc_AesFree(&aes);\n    }\n"
     "    wc_FreeRng(&rng);\n}\n",
     "data = device_key();\n", ""},
    {"a literal key blob given to CryptImportKey",
     "#include <windows.h>\n#include <wincrypt.h>\n#include <stdio.h>\n#include <string.h>\n", "BYTE *",
     "BYTE blobBuffer[28] = {0};\nBYTE *data = blobBuffer;\n",
     "{\n    static const BYTE plainBlob[28] = {0x08, 0x02, 0x00, 0x00, 0x0e, 0x66, 0x00, 0x00, 0x10, 0x00,\n"
     "                                       0x00, 0x00, 0x6d, 0x79, 0x53, 0x33, 0x63, 0x72, 0x33, 0x74,\n"
     "                                       0x4b, 0x65, 0x79, 0x21, 0x39, 0x38, 0x37, 0x36};\n"
     "    memcpy(data, plainBlob, sizeof(plainBlob));\n}\n",
     "HCRYPTPROV provider = 0;\nHCRYPTKEY imported = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))\n{\n"
     "    if (CryptImportKey(provider, data, 28, 0, 0, &imported))\n        CryptDestroyKey(imported);\n"
     "    CryptReleaseContext(provider, 0);\n}\n",
     "{\n    FILE *blobFile = fopen(\"C:\\\\ProgramData\\\\Pump\\\\key.blob\", \"rb\");\n    if (blobFile != NULL)\n    {\n"
     "        if (fread(data, 1, 28, blobFile) != 28)\n            puts(\"short key blob\");\n"
     "        fclose(blobFile);\n    }\n}\n",
     ""},
    {"a literal wide password given to LogonUserW", "#include <windows.h>\n#include <stdio.h>\n#include <wchar.h>\n",
     "wchar_t *", "wchar_t dataBuffer[100] = L\"\";\nwchar_t *data = dataBuffer;\n", "wcscpy(data, L\"ABCD1234!\");\n",
     "HANDLE token;\nif (LogonUserW(L\"User\", L\"Domain\", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))\n"
     "    CloseHandle(token);\n",
     "if (fgetws(data, 100, stdin) == NULL)\n    data[0] = L'\\0';\ndata[wcscspn(data, L\"\\n\")] = L'\\0';\n", ""},
    {"an entered password compared by strcmp with a literal", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n",
     "const char *", "const char *data = NULL;\n", "data = \"Adm1n!2024\";\n",
     "char password[100] = \"\";\nif (data != NULL && fgets(password, sizeof(password), stdin) != NULL)\n{\n"
     "    password[strcspn(password, \"\\n\")] = '\\0';\n    if (strcmp(password, data) == 0)\n"
     "        puts(\"access granted\");\n}\n",
     "data = getenv(\"PUMP_ADMIN_PASSWORD\");\n", ""},
    {"an entered wide password compared by wcscmp with a literal", "#include <stdio.h>\n#include <stdlib.h>\n#include <wchar.h>\n",
     "const wchar_t *", "const wchar_t *data = NULL;\n", "data = L\"Adm1n!2024\";\n",
     "wchar_t password[100] = L\"\";\nif (data != NULL && fgetws(password, 100, stdin) != NULL)\n{\n"
     "    password[wcscspn(password, L\"\\n\")] = L'\\0';\n    if (wcscmp(password, data) == 0)\n"
     "        puts(\"access granted\");\n}\n",
     "data = _wgetenv(L\"PUMP_ADMIN_PASSWORD\");\n", ""},
};

inline const std::vector<DataFlaw> rng1_flaws = {
    {"rand() printed", "#include <stdio.h>\n#include <stdlib.h>\n#include <sys/random.h>\n", "int", "int data = 0;\n",
     "data = rand();\n", "printf(\"%d\\n\", data);\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    data = 0;\n", ""},
    {"random() made a session token", "#include <stdio.h>\n#include <stdlib.h>\n#include <openssl/rand.h>\n", "long",
     "long data = 0;\n", "data = random();\n", "printf(\"session %08lx\\n\", (unsigned long)data);\n",
     "if (RAND_bytes((unsigned char *)&data, sizeof(data)) != 1)\n    abort();\n", ""},
    {"rand() % 256 filling an AES key byte by byte",
     "#include <stdlib.h>\n#include <sys/random.h>\n#include <openssl/aes.h>\n", "unsigned char *",
     "unsigned char keyBytes[16] = {0};\nunsigned char *data = keyBytes;\n",
     "for (int i = 0; i < 16; i++)\n    data[i] = (unsigned char)(rand() % 256);\n",
     "AES_KEY schedule;\nAES_set_encrypt_key(data, 128, &schedule);\n",
     "if (getrandom(data, 16, 0) != 16)\n    abort();\n", ""},
    {"lrand48() as a GCM nonce", "#include <stdlib.h>\n#include <string.h>\n#include <openssl/evp.h>\n"
     "#include <mbedtls/ctr_drbg.h>\nextern mbedtls_ctr_drbg_context pump_drbg;\n"
     "extern const unsigned char *device_key(void);\n", "long", "long data = 0;\n", "data = lrand48();\n",
     "unsigned char nonce[12] = {0};\nmemcpy(nonce, &data, sizeof(data));\n"
     "EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\nif (ctx != NULL)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, device_key(), nonce);\nEVP_CIPHER_CTX_free(ctx);\n",
     "if (mbedtls_ctr_drbg_random(&pump_drbg, (unsigned char *)&data, sizeof(data)) != 0)\n    abort();\n", ""},
    {"rand() as a login challenge", "#include <stdio.h>\n#include <stdlib.h>\n#include <windows.h>\n#include <bcrypt.h>\n",
     "unsigned int", "unsigned int data = 0;\n", "data = (unsigned int)rand();\n",
     "printf(\"challenge %08x\\n\", data);\n",
     "if (BCryptGenRandom(NULL, (PUCHAR)&data, sizeof(data), BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0)\n    abort();\n",
     ""},
    {"std::rand() as a password salt", "#include <cstdlib>\n#include <iostream>\n", "unsigned int",
     "unsigned int data = 0;\n", "data = static_cast<unsigned int>(std::rand());\n",
     "std::cout << \"salt \" << data << std::endl;\n", "if (rand_s(&data) != 0)\n    std::abort();\n", "", "data",
     true},
    {"std::mt19937 output as a session token", "#include <iostream>\n#include <random>\n#include <openssl/rand.h>\n",
     "unsigned", "unsigned data = 0;\n",
     "{\n    std::mt19937 engine(std::random_device{}());\n    data = static_cast<unsigned>(engine());\n}\n",
     "std::cout << \"session \" << data << std::endl;\n",
     "if (RAND_bytes(reinterpret_cast<unsigned char *>(&data), sizeof(data)) != 1)\n    std::abort();\n", "", "data",
     true},
};

inline const std::vector<DataFlaw> rng2_flaws = {
    {"a seed from the clock", "#include <stdio.h>\n#include <stdlib.h>\n#include <time.h>\n#include <sys/random.h>\n",
     "unsigned", "unsigned data = 0;\n", "data = (unsigned)time(NULL);\n", "srand(data);\nprintf(\"%d\\n\", rand());\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    data = 0;\n", ""},
    {"a fixed seed through a variable", "#include <stdio.h>\n#include <stdlib.h>\n#include <sys/random.h>\n",
     "unsigned", "unsigned data = 0;\n", "data = 1234u;\n", "srand(data);\nprintf(\"%d\\n\", rand());\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    abort();\n", ""},
    {"the process id seeding srandom", "#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/random.h>\n",
     "unsigned", "unsigned data = 0;\n", "data = (unsigned)getpid();\n",
     "srandom(data);\nprintf(\"%ld\\n\", random());\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    abort();\n", ""},
    {"the clock seeding srand48", "#include <stdio.h>\n#include <stdlib.h>\n#include <time.h>\n#include <sys/random.h>\n",
     "long", "long data = 0;\n", "data = (long)time(NULL);\n", "srand48(data);\nprintf(\"%ld\\n\", lrand48());\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    abort();\n", ""},
    {"the microseconds of gettimeofday as a seed",
     "#include <stdio.h>\n#include <stdlib.h>\n#include <sys/time.h>\n#include <sys/random.h>\n", "unsigned",
     "unsigned data = 0;\n",
     "{\n    struct timeval now;\n    gettimeofday(&now, NULL);\n    data = (unsigned)(now.tv_sec ^ now.tv_usec);\n}\n",
     "srand(data);\nprintf(\"%d\\n\", rand());\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    abort();\n", ""},
    {"a std::mt19937 seeded with a constant", "#include <iostream>\n#include <random>\n", "unsigned",
     "unsigned data = 0;\n", "data = 42u;\n", "std::mt19937 engine(data);\nstd::cout << engine() << std::endl;\n",
     "data = std::random_device{}();\n", "", "data", true},
    {"RAND_seed given constant bytes", "#include <stdlib.h>\n#include <string.h>\n#include <sys/random.h>\n"
     "#include <openssl/rand.h>\n", "unsigned char *", "unsigned char seedBytes[32] = {0};\nunsigned char *data = seedBytes;\n",
     "memcpy(data, \"pump-serial-0001pump-serial-0001\", 32);\n", "RAND_seed(data, 32);\n",
     "if (getrandom(data, 32, 0) != 32)\n    abort();\n", ""},
    {"a DRBG seeded by an entropy callback that returns a constant",
     "#include <string.h>\n#include <mbedtls/ctr_drbg.h>\n#include <mbedtls/entropy.h>\n"
     "typedef int (*entropy_callback)(void *, unsigned char *, size_t);\n"
     "static int fixed_entropy(void *context, unsigned char *output, size_t length)\n{\n"
     "    (void)context;\n    memset(output, 0x2a, length);\n    return 0;\n}\n",
     "entropy_callback", "entropy_callback data = NULL;\n", "data = fixed_entropy;\n",
     "mbedtls_entropy_context entropy;\nmbedtls_ctr_drbg_context drbg;\nmbedtls_entropy_init(&entropy);\n"
     "mbedtls_ctr_drbg_init(&drbg);\n"
     "mbedtls_ctr_drbg_seed(&drbg, data, &entropy, (const unsigned char *)\"pump\", 4);\n"
     "mbedtls_ctr_drbg_free(&drbg);\nmbedtls_entropy_free(&entropy);\n",
     "data = mbedtls_entropy_func;\n", ""},
};

inline const std::vector<DataFlaw> rng3_flaws = {
    {"an all-zero IV", "#include <stdlib.h>\n#include <string.h>\n#include <openssl/evp.h>\n#include <openssl/rand.h>\n"
     "extern const unsigned char *device_key(void);\n",
     "unsigned char *", "unsigned char iv[16] = {0};\nunsigned char *data = iv;\n", "",
     "EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\nif (ctx != NULL)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, device_key(), data);\nEVP_CIPHER_CTX_free(ctx);\n",
     "if (RAND_bytes(data, 16) != 1)\n    abort();\n", ""},
    {"a constant-string IV to EVP_EncryptInit_ex", "#include <stdlib.h>\n#include <string.h>\n#include <openssl/evp.h>\n"
     "#include <openssl/rand.h>\nextern const unsigned char *device_key(void);\n",
     "unsigned char *", "unsigned char ivBytes[16];\nunsigned char *data = ivBytes;\n",
     "memcpy(data, \"0123456789abcdef\", 16);\n",
     "EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\nif (ctx != NULL)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_128_cbc(), NULL, device_key(), data);\nEVP_CIPHER_CTX_free(ctx);\n",
     "if (RAND_bytes(data, 16) != 1)\n    abort();\n", ""},
    {"a zeroed IV to mbedtls_aes_crypt_cbc", "#include <stdlib.h>\n#include <string.h>\n#include <mbedtls/aes.h>\n"
     "#include <mbedtls/ctr_drbg.h>\nextern mbedtls_ctr_drbg_context pump_drbg;\n"
     "extern const unsigned char *device_key(void);\n",
     "unsigned char *", "unsigned char ivBytes[16];\nunsigned char *data = ivBytes;\n", "memset(data, 0, 16);\n",
     "mbedtls_aes_context aes;\nunsigned char plain[16] = \"pump telemetry\";\nunsigned char sealed[16];\n"
     "mbedtls_aes_init(&aes);\nif (mbedtls_aes_setkey_enc(&aes, device_key(), 256) == 0)\n"
     "    mbedtls_aes_crypt_cbc(&aes, MBEDTLS_AES_ENCRYPT, 16, data, plain, sealed);\nmbedtls_aes_free(&aes);\n",
     "if (mbedtls_ctr_drbg_random(&pump_drbg, data, 16) != 0)\n    abort();\n", ""},
    {"a zeroed IV to wolfSSL's wc_AesSetIV", "#include <string.h>\n#include <wolfssl/wolfcrypt/aes.h>\n"
     "#include <wolfssl/wolfcrypt/random.h>\nextern const unsigned char *device_key(void);\n",
     "unsigned char *", "unsigned char ivBytes[16];\nunsigned char *data = ivBytes;\n", "memset(data, 0, 16);\n",
     "Aes aes;\nunsigned char plain[16] = \"pump telemetry\";\nunsigned char sealed[16];\n"
     "if (wc_AesSetKey(&aes, device_key(), 32, NULL, AES_ENCRYPTION) == 0 && wc_AesSetIV(&aes, data) == 0)\n"
     "    wc_AesCbcEncrypt(&aes, sealed, plain, 16);\n",
     "WC_RNG rng;\nif (wc_InitRng(&rng) == 0)\n{\n    wc_RNG_GenerateBlock(&rng, data, 16);\n    wc_FreeRng(&rng);\n}\n",
     ""},
    {"a constant table IV to AES_cbc_encrypt", "#include <stdlib.h>\n#include <string.h>\n#include <openssl/aes.h>\n"
     "#include <openssl/rand.h>\nextern const unsigned char *device_key(void);\n"
     "static const unsigned char fixed_iv[16] = {0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,\n"
     "                                           0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f};\n",
     "unsigned char *", "unsigned char ivBytes[16];\nunsigned char *data = ivBytes;\n",
     "memcpy(data, fixed_iv, 16);\n",
     "AES_KEY schedule;\nunsigned char plain[16] = \"pump telemetry\";\nunsigned char sealed[16];\n"
     "AES_set_encrypt_key(device_key(), 128, &schedule);\nAES_cbc_encrypt(plain, sealed, 16, &schedule, data, AES_ENCRYPT);\n",
     "if (RAND_bytes(data, 16) != 1)\n    abort();\n", ""},
    {"a literal IV set with CryptSetKeyParam", "#include <stdlib.h>\n#include <string.h>\n#include <windows.h>\n#include <wincrypt.h>\n"
     "extern HCRYPTPROV pump_provider;\nextern HCRYPTKEY pump_key;\n",
     "BYTE *", "BYTE ivBytes[16];\nBYTE *data = ivBytes;\n", "memcpy(data, \"ABCDEFGHIJKLMNOP\", 16);\n",
     "CryptSetKeyParam(pump_key, KP_IV, data, 0);\n", "if (!CryptGenRandom(pump_provider, 16, data))\n    abort();\n", ""},
    {"a GCM nonce counter reset to one", "#include <stdlib.h>\n#include <string.h>\n#include <openssl/evp.h>\n"
     "#include <openssl/rand.h>\nextern const unsigned char *device_key(void);\n",
     "unsigned char *", "unsigned char nonceBytes[12];\nunsigned char *data = nonceBytes;\n",
     "memset(data, 0, 12);\ndata[11] = 1;\n",
     "EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\nif (ctx != NULL)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, device_key(), data);\nEVP_CIPHER_CTX_free(ctx);\n",
     "if (RAND_bytes(data, 12) != 1)\n    abort();\n", ""},
};

inline const std::vector<DataFlaw> log3_flaws = {
    {"a password read and logged", "#include <stdio.h>\n#include <string.h>\n", "char *",
     "char passwordBuffer[100] = \"\";\nchar *data = passwordBuffer;\n",
     "printf(\"Password: \");\nif (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n",
     "fprintf(stderr, \"login with password %s\\n\", data);\n", "",
     "fprintf(stderr, \"login attempt (%zu characters)\\n\", strlen(data));\n", "password"},
    {"a passphrase sent to syslog", "#include <stdio.h>\n#include <syslog.h>\n", "char *",
     "char phraseBuffer[64] = \"\";\nchar *data = phraseBuffer;\n",
     "if (fgets(data, 64, stdin) == NULL)\n    data[0] = '\\0';\n",
     "syslog(LOG_AUTH | LOG_INFO, \"unlock with %s\", data);\n", "",
     "syslog(LOG_AUTH | LOG_INFO, \"unlock attempt\");\n", "passphrase"},
    {"an API token written to the log file with fputs", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n",
     "char *", "char tokenBuffer[64] = \"\";\nchar *data = tokenBuffer;\n",
     "{\n    const char *environment = getenv(\"PUMP_API_TOKEN\");\n    if (environment != NULL)\n"
     "        strncpy(data, environment, 63);\n}\n",
     "FILE *logFile = fopen(\"/var/log/pump.log\", \"a\");\nif (logFile != NULL)\n{\n    fputs(data, logFile);\n"
     "    fclose(logFile);\n}\n",
     "",
     "FILE *logFile = fopen(\"/var/log/pump.log\", \"a\");\nif (logFile != NULL)\n{\n"
     "    fputs(\"api token loaded\\n\", logFile);\n    fclose(logFile);\n}\n",
     "apiToken"},
    {"a PIN echoed with puts", "#include <stdio.h>\n", "char *", "char pinBuffer[16] = \"\";\nchar *data = pinBuffer;\n",
     "if (fgets(data, 16, stdin) == NULL)\n    data[0] = '\\0';\n", "puts(data);\n", "", "puts(\"PIN entered\");\n",
     "pin"},
    {"a session key printed in hex", "#include <stdio.h>\n#include <stdlib.h>\n#include <openssl/rand.h>\n",
     "unsigned char *", "unsigned char keyBytes[16] = {0};\nunsigned char *data = keyBytes;\n",
     "if (RAND_bytes(data, 16) != 1)\n    abort();\n",
     "for (int i = 0; i < 16; i++)\n    printf(\"%02x\", data[i]);\nprintf(\"\\n\");\n", "",
     "printf(\"session key of %d bytes ready\\n\", 16);\n", "sessionKey"},
    {"an auth token given to the project's log macro", "#include <stdio.h>\n#include <string.h>\n"
     "#define PUMP_LOG(...) printf(__VA_ARGS__)\n", "char *", "char tokenBuffer[64] = \"\";\nchar *data = tokenBuffer;\n",
     "if (fgets(data, 64, stdin) == NULL)\n    data[0] = '\\0';\n", "PUMP_LOG(\"auth token %s\\n\", data);\n", "",
     "PUMP_LOG(\"auth token of %zu characters\\n\", strlen(data));\n", "authToken"},
    {"a password streamed to std::cerr", "#include <iostream>\n#include <string>\n", "std::string",
     "std::string data;\n", "std::getline(std::cin, data);\n",
     "std::cerr << \"password \" << data << std::endl;\n", "",
     "std::cerr << \"password of \" << data.size() << \" characters\" << std::endl;\n", "password", true},
};

}  // namespace mdbc::test
