/* poll, ppoll, select, pselect on pipes: ready and not ready, timeouts,
 * the time left that select writes back, the fd_set macros, and bad
 * arguments. */
#include "check.h"
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

int main(void)
{
	int p[2];
	pipe(p);
	struct pollfd fds[2] = { { p[0], POLLIN, 0 }, { p[1], POLLOUT, 0 } };
	CHECK_EQ("poll: only the write end ready", poll(fds, 2, 0), 1);
	CHECK("poll: revents", fds[0].revents == 0 && fds[1].revents == POLLOUT);
	long long t0 = now_ms();
	CHECK_EQ("poll: timeout 0 waits not", poll(fds, 1, 50), 0);
	long long dt = now_ms() - t0;
	CHECK("poll: 50 ms timeout", dt >= 45 && dt < 2000);
	write(p[1], "x", 1);
	CHECK_EQ("poll: readable", poll(fds, 1, -1), 1);
	CHECK("poll: POLLIN", fds[0].revents == POLLIN);
	struct pollfd bad = { 9999, POLLIN, 0 };
	CHECK_EQ("poll: closed fd is POLLNVAL", poll(&bad, 1, 0), 1);
	CHECK("poll: POLLNVAL", bad.revents == POLLNVAL);
	errno = 0;
	CHECK_EQ("poll: bad pointer", poll((struct pollfd *)16, 1, 0), -1);
	CHECK_EQ("poll: EFAULT", errno, EFAULT);

	struct timespec ts = { 0, 20000000 };
	sigset_t mask;
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	CHECK_EQ("ppoll: readable", ppoll(fds, 1, &ts, &mask), 1);
	char c;
	read(p[0], &c, 1);
	t0 = now_ms();
	CHECK_EQ("ppoll: timeout", ppoll(fds, 1, &ts, NULL), 0);
	CHECK("ppoll: timespec untouched", ts.tv_sec == 0 && ts.tv_nsec == 20000000);
	CHECK("ppoll: waited", now_ms() - t0 >= 15);
	ts.tv_nsec = 2000000000;
	errno = 0;
	CHECK_EQ("ppoll: bad timespec", ppoll(fds, 1, &ts, NULL), -1);
	CHECK_EQ("ppoll: EINVAL", errno, EINVAL);

	fd_set r, w;
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(p[0], &r);
	FD_SET(p[1], &w);
	FD_SET(100, &r);
	CHECK("FD_ISSET", FD_ISSET(p[0], &r) && FD_ISSET(100, &r) && !FD_ISSET(101, &r));
	FD_CLR(100, &r);
	CHECK("FD_CLR", !FD_ISSET(100, &r));
	struct timeval tv = { 1, 0 };
	int n = p[1] > p[0] ? p[1] + 1 : p[0] + 1;
	CHECK_EQ("select: write end ready", select(n, &r, &w, NULL, &tv), 1);
	CHECK("select: sets", !FD_ISSET(p[0], &r) && FD_ISSET(p[1], &w));
	CHECK("select: time left written back", tv.tv_sec <= 1 && tv.tv_usec >= 0 && tv.tv_usec < 1000000);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	tv.tv_sec = 0;
	tv.tv_usec = 30000;
	t0 = now_ms();
	CHECK_EQ("select: timeout", select(n, &r, NULL, NULL, &tv), 0);
	CHECK("select: waited", now_ms() - t0 >= 25);
	CHECK("select: no time left", tv.tv_sec == 0 && tv.tv_usec == 0);
	tv.tv_usec = 1000000;
	errno = 0;
	CHECK_EQ("select: bad timeval", select(n, &r, NULL, NULL, &tv), -1);
	CHECK_EQ("select: EINVAL", errno, EINVAL);
	FD_ZERO(&r);
	FD_SET(p[0], &r);
	close(p[1]);
	ts.tv_sec = 1;
	ts.tv_nsec = 0;
	CHECK_EQ("pselect: EOF is readable", pselect(n, &r, NULL, NULL, &ts, &mask), 1);
	CHECK("pselect: set", FD_ISSET(p[0], &r));
	CHECK("pselect: timespec untouched", ts.tv_sec == 1 && ts.tv_nsec == 0);
	int q[2];
	pipe(q);
	close(q[1]);
	FD_ZERO(&r);
	FD_SET(q[1], &r);
	errno = 0;
	CHECK_EQ("select: closed fd", select(q[1] + 1, &r, NULL, NULL, NULL), -1);
	CHECK_EQ("select: EBADF", errno, EBADF);
	return check_failed;
}
