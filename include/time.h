#ifndef _TIME_H
#define _TIME_H

#include <bits/alltypes.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1

#define CLOCKS_PER_SEC ((clock_t)1000000)
#define TIME_UTC 1

/* The glibc/musl layout, with the BSD fields tm_gmtoff and tm_zone. */
struct tm {
	int tm_sec;
	int tm_min;
	int tm_hour;
	int tm_mday;
	int tm_mon;
	int tm_year;
	int tm_wday;
	int tm_yday;
	int tm_isdst;
	long tm_gmtoff;
	const char *tm_zone;
};

extern char *tzname[2];
extern long timezone;
extern int daylight;

clock_t clock(void);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
double difftime(time_t t1, time_t t0);
struct tm *gmtime(const time_t *t);
struct tm *gmtime_r(const time_t *__restrict t, struct tm *__restrict tm);
struct tm *localtime(const time_t *t);
struct tm *localtime_r(const time_t *__restrict t, struct tm *__restrict tm);
size_t strftime(char *__restrict s, size_t max, const char *__restrict format,
		const struct tm *__restrict tm);
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *__restrict tm, char *__restrict buf);
char *ctime(const time_t *t);
char *ctime_r(const time_t *t, char *buf);
void tzset(void);
int timespec_get(struct timespec *ts, int base);

int clock_gettime(clockid_t clock, struct timespec *ts);
int clock_getres(clockid_t clock, struct timespec *res);
/* Only CLOCK_REALTIME can be set, and only with the privilege (EPERM). */
int clock_settime(clockid_t clock, const struct timespec *ts);
/* Returns 0 or an error number (not -1); a cancellation point. Sleeping on
 * CLOCK_THREAD_CPUTIME_ID is EINVAL. */
int clock_nanosleep(clockid_t clock, int flags, const struct timespec *req, struct timespec *rem);
int clock_getcpuclockid(pid_t pid, clockid_t *clock);

/* POSIX per-process timers. A SIGEV_THREAD timer runs its function in a
 * thread of its own, one call per expiry. */
struct itimerspec {
	struct timespec it_interval;
	struct timespec it_value;
};
struct sigevent;
int timer_create(clockid_t clock, struct sigevent *__restrict sev, timer_t *__restrict timer);
int timer_settime(timer_t timer, int flags, const struct itimerspec *__restrict value,
		  struct itimerspec *__restrict old);
int timer_gettime(timer_t timer, struct itimerspec *cur);
int timer_getoverrun(timer_t timer);
int timer_delete(timer_t timer);
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *out);

#endif
