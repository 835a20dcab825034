#include "support/source_fixture.h"

#include <algorithm>
#include <stdexcept>

#include "core/code_book.h"
#include "core/inspector.h"

namespace mdbc::test {
namespace {

const Inspector& source_inspector() {
  for (const auto& i : inspectors())
    if (i->kind() == InputKind::source) return *i;
  throw std::logic_error("no source inspector is registered");
}

}  // namespace

SnippetResult inspect_tree(const std::vector<SnippetFile>& files, std::string_view profile_name,
                           const Config& config) {
  const Profile* profile = CodeBook::builtin().profile(profile_name);
  if (profile == nullptr) throw std::invalid_argument("unknown profile " + std::string(profile_name));
  return inspect_tree(files, *profile, config);
}

SnippetResult inspect_tree(const std::vector<SnippetFile>& files, const Profile& profile, const Config& config) {
  const CodeBook& code = CodeBook::builtin();
  const InspectOptions options;
  const RunContext ctx{code, profile, config, options};
  const Inspector& inspector = source_inspector();

  // The engine inspects files in path order; do the same so finish() sees what it would.
  std::vector<const SnippetFile*> sorted;
  for (const auto& f : files)
    if (inspector.claims(f.path, std::string_view(f.code).substr(0, 4096), false)) sorted.push_back(&f);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->path < b->path; });

  std::vector<InputFile> inputs(sorted.size());
  std::vector<FileOutcome> outcomes(sorted.size());
  SnippetResult result;
  for (size_t i = 0; i < sorted.size(); ++i) {
    inputs[i].path = sorted[i]->path;
    inputs[i].bytes = sorted[i]->code;
    inputs[i].component = sorted[i]->component;
    inspector.inspect(inputs[i], ctx, outcomes[i]);
    for (auto& f : outcomes[i].findings) result.findings.push_back(std::move(f));
  }
  std::vector<const InputFile*> input_ptrs;
  std::vector<FileOutcome*> outcome_ptrs;
  for (size_t i = 0; i < sorted.size(); ++i) {
    input_ptrs.push_back(&inputs[i]);
    outcome_ptrs.push_back(&outcomes[i]);
  }
  TreeOutcome tree;
  if (!inputs.empty()) inspector.finish(input_ptrs, outcome_ptrs, ctx, tree);
  for (auto& f : tree.findings) result.findings.push_back(std::move(f));
  result.summary = tree.summary.is_object() ? std::move(tree.summary) : nlohmann::ordered_json::object();
  std::sort(result.findings.begin(), result.findings.end());
  return result;
}

std::vector<Finding> inspect_snippet(std::string_view code, std::string path, std::string_view profile) {
  return inspect_tree({SnippetFile{std::move(path), std::string(code), {}}}, profile).findings;
}

std::vector<Finding> only(const std::vector<Finding>& findings, std::string_view prefix) {
  std::vector<Finding> out;
  for (const auto& f : findings)
    if (prefix.find('/') == std::string_view::npos ? f.element() == prefix : std::string_view(f.rule).starts_with(prefix))
      out.push_back(f);
  return out;
}

std::vector<uint32_t> lines_of(const std::vector<Finding>& findings) {
  std::vector<uint32_t> out;
  for (const auto& f : findings) out.push_back(f.line);
  return out;
}

}  // namespace mdbc::test
