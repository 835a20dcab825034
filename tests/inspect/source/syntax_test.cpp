#include "inspect/source/syntax.h"

#include <gtest/gtest.h>

#include <string>

namespace mdbc::source {
namespace {

// The names of the calls Syntax finds, in order.
std::vector<std::string> calls(std::string_view src) {
  const auto tokens = lex(src);
  const Syntax syntax(tokens);
  std::vector<std::string> out;
  for (const auto& c : syntax.calls()) out.emplace_back(tokens[c.name].text);
  return out;
}

using V = std::vector<std::string>;

TEST(Syntax, DeclarationsAndDefinitionsAreNotCalls) {
  EXPECT_EQ(calls("char *strcpy(char *d, const char *s);"), V{});
  EXPECT_EQ(calls("extern \"C\" char *gets(char *);"), V{});
  EXPECT_EQ(calls("static int helper(int x) { return x; }"), V{});
  EXPECT_EQ(calls("__attribute__((noreturn)) void die(const char *m);"), V{});
  EXPECT_EQ(calls("[[nodiscard]] int parse(const char *s);"), V{});
  EXPECT_EQ(calls("std::vector<int> make(int n);"), V{});
}

TEST(Syntax, CallsInExpressionsAndStatements) {
  EXPECT_EQ(calls("void f(void) { gets(b); }"), V{"gets"});
  EXPECT_EQ(calls("int g(void) { return atoi(s); }"), V{"atoi"});
  EXPECT_EQ(calls("void f(void) { char *p = strcpy(a, b); }"), V{"strcpy"});
  EXPECT_EQ(calls("void f(void) { if (x) strcpy(a, b); else strcat(a, b); }"), (V{"strcpy", "strcat"}));
  EXPECT_EQ(calls("void f(void) { (void)sprintf(a, \"%d\", 1); }"), V{"sprintf"});
  EXPECT_EQ(calls("void f(void) { x = y * gets(z); }"), V{"gets"});
  EXPECT_EQ(calls("void f(void) { std::printf(fmt); ::puts(s); }"), (V{"printf", "puts"}));
}

TEST(Syntax, CallsAfterConditionalsComparisonsAndGlobalScope) {
  EXPECT_EQ(calls("int f(int n) { return n <= 1 ? 1 : n * f(n - 1); }"), V{"f"});
  EXPECT_EQ(calls("void g(int a) { if (a > f(a)) h(); }"), (V{"f", "h"}));
  EXPECT_EQ(calls("void g(int a) { x = a > f(a); }"), V{"f"});
  EXPECT_EQ(calls("int g(const char *s) { return ::atoi(s); }"), V{"atoi"});
  EXPECT_EQ(calls("void g(int a) { switch (a) { case 1: f(a); default: h(a); } retry: k(a); }"), (V{"f", "h", "k"}));
}

TEST(Syntax, TemplateDeclarationsAreNotCalls) {
  EXPECT_EQ(calls("template <class... T> void c(T... args);"), V{});
  EXPECT_EQ(calls("std::array<int, 3> make(int n);"), V{});
  EXPECT_EQ(calls("std::map<K, V> index(int n);"), V{});
}

TEST(Syntax, MembersAndUserNamespacesAreNotTheLibraryFunction) {
  EXPECT_EQ(calls("void f(void) { obj.strcpy(a, b); p->gets(b); util::gets(b); }"), V{});
}

TEST(Syntax, KeywordsAreNotCalls) {
  EXPECT_EQ(calls("void f(void) { if (a) while (b) for (;;) switch (c) {} return (sizeof(x)); }"), V{});
}

TEST(Syntax, MacroBodiesAreKeptWithTheirMacro) {
  const auto tokens = lex("#define COPY(d, s) strcpy(d, s)\n#define strcat(a, b) safe_cat(a, b)\n#if defined(X)\n#endif\n");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.calls().size(), 2u);
  EXPECT_EQ(tokens[syntax.calls()[0].name].text, "strcpy");
  EXPECT_EQ(syntax.calls()[0].macro, "COPY");
  EXPECT_EQ(tokens[syntax.calls()[1].name].text, "safe_cat");
}

TEST(Syntax, NeverCompiledCodeIsSkipped) {
  EXPECT_EQ(calls("#if 0\nvoid f(void) { gets(b); }\n#else\nvoid g(void) { puts(b); }\n#endif\n"), V{"puts"});
  EXPECT_EQ(calls("#if 1\nvoid g(void) { puts(b); }\n#else\nvoid f(void) { gets(b); }\n#endif\n"), V{"puts"});
}

TEST(Syntax, NeverCompiledCodeToTheEndOfAnUnclosedIf) {
  const auto tokens = lex("f(a);\n#if 0\ng(b);\n#if 1\nh(c);\n#endif\ni(d);\n");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.calls().size(), 1u);
  EXPECT_EQ(tokens[syntax.calls()[0].name].text, "f");
  for (size_t i = 0; i < tokens.size(); ++i) EXPECT_EQ(syntax.dead(i), i >= 5) << i << " " << tokens[i].text;
  // An #endif's own line is live again; the tokens of the #if 0 line are not.
  const auto closed = lex("#if 0\nx\n#endif\ny");
  const Syntax c(closed);
  for (size_t i = 0; i < closed.size(); ++i) EXPECT_EQ(c.dead(i), i < 4) << i << " " << closed[i].text;
}

