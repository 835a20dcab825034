/* Link security: per-session keys and tokens for the serial and BLE links, sealing of replies
 * (AES-256-GCM, fresh random IV per message), and verification of PINs and passphrases against
 * the provisioned verifiers. OpenSSL 3 EVP throughout; randomness from getrandom(2). */
#ifndef PUMP_CRYPTO_H
#define PUMP_CRYPTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keystore.h"

#define SESSION_TOKEN_LEN 32
#define SESSION_KEY_LEN 32
#define SESSION_NONCE_LEN 16
#define SEAL_IV_LEN 12
#define SEAL_TAG_LEN 16
#define SEAL_OVERHEAD (SEAL_IV_LEN + SEAL_TAG_LEN)

struct session_keys {
    uint8_t token[SESSION_TOKEN_LEN]; /* handed to the client to resume the session */
    uint8_t nonce[SESSION_NONCE_LEN]; /* HKDF salt of this session */
    uint8_t key[SESSION_KEY_LEN];     /* seals replies on this link */
};

/* Loads the link master key from the secure element. */
int crypto_init(void);
/* Fills `buf` from the kernel's CSPRNG; blocks until it is seeded. */
int crypto_random(uint8_t *buf, size_t len);
int crypto_new_session(struct session_keys *sk);
/* out = IV | ciphertext | tag. Returns 0 and the length in `*out_len`, or -1. */
int crypto_seal(const uint8_t key[SESSION_KEY_LEN], const uint8_t *in, size_t len, uint8_t *out, size_t cap,
                size_t *out_len);
/* Whether `secret` matches the verifier in `slot` (salt | PBKDF2-HMAC-SHA256). */
bool crypto_verifier_matches(enum key_slot slot, const char *secret, size_t len);
/* Constant-time comparison. */
bool crypto_equal(const uint8_t *a, const uint8_t *b, size_t len);
/* Erases a buffer that held a secret. */
void crypto_wipe(void *buf, size_t len);

#endif
