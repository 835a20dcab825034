// LOG-2: a key installed into a cipher's transform or a device's key table, or a pin of a chip
// set, is no change of security configuration (security_event_key_install.h).
#include "inspect/source/security_event_key_install.h"

#include <algorithm>
#include <string_view>

#include "inspect/source/identifier_words.h"

namespace mdbc::source::security_events {
namespace {

bool one_of(std::string_view w, std::span<const std::string_view> set) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// The types of a cipher's transform or context, as the crypto APIs name them: the kernel's
// struct crypto_tfm, crypto_skcipher, crypto_aead, crypto_shash, crypto_akcipher, dm-crypt's
// crypt_config, a library's cipher context.
constexpr std::string_view transform_words[] = {"tfm",  "skcipher", "blkcipher", "ablkcipher", "aead", "akcipher",
                                                "shash", "ahash",   "kpp",       "cipher",     "crypto", "crypt"};
// Words before "key" that make it the device's own credential, or a trusted one: what an operator
// sets and must see changed (set_admin_key, store_api_key, set_wifi_key, set_platform_trusted_keys).
constexpr std::string_view credential_owners[] = {
    "admin",   "administrator", "api",  "device", "dev",  "root", "master",   "signing", "sign",    "private",
    "priv",    "license",       "access", "client", "cloud", "factory", "firmware", "fw",   "provisioning", "psk",
    "ssh",     "wifi",          "wpa",  "wlan",   "user", "users", "account", "auth",   "authentication",
    "trusted", "trust",         "owner", "identity", "pairing"};
// Verbs that manage credentials rather than program one (rotate_key, revoke_keys, enroll_key), and
// a limit on keys, which is policy (min_encrypt_key_size_set).
constexpr std::string_view managing_words[] = {"rotate", "revoke", "enroll", "provision", "min",
                                               "max",    "minimum", "maximum"};
// A cipher's algorithm, mode or direction, a radio's cipher suite, or a public-key algorithm, in the
// function's name: aes_set_key, gcm_aes_nx_set_key, aria_set_decrypt_key, lbs_set_wep_keys,
// ecc_is_key_valid (a private key's range checked as it is installed).
constexpr std::string_view cipher_words[] = {
    "aes",      "des",     "des3",   "tdes",   "ede",     "camellia", "aria",    "sm4",     "chacha",  "chacha20",
    "xchacha",  "salsa20", "blowfish", "twofish", "serpent", "cast5",  "cast6",   "gcm",     "ccm",     "cbc",
    "ctr",      "ecb",     "xts",    "essiv",  "ofb",     "cfb",      "xcbc",    "cmac",    "gmac",    "hmac",
    "ghash",    "poly1305", "cipher", "crypto", "crypt",  "encrypt",  "decrypt", "encrypted", "decrypted", "enc",
    "dec",      "wep",     "tkip",   "ccmp",   "gcmp",    "tfm",      "skcipher", "aead",    "ecc",     "ecdh",
    "ecdsa",    "rsa"};
// A parameter that is the key itself, its length or type, or its slot in a key table: in_key and
// key_len, struct ieee80211_key_conf *key, u8 key_index, keyidx, int idx.
constexpr std::string_view key_parameter_words[] = {"key",    "keys",     "keyidx",  "keyix", "keyid",
                                                    "keylen", "keytype",  "keyconf", "keynum", "keyindex",
                                                    "keyslot", "inkey",   "skey",    "idx",   "index",
                                                    "slot",   "wcid"};

// Whether a word of an identifier among the function's parameters is one of `set`.
bool parameter_has_word(std::span<const Token> tokens, size_t open, size_t close, std::span<const std::string_view> set) {
  for (size_t k = open + 1; k < close; ++k)
    if (tokens[k].kind == TokenKind::identifier &&
        any_word(tokens[k].text, [&](std::string_view w) { return one_of(w, set); }))
      return true;
  return false;
}

}  // namespace

bool names_cipher(std::string_view word) { return one_of(word, cipher_words) || one_of(word, transform_words); }

bool installs_key_material(std::span<const Token> tokens, const Syntax& syntax, const FunctionDef& def,
                           const std::vector<std::string>& words) {
  const size_t open = def.name + 1;
  if (open >= def.body_open || !tokens[open].is("(")) return false;
  const size_t close = std::min(syntax.match(open), def.body_open);
  if (parameter_has_word(tokens, open, close, transform_words)) return true;
  const auto key = std::find_if(words.begin(), words.end(), [](const std::string& w) { return w == "key" || w == "keys"; });
  if (std::any_of(words.begin(), key, [](const std::string& w) { return one_of(w, credential_owners); }) ||
      std::any_of(words.begin(), words.end(), [](const std::string& w) { return one_of(w, managing_words); }))
    return false;
  return std::any_of(words.begin(), words.end(), [](const std::string& w) { return one_of(w, cipher_words); }) ||
         parameter_has_word(tokens, open, close, key_parameter_words);
}

bool takes_pin_number(std::span<const Token> tokens, const Syntax& syntax, const FunctionDef& def) {
  const size_t open = def.name + 1;
  if (open >= def.body_open || !tokens[open].is("(")) return false;
  const size_t close = std::min(syntax.match(open), def.body_open);
  const auto text_or_bytes = [](std::string_view type) {
    return type == "char" || type == "wchar_t" || type == "u8" || type == "uint8_t" || type == "byte" ||
           type == "BYTE" || type == "string" || type == "String" || type == "QString";
  };
  // Each parameter, from after its '(' or ',' to its ',' or ')': its name is its last identifier.
  for (size_t from = open + 1, k = from; k <= close; ++k) {
    if (k < close && !tokens[k].is(",")) {
      if (tokens[k].is("(") || tokens[k].is("[")) k = std::min(syntax.match(k), close) - 1;
      continue;
    }
    size_t name = k;
    while (name > from && tokens[name - 1].kind != TokenKind::identifier) --name;
    const bool pin = name > from && any_word(tokens[name - 1].text, [](std::string_view w) { return w == "pin" || w == "pins"; });
    if (pin) {
      bool text = false;
      for (size_t t = from; t + 1 < name && !text; ++t) text = text_or_bytes(tokens[t].text);
      if (!text) return true;
    }
    from = k + 1;
  }
  return false;
}

}  // namespace mdbc::source::security_events
