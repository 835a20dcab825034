#include "inspect/binary/elf_file.h"

#include <gelf.h>
#include <libelf.h>

#include <algorithm>
#include <mutex>

#include "core/error.h"
#include "inspect/binary/byte_reader.h"

namespace mdbc::binary {
namespace {

Elf* handle(void* p) { return static_cast<Elf*>(p); }

std::string libelf_error() {
  const char* msg = elf_errmsg(-1);
  return msg != nullptr ? msg : "unknown libelf error";
}

// The counts and positions of the header tables, read by hand so that libelf only ever sees files
// whose tables lie inside the file (it sizes its own arrays from these counts).
struct HeaderTables {
  bool is64 = false, big_endian = false;
  uint64_t phoff = 0, shoff = 0;
  uint64_t phnum = 0, shnum = 0, shstrndx = 0;
  uint16_t phentsize = 0, shentsize = 0;
};

HeaderTables read_header_tables(std::string_view bytes) {
  if (bytes.size() < EI_NIDENT) throw ByteRangeError("ELF identification truncated");
  HeaderTables t;
  const auto cls = static_cast<unsigned char>(bytes[EI_CLASS]);
  const auto data = static_cast<unsigned char>(bytes[EI_DATA]);
  if (cls != ELFCLASS32 && cls != ELFCLASS64) throw ByteRangeError("unknown ELF class " + std::to_string(cls));
  if (data != ELFDATA2LSB && data != ELFDATA2MSB) throw ByteRangeError("unknown ELF byte order " + std::to_string(data));
  if (static_cast<unsigned char>(bytes[EI_VERSION]) != EV_CURRENT)
    throw ByteRangeError("unknown ELF version " + std::to_string(static_cast<unsigned char>(bytes[EI_VERSION])));
  t.is64 = cls == ELFCLASS64;
  t.big_endian = data == ELFDATA2MSB;
  const size_t word = t.is64 ? 8 : 4;
  ByteReader r(bytes, t.big_endian, "ELF header");
  r.seek(EI_NIDENT + 2 + 2 + 4 + word);  // e_type, e_machine, e_version, e_entry
  t.phoff = r.uint(word);
  t.shoff = r.uint(word);
  r.skip(4 + 2);  // e_flags, e_ehsize
  t.phentsize = r.u16();
  t.phnum = r.u16();
  t.shentsize = r.u16();
  t.shnum = r.u16();
  t.shstrndx = r.u16();

  const uint16_t shdr_size = t.is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
  const uint16_t phdr_size = t.is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr);
  // Extended numbering: counts and the name table index that do not fit the header live in
  // section header 0 (sh_size, sh_info, sh_link).
  const bool extended = (t.shnum == 0 && t.shoff != 0) || t.phnum == PN_XNUM || t.shstrndx == SHN_XINDEX;
  if (extended) {
    if (t.shoff == 0) throw ByteRangeError("extended numbering without section header 0");
    if (t.shentsize != shdr_size) throw ByteRangeError("section header size " + std::to_string(t.shentsize) + " is wrong");
    ByteReader s0(checked_slice(bytes, t.shoff, shdr_size, "section header 0"), t.big_endian, "section header 0");
    s0.skip(4 + 4 + word + word + word);  // sh_name, sh_type, sh_flags, sh_addr, sh_offset
    const uint64_t size = s0.uint(word);
    const uint32_t link = s0.u32();
    const uint32_t info = s0.u32();
    if (t.shnum == 0) t.shnum = size;
    if (t.phnum == PN_XNUM) t.phnum = info;
    if (t.shstrndx == SHN_XINDEX) t.shstrndx = link;
  }
  if (t.shnum > 0) {
    if (t.shentsize != shdr_size) throw ByteRangeError("section header size " + std::to_string(t.shentsize) + " is wrong");
    checked_slice(bytes, t.shoff, checked_mul(t.shnum, shdr_size, "section header table"), "section header table");
    if (t.shstrndx >= t.shnum) throw ByteRangeError("section name table index " + std::to_string(t.shstrndx) + " out of range");
  }
  if (t.phnum > 0) {
    if (t.phentsize != phdr_size) throw ByteRangeError("program header size " + std::to_string(t.phentsize) + " is wrong");
    checked_slice(bytes, t.phoff, checked_mul(t.phnum, phdr_size, "program header table"), "program header table");
  }
  return t;
}

std::once_flag libelf_init;

}  // namespace

