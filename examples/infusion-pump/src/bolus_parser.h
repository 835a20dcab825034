/* Clinical command parser. Commands arrive as text inside authenticated frames:
 *   BOLUS <volume> [OVER <seconds>] [DRUG <name>]   volume in uL, e.g. "BOLUS 5*72 OVER 120"
 *   RATE <volume per hour>                           basal rate in uL/h
 *   STOP | STATUS | CLEAR
 * Volumes are integer expressions with + - * / and parentheses so that weight-based doses
 * (uL per kg times kg) can be sent as prescribed. */
#ifndef PUMP_BOLUS_PARSER_H
#define PUMP_BOLUS_PARSER_H

#include <stdint.h>

#define DRUG_NAME_MAX 16

enum clinical_op { OP_NONE = 0, OP_BOLUS, OP_RATE, OP_STOP, OP_STATUS, OP_CLEAR };

struct clinical_cmd {
    enum clinical_op op;
    long volume_ul;       /* BOLUS volume or RATE uL/h */
    long duration_s;      /* BOLUS delivery time */
    char drug[DRUG_NAME_MAX];
};

/* Returns 0 and fills `out`, or -1 when the text is not a valid command. */
int clinical_parse(const char *text, struct clinical_cmd *out);

#endif
