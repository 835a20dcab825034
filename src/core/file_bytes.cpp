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

// The memory a thread keeps for the files it reads: kept_size bytes, allocated at its first file.
struct KeptMemory {
  char* data = nullptr;
  bool in_use = false;  // by a FileBytes of this thread
  ~KeptMemory() {
    if (data != nullptr) free_huge_pages(data, FileBytes::kept_size);
  }
};

thread_local KeptMemory kept;

}  // namespace

FileBytes::FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks) {
  uint64_t size = 0;
  const Descriptor f{open_regular_file(path, max_size, follow_symlinks, size)};
  char* into = nullptr;
  try {
    if (size <= kept_size && !kept.in_use) {
      if (kept.data == nullptr) kept.data = static_cast<char*>(allocate_huge_pages(kept_size));
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
