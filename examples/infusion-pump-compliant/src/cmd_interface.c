#include "cmd_interface.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "bolus_parser.h"
#include "cmd_frame.h"
#include "crypto.h"
#include "diag.h"
#include "fw_update.h"
#include "hal.h"
#include "pump_control.h"
#include "sec_log.h"
#include "strutil.h"

#define PIN_MIN_LEN 4U
#define PIN_MAX_LEN 8U
#define PASSPHRASE_MAX_LEN 64U
#define LOGIN_MAX_FAILURES 5U
#define LOCKOUT_MS (5U * 60U * 1000U)

enum auth_result { AUTH_OK = 0, AUTH_REJECTED = -1, AUTH_ERROR = -2 };
enum role { ROLE_NONE = 0, ROLE_CLINICIAN, ROLE_SERVICE };

struct link_session {
    enum role role;
    struct session_keys keys;
    uint32_t failures;
    uint32_t locked_since_ms;
};

static struct link_session sessions[HAL_LINK_COUNT];
static struct frame_decoder decoders[HAL_LINK_COUNT];

static void send_payload(enum hal_link link, const uint8_t *payload, size_t len)
{
    uint8_t frame[FRAME_MAX_PAYLOAD + 5U];
    size_t n = frame_encode(payload, len, frame, sizeof frame);
    if (n > 0U) {
        (void)hal_link_write(link, frame, n);
    }
}

static void reply(enum hal_link link, const char *text) { send_payload(link, (const uint8_t *)text, strlen(text)); }

/* Replies that carry patient data travel sealed with the session key. */
static void reply_sealed(enum hal_link link, const struct link_session *s, const char *text)
{
    uint8_t sealed[FRAME_MAX_PAYLOAD];
    size_t len = 0;
    if (crypto_seal(s->keys.key, (const uint8_t *)text, strlen(text), sealed, sizeof sealed, &len) == 0) {
        send_payload(link, sealed, len);
    } else {
        reply(link, "ERR seal");
    }
}

static bool locked_out(const struct link_session *s)
{
    return s->failures >= LOGIN_MAX_FAILURES && hal_millis() - s->locked_since_ms < LOCKOUT_MS;
}

static enum auth_result authenticate(struct link_session *s, enum key_slot verifier, const char *secret, size_t len)
{
    if (locked_out(s)) {
        sec_log_event(SEC_EV_LOGIN_LOCKED_OUT, LOCKOUT_MS / 1000U);
        return AUTH_REJECTED;
    }
    if (!crypto_verifier_matches(verifier, secret, len)) {
        s->role = ROLE_NONE;
        s->failures = s->failures >= LOGIN_MAX_FAILURES ? 1U : s->failures + 1U;
        if (s->failures == LOGIN_MAX_FAILURES) {
            s->locked_since_ms = hal_millis();
        }
        sec_log_event(SEC_EV_LOGIN_REJECTED, s->failures);
        return AUTH_REJECTED;
    }
    if (crypto_new_session(&s->keys) != 0) {
        return AUTH_ERROR;
    }
    s->failures = 0;
    s->role = verifier == KEY_SLOT_SERVICE_VERIFIER ? ROLE_SERVICE : ROLE_CLINICIAN;
    sec_log_event(SEC_EV_LOGIN_OK, (uint32_t)s->role);
    return AUTH_OK;
}

static enum auth_result resume_session(enum hal_link link, struct link_session *s, const uint8_t *token, size_t len)
{
    if (s->role == ROLE_NONE || len != SESSION_TOKEN_LEN || !crypto_equal(token, s->keys.token, SESSION_TOKEN_LEN)) {
        s->role = ROLE_NONE;
        sec_log_event(SEC_EV_SESSION_REJECTED, (uint32_t)link);
        return AUTH_REJECTED;
    }
    return AUTH_OK;
}

static void handle_login(enum hal_link link, struct link_session *s, enum key_slot verifier, const char *secret,
                         size_t len)
{
    char text[4U + 2U * SESSION_TOKEN_LEN];
    bool well_formed = verifier == KEY_SLOT_SERVICE_VERIFIER ? len > 0U && len <= PASSPHRASE_MAX_LEN
                                                             : len >= PIN_MIN_LEN && len <= PIN_MAX_LEN;
    if (!well_formed) {
        sec_log_event(SEC_EV_LOGIN_REJECTED, s->failures);
        reply(link, "ERR auth");
        return;
    }
    if (authenticate(s, verifier, secret, len) != AUTH_OK) {
        reply(link, "ERR auth");
        return;
    }
    if (!str_copy(text, sizeof text, "OK ") || !hex_encode(s->keys.token, sizeof s->keys.token, text + 3, sizeof text - 3U)) {
        reply(link, "ERR internal");
        return;
    }
    reply(link, text);
}

