#include "inspect/binary/canary_code.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>

#include "core/avx2_version.h"

namespace mdbc::binary {
namespace {

const unsigned char* ubytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

bool zeros(const unsigned char* p, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (p[i] != 0) return false;
  return true;
}

// --- Thumb-2 decoding of the few instructions a stack-protector check is made of ---------------

enum class Op { other, load_literal, load, store, compare, cond_branch, branch_link };

struct Insn {
  Op op = Op::other;
  size_t length = 2;
  int rt = -1, rn = -1, rm = -1;  // load/store: rt, rn (base); compare: rn, rm (the two sources)
  uint64_t offset = 0;            // load/store: immediate offset
  uint64_t target = 0;            // literal address, or branch target
};

int64_t sign_extend(uint64_t v, unsigned bits) {
  const uint64_t sign = uint64_t{1} << (bits - 1);
  return static_cast<int64_t>((v ^ sign) - sign);
}

class ThumbCode {
 public:
  ThumbCode(std::string_view code, uint64_t address) : code_(code), p_(ubytes(code)), address_(address) {}

  size_t size() const { return code_.size(); }
  uint16_t halfword(size_t i) const { return static_cast<uint16_t>(p_[i] | (p_[i + 1] << 8)); }
  std::optional<uint32_t> word_at_address(uint64_t a) const {
    if (a < address_ || a - address_ > code_.size() || code_.size() - (a - address_) < 4) return std::nullopt;
    const unsigned char* q = p_ + (a - address_);
    return static_cast<uint32_t>(q[0] | (q[1] << 8) | (q[2] << 16) | (static_cast<uint32_t>(q[3]) << 24));
  }

