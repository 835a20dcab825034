#pragma once
// Which name-gated rules (SourceRule::gated_by_names) a file's names trigger, one bit per rule
// index. A name new to the thread is first looked up in one table of every rule's trigger_names()
// (with the hash FileNames made of it), then the rules that judge other names too are asked
// (reacts_to), those that say what the names they accept look like only about names of that shape
// (NameShapes). What a name was found to trigger is remembered, since the names of a tree repeat
// from file to file; a rule a file has already triggered is not asked again for that file's other
// names. The memory is the thread's NameMemory, whose line of a name also holds the judges'
// verdicts on it (lasting_judgement). One per thread.
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "inspect/source/file_names.h"
#include "inspect/source/name_memory.h"
#include "inspect/source/name_shapes.h"
#include "inspect/source/source_rule.h"

namespace mdbc::source {

class NameTriggers {
 public:
  // `memory` keeps what was found for the rule indices of `rules` (NameMemory::claim_triggers).
  NameTriggers(std::span<const std::unique_ptr<SourceRule>> rules, NameMemory& memory);

  uint64_t of(const FileNames& names);

 private:
  // Every gated rule's trigger name, with the rules that list it; open addressing by
  // FileNames::hash_of, at most half full.
  struct Listed {
    std::string_view name;
    uint64_t hash = 0;
    uint64_t rules = 0;  // 0: a free slot
  };

  void list(std::string_view name, size_t rule);
  uint64_t listing(std::string_view name, uint64_t hash) const;

  std::span<const std::unique_ptr<SourceRule>> rules_;
  uint64_t gated_ = 0;        // the rules that are gated by names, one bit per index
  uint64_t list_only_ = 0;    // of those, the ones that react to their trigger names only
  std::vector<Listed> listed_;
  // The shapes of the names each rule that judges names may react to (SourceRule::reacting_names).
  NameShapes shapes_;
  NameMemory& memory_;
};

}  // namespace mdbc::source
