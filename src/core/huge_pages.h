#pragma once
// Memory for large arrays, advised for transparent huge pages. On virtual machines a page fault
// costs about 15 µs, so that filling a fresh 6 MiB array 4 KiB at a time took 24 ms here, against
// 0.4 ms in 2 MiB pages: for the arrays an inspection fills once per large file (its bytes, its
// symbols, its functions) the faults were a large part of the time. Small arrays come from the heap,
// whose pages earlier files have faulted in already.
#include <cstddef>
#include <new>
#include <vector>

namespace mdbc {

// From this many bytes on, memory of its own in whole huge pages (a 1 MiB array still gets one).
inline constexpr size_t huge_pages_from = size_t{1} << 20;
inline constexpr size_t huge_page_size = size_t{2} << 20;  // on x86-64 and AArch64 with 4 KiB pages

// `bytes` (at least huge_pages_from) in whole 2 MiB pages starting at a 2 MiB boundary, advised for
// huge pages (a hint: without them it is ordinary memory). Throws std::bad_alloc.
void* allocate_huge_pages(size_t bytes);
void free_huge_pages(void* p, size_t bytes);  // the same `bytes` as allocated

template <typename T>
struct HugePageAllocator {
  static_assert(alignof(T) <= __STDCPP_DEFAULT_NEW_ALIGNMENT__);
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) {
    const size_t bytes = n * sizeof(T);
    return static_cast<T*>(bytes >= huge_pages_from ? allocate_huge_pages(bytes) : ::operator new(bytes));
  }
  void deallocate(T* p, size_t n) {
    const size_t bytes = n * sizeof(T);
    if (bytes >= huge_pages_from) free_huge_pages(p, bytes);
    else ::operator delete(p);
  }
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace mdbc
