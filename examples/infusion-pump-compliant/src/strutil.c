#include "strutil.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool str_copy(char *dst, size_t cap, const char *src)
{
    return str_copy_n(dst, cap, src, strlen(src));
}

bool str_copy_n(char *dst, size_t cap, const char *src, size_t len)
{
    size_t n = strnlen(src, len);
    if (cap == 0U || n >= cap) {
        return false;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
    return true;
}

bool parse_u32(const char *s, uint32_t max, uint32_t *value, const char **end)
{
    char *stop = NULL;
    if (!isdigit((unsigned char)*s)) {
        return false;
    }
    errno = 0;
    unsigned long v = strtoul(s, &stop, 10);
    if (errno != 0 || stop == s || v > max) {
        return false;
    }
    *value = (uint32_t)v;
    *end = stop;
    return true;
}

bool hex_encode(const uint8_t *data, size_t len, char *out, size_t cap)
{
    static const char digits[] = "0123456789abcdef";
    if (cap < 2U * len + 1U) {
        return false;
    }
    for (size_t i = 0; i < len; ++i) {
        out[2U * i] = digits[data[i] >> 4];
        out[2U * i + 1U] = digits[data[i] & 0x0FU];
    }
    out[2U * len] = '\0';
    return true;
}
