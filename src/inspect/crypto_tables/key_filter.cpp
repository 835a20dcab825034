#include "inspect/crypto_tables/key_filter.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "inspect/crypto_tables/host_load.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mdbc::crypto_tables {
namespace {

using First3 = KeyFilter::First3;
using First8 = KeyFilter::First8;
using FirstHashes = KeyFilter::FirstHashes;

// Clears the first byte of four loaded in host order.
constexpr uint32_t after_first_byte = std::endian::native == std::endian::little ? 0xFFFFFF00u : 0x00FFFFFFu;

uint32_t load_bytes(uint8_t b0, uint8_t b1, uint8_t b2, uint8_t b3) {
  const uint8_t bytes[4] = {b0, b1, b2, b3};
  return load4(bytes);
}

// The probes of the first level that pass among those of the eight positions from `at` (a multiple
// of 8): bit j of `threes` for the three bytes after the even position at + 2j, bit j of `eights`
// for the eight bytes at the aligned position at + 4j. Needs p[at + 12] readable.
KeyFilter::Passed group_passes(const uint8_t* p, size_t at, const FirstHashes& h, const First3& f3, const First8& f8) {
  KeyFilter::Passed passed;
  for (unsigned j = 0; j < 4; ++j) passed.threes |= uint32_t{f3.has(h.of_three(KeyFilter::three_bytes(p + at + 2 * j)))} << j;
  for (unsigned j = 0; j < 2; ++j) passed.eights |= uint32_t{f8.has(h.of_eight(load4(p + at + 4 * j), load4(p + at + 4 * j + 4)))} << j;
  return passed;
}

#if defined(__x86_64__)
// Bitmap::has for eight hashes, lane by lane: a bit per lane that passes.
template <unsigned shift>
__attribute__((target("avx2"), always_inline)) inline uint32_t passes_avx2(__m256i hashes, const std::vector<uint32_t>& words) {
  const __m256i one = _mm256_set1_epi32(1), low5 = _mm256_set1_epi32(31);
  const __m256i word = _mm256_i32gather_epi32(reinterpret_cast<const int*>(words.data()), _mm256_srli_epi32(hashes, shift), 4);
  const __m256i bits = _mm256_or_si256(_mm256_sllv_epi32(one, _mm256_and_si256(_mm256_srli_epi32(hashes, shift - 5), low5)),
                                       _mm256_sllv_epi32(one, _mm256_and_si256(_mm256_srli_epi32(hashes, shift - 10), low5)));
  return static_cast<uint32_t>(_mm256_movemask_ps(_mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_and_si256(word, bits), bits))));
}

// The first-level probes of the groups from `at` (a multiple of 8) before `stop`, thirty-two
// bytes (four groups) at a time, with the hashes computed lane by lane and their bitmap words
// fetched by gathers of eight, on x86-64 processors with AVX2. Calls emit(position, passed) for
// each thirty-two bytes where a probe passes, `passed` as group_passes says for them, and returns
// the position after the last thirty-two bytes probed. Needs p[at + 40] readable for every `at`
// before `stop`.
template <typename Emit>
__attribute__((target("avx2"))) size_t probe_avx2(const uint8_t* p, size_t at, size_t stop, const FirstHashes& h,
                                                 const First3& f3, const First8& f8, Emit&& emit) {
  // The probes at the even positions 0..14 of sixteen bytes, one per 32-bit lane, the first byte
  // of each cleared (see three_bytes): the low half from the sixteen bytes there, the high half
  // from the sixteen bytes eight on.
  const __m256i threes = _mm256_setr_epi8(-128, 1, 2, 3, -128, 3, 4, 5, -128, 5, 6, 7, -128, 7, 8, 9,  //
                                          -128, 1, 2, 3, -128, 3, 4, 5, -128, 5, 6, 7, -128, 7, 8, 9);
  const __m256i multiplier3 = _mm256_set1_epi32(static_cast<int>(h.multiplier3));
  const __m256i low8 = _mm256_set1_epi32(static_cast<int>(h.low8)), high8 = _mm256_set1_epi32(static_cast<int>(h.high8));
  auto load16 = [p](size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)); };
  for (; at < stop; at += 32) {
    const __m256i front = _mm256_shuffle_epi8(_mm256_set_m128i(load16(at + 8), load16(at)), threes);
    const __m256i back = _mm256_shuffle_epi8(_mm256_set_m128i(load16(at + 24), load16(at + 16)), threes);
    const uint32_t threes_passed = passes_avx2<First3::shift>(_mm256_mullo_epi32(front, multiplier3), f3.words) |
                                   passes_avx2<First3::shift>(_mm256_mullo_epi32(back, multiplier3), f3.words) << 8;
    // The eight bytes at each aligned position: their low halves are the words of the
    // thirty-two bytes at `at`, their high halves those of the thirty-two bytes from at + 4.
    const __m256i low = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + at));
    const __m256i high = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + at + 4));
    const uint32_t eights_passed =
        passes_avx2<First8::shift>(_mm256_add_epi32(_mm256_mullo_epi32(low, low8), _mm256_mullo_epi32(high, high8)), f8.words);
    if ((threes_passed | eights_passed) != 0) [[unlikely]]
      emit(at, KeyFilter::Passed{threes_passed, eights_passed});
  }
  return at;
}

