#include "keystore.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "sec_log.h"

static const char *const slot_device[KEY_SLOT_COUNT] = {
    [KEY_SLOT_LINK_MASTER] = "/dev/pump-se/slot0",
    [KEY_SLOT_CLINICIAN_VERIFIER] = "/dev/pump-se/slot1",
    [KEY_SLOT_SERVICE_VERIFIER] = "/dev/pump-se/slot2",
    [KEY_SLOT_FW_VERIFY_PUBKEY] = "/dev/pump-se/slot3",
};

int keystore_read(enum key_slot slot, uint8_t *out, size_t cap, size_t *len)
{
    if ((unsigned)slot >= KEY_SLOT_COUNT) {
        return -1;
    }
    int fd = open(slot_device[slot], O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        sec_log_event(SEC_EV_KEYSTORE_FAILED, (uint32_t)slot);
        return -1;
    }
    size_t have = 0;
    while (have < cap) {
        ssize_t n = read(fd, out + have, cap - have);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            break;
        }
        have += (size_t)n;
    }
    close(fd);
    if (have == 0U) {
        sec_log_event(SEC_EV_KEYSTORE_FAILED, (uint32_t)slot);
        return -1;
    }
    *len = have;
    return 0;
}
