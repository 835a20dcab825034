// HARD-3: the build asks the compiler and linker for hardening. Every build file of the device
// maker (CMake and its presets, Make, Meson, Bazel, build and CI shell scripts) is read; the flags are judged over the whole tree, since one file
// may set what another uses. PIE, RELRO and a -D_FORTIFY_SOURCE apply to Linux user-space
// programs only: not to bare-metal builds, nor to a tree of kernel code, whose kbuild Makefiles
// (obj-m += driver.o) hand it to the kernel's build (its configuration decides the hardening)
// and whose other build files compile nothing themselves.
#include <algorithm>
#include <any>
#include <cctype>

#include "core/text.h"
#include "inspect/source/build_text.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

enum Flag : unsigned {
  stack_protector = 1, fortify = 2, format_security = 4, werror_format = 8, pie = 16, relro = 32, bind_now = 64,
  werror = 128,  // -Werror: every warning, -Wformat-security's too, is an error
};

struct Disabling {
  uint32_t line;
  std::string evidence, what;
};

struct BuildFacts {
  bool build_file = false;
  bool bare_metal = false;
  bool kernel_code = false;  // a kbuild Makefile: the kernel's build compiles and links it
  bool compiles = false;     // not kbuild, and builds code itself (CMake, Meson, Bazel, a compiler call)
  unsigned flags = 0;
  std::vector<Disabling> disabling;
};

bool contains(std::string_view s, std::string_view needle) { return s.find(needle) != std::string_view::npos; }

// A flag standing alone: "-pie" but not inside "-no-pie", "relro" but not inside "norelro".
bool has_flag(std::string_view s, std::string_view flag) {
  const auto boundary_before = [](char c) { return std::string_view(" \t\"',(=;[").find(c) != std::string_view::npos; };
  const auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; };
  for (size_t at = s.find(flag); at != std::string_view::npos; at = s.find(flag, at + 1)) {
    const bool before = at == 0 || boundary_before(s[at - 1]);
    const bool after = at + flag.size() == s.size() || !word(s[at + flag.size()]);
    if (before && after) return true;
  }
  return false;
}

