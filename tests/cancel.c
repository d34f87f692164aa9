/* Cancellation from C: threads blocked in read, nanosleep, sleep and
 * pthread_join are cancelled, run their cleanup handlers, and join returns
 * PTHREAD_CANCELED. Then the rules: a disabled state holds a request back
 * across cancellation points and enabling lets the next point act; a
 * pending request acts even when the call would not block; cleanup handlers
 * run LIFO; pop(1) runs the handler; cancelling oneself is not a
 * cancellation point until testcancel; asynchronous type cancels a pure
 * compute loop; non-points (getpid) never act. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static int fds[2];
static volatile int started, cleaned, order[4], norder;

static void mark(void *arg)
{
	order[norder++] = (int)(long)arg;
	cleaned = 1;
}

static void wait_started(void)
{
	while (!started)
		sched_yield();
	usleep(20000); /* let it block */
}

static void *in_read(void *arg)
{
	char c;
	(void)arg;
	pthread_cleanup_push(mark, (void *)1);
	started = 1;
	read(fds[0], &c, 1);
	pthread_cleanup_pop(0);
	return 0;
}

static void *in_nanosleep(void *arg)
{
	struct timespec ts = {100, 0};
	(void)arg;
	pthread_cleanup_push(mark, (void *)2);
	started = 1;
	nanosleep(&ts, 0);
	pthread_cleanup_pop(0);
	return 0;
}

static void *in_sleep(void *arg)
{
	(void)arg;
	pthread_cleanup_push(mark, (void *)3);
	started = 1;
	sleep(100);
	pthread_cleanup_pop(0);
	return 0;
}

static pthread_t sleeper;
static void *in_join(void *arg)
{
	(void)arg;
	pthread_cleanup_push(mark, (void *)4);
	started = 1;
	pthread_join(sleeper, 0);
	pthread_cleanup_pop(0);
	return 0;
}

static void run_blocked(const char *name, void *(*fn)(void *))
{
	pthread_t t;
	void *r = 0;
	started = cleaned = norder = 0;
	pthread_create(&t, 0, fn, 0);
	wait_started();
	int c = pthread_cancel(t);
	int j = pthread_join(t, &r);
	check(name, c == 0 && j == 0 && r == PTHREAD_CANCELED && cleaned, "not cancelled or no cleanup");
}

static volatile int held_back, after_enable;
static void *disabled(void *arg)
{
	int old;
	(void)arg;
	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &old);
	started = 1;
	while (!held_back)
		usleep(1000); /* cancellation points, all held back */
	write(fds[1], "x", 1);
	after_enable = 1;
	pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, &old);
	after_enable = 2;
	usleep(1000); /* acts here */
	after_enable = 3;
	return 0;
}

static void *pending_write(void *arg)
{
	(void)arg;
	pthread_cleanup_push(mark, (void *)5);
	while (!held_back)
		; /* no cancellation point while the request arrives */
	write(fds[1], "y", 1); /* would not block: still acts */
	after_enable = 9;
	pthread_cleanup_pop(0);
	return 0;
}

static void *quick(void *arg)
{
	return arg;
}

static void *join_exited(void *arg)
{
	pthread_t done = *(pthread_t *)arg;
	pthread_cleanup_push(mark, (void *)6);
	while (!held_back)
		;
	pthread_join(done, 0); /* target already exited: still acts first */
	after_enable = 9;
	pthread_cleanup_pop(0);
	return 0;
}

static void *lifo(void *arg)
{
	(void)arg;
	pthread_cleanup_push(mark, (void *)1);
	pthread_cleanup_push(mark, (void *)2);
	pthread_cleanup_push(mark, (void *)3);
	pthread_cleanup_pop(1); /* runs 3 now */
	started = 1;
	for (;;)
		usleep(1000);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(0);
	return 0;
}

static void *self_cancel(void *arg)
{
	(void)arg;
	pthread_cleanup_push(mark, (void *)7);
	pthread_cancel(pthread_self());
	after_enable = 1; /* pthread_cancel on oneself did not act */
	getpid();         /* not a cancellation point */
	after_enable = 2;
	pthread_testcancel();
	after_enable = 3;
	pthread_cleanup_pop(0);
	return 0;
}

static volatile unsigned long spins;
static void *compute(void *arg)
{
	int old;
	(void)arg;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, &old);
	started = 1;
	for (;;)
		spins++;
	return 0;
}

int main(void)
{
	pthread_t t, done;
	void *r;
	char c;

	pipe(fds);
	run_blocked("cancel blocked read", in_read);
	run_blocked("cancel blocked nanosleep", in_nanosleep);
	run_blocked("cancel blocked sleep", in_sleep);
	pthread_create(&sleeper, 0, in_sleep, 0);
	run_blocked("cancel blocked pthread_join", in_join);
	pthread_cancel(sleeper);
	pthread_join(sleeper, 0);

	/* disabled state */
	started = held_back = after_enable = 0;
	pthread_create(&t, 0, disabled, 0);
	wait_started();
	pthread_cancel(t);
	usleep(30000);
	held_back = 1;
	pthread_join(t, &r);
	CHECK("disabled state holds the request across points", read(fds[0], &c, 1) == 1 && c == 'x');
	CHECK("enabling lets the next point act", r == PTHREAD_CANCELED && after_enable == 2);

	/* a pending request acts even when the call would not block */
	held_back = after_enable = cleaned = 0;
	pthread_create(&t, 0, pending_write, 0);
	pthread_cancel(t);
	held_back = 1;
	pthread_join(t, &r);
	CHECK("pending request acts at a write that would not block",
	      r == PTHREAD_CANCELED && after_enable == 0 && cleaned);
	pthread_create(&done, 0, quick, 0);
	usleep(10000);
	held_back = after_enable = cleaned = 0;
	pthread_create(&t, 0, join_exited, &done);
	pthread_cancel(t);
	held_back = 1;
	pthread_join(t, &r);
	CHECK("pending request acts at join of an exited thread", r == PTHREAD_CANCELED && after_enable == 0);
	CHECK_EQ("the exited thread is still joinable", pthread_join(done, 0), 0);

	/* cleanup order */
	started = norder = 0;
	pthread_create(&t, 0, lifo, 0);
	wait_started();
	pthread_cancel(t);
	pthread_join(t, &r);
	CHECK("pop(1) runs the handler; the rest run LIFO",
	      norder == 3 && order[0] == 3 && order[1] == 2 && order[2] == 1);

	/* self-cancel */
	after_enable = cleaned = 0;
	pthread_create(&t, 0, self_cancel, 0);
	pthread_join(t, &r);
	CHECK("self-cancel acts at testcancel, not before", r == PTHREAD_CANCELED && after_enable == 2 && cleaned);

	/* asynchronous */
	started = 0;
	pthread_create(&t, 0, compute, 0);
	wait_started();
	pthread_cancel(t);
	pthread_join(t, &r);
	CHECK("asynchronous type cancels a compute loop", r == PTHREAD_CANCELED && spins > 0);

	CHECK_EQ("setcancelstate bad EINVAL", pthread_setcancelstate(5, 0), EINVAL);
	CHECK_EQ("setcanceltype bad EINVAL", pthread_setcanceltype(5, 0), EINVAL);
	CHECK_EQ("cancel of an exited, unjoined thread", (pthread_create(&t, 0, quick, 0), usleep(10000), pthread_cancel(t)), 0);
	pthread_join(t, &r);
	CHECK("it still returns its value", r == 0);
	return check_failed;
}
