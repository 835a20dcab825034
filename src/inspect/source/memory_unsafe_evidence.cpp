// LANG-2: every C, C++ or assembly module comes with dynamic testing evidence (a fuzz target that
// reaches it, or a sanitizer build configuration) and a static-analysis configuration.
//
// A module is a top-level directory of the tree holding at least one C, C++ or assembly file that
// is not a header (or the tree root, for such files there), or a third-party component as a
// whole. Directories of tests and fuzzers (test, tests, fuzz, …) are not modules: their code is
// evidence, not device software.
//
// Evidence applies where it lies: in a module's directory, to that module; in a component, to
// that component; anywhere else (the root, cmake/, .github/, tools/ …), to the whole tree. A fuzz
// target also reaches every module whose files it #includes (quoted or angled). Build files,
// CI set-ups and build scripts (shell, Bazel) are read for sanitizer flags and analysis tools.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>

#include "inspect/source/call_site.h"

namespace mdbc::source {
namespace {

struct Evidence {
  bool unsafe_code = false;  // C, C++ or assembly
  bool header = false;
  bool fuzz_harness = false;
  bool sanitizer = false;
  bool static_analysis = false;
  std::vector<std::string> includes;  // quoted #includes, for fuzz harnesses only
};

constexpr std::array<std::string_view, 9> harness_markers{
    "__AFL_LOOP",        "__AFL_FUZZ_TESTCASE_BUF", "__AFL_FUZZ_INIT",          "__AFL_INIT", "HF_ITER",
    "DEFINE_PROTO_FUZZER", "DEFINE_TEXT_PROTO_FUZZER", "DEFINE_BINARY_PROTO_FUZZER", "FUZZ_TEST",
};

// Tools named in build and CI files that run static analysis (compared in lower case).
constexpr std::array<std::string_view, 16> analysis_words{
    "clang-tidy", "clang_tidy", "cppcheck",  "codechecker", "codeql",     "scan-build", "polyspace", "cov-build",
    "cov-analyze", "pc-lint",   "pclp",      "-fanalyzer",  "frama-c",    "pvs-studio", "--analyze", "sonar-scanner",
};

constexpr std::array<std::string_view, 9> test_directories{"test",  "tests",   "testing", "unittest", "unittests",
                                                           "fuzz", "fuzzing", "fuzzers", "fuzztest"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

std::string_view file_name(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The top-level directory of a path, or "" for a file at the root.
std::string_view top_directory(std::string_view path) {
  const size_t slash = path.find('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

// The longest directory both are in ("a/b" and "a/bc/d" → "a").
std::string common_directory(std::string_view a, std::string_view b) {
  size_t common = 0;  // length of the common leading whole components
  for (size_t n = 0;; ++n) {
    const bool a_end = n == a.size() || a[n] == '/', b_end = n == b.size() || b[n] == '/';
    if (a_end && b_end) common = n;
    if (n == a.size() || n == b.size() || a[n] != b[n]) break;
  }
  return std::string(a.substr(0, common));
}

// The name in `#include <pump/pump.h>`, tokens[open] being the '<': the bytes up to the '>' of the
// same directive line ("" without one). A harness names its library's headers this way as often
// as with quotes, the library's directory being on its include path.
std::string angled_include(std::span<const Token> tokens, size_t open) {
  for (size_t k = open + 1; k < tokens.size() && tokens[k].directive && !tokens[k].line_start; ++k)
    if (tokens[k].is(">"))
      return k == open + 1 ? std::string()
                           : std::string(tokens[open + 1].text.data(),
                                         static_cast<size_t>(tokens[k].text.data() - tokens[open + 1].text.data()));
  return {};
}

void scan_build_text(std::string_view text, bool hash_comments, Evidence& e) {
  size_t begin = 0;
  while (begin < text.size() && !(e.sanitizer && e.static_analysis)) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    if (hash_comments) line = line.substr(0, line.find('#'));
    if (line.empty()) continue;
    const std::string l = lower(line);
    if (l.find("-fsanitize=") != std::string::npos) e.sanitizer = true;
    if (l.find("b_sanitize") != std::string::npos &&
        (l.find("address") != std::string::npos || l.find("undefined") != std::string::npos ||
         l.find("memory") != std::string::npos || l.find("thread") != std::string::npos))
      e.sanitizer = true;
    // Kconfig: CONFIG_KASAN=y, CONFIG_UBSAN=y, CONFIG_ASAN=y (Zephyr), CONFIG_KCSAN=y …
    if (l.starts_with("config_") && l.find("san=y") != std::string::npos) e.sanitizer = true;
    for (auto w : analysis_words)
      if (l.find(w) != std::string::npos) e.static_analysis = true;
  }
}

class MemoryUnsafeEvidence final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"memory-unsafe-evidence", InputKind::source, {"LANG-2/no-dynamic-testing", "LANG-2/no-static-analysis"}};
  }

  bool wants(Language l) const override {
    return is_c_family(l) || l == Language::assembly || l == Language::cmake || l == Language::make ||
           l == Language::meson || l == Language::kconfig || l == Language::config_text || l == Language::analysis_config ||
           l == Language::build_script;
  }

  void check(const SourceFile& file, std::vector<Finding>&, std::any& facts) const override {
    Evidence e;
    const std::string_view name = file_name(file.input.path);
    const std::string lname = lower(name);
    switch (file.language) {
      case Language::c: case Language::cpp: case Language::c_header: {
        e.unsafe_code = true;
        e.header = is_header(file.input.path);
        const auto t = file.tokens;
        for (const auto& f : file.syntax.functions()) e.fuzz_harness = e.fuzz_harness || t[f.name].is("LLVMFuzzerTestOneInput");
        const bool names_a_marker = std::any_of(harness_markers.begin(), harness_markers.end(),
                                                [&](std::string_view m) { return file.names.contains(m); });
        for (size_t i = 0; names_a_marker && i < t.size() && !e.fuzz_harness; ++i)
          if (t[i].kind == TokenKind::identifier && !t[i].directive && !file.syntax.dead(i) &&
              std::find(harness_markers.begin(), harness_markers.end(), t[i].text) != harness_markers.end())
            e.fuzz_harness = true;
        if (e.fuzz_harness)
          for (size_t i = 0; i + 2 < t.size(); ++i) {
            if (!t[i].directive || !t[i].line_start || !t[i + 1].is_ident("include")) continue;
            if (t[i + 2].kind == TokenKind::string) e.includes.emplace_back(string_body(t[i + 2]));
            else if (t[i + 2].is("<")) e.includes.emplace_back(angled_include(t, i + 2));
          }
        break;
      }
      case Language::assembly:
        e.unsafe_code = true;
        break;
      case Language::analysis_config:
        e.static_analysis = true;
        break;
      case Language::config_text:
        if (lname.find("codechecker") != std::string::npos || lname.find("coverity") != std::string::npos ||
            lname.find("misra") != std::string::npos || lname.find("codeql") != std::string::npos ||
            lname.find("clang-tidy") != std::string::npos || lname.find("cppcheck") != std::string::npos)
          e.static_analysis = true;
        scan_build_text(file.input.bytes, !lname.ends_with(".json"), e);
        break;
      default:
        scan_build_text(file.input.bytes, true, e);
        break;
    }
    facts = std::move(e);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const override {
    struct Module {
      std::string path;  // shown: the directory, "." for the root
      std::string component;
      size_t files = 0;
      bool has_source = false;  // a file that is not a header
      bool dynamic = false, analysis = false;
    };
    std::map<std::string, Module> modules;  // by key: directory or "component:" + name
    const auto module_key = [](const SourceFileFacts& f) -> std::string {
      if (!f.component.empty()) return "component:" + std::string(f.component);
      const std::string_view top = top_directory(f.path);
      if (top.empty()) return ".";
      const std::string ltop = lower(top);
      if (std::find(test_directories.begin(), test_directories.end(), ltop) != test_directories.end()) return {};
      return std::string(top);
    };
    for (const auto& f : files) {
      const auto* e = std::any_cast<Evidence>(&f.facts);
      if (e == nullptr || !e->unsafe_code) continue;
      const std::string key = module_key(f);
      if (key.empty()) continue;
      Module& m = modules[key];
      const std::string_view dir = f.path.substr(0, f.path.rfind('/') == std::string_view::npos ? 0 : f.path.rfind('/'));
      if (m.files == 0) {
        m.component = std::string(f.component);
        m.path = f.component.empty() ? key : std::string(dir);
      } else if (!f.component.empty()) {
        m.path = common_directory(m.path, dir);
      }
      ++m.files;
      m.has_source = m.has_source || !e->header;
    }
    if (modules.empty()) return;

    // Files by name, to find the module a fuzz target's #include reaches.
    std::multimap<std::string_view, const SourceFileFacts*> by_name;
    for (const auto& f : files) {
      const auto* e = std::any_cast<Evidence>(&f.facts);
      if (e != nullptr && e->unsafe_code) by_name.emplace(file_name(f.path), &f);
    }
    const auto apply = [&](const SourceFileFacts& where, bool dynamic, bool analysis) {
      const auto mark = [&](Module& m) {
        m.dynamic = m.dynamic || dynamic;
        m.analysis = m.analysis || analysis;
      };
      const std::string key = module_key(where);
      const bool global = where.component.empty() && (top_directory(where.path).empty() || !modules.contains(key));
      if (global) {
        for (auto& [k, m] : modules) mark(m);
      } else if (const auto it = modules.find(key); it != modules.end()) {
        mark(it->second);
      }
    };
    for (const auto& f : files) {
      const auto* e = std::any_cast<Evidence>(&f.facts);
      if (e == nullptr) continue;
      if (e->sanitizer || e->static_analysis) apply(f, e->sanitizer, e->static_analysis);
      if (!e->fuzz_harness) continue;
      if (const auto it = modules.find(module_key(f)); it != modules.end()) it->second.dynamic = true;
      for (std::string_view inc : e->includes) {
        while (inc.starts_with("./") || inc.starts_with("../")) inc.remove_prefix(inc.find('/') + 1);
        if (inc.empty()) continue;
        const auto [lo, hi] = by_name.equal_range(file_name(inc));
        for (auto it = lo; it != hi; ++it) {
          const std::string_view p = it->second->path;
          if (!(p == inc || (p.size() > inc.size() && p.ends_with(inc) && p[p.size() - inc.size() - 1] == '/'))) continue;
          if (const auto m = modules.find(module_key(*it->second)); m != modules.end()) m->second.dynamic = true;
        }
      }
    }

    const Severity severity = element_severity(ctx, "LANG-2");
    for (const auto& [key, m] : modules) {
      if (!m.has_source) continue;
      const std::string what = (m.component.empty() ? "module " : "component " + m.component + " at ") +
                               (m.path.empty() ? std::string(".") : m.path) + " (" + std::to_string(m.files) +
                               " C/C++/assembly files)";
      // (An init-capture: clang before 16 cannot capture a structured binding.)
      const auto add = [&, &m = m](const char* rule, std::string message) {
        Finding f;
        f.rule = rule;
        f.path = m.path.empty() ? "." : m.path;
        f.message = std::move(message);
        f.evidence = what;
        f.severity = severity;
        f.component = m.component;
        out.findings.push_back(std::move(f));
      };
      if (!m.dynamic)
        add("LANG-2/no-dynamic-testing",
            what + " has no fuzz target reaching it and no sanitizer build configuration: add a libFuzzer harness (a "
                   "file defining LLVMFuzzerTestOneInput that includes the module's headers) or a build configuration "
                   "that compiles it with -fsanitize=address,undefined, and keep it in the tree");
      if (!m.analysis)
        add("LANG-2/no-static-analysis",
            what + " has no static-analysis configuration: add a .clang-tidy, a cppcheck project or a CodeChecker, "
                   "CodeQL or Coverity set-up at the tree root or in the module");
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(MemoryUnsafeEvidence)

}  // namespace mdbc::source
