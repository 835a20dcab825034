#pragma once
// Intel HEX: decoding (checksums verified, extended segment/linear address records, data placed
// by address, gaps kept as gaps) and encoding. Shared by the image and binary inspectors and by
// `mdbc sign`.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdbc::ihex {

// One contiguous run of bytes at an address.
struct Segment {
  uint64_t address = 0;
  std::string bytes;
};

struct Image {
  std::vector<Segment> segments;  // sorted by address, non-overlapping, adjacent runs merged
  std::optional<uint32_t> start_address;  // from a start (linear or segment) record, if any
};

// Whether the text looks like Intel HEX: its first record starts with a colon and a well-formed
// header (a cheap check on the first bytes, for claims(); decode() judges the rest).
bool looks_like_intel_hex(std::string_view head);

// The data bytes of the first data record of `head` (the first bytes of a file), read leniently
// for claims(): empty when the head does not start with a well-formed data record (extended
// address records before it are skipped).
std::string first_record_data(std::string_view head);

// Decodes a whole file. Where records overlap, the later one's bytes are kept, as objcopy and
// avrdude program them. Throws InputError "<path>:<line>: <what is wrong>" on a bad record,
// checksum mismatch, missing end record, or more than `max_bytes` of data.
Image decode(std::string_view text, const std::string& path, uint64_t max_bytes = 256ull << 20);

// The bytes from the lowest address to the end of the highest segment, gaps filled with 0xff (as
// imgtool reads a HEX input). Throws InputError naming `path` when that span exceeds max_size or
// there is no data.
std::string flatten(const Image& image, uint64_t max_size, const std::string& path);

// Encodes segments as Intel HEX with 16 data bytes a record and an end record.
std::string encode(const Image& image);

}  // namespace mdbc::ihex
