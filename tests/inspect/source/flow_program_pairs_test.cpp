// CODE-1 … CODE-5 pairs in the shape of whole test programs (CWE-78, 120/121/122, 134, 190/197,
// 242, 377, 674, 676): data comes from a source (a literal, the environment, a file, a socket,
// argv) through locals, a second function of the file (static or not), a file-scope variable, a
// struct field, an array, a function pointer or a #define, into a sink. The fixed twins keep the
// program's shape and change only what makes it flawed: the source (a literal instead of input)
// or the sink (a bounded or literal-format call).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::expect_tree_pairs;
using test::RulePair;
using test::TreePair;

// CWE-242, CWE-676, CWE-120/121/122 (overflow through an unbounded copy), CWE-377.
const std::vector<RulePair> code1_flow_pairs = {
    {"StrCpyW in a Windows helper",
     R"~(#include <windows.h>
#include <shlwapi.h>
void set_title(WCHAR *title, LPCWSTR text)
{
    StrCpyW(title, text);
}
)~",
     R"~(#include <windows.h>
#include <strsafe.h>
void set_title(WCHAR *title, size_t cch, LPCWSTR text)
{
    StringCchCopyW(title, cch, text);
}
)~"},
    {"strcpy behind an object-like macro",
     R"~(#include <string.h>
#define COPY_STRING strcpy
void set_name(char *dest, const char *name)
{
    COPY_STRING(dest, name);
}
)~",
     R"~(#include <stdio.h>
#define COPY_STRING(dest, size, src) snprintf(dest, size, "%s", src)
void set_name(char *dest, size_t size, const char *name)
{
    COPY_STRING(dest, size, name);
}
)~"},
    {"gets into a stack buffer",
     R"~(#include <stdio.h>
void read_name(void)
{
    char name[64];
    if (gets(name) == NULL) return;
    printf("%s\n", name);
}
)~",
     R"~(#include <stdio.h>
void read_name(void)
{
    char name[64];
    if (fgets(name, sizeof name, stdin) == NULL) return;
    printf("%s\n", name);
}
)~"},
    {"strcpy of the environment through a source helper",
     R"~(#include <stdlib.h>
#include <string.h>
static char *home_source(void)
{
    return getenv("HOME");
}
void remember_home(char *dest)
{
    char *data = home_source();
    if (data != NULL)
        strcpy(dest, data);
}
)~",
     R"~(#include <stdlib.h>
#include <string.h>
static char *home_source(void)
{
    return getenv("HOME");
}
void remember_home(char *dest, size_t size)
{
    char *data = home_source();
    if (data != NULL && size > 0) {
        strncpy(dest, data, size - 1);
        dest[size - 1] = '\0';
    }
}
)~"},
    {"wcscpy of a wide argument into a heap buffer",
     R"~(#include <windows.h>
#include <wchar.h>
#include <stdlib.h>
wchar_t *duplicate_path(const wchar_t *path)
{
    wchar_t *copy = (wchar_t *)malloc(50 * sizeof(wchar_t));
    if (copy == NULL) return NULL;
    wcscpy(copy, path);
    return copy;
}
)~",
     R"~(#include <windows.h>
#include <wchar.h>
#include <stdlib.h>
wchar_t *duplicate_path(const wchar_t *path)
{
    wchar_t *copy = (wchar_t *)malloc(50 * sizeof(wchar_t));
    if (copy == NULL) return NULL;
    wcsncpy(copy, path, 49);
    copy[49] = L'\0';
    return copy;
}
)~",
     "src/module.c"},
    {"strcat behind a function-like macro",
     R"~(#include <string.h>
#define APPEND_FIELD(dest, field) strcat(dest, field)
void build_record(char *record, const char *field)
{
    APPEND_FIELD(record, field);
}
)~",
     R"~(#include <string.h>
#define APPEND_FIELD(dest, size, field) strncat(dest, field, (size) - strlen(dest) - 1)
void build_record(char *record, size_t size, const char *field)
{
    APPEND_FIELD(record, size, field);
}
)~"},
    {"sprintf over several lines in C++",
     R"~(#include <cstdio>
#include <string>
void label(char *out, const std::string &device, int channel)
{
    std::sprintf(out,
                 "%s/%d",
                 device.c_str(),
                 channel);
}
)~",
     R"~(#include <cstdio>
