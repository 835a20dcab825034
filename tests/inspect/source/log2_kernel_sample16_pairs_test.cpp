// LOG-2 on what the session-16 reading of kernel findings showed it mistook for security events: a
// device's or protocol's role set (a Wi-Fi Direct role, a USB-C port's preferred role), a seed
// refused for matching its key, and a rejection logged through a macro that hands its argument
// list to a log function (`ACPI_BIOS_ERROR((AE_INFO, "…"))`). Each bad twin is a real unlogged
// rejection or change, each good twin its look-alike. And `!memeq(…)`, an equality predicate
// negated, is the mismatch.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> sample16_pairs = {
    {"an account's role set, against a Wi-Fi Direct role and a port's preferred role",
     "int set_user_role(struct user *u, int role) {\n"
     "  u->role = role;\n"
     "  return 0;\n"
     "}\n",
     "static inline void rtw_p2p_set_role(struct wifidirect_info *wd, enum p2p_role role) {\n"
     "  if (wd->role != role)\n"
     "    wd->role = role;\n"
     "}\n"
     "static ssize_t preferred_role_store(struct device *dev, const char *buf, size_t size) {\n"
     "  struct typec_port *port = to_typec_port(dev);\n"
     "  port->prefer_role = sysfs_match_string(typec_roles, buf);\n"
     "  return size;\n"
     "}\n"},
    {"a wrong secret refused, against a seed refused for matching its key",
     "int unlock_store(const u8 *secret, size_t len) {\n"
     "  if (memcmp(secret, stored_secret, len))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n",
     "static int prng_reset(struct prng *p, const u8 *seed, unsigned int slen) {\n"
     "  const u8 *key = seed + BLOCK_SIZE;\n"
     "  if (!memcmp(seed, key, KEY_SIZE))\n"
     "    return -EINVAL;\n"
     "  return prng_seed(p, seed, slen);\n"
     "}\n"},
    {"a digest refused on a mismatch an equality predicate reports, against a key refused for matching its twin",
     "int image_accept(const u8 *digest, const u8 *expected) {\n"
     "  if (!memeq(digest, expected, DIGEST_SIZE))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "static int xts_setkey(const u8 *key, unsigned int keylen) {\n"
     "  unsigned int half = keylen / 2;\n"
     "  if (memeq(key, key + half, half))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a table's signature refused silently, against one logged through an argument-list macro",
     "int table_verify_signature(struct table_desc *t, const char *signature) {\n"
     "  if (!verify_table_signature(t, signature))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "void bios_error(const char *module, u32 line, const char *format, ...) {\n"
     "  va_list args;\n"
     "  va_start(args, format);\n"
     "  vprintk(format, args);\n"
     "  va_end(args);\n"
     "}\n"
     "#define BIOS_ERROR(plist) bios_error plist\n"
     "int table_verify_signature(struct table_desc *t, const char *signature) {\n"
     "  if (!verify_table_signature(t, signature)) {\n"
     "    BIOS_ERROR((\"tbdata\", 1, \"invalid signature for table, expected [%s]\", signature));\n"
     "    return -EBADMSG;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
};

TEST(KernelSample16Pairs, SecurityEventsLogged) { expect_pairs("LOG-2", sample16_pairs); }

}  // namespace
}  // namespace mdbc::source