  // Decodes the instruction at code offset i (even, with at least 2 bytes left).
  Insn decode(size_t i) const {
    Insn in;
    const uint16_t h = halfword(i);
    const uint64_t pc = address_ + i + 4;  // the PC an instruction reads
    if ((h & 0xF800) >= 0xE800) {
      in.length = 4;
      if (i + 4 > code_.size()) return in;
      const uint16_t h2 = halfword(i + 2);
      if (h == 0xF8DF || h == 0xF85F) {  // LDR.W Rt, [PC, #+/-imm12]
        in.op = Op::load_literal;
        in.rt = h2 >> 12;
        const uint64_t base = pc & ~uint64_t{3};
        in.target = h == 0xF8DF ? base + (h2 & 0xFFF) : base - (h2 & 0xFFF);
      } else if ((h & 0xFFF0) == 0xF8D0 || (h & 0xFFF0) == 0xF8C0) {  // LDR.W / STR.W Rt, [Rn, #imm12]
        in.op = (h & 0xFFF0) == 0xF8D0 ? Op::load : Op::store;
        in.rn = h & 0xF;
        in.rt = h2 >> 12;
        in.offset = h2 & 0xFFF;
      } else if ((h & 0xFFE0) == 0xEA80 || (h & 0xFFE0) == 0xEBA0) {  // EOR(S).W / SUB(S).W / CMP.W, registers
        in.op = Op::compare;
        in.rn = h & 0xF;
        in.rm = h2 & 0xF;
      } else if ((h & 0xF800) == 0xF000 && (h2 & 0xD000) == 0xD000) {  // BL
        const uint64_t s = (h >> 10) & 1, j1 = (h2 >> 13) & 1, j2 = (h2 >> 11) & 1;
        const uint64_t i1 = !(j1 ^ s), i2 = !(j2 ^ s);
        const uint64_t imm = (s << 24) | (i1 << 23) | (i2 << 22) | (uint64_t{h & 0x3FFu} << 12) | (uint64_t{h2 & 0x7FFu} << 1);
        in.op = Op::branch_link;
        in.target = pc + static_cast<uint64_t>(sign_extend(imm, 25));
      } else if ((h & 0xF800) == 0xF000 && (h2 & 0xD000) == 0x8000 && ((h >> 6) & 0xF) < 14) {  // B<cond>.W
        const uint64_t s = (h >> 10) & 1, j1 = (h2 >> 13) & 1, j2 = (h2 >> 11) & 1;
        const uint64_t imm = (s << 20) | (j2 << 19) | (j1 << 18) | (uint64_t{h & 0x3Fu} << 12) | (uint64_t{h2 & 0x7FFu} << 1);
        in.op = Op::cond_branch;
        in.target = pc + static_cast<uint64_t>(sign_extend(imm, 21));
      }
      return in;
    }
    if ((h & 0xF800) == 0x4800) {  // LDR Rt, [PC, #imm8*4]
      in.op = Op::load_literal;
      in.rt = (h >> 8) & 7;
      in.target = (pc & ~uint64_t{3}) + (h & 0xFFu) * 4;
    } else if ((h & 0xF000) == 0x6000) {  // LDR/STR Rt, [Rn, #imm5*4]
      in.op = (h & 0x0800) ? Op::load : Op::store;
      in.rt = h & 7;
      in.rn = (h >> 3) & 7;
      in.offset = ((h >> 6) & 0x1Fu) * 4;
    } else if ((h & 0xF000) == 0x9000) {  // LDR/STR Rt, [SP, #imm8*4]
      in.op = (h & 0x0800) ? Op::load : Op::store;
      in.rt = (h >> 8) & 7;
      in.rn = 13;
      in.offset = (h & 0xFFu) * 4;
    } else if ((h & 0xFFC0) == 0x4040 || (h & 0xFFC0) == 0x4280) {  // EORS Rdn, Rm / CMP Rn, Rm
      in.op = Op::compare;
      in.rn = h & 7;
      in.rm = (h >> 3) & 7;
    } else if ((h & 0xFE00) == 0x1A00) {  // SUBS Rd, Rn, Rm
      in.op = Op::compare;
      in.rn = (h >> 3) & 7;
      in.rm = (h >> 6) & 7;
    } else if ((h & 0xFF00) == 0x4500) {  // CMP Rn, Rm (high registers)
      in.op = Op::compare;
      in.rn = (h & 7) | ((h >> 4) & 8);
      in.rm = (h >> 3) & 0xF;
    } else if ((h & 0xF000) == 0xD000 && ((h >> 8) & 0xF) < 14) {  // B<cond>
      in.op = Op::cond_branch;
      in.target = pc + static_cast<uint64_t>(sign_extend(h & 0xFFu, 8) * 2);
    } else if ((h & 0xF500) == 0xB100) {  // CBZ / CBNZ
      in.op = Op::cond_branch;
      in.target = pc + ((((h >> 9) & 1u) << 6) | (((h >> 3) & 0x1Fu) << 1));
    }
    return in;
  }

  // Whether the halfword at code offset i has the encoding of a literal load (16-bit LDR Rt,
  // [PC, #imm] or the first half of LDR.W Rt, [PC, #+/-imm12]); decode(i) tells for sure.
  bool may_load_literal(size_t i) const {
    const uint16_t h = halfword(i);
    return (h & 0xF800) == 0x4800 || h == 0xF8DF || h == 0xF85F;
  }

  // Whether the halfword at code offset i may start a load from [Rn, #0] (LDR Rt, [Rn, #0], LDR Rt,
  // [SP, #0] or LDR.W Rt, [Rn, #imm12]), the guard read of a check; find_guard_read tells for sure.
  bool may_read_guard(size_t i) const {
    const uint16_t h = halfword(i);
    return (h & 0xFFC0) == 0x6800 || (h & 0xF8FF) == 0x9800 || (h & 0xFFF0) == 0xF8D0;
  }

  // The halfwords block_may_read_guard looks at together: sixteen (see MDBC_WITH_AVX2_VERSION).
  using Halfwords = uint16_t __attribute__((vector_size(32)));
  static constexpr size_t block_bytes = sizeof(Halfwords);

