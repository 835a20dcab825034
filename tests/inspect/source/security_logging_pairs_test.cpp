// LOG-1, LOG-2, LOG-3: more paired cases, varied over log facilities (syslog, Zephyr, ESP-IDF,
// nRF, Linux kernel, Android, spdlog, C++ streams, a project's declared API), crypto libraries,
// C and C++ and multi-line code. Every good twin must be silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

// LOG-1 is decided over the tree: the bad twin has no security log at all.
const std::vector<RulePair> log_presence_pairs = {
    {"syslog", "int main(void) {\n  printf(\"pump up\\n\");\n  return 0;\n}\n",
     "int main(void) {\n  openlog(\"pump\", LOG_PID, LOG_AUTHPRIV);\n  syslog(LOG_NOTICE, \"pump up\");\n  return 0;\n}\n"},
    {"Zephyr log module", "#include <zephyr/kernel.h>\nvoid main(void) { printk_buf_flush(); k_sleep(K_MSEC(10)); }\n",
     "#include <zephyr/logging/log.h>\nLOG_MODULE_REGISTER(pump, LOG_LEVEL_INF);\nvoid main(void) { LOG_INF(\"pump up\"); }\n"},
    {"ESP-IDF", "void app_main(void) { ESP_ERROR_CHECK(nvs_flash_init()); }\n",
     "static const char *TAG = \"pump\";\nvoid app_main(void) { ESP_ERROR_CHECK(nvs_flash_init()); ESP_LOGI(TAG, \"up\"); }\n"},
    {"nRF5 SDK", "int main(void) { bsp_board_init(BSP_INIT_LEDS); for (;;) { __WFE(); } }\n",
     "int main(void) { NRF_LOG_DEFAULT_BACKENDS_INIT(); NRF_LOG_INFO(\"pump up\"); for (;;) { __WFE(); } }\n"},
    {"Linux kernel module", "static int __init pump_init(void) { return platform_driver_register(&pump_driver); }\n",
     "static int __init pump_init(void) { pr_info(\"pump: loaded\\n\"); return platform_driver_register(&pump_driver); }\n"},
    {"kernel printk", "int pump_probe(struct device *dev) { return devm_pump_alloc(dev) ? 0 : -ENOMEM; }\n",
     "int pump_probe(struct device *dev) { printk(KERN_INFO \"pump probed\\n\"); return 0; }\n"},
    {"math log is not a log", "double gain(double x) { return log10(x) + log(x) + logf((float)x); }\n",
     "double gain(double x) { syslog(LOG_DEBUG, \"gain\"); return log10(x); }\n"},
    {"console output is not a security log", "void report(int e) { fprintf(stderr, \"error %d\\n\", e); puts(\"x\"); }\n",
     "void report(int e) { vsyslog(LOG_ERR, \"error %d\", ap); }\n"},
    {"Android", "JNIEXPORT void JNICALL Java_Pump_start(JNIEnv *env, jobject o) { start_pump(); }\n",
     "JNIEXPORT void JNICALL Java_Pump_start(JNIEnv *env, jobject o) {\n"
     "  __android_log_print(ANDROID_LOG_INFO, \"pump\", \"start\");\n  start_pump();\n}\n"},
    {"C++ spdlog", "#include <iostream>\nint main() { std::cout << \"up\\n\"; return 0; }\n",
     "#include <spdlog/spdlog.h>\nint main() { spdlog::info(\"pump up\"); return 0; }\n", "src/main.cpp"},
    {"C++ logger object", "class Pump { public: void start() { running_ = true; } bool running_ = false; };\n",
     "class Pump { public: void start() { logger_->info(\"start\"); running_ = true; } Logger *logger_; };\n",
     "src/pump.cpp"},
    {"glog stream", "int main() { std::clog << \"up\"; return 0; }\n", "int main() { LOG(INFO) << \"up\"; return 0; }\n",
     "src/main.cpp"},
    {"audit API by name", "void on_boot(void) { init_rtc(); init_uart(); }\n",
     "void on_boot(void) { init_rtc(); audit_record(EV_BOOT, 0); }\n"},
    {"words that contain log are not logs", "void show(void) { dialog_show(); catalog_add(1); blog_post(); login(); }\n",
     "void show(void) { dialog_show(); security_log_write(EV_UI, 0); }\n"},
    {"Zephyr hexdump", "void dump(const uint8_t *b, size_t n) { for (size_t i = 0; i < n; ++i) putchar(b[i]); }\n",
     "void dump(const uint8_t *b, size_t n) { LOG_HEXDUMP_DBG(b, n, \"frame\"); }\n"},
};

