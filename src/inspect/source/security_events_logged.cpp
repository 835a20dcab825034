// LOG-2: code that rejects authentication or a firmware image, or changes security
// configuration, reaches the security log. A rejection is a branch taken on the outcome of a
// comparison or verification that returns a failure. It is logged when the branch or the
// condition (`if (!verify_and_log(img)) return -1;`) calls the log, directly or through functions
// of the tree that do, or when a caller tests the rejecting function's result and logs right
// there (`if (check_pin(p) != 0) { LOG_WRN(...); ... }`). Resolved tree-wide in finish().
//
// Account lockout (decided under the element's own words, CWE-778): refusing a locked account is an
// authentication rejection, and locking one — setting its locked flag, or a function that locks
// or unlocks accounts — changes security configuration. Each must reach the log itself: a log of
// the failed password that led to the lockout does not say that the account is now locked.
#include <algorithm>
#include <array>
#include <any>
#include <cstdint>
#include <functional>
#include <set>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "core/text.h"
#include "inspect/source/credential_names.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/log_facility.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

struct Site {
  uint32_t line = 0, column = 0;
  std::string evidence, function, what;
  bool logs_directly = false;
  std::vector<uint64_t> calls;  // the name hashes of the functions the branch calls, to resolve tree-wide
};

// Function names in the tree-wide call graph are 64-bit hashes: the graph holds every function of
// the tree and every call it makes (millions in a kernel tree), where strings would cost tens of
// bytes each for the whole run.
// They are FileNames' hashes, which the file's names already carry (name_hash_at).
using NameHash = uint64_t;
NameHash name_hash(std::string_view name) { return FileNames::hash_of(name); }
NameHash name_hash_at(const SourceFile& file, const Token& t) {
  return t.kind == TokenKind::identifier && t.name < file.names.size() ? file.names.hash(t.name) : name_hash(t.text);
}

// A file's functions for the tree-wide call graph, in flat arrays: a kernel tree has 650,000
// functions, and a vector of calls apiece cost more in headers, allocations and slack than the
// calls themselves.
struct FunctionTable {
  std::vector<NameHash> names;
  std::vector<uint8_t> logs_directly;
  std::vector<uint32_t> calls_end;  // function i calls calls[calls_end[i - 1] (0 for i = 0), calls_end[i])
  std::vector<NameHash> calls;      // per function sorted, each once
};

// A call whose result an `if` tests (directly or through the variable it was assigned to), with
// the calls of that if's branches: the caller's reaction to the callee's failure.
struct TestedCall {
  std::string callee;
  bool logs_directly = false;
  std::vector<uint64_t> branch_calls;  // name hashes
};

struct FileFacts {
  FunctionTable functions;
  std::vector<Site> rejections;
  std::vector<Site> config_changes;
  std::vector<TestedCall> tested_calls;
};

