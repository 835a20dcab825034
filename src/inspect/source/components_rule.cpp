// SBOM-1 on source: versions of third-party components from their version macros
// (MBEDTLS_VERSION_STRING, OPENSSL_VERSION_TEXT, LIBWOLFSSL_VERSION_STRING, tskKERNEL_VERSION_NUMBER,
// LWIP_VERSION_MAJOR/MINOR/REVISION, ...) wherever they are defined, and the recognition of
// vendored trees by their layout (called by the walker through the source inspector). Whether a
// recognised component has a version is judged after all stages, in inspect/sbom/component_review.
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <regex>

#include "core/error.h"
#include "core/file_io.h"
#include "inspect/crypto_tables/value_matcher.h"
#include "inspect/sbom/component_names.h"
#include "inspect/source/components.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

// Macros whose string value is the version.
struct StringMacro {
  std::string_view macro, component;
};
constexpr StringMacro string_macros[] = {
    {"MBEDTLS_VERSION_STRING", "mbedtls"},     {"OPENSSL_VERSION_STR", "openssl"},
    {"LIBWOLFSSL_VERSION_STRING", "wolfssl"},  {"tskKERNEL_VERSION_NUMBER", "freertos"},
    {"ZLIB_VERSION", "zlib"},                  {"LIBCURL_VERSION", "curl"},
    {"SODIUM_VERSION_STRING", "libsodium"},    {"GCRYPT_VERSION", "libgcrypt"},
    {"KERNEL_VERSION_STRING", "zephyr"},
};

// Macros holding one number of a dotted version each, in order.
struct NumberMacros {
  std::string_view component;
  std::array<std::string_view, 3> parts;  // empty: the version has fewer parts
};
constexpr NumberMacros number_macros[] = {
    {"lwip", {"LWIP_VERSION_MAJOR", "LWIP_VERSION_MINOR", "LWIP_VERSION_REVISION"}},
    {"freertos", {"tskKERNEL_VERSION_MAJOR", "tskKERNEL_VERSION_MINOR", "tskKERNEL_VERSION_BUILD"}},
    {"nettle", {"NETTLE_VERSION_MAJOR", "NETTLE_VERSION_MINOR", ""}},
    {"cmsis", {"__CM_CMSIS_VERSION_MAIN", "__CM_CMSIS_VERSION_SUB", ""}},
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// STM32Cube HAL drivers: the tree STM32F4xx_HAL_Driver and the macros __STM32F4xx_HAL_VERSION_MAIN/
// SUB1/SUB2 (or __STM32L4_HAL_VERSION_...) name the same component.
std::string stm32_hal_name(std::string_view series) { return "stm32" + lower(series) + "xx-hal-driver"; }

std::string first_string(std::span<const Token> body) {
  for (const auto& t : body)
    if (t.kind == TokenKind::string) return std::string(string_body(t));
  return {};
}

bool first_number(std::span<const Token> body, uint64_t& value) {
  for (const auto& t : body)
    if (t.kind == TokenKind::number) return crypto_tables::parse_integer(t.text, true, value);
  return false;
}

// Whether the file names a version macro at all: one of the macros above, OPENSSL_VERSION_TEXT, or
// one of STM32Cube's or CMSIS's (version_macros). Most files of a tree do not, and their #defines
// are then not looked at.
bool names_version_macro(const FileNames& names) {
  for (const auto& m : string_macros)
    if (names.contains(m.macro)) return true;
  for (const auto& m : number_macros)
    for (const std::string_view part : m.parts)
      if (!part.empty() && names.contains(part)) return true;
  return names.contains("OPENSSL_VERSION_TEXT") ||
         std::any_of(names.all().begin(), names.all().end(),
                     [](std::string_view n) { return n.starts_with("__STM32") || n.starts_with("__CM"); });
}

std::vector<VersionMacro> version_macros(std::span<const Token> t) {
  std::vector<VersionMacro> out;
  // component -> part index -> (value, line)
  std::map<std::string, std::map<int, std::pair<uint64_t, uint32_t>>> numbers;
  std::map<std::string, std::string> number_macro_names;
  static const std::regex stm32_macro(R"(__STM32([A-Za-z0-9]+?)(?:xx)?_HAL_VERSION_(MAIN|SUB1|SUB2))");
  static const std::regex cmsis_macro(R"(__CM[0-9A-Z]*_CMSIS_VERSION_(MAIN|SUB))");
  static const std::regex openssl_text(R"(^OpenSSL (\d+\.\d+\.\d+[a-z]*)\b.*)");
  static const std::regex libressl_text(R"(^LibreSSL (\d+\.\d+\.\d+)\b.*)");
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (!(t[i].directive && t[i].is("#") && t[i + 1].is_ident("define") && t[i + 2].kind == TokenKind::identifier)) continue;
    const std::string_view name = t[i + 2].text;
    size_t end = i + 3;
    while (end < t.size() && t[end].directive && !t[end].line_start) ++end;
    const auto body = t.subspan(i + 3, end - (i + 3));
    const uint32_t line = t[i + 2].line;
    for (const auto& m : string_macros)
      if (name == m.macro) {
        std::string v = first_string(body);
        if (m.component == "freertos" && !v.empty() && (v[0] == 'V' || v[0] == 'v')) v.erase(0, 1);
        if (sbom::plausible_version(v)) out.push_back({std::string(m.component), v, std::string(name), line});
      }
    if (name == "OPENSSL_VERSION_TEXT") {
      const std::string text = first_string(body);
      std::smatch match;
      if (std::regex_match(text, match, openssl_text)) out.push_back({"openssl", match[1], std::string(name), line});
      else if (std::regex_match(text, match, libressl_text)) out.push_back({"libressl", match[1], std::string(name), line});
    }
    uint64_t value = 0;
    if (!first_number(body, value) || value > 100000) continue;
    for (const auto& m : number_macros)
      for (int p = 0; p < 3; ++p)
        if (!m.parts[static_cast<size_t>(p)].empty() && name == m.parts[static_cast<size_t>(p)]) {
          numbers[std::string(m.component)][p] = {value, line};
          number_macro_names[std::string(m.component)] = std::string(m.parts[0].substr(0, m.parts[0].rfind('_'))) + "_*";
        }
    // Cheap before the patterns: most #defines of a tree are neither.
    if (!name.starts_with("__STM32") && !name.starts_with("__CM")) continue;
    const std::string name_text(name);
    std::smatch match;
    if (std::regex_match(name_text, match, stm32_macro)) {
      const std::string component = stm32_hal_name(match[1].str());
      const int part = match[2] == "MAIN" ? 0 : match[2] == "SUB1" ? 1 : 2;
      numbers[component][part] = {value, line};
      number_macro_names[component] = "__STM32" + match[1].str() + "_HAL_VERSION_*";
    } else if (std::regex_match(name_text, match, cmsis_macro) && name_text != "__CM_CMSIS_VERSION_MAIN" &&
               name_text != "__CM_CMSIS_VERSION_SUB") {
      numbers["cmsis"][match[1] == "MAIN" ? 0 : 1] = {value, line};
      number_macro_names["cmsis"] = name_text.substr(0, name_text.rfind('_')) + "_*";
    }
  }
  for (const auto& [component, parts] : numbers) {
    // Complete only: as many leading parts as the component's versions have.
    size_t wanted = component.find("hal-driver") != std::string::npos ? 3 : 0;
    for (const auto& m : number_macros)
      if (m.component == component) wanted = m.parts[2].empty() ? 2 : 3;
    if (parts.size() != wanted) continue;
    std::string version;
    for (const auto& [index, value] : parts) version += (version.empty() ? "" : ".") + std::to_string(value.first);
    // (An init-capture: clang before 16 cannot capture a structured binding.)
    const bool have_string =
        std::any_of(out.begin(), out.end(), [&name = component](const VersionMacro& v) { return v.component == name; });
    if (!have_string) out.push_back({component, version, number_macro_names[component], parts.begin()->second.second});
  }
  return out;
}

