/* Link framing shared by the serial service port and the BLE link:
 *   0x7E | length (2 bytes, big endian) | payload | CRC-16/CCITT over length and payload (big endian)
 * The first payload byte is the opcode (see cmd_interface.h). */
#ifndef PUMP_CMD_FRAME_H
#define PUMP_CMD_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define FRAME_START 0x7EU
#define FRAME_MAX_PAYLOAD 512U

enum frame_state { FRAME_HUNT = 0, FRAME_LEN_HI, FRAME_LEN_LO, FRAME_PAYLOAD, FRAME_CRC_HI, FRAME_CRC_LO };

struct frame_decoder {
    enum frame_state state;
    uint16_t len;
    uint16_t have;
    uint16_t crc;
    uint32_t bad_frames;
    uint8_t payload[FRAME_MAX_PAYLOAD];
};

void frame_decoder_reset(struct frame_decoder *d);
/* Feeds one byte; returns the payload length when it completes a valid frame, 0 otherwise. */
size_t frame_feed(struct frame_decoder *d, uint8_t byte);
/* Encodes a payload into `out`; returns the frame length, 0 when it does not fit. */
size_t frame_encode(const uint8_t *payload, size_t len, uint8_t *out, size_t cap);

#endif
