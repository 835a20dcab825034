/* Security event log: fixed event codes with one numeric detail, kept in a local append-only
 * file and sent to syslog (forwarded to the hospital's SIEM). Events never carry credentials:
 * they say what happened and on which link, not with which secret. */
#ifndef SEC_LOG_H
#define SEC_LOG_H

#include <stdint.h>

enum sec_event {
    SEC_EV_STARTED = 0,
    SEC_EV_LOGIN_OK,
    SEC_EV_LOGIN_REJECTED,       /* detail: failed attempts in a row */
    SEC_EV_LOGIN_LOCKED_OUT,     /* detail: lockout seconds */
    SEC_EV_SESSION_REJECTED,     /* detail: link */
    SEC_EV_SERVICE_REJECTED,     /* detail: link */
    SEC_EV_FW_REJECTED,          /* detail: enum fwup_reject_reason */
    SEC_EV_FW_STAGED,            /* detail: staged image size */
    SEC_EV_TLS_REJECTED,         /* detail: X509 verify result */
    SEC_EV_KEYSTORE_FAILED,      /* detail: key slot */
    SEC_EV_FACTORY_RESET,
    SEC_EV_COUNT
};

void sec_log_open(void);
void sec_log_event(enum sec_event event, uint32_t detail);

#endif
