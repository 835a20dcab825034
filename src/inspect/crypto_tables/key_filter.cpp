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

// The first-level probes of the eight positions from `at` (a multiple of 8): three bytes at each
// even one, eight bytes at the two aligned ones. Needs p[at + 12] readable.
bool group_passes(const uint8_t* p, size_t at, const FirstHashes& h, const First3& f3, const First8& f8) {
  bool any = false;
  for (size_t k = 0; k < 8; k += 2) any |= f3.has(h.of_three(KeyFilter::three_bytes(p + at + k)));
  for (size_t k = 0; k < 8; k += 4) any |= f8.has(h.of_eight(load4(p + at + k), load4(p + at + k + 4)));
  return any;
}

// The first group at or after `at` (a multiple of 8), before `stop`, that passes the first level.
size_t next_group(const uint8_t* p, size_t at, size_t stop, const FirstHashes& h, const First3& f3, const First8& f8) {
  while (at < stop && !group_passes(p, at, h, f3, f8)) at += 8;
  return at;
}

#if defined(__x86_64__)
// next_group sixteen bytes (two groups) at a time, with the hashes computed lane by lane and their
// bitmap words fetched by gathers, on x86-64 processors with AVX2. Returns the first of the two
// groups where one passes. Needs p[at + 24] readable for every `at` before `stop`.
__attribute__((target("avx2"))) size_t next_pair_avx2(const uint8_t* p, size_t at, size_t stop, const FirstHashes& h,
                                                     const First3& f3, const First8& f8) {
  // The probes at the even positions 0..14, one per 32-bit lane, the first byte of each cleared
  // (see three_bytes): the low half from the bytes at p + at, the high half from those at p + at + 8.
  const __m256i threes = _mm256_setr_epi8(-128, 1, 2, 3, -128, 3, 4, 5, -128, 5, 6, 7, -128, 7, 8, 9,  //
                                          -128, 1, 2, 3, -128, 3, 4, 5, -128, 5, 6, 7, -128, 7, 8, 9);
  const __m256i multiplier3 = _mm256_set1_epi32(static_cast<int>(h.multiplier3));
  const __m128i low8 = _mm_set1_epi32(static_cast<int>(h.low8)), high8 = _mm_set1_epi32(static_cast<int>(h.high8));
  const __m256i one = _mm256_set1_epi32(1), low5 = _mm256_set1_epi32(31);
  const __m128i one4 = _mm_set1_epi32(1), low5_4 = _mm_set1_epi32(31);
  const auto* words3 = reinterpret_cast<const int*>(f3.words.data());
  const auto* words8 = reinterpret_cast<const int*>(f8.words.data());
  for (; at < stop; at += 16) {
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    const __m128i second = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at + 8));
    const __m256i keys = _mm256_shuffle_epi8(_mm256_set_m128i(second, first), threes);
    const __m256i hashes = _mm256_mullo_epi32(keys, multiplier3);
    // As Bitmap::word_of and Bitmap::bits_of, lane by lane.
    const __m256i word = _mm256_i32gather_epi32(words3, _mm256_srli_epi32(hashes, First3::shift), 4);
    const __m256i bits =
        _mm256_or_si256(_mm256_sllv_epi32(one, _mm256_and_si256(_mm256_srli_epi32(hashes, First3::shift - 5), low5)),
                        _mm256_sllv_epi32(one, _mm256_and_si256(_mm256_srli_epi32(hashes, First3::shift - 10), low5)));
    // The eight bytes at at, at + 4, at + 8 and at + 12: their low halves are the words of
    // `first`, their high halves those of the sixteen bytes from at + 4.
    const __m128i high = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at + 4));
    const __m128i hashes8 = _mm_add_epi32(_mm_mullo_epi32(first, low8), _mm_mullo_epi32(high, high8));
    const __m128i word8 = _mm_i32gather_epi32(words8, _mm_srli_epi32(hashes8, First8::shift), 4);
    const __m128i bits8 = _mm_or_si128(_mm_sllv_epi32(one4, _mm_and_si128(_mm_srli_epi32(hashes8, First8::shift - 5), low5_4)),
                                       _mm_sllv_epi32(one4, _mm_and_si128(_mm_srli_epi32(hashes8, First8::shift - 10), low5_4)));
    const int pass3 = _mm256_movemask_epi8(_mm256_cmpeq_epi32(_mm256_and_si256(word, bits), bits));
    const int pass8 = _mm_movemask_epi8(_mm_cmpeq_epi32(_mm_and_si128(word8, bits8), bits8));
    if ((pass3 | pass8) != 0) break;
  }
  return at;
}

