#pragma once
#include <string_view>

namespace mdbc::source {

// What a file in a source tree is, from its name (extension or well-known file name).
enum class Language {
  none,  // not a file the source stage reads
  c, cpp, c_header,  // c_header: ".h", which may be C or C++
  assembly, rust, ada, java, csharp, go, python, zig, swift, kotlin,
  objective_cpp,                // .mm: C++ with Objective-C, memory-unsafe (.m is left out: MATLAB uses it too)
  cmake, make, meson, kconfig,  // build and configuration files
  build_script,                 // shell scripts and Bazel files: read for sanitizer and analysis set-ups
  key_material,                 // .pem, .key, .der, .p8, .p12, .crt … (for secrets rules)
  config_text,                  // toml, yaml, json, ini, conf, cfg, prj.conf, go.mod, rust-toolchain
  analysis_config,              // static-analysis set-up: .clang-tidy, *.cppcheck, *.lnt (PC-lint), *.psprj (Polyspace),
                                // .pvsconfig (PVS-Studio), sonar-project.properties
};

Language classify(std::string_view path);
std::string_view to_string(Language l);
bool is_c_family(Language l);        // lexed with the C/C++ lexer
bool is_memory_safe(Language l);     // for LANG-1's share
bool is_program_source(Language l);  // counts in the language inventory

}  // namespace mdbc::source
