#include "sign/sample_keys.h"

#include <stdexcept>
#include <vector>

#include "core/embedded.h"

namespace mdbc::sign {
namespace {

constexpr std::string_view list_path = "data/known-sample-keys.tsv";

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    const size_t end = line.find(sep, start);
    out.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

// "-" means no public key; otherwise lowercase hex of `bytes` bytes.
std::string unhex(std::string_view text, size_t bytes, size_t line) {
  if (text == "-") return {};
  const auto nibble = [](char c) { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
  if (text.size() != bytes * 2)
    throw std::runtime_error(std::string(list_path) + ":" + std::to_string(line) + ": digest of the wrong length");
  std::string out;
  for (size_t i = 0; i < text.size(); i += 2) {
    const int hi = nibble(text[i]), lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0)
      throw std::runtime_error(std::string(list_path) + ":" + std::to_string(line) + ": digest is not lowercase hex");
    out += static_cast<char>(hi << 4 | lo);
  }
  return out;
}

std::vector<SampleKey> load() {
  const auto text = embedded::find(list_path);
  if (!text) throw std::runtime_error(std::string(list_path) + " is not compiled in");
  std::vector<SampleKey> keys;
  std::vector<std::string_view> columns;
  size_t line_no = 0;
  for (std::string_view line : split(*text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto cells = split(line, '\t');
    if (columns.empty()) {
      columns = cells;
      continue;
    }
    if (cells.size() != columns.size())
      throw std::runtime_error(std::string(list_path) + ":" + std::to_string(line_no) + ": wrong number of columns");
    const auto cell = [&](std::string_view name) -> std::string_view {
      for (size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name) return cells[i];
      throw std::runtime_error(std::string(list_path) + ": no column '" + std::string(name) + "'");
    };
    SampleKey k;
    k.source_repo = cell("source_repo");
    k.path = cell("path");
    k.key_type = cell("key_type");
    k.role = cell("role");
    k.spki_sha256 = unhex(cell("spki_sha256"), 32, line_no);
    k.keyhash_sha256 = unhex(cell("imgtool_keyhash_sha256"), 32, line_no);
    k.keyhash_sha384 = unhex(cell("imgtool_keyhash_sha384"), 48, line_no);
    k.keyhash_sha512 = unhex(cell("imgtool_keyhash_sha512"), 64, line_no);
    keys.push_back(std::move(k));
  }
  return keys;
}

}  // namespace

std::span<const SampleKey> sample_keys() {
  static const std::vector<SampleKey> keys = load();
  return keys;
}

const SampleKey* find_sample_key(std::string_view raw_digest) {
  if (raw_digest.empty()) return nullptr;
  for (const auto& k : sample_keys())
    if (k.spki_sha256 == raw_digest || k.keyhash_sha256 == raw_digest || k.keyhash_sha384 == raw_digest ||
        k.keyhash_sha512 == raw_digest)
      return &k;
  return nullptr;
}

}  // namespace mdbc::sign