class ComponentsRule final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"components", InputKind::source, {"SBOM-1/component-without-version"}};
  }

  void check(const SourceFile& file, std::vector<Finding>&, std::any& facts) const override {
    if (!names_version_macro(file.names)) return;
    auto found = version_macros(file.tokens);
    if (!found.empty()) facts = std::move(found);
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const override {
    for (const auto& f : files) {
      if (!f.facts.has_value()) continue;
      // A component the device maker declared in mdbc.toml carries its own name and version.
      const bool declared = std::any_of(ctx.config.components.begin(), ctx.config.components.end(),
                                        [&](const Component& c) { return c.name == f.component; });
      if (declared) continue;
      for (const auto& v : std::any_cast<const std::vector<VersionMacro>&>(f.facts)) {
        Component c;
        c.name = v.component;
        c.version = v.version;
        c.path = std::string(f.path);
        c.evidence = v.macro + " at " + std::string(f.path) + ":" + std::to_string(v.line);
        c.purl = sbom::generic_purl(c.name, c.version);
        out.components.push_back(std::move(c));
      }
    }
  }
};

MDBC_SOURCE_RULE(ComponentsRule)

// --- Vendored trees ---

std::string join(std::string_view dir, std::string_view rel) {
  std::string s(dir);
  if (!s.empty() && s.back() != '/') s.push_back('/');
  return s + std::string(rel);
}

bool exists(std::string_view dir, std::string_view rel) {
  struct stat st {};
  return ::lstat(join(dir, rel).c_str(), &st) == 0 && (S_ISDIR(st.st_mode) || S_ISREG(st.st_mode));
}

// A small version file at a tree's root (a regular file, not followed through links, bounded).
std::string read_small(std::string_view dir, std::string_view rel) {
  try {
    return read_file(join(dir, rel), 64 * 1024, false);
  } catch (const InputError&) {
    return {};
  }
}

std::string key_value(const std::string& text, const std::string& key) {
  const std::regex re("(^|\\n)[ \\t]*" + key + "[ \\t]*=[ \\t]*([0-9]+)");
  std::smatch m;
  return std::regex_search(text, m, re) ? m[2].str() : std::string();
}

