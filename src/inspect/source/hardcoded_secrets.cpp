// CRYPTO-4 in C/C++ source: literal secrets bound to secret-like names, literals passed as the key
// or password of cryptographic and authentication calls, and input compared against a literal
// password. Private keys and published sample keys anywhere in the tree are private_key_files.cpp.
//
// What is not a finding: empty strings, format strings, prompts and prose (whitespace, a trailing
// ':'), paths and URLs, the names of settings ("DB_PASSWORD"), placeholders ("<password>",
// "${TOKEN}"), all-zero or all-equal buffers at declaration (storage, not a key), names that are
// about a secret rather than the secret (key_len, password_prompt, pin_count, token_type), and —
// when the profile allows test vectors — anything in a test directory.
//
// Across files: a key or password argument that is a parameter of a function only other files
// can call (`void logon_sink(char *password) { LogonUserA(user, domain, password, …); }`, see
// cross_file.h) is decided in the tree-wide pass: reported at the call, naming the caller, when a
// call in another file passes that parameter a literal credential (directly, a macro's, or a
// buffer filled from literals).
#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/call_targets.h"
#include "inspect/source/credential_names.h"
#include "inspect/source/cross_file.h"
#include "inspect/source/crypto_apis.h"
#include "inspect/source/header_macros.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/name_memory.h"
#include "inspect/source/source_values.h"
#include "inspect/source/value_origins.h"

namespace mdbc::source {
namespace {

constexpr std::string_view literal_secret = "CRYPTO-4/literal-secret";
constexpr std::string_view key_argument = "CRYPTO-4/literal-key-argument";
constexpr std::string_view password_compare = "CRYPTO-4/password-compare";

constexpr std::array<std::string_view, 25> compare_calls{
    "strcmp",  "strncmp", "strcasecmp", "strncasecmp", "_stricmp", "stricmp",   "_strcmpi",     "strcmpi",
    "_strnicmp", "strnicmp", "memcmp", "CRYPTO_memcmp", "timingsafe_bcmp", "bcmp", "wcscmp", "lstrcmp",
    "lstrcmpA", "lstrcmpW", "lstrcmpi", "g_strcmp0", "g_str_equal", "mbedtls_ct_memcmp", "sodium_memcmp",
    "strcoll", "wcsncmp"};
constexpr std::array<std::string_view, 15> copy_calls{"strcpy",   "strncpy",  "strlcpy",  "memcpy",   "memmove",
                                                      "strcpy_s", "wcscpy",   "wcsncpy",  "wcscpy_s", "wmemcpy",
                                                      "lstrcpyA", "lstrcpyW", "lstrcpy",  "_tcscpy",  "_tcsncpy"};
// Words of function names that authenticate: by themselves, or a check of a credential
// (check_password, verify_pin, validate_credentials).
constexpr std::array<std::string_view, 8> auth_function_words{"auth",  "authenticate", "authentication", "login",
                                                              "logon", "signin",       "unlock",         "authorize"};
constexpr std::array<std::string_view, 6> check_words{"check", "verify", "validate", "compare", "match", "is"};
constexpr std::array<std::string_view, 7> credential_words{"password", "passwd", "passcode", "pin",
                                                           "credential", "credentials", "pwd"};
// Words of operands that are identities, commands or a message's fixed marks, not secrets: a
// protocol's signature or magic ("NTLMSSP") and an object's label are compared with literals in
// functions that authenticate or unlock without being credentials.
constexpr std::array<std::string_view, 36> identity_words{
    "user", "username", "name", "login", "cmd", "command", "method", "type", "mode", "action", "op", "opcode", "verb",
    "path", "url", "host", "role", "scope", "realm", "format", "opt", "option", "arg", "param", "field", "prop",
    "property", "attr", "tag", "kind", "label", "signature", "magic", "version", "state", "status"};

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

bool has_space(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

bool is_format(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '%') continue;
    size_t j = i + 1;
    while (j < s.size() && std::strchr("-+ #0123456789.lhzjtL*", s[j]) != nullptr) ++j;
    if (j < s.size() && std::strchr("diouxXeEfFgGcspn", s[j]) != nullptr) return true;
  }
  return false;
}

// Only zero bytes or only 0xFF bytes, as written with escapes ("\x00\x00…", "\0\0…",
// "\377\377…"). Bound to a name that says so (ZERO_KEY, blank_pin) it is the blank or erased
// value a stack compares against, not a secret; any other name holds an all-zero key.
bool blank_bytes(std::string_view s) {
  if (s.size() < 4 || s[0] != '\\') return false;
  size_t unit = 1;
  while (unit < s.size() && s[unit] != '\\') ++unit;
  const std::string_view first = s.substr(0, unit);
  constexpr std::array<std::string_view, 7> blanks{"\\0", "\\00", "\\000", "\\x00", "\\xff", "\\xFF", "\\377"};
  if (std::find(blanks.begin(), blanks.end(), first) == blanks.end() || s.size() % unit != 0) return false;
  for (size_t i = unit; i < s.size(); i += unit)
    if (s.substr(i, unit) != first) return false;
  return true;
}

bool names_blank(std::string_view name) {
  constexpr std::array<std::string_view, 5> blank{"zero", "blank", "empty", "null", "erased"};
  const auto words = identifier_words(name);
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return std::find(blank.begin(), blank.end(), w) != blank.end();
  });
}

// A run of the alphabet or the digits in order ("ABCDEFGHIJKLM…", the Base64 table a decoder
// indexes): a character table, not a secret.
bool alphabet_run(std::string_view s) {
  constexpr size_t run = 13;
  size_t ascending = 1;
  for (size_t i = 1; i < s.size(); ++i) {
    ascending = s[i] == s[i - 1] + 1 ? ascending + 1 : 1;
    if (ascending >= run) return true;
  }
  return false;
}

