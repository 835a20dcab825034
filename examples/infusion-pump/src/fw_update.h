/* Firmware update of the motor-control MCU: the controller receives the image over an
 * authenticated link (or fetches it from the hospital update server), checks it and stages it in
 * the MCU's secondary slot, from which MCUboot installs it on the next reset. */
#ifndef PUMP_FW_UPDATE_H
#define PUMP_FW_UPDATE_H

#include <stddef.h>
#include <stdint.h>

enum fwup_result { FWUP_OK = 0, FWUP_ERR = -1, FWUP_REJECTED = -2 };

#define FW_VERSION_LEN 16

/* Image = header followed by the MCU binary. */
struct fw_header {
    uint32_t magic;        /* FW_MAGIC */
    uint32_t image_size;   /* bytes after the header */
    uint8_t md5[16];       /* of the bytes after the header */
    char version[FW_VERSION_LEN];
};

#define FW_MAGIC 0x504D5046U /* "FWMP" little endian */

enum fwup_result fwup_begin(uint32_t total_size);
enum fwup_result fwup_data(uint32_t offset, const uint8_t *data, size_t len);
enum fwup_result fwup_finish(void);
enum fwup_result fwup_fetch(const char *host, const char *path);
/* Version of the image staged for the next reset, "" when none. */
const char *fwup_pending_version(void);

#endif
