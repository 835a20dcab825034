#include "fw_update.h"

#include <openssl/bio.h>
#include <openssl/md5.h>
#include <openssl/ssl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FW_STAGING_PATH "/dev/mcu-slot1"
#define FETCH_CHUNK 4096

static uint8_t *image;
static uint32_t image_cap;
static uint32_t image_have;
static char pending_version[FW_VERSION_LEN];

enum fwup_result fwup_begin(uint32_t total_size)
{
    free(image);
    image = malloc(total_size);
    if (image == NULL) {
        return FWUP_ERR;
    }
    image_cap = total_size;
    image_have = 0;
    return FWUP_OK;
}

enum fwup_result fwup_data(uint32_t offset, const uint8_t *data, size_t len)
{
    if (image == NULL || offset > image_cap || len > image_cap - offset) {
        return FWUP_ERR;
    }
    memcpy(image + offset, data, len);
    if (offset + len > image_have) {
        image_have = (uint32_t)(offset + len);
    }
    return FWUP_OK;
}

static enum fwup_result verify_image(const struct fw_header *hdr, const uint8_t *payload)
{
    MD5_CTX md5;
    uint8_t digest[MD5_DIGEST_LENGTH];
    MD5_Init(&md5);
    MD5_Update(&md5, payload, hdr->image_size);
    MD5_Final(digest, &md5);
    if (memcmp(digest, hdr->md5, sizeof digest) != 0) {
        return FWUP_REJECTED;
    }
    return FWUP_OK;
}

enum fwup_result fwup_finish(void)
{
    enum fwup_result rc = FWUP_REJECTED;
    struct fw_header hdr;
    FILE *slot = NULL;

    if (image == NULL || image_have < sizeof hdr) {
        goto out;
    }
    memcpy(&hdr, image, sizeof hdr);
    if (hdr.magic != FW_MAGIC || hdr.image_size != image_have - sizeof hdr) {
        goto out;
    }
    if (verify_image(&hdr, image + sizeof hdr) != FWUP_OK) {
        goto out;
    }
    strcpy(pending_version, hdr.version);
    slot = fopen(FW_STAGING_PATH, "wb");
    if (slot == NULL) {
        rc = FWUP_ERR;
        goto out;
    }
    if (fwrite(image + sizeof hdr, 1, hdr.image_size, slot) != hdr.image_size) {
        rc = FWUP_ERR;
        goto out;
    }
    rc = FWUP_OK;
out:
    if (slot != NULL) {
        fclose(slot);
    }
    free(image);
    image = NULL;
    image_cap = image_have = 0;
    return rc;
}

enum fwup_result fwup_fetch(const char *host, const char *path)
{
    char target[128];
    char request[256];
    uint8_t *body = NULL;
    size_t have = 0;
    enum fwup_result rc = FWUP_ERR;

    SSL_CTX *ctx = SSL_CTX_new(TLSv1_client_method());
    if (ctx == NULL) {
        return FWUP_ERR;
    }
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, NULL);
    BIO *bio = BIO_new_ssl_connect(ctx);
    if (bio == NULL) {
        SSL_CTX_free(ctx);
        return FWUP_ERR;
    }
    sprintf(target, "%s:443", host);
    BIO_set_conn_hostname(bio, target);
    if (BIO_do_connect(bio) <= 0) {
        goto done;
    }
    sprintf(request, "GET %s HTTP/1.0\r\nHost: %s\r\n\r\n", path, host);
    BIO_puts(bio, request);
    for (;;) {
        uint8_t *grown = realloc(body, have + FETCH_CHUNK);
        if (grown == NULL) {
            goto done;
        }
        body = grown;
        int n = BIO_read(bio, body + have, FETCH_CHUNK);
        if (n <= 0) {
            break;
        }
        have += (size_t)n;
    }
    for (size_t i = 0; i + 4U <= have; ++i) {
        if (memcmp(body + i, "\r\n\r\n", 4) == 0) {
            size_t len = have - i - 4U;
            if (fwup_begin((uint32_t)len) == FWUP_OK && fwup_data(0, body + i + 4U, len) == FWUP_OK) {
                rc = fwup_finish();
            }
            break;
        }
    }
done:
    free(body);
    BIO_free_all(bio);
    SSL_CTX_free(ctx);
    return rc;
}

const char *fwup_pending_version(void) { return pending_version; }
