// Data that crosses files: a source function in one file hands a value to a sink function defined
// in another. The flawed tree passes data the program does not control (or a secret); its fixed
// twin passes a literal to a sink with the same body, which must stay silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_tree_pairs;
using test::SnippetFile;
using test::TreePair;

// A two-file program: `source` (src/main.c) calls `sink_name`, defined in src/sink.c with `body`.
std::vector<SnippetFile> program(const std::string& source, const std::string& sink, std::string_view ext = "c") {
  return {{"src/main." + std::string(ext), source, ""}, {"src/sink." + std::string(ext), sink, ""}};
}

const std::string print_sink = "#include <stdio.h>\nvoid show_sink(char *data)\n{\n    printf(data);\n}\n";

const std::vector<TreePair> code2_pairs = {
    {"a line read from stdin, against a literal copied into the buffer",
     program("#include <stdio.h>\nvoid show_sink(char *data);\nvoid run(void)\n{\n    char buffer[100] = \"\";\n"
             "    char *data = buffer;\n    if (fgets(data, 100, stdin) == NULL) return;\n    show_sink(data);\n}\n",
             print_sink),
     program("#include <string.h>\nvoid show_sink(char *data);\nvoid run(void)\n{\n    char buffer[100] = \"\";\n"
             "    char *data = buffer;\n    strcpy(data, \"fixedstringtest\");\n    show_sink(data);\n}\n",
             print_sink)},
    {"an environment variable, against a literal argument",
     program("#include <stdlib.h>\nvoid show_sink(char *data);\nvoid run(void)\n{\n    show_sink(getenv(\"GREETING\"));\n}\n",
             print_sink),
     program("void show_sink(char *data);\nvoid run(void)\n{\n    show_sink(\"hello\\n\");\n}\n", print_sink)},
    {"fprintf in the sink, the caller's buffer received from a socket against a constant",
     program("#include <sys/socket.h>\nvoid log_sink(const char *line);\nvoid serve(int s)\n{\n    char line[128];\n"
             "    ssize_t n = recv(s, line, sizeof line - 1, 0);\n    if (n <= 0) return;\n    line[n] = 0;\n"
             "    log_sink(line);\n}\n",
             "#include <stdio.h>\nvoid log_sink(const char *line)\n{\n    fprintf(stderr, line);\n}\n"),
     program("void log_sink(const char *line);\nstatic const char *const banner = \"pump ready\\n\";\nvoid serve(int s)\n{\n"
             "    (void)s;\n    log_sink(banner);\n}\n",
             "#include <stdio.h>\nvoid log_sink(const char *line)\n{\n    fprintf(stderr, line);\n}\n")},
    {"through a pointer to the caller's variable",
     program("#include <stdlib.h>\nvoid ptr_sink(char **data_ptr);\nvoid run(void)\n{\n    char *data = getenv(\"FMT\");\n"
             "    ptr_sink(&data);\n}\n",
             "#include <stdio.h>\nvoid ptr_sink(char **data_ptr)\n{\n    char *data = *data_ptr;\n    printf(data);\n}\n"),
     program("void ptr_sink(char **data_ptr);\nvoid run(void)\n{\n    char buffer[64] = \"\";\n    char *data = buffer;\n"
             "    strcpy(data, \"fixed\");\n    ptr_sink(&data);\n}\n",
             "#include <stdio.h>\nvoid ptr_sink(char **data_ptr)\n{\n    char *data = *data_ptr;\n    printf(data);\n}\n")},
    {"syslog in the sink, a macro literal in the caller",
     program("#include <stdio.h>\nvoid audit_sink(int level, char *text);\nvoid run(FILE *f)\n{\n    char text[80];\n"
             "    if (fgets(text, sizeof text, f)) audit_sink(3, text);\n}\n",
             "#include <syslog.h>\nvoid audit_sink(int level, char *text)\n{\n    syslog(level, text);\n}\n"),
     program("#define AUDIT_TEXT \"door opened\"\nvoid audit_sink(int level, char *text);\nvoid run(void)\n{\n"
             "    audit_sink(3, AUDIT_TEXT);\n}\n",
             "#include <syslog.h>\nvoid audit_sink(int level, char *text)\n{\n    syslog(level, text);\n}\n")},
    {"C++ in a namespace, snprintf into a buffer",
     program("#include <iostream>\n#include <string>\nnamespace pump {\nvoid format_sink(char *data);\nvoid run()\n{\n"
             "    static char line[64];\n    std::cin.getline(line, sizeof line);\n    format_sink(line);\n}\n}\n",
             "#include <cstdio>\nnamespace pump {\nvoid format_sink(char *data)\n{\n    char out[64];\n"
             "    std::snprintf(out, sizeof out, data);\n    std::puts(out);\n}\n}\n",
             "cpp"),
     program("#include <cstring>\nnamespace pump {\nvoid format_sink(char *data);\nvoid run()\n{\n    char line[64] = \"\";\n"
             "    std::strcpy(line, \"rate %d\");\n    format_sink(line);\n}\n}\n",
             "#include <cstdio>\nnamespace pump {\nvoid format_sink(char *data)\n{\n    char out[64];\n"
             "    std::snprintf(out, sizeof out, data);\n    std::puts(out);\n}\n}\n",
             "cpp")},
    {"wide characters",
     program("#include <wchar.h>\n#include <stdio.h>\nvoid wide_sink(wchar_t *data);\nvoid run(void)\n{\n"
             "    wchar_t line[100];\n    if (fgetws(line, 100, stdin)) wide_sink(line);\n}\n",
             "#include <wchar.h>\nvoid wide_sink(wchar_t *data)\n{\n    wprintf(data);\n}\n"),
     program("#include <wchar.h>\nvoid wide_sink(wchar_t *data);\nvoid run(void)\n{\n    wchar_t line[100] = L\"\";\n"
             "    wcscpy(line, L\"fixedstringtest\");\n    wide_sink(line);\n}\n",
             "#include <wchar.h>\nvoid wide_sink(wchar_t *data)\n{\n    wprintf(data);\n}\n")},
    {"one caller of two passes input",
     {{"src/a.c", "void show_sink(char *data);\nvoid a(void) { show_sink(\"ok\\n\"); }\n", ""},
      {"src/b.c", "void show_sink(char *data);\nvoid b(char *line) { show_sink(line); }\n", ""},
      {"src/sink.c", print_sink, ""}},
     {{"src/a.c", "void show_sink(char *data);\nvoid a(void) { show_sink(\"ok\\n\"); }\n", ""},
      {"src/b.c", "void show_sink(char *data);\nvoid b(void) { show_sink(\"done\\n\"); }\n", ""},
      {"src/sink.c", print_sink, ""}}},
};