bool has_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
}
#endif

}  // namespace

uint32_t KeyFilter::three_bytes(const uint8_t* p) { return load4(p) & after_first_byte; }

KeyFilter::KeyFilter(std::span<const uint32_t> keys4, std::span<const uint64_t> keys8, Code code) : code_(code) {
  // Both three-byte parts of every four-byte key, as the probes at even positions see them, and
  // the halves of every eight-byte key.
  std::vector<uint32_t> parts;
  for (const uint32_t k : keys4) {
    uint8_t b[4];
    std::memcpy(b, &k, 4);
    parts.push_back(load_bytes(0, b[1], b[2], b[3]));  // the key at the even position
    parts.push_back(load_bytes(0, b[0], b[1], b[2]));  // the key one byte after it
  }
  std::vector<std::pair<uint32_t, uint32_t>> halves;
  for (const uint64_t k : keys8) {
    uint8_t b[8];
    std::memcpy(b, &k, 8);
    halves.emplace_back(load4(b), load4(b + 4));
  }
  // First-level hashes that let zero and 0xff runs (padding, erased flash) through untouched.
  const uint8_t ones[8] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  for (uint32_t attempt = 0;; ++attempt) {
    hashes_.multiplier3 = 0x9E3779B1u + attempt * 0x85EBCA6Au;
    hashes_.low8 = 0x7FEB352Du + attempt * 0x632BE59Au;
    hashes_.high8 = 0x846CA68Bu + attempt * 0x2C1B3C6Cu;
    first3_ = First3{};
    first8_ = First8{};
    for (const uint32_t k : parts) first3_.add(hashes_.of_three(k));
    for (const auto& [low, high] : halves) first8_.add(hashes_.of_eight(low, high));
    const bool clear = !first3_.has(hashes_.of_three(0)) && !first3_.has(hashes_.of_three(three_bytes(ones))) &&
                       !first8_.has(hashes_.of_eight(0, 0)) && !first8_.has(hashes_.of_eight(~0u, ~0u));
    if (clear || attempt == 64) break;
  }
  for (const uint32_t k : keys4) second4_.add(k * 0xC2B2AE35u);
  for (const uint64_t k : keys8) second8_.add(k * 0xFF51AFD7ED558CCDull);
}

bool KeyFilter::second_level4(const uint8_t* p, size_t q) const { return second4_.has(load4(p + q) * 0xC2B2AE35u); }

bool KeyFilter::second_level8(const uint8_t* p, size_t q) const { return second8_.has(load8(p + q) * 0xFF51AFD7ED558CCDull); }

void KeyFilter::emit(const uint8_t* p, size_t size, size_t at, size_t end, Passed passed, std::vector<uint64_t>& out) const {
  for (; passed.threes != 0 || passed.eights != 0; at += 8, passed.threes >>= 4, passed.eights >>= 2) {
    // A three-byte probe at an even position covers it and the position after it.
    for (size_t q = at; q < at + 8 && q < end && q + 4 <= size; ++q)
      if ((passed.threes >> ((q - at) / 2) & 1) && second_level4(p, q)) out.push_back(q << 1);
    for (size_t q = at; q < at + 8 && q < end && q + 8 <= size; q += 4)
      if ((passed.eights >> ((q - at) / 4) & 1) && second_level8(p, q)) out.push_back(q << 1 | 1);
  }
}

void KeyFilter::candidates(std::string_view bytes, size_t begin, size_t end, std::vector<uint64_t>& out) const {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  end = std::min(end, size);
  // Groups of eight positions inside the bytes (and, for the vector code, the forty bytes it
  // loads); the last positions go one at a time.
  const size_t group_stop = size >= 12 ? std::min(end, size - 11) : 0;  // at < group_stop: at + 12 <= size
  size_t i = begin;
  const auto emit_here = [&](size_t at, Passed passed) { emit(p, size, at, end, passed, out); };
#if defined(__x86_64__)
  if (code_ == Code::fastest && has_avx2())
    i = probe_avx2(p, i, size >= 40 ? std::min(group_stop, size - 39) : 0, hashes_, first3_, first8_, emit_here);
#endif
  for (; i < group_stop; i += 8)
    if (const Passed passed = group_passes(p, i, hashes_, first3_, first8_); passed.threes != 0 || passed.eights != 0)
      emit_here(i, passed);
  // The last positions, one at a time (an eight-byte key at an aligned position after the
  // four-byte key there).
  for (; i < end && i + 4 <= size; ++i) {
    if (first3_.has(hashes_.of_three(three_bytes(p + (i & ~size_t{1})))) && second_level4(p, i)) out.push_back(i << 1);
    if (i % 4 == 0 && i + 8 <= size && first8_.has(hashes_.of_eight(load4(p + i), load4(p + i + 4))) && second_level8(p, i))
      out.push_back(i << 1 | 1);
  }
}

}  // namespace mdbc::crypto_tables
