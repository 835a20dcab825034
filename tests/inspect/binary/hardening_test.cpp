#include "inspect/binary/hardening.h"

#include <elf.h>
#include <gtest/gtest.h>

#include <fstream>

#include "inspect/binary/elf_test_file.h"
#include "support/binary_corpus.h"

namespace mdbc::binary {
namespace {

TEST(Fortify, KnowsGlibcsCheckedFunctions) {
  EXPECT_TRUE(is_fortified_function("__memcpy_chk"));
  EXPECT_TRUE(is_fortified_function("___printf_chk"));  // glibc's alias
  EXPECT_TRUE(is_fortified_function("__longjmp_chk"));
  EXPECT_TRUE(is_fortified_function("__fdelt_chk"));
  EXPECT_FALSE(is_fortified_function("__stack_chk_fail"));
  EXPECT_FALSE(is_fortified_function("__my_own_chk"));
  EXPECT_FALSE(is_fortified_function("memcpy_chk"));
  EXPECT_TRUE(is_fortifiable_function("memcpy"));
  EXPECT_TRUE(is_fortifiable_function("snprintf"));
  EXPECT_FALSE(is_fortifiable_function("strlen"));
  EXPECT_FALSE(is_fortifiable_function("__memcpy_chk"));
}

// An executable without an interpreter is firmware unless something in it was made for an
// operating system (here: the GNU/Linux OS ABI in its header).
TEST(ElfRole, TellsFirmwareFromHostedPrograms) {
  auto f = test::make_elf(false, false);
  EXPECT_EQ(elf_role(ElfFile(f.bytes, "fw.elf")), ElfRole::firmware);
  f.bytes[EI_OSABI] = ELFOSABI_GNU;
  EXPECT_EQ(elf_role(ElfFile(f.bytes, "linux.elf")), ElfRole::program);
  f.bytes[16] = ET_REL;  // e_type, little-endian
  EXPECT_EQ(elf_role(ElfFile(f.bytes, "x.o")), ElfRole::relocatable);
  f.bytes[16] = ET_CORE;
  EXPECT_EQ(elf_role(ElfFile(f.bytes, "core")), ElfRole::core);
}

// objcopy --only-keep-debug keeps the program headers but not the code they load.
TEST(ElfRole, SeparateDebugInformationIsNotAProgram) {
  mdbc::test::BinaryCorpus corpus;
  const auto program = corpus.gcc("prog", mdbc::test::hardening_program, {"-O2", "-g"});
  const auto debug = corpus.dir() / "prog.debug";
  ASSERT_EQ(mdbc::test::run({"objcopy", "--only-keep-debug", program.string(), debug.string()}).exit_code, 0);
  auto slurp = [](const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string{std::istreambuf_iterator<char>(in), {}};
  };
  EXPECT_EQ(elf_role(ElfFile(slurp(program), "prog")), ElfRole::program);
  EXPECT_EQ(elf_role(ElfFile(slurp(debug), "prog.debug")), ElfRole::debug_info);
}

}  // namespace
}  // namespace mdbc::binary
