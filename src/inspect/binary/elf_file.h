#pragma once
// A bounds-checked, read-only view of an ELF file (32 or 64 bit, either byte order), read with
// elfutils' libelf from the bytes already in memory. Every field is treated as hostile: the
// header tables must lie inside the file before libelf sees them, every section and segment with
// file contents must lie inside the file, and sections must not overlap. Anything malformed is an
// InputError "<path>: <what is wrong>".
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/huge_pages.h"

namespace mdbc::binary {

struct ElfSegment {
  uint32_t type = 0;   // PT_*
  uint32_t flags = 0;  // PF_R | PF_W | PF_X
  uint64_t offset = 0, vaddr = 0, paddr = 0, filesz = 0, memsz = 0, align = 0;
  std::string_view contents;  // the file-backed part (filesz bytes)

  bool readable() const { return flags & 4u; }
  bool writable() const { return flags & 2u; }
  bool executable() const { return flags & 1u; }
};

struct ElfSection {
  size_t index = 0;
  std::string name;
  uint32_t type = 0;  // SHT_*
  uint64_t flags = 0, addr = 0, offset = 0, size = 0, entsize = 0;
  uint32_t link = 0, info = 0;
  std::string_view contents;  // empty for SHT_NOBITS

  bool alloc() const { return flags & 0x2u; }
  bool writable() const { return flags & 0x1u; }
  bool executable() const { return flags & 0x4u; }
};

struct ElfSymbol {
  std::string_view name;  // in the string table, valid as long as the ElfFile
  uint64_t value = 0, size = 0;
  uint8_t type = 0;      // STT_*
  uint8_t binding = 0;   // STB_*
  uint16_t shndx = 0;    // SHN_UNDEF for imports and references
  bool dynamic = false;  // from .dynsym rather than .symtab

  bool defined() const { return shndx != 0; }
  bool function() const { return type == 2 /*STT_FUNC*/ || type == 10 /*STT_GNU_IFUNC*/; }
};

// A relocation of an allocated table (.rela.plt, .rel.dyn, ...): what the loader (or, in a static
// executable, the C library's start-up code) writes into the loaded image.
struct ElfRelocation {
  uint64_t offset = 0;  // r_offset: the address it writes
  uint32_t type = 0;    // R_<machine>_*
  int64_t addend = 0;   // r_addend (0 for SHT_REL tables)
  const ElfSymbol* symbol = nullptr;  // null when the relocation names no symbol
};

// What the dynamic section (PT_DYNAMIC) says.
struct ElfDynamic {
  bool present = false;
  uint64_t flags = 0;    // DT_FLAGS
  uint64_t flags_1 = 0;  // DT_FLAGS_1
  bool bind_now_tag = false;  // DT_BIND_NOW
  bool debug = false;         // DT_DEBUG (set by the linker in executables only)
  std::optional<std::string> rpath, runpath;
  std::vector<std::string> needed;

  // Immediate binding, however requested: DT_BIND_NOW, DF_BIND_NOW or DF_1_NOW.
  bool bind_now() const { return bind_now_tag || (flags & 0x8u) || (flags_1 & 0x1u); }
  bool pie_flag() const { return flags_1 & 0x08000000u; }  // DF_1_PIE
};

class ElfFile {
 public:
  // Parses bytes (which must outlive this object). Throws InputError "<path>: ..." when malformed.
  ElfFile(std::string_view bytes, const std::string& path);
  ~ElfFile();
  ElfFile(const ElfFile&) = delete;
  ElfFile& operator=(const ElfFile&) = delete;

  static bool has_magic(std::string_view head) { return head.size() >= 4 && head.substr(0, 4) == "\x7f" "ELF"; }

  const std::string& path() const { return path_; }
  std::string_view bytes() const { return bytes_; }
  bool is64() const { return is64_; }
  bool big_endian() const { return big_endian_; }
  uint16_t type() const { return type_; }  // ET_REL, ET_EXEC, ET_DYN, ET_CORE
  uint16_t machine() const { return machine_; }  // EM_*
  uint8_t os_abi() const { return os_abi_; }
  uint32_t flags() const { return flags_; }
  uint64_t entry() const { return entry_; }

  std::span<const ElfSegment> segments() const { return segments_; }
  std::span<const ElfSection> sections() const { return sections_; }
  std::span<const ElfSymbol> symbols() const { return symbols_; }  // .symtab then .dynsym
  std::span<const ElfRelocation> relocations() const { return relocations_; }
  const ElfDynamic& dynamic() const { return dynamic_; }
  bool has_symtab() const { return has_symtab_; }

  const ElfSegment* segment(uint32_t type) const;         // the first of that type
  const ElfSection* section(std::string_view name) const;  // the first of that name
  const ElfSection* section_at(uint64_t address) const;    // the allocated section holding address
  std::optional<std::string_view> interpreter() const;    // PT_INTERP's path
  // Whether a note of this owner and type is present (PT_NOTE segments, else SHT_NOTE sections).
  bool has_note(std::string_view owner, uint32_t note_type) const;
  // Bytes loaded at [address, address + size) from the file, or empty when not all file-backed.
  std::string_view at_address(uint64_t address, uint64_t size) const;

 private:
  void validate_header_tables() const;
  void read_segments();
  void read_sections();
  void read_symbols(const ElfSection& table, bool dynamic);
  void read_relocations(const ElfSection& table);
  void read_notes();
  void read_dynamic();
  [[noreturn]] void fail(const std::string& what) const;

  std::string_view bytes_;
  std::string path_;
  void* elf_ = nullptr;  // Elf*
  bool is64_ = false, big_endian_ = false;
  uint16_t type_ = 0, machine_ = 0;
  uint8_t os_abi_ = 0;
  uint32_t flags_ = 0;
  uint64_t entry_ = 0;
  std::vector<ElfSegment> segments_;
  std::vector<ElfSection> sections_;
  HugePageVector<ElfSymbol> symbols_;
  HugePageVector<ElfRelocation> relocations_;
  ElfDynamic dynamic_;
  bool has_symtab_ = false;
  struct Note { std::string owner; uint32_t type; };
  std::vector<Note> notes_;
  struct SymbolRange { size_t section, first, count; };
  std::vector<SymbolRange> symbol_ranges_;  // where each symbol section's entries are in symbols_
};

}  // namespace mdbc::binary
