// CODE-1 on executables and firmware: banned functions imported (undefined dynamic symbols, or an
// object file's undefined references) or linked in (defined in a firmware image's symbol table;
// in a static Linux executable, called from the program's own code, since the C library linked
// into every static executable uses some of them itself).
#include <elf.h>

#include <map>

#include "inspect/banned_list.h"
#include "inspect/binary/binary_rule.h"
#include "inspect/binary/code_map.h"
#include "inspect/binary/hardening.h"

namespace mdbc::binary {
namespace {

// The banned function a symbol stands for: its own name, or the function a fortified variant
// checks (__strcpy_chk is still strcpy, with an abort instead of an overflow). Conditional bans
// (the scanf family) need the format string and are left to the source stage.
std::string_view banned_name(std::string_view symbol, const BannedFunction*& entry) {
  std::string_view name = symbol;
  if (name.starts_with("__") && name.ends_with("_chk")) {
    while (name.starts_with("_")) name.remove_prefix(1);
    name.remove_suffix(4);
  }
  entry = banned_function(name);
  if (entry == nullptr || entry->conditional) return {};
  return name;
}

class BannedImportsRule final : public BinaryRule {
 public:
  RuleFamily family() const override {
    return {"banned-imports", InputKind::binary, {"CODE-1/banned-import", "CODE-1/banned-linked"}};
  }

  void check(const Artifact& a, std::vector<Finding>& out, std::vector<Component>&, nlohmann::ordered_json&) const override {
    if (a.elf == nullptr) return;
    const ElfFile& elf = *a.elf;
    const ElfRole role = elf_role(elf);
    if (role == ElfRole::core || role == ElfRole::debug_info) return;
    // Each banned function once per file, with the symbol that showed it.
    std::map<std::string_view, std::pair<std::string_view, uint64_t>> imported, linked;
    const BannedFunction* entry = nullptr;
    const bool static_program = role == ElfRole::program && a.code->static_executable();
    if (role == ElfRole::firmware) {
      for (const auto& s : elf.symbols())
        if (s.defined() && s.function())
          if (const auto name = banned_name(s.name, entry); !name.empty()) linked.try_emplace(name, s.name, file_offset(elf, s));
    } else if (static_program) {
      if (a.code->own_from_main())
        for (uint32_t i : a.code->own())
          for (std::string_view callee : a.code->calls(a.code->functions()[i]).names)
            if (const auto name = banned_name(callee, entry); !name.empty()) linked.try_emplace(name, callee, 0);
    } else {
      const bool object = role == ElfRole::relocatable;
      for (const auto& s : elf.symbols())
        if (!s.defined() && s.dynamic != object)
          if (const auto name = banned_name(s.name, entry); !name.empty()) imported.try_emplace(name, s.name, 0);
    }
    for (const auto& [name, where] : imported) {
      const BannedFunction* f = banned_function(name);
      out.push_back(a.at(where.second, "CODE-1/banned-import",
                         std::string(name) + " is imported: it " + std::string(f->reason) + "; use " + std::string(f->alternative),
                         "imports " + std::string(where.first), Severity::error));
    }
    for (const auto& [name, where] : linked) {
      const BannedFunction* f = banned_function(name);
      out.push_back(a.at(where.second, "CODE-1/banned-linked",
                         std::string(name) + (static_program ? " is called by the program's own code" : " is linked in") +
                             ": it " + std::string(f->reason) + "; use " + std::string(f->alternative),
                         (static_program ? "calls " : "defines ") + std::string(where.first), Severity::error));
    }
  }

 private:
  // Where a defined symbol's code lies in the file (0 when not file-backed).
  static uint64_t file_offset(const ElfFile& elf, const ElfSymbol& s) {
    if (s.shndx >= elf.sections().size()) return 0;
    const ElfSection& sec = elf.sections()[s.shndx];
    const uint64_t value = elf.machine() == EM_ARM ? s.value & ~uint64_t{1} : s.value;
    if (sec.contents.empty() || value < sec.addr || value - sec.addr >= sec.size) return 0;
    return sec.offset + (value - sec.addr);
  }
};

MDBC_BINARY_RULE(BannedImportsRule)

}  // namespace
}  // namespace mdbc::binary
