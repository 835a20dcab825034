#pragma once
// A file's findings as they wait for the rest of the tree: a large tree has hundreds of thousands,
// and as Findings, six strings each scattered over the heap among the freed buffers of the files
// inspected since, they held half a kilobyte apiece and pinned the pages around them. Packed, a
// file's texts sit in one buffer, each distinct text once (its path, its rule ids and their
// messages repeat on every finding).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace mdbc {

class PackedFindings {
 public:
  PackedFindings() = default;
  // Throws std::length_error when the findings' distinct texts exceed 4 GiB.
  explicit PackedFindings(const std::vector<Finding>& findings);

  size_t size() const { return records_.size(); }
  // Appends the findings to `out`, equal in every field and in the order given.
  void unpack_into(std::vector<Finding>& out) const;

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
  std::string_view view(Text t) const { return std::string_view(text_).substr(t.offset, t.size); }

  std::string text_;
  std::vector<Record> records_;
};

}  // namespace mdbc
