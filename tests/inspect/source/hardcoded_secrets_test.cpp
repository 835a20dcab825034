#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::test {
namespace {

// A throwaway P-256 key made for these tests (openssl genpkey); never used for anything else.
constexpr std::string_view test_private_key_pem = R"(
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5ZrS8OPNFcccai52
I0n8pbvdetMkP0Un9nyfalsGwsWhRANCAAQJ/iwpe9U0cccEm1vKmSRmLj6HHicO
bUf3yceKs36V82orfk4BH8ewsNXhXffCUE9jFgAV9ZlaHVtlj2CyPWlT
-----END PRIVATE KEY-----
)";

// The public half of MCUboot's published sample signing key root-ec-p384.pem, listed in
// data/known-sample-keys.tsv (SPKI SHA-256 6bcd1e16…42fae8, checked with openssl).
constexpr std::string_view sample_public_key_pem = R"(
-----BEGIN PUBLIC KEY-----
MHYwEAYHKoZIzj0CAQYFK4EEACIDYgAEDHbKrnI6pejw1PEWtQLvd6Ebk2F4wAkm
eztAnO5JheDJT+fyupds84JlFCz1DHMzTTLnm9NCzJVa5eL19G5F4O0gNVyvUjWB
1Nyc454iPvs/IhDacAM3rajySP46YGml
-----END PUBLIC KEY-----
)";

constexpr std::string_view sample_public_key_c_array = R"(
const unsigned char root_pub_der[] = {
0x30, 0x76, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
  0x01, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22, 0x03, 0x62, 0x00, 0x04,
  0x0c, 0x76, 0xca, 0xae, 0x72, 0x3a, 0xa5, 0xe8, 0xf0, 0xd4, 0xf1, 0x16,
  0xb5, 0x02, 0xef, 0x77, 0xa1, 0x1b, 0x93, 0x61, 0x78, 0xc0, 0x09, 0x26,
  0x7b, 0x3b, 0x40, 0x9c, 0xee, 0x49, 0x85, 0xe0, 0xc9, 0x4f, 0xe7, 0xf2,
  0xba, 0x97, 0x6c, 0xf3, 0x82, 0x65, 0x14, 0x2c, 0xf5, 0x0c, 0x73, 0x33,
  0x4d, 0x32, 0xe7, 0x9b, 0xd3, 0x42, 0xcc, 0x95, 0x5a, 0xe5, 0xe2, 0xf5,
  0xf4, 0x6e, 0x45, 0xe0, 0xed, 0x20, 0x35, 0x5c, 0xaf, 0x52, 0x35, 0x81,
  0xd4, 0xdc, 0x9c, 0xe3, 0x9e, 0x22, 0x3e, 0xfb, 0x3f, 0x22, 0x10, 0xda,
  0x70, 0x03, 0x37, 0xad, 0xa8, 0xf2, 0x48, 0xfe, 0x3a, 0x60, 0x69, 0xa5
};
)";

constexpr std::string_view test_private_key_c_array = R"(
static const unsigned char device_priv_der[] = {
0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20, 0xe5, 0x9a, 0xd2, 0xf0, 0xe3,
  0xcd, 0x15, 0xc7, 0x1c, 0x6a, 0x2e, 0x76, 0x23, 0x49, 0xfc, 0xa5, 0xbb,
  0xdd, 0x7a, 0xd3, 0x24, 0x3f, 0x45, 0x27, 0xf6, 0x7c, 0x9f, 0x6a, 0x5b,
  0x06, 0xc2, 0xc5, 0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d,
  0x03, 0x01, 0x07, 0xa1, 0x44, 0x03, 0x42, 0x00, 0x04, 0x09, 0xfe, 0x2c,
  0x29, 0x7b, 0xd5, 0x34, 0x71, 0xc7, 0x04, 0x9b, 0x5b, 0xca, 0x99, 0x24,
  0x66, 0x2e, 0x3e, 0x87, 0x1e, 0x27, 0x0e, 0x6d, 0x47, 0xf7, 0xc9, 0xc7,
  0x8a, 0xb3, 0x7e, 0x95, 0xf3, 0x6a, 0x2b, 0x7e, 0x4e, 0x01, 0x1f, 0xc7,
  0xb0, 0xb0, 0xd5, 0xe1, 0x5d, 0xf7, 0xc2, 0x50, 0x4f, 0x63, 0x16, 0x00,
  0x15, 0xf5, 0x99, 0x5a, 0x1d, 0x5b, 0x65, 0x8f, 0x60, 0xb2, 0x3d, 0x69,
  0x53
};
)";

