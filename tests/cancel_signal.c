/* The signal-handler test: a thread blocked in read is interrupted by a
 * signal handler that makes a long run of ordinary system calls (getppid)
 * while pthread_cancel arrives. The handler must run to its end (ordinary
 * calls are no cancellation points, and the handler must not be killed
 * half-way), and then the read is cancelled. The same with SA_RESTART and
 * without, and with a second handler nested inside the first. */
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

#define ROUNDS 50
#define CALLS 2000

static int fds[2];
static volatile int started, cleaned, cancel_sent, in_outer, in_inner;
static volatile int outer_done, inner_done, nested;

static void cleanup(void *arg)
{
	(void)arg;
	cleaned = 1;
}

static int wait_for(volatile int *flag)
{
	for (long i = 0; !*flag; i++) {
		if (i > 20000000)
			return 0;
		sched_yield();
	}
	return 1;
}

static void busy(void)
{
	for (int i = 0; i < CALLS; i++)
		getppid();
}

static void on_inner(int sig)
{
	(void)sig;
	in_inner = 1;
	wait_for(&cancel_sent);
	busy();
	inner_done = 1;
}

static void on_outer(int sig)
{
	(void)sig;
	in_outer = 1;
	if (nested) {
		raise(SIGUSR2);
	} else {
		wait_for(&cancel_sent);
	}
	busy();
	outer_done = 1;
}

static void *reader(void *arg)
{
	char c;
	(void)arg;
	pthread_cleanup_push(cleanup, 0);
	started = 1;
	read(fds[0], &c, 1);
	pthread_cleanup_pop(0);
	return (void *)1;
}

static int round_ok(int restart, int nest)
{
	struct sigaction sa;
	pthread_t t;
	void *r = 0;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = restart ? SA_RESTART : 0;
	sa.sa_handler = on_outer;
	sigaction(SIGUSR1, &sa, 0);
	sa.sa_handler = on_inner;
	sigaction(SIGUSR2, &sa, 0);
	started = cleaned = cancel_sent = in_outer = in_inner = outer_done = inner_done = 0;
	nested = nest;
	pthread_create(&t, 0, reader, 0);
	wait_for(&started);
	usleep(2000); /* let it block in read */
	pthread_kill(t, SIGUSR1);
	wait_for(nest ? &in_inner : &in_outer);
	pthread_cancel(t);
	cancel_sent = 1;
	pthread_join(t, &r);
	return r == PTHREAD_CANCELED && cleaned && outer_done && (!nest || inner_done);
}

int main(void)
{
	static const char *names[3] = {
		"handler finishes, then the read is cancelled (SA_RESTART)",
		"handler finishes, then the read is cancelled (no SA_RESTART)",
		"nested handlers finish, then the read is cancelled",
	};
	pipe(fds);
	for (int kind = 0; kind < 3; kind++) {
		int good = 0;
		for (int i = 0; i < ROUNDS; i++)
			good += round_ok(kind != 1, kind == 2);
		check(names[kind], good == ROUNDS, "a handler was cut short or the read survived");
		if (good != ROUNDS) {
			put("  ");
			put_num(good);
			put(" of 50 rounds right\n");
		}
	}
	return check_failed;
}