ElfFile::ElfFile(std::string_view bytes, const std::string& path) : bytes_(bytes), path_(path) {
  try {
    const HeaderTables tables = read_header_tables(bytes);
    is64_ = tables.is64;
    big_endian_ = tables.big_endian;
    std::call_once(libelf_init, [] { elf_version(EV_CURRENT); });
    // elf_memory takes a non-const pointer; an Elf opened for reading (as here) never writes to it.
    elf_ = elf_memory(const_cast<char*>(bytes.data()), bytes.size());
    if (elf_ == nullptr || elf_kind(handle(elf_)) != ELF_K_ELF) fail("not a readable ELF file: " + libelf_error());
    GElf_Ehdr eh;
    if (gelf_getehdr(handle(elf_), &eh) == nullptr) fail("unreadable ELF header: " + libelf_error());
    type_ = eh.e_type;
    machine_ = eh.e_machine;
    os_abi_ = eh.e_ident[EI_OSABI];
    flags_ = eh.e_flags;
    entry_ = eh.e_entry;
    size_t shnum = 0, phnum = 0;
    if (elf_getshdrnum(handle(elf_), &shnum) != 0 || elf_getphdrnum(handle(elf_), &phnum) != 0)
      fail("unreadable header counts: " + libelf_error());
    if (shnum != tables.shnum || phnum != tables.phnum) fail("inconsistent section or program header counts");
    read_segments();
    read_sections();
    for (const auto& s : sections_)
      if (s.type == SHT_SYMTAB || s.type == SHT_DYNSYM) read_symbols(s, s.type == SHT_DYNSYM);
    for (const auto& s : sections_)
      if ((s.type == SHT_RELA || s.type == SHT_REL) && s.alloc()) read_relocations(s);
    read_dynamic();
    read_notes();
  } catch (const ByteRangeError& e) {
    if (elf_ != nullptr) elf_end(handle(elf_));
    elf_ = nullptr;
    throw InputError(path_ + ": malformed ELF: " + e.what());
  } catch (...) {
    if (elf_ != nullptr) elf_end(handle(elf_));
    elf_ = nullptr;
    throw;
  }
}

ElfFile::~ElfFile() {
  if (elf_ != nullptr) elf_end(handle(elf_));
}

void ElfFile::fail(const std::string& what) const { throw ByteRangeError(what); }

void ElfFile::read_segments() {
  size_t phnum = 0;
  elf_getphdrnum(handle(elf_), &phnum);
  segments_.reserve(phnum);
  for (size_t i = 0; i < phnum; ++i) {
    GElf_Phdr ph;
    if (gelf_getphdr(handle(elf_), static_cast<int>(i), &ph) == nullptr)
      fail("program header " + std::to_string(i) + " unreadable: " + libelf_error());
    ElfSegment s;
    s.type = ph.p_type;
    s.flags = ph.p_flags;
    s.offset = ph.p_offset;
    s.vaddr = ph.p_vaddr;
    s.paddr = ph.p_paddr;
    s.filesz = ph.p_filesz;
    s.memsz = ph.p_memsz;
    s.align = ph.p_align;
    if (s.filesz > 0) s.contents = checked_slice(bytes_, s.offset, s.filesz, "segment " + std::to_string(i));
    segments_.push_back(s);
  }
}

void ElfFile::read_sections() {
  size_t shnum = 0, shstrndx = 0;
  elf_getshdrnum(handle(elf_), &shnum);
  if (shnum == 0) return;
  if (elf_getshdrstrndx(handle(elf_), &shstrndx) != 0) fail("unreadable section name table index: " + libelf_error());
  sections_.reserve(shnum);
  for (size_t i = 0; i < shnum; ++i) {
    Elf_Scn* scn = elf_getscn(handle(elf_), i);
    GElf_Shdr sh;
    if (scn == nullptr || gelf_getshdr(scn, &sh) == nullptr)
      fail("section header " + std::to_string(i) + " unreadable: " + libelf_error());
    ElfSection s;
    s.index = i;
    s.type = sh.sh_type;
    s.flags = sh.sh_flags;
    s.addr = sh.sh_addr;
    s.offset = sh.sh_offset;
    s.size = sh.sh_size;
    s.entsize = sh.sh_entsize;
    s.link = sh.sh_link;
    s.info = sh.sh_info;
    if (i > 0 && shstrndx != SHN_UNDEF) {
      const char* name = elf_strptr(handle(elf_), shstrndx, sh.sh_name);
      if (name == nullptr) fail("section " + std::to_string(i) + " has a name outside the section name table");
      s.name = name;
    }
    if (i > 0 && s.type != SHT_NOBITS && s.type != SHT_NULL && s.size > 0)
      s.contents = checked_slice(bytes_, s.offset, s.size, "section " + std::to_string(i) + " (" + s.name + ")");
    sections_.push_back(std::move(s));
  }
  // No byte of the file belongs to two sections (ELF specification): overlapping sections are a
  // sign of a file crafted to show different contents to different readers.
  std::vector<const ElfSection*> by_offset;
  for (const auto& s : sections_)
    if (!s.contents.empty()) by_offset.push_back(&s);
  std::sort(by_offset.begin(), by_offset.end(),
            [](const ElfSection* a, const ElfSection* b) { return a->offset < b->offset; });
  for (size_t i = 1; i < by_offset.size(); ++i) {
    const ElfSection& prev = *by_offset[i - 1];
    if (by_offset[i]->offset < prev.offset + prev.size)
      fail("sections " + prev.name + " and " + by_offset[i]->name + " overlap in the file");
  }
}

