#include "inspect/source/name_shapes.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "inspect/source/crypto_apis.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

TEST(NameShapes, ANameConcernsTheOwnersOfTheShapesItHas) {
  NameShapes s;
  s.add_prefix("EVP_", 0b0001);
  s.add_prefix("X", 0b0010);  // one byte: every name beginning with it, and the name itself
  s.add_suffix("_proto_version", 0b0100);
  s.add_suffix("q", 0b0100);
  s.add_part("key", 0b1000);
  s.add_part("pw", 0b1000);
  s.finish();
  EXPECT_EQ(s.owners_of("EVP_md5"), 0b0001u);
  EXPECT_EQ(s.owners_of("EV"), 0u);
  EXPECT_EQ(s.owners_of("my_EVP_md5"), 0u);  // a prefix begins the name
  EXPECT_EQ(s.owners_of("X"), 0b0010u);
  EXPECT_EQ(s.owners_of("X509"), 0b0010u);
  EXPECT_EQ(s.owners_of("tls_proto_version"), 0b0100u);
  EXPECT_EQ(s.owners_of("proto_version_x"), 0u);
  EXPECT_EQ(s.owners_of("q"), 0b0100u);
  EXPECT_EQ(s.owners_of("faq"), 0b0100u);
  // Parts anywhere, in any case; not across a byte that differs.
  EXPECT_EQ(s.owners_of("masterKey"), 0b1000u);
  EXPECT_EQ(s.owners_of("AES_KEY_LEN"), 0b1000u);
  EXPECT_EQ(s.owners_of("monkey"), 0b1000u);
  EXPECT_EQ(s.owners_of("PWR_CTRL"), 0b1000u);
  EXPECT_EQ(s.owners_of("K_E_Y"), 0u);
  EXPECT_EQ(s.owners_of("ke"), 0u);
  EXPECT_EQ(s.owners_of("XkEy_proto_version"), 0b1110u);
  EXPECT_EQ(s.owners_of(""), 0u);
  EXPECT_EQ(s.owners_of("GC_CAC_WEIGHT_CU_0__WEIGHT_CU_SIMD0__SHIFT"), 0u);
}

TEST(NameShapes, AnOwnerOfAnyNameIsAlwaysConcerned) {
  NameShapes s;
  s.add_any(0b10);
  s.add_part("key", 0b01);
  s.finish();
  EXPECT_EQ(s.owners_of("plain"), 0b10u);
  EXPECT_EQ(s.owners_of("aes_key"), 0b11u);
}

TEST(NameShapes, BadShapesAreRejected) {
  NameShapes s;
  EXPECT_THROW(s.add_prefix("", 1), std::logic_error);
  EXPECT_THROW(s.add_suffix("", 1), std::logic_error);
  EXPECT_THROW(s.add_part("k", 1), std::logic_error);
  EXPECT_THROW(s.add_part("Key", 1), std::logic_error);
}

// The names the source rules look for, and names built like them: every rule that says what the
// names it reacts to look like must have said so of each one it reacts to (a name left out would
// silently lose its findings).
std::vector<std::string> names_rules_look_for() {
  std::vector<std::string> names{
      "RSA_KEY_BITS", "rsaKeySize", "DH_MODULUS_LEN", "DEVICE_KEY_BITS", "DSA_BITS", "kRsaModulusLength", "KEY_NBITS",
      "TLS_VERIFY_MODE", "PEER_VERIFY", "SSL_VERIFY_LEVEL", "PUMP_VERIFY_MODE", "CERT_VERIFY_AUTHMODE",
      "SSL_CTX_set_verify", "wolfSSL_CTX_set_verify", "X509_STORE_set_verify_cb", "my_verify_callback",
      "SSL_set_verify_result", "SSL_VERIFY_NONE", "MBEDTLS_SSL_VERIFY_OPTIONAL", "mbedtls_ssl_conf_authmode",
      "mbedtls_x509_crt_verify_with_profile", "verify_none", "VerifyNone", "TLS_PEER_VERIFY", "skip_common_name",
      "skip_cert_common_name_check", "curl_easy_setopt",
      "srand", "srandom", "srand48", "seed48", "initstate", "lcong48", "RAND_seed", "RAND_add", "tc_hmac_prng_init",
      "ctr_drbg_seed", "mbedtls_ctr_drbg_seed", "mbedtls_hmac_drbg_seed_buf", "mbedtls_entropy_add_source",
      "MBEDTLS_TEST_NULL_ENTROPY", "mt19937", "mt19937_64", "minstd_rand", "default_random_engine",
      "password", "adminPassword", "ADMIN_PASSWORD", "api_key", "masterKey", "wifi_psk", "pin_code", "otp_secret",
      "auth_token", "private_key", "user_creds", "pwd", "passwd", "login", "userLogin", "check_password",
      "is_pin_valid", "verifyPasscode", "authenticate", "SignIn", "unlock_device", "authorize_user",
      "CryptAcquireContext", "CryptGenKey", "DH_generate_key", "DSA_generate_parameters_ex", "X509_sign",
      "OSSL_PARAM_construct_utf8_string", "MBEDTLS_TLS_RSA_WITH_RC4_128_MD5", "MBEDTLS_CIPHER_AES_128_ECB",
      "BCRYPT_AES_ECB_ALG_HANDLE", "EVP_aes_128_ecb", "WOLFSSL_TLSV1", "SSL_CTX_set_min_proto_version",
      "crypto_alloc_skcipher", "CURLOPT_SSL_CIPHER_LIST", "CURLOPT_PROXY_SSL_CIPHER_LIST", "HMAC_Init_ex",
      "gnutls_x509_privkey_generate", "EC_KEY_new", "ECDSA_sign", "SHA1", "MD5", "DES_ecb_encrypt",
      "EVP_des_ede3_cbc", "mbedtls_md5_starts", "wc_InitMd5", "wc_Md5Update", "MBEDTLS_CIPHER_DES_EDE3_CBC",
      "BCRYPT_3DES_ALGORITHM", "main", "buffer", "GC_CAC_WEIGHT_CU_0__WEIGHT_CU_SIMD0__SHIFT", "mmGRBM_STATUS",
      "x", "key", "KEY", "dh", "seed", "verify", "EVP_", "SSL_", "tc_"};
  for (std::string_view p : weak_name_prefixes()) {
    names.emplace_back(p);
    names.push_back(std::string(p) + "x");
    names.push_back(std::string(p) + "_ECB");
  }
  for (std::string_view p : crypto_api_prefixes()) names.push_back(std::string(p) + "anything");
  return names;
}

TEST(NameShapes, EverySourceRuleReactsOnlyToNamesOfTheShapesItGives) {
  size_t shaped = 0;
  for (const auto& rule : source_rules()) {
    const auto reacting = rule->reacting_names();
    if (!rule->gated_by_names() || !reacting) continue;
    ++shaped;
    NameShapes s;
    for (std::string_view p : reacting->prefixes) s.add_prefix(p, 1);
    for (std::string_view p : reacting->suffixes) s.add_suffix(p, 1);
    for (std::string_view p : reacting->parts) s.add_part(p, 1);
    s.finish();
    size_t reacted = 0;
    for (const std::string& name : names_rules_look_for()) {
      if (!rule->reacts_to(name)) continue;
      ++reacted;
      EXPECT_EQ(s.owners_of(name), 1u) << rule->family().name << " reacts to " << name << " outside its shapes";
    }
    EXPECT_GE(reacted, 5u) << rule->family().name;  // the list holds names each rule reacts to
  }
  EXPECT_GE(shaped, 4u);
}

}  // namespace
}  // namespace mdbc::source
