// LOG-2 recall on device firmware: the shapes a connected device's own code rejects a PIN, a
// session token or an update image in — a BLE command handler, an update handler verifying with
// mbedTLS, PSA, wolfSSL or tinycrypt, a lockout counter, a constant-time compare, C++ methods, a
// rejection returned through a `goto fail` cleanup block, a bool checker and its caller — written
// from those libraries' documented APIs. Each bad twin rejects or changes without a log; its good
// twin logs, directly, in the cleanup block it jumps to, in the caller that tests it, or through
// the project's own log wrapper (a function or macro that forwards its format to the log).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

// The project's own log function: it takes a format and hands it to the system log.
const std::string project_log = R"~(#include <stdarg.h>
#include <syslog.h>
void event_write(int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsyslog(LOG_AUTHPRIV | level, fmt, ap);
    va_end(ap);
}
)~";

const std::vector<RulePair> firmware_rejection_pairs = {
    {"a PIN checked in a BLE GATT write handler",
     R"~(#include <zephyr/bluetooth/gatt.h>
static uint8_t service_pin[6];
static ssize_t write_unlock(struct bt_conn *conn, const struct bt_gatt_attr *attr, const void *buf,
                            uint16_t len, uint16_t offset, uint8_t flags)
{
    if (len != sizeof(service_pin) || memcmp(buf, service_pin, sizeof(service_pin)) != 0)
        return BT_GATT_ERR(BT_ATT_ERR_AUTHORIZATION);
    unlock_service_mode();
    return len;
}
)~",
     R"~(#include <zephyr/bluetooth/gatt.h>
#include <zephyr/logging/log.h>
LOG_MODULE_REGISTER(unlock);
static uint8_t service_pin[6];
static ssize_t write_unlock(struct bt_conn *conn, const struct bt_gatt_attr *attr, const void *buf,
                            uint16_t len, uint16_t offset, uint8_t flags)
{
    if (len != sizeof(service_pin) || memcmp(buf, service_pin, sizeof(service_pin)) != 0) {
        LOG_WRN("service unlock refused: wrong PIN");
        return BT_GATT_ERR(BT_ATT_ERR_AUTHORIZATION);
    }
    unlock_service_mode();
    return len;
}
)~"},
    {"an update handler refusing an image whose mbedTLS signature fails, through goto cleanup",
     R"~(#include <mbedtls/pk.h>
int ota_finish(struct ota_ctx *ctx)
{
    int ret;
    uint8_t hash[32];
    mbedtls_sha256_finish(&ctx->sha, hash);
    ret = mbedtls_pk_verify(&ctx->pubkey, MBEDTLS_MD_SHA256, hash, sizeof hash, ctx->sig, ctx->sig_len);
    if (ret != 0) {
        ret = OTA_ERR_BAD_SIGNATURE;
        goto cleanup;
    }
    ret = ota_mark_pending(ctx);
cleanup:
    mbedtls_pk_free(&ctx->pubkey);
    return ret;
}
)~",
     R"~(#include <mbedtls/pk.h>
int ota_finish(struct ota_ctx *ctx)
{
    int ret;
    uint8_t hash[32];
    mbedtls_sha256_finish(&ctx->sha, hash);
    ret = mbedtls_pk_verify(&ctx->pubkey, MBEDTLS_MD_SHA256, hash, sizeof hash, ctx->sig, ctx->sig_len);
    if (ret != 0) {
        ESP_LOGE(TAG, "update image signature rejected (-0x%04x)", -ret);
        ret = OTA_ERR_BAD_SIGNATURE;
        goto cleanup;
    }
    ret = ota_mark_pending(ctx);
cleanup:
    mbedtls_pk_free(&ctx->pubkey);
    return ret;
}
)~"},
    {"a PSA signature check of an update image",
     R"~(#include <psa/crypto.h>
int fw_update_verify(psa_key_id_t key, const uint8_t *digest, const uint8_t *sig, size_t sig_len)
{
    psa_status_t status = psa_verify_hash(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), digest, 32, sig, sig_len);
    if (status != PSA_SUCCESS)
        return -EBADMSG;
    return 0;
}
)~",
     R"~(#include <psa/crypto.h>
