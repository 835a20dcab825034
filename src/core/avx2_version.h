#pragma once
// Marks a function that scans bytes with vectors of 32 bytes: on x86-64 it is compiled twice, for
// AVX2 and for the baseline (SSE2, two registers per vector), and the dynamic loader picks the
// version the processor runs (GCC and Clang function multiversioning). Elsewhere it is compiled
// once. Such a function must pass its vectors to no function that is not inlined into it: the two
// versions pass them differently. MDBC_BASELINE_VERSIONS_ONLY (the sanitizer build) compiles the
// baseline alone, so that the test suite runs it on a machine that has AVX2.
#if defined(__x86_64__) && !defined(MDBC_BASELINE_VERSIONS_ONLY)
#define MDBC_WITH_AVX2_VERSION __attribute__((target_clones("avx2", "default")))
#else
#define MDBC_WITH_AVX2_VERSION
#endif
