#include "core/file_bytes.h"

#include <unistd.h>

#include "core/file_io.h"
#include "core/huge_pages.h"

namespace mdbc {
namespace {

struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

}  // namespace

FileBytes::FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks) {
  static_assert(own_memory_from_size >= huge_pages_from);
  uint64_t size = 0;
  const Descriptor f{open_regular_file(path, max_size, follow_symlinks, size)};
  if (size >= own_memory_from_size) {
    try {
      own_ = static_cast<char*>(allocate_huge_pages(static_cast<size_t>(size)));
      own_size_ = static_cast<size_t>(size);
    } catch (const std::bad_alloc&) {
      // No address space for it: the heap may still have room.
    }
  }
  if (own_ == nullptr) {
    read_ = read_open_file(f.fd, path, size);
    return;
  }
  try {
    size_ = read_open_file_into(f.fd, path, own_, own_size_);
  } catch (...) {
    free_huge_pages(own_, own_size_);
    throw;
  }
}

FileBytes::~FileBytes() {
  if (own_ != nullptr) free_huge_pages(own_, own_size_);
}

}  // namespace mdbc
