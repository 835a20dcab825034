#pragma once
// LOG-2 (security_events_logged.cpp) by the words of names: which functions verify, compare or
// change security configuration, which variables hold an outcome, which names say failure or
// denial. Kept apart from the rule because these judgements are most of its text and are read on
// their own: each asks only about one name (or one call's tokens), never about control flow.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inspect/source/lexer.h"

namespace mdbc::source::security_events {

bool has_word(std::string_view id, std::span<const std::string_view> words);
bool has_word(std::string_view id, std::initializer_list<std::string_view> words);

// Words of a user account (a lockout sets an account's flag).
inline constexpr std::string_view account_words[] = {"account", "accounts", "acct", "user", "users", "login", "logon"};

// Which of the word sets of security_event_words.cpp a name has a word of, one bit per set: the
// judgements of names each ask about several sets, and a name is split into words once for all of
// them, each word looked up once in one table of every set's words.
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
uint32_t word_classes(std::string_view name);

// The judgements of one name (or of the call named at tokens[at]); each is documented where it
// is defined, in security_event_words.cpp.
// Of a called function: whether its result decides, and what about.
bool compares_strings(std::string_view name);
bool is_comparison(std::string_view name);
bool compares_keys(std::string_view name);
bool names_check_value(std::string_view name);
bool names_signed_value(std::string_view name);
bool names_empty_value(std::string_view name);
bool is_verification(std::string_view name);
bool names_authentication(std::string_view name);
bool has_check_word(std::string_view name);
bool checks_security_thing(std::span<const Token> tokens, size_t at);
// Of a defined function's name split into words: whether it changes security configuration, and
// whether only through a key (set_key), which may be key material installed rather than a setting
// (installs_key_material, security_event_key_install.h).
// A PIN (set_pin) likewise, which may be a pin of a chip (takes_pin_number).
enum class SecuritySetting { none, key, pin, other };
SecuritySetting names_security_setting(const std::vector<std::string>& words);
// Of a variable, an operand or a returned value.
bool is_outcome_variable(std::string_view name);
bool counts_attempts(std::string_view name);
bool names_a_secret(std::string_view name);
bool has_security_noun(std::string_view name);
bool returns_security_object(std::string_view name);
bool is_mac_operand(std::string_view name);
bool has_address_word(std::string_view name);
bool is_lock_word(std::string_view name);
bool is_account_word(std::string_view name);
bool names_constant(std::string_view name);
// Of a defined function's name split into words: whether it locks or unlocks accounts.
bool names_account_lock(const std::vector<std::string>& words);
bool names_denial(std::string_view name);
bool names_key_rejection(std::string_view name);
bool names_failure(std::string_view name);
bool is_failure_value(std::span<const Token> value, bool names_one);
// Quick first looks, before the judgements above: whether a name can decide a condition at all,
// and whether its letters may hold a lock word.
bool may_decide_as_call(std::string_view name);
bool may_decide_as_value(std::string_view name);
bool may_hold_lock_word(std::string_view name);

}  // namespace mdbc::source::security_events
