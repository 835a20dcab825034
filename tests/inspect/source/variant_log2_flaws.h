#pragma once
// The LOG-2 (CWE-778) flaws of the data-flow variant suites: a failed authentication or signature
// check (the source) and the rejection it leads to (the sink), which gives up without a log in the
// flawed version and reaches the log in the fixed one. Joined along the paths of one file
// (variant_log2_data_flow_pairs_test.cpp) and of several (variant_files_pairs_test.cpp).
#include <vector>

#include "inspect/source/variant_data_flows.h"

namespace mdbc::test {

// Each check's outcome is kept in a variable named for what it holds, or in a plain `data`, as
// test programs name theirs: then only the flow from the check says what it holds.
inline const std::vector<DataFlaw> log2_flaws = {
    {"a service password compared with strcmp, the menu refused",
     "#include <stdio.h>\n#include <string.h>\n#include <syslog.h>\n"
     "extern const char *stored_service_password(void);\nextern void open_service_menu(void);\n",
     "int", "int data = -1;\n",
     "{\n    char password[64] = \"\";\n    if (fgets(password, sizeof(password), stdin) == NULL)\n"
     "        password[0] = '\\0';\n    password[strcspn(password, \"\\n\")] = '\\0';\n"
     "    data = strcmp(password, stored_service_password());\n}\n",
     "if (data != 0)\n{\n    puts(\"Access denied\");\n    return;\n}\nopen_service_menu();\n", "",
     "if (data != 0)\n{\n    syslog(LOG_AUTHPRIV | LOG_WARNING, \"service menu: wrong password\");\n"
     "    puts(\"Access denied\");\n    return;\n}\nopen_service_menu();\n"},
    {"a PIN compared with memcmp, the keypad refused after the third wrong one",
     "#include <stdio.h>\n#include <string.h>\n#include <syslog.h>\n#define PIN_LENGTH 4\n#define MAX_PIN_ATTEMPTS 3\n"
     "#define SECURITY_ALERT(...) syslog(LOG_AUTH | LOG_ALERT, __VA_ARGS__)\n"
     "extern const unsigned char *device_pin(void);\nextern int read_keypad(unsigned char *digits, int count);\n"
     "extern void start_delivery(void);\nstatic int failedPinEntries;\n",
     "int", "int data = 0;\n",
     "{\n    unsigned char entered[PIN_LENGTH];\n"
     "    if (read_keypad(entered, PIN_LENGTH) == PIN_LENGTH && memcmp(entered, device_pin(), PIN_LENGTH) == 0)\n"
     "        failedPinEntries = 0;\n    else\n        failedPinEntries++;\n    data = failedPinEntries;\n}\n",
     "if (data >= MAX_PIN_ATTEMPTS)\n{\n    puts(\"Keypad locked\");\n    return;\n}\nstart_delivery();\n", "",
     "if (data >= MAX_PIN_ATTEMPTS)\n{\n    SECURITY_ALERT(\"keypad locked after %d wrong PINs\", data);\n"
     "    puts(\"Keypad locked\");\n    return;\n}\nstart_delivery();\n",
     "pinAttempts"},
    {"a session token compared with CRYPTO_memcmp, the request refused",
     "#include <stdio.h>\n#include <syslog.h>\n#include <openssl/crypto.h>\n"
     "extern void read_request_token(unsigned char *token, size_t length);\n"
     "extern const unsigned char *session_token(void);\nextern void apply_settings(void);\n"
     "static void report_intrusion(const char *what)\n{\n    syslog(LOG_AUTHPRIV | LOG_NOTICE, \"%s\", what);\n}\n",
     "int", "int data = -1;\n",
     "{\n    unsigned char token[32];\n    read_request_token(token, sizeof(token));\n"
     "    data = CRYPTO_memcmp(token, session_token(), sizeof(token));\n}\n",
     "if (data != 0)\n{\n    puts(\"401 Unauthorized\");\n    return;\n}\napply_settings();\n", "",
     "if (data != 0)\n{\n    report_intrusion(\"settings request with a wrong session token\");\n"
     "    puts(\"401 Unauthorized\");\n    return;\n}\napply_settings();\n"},
    {"a login answered AUTH_FAILED, the console refused",
     "#include <stdio.h>\n#include <syslog.h>\nenum auth_status { AUTH_OK, AUTH_FAILED };\n"
     "extern enum auth_status authenticate_user(const char *user, const char *password);\n"
     "extern void open_console(void);\n",
     "enum auth_status", "enum auth_status data = AUTH_FAILED;\n",
     "data = authenticate_user(\"operator\", \"operator-password\");\n",
     "if (data == AUTH_FAILED)\n{\n    puts(\"Login incorrect\");\n    return;\n}\nopen_console();\n", "",
     "if (data == AUTH_FAILED)\n{\n    syslog(LOG_AUTH | LOG_NOTICE, \"console login failed for operator\");\n"
     "    puts(\"Login incorrect\");\n    return;\n}\nopen_console();\n",
     "loginStatus"},
    {"an update's signature refused by mbedtls_pk_verify",
     "#include <stdio.h>\n#include <syslog.h>\n#include <mbedtls/pk.h>\n"
     "#define FW_EVENT(...) syslog(LOG_ERR, __VA_ARGS__)\n"
     "extern mbedtls_pk_context update_key;\nextern unsigned char image_hash[32];\nextern unsigned char image_sig[256];\n"
     "extern size_t image_sig_len;\nextern void flash_image(void);\n",
     "int", "int data = -1;\n",
     "data = mbedtls_pk_verify(&update_key, MBEDTLS_MD_SHA256, image_hash, 32, image_sig, image_sig_len);\n",
     "if (data != 0)\n{\n    puts(\"update refused\");\n    return;\n}\nflash_image();\n", "",
     "if (data != 0)\n{\n    FW_EVENT(\"firmware update refused: signature check returned %d\", data);\n"
     "    puts(\"update refused\");\n    return;\n}\nflash_image();\n"},
    {"an update's signature refused by EVP_DigestVerifyFinal",
     "#include <stdio.h>\n#include <syslog.h>\n#include <openssl/evp.h>\n"
     "typedef void (*event_writer)(int priority, const char *format, ...);\n"
     "static event_writer write_event = syslog;\n"
     "extern EVP_MD_CTX *image_digest_context(void);\nextern unsigned char image_sig[256];\n"
     "extern size_t image_sig_len;\nextern void install_update(void);\n",
     "int", "int data = 0;\n",
     "data = EVP_DigestVerifyFinal(image_digest_context(), image_sig, image_sig_len);\n",
     "if (data != 1)\n{\n    puts(\"signature mismatch\");\n    return;\n}\ninstall_update();\n", "",
     "if (data != 1)\n{\n    write_event(LOG_ERR, \"update signature mismatch\");\n    puts(\"signature mismatch\");\n"
     "    return;\n}\ninstall_update();\n",
     "verified"},
    {"a boot image's ECDSA signature refused, logged through a logger object", "#include <cstdio>\n#include <syslog.h>\n"
     "#include <openssl/ecdsa.h>\nclass EventLog\n{\npublic:\n    virtual ~EventLog() {}\n"
     "    virtual void record(const char *what) = 0;\n};\nclass SyslogEventLog : public EventLog\n{\npublic:\n"
     "    void record(const char *what) override\n    {\n        syslog(LOG_CRIT, \"%s\", what);\n    }\n};\n"
     "extern EventLog *events;\nextern EC_KEY *boot_key;\nextern unsigned char boot_digest[32];\n"
     "extern unsigned char boot_sig[72];\nextern int boot_sig_len;\nextern void jump_to_image(void);\n",
     "int", "int data = 0;\n", "data = ECDSA_verify(0, boot_digest, 32, boot_sig, boot_sig_len, boot_key);\n",
     "if (data != 1)\n{\n    std::puts(\"boot image rejected\");\n    return;\n}\njump_to_image();\n", "",
     "if (data != 1)\n{\n    events->record(\"boot image rejected: bad signature\");\n"
     "    std::puts(\"boot image rejected\");\n    return;\n}\njump_to_image();\n",
     "data", true},
    {"a package's signature refused by wc_SignatureVerify",
     "#include <stdio.h>\n#include <syslog.h>\n#include <wolfssl/wolfcrypt/ecc.h>\n"
     "#include <wolfssl/wolfcrypt/signature.h>\n"
     "extern ecc_key package_key;\nextern const unsigned char *package;\nextern unsigned int package_len;\n"
     "extern const unsigned char *package_sig;\nextern unsigned int package_sig_len;\nextern void unpack_package(void);\n",
     "int", "int data = -1;\n",
     "data = wc_SignatureVerify(WC_HASH_TYPE_SHA256, WC_SIGNATURE_TYPE_ECC, package, package_len, package_sig,\n"
     "                          package_sig_len, &package_key, sizeof(package_key));\n",
     "if (data != 0)\n{\n    puts(\"package rejected\");\n    return;\n}\nunpack_package();\n", "",
     "if (data != 0)\n{\n    syslog(LOG_ERR, \"package rejected: signature check returned %d\", data);\n"
     "    puts(\"package rejected\");\n    return;\n}\nunpack_package();\n",
     "sigResult"},
    {"a server certificate whose verification failed, the connection dropped",
     "#include <stdio.h>\n#include <syslog.h>\n#include <openssl/ssl.h>\n#include <openssl/x509.h>\n"
     "extern SSL *cloud_link;\nextern void send_telemetry(SSL *ssl);\n",
     "long", "long data = X509_V_ERR_UNSPECIFIED;\n", "data = SSL_get_verify_result(cloud_link);\n",
     "if (data != X509_V_OK)\n{\n    SSL_shutdown(cloud_link);\n    return;\n}\nsend_telemetry(cloud_link);\n", "",
     "if (data != X509_V_OK)\n{\n    syslog(LOG_WARNING, \"cloud certificate rejected: %s\", X509_verify_cert_error_string(data));\n"
     "    SSL_shutdown(cloud_link);\n    return;\n}\nsend_telemetry(cloud_link);\n"},
};

}  // namespace mdbc::test