#include <string>
void label(char *out, std::size_t size, const std::string &device, int channel)
{
    std::snprintf(out,
                  size,
                  "%s/%d",
                  device.c_str(),
                  channel);
}
)~",
     "src/module.cpp"},
    {"vsprintf in a variadic logger",
     R"~(#include <stdarg.h>
#include <stdio.h>
static char line[128];
void log_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsprintf(line, fmt, ap);
    va_end(ap);
    fputs(line, stderr);
}
)~",
     R"~(#include <stdarg.h>
#include <stdio.h>
static char line[128];
void log_line(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fputs(line, stderr);
}
)~"},
    {"fscanf %s from a socket stream",
     R"~(#include <stdio.h>
void read_command(FILE *conn)
{
    char verb[16];
    if (fscanf(conn, "%s", verb) == 1)
        puts(verb);
}
)~",
     R"~(#include <stdio.h>
void read_command(FILE *conn)
{
    char verb[16];
    if (fscanf(conn, "%15s", verb) == 1)
        puts(verb);
}
)~"},
    {"tmpnam for a scratch file",
     R"~(#include <stdio.h>
FILE *open_scratch(void)
{
    char name[L_tmpnam];
    if (tmpnam(name) == NULL) return NULL;
    return fopen(name, "w+");
}
)~",
     R"~(#include <stdio.h>
#include <stdlib.h>
FILE *open_scratch(void)
{
    char name[] = "/tmp/scratchXXXXXX";
    int fd = mkstemp(name);
    if (fd < 0) return NULL;
    return fdopen(fd, "w+");
}
)~"},
    {"strcpy through a function pointer",
     R"~(#include <string.h>
typedef char *(*copy_fn)(char *, const char *);
void store(char *dest, const char *src)
{
    copy_fn copy = strcpy;
    copy(dest, src);
}
)~",
     R"~(#include <string.h>
typedef char *(*copy_fn)(char *, const char *, size_t);
void store(char *dest, const char *src)
{
    copy_fn copy = strncpy;
    copy(dest, src, 15);
    dest[15] = '\0';
}
)~"},
    {"lstrcatW in a Windows path builder",
     R"~(#include <windows.h>
void make_path(WCHAR *path, const WCHAR *leaf)
{
    lstrcatW(path, L"\\");
    lstrcatW(path, leaf);
}
)~",
     R"~(#include <windows.h>
#include <strsafe.h>
void make_path(WCHAR *path, size_t cch, const WCHAR *leaf)
{
    StringCchCatW(path, cch, L"\\");
    StringCchCatW(path, cch, leaf);
}
)~"},
    {"getwd into a fixed buffer",
     R"~(#include <unistd.h>
#include <stdio.h>
void show_cwd(void)
{
    char dir[256];
    if (getwd(dir) != NULL) puts(dir);
}
)~",
     R"~(#include <unistd.h>
#include <stdio.h>
void show_cwd(void)
{
    char dir[256];
    if (getcwd(dir, sizeof dir) != NULL) puts(dir);
}
)~"},
    {"alloca sized by a packet length",
     R"~(#include <alloca.h>
#include <string.h>
void handle(const unsigned char *pkt, size_t len)
{
    unsigned char *copy = alloca(len);
    memcpy(copy, pkt, len);
}
)~",
     R"~(#include <string.h>
void handle(const unsigned char *pkt, size_t len)
{
    unsigned char copy[512];
    if (len > sizeof copy) return;
    memcpy(copy, pkt, len);
}
)~"},
};

// CWE-134: a format from outside the program.
const std::vector<RulePair> code2_flow_pairs = {
    {"literal through two helpers",
     R"~(#include <stdio.h>
#include <stdlib.h>
static void print_sink(const char *data)
{
    printf(data);
}
static void middle(const char *data)
{
    print_sink(data);
}
void run(void)
{
    middle(getenv("MSG"));
}
)~",
     R"~(#include <stdio.h>
static void print_sink(const char *data)
{
    printf(data);
}
static void middle(const char *data)
{
    print_sink(data);
}
void run(void)
{
    middle("fixedstringtest");
}
)~"},
    {"fwprintf of a wide socket buffer",
     R"~(#include <stdio.h>
#include <wchar.h>
#include <winsock2.h>
void show(SOCKET s)
{
    wchar_t data[64];
    int n = recv(s, (char *)data, sizeof data - sizeof(wchar_t), 0);
    if (n <= 0) return;
    data[n / sizeof(wchar_t)] = L'\0';
    fwprintf(stdout, data);
}
)~",
     R"~(#include <stdio.h>
