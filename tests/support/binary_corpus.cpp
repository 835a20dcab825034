#include "support/binary_corpus.h"

#include <stdexcept>

namespace mdbc::test {

const char* const hardening_program = R"(#include <stdio.h>
#include <string.h>

static char greeting[64];

#ifdef UNPROTECTED_HELPER
__attribute__((no_stack_protector))
#endif
__attribute__((noinline)) int sum_table(int n) {
  int table[16];
  for (int i = 0; i < 16; i++) table[i] = i * n;
  return table[n & 15];
}

__attribute__((noinline)) int copy_name(const char *s) {
  char buf[32];
  strcpy(buf, s);
  puts(buf);
  return buf[0];
}

int main(int argc, char **argv) {
  char line[64];
  snprintf(line, sizeof line, "%s", argc > 1 ? argv[1] : "x");
  memcpy(greeting, line, sizeof line);
  printf("%d %d %s\n", copy_name(line), sum_table(argc), greeting);
  return 0;
}
)";

const char* const chk_exporting_library = R"(#include <stdlib.h>
#include <string.h>

void *__memcpy_chk(void *dst, const void *src, size_t n, size_t dst_size) {
  if (n > dst_size) abort();
  return memcpy(dst, src, n);
}

void __stack_chk_fail(void) { abort(); }

int lib_sum(const int *v, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  return s;
}
)";

const char* const firmware_program = R"(#include <stdint.h>
#include <string.h>

extern uint32_t _estack, _sdata, _edata, _sidata, _sbss, _ebss;
int main(void);

void reset_handler(void) {
  uint32_t *src = &_sidata, *dst = &_sdata;
  while (dst < &_edata) *dst++ = *src++;
  for (dst = &_sbss; dst < &_ebss;) *dst++ = 0;
  main();
  for (;;) {
  }
}

void default_handler(void) {
  for (;;) {
  }
}

#ifdef WRITABLE_VECTORS
#define VECTOR_TABLE_CONST
#else
#define VECTOR_TABLE_CONST const
#endif
__attribute__((section(".isr_vector"), used)) void (*VECTOR_TABLE_CONST vectors[16])(void) = {
    (void (*)(void))&_estack, reset_handler, default_handler, default_handler, default_handler,
    default_handler, default_handler, 0, 0, 0, 0, default_handler, default_handler, 0, default_handler,
    default_handler,
};

volatile uint8_t uart_rx[64];
volatile uint32_t uart_tx;

__attribute__((noinline)) static int parse_frame(int n) {
  uint8_t frame[32];
  for (int i = 0; i < n && i < 32; i++) frame[i] = uart_rx[i];
  int sum = 0;
  for (int i = 0; i < 32; i++) sum += frame[i];
  return sum;
}

#ifdef RAM_FUNCTION
__attribute__((section(".ramfunc")))
#endif
__attribute__((noinline)) uint32_t checksum(const volatile uint8_t *p, int n) {
  uint8_t copy[16];
  uint32_t c = 0;
  for (int i = 0; i < 16; i++) copy[i] = p[i % n];
  for (int i = 0; i < 16; i++) c = (c << 1) ^ copy[i];
  return c;
}

#ifdef BANNED_CALL
static char device_name[16];
__attribute__((noinline)) void set_name(const char *s) { strcpy(device_name, s); }
#endif

int main(void) {
#ifdef BANNED_CALL
  set_name((const char *)uart_rx);
#endif
  for (;;) uart_tx = (uint32_t)parse_frame(uart_rx[0]) + checksum(uart_rx, 8);
}
)";

const char* const cortex_m_linker_script = R"(ENTRY(reset_handler)
MEMORY {
  FLASH (rx) : ORIGIN = 0x08000000, LENGTH = 256K
  RAM (rwx) : ORIGIN = 0x20000000, LENGTH = 64K
}
SECTIONS {
  .isr_vector : { KEEP(*(.isr_vector)) } > FLASH
  .text : { *(.text*) *(.rodata*) . = ALIGN(4); } > FLASH
  .data : { _sdata = .; *(.data*) *(.ramfunc*) . = ALIGN(4); _edata = .; } > RAM AT > FLASH
  _sidata = LOADADDR(.data);
  .bss (NOLOAD) : { _sbss = .; *(.bss*) *(COMMON) . = ALIGN(4); _ebss = .; } > RAM
  end = .;
  _estack = ORIGIN(RAM) + LENGTH(RAM);
}
)";

namespace {

void must_run(const std::vector<std::string>& argv) {
  const RunResult r = run(argv, {}, 300);
  if (r.exit_code != 0) {
    std::string cmd;
    for (const auto& a : argv) cmd += a + " ";
    throw std::runtime_error("corpus build failed: " + cmd + "\n" + r.out + r.err);
  }
}

}  // namespace

std::filesystem::path BinaryCorpus::gcc(const std::string& name, const std::string& source,
                                        const std::vector<std::string>& flags) {
  if (const auto it = built_.find(name); it != built_.end()) return it->second;
  const auto src = dir_.write(name + ".c", source);
  const auto out = dir() / name;
  std::vector<std::string> argv{"gcc"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), {src.string(), "-o", out.string()});
  must_run(argv);
  built_[name] = out;
  return out;
}

BinaryCorpus::Firmware BinaryCorpus::cortex_m(const std::string& name, const std::string& source,
                                              const std::vector<std::string>& flags) {
  if (const auto it = firmware_.find(name); it != firmware_.end()) return it->second;
  const auto src = dir_.write(name + ".c", source);
  const auto script = dir_.write("cortex-m.ld", cortex_m_linker_script);
  Firmware fw{dir() / (name + ".elf"), dir() / (name + ".bin"), dir() / (name + ".hex")};
  std::vector<std::string> argv{"arm-none-eabi-gcc", "-mcpu=cortex-m4", "-mthumb", "-Os",
                                "--specs=nano.specs", "--specs=nosys.specs", "-nostartfiles",
                                "-T", script.string()};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), {src.string(), "-o", fw.elf.string()});
  must_run(argv);
  must_run({"arm-none-eabi-objcopy", "-O", "binary", fw.elf.string(), fw.bin.string()});
  must_run({"arm-none-eabi-objcopy", "-O", "ihex", fw.elf.string(), fw.hex.string()});
  firmware_[name] = fw;
  return fw;
}

}  // namespace mdbc::test
