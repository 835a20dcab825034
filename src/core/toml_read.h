#pragma once
// Strict reading of TOML tables for mdbc's own files (mdbc.toml, code/): every key must be known
// and of the right type; errors name the file, line and key.
#include <set>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "core/error.h"

namespace mdbc::tomlread {

[[noreturn]] void fail(const std::string& file, const toml::node& at, const std::string& what);

// Checks that `table` holds no key outside `known`.
void only_keys(const std::string& file, const toml::table& table, const std::set<std::string>& known);

std::string get_string(const std::string& file, const toml::table& t, const char* key, bool required);
bool get_bool(const std::string& file, const toml::table& t, const char* key, bool fallback);
double get_number(const std::string& file, const toml::table& t, const char* key, double fallback);
std::vector<std::string> get_strings(const std::string& file, const toml::table& t, const char* key);
// An array of tables (`[[key]]`); empty when absent.
std::vector<const toml::table*> get_tables(const std::string& file, const toml::table& t, const char* key);
const toml::table* get_table(const std::string& file, const toml::table& t, const char* key);

toml::table parse(std::string_view text, const std::string& file);

}  // namespace mdbc::tomlread