#include <wchar.h>
#include <winsock2.h>
void show(SOCKET s)
{
    wchar_t data[64];
    int n = recv(s, (char *)data, sizeof data - sizeof(wchar_t), 0);
    if (n <= 0) return;
    data[n / sizeof(wchar_t)] = L'\0';
    fwprintf(stdout, L"%ls", data);
}
)~"},
    {"variadic wrapper given input as its format",
     R"~(#include <stdarg.h>
#include <stdio.h>
static void print_va(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}
void echo(int fd)
{
    char data[100];
    FILE *f = fdopen(fd, "r");
    if (f == NULL || fgets(data, sizeof data, f) == NULL) return;
    print_va(data);
}
)~",
     R"~(#include <stdarg.h>
#include <stdio.h>
static void print_va(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}
void echo(int fd)
{
    char data[100];
    FILE *f = fdopen(fd, "r");
    if (f == NULL || fgets(data, sizeof data, f) == NULL) return;
    print_va("%s", data);
}
)~"},
    {"environment to printf",
     R"~(#include <stdio.h>
#include <stdlib.h>
void show_banner(void)
{
    char *data = getenv("BANNER");
    if (data != NULL)
        printf(data);
}
)~",
     R"~(#include <stdio.h>
#include <stdlib.h>
void show_banner(void)
{
    char *data = getenv("BANNER");
    if (data != NULL)
        printf("%s", data);
}
)~"},
    {"socket to syslog",
     R"~(#include <sys/socket.h>
#include <syslog.h>
void log_peer(int sock)
{
    char buf[256];
    ssize_t n = recv(sock, buf, sizeof buf - 1, 0);
    if (n <= 0) return;
    buf[n] = '\0';
    syslog(LOG_INFO, buf);
}
)~",
     R"~(#include <sys/socket.h>
#include <syslog.h>
void log_peer(int sock)
{
    char buf[256];
    ssize_t n = recv(sock, buf, sizeof buf - 1, 0);
    if (n <= 0) return;
    buf[n] = '\0';
    syslog(LOG_INFO, "%s", buf);
}
)~"},
    {"file-scope format assigned from input elsewhere",
     R"~(#include <stdio.h>
#include <stdlib.h>
static const char *row_format = "%d\n";
void configure(void)
{
    const char *custom = getenv("ROW_FORMAT");
    if (custom != NULL) row_format = custom;
}
void print_row(int value)
{
    printf(row_format, value);
}
)~",
     R"~(#include <stdio.h>
#include <stdlib.h>
static const char *row_format = "%d\n";
void configure(void)
{
    const char *custom = getenv("ROW_FORMAT");
    if (custom != NULL) setenv("ROW_FORMAT_SEEN", "1", 1);
}
void print_row(int value)
{
    printf(row_format, value);
}
)~"},
    {"global const char pointer",
     R"~(#include <stdio.h>
const char *status_format = "pump %s\n";
int main(int argc, char **argv)
{
    if (argc > 1) status_format = argv[1];
    fprintf(stderr, status_format, "ready");
    return 0;
}
)~",
     R"~(#include <stdio.h>
