#pragma once
// Builds variant programs from one flaw: the flawed body and its fixes (a fixed source, a fixed
// sink, or both), each wrapped in the same control-flow construct - a branch on a constant, on a
// file-scope or external flag, on a function's result, a loop run once, a switch, a goto.
#include <string>
#include <string_view>
#include <vector>

#include "inspect/source/variant_programs.h"

namespace mdbc::test {

// One flaw in statements. "$FN" in a body or helper stands for the name of the function holding it
// (a recursive flaw calls itself); "$ARGS" for that function's parameters (default "void").
struct Flaw {
  std::string name;
  std::string includes;
  std::string flawed;
  std::string fixed_source;  // the data made safe at its source; empty when no such fix exists
  std::string fixed_sink;    // the use made safe; empty when no such fix exists
  std::string path = "src/program.c";
  std::string params = "void";
};

// A construct that runs its body: `taken` encloses the body so that it runs, `not_taken` so that
// a benign statement runs in its place and the body sits in the branch that runs instead (the
// shape of a fix under an always-false test). Empty `not_taken`: the construct has no such form.
struct ControlFlow {
  std::string name;
  std::string declarations;
  std::string taken_open, taken_close;
  std::string not_taken_open, not_taken_close;
};

inline std::string replaced_all(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

inline std::string indented(std::string_view body, std::string_view by) {
  std::string out;
  size_t start = 0;
  while (start < body.size()) {
    const size_t end = body.find('\n', start);
    const auto line = body.substr(start, end - start);
    out += line.empty() ? "" : std::string(by) + std::string(line);
    out += '\n';
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

inline std::string function_text(const Flaw& flaw, const std::string& name, const std::string& open,
                                 const std::string& body, const std::string& close) {
  const std::string block = open + "{\n" + indented(body, "    ") + "}\n" + close;
  return replaced_all("void " + name + "(" + flaw.params + ")\n{\n" + indented(block, "    ") + "}\n", "$FN", name);
}

inline std::vector<ControlFlow> control_flows() {
  const std::string benign = "printf(\"%s\\n\", \"Benign, fixed string\");\n";
  auto branch = [&](std::string name, std::string declarations, std::string is_true, std::string is_false) {
    return ControlFlow{std::move(name), std::move(declarations), "if (" + is_true + ")\n", "",
                       "if (" + is_false + ")\n{\n    " + benign + "}\nelse\n", ""};
  };
  return {
      {"straight", "", "", "", "", ""},
      branch("if (1)", "", "1", "0"),
      branch("if (GLOBAL_CONST_TRUE)",
             "extern const int GLOBAL_CONST_TRUE;\nextern const int GLOBAL_CONST_FALSE;\n",
             "GLOBAL_CONST_TRUE", "GLOBAL_CONST_FALSE"),
      branch("#define constant", "#define STATIC_CONST_TRUE 1\n#define STATIC_CONST_FALSE 0\n",
             "STATIC_CONST_TRUE", "STATIC_CONST_FALSE"),
      branch("if (staticTrue)", "static int staticTrue = 1;\nstatic int staticFalse = 0;\n", "staticTrue",
             "staticFalse"),
      branch("if (staticFive == 5)", "static int staticFive = 5;\n", "staticFive == 5", "staticFive != 5"),
      branch("if (globalReturnsTrue())", "int globalReturnsTrue(void);\nint globalReturnsFalse(void);\n",
             "globalReturnsTrue()", "globalReturnsFalse()"),
      branch("if (staticReturnsTrue())",
             "static int staticReturnsTrue(void)\n{\n    return 1;\n}\n"
             "static int staticReturnsFalse(void)\n{\n    return 0;\n}\n",
             "staticReturnsTrue()", "staticReturnsFalse()"),
      branch("a global flag set elsewhere", "extern int globalTrue;\nextern int globalFalse;\n", "globalTrue",
             "globalFalse"),
      {"while (1) with break", "", "while (1)\n", "", "", ""},
      {"for one turn", "", "int j;\nfor (j = 0; j < 1; j++)\n", "", "", ""},
      {"switch (6)", "", "switch (6)\n{\ncase 6:\n", "    break;\ndefault:\n    " + benign + "    break;\n}\n",
       "switch (7)\n{\ncase 6:\n    " + benign + "    break;\ndefault:\n", "    break;\n}\n"},
      {"goto", "", "goto sink;\nsink:\n", "", "", ""},
  };
}

// The flaw under every control flow: per flow one program holding the flawed function and each fix
// that exists under the taken form and, where the flow has one, the not-taken form.
inline std::vector<VariantProgram> flow_programs(const Flaw& flaw) {
  std::vector<VariantProgram> programs;
  for (const auto& flow : control_flows()) {
    VariantProgram p{flaw.name + ", " + flow.name, {{Role::shared, flaw.includes + flow.declarations}}, flaw.path};
    p.parts.push_back({Role::flawed, function_text(flaw, "flaw_bad", flow.taken_open, flaw.flawed, flow.taken_close)});
    int n = 0;
    for (const auto* fix : {&flaw.fixed_source, &flaw.fixed_sink}) {
      if (fix->empty()) continue;
      p.parts.push_back({Role::fixed, function_text(flaw, "flaw_good" + std::to_string(++n), flow.taken_open, *fix,
                                                    flow.taken_close)});
      if (flow.not_taken_open.empty()) continue;
      p.parts.push_back({Role::fixed, function_text(flaw, "flaw_good" + std::to_string(++n), flow.not_taken_open,
                                                    *fix, flow.not_taken_close)});
    }
    programs.push_back(std::move(p));
  }
  return programs;
}

inline std::vector<VariantProgram> flow_programs(const std::vector<Flaw>& flaws) {
  return programs_of(flaws, [](const Flaw& flaw) { return flow_programs(flaw); });
}

}  // namespace mdbc::test