// The flags one line requests, and what it switches off.
void judge_line(std::string_view line, BuildFacts& f, uint32_t number) {
  if (contains(line, "-fstack-protector-strong") || contains(line, "-fstack-protector-all")) f.flags |= stack_protector;
  if (contains(line, "_FORTIFY_SOURCE=2") || contains(line, "_FORTIFY_SOURCE=3")) f.flags |= fortify;
  if (contains(line, "-Werror=format-security") || contains(line, "-Werror=format")) f.flags |= format_security | werror_format;
  if (contains(line, "-Wformat-security") || contains(line, "-Wformat=2")) f.flags |= format_security;
  for (size_t at = line.find("-Werror"); at != std::string_view::npos; at = line.find("-Werror", at + 1))
    if (at + 7 == line.size() || (line[at + 7] != '=' && line[at + 7] != '-' && !std::isalnum(static_cast<unsigned char>(line[at + 7]))))
      f.flags |= werror;
  if (has_flag(line, "-fPIE") || has_flag(line, "-fpie") || has_flag(line, "-pie") ||
      contains(line, "POSITION_INDEPENDENT_CODE ON") || contains(line, "POSITION_INDEPENDENT_CODE TRUE") ||
      contains(line, "b_pie=true") || contains(line, "b_pie = true") || contains(line, "pie: true") ||
      contains(line, "pie : true"))  // Meson: the b_pie option, or executable(..., pie: true)
    f.flags |= pie;
  if (has_flag(line, "relro")) f.flags |= relro;
  if (has_flag(line, "now") || has_flag(line, "-znow")) f.flags |= bind_now;
  // Arduino.mk, Teensy.mk and chipKIT.mk are Arduino-Makefile's board builds; -mmcu= names the
  // microcontroller for avr-gcc and msp430-gcc.
  for (std::string_view marker : {"arm-none-eabi", "-mcpu=cortex-m", "-mthumb", "nano.specs", "nosys.specs",
                                  "-ffreestanding", "CMAKE_SYSTEM_NAME Generic", "riscv32-unknown-elf",
                                  "riscv64-unknown-elf", "xtensa-", "avr-gcc", "-nostdlib", "-mmcu=", "Arduino.mk",
                                  "Teensy.mk", "chipKIT.mk"})
    if (contains(line, marker)) f.bare_metal = true;
  static constexpr std::pair<std::string_view, std::string_view> disables[] = {
      {"-fno-stack-protector", "switches off the stack protector"},
      {"-U_FORTIFY_SOURCE", "switches off FORTIFY_SOURCE"},
      {"_FORTIFY_SOURCE=0", "switches off FORTIFY_SOURCE"},
      {"-Wno-format-security", "silences format-string warnings"},
      {"-Wno-format", "silences format-string warnings"},
      {"-no-pie", "builds a position-dependent executable"},
      {"-fno-pie", "builds position-dependent code"},
      {"-fno-PIE", "builds position-dependent code"},
      {"norelro", "switches off RELRO"},
      {"execstack", "makes the stack executable"},
      {"-fstack-protector", "asks only for the weak -fstack-protector (use -fstack-protector-strong)"},
      {"_FORTIFY_SOURCE=1", "asks only for FORTIFY_SOURCE=1 (use 2 or 3)"},
  };
  // "-U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2" is the idiom that replaces a toolchain's default level.
  const size_t undefine = line.find("-U_FORTIFY_SOURCE");
  const bool fortify_redefined =
      undefine != std::string_view::npos && line.find("_FORTIFY_SOURCE=", undefine) != std::string_view::npos;
  for (const auto& [flag, what] : disables) {
    if (flag == "-U_FORTIFY_SOURCE" && fortify_redefined) continue;
    const bool standalone = flag == "-fstack-protector" || flag == "norelro" || flag == "execstack";
    if (standalone ? has_flag(line, flag) : contains(line, flag)) {
      f.disabling.push_back({number, std::string(clip(trim(line), 200)), std::string(what)});
      break;
    }
  }
}

// A kbuild goal line: obj-m, obj-y or obj-$(CONFIG_…) assigned (+=, :=, =) the objects to build.
bool is_kbuild_goal(std::string_view line) {
  line = trim(line);
  if (!line.starts_with("obj-")) return false;
  line.remove_prefix(4);
  if (line.starts_with("$(CONFIG_")) {
    const size_t close = line.find(')');
    if (close == std::string_view::npos) return false;
    line.remove_prefix(close + 1);
  } else if (line.starts_with("m") || line.starts_with("y")) {
    line.remove_prefix(1);
  } else {
    return false;
  }
  line = trim(line);
  return line.starts_with("+=") || line.starts_with(":=") || line.starts_with("=");
}

// A line that runs a C or C++ compiler (or names the variable that holds one).
bool runs_compiler(std::string_view line) {
  for (std::string_view compiler : {"$(CC)", "${CC}", "$(CXX)", "${CXX}"})
    if (contains(line, compiler)) return true;
  for (std::string_view compiler : {"gcc", "g++", "clang", "clang++", "cc", "c++"})
    if (has_flag(line, compiler)) return true;
  return false;
}

bool is_cmake_presets(std::string_view path) {
  return path == "CMakePresets.json" || path == "CMakeUserPresets.json" || path.ends_with("/CMakePresets.json") ||
         path.ends_with("/CMakeUserPresets.json");
}

