#include "inspect/image/intel_hex.h"

#include <algorithm>
#include <map>

#include "core/error.h"

namespace mdbc::ihex {
namespace {

enum RecordType : uint8_t {
  data_record = 0,
  end_record = 1,
  extended_segment_address = 2,
  start_segment_address = 3,
  extended_linear_address = 4,
  start_linear_address = 5,
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

struct Record {
  uint8_t type = 0;
  uint16_t offset = 0;
  std::string data;
};

// Parses one line (without its line ending). Returns an error text, or empty on success.
std::string parse_record(std::string_view line, Record& r) {
  if (line.empty() || line[0] != ':') return "a record must start with ':'";
  line.remove_prefix(1);
  if (line.size() % 2 != 0) return "odd number of hex digits";
  std::string bytes;
  bytes.reserve(line.size() / 2);
  for (size_t i = 0; i < line.size(); i += 2) {
    const int hi = hex_value(line[i]), lo = hex_value(line[i + 1]);
    if (hi < 0 || lo < 0) return "not a hex digit";
    bytes += static_cast<char>((hi << 4) | lo);
  }
  if (bytes.size() < 5) return "record too short";
  const auto u = [&](size_t i) { return static_cast<uint8_t>(bytes[i]); };
  const size_t count = u(0);
  if (bytes.size() != count + 5)
    return "record length " + std::to_string(count) + " does not match its " + std::to_string(bytes.size() - 5) +
           " data bytes";
  uint8_t sum = 0;
  for (unsigned char c : bytes) sum = static_cast<uint8_t>(sum + c);
  if (sum != 0) return "checksum mismatch";
  r.offset = static_cast<uint16_t>((u(1) << 8) | u(2));
  r.type = u(3);
  r.data = bytes.substr(4, count);
  return {};
}

uint32_t be_value(std::string_view d) {
  uint32_t v = 0;
  for (unsigned char c : d) v = (v << 8) | c;
  return v;
}

std::string_view strip_cr(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line;
}

std::string_view trim_left(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  return s;
}

// Data laid down by address, as a programmer writes it: a later record over an earlier one where
// they overlap, as objcopy and avrdude do (Arduino's optiboot bootloaders rewrite their last two
// bytes, the version, with a record of their own). A record holds at most 255 bytes, so cutting
// the runs it covers copies at most that much.
using Runs = std::map<uint64_t, std::string>;  // by address; never overlapping

void lay_down(Runs& runs, uint64_t address, std::string bytes) {
  const uint64_t end = address + bytes.size();
  auto it = runs.upper_bound(address);
  if (it != runs.begin() && std::prev(it)->first + std::prev(it)->second.size() > address) --it;
  while (it != runs.end() && it->first < end) {
    if (it->first + it->second.size() > end) runs.emplace(end, it->second.substr(static_cast<size_t>(end - it->first)));
    if (it->first < address) {
      it->second.resize(static_cast<size_t>(address - it->first));
      ++it;
    } else {
      it = runs.erase(it);
    }
  }
  runs.emplace(address, std::move(bytes));
}

std::string hex_address(uint64_t a) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  do {
    out.insert(out.begin(), digits[a & 15]);
    a >>= 4;
  } while (a != 0);
  return "0x" + out;
}

void put_record(std::string& out, uint8_t type, uint16_t offset, std::string_view data) {
  static constexpr char digits[] = "0123456789ABCDEF";
  uint8_t sum = 0;
  auto put = [&](uint8_t b) {
    out += digits[b >> 4];
    out += digits[b & 15];
    sum = static_cast<uint8_t>(sum + b);
  };
  out += ':';
  put(static_cast<uint8_t>(data.size()));
  put(static_cast<uint8_t>(offset >> 8));
  put(static_cast<uint8_t>(offset & 0xff));
  put(type);
  for (unsigned char c : data) put(c);
  put(static_cast<uint8_t>(-sum));
  out += '\n';
}

}  // namespace

bool looks_like_intel_hex(std::string_view head) {
  size_t i = 0;
  while (i < head.size() && (head[i] == '\n' || head[i] == '\r' || head[i] == ' ' || head[i] == '\t')) ++i;
  if (i >= head.size() || head[i] != ':') return false;
  // The first record's header: length, address and a record type (00 to 05), eight hex digits.
  // What follows is decode()'s to judge, so that a HEX file whose first record is bad is an input
  // error naming its line rather than a file nobody inspects.
  const std::string_view header = head.substr(i + 1, 8);
  if (header.size() < 8 || !std::all_of(header.begin(), header.end(), [](char c) { return hex_value(c) >= 0; })) return false;
  return header[6] == '0' && header[7] >= '0' && header[7] <= '5';
}

std::string first_record_data(std::string_view head) {
  size_t begin = 0;
  while (begin < head.size()) {
    const size_t nl = head.find('\n', begin);
    if (nl == std::string_view::npos) return {};  // the line may be cut: not judged
    const std::string_view line = trim_left(strip_cr(head.substr(begin, nl - begin)));
    begin = nl + 1;
    if (line.empty()) continue;
    Record r;
    if (!parse_record(line, r).empty()) return {};
    if (r.type == data_record) return r.data;
    if (r.type != extended_linear_address && r.type != extended_segment_address && r.type != start_linear_address &&
        r.type != start_segment_address)
      return {};
  }
  return {};
}

Image decode(std::string_view text, const std::string& path, uint64_t max_bytes) {
  Image image;
  Runs runs;
  uint64_t base = 0, total = 0;
  bool ended = false;
  size_t line_no = 0, begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = trim_left(strip_cr(text.substr(begin, nl - begin)));
    begin = nl + 1;
    ++line_no;
    if (line.empty()) continue;
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    if (ended) throw InputError(where + "data after the Intel HEX end record");
    Record r;
    if (const std::string err = parse_record(line, r); !err.empty()) throw InputError(where + err);
    switch (r.type) {
      case data_record:
        if (r.data.empty()) break;
        total += r.data.size();
        if (total > max_bytes)
          throw InputError(where + "more than " + std::to_string(max_bytes) + " bytes of data");
        lay_down(runs, base + r.offset, std::move(r.data));
        break;
      case end_record:
        if (!r.data.empty()) throw InputError(where + "end record with data");
        ended = true;
        break;
      case extended_segment_address:
        if (r.data.size() != 2) throw InputError(where + "extended segment address record needs 2 bytes");
        base = static_cast<uint64_t>(be_value(r.data)) << 4;
        break;
      case extended_linear_address:
        if (r.data.size() != 2) throw InputError(where + "extended linear address record needs 2 bytes");
        base = static_cast<uint64_t>(be_value(r.data)) << 16;
        break;
      case start_segment_address:
      case start_linear_address:
        if (r.data.size() != 4) throw InputError(where + "start address record needs 4 bytes");
        image.start_address = be_value(r.data);
        break;
      default:
        throw InputError(where + "unknown record type " + std::to_string(r.type));
    }
  }
  if (!ended) throw InputError(path + ": no Intel HEX end record (truncated file?)");

