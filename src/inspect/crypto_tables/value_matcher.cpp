#include "inspect/crypto_tables/value_matcher.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <cmath>
#include <string>
#include <unordered_set>

namespace mdbc::crypto_tables {
namespace {

constexpr std::array<unsigned, 4> widths{8, 16, 32, 64};
constexpr size_t anchor_length = 4;
constexpr size_t resync_reach = 3;  // entries both inserted and left out that alignment steps over

uint64_t mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h * 0xff51afd7ed558ccdull;
}

// Independent products rather than a chain of mixes: the multiplications overlap, and this runs
// at every literal of a file for every width. Equal keys are confirmed value by value.
uint64_t anchor_key(unsigned bits, const uint64_t* v) {
  static_assert(anchor_length == 4);
  uint64_t h = bits * 0x9E3779B97F4A7C15ull + v[0] * 0xC2B2AE3D27D4EB4Full + v[1] * 0x165667B19E3779F9ull +
               v[2] * 0xD6E8FEB86659FD93ull + v[3] * 0xFF51AFD7ED558CCDull;
  h ^= h >> 32;
  return h * 0x9E3779B97F4A7C15ull;
}

// The literal as a `bits`-bit element: non-negative values that fit, or negative values within the
// signed range (two's complement), so that -14 matches the byte 0xf2.
bool element(const Literal& l, unsigned bits, uint64_t& out) {
  if (!l.negative) {
    if (bits < 64 && l.magnitude >> bits) return false;
    out = l.magnitude;
    return true;
  }
  if (l.magnitude > (uint64_t{1} << (bits - 1))) return false;
  out = (0 - l.magnitude) & (bits == 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1);
  return true;
}

uint32_t needed(size_t total) { return static_cast<uint32_t>(std::ceil(0.75 * static_cast<double>(total))); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

bool suffix_ok(std::string_view s) {
  static constexpr std::string_view allowed[] = {"", "u", "l", "ul", "lu", "ll", "ull", "llu", "z", "uz", "zu",
                                                 "u8", "u16", "u32", "u64", "u128", "usize",
                                                 "i8", "i16", "i32", "i64", "i128", "isize"};
  constexpr size_t longest = 5;
  if (s.size() > longest) return false;
  char lower[longest];
  for (size_t i = 0; i < s.size(); ++i) lower[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  const std::string_view suffix(lower, s.size());
  return std::find(std::begin(allowed), std::end(allowed), suffix) != std::end(allowed);
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

// parse_integer() of a literal without digit separators.
bool parse_plain_integer(std::string_view s, bool c_octal, uint64_t& value) {
  if (s.empty() || !is_digit(s[0])) return false;
  unsigned base = 10;
  size_t i = 0;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, i = 2;
  else if (s.size() > 2 && s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, i = 2;
  else if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8, i = 2;
  else if (s.size() > 1 && (s.back() == 'h' || s.back() == 'H') && std::all_of(s.begin(), s.end() - 1, is_hex_digit))
    base = 16, s.remove_suffix(1);  // assembler: 0D76AA478h
  else if (c_octal && s.size() > 1 && s[0] == '0' && is_digit(s[1]))
    base = 8, i = 1;
  const size_t digits_begin = i;
  uint64_t v = 0;
  for (; i < s.size(); ++i) {
    const int d = digit_value(s[i]);
    if (d >= static_cast<int>(base)) break;
    if (v > (~uint64_t{0} - static_cast<uint64_t>(d)) / base) return false;
    v = v * base + static_cast<uint64_t>(d);
  }
  if (i == digits_begin || !suffix_ok(s.substr(i))) return false;
  value = v;
  return true;
}

}  // namespace

bool parse_integer(std::string_view text, bool c_octal, uint64_t& value) {
  if (std::none_of(text.begin(), text.end(), [](char c) { return c == '\'' || c == '_'; }))
    return parse_plain_integer(text, c_octal, value);
  std::string s;
  for (char c : text)
    if (c != '\'' && c != '_') s.push_back(c);
  return parse_plain_integer(s, c_octal, value);
}

std::vector<ValueMatcher::Ref> ValueMatcher::anchor_refs(const std::vector<ValueForm>& forms) {
  std::vector<Ref> out;
  for (uint32_t fi = 0; fi < forms.size(); ++fi) {
    const ValueForm& f = forms[fi];
    for (size_t k = 0; k + anchor_length <= f.values.size(); ++k) {
      const uint64_t* v = f.values.data() + k;
      // Four equal or 0/1 values say nothing: they occur in every program.
      const bool trivial = std::all_of(v, v + anchor_length, [&](uint64_t x) { return x == v[0]; }) ||
                           std::all_of(v, v + anchor_length, [](uint64_t x) { return x <= 1; });
      if (!trivial) out.push_back({anchor_key(f.bits, v), fi, static_cast<uint32_t>(k)});
    }
  }
  return out;
}

std::vector<ValueMatcher::Ref> ValueMatcher::value_refs(const std::vector<ValueForm>& forms) {
  std::vector<Ref> out;
  for (uint32_t fi = 0; fi < forms.size(); ++fi)
    if (forms[fi].distinctive)
      for (uint32_t k = 0; k < forms[fi].values.size(); ++k) out.push_back({mix(forms[fi].bits, forms[fi].values[k]), fi, k});
  return out;
}

ValueMatcher::RefIndex::RefIndex(std::vector<Ref> refs) : refs_(std::move(refs)) {
  std::sort(refs_.begin(), refs_.end(), [](const Ref& a, const Ref& b) { return a.key < b.key; });
  // About two buckets per ref, so that most are empty.
  unsigned log2_buckets = 1;
  while ((size_t{1} << log2_buckets) < 2 * refs_.size() && log2_buckets < 20) ++log2_buckets;
  shift_ = 64 - log2_buckets;
  filter_bits_ = std::clamp<size_t>(std::bit_ceil(8 * refs_.size()), 64, size_t{1} << 20);
  filter_.assign(filter_bits_ / 64, 0);
  for (const Ref& r : refs_) {
    const size_t bit = static_cast<size_t>(r.key >> 20) & (filter_bits_ - 1);
    filter_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  const size_t buckets = size_t{1} << log2_buckets;
  first_.resize(buckets + 1);
  size_t r = 0;
  for (size_t bucket = 0; bucket <= buckets; ++bucket) {
    while (r < refs_.size() && (refs_[r].key >> shift_) < bucket) ++r;
    first_[bucket] = static_cast<uint32_t>(r);
  }
}

ValueMatcher::WidthValues::WidthValues(const std::vector<ValueForm>& forms, unsigned bits) {
  std::vector<bool> small(256, false);  // the values below 256 the forms hold
  std::vector<uint64_t> held;
  for (const ValueForm& f : forms)
    if (f.bits == bits) held.insert(held.end(), f.values.begin(), f.values.end());
  std::sort(held.begin(), held.end());
  held.erase(std::unique(held.begin(), held.end()), held.end());
  while (log2_bits_ < 20 && (size_t{1} << log2_bits_) < 16 * held.size()) ++log2_bits_;
  bits_.assign(size_t{1} << log2_bits_ >> 6, 0);
  for (const uint64_t v : held) {
    if (v < small.size()) small[v] = true;
    const uint64_t h = (v ^ (v >> 29)) * 0xBF58476D1CE4E5B9ull;
    const uint64_t bit = h >> (64 - log2_bits_);
    bits_[bit / 64] |= uint64_t{1} << (bit % 64);
  }
  all_ = bits == 8 && std::all_of(small.begin(), small.end(), [](bool is_held) { return is_held; });
}

ValueMatcher::ValueMatcher(const std::vector<Table>& tables)
    : tables_(tables),
      forms_(value_forms(tables)),
      anchors_(anchor_refs(forms_)),
      values_(value_refs(forms_)),
      resolver_(tables) {
  for (const unsigned bits : widths) width_values_.emplace_back(forms_, bits);
  for (const ValueForm& f : forms_) {
    std::vector<uint32_t> from(f.values.size() + 1, 0);
    for (size_t k = f.values.size(); k-- > 0;) from[k] = from[k + 1] + (f.values[k] != 0);
    nonzero_.push_back(from[0]);
    nonzero_from_.push_back(std::move(from));
    std::vector<std::pair<uint64_t, uint32_t>> at;
    for (uint32_t k = 0; k < f.values.size(); ++k) at.emplace_back(f.values[k], k);
    std::sort(at.begin(), at.end());
    positions_.push_back(std::move(at));
  }
}

std::vector<ValueHit> ValueMatcher::match(std::span<const Literal> literals) const {
  const size_t n = literals.size();
  // Each literal as an element of each width, when it is one.
  std::array<std::vector<uint64_t>, widths.size()> as;
  std::array<std::vector<uint8_t>, widths.size()> valid;
  for (size_t w = 0; w < widths.size(); ++w) {
    as[w].resize(n);
    valid[w].resize(n);
    for (size_t i = 0; i < n; ++i) {
      uint64_t v = 0;
      // Not an element of any form of this width: as good as no element (see WidthValues).
      valid[w][i] = element(literals[i], widths[w], v) && width_values_[w].may_hold(v);
      as[w][i] = v;
    }
  }
  auto width_index = [](unsigned bits) { return static_cast<size_t>(std::find(widths.begin(), widths.end(), bits) - widths.begin()); };

  std::vector<ValueHit> hits;
  std::vector<size_t> found_until(forms_.size(), 0);
  std::unordered_set<uint64_t> tried;

  // Per width, (value, index) of the literals that are elements of it, sorted; built when an
  // alignment first searches far ahead for an entry (a table with many literals inserted).
  constexpr int64_t long_search = 16;
  std::array<std::vector<std::pair<uint64_t, uint32_t>>, widths.size()> positions_of_literals;
  auto literal_positions = [&](size_t w) -> const std::vector<std::pair<uint64_t, uint32_t>>& {
    auto& at = positions_of_literals[w];
    if (at.empty() && n != 0) {
      for (size_t k = 0; k < n; ++k)
        if (valid[w][k] != 0) at.emplace_back(as[w][k], static_cast<uint32_t>(k));
      std::sort(at.begin(), at.end());
    }
    return at;
  };

  // Lays form f over the literals from `start` (which may precede the first literal), stepping over
  // a few inserted or missing entries, and counts the entries found in order.
  auto align = [&](uint32_t fi, int64_t start) {
    const ValueForm& f = forms_[fi];
    const size_t w = width_index(f.bits);
    // The innermost test of the alignment: plain arrays, the value compared first (it mostly differs).
    const uint64_t* const value = as[w].data();
    const uint8_t* const is_element = valid[w].data();
    const uint64_t* const entry = f.values.data();
    const size_t entries = f.values.size();
    auto eq = [&](int64_t i, size_t j) {
      const auto k = static_cast<size_t>(i);
      return i >= 0 && k < n && j < entries && value[k] == entry[j] && is_element[k] != 0;
    };
    ValueHit hit{f.table, fi, 0, 0, 0, static_cast<uint32_t>(f.values.size()), false};
    const uint32_t need = needed(f.values.size());
    uint32_t matched_nonzero = 0;
    int64_t i = start;
    size_t j = 0;
    bool any = false;
    const uint32_t* const nonzero_after = nonzero_from_[fi].data();
    const uint32_t nonzero_need = needed(nonzero_[fi]);
    while (j < f.values.size() && i < static_cast<int64_t>(n)) {
      // Done when the entries and literals left cannot make up a match, or its nonzero entries.
      const size_t literals_left = n - static_cast<size_t>(std::max<int64_t>(i, 0));
      if (hit.matched + std::min(f.values.size() - j, literals_left) < need ||
          matched_nonzero + nonzero_after[j] < nonzero_need) {
        hit.matched = 0;
        break;
      }
      if (eq(i, j)) {
        if (!any) hit.first = static_cast<size_t>(i), any = true;
        hit.last = static_cast<size_t>(i);
        matched_nonzero += f.values[j] != 0;
        ++hit.matched, ++i, ++j;
        continue;
      }
      // Resynchronise on two entries in a row: past missing entries (up to a quarter of the
      // table), past inserted literals, or past a few of both; else take it as a changed entry.
      // The nearest resynchronisation wins, entries left out before literals inserted.
      bool resynced = false;
      const size_t reach = std::max<size_t>(resync_reach, f.values.size() / 4);
      for (size_t d = 1; d <= resync_reach && !resynced; ++d) {
        if (eq(i, j + d) && eq(i + 1, j + d + 1)) j += d, resynced = true;
        else if (eq(i + static_cast<int64_t>(d), j) && eq(i + static_cast<int64_t>(d) + 1, j + 1)) i += static_cast<int64_t>(d), resynced = true;
        for (size_t a = 1; a < d && !resynced; ++a)
          if (eq(i + static_cast<int64_t>(a), j + d - a) && eq(i + static_cast<int64_t>(a) + 1, j + d - a + 1))
            i += static_cast<int64_t>(a), j += d - a, resynced = true;
      }
      if (!resynced && reach > resync_reach) {
        // Further on, only one side skips. Entries left out: where the table holds this literal's
        // value (its index of positions); literals inserted: where the literals hold this entry.
        size_t left_out = 0;
        if (i >= 0 && i < static_cast<int64_t>(n) && is_element[i] != 0) {
          const auto& at = positions_[fi];
          auto p = std::lower_bound(at.begin(), at.end(), std::pair<uint64_t, uint32_t>{value[i], static_cast<uint32_t>(j + resync_reach + 1)});
          for (; p != at.end() && p->first == value[i] && p->second <= j + reach; ++p)
            if (eq(i + 1, p->second + size_t{1})) {
              left_out = p->second - j;
              break;
            }
        }
        const size_t inserted_reach = left_out != 0 ? left_out - 1 : reach;
        size_t inserted = 0;
        if (j < entries) {
          const int64_t first = std::max<int64_t>(i + static_cast<int64_t>(resync_reach) + 1, 0);
          const int64_t last = std::min<int64_t>(i + static_cast<int64_t>(inserted_reach), static_cast<int64_t>(n) - 1);
          if (last - first < long_search) {
            for (int64_t k = first; k <= last; ++k)
              if (value[k] == entry[j] && is_element[k] != 0 && eq(k + 1, j + 1)) {
                inserted = static_cast<size_t>(k - i);
                break;
              }
          } else {
            // The same search, over the literals that hold this entry's value only.
            const auto& at = literal_positions(w);
            auto p = std::lower_bound(at.begin(), at.end(), std::pair<uint64_t, uint32_t>{entry[j], static_cast<uint32_t>(first)});
            for (; p != at.end() && p->first == entry[j] && p->second <= last; ++p)
              if (eq(int64_t{p->second} + 1, j + 1)) {
                inserted = p->second - static_cast<size_t>(i);
                break;
              }
          }
        }
        if (inserted != 0) i += static_cast<int64_t>(inserted), resynced = true;
        else if (left_out != 0) j += left_out, resynced = true;
      }
      if (!resynced) ++i, ++j;
    }
    // Zero entries (many in Keccak's constants as bytes) are everywhere: the others must match too.
    if (matched_nonzero < needed(nonzero_[fi])) hit.matched = 0;
    return hit;
  };

  // Per width, how many literals from each on are elements of it: an anchor needs four.
  std::array<std::vector<uint32_t>, widths.size()> run;
  for (size_t w = 0; w < widths.size(); ++w) {
    run[w].assign(n + 1, 0);
    for (size_t i = n; i-- > 0;) run[w][i] = valid[w][i] ? run[w][i + 1] + 1 : 0;
  }
  for (size_t i = 0; i + anchor_length <= n; ++i)
    for (size_t w = 0; w < widths.size(); ++w) {
      if (run[w][i] < anchor_length) continue;
      for (const Ref& anchor : anchors_.of(anchor_key(widths[w], as[w].data() + i))) {
        const ValueForm& f = forms_[anchor.form];
        if (f.bits != widths[w] || found_until[anchor.form] > i ||
            !std::equal(f.values.begin() + anchor.index, f.values.begin() + anchor.index + anchor_length,
                        as[w].begin() + static_cast<ptrdiff_t>(i)))
          continue;
        const int64_t start = static_cast<int64_t>(i) - anchor.index;
        if (!tried.insert(uint64_t{anchor.form} << 40 ^ static_cast<uint64_t>(start + (int64_t{1} << 39))).second) continue;
        const ValueHit hit = align(anchor.form, start);
        if (hit.matched >= needed(f.values.size())) {
          hits.push_back(hit);
          found_until[anchor.form] = hit.last + 1;
        }
      }
    }

  // Distinctive tables written value by value: enough of their values within a short stretch. No
  // stretch holds more of a table's distinct values than the whole file, and most files hold few
  // (a CRC table's 0, many times): those are counted first, each value of each table once.
  std::vector<uint8_t> value_seen(values_.size(), 0);
  std::vector<uint32_t> distinct_in_file(forms_.size(), 0);
  // The last few values counted, by their key's low bits: a file repeats a few values (0, 1,
  // 0xffffffff) most of the time, whose tables need not be looked at again.
  struct Counted {
    uint64_t key = 0, value = 0;
    unsigned bits = 0;
  };
  std::array<Counted, 64> counted{};
  for (size_t i = 0; i < n; ++i)
    for (unsigned bits : {32u, 64u}) {
      const size_t w = width_index(bits);
      if (!valid[w][i]) continue;
      const uint64_t key = mix(bits, as[w][i]);
      Counted& last = counted[key % counted.size()];
      if (last.bits == bits && last.key == key && last.value == as[w][i]) continue;
      for (const Ref& r : values_.of(key))
        if (forms_[r.form].bits == bits && forms_[r.form].values[r.index] == as[w][i] && value_seen[values_.id(r)]++ == 0)
          ++distinct_in_file[r.form];
      last = {key, as[w][i], bits};
    }
  std::vector<std::pair<size_t, uint32_t>> seen;  // (literal, entry) of one form's values, in order
  for (uint32_t fi = 0; fi < forms_.size(); ++fi) {
    const size_t total = forms_[fi].values.size();
    // A short table written value by value must be complete: three of MD5's four initial values
    // turn up in ordinary code.
    const uint32_t need = total <= 8 ? static_cast<uint32_t>(total) : needed(total);
    if (distinct_in_file[fi] < need) continue;
    const unsigned bits = forms_[fi].bits;
    const size_t w = width_index(bits);
    seen.clear();
    for (size_t i = 0; i < n; ++i) {
      if (!valid[w][i]) continue;
      for (const Ref& r : values_.of(mix(bits, as[w][i])))
        if (r.form == fi && forms_[fi].values[r.index] == as[w][i]) seen.push_back({i, r.index});
    }
    const size_t window = 3 * total + 8;
    std::vector<uint32_t> counts(total, 0);
    uint32_t distinct = 0;
    size_t front = 0;
    constexpr size_t none = ~size_t{0};
    size_t open = none;  // index in hits of a hit still taking in values within its window
    for (size_t back = 0; back < seen.size(); ++back) {
      const auto [at, entry] = seen[back];
      if (open != none && at > hits[open].first + window) {  // the hit is complete: start afresh
        open = none;
        std::fill(counts.begin(), counts.end(), 0);
        distinct = 0;
        front = back;
      }
      while (seen[front].first + window < at) {
        if (--counts[seen[front].second] == 0) --distinct;
        ++front;
      }
      if (counts[entry]++ == 0) ++distinct;
      if (open != none) {
        hits[open].matched = std::max(hits[open].matched, distinct);
        hits[open].last = at;
      } else if (distinct >= need) {
        open = hits.size();
        hits.push_back(ValueHit{forms_[fi].table, fi, seen[front].first, at, distinct, static_cast<uint32_t>(total), true});
      }
    }
  }

  std::vector<Span> spans;
  for (const auto& h : hits) spans.push_back({h.table, h.first, h.last + 1, h.scattered, h.matched, h.total});
  std::vector<ValueHit> out;
  for (size_t i : resolver_.keep(spans)) out.push_back(hits[i]);
  return out;
}

}  // namespace mdbc::crypto_tables
