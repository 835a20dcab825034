#include "inspect/binary/canary_code.h"

#include <elf.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>

#include "inspect/binary/code_map.h"
#include "inspect/binary/elf_file.h"
#include "support/binary_corpus.h"

namespace mdbc::binary {
namespace {

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s.push_back(static_cast<char>(c));
  return s;
}

constexpr size_t npos = std::string_view::npos;

TEST(GuardLoad, RecognisesTheX8664GuardLoads) {
  // mov %fs:0x28,%rax ; mov %fs:0x28,%r12 ; movabs %fs:0x28,%rax
  EXPECT_EQ(find_guard_load_x86(bytes({0x90, 0x64, 0x48, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0}), true), 1u);
  EXPECT_EQ(find_guard_load_x86(bytes({0x64, 0x4c, 0x8b, 0x24, 0x25, 0x28, 0, 0, 0}), true), 0u);
  EXPECT_EQ(find_guard_load_x86(bytes({0x64, 0x48, 0xa1, 0x28, 0, 0, 0, 0, 0, 0, 0}), true), 0u);
}

TEST(GuardLoad, RejectsNearMisses) {
  // Another offset (the pointer guard at %fs:0x30), a displacement mode, REX.B (base r13), no
  // segment prefix, a cut-off instruction, and the i386 form in 64-bit code.
  EXPECT_EQ(find_guard_load_x86(bytes({0x64, 0x48, 0x8b, 0x04, 0x25, 0x30, 0, 0, 0}), true), npos);
  EXPECT_EQ(find_guard_load_x86(bytes({0x64, 0x48, 0x8b, 0x44, 0x25, 0x28, 0, 0, 0}), true), npos);
  EXPECT_EQ(find_guard_load_x86(bytes({0x64, 0x49, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0}), true), npos);
  EXPECT_EQ(find_guard_load_x86(bytes({0x65, 0x48, 0x8b, 0x04, 0x25, 0x28, 0, 0, 0}), true), npos);
  EXPECT_EQ(find_guard_load_x86(bytes({0x64, 0x48, 0x8b, 0x04, 0x25, 0x28, 0, 0}), true), npos);
  EXPECT_EQ(find_guard_load_x86(bytes({0x65, 0xa1, 0x14, 0, 0, 0}), true), npos);
}

TEST(GuardLoad, RecognisesTheI386GuardLoads) {
  EXPECT_EQ(find_guard_load_x86(bytes({0x65, 0xa1, 0x14, 0, 0, 0}), false), 0u);        // mov %gs:0x14,%eax
  EXPECT_EQ(find_guard_load_x86(bytes({0x65, 0x8b, 0x0d, 0x14, 0, 0, 0}), false), 0u);  // mov %gs:0x14,%ecx
  EXPECT_EQ(find_guard_load_x86(bytes({0x65, 0x8b, 0x4d, 0x14, 0, 0, 0}), false), npos);
}

TEST(StackAddress, SeesAddressesOfTheStackFrame) {
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0x48, 0x8d, 0x44, 0x24, 0x10})));  // lea 0x10(%rsp),%rax
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0x4c, 0x8d, 0x04, 0x24})));        // lea (%rsp),%r8
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0x48, 0x8d, 0xbc, 0x24, 0x00, 0x01, 0, 0})));  // lea 0x100(%rsp),%rdi
  // With a frame pointer, %rbp-relative addresses count too.
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0x55, 0x48, 0x89, 0xe5, 0x48, 0x8d, 0x45, 0xd0})));
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0xf3, 0x0f, 0x1e, 0xfa, 0x55, 0x48, 0x89, 0xe5, 0x48, 0x8d, 0x45, 0xd0})));
}

