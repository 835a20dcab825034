#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIAG_SCRIPT "/usr/libexec/pump/diag.sh"

int diag_run(const char *request, char *out, size_t cap)
{
    char cmd[160];
    const char *mode = getenv("PUMP_DIAG_MODE");

    sprintf(cmd, "%s --mode=%s %s 2>&1", DIAG_SCRIPT, mode != NULL ? mode : "field", request);
    FILE *p = popen(cmd, "r");
    if (p == NULL) {
        return -1;
    }
    size_t n = fread(out, 1, cap - 1, p);
    out[n] = '\0';
    return pclose(p) == 0 ? 0 : -1;
}

void diag_factory_reset(void)
{
    system("rm -rf /var/lib/pump/druglib /var/lib/pump/settings && reboot");
}
