// Values read out of a member, through a pointer or out of a union: CODE-2 follows the object the
// format is read from (its every store a literal, or a buffer filled only from literals), and a
// file-scope object is written by no other function of the file but with literals. LOG-3 reports a
// secret-named value stored into the object logged (every store a secret).
#include <gtest/gtest.h>

#include "inspect/source/rule_pairs.h"

namespace mdbc::source {
namespace {

using test::expect_pairs;
using test::RulePair;

const std::vector<RulePair> code2_member_pairs = {
    {"a banner field received from a socket",
     R"~(#include <string.h>
#include <syslog.h>
#include <sys/socket.h>
struct banner
{
    const char *text;
    const char *source;
};
void greet(int sock)
{
    char received[256] = "";
    struct banner b;
    if (recv(sock, received, sizeof(received) - 1, 0) <= 0)
        return;
    b.source = "network";
    b.text = received;
    syslog(LOG_INFO, b.text);
}
)~",
     R"~(#include <string.h>
#include <syslog.h>
#include <sys/socket.h>
struct banner
{
    const char *text;
    const char *source;
};
void greet(int sock)
{
    char received[256] = "";
    struct banner b;
    (void)sock;
    strncpy(received, "pump ready", sizeof(received) - 1);
    b.source = "network";
    b.text = received;
    syslog(LOG_INFO, b.text);
}
)~"},
    {"a format through a pointer to a pointer",
     R"~(#include <stdio.h>
#include <stdlib.h>
void show_unit(void)
{
    const char *unit = getenv("DOSE_UNIT");
    const char **slot = &unit;
    if (unit == NULL)
        return;
    fprintf(stderr, *slot);
}
)~",
     R"~(#include <stdio.h>
#include <stdlib.h>
void show_unit(void)
{
    const char *unit = "ml/h\n";
    const char **slot = &unit;
    if (getenv("DOSE_UNIT") == NULL)
        return;
    fprintf(stderr, *slot);
}
)~"},
    {"a member set through a pointer to the struct",
     R"~(#include <stdio.h>
struct reading
{
    char label[64];
    const char *fmt;
};
void print_reading(FILE *in)
{
    struct reading r;
    struct reading *p = &r;
    if (fgets(p->label, sizeof(p->label), in) == NULL)
        return;
    p->fmt = p->label;
    printf(p->fmt);
}
)~",
     R"~(#include <stdio.h>
struct reading
{
    char label[64];
    const char *fmt;
};
void print_reading(FILE *in)
{
    struct reading r;
    struct reading *p = &r;
    (void)in;
    p->fmt = "reading\n";
    printf(p->fmt);
}
)~"},
    {"a union of two views of a line read with std::cin",
     R"~(#include <cstdio>
#include <iostream>
union view
{
    char *text;
    const char *shown;
};
void echo_line()
{
    char line[128] = "";
    view v;
    std::cin.getline(line, sizeof(line));
    v.text = line;
    std::printf(v.shown);
}
)~",
     R"~(#include <cstdio>
#include <cstring>
#include <iostream>
union view
{
    char *text;
    const char *shown;
};
void echo_line()
{
    char line[128] = "";
    view v;
    std::strcpy(line, "no input\n");
    v.text = line;
    std::printf(v.shown);
}
)~",
     "src/module.cpp"},
    {"a struct given by address to a printing helper",
     R"~(#include <stdio.h>
#include <stdlib.h>
struct alarm_text
{
    const char *fmt;
};
static void emit(const struct alarm_text *a)
{
    printf(a->fmt);
}
void raise_alarm(void)
{
    struct alarm_text a;
    a.fmt = getenv("ALARM_TEXT");
    if (a.fmt != NULL)
        emit(&a);
}
)~",
     R"~(#include <stdio.h>
#include <stdlib.h>
struct alarm_text
{
    const char *fmt;
};
static void emit(const struct alarm_text *a)
{
    printf(a->fmt);
}
void raise_alarm(void)
{
    struct alarm_text a;
    a.fmt = "occlusion alarm\n";
    if (getenv("ALARM_TEXT") != NULL)
        emit(&a);
}
)~"},
    {"a file-scope struct whose member another function sets from its argument",
     R"~(#include <stdio.h>
struct screen
{
    const char *title;
};
static struct screen menu;
void set_title(const char *title)
{
    menu.title = title;
}
void draw_menu(void)
{
    if (menu.title == NULL)
        menu.title = "Main menu\n";
    printf(menu.title);
}
)~",
     R"~(#include <stdio.h>
