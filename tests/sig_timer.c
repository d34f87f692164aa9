/* Clocks and POSIX timers: clock_getres, clock_nanosleep (relative,
 * absolute, interrupted, cancelled; returns error numbers), CPU clocks,
 * timer_create with SIGEV_SIGNAL (si_code SI_TIMER, si_value, overruns),
 * SIGEV_NONE, SIGEV_THREAD (runs in another thread, stops at
 * timer_delete, many created and deleted), and the errors. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static long long now_ns(clockid_t c)
{
	struct timespec t;
	clock_gettime(c, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void on_alarm(int sig)
{
	(void)sig;
}

static void *sleeper(void *arg)
{
	struct timespec ts = {10, 0};
	(void)arg;
	clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, 0);
	return 0;
}

static volatile int fired, bad_value, same_thread;
static pthread_t main_thread;

static void notify(union sigval v)
{
	if (v.sival_int != 99)
		bad_value = 1;
	if (pthread_equal(pthread_self(), main_thread))
		same_thread = 1;
	__atomic_add_fetch(&fired, 1, __ATOMIC_SEQ_CST);
}

static void nap(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
	nanosleep(&ts, 0);
}

int main(void)
{
	struct timespec r = {-1, -1};
	main_thread = pthread_self();
	CHECK_EQ("clock_getres REALTIME", clock_getres(CLOCK_REALTIME, &r), 0);
	CHECK("resolution sane", r.tv_sec == 0 && r.tv_nsec > 0 && r.tv_nsec <= 10000000);
	CHECK_EQ("clock_getres MONOTONIC, NULL", clock_getres(CLOCK_MONOTONIC, 0), 0);
	errno = 0;
	CHECK("clock_getres bad clock: EINVAL", clock_getres(999, &r) == -1 && errno == EINVAL);

	struct timespec d = {0, 20000000};
	long long t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_EQ("clock_nanosleep relative", clock_nanosleep(CLOCK_MONOTONIC, 0, &d, 0), 0);
	CHECK("slept 20 ms", now_ns(CLOCK_MONOTONIC) - t0 >= 20000000);
	long long target = now_ns(CLOCK_MONOTONIC) + 20000000;
	struct timespec abs = {target / 1000000000, target % 1000000000};
	CHECK_EQ("clock_nanosleep absolute", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &abs, 0), 0);
	CHECK("until the target", now_ns(CLOCK_MONOTONIC) >= target);
	struct timespec bad = {0, 1000000000};
	errno = 0;
	CHECK_EQ("bad nsec: EINVAL returned", clock_nanosleep(CLOCK_MONOTONIC, 0, &bad, 0), EINVAL);
	CHECK_EQ("errno untouched", errno, 0);
	CHECK_EQ("thread CPU clock: EINVAL", clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &d, 0), EINVAL);

	/* Interrupted by a handler: EINTR and the time left. */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, 0);
	timer_t ta;
	CHECK_EQ("timer_create NULL sigevent (SIGALRM)", timer_create(CLOCK_MONOTONIC, 0, &ta), 0);
	struct itimerspec its;
	memset(&its, 0, sizeof its);
	its.it_value.tv_nsec = 30000000;
	CHECK_EQ("timer_settime", timer_settime(ta, 0, &its, 0), 0);
	struct timespec longs = {2, 0}, rem = {0, 0};
	CHECK_EQ("interrupted: EINTR", clock_nanosleep(CLOCK_MONOTONIC, 0, &longs, &rem), EINTR);
	CHECK("rem holds the rest", rem.tv_sec >= 1);
	CHECK_EQ("timer_delete", timer_delete(ta), 0);

	/* CPU clocks. */
	clockid_t c = -1;
	CHECK_EQ("clock_getcpuclockid(0)", clock_getcpuclockid(0, &c), 0);
	CHECK_EQ("is CLOCK_PROCESS_CPUTIME_ID", c, CLOCK_PROCESS_CPUTIME_ID);
	CHECK_EQ("clock_getcpuclockid(getpid())", clock_getcpuclockid(getpid(), &c), 0);
	struct timespec cpu;
	CHECK_EQ("reads", clock_gettime(c, &cpu), 0);
	CHECK_EQ("no such process: ESRCH", clock_getcpuclockid(0x3ffffff0, &c), ESRCH);

	/* clock_nanosleep is a cancellation point. */
	pthread_t t;
	void *res = 0;
	pthread_create(&t, 0, sleeper, 0);
	nap(50);
	pthread_cancel(t);
	pthread_join(t, &res);
	CHECK("cancelled in clock_nanosleep", res == PTHREAD_CANCELED);

	/* SIGEV_SIGNAL. */
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigprocmask(SIG_BLOCK, &s, 0);
	struct sigevent ev;
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_SIGNAL;
	ev.sigev_signo = SIGUSR1;
	ev.sigev_value.sival_int = 77;
	timer_t tm;
	CHECK_EQ("timer_create SIGEV_SIGNAL", timer_create(CLOCK_MONOTONIC, &ev, &tm), 0);
	its.it_value.tv_nsec = 10000000;
	timer_settime(tm, 0, &its, 0);
	siginfo_t si;
	CHECK_EQ("its signal", sigwaitinfo(&s, &si), SIGUSR1);
	CHECK_EQ("si_code SI_TIMER", si.si_code, SI_TIMER);
	CHECK_EQ("si_value", si.si_value.sival_int, 77);
	struct itimerspec cur;
	CHECK_EQ("timer_gettime", timer_gettime(tm, &cur), 0);
	CHECK("disarmed after a one-shot", cur.it_value.tv_sec == 0 && cur.it_value.tv_nsec == 0);
	its.it_value.tv_nsec = 5000000;
	its.it_interval.tv_nsec = 5000000;
	timer_settime(tm, 0, &its, 0);
	nap(60);
	sigwaitinfo(&s, &si);
	CHECK("overruns counted", timer_getoverrun(tm) > 0 && si.si_overrun > 0);
	timer_gettime(tm, &cur);
	CHECK("periodic: interval kept", cur.it_interval.tv_nsec == 5000000);
	CHECK_EQ("delete", timer_delete(tm), 0);
	sigtimedwait(&s, 0, &(struct timespec){0, 0});
	errno = 0;
	CHECK("delete again: EINVAL", timer_delete(tm) == -1 && errno == EINVAL);
	its.it_value.tv_nsec = 2000000000;
	timer_create(CLOCK_MONOTONIC, &ev, &tm);
	errno = 0;
	CHECK("settime bad nsec: EINVAL", timer_settime(tm, 0, &its, 0) == -1 && errno == EINVAL);
	timer_delete(tm);
	ev.sigev_signo = 33;
	errno = 0;
	CHECK("reserved signal: EINVAL", timer_create(CLOCK_MONOTONIC, &ev, &tm) == -1 && errno == EINVAL);

	/* SIGEV_NONE. */
	ev.sigev_notify = SIGEV_NONE;
	CHECK_EQ("timer_create SIGEV_NONE", timer_create(CLOCK_REALTIME, &ev, &tm), 0);
	memset(&its, 0, sizeof its);
	its.it_value.tv_sec = 1;
	timer_settime(tm, 0, &its, 0);
	timer_gettime(tm, &cur);
	CHECK("counting down", cur.it_value.tv_sec == 0 ? cur.it_value.tv_nsec > 0 : cur.it_value.tv_sec == 1);
	timer_delete(tm);

	/* SIGEV_THREAD. */
	memset(&ev, 0, sizeof ev);
	ev.sigev_notify = SIGEV_THREAD;
	ev.sigev_notify_function = notify;
	ev.sigev_value.sival_int = 99;
	CHECK_EQ("timer_create SIGEV_THREAD", timer_create(CLOCK_MONOTONIC, &ev, &tm), 0);
	its.it_value.tv_nsec = 10000000;
	its.it_interval.tv_nsec = 10000000;
	its.it_value.tv_sec = 0;
	CHECK_EQ("armed", timer_settime(tm, 0, &its, 0), 0);
	for (int i = 0; i < 200 && fired < 3; i++)
		nap(10);
	CHECK("notified 3 times", fired >= 3);
	CHECK("with sigev_value", !bad_value);
	CHECK("in another thread", !same_thread);
	CHECK_EQ("timer_gettime works", timer_gettime(tm, &cur), 0);
	CHECK("interval", cur.it_interval.tv_nsec == 10000000);
	CHECK_EQ("timer_delete", timer_delete(tm), 0);
	nap(30);
	int after = fired;
	nap(60);
	CHECK_EQ("no calls after delete", fired, after);

	pthread_attr_t a;
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 65536);
	ev.sigev_notify_attributes = &a;
	int ok = 1;
	for (int i = 0; i < 50; i++) {
		timer_t x;
		if (timer_create(CLOCK_MONOTONIC, &ev, &x) != 0 || timer_delete(x) != 0)
			ok = 0;
	}
	CHECK("50 thread timers created and deleted", ok);
	fired = 0;
	timer_create(CLOCK_MONOTONIC, &ev, &tm);
	its.it_interval.tv_nsec = 0;
	timer_settime(tm, 0, &its, 0);
	for (int i = 0; i < 200 && !fired; i++)
		nap(10);
	CHECK_EQ("with attributes: one shot", fired, 1);
	timer_delete(tm);
	return check_failed;
}
