#include "inspect/crypto_tables/key_filter.h"

#include <algorithm>

#include "inspect/crypto_tables/host_load.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mdbc::crypto_tables {
namespace {

using First4 = KeyFilter::First4;
using First8 = KeyFilter::First8;

// The first group at or after `at` (a multiple of 8), before `stop`, where one of the windows passes
// the first level: four bytes at each of its eight positions, eight bytes at its two aligned ones.
// Needs p[at + 12] readable for every group before `stop`.
size_t next_group(const uint8_t* p, size_t at, size_t stop, const First4& f4, const First8& f8) {
  for (; at < stop; at += 8) {
    bool any = f8.has(load8(p + at)) || f8.has(load8(p + at + 4));
    for (size_t k = 0; k < 8; ++k) any |= f4.has(load4(p + at + k));
    if (any) break;
  }
  return at;
}

#if defined(__x86_64__)
// next_group with the eight four-byte hashes computed at once and their bitmap words fetched by
// one gather, on x86-64 processors with AVX2. Needs p[at + 16] readable for every group before `stop`.
__attribute__((target("avx2"))) size_t next_group_avx2(const uint8_t* p, size_t at, size_t stop, const First4& f4,
                                                      const First8& f8) {
  // The four-byte windows at offsets 0..7, one per 32-bit lane, from the sixteen bytes at p + at.
  const __m256i windows = _mm256_setr_epi8(0, 1, 2, 3, 1, 2, 3, 4, 2, 3, 4, 5, 3, 4, 5, 6,  //
                                           4, 5, 6, 7, 5, 6, 7, 8, 6, 7, 8, 9, 7, 8, 9, 10);
  const __m256i multiplier = _mm256_set1_epi32(static_cast<int>(f4.multiplier));
  const __m256i one = _mm256_set1_epi32(1), low5 = _mm256_set1_epi32(31);
  const auto* words = reinterpret_cast<const int*>(f4.words.data());
  for (; at < stop; at += 8) {
    if (f8.has(load8(p + at)) || f8.has(load8(p + at + 4))) break;
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at));
    const __m256i keys = _mm256_shuffle_epi8(_mm256_broadcastsi128_si256(bytes), windows);
    const __m256i hashes = _mm256_mullo_epi32(keys, multiplier);
    // As First4::word_of and First4::bits_of, lane by lane.
    const __m256i word = _mm256_i32gather_epi32(words, _mm256_srli_epi32(hashes, First4::shift), 4);
    const __m256i bits =
        _mm256_or_si256(_mm256_sllv_epi32(one, _mm256_and_si256(_mm256_srli_epi32(hashes, First4::shift - 5), low5)),
                        _mm256_sllv_epi32(one, _mm256_and_si256(_mm256_srli_epi32(hashes, First4::shift - 10), low5)));
    if (_mm256_movemask_epi8(_mm256_cmpeq_epi32(_mm256_and_si256(word, bits), bits)) != 0) break;
  }
  return at;
}

bool has_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2;
}
#endif

}  // namespace

KeyFilter::KeyFilter(std::span<const uint32_t> keys4, std::span<const uint64_t> keys8, Code code) : code_(code) {
  second4_.multiplier = 0xC2B2AE35u;
  second8_.multiplier = 0xFF51AFD7ED558CCDull;
  // A first-level multiplier that lets zero and 0xff runs (padding, erased flash) through untouched.
  for (uint32_t attempt = 0;; ++attempt) {
    first4_ = First4{};
    first4_.multiplier = 0x9E3779B1u + attempt * 0x85EBCA6Au;
    first8_ = First8{};
    first8_.multiplier = 0x9E3779B97F4A7C15ull + attempt * 0x632BE59BD9B4E01Aull;
    for (const uint32_t k : keys4) first4_.add(k);
    for (const uint64_t k : keys8) first8_.add(k);
    const bool clear = !first4_.has(0) && !first4_.has(~uint32_t{0}) && !first8_.has(0) && !first8_.has(~uint64_t{0});
    if (clear || attempt == 64) break;
  }
  for (const uint32_t k : keys4) second4_.add(k);
  for (const uint64_t k : keys8) second8_.add(k);
}

void KeyFilter::group(const uint8_t* p, size_t size, size_t at, size_t end, std::vector<uint64_t>& out) const {
  for (size_t q = at; q < at + 8 && q < end && q + 4 <= size; ++q)
    if (const uint32_t w = load4(p + q); first4_.has(w) && second4_.has(w)) out.push_back(q << 1);
  for (size_t q = at; q < at + 8 && q < end && q + 8 <= size; q += 4)
    if (const uint64_t w = load8(p + q); first8_.has(w) && second8_.has(w)) out.push_back(q << 1 | 1);
}

void KeyFilter::candidates(std::string_view bytes, size_t begin, size_t end, std::vector<uint64_t>& out) const {
  const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
  const size_t size = bytes.size();
  end = std::min(end, size);
  // Groups of eight four-byte windows and two aligned eight-byte windows inside the bytes (and,
  // for the vector code, the sixteen bytes it loads); the last positions go one at a time.
  const size_t group_stop = size >= 12 ? std::min(end, size - 11) : 0;  // at < group_stop: at + 12 <= size
  size_t i = begin;
#if defined(__x86_64__)
  if (code_ == Code::fastest && has_avx2())
    for (const size_t vector_stop = size >= 16 ? std::min(group_stop, size - 15) : 0;
         (i = next_group_avx2(p, i, vector_stop, first4_, first8_)) < vector_stop; i += 8)
      group(p, size, i, end, out);
#endif
  for (; (i = next_group(p, i, group_stop, first4_, first8_)) < group_stop; i += 8) group(p, size, i, end, out);
  // The last positions, one at a time (an eight-byte key at an aligned position after the
  // four-byte key there).
  for (; i < end && i + 4 <= size; ++i) {
    if (const uint32_t w = load4(p + i); first4_.has(w) && second4_.has(w)) out.push_back(i << 1);
    if (i % 4 == 0 && i + 8 <= size)
      if (const uint64_t w = load8(p + i); first8_.has(w) && second8_.has(w)) out.push_back(i << 1 | 1);
  }
}

}  // namespace mdbc::crypto_tables