void ElfFile::read_symbols(const ElfSection& table, bool dynamic) {
  const uint64_t entsize = is64_ ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
  if (table.contents.empty()) return;
  if (table.entsize != entsize) fail("symbol table " + table.name + " has entry size " + std::to_string(table.entsize));
  if (table.link >= sections_.size() || sections_[table.link].type != SHT_STRTAB)
    fail("symbol table " + table.name + " links to no string table");
  Elf_Data* data = elf_getdata(elf_getscn(handle(elf_), table.index), nullptr);
  if (data == nullptr) fail("symbol table " + table.name + " unreadable: " + libelf_error());
  const size_t count = table.size / entsize;
  symbol_ranges_.push_back({table.index, symbols_.size(), count});
  symbols_.reserve(symbols_.size() + count);
  for (size_t i = 0; i < count; ++i) {
    GElf_Sym sym;
    if (gelf_getsym(data, static_cast<int>(i), &sym) == nullptr)
      fail("symbol " + std::to_string(i) + " of " + table.name + " unreadable: " + libelf_error());
    ElfSymbol s;
    const char* name = elf_strptr(handle(elf_), table.link, sym.st_name);
    if (name == nullptr) fail("symbol " + std::to_string(i) + " of " + table.name + " has a name outside its string table");
    s.name = name;
    s.value = sym.st_value;
    s.size = sym.st_size;
    s.type = GELF_ST_TYPE(sym.st_info);
    s.binding = GELF_ST_BIND(sym.st_info);
    s.shndx = sym.st_shndx;
    s.dynamic = dynamic;
    symbols_.push_back(std::move(s));
  }
  if (!dynamic) has_symtab_ = true;
}

void ElfFile::read_relocations(const ElfSection& table) {
  const bool rela = table.type == SHT_RELA;
  const uint64_t entsize = is64_ ? (rela ? sizeof(Elf64_Rela) : sizeof(Elf64_Rel)) : (rela ? sizeof(Elf32_Rela) : sizeof(Elf32_Rel));
  if (table.contents.empty()) return;
  if (table.entsize != entsize) fail("relocation table " + table.name + " has entry size " + std::to_string(table.entsize));
  const SymbolRange* range = nullptr;
  for (const auto& r : symbol_ranges_)
    if (r.section == table.link) range = &r;
  Elf_Data* data = elf_getdata(elf_getscn(handle(elf_), table.index), nullptr);
  if (data == nullptr) fail("relocation table " + table.name + " unreadable: " + libelf_error());
  const size_t count = table.size / entsize;
  relocations_.reserve(relocations_.size() + count);
  for (size_t i = 0; i < count; ++i) {
    ElfRelocation r;
    uint64_t info = 0;
    if (rela) {
      GElf_Rela e;
      if (gelf_getrela(data, static_cast<int>(i), &e) == nullptr) fail("relocation " + std::to_string(i) + " of " + table.name + " unreadable");
      r.offset = e.r_offset;
      r.addend = e.r_addend;
      info = e.r_info;
    } else {
      GElf_Rel e;
      if (gelf_getrel(data, static_cast<int>(i), &e) == nullptr) fail("relocation " + std::to_string(i) + " of " + table.name + " unreadable");
      r.offset = e.r_offset;
      info = e.r_info;
    }
    // GElf widens 32-bit r_info to the 64-bit layout (symbol in the high 32 bits).
    r.type = static_cast<uint32_t>(GELF_R_TYPE(info));
    const uint64_t sym = GELF_R_SYM(info);
    if (sym != 0 && range != nullptr) {
      if (sym >= range->count) fail("relocation " + std::to_string(i) + " of " + table.name + " names symbol " + std::to_string(sym) + ", past the end of its symbol table");
      r.symbol = &symbols_[range->first + sym];
    }
    relocations_.push_back(r);
  }
}

