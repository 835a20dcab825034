#pragma once
// A file's findings as they wait for the rest of the tree: a large tree has hundreds of thousands,
// and as Findings, six strings each scattered over the heap among the freed buffers of the files
// inspected since, they held half a kilobyte apiece and pinned the pages around them. Packed, a
// file's texts sit in one block, each distinct text once (its path, its rule ids and their
// messages repeat on every finding).
#include <cstdint>
#include <mutex>
#include <span>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace mdbc {

// The memory packed findings are written into, apart from the heap. A file's findings are packed
// as its inspection ends: as heap blocks they sat among the memory that inspection had just freed,
// each keeping a page resident after everything around it was freed (on the Linux tree, 23 MiB
// resident beyond what the blocks held, once the tree-wide passes were done). Here they fill whole
// chunks, all handed back when the arena dies.
class FindingsArena {
 public:
  FindingsArena() = default;
  FindingsArena(const FindingsArena&) = delete;
  FindingsArena& operator=(const FindingsArena&) = delete;
  ~FindingsArena();

  // `bytes` aligned for any scalar, valid while the arena lives. Safe to call from several threads.
  // Throws std::bad_alloc.
  char* allocate(size_t bytes);

 private:
  struct Chunk {
    char* data = nullptr;
    size_t size = 0;
  };
  std::mutex mutex_;
  std::vector<Chunk> chunks_;
  size_t free_from_ = 0;  // in chunks_.back()
};

class PackedFindings {
 public:
  PackedFindings() = default;
  // Throws std::length_error when the findings' distinct texts exceed 4 GiB.
  PackedFindings(const std::vector<Finding>& findings, FindingsArena& arena);

  size_t size() const { return count_; }
  // Appends the findings to `out`, equal in every field and in the order given.
  void unpack_into(std::vector<Finding>& out) const;
  // The same into the first size() findings of `out`, which it overwrites.
  void unpack_to(std::span<Finding> out) const;

 private:
  struct Text {
    uint32_t offset = 0, size = 0;  // in text_
  };
  struct Record {
    Text rule, path, message, evidence, component, fingerprint;
    uint32_t line = 0, column = 0;
    uint64_t offset = 0;
    int variance = -1;
    Severity severity = Severity::error;
  };
  std::string_view view(Text t) const { return {text_ + t.offset, t.size}; }

  // In the arena: the records, then the texts.
  const Record* records_ = nullptr;
  size_t count_ = 0;
  const char* text_ = nullptr;
};

}  // namespace mdbc