// Its public half, which is no secret.
constexpr std::string_view test_public_key_pem = R"(
-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAECf4sKXvVNHHHBJtbypkkZi4+hx4n
Dm1H98nHirN+lfNqK35OAR/HsLDV4V33wlBPYxYAFfWZWh1bZY9gsj1pUw==
-----END PUBLIC KEY-----
)";

constexpr std::string_view test_public_key_c_array = R"(
const unsigned char device_pub_der[] = {
0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
  0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03,
  0x42, 0x00, 0x04, 0x09, 0xfe, 0x2c, 0x29, 0x7b, 0xd5, 0x34, 0x71, 0xc7,
  0x04, 0x9b, 0x5b, 0xca, 0x99, 0x24, 0x66, 0x2e, 0x3e, 0x87, 0x1e, 0x27,
  0x0e, 0x6d, 0x47, 0xf7, 0xc9, 0xc7, 0x8a, 0xb3, 0x7e, 0x95, 0xf3, 0x6a,
  0x2b, 0x7e, 0x4e, 0x01, 0x1f, 0xc7, 0xb0, 0xb0, 0xd5, 0xe1, 0x5d, 0xf7,
  0xc2, 0x50, 0x4f, 0x63, 0x16, 0x00, 0x15, 0xf5, 0x99, 0x5a, 0x1d, 0x5b,
  0x65, 0x8f, 0x60, 0xb2, 0x3d, 0x69, 0x53
};
)";

// The same private key as DER bytes.
constexpr unsigned char test_private_key_der[] = {
0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20, 0xe5, 0x9a, 0xd2, 0xf0, 0xe3,
  0xcd, 0x15, 0xc7, 0x1c, 0x6a, 0x2e, 0x76, 0x23, 0x49, 0xfc, 0xa5, 0xbb,
  0xdd, 0x7a, 0xd3, 0x24, 0x3f, 0x45, 0x27, 0xf6, 0x7c, 0x9f, 0x6a, 0x5b,
  0x06, 0xc2, 0xc5, 0xa0, 0x0a, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d,
  0x03, 0x01, 0x07, 0xa1, 0x44, 0x03, 0x42, 0x00, 0x04, 0x09, 0xfe, 0x2c,
  0x29, 0x7b, 0xd5, 0x34, 0x71, 0xc7, 0x04, 0x9b, 0x5b, 0xca, 0x99, 0x24,
  0x66, 0x2e, 0x3e, 0x87, 0x1e, 0x27, 0x0e, 0x6d, 0x47, 0xf7, 0xc9, 0xc7,
  0x8a, 0xb3, 0x7e, 0x95, 0xf3, 0x6a, 0x2b, 0x7e, 0x4e, 0x01, 0x1f, 0xc7,
  0xb0, 0xb0, 0xd5, 0xe1, 0x5d, 0xf7, 0xc2, 0x50, 0x4f, 0x63, 0x16, 0x00,
  0x15, 0xf5, 0x99, 0x5a, 0x1d, 0x5b, 0x65, 0x8f, 0x60, 0xb2, 0x3d, 0x69,
  0x53
};

const std::string private_key_in_c_string = R"(static const char server_key[] =
    "-----BEGIN PRIVATE KEY-----\n"
    "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5ZrS8OPNFcccai52\n"
    "I0n8pbvdetMkP0Un9nyfalsGwsWhRANCAAQJ/iwpe9U0cccEm1vKmSRmLj6HHicO\n"
    "bUf3yceKs36V82orfk4BH8ewsNXhXffCUE9jFgAV9ZlaHVtlj2CyPWlT\n"
    "-----END PRIVATE KEY-----\n";
)";

