// LOG-2 on what the session-17 reading of kernel findings showed the flow of a check's outcome
// across functions (security_event_outcome_flow.h) mistook for one: a lookup's key comparison (a
// tree walk ordering nodes by hash and name), a name compared where a pin indexes a table, a status
// read or a compatibility checked (no decisive check), a length a verification returns, the object
// a login request returns, a station's authorized flag, a local declared after a comma taken for a
// file-scope variable; and a chip's hardware encryption engine enabled, no security configuration.
// Each bad twin is an unlogged rejection (an outcome carried through a helper) or change, each good
// twin the kernel's look-alike, reduced.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> sample17_pairs = {
    {"a password compared in a helper the caller refuses on, against a tree walk ordering nodes by hash and name",
     "static int entered_vs_stored(const char *entered) {\n"
     "  return strcmp(entered, admin_password);\n"
     "}\n"
     "int unlock_console(const char *entered) {\n"
     "  int result = entered_vs_stored(entered);\n"
     "  if (result != 0)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "static int name_compare(unsigned int hash, const char *name, const struct node *kn) {\n"
     "  if (hash < kn->hash)\n"
     "    return -1;\n"
     "  return strcmp(name, kn->name);\n"
     "}\n"
     "static int node_compare(const struct node *left, const struct node *right) {\n"
     "  return name_compare(left->hash, left->name, right);\n"
     "}\n"
     "static int link_sibling(struct node *kn, struct rb_node **slot) {\n"
     "  while (*slot) {\n"
     "    struct node *pos = to_node(*slot);\n"
     "    int result = node_compare(kn, pos);\n"
     "    if (result < 0)\n"
     "      slot = &pos->left;\n"
     "    else if (result > 0)\n"
     "      slot = &pos->right;\n"
     "    else\n"
     "      return -EEXIST;\n"
     "  }\n"
     "  return 0;\n"
     "}\n"},
    {"a PIN compared in a helper, against a pin's name in a table compared with a constant",
     "static bool entered_is(const char *entered_pin) {\n"
     "  return !strcmp(entered_pin, door_pin);\n"
     "}\n"
     "int open_door(const char *entered) {\n"
     "  if (!entered_is(entered))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "static bool pin_is_oscio(struct pinctrl *pctl, unsigned int pin) {\n"
     "  if (pin >= pctl->npins)\n"
     "    return false;\n"
     "  return !strcmp(pctl->pins[pin].name, \"oscio\");\n"
     "}\n"
     "static int gpio_get(struct pinctrl *pctl, unsigned int offset) {\n"
     "  if (pin_is_oscio(pctl, offset))\n"
     "    return -EINVAL;\n"
     "  return read_pin(pctl, offset);\n"
     "}\n"},
    {"a signature verified in a helper, against a firmware status read and a compatibility checked in helpers",
     "static int image_state(const struct image *img) {\n"
     "  int rc = mbedtls_pk_verify(img->key, MBEDTLS_MD_SHA256, img->hash, 32, img->sig, img->sig_len);\n"
     "  return rc;\n"
     "}\n"
     "int boot_image(const struct image *img) {\n"
     "  int rc = image_state(img);\n"
     "  if (rc)\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "static int read_preboot(struct hdev *hdev) {\n"
     "  int rc = fw_read_preboot_status(hdev);\n"
     "  return rc;\n"
     "}\n"
     "static int start_firmware(struct adapter *adapter) {\n"
     "  int err = check_flash_fw_compatibility(adapter);\n"
     "  return err;\n"
     "}\n"
     "static int access_region(struct hdev *hdev) {\n"
     "  int rc = read_preboot(hdev);\n"
     "  if (rc)\n"
     "    return -EIO;\n"
     "  return 0;\n"
     "}\n"
     "static int probe(struct adapter *adapter) {\n"
     "  int err = start_firmware(adapter);\n"
     "  if (err)\n"
     "    return -EIO;\n"
     "  return 0;\n"
     "}\n"},
    {"a verification's outcome passed to a helper that refuses on it, against the length a verification returns passed on as a size",
     "static int finish_update(int status) {\n"
     "  if (status != 0)\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n"
     "int update_apply(const u8 *img, size_t n, const u8 *sig) {\n"
     "  int status = verify_signature(img, n, sig);\n"
     "  return finish_update(status);\n"
     "}\n",
     "static int board_process(struct wil *wil, const void *data, size_t size) {\n"
     "  if (size < sizeof(struct record_head))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"
     "int request_board(struct wil *wil, const struct firmware *brd) {\n"
     "  int dlen = wil_fw_verify(wil, brd->data, brd->size);\n"
     "  if (dlen < 0)\n"
     "    return dlen;\n"
     "  return board_process(wil, brd->data, dlen);\n"
     "}\n"},
    {"an authentication's outcome passed to a helper that refuses on it, against the reply a login request returns tested for its fields",
     "static int finish_login(int status) {\n"
     "  if (status != 0)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n"
     "int console_login(const char *name, const char *password) {\n"
     "  int status = authenticate_user(name, password);\n"
     "  return finish_login(status);\n"
     "}\n",
     "static struct user *alloc_user(struct login_response *resp) {\n"
     "  if (resp->hash_sz > sizeof(resp->hash))\n"
     "    return NULL;\n"
     "  return make_user(resp);\n"
     "}\n"
     "struct user *login_user(const char *account) {\n"
     "  struct login_response *resp = ipc_login_request(account);\n"
     "  struct user *user = alloc_user(resp);\n"
     "  kvfree(resp);\n"
     "  return user;\n"
     "}\n"},
    {"a count of failed PIN entries returned by a helper, against a station's authorized flag returned by one",
     "static int keypad_state(struct keypad *k, const char *entered) {\n"
     "  if (strcmp(entered, k->door_pin) != 0)\n"
     "    k->failed_entries++;\n"
     "  int pin_attempts = k->failed_entries;\n"
     "  return pin_attempts;\n"
     "}\n"
     "int keypad_open(struct keypad *k, const char *entered) {\n"
     "  int n = keypad_state(k, entered);\n"
     "  if (n >= MAX_PIN_ATTEMPTS)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "static bool same_psk(const u8 *psk, const u8 *peer_psk) {\n"
     "  return !memcmp(psk, peer_psk, PSK_LEN);\n"
     "}\n"
     "static bool powersave_allowed(struct sdata *s) {\n"
     "  bool authorized = test_sta_flag(s->sta, STA_AUTHORIZED);\n"
     "  return authorized;\n"
     "}\n"
     "static int recalc_ps(struct sdata *s) {\n"
     "  bool ps_allowed = powersave_allowed(s);\n"
     "  if (!ps_allowed)\n"
     "    return -EBUSY;\n"
     "  return 0;\n"
     "}\n"},
    {"a device's security level set, against a Wi-Fi chip's hardware encryption engine enabled",
     "int set_security_level(struct device_policy *p, int level) {\n"
     "  p->security_level = level;\n"
     "  return 0;\n"
     "}\n",
     "void rtl92ce_enable_hw_security_config(struct ieee80211_hw *hw) {\n"
     "  u8 sec_reg_value = SCR_TXENCENABLE | SCR_RXDECRYPTENABLE;\n"
     "  rtl_write_byte(hw, REG_SECCFG, sec_reg_value);\n"
     "}\n"},
    {"a signature's outcome kept in a file-scope variable, against a local of the same name declared after a comma",
     "static int image_state;\n"
     "static int load_image(const struct firmware *fw) {\n"
     "  image_state = verify_image_signature(fw->data, fw->size);\n"
     "  return 0;\n"
     "}\n"
     "static int start_firmware(struct adapter *adapter) {\n"
     "  if (image_state)\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "static int load_image(struct adapter *adapter, const struct firmware *fw) {\n"
     "  int i = 0, err;\n"
     "  err = verify_image_signature(fw->data, fw->size);\n"
     "  if (err) {\n"
     "    pr_err(\"firmware image signature rejected\\n\");\n"
     "    return err;\n"
     "  }\n"
     "  return i;\n"
     "}\n"
     "static int start_firmware(struct adapter *adapter) {\n"
     "  int val, err;\n"
     "  err = set_dma_mask(adapter);\n"
     "  if (err)\n"
     "    return err;\n"
     "  return 0;\n"
     "}\n"},
};

TEST(KernelSample17Pairs, SecurityEventsLogged) { expect_pairs("LOG-2", sample17_pairs); }

}  // namespace
}  // namespace mdbc::source
