#include "inspect/source/secret_names.h"

#include <algorithm>
#include <array>

#include "inspect/source/identifier_words.h"

namespace mdbc::source {
namespace {

template <size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// A secret by itself.
constexpr std::array<std::string_view, 15> secret_words{
    "password", "passwd", "pwd", "passphrase", "passcode", "secret", "secrets", "credential", "credentials",
    "otp", "psk", "privkey", "privatekey", "apikey", "passwords"};
// "pin" is a PIN unless the name is about hardware (a GPIO pin).
constexpr std::array<std::string_view, 30> hardware_words{
    "gpio", "led", "motor", "port", "mask", "mux", "irq", "output", "out", "high", "low", "pull", "level", "state",
    "pwm", "adc", "dac", "uart", "spi", "i2c", "tx", "rx", "cs", "button", "sensor", "bit", "pins", "reset", "dir",
    "config"};
// A secret when qualified: "key" and "token" are also ordinary words (a map's key, a lexer's token).
constexpr std::array<std::string_view, 36> key_qualifiers{
    "aes", "des", "hmac", "session", "master", "private", "priv", "secret", "enc", "encryption", "crypto", "cipher",
    "api", "auth", "signing", "sign", "root", "device", "shared", "symmetric", "sym", "kek", "dek", "wrap", "mac",
    "ssh", "tls", "wifi", "wpa", "network", "access", "bearer", "refresh", "csrf", "jwt", "admin"};
// Words that make the name about a secret rather than the secret itself.
constexpr std::array<std::string_view, 45> metadata_words{
    "len", "length", "size", "sz", "count", "cnt", "num", "id", "ids", "idx", "index", "type", "name", "prompt",
    "hint", "attempts", "tries", "retries", "retry", "status", "valid", "ok", "timeout", "expiry", "expires",
    "version", "ref", "slot", "mode", "fmt", "format", "offset", "policy", "required", "enabled", "label", "field",
    "path", "file", "bits", "max", "min", "public", "pub", "changed"};

}  // namespace

bool is_secret_name(std::string_view identifier) {
  const auto words = identifier_words(identifier);
  bool secret = false, key_or_token = false, qualified = false, pin = false, hardware = false;
  for (const auto& w : words) {
    if (in(metadata_words, w)) return false;
    if (in(secret_words, w)) secret = true;
    if (w == "pin") pin = true;
    if (in(hardware_words, w)) hardware = true;
    if (w == "key" || w == "keys" || w == "token" || w == "tokens") key_or_token = true;
    if (in(key_qualifiers, w)) qualified = true;
  }
  return secret || (key_or_token && qualified) || (pin && !hardware);
}

}  // namespace mdbc::source
