#include "inspect/binary/elf_file.h"

#include <elf.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/error.h"
#include "inspect/binary/byte_reader.h"
#include "inspect/binary/code_map.h"
#include "inspect/binary/elf_test_file.h"
#include "support/binary_corpus.h"

namespace mdbc::binary {
namespace {

using test::make_elf;
using test::poke;

struct Layout {
  bool is64, big_endian;
};
constexpr Layout layouts[] = {{false, false}, {false, true}, {true, false}, {true, true}};

// Offsets of header fields that differ between the classes.
struct Fields {
  size_t phoff, shoff, phnum, shentsize, shnum, shstrndx;  // in the ELF header
  size_t sh_offset, sh_size, sh_name, sh_info, sh_link;     // in a section header
  size_t word;
};
Fields fields(bool is64) {
  if (is64) return {32, 40, 56, 58, 60, 62, 24, 32, 0, 44, 40, 8};
  return {28, 32, 44, 46, 48, 50, 16, 20, 0, 28, 24, 4};
}

// The message of the InputError parsing throws, or "" when it parses.
std::string parse_error(const std::string& bytes) {
  try {
    const ElfFile elf(bytes, "f.elf");
    return "";
  } catch (const InputError& e) {
    return e.what();
  }
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(ElfFile, ReadsAllFourLayouts) {
  for (const Layout l : layouts) {
    const auto f = make_elf(l.is64, l.big_endian);
    const ElfFile elf(f.bytes, "f.elf");
    EXPECT_EQ(elf.is64(), l.is64);
    EXPECT_EQ(elf.big_endian(), l.big_endian);
    EXPECT_EQ(elf.type(), ET_EXEC);
    EXPECT_EQ(elf.machine(), l.is64 ? EM_X86_64 : EM_ARM);
    ASSERT_EQ(elf.segments().size(), 1u);
    EXPECT_EQ(elf.segments()[0].type, static_cast<uint32_t>(PT_LOAD));
    EXPECT_TRUE(elf.segments()[0].executable());
    EXPECT_FALSE(elf.segments()[0].writable());
    const ElfSection* text = elf.section(".text");
    ASSERT_NE(text, nullptr);
    EXPECT_TRUE(text->executable());
    EXPECT_EQ(text->contents, f.bytes.substr(f.text_offset, 16));
    EXPECT_EQ(elf.at_address(0x10000 + f.text_offset, 4), f.bytes.substr(f.text_offset, 4));
    EXPECT_FALSE(elf.interpreter());
  }
}

TEST(ElfFile, EveryTruncationIsAnInputErrorNamingTheFile) {
  for (const Layout l : layouts) {
    const auto f = make_elf(l.is64, l.big_endian);
    for (size_t n = 0; n < f.bytes.size(); ++n) {
      const std::string error = parse_error(f.bytes.substr(0, n));
      ASSERT_FALSE(error.empty()) << "prefix of " << n << " bytes parsed";
      EXPECT_TRUE(error.starts_with("f.elf: ")) << error;
    }
  }
}

TEST(ElfFile, RejectsHostileHeaderFields) {
  for (const Layout l : layouts) {
    const Fields o = fields(l.is64);
    const auto f = make_elf(l.is64, l.big_endian);
    auto with = [&](size_t at, uint64_t v, size_t n) {
      std::string b = f.bytes;
      poke(b, at, v, n, l.big_endian);
      return parse_error(b);
    };
    const size_t text_header = f.shoff + f.shentsize;
    EXPECT_NE(with(o.shoff, f.bytes.size(), o.word).find("section header table lies outside the file"), std::string::npos);
    EXPECT_NE(with(o.shnum, 0xFFFF, 2).find("section header table lies outside the file"), std::string::npos);
    EXPECT_NE(with(o.phoff, ~uint64_t{0} >> (l.is64 ? 0 : 32), o.word).find("program header table"), std::string::npos);
    EXPECT_NE(with(o.shentsize, 12, 2).find("section header size 12 is wrong"), std::string::npos);
    EXPECT_NE(with(o.shstrndx, 7, 2).find("section name table index 7 out of range"), std::string::npos);
    // Extended numbering: counts taken from section header 0 must fit too.
    {
      std::string b = f.bytes;
      poke(b, o.shnum, 0, 2, l.big_endian);
      poke(b, f.shoff + o.sh_size, 0x7FFFFFFF, o.word, l.big_endian);
      EXPECT_NE(parse_error(b).find("section header table"), std::string::npos);
      b = f.bytes;
      poke(b, o.phnum, PN_XNUM, 2, l.big_endian);
      poke(b, f.shoff + o.sh_info, 0xFFFFFFF, 4, l.big_endian);
      EXPECT_NE(parse_error(b).find("program header table"), std::string::npos);
    }
    EXPECT_NE(with(text_header + o.sh_offset, f.bytes.size() - 8, o.word).find("section 1 (.text) lies outside the file"),
              std::string::npos);
    EXPECT_NE(with(text_header + o.sh_size, ~uint64_t{0} >> (l.is64 ? 0 : 32), o.word).find("(.text) lies outside"),
              std::string::npos);
    EXPECT_NE(with(text_header + o.sh_offset, f.text_offset + 16, o.word).find("sections .text and .shstrtab overlap"),
              std::string::npos);
    EXPECT_NE(with(text_header + o.sh_name, 0xFFFF, 4).find("name outside the section name table"), std::string::npos);
    EXPECT_NE(with(4, 3, 1).find("unknown ELF class 3"), std::string::npos);
    EXPECT_NE(with(5, 0, 1).find("unknown ELF byte order 0"), std::string::npos);
    // A segment reaching past the end of the file.
    EXPECT_NE(with(f.phoff + (l.is64 ? 32 : 16), f.bytes.size() + 1, o.word).find("segment 0 lies outside the file"),
              std::string::npos);
  }
}

// Every byte of the file set to each of a few extreme values: parsing either succeeds or reports
// an InputError; nothing else may happen (under the sanitizer build: no invalid access either).
TEST(ElfFile, SurvivesEverySingleByteCorruption) {
  for (const Layout l : layouts) {
    const auto f = make_elf(l.is64, l.big_endian);
    for (size_t i = 0; i < f.bytes.size(); ++i)
      for (const unsigned char v : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
        std::string b = f.bytes;
        b[i] = static_cast<char>(v);
        try {
          const ElfFile elf(b, "f.elf");
          const CodeMap code(elf);
          (void)code;
        } catch (const InputError&) {
        } catch (const ByteRangeError&) {
        }
      }
  }
}

TEST(ElfFile, ReadsACompiledProgram) {
  mdbc::test::BinaryCorpus corpus;
  const auto path = corpus.gcc("prog", mdbc::test::hardening_program, {"-O2", "-fPIE", "-pie", "-Wl,-z,relro,-z,now"});
  const std::string bytes = slurp(path);
  const ElfFile elf(bytes, "prog");
  EXPECT_EQ(elf.type(), ET_DYN);
  ASSERT_TRUE(elf.interpreter());
  EXPECT_TRUE(elf.interpreter()->starts_with("/lib"));
  EXPECT_TRUE(elf.dynamic().present);
  EXPECT_TRUE(elf.dynamic().pie_flag());
  EXPECT_TRUE(elf.dynamic().bind_now());
  EXPECT_NE(std::find(elf.dynamic().needed.begin(), elf.dynamic().needed.end(), "libc.so.6"), elf.dynamic().needed.end());
  EXPECT_NE(elf.segment(PT_GNU_RELRO), nullptr);
  EXPECT_NE(elf.segment(PT_GNU_STACK), nullptr);
  bool main_defined = false, printf_imported = false;
  for (const auto& s : elf.symbols()) {
    if (s.name == "main" && s.defined() && !s.dynamic) main_defined = true;
    if (s.name == "printf" && !s.defined() && s.dynamic) printf_imported = true;
  }
  EXPECT_TRUE(main_defined);
  EXPECT_TRUE(printf_imported);
  EXPECT_TRUE(elf.has_note("GNU", NT_GNU_ABI_TAG));
  // The PLT's relocations name what they bind.
  bool printf_relocation = false;
  for (const auto& r : elf.relocations()) printf_relocation = printf_relocation || (r.symbol && r.symbol->name == "printf");
  EXPECT_TRUE(printf_relocation);
}

TEST(ElfFile, ReadsABigEndianArmObject) {
  mdbc::test::TempDir dir;
  const auto src = dir.write("be.c", "int answer(int x) { return x * 42; }\n");
  const auto obj = dir.path() / "be.o";
  const auto r = mdbc::test::run({"arm-none-eabi-gcc", "-mbig-endian", "-O2", "-c", src.string(), "-o", obj.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string bytes = slurp(obj);
  const ElfFile elf(bytes, "be.o");
  EXPECT_FALSE(elf.is64());
  EXPECT_TRUE(elf.big_endian());
  EXPECT_EQ(elf.type(), ET_REL);
  EXPECT_EQ(elf.machine(), EM_ARM);
  bool found = false;
  for (const auto& s : elf.symbols()) found = found || (s.name == "answer" && s.defined() && s.type == STT_FUNC);
  EXPECT_TRUE(found);
}

// The system's own executables and libraries are well-formed: none may be refused.
TEST(ElfFile, ReadsTheSystemsExecutablesAndLibraries) {
  size_t parsed = 0;
  for (const char* dir : {"/usr/bin", "/usr/lib/x86_64-linux-gnu"}) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
      if (!e.is_regular_file(ec) || e.is_symlink(ec) || e.file_size(ec) > (32u << 20)) continue;
      const std::string bytes = slurp(e.path());
      if (!ElfFile::has_magic(bytes)) continue;
      EXPECT_NO_THROW({
        const ElfFile elf(bytes, e.path().string());
        const CodeMap code(elf);
      }) << e.path();
      if (++parsed >= 400) break;
    }
  }
  EXPECT_GT(parsed, 50u);
}

}  // namespace
}  // namespace mdbc::binary
