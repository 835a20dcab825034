// The source stage: claims source files by name, lexes C-family files once, runs every source
// rule that wants the file and finds in it a name it reacts to, then each rule's tree-wide pass.
#include <algorithm>
#include <atomic>
#include <exception>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "core/text.h"
#include "inspect/source/components.h"
#include "inspect/source/name_triggers.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {
namespace {

std::vector<std::unique_ptr<SourceRule>>& rule_list() {
  static std::vector<std::unique_ptr<SourceRule>> list;
  return list;
}

uint64_t triggered_rules(const FileNames& names, std::span<const std::unique_ptr<SourceRule>> rules) {
  thread_local NameTriggers triggers(rules, NameMemory::of_thread());
  return triggers.of(names);
}

// Releases a thread's token buffer grown past `kept` tokens when the file is done, whether its
// rules ended or threw.
struct TokenRelease {
  HugePageVector<Token>& tokens;
  size_t kept;
  ~TokenRelease() {
    if (tokens.capacity() > kept) HugePageVector<Token>().swap(tokens);
  }
};

// What a file without facts of a rule gives that rule's tree-wide pass.
const std::any no_facts;

// Per file: the facts of the rules that left any, by the rule's index in source_rules(). Most
// rules leave none for most files, and a record is kept for every file of the tree until finish().
struct FileRecord {
  Language language = Language::none;
  std::vector<std::pair<size_t, std::any>> facts;  // ascending rule index
};

class SourceInspector final : public Inspector {
 public:
  InputKind kind() const override { return InputKind::source; }

  bool claims(std::string_view path, std::string_view, bool) const override {
    return classify(path) != Language::none;
  }

  void inspect(const InputFile& file, const RunContext& ctx, FileOutcome& out) const override {
    FileRecord record;
    record.language = classify(file.path);
    const auto rules = source_rules();
    // One token buffer per thread, reused from file to file (growing it again for every file
    // cost copies and page faults). One that a large file grew is released once that file is done,
    // not at the thread's next file: late in a run with many workers the large files are the last
    // ones left (each waits for room in FileSchedule's budget), and the workers that had finished
    // one held its buffer, idle, until the run ended (the main thread's lasting into the tree-wide
    // passes). A large file's buffer is in huge pages (lex), so a kept buffer of 1 MiB or more is
    // a whole 2 MiB page: with many workers each keeps less than that (sixteen kept 32 MiB).
    thread_local HugePageVector<Token> tokens;
    const size_t kept_tokens = ctx.keeps_full_buffers() ? size_t{1} << 16 : size_t{1} << 14;  // 2 MiB or 512 KiB
    const TokenRelease release{tokens, kept_tokens};
    tokens.clear();
    if (is_c_family(record.language)) lex(file.bytes, tokens);
    const FileNames names(tokens);
    const Syntax syntax(tokens);
    const SourceFile source{file, record.language, tokens, syntax, names, ctx};
    const uint64_t triggered = triggered_rules(names, rules);
    for (size_t i = 0; i < rules.size(); ++i) {
      if (!rules[i]->wants(record.language)) continue;
      if (rules[i]->gated_by_names() && !(triggered >> i & 1) && !rules[i]->triggered_otherwise(source)) continue;
      std::any facts;
      rules[i]->check(source, out.findings, facts);
      if (facts.has_value()) record.facts.emplace_back(i, std::move(facts));
    }
    out.incomplete = std::move(source.incomplete);
    record.facts.shrink_to_fit();
    out.tree_facts = std::move(record);
  }

  // Vendored third-party trees (SBOM-1): see components_rule.cpp.
  std::optional<Component> recognise_tree(std::string_view dir_path,
                                          std::span<const std::string> entry_names) const override {
    return recognise_vendored_tree(dir_path, entry_names);
  }

