// Pairs from reading mdbc's findings on device code: Arduino cores and sketches, SDCC's device
// libraries, Linux kernel drivers built out of tree. Each good twin is a look-alike that such code
// writes every day and must be silent; each bad twin is the flaw the element is about and must be
// reported (a good twin may be the fixed code where the pair is about a miss).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::expect_tree_pairs;
using test::RulePair;
using test::TreePair;

// CODE-1 in an Arduino sketch (.ino), C++ that the Arduino builder compiles.
const std::vector<RulePair> sketch_pairs = {
    {"strcpy in a sketch",
     "char name[16];\nvoid setup() { Serial.begin(9600); }\nvoid loop() { strcpy(name, Serial.readString().c_str()); }\n",
     "char name[16];\nvoid setup() { Serial.begin(9600); }\n"
     "void loop() { Serial.readBytesUntil('\\n', name, sizeof name - 1); }\n",
     "pump/pump.ino"},
};

// HARD-3: a driver built by the kernel's kbuild (obj-m) is no Linux user-space program, so PIE,
// RELRO and a -D_FORTIFY_SOURCE do not apply to it; a user-space tool beside it still needs them.
const std::string driver = "int pump_probe(void) { return 0; }\n";
const std::string protector_flags = "ccflags-y += -fstack-protector-strong -Wformat -Werror=format-security\n";
const std::vector<TreePair> kernel_module_pairs = {
    {"an out-of-tree kernel module, against one with a user-space tool built beside it",
     {{"Makefile", "obj-m += pump.o\n" + protector_flags, {}},
      {"tools/Makefile", "CFLAGS += -O2 -fstack-protector-strong -Wformat -Werror=format-security\n"
                         "monitor: monitor.c\n\t$(CC) $(CFLAGS) -o $@ $<\n", {}},
      {"pump.c", driver, {}},
      {"tools/monitor.c", "int main(void) { return 0; }\n", {}}},
     {{"Makefile", "obj-m += pump.o\n" + protector_flags + "\nall:\n\t$(MAKE) -C $(KDIR) M=$(PWD) modules\n", {}},
      {"pump.c", driver, {}}}},
    {"a Kbuild file without the flags, against one that asks for them (kbuild reads Kbuild before Makefile)",
     {{"Kbuild", "obj-m += pump.o\n", {}}, {"pump.c", driver, {}}},
     {{"Kbuild", "obj-m += pump.o\n" + protector_flags, {}}, {"pump.c", driver, {}}}},
    {"kbuild goals under a Kconfig option, against a Makefile that links a program",
     {{"Makefile", "CFLAGS += -fstack-protector-strong -Wformat -Werror=format-security\n"
                   "pump: pump.o\n\tgcc $(CFLAGS) -o pump pump.o\n", {}},
      {"pump.c", driver, {}}},
     {{"Makefile", "obj-$(CONFIG_PUMP) += pump.o\npump-y := pump_main.o pump_dma.o\n" + protector_flags, {}},
      {"pump.c", driver, {}}}},
};

// HARD-3: firmware for a microcontroller (Arduino-Makefile's Arduino.mk, avr-gcc's -mmcu=) is
// bare metal, where PIE, RELRO and FORTIFY_SOURCE do not exist.
const std::string sketch = "void setup() { pinMode(13, OUTPUT); }\nvoid loop() { digitalWrite(13, HIGH); }\n";
const std::string sketch_flags = "CFLAGS += -fstack-protector-strong -Wformat -Werror=format-security\n";
const std::vector<TreePair> microcontroller_pairs = {
    {"an Arduino-Makefile board build, against a host build of the same sketch",
     {{"Makefile", sketch_flags + "host: pump.o\n\t$(CXX) $(CFLAGS) -o pump-host pump.o\n", {}}, {"pump.ino", sketch, {}}},
     {{"Makefile", sketch_flags + "BOARD_TAG = uno\ninclude /usr/share/arduino/Arduino.mk\n", {}}, {"pump.ino", sketch, {}}}},
    {"avr-gcc's -mmcu=, against a Linux target",
     {{"Makefile", sketch_flags + "CFLAGS += -march=armv7-a\npump: pump.c\n\t$(CC) $(CFLAGS) -o $@ $<\n", {}},
      {"pump.c", driver, {}}},
     {{"Makefile", sketch_flags + "CFLAGS += -mmcu=atmega328p\npump.elf: pump.c\n\t$(CC) $(CFLAGS) -o $@ $<\n", {}},
      {"pump.c", driver, {}}}},
};

