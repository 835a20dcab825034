// CODE-3: no command runs through a shell. system() and popen() always use one (system(NULL)
// only asks whether a shell exists); exec-family and posix_spawn calls do when the program they
// start, or its argv[0], is a shell (the program followed wherever the file sets it: see
// program_path); wordexp() runs command substitutions unless WRDE_NOCMD is given. A shell given
// as a variable path with "-c" is beyond what the rule can see (it does not treat "-c" alone as a
// shell: gzip -c and many other programs use it). Windows: WinExec and ShellExecute always
// interpret; _exec/_spawn and CreateProcess do when they start cmd.exe or PowerShell.
#include <algorithm>
#include <array>
#include <optional>
#include <string>

#include "inspect/source/buffer_contents.h"
#include "inspect/source/call_site.h"
#include "inspect/source/format_literal.h"
#include "inspect/source/value_origins.h"

namespace mdbc::source {
namespace {

// Calls that hand their text to a command interpreter: the C library's shell, and on Windows
// WinExec (a command line) and the Shell API (ShellExecute opens by association, runs anything).
constexpr std::array<std::string_view, 11> shell_calls{"system",       "_wsystem",      "popen",         "_popen",
                                                       "_wpopen",      "WinExec",       "ShellExecuteA", "ShellExecuteW",
                                                       "ShellExecute", "ShellExecuteExA", "ShellExecuteExW"};

struct ExecFunction {
  std::string_view name;
  uint8_t program;  // argument index of the program path
  bool list;        // the l-forms: argv[0] is the next argument
  int8_t command_line = -1;  // an argument that is a whole command line, its first word the program
};
constexpr std::array<ExecFunction, 20> exec_functions{{
    {"execl", 0, true}, {"execlp", 0, true}, {"execle", 0, true}, {"execv", 0, false}, {"execvp", 0, false},
    {"execvpe", 0, false}, {"execve", 0, false}, {"execveat", 1, false}, {"posix_spawn", 1, false},
    {"posix_spawnp", 1, false}, {"_execl", 0, true}, {"_wexecl", 0, true}, {"_execlp", 0, true},
    {"_wexeclp", 0, true}, {"_spawnl", 1, true}, {"_wspawnl", 1, true}, {"_spawnlp", 1, true},
    {"_wspawnlp", 1, true}, {"CreateProcessA", 0, false, 1}, {"CreateProcessW", 0, false, 1},
}};

bool is_shell_path(std::string_view path) {
  const size_t cut = path.find_last_of("/\\");
  std::string_view base = cut == std::string_view::npos ? path : path.substr(cut + 1);
  constexpr std::array<std::string_view, 17> shells{"sh",  "bash", "dash", "ash",     "zsh",     "ksh",
                                                    "mksh", "csh", "tcsh", "fish",    "cmd",     "cmd.exe",
                                                    "CMD.EXE", "powershell", "powershell.exe", "pwsh", "pwsh.exe"};
  for (auto s : shells)
    if (base == s) return true;
  return false;
}

bool is_null_argument(std::span<const Token> arg) {
  // NULL, 0, nullptr, (char *)0, ((void *)0)
  size_t b = 0, e = arg.size();
  while (e > b && arg[b].is("(") && arg[e - 1].is(")")) ++b, --e;
  if (e == b) return false;
  const Token& last = arg[e - 1];
  const bool null_value = last.is_ident("NULL") || last.is("0") || last.is_ident("nullptr") || last.is("0L");
  if (!null_value) return false;
  // Anything before it must be a cast: ( type * )
  for (size_t k = b; k + 1 < e; ++k)
    if (!(arg[k].kind == TokenKind::identifier || arg[k].is("*") || arg[k].is("(") || arg[k].is(")"))) return false;
  return true;
}

// The program a variable argument names, wherever the file shows it set: the one string every
// path gives it (`const char *prog = NULL; prog = "/bin/sh";`, a parameter every caller passes a
// path, a struct field, a member, a container element: ValueOrigins::settled), or the text a
// buffer is filled with from literals alone (`strcpy(path, "/bin/bash")`: literal_contents).
// An argument vector's program, `argv[0]`, is the string its first element is set to. A program
// the file does not show (read from the environment or a configuration) is no shell finding.
std::optional<std::string> program_path(const SourceFile& file, ValueOrigins& origins, const Call& c, TokenRange arg) {
  const FileValues& values = file.values();
  // First what a buffer holds: its initialiser is only what it starts with.
  if (const auto texts = literal_contents(values, arg, c); texts && texts->size() == 1) return texts->front();
  const Value v = values.resolve(arg, c.function);
  // A constant, a macro or the function's own variable: `static const char *const shell = "/bin/sh";`.
  const bool bound_here = v.via == nullptr || v.via->is_const || v.via->form == BindingForm::macro ||
                          (c.function >= 0 && v.via->function == c.function);
  if (v.is(Value::Kind::string) && bound_here) return v.text;
  // argv[0]: an element of an argument vector (strip() would read the vector itself).
  const auto& t = file.tokens;
  if (arg.size() >= 4 && t[arg.end - 1].is("]")) {
    const size_t open = file.syntax.match(arg.end - 1);
    const Value index = open > arg.begin && open < arg.end ? values.resolve({open + 1, arg.end - 1}, c.function) : Value{};
    if (!index.is(Value::Kind::integer)) return std::nullopt;
    const Value element = origins.settled_element({arg.begin, open}, c.function, index.integer);
    return element.is(Value::Kind::string) ? std::optional(element.text) : std::nullopt;
  }
  const Value settled = origins.settled(arg, c.function);
  if (settled.is(Value::Kind::string)) return settled.text;
  return std::nullopt;
}

class ShellExecution final : public SourceRule {
 public:
  RuleFamily family() const override {
    return {"shell-execution", InputKind::source,
            {"CODE-3/shell-command", "CODE-3/shell-exec", "CODE-3/wordexp-command"}};
  }