const char *status_format = "pump %s\n";
int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    fprintf(stderr, status_format, "ready");
    return 0;
}
)~"},
    {"static sink function",
     R"~(#include <stdio.h>
#include <string.h>
static void print_sink(char *data)
{
    printf(data);
}
void handle_line(void)
{
    char buffer[100] = "";
    if (fgets(buffer, sizeof buffer, stdin) == NULL) return;
    print_sink(buffer);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
static void print_sink(char *data)
{
    printf(data);
}
void handle_line(void)
{
    char buffer[100] = "";
    strcpy(buffer, "fixedstringtest");
    print_sink(buffer);
}
)~"},
    {"non-static sink function",
     R"~(#include <stdio.h>
#include <stdlib.h>
void format_sink(const char *data)
{
    printf(data);
}
void run(void)
{
    const char *data = getenv("PUMP_NAME");
    if (data != NULL) format_sink(data);
}
)~",
     R"~(#include <stdio.h>
#include <stdlib.h>
void format_sink(const char *data)
{
    printf(data);
}
void run(void)
{
    const char *data = "fixedstringtest";
    format_sink(data);
}
)~"},
    {"sink called through a function pointer",
     R"~(#include <stdio.h>
static void print_sink(char *data)
{
    printf(data);
}
void run(int argc, char **argv)
{
    void (*sink)(char *) = print_sink;
    if (argc > 1) sink(argv[1]);
}
)~",
     R"~(#include <stdio.h>
static void print_sink(char *data)
{
    printf(data);
}
void run(void)
{
    void (*sink)(char *) = print_sink;
    sink("fixedstringtest");
}
)~"},
    {"struct field from a file",
     R"~(#include <stdio.h>
struct message { char text[80]; int level; };
void replay(FILE *in)
{
    struct message m;
    if (fgets(m.text, sizeof m.text, in) == NULL) return;
    m.level = 1;
    fprintf(stdout, m.text);
}
)~",
     R"~(#include <stdio.h>
struct message { char text[80]; int level; };
void replay(FILE *in)
{
    struct message m;
    if (fgets(m.text, sizeof m.text, in) == NULL) return;
    m.level = 1;
    fprintf(stdout, "%s", m.text);
}
)~"},
    {"C++ string from the command line",
     R"~(#include <cstdio>
#include <string>
int main(int argc, char **argv)
{
    std::string title = argc > 1 ? argv[1] : "pump";
    std::printf(title.c_str());
    return 0;
}
)~",
     R"~(#include <cstdio>
#include <string>
int main(int argc, char **argv)
{
    std::string title = argc > 1 ? argv[1] : "pump";
    std::printf("%s", title.c_str());
    return 0;
}
)~",
     "src/module.cpp"},
    {"snprintf with a received format",
     R"~(#include <stdio.h>
#include <unistd.h>
void render(int fd, char *out, size_t size)
{
    char data[64];
    ssize_t n = read(fd, data, sizeof data - 1);
    if (n < 0) return;
    data[n] = '\0';
    snprintf(out, size, data);
}
)~",
     R"~(#include <stdio.h>
#include <unistd.h>
void render(int fd, char *out, size_t size)
{
    char data[64];
    ssize_t n = read(fd, data, sizeof data - 1);
    if (n < 0) return;
    data[n] = '\0';
    snprintf(out, size, "%s", data);
}
)~"},
    {"wide environment to _snwprintf",
     R"~(#include <wchar.h>
#include <stdlib.h>
void title(wchar_t *dest)
{
    wchar_t *data = _wgetenv(L"TITLE");
    if (data == NULL) return;
    _snwprintf(dest, 100 - 1, data);
}
)~",
     R"~(#include <wchar.h>
#include <stdlib.h>
void title(wchar_t *dest)
{
    wchar_t *data = _wgetenv(L"TITLE");
    if (data == NULL) return;
    _snwprintf(dest, 100 - 1, L"%s", data);
}
)~"},
    {"array element to a sink",
     R"~(#include <stdio.h>
static void print_sink(char *items[])
{
    char *data = items[2];
    printf(data);
}
void run(char *input)
{
    char *items[5];
    items[2] = input;
    print_sink(items);
}
)~",
     R"~(#include <stdio.h>
static void print_sink(char *items[])
{
    char *data = items[2];
    printf("%s\n", data);
}
void run(char *input)
{
    char *items[5];
    items[2] = input;
    print_sink(items);
}
)~"},
    {"file-scope const format",
     R"~(#include <stdio.h>
static char *row_format;
void print_row(const char *input, int value)
{
    row_format = (char *)input;
    printf(row_format, value);
}
)~",
     R"~(#include <stdio.h>
static const char *row_format = "%d\n";
void print_row(int value)
{
    printf(row_format, value);
}
)~"},
};

