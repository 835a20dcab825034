#include "inspect/crypto_tables/resolve.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace mdbc::crypto_tables {

HitResolver::HitResolver(const std::vector<Table>& tables) : tables_(tables), within_(tables.size() * tables.size()) {
  std::vector<std::vector<uint64_t>> values;
  for (const Table& t : tables) values.push_back(values_and_halves(t));
  for (size_t part = 0; part < tables.size(); ++part)
    for (size_t whole = 0; whole < tables.size(); ++whole)
      within_[part * tables.size() + whole] =
          part != whole && values_within(tables[part], values[whole]) && !values_within(tables[whole], values[part]);
}

std::vector<size_t> HitResolver::keep(const std::vector<Span>& spans) const {
  std::vector<size_t> order(spans.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return std::tie(spans[a].begin, spans[a].end, spans[a].table) < std::tie(spans[b].begin, spans[b].end, spans[b].table);
  });
  std::vector<bool> dropped(spans.size(), false);
  auto better = [](const Span& a, const Span& b) {  // whether a is the better evidence of one table
    if (a.scattered != b.scattered) return !a.scattered;
    return a.matched > b.matched;
  };
  // Sweep: each span is compared with the spans that begin before it ends.
  for (size_t i = 0; i < order.size(); ++i) {
    const Span& a = spans[order[i]];
    for (size_t j = i + 1; j < order.size() && spans[order[j]].begin < a.end; ++j) {
      const Span& b = spans[order[j]];
      const bool a_checksum = tables_[a.table].purpose == Purpose::checksum;
      const bool b_checksum = tables_[b.table].purpose == Purpose::checksum;
      if (a_checksum != b_checksum) {
        dropped[a_checksum ? order[j] : order[i]] = true;
      } else if (a.table == b.table) {
        dropped[better(b, a) ? order[i] : order[j]] = true;
      } else if (within_[a.table * tables_.size() + b.table] || within_[b.table * tables_.size() + a.table]) {
        // The larger table stands for both when it accounts for more of the bytes; when it does not
        // (MD5's four initial values are four of SHA-1's five), the smaller one is the better name.
        const bool a_is_part = within_[a.table * tables_.size() + b.table];
        const Span& part = a_is_part ? a : b;
        const Span& whole = a_is_part ? b : a;
        const bool whole_wins = uint64_t{whole.matched} * tables_[whole.table].bits > uint64_t{part.matched} * tables_[part.table].bits;
        dropped[(whole_wins == a_is_part) ? order[i] : order[j]] = true;
      } else if (!a.scattered && !b.scattered) {
        // Two tables never share bytes: a partial match over a fuller one is an echo of it (the
        // AES T-tables are byte rotations of each other, so one written as bytes matches another
        // in three places of four).
        const uint64_t share_a = uint64_t{a.matched} * b.total;
        const uint64_t share_b = uint64_t{b.matched} * a.total;
        if (share_a != share_b) dropped[share_a < share_b ? order[i] : order[j]] = true;
      }
    }
  }
  std::vector<size_t> out;
  for (size_t i : order)
    if (!dropped[i] && tables_[spans[i].table].purpose != Purpose::checksum) out.push_back(i);
  return out;
}

}  // namespace mdbc::crypto_tables
