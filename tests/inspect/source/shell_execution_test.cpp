// CODE-3: paired cases; the good twin of every bad case must be silent.
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
    {"system", "void f(const char *cmd) { system(cmd); }\n", {1},
     "void f(char *const argv[]) { pid_t p; posix_spawn(&p, \"/usr/bin/logger\", NULL, NULL, argv, NULL); }\n"},
    {"system(NULL) only asks whether a shell exists", "int f(void) { return system(\"reboot\"); }\n", {1},
     "int f(void) { return system(NULL) != 0 && system((char *)0) != 0 && system(0); }\n"},
    {"popen", "FILE *f(void) { return popen(\"ls\", \"r\"); }\n", {1},
     "FILE *f(void) { return fopen(\"/var/log/pump\", \"r\"); }\n"},
    {"_popen and _wsystem", "void f(void) {\n  _popen(\"dir\", \"r\");\n  _wsystem(L\"dir\");\n}\n", {2, 3},
     "void f(void) {\n  _pclose(p);\n}\n"},
    {"execl of /bin/sh", "void f(const char *c) { execl(\"/bin/sh\", \"sh\", \"-c\", c, (char *)0); }\n", {1},
     "void f(const char *file) { execl(\"/usr/bin/gzip\", \"gzip\", \"-c\", file, (char *)0); }\n"},
    {"execlp of bash by name", "void f(const char *c) { execlp(\"bash\", \"bash\", \"-c\", c, NULL); }\n", {1},
     "void f(const char *c) { execlp(\"flash-tool\", \"flash-tool\", c, NULL); }\n"},
    {"a shell as argv[0] with a variable program", "void f(const char *p, const char *c) { execl(p, \"sh\", \"-c\", c, NULL); }\n",
     {1}, "void f(const char *p, const char *c) { execl(p, \"updater\", c, NULL); }\n"},
    {"execv and posix_spawn of a shell", "void f(char **a) {\n  execv(\"/bin/dash\", a);\n  posix_spawn(&pid, \"/bin/sh\", 0, 0, a, 0);\n}\n",
     {2, 3}, "void f(char **a) {\n  execv(\"/usr/sbin/pumpd\", a);\n  posix_spawn(&pid, \"/usr/sbin/pumpd\", 0, 0, a, 0);\n}\n"},
    {"cmd.exe", "void f(void) { execl(\"C:\\\\Windows\\\\System32\\\\cmd.exe\", \"cmd\", \"/c\", \"dir\", NULL); }\n", {1},
     "void f(void) { execl(\"C:\\\\Tools\\\\flash.exe\", \"flash\", NULL); }\n"},
    {"a shell path from a macro of the file", "#define SHELL \"/bin/sh\"\nvoid f(char **a) { execv(SHELL, a); }\n", {2},
     "#define TOOL \"/usr/bin/tool\"\nvoid f(char **a) { execv(TOOL, a); }\n"},
    {"wordexp without WRDE_NOCMD", "void f(const char *w, wordexp_t *p) { wordexp(w, p, 0); }\n", {1},
     "void f(const char *w, wordexp_t *p) { wordexp(w, p, WRDE_NOCMD | WRDE_UNDEF); }\n"},
    {"multi-line call in C++", "void f(const std::string &c) {\n  std::system(\n      c.c_str());\n}\n", {2},
     "void f(const std::string &c) {\n  launcher::system(\n      c.c_str());\n}\n", "t.cpp"},
    {"members, comments and strings", "void f(const char *c) { system(c); }\n", {1},
     "// system(cmd);\nconst char *help = \"never call system(cmd)\";\nvoid f(struct os *o, const char *c) { o->system(c); o->popen(c); }\n"},
    {"declarations and a static definition of the same name",
     "int system(const char *);\nvoid f(const char *c) { system(c); }\n", {2},
     "int system(const char *);\nstatic int popen(struct pipe *p) { return p->fd; }\nint f(struct pipe *p) { return popen(p); }\n"},
    {"a macro that wraps system, used", "#define RUN(c) system(c)\nvoid f(const char *c) { RUN(c); }\n", {1},
     "#define RUN(c) system(c)\nvoid f(const char *c) { spawn_tool(c); }\n"},
    {"function pointer to system", "int (*runner)(const char *) = system;\n", {1},
     "int (*runner)(const char *) = run_tool;\n"},
    {"a variable called system", "void f(struct dir *d) { d->run = popen; }\n", {1},
     "void f(struct dir *d, const char *name) {\n  struct subsystem *system = find(name);\n  d->subsystem = system;\n  put(system);\n}\n"},
};

class ShellExecutionPairs : public ::testing::TestWithParam<Pair> {};

TEST_P(ShellExecutionPairs, BadIsFoundGoodIsSilent) {
  const Pair& p = GetParam();
  const auto bad = only(inspect_snippet(p.bad, p.path), "CODE-3");
  EXPECT_EQ(lines_of(bad), p.bad_lines) << p.name << "\n" << p.bad;
  for (const auto& f : bad)
    EXPECT_NE(f.message.find(f.rule == "CODE-3/wordexp-command" ? "WRDE_NOCMD" : "posix_spawn"), std::string::npos)
        << f.message;
  const auto good = only(inspect_snippet(p.good, p.path), "CODE-3");
  EXPECT_TRUE(good.empty()) << p.name << ": " << (good.empty() ? "" : good[0].message) << "\n" << p.good;
}

INSTANTIATE_TEST_SUITE_P(Code3, ShellExecutionPairs, ::testing::ValuesIn(pairs), test::CaseName());

TEST(ShellExecution, RuleIds) {
  EXPECT_EQ(only(inspect_snippet("void f(void) { system(\"x\"); }"), "CODE-3/shell-command").size(), 1u);
  EXPECT_EQ(only(inspect_snippet("void f(char **a) { execv(\"/bin/sh\", a); }"), "CODE-3/shell-exec").size(), 1u);
  EXPECT_EQ(only(inspect_snippet("void f(wordexp_t *p) { wordexp(\"$x\", p, 0); }"), "CODE-3/wordexp-command").size(), 1u);
}

}  // namespace
}  // namespace mdbc::test
