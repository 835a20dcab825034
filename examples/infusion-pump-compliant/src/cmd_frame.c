#include "cmd_frame.h"

#include <string.h>

#include "crc16.h"

void frame_decoder_reset(struct frame_decoder *d)
{
    d->state = FRAME_HUNT;
    d->len = 0;
    d->have = 0;
    d->crc = 0;
}

static uint16_t frame_crc(uint16_t len, const uint8_t *payload)
{
    uint8_t buf[2 + FRAME_MAX_PAYLOAD];
    buf[0] = (uint8_t)(len >> 8);
    buf[1] = (uint8_t)(len & 0xFFU);
    memcpy(buf + 2, payload, len);
    return crc16_ccitt(buf, 2U + len);
}

size_t frame_feed(struct frame_decoder *d, uint8_t byte)
{
    switch (d->state) {
    case FRAME_HUNT:
        if (byte == FRAME_START) {
            d->state = FRAME_LEN_HI;
        }
        break;
    case FRAME_LEN_HI:
        d->len = (uint16_t)(byte << 8);
        d->state = FRAME_LEN_LO;
        break;
    case FRAME_LEN_LO:
        d->len |= byte;
        d->have = 0;
        if (d->len == 0U || d->len > FRAME_MAX_PAYLOAD) {
            d->bad_frames++;
            frame_decoder_reset(d);
        } else {
            d->state = FRAME_PAYLOAD;
        }
        break;
    case FRAME_PAYLOAD:
        d->payload[d->have++] = byte;
        if (d->have == d->len) {
            d->state = FRAME_CRC_HI;
        }
        break;
    case FRAME_CRC_HI:
        d->crc = (uint16_t)(byte << 8);
        d->state = FRAME_CRC_LO;
        break;
    case FRAME_CRC_LO:
        d->crc |= byte;
        d->state = FRAME_HUNT;
        if (d->crc == frame_crc(d->len, d->payload)) {
            return d->len;
        }
        d->bad_frames++;
        break;
    default:
        frame_decoder_reset(d);
        break;
    }
    return 0;
}

size_t frame_encode(const uint8_t *payload, size_t len, uint8_t *out, size_t cap)
{
    if (len == 0U || len > FRAME_MAX_PAYLOAD || cap < len + 5U) {
        return 0;
    }
    uint16_t crc = frame_crc((uint16_t)len, payload);
    out[0] = FRAME_START;
    out[1] = (uint8_t)(len >> 8);
    out[2] = (uint8_t)(len & 0xFFU);
    memcpy(out + 3, payload, len);
    out[3 + len] = (uint8_t)(crc >> 8);
    out[4 + len] = (uint8_t)(crc & 0xFFU);
    return len + 5U;
}
