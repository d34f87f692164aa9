/* The race test: a worker opens and closes a file in a loop, recording the
 * descriptor in a slot that its cleanup handler closes; it is cancelled
 * after a random delay, 2,000 times. A cancellation that acted after open
 * returned would leak the descriptor; one that acted after close completed
 * would make the cleanup handler close it twice. Both are counted and must
 * be zero. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define ITERATIONS 2000

static volatile int slot = -1;
static volatile int double_closes, opened;

static void close_slot(void *arg)
{
	(void)arg;
	if (slot >= 0 && close(slot) != 0)
		double_closes++;
	slot = -1;
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_cleanup_push(close_slot, 0);
	for (;;) {
		slot = open("/dev/null", O_RDONLY);
		opened++;
		close(slot);
		slot = -1;
	}
	pthread_cleanup_pop(0);
	return 0;
}

static unsigned long long rng = 88172645463325252ULL;
static unsigned next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)rng;
}

int main(void)
{
	struct timespec now;
	int lowest = dup(0), cancelled = 0, leaked = 0, failures = 0;

	close(lowest); /* the worker's open always gets this number */
	clock_gettime(CLOCK_REALTIME, &now);
	rng ^= (unsigned long long)now.tv_nsec;
	for (int i = 0; i < ITERATIONS; i++) {
		pthread_t t;
		void *r;
		if (pthread_create(&t, 0, worker, 0)) {
			failures++;
			continue;
		}
		unsigned d = next_random() % 400;
		if (d < 100) {
			for (unsigned k = 0; k < d * 50; k++)
				__asm__ volatile("" ::: "memory"); /* a short spin */
		} else {
			struct timespec ts = {0, (long)(d - 100) * 1000};
			nanosleep(&ts, 0);
		}
		pthread_cancel(t);
		if (pthread_join(t, &r) || r != PTHREAD_CANCELED)
			failures++;
		else
			cancelled++;
		if (fcntl(lowest, F_GETFD) != -1) { /* still open: leaked */
			leaked++;
			close(lowest);
		}
	}
	CHECK_EQ("every iteration was cancelled", cancelled, ITERATIONS);
	CHECK_EQ("no thread failed", failures, 0);
	CHECK("the worker did open and close files", opened > 0);
	CHECK_EQ("zero leaked descriptors", leaked, 0);
	CHECK_EQ("zero double-closed descriptors", double_closes, 0);
	put("  ");
	put_num(cancelled);
	put(" cancellations, ");
	put_num(opened);
	put(" opens, ");
	put_num(leaked);
	put(" leaked, ");
	put_num(double_closes);
	put(" double-closed\n");
	return check_failed;
}
