/* pumpd: the infusion pump controller. Runs the 10 ms control loop and serves the links. */
#include <stdio.h>

#include "cmd_interface.h"
#include "crypto.h"
#include "fw_update.h"
#include "hal.h"
#include "pump_control.h"
#include "sec_log.h"

#define TICK_MS 10U
#define HOURLY_LIMIT_UL 100000U

int main(void)
{
    sec_log_open();
    sec_log_event(SEC_EV_STARTED, 0);
    if (hal_init() != 0 || crypto_init() != 0 || cmd_init() != 0) {
        (void)fputs("pumpd: hardware or provisioning missing\n", stderr);
        return 1;
    }
    fwup_init(hal_mcu_security_counter());
    pump_init(HOURLY_LIMIT_UL);

    uint32_t last = hal_millis();
    for (;;) {
        uint32_t now = hal_millis();
        pump_tick(now - last);
        last = now;
        cmd_poll();
        hal_sleep_ms(TICK_MS);
    }
}
