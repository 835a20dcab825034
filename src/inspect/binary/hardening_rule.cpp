// HARD-1 on Linux ELF executables and shared libraries: the `hardening` facts of every program and
// object file, and a finding for each protection a program lacks. Object files are not programs:
// their facts say what they will bring to a link (pie "rel"), and they get no findings.
#include <elf.h>

#include "inspect/binary/binary_rule.h"
#include "inspect/binary/hardening.h"

namespace mdbc::binary {
namespace {

std::string list(const std::vector<std::string>& names, size_t max = 5) {
  std::string s;
  for (size_t i = 0; i < names.size() && i < max; ++i) s += (i ? ", " : "") + names[i];
  if (names.size() > max) s += ", and " + std::to_string(names.size() - max) + " more";
  return s;
}

class HardeningRule final : public BinaryRule {
 public:
  RuleFamily family() const override {
    return {"hardening",
            InputKind::binary,
            {"HARD-1/no-relro", "HARD-1/partial-relro", "HARD-1/no-canary", "HARD-1/partial-canary",
             "HARD-1/exec-stack", "HARD-1/no-pie", "HARD-1/no-fortify", "HARD-1/rpath", "HARD-1/runpath",
             "HARD-1/rwx-segment"}};
  }

  void check(const Artifact& a, std::vector<Finding>& out, std::vector<Component>&,
             nlohmann::ordered_json& facts) const override {
    if (a.elf == nullptr) return;
    const ElfRole role = elf_role(*a.elf);
    if (role != ElfRole::program && role != ElfRole::relocatable) return;
    const Hardening h = assess_hardening(*a.elf, *a.code);
    facts["hardening"] = {{"relro", h.relro},     {"canary", h.canary},   {"nx", h.nx},           {"pie", h.pie},
                          {"fortify", h.fortify}, {"rpath", h.rpath},     {"runpath", h.runpath}, {"rwx", h.rwx}};
    if (role != ElfRole::program) return;

    auto add = [&](const char* rule, std::string message, std::string evidence) {
      out.push_back(a.at(0, rule, std::move(message), std::move(evidence), Severity::error));
    };
    if (h.relro == "no")
      add("HARD-1/no-relro", "no RELRO: relocated data and the GOT stay writable at run time; link with -Wl,-z,relro,-z,now",
          h.relro_detail);
    else if (h.relro == "partial")
      add("HARD-1/partial-relro", "partial RELRO: " + h.relro_detail + "; link with -Wl,-z,relro,-z,now", "relro=partial");

    const bool static_exe = a.code->static_executable();
    if (h.canary == "no")
      add("HARD-1/no-canary",
          std::string("no stack canary in ") + (static_exe ? "the program's own code (the C library's __stack_chk_fail does not count)" : "the code") +
              "; compile with -fstack-protector-strong",
          static_exe ? "no guard check in " + std::string(h.own_from_main ? "the functions reachable from main" : "the code")
                     : "no __stack_chk_fail import and no guard check in the code");
    else if (h.canary == "partial")
      add("HARD-1/partial-canary",
          "stack canary in " + std::to_string(h.guarded) + " of the program's functions but not in " +
              std::to_string(h.unguarded.size()) + " other" + (h.unguarded.size() == 1 ? "" : "s") +
              " with stack buffers; compile every file with -fstack-protector-strong",
          "unprotected: " + list(h.unguarded));

    if (h.nx == "no") {
      const ElfSegment* stack = a.elf->segment(PT_GNU_STACK);
      add("HARD-1/exec-stack",
          "executable stack: link with -Wl,-z,noexecstack and give every assembly file a .note.GNU-stack section",
          stack == nullptr ? "no PT_GNU_STACK segment (the kernel then makes the stack executable)" : "PT_GNU_STACK is executable");
    }
    if (h.pie == "no")
      add("HARD-1/no-pie", "not position-independent: its code loads at a fixed address; compile with -fPIE and link with -pie",
          "ELF type EXEC");
    if (h.fortify == "no")
      add("HARD-1/no-fortify",
          "calls functions glibc can check for buffer overflows, but none of the checked (_chk) variants; compile with -O2 "
          "-D_FORTIFY_SOURCE=2 (or 3)",
          "unchecked: " + list(h.unfortified));
    if (h.rpath == "yes")
      add("HARD-1/rpath",
          "DT_RPATH makes the loader search for libraries in the listed directories first; link without -Wl,-rpath and "
          "install libraries in the system's library directories",
          "RPATH " + h.rpath_value);
    if (h.runpath == "yes")
      add("HARD-1/runpath",
          "DT_RUNPATH makes the loader search for libraries in the listed directories; link without -Wl,-rpath and "
          "install libraries in the system's library directories",
          "RUNPATH " + h.runpath_value);
    for (const auto& seg : h.rwx_segments)
      add("HARD-1/rwx-segment",
          "a loadable segment is both writable and executable: keep code and data in separate segments (do not link "
          "with -Wl,--omagic or -N, or with a linker script that puts code and data in one segment)",
          seg);
  }
};

MDBC_BINARY_RULE(HardeningRule)

}  // namespace
}  // namespace mdbc::binary
