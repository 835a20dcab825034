// CRYPTO-2 on executables and firmware: implementations of cryptographic algorithms recognised by
// their constant tables in the loaded bytes (any byte order, 8- to 64-bit elements, partial tables)
// and by round constants scattered over code as immediates or literal pools. Tables that belong to
// a vetted library identified in the same file (by its symbols or version strings) are reported as
// that component's; the rest is own cryptography. The same single pass finds the version strings
// that identify components (SBOM-1, component_identify.cpp). CRC tables are never reported.
#include <algorithm>
#include <cstdio>
#include <set>

#include "inspect/binary/binary_rule.h"
#include "inspect/binary/component_identify.h"
#include "inspect/binary/elf_file.h"
#include "inspect/crypto_tables/byte_scanner.h"
#include "inspect/crypto_tables/resolve.h"
#include "inspect/sbom/component_names.h"

namespace mdbc::binary {
namespace {

using crypto_tables::ByteScanner;
using crypto_tables::TableHit;

const ByteScanner& scanner() {
  static const ByteScanner s(crypto_tables::tables(), component_needles());
  return s;
}

const crypto_tables::HitResolver& resolver() {
  static const crypto_tables::HitResolver r(crypto_tables::tables());
  return r;
}

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string hex_bytes(std::string_view bytes) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  for (char c : bytes) {
    if (!out.empty()) out.push_back(' ');
    out.push_back(digits[static_cast<uint8_t>(c) >> 4]);
    out.push_back(digits[static_cast<uint8_t>(c) & 15]);
  }
  return out;
}

constexpr const char* visibility_note =
    "Searched the loaded bytes for the constant tables of AES, SHA-1, SHA-2, MD4/MD5, DES, RC2, Blowfish, "
    "ChaCha/Salsa20 and Keccak in both byte orders and 8- to 64-bit elements, and for hash round constants "
    "and initial values scattered over code as immediates or literal pools. Not visible: tables built at "
    "run time (mbedTLS without MBEDTLS_AES_ROM_TABLES builds its AES tables in RAM at start-up), constants "
    "encoded inside instructions (Thumb-2 movw/movt, AArch64 movz/movk), bit-sliced code and hardware "
    "cryptography (AES-NI, ARMv8 crypto extensions, crypto peripherals). The absence of a table is not the "
    "absence of the algorithm.";

struct Located {
  TableHit hit;
  const Region* region;
  uint64_t offset, address;  // in the input file (Intel HEX: the address), and the load address
};

// Defined symbols with a size, by address, to name what holds a table.
class SymbolIndex {
 public:
  explicit SymbolIndex(const ElfFile* elf) {
    if (elf == nullptr) return;
    for (const auto& s : elf->symbols())
      if (s.defined() && s.size > 0 && (s.type == 1 /*STT_OBJECT*/ || s.function())) symbols_.push_back(&s);
    std::sort(symbols_.begin(), symbols_.end(), [](const ElfSymbol* a, const ElfSymbol* b) { return a->value < b->value; });
  }
  const ElfSymbol* holding(uint64_t address) const {
    auto it = std::upper_bound(symbols_.begin(), symbols_.end(), address,
                               [](uint64_t a, const ElfSymbol* s) { return a < s->value; });
    // Symbols may nest (a function inside a section symbol): look back a little for one that holds it.
    for (int back = 0; back < 8 && it != symbols_.begin(); ++back) {
      --it;
      if (address - (*it)->value < (*it)->size) return *it;
    }
    return nullptr;
  }

 private:
  std::vector<const ElfSymbol*> symbols_;
};

class CryptoConstantsRule final : public BinaryRule {
 public:
  RuleFamily family() const override {
    return {"crypto-constants", InputKind::binary, {"CRYPTO-2/crypto-table", "CRYPTO-2/vetted-library"}};
  }

