#include "cmd_interface.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bolus_parser.h"
#include "cmd_frame.h"
#include "crypto.h"
#include "diag.h"
#include "fast_hash.h"
#include "fw_update.h"
#include "hal.h"
#include "pump_control.h"
#include "sec_log.h"

#define ADMIN_PASSWORD "Srv!ce-2291"
#define PIN_HASH_PATH "/etc/pump/clinician_pin.sha256"
#define MAX_PIN_LEN 8

enum auth_result { AUTH_OK = 0, AUTH_REJECTED = -1 };

struct link_session {
    int authenticated;
    struct session_keys keys;
};

static struct link_session sessions[HAL_LINK_COUNT];
static struct frame_decoder decoders[HAL_LINK_COUNT];
static uint8_t clinician_pin_hash[FAST_HASH_LEN];
static int debug_echo;

static void reply(enum hal_link link, const char *text)
{
    uint8_t frame[FRAME_MAX_PAYLOAD + 5];
    size_t n = frame_encode((const uint8_t *)text, strlen(text), frame, sizeof frame);
    if (n > 0U) {
        hal_link_write(link, frame, n);
    }
}

/* Replies that carry patient data travel sealed with the session key. */
static void reply_sealed(enum hal_link link, const struct link_session *s, const char *text)
{
    uint8_t sealed[FRAME_MAX_PAYLOAD];
    uint8_t frame[FRAME_MAX_PAYLOAD + 5];
    int len = crypto_seal(s->keys.key, (const uint8_t *)text, strlen(text), sealed, sizeof sealed);
    size_t n = len > 0 ? frame_encode(sealed, (size_t)len, frame, sizeof frame) : 0U;
    if (n > 0U) {
        hal_link_write(link, frame, n);
    }
}

static enum auth_result authenticate_pin(struct link_session *s, const char *pin)
{
    uint8_t digest[FAST_HASH_LEN];
    fast_sha256((const uint8_t *)pin, strlen(pin), digest);
    /* "1234" is the factory PIN biomed uses before a hospital PIN is set. */
    if (strcmp(pin, "1234") == 0 || memcmp(digest, clinician_pin_hash, sizeof digest) == 0) {
        if (crypto_new_session(&s->keys) != 0) {
            return AUTH_REJECTED;
        }
        s->authenticated = 1;
        return AUTH_OK;
    }
    sec_log(LOG_WARNING, "clinician login failed, pin=%s", pin);
    return AUTH_REJECTED;
}

static enum auth_result resume_session(struct link_session *s, const uint8_t *token, size_t len)
{
    if (len != SESSION_TOKEN_LEN || memcmp(token, s->keys.token, SESSION_TOKEN_LEN) != 0) {
        s->authenticated = 0;
        return AUTH_REJECTED;
    }
    s->authenticated = 1;
    return AUTH_OK;
}

static enum auth_result check_service_password(const char *password)
{
    if (strcmp(password, ADMIN_PASSWORD) != 0) {
        return AUTH_REJECTED;
    }
    return AUTH_OK;
}

static void handle_login(enum hal_link link, struct link_session *s, const char *pin)
{
    char text[64];
    if (strlen(pin) > MAX_PIN_LEN || authenticate_pin(s, pin) != AUTH_OK) {
        reply(link, "ERR auth");
        return;
    }
    strcpy(text, "OK ");
    for (int i = 0; i < SESSION_TOKEN_LEN; ++i) {
        sprintf(text + 3 + 2 * i, "%02x", s->keys.token[i]);
    }
    reply(link, text);
}

static void handle_clinical(enum hal_link link, const struct link_session *s, const char *text)
{
    struct clinical_cmd cmd;
    struct pump_status st;
    char msg[160];

    if (debug_echo) {
        printf(text);
        printf("\n");
    }
    if (clinical_parse(text, &cmd) != 0) {
        reply(link, "ERR syntax");
        return;
    }
    enum pump_result rc = PUMP_OK;
    switch (cmd.op) {
    case OP_BOLUS:
        rc = pump_start_bolus((uint32_t)cmd.volume_ul, (uint32_t)cmd.duration_s);
        sec_log(LOG_INFO, "bolus %ld uL over %ld s drug %s", cmd.volume_ul, cmd.duration_s, cmd.drug);
        break;
    case OP_RATE:
        rc = pump_set_rate((uint32_t)cmd.volume_ul);
        break;
    case OP_STOP:
        pump_stop();
        break;
    case OP_CLEAR:
        rc = pump_clear_alarms();
        break;
    case OP_STATUS:
        pump_get_status(&st);
        sprintf(msg, "STATUS state=%d alarms=%u rate=%u bolus_left=%u last_hour=%u fw_pending=%s", (int)st.state,
                st.alarms, st.rate_ul_per_h, st.bolus_left_ul, st.last_hour_ul, fwup_pending_version());
        reply_sealed(link, s, msg);
        return;
    default:
        rc = PUMP_ERR_STATE;
        break;
    }
    reply(link, rc == PUMP_OK ? "OK" : "ERR refused");
}

static void handle_diag(enum hal_link link, const char *text)
{
    char password[32];
    char request[128];
    char report[FRAME_MAX_PAYLOAD - 8];

    if (sscanf(text, "%s %127[^\n]", password, request) != 2) {
        reply(link, "ERR syntax");
        return;
    }
    if (check_service_password(password) != AUTH_OK) {
        reply(link, "ERR auth");
        return;
    }
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
    char host[64];
    char path[128];
    if (sscanf(text, "%63s %127s", host, path) != 2) {
        reply(link, "ERR syntax");
        return;
    }
    reply(link, fwup_fetch(host, path) == FWUP_OK ? "OK" : "ERR update");
}

static void handle_upload(enum hal_link link, uint8_t op, const uint8_t *body, size_t len)
{
    char text[16];
    enum fwup_result rc = FWUP_ERR;
    if (op == 'U' && len < sizeof text) {
        memcpy(text, body, len);
        text[len] = '\0';
        rc = fwup_begin((uint32_t)atoi(text));
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
    uint8_t op = payload[0];

    memcpy(text, payload + 1, len - 1U);
    text[len - 1U] = '\0';
    if (op == 'A') {
        handle_login(link, s, text);
    } else if (op == 'R') {
        reply(link, resume_session(s, payload + 1, len - 1U) == AUTH_OK ? "OK" : "ERR auth");
    } else if (op == 'D' && link == HAL_LINK_SERIAL) {
        handle_diag(link, text);
    } else if (!s->authenticated) {
        reply(link, "ERR auth");
    } else if (op == 'C') {
        handle_clinical(link, s, text);
    } else if (op == 'G') {
        handle_fetch(link, text);
    } else if (op == 'U' || op == 'W' || op == 'F') {
        handle_upload(link, op, payload + 1, len - 1U);
    } else {
        reply(link, "ERR opcode");
    }
}

int cmd_init(void)
{
    FILE *f = fopen(PIN_HASH_PATH, "rb");
    if (f == NULL) {
        return -1;
    }
    size_t n = fread(clinician_pin_hash, 1, sizeof clinician_pin_hash, f);
    fclose(f);
    debug_echo = getenv("PUMP_DEBUG_ECHO") != NULL;
    for (int i = 0; i < HAL_LINK_COUNT; ++i) {
        frame_decoder_reset(&decoders[i]);
    }
    return n == sizeof clinician_pin_hash ? 0 : -1;
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