// Whether a string literal is text that is not a credential: a prompt, prose, a path or URL, a
// setting's name, a placeholder, a mask, a format. Where the literal is given as the password of
// an API (`passphrase`), a space does not make it prose: passphrases hold spaces.
bool not_a_credential(std::string_view s, bool passphrase = false) {
  if (s.empty() || is_format(s) || (has_space(s) && !passphrase)) return true;
  if (alphabet_run(s)) return true;
  if (passphrase && (s.back() == ' ' || s.front() == ' ')) return true;  // "Password: " and the like
  if (s.find("\\n") != std::string_view::npos || s.find("\\r") != std::string_view::npos) return true;
  if (std::all_of(s.begin(), s.end(), [&](char c) { return c == s[0]; }) && s.size() > 1) return true;
  if (s.back() == ':') return true;
  if (s.front() == '<' && s.back() == '>') return true;
  if (s.starts_with("${") || s.starts_with("{{") || s.starts_with("$(") || s.starts_with("%")) return true;
  if (s.starts_with("/") || s.starts_with("./") || s.starts_with("../") || s.starts_with("~/") ||
      s.find("://") != std::string_view::npos || s.find(":\\\\") != std::string_view::npos)
    return true;
  constexpr std::array<std::string_view, 12> file_suffixes{".pem", ".key", ".der", ".crt", ".p12", ".pfx",
                                                           ".txt", ".bin", ".json", ".conf", ".cfg", ".ini"};
  for (auto suffix : file_suffixes)
    if (s.size() > suffix.size() && s.ends_with(suffix)) return true;
  const bool setting_name = s.size() >= 3 && s.find('_') != std::string_view::npos &&
                            std::all_of(s.begin(), s.end(), [](unsigned char c) {
                              return std::isupper(c) || std::isdigit(c) || c == '_';
                            });
  if (setting_name) return true;
  if (s.starts_with("-----BEGIN")) return true;  // PEM: the private-key rule's
  return false;
}

bool looks_like_key_material(std::string_view s) {
  if (s.find("\\x") != std::string_view::npos && s.size() >= 16) return true;
  if (s.size() < 16) return false;
  const bool hex = std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
  if (hex) return true;
  // A configuration key's name is lower-case words joined by separators: "wifi.ssid", and a
  // device-tree property's "vendor,property-name".
  const bool name_like = std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::islower(c) || c == '.' || c == '_' || c == '-' || c == '/' || c == ',';
  });
  return !name_like;
}

bool looks_like_token(std::string_view s) {
  if (s.size() < 12) return false;
  const bool digit = std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  const bool upper = std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::isupper(c) != 0; });
  const bool lower = std::any_of(s.begin(), s.end(), [](unsigned char c) { return std::islower(c) != 0; });
  return digit || (upper && lower);
}

// Whether a literal nothing names a secret could be a password or key by itself: no text or
// setting name, at least 4 characters, with a digit, mixed case or a symbol ("ABCD1234!",
// "Sup3rS3cret", "Pump-2024"; not "eth0 up", "rx", "default").
bool credential_shaped(std::string_view s) {
  if (s.size() < 4 || not_a_credential(s)) return false;
  bool digit = false, upper = false, lower = false, symbol = false;
  for (const unsigned char c : s) {
    digit = digit || std::isdigit(c) != 0;
    upper = upper || std::isupper(c) != 0;
    lower = lower || std::islower(c) != 0;
    symbol = symbol || (std::ispunct(c) != 0 && c != '_' && c != '.' && c != '-');
  }
  return (digit && (upper || lower)) || (upper && lower) || symbol;
}

