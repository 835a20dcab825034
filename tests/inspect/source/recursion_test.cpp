// CODE-5 recursion: cycles of the call graph over the whole tree.
#include <gtest/gtest.h>

#include <string>

#include "support/source_fixture.h"

namespace mdbc::test {
namespace {

std::vector<Finding> recursion(const std::vector<SnippetFile>& files) {
  return only(inspect_tree(files).findings, "CODE-5/recursion");
}

TEST(Recursion, DirectRecursion) {
  const auto f = recursion({{"a.c", "int fact(int n) {\n  return n <= 1 ? 1 : n * fact(n - 1);\n}\n", {}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line, 1u);
  EXPECT_NE(f[0].message.find("fact → fact"), std::string::npos) << f[0].message;
  EXPECT_EQ(f[0].severity, Severity::warning);
}

TEST(Recursion, LoopIsNotRecursion) {
  EXPECT_TRUE(recursion({{"a.c", "int fact(int n) {\n  int r = 1;\n  while (n > 1) r *= n--;\n  return r;\n}\n"
                                 "int g(int n) { return fact(n); }\n", {}}})
                  .empty());
}

TEST(Recursion, MutualRecursionAcrossFilesNamesTheCycle) {
  const auto f = recursion({{"src/a.c", "int even(int n);\nint odd(int n) { return n == 0 ? 0 : even(n - 1); }\n", {}},
                            {"src/b.c", "int odd(int n);\nint even(int n) { return n == 0 ? 1 : check(n) && odd(n - 1); }\n"
                                        "int check(int n) { return n > 0; }\n", {}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].path, "src/a.c");
  EXPECT_EQ(f[0].line, 2u);
  EXPECT_NE(f[0].message.find("odd → even (src/b.c) → odd"), std::string::npos) << f[0].message;
}

TEST(Recursion, ThreeFunctionCycleIsOneFinding) {
  const auto f = recursion({{"a.c", "void a(void) { b(); }\nvoid b(void) { c(); }\nvoid c(void) { a(); }\nvoid d(void) { a(); }\n", {}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("a → b → c → a"), std::string::npos) << f[0].message;
}

TEST(Recursion, StaticFunctionsResolveWithinTheirFile) {
  // Each file's static helper calls the other file's public function of the same name — no cycle.
  EXPECT_TRUE(recursion({{"a.c", "static void step(void) { run(); }\nvoid go_a(void) { step(); }\n", {}},
                         {"b.c", "void run(void) { }\n", {}},
                         {"c.c", "static void run(void) { }\nvoid step2(void) { run(); }\n", {}}})
                  .empty());
  // A static function is not reachable from another file.
  EXPECT_TRUE(recursion({{"a.c", "static void tick(void) { tock(); }\n", {}},
                         {"b.c", "void tock(void) { tick(); }\n", {}}})
                  .empty());
}

TEST(Recursion, CallsThroughMacrosMembersAndOtherNamespacesAreNotFollowed) {
  EXPECT_TRUE(recursion({{"a.c", "#define AGAIN(x) walk(x)\nvoid walk(struct n *p) { p->walk(p); }\n", {}},
                         {"b.cpp", "void visit(Node *n) { ns::visit(n); n->visit(); }\n", {}}})
                  .empty());
}

TEST(Recursion, OverloadsWithOtherArityAreDistinct) {
  EXPECT_TRUE(recursion({{"a.cpp", "int area(int w) { return area(w, w); }\nint area(int w, int h) { return w * h; }\n", {}}})
                  .empty());
  EXPECT_EQ(recursion({{"a.cpp", "int area(int w, int h = 1) { return w > 0 ? area(w - 1) : h; }\n", {}}}).size(), 1u);
}

// `s.c_str()` is a const char *: from the overload taking a string class it calls the overload
// taking characters (Arduino's IPAddress::fromString), and from that overload it calls itself.
TEST(Recursion, AStringsCharactersChooseTheOverloadTakingCharacters) {
  EXPECT_TRUE(recursion({{"ip.cpp", "bool Ip::fromString(const char *a) { return scan(a); }\n"
                                    "bool Ip::fromString(const String &a) { return fromString(a.c_str()); }\n", {}}})
                  .empty());
  EXPECT_EQ(recursion({{"ip.cpp", "bool Ip::fromString(const String &a) { return scan(a); }\n"
                                  "bool Ip::fromString(const char *a) { String t(a); return t.length() && fromString(t.c_str()); }\n", {}}})
                .size(),
            1u);
}

TEST(Recursion, MemberFunctionsResolveToTheirClassFirst) {
  const auto f = recursion({{"a.cpp", "void run(int);\nvoid Pump::run(int n) { if (n) run(n - 1); }\n", {}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("Pump::run → Pump::run"), std::string::npos) << f[0].message;
}

TEST(Recursion, LongChainsAndLargeCyclesDoNotRecurse) {
  // 200,000 functions in a chain that closes into one cycle: the SCC pass must be iterative.
  std::string code;
  const int n = 200000;
  for (int i = 0; i < n; ++i)
    code += "void f" + std::to_string(i) + "(void) { f" + std::to_string((i + 1) % n) + "(); }\n";
  const auto f = recursion({{"chain.c", code, {}}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("f0 → f1 → f2 → f3 → … → f199998 → f199999 → f0 (a cycle of 200000 functions)"), std::string::npos)
      << f[0].message.substr(0, 300);
}

TEST(Recursion, ThirdPartyCycleIsReportedUnderItsComponent) {
  const auto f = recursion({{"vendor/lib/x.c", "void walk(int n) { if (n) walk(n - 1); }\n", "lib"}});
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].component, "lib");
}

}  // namespace
}  // namespace mdbc::test
