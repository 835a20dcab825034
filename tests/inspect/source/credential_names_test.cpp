#include "inspect/source/credential_names.h"

#include <gtest/gtest.h>

namespace mdbc::source {
namespace {

TEST(CredentialNames, SecretsByWholeWords) {
  EXPECT_EQ(credential_name("aes_key"), CredentialName::key);
  EXPECT_EQ(credential_name("masterKey"), CredentialName::key);
  EXPECT_EQ(credential_name("ADMIN_PASSWORD"), CredentialName::secret);
  EXPECT_EQ(credential_name("clientSecret"), CredentialName::secret);
  EXPECT_EQ(credential_name("wifipassword"), CredentialName::secret);
  EXPECT_EQ(credential_name("aes_key_bytes"), CredentialName::key);
  EXPECT_EQ(credential_name("api_token"), CredentialName::secret);
  EXPECT_EQ(credential_name("token"), CredentialName::token);
  EXPECT_EQ(credential_name("key"), CredentialName::bare_key);
  EXPECT_EQ(credential_name("user_pin"), CredentialName::pin);
  EXPECT_EQ(credential_name("db_pass"), CredentialName::pass);
}

TEST(CredentialNames, NamesAboutSecretsAreNotSecrets) {
  for (const char* name : {"key_len", "keyboard", "password_prompt", "pin_count", "token_type", "MAX_KEY_SIZE",
                           "monkey", "turkey", "public_key", "led_pin", "GPIO_PIN", "config_key", "hash_key",
                           "password_hint", "key_id", "bypass"})
    EXPECT_EQ(credential_name(name), CredentialName::none) << name;
}

TEST(CredentialNames, NamesOfSecretsWhateverTheValue) {
  for (const char* name : {"admin_password", "aesKey", "session_token", "user_pin", "otp", "pw", "private_key",
                           "wifi_secret", "credentials", "psk"})
    EXPECT_TRUE(names_secret(name)) << name;
  for (const char* name : {"key", "token", "key_label", "auth_token_len", "session_key_id", "public_key", "led_pin",
                           "pin_state", "credentials_count", "password_prompt", "psk_identity_len"})
    EXPECT_FALSE(names_secret(name)) << name;
}

TEST(CredentialNames, UnpredictableValues) {
  for (const char* name : {"nonce", "iv", "aes_iv", "salt", "session_id", "challenge", "otp_code", "csrf_token", "seed",
                           "key"})
    EXPECT_TRUE(needs_unpredictable_value(name)) << name;
  for (const char* name : {"delay_ms", "jitter", "retry_backoff", "nonce_len", "iv_size", "index", "color"})
    EXPECT_FALSE(needs_unpredictable_value(name)) << name;
  EXPECT_TRUE(names_iv("gcm_iv"));
  EXPECT_TRUE(names_iv("nonce"));
  EXPECT_FALSE(names_iv("iv_len"));
}

TEST(CredentialNames, TestPaths) {
  EXPECT_TRUE(is_test_path("tests/crypto/aes.c"));
  EXPECT_TRUE(is_test_path("lib/foo/test/vectors.h"));
  EXPECT_TRUE(is_test_path("src/aes_test.c"));
  EXPECT_TRUE(is_test_path("fuzz/parser.c"));
  EXPECT_TRUE(is_test_path("unit/test-crypto.c"));
  EXPECT_TRUE(is_test_path("tools/hci-tester.c"));
  EXPECT_FALSE(is_test_path("src/latest.c"));
  EXPECT_FALSE(is_test_path("src/contest/a.c"));
  EXPECT_FALSE(is_test_path("src/testament.c"));
}

}  // namespace
}  // namespace mdbc::source
