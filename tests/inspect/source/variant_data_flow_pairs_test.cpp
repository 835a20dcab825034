// Variant programs, data flow: each flaw's source and sink joined along every path of
// variant_data_flows.h, the flawed function beside its fixed versions (a fixed source, a fixed
// sink) in one file, C and C++. Findings must land in the flawed function or the helpers only it
// uses, and in no fixed one.
#include <gtest/gtest.h>

#include "inspect/source/variant_data_flows.h"

namespace mdbc::source {
namespace {

using test::data_flow_programs;
using test::DataFlaw;
using test::expect_variant_programs;

const std::string text_buffer = "char dataBuffer[100] = \"\";\nchar *data = dataBuffer;\n";

const std::vector<DataFlaw> code1_flaws = {
    {"strcpy of a line read into a smaller buffer", "#include <stdio.h>\n#include <string.h>\n", "char *",
     text_buffer, "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n",
     "char dest[50] = \"\";\nstrcpy(dest, data);\nprintf(\"%s\\n\", dest);\n", "",
     "char dest[50] = \"\";\nstrncpy(dest, data, sizeof(dest) - 1);\ndest[sizeof(dest) - 1] = '\\0';\n"
     "printf(\"%s\\n\", dest);\n"},
};

const std::vector<DataFlaw> code2_flaws = {
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
};

const std::vector<DataFlaw> code3_flaws = {
    {"system of a command ending in a line read", "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\n",
     "char *", text_buffer,
     "strcpy(data, \"ls \");\n{\n    size_t length = strlen(data);\n"
     "    if (fgets(data + length, (int)(100 - length), stdin) == NULL)\n        data[length] = '\\0';\n}\n",
     "system(data);\n", "", "execl(\"/bin/ls\", \"ls\", data + 3, (char *)NULL);\n"},
};

const std::vector<DataFlaw> code4_flaws = {
    {"atoi of a line read", "#include <stdio.h>\n#include <stdlib.h>\n", "char *", text_buffer,
     "if (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n", "printf(\"%d\\n\", atoi(data));\n", "",
     "char *end = NULL;\nlong value = strtol(data, &end, 10);\nif (end != data)\n    printf(\"%ld\\n\", value);\n"},
};

const std::vector<DataFlaw> crypto1_flaws = {
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
};

const std::vector<DataFlaw> crypto4_flaws = {
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
};

const std::vector<DataFlaw> rng1_flaws = {
    {"rand() printed", "#include <stdio.h>\n#include <stdlib.h>\n#include <sys/random.h>\n", "int", "int data = 0;\n",
     "data = rand();\n", "printf(\"%d\\n\", data);\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    data = 0;\n", ""},
};

const std::vector<DataFlaw> rng2_flaws = {
    {"a seed from the clock", "#include <stdio.h>\n#include <stdlib.h>\n#include <time.h>\n#include <sys/random.h>\n",
     "unsigned", "unsigned data = 0;\n", "data = (unsigned)time(NULL);\n", "srand(data);\nprintf(\"%d\\n\", rand());\n",
     "if (getrandom(&data, sizeof(data), 0) != (ssize_t)sizeof(data))\n    data = 0;\n", ""},
};

const std::vector<DataFlaw> rng3_flaws = {
    {"an all-zero IV", "#include <stdlib.h>\n#include <string.h>\n#include <openssl/evp.h>\n#include <openssl/rand.h>\n"
     "extern const unsigned char *device_key(void);\n",
     "unsigned char *", "unsigned char iv[16] = {0};\nunsigned char *data = iv;\n", "",
     "EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();\nif (ctx != NULL)\n"
     "    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, device_key(), data);\nEVP_CIPHER_CTX_free(ctx);\n",
     "if (RAND_bytes(data, 16) != 1)\n    abort();\n", ""},
};

const std::vector<DataFlaw> log3_flaws = {
    {"a password read and logged", "#include <stdio.h>\n#include <string.h>\n", "char *",
     "char passwordBuffer[100] = \"\";\nchar *data = passwordBuffer;\n",
     "printf(\"Password: \");\nif (fgets(data, 100, stdin) == NULL)\n    data[0] = '\\0';\n",
     "fprintf(stderr, \"login with password %s\\n\", data);\n", "",
     "fprintf(stderr, \"login attempt (%zu characters)\\n\", strlen(data));\n", "password"},
};

TEST(VariantDataFlowPrograms, Code1) {
  expect_variant_programs("CODE-1", "data-flow variants", data_flow_programs(code1_flaws));
}
TEST(VariantDataFlowPrograms, Code2) {
  expect_variant_programs("CODE-2", "data-flow variants", data_flow_programs(code2_flaws));
}
// Members of the same name in several classes: each class's writes are to its own member, but a
// member a class inherits is written by its base too (the base's constructor stores input there,
// the derived class only clears it).
TEST(VariantDataFlowPrograms, Code2MemberInheritedFromABase) {
  using test::Role;
  const test::VariantProgram program{
      "a member the base class fills from input, printed by the derived class",
      {{Role::shared, "#include <stdio.h>\n#include <string.h>\n"},
       {Role::flawed,
        "class InputHolder\n{\nprotected:\n    char *data;\n\npublic:\n    explicit InputHolder(char *line)\n    {\n"
        "        data = line;\n    }\n};\nclass InputPrinter : public InputHolder\n{\npublic:\n"
        "    explicit InputPrinter(char *line) : InputHolder(line) {}\n    void clear()\n    {\n"
        "        data = \"\";\n    }\n    ~InputPrinter()\n    {\n"
        "        printf(data);\n    }\n};\nvoid bad(void)\n{\n    char line[100] = \"\";\n"
        "    if (fgets(line, 100, stdin) != NULL)\n    {\n        InputPrinter printer(line);\n    }\n}\n"},
       {Role::fixed,
        "class FixedPrinter\n{\npublic:\n    FixedPrinter()\n    {\n        data = \"fixedstringtest\";\n    }\n"
        "    ~FixedPrinter()\n    {\n        printf(data);\n    }\n\nprivate:\n    const char *data;\n};\n"
        "void good(void)\n{\n    FixedPrinter printer;\n}\n"}},
      "src/program.cpp"};
  expect_variant_programs("CODE-2", "member of a base", {program});
}
TEST(VariantDataFlowPrograms, Code3) {
  expect_variant_programs("CODE-3", "data-flow variants", data_flow_programs(code3_flaws));
}
TEST(VariantDataFlowPrograms, Code4) {
  expect_variant_programs("CODE-4", "data-flow variants", data_flow_programs(code4_flaws));
}
TEST(VariantDataFlowPrograms, Crypto1) {
  expect_variant_programs("CRYPTO-1", "data-flow variants", data_flow_programs(crypto1_flaws));
}
TEST(VariantDataFlowPrograms, Crypto4) {
  expect_variant_programs("CRYPTO-4", "data-flow variants", data_flow_programs(crypto4_flaws));
}
TEST(VariantDataFlowPrograms, Rng1) {
  expect_variant_programs("RNG-1", "data-flow variants", data_flow_programs(rng1_flaws));
}
TEST(VariantDataFlowPrograms, Rng2) {
  expect_variant_programs("RNG-2", "data-flow variants", data_flow_programs(rng2_flaws));
}
TEST(VariantDataFlowPrograms, Rng3) {
  expect_variant_programs("RNG-3", "data-flow variants", data_flow_programs(rng3_flaws));
}
TEST(VariantDataFlowPrograms, Log3) {
  expect_variant_programs("LOG-3", "data-flow variants", data_flow_programs(log3_flaws));
}

}  // namespace
}  // namespace mdbc::source
