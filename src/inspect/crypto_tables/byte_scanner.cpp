#include "inspect/crypto_tables/byte_scanner.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <deque>
#include <limits>
#include <optional>
#include <stdexcept>

#include "inspect/crypto_tables/host_load.h"

namespace mdbc::crypto_tables {
namespace {

uint32_t load4(std::string_view s) { return crypto_tables::load4(reinterpret_cast<const uint8_t*>(s.data())); }

// Bytes whose candidates are collected before they are looked at: small enough to stay in cache.
constexpr size_t chunk_bytes = 64 * 1024;

// Windows worth indexing: not mostly zeros, not one byte repeated (those occur everywhere).
bool informative(std::string_view window) {
  unsigned distinct = 0, zeros = 0;
  uint64_t seen[4] = {};  // a bit per byte value
  for (const char c : window) {
    const auto byte = static_cast<uint8_t>(c);
    zeros += byte == 0;
    const uint64_t bit = uint64_t{1} << (byte & 63);
    distinct += (seen[byte >> 6] & bit) == 0;
    seen[byte >> 6] |= bit;
  }
  return distinct >= 3 && zeros <= 6;
}

// Four bytes with at most one zero: a key rare in ordinary data. Keys with more zeros are small
// integers, which code and data are full of.
unsigned zeros(std::string_view key) { return static_cast<unsigned>(std::count(key.begin(), key.end(), '\0')); }

std::string le32(uint64_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[i] = static_cast<char>(static_cast<uint8_t>(v >> (8 * i)));
  return s;
}
std::string be32(uint64_t v) {
  std::string s(4, '\0');
  for (int i = 0; i < 4; ++i) s[i] = static_cast<char>(static_cast<uint8_t>(v >> (24 - 8 * i)));
  return s;
}

uint32_t needed(size_t total) { return static_cast<uint32_t>(std::ceil(ByteScanner::min_share * static_cast<double>(total))); }

// Scattered words of one table seen within the last `window` bytes.
struct Tracker {
  uint32_t table = 0;
  uint64_t window = 0;
  uint32_t need = 0, distinct = 0;
  int64_t open = -1;  // index in ScanResult::tables of a hit still taking in entries, or -1
  std::vector<uint16_t> counts;
  // (offset, entry) of the words seen within the window, oldest first from recent[first]: a
  // vector whose front is dropped by moving `first`, and cut off once it is half the vector (and
  // 1024 entries), so that each entry moves once at most on average. (A std::deque allocated two
  // blocks for each table at every scan, and an ELF file is scanned section by section.)
  std::vector<std::pair<uint64_t, uint32_t>> recent;
  size_t first = 0;

