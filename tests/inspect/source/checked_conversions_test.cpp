// CODE-4: paired cases; the good twin of every bad case must be silent.
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
    {"atoi", "int f(const char *s) { return atoi(s); }\n", {1},
     "long f(const char *s) { char *end; errno = 0; long v = strtol(s, &end, 10); return end != s && errno == 0 ? v : -1; }\n"},
    {"atol", "long f(const char *s) { return atol(s); }\n", {1}, "long f(const char *s) { return strtol(s, 0, 10); }\n"},
    {"atoll", "long long f(const char *s) { return atoll(s); }\n", {1},
     "long long f(const char *s) { return strtoll(s, 0, 10); }\n"},
    {"atof", "double f(const char *s) { return atof(s); }\n", {1}, "double f(const char *s) { return strtod(s, 0); }\n"},
    {"Windows wide variants", "int f(const wchar_t *s) {\n  return _wtoi(s) + (int)_wtof(s);\n}\n", {2, 2},
     "int f(const wchar_t *s) {\n  return (int)wcstol(s, 0, 10);\n}\n"},
    {"multi-line call", "int f(const char *s) {\n  int v =\n      atoi(\n          s);\n  return v;\n}\n", {3},
     "int f(const char *s) {\n  int v =\n      parse_int(\n          s);\n  return v;\n}\n"},
    {"nested in an expression", "void f(struct cfg *c, char **argv) { c->rate = atoi(argv[1]) * 10; }\n", {1},
     "void f(struct cfg *c, char **argv) { c->rate = parse_rate(argv[1]) * 10; }\n"},
    {"C++ std::atoi", "int f(const char *s) { return std::atoi(s); }\n", {1},
     "int f(const std::string &s) { return std::stoi(s); }\n", "t.cpp"},
    {"user namespace and members", "int f(const char *s) { return ::atoi(s); }\n", {1},
     "int f(struct conv *c, const char *s) { return c->atoi(s) + conv::atoi(s) + c->ops.atof(s); }\n", "t.cpp"},
    {"comments and strings", "int f(const char *s) { return atoi(s); }\n", {1},
     "/* atoi(s) would not report errors */\n// return atoi(s);\nconst char *why = \"atoi(s) returns 0 on error\";\n"},
    {"declaration and a static definition of the same name",
     "int atoi(const char *);\nint f(const char *s) { return atoi(s); }\n", {2},
     "int atoi(const char *);\nstatic int atol(const char *s, int base) { return parse(s, base); }\nint f(const char *s) { return atol(s, 10); }\n"},
    {"macro wrapping atoi, used", "#define TO_INT(s) atoi(s)\nint f(const char *s) { return TO_INT(s); }\n", {1},
     "#define TO_INT(s) atoi(s)\nint f(const char *s) { return parse_int(s); }\n"},
    {"macro wrapping atoi in a header", "#define TO_INT(s) atoi(s)\n", {1}, "#define TO_INT(s) parse_int(s)\n", "conv.h"},
    {"function pointer", "int (*parse)(const char *) = atoi;\n", {1}, "int (*parse)(const char *) = parse_int;\n"},
    {"never compiled", "#ifdef LEGACY\nint f(const char *s) { return atoi(s); }\n#endif\n", {2},
     "#if 0\nint f(const char *s) { return atoi(s); }\n#endif\n"},
    {"a variable named like the function", "int f(const char *s) { int v = atoi(s); return v; }\n", {1},
     "int f(int atoi) { int v = atoi; return v + atoi; }\n"},
};

class CheckedConversionPairs : public ::testing::TestWithParam<Pair> {};

TEST_P(CheckedConversionPairs, BadIsFoundGoodIsSilent) {
  const Pair& p = GetParam();
  const auto bad = only(inspect_snippet(p.bad, p.path), "CODE-4");
  EXPECT_EQ(lines_of(bad), p.bad_lines) << p.name << "\n" << p.bad;
  for (const auto& f : bad) {
    EXPECT_EQ(f.rule, "CODE-4/unchecked-conversion");
    EXPECT_NE(f.message.find("with an end pointer"), std::string::npos) << f.message;
  }
  const auto good = only(inspect_snippet(p.good, p.path), "CODE-4");
  EXPECT_TRUE(good.empty()) << p.name << ": " << (good.empty() ? "" : good[0].message) << "\n" << p.good;
}

INSTANTIATE_TEST_SUITE_P(Code4, CheckedConversionPairs, ::testing::ValuesIn(pairs), test::CaseName());

}  // namespace
}  // namespace mdbc::test