struct screen
{
    const char *title;
};
static struct screen menu;
void reset_title(void)
{
    menu.title = "Settings\n";
}
void draw_menu(void)
{
    if (menu.title == NULL)
        menu.title = "Main menu\n";
    printf(menu.title);
}
)~"},
    {"a file-scope buffer another function copies its argument into",
     R"~(#include <stdio.h>
#include <string.h>
static char status_line[128];
void on_status(const char *msg)
{
    strncpy(status_line, msg, sizeof(status_line) - 1);
}
void show_status(void)
{
    strcpy(status_line, "idle\n");
    printf(status_line);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
static char status_line[128];
void on_reset(void)
{
    strcpy(status_line, "ready\n");
}
void show_status(void)
{
    strcpy(status_line, "idle\n");
    printf(status_line);
}
)~"},
};

const std::vector<RulePair> log3_member_pairs = {
    {"a PIN kept in a session field and logged",
     R"~(#include <stdio.h>
#include <syslog.h>
struct session
{
    const char *code;
    const char *user;
};
void start_session(const char *name)
{
    char pin[16] = "";
    struct session s;
    if (scanf("%15s", pin) != 1)
        return;
    s.code = pin;
    syslog(LOG_DEBUG, "session code %s", s.code);
    (void)name;
}
)~",
     R"~(#include <stdio.h>
#include <syslog.h>
struct session
{
    const char *code;
    const char *user;
};
void start_session(const char *name)
{
    char pin[16] = "";
    struct session s;
    if (scanf("%15s", pin) != 1)
        return;
    s.code = pin;
    s.user = name;
    syslog(LOG_DEBUG, "session for %s", s.user);
}
)~"},
    {"a token streamed through a pointer to it",
     R"~(#include <iostream>
#include <string>
void refresh(const std::string &api_token, const std::string &user_name)
{
    const std::string *shown = &api_token;
    std::cerr << "refreshed " << *shown << std::endl;
    (void)user_name;
}
)~",
     R"~(#include <iostream>
#include <string>
void refresh(const std::string &api_token, const std::string &user_name)
{
    const std::string *shown = &user_name;
    std::cerr << "refreshed " << *shown << std::endl;
    (void)api_token;
}
)~",
     "src/module.cpp"},
    {"a passphrase in a struct given by address to a tracing helper",
     R"~(#include <stdio.h>
#include <string.h>
struct attempt
{
    const char *text;
};
static void trace_attempt(const struct attempt *a)
{
    fprintf(stderr, "attempt: %s\n", a->text);
}
void unlock(void)
{
    char passphrase[64] = "";
    struct attempt a;
    if (fgets(passphrase, sizeof(passphrase), stdin) == NULL)
        return;
    a.text = passphrase;
    trace_attempt(&a);
}
)~",
     R"~(#include <stdio.h>
#include <string.h>
struct attempt
{
    const char *text;
};
static void trace_attempt(const struct attempt *a)
{
    fprintf(stderr, "attempt: %zu characters\n", strlen(a->text));
}
void unlock(void)
{
    char passphrase[64] = "";
    struct attempt a;
    if (fgets(passphrase, sizeof(passphrase), stdin) == NULL)
        return;
    a.text = passphrase;
    trace_attempt(&a);
}
)~"},
    {"a key printed to the debugger out of a union",
     R"~(#include <windows.h>
union key_view
{
    char *bytes;
    const char *text;
};
void show_key(char *secret_key)
{
    union key_view v;
    v.bytes = secret_key;
    OutputDebugStringA(v.text);
}
)~",
     R"~(#include <windows.h>
union key_view
{
    char *bytes;
    const char *text;
};
void show_key(char *secret_key, char *key_label)
{
    union key_view v;
    v.bytes = key_label;
    OutputDebugStringA(v.text);
    (void)secret_key;
}
)~"},
};

TEST(MemberFlowPairs, Code2) { expect_pairs("CODE-2", code2_member_pairs); }
TEST(MemberFlowPairs, Log3) { expect_pairs("LOG-3", log3_member_pairs); }

}  // namespace
}  // namespace mdbc::source
