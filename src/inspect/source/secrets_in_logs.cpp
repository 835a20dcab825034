// LOG-3: log and print calls must not write secrets. An argument (other than the format) whose
// value is a secret-named variable, member or array element is a finding; a secret that only
// reaches the call through another function (strlen(pin), mask(password)), sizeof or a method
// that measures it (password.size()) is not. Logger objects (logger.info(...), spdlog::warn(...))
// C++ streams into consoles and logs (std::cerr << pin, LOG(INFO) << key, log_file << pw) and
// raw writes into log files (fwrite(key, 1, n, log_fp)) count as calls.
//
// Across files: a call's argument that is a text parameter (char *, wchar_t *, a string) of a
// function only other files call (`void log_sink(char *data) { printf("%s", data); }`) is decided
// in the tree-wide pass: reported there, naming the caller, when a call in another file passes it
// a secret-named value (log_sink(password)).
#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/credential_names.h"
#include "inspect/source/cross_file.h"
#include "inspect/source/format_functions.h"
#include "inspect/source/format_literal.h"
#include "inspect/source/identifier_words.h"
#include "inspect/source/log_facility.h"
#include "inspect/source/name_memory.h"
#include "inspect/source/secret_objects.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

// Methods whose result is the secret's text itself (password.c_str()), not a fact about it.
bool exposes_value(std::string_view method) {
  static constexpr std::array<std::string_view, 9> methods{"c_str", "data", "str", "get", "value", "toStdString",
                                                           "toString", "constData", "toUtf8"};
  return std::find(methods.begin(), methods.end(), method) != methods.end();
}

// Functions whose result is a password just typed: printf("%s", getpass("PIN: ")).
constexpr std::array<std::string_view, 3> password_readers{"getpass", "getpassphrase", "readpassphrase"};
bool returns_password(std::string_view callee) {
  return std::find(password_readers.begin(), password_readers.end(), callee) != password_readers.end();
}

class SecretAliases;
// Whether the value at token k is a secret by its name (a `pin` that is a hardware pin is not).
bool logged_secret(const SourceFile& file, size_t k, SecretAliases& aliases);

// const char *data = password; printf("%s\n", data): a variable of the function whose every
// binding before the use gives it a secret-named variable or member holds that secret. Looked for
// only in files that name a secret at all (most files print, few name secrets).
// A name that may say its value is a secret (a credential-like name that names_secret accepts).
bool may_name_secret(std::string_view name) { return may_name_credential(name) && names_secret(name); }

class SecretAliases {
  static constexpr size_t max_writers = 64;  // calls writing one buffer looked at before its use

 public:
  explicit SecretAliases(const SourceFile& file) : file_(file), secret_names_(file.names) {}

  // Whether the name at token k says its value is a secret (names_secret), judged once per name.
  bool names_secret_at(size_t k) { return secret_names_(file_.tokens[k], names_secret); }

  // Whether any name of the file may say its value is a secret (judged once per file).
  bool file_names_secret() {
    if (!file_names_secret_) {
      file_names_secret_ = false;
      LastingJudgement judged;
      NameMemory& memory = NameMemory::of_thread();
      for (size_t id = 0; id < file_.names.size() && !*file_names_secret_; ++id) {
        if (id + NameMemory::names_ahead < file_.names.size()) memory.prefetch(file_.names.hash(id + NameMemory::names_ahead));
        file_names_secret_ = judged(may_name_secret, file_.names, id);
      }
    }
    return *file_names_secret_;
  }

  // Whether a value of the file may be a secret at all: some name says so, or a password reader is
  // named. Most files that log name no secret, and their log calls need no look at their values.
  bool file_may_log_secret() {
    if (!may_log_secret_)
      may_log_secret_ = file_names_secret() || std::any_of(password_readers.begin(), password_readers.end(),
                                                           [&](std::string_view r) { return file_.names.contains(r); });
    return *may_log_secret_;
  }

  bool asked_whether_file_may_log_secret() const { return may_log_secret_.has_value(); }

  // Whether the pin or pass at token k is a hardware pin or a pointer to a device's context,
  // judged by `judge` once per name and function: each judgement reads the function's uses of the
  // name, and a function logging its pin a thousand times must not read them a thousand times.
  template <class Judge>
  bool look_alike_at(size_t k, Judge&& judge) {
    const auto fn = static_cast<uint32_t>(file_.values().function_at(k) + 1);
    const uint64_t key = uint64_t{file_.tokens[k].name} << 32 | fn;
    if (const auto it = look_alikes_.find(key); it != look_alikes_.end()) return it->second;
    const bool look_alike = judge();
    look_alikes_.emplace(key, look_alike);
    return look_alike;
  }

  // Whether the variable at token k holds a secret; `origin`: the token of the last secret it was given.
  bool holds_secret(size_t k, size_t& origin) {
    if (!file_names_secret()) return false;
    const auto& tokens = file_.tokens;
    const FileValues& values = file_.values();
    const int fn = values.function_at(k);
    if (fn < 0) return false;
    bool secret = false;
    for (const Binding* b : values.visible(tokens[k].text, fn)) {
      if (b->function != fn) return false;  // a file-scope variable: any function may set it
      if (b->name > k || (b->form == BindingForm::declaration && b->value.empty())) continue;
      if ((b->form != BindingForm::declaration && b->form != BindingForm::assignment) || b->value.empty()) return false;
      if (!names_secret_value(b->value, origin)) return false;
      secret = true;
    }
    return secret || formatted_with_secret(k, fn, origin);
  }