// OpenSSL 3 keeps its version in VERSION.dat (MAJOR=3, MINOR=0, PATCH=11).
std::string openssl_version_dat(std::string_view dir) {
  const std::string text = read_small(dir, "VERSION.dat");
  const std::string major = key_value(text, "MAJOR"), minor = key_value(text, "MINOR"), patch = key_value(text, "PATCH");
  return major.empty() || minor.empty() || patch.empty() ? std::string() : major + "." + minor + "." + patch;
}

// Zephyr keeps it in VERSION (VERSION_MAJOR = 3, VERSION_MINOR = 5, PATCHLEVEL = 0).
std::string zephyr_version(std::string_view dir) {
  const std::string text = read_small(dir, "VERSION");
  const std::string major = key_value(text, "VERSION_MAJOR"), minor = key_value(text, "VERSION_MINOR"),
                    patch = key_value(text, "PATCHLEVEL");
  return major.empty() || minor.empty() || patch.empty() ? std::string() : major + "." + minor + "." + patch;
}

// libsodium's configure.ac: AC_INIT([libsodium],[1.0.18], ...).
std::string libsodium_version(std::string_view dir) {
  const std::string text = read_small(dir, "configure.ac");
  static const std::regex re(R"(AC_INIT\(\[libsodium\],\s*\[([0-9][0-9A-Za-z.]*)\])");
  std::smatch m;
  return std::regex_search(text, m, re) ? m[1].str() : std::string();
}

Component tree(std::string name, std::string version, std::string evidence) {
  Component c;
  c.name = std::move(name);
  c.version = sbom::plausible_version(version) ? std::move(version) : std::string();
  c.evidence = std::move(evidence);
  c.purl = sbom::generic_purl(c.name, c.version);
  return c;
}

}  // namespace

std::optional<Component> recognise_vendored_tree(std::string_view dir_path, std::span<const std::string> names) {
  auto has = [&](std::string_view n) { return std::binary_search(names.begin(), names.end(), n, std::less<>()); };
  const size_t slash = dir_path.find_last_of('/', dir_path.size() > 1 ? dir_path.size() - 2 : 0);
  std::string_view base = slash == std::string_view::npos ? dir_path : dir_path.substr(slash + 1);
  if (base.ends_with("/")) base.remove_suffix(1);

  if (has("include") && has("library") && exists(dir_path, "include/mbedtls"))
    return tree("mbedtls", "", "layout: include/mbedtls/ and library/");
  if (has("crypto") && has("ssl") && has("include")) {
    if (exists(dir_path, "include/openssl/base.h")) return tree("boringssl", "", "layout: crypto/, ssl/, include/openssl/base.h");
    if (exists(dir_path, "include/openssl"))
      return tree("openssl", openssl_version_dat(dir_path), "layout: crypto/, ssl/, include/openssl/");
  }
  if (has("wolfcrypt") && has("wolfssl")) return tree("wolfssl", "", "layout: wolfcrypt/ and wolfssl/");
  if (has("src") && exists(dir_path, "src/libsodium/include/sodium.h"))
    return tree("libsodium", libsodium_version(dir_path), "layout: src/libsodium/include/sodium.h");
  if (has("lib") && exists(dir_path, "lib/include/tinycrypt")) return tree("tinycrypt", "", "layout: lib/include/tinycrypt/");
  if ((has("src") && exists(dir_path, "src/include/lwip/init.h")) ||
      (has("core") && has("netif") && has("include") && exists(dir_path, "include/lwip/init.h")))
    return tree("lwip", "", "layout: include/lwip/init.h, core/, netif/");
  if (has("tasks.c") && has("queue.c") && has("list.c")) return tree("freertos", "", "layout: tasks.c, queue.c, list.c");
  if (has("kernel") && has("arch") && has("VERSION") && (has("west.yml") || has("zephyr-env.sh")))
    return tree("zephyr", zephyr_version(dir_path), "layout: kernel/, arch/, VERSION, west.yml");
  static const std::regex stm32_dir(R"(STM32([A-Za-z0-9]+?)(?:xx)?_HAL_Driver)", std::regex::icase);
  std::cmatch m;
  if (std::regex_match(base.begin(), base.end(), m, stm32_dir))
    return tree(stm32_hal_name(m[1].str()), "", "directory " + std::string(base));
  if (base == "CMSIS" || has("cmsis_gcc.h") || has("cmsis_compiler.h")) return tree("cmsis", "", "layout: CMSIS headers");
  if (base == "drivers" && has("fsl_common.h")) return tree("nxp-mcuxpresso-sdk-drivers", "", "layout: drivers/fsl_common.h");
  if (has("zlib.h") && has("deflate.c") && has("inflate.c")) return tree("zlib", "", "layout: zlib.h, deflate.c, inflate.c");
  if (has("lib") && has("include") && exists(dir_path, "include/curl/curlver.h"))
    return tree("curl", "", "layout: include/curl/curlver.h, lib/");
  return std::nullopt;
}

}  // namespace mdbc::source
