#pragma once
// Test corpus of executables and firmware, built at test time with the toolchains that
// scripts/install-deps.sh installs (gcc, gcc-arm-none-eabi with newlib): small C programs with each
// hardening flag on and off, and Cortex-M firmware as .elf, .bin and .hex. Each build is made once
// per corpus object; a failing compiler throws with its messages.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/run.h"

namespace mdbc::test {

// A C program with stack buffers in main and in two helpers, calling fortifiable functions
// (strcpy, snprintf, printf) with destinations of known size. -DUNPROTECTED_HELPER exempts one
// helper from the stack protector (a partially protected program).
extern const char* const hardening_program;

// A shared library that defines (exports) __memcpy_chk and __stack_chk_fail itself, as a C
// library does, without being built with FORTIFY or the stack protector.
extern const char* const chk_exporting_library;

// Cortex-M firmware: a vector table, a reset handler copying .data, and functions with stack
// buffers. -DWRITABLE_VECTORS leaves the vector table non-const; -DRAM_FUNCTION places a function
// in RAM (.data); -DBANNED_CALL makes it call strcpy.
extern const char* const firmware_program;
// Flash at 0x08000000, RAM at 0x20000000 (an STM32-like part).
extern const char* const cortex_m_linker_script;

class BinaryCorpus {
 public:
  const std::filesystem::path& dir() const { return dir_.path(); }

  // gcc `flags` source.c -o name (source written to name.c). Cached by name.
  std::filesystem::path gcc(const std::string& name, const std::string& source, const std::vector<std::string>& flags);

  struct Firmware {
    std::filesystem::path elf, bin, hex;
  };
  // arm-none-eabi-gcc -mcpu=cortex-m4 -mthumb -Os `flags` with newlib (nano) and the corpus linker
  // script, then objcopy to .bin and .hex. Cached by name.
  Firmware cortex_m(const std::string& name, const std::string& source, const std::vector<std::string>& flags);

 private:
  TempDir dir_;
  std::map<std::string, std::filesystem::path> built_;
  std::map<std::string, Firmware> firmware_;
};

}  // namespace mdbc::test
