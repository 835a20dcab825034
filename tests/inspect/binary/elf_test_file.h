#pragma once
// A minimal ELF file written field by field (32 or 64 bit, either byte order), for tests that
// need exact control over every header: one PT_LOAD segment, a .text section and .shstrtab.
#include <cstdint>
#include <string>

namespace mdbc::binary::test {

struct ElfTestFile {
  std::string bytes;
  size_t phoff = 0, shoff = 0;      // where the header tables start
  size_t shentsize = 0, phentsize = 0;
  size_t text_offset = 0;           // .text contents (16 bytes)
};

inline ElfTestFile make_elf(bool is64, bool big_endian) {
  ElfTestFile f;
  std::string& b = f.bytes;
  auto put = [&](uint64_t v, size_t n) {
    for (size_t i = 0; i < n; ++i) {
      const size_t shift = big_endian ? (n - 1 - i) * 8 : i * 8;
      b.push_back(static_cast<char>((v >> shift) & 0xFF));
    }
  };
  const size_t word = is64 ? 8 : 4;
  const size_t ehsize = is64 ? 64 : 52;
  f.phentsize = is64 ? 56 : 32;
  f.shentsize = is64 ? 64 : 40;
  f.phoff = ehsize;
  f.text_offset = f.phoff + f.phentsize;
  const std::string shstrtab("\0.text\0.shstrtab\0", 17);
  const size_t shstrtab_offset = f.text_offset + 16;
  f.shoff = (shstrtab_offset + shstrtab.size() + 7) / 8 * 8;
  const uint64_t vaddr = 0x10000;

  b.append("\x7f" "ELF", 4);
  b.push_back(is64 ? 2 : 1);
  b.push_back(big_endian ? 2 : 1);
  b.push_back(1);
  b.append(9, '\0');
  put(2, 2);                       // ET_EXEC
  put(is64 ? 62 : 40, 2);          // EM_X86_64 / EM_ARM
  put(1, 4);                       // EV_CURRENT
  put(vaddr + f.text_offset, word);  // e_entry
  put(f.phoff, word);
  put(f.shoff, word);
  put(0, 4);                       // e_flags
  put(ehsize, 2);
  put(f.phentsize, 2);
  put(1, 2);
  put(f.shentsize, 2);
  put(3, 2);
  put(2, 2);                       // e_shstrndx

  // PT_LOAD R+X over the whole file.
  const uint64_t file_size = f.shoff + 3 * f.shentsize;
  put(1, 4);
  if (is64) {
    put(5, 4), put(0, 8), put(vaddr, 8), put(vaddr, 8), put(file_size, 8), put(file_size, 8), put(0x1000, 8);
  } else {
    put(0, 4), put(vaddr, 4), put(vaddr, 4), put(file_size, 4), put(file_size, 4), put(5, 4), put(0x1000, 4);
  }
  for (int i = 0; i < 16; ++i) b.push_back(static_cast<char>(0x90 + i));
  b += shstrtab;
  b.resize(f.shoff, '\0');

  auto section = [&](uint32_t name, uint32_t type, uint64_t flags, uint64_t addr, uint64_t offset, uint64_t size) {
    put(name, 4), put(type, 4), put(flags, word), put(addr, word), put(offset, word), put(size, word);
    put(0, 4), put(0, 4), put(1, word), put(0, word);
  };
  section(0, 0, 0, 0, 0, 0);
  section(1, 1 /*PROGBITS*/, 0x6 /*ALLOC|EXECINSTR*/, vaddr + f.text_offset, f.text_offset, 16);
  section(7, 3 /*STRTAB*/, 0, 0, shstrtab_offset, shstrtab.size());
  return f;
}

// Writes an unsigned value into bytes at offset in the file's byte order.
inline void poke(std::string& bytes, size_t offset, uint64_t v, size_t n, bool big_endian) {
  for (size_t i = 0; i < n; ++i) {
    const size_t shift = big_endian ? (n - 1 - i) * 8 : i * 8;
    bytes[offset + i] = static_cast<char>((v >> shift) & 0xFF);
  }
}

}  // namespace mdbc::binary::test
