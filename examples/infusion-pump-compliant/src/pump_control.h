/* Pump control: stepper drive of the syringe plunger, occlusion and air-in-line alarms, and the
 * accounting of the delivered dose against the programmed hourly limit. */
#ifndef PUMP_CONTROL_H
#define PUMP_CONTROL_H

#include <stdint.h>

enum pump_state { PUMP_IDLE = 0, PUMP_INFUSING, PUMP_BOLUS, PUMP_ALARM };

enum pump_alarm {
    PUMP_ALARM_NONE = 0,
    PUMP_ALARM_OCCLUSION = 1U << 0,
    PUMP_ALARM_AIR_IN_LINE = 1U << 1,
    PUMP_ALARM_END_OF_SYRINGE = 1U << 2,
    PUMP_ALARM_SENSOR_FAULT = 1U << 3,
    PUMP_ALARM_MOTOR_STALL = 1U << 4,
};

enum pump_result { PUMP_OK = 0, PUMP_ERR_STATE = -1, PUMP_ERR_LIMIT = -2, PUMP_ERR_RANGE = -3 };

struct pump_status {
    enum pump_state state;
    uint32_t alarms;              /* enum pump_alarm bits */
    uint32_t rate_ul_per_h;       /* basal rate */
    uint32_t bolus_left_ul;
    uint64_t delivered_nl;        /* since power-up */
    uint32_t last_hour_ul;        /* delivered in the sliding last 60 minutes */
    uint32_t hourly_limit_ul;
    uint32_t pressure_mmhg;       /* last sample */
    uint32_t air_window_tenth_ul; /* air seen in the current 15-minute window */
};

void pump_init(uint32_t hourly_limit_ul);
enum pump_result pump_set_rate(uint32_t ul_per_h);
enum pump_result pump_start_bolus(uint32_t volume_ul, uint32_t duration_s);
void pump_stop(void);
enum pump_result pump_clear_alarms(void);
/* The control loop: call every few milliseconds with the time since the previous call. */
void pump_tick(uint32_t elapsed_ms);
void pump_get_status(struct pump_status *out);

#endif
