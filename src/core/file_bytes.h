#pragma once
// The bytes of one input file, for as long as it is inspected, read into memory in huge pages
// (core/huge_pages.h): populating a mapping of the page cache instead costs a page-table walk per
// 4 KiB, and on virtual machines that took longer than the copy (a 25 MiB file: 22 ms mapped and
// populated, 9 ms read into huge pages; a 200 MiB file mapped and read once: 111 ms, read into
// huge pages and read once: 38 ms, as every pass over 4 KiB pages misses the TLB).
//
// Files up to kept_size are read into one huge page that each thread keeps from one file to the
// next: fresh memory costs a page fault per 4 KiB or a huge page the kernel zeroes, for every file
// again (the 92 ELF files of bench/binary.sh's 64 MB corpus, read in a fresh process: 70-80 ms
// into fresh memory, 56 ms into kept memory). Larger files get memory of their own, handed back
// when they are done: keeping up to 8 MiB a thread raised the peak of a run over the Linux tree,
// whose generated headers reach megabytes, from 292 to 300 MiB.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/huge_pages.h"

namespace mdbc {

class FileBytes {
 public:
  // Files up to this size (one huge page) are read into the memory the thread keeps.
  static constexpr uint64_t kept_size = huge_page_size;
  // What a thread keeps when many read at once: a huge page each is resident whole however small
  // the files (sixteen workers kept 32 MiB); the Linux tree's source files are smaller than this
  // but for one in two hundred, which get memory of their own.
  static constexpr uint64_t small_kept_size = uint64_t{256} << 10;

  // The same refusals as read_file (file_io.h): not a regular file, over max_size, unreadable.
  // `kept_limit`: kept_size, or small_kept_size for memory the thread keeps in ordinary pages.
  FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks, uint64_t kept_limit = kept_size);
  ~FileBytes();
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  std::string_view bytes() const { return {data_, size_}; }

 private:
  void release();

  const char* data_ = nullptr;
  size_t size_ = 0;
  bool kept_ = false;    // read into the memory this thread keeps
  char* own_ = nullptr;  // memory of its own (a large file, or the thread's is in use), else null
  size_t own_size_ = 0;  // of that memory
  std::string read_;     // the bytes when no huge pages could be had
};

}  // namespace mdbc
