#include "core/file_bytes.h"

#include <sys/mman.h>
#include <unistd.h>

#include "core/file_io.h"

namespace mdbc {
namespace {

constexpr size_t huge_page = size_t{2} << 20;

struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

FileBytes::FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks) {
  uint64_t size = 0;
  const Descriptor f{open_regular_file(path, max_size, follow_symlinks, size)};
  if (size < own_memory_from_size) {
    read_ = read_open_file(f.fd, path, size);
    return;
  }
  // Whole huge pages, starting at a huge-page boundary: a mapping one huge page longer than the
  // file rounded up, trimmed at both ends.
  const size_t length = (static_cast<size_t>(size) + huge_page - 1) & ~(huge_page - 1);
  void* p = ::mmap(nullptr, length + huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) {  // no address space for it: the heap may still have room
    read_ = read_open_file(f.fd, path, size);
    return;
  }
  const auto begin = reinterpret_cast<uintptr_t>(p);
  const uintptr_t aligned = (begin + huge_page - 1) & ~uintptr_t{huge_page - 1};
  if (aligned > begin) ::munmap(p, aligned - begin);
  if (const uintptr_t end = begin + length + huge_page; end > aligned + length)
    ::munmap(reinterpret_cast<void*>(aligned + length), end - (aligned + length));
  mapping_ = reinterpret_cast<void*>(aligned);
  mapping_size_ = length;
  ::madvise(mapping_, mapping_size_, MADV_HUGEPAGE);  // a hint: without huge pages it still works
  own_ = static_cast<char*>(mapping_);
  size_ = read_open_file_into(f.fd, path, own_, static_cast<size_t>(size));
}

FileBytes::~FileBytes() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapping_size_);
}

}  // namespace mdbc