class BuildHardening final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"build-hardening", InputKind::source,
            {"HARD-3/missing-flag", "HARD-3/hardening-disabled", "HARD-3/no-build-files"}};
  }

  bool wants(Language l) const override {
    return l == Language::cmake || l == Language::make || l == Language::meson || l == Language::build_script ||
           l == Language::config_text || is_c_family(l);
  }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const override {
    BuildFacts f;
    if (is_c_family(file.language)) {  // only counted, so that a tree of code without a build is noticed
      facts = f;
      return;
    }
    // Of the configuration files, CMake's presets set the build's flags (cacheVariables).
    if (file.language == Language::config_text && !is_cmake_presets(file.input.path)) return;
    f.build_file = true;
    bool compiler_called = false;
    for (const auto& line : build_lines(file.input.bytes)) {
      judge_line(line.text, f, line.number);
      if (file.language == Language::make && is_kbuild_goal(line.text)) f.kernel_code = true;
      compiler_called = compiler_called || runs_compiler(line.text);
    }
    const bool builds_targets = file.language == Language::cmake || file.language == Language::meson ||
                                (file.language == Language::build_script && !file.input.path.ends_with(".sh") &&
                                 !file.input.path.ends_with(".bash"));  // Bazel
    f.compiles = !f.kernel_code && (builds_targets || compiler_called);
    for (const auto& d : f.disabling) {
      Finding finding = file.at_line(d.line, 0, "HARD-3/hardening-disabled", "this build line " + d.what, Severity::error);
      out.push_back(std::move(finding));
    }
    facts = std::move(f);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext&, TreeOutcome& out) const override {
    unsigned flags = 0;
    bool bare_metal = false, kernel_code = false, user_space = false, code = false;
    std::string_view primary;  // the shallowest build file, where missing flags are reported
    for (const auto& f : files) {
      if (!f.component.empty()) continue;
      const auto* found = std::any_cast<BuildFacts>(&f.facts);
      if (found == nullptr) continue;  // a configuration file that is no build file
      const BuildFacts& facts = *found;
      if (!facts.build_file) {
        code = true;
        continue;
      }
      flags |= facts.flags;
      bare_metal = bare_metal || facts.bare_metal;
      kernel_code = kernel_code || facts.kernel_code;
      user_space = user_space || facts.compiles;
      const auto depth = [](std::string_view p) { return std::count(p.begin(), p.end(), '/'); };
      if (primary.empty() || depth(f.path) < depth(primary) || (depth(f.path) == depth(primary) && f.path < primary))
        primary = f.path;
    }
    if (primary.empty()) {
      if (code) out.findings.push_back(missing(".", "HARD-3/no-build-files",
                                               "no build file (CMake, Make, Meson, Bazel, build script) found: the hardening flags the "
                                               "build requests cannot be checked", Severity::note));
      return;
    }
    const auto require = [&](unsigned flag, const char* what) {
      if (!(flags & flag)) out.findings.push_back(missing(primary, "HARD-3/missing-flag", what, Severity::error));
    };
    require(stack_protector, "no build file asks for -fstack-protector-strong (or -all)");
    if ((flags & werror) && (flags & format_security)) flags |= werror_format;
    require(werror_format, "no build file asks for -Wformat -Werror=format-security");
    if (!bare_metal && !(kernel_code && !user_space)) {
      require(fortify, "no build file defines _FORTIFY_SOURCE=2 (or 3) for optimised builds");
      require(pie, "no build file asks for position-independent executables (-fPIE -pie, or "
                   "CMAKE_POSITION_INDEPENDENT_CODE ON)");
      require(relro, "no build file asks for RELRO (-Wl,-z,relro)");
      require(bind_now, "no build file asks for full RELRO's immediate binding (-Wl,-z,now)");
    }
  }

 private:
  static Finding missing(std::string_view path, const char* rule, std::string message, Severity severity) {
    Finding f;
    f.rule = rule;
    f.path = std::string(path);
    f.message = std::move(message);
    f.severity = severity;
    return f;
  }
};

}  // namespace

MDBC_SOURCE_RULE(BuildHardening)

}  // namespace mdbc::source