// CODE-5: SDCC's inline assembly (__asm … __endasm;) holds local labels such as 00001$, which
// are no octal constants, and listing comments that name C functions, which are no calls.
const std::vector<RulePair> inline_assembly_pairs = {
    {"an assembler label against an octal constant",
     "void delay(void) {\n  unsigned char n = 010;\n  while (n--)\n    ;\n}\n",
     "void delay(void) {\n  __asm\n    mov r7, #10\n00001$:\n    djnz r7, 00001$\n  __endasm;\n}\n",
     "src/delay.c"},
    {"a listing comment naming longjmp against a call of it",
     "#include <setjmp.h>\nvoid restart(jmp_buf env) { longjmp(env, 1); }\n",
     "void restart(void) {\n  _asm\n;_setjmp.c:216: int longjmp (jmp_buf buf, int rv)\n    ljmp 0x0000\n  _endasm;\n}\n",
     "src/restart.c"},
};

// CODE-5/recursion: in C++ an argument cast to another type calls another overload, as
// Arduino's Print, Stream and Wire classes do for every integer width.
const std::vector<RulePair> overload_pairs = {
    {"an overload chosen by a cast, against a call of the same overload",
     "struct Port {\n  size_t write(uint8_t c);\n  size_t write(unsigned long n);\n};\n"
     "size_t Port::write(uint8_t c) { return emit(c); }\n"
     "size_t Port::write(unsigned long n) { return n > 9 ? write((unsigned long)(n / 10)) : emit(n); }\n",
     "struct Port {\n  size_t write(uint8_t c);\n  size_t write(unsigned long n);\n};\n"
     "size_t Port::write(uint8_t c) { return emit(c); }\n"
     "size_t Port::write(unsigned long n) { return write((uint8_t)n); }\n",
     "src/port.cpp"},
    {"an inline overload in a class casting its pointer, against a C function casting to its own type",
     "struct node { struct node *next; };\n"
     "static inline int depth(struct node *n) { return n ? 1 + depth((struct node *)n->next) : 0; }\n",
     "class Stream {\n public:\n  bool find(char *target);\n"
     "  bool find(uint8_t *target) { return find((char *)target); }\n};\n"
     "bool Stream::find(char *target) { return scan(target); }\n",
     "src/stream.h"},
    {"static_cast to another overload's parameter, against one to its own",
     "int level(int depth) { return depth > 0 ? level(static_cast<int>(depth - 1)) : 0; }\n"
     "int level(double x) { return x > 0 ? 1 : 0; }\n",
     "int level(double x) { return x > 0 ? 1 : 0; }\n"
     "int level(int depth) { return level(static_cast<double>(depth)); }\n",
     "src/level.cpp"},
    {"a class's inline overload of a declared member, against a C header converting its argument",
     "static inline long total(long n) { return n > 0 ? n + total((int)(n - 1)) : 0; }\n",
     "class Stream {\n public:\n  size_t readBytes(char *buffer, size_t length);\n"
     "  size_t readBytes(uint8_t *buffer, size_t length) { return readBytes((char *)buffer, length); }\n};\n",
     "src/stream.h"},
    {"the fifth overload of a file, each taking two parameters",
     "size_t Out::print(char c, int base) { return emit(c, base); }\n"
     "size_t Out::print(double x, int digits) { return emit_float(x, digits); }\n"
     "size_t Out::print(float x, int digits) { return print((double)x, digits); }\n"
     "size_t Out::print(long n, int base) { return emit_number(n, base); }\n"
     "size_t Out::print(int n, int base) { return n > 9 ? print((int)(n / 10), base) : emit(n, base); }\n",
     "size_t Out::print(char c, int base) { return emit(c, base); }\n"
     "size_t Out::print(double x, int digits) { return emit_float(x, digits); }\n"
     "size_t Out::print(float x, int digits) { return print((double)x, digits); }\n"
     "size_t Out::print(long n, int base) { return emit_number(n, base); }\n"
     "size_t Out::print(int n, int base) { return print((long)n, base); }\n",
     "src/out.cpp"},
};

// CODE-3: a macro's parameter may share the name of a C library function (a tracing framework's
// TRACE_INCLUDE(system) names a trace system); in the macro's body the name is the parameter.
const std::vector<RulePair> macro_parameter_pairs = {
    {"system passed by a macro as a function pointer, against a macro parameter named system",
     "#define TRACE_RUN(cmd) run_with(system, cmd)\n",
     "#define TRACE_PATH(system) __stringify(trace/system)\n#define TRACE_INCLUDE(system) TRACE_PATH(system)\n",
     "include/trace/define_trace.h"},
};