  // Whether the value in `value` is a secret-named variable or member (password, s->pin), with
  // casts and parentheses stripped; `origin`: its last name.
  bool names_secret_value(TokenRange value, size_t& origin) {
    const auto& tokens = file_.tokens;
    const TokenRange r = file_.values().strip(value);
    for (size_t q = r.begin; q < r.end; ++q)
      if (tokens[q].kind != TokenKind::identifier && !tokens[q].is(".") && !tokens[q].is("->")) return false;
    if (r.empty() || !logged_secret(file_, r.end - 1, *this)) return false;
    origin = r.end - 1;
    return true;
  }

  // Whether the calls of `fn` before token k leave a secret in the buffer named at k: the last one
  // that writes it whole (snprintf, strcpy) or a later append (strcat, memcpy) formats or copies a
  // secret-named value into it (snprintf(line, sizeof line, "psk=%s", psk); puts(line)), and no
  // clear (memset, explicit_bzero) follows.
  bool formatted_with_secret(size_t k, int fn, size_t& origin) {
    static constexpr std::array<std::string_view, 6> overwrites{"strcpy", "strncpy", "strlcpy", "wcscpy", "wcsncpy", "stpcpy"};
    static constexpr std::array<std::string_view, 5> appends{"strcat", "strncat", "strlcat", "memcpy", "memmove"};
    static constexpr std::array<std::string_view, 4> clears{"memset", "bzero", "explicit_bzero", "memzero_explicit"};
    const auto one_of = [](const auto& set, std::string_view name) { return std::find(set.begin(), set.end(), name) != set.end(); };
    const auto& tokens = file_.tokens;
    const FileValues& values = file_.values();
    const std::string_view buffer = tokens[k].text;
    // A file name or path built from the value (snprintf(filename, n, "%s/%s", dir, fw->otp)) names
    // where it is stored, not the secret.
    if (any_word(buffer, [](std::string_view w) {
          return w == "file" || w == "filename" || w == "fname" || w == "path" || w == "dir" || w == "url" || w == "uri";
        }))
      return false;
    const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(fn)];
    bool secret = false;
    size_t secret_origin = 0;
    const Call* w = values.first_call_taking(buffer, fn, f.body_open, k);
    for (size_t looked = 0; w != nullptr && looked < max_writers;
         ++looked, w = values.first_call_taking(buffer, fn, w->close, k)) {
      const size_t dest = values.base_name({w->args[0].first, w->args[0].second});
      if (dest >= tokens.size() || tokens[dest].text != buffer) continue;
      const std::string_view callee = tokens[w->name].text;
      const FormatFunction* format = format_function(callee);
      const bool formats = format != nullptr && format->format > 0 && !format->takes_va_list;
      if (one_of(clears, callee)) {
        secret = false;
        continue;
      }
      if (!formats && !one_of(overwrites, callee) && !one_of(appends, callee)) continue;
      const size_t first_source = formats ? size_t{format->format} + 1 : 1;
      const size_t end_source = formats ? w->args.size() : std::min<size_t>(2, w->args.size());
      bool gives_secret = false;
      for (size_t a = first_source; a < end_source && !gives_secret; ++a)
        gives_secret = names_secret_value({w->args[a].first, w->args[a].second}, secret_origin);
      secret = gives_secret || (secret && one_of(appends, callee));
    }
    if (secret) origin = secret_origin;
    return secret;
  }

  // The secret-named value the object `read` is read out of holds (holder.structFirst, *p; see
  // secret_objects.h), or tokens.size().
  size_t secret_in_object(TokenRange read) {
    if (!file_names_secret()) return file_.tokens.size();
    if (!objects_) objects_.emplace(file_.values(), [this](size_t k) { return logged_secret(file_, k, *this); });
    return objects_->in(read);
  }

 private:
  const SourceFile& file_;
  std::optional<bool> file_names_secret_;
  std::optional<bool> may_log_secret_;  // file_may_log_secret
  std::optional<SecretObjects> objects_;
  NameMemo secret_names_;
  std::unordered_map<uint64_t, bool> look_alikes_;  // look_alike_at, by name and function
};

// What the tree-wide pass joins (see the top), kept small: most files log some parameter.
struct LogFacts {
  struct ParameterSink {
    uint64_t function;  // function_key() of the function whose parameter is logged
    uint64_t argument;  // argument_key() of the parameter
    uint32_t line, column;
    std::string sink;      // the log or print call
    std::string name;      // the parameter
    std::string evidence;  // the call's line
  };
  struct SecretArgument {
    uint64_t argument;  // argument_key() of the callee and the position
    uint32_t line;
    std::string name;   // the secret-named value passed
  };
  std::vector<ParameterSink> sinks;
  std::vector<SecretArgument> secrets;
};

