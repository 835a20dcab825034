#pragma once
// What a name says about the value bound to it, for the secrets, randomness and log rules
// (CRYPTO-4, RNG-1, RNG-3, LOG-3): one idea of a secret-like name, kept in one place. Names are matched by whole words (identifier_words): `aes_key`, `masterKey`,
// `ADMIN_PASSWORD` name secrets; `key_len`, `keyboard`, `password_prompt`, `pin_count`,
// `token_type`, `MAX_KEY_SIZE`, `monkey` do not. The word that names the secret must be the last
// one, or be followed only by words that describe its spelling (`key_bytes`, `password_str`).
#include <span>
#include <string_view>

namespace mdbc::source {

enum class CredentialName {
  none,
  secret,    // password, passphrase, secret, credential, API key, PSK, private key …: any literal is one
  key,       // a key qualified as cryptographic (aes_key, hmacKey, device_key): any literal is one
  bare_key,  // just "key" or an unqualified "…_key": only a literal that looks like key material
  token,     // a token: only a literal that looks like one (a parser's token is a word)
  pin,       // a PIN: only a string of digits (a GPIO pin is a number or a port name)
  pass,      // "pass", "pw": only a string (a loop's pass is a number)
};

CredentialName credential_name(std::string_view identifier);
// A cheap test that credential_name() can only pass: whether the name holds, in any case, a word
// part every credential name ends in (key, pass, pw, secret, cred, psk, otp, private, token, pin, code).
bool may_name_credential(std::string_view identifier);
// The parts may_name_credential() looks for (for a rule that joins them with its own in one look).
std::span<const std::string_view> credential_name_parts();

// Whether the name alone says its value is a secret, whatever the value: a password, secret,
// qualified key or token, PIN or pass (LOG-3: such a value must not be logged). A bare `key` or
// `token` is not (a map's key, a parser's token).
bool names_secret(std::string_view identifier);

// Whether the name says its value is a password or a credential, which are text, never a number
// (a PIN, an OTP or a secret may be one): `admin_password`, `creds`, not `pin` or `otp`.
bool names_text_secret(std::string_view identifier);

// Whether a word before "key" makes it cryptographic (aes, device, hmac, session…) or something else
// (a map's, a hash's, a keyboard's key: config, hash, rss, press…).
bool qualifies_key_as_crypto(std::string_view word);
bool qualifies_key_as_other(std::string_view word);
// Whether a word beside "pin" makes it an I/O pin (gpio, led, irq, id, num…), not a PIN code.
bool names_hardware_pin(std::string_view word);

// Whether a name says its value must be unpredictable: key, nonce, IV, salt, token, challenge,
// session id, OTP, password, PIN, seed, cookie … (RNG-1's error case).
bool needs_unpredictable_value(std::string_view identifier);

// Whether a name says it holds an initialisation vector or nonce.
bool names_iv(std::string_view identifier);

// Whether a path lies in a test directory (a segment test/tests/testing/unittest/fuzz/…) or is a
// test file by its name (test_x.c, x_test.cpp, x_unittest.cc): where literal keys may be test
// vectors.
bool is_test_path(std::string_view path);

}  // namespace mdbc::source