TEST(SecurityLogPresence, Pairs) { expect_pairs("LOG-1", log_presence_pairs); }

TEST(SecurityLogPresence, DeclaredApiPairs) {
  Config config;
  config.log_functions = {"pump_sec_log", "pump_audit"};
  const std::vector<RulePair> pairs = {
      {"declared API called", "void f(void) { syslog(LOG_INFO, \"x\"); }\n", "void f(void) { pump_sec_log(3, \"x\"); }\n"},
      {"declared API defined", "void g(void) { audit_record(1, 2); }\n",
       "void pump_audit(int id) { ring_push(&sec_ring, id); }\n"},
  };
  expect_pairs("LOG-1", pairs, "C-connected", config);
}

const std::vector<RulePair> more_rejection_pairs = {
    {"verification that logs in the condition",
     "static bool image_ok(const uint8_t *img, size_t n) { return ecdsa_p256_check(img, n) == 0; }\n"
     "int fw_install(const uint8_t *img, size_t n) {\n  if (!image_ok(img, n)) return -1;\n  return flash_write(img, n);\n}\n",
     "static bool verify_and_log(const uint8_t *img, size_t n) {\n  const bool good = ecdsa_p256_check(img, n) == 0;\n"
     "  if (!good) LOG_ERR(\"image signature invalid\");\n  return good;\n}\n"
     "int fw_install(const uint8_t *img, size_t n) {\n  if (!verify_and_log(img, n)) return -1;\n  return flash_write(img, n);\n}\n"},
    {"rejection logged by the caller",
     "static int check_pin(const char *pin) { if (strcmp(pin, stored_pin) != 0) return -1; return 0; }\n"
     "int handle_unlock(const char *pin) {\n  if (check_pin(pin) != 0) return -EACCES;\n  unlock_door();\n  return 0;\n}\n",
     "static int check_pin(const char *pin) { if (strcmp(pin, stored_pin) != 0) return -1; return 0; }\n"
     "int handle_unlock(const char *pin) {\n  if (check_pin(pin) != 0) {\n    LOG_WRN(\"unlock: wrong PIN\");\n"
     "    return -EACCES;\n  }\n  unlock_door();\n  return 0;\n}\n"},
    {"rejection logged by the caller through a result variable",
     "static int authenticate(const char *user, const char *pw) {\n"
     "  if (strcmp(crypt(pw, salt_of(user)), hash_of(user)) != 0) return PAM_AUTH_ERR;\n  return 0;\n}\n"
     "int session_open(const char *user, const char *pw) {\n  int rc = authenticate(user, pw);\n  if (rc != 0) return rc;\n"
     "  return start_shell(user);\n}\n",
     "static int authenticate(const char *user, const char *pw) {\n"
     "  if (strcmp(crypt(pw, salt_of(user)), hash_of(user)) != 0) return PAM_AUTH_ERR;\n  return 0;\n}\n"
     "int session_open(const char *user, const char *pw) {\n  int rc = authenticate(user, pw);\n"
     "  if (rc != 0) {\n    syslog(LOG_AUTHPRIV | LOG_NOTICE, \"login failed for %s\", user);\n    return rc;\n  }\n"
     "  return start_shell(user);\n}\n"},
    {"mbedTLS 3 multi-line pk verify",
     "int ota_verify(const uint8_t *hash, const uint8_t *sig, size_t sig_len)\n{\n"
     "    int ret = mbedtls_pk_verify(&ota_pk, MBEDTLS_MD_SHA256,\n                                hash, 32,\n"
     "                                sig, sig_len);\n    if (ret != 0) {\n        return OTA_ERR_SIGNATURE;\n    }\n    return 0;\n}\n",
     "int ota_verify(const uint8_t *hash, const uint8_t *sig, size_t sig_len)\n{\n"
     "    int ret = mbedtls_pk_verify(&ota_pk, MBEDTLS_MD_SHA256,\n                                hash, 32,\n"
     "                                sig, sig_len);\n    if (ret != 0) {\n        LOG_ERR(\"OTA signature rejected: -0x%04x\", -ret);\n"
     "        return OTA_ERR_SIGNATURE;\n    }\n    return 0;\n}\n"},
    {"OpenSSL EVP digest verify",
     "bool manifest_ok(EVP_MD_CTX *ctx, const unsigned char *sig, size_t siglen) {\n"
     "  if (EVP_DigestVerifyFinal(ctx, sig, siglen) != 1) {\n    EVP_MD_CTX_free(ctx);\n    return false;\n  }\n"
     "  EVP_MD_CTX_free(ctx);\n  return true;\n}\n",
     "bool manifest_ok(EVP_MD_CTX *ctx, const unsigned char *sig, size_t siglen) {\n"
     "  if (EVP_DigestVerifyFinal(ctx, sig, siglen) != 1) {\n    syslog(LOG_ERR, \"manifest signature rejected\");\n"
     "    EVP_MD_CTX_free(ctx);\n    return false;\n  }\n  EVP_MD_CTX_free(ctx);\n  return true;\n}\n"},
    {"wolfSSL signature verify",
     "int check_update(const byte *data, word32 len, const byte *sig, word32 sig_len, RsaKey *key) {\n"
     "  int ret = wc_SignatureVerify(WC_HASH_TYPE_SHA256, WC_SIGNATURE_TYPE_RSA_W_ENC, data, len, sig, sig_len, key,\n"
     "                               sizeof(*key));\n  if (ret != 0) return BAD_FUNC_ARG;\n  return 0;\n}\n",
     "int check_update(const byte *data, word32 len, const byte *sig, word32 sig_len, RsaKey *key) {\n"
     "  int ret = wc_SignatureVerify(WC_HASH_TYPE_SHA256, WC_SIGNATURE_TYPE_RSA_W_ENC, data, len, sig, sig_len, key,\n"
     "                               sizeof(*key));\n  if (ret != 0) {\n    audit_event(AUDIT_FW_REJECTED, ret);\n"
     "    return BAD_FUNC_ARG;\n  }\n  return 0;\n}\n"},
    {"C++ member check with spdlog",
     "bool Session::login(const std::string &user, const std::string &pw) {\n"
     "  if (!store_.check_password(user, pw)) return false;\n  user_ = user;\n  return true;\n}\n",
     "bool Session::login(const std::string &user, const std::string &pw) {\n"
     "  if (!store_.check_password(user, pw)) {\n    spdlog::warn(\"login failed for {}\", user);\n    return false;\n  }\n"
     "  user_ = user;\n  return true;\n}\n",
     "src/session.cpp"},
    {"C++ logger object",
     "bool Updater::accept(const Image &img) {\n  if (!verifier_.verify_signature(img)) return false;\n  return stage(img);\n}\n",
     "bool Updater::accept(const Image &img) {\n  if (!verifier_.verify_signature(img)) {\n"
     "    logger_->error(\"image {} rejected\", img.version());\n    return false;\n  }\n  return stage(img);\n}\n",
     "src/updater.cpp"},
    {"C++ throw on a bad signature",
     "void Loader::load(const Blob &b) {\n  if (!crypto::verify(b.data(), b.sig()))\n"
     "    throw std::runtime_error(\"bad signature\");\n  apply(b);\n}\n",
     "void Loader::load(const Blob &b) {\n  if (!crypto::verify(b.data(), b.sig())) {\n"
     "    LOG(ERROR) << \"image rejected: bad signature\";\n    throw std::runtime_error(\"bad signature\");\n  }\n"
     "  apply(b);\n}\n",
     "src/loader.cpp"},
    {"goto out after a MAC mismatch",
     "int frame_open(struct frame *f) {\n  int rc = 0;\n  if (mbedtls_ct_memcmp(f->mac, f->calc_mac, 16) != 0) {\n"
     "    rc = -EBADMSG;\n    goto out;\n  }\n  rc = deliver(f);\nout:\n  frame_free(f);\n  return rc;\n}\n",
     "int frame_open(struct frame *f) {\n  int rc = 0;\n  if (mbedtls_ct_memcmp(f->mac, f->calc_mac, 16) != 0) {\n"
     "    LOG_WRN(\"frame MAC mismatch\");\n    rc = -EBADMSG;\n    goto out;\n  }\n  rc = deliver(f);\nout:\n"
     "  frame_free(f);\n  return rc;\n}\n"},
    {"tinycrypt own compare",
     "int cmd_auth(const uint8_t *tag, const uint8_t *calc) {\n  if (_compare(tag, calc, TC_SHA256_DIGEST_SIZE) != 0)\n"
     "    return TC_CRYPTO_FAIL;\n  return TC_CRYPTO_SUCCESS;\n}\n",
     "int cmd_auth(const uint8_t *tag, const uint8_t *calc) {\n  if (_compare(tag, calc, TC_SHA256_DIGEST_SIZE) != 0) {\n"
     "    printk(\"command tag mismatch\\n\");\n    return TC_CRYPTO_FAIL;\n  }\n  return TC_CRYPTO_SUCCESS;\n}\n"},
    {"MCUboot style image check",
     "int boot_check_image(struct image_header *hdr) {\n  if (bootutil_img_validate(hdr, tmp_buf, BOOT_TMPBUF_SZ) != 0) {\n"
     "    return BOOT_EBADIMAGE;\n  }\n  return 0;\n}\n",
     "int boot_check_image(struct image_header *hdr) {\n  if (bootutil_img_validate(hdr, tmp_buf, BOOT_TMPBUF_SZ) != 0) {\n"
     "    BOOT_LOG_ERR(\"Image in slot is not valid!\");\n    return BOOT_EBADIMAGE;\n  }\n  return 0;\n}\n"},
    {"BLE passkey outcome",
     "int on_pair(struct conn *c) {\n  bool passkey_ok = c->entered == c->expected;\n  if (!passkey_ok) {\n"
     "    return BLE_HS_EAUTHEN;\n  }\n  return 0;\n}\n",
     "int on_pair(struct conn *c) {\n  bool passkey_ok = c->entered == c->expected;\n  if (!passkey_ok) {\n"
     "    NRF_LOG_WARNING(\"pairing: wrong passkey\");\n    return BLE_HS_EAUTHEN;\n  }\n  return 0;\n}\n"},
    {"kernel driver rejects a key",
     "static int pump_set_key(struct pump_dev *pd, const u8 *tag) {\n  if (crypto_memneq(tag, pd->tag, 16))\n"
     "    return -EBADMSG;\n  return 0;\n}\n",
     "static int pump_set_key(struct pump_dev *pd, const u8 *tag) {\n  if (crypto_memneq(tag, pd->tag, 16)) {\n"
     "    dev_warn(pd->dev, \"bad key tag\\n\");\n    return -EBADMSG;\n  }\n  return 0;\n}\n"},
    {"HMAC token check in C++",
     "int Api::handle(const Request &r) {\n  if (!hmac_equal(r.token_mac(), expected_mac_))\n    return HTTP_ERR_FORBIDDEN;\n"
     "  return dispatch(r);\n}\n",
     "int Api::handle(const Request &r) {\n  if (!hmac_equal(r.token_mac(), expected_mac_)) {\n"
     "    audit_->record(\"forbidden\", r.peer());\n    return HTTP_ERR_FORBIDDEN;\n  }\n  return dispatch(r);\n}\n",
     "src/api.cpp"},
    {"change of the trust anchor", "int update_trust_anchor(const uint8_t *der, size_t n) { return nvs_write(TA_SLOT, der, n); }\n",
     "int update_trust_anchor(const uint8_t *der, size_t n) {\n  LOG_INF(\"trust anchor replaced\");\n"
     "  return nvs_write(TA_SLOT, der, n);\n}\n"},
    {"certificate revocation", "void revoke_cert(uint32_t serial) { crl_add(serial); }\n",
     "void revoke_cert(uint32_t serial) { crl_add(serial); syslog(LOG_NOTICE, \"revoked %u\", serial); }\n"},
};

