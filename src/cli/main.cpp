// mdbc: the Medical Device Building Code made executable. Dispatches to a command.
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "cli/args.h"
#include "core/error.h"
#include "core/text.h"
#include "report/report.h"

namespace {

void print_help() {
  std::string o = R"(NAME
    mdbc - inspector for the medical device building code

SYNOPSIS
    mdbc COMMAND [OPTIONS] [ARGS]
    mdbc --help | --version

DESCRIPTION
    mdbc inspects medical-device software against a building code for software security: during
    construction (source trees) and on the finished product (executables, firmware images). Each
    element of the code gets a straightforward verdict from evidence, and the whole inspection
    meets the code or does not.

COMMANDS
)";
  for (const auto& c : mdbc::cli::commands()) {
    char line[256];
    std::snprintf(line, sizeof line, "    %-10s %s\n", std::string(c.name).c_str(), std::string(c.summary).c_str());
    o += line;
  }
  o += R"(
    Run 'mdbc COMMAND --help' for a command's options.

EXIT STATUS
    0   success; for inspect: meets the code
    1   for inspect: does not meet the code; for verify: the image or signature is not valid
    2   usage error, or an input that cannot be read or parsed
)";
  std::fputs(o.c_str(), stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    if (args.size() < 2) {
      print_help();
      return args.empty() ? 2 : 0;
    }
  }
  if (args[0] == "--version") {
    std::printf("%s %s\n", mdbc::report::tool_name, mdbc::report::tool_version);
    return 0;
  }
  const bool help_for = args[0] == "help";
  const std::string name = help_for ? args[1] : args[0];
  for (const auto& c : mdbc::cli::commands()) {
    if (c.name != name) continue;
    try {
      if (help_for) {
        const std::string h = "--help";
        return c.run(std::span<const std::string>(&h, 1));
      }
      return c.run(std::span<const std::string>(args).subspan(1));
    } catch (const mdbc::cli::UsageError& e) {
      std::fprintf(stderr, "mdbc %s: %s (see 'mdbc %s --help')\n", name.c_str(), mdbc::printable(e.what(), false).c_str(), name.c_str());
      return 2;
    } catch (const mdbc::InputError& e) {
      std::fprintf(stderr, "mdbc: %s\n", mdbc::printable(e.what(), false).c_str());
      return 2;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "mdbc: internal error: %s\n", mdbc::printable(e.what(), false).c_str());
      return 2;
    }
  }
  std::fprintf(stderr, "mdbc: unknown command '%s' (see 'mdbc --help')\n", name.c_str());
  return 2;
}
