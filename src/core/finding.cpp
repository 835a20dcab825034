#include "core/finding.h"

#include <map>
#include <tuple>

#include "core/digest.h"

namespace mdbc {

std::string Finding::element() const { return rule.substr(0, rule.find('/')); }

bool operator<(const Finding& a, const Finding& b) {
  // Every field that is shown: a total order, so that sorting in parts and merging (the engine
  // does, on as many threads as it has) gives the same bytes as one sort.
  return std::tie(a.path, a.line, a.column, a.offset, a.rule, a.message, a.evidence, a.severity, a.component) <
         std::tie(b.path, b.line, b.column, b.offset, b.rule, b.message, b.evidence, b.severity, b.component);
}

namespace {

std::string fold_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

void assign_fingerprints(std::span<Finding> findings) {
  // Identical triples share their path, and findings come sorted by path: the occurrences are
  // counted one path at a time, so the keys of a whole tree are never held at once.
  std::map<std::string, int> seen;
  const std::string* path = nullptr;
  for (auto& f : findings) {
    if (path == nullptr || *path != f.path) seen.clear();
    path = &f.path;
    std::string key = f.rule;
    key += '\0';
    key += f.path;
    key += '\0';
    key += f.evidence.empty() ? f.message : fold_space(f.evidence);
    const int occurrence = seen[key]++;
    key += '\0';
    key += std::to_string(occurrence);
    f.fingerprint = sha256_hex(key).substr(0, 32);
  }
}

}  // namespace mdbc