const std::vector<RulePair>& crypto4_pairs() {
  static const std::vector<RulePair> pairs = {
      {"password constant", "static const char *admin_password = \"Adm1n!2024\";\n",
       "static const char *admin_password_env = \"ADMIN_PASSWORD\";\n"},
      {"AES key array",
       "static const uint8_t aes_key[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,\n"
       "                                     0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};\n",
       "static uint8_t aes_key[16];\nint load(void) { return secure_storage_read(\"k\", aes_key, sizeof aes_key); }\n"},
      {"token macro", "#define API_TOKEN \"ghp_1234567890abcdefABCDEF\"\n",
       "#define API_TOKEN_LENGTH 40\n"},
      {"literal key to EVP_EncryptInit_ex",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *iv) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), NULL, (const unsigned char *)\"0123456789abcdef\", iv);\n}\n",
       "int enc(EVP_CIPHER_CTX *c, const unsigned char *key, const unsigned char *iv) {\n"
       "  return EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), NULL, key, iv);\n}\n"},
      {"literal key to mbedtls_aes_setkey_enc",
       "int k(mbedtls_aes_context *a) {\n  return mbedtls_aes_setkey_enc(a, (const unsigned char *)\"thisisakey123456\", 128);\n}\n",
       "int k(mbedtls_aes_context *a, const unsigned char *key) {\n  return mbedtls_aes_setkey_enc(a, key, 128);\n}\n"},
      {"HMAC with a literal key",
       "unsigned char *mac(const unsigned char *d, size_t n, unsigned char *o, unsigned *ol) {\n"
       "  return HMAC(EVP_sha256(), \"secret\", 6, d, n, o, ol);\n}\n",
       "unsigned char *mac(const void *k, int kl, const unsigned char *d, size_t n, unsigned char *o, unsigned *ol) {\n"
       "  return HMAC(EVP_sha256(), k, kl, d, n, o, ol);\n}\n"},
      {"PBKDF2 with a literal password",
       "int derive(const unsigned char *salt, unsigned char *out) {\n"
       "  return PKCS5_PBKDF2_HMAC(\"password\", 8, salt, 16, 100000, EVP_sha256(), 32, out);\n}\n",
       "int derive(const char *pass, const unsigned char *salt, unsigned char *out) {\n"
       "  return PKCS5_PBKDF2_HMAC(pass, -1, salt, 16, 100000, EVP_sha256(), 32, out);\n}\n"},
      {"key file password",
       "int load(mbedtls_pk_context *pk, const unsigned char *buf, size_t n) {\n"
       "  return mbedtls_pk_parse_key(pk, buf, n, (const unsigned char *)\"pass1234\", 8);\n}\n",
       "int load(mbedtls_pk_context *pk, const unsigned char *buf, size_t n) {\n"
       "  return mbedtls_pk_parse_key(pk, buf, n, NULL, 0);\n}\n"},
      {"wolfSSL literal key",
       "int k(Aes *a, const byte *iv) {\n  return wc_AesSetKey(a, (const byte *)\"0123456789abcdef\", 16, iv, AES_ENCRYPTION);\n}\n",
       "int k(Aes *a, const byte *key, const byte *iv) {\n  return wc_AesSetKey(a, key, 16, iv, AES_ENCRYPTION);\n}\n"},
      {"SQLCipher key", "int open_db(sqlite3 *db) { return sqlite3_key(db, \"s3cr3t-db\", 9); }\n",
       "int open_db(sqlite3 *db, const void *k, int n) { return sqlite3_key(db, k, n); }\n"},
      {"database password",
       "MYSQL *db(MYSQL *c) { return mysql_real_connect(c, \"db.local\", \"root\", \"toor123\", \"app\", 0, NULL, 0); }\n",
       "MYSQL *db(MYSQL *c, const char *pw) { return mysql_real_connect(c, \"db.local\", \"root\", pw, \"app\", 0, NULL, 0); }\n"},
      {"key passphrase callback data",
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_default_passwd_cb_userdata(ctx, \"changeme\"); }\n",
       "void cfg(SSL_CTX *ctx, char *provisioned) { SSL_CTX_set_default_passwd_cb_userdata(ctx, provisioned); }\n"},
      {"strcmp with a literal password",
       "int ok(const char *password) { return strcmp(password, \"letmein\") == 0; }\n",
       "int ok(const char *password) { return verify_password_hash(password, stored_hash) == 0; }\n"},
      {"literal compared in a login function",
       "int check_login(const char *input) {\n  if (strncmp(input, \"hunter22\", 8) == 0) return 1;\n  return 0;\n}\n",
       "int check_login(const char *input) {\n  return verify_password_hash(input, stored_hash);\n}\n"},
      {"C++ PIN compared with ==",
       "bool unlock(const std::string &pin) { return pin == \"4711\"; }\n",
       "bool unlock(const std::string &pin) { return verify_pin(pin); }\n", "src/lock.cpp"},
      {"numeric PIN", "int service_mode(int pin_code) { return pin_code == 24680; }\n",
       "int service_mode(int pin_code) { return pin_code == stored_pin_code(); }\n"},
      {"designated initialiser",
       "struct wifi_cfg cfg = { .ssid = \"pump-net\", .password = \"wifi-pass-123\" };\n",
       "struct wifi_cfg cfg = { .ssid = \"pump-net\", .password = NULL };\n"},
      {"literal copied into a password field",
       "void setup(struct wifi_config *c) { strcpy((char *)c->sta_password, \"SuperSecret1\"); }\n",
       "void setup(struct wifi_config *c, const char *pw) { strncpy((char *)c->sta_password, pw, 63); }\n"},
      {"C++ API key string",
       "const std::string api_key = \"AKIAIOSFODNN7EXAMPLE\";\n",
       "const std::string api_key = load_api_key();\n", "src/cloud.cpp"},
      {"curl credentials",
       "void f(CURL *c) { curl_easy_setopt(c, CURLOPT_USERPWD, \"admin:admin123\"); }\n",
       "void f(CURL *c, const char *userpwd) { curl_easy_setopt(c, CURLOPT_USERPWD, userpwd); }\n"},
      {"private key in a C string", private_key_in_c_string,
       "static const char *server_key_path = \"/etc/pump/server.key\";\n"},
      {"private key file", std::string(test_private_key_pem), std::string(test_public_key_pem), "keys/device.pem"},
      {"private key as a C byte array", std::string(test_private_key_c_array), std::string(test_public_key_c_array),
       "src/keys.c"},
      {"published sample key", std::string(sample_public_key_pem), std::string(test_public_key_pem), "boot/root.pem"},
      {"published sample key as a C array", std::string(sample_public_key_c_array),
       std::string(test_public_key_c_array), "boot/keys.c"},
  };
  return pairs;
}

