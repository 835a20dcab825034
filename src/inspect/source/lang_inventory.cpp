// LANG-1: every program source file is attributed to a language (language.h, by name); the lines
// per language and the share of lines in memory-safe languages go into the report's summary
// ("languages": {"C": {"files": n, "lines": n}, …, "memory_safe_share": 0.0–1.0}). A profile may
// set a minimum share; below it, the tree gets a finding.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "inspect/source/call_site.h"

namespace mdbc::source {
namespace {

struct LineCount {
  uint64_t lines = 0;
};

// Every byte of every program source of the tree is read here: sixteen at a time where the
// processor has SSE2, counted in byte lanes that are summed before one can overflow.
uint64_t count_newlines(std::string_view bytes) {
  uint64_t newlines = 0;
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  while (i + 16 <= bytes.size()) {
    __m128i lanes = _mm_setzero_si128();
    const size_t blocks = std::min<size_t>((bytes.size() - i) / 16, 255);
    for (size_t b = 0; b < blocks; ++b, i += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes.data() + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmpeq_epi8(block, newline));  // a match is -1
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());  // two 64-bit lanes of eight bytes' sum
    newlines += static_cast<uint64_t>(_mm_cvtsi128_si64(sums)) + static_cast<uint64_t>(_mm_extract_epi16(sums, 4));
  }
#endif
  return newlines + static_cast<uint64_t>(std::count(bytes.begin() + static_cast<std::ptrdiff_t>(i), bytes.end(), '\n'));
}

uint64_t count_lines(std::string_view bytes) {
  if (bytes.empty()) return 0;
  return count_newlines(bytes) + (bytes.back() != '\n' ? 1 : 0);
}

class LanguageInventory final : public SourceRule {
 public:
  RuleFamily family() const override { return {"language-inventory", InputKind::source, {"LANG-1/memory-safe-share"}}; }

  bool wants(Language language) const override { return is_program_source(language); }

  void check(const SourceFile& file, std::vector<Finding>&, std::any& facts) const override {
    facts = LineCount{count_lines(file.input.bytes)};
  }

  void finish(std::span<const SourceFileFacts> files, const RunContext& ctx, TreeOutcome& out) const override {
    struct Tally {
      uint64_t files = 0, lines = 0;
    };
    std::map<std::string, Tally> by_language;
    uint64_t total = 0, safe = 0;
    for (const auto& f : files) {
      const auto* count = std::any_cast<LineCount>(&f.facts);
      if (count == nullptr) continue;
      Tally& t = by_language[std::string(to_string(f.language))];
      ++t.files;
      t.lines += count->lines;
      total += count->lines;
      if (is_memory_safe(f.language)) safe += count->lines;
    }
    if (by_language.empty()) return;
    // Four decimals: enough for a share, and the same text on every platform.
    const double share = total == 0 ? 0.0 : std::round(static_cast<double>(safe) / static_cast<double>(total) * 1e4) / 1e4;
    nlohmann::ordered_json languages = nlohmann::ordered_json::object();
    for (const auto& [name, t] : by_language) languages[name] = {{"files", t.files}, {"lines", t.lines}};
    languages["memory_safe_share"] = share;
    out.summary["languages"] = std::move(languages);

    const double minimum = ctx.profile.min_memory_safe_share;
    if (minimum <= share) return;
    char text[160];
    std::snprintf(text, sizeof text, "%.1f%% of the %llu source lines are in memory-safe languages; profile %s asks for at least %.1f%%",
                  share * 100.0, static_cast<unsigned long long>(total), ctx.profile.name.c_str(), minimum * 100.0);
    Finding f;
    f.rule = "LANG-1/memory-safe-share";
    f.path = ".";
    f.message = std::string(text) +
                ": write new modules, above all those that parse external input, in a memory-safe language, or "
                "record a variance with the plan for reaching the share";
    f.evidence = text;
    f.severity = element_severity(ctx, "LANG-1");
    out.findings.push_back(std::move(f));
  }
};

}  // namespace

MDBC_SOURCE_RULE(LanguageInventory)

}  // namespace mdbc::source