  void check(const Artifact& a, std::vector<Finding>& out, std::vector<Component>& components,
             nlohmann::ordered_json& facts) const override {
    const ByteScanner& s = scanner();
    const bool hex_image = a.format == ArtifactFormat::intel_hex;
    std::vector<Located> located;
    std::vector<NeedleText> strings;
    for (const Region& r : a.regions) {
      crypto_tables::ScanResult result;
      s.scan(r.bytes, result);
      std::vector<crypto_tables::Span> spans;
      for (const auto& h : result.tables) spans.push_back({h.table, h.offset, h.end, h.scattered, h.matched, h.total});
      for (size_t i : resolver().keep(spans)) {
        const TableHit& h = result.tables[i];
        located.push_back({h, &r, (hex_image ? r.address : r.file_offset) + h.offset, r.address + h.offset});
      }
      for (const auto& n : result.needles)
        strings.push_back({n.needle, r.bytes.substr(n.offset, 160), (hex_image ? r.address : r.file_offset) + n.offset});
    }

    std::vector<Component> found = identify_components(a.input.path, strings, a.elf);
    std::vector<const Component*> vetted;
    for (const auto& c : found)
      if (sbom::is_vetted_crypto_library(c.name)) vetted.push_back(&c);

    const SymbolIndex symbols(located.empty() ? nullptr : a.elf);
    nlohmann::ordered_json listed = nlohmann::ordered_json::array();
    std::set<std::string> algorithms_seen;
    for (const auto& l : located) report(a, l, symbols, vetted, out, listed, algorithms_seen);

    if (!listed.empty() || !vetted.empty() || a.format != ArtifactFormat::elf) {
      nlohmann::ordered_json crypto = object_with_room(3);
      crypto["found"] = std::move(listed);
      nlohmann::ordered_json libraries = nlohmann::ordered_json::array();
      for (const auto* c : vetted) libraries.push_back(c->version.empty() ? c->name : c->name + " " + c->version);
      crypto["vetted_libraries"] = std::move(libraries);
      std::string note = visibility_note;
      for (const auto* c : vetted)
        if (c->name == "mbedtls" && !algorithms_seen.count("AES"))
          note += " mbedTLS is present but no AES table was seen: in its default configuration it builds them in RAM "
                  "at start-up, so its use of AES cannot be confirmed or excluded from the image.";
      crypto["note"] = std::move(note);
      facts["crypto"] = std::move(crypto);
    }
    for (auto& c : found) components.push_back(std::move(c));
  }

 private:
  static void report(const Artifact& a, const Located& l, const SymbolIndex& symbols,
                     const std::vector<const Component*>& vetted, std::vector<Finding>& out,
                     nlohmann::ordered_json& listed, std::set<std::string>& algorithms_seen) {
    const auto& table = crypto_tables::tables()[l.hit.table];
    const ByteScanner& s = scanner();
    algorithms_seen.insert(table.algorithm);
    std::string where = "at offset " + hex(l.offset);
    if (a.format == ArtifactFormat::intel_hex) where = "at address " + hex(l.address);
    else if (a.format == ArtifactFormat::elf)
      where += " (address " + hex(l.address) + (l.region->name.empty() ? "" : " in " + l.region->name) + ")";
    std::string what = table.label() + " (" + table.standard + ") " + where;
    if (l.hit.scattered)
      what += ": " + std::to_string(l.hit.matched) + " of its " + std::to_string(l.hit.total) +
              " values within " + std::to_string(l.hit.end - l.hit.offset) + " bytes, as instruction immediates or literal pools";
    else
      what += ", as " + s.forms()[static_cast<size_t>(l.hit.form)].layout + " (" + std::to_string(l.hit.matched) + " of " +
              std::to_string(l.hit.total) + " entries)";

    // Which vetted library accounts for it: the library its enclosing symbol names, else the one(s)
    // present in the file.
    const ElfSymbol* holder = symbols.holding(l.address);
    std::string library, how;
    if (holder != nullptr)
      if (auto c = component_of_symbol(holder->name); c && sbom::is_vetted_crypto_library(*c))
        library = std::string(*c), how = "its symbol " + std::string(holder->name);
    if (library.empty() && !vetted.empty()) {
      for (const auto* c : vetted) library += (library.empty() ? "" : " or ") + c->name;
      how = "the library's presence in this file" + (holder ? " (held by symbol " + std::string(holder->name) + ")" : std::string());
    }

    const std::string_view evidence_bytes = l.region->bytes.substr(l.hit.offset, std::min<uint64_t>(16, l.hit.end - l.hit.offset));
    nlohmann::ordered_json entry = object_with_room(8);
    entry["algorithm"] = table.algorithm;
    entry["table"] = table.name;
    entry["layout"] = l.hit.scattered ? std::string("scattered words") : s.forms()[static_cast<size_t>(l.hit.form)].layout;
    entry["offset"] = l.offset;
    entry["entries"] = std::to_string(l.hit.matched) + "/" + std::to_string(l.hit.total);
    if (a.format == ArtifactFormat::elf && !l.region->name.empty()) entry["section"] = l.region->name;
    if (holder != nullptr) entry["symbol"] = holder->name;
    entry["attributed_to"] = library.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(library);
    listed.push_back(std::move(entry));

    if (library.empty()) {
      out.push_back(a.at(l.offset, "CRYPTO-2/crypto-table",
                         what + ": an implementation of " + table.algorithm +
                             " that no vetted library in this file accounts for; use a vetted library (OpenSSL, "
                             "mbedTLS, wolfSSL or the platform's validated module) or have an expert review it and "
                             "record the review in a variance naming the reviewer",
                         hex_bytes(evidence_bytes), Severity::error));
    } else {
      Finding f = a.at(l.offset, "CRYPTO-2/vetted-library",
                       what + ": part of " + library + ", a vetted library, by " + how, hex_bytes(evidence_bytes), Severity::note);
      f.component = library;
      out.push_back(std::move(f));
    }
  }
};

}  // namespace

MDBC_BINARY_RULE(CryptoConstantsRule)

}  // namespace mdbc::binary
