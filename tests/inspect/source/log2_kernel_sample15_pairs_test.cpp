// LOG-2 on what a second hand-read sample of kernel findings showed it mistook for security events:
// a part of a MAC block or address, a firmware information table's flag, the size a check is
// about, a marker compared with a constant, a key compared with an all-zero key, a comparison that
// ranks through the variable holding it, a pre-shared key tested beside a mode compared, a user's
// flash region locked, a codec's and a display link's pins, an authentication's type or id looked
// up, an ECC key blob checked as it is installed, a headset's or a poll table's key, a driver's
// missing operation answered -EOPNOTSUPP, and a rejection logged through the subsystem's macro over
// a format-taking log function. Each bad twin is a real unlogged rejection or change, each good
// twin its look-alike.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> sample15_pairs = {
    {"a MAC checked, against a MAC block's enable bit and an address's check",
     "int frame_accept(struct frame *f) {\n"
     "  if (!check_mac(f->payload, f->len, f->mac))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "static bool is_dbg_port_valid(struct rtw_dev *d, u32 sel) {\n"
     "  if (rtw_mac_check_mac_en(d, 0, DMAC_SEL) && sel >= PORT_FIRST)\n"
     "    return false;\n"
     "  return true;\n"
     "}\n"
     "static int getmac_tt(u8 *decoded, u8 *data) {\n"
     "  if (check_mac_tt(data))\n"
     "    return -ENODEV;\n"
     "  return 0;\n"
     "}\n"
     "static struct peer *find_peer(struct rx_desc *rx_desc) {\n"
     "  if (!rx_desc || !dp_rxdesc_mac_addr2_valid(rx_desc))\n"
     "    return NULL;\n"
     "  return peer_find_by_addr(rx_desc);\n"
     "}\n"},
    {"an image's signature flag tested, against a firmware information table's flag",
     "int boot_select(struct slot *s) {\n"
     "  if (!s->fw_sig_valid)\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "bool clk_src_construct(struct clk_src *c) {\n"
     "  if (!c->bios->fw_info_valid) {\n"
     "    ASSERT_CRITICAL(false);\n"
     "    return false;\n"
     "  }\n"
     "  return true;\n"
     "}\n"},
    {"a firmware image checked, against the size of a firmware dump checked",
     "int fw_load(const struct firmware *fw) {\n"
     "  if (!fw_check_signature(fw->data, fw->size))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n",
     "int fw_dump_fifo(struct rtw_dev *d, u32 addr, u32 size) {\n"
     "  if (!rtw_fw_dump_check_size(d, addr, size))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a tag compared with the computed one, against markers compared with constants",
     "int rx_open(const u8 *tag, const u8 *computed_tag) {\n"
     "  if (memcmp(tag, computed_tag, 16))\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "int do_setnode_msg(struct control_msg *msg) {\n"
     "  if (strncmp(msg->tag, CONTROL_MESSAGE_SETNODE_OP, CONTROL_MESSAGE_OP_LEN))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"
     "int apply_msr_data(const struct tbd_header *header) {\n"
     "  if (memcmp(&header->tag, \"DRVB\", 4))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a group key compared with the expected one, against one compared with an all-zero key",
     "int set_group_key(const u8 *group_key, const u8 *expected_group_key) {\n"
     "  if (memcmp(group_key, expected_group_key, 16))\n"
     "    return -EKEYREJECTED;\n"
     "  return 0;\n"
     "}\n",
     "int xmitframe_addmic(struct security_priv *sec) {\n"
     "  u8 null_key[16] = {0};\n"
     "  if (!memcmp(sec->group_mic_key, null_key, 16))\n"
     "    return _FAIL;\n"
     "  return 0;\n"
     "}\n"},
    {"a tag compared through a variable, against a packet number ranked through one",
     "int rx_check(struct rx_status *status, const u8 *tag) {\n"
     "  int ret = memcmp(status->tag, tag, 16);\n"
     "  if (ret != 0)\n"
     "    return -EBADMSG;\n"
     "  return 0;\n"
     "}\n",
     "void check_ccmp_pn(struct rx_status *status, struct wcid *wcid) {\n"
     "  int ret = memcmp(status->iv, wcid->rx_key_pn, sizeof(status->iv));\n"
     "  if (ret <= 0) {\n"
     "    status->flag |= RX_FLAG_ONLY_MONITOR;\n"
     "    return;\n"
     "  }\n"
     "}\n"},
    {"a pre-shared key compared, against one tested beside a mode compared",
     "int connect_check(const char *psk, const char *configured_psk) {\n"
     "  if (psk == configured_psk || strcmp(psk, configured_psk) != 0)\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int cfg80211_connect(struct profile *profile, struct sme *sme) {\n"
     "  int err = 0;\n"
     "  if (sme->crypto.psk && profile->use_fwsup != FWSUP_SAE) {\n"
     "    err = -EINVAL;\n"
     "    goto done;\n"
     "  }\n"
     "done:\n"
     "  return err;\n"
     "}\n"},
    {"a user account locked, against a user flash region locked",
     "int lock_user_account(struct user_db *db, const char *name) {\n"
     "  return db_set_flag(db, name, USER_LOCKED);\n"
     "}\n",
     "int mtd_lock_user_prot_reg(struct mtd_info *mtd, loff_t from, size_t len) {\n"
     "  return mtd->_lock_user_prot_reg(mtd, from, len);\n"
     "}\n"},
    {"a service PIN set, against a codec's pin and a display link's pin set",
     "static char service_pin[8];\n"
     "void set_service_pin(const char *pin) {\n"
     "  strscpy(service_pin, pin, sizeof(service_pin));\n"
     "}\n",
     "int snd_hda_codec_set_pin_target(struct hda_codec *codec, hda_nid_t nid, unsigned int val) {\n"
     "  struct hda_pincfg *pin = look_up_pincfg(codec, nid);\n"
     "  pin->target = val;\n"
     "  return 0;\n"
     "}\n"
     "void dal_ddc_service_set_ddc_pin(struct ddc_service *ddc_service, struct ddc *ddc) {\n"
     "  ddc_service->ddc_pin = ddc;\n"
     "}\n"},
    {"an authentication checked, against an authentication's type and id looked up",
     "int host_connect(struct host *h) {\n"
     "  if (!nvme_auth_check(h))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "ssize_t dhchap_dhgroup_store(struct host *host, const char *page) {\n"
     "  int dhgroup_id = nvme_auth_dhgroup_id(page);\n"
     "  if (dhgroup_id == NVME_AUTH_DHGROUP_INVALID)\n"
     "    return -EINVAL;\n"
     "  host->dhgroup_id = dhgroup_id;\n"
     "  return 0;\n"
     "}\n"
     "int nl80211_authenticate(struct rdev *rdev, u32 auth_type) {\n"
     "  if (!nl80211_valid_auth_type(rdev, auth_type, CMD_AUTHENTICATE))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"a device key checked, against an ECC key blob checked as it is installed",
     "int pair_device(const u8 *device_key) {\n"
     "  if (!check_device_key(device_key))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int keyblob2pkey(const u8 *key, u32 keylen) {\n"
     "  if (ep11_check_ecc_key_with_hdr(debug_info, 3, key, keylen, 1))\n"
     "    return -EINVAL;\n"
     "  return 0;\n"
     "}\n"},
    {"an authentication refused, against a driver without an authentication operation",
     "int cfg80211_authenticate(struct rdev *rdev, struct auth_request *req) {\n"
     "  if (!rdev_check_auth(rdev, req))\n"
     "    return -EACCES;\n"
     "  return 0;\n"
     "}\n",
     "int cfg80211_authenticate(struct rdev *rdev, struct auth_request *req) {\n"
     "  if (!rdev->ops->auth || !rdev->ops->assoc)\n"
     "    return -EOPNOTSUPP;\n"
     "  return rdev->ops->auth(rdev, req);\n"
     "}\n"},
    {"a device key changed, against a headset's button key and a poll table's key set",
     "static u8 device_key[16];\n"
     "void set_device_key(const u8 *key) {\n"
     "  memcpy(device_key, key, sizeof(device_key));\n"
     "}\n",
     "void alc_enable_headset_jack_key(struct hda_codec *codec) {\n"
     "  alc_write_coef_idx(codec, 0x48, 0xd011);\n"
     "}\n"
     "static inline void wait_key_set(poll_table *wait, unsigned long in, unsigned long bit) {\n"
     "  wait->_key = POLLEX_SET;\n"
     "  if (in & bit)\n"
     "    wait->_key |= POLLIN_SET;\n"
     "}\n"},
};

TEST(KernelSample15Pairs, SecurityEventsLogged) { expect_pairs("LOG-2", sample15_pairs); }

// A subsystem's log macro over the file system context's: cifs_errorf calls errorf, a macro over
// __logfc, a macro over logfc(), a function that takes a format and calls printk. Such a macro logs
// where a rejection calls it; a macro over a function that takes no format (a counter that may warn)
// does not.
const std::string fs_context_h =
    "#define __logfc(fc, l, fmt, ...) logfc((fc)->log.log, NULL, l, fmt, ## __VA_ARGS__)\n"
    "#define errorf(fc, fmt, ...) __logfc(fc, 'e', fmt, ## __VA_ARGS__)\n"
    "#define count_refusal(fc) note_refusal((fc)->stats)\n";
const std::string fs_context_c =
    "void logfc(struct fc_log *log, const char *prefix, char level, const char *fmt, ...) {\n"
    "  va_list va;\n"
    "  struct va_format vaf = {.fmt = fmt, .va = &va};\n"
    "  va_start(va, fmt);\n"
    "  printk(KERN_ERR \"%s%pV\\n\", prefix, &vaf);\n"
    "  va_end(va);\n"
    "}\n"
    "void note_refusal(struct stats *s) {\n"
    "  if (++s->refusals > 1000)\n"
    "    pr_warn(\"many refusals\\n\");\n"
    "}\n";
std::string remount(std::string_view reaction) {
  return "#define cifs_errorf(fc, fmt, ...) do { errorf(fc, fmt, ## __VA_ARGS__); } while (0)\n"
         "int verify_reconfigure_ctx(struct fs_context *fc, struct smb3_ctx *new_ctx, struct smb3_ctx *old_ctx) {\n"
         "  if (new_ctx->password && strcmp(new_ctx->password, old_ctx->password)) {\n"
         "    " + std::string(reaction) + "\n"
         "    return -EINVAL;\n"
         "  }\n"
         "  return 0;\n"
         "}\n";
}

TEST(KernelSample15Pairs, LogMacroOverFormatFunction) {
  const std::vector<test::TreePair> pairs = {
      {"a macro over a function that takes no format, against macros over one that takes a format",
       {{"include/fs_context.h", fs_context_h, ""},
        {"fs/fs_context.c", fs_context_c, ""},
        {"fs/smb/fs_context.c", remount("count_refusal(fc);"), ""}},
       {{"include/fs_context.h", fs_context_h, ""},
        {"fs/fs_context.c", fs_context_c, ""},
        {"fs/smb/fs_context.c", remount("cifs_errorf(fc, \"can not change password during remount\\n\");"), ""}}},
  };
  test::expect_tree_pairs("LOG-2", pairs);
}

}  // namespace
}  // namespace mdbc::source