// CODE-5/recursion: a driver built for several kernel versions opens a block in each branch of an
// #if group; one branch is compiled, so the group opens one brace, and the function ends where it
// ends: a later function's call of it is no call from inside it.
const std::string version_branches =
    "static void card_off(struct card *c) {\n"
    "  do {\n"
    "#if KERNEL_VERSION_CODE >= 0x051200\n"
    "    if (!fetch(c)) {\n"
    "#else\n"
    "    if (fetch_old(c) || !c->dev) {\n"
    "#endif\n"
    "      warn(c);\n"
    "      break;\n"
    "    }\n"
    "  } while (0);\n"
    "  power_down(c);\n";
const std::vector<RulePair> version_branch_pairs = {
    {"a function calling itself, against a later function calling one whose #if branches each open a block",
     version_branches + "  if (c->next) card_off(c->next);\n}\n",
     version_branches + "}\n\nstatic void card_set(struct card *c, int on) {\n  if (!on) card_off(c);\n}\n",
     "src/card.c"},
};

// CODE-2 in kernel modules: the kernel's own formatting functions (scnprintf, kasprintf, whose
// header a module's tree does not carry), and a printf-like function declared with an attribute
// macro (__printf(2, 3)) before its return type, which forwards its format as vsnprintf's.
const std::string tlv_printf =
    "#include <stdarg.h>\n"
    "static __printf(2, 3) int tlv_printf(struct reply *r, const char *fmt, ...)\n{\n"
    "\tva_list args;\n\tint n;\n\n\tva_start(args, fmt);\n"
    "\tn = vsnprintf(r->data + r->len, r->room, fmt, args);\n\tva_end(args);\n\treturn n;\n}\n\n";
const std::vector<RulePair> kernel_format_pairs = {
    {"a rule's name as scnprintf's format, against it as an argument",
     "void report(struct msg *m, const struct rule_info *info) {\n"
     "\tscnprintf(m->rule_name, info->rule_name_len + 1, info->rule_name);\n}\n",
     "void report(struct msg *m, const struct rule_info *info) {\n"
     "\tscnprintf(m->rule_name, info->rule_name_len + 1, \"%s\", info->rule_name);\n}\n",
     "extensions/knock.c"},
    {"a format pointer reassigned from a message, against one chosen between two literals",
     "void show(struct seq *m, const struct rule *r, const char *note) {\n"
     "\tchar *fmt = r->wide ? \" %08x\\n\" : \" %03x\\n\";\n\tif (note)\n\t\tfmt = (char *)note;\n"
     "\tseq_show(m, fmt, r->id);\n\tprintf(fmt, r->id);\n}\n",
     "void show(struct seq *m, const struct rule *r) {\n"
     "\tchar *fmt = r->wide ? \" %08x\\n\" : \" %03x\\n\";\n\n\tprintf(fmt, r->id);\n}\n",
     "net/can_show.c"},
    {"a format assigned a message in one branch and a literal in the else, against literals in both",
     "void show(const struct rule *r, const char *note) {\n\tchar *fmt;\n\n\tif (note)\n\t\tfmt = (char *)note;\n"
     "\telse\n\t\tfmt = \"%u\\n\";\n\tprintf(fmt, r->id);\n}\n",
     "void show(const struct rule *r) {\n\tchar *fmt;\n\n\tif (r->wide)\n\t\tfmt = \"%08x\\n\";\n"
     "\telse\n\t\tfmt = \"%03x\\n\";\n\tprintf(fmt, r->id);\n}\n",
     "net/rule_show.c"},
    {"a peer's text as a __printf wrapper's format, against a wrapper given a literal",
     tlv_printf + "void show_peer(struct reply *r, const char *peer) { tlv_printf(r, peer); }\n",
     tlv_printf + "void show_peer(struct reply *r, const char *peer) { tlv_printf(r, \"%s\\n\", peer); }\n",
     "net/compat.c"},
};

// CODE-2: a function taking a format and a va_list passes them on through a macro that picks the
// platform's v-form (#define os_vprintf(fmt, ap) vprintf(fmt, ap)): a printf-like function as much
// as one calling vprintf itself; its callers' formats are checked instead.
const std::string vprintf_macro = "#include <stdarg.h>\n#include <stdio.h>\n#define os_vprintf(fmt, ap) vprintf(fmt, ap)\n"
                                  "extern char *peer_name;\n";
