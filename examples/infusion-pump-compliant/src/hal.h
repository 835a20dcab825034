/* Hardware access of the pump controller board (Linux on the communications processor; the
 * motor driver, pressure and air-in-line sensors sit behind kernel drivers). */
#ifndef PUMP_HAL_H
#define PUMP_HAL_H

#include <stddef.h>
#include <stdint.h>

int hal_init(void);

/* Downstream line pressure in mmHg (occlusion detection). */
uint32_t hal_pressure_mmhg(void);
/* Air seen by the ultrasonic air-in-line sensor since the last call, in 0.1 uL. */
uint32_t hal_air_seen_tenth_ul(void);
/* Non-zero when the plunger has reached the end of the syringe. */
int hal_plunger_at_end(void);

void hal_motor_enable(int on);
/* Advances the lead screw by `steps` micro-steps; returns the steps actually made. */
uint32_t hal_motor_step(uint32_t steps);
void hal_buzzer(int on);

/* Serial (RS-232 service port) and BLE (nurse-call tablet) links, non-blocking. */
enum hal_link { HAL_LINK_SERIAL = 0, HAL_LINK_BLE = 1, HAL_LINK_COUNT = 2 };
long hal_link_read(enum hal_link link, uint8_t *buf, size_t cap);
long hal_link_write(enum hal_link link, const uint8_t *buf, size_t len);

/* Security counter of the image the motor-control MCU runs (its MCUboot trailer). */
uint32_t hal_mcu_security_counter(void);

uint32_t hal_millis(void);
void hal_sleep_ms(uint32_t ms);

#endif
