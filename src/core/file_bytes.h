#pragma once
// The bytes of one input file, for as long as it is inspected. Large files are mapped rather than
// read: copying into fresh memory costs a page fault per 4 KiB, which on virtual machines is most
// of the time a byte scan takes, while a populated mapping of the page cache costs almost nothing.
//
// A mapped file that another process truncates would kill the inspector with SIGBUS on the next
// access past its new end. Mappings are therefore guarded: a fault inside one maps zeros in place
// of the vanished page and marks the file as having shrunk, and the caller reports it as an input
// error rather than trusting what it saw.
#include <cstdint>
#include <string>
#include <string_view>

namespace mdbc {

class FileBytes {
 public:
  // Files from this size on are mapped; smaller ones are read (a mapping's set-up and its TLB
  // shootdown on release cost more than copying a few pages).
  static constexpr uint64_t map_from_size = 1u << 20;

  // The same refusals as read_file (file_io.h): not a regular file, over max_size, unreadable.
  FileBytes(const std::string& path, uint64_t max_size, bool follow_symlinks);
  ~FileBytes();
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  std::string_view bytes() const { return mapped_ ? std::string_view(mapped_, size_) : std::string_view(read_); }
  // Whether the file shrank while mapped, so that some of bytes() are zeros and not the file's.
  bool shrank() const;

 private:
  std::string read_;
  const char* mapped_ = nullptr;
  size_t size_ = 0;
  int guard_ = -1;  // slot in the table of guarded mappings
};

}  // namespace mdbc
