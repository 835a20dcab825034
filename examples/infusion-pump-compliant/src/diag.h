/* Service diagnostics, for a session opened with the service passphrase on the service port. */
#ifndef PUMP_DIAG_H
#define PUMP_DIAG_H

#include <stddef.h>

/* Writes the report of a diagnostics request ("sensors", "motor", "counters") to `out`;
 * -1 for an unknown request or when the report does not fit. */
int diag_run(const char *request, char *out, size_t cap);
/* Wipes the drug library and settings and reboots. */
void diag_factory_reset(void);

#endif
