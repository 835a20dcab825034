#include "diag.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#include "pump_control.h"
#include "sec_log.h"

static const char *const settings_files[] = {
    "/var/lib/pump/druglib.bin",
    "/var/lib/pump/settings.bin",
};

int diag_run(const char *request, char *out, size_t cap)
{
    struct pump_status st;
    int n = -1;
    pump_get_status(&st);
    if (strcmp(request, "sensors") == 0) {
        n = snprintf(out, cap, "pressure=%" PRIu32 "mmHg air_window=%" PRIu32 ".%" PRIu32 "uL", st.pressure_mmhg,
                     st.air_window_tenth_ul / 10U, st.air_window_tenth_ul % 10U);
    } else if (strcmp(request, "motor") == 0) {
        n = snprintf(out, cap, "state=%d alarms=0x%02" PRIx32 " rate=%" PRIu32 "uL/h bolus_left=%" PRIu32 "uL",
                     (int)st.state, st.alarms, st.rate_ul_per_h, st.bolus_left_ul);
    } else if (strcmp(request, "counters") == 0) {
        n = snprintf(out, cap, "delivered=%" PRIu64 "nL last_hour=%" PRIu32 "uL limit=%" PRIu32 "uL",
                     st.delivered_nl, st.last_hour_ul, st.hourly_limit_ul);
    }
    return n >= 0 && (size_t)n < cap ? 0 : -1;
}

void diag_factory_reset(void)
{
    sec_log_event(SEC_EV_FACTORY_RESET, 0);
    pump_stop();
    for (size_t i = 0; i < sizeof settings_files / sizeof settings_files[0]; ++i) {
        (void)unlink(settings_files[i]);
    }
    sync();
    (void)reboot(RB_AUTOBOOT);
}
