// LOG-2's judgements of names by their words (declared in security_event_words.h): the word sets,
// one table of them all, and what a name's words say. Apart from the rule (security_events_logged.cpp)
// so that each file can be read in one sitting; nothing here looks past one name or one call.
#include "inspect/source/security_event_words.h"

#include <algorithm>
#include <array>

#include "core/text.h"
#include "inspect/source/credential_names.h"
#include "inspect/source/file_names.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/security_event_key_install.h"

namespace mdbc::source::security_events {

bool has_word(std::string_view id, std::span<const std::string_view> words) {
  return any_word(id, [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

bool has_word(std::string_view id, std::initializer_list<std::string_view> words) {
  return has_word(id, std::span<const std::string_view>(words.begin(), words.size()));
}

namespace {

// For a name already split into words (identifier_words), asked about several sets of words.
bool has_word(const std::vector<std::string>& name_words, std::span<const std::string_view> words) {
  return std::any_of(name_words.begin(), name_words.end(),
                     [&](const std::string& w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

// Words that make a function or an outcome about authentication by themselves.
constexpr std::string_view auth_words[] = {"authenticate", "authenticated", "authorize", "authorized", "auth",
                                           "authed", "login", "logon"};
// "verify" is checked for its object: verify_signature, image_verify and a bare verify() are
// verifications; npc_verify_counter and perout_verify_flags check a request's fields, and
// early_init_dt_verify, vmx_control_verify and bind_verify a structure's, whatever the word's place.
constexpr std::string_view verify_words[] = {"verify", "verified", "verification"};
constexpr std::string_view check_words[] = {"check", "validate", "compare", "match", "matches",
                                                              "equal", "equals", "cmp", "ok", "valid", "good",
                                                              "passed", "result", "rc", "ret", "status"};
constexpr std::string_view security_nouns[] = {
    "pin", "password", "passwd", "pwd", "pw", "passphrase", "passcode", "token", "credential", "credentials", "otp", "mac",
    "hmac", "digest", "hash", "sha", "sha256", "signature", "sig", "cert", "certificate", "key", "session", "user",
    "image", "img", "firmware", "fw", "tag", "challenge", "response", "secret", "passkey", "psk", "nonce"};
// The names of cryptographic libraries and primitives: their verify functions verify signatures
// or tags (mbedtls_pk_verify, EVP_VerifyFinal, uECC_verify, wc_ecc_verify_hash).
constexpr std::string_view crypto_words[] = {"mbedtls", "evp", "pk", "pkey", "x509", "ssl", "tls", "crypto",
                                             "ecdsa", "eddsa", "ed25519", "ecc", "uecc", "rsa", "dsa", "pkcs",
                                             "pkcs1", "gcry", "wc", "hmac", "cmac", "gmac", "aead", "mcuboot", "bootutil"};
// Words of a hardware address: next to them "mac" is a network address, not a message
// authentication code (is_valid_ether_addr(mac), ether_addr_equal(mac, vf->mac)).
// Words of the link layer have it too: nfp_flower_check_higher_than_mac, mac_hdr_len.
constexpr std::string_view address_words[] = {"addr",    "address", "addrs",  "ether",  "eth",       "hwaddr",
                                              "macaddr", "etheraddr", "lladdr", "alen",  "vlan",      "bssid",
                                              "multicast", "unicast", "broadcast", "mcast", "ucast", "hdr",
                                              "header",  "layer",   "phy",    "l2",     "higher",    "lower",
                                              "mpls"};

// Words of a parser: beside them a token is a word of the input (match_token, expect_token).
constexpr std::string_view parser_words[] = {"match", "expect", "peek", "next", "consume", "parse", "parser",
                                             "lex", "lexer", "scan", "scanner", "skip", "eat"};

}  // namespace

// A name without lower-case letters (HCI_USER_CHANNEL, _FW_LINKED, SET_FWROLE_MAINTAIN_WIFI_ROLE):
// by convention a macro or an enumerator, which names a flag, an opcode or a kind of thing, never
// a credential, an outcome or a security object a condition compares; called, a macro that sets a
// field of a message or register composes the message, the code that sends it makes the change.
bool names_constant(std::string_view name) {
  return std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// A string comparison function by its name: strcmp, strncasecmp, g_ascii_strcasecmp, g_strcmp0,
// wcscmp, _stricmp, lstrcmpi, g_str_equal, streq (not destroy_cmp or restore_equal).
bool compares_strings(std::string_view name) {
  constexpr auto npos = std::string_view::npos;
  const bool string_word = any_word(name, [](std::string_view w) {
    if (w == "str" || w == "wcs" || w == "streq") return true;
    const size_t at = std::min(w.find("str"), w.find("wcs"));  // at 1: lstrcmpi
    return at <= 1 && w.substr(at + 3).find("cmp") != npos;
  });
  return string_word && (name.find("cmp") != npos || name.find("equal") != npos || name.ends_with("streq"));
}

namespace {

// Words that after a security noun make the name one of its attributes, not the thing: a size or
// place (fw_space, sig_len, hash_prefix, certs_address), a kind or algorithm (hash_algo, key_type),
// a state or the settings it is used with (mac_en, fw_status, fw_feature, key_settings), what
// names it (firmware_id, key_id; a user's id is the account's, user_account_parts).
constexpr std::string_view attribute_words[] = {
    "space", "size",   "sz",     "len",      "length",   "offset",  "off",     "prefix", "suffix",
    "algo",  "alg",    "algorithm", "type",  "types",    "format",  "fmt",     "version", "ver",
    "count", "cnt",    "num",    "bits",     "mask",     "flags",   "mode",    "en",     "enable",
    "enabled", "state", "status", "feature", "features", "setting", "settings", "param", "params",
    "addr",  "address", "id",     "info"};
// Words of a user account that may follow "user" (user_password, user_is_valid): any other word
// makes "user" mean something else (user_data a callback's context, check_user_mbz user space).
constexpr std::string_view user_account_parts[] = {"account", "accounts", "password", "passwd", "pin", "name",
                                                   "credential", "credentials", "role", "roles", "permission",
                                                   "permissions", "privilege", "privileges", "group", "groups",
                                                   "access", "id", "login", "auth", "session"};

// The security object a name's words speak of. "mac" beside an address word is the hardware
// address, "pin" beside a hardware word an I/O pin (gpio_pin_ok), "token" beside a parser's word a
// word of the input. "key" counts only where no word before it makes it a map's, a hash's or a keyboard's
// key (flow_rule_match_key, check_key_pressed) and, where `qualified_key`, only where a word makes
// it cryptographic (check_device_key: a bare check_key is as often a keypad's). A noun followed by
// one of its attributes is that attribute (fw_space), and "user" is an account only beside an
// account's or a check's word.
// Whether words[i], "key" or "keys", is a lookup key: a word before it makes it a map's, a hash's
// or a keyboard's (flow_rule_match_key, set_rss_key, check_key_pressed).
// So do an audio jack's or headset's button key, a poll table's wait key and a display's colour key
// (alc_enable_headset_jack_key, wait_key_set, set_color_key).
bool is_lookup_key(const std::vector<std::string>& words, size_t i) {
  constexpr std::string_view device_keys[] = {"jack", "headset", "poll", "wait", "color", "colour", "chroma"};
  return std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i), [&](const std::string& b) {
    return qualifies_key_as_other(b) || std::find(std::begin(device_keys), std::end(device_keys), b) != std::end(device_keys);
  });
}

// Whether a name's "pin" is an I/O pin: another of its words is a hardware one (gpio_pin_ok, pin_id),
// or names the audio or display hardware whose pins drivers set (snd_hda_codec_set_pin_target,
// dal_ddc_service_set_ddc_pin).
bool is_hardware_pin(const std::vector<std::string>& words) {
  constexpr std::string_view chip_words[] = {"codec", "hda", "dapm", "ddc", "pinctrl", "pinmux"};
  return std::any_of(words.begin(), words.end(), [&](const std::string& o) {
    return names_hardware_pin(o) || std::find(std::begin(chip_words), std::end(chip_words), o) != std::end(chip_words);
  });
}

bool names_security_object(const std::vector<std::string>& words, bool qualified_key, size_t from = 0) {
  const auto in = [](std::span<const std::string_view> set, const std::string& w) {
    return std::find(set.begin(), set.end(), w) != set.end();
  };
  for (size_t i = from; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (std::find(std::begin(security_nouns), std::end(security_nouns), w) == std::end(security_nouns)) continue;
    if (w == "mac" && has_word(words, address_words)) continue;
    // A message authentication code has no parts: a word after "mac" that is no check and no other
    // security noun names a part of a MAC block or address (mac_en, check_mac_tt, mac_addr2_valid).
    if (w == "mac" && i + 1 < words.size() && !in(check_words, words[i + 1]) && !in(verify_words, words[i + 1]) &&
        !in(security_nouns, words[i + 1]))
      continue;
    if (w == "pin" && is_hardware_pin(words)) continue;
    if (w == "token" && has_word(words, parser_words)) continue;
    if (i + 1 < words.size() && in(attribute_words, words[i + 1]) && !(w == "user" && words[i + 1] == "id")) continue;
    // copy_to_user, xt_match_to_user: user space; user_data, check_user_mbz: not an account either.
    if (w == "user" && ((i > 0 && (words[i - 1] == "to" || words[i - 1] == "from")) ||
                        (i + 1 < words.size() && !in(check_words, words[i + 1]) && !in(user_account_parts, words[i + 1]))))
      continue;
    if (w == "key") {
      if (is_lookup_key(words, i)) continue;
      const auto before = std::span(words).first(i);
      if (qualified_key &&
          std::none_of(before.begin(), before.end(), [](const std::string& b) { return qualifies_key_as_crypto(b); }))
        continue;
    }
    return true;
  }
  return false;
}

}  // namespace

// What a function that sets, changes or revokes something changes, when that is security
// configuration: a password, PIN, credential, certificate, role, permission, trust, allowlist, a
// user account, a secret key, authentication itself. Words after the noun that make it a part or
// attribute of it say otherwise (set_key_mask, user_priority_set, set_user_mtu), as do words that
// make a key a lookup key (set_rss_key, tcam_key) and a pin an I/O pin (ptp_set_pin_hw). A setting
// is what the verb changes, the head of its object: the name's last word (set_admin_password,
// disable_authentication), the word before the verb (intel_security_disable, security_change_key),
// or one whose policy follows (set_security_level); elsewhere it qualifies another thing, which is
// what changes (security_ftr_set, acl_tcam_vgroup_prio_update, usb_role_switch_set_drvdata).
namespace {

// Whether words[i], "role", is an account's: beside a word of an account or of who holds it
// (set_user_role, admin_role_set), or alone with change verbs (set_role, role_write). A role named
// for something else is a device's or a protocol's (rtw_p2p_set_role, preferred_role_store: a
// Wi-Fi Direct or USB-C port's role).
bool names_account_role(const std::vector<std::string>& words, size_t i) {
  constexpr std::string_view holders[] = {"user", "users", "account", "accounts", "admin", "member", "group",
                                          "login", "operator", "owner", "access"};
  bool other = false;
  for (size_t k = 0; k < words.size(); ++k) {
    if (k == i) continue;
    if (std::find(std::begin(holders), std::end(holders), words[k]) != std::end(holders)) return true;
    other = other || !(word_classes(words[k]) & change_verb);
  }
  return !other;
}

}  // namespace

SecuritySetting names_security_setting(const std::vector<std::string>& words) {
  constexpr std::string_view settings[] = {"password", "passwd", "passkey", "passcode", "passphrase",
                                           "credential", "credentials", "cert",
                                           "certificate", "security", "acl", "allowlist", "whitelist", "factory",
                                           "role", "permission", "permissions", "secret", "trust"};
  // Authentication itself (disable_authentication, set_auth_mode); before a verb, "auth" names the
  // subsystem whose thing the verb changes (nvme_auth_set_dhchap_data, sctp_auth_set_key).
  constexpr std::string_view authentication[] = {"authentication", "auth"};
  constexpr std::string_view setting_parts[] = {"level", "mode",  "policy", "config", "settings", "options",
                                                "state", "anchor", "anchors", "chain", "store", "bundle",
                                                "for",   "to",     "of",      "on"};
  constexpr std::string_view account_parts[] = {"account", "accounts", "role", "roles", "password", "passwd",
                                                "permission", "permissions", "privilege", "privileges", "group",
                                                "groups", "access", "credential", "credentials", "pin", "name"};
  // Not its size: the smallest key size allowed is a security setting (min_key_size_set).
  constexpr std::string_view key_parts[] = {"mask", "field", "fields", "bit", "bits", "type", "id",    "index",
                                            "idx",  "map",   "layer",  "layers", "offset", "value", "values"};
  // write_pin_type_dump, set_security_usage: a packet decoder's printer or a command's help text
  // describes a change and makes none. And rtl92ce_enable_hw_security_config: a setting of the
  // hardware ("hw" before it) is a device's engine its driver programs, no one's policy.
  constexpr std::string_view describing[] = {"dump", "usage", "print", "show", "display", "decode", "help"};
  const auto one_of = [](std::string_view w, std::span<const std::string_view> set) {
    return std::find(set.begin(), set.end(), w) != set.end();
  };
  if (!words.empty() && one_of(words.back(), describing)) return SecuritySetting::none;
  bool key = false, pin = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool last = i + 1 == words.size();
    if (w == "user" || w == "users") {
      // exit_to_user, copy_from_user: user space, not an account.
      const bool space = i > 0 && (words[i - 1] == "to" || words[i - 1] == "from");
      if (!space && (last || one_of(words[i + 1], account_parts))) return SecuritySetting::other;
    } else if (w == "key" || w == "keys") {
      key = key || (!is_lookup_key(words, i) && (last || !one_of(words[i + 1], key_parts)));
    } else if (w == "pin") {
      pin = pin || !is_hardware_pin(words);
    } else if ((w == "role" || w == "roles") && !names_account_role(words, i)) {
      continue;
    } else if (one_of(w, settings) && !(i > 0 && (words[i - 1] == "hw" || words[i - 1] == "hardware")) &&
               (last || (word_classes(words[i + 1]) & change_verb) || one_of(words[i + 1], setting_parts))) {
      return SecuritySetting::other;
    } else if (one_of(w, authentication) && (last || one_of(words[i + 1], setting_parts))) {
      return SecuritySetting::other;
    }
  }
  return pin ? SecuritySetting::pin : key ? SecuritySetting::key : SecuritySetting::none;
}

namespace {

bool names_verify_of_security_object(const std::vector<std::string>& words) {
  const auto verify = std::find_if(words.begin(), words.end(), [](const std::string& w) {
    return std::find(std::begin(verify_words), std::end(verify_words), w) != std::end(verify_words);
  });
  if (verify == words.end()) return false;
  return words.size() == 1 || has_word(words, crypto_words) || names_security_object(words, false);
}

// Words that say access was refused (SVC_DENIED, -EACCES, -EKEYREJECTED, rpc_autherr_badcred) and,
// beside an authentication word, that it failed (AUTH_BAD_KEYID).
constexpr std::string_view denial_words[] = {"denied", "deny", "reject", "rejected", "refused", "unauthorized",
                                             "unauth", "eacces", "eperm", "ekeyrejected", "ekeyrevoked",
                                             "ekeyexpired", "forbidden", "badcred", "eauth"};
constexpr std::string_view bad_words[] = {"bad", "fail", "failed", "failure", "err", "error", "invalid"};
constexpr std::string_view failure_words[] = {"fail", "failed", "failure", "err", "error", "denied",
                                              "deny", "reject", "rejected", "invalid", "unauthorized", "unauth",
                                              "bad", "eacces", "eperm", "forbidden", "mismatch", "refused"};
constexpr std::string_view lock_words[] = {"locked", "lockout", "lockedout"};
// A function named with these verbs locks accounts or changes a setting (LOG-2's configuration changes).
constexpr std::string_view lock_verbs[] = {"lock", "lockout", "unlock"};
// A version of a security object (fw_version) is a number to compare releases by.
constexpr std::string_view version_words[] = {"version", "ver", "revision", "rev"};
constexpr std::string_view change_verbs[] = {"set", "change", "update", "reset", "write", "store", "provision",
                                             "rotate", "revoke", "enroll", "disable", "enable"};

// The word table: every set's words by FileNames::hash_of, open addressing, at most half full.
class WordTable {
 public:
  WordTable() {
    add(auth_words, auth_word);
    add(verify_words, verify_word);
    add(check_words, check_word);
    add(security_nouns, security_noun);
    add(address_words, address_word);
    add(lock_words, lock_word);
    add(account_words, account_word);
    add(std::array<std::string_view, 1>{"mac"}, mac_word);
    add(denial_words, denial_word);
    add(bad_words, bad_word);
    add(failure_words, failure_word);
    add(lock_verbs, lock_verb);
    add(change_verbs, change_verb);
    add(version_words, version_word);
  }
  uint32_t of(std::string_view word) const {
    const uint64_t hash = FileNames::hash_of(word);
    for (size_t s = hash & (slots - 1);; s = (s + 1) & (slots - 1)) {
      const Slot& slot = slots_[s];
      if (slot.classes == 0) return 0;
      if (slot.hash == hash && slot.word == word) return slot.classes;
    }
  }

 private:
  static constexpr size_t slots = 512;
  struct Slot {
    std::string_view word;
    uint64_t hash = 0;
    uint32_t classes = 0;  // 0: free
  };
  void add(std::span<const std::string_view> words, uint32_t c) {
    for (std::string_view w : words) {
      const uint64_t hash = FileNames::hash_of(w);
      for (size_t s = hash & (slots - 1);; s = (s + 1) & (slots - 1)) {
        Slot& slot = slots_[s];
        if (slot.classes == 0) slot = {w, hash, 0};
        if (slot.hash != hash || slot.word != w) continue;
        slot.classes |= c;
        break;
      }
    }
  }
  std::array<Slot, slots> slots_{};
};

uint32_t split_word_classes(std::string_view name) {
  static const WordTable table;
  uint32_t found = 0;
  any_word(name, [&](std::string_view w) {
    found |= table.of(w);
    if (w.starts_with("ebad") || w.starts_with("eauth")) found |= failure_code;
    return false;
  });
  return found;
}

}  // namespace

// The judgements of one name ask about its word sets in turn: the sets are remembered for the
// names the thread saw last, in a direct-mapped table of one cache line per name (128 KiB).
uint32_t word_classes(std::string_view name) {
  struct alignas(64) Known {
    char name[56] = {};
    uint8_t length = 0xff;  // no name
    uint32_t classes = 0;
  };
  static_assert(sizeof(Known) == 64);
  if (name.size() > sizeof Known::name) return split_word_classes(name);  // too long to keep
  constexpr size_t lines = size_t{1} << 11;
  thread_local std::vector<Known> known(lines);
  Known& k = known[FileNames::hash_of(name) & (lines - 1)];
  if (k.length != name.size() || std::string_view(k.name, k.length) != name) {
    std::copy(name.begin(), name.end(), k.name);
    k.length = static_cast<uint8_t>(name.size());
    k.classes = split_word_classes(name);
  }
  return k.classes;
}

// Functions that compare memory or strings (strcmp, CRYPTO_memcmp, mbedtls_ct_memcmp,
// constant_time_compare, _compare, memeq…): security-relevant only when an operand is.
bool is_comparison(std::string_view name) {
  return any_word(name, [](std::string_view w) {
    return w.ends_with("cmp") || w == "compare" || w == "equal" || w == "equals" || w == "memeq" || w == "streq" ||
           w == "memequal";
  });
}

// A function whose result decides authentication or the acceptance of an image:
// mbedtls_pk_verify, check_pin, authenticate_user, validate_image_signature…
bool is_verification(std::string_view name) {
  // Splitting into words allocates; most names hold none of the words that can make them one.
  if (!(word_classes(name) & (auth_word | verify_word | check_word))) return false;
  const auto words = identifier_words(name);
  // sctp_auth_create_key, auth_get_shkey, rpc_auth_release manage an authentication's objects;
  // they decide nothing (unless they fetch its outcome: get_auth_status).
  constexpr std::string_view managing[] = {"create", "alloc", "allocate", "new", "init", "get", "free", "destroy",
                                           "release", "put", "register", "unregister", "lookup", "find", "copy",
                                           "dup", "clone", "set", "add", "del", "delete", "remove", "list", "dump",
                                           "show", "print", "parse", "read", "write", "load", "save", "store"};
  // system_supports_address_auth, has_auth_capability: whether the system can do a thing.
  constexpr std::string_view capability[] = {"supports", "support", "supported", "capable", "capability",
                                             "capabilities"};
  if (has_word(words, capability)) return false;
  const bool checks = has_word(words, check_words);
  // nvmet_auth_send_data_len: a length, size or count of an authentication's data is no outcome.
  // nvme_auth_dhgroup_id: nor is its id, name or type, which names a thing rather than deciding.
  constexpr std::string_view measures[] = {"len", "length", "size", "sz", "offset", "off", "count", "cnt",
                                           "id", "name", "type"};
  const bool measure = std::find(std::begin(measures), std::end(measures), words.back()) != std::end(measures);
  if (has_word(words, auth_words) && (checks || !has_word(words, managing)) && !measure) return true;
  // verify_skcipher_des_key, xts_verify_key, ep11_check_aes_key: a cipher's key checked as it is
  // installed (a weak DES key, a length the mode refuses) is key material refused, no one's
  // authentication; the caller that installs it reports the error.
  const auto key = std::find_if(words.begin(), words.end(), [](const std::string& w) { return w == "key" || w == "keys"; });
  if (key != words.end() && std::any_of(words.begin(), key, [](const std::string& w) { return names_cipher(w); }))
    return false;
  // rtw89_mac_check_mac_en, rtw_fw_dump_check_size: the words after the check say what it checks.
  size_t checked = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i)
    if (std::find(std::begin(check_words), std::end(check_words), words[i]) != std::end(check_words)) checked = i + 1;
  return names_verify_of_security_object(words) || (checks && names_security_object(words, true, checked));
}

bool names_authentication(std::string_view name) { return word_classes(name) & auth_word; }

// A comparison named for keys (keys_cmp, keycmp) orders or finds a map's keys.
bool compares_keys(std::string_view name) {
  return any_word(name, [](std::string_view w) { return w == "key" || w == "keys" || (w.starts_with("key") && w.ends_with("cmp")); });
}

// A value computed to check data (a signature, MAC, tag, hash, digest, CRC): one compared with a
// constant is a format's marker or an unset value, where a real one is compared with its computed twin.
bool names_check_value(std::string_view name) {
  return any_word(name, [](std::string_view w) {
    return w == "sig" || w == "signature" || w == "signatures" || w == "tag" || w == "mac" || w == "hmac" ||
           w == "hash" || w == "digest" || w == "crc" || w == "checksum";
  });
}

// A signature, digest or HMAC by name, its last word (expected_digest, manifestDigest; not
// digest_size): compared with another such value (`digest != expected_digest`) in C++, where an
// array or string compares by value. A bare hash or tag is as often a table's.
bool names_signed_value(std::string_view name) {
  if (names_constant(name)) return false;
  bool last_signed = false;  // whether the word last seen is one
  any_word(name, [&](std::string_view w) {
    last_signed = w == "sig" || w == "signature" || w == "digest" || w == "hmac";
    return false;
  });
  return last_signed;
}

// A buffer or value named as empty (null_key, zero_mac, empty_hash): what is compared with it is
// tested for being unset, not verified.
bool names_empty_value(std::string_view name) {
  return any_word(name, [](std::string_view w) {
    return w == "null" || w == "zero" || w == "zeros" || w == "zeroes" || w == "empty" || w == "blank";
  });
}

// A name that says a key or credential was refused: -EKEYREJECTED, -EKEYREVOKED, -EKEYEXPIRED,
// rpc_autherr_badcred.
bool names_key_rejection(std::string_view name) {
  return (word_classes(name) & denial_word) &&
         any_word(name, [](std::string_view w) { return w.starts_with("ekey") || w == "badcred"; });
}

// A name that says access was refused: SVC_DENIED, -EACCES, -EKEYREJECTED, rpc_autherr_badcred,
// AUTH_BAD_KEYID.
bool names_denial(std::string_view name) {
  const uint32_t classes = word_classes(name);
  return (classes & denial_word) || ((classes & auth_word) && (classes & bad_word));
}

// A check whose object or arguments name a credential or signed thing: tokens_.validate(req.token()),
// validator.check(signature, len). tokens[at] is the called name, followed by its '('. Narrower
// nouns than a function's own name needs: a check of a map's key or a user's name is not one.
bool names_a_secret(std::string_view name) {
  return may_name_credential(name) && !names_constant(name) && credential_name(name) == CredentialName::secret;
}
bool has_check_word(std::string_view name) { return word_classes(name) & check_word; }
// A security noun among an operand's words but "mac", which is judged with the whole condition in
// view (is_mac_operand).
// A version of a security object (fw_version, liquidio_firmware_version) is a number to compare
// releases by, not the object.
namespace {
bool names_security_operand(std::string_view name, bool qualified_key) {
  if ((word_classes(name) & (security_noun | version_word)) != security_noun || names_constant(name)) return false;
  auto words = identifier_words(name);
  std::erase(words, "mac");
  return names_security_object(words, qualified_key);
}
}  // namespace
bool has_security_noun(std::string_view name) { return names_security_operand(name, false); }
// A function returning a security object to compare (real_digest(io), get_session_token()): a key
// only where a word makes it cryptographic, as a map's accessor (set_ext_key(elem)) returns its key.
bool returns_security_object(std::string_view name) { return names_security_operand(name, true); }
bool is_mac_operand(std::string_view name) { return (word_classes(name) & (mac_word | address_word)) == mac_word; }
bool has_address_word(std::string_view name) { return word_classes(name) & address_word; }

// A check whose object or arguments name a credential or signed thing: tokens_.validate(req.token()),
// validator.check(signature, len). tokens[at] is the called name, followed by its '('. Narrower
// nouns than a function's own name needs: a check of a map's key or a user's name is not one; a
// "mac" among a hardware address's words is the address (is_valid_ether_addr(mac)).
bool checks_security_thing(std::span<const Token> tokens, size_t at) {
  if (!has_check_word(tokens[at].text)) return false;
  // check_mul_overflow(a, b, &tokens), check_range(offset, len, sig_buf): a check named for what it
  // checks, arithmetic or bounds, checks that whatever its arguments are.
  if (any_word(tokens[at].text, [](std::string_view w) {
        return w == "overflow" || w == "underflow" || w == "range" || w == "bounds";
      }))
    return false;
  // is_valid_ether_addr(mac), ether_addr_equal(mac_addr, …): beside an address word, in the
  // check's name or the argument's, "mac" is the hardware address.
  const bool address_check = has_address_word(tokens[at].text);
  // gpio_is_valid(pin): beside a hardware word in the check's name a pin is an I/O pin.
  const bool hardware = any_word(tokens[at].text, [](std::string_view w) { return names_hardware_pin(w); });
  // valid_signal(sig), fw_status(&huc->fw): where the check's own name says what an argument is,
  // the name was judged already (is_verification) and the argument adds nothing.
  const std::vector<std::string> check_name = identifier_words(tokens[at].text);
  const auto security = [&](std::string_view id) {
    if (names_constant(id)) return false;
    if (names_secret(id) && !(hardware && any_word(id, [](std::string_view w) { return w == "pin"; }))) return true;
    const bool address = address_check || has_address_word(id);
    const std::vector<std::string> words = identifier_words(id);
    for (size_t i = 0; i < words.size(); ++i) {
      std::string_view w = words[i];
      if (i + 1 < words.size() && std::find(std::begin(attribute_words), std::end(attribute_words), words[i + 1]) !=
                                      std::end(attribute_words))
        continue;  // certs_address, fw_len
      if (w.size() > 3 && w.back() == 's') w.remove_suffix(1);  // tokens, certs, signatures
      if (std::any_of(check_name.begin(), check_name.end(), [w](const std::string& c) { return c.starts_with(w); }))
        continue;
      if (w == "mac" && !address) return true;
      for (std::string_view noun : {"signature", "sig", "cert", "certificate", "token", "hmac", "digest",
                                    "credential", "firmware", "fw", "otp"})
        if (w == noun) return true;
    }
    return false;
  };
  const bool member = at >= 2 && (tokens[at - 1].is(".") || tokens[at - 1].is("->"));
  if (member && tokens[at - 2].kind == TokenKind::identifier && security(tokens[at - 2].text)) return true;
  // The base of a member access is not the argument: in `fw->size` the argument is a size.
  int depth = 0;
  for (size_t k = at + 1; k < tokens.size(); ++k) {
    depth += tokens[k].is("(") ? 1 : tokens[k].is(")") ? -1 : 0;
    if (depth <= 0) break;
    const bool base = k + 1 < tokens.size() && (tokens[k + 1].is("->") || tokens[k + 1].is("."));
    if (tokens[k].kind == TokenKind::identifier && !base && security(tokens[k].text)) return true;
  }
  return false;
}

// A variable holding such an outcome: authenticated, sig_ok, pin_valid, auth_result,
// login_attempts… Its first or last word says the outcome: hash_result_offset is an offset,
// login_buf a buffer, crc_result the CRC computed. Constants (ALL_CAPS, like KEY_SLOT_FW_VERIFY)
// name things, not outcomes.
bool is_outcome_variable(std::string_view name) {
  if (names_constant(name)) return false;
  // TAG_Valid, TW_Denormal: an enumerator spelled after an upper-case prefix is a value a variable
  // is compared with, not an outcome held.
  const std::string_view prefix = name.substr(0, name.find('_'));
  if (prefix.size() >= 2 && prefix.size() < name.size() && names_constant(prefix) &&
      std::any_of(prefix.begin(), prefix.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
    return false;
  if (!(word_classes(name) & (auth_word | verify_word | security_noun))) return false;
  auto words = identifier_words(name);
  if (!words.empty() && (words.front() == "is" || words.front() == "has")) words.erase(words.begin());
  if (words.empty()) return false;
  const auto one_of = [](const std::string& w, std::initializer_list<std::string_view> set) {
    return std::find(set.begin(), set.end(), w) != set.end();
  };
  const std::initializer_list<std::string_view> judgement = {"ok", "valid", "good", "passed", "match", "matches", "matched", "equal", "equals"};
  const bool judged = one_of(words.front(), judgement) || one_of(words.back(), judgement);
  if (has_word(words, auth_words) || has_word(words, verify_words))
    return words.size() == 1 || judged ||
           one_of(words.back(), {"authenticated", "authorized", "authed", "verified", "result", "status", "rc", "ret",
                                 "success", "succeeded", "failed", "attempts", "tries", "retries", "failures", "fails"});
  return (judged && names_security_object(words, false)) ||
         (counts_attempts(name) && std::any_of(words.begin(), words.end(), [](const std::string& w) {
            return w == "pin" || w == "password" || w == "passwd" || w == "passcode" || w == "passphrase" || w == "pwd";
          }));
}

// A count of attempts (login_attempts, pinRetries, MAX_PIN_ATTEMPTS): its last word says so.
bool counts_attempts(std::string_view name) {
  bool count = false;  // whether the word last seen is one
  any_word(name, [&](std::string_view w) {
    count = w == "attempts" || w == "tries" || w == "retries" || w == "failures";
    return false;
  });
  return count;
}

bool is_lock_word(std::string_view name) { return word_classes(name) & lock_word; }

// Whether a name can make a condition decide anything (judge_condition), called or as a value:
// what each of its tests asks of a name, joined, so that most conditions (`if (ret < 0)`,
// `if (!netif_running(dev))`) are let go after one question per name.
bool may_decide_as_call(std::string_view name) {
  return is_verification(name) || has_check_word(name) || is_comparison(name) || names_authentication(name) ||
         is_lock_word(name) || names_a_secret(name);
}
bool may_decide_as_value(std::string_view name) {
  return is_outcome_variable(name) || names_a_secret(name) || is_lock_word(name);
}

// Whether a name may hold a lock word: its letters "locked" or "lockout" in a row, in any case.
// A look at the letters, for every name of every file (is_lock_word splits a name into words).
bool may_hold_lock_word(std::string_view name) {
  const auto lower_at = [&](size_t i, std::string_view word) {
    for (size_t k = 0; k < word.size(); ++k)
      if ((name[i + k] | 0x20) != word[k]) return false;
    return true;
  };
  for (size_t i = 0; i + 6 <= name.size(); ++i)
    if ((name[i] | 0x20) == 'l' && (lower_at(i, "locked") || (i + 7 <= name.size() && lower_at(i, "lockout"))))
      return true;
  return false;
}
bool is_account_word(std::string_view name) { return word_classes(name) & account_word; }

// Whether a lock verb acts on an account: next to an account word (lock_user, unlock_account,
// user_lockout), not a lock of the user's elsewhere in the name (user_dlm_lock_status,
// handle_user_split_lock, user_may_continue_on_blocked_lock).
bool names_account_lock(const std::vector<std::string>& words) {
  const auto in = [](std::span<const std::string_view> set, const std::string& w) {
    return std::find(set.begin(), set.end(), w) != set.end();
  };
  // The account word must be the thing locked, not qualify another (mtd_lock_user_prot_reg locks a
  // flash region of the user's): the last word, or before a lock verb or another account word.
  const auto account_at = [&](size_t i) {
    return in(account_words, words[i]) &&
           (i + 1 == words.size() || in(lock_verbs, words[i + 1]) || in(account_words, words[i + 1]));
  };
  for (size_t i = 0; i < words.size(); ++i)
    if (in(lock_verbs, words[i]) && ((i > 0 && account_at(i - 1)) || (i + 1 < words.size() && account_at(i + 1))))
      return true;
  return false;
}

// A name that says failure: FAILED, ERR_AUTH, -EACCES, errno-style codes (EAUTH, EBADMSG,
// BOOT_EBADIMAGE, BLE_HS_EAUTHEN), and wolfSSL's error codes, constants ending in _E (SIG_VERIFY_E).
bool names_failure(std::string_view name) {
  return (word_classes(name) & (failure_word | failure_code)) ||
         (name.size() > 2 && name.ends_with("_E") && names_constant(name));
}

// `value` is a failure: false, a negative number or code, or an expression naming a failure
// (`names_one`: whether one of its identifiers does).
bool is_failure_value(std::span<const Token> value, bool names_one) {
  if (value.empty()) return false;
  if (value[0].is_ident("false")) return true;
  if (value[0].is("-") && value.size() > 1) return true;  // -1, -EACCES
  return names_one;
}

}  // namespace mdbc::source::security_events
