#include "bolus_parser.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_BOLUS_SECONDS 60

struct parser {
    const char *p;
    jmp_buf fail;
};

static long parse_expr(struct parser *ps);

static void skip_ws(struct parser *ps)
{
    while (*ps->p == ' ' || *ps->p == '\t') {
        ps->p++;
    }
}

static long parse_primary(struct parser *ps)
{
    skip_ws(ps);
    if (*ps->p == '(') {
        ps->p++;
        long v = parse_expr(ps);
        skip_ws(ps);
        if (*ps->p != ')') {
            longjmp(ps->fail, 1);
        }
        ps->p++;
        return v;
    }
    if (!isdigit((unsigned char)*ps->p)) {
        longjmp(ps->fail, 1);
    }
    long v = atol(ps->p);
    while (isdigit((unsigned char)*ps->p)) {
        ps->p++;
    }
    return v;
}

static long parse_unary(struct parser *ps)
{
    skip_ws(ps);
    if (*ps->p == '-') {
        ps->p++;
        return -parse_unary(ps);
    }
    return parse_primary(ps);
}

static long parse_term(struct parser *ps)
{
    long v = parse_unary(ps);
    for (;;) {
        skip_ws(ps);
        if (*ps->p == '*') {
            ps->p++;
            v *= parse_unary(ps);
        } else if (*ps->p == '/') {
            ps->p++;
            long d = parse_unary(ps);
            if (d == 0) {
                longjmp(ps->fail, 1);
            }
            v /= d;
        } else {
            return v;
        }
    }
}

static long parse_expr(struct parser *ps)
{
    long v = parse_term(ps);
    for (;;) {
        skip_ws(ps);
        if (*ps->p == '+') {
            ps->p++;
            v += parse_term(ps);
        } else if (*ps->p == '-') {
            ps->p++;
            v -= parse_term(ps);
        } else {
            return v;
        }
    }
}

static int keyword_at(struct parser *ps, const char *kw)
{
    size_t n = strlen(kw);
    skip_ws(ps);
    if (strncmp(ps->p, kw, n) == 0 && (ps->p[n] == ' ' || ps->p[n] == '\0')) {
        ps->p += n;
        skip_ws(ps);
        return 1;
    }
    return 0;
}

int clinical_parse(const char *text, struct clinical_cmd *out)
{
    struct parser ps;
    char keyword[8];

    memset(out, 0, sizeof *out);
    if (sscanf(text, "%s", keyword) != 1) {
        return -1;
    }
    ps.p = text + strlen(keyword);
    if (setjmp(ps.fail) != 0) {
        return -1;
    }
    if (strcmp(keyword, "BOLUS") == 0) {
        out->op = OP_BOLUS;
        out->volume_ul = parse_expr(&ps);
        out->duration_s = DEFAULT_BOLUS_SECONDS;
        if (keyword_at(&ps, "OVER")) {
            out->duration_s = atoi(ps.p);
            while (isdigit((unsigned char)*ps.p)) {
                ps.p++;
            }
        }
        if (keyword_at(&ps, "DRUG")) {
            strcpy(out->drug, ps.p);
        }
    } else if (strcmp(keyword, "RATE") == 0) {
        out->op = OP_RATE;
        out->volume_ul = parse_expr(&ps);
    } else if (strcmp(keyword, "STOP") == 0) {
        out->op = OP_STOP;
    } else if (strcmp(keyword, "STATUS") == 0) {
        out->op = OP_STATUS;
    } else if (strcmp(keyword, "CLEAR") == 0) {
        out->op = OP_CLEAR;
    } else {
        return -1;
    }
    return out->volume_ul < 0 ? -1 : 0;
}