class SecretsInLogs final : public SourceRule {
 public:
  RuleFamily family() const override { return {"secrets-in-logs", InputKind::source, {"LOG-3/secret-logged"}}; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    const auto& tokens = file.tokens;
    const auto& config = file.ctx.config;
    NameMemo sinks(file.names);  // judged once per callee name
    const auto is_sink = [&](const Token& callee) {
      // By the name alone, remembered across files, unless the project declares its log functions.
      if (config.log_functions.empty()) return sinks(callee, sink_by_name);
      return sinks(callee, [&](std::string_view n) { return writes_a_log(n, config) || is_print_function(n) || prints(n); });
    };
    SecretAliases aliases(file);
    LogFacts found;
    ForeignCalls foreign(file);
    for (const auto& call : file.syntax.calls()) {
      const std::string_view callee = tokens[call.name].text;
      if (const int data = raw_write_data(file, call); data >= 0) {  // fwrite(pin, 1, n, log_fp)
        check_arguments(file, std::span(&call.args[static_cast<size_t>(data)], 1), callee, aliases, out);
        continue;
      }
      if (!is_sink(tokens[call.name])) {
        foreign.record_secrets(call, aliases, found.secrets);
        continue;
      }
      if (call.close + 1 < tokens.size() && tokens[call.close + 1].is("<<")) {  // LOG(INFO) << …
        check_stream(file, call.close + 1, callee, aliases, out);
        continue;
      }
      if (call.function < 0 && call.macro.empty()) {
        // Outside any function a call is a macro that declares (TRACE_EVENT(set_shared_key, …)):
        // a bare name among its arguments is what it declares, not a value it logs.
        std::vector<std::pair<size_t, size_t>> values;
        for (const auto& [begin, end] : call.args)
          if (end != begin + 1 || tokens[begin].kind != TokenKind::identifier) values.emplace_back(begin, end);
        check_arguments(file, values, callee, aliases, out);
        continue;
      }
      if (!check_arguments(file, call.args, callee, aliases, out)) foreign.record_sinks(call, found.sinks);
    }
    if (!found.sinks.empty() || !found.secrets.empty()) facts = std::move(found);
    // The loggers and streams below log no secret unless a value of the file may be one. When the
    // calls above have not asked (a file without log calls), it is asked at the first logger or
    // stream rather than here: the question judges every name of the file, and most such files (a
    // register header's thousands of macros) have neither.
    if (aliases.asked_whether_file_may_log_secret() && !aliases.file_may_log_secret()) return;
    for (size_t i = 0; i + 1 < tokens.size(); ++i) {
      if (tokens[i].kind != TokenKind::identifier || file.syntax.dead(i)) continue;  // both forms start at a name
      // Cheap first: a stream is written with <<, a logger called with (.
      const bool shifted = tokens[i + 1].is("<<"), called = tokens[i + 1].is("(");
      if (!shifted && !called) continue;
      const bool stream = shifted && is_log_stream(tokens, i);
      if (!stream && !(called && (is_logger_member_call(tokens, i) || serial_print(tokens, i)))) continue;
      if (!aliases.file_may_log_secret()) return;
      if (stream) {
        check_stream(file, i + 1, tokens[i].text, aliases, out);
      } else {
        const size_t close = std::min(file.syntax.match(i + 1), tokens.size());
        std::vector<std::pair<size_t, size_t>> args;
        size_t begin = i + 2;
        for (size_t k = i + 2; k < close; ++k) {
          if (tokens[k].is(",")) {
            args.emplace_back(begin, k);
            begin = k + 1;
          } else if (tokens[k].is("(") || tokens[k].is("[") || tokens[k].is("{")) {
            k = std::min(file.syntax.match(k), close - 1);  // a nested bracket's commas are not ours
          }
        }
        if (close > begin) args.emplace_back(begin, close);
        check_arguments(file, args, tokens[i].text, aliases, out);
      }
    }
  }

 private:
  // A log or console writer, where the project declares no log functions.
  static bool sink_by_name(std::string_view callee) {
    return writes_a_log_by_name(callee) || is_print_function(callee) || prints(callee);
  }

  // Console writers beyond printf's family, and the program's own printing and logging helpers
  // (printLine, print_hex, log_message, debug_dump): a secret given to them is printed.
  static bool prints(std::string_view callee) {
    static constexpr std::array<std::string_view, 6> console{"fputws", "_putws", "putws", "OutputDebugStringA",
                                                             "OutputDebugStringW", "OutputDebugString"};
    if (std::find(console.begin(), console.end(), callee) != console.end()) return true;
    static constexpr std::array<std::string_view, 5> verbs{"print", "log", "trace", "debug", "dbg"};
    // Cheap first: a name whose first word is one of these holds it as text, in any case.
    static const NameParts verb_parts(std::vector<std::string_view>(verbs.begin(), verbs.end()));
    if (!verb_parts.in(callee)) return false;
    const auto words = identifier_words(callee);
    return words.size() >= 2 && std::find(verbs.begin(), verbs.end(), words.front()) != verbs.end();
  }

  // Arduino's serial console: Serial.print(…), Serial1.println(…), SerialUSB.printf(…).
  static bool serial_print(std::span<const Token> tokens, size_t name) {
    const std::string_view method = tokens[name].text;
    if (name < 2 || !tokens[name - 1].is(".") || !tokens[name - 2].text.starts_with("Serial")) return false;
    return method == "print" || method == "println" || method == "printf" || method == "write";
  }

  // For fwrite/write/fputc into a log file (by the name of the stream or descriptor), the
  // argument holding the data written; -1 otherwise.
  static int raw_write_data(const SourceFile& file, const Call& call) {
    const std::string_view name = file.tokens[call.name].text;
    const size_t sink = name == "fwrite" ? 3 : name == "write" ? 0 : 99;
    if (sink >= call.args.size()) return -1;
    for (size_t k = call.args[sink].first; k < call.args[sink].second; ++k)
      if (file.tokens[k].kind == TokenKind::identifier && names_a_logger(file.tokens[k].text))
        return name == "fwrite" ? 0 : 1;
    return -1;
  }