bool is_pin(std::string_view s) {
  return s.size() >= 4 && s.size() <= 12 &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

// A chip revision or version as a bare `pass` holds it ("A4", "1.0", "X.X", "A0-A6", "A8/A10"):
// groups of one to three letters or digits joined by '.', '-' or '/'.
bool revision_like(std::string_view s) {
  if (s.size() > 8) return false;
  size_t group = 0;
  for (const unsigned char c : s) {
    if (std::isalnum(c)) {
      if (++group > 3) return false;
    } else if ((c == '.' || c == '-' || c == '/') && group > 0) {
      group = 0;
    } else {
      return false;
    }
  }
  return group > 0;
}

// Whether a string bound to a name of this class is a credential.
bool secret_string(std::string_view s, CredentialName cls) {
  if (cls == CredentialName::pin) return is_pin(s);
  if (not_a_credential(s)) return false;
  switch (cls) {
    case CredentialName::bare_key: return looks_like_key_material(s);
    case CredentialName::token: return looks_like_token(s);
    case CredentialName::pass: return !revision_like(s);
    default: return true;
  }
}

std::string describe(CredentialName cls) {
  switch (cls) {
    case CredentialName::secret: return "secret";
    case CredentialName::key:
    case CredentialName::bare_key: return "key";
    case CredentialName::token: return "token";
    case CredentialName::pin: return "PIN";
    case CredentialName::pass: return "password";
    case CredentialName::none: break;
  }
  return "secret";
}

size_t decimal_digits(std::string_view number) {
  if (number.size() > 1 && number[0] == '0') return 0;  // hex, octal, binary
  return static_cast<size_t>(std::count_if(number.begin(), number.end(), [](unsigned char c) { return std::isdigit(c); }));
}

// A function that authenticates by its name: login(), check_password(), is_pin_valid().
// A name that may hold a credential (password, api_key, pin…), by its words.
bool credential_like(std::string_view name) {
  return may_name_credential(name) && credential_name(name) != CredentialName::none;
}

// The words an authenticating function's name holds one of, as text in any case.
std::vector<std::string_view> auth_function_parts() {
  std::vector<std::string_view> all(auth_function_words.begin(), auth_function_words.end());
  all.insert(all.end(), credential_words.begin(), credential_words.end());
  return all;
}

bool is_auth_function_name(std::string_view name) {
  // Cheap first: a name with one of these words holds it as text, in any case.
  static const NameParts parts(auth_function_parts());
  if (!parts.in(name)) return false;
  bool check = false, credential = false;
  if (any_word(name, [&](std::string_view w) {
        check = check || one_of(w, check_words);
        credential = credential || one_of(w, credential_words);
        return one_of(w, auth_function_words);
      }))
    return true;
  return check && credential;
}

constexpr std::string_view advice =
    "provision secrets per device (secure element or protected storage) and read them at run time";

// What the tree-wide pass joins (see the top): the key and password arguments of this file that
// are parameters only other files fill, and the literals this file passes to functions it does
// not define.
struct SecretFacts {
  struct ParameterSink {
    Finding finding;      // at the call, its message still to be written
    std::string callee;   // the API given the parameter
    uint64_t function;    // function_key() of the function whose parameter it is
    uint64_t argument;    // argument_key() of that parameter
    bool password;        // the API takes it as a password rather than a key
    // A global the file declares nowhere (ExternalParameter::header_global): a sink only when an
    // included header declares it extern.
    std::string header_global;
    SinkMethod method;  // also fed by calls through objects of its class (call_targets.h)
  };
  struct LiteralArgument {
    uint64_t argument;  // argument_key() of the callee and the position
    uint32_t line;
    std::string text;   // the literal (clipped)
  };
  std::vector<ParameterSink> sinks;
  std::vector<LiteralArgument> literals;
  std::vector<ForwardedParameter> forwards;  // parameters passed on to other files' functions
  std::vector<std::string> externs;   // a header's extern character pointers
  std::vector<std::string> includes;  // the quoted #includes of a header, or of a file with a header_global sink
  std::vector<std::pair<std::string, std::string>> class_bases;  // a C++ file's (class, base) pairs
};

// The names a file assigns a string literal shaped like a credential (`data = "Kp9#vX2!";`,
// `data = (const byte *)"…";`, not a field), by name: a caller may pass one to a sink in another
// file under any name (see finish). Empty when there is none.
std::vector<uint8_t> names_assigned_credential_literals(const SourceFile& file) {
  const auto t = file.tokens;
  std::vector<uint8_t> assigned;
  for (size_t k = 2; k < t.size(); ++k) {
    if (t[k].kind != TokenKind::string) continue;
    size_t eq = k - 1;
    if (t[eq].is(")") && file.syntax.match(eq) < eq && file.syntax.match(eq) > 0) eq = file.syntax.match(eq) - 1;
    if (eq < 2 || !t[eq].is("=") || t[eq - 1].kind != TokenKind::identifier || t[eq - 1].name >= file.names.size() ||
        t[eq - 2].is(".") || t[eq - 2].is("->") || !credential_shaped(string_body(t[k])))
      continue;
    if (assigned.empty()) assigned.assign(file.names.size(), 0);
    assigned[t[eq - 1].name] = 1;
  }
  return assigned;
}

class Check {
 public:
  Check(const SourceFile& file, std::vector<Finding>& out, SecretFacts& facts)
      : file_(file), toks_(file.tokens), out_(out), facts_(facts), values_(file.values()),
        severity_(element_severity(file.ctx, "CRYPTO-4")) {}

  void run() {
    bindings();
    calls();
    setters();
    equality_operators();
    foreign_literals();
    returned_literals();
    filled_literals();
    global_literals();
  }

 private:
  void report(size_t token, std::string_view rule, std::string message) {
    if (!reported_.insert(token).second) return;
    out_.push_back(file_.at(toks_[token], std::string(rule), std::move(message), severity_));
  }

  // Whether a binding's literal value is a credential for its name; fills `what` ("a 16-byte array").
  bool secret_value(const Value& v, CredentialName cls, std::string& what) const {
    if (v.is(Value::Kind::string)) {
      if (!secret_string(v.text, cls)) return false;
      what = "a literal string";
      return true;
    }
    if (v.is(Value::Kind::list)) {
      const ListFacts f = values_.list_facts(v.list);
      if (f.has_string) {
        if (cls == CredentialName::bare_key || cls == CredentialName::token || cls == CredentialName::pin) return false;
        what = "a list of literal strings";
        return true;
      }
      if (cls == CredentialName::pin || cls == CredentialName::pass) return false;
      const size_t minimum = cls == CredentialName::key || cls == CredentialName::secret ? 4 : 8;
      // Two values only (a table of flags) or a -1 at the end (a list of key codes a sentinel
      // ends) is no key material.
      if (f.numbers != f.elements || f.elements < minimum || f.distinct_values < 3 || f.sentinel_end) return false;
      what = "a literal " + std::to_string(f.elements) + "-element array";
      return true;
    }
    if (v.is(Value::Kind::integer) && v.token < toks_.size() && toks_[v.token].kind == TokenKind::number &&
        !(v.token + 1 < toks_.size() && toks_[v.token + 1].kind == TokenKind::punct && !toks_[v.token + 1].is(";") &&
          !toks_[v.token + 1].is(",") && !toks_[v.token + 1].is(")") && !toks_[v.token + 1].is("}"))) {
      const std::string_view spelled = toks_[v.token].text;
      if ((cls == CredentialName::secret || cls == CredentialName::pin || cls == CredentialName::pass) &&
          decimal_digits(spelled) >= 4) {
        what = "the literal number " + std::string(spelled);
        return true;
      }
      if (cls == CredentialName::key && v.integer >= 0x10000) {
        what = "the literal number " + std::string(spelled);
        return true;
      }
    }
    return false;
  }

  // Whether a literal is the name of what its identifier names (#define SSL_TXT_PSK "PSK",
  // #define OSSL_KDF_PARAM_SECRET "secret"): a label, not a credential.
  static bool names_itself(std::string_view identifier, std::string_view literal) {
    const auto fold = [](std::string_view s) {
      std::string out;
      for (char c : s)
        if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return out;
    };
    const std::string lit = fold(literal), id = fold(identifier);
    return !lit.empty() && (id.find(lit) != std::string::npos || lit.find(id) != std::string::npos);
  }

  // Names whose integer value can be a PIN or password (a number is no key or token).
  static bool numeric_credential(std::string_view identifier, CredentialName cls) {
    if (cls == CredentialName::pin || cls == CredentialName::pass) return true;
    return any_word(identifier,
                    [](std::string_view w) { return w == "password" || w == "passcode" || w == "passwd" || w == "pwd"; });
  }

  void bindings() {
    // Only the bindings of credential-like names, found for those names alone (most names of a
    // file are no credential), in token order.
    std::vector<const Binding*> credentials;
    LastingJudgement judged;
    NameMemory& memory = NameMemory::of_thread();
    for (size_t id = 0; id < file_.names.size(); ++id) {
      if (id + NameMemory::names_ahead < file_.names.size()) memory.prefetch(file_.names.hash(id + NameMemory::names_ahead));
      if (judged(credential_like, file_.names, id))
        for (const Binding* b : values_.bindings(file_.names.all()[id])) credentials.push_back(b);
    }
    std::stable_sort(credentials.begin(), credentials.end(),
                     [](const Binding* a, const Binding* b) { return a->name < b->name; });
    for (const Binding* binding : credentials) {
      const Binding& b = *binding;
      if (b.value.empty() || b.form == BindingForm::compound || b.form == BindingForm::element ||
          b.form == BindingForm::parameter)
        continue;
      const std::string_view name = toks_[b.name].text;
      const CredentialName cls = credential_name(name);
      const Value v = values_.resolve(b.value, b.function);
      // Bound to another name: judged there, unless a function binds it to a macro's literal
      // (`char *password = PASSWORD;`), which holds the secret in that function too.
      const bool from_macro = v.via != nullptr && v.via->form == BindingForm::macro && b.function >= 0 &&
                              b.value.end - b.value.begin == 1;
      if (v.via != nullptr && !from_macro) continue;
      if (v.is(Value::Kind::string) && names_itself(name, v.text)) continue;
      if (v.is(Value::Kind::string) && blank_bytes(v.text) && names_blank(name)) continue;
      if (v.is(Value::Kind::integer) && !numeric_credential(name, cls)) continue;
      std::string what;
      if (!secret_value(v, cls, what)) continue;
      secret_bindings_.insert(&b);
      report(b.name, literal_secret,
             std::string(name) + " holds " + what + ": a " + describe(cls) +
                 " written into the code is the same on every device and known to anyone with the firmware or the "
                 "source; " + std::string(advice));
    }
  }

  Value arg(const Call& c, size_t n) const {
    if (n >= c.args.size()) return {};
    return values_.resolve({c.args[n].first, c.args[n].second}, c.function);
  }

  // Whether a value reached through a binding is still that literal at the call: no call between
  // the binding and the call writes into it (a random fill, a copy, a read).
  bool unchanged_until(const Value& v, const Call& c) const {
    if (!v.via) return true;
    const Binding& b = *v.via;
    if (b.form == BindingForm::macro || b.is_const) return true;
    const size_t from = b.function == c.function ? b.name : 0;
    const size_t to = c.name;
    if (c.function >= 0) {
      const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(c.function)];
      if (values_.first_call_taking(toks_[b.name].text, c.function, std::max(from, f.body_open), to, &c) != nullptr)
        return false;
    }
    return true;
  }

  void literal_argument(const Call& c, size_t n, bool password) {
    const Value v = arg(c, n);
    const std::string_view callee = toks_[c.name].text;
    std::string what;
    if (n < c.args.size() && !v.is(Value::Kind::list) && (!v.is(Value::Kind::string) || v.text.empty())) {
      filled_from_literal(c, n, password);
      return;
    }
    if (v.is(Value::Kind::string)) {
      if (v.text.empty() || is_format(v.text) || v.text.starts_with("-----BEGIN")) return;
      if (password && not_a_credential(v.text, true)) return;
      what = "the literal \"" + v.text.substr(0, 40) + (v.text.size() > 40 ? "…" : "") + "\"";
    } else if (v.is(Value::Kind::list)) {
      const ListFacts f = values_.list_facts(v.list);
      if (f.has_string || f.elements == 0) return;
      if (v.via && !v.via->is_const && v.via->form != BindingForm::macro && f.all_same && !f.all_zero) return;
      what = f.all_zero ? "an all-zero constant buffer" : "a literal " + std::to_string(f.elements) + "-byte array";
    } else {
      return;
    }
    if (!unchanged_until(v, c)) {  // what the copies into it leave there, when they copy literals
      filled_from_literal(c, n, password);
      return;
    }
    if (v.via) {
      // A secret-named local is already reported where it is bound.
      if (v.via->function == c.function && c.function >= 0 && secret_bindings_.count(v.via)) return;
      what += " (" + std::string(toks_[v.via->name].text) + ", line " + std::to_string(toks_[v.via->name].line) + ")";
    }
    report(c.name, key_argument,
           std::string(callee) + " is given " + what + " as its " + (password ? "password" : "key") +
               ": a literal credential is the same on every device and recoverable from the firmware; " +
               std::string(advice));
  }

  // strcpy(data, PASSWORD); LogonUserA(user, domain, data, …): a buffer the function fills only
  // from literals holds a literal credential. Otherwise a parameter only other files fill is
  // theirs to say (see the top).
  void filled_from_literal(const Call& c, size_t n, bool password) {
    const auto texts = literal_contents(values_, {c.args[n].first, c.args[n].second}, c);
    if (!texts) {
      const TokenRange a = values_.strip({c.args[n].first, c.args[n].second});
      if (!c.macro.empty() || reported_.contains(c.name)) return;
      std::optional<ExternalParameter> parameter;
      if (a.size() == 1 && toks_[a.begin].kind == TokenKind::identifier)
        parameter = external_parameter(file_, c.function, toks_[a.begin].text, c.name);
      if (!parameter) parameter = external_value(file_, c.function, {c.args[n].first, c.args[n].second}, c.name);
      if (parameter) {
        SinkMethod method = sink_method(file_, c.function, parameter->function);
        const uint64_t function = method.function_or(parameter->function);
        facts_.sinks.push_back({file_.at(toks_[c.name], std::string(key_argument), "", severity_),
                                std::string(toks_[c.name].text), function, parameter->argument, password,
                                std::string(parameter->header_global), std::move(method)});
        if (!parameter->header_global.empty() && facts_.includes.empty()) facts_.includes = quoted_includes(file_);
      }
      return;
    }
    for (const std::string& text : *texts) {
      // A passphrase may hold spaces: only a prompt's line end or colon says it is text.
      const bool prompt = text.find("\\n") != std::string::npos || text.back() == ':' || text.ends_with(": ");
      if (is_format(text) || text.starts_with("-----BEGIN") || prompt) continue;
      report(c.name, key_argument,
             std::string(toks_[c.name].text) + " is given a buffer filled from the literal \"" + text.substr(0, 40) +
                 (text.size() > 40 ? "…" : "") + "\" as its " + (password ? "password" : "key") +
                 ": a literal credential is the same on every device and recoverable from the firmware; " +
                 std::string(advice));
      return;
    }
  }

  void copy_into_secret(const Call& c) {
    if (c.args.size() < 2) return;
    const size_t dst = values_.base_name({c.args[0].first, c.args[0].second});
    if (dst >= toks_.size()) return;
    const CredentialName cls = credential_name(toks_[dst].text);
    if (cls == CredentialName::none) return;
    const TokenRange src = values_.strip({c.args[1].first, c.args[1].second});
    if (src.empty()) return;
    const Value v = arg(c, 1);
    // The literal itself, or a macro naming it (strcpy(password, PASSWORD)): the function that
    // copies it holds the secret as much as the line that wrote it.
    const bool macro = v.via != nullptr && v.via->form == BindingForm::macro && src.end - src.begin == 1;
    if (toks_[src.begin].kind != TokenKind::string && !macro) return;
    if (!v.is(Value::Kind::string) || !secret_string(v.text, cls)) return;
    report(c.name, literal_secret,
           std::string(toks_[c.name].text) + " copies a literal " + describe(cls) +
               (macro ? " (" + std::string(toks_[src.begin].text) + ")" : std::string()) + " into " +
               std::string(toks_[dst].text) + ": " + std::string(advice));
  }

  bool function_calls(int fn, std::string_view callee) const {
    return std::any_of(file_.syntax.calls().begin(), file_.syntax.calls().end(),
                       [&](const Call& c) { return c.function == fn && toks_[c.name].text == callee; });
  }

  bool auth_function(int fn) const {
    return fn >= 0 && is_auth_function_name(toks_[file_.syntax.functions()[static_cast<size_t>(fn)].name].text);
  }

  // Whether comparing `operand` (a token range) with a literal is checking a credential.
  bool credential_operand(TokenRange operand, int fn, std::string_view literal) const {
    const size_t base = values_.base_name(operand);
    CredentialName cls = CredentialName::none;
    bool identity = false;
    if (base < toks_.size()) {
      cls = credential_name(toks_[base].text);
      identity = any_word(toks_[base].text, [](std::string_view w) { return one_of(w, identity_words); });
    }
    if (cls == CredentialName::pin) return is_pin(literal);
    if (cls == CredentialName::secret || cls == CredentialName::key || cls == CredentialName::pass)
      return !not_a_credential(literal);
    // strncmp(token, "eyJhbGci…"): a token or key only when the literal looks like one; a word
    // ("Authorization") is a parser's token, and a key without digits ("PreferredMinimumDelay") a
    // dictionary's.
    const bool has_digit = std::any_of(literal.begin(), literal.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (cls == CredentialName::token) return has_digit && secret_string(literal, cls);
    if (cls == CredentialName::bare_key) return has_digit && secret_string(literal, cls);
    if (cls == CredentialName::none && !identity && auth_function(fn))
      return !not_a_credential(literal) && literal.size() >= 4;
    return false;
  }

  // The one literal a compared buffer or pointer holds there (`const char *expected = NULL;
  // expected = "Adm1n!2024"; … strcmp(password, expected)`), as literal_contents follows it: asked
  // only when the other operand may be a credential (its name, or a function that authenticates).
  // Judged once per function and operand: a function may compare one buffer a thousand times.
  Value literal_held(const Call& c, size_t n, TokenRange other) {
    const size_t base = values_.base_name(other);
    if (!(base < toks_.size() && credential_like(toks_[base].text)) && !auth_function(c.function)) return {};
    std::string operand;
    for (size_t k = c.args[n].first; k < c.args[n].second; ++k) operand.append(toks_[k].text).push_back(' ');
    const auto [held, fresh] = literals_held_.try_emplace({c.function, std::move(operand)});
    if (!fresh) return held->second;
    const auto texts = literal_contents(values_, {c.args[n].first, c.args[n].second}, c);
    if (!texts || texts->size() != 1) return {};
    held->second.kind = Value::Kind::string;
    held->second.text = texts->front();
    return held->second;
  }

  void comparison(const Call& c) {
    if (c.args.size() < 2) return;
    for (size_t lit = 0; lit < 2; ++lit) {
      const size_t other = 1 - lit;
      const TokenRange lr = values_.strip({c.args[lit].first, c.args[lit].second});
      const TokenRange orr = values_.strip({c.args[other].first, c.args[other].second});
      if (lr.empty() || orr.empty() || toks_[orr.begin].kind == TokenKind::string) continue;
      Value v = arg(c, lit);
      if (!v.is(Value::Kind::string)) v = literal_held(c, lit, orr);
      if (!v.is(Value::Kind::string) || blank_bytes(v.text)) continue;  // a test for a blank value
      bool secret = credential_operand({c.args[other].first, c.args[other].second}, c.function, v.text);
      // strcmp(input, ADMIN_PASSWORD): the literal's own name says what it is.
      if (!secret && v.via) {
        const CredentialName cls = credential_name(toks_[v.via->name].text);
        secret = cls != CredentialName::none && cls != CredentialName::bare_key && cls != CredentialName::token &&
                 secret_string(v.text, cls);
      }
      if (!secret) continue;
      report(c.name, password_compare,
             std::string(toks_[c.name].text) + " compares input with a literal password" +
                 (v.via ? " (" + std::string(toks_[v.via->name].text) + ")" : std::string()) +
                 ": anyone with the firmware can read it; store a salted slow hash of a per-device credential and "
                 "compare in constant time");
      return;
    }
  }

  // Whether a callee is one calls() looks at.
  static bool examined_callee(std::string_view name) {
    return crypto_call(name) != nullptr || name == "curl_easy_setopt" || name == "PQconnectdb" ||
           name == "PQconnectStart" || name == "CryptHashData" || one_of(name, compare_calls) ||
           one_of(name, copy_calls);
  }

  void calls() {
    NameMemo examined(file_.names);  // most callees are none of these: said once per name
    for (const Call& c : file_.syntax.calls()) {
      if (!c.macro.empty() || !examined(toks_[c.name], examined_callee)) continue;
      const std::string_view name = toks_[c.name].text;
      if (const CryptoCall* cc = crypto_call(name)) {
        if (cc->key >= 0) literal_argument(c, static_cast<size_t>(cc->key), false);
        if (cc->password >= 0) literal_argument(c, static_cast<size_t>(cc->password), true);
      }
      if (name == "curl_easy_setopt" && c.args.size() >= 3) {
        const Value option = arg(c, 1);
        if (option.is(Value::Kind::symbol) &&
            (option.text == "CURLOPT_PASSWORD" || option.text == "CURLOPT_USERPWD" ||
             option.text == "CURLOPT_KEYPASSWD" || option.text == "CURLOPT_SSLKEYPASSWD" ||
             option.text == "CURLOPT_PROXYPASSWORD" || option.text == "CURLOPT_PROXYUSERPWD" ||
             option.text == "CURLOPT_TLSAUTH_PASSWORD" || option.text == "CURLOPT_XOAUTH2_BEARER"))
          literal_argument(c, 2, true);
      }
      if (name == "PQconnectdb" || name == "PQconnectStart") {
        const Value v = arg(c, 0);
        const size_t at = v.is(Value::Kind::string) ? v.text.find("password=") : std::string::npos;
        if (at != std::string::npos && at + 9 < v.text.size() && v.text[at + 9] != ' ')
          report(c.name, key_argument,
                 std::string(name) + " connection string holds a literal password: " + std::string(advice));
      }
      // CryptoAPI derives keys from a hash of the data: a literal hashed for CryptDeriveKey is a key.
      if (name == "CryptHashData" && c.function >= 0 && function_calls(c.function, "CryptDeriveKey"))
        literal_argument(c, 1, true);
      if (one_of(name, compare_calls)) comparison(c);
      if (one_of(name, copy_calls)) copy_into_secret(c);
    }
  }

  // Setters of a credential, free or member: opts.set_password("…"), client->setApiKey("…"),
  // mqtt_set_password(c, "…"), SetPsk("…"), WiFi.begin(ssid, "…"). What follows "set" in the name
  // says what the literal is.
  void setters() {
    // The names of the file that may be one, judged once each: most files name no credential
    // setter, and then their tokens are not walked at all.
    const std::span<const std::string_view> names = file_.names.all();
    const bool wifi = file_.names.contains("WiFi");
    std::vector<uint8_t> may_set(names.size(), 0);
    bool any = false;
    for (size_t id = 0; id < names.size(); ++id) {
      may_set[id] = (wifi && names[id] == "begin") || set_credential(names[id]) != CredentialName::none;
      any = any || may_set[id] != 0;
    }
    if (!any) return;
    for (size_t i = 0; i + 1 < toks_.size(); ++i) {
      if (toks_[i].kind != TokenKind::identifier || (toks_[i].name < names.size() && may_set[toks_[i].name] == 0) ||
          !toks_[i + 1].is("(") || toks_[i].directive || file_.syntax.dead(i))
        continue;
      // Arduino's WiFi.begin(ssid, passphrase) sets the network's password too.
      const bool wifi_begin = toks_[i].is_ident("begin") && i >= 2 && toks_[i - 1].is(".") && toks_[i - 2].is_ident("WiFi");
      const CredentialName cls = wifi_begin ? settable(credential_name("password")) : set_credential(toks_[i].text);
      if (cls == CredentialName::none) continue;
      const size_t close = std::min(file_.syntax.match(i + 1), toks_.size());
      for (size_t k = i + 2; k < close; ++k) {
        if (toks_[k].is("(") || toks_[k].is("[") || toks_[k].is("{")) k = std::min(file_.syntax.match(k), close);
        if (k >= close || toks_[k].kind != TokenKind::string) continue;
        const bool whole_argument = (toks_[k - 1].is("(") || toks_[k - 1].is(",")) &&
                                    (toks_[k + 1].is(")") || toks_[k + 1].is(","));
        if (!whole_argument || !secret_string(string_body(toks_[k]), cls)) continue;
        report(i, key_argument,
               std::string(toks_[i].text) + " is given a literal " + describe(cls) +
                   ": a literal credential is the same on every device and recoverable from the firmware; " +
                   std::string(advice));
        break;
      }
    }
  }

  // What a setter's name says it sets (set_password: a password): a secret, key, pass or PIN, or
  // none for any other name.
  static CredentialName set_credential(std::string_view name) {
    // Cheap test first: this runs on every name of the file.
    if (name.find("set") == std::string_view::npos && name.find("Set") == std::string_view::npos &&
        name.find("SET") == std::string_view::npos)
      return CredentialName::none;
    const auto words = identifier_words(name);
    const auto set = std::find(words.begin(), words.end(), "set");
    if (set == words.end() || set + 1 == words.end()) return CredentialName::none;
    std::string rest;
    for (auto w = set + 1; w != words.end(); ++w) rest += (rest.empty() ? "" : "_") + *w;
    return settable(credential_name(rest));
  }

  // The credentials a setter's literal is judged as: others (a token, a bare key) are not.
  static CredentialName settable(CredentialName cls) {
    const bool judged = cls == CredentialName::secret || cls == CredentialName::key || cls == CredentialName::pass ||
                        cls == CredentialName::pin;
    return judged ? cls : CredentialName::none;
  }

  // pw == "secret", "1234" != pin, pin == 1234, pw.compare("secret")
  void equality_operators() {
    for (size_t i = 1; i + 1 < toks_.size(); ++i) {
      const Token& t = toks_[i];
      const bool eq = t.kind == TokenKind::punct && t.text.size() == 2 && t.text[1] == '=' &&
                      (t.text[0] == '=' || t.text[0] == '!');
      const bool compare = !eq && t.is_ident("compare") && toks_[i - 1].is(".") && toks_[i + 1].is("(");
      if ((!eq && !compare) || t.directive || file_.syntax.dead(i)) continue;
      size_t lit = toks_.size(), operand_end = 0;
      if (compare) {
        const size_t close = file_.syntax.match(i + 1);
        if (close != i + 3 || toks_[i + 2].kind != TokenKind::string) continue;
        lit = i + 2;
        operand_end = i - 1;
      } else if (toks_[i + 1].kind == TokenKind::string || toks_[i + 1].kind == TokenKind::number) {
        lit = i + 1;
        operand_end = i;
      } else if (toks_[i - 1].kind == TokenKind::string || toks_[i - 1].kind == TokenKind::number) {
        lit = i - 1;
        operand_end = i + 2;  // the operand follows: a single name
        if (toks_[i + 1].kind != TokenKind::identifier) continue;
      } else {
        continue;
      }
      // The operand: a name or a member chain right before the operator (or right after it).
      TokenRange operand;
      if (operand_end == i + 2) {
        operand = {i + 1, i + 2};
      } else {
        // name, s.name, p->name
        if (operand_end == 0 || toks_[operand_end - 1].kind != TokenKind::identifier) continue;
        size_t b = operand_end - 1;
        while (b >= 2 && (toks_[b - 1].is(".") || toks_[b - 1].is("->")) && toks_[b - 2].kind == TokenKind::identifier)
          b -= 2;
        operand = {b, operand_end};
      }
      const int fn = values_.function_at(i);
      if (toks_[lit].kind == TokenKind::number) {
        const size_t base = values_.base_name(operand);
        if (base >= toks_.size()) continue;
        const CredentialName cls = credential_name(toks_[base].text);
        if ((cls != CredentialName::pin && cls != CredentialName::pass && cls != CredentialName::secret) ||
            decimal_digits(toks_[lit].text) < 4)
          continue;
      } else if (!credential_operand(operand, fn, string_body(toks_[lit]))) {
        continue;
      }
      report(i, password_compare,
             "input is compared with a literal password or PIN: anyone with the firmware can read it; store a salted "
             "slow hash of a per-device credential and compare in constant time");
    }
  }

  // The literals this file's calls pass to functions it does not define that could be a
  // credential: a string (a macro's too), or a buffer its function fills only from literals. This
  // looks at every call of the file, so a plain name is followed only where it may hold one: a
  // secret-like name (PASSWORD, admin_key) resolves to its value, a buffer its function copies a
  // literal or a macro into is read through.
  void foreign_literals() {
    const size_t names = file_.names.size();
    std::vector<uint8_t> defined(names, 0);
    for (const FunctionDef& f : file_.syntax.functions())
      if (toks_[f.name].name < names) defined[toks_[f.name].name] = 1;
    std::vector<uint8_t> not_string(names, 0);  // names found to hold no string
    // Followed whatever they are called: names assigned a literal shaped like a credential.
    const std::vector<uint8_t> assigned_literal = names_assigned_credential_literals(file_);
    std::optional<ValueOrigins> origins;  // made on first need: a name so assigned that resolve() leaves open
    NameMemo credential(file_.names);           // credential_like(), once per name
    // A file calling no copy function copies nothing into a buffer: no function's targets to find.
    const bool copies = std::any_of(copy_calls.begin(), copy_calls.end(),
                                    [&](std::string_view n) { return file_.names.contains(n); });
    std::unordered_map<int, std::vector<std::string_view>> copy_targets;  // by function, found on first need
    // Per function, per name asked: whether the function stores into the object the name holds.
    std::unordered_map<int, std::unordered_map<std::string_view, bool>> stored;
    // Member calls too (b->action(data)): a sink may be a method of a class in another file.
    const std::vector<Call> members = member_calls(file_);
    // Asked only of the calls passing a literal: most pass none.
    std::optional<StatedTargets> stated_targets;
    for (const std::vector<Call>* calls : {&file_.syntax.calls(), &members})
      for (const Call& c : *calls) {
        const Token& callee = toks_[c.name];
        if (c.function < 0 || !c.macro.empty() || !c.qualifier.empty() || callee.name >= names || defined[callee.name])
          continue;
        // A call whose caller says its target (an object's class, a pointer's function) is keyed by it.
        uint64_t function = 0;
        const auto function_of_call = [&] {
          if (function != 0) return function;
          if (!stated_targets) stated_targets.emplace(file_);
          const uint64_t stated = stated_targets->of(c, calls == &members);
          return function = stated != 0 ? stated : function_key(callee.text);
        };
        for (size_t a = 0; a < c.args.size() && a < max_followed_argument; ++a) {
          // A single token, or one under a cast or an '&' (a longer argument is an expression).
          const auto [begin, end] = c.args[a];
          constexpr size_t longest_wrapped = 6;
          if (end <= begin || end - begin > longest_wrapped) continue;
          const TokenRange arg = end == begin + 1 ? TokenRange{begin, end} : values_.strip({begin, end});
          if (arg.size() != 1) continue;
          const Token& only = toks_[arg.begin];
          std::optional<std::string> text;
          if (only.kind == TokenKind::string) {
            // Nothing names a bare literal a secret: it must look like one (most are messages and names).
            if (credential_shaped(string_body(only))) text = std::string(string_body(only));
          } else if (only.kind == TokenKind::identifier && only.name < names) {
            const bool named_credential = !not_string[only.name] && credential(only, credential_like);
            const bool assigned = !not_string[only.name] && !assigned_literal.empty() && assigned_literal[only.name];
            if (named_credential || assigned) {
              Value v = values_.resolve(arg, c.function);
              // `data = NULL;` … `data = "Kp9#vX2!";`: the store that reaches the call.
              if (!v.is(Value::Kind::string) && assigned) {
                if (!origins) origins.emplace(file_);
                v = origins->settled(arg, c.function);
              }
              if (v.is(Value::Kind::string) && unchanged_until(v, c) &&
                  (named_credential || credential_shaped(v.text)))
                text = v.text;
              // No string anywhere when no binding of it gives it a literal or a name.
              not_string[only.name] = !v.is(Value::Kind::string) && !may_hold_string(only.text);
            }
            if (!text && copies) {
              auto targets = copy_targets.find(c.function);
              if (targets == copy_targets.end()) targets = copy_targets.emplace(c.function, copied_into(c.function)).first;
              // The buffer, or an object that may hold it (s.field = data, v.push_back(data), arr[2] = data).
              bool may_hold =
                  std::find(targets->second.begin(), targets->second.end(), only.text) != targets->second.end() ||
                  (!targets->second.empty() && made_from_any(values_, c.function, only.text, targets->second));
              if (!may_hold && !targets->second.empty()) {
                const auto [object, fresh] = stored[c.function].try_emplace(only.text, false);
                if (fresh) object->second = !stores_into(values_, c.function, only.text).empty();
                may_hold = object->second;
              }
              if (may_hold)
                if (const auto texts = literal_contents(values_, arg, c); texts && !texts->empty()) text = texts->front();
            }
          }
          if (!text || not_a_credential(*text, true)) continue;
          facts_.literals.push_back({argument_key(function_of_call(), a), only.line, text->substr(0, 40)});
        }
      }
  }

  // What this file's functions that return a pointer give their callers in other files, when it
  // is a buffer filled only from literals (`char *source(char *data) { strcpy(data, "ABCD123!");
  // return data; }`).
  void returned_literals() {
    if (is_header(file_.input.path)) return;
    for (size_t g = 0; g < file_.syntax.functions().size(); ++g) {
      const FunctionDef& f = file_.syntax.functions()[g];
      if (f.name < 2 || !toks_[f.name - 1].is("*") || declared_static(toks_, f.name)) continue;
      const auto texts = returned_literal_contents(values_, static_cast<int>(g));
      if (!texts || texts->empty() || not_a_credential(texts->front(), true)) continue;
      facts_.literals.push_back(
          {return_key(function_key(toks_[f.name].text)), toks_[f.name].line, texts->front().substr(0, 40)});
    }
  }

  // What this file's functions leave in the arguments they fill when it is filled only from
  // literals (`void source(char *&data) { data = (char *)"ABCD123!"; }`).
  void filled_literals() {
    for (const FilledParameter& p : filled_parameters(file_)) {
      const auto texts = filled_literal_contents(values_, p.function, p.name, p.form);
      if (!texts || texts->empty() || not_a_credential(texts->front(), true)) continue;
      facts_.literals.push_back({p.key, toks_[p.name].line, texts->front().substr(0, 40)});
    }
  }

  // What this file stores in its global character pointers when it is a buffer filled only from
  // literals (`strcpy(data, "ABCD123!"); g_data = data;`).
  void global_literals() {
    for (const GlobalStore& store : global_stores(file_)) {
      const auto texts = stored_literal_contents(values_, toks_[store.at].text, store.value, store.function);
      if (!texts || texts->empty() || not_a_credential(texts->front(), true)) continue;
      facts_.literals.push_back({store.key, toks_[store.at].line, texts->front().substr(0, 40)});
    }
  }

  // Whether a binding of `name` in the file gives it a string literal or another name's value.
  bool may_hold_string(std::string_view name) const {
    for (const Binding* b : values_.bindings(name)) {
      const TokenRange v = values_.strip(b->value);
      if (v.size() == 1 && (toks_[v.begin].kind == TokenKind::string || toks_[v.begin].kind == TokenKind::identifier))
        return true;
    }
    return false;
  }

  // The names a function copies a literal or a macro's value into (strcpy(data, PASSWORD)).
  std::vector<std::string_view> copied_into(int function) const {
    std::vector<std::string_view> out;
    for (const size_t i : values_.calls_in(function)) {
      const Call& c = file_.syntax.calls()[i];
      if (c.args.size() < 2 || !one_of(toks_[c.name].text, copy_calls)) continue;
      const TokenRange dest = values_.strip({c.args[0].first, c.args[0].second});
      const TokenRange source = values_.strip({c.args[1].first, c.args[1].second});
      if (dest.size() != 1 || source.size() != 1) continue;
      const std::string_view from = toks_[source.begin].text;
      const bool macro_like = toks_[source.begin].kind == TokenKind::identifier &&
                              std::none_of(from.begin(), from.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
      if (toks_[source.begin].kind == TokenKind::string || macro_like) out.push_back(toks_[dest.begin].text);
    }
    return out;
  }

  const SourceFile& file_;
  std::span<const Token> toks_;
  std::vector<Finding>& out_;
  SecretFacts& facts_;
  const FileValues& values_;
  const Severity severity_;
  std::set<size_t> reported_;
  std::set<const Binding*> secret_bindings_;
  std::map<std::pair<int, std::string>, Value> literals_held_;  // see literal_held
};

// g_data = "ABCD123!"; or, in a function filling the pointer its caller gives
// (`void source(char *&data)`), data = (char *)"ABCD123!";: a literal that may be a credential
// stored where a sink of another file may read it (see finish). The cheap test on the tokens first.
bool stores_literal_for_other_files(const SourceFile& file) {
  const auto t = file.tokens;
  bool assigned = false;
  for (size_t k = 2; k < t.size() && !assigned; ++k)
    assigned = t[k].kind == TokenKind::string &&
               ((t[k - 1].is("=") && t[k - 2].kind == TokenKind::identifier) || t[k - 1].is(")")) &&
               !not_a_credential(string_body(t[k]), true);
  if (!assigned) return false;
  const auto& stores = global_stores(file);
  if (std::any_of(stores.begin(), stores.end(), [&](const GlobalStore& s) {
        const TokenRange value = file.values().strip(s.value);
        return value.size() == 1 && t[value.begin].kind == TokenKind::string;
      }))
    return true;
  const auto& filled = filled_parameters(file);
  return std::any_of(filled.begin(), filled.end(), [](const FilledParameter& p) { return p.form != FillForm::buffer; });
}

class HardcodedSecrets final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"hardcoded-secrets", InputKind::source, {literal_secret, key_argument, password_compare}};
  }

  // Every finding sits at or depends on a credential-like name, a call taking a key or password
  // (crypto_call, curl, libpq, CryptoAPI's hash-then-derive, Arduino's WiFi.begin) or a function
  // that authenticates by its name.
  bool gated_by_names() const override { return true; }
  std::vector<std::string_view> trigger_names() const override {
    std::vector<std::string_view> names = crypto_call_names();
    names.insert(names.end(), {"curl_easy_setopt", "PQconnectdb", "PQconnectStart", "CryptHashData", "WiFi"});
    return names;
  }
  bool reacts_to(std::string_view n) const override { return credential_like(n) || is_auth_function_name(n); }
  // Each judgement starts by looking for its parts in the name: the names with none of them (a
  // register header's thousands of macros) are ruled out for both at once, before either is asked.
  std::optional<ReactingNames> reacting_names() const override {
    ReactingNames shapes;
    shapes.parts = auth_function_parts();
    shapes.parts.insert(shapes.parts.end(), credential_name_parts().begin(), credential_name_parts().end());
    return shapes;
  }
  // A source file that copies a literal that may be a credential into a buffer
  // (strcpy(data, "ABCD123!")) may pass it to a sink in another file (see finish), with none of
  // those names in it.
  bool triggered_otherwise(const SourceFile& file) const override {
    if (!is_c_family(file.language)) return false;
    // A header declaring an extern character pointer may be how a sink's file sees a global that
    // another file fills (see finish).
    // A header including others may be how it sees one.
    if (is_header(file.input.path)) return !header_extern_pointers(file).empty() || !quoted_includes(file).empty();
    if (stores_literal_for_other_files(file) || !names_assigned_credential_literals(file).empty()) return true;
    // A file passing on a parameter may be a link in a chain from such a file to a sink.
    if (std::none_of(copy_calls.begin(), copy_calls.end(),
                     [&](std::string_view n) { return file.names.index(n) < file.names.size(); }))
      return !forwarded_parameters(file).empty();
    for (const Call& c : file.syntax.calls()) {
      if (c.args.size() < 2 || c.function < 0 || !one_of(file.tokens[c.name].text, copy_calls)) continue;
      for (size_t a = 1; a < c.args.size(); ++a) {
        const auto [begin, end] = c.args[a];
        if (end == begin + 1 && file.tokens[begin].kind == TokenKind::string &&
            !not_a_credential(string_body(file.tokens[begin]), true))
          return true;
      }
    }
    return !forwarded_parameters(file).empty();
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    if (file.tokens.empty()) return;
    if (file.ctx.profile.test_vectors_allowed && is_test_path(file.input.path)) return;
    SecretFacts found;
    Check(file, out, found).run();
    found.forwards = forwarded_parameters(file);
    found.externs = header_extern_pointers(file);
    if (is_header(file.input.path)) found.includes = quoted_includes(file);
    found.class_bases = class_bases(file);
    if (!found.sinks.empty() || !found.literals.empty() || !found.forwards.empty() || !found.externs.empty() ||
        !found.includes.empty() || !found.class_bases.empty())
      facts = std::move(found);
  }

  // A sink's parameter given a literal credential by a call in another file: reported at the sink,
  // naming the first such caller (in path and line order). A function defined with a sink in
  // several files is ambiguous: left alone, as is a sink no file passes a literal.
  // A global the sink's file declares nowhere counts only when a header it includes declares it extern.
  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    std::optional<IncludedExterns> externs;
    std::unordered_map<std::string_view, std::vector<std::string_view>> included;  // by sink file, on first need
    for_each_sink_fed_elsewhere(files, &SecretFacts::sinks, &SecretFacts::literals,
                                [&](const SourceFileFacts& f, const auto& sink, std::string_view path, const auto& literal) {
          if (!sink.header_global.empty()) {
            if (!externs) externs.emplace(files, &SecretFacts::externs, &SecretFacts::includes);
            auto headers = included.find(f.path);
            if (headers == included.end())
              headers = included.emplace(f.path, externs->resolve(f.path, std::any_cast<const SecretFacts&>(f.facts).includes)).first;
            if (!externs->declares(headers->second, sink.header_global)) return;
          }
          Finding finding = sink.finding;
          finding.message = sink.callee + " is given the literal \"" + literal.text + "\" as its " +
                            (sink.password ? "password" : "key") +
                            (sink.argument == return_key(sink.function)        ? ", returned by the function at "
                             : sink.argument == global_key(sink.function)      ? ", stored in the global at "
                             : is_filled_key(sink.argument, sink.function) ? ", filled in by the function at "
                                                                               : ", passed by the call at ") +
                            std::string(path) + ":" +
                            std::to_string(literal.line) +
                            ": a literal credential is the same on every device and recoverable from the firmware; " +
                            std::string(advice);
          out.findings.push_back(std::move(finding));
        },
        &SecretFacts::forwards);
  }
};

}  // namespace

MDBC_SOURCE_RULE(HardcodedSecrets)

}  // namespace mdbc::source
