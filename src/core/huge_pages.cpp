#include "core/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace mdbc {
namespace {

size_t whole_pages(size_t bytes) { return (bytes + huge_page_size - 1) & ~(huge_page_size - 1); }

}  // namespace

void* allocate_huge_pages(size_t bytes) {
  // A mapping one huge page longer than needed, trimmed at both ends to whole aligned pages.
  const size_t length = whole_pages(bytes);
  void* p = ::mmap(nullptr, length + huge_page_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  const auto begin = reinterpret_cast<uintptr_t>(p);
  const uintptr_t aligned = (begin + huge_page_size - 1) & ~uintptr_t{huge_page_size - 1};
  if (aligned > begin) ::munmap(p, aligned - begin);
  if (const uintptr_t end = begin + length + huge_page_size; end > aligned + length)
    ::munmap(reinterpret_cast<void*>(aligned + length), end - (aligned + length));
  ::madvise(reinterpret_cast<void*>(aligned), length, MADV_HUGEPAGE);
  return reinterpret_cast<void*>(aligned);
}

void free_huge_pages(void* p, size_t bytes) { ::munmap(p, whole_pages(bytes)); }

}  // namespace mdbc