// Bitmap::has, lane by lane: a bit per lane that passes. (Shifts and masks as vector arithmetic:
// GCC 12 reports the undefined sources inside its own AVX-512 shift intrinsics as uninitialised,
// GCC bug 105593.)
template <unsigned shift>
__attribute__((target("avx512f"), always_inline)) inline unsigned passes_avx512(__m512i lanes, const uint32_t* words) {
  using Lanes = uint32_t __attribute__((vector_size(64)));
  const Lanes hashes = reinterpret_cast<Lanes>(lanes);
  const Lanes one = Lanes{} + 1;
  const __m512i word = _mm512_mask_i32gather_epi32(_mm512_setzero_si512(), 0xFFFF, reinterpret_cast<__m512i>(hashes >> shift),
                                                   reinterpret_cast<const int*>(words), 4);
  const Lanes bits = (one << (hashes >> (shift - 5) & 31)) | (one << (hashes >> (shift - 10) & 31));
  return _mm512_cmpeq_epi32_mask(reinterpret_cast<__m512i>(reinterpret_cast<Lanes>(word) & bits), reinterpret_cast<__m512i>(bits));
}

// next_group sixty-four bytes (eight groups) at a time, on x86-64 processors with AVX-512 (VBMI
// for the byte permutation). The gathers bound the first level's speed, and per word fetched a
// sixteen-lane one costs less than an eight-lane one (on the AMD EPYC machines here 6.4 against
// 4.2 ns). Returns the first block where one of the groups passes, and which of its groups do
// (bit k: the group at + 8k). Needs p[at + 96] readable for
// every `at` before `stop`.
__attribute__((target("avx512f,avx512bw,avx512vbmi"))) std::pair<size_t, unsigned> next_block_avx512(
    const uint8_t* p, size_t at, size_t stop, const FirstHashes& h, const First3& f3, const First8& f8) {
  // The probes at the even positions 0..30 of thirty-two bytes, one per 32-bit lane, the first
  // byte of each cleared by the mask (see three_bytes).
  const __m512i threes = _mm512_set_epi32(0x21201f00, 0x1f1e1d00, 0x1d1c1b00, 0x1b1a1900, 0x19181700, 0x17161500,
                                          0x15141300, 0x13121100, 0x11100f00, 0x0f0e0d00, 0x0d0c0b00, 0x0b0a0900,
                                          0x09080700, 0x07060500, 0x05040300, 0x03020100);
  constexpr __mmask64 after_first = 0xEEEEEEEEEEEEEEEEull;
  const __m512i multiplier3 = _mm512_set1_epi32(static_cast<int>(h.multiplier3));
  const __m512i low8 = _mm512_set1_epi32(static_cast<int>(h.low8)), high8 = _mm512_set1_epi32(static_cast<int>(h.high8));
  // Each group's bit from the lanes of its positions: `per_group` adjacent lanes each.
  auto groups_of = [](unsigned lanes, unsigned per_group) {
    unsigned groups = 0;
    for (unsigned k = 0; k < 16 / per_group; ++k) groups |= ((lanes >> (k * per_group)) & ((1u << per_group) - 1)) != 0 ? 1u << k : 0;
    return groups;
  };
  for (; at < stop; at += 64) {
    const __m512i bytes = _mm512_loadu_si512(p + at);
    const __m512i second = _mm512_loadu_si512(p + at + 32);
    const unsigned low = passes_avx512<First3::shift>(
        _mm512_mullo_epi32(_mm512_maskz_permutexvar_epi8(after_first, threes, bytes), multiplier3), f3.words.data());
    const unsigned high = passes_avx512<First3::shift>(
        _mm512_mullo_epi32(_mm512_maskz_permutexvar_epi8(after_first, threes, second), multiplier3), f3.words.data());
    // The eight bytes at each aligned position: its low half a word of `bytes`, its high half the
    // word after it.
    const __m512i after = _mm512_loadu_si512(p + at + 4);
    const unsigned eight = passes_avx512<First8::shift>(
        _mm512_add_epi32(_mm512_mullo_epi32(bytes, low8), _mm512_mullo_epi32(after, high8)), f8.words.data());
    if ((low | high | eight) != 0) [[unlikely]]
      return {at, groups_of(low, 4) | groups_of(high, 4) << 4 | groups_of(eight, 2)};
  }
  return {at, 0};
}