static void handle_clinical(enum hal_link link, const struct link_session *s, const char *text)
{
    struct clinical_cmd cmd;
    struct pump_status st;
    char msg[192];

    if (clinical_parse(text, &cmd) != 0) {
        reply(link, "ERR syntax");
        return;
    }
    enum pump_result rc = PUMP_OK;
    switch (cmd.op) {
    case OP_BOLUS:
        rc = pump_start_bolus(cmd.volume_ul, cmd.duration_s);
        break;
    case OP_RATE:
        rc = pump_set_rate(cmd.volume_ul);
        break;
    case OP_STOP:
        pump_stop();
        break;
    case OP_CLEAR:
        rc = pump_clear_alarms();
        break;
    case OP_STATUS: {
        pump_get_status(&st);
        int n = snprintf(msg, sizeof msg,
                         "STATUS state=%d alarms=%" PRIu32 " rate=%" PRIu32 " bolus_left=%" PRIu32
                         " last_hour=%" PRIu32 " fw_pending=%" PRIu32,
                         (int)st.state, st.alarms, st.rate_ul_per_h, st.bolus_left_ul, st.last_hour_ul,
                         fwup_pending_version());
        if (n > 0 && (size_t)n < sizeof msg) {
            reply_sealed(link, s, msg);
        } else {
            reply(link, "ERR internal");
        }
        return;
    }
    default:
        rc = PUMP_ERR_STATE;
        break;
    }
    reply(link, rc == PUMP_OK ? "OK" : "ERR refused");
}

static void handle_diag(enum hal_link link, const char *request)
{
    char report[FRAME_MAX_PAYLOAD - 8U];
    if (strcmp(request, "factory-reset") == 0) {
        diag_factory_reset();
        return;
    }
    if (diag_run(request, report, sizeof report) != 0) {
        reply(link, "ERR diag");
        return;
    }
    reply(link, report);
}

static void handle_fetch(enum hal_link link, const char *text)
{
    char host[96];
    size_t host_len = strcspn(text, " ");
    const char *path = text + host_len;
    if (host_len == 0U || *path != ' ' || path[1] != '/' || !str_copy_n(host, sizeof host, text, host_len)) {
        reply(link, "ERR syntax");
        return;
    }
    reply(link, fwup_fetch(host, path + 1) == FWUP_OK ? "OK" : "ERR update");
}

static void handle_upload(enum hal_link link, uint8_t op, const uint8_t *body, size_t len, const char *text)
{
    enum fwup_result rc = FWUP_ERR;
    if (op == 'U') {
        uint32_t size = 0;
        const char *end = NULL;
        if (parse_u32(text, (uint32_t)(sizeof(struct fw_header) + FW_MAX_IMAGE), &size, &end) && *end == '\0') {
            rc = fwup_begin(size);
        }
    } else if (op == 'W' && len >= 4U) {
        uint32_t offset = (uint32_t)body[0] << 24 | (uint32_t)body[1] << 16 | (uint32_t)body[2] << 8 | body[3];
        rc = fwup_data(offset, body + 4, len - 4U);
    } else if (op == 'F') {
        rc = fwup_finish();
    }
    reply(link, rc == FWUP_OK ? "OK" : "ERR update");
}

static void dispatch(enum hal_link link, const uint8_t *payload, size_t len)
{
    struct link_session *s = &sessions[link];
    char text[FRAME_MAX_PAYLOAD];
    const uint8_t op = payload[0];
    const uint8_t *body = payload + 1;
    const size_t body_len = len - 1U;

    memcpy(text, body, body_len);
    text[body_len] = '\0';
    if (op == 'A') {
        handle_login(link, s, KEY_SLOT_CLINICIAN_VERIFIER, text, body_len);
    } else if (op == 'S' && link == HAL_LINK_SERIAL) {
        handle_login(link, s, KEY_SLOT_SERVICE_VERIFIER, text, body_len);
    } else if (op == 'R') {
        reply(link, resume_session(link, s, body, body_len) == AUTH_OK ? "OK" : "ERR auth");
    } else if (s->role == ROLE_NONE) {
        reply(link, "ERR auth");
    } else if (op == 'C') {
        handle_clinical(link, s, text);
    } else if (s->role != ROLE_SERVICE || link != HAL_LINK_SERIAL) {
        reply(link, "ERR role");
    } else if (op == 'D') {
        handle_diag(link, text);
    } else if (op == 'G') {
        handle_fetch(link, text);
    } else if (op == 'U' || op == 'W' || op == 'F') {
        handle_upload(link, op, body, body_len, text);
    } else {
        reply(link, "ERR opcode");
    }
    crypto_wipe(text, sizeof text);
}

int cmd_init(void)
{
    for (int i = 0; i < HAL_LINK_COUNT; ++i) {
        frame_decoder_reset(&decoders[i]);
        sessions[i].role = ROLE_NONE;
    }
    return 0;
}

void cmd_poll(void)
{
    uint8_t buf[128];
    for (int l = 0; l < HAL_LINK_COUNT; ++l) {
        long n = hal_link_read((enum hal_link)l, buf, sizeof buf);
        for (long i = 0; i < n; ++i) {
            size_t len = frame_feed(&decoders[l], buf[i]);
            if (len > 0U) {
                dispatch((enum hal_link)l, decoders[l].payload, len);
            }
        }
    }
}
