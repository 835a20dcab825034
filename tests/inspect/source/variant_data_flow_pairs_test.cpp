// Variant programs, data flow: each flaw's source and sink joined along every path of
// variant_data_flows.h, the flawed function beside its fixed versions (a fixed source, a fixed
// sink) in one file, C and C++. Findings must land in the flawed function or the helpers only it
// uses, and in no fixed one.
#include <gtest/gtest.h>

#include "inspect/source/variant_data_flaws.h"

namespace mdbc::source {
namespace {

using test::data_flow_programs;
using test::DataFlaw;
using test::expect_variant_programs;
using test::code1_flaws;
using test::code2_flaws;
using test::code3_flaws;
using test::code4_flaws;
using test::crypto1_flaws;
using test::crypto3_flaws;
using test::crypto4_flaws;
using test::rng1_flaws;
using test::rng2_flaws;
using test::rng3_flaws;
using test::log3_flaws;

TEST(VariantDataFlowPrograms, Code1) {
  expect_variant_programs("CODE-1", "data-flow variants", data_flow_programs(code1_flaws));
}
TEST(VariantDataFlowPrograms, Code2) {
  expect_variant_programs("CODE-2", "data-flow variants", data_flow_programs(code2_flaws));
}
// Members of the same name in several classes: each class's writes are to its own member, but a
// member a class inherits is written by its base too (the base's constructor stores input there,
// the derived class only clears it).
TEST(VariantDataFlowPrograms, Code2MemberInheritedFromABase) {
  using test::Role;
  const test::VariantProgram program{
      "a member the base class fills from input, printed by the derived class",
      {{Role::shared, "#include <stdio.h>\n#include <string.h>\n"},
       {Role::flawed,
        "class InputHolder\n{\nprotected:\n    char *data;\n\npublic:\n    explicit InputHolder(char *line)\n    {\n"
        "        data = line;\n    }\n};\nclass InputPrinter : public InputHolder\n{\npublic:\n"
        "    explicit InputPrinter(char *line) : InputHolder(line) {}\n    void clear()\n    {\n"
        "        data = \"\";\n    }\n    ~InputPrinter()\n    {\n"
        "        printf(data);\n    }\n};\nvoid bad(void)\n{\n    char line[100] = \"\";\n"
        "    if (fgets(line, 100, stdin) != NULL)\n    {\n        InputPrinter printer(line);\n    }\n}\n"},
       {Role::fixed,
        "class FixedPrinter\n{\npublic:\n    FixedPrinter()\n    {\n        data = \"fixedstringtest\";\n    }\n"
        "    ~FixedPrinter()\n    {\n        printf(data);\n    }\n\nprivate:\n    const char *data;\n};\n"
        "void good(void)\n{\n    FixedPrinter printer;\n}\n"}},
      "src/program.cpp"};
  expect_variant_programs("CODE-2", "member of a base", {program});
}
TEST(VariantDataFlowPrograms, Code3) {
  expect_variant_programs("CODE-3", "data-flow variants", data_flow_programs(code3_flaws));
}
TEST(VariantDataFlowPrograms, Code4) {
  expect_variant_programs("CODE-4", "data-flow variants", data_flow_programs(code4_flaws));
}
TEST(VariantDataFlowPrograms, Crypto1) {
  expect_variant_programs("CRYPTO-1", "data-flow variants", data_flow_programs(crypto1_flaws));
}
TEST(VariantDataFlowPrograms, Crypto3) {
  expect_variant_programs("CRYPTO-3", "data-flow variants", data_flow_programs(crypto3_flaws));
}
TEST(VariantDataFlowPrograms, Crypto4) {
  expect_variant_programs("CRYPTO-4", "data-flow variants", data_flow_programs(crypto4_flaws));
}
TEST(VariantDataFlowPrograms, Rng1) {
  expect_variant_programs("RNG-1", "data-flow variants", data_flow_programs(rng1_flaws));
}
// The flaws whose sink makes the value a secret (a key, a nonce): reported as a weak secret, not
// only as a weak generator, along every path (a container's storing call, a call through a
// function pointer, a virtual method, a construction, a template given its arguments included).
TEST(VariantDataFlowPrograms, Rng1Secret) {
  std::vector<DataFlaw> secret;
  for (const auto& flaw : rng1_flaws)
    if (flaw.flawed_sink.find("AES_set_encrypt_key") != std::string::npos || flaw.flawed_sink.find("nonce") != std::string::npos)
      secret.push_back(flaw);
  expect_variant_programs("RNG-1/weak-random-secret", "data-flow variants", data_flow_programs(secret));
}
// The flaws whose value only reaches output (a printed number, a salt or token shown) stay weak
// generators along every path: following calls to their targets makes no secret of them.
TEST(VariantDataFlowPrograms, Rng1NoSecret) {
  size_t judged = 0;
  for (const auto& flaw : rng1_flaws) {
    if (flaw.flawed_sink.find("AES_set_encrypt_key") != std::string::npos || flaw.flawed_sink.find("nonce") != std::string::npos)
      continue;
    for (auto program : data_flow_programs(flaw)) {
      SCOPED_TRACE(program.name);
      for (auto& part : program.parts) part.role = test::Role::fixed;
      EXPECT_EQ(test::judge_program("RNG-1/weak-random-secret", program).wrong, std::vector<std::string>{});
      ++judged;
    }
  }
  EXPECT_GT(judged, 100u);
}
TEST(VariantDataFlowPrograms, Rng2) {
  expect_variant_programs("RNG-2", "data-flow variants", data_flow_programs(rng2_flaws));
}
TEST(VariantDataFlowPrograms, Rng3) {
  expect_variant_programs("RNG-3", "data-flow variants", data_flow_programs(rng3_flaws));
}
TEST(VariantDataFlowPrograms, Log3) {
  expect_variant_programs("LOG-3", "data-flow variants", data_flow_programs(log3_flaws));
}

}  // namespace
}  // namespace mdbc::source
