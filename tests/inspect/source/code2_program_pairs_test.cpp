// CODE-2 pairs in the shape of CWE-134 test programs: input (stdin, a socket, the environment, a
// file, std::cin) reaching a format through a stack or heap buffer, a pointer into it, a source or
// sink helper, a printf-like helper or a macro naming the function; the fixed twins pass a literal
// format or fill the buffer only from literals.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> code2_program_pairs = {
    // A command-line argument (issue 3's sources; the data-flow variants' functions take none),
    // passed to a helper's fprintf(stderr, …) over a literal usage text.
    {"argv given to a helper's fprintf",
     R"~(#include <stdio.h>
static void show(const char *text)
{
    fprintf(stderr, text);
}
int main(int argc, char *argv[])
{
    const char *data = "usage: pump-report FILE";
    if (argc > 1)
        data = argv[1];
    show(data);
    return 0;
}
)~",
     R"~(#include <stdio.h>
static void show(const char *text)
{
    fprintf(stderr, "%s\n", text);
}
int main(int argc, char **argv)
{
    show(argc > 1 ? argv[1] : "usage: pump-report FILE");
    return 0;
}
)~"},
    {"alias pointer",
     R"~(#include <stdio.h>
#include <string.h>
void show(void)
{
    char buffer[100] = "";
    char *data = buffer;
    char *tail;
    strcpy(data, "prefix:");
    tail = data + strlen(data);
    fgets(tail, 50, stdin);
    printf(data);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
void show(void)
{
    char buffer[100] = "";
    char *data = buffer;
    char *tail;
    strcpy(data, "prefix:");
    tail = data + strlen(data);
    strcpy(tail, "suffix");
    printf(data);
}
)~",
     "src/module.c"},
    {"cin",
     R"~(#include <iostream>
#include <cstdio>
void echo()
{
    char buffer[100] = "";
    char *data = buffer;
    std::cin >> data;
    printf(data);
}
)~",
     R"~(#include <iostream>
#include <cstdio>
void echo()
{
    char buffer[100] = "";
    char *data = buffer;
    std::cin >> data;
    printf("%s\n", data);
}
)~",
     "src/module.cpp"},
    {"fgets printf",
     R"~(#include <stdio.h>
#include <string.h>
void handle_input(void)
{
    char *data;
    char dataBuffer[100] = "";
    data = dataBuffer;
    {
        size_t dataLen = strlen(data);
        if (100 - dataLen > 1)
        {
            if (fgets(data + dataLen, (int)(100 - dataLen), stdin) != NULL)
            {
                dataLen = strlen(data);
                if (dataLen > 0 && data[dataLen - 1] == '\n') data[dataLen - 1] = '\0';
            }
        }
    }
    printf(data);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
void handle_input(void)
{
    char *data;
    char dataBuffer[100] = "";
    data = dataBuffer;
    strcpy(data, "fixedstringtest");
    printf(data);
}
)~",
     "src/module.c"},
    {"fprintf literal assign",
     R"~(#include <stdio.h>
#define FIXED "fixed string"
void emit(int argc, char **argv)
{
    char *data;
    data = FIXED;
    if (argc > 1) data = argv[1];
    fprintf(stdout, data);
}
)~",
     R"~(#include <stdio.h>
#define FIXED "fixed string"
void emit(void)
{
    char *data;
    data = FIXED;
    fprintf(stdout, data);
}
)~",
     "src/module.c"},
    {"getline member",
     R"~(#include <fstream>
#include <cstdio>
void echo(std::ifstream &in)
{
    char line[128] = "";
    char *fmt = line;
    in.getline(fmt, sizeof line);
    std::printf(fmt);
}
)~",
     R"~(#include <fstream>
#include <cstdio>
void echo(std::ifstream &in)
{
    char line[128] = "";
    char *fmt = line;
    in.getline(line, sizeof line);
    std::printf("%s", fmt);
}
)~",
     "src/module.cpp"},
    {"heap buffer",
     R"~(#include <cstdio>
#include <cstring>
#include <cstdlib>
void show()
{
    char *data = new char[100];
    data[0] = '\0';
    std::strcpy(data, "fixedstringtest");
    std::printf(data);
    delete [] data;
}
void show_c()
{
    char *data = (char *)malloc(100 * sizeof(char));
    if (data == NULL) exit(-1);
    data[0] = '\0';
    {
        char *env = getenv("ADD");
        if (env != NULL) strncat(data, env, 99);
    }
    printf(data);
    free(data);
}
)~",
     R"~(#include <cstdio>