const std::vector<RulePair> va_list_macro_pairs = {
    {"a peer's name as the format of a v-form macro, against the function's own format passed on",
     vprintf_macro + "static void os_vwarn(const char *fmt, va_list ap) { os_vprintf(peer_name, ap); }\n",
     vprintf_macro + "static void os_vwarn(const char *fmt, va_list ap) { os_vprintf(fmt, ap); }\n",
     "src/os/warn.c"},
};

// Old-style (K&R) definitions, which old device libraries and boot monitors still carry: the
// parameters are declared between the identifier list and the body, and the body is a function's.
// CODE-2: a format parameter every caller gives a literal; CODE-5: a call of the function itself.
const std::string old_style_debug =
    "#include <stdio.h>\nint remote_debug;\n\nvoid debug_error(format, parm)\nchar *format;\nchar *parm;\n{\n"
    "  if (remote_debug) fprintf(stderr, format, parm);\n}\n\n";
const std::vector<RulePair> old_style_format_pairs = {
    {"a K&R debug helper given a packet's text as its format, against one given a literal",
     old_style_debug + "void handle(char *packet) { debug_error(packet, \"\"); }\n",
     old_style_debug + "void handle(char *packet) { debug_error(\"bad packet %s\\n\", packet); }\n",
     "libgloss/board/stub.c"},
};
const std::vector<RulePair> old_style_recursion_pairs = {
    {"a K&R definition calling itself, against one calling another function",
     "unsigned\nsum_digits(n, base)\n  unsigned n;\n  int base;\n{\n  return n ? n % base + sum_digits(n / base, base) : 0;\n}\n",
     "unsigned\nsum_digits(n, base)\n  unsigned n;\n  int base;\n{\n  return n ? n % base + digit_sum(n / base, base) : 0;\n}\n",
     "libc/stdlib/digits.c"},
    {"an implicit-int K&R definition calling itself, against a block after declarations",
     "count(p)\nchar *p;\n{\n  return *p ? 1 + count(p + 1) : 0;\n}\n",
     "int count(char *p);\nint total;\n{\n  total = count(name);\n}\n",
     "libc/string/count.c"},
};

// RNG-1 and CODE-3: a port's header names the platform's function after the one the code calls
// (#define random() rand(), #define popen(cmd, mode) _popen((cmd), (mode))). Each use calls the
// flagged function by its own name and is reported where it is; the stand-in itself is no use.
const std::string port_shims = "#define sleep(seconds) Sleep((seconds) * 1000)\n#define srandom(a) srand(a)\n";
const std::vector<RulePair> port_random_pairs = {
    {"a macro of another name calling rand, against the port's stand-in for random",
     port_shims + "#define pick_delay() rand()\n", port_shims + "#define random() rand()\n",
     "src/config/param.win.h"},
    {"the stand-in used in its own file, against the stand-in alone",
     port_shims + "#define random() rand()\nint jitter(void) { return random() % 100; }\n",
     port_shims + "#define random() rand()\n", "src/config/param.win.h"},
};
const std::vector<RulePair> port_shell_pairs = {
    {"a macro of another name calling _popen, against the port's stand-in for popen",
     port_shims + "#define run_filter(cmd, mode) _popen((cmd), (mode))\n",
     port_shims + "#define popen(cmd, mode) _popen((cmd), (mode))\n#define pclose(stream) _pclose(stream)\n",
     "src/config/param.win.h"},
    {"the stand-in used in its own file, against the stand-in alone",
     port_shims + "#define popen(cmd, mode) _popen((cmd), (mode))\nFILE *ls(void) { return popen(\"ls\", \"r\"); }\n",
     port_shims + "#define popen(cmd, mode) _popen((cmd), (mode))\n", "src/config/param.win.h"},
};

// CODE-1 and CODE-3 in a C library's own headers and sources: at file scope a macro invoked as a
// statement declares or defines with the names it is given (a fortified strcpy, an alias of
// system); nothing there takes the function's address.
const std::string fortify_macro =
    "#define __fortify_wrap(fun, dst_t, src_t) \\\n"
    "  static inline dst_t fun(dst_t d, src_t s) { return __##fun##_chk(d, s, __builtin_object_size(d, 0)); }\n";
const std::vector<RulePair> file_scope_macro_pairs = {
    {"strcpy stored in a file-scope pointer, against the fortify header's wrappers",
     fortify_macro + "static char *(*copy_fn)(char *, const char *) = strcpy;\n",
     fortify_macro + "__BEGIN_DECLS\n#if __GNUC__ >= 4\n__fortify_wrap(stpcpy, char *, const char *)\n#endif\n"
                     "__fortify_wrap(strcpy, char *, const char *)\n__fortify_wrap(strcat, char *, const char *)\n",
     "libc/include/ssp/string.h"},
};
const std::string libc_system =
    "int __libc_system(const char *line) {\n  if (line == 0) return 1;\n  return do_system(line);\n}\n";
