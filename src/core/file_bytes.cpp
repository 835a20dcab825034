#include "core/file_bytes.h"

#include <unistd.h>

#include <algorithm>

#include "core/file_io.h"
#include "core/huge_pages.h"

namespace mdbc {
namespace {

struct Descriptor {
  int fd;
  ~Descriptor() { ::close(fd); }
};

// The memory a thread keeps for the files it reads: `size` bytes (a FileBytes's kept_limit),
// allocated at its first file and again when a file asks for another size.
struct KeptMemory {
  char* data = nullptr;
  uint64_t size = 0;
  bool in_use = false;  // by a FileBytes of this thread
  void allocate(uint64_t limit) {
    release();
    data = static_cast<char*>(limit == FileBytes::kept_size ? allocate_huge_pages(limit) : ::operator new(limit));
    size = limit;
  }
  void release() {
    if (data == nullptr) return;
    if (size == FileBytes::kept_size) free_huge_pages(data, size);
    else ::operator delete(data);
    data = nullptr;
    size = 0;
  }
  ~KeptMemory() { release(); }
};

thread_local KeptMemory kept;

}  // namespace

FileBytes::FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks, uint64_t kept_limit) {
  uint64_t size = 0;
  const Descriptor f{open_regular_file(path, max_size, follow_symlinks, size)};
  char* into = nullptr;
  try {
    if (size <= kept_limit && !kept.in_use) {
      if (kept.size != kept_limit) kept.allocate(kept_limit);
      kept.in_use = kept_ = true;
      into = kept.data;
    } else {
      own_size_ = static_cast<size_t>(std::max<uint64_t>(size, huge_pages_from));
      own_ = static_cast<char*>(allocate_huge_pages(own_size_));
      into = own_;
    }
  } catch (const std::bad_alloc&) {
    // No address space for it: the heap may still have room.
    read_ = read_open_file(f.fd, path, size);
    data_ = read_.data();
    size_ = read_.size();
    return;
  }
  try {
    size_ = read_open_file_into(f.fd, path, into, static_cast<size_t>(size));
  } catch (...) {
    release();
    throw;
  }
  data_ = into;
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() {
  if (kept_) kept.in_use = false;
  if (own_ != nullptr) free_huge_pages(own_, own_size_);
}

}  // namespace mdbc
