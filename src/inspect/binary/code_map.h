#pragma once
// The functions of an ELF file's code and the direct calls between them, read from the machine
// code itself so that rules can tell what the program's own functions do from what the C library
// linked into a static executable does.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/huge_pages.h"
#include "inspect/binary/canary_code.h"
#include "inspect/binary/elf_file.h"

namespace mdbc::binary {

// Instruction sets whose code this map reads (others get functions from symbols, nothing more).
enum class CodeArch { other, x86_64, x86, thumb };

struct CodeFunction {
  uint64_t address = 0;  // Thumb bit clear
  uint64_t size = 0;
  std::string_view name;  // a symbol at its address; empty in stripped files
  std::string_view code;
  bool fragment = false;       // a part of another function moved out of line (foo.cold), not an entry
  bool guard = false;          // carries a stack-protector guard (x86: guard load; Thumb: full check)
};

// What a function calls directly.
struct FunctionCalls {
  std::vector<uint32_t> callees;        // functions (indices), sorted
  std::vector<std::string_view> names;  // every name of what it calls (symbols, PLT imports), sorted
};

class CodeMap {
 public:
  explicit CodeMap(const ElfFile& elf);  // throws ByteRangeError on malformed unwind tables

  CodeArch arch() const { return arch_; }
  std::span<const CodeFunction> functions() const { return functions_; }
  const CodeFunction* function_containing(uint64_t address) const;
  // The direct calls of one of functions(), read only where rules use them (see reads_calls);
  // elsewhere none. Kept apart from the functions, which large files have hundreds of thousands of.
  const FunctionCalls& calls(const CodeFunction& f) const;

  // The program's own functions (indices). In a static executable (no program interpreter) they
  // are the functions reachable from main by direct calls that lie below the C library's start
  // routine (the function _start calls): the linker places the program's objects before the
  // archive members it pulls from libc.a. When main cannot be found they are all functions, and
  // own_from_main() is false. In every other file they are all functions.
  const std::vector<uint32_t>& own() const { return own_; }
  bool own_from_main() const { return own_from_main_; }
  bool static_executable() const { return static_executable_; }

  // Whether the direct calls of the functions were read: in static executables, whose own code is
  // told from the C library's by them, and in firmware, whose calls of the stack-protector handler
  // show its use. A dynamically linked file's imports tell what it calls.
  bool reads_calls() const { return reads_calls_; }

  // x86-64: the calls rel32 in one of functions() that land on a function or a PLT stub whose name
  // is one of `names`, as offsets in its code.
  std::vector<size_t> calls_to(const CodeFunction& f, std::span<const std::string_view> names) const;

  // Thumb stack-protector checks found in the code, whatever function they are in.
  std::span<const ThumbCanaryCheck> thumb_checks() const { return thumb_checks_; }

 private:
  struct Region {
    uint64_t address;
    std::string_view bytes;
  };
  void find_functions(const ElfFile& elf, std::span<const Region> regions);
  void find_plt(const ElfFile& elf);
  void find_calls();
  void find_own(const ElfFile& elf);
  void names_at(uint64_t address, std::vector<std::string_view>& out) const;

  CodeArch arch_ = CodeArch::other;
  HugePageVector<CodeFunction> functions_;  // sorted by address (ET_REL: by section, then address)
  std::vector<FunctionCalls> calls_;      // for each function when reads_calls_, else empty
  HugePageVector<std::pair<uint64_t, std::string_view>> symbol_names_;  // defined functions by address
  std::vector<std::pair<uint64_t, std::string_view>> plt_;  // PLT stub address -> what it jumps to
  std::vector<std::pair<uint64_t, std::string_view>> got_;  // GOT slot address -> what it holds
  std::vector<ThumbCanaryCheck> thumb_checks_;
  std::vector<uint32_t> own_;
  bool own_from_main_ = false;
  bool static_executable_ = false;
  bool relocatable_ = false;
  bool reads_calls_ = false;
};

}  // namespace mdbc::binary
