// LANG-3: escape hatches from memory-safe languages, each listed (Rust and C# `unsafe`, C#'s Unsafe
// class and P/Invoke, Go's `unsafe` package and cgo, Java `native` methods and sun.misc.Unsafe,
// Kotlin `external` functions, and on the C side JNIEXPORT functions and RegisterNatives calls), and
// the pinning of the Rust and Go toolchains (rust-toolchain(.toml) with an exact
// version; go.mod with a toolchain line).
#include <algorithm>
#include <string>

#include "inspect/source/call_site.h"
#include "inspect/source/safe_language_scan.h"

namespace mdbc::source {
namespace {

struct ToolchainFacts {
  enum class Kind { rust_source, go_source, rust_toolchain, go_mod } kind;
  bool pinned = false;     // toolchain files: names an exact version
  std::string value;       // what the file names, for the message
  uint32_t line = 0;
  std::string evidence;
};

std::string_view file_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view trim_view(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1.75.0" (optionally with a host triple after '-'), or a dated "nightly-2024-01-31" /
// "beta-2024-01-31": versions rustup installs exactly. "stable", "1.75" move.
bool exact_rust_version(std::string_view v) {
  if (v.starts_with("nightly-") || v.starts_with("beta-")) {
    const std::string_view date = v.substr(v.find('-') + 1);
    return date.size() >= 10 && digits(date.substr(0, 4)) && date[4] == '-' && digits(date.substr(5, 2)) &&
           date[7] == '-' && digits(date.substr(8, 2));
  }
  const std::string_view version = v.substr(0, v.find('-'));
  const size_t a = version.find('.'), b = version.find('.', a == std::string_view::npos ? a : a + 1);
  if (a == std::string_view::npos || b == std::string_view::npos) return false;
  return digits(version.substr(0, a)) && digits(version.substr(a + 1, b - a - 1)) && digits(version.substr(b + 1));
}

// Each line of a text with its number, stopping early when `f` returns false.
template <class F>
void for_each_line(std::string_view text, F f) {
  uint32_t number = 0;
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (!f(++number, text.substr(begin, end - begin))) return;
    if (end == text.size()) return;
    begin = end + 1;
  }
}

class EscapeHatches final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"escape-hatches", InputKind::source,
            {"LANG-3/rust-unsafe", "LANG-3/csharp-unsafe", "LANG-3/csharp-pinvoke", "LANG-3/go-unsafe", "LANG-3/go-cgo", "LANG-3/java-native",
             "LANG-3/java-unsafe", "LANG-3/jni-export", "LANG-3/rust-toolchain-unpinned",
             "LANG-3/go-toolchain-unpinned"}};
  }

  bool wants(Language l) const override {
    return is_c_family(l) || l == Language::rust || l == Language::csharp || l == Language::go ||
           l == Language::java || l == Language::kotlin || l == Language::config_text;
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    const Severity severity = element_severity(file.ctx, "LANG-3");
    switch (file.language) {
      case Language::c: case Language::cpp: case Language::c_header: {
        const auto t = file.tokens;
        // Looked for among the tokens only where the file names it: few files do.
        if (file.names.contains("JNIEXPORT"))
          for (size_t i = 0; i < t.size(); ++i)
            if (t[i].is_ident("JNIEXPORT") && !t[i].directive && !file.syntax.dead(i))
              out.push_back(file.at(t[i], "LANG-3/jni-export",
                                    "JNIEXPORT: a native function called from Java through JNI, outside the Java "
                                    "memory-safety guarantees: keep it small, validate every argument from Java, and "
                                    "cover it with a reviewed variance in class C",
                                    severity));
        // Functions bound to Java at load time need no JNIEXPORT: the call binding them
        // (env->RegisterNatives(cls, methods, n), a member call in C++) is where they cross into Java.
        if (file.names.contains("RegisterNatives"))
          for (size_t i = 0; i + 1 < t.size(); ++i)
            if (t[i].is_ident("RegisterNatives") && t[i + 1].is("(") && !t[i].directive && !file.syntax.dead(i))
              out.push_back(file.at(t[i], "LANG-3/jni-export",
                                    "RegisterNatives binds C or C++ functions to Java native methods, outside the Java "
                                    "memory-safety guarantees: keep them small, validate every argument from Java, and "
                                    "cover them with a reviewed variance in class C",
                                    severity));
        return;
      }
      case Language::rust: scan_rust(file, out, severity); facts = ToolchainFacts{ToolchainFacts::Kind::rust_source, false, {}, 0, {}}; return;
      case Language::go: scan_go(file, out, severity); facts = ToolchainFacts{ToolchainFacts::Kind::go_source, false, {}, 0, {}}; return;
      case Language::csharp: scan_csharp(file, out, severity); return;
      case Language::java: case Language::kotlin: scan_java(file, out, severity); return;
      case Language::config_text: toolchain_file(file, facts); return;
      default: return;
    }
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const override {
    const Severity severity = element_severity(ctx, "LANG-3");
    bool rust = false, go = false, rust_toolchain_file = false, go_mod = false;
    for (const auto& f : files) {
      const auto* tc = std::any_cast<ToolchainFacts>(&f.facts);
      if (tc == nullptr) continue;
      const auto add = [&](const char* rule, std::string message) {
        Finding finding;
        finding.rule = rule;
        finding.path = std::string(f.path);
        finding.line = tc->line;
        finding.message = std::move(message);
        finding.evidence = tc->evidence;
        finding.severity = severity;
        finding.component = std::string(f.component);
        out.findings.push_back(std::move(finding));
      };
      switch (tc->kind) {
        case ToolchainFacts::Kind::rust_source: rust = true; break;
        case ToolchainFacts::Kind::go_source: go = true; break;
        case ToolchainFacts::Kind::rust_toolchain:
          rust_toolchain_file = true;
          if (!tc->pinned) {
            add("LANG-3/rust-toolchain-unpinned",
                (tc->value.empty() ? std::string("names no toolchain channel")
                                   : "channel \"" + tc->value + "\" is not an exact version") +
                    ": set channel to an exact release (\"1.78.0\") or a dated nightly (\"nightly-2024-05-01\") so "
                    "every build uses the same compiler");
          }
          break;
        case ToolchainFacts::Kind::go_mod:
          go_mod = true;
          if (!tc->pinned)
            add("LANG-3/go-toolchain-unpinned",
                "go.mod has no toolchain line naming an exact Go release: add `toolchain go1.22.3` (the release the "
                "device software is built and verified with)");
          break;
      }
    }
    const auto tree_finding = [&](const char* rule, std::string message) {
      Finding f;
      f.rule = rule;
      f.path = ".";
      f.evidence = message.substr(0, message.find(':'));
      f.message = std::move(message);
      f.severity = severity;
      out.findings.push_back(std::move(f));
    };
    if (rust && !rust_toolchain_file)
      tree_finding("LANG-3/rust-toolchain-unpinned",
                   "the tree has Rust code but no rust-toolchain.toml: add one at the workspace root with channel set "
                   "to an exact release (\"1.78.0\") so every build uses the same compiler");
    if (go && !go_mod)
      tree_finding("LANG-3/go-toolchain-unpinned",
                   "the tree has Go code but no go.mod: add one with a toolchain line naming an exact Go release "
                   "(`toolchain go1.22.3`)");
  }

 private:
  static Finding at(const SourceFile& file, const ScanToken& s, const char* rule, std::string message, Severity severity) {
    Token t;
    t.text = s.text;
    t.line = s.line;
    t.column = s.column;
    return file.at(t, rule, std::move(message), severity);
  }

  static void scan_rust(const SourceFile& file, std::vector<Finding>& out, Severity severity) {
    SafeLanguageScanner scan(file.input.bytes, Language::rust);
    ScanToken tok, pending;
    bool have_pending = false;  // an `unsafe` waiting for the token that tells what it marks
    int lookahead = 0;
    std::string kind;
    while (scan.next(tok)) {
      if (have_pending) {
        ++lookahead;
        if (kind.empty()) {
          if (tok.is("{")) kind = "unsafe block";
          else if (tok.is_word("impl")) kind = "unsafe impl";
          else if (tok.is_word("trait")) kind = "unsafe trait";
          else if (tok.is("(")) kind = "unsafe attribute";
          else if (tok.is_word("fn")) kind = "unsafe function";
          else if (!(tok.is_word("extern") || tok.kind == ScanToken::Kind::string)) kind = "unsafe code";
          else if (lookahead >= 3) kind = "unsafe extern block";
        }
        if (!kind.empty()) {
          out.push_back(at(file, pending, "LANG-3/rust-unsafe",
                           kind + ": the compiler does not check its memory safety: keep it minimal, document the "
                                  "invariants it relies on (// SAFETY:), and cover it with a reviewed variance in class C",
                           severity));
          have_pending = false;
        }
      }
      if (tok.is_word("unsafe")) {
        pending = tok;
        have_pending = true;
        lookahead = 0;
        kind.clear();
      }
    }
    if (have_pending)
      out.push_back(at(file, pending, "LANG-3/rust-unsafe",
                       "unsafe code: the compiler does not check its memory safety: keep it minimal, document the "
                       "invariants it relies on (// SAFETY:), and cover it with a reviewed variance in class C",
                       severity));
  }

  static void scan_csharp(const SourceFile& file, std::vector<Finding>& out, Severity severity) {
    SafeLanguageScanner scan(file.input.bytes, Language::csharp);
    ScanToken tok, prev;
    bool unsafe_class = false;  // the previous token was the word Unsafe, not a member of something else
    ScanToken unsafe_word;
    while (scan.next(tok)) {
      if (tok.is_word("unsafe"))
        out.push_back(at(file, tok, "LANG-3/csharp-unsafe",
                         "unsafe context: pointers and fixed buffers in it are not checked by the runtime: use Span<T> "
                         "and safe APIs instead, or keep it minimal and cover it with a reviewed variance in class C",
                         severity));
      // Unsafe.Add(ref r, i), Unsafe.As<T>(o): System.Runtime.CompilerServices.Unsafe needs no unsafe context.
      if (unsafe_class && tok.is("."))
        out.push_back(at(file, unsafe_word, "LANG-3/csharp-unsafe",
                         "System.Runtime.CompilerServices.Unsafe reads and writes memory without bounds or type checks, "
                         "and needs no unsafe context: use indexing and Span<T>, or cover it with a reviewed variance in "
                         "class C",
                         severity));
      unsafe_class = tok.is_word("Unsafe") && !(prev.is(".") || prev.is_word("class"));
      if (unsafe_class) unsafe_word = tok;
      // [DllImport("lib")], [LibraryImport("lib")]: native code called from C#.
      if ((prev.is("[") || prev.is(",")) && (tok.is_word("DllImport") || tok.is_word("LibraryImport") ||
                                               tok.is_word("DllImportAttribute") || tok.is_word("LibraryImportAttribute")))
        out.push_back(at(file, tok, "LANG-3/csharp-pinvoke",
                         "P/Invoke declaration: the native function it calls runs outside the runtime's memory safety: "
                         "keep the native side small, validate what crosses the boundary, and cover it with a reviewed "
                         "variance in class C",
                         severity));
      prev = tok;
    }
  }

  static void scan_java(const SourceFile& file, std::vector<Finding>& out, Severity severity) {
    SafeLanguageScanner scan(file.input.bytes, Language::java);
    ScanToken tok, prev, prev2;
    const bool kotlin = file.language == Language::kotlin;
    while (scan.next(tok)) {
      if (tok.is_word(kotlin ? "external" : "native"))
        out.push_back(at(file, tok, "LANG-3/java-native",
                         "native method: implemented in C or C++ through JNI, outside Java's memory safety: keep the "
                         "native side small and validated, and cover it with a reviewed variance in class C",
                         severity));
      else if (tok.is_word("Unsafe") && prev.is(".") && prev2.is_word("misc"))
        out.push_back(at(file, tok, "LANG-3/java-unsafe",
                         "sun.misc.Unsafe reads and writes memory without checks: use VarHandle or the foreign memory "
                         "API, or cover it with a reviewed variance in class C",
                         severity));
      prev2 = prev;
      prev = tok;
    }
  }

  static void scan_go(const SourceFile& file, std::vector<Finding>& out, Severity severity) {
    SafeLanguageScanner scan(file.input.bytes, Language::go);
    ScanToken tok, prev;
    std::vector<std::string_view> unsafe_names;  // what the unsafe package is called in this file
    const auto on_import = [&](const ScanToken& path, const ScanToken* alias) {
      if (path.body == "C") {
        out.push_back(at(file, path, "LANG-3/go-cgo",
                         "import \"C\" (cgo): the C code it calls is outside Go's memory safety: keep the C side small "
                         "and validated, and cover it with a reviewed variance in class C",
                         severity));
        return;
      }
      if (path.body != "unsafe") return;
      if (alias != nullptr && (alias->is("_") || alias->is("."))) {
        out.push_back(at(file, path, "LANG-3/go-unsafe",
                         "import of package unsafe: pointer arithmetic and conversions in it bypass Go's type and "
                         "memory safety: remove it, or cover its uses with a reviewed variance in class C",
                         severity));
        return;
      }
      unsafe_names.push_back(alias != nullptr ? alias->text : std::string_view("unsafe"));
    };
    enum class State { code, after_import, import_list } state = State::code;
    ScanToken alias;
    bool have_alias = false;
    bool selector = false;  // the previous token was `<unsafe name>` followed by '.'
    ScanToken unsafe_word;
    while (scan.next(tok)) {
      switch (state) {
        case State::after_import:
          if (tok.is("(")) {
            state = State::import_list;
            have_alias = false;
          } else if (tok.kind == ScanToken::Kind::string) {
            on_import(tok, have_alias ? &alias : nullptr);
            state = State::code;
            have_alias = false;
          } else if (tok.kind == ScanToken::Kind::word || tok.is(".")) {
            alias = tok;
            have_alias = true;
          } else {
            state = State::code;
          }
          continue;
        case State::import_list:
          if (tok.is(")")) {
            state = State::code;
          } else if (tok.kind == ScanToken::Kind::string) {
            on_import(tok, have_alias ? &alias : nullptr);
            have_alias = false;
          } else if (tok.kind == ScanToken::Kind::word || tok.is(".")) {
            alias = tok;
            have_alias = true;
          }
          continue;
        case State::code:
          break;
      }
      if (tok.is_word("import")) {
        state = State::after_import;
        have_alias = false;
        continue;
      }
      if (selector && tok.kind == ScanToken::Kind::word)
        out.push_back(at(file, unsafe_word, "LANG-3/go-unsafe",
                         std::string(unsafe_word.text) + "." + std::string(tok.text) +
                             " bypasses Go's type and memory safety: use safe conversions (encoding/binary, "
                             "unsafe-free slices), or cover it with a reviewed variance in class C",
                         severity));
      selector = tok.is(".") && prev.kind == ScanToken::Kind::word &&
                 std::find(unsafe_names.begin(), unsafe_names.end(), prev.text) != unsafe_names.end();
      if (selector) unsafe_word = prev;
      prev = tok;
    }
  }

  static void toolchain_file(const SourceFile& file, std::any& facts) {
    const std::string_view name = file_name(file.input.path);
    if (name == "rust-toolchain.toml" || name == "rust-toolchain") {
      ToolchainFacts tc{ToolchainFacts::Kind::rust_toolchain, false, {}, 1, {}};
      bool toml = name.ends_with(".toml");
      for_each_line(file.input.bytes, [&](uint32_t number, std::string_view line) {
        std::string_view l = trim_view(line.substr(0, line.find('#')));
        if (l.empty()) return true;
        if (!toml && l.starts_with("[")) toml = true;  // a rust-toolchain file may hold TOML too
        if (!toml) {
          tc.value = std::string(l);
        } else {
          if (!l.starts_with("channel")) return true;
          l = trim_view(l.substr(7));
          if (!l.starts_with("=")) return true;
          l = trim_view(l.substr(1));
          if (l.size() >= 2 && (l.front() == '"' || l.front() == '\'')) l = l.substr(1, l.find(l.front(), 1) - 1);
          tc.value = std::string(l);
        }
        tc.line = number;
        tc.evidence = std::string(trim_view(line)).substr(0, 200);
        return false;
      });
      tc.pinned = exact_rust_version(tc.value);
      facts = std::move(tc);
    } else if (name == "go.mod") {
      ToolchainFacts tc{ToolchainFacts::Kind::go_mod, false, {}, 0, {}};
      for_each_line(file.input.bytes, [&](uint32_t number, std::string_view line) {
        std::string_view l = trim_view(line.substr(0, line.find("//")));
        if (tc.line == 0 && l.starts_with("module")) {
          tc.line = number;
          tc.evidence = std::string(l).substr(0, 200);
        }
        if (!l.starts_with("toolchain")) return true;
        l = trim_view(l.substr(9));
        // go1.22.3 (with an optional +suffix or -suffix): an exact release
        if (!l.starts_with("go")) return true;
        const std::string_view v = l.substr(2, l.find_first_of("+- ", 2) - 2);
        const size_t a = v.find('.'), b = v.find('.', a == std::string_view::npos ? a : a + 1);
        tc.pinned = a != std::string_view::npos && b != std::string_view::npos && digits(v.substr(0, a)) &&
                    digits(v.substr(a + 1, b - a - 1)) && digits(v.substr(b + 1));
        tc.line = number;
        tc.evidence = std::string(l).substr(0, 200);
        return false;
      });
      facts = std::move(tc);
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(EscapeHatches)

}  // namespace mdbc::source
