#pragma once
// Rules of the source stage. One rule family per file in this folder; each registers itself with
// MDBC_SOURCE_RULE(Class) and names the rule ids (and so the elements) it decides.
#include <any>
#include <memory>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/inspector.h"
#include "inspect/source/file_names.h"
#include "inspect/source/language.h"
#include "inspect/source/lexer.h"
#include "inspect/source/source_values.h"
#include "inspect/source/syntax.h"

namespace mdbc::source {

struct CrossFileValues;  // cross_file.h

// One file of a source tree as rules see it.
struct SourceFile {
  const InputFile& input;
  Language language;
  std::span<const Token> tokens;  // C-family files only; empty otherwise
  const Syntax& syntax;           // over tokens (empty for other files)
  const FileNames& names;         // the distinct identifiers of tokens
  const RunContext& ctx;

  // A finding at a token, with the token's source line as evidence.
  Finding at(const Token& t, std::string rule, std::string message, Severity severity) const;
  // A finding at a 1-based line (column 0 = whole line).
  Finding at_line(uint32_t line, uint32_t column, std::string rule, std::string message, Severity severity) const;
  std::string_view line_text(uint32_t line) const;
  // The evidence of a finding at a token, as at() gives it: the start of the token's source line,
  // trimmed and clipped (found from the token, reading no further along the line than it shows).
  std::string evidence(const Token& t) const;
  // Where names get their values: built on first use and shared by every rule of this file (five
  // rules ask, and building it is a pass over all tokens).
  const FileValues& values() const {
    if (!values_) values_.emplace(syntax, names);
    return *values_;
  }

  mutable std::optional<FileValues> values_{};
  // What crosses files from here (cross_file.h), found on first use and shared by the rules that
  // follow such values (two rules ask, one of them twice, and each finding reads every binding).
  mutable std::shared_ptr<CrossFileValues> cross_file_{};
  // What a rule left undecided in this file, and why (FileOutcome::incomplete).
  mutable std::vector<std::string> incomplete{};
};

// What a rule recorded about one file for its tree-wide pass.
struct SourceFileFacts {
  std::string_view path;
  Language language;
  std::string_view component;
  const std::any& facts;
};

class SourceRule {
 public:
  virtual ~SourceRule() = default;
  virtual RuleFamily family() const = 0;
  // Whether check() wants this file at all (cheap; by language).
  virtual bool wants(Language language) const { return is_c_family(language); }
  // A rule whose findings all sit at or depend on certain names (an API, a banned function, a
  // secret-like name) says which: it then runs only on the files that hold one of them or that
  // triggered_otherwise() accepts, and records no facts for the others, so that its cost follows
  // the files it concerns rather than the size of the tree. Each name is judged once per thread.
  virtual bool gated_by_names() const { return false; }
  // The names a gated rule reacts to by their spelling alone (the APIs or functions it looks for):
  // every rule's list is one table, where each new name of a file is looked up once for all of
  // them, rather than each rule being asked in turn. reacts_to() is asked only about the names
  // that are not on the rule's list, and not at all when reacts_to_other_names() says the list is all.
  virtual std::vector<std::string_view> trigger_names() const { return {}; }
  virtual bool reacts_to_other_names() const { return true; }
  virtual bool reacts_to(std::string_view name) const {
    (void)name;
    return true;
  }
  // What every name reacts_to() accepts looks like, when the rule can say: it begins with one of
  // `prefixes`, ends with one of `suffixes` (both as written) or holds one of `parts` (lower case,
  // two or more bytes) in any case. The rule is then asked only about names of those shapes, and
  // a name of no rule's shape is not looked up at all (NameShapes); nullopt: any name may be one.
  struct ReactingNames {
    std::vector<std::string_view> prefixes, suffixes, parts;
  };
  virtual std::optional<ReactingNames> reacting_names() const { return std::nullopt; }
  virtual bool triggered_otherwise(const SourceFile& file) const {
    (void)file;
    return false;
  }
  // Concurrent, per file. `facts` is this rule's own record for finish(), left empty when unused.
  virtual void check(const SourceFile& file, std::vector<Finding>& out, std::any& facts) const = 0;
  // Once, after every file, with each wanted file's facts in path order. The passes of different
  // rules run concurrently: a pass touches no mutable state but its own rule's.
  virtual void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const {
    (void)files, (void)ctx, (void)out;
  }
};

void register_source_rule(std::unique_ptr<SourceRule> rule);
std::span<const std::unique_ptr<SourceRule>> source_rules();

}  // namespace mdbc::source

#define MDBC_SOURCE_RULE(Class)                                                                         \
  namespace {                                                                                           \
  const bool Class##_registered = (::mdbc::source::register_source_rule(std::make_unique<Class>()), true); \
  }