  // Whether any of the sixteen halfwords at code offsets i..i+30 (all inside the code) may start a
  // guard read. Always inlined, so that each version of its caller compiles it for its processor.
  [[gnu::always_inline]] bool block_may_read_guard(size_t i) const {
    if constexpr (std::endian::native != std::endian::little) return true;  // halfwords load in host order
    Halfwords h;
    std::memcpy(&h, p_ + i, sizeof h);
    const Halfwords hit = reinterpret_cast<Halfwords>(((h & 0xFFC0) == 0x6800) | ((h & 0xF8FF) == 0x9800) | ((h & 0xFFF0) == 0xF8D0));
    uint64_t words[sizeof hit / 8];
    std::memcpy(words, &hit, sizeof hit);
    uint64_t all = 0;
    for (const uint64_t w : words) all |= w;
    return all != 0;
  }

  // The first of `count` instructions from code offset i that loads a word from [Rn, #0] with
  // rn == base, as decode() would classify it: its destination register and the offset after it.
  // Steps by instruction length only, so scanning past unrelated instructions stays cheap.
  std::optional<std::pair<int, size_t>> find_guard_read(size_t i, int base, int count) const {
    const size_t n = code_.size() & ~size_t{1};
    for (int k = 0; k < count && i + 2 <= n; ++k) {
      const uint16_t h = halfword(i);
      if ((h & 0xF800) >= 0xE800) {
        // LDR.W Rt, [Rn, #0]; 0xF8DF is the literal form (decode() reads it as such).
        if (i + 4 <= code_.size() && (h & 0xFFF0) == 0xF8D0 && h != 0xF8DF && (h & 0xF) == base) {
          const uint16_t h2 = halfword(i + 2);
          if ((h2 & 0xFFF) == 0) return std::make_pair(int{h2 >> 12}, i + 4);
        }
        i += 4;
        continue;
      }
      if ((h & 0xFFC0) == 0x6800 && ((h >> 3) & 7) == base) return std::make_pair(int{h & 7}, i + 2);  // LDR Rt, [Rn, #0]
      if ((h & 0xF8FF) == 0x9800 && base == 13) return std::make_pair(int{(h >> 8) & 7}, i + 2);       // LDR Rt, [SP, #0]
      i += 2;
    }
    return std::nullopt;
  }

  // The offset of the instruction at an address, when it is inside the code.
  std::optional<size_t> offset_of(uint64_t a) const {
    if (a < address_ || a - address_ + 2 > code_.size() || ((a - address_) & 1)) return std::nullopt;
    return static_cast<size_t>(a - address_);
  }
  uint64_t address(size_t i) const { return address_ + i; }

