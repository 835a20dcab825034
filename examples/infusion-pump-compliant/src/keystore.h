/* Provisioned secrets. They are written at manufacturing, from the factory HSM, into the pump's
 * secure element, whose kernel driver exposes each slot read-only to pumpd's user; nothing
 * secret is compiled into the firmware. */
#ifndef PUMP_KEYSTORE_H
#define PUMP_KEYSTORE_H

#include <stddef.h>
#include <stdint.h>

enum key_slot {
    KEY_SLOT_LINK_MASTER = 0,     /* 32 bytes: HKDF input for the per-session link keys */
    KEY_SLOT_CLINICIAN_VERIFIER,  /* salt and PBKDF2-SHA256 of the hospital's clinician PIN */
    KEY_SLOT_SERVICE_VERIFIER,    /* salt and PBKDF2-SHA256 of the biomed service passphrase */
    KEY_SLOT_FW_VERIFY_PUBKEY,    /* DER SubjectPublicKeyInfo of the release signing key (P-256) */
    KEY_SLOT_COUNT
};

/* Reads a slot into `out`; returns 0 and its length in `*len`, or -1. */
int keystore_read(enum key_slot slot, uint8_t *out, size_t cap, size_t *len);

#endif
