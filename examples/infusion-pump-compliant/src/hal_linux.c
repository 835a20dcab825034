/* Board support for the pump controller on Linux: sysfs IIO sensors, a character device for the
 * stepper driver and two tty links. */
#include "hal.h"

#include "strutil.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define PRESSURE_RAW "/sys/bus/iio/devices/iio:device0/in_pressure_raw"
#define AIR_RAW "/sys/bus/iio/devices/iio:device1/in_air_volume_raw"
#define PLUNGER_GPIO "/sys/class/gpio/gpio42/value"
#define MOTOR_DEV "/dev/pump-stepper"
#define BUZZER_GPIO "/sys/class/gpio/gpio17/value"
#define MCU_SECURITY_COUNTER "/sys/class/pump/mcu/security_counter"
#define MOTOR_ENABLE_GPIO "/sys/class/gpio/gpio43/value"

static int motor_fd = -1;
static int link_fd[HAL_LINK_COUNT] = {-1, -1};
static const char *const link_path[HAL_LINK_COUNT] = {"/dev/ttymxc1", "/dev/rfcomm0"};

/* Reads a non-negative integer attribute; UINT32_MAX when it is missing or malformed. */
static uint32_t read_sysfs_u32(const char *path)
{
    char buf[32];
    const char *end = NULL;
    uint32_t value = 0;
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return UINT32_MAX;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1U);
    close(fd);
    if (n <= 0) {
        return UINT32_MAX;
    }
    buf[n] = '\0';
    if (!parse_u32(buf, UINT32_MAX - 1U, &value, &end) || (*end != '\n' && *end != '\0')) {
        return UINT32_MAX;
    }
    return value;
}

static int write_sysfs(const char *path, const char *value)
{
    size_t len = strlen(value);
    int fd = open(path, O_WRONLY);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = write(fd, value, len);
    close(fd);
    return n == (ssize_t)len ? 0 : -1;
}

static int open_link(const char *path)
{
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        return -1;
    }
    struct termios tio;
    if (tcgetattr(fd, &tio) == 0) {
        cfmakeraw(&tio);
        cfsetispeed(&tio, B115200);
        cfsetospeed(&tio, B115200);
        tcsetattr(fd, TCSANOW, &tio);
    }
    return fd;
}

int hal_init(void)
{
    motor_fd = open(MOTOR_DEV, O_WRONLY);
    for (int i = 0; i < HAL_LINK_COUNT; ++i) {
        link_fd[i] = open_link(link_path[i]);
    }
    return motor_fd < 0 ? -1 : 0;
}

uint32_t hal_pressure_mmhg(void)
{
    uint32_t raw = read_sysfs_u32(PRESSURE_RAW);
    /* The transducer reports 0.1 mmHg per count. */
    return raw == UINT32_MAX ? UINT32_MAX : raw / 10U;
}

uint32_t hal_air_seen_tenth_ul(void)
{
    return read_sysfs_u32(AIR_RAW);
}

int hal_plunger_at_end(void) { return read_sysfs_u32(PLUNGER_GPIO) == 1U; }

void hal_motor_enable(int on) { (void)write_sysfs(MOTOR_ENABLE_GPIO, on ? "1" : "0"); }

uint32_t hal_motor_step(uint32_t steps)
{
    if (motor_fd < 0) {
        return 0;
    }
    ssize_t n = write(motor_fd, &steps, sizeof steps);
    return n == (ssize_t)sizeof steps ? steps : 0;
}

void hal_buzzer(int on) { (void)write_sysfs(BUZZER_GPIO, on ? "1" : "0"); }

long hal_link_read(enum hal_link link, uint8_t *buf, size_t cap)
{
    if (link_fd[link] < 0) {
        return -1;
    }
    ssize_t n = read(link_fd[link], buf, cap);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return 0;
    }
    return (long)n;
}

long hal_link_write(enum hal_link link, const uint8_t *buf, size_t len)
{
    if (link_fd[link] < 0) {
        return -1;
    }
    return (long)write(link_fd[link], buf, len);
}

uint32_t hal_mcu_security_counter(void)
{
    uint32_t counter = read_sysfs_u32(MCU_SECURITY_COUNTER);
    /* Unknown: refuse everything but the newest images rather than accept a downgrade. */
    return counter == UINT32_MAX ? UINT32_MAX - 1U : counter;
}

uint32_t hal_millis(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)(ts.tv_sec * 1000U + (uint32_t)(ts.tv_nsec / 1000000L));
}

void hal_sleep_ms(uint32_t ms)
{
    struct timespec ts = {(time_t)(ms / 1000U), (long)(ms % 1000U) * 1000000L};
    nanosleep(&ts, NULL);
}
