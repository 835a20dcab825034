/* Security event log: a local append-only file plus syslog (forwarded to the hospital's SIEM). */
#ifndef SEC_LOG_H
#define SEC_LOG_H

#include <syslog.h>

void sec_log_open(void);
/* printf-style message at a syslog level. */
void sec_log(int level, const char *fmt, ...);
/* Writes a message that is already formatted. */
void sec_log_raw(const char *msg);

#endif
