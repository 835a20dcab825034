// LOG-1, LOG-2, LOG-3: paired bad and good cases. Every good twin must be silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"
#include "support/source_fixture.h"

namespace mdbc::source {
namespace {

using test::inspect_snippet;
using test::inspect_tree;
using test::only;

using test::expect_pairs;
using test::RulePair;

// Good twins call sec_log(), which the LOG rules recognise by name.
const std::vector<RulePair> rejection_pairs = {
    {"strcmp on a PIN", R"(int check_pin(const char *pin) { if (strcmp(pin, stored_pin) != 0) { return -1; } return 0; })",
     R"(int check_pin(const char *pin) { if (strcmp(pin, stored_pin) != 0) { sec_log("bad pin"); return -1; } return 0; })"},
    {"memcmp on an HMAC", R"(bool frame_ok(const uint8_t *hmac) { if (memcmp(hmac, expected, 32)) return false; return true; })",
     R"(bool frame_ok(const uint8_t *hmac) { if (memcmp(hmac, expected, 32)) { sec_log("bad mac"); return false; } return true; })"},
    {"verify result in a variable",
     R"(int accept(void) { int rc = mbedtls_pk_verify(&pk, MBEDTLS_MD_SHA256, h, 32, s, n); if (rc != 0) { return -EACCES; } return 0; })",
     R"(int accept(void) { int rc = mbedtls_pk_verify(&pk, MBEDTLS_MD_SHA256, h, 32, s, n); if (rc != 0) { sec_log("sig"); return -EACCES; } return 0; })"},
    {"rejection in the else branch",
     R"(int login(const char *pw) { if (verify_password(pw)) { grant(); return 0; } else { return ERR_AUTH_FAILED; } })",
     R"(int login(const char *pw) { if (verify_password(pw)) { grant(); return 0; } else { sec_log("denied"); return ERR_AUTH_FAILED; } })"},
    {"negated outcome flag", R"(int run(bool authenticated) { if (!authenticated) return -EPERM; return go(); })",
     R"(int run(bool authenticated) { if (!authenticated) { sec_log("unauth"); return -EPERM; } return go(); })"},
    {"firmware digest mismatch",
     R"(int fw_accept(const uint8_t *digest) { if (memcmp(digest, expected_digest, 32) != 0) return FW_ERR_BAD_IMAGE; return 0; })",
     R"(int fw_accept(const uint8_t *digest) { if (memcmp(digest, expected_digest, 32) != 0) { sec_log("img"); return FW_ERR_BAD_IMAGE; } return 0; })"},
    {"member verify call", R"(bool apply(Image &img) { if (!verifier.verify(img.sig)) return false; return install(img); })",
     R"(bool apply(Image &img) { if (!verifier.verify(img.sig)) { sec_log("rejected"); return false; } return install(img); })"},
    {"denied constant", R"(int cmd(const char *token) { if (!check_token(token)) return AUTH_DENIED; return 0; })",
     R"(int cmd(const char *token) { if (!check_token(token)) { sec_log("token"); return AUTH_DENIED; } return 0; })"},
    {"Zephyr log macro", R"(int open_session(const char *otp) { if (!otp_valid(otp)) { return -EACCES; } return 0; })",
     R"(int open_session(const char *otp) { if (!otp_valid(otp)) { LOG_WRN("otp rejected"); return -EACCES; } return 0; })"},
    {"ESP-IDF log macro", R"(esp_err_t ota_check(void) { if (esp_secure_verify_signature(img) != ESP_OK) return ESP_FAIL; return ESP_OK; })",
     R"(esp_err_t ota_check(void) { if (esp_secure_verify_signature(img) != ESP_OK) { ESP_LOGE(TAG, "bad sig"); return ESP_FAIL; } return ESP_OK; })"},
    {"syslog", R"(int auth_user(const char *pw) { if (strcmp(pw, hashed_password) != 0) return -1; return 0; })",
     R"(int auth_user(const char *pw) { if (strcmp(pw, hashed_password) != 0) { syslog(LOG_AUTH | LOG_WARNING, "failed login"); return -1; } return 0; })"},
    {"set a PIN", R"(int set_admin_pin(const char *pin) { store(pin); return 0; })",
     R"(int set_admin_pin(const char *pin) { store(pin); sec_log("pin changed"); return 0; })"},
    {"change a password", R"(void change_password(user_t *u, const char *pw) { u->hash = hash(pw); })",
     R"(void change_password(user_t *u, const char *pw) { u->hash = hash(pw); audit_record(u, "password"); })"},
    {"factory reset", R"(void factory_reset_keys(void) { erase_keys(); })",
     R"(void factory_reset_keys(void) { erase_keys(); sec_log("keys erased"); })"},
    {"CRYPTO_memcmp on a tag", R"(int open_msg(const uint8_t *tag) { if (CRYPTO_memcmp(tag, calc_tag, 16) != 0) return -EBADMSG; return 0; })",
     R"(int open_msg(const uint8_t *tag) { if (CRYPTO_memcmp(tag, calc_tag, 16) != 0) { sec_log("tag"); return -EBADMSG; } return 0; })"},
};

TEST(SecurityEventsLogged, Pairs) { expect_pairs("LOG-2", rejection_pairs); }

TEST(SecurityEventsLogged, OrdinaryCommandParsingIsNotARejection) {
  EXPECT_TRUE(only(inspect_snippet(R"(int dispatch(const char *cmd) {
    if (strcmp(cmd, "stop") != 0) return -EINVAL;
    if (validate_rate(rate) != 0) return -EINVAL;
    return 0; })"), "LOG-2").empty());
}

TEST(SecurityEventsLogged, LoggingThroughAHelperInAnotherFile) {
  const std::vector<test::SnippetFile> tree = {
      {"src/auth.c", "int check_pin(const char *pin) { if (strcmp(pin, stored_pin)) { report_auth_failure(); return -1; } return 0; }", ""},
      {"src/events.c", "void report_auth_failure(void) { syslog(LOG_WARNING, \"auth failure\"); }", ""},
  };
  EXPECT_TRUE(only(inspect_tree(tree).findings, "LOG-2").empty());
  const std::vector<test::SnippetFile> unlogged = {
      {"src/auth.c", "int check_pin(const char *pin) { if (strcmp(pin, stored_pin)) { report_auth_failure(); return -1; } return 0; }", ""},
      {"src/events.c", "void report_auth_failure(void) { led_blink(); }", ""},
  };
  EXPECT_EQ(only(inspect_tree(unlogged).findings, "LOG-2").size(), 1u);
}

TEST(SecurityEventsLogged, DeclaredLogApi) {
  Config config;
  config.log_functions = {"pump_event"};
  const char* code = "int check_pin(const char *pin) { if (strcmp(pin, stored_pin)) { pump_event(7); return -1; } return 0; }";
  EXPECT_TRUE(only(inspect_tree({{"a.c", code, ""}}, "C-connected", config).findings, "LOG-2").empty());
  EXPECT_FALSE(only(inspect_tree({{"a.c", code, ""}}).findings, "LOG-2").empty());
}

TEST(SecurityLogPresence, RecognisedAndDeclaredFacilities) {
  EXPECT_FALSE(only(inspect_snippet("int main(void) { printf(\"hi\"); return 0; }"), "LOG-1").empty());
  EXPECT_TRUE(only(inspect_snippet("int main(void) { syslog(LOG_INFO, \"up\"); return 0; }"), "LOG-1").empty());
  EXPECT_TRUE(only(inspect_snippet("int main(void) { LOG_INF(\"up\"); return 0; }"), "LOG-1").empty());
  Config config;
  config.log_functions = {"sec_event"};
  EXPECT_FALSE(only(inspect_tree({{"a.c", "int main(void) { return 0; }", ""}}, "C-connected", config).findings, "LOG-1").empty());
  EXPECT_TRUE(only(inspect_tree({{"a.c", "void sec_event(int id) { store(id); }", ""}}, "C-connected", config).findings, "LOG-1").empty());
  // A third-party component's logging is not the device maker's security log.
  EXPECT_FALSE(only(inspect_tree({{"a.c", "int main(void) { return 0; }", ""},
                                  {"lib/x.c", "void f(void) { syslog(LOG_INFO, \"x\"); }", "libx"}}).findings, "LOG-1").empty());
}

const std::vector<RulePair> secret_log_pairs = {
    {"printf a PIN", R"(void f(const char *pin) { printf("pin=%s\n", pin); })", R"(void f(const char *pin) { printf("pin entered (%zu digits)\n", strlen(pin)); })"},
    {"syslog a password", R"(void f(void) { syslog(LOG_INFO, "pw %s", cfg.admin_password); })", R"(void f(void) { syslog(LOG_INFO, "pw changed by %s", cfg.admin_name); })"},
    {"log a key buffer", R"(void f(void) { LOG_HEXDUMP_DBG(session_key, 16, "key"); })", R"(void f(void) { LOG_HEXDUMP_DBG(session_key_id, 4, "key id"); })"},
    {"fprintf a token", R"(void f(void) { fprintf(stderr, "%s", auth_token); })", R"(void f(void) { fprintf(stderr, "%d", auth_token_len); })"},
    {"ESP log a secret", R"(void f(void) { ESP_LOGI(TAG, "secret %s", wifi_secret); })", R"(void f(void) { ESP_LOGI(TAG, "ssid %s", wifi_ssid); })"},
    {"member PIN", R"(void f(user_t *u) { log_info("user %s pin %s", u->name, u->pin); })", R"(void f(user_t *u) { log_info("user %s", u->name); })"},
    {"array element", R"(void f(void) { printf("%02x", aes_key[0]); })", R"(void f(void) { printf("%u", sizeof aes_key); })"},
    {"puts a passphrase", R"(void f(void) { puts(passphrase); })", R"(void f(void) { puts("passphrase accepted"); })"},
    {"cast of a password", R"(void f(void) { printf("%s", (const char *)password); })", R"(void f(void) { printf("%s", (const char *)username); })"},
    {"masked is fine", R"(void f(void) { log_warn("otp %s", otp); })", R"(void f(void) { log_warn("otp %s", mask(otp)); })"},
    {"GPIO pin is not a PIN", R"(void f(void) { printf("%s", user_pin); })", R"(void f(void) { printf("%d", led_pin); })"},
    {"private key", R"(void f(void) { printk("%s", private_key); })", R"(void f(void) { printk("%s", public_key); })"},
    {"credentials", R"(void f(void) { syslog(LOG_DEBUG, "%s", credentials); })", R"(void f(void) { syslog(LOG_DEBUG, "%d", credentials_count); })"},
    {"psk", R"(void f(void) { LOG_DBG("psk %s", psk); })", R"(void f(void) { LOG_DBG("psk id %s", psk_identity_len ? "set" : "unset"); })"},
    {"free log function", R"(void f() { log_debug("%s", master_key); })", R"(void f() { log_debug("%s", key_label); })"},
};

TEST(SecretsInLogs, Pairs) { expect_pairs("LOG-3", secret_log_pairs); }

}  // namespace
}  // namespace mdbc::source

namespace mdbc::source {
namespace {

TEST(SecurityEventsLogged, ConstantsNamingSlotsAreNotOutcomes) {
  EXPECT_TRUE(only(inspect_snippet(R"(static bool load(void) {
    if (keystore_read(KEY_SLOT_FW_VERIFY_PUBKEY, der, sizeof der, &n) != 0) { return false; }
    return true; })"), "LOG-2").empty());
}

}  // namespace
}  // namespace mdbc::source
