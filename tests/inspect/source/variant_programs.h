#pragma once
// Whole test programs in the shape an independent suite scores: ONE file (or a few, other_files,
// inspected as one tree) holds a flawed function and its fixed versions, and a finding counts for
// the function whose lines (of its file) it lands in. Recall is
// a finding of the element in the flawed function's lines (or a helper only it uses); a false alarm
// is one in a fixed function's lines. Lines shared by all (includes, declarations) must stay silent
// too: a finding there is credited to no function and would hide which version is wrong.
#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "support/source_fixture.h"

namespace mdbc::test {

enum class Role { shared, flawed, fixed };

struct ProgramPart {
  Role role;
  std::string text;  // whole lines, each ending in '\n'
};

// One more file of a program spread over several: its path and its parts.
struct ProgramFile {
  std::string path;
  std::vector<ProgramPart> parts;
};

struct VariantProgram {
  // A constructor rather than an aggregate: most programs are one file, given without other_files.
  VariantProgram(std::string name, std::vector<ProgramPart> parts, std::string path = "src/program.c",
                 std::vector<ProgramFile> other_files = {})
      : name(std::move(name)), parts(std::move(parts)), path(std::move(path)), other_files(std::move(other_files)) {}
  std::string name;
  std::vector<ProgramPart> parts;
  std::string path;
  std::vector<ProgramFile> other_files;  // the program's files beside `path`, inspected as one tree
};

// The programs `make` builds of each flaw, in order.
template <class Flaw, class Make>
std::vector<VariantProgram> programs_of(const std::vector<Flaw>& flaws, Make&& make) {
  std::vector<VariantProgram> programs;
  for (const auto& flaw : flaws)
    for (auto& p : make(flaw)) programs.push_back(std::move(p));
  return programs;
}

// How the findings of `element` (an element, or a rule id prefix such as "CODE-5/recursion") of
// one program fall on its parts.
struct ProgramVerdict {
  bool flawed_found = false;
  size_t fixed_parts = 0;
  size_t fixed_alarms = 0;         // fixed parts with a finding
  std::vector<std::string> wrong;  // findings outside the flawed parts, for the failure message
};

inline ProgramVerdict judge_program(std::string_view element, const VariantProgram& program) {
  std::vector<ProgramFile> files{{program.path, program.parts}};
  files.insert(files.end(), program.other_files.begin(), program.other_files.end());
  std::vector<SnippetFile> tree;
  struct Span {
    std::string_view path;
    uint32_t first, last;  // lines of the part
    const ProgramPart* part;
  };
  std::vector<Span> spans;
  for (const auto& file : files) {
    std::string code;
    uint32_t line = 1;
    for (const auto& part : file.parts) {
      const auto newlines = static_cast<uint32_t>(std::count(part.text.begin(), part.text.end(), '\n'));
      spans.push_back({file.path, line, line + newlines - 1, &part});
      line += newlines;
      code += part.text;
    }
    tree.push_back({file.path, std::move(code), ""});
  }
  const auto findings = only(inspect_tree(tree).findings, element);
  ProgramVerdict verdict;
  std::vector<bool> alarmed(spans.size(), false);
  for (const auto& f : findings) {
    for (size_t i = 0; i < spans.size(); ++i) {
      if (f.path != spans[i].path || f.line < spans[i].first || f.line > spans[i].last) continue;
      if (spans[i].part->role == Role::flawed) {
        verdict.flawed_found = true;
      } else {
        alarmed[i] = true;
        verdict.wrong.push_back(f.path + ":" + std::to_string(f.line) + ": " + f.rule + " " + f.message);
      }
    }
  }
  for (size_t i = 0; i < spans.size(); ++i) {
    if (spans[i].part->role != Role::fixed) continue;
    ++verdict.fixed_parts;
    verdict.fixed_alarms += alarmed[i];
  }
  return verdict;
}

// Every program's flawed part must have a finding of `element` and no other part one. Prints the
// figures: programs (pairs), recall on the flawed functions, programs with a false alarm, and the
// fixed functions alarmed among all fixed functions. The programs named in `known_gaps` are
// judged apart: each must still be missed or alarmed (a gap closed fails, so that the program
// joins the others), and their figures are printed on a [gaps] line of their own.
inline void expect_variant_programs(std::string_view element, std::string_view suite,
                                    const std::vector<VariantProgram>& programs,
                                    const std::vector<std::string>& known_gaps = {}) {
  struct Figures {
    size_t programs = 0, found = 0, false_alarms = 0, fixed = 0, fixed_alarms = 0;
  };
  Figures kept, gaps;
  for (const auto& p : programs) {
    SCOPED_TRACE(p.name);
    const auto verdict = judge_program(element, p);
    const bool gap = std::find(known_gaps.begin(), known_gaps.end(), p.name) != known_gaps.end();
    if (gap) {
      EXPECT_FALSE(verdict.flawed_found && verdict.wrong.empty()) << "known gap closed: " << p.name;
    } else {
      EXPECT_TRUE(verdict.flawed_found) << "missed: " << p.name;
      EXPECT_TRUE(verdict.wrong.empty()) << "false alarm: " << p.name << ": " << verdict.wrong.front();
    }
    Figures& f = gap ? gaps : kept;
    ++f.programs;
    f.found += verdict.flawed_found;
    f.false_alarms += !verdict.wrong.empty();
    f.fixed += verdict.fixed_parts;
    f.fixed_alarms += verdict.fixed_alarms;
  }
  for (const auto& name : known_gaps)
    EXPECT_TRUE(std::any_of(programs.begin(), programs.end(), [&](const VariantProgram& p) { return p.name == name; }))
        << "no program named " << name;
  for (const auto& [tag, f] : {std::pair{"pairs", kept}, std::pair{"gaps", gaps}}) {
    if (f.programs == 0) continue;
    std::printf("[%s] %.*s %.*s: %zu pairs, recall %zu/%zu, false alarms %zu/%zu (fixed functions %zu/%zu)\n", tag,
                static_cast<int>(element.size()), element.data(), static_cast<int>(suite.size()), suite.data(),
                f.programs, f.found, f.programs, f.false_alarms, f.programs, f.fixed_alarms, f.fixed);
  }
}

}  // namespace mdbc::test