// CWE-78: a command through a shell.
const std::vector<RulePair> code3_flow_pairs = {
    {"popen of a C++ command string",
     R"~(#include <cstdio>
#include <string>
void archive(const std::string &dir)
{
    std::string cmd = "tar czf /tmp/a.tgz " + dir;
    FILE *p = popen(cmd.c_str(), "r");
    if (p) pclose(p);
}
)~",
     R"~(#include <spawn.h>
#include <string>
#include <sys/wait.h>
extern char **environ;
void archive(const std::string &dir)
{
    pid_t pid;
    char *argv[] = {const_cast<char *>("tar"), const_cast<char *>("czf"), const_cast<char *>("/tmp/a.tgz"),
                    const_cast<char *>(dir.c_str()), nullptr};
    if (posix_spawn(&pid, "/bin/tar", nullptr, nullptr, argv, environ) == 0) waitpid(pid, nullptr, 0);
}
)~",
     "src/module.cpp"},
    {"shell path through a file-scope constant",
     R"~(#include <unistd.h>
static const char *const shell = "/bin/bash";
void run(char *line)
{
    char *args[] = {"bash", "-c", line, NULL};
    execv(shell, args);
}
)~",
     R"~(#include <unistd.h>
static const char *const tool = "/usr/bin/logger";
void run(char *line)
{
    char *args[] = {"logger", line, NULL};
    execv(tool, args);
}
)~"},
    {"environment appended to a system() command",
     R"~(#include <stdlib.h>
#include <string.h>
void list_dir(void)
{
    char command[100] = "ls ";
    char *dir = getenv("DIR");
    if (dir == NULL) return;
    strncat(command, dir, sizeof command - strlen(command) - 1);
    system(command);
}
)~",
     R"~(#include <unistd.h>
#include <stdlib.h>
#include <sys/wait.h>
void list_dir(void)
{
    char *dir = getenv("DIR");
    if (dir == NULL) return;
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/ls", "ls", dir, (char *)NULL);
        _exit(127);
    }
    waitpid(pid, NULL, 0);
}
)~"},
    {"popen of a received command",
     R"~(#include <stdio.h>
void run_remote(const char *received)
{
    FILE *p = popen(received, "r");
    if (p != NULL) pclose(p);
}
)~",
     R"~(#include <unistd.h>
void run_remote(const char *received)
{
    char *const argv[] = {"/usr/bin/logger", "--", (char *)received, NULL};
    execv(argv[0], argv);
}
)~"},
    {"shell path through a macro",
     R"~(#include <unistd.h>
#define SHELL_PATH "/bin/sh"
void run(const char *data)
{
    execl(SHELL_PATH, SHELL_PATH, "-c", data, (char *)NULL);
}
)~",
     R"~(#include <unistd.h>
#define TOOL_PATH "/bin/ls"
void run(const char *data)
{
    execl(TOOL_PATH, TOOL_PATH, "-la", data, (char *)NULL);
}
)~"},
    {"_wsystem with a wide command line",
     R"~(#include <stdlib.h>
#include <wchar.h>
void ping(const wchar_t *host)
{
    wchar_t command[260] = L"ping ";
    wcsncat(command, host, 200);
    _wsystem(command);
}
)~",
     R"~(#include <windows.h>
void ping(WCHAR *host)
{
    STARTUPINFOW si = {sizeof si};
    PROCESS_INFORMATION pi;
    CreateProcessW(L"C:\\Windows\\System32\\ping.exe", host, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
}
)~"},
    {"execlp of sh over several lines",
     R"~(#include <unistd.h>
void run(const char *data)
{
    execlp("sh",
           "sh",
           "-c",
           data,
           (char *)NULL);
}
)~",
     R"~(#include <unistd.h>
void run(const char *data)
{
    execlp("ls",
           "ls",
           "-la",
           data,
           (char *)NULL);
}
)~"},
};

// CWE-190/197 through unchecked conversions (CERT ERR34-C).
const std::vector<RulePair> code4_flow_pairs = {
    {"std::atoi of a socket field in C++",
     R"~(#include <cstdlib>
#include <string>
int port_of(const std::string &field)
{
    return std::atoi(field.c_str());
}
)~",
     R"~(#include <string>
int port_of(const std::string &field)
{
    try {
        return std::stoi(field);
    } catch (...) {
        return -1;
    }
}
)~",
     "src/module.cpp"},
    {"atoi of a line from stdin",
     R"~(#include <stdio.h>
#include <stdlib.h>
int read_rate(void)
{
    char line[32];
    if (fgets(line, sizeof line, stdin) == NULL) return -1;
    return atoi(line);
}
)~",
     R"~(#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
