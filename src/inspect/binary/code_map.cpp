#include "inspect/binary/code_map.h"

#include <elf.h>

#include <algorithm>
#include <map>

#include "inspect/binary/byte_reader.h"
#include "inspect/binary/eh_frame.h"
#include "inspect/binary/hardening.h"

namespace mdbc::binary {
namespace {

const unsigned char* ubytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

uint32_t le32(const unsigned char* p) {
  return static_cast<uint32_t>(p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24));
}

bool is_plt_section(std::string_view name) {
  return name == ".plt" || name == ".plt.sec" || name == ".plt.got" || name == ".iplt";
}

template <typename Map>
std::string_view lookup(const Map& sorted, uint64_t key) {
  const auto it = std::lower_bound(sorted.begin(), sorted.end(), std::pair<uint64_t, std::string_view>{key, {}});
  return it != sorted.end() && it->first == key ? it->second : std::string_view{};
}

// What x86-64 glibc's _start does: load main's address into %rdi (mov $imm32 or lea
// rel32(%rip)) and call the C library's start routine.
struct StartCode {
  std::optional<uint64_t> main, libc_start;
};

StartCode decode_start_x86_64(std::string_view code, uint64_t address) {
  StartCode s;
  const unsigned char* p = ubytes(code);
  const size_t n = std::min<size_t>(code.size(), 96);
  for (size_t i = 0; i + 5 <= n; ++i) {
    if (i + 7 <= n && p[i] == 0x48 && p[i + 1] == 0xC7 && p[i + 2] == 0xC7) {
      s.main = static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(le32(p + i + 3))));
      i += 6;
    } else if (i + 7 <= n && p[i] == 0x48 && p[i + 1] == 0x8D && p[i + 2] == 0x3D) {
      s.main = address + i + 7 + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(le32(p + i + 3))));
      i += 6;
    } else if (p[i] == 0xE8 && s.main) {
      s.libc_start = address + i + 5 + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(le32(p + i + 1))));
      break;
    } else if (p[i] == 0xFF && i + 6 <= n && p[i + 1] == 0x15 && s.main) {
      break;  // an indirect call through the GOT: a dynamically linked start routine
    }
  }
  return s;
}

}  // namespace

CodeMap::CodeMap(const ElfFile& elf) {
  relocatable_ = elf.type() == ET_REL;
  static_executable_ = !relocatable_ && !elf.interpreter() &&
                       (elf.type() == ET_EXEC || (elf.type() == ET_DYN && elf.dynamic().pie_flag()));
  switch (elf.machine()) {
    case EM_X86_64: arch_ = CodeArch::x86_64; break;
    case EM_386: arch_ = CodeArch::x86; break;
    case EM_ARM: {
      bool thumb = (elf.entry() & 1) != 0;
      for (const auto& s : elf.symbols())
        if (s.defined() && s.type == STT_FUNC && (s.value & 1)) thumb = true;
      if (thumb) arch_ = CodeArch::thumb;
      break;
    }
    default: break;
  }

  std::vector<Region> regions;
  if (!elf.sections().empty()) {
    for (const auto& s : elf.sections())
      if (s.executable() && !s.contents.empty() && !is_plt_section(s.name)) regions.push_back({s.addr, s.contents});
  } else {
    for (const auto& s : elf.segments())
      if (s.type == PT_LOAD && s.executable() && !s.contents.empty()) regions.push_back({s.vaddr, s.contents});
  }
  find_functions(elf, regions);
  if (arch_ == CodeArch::thumb && !relocatable_)
    for (const auto& r : regions) {
      auto checks = find_thumb_canary_checks(r.bytes, r.address);
      thumb_checks_.insert(thumb_checks_.end(), checks.begin(), checks.end());
    }
  if (arch_ == CodeArch::x86_64 || arch_ == CodeArch::x86)
    for (auto& f : functions_) f.guard = find_guard_load_x86(f.code, arch_ == CodeArch::x86_64) != std::string_view::npos;
  for (const auto& c : thumb_checks_)
    if (const CodeFunction* f = function_containing(c.prologue)) functions_[static_cast<size_t>(f - functions_.data())].guard = true;
  reads_calls_ = !relocatable_ && (static_executable_ || elf_role(elf) == ElfRole::firmware);
  // The PLT tells what a dynamically linked file's calls go to, for calls_to() as well.
  if (arch_ == CodeArch::x86_64 && !relocatable_) find_plt(elf);
  if (reads_calls_) find_calls();
  find_own(elf);
}

