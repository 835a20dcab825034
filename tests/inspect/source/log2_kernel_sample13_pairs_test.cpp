// LOG-2 on what a hand-read sample of kernel findings showed it mistook for security events: a
// cipher's key checked as it is installed, a CRC, an attribute of a security object (its size,
// prefix, algorithm, state), user space, a hardware address or a member's base among a check's
// arguments, an option parsed by comparing it with one word after another, an enumerator named
// like an outcome, a chip's pin, a function that only computes a value, a word that only
// qualifies what a setter changes. Each bad twin is a real unlogged rejection or change, each good
// twin its look-alike; the last suite keeps the bad twins silent once they log.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> rejection_pairs = {
    {"a password compared in check_password, against a cipher's key checked as it is installed",
     "static char admin_pw[32];\n"
     "int check_password(const char *pw) {\n"
     "  if (strcmp(pw, admin_pw) != 0)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int tdes_setkey(struct crypto_skcipher *tfm, const u8 *key, unsigned int keylen) {\n"
     "  int err = verify_skcipher_des3_key(tfm, key);\n"
     "  if (err)\n"
     "    return err;\n"
     "  memcpy(ctx_of(tfm)->key, key, keylen);\n"
     "  return 0;\n"
     "}\n"},
    {"a signature verified, against a CRC of a sensor's reading",
     "int accept_image(const struct image *img) {\n"
     "  if (!rsa_verify_signature(img->data, img->len, img->sig))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "int read_cell(struct adc *st, unsigned int *out) {\n"
     "  unsigned int raw = adc_read32(st);\n"
     "  if (adc_check_crc(st, raw))\n"
     "    return -EIO;\n"
     "  *out = raw >> 11;\n"
     "  return 0;\n"
     "}\n"},
    {"a firmware image checked, against the room left in it and a hash's prefix",
     "int load_package(struct pkg *p) {\n"
     "  int err = pkg_check_fw(p, p->offset);\n"
     "  if (err)\n"
     "    return err;\n"
     "  return pkg_flash(p);\n"
     "}\n",
     "int move_offset(struct pkg *p, size_t n) {\n"
     "  int err = pkg_check_fw_space(p, p->offset, n);\n"
     "  if (err)\n"
     "    return err;\n"
     "  p->offset += n;\n"
     "  return 0;\n"
     "}\n"
     "bool is_mangled_hash(const char *str) {\n"
     "  if (strncmp(str, hash_prefix, hash_prefix_len))\n"
     "    return false;\n"
     "  return all_hex(str + hash_prefix_len);\n"
     "}\n"},
    {"a hash compared, against the name of a hash's algorithm",
     "int accept_chunk(const u8 *hash, const u8 *expected_hash) {\n"
     "  if (memcmp(hash, expected_hash, 32))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "int pick_encoding(const char *hash_algo) {\n"
     "  if (strcmp(hash_algo, \"sha256\") != 0)\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a user's password checked, against user space checked",
     "int login(const char *name, const char *pw) {\n"
     "  if (!check_user_password(name, pw))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int read_extension(struct ext __user *ext) {\n"
     "  int err = check_user_mbz(&ext->flags);\n"
     "  if (err)\n"
     "    return err;\n"
     "  return 0;\n"
     "}\n"},
    {"a MAC verified, against a MAC block's enable bit and a MAC address among a check's arguments",
     "int accept_frame(struct link *l, const u8 *frame) {\n"
     "  if (!l->ops->check_mac(l, frame))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "bool port_usable(struct nic *n, int sel) {\n"
     "  if (nic_check_mac_en(n, 0) && sel >= FIRST_SEL)\n"
     "    return false;\n"
     "  return true;\n"
     "}\n"
     "int add_key(struct radio *r, struct key_params *p, const u8 *mac_addr) {\n"
     "  if (radio_validate_settings(r, p, mac_addr))\n"
     "    return -EINVAL;\n"
     "  return r->ops->add_key(r, p);\n"
     "}\n"},
    {"a session token checked, against a token bucket's overflow checked",
     "int serve(struct req *r) {\n"
     "  if (!check(r->session_token))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int limit_init(struct limit *l, u64 tmp) {\n"
     "  u64 tokens;\n"
     "  if (check_mul_overflow(tmp, l->burst, &tokens))\n"
     "    return -EOVERFLOW;\n"
     "  l->tokens = tokens;\n"
     "  return 0;\n"
     "}\n"},
    {"a firmware image passed to a check, against the firmware's size",
     "int load(struct nic *n) {\n"
     "  if (!table_valid(n->fw, n->offset))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n",
     "int get_directory(struct nic *n) {\n"
     "  if (!table_valid(n->fw->size, n->offset))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a token compared, against a token tested apart from a parsed option",
     "int open_device(const char *buf, const char *vf_token) {\n"
     "  if (strncmp(buf, vf_token, TOKEN_LEN))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int match_device(const char *buf, const char *vf_token) {\n"
     "  if (!vf_token && !strncmp(buf, TOKEN_ARG, strlen(TOKEN_ARG))) {\n"
     "    if (strlen(buf) < UUID_STRING_LEN)\n"
     "      return -EINVAL;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"passwords compared one after another, against a key's type parsed",
     "int login_role(const char *password) {\n"
     "  if (!strcmp(password, admin_password))\n"
     "    return ROLE_ADMIN;\n"
     "  else if (!strcmp(password, guest_password))\n"
     "    return ROLE_GUEST;\n"
     "  else\n"
     "    return -EACCES;\n"
     "}\n",
     "int parse_key_type(const char *key_string, int *type) {\n"
     "  if (!strncmp(key_string, \"logon:\", 6)) {\n"
     "    *type = 1;\n"
     "  } else if (!strncmp(key_string, \"user:\", 5)) {\n"
     "    *type = 2;\n"
     "  } else {\n"
     "    return -EINVAL;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"a signature's outcome tested, against enumerators named like outcomes",
     "int accept(const struct image *img) {\n"
     "  bool sig_valid = rsa_check(img);\n"
     "  if (!sig_valid)\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "int multiply(unsigned char tagb, int dest) {\n"
     "  unsigned char taga = get_tag(dest);\n"
     "  if ((taga == TAG_Valid) && (tagb == TW_Denormal)) {\n"
     "    normalise(dest);\n"
     "  } else if (taga == tagb) {\n"
     "    return arith_invalid(dest);\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"digests compared through their accessors, against a map's keys compared through theirs",
     "int recheck(struct verity *v, struct io *io) {\n"
     "  int r = 0;\n"
     "  if (memcmp(real_digest(v, io), want_digest(v, io), v->n)) {\n"
     "    r = -EIO;\n"
     "    goto out;\n"
     "  }\n"
     "out:\n"
     "  return r;\n"
     "}\n",
     "int insert(struct set *s, struct elem *a, struct elem *b) {\n"
     "  if (!memcmp(set_ext_key(a), set_ext_key(b), s->klen))\n"
     "    return -EEXIST;\n"
     "  return 0;\n"
     "}\n"},
};

TEST(SecurityEventsLogged, KernelSample13RejectionPairs) { expect_pairs("LOG-2", rejection_pairs); }

// From the second sample (seed 14): a signature or a map's key compared with a constant is a
// format's marker; a comparison named for keys orders a map's; a length of an authentication's
// data, an argument whose kind the check's name gives (valid_signal(sig)), an address of a
// certificate and a member of a secret decide nothing.
const std::vector<RulePair> second_sample_pairs = {
    {"a signature compared with the expected one, against a header's signature and a frame's key "
     "compared with constants",
     "int accept_image(const struct image *img, const u8 *expected_sig) {\n"
     "  if (memcmp(img->signature, expected_sig, SIG_LEN))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "bool table_is_valid(const struct table_header *hdr) {\n"
     "  if (memcmp(hdr->signature, \"$TBL\", 4))\n"
     "    return false;\n"
     "  return true;\n"
     "}\n"
     "int parse_request(const struct frame *f) {\n"
     "  if (memcmp(f->key, FRAME_KEY_REQ, FRAME_KEY_SIZE))\n"
     "    return -EPROTO;\n"
     "  return 0;\n"
     "}\n"},
    {"a token compared, against a tree's keys compared",
     "int open_session(const u8 *token, const u8 *session_token) {\n"
     "  if (memcmp(token, session_token, 16))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "void *remove_node(struct tree *t, struct node *n, unsigned long *key) {\n"
     "  if (keycmp(t, n, key) != 0)\n"
     "    return NULL;\n"
     "  return unlink_node(t, n);\n"
     "}\n"},
    {"an authentication's outcome tested, against the length of its data",
     "int receive(struct req *r) {\n"
     "  int ok = auth_check_reply(r);\n"
     "  if (!ok)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int send(struct req *r) {\n"
     "  unsigned int tl = auth_send_data_len(r);\n"
     "  if (!tl)\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a signature checked, against a signal number and a certificate's address checked",
     "int load(struct blob *b, const u8 *sig) {\n"
     "  if (!valid(sig))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "int kill_permitted(int sig, struct task *t) {\n"
     "  if (!valid_signal(sig))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"
     "int get_report(struct req *req) {\n"
     "  if (!access_ok(req->certs_address, req->certs_len))\n"
     "    return -EFAULT;\n"
     "  return 0;\n"
     "}\n"},
    {"a secret compared, against a secret's type compared",
     "int unlock_store(const char *secret) {\n"
     "  if (secret != stored_secret)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int decode_key(const char *buf, struct params *p) {\n"
     "  struct kpp_secret secret;\n"
     "  unpack(&secret, buf);\n"
     "  if (secret.type != SECRET_TYPE_ECDH)\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a PIN compared, against a private key's range checked by an ordering comparison",
     "int unlock(const u8 *pin, const u8 *stored_pin) {\n"
     "  if (memcmp(pin, stored_pin, 4) != 0)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int is_key_valid(const u64 *private_key, const u64 *n, unsigned int digits) {\n"
     "  if (num_cmp(n, private_key, digits) != 1)\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
};

TEST(SecurityEventsLogged, KernelSample14Pairs) { expect_pairs("LOG-2", second_sample_pairs); }

TEST(SecurityEventsLogged, AReturnEnclosingChecksShareIsOneRejection) {
  // Each check of the chain holds the last `else` in its own else branch: one refusal, one finding.
  const auto findings = test::only(test::inspect_tree({{"src/module.c",
                                                        "int login_role(const char *password) {\n"
                                                        "  if (!strcmp(password, admin_password)) {\n"
                                                        "    return ROLE_ADMIN;\n"
                                                        "  } else if (!strcmp(password, operator_password)) {\n"
                                                        "    return ROLE_OPERATOR;\n"
                                                        "  } else if (!strcmp(password, guest_password)) {\n"
                                                        "    return ROLE_GUEST;\n"
                                                        "  } else {\n"
                                                        "    return -EACCES;\n"
                                                        "  }\n"
                                                        "}\n",
                                                        ""}})
                                       .findings,
                                   "LOG-2");
  EXPECT_EQ(findings.size(), 1u);
}

const std::vector<RulePair> change_pairs = {
    {"a PIN code set, against a chip's pin set",
     "int set_pin(const char *pin) {\n"
     "  strncpy(cfg.pin, pin, sizeof cfg.pin);\n"
     "  return 0;\n"
     "}\n",
     "void port_set_pin(int port, int pin, int flags) {\n"
     "  write_reg(port, pin, flags);\n"
     "}\n"
     "void codec_set_pin(struct codec *c, struct codec_pin *pin, unsigned int val) {\n"
     "  pin->target = val;\n"
     "}\n"},
    {"an API key stored, against a function that composes a method's key",
     "void set_api_key(const char *k) {\n"
     "  strncpy(cfg.api_key, k, sizeof cfg.api_key);\n"
     "}\n",
     "static inline u32 api_key_write_method(u32 id) {\n"
     "  if (id >= WRITE_KEY_NUM)\n"
     "    return API_KEY_ERR;\n"
     "  return METHOD_IS_WRITE | id;\n"
     "}\n"},
    {"authentication disabled, against a security feature flag set",
     "static int auth_enabled = 1;\n"
     "void disable_authentication(void) {\n"
     "  auth_enabled = 0;\n"
     "}\n",
     "static inline void security_ftr_set(u64 feature) {\n"
     "  security_features |= feature;\n"
     "}\n"},
    {"an admin password set, against the priority of an ACL's rule",
     "static char admin_password[32];\n"
     "int set_admin_password(const char *pw) {\n"
     "  strncpy(admin_password, pw, sizeof admin_password);\n"
     "  return 0;\n"
     "}\n",
     "int acl_rule_priority_set(struct acl_rule *rule, u32 priority) {\n"
     "  rule->priority = priority;\n"
     "  return 0;\n"
     "}\n"
     "void acl_tcam_group_prio_update(struct acl_group *g) {\n"
     "  g->min_prio = first_prio(g);\n"
     "}\n"},
};

TEST(SecurityEventsLogged, KernelSample13ChangePairs) { expect_pairs("LOG-2", change_pairs); }

// The element's own cases, unlogged and then logged through syslog or a project's log macro: the
// precision above must not have silenced them, nor made their logged twins findings.
const std::vector<RulePair> logged_twin_pairs = {
    {"check_password logs the refused password",
     "static char admin_pw[32];\n"
     "int check_password(const char *pw) {\n"
     "  if (memcmp(pw, admin_pw, 8) != 0)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "static char admin_pw[32];\n"
     "int check_password(const char *pw) {\n"
     "  if (memcmp(pw, admin_pw, 8) != 0) {\n"
     "    syslog(LOG_AUTH | LOG_WARNING, \"password refused\");\n"
     "    return -EACCES;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"verify_image logs the refused signature",
     "int verify_image(const struct image *img) {\n"
     "  if (!ecdsa_verify(img->hash, img->sig))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "int verify_image(const struct image *img) {\n"
     "  if (!ecdsa_verify(img->hash, img->sig)) {\n"
     "    LOG_ERR(\"image signature refused\");\n"
     "    return -EBADMSG;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"set_admin_password logs the change",
     "int set_admin_password(const char *pw) {\n"
     "  return store_password(ADMIN, pw);\n"
     "}\n",
     "int set_admin_password(const char *pw) {\n"
     "  syslog(LOG_AUTH | LOG_NOTICE, \"admin password changed\");\n"
     "  return store_password(ADMIN, pw);\n"
     "}\n"},
    {"disable_authentication logs the change",
     "void disable_authentication(struct dev *d) {\n"
     "  d->auth_required = false;\n"
     "}\n",
     "void disable_authentication(struct dev *d) {\n"
     "  LOG_WRN(\"authentication disabled\");\n"
     "  d->auth_required = false;\n"
     "}\n"},
};

TEST(SecurityEventsLogged, KernelSample13LoggedTwinPairs) { expect_pairs("LOG-2", logged_twin_pairs); }

}  // namespace
}  // namespace mdbc::source