int fw_update_verify(psa_key_id_t key, const uint8_t *digest, const uint8_t *sig, size_t sig_len)
{
    psa_status_t status = psa_verify_hash(key, PSA_ALG_ECDSA(PSA_ALG_SHA_256), digest, 32, sig, sig_len);
    if (status != PSA_SUCCESS) {
        LOG_ERR("update image refused: signature status %d", (int)status);
        return -EBADMSG;
    }
    return 0;
}
)~"},
    {"a wolfSSL ECC verification whose result comes back in an out-parameter",
     R"~(#include <wolfssl/wolfcrypt/ecc.h>
int image_check(const byte *sig, word32 sig_len, const byte *hash, ecc_key *key)
{
    int verified = 0;
    int ret = wc_ecc_verify_hash(sig, sig_len, hash, 32, &verified, key);
    if (ret != 0 || verified != 1)
        return SIG_VERIFY_E;
    return 0;
}
)~",
     R"~(#include <wolfssl/wolfcrypt/ecc.h>
int image_check(const byte *sig, word32 sig_len, const byte *hash, ecc_key *key)
{
    int verified = 0;
    int ret = wc_ecc_verify_hash(sig, sig_len, hash, 32, &verified, key);
    if (ret != 0 || verified != 1) {
        syslog(LOG_ERR, "firmware image signature invalid");
        return SIG_VERIFY_E;
    }
    return 0;
}
)~"},
    {"a tinycrypt uECC_verify that returns 0 on a bad signature",
     R"~(#include <tinycrypt/ecc_dsa.h>
bool boot_image_ok(const uint8_t *pub, const uint8_t *digest, const uint8_t *sig)
{
    if (!uECC_verify(pub, digest, 32, sig, uECC_secp256r1()))
        return false;
    return true;
}
)~",
     R"~(#include <tinycrypt/ecc_dsa.h>
bool boot_image_ok(const uint8_t *pub, const uint8_t *digest, const uint8_t *sig)
{
    if (!uECC_verify(pub, digest, 32, sig, uECC_secp256r1())) {
        printk("boot: image signature invalid\n");
        return false;
    }
    return true;
}
)~"},
    {"an update whose version is older than the running one refused",
     R"~(struct fw_header { uint32_t magic; uint32_t fw_version; uint32_t size; };
int update_accept(const struct fw_header *hdr)
{
    if (!image_signature_valid(hdr))
        return -EBADMSG;
    if (hdr->fw_version < running_fw_version())
        return -EPERM;
    return 0;
}
)~",
     R"~(struct fw_header { uint32_t magic; uint32_t fw_version; uint32_t size; };
int update_accept(const struct fw_header *hdr)
{
    if (!image_signature_valid(hdr)) {
        LOG_ERR("update refused: bad signature");
        return -EBADMSG;
    }
    if (hdr->fw_version < running_fw_version()) {
        LOG_ERR("update refused: downgrade from %u", running_fw_version());
        return -EPERM;
    }
    return 0;
}
)~"},
    {"a PIN lockout counter that locks the keypad",
     R"~(static uint8_t pin_failures;
static bool keypad_locked;
int keypad_verify_pin(const char *entered)
{
    if (keypad_locked)
        return -EACCES;
    if (strcmp(entered, stored_pin) != 0) {
        LOG_WRN("wrong PIN");
        if (++pin_failures >= 3)
            keypad_locked = true;
        return -EACCES;
    }
    pin_failures = 0;
    return 0;
}
)~",
     R"~(static uint8_t pin_failures;