void CodeMap::find_functions(const ElfFile& elf, std::span<const Region> regions) {
  const uint64_t thumb_mask = arch_ == CodeArch::thumb ? ~uint64_t{1} : ~uint64_t{0};
  if (relocatable_) {
    // Each function is read inside its own section; addresses are section offsets until linked.
    for (const auto& s : elf.symbols()) {
      if (!s.defined() || !s.function() || s.shndx >= elf.sections().size()) continue;
      const ElfSection& sec = elf.sections()[s.shndx];
      const uint64_t at = s.value & thumb_mask;
      if (!sec.executable() || at > sec.contents.size()) continue;
      const uint64_t size = std::min<uint64_t>(s.size, sec.contents.size() - at);
      CodeFunction f;
      f.address = at;
      f.size = size;
      f.name = s.name;
      f.code = sec.contents.substr(static_cast<size_t>(at), static_cast<size_t>(size));
      functions_.push_back(std::move(f));
    }
    return;
  }

  auto region_of = [&](uint64_t a) -> const Region* {
    for (const auto& r : regions)
      if (a >= r.address && a - r.address < r.bytes.size()) return &r;
    return nullptr;
  };
  // What the symbols, the unwind tables and the entry point say of each function start, merged
  // by address below in this order of sources.
  struct Start {
    uint64_t address;
    std::string_view name;
    uint64_t size = 0;
    bool fragment = false;
    bool from_symbol = true;
    uint32_t order = 0;  // among the starts said, which the merge below goes by at one address
  };
  const HugePageVector<CodeRange> ranges = eh_frame_ranges(elf);
  HugePageVector<Start> said;
  said.reserve(elf.symbols().size() + ranges.size() + 1);
  symbol_names_.reserve(elf.symbols().size());
  for (const auto& s : elf.symbols()) {
    if (!s.defined() || !s.function()) continue;
    const uint64_t at = s.value & thumb_mask;
    if (region_of(at) == nullptr) continue;
    symbol_names_.emplace_back(at, s.name);
    // GCC names the parts it moves out of line <function>.cold (or .cold.N).
    said.push_back({at, s.name, s.size, s.name.find(".cold") != std::string::npos});
  }
  std::sort(symbol_names_.begin(), symbol_names_.end());
  symbol_names_.erase(std::unique(symbol_names_.begin(), symbol_names_.end()), symbol_names_.end());
  for (const auto& r : ranges)
    if (region_of(r.begin & thumb_mask) != nullptr) said.push_back({r.begin & thumb_mask, {}, r.size, r.fragment, false});
  if (region_of(elf.entry() & thumb_mask) != nullptr) said.push_back({elf.entry() & thumb_mask, {}, 0, false, false});
  // In place: a stable sort's buffer is as large as the starts, more fresh pages on large files.
  for (size_t k = 0; k < said.size(); ++k) said[k].order = static_cast<uint32_t>(k);
  std::sort(said.begin(), said.end(),
            [](const Start& a, const Start& b) { return a.address < b.address || (a.address == b.address && a.order < b.order); });
  // One start per address: the first symbol's name that is not empty, the largest size a symbol
  // gives (else the first an unwind range gives), a fragment when any source says so. Merged in
  // place: on large files a second array of starts is megabytes of fresh pages to fault in.
  size_t merged = 0;
  for (size_t k = 0; k < said.size(); ++k) {
    const Start x = said[k];
    if (merged == 0 || said[merged - 1].address != x.address) {
      said[merged++] = x;
      continue;
    }
    Start& st = said[merged - 1];
    if (st.name.empty()) st.name = x.name;
    if (x.from_symbol) st.size = std::max(st.size, x.size);
    else if (st.size == 0) st.size = x.size;
    st.fragment = st.fragment || x.fragment;
  }
  said.resize(merged);
  const HugePageVector<Start>& starts = said;

  functions_.reserve(starts.size());
  for (auto it = starts.begin(); it != starts.end(); ++it) {
    const Region* r = region_of(it->address);
    const uint64_t offset = it->address - r->address;
    uint64_t end = r->bytes.size();
    if (const auto next = std::next(it); next != starts.end() && next->address - r->address < end) end = next->address - r->address;
    if (it->size > 0) end = std::min(end, offset + std::min(it->size, r->bytes.size() - offset));
    CodeFunction f;
    f.address = it->address;
    f.size = end - offset;
    f.name = it->name;
    f.fragment = it->fragment;
    f.code = r->bytes.substr(static_cast<size_t>(offset), static_cast<size_t>(end - offset));
    functions_.push_back(std::move(f));
  }
}