TEST(SecurityEventsLogged, MorePairs) { expect_pairs("LOG-2", more_rejection_pairs); }

// A switch on a verification outcome: each case that gives up with a failure is a rejection; a
// switch on anything else (a parsed command) is not.
const std::vector<RulePair> switch_rejection_pairs = {
    {"switch on a verifying call",
     "int install(const void *img) {\n  switch (verify_image(img)) {\n  case 0:\n    syslog(LOG_INFO, \"installed\");\n"
     "    return 0;\n  default:\n    return -EBADMSG;\n  }\n}\n",
     "int install(const void *img) {\n  switch (verify_image(img)) {\n  case 0:\n    syslog(LOG_INFO, \"installed\");\n"
     "    return 0;\n  default:\n    syslog(LOG_WARNING, \"update rejected\");\n    return -EBADMSG;\n  }\n}\n"},
    {"switch on a variable holding a check's result, labels falling through",
     "int login(const char *pin) {\n  int rc = check_pin(pin);\n  switch (rc) {\n  case PIN_OK:\n    return 0;\n"
     "  case PIN_WRONG:\n  case PIN_LOCKED:\n    return -EACCES;\n  }\n  return -EINVAL;\n}\n",
     "int login(const char *pin) {\n  int rc = check_pin(pin);\n  switch (rc) {\n  case PIN_OK:\n    return 0;\n"
     "  case PIN_WRONG:\n  case PIN_LOCKED:\n    LOG_WRN(\"login refused\");\n    return -EACCES;\n  }\n  return -EINVAL;\n}\n"},
    {"switch on a parsed command is no verification",
     "bool open_session(const char *token) {\n  switch (verify_token(token)) {\n  case TOKEN_VALID:\n    return true;\n"
     "  default:\n    return false;\n  }\n}\n",
     "bool run(const char *line) {\n  switch (parse_command(line)) {\n  case CMD_START:\n    return true;\n"
     "  default:\n    return false;\n  }\n}\n"},
};

