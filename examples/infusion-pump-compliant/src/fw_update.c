#include "fw_update.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "keystore.h"
#include "sec_log.h"

#define FW_STAGING_PATH "/dev/mcu-slot1"
#define UPDATE_CA_FILE "/etc/pump/update-ca.pem"
#define HTTP_HEADER_MAX 4096U
#define PUBKEY_DER_MAX 128U

static uint8_t image_buf[sizeof(struct fw_header) + FW_MAX_IMAGE];
static uint32_t image_expected;
static uint32_t image_have;
static uint32_t installed_security_counter;
static uint32_t pending_version;
static uint8_t response_buf[sizeof image_buf + HTTP_HEADER_MAX];

void fwup_init(uint32_t installed_counter) { installed_security_counter = installed_counter; }

enum fwup_result fwup_begin(uint32_t total_size)
{
    if (total_size < sizeof(struct fw_header) || total_size > sizeof image_buf) {
        return FWUP_ERR;
    }
    image_expected = total_size;
    image_have = 0;
    return FWUP_OK;
}

enum fwup_result fwup_data(uint32_t offset, const uint8_t *data, size_t len)
{
    /* Chunks arrive in order; anything else restarts the upload. */
    if (image_expected == 0U || offset != image_have || len > image_expected - image_have) {
        image_expected = 0;
        return FWUP_ERR;
    }
    memcpy(image_buf + offset, data, len);
    image_have += (uint32_t)len;
    return FWUP_OK;
}

static bool digest_matches(const struct fw_header *hdr, const uint8_t *payload)
{
    uint8_t digest[EVP_MAX_MD_SIZE];
    unsigned int digest_len = 0;
    return EVP_Digest(payload, hdr->image_size, digest, &digest_len, EVP_sha256(), NULL) == 1 &&
           digest_len == sizeof hdr->sha256 && CRYPTO_memcmp(digest, hdr->sha256, sizeof hdr->sha256) == 0;
}

static bool signature_valid(const struct fw_header *hdr)
{
    uint8_t der[PUBKEY_DER_MAX];
    size_t der_len = 0;
    if (keystore_read(KEY_SLOT_FW_VERIFY_PUBKEY, der, sizeof der, &der_len) != 0) {
        return false;
    }
    const unsigned char *p = der;
    EVP_PKEY *pub = d2i_PUBKEY(NULL, &p, (long)der_len);
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    bool ok = pub != NULL && md != NULL && EVP_PKEY_is_a(pub, "EC") &&
              EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, pub) == 1 &&
              EVP_DigestVerify(md, hdr->signature, hdr->sig_len, (const uint8_t *)hdr,
                               offsetof(struct fw_header, signature)) == 1;
    EVP_MD_CTX_free(md);
    EVP_PKEY_free(pub);
    return ok;
}

/* Returns 0 when the image may be staged, otherwise the reason to refuse it (and logs it). */
static uint32_t fwup_verify_image(struct fw_header *hdr)
{
    uint32_t reason = 0;
    if (image_expected == 0U || image_have != image_expected) {
        reason = FWUP_REJECT_FORMAT;
    } else {
        memcpy(hdr, image_buf, sizeof *hdr);
        if (hdr->magic != FW_MAGIC || hdr->image_size != image_have - sizeof *hdr || hdr->sig_len == 0U ||
            hdr->sig_len > FW_SIG_MAX) {
            reason = FWUP_REJECT_FORMAT;
        } else if (hdr->security_counter < installed_security_counter) {
            reason = FWUP_REJECT_ROLLBACK;
        } else if (!digest_matches(hdr, image_buf + sizeof *hdr)) {
            reason = FWUP_REJECT_DIGEST;
        } else if (!signature_valid(hdr)) {
            reason = FWUP_REJECT_SIGNATURE;
        }
    }
    if (reason != 0U) {
        sec_log_event(SEC_EV_FW_REJECTED, reason);
    }
    return reason;
}

static enum fwup_result stage(const struct fw_header *hdr)
{
    FILE *slot = fopen(FW_STAGING_PATH, "wb");
    if (slot == NULL) {
        return FWUP_ERR;
    }
    /* The MCU slot takes the whole signed image: MCUboot checks it again before it runs. */
    size_t written = fwrite(image_buf, 1, image_have, slot);
    int closed = fclose(slot);
    if (written != image_have || closed != 0) {
        return FWUP_ERR;
    }
    pending_version = hdr->version;
    sec_log_event(SEC_EV_FW_STAGED, hdr->image_size);
    return FWUP_OK;
}

enum fwup_result fwup_finish(void)
{
    struct fw_header hdr;
    enum fwup_result rc = fwup_verify_image(&hdr) == 0U ? stage(&hdr) : FWUP_REJECTED;
    image_expected = 0;
    image_have = 0;
    return rc;
}

/* Sends the request and hands the response body to the upload path. */
static enum fwup_result receive_image(BIO *bio, const char *request, size_t request_len)
{
    size_t have = 0;
    if (BIO_write(bio, request, (int)request_len) != (int)request_len) {
        return FWUP_ERR;
    }
    while (have < sizeof response_buf) {
        int n = BIO_read(bio, response_buf + have, (int)(sizeof response_buf - have));
        if (n <= 0) {
            break;
        }
        have += (size_t)n;
    }
    for (size_t i = 0; i + 4U <= have && i < HTTP_HEADER_MAX; ++i) {
        if (memcmp(response_buf + i, "\r\n\r\n", 4) == 0) {
            size_t body = i + 4U;
            size_t len = have - body;
            if (len > sizeof image_buf || fwup_begin((uint32_t)len) != FWUP_OK ||
                fwup_data(0, response_buf + body, len) != FWUP_OK) {
                return FWUP_ERR;
            }
            return fwup_finish();
        }
    }
    return FWUP_ERR;
}

static enum fwup_result fetch_over(SSL_CTX *ctx, const char *host, const char *path)
{
    char target[128];
    char request[384];
    SSL *ssl = NULL;
    int t = snprintf(target, sizeof target, "%s:443", host);
    int r = snprintf(request, sizeof request, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", path, host);
    if (t < 0 || (size_t)t >= sizeof target || r < 0 || (size_t)r >= sizeof request) {
        return FWUP_ERR;
    }
    BIO *bio = BIO_new_ssl_connect(ctx);
    if (bio == NULL) {
        return FWUP_ERR;
    }
    enum fwup_result rc = FWUP_ERR;
    BIO_get_ssl(bio, &ssl);
    if (ssl != NULL && SSL_set_tlsext_host_name(ssl, host) == 1 && SSL_set1_host(ssl, host) == 1 &&
        BIO_set_conn_hostname(bio, target) == 1) {
        if (BIO_do_connect(bio) == 1 && SSL_get_verify_result(ssl) == X509_V_OK) {
            rc = receive_image(bio, request, (size_t)r);
        } else {
            sec_log_event(SEC_EV_TLS_REJECTED, (uint32_t)SSL_get_verify_result(ssl));
        }
    }
    BIO_free_all(bio);
    return rc;
}

enum fwup_result fwup_fetch(const char *host, const char *path)
{
    SSL_CTX *ctx = SSL_CTX_new(TLS_client_method());
    if (ctx == NULL) {
        return FWUP_ERR;
    }
    enum fwup_result rc = FWUP_ERR;
    if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) == 1 &&
        SSL_CTX_load_verify_locations(ctx, UPDATE_CA_FILE, NULL) == 1) {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
        rc = fetch_over(ctx, host, path);
    }
    SSL_CTX_free(ctx);
    return rc;
}

uint32_t fwup_pending_version(void) { return pending_version; }
