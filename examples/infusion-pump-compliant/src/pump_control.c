#include "pump_control.h"

#include "hal.h"

/* 50 mL syringe on a 1 mm lead screw with 1/16 micro-stepping: one micro-step moves 50 nL. */
#define NL_PER_STEP 50U
#define MAX_RATE_UL_PER_H 1200000U       /* 1200 mL/h */
#define MAX_BOLUS_UL 50000U
#define MIN_BOLUS_DURATION_S 10U
#define OCCLUSION_LIMIT_MMHG 750U
#define OCCLUSION_SAMPLES 3U
#define AIR_SINGLE_LIMIT_TENTH_UL 500U   /* 50 uL in one bubble */
#define AIR_WINDOW_LIMIT_TENTH_UL 10000U /* 1 mL within the window */
#define AIR_WINDOW_MS (15U * 60U * 1000U)
#define MINUTE_MS 60000U
#define HOUR_BUCKETS 60U

struct pump {
    struct pump_status st;
    uint64_t owed_nl;        /* volume the schedule asks for that the motor has not moved yet */
    uint64_t bolus_nl_per_s; /* bolus delivery speed */
    uint64_t bolus_left_nl;
    uint64_t basal_carry;    /* uL/h x ms not yet converted to nL */
    uint64_t bolus_carry;    /* nL/s x ms not yet converted to nL */
    uint32_t occlusion_count;
    uint32_t air_window_tenth_ul;
    uint32_t air_window_age_ms;
    uint32_t minute_age_ms;
    uint32_t minute_bucket;
    uint32_t bucket_ul[HOUR_BUCKETS];
    uint64_t bucket_carry_nl;
};

static struct pump pump;

void pump_init(uint32_t hourly_limit_ul)
{
    pump = (struct pump){0};
    pump.st.state = PUMP_IDLE;
    pump.st.hourly_limit_ul = hourly_limit_ul;
    hal_motor_enable(0);
}

static uint32_t last_hour_ul(void)
{
    uint32_t sum = 0;
    for (uint32_t i = 0; i < HOUR_BUCKETS; ++i) {
        sum += pump.bucket_ul[i];
    }
    return sum;
}

static void raise_alarm(uint32_t alarm)
{
    pump.st.alarms |= alarm;
    pump.st.state = PUMP_ALARM;
    pump.owed_nl = 0;
    pump.bolus_left_nl = 0;
    hal_motor_enable(0);
    hal_buzzer(1);
}

enum pump_result pump_set_rate(uint32_t ul_per_h)
{
    if (pump.st.state == PUMP_ALARM) {
        return PUMP_ERR_STATE;
    }
    if (ul_per_h > MAX_RATE_UL_PER_H) {
        return PUMP_ERR_RANGE;
    }
    pump.st.rate_ul_per_h = ul_per_h;
    if (pump.st.state == PUMP_IDLE && ul_per_h > 0U) {
        pump.st.state = PUMP_INFUSING;
        hal_motor_enable(1);
    } else if (pump.st.state == PUMP_INFUSING && ul_per_h == 0U) {
        pump.st.state = PUMP_IDLE;
        hal_motor_enable(0);
    }
    return PUMP_OK;
}

enum pump_result pump_start_bolus(uint32_t volume_ul, uint32_t duration_s)
{
    if (pump.st.state == PUMP_ALARM || pump.st.state == PUMP_BOLUS) {
        return PUMP_ERR_STATE;
    }
    if (volume_ul == 0U || volume_ul > MAX_BOLUS_UL || duration_s < MIN_BOLUS_DURATION_S) {
        return PUMP_ERR_RANGE;
    }
    if (last_hour_ul() + volume_ul > pump.st.hourly_limit_ul) {
        return PUMP_ERR_LIMIT;
    }
    pump.bolus_left_nl = (uint64_t)volume_ul * 1000U;
    pump.bolus_nl_per_s = pump.bolus_left_nl / duration_s;
    pump.bolus_carry = 0;
    pump.st.state = PUMP_BOLUS;
    hal_motor_enable(1);
    return PUMP_OK;
}

void pump_stop(void)
{
    pump.st.rate_ul_per_h = 0;
    pump.bolus_left_nl = 0;
    pump.owed_nl = 0;
    if (pump.st.state != PUMP_ALARM) {
        pump.st.state = PUMP_IDLE;
    }
    hal_motor_enable(0);
}

