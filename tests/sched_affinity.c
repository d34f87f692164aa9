/* sched.h: priority ranges, policies (SCHED_BATCH needs no privilege;
 * SCHED_FIFO must give the same answer the kernel gives a plain
 * sched_setscheduler, whether EPERM or success), CPU affinity with the
 * CPU_* macros laid out as the kernel reads them, and the pthread
 * scheduling attributes and thread calls. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile int ran, seen_policy = -1;
static int raw_ret, raw_errno, raw_policy = -1;

static void *report(void *arg)
{
	(void)arg;
	ran = 1;
	seen_policy = sched_getscheduler(0);
	return 0;
}

static void *try_fifo(void *arg)
{
	struct sched_param p = {1};
	(void)arg;
	errno = 0;
	raw_ret = sched_setscheduler(0, SCHED_FIFO, &p);
	raw_errno = errno;
	raw_policy = sched_getscheduler(0);
	return 0;
}

int main(void)
{
	struct sched_param p = {0};
	CHECK_EQ("FIFO min", sched_get_priority_min(SCHED_FIFO), 1);
	CHECK_EQ("FIFO max", sched_get_priority_max(SCHED_FIFO), 99);
	CHECK_EQ("RR max", sched_get_priority_max(SCHED_RR), 99);
	CHECK_EQ("OTHER min", sched_get_priority_min(SCHED_OTHER), 0);
	CHECK_EQ("OTHER max", sched_get_priority_max(SCHED_OTHER), 0);
	CHECK_EQ("BATCH max", sched_get_priority_max(SCHED_BATCH), 0);
	CHECK_EQ("IDLE max", sched_get_priority_max(SCHED_IDLE), 0);
	errno = 0;
	CHECK("bad policy: EINVAL", sched_get_priority_max(1234) == -1 && errno == EINVAL);

	CHECK_EQ("getscheduler: OTHER", sched_getscheduler(0), SCHED_OTHER);
	p.sched_priority = 7;
	CHECK_EQ("getparam", sched_getparam(0, &p), 0);
	CHECK_EQ("priority 0", p.sched_priority, 0);
	p.sched_priority = 0;
	CHECK_EQ("setscheduler BATCH", sched_setscheduler(0, SCHED_BATCH, &p), 0);
	CHECK_EQ("now BATCH", sched_getscheduler(getpid()), SCHED_BATCH);
	CHECK_EQ("back to OTHER", sched_setscheduler(0, SCHED_OTHER, &p), 0);
	CHECK_EQ("setparam", sched_setparam(0, &p), 0);
	p.sched_priority = 5;
	errno = 0;
	CHECK("OTHER with priority 5: EINVAL", sched_setscheduler(0, SCHED_OTHER, &p) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("getscheduler(-1): EINVAL", sched_getscheduler(-1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("getscheduler(no such pid): ESRCH", sched_getscheduler(0x3ffffff0) == -1 && errno == ESRCH);
	CHECK_EQ("sched_yield", sched_yield(), 0);
	struct timespec ts = {-1, -1};
	CHECK_EQ("sched_rr_get_interval", sched_rr_get_interval(0, &ts), 0);
	CHECK("interval is a time", ts.tv_sec >= 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);

	/* Affinity. */
	cpu_set_t set, one, back;
	CHECK_EQ("getaffinity", sched_getaffinity(0, sizeof set, &set), 0);
	int n = CPU_COUNT(&set), first = -1;
	CHECK("at least one CPU", n >= 1);
	CHECK_EQ("CPU_COUNT = _SC_NPROCESSORS_ONLN", n, sysconf(_SC_NPROCESSORS_ONLN));
	for (int i = 0; i < CPU_SETSIZE && first < 0; i++)
		if (CPU_ISSET(i, &set))
			first = i;
	CPU_ZERO(&one);
	CPU_SET(first, &one);
	CHECK_EQ("setaffinity to one CPU", sched_setaffinity(0, sizeof one, &one), 0);
	CHECK_EQ("getaffinity again", sched_getaffinity(0, sizeof back, &back), 0);
	CHECK_EQ("one CPU now", CPU_COUNT(&back), 1);
	CHECK("the one set (bit layout as the kernel's)", CPU_ISSET(first, &back) && CPU_EQUAL(&one, &back));
	CHECK_EQ("restore", sched_setaffinity(0, sizeof set, &set), 0);
	errno = 0;
	CHECK("getaffinity size 1: EINVAL", sched_getaffinity(0, 1, &back) == -1 && errno == EINVAL);
	CPU_ZERO(&one);
	errno = 0;
	CHECK("setaffinity empty: EINVAL", sched_setaffinity(0, sizeof one, &one) == -1 && errno == EINVAL);

	/* The macros. */
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	CPU_SET(63, &one);
	CPU_SET(64, &one);
	CPU_SET(1023, &one);
	CPU_SET(1024, &one); /* out of range: ignored */
	CHECK_EQ("CPU_COUNT", CPU_COUNT(&one), 4);
	CHECK("CPU_ISSET 1023", CPU_ISSET(1023, &one));
	CHECK("CPU_ISSET 1024 is 0", !CPU_ISSET(1024, &one));
	CPU_CLR(63, &one);
	CHECK("CPU_CLR", !CPU_ISSET(63, &one) && CPU_COUNT(&one) == 3);
	CPU_ZERO(&back);
	CPU_SET(0, &back);
	CPU_SET(5, &back);
	cpu_set_t r;
	CPU_AND(&r, &one, &back);
	CHECK("CPU_AND", CPU_COUNT(&r) == 1 && CPU_ISSET(0, &r));
	CPU_OR(&r, &one, &back);
	CHECK_EQ("CPU_OR", CPU_COUNT(&r), 4);
	CPU_XOR(&r, &one, &back);
	CHECK("CPU_XOR", CPU_COUNT(&r) == 3 && !CPU_ISSET(0, &r) && CPU_ISSET(5, &r));
	CHECK("CPU_EQUAL differs", !CPU_EQUAL(&one, &back));
	size_t sz = CPU_ALLOC_SIZE(2000);
	CHECK_EQ("CPU_ALLOC_SIZE", sz, ((2000 + 8 * sizeof(long) - 1) / (8 * sizeof(long))) * sizeof(long));
	cpu_set_t *big = CPU_ALLOC(2000);
	CHECK("CPU_ALLOC", big != 0);
	CHECK_EQ("CPU_ALLOC zeroed", CPU_COUNT_S(sz, big), 0);
	CPU_SET_S(1999, sz, big);
	CHECK("CPU_SET_S 1999", CPU_ISSET_S(1999, sz, big) && CPU_COUNT_S(sz, big) == 1);
	CPU_FREE(big);

	/* pthread attributes. */
	pthread_attr_t a;
	int v = -1;
	pthread_attr_init(&a);
	pthread_attr_getschedpolicy(&a, &v);
	CHECK_EQ("attr default policy", v, SCHED_OTHER);
	pthread_attr_getinheritsched(&a, &v);
	CHECK_EQ("attr default inherit", v, PTHREAD_INHERIT_SCHED);
	pthread_attr_getscope(&a, &v);
	CHECK_EQ("attr scope", v, PTHREAD_SCOPE_SYSTEM);
	CHECK_EQ("setscope PROCESS: ENOTSUP", pthread_attr_setscope(&a, PTHREAD_SCOPE_PROCESS), ENOTSUP);
	CHECK_EQ("setscope 7: EINVAL", pthread_attr_setscope(&a, 7), EINVAL);
	CHECK_EQ("setinheritsched 5: EINVAL", pthread_attr_setinheritsched(&a, 5), EINVAL);
	CHECK_EQ("setschedpolicy 99: EINVAL", pthread_attr_setschedpolicy(&a, 99), EINVAL);
	CHECK_EQ("setschedpolicy FIFO", pthread_attr_setschedpolicy(&a, SCHED_FIFO), 0);
	p.sched_priority = 0;
	CHECK_EQ("FIFO priority 0: EINVAL", pthread_attr_setschedparam(&a, &p), EINVAL);
	p.sched_priority = 1;
	CHECK_EQ("FIFO priority 1", pthread_attr_setschedparam(&a, &p), 0);
	p.sched_priority = 0;
	pthread_attr_getschedparam(&a, &p);
	CHECK_EQ("attr priority", p.sched_priority, 1);

	/* Explicit scheduling: BATCH needs no privilege. */
	pthread_attr_t b;
	pthread_t t;
	pthread_attr_init(&b);
	pthread_attr_setinheritsched(&b, PTHREAD_EXPLICIT_SCHED);
	pthread_attr_setschedpolicy(&b, SCHED_BATCH);
	CHECK_EQ("create explicit BATCH", pthread_create(&t, &b, report, 0), 0);
	pthread_join(t, 0);
	CHECK_EQ("thread ran as BATCH", seen_policy, SCHED_BATCH);
	pthread_create(&t, 0, report, 0);
	pthread_join(t, 0);
	CHECK_EQ("default inherits OTHER", seen_policy, SCHED_OTHER);

	/* FIFO: whatever the kernel says to a plain call. */
	pthread_create(&t, 0, try_fifo, 0);
	pthread_join(t, 0);
	CHECK("kernel answer is success or EPERM",
	      (raw_ret == 0 && raw_policy == SCHED_FIFO) || (raw_ret == -1 && raw_errno == EPERM));
	pthread_attr_setinheritsched(&a, PTHREAD_EXPLICIT_SCHED);
	ran = 0;
	seen_policy = -1;
	int cr = pthread_create(&t, &a, report, 0);
	if (cr == 0)
		pthread_join(t, 0);
	CHECK_EQ("explicit FIFO: as the kernel", cr, raw_ret == 0 ? 0 : EPERM);
	if (raw_ret == 0)
		CHECK_EQ("thread ran as FIFO", seen_policy, SCHED_FIFO);
	else
		CHECK_EQ("refused thread never ran", ran, 0);

	/* The thread forms. */
	pthread_t self = pthread_self();
	p.sched_priority = 0;
	CHECK_EQ("setschedparam BATCH", pthread_setschedparam(self, SCHED_BATCH, &p), 0);
	v = -1;
	p.sched_priority = 9;
	CHECK_EQ("getschedparam", pthread_getschedparam(self, &v, &p), 0);
	CHECK("BATCH, priority 0", v == SCHED_BATCH && p.sched_priority == 0);
	p.sched_priority = 3;
	CHECK_EQ("setschedparam OTHER 3: EINVAL", pthread_setschedparam(self, SCHED_OTHER, &p), EINVAL);
	p.sched_priority = 0;
	CHECK_EQ("back to OTHER", pthread_setschedparam(self, SCHED_OTHER, &p), 0);
	CHECK_EQ("setschedprio 0", pthread_setschedprio(self, 0), 0);
	CHECK_EQ("setschedprio 5: EINVAL", pthread_setschedprio(self, 5), EINVAL);

	clockid_t c;
	struct timespec t0, t1, tc;
	CHECK_EQ("getcpuclockid", pthread_getcpuclockid(self, &c), 0);
	CHECK_EQ("clock_gettime on it", clock_gettime(c, &t0), 0);
	volatile unsigned long spin = 0;
	for (long i = 0; i < 20000000; i++)
		spin += i;
	clock_gettime(c, &t1);
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &tc);
	long long d = (t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
	CHECK("thread CPU time advances", d > 0);
	CHECK("same clock as CLOCK_THREAD_CPUTIME_ID",
	      tc.tv_sec > t1.tv_sec || (tc.tv_sec == t1.tv_sec && tc.tv_nsec >= t1.tv_nsec));
	return check_failed;
}