  static void report(const SourceFile& file, const Token& secret, std::string_view sink, std::vector<Finding>& out) {
    out.push_back(file.at(secret, "LOG-3/secret-logged",
                          "'" + std::string(secret.text) + "' is passed to " + std::string(sink) +
                              "(): secrets must never reach logs or consoles; log that the event happened, "
                              "not the secret",
                          Severity::error));
  }

  // A tracepoint's enumerator (trace_afs_cell(…, afs_cell_trace_unuse_pin), trace_rxrpc_client(…,
  // rxrpc_client_chan_pass)): a bare name that begins with the subsystem the tracepoint is named
  // for says which event happened, whatever its other words.
  static bool tracepoint_enumerator(std::string_view sink, std::string_view name) {
    if (!sink.starts_with("trace")) return false;
    const auto sink_words = identifier_words(sink);
    if (sink_words.size() < 2 || sink_words[0] != "trace") return false;
    const auto words = identifier_words(name);
    return words.size() > 1 && words[0] == sink_words[1];
  }

  // `pwd` is also the working directory (print working directory: struct path pwd, getcwd()). One
  // printed by a path printer (audit_log_d_path), beside a literal that says cwd, directory or path,
  // or holding what getcwd or realpath returned, is a directory.
  static bool working_directory(const SourceFile& file, std::span<const std::pair<size_t, size_t>> args,
                                std::string_view sink, size_t k) {
    const auto& tokens = file.tokens;
    const auto words = identifier_words(tokens[k].text);
    if (words.empty() || words.back() != "pwd") return false;
    const auto directory_word = [](std::string_view w) {
      return w == "path" || w == "dir" || w == "directory" || w == "cwd" || w == "folder" || w == "getcwd" ||
             w == "realpath";
    };
    if (any_word(sink, directory_word)) return true;
    for (const auto& [begin, end] : args)
      for (size_t q = begin; q < end; ++q)
        if (tokens[q].kind == TokenKind::string && any_word(tokens[q].text, directory_word)) return true;
    const FileValues& values = file.values();
    for (const Binding* b : values.visible(tokens[k].text, values.function_at(k))) {
      const TokenRange r = values.strip(b->value);
      if (r.size() >= 2 && tokens[r.begin].kind == TokenKind::identifier && tokens[r.begin + 1].is("(") &&
          any_word(tokens[r.begin].text, directory_word))
        return true;
    }
    return false;
  }

  // Whether an argument is a secret (reported).
  static bool check_arguments(const SourceFile& file, std::span<const std::pair<size_t, size_t>> args,
                              std::string_view sink, SecretAliases& aliases, std::vector<Finding>& out) {
    for (size_t a = 0; a < args.size(); ++a) {
      const auto [begin, end] = args[a];
      if (end == begin + 1 && file.tokens[begin].kind == TokenKind::string) continue;  // the format, or a literal
      if (end == begin + 1 && tracepoint_enumerator(sink, file.tokens[begin].text)) continue;
      size_t origin = 0;  // the secret-named value, or the one an alias holds
      if (const Token* secret = secret_value(file, begin, end, aliases, origin)) {
        if (look_alike_by_conversion(file, origin, conversion(file, args, a))) continue;
        if (working_directory(file, args, sink, origin)) continue;
        report(file, *secret, sink, out);
        return true;  // one finding per call
      }
    }
    return false;
  }