#include <cstring>
#include <cstdlib>
void show()
{
    char *data = new char[100];
    data[0] = '\0';
    std::strcpy(data, "fixedstringtest");
    std::printf(data);
    delete [] data;
}
void show_c()
{
    char *data = (char *)malloc(100 * sizeof(char));
    if (data == NULL) exit(-1);
    data[0] = '\0';
    strcat(data, "fixedstringtest");
    printf(data);
    free(data);
}
)~",
     "src/module.cpp"},
    {"snwprintf macro",
     R"~(#include <wchar.h>
#ifdef _WIN32
#define SNPRINTF _snwprintf
#else
#define SNPRINTF swprintf
#endif
void format_into(wchar_t *data)
{
    wchar_t dest[100] = L"";
    SNPRINTF(dest,
             100 - 1,
             data);
    fputws(dest, stdout);
}
)~",
     R"~(#include <wchar.h>
#ifdef _WIN32
#define SNPRINTF _snwprintf
#else
#define SNPRINTF swprintf
#endif
void format_into(wchar_t *data)
{
    wchar_t dest[100] = L"";
    SNPRINTF(dest,
             100 - 1,
             L"%s", data);
    fputws(dest, stdout);
}
)~",
     "src/module.c"},
    {"source helper",
     R"~(#include <stdio.h>
#include <string.h>
static char *read_source(char *data)
{
    size_t len = strlen(data);
    if (fgets(data + len, (int)(100 - len), stdin) == NULL) data[len] = '\0';
    return data;
}
void run(void)
{
    char buffer[100] = "";
    char *data = buffer;
    data = read_source(data);
    printf(data);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
static char *fixed_source(char *data)
{
    strcpy(data, "fixedstringtest");
    return data;
}
void run(void)
{
    char buffer[100] = "";
    char *data = buffer;
    data = fixed_source(data);
    printf(data);
}
)~",
     "src/module.c"},
    {"static sink",
     R"~(#include <stdio.h>
#include <string.h>
static void sink(char *data)
{
    fprintf(stdout, data);
}
void source_socket(int s)
{
    char buffer[100] = "";
    char *data = buffer;
    if (recv(s, data, 99, 0) <= 0) return;
    sink(data);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
static void sink(char *data)
{
    fprintf(stdout, data);
}
void source_fixed(void)
{
    char buffer[100] = "";
    char *data = buffer;
    strcpy(data, "fixedstringtest");
    sink(data);
}
void source_literal(void)
{
    sink("Hello\n");
}
)~",
     "src/module.c"},
    {"va wrapper",
     R"~(#include <stdio.h>
#include <stdarg.h>
#include <string.h>
static void print_va(char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vfprintf(stdout, fmt, args);
    va_end(args);
}
void relay(int sock)
{
    char buf[100] = "";
    char *data = buf;
    int n = recv(sock, data, 99, 0);
    if (n > 0) data[n] = '\0';
    print_va(data, data);
}
)~",
     R"~(#include <stdio.h>
#include <stdarg.h>
#include <string.h>
static void print_va(char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    vfprintf(stdout, fmt, args);
    va_end(args);
}
void relay(int sock)
{
    char buf[100] = "";
    char *data = buf;
    int n = recv(sock, data, 99, 0);
    if (n > 0) data[n] = '\0';
    print_va("%s", data);
}
)~",
     "src/module.c"},
    {"va wrapper wide",
     R"~(#include <cwchar>
#include <cstdarg>
#include <cstdio>
namespace sinks {
static void print_wide(const wchar_t *format, ...)
{
    va_list args;
    va_start(args, format);
    vwprintf(format, args);
    va_end(args);
}
void run()
{
    wchar_t buf[100] = L"";
    wchar_t *data = buf;
    size_t len = wcslen(data);
    FILE *f = fopen("input.txt", "r");
    if (f != NULL) { fgetws(data + len, (int)(100 - len), f); fclose(f); }
    print_wide(data, data);
}
}
)~",
     R"~(#include <cwchar>
#include <cstdarg>
namespace sinks {
static void print_wide(const wchar_t *format, ...)
{
    va_list args;
    va_start(args, format);
    vwprintf(format, args);
    va_end(args);
}
void run()
{
    wchar_t buf[100] = L"";
    wchar_t *data = buf;
    wcscpy(data, L"fixedstringtest");
    print_wide(data, data);
}
}
)~",
     "src/module.cpp"},
    {"vsnprintf helper",
     R"~(#include <stdio.h>
#include <stdarg.h>
static void log_to(char *dest, size_t n, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    _vsnprintf(dest, n, format, ap);
    va_end(ap);
}
void from_env(void)
{
    char out[64];
    char *data = getenv("ADD");
    if (data != NULL) log_to(out, sizeof out, data);
}
)~",
     R"~(#include <stdio.h>
