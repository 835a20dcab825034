#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::test {
namespace {

const std::vector<RulePair>& crypto3_pairs() {
  static const std::vector<RulePair> pairs = {
      {"OpenSSL SSL_VERIFY_NONE",
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL); }\n",
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL); }\n"},
      {"OpenSSL per connection",
       "void cfg(SSL *ssl) {\n  SSL_set_verify(ssl,\n                 SSL_VERIFY_NONE,\n                 NULL);\n}\n",
       "void cfg(SSL *ssl) {\n  SSL_set_verify(ssl,\n                 SSL_VERIFY_PEER,\n                 NULL);\n}\n"},
      {"OpenSSL mode 0", "void cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, 0, NULL); }\n",
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL); }\n"},
      {"OpenSSL mode through a macro",
       "#define PEER_CHECK SSL_VERIFY_NONE\nvoid cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, PEER_CHECK, NULL); }\n",
       "#define PEER_CHECK SSL_VERIFY_PEER\nvoid cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, PEER_CHECK, NULL); }\n"},
      {"OpenSSL mode through a constant",
       "void cfg(SSL_CTX *ctx) {\n  const int mode = SSL_VERIFY_NONE;\n  SSL_CTX_set_verify(ctx, mode, NULL);\n}\n",
       "void cfg(SSL_CTX *ctx) {\n  const int mode = SSL_VERIFY_PEER;\n  SSL_CTX_set_verify(ctx, mode, NULL);\n}\n"},
      {"callback that always returns 1",
       "static int accept_all(int ok, X509_STORE_CTX *store) {\n  (void)ok;\n  (void)store;\n  return 1;\n}\n"
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, accept_all); }\n",
       "static int log_verify(int ok, X509_STORE_CTX *store) {\n  if (!ok) log_error(X509_STORE_CTX_get_error(store));\n"
       "  return ok;\n}\nvoid cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, log_verify); }\n"},
      {"callback that forces X509_V_OK",
       "static int verify_cb(int preverify_ok, X509_STORE_CTX *x) {\n  X509_STORE_CTX_set_error(x, X509_V_OK);\n"
       "  preverify_ok = 1;\n  return preverify_ok;\n}\n"
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verify_cb); }\n",
       "static int verify_cb(int preverify_ok, X509_STORE_CTX *x) {\n  (void)x;\n  return preverify_ok;\n}\n"
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, verify_cb); }\n"},
      {"certificate verification replaced",
       "static int trust_everything(X509_STORE_CTX *x, void *arg) { (void)x; (void)arg; return 1; }\n"
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_cert_verify_callback(ctx, trust_everything, NULL); }\n",
       "static int checked(X509_STORE_CTX *x, void *arg) { (void)arg; return X509_verify_cert(x); }\n"
       "void cfg(SSL_CTX *ctx) { SSL_CTX_set_cert_verify_callback(ctx, checked, NULL); }\n"},
      {"mbedTLS VERIFY_NONE",
       "void tls(mbedtls_ssl_config *conf) { mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_NONE); }\n",
       "void tls(mbedtls_ssl_config *conf) { mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_REQUIRED); }\n"},
      {"mbedTLS VERIFY_OPTIONAL without a check",
       "int tls(mbedtls_ssl_config *conf, mbedtls_ssl_context *ssl) {\n"
       "  mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_OPTIONAL);\n  return mbedtls_ssl_handshake(ssl);\n}\n",
       "int tls(mbedtls_ssl_config *conf, mbedtls_ssl_context *ssl) {\n"
       "  mbedtls_ssl_conf_authmode(conf, MBEDTLS_SSL_VERIFY_OPTIONAL);\n  int ret = mbedtls_ssl_handshake(ssl);\n"
       "  if (ret == 0 && mbedtls_ssl_get_verify_result(ssl) != 0) return -1;\n  return ret;\n}\n"},
      {"mbedTLS mode through a macro",
       "#define NO_VERIFY MBEDTLS_SSL_VERIFY_NONE\nvoid tls(mbedtls_ssl_config *conf) {\n"
       "  mbedtls_ssl_conf_authmode(conf, NO_VERIFY);\n}\n",
       "#define PEER_MODE MBEDTLS_SSL_VERIFY_REQUIRED\nvoid tls(mbedtls_ssl_config *conf) {\n"
       "  mbedtls_ssl_conf_authmode(conf, PEER_MODE);\n}\n"},
      {"mbedTLS verify callback clearing the flags",
       "static int my_verify(void *d, mbedtls_x509_crt *crt, int depth, uint32_t *flags) {\n"
       "  (void)d; (void)crt; (void)depth;\n  *flags = 0;\n  return 0;\n}\n"
       "void tls(mbedtls_ssl_config *conf) { mbedtls_ssl_conf_verify(conf, my_verify, NULL); }\n",
       "static int my_verify(void *d, mbedtls_x509_crt *crt, int depth, uint32_t *flags) {\n"
       "  (void)d; (void)crt;\n  if (*flags != 0) log_depth(depth);\n  return 0;\n}\n"
       "void tls(mbedtls_ssl_config *conf) { mbedtls_ssl_conf_verify(conf, my_verify, NULL); }\n"},
      {"mbedTLS server handshake mode",
       "void tls(mbedtls_ssl_context *ssl) { mbedtls_ssl_set_hs_authmode(ssl, MBEDTLS_SSL_VERIFY_NONE); }\n",
       "void tls(mbedtls_ssl_context *ssl) { mbedtls_ssl_set_hs_authmode(ssl, MBEDTLS_SSL_VERIFY_REQUIRED); }\n"},
      {"wolfSSL VERIFY_NONE",
       "void cfg(WOLFSSL_CTX *ctx) { wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_NONE, NULL); }\n",
       "void cfg(WOLFSSL_CTX *ctx) { wolfSSL_CTX_set_verify(ctx, WOLFSSL_VERIFY_PEER, NULL); }\n"},
      {"wolfSSL with OpenSSL names",
       "void cfg(WOLFSSL *ssl) { wolfSSL_set_verify(ssl, SSL_VERIFY_NONE, 0); }\n",
       "void cfg(WOLFSSL *ssl) { wolfSSL_set_verify(ssl, SSL_VERIFY_PEER, 0); }\n"},
      {"curl VERIFYPEER 0L",
       "void fetch(CURL *c) {\n  curl_easy_setopt(c, CURLOPT_URL, \"https://example.org\");\n"
       "  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 0L);\n}\n",
       "void fetch(CURL *c) {\n  curl_easy_setopt(c, CURLOPT_URL, \"https://example.org\");\n"
       "  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);\n}\n"},
      {"curl VERIFYHOST 0", "void fetch(CURL *c) { curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0); }\n",
       "void fetch(CURL *c) { curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L); }\n"},
      {"curl through a variable",
       "void fetch(CURL *c) {\n  long verify = 0;\n  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, verify);\n}\n",
       "void fetch(CURL *c) {\n  long verify = 1;\n  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, verify);\n}\n"},
      {"curl FALSE", "void fetch(CURL *c) { curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, FALSE); }\n",
       "void fetch(CURL *c) { curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, TRUE); }\n"},
      {"curl proxy, multi-line",
       "void fetch(CURL *c) {\n  curl_easy_setopt(c,\n                   CURLOPT_PROXY_SSL_VERIFYPEER,\n                   0L);\n}\n",
       "void fetch(CURL *c) {\n  curl_easy_setopt(c,\n                   CURLOPT_PROXY_SSL_VERIFYPEER,\n                   1L);\n}\n"},
      {"C++ lambda accepting everything",
       "void cfg(SSL_CTX *ctx) {\n  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, [](int, X509_STORE_CTX *) { return 1; });\n}\n",
       "void cfg(SSL_CTX *ctx) {\n  SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, [](int ok, X509_STORE_CTX *) { return ok; });\n}\n",
       "src/tls.cpp"},
      {"verification result forced",
       "int connect_tls(SSL *ssl) {\n  int r = SSL_connect(ssl);\n  SSL_set_verify_result(ssl, X509_V_OK);\n  return r;\n}\n",
       "int connect_tls(SSL *ssl) {\n  int r = SSL_connect(ssl);\n"
       "  if (r == 1 && SSL_get_verify_result(ssl) != X509_V_OK) return -1;\n  return r;\n}\n"},
      {"Boost.Asio verify_none",
       "void cfg(boost::asio::ssl::context &ctx) { ctx.set_verify_mode(boost::asio::ssl::verify_none); }\n",
       "void cfg(boost::asio::ssl::context &ctx) { ctx.set_verify_mode(boost::asio::ssl::verify_peer); }\n",
       "src/net.cpp"},
  };
  return pairs;
}

