/* Link security: per-session keys and tokens for the serial and BLE links, message sealing, and
 * the device identity key. */
#ifndef PUMP_CRYPTO_H
#define PUMP_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#define SESSION_TOKEN_LEN 16
#define SESSION_KEY_LEN 16
#define SESSION_NONCE_LEN 16

struct session_keys {
    uint8_t token[SESSION_TOKEN_LEN]; /* handed to the client to resume the session */
    uint8_t nonce[SESSION_NONCE_LEN];
    uint8_t key[SESSION_KEY_LEN];     /* seals replies on this link */
};

void crypto_init(void);
int crypto_new_session(struct session_keys *sk);
/* Encrypts `len` bytes into `out` (padded to the block size); returns the length or -1. */
int crypto_seal(const uint8_t key[SESSION_KEY_LEN], const uint8_t *in, size_t len, uint8_t *out, size_t cap);
/* First boot: creates the device identity key pair used to enrol with the hospital gateway. */
int crypto_make_device_identity(const char *pem_path);

#endif