void ElfFile::read_dynamic() {
  const ElfSegment* seg = segment(PT_DYNAMIC);
  if (seg == nullptr) return;
  dynamic_.present = true;
  const size_t word = is64_ ? 8 : 4;
  ByteReader r(seg->contents, big_endian_, "dynamic segment");
  uint64_t strtab = 0, strsz = 0;
  bool have_strtab = false;
  std::vector<std::pair<int64_t, uint64_t>> string_entries;
  while (r.remaining() >= 2 * word) {
    const int64_t tag = r.sint(word);
    const uint64_t val = r.uint(word);
    if (tag == DT_NULL) break;
    switch (tag) {
      case DT_FLAGS: dynamic_.flags = val; break;
      case DT_FLAGS_1: dynamic_.flags_1 = val; break;
      case DT_BIND_NOW: dynamic_.bind_now_tag = true; break;
      case DT_DEBUG: dynamic_.debug = true; break;
      case DT_STRTAB: strtab = val, have_strtab = true; break;
      case DT_STRSZ: strsz = val; break;
      case DT_RPATH:
      case DT_RUNPATH:
      case DT_NEEDED: string_entries.emplace_back(tag, val); break;
      default: break;
    }
  }
  if (string_entries.empty()) return;
  if (!have_strtab) fail("dynamic segment names libraries or paths but has no string table (DT_STRTAB)");
  const std::string_view strings = at_address(strtab, strsz);
  if (strings.empty() && strsz > 0) fail("dynamic string table (DT_STRTAB) is not in the file");
  for (const auto& [tag, val] : string_entries) {
    ByteReader s(strings, big_endian_, "dynamic string table");
    s.seek(val);
    std::string text(s.cstring());
    if (tag == DT_RPATH) dynamic_.rpath = std::move(text);
    else if (tag == DT_RUNPATH) dynamic_.runpath = std::move(text);
    else dynamic_.needed.push_back(std::move(text));
  }
}

void ElfFile::read_notes() {
  auto parse = [&](std::string_view contents, uint64_t align, std::string_view what) {
    const uint64_t step = align == 8 ? 8 : 4;
    ByteReader r(contents, big_endian_, what);
    // Name and descriptor each start at the next multiple of the alignment (4, or 8 for the
    // 64-bit GNU property notes); the last padding may be missing at the end.
    auto to_boundary = [&] { r.skip(std::min<uint64_t>((step - r.offset() % step) % step, r.remaining())); };
    while (r.remaining() >= 12) {
      const uint32_t namesz = r.u32(), descsz = r.u32(), type = r.u32();
      std::string_view name = r.bytes(namesz);
      to_boundary();
      r.skip(descsz);
      to_boundary();
      if (!name.empty() && name.back() == '\0') name.remove_suffix(1);
      notes_.push_back({std::string(name), type});
    }
  };
  bool any_segment = false;
  for (const auto& s : segments_)
    if (s.type == PT_NOTE) parse(s.contents, s.align, "note segment"), any_segment = true;
  if (any_segment) return;
  for (const auto& s : sections_)
    if (s.type == SHT_NOTE) parse(s.contents, s.entsize == 8 || s.name == ".note.gnu.property" ? 8 : 4, "note section " + s.name);
}

const ElfSegment* ElfFile::segment(uint32_t type) const {
  for (const auto& s : segments_)
    if (s.type == type) return &s;
  return nullptr;
}

const ElfSection* ElfFile::section(std::string_view name) const {
  for (const auto& s : sections_)
    if (s.name == name) return &s;
  return nullptr;
}

const ElfSection* ElfFile::section_at(uint64_t address) const {
  for (const auto& s : sections_)
    if (s.alloc() && s.size > 0 && address >= s.addr && address - s.addr < s.size) return &s;
  return nullptr;
}

std::optional<std::string_view> ElfFile::interpreter() const {
  const ElfSegment* s = segment(PT_INTERP);
  if (s == nullptr) return std::nullopt;
  std::string_view path = s->contents;
  if (const size_t nul = path.find('\0'); nul != std::string_view::npos) path = path.substr(0, nul);
  return path;
}

bool ElfFile::has_note(std::string_view owner, uint32_t note_type) const {
  for (const auto& n : notes_)
    if (n.owner == owner && n.type == note_type) return true;
  return false;
}

std::string_view ElfFile::at_address(uint64_t address, uint64_t size) const {
  for (const auto& s : segments_) {
    if (s.type != PT_LOAD || address < s.vaddr) continue;
    const uint64_t at = address - s.vaddr;
    if (at <= s.filesz && size <= s.filesz - at) return s.contents.substr(static_cast<size_t>(at), static_cast<size_t>(size));
  }
  return {};
}

}  // namespace mdbc::binary
