#pragma once
// The seam between the engine and the inspectors of each kind of input (src/inspect/<input>/).
// An inspector claims files by content (or, for source, by name), inspects each one on a worker
// thread, then sees every file's outcome once, in path order, for tree-wide rules.
#include <any>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/code_book.h"
#include "core/component.h"
#include "core/config.h"
#include "core/finding.h"

namespace mdbc {

// Options given on the command line that particular inspectors use.
struct InspectOptions {
  std::vector<std::string> trust_keys;  // --trust-key PEM files (image inspection)
  std::string vulns_path;               // --vulns OSV JSON file (SBOM-2)
};

struct RunContext {
  const CodeBook& code;
  const Profile& profile;
  const Config& config;
  const InspectOptions& options;
  unsigned jobs = 1;  // threads an inspector's tree-wide passes may run on

  // Whether each thread keeps its full buffers from one file to the next (FileBytes, the source
  // stage's tokens): what a thread keeps is multiplied by the number of threads, so past four
  // they keep less.
  bool keeps_full_buffers() const { return jobs <= 4; }
};

struct InputFile {
  std::string path;          // shown to the user: relative to the inspected root, or as given
  std::string_view bytes;    // the whole file, read once
  std::string component;     // non-empty when inside a recognised or declared third-party tree
  bool given_explicitly = false;  // named on the command line rather than found by the walk
};

struct FileOutcome {
  std::vector<Finding> findings;
  std::vector<Component> components;
  nlohmann::ordered_json facts;  // shown in reports per file (e.g. {"hardening": {...}}); null = none
  std::any tree_facts;           // the inspector's own, for finish()
  // What was left undecided in this file and why (a rule's work budget spent on a hostile input):
  // the report says so rather than passing it in silence.
  std::vector<std::string> incomplete;
};

struct TreeOutcome {
  std::vector<Finding> findings;
  std::vector<Component> components;
  nlohmann::ordered_json summary;  // run-level facts (e.g. {"languages": ...}); merged into the report
};

class Inspector {
 public:
  virtual ~Inspector() = default;
  virtual InputKind kind() const = 0;
  // Whether this file is an input of this kind. `head` is at most the first 4 KiB.
  virtual bool claims(std::string_view path, std::string_view head, bool given_explicitly) const = 0;
  // Concurrent: must not touch shared mutable state.
  virtual void inspect(const InputFile& file, const RunContext& ctx, FileOutcome& out) const = 0;
  // Once, after every file this inspector claimed, in path order, on ctx.jobs threads if it wants
  // them. It may release each outcome's tree_facts as soon as it is done with them: they are not
  // read again.
  virtual void finish(std::span<const InputFile* const> files, std::span<FileOutcome* const> outcomes,
                      const RunContext& ctx, TreeOutcome& out) const {
    (void)files, (void)outcomes, (void)ctx, (void)out;
  }
  // Recognises third-party trees (e.g. a vendored mbedTLS) from a directory's name and entries;
  // returns a component whose files are inspected under its own heading. Called by the walker.
  virtual std::optional<Component> recognise_tree(std::string_view dir_path,
                                                  std::span<const std::string> entry_names) const {
    (void)dir_path, (void)entry_names;
    return std::nullopt;
  }
};

// A rule family: one file under src/inspect/<input>/, deciding the elements its rule ids name.
struct RuleFamily {
  std::string_view name;
  InputKind input;
  std::vector<std::string_view> rule_ids;  // "<element>/<name>"
};

void register_inspector(std::unique_ptr<Inspector> inspector);
std::span<const std::unique_ptr<Inspector>> inspectors();  // in claim order: binary, image, rootfs, source
void register_family(RuleFamily family);
std::span<const RuleFamily> families();
// Whether any registered family decides this element on this kind of input.
bool decides(std::string_view element_id, InputKind kind);

}  // namespace mdbc