TEST(SecurityEventsLogged, SwitchRejectionPairs) { expect_pairs("LOG-2", switch_rejection_pairs); }

TEST(SecurityEventsLogged, DeclaredApiPairs) {
  Config config;
  config.log_functions = {"security_event"};
  const std::vector<RulePair> pairs = {
      {"declared API in the branch",
       "int check_mac(const uint8_t *mac) { if (timingsafe_bcmp(mac, want_mac, 32)) return -EBADMSG; return 0; }\n",
       "int check_mac(const uint8_t *mac) {\n  if (timingsafe_bcmp(mac, want_mac, 32)) {\n"
       "    security_event(EV_BAD_MAC);\n    return -EBADMSG;\n  }\n  return 0;\n}\n"},
      {"only the declared API counts once declared",
       "int check_mac(const uint8_t *mac) {\n  if (timingsafe_bcmp(mac, want_mac, 32)) {\n    syslog(LOG_ERR, \"mac\");\n"
       "    return -EBADMSG;\n  }\n  return 0;\n}\n",
       "int check_mac(const uint8_t *mac) {\n  if (timingsafe_bcmp(mac, want_mac, 32)) {\n"
       "    security_event(EV_BAD_MAC);\n    return -EBADMSG;\n  }\n  return 0;\n}\n"},
  };
  expect_pairs("LOG-2", pairs, "C-connected", config);
}