int read_rate(void)
{
    char line[32];
    char *end;
    if (fgets(line, sizeof line, stdin) == NULL) return -1;
    errno = 0;
    long v = strtol(line, &end, 10);
    if (errno != 0 || end == line || v < 0 || v > INT_MAX) return -1;
    return (int)v;
}
)~"},
    {"atol of the environment in C++",
     R"~(#include <cstdlib>
long timeout_ms()
{
    const char *v = std::getenv("TIMEOUT_MS");
    return v ? std::atol(v) : 1000L;
}
)~",
     R"~(#include <cstdlib>
#include <cerrno>
long timeout_ms()
{
    const char *v = std::getenv("TIMEOUT_MS");
    if (!v) return 1000L;
    char *end = nullptr;
    errno = 0;
    long ms = std::strtol(v, &end, 10);
    return (errno == 0 && end != v && *end == '\0') ? ms : 1000L;
}
)~",
     "src/module.cpp"},
    {"atof of argv",
     R"~(#include <stdlib.h>
int main(int argc, char **argv)
{
    double dose = 0.0;
    if (argc > 1) dose = atof(argv[1]);
    return dose > 10.0;
}
)~",
     R"~(#include <stdlib.h>
int main(int argc, char **argv)
{
    double dose = 0.0;
    char *end = NULL;
    if (argc > 1) dose = strtod(argv[1], &end);
    if (end == argv[1]) return 2;
    return dose > 10.0;
}
)~"},
    {"atoi behind a macro alias",
     R"~(#include <stdlib.h>
#define TO_INT atoi
int channel(const char *field)
{
    return TO_INT(field);
}
)~",
     R"~(#include <stdlib.h>
static int parse_channel(const char *field)
{
    char *end;
    long v = strtol(field, &end, 10);
    return (end != field && v >= 0 && v < 16) ? (int)v : -1;
}
#define TO_INT parse_channel
int channel(const char *field)
{
    return TO_INT(field);
}
)~"},
    {"atoll into a struct field over two lines",
     R"~(#include <stdlib.h>
struct setting { long long limit; };
void apply(struct setting *s, const char *text)
{
    s->limit =
        atoll(text);
}
)~",
     R"~(#include <stdlib.h>
struct setting { long long limit; };
void apply(struct setting *s, const char *text)
{
    char *end;
    s->limit =
        strtoll(text, &end, 10);
}
)~"},
};

// CWE-674 and the MISRA subset of class C.
const std::vector<RulePair> code5_flow_pairs = {
    {"recursive factorial",
     R"~(unsigned long factorial(unsigned n)
{
    if (n <= 1) return 1;
    return n * factorial(n - 1);
}
)~",
     R"~(unsigned long factorial(unsigned n)
{
    unsigned long r = 1;
    while (n > 1) r *= n--;
    return r;
}
)~"},
    {"mutual recursion in a parser",
     R"~(static int parse_term(const char **p);
static int parse_expr(const char **p)
{
    int v = parse_term(p);
    while (**p == '+') { ++*p; v += parse_term(p); }
    return v;
}
static int parse_term(const char **p)
{
    if (**p == '(') { ++*p; int v = parse_expr(p); ++*p; return v; }
    return *(*p)++ - '0';
}
int evaluate(const char *s) { return parse_expr(&s); }
)~",
     R"~(static int parse_term(const char **p)
{
    return *(*p)++ - '0';
}
static int parse_expr(const char **p)
{
    int v = parse_term(p);
    while (**p == '+') { ++*p; v += parse_term(p); }
    return v;
}
int evaluate(const char *s) { return parse_expr(&s); }
)~"},
    {"recursion through a C++ member function",
     R"~(struct Node { Node *left; Node *right; };
class Tree {
 public:
  int depth(const Node *n) const;
};
int Tree::depth(const Node *n) const
{
    if (!n) return 0;
    int l = depth(n->left), r = depth(n->right);
    return 1 + (l > r ? l : r);
}
)~",
     R"~(struct Node { Node *left; Node *right; };
