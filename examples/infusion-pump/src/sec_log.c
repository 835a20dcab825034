#include "sec_log.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#define SEC_LOG_PATH "/var/log/pump/security.log"
#define SEC_LOG_MAX_BYTES (256L * 1024L)
#define SEC_LOG_KEEP 4

static int log_fd = -1;

void sec_log_open(void)
{
    openlog("pumpd", LOG_PID | LOG_NDELAY, LOG_AUTHPRIV);
    log_fd = open(SEC_LOG_PATH, O_WRONLY | O_CREAT | O_APPEND, 0640);
}

/* Shifts security.log.N to security.log.N+1, oldest first, keeping SEC_LOG_KEEP generations. */
static void rotate(int generation)
{
    char from[64];
    char to[64];
    if (generation >= SEC_LOG_KEEP) {
        return;
    }
    rotate(generation + 1);
    if (generation == 0) {
        strcpy(from, SEC_LOG_PATH);
    } else {
        sprintf(from, "%s.%d", SEC_LOG_PATH, generation);
    }
    sprintf(to, "%s.%d", SEC_LOG_PATH, generation + 1);
    rename(from, to);
}

static void append_line(const char *msg)
{
    char line[320];
    sprintf(line, "%ld %s\n", (long)time(NULL), msg);
    if (log_fd >= 0 && lseek(log_fd, 0, SEEK_END) > SEC_LOG_MAX_BYTES) {
        close(log_fd);
        rotate(0);
        log_fd = open(SEC_LOG_PATH, O_WRONLY | O_CREAT | O_APPEND, 0640);
    }
    if (log_fd >= 0) {
        (void)write(log_fd, line, strlen(line));
    }
}

void sec_log(int level, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    append_line(msg);
    syslog(level, msg);
}

void sec_log_raw(const char *msg)
{
    char buf[256];
    strcpy(buf, msg);
    append_line(buf);
    syslog(LOG_ERR, buf);
}
