// CODE-2 on formats looked up in tables (literal_table_element): a table of literal formats is a
// literal format whichever entry is chosen; a table that anything may write is not.
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> table_pairs = {
    {"static table written by a setter",
     R"~(#include <stdio.h>
static const char *alarm_formats[] = { "occlusion on line %d\n", "air in line %d\n" };
void set_alarm_format(int i, const char *format) { alarm_formats[i & 1] = format; }
void show_alarm(int kind, int line) { printf(alarm_formats[kind & 1], line); }
)~",
     R"~(#include <stdio.h>
static const char *alarm_formats[] = { "occlusion on line %d\n", "air in line %d\n" };
void show_alarm(int kind, int line) { printf(alarm_formats[kind & 1], line); }
)~"},
    {"global table whose pointers other files may change",
     R"~(#include <stdio.h>
const char *alarm_formats[] = { "occlusion on line %d\n", "air in line %d\n" };
void show_alarm(int kind, int line) { printf(alarm_formats[kind & 1], line); }
)~",
     R"~(#include <stdio.h>
const char *const alarm_formats[] = { "occlusion on line %d\n", "air in line %d\n" };
void show_alarm(int kind, int line) { printf(alarm_formats[kind & 1], line); }
)~"},
    {"struct table holding a buffer of input",
     R"~(#include <stdio.h>
extern char last_command[64];
struct message { int code; const char *format; };
static const struct message messages[] = { { 1, "rate %u ml/h\n" }, { 2, last_command } };
void show(int i, unsigned rate) { printf(messages[i & 1].format, rate); }
)~",
     R"~(#include <stdio.h>
#include <inttypes.h>
struct message { int code; const char *format; };
static const struct message messages[] = {
    [0] = { .code = 1, .format = "rate %u ml/h\n" },
    [1] = { .code = 2, .format = "volume %" PRIu32 " ml\n" },
};
void show(int i, unsigned rate) { printf(messages[i & 1].format, rate); }
)~"},
    {"local table with an entry replaced by input",
     R"~(#include <stdio.h>
void show(int i, char *input)
{
    const char *formats[] = { "%d\n", "%x\n", NULL };
    formats[2] = input;
    fprintf(stderr, formats[i % 3], i);
}
)~",
     R"~(#include <stdio.h>
void show(int i, char *input)
{
    const char *formats[] = { "%d\n", "%x\n", NULL };
    fprintf(stderr, formats[i % 2], i);
    fputs(input, stderr);
}
)~"},
    {"two-dimensional char table of a C++ file",
     R"~(#include <cstdio>
extern char names[4][32];
void show(int i, char *out) { std::snprintf(out, 32, names[i & 3], i); }
)~",
     R"~(#include <cstdio>
static const char names[][32] = { "queue%d_rx", "queue%d_tx", "queue%d_drop", "queue%d_err" };
void show(int i, char *out) { std::snprintf(out, 32, names[i & 3], i); }
)~",
     "src/module.cpp"},
};

TEST(FormatTables, Pairs) { expect_pairs("CODE-2", table_pairs); }

}  // namespace
}  // namespace mdbc::source
