/* Bounded string helpers: every write names the size of its destination. */
#ifndef PUMP_STRUTIL_H
#define PUMP_STRUTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Copies `src` into `dst` of `cap` bytes, always NUL-terminated. Returns false (and copies
 * nothing) when it does not fit. */
bool str_copy(char *dst, size_t cap, const char *src);
/* Copies at most `len` bytes of `src`, stopping at a NUL; same contract as str_copy. */
bool str_copy_n(char *dst, size_t cap, const char *src, size_t len);
/* Parses a decimal unsigned number at `s` (no sign, no leading blanks) no greater than `max`.
 * On success stores the value and the first unparsed character in `*end` and returns true. */
bool parse_u32(const char *s, uint32_t max, uint32_t *value, const char **end);
/* Lower-case hex of `len` bytes into `out` of `cap` bytes; false when it does not fit. */
bool hex_encode(const uint8_t *data, size_t len, char *out, size_t cap);

#endif
