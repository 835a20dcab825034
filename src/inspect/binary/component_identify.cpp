#include "inspect/binary/component_identify.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <mutex>
#include <regex>
#include <set>

#include "core/inspector.h"
#include "core/text.h"
#include "inspect/binary/elf_file.h"
#include "inspect/sbom/component_names.h"

namespace mdbc::binary {
namespace {

// A version string: the needle that finds it, the component it names, and a pattern matched from
// the needle on whose first group is the version (none: the string names the component only).
struct VersionString {
  std::string_view needle, component, pattern;
};

// The patterns demand the surrounding words the real strings have, so that prose mentioning a
// product ("requires OpenSSL 1.1 or later") is not taken for it.
constexpr VersionString version_strings[] = {
    {"OpenSSL ", "openssl", R"(OpenSSL (\d+\.\d+\.\d+[a-z]{0,2})(?:-[A-Za-z0-9.]+)? +\d{1,2} [A-Z][a-z]{2} \d{4})"},
    {"(compatible; BoringSSL)", "boringssl", ""},
    {"LibreSSL ", "libressl", R"(LibreSSL (\d+\.\d+\.\d+))"},
    {"mbed TLS ", "mbedtls", R"(mbed TLS (\d+\.\d+\.\d+))"},
    {"Mbed TLS ", "mbedtls", R"(Mbed TLS (\d+\.\d+\.\d+))"},
    {"This is Libgcrypt ", "libgcrypt", R"(This is Libgcrypt (\d+\.\d+\.\d+))"},
    {"deflate ", "zlib", R"(deflate (\d+\.\d+\.\d+(?:\.\d+)?) Copyright )"},
    {"inflate ", "zlib", R"(inflate (\d+\.\d+\.\d+(?:\.\d+)?) Copyright )"},
    {"BusyBox v", "busybox", R"(BusyBox v(\d+\.\d+\.\d+))"},
    {"dropbear_", "dropbear", R"(dropbear_(\d{4}\.\d+))"},
    {"OpenSSH_", "openssh", R"(OpenSSH_(\d+\.\d+(?:p\d+)?)(?: |$))"},
    {"lwIP/", "lwip", R"(lwIP/(\d+\.\d+\.\d+))"},
    {"FreeRTOS Kernel V", "freertos", R"(FreeRTOS Kernel V(\d+\.\d+\.\d+))"},
    {"Booting Zephyr OS build ", "zephyr", R"(Booting Zephyr OS build (?:zephyr-)?v?(\d+\.\d+\.\d+))"},
    {"U-Boot ", "u-boot", R"(U-Boot (?:SPL |TPL )?(\d{4}\.\d{2}(?:\.\d+)?(?:-rc\d+)?) \()"},
    {"Linux version ", "linux", R"(Linux version (\d+\.\d+(?:\.\d+)?(?:[-+][A-Za-z0-9.+_-]*)?) \()"},
    {"libcurl/", "curl", R"(libcurl/(\d+\.\d+\.\d+))"},
};

// Defined symbols that identify a component: a prefix (ending in '_') or an exact name.
struct SymbolSign {
  std::string_view name, component;
  bool prefix;
};
constexpr SymbolSign symbol_signs[] = {
    {"mbedtls_", "mbedtls", true},           {"wolfSSL_", "wolfssl", true},         {"wc_", "wolfssl", true},
    {"sodium_init", "libsodium", false},     {"crypto_secretbox_", "libsodium", true},
    {"gcry_", "libgcrypt", true},            {"_gcry_", "libgcrypt", true},         {"nettle_", "nettle", true},
    {"_nettle_", "nettle", true},            {"OPENSSL_init_crypto", "openssl", false},
    {"OpenSSL_version", "openssl", false},   {"ossl_", "openssl", true},
    {"tc_aes_", "tinycrypt", true},          {"tc_sha256_", "tinycrypt", true},     {"tc_hmac_", "tinycrypt", true},
    {"xTaskCreate", "freertos", false},      {"vTaskStartScheduler", "freertos", false},
    {"xTaskCreateStatic", "freertos", false},
    {"lwip_init", "lwip", false},            {"z_cstart", "zephyr", false},         {"k_thread_create", "zephyr", false},
    {"deflateInit_", "zlib", false},         {"inflateInit_", "zlib", false},       {"zlibVersion", "zlib", false},
    {"curl_easy_init", "curl", false},
};

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// The pattern of version_strings[needle], compiled the first time a string of its own is found:
// std::regex took about 2 ms to compile all of them, and most files hold one kind or none.
const std::regex& pattern_of(uint32_t needle) {
  static std::array<std::once_flag, std::size(version_strings)> once;
  static std::array<std::optional<std::regex>, std::size(version_strings)> patterns;
  std::call_once(once[needle], [needle] { patterns[needle].emplace(std::string(version_strings[needle].pattern)); });
  return *patterns[needle];
}

}  // namespace

const std::vector<std::string>& component_needles() {
  static const std::vector<std::string> needles = [] {
    std::vector<std::string> out;
    for (const auto& v : version_strings) out.emplace_back(v.needle);
    return out;
  }();
  return needles;
}

std::optional<std::string_view> component_of_symbol(std::string_view symbol) {
  // The first byte first: a file's symbols are tens of thousands, and few share it with a sign.
  for (const auto& s : symbol_signs)
    if (!symbol.empty() && symbol[0] == s.name[0] && (s.prefix ? symbol.starts_with(s.name) : symbol == s.name))
      return s.component;
  return std::nullopt;
}

std::vector<Component> identify_components(const std::string& path, const std::vector<NeedleText>& found,
                                           const ElfFile* elf) {
  // name -> version -> evidence; "" is the version when only the name is known.
  std::map<std::string, std::map<std::string, std::string>> seen;
  for (const auto& hit : found) {
    if (hit.needle >= std::size(version_strings)) continue;
    const VersionString& v = version_strings[hit.needle];
    std::string_view text = hit.text;
    text = text.substr(0, std::min(text.find('\0'), text.find('\n')));
    const std::string line(text);
    std::smatch m;
    if (v.pattern.empty()) {
      seen[std::string(v.component)].emplace("", "string '" + printable(line) + "' at " + hex(hit.offset));
    } else if (std::regex_search(line, m, pattern_of(hit.needle), std::regex_constants::match_continuous) &&
               sbom::plausible_version(m[1].str())) {
      seen[std::string(v.component)].emplace(m[1].str(), "version string '" + printable(m[0].str()) + "' at " + hex(hit.offset));
    }
  }
  if (elf != nullptr) {
    std::map<std::string, std::pair<size_t, std::string>> by_symbols;  // component -> (count, an example)
    for (const auto& s : elf->symbols()) {
      if (!s.defined() || (s.type != 1 /*STT_OBJECT*/ && !s.function())) continue;
      if (auto c = component_of_symbol(s.name)) {
        auto& [count, example] = by_symbols[std::string(*c)];
        if (count++ == 0) example = s.name;
      }
    }
    for (const auto& [name, evidence] : by_symbols)
      seen[name].emplace("", std::to_string(evidence.first) + " defined symbol" + (evidence.first == 1 ? "" : "s") +
                                 " such as " + printable(evidence.second));
  }
  // BoringSSL identifies itself as "OpenSSL 1.1.1 (compatible; BoringSSL)" and defines OpenSSL's names.
  if (seen.count("boringssl")) seen.erase("openssl");
  std::vector<Component> out;
  for (const auto& [name, versions] : seen) {
    const bool versioned = std::any_of(versions.begin(), versions.end(), [](const auto& v) { return !v.first.empty(); });
    for (const auto& [version, evidence] : versions) {
      if (versioned && version.empty()) continue;  // the name-only sighting is the same component
      Component c;
      c.name = name;
      c.version = version;
      c.path = path;
      c.evidence = evidence;
      if (versioned && versions.count("")) c.evidence += "; " + versions.at("");
      c.purl = sbom::generic_purl(name, version);
      out.push_back(std::move(c));
    }
  }
  return out;
}

// The binary stage decides SBOM-1 through this identification; whether each component has a
// version is judged after all stages (inspect/sbom/component_review.cpp).
const bool family_registered =
    (register_family({"components", InputKind::binary, {"SBOM-1/component-without-version"}}), true);

}  // namespace mdbc::binary
