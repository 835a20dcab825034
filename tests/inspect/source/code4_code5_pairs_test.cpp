// CODE-4 and CODE-5: more paired programs — C and C++ spellings, macros, multi-line calls, look-alike
// names that are not the library's (members, declarations, template parameter packs). Every fixed
// twin must be silent.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> conversion_pairs = {
    {"std::atoi in C++",
     "#include <cstdlib>\nint rate_of(const char *s) { return std::atoi(s); }\n",
     "#include <cerrno>\n#include <cstdlib>\nint rate_of(const char *s) {\n  char *end = nullptr;\n  errno = 0;\n"
     "  const long v = std::strtol(s, &end, 10);\n  return (errno != 0 || end == s) ? -1 : static_cast<int>(v);\n}\n",
     "src/rate.cpp"},
    {"global-scope ::atof",
     "#include <stdlib.h>\ndouble dose(const char *s) { return ::atof(s); }\n",
     "#include <stdlib.h>\ndouble dose(const char *s) { char *e; double d = ::strtod(s, &e); return e == s ? 0.0 : d; }\n",
     "src/dose.cpp"},
    {"a call spread over lines",
     "#include <stdlib.h>\nint main(int argc, char **argv)\n{\n    long limit = atol(\n        argv[1]\n    );\n    return limit > 0;\n}\n",
     "#include <stdlib.h>\nint main(int argc, char **argv)\n{\n    char *end;\n    long limit = strtol(\n        argv[1], &end, 10\n    );\n"
     "    return *end == '\\0' && limit > 0;\n}\n"},
    {"a macro that converts",
     "#include <stdlib.h>\n#define FIELD_INT(s) atoi(s)\nint parse(const char *f) { return FIELD_INT(f); }\n",
     "#include <stdlib.h>\n#define FIELD_INT(s) ((int)strtol((s), NULL, 10))\nint parse(const char *f) { return FIELD_INT(f); }\n"},
    {"atoll on a serial field",
     "#include <stdlib.h>\nlong long serial(const char *hdr) { return atoll(hdr + 4); }\n",
     "#include <stdlib.h>\n#include <errno.h>\nlong long serial(const char *hdr) { errno = 0; long long v = strtoll(hdr + 4, NULL, 10); return errno ? -1 : v; }\n"},
    {"a member named atoi is not the C library's",
     "#include <stdlib.h>\nstruct Parser { int atoi(const char *s); };\nint f(Parser &p, const char *s) { return p.atoi(s) + atoi(s); }\n",
     "#include <stdlib.h>\nstruct Parser { int atoi(const char *s); };\nint f(Parser &p, const char *s) { return p.atoi(s); }\n",
     "src/parser.cpp"},
    {"a declaration of atoi is no call",
     "int atoi(const char *);\nint f(const char *s) { return atoi(s); }\n",
     "int atoi(const char *);\nint f(const char *s) { return s[0] - '0'; }\n"},
    {"in a comment or a string it is no call",
     "#include <stdlib.h>\nint f(const char *s) { return atoi(s); }\n",
     "#include <stdio.h>\n/* formerly: return atoi(s); */\nint f(const char *s) { puts(\"atoi(s) replaced\"); return 0; }\n"},
    {"atof in a sensor calibration loop",
     "#include <stdlib.h>\nvoid load(char **fields, double *gain, int n) {\n  for (int i = 0; i < n; ++i)\n    gain[i] = atof(fields[i]);\n}\n",
     "#include <stdlib.h>\nvoid load(char **fields, double *gain, int n) {\n  for (int i = 0; i < n; ++i) {\n    char *end;\n"
     "    gain[i] = strtod(fields[i], &end);\n    if (end == fields[i]) gain[i] = 1.0;\n  }\n}\n"},
    {"std::atol through a using-declaration",
     "#include <cstdlib>\nusing std::atol;\nlong f(const char *s) { return atol(s); }\n",
     "#include <cstdlib>\n#include <string>\nlong f(const char *s) { try { return std::stol(s); } catch (...) { return -1; } }\n",
     "src/conv.cpp"},
};

TEST(Code4Code5Pairs, CheckedConversions) { expect_pairs("CODE-4", conversion_pairs); }

const std::vector<RulePair> safety_subset_pairs = {
    {"C++ new and delete",
     "struct Sample { int v; };\nvoid f() { Sample *s = new Sample{1}; delete s; }\n",
     "struct Sample { int v; };\nvoid f() { Sample s{1}; (void)s; }\n", "src/sample.cpp"},
    {"strdup allocates",
     "#include <string.h>\nchar *copy_name(const char *n) { return strdup(n); }\n",
     "#include <string.h>\nvoid copy_name(char out[32], const char *n) { strncpy(out, n, 31); out[31] = '\\0'; }\n"},
    {"aligned_alloc",
     "#include <stdlib.h>\nvoid *dma_buffer(void) { return aligned_alloc(64, 4096); }\n",
     "#include <stdalign.h>\nstatic alignas(64) unsigned char dma[4096];\nvoid *dma_buffer(void) { return dma; }\n"},
    {"std::exit in C++",
     "#include <cstdlib>\nvoid on_fault() { std::exit(2); }\n",
     "void enter_safe_state();\nvoid on_fault() { enter_safe_state(); }\n", "src/fault.cpp"},
    {"quick_exit",
     "#include <stdlib.h>\nvoid on_fault(void) { quick_exit(3); }\n",
     "void enter_safe_state(void);\nvoid on_fault(void) { enter_safe_state(); }\n"},
    {"mutual recursion through two helpers",
     "int walk_b(int n);\nint walk_a(int n) { return n <= 0 ? 0 : walk_b(n - 1) + 1; }\n"
     "int walk_b(int n) { return n <= 0 ? 0 : walk_a(n - 1) + 1; }\n",
     "int walk_a(int n) { int d = 0; while (n-- > 0) ++d; return d; }\nint walk_b(int n) { return walk_a(n); }\n"},
    {"raise from signal.h",
     "#include <signal.h>\nvoid stop(void) { raise(SIGTERM); }\n",
     "void request_stop(void);\nvoid stop(void) { request_stop(); }\n"},
    {"an octal constant for a mode",
     "void set_mode(unsigned *m) { *m = 0644; }\n",
     "void set_mode(unsigned *m) { *m = 0x1A4; }\n"},
    {"a template parameter pack is not a variadic function",
     "#include <stdarg.h>\nint sum(int n, ...) { va_list ap; va_start(ap, n); int s = 0; while (n--) s += va_arg(ap, int); va_end(ap); return s; }\n",
     "template <typename... Ts>\nint sum(Ts... v) { return (0 + ... + v); }\n", "src/sum.cpp"},
    {"goto to a cleanup label in C++",
     "int open_port(int fd) {\n  if (fd < 0) goto fail;\n  return 0;\nfail:\n  return -1;\n}\n",
     "int open_port(int fd) {\n  if (fd < 0) return -1;\n  return 0;\n}\n", "src/port.cpp"},
    {"secure_getenv",
     "#define _GNU_SOURCE\n#include <stdlib.h>\nconst char *cfg(void) { return secure_getenv(\"PUMP_CFG\"); }\n",
     "const char *cfg(void) { return \"/etc/pump.cfg\"; }\n"},
};

TEST(Code4Code5Pairs, SafetySubset) { expect_pairs("CODE-5", safety_subset_pairs); }

}  // namespace
}  // namespace mdbc::source
