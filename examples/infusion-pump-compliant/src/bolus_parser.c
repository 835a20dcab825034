#include "bolus_parser.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "strutil.h"

#define DEFAULT_BOLUS_SECONDS 60U

struct expr_stacks {
    uint64_t val[EXPR_MAX_DEPTH];
    char op[EXPR_MAX_DEPTH];
    size_t nval;
    size_t nop;
};

static int precedence(char op)
{
    if (op == '+' || op == '-') {
        return 1;
    }
    if (op == '*' || op == '/') {
        return 2;
    }
    return 0; /* '(' and anything else */
}

static const char *skip_blanks(const char *p)
{
    while (*p == ' ' || *p == '\t') {
        p++;
    }
    return p;
}

/* Pops one operator and two values, pushes the result. */
static bool apply_top(struct expr_stacks *e)
{
    if (e->nval < 2U || e->nop == 0U) {
        return false;
    }
    char op = e->op[--e->nop];
    uint64_t b = e->val[--e->nval];
    uint64_t a = e->val[e->nval - 1U];
    uint64_t r = 0;
    switch (op) {
    case '+':
        r = a + b;
        break;
    case '-':
        if (b > a) {
            return false;
        }
        r = a - b;
        break;
    case '*':
        r = a * b; /* both <= EXPR_VALUE_MAX: no 64-bit overflow */
        break;
    case '/':
        if (b == 0U) {
            return false;
        }
        r = a / b;
        break;
    default:
        return false;
    }
    if (r > EXPR_VALUE_MAX) {
        return false;
    }
    e->val[e->nval - 1U] = r;
    return true;
}

/* Evaluates the volume expression at *pos (shunting-yard); on success advances *pos past it. */
static bool eval_volume(const char **pos, uint32_t *out)
{
    struct expr_stacks e;
    const char *p = *pos;
    bool expect_value = true;

    memset(&e, 0, sizeof e);
    for (;;) {
        p = skip_blanks(p);
        char c = *p;
        if (expect_value) {
            if (c == '(') {
                if (e.nop == EXPR_MAX_DEPTH) {
                    return false;
                }
                e.op[e.nop++] = '(';
                p++;
                continue;
            }
            uint32_t v = 0;
            const char *end = NULL;
            if (e.nval == EXPR_MAX_DEPTH || !parse_u32(p, EXPR_VALUE_MAX, &v, &end)) {
                return false;
            }
            e.val[e.nval++] = v;
            p = end;
            expect_value = false;
        } else if (c == ')') {
            while (e.nop > 0U && e.op[e.nop - 1U] != '(') {
                if (!apply_top(&e)) {
                    return false;
                }
            }
            if (e.nop == 0U) {
                return false;
            }
            e.nop--;
            p++;
        } else if (precedence(c) > 0) {
            while (e.nop > 0U && precedence(e.op[e.nop - 1U]) >= precedence(c)) {
                if (!apply_top(&e)) {
                    return false;
                }
            }
            if (e.nop == EXPR_MAX_DEPTH) {
                return false;
            }
            e.op[e.nop++] = c;
            p++;
            expect_value = true;
        } else {
            break;
        }
    }
    while (e.nop > 0U) {
        if (e.op[e.nop - 1U] == '(' || !apply_top(&e)) {
            return false;
        }
    }
    if (e.nval != 1U) {
        return false;
    }
    *out = (uint32_t)e.val[0];
    *pos = p;
    return true;
}

/* Consumes `kw` followed by a blank or the end of the text. */
static bool take_keyword(const char **pos, const char *kw)
{
    const char *p = skip_blanks(*pos);
    size_t n = strlen(kw);
    if (strncmp(p, kw, n) != 0 || (p[n] != ' ' && p[n] != '\t' && p[n] != '\0')) {
        return false;
    }
    *pos = skip_blanks(p + n);
    return true;
}

static bool parse_bolus(const char *p, struct clinical_cmd *out)
{
    const char *end = NULL;
    out->op = OP_BOLUS;
    out->duration_s = DEFAULT_BOLUS_SECONDS;
    if (!eval_volume(&p, &out->volume_ul)) {
        return false;
    }
    if (take_keyword(&p, "OVER")) {
        if (!parse_u32(p, BOLUS_SECONDS_MAX, &out->duration_s, &end)) {
            return false;
        }
        p = end;
    }
    if (take_keyword(&p, "DRUG")) {
        size_t n = strcspn(p, " \t");
        if (n == 0U || !str_copy_n(out->drug, sizeof out->drug, p, n)) {
            return false;
        }
        p += n;
    }
    return *skip_blanks(p) == '\0';
}

int clinical_parse(const char *text, struct clinical_cmd *out)
{
    const char *p = text;
    bool ok = false;

    memset(out, 0, sizeof *out);
    if (take_keyword(&p, "BOLUS")) {
        ok = parse_bolus(p, out);
    } else if (take_keyword(&p, "RATE")) {
        out->op = OP_RATE;
        ok = eval_volume(&p, &out->volume_ul) && *skip_blanks(p) == '\0';
    } else if (take_keyword(&p, "STOP")) {
        out->op = OP_STOP;
        ok = *p == '\0';
    } else if (take_keyword(&p, "STATUS")) {
        out->op = OP_STATUS;
        ok = *p == '\0';
    } else if (take_keyword(&p, "CLEAR")) {
        out->op = OP_CLEAR;
        ok = *p == '\0';
    }
    return ok ? 0 : -1;
}
