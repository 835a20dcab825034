#pragma once
// The bytes of one input file, for as long as it is inspected. Large files are read into memory of
// their own in huge pages (core/huge_pages.h): populating a mapping of the page cache instead costs
// a page-table walk per 4 KiB, and on virtual machines that took longer than the copy (a 25 MiB
// file: 22 ms mapped and populated, 9 ms read into huge pages).
#include <cstdint>
#include <string>
#include <string_view>

namespace mdbc {

class FileBytes {
 public:
  // Files from this size on get memory of their own; smaller ones are read into the heap, whose
  // pages the files before them have faulted in already.
  static constexpr uint64_t own_memory_from_size = 1u << 20;

  // The same refusals as read_file (file_io.h): not a regular file, over max_size, unreadable.
  FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks);
  ~FileBytes();
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  std::string_view bytes() const { return own_ ? std::string_view(own_, size_) : std::string_view(read_); }

 private:
  std::string read_;
  char* own_ = nullptr;  // the bytes of a large file, in memory of their own
  size_t own_size_ = 0;  // of that memory
  size_t size_ = 0;      // of the bytes read into it
};

}  // namespace mdbc