TEST(HardcodedSecrets, PairedCases) { expect_pairs("CRYPTO-4", crypto4_pairs()); }

std::vector<Finding> crypto4(std::string_view code, std::string path = "src/t.c", std::string_view profile = "C-connected") {
  return only(inspect_snippet(code, std::move(path), profile), "CRYPTO-4");
}

TEST(HardcodedSecrets, NamesAboutSecretsAreNotSecrets) {
  EXPECT_TRUE(crypto4("static const char *password_prompt = \"Password\";\n"
                      "static const int key_len = 16;\n"
                      "static const char *keyboard = \"qwertzuiopasdfgh\";\n"
                      "static const char *token_type = \"Bearer-abc123XYZ\";\n"
                      "#define MAX_KEY_SIZE 64\n"
                      "static const char *monkey = \"abcdefghijklmnopq\";\n"
                      "static int pin_count = 12345;\n"
                      "static const char *public_key = \"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\";\n")
                  .empty());
}

TEST(HardcodedSecrets, EmptyFormatPromptAndPathAreNotSecrets) {
  EXPECT_TRUE(crypto4("static const char *password = \"\";\n"
                      "static const char *secret_fmt_password = \"%s\";\n"
                      "void f(char *password) { printf(\"Enter password: \"); }\n"
                      "static const char *private_key = \"/etc/device/private.pem\";\n"
                      "static uint8_t session_key[16] = {0};\n")
                  .empty());
}

TEST(HardcodedSecrets, WordBoundaryNameMatching) {
  EXPECT_FALSE(crypto4("static const char masterKey[] = \"k3y-M4ter1al-0001\";\n").empty());
  EXPECT_FALSE(crypto4("#define ADMIN_PASSWORD \"pump-admin\"\n").empty());
  EXPECT_FALSE(crypto4("static const char *db_pass = \"pa55w0rd\";\n").empty());
}

