#include "cli/args.h"

#include <algorithm>
#include <charconv>

namespace mdbc::cli {

std::string ParsedArgs::value(std::string_view name, std::string fallback) const {
  const auto it = options_.find(name);
  return it == options_.end() || it->second.empty() ? fallback : it->second.back();
}

std::vector<std::string> ParsedArgs::values(std::string_view name) const {
  const auto it = options_.find(name);
  return it == options_.end() ? std::vector<std::string>{} : it->second;
}

std::optional<uint64_t> parse_unsigned(std::string_view text) {
  int base = 10;
  if (text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    base = 16;
    text.remove_prefix(2);
  }
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v, base);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return v;
}

uint64_t ParsedArgs::number(std::string_view name, uint64_t fallback) const {
  if (!has(name)) return fallback;
  const std::string v = value(name);
  if (auto n = parse_unsigned(v)) return *n;
  throw UsageError("--" + std::string(name) + " takes a number (decimal or 0x hex), not '" + v + "'");
}

ParsedArgs parse_args(std::span<const std::string> args, std::span<const OptionSpec> specs) {
  ParsedArgs out;
  bool options_done = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (options_done || a == "-" || a.empty() || a[0] != '-') {
      out.positionals_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    const OptionSpec* spec = nullptr;
    std::string inline_value;
    bool has_inline = false;
    if (a.starts_with("--")) {
      std::string_view name = std::string_view(a).substr(2);
      if (const size_t eq = name.find('='); eq != std::string_view::npos) {
        inline_value = std::string(name.substr(eq + 1));
        has_inline = true;
        name = name.substr(0, eq);
      }
      for (const auto& s : specs)
        if (s.name == name) spec = &s;
      if (spec == nullptr) throw UsageError("unknown option '--" + std::string(name) + "'");
    } else {
      if (a.size() != 2) throw UsageError("unknown option '" + a + "'");
      for (const auto& s : specs)
        if (s.short_name != 0 && s.short_name == a[1]) spec = &s;
      if (spec == nullptr) throw UsageError("unknown option '" + a + "'");
    }
    auto& slot = out.options_[std::string(spec->name)];
    if (!spec->takes_value) {
      if (has_inline) throw UsageError("option '--" + std::string(spec->name) + "' takes no value");
      slot.emplace_back();
      continue;
    }
    if (has_inline) {
      slot.push_back(inline_value);
    } else {
      if (i + 1 >= args.size()) throw UsageError("option '--" + std::string(spec->name) + "' needs a value");
      slot.push_back(args[++i]);
    }
  }
  return out;
}

namespace {
std::vector<Command>& command_list() {
  static std::vector<Command> list;
  return list;
}
}  // namespace

void register_command(Command c) {
  auto& list = command_list();
  list.push_back(c);
  std::sort(list.begin(), list.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
}

std::span<const Command> commands() { return command_list(); }

}  // namespace mdbc::cli
