// CODE-5 (without recursion, see recursion_test.cpp): paired cases; good twins must be silent.
#include <gtest/gtest.h>

#include "support/source_fixture.h"

namespace mdbc::test {
namespace {

struct Case {
  const char* name;
  const char* rule;  // the rule id every bad finding has
  const char* bad;
  std::vector<uint32_t> bad_lines;
  const char* good;
  const char* path = "t.c";
};

const Case cases[] = {
    {"malloc and free", "CODE-5/dynamic-memory", "void f(void) {\n  char *p = malloc(8);\n  free(p);\n}\n", {2, 3},
     "static char pool[8];\nvoid f(void) {\n  char *p = pool;\n  (void)p;\n}\n"},
    {"calloc, realloc and strdup", "CODE-5/dynamic-memory",
     "void f(char *s) {\n  void *a = calloc(2, 4);\n  a = realloc(a, 16);\n  char *c = strdup(s);\n}\n", {2, 3, 4},
     "void f(char *s) {\n  char a[16];\n  memcpy(a, s, 15);\n}\n"},
    {"C++ new and delete expressions", "CODE-5/dynamic-memory",
     "void f() {\n  auto *p = new Pump(3);\n  delete p;\n  int *a = new int[4];\n  delete[] a;\n}\n", {2, 3, 4, 5},
     "struct Pump {\n  Pump(const Pump &) = delete;\n  void *operator new(size_t) = delete;\n};\n"
     "void f(void *buf) { auto *p = new (buf) Pump(3); }\n",
     "t.cpp"},
    {"nothrow new allocates", "CODE-5/dynamic-memory", "void f() { auto *p = new (std::nothrow) Pump; }\n", {1},
     "void f() { Pump p; }\n", "t.cpp"},
    {"C variables called new and delete are not C++", "CODE-5/dynamic-memory",
     "void f(void) { free(old); }\n", {1}, "void f(struct node *new) { struct node *delete = new->next; (void)delete; }\n"},
    {"setjmp and longjmp", "CODE-5/setjmp", "#include <setjmp.h>\nstatic jmp_buf env;\nvoid f(void) {\n  if (setjmp(env)) return;\n  longjmp(env, 1);\n}\n",
     {1, 4, 5}, "static int state;\nvoid f(void) {\n  if (step() != 0) return;\n}\n"},
    {"signal.h", "CODE-5/signal", "#include <signal.h>\nvoid f(void) {\n  signal(SIGINT, on_int);\n  raise(SIGTERM);\n}\n",
     {1, 3, 4}, "#include <stdint.h>\nvoid f(struct ev *e) {\n  e->signal(e);\n  post_event(EV_STOP);\n}\n"},
    {"abort and exit", "CODE-5/termination", "void f(int e) {\n  if (e) abort();\n  exit(1);\n}\n", {2, 3},
     "int f(int e) {\n  if (e) return enter_safe_state();\n  return 0;\n}\n"},
    {"getenv", "CODE-5/getenv", "const char *f(void) { return getenv(\"PUMP_RATE\"); }\n", {1},
     "const char *f(const struct config *c) { return c->rate_text; }\n"},
    {"goto", "CODE-5/goto", "int f(int x) {\n  if (x) goto out;\n  x = 1;\nout:\n  return x;\n}\n", {2},
     "int f(int x) {\n  if (!x) x = 1;\n  return x;\n}\n"},
    {"octal constants", "CODE-5/octal-constant", "int mode = 0755;\nint eight = 010;\nlong big = 07UL;\n", {1, 2, 3},
     "int zero = 0;\nint zeros = 00;\nunsigned u = 0u;\nint hex = 0x1ED;\nint bin = 0b101;\ndouble d = 0.5 + 01.5 + 0e3;\nchar c = '\\012';\n#line 0100\n"},
    {"octal in a macro that is used", "CODE-5/octal-constant", "#define MODE 0644\nint m = MODE;\n", {1},
     "#define MODE 0644\nint m = 420;\n"},
    {"variadic definitions", "CODE-5/variadic-function",
     "int sum(int n, ...) {\n  va_list ap;\n  va_start(ap, n);\n  int s = va_arg(ap, int);\n  va_end(ap);\n  return s;\n}\n", {1},
     "int sum(int n, const int *v);\nint printf(const char *, ...);\n#define LOG(fmt, ...) log_write(fmt, __VA_ARGS__)\n"},
    {"va_arg in a v-function", "CODE-5/variadic-function", "int next(va_list ap) { return va_arg(ap, int); }\n", {1},
     "int next(const int *args, size_t i) { return args[i]; }\n"},
    {"C++ parameter packs are not variable argument lists", "CODE-5/variadic-function",
     "void f(const char *fmt, ...) {}\n", {1}, "template <class... T> void f(T... args) {}\n", "t.cpp"},
    {"comments, strings and members", "CODE-5/dynamic-memory", "void f(void *p) { free(p); }\n", {1},
     "/* malloc(8); goto x; 0755 */\nconst char *s = \"free(p) exit(1) 0755\";\nvoid f(struct alloc *a) { a->free(a->p); a->malloc(8); }\n"},
};

class SafetySubsetCases : public ::testing::TestWithParam<Case> {};

TEST_P(SafetySubsetCases, BadIsFoundGoodIsSilent) {
  const Case& c = GetParam();
  const auto bad = only(inspect_snippet(c.bad, c.path), "CODE-5");
  EXPECT_EQ(lines_of(bad), c.bad_lines) << c.name << "\n" << c.bad;
  for (const auto& f : bad) {
    EXPECT_EQ(f.rule, c.rule) << f.message;
    EXPECT_EQ(f.severity, Severity::warning);
    EXPECT_NE(f.message.find("MISRA C:2012 Rule"), std::string::npos) << f.message;
  }
  const auto good = only(inspect_snippet(c.good, c.path), "CODE-5");
  EXPECT_TRUE(good.empty()) << c.name << ": " << (good.empty() ? "" : good[0].message) << "\n" << c.good;
}

INSTANTIATE_TEST_SUITE_P(Code5, SafetySubsetCases, ::testing::ValuesIn(cases), test::CaseName());

}  // namespace
}  // namespace mdbc::test
