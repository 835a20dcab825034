#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace mdbc {

// Reads a whole regular file, refusing anything else (FIFO, device, directory, symlink when
// follow_symlinks is false) and anything over max_size bytes. Never blocks on a FIFO swapped in
// after the walk. Throws InputError naming the path and the reason.
std::string read_file(const std::string& path, uint64_t max_size, bool follow_symlinks = true);

// The two halves of read_file. open_regular_file applies its refusals and returns an open
// descriptor (the caller closes it) and the file's size; read_open_file reads up to `size` bytes,
// read_open_file_into the same into `buffer`, returning how many it read.
int open_regular_file(const std::string& path, uint64_t max_size, bool follow_symlinks, uint64_t& size);
std::string read_open_file(int fd, const std::string& path, uint64_t size);
size_t read_open_file_into(int fd, const std::string& path, char* buffer, size_t size);

// A file written piece by piece and put in place atomically by commit(): the pieces go to a
// temporary file beside it, renamed over it once whole. An existing device or FIFO (/dev/null, a
// named pipe) is written into instead, never replaced. Throws InputError on failure; destroyed
// before commit(), it leaves no partial file behind.
class FileWriter {
 public:
  explicit FileWriter(const std::string& path, unsigned mode = 0644);
  FileWriter(const FileWriter&) = delete;
  FileWriter& operator=(const FileWriter&) = delete;
  ~FileWriter();
  void write(std::string_view bytes);
  void commit();

 private:
  std::string path_;
  std::string tmp_;  // empty when writing into an existing device or FIFO
  int fd_ = -1;
  bool committed_ = false;
};

// Writes bytes to path atomically (temporary file + rename), creating it with `mode`.
// Throws InputError on failure and leaves no partial file behind.
void write_file(const std::string& path, std::string_view bytes, unsigned mode = 0644);

}  // namespace mdbc
