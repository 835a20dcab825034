#include "inspect/binary/eh_frame.h"

#include <map>
#include <optional>
#include <string>

#include "inspect/binary/byte_reader.h"

namespace mdbc::binary {
namespace {

// DWARF exception-header pointer encodings (DW_EH_PE_*).
constexpr uint8_t pe_omit = 0xFF;
constexpr uint8_t pe_pcrel = 0x10;

// Reads a pointer of encoding `enc` whose field is at `field_address`; nullopt when the encoding
// is one this reader does not resolve (data-, text- or function-relative, indirect).
std::optional<uint64_t> read_encoded(ByteReader& r, uint8_t enc, uint64_t field_address, bool is64) {
  uint64_t value = 0;
  switch (enc & 0x0F) {
    case 0x00: value = r.uint(is64 ? 8 : 4); break;
    case 0x01: value = r.uleb128(); break;
    case 0x02: value = r.u16(); break;
    case 0x03: value = r.u32(); break;
    case 0x04: value = r.u64(); break;
    case 0x09: value = static_cast<uint64_t>(r.sleb128()); break;
    case 0x0A: value = static_cast<uint64_t>(r.sint(2)); break;
    case 0x0B: value = static_cast<uint64_t>(r.sint(4)); break;
    case 0x0C: value = static_cast<uint64_t>(r.sint(8)); break;
    default: throw ByteRangeError(".eh_frame: unknown pointer encoding " + std::to_string(enc));
  }
  if (enc & 0x80) return std::nullopt;
  switch (enc & 0x70) {
    case 0x00: break;
    case pe_pcrel: value += field_address; break;
    default: return std::nullopt;
  }
  if (!is64) value &= 0xFFFFFFFFu;
  return value;
}

struct Cie {
  uint8_t encoding = 0;   // of FDE pointers (augmentation 'R'); DW_EH_PE_absptr when not given
  bool augmented = false; // 'z': FDEs carry augmentation data before their instructions
};

Cie read_cie(ByteReader& r, uint64_t section_address, bool is64) {
  const uint8_t version = r.u8();
  if (version != 1 && version != 3 && version != 4)
    throw ByteRangeError(".eh_frame: CIE version " + std::to_string(version) + " is unknown");
  const std::string_view augmentation = r.cstring();
  if (augmentation.find("eh") != std::string_view::npos) r.skip(is64 ? 8 : 4);
  if (version == 4) r.skip(2);  // address size, segment selector size
  r.uleb128();                  // code alignment
  r.sleb128();                  // data alignment
  if (version == 1) r.u8(); else r.uleb128();  // return address register
  Cie cie;
  if (augmentation.empty() || augmentation[0] != 'z') return cie;
  cie.augmented = true;
  const uint64_t length = r.uleb128();
  const size_t data_end = static_cast<size_t>(checked_add(r.offset(), length, ".eh_frame: CIE augmentation"));
  for (char c : augmentation.substr(1)) {
    if (c == 'R') {
      cie.encoding = r.u8();
    } else if (c == 'P') {
      const uint8_t personality = r.u8();
      read_encoded(r, personality & 0x7F, section_address + r.offset(), is64);
    } else if (c == 'L') {
      r.u8();
    } else if (c != 'S' && c != 'B' && c != 'G') {
      break;  // unknown augmentation: its data is skipped below as a whole
    }
  }
  r.seek(data_end);
  return cie;
}

// Whether an FDE describes a fragment of a function rather than its entry. At an entry the frame
// is the CIE's (the caller's call just happened): the first instruction that changes it (a push,
// sub or endbr64) comes after an advance, and can save at most one register. A fragment starts by
// restating its parent's frame: rules before any advance, or several saved registers at once.
bool starts_mid_function(ByteReader& r) {
  bool advanced = false;
  int saved = 0;
  while (!r.at_end()) {
    const uint8_t op = r.u8();
    if (op == 0x00) continue;  // DW_CFA_nop
    const bool advance = (op & 0xC0) == 0x40 || op == 0x02 || op == 0x03 || op == 0x04;
    if (advance) {
      if (advanced) break;
      advanced = true;
      r.skip(op == 0x02 ? 1 : op == 0x03 ? 2 : op == 0x04 ? 4 : 0);
      continue;
    }
    if (!advanced) return true;
    if ((op & 0xC0) == 0x80) {  // DW_CFA_offset
      ++saved;
      r.uleb128();
      continue;
    }
    if ((op & 0xC0) == 0xC0) continue;  // DW_CFA_restore
    switch (op) {
      case 0x05: ++saved, r.uleb128(), r.uleb128(); break;  // offset_extended
      case 0x11: ++saved, r.uleb128(), r.sleb128(); break;  // offset_extended_sf
      case 0x0C: case 0x09: case 0x14: case 0x2F: r.uleb128(), r.uleb128(); break;
      case 0x12: case 0x15: r.uleb128(), r.sleb128(); break;
      case 0x0D: case 0x0E: case 0x07: case 0x08: case 0x06: case 0x2E: r.uleb128(); break;
      case 0x13: r.sleb128(); break;
      case 0x0A: case 0x0B: case 0x2D: break;
      case 0x0F: r.skip(r.uleb128()); break;
      case 0x10: case 0x16: r.uleb128(), r.skip(r.uleb128()); break;
      default: return false;  // an instruction this reader does not know: take it as an entry
    }
  }
  return saved >= 2;
}

}  // namespace

HugePageVector<CodeRange> eh_frame_ranges(const ElfFile& elf) {
  HugePageVector<CodeRange> ranges;
  const ElfSection* section = elf.section(".eh_frame");
  if (section == nullptr || section->contents.empty() || elf.type() == 1 /*ET_REL: addresses not yet known*/)
    return ranges;
  const std::string_view data = section->contents;
  // An entry takes 16 bytes or more as linkers write them (length, CIE pointer, 4-byte begin and
  // size): room for all at once, since growing by doubling faults in every page twice over.
  ranges.reserve(data.size() / 16);
  ByteReader r(data, elf.big_endian(), ".eh_frame");
  std::map<uint64_t, Cie> cies;  // by offset
  while (r.remaining() >= 4) {
    const size_t start = r.offset();
    uint64_t length = r.u32();
    if (length == 0) continue;  // a terminator; linkers may leave one between input sections
    bool dwarf64 = false;
    if (length == 0xFFFFFFFFu) length = r.u64(), dwarf64 = true;
    const size_t body = r.offset();  // where the CIE id / CIE pointer field is
    ByteReader entry(r.bytes(length), elf.big_endian(), ".eh_frame entry");
    const uint64_t id = entry.uint(dwarf64 ? 8 : 4);
    if (id == 0) {
      cies[start] = read_cie(entry, section->addr + body, elf.is64());
      continue;
    }
    // The CIE pointer counts back from its own field to the CIE's first byte.
    if (id > body) throw ByteRangeError(".eh_frame: FDE at offset " + std::to_string(start) + " points before the table");
    const auto cie = cies.find(body - id);
    if (cie == cies.end() || cie->second.encoding == pe_omit) continue;
    const uint8_t enc = cie->second.encoding;
    const auto begin = read_encoded(entry, enc, section->addr + body + entry.offset(), elf.is64());
    const auto size = read_encoded(entry, enc & 0x0F, 0, elf.is64());
    if (cie->second.augmented) entry.skip(entry.uleb128());
    if (begin && size && *size > 0) ranges.push_back({*begin, *size, starts_mid_function(entry)});
  }
  return ranges;
}

}  // namespace mdbc::binary
