#pragma once
// Bounds-checked reading of hostile bytes: every read checks that the bytes exist and every sum of
// offsets and sizes checks for overflow, throwing ByteRangeError instead of reading past the end.
// The binary inspector turns that error into an InputError naming the file.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace mdbc::binary {

class ByteRangeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// a + b, or ByteRangeError when the sum does not fit in 64 bits.
inline uint64_t checked_add(uint64_t a, uint64_t b, std::string_view what) {
  uint64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) throw ByteRangeError(std::string(what) + ": offset overflows");
  return sum;
}

// a * b, or ByteRangeError when the product does not fit in 64 bits.
inline uint64_t checked_mul(uint64_t a, uint64_t b, std::string_view what) {
  uint64_t product = 0;
  if (__builtin_mul_overflow(a, b, &product)) throw ByteRangeError(std::string(what) + ": size overflows");
  return product;
}

// The `size` bytes at `offset` of data, or ByteRangeError when they are not all there.
inline std::string_view checked_slice(std::string_view data, uint64_t offset, uint64_t size, std::string_view what) {
  if (offset > data.size() || size > data.size() - offset)
    throw ByteRangeError(std::string(what) + " lies outside the file (offset " + std::to_string(offset) + ", size " +
                         std::to_string(size) + ", file size " + std::to_string(data.size()) + ")");
  return data.substr(static_cast<size_t>(offset), static_cast<size_t>(size));
}

// Unsigned little- or big-endian integer of N bytes at p (N <= 8); the caller has checked the bounds.
inline uint64_t load_uint(const char* p, size_t n, bool big_endian) {
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint64_t byte = static_cast<unsigned char>(p[big_endian ? i : n - 1 - i]);
    v = (v << 8) | byte;
  }
  return v;
}

// A cursor over a byte range. Reads advance it; a read past the end throws.
class ByteReader {
 public:
  ByteReader(std::string_view data, bool big_endian, std::string_view what)
      : data_(data), big_endian_(big_endian), what_(what) {}

  size_t offset() const { return pos_; }
  size_t size() const { return data_.size(); }
  size_t remaining() const { return data_.size() - pos_; }
  bool at_end() const { return pos_ == data_.size(); }

  void seek(uint64_t offset) {
    if (offset > data_.size()) overrun(offset - pos_);
    pos_ = static_cast<size_t>(offset);
  }
  void skip(uint64_t n) {
    if (n > remaining()) overrun(n);
    pos_ += static_cast<size_t>(n);
  }

  uint8_t u8() { return static_cast<uint8_t>(uint(1)); }
  uint16_t u16() { return static_cast<uint16_t>(uint(2)); }
  uint32_t u32() { return static_cast<uint32_t>(uint(4)); }
  uint64_t u64() { return uint(8); }
  // An unsigned integer of n bytes (1..8) in the reader's byte order.
  uint64_t uint(size_t n) {
    if (n > remaining()) overrun(n);
    const uint64_t v = load_uint(data_.data() + pos_, n, big_endian_);
    pos_ += n;
    return v;
  }
  // A signed integer of n bytes (1..8), sign-extended.
  int64_t sint(size_t n) {
    const uint64_t v = uint(n);
    if (n >= 8) return static_cast<int64_t>(v);
    const uint64_t sign = uint64_t{1} << (n * 8 - 1);
    return static_cast<int64_t>((v ^ sign) - sign);
  }

  // DWARF LEB128; more than 10 bytes (a value over 64 bits) is malformed.
  uint64_t uleb128() {
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 70; shift += 7) {
      const uint8_t b = u8();
      if (shift == 63 && (b & 0x7e) != 0) break;
      v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) return v;
    }
    throw ByteRangeError(std::string(what_) + ": LEB128 number longer than 64 bits");
  }
  int64_t sleb128() {
    uint64_t v = 0;
    unsigned shift = 0;
    for (; shift < 70; shift += 7) {
      const uint8_t b = u8();
      if (shift < 64) v |= static_cast<uint64_t>(b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        if (shift + 7 < 64 && (b & 0x40)) v |= ~uint64_t{0} << (shift + 7);
        return static_cast<int64_t>(v);
      }
    }
    throw ByteRangeError(std::string(what_) + ": LEB128 number longer than 64 bits");
  }

  std::string_view bytes(uint64_t n) {
    if (n > remaining()) overrun(n);
    const std::string_view s = data_.substr(pos_, static_cast<size_t>(n));
    pos_ += static_cast<size_t>(n);
    return s;
  }
  // Bytes up to a NUL, which is consumed and not returned; no NUL before the end is malformed.
  std::string_view cstring() {
    const size_t nul = data_.find('\0', pos_);
    if (nul == std::string_view::npos)
      throw ByteRangeError(std::string(what_) + ": string at offset " + std::to_string(pos_) + " is not terminated");
    const std::string_view s = data_.substr(pos_, nul - pos_);
    pos_ = nul + 1;
    return s;
  }

 private:
  [[noreturn]] void overrun(uint64_t wanted) const {
    throw ByteRangeError(std::string(what_) + ": truncated (" + std::to_string(wanted) + " bytes wanted at offset " +
                         std::to_string(pos_) + ", " + std::to_string(remaining()) + " left)");
  }

  std::string_view data_;
  bool big_endian_;
  std::string_view what_;
  size_t pos_ = 0;
};

}  // namespace mdbc::binary