const std::vector<RulePair> more_secret_log_pairs = {
    {"C++ stream", "void show(const std::string &password) { std::cout << \"password: \" << password << std::endl; }\n",
     "void show(const std::string &password) { std::cout << \"password: \" << password.size() << \" chars\\n\"; }\n",
     "src/ui.cpp"},
    {"c_str of a secret", "void show(const std::string &api_key) { printf(\"%s\\n\", api_key.c_str()); }\n",
     "void show(const std::string &api_key) { printf(\"%zu\\n\", api_key.length()); }\n", "src/ui.cpp"},
    {"spdlog", "void f(const std::string &refresh_token) { spdlog::debug(\"refresh {}\", refresh_token); }\n",
     "void f(const std::string &refresh_token) { spdlog::debug(\"refresh ({} bytes)\", refresh_token.size()); }\n",
     "src/auth.cpp"},
    {"logger object", "void Wifi::join() { logger_.info(\"joining {} with {}\", ssid_, wpa_passphrase_); }\n",
     "void Wifi::join() { logger_.info(\"joining {}\", ssid_); }\n", "src/wifi.cpp"},
    {"glog stream", "void f(const std::string &session_key) { LOG(INFO) << \"key \" << session_key; }\n",
     "void f(const std::string &session_key) { LOG(INFO) << \"key set\"; }\n", "src/s.cpp"},
    {"cerr of a PIN", "void f(const char *user_pin) {\n  std::cerr << \"pin \"\n            << user_pin << '\\n';\n}\n",
     "void f(const char *user_pin) {\n  std::cerr << \"pin entered\"\n            << '\\n';\n}\n", "src/p.cpp"},
    {"ESP-IDF Wi-Fi password",
     "void show(wifi_config_t *wifi_config) { ESP_LOGD(TAG, \"pw: %s\", wifi_config->sta.password); }\n",
     "void show(wifi_config_t *wifi_config) { ESP_LOGD(TAG, \"ssid: %s\", wifi_config->sta.ssid); }\n"},
    {"nRF passkey", "void on_passkey(uint32_t passkey) { NRF_LOG_INFO(\"passkey: %06u\", passkey); }\n",
     "void on_passkey(uint32_t passkey) { NRF_LOG_INFO(\"passkey requested\"); }\n"},
    {"Zephyr hexdump of a PSK", "void dump(void) { LOG_HEXDUMP_INF(tls_psk, sizeof(tls_psk), \"PSK\"); }\n",
     "void dump(void) { LOG_INF(\"PSK loaded (%u bytes)\", (unsigned)sizeof(tls_psk)); }\n"},
    {"syslog user and password",
     "void login(const char *user, const char *passwd) {\n  syslog(LOG_DEBUG,\n         \"login %s/%s\",\n         user,\n"
     "         passwd);\n}\n",
     "void login(const char *user, const char *passwd) {\n  syslog(LOG_DEBUG,\n         \"login %s\",\n         user);\n}\n"},
    {"kernel dev_info key bytes", "static void show(struct pump_dev *pd) { dev_info(pd->dev, \"key %*phN\\n\", 16, pd->aes_key); }\n",
     "static void show(struct pump_dev *pd) { dev_info(pd->dev, \"key slot %u\\n\", pd->aes_key_slot); }\n"},
    {"pr_debug of a session key", "void f(struct ctx *ctx) { pr_debug(\"session %*ph\\n\", 16, ctx->session_key); }\n",
     "void f(struct ctx *ctx) { pr_debug(\"session %u\\n\", ctx->session_id); }\n"},
    {"Android log of a PIN", "void f(const char *pin) { __android_log_print(ANDROID_LOG_DEBUG, \"app\", \"pin %s\", pin); }\n",
     "void f(const char *pin) { __android_log_print(ANDROID_LOG_DEBUG, \"app\", \"pin entered\"); }\n"},
    {"fputs of a secret key", "void f(FILE *logf) { fputs(secret_key, logf); }\n", "void f(FILE *logf) { fputs(key_id_str, logf); }\n"},
    {"MQTT password member", "void f(const struct cfg *cfg) { printf(\"%s:%s\\n\", cfg->mqtt_user, cfg->mqtt_password); }\n",
     "void f(const struct cfg *cfg) { printf(\"%s\\n\", cfg->mqtt_user); }\n"},
    {"JWT", "void f(void) { LOG_DBG(\"token=%s\", jwt_token); }\n", "void f(void) { LOG_DBG(\"token expires %u\", jwt_token_expiry); }\n"},
    {"one-time code", "void f(unsigned otp) { printk(\"otp=%06u\\n\", otp); }\n", "void f(unsigned otp) { printk(\"otp sent\\n\"); }\n"},
    {"short password name", "void f(const char *pw) { warnx(\"bad pw %s\", pw); }\n", "void f(const char *pw) { warnx(\"bad pw\"); }\n"},
};

