// A setting kept in a field of a struct variable and passed from there (`opts.verify`): CRYPTO-3
// and CRYPTO-1 take the field's value when the file settles it — the field's element of the
// variable's initialiser (designated or by place in a struct the file defines) and assignments to
// the field, all agreeing. The fixed twins settle a safe value; the "unsettled" suite keeps the
// flawed value but lets the field change where the file does not say (address taken, a method
// called, a conditional second value...), which must not be reported as that value.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> peer_verification_field_pairs = {
    {"OpenSSL mode in a file-scope const struct, designated",
     R"~(#include <openssl/ssl.h>
struct tls_settings { int verify_mode; const char *ca_file; };
static const struct tls_settings pump_tls = { .ca_file = "/etc/pump/ca.pem", .verify_mode = SSL_VERIFY_NONE };
void configure(SSL_CTX *ctx)
{
    SSL_CTX_set_verify(ctx, pump_tls.verify_mode, NULL);
}
)~",
     R"~(#include <openssl/ssl.h>
struct tls_settings { int verify_mode; const char *ca_file; };
static const struct tls_settings pump_tls = { .ca_file = "/etc/pump/ca.pem", .verify_mode = SSL_VERIFY_PEER };
void configure(SSL_CTX *ctx)
{
    SSL_CTX_set_verify(ctx, pump_tls.verify_mode, NULL);
}
)~"},
    {"mbedTLS authmode in a struct from a header, designated",
     R"~(#include <mbedtls/ssl.h>
#include "link_config.h"
static struct link_config uplink = {
    .port = 4433,
    .authmode = MBEDTLS_SSL_VERIFY_NONE,
};
int uplink_setup(mbedtls_ssl_config *conf)
{
    mbedtls_ssl_conf_authmode(conf,
                              uplink.authmode);
    return uplink.port;
}
)~",
     R"~(#include <mbedtls/ssl.h>
#include "link_config.h"
static struct link_config uplink = {
    .port = 4433,
    .authmode = MBEDTLS_SSL_VERIFY_REQUIRED,
};
int uplink_setup(mbedtls_ssl_config *conf)
{
    mbedtls_ssl_conf_authmode(conf,
                              uplink.authmode);
    return uplink.port;
}
)~"},
    {"libcurl peer check assigned to a local struct's field",
     R"~(#include <curl/curl.h>
struct fetch_options { long check_peer; long timeout; };
CURLcode fetch(CURL *curl)
{
    struct fetch_options o;
    o.timeout = 30L;
    o.check_peer = 0L;
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, o.timeout);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, o.check_peer);
    return curl_easy_perform(curl);
}
)~",
     R"~(#include <curl/curl.h>
struct fetch_options { long check_peer; long timeout; };
CURLcode fetch(CURL *curl)
{
    struct fetch_options o;
    o.timeout = 30L;
    o.check_peer = 1L;
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, o.timeout);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, o.check_peer);
    return curl_easy_perform(curl);
}
)~"},
    {"libcurl host check by place in a typedef'd struct with a bit-field and a pointer",
     R"~(#include <curl/curl.h>
typedef struct {
    const char *url;
    unsigned retries : 4, verbose : 1;
    long host_check;
} transfer_t;
CURLcode send_report(CURL *curl)
{
    transfer_t t = { "https://hub.example/report", 3, 0, 0L };
    curl_easy_setopt(curl, CURLOPT_URL, t.url);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, t.host_check);
    return curl_easy_perform(curl);
}
)~",
     R"~(#include <curl/curl.h>
typedef struct {
    const char *url;
    unsigned retries : 4, verbose : 1;
    long host_check;
} transfer_t;
CURLcode send_report(CURL *curl)
{
    transfer_t t = { "https://hub.example/report", 3, 0, 2L };
    curl_easy_setopt(curl, CURLOPT_URL, t.url);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, t.host_check);
    return curl_easy_perform(curl);
}
)~"},
    {"wolfSSL mode by place after a designated field, C++ braces",
     R"~(#include <wolfssl/ssl.h>
struct PeerPolicy
{
    int depth;
    int mode;
};
void apply(WOLFSSL_CTX *ctx)
{
    PeerPolicy policy{.depth = 4, WOLFSSL_VERIFY_NONE};
    wolfSSL_CTX_set_verify(ctx, policy.mode, nullptr);
    wolfSSL_CTX_set_verify_depth(ctx, policy.depth);
}
)~",
     R"~(#include <wolfssl/ssl.h>
struct PeerPolicy
{
    int depth;
    int mode;
};
void apply(WOLFSSL_CTX *ctx)
{
    PeerPolicy policy{.depth = 4, WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT};
    wolfSSL_CTX_set_verify(ctx, policy.mode, nullptr);
    wolfSSL_CTX_set_verify_depth(ctx, policy.depth);
}
)~",
     "src/module.cpp"},
    {"a field left out of a designated list is zero",
     R"~(#include <curl/curl.h>
struct tls_knobs { long verify_peer; long verify_host; };
static const struct tls_knobs knobs = { .verify_host = 2L };
void harden(CURL *curl)
{
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, knobs.verify_peer);
}
)~",
     R"~(#include <curl/curl.h>
struct tls_knobs { long verify_peer; long verify_host; };
static const struct tls_knobs knobs = { .verify_peer = 1L, .verify_host = 2L };
void harden(CURL *curl)
{
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, knobs.verify_peer);
}
)~"},
};