TEST(PeerVerification, PairedCases) { expect_pairs("CRYPTO-3", crypto3_pairs()); }

TEST(PeerVerification, RulesAndMessages) {
  const auto f = only(inspect_snippet("void f(CURL *c) { curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 0L); }\n"), "CRYPTO-3");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "CRYPTO-3/curl-verify-disabled");
  EXPECT_NE(f[0].message.find("VERIFYHOST"), std::string::npos);
  // VERIFYHOST 1 means 2 since curl 7.66: not flagged.
  EXPECT_TRUE(only(inspect_snippet("void f(CURL *c) { curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 1L); }\n"), "CRYPTO-3")
                  .empty());
  const auto v = only(inspect_snippet("#define NO_VERIFY MBEDTLS_SSL_VERIFY_NONE\n"
                                      "void t(mbedtls_ssl_config *c) { mbedtls_ssl_conf_authmode(c, NO_VERIFY); }\n"),
                      "CRYPTO-3");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "CRYPTO-3/verify-disabled");
  EXPECT_NE(v[0].message.find("through NO_VERIFY"), std::string::npos);
}

TEST(PeerVerification, ValuesThatMayVaryAreNotFindings) {
  EXPECT_TRUE(only(inspect_snippet("void f(CURL *c, int insecure) {\n  long v = insecure ? 0L : 1L;\n"
                                   "  curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, v);\n}\n"),
                   "CRYPTO-3")
                  .empty());
  EXPECT_TRUE(only(inspect_snippet("void f(SSL_CTX *ctx, int mode) { SSL_CTX_set_verify(ctx, mode, NULL); }\n"), "CRYPTO-3")
                  .empty());
}

}  // namespace
}  // namespace mdbc::test
