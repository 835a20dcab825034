#include "core/toml_read.h"

namespace mdbc::tomlread {

void fail(const std::string& file, const toml::node& at, const std::string& what) {
  const auto line = at.source().begin.line;
  throw InputError(file + (line ? ":" + std::to_string(line) : std::string()) + ": " + what);
}

void only_keys(const std::string& file, const toml::table& table, const std::set<std::string>& known) {
  for (const auto& [key, value] : table)
    if (!known.count(std::string(key.str()))) fail(file, value, "unknown key '" + std::string(key.str()) + "'");
}

std::string get_string(const std::string& file, const toml::table& t, const char* key, bool required) {
  const toml::node* n = t.get(key);
  if (n == nullptr) {
    if (required) fail(file, t, std::string("missing key '") + key + "'");
    return {};
  }
  if (const auto* s = n->as_string()) return s->get();
  fail(file, *n, std::string("key '") + key + "' must be a string");
}

bool get_bool(const std::string& file, const toml::table& t, const char* key, bool fallback) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return fallback;
  if (const auto* b = n->as_boolean()) return b->get();
  fail(file, *n, std::string("key '") + key + "' must be true or false");
}

double get_number(const std::string& file, const toml::table& t, const char* key, double fallback) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return fallback;
  if (const auto* f = n->as_floating_point()) return f->get();
  if (const auto* i = n->as_integer()) return static_cast<double>(i->get());
  fail(file, *n, std::string("key '") + key + "' must be a number");
}

std::vector<std::string> get_strings(const std::string& file, const toml::table& t, const char* key) {
  std::vector<std::string> out;
  const toml::node* n = t.get(key);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) fail(file, *n, std::string("key '") + key + "' must be an array of strings");
  for (const auto& item : *arr) {
    const auto* s = item.as_string();
    if (s == nullptr) fail(file, item, std::string("key '") + key + "' must hold only strings");
    out.push_back(s->get());
  }
  return out;
}

std::vector<const toml::table*> get_tables(const std::string& file, const toml::table& t, const char* key) {
  std::vector<const toml::table*> out;
  const toml::node* n = t.get(key);
  if (n == nullptr) return out;
  const auto* arr = n->as_array();
  if (arr == nullptr) fail(file, *n, std::string("'") + key + "' must be an array of tables ([[" + key + "]])");
  for (const auto& item : *arr) {
    const auto* tbl = item.as_table();
    if (tbl == nullptr) fail(file, item, std::string("'") + key + "' must hold only tables");
    out.push_back(tbl);
  }
  return out;
}

const toml::table* get_table(const std::string& file, const toml::table& t, const char* key) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return nullptr;
  const auto* tbl = n->as_table();
  if (tbl == nullptr) fail(file, *n, std::string("'") + key + "' must be a table");
  return tbl;
}

toml::table parse(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw InputError(file + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
  }
}

}  // namespace mdbc::tomlread