TEST(SecretsInLogs, MorePairs) { expect_pairs("LOG-3", more_secret_log_pairs); }

TEST(SecretsInLogs, DeclaredApiAndSyslogBothCount) {
  Config config;
  config.log_functions = {"pump_log"};
  const std::vector<RulePair> pairs = {
      {"declared API", "void f(const char *pw) { pump_log(LVL_INFO, \"pw=%s\", pw); }\n",
       "void f(const char *pw) { pump_log(LVL_INFO, \"pw changed\"); }\n"},
      {"syslog is still a log", "void f(void) { syslog(LOG_INFO, \"%s\", admin_password); }\n",
       "void f(void) { syslog(LOG_INFO, \"admin password changed\"); }\n"},
  };
  expect_pairs("LOG-3", pairs, "C-connected", config);
}

// A tree's own hardened memcmp (the kernel's fortify-string.h) logs an overflow before panicking;
// a rejection after `if (memcmp(…))` has still logged nothing, and a string function never counts
// as reaching the log.
TEST(SecurityEventsLogged, AStandardStringFunctionDefinedInTheTreeIsNoLog) {
  const std::string fortify =
      "void fortify_panic(const char *name);\n"
      "#define __FORTIFY_INLINE static inline\n"
      "__FORTIFY_INLINE __diagnose_as(__builtin_memcmp, 1, 2, 3)\n"
      "int memcmp(const void *p, const void *q, unsigned long size)\n"
      "{\n  if (size > 4096)\n    fortify_panic(__func__);\n  return __builtin_memcmp(p, q, size);\n}\n";
  const std::string panic = "void fortify_panic(const char *name) { printk(\"overflow in %s\\n\", name); }\n";
  const auto image = [](std::string_view on_reject) {
    return "#include \"fortify.h\"\n"
           "static int image_probe(const char *image_buf, unsigned long len)\n{\n"
           "  if (memcmp(image_buf, IMAGE_MAGIC, 4)) {\n    " + std::string(on_reject) + "\n    return -EINVAL;\n  }\n"
           "  return 0;\n}\n";
  };
  const std::vector<test::TreePair> pairs = {
      {"fortified memcmp",
       {{"include/fortify.h", fortify, ""}, {"lib/panic.c", panic, ""}, {"kexec/image.c", image(""), ""}},
       {{"include/fortify.h", fortify, ""},
        {"lib/panic.c", panic, ""},
        {"kexec/image.c", image("pr_err(\"image: bad magic\\n\");"), ""}}},
  };
  test::expect_tree_pairs("LOG-2", pairs);
}

}  // namespace
}  // namespace mdbc::source
