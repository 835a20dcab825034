#pragma once
// SBOM-1 on executables and firmware: components identified by their version strings ("OpenSSL
// 3.0.11 19 Sep 2023", "mbed TLS 3.5.2", "BusyBox v1.36.1", ...) and by the symbols they define
// (mbedtls_*, wolfSSL_*, xTaskCreate, lwip_init, ...). The strings are found by the same one-pass
// byte scan as the cryptographic constants (crypto_constants_rule.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/component.h"

namespace mdbc::binary {

class ElfFile;

// The strings the byte scanner looks for on behalf of component identification, by index.
const std::vector<std::string>& component_needles();

// One occurrence of a needle: `text` runs from the needle to at most 160 bytes after it.
struct NeedleText {
  uint32_t needle = 0;
  std::string_view text;
  uint64_t offset = 0;  // in the input file (or, for Intel HEX, the address)
};

// Components identified in one file (`path`) from its needle occurrences and, for ELF files, the
// symbols it defines. Sorted by name and version; one entry per name and version.
std::vector<Component> identify_components(const std::string& path, const std::vector<NeedleText>& found,
                                           const ElfFile* elf);

// The component a defined symbol's name says it belongs to ("mbedtls_aes_setkey_enc" -> "mbedtls").
std::optional<std::string_view> component_of_symbol(std::string_view symbol);

}  // namespace mdbc::binary
