/* Board support for the pump controller on Linux: sysfs IIO sensors, a character device for the
 * stepper driver and two tty links. */
#include "hal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define PRESSURE_RAW "/sys/bus/iio/devices/iio:device0/in_pressure_raw"
#define AIR_RAW "/sys/bus/iio/devices/iio:device1/in_air_volume_raw"
#define PLUNGER_GPIO "/sys/class/gpio/gpio42/value"
#define MOTOR_DEV "/dev/pump-stepper"
#define BUZZER_GPIO "/sys/class/gpio/gpio17/value"
#define MOTOR_ENABLE_GPIO "/sys/class/gpio/gpio43/value"

static int motor_fd = -1;
static int link_fd[HAL_LINK_COUNT] = {-1, -1};
static const char *const link_path[HAL_LINK_COUNT] = {"/dev/ttymxc1", "/dev/rfcomm0"};

static int read_sysfs_int(const char *path)
{
    char buf[32];
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        return -1;
    }
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) {
        return -1;
    }
    buf[n] = '\0';
    return atoi(buf);
}

static void write_sysfs(const char *path, const char *value)
{
    int fd = open(path, O_WRONLY);
    if (fd >= 0) {
        (void)write(fd, value, strlen(value));
        close(fd);
    }
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
    int raw = read_sysfs_int(PRESSURE_RAW);
    /* The transducer reports 0.1 mmHg per count. */
    return raw < 0 ? UINT32_MAX : (uint32_t)raw / 10U;
}

uint32_t hal_air_seen_tenth_ul(void)
{
    int raw = read_sysfs_int(AIR_RAW);
    return raw < 0 ? UINT32_MAX : (uint32_t)raw;
}

int hal_plunger_at_end(void) { return read_sysfs_int(PLUNGER_GPIO) == 1; }

void hal_motor_enable(int on) { write_sysfs(MOTOR_ENABLE_GPIO, on ? "1" : "0"); }

uint32_t hal_motor_step(uint32_t steps)
{
    if (motor_fd < 0) {
        return 0;
    }
    ssize_t n = write(motor_fd, &steps, sizeof steps);
    return n == (ssize_t)sizeof steps ? steps : 0;
}

void hal_buzzer(int on) { write_sysfs(BUZZER_GPIO, on ? "1" : "0"); }

long hal_link_read(enum hal_link link, uint8_t *buf, size_t cap)
{
    ssize_t n = read(link_fd[link], buf, cap);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return 0;
    }
    return (long)n;
}

long hal_link_write(enum hal_link link, const uint8_t *buf, size_t len)
{
    return (long)write(link_fd[link], buf, len);
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
