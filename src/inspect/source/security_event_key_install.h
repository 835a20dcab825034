#pragma once
// LOG-2 (security_events_logged.cpp): whether a function named as setting a key installs key
// material rather than changing the device's security configuration. A cipher's setkey callback
// (aes_set_key(tfm, in_key, key_len)) or a radio driver's key-table write (set_key(hw, cmd, vif,
// sta, key), set_default_key(wiphy, dev, key_index)) programs a key that a session or a caller
// negotiated into a transform or into hardware, thousands of times a day; the operator's log needs
// the change of a credential, trust or policy (set_admin_key, change_password), not each of these.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "inspect/source/lexer.h"
#include "inspect/source/syntax.h"

namespace mdbc::source::security_events {

// `words`: the function's name split into words, which names a key as its only security setting
// (SecuritySetting::key). Installation when a parameter is a cipher transform (struct crypto_tfm *,
// crypto_skcipher, crypt_config): the key goes there, whoever holds it. Otherwise not when a word
// before the key makes it the device's own credential (admin, api, root, signing, wifi…) or the
// verb manages credentials (rotate, revoke, enroll, provision) or the name is a limit on keys (min,
// max: min_encrypt_key_size_set is policy); and installation when the name has
// a cipher's word (aes, gcm, wep, tkip, encrypt…) or a parameter is the key itself or its slot in a
// key table (key, key_conf, key_index, keyidx).
// Whether a word names a cipher, its mode or direction, or a cipher's transform (aes, des3, xts,
// encrypt, skcipher, tfm): before "key", it makes the key key material of that cipher.
bool names_cipher(std::string_view word);

bool installs_key_material(std::span<const Token> tokens, const Syntax& syntax, const FunctionDef& def,
                           const std::vector<std::string>& words);

// Whether a function named as setting a PIN (SecuritySetting::pin) is given a pin of a chip rather
// than a PIN code: a parameter named for a pin whose type is no text or bytes (int pin,
// hda_nid_t pin, struct cec_pin *pin), where a PIN code is characters or bytes (const char *pin,
// u8 pin[6]). Without such a parameter the name is taken at its word.
bool takes_pin_number(std::span<const Token> tokens, const Syntax& syntax, const FunctionDef& def);

}  // namespace mdbc::source::security_events
