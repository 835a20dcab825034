// LOG-2 on words that mean other things in device and network code: a hardware "mac" address, an
// I/O "pin", a map's or a flow's "key", a check that verifies a counter or flags, a buffer or a
// computed CRC named like an outcome. Each bad twin is a real unlogged rejection or security
// change; its good twin is the look-alike (or the same code logging through a level-named wrapper)
// and must be silent. Debug output records no security event, but a secret must not reach it (LOG-3).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> look_alike_pairs = {
    {"message MAC against a network address",
     "int accept_frame(const uint8_t *mac, const uint8_t *expected) {\n"
     "  if (memcmp(mac, expected, 16) != 0)\n    return -EBADMSG;\n  return 0;\n}\n",
     "int accept_frame(const uint8_t *mac, const uint8_t *addr) {\n"
     "  if (!ether_addr_equal(mac, addr))\n    return -EINVAL;\n  return 0;\n}\n"},
    {"a tag check against an address check",
     "int open_session(struct link *l, const uint8_t *mac) {\n  if (!tag_valid(l, mac))\n    return -EACCES;\n"
     "  l->open = 1;\n  return 0;\n}\n",
     "int set_peer(struct link *l, const uint8_t *mac) {\n  if (!is_valid_ether_addr(mac))\n    return -EINVAL;\n"
     "  memcpy(l->peer, mac, 6);\n  return 0;\n}\n"},
    {"verify a signature against verify a counter",
     "int apply_update(const struct update *u) {\n  if (verify_signature(u->image, u->len, u->sig))\n"
     "    return -EACCES;\n  return flash_write(u);\n}\n",
     "int free_counter(struct mcam *m, unsigned idx) {\n  if (mcam_verify_counter(m, idx))\n"
     "    return -EINVAL;\n  m->counters[idx] = 0;\n  return 0;\n}\n"},
    {"verify flags is not verification",
     "int configure(struct dev *d, unsigned flags) {\n  if (!mbedtls_pk_verify(&d->pk, MBEDTLS_MD_SHA256, d->hash, 32, "
     "d->sig, d->sig_len) == 0)\n    return -EPERM;\n  return 0;\n}\n",
     "int configure(struct dev *d, unsigned flags) {\n  if (perout_verify_flags(d, flags))\n"
     "    return -EOPNOTSUPP;\n  d->flags = flags;\n  return 0;\n}\n"},
    {"an outcome variable against an offset named after a hash",
     "int install(struct pkg *p) {\n  bool sig_ok = check_package_signature(p);\n  if (!sig_ok)\n    return -EPERM;\n"
     "  return commit(p);\n}\n",
     "int result_offset(struct port *p, uint32_t *offset) {\n  if (p->offsets.hash_result_offset == ILLEGAL_BASE)\n"
     "    return -EINVAL;\n  *offset = p->offsets.hash_result_offset;\n  return 0;\n}\n"},
    {"a login outcome against a login buffer",
     "void on_login(struct session *s) {\n  if (!s->login_ok)\n    return;\n  s->state = READY;\n}\n",
     "static void release_login_buffer(struct adapter *a) {\n  if (!a->login_buf)\n    return;\n"
     "  free(a->login_buf);\n  a->login_buf = NULL;\n}\n"},
    {"a PIN outcome against a computed CRC",
     "int unlock(struct pump *p) {\n  if (!p->pin_valid)\n    return -EACCES;\n  p->locked = false;\n  return 0;\n}\n",
     "int add_group(struct port *p, uint8_t crc_result) {\n  if (p->mcast_count[crc_result] == 0)\n"
     "    return -EINVAL;\n  p->mcast_count[crc_result]--;\n  return 0;\n}\n"},
    {"a device key check against a flow key match",
     "int pair(const uint8_t *k) {\n  if (!check_device_key(k))\n    return -EACCES;\n  return 0;\n}\n",
     "int parse_rule(struct flow_rule *rule) {\n  if (!flow_rule_match_key(rule, FLOW_DISSECTOR_KEY_PORTS))\n"
     "    return -EOPNOTSUPP;\n  return 0;\n}\n"},
    {"a keypad key is not a secret",
     "int admin_mode(const char *entered_password) {\n  if (!check_password(entered_password))\n    return -1;\n"
     "  return 0;\n}\n",
     "int on_keypad(void) {\n  if (!check_key_pressed(KEY_UP))\n    return -1;\n  dose_up();\n  return 0;\n}\n"},
    {"a PIN code against an I/O pin",
     "int unlock_menu(const char *entered_pin) {\n  if (!pin_valid(entered_pin))\n    return -EACCES;\n  return 0;\n}\n",
     "int enable_output(int pin_id) {\n  if (!gpio_pin_valid(pin_id))\n    return -EOPNOTSUPP;\n"
     "  gpio_set(pin_id, 1);\n  return 0;\n}\n"},
    {"a compared key against the address inside a key",
     "bool same_credential(const struct req *req, const uint8_t *stored_key) {\n"
     "  if (memcmp(req->key, stored_key, 16))\n    return false;\n  return true;\n}\n",
     "bool same_neighbour(const struct node *a, const struct node *b) {\n"
     "  if (memcmp(&a->key.addr, &b->key.addr, sizeof(a->key.addr)))\n    return false;\n  return true;\n}\n"},
    {"Zephyr BT_ERR logs the rejection",
     "int ota_accept(const struct img *img) {\n  if (!verify_image(img)) {\n    return -EBADMSG;\n  }\n  return 0;\n}\n",
     "int ota_accept(const struct img *img) {\n  if (!verify_image(img)) {\n    BT_ERR(\"image rejected\");\n"
     "    return -EBADMSG;\n  }\n  return 0;\n}\n"},
    {"a driver's level-named log wrapper logs the rejection",
     "int fw_load(struct nic *n) {\n  if (!validate_firmware(n->fw)) {\n    n->state = FAILED;\n    return -EINVAL;\n"
     "  }\n  return 0;\n}\n",
     "int fw_load(struct nic *n) {\n  if (!validate_firmware(n->fw)) {\n    nic_warn(n, \"bad firmware\\n\");\n"
     "    return -EINVAL;\n  }\n  return 0;\n}\n"},
    {"a debug message is no record of the rejection",
     "int ota_accept(const struct img *img) {\n  if (!verify_image(img)) {\n    LOG_DBG(\"image rejected\");\n"
     "    return -EBADMSG;\n  }\n  return 0;\n}\n",
     "int ota_accept(const struct img *img) {\n  if (!verify_image(img)) {\n    LOG_ERR(\"image rejected\");\n"
     "    return -EBADMSG;\n  }\n  return 0;\n}\n"},
    {"a kernel debug wrapper is no record either",
     "static int pump_auth(struct pump *p, const char *pin) {\n  if (strcmp(pin, p->pin)) {\n"
     "    pump_dbg(p, \"bad pin\\n\");\n    return -EACCES;\n  }\n  return 0;\n}\n",
     "static int pump_auth(struct pump *p, const char *pin) {\n  if (strcmp(pin, p->pin)) {\n"
     "    pump_warn(p, \"bad pin\\n\");\n    return -EACCES;\n  }\n  return 0;\n}\n"},
    {"setting an error is not a log",
     "int login(const char *user, const char *pw) {\n  if (strcmp(pw, lookup_password(user)) != 0) {\n"
     "    set_err(E_AUTH);\n    return -1;\n  }\n  return 0;\n}\n",
     "int login(const char *user, const char *pw) {\n  if (strcmp(pw, lookup_password(user)) != 0) {\n"
     "    app_log_err(\"login failed for %s\", user);\n    return -1;\n  }\n  return 0;\n}\n"},
    {"a device key change against a flow-hash key change",
     "void set_device_key(const uint8_t *k) {\n  memcpy(device_key, k, 16);\n}\n",
     "void set_rss_key(struct nic *n, const uint8_t *k) {\n  memcpy(n->rss, k, 40);\n}\n"},
    {"a user account change against a user-defined MTU",
     "int update_user(struct db *db, const struct user *u) {\n  return db_put(db, u->name, u);\n}\n",
     "int set_port_user_mtu(struct port *p, int mtu) {\n  p->user_mtu = mtu;\n  return 0;\n}\n"},
    {"a user's role change against a user priority",
     "void set_user_role(struct user *u, enum role r) {\n  u->role = r;\n}\n",
     "void rpf_user_priority_set(struct hw *hw, unsigned prio) {\n  hw_write(hw, RPF_PRIO, prio);\n}\n"},
    {"the smallest key size allowed against a TCAM key mask",
     "static int min_key_size_set(void *data, u64 val) {\n  struct dev *d = data;\n  d->min_key_size = val;\n"
     "  return 0;\n}\n",
     "static int set_l2_key_mask(struct filter *f, const u8 *mask) {\n  memcpy(f->key_mask, mask, 6);\n  return 0;\n}\n"},
    {"a PIN change against a hardware pin setting",
     "int change_pin(struct pump *p, const char *pin) {\n  return store_pin_hash(p, pin);\n}\n",
     "int ptp_set_pin_hw(struct ptp *p, unsigned pin, unsigned func) {\n  return hw_write(p, pin, func);\n}\n"},
    {"a failed session lookup that denies against a failed allocation",
     "int handle(struct req *r) {\n  struct session *s = auth_get_session(r->token);\n  if (!s)\n"
     "    return AUTH_DENIED;\n  return serve(r, s);\n}\n",
     "struct key *make_vector(size_t len) {\n  struct key *k = auth_create_key(len);\n  if (!k)\n    return NULL;\n"
     "  fill(k);\n  return k;\n}\n"},
    {"an unknown shared key id refused against an init that fails",
     "int on_chunk(struct assoc *a, int key_id) {\n  struct shkey *k;\n  k = auth_get_shkey(a, key_id);\n"
     "  if (!k)\n    return ERROR_AUTH_BAD_KEYID;\n  return 0;\n}\n",
     "int migrate(struct ep *ep) {\n  int err;\n  err = auth_init_hmacs(ep);\n  if (err)\n    return err;\n"
     "  return 0;\n}\n"},
    {"C++: a token check against a parser's token match",
     "bool Gateway::admit(const Request &req) {\n  if (!tokens_.validate(req.token()))\n    return false;\n"
     "  return true;\n}\n",
     "bool Parser::expect_semicolon() {\n  if (!match_token(Tok::semicolon))\n    return false;\n  return true;\n}\n",
     "src/gateway.cpp"},
    {"a key compared with the expected key against a dictionary's key compared with a field name",
     "int unlock(const char *key) {\n  if (strcmp(key, stored_key) != 0)\n    return -EACCES;\n  return 0;\n}\n",
     "int parse_property(const char *key, int type) {\n  if (strcasecmp(key, \"Codec\") == 0) {\n"
     "    if (type != TYPE_BYTE)\n      return -EINVAL;\n  }\n  return 0;\n}\n"},
    {"an outcome tested through unlikely() against an outcome-like name passed to a lookup",
     "int install(struct pkg *p) {\n  bool sig_ok = check_package_signature(p);\n  if (unlikely(!sig_ok))\n"
     "    return -EPERM;\n  return commit(p);\n}\n",
     "static void send_ack(struct session *session) {\n  if (!l_queue_find(sessions, session_match, session))\n"
     "    return;\n  transmit(session);\n}\n"
     "int init_tfm(struct tfm *tfm) {\n  struct ahash *auth = spawn_ahash(tfm);\n  if (IS_ERR(auth))\n"
     "    return PTR_ERR(auth);\n  return 0;\n}\n"},
    {"a PIN type written against a decoder printing it and a command's help text",
     "void write_pin_type(struct hci *h, unsigned char type) {\n  h->pin_type = type;\n}\n",
     "void write_pin_type_dump(int level, const unsigned char *frame) {\n  printf(\"pin type %d\\n\", frame[0]);\n}\n"
     "static void set_security_usage(void) {\n  printf(\"Usage: set-security <level>\\n\");\n}\n"},
    {"an authentication outcome tested alone against an authentication's object tested for NULL",
     "int login(struct user *u, const char *pw) {\n  int auth = check_password(u, pw);\n  if (!auth)\n"
     "    return -EACCES;\n  u->session = open_session(u);\n  return 0;\n}\n",
     "static void cancel_authentication(struct auth_req *auth) {\n  if (!auth || !auth->agent)\n    return;\n"
     "  auth->agent = NULL;\n}\n"
     "int cancel_authorization(int id) {\n  struct service_auth *auth;\n  auth = find_authorization(id);\n"
     "  if (auth == NULL)\n    return -EPERM;\n  release(auth);\n  return 0;\n}\n"},
    {"a digest mismatch that gives up against a digest match that skips work",
     "static void on_hash(struct op *op, const uint8_t *hash, const uint8_t *expected, size_t len) {\n"
     "  if (memcmp(hash, expected, len))\n    return;\n  op->trusted = 1;\n}\n",
     "static void on_hash(struct op *op, const uint8_t *hash, const uint8_t *value, size_t len) {\n"
     "  if (hash && !memcmp(hash, value, len)) {\n    skip_discovery(op);\n    return;\n  }\n"
     "  start_discovery(op);\n}\n"},
    {"a user's name compared against a callback's user_data passed to a lookup",
     "int admit(struct client *c, const char *user) {\n  if (strcmp(user, c->allowed_user) != 0)\n    return -EACCES;\n"
     "  return 0;\n}\n",
     "static int match_client(const void *data, const void *user_data) {\n  const struct sep *sep = data;\n"
     "  const struct client *client = user_data;\n"
     "  if (strcmp(client->sender, sep->get_name(sep, sep->user_data)))\n    return -1;\n  return 0;\n}\n"},
    {"a session key compared as bytes against a dictionary entry's key compared as a string",
     "int resume(struct conn *c, const uint8_t *key) {\n  if (memcmp(key, c->session_key, 16))\n    return -EACCES;\n"
     "  return 0;\n}\n",
     "static int parse_entry(struct iter *it, const char *key, void *data, struct error **err) {\n"
     "  for (size_t i = 0; entries[i].key; i++)\n    if (g_ascii_strcasecmp(entries[i].key, key) == 0)\n"
     "      return entries[i].parse(it, data, err);\n  return 0;\n}\n"},
    {"a PIN checked against an I/O pin checked by a GPIO function",
     "int unlock(struct dev *d, const char *pin) {\n  if (!pin_is_valid(d, pin))\n    return -EACCES;\n  d->open = 1;\n"
     "  return 0;\n}\n",
     "int orion_gpio_direction_output(struct gpio_chip *chip, unsigned pin, int value) {\n"
     "  struct orion_chip *c = chip_data(chip);\n  if (!orion_gpio_is_valid(c, pin, GPIO_OUTPUT_OK))\n"
     "    return -EINVAL;\n  set_out(c, pin, value);\n  return 0;\n}\n"},
    {"a key that does not match against a length tested beside a key that matches",
     "void resync_stream(struct ctx *cp, const char *key, unsigned len) {\n"
     "  if (len != cp->key_len || memcmp(key, cp->key, len))\n    return;\n  cp->synced = 1;\n}\n",
     "void resync_stream(struct ctx *cp, const char *sync_key, unsigned sync_key_len) {\n"
     "  if ((sync_key_len == cp->sync_key_len) &&\n      ((!sync_key_len) || (!memcmp(sync_key, cp->sync_key, sync_key_len))))\n"
     "    return;\n  replace_key(cp, sync_key, sync_key_len);\n}\n"},
};