enum pump_result pump_clear_alarms(void)
{
    if (pump.st.state != PUMP_ALARM) {
        return PUMP_ERR_STATE;
    }
    /* An occlusion or air alarm may only be cleared once the cause is gone. */
    if (hal_pressure_mmhg() >= OCCLUSION_LIMIT_MMHG) {
        return PUMP_ERR_STATE;
    }
    pump.st.alarms = PUMP_ALARM_NONE;
    pump.st.rate_ul_per_h = 0;
    pump.st.state = PUMP_IDLE;
    pump.occlusion_count = 0;
    pump.air_window_tenth_ul = 0;
    hal_buzzer(0);
    return PUMP_OK;
}

static void check_sensors(uint32_t elapsed_ms)
{
    uint32_t pressure = hal_pressure_mmhg();
    uint32_t air = hal_air_seen_tenth_ul();
    if (pressure == UINT32_MAX || air == UINT32_MAX) {
        raise_alarm(PUMP_ALARM_SENSOR_FAULT);
        return;
    }
    pump.st.pressure_mmhg = pressure;
    pump.occlusion_count = pressure >= OCCLUSION_LIMIT_MMHG ? pump.occlusion_count + 1U : 0U;
    if (pump.occlusion_count >= OCCLUSION_SAMPLES) {
        raise_alarm(PUMP_ALARM_OCCLUSION);
    }
    pump.air_window_age_ms += elapsed_ms;
    if (pump.air_window_age_ms >= AIR_WINDOW_MS) {
        pump.air_window_age_ms = 0;
        pump.air_window_tenth_ul = 0;
    }
    pump.air_window_tenth_ul += air;
    pump.st.air_window_tenth_ul = pump.air_window_tenth_ul;
    if (air >= AIR_SINGLE_LIMIT_TENTH_UL || pump.air_window_tenth_ul >= AIR_WINDOW_LIMIT_TENTH_UL) {
        raise_alarm(PUMP_ALARM_AIR_IN_LINE);
    }
    if (hal_plunger_at_end()) {
        raise_alarm(PUMP_ALARM_END_OF_SYRINGE);
    }
}

static void account(uint64_t moved_nl, uint32_t elapsed_ms)
{
    pump.st.delivered_nl += moved_nl;
    pump.bucket_carry_nl += moved_nl;
    pump.bucket_ul[pump.minute_bucket] += (uint32_t)(pump.bucket_carry_nl / 1000U);
    pump.bucket_carry_nl %= 1000U;
    pump.minute_age_ms += elapsed_ms;
    if (pump.minute_age_ms >= MINUTE_MS) {
        pump.minute_age_ms -= MINUTE_MS;
        pump.minute_bucket = (pump.minute_bucket + 1U) % HOUR_BUCKETS;
        pump.bucket_ul[pump.minute_bucket] = 0;
    }
    pump.st.last_hour_ul = last_hour_ul();
}

void pump_tick(uint32_t elapsed_ms)
{
    if (pump.st.state == PUMP_IDLE || pump.st.state == PUMP_ALARM) {
        account(0, elapsed_ms);
        return;
    }
    check_sensors(elapsed_ms);
    if (pump.st.state == PUMP_ALARM) {
        return;
    }
    /* rate uL/h = rate nL per 3600 ms; the remainders carry over so slow rates still move. */
    pump.basal_carry += (uint64_t)pump.st.rate_ul_per_h * elapsed_ms;
    pump.owed_nl += pump.basal_carry / 3600U;
    pump.basal_carry %= 3600U;
    if (pump.st.state == PUMP_BOLUS) {
        pump.bolus_carry += pump.bolus_nl_per_s * elapsed_ms;
        uint64_t bolus_nl = pump.bolus_carry / 1000U;
        pump.bolus_carry %= 1000U;
        if (bolus_nl > pump.bolus_left_nl) {
            bolus_nl = pump.bolus_left_nl;
        }
        pump.bolus_left_nl -= bolus_nl;
        pump.owed_nl += bolus_nl;
        if (pump.bolus_left_nl == 0U) {
            pump.st.state = pump.st.rate_ul_per_h > 0U ? PUMP_INFUSING : PUMP_IDLE;
        }
    }
    if (pump.st.last_hour_ul >= pump.st.hourly_limit_ul) {
        pump_stop();
        return;
    }
    uint32_t steps = (uint32_t)(pump.owed_nl / NL_PER_STEP);
    if (steps > 0U) {
        uint32_t made = hal_motor_step(steps);
        if (made != steps) {
            raise_alarm(PUMP_ALARM_MOTOR_STALL);
            return;
        }
        pump.owed_nl -= (uint64_t)made * NL_PER_STEP;
    }
    account((uint64_t)steps * NL_PER_STEP, elapsed_ms);
    pump.st.bolus_left_ul = (uint32_t)(pump.bolus_left_nl / 1000U);
}

void pump_get_status(struct pump_status *out) { *out = pump.st; }
