/* Clinical command parser. Commands arrive as text inside authenticated frames:
 *   BOLUS <volume> [OVER <seconds>] [DRUG <name>]   volume in uL, e.g. "BOLUS 5*72 OVER 120"
 *   RATE <volume per hour>                           basal rate in uL/h
 *   STOP | STATUS | CLEAR
 * Volumes are unsigned integer expressions with + - * / and parentheses so that weight-based
 * doses (uL per kg times kg) can be sent as prescribed. The evaluator is iterative with fixed
 * stacks: nesting depth and values are bounded, and anything outside the bounds is rejected. */
#ifndef PUMP_BOLUS_PARSER_H
#define PUMP_BOLUS_PARSER_H

#include <stdint.h>

#define DRUG_NAME_MAX 16
#define EXPR_MAX_DEPTH 16
#define EXPR_VALUE_MAX 10000000U   /* 10 L in uL: far above any limit, far below overflow */
#define BOLUS_SECONDS_MAX 86400U

enum clinical_op { OP_NONE = 0, OP_BOLUS, OP_RATE, OP_STOP, OP_STATUS, OP_CLEAR };

struct clinical_cmd {
    enum clinical_op op;
    uint32_t volume_ul;   /* BOLUS volume or RATE uL/h */
    uint32_t duration_s;  /* BOLUS delivery time */
    char drug[DRUG_NAME_MAX];
};

/* Returns 0 and fills `out`, or -1 when the text is not a valid command. */
int clinical_parse(const char *text, struct clinical_cmd *out);

#endif