TEST(SecurityEventsLogged, LookAlikePairs) { expect_pairs("LOG-2", look_alike_pairs); }

// Constants (ALL_CAPS) name flags and opcodes, not the objects compared; a key refused after a
// comparison is a rejection whatever the comparison names; the kernel's rate-limited and once-only
// wrappers log; an ALL_CAPS setter composes a message; an account lock acts on the account; a
// check given only constants, or of what the system supports, asks about the platform; a stub
// changes nothing.
const std::vector<RulePair> kernel_look_alike_pairs = {
    {"a signature compared, against flags and addresses named by constants",
     "int accept_image(const unsigned char *sig, const unsigned char *expected) {\n"
     "  if (memcmp(sig, expected, 32))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "int open_dev(struct hci_dev *hdev) {\n"
     "  if (!hci_dev_test_flag(hdev, HCI_USER_CHANNEL) && !bacmp(&hdev->bdaddr, BDADDR_ANY))\n"
     "    return -EADDRNOTAVAIL;\n"
     "  return 0;\n"
     "}\n"
     "bool ps_ready(struct mlme *pmlme) {\n"
     "  if (!check_fwstate(pmlme, _FW_LINKED))\n"
     "    return false;\n"
     "  return true;\n"
     "}\n"},
    {"a key refused after a comparison, against a marker that is only absent",
     "int verify_kernel_sig(const char *kernel, unsigned long len, unsigned long marker_len) {\n"
     "  if (memcmp(kernel + len - marker_len, MODULE_SIG_STRING, marker_len))\n"
     "    return -EKEYREJECTED;\n"
     "  return 0;\n"
     "}\n",
     "int read_modsig(const char *buf, unsigned long len, unsigned long marker_len) {\n"
     "  if (memcmp(buf + len - marker_len, MODULE_SIG_STRING, marker_len))\n"
     "    return -ENOENT;\n"
     "  return 0;\n"
     "}\n"},
    {"a token mismatch not logged, against logged by rate-limited and once-only wrappers",
     "int validate_vf_token(struct vdev *v, const uuid_t *uuid) {\n"
     "  if (!uuid_equal(uuid, &v->vf_token))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int validate_vf_token(struct vdev *v, const uuid_t *uuid) {\n"
     "  if (!uuid_equal(uuid, &v->vf_token)) {\n"
     "    pci_info_ratelimited(v->pdev, \"Incorrect VF token\\n\");\n"
     "    return -EACCES;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"
     "int check_port_token(struct port *p, const uuid_t *uuid) {\n"
     "  if (!uuid_equal(uuid, &p->token)) {\n"
     "    dev_notice_once(p->dev, \"wrong token\\n\");\n"
     "    return -EACCES;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"a user's role set, against a macro-like setter of a firmware command's role field",
     "void set_user_role(struct account *a, int role) {\n"
     "  a->role = role;\n"
     "}\n",
     "static inline void SET_FWROLE_MAINTAIN_WIFI_ROLE(void *cmd, unsigned int val) {\n"
     "  le32p_replace_bits((unsigned int *)cmd, val, 0x0f);\n"
     "}\n"},
    {"an account locked, against a lock of the user's elsewhere in the name",
     "int lock_user(struct account *a) {\n"
     "  return store_flag(a, 1);\n"
     "}\n",
     "int user_dlm_lock_status(struct lksb *l) {\n"
     "  return l->status;\n"
     "}\n"
     "int user_may_continue_on_blocked_lock(struct lockres *r, int level) {\n"
     "  return r->level > level;\n"
     "}\n"},
    {"a token checked, against a platform's call checked by its constant token",
     "int open_session(struct session *s, const char *token) {\n"
     "  if (!check_token(s, token))\n"
     "    return -EACCES;\n"
     "  s->open = 1;\n"
     "  return 0;\n"
     "}\n",
     "int set_tunnel_bar(struct phb *phb, unsigned long addr) {\n"
     "  if (!opal_check_token(OPAL_PCI_GET_PBCQ_TUNNEL_BAR))\n"
     "    return -ENXIO;\n"
     "  return opal_pci_set_tunnel_bar(phb->id, addr);\n"
     "}\n"},
    {"an authentication that fails, against a test of whether the system supports one",
     "int open_device(struct user *u) {\n"
     "  if (!authenticate_user(u))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int get_enabled_keys(struct task *t) {\n"
     "  if (!system_supports_address_auth())\n"
     "    return -EINVAL;\n"
     "  return t->keys;\n"
     "}\n"
     "int probe_caps(struct dev *d) {\n"
     "  if (!dev_has_auth_capability(d))\n"
     "    return -ENODEV;\n"
     "  return 0;\n"
     "}\n"},
    {"a password changed, against the stub a build without the feature compiles",
     "int set_admin_password(struct dev *d, const char *pw) {\n"
     "  return store_password(d, pw);\n"
     "}\n",
     "static inline int set_admin_password(struct dev *d, const char *pw) {\n"
     "  return -EOPNOTSUPP;\n"
     "}\n"
     "static inline void security_set_role(struct task *t, int role) {\n"
     "}\n"},
};

TEST(SecurityEventsLogged, KernelLookAlikePairs) { expect_pairs("LOG-2", kernel_look_alike_pairs); }

// A key programmed into a cipher's transform or a radio's key table is installed key material, not
// a change of the device's security configuration; the device's own key or password set, or a key
// rotated, is one.
const std::vector<RulePair> key_installation_pairs = {
    {"a device's admin key set, against a cipher's setkey callback",
     "int set_admin_key(struct dev *d, const uint8_t *key, size_t len) {\n"
     "  memcpy(d->admin_key, key, len);\n"
     "  return 0;\n"
     "}\n",
     "static int aes_set_key(struct crypto_tfm *tfm, const u8 *in_key, unsigned int key_len) {\n"
     "  struct aes_ctx *ctx = crypto_tfm_ctx(tfm);\n"
     "  return aes_expandkey(ctx, in_key, key_len);\n"
     "}\n"
     "static int gcm_set_key(struct aead *a, const u8 *in_key, unsigned int key_len) {\n"
     "  return expand(a, in_key, key_len);\n"
     "}\n"},
    {"a password set, against a radio driver's key-table writes",
     "int set_admin_password(struct dev *d, const char *pw) {\n"
     "  return store_password(d, pw);\n"
     "}\n",
     "static int radio_set_key(struct hw *hw, enum set_key_cmd cmd, struct sta *sta, struct key_conf *key) {\n"
     "  return radio_write_table(hw, sta, key, cmd);\n"
     "}\n"
     "static int radio_set_default_key(struct wiphy *wiphy, struct net_device *dev, u8 key_index) {\n"
     "  return radio_select(wiphy, key_index);\n"
     "}\n"},
    {"a limit on encryption keys set, against a cipher's decryption key derived",
     "static int min_encrypt_key_size_set(void *data, u64 val) {\n"
     "  struct hci_dev *hdev = data;\n"
     "  hdev->min_enc_key_size = val;\n"
     "  return 0;\n"
     "}\n",
     "static void aria_set_decrypt_key(struct aria_ctx *ctx) {\n"
     "  invert_round_keys(ctx->dec_key, ctx->enc_key, ctx->rounds);\n"
     "}\n"},
    {"a key rotated, against a key written into a hardware slot",
     "int rotate_key(struct keystore *ks, const uint8_t *key, size_t len) {\n"
     "  return keystore_replace(ks, key, len);\n"
     "}\n",
     "static void key_write(struct wldev *dev, u8 index, u8 algorithm, const u8 *key) {\n"
     "  shm_write(dev, index, algorithm, key);\n"
     "}\n"},
};

TEST(SecurityEventsLogged, KeyInstallationPairs) { expect_pairs("LOG-2", key_installation_pairs); }

// A project's macro whose body calls a log facility, directly or through another such macro, is a
// log facility too; one whose body calls only debug output or a counter is not.
const std::vector<RulePair> log_macro_pairs = {
    {"a level-named wrapper macro, against one that writes debug output",
     "#define fw_note(fw, fmt, ...) fw_dbg(fw, fmt, ##__VA_ARGS__)\n"
     "int load_fw(struct fw *fw) {\n"
     "  if (!verify_signature(fw->image, fw->sig)) {\n"
     "    fw_note(fw, \"bad signature\\n\");\n"
     "    return -EBADMSG;\n"
     "  }\n"
     "  return 0;\n"
     "}\n",
     "#define fw_note(fw, fmt, ...) fw_err(fw, fmt, ##__VA_ARGS__)\n"
     "int load_fw(struct fw *fw) {\n"
     "  if (!verify_signature(fw->image, fw->sig)) {\n"
     "    fw_note(fw, \"bad signature\\n\");\n"
     "    return -EBADMSG;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"a macro reaching syslog through another, against one that only counts",
     "#define AUTH_FAILED(user) count_failure(user)\n"
     "int login(const char *user, const char *pw) {\n"
     "  if (!check_password(user, pw)) {\n"
     "    AUTH_FAILED(user);\n"
     "    return -1;\n"
     "  }\n"
     "  return 0;\n"
     "}\n",
     "#define REPORT(...) syslog(LOG_ERR, __VA_ARGS__)\n"
     "#define AUTH_FAILED(user) REPORT(\"login failed for %s\", user)\n"
     "int login(const char *user, const char *pw) {\n"
     "  if (!check_password(user, pw)) {\n"
     "    AUTH_FAILED(user);\n"
     "    return -1;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"a macro calling the function it is given, against one calling a logging macro",
     "#define op(msg) syslog(LOG_ERR, \"%s\", msg)\n"
     "#define APPLY(op, x) op(x)\n"
     "int login(const char *user, const char *pw) {\n"
     "  if (!check_password(user, pw)) {\n"
     "    APPLY(count_failure, user);\n"
     "    return -1;\n"
     "  }\n"
     "  return 0;\n"
     "}\n",
     "#define op(msg) syslog(LOG_ERR, \"%s\", msg)\n"
     "#define APPLY(x) op(x)\n"
     "int login(const char *user, const char *pw) {\n"
     "  if (!check_password(user, pw)) {\n"
     "    APPLY(user);\n"
     "    return -1;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"a debug macro writing printk(KERN_DEBUG), against one writing at error level",
     "#define kleave(FMT, ...) printk(KERN_DEBUG \"<== %s()\" FMT \"\\n\", __func__, ##__VA_ARGS__)\n"
     "#define key_debug(FMT, ...) do { if (key_debug_on) pr_info(FMT, ##__VA_ARGS__); } while (0)\n"
     "int validate_trust(struct key *k) {\n"
     "  if (verify_signature(k, k->sig) < 0) {\n"
     "    kleave(\" = -EKEYREJECTED\");\n"
     "    key_debug(\"rejected\");\n"
     "    return -EKEYREJECTED;\n"
     "  }\n"
     "  return 0;\n"
     "}\n",
     "#define kreject(FMT, ...) printk(KERN_ERR \"<== %s()\" FMT \"\\n\", __func__, ##__VA_ARGS__)\n"
     "int validate_trust(struct key *k) {\n"
     "  if (verify_signature(k, k->sig) < 0) {\n"
     "    kreject(\" = -EKEYREJECTED\");\n"
     "    return -EKEYREJECTED;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
};

TEST(SecurityEventsLogged, LogMacroPairs) { expect_pairs("LOG-2", log_macro_pairs); }

// A macro name defined in two subsystems, once as a debug trace and once as a printk, says nothing
// certain where it is called: it logs only where every definition does.
const std::vector<test::TreePair> log_macro_tree_pairs = {
    {"a macro name printing in one subsystem only, against printing in both",
     {{"fs/net/internal.h", "#define kleave(FMT, ...) printk(\"<== %s()\" FMT, __func__, ##__VA_ARGS__)\n", ""},
      {"crypto/keys/trust.c",
       "#define kleave(FMT, ...) no_trace(FMT, ##__VA_ARGS__)\n"
       "int validate_trust(struct key *k) {\n"
       "  if (verify_signature(k, k->sig) < 0) {\n"
       "    kleave(\" = -EKEYREJECTED\");\n"
       "    return -EKEYREJECTED;\n"
       "  }\n"
       "  return 0;\n"
       "}\n", ""}},
     {{"fs/net/internal.h", "#define kleave(FMT, ...) printk(\"<== %s()\" FMT, __func__, ##__VA_ARGS__)\n", ""},
      {"crypto/keys/trust.c",
       "#define kleave(FMT, ...) printk(KERN_ERR FMT, ##__VA_ARGS__)\n"
       "int validate_trust(struct key *k) {\n"
       "  if (verify_signature(k, k->sig) < 0) {\n"
       "    kleave(\" = -EKEYREJECTED\");\n"
       "    return -EKEYREJECTED;\n"
       "  }\n"
       "  return 0;\n"
       "}\n", ""}}},
};

TEST(SecurityEventsLogged, LogMacroTreePairs) { test::expect_tree_pairs("LOG-2", log_macro_tree_pairs); }

// From a sample of kernel findings: a verify of a structure that is no security object (a device
// tree's header, a VM's controls), wherever "verify" stands in the name, and user space
// (exit_to_user) rather than an account.
const std::vector<RulePair> kernel_sample_pairs = {
    {"an image verified, against a device tree and VM controls verified",
     "int boot_image(void *img) {\n"
     "  if (!image_verify(img))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "bool setup_fdt(void *fdt) {\n"
     "  if (!early_init_dt_verify(fdt))\n"
     "    return false;\n"
     "  return true;\n"
     "}\n"
     "int check_entry_controls(struct vcpu *v) {\n"
     "  if (!vmx_control_verify(v->controls, v->low, v->high))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"an account enabled, against interrupts disabled on the way to user space",
     "void enable_user(struct account *a) {\n"
     "  a->enabled = 1;\n"
     "}\n",
     "static inline void local_irq_disable_exit_to_user(void) {\n"
     "  local_irq_disable();\n"
     "}\n"},
};

TEST(SecurityEventsLogged, KernelSamplePairs) { expect_pairs("LOG-2", kernel_sample_pairs); }

// A debug or level-named wrapper is still a log a secret must not reach (LOG-3).
const std::vector<RulePair> leveled_log_secret_pairs = {
    {"Zephyr BT_ERR", "void pair_failed(const char *passkey) { BT_ERR(\"pairing failed, passkey %s\", passkey); }\n",
     "void pair_failed(const char *passkey) { BT_ERR(\"pairing failed\"); }\n"},
    {"a debug wrapper", "void bond(struct link *l) { link_dbg(l, \"ltk %*ph\", 16, l->session_key); }\n",
     "void bond(struct link *l) { link_dbg(l, \"bonded\"); }\n"},
};

TEST(SecretsInLogs, LeveledLogPairs) { expect_pairs("LOG-3", leveled_log_secret_pairs); }

}  // namespace
}  // namespace mdbc::source
