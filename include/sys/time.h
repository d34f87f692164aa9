#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <bits/alltypes.h>
#include <sys/select.h>

struct timezone {
	int tz_minuteswest;
	int tz_dsttime;
};

/* tz, when not NULL, gets zeros. */
int gettimeofday(struct timeval *__restrict tv, void *__restrict tz);
/* tv NULL: now. */
int utimes(const char *path, const struct timeval tv[2]);
int lutimes(const char *path, const struct timeval tv[2]);
int futimes(int fd, const struct timeval tv[2]);

#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct itimerval {
	struct timeval it_interval;
	struct timeval it_value;
};

/* On i386 and arm the kernel's timer takes 32-bit seconds (EINVAL past). */
int getitimer(int which, struct itimerval *value);
int setitimer(int which, const struct itimerval *__restrict value,
	      struct itimerval *__restrict old);

#define timerisset(t) ((t)->tv_sec || (t)->tv_usec)
#define timerclear(t) ((t)->tv_sec = (t)->tv_usec = 0)
#define timercmp(a, b, op)                                                     \
	((a)->tv_sec == (b)->tv_sec ? (a)->tv_usec op (b)->tv_usec             \
				    : (a)->tv_sec op (b)->tv_sec)
#define timeradd(a, b, r)                                                      \
	((r)->tv_sec = (a)->tv_sec + (b)->tv_sec,                              \
	 (r)->tv_usec = (a)->tv_usec + (b)->tv_usec,                           \
	 (r)->tv_usec >= 1000000 ? ((r)->tv_sec++, (r)->tv_usec -= 1000000) : 0)
#define timersub(a, b, r)                                                      \
	((r)->tv_sec = (a)->tv_sec - (b)->tv_sec,                              \
	 (r)->tv_usec = (a)->tv_usec - (b)->tv_usec,                           \
	 (r)->tv_usec < 0 ? ((r)->tv_sec--, (r)->tv_usec += 1000000) : 0)

#endif
