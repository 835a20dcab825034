#include "inspect/binary/hardening.h"

#include "inspect/binary/canary_code.h"

#include <elf.h>

#include <algorithm>
#include <cstdio>
#include <set>

namespace mdbc::binary {
namespace {

// The functions glibc provides fortified (__<name>_chk) variants of (its debug/ interface, as
// exported by libc.so.6 in glibc 2.36). _FORTIFY_SOURCE turns calls of these into the variants
// when the compiler knows the size of the destination.
constexpr std::string_view fortifiable[] = {
    "asprintf", "confstr", "dprintf", "explicit_bzero", "fgets", "fgets_unlocked", "fgetws", "fgetws_unlocked",
    "fprintf", "fread", "fread_unlocked", "fwprintf", "getcwd", "getdomainname", "getgroups", "gethostname",
    "getlogin_r", "gets", "getwd", "longjmp", "mbsnrtowcs", "mbsrtowcs", "mbstowcs", "memcpy", "memmove", "mempcpy",
    "memset", "obstack_printf", "obstack_vprintf", "poll", "ppoll", "pread", "pread64", "printf", "ptsname_r",
    "read", "readlink", "readlinkat", "realpath", "recv", "recvfrom", "siglongjmp", "snprintf", "sprintf", "stpcpy",
    "stpncpy", "strcat", "strcpy", "strncat", "strncpy", "swprintf", "syslog", "ttyname_r", "vasprintf", "vdprintf",
    "vfprintf", "vfwprintf", "vprintf", "vsnprintf", "vsprintf", "vswprintf", "vsyslog", "vwprintf", "wcpcpy",
    "wcpncpy", "wcrtomb", "wcscat", "wcscpy", "wcsncat", "wcsncpy", "wcsnrtombs", "wcsrtombs", "wcstombs", "wctomb",
    "wmemcpy", "wmemmove", "wmempcpy", "wmemset", "wprintf",
};
static_assert(std::is_sorted(std::begin(fortifiable), std::end(fortifiable)));

// Names whose presence shows the stack protector is used: the failure handler and the guard
// (GCC, Clang; __stack_chk_fail_local in 32-bit x86 PIC code) and Intel's compiler's cookie.
bool is_canary_symbol(std::string_view name) {
  return name == "__stack_chk_fail" || name == "__stack_chk_guard" || name == "__stack_chk_fail_local" ||
         name == "__intel_security_cookie";
}

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

std::string function_label(const CodeFunction& f) { return f.name.empty() ? "function at " + hex(f.address) : std::string(f.name); }

// glibc's static start-up (_dl_non_dynamic_init calls _dl_protect_relro): its symbol, or in a
// stripped executable the name of the tunables variable the same start-up reads.
bool glibc_static_startup(const ElfFile& elf) {
  for (const auto& s : elf.symbols())
    if (s.name == "_dl_protect_relro" || s.name == "_dl_relocate_static_pie") return true;
  return elf.bytes().find("GLIBC_TUNABLES") != std::string_view::npos;
}

std::string relro(const ElfFile& elf, const CodeMap& code, std::string& detail) {
  const ElfSegment* seg = elf.segment(PT_GNU_RELRO);
  if (seg == nullptr) {
    detail = "no PT_GNU_RELRO segment: relocated data and the GOT stay writable";
    return "no";
  }
  if (!code.static_executable() || elf.sections().empty()) {
    // The dynamic loader protects the RELRO segment; the lazily bound part of the GOT stays
    // writable unless binding is immediate.
    if (elf.dynamic().bind_now()) return "full";
    detail = "PT_GNU_RELRO without immediate binding (BIND_NOW): the PLT's GOT stays writable";
    return "partial";
  }
  // A static executable binds everything at start-up and its C library then protects the RELRO
  // segment; what stays writable is whatever GOT lies outside it (the IRELATIVE slots of .got.plt
  // unless linked with -z now). Only glibc's start-up does so: musl's, and programs linked without
  // a C library (valgrind's tools, boot helpers), leave the segment writable.
  if (!glibc_static_startup(elf)) {
    detail = "PT_GNU_RELRO, but no start-up code that protects it (a static executable without glibc)";
    return "no";
  }
  for (const char* name : {".got", ".got.plt"}) {
    const ElfSection* got = elf.section(name);
    if (got == nullptr || got->size == 0) continue;
    if (got->addr < seg->vaddr || got->addr - seg->vaddr > seg->memsz || got->size > seg->memsz - (got->addr - seg->vaddr)) {
      detail = std::string(name) + " (" + std::to_string(got->size) + " bytes of function pointers) lies outside PT_GNU_RELRO";
      return "partial";
    }
  }
  return "full";
}

std::string pie(const ElfFile& elf) {
  switch (elf.type()) {
    case ET_REL: return "rel";
    case ET_EXEC: return "no";
    case ET_DYN:
      if (elf.dynamic().pie_flag()) return "yes";
      // Linkers before binutils 2.26 set no DF_1_PIE: an executable still has an interpreter and
      // the DT_DEBUG entry only executables get (libc.so.6 has an interpreter but no DT_DEBUG).
      if (elf.interpreter() && elf.dynamic().debug) return "yes";
      return "dso";
    default: return "no";
  }
}

std::string nx(const ElfFile& elf) {
  if (elf.type() == ET_REL) {
    // What the object asks the linker for: .note.GNU-stack without SHF_EXECINSTR is a
    // non-executable stack; an object without the note makes the linker assume an executable one.
    const ElfSection* note = elf.section(".note.GNU-stack");
    return note != nullptr && !note->executable() ? "yes" : "no";
  }
  const ElfSegment* stack = elf.segment(PT_GNU_STACK);
  return stack != nullptr && !stack->executable() ? "yes" : "no";
}

// Imports: undefined dynamic symbols, or in an object file its undefined references.
std::vector<std::string_view> imports(const ElfFile& elf) {
  std::vector<std::string_view> names;
  const bool object = elf.type() == ET_REL;
  for (const auto& s : elf.symbols())
    if (!s.defined() && !s.name.empty() && s.dynamic != object) names.push_back(s.name);
  return names;
}

// What GCC calls for sin(x) and cos(x) of one x (see takes_stack_address_x86_64). glibc's static
// library names the implementation __sincos and gives it the _FloatN aliases too (sincosf64 and
// sincosf32x are sincos, sincosf32 is sincosf, sincosf64x is sincosl): a static executable calls
// it through an IFUNC stub, named after whichever of these symbols its symbol table lists first.
constexpr std::string_view sincos_names[] = {"sincos",    "sincosf",    "sincosl",    "__sincos",   "__sincosf",
                                             "__sincosl", "sincosf32",  "sincosf64",  "sincosf32x", "sincosf64x"};

void canary(const ElfFile& elf, const CodeMap& code, Hardening& h) {
  const bool code_readable = code.arch() != CodeArch::other;
  for (uint32_t i : code.own()) h.guarded += code.functions()[i].guard;
  h.own_from_main = code.own_from_main();
  bool evidence = false;
  if (code.static_executable() && code_readable) {
    // The C library brings __stack_chk_fail whatever the program's flags: only its own code counts.
    evidence = h.guarded > 0;
    h.canary_from_code = true;
  } else if (code.static_executable()) {
    for (const auto& s : elf.symbols()) evidence = evidence || is_canary_symbol(s.name);
  } else {
    for (std::string_view name : imports(elf)) evidence = evidence || is_canary_symbol(name);
    if (!evidence && h.guarded > 0) evidence = true, h.canary_from_code = true;
  }
  if (evidence && h.guarded > 0 && code.arch() == CodeArch::x86_64)
    for (uint32_t i : code.own()) {
      const CodeFunction& f = code.functions()[i];
      // A fragment runs in its parent's frame, whose entry holds the guard check; a function that
      // never returns has no way out to check a guard on.
      if (!f.guard && !f.fragment && takes_stack_address_x86_64(f.code) && !never_returns_x86_64(f.code) &&
          takes_stack_address_x86_64(f.code, code.calls_to(f, sincos_names)))
        h.unguarded.push_back(function_label(f));
    }
  if (!evidence) h.canary = "no";
  else h.canary = h.guarded > 0 && !h.unguarded.empty() ? "partial" : "yes";
}

int32_t rel32(std::string_view code, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(code.data()) + at;
  return static_cast<int32_t>(static_cast<uint32_t>(p[0] | (p[1] << 8) | (p[2] << 16)) | (static_cast<uint32_t>(p[3]) << 24));
}

// A stripped static executable keeps no names, but glibc's fortified functions still share one
// overflow handler, __chk_fail, which passes "buffer overflow detected" to __fortify_fail. The
// handler is the function that loads that message (lea rel32(%rip)); the fortified functions are
// those that call or jump to it; the program is fortified when its own functions call one of them.
// Read for x86-64; elsewhere nothing is claimed.
bool stripped_static_fortified(const ElfFile& elf, const CodeMap& code) {
  const ElfSection* rodata = elf.section(".rodata");
  if (code.arch() != CodeArch::x86_64 || rodata == nullptr) return false;
  const size_t at = rodata->contents.find(std::string_view("buffer overflow detected\0", 25));
  if (at == std::string_view::npos) return false;
  const uint64_t message = rodata->addr + at;
  const auto functions = code.functions();
  std::set<uint64_t> handlers;
  for (const auto& f : functions)
    for (size_t i = f.code.find('\x8D', 1); i != std::string_view::npos; i = f.code.find('\x8D', i + 1)) {
      const auto* p = reinterpret_cast<const unsigned char*>(f.code.data());
      if (i + 6 > f.code.size() || (p[i - 1] != 0x48 && p[i - 1] != 0x4C) || (p[i + 1] & 0xC7) != 0x05) continue;
      if (f.address + i + 6 + static_cast<uint64_t>(static_cast<int64_t>(rel32(f.code, i + 2))) == message) handlers.insert(f.address);
    }
  if (handlers.empty()) return false;
  // call/jmp rel32 (E8, E9) and jcc rel32 (0F 80..8F) into a handler.
  std::set<uint32_t> fortified;
  for (size_t k = 0; k < functions.size(); ++k) {
    const auto& f = functions[k];
    const auto* p = reinterpret_cast<const unsigned char*>(f.code.data());
    for (size_t i = 0; i + 5 <= f.code.size(); ++i) {
      size_t length = 0;
      if (p[i] == 0xE8 || p[i] == 0xE9) length = 5;
      else if (p[i] == 0x0F && i + 6 <= f.code.size() && (p[i + 1] & 0xF0) == 0x80) length = 6;
      if (length == 0) continue;
      const uint64_t target = f.address + i + length + static_cast<uint64_t>(static_cast<int64_t>(rel32(f.code, i + length - 4)));
      if (handlers.count(target)) {
        fortified.insert(static_cast<uint32_t>(k));
        break;
      }
    }
  }
  for (uint32_t i : code.own())
    for (uint32_t callee : code.calls(functions[i]).callees)
      if (fortified.count(callee) && !handlers.count(functions[callee].address)) return true;
  return false;
}

void fortify(const ElfFile& elf, const CodeMap& code, Hardening& h) {
  std::set<std::string_view> called;
  bool chk = false;
  if (code.static_executable()) {
    if (!elf.has_symtab()) {
      h.fortify = stripped_static_fortified(elf, code) ? "yes" : "no";
      return;
    }
    for (uint32_t i : code.own())
      for (std::string_view name : code.calls(code.functions()[i]).names) called.insert(name);
    if (code.arch() == CodeArch::other)
      for (const auto& s : elf.symbols())
        if (s.defined() && s.function()) called.insert(s.name);
  } else {
    for (std::string_view name : imports(elf)) called.insert(name);
  }
  std::set<std::string> unfortified;
  for (std::string_view name : called) {
    if (is_fortified_function(name)) chk = true;
    else if (is_fortifiable_function(name)) unfortified.emplace(name);
  }
  h.unfortified.assign(unfortified.begin(), unfortified.end());
  h.fortify = chk ? "yes" : unfortified.empty() ? "none-fortifiable" : "no";
}

}  // namespace

ElfRole elf_role(const ElfFile& elf) {
  switch (elf.type()) {
    case ET_REL: return ElfRole::relocatable;
    case ET_CORE: return ElfRole::core;
    default: break;
  }
  // Code segments that load nothing from the file: the program's headers kept beside its debug
  // information, without the program.
  bool code_segment = false, code_in_file = false;
  for (const auto& s : elf.segments())
    if (s.type == PT_LOAD && s.executable()) code_segment = true, code_in_file = code_in_file || s.filesz > 0;
  if (code_segment && !code_in_file) return ElfRole::debug_info;
  if (elf.type() == ET_DYN) return ElfRole::program;
  if (elf.interpreter() || elf.dynamic().present || elf.os_abi() == ELFOSABI_GNU ||
      elf.has_note("GNU", NT_GNU_ABI_TAG) || elf.segment(PT_GNU_STACK) != nullptr || elf.segment(PT_GNU_RELRO) != nullptr)
    return ElfRole::program;
  return ElfRole::firmware;
}

bool is_fortifiable_function(std::string_view name) {
  return std::binary_search(std::begin(fortifiable), std::end(fortifiable), name);
}

bool is_fortified_function(std::string_view name) {
  // glibc's aliases add underscores (___printf_chk); __longjmp_chk fortifies longjmp and
  // siglongjmp; __fdelt_chk fortifies the FD_SET family.
  if (!name.starts_with("__") || !name.ends_with("_chk")) return false;
  while (name.starts_with("_")) name.remove_prefix(1);
  name.remove_suffix(4);
  return name == "fdelt" || is_fortifiable_function(name);
}

std::vector<std::string> sections_in_segment(const ElfFile& elf, const ElfSegment& segment, bool writable_only,
                                             bool executable_only) {
  std::vector<std::string> names;
  for (const auto& s : elf.sections()) {
    if (!s.alloc() || s.size == 0 || s.addr < segment.vaddr || s.addr - segment.vaddr >= segment.memsz) continue;
    if ((writable_only && !s.writable()) || (executable_only && !s.executable())) continue;
    names.push_back(s.name);
  }
  return names;
}

std::string rwx_cause(const ElfFile& elf, const ElfSegment& segment) {
  auto join = [](const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) s += (i ? ", " : "") + names[i];
    return s;
  };
  std::vector<std::string> both;
  for (const auto& s : elf.sections())
    if (s.alloc() && s.writable() && s.executable() && s.size > 0 && s.addr >= segment.vaddr &&
        s.addr - segment.vaddr < segment.memsz)
      both.push_back(s.name);
  if (!both.empty())
    return std::string(both.size() > 1 ? "sections " : "section ") + join(both) +
           " both writable and executable (code placed in writable memory)";
  const auto writable = sections_in_segment(elf, segment, true, false);
  const auto executable = sections_in_segment(elf, segment, false, true);
  // A segment with zero-initialised data (memory beyond its file contents) is a data segment: code
  // is what is out of place there. Elsewhere the writable sections are.
  if (segment.memsz > segment.filesz && !executable.empty())
    return std::string(executable.size() > 1 ? "executable sections " : "executable section ") + join(executable) +
           " in a segment of writable data" + (writable.empty() ? "" : " (" + join(writable) + ")") +
           ": code placed in RAM";
  if (!writable.empty() && !executable.empty())
    return std::string(writable.size() > 1 ? "writable sections " : "writable section ") + join(writable) +
           " in the same segment as executable " + join(executable);
  return "segment flags RWX";
}

Hardening assess_hardening(const ElfFile& elf, const CodeMap& code) {
  Hardening h;
  h.relro = elf.type() == ET_REL ? "no" : relro(elf, code, h.relro_detail);
  if (elf.type() == ET_REL) h.relro_detail = "an object file: RELRO is decided when it is linked";
  canary(elf, code, h);
  h.nx = nx(elf);
  h.pie = pie(elf);
  fortify(elf, code, h);
  const ElfDynamic& d = elf.dynamic();
  h.rpath = d.rpath ? "yes" : "no";
  h.runpath = d.runpath ? "yes" : "no";
  if (d.rpath) h.rpath_value = *d.rpath;
  if (d.runpath) h.runpath_value = *d.runpath;
  for (size_t i = 0; i < elf.segments().size(); ++i) {
    const ElfSegment& s = elf.segments()[i];
    if (s.type != PT_LOAD || !s.writable() || !s.executable()) continue;
    h.rwx_segments.push_back("segment " + std::to_string(i) + " at " + hex(s.vaddr) + ": " + rwx_cause(elf, s));
  }
  h.rwx = h.rwx_segments.empty() ? "no" : "yes";
  return h;
}

}  // namespace mdbc::binary
