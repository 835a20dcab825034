// CODE-1: paired cases. Each bad snippet must give exactly the expected findings; its good twin
// (the usual fix, or the same name where it is not a call of the library function) none.
#include <gtest/gtest.h>

#include "inspect/banned_list.h"
#include "inspect/source/format_literal.h"
#include "support/source_fixture.h"

namespace mdbc::test {
namespace {

struct Pair {
  const char* name;
  const char* bad;
  std::vector<uint32_t> bad_lines;  // lines of the expected CODE-1 findings
  const char* good;
  const char* path = "t.c";
};

const Pair pairs[] = {
    {"gets", "void f(char *b) {\n  gets(b);\n}\n", {2}, "void f(char *b) {\n  fgets(b, 16, stdin);\n}\n"},
    {"strcpy", "void f(char *d, const char *s) { strcpy(d, s); }\n", {1},
     "void f(char *d, const char *s) { strncpy(d, s, 15); d[15] = 0; }\n"},
    {"strcat multi-line call", "void f(char *d, const char *s) {\n  strcat(\n    d,\n    s);\n}\n", {2},
     "void f(char *d, size_t n, const char *s) {\n  strncat(\n    d,\n    s, n);\n}\n"},
    {"sprintf", "void f(char *b, int v) { sprintf(b, \"%d\", v); }\n", {1},
     "void f(char *b, int v) { snprintf(b, 16, \"%d\", v); }\n"},
    {"vsprintf", "void f(char *b, const char *fmt, va_list ap) { vsprintf(b, fmt, ap); }\n", {1},
     "void f(char *b, const char *fmt, va_list ap) { vsnprintf(b, 64, fmt, ap); }\n"},
    {"scanf %s without width", "void f(char *b) { scanf(\"%s\", b); }\n", {1},
     "void f(char *b) { scanf(\"%15s\", b); }\n"},
    {"sscanf %[ without width", "void f(const char *in, char *b) { sscanf(in, \"%d %[^,]\", &n, b); }\n", {1},
     "void f(const char *in, char *b) { sscanf(in, \"%d %15[^,]\", &n, b); }\n"},
    {"fscanf: suppressed and allocating conversions are bounded", "void f(FILE *f, char *b) { fscanf(f, \"%*d %s\", b); }\n",
     {1}, "void f(FILE *f, char **b) { fscanf(f, \"%*s %ms\", b); }\n"},
    {"scanf format from concatenated literals and a macro",
     "#define NAME_FMT \"%s\"\nvoid f(char *b, int *n) { scanf(\"%\" SCNd32 \" \" NAME_FMT, n, b); }\n", {2},
     "#define NAME_FMT \"%31s\"\nvoid f(char *b, int *n) { scanf(\"%\" SCNd32 \" \" NAME_FMT, n, b); }\n"},
    {"a stringified width among the format's literals is a width; a prefix macro leaves %s unbounded",
     "#define TAG(x) \"[\" #x \"] \"\nvoid f(const char *in, char *b) { sscanf(in, TAG(cfg) \"%s\", b); }\n", {2},
     "#define xstr(s) #s\n#define str(s) xstr(s)\n#define NAME_MAX 31\n"
     "void f(const char *in, char *b, char *c) { sscanf(in, \"%\" str(NAME_MAX) \"s %\" __stringify(NAME_MAX) \"s\", b, c); }\n"},
    {"tmpnam and mktemp", "void f(char *t) {\n  tmpnam(t);\n  mktemp(t);\n}\n", {2, 3},
     "void f(char *t) {\n  int fd = mkstemp(t);\n}\n"},
    {"getwd and alloca", "void f(char *b, size_t n) {\n  getwd(b);\n  char *p = alloca(n);\n}\n", {2, 3},
     "void f(char *b, size_t n) {\n  getcwd(b, n);\n  char p[64];\n}\n"},
    {"comments and strings name the functions", "void f(char *d) { strcpy(d, \"x\"); }\n", {1},
     "/* strcpy(d, s) was here */\n// gets(b);\nconst char *msg = \"never call gets(b) or strcpy(d, s)\";\n"},
    {"members and user namespaces", "void f(struct s *o) { strcpy(o->d, o->s); }\n", {1},
     "void f(struct s *o) { o->ops.strcpy(o->d, o->s); o->gets(b); }\n"},
    {"C++ std:: is the library, a user namespace is not",
     "void f(char *d, const char *s) { std::strcpy(d, s); ::strcat(d, s); }\n", {1, 1},
     "void f(char *d, const char *s) { util::strcpy(d, s); safe::gets(d); }\n", "t.cpp"},
    {"declarations and a static definition of the same name",
     "char *strcpy(char *d, const char *s);\nvoid f(char *d) { strcpy(d, \"x\"); }\n", {2},
     "char *strcpy(char *d, const char *s);\nstatic int gets(struct queue *q) { return q->n; }\nint f(struct queue *q) { return gets(q); }\n"},
    {"a macro that wraps a banned call counts at the macro when used",
     "#define COPY(d, s) strcpy(d, s)\nvoid f(char *d, const char *s) { COPY(d, s); }\n", {1},
     "#define COPY(d, s) strcpy(d, s)\nvoid f(char *d, const char *s) { memcpy(d, s, 4); }\n"},
    {"a macro in a header counts (its users are elsewhere)", "#define COPY(d, s) strcpy(d, s)\n", {1},
     "#define COPY(d, s) snprintf(d, sizeof(d), \"%s\", s)\n", "copy.h"},
    {"a file that redefines the name as its own macro",
     "void f(char *d, const char *s) { strcpy(d, s); }\n#define strcpy(d, s) safe_copy(d, s, sizeof(d))\n", {1},
     "#define strcpy(d, s) safe_copy(d, s, sizeof(d))\nvoid f(char *d, const char *s) { strcpy(d, s); }\n"},
    {"function pointers to banned functions",
     "typedef char *(*copy_fn)(char *, const char *);\ncopy_fn pick(void) { return strcpy; }\nstatic const copy_fn table[] = { strcat, 0 };\n",
     {2, 3}, "typedef char *(*copy_fn)(char *, const char *);\ncopy_fn pick(void) { return safe_copy; }\nenum op { gets, puts };\nvoid g(struct ops *o) { o->copy = o->strcpy; }\n"},
    {"a C library's own definition exports itself",
     "void f(void) { register_copy(strcpy); }\n", {1},
     "char *strcpy(char *d, const char *s) { char *r = d; while ((*d++ = *s++)) {} return r; }\nEXPORT_SYMBOL(strcpy);\n"},
    {"never compiled code", "#if 1\nvoid f(char *b) { gets(b); }\n#endif\n", {2},
     "#if 0\nvoid f(char *b) { gets(b); }\n#endif\n"},
    {"wide and Windows variants", "void f(wchar_t *d, const wchar_t *s) { wcscpy(d, s); lstrcatW(d, s); }\n", {1, 1},
     "void f(wchar_t *d, const wchar_t *s) { wcsncpy(d, s, 8); gets_s(d, 8); }\n"},
};

class BannedFunctionsPairs : public ::testing::TestWithParam<Pair> {};

TEST_P(BannedFunctionsPairs, BadIsFoundGoodIsSilent) {
  const Pair& p = GetParam();
  const auto bad = only(inspect_snippet(p.bad, p.path), "CODE-1");
  EXPECT_EQ(lines_of(bad), p.bad_lines) << p.name << "\n" << p.bad;
  for (const auto& f : bad) {
    EXPECT_EQ(f.severity, Severity::error);
    const char* remedy = f.rule == "CODE-1/unbounded-scanf" ? "field width" : " instead";
    EXPECT_NE(f.message.find(remedy), std::string::npos) << f.message;
  }
  const auto good = only(inspect_snippet(p.good, p.path), "CODE-1");
  EXPECT_TRUE(good.empty()) << p.name << ": " << (good.empty() ? "" : good[0].message) << "\n" << p.good;
}

INSTANTIATE_TEST_SUITE_P(Code1, BannedFunctionsPairs, ::testing::ValuesIn(pairs), test::CaseName());

TEST(BannedFunctions, RuleIdsSayWhatKind) {
  EXPECT_EQ(only(inspect_snippet("void f(char *b) { gets(b); }"), "CODE-1/banned-call").size(), 1u);
  EXPECT_EQ(only(inspect_snippet("void f(char *b) { scanf(\"%s\", b); }"), "CODE-1/unbounded-scanf").size(), 1u);
  EXPECT_EQ(only(inspect_snippet("void *p = &gets;"), "CODE-1/banned-reference").size(), 1u);
}

TEST(BannedFunctions, ScanfFormatReading) {
  using source::has_unbounded_string_conversion;
  EXPECT_TRUE(has_unbounded_string_conversion("%s"));
  EXPECT_TRUE(has_unbounded_string_conversion("%d %ls"));
  EXPECT_TRUE(has_unbounded_string_conversion("%2$s"));
  EXPECT_TRUE(has_unbounded_string_conversion("%[]abc]"));
  EXPECT_TRUE(has_unbounded_string_conversion("%0s"));
  EXPECT_FALSE(has_unbounded_string_conversion("%%s"));
  EXPECT_FALSE(has_unbounded_string_conversion("%10s %5[^]x] %*s %ms %d %c"));
  EXPECT_FALSE(has_unbounded_string_conversion("%"));
  EXPECT_FALSE(has_unbounded_string_conversion("%2$10s"));
}

TEST(BannedFunctions, ListIsSharedWithTheProductStage) {
  ASSERT_NE(banned_function("strcpy"), nullptr);
  EXPECT_FALSE(banned_function("strcpy")->conditional);
  EXPECT_FALSE(banned_function("strcpy")->alternative.empty());
  ASSERT_NE(banned_function("sscanf"), nullptr);
  EXPECT_TRUE(banned_function("sscanf")->conditional);
  EXPECT_EQ(banned_function("strncpy"), nullptr);
  EXPECT_EQ(banned_function("gets_s"), nullptr);
}

}  // namespace
}  // namespace mdbc::test