TEST(StackAddress, IgnoresWhatIsNotABuffer) {
  EXPECT_FALSE(takes_stack_address_x86_64(bytes({0x48, 0x8d, 0x64, 0x24, 0x08})));  // lea 8(%rsp),%rsp
  // Stack realignment: lea 0x8(%rsp),%r10; and $-16,%rsp.
  EXPECT_FALSE(takes_stack_address_x86_64(bytes({0x4c, 0x8d, 0x54, 0x24, 0x08, 0x48, 0x83, 0xe4, 0xf0})));
  // %rbp used as an ordinary register (no frame set up), RIP-relative and register-only lea.
  EXPECT_FALSE(takes_stack_address_x86_64(bytes({0x48, 0x8d, 0x45, 0xd0})));
  EXPECT_FALSE(takes_stack_address_x86_64(bytes({0x48, 0x8d, 0x05, 0, 0, 0, 0})));
  EXPECT_FALSE(takes_stack_address_x86_64(bytes({0x48, 0x8d, 0x04, 0x07})));  // lea (%rdi,%rax),%rax
  // The address of a parameter spilled to the stack (sub $0x18,%rsp; mov %rsi,0x8(%rsp);
  // lea 0x8(%rsp),%rsi), and an address above the frame (the caller's argument area).
  EXPECT_FALSE(takes_stack_address_x86_64(
      bytes({0x48, 0x83, 0xec, 0x18, 0x48, 0x89, 0x74, 0x24, 0x08, 0x48, 0x8d, 0x74, 0x24, 0x08})));
  EXPECT_FALSE(takes_stack_address_x86_64(bytes({0x48, 0x83, 0xec, 0x18, 0x48, 0x8d, 0x7c, 0x24, 0x20})));
  // The parameter copied to another register first (ICU's u_memrchr: mov %esi,%eax;
  // sub $0x18,%rsp; mov %ax,0xc(%rsp); lea 0xc(%rsp),%rdx); without the copy it is a local.
  EXPECT_FALSE(takes_stack_address_x86_64(bytes({0x89, 0xf0, 0x48, 0x83, 0xec, 0x18, 0x66, 0x89, 0x44, 0x24, 0x0c,
                                                 0x48, 0x8d, 0x54, 0x24, 0x0c})));
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0x48, 0x83, 0xec, 0x18, 0x66, 0x89, 0x44, 0x24, 0x0c, 0x48, 0x8d,
                                                0x54, 0x24, 0x0c})));
  // Inside the frame it is a local.
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0x48, 0x83, 0xec, 0x18, 0x48, 0x8d, 0x7c, 0x24, 0x10})));
  // The frame's size is read past a shift of %r12 scheduled among the pushes (GCC, in cmake):
  // push %r12; sar $0x7,%r12; sub $0x8,%rsp; lea 0x30(%rsp),%rdi is the caller's argument area.
  const std::string r12_shift = bytes({0x41, 0x54, 0x49, 0xc1, 0xfc, 0x07, 0x48, 0x83, 0xec, 0x08});
  EXPECT_FALSE(takes_stack_address_x86_64(r12_shift + bytes({0x48, 0x8d, 0x7c, 0x24, 0x30})));
  EXPECT_TRUE(takes_stack_address_x86_64(r12_shift + bytes({0x48, 0x8d, 0x3c, 0x24})));  // lea (%rsp),%rdi
  // A shift of %rsp itself ends the prologue: the frame is not known, every address counts.
  EXPECT_TRUE(takes_stack_address_x86_64(bytes({0x48, 0xc1, 0xec, 0x04, 0x48, 0x83, 0xec, 0x08, 0x48, 0x8d, 0x7c, 0x24, 0x30})));
}

// GCC -O2 -fstack-protector-strong on `return r * sin(a) + r * cos(a) * 2.0;`: two stack slots
// passed to sincos, created after the guard was decided, and no buffer.
const std::string sincos_caller = bytes({
    0x48, 0x83, 0xec, 0x28,                    // sub $0x28,%rsp
    0x48, 0x8d, 0x7c, 0x24, 0x18,              // lea 0x18(%rsp),%rdi
    0x48, 0x8d, 0x74, 0x24, 0x10,              // lea 0x10(%rsp),%rsi
    0xf2, 0x0f, 0x11, 0x4c, 0x24, 0x08,        // movsd %xmm1,0x8(%rsp)
    0xe8, 0x77, 0xfe, 0xff, 0xff,              // call sincos
    0xf2, 0x0f, 0x10, 0x44, 0x24, 0x10,        // movsd 0x10(%rsp),%xmm0
    0x48, 0x83, 0xc4, 0x28, 0xc3});            // add $0x28,%rsp; ret
constexpr size_t sincos_call = 20;

TEST(StackAddress, SlotsPassedToSincosAreNotBuffers) {
  const size_t calls[] = {sincos_call};
  EXPECT_FALSE(takes_stack_address_x86_64(sincos_caller, calls));
  // The same code calling anything else passes the addresses of two locals: those count.
  EXPECT_TRUE(takes_stack_address_x86_64(sincos_caller));
  const size_t elsewhere[] = {sincos_caller.size() - 1};
  EXPECT_TRUE(takes_stack_address_x86_64(sincos_caller, elsewhere));
}

TEST(StackAddress, OnlyTheArgumentsOfTheSincosCallAreExempt) {
  // lea 0x10(%rsp),%rdi; call f; lea 0x18(%rsp),%rdi; lea 0x20(%rsp),%rsi; call sincos: the
  // first address goes to f.
  const std::string code = bytes({0x48, 0x83, 0xec, 0x38, 0x48, 0x8d, 0x7c, 0x24, 0x10, 0xe8, 0, 0, 0, 0, 0x48, 0x8d,
                                  0x7c, 0x24, 0x18, 0x48, 0x8d, 0x74, 0x24, 0x20, 0xe8, 0, 0, 0, 0});
  const size_t calls[] = {24};
  EXPECT_TRUE(takes_stack_address_x86_64(code, calls));
  // An address in another register than the two pointer arguments is not passed to it.
  const std::string other = bytes({0x48, 0x83, 0xec, 0x28, 0x48, 0x8d, 0x54, 0x24, 0x10, 0xe8, 0, 0, 0, 0});  // lea ..,%rdx
  const size_t call[] = {9};
  EXPECT_TRUE(takes_stack_address_x86_64(other, call));
}

