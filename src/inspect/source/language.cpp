#include "inspect/source/language.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace mdbc::source {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

constexpr std::array<std::pair<std::string_view, Language>, 66> by_extension{{
    {"c", Language::c},          {"h", Language::c_header},   {"cc", Language::cpp},
    {"cpp", Language::cpp},      {"cxx", Language::cpp},      {"c++", Language::cpp},
    {"hpp", Language::cpp},      {"hh", Language::cpp},       {"hxx", Language::cpp},
    {"h++", Language::cpp},      {"ipp", Language::cpp},      {"inl", Language::cpp},
    {"s", Language::assembly},   {"asm", Language::assembly}, {"rs", Language::rust},
    {"adb", Language::ada},      {"ads", Language::ada},      {"java", Language::java},
    {"cs", Language::csharp},    {"go", Language::go},        {"py", Language::python},
    {"zig", Language::zig},      {"swift", Language::swift},  {"kt", Language::kotlin},
    {"cmake", Language::cmake},  {"mk", Language::make},      {"mak", Language::make},
    {"pem", Language::key_material}, {"key", Language::key_material}, {"der", Language::key_material},
    {"p8", Language::key_material},  {"p12", Language::key_material}, {"pfx", Language::key_material},
    {"crt", Language::key_material}, {"cer", Language::key_material}, {"pub", Language::key_material},
    {"toml", Language::config_text}, {"yaml", Language::config_text}, {"yml", Language::config_text},
    {"json", Language::config_text}, {"ini", Language::config_text},  {"conf", Language::config_text},
    {"cfg", Language::config_text},  {"defconfig", Language::kconfig},
    {"cppcheck", Language::analysis_config}, {"lnt", Language::analysis_config}, {"psprj", Language::analysis_config},
    {"pvsconfig", Language::analysis_config},
    // C++20 module interfaces, template implementation files, CUDA (a C++ dialect)
    {"cppm", Language::cpp}, {"ixx", Language::cpp}, {"mpp", Language::cpp}, {"tpp", Language::cpp},
    {"tcc", Language::cpp}, {"txx", Language::cpp}, {"cu", Language::cpp}, {"cuh", Language::cpp},
    {"sx", Language::assembly}, {"mm", Language::objective_cpp}, {"pyw", Language::python}, {"pyi", Language::python},
    {"kts", Language::kotlin}, {"ada", Language::ada}, {"sh", Language::build_script}, {"bash", Language::build_script},
    {"bzl", Language::build_script},
    // Arduino sketches: C++ that the Arduino builder compiles after adding prototypes and an include
    {"ino", Language::cpp},
}};

// A compressed copy (Debian's /usr/share/doc/*/examples/Makefile.gz) is no text to read.
bool compressed(std::string_view name) {
  for (const std::string_view suffix : {".gz", ".bz2", ".xz", ".zst", ".lz", ".Z", ".zip"})
    if (name.ends_with(suffix)) return true;
  return false;
}

}  // namespace

Language classify(std::string_view path) {
  const size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "CMakeLists.txt") return Language::cmake;
  // Kbuild: the kernel build's own name for a kbuild Makefile, read before a Makefile beside it.
  if (name == "Makefile" || name == "makefile" || name == "GNUmakefile" || name == "Kbuild" ||
      (name.starts_with("Makefile.") && !compressed(name)))  // Makefile.am, .in, .inc; not Makefile.gz
    return Language::make;
  if (name == "meson.build" || name == "meson_options.txt") return Language::meson;
  if (name == ".clang-tidy" || name == ".pvsconfig" || name == "sonar-project.properties") return Language::analysis_config;
  if (name == "BUILD" || name == "BUILD.bazel" || name == "WORKSPACE" || name == "WORKSPACE.bazel" || name == ".bazelrc")
    return Language::build_script;
  if (name == "rust-toolchain" || name == "go.mod") return Language::config_text;
  if (name.starts_with("Kconfig") || name == ".config" || name == "prj.conf" || name.ends_with("_defconfig") ||
      name == "sdkconfig" || name.starts_with("sdkconfig."))  // ESP-IDF's Kconfig fragments
    return Language::kconfig;
  if (name.starts_with("id_rsa") || name.starts_with("id_ecdsa") || name.starts_with("id_ed25519") || name.starts_with("id_dsa"))
    return name.ends_with(".pub") ? Language::none : Language::key_material;
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return Language::none;
  const std::string_view ext = name.substr(dot + 1);
  if (ext == "S") return Language::assembly;  // preprocessed assembly; ".s" lower-cases below
  if (ext == "C" || ext == "H") return Language::cpp;
  const std::string ext_lower = lower(ext);
  for (const auto& [e, lang] : by_extension)
    if (e == ext_lower) return lang;
  return Language::none;
}

std::string_view to_string(Language l) {
  switch (l) {
    case Language::none: return "none";
    case Language::c: return "C";
    case Language::cpp: return "C++";
    case Language::c_header: return "C/C++ header";
    case Language::assembly: return "assembly";
    case Language::rust: return "Rust";
    case Language::ada: return "Ada";
    case Language::java: return "Java";
    case Language::csharp: return "C#";
    case Language::go: return "Go";
    case Language::python: return "Python";
    case Language::zig: return "Zig";
    case Language::swift: return "Swift";
    case Language::kotlin: return "Kotlin";
    case Language::objective_cpp: return "Objective-C++";
    case Language::cmake: return "CMake";
    case Language::make: return "Make";
    case Language::meson: return "Meson";
    case Language::build_script: return "build script";
    case Language::kconfig: return "Kconfig";
    case Language::key_material: return "key material";
    case Language::config_text: return "configuration";
    case Language::analysis_config: return "static-analysis configuration";
  }
  return "none";
}

bool is_c_family(Language l) { return l == Language::c || l == Language::cpp || l == Language::c_header; }

bool is_memory_safe(Language l) {
  switch (l) {
    case Language::rust: case Language::ada: case Language::java: case Language::csharp:
    case Language::go: case Language::python: case Language::swift: case Language::kotlin:
      return true;
    default:
      return false;
  }
}

bool is_program_source(Language l) {
  return is_c_family(l) || l == Language::assembly || is_memory_safe(l) || l == Language::zig ||
         l == Language::objective_cpp;
}

}  // namespace mdbc::source
