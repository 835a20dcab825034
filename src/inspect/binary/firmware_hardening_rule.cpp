// HARD-2 on bare-metal and RTOS firmware (ELF executables made for no operating system, Intel HEX
// and raw images): the stack protector read from the code, segments both writable and executable
// (naming the section that made them so), and debug sections left in the image.
#include <elf.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "inspect/binary/binary_rule.h"
#include "inspect/binary/code_map.h"
#include "inspect/binary/hardening.h"

namespace mdbc::binary {
namespace {

std::string hex(uint64_t v) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

uint32_t le32(std::string_view b, size_t at) {
  const auto* p = reinterpret_cast<const unsigned char*>(b.data()) + at;
  return static_cast<uint32_t>(p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24));
}

// Whether an image starts like an ARMv6-M/v7-M/v8-M vector table: an aligned initial stack
// pointer in the SRAM regions of the architecture's memory map (0x10000000 up to 0x40000000, which
// covers the parts that put RAM below 0x20000000), then reset, NMI and HardFault handlers in the code
// region (below 0x20000000) with the Thumb bit set, close to one another.
bool looks_like_cortex_m(std::span<const Region> regions) {
  if (regions.empty() || regions.front().bytes.size() < 16) return false;
  const std::string_view v = regions.front().bytes;
  const uint32_t sp = le32(v, 0), reset = le32(v, 4);
  if ((sp & 3) != 0 || sp < 0x10000000u || sp > 0x40000000u) return false;
  const uint64_t span = v.size() + 0x10000;
  for (size_t i = 1; i <= 3; ++i) {
    const uint32_t handler = le32(v, 4 * i);
    if (!(handler & 1) || handler >= 0x20000000u) return false;
    if ((handler > reset ? handler - reset : reset - handler) > span) return false;
  }
  return true;
}

struct StackProtector {
  std::string state;  // yes | no | unknown
  size_t functions = 0;
  std::string evidence;
};

StackProtector from_thumb_code(std::span<const Region> regions) {
  StackProtector sp;
  std::set<uint32_t> handlers;
  for (const auto& r : regions)
    for (const auto& c : find_thumb_canary_checks(r.bytes, r.address)) {
      ++sp.functions;
      handlers.insert(c.handler);
      if (sp.evidence.empty())
        sp.evidence = "guard at " + hex(c.guard) + " checked at " + hex(c.check) + ", failure handler at " + hex(c.handler);
    }
  sp.state = sp.functions > 0 ? "yes" : "no";
  return sp;
}

StackProtector from_elf(const ElfFile& elf, const CodeMap& code) {
  StackProtector sp;
  for (const auto& f : code.functions()) {
    if (f.name.starts_with("__stack_chk")) continue;  // the handler's own wrappers (__stack_chk_fail_local)
    const auto& names = code.calls(f).names;
    const bool calls_handler = std::find(names.begin(), names.end(), "__stack_chk_fail") != names.end();
    if (!f.guard && !calls_handler) continue;
    ++sp.functions;
    if (sp.evidence.empty()) sp.evidence = "guard check in " + (f.name.empty() ? hex(f.address) : std::string(f.name));
  }
  if (sp.functions > 0 || code.arch() != CodeArch::other) {
    sp.state = sp.functions > 0 ? "yes" : "no";
    return sp;
  }
  // Code this inspector cannot read: a reference to the guard or the failure handler shows use.
  if (!elf.has_symtab()) {
    sp.state = "unknown";
    return sp;
  }
  for (const auto& s : elf.symbols())
    if (s.name == "__stack_chk_guard" || s.name == "__stack_chk_fail") {
      sp.state = "yes";
      sp.evidence = "symbol " + std::string(s.name);
      return sp;
    }
  sp.state = "no";
  return sp;
}

class FirmwareHardeningRule final : public BinaryRule {
 public:
  RuleFamily family() const override {
    return {"firmware-hardening",
            InputKind::binary,
            {"HARD-2/no-stack-protector", "HARD-2/rwx-segment", "HARD-2/debug-sections", "HARD-2/undecided"}};
  }

  void check(const Artifact& a, std::vector<Finding>& out, std::vector<Component>&,
             nlohmann::ordered_json& facts) const override {
    if (a.elf != nullptr && elf_role(*a.elf) != ElfRole::firmware) return;
    nlohmann::ordered_json f;
    StackProtector sp;
    if (a.elf != nullptr) {
      sp = from_elf(*a.elf, *a.code);
    } else {
      sp = from_thumb_code(a.regions);
      if (sp.state == "no" && !looks_like_cortex_m(a.regions)) sp.state = "unknown";
    }
    f["stack_protector"] = sp.state;
    if (sp.state == "yes") f["protected_functions"] = sp.functions;
    if (sp.state == "no")
      out.push_back(a.at(0, "HARD-2/no-stack-protector",
                         "no stack-protector check in the code; compile with -fstack-protector-strong and provide "
                         "__stack_chk_guard (set from a random source at boot) and __stack_chk_fail",
                         a.elf != nullptr ? "no function checks a stack guard" : "no guard check in the Thumb code",
                         Severity::error));
    else if (sp.state == "unknown")
      out.push_back(a.at(0, "HARD-2/undecided",
                         "the stack protector could not be checked: the image is not recognised as Cortex-M (Thumb) "
                         "code and carries no symbols; inspect the ELF file it was made from",
                         "", Severity::note));

    if (a.elf != nullptr) {
      check_segments(a, out, f);
      check_debug_sections(a, out, f);
    }
    facts["firmware"] = std::move(f);
  }

 private:
  static void check_segments(const Artifact& a, std::vector<Finding>& out, nlohmann::ordered_json& f) {
    bool rwx = false;
    for (const auto& seg : a.elf->segments()) {
      if (seg.type != PT_LOAD || !seg.writable() || !seg.executable()) continue;
      rwx = true;
      const std::string cause = rwx_cause(*a.elf, seg);
      out.push_back(a.at(seg.offset, "HARD-2/rwx-segment",
                         "loadable segment at " + hex(seg.vaddr) + " is writable and executable: " + cause +
                             "; keep code in read-only memory (const vector table, no functions in .data) or protect "
                             "RAM code with the MPU and link it into its own segment",
                         "segment " + hex(seg.vaddr) + " RWX: " + cause, Severity::error));
    }
    f["rwx"] = rwx ? "yes" : "no";
  }

  static void check_debug_sections(const Artifact& a, std::vector<Finding>& out, nlohmann::ordered_json& f) {
    std::string debug;
    uint64_t offset = 0;
    for (const auto& s : a.elf->sections())
      if ((s.name.starts_with(".debug_") || s.name.starts_with(".zdebug_")) && !s.contents.empty()) {
        if (debug.empty()) offset = s.offset;
        debug += (debug.empty() ? "" : ", ") + s.name;
      }
    f["debug_sections"] = debug.empty() ? "no" : "yes";
    if (debug.empty()) return;
    out.push_back(a.at(offset, "HARD-2/debug-sections",
                       "debug sections left in the firmware image ease reverse engineering and suggest a development "
                       "build; ship the .bin/.hex or strip with objcopy --strip-debug",
                       debug, Severity::warning));
  }
};

MDBC_BINARY_RULE(FirmwareHardeningRule)

}  // namespace
}  // namespace mdbc::binary
