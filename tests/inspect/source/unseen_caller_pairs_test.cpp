// A function template called with its arguments given (show<char *>(line)) is a call: its callers
// in the file say what its parameter holds, as for a template whose arguments are deduced. CODE-2's
// fixed twins pass a buffer filled from a literal, CRYPTO-4's flawed twins a literal password.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> code2_template_pairs = {
    {"a banner from the environment given to a template",
     R"~(#include <cstdio>
#include <cstdlib>
#include <cstring>
template <typename Text>
static void show_banner(Text text)
{
    fprintf(stderr, text);
}
void start()
{
    char line[64] = "";
    const char *env = getenv("PUMP_BANNER");
    if (env != NULL)
        strncpy(line, env, sizeof(line) - 1);
    show_banner<char *>(line);
}
)~",
     R"~(#include <cstdio>
#include <cstdlib>
#include <cstring>
template <typename Text>
static void show_banner(Text text)
{
    fprintf(stderr, text);
}
void start()
{
    char line[64] = "";
    strcpy(line, "Infusion pump ready\n");
    show_banner<char *>(line);
}
)~",
     "src/module.cpp"},
    {"two template arguments, a socket's bytes as the format",
     R"~(#include <cstdio>
#include <sys/socket.h>
template <typename Out, int Width>
static void emit(Out out, const char *text)
{
    fprintf(out, text);
}
void serve(int sock)
{
    char request[128] = "";
    if (recv(sock, request, sizeof(request) - 1, 0) > 0)
        emit<FILE *, 8>(stdout, request);
}
)~",
     R"~(#include <cstdio>
#include <cstring>
#include <sys/socket.h>
template <typename Out, int Width>
static void emit(Out out, const char *text)
{
    fprintf(out, text);
}
void serve(int sock)
{
    char request[128] = "";
    (void)sock;
    memcpy(request, "served\n", sizeof("served\n"));
    emit<FILE *, 8>(stdout, request);
}
)~",
     "src/module.cpp"},
};

const std::vector<RulePair> crypto4_template_pairs = {
    {"a literal password given to a logon template",
     R"~(#include <windows.h>
#include <cstdio>
#include <cstring>
template <class Secret>
static void service_logon(Secret password)
{
    HANDLE token;
    if (LogonUserA("svc", "PUMP", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))
        CloseHandle(token);
}
void connect_service()
{
    char entry[32] = "";
    strcpy(entry, "Pump2024!");
    service_logon<char *>(entry);
}
)~",
     R"~(#include <windows.h>
#include <cstdio>
#include <cstring>
template <class Secret>
static void service_logon(Secret password)
{
    HANDLE token;
    if (LogonUserA("svc", "PUMP", password, LOGON32_LOGON_NETWORK, LOGON32_PROVIDER_DEFAULT, &token))
        CloseHandle(token);
}
void connect_service()
{
    char entry[32] = "";
    if (fgets(entry, sizeof(entry), stdin) == NULL)
        return;
    entry[strcspn(entry, "\n")] = '\0';
    service_logon<char *>(entry);
}
)~",
     "src/module.cpp"},
};

TEST(UnseenCallerPairs, Code2) { expect_pairs("CODE-2", code2_template_pairs); }
TEST(UnseenCallerPairs, Crypto4) { expect_pairs("CRYPTO-4", crypto4_template_pairs); }

}  // namespace
}  // namespace mdbc::source
