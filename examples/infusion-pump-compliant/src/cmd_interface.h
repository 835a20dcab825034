/* Command interface on the serial service port and the BLE link. Each frame payload starts with
 * an opcode:
 *   'A' <PIN>                   clinician login; the reply carries a session token
 *   'S' <passphrase>            biomed service login (service port only)
 *   'R' <token, 32 bytes>       resume a session after the BLE link dropped
 *   'C' <clinical command>      see bolus_parser.h (any session)
 *   'D' <request>               diagnostics (service session)
 *   'G' <host> <path>           fetch a firmware image from the update server (service session)
 *   'U' <size in decimal>       begin a firmware upload (service session)
 *   'W' <offset, 4 bytes BE> <data>
 *   'F'                         finish the upload: verify and stage the image
 * Five failed logins on a link lock it for five minutes. */
#ifndef PUMP_CMD_INTERFACE_H
#define PUMP_CMD_INTERFACE_H

int cmd_init(void);
/* Reads what the links have received and executes complete commands. */
void cmd_poll(void);

#endif
