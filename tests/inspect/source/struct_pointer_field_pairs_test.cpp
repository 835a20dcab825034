// A setting kept in a field of a struct that is handed to a helper (`apply(ctx, &cfg)`, where
// apply reads `c->verify`): CRYPTO-3 and CRYPTO-1 take the field's value from every caller's
// variable (its initialiser's element and its field assignments, all agreeing, and all callers
// agreeing). The helper's call is the one place the variable may leave its function; any other
// (a loader given its address, a second helper) leaves the field unknown.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

std::string openssl_apply(std::string_view setup_body) {
  return "#include <openssl/ssl.h>\n"
         "struct tls_cfg { int verify; const char *ca_file; };\n"
         "static void apply(SSL_CTX *ctx, const struct tls_cfg *c)\n{\n"
         "    SSL_CTX_load_verify_locations(ctx, c->ca_file, NULL);\n"
         "    SSL_CTX_set_verify(ctx, c->verify, NULL);\n}\n"
         "void setup(SSL_CTX *ctx)\n{\n" +
         std::string(setup_body) + "}\n";
}

// A pair whose twins differ only in the value written at each '@' in `text`.
RulePair twin(std::string name, std::string_view text, std::string_view bad, std::string_view good,
              std::string path = "src/module.c") {
  const auto with = [&](std::string_view value) {
    std::string out;
    for (const char c : text) {
      if (c == '@') out.append(value);
      else out.push_back(c);
    }
    return out;
  };
  return {std::move(name), with(bad), with(good), std::move(path)};
}

const std::vector<RulePair> peer_verification_pointer_pairs = {
    {"OpenSSL mode by place in the initialiser of a struct passed by address",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_PEER, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n")},
    {"OpenSSL mode designated, the other field set too",
     openssl_apply("    struct tls_cfg cfg = { .ca_file = \"/etc/pump/ca.pem\", .verify = SSL_VERIFY_NONE };\n"
                   "    apply(ctx, &cfg);\n"),
     openssl_apply("    struct tls_cfg cfg = { .ca_file = \"/etc/pump/ca.pem\", .verify = SSL_VERIFY_PEER };\n"
                   "    apply(ctx, &cfg);\n")},
    {"OpenSSL mode assigned to the field before the call, beside another field",
     openssl_apply("    struct tls_cfg cfg;\n    cfg.ca_file = \"/etc/pump/ca.pem\";\n    cfg.verify = SSL_VERIFY_NONE;\n"
                   "    apply(ctx, &cfg);\n"),
     openssl_apply("    struct tls_cfg cfg;\n    cfg.ca_file = \"/etc/pump/ca.pem\";\n"
                   "    cfg.verify = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;\n    apply(ctx, &cfg);\n")},
    twin("mbedTLS authmode through a typedef'd struct and a pointer parameter, file-scope variable",
         R"~(#include <mbedtls/ssl.h>
typedef struct {
    int authmode;
    int transport;
} link_params_t;
static link_params_t uplink = { @, MBEDTLS_SSL_TRANSPORT_STREAM };
static int link_configure(mbedtls_ssl_config *conf, const link_params_t *params)
{
    mbedtls_ssl_conf_authmode(conf, params->authmode);
    return params->transport;
}
int uplink_start(mbedtls_ssl_config *conf)
{
    return link_configure(conf, &uplink);
}
)~",
         "MBEDTLS_SSL_VERIFY_NONE", "MBEDTLS_SSL_VERIFY_REQUIRED"),
    twin("libcurl peer check through two callers that agree",
         R"~(#include <curl/curl.h>
struct fetch_opts { long peer; long timeout; };
static CURLcode fetch_with(CURL *curl, struct fetch_opts *o)
{
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, o->timeout);
    curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, o->peer);
    return curl_easy_perform(curl);
}
CURLcode fetch_log(CURL *curl)
{
    struct fetch_opts o = { @, 10L };
    return fetch_with(curl, &o);
}
CURLcode fetch_update(CURL *curl)
{
    struct fetch_opts o = { .timeout = 60L, .peer = @ };
    return fetch_with(curl, &o);
}
)~",
         "0L", "1L"),
    twin("wolfSSL mode in a struct passed by value, C++ reference parameter",
         R"~(#include <wolfssl/ssl.h>
struct TlsPolicy { int verify; int version; };
static void apply_policy(WOLFSSL_CTX *ctx, const TlsPolicy &policy)
{
    wolfSSL_CTX_set_verify(ctx, policy.verify, nullptr);
}
void start(WOLFSSL_CTX *ctx)
{
    TlsPolicy policy = { @, 3 };
    apply_policy(ctx, policy);
}
)~",
         "WOLFSSL_VERIFY_NONE", "WOLFSSL_VERIFY_PEER", "src/policy.cpp"),
    twin("OpenSSL mode handed on through a second helper's pointer parameter",
         R"~(#include <openssl/ssl.h>
struct tls_cfg { int verify; int depth; };
static void set_mode(SSL_CTX *ctx, const struct tls_cfg *c)
{
    SSL_CTX_set_verify(ctx, c->verify, NULL);
}
static void configure(SSL_CTX *ctx, const struct tls_cfg *c)
{
    SSL_CTX_set_verify_depth(ctx, c->depth);
    set_mode(ctx, c);
}
void setup(SSL_CTX *ctx)
{
    struct tls_cfg cfg = { @, 4 };
    configure(ctx, &cfg);
}
)~",
         "SSL_VERIFY_NONE", "SSL_VERIFY_PEER"),
};

