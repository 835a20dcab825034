// LOG-2's reach to the security log (security_event_log_reach.h): the calls of a branch, and the
// tree-wide call graph that says which function names reach the log.
#include "inspect/source/security_event_log_reach.h"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include "inspect/source/log_facility.h"

namespace mdbc::source::security_events {

NameHash name_hash_at(const SourceFile& file, const Token& t) {
  return t.kind == TokenKind::identifier && t.name < file.names.size() ? file.names.hash(t.name) : name_hash(t.text);
}

bool records_security_event(NameMemo& memo, const Token& callee, const Config& config) {
  if (config.log_functions.empty()) return memo(callee, records_security_events_by_name);
  return memo(callee, [&](std::string_view n) { return records_security_events(n, config); });
}

bool returns_value_of(std::span<const Token> tokens, const Call& call) {
  return call.name > 0 && tokens[call.name - 1].is_ident("return") && !names_a_logger(tokens[call.name].text);
}

bool collect_calls(const SourceFile& file, size_t begin, size_t end, Judged& judged, std::vector<NameHash>& calls) {
  const bool declared_api = !file.ctx.config.log_functions.empty();
  const size_t first = calls.size();
  // Calls are in token order: the ones named in [begin, end) are one run of them.
  const auto& all = file.syntax.calls();
  auto call = std::lower_bound(all.begin(), all.end(), begin, [](const Call& c, size_t at) { return c.name < at; });
  for (; call != all.end() && call->name < end; ++call) {
    const Token& name = file.tokens[call->name];
    if (!returns_value_of(file.tokens, *call) && (records_security_event(judged.log, name, file.ctx.config) ||
                                                  (!declared_api && writes_diagnostics(file.tokens, *call)))) {
      calls.resize(first);
      return true;
    }
    calls.push_back(name_hash_at(file, name));
  }
  // `events->record(…)`, `log.write(…)`: a method resolves, by its name, to the functions of the
  // tree so named (a logger object's class defines one that logs).
  for (size_t k = begin; k + 2 < end; ++k)
    if ((file.tokens[k].is("->") || file.tokens[k].is(".")) && file.tokens[k + 1].kind == TokenKind::identifier &&
        file.tokens[k + 2].is("("))
      calls.push_back(name_hash_at(file, file.tokens[k + 1]));
  if (!declared_api) {  // logger.warn(...), spdlog::warn(...), std::cerr << …
    const auto& at = judged.stream_logs(file);
    const auto next = std::lower_bound(at.begin(), at.end(), begin);
    if (next != at.end() && *next + 1 < end) {
      calls.resize(first);
      return true;
    }
  }
  std::sort(calls.begin() + static_cast<std::ptrdiff_t>(first), calls.end());
  calls.erase(std::unique(calls.begin() + static_cast<std::ptrdiff_t>(first), calls.end()), calls.end());
  calls.shrink_to_fit();  // a branch with thousands of calls of a few functions keeps a few
  return false;
}

namespace {

// A function named like a C string or memory function does what the standard says, even where the
// tree defines it, or a macro of that name: a hardened wrapper (the kernel's fortify-string.h
// memcpy) may log an overflow and panic, but a rejection after `if (memcmp(…)) return -EINVAL;` has
// not logged anything.
bool names_string_function(NameHash name) {
  static const std::vector<NameHash> standard = [] {
    constexpr std::string_view string_functions[] = {
        "memchr", "memcmp", "memcpy", "memmove", "memset",  "strcat",  "strchr",  "strcmp",
        "strcpy", "strlen", "strncat", "strncmp", "strncpy", "strnlen", "strrchr", "strstr"};
    std::vector<NameHash> hashes;
    for (const std::string_view n : string_functions) hashes.push_back(name_hash(n));
    std::sort(hashes.begin(), hashes.end());
    return hashes;
  }();
  return std::binary_search(standard.begin(), standard.end(), name);
}

}  // namespace

std::vector<NameHash> logging_macros(std::span<const FunctionTable* const> macro_tables,
                                     const std::vector<NameHash>& log_wrappers) {
  constexpr size_t most_macro_depth = 8;
  // A name defined in several places (kleave is a debug trace in one subsystem and a printk in
  // another) logs only where every definition does: per name, its definitions not yet found to log.
  std::unordered_map<NameHash, uint32_t> waiting;
  std::vector<NameHash> defined;  // per definition, in table order: its macro's name
  for (const FunctionTable* table : macro_tables)
    for (const NameHash name : table->names) {
      ++waiting[name];
      defined.push_back(name);
    }
  // Found level by level, breadth first from the definitions that log directly or call a log
  // wrapper (one pass over the definitions, where a pass per level took most_macro_depth): a
  // definition logs at the level after the first macro it calls that was found to log.
  std::vector<NameHash> found;  // by level
  std::vector<std::pair<NameHash, uint32_t>> callers;  // (macro called, definition not yet found to log)
  uint32_t definition = 0;
  for (const FunctionTable* table : macro_tables)
    for (size_t i = 0; i < table->names.size(); ++i, ++definition) {
      const auto first = table->calls.begin() + (i == 0 ? 0 : table->calls_end[i - 1]);
      const auto last = table->calls.begin() + table->calls_end[i];
      if (table->logs_directly[i] != 0 || std::any_of(first, last, [&](NameHash callee) {
            return std::binary_search(log_wrappers.begin(), log_wrappers.end(), callee);
          })) {
        if (--waiting[table->names[i]] == 0) found.push_back(table->names[i]);
        continue;
      }
      for (auto callee = first; callee != last; ++callee)
        if (waiting.contains(*callee)) callers.emplace_back(*callee, definition);
    }
  std::sort(callers.begin(), callers.end());
  std::vector<uint8_t> logs(defined.size(), 0);  // per definition of those callers: found to log
  size_t level_end = found.size();
  for (size_t next = 0, level = 1; next < found.size(); ++next) {
    if (next == level_end) {
      if (++level > most_macro_depth) break;
      level_end = found.size();
    }
    const auto calling = std::equal_range(callers.begin(), callers.end(), std::pair<NameHash, uint32_t>{found[next], 0},
                                          [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto c = calling.first; c != calling.second; ++c) {
      if (logs[c->second] != 0) continue;  // through a macro found before
      logs[c->second] = 1;
      if (--waiting[defined[c->second]] == 0) found.push_back(defined[c->second]);
    }
  }
  found.resize(level_end);
  std::vector<NameHash> sorted;
  for (const NameHash name : found)
    if (!names_string_function(name)) sorted.push_back(name);
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

LogReach::LogReach(std::span<const FunctionTable* const> tables, const std::vector<std::string>& log_functions) {
  size_t function_count = log_functions.size();
  for (const FunctionTable* table : tables) function_count += table->names.size();
  while ((size_t{1} << slot_bits_) < function_count + function_count / 2) ++slot_bits_;
  slots_ = size_t{1} << slot_bits_;
  const size_t slots = slots_;
  slot_name_.resize(slots);
  slot_used_.assign(slots, 0);
  const auto add = [&](NameHash name) {
    size_t s = home(name);
    while (slot_used_[s] && slot_name_[s] != name) s = (s + 1) & (slots - 1);
    slot_used_[s] = 1;
    slot_name_[s] = name;
  };
  for (const FunctionTable* table : tables)
    for (const NameHash name : table->names) add(name);
  for (const auto& name : log_functions) add(name_hash(name));
  // callers_end[s]: first the number of calls of slot s, then where its callers end, then (once
  // filled from the back) where they begin; callers_end[s + 1] is where they end.
  std::vector<uint32_t> callers_end(slots + 1, 0);
  const auto for_each_call = [&](auto&& visit) {
    for (const FunctionTable* table : tables) {
      for (size_t i = 0; i < table->names.size(); ++i)
        for (size_t c = i == 0 ? 0 : table->calls_end[i - 1]; c < table->calls_end[i]; ++c)
          if (const uint32_t callee = slot_of(table->calls[c]); callee != no_slot) visit(callee, table->names[i]);
    }
  };
  size_t call_count = 0;
  for_each_call([&](uint32_t callee, NameHash) { ++callers_end[callee], ++call_count; });
  if (call_count > UINT32_MAX) throw std::length_error("more than 4G calls between the tree's functions");
  for (size_t s = 1; s <= slots; ++s) callers_end[s] += callers_end[s - 1];
  std::vector<uint32_t> callers(callers_end[slots]);
  for_each_call([&](uint32_t callee, NameHash caller) { callers[--callers_end[callee]] = slot_of(caller); });
  reached_.assign(slots, 0);
  std::vector<uint32_t> work;
  const auto mark = [&](uint32_t s) {
    if (reached_[s] || names_string_function(slot_name_[s])) return;
    reached_[s] = 1;
    work.push_back(s);
  };
  for (const FunctionTable* table : tables)
    for (size_t i = 0; i < table->names.size(); ++i)
      if (table->logs_directly[i] != 0) mark(slot_of(table->names[i]));
  for (const auto& name : log_functions) mark(slot_of(name_hash(name)));
  while (!work.empty()) {
    const uint32_t callee = work.back();
    work.pop_back();
    for (uint32_t c = callers_end[callee]; c < callers_end[callee + 1]; ++c) mark(callers[c]);
  }
}

}  // namespace mdbc::source::security_events
