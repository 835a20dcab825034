#include "inspect/source/name_triggers.h"

#include <bit>
#include <stdexcept>

namespace mdbc::source {

NameTriggers::NameTriggers(std::span<const std::unique_ptr<SourceRule>> rules, NameMemory& memory)
    : rules_(rules), memory_(memory) {
  memory.claim_triggers(this);
  if (rules.size() > 64) throw std::logic_error("NameTriggers: more than 64 rules");
  std::vector<std::vector<std::string_view>> names_of(rules.size());
  size_t count = 0;
  for (size_t r = 0; r < rules.size(); ++r) {
    if (!rules[r]->gated_by_names()) continue;
    gated_ |= uint64_t{1} << r;
    if (!rules[r]->reacts_to_other_names()) list_only_ |= uint64_t{1} << r;
    names_of[r] = rules[r]->trigger_names();
    count += names_of[r].size();
  }
  listed_.resize(std::bit_ceil(2 * count + 2));
  for (size_t r = 0; r < rules.size(); ++r) {
    const uint64_t bit = uint64_t{1} << r;
    for (const std::string_view name : names_of[r]) list(name, r);
    if (!(gated_ & bit) || (list_only_ & bit)) continue;
    const auto reacting = rules[r]->reacting_names();
    if (!reacting) {
      shapes_.add_any(bit);
      continue;
    }
    for (const std::string_view p : reacting->prefixes) shapes_.add_prefix(p, bit);
    for (const std::string_view s : reacting->suffixes) shapes_.add_suffix(s, bit);
    for (const std::string_view p : reacting->parts) shapes_.add_part(p, bit);
  }
  shapes_.finish();
}

void NameTriggers::list(std::string_view name, size_t rule) {
  const uint64_t hash = FileNames::hash_of(name);
  const size_t mask = listed_.size() - 1;
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    Listed& slot = listed_[s];
    if (slot.rules == 0) slot = {name, hash, 0};
    if (slot.hash != hash || slot.name != name) continue;
    slot.rules |= uint64_t{1} << rule;
    return;
  }
}

uint64_t NameTriggers::listing(std::string_view name, uint64_t hash) const {
  const size_t mask = listed_.size() - 1;
  for (size_t s = hash & mask;; s = (s + 1) & mask) {
    const Listed& slot = listed_[s];
    if (slot.rules == 0) return 0;
    if (slot.hash == hash && slot.name == name) return slot.rules;
  }
}

uint64_t NameTriggers::of(const FileNames& names) {
  uint64_t triggered = 0;
  for (size_t id = 0; id < names.size(); ++id) {
    const uint64_t pending = gated_ & ~triggered;
    if (pending == 0) break;
    if (id + NameMemory::names_ahead < names.size()) memory_.prefetch(names.hash(id + NameMemory::names_ahead));
    const std::string_view name = names.all()[id];
    NameMemory::Line scratch;  // names too long to keep are judged afresh
    NameMemory::Line& line = name.size() <= NameMemory::max_name ? memory_.line_of(name, names.hash(id)) : scratch;
    if (!line.listed) {
      // What the lists say is all the rules that react to listed names only need, and a listed
      // name needs no other judgement.
      line.listed = true;
      line.reacts = listing(name, names.hash(id)) & gated_;
      line.asked = list_only_ | line.reacts;
    }
    // The rules the name has not the shape of do not react to it: answered without asking them.
    if (const uint64_t unasked = pending & ~line.asked; unasked != 0)
      for (uint64_t ask = unasked & shapes_.owners_of(name); ask != 0; ask &= ask - 1) {
        const int r = std::countr_zero(ask);
        if (rules_[static_cast<size_t>(r)]->reacts_to(name)) line.reacts |= uint64_t{1} << r;
      }
    line.asked |= pending;
    triggered |= line.reacts & pending;
  }
  return triggered;
}

}  // namespace mdbc::source