static bool keypad_locked;
int keypad_verify_pin(const char *entered)
{
    if (keypad_locked) {
        LOG_WRN("PIN entry refused: keypad locked");
        return -EACCES;
    }
    if (strcmp(entered, stored_pin) != 0) {
        LOG_WRN("wrong PIN");
        if (++pin_failures >= 3) {
            keypad_locked = true;
            LOG_ERR("keypad locked after %u wrong PINs", pin_failures);
        }
        return -EACCES;
    }
    pin_failures = 0;
    return 0;
}
)~"},
    {"a session token compared with CRYPTO_memcmp",
     R"~(#include <openssl/crypto.h>
int api_authorize(const struct http_req *req)
{
    if (req->token_len != TOKEN_LEN || CRYPTO_memcmp(req->session_token, current_session_token, TOKEN_LEN) != 0)
        return HTTP_UNAUTHORIZED;
    return 0;
}
)~",
     R"~(#include <openssl/crypto.h>
int api_authorize(const struct http_req *req)
{
    if (req->token_len != TOKEN_LEN || CRYPTO_memcmp(req->session_token, current_session_token, TOKEN_LEN) != 0) {
        syslog(LOG_AUTHPRIV | LOG_WARNING, "API request from %s refused: bad session token", req->peer);
        return HTTP_UNAUTHORIZED;
    }
    return 0;
}
)~"},
    {"a session token compared with timingsafe_bcmp",
     R"~(int ctrl_session_check(const uint8_t *token)
{
    if (timingsafe_bcmp(token, session_token, sizeof session_token))
        return -EPERM;
    return 0;
}
)~",
     R"~(int ctrl_session_check(const uint8_t *token)
{
    if (timingsafe_bcmp(token, session_token, sizeof session_token)) {
        warnx("control session refused: token mismatch");
        return -EPERM;
    }
    return 0;
}
)~"},
    {"a C++ method that checks a PIN",
     R"~(#include <string>
class ServiceMenu {
public:
    bool unlock(const std::string &pin);
private:
    std::string servicePin_;
    bool unlocked_ = false;
};
bool ServiceMenu::unlock(const std::string &pin)
{
    if (pin != servicePin_)
        return false;
    unlocked_ = true;
    return true;
}
)~",
     R"~(#include <string>
#include <syslog.h>
class ServiceMenu {
public:
    bool unlock(const std::string &pin);
private:
    std::string servicePin_;
    bool unlocked_ = false;
};
bool ServiceMenu::unlock(const std::string &pin)
{
    if (pin != servicePin_) {
        syslog(LOG_WARNING, "service menu: wrong PIN");
        return false;
    }
    unlocked_ = true;
    return true;
}
)~",
     "src/service_menu.cpp"},
    {"a C++ updater method throwing on an image whose hash differs",
     R"~(#include <array>
#include <cstdint>
#include <stdexcept>
void Updater::apply(const Image &image)
{
    const std::array<uint8_t, 32> digest = sha256(image.payload());
    if (digest != image.manifestDigest())
        throw std::runtime_error("image digest mismatch");
    flash(image);
}
)~",
     R"~(#include <array>
