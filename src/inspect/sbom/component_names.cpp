#include "inspect/sbom/component_names.h"

#include <algorithm>
#include <cctype>

namespace mdbc::sbom {

std::string generic_purl(std::string_view name, std::string_view version) {
  auto encode = [](std::string_view s, bool lower) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
        out.push_back(lower ? static_cast<char>(std::tolower(c)) : ch);
      } else {
        out.push_back('%');
        out.push_back(hex[c >> 4]);
        out.push_back(hex[c & 15]);
      }
    }
    return out;
  };
  std::string purl = "pkg:generic/" + encode(name, true);
  if (!version.empty()) purl += "@" + encode(version, false);
  return purl;
}

bool plausible_version(std::string_view v) {
  if (v.empty() || v.size() > 40 || !std::isdigit(static_cast<unsigned char>(v.front()))) return false;
  return std::all_of(v.begin(), v.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return std::isalnum(c) || c == '.' || c == '-' || c == '+' || c == '~' || c == '_';
  });
}

bool is_vetted_crypto_library(std::string_view name) {
  static constexpr std::string_view vetted[] = {"openssl", "boringssl", "libressl", "mbedtls", "wolfssl",
                                                "libsodium", "libgcrypt", "nettle", "tinycrypt"};
  return std::find(std::begin(vetted), std::end(vetted), name) != std::end(vetted);
}

}  // namespace mdbc::sbom