TEST(CrossFilePairs, FormatStrings) { expect_tree_pairs("CODE-2", code2_pairs); }

// What the tree does not settle keeps the per-file decision: a sink nothing calls, a function
// defined with a sink in two programs of the tree, a sink also taken as a value in its file.
TEST(CrossFilePairs, FormatStringsUnsettled) {
  const auto code2 = [](const std::vector<SnippetFile>& files) {
    return test::only(test::inspect_tree(files).findings, "CODE-2").size();
  };
  EXPECT_EQ(code2({{"src/sink.c", print_sink, ""}}), 1u);
  EXPECT_EQ(code2({{"a/main.c", "void show_sink(char *data);\nint main(void) { show_sink(\"ok\"); return 0; }\n", ""},
                   {"a/sink.c", print_sink, ""},
                   {"b/main.c", "void show_sink(char *data);\nint main(void) { show_sink(\"ok\"); return 0; }\n", ""},
                   {"b/sink.c", print_sink, ""}}),
            2u);
  EXPECT_EQ(code2({{"src/main.c", "void show_sink(char *data);\nvoid run(void) { show_sink(\"ok\"); }\n", ""},
                   {"src/sink.c", print_sink + "void (*printer)(char *) = show_sink;\n", ""}}),
            1u);
  // A static sink is the file's own: a literal from another file's function of that name does not reach it.
  EXPECT_EQ(code2({{"src/main.c", "void show_sink(char *data);\nvoid run(void) { show_sink(\"ok\"); }\n", ""},
                   {"src/sink.c", "#include <stdio.h>\nstatic void show_sink(char *data) { printf(data); }\n", ""}}),
            1u);
}

const std::string logon_sink =
    "#include <windows.h>\nvoid logon_sink(char *password)\n{\n    HANDLE token;\n"
    "    if (LogonUserA(\"admin\", \"pump\", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))\n"
    "        CloseHandle(token);\n}\n";

