// The lexer and the whole source rule pipeline on arbitrary bytes: the per-file inspection, then
// every rule's tree-wide pass. The first byte picks the file name (and so the language and which
// rules run); the rest is the file.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/code_book.h"
#include "core/error.h"
#include "core/inspector.h"
#include "inspect/engine.h"
#include "inspect/source/lexer.h"

namespace {

constexpr std::string_view names[] = {
    "src/main.c", "src/util.h", "src/engine.cpp", "include/api.hpp", "boot/start.S", "CMakeLists.txt",
    "Makefile",   "prj.conf",   "keys/dev.pem",   "config/app.toml", "meson.build",  "lib/io.rs",
};

const mdbc::Inspector& source_inspector() {
  for (const auto& i : mdbc::inspectors())
    if (i->kind() == mdbc::InputKind::source) return *i;
  __builtin_trap();
}

// Lexer invariants: tokens lie inside the text, in order, with sane lines and columns.
void check_tokens(std::string_view text) {
  const auto tokens = mdbc::source::lex(text);
  const char* previous_end = text.data();
  uint32_t previous_line = 1;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const auto& t = tokens[i];
    if (t.text.empty() || t.text.data() < previous_end || t.text.data() + t.text.size() > text.data() + text.size() ||
        t.line < previous_line || t.column == 0)
      __builtin_trap();
    previous_end = t.text.data() + t.text.size();
    previous_line = t.line;
    (void)mdbc::source::spelling(t);
    (void)mdbc::source::string_body(t);
    if (t.directive && t.line_start && mdbc::source::directive_end(tokens, i) <= i) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const mdbc::CodeBook& code = mdbc::CodeBook::builtin();
  static const mdbc::Config config = [] {
    mdbc::Config c;
    c.log_functions = {"audit_log"};
    return c;
  }();
  static const mdbc::InspectOptions options;
  const mdbc::RunContext ctx{code, *code.profile(mdbc::default_profile), config, options};
  const std::string name(names[data[0] % std::size(names)]);
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  check_tokens(text);

  const mdbc::Inspector& inspector = source_inspector();
  if (!inspector.claims(name, text.substr(0, 4096), false)) __builtin_trap();
  mdbc::InputFile file;
  file.path = name;
  file.bytes = text;
  mdbc::FileOutcome outcome;
  try {
    inspector.inspect(file, ctx, outcome);
  } catch (const mdbc::InputError&) {
    return 0;  // a clean refusal of malformed input
  }
  const mdbc::InputFile* files[] = {&file};
  mdbc::FileOutcome* outcomes[] = {&outcome};
  mdbc::TreeOutcome tree;
  inspector.finish(files, outcomes, ctx, tree);
  for (const auto* findings : {&outcome.findings, &tree.findings})
    for (const auto& f : *findings)
      if (code.rule(f.rule) == nullptr) __builtin_trap();  // every rule id is documented
  return 0;
}
