/* Command interface on the serial service port and the BLE link. Each frame payload starts with
 * an opcode:
 *   'A' <PIN>                   clinician login; the reply carries a session token
 *   'R' <token, 16 bytes>       resume a session after the BLE link dropped
 *   'C' <clinical command>      see bolus_parser.h (needs a session)
 *   'D' <password> <request>    service diagnostics (service port only)
 *   'G' <host> <path>           fetch a firmware image from the update server (needs a session)
 *   'U' <size in decimal>       begin a firmware upload (needs a session)
 *   'W' <offset, 4 bytes BE> <data>
 *   'F'                         finish the upload: check and stage the image */
#ifndef PUMP_CMD_INTERFACE_H
#define PUMP_CMD_INTERFACE_H

int cmd_init(void);
/* Reads what the links have received and executes complete commands. */
void cmd_poll(void);

#endif
