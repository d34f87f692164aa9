/* pthread_once whose init routine does not return: cancelled at a
 * cancellation point, or ending its thread with pthread_exit. POSIX says
 * the once-control is then as if pthread_once was never called: the next
 * caller (also one already waiting) runs the routine. */
#include <pthread.h>
#include <unistd.h>
#include "check.h"

static int block_fds[2]; /* never written: reading it blocks */
static volatile int in_init, init_runs, waiter_started;
static pthread_t waiter_thread;

static void init_blocks(void)
{
	char c;
	in_init = 1;
	read(block_fds[0], &c, 1); /* a cancellation point: cancelled here */
}

static void init_counts(void)
{
	init_runs++;
}

static void init_exits(void)
{
	pthread_exit((void *)42);
}

static pthread_once_t once_a = PTHREAD_ONCE_INIT;
static pthread_once_t once_b = PTHREAD_ONCE_INIT;
static pthread_once_t once_c = PTHREAD_ONCE_INIT;

static void *call_once_blocking(void *arg)
{
	pthread_once(arg, init_blocks);
	return (void *)1; /* never: init does not return */
}

static void wait_for(volatile int *flag);

static void *call_once_counting(void *arg)
{
	wait_for(&in_init);
	waiter_started = 1;
	pthread_once(arg, init_counts);
	return (void *)2;
}

static void *call_once_exiting(void *arg)
{
	pthread_once(arg, init_exits);
	return (void *)1;
}

static void wait_for(volatile int *flag)
{
	for (int i = 0; i < 5000 && !*flag; i++)
		usleep(1000);
}

int main(void)
{
	pthread_t t;
	void *res;

	pipe(block_fds);

	/* Cancelled init, then the next caller runs its routine. */
	in_init = 0;
	pthread_create(&t, NULL, call_once_blocking, &once_a);
	wait_for(&in_init);
	CHECK("init routine started", in_init);
	pthread_cancel(t);
	pthread_join(t, &res);
	CHECK("the thread in init was cancelled", res == PTHREAD_CANCELED);
	init_runs = 0;
	CHECK_EQ("pthread_once after a cancelled init returns 0", pthread_once(&once_a, init_counts), 0);
	CHECK_EQ("... and runs the routine", init_runs, 1);
	pthread_once(&once_a, init_counts);
	CHECK_EQ("... once only", init_runs, 1);

	/* A caller waiting while init is cancelled runs the routine itself. */
	in_init = 0;
	init_runs = 0;
	/* The waiter is made first, so that the thread that is cancelled (by
	 * a signal) is the newest: qemu-i386 reloads %gs from the newest
	 * thread after a signal handler (see judge.py's XFAILS). */
	pthread_create(&waiter_thread, NULL, call_once_counting, &once_b);
	pthread_create(&t, NULL, call_once_blocking, &once_b);
	wait_for(&in_init);
	wait_for(&waiter_started);
	usleep(50000); /* let the waiter reach its futex wait */
	CHECK_EQ("the waiter waits while init runs", init_runs, 0);
	pthread_cancel(t);
	pthread_join(t, &res);
	CHECK("the first caller was cancelled", res == PTHREAD_CANCELED);
	pthread_join(waiter_thread, &res);
	CHECK("the waiter returned", res == (void *)2);
	CHECK_EQ("the waiter ran the routine", init_runs, 1);
	pthread_once(&once_b, init_counts);
	CHECK_EQ("once_b done", init_runs, 1);

	/* pthread_exit inside init. */
	init_runs = 0;
	pthread_create(&t, NULL, call_once_exiting, &once_c);
	pthread_join(t, &res);
	CHECK("init's pthread_exit ends the thread", res == (void *)42);
	pthread_once(&once_c, init_counts);
	CHECK_EQ("pthread_once after init's pthread_exit runs the routine", init_runs, 1);
	return check_failed;
}