 private:
  std::string_view code_;
  const unsigned char* p_;
  uint64_t address_;
};

// How far (in instructions) the parts of a check may be apart. Compilers schedule unrelated
// instructions between the guard-address load and the guard read (seen: 8 at -Os).
constexpr int deref_window = 12;
// The farthest a guard read can start after its literal load: the load and the instructions
// before the read, each at most four bytes.
constexpr size_t max_read_distance = 4 * deref_window;
constexpr int store_window = 2;
constexpr int compare_window = 4;
constexpr int call_window = 5;
constexpr uint64_t max_function_span = 64 * 1024;

struct Slot {
  uint32_t guard;
  int base;
  uint64_t offset;
  bool operator==(const Slot&) const = default;
};

}  // namespace

size_t find_guard_load_x86(std::string_view code, bool x86_64) {
  const unsigned char* p = ubytes(code);
  const size_t n = code.size();
  const char prefix = x86_64 ? '\x64' : '\x65';
  for (size_t i = code.find(prefix); i != std::string_view::npos; i = code.find(prefix, i + 1)) {
    if (x86_64) {
      if (i + 9 <= n && (p[i + 1] == 0x48 || p[i + 1] == 0x4C) && p[i + 2] == 0x8B && (p[i + 3] & 0xC7) == 0x04 &&
          p[i + 4] == 0x25 && p[i + 5] == 0x28 && zeros(p + i + 6, 3))
        return i;
      if (i + 11 <= n && p[i + 1] == 0x48 && p[i + 2] == 0xA1 && p[i + 3] == 0x28 && zeros(p + i + 4, 7)) return i;
    } else {
      if (i + 6 <= n && p[i + 1] == 0xA1 && p[i + 2] == 0x14 && zeros(p + i + 3, 3)) return i;
      if (i + 7 <= n && p[i + 1] == 0x8B && (p[i + 2] & 0xC7) == 0x05 && p[i + 3] == 0x14 && zeros(p + i + 4, 3)) return i;
    }
  }
  return std::string_view::npos;
}

namespace {

struct StackSlot {
  unsigned base;  // 4 = %rsp, 5 = %rbp
  int64_t disp;
  bool operator<(const StackSlot& o) const { return base != o.base ? base < o.base : disp < o.disp; }
  bool operator==(const StackSlot&) const = default;
};

// A memory operand [%rsp + disp] (SIB 0x24) or [%rbp + disp] at code[i] (the ModRM byte), with mod
// 01 or 10 (or 00 for [%rsp]); its length including the displacement.
std::optional<std::pair<StackSlot, size_t>> stack_operand(const unsigned char* p, size_t n, size_t i) {
  if (i >= n) return std::nullopt;
  const unsigned modrm = p[i], mod = modrm >> 6, rm = modrm & 7;
  if (mod == 3) return std::nullopt;
  size_t at = i + 1;
  unsigned base = 0;
  if (rm == 4) {
    if (at >= n || p[at] != 0x24) return std::nullopt;
    base = 4;
    ++at;
  } else if (rm == 5 && mod != 0) {
    base = 5;
  } else {
    return std::nullopt;
  }
  int64_t disp = 0;
  if (mod == 1) {
    if (at + 1 > n) return std::nullopt;
    disp = static_cast<int8_t>(p[at]);
    at += 1;
  } else if (mod == 2) {
    if (at + 4 > n) return std::nullopt;
    disp = static_cast<int32_t>(static_cast<uint32_t>(p[at] | (p[at + 1] << 8) | (p[at + 2] << 16)) |
                                (static_cast<uint32_t>(p[at + 3]) << 24));
    at += 4;
  }
  return std::make_pair(StackSlot{base, disp}, at - i);
}

// add, or, and, sub, xor, cmp, test, mov between registers (opcodes with a ModRM operand).
bool register_alu(unsigned char op) {
  switch (op) {
    case 0x01: case 0x03: case 0x09: case 0x0B: case 0x21: case 0x23: case 0x29: case 0x2B:
    case 0x31: case 0x33: case 0x39: case 0x3B: case 0x85: case 0x89: case 0x8B: return true;
    default: return false;
  }
}

// The System V argument registers (%rdi, %rsi, %rdx, %rcx, %r8, %r9) by ModRM reg number.
bool argument_register(unsigned reg) { return reg == 7 || reg == 6 || reg == 2 || reg == 1 || reg == 8 || reg == 9; }

// Whether one of `calls` (offsets of call instructions in code) starts shortly after `from` with
// no other call or jump between: the argument just loaded goes to that call. Bytes of other
// instructions that look like a call (E8) or an indirect call or jump (FF) make it "no", the
// answer that never hides an unguarded buffer.
bool passed_to_call(std::string_view code, size_t from, std::span<const size_t> calls) {
  constexpr size_t reach = 32;  // the other argument's lea and a spill or two of %xmm registers
  return std::any_of(calls.begin(), calls.end(), [&](size_t call) {
    return call >= from && call - from <= reach && code.substr(from, call - from).find_first_of("\xE8\xFF") == std::string_view::npos;
  });
}

}  // namespace

bool takes_stack_address_x86_64(std::string_view code, std::span<const size_t> sincos_calls) {
  const unsigned char* p = ubytes(code);
  const size_t n = code.size();
  // The prologue: endbr64, pushes (with register moves GCC schedules between them), the frame
  // pointer set-up and the allocation of the frame (sub $N,%rsp).
  size_t i = 0;
  bool frame_pointer = false;
  std::optional<int64_t> frame;
  // Registers the prologue copies an argument register into (mov %esi,%eax): their stores are
  // parameters' too. By register number, as bits.
  uint32_t argument_copies = 0;
  const auto note_copy = [&](unsigned rex, unsigned char op, unsigned char modrm) {
    if (op != 0x89 && op != 0x8B) return;
    const unsigned reg = ((modrm >> 3) & 7) | ((rex & 4) ? 8 : 0), rm = (modrm & 7) | ((rex & 1) ? 8 : 0);
    const unsigned from = op == 0x89 ? reg : rm, to = op == 0x89 ? rm : reg;
    if (argument_register(from)) argument_copies |= 1u << to;
    else argument_copies &= ~(1u << to);
  };
  if (n >= 4 && p[0] == 0xF3 && p[1] == 0x0F && p[2] == 0x1E && p[3] == 0xFA) i = 4;
  while (i < n) {
    if (p[i] >= 0x50 && p[i] <= 0x57) {
      i += 1;
    } else if (i + 2 <= n && p[i] == 0x41 && p[i + 1] >= 0x50 && p[i + 1] <= 0x57) {
      i += 2;
    } else if (i + 3 <= n && (p[i] & 0xF0) == 0x40 && register_alu(p[i + 1]) && (p[i + 2] >> 6) == 3) {
      // arithmetic between registers (with REX), which compilers schedule among the pushes
      frame_pointer = frame_pointer || (p[i] == 0x48 && p[i + 1] == 0x89 && p[i + 2] == 0xE5);  // mov %rsp,%rbp
      note_copy(p[i], p[i + 1], p[i + 2]);
      i += 3;
    } else if (i + 4 <= n && (p[i] & 0xF0) == 0x40 && p[i + 1] == 0xC1 && (p[i + 2] >> 6) == 3 &&
               ((p[i + 2] & 7) != 4 || (p[i] & 1))) {
      i += 4;  // shift of a register other than %rsp by an immediate (with REX.B, 4 is %r12)
    } else if (i + 2 <= n && register_alu(p[i]) && (p[i + 1] >> 6) == 3) {
      note_copy(0, p[i], p[i + 1]);
      i += 2;  // arithmetic between 32-bit registers
    } else if (i + 7 <= n && (p[i] == 0x48 || p[i] == 0x4C) && p[i + 1] == 0x8D && (p[i + 2] & 0xC7) == 0x05) {
      i += 7;  // lea rel32(%rip),%reg
    } else if (i + 4 <= n && p[i] == 0x48 && p[i + 1] == 0x83 && p[i + 2] == 0xEC) {
      frame = p[i + 3];
      break;
    } else if (i + 7 <= n && p[i] == 0x48 && p[i + 1] == 0x81 && p[i + 2] == 0xEC) {
      frame = static_cast<int64_t>(p[i + 3] | (p[i + 4] << 8) | (p[i + 5] << 16) | (static_cast<uint32_t>(p[i + 6]) << 24));
      break;
    } else {
      break;
    }
  }
  // Slots an argument register is stored to: the address of a parameter is not a buffer, and
  // -fstack-protector-strong does not protect for it. Found only when a stack address is taken.
  std::vector<StackSlot> parameters;
  bool parameters_found = false;
  auto find_parameters = [&] {
    parameters_found = true;
    for (size_t k = 0; k + 3 <= n; ++k) {
      size_t at = k;
      if (p[at] == 0x66) ++at;
      unsigned rex = 0;
      if (at < n && (p[at] & 0xF0) == 0x40) rex = p[at++];
      if (at + 2 > n || (p[at] != 0x89 && p[at] != 0x88) || (rex & 0x3)) continue;
      const unsigned reg = ((p[at + 1] >> 3) & 7) | ((rex & 4) ? 8 : 0);
      if (!argument_register(reg) && !(argument_copies & (1u << reg))) continue;
      if (const auto op = stack_operand(p, n, at + 1)) parameters.push_back(op->first);
    }
    // Floating-point parameters (%xmm0-%xmm7) stored with movsd, movss (F2/F3 0F 11) or movq (66 0F D6).
    for (size_t k = 0; k + 4 <= n; ++k) {
      const bool scalar = (p[k] == 0xF2 || p[k] == 0xF3) && p[k + 1] == 0x0F && p[k + 2] == 0x11;
      const bool movq = p[k] == 0x66 && p[k + 1] == 0x0F && p[k + 2] == 0xD6;
      if (!scalar && !movq) continue;
      if (const auto op = stack_operand(p, n, k + 3)) parameters.push_back(op->first);
    }
  };
  for (size_t k = code.find('\x8D', 1); k != std::string_view::npos; k = code.find('\x8D', k + 1)) {
    const unsigned char rex = p[k - 1];
    if ((rex != 0x48 && rex != 0x4C) || k + 2 > n) continue;
    const unsigned reg = ((p[k + 1] >> 3) & 7) | ((rex & 4) ? 8 : 0);
    const auto op = stack_operand(p, n, k + 1);
    if (!op || reg == 4) continue;  // not a stack address, or an adjustment of %rsp itself
    const StackSlot slot = op->first;
    if (slot.base == 5 && !frame_pointer) continue;  // %rbp as an ordinary register
    if (!parameters_found) find_parameters();
    // A parameter's slot, or a pointer into it or just past it (a parameter walked as an array).
    const bool into_parameter = std::any_of(parameters.begin(), parameters.end(), [&](const StackSlot& s) {
      return s.base == slot.base && slot.disp >= s.disp && slot.disp <= s.disp + 8;
    });
    if (into_parameter) continue;
    if (slot.base == 4 && frame && slot.disp >= *frame) continue;  // saved registers or the caller's frame
    // Stack realignment: lea 0x8(%rsp),%r10 (or %r13); and $-N,%rsp.
    const size_t after = k + 1 + op->second;
    if ((reg == 10 || reg == 13) && slot.base == 4 && slot.disp == 8 && after + 3 <= n && p[after] == 0x48 &&
        (p[after + 1] == 0x83 || p[after + 1] == 0x81) && p[after + 2] == 0xE4)
      continue;
    if ((reg == 7 || reg == 6) && passed_to_call(code, after, sincos_calls)) continue;
    return true;
  }
  return false;
}

bool never_returns_x86_64(std::string_view code) {
  size_t end = code.size();
  while (end > 0 && (code[end - 1] == '\x90' || code[end - 1] == '\xCC')) --end;
  if (end < 5 || code[end - 5] != '\xE8') return false;
  // Bytes of other instructions' operands may look like ret or jmp: then the function is taken
  // to return, the answer that never hides a missing guard.
  return code.substr(0, end).find_first_of("\xC3\xE9") == std::string_view::npos;
}

bool decode_thumb_bl(std::string_view code, size_t offset, uint64_t address, uint64_t& target) {
  if (offset + 4 > code.size()) return false;
  const ThumbCode t(code, address);
  const Insn in = t.decode(offset);
  if (in.op != Op::branch_link) return false;
  target = in.target;
  return true;
}

MDBC_WITH_AVX2_VERSION std::vector<ThumbCanaryCheck> find_thumb_canary_checks(
    std::string_view code, uint64_t address) {
  const ThumbCode t(code, address);
  struct Prologue { Slot slot; uint64_t at; };
  struct Epilogue { Slot slot; uint64_t at; uint32_t handler; };
  std::vector<Prologue> prologues;
  std::vector<Epilogue> epilogues;
  const size_t n = code.size() & ~size_t{1};

  // The next instruction offsets after i, up to `count` of them.
  auto following = [&](size_t i, int count, auto&& visit) {
    for (int k = 0; k < count && i + 2 <= n; ++k) {
      const Insn in = t.decode(i);
      if (visit(i, in)) return;
      i += in.length;
    }
  };

  // The literal load at code offset i (one may_load_literal accepts), when it starts the prologue
  // or epilogue of a check.
  auto look_at = [&](size_t i) {
    const Insn lit = t.decode(i);
    if (lit.op != Op::load_literal) return;
    const auto guard = t.word_at_address(lit.target);
    if (!guard) return;
    // The guard read: LDR Rx, [Rt, #0] through the register the address was loaded into.
    const auto read = t.find_guard_read(i + lit.length, lit.rt, deref_window);
    if (!read) return;
    const int guard_reg = read->first;
    const size_t after_read = read->second;

    // Prologue: the guard value stored into a stack slot (SP- or frame-pointer-relative).
    bool stored = false;
    following(after_read, store_window, [&](size_t, const Insn& in) {
      if (in.op == Op::store && in.rt == guard_reg && (in.rn == 13 || in.rn == 7)) {
        prologues.push_back({{*guard, in.rn, in.offset}, t.address(i)});
        stored = true;
        return true;
      }
      return false;
    });
    if (stored) return;

    // Epilogue: a slot load near the guard read, a comparison of the two values, then the call
    // of the failure handler (right after a branch around it, or at a conditional branch target).
    struct SlotLoad { int reg; Slot slot; };
    std::vector<SlotLoad> slot_loads;
    const size_t window_start = i >= 8 ? i - 8 : 0;
    for (size_t k = window_start; k < after_read + 8 && k + 2 <= n; k += 2) {
      const Insn in = t.decode(k);
      if (in.op == Op::load && (in.rn == 13 || in.rn == 7) && in.rt != guard_reg)
        slot_loads.push_back({in.rt, {*guard, in.rn, in.offset}});
    }
    if (slot_loads.empty()) return;
    std::optional<Slot> compared;
    size_t after_compare = 0;
    following(after_read, compare_window, [&](size_t at, const Insn& in) {
      if (in.op != Op::compare) return false;
      for (const auto& sl : slot_loads)
        if ((in.rn == guard_reg && in.rm == sl.reg) || (in.rm == guard_reg && in.rn == sl.reg)) {
          compared = sl.slot;
          after_compare = at + in.length;
          return true;
        }
      return false;
    });
    if (!compared) return;
    std::optional<uint32_t> handler;
    following(after_compare, call_window, [&](size_t, const Insn& in) {
      if (in.op == Op::branch_link) {
        handler = static_cast<uint32_t>(in.target);
      } else if (in.op == Op::cond_branch) {
        if (const auto off = t.offset_of(in.target)) {
          const Insn at_target = t.decode(*off);
          if (at_target.op == Op::branch_link) handler = static_cast<uint32_t>(at_target.target);
        }
      }
      return handler.has_value();
    });
    if (handler) epilogues.push_back({*compared, t.address(i), *handler});
  };
  // Every check starts with a literal load and reads the guard through it within deref_window
  // instructions: only the literal loads up to max_read_distance bytes before a halfword that may
  // read the guard are decoded, and those halfwords are looked for thirty-two bytes at a time.
  constexpr size_t block_bytes = ThumbCode::block_bytes;
  size_t next = 0;  // the first offset not looked at yet
  for (size_t block = 0; block + 2 <= n; block += block_bytes) {
    if (block + block_bytes <= n && !t.block_may_read_guard(block)) continue;
    for (size_t j = block; j < block + block_bytes && j + 2 <= n; j += 2) {
      if (!t.may_read_guard(j)) continue;
      for (size_t i = std::max(next, j > max_read_distance ? j - max_read_distance : 0); i < j; i += 2)
        if (t.may_load_literal(i)) look_at(i);  // tested here, inlined: most halfwords are no literal load
      next = std::max(next, j);
    }
  }

  // Both lists are in address order: pair each prologue with the first later epilogue of the same
  // slot within one function's reach.
  std::vector<ThumbCanaryCheck> checks;
  size_t first = 0;
  for (const auto& p : prologues) {
    while (first < epilogues.size() && epilogues[first].at <= p.at) ++first;
    for (size_t k = first; k < epilogues.size() && epilogues[k].at - p.at <= max_function_span; ++k)
      if (epilogues[k].slot == p.slot) {
        checks.push_back({p.at, epilogues[k].at, p.slot.guard, epilogues[k].handler});
        break;
      }
  }
  return checks;
}

}  // namespace mdbc::binary
