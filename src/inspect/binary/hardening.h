#pragma once
// What an ELF file is (program, object, firmware, core dump) and how it is hardened (HARD-1),
// decided from what the file does: its headers, dynamic section, symbols and code.
#include <string>
#include <vector>

#include "inspect/binary/code_map.h"
#include "inspect/binary/elf_file.h"

namespace mdbc::binary {

enum class ElfRole {
  program,      // a Linux (or other hosted) executable or shared library
  relocatable,  // an object file (ET_REL): not a program until linked
  firmware,     // a bare-metal or RTOS executable: no interpreter, no operating-system ABI marks
  core,         // a core dump
  debug_info,   // a separate debug-information file (objcopy --only-keep-debug): headers, no code
};

// An executable without an interpreter is hosted when something in it was made for an operating
// system: a dynamic section, an OS ABI in the header, a GNU ABI tag note, or the stack and RELRO
// segments that only a hosted loader (or C library) acts on.
ElfRole elf_role(const ElfFile& elf);

// The HARD-1 facts, each a word of the report (see the keys below) plus what the findings cite.
struct Hardening {
  std::string relro;    // no | partial | full
  std::string canary;   // yes | no | partial
  std::string nx;       // yes | no
  std::string pie;      // yes | no | dso | rel
  std::string fortify;  // yes | no | none-fortifiable
  std::string rpath;    // yes | no
  std::string runpath;  // yes | no

  std::string rwx;      // yes | no

  // Evidence for messages.
  std::string relro_detail;               // what is left writable
  std::vector<std::string> unguarded;     // own functions with stack buffers but no guard (names or addresses)
  size_t guarded = 0;                     // own functions carrying the guard
  bool canary_from_code = false;          // decided from the code rather than from imports
  bool own_from_main = false;             // the program's own functions were found from main
  std::vector<std::string> unfortified;   // fortifiable functions called without a _chk variant
  std::vector<std::string> rwx_segments;  // "segment N at 0x...: sections ..."
  std::string rpath_value, runpath_value;
};

Hardening assess_hardening(const ElfFile& elf, const CodeMap& code);

// Whether `name` is a fortified glibc function (__memcpy_chk, ...), and whether it is a function
// glibc has a fortified variant of (memcpy, ...).
bool is_fortified_function(std::string_view name);
bool is_fortifiable_function(std::string_view name);

// The sections loaded by a segment (allocated, inside its address range), by name.
std::vector<std::string> sections_in_segment(const ElfFile& elf, const ElfSegment& segment, bool writable_only,
                                             bool executable_only);

// What makes a writable and executable segment so, naming the section responsible: a section that
// is itself writable and executable, executable sections in a segment of data (code placed in RAM),
// or writable sections sharing a segment with code (such as a vector table left non-const).
std::string rwx_cause(const ElfFile& elf, const ElfSegment& segment);

}  // namespace mdbc::binary
