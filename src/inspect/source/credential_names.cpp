#include "inspect/source/credential_names.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "inspect/source/identifier_words.h"

namespace mdbc::source {
namespace {

template <size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

// Words after the one that names the value which only describe how it is spelled or stored:
// `aes_key_bytes`, `password_str`, `SECRET_HEX` are still the secret.
constexpr std::array<std::string_view, 26> spelling_words{
    "data", "bytes", "byte", "buf", "buffer", "str", "string", "value", "val", "hex", "raw", "bin", "b64", "base64",
    "der", "pem", "material", "blob", "array", "arr", "ptr", "literal", "default", "dflt", "plain", "ascii"};

// A secret by itself as the last word.
constexpr std::array<std::string_view, 21> secret_words{
    "password", "passwords", "passwd", "pwd", "passphrase", "passcode", "secret", "secrets", "credential",
    "credentials", "creds", "psk", "privkey", "privatekey", "apikey", "secretkey", "masterkey", "passkey",
    "otp", "totp", "hotp"};
// Single-word compounds ending in a secret ("adminpassword", "clientsecret", "aeskey").
constexpr std::array<std::string_view, 10> secret_suffixes{
    "password", "passwd", "passphrase", "passcode", "secret", "apikey", "privkey", "secretkey", "masterkey", "aeskey"};

// Words that make a preceding "key" or "token" cryptographic or an authentication secret.
constexpr std::array<std::string_view, 72> crypto_qualifiers{
    "aes", "des", "tdes", "hmac", "mac", "cmac", "enc", "encryption", "encrypt", "decrypt", "crypt", "crypto",
    "cipher", "secret", "private", "priv", "master", "session", "shared", "sym", "symmetric", "signing", "sign",
    "auth", "authentication", "api", "device", "dev", "root", "wrap", "wrapping", "kek", "dek", "psk", "ssh", "rsa",
    "ec", "ecc", "ecdsa", "ecdh", "ed25519", "x25519", "gcm", "cbc", "ctr", "ccm", "chacha", "xor", "license",
    "access", "app", "client", "cloud", "jwt", "oauth", "bearer", "refresh", "csrf", "otp", "totp", "hotp",
    "pairing", "link", "wifi", "wpa", "ltk", "irk", "provisioning", "factory", "admin", "firmware", "fw"};
// Words that make a preceding "key" something other than a cryptographic key: a map's, a
// configuration store's, a keyboard's or a thread-local storage key.
// A receive-side-scaling (Toeplitz) key seeds a NIC's flow hash; TCAM, VCAP, flow-classifier and
// connection-tracking keys are lookup keys; a lockdep key is a lock class; a port's (LACP) key
// names the aggregation the port may join.
constexpr std::array<std::string_view, 91> other_key_qualifiers{
    "rss", "toeplitz", "flow", "tcam", "vcap", "l2", "flower", "dissector", "conntrack", "ct", "lockdep", "config", "cfg", "conf", "map", "json", "dict", "hash", "sort", "cache", "lookup", "primary", "foreign", "db",
    "registry", "reg", "search", "hot", "env", "setting", "settings", "pref", "prefs", "table", "index", "idx",
    "attr", "property", "prop", "field", "header", "query", "param", "column", "col", "row", "entry", "item", "node",
    "obj", "object", "record", "event", "msg", "group", "section", "menu", "input", "press", "pressed", "up", "down",
    "left", "right", "char", "scan", "virtual", "vk", "fn", "shift", "enter", "esc", "ctrl", "alt", "tab", "space",
    "button", "btn", "kbd", "keyboard", "nvs", "ini", "xml", "url", "form", "public", "pub", "pthread", "tls",
    "port", "lacp"};
// Words that make a following "private" the private half of an asymmetric key pair.
constexpr std::array<std::string_view, 14> asymmetric_qualifiers{
    "rsa", "dsa", "dh", "ec", "ecc", "ecdsa", "ecdh", "ed25519", "x25519", "ssh", "pgp", "gpg", "signing", "sign"};
// Words that make a preceding "pin" a hardware pin.
// A pin control group's pin and a device tree's pin are I/O pins too (group_or_pin, dt_pin).
constexpr std::array<std::string_view, 39> hardware_words{
    "gpio", "led", "motor", "port", "mask", "mux", "irq", "intr", "interrupt", "output", "out", "input", "in", "high",
    "low", "pull", "level", "pwm", "adc", "dac", "uart", "spi", "i2c", "tx", "rx", "cs", "button", "sensor", "reset",
    "dir", "int", "en", "enable", "clk", "bit", "state", "config", "group", "dt"};
// Qualifiers that make "…_code" an access code.
constexpr std::array<std::string_view, 7> code_qualifiers{"pin", "pass", "access", "unlock", "auth", "security",
                                                          "admin"};

// Words for values that must be unpredictable (RNG-1), anywhere in a name but before any
// metadata word.
constexpr std::array<std::string_view, 12> unpredictable_words{
    "nonce", "nonces", "iv", "ivec", "salt", "challenge", "otp", "csrf", "cnonce", "entropy", "seed", "cookie"};
constexpr std::array<std::string_view, 8> session_words{"id", "key", "token", "cookie", "secret", "nonce", "ticket",
                                                        "sid"};
constexpr std::array<std::string_view, 5> iv_words{"iv", "ivec", "nonce", "icb", "ivs"};

bool is_number(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// The words of a name without trailing spelling words and numbers.
std::vector<std::string> meaning(std::string_view identifier) {
  auto words = identifier_words(identifier);
  while (!words.empty() && (in(spelling_words, words.back()) || is_number(words.back()))) words.pop_back();
  return words;
}

// Whether the last word meaning() keeps holds one of credential_name_parts(), the word
// credential_name() decides on, found without building the list of words: most names that pass
// may_name_credential hold a part elsewhere (BYPASS, PWR_CNTL in a register header's names). The
// words are found from the front but judged from the back, so only the last one or two are folded
// to lower case and compared with the spelling words (all of them took 7,000 instructions a name
// of a register header).
bool last_word_may_name_credential(std::string_view identifier) {
  constexpr size_t kept = 8;  // the places of the last words found
  std::array<std::pair<size_t, size_t>, kept> places;
  size_t count = 0;
  word_split::find_word(identifier, [&](size_t begin, size_t end) {
    places[count++ % kept] = {begin, end};
    return false;
  });
  for (size_t k = 0; k < std::min(count, kept); ++k) {
    const auto [begin, end] = places[(count - 1 - k) % kept];
    char lowered[32];
    if (end - begin > sizeof lowered) return true;  // judged in full
    for (size_t i = begin; i < end; ++i)
      lowered[i - begin] = word_split::is_upper(identifier[i]) ? static_cast<char>(identifier[i] - 'A' + 'a') : identifier[i];
    const std::string_view word(lowered, end - begin);
    if (in(spelling_words, word) || is_number(word)) continue;
    const auto parts = credential_name_parts();
    return std::any_of(parts.begin(), parts.end(), [&](std::string_view part) { return word.find(part) != std::string_view::npos; });
  }
  return count > kept;  // more words than kept, the last ones all spelling: judged in full
}

template <size_t N>
bool any_before(const std::vector<std::string>& words, size_t end, const std::array<std::string_view, N>& set) {
  for (size_t i = 0; i < end; ++i)
    if (in(set, words[i])) return true;
  return false;
}

}  // namespace

CredentialName credential_name(std::string_view identifier) {
  if (!last_word_may_name_credential(identifier)) return CredentialName::none;
  const auto words = meaning(identifier);
  if (words.empty()) return CredentialName::none;
  // Names of labels, object ids and parameters about a secret (SSL_TXT_PSK, NID_kx_psk,
  // OSSL_KDF_PARAM_SECRET), and selectors of a key-management suite (KEY_MGMT_PSK, AKM_SUITE_PSK:
  // the PSK suite's public code): the value names the secret, it is not one.
  constexpr std::array<std::string_view, 16> label_words{"txt", "param", "params", "nid", "sn", "ln", "oid", "label",
                                                         "tag", "name", "mgmt", "management", "akm", "suite", "sel",
                                                         "selector"};
  for (const auto& w : words)
    if (in(label_words, w)) return CredentialName::none;
  const std::string& last = words.back();
  const size_t n = words.size() - 1;  // words before the last
  if (any_before(words, n, std::array<std::string_view, 2>{"public", "pub"})) return CredentialName::none;
  // How many secrets there are, or their limit (nr_creds, max_passwords, num_keys): a count.
  constexpr std::array<std::string_view, 8> count_words{"nr", "num", "n", "count", "cnt", "max", "min", "total"};
  if (n > 0 && in(count_words, words[n - 1])) return CredentialName::none;
  // A chip's one-time-programmable memory (read_mode_otp, nvm_bank_otp), not a one-time password.
  constexpr std::array<std::string_view, 22> otp_memory_words{
      "mode", "switch", "read", "write", "prog", "program", "bank", "region", "area", "cmd", "command",
      "reg", "addr", "address", "offset", "fuse", "efuse", "mem", "memory", "rom", "nvm", "flash"};
  if (last == "otp" && any_before(words, n, otp_memory_words)) return CredentialName::none;
  if (in(secret_words, last)) return CredentialName::secret;
  for (const auto suffix : secret_suffixes)
    if (last.size() > suffix.size() && std::string_view(last).ends_with(suffix)) return CredentialName::secret;
  if (last == "key" || last == "keys") {
    if (any_before(words, n, other_key_qualifiers)) return CredentialName::none;
    if (any_before(words, n, crypto_qualifiers)) return CredentialName::key;
    return CredentialName::bare_key;
  }
  // rsa_private, ec_private: an asymmetric key's private half; dev_private, fs_private are a
  // structure's private data.
  if (last == "private" && any_before(words, n, asymmetric_qualifiers)) return CredentialName::key;
  if (last == "token") return any_before(words, n, crypto_qualifiers) ? CredentialName::secret : CredentialName::token;
  // cpus_to_pin, pages_to_pin: "pin" after "to" is the verb (to pin memory), not a PIN.
  if (last == "pin" || last == "pincode")
    return any_before(words, n, hardware_words) || (n > 0 && words[n - 1] == "to") ? CredentialName::none
                                                                                   : CredentialName::pin;
  // pin_code, unlock_code; not access_size_code (the code of a size).
  if (last == "code" && n > 0 && in(code_qualifiers, words[n - 1])) return CredentialName::pass;
  if (last == "pass" || last == "pw") return CredentialName::pass;
  return CredentialName::none;
}

bool qualifies_key_as_crypto(std::string_view word) { return in(crypto_qualifiers, word); }
bool qualifies_key_as_other(std::string_view word) { return in(other_key_qualifiers, word); }

bool names_hardware_pin(std::string_view word) {
  constexpr std::array<std::string_view, 11> numbering{"id", "num", "no", "nr", "idx", "index", "func", "cnt", "count",
                                                      "hw", "ptp"};
  return in(hardware_words, word) || in(numbering, word);
}

std::span<const std::string_view> credential_name_parts() {
  // Every last word credential_name() accepts contains one of these (pwd and passwd contain "pw").
  static constexpr std::array<std::string_view, 11> parts{"key",   "pass",    "pw",    "secret", "cred", "psk",
                                                          "otp",   "private", "token", "pin",    "code"};
  return parts;
}

bool may_name_credential(std::string_view identifier) {
  static const NameParts parts({credential_name_parts().begin(), credential_name_parts().end()});
  return parts.in(identifier);
}

bool names_secret(std::string_view identifier) {
  switch (credential_name(identifier)) {
    case CredentialName::secret:
    case CredentialName::key:
    case CredentialName::pin:
    case CredentialName::pass: return true;
    // A bare "key" or "token" is as often a map's key or a parser's token as a secret.
    case CredentialName::bare_key:
    case CredentialName::token:
    case CredentialName::none: return false;
  }
  return false;
}

bool names_text_secret(std::string_view identifier) {
  if (!may_name_credential(identifier) || credential_name(identifier) != CredentialName::secret) return false;
  constexpr std::array<std::string_view, 5> text_words{"passwords", "pwd", "credential", "credentials", "creds"};
  constexpr std::array<std::string_view, 3> text_suffixes{"password", "passwd", "passphrase"};  // adminpassword too
  const std::string last = meaning(identifier).back();
  return in(text_words, last) || std::any_of(text_suffixes.begin(), text_suffixes.end(), [&](std::string_view suffix) {
           return std::string_view(last).ends_with(suffix);
         });
}

bool needs_unpredictable_value(std::string_view identifier) {
  if (credential_name(identifier) != CredentialName::none) return true;
  const auto words = meaning(identifier);
  if (words.empty()) return false;
  const std::string& last = words.back();
  if (in(unpredictable_words, last) || last == "token" || last == "tokens" || last == "key" || last == "keys") return true;
  // otp_code, nonce_value, iv_block: an unpredictable word qualifying the last one, unless that
  // one is metadata about it (nonce_len, iv_size).
  constexpr std::array<std::string_view, 14> metadata{"len", "length", "size", "sz", "count", "cnt", "idx",
                                                      "index", "offset", "off", "bits", "type", "max", "min"};
  if (!in(metadata, last))
    for (size_t i = 0; i + 1 < words.size(); ++i)
      if (in(unpredictable_words, words[i])) return true;
  return in(session_words, last) && any_before(words, words.size() - 1, std::array<std::string_view, 2>{"session", "sess"});
}

bool names_iv(std::string_view identifier) {
  const auto words = meaning(identifier);
  return !words.empty() && in(iv_words, words.back());
}

bool is_test_path(std::string_view path) {
  constexpr std::array<std::string_view, 21> test_dirs{
      "test", "tests", "testing", "unittest", "unittests", "unit_test", "unit_tests", "unit-tests", "fuzz",
      "fuzzing", "fuzzer", "fuzzers", "testdata", "test_data", "test-data", "__tests__", "testsuite", "test_suite",
      "mock", "mocks", "ztest"};
  size_t start = 0;
  for (;;) {
    const size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) break;
    std::string segment(path.substr(start, slash - start));
    std::transform(segment.begin(), segment.end(), segment.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (in(test_dirs, segment)) return true;
    start = slash + 1;
  }
  std::string_view name = path.substr(start);
  if (const size_t dot = name.rfind('.'); dot != std::string_view::npos) name = name.substr(0, dot);
  return name.starts_with("test_") || name.starts_with("tests_") || name.starts_with("test-") ||
         name.ends_with("_tester") || name.ends_with("-tester") || name.ends_with("_test") ||
         name.ends_with("_tests") || name.ends_with("-test") || name.ends_with("Test") || name.ends_with("Tests") ||
         name.ends_with("_unittest") || name.ends_with("_fuzzer") || name.ends_with("_fuzz");
}

}  // namespace mdbc::source