bool has_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
}

bool has_avx512() {
  static const bool avx512 = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
                             __builtin_cpu_supports("avx512vbmi");
  return avx512;
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

bool KeyFilter::may_hold4(const uint8_t* p, size_t q) const { return second4_.has(load4(p + q) * 0xC2B2AE35u); }

bool KeyFilter::may_hold8(const uint8_t* p, size_t q) const {
  return first8_.has(hashes_.of_eight(load4(p + q), load4(p + q + 4))) && second8_.has(load8(p + q) * 0xFF51AFD7ED558CCDull);
}

void KeyFilter::group(const uint8_t* p, size_t size, size_t at, size_t end, std::vector<uint64_t>& out) const {
  for (size_t q = at; q < at + 8 && q < end && q + 4 <= size; ++q) {
    // The probe at the even position covers it and the position after it.
    if (first3_.has(hashes_.of_three(three_bytes(p + (q & ~size_t{1})))) && may_hold4(p, q)) out.push_back(q << 1);
  }
  for (size_t q = at; q < at + 8 && q < end && q + 8 <= size; q += 4)
    if (may_hold8(p, q)) out.push_back(q << 1 | 1);
}

void KeyFilter::candidates(std::string_view bytes, size_t begin, size_t end, std::vector<uint64_t>& out) const {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  end = std::min(end, size);
  // Groups of eight positions inside the bytes (and, for the vector code, the twenty-four bytes
  // it loads); the last positions go one at a time.
  const size_t group_stop = size >= 12 ? std::min(end, size - 11) : 0;  // at < group_stop: at + 12 <= size
  size_t i = begin;
#if defined(__x86_64__)
  if (code_ == Code::fastest && has_avx512())
    for (const size_t vector_stop = size >= 96 ? std::min(group_stop, size - 95) : 0; i < vector_stop; i += 64) {
      const auto [block, groups] = next_block_avx512(p, i, vector_stop, hashes_, first3_, first8_);
      if ((i = block) >= vector_stop) break;
      for (unsigned k = 0; k < 8; ++k)
        if (groups >> k & 1) group(p, size, i + 8 * k, end, out);
    }
  if ((code_ == Code::fastest || code_ == Code::avx2) && has_avx2())
    for (const size_t vector_stop = size >= 24 ? std::min(group_stop, size - 23) : 0;
         (i = next_pair_avx2(p, i, vector_stop, hashes_, first3_, first8_)) < vector_stop; i += 16) {
      group(p, size, i, end, out);
      group(p, size, i + 8, end, out);
    }
#endif
  for (; (i = next_group(p, i, group_stop, hashes_, first3_, first8_)) < group_stop; i += 8) group(p, size, i, end, out);
  // The last positions, one at a time (an eight-byte key at an aligned position after the
  // four-byte key there).
  for (; i < end && i + 4 <= size; ++i) {
    if (first3_.has(hashes_.of_three(three_bytes(p + (i & ~size_t{1})))) && may_hold4(p, i)) out.push_back(i << 1);
    if (i % 4 == 0 && i + 8 <= size && may_hold8(p, i)) out.push_back(i << 1 | 1);
  }
}

}  // namespace mdbc::crypto_tables