TEST(Syntax, UnmatchedBracketsMatchTheEnd) {
  const auto tokens = lex("f(a[1], { b ) ]");
  const Syntax syntax(tokens);
  EXPECT_EQ(syntax.match(1), 9u);  // '(' and ')' across the unclosed '[' and '{'
  EXPECT_EQ(syntax.match(9), 1u);
  EXPECT_EQ(syntax.match(3), 5u);
  EXPECT_EQ(syntax.match(7), tokens.size());
  EXPECT_EQ(syntax.match(10), tokens.size());
  EXPECT_EQ(syntax.match(0), tokens.size());
}

TEST(Syntax, MacroOfACallIsTheLastDefineBeforeIt) {
  // Calls are looked for before each '(' only: the #define lines in between still set the macro.
  const auto tokens = lex("#define A x\n#define B(p) f(p)\n#define C\nvoid g(void) { h(1); }\n#define D (k(2))\n");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.calls().size(), 3u);
  EXPECT_EQ(syntax.calls()[0].macro, "B");
  EXPECT_EQ(syntax.calls()[1].macro, "");
  EXPECT_EQ(tokens[syntax.calls()[1].name].text, "h");
  EXPECT_EQ(syntax.calls()[1].function, 0);
  EXPECT_EQ(syntax.calls()[2].macro, "D");
}

TEST(Syntax, ArgumentsSplitAtTopLevelCommas) {
  const auto tokens = lex("void f(void) { snprintf(buf, sizeof(buf), \"%d,%d\", g(a, b), c[1,2]); }");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.calls().size(), 2u);
  const Call& c = syntax.calls()[0];
  ASSERT_EQ(c.args.size(), 5u);
  EXPECT_EQ(syntax.arg(c, 2).front().text, "\"%d,%d\"");
}

TEST(Syntax, FunctionsAndEnclosingFunction) {
  const auto tokens = lex("int a(int n) { return n ? b(n - 1) : 0; }\nint b(int n) { return a(n); }\nvoid v(const char *f, ...) {}\n");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.functions().size(), 3u);
  EXPECT_TRUE(syntax.functions()[2].variadic);
  ASSERT_EQ(syntax.calls().size(), 2u);
  EXPECT_EQ(syntax.calls()[0].function, 0);
  EXPECT_EQ(syntax.calls()[1].function, 1);
}

