/* libFuzzer target: the link frame decoder and the clinical command parser, the code that reads
 * bytes from the serial port and the BLE link before any authentication.
 *   cmake -B build-fuzz -DCMAKE_C_COMPILER=clang -DPUMP_FUZZ=ON && cmake --build build-fuzz
 *   build-fuzz/fuzz_command_parser -max_total_time=600 fuzz/corpus */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "bolus_parser.h"
#include "cmd_frame.h"

static void parse_text(const uint8_t *bytes, size_t len)
{
    char text[FRAME_MAX_PAYLOAD + 1U];
    struct clinical_cmd cmd;
    size_t n = len < FRAME_MAX_PAYLOAD ? len : FRAME_MAX_PAYLOAD;
    memcpy(text, bytes, n);
    text[n] = '\0';
    if (clinical_parse(text, &cmd) == 0) {
        /* What the parser accepts must be within the limits it promises. */
        if (cmd.volume_ul > EXPR_VALUE_MAX || cmd.duration_s > BOLUS_SECONDS_MAX ||
            memchr(cmd.drug, '\0', sizeof cmd.drug) == NULL) {
            __builtin_trap();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct frame_decoder decoder;
    memset(&decoder, 0, sizeof decoder);
    frame_decoder_reset(&decoder);
    for (size_t i = 0; i < size; ++i) {
        size_t len = frame_feed(&decoder, data[i]);
        if (len > 1U && decoder.payload[0] == 'C') {
            parse_text(decoder.payload + 1, len - 1U);
        }
    }
    /* The raw input as command text as well, so the parser is reached without a valid CRC. */
    parse_text(data, size);
    return 0;
}