  // The conversion that the printf-style format among the arguments before args[a] (the first
  // literal one) gives args[a], with the character after it ('d', or 'p' then 'K'); none when there
  // is no literal format or its conversions cannot be counted.
  struct Conversion {
    char letter = 0, next = 0;
    bool is_any_of(std::string_view letters) const { return letter != 0 && letters.find(letter) != std::string_view::npos; }
  };
  static Conversion conversion(const SourceFile& file, std::span<const std::pair<size_t, size_t>> args, size_t a) {
    const LiteralResolver literals(file);
    for (size_t f = 0; f < a; ++f) {
      const LiteralForm form = literals.evaluate(args[f].first, args[f].second);
      if (form.kind != LiteralForm::Kind::literal) continue;
      if (form.texts.size() != 1) return {};
      const std::string& text = form.texts[0];
      size_t position = f + 1;  // the argument the next conversion takes
      for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') continue;
        if (++i < text.size() && text[i] == '%') continue;
        for (; i < text.size() && std::string_view("-+ #0'123456789.*hlLjztq").find(text[i]) != std::string_view::npos; ++i)
          if (text[i] == '*') ++position;  // a width or precision given as an argument
        if (i >= text.size()) return {};
        if (position == a) return {text[i], i + 1 < text.size() ? text[i + 1] : '\0'};
        ++position;
      }
      return {};
    }
    return {};
  }

  // Whether the secret-named value at token k is not the secret, by how the format prints it.
  // Printed as an address (%p, the kernel's %pK and %px; not %pM or %ph, which print what it points
  // to), it is where the secret is. A password or credential is text: one printed in decimal is a
  // flag or a count (log_passwd, tx_flow_ctrl_creds). A `pass` printed as a number is a pass's
  // number; so is a `pin` that the function has as a number rather than reads in (dev_err(dev,
  // "pin %u busy", pin) with pin a parameter or taken from a structure): a PIN printed as a number
  // is one the function reads in itself (pin = read_keypad()).
  static bool look_alike_by_conversion(const SourceFile& file, size_t k, Conversion printed) {
    const bool letter_after = (printed.next >= 'a' && printed.next <= 'z') || (printed.next >= 'A' && printed.next <= 'Z') ||
                              (printed.next >= '0' && printed.next <= '9');
    if (printed.letter == 'p' && (!letter_after || printed.next == 'K' || printed.next == 'x')) return true;
    const std::string_view name = file.tokens[k].text;
    const bool text = names_text_secret(name);
    if (printed.is_any_of("diu") && text) return true;
    const CredentialName cls = credential_name(name);
    // Whatever the format (a tracepoint has none): declared a bool, any secret-named value is a
    // flag (bool empty_otp); declared a number (int pass, enum passtype pass, int revoke_creds), a
    // pass or a credential is a pass's number or a count of credits.
    const std::string_view type = declared_type(file, k);
    if (type == "bool" || type == "_Bool") return true;
    if ((text || cls == CredentialName::pass) && names_number_type(type)) return true;
    if (!printed.is_any_of("diouxXc")) return false;
    if (any_word(name, [](std::string_view w) { return w == "otp"; }) && otp_memory(file, k, printed)) return true;
    return cls == CredentialName::pass ||
           (cls == CredentialName::pin && (member_value(file, file.tokens[k]) || pin_number(file, k)));
  }

 public:
  // A sink's parameter given a secret by a call in another file: reported at the sink, naming the
  // first such caller (in path and line order). A function defined with a sink in several files
  // is ambiguous: left alone.
  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    for_each_sink_fed_elsewhere(files, &LogFacts::sinks, &LogFacts::secrets,
                                [&](const SourceFileFacts& f, const auto& sink, std::string_view path, const auto& secret) {
          Finding finding;
          finding.rule = "LOG-3/secret-logged";
          finding.path = std::string(f.path);
          finding.line = sink.line;
          finding.column = sink.column;
          finding.message = "'" + sink.name + "' is passed to " + sink.sink + "(), and the call at " + std::string(path) +
                            ":" + std::to_string(secret.line) + " gives it the secret '" + secret.name +
                            "': secrets must never reach logs or consoles; log that the event happened, not the secret";
          finding.evidence = sink.evidence;
          finding.severity = Severity::error;
          finding.component = std::string(f.component);
          out.findings.push_back(std::move(finding));
        });
  }

 private:
  // This file's side of the join (see the top).
  class ForeignCalls {
   public:
    explicit ForeignCalls(const SourceFile& file)
        : file_(file), tokens_(file.tokens), source_file_(!is_header(file.input.path)) {}

    // The secret-named values (name, &name, name.c_str()) the call gives a function this file does
    // not define.
    void record_secrets(const Call& call, SecretAliases& aliases, std::vector<LogFacts::SecretArgument>& out) {
      if (call.function < 0 || !call.macro.empty() || !call.qualifier.empty() || !aliases.file_names_secret() ||
          defined(tokens_[call.name].text))
        return;
      for (size_t a = 0; a < call.args.size() && a < max_followed_argument; ++a) {
        auto [begin, end] = call.args[a];
        if (end == begin + 2 && tokens_[begin].is("&")) ++begin;
        if (end == begin + 5 && tokens_[begin + 1].is(".") && exposes_value(tokens_[begin + 2].text) &&
            tokens_[begin + 3].is("("))
          end = begin + 1;
        if (end != begin + 1 || tokens_[begin].kind != TokenKind::identifier) continue;
        if (!logged_secret(file_, begin, aliases)) continue;
        out.push_back({argument_key(function_key(tokens_[call.name].text), a), tokens_[begin].line,
                       std::string(tokens_[begin].text)});
      }
    }

    // The arguments of a log call that are text parameters of a function only other files call.
    void record_sinks(const Call& call, std::vector<LogFacts::ParameterSink>& out) {
      if (call.function < 0 || !call.macro.empty() || !source_file_) return;
      for (const auto& [begin, end] : call.args) {
        if (end != begin + 1 || tokens_[begin].kind != TokenKind::identifier || !text_parameter(call.function, begin))
          continue;
        const auto parameter = external_parameter(file_, call.function, tokens_[begin].text);
        if (!parameter) continue;
        out.push_back({parameter->function, parameter->argument, tokens_[begin].line, tokens_[begin].column,
                       std::string(tokens_[call.name].text), std::string(tokens_[begin].text), file_.evidence(tokens_[begin])});
      }
    }

   private:
    bool defined(std::string_view name) {
      if (defined_.empty())
        for (const FunctionDef& f : file_.syntax.functions()) defined_.emplace(tokens_[f.name].text, true);
      return defined_.contains(name);
    }

    // Whether the name at `use` is declared in its function's parameter list as text: a pointer to
    // or array of char or wide characters, or a string. A cheap test before FileValues is asked.
    bool text_parameter(int function, size_t use) const {
      const FunctionDef& f = file_.syntax.functions()[static_cast<size_t>(function)];
      const size_t open = f.name + 1, close = file_.syntax.match(open);
      if (close >= tokens_.size()) return false;
      static constexpr std::array<std::string_view, 12> text_types{
          "char", "wchar_t", "TCHAR", "WCHAR", "CHAR", "string", "wstring", "LPSTR", "LPCSTR", "LPWSTR", "LPCWSTR", "gchar"};
      size_t from = open + 1;
      for (size_t k = open + 1; k < close; ++k) {
        if (tokens_[k].is(",")) from = k + 1;
        if (!tokens_[k].is_ident(tokens_[use].text)) continue;
        bool text = false, indirect = false;
        for (size_t q = from; q < k; ++q) {
          text = text || std::find(text_types.begin(), text_types.end(), tokens_[q].text) != text_types.end();
          indirect = indirect || tokens_[q].is("*") || tokens_[q].text.starts_with("LP") || tokens_[q].text.ends_with("string");
        }
        indirect = indirect || (k + 1 < close && tokens_[k + 1].is("["));
        return text && indirect;
      }
      return false;
    }

    const SourceFile& file_;
    std::span<const Token> tokens_;
    const bool source_file_;  // not a header (whose functions the files including it call): sinks are looked for
    std::unordered_map<std::string_view, bool> defined_;
  };

  // The operands of `<< a << b …;` from the first '<<' at `at` to the end of the statement.
  static void check_stream(const SourceFile& file, size_t at, std::string_view sink, SecretAliases& aliases,
                           std::vector<Finding>& out) {
    const auto& tokens = file.tokens;
    size_t begin = at + 1;
    for (size_t k = at + 1; k <= tokens.size(); ++k) {
      const bool end = k == tokens.size() || tokens[k].is(";") || tokens[k].is("}");
      if (end || tokens[k].is("<<")) {
        size_t origin = 0;
        if (k > begin)
          if (const Token* secret = secret_value(file, begin, k, aliases, origin)) {
            report(file, *secret, sink, out);
            return;
          }
        if (end) return;
        begin = k + 1;
      } else if (tokens[k].is("(") || tokens[k].is("[")) {
        k = std::min(file.syntax.match(k), tokens.size() - 1);
      }
    }
  }

  // The first secret-named identifier in tokens [begin, end) that is the value itself: not inside
  // the parentheses of another call, not the operand of sizeof, not a function name, not an
  // object whose method measures it; or a plain variable that only holds such a secret. `origin`:
  // the token of the secret-named value (for an alias, of the value it holds).
  static const Token* secret_value(const SourceFile& file, size_t begin, size_t end, SecretAliases& aliases,
                                   size_t& origin) {
    if (!aliases.file_may_log_secret()) return nullptr;
    const auto& tokens = file.tokens;
    begin = past_condition(file, begin, end);
    for (size_t k = begin; k < end; ++k) {
      const Token& t = tokens[k];
      if (t.is("(") && k > begin && (tokens[k - 1].kind == TokenKind::identifier)) {
        k = std::min(file.syntax.match(k), end);  // a call's arguments, or sizeof(...)
        continue;
      }
      if (t.kind != TokenKind::identifier) continue;
      // An operand of a comparison: what is logged is whether it held.
      if ((k > begin && comparison(tokens[k - 1])) || (k + 1 < end && comparison(tokens[k + 1]))) continue;
      if (t.is_ident("sizeof")) {  // sizeof x, sizeof(x): its size, not its value
        if (k + 1 < end && tokens[k + 1].is("(")) k = std::min(file.syntax.match(k + 1), end);
        else ++k;
        continue;
      }
      if (k + 1 < end && tokens[k + 1].is("(")) {  // a function name: its result is logged
        if (returns_password(t.text)) return &tokens[origin = k];
        continue;
      }
      const bool member = k + 2 < end && (tokens[k + 1].is(".") || tokens[k + 1].is("->")) &&
                          tokens[k + 2].kind == TokenKind::identifier;
      const bool method = member && k + 3 < end && tokens[k + 3].is("(");
      if (method && !exposes_value(tokens[k + 2].text)) {  // password.size(), key.length()
        k += 2;
        continue;
      }
      // The value of a member chain is its last member: u->pin is a PIN, session_key.len is not
      // a key, and otp->comm is a name.
      if (member && !method) continue;
      if (k + 1 < end && tokens[k + 1].is("[")) {  // keys[i]: the element is judged by the array's name
        if (logged_secret(file, k, aliases) && !integer_constant(file, k)) return &tokens[origin = k];
        k = std::min(file.syntax.match(k + 1), end);  // the index is not the value
        continue;
      }
      if (logged_secret(file, k, aliases) && !integer_constant(file, k)) return &tokens[origin = k];
      if (end == begin + 1 && aliases.holds_secret(k, origin)) return &t;
    }
    // holder.structFirst, *p, u.second: a secret the object they are read out of holds.
    const size_t object = object_read_from(file.values(), {begin, end});
    if (object >= tokens.size()) return nullptr;
    const size_t secret = aliases.secret_in_object({begin, end});
    if (secret >= tokens.size()) return nullptr;
    origin = secret;
    return &tokens[object];
  }

  static bool comparison(const Token& t) {
    return t.is("==") || t.is("!=") || t.is("<") || t.is(">") || t.is("<=") || t.is(">=");
  }

  // `c ? a : b` logs a or b, never c: the first token after a top-level '?', or begin.
  static size_t past_condition(const SourceFile& file, size_t begin, size_t end) {
    for (size_t k = begin; k < end; ++k) {
      if (file.tokens[k].is("(") || file.tokens[k].is("[")) k = std::min(file.syntax.match(k), end);
      else if (file.tokens[k].is("?")) return k + 1;
    }
    return begin;
  }

  // A name in capitals (a macro or an enumerator by convention: WPA_PSK_BIN, PIN_LOCKED) that
  // the file does not define as a string: a compile-time number, the same on every device, never
  // a run-time secret (a literal secret is CRYPTO-4's).
  static bool integer_constant(const SourceFile& file, size_t k) {
    const std::string_view name = file.tokens[k].text;
    if (std::any_of(name.begin(), name.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return false;
    const FileValues& values = file.values();
    return !values.resolve({k, k + 1}, values.function_at(k)).is(Value::Kind::string);
  }

 public:
  static bool member_value(const SourceFile& file, const Token& t) {
    const size_t k = static_cast<size_t>(&t - file.tokens.data());
    return k > 0 && (file.tokens[k - 1].is("->") || file.tokens[k - 1].is("."));
  }

  // The last word of the type a declaration in view gives the name at token k, or of the type it
  // points to ("int" for `unsigned int pin`, "u8" for `u8 *pin`, "int" for `int ioapic, pin`), or
  // "enum" for an enum; empty when the file declares none.
  static std::string_view declared_type(const SourceFile& file, size_t k) {
    const auto& tokens = file.tokens;
    const FileValues& values = file.values();
    for (const Binding* b : values.visible(tokens[k].text, values.function_at(k))) {
      if (b->form != BindingForm::declaration && b->form != BindingForm::parameter) continue;
      size_t type = b->name;
      // Back over the declarators before this one (int ioapic, pin), then pointers and const.
      while (type >= 2 && tokens[type - 1].is(",") && tokens[type - 2].kind == TokenKind::identifier) type -= 2;
      while (type > 0 && (tokens[type - 1].is("*") || tokens[type - 1].is_ident("const"))) --type;
      if (type == 0 || tokens[type - 1].kind != TokenKind::identifier) continue;
      return type >= 2 && tokens[type - 2].is_ident("enum") ? std::string_view("enum") : tokens[type - 1].text;
    }
    return {};
  }

  // Whether a type (as declared_type gives it) is an integer, a bool or an enum.
  static bool names_number_type(std::string_view type) {
    static constexpr std::array<std::string_view, 28> numbers{
        "int", "unsigned", "signed", "short", "long", "u8", "u16", "u32", "u64", "s8", "s16", "s32", "s64",
        "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int8_t", "int16_t", "int32_t", "int64_t", "size_t",
        "uint", "unsigned_int", "bool", "_Bool", "ushort", "enum"};
    return std::find(numbers.begin(), numbers.end(), type) != numbers.end();
  }

  // Whether the pin at token k is a number the function has rather than reads in: declared a
  // number (a parameter, a local or a module's setting) and never given the result of a call
  // unless the call names hardware (pin = intel_gpio_to_pin(…), MTK_GET_PIN_NO(…); not
  // pin = read_keypad()). Taken from a structure or a table (pin = grp->pins[i]) or filled through
  // its address (of_property_read_u32(np, "pin", &pin)), it is a pin's number.
  static bool pin_number(const SourceFile& file, size_t k) {
    // Printed as a number, a char is a byte (unsigned char pin): a PIN's text is an array of them.
    const std::string_view type = declared_type(file, k);
    if (!names_number_type(type) && type != "char") return false;
    const auto& tokens = file.tokens;
    const FileValues& values = file.values();
    for (const Binding* b : values.visible(tokens[k].text, values.function_at(k))) {
      if (b->name > k || b->value.empty()) continue;
      const TokenRange r = values.strip(b->value);
      if (r.size() >= 2 && tokens[r.begin].kind == TokenKind::identifier && tokens[r.begin + 1].is("(") &&
          !any_word(tokens[r.begin].text, names_hardware_pin))
        return false;
    }
    return true;
  }

  // Whether an `otp` printed as a number is one-time-programmable memory rather than a one-time
  // password: its words are shown in hex (a password in decimal or as text), and an index or
  // address into it is compared against a bound (otp < NUM_LOWER), where a password is compared
  // only for equality.
  static bool otp_memory(const SourceFile& file, size_t k, Conversion printed) {
    if (printed.is_any_of("xX")) return true;
    const auto& tokens = file.tokens;
    const FileValues& values = file.values();
    const int fn = values.function_at(k);
    if (fn < 0) return false;
    const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(fn)];
    const auto bound = [](const Token& t) { return t.is("<") || t.is(">") || t.is("<=") || t.is(">="); };
    for (const size_t o : values.occurrences(tokens[k].text))
      if (o > f.body_open && o + 1 < f.body_close && (bound(tokens[o + 1]) || bound(tokens[o - 1]))) return true;
    return false;
  }

  // Whether the name is declared a pointer to void or to a struct, union or class: a `pw` or
  // `pin` that points to a device's state (void *pw, struct pin_desc *pin), never a PIN's text.
  static bool points_to_object(const SourceFile& file, size_t k) {
    const auto& tokens = file.tokens;
    const FileValues& values = file.values();
    for (const Binding* b : values.visible(tokens[k].text, values.function_at(k))) {
      if (b->form != BindingForm::declaration && b->form != BindingForm::parameter) continue;
      size_t type = b->name;
      bool pointer = false;
      while (type > 0 && (tokens[type - 1].is("*") || tokens[type - 1].is_ident("const"))) {
        pointer = pointer || tokens[type - 1].is("*");
        --type;
      }
      if (!pointer || type == 0 || tokens[type - 1].kind != TokenKind::identifier) continue;
      if (tokens[type - 1].is_ident("void")) return true;
      if (type >= 2 && (tokens[type - 2].is_ident("struct") || tokens[type - 2].is_ident("union") ||
                        tokens[type - 2].is_ident("class")))
        return true;
    }
    return false;
  }

  // Whether the `pass` at token k is only ever given string literals, two or more different ones
  // (pass_str = "B1"; … pass_str = "A0-A6";): a name from a fixed set, a chip's pass or a revision,
  // not a password read in.
  static bool names_labels(const SourceFile& file, size_t k) {
    const auto& tokens = file.tokens;
    std::string_view first;
    bool another = false;
    for (const size_t o : file.values().occurrences(tokens[k].text)) {
      if (o + 1 >= tokens.size() || !tokens[o + 1].is("=")) continue;
      if (o + 3 >= tokens.size() || tokens[o + 2].kind != TokenKind::string || !tokens[o + 3].is(";")) return false;
      if (first.empty()) first = tokens[o + 2].text;
      another = another || tokens[o + 2].text != first;
    }
    return another;
  }

  // Whether a `pin` is a hardware pin: its type names one (gpio_num_t, PinName, pin_t), or it is
  // a member of a structure whose type names hardware (pins[i].pin of a struct snd_soc_jack_pin:
  // the pin's name), the function passes it to a GPIO, LED, PWM or ADC call (gpio_set_level, digitalWrite,
  // pinMode) or looks an audio widget up by it (dapm_find_widget(dapm, pin, …): an ASoC pin is a
  // widget's name), or counts or indexes with it.
  static bool hardware_pin(const SourceFile& file, size_t k) {
    const auto& tokens = file.tokens;
    const FileValues& values = file.values();
    const int fn = values.function_at(k);
    const auto has = [](const std::vector<std::string>& words, std::string_view w) {
      return std::find(words.begin(), words.end(), w) != words.end();
    };
    const auto hardware = [&](std::string_view identifier) {
      static constexpr std::array<std::string_view, 14> words{"gpio",    "digital", "analog",  "pwm",   "adc",
                                                              "dac",     "led",     "irq",     "pinctrl", "pinmux",
                                                              "pinconf", "dapm",    "widget",  "jack"};
      const auto w = identifier_words(identifier);
      return (has(w, "pin") && has(w, "mode")) ||
             std::any_of(words.begin(), words.end(), [&](std::string_view x) { return has(w, x); });
    };
    // A type named for pins (PinName, pin_t), not the variable's own name used as a type.
    const auto pin_type = [&](std::string_view type) {
      return hardware(type) || (has(identifier_words(type), "pin") && type != tokens[k].text);
    };
    const auto declared = [&](std::string_view name, auto&& type_says) {
      for (const Binding* b : values.visible(name, fn)) {
        if (b->form != BindingForm::declaration && b->form != BindingForm::parameter) continue;
        size_t type = b->name;
        while (type > 0 && (tokens[type - 1].is("*") || tokens[type - 1].is("&") || tokens[type - 1].is_ident("const")))
          --type;
        if (type > 0 && tokens[type - 1].kind == TokenKind::identifier && type_says(tokens[type - 1].text)) return true;
      }
      return false;
    };
    if (declared(tokens[k].text, pin_type)) return true;
    // The owner of a member (`jack_pin->pin`, `pins[i].pin`), back over one subscript.
    if (k >= 2 && (tokens[k - 1].is(".") || tokens[k - 1].is("->"))) {
      size_t owner = k - 2;
      if (tokens[owner].is("]")) {
        constexpr size_t most_subscript_tokens = 16;
        size_t open = owner;
        while (open > 0 && owner - open < most_subscript_tokens && !tokens[open].is("[")) --open;
        owner = tokens[open].is("[") && open > 0 ? open - 1 : owner;
      }
      // Only a hardware word: a struct named for a PIN (struct user_pin) may hold the code.
      if (tokens[owner].kind == TokenKind::identifier && declared(tokens[owner].text, hardware)) return true;
    }
    if (fn < 0) return false;
    const FunctionDef& f = file.syntax.functions()[static_cast<size_t>(fn)];
    for (const Call* c : values.calls_taking(tokens[k].text, fn, f.body_open, f.body_close))
      if (hardware(tokens[c->name].text)) return true;
    // A number that counts or indexes (pin++, pins[pin]) is a pin's number: a secret PIN is
    // neither stepped through nor used to pick an element.
    for (const size_t o : values.occurrences(tokens[k].text)) {
      if (o <= f.body_open || o >= f.body_close || o == 0 || o + 1 >= tokens.size()) continue;
      if (tokens[o + 1].is("++") || tokens[o - 1].is("++") || (tokens[o - 1].is("[") && tokens[o + 1].is("]")))
        return true;
    }
    return false;
  }
};

bool logged_secret(const SourceFile& file, size_t k, SecretAliases& aliases) {
  if (!aliases.names_secret_at(k)) return false;
  const CredentialName cls = credential_name(file.tokens[k].text);
  if (cls != CredentialName::pin && cls != CredentialName::pass) return true;
  return !aliases.look_alike_at(k, [&] {
    return (cls == CredentialName::pin && SecretsInLogs::hardware_pin(file, k)) ||
           (cls == CredentialName::pass && SecretsInLogs::names_labels(file, k)) ||
           SecretsInLogs::points_to_object(file, k);
  });
}

}  // namespace

MDBC_SOURCE_RULE(SecretsInLogs)

}  // namespace mdbc::source