  void finish(std::span<const InputFile* const> files, std::span<FileOutcome* const> outcomes,
              const RunContext& ctx, TreeOutcome& out) const override {
    const auto rules = source_rules();
    // Each file's record, read once here rather than once per rule (sixty thousand records
    // scattered over the workers' heaps): its language, the rules that kept facts in it as bits,
    // and per rule where its facts are, in path order.
    std::vector<FileEntry> entries(files.size());
    std::vector<std::vector<std::any*>> kept_facts(rules.size());
    for (size_t f = 0; f < files.size(); ++f) {
      FileRecord& record = std::any_cast<FileRecord&>(outcomes[f]->tree_facts);
      entries[f] = {files[f], 0, record.language};
      for (auto& [rule, facts] : record.facts)
        if (facts.has_value()) entries[f].kept |= uint64_t{1} << rule, kept_facts[rule].push_back(&facts);
    }
    // The passes are independent (each reads its own facts and writes its own outcome): they run
    // on ctx.jobs threads, those with the most facts to read first so that the long passes do not
    // start last, and their outcomes join in rule order, as if run one by one.
    std::vector<size_t> order(rules.size());
    for (size_t r = 0; r < order.size(); ++r) order[r] = r;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return kept_facts[a].size() > kept_facts[b].size(); });
    std::vector<TreeOutcome> outcome_of_rule(rules.size());
    std::vector<std::exception_ptr> error_of_rule(rules.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
      for (size_t i; (i = next.fetch_add(1)) < order.size();) {
        const size_t r = order[i];
        try {
          run_pass(r, entries, kept_facts[r], ctx, outcome_of_rule[r]);
        } catch (...) {  // an exception must not escape a thread (terminate)
          error_of_rule[r] = std::current_exception();
        }
      }
    };
    std::vector<std::thread> threads;
    threads.reserve(std::min<size_t>(ctx.jobs, rules.size()));  // growing it while threads run could throw past them
    try {
      for (unsigned t = 1; t < ctx.jobs && t < rules.size(); ++t) threads.emplace_back(work);
    } catch (const std::system_error&) {
      // No more threads to be had: the ones started do the passes.
    }
    work();
    for (auto& t : threads) t.join();
    for (const auto& error : error_of_rule)
      if (error) std::rethrow_exception(error);
    for (auto& rule_out : outcome_of_rule) {
      out.findings.insert(out.findings.end(), std::make_move_iterator(rule_out.findings.begin()),
                          std::make_move_iterator(rule_out.findings.end()));
      out.components.insert(out.components.end(), std::make_move_iterator(rule_out.components.begin()),
                            std::make_move_iterator(rule_out.components.end()));
      if (rule_out.summary.is_object())
        for (auto& [key, value] : rule_out.summary.items()) out.summary[key] = std::move(value);
    }
  }

 private:
  struct FileEntry {
    const InputFile* file = nullptr;
    uint64_t kept = 0;  // bit i: rule i kept facts in this file
    Language language = Language::none;
  };

  // One rule's tree-wide pass over the files it wants, in path order; then its facts go. Each
  // pass resets only its own rule's facts: passes running together never write the same object.
  static void run_pass(size_t r, std::span<const FileEntry> entries, std::span<std::any* const> kept,
                       const RunContext& ctx, TreeOutcome& out) {
    const SourceRule& rule = *source_rules()[r];
    std::vector<SourceFileFacts> facts;
    facts.reserve(entries.size());
    size_t next_kept = 0;
    for (const FileEntry& e : entries) {
      const std::any& of_file = e.kept >> r & 1 ? *kept[next_kept++] : no_facts;
      if (rule.wants(e.language)) facts.push_back({e.file->path, e.language, e.file->component, of_file});
    }
    rule.finish(facts, ctx, out);
    for (std::any* of_file : kept) of_file->reset();
  }
};

const bool registered = (register_inspector(std::make_unique<SourceInspector>()), true);

}  // namespace

void register_source_rule(std::unique_ptr<SourceRule> rule) {
  register_family(rule->family());
  auto& list = rule_list();
  if (list.size() == 64) throw std::logic_error("more than 64 source rules: widen NameTriggers' bit set");
  list.push_back(std::move(rule));
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a->family().name < b->family().name; });
}

std::span<const std::unique_ptr<SourceRule>> source_rules() { return rule_list(); }

std::string_view SourceFile::line_text(uint32_t line) const {
  // From the start of the last token's line at or before `line` (tokens know where their line
  // begins), else from the top: a hostile file with many findings must not be rescanned for each.
  const std::string_view s = input.bytes;
  size_t begin = 0;
  uint32_t from = 1;
  const auto after = std::upper_bound(tokens.begin(), tokens.end(), line,
                                      [](uint32_t l, const Token& t) { return l < t.line; });
  if (after != tokens.begin()) {
    const Token& t = *std::prev(after);
    const auto offset = static_cast<size_t>(t.text.data() - s.data());
    if (t.text.data() >= s.data() && offset <= s.size() && t.column >= 1 && t.column - 1 <= offset) {
      begin = offset - (t.column - 1);
      from = t.line;
    }
  }
  for (uint32_t l = from; l < line; ++l) {
    const size_t nl = s.find('\n', begin);
    if (nl == std::string_view::npos) return {};
    begin = nl + 1;
  }
  const size_t end = s.find('\n', begin);
  return s.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

namespace {

constexpr size_t evidence_bytes = 200;

Finding make_finding(const InputFile& input, uint32_t line, uint32_t column, std::string evidence, std::string rule,
                     std::string message, Severity severity) {
  Finding f;
  f.rule = std::move(rule);
  f.path = input.path;
  f.line = line;
  f.column = column;
  f.message = std::move(message);
  f.evidence = std::move(evidence);
  f.severity = severity;
  return f;
}

}  // namespace

Finding SourceFile::at_line(uint32_t line, uint32_t column, std::string rule, std::string message,
                            Severity severity) const {
  return make_finding(input, line, column, clip(trim(line_text(line)), evidence_bytes), std::move(rule),
                      std::move(message), severity);
}

std::string SourceFile::evidence(const Token& t) const {
  // The evidence is the first 200 bytes of the trimmed line: on a multi-megabyte line (minified or
  // generated code) look no further than that, or many findings there each rescan the line.
  constexpr size_t evidence_window = 4096;
  const std::string_view s = input.bytes;
  const size_t begin = static_cast<size_t>(t.text.data() - s.data()) - (t.column - 1);
  const std::string_view window = s.substr(begin, evidence_window);
  return clip(trim(window.substr(0, window.find('\n'))), evidence_bytes);
}

Finding SourceFile::at(const Token& t, std::string rule, std::string message, Severity severity) const {
  return make_finding(input, t.line, t.column, evidence(t), std::move(rule), std::move(message), severity);
}

}  // namespace mdbc::source