const std::vector<TreePair> crypto4_pairs = {
    {"a password macro copied into the buffer, against one read from the console",
     program("#include <string.h>\n#define PASSWORD \"ABCD1234!\"\nvoid logon_sink(char *password);\nvoid run(void)\n{\n"
             "    char buffer[100] = \"\";\n    char *data = buffer;\n    strcpy(data, PASSWORD);\n    logon_sink(data);\n}\n",
             logon_sink),
     program("#include <stdio.h>\n#include <string.h>\nvoid logon_sink(char *password);\nvoid run(void)\n{\n"
             "    char buffer[100] = \"\";\n    char *data = buffer;\n    if (fgets(data, 100, stdin) == NULL) return;\n"
             "    data[strcspn(data, \"\\n\")] = '\\0';\n    logon_sink(data);\n}\n",
             logon_sink)},
    {"a literal argument, against one read from a file",
     program("void logon_sink(char *password);\nvoid run(void)\n{\n    logon_sink(\"Sup3rS3cret\");\n}\n", logon_sink),
     program("#include <stdio.h>\nvoid logon_sink(char *password);\nvoid run(void)\n{\n    char line[64];\n"
             "    FILE *f = fopen(\"/etc/pump/secret\", \"r\");\n    if (f == NULL) return;\n"
             "    if (fgets(line, sizeof line, f)) logon_sink(line);\n    fclose(f);\n}\n",
             logon_sink)},
    {"an AES key through a pointer to the caller's variable",
     program("void key_sink(unsigned char **key_ptr);\nvoid run(void)\n{\n"
             "    unsigned char *key = (unsigned char *)\"0123456789abcdef\";\n    key_sink(&key);\n}\n",
             "#include <openssl/aes.h>\nvoid key_sink(unsigned char **key_ptr)\n{\n    unsigned char *data = *key_ptr;\n"
             "    AES_KEY k;\n    AES_set_encrypt_key(data, 128, &k);\n}\n"),
     program("#include <openssl/rand.h>\nvoid key_sink(unsigned char **key_ptr);\nvoid run(void)\n{\n"
             "    unsigned char buffer[16];\n    unsigned char *key = buffer;\n    if (RAND_bytes(buffer, sizeof buffer) != 1) return;\n"
             "    key_sink(&key);\n}\n",
             "#include <openssl/aes.h>\nvoid key_sink(unsigned char **key_ptr)\n{\n    unsigned char *data = *key_ptr;\n"
             "    AES_KEY k;\n    AES_set_encrypt_key(data, 128, &k);\n}\n")},
    {"PBKDF2 in C++, a password constant in the caller",
     program("#include <cstring>\nnamespace pump {\nvoid derive_sink(const char *pass);\nvoid run()\n{\n"
             "    static const char *const admin_password = \"letmein42\";\n    derive_sink(admin_password);\n}\n}\n",
             "#include <openssl/evp.h>\nnamespace pump {\nvoid derive_sink(const char *pass)\n{\n    unsigned char out[32];\n"
             "    static const unsigned char salt[16] = {1};\n"
             "    PKCS5_PBKDF2_HMAC(pass, -1, salt, sizeof salt, 100000, EVP_sha256(), sizeof out, out);\n}\n}\n",
             "cpp"),
     program("#include <iostream>\n#include <string>\nnamespace pump {\nvoid derive_sink(const char *pass);\nvoid run()\n{\n"
             "    std::string line;\n    std::getline(std::cin, line);\n    derive_sink(line.c_str());\n}\n}\n",
             "#include <openssl/evp.h>\nnamespace pump {\nvoid derive_sink(const char *pass)\n{\n    unsigned char out[32];\n"
             "    static const unsigned char salt[16] = {1};\n"
             "    PKCS5_PBKDF2_HMAC(pass, -1, salt, sizeof salt, 100000, EVP_sha256(), sizeof out, out);\n}\n}\n",
             "cpp")},
    {"mbedTLS key file password from a macro, against the environment",
     program("#define KEY_PASSWORD \"Pump-2024\"\nvoid load_sink(const char *path, const char *pwd);\nvoid run(void)\n{\n"
             "    load_sink(\"/etc/pump/key.pem\", KEY_PASSWORD);\n}\n",
             "#include <mbedtls/pk.h>\nvoid load_sink(const char *path, const char *pwd)\n{\n    mbedtls_pk_context pk;\n"
             "    mbedtls_pk_init(&pk);\n    mbedtls_pk_parse_keyfile(&pk, path, pwd);\n}\n"),
     program("#include <stdlib.h>\nvoid load_sink(const char *path, const char *pwd);\nvoid run(void)\n{\n"
             "    load_sink(\"/etc/pump/key.pem\", getenv(\"PUMP_KEY_PASSWORD\"));\n}\n",
             "#include <mbedtls/pk.h>\nvoid load_sink(const char *path, const char *pwd)\n{\n    mbedtls_pk_context pk;\n"
             "    mbedtls_pk_init(&pk);\n    mbedtls_pk_parse_keyfile(&pk, path, pwd);\n}\n")},
};

