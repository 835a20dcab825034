#pragma once
// LOG-2 (security_events_logged.cpp): where the outcome of a check flows in one file, so that the
// `if` that rejects on it is known for what it tests wherever it stands. `data = strcmp(password,
// stored)` and then `if (dataAlias != 0) return;` after `dataAlias = data`, `holder.first = data`,
// `*ptr` with `ptr = &data`, a union's other member, a container the outcome was stored in, a
// parameter of a function some caller passes it to (directly, through a function pointer, as a
// method or a constructor), a file-scope variable or member, or a helper that returns it. Found by
// walking each function's assignments, calls and returns until no new flow appears; kept apart from
// the rule because it is the one part that looks across functions of the file.
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "inspect/source/security_event_conditions.h"

namespace mdbc::source::security_events {

// The name assigned by the `=` at tokens[at], within [begin, at): `x`, `a.b`, `*p`, `arr[i]` (its
// base), or the pointer a declarator names (`void (*handler)(int) = f`). SIZE_MAX when there is none.
size_t assigned_name(std::span<const Token> tokens, const Syntax& syntax, size_t at, size_t begin);

class OutcomeFlow {
 public:
  explicit OutcomeFlow(const FileNames& names) : local_(names.size(), 0), given_(names.size(), 0), declared_(names.size(), 0), names_(names.size()) {}
  // Finds the file's flows (judged's flow must be this one): call once, before start().
  void find(const SourceFile& file, Judged& judged);
  // The function whose names are asked about next: its own flows.
  void start(const SourceFile& file, const FunctionDef& def, Judged& judged);
  // Whether the name at tokens[at] carries an outcome in the function started (or being walked): a
  // name of its own, a file-scope variable it does not declare a local of, or a member (after `.`
  // or `->`, a member's name speaks of no local of that name).
  bool carries(std::span<const Token> tokens, size_t at) const {
    const Token& name = tokens[at];
    if (name.kind != TokenKind::identifier || name.name >= names_) return false;
    if (walking_ ? local_[name.name] != 0 : carried_at(name.name, at)) return true;
    if (file_wide_.empty() || file_wide_[name.name] == 0) return false;
    const bool member = at > 0 && (tokens[at - 1].is(".") || tokens[at - 1].is("->"));
    return (file_wide_[name.name] & (member ? member_bit : global_bit)) != 0 && (member || declared_[name.name] == 0);
  }
  // Whether the function named returns an outcome it holds (a helper returning the comparison).
  bool returns_outcome(const Token& callee) const {
    return callee.kind == TokenKind::identifier && callee.name < returns_.size() && returns_[callee.name] != 0;
  }

 private:
  // Walks one function: its local flows, and (when `record`) what it passes to others, returns or
  // stores file-wide. Returns whether it found a flow not known before.
  bool walk(const SourceFile& file, const FunctionDef& def, Judged& judged, bool record);
  bool mark_file_wide(uint32_t id, uint8_t bit);
  // Whether the file declares name `id` outside its functions' bodies (a file-scope variable, a
  // class's member): a name a function assigns without declaring it may still be its own local
  // declared after a comma (`int i = 0, err;`), which no other function reads.
  bool declared_at_file_scope(const SourceFile& file, uint32_t id);
  // Whether the value [begin, end) is an outcome: a name carrying one (`data`, `holder.first`,
  // `*ptr`, `box[2]`), a call of a helper returning one, or a check judged as an `if`'s condition
  // would be (`strcmp(password, stored)`, `mbedtls_pk_verify(…)`) — not arithmetic on one.
  bool carries_value(const SourceFile& file, size_t begin, size_t end, size_t body_end, Judged& judged) const;
  static constexpr uint8_t global_bit = 1, member_bit = 2;
  bool pass_argument(uint32_t callee, size_t index);

  // Whether the name carries an outcome at tokens[at] of the function started: by the last
  // assignment before it there, or else as a parameter given one.
  bool carried_at(uint32_t name, size_t at) const;

  // The function's names carrying an outcome as the walk goes (an assignment sets or clears one),
  // and each assignment walked, by name and position: once walked, what a name carries where it is
  // tested is what its last assignment before gave it (`ret = verify(…)` then `ret = hex2bin(…)`).
  SparseNameTable<uint8_t> local_;
  struct Assignment {
    uint32_t name;
    size_t at;
    bool carries;
    bool operator<(const Assignment& o) const { return name != o.name ? name < o.name : at < o.at; }
  };
  std::vector<Assignment> assignments_;
  SparseNameTable<uint8_t> given_;  // the parameters given an outcome
  bool walking_ = false;
  // The names the function walked declares (parameters and locals; 2: a union, whose members share
  // a value): a name it assigns without declaring is a file-scope variable or a member.
  SparseNameTable<uint8_t> declared_;
  size_t names_;
  bool any_ = false;                      // whether the file has a flow at all
  std::vector<uint8_t> file_wide_;        // by name id: global_bit, member_bit; sized on first need
  std::vector<uint8_t> file_scope_;       // by name id: declared_at_file_scope; found on first need
  std::vector<uint8_t> returns_;          // by name id: functions returning an outcome
  std::vector<uint64_t> parameters_;      // by name id: the parameters (first 64) given an outcome
  std::vector<std::pair<uint32_t, uint32_t>> function_alias_;  // (pointer, function it was set to) by name id, sorted
};

}  // namespace mdbc::source::security_events
