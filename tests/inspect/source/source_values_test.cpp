#include "inspect/source/source_values.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace mdbc::source {
namespace {

struct Parsed {
  explicit Parsed(std::string text)
      : code(std::move(text)), tokens(lex(code)), names(tokens), syntax(tokens), values(syntax, names) {}
  // The value of argument n of the first call named `name`.
  Value arg(std::string_view name, size_t n) const {
    for (const Call& c : syntax.calls())
      if (tokens[c.name].text == name && n < c.args.size())
        return values.resolve({c.args[n].first, c.args[n].second}, c.function);
    return {};
  }
  std::string code;
  std::vector<Token> tokens;
  FileNames names;
  Syntax syntax;
  FileValues values;
};

TEST(SourceValues, IntegersThroughMacrosConstantsEnumsAndLocals) {
  const Parsed p("#define BITS (2 * 512)\nenum { SHIFT = 16 };\nstatic const int base = 8;\n"
                 "void f(void) {\n  long v = 0L;\n  use_a(BITS);\n  use_b(1024 << SHIFT);\n  use_c(v);\n  use_d(base);\n"
                 "  use_e((unsigned)0x400u);\n}\n");
  EXPECT_TRUE(p.arg("use_a", 0).is_integer(1024));
  EXPECT_TRUE(p.arg("use_b", 0).is_integer(1024LL << 16));
  EXPECT_TRUE(p.arg("use_c", 0).is_integer(0));
  EXPECT_TRUE(p.arg("use_d", 0).is_integer(8));
  EXPECT_TRUE(p.arg("use_e", 0).is_integer(0x400));
  const Value v = p.arg("use_c", 0);
  ASSERT_NE(v.via, nullptr);
  EXPECT_EQ(p.tokens[v.via->name].text, "v");
}

TEST(SourceValues, VariablesThatChangeOrAreParametersAreUnknown) {
  const Parsed p("void f(int mode) {\n  int v = 0;\n  if (mode) v = 1;\n  use_a(v);\n  use_b(mode);\n"
                 "  int w = 0;\n  w += mode;\n  use_c(w);\n}\n");
  EXPECT_TRUE(p.arg("use_a", 0).is(Value::Kind::unknown));
  EXPECT_TRUE(p.arg("use_b", 0).is(Value::Kind::unknown));
  EXPECT_TRUE(p.arg("use_c", 0).is(Value::Kind::unknown));
}

TEST(SourceValues, StringsListsSymbolsAndCasts) {
  const Parsed p("#define NAME \"md\" \"5\"\nstatic const unsigned char k[4] = {1, 2, 3, 4};\n"
                 "void f(void) {\n  a(NAME);\n  b((const unsigned char *)k);\n  c(SSL_VERIFY_NONE);\n  d(NULL);\n"
                 "  e(_T(\"x\"));\n}\n");
  EXPECT_EQ(p.arg("a", 0).text, "md5");
  const Value k = p.arg("b", 0);
  ASSERT_TRUE(k.is(Value::Kind::list));
  const ListFacts f = p.values.list_facts(k.list);
  EXPECT_EQ(f.elements, 4u);
  EXPECT_FALSE(f.all_zero);
  EXPECT_TRUE(p.arg("c", 0).is_symbol("SSL_VERIFY_NONE"));
  EXPECT_TRUE(p.arg("d", 0).is(Value::Kind::null));
  EXPECT_EQ(p.arg("e", 0).text, "x");
}

TEST(SourceValues, BindingForms) {
  const Parsed p("struct s { int key; };\nstatic uint8_t iv[16];\n"
                 "void f(struct s *p, uint8_t *out) {\n  p->key = 1;\n  iv[0] = 2;\n  *out = 3;\n}\n");
  const auto key = p.values.bindings("key");
  ASSERT_EQ(key.size(), 2u);
  EXPECT_EQ(key[0]->form, BindingForm::member);
  EXPECT_EQ(key[1]->form, BindingForm::member);
  const auto iv = p.values.bindings("iv");
  ASSERT_EQ(iv.size(), 2u);
  EXPECT_EQ(iv[0]->form, BindingForm::declaration);
  EXPECT_TRUE(iv[0]->is_static);
  EXPECT_EQ(iv[1]->form, BindingForm::element);
  bool out_param = false, out_write = false;
  for (const Binding* b : p.values.bindings("out")) {
    out_param = out_param || b->form == BindingForm::parameter;
    out_write = out_write || b->form == BindingForm::element;
  }
  EXPECT_TRUE(out_param);
  EXPECT_TRUE(out_write);
}

// A pointer to pointer declared with a value is a declaration, as a pointer is; a store through
// it (`**pp = v;`) writes what it points to.
TEST(SourceValues, PointerToPointerDeclarationsAndStores) {
  const Parsed p("void f(void *v, char c) {\n  char **pp = (char **)v;\n  **pp = c;\n}\n");
  const auto pp = p.values.bindings("pp");
  ASSERT_EQ(pp.size(), 2u);
  EXPECT_EQ(pp[0]->form, BindingForm::declaration);
  EXPECT_EQ(pp[1]->form, BindingForm::element);
}

TEST(SourceValues, HostileInputIsBounded) {
  std::string deep(20000, '(');
  deep += "1";
  deep += std::string(20000, ')');
  const Parsed p("void f(void) { g(" + deep + "); }\n");
  EXPECT_TRUE(p.arg("g", 0).is(Value::Kind::unknown) || p.arg("g", 0).is_integer(1));
  const Parsed overflow("void f(void) { g(0x7fffffffffffffff * 4 + 1); h(-(-9223372036854775807 - 1)); }\n");
  EXPECT_TRUE(overflow.arg("g", 0).is(Value::Kind::unknown));
  EXPECT_TRUE(overflow.arg("h", 0).is(Value::Kind::unknown));
  const Parsed loop("#define A B\n#define B A\nvoid f(void) { g(A); }\n");
  EXPECT_TRUE(loop.arg("g", 0).is(Value::Kind::unknown));
}

TEST(SourceValues, DeclarationSpecifiersReachEveryDeclaratorOfALongStatement) {
  // 200,000 declarators after one `static const`: the last is a constant however far its
  // specifiers are. A walk back to them from each declarator would be quadratic (hours); one cut
  // off after some thousand tokens would miss them.
  constexpr size_t n = 200000;
  std::string code = "static const int v0 = 0";
  for (size_t i = 1; i < n; ++i) code += ", v" + std::to_string(i) + " = " + std::to_string(i);
  code += ";\nvoid f(void) { g(v" + std::to_string(n - 1) + "); }\n";
  const Parsed p(code);
  EXPECT_TRUE(p.arg("g", 0).is_integer(n - 1));
  const auto last = p.values.bindings("v" + std::to_string(n - 1));
  ASSERT_EQ(last.size(), 1u);
  EXPECT_EQ(last[0]->form, BindingForm::declaration);
  EXPECT_TRUE(last[0]->is_const);
}

TEST(SourceValues, ValueOfALongAssignmentChainRunsToItsEnd) {
  // `x = a = a = … = 7;` with 300,000 '=': x's value is the whole chain. Walking to the ';' afresh
  // from every '=' would be quadratic (hours); a walk cut off after some thousand tokens would end
  // x's value in the middle.
  std::string code = "void f(void) { int x; x = ";
  for (size_t i = 0; i < 300000; ++i) code += "a = ";
  code += "7; use(x); }\n";
  const Parsed p(code);
  const auto x = p.values.bindings("x");
  ASSERT_EQ(x.size(), 2u);
  EXPECT_EQ(x[1]->form, BindingForm::assignment);
  ASSERT_LT(x[1]->value.end, p.tokens.size());
  EXPECT_EQ(p.tokens[x[1]->value.end].text, ";");
  EXPECT_EQ(p.tokens[x[1]->value.end - 1].text, "7");
}

TEST(SourceValues, ANamesBindingsAreTheSameAskedAloneOrAmongAll) {
  // Bindings are found per name when first asked: asking one name, then all, or all first, gives
  // the same bindings, in token order, and every binding once. Every form is here, with a name
  // bound several ways (declared, assigned, stepped, written through, a member, a parameter) and
  // a write whose target sits on a preprocessor line before it.
  const std::string code =
      "#define KEY_LEN 16\n#define FLAG\nenum { A = 1, B };\nstruct s { int key = 3; int n; };\n"
      "static const unsigned char key[KEY_LEN] = {1, 2, 3};\nint x = 1, y(2), z{3};\n"
      "int (*cb)(int);\nvoid f(int key, int (*g)(int), char buf[]) {\n  int k = key;\n  k += 2; ++k; k--;\n"
      "  buf[0] = 'a'; *buf = 0; s.key = k;\n  struct s v = { .key = 4 };\n  for (int i = 0; i < 3; i++) x = i;\n"
      "  int w\n#ifdef FLAG\n  = 5\n#endif\n  ;\n}\n";
  const auto describe = [&](const Binding& b) {
    return std::to_string(b.name) + ":" + std::to_string(static_cast<int>(b.form)) + ":" + std::to_string(b.value.begin) +
           "-" + std::to_string(b.value.end) + ":" + std::to_string(b.function) + ":" + std::to_string(b.is_const) +
           std::to_string(b.is_static) + std::to_string(b.is_extern) + std::to_string(b.is_array);
  };
  const Parsed alone(code), all_first(code);
  std::vector<std::string> asked_alone;
  for (const std::string_view name : alone.names.all())
    for (const Binding* b : alone.values.bindings(name)) asked_alone.push_back(describe(*b));
  std::vector<std::string> all;
  size_t previous = 0;
  for (const Binding* b : all_first.values.all_bindings()) {
    EXPECT_LE(previous, b->name);
    previous = b->name;
    all.push_back(describe(*b));
  }
  std::vector<std::string> asked_after;
  for (const std::string_view name : all_first.names.all())
    for (const Binding* b : all_first.values.bindings(name)) asked_after.push_back(describe(*b));
  EXPECT_EQ(asked_alone, asked_after);
  std::sort(asked_alone.begin(), asked_alone.end());
  std::sort(all.begin(), all.end());
  EXPECT_EQ(asked_alone, all);
  EXPECT_GE(all.size(), 20u);
  // The same objects whichever way they are reached: a value's binding is one of all_bindings().
  const auto k = alone.values.bindings("k");
  ASSERT_FALSE(k.empty());
  bool found = false;
  for (const Binding* b : alone.values.all_bindings()) found = found || b == k.front();
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace mdbc::source
