#pragma once
// The order in which the engine's workers inspect the walked files, bounding the bytes of large
// files read and inspected at once whatever the number of threads: a file's tokens and findings
// take a multiple of its size (a 24 MB register header alone peaks at 98 MiB), so many large files
// in flight together (generated register headers sit side by side) would otherwise multiply peak
// memory by the core count.
//
// Large files go out largest first (ties in path order), each once it fits beside the large files in
// flight (one larger than the whole budget once none is), so none waits behind a later one; a worker
// whose next large file does not fit yet inspects small files meanwhile. Largest first, because
// what every file leaves for the tree-wide passes grows through the run: in path order the 23 MB
// register header of the Linux tree went out late, beside most of that, and with --jobs 8 on two
// cores (each file a quarter of a core) it took long enough to meet it: peak 329-363 MB in four
// runs, against 308 MB largest first. One budget over every file, taken in
// path order, made a worker wait until its file fitted, and one large file then left the other
// cores idle: the AMD register headers of the Linux tree (378 MB) took 5.7 s wall for 6.1 s of CPU
// on two cores. Small files are not counted: a worker has at most one, of at most small_file_bytes.
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

#include "inspect/walker.h"

namespace mdbc {

class FileSchedule {
 public:
  static constexpr uint64_t small_file_bytes = uint64_t{1} << 20;

  // `files` as the walk gives them (their sizes as it saw them); only read here.
  FileSchedule(std::span<const WalkedFile> files, uint64_t large_budget);

  // The index of the next file to inspect, waiting while only large files are left and the next
  // does not fit; none once every file has been handed out.
  std::optional<size_t> next();
  // A file handed out is done: its size as the walk saw it.
  void done(uint64_t size);

 private:
  struct Large {
    size_t index = 0;
    uint64_t size = 0;
  };
  const uint64_t large_budget_;
  std::vector<Large> large_;   // largest first
  std::vector<size_t> small_;  // in path order
  size_t next_large_ = 0;
  size_t next_small_ = 0;
  uint64_t large_in_flight_ = 0;
  std::mutex m_;
  std::condition_variable large_done_;
};

}  // namespace mdbc