const std::vector<RulePair> file_scope_alias_pairs = {
    {"system stored in a file-scope table, against the C library naming its own function system",
     libc_system + "static int (*const runners[])(const char *) = {\n  system,\n};\n",
     libc_system + "weak_alias (__libc_system, system)\n", "libc/sys/linux/system.c"},
};

// CRYPTO-1 through the Linux kernel's crypto API, which names a transformation by a string of
// templates around an algorithm.
const std::vector<RulePair> kernel_crypto_pairs = {
    {"MD5 by name, against SHA-256",
     "static struct crypto_shash *port_hash(void) { return crypto_alloc_shash(\"md5\", 0, CRYPTO_ALG_ASYNC); }\n",
     "static struct crypto_shash *port_hash(void) { return crypto_alloc_shash(\"sha256\", 0, CRYPTO_ALG_ASYNC); }\n",
     "src/mod/port_hash.c"},
    {"3DES in CBC mode, against AES in GCM",
     "tfm = crypto_alloc_skcipher(\"cbc(des3_ede)\", 0, 0);\n",
     "tfm = crypto_alloc_aead(\"gcm(aes)\", 0, 0);\n",
     "src/mod/tunnel.c"},
    {"AES in ECB mode, against HMAC-SHA-1",
     "tfm = crypto_alloc_skcipher(\"ecb(aes)\", 0, 0);\n",
     "tfm = crypto_alloc_shash(\"hmac(sha1)\", 0, 0);\n",
     "src/mod/auth.c"},
    {"RC4 under the ecb template, against the null cipher under it (no encryption, no mode)",
     "tfm = crypto_alloc_sync_skcipher(\"ecb(arc4)\", 0, 0);\n",
     "tfm = crypto_alloc_sync_skcipher(\"ecb(cipher_null)\", 0, 0);\n",
     "src/mod/null_esp.c"},
};

TEST(DeviceCodePairs, ArduinoSketchesAreInspected) { expect_pairs("CODE-1", sketch_pairs); }
TEST(DeviceCodePairs, KernelModulesNeedNoUserSpaceLinking) { expect_tree_pairs("HARD-3", kernel_module_pairs); }
TEST(DeviceCodePairs, MicrocontrollerBuildsAreBareMetal) { expect_tree_pairs("HARD-3", microcontroller_pairs); }
TEST(DeviceCodePairs, InlineAssemblyIsNoC) { expect_pairs("CODE-5", inline_assembly_pairs); }
TEST(DeviceCodePairs, MacroParametersAreNoLibraryFunctions) { expect_pairs("CODE-3", macro_parameter_pairs); }
TEST(DeviceCodePairs, EachBranchOfAnIfGroupOpensTheSameBlock) { expect_pairs("CODE-5", version_branch_pairs); }
TEST(DeviceCodePairs, KernelFormatFunctionsAndPrintfAttributeMacros) { expect_pairs("CODE-2", kernel_format_pairs); }
TEST(DeviceCodePairs, VaListWrappersPassFormatsThroughMacros) { expect_pairs("CODE-2", va_list_macro_pairs); }
TEST(DeviceCodePairs, OldStyleDefinitionsTakeTheirFormats) { expect_pairs("CODE-2", old_style_format_pairs); }
TEST(DeviceCodePairs, OldStyleDefinitionsAreFunctions) { expect_pairs("CODE-5", old_style_recursion_pairs); }
TEST(DeviceCodePairs, PortStandInsForWeakGeneratorsAreNoUse) { expect_pairs("RNG-1", port_random_pairs); }
TEST(DeviceCodePairs, PortStandInsForShellFunctionsAreNoUse) { expect_pairs("CODE-3", port_shell_pairs); }
TEST(DeviceCodePairs, FileScopeMacroArgumentsAreNoPointers) { expect_pairs("CODE-1", file_scope_macro_pairs); }
TEST(DeviceCodePairs, FileScopeAliasesAreNoPointers) { expect_pairs("CODE-3", file_scope_alias_pairs); }
TEST(DeviceCodePairs, KernelCryptoApiNamesAlgorithms) { expect_pairs("CRYPTO-1", kernel_crypto_pairs); }
TEST(DeviceCodePairs, OverloadsChosenByACastAreNoRecursion) { expect_pairs("CODE-5", overload_pairs); }

}  // namespace
}  // namespace mdbc::source
