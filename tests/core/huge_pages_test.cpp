#include "core/huge_pages.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>

namespace mdbc {
namespace {

TEST(HugePages, SmallAndLargeVectorsHoldWhatIsPutInThem) {
  for (const size_t n : {size_t{0}, size_t{1000}, huge_pages_from / sizeof(uint64_t) - 1, huge_pages_from / sizeof(uint64_t),
                         (size_t{5} << 20) / sizeof(uint64_t) + 7}) {
    HugePageVector<uint64_t> v(n);
    std::iota(v.begin(), v.end(), uint64_t{1});
    v.push_back(0);  // grows into a new allocation, from one kind to the other at the threshold
    ASSERT_EQ(v.size(), n + 1);
    for (size_t i = 0; i < n; ++i) ASSERT_EQ(v[i], i + 1) << n;
  }
}

TEST(HugePages, LargeAllocationsStartAtAHugePageBoundary) {
  for (const size_t bytes : {huge_pages_from, size_t{2} << 20, (size_t{2} << 20) + 1, size_t{7} << 20}) {
    void* p = allocate_huge_pages(bytes);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % (size_t{2} << 20), 0u) << bytes;
    static_cast<char*>(p)[bytes - 1] = 1;  // the whole size is usable
    free_huge_pages(p, bytes);
  }
}

}  // namespace
}  // namespace mdbc