TEST(Syntax, AnAttributeRightBeforeTheNameIsADefinition) {
  const auto tokens = lex("static int __attribute__((regparm(0), format(printf, 1, 2))) logger(const char *f, ...) {\n"
                          "  return vprintk(f, 0);\n}\n");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.functions().size(), 1u);
  EXPECT_EQ(tokens[syntax.functions()[0].name].text, "logger");
  EXPECT_TRUE(syntax.functions()[0].variadic);
}

// An attribute macro before the type (the kernel's `extern __printf(2, 3) int sprintf(…);`, a
// project's `PRINTF_LIKE(1, 2) void trace(…) {…}`) declares or defines the name; a cast, a call or
// a statement macro before a call does not, because no type name stands between them and the call.
TEST(Syntax, AnAttributeMacroBeforeTheTypeDeclaresTheName) {
  EXPECT_EQ(calls("extern __printf(2, 3) int sprintf(char *buf, const char *fmt, ...);"), V{});
  EXPECT_EQ(calls("extern __printf(3, 4)\nint snprintf(char *buf, size_t size, const char *fmt, ...);"), V{});
  EXPECT_EQ(calls("extern PRINTF_LIKE(1, 2) void trace(const char *fmt, ...);"), V{});
  EXPECT_EQ(calls("void f(void) { (int) sprintf(buf, fmt); }"), V{"sprintf"});
  EXPECT_EQ(calls("void f(void) { DEBUG_ONLY(x) sprintf(buf, fmt); }"), (V{"DEBUG_ONLY", "sprintf"}));
  EXPECT_EQ(calls("void f(void) { for_each(p) sprintf(buf, fmt); }"), (V{"for_each", "sprintf"}));
  const auto tokens = lex("static __printf(1, 2) void trace(const char *fmt, ...) {\n  vprintk(fmt, 0);\n}\n");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.functions().size(), 1u);
  EXPECT_EQ(tokens[syntax.functions()[0].name].text, "trace");
  EXPECT_TRUE(syntax.functions()[0].variadic);
}

TEST(Syntax, ConstructorsAndDestructorsAreDefinitionsByTheirClassName) {
  // In class and out of it, with initialiser lists naming a qualified base and a braced member.
  const auto tokens = lex("class Sink : public ns::Base {\n public:\n  Sink(char *c) : ns::Base(c), data(c) {}\n"
                          "  ~Sink() { use(data); }\n  char *data;\n  int n;\n};\n"
                          "Sink::Sink(int k) : data{nullptr}, n(k) { init(); }\nSink::~Sink() { done(); }\n");
  const Syntax syntax(tokens);
  std::vector<std::string> names;
  for (const auto& f : syntax.functions()) names.emplace_back(tokens[f.name].text);
  EXPECT_EQ(names, (V{"Sink", "Sink", "Sink", "Sink"}));
}

// The names of the functions Syntax finds, and of the initialiser entries of each, in order.
std::vector<std::string> definitions(std::string_view src) {
  const auto tokens = lex(src);
  const Syntax syntax(tokens);
  std::vector<std::string> out;
  for (const auto& f : syntax.functions()) {
    std::string d(tokens[f.name].text);
    for (const auto& entry : syntax.initialisers(f))
      d += " " + std::string(tokens[entry.name].text) + std::string(tokens[entry.open].text) +
           std::string(tokens[entry.close].text);
    out.push_back(d);
  }
  return out;
}

TEST(Syntax, AnInitialiserListNamingABaseClassTemplate) {
  EXPECT_EQ(definitions("class S : public Base<int> {\npublic:\n  S(char *c, char *d) : Base<int>(c), m(d) {}\n  char *m;\n};\n"),
            V{"S Base() m()"});
  EXPECT_EQ(definitions("S::S(char *c) : ns::Base<std::map<int, char *>>{c}, m(c) { use(m); }\n"), V{"S Base{} m()"});
}

