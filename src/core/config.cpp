#include "core/config.h"

#include <cstdio>

#include "core/file_io.h"
#include "core/toml_read.h"

namespace mdbc {
namespace {

constexpr size_t max_config_size = 1 << 20;

Date read_date(const std::string& file, const toml::table& t) {
  const toml::node* n = t.get("expires");
  if (n == nullptr) tomlread::fail(file, t, "variance needs 'expires' (a date, YYYY-MM-DD)");
  char buf[16];
  if (const auto* d = n->as_date()) {
    const auto v = d->get();
    std::snprintf(buf, sizeof buf, "%04u-%02u-%02u", unsigned(v.year), unsigned(v.month), unsigned(v.day));
    return buf;
  }
  if (const auto* s = n->as_string())
    if (is_date(s->get())) return s->get();
  tomlread::fail(file, *n, "key 'expires' must be a date (YYYY-MM-DD)");
}

Variance read_variance(const std::string& file, const toml::table& t) {
  tomlread::only_keys(file, t, {"fingerprint", "element", "path", "justification", "reviewer", "expires"});
  Variance v;
  v.fingerprint = tomlread::get_string(file, t, "fingerprint", false);
  v.element = tomlread::get_string(file, t, "element", false);
  v.path_glob = tomlread::get_string(file, t, "path", false);
  v.justification = tomlread::get_string(file, t, "justification", true);
  v.reviewer = tomlread::get_string(file, t, "reviewer", true);
  v.expires = read_date(file, t);
  v.config_line = static_cast<int>(t.source().begin.line);
  if (v.fingerprint.empty() == v.element.empty())
    tomlread::fail(file, t, "variance needs exactly one of 'fingerprint' or 'element'");
  if (!v.fingerprint.empty() && !v.path_glob.empty())
    tomlread::fail(file, t, "variance 'path' goes with 'element', not with 'fingerprint'");
  if (v.justification.empty() || v.reviewer.empty())
    tomlread::fail(file, t, "variance needs a non-empty 'justification' and 'reviewer'");
  return v;
}

}  // namespace

Config parse_config(std::string_view text, const std::string& path) {
  const toml::table root = tomlread::parse(text, path);
  tomlread::only_keys(path, root, {"profile", "exclude", "log", "image", "component", "variance"});
  Config c;
  c.source_path = path;
  if (root.contains("profile")) c.profile = tomlread::get_string(path, root, "profile", true);
  c.exclude = tomlread::get_strings(path, root, "exclude");
  if (const auto* log = tomlread::get_table(path, root, "log")) {
    tomlread::only_keys(path, *log, {"functions"});
    c.log_functions = tomlread::get_strings(path, *log, "functions");
  }
  if (const auto* image = tomlread::get_table(path, root, "image")) {
    tomlread::only_keys(path, *image, {"trust_keys"});
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    for (const auto& key : tomlread::get_strings(path, *image, "trust_keys"))
      c.trust_keys.push_back(key.starts_with('/') ? key : folder + key);
  }
  for (const auto* t : tomlread::get_tables(path, root, "component")) {
    tomlread::only_keys(path, *t, {"name", "path", "version"});
    Component comp;
    comp.name = tomlread::get_string(path, *t, "name", true);
    comp.path = tomlread::get_string(path, *t, "path", true);
    comp.version = tomlread::get_string(path, *t, "version", false);
    comp.evidence = "declared in " + path;
    c.components.push_back(std::move(comp));
  }
  for (const auto* t : tomlread::get_tables(path, root, "variance")) c.variances.push_back(read_variance(path, *t));
  return c;
}

Config load_config(const std::string& path) { return parse_config(read_file(path, max_config_size), path); }

}  // namespace mdbc