  bool gated_by_names() const override { return true; }
  std::vector<std::string_view> trigger_names() const override {
    std::vector<std::string_view> names(shell_calls.begin(), shell_calls.end());
    names.push_back("wordexp");
    for (const ExecFunction& e : exec_functions) names.push_back(e.name);
    return names;
  }
  bool reacts_to_other_names() const override { return false; }

  void check(const SourceFile& file, std::vector<Finding>& out, std::any&) const override {
    const auto& t = file.tokens;
    const Severity severity = element_severity(file.ctx, "CODE-3");
    const CallSites sites(file);
    const LiteralResolver literals(file);
    ValueOrigins origins(file);
    const auto in_macro = [](std::string_view m) {
      return m.empty() ? std::string() : " (in macro " + std::string(m) + ")";
    };
    const std::string remedy =
        "start the program with posix_spawn or execve, a fixed absolute path and a fixed argument list, or do "
        "the work in-process";
    for (const Call& c : file.syntax.calls()) {
      const std::string_view name = t[c.name].text;
      if (std::find(shell_calls.begin(), shell_calls.end(), name) != shell_calls.end()) {
        if (name.find("system") != std::string_view::npos && c.args.size() == 1 && is_null_argument(file.syntax.arg(c, 0)))
          continue;  // system(NULL) asks whether a shell exists
        if (!sites.reportable(c)) continue;
        // A port's stand-in (#define popen(cmd, mode) _popen((cmd), (mode))) that this file does not
        // use: each use, in the files including it, runs a shell by name and is reported there.
        if (std::find(shell_calls.begin(), shell_calls.end(), c.macro) != shell_calls.end() && !sites.expanded(c.macro))
          continue;
        out.push_back(file.at(t[c.name], "CODE-3/shell-command",
                              std::string(name) + "() runs its command through a shell, so any data in the command "
                                                  "can inject further commands" + in_macro(c.macro) + ": " + remedy,
                              severity));
        continue;
      }
      if (name == "wordexp") {
        if (c.args.size() < 3) continue;
        bool nocmd = false;
        for (const Token& a : file.syntax.arg(c, 2)) nocmd = nocmd || a.is_ident("WRDE_NOCMD");
        if (nocmd || !sites.reportable(c)) continue;
        out.push_back(file.at(t[c.name], "CODE-3/wordexp-command",
                              "wordexp() without WRDE_NOCMD runs $(…) and `…` command substitutions in its input "
                              "through a shell" + in_macro(c.macro) + ": add WRDE_NOCMD to its flags",
                              severity));
        continue;
      }
      const ExecFunction* exec = nullptr;
      for (const auto& e : exec_functions)
        if (e.name == name) exec = &e;
      if (exec == nullptr || c.args.size() <= exec->program) continue;
      std::string shell;
      const auto literal_shell = [&](size_t index) {
        if (index >= c.args.size()) return false;
        const LiteralForm f = literals.evaluate(c.args[index].first, c.args[index].second);
        if (f.kind != LiteralForm::Kind::literal) {
          const std::optional<std::string> path = program_path(file, origins, c, {c.args[index].first, c.args[index].second});
          if (!path || !is_shell_path(*path)) return false;
          shell = *path;
          return true;
        }
        for (const auto& text : f.texts)
          if (is_shell_path(text)) {
            shell = text;
            return true;
          }
        return false;
      };
      // CreateProcess(NULL, "cmd.exe /c …"): the program is the command line's first word.
      const auto command_line_shell = [&]() {
        if (exec->command_line < 0 || static_cast<size_t>(exec->command_line) >= c.args.size()) return false;
        const auto& range = c.args[static_cast<size_t>(exec->command_line)];
        const LiteralForm f = literals.evaluate(range.first, range.second);
        if (f.kind != LiteralForm::Kind::literal) return false;
        for (const auto& text : f.texts) {
          const std::string_view line(text);
          if (line.empty()) continue;
          const std::string_view word =
              line.front() == '"' ? line.substr(1, line.find('"', 1) - 1) : line.substr(0, line.find(' '));
          if (is_shell_path(word)) {
            shell = std::string(word);
            return true;
          }
        }
        return false;
      };
      if (!literal_shell(exec->program) && !(exec->list && literal_shell(exec->program + 1u)) && !command_line_shell())
        continue;
      if (!sites.reportable(c)) continue;
      out.push_back(file.at(t[c.name], "CODE-3/shell-exec",
                            std::string(name) + "() starts the shell \"" + shell +
                                "\", which interprets its command text" + in_macro(c.macro) + ": " + remedy,
                            severity));
    }
    const auto shell_function = [](std::string_view n) {
      return std::find(shell_calls.begin(), shell_calls.end(), n) != shell_calls.end();
    };
    for (const auto& ref : sites.references(shell_function)) {
      if (!sites.reportable(ref.token, ref.macro)) continue;
      out.push_back(file.at(t[ref.token], "CODE-3/shell-command",
                            std::string(t[ref.token].text) +
                                " is taken as a function pointer; calls through it run a command through a shell" +
                                in_macro(ref.macro) + ": " + remedy,
                            severity));
    }
  }
};

}  // namespace

MDBC_SOURCE_RULE(ShellExecution)

}  // namespace mdbc::source
