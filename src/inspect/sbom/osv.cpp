#include "inspect/sbom/osv.h"

#include <algorithm>
#include <cctype>

#include <nlohmann/json.hpp>

#include "core/error.h"
#include "core/file_io.h"
#include "core/text.h"
#include "inspect/sbom/version.h"

namespace mdbc::sbom {
namespace {

using nlohmann::json;

constexpr size_t max_depth = 64;  // OSV records are about six levels deep

[[noreturn]] void bad(const std::string& path, const std::string& what) {
  throw InputError(path + ": not OSV vulnerability data: " + what);
}

// Nesting depth of JSON text, counted before parsing so that hostile nesting costs nothing.
size_t nesting(std::string_view text) {
  size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

std::string string_at(const json& o, const char* key, const std::string& where, const std::string& path, bool required) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) {
    if (required) bad(path, where + " has no \"" + key + "\"");
    return {};
  }
  if (!it->is_string()) bad(path, where + ": \"" + key + "\" is not a string");
  return it->get<std::string>();
}

const json* array_at(const json& o, const char* key, const std::string& where, const std::string& path) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return nullptr;
  if (!it->is_array()) bad(path, where + ": \"" + key + "\" is not an array");
  return &*it;
}

OsvRecord record(const json& v, const std::string& where, const std::string& path) {
  if (!v.is_object()) bad(path, where + " is not an object");
  OsvRecord r;
  r.id = printable(string_at(v, "id", where, path, true));
  r.summary = printable(string_at(v, "summary", where, path, false));
  if (const json* aliases = array_at(v, "aliases", where, path))
    for (const auto& a : *aliases) {
      if (!a.is_string()) bad(path, where + ": an alias is not a string");
      r.aliases.push_back(printable(a.get<std::string>()));
    }
  if (const json* affected = array_at(v, "affected", where, path))
    for (size_t i = 0; i < affected->size(); ++i) {
      const json& a = (*affected)[i];
      const std::string at = where + ", affected[" + std::to_string(i) + "]";
      if (!a.is_object()) bad(path, at + " is not an object");
      OsvAffected out;
      if (const auto pkg = a.find("package"); pkg != a.end() && !pkg->is_null()) {
        if (!pkg->is_object()) bad(path, at + ": \"package\" is not an object");
        out.package_name = string_at(*pkg, "name", at + ".package", path, false);
        out.purl = string_at(*pkg, "purl", at + ".package", path, false);
      }
      if (const json* versions = array_at(a, "versions", at, path))
        for (const auto& ver : *versions) {
          if (!ver.is_string()) bad(path, at + ": a version is not a string");
          out.versions.push_back(ver.get<std::string>());
        }
      if (const json* ranges = array_at(a, "ranges", at, path))
        for (const auto& range : *ranges) {
          if (!range.is_object()) bad(path, at + ": a range is not an object");
          const std::string type = string_at(range, "type", at + ", range", path, true);
          const json* events = array_at(range, "events", at + ", range", path);
          if (events == nullptr) bad(path, at + ", range has no \"events\"");
          if (type != "SEMVER" && type != "ECOSYSTEM") continue;  // GIT: commits, not versions
          OsvRange parsed;
          for (const auto& e : *events) {
            if (!e.is_object() || e.size() != 1) bad(path, at + ": an event is not an object with one key");
            const auto first = e.begin();  // (not items(): its proxy would not outlive this line)
            const std::string& key = first.key();
            const json& value = first.value();
            if (!value.is_string()) bad(path, at + ": event \"" + key + "\" is not a string");
            OsvEvent::Kind kind;
            if (key == "introduced") kind = OsvEvent::introduced;
            else if (key == "fixed") kind = OsvEvent::fixed;
            else if (key == "last_affected") kind = OsvEvent::last_affected;
            else if (key == "limit") kind = OsvEvent::limit;
            else bad(path, at + ": unknown event \"" + printable(key) + "\"");
            parsed.events.push_back({kind, value.get<std::string>()});
          }
          out.ranges.push_back(std::move(parsed));
        }
      r.affected.push_back(std::move(out));
    }
  return r;
}

