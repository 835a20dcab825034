#pragma once
// Function boundaries from the unwind tables (.eh_frame), which `strip` leaves in place: in a
// stripped executable they are the only record of where each function begins and ends.
#include <cstdint>
#include <vector>

#include "core/huge_pages.h"
#include "inspect/binary/elf_file.h"

namespace mdbc::binary {

struct CodeRange {
  uint64_t begin = 0, size = 0;
  // The range does not start a function but continues one: its unwind rules do not start from the
  // CIE's state at a call (a part GCC moved out of line, such as foo.cold).
  bool fragment = false;
};

// The address range of every FDE in .eh_frame, in table order. Pointer encodings other than
// absolute and PC-relative (which linkers use in .eh_frame) are skipped. Throws ByteRangeError
// when the table is malformed.
HugePageVector<CodeRange> eh_frame_ranges(const ElfFile& elf);

}  // namespace mdbc::binary
