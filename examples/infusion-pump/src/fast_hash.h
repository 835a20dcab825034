/* SHA-256 without OpenSSL: hashing the clinician PIN at every login through EVP took too long on
 * the old board, so this unrolled version was written in-house. */
#ifndef PUMP_FAST_HASH_H
#define PUMP_FAST_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FAST_HASH_LEN 32

void fast_sha256(const uint8_t *data, size_t len, uint8_t out[FAST_HASH_LEN]);

#endif
