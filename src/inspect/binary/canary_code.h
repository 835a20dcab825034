#pragma once
// Stack-protector code recognised in machine code, for binaries whose symbols do not (or cannot)
// tell: static executables carry the C library's __stack_chk_fail whatever the program's flags,
// stripped ones carry no symbols at all, and raw firmware images have neither.
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace mdbc::binary {

// x86-64: the guard load `mov %fs:0x28, %r64` (64 REX.W 8B /r with a SIB-encoded absolute
// disp32 of 0x28, REX 48 or 4C for r8-r15) or `movabs %fs:0x28, %rax` (64 48 A1 imm64).
// i386: `mov %gs:0x14, %r32` (65 A1 disp32, or 65 8B /r with mod 00 r/m 101).
// Returns the offset of the first one in code, or npos.
size_t find_guard_load_x86(std::string_view code, bool x86_64);

// x86-64: whether code computes the address of its own stack frame (lea with %rsp as base, or
// %rbp when the function sets up a frame pointer): what local arrays and address-taken locals
// need, and what -fstack-protector-strong protects. The stack-realignment prologue
// (lea 0x8(%rsp),%r10; and $-N,%rsp) does not count, and neither do addresses loaded into %rdi or
// %rsi for a call of sincos (`sincos_calls`: the offsets in code of the calls that go to sincos,
// sincosf or sincosl): GCC turns sin(x) and cos(x) into sincos(x, &s, &c) after it has decided
// which functions get a guard, so those two slots never get one and hold no buffer.
bool takes_stack_address_x86_64(std::string_view code, std::span<const size_t> sincos_calls = {});

// x86-64: whether a function's code never returns: its last instruction (before nop or int3
// padding) is a call, of a function that does not return then, and no byte of it can be a `ret`
// or a near `jmp` (a tail call). Compilers give such functions no guard whatever their flags:
// a guard is checked on the way out, and there is none.
bool never_returns_x86_64(std::string_view code);

// A Thumb-2 stack-protector check as GCC and Clang emit it for ARMv7-M and ARMv8-M: the
// prologue loads the guard's address from a literal pool, reads the guard and stores it in a
// stack slot; the epilogue reads the guard again (same literal value), reads the slot, compares
// the two and calls the failure handler when they differ.
struct ThumbCanaryCheck {
  uint64_t prologue = 0;  // address of the guard-address load in the prologue
  uint64_t check = 0;     // address of the guard-address load in the epilogue
  uint32_t guard = 0;     // address of the guard variable (__stack_chk_guard)
  uint32_t handler = 0;   // address of the failure handler (__stack_chk_fail), Thumb bit clear
};

// Every check in little-endian Thumb code loaded at `address`, in address order.
std::vector<ThumbCanaryCheck> find_thumb_canary_checks(std::string_view code, uint64_t address);

// The target of a Thumb BL at code[offset] (two halfwords), Thumb bit clear; false when the
// halfwords there are not a BL.
bool decode_thumb_bl(std::string_view code, size_t offset, uint64_t address, uint64_t& target);

}  // namespace mdbc::binary
