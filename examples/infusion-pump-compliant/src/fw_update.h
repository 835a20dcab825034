/* Firmware update of the motor-control MCU: the controller receives the image over an
 * authenticated link (or fetches it from the hospital update server over verified TLS), checks
 * its ECDSA P-256 signature, digest and security counter, and stages it in the MCU's secondary
 * slot, from which MCUboot (which verifies it again) installs it on the next reset. */
#ifndef PUMP_FW_UPDATE_H
#define PUMP_FW_UPDATE_H

#include <stddef.h>
#include <stdint.h>

enum fwup_result { FWUP_OK = 0, FWUP_ERR = -1, FWUP_REJECTED = -2 };

/* Why an image was refused; the detail of the SEC_EV_FW_REJECTED event. */
enum fwup_reject_reason {
    FWUP_REJECT_FORMAT = 1,
    FWUP_REJECT_ROLLBACK = 2,
    FWUP_REJECT_DIGEST = 3,
    FWUP_REJECT_SIGNATURE = 4,
};

#define FW_MAX_IMAGE 524288U /* 512 KiB: slot 1 of the MCU */
#define FW_SIG_MAX 72U   /* DER ECDSA P-256 signature */
#define FW_MAGIC 0x32504D46U /* "FMP2" little endian */

/* Image = header (little endian, as the MCU) followed by the MCU binary. The signature covers
 * the header up to `signature`; `sha256` covers the binary. */
struct fw_header {
    uint32_t magic;
    uint32_t image_size;
    uint32_t version;          /* major << 16 | minor << 8 | patch */
    uint32_t security_counter; /* images below the installed counter are refused */
    uint8_t sha256[32];
    uint16_t sig_len;
    uint8_t reserved[2];
    uint8_t signature[FW_SIG_MAX];
};

/* `installed_counter`: the security counter of the image the MCU runs now. */
void fwup_init(uint32_t installed_counter);
enum fwup_result fwup_begin(uint32_t total_size);
enum fwup_result fwup_data(uint32_t offset, const uint8_t *data, size_t len);
enum fwup_result fwup_finish(void);
enum fwup_result fwup_fetch(const char *host, const char *path);
/* Version of the image staged for the next reset, 0 when none. */
uint32_t fwup_pending_version(void);

#endif