std::string normalised(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  // Names the same project goes by in vulnerability feeds.
  static constexpr std::pair<std::string_view, std::string_view> aliases[] = {
      {"libcurl", "curl"}, {"linuxkernel", "linux"}, {"kernel", "linux"}, {"freertoskernel", "freertos"},
      {"mbedcrypto", "mbedtls"}, {"libmbedtls", "mbedtls"}, {"libwolfssl", "wolfssl"}, {"zlib1g", "zlib"}};
  for (const auto& [alias, name_] : aliases)
    if (out == alias) return std::string(name_);
  return out;
}

// The name part of a package URL: pkg:type/namespace/name@version?qualifiers#subpath.
std::string purl_name(std::string_view purl) {
  if (!purl.starts_with("pkg:")) return {};
  purl.remove_prefix(4);
  purl = purl.substr(0, purl.find_first_of("@?#"));
  const size_t slash = purl.rfind('/');
  return slash == std::string_view::npos ? std::string() : std::string(purl.substr(slash + 1));
}

bool same_package(const OsvAffected& a, const Component& c) {
  const std::string name = normalised(c.name);
  if (!a.package_name.empty() && normalised(a.package_name) == name) return true;
  const std::string from_purl = purl_name(a.purl);
  return !from_purl.empty() && normalised(from_purl) == name;
}

// OSV's evaluation: events sorted by version ("0" first), the last one that applies decides.
bool in_range(const OsvRange& range, const std::string& version, std::string& fixed) {
  std::vector<OsvEvent> events = range.events;
  auto key = [](const OsvEvent& e) { return e.kind == OsvEvent::introduced && e.version == "0"; };
  std::stable_sort(events.begin(), events.end(), [&](const OsvEvent& a, const OsvEvent& b) {
    if (key(a) != key(b)) return key(a);
    return compare_versions(a.version, b.version) < 0;
  });
  bool affected = false;
  std::string fix;
  for (const auto& e : events) {
    const int c = key(e) ? 1 : compare_versions(version, e.version);
    if (e.kind == OsvEvent::introduced && c >= 0) affected = true, fix.clear();
    else if (e.kind == OsvEvent::fixed && c >= 0) affected = false;
    else if (e.kind == OsvEvent::last_affected && c > 0) affected = false;
    else if (e.kind == OsvEvent::fixed && affected && fix.empty()) fix = e.version;
  }
  if (affected) fixed = fix;
  return affected;
}

}  // namespace

std::vector<OsvRecord> parse_osv(std::string_view text, const std::string& path) {
  if (nesting(text) > max_depth) bad(path, "nested deeper than " + std::to_string(max_depth) + " levels");
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::exception& e) {
    throw InputError(path + ": not valid JSON: " + printable(e.what()));
  }
  const json* list = &doc;
  if (doc.is_object() && doc.contains("vulns")) {
    list = &doc["vulns"];
    if (!list->is_array()) bad(path, "\"vulns\" is not an array");
  }
  std::vector<OsvRecord> out;
  if (list->is_array()) {
    for (size_t i = 0; i < list->size(); ++i) out.push_back(record((*list)[i], "record " + std::to_string(i + 1), path));
  } else if (list->is_object()) {
    out.push_back(record(*list, "the record", path));
  } else {
    bad(path, "expected an OSV record, an array of them, or {\"vulns\": [...]}");
  }
  return out;
}

std::vector<OsvRecord> load_osv(const std::string& path) { return parse_osv(read_file(path, 256ull << 20), path); }

bool affects(const OsvRecord& record, const Component& component, std::string& fixed) {
  if (component.version.empty()) return false;
  for (const auto& a : record.affected) {
    if (!same_package(a, component)) continue;
    for (const auto& v : a.versions)
      if (v == component.version || compare_versions(v, component.version) == 0) {
        fixed.clear();
        return true;
      }
    for (const auto& r : a.ranges)
      if (in_range(r, component.version, fixed)) return true;
  }
  return false;
}

}  // namespace mdbc::sbom
