#include "core/inspector.h"

#include <algorithm>

namespace mdbc {
namespace {

std::vector<std::unique_ptr<Inspector>>& inspector_list() {
  static std::vector<std::unique_ptr<Inspector>> list;
  return list;
}

std::vector<RuleFamily>& family_list() {
  static std::vector<RuleFamily> list;
  return list;
}

// Content-recognised kinds claim a file before name-recognised source does.
int claim_rank(InputKind k) {
  switch (k) {
    case InputKind::image: return 0;
    case InputKind::binary: return 1;
    case InputKind::rootfs: return 2;
    case InputKind::source: return 3;
  }
  return 3;
}

}  // namespace

void register_inspector(std::unique_ptr<Inspector> inspector) {
  auto& list = inspector_list();
  list.push_back(std::move(inspector));
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return claim_rank(a->kind()) < claim_rank(b->kind()); });
}

std::span<const std::unique_ptr<Inspector>> inspectors() { return inspector_list(); }

void register_family(RuleFamily family) {
  auto& list = family_list();
  list.push_back(std::move(family));
  std::sort(list.begin(), list.end(), [](const RuleFamily& a, const RuleFamily& b) { return a.name < b.name; });
}

std::span<const RuleFamily> families() { return family_list(); }

bool decides(std::string_view element_id, InputKind kind) {
  for (const auto& f : family_list()) {
    if (f.input != kind) continue;
    for (auto id : f.rule_ids)
      if (id.substr(0, id.find('/')) == element_id) return true;
  }
  return false;
}

}  // namespace mdbc