const std::vector<RulePair> key_size_pointer_pairs = {
    twin("OpenSSL RSA bits in a struct passed by address",
         R"~(#include <openssl/rsa.h>
#include <openssl/bn.h>
struct key_spec { int bits; unsigned long exponent; };
static RSA *make_key(const struct key_spec *spec)
{
    RSA *rsa = RSA_new();
    BIGNUM *e = BN_new();
    BN_set_word(e, spec->exponent);
    RSA_generate_key_ex(rsa, spec->bits, e, NULL);
    BN_free(e);
    return rsa;
}
RSA *device_identity(void)
{
    struct key_spec spec = { .bits = @, .exponent = RSA_F4 };
    return make_key(&spec);
}
)~",
         "1024", "3072"),
};

// The bad twin settles SSL_VERIFY_NONE through the helper's pointer; the good twin keeps that
// value but lets the field change or come from elsewhere, so nothing is reported.
const std::vector<RulePair> unsettled_pointer_pairs = {
    {"a loader is given the struct's address too",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     "void load_tls_cfg(struct tls_cfg *out);\n" +
         openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    load_tls_cfg(&cfg);\n"
                       "    apply(ctx, &cfg);\n")},
    {"two callers that disagree",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n") +
         "void setup_strict(SSL_CTX *ctx)\n{\n    struct tls_cfg strict = { SSL_VERIFY_PEER, \"/etc/pump/ca.pem\" };\n"
         "    apply(ctx, &strict);\n}\n"},
    {"the helper changes the field before using it",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     R"~(#include <openssl/ssl.h>
struct tls_cfg { int verify; const char *ca_file; };
static void apply(SSL_CTX *ctx, struct tls_cfg *c, int strict)
{
    if (strict)
        c->verify = SSL_VERIFY_PEER;
    SSL_CTX_set_verify(ctx, c->verify, NULL);
}
void setup(SSL_CTX *ctx, int strict)
{
    struct tls_cfg cfg = { SSL_VERIFY_NONE, "/etc/pump/ca.pem" };
    apply(ctx, &cfg, strict);
}
)~"},
    {"the helper hands the pointer to a function the file does not define",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     R"~(#include <openssl/ssl.h>
struct tls_cfg { int verify; const char *ca_file; };
void override_from_nvram(struct tls_cfg *c);
static void apply(SSL_CTX *ctx, struct tls_cfg *c)
{
    override_from_nvram(c);
    SSL_CTX_set_verify(ctx, c->verify, NULL);
}
void setup(SSL_CTX *ctx)
{
    struct tls_cfg cfg = { SSL_VERIFY_NONE, "/etc/pump/ca.pem" };
    apply(ctx, &cfg);
}
)~"},
    {"the helper is also taken as a function pointer",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n") +
         "void (*tls_apply_hook)(SSL_CTX *, const struct tls_cfg *) = apply;\n"},
    {"a union, whose members share storage",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     R"~(#include <openssl/ssl.h>
union tls_cfg { int verify; int raw; };
static void apply(SSL_CTX *ctx, const union tls_cfg *c)
{
    SSL_CTX_set_verify(ctx, c->verify, NULL);
}
void setup(SSL_CTX *ctx, int raw)
{
    union tls_cfg cfg = { SSL_VERIFY_NONE };
    cfg.raw = raw;
    apply(ctx, &cfg);
}
)~"},
};

TEST(StructPointerFieldPairs, PeerVerification) { expect_pairs("CRYPTO-3", peer_verification_pointer_pairs); }
TEST(StructPointerFieldPairs, KeySizes) { expect_pairs("CRYPTO-1", key_size_pointer_pairs); }
TEST(StructPointerFieldPairs, UnsettledFieldsAreNotReported) { expect_pairs("CRYPTO-3", unsettled_pointer_pairs); }

}  // namespace
}  // namespace mdbc::source