TEST(HardcodedSecrets, TestVectorsInTestDirectoriesDependOnTheProfile) {
  const std::string code = "static const uint8_t aes_key[16] = {0x2b, 0x7e, 0x15, 0x16, 0x28, 0xae, 0xd2, 0xa6,\n"
                           "  0xab, 0xf7, 0x15, 0x88, 0x09, 0xcf, 0x4f, 0x3c};\n";
  EXPECT_TRUE(crypto4(code, "tests/aes_test.c", "B-connected").empty());
  EXPECT_FALSE(crypto4(code, "tests/aes_test.c", "C-connected").empty());
  EXPECT_FALSE(crypto4(code, "src/aes.c", "B-connected").empty());
}

TEST(HardcodedSecrets, KeyConstantPassedToACipherIsReportedAtTheCall) {
  const auto f = crypto4("static const unsigned char k[16] = {1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16};\n"
                         "int enc(EVP_CIPHER_CTX *c, const unsigned char *iv) {\n"
                         "  return EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), NULL, k, iv);\n}\n");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "CRYPTO-4/literal-key-argument");
  EXPECT_EQ(f[0].line, 3u);
  // A buffer filled before use is not a literal key.
  EXPECT_TRUE(crypto4("int enc(EVP_CIPHER_CTX *c, const unsigned char *iv) {\n  unsigned char k[16] = {0};\n"
                      "  RAND_bytes(k, sizeof k);\n  return EVP_EncryptInit_ex(c, EVP_aes_128_gcm(), NULL, k, iv);\n}\n")
                  .empty());
}

// A secret macro used in a function is reported there too, not only where it is defined: the
// function that copies or binds it holds the secret (and is where it must be replaced).
TEST(HardcodedSecrets, SecretMacroCopiedOrBoundInAFunctionIsReportedThere) {
  const auto f = crypto4("#define PASSWORD \"ABCD1234!\"\n"
                         "static void sink(char *password);\n"
                         "void copy(void) {\n  char password[100];\n  strcpy(password, PASSWORD);\n  sink(password);\n}\n"
                         "void bind(void) {\n  char *password = PASSWORD;\n  sink(password);\n}\n");
  std::vector<uint32_t> lines;
  for (const auto& x : f) lines.push_back(x.line);
  EXPECT_EQ(lines, (std::vector<uint32_t>{1, 5, 9}));
  // The fixed function reads the password; the macro left in the file is reported only where defined.
  const auto fixed = crypto4("#define PASSWORD \"ABCD1234!\"\nstatic void sink(char *password);\n"
                             "void copy(void) {\n  char password[100];\n"
                             "  if (fgets(password, 100, stdin) == NULL) password[0] = 0;\n  sink(password);\n}\n");
  ASSERT_EQ(fixed.size(), 1u);
  EXPECT_EQ(fixed[0].line, 1u);
}

TEST(HardcodedSecrets, PrivateKeysAndSampleKeys) {
  const auto f = crypto4(std::string(test_private_key_pem), "keys/device.pem");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "CRYPTO-4/private-key");
  EXPECT_NE(f[0].message.find("EC, 256 bits"), std::string::npos);
  const auto s = inspect_snippet(sample_public_key_pem, "boot/root.pem");
  ASSERT_EQ(only(s, "CRYPTO-4/sample-key").size(), 1u);
  EXPECT_NE(only(s, "CRYPTO-4/sample-key")[0].message.find("mcu-tools/mcuboot:root-ec-p384"), std::string::npos);
  EXPECT_EQ(only(s, "FW-2/sample-key").size(), 1u);
  const auto arr = inspect_snippet(sample_public_key_c_array, "boot/keys.c");
  EXPECT_EQ(only(arr, "CRYPTO-4/sample-key").size(), 1u);
  EXPECT_EQ(only(inspect_snippet(private_key_in_c_string, "src/tls.c"), "CRYPTO-4/private-key").size(), 1u);
}

TEST(HardcodedSecrets, DerKeyFiles) {
  const std::string der(reinterpret_cast<const char*>(test_private_key_der), sizeof test_private_key_der);
  const auto f = crypto4(der, "keys/device.der");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "CRYPTO-4/private-key");
  EXPECT_TRUE(crypto4(std::string("\x30\x03\x02\x01\x05", 5) + std::string(40, '\0'), "keys/broken.der").empty());
}

}  // namespace
}  // namespace mdbc::test