TEST(CrossFilePairs, HardcodedSecrets) { expect_tree_pairs("CRYPTO-4", crypto4_pairs); }

// The finding is at the sink and names the caller.
TEST(CrossFilePairs, HardcodedSecretNamesTheCaller) {
  const auto found = test::only(
      test::inspect_tree(program("void logon_sink(char *password);\nvoid run(void)\n{\n    logon_sink(\"Sup3rS3cret\");\n}\n",
                                 logon_sink))
          .findings,
      "CRYPTO-4");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].path, "src/sink.c");
  EXPECT_EQ(found[0].line, 5u);
  EXPECT_NE(found[0].message.find("src/main.c:4"), std::string::npos) << found[0].message;
}

const std::vector<TreePair> log3_pairs = {
    {"a password printed by the sink, against a sink that logs the event only",
     program("#include <stdio.h>\nvoid note_sink(char *data);\nvoid run(void)\n{\n    char password[64];\n"
             "    if (fgets(password, sizeof password, stdin) == NULL) return;\n    note_sink(password);\n}\n",
             "#include <stdio.h>\nvoid note_sink(char *data)\n{\n    printf(\"%s\\n\", data);\n}\n"),
     program("#include <stdio.h>\nvoid note_sink(char *data);\nvoid run(void)\n{\n    char password[64];\n"
             "    if (fgets(password, sizeof password, stdin) == NULL) return;\n    note_sink(password);\n}\n",
             "#include <stdio.h>\nvoid note_sink(char *data)\n{\n    (void)data;\n    printf(\"login attempt\\n\");\n}\n")},
    {"syslog of a PIN, against the user name",
     program("void audit_sink(const char *who, const char *what);\nvoid unlock(const char *user, const char *pin)\n{\n"
             "    audit_sink(user, pin);\n}\n",
             "#include <syslog.h>\nvoid audit_sink(const char *who, const char *what)\n{\n"
             "    syslog(LOG_AUTH | LOG_INFO, \"unlock by %s with %s\", who, what);\n}\n"),
     program("void audit_sink(const char *who, const char *what);\nvoid unlock(const char *user, const char *pin)\n{\n"
             "    (void)pin;\n    audit_sink(user, \"unlock\");\n}\n",
             "#include <syslog.h>\nvoid audit_sink(const char *who, const char *what)\n{\n"
             "    syslog(LOG_AUTH | LOG_INFO, \"unlock by %s with %s\", who, what);\n}\n")},
    {"a key's text to a C++ stream helper through fprintf",
     program("#include <string>\nvoid emit_sink(const char *text);\nvoid pair(const std::string &api_key)\n{\n"
             "    emit_sink(api_key.c_str());\n}\n",
             "#include <cstdio>\nvoid emit_sink(const char *text)\n{\n    std::fprintf(stderr, \"%s\\n\", text);\n}\n",
             "cpp"),
     program("#include <string>\nvoid emit_sink(const char *text);\nvoid pair(const std::string &device_name)\n{\n"
             "    emit_sink(device_name.c_str());\n}\n",
             "#include <cstdio>\nvoid emit_sink(const char *text)\n{\n    std::fprintf(stderr, \"%s\\n\", text);\n}\n",
             "cpp")},
};

TEST(CrossFilePairs, SecretsInLogs) { expect_tree_pairs("LOG-3", log3_pairs); }

}  // namespace
}  // namespace mdbc::source
