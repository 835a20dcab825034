// What a buffer holds when the function that reads it did not fill it: the buffer reaches the
// reading function as a parameter (from a direct call, or a call through a function pointer), or
// through a static variable another function of the file sets. CRYPTO-4 reports a literal
// credential that travels so; CODE-2 stays silent on a format that is a literal all the way.
// Unknown routes (a function stored where other code may call it, a global of the program) keep
// the contents unknown.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

constexpr const char* header = "#include <windows.h>\n#include <stdio.h>\n#include <string.h>\n";

std::string program(std::string_view body) { return std::string(header) + std::string(body); }

// CWE-259: the password is a literal in the bad twin, read from the console in the good one.
const std::vector<RulePair> credential_pairs = {
    {"password passed to a sink function of the file",
     program(R"~(void logon_sink(char *data)
{
    HANDLE token;
    if (LogonUserA("svc", "PUMP", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))
        CloseHandle(token);
}
void connect_service(void)
{
    char buffer[64] = "";
    char *data = buffer;
    strcpy(data, "Infu$ion42");
    logon_sink(data);
}
)~"),
     program(R"~(void logon_sink(char *data)
{
    HANDLE token;
    if (LogonUserA("svc", "PUMP", data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))
        CloseHandle(token);
}
void connect_service(void)
{
    char buffer[64] = "";
    char *data = buffer;
    if (fgets(data, sizeof buffer, stdin) == NULL) data[0] = '\0';
    data[strcspn(data, "\n")] = '\0';
    logon_sink(data);
}
)~")},
    {"password passed through a function pointer",
     program(R"~(static void logon_sink(char *data)
{
    HANDLE token;
    if (LogonUserW(L"svc", L"PUMP", (LPCWSTR)data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))
        CloseHandle(token);
}
void connect_service(void)
{
    void (*sink)(char *) = logon_sink;
    char buffer[64] = "";
    char *data = buffer;
    strcpy(data, "Infu$ion42");
    sink(data);
}
)~"),
     program(R"~(static void logon_sink(char *data)
{
    HANDLE token;
    if (LogonUserW(L"svc", L"PUMP", (LPCWSTR)data, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))
        CloseHandle(token);
}
void connect_service(void)
{
    void (*sink)(char *) = logon_sink;
    char buffer[64] = "";
    char *data = buffer;
    if (fgets(data, sizeof buffer, stdin) == NULL) data[0] = '\0';
    sink(data);
}
)~")},
    {"key hashed for CryptDeriveKey, set through a static variable",
     program(R"~(#include <wincrypt.h>
static char *key_material;
static void derive(void)
{
    char *data = key_material;
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    if (!CryptAcquireContext(&prov, NULL, NULL, PROV_RSA_AES, 0)) return;
    if (CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash) &&
        CryptHashData(hash, (BYTE *)data, (DWORD)strlen(data), 0))
        CryptDeriveKey(prov, CALG_AES_256, hash, 0, &key);
}
void setup(void)
{
    char buffer[100] = "";
    char *data = buffer;
    strcpy(data, "23!@0pW3NsMfaq");
    key_material = data;
    derive();
}
)~"),
     program(R"~(#include <wincrypt.h>
static char *key_material;
static void derive(void)
{
    char *data = key_material;
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    if (!CryptAcquireContext(&prov, NULL, NULL, PROV_RSA_AES, 0)) return;
    if (CryptCreateHash(prov, CALG_SHA_256, 0, 0, &hash) &&
        CryptHashData(hash, (BYTE *)data, (DWORD)strlen(data), 0))
        CryptDeriveKey(prov, CALG_AES_256, hash, 0, &key);
}
void setup(void)
{
    char buffer[100] = "";
    char *data = buffer;
    if (fgets(data, sizeof buffer, stdin) == NULL) data[0] = '\0';
    key_material = data;
    derive();
}
)~")},
};

// CWE-134: the bad twin's format comes from input; the good twin's is a literal copied into the
// same buffer, then carried by the same route.
const std::vector<RulePair> format_pairs = {
    {"format carried by a static variable to the printing function",
     program(R"~(static char *message;
static void show(void)
{
    char *data = message;
    printf(data);
}
void run(void)
{
    char buffer[100] = "";
    char *data = buffer;
    if (fgets(data, sizeof buffer, stdin) == NULL) data[0] = '\0';
    message = data;
    show();
}
)~"),
     program(R"~(static char *message;
static void show(void)
{
    char *data = message;
    printf(data);
}
void run(void)
{
    char buffer[100] = "";
    char *data = buffer;
    strcpy(data, "fixedstringtest");
    message = data;
    show();
}
)~")},
    {"format passed through a function pointer",
     program(R"~(static void show(char *data)
{
    printf(data);
}
void run(void)
{
    void (*print)(char *) = &show;
    char buffer[100] = "";
    char *data = buffer;
    size_t n = strlen(data);
    if (fgets(data + n, (int)(sizeof buffer - n), stdin) == NULL) data[n] = '\0';
    print(data);
}
)~"),
     program(R"~(static void show(char *data)
{
    printf(data);
}
void run(void)
{
    void (*print)(char *) = &show;
    char buffer[100] = "";
    char *data = buffer;
    strcpy(data, "fixedstringtest");
    print(data);
}
)~")},
    {"one of two callers passes input",
     program(R"~(static void show(char *data)
{
    printf(data);
}
void banner(void)
{
    char buffer[100] = "";
    strcpy(buffer, "ready");
    show(buffer);
}
void echo(void)
{
    char buffer[100] = "";
    if (fgets(buffer, sizeof buffer, stdin) != NULL) show(buffer);
}
)~"),
     program(R"~(static void show(char *data)
{
    printf(data);
}
void banner(void)
{
    char buffer[100] = "";
    strcpy(buffer, "ready");
    show(buffer);
}
void echo(void)
{
    char buffer[100] = "";
    strcpy(buffer, "echo off");
    show(buffer);
}
)~")},
    {"the printing function is also stored in a table others may call",
     program(R"~(static void show(char *data)
{
    printf(data);
}
struct ops { void (*print)(char *); };
const struct ops console_ops = { .print = show };
void banner(void)
{
    char buffer[100] = "";
    strcpy(buffer, "ready");
    show(buffer);
}
)~"),
     program(R"~(static void show(char *data)
{
    printf("%s", data);
}
struct ops { void (*print)(char *); };
const struct ops console_ops = { .print = show };
void banner(void)
{
    char buffer[100] = "";
    strcpy(buffer, "ready");
    show(buffer);
}
)~")},
};

TEST(BufferContentsPairs, LiteralCredentialsThroughParametersAndStatics) { expect_pairs("CRYPTO-4", credential_pairs); }
TEST(BufferContentsPairs, LiteralFormatsThroughParametersAndStatics) { expect_pairs("CODE-2", format_pairs); }

// A global of the program may be set by another file: its contents are unknown, so a literal
// copied into the buffer it points to here is not the only thing the printing function may see.
TEST(BufferContentsPairs, GlobalSetElsewhereStaysUnknown) {
  const auto findings = test::only(
      test::inspect_tree({{"src/module.c", program(R"~(char *message;
static void show(void)
{
    char *data = message;
    printf(data);
}
void run(void)
{
    char buffer[100] = "";
    strcpy(buffer, "fixedstringtest");
    message = buffer;
    show();
}
)~"), ""}}, std::string_view("C-connected")).findings, "CODE-2");
  EXPECT_EQ(findings.size(), 1u);
}

}  // namespace
}  // namespace mdbc::source
