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
  return "#include <string.h>\n#include <openssl/ssl.h>\n"
         "struct tls_cfg { int verify; const char *ca_file; };\n"
         "static void apply(SSL_CTX *ctx, const struct tls_cfg *c)\n{\n"
         "    SSL_CTX_load_verify_locations(ctx, c->ca_file, NULL);\n"
         "    SSL_CTX_set_verify(ctx, c->verify, NULL);\n}\n"
         "void setup(SSL_CTX *ctx)\n{\n" +
         std::string(setup_body) + "}\n";
}

// An RSA key made by a helper from the struct `spec` that `spec_body` declares and fills.
std::string rsa_key_spec(std::string_view spec_body) {
  return "#include <string.h>\n#include <openssl/rsa.h>\n#include <openssl/bn.h>\n"
         "struct key_spec { int bits; unsigned long exponent; };\n"
         "static RSA *make_key(const struct key_spec *spec)\n{\n    RSA *rsa = RSA_new();\n    BIGNUM *e = BN_new();\n"
         "    BN_set_word(e, spec->exponent);\n    RSA_generate_key_ex(rsa, spec->bits, e, NULL);\n    BN_free(e);\n"
         "    return rsa;\n}\nRSA *device_identity(void)\n{\n" +
         std::string(spec_body) + "    return make_key(&spec);\n}\n";
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
         rsa_key_spec("    struct key_spec spec = { .bits = @, .exponent = RSA_F4 };\n"), "1024", "3072"),
};

// A struct variable cleared whole first (memset of its size to 0, or `= {0}`): a store of 0 to
// every field, which a later store of a field in the function's own block hides when nothing
// reads the variable in between.
const std::vector<RulePair> cleared_struct_peer_pairs = {
    twin("OpenSSL mode stored after a memset of the whole struct",
         openssl_apply("    struct tls_cfg cfg;\n    memset(&cfg, 0, sizeof(cfg));\n"
                       "    cfg.ca_file = \"/etc/pump/ca.pem\";\n    cfg.verify = @;\n    apply(ctx, &cfg);\n"),
         "SSL_VERIFY_NONE", "SSL_VERIFY_PEER"),
    twin("OpenSSL mode stored after a zero initialiser",
         openssl_apply("    struct tls_cfg cfg = {0};\n    cfg.verify = @;\n    cfg.ca_file = \"/etc/pump/ca.pem\";\n"
                       "    apply(ctx, &cfg);\n"),
         "SSL_VERIFY_NONE", "SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT"),
    twin("wolfSSL mode stored after a memset of the struct's type size, C++",
         R"~(#include <cstring>
#include <wolfssl/ssl.h>
struct TlsPolicy { int verify; int version; };
static void apply_policy(WOLFSSL_CTX *ctx, const TlsPolicy *policy)
{
    wolfSSL_CTX_set_verify(ctx, policy->verify, nullptr);
}
void start(WOLFSSL_CTX *ctx)
{
    TlsPolicy policy;
    std::memset(&policy, 0, sizeof(TlsPolicy));
    policy.version = 3;
    policy.verify = @;
    apply_policy(ctx, &policy);
}
)~",
         "WOLFSSL_VERIFY_NONE", "WOLFSSL_VERIFY_PEER", "src/policy.cpp"),
};

const std::vector<RulePair> cleared_struct_key_size_pairs = {
    twin("OpenSSL RSA bits stored after a memset of the whole struct",
         rsa_key_spec("    struct key_spec spec;\n    memset(&spec, 0, sizeof spec);\n    spec.exponent = RSA_F4;\n"
                      "    spec.bits = @;\n"),
         "1024", "3072"),
};

const std::vector<RulePair> cleared_struct_seed_pairs = {
    twin("srand given a seed field stored after a memset of the whole struct",
         R"~(#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
struct sim_cfg { unsigned seed; int rounds; };
static void start(const struct sim_cfg *c)
{
    srand(c->seed);
    printf("%d\n", rand() % c->rounds);
}
void run(void)
{
    struct sim_cfg cfg;
    unsigned fresh = 0;
    if (getrandom(&fresh, sizeof(fresh), 0) != (ssize_t)sizeof(fresh))
        abort();
    memset(&cfg, 0, sizeof(cfg));
    cfg.rounds = 6;
    cfg.seed = @;
    start(&cfg);
}
)~",
         "1234u", "fresh"),
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
    {"the mode is stored in a branch after the clear and a first store",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     "int strict_mode(void);\n" +
         openssl_apply("    struct tls_cfg cfg;\n    memset(&cfg, 0, sizeof(cfg));\n    cfg.verify = SSL_VERIFY_NONE;\n"
                       "    if (strict_mode())\n        cfg.verify = SSL_VERIFY_PEER;\n    apply(ctx, &cfg);\n")},
    {"the field is read before a later store, which hides nothing",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     R"~(#include <stdio.h>
#include <string.h>
#include <openssl/ssl.h>
struct tls_cfg { int verify; const char *ca_file; };
void setup(SSL_CTX *ctx)
{
    struct tls_cfg cfg;
    memset(&cfg, 0, sizeof(cfg));
    cfg.verify = SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
    SSL_CTX_set_verify(ctx, cfg.verify, NULL);
    cfg.verify = SSL_VERIFY_NONE;
    printf("next mode %d\n", cfg.verify);
}
)~"},
    {"a clear of only the first bytes of the struct",
     openssl_apply("    struct tls_cfg cfg = { SSL_VERIFY_NONE, \"/etc/pump/ca.pem\" };\n    apply(ctx, &cfg);\n"),
     "void load_tls_cfg(struct tls_cfg *out);\n" +
         openssl_apply("    struct tls_cfg cfg;\n    load_tls_cfg(&cfg);\n    memset(&cfg, 0, 2);\n"
                       "    cfg.ca_file = \"/etc/pump/ca.pem\";\n    apply(ctx, &cfg);\n")},
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
TEST(StructPointerFieldPairs, PeerVerificationAfterAClear) { expect_pairs("CRYPTO-3", cleared_struct_peer_pairs); }
TEST(StructPointerFieldPairs, KeySizesAfterAClear) { expect_pairs("CRYPTO-1", cleared_struct_key_size_pairs); }
TEST(StructPointerFieldPairs, SeedsAfterAClear) { expect_pairs("RNG-2", cleared_struct_seed_pairs); }
TEST(StructPointerFieldPairs, UnsettledFieldsAreNotReported) { expect_pairs("CRYPTO-3", unsettled_pointer_pairs); }

}  // namespace
}  // namespace mdbc::source