void CodeMap::find_plt(const ElfFile& elf) {
  // What each GOT slot is filled with: an imported symbol (JUMP_SLOT, GLOB_DAT) or, in a static
  // executable, the implementation an IFUNC resolver picks (IRELATIVE: the addend is the
  // resolver, which is the IFUNC symbol's value).
  std::map<uint64_t, std::string_view> ifunc_by_resolver;
  for (const auto& s : elf.symbols())
    if (s.defined() && s.type == STT_GNU_IFUNC) ifunc_by_resolver.emplace(s.value, s.name);
  for (const auto& r : elf.relocations()) {
    if (r.symbol != nullptr && !r.symbol->name.empty()) {
      got_.emplace_back(r.offset, r.symbol->name);
    } else if (r.type == R_X86_64_IRELATIVE) {
      if (const auto it = ifunc_by_resolver.find(static_cast<uint64_t>(r.addend)); it != ifunc_by_resolver.end())
        got_.emplace_back(r.offset, it->second);
    }
  }
  std::sort(got_.begin(), got_.end());
  // Each PLT stub jumps through its GOT slot: jmp *rel32(%rip) (FF 25), after bnd (F2) and
  // endbr64 (F3 0F 1E FA) in IBT-enabled stubs.
  for (const auto& s : elf.sections()) {
    if (!s.executable() || !is_plt_section(s.name)) continue;
    const unsigned char* p = ubytes(s.contents);
    for (size_t i = s.contents.find('\xFF'); i != std::string_view::npos; i = s.contents.find('\xFF', i + 1)) {
      if (i + 6 > s.contents.size() || p[i + 1] != 0x25) continue;
      const uint64_t slot = s.addr + i + 6 + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(le32(p + i + 2))));
      const std::string_view name = lookup(got_, slot);
      if (name.empty()) continue;
      size_t stub = i;
      if (stub >= 1 && p[stub - 1] == 0xF2) --stub;
      if (stub >= 4 && p[stub - 4] == 0xF3 && p[stub - 3] == 0x0F && p[stub - 2] == 0x1E && p[stub - 1] == 0xFA) stub -= 4;
      plt_.emplace_back(s.addr + stub, name);
    }
  }
  std::sort(plt_.begin(), plt_.end());
}

const CodeFunction* CodeMap::function_containing(uint64_t address) const {
  if (relocatable_) return nullptr;
  auto it = std::upper_bound(functions_.begin(), functions_.end(), address,
                             [](uint64_t a, const CodeFunction& f) { return a < f.address; });
  if (it == functions_.begin()) return nullptr;
  --it;
  return address - it->address < std::max<uint64_t>(it->size, 1) ? &*it : nullptr;
}

const FunctionCalls& CodeMap::calls(const CodeFunction& f) const {
  static const FunctionCalls none;
  return calls_.empty() ? none : calls_[static_cast<size_t>(&f - functions_.data())];
}

void CodeMap::names_at(uint64_t address, std::vector<std::string_view>& out) const {
  auto it = std::lower_bound(symbol_names_.begin(), symbol_names_.end(), std::pair<uint64_t, std::string_view>{address, {}});
  for (; it != symbol_names_.end() && it->first == address; ++it) out.push_back(it->second);
}

std::vector<size_t> CodeMap::calls_to(const CodeFunction& f, std::span<const std::string_view> names) const {
  std::vector<size_t> offsets;
  if (arch_ != CodeArch::x86_64) return offsets;
  const unsigned char* p = ubytes(f.code);
  std::vector<std::string_view> at_target;
  for (size_t i = f.code.find('\xE8'); i != std::string_view::npos && i + 5 <= f.code.size(); i = f.code.find('\xE8', i + 1)) {
    const uint64_t target = f.address + i + 5 + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(le32(p + i + 1))));
    at_target.clear();
    names_at(target, at_target);
    if (const std::string_view name = lookup(plt_, target); !name.empty()) at_target.push_back(name);
    if (std::any_of(at_target.begin(), at_target.end(),
                    [&](std::string_view n) { return std::find(names.begin(), names.end(), n) != names.end(); }))
      offsets.push_back(i);
  }
  return offsets;
}

