#include "crypto.h"

#include <errno.h>
#include <limits.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <string.h>
#include <sys/random.h>

#define VERIFIER_SALT_LEN 16
#define VERIFIER_HASH_LEN 32
#define VERIFIER_ITERATIONS 200000
#define LINK_MASTER_LEN 32

static uint8_t link_master[LINK_MASTER_LEN];
static bool link_master_loaded;
static char hkdf_digest[] = "SHA256";
static const char hkdf_info[] = "pump link session v2";

int crypto_init(void)
{
    size_t len = 0;
    if (keystore_read(KEY_SLOT_LINK_MASTER, link_master, sizeof link_master, &len) != 0 ||
        len != sizeof link_master) {
        crypto_wipe(link_master, sizeof link_master);
        return -1;
    }
    link_master_loaded = true;
    return 0;
}

int crypto_random(uint8_t *buf, size_t len)
{
    size_t done = 0;
    while (done < len) {
        ssize_t n = getrandom(buf + done, len - done, 0);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            return -1;
        }
        done += (size_t)n;
    }
    return 0;
}

int crypto_new_session(struct session_keys *sk)
{
    if (!link_master_loaded || crypto_random(sk->token, sizeof sk->token) != 0 ||
        crypto_random(sk->nonce, sizeof sk->nonce) != 0) {
        return -1;
    }
    EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
    EVP_KDF_CTX *kctx = kdf != NULL ? EVP_KDF_CTX_new(kdf) : NULL;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, hkdf_digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, link_master, sizeof link_master),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, sk->nonce, sizeof sk->nonce),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, (void *)hkdf_info, sizeof hkdf_info - 1U),
        OSSL_PARAM_construct_end(),
    };
    int ok = kctx != NULL && EVP_KDF_derive(kctx, sk->key, sizeof sk->key, params) == 1;
    EVP_KDF_CTX_free(kctx);
    EVP_KDF_free(kdf);
    return ok ? 0 : -1;
}

int crypto_seal(const uint8_t key[SESSION_KEY_LEN], const uint8_t *in, size_t len, uint8_t *out, size_t cap,
                size_t *out_len)
{
    int n = 0;
    int tail = 0;
    if (len > (size_t)INT_MAX - SEAL_OVERHEAD || cap < len + SEAL_OVERHEAD) {
        return -1;
    }
    uint8_t *iv = out;
    uint8_t *ct = out + SEAL_IV_LEN;
    if (crypto_random(iv, SEAL_IV_LEN) != 0) {
        return -1;
    }
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (ctx == NULL) {
        return -1;
    }
    int ok = EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) == 1 &&
             EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, SEAL_IV_LEN, NULL) == 1 &&
             EVP_EncryptInit_ex(ctx, NULL, NULL, key, iv) == 1 &&
             EVP_EncryptUpdate(ctx, ct, &n, in, (int)len) == 1 &&
             EVP_EncryptFinal_ex(ctx, ct + n, &tail) == 1 &&
             EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, SEAL_TAG_LEN, ct + n + tail) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        return -1;
    }
    *out_len = SEAL_IV_LEN + (size_t)n + (size_t)tail + SEAL_TAG_LEN;
    return 0;
}

bool crypto_verifier_matches(enum key_slot slot, const char *secret, size_t len)
{
    uint8_t verifier[VERIFIER_SALT_LEN + VERIFIER_HASH_LEN];
    uint8_t derived[VERIFIER_HASH_LEN];
    size_t have = 0;
    bool match = false;
    if (len <= (size_t)INT_MAX && keystore_read(slot, verifier, sizeof verifier, &have) == 0 &&
        have == sizeof verifier &&
        PKCS5_PBKDF2_HMAC(secret, (int)len, verifier, VERIFIER_SALT_LEN, VERIFIER_ITERATIONS, EVP_sha256(),
                          VERIFIER_HASH_LEN, derived) == 1) {
        match = crypto_equal(derived, verifier + VERIFIER_SALT_LEN, VERIFIER_HASH_LEN);
    }
    crypto_wipe(derived, sizeof derived);
    crypto_wipe(verifier, sizeof verifier);
    return match;
}

bool crypto_equal(const uint8_t *a, const uint8_t *b, size_t len) { return CRYPTO_memcmp(a, b, len) == 0; }

void crypto_wipe(void *buf, size_t len) { OPENSSL_cleanse(buf, len); }
