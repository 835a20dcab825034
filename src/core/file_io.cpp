#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/error.h"

namespace mdbc {
namespace {

struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string size_text(uint64_t n) {
  if (n >= (1u << 20)) return std::to_string(n >> 20) + " MiB";
  return std::to_string(n) + " bytes";
}

}  // namespace

int open_regular_file(const std::string& path, uint64_t max_size, bool follow_symlinks, uint64_t& size) {
  const int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (follow_symlinks ? 0 : O_NOFOLLOW);
  Fd f{::open(path.c_str(), flags)};
  if (f.fd < 0) throw InputError(path + ": cannot open: " + std::strerror(errno));
  struct stat st {};
  if (::fstat(f.fd, &st) != 0) throw InputError(path + ": cannot stat: " + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw InputError(path + ": is a directory");
  if (!S_ISREG(st.st_mode)) throw InputError(path + ": not a regular file");
  size = static_cast<uint64_t>(st.st_size);
  if (size > max_size)
    throw InputError(path + ": " + size_text(size) + ", over the " + size_text(max_size) + " limit");
  const int fd = f.fd;
  f.fd = -1;
  return fd;
}

size_t read_open_file_into(int fd, const std::string& path, char* buffer, size_t size) {
  size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd, buffer + got, size - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::explicit_bzero(buffer, got);  // the file may be a private key: no copy of part of it outlives the error
      throw InputError(path + ": cannot read: " + std::strerror(err));
    }
    if (n == 0) break;  // shrank while reading: inspect what is there
    got += static_cast<size_t>(n);
  }
  return got;
}

std::string read_open_file(int fd, const std::string& path, uint64_t size) {
  std::string bytes(static_cast<size_t>(size), '\0');
  bytes.resize(read_open_file_into(fd, path, bytes.data(), bytes.size()));
  return bytes;
}

std::string read_file(const std::string& path, uint64_t max_size, bool follow_symlinks) {
  uint64_t size = 0;
  Fd f{open_regular_file(path, max_size, follow_symlinks, size)};
  return read_open_file(f.fd, path, size);
}

namespace {

void write_all(int fd, const std::string& path, std::string_view bytes) {
  size_t put = 0;
  while (put < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + put, bytes.size() - put);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw InputError(path + ": cannot write: " + std::strerror(errno));
    put += static_cast<size_t>(n);
  }
}

}  // namespace

FileWriter::FileWriter(const std::string& path, unsigned mode) : path_(path) {
  // An existing device or FIFO (/dev/null, /dev/stdout, a named pipe) is written into, never
  // replaced: renaming a file over /dev/null would break the whole system for root.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    if (S_ISDIR(st.st_mode)) throw InputError(path + ": is a directory");
    fd_ = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (fd_ < 0) throw InputError(path + ": cannot open: " + std::strerror(errno));
    return;
  }
  tmp_ = path + ".mdbc-tmp";
  fd_ = ::open(tmp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
  if (fd_ < 0) throw InputError(path + ": cannot create: " + std::strerror(errno));
  ::fchmod(fd_, mode);  // umask must not widen or narrow what the caller asked for
}

FileWriter::~FileWriter() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !tmp_.empty()) ::unlink(tmp_.c_str());
}

void FileWriter::write(std::string_view bytes) { write_all(fd_, path_, bytes); }

void FileWriter::commit() {
  if (!tmp_.empty() && (::fsync(fd_) != 0 || ::rename(tmp_.c_str(), path_.c_str()) != 0))
    throw InputError(path_ + ": cannot write: " + std::strerror(errno));
  committed_ = true;
}

void write_file(const std::string& path, std::string_view bytes, unsigned mode) {
  FileWriter file(path, mode);
  file.write(bytes);
  file.commit();
}

}  // namespace mdbc
