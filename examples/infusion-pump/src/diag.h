/* Service diagnostics, reachable from the service port after the service password. */
#ifndef PUMP_DIAG_H
#define PUMP_DIAG_H

#include <stddef.h>

/* Runs a diagnostics request ("sensors", "motor", "net", ...) and writes its report to `out`. */
int diag_run(const char *request, char *out, size_t cap);
/* Wipes the drug library and settings and reboots. */
void diag_factory_reset(void);

#endif