  for (auto& [address, bytes] : runs) {
    if (!image.segments.empty()) {
      Segment& last = image.segments.back();
      if (last.address + last.bytes.size() == address) {
        last.bytes += bytes;
        continue;
      }
    }
    image.segments.push_back({address, std::move(bytes)});
  }
  return image;
}

std::string flatten(const Image& image, uint64_t max_size, const std::string& path) {
  if (image.segments.empty()) throw InputError(path + ": the Intel HEX file holds no data");
  const uint64_t base = image.segments.front().address;
  const Segment& last = image.segments.back();
  const uint64_t span = last.address + last.bytes.size() - base;
  if (span > max_size)
    throw InputError(path + ": its data spans " + std::to_string(span) + " bytes from " + hex_address(base) +
                     ", over the " + std::to_string(max_size) + "-byte limit");
  std::string out(static_cast<size_t>(span), '\xff');
  for (const auto& s : image.segments) out.replace(static_cast<size_t>(s.address - base), s.bytes.size(), s.bytes);
  return out;
}

std::string encode(const Image& image) {
  std::string out;
  uint64_t max_address = 0;
  for (const auto& s : image.segments)
    if (!s.bytes.empty()) max_address = std::max(max_address, s.address + s.bytes.size() - 1);
  if (max_address > 0xffffffffull) throw InputError("Intel HEX cannot hold data above 0xffffffff");
  if (image.start_address) {
    const uint32_t a = *image.start_address;
    const char eip[4] = {static_cast<char>(a >> 24), static_cast<char>(a >> 16), static_cast<char>(a >> 8),
                         static_cast<char>(a)};
    put_record(out, start_linear_address, 0, std::string_view(eip, 4));
  }
  // As the IntelHex library writes: records of up to 16 bytes that never cross a 64 KiB boundary,
  // and, when any data lies above 64 KiB, an extended linear address record per 64 KiB block.
  const bool linear_records = max_address > 0xffff;
  uint64_t block = ~0ull;
  for (const auto& s : image.segments) {
    for (size_t i = 0; i < s.bytes.size();) {
      const uint64_t address = s.address + i;
      if (linear_records && (address >> 16) != block) {
        block = address >> 16;
        const char upper[2] = {static_cast<char>(block >> 8), static_cast<char>(block & 0xff)};
        put_record(out, extended_linear_address, 0, std::string_view(upper, 2));
      }
      const uint64_t low = address & 0xffff;
      const size_t n = static_cast<size_t>(std::min<uint64_t>({16, 0x10000 - low, s.bytes.size() - i}));
      put_record(out, data_record, static_cast<uint16_t>(low), std::string_view(s.bytes).substr(i, n));
      i += n;
    }
  }
  out += ":00000001FF\n";
  return out;
}

}  // namespace mdbc::ihex