#include <cstdint>
#include <stdexcept>
void Updater::apply(const Image &image)
{
    const std::array<uint8_t, 32> digest = sha256(image.payload());
    if (digest != image.manifestDigest()) {
        logger_.error("update {} rejected: digest mismatch", image.version());
        throw std::runtime_error("image digest mismatch");
    }
    flash(image);
}
)~",
     "src/updater.cpp"},
    {"a rejection returned through a goto fail block that logs",
     R"~(int dfu_manifest(struct dfu *d)
{
    int err = 0;
    if (!verify_image_signature(d->image, d->len, d->sig)) {
        err = -EBADMSG;
        goto fail;
    }
    return activate_image(d);
fail:
    dfu_abort(d);
    return err;
}
)~",
     R"~(int dfu_manifest(struct dfu *d)
{
    int err = 0;
    if (!verify_image_signature(d->image, d->len, d->sig)) {
        err = -EBADMSG;
        goto fail;
    }
    return activate_image(d);
fail:
    LOG_ERR("DFU image rejected (%d)", err);
    dfu_abort(d);
    return err;
}
)~"},
    {"a bool PIN checker whose caller logs, against one whose caller does not",
     R"~(static bool pin_ok(const char *pin)
{
    if (strcmp(pin, config_pin) != 0)
        return false;
    return true;
}
int cmd_unlock(const char *pin)
{
    if (!pin_ok(pin))
        return -EACCES;
    return door_open();
}
)~",
     R"~(static bool pin_ok(const char *pin)
{
    if (strcmp(pin, config_pin) != 0)
        return false;
    return true;
}
int cmd_unlock(const char *pin)
{
    if (!pin_ok(pin)) {
        LOG_WRN("door unlock refused: wrong PIN");
        return -EACCES;
    }
    return door_open();
}
)~"},
    {"a refusal logged through the project's variadic log function",
     project_log + R"~(int check_admin_token(const char *token)
{
    if (strcmp(token, admin_token) != 0)
        return -EACCES;
    return 0;
}
)~",
     project_log + R"~(int check_admin_token(const char *token)
{
    if (strcmp(token, admin_token) != 0) {
        event_write(LOG_WARNING, "admin token refused");
        return -EACCES;
    }
    return 0;
}
)~"},
    {"a refusal logged through a macro over the project's log function",
     project_log + R"~(#define NOTIFY(fmt, ...) event_write(LOG_WARNING, fmt, ##__VA_ARGS__)
int check_password(const char *pw)
{
    if (strcmp(pw, admin_password) != 0)
        return -EACCES;
    return 0;
}
)~",
     project_log + R"~(#define NOTIFY(fmt, ...) event_write(LOG_WARNING, fmt, ##__VA_ARGS__)
int check_password(const char *pw)
{
    if (strcmp(pw, admin_password) != 0) {
        NOTIFY("admin password refused");
        return -EACCES;
    }
    return 0;
}
)~"},
    {"an embedded web server refusing a bad Basic credential",
     R"~(static int httpd_check_auth(struct httpd_conn *c)
{
    if (c->authorization == NULL || strcmp(c->authorization, expected_basic_credential) != 0)
        return 401;
    return 0;
}
)~",
     R"~(static int httpd_check_auth(struct httpd_conn *c)
{
    if (c->authorization == NULL || strcmp(c->authorization, expected_basic_credential) != 0) {
        syslog(LOG_AUTHPRIV | LOG_NOTICE, "web login refused from %s", c->peer);
        return 401;
    }
    return 0;
}
)~"},
    {"a BLE passkey replaced without a log",
     R"~(static uint32_t ble_passkey;
void ble_set_passkey(uint32_t passkey)
{
    ble_passkey = passkey;
    settings_save_one("ble/passkey", &ble_passkey, sizeof ble_passkey);
}
)~",
     R"~(static uint32_t ble_passkey;
void ble_set_passkey(uint32_t passkey)
{
    ble_passkey = passkey;
    settings_save_one("ble/passkey", &ble_passkey, sizeof ble_passkey);
    LOG_INF("BLE passkey changed");
}
)~"},
    {"secure boot turned off by a factory command",
     R"~(void factory_disable_secure_boot(void)
{
    nvm_write_u32(NVM_SECURE_BOOT, 0);
}
)~",
     R"~(void factory_disable_secure_boot(void)
{
    nvm_write_u32(NVM_SECURE_BOOT, 0);
    audit_record(AUDIT_SECURE_BOOT_DISABLED);
}
)~"},
};

TEST(FirmwarePairs, SecurityEventsLogged) { expect_pairs("LOG-2", firmware_rejection_pairs); }

}  // namespace
}  // namespace mdbc::source