class Tree {
 public:
  int depth(const Node *n) const;
};
int Tree::depth(const Node *n) const
{
    int d = 0;
    while (n) { ++d; n = n->left; }
    return d;
}
)~",
     "src/module.cpp"},
    {"setjmp error recovery",
     R"~(#include <setjmp.h>
static jmp_buf recover;
int guarded(int (*step)(void))
{
    if (setjmp(recover) != 0) return -1;
    return step();
}
)~",
     R"~(int guarded(int (*step)(void))
{
    int rc = step();
    return rc < 0 ? -1 : rc;
}
)~"},
    {"exit on a bad header",
     R"~(#include <stdlib.h>
int check_header(const unsigned char *h)
{
    if (h[0] != 0x7f) exit(1);
    return 0;
}
)~",
     R"~(int check_header(const unsigned char *h)
{
    if (h[0] != 0x7f) return -1;
    return 0;
}
)~"},
    {"octal permission constant",
     R"~(#include <sys/stat.h>
int make_dir(const char *path)
{
    return mkdir(path, 0750);
}
)~",
     R"~(#include <sys/stat.h>
int make_dir(const char *path)
{
    return mkdir(path, S_IRWXU | S_IRGRP | S_IXGRP);
}
)~"},
    {"variadic helper definition",
     R"~(#include <stdarg.h>
int sum(int count, ...)
{
    va_list ap;
    int s = 0;
    va_start(ap, count);
    while (count-- > 0) s += va_arg(ap, int);
    va_end(ap);
    return s;
}
)~",
     R"~(int sum(const int *values, int count)
{
    int s = 0;
    while (count-- > 0) s += *values++;
    return s;
}
)~"},
    {"goto out of nested loops",
     R"~(int find(const int grid[4][4], int want)
{
    int i, j;
    for (i = 0; i < 4; i++)
        for (j = 0; j < 4; j++)
            if (grid[i][j] == want) goto found;
    return -1;
found:
    return i * 4 + j;
}
)~",
     R"~(int find(const int grid[4][4], int want)
{
    int i, j;
    for (i = 0; i < 4; i++)
        for (j = 0; j < 4; j++)
            if (grid[i][j] == want) return i * 4 + j;
    return -1;
}
)~"},
    {"calloc for a frame buffer in C++",
     R"~(#include <cstdlib>
unsigned char *frame(std::size_t n)
{
    return static_cast<unsigned char *>(std::calloc(n, 1));
}
)~",
     R"~(#include <cstddef>
static unsigned char frame_pool[512];
unsigned char *frame(std::size_t n)
{
    return n <= sizeof frame_pool ? frame_pool : nullptr;
}
)~",
     "src/module.cpp"},
};

const std::vector<TreePair> code2_tree_pairs = {
    {"format macro from a header",
     {{"src/main.c", "#include <stdio.h>\n#include \"fmt.h\"\nvoid show(int v) { printf(ROW_FORMAT, v); }\n", ""},
      {"src/fmt.h", "#define ROW_FORMAT row_format_text\nextern const char *row_format_text;\n", ""}},
     {{"src/main.c", "#include <stdio.h>\n#include \"fmt.h\"\nvoid show(int v) { printf(ROW_FORMAT, v); }\n", ""},
      {"src/fmt.h", "#define ROW_FORMAT \"%d\\n\"\n", ""}}},
};

TEST(FlowProgramPairs, BannedFunctions) { expect_pairs("CODE-1", code1_flow_pairs); }
TEST(FlowProgramPairs, FormatStrings) { expect_pairs("CODE-2", code2_flow_pairs); }
TEST(FlowProgramPairs, FormatStringsAcrossFiles) { expect_tree_pairs("CODE-2", code2_tree_pairs); }
TEST(FlowProgramPairs, ShellExecution) { expect_pairs("CODE-3", code3_flow_pairs); }
TEST(FlowProgramPairs, CheckedConversions) { expect_pairs("CODE-4", code4_flow_pairs); }
TEST(FlowProgramPairs, SafetySubset) { expect_pairs("CODE-5", code5_flow_pairs); }

}  // namespace
}  // namespace mdbc::source