TEST(Syntax, ABracedInitialiserLastBeforeTheBody) {
  EXPECT_EQ(definitions("class S {\npublic:\n  S(char *d) : m{d} {}\n  char *m;\n};\n"), V{"S m{}"});
  EXPECT_EQ(definitions("S::S(char *c, int n) : m(c), n{n} { init(); }\n"), V{"S m() n{}"});
  // A brace after a brace is no constructor without a list: an initialised variable, a block.
  EXPECT_EQ(definitions("int table[] = {1, 2};\nnamespace n { }\n"), V{});
}

TEST(Syntax, NoexceptAndTryBetweenTheSignatureAndTheBody) {
  EXPECT_EQ(definitions("S::S(char *d) noexcept(true) : m(d) {}\n"), V{"S m()"});
  EXPECT_EQ(definitions("S::S(char *d) noexcept : m(d) {}\n"), V{"S m()"});
  EXPECT_EQ(definitions("S::S(char *d) try : m(d) { init(); } catch (...) { fail(); }\n"), V{"S m()"});
  EXPECT_EQ(definitions("void f(char *d) noexcept(false) { use(d); }\nvoid g(char *d) try { use(d); } catch (...) {}\n"),
            (V{"f", "g"}));
  EXPECT_EQ(definitions("void f(char *d) throw() { use(d); }\n"), V{"f"});
}

TEST(Syntax, ClassHeadsWithExportMacrosAndAttributes) {
  for (const std::string head : {"class DLL_EXPORT Sink", "class [[nodiscard]] Sink", "struct alignas(8) Sink",
                                 "class __declspec(dllexport) Sink final : public Base", "class EXPORT(1) Sink : Base<int>"}) {
    SCOPED_TRACE(head);
    EXPECT_EQ(definitions(head + " {\npublic:\n  Sink(char *d) : m(d) {}\n  char *m;\n};\n"), V{"Sink m()"});
    const std::string record = head + " {};";
    const auto tokens = lex(record);
    const Syntax syntax(tokens);
    size_t brace = 0;
    while (brace < tokens.size() && !tokens[brace].is("{")) ++brace;
    ASSERT_LT(brace, tokens.size());
    ASSERT_LT(syntax.record_name(brace), tokens.size());
    EXPECT_EQ(tokens[syntax.record_name(brace)].text, "Sink");
  }
  // Not records: an enum's braces, a function returning a struct pointer.
  const auto tokens = lex("enum class E : int { a };\nstruct S *make(void) { return 0; }\n");
  const Syntax syntax(tokens);
  for (size_t k = 0; k < tokens.size(); ++k)
    if (tokens[k].is("{")) {
      EXPECT_EQ(syntax.record_name(k), tokens.size()) << k;
    }
}

TEST(Syntax, AConstructorDefinedOutOfLineInANamespace) {
  EXPECT_EQ(definitions("ns::Sink::Sink(char *d) : m(d) {}\nns::Sink::~Sink() { use(m); }\n"), (V{"Sink m()", "Sink"}));
  EXPECT_EQ(definitions("namespace ns {\nSink::Sink(char *d) : m(d) {}\n}\n"), V{"Sink m()"});
}

TEST(Syntax, VariadicMeansCVariableArguments) {
  const auto tokens = lex("void a(int n, ...) {}\nvoid b(...) {}\ntemplate <class... T> void c(T... args) {}\n"
                          "template <class... T> void d(T...) {}\n");
  const Syntax syntax(tokens);
  ASSERT_EQ(syntax.functions().size(), 4u);
  EXPECT_TRUE(syntax.functions()[0].variadic);
  EXPECT_TRUE(syntax.functions()[1].variadic);
  EXPECT_FALSE(syntax.functions()[2].variadic);
  EXPECT_FALSE(syntax.functions()[3].variadic);
}

TEST(Syntax, DeepNestingIsLinear) {
  std::string deep(100000, '(');
  deep += "f(x)";
  deep += std::string(100000, ')');
  EXPECT_EQ(calls("void g(void) { " + deep + "; }").size(), 1u);
}

}  // namespace
}  // namespace mdbc::source
