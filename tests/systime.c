/* <sys/time.h>: gettimeofday against clock_gettime, utimes/futimes/lutimes
 * read back with stat, the timeval macros, setitimer/getitimer with
 * SIGALRM; <sys/file.h> flock between two open file descriptions. */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t alarms;
static void on_alarm(int s)
{
	(void)s;
	alarms++;
}

int main(void)
{
	struct timeval tv;
	struct timespec ts;
	struct timezone tz = { 99, 99 };
	clock_gettime(CLOCK_REALTIME, &ts);
	CHECK_EQ("gettimeofday", gettimeofday(&tv, &tz), 0);
	CHECK("gettimeofday near clock_gettime", tv.tv_sec - ts.tv_sec >= 0 && tv.tv_sec - ts.tv_sec < 5);
	CHECK("gettimeofday usec range", tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	CHECK("gettimeofday tz zeroed", tz.tz_minuteswest == 0 && tz.tz_dsttime == 0);
	CHECK_EQ("sizeof(struct timeval)", sizeof(struct timeval), 16);

	struct timeval a = { 5, 700000 }, b = { 2, 600000 }, r;
	timeradd(&a, &b, &r);
	CHECK("timeradd", r.tv_sec == 8 && r.tv_usec == 300000);
	timersub(&b, &a, &r);
	CHECK("timersub", r.tv_sec == -4 && r.tv_usec == 900000);
	CHECK("timercmp", timercmp(&b, &a, <) && !timercmp(&a, &b, <) && timercmp(&a, &a, ==));
	CHECK("timerisset", timerisset(&a));
	timerclear(&a);
	CHECK("timerclear", !timerisset(&a));

	char path[] = "/tmp/muslin_systime_XXXXXX";
	int fd = mkstemp(path);
	struct timeval t2[2] = { { 1000000000, 250000 }, { 5000000000LL, 500000 } };
	CHECK_EQ("utimes", utimes(path, t2), 0);
	struct stat st;
	stat(path, &st);
	CHECK("utimes atime", st.st_atim.tv_sec == 1000000000 && st.st_atim.tv_nsec == 250000000);
	CHECK("utimes mtime past 2038", st.st_mtim.tv_sec == 5000000000LL && st.st_mtim.tv_nsec == 500000000);
	t2[1].tv_sec = 1234;
	CHECK_EQ("futimes", futimes(fd, t2), 0);
	fstat(fd, &st);
	CHECK_EQ("futimes mtime", st.st_mtim.tv_sec, 1234);
	CHECK_EQ("lutimes", lutimes(path, t2), 0);
	CHECK_EQ("utimes NULL (now)", utimes(path, NULL), 0);
	stat(path, &st);
	CHECK("utimes NULL is now", st.st_mtim.tv_sec >= tv.tv_sec - 5);
	t2[0].tv_usec = 1000000;
	errno = 0;
	CHECK_EQ("utimes bad usec", utimes(path, t2), -1);
	CHECK_EQ("utimes EINVAL", errno, EINVAL);
	errno = 0;
	CHECK_EQ("utimes missing", utimes("/nonexistent/x", NULL), -1);
	CHECK_EQ("utimes ENOENT", errno, ENOENT);

	int fd2 = open(path, O_RDONLY);
	CHECK_EQ("flock LOCK_EX", flock(fd, LOCK_EX), 0);
	errno = 0;
	CHECK_EQ("flock second description blocked", flock(fd2, LOCK_SH | LOCK_NB), -1);
	CHECK_EQ("flock EWOULDBLOCK", errno, EWOULDBLOCK);
	CHECK_EQ("flock LOCK_UN", flock(fd, LOCK_UN), 0);
	CHECK_EQ("flock then free", flock(fd2, LOCK_SH | LOCK_NB), 0);
	errno = 0;
	CHECK_EQ("flock bad fd", flock(-1, LOCK_SH), -1);
	CHECK_EQ("flock EBADF", errno, EBADF);
	close(fd2);

	/* truncate/ftruncate past 2 GiB and 4 GiB: the 64-bit length in a
	 * register pair on i386 and arm (a sparse file). */
	long long big = 3LL * 1024 * 1024 * 1024 + 5;
	CHECK_EQ("ftruncate 3 GiB", ftruncate(fd, big), 0);
	fstat(fd, &st);
	CHECK_EQ("ftruncate 3 GiB size", st.st_size, big);
	big = 5LL * 1024 * 1024 * 1024 + 7;
	CHECK_EQ("truncate 5 GiB", truncate(path, big), 0);
	stat(path, &st);
	CHECK_EQ("truncate 5 GiB size", st.st_size, big);
	CHECK_EQ("ftruncate back to 1", ftruncate(fd, 1), 0);
	fstat(fd, &st);
	CHECK_EQ("ftruncate 1 size", st.st_size, 1);
	errno = 0;
	CHECK_EQ("ftruncate negative", ftruncate(fd, -1), -1);
	CHECK_EQ("ftruncate EINVAL", errno, EINVAL);
	close(fd);
	unlink(path);

	signal(SIGALRM, on_alarm);
	struct itimerval it = { { 0, 20000 }, { 0, 20000 } }, old, cur;
	CHECK_EQ("setitimer", setitimer(ITIMER_REAL, &it, &old), 0);
	CHECK("setitimer old disarmed", old.it_value.tv_sec == 0 && old.it_value.tv_usec == 0);
	CHECK_EQ("getitimer", getitimer(ITIMER_REAL, &cur), 0);
	CHECK("getitimer interval", cur.it_interval.tv_sec == 0 && cur.it_interval.tv_usec == 20000);
	CHECK("getitimer value", cur.it_value.tv_usec > 0 && cur.it_value.tv_usec <= 20000);
	for (int i = 0; i < 400 && alarms < 3; i++) {
		struct timespec nap = { 0, 5000000 };
		nanosleep(&nap, NULL);
	}
	CHECK("setitimer fires repeatedly", alarms >= 3);
	struct itimerval off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &off, &old);
	CHECK("setitimer old interval", old.it_interval.tv_usec == 20000);
	getitimer(ITIMER_REAL, &cur);
	CHECK("disarmed", cur.it_value.tv_sec == 0 && cur.it_value.tv_usec == 0);
	it.it_value.tv_usec = 1000000;
	errno = 0;
	CHECK_EQ("setitimer bad usec", setitimer(ITIMER_REAL, &it, NULL), -1);
	CHECK_EQ("setitimer EINVAL", errno, EINVAL);
	errno = 0;
	CHECK_EQ("getitimer bad which", getitimer(99, &cur), -1);
	CHECK_EQ("getitimer EINVAL", errno, EINVAL);
	return check_failed;
}