#include <stdarg.h>
static void log_to(char *dest, size_t n, const char *format, ...)
{
    va_list ap;
    va_start(ap, format);
    _vsnprintf(dest, n, format, ap);
    va_end(ap);
}
void from_env(void)
{
    char out[64];
    char *data = getenv("ADD");
    if (data != NULL) log_to(out, sizeof out, "%s", data);
}
)~",
     "src/module.c"},
    {"wide env",
     R"~(#include <wchar.h>
#include <stdlib.h>
#define ENV_NAME L"ADD"
void show(void)
{
    wchar_t buffer[100] = L"";
    wchar_t *data = buffer;
    {
        size_t len = wcslen(data);
        wchar_t *env = _wgetenv(ENV_NAME);
        if (env != NULL) wcsncat(data + len, env, 100 - len - 1);
    }
    wprintf(data);
}
)~",
     R"~(#include <wchar.h>
#include <stdlib.h>
void show(void)
{
    wchar_t buffer[100] = L"";
    wchar_t *data = buffer;
    wcscpy(data, L"fixedstringtest");
    wprintf(data);
}
)~",
     "src/module.c"},
};

// A project's own err() or dprintf() whose format comes first (the library's first argument is a
// status or a descriptor, never a string literal): not a call of the library's function with a
// non-literal format.
const std::vector<RulePair> own_function_pairs = {
    {"the library's err() given a message as its format, against a project's err macro",
     R"~(#include <err.h>
void fail(int status, const char *message)
{
    err(status, message);
}
)~",
     R"~(#include "hotplug.h" /* #define err(format, arg...) printk(KERN_ERR "hotplug: " format, ## arg) */
void fail(int device)
{
    err("device %x cannot be hot-plugged\n", device);
}
)~"},
    {"dprintf to a descriptor with a message as format, against a debug dprintf macro",
     R"~(#include <stdio.h>
void trace(int fd, const char *message)
{
    dprintf(fd, message);
}
)~",
     R"~(#include "debug.h" /* #define dprintf(fmt, ...) do { if (verbose) printf(fmt, ##__VA_ARGS__); } while (0) */
void trace(const char *message)
{
    dprintf("user prio -> %s\n", message);
}
)~"},
};

TEST(ProgramPairs, FormatStrings) { expect_pairs("CODE-2", code2_program_pairs); }
TEST(ProgramPairs, OwnFunctionsOfLibraryNames) { expect_pairs("CODE-2", own_function_pairs); }

// Formats kept in file-scope variables: the fixed twin's variable holds its literal (no code of the
// file writes it); the flawed twin's is written from input somewhere in the file.
const std::vector<RulePair> file_scope_format_pairs = {
    {"a static array filled from input",
     R"~(#include <stdio.h>
static char line_fmt[128] = "%s\n";
static void configure(void)
{
    if (fgets(line_fmt, sizeof line_fmt, stdin) == NULL)
        line_fmt[0] = '\0';
}
int main(void)
{
    configure();
    printf(line_fmt, "pump");
    return 0;
}
)~",
     R"~(#include <stdio.h>
static char line_fmt[128] = "%s\n";
static void configure(void)
{
    char buf[128];
    if (fgets(buf, sizeof buf, stdin) == NULL)
        buf[0] = '\0';
}
int main(void)
{
    configure();
    printf(line_fmt, "pump");
    return 0;
}
)~"},
    {"a static pointer set from an argument",
     R"~(#include <stdio.h>
static char *status_fmt = "status %d\n";
void set_status_format(char *f) { status_fmt = f; }
void report(int status) { printf(status_fmt, status); }
)~",
     R"~(#include <stdio.h>
static char *status_fmt = "status %d\n";
void set_status_width(int w) { (void)w; }
void report(int status) { printf(status_fmt, status); }
)~"},
    {"a global array read by scanf",
     R"~(#include <stdio.h>
char alarm_fmt[64] = "alarm %d\n";
int main(void)
{
    if (scanf("%63s", alarm_fmt) != 1) return 1;
    fprintf(stderr, alarm_fmt, 3);
    return 0;
}
)~",
     R"~(#include <stdio.h>
char alarm_fmt[64] = "alarm %d\n";
int main(void)
{
    char unit[64];
    if (scanf("%63s", unit) != 1) return 1;
    fprintf(stderr, alarm_fmt, 3);
    return 0;
}
)~"},
    {"a static array overwritten by strcpy",
     R"~(#include <stdio.h>
#include <string.h>
#include <syslog.h>
static char log_fmt[80] = "dose %u ml\n";
void on_message(const char *msg, unsigned dose)
{
    strcpy(log_fmt, msg);
    syslog(LOG_INFO, log_fmt, dose);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
#include <syslog.h>
static char log_fmt[80] = "dose %u ml\n";
void on_message(const char *msg, unsigned dose)
{
    syslog(LOG_INFO, log_fmt, dose);
    syslog(LOG_DEBUG, "%s", msg);
}
)~"},
};

TEST(ProgramPairs, FileScopeFormats) { expect_pairs("CODE-2", file_scope_format_pairs); }

}  // namespace
}  // namespace mdbc::source