  void drop_oldest() {
    if (--counts[recent[first].second] == 0) --distinct;
    if (++first == recent.size()) {
      recent.clear();
      first = 0;
    } else if (first >= 1024 && first * 2 >= recent.size()) {
      recent.erase(recent.begin(), recent.begin() + static_cast<ptrdiff_t>(first));
      first = 0;
    }
  }
  void clear() {
    recent.clear();
    first = 0;
    std::fill(counts.begin(), counts.end(), 0);
    distinct = 0;
  }
};

}  // namespace

template <typename Key, typename Value>
void ByteScanner::Lookup<Key, Value>::build(std::vector<std::pair<Key, Value>> items) {
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t distinct = 0;
  for (size_t i = 0; i < items.size(); ++i) distinct += i == 0 || items[i].first != items[i - 1].first;
  size_t size = 16;
  while (size < distinct * 2) size *= 2;
  mask = size - 1;
  keys.assign(size, Key{});
  begin.assign(size, 0);
  end.assign(size, 0);  // begin == end: empty slot
  values.clear();
  for (size_t i = 0; i < items.size();) {
    size_t j = i;
    while (j < items.size() && items[j].first == items[i].first) values.push_back(items[j++].second);
    uint64_t s = (static_cast<uint64_t>(items[i].first) * 0x9E3779B97F4A7C15ull) >> 20 & mask;
    while (begin[s] != end[s]) s = (s + 1) & mask;
    keys[s] = items[i].first;
    begin[s] = static_cast<uint32_t>(values.size() - (j - i));
    end[s] = static_cast<uint32_t>(values.size());
    i = j;
  }
}

template <typename Key, typename Value>
bool ByteScanner::Lookup<Key, Value>::find(Key key, uint32_t& b, uint32_t& e) const {
  for (uint64_t s = (static_cast<uint64_t>(key) * 0x9E3779B97F4A7C15ull) >> 20 & mask;; s = (s + 1) & mask) {
    if (begin[s] == end[s]) return false;
    if (keys[s] == key) {
      b = begin[s];
      e = end[s];
      return true;
    }
  }
}

ByteScanner::ByteScanner(const std::vector<Table>& tables, std::vector<std::string> needles)
    : tables_(tables), forms_(byte_forms(tables)), needles_(std::move(needles)) {
  for (const ByteForm& f : forms_) {
    uint32_t nonzero = 0;
    for (size_t j = 0; j < f.elements(); ++j)
      nonzero += f.bytes.find_first_not_of('\0', j * f.element_bytes) < (j + 1) * f.element_bytes;
    nonzero_elements_.push_back(nonzero);
  }
  // Anchors: informative 8-byte windows spread over each form (about 8 per form), so that a table
  // with some entries changed or missing still has intact anchors. An anchor whose first four bytes
  // make a rare key is looked for at every byte; a form of mostly-zero words (bytes widened to
  // 32-bit words, 32-bit values widened to 64) has no such key, and its anchors are looked for by
  // all eight bytes at 4-byte aligned positions, where compilers place arrays of words.
  std::vector<std::pair<uint32_t, Anchor>> anchors;
  std::vector<std::pair<uint64_t, Anchor>> aligned;
  for (uint32_t fi = 0; fi < forms_.size(); ++fi) {
    const ByteForm& f = forms_[fi];
    const std::string_view bytes = f.bytes;
    if (bytes.size() < 8) continue;
    size_t step = std::max<size_t>(8, bytes.size() / 8);
    step -= step % f.element_bytes;
    for (size_t p = 0; p + 8 <= bytes.size(); p += step) {
      std::optional<size_t> strong, weak;
      for (size_t q = p; q < p + step && q + 8 <= bytes.size() && !strong; ++q) {
        // The cheaper test first: in forms of mostly-zero words few windows can be either.
        const bool may_be_strong = zeros(bytes.substr(q, 4)) <= 1;
        const bool may_be_weak = !weak && q % 4 == 0 && f.element_bytes >= 4;
        if ((!may_be_strong && !may_be_weak) || !informative(bytes.substr(q, 8))) continue;
        if (may_be_strong) strong = q;
        else weak = q;
      }
      if (strong) {
        const auto* at = reinterpret_cast<const uint8_t*>(bytes.data() + *strong);
        anchors.push_back({load4(at), Anchor{load8(at), fi, static_cast<uint32_t>(*strong)}});
      } else if (weak) {
        const auto* at = reinterpret_cast<const uint8_t*>(bytes.data() + *weak);
        aligned.push_back({load8(at), Anchor{load8(at), fi, static_cast<uint32_t>(*weak)}});
      }
    }
  }
  std::vector<std::pair<uint32_t, Word>> words;
  for (uint32_t ti = 0; ti < tables_.size(); ++ti) {
    const Table& t = tables_[ti];
    if (!t.immediates) continue;
    immediate_tables_.push_back(ti);
    for (uint32_t k = 0; k < t.values.size(); ++k) {
      const uint64_t v = t.values[k];
      if (t.bits == 64) {  // as a 64-bit immediate or literal: both halves, adjacent
        words.push_back({load4(le32(v)), Word{ti, k, true, load4(le32(v >> 32))}});
        words.push_back({load4(be32(v >> 32)), Word{ti, k, true, load4(be32(v))}});
      } else {
        words.push_back({load4(le32(v)), Word{ti, k, false, 0}});
        if (be32(v) != le32(v)) words.push_back({load4(be32(v)), Word{ti, k, false, 0}});
      }
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> prefixes;
  for (uint32_t i = 0; i < needles_.size(); ++i) {
    if (needles_[i].size() < 4) throw std::logic_error("scanner needle shorter than 4 bytes: " + needles_[i]);
    prefixes.push_back({load4(needles_[i]), i});
  }

  std::vector<uint32_t> keys4;
  for (const auto& item : anchors) keys4.push_back(item.first);
  for (const auto& item : words) keys4.push_back(item.first);
  for (const auto& item : prefixes) keys4.push_back(item.first);
  std::vector<uint64_t> keys8;
  for (const auto& item : aligned) keys8.push_back(item.first);
  filter_.emplace(keys4, keys8);
  aligned_anchors_.build(std::move(aligned));
  anchors_.build(std::move(anchors));
  words_.build(std::move(words));
  needle_prefixes_.build(std::move(prefixes));
}

void ByteScanner::confirm(std::string_view bytes, uint64_t position, uint32_t form_index, std::vector<int64_t>& tried,
                          std::vector<uint64_t>& found_end, ScanResult& out) const {
  const ByteForm& f = forms_[form_index];
  const int64_t base = static_cast<int64_t>(position);
  if (base < static_cast<int64_t>(found_end[form_index]) && found_end[form_index] != 0) return;
  if (tried[form_index] == base) return;
  tried[form_index] = base;
  const size_t n = f.elements(), e = f.element_bytes;
  const uint32_t need = needed(n);
  const size_t allowed = n - need;
  size_t matched = 0, missed = 0, matched_nonzero = 0;
  int64_t first = -1, last = -1;
  static constexpr char zeros[8] = {};
  for (size_t j = 0; j < n; ++j) {
    const int64_t at = base + static_cast<int64_t>(j * e);
    if (at >= 0 && static_cast<uint64_t>(at) + e <= bytes.size() &&
        std::memcmp(bytes.data() + at, f.bytes.data() + j * e, e) == 0) {
      ++matched;
      matched_nonzero += std::memcmp(f.bytes.data() + j * e, zeros, e) != 0;
      if (first < 0) first = at;
      last = at;
    } else if (++missed > allowed) {
      return;
    }
  }
  // Zero entries (many in Keccak's constants as bytes) are everywhere: the others must match too.
  if (matched_nonzero < needed(nonzero_elements_[form_index])) return;
  found_end[form_index] = static_cast<uint64_t>(std::max<int64_t>(base + static_cast<int64_t>(n * e), 1));
  out.tables.push_back(TableHit{f.table, form_index, static_cast<uint64_t>(first), static_cast<uint64_t>(last) + e,
                                static_cast<uint32_t>(matched), static_cast<uint32_t>(n), false});
}

void ByteScanner::scan(std::string_view bytes, ScanResult& out) const {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t n = bytes.size();
  if (n < 4) return;
  std::vector<int64_t> tried(forms_.size(), std::numeric_limits<int64_t>::min());
  std::vector<uint64_t> found_end(forms_.size(), 0);
  std::vector<int> tracker_of(tables_.size(), -1);
  std::vector<Tracker> trackers;
  for (uint32_t t : immediate_tables_) {
    tracker_of[t] = static_cast<int>(trackers.size());
    Tracker tr;
    tr.table = t;
    const size_t entries = tables_[t].values.size();
    // Unrolled code keeps about one constant per instruction group; 64 bytes per entry covers
    // unoptimised x86 and Thumb code with literal pools.
    tr.window = std::max<uint64_t>(4096, 64 * entries);
    tr.need = needed(entries);
    tr.counts.assign(entries, 0);
    trackers.push_back(std::move(tr));
  }
  std::vector<uint32_t> needle_count(needles_.size(), 0);

  auto on_anchor = [&](size_t i, uint32_t w) {
    uint32_t b, e;
    if (i + 8 > n || !anchors_.find(w, b, e)) return;
    const uint64_t w8 = load8(p + i);
    for (uint32_t k = b; k < e; ++k) {
      const Anchor& a = anchors_.values[k];
      if (a.window == w8) confirm(bytes, i - a.offset, a.form, tried, found_end, out);
    }
  };
  auto on_word = [&](size_t i, uint32_t w) {
    uint32_t b, e;
    if (words_.find(w, b, e))
      for (uint32_t k = b; k < e; ++k) {
        const Word& word = words_.values[k];
        if (word.has_follow && (i + 8 > n || load4(p + i + 4) != word.follow)) continue;
        Tracker& tr = trackers[static_cast<size_t>(tracker_of[word.table])];
        if (tr.open >= 0 && i > out.tables[static_cast<size_t>(tr.open)].offset + tr.window) {
          tr.open = -1;  // the hit is complete: start afresh
          tr.clear();
        }
        while (tr.first < tr.recent.size() && tr.recent[tr.first].first + tr.window < i) tr.drop_oldest();
        tr.recent.emplace_back(i, word.entry);
        if (tr.counts[word.entry]++ == 0) ++tr.distinct;
        const uint64_t end = i + (word.has_follow ? 8 : 4);
        if (tr.open >= 0) {  // still taking in entries within its window
          TableHit& h = out.tables[static_cast<size_t>(tr.open)];
          h.matched = std::max(h.matched, tr.distinct);
          h.end = std::max(h.end, end);
        } else if (tr.distinct >= tr.need) {
          tr.open = static_cast<int64_t>(out.tables.size());
          out.tables.push_back(TableHit{tr.table, -1, tr.recent[tr.first].first, end, tr.distinct,
                                        static_cast<uint32_t>(tr.counts.size()), true});
        }
      }
    if (needle_prefixes_.find(w, b, e))
      for (uint32_t k = b; k < e; ++k) {
        const uint32_t id = needle_prefixes_.values[k];
        const std::string& needle = needles_[id];
        if (needle_count[id] < max_hits_per_needle && i + needle.size() <= n &&
            std::memcmp(p + i, needle.data(), needle.size()) == 0) {
          ++needle_count[id];
          out.needles.push_back({id, i});
        }
      }
  };
  auto look8 = [&](size_t i) {
    uint32_t b, e;
    const uint64_t w = load8(p + i);
    if (aligned_anchors_.find(w, b, e))
      for (uint32_t k = b; k < e; ++k) confirm(bytes, i - aligned_anchors_.values[k].offset, aligned_anchors_.values[k].form, tried, found_end, out);
  };
  std::vector<uint64_t> candidates;
  for (size_t begin = 0; begin < n; begin += chunk_bytes) {
    candidates.clear();
    filter_->candidates(bytes, begin, begin + chunk_bytes, candidates);
    for (const uint64_t c : candidates) {
      const size_t i = KeyFilter::position(c);
      if (KeyFilter::eight_bytes(c)) {
        look8(i);
      } else {
        const uint32_t w = load4(p + i);
        on_anchor(i, w);
        on_word(i, w);
      }
    }
  }
}

}  // namespace mdbc::crypto_tables
