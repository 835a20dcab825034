#pragma once
// Command-line parsing shared by every mdbc command: GNU-style long options (--name value,
// --name=value), optional one-letter aliases, positionals, "--" ending options.
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace mdbc::cli {

// A usage mistake: printed as one line with a pointer to --help, exit 2.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string_view name;  // without dashes: "profile"
  bool takes_value = false;
  char short_name = 0;    // e.g. 'o' for -o
};

class ParsedArgs {
 public:
  bool has(std::string_view name) const { return options_.count(std::string(name)) > 0; }
  // The last value given for the option, or `fallback`.
  std::string value(std::string_view name, std::string fallback = {}) const;
  std::vector<std::string> values(std::string_view name) const;
  const std::vector<std::string>& positionals() const { return positionals_; }
  // Parses an unsigned integer option (decimal or 0x hex); UsageError when malformed.
  uint64_t number(std::string_view name, uint64_t fallback) const;

 private:
  friend ParsedArgs parse_args(std::span<const std::string>, std::span<const OptionSpec>);
  std::map<std::string, std::vector<std::string>, std::less<>> options_;
  std::vector<std::string> positionals_;
};

ParsedArgs parse_args(std::span<const std::string> args, std::span<const OptionSpec> specs);

// Parses "123" or "0x1F" as an unsigned 64-bit number; nullopt when malformed or out of range.
std::optional<uint64_t> parse_unsigned(std::string_view text);

// A command: `mdbc NAME …`. Commands register themselves with MDBC_COMMAND.
struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `mdbc --help`
  int (*run)(std::span<const std::string> args);  // args after the command name; returns the exit code
};

void register_command(Command c);
std::span<const Command> commands();

}  // namespace mdbc::cli

#define MDBC_COMMAND(ident, name, summary, fn)                                                    \
  namespace {                                                                                     \
  const bool ident##_command_registered = (::mdbc::cli::register_command({name, summary, fn}), true); \
  }