bool has_word(std::string_view id, std::span<const std::string_view> words) {
  return any_word(id, [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

bool has_word(std::string_view id, std::initializer_list<std::string_view> words) {
  return has_word(id, std::span<const std::string_view>(words.begin(), words.size()));
}

// For a name already split into words (identifier_words), asked about several sets of words.
bool has_word(const std::vector<std::string>& name_words, std::span<const std::string_view> words) {
  return std::any_of(name_words.begin(), name_words.end(),
                     [&](const std::string& w) { return std::find(words.begin(), words.end(), w) != words.end(); });
}

// Words that make a function or an outcome about authentication by themselves.
constexpr std::string_view auth_words[] = {"authenticate", "authenticated", "authorize", "authorized", "auth",
                                           "authed", "login", "logon"};
// "verify" is checked for its object: verify_signature, image_verify and a bare verify() are
// verifications; npc_verify_counter and perout_verify_flags check a request's fields.
constexpr std::string_view verify_words[] = {"verify", "verified", "verification"};
constexpr std::string_view check_words[] = {"check", "validate", "compare", "match", "matches",
                                                              "equal", "equals", "cmp", "ok", "valid", "good",
                                                              "passed", "result", "rc", "ret", "status"};
constexpr std::string_view security_nouns[] = {
    "pin", "password", "passwd", "pwd", "passphrase", "passcode", "token", "credential", "credentials", "otp", "mac",
    "hmac", "digest", "hash", "sha", "sha256", "signature", "sig", "cert", "certificate", "key", "session", "user",
    "image", "img", "firmware", "fw", "tag", "challenge", "response", "secret", "crc", "passkey", "psk", "nonce"};
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

// Words that after "user" name the opaque pointer a callback is handed (glib's user_data).
constexpr std::string_view callback_context_words[] = {"data", "ctx", "context", "arg", "args", "param",
                                                       "ptr", "priv", "cookie", "cb"};

// The security object a name's words speak of. "mac" beside an address word is the hardware
// address, "pin" beside a hardware word an I/O pin (gpio_pin_ok), "token" beside a parser's word a
// word of the input. "key" counts only where no word before it makes it a map's, a hash's or a keyboard's
// key (flow_rule_match_key, check_key_pressed) and, where `qualified_key`, only where a word makes
// it cryptographic (check_device_key: a bare check_key is as often a keypad's).
// Whether words[i], "key" or "keys", is a lookup key: a word before it makes it a map's, a hash's
// or a keyboard's (flow_rule_match_key, set_rss_key, check_key_pressed).
bool is_lookup_key(const std::vector<std::string>& words, size_t i) {
  return std::any_of(words.begin(), words.begin() + static_cast<std::ptrdiff_t>(i),
                     [](const std::string& b) { return qualifies_key_as_other(b); });
}

// Whether a name's "pin" is an I/O pin: another of its words is a hardware one (gpio_pin_ok, pin_id).
bool is_hardware_pin(const std::vector<std::string>& words) {
  return std::any_of(words.begin(), words.end(), [](const std::string& o) { return names_hardware_pin(o); });
}

bool names_security_object(const std::vector<std::string>& words, bool qualified_key) {
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (std::find(std::begin(security_nouns), std::end(security_nouns), w) == std::end(security_nouns)) continue;
    if (w == "mac" && has_word(words, address_words)) continue;
    if (w == "pin" && is_hardware_pin(words)) continue;
    if (w == "token" && has_word(words, parser_words)) continue;
    // user_data, user_ctx: the opaque context a callback is given, not a user account.
    if (w == "user" && i + 1 < words.size() && std::find(std::begin(callback_context_words), std::end(callback_context_words), words[i + 1]) !=
                                                      std::end(callback_context_words))
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

// What a function that sets, changes or revokes something changes, when that is security
// configuration: a password, PIN, credential, certificate, role, permission, trust, allowlist, a
// user account, a secret key. Words after the noun that make it a part or attribute of it say
// otherwise (set_key_mask, user_priority_set, set_user_mtu), as do words that make a key a lookup
// key (set_rss_key, tcam_key) and a pin an I/O pin (ptp_set_pin_hw).
bool names_security_setting(const std::vector<std::string>& words) {
  constexpr std::string_view settings[] = {"password", "passwd", "pin", "credential", "credentials", "cert",
                                           "certificate", "security", "acl", "allowlist", "whitelist", "factory",
                                           "role", "permission", "permissions", "secret", "trust"};
  constexpr std::string_view account_parts[] = {"account", "accounts", "role", "roles", "password", "passwd",
                                                "permission", "permissions", "privilege", "privileges", "group",
                                                "groups", "access", "credential", "credentials", "pin", "name"};
  // Not its size: the smallest key size allowed is a security setting (min_key_size_set).
  constexpr std::string_view key_parts[] = {"mask", "field", "fields", "bit", "bits", "type", "id",    "index",
                                            "idx",  "map",   "layer",  "layers", "offset", "value", "values"};
  // write_pin_type_dump, set_security_usage: a packet decoder's printer or a command's help text
  // describes a change and makes none.
  constexpr std::string_view describing[] = {"dump", "usage", "print", "show", "display", "decode", "help"};
  const auto one_of = [](std::string_view w, std::span<const std::string_view> set) {
    return std::find(set.begin(), set.end(), w) != set.end();
  };
  if (!words.empty() && one_of(words.back(), describing)) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    const bool last = i + 1 == words.size();
    if (w == "user" || w == "users") {
      if (last || one_of(words[i + 1], account_parts)) return true;
    } else if (w == "key" || w == "keys") {
      if (!is_lookup_key(words, i) && (last || !one_of(words[i + 1], key_parts))) return true;
    } else if (w == "pin") {
      if (!is_hardware_pin(words)) return true;
    } else if (one_of(w, settings)) {
      return true;
    }
  }
  return false;
}

bool names_verify_of_security_object(const std::vector<std::string>& words) {
  const auto verify = std::find_if(words.begin(), words.end(), [](const std::string& w) {
    return std::find(std::begin(verify_words), std::end(verify_words), w) != std::end(verify_words);
  });
  if (verify == words.end()) return false;
  return verify + 1 == words.end() || has_word(words, crypto_words) || names_security_object(words, false);
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
constexpr std::string_view account_words[] = {"account", "accounts", "acct", "user", "users", "login", "logon"};
// A function named with these verbs locks accounts or changes a setting (LOG-2's configuration changes).
constexpr std::string_view lock_verbs[] = {"lock", "lockout", "unlock"};
// A version of a security object (fw_version) is a number to compare releases by.
constexpr std::string_view version_words[] = {"version", "ver", "revision", "rev"};
constexpr std::string_view change_verbs[] = {"set", "change", "update", "reset", "write", "store", "provision",
                                             "rotate", "revoke", "enroll", "disable", "enable"};

// Which of the word sets above a name has a word of, one bit per set: the judgements of names
// below each ask about several sets, and a name is split into words once for all of them, each
// word looked up once in one table of every set's words.
enum WordClass : uint32_t {
  auth_word = 1u << 0,
  verify_word = 1u << 1,
  check_word = 1u << 2,
  security_noun = 1u << 3,
  address_word = 1u << 4,
  lock_word = 1u << 5,
  account_word = 1u << 6,
  mac_word = 1u << 7,
  denial_word = 1u << 8,
  bad_word = 1u << 9,
  failure_word = 1u << 10,
  failure_code = 1u << 11,  // an errno-style code: ebad…, eauth… (EBADMSG, BOOT_EBADIMAGE, BLE_HS_EAUTHEN)
  lock_verb = 1u << 12,
  change_verb = 1u << 13,
  version_word = 1u << 14,
};

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
  const bool checks = has_word(words, check_words);
  if (has_word(words, auth_words) && (checks || !has_word(words, managing))) return true;
  return names_verify_of_security_object(words) || (checks && names_security_object(words, true));
}

bool names_authentication(std::string_view name) { return word_classes(name) & auth_word; }

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
  return may_name_credential(name) && credential_name(name) == CredentialName::secret;
}
bool has_check_word(std::string_view name) { return word_classes(name) & check_word; }
// A security noun among an operand's words but "mac", which is judged with the whole condition in
// view (is_mac_operand).
// A version of a security object (fw_version, liquidio_firmware_version) is a number to compare
// releases by, not the object.
bool has_security_noun(std::string_view name) {
  if ((word_classes(name) & (security_noun | version_word)) != security_noun) return false;
  auto words = identifier_words(name);
  std::erase(words, "mac");
  return names_security_object(words, false);
}
bool is_mac_operand(std::string_view name) { return (word_classes(name) & (mac_word | address_word)) == mac_word; }
bool has_address_word(std::string_view name) { return word_classes(name) & address_word; }

// A check whose object or arguments name a credential or signed thing: tokens_.validate(req.token()),
// validator.check(signature, len). tokens[at] is the called name, followed by its '('. Narrower
// nouns than a function's own name needs: a check of a map's key or a user's name is not one; a
// "mac" among a hardware address's words is the address (is_valid_ether_addr(mac)).
bool checks_security_thing(std::span<const Token> tokens, size_t at) {
  if (!has_check_word(tokens[at].text)) return false;
  const bool address = has_address_word(tokens[at].text);
  // gpio_is_valid(pin): beside a hardware word in the check's name a pin is an I/O pin.
  const bool hardware = any_word(tokens[at].text, [](std::string_view w) { return names_hardware_pin(w); });
  const auto security = [address, hardware](std::string_view id) {
    if (names_secret(id) && !(hardware && any_word(id, [](std::string_view w) { return w == "pin"; }))) return true;
    return any_word(id, [address](std::string_view w) {
      if (w.size() > 3 && w.back() == 's') w.remove_suffix(1);  // tokens, certs, signatures
      if (w == "mac") return !address;
      for (std::string_view noun : {"signature", "sig", "cert", "certificate", "token", "hmac", "digest",
                                    "credential", "firmware", "fw", "otp"})
        if (w == noun) return true;
      return false;
    });
  };
  const bool member = at >= 2 && (tokens[at - 1].is(".") || tokens[at - 1].is("->"));
  if (member && tokens[at - 2].kind == TokenKind::identifier && security(tokens[at - 2].text)) return true;
  int depth = 0;
  for (size_t k = at + 1; k < tokens.size(); ++k) {
    depth += tokens[k].is("(") ? 1 : tokens[k].is(")") ? -1 : 0;
    if (depth <= 0) break;
    if (tokens[k].kind == TokenKind::identifier && security(tokens[k].text)) return true;
  }
  return false;
}

// A variable holding such an outcome: authenticated, sig_ok, pin_valid, auth_result,
// login_attempts… Its first or last word says the outcome: hash_result_offset is an offset,
// login_buf a buffer, crc_result the CRC computed. Constants (ALL_CAPS, like KEY_SLOT_FW_VERIFY)
// name things, not outcomes.
bool is_outcome_variable(std::string_view name) {
  if (std::none_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
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
  return judged && names_security_object(words, false);
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

// A name that says failure: FAILED, ERR_AUTH, -EACCES, and errno-style codes (EAUTH, EBADMSG,
// BOOT_EBADIMAGE, BLE_HS_EAUTHEN).
bool names_failure(std::string_view name) {
  return word_classes(name) & (failure_word | failure_code);
}

// `value` is a failure: false, a negative number or code, or an expression naming a failure
// (`names_one`: whether one of its identifiers does).
bool is_failure_value(std::span<const Token> value, bool names_one) {
  if (value.empty()) return false;
  if (value[0].is_ident("false")) return true;
  if (value[0].is("-") && value.size() > 1) return true;  // -1, -EACCES
  return names_one;
}

// Whether a call of the function named by `callee` records a security event, judged once per name
// in `memo`: by the name alone, and so remembered across files, unless the project declares its
// log functions.
bool records_security_event(NameMemo& memo, const Token& callee, const Config& config) {
  if (config.log_functions.empty()) return memo(callee, records_security_events_by_name);
  return memo(callee, [&](std::string_view n) { return records_security_events(n, config); });
}

// `variable = callee(...)` in the function being walked: the callee's token by the variable's
// name. A table of the file's names, not a map of strings: every identifier of every condition of
// the file is looked up in it.
class AssignedCallees {
 public:
  explicit AssignedCallees(const FileNames& names) : callee_(names.size(), none) {}
  void clear() {
    for (const uint32_t name : assigned_) callee_[name] = none;
    assigned_.clear();
  }
  void assign(const Token& variable, size_t callee) {
    if (variable.name >= callee_.size()) return;
    if (callee_[variable.name] == none) assigned_.push_back(variable.name);
    callee_[variable.name] = callee;
  }
  // The token of the callee last assigned to `variable`, or none.
  size_t of(const Token& variable) const { return variable.name < callee_.size() ? callee_[variable.name] : none; }
  static constexpr size_t none = SIZE_MAX;

 private:
  std::vector<size_t> callee_;
  std::vector<uint32_t> assigned_;
};

// The names a function uses as objects: the base of a member access (`auth->agent`), compared
// with NULL, or declared as pointers (`struct auth_req *auth`). Tested alone (`if (!auth) return;`)
// such a name asks whether the object exists, an argument check, not an authentication's outcome.
// Found on first need, once per function: most functions test no outcome-named variable.
class ObjectNames {
 public:
  explicit ObjectNames(const FileNames& names) : object_(names.size(), 0) {}
  // The function whose names are asked about next: its tokens [begin, end), parameters included.
  void start(std::span<const Token> tokens, size_t begin, size_t end) {
    for (const uint32_t name : marked_) object_[name] = 0;
    marked_.clear();
    tokens_ = tokens.subspan(begin, end - begin);
    looked_ = false;
  }
  bool operator()(const Token& name) {
    if (!looked_) find(), looked_ = true;
    return name.name < object_.size() && object_[name.name] != 0;
  }

 private:
  void find() {
    const auto null = [](const Token& t) { return t.is_ident("NULL") || t.is_ident("nullptr"); };
    const auto mark = [&](const Token& t) {
      if (t.kind != TokenKind::identifier || t.name >= object_.size() || object_[t.name] != 0) return;
      object_[t.name] = 1;
      marked_.push_back(t.name);
    };
    for (size_t k = 0; k + 1 < tokens_.size(); ++k) {
      const Token& t = tokens_[k];
      const Token& next = tokens_[k + 1];
      if (next.is("->") || (next.is(".") && t.kind == TokenKind::identifier)) mark(t);
      if ((next.is("==") || next.is("!=")) && k + 2 < tokens_.size() && null(tokens_[k + 2])) mark(t);
      if ((t.is("==") || t.is("!=")) && k > 0 && null(tokens_[k - 1])) mark(next);
      // `type *name` declared: an identifier, a '*', the name, then what ends a declarator.
      if (t.is("*") && k > 0 && tokens_[k - 1].kind == TokenKind::identifier && k + 2 < tokens_.size() &&
          (tokens_[k + 2].is("=") || tokens_[k + 2].is(";") || tokens_[k + 2].is(",") || tokens_[k + 2].is(")")))
        mark(next);
    }
  }
  std::vector<uint8_t> object_;
  std::vector<uint32_t> marked_;
  std::span<const Token> tokens_;
  bool looked_ = false;
};

class SecurityEventsLogged final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"security-events-logged", InputKind::source,
            {"LOG-2/unlogged-rejection", "LOG-2/unlogged-security-change"}};
  }

  void check(const SourceFile& file, std::vector<Finding>&, std::any& facts) const override {
    const auto& tokens = file.tokens;
    const auto& syntax = file.syntax;
    const auto& config = file.ctx.config;
    FileFacts out;
    Judged judged(file.names);
    NameMemo logs(file.names), diagnostic_writer(file.names);
    // Calls by enclosing function, from the syntax pass.
    const size_t function_count = syntax.functions().size();
    std::vector<uint8_t> logs_directly(function_count, 0);
    std::vector<std::pair<uint32_t, NameHash>> edges;  // (function, callee)
    // Without a declared log API, a helper that writes a diagnostic (fprintf(stderr, …), warnx,
    // fputs(msg, audit_fp)) logs as that same call would in the rejecting branch.
    const bool diagnostics_count = config.log_functions.empty();
    for (const auto& c : syntax.calls()) {
      if (c.function < 0) continue;
      const auto fn = static_cast<uint32_t>(c.function);
      if (records_security_event(logs, tokens[c.name], config) ||
          (diagnostics_count && diagnostic_writer(tokens[c.name], may_write_diagnostics) &&
           writes_diagnostics(tokens, c)))
        logs_directly[fn] = 1;
      edges.emplace_back(fn, name_hash_at(file, tokens[c.name]));
    }
    std::sort(edges.begin(), edges.end());
    edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
    FunctionTable& table = out.functions;
    table.names.reserve(function_count);
    for (const auto& f : syntax.functions()) table.names.push_back(name_hash_at(file, tokens[f.name]));
    table.calls.reserve(edges.size());
    table.calls_end.reserve(function_count);
    for (size_t i = 0, e = 0; i < function_count; ++i) {
      for (; e < edges.size() && edges[e].first == i; ++e) table.calls.push_back(edges[e].second);
      table.calls_end.push_back(static_cast<uint32_t>(table.calls.size()));
    }
    std::vector<std::pair<uint32_t, NameHash>>().swap(edges);
    // A lockout sets a name with a lock word (find_lockouts): most files have none.
    const bool lock_names = std::any_of(file.names.all().begin(), file.names.all().end(), may_hold_lock_word);
    for (size_t i = 0; i < function_count; ++i) {
      const auto& def = syntax.functions()[i];
      const std::string_view name = tokens[def.name].text;
      find_rejections(file, def, name, judged, out);
      if (lock_names) find_lockouts(file, def, name, judged, out);
      const uint32_t classes = word_classes(name);
      const bool account_lock = (classes & lock_verb) && (classes & account_word);
      if (account_lock || ((classes & change_verb) && names_security_setting(identifier_words(name)))) {
        const Token& name_token = tokens[def.name];
        Site s;
        s.line = name_token.line;
        s.column = name_token.column;
        s.function = std::string(name);
        s.what = "security configuration change";
        s.logs_directly = logs_directly[i] != 0;
        for (const auto& c : syntax.calls())
          if (c.function == static_cast<int>(i)) s.calls.push_back(name_hash_at(file, tokens[c.name]));
        s.evidence = file.evidence(name_token);
        out.config_changes.push_back(std::move(s));
      }
    }
    table.logs_directly = std::move(logs_directly);
    facts = std::move(out);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const override {
    // Which function names reach the log: start from those that log directly, then propagate to
    // callers until nothing changes (iterative; the graph may be large and cyclic). The names are
    // slots of one open-addressed table, and each name's callers one run of a flat array: a map of
    // vectors over a kernel tree's 650,000 functions and their calls took twice the memory and
    // time, and this pass runs beside the others.
    size_t function_count = ctx.config.log_functions.size();
    for (const auto& f : files) function_count += std::any_cast<const FileFacts&>(f.facts).functions.names.size();
    int slot_bits = 4;
    while ((size_t{1} << slot_bits) < function_count + function_count / 2) ++slot_bits;
    const size_t slots = size_t{1} << slot_bits;
    constexpr uint32_t no_slot = UINT32_MAX;
    std::vector<NameHash> slot_name(slots);
    std::vector<uint8_t> slot_used(slots, 0);
    const auto home = [&](NameHash name) { return static_cast<size_t>((name * 0x9e3779b97f4a7c15ull) >> (64 - slot_bits)); };
    const auto add = [&](NameHash name) {
      size_t s = home(name);
      while (slot_used[s] && slot_name[s] != name) s = (s + 1) & (slots - 1);
      slot_used[s] = 1;
      slot_name[s] = name;
    };
    const auto slot_of = [&](NameHash name) {
      for (size_t s = home(name); slot_used[s]; s = (s + 1) & (slots - 1))
        if (slot_name[s] == name) return static_cast<uint32_t>(s);
      return no_slot;
    };
    for (const auto& f : files)
      for (const NameHash name : std::any_cast<const FileFacts&>(f.facts).functions.names) add(name);
    for (const auto& name : ctx.config.log_functions) add(name_hash(name));
    // callers_end[s]: first the number of calls of slot s, then where its callers end, then (once
    // filled from the back) where they begin; callers_end[s + 1] is where they end.
    std::vector<uint32_t> callers_end(slots + 1, 0);
    const auto for_each_call = [&](auto&& visit) {
      for (const auto& f : files) {
        const FunctionTable& table = std::any_cast<const FileFacts&>(f.facts).functions;
        for (size_t i = 0; i < table.names.size(); ++i)
          for (size_t c = i == 0 ? 0 : table.calls_end[i - 1]; c < table.calls_end[i]; ++c)
            if (const uint32_t callee = slot_of(table.calls[c]); callee != no_slot) visit(callee, table.names[i]);
      }
    };
    size_t call_count = 0;
    for_each_call([&](uint32_t callee, NameHash) { ++callers_end[callee], ++call_count; });
    if (call_count > UINT32_MAX) throw std::length_error("more than 4G calls between the tree's functions");
    for (size_t s = 1; s <= slots; ++s) callers_end[s] += callers_end[s - 1];
    std::vector<uint32_t> callers(callers_end[slots]);
    for_each_call([&](uint32_t callee, NameHash caller) { callers[--callers_end[callee]] = slot_of(caller); });
    std::vector<uint8_t> reached(slots, 0);
    std::vector<uint32_t> work;
    const auto mark = [&](uint32_t s) {
      if (!reached[s]) reached[s] = 1, work.push_back(s);
    };
    for (const auto& f : files) {
      const FunctionTable& table = std::any_cast<const FileFacts&>(f.facts).functions;
      for (size_t i = 0; i < table.names.size(); ++i)
        if (table.logs_directly[i] != 0) mark(slot_of(table.names[i]));
    }
    for (const auto& name : ctx.config.log_functions) mark(slot_of(name_hash(name)));
    while (!work.empty()) {
      const uint32_t callee = work.back();
      work.pop_back();
      for (uint32_t c = callers_end[callee]; c < callers_end[callee + 1]; ++c) mark(callers[c]);
    }
    const auto reaches = [&](NameHash name) {
      const uint32_t s = slot_of(name);
      return s != no_slot && reached[s];
    };
    // Calls of log functions were judged by name already: they made the site log directly.
    const auto reach = [&](bool directly, const std::vector<NameHash>& calls) {
      return directly || std::any_of(calls.begin(), calls.end(), reaches);
    };
    // Functions whose failure a caller logs where it tests their result.
    std::set<std::string> logged_by_caller;
    for (const auto& f : files)
      for (const auto& t : std::any_cast<const FileFacts&>(f.facts).tested_calls)
        if (reach(t.logs_directly, t.branch_calls)) logged_by_caller.insert(t.callee);
    const auto logged = [&](const Site& s) {
      return reach(s.logs_directly, s.calls) || logged_by_caller.count(s.function) > 0;
    };
    for (const auto& f : files) {
      const auto& facts = std::any_cast<const FileFacts&>(f.facts);
      for (const auto& s : facts.rejections)
        if (!logged(s))
          out.findings.push_back(finding(f.path, s, "LOG-2/unlogged-rejection",
                                         "the " + s.what + " in " + s.function + "() returns without logging a security "
                                         "event; log it (who, what, when) before returning"));
      for (const auto& s : facts.config_changes)
        if (!logged(s))
          out.findings.push_back(finding(f.path, s, "LOG-2/unlogged-security-change",
                                         s.function + "() changes security configuration (" + s.what +
                                             ") but never reaches the security log; log the change"));
    }
  }

 private:
  static Finding finding(std::string_view path, const Site& s, const char* rule, std::string message) {
    Finding f;
    f.rule = rule;
    f.path = std::string(path);
    f.line = s.line;
    f.column = s.column;
    f.message = std::move(message);
    f.evidence = s.evidence;
    f.severity = Severity::error;
    return f;
  }

  // The calls whose name token lies in [begin, end): names into `calls`, and whether one is a
  // log function.

  // What the names of one file are, each judged once: conditions name the same few variables and
  // functions again and again, and splitting a name into words is the costly part.
  struct Judged {
    explicit Judged(const FileNames& names)
        : verification(names), check(names), comparison(names), outcome(names), security_noun(names), mac(names),
          address(names), lock(names), account(names), failure(names), log(names), authentication(names),
          denial(names), credential(names), decides_as_call(names), decides_as_value(names), assigned_from(names),
          objects(names) {}
    NameMemo verification, check, comparison, outcome, security_noun, mac, address, lock, account, failure, log,
        authentication, denial, credential, decides_as_call, decides_as_value;
    AssignedCallees assigned_from;  // of the function being walked
    ObjectNames objects;            // of the function being walked

    // Whether the variable named by `t` holds an outcome (sig_ok, authenticated), not an object
    // tested for existence (`if (!auth)` with auth->agent used).
    bool holds_outcome(const Token& t) { return outcome(t, is_outcome_variable) && !objects(t); }

    // Where the file writes to a logger object or a diagnostic stream (logger.warn(…),
    // std::cerr << …), in token order: found once, not once per branch.
    const std::vector<size_t>& stream_logs(const SourceFile& file) {
      if (!stream_logs_found) {
        stream_logs_found = true;
        const auto& t = file.tokens;
        for (size_t k = 0; k + 1 < t.size(); ++k)
          if ((t[k].kind == TokenKind::identifier && t[k + 1].is("(") && is_logger_member_call(t, k)) ||
              starts_diagnostic_stream(t, k))
            stream_log_positions.push_back(k);
      }
      return stream_log_positions;
    }
    bool stream_logs_found = false;
    std::vector<size_t> stream_log_positions;
  };

  // An `if` that refuses a locked account (`if (acct->locked) return -1;`, `if (is_user_locked(u))`):
  // a rejection of authentication, in an authenticating function or naming the account.
  static bool refuses_locked(std::span<const Token> tokens, size_t begin, size_t end, bool authenticating,
                             Judged& judged) {
    bool locked = false, account = authenticating;
    for (size_t k = begin; k < end; ++k) {
      if (tokens[k].kind != TokenKind::identifier) continue;
      locked = locked || judged.lock(tokens[k], is_lock_word);
      account = account || judged.account(tokens[k], is_account_word);
    }
    return locked && account;
  }

  // An account lockout (`acct->locked = 1;`, `user.lockout = true;`) is a security event of its
  // own: the block that sets it must reach the log (or call a function that does), even when a
  // failed login was logged before it. In an authenticating function, or on an account's field.
  static void find_lockouts(const SourceFile& file, const FunctionDef& def, std::string_view fn_name, Judged& judged, FileFacts& out) {
    const auto& tokens = file.tokens;
    const size_t end = std::min(def.body_close, tokens.size());
    for (size_t i = def.body_open + 1; i + 2 < end; ++i) {
      if (tokens[i].kind != TokenKind::identifier || !tokens[i + 1].is("=") ||
          !judged.lock(tokens[i], is_lock_word))
        continue;
      const Token& value = tokens[i + 2];
      const bool sets = value.is_ident("true") || (value.kind == TokenKind::number && value.text != "0");
      if (!sets || i + 3 >= end || !tokens[i + 3].is(";")) continue;
      const bool owner_account = i >= 2 && (tokens[i - 1].is(".") || tokens[i - 1].is("->")) &&
                                 tokens[i - 2].kind == TokenKind::identifier && has_word(tokens[i - 2].text, account_words);
      if (!owner_account && !(word_classes(fn_name) & (verify_word | auth_word))) continue;
      // The innermost block holding the assignment.
      size_t open = i, depth = 0;
      while (open > def.body_open) {
        --open;
        if (tokens[open].is("}")) ++depth;
        else if (tokens[open].is("{") && depth-- == 0) break;
      }
      Site s;
      s.line = tokens[i].line;
      s.column = tokens[i].column;
      s.function = std::string(fn_name);
      s.what = "account lockout";
      s.evidence = file.evidence(tokens[i]);
      s.logs_directly = collect_calls(file, open, std::min(file.syntax.match(open), end), judged, s.calls);
      out.config_changes.push_back(std::move(s));
    }
  }

  // Whether a call named in [begin, end) writes to the log; if none does, the name hashes of those
  // calls, each once, into `calls` (to resolve tree-wide whether one reaches the log). Nested
  // branches hold each other's calls: hashes kept once per branch keep that linear in practice.
  static bool collect_calls(const SourceFile& file, size_t begin, size_t end, Judged& judged,
                            std::vector<NameHash>& calls) {
    const bool declared_api = !file.ctx.config.log_functions.empty();
    const size_t first = calls.size();
    // Calls are in token order: the ones named in [begin, end) are one run of them.
    const auto& all = file.syntax.calls();
    auto call = std::lower_bound(all.begin(), all.end(), begin, [](const Call& c, size_t at) { return c.name < at; });
    for (; call != all.end() && call->name < end; ++call) {
      const Token& name = file.tokens[call->name];
      if (records_security_event(judged.log, name, file.ctx.config) ||
          (!declared_api && writes_diagnostics(file.tokens, *call))) {
        calls.resize(first);
        return true;
      }
      calls.push_back(name_hash_at(file, name));
    }
    if (!declared_api) {  // logger.warn(...), spdlog::warn(...), std::cerr << …
      const auto& at = judged.stream_logs(file);
      const auto next = std::lower_bound(at.begin(), at.end(), begin);
      if (next != at.end() && *next + 1 < end) {
        calls.resize(first);
        return true;
      }
    }
    std::sort(calls.begin() + static_cast<std::ptrdiff_t>(first), calls.end());
    calls.erase(std::unique(calls.begin() + static_cast<std::ptrdiff_t>(first), calls.end()), calls.end());
    calls.shrink_to_fit();  // a branch with thousands of calls of a few functions keeps a few
    return false;
  }

  // How the branch of a failed check gives up, beyond returning a failure value: in the branch
  // taken when the check failed (`if (!ok)`, `if (strcmp(…) != 0)`, `if (memcmp(…))`), a bare
  // `return;` and, in a function that returns 1 or true for success, `return 0;`.
  struct ExitContext {
    bool failed_branch = false;
    bool zero_is_failure = false;
  };

  // Where a branch gives up with a failure: `return FAILURE;`, `return NULL;`, `throw …;`,
  // exit()/abort(), or `goto out;` after setting a failure (`rc = -EBADMSG; goto out;`). The
  // token that gives up, or `end`.
  static size_t failure_exit(std::span<const Token> tokens, size_t begin, size_t end, ExitContext context,
                             Judged& judged) {
    // The value after token k runs to the next ';'; whether it names a failure is whether the next
    // identifier naming one comes before that ';'. Both are found by pointers that only move
    // forward: a long branch without ';' costs no more than one pass.
    size_t semicolon = begin, failing = begin;
    const auto next_after = [&](size_t& p, size_t k, auto&& is) {
      if (p > k) return;
      p = k + 1;
      while (p < end && !is(tokens[p])) ++p;
    };
    const auto value_after = [&](size_t k) {
      next_after(semicolon, k, [](const Token& t) { return t.is(";"); });
      next_after(failing, k, [&](const Token& t) {
        return t.kind == TokenKind::identifier && judged.failure(t, names_failure);
      });
      return std::pair{tokens.subspan(k + 1, semicolon - k - 1), failing < semicolon};
    };
    bool failure_set = false;
    for (size_t k = begin; k < end; ++k) {
      if (tokens[k].is_ident("return")) {
        const auto [value, names_failure_in_value] = value_after(k);
        if (is_failure_value(value, names_failure_in_value && returns_failure_named(value, judged))) return k;
        const bool null = value.size() == 1 && (value[0].is_ident("NULL") || value[0].is_ident("nullptr"));
        const bool bare = value.empty() && context.failed_branch;
        const bool zero = value.size() == 1 && value[0].is("0") && context.failed_branch && context.zero_is_failure;
        // HTTP's refusals (401 Unauthorized, 403 Forbidden, 407 Proxy Authentication Required),
        // returned by a request handler whose check failed.
        const bool http_refusal = value.size() == 1 && context.failed_branch &&
                                  (value[0].is("401") || value[0].is("403") || value[0].is("407"));
        if (null || bare || zero || http_refusal) return k;
      }
      if (tokens[k].is_ident("throw")) return k;
      const bool terminates = tokens[k].is_ident("exit") || tokens[k].is_ident("_exit") || tokens[k].is_ident("abort");
      if (terminates && k + 1 < end && tokens[k + 1].is("(") && (k == begin || !tokens[k - 1].is("."))) return k;
      if (tokens[k].is("=")) {
        const auto [value, names_failure_in_value] = value_after(k);
        failure_set = failure_set || is_failure_value(value, names_failure_in_value);
      }
      if (tokens[k].is_ident("goto") && failure_set) return k;
    }
    return end;
  }

  // Whether a returned value that names a failure returns it: `return df.func(&entry, data, err);`
  // hands its caller an error pointer to fill and returns the call's result. In a returned call
  // the callee's name (error_reply) or a failure code among the arguments (EACCES, ERR_AUTH: no
  // lower case) says so, not a variable named err.
  static bool returns_failure_named(std::span<const Token> value, Judged& judged) {
    size_t open = 0;
    while (open < value.size() && (value[open].kind == TokenKind::identifier || value[open].is(".") ||
                                   value[open].is("->") || value[open].is("::")))
      ++open;
    if (open == 0 || open >= value.size() || !value[open].is("(") || !value.back().is(")")) return true;
    int depth = 0;
    for (size_t k = open; k < value.size(); ++k) {
      depth += value[k].is("(") ? 1 : value[k].is(")") ? -1 : 0;
      if (depth == 0 && k + 1 < value.size()) return true;  // not one call: `f(a) | ERR`
    }
    for (size_t k = 0; k < value.size(); ++k) {
      const Token& t = value[k];
      if (t.kind != TokenKind::identifier || !judged.failure(t, names_failure)) continue;
      if (k < open || std::none_of(t.text.begin(), t.text.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return true;
    }
    return false;
  }

  // Whether the call named at tokens[name] has an argument naming a security thing (pin, hash,
  // token…). Arguments past the first few dozen tokens are not looked at: a condition may name the
  // same variable many times, and each look costs this walk.
  static bool names_security_operand(std::span<const Token> tokens, size_t name, size_t end, Judged& judged) {
    constexpr size_t max_argument_tokens = 48;
    const size_t stop = std::min(end, name + 2 + max_argument_tokens);
    int depth = 1;
    for (size_t k = name + 2; k < stop && depth > 0; ++k) {
      depth += tokens[k].is("(") ? 1 : tokens[k].is(")") ? -1 : 0;
      if (tokens[k].kind == TokenKind::identifier && judged.security_noun(tokens[k], has_security_noun)) return true;
    }
    return false;
  }

  // Whether the function [begin, end) returns 1 or true somewhere: then its `return 0;` says "no".
  // Looked for on first need: only the branches of a verification ask, and most functions have none.
  class ReturnsOne {
   public:
    ReturnsOne(std::span<const Token> tokens, size_t begin, size_t end) : tokens_(tokens), begin_(begin), end_(end) {}
    bool operator()() {
      if (!looked_) returns_one_ = find(), looked_ = true;
      return returns_one_;
    }

   private:
    bool find() const {
      for (size_t k = begin_; k + 2 < end_; ++k)
        if (tokens_[k].is_ident("return") && (tokens_[k + 1].is("1") || tokens_[k + 1].is_ident("true")) &&
            tokens_[k + 2].is(";"))
          return true;
      return false;
    }
    std::span<const Token> tokens_;
    size_t begin_, end_;
    bool looked_ = false, returns_one_ = false;
  };

  // What the condition of an `if` (or of a ternary) tests: a verification outcome, a comparison
  // of security things, the functions whose results it tests.
  struct Condition {
    bool verification = false;
    bool comparison = false;        // it calls a comparison function (memcmp, strcmp, _compare)
    bool verifying_callee = false;  // a tested function verifies (check_pin, authenticate, image_ok)
    bool of_authentication = false;  // or fetches an authentication's object (auth_get_session)
    std::vector<std::string> tested;  // the functions whose results the condition tests
  };

  // Whether the result of the call named at tokens[name] is ordered (`strcmp(version, "1.7.1") < 0`):
  // a comparison that sorts or ranks, as versions are, decides no match.
  static bool ordered(std::span<const Token> tokens, size_t name, size_t close) {
    const auto relation = [](const Token& t) { return t.is("<") || t.is(">") || t.is("<=") || t.is(">="); };
    if (name > 0 && relation(tokens[name - 1])) return true;
    int depth = 0;
    for (size_t k = name + 1; k < close; ++k) {
      depth += tokens[k].is("(") ? 1 : tokens[k].is(")") ? -1 : 0;
      if (depth == 0) return k + 1 < close && relation(tokens[k + 1]);
    }
    return false;
  }

  static Condition judge_condition(std::span<const Token> tokens, size_t begin, size_t close, size_t end,
                                   bool authenticating, const AssignedCallees& assigned_from,
                                   Judged& judged) {
    Condition cond;
    // Nothing to decide unless a name can make it so: a called name, or a value (or the callee a
    // variable was assigned from) that one of the tests below can accept.
    bool decides = false;
    for (size_t k = begin; k < close && !decides; ++k) {
      const Token& c = tokens[k];
      if (c.kind != TokenKind::identifier) continue;
      if (k + 1 < close && tokens[k + 1].is("(")) {
        decides = judged.decides_as_call(c, may_decide_as_call);
        continue;
      }
      const size_t source = assigned_from.of(c);
      decides = judged.decides_as_value(c, may_decide_as_value) ||
                (source != AssignedCallees::none && judged.decides_as_call(tokens[source], may_decide_as_call));
    }
    if (!decides) return cond;
    bool secret_operand = false, mac_operand = false;
    // `if (password != expected_password)`: a secret compared with an operator. Not a test against
    // NULL or 0 (an argument check), and only names that say secret whatever their value: a bare
    // pin or key is as often a GPIO pin or a table's key.
    bool equality_operator = false, credential_operand = false;
    const auto null = [](const Token& t) { return t.is_ident("NULL") || t.is_ident("nullptr") || t.is("0"); };
    // strcasecmp(key, "Codec"): a key compared with a word is a dictionary's, not a secret; so is
    // a bare key compared as a string (g_ascii_strcasecmp(entry.key, key)): binary keys are
    // compared with memcmp and its constant-time kin.
    const auto dictionary_key = [&] {
      return std::any_of(tokens.begin() + begin, tokens.begin() + close, [](const Token& t) {
        if (t.kind == TokenKind::string)
          return std::none_of(t.text.begin(), t.text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        return t.kind == TokenKind::identifier && compares_strings(t.text);
      });
    };
    // The parentheses open in the condition, one bit each (1: a call's, not likely()'s): a name
    // passed to a call is not an outcome the condition tests (l_queue_find(q, session_match, s)).
    // Past 64 levels every parenthesis counts as a call's.
    uint64_t call_parens = 0;
    size_t paren_depth = 0, call_depth = 0;
    for (size_t k = begin; k < close; ++k) {
      const Token& c = tokens[k];
      if (c.is("(")) {
        const bool call = paren_depth >= 64 ||
                          (k > begin && tokens[k - 1].kind == TokenKind::identifier && !tokens[k - 1].is_ident("likely") &&
                           !tokens[k - 1].is_ident("unlikely") && !tokens[k - 1].is_ident("__builtin_expect"));
        if (paren_depth < 64) call_parens = (call_parens & ~(uint64_t{1} << paren_depth)) | (uint64_t{call} << paren_depth);
        ++paren_depth;
        call_depth += call;
      } else if (c.is(")") && paren_depth > 0) {
        --paren_depth;
        call_depth -= paren_depth >= 64 || (call_parens >> paren_depth & 1) != 0;
      }
      if (c.is("==") || c.is("!="))
        equality_operator = equality_operator || (k > begin && k + 1 < close && !null(tokens[k - 1]) && !null(tokens[k + 1]));
      if (c.kind != TokenKind::identifier) continue;
      const bool called = k + 1 < close && tokens[k + 1].is("(");
      const size_t source = called ? AssignedCallees::none : assigned_from.of(c);
      const bool assigned = source != AssignedCallees::none;
      const bool verifies = called ? judged.verification(c, is_verification)
                                   : assigned && judged.verification(tokens[source], is_verification);
      if (called) cond.tested.emplace_back(c.text);
      else if (assigned) cond.tested.emplace_back(tokens[source].text);
      cond.verifying_callee = cond.verifying_callee || verifies;
      if (!verifies && (called || assigned))
        cond.of_authentication = cond.of_authentication ||
                                 judged.authentication(called ? c : tokens[source], names_authentication);
      const auto checks = [&] { return judged.check(c, has_check_word) && checks_security_thing(tokens, k); };
      if (called && (verifies || checks())) cond.verification = true;
      else if (called) cond.comparison = cond.comparison || (judged.comparison(c, is_comparison) && !ordered(tokens, k, close));
      else if (verifies || (call_depth == 0 && judged.holds_outcome(c)))
        cond.verification = true;
      else if (assigned && judged.comparison(tokens[source], is_comparison)) {
        // `int same = memcmp(pin, stored_pin, 4); if (same != 0)`: the comparison's operands decide.
        cond.comparison = true;
        secret_operand = secret_operand || names_security_operand(tokens, source, end, judged);
      }
      // The base of a member access is not what is compared: in `memcmp(&n->key.addr, …)` the
      // operand is an address.
      else if (tokens[k + 1].is(".") || tokens[k + 1].is("->")) continue;
      else if (judged.security_noun(c, has_security_noun) && !((c.text == "key" || c.text == "Key" || c.text == "KEY") && dictionary_key()))
        secret_operand = true;
      else if (judged.mac(c, is_mac_operand)) mac_operand = true;
    }
    if (mac_operand && !secret_operand) {  // a tag, unless the condition speaks of hardware addresses
      bool address = false;
      for (size_t k = begin; k < close && !address; ++k)
        address = tokens[k].kind == TokenKind::identifier && judged.address(tokens[k], has_address_word);
      secret_operand = !address;
    }
    if (equality_operator && !cond.verification)
      for (size_t k = begin; k < close && !credential_operand; ++k)
        credential_operand = tokens[k].kind == TokenKind::identifier && judged.credential(tokens[k], names_a_secret);
    cond.verification = cond.verification || (cond.comparison && secret_operand) ||
                        (equality_operator && credential_operand) ||
                        refuses_locked(tokens, begin, close, authenticating, judged);
    return cond;
  }

  // The rejection given up at tokens[at], in the branch [branch.first, branch.second) of a
  // condition [condition.first, condition.second).
  static Site rejection(const SourceFile& file, size_t at, std::pair<size_t, size_t> branch,
                        std::pair<size_t, size_t> condition, std::string_view fn_name,
                        const std::vector<std::string>& tested,
                        Judged& judged) {
    const auto& tokens = file.tokens;
    Site s;
    const Token& ret = tokens[at];
    s.line = ret.line;
    s.column = ret.column;
    s.function = std::string(fn_name);
    s.evidence = file.evidence(ret);
    bool image = has_word(fn_name, {"image", "firmware", "fw", "update", "boot", "ota", "dfu", "signature"});
    for (size_t c = condition.first; c < condition.second && !image; ++c)
      image = tokens[c].kind == TokenKind::identifier &&
              has_word(tokens[c].text, {"image", "firmware", "fw", "signature", "sig", "digest", "hash", "ota", "dfu"});
    s.what = image ? "firmware image rejection" : "authentication rejection";
    s.logs_directly = collect_calls(file, branch.first, branch.second, judged, s.calls);
    // A tested function that reaches the log itself (verify_and_log) reports the rejection too.
    for (const auto& name : tested) {
      s.logs_directly = s.logs_directly || records_security_events(name, file.ctx.config);
      s.calls.push_back(name_hash(name));
    }
    return s;
  }

  // `return verify_pin(pin) == 0 ? open_session() : -EACCES;`: a verification decided in a
  // ternary, one arm of which is a failure. tokens[ret] is the `return`; its statement is walked
  // skipping bracketed groups, up to its ';' — or, in broken code, to the next `return` or the end
  // of the enclosing group, where it must end too: each token is then walked for one return only.
  static void find_ternary_rejection(const SourceFile& file, size_t ret, size_t end, bool authenticating,
                                     const AssignedCallees& assigned_from, std::string_view fn_name,
                                     Judged& judged, FileFacts& out) {
    const auto& tokens = file.tokens;
    size_t question = 0, colon = 0, semicolon = 0;
    int open_questions = 0;
    for (size_t k = ret + 1; k < end && semicolon == 0; ++k) {
      // Every return statement of the tree is walked: one-character punctuators by their byte.
      if (tokens[k].kind == TokenKind::identifier && tokens[k].text.size() == 6 && tokens[k].text == "return") return;
      if (tokens[k].kind != TokenKind::punct || tokens[k].text.size() != 1) continue;
      switch (tokens[k].text[0]) {
        case '(': case '[': case '{': k = std::min(file.syntax.match(k), end); break;
        case ')': case ']': case '}': return;
        case '?':
          if (question == 0) question = k;
          ++open_questions;
          break;
        case ':':
          if (open_questions > 0 && --open_questions == 0 && colon == 0) colon = k;
          break;
        case ';': semicolon = k; break;
        default: break;
      }
    }
    if (question == 0 || colon == 0 || semicolon == 0) return;
    // The condition must call the check itself: a result kept in a variable was most often tested
    // (and logged) by an `if` before, the ternary only choosing the code to return.
    bool calls = false;
    for (size_t k = ret + 1; k + 1 < question && !calls; ++k)
      calls = tokens[k].kind == TokenKind::identifier && tokens[k + 1].is("(");
    if (!calls) return;
    const Condition cond = judge_condition(tokens, ret + 1, question, end, authenticating, assigned_from, judged);
    if (!cond.verification) return;
    // One arm fails and the other does not: a ternary choosing between two failures rejects nothing.
    const auto fails = [&](size_t b, size_t e) {
      bool names_one = false;
      for (size_t k = b; k < e && !names_one; ++k)
        names_one = tokens[k].kind == TokenKind::identifier && judged.failure(tokens[k], names_failure);
      return is_failure_value(tokens.subspan(b, e - b), names_one);
    };
    const bool then_fails = fails(question + 1, colon), else_fails = fails(colon + 1, semicolon);
    if (then_fails == else_fails) return;
    const auto [b, e] = then_fails ? std::pair{question + 1, colon} : std::pair{colon + 1, semicolon};
    out.rejections.push_back(rejection(file, b, {b, e}, {ret + 1, question}, fn_name, cond.tested, judged));
  }

  // `switch (verify_image(img)) { case IMG_OK: break; default: return -EBADMSG; }`: a switch on a
  // verification outcome (a verifying call, or a variable assigned one), each of whose cases that
  // gives up with a failure rejects. tokens[at] is the `switch`; a case runs from its label's ':'
  // to the next label of the same switch. Returns how many tokens were walked.
  static size_t find_switch_rejections(const SourceFile& file, size_t at, size_t end, bool authenticating,
                                       ReturnsOne& zero_is_failure, std::string_view fn_name, Judged& judged,
                                       FileFacts& out) {
    const auto& tokens = file.tokens;
    const size_t cond_close = file.syntax.match(at + 1);
    if (cond_close + 1 >= end || !tokens[cond_close + 1].is("{")) return 0;
    const Condition cond = judge_condition(tokens, at + 2, cond_close, end, authenticating, judged.assigned_from, judged);
    if (!cond.verification) return 0;
    const size_t body_close = std::min(file.syntax.match(cond_close + 1), end);
    // Each label of this switch (not of a nested one: its braces are skipped) as its keyword and
    // the token after its ':'; a case runs from there to the next label's keyword.
    std::vector<std::pair<size_t, size_t>> labels;
    for (size_t k = cond_close + 2; k < body_close; ++k) {
      if (tokens[k].is("(") || tokens[k].is("[") || tokens[k].is("{")) {
        k = std::min(file.syntax.match(k), body_close);
        continue;
      }
      if (!tokens[k].is_ident("case") && !tokens[k].is_ident("default")) continue;
      size_t colon = k + 1;
      while (colon < body_close && !tokens[colon].is(":")) ++colon;
      labels.emplace_back(k, colon + 1);
      k = colon;
    }
    for (size_t c = 0; c < labels.size(); ++c) {
      const size_t b = labels[c].second, e = c + 1 < labels.size() ? labels[c + 1].first : body_close;
      if (b >= e) continue;
      if (const size_t k = failure_exit(tokens, b, e, ExitContext{false, zero_is_failure()}, judged); k < e)
        out.rejections.push_back(rejection(file, k, {b, e}, {at + 2, cond_close}, fn_name, cond.tested, judged));
    }
    return body_close - cond_close;
  }

  // if (COND) BRANCH [else BRANCH] inside one function, where COND is a verification outcome and
  // a branch returns a failure; and every call whose result an if tests, with that if's branches.

  static void find_rejections(const SourceFile& file, const FunctionDef& def, std::string_view fn_name,
                              Judged& judged, FileFacts& out) {
    const auto& tokens = file.tokens;
    const auto& syntax = file.syntax;
    const size_t end = std::min(def.body_close, tokens.size());
    AssignedCallees& assigned_from = judged.assigned_from;
    assigned_from.clear();
    judged.objects.start(tokens, def.name, end);
    ReturnsOne zero_is_failure(tokens, def.body_open, end);
    const bool authenticating = word_classes(fn_name) & (verify_word | auth_word);
    // Where the statement through each token walked ends: every token on a walk to the ';' ends at
    // that ';', so nested `if (a) if (a) … x;` walk each token once, not once per enclosing if. By
    // token from the body's '{' (0: not walked), sized on first need: a table the size of the
    // function rather than a node allocated for every token walked.
    std::vector<size_t> statement_end;
    std::vector<size_t> walked;
    // Each if's branches are walked for their calls and exits, and nested branches hold each
    // other: thousands nested on one line would take minutes. Real functions walk a few times
    // their length; past this budget (about a second) the rest of a hostile function is skipped,
    // and the report says so.
    constexpr size_t branch_walk_budget = size_t{1} << 26;
    size_t walked_in_branches = 0;
    for (size_t i = def.body_open + 1; i < end; ++i) {
      if (walked_in_branches >= branch_walk_budget) {
        file.incomplete.push_back("LOG-2 did not judge " + printable(fn_name) + "() past line " + std::to_string(tokens[i].line) +
                                  ": its nested branches exceed the rule's work budget");
        break;
      }
      const Token& t = tokens[i];
      if (t.kind != TokenKind::identifier) continue;
      if (i + 3 < end && tokens[i + 1].is("=") && tokens[i + 2].kind == TokenKind::identifier && tokens[i + 3].is("("))
        assigned_from.assign(t, i + 2);
      if (t.text.size() == 6 && t.text == "return") {
        find_ternary_rejection(file, i, end, authenticating, assigned_from, fn_name, judged, out);
        continue;
      }
      if (t.is_ident("switch") && i + 1 < end && tokens[i + 1].is("(")) {
        walked_in_branches += find_switch_rejections(file, i, end, authenticating, zero_is_failure, fn_name,
                                                     judged, out);
        continue;
      }
      if (!t.is_ident("if") || i + 1 >= end || !tokens[i + 1].is("(")) continue;
      const size_t cond_close = syntax.match(i + 1);
      if (cond_close >= end) continue;
      Condition cond = judge_condition(tokens, i + 2, cond_close, end, authenticating, assigned_from, judged);
      bool verification = cond.verification;
      const bool comparison = cond.comparison;
      const bool verifying_callee = cond.verifying_callee;
      std::vector<std::string>& tested = cond.tested;
      const auto branch_end = [&](size_t from) {
        if (from < end && tokens[from].is("{")) return std::min(syntax.match(from), end);
        size_t k = from;
        walked.clear();
        if (statement_end.empty()) statement_end.resize(end - def.body_open, 0);
        while (k < end && !tokens[k].is(";")) {
          if (const size_t known = statement_end[k - def.body_open]; known != 0) {
            k = known;
            break;
          }
          walked.push_back(k);
          const bool opener = tokens[k].is("(") || tokens[k].is("{");
          k = opener ? std::min(syntax.match(k), end) + 1 : k + 1;
        }
        for (const size_t w : walked) statement_end[w - def.body_open] = k;
        return std::min(k, end);
      };
      const size_t then_begin = cond_close + 1;
      const size_t then_end = branch_end(then_begin);
      size_t else_begin = end, else_end = end;
      if (then_end + 1 < end && tokens[then_end + 1].is_ident("else")) {
        else_begin = then_end + 2;
        else_end = branch_end(else_begin);
      }
      // Only verifying functions' results are kept (check_pin, authenticate, image_ok): the only
      // callees whose rejections a caller's log can stand for, and few enough to keep for a whole
      // kernel tree.
      if (verifying_callee) {
        TestedCall reaction;
        reaction.logs_directly = collect_calls(file, then_begin, then_end, judged, reaction.branch_calls);
        if (else_begin < end) reaction.logs_directly |= collect_calls(file, else_begin, else_end, judged, reaction.branch_calls);
        if (reaction.logs_directly) reaction.branch_calls.clear();  // logged already: nothing to resolve
        for (const auto& callee : tested) {
          if (!is_verification(callee)) continue;
          reaction.callee = callee;
          out.tested_calls.push_back(reaction);
        }
      }
      // A failed lookup of an authentication's object (a session, a shared key) rejects when the
      // branch says so (`return SVC_DENIED;`, `return AUTH_BAD_KEYID;`); a failed allocation
      // (`return NULL;`, `-ENOMEM`) does not.
      if (!verification && cond.of_authentication)
        for (size_t k = then_begin; k < then_end && !verification; ++k)
          verification = tokens[k].kind == TokenKind::identifier && judged.denial(tokens[k], names_denial);
      if (!verification) continue;
      // The then-branch runs on a failed check when the condition negates (!ok, != 0) or is a
      // bare comparison (memcmp(...) is non-zero on a mismatch).
      // `!memcmp(…)` is a match: the then-branch of `if (hash && !memcmp(hash, value, len))` accepts.
      // A '!' before a variable that holds no outcome (`!sync_key_len`, `!buf`) is an argument
      // check beside the verification and says nothing of which branch failed.
      const auto negates_outcome = [&](size_t bang) {
        size_t k = bang + 1;
        if (k >= cond_close || tokens[k].kind != TokenKind::identifier) return true;
        while (k + 2 < cond_close && (tokens[k + 1].is("->") || tokens[k + 1].is(".")) &&
               tokens[k + 2].kind == TokenKind::identifier)
          k += 2;
        if (k + 1 < cond_close && tokens[k + 1].is("(")) return true;
        return assigned_from.of(tokens[k]) != AssignedCallees::none ||
               judged.holds_outcome(tokens[k]);
      };
      bool negated = false, equality = false;
      for (size_t k = i + 2; k < cond_close; ++k) {
        const bool negates_comparison = tokens[k].is("!") && k + 2 < cond_close &&
                                        tokens[k + 1].kind == TokenKind::identifier && tokens[k + 2].is("(") &&
                                        judged.comparison(tokens[k + 1], is_comparison);
        negated = negated || (tokens[k].is("!") && !negates_comparison && negates_outcome(k)) || tokens[k].is("!=");
        equality = equality || negates_comparison || tokens[k].is("==") || tokens[k].is("<") || tokens[k].is(">");
      }
      const bool then_fails = negated || (comparison && !equality);
      walked_in_branches += (then_end - then_begin) + (else_end - else_begin);
      for (auto [b, e] : {std::pair{then_begin, then_end}, std::pair{else_begin, else_end}}) {
        if (b >= end) continue;
        const ExitContext context{b == then_begin && then_fails, zero_is_failure()};
        if (const size_t k = failure_exit(tokens, b, e, context, judged); k < e)
          out.rejections.push_back(rejection(file, k, {b, e}, {i + 2, cond_close}, fn_name, tested, judged));
      }
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(SecurityEventsLogged)

}  // namespace mdbc::source
