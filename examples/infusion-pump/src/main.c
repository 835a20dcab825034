/* pumpd: the infusion pump controller. Runs the 10 ms control loop and serves the links. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "cmd_interface.h"
#include "crypto.h"
#include "hal.h"
#include "pump_control.h"
#include "sec_log.h"

#define TICK_MS 10U
#define HOURLY_LIMIT_UL 100000U
#define IDENTITY_KEY_PATH "/var/lib/pump/identity.pem"

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

int main(void)
{
    struct stat st;

    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    sec_log_open();
    crypto_init();
    if (stat(IDENTITY_KEY_PATH, &st) != 0 && crypto_make_device_identity(IDENTITY_KEY_PATH) != 0) {
        sec_log_raw("cannot create the device identity key");
    }
    if (hal_init() != 0 || cmd_init() != 0) {
        fprintf(stderr, "pumpd: hardware or configuration missing\n");
        exit(1);
    }
    pump_init(HOURLY_LIMIT_UL);
    sec_log(LOG_NOTICE, "pumpd started");

    uint32_t last = hal_millis();
    while (!stop_requested) {
        uint32_t now = hal_millis();
        pump_tick(now - last);
        last = now;
        cmd_poll();
        hal_sleep_ms(TICK_MS);
    }
    pump_stop();
    sec_log(LOG_NOTICE, "pumpd stopped");
    return 0;
}
