// CODE-3: more paired programs for shell execution — exec and spawn families handed a shell with
// -c, Windows CRT spellings, C++ std::system, multi-line calls; the fixed twins run a program
// directly with an argument vector.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> shell_pairs = {
    {"execl of /bin/sh -c",
     "#include <unistd.h>\nvoid run(const char *cmd) {\n  execl(\"/bin/sh\", \"sh\", \"-c\", cmd, (char *)NULL);\n}\n",
     "#include <unistd.h>\nvoid run(const char *unit) {\n  execl(\"/usr/sbin/pumpctl\", \"pumpctl\", \"--unit\", unit, (char *)NULL);\n}\n"},
    {"execlp of bash -c over several lines",
     "#include <unistd.h>\nint main(int argc, char **argv)\n{\n    if (argc < 2) return 1;\n    execlp(\"bash\",\n           \"bash\",\n"
     "           \"-c\",\n           argv[1],\n           (char *)0);\n    return 1;\n}\n",
     "#include <unistd.h>\nint main(int argc, char **argv)\n{\n    if (argc < 2) return 1;\n    execlp(\"pumpctl\",\n           \"pumpctl\",\n"
     "           \"--rate\",\n           argv[1],\n           (char *)0);\n    return 1;\n}\n"},
    {"std::system in C++",
     "#include <cstdlib>\n#include <string>\nvoid reboot_into(const std::string &slot) {\n  std::system((\"fw_setenv slot \" + slot).c_str());\n}\n",
     "#include <string>\nint set_boot_slot(const std::string &slot);\nvoid reboot_into(const std::string &slot) {\n  set_boot_slot(slot);\n}\n",
     "src/boot.cpp"},
    {"Windows _wsystem",
     "#include <stdlib.h>\nvoid open_log(const wchar_t *path) {\n  _wsystem(path);\n}\n",
     "#include <stdio.h>\nvoid open_log(const wchar_t *path) {\n  FILE *f = _wfopen(path, L\"r\");\n  if (f) fclose(f);\n}\n"},
    {"Windows _popen",
     "#include <stdio.h>\nint count_lines(const char *file) {\n  char cmd[256];\n  snprintf(cmd, sizeof cmd, \"find /c /v \\\"\\\" %s\", file);\n"
     "  FILE *p = _popen(cmd, \"r\");\n  if (!p) return -1;\n  _pclose(p);\n  return 0;\n}\n",
     "#include <stdio.h>\nint count_lines(const char *file) {\n  FILE *f = fopen(file, \"r\");\n  int n = 0, c;\n  if (!f) return -1;\n"
     "  while ((c = fgetc(f)) != EOF) n += c == '\\n';\n  fclose(f);\n  return n;\n}\n"},
    {"popen with a global scope qualifier in C++",
     "#include <cstdio>\nvoid list(const char *dir) {\n  FILE *p = ::popen(dir, \"r\");\n  if (p) ::pclose(p);\n}\n",
     "#include <filesystem>\nvoid list(const char *dir) {\n  for (const auto &e : std::filesystem::directory_iterator(dir)) (void)e;\n}\n",
     "src/list.cpp"},
    {"execv of a shell with an argument vector holding -c",
     "#include <unistd.h>\nvoid run(char *script) {\n  char *argv[] = {\"sh\", \"-c\", script, NULL};\n  execv(\"/bin/sh\", argv);\n}\n",
     "#include <unistd.h>\nvoid run(char *unit) {\n  char *argv[] = {\"pumpctl\", \"--unit\", unit, NULL};\n  execv(\"/usr/sbin/pumpctl\", argv);\n}\n"},
    {"posix_spawn of /bin/sh -c",
     "#include <spawn.h>\nextern char **environ;\nint run(char *cmd) {\n  pid_t pid;\n  char *argv[] = {\"sh\", \"-c\", cmd, NULL};\n"
     "  return posix_spawn(&pid, \"/bin/sh\", NULL, NULL, argv, environ);\n}\n",
     "#include <spawn.h>\nextern char **environ;\nint run(char *unit) {\n  pid_t pid;\n  char *argv[] = {\"pumpctl\", unit, NULL};\n"
     "  return posix_spawn(&pid, \"/usr/sbin/pumpctl\", NULL, NULL, argv, environ);\n}\n"},
};

TEST(Code3ProgramPairs, ShellExecution) { expect_pairs("CODE-3", shell_pairs); }

}  // namespace
}  // namespace mdbc::source