TEST(ThumbBl, DecodesForwardAndBackwardCalls) {
  uint64_t target = 0;
  // f000 f867 at 0x0800005a: bl 0x0800012c; f7ff ff8f at 0x0800011e: b.w... (not a BL); f7ff fffe: bl to itself + 0
  ASSERT_TRUE(decode_thumb_bl(bytes({0x00, 0xf0, 0x67, 0xf8}), 0, 0x0800005a, target));
  EXPECT_EQ(target, 0x0800012cu);
  EXPECT_FALSE(decode_thumb_bl(bytes({0xff, 0xf7, 0x8f, 0xbf}), 0, 0x0800011e, target));
  ASSERT_TRUE(decode_thumb_bl(bytes({0xff, 0xf7, 0xfe, 0xff}), 0, 0x20, target));
  EXPECT_EQ(target, 0x20u);
  EXPECT_FALSE(decode_thumb_bl(bytes({0x00, 0xf0}), 0, 0, target));
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// The checks found in real compiler output are exactly the functions that call __stack_chk_fail,
// and they name the real guard and handler.
void expect_checks_match_symbols(const std::filesystem::path& elf_path, bool protected_build) {
  const std::string file = slurp(elf_path);
  const ElfFile elf(file, elf_path.string());
  uint64_t guard = 0, handler = 0;
  for (const auto& s : elf.symbols()) {
    if (s.name == "__stack_chk_guard" && s.defined()) guard = s.value;
    if (s.name == "__stack_chk_fail" && s.defined()) handler = s.value & ~uint64_t{1};
  }
  const ElfSection* text = elf.section(".text");
  ASSERT_NE(text, nullptr);
  const auto checks = find_thumb_canary_checks(text->contents, text->addr);
  if (!protected_build) {
    EXPECT_TRUE(checks.empty());
    EXPECT_EQ(handler, 0u);
    return;
  }
  ASSERT_NE(handler, 0u);
  const CodeMap code(elf);
  std::set<std::string_view> calling, checked;
  // newlib's __stack_chk_fail_local only forwards to the handler: it is not a protected function.
  for (const auto& f : code.functions())
    if (std::find(code.calls(f).names.begin(), code.calls(f).names.end(), "__stack_chk_fail") != code.calls(f).names.end() &&
        !f.name.starts_with("__stack_chk"))
      calling.insert(f.name);
  for (const auto& c : checks) {
    EXPECT_EQ(c.guard, guard);
    EXPECT_EQ(c.handler, handler);
    const CodeFunction* f = code.function_containing(c.prologue);
    ASSERT_NE(f, nullptr);
    checked.insert(f->name);
  }
  EXPECT_EQ(checked, calling);
  EXPECT_GE(checked.size(), 2u);  // parse_frame and checksum (main too, at some levels)
}

TEST(ThumbCanary, FindsEveryCheckGccEmitsAtEachOptimisationLevel) {
  mdbc::test::BinaryCorpus corpus;
  for (const char* level : {"-O0", "-O1", "-O2", "-Os"}) {
    SCOPED_TRACE(level);
    const auto on = corpus.cortex_m(std::string("sp") + level, mdbc::test::firmware_program, {level, "-fstack-protector-strong"});
    expect_checks_match_symbols(on.elf, true);
    const auto off = corpus.cortex_m(std::string("nosp") + level, mdbc::test::firmware_program, {level, "-fno-stack-protector"});
    expect_checks_match_symbols(off.elf, false);
  }
}

// Thumb halfwords as little-endian bytes.
void emit(std::string& code, std::initializer_list<uint16_t> halfwords) {
  for (const uint16_t h : halfwords) code.push_back(static_cast<char>(h & 0xFF)), code.push_back(static_cast<char>(h >> 8));
}

// A literal load LDR.W r3, [pc, #imm] at code offset `at` of the word at offset `literal`.
void ldr_w_literal(std::string& code, size_t at, size_t literal) {
  const size_t imm = literal - ((at + 4) & ~size_t{3});
  code[at + 2] = static_cast<char>(imm & 0xFF);
  code[at + 3] = static_cast<char>(0x30 | (imm >> 8));
}

// A stack-protector check after `pad` zero bytes, with `fillers` 32-bit instructions between the
// prologue's literal load (32-bit) and its guard read, and where its parts are.
struct HandMadeCheck {
  std::string code;
  size_t prologue = 0, epilogue = 0, handler = 0;
};
constexpr uint32_t hand_made_guard = 0x20000100;

HandMadeCheck hand_made_check(size_t pad, int fillers) {
  HandMadeCheck c;
  std::string& code = c.code;
  code.assign(pad, '\0');
  // Prologue: ldr.w r3, [pc, #lit]; mov.w r0, #0 (fillers); ldr r3, [r3]; str r3, [sp, #4].
  c.prologue = code.size();
  emit(code, {0xF8DF, 0x3000});
  for (int k = 0; k < fillers; ++k) emit(code, {0xF04F, 0x0000});
  emit(code, {0x681B, 0x9301});
  while (code.size() % 4 != 0) emit(code, {0x0000});
  ldr_w_literal(code, c.prologue, code.size());
  emit(code, {hand_made_guard & 0xFFFF, hand_made_guard >> 16});
  code.append(64, '\0');
  // Epilogue: ldr r2, [sp, #4]; ldr.w r3, [pc, #lit]; ldr r3, [r3]; cmp r2, r3; bl (the next instruction).
  emit(code, {0x9A01});
  c.epilogue = code.size();
  emit(code, {0xF8DF, 0x3000, 0x681B, 0x429A});
  c.handler = code.size() + 4;
  emit(code, {0xF000, 0xF800});
  while (code.size() % 4 != 0) emit(code, {0x0000});
  ldr_w_literal(code, c.epilogue, code.size());
  emit(code, {hand_made_guard & 0xFFFF, hand_made_guard >> 16});
  code.append(32, '\0');
  return c;
}

// The scan decodes only literal loads shortly before a possible guard read: a check whose guard
// read is the last instruction it may be (after a 32-bit literal load and eleven 32-bit
// instructions), placed at every offset of a sixteen-byte block, is still found; one instruction
// farther, it is not a check.
TEST(ThumbCanary, FindsAGuardReadAtTheEndOfItsWindow) {
  constexpr uint64_t base = 0x08000000;
  for (size_t pad = 0; pad < 32; pad += 2) {
    const HandMadeCheck c = hand_made_check(pad, 11);
    const auto checks = find_thumb_canary_checks(c.code, base);
    ASSERT_EQ(checks.size(), 1u) << "after " << pad << " bytes";
    EXPECT_EQ(checks[0].prologue, base + c.prologue);
    EXPECT_EQ(checks[0].check, base + c.epilogue);
    EXPECT_EQ(checks[0].guard, hand_made_guard);
    EXPECT_EQ(checks[0].handler, base + c.handler);
    EXPECT_TRUE(find_thumb_canary_checks(hand_made_check(pad, 12).code, base).empty()) << "after " << pad << " bytes";
  }
}

TEST(ThumbCanary, FindsNothingInDataThatIsNotCode) {
  std::string noise;
  uint32_t x = 0x12345678;
  for (int i = 0; i < (1 << 20); ++i) {
    x ^= x << 13, x ^= x >> 17, x ^= x << 5;  // xorshift32: a fixed, reproducible byte stream
    noise.push_back(static_cast<char>(x & 0xFF));
  }
  EXPECT_TRUE(find_thumb_canary_checks(noise, 0x08000000).empty());
}

// clang -O2 -fstack-protector-strong gives a function that never returns no guard, even when it
// passes the address of a local on: `struct pair p; fill(&p); exit(p.a);`.
TEST(NeverReturnsX86_64, AFunctionEndingInACallWithoutRetOrJmp) {
  const std::string clang_noreturn("\x48\x83\xec\x18"          // sub $0x18,%rsp
                                   "\x48\x8d\x7c\x24\x08"      // lea 0x8(%rsp),%rdi
                                   "\xe8\x10\x00\x00\x00"      // call fill
                                   "\x8b\x7c\x24\x08"          // mov 0x8(%rsp),%edi
                                   "\xe8\x20\x00\x00\x00",     // call exit
                                   23);
  EXPECT_TRUE(takes_stack_address_x86_64(clang_noreturn));
  EXPECT_TRUE(never_returns_x86_64(clang_noreturn));
  EXPECT_TRUE(never_returns_x86_64(clang_noreturn + "\x90\xcc\xcc"));  // padding after the last call
  // A way out (ret, or a tail call by jmp) anywhere, or a last instruction that is not a call.
  EXPECT_FALSE(never_returns_x86_64(std::string("\xc3", 1) + clang_noreturn));
  EXPECT_FALSE(never_returns_x86_64(clang_noreturn + std::string("\xe9\x00\x00\x00\x00", 5)));
  EXPECT_FALSE(never_returns_x86_64(clang_noreturn.substr(0, 18)));
  EXPECT_FALSE(never_returns_x86_64(""));
}

}  // namespace
}  // namespace mdbc::binary
