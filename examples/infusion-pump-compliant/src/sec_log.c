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
    log_fd = open(SEC_LOG_PATH, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, S_IRUSR | S_IWUSR | S_IRGRP);
}

void sec_log_event(enum sec_event event, uint32_t detail)
{
    const char *name = (unsigned)event < SEC_EV_COUNT ? event_names[event] : "unknown";
    char line[96];
    int n = snprintf(line, sizeof line, "%lld %s %" PRIu32 "\n", (long long)time(NULL), name, detail);
    bool stored = log_fd >= 0 && n > 0 && (size_t)n < sizeof line && write(log_fd, line, (size_t)n) == (ssize_t)n;
    syslog(stored ? LOG_NOTICE : LOG_WARNING, "%s detail=%" PRIu32 "%s", name, detail,
           stored ? "" : " (not in the local log)");
}
