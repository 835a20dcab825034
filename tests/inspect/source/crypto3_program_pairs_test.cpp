// CRYPTO-3 pairs in the shape of CWE-295 test programs: libcurl peer or host verification chosen by
// a conditional with a 0 branch (literal or macro); the fixed twins keep verification on and choose
// something else at run time.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::expect_tree_pairs;
using test::RulePair;
using test::TreePair;

const std::vector<RulePair> crypto3_program_pairs = {
    // A mode set in a plain block `{ … }` runs whenever the statements around it do: it hides the
    // initialiser (ValueOrigins::hiding_store), in the flawed and in the fixed version.
    {"mode set in a plain block",
     R"~(#include <openssl/ssl.h>
void open_session(SSL_CTX *ctx)
{
    int mode = SSL_VERIFY_PEER;
    {
        mode = SSL_VERIFY_NONE;
    }
    SSL_CTX_set_verify(ctx, mode, NULL);
}
)~",
     R"~(#include <openssl/ssl.h>
void open_session(SSL_CTX *ctx)
{
    int mode = SSL_VERIFY_NONE;
    {
        mode = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    }
    SSL_CTX_set_verify(ctx, mode, NULL);
}
)~"},
    {"curl host ternary",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, bool verify)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST,
                     verify ? 2L
                            : 0L);
}
)~",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, bool verify)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST,
                     verify ? 2L
                            : 1L);
}
)~",
     "src/module.cpp"},
    {"curl macro ternary",
     R"~(#include <curl/curl.h>
#define VERIFY_OFF 0L
#define VERIFY_ON 1L
CURLcode fetch(CURL *c, const char *url, int lab_mode)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c,
                     CURLOPT_SSL_VERIFYPEER,
                     lab_mode ? VERIFY_OFF : VERIFY_ON);
    return curl_easy_perform(c);
}
)~",
     R"~(#include <curl/curl.h>
#define VERIFY_ON 1L
CURLcode fetch(CURL *c, const char *url, int lab_mode)
{
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c,
                     CURLOPT_SSL_VERIFYPEER,
                     VERIFY_ON);
    curl_easy_setopt(c, CURLOPT_CAINFO, lab_mode ? "/etc/pump/lab-ca.pem" : "/etc/pump/ca.pem");
    return curl_easy_perform(c);
}
)~",
     "src/module.c"},
    {"curl ternary",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, int insecure)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, insecure ? 0L : 1L);
    curl_easy_perform(c);
}
)~",
     R"~(#include <curl/curl.h>
void fetch(CURL *c, int strict)
{
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, strict ? 1L : 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_perform(c);
}
)~",
     "src/module.c"},
};

TEST(ProgramPairs, PeerVerification) { expect_pairs("CRYPTO-3", crypto3_program_pairs); }

// The verification mode defined in a header of the tree that the program includes with quotes.
const char* const openssl_client = R"~(#include "tls_config.h"
#include <openssl/ssl.h>
SSL_CTX *make_context(void)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_verify(ctx, PUMP_VERIFY_MODE, NULL);
    return ctx;
}
)~";

const char* const mbedtls_client = R"~(#include "config/net.h"
#include <mbedtls/ssl.h>
int configure(mbedtls_ssl_config *conf)
{
    mbedtls_ssl_conf_authmode(conf,
                              NET_TLS_AUTHMODE);
    return 0;
}
)~";

const std::vector<TreePair> header_mode_pairs = {
    {"OpenSSL mode macro in an included header",
     {{"include/tls_config.h", "#pragma once\n#define PUMP_VERIFY_MODE SSL_VERIFY_NONE\n", {}}, {"src/client.c", openssl_client, {}}},
     {{"include/tls_config.h", "#pragma once\n#define PUMP_VERIFY_MODE (SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT)\n", {}},
      {"src/client.c", openssl_client, {}}}},
    {"mbedTLS optional mode in a header under a directory",
     {{"src/config/net.h", "#ifndef NET_H\n#define NET_H\n#define NET_TLS_AUTHMODE MBEDTLS_SSL_VERIFY_OPTIONAL\n#endif\n", {}},
      {"src/net.c", mbedtls_client, {}}},
     {{"src/config/net.h", "#ifndef NET_H\n#define NET_H\n#define NET_TLS_AUTHMODE MBEDTLS_SSL_VERIFY_REQUIRED\n#endif\n", {}},
      {"src/net.c", mbedtls_client, {}}}},
    {"mbedTLS none as a parenthesised macro",
     {{"src/config/net.h", "#define NET_TLS_AUTHMODE (MBEDTLS_SSL_VERIFY_NONE)\n", {}}, {"src/net.c", mbedtls_client, {}}},
     {{"src/config/net.h", "#define NET_TLS_AUTHMODE (MBEDTLS_SSL_VERIFY_REQUIRED)\n", {}}, {"src/net.c", mbedtls_client, {}}}},
    {"a numeric verify mode in a header",
     {{"include/tls_config.h", "#define PUMP_VERIFY_MODE 0\n", {}}, {"src/client.c", openssl_client, {}}},
     {{"include/tls_config.h", "#define PUMP_VERIFY_MODE 1\n", {}}, {"src/client.c", openssl_client, {}}}},
    {"a header of the same macro that the program does not include",
     {{"include/tls_config.h", "#define PUMP_VERIFY_MODE SSL_VERIFY_NONE\n", {}}, {"src/client.c", openssl_client, {}}},
     {{"include/tls_config.h", "#define PUMP_VERIFY_MODE SSL_VERIFY_PEER\n", {}},
      {"tools/bench_config.h", "#define PUMP_VERIFY_MODE SSL_VERIFY_NONE\n", {}}, {"src/client.c", openssl_client, {}}}},
    {"wolfSSL mode macro in a C++ header",
     {{"net/tls.hpp", "#pragma once\n#define DEVICE_VERIFY WOLFSSL_VERIFY_NONE\n", {}},
      {"net/session.cpp", "#include \"tls.hpp\"\n#include <wolfssl/ssl.h>\nvoid Session::init(WOLFSSL_CTX *ctx) {\n"
                          "    wolfSSL_CTX_set_verify(ctx, DEVICE_VERIFY, nullptr);\n}\n", {}}},
     {{"net/tls.hpp", "#pragma once\n#define DEVICE_VERIFY WOLFSSL_VERIFY_PEER\n", {}},
      {"net/session.cpp", "#include \"tls.hpp\"\n#include <wolfssl/ssl.h>\nvoid Session::init(WOLFSSL_CTX *ctx) {\n"
                          "    wolfSSL_CTX_set_verify(ctx, DEVICE_VERIFY, nullptr);\n}\n", {}}}},
    {"optional mode from a header with the result checked",
     {{"src/config/net.h", "#define NET_TLS_AUTHMODE MBEDTLS_SSL_VERIFY_OPTIONAL\n", {}}, {"src/net.c", mbedtls_client, {}}},
     {{"src/config/net.h", "#define NET_TLS_AUTHMODE MBEDTLS_SSL_VERIFY_OPTIONAL\n", {}},
      {"src/net.c", std::string(mbedtls_client) +
                        "int after_handshake(mbedtls_ssl_context *ssl)\n{\n"
                        "    return mbedtls_ssl_get_verify_result(ssl) == 0 ? 0 : -1;\n}\n", {}}}},
};

TEST(ProgramPairs, PeerVerificationModeInHeader) { expect_tree_pairs("CRYPTO-3", header_mode_pairs); }

}  // namespace
}  // namespace mdbc::source
