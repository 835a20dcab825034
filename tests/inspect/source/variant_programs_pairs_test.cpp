// Variant programs, control flow: each flaw of CODE-1 … CODE-5, CRYPTO-1, CRYPTO-4, RNG-1 … RNG-3
// and LOG-3 (CWE-242/676, 134, 78, 674, 327/328, 259/321/798, 338, 336/337, 329, 532) written
// once and placed under every control-flow construct of variant_flows.h, the flawed function beside
// its fixed versions in one file. Findings must land in the flawed function and in no fixed one.
#include <gtest/gtest.h>

#include "inspect/source/variant_flows.h"

namespace mdbc::source {
namespace {

using test::expect_variant_programs;
using test::Flaw;
using test::flow_programs;

const std::vector<Flaw> code1_flaws = {
    {"gets into a stack buffer", "#include <stdio.h>\n#include <string.h>\n",
     "char line[100];\nif (gets(line) != NULL)\n    printf(\"%s\\n\", line);\n", "",
     "char line[100];\nif (fgets(line, (int)sizeof(line), stdin) != NULL)\n{\n"
     "    line[strcspn(line, \"\\n\")] = '\\0';\n    printf(\"%s\\n\", line);\n}\n"},
    {"strcpy of the environment", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n",
     "char dest[100] = \"\";\nchar *data = getenv(\"ADD\");\nif (data != NULL)\n{\n    strcpy(dest, data);\n"
     "    printf(\"%s\\n\", dest);\n}\n",
     "",
     "char dest[100] = \"\";\nchar *data = getenv(\"ADD\");\nif (data != NULL)\n{\n"
     "    strncpy(dest, data, sizeof(dest) - 1);\n    dest[sizeof(dest) - 1] = '\\0';\n    printf(\"%s\\n\", dest);\n}\n"},
    {"strcat of a line read", "#include <stdio.h>\n#include <string.h>\n",
     "char path[64] = \"/var/pump/\";\nchar name[256];\nif (fgets(name, (int)sizeof(name), stdin) != NULL)\n{\n"
     "    strcat(path, name);\n    printf(\"%s\\n\", path);\n}\n",
     "",
     "char path[64] = \"/var/pump/\";\nchar name[256];\nif (fgets(name, (int)sizeof(name), stdin) != NULL)\n{\n"
     "    strncat(path, name, sizeof(path) - strlen(path) - 1);\n    printf(\"%s\\n\", path);\n}\n"},
    {"sprintf of an argument", "#include <stdio.h>\n",
     "char message[32];\nsprintf(message, \"dose %d of %s\", count, unit);\nputs(message);\n", "",
     "char message[32];\nsnprintf(message, sizeof(message), \"dose %d of %s\", count, unit);\nputs(message);\n",
     "src/program.c", "int count, const char *unit"},
    {"scanf %s without a width", "#include <stdio.h>\n",
     "char word[16];\nif (scanf(\"%s\", word) == 1)\n    puts(word);\n", "",
     "char word[16];\nif (scanf(\"%15s\", word) == 1)\n    puts(word);\n"},
    {"wcscpy of a wide argument", "#include <wchar.h>\n",
     "wchar_t dest[50] = L\"\";\nwcscpy(dest, name);\nwprintf(L\"%ls\\n\", dest);\n", "",
     "wchar_t dest[50] = L\"\";\nwcsncpy(dest, name, 49);\ndest[49] = L'\\0';\nwprintf(L\"%ls\\n\", dest);\n",
     "src/program.c", "const wchar_t *name"},
    {"std::strcpy in C++", "#include <cstring>\n#include <iostream>\n#include <string>\n",
     "std::string line;\nstd::getline(std::cin, line);\nchar dest[32];\nstd::strcpy(dest, line.c_str());\n"
     "std::cout << dest << std::endl;\n",
     "",
     "std::string line;\nstd::getline(std::cin, line);\nstd::string dest = line.substr(0, 31);\n"
     "std::cout << dest << std::endl;\n",
     "src/program.cpp"},
};

const std::vector<Flaw> code2_flaws = {
    {"a line from stdin as printf's format", "#include <stdio.h>\n#include <string.h>\n",
     "char dataBuffer[100] = \"\";\nchar *data = dataBuffer;\n"
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\nprintf(data);\n",
     "char dataBuffer[100] = \"\";\nchar *data = dataBuffer;\nstrcpy(data, \"fixedstringtest\");\nprintf(data);\n",
     "char dataBuffer[100] = \"\";\nchar *data = dataBuffer;\n"
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\nprintf(\"%s\\n\", data);\n"},
    {"the environment as fprintf's format", "#include <stdio.h>\n#include <stdlib.h>\n",
     "char *data = getenv(\"ADD\");\nif (data != NULL)\n    fprintf(stderr, data);\n",
     "char *data = \"fixedstringtest\";\nif (data != NULL)\n    fprintf(stderr, data);\n",
     "char *data = getenv(\"ADD\");\nif (data != NULL)\n    fprintf(stderr, \"%s\\n\", data);\n"},
    {"a socket's bytes as snprintf's format",
     "#include <stdio.h>\n#include <string.h>\n#include <sys/socket.h>\n#include <unistd.h>\n",
     "char data[100] = \"\";\nchar dest[100];\nssize_t n = recv(sock, data, sizeof(data) - 1, 0);\nif (n > 0)\n{\n"
     "    data[n] = '\\0';\n    snprintf(dest, sizeof(dest), data);\n    puts(dest);\n}\n",
     "char data[100] = \"\";\nchar dest[100];\nstrncpy(data, \"fixedstringtest\", sizeof(data) - 1);\n"
     "snprintf(dest, sizeof(dest), data);\nputs(dest);\n",
     "char data[100] = \"\";\nchar dest[100];\nssize_t n = recv(sock, data, sizeof(data) - 1, 0);\nif (n > 0)\n{\n"
     "    data[n] = '\\0';\n    snprintf(dest, sizeof(dest), \"%s\", data);\n    puts(dest);\n}\n",
     "src/program.c", "int sock"},
    {"a file's line as syslog's format", "#include <stdio.h>\n#include <syslog.h>\n",
     "char data[100] = \"\";\nFILE *f = fopen(\"/tmp/file.txt\", \"r\");\nif (f != NULL)\n{\n"
     "    if (fgets(data, (int)sizeof(data), f) != NULL)\n        syslog(LOG_INFO, data);\n    fclose(f);\n}\n",
     "char data[100] = \"fixedstringtest\";\nsyslog(LOG_INFO, data);\n",
     "char data[100] = \"\";\nFILE *f = fopen(\"/tmp/file.txt\", \"r\");\nif (f != NULL)\n{\n"
     "    if (fgets(data, (int)sizeof(data), f) != NULL)\n        syslog(LOG_INFO, \"%s\", data);\n    fclose(f);\n}\n"},
    {"a wide line as wprintf's format", "#include <stdio.h>\n#include <wchar.h>\n",
     "wchar_t data[100] = L\"\";\nif (fgetws(data, 100, stdin) != NULL)\n    wprintf(data);\n",
     "wchar_t data[100] = L\"\";\nwcscpy(data, L\"fixedstringtest\");\nwprintf(data);\n",
     "wchar_t data[100] = L\"\";\nif (fgetws(data, 100, stdin) != NULL)\n    wprintf(L\"%ls\\n\", data);\n"},
    {"a std::string from std::cin as printf's format", "#include <cstdio>\n#include <iostream>\n#include <string>\n",
     "std::string data;\nstd::getline(std::cin, data);\nprintf(data.c_str());\n",
     "std::string data = \"fixedstringtest\";\nprintf(data.c_str());\n",
     "std::string data;\nstd::getline(std::cin, data);\nprintf(\"%s\\n\", data.c_str());\n", "src/program.cpp"},
};

const std::vector<Flaw> code3_flaws = {
    {"system of a command built from the environment", "#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n",
     "char command[100] = \"ls \";\nchar *dir = getenv(\"DIR\");\nif (dir != NULL)\n{\n"
     "    strncat(command, dir, sizeof(command) - strlen(command) - 1);\n    system(command);\n}\n",
     "",
     "char *dir = getenv(\"DIR\");\nif (dir != NULL)\n    execl(\"/bin/ls\", \"ls\", dir, (char *)NULL);\n"},
    {"popen of a line read", "#include <stdio.h>\n#include <unistd.h>\n",
     "char command[100];\nif (fgets(command, (int)sizeof(command), stdin) != NULL)\n{\n"
     "    FILE *pipe = popen(command, \"r\");\n    if (pipe != NULL)\n        pclose(pipe);\n}\n",
     "",
     "char name[100];\nif (fgets(name, (int)sizeof(name), stdin) != NULL)\n"
     "    execlp(\"cat\", \"cat\", name, (char *)NULL);\n"},
    {"execl of /bin/sh -c with an argument", "#include <unistd.h>\n",
     "execl(\"/bin/sh\", \"sh\", \"-c\", command, (char *)NULL);\n", "",
     "execl(\"/usr/bin/pumpctl\", \"pumpctl\", command, (char *)NULL);\n", "src/program.c", "const char *command"},
};

const std::vector<Flaw> code4_flaws = {
    {"atoi of a line read", "#include <stdio.h>\n#include <stdlib.h>\n#include <errno.h>\n",
     "char line[32];\nif (fgets(line, (int)sizeof(line), stdin) != NULL)\n{\n    int rate = atoi(line);\n"
     "    printf(\"%d\\n\", rate);\n}\n",
     "",
     "char line[32];\nif (fgets(line, (int)sizeof(line), stdin) != NULL)\n{\n    char *end = NULL;\n    errno = 0;\n"
     "    long rate = strtol(line, &end, 10);\n    if (errno == 0 && end != line)\n        printf(\"%ld\\n\", rate);\n}\n"},
    {"atof of the environment", "#include <stdio.h>\n#include <stdlib.h>\n",
     "const char *text = getenv(\"DOSE\");\nif (text != NULL)\n    printf(\"%f\\n\", atof(text));\n",
     "",
     "const char *text = getenv(\"DOSE\");\nif (text != NULL)\n{\n    char *end = NULL;\n    double dose = strtod(text, &end);\n"
     "    if (end != text)\n        printf(\"%f\\n\", dose);\n}\n"},
    {"std::atol in C++", "#include <cstdlib>\n#include <iostream>\n#include <string>\n",
     "std::string text;\nstd::getline(std::cin, text);\nstd::cout << std::atol(text.c_str()) << std::endl;\n", "",
     "std::string text;\nstd::getline(std::cin, text);\ntry\n{\n    std::cout << std::stol(text) << std::endl;\n}\n"
     "catch (const std::exception &)\n{\n    std::cout << \"not a number\" << std::endl;\n}\n",
     "src/program.cpp"},
};

// The recursion is in the function itself: it calls itself under the construct.
const std::vector<Flaw> code5_flaws = {
    {"a function calling itself", "#include <stdio.h>\n",
     "if (depth > 0)\n    $FN(depth - 1);\nprintf(\"%u\\n\", depth);\n", "",
     "unsigned level;\nfor (level = depth; level > 0; --level)\n    printf(\"%u\\n\", level);\n", "src/program.c",
     "unsigned depth"},
    {"a C++ function calling itself", "#include <cstdio>\n",
     "if (depth > 0)\n    $FN(depth - 1);\nstd::printf(\"%u\\n\", depth);\n", "",
     "for (unsigned level = depth; level > 0; --level)\n    std::printf(\"%u\\n\", level);\n", "src/program.cpp",
     "unsigned depth"},
};

const std::vector<Flaw> crypto1_flaws = {
    {"MD5 through EVP_Digest", "#include <openssl/evp.h>\n#include <stdio.h>\n",
     "unsigned char digest[EVP_MAX_MD_SIZE];\nunsigned int length = 0;\n"
     "if (EVP_Digest(data, size, digest, &length, EVP_md5(), NULL) == 1)\n    printf(\"%u\\n\", length);\n",
     "",
     "unsigned char digest[EVP_MAX_MD_SIZE];\nunsigned int length = 0;\n"
     "if (EVP_Digest(data, size, digest, &length, EVP_sha256(), NULL) == 1)\n    printf(\"%u\\n\", length);\n",
     "src/program.c", "const unsigned char *data, size_t size"},
    {"CryptoAPI hash of CALG_MD5", "#include <windows.h>\n#include <wincrypt.h>\n",
     "HCRYPTPROV provider = 0;\nHCRYPTHASH hash = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))\n{\n"
     "    if (CryptCreateHash(provider, CALG_MD5, 0, 0, &hash))\n    {\n"
     "        CryptHashData(hash, data, size, 0);\n        CryptDestroyHash(hash);\n    }\n"
     "    CryptReleaseContext(provider, 0);\n}\n",
     "",
     "HCRYPTPROV provider = 0;\nHCRYPTHASH hash = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))\n{\n"
     "    if (CryptCreateHash(provider, CALG_SHA_256, 0, 0, &hash))\n    {\n"
     "        CryptHashData(hash, data, size, 0);\n        CryptDestroyHash(hash);\n    }\n"
     "    CryptReleaseContext(provider, 0);\n}\n",
     "src/program.c", "const BYTE *data, DWORD size"},
    {"DES-CBC encryption", "#include <openssl/evp.h>\n#include <openssl/rand.h>\n",
     "unsigned char key[32];\nunsigned char iv[16];\nEVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\n"
     "if (ctx != NULL && RAND_bytes(key, sizeof(key)) == 1 && RAND_bytes(iv, sizeof(iv)) == 1)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_des_cbc(), NULL, key, iv);\nEVP_CIPHER_CTX_free(ctx);\n",
     "",
     "unsigned char key[32];\nunsigned char iv[16];\nEVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\n"
     "if (ctx != NULL && RAND_bytes(key, sizeof(key)) == 1 && RAND_bytes(iv, sizeof(iv)) == 1)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);\nEVP_CIPHER_CTX_free(ctx);\n"},
    {"a password hashed with SHA-1", "#include <openssl/sha.h>\n#include <string.h>\n",
     "unsigned char digest[SHA_DIGEST_LENGTH];\nSHA1((const unsigned char *)password, strlen(password), digest);\n"
     "store_hash(digest, sizeof(digest));\n",
     "",
     "unsigned char digest[SHA256_DIGEST_LENGTH];\n"
     "SHA256((const unsigned char *)password, strlen(password), digest);\nstore_hash(digest, sizeof(digest));\n",
     "src/program.c", "const char *password"},
    {"a digest named md5", "#include <openssl/evp.h>\n",
     "const EVP_MD *md = EVP_get_digestbyname(\"md5\");\nEVP_MD_CTX *ctx = EVP_MD_CTX_new();\n"
     "if (md != NULL && ctx != NULL)\n    EVP_DigestInit_ex(ctx, md, NULL);\nEVP_MD_CTX_free(ctx);\n",
     "",
     "const EVP_MD *md = EVP_get_digestbyname(\"sha256\");\nEVP_MD_CTX *ctx = EVP_MD_CTX_new();\n"
     "if (md != NULL && ctx != NULL)\n    EVP_DigestInit_ex(ctx, md, NULL);\nEVP_MD_CTX_free(ctx);\n"},
    {"mbedTLS MD5", "#include <mbedtls/md5.h>\n#include <mbedtls/sha256.h>\n",
     "unsigned char digest[16];\nmbedtls_md5(data, size, digest);\n", "",
     "unsigned char digest[32];\nmbedtls_sha256(data, size, digest, 0);\n", "src/program.c",
     "const unsigned char *data, size_t size"},
};

const std::vector<Flaw> crypto4_flaws = {
    {"a literal password given to LogonUserA", "#include <windows.h>\n#include <stdio.h>\n#include <string.h>\n",
     "char password[100] = \"\";\nHANDLE token;\nstrcpy(password, \"ABCD1234!\");\n"
     "if (LogonUserA(\"User\", \"Domain\", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))\n"
     "    CloseHandle(token);\n",
     "char password[100] = \"\";\nHANDLE token;\nif (fgets(password, 100, stdin) == NULL)\n    password[0] = '\\0';\n"
     "password[strcspn(password, \"\\n\")] = '\\0';\n"
     "if (LogonUserA(\"User\", \"Domain\", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))\n"
     "    CloseHandle(token);\n",
     ""},
    {"a literal key hashed for CryptDeriveKey", "#include <windows.h>\n#include <wincrypt.h>\n#include <stdio.h>\n#include <string.h>\n",
     "char data[100] = \"\";\nHCRYPTPROV provider;\nHCRYPTHASH hash;\nHCRYPTKEY key;\n"
     "strcpy(data, \"23!7&KEY\");\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, 0) &&\n"
     "    CryptCreateHash(provider, CALG_SHA_256, 0, 0, &hash) &&\n"
     "    CryptHashData(hash, (BYTE *)data, (DWORD)strlen(data), 0))\n"
     "    CryptDeriveKey(provider, CALG_AES_256, hash, 0, &key);\n",
     "char data[100] = \"\";\nHCRYPTPROV provider;\nHCRYPTHASH hash;\nHCRYPTKEY key;\n"
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_AES, 0) &&\n"
     "    CryptCreateHash(provider, CALG_SHA_256, 0, 0, &hash) &&\n"
     "    CryptHashData(hash, (BYTE *)data, (DWORD)strlen(data), 0))\n"
     "    CryptDeriveKey(provider, CALG_AES_256, hash, 0, &key);\n",
     ""},
    {"a literal password given to mysql_real_connect", "#include <mysql.h>\n#include <stdlib.h>\n",
     "MYSQL *connection = mysql_init(NULL);\n"
     "if (connection != NULL)\n"
     "    mysql_real_connect(connection, \"db.local\", \"pump\", \"Secr3t!pw\", \"doses\", 0, NULL, 0);\n",
     "MYSQL *connection = mysql_init(NULL);\nconst char *password = read_password_file(\"/etc/pump/db.pw\");\n"
     "if (connection != NULL && password != NULL)\n"
     "    mysql_real_connect(connection, \"db.local\", \"pump\", password, \"doses\", 0, NULL, 0);\n",
     ""},
    {"an AES key from a literal", "#include <openssl/aes.h>\n#include <string.h>\n",
     "unsigned char key[16];\nAES_KEY schedule;\nmemcpy(key, \"0123456789abcdef\", sizeof(key));\n"
     "AES_set_encrypt_key(key, 128, &schedule);\n",
     "unsigned char key[16];\nAES_KEY schedule;\nif (load_key(key, sizeof(key)) == 0)\n"
     "    AES_set_encrypt_key(key, 128, &schedule);\n",
     ""},
    {"a literal password compared in C++", "#include <iostream>\n#include <string>\n",
     "std::string entered;\nstd::getline(std::cin, entered);\nconst std::string password = \"Adm1n!2024\";\n"
     "if (entered == password)\n    std::cout << \"unlocked\" << std::endl;\n",
     "std::string entered;\nstd::getline(std::cin, entered);\nconst std::string password = load_password(\"/etc/pump/admin\");\n"
     "if (entered == password)\n    std::cout << \"unlocked\" << std::endl;\n",
     "", "src/program.cpp"},
};

const std::vector<Flaw> rng1_flaws = {
    {"rand() printed", "#include <stdio.h>\n#include <stdlib.h>\n#include <sys/random.h>\n",
     "int data = rand();\nprintf(\"%d\\n\", data);\n", "",
     "int data = 0;\nif (getrandom(&data, sizeof(data), 0) == (ssize_t)sizeof(data))\n    printf(\"%d\\n\", data);\n"},
    {"random() made a session token", "#include <stdio.h>\n#include <stdlib.h>\n#include <openssl/rand.h>\n",
     "unsigned long token = (unsigned long)random();\nprintf(\"%lu\\n\", token);\n", "",
     "unsigned long token = 0;\nif (RAND_bytes((unsigned char *)&token, sizeof(token)) == 1)\n"
     "    printf(\"%lu\\n\", token);\n"},
    {"lrand48 for a nonce", "#include <stdlib.h>\n#include <string.h>\n#include <windows.h>\n#include <wincrypt.h>\n",
     "long nonce = lrand48();\nmemcpy(out, &nonce, sizeof(nonce));\n", "",
     "HCRYPTPROV provider = 0;\n"
     "if (CryptAcquireContext(&provider, NULL, NULL, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))\n{\n"
     "    CryptGenRandom(provider, sizeof(long), out);\n    CryptReleaseContext(provider, 0);\n}\n",
     "src/program.c", "unsigned char *out"},
    {"std::mt19937 for a token in C++", "#include <iostream>\n#include <random>\n#include <openssl/rand.h>\n",
     "std::mt19937 engine(std::random_device{}());\nunsigned token = static_cast<unsigned>(engine());\n"
     "std::cout << token << std::endl;\n",
     "",
     "unsigned token = 0;\nif (RAND_bytes(reinterpret_cast<unsigned char *>(&token), sizeof(token)) == 1)\n"
     "    std::cout << token << std::endl;\n",
     "src/program.cpp"},
};

const std::vector<Flaw> rng2_flaws = {
    {"srand(time(NULL))", "#include <stdio.h>\n#include <stdlib.h>\n#include <time.h>\n",
     "srand((unsigned)time(NULL));\nprintf(\"%d\\n\", rand());\n", "",
     "unsigned seed = 0;\nFILE *urandom = fopen(\"/dev/urandom\", \"rb\");\nif (urandom != NULL)\n{\n"
     "    if (fread(&seed, sizeof(seed), 1, urandom) == 1)\n        srand(seed);\n    fclose(urandom);\n}\n"
     "printf(\"%d\\n\", rand());\n"},
    {"a constant seed", "#include <stdio.h>\n#include <stdlib.h>\n#include <sys/random.h>\n",
     "srandom(20);\nprintf(\"%ld\\n\", random());\n", "",
     "unsigned seed = 0;\nif (getrandom(&seed, sizeof(seed), 0) == (ssize_t)sizeof(seed))\n    srandom(seed);\n"
     "printf(\"%ld\\n\", random());\n"},
    {"the process id as a seed", "#include <stdio.h>\n#include <stdlib.h>\n#include <unistd.h>\n#include <sys/random.h>\n",
     "srand48((long)getpid());\nprintf(\"%ld\\n\", lrand48());\n", "",
     "long seed = 0;\nif (getrandom(&seed, sizeof(seed), 0) == (ssize_t)sizeof(seed))\n    srand48(seed);\n"
     "printf(\"%ld\\n\", lrand48());\n"},
    {"a std::mt19937 seeded with a constant", "#include <iostream>\n#include <random>\n",
     "std::mt19937 engine(12345u);\nstd::cout << engine() << std::endl;\n", "",
     "std::random_device entropy;\nstd::mt19937 engine(entropy());\nstd::cout << engine() << std::endl;\n",
     "src/program.cpp"},
};

const std::vector<Flaw> rng3_flaws = {
    {"an all-zero IV", "#include <openssl/evp.h>\n#include <openssl/rand.h>\n",
     "unsigned char iv[16] = {0};\nEVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\n"
     "if (ctx != NULL)\n    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);\nEVP_CIPHER_CTX_free(ctx);\n",
     "",
     "unsigned char iv[16];\nEVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\n"
     "if (ctx != NULL && RAND_bytes(iv, sizeof(iv)) == 1)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, iv);\nEVP_CIPHER_CTX_free(ctx);\n",
     "src/program.c", "const unsigned char *key"},
};

const std::vector<Flaw> log3_flaws = {
    {"a password written to the log file", "#include <stdio.h>\n#include <string.h>\n",
     "char password[100] = \"\";\nif (fgets(password, (int)sizeof(password), stdin) != NULL)\n"
     "    fprintf(log, \"login for %s with password %s\\n\", user, password);\n",
     "",
     "char password[100] = \"\";\nif (fgets(password, (int)sizeof(password), stdin) != NULL)\n"
     "    fprintf(log, \"login for %s\\n\", user);\n",
     "src/program.c", "FILE *log, const char *user"},
    {"a PIN sent to syslog", "#include <syslog.h>\n",
     "syslog(LOG_INFO, \"PIN %s entered\", pin);\n", "", "syslog(LOG_INFO, \"PIN entered\");\n", "src/program.c",
     "const char *pin"},
    {"a key printed to stderr", "#include <stdio.h>\n",
     "fprintf(stderr, \"session key %s\\n\", session_key);\n", "",
     "fprintf(stderr, \"session key set (%zu bytes)\\n\", key_length);\n", "src/program.c",
     "const char *session_key, size_t key_length"},
    {"a password streamed to std::clog", "#include <iostream>\n#include <string>\n",
     "std::string password;\nstd::getline(std::cin, password);\nstd::clog << \"password \" << password << std::endl;\n", "",
     "std::string password;\nstd::getline(std::cin, password);\nstd::clog << \"password entered\" << std::endl;\n",
     "src/program.cpp"},
};

TEST(VariantPrograms, Code1UnderEveryControlFlow) {
  expect_variant_programs("CODE-1", "control-flow variants", flow_programs(code1_flaws));
}
TEST(VariantPrograms, Code2UnderEveryControlFlow) {
  expect_variant_programs("CODE-2", "control-flow variants", flow_programs(code2_flaws));
}
TEST(VariantPrograms, Code3UnderEveryControlFlow) {
  expect_variant_programs("CODE-3", "control-flow variants", flow_programs(code3_flaws));
}
TEST(VariantPrograms, Code4UnderEveryControlFlow) {
  expect_variant_programs("CODE-4", "control-flow variants", flow_programs(code4_flaws));
}
TEST(VariantPrograms, Code5RecursionUnderEveryControlFlow) {
  expect_variant_programs("CODE-5/recursion", "control-flow variants", flow_programs(code5_flaws));
}
TEST(VariantPrograms, Crypto1UnderEveryControlFlow) {
  expect_variant_programs("CRYPTO-1", "control-flow variants", flow_programs(crypto1_flaws));
}
TEST(VariantPrograms, Crypto4UnderEveryControlFlow) {
  expect_variant_programs("CRYPTO-4", "control-flow variants", flow_programs(crypto4_flaws));
}
TEST(VariantPrograms, Rng1UnderEveryControlFlow) {
  expect_variant_programs("RNG-1", "control-flow variants", flow_programs(rng1_flaws));
}
TEST(VariantPrograms, Rng2UnderEveryControlFlow) {
  expect_variant_programs("RNG-2", "control-flow variants", flow_programs(rng2_flaws));
}
TEST(VariantPrograms, Rng3UnderEveryControlFlow) {
  expect_variant_programs("RNG-3", "control-flow variants", flow_programs(rng3_flaws));
}
TEST(VariantPrograms, Log3UnderEveryControlFlow) {
  expect_variant_programs("LOG-3", "control-flow variants", flow_programs(log3_flaws));
}

}  // namespace
}  // namespace mdbc::source
