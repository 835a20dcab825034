// CODE-2: paired cases; the good twin of every bad case must be silent.
#include <gtest/gtest.h>

#include "support/source_fixture.h"

namespace mdbc::test {
namespace {

struct Pair {
  const char* name;
  const char* bad;
  std::vector<uint32_t> bad_lines;
  const char* good;
  const char* path = "t.c";
};

const Pair pairs[] = {
    {"printf", "void f(const char *msg) { printf(msg); }\n", {1},
     "void f(const char *msg) { printf(\"%s\", msg); }\n"},
    {"fprintf: the format is the second argument", "void f(FILE *o, const char *m) { fprintf(o, m); }\n", {1},
     "void f(FILE *o, const char *m) { fprintf(o, \"%s\\n\", m); }\n"},
    {"snprintf: the third", "void f(char *b, const char *m) { snprintf(b, 16, m); }\n", {1},
     "void f(char *b, const char *m) { snprintf(b, 16, \"%s\", m); }\n"},
    {"syslog and dprintf", "void f(int fd, const char *m) {\n  syslog(LOG_ERR, m);\n  dprintf(fd, m);\n}\n", {2, 3},
     "void f(int fd, const char *m) {\n  syslog(LOG_ERR, \"%s\", m);\n  dprintf(fd, \"%s\", m);\n}\n"},
    {"err and warn families", "void f(const char *m) {\n  err(1, m);\n  warnx(m);\n}\n", {2, 3},
     "void f(const char *m) {\n  err(1, \"%s\", m);\n  warnx(\"%s\", m);\n}\n"},
    {"concatenated literals and inttypes macros", "void f(uint32_t v, char *fmt) { printf(fmt, v); }\n", {1},
     "void f(uint32_t v) { printf(\"value=%\" PRIu32 \" (0x%\" PRIx32 \")\\n\", v, v); }\n"},
    {"macros of the same file defined as literals", "#define FMT make_format()\nvoid f(int v) { printf(FMT, v); }\n", {2},
     "#define PREFIX \"[pump] \"\n#define FMT PREFIX \"%d\\n\"\nvoid f(int v) { printf(FMT, v); }\n"},
    {"conditional with literal branches", "void f(int e, const char *m) { printf(e ? m : \"ok\\n\"); }\n", {1},
     "void f(int e) { printf(e ? \"error\\n\" : \"ok\\n\"); }\n"},
    {"gettext lookups of literals", "void f(const char *m) { printf(_(m)); }\n", {1},
     "void f(int n) { printf(_(\"%d items\\n\"), n); printf(ngettext(\"%d item\", \"%d items\", n), n); }\n"},
    {"multi-line call", "void f(const char *m) {\n  fprintf(stderr,\n          m);\n}\n", {3},
     "void f(const char *m) {\n  fprintf(stderr,\n          \"%s\", m);\n}\n"},
    {"a variadic wrapper forwarding its own format is not a finding; printing it directly is",
     "void log_msg(const char *fmt, ...) {\n  printf(fmt);\n}\n", {2},
     "void log_msg(const char *fmt, ...) {\n  va_list ap;\n  va_start(ap, fmt);\n  vfprintf(stderr, fmt, ap);\n  va_end(ap);\n}\n"
     "void vlog(int level, const char *fmt, va_list ap) { vsyslog(level, fmt, ap); }\n"},
    {"a v-form fed with something other than the wrapper's format",
     "void log_msg(const char *fmt, ...) {\n  va_list ap;\n  va_start(ap, fmt);\n  vprintf(current_format(), ap);\n}\n", {4},
     "void log_msg(const char *tag, const char *fmt, ...) {\n  va_list ap;\n  va_start(ap, fmt);\n  vprintf(fmt, ap);\n}\n"},
    {"a macro passing its parameter as the format is checked at its expansions",
     "#define LOG(fmt, ...) printf(\"[pump] \" fmt \"\\n\", ##__VA_ARGS__)\nvoid f(const char *m) { LOG(m); }\n", {2},
     "#define LOG(fmt, ...) printf(\"[pump] \" fmt \"\\n\", ##__VA_ARGS__)\nvoid f(const char *m) { LOG(\"%s\", m); }\n"},
    {"a macro passing __VA_ARGS__ on", "#define ERR(...) fprintf(stderr, __VA_ARGS__)\nvoid f(char *m) { ERR(m); }\n", {2},
     "#define ERR(...) fprintf(stderr, __VA_ARGS__)\nvoid f(char *m) { ERR(\"%s\", m); }\n"},
    {"a macro whose body prints data", "#define SHOW() printf(buffer)\nvoid f(void) { SHOW(); }\n", {1},
     "#define SHOW() printf(\"%s\", buffer)\nvoid f(void) { SHOW(); }\n"},
    {"const local initialised with a literal",
     "void f(int v) {\n  const char *fmt = \"%d\\n\";\n  fmt = next_format();\n  printf(fmt, v);\n}\n", {4},
     "static const char banner[] = \"pump %s\\n\";\nvoid f(int v, const char *ver) {\n  const char *const fmt = v ? \"%d\\n\" : \"%x\\n\";\n  printf(fmt, v);\n  printf(banner, ver);\n}\n"},
    {"comments, strings, members and user namespaces",
     "void f(const char *m) { sprintf(out, m); }\n", {1},
     "// printf(m);\nconst char *s = \"printf(m)\";\nvoid f(struct log *l, const char *m) { l->printf(m); fmt::printf(m); }\n",
     "t.cpp"},
    {"a program's own non-variadic function with a library name",
     "void f(const char *m) { warn(m); }\n", {1},
     "static void warn(const char *msg) { puts(msg); }\nvoid f(const char *m) { warn(m); }\n"},
    {"scanf family and wide forms", "void f(const char *in, const char *fmt, int *v) { sscanf(in, fmt, v); }\n", {1},
     "void f(const wchar_t *m) { wprintf(L\"%ls\", m); swprintf(buf, 8, L\"%d\", 1); }\n"},
    {"kernel log levels", "void f(const char *m) { printk(m); }\n", {1},
     "void f(int v) { printk(KERN_ERR \"pump: %d\\n\", v); }\n"},
    {"names placed among literals are literal macros of some header",
     "void f(void) { printk(DRIVER_BANNER); }\n", {1},
     "void f(void) { printk(KERN_INFO \"pump driver v\" DRV_VERSION \" (\" DRV_DATE \")\\n\"); }\n"},
    {"a file-scope constant built from the file's macros",
     "#define DRV_NAME \"pump\"\nstatic char banner[] = DRV_NAME \" ready\\n\";\nvoid f(void) { printk(banner); }\n"
     "void rename_banner(const char *b) { strcpy(banner, b); }\n", {3},
     "#define DRV_NAME \"pump\"\nstatic const char banner[] =\n  KERN_INFO DRV_NAME \" ready\\n\";\nvoid f(void) { printk(banner); }\n"},
    {"a function-like macro among literals in a wrapper macro",
     "#define pr_fmt(fmt) \"pump: \" fmt\n#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)\n"
     "void f(const char *m) { pr_info(m); }\n", {3},
     "#define pr_fmt(fmt) \"pump: \" fmt\n#define pr_info(fmt, ...) printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)\n"
     "void f(int v) { pr_info(\"rate %d\\n\", v); }\n"},
    {"GNU C's named variable arguments carrying the format",
     "#define FAILIF(x, args...) do { if (x) { fprintf(stderr, ##args); return -1; } } while (0)\n"
     "int f(const char *m) { FAILIF(m == 0, m); return 0; }\n", {2},
     "#define FAILIF(x, args...) do { if (x) { fprintf(stderr, ##args); return -1; } } while (0)\n"
     "int f(int n) { FAILIF(n < 0, \"read failed: %d\\n\", n); return 0; }\n"},
    {"no format at all",
     "#include <stdarg.h>\n#include <stdio.h>\nvoid reply_error(const char *name, const char *format, ...) {\n"
     "  char text[256];\n  va_list ap;\n  va_start(ap, format);\n  if (format) vsnprintf(text, sizeof text, format, ap);\n"
     "  va_end(ap);\n}\nvoid f(const char *m) { reply_error(\"org.Failed\", m); }\n", {10},
     "#include <stdarg.h>\n#include <stdio.h>\nvoid reply_error(const char *name, const char *format, ...) {\n"
     "  char text[256];\n  va_list ap;\n  va_start(ap, format);\n  if (format) vsnprintf(text, sizeof text, format, ap);\n"
     "  va_end(ap);\n}\nvoid f(void) { reply_error(\"org.Failed\", NULL); }\n"},
    {"a macro parameter's spelling as the format",
     "#define SHOW(name) printf(name)\nvoid f(const char *m) { SHOW(m); }\n", {2},
     "#define SHOW(name) printf(#name \" module unload - not possible\\n\")\nvoid f(void) { SHOW(pump); }\n"},
    {"a log level pasted onto KERN_ in a wrapper macro",
     "#define LOG(level, fmt, ...) printk(KERN_ ## level \"pump: \" fmt, ##__VA_ARGS__)\n"
     "void f(const char *m) { LOG(ERR, m); }\n", {2},
     "#define LOG(level, fmt, ...) printk(KERN_ ## level \"pump: \" fmt, ##__VA_ARGS__)\n"
     "void f(int v) { LOG(ERR, \"rate %d\\n\", v); }\n"},
    {"a file-scope array in an init section, written elsewhere or not",
     "static char banner[] __initdata = \"pump driver\\n\";\nvoid f(void) { printk(banner); }\n"
     "void rename_banner(const char *b) { strcpy(banner, b); }\n", {2},
     "static char banner[] __initdata = \"pump driver\\n\";\nvoid f(void) { printk(banner); }\n"},
    {"a wrapper macro defined twice, under #if and #else, with different parameters",
     "#if DBG_LEVEL > 0\n#define DBG(d, f, x...) printk(KERN_DEBUG \"emac: \" f, ##x)\n#else\n#define DBG(f, x...) ((void)0)\n#endif\n"
     "void f(struct dev *d, const char *m) { DBG(d, m); }\n", {6},
     "#if DBG_LEVEL > 0\n#define DBG(d, f, x...) printk(KERN_DEBUG \"emac: \" f, ##x)\n#else\n#define DBG(f, x...) ((void)0)\n#endif\n"
     "void f(struct dev *d, int v) { DBG(d, \"rate %d\\n\", v); }\n"},
    {"a pointer given a literal behind a header's level macro on every branch, against one given input",
     "void f(int wide, int a, const char *user) {\n  char *fmt = KERN_DEBUG \"%d\\n\";\n  if (wide)\n    fmt = user;\n"
     "  printk(fmt, a);\n}\n", {5},
     "void f(int wide, int a) {\n  char *fmt = KERN_DEBUG \"%d\\n\";\n  if (wide)\n    fmt = KERN_DEBUG \"%08d\\n\";\n"
     "  printk(fmt, a);\n}\n"},
    {"a pointer given literals, printed twice by a kernel print function, against one scanned into",
     "void f(int wide, int a, char *line) {\n  char *fmt = \"%d\\n\";\n  if (wide)\n    fmt = \"%08d\\n\";\n"
     "  sscanf(line, \"%s\", fmt);\n  printk(fmt, a);\n}\n", {6},
     "void f(int wide, int a) {\n  char *fmt = \"%d\\n\";\n  if (wide)\n    fmt = \"%08d\\n\";\n"
     "  printk(fmt, a);\n  printk(fmt, a + 1);\n}\n"},
    {"a function's static array in an init section, given a literal, against one given input",
     "void f(int status, const char *in) {\n  static char err_text[64] __initdata = KERN_ERR \"err %d\\n\";\n"
     "  strcpy(err_text, in);\n  printk(err_text, status);\n}\n", {4},
     "void f(int status) {\n  static char err_text[] __initdata = KERN_ERR \"err %d\\n\";\n"
     "  printk(err_text, status);\n}\n"},
    {"the file's own err() macro given a literal with an inttypes macro, against one given input",
     "#define err(fmt, ...) fprintf(stderr, fmt, ##__VA_ARGS__)\n#define check(v) err(v)\n"
     "void f(const char *in) { check(in); }\n", {3},
     "#define err(fmt, ...) fprintf(stderr, fmt, ##__VA_ARGS__)\n#define check(v) err(\"bit error: 0x%\" PRIx64, v)\n"
     "void f(uint64_t v) { check(v); }\n"},
    {"a self-referential printf macro adding a prefix, given input, against a literal",
     "#define printf(fmt, ...) printf(\"[pump] \" fmt, ##__VA_ARGS__)\nvoid f(const char *in) { printf(in); }\n", {2},
     "#define printf(fmt, ...) printf(\"[pump] \" fmt, ##__VA_ARGS__)\nvoid f(int v) { printf(\"%d\\n\", v); }\n"},
    {"a literal whose pieces are chosen by conditional compilation, against input as the format",
     "int show(char *page, const char *user) {\n  return sprintf(page, user,\n#ifdef CONFIG_BURST\n    \" 16W\"\n#endif\n"
     "    \"\\n\");\n}\n", {2},
     "int show(char *page) {\n  return sprintf(page, \"%4sBursts:\"\n#ifdef CONFIG_BURST\n    \" 16W\"\n#endif\n"
     "    \"\\n\", \"\");\n}\n"},
};

class FormatStringPairs : public ::testing::TestWithParam<Pair> {};

TEST_P(FormatStringPairs, BadIsFoundGoodIsSilent) {
  const Pair& p = GetParam();
  const auto bad = only(inspect_snippet(p.bad, p.path), "CODE-2");
  EXPECT_EQ(lines_of(bad), p.bad_lines) << p.name << "\n" << p.bad;
  for (const auto& f : bad) EXPECT_EQ(f.rule, "CODE-2/non-literal-format");
  const auto good = only(inspect_snippet(p.good, p.path), "CODE-2");
  EXPECT_TRUE(good.empty()) << p.name << ": " << (good.empty() ? "" : good[0].message) << "\n" << p.good;
}

INSTANTIATE_TEST_SUITE_P(Code2, FormatStringPairs, ::testing::ValuesIn(pairs), test::CaseName());

TEST(FormatStrings, MacrosOfHeadersAreResolvedAcrossTheTree) {
  const SnippetFile use{"src/phy.c", "void f(char *b, int n, int a) { snprintf(b, n, PHY_ID_FMT, \"mdio\", a); }\n", {}};
  // Defined as a literal in a header of the tree (through another macro): passes.
  EXPECT_TRUE(only(inspect_tree({use, {"include/phy.h", "#define PHY_ID_FMT MDIO_PREFIX \"%02x\"\n", {}},
                                 {"include/mdio.h", "#define MDIO_PREFIX \"%s:\"\n", {}}})
                       .findings,
                   "CODE-2")
                  .empty());
  // Defined as something else, or nowhere: the finding stands.
  const auto other = only(inspect_tree({use, {"include/phy.h", "#define PHY_ID_FMT phy_format()\n", {}}}).findings, "CODE-2");
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].path, "src/phy.c");
  EXPECT_EQ(other[0].line, 1u);
  EXPECT_EQ(only(inspect_tree({use}).findings, "CODE-2").size(), 1u);
}

TEST(FormatStrings, MessageSaysWhatToDo) {
  const auto f = only(inspect_snippet("void f(const char *m) { printf(m); }"), "CODE-2");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("printf()"), std::string::npos);
  EXPECT_NE(f[0].message.find("\"%s\""), std::string::npos);
}

TEST(FormatStrings, MacroWrapperFindingNamesTheMacro) {
  const auto f = only(inspect_snippet("#define LOG(fmt, ...) syslog(LOG_ERR, fmt, ##__VA_ARGS__)\n"
                                      "void f(const char *m) {\n  LOG(\"%s\", m);\n  LOG(m);\n}\n"),
                      "CODE-2");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 4u);
  EXPECT_NE(f[0].message.find("LOG"), std::string::npos);
  EXPECT_NE(f[0].message.find("syslog"), std::string::npos);
}

}  // namespace
}  // namespace mdbc::test
