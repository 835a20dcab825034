#pragma once
// The distinct identifiers of one C/C++ file, each once. Most files of a large tree name no crypto
// API, no banned function and no secret: the source stage looks among these names for one that a
// rule reacts to (SourceRule::reacts_to) before the rule walks the tokens, which makes the cost of
// a rule follow the files it concerns rather than the size of the tree. Each identifier token
// carries its name's index (Token::name), so that a rule can judge a name once per file
// (NameMemo) rather than at every occurrence.
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include "inspect/source/lexer.h"

namespace mdbc::source {

class FileNames {
 public:
  // Numbers the identifiers of `tokens` (sets Token::name).
  explicit FileNames(std::span<Token> tokens);

  // In order of first occurrence (spliced identifiers as written).
  std::span<const std::string_view> all() const { return names_; }
  size_t size() const { return names_.size(); }
  // A hash of name `id` (for tables of names kept beyond this file): hash_of(all()[id]).
  uint64_t hash(size_t id) const { return hashes_[id]; }
  static uint64_t hash_of(std::string_view name);
  bool contains(std::string_view name) const { return index(name) < size(); }
  // The index of a name (as in Token::name), or size() when the file does not hold it.
  size_t index(std::string_view name) const;

 private:
  size_t slot(std::string_view name, uint64_t hash) const;
  void grow();

  std::vector<std::string_view> names_;
  std::vector<uint64_t> hashes_;  // of names_, for probing
  std::vector<uint32_t> slots_;   // open addressing: 1 + index into names_, 0 when free
};

// judge(name `id` of `names`), remembered for the thread's later files: a judge that is a plain
// function depends on the name alone, the names of a tree repeat from file to file, and judging
// one by its words takes hundreds of instructions. The verdicts are kept in the thread's
// NameMemory, beside everything else known about the name.
bool lasting_judgement(bool (*judge)(std::string_view), const FileNames& names, size_t id);

class NameMemory;

// lasting_judgement for many names: the thread's memory and the judge's place in it are looked up
// when the judge changes, not for every name.
class LastingJudgement {
 public:
  bool operator()(bool (*judge)(std::string_view), const FileNames& names, size_t id);

 private:
  NameMemory* memory_ = nullptr;
  bool (*judge_)(std::string_view) = nullptr;
  int bit_ = -1;  // NameMemory::judge_bit(judge_)
};

// A judgement of each name of a file, made on first use: memo(t, judge) is judge(t.text) for an
// identifier token t, computed once per distinct name; by a plain function, also remembered
// across files (lasting_judgement).
class NameMemo {
 public:
  explicit NameMemo(const FileNames& names) : names_(names), known_(names.size(), unknown) {}
  template <class Judge>
  bool operator()(const Token& t, Judge&& judge) {
    if (t.kind != TokenKind::identifier || t.name >= known_.size()) return judge(t.text);
    uint8_t& k = known_[t.name];
    if (k == unknown) {
      if constexpr (std::is_function_v<std::remove_reference_t<Judge>>)
        k = lasting_(judge, names_, t.name) ? 1 : 0;
      else
        k = judge(t.text) ? 1 : 0;
    }
    return k == 1;
  }

 private:
  static constexpr uint8_t unknown = 2;
  const FileNames& names_;
  std::vector<uint8_t> known_;
  LastingJudgement lasting_;
};

}  // namespace mdbc::source