const std::vector<RulePair> key_size_field_pairs = {
    {"OpenSSL RSA bits in a designated initialiser",
     R"~(#include <openssl/rsa.h>
#include <openssl/bn.h>
struct keygen_params { int bits; unsigned long exponent; };
int make_key(RSA *rsa, BIGNUM *e)
{
    const struct keygen_params params = { .bits = 1024, .exponent = RSA_F4 };
    BN_set_word(e, params.exponent);
    return RSA_generate_key_ex(rsa, params.bits, e, NULL);
}
)~",
     R"~(#include <openssl/rsa.h>
#include <openssl/bn.h>
struct keygen_params { int bits; unsigned long exponent; };
int make_key(RSA *rsa, BIGNUM *e)
{
    const struct keygen_params params = { .bits = 3072, .exponent = RSA_F4 };
    BN_set_word(e, params.exponent);
    return RSA_generate_key_ex(rsa, params.bits, e, NULL);
}
)~"},
    {"mbedTLS RSA bits assigned to a field",
     R"~(#include <mbedtls/rsa.h>
#include <mbedtls/ctr_drbg.h>
struct device_identity { unsigned int key_bits; int exponent; };
int provision(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *drbg)
{
    struct device_identity id;
    id.exponent = 65537;
    id.key_bits = 1024;
    return mbedtls_rsa_gen_key(rsa, mbedtls_ctr_drbg_random, drbg, id.key_bits, id.exponent);
}
)~",
     R"~(#include <mbedtls/rsa.h>
#include <mbedtls/ctr_drbg.h>
struct device_identity { unsigned int key_bits; int exponent; };
int provision(mbedtls_rsa_context *rsa, mbedtls_ctr_drbg_context *drbg)
{
    struct device_identity id;
    id.exponent = 65537;
    id.key_bits = 3072;
    return mbedtls_rsa_gen_key(rsa, mbedtls_ctr_drbg_random, drbg, id.key_bits, id.exponent);
}
)~"},
};

// The bad twin settles VERIFYPEER 0 through the field; the good twin is the same with the field
// left unsettled, so its value is unknown and nothing is reported.
const std::vector<RulePair> unsettled_field_pairs = {
    {"the struct's address is given to a loader",
     "#include <curl/curl.h>\nstruct opts { long peer; };\nvoid load_opts(struct opts *o);\n"
     "void f(CURL *c)\n{\n    struct opts o;\n    o.peer = 0L;\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct opts { long peer; };\nvoid load_opts(struct opts *o);\n"
     "void f(CURL *c)\n{\n    struct opts o;\n    o.peer = 0L;\n    load_opts(&o);\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n"},
    {"the field's address is taken",
     "#include <curl/curl.h>\nstruct opts { long peer; };\nvoid read_long(long *v);\n"
     "void f(CURL *c)\n{\n    struct opts o = { 0L };\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct opts { long peer; };\nvoid read_long(long *v);\n"
     "void f(CURL *c)\n{\n    struct opts o = { 0L };\n    read_long(&o.peer);\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n"},
    {"a second value set on a condition",
     "#include <curl/curl.h>\nstruct opts { long peer; };\n"
     "void f(CURL *c, int strict)\n{\n    struct opts o = { 0L };\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct opts { long peer; };\n"
     "void f(CURL *c, int strict)\n{\n    struct opts o = { 0L };\n    if (strict)\n        o.peer = 1L;\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n"},
    {"the field is incremented",
     "#include <curl/curl.h>\nstruct opts { long peer; };\n"
     "void f(CURL *c)\n{\n    struct opts o = { 0L };\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct opts { long peer; };\n"
     "void f(CURL *c)\n{\n    struct opts o = { 0L };\n    o.peer++;\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n"},
    {"the object is copied over whole",
     "#include <curl/curl.h>\nstruct opts { long peer; };\nextern struct opts site_opts;\n"
     "void f(CURL *c)\n{\n    struct opts o = { 0L };\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct opts { long peer; };\nextern struct opts site_opts;\n"
     "void f(CURL *c)\n{\n    struct opts o = { 0L };\n    o = site_opts;\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n"},
    {"a method is called on the object",
     "#include <curl/curl.h>\nstruct Opts { long peer; void load(); };\n"
     "void f(CURL *c)\n{\n    Opts o;\n    o.peer = 0L;\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct Opts { long peer; void load(); };\n"
     "void f(CURL *c)\n{\n    Opts o;\n    o.peer = 0L;\n    o.load();\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "src/module.cpp"},
    {"an array field before it fills the next fields without braces",
     "#include <curl/curl.h>\nstruct opts { long pad[2]; long peer; };\n"
     "void f(CURL *c)\n{\n    struct opts o = { { 1, 1 }, 0L };\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct opts { long pad[2]; long peer; };\n"
     "void f(CURL *c)\n{\n    struct opts o = { 0, 1, 1 };\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n"},
    {"a default member initialiser sets the field left out",
     "#include <curl/curl.h>\nstruct Opts { long peer; long host; };\n"
     "void f(CURL *c)\n{\n    Opts o{.host = 2L};\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "#include <curl/curl.h>\nstruct Opts { long peer = 1L; long host; };\n"
     "void f(CURL *c)\n{\n    Opts o{.host = 2L};\n"
     "    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, o.peer);\n}\n",
     "src/module.cpp"},
};

TEST(StructFieldPairs, PeerVerification) { expect_pairs("CRYPTO-3", peer_verification_field_pairs); }
TEST(StructFieldPairs, KeySizes) { expect_pairs("CRYPTO-1", key_size_field_pairs); }
TEST(StructFieldPairs, UnsettledFieldsAreNotReported) { expect_pairs("CRYPTO-3", unsettled_field_pairs); }

}  // namespace
}  // namespace mdbc::source