void CodeMap::find_calls() {
  auto index_of = [&](uint64_t target) -> int64_t {
    auto it = std::lower_bound(functions_.begin(), functions_.end(), target,
                               [](const CodeFunction& f, uint64_t a) { return f.address < a; });
    return it != functions_.end() && it->address == target ? it - functions_.begin() : -1;
  };
  calls_.resize(functions_.size());
  for (size_t fi = 0; fi < functions_.size(); ++fi) {
    const CodeFunction& f = functions_[fi];
    FunctionCalls& c = calls_[fi];
    const unsigned char* p = ubytes(f.code);
    auto add_target = [&](uint64_t target) {
      if (const int64_t k = index_of(target); k >= 0) {
        c.callees.push_back(static_cast<uint32_t>(k));
        names_at(target, c.names);
      } else if (const std::string_view name = lookup(plt_, target); !name.empty()) {
        c.names.push_back(name);
      }
    };
    if (arch_ == CodeArch::x86_64 || arch_ == CodeArch::x86) {
      // A call rel32 is accepted only when it lands exactly on a known function or PLT stub, which
      // bytes that merely contain E8 almost never do.
      for (size_t i = f.code.find('\xE8'); i != std::string_view::npos; i = f.code.find('\xE8', i + 1)) {
        if (i + 5 > f.code.size()) break;
        uint64_t target = f.address + i + 5 + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(le32(p + i + 1))));
        if (arch_ == CodeArch::x86) target &= 0xFFFFFFFFu;
        add_target(target);
      }
      if (arch_ == CodeArch::x86_64)
        for (size_t i = f.code.find('\xFF'); i != std::string_view::npos; i = f.code.find('\xFF', i + 1)) {
          if (i + 6 > f.code.size()) break;
          if (p[i + 1] != 0x15) continue;  // call *rel32(%rip)
          const uint64_t slot = f.address + i + 6 + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(le32(p + i + 2))));
          if (const std::string_view name = lookup(got_, slot); !name.empty()) c.names.push_back(name);
        }
    } else if (arch_ == CodeArch::thumb) {
      for (size_t i = 0; i + 4 <= f.code.size(); i += 2) {
        uint64_t target = 0;
        if (decode_thumb_bl(f.code, i, f.address, target)) add_target(target);
      }
    }
    std::sort(c.callees.begin(), c.callees.end());
    c.callees.erase(std::unique(c.callees.begin(), c.callees.end()), c.callees.end());
    std::sort(c.names.begin(), c.names.end());
    c.names.erase(std::unique(c.names.begin(), c.names.end()), c.names.end());
  }
}

void CodeMap::find_own(const ElfFile& elf) {
  auto all = [&] {
    own_.resize(functions_.size());
    for (size_t i = 0; i < functions_.size(); ++i) own_[i] = static_cast<uint32_t>(i);
  };
  if (!static_executable_) return all();

  std::optional<uint64_t> main, libc_start;
  for (const auto& s : elf.symbols()) {
    if (!s.defined() || !s.function()) continue;
    if (s.name == "main") main = s.value & (arch_ == CodeArch::thumb ? ~uint64_t{1} : ~uint64_t{0});
    if (s.name == "__libc_start_main") libc_start = s.value;
  }
  if (arch_ == CodeArch::x86_64) {
    const CodeFunction* start = function_containing(elf.entry());
    if (start != nullptr) {
      const StartCode sc = decode_start_x86_64(start->code.substr(static_cast<size_t>(elf.entry() - start->address)), elf.entry());
      if (!main) main = sc.main;
      if (!libc_start) libc_start = sc.libc_start;
    }
  }
  const CodeFunction* main_function = main ? function_containing(*main) : nullptr;
  if (main_function == nullptr || main_function->address != *main) return all();

  // Breadth-first over direct calls from main, never into the C library (at or above its start
  // routine). Iterative, and each function is visited once.
  own_from_main_ = true;
  std::vector<bool> seen(functions_.size(), false);
  std::vector<uint32_t> queue{static_cast<uint32_t>(main_function - functions_.data())};
  seen[queue.front()] = true;
  for (size_t q = 0; q < queue.size(); ++q)
    for (uint32_t callee : calls_[queue[q]].callees) {
      if (seen[callee] || (libc_start && functions_[callee].address >= *libc_start)) continue;
      seen[callee] = true;
      queue.push_back(callee);
    }
  std::sort(queue.begin(), queue.end());
  own_ = std::move(queue);
}

}  // namespace mdbc::binary
