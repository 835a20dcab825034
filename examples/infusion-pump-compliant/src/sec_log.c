#include "sec_log.h"

#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#define SEC_LOG_PATH "/var/log/pump/security.log"
#define SEC_LOG_MAX_BYTES (256L * 1024L)
#define SEC_LOG_KEEP 4
#define SEC_LOG_MODE (S_IRUSR | S_IWUSR | S_IRGRP)
#define SEC_LOG_FLAGS (O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC)

static const char *const event_names[SEC_EV_COUNT] = {
    [SEC_EV_STARTED] = "started",
    [SEC_EV_LOGIN_OK] = "login-ok",
    [SEC_EV_LOGIN_REJECTED] = "login-rejected",
    [SEC_EV_LOGIN_LOCKED_OUT] = "login-locked-out",
    [SEC_EV_SESSION_REJECTED] = "session-rejected",
    [SEC_EV_SERVICE_REJECTED] = "service-rejected",
    [SEC_EV_FW_REJECTED] = "firmware-rejected",
    [SEC_EV_FW_STAGED] = "firmware-staged",
    [SEC_EV_TLS_REJECTED] = "tls-peer-rejected",
    [SEC_EV_KEYSTORE_FAILED] = "keystore-failed",
    [SEC_EV_FACTORY_RESET] = "factory-reset",
};

static int log_fd = -1;

void sec_log_open(void)
{
    openlog("pumpd", LOG_PID | LOG_NDELAY, LOG_AUTHPRIV);
    log_fd = open(SEC_LOG_PATH, SEC_LOG_FLAGS, SEC_LOG_MODE);
}

/* Shifts security.log.N to security.log.N+1, oldest first, keeping SEC_LOG_KEEP generations. */
static void rotate(void)
{
    char from[64];
    char to[64];
    for (int generation = SEC_LOG_KEEP - 1; generation >= 0; --generation) {
        int f = generation == 0 ? snprintf(from, sizeof from, "%s", SEC_LOG_PATH)
                                : snprintf(from, sizeof from, "%s.%d", SEC_LOG_PATH, generation);
        int t = snprintf(to, sizeof to, "%s.%d", SEC_LOG_PATH, generation + 1);
        if (f > 0 && (size_t)f < sizeof from && t > 0 && (size_t)t < sizeof to) {
            (void)rename(from, to);
        }
    }
}

void sec_log_event(enum sec_event event, uint32_t detail)
{
    const char *name = (unsigned)event < SEC_EV_COUNT ? event_names[event] : "unknown";
    char line[96];
    int n = snprintf(line, sizeof line, "%lld %s %" PRIu32 "\n", (long long)time(NULL), name, detail);
    if (log_fd >= 0 && lseek(log_fd, 0, SEEK_END) > SEC_LOG_MAX_BYTES) {
        (void)close(log_fd);
        rotate();
        log_fd = open(SEC_LOG_PATH, SEC_LOG_FLAGS, SEC_LOG_MODE);
    }
    bool stored = log_fd >= 0 && n > 0 && (size_t)n < sizeof line && write(log_fd, line, (size_t)n) == (ssize_t)n;
    syslog(stored ? LOG_NOTICE : LOG_WARNING, "%s detail=%" PRIu32 "%s", name, detail,
           stored ? "" : " (not in the local log)");
}
