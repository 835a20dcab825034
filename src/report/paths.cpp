#include "report/paths.h"

#include <filesystem>

#include "core/text.h"

namespace mdbc::report {

std::string raw_path(std::string_view shown) {
  const auto hex_value = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(shown.size());
  for (size_t i = 0; i < shown.size(); ++i) {
    const char c = shown[i];
    if (c != '\\' || i + 1 >= shown.size()) {
      out += c;
      continue;
    }
    const char next = shown[i + 1];
    if (next == '\\') out += '\\', ++i;
    else if (next == 'n') out += '\n', ++i;
    else if (next == 't') out += '\t', ++i;
    else if (next == 'x' && i + 3 < shown.size() && hex_value(shown[i + 2]) >= 0 && hex_value(shown[i + 3]) >= 0) {
      out += static_cast<char>(hex_value(shown[i + 2]) * 16 + hex_value(shown[i + 3]));
      i += 3;
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode_path(std::string_view raw) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(raw.size());
  for (const char ch : raw) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace {

std::filesystem::path absolute_normal(const std::string& p) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(p.empty() ? std::string(".") : p, ec);
  if (ec) abs = p;
  abs = abs.lexically_normal();
  // "dir/" normalises to "dir/" with an empty file name; drop it so filename() names the directory.
  if (!abs.has_filename() && abs.has_relative_path()) abs = abs.parent_path();
  return abs;
}

}  // namespace

std::string paths_base_directory(const Inspection& in) {
  std::error_code ec;
  if (in.roots.size() == 1 && std::filesystem::is_directory(in.roots.front(), ec))
    return absolute_normal(in.roots.front()).string();
  return absolute_normal(".").string();
}

std::string file_uri_of_directory(const std::string& absolute_dir) {
  std::string uri = "file://" + percent_encode_path(absolute_dir);
  if (!uri.ends_with('/')) uri += '/';
  return uri;
}

std::string inspected_name(const Inspection& in) {
  std::string name;
  for (const auto& root : in.roots) {
    const std::filesystem::path abs = absolute_normal(root);
    const std::string part = abs.has_filename() ? abs.filename().string() : abs.string();
    name += (name.empty() ? "" : " + ") + printable(part);
  }
  return name.empty() ? "unnamed" : name;
}

}  // namespace mdbc::report
