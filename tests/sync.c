/* Thread synchronisation from C: mutexes (normal, recursive, errorcheck;
 * trylock, timedlock), condition variables (signal, broadcast, timed waits
 * on both clocks, cancellation with the mutex held again), semaphores,
 * barriers, read-write locks and spin locks, each under contention from
 * several threads with exact results. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define NTHREADS 4
#define ITERS 10000

static long long now_ns(clockid_t clock)
{
	struct timespec t;
	clock_gettime(clock, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The absolute time `ms` milliseconds from now on `clock` (may be < 0). */
static struct timespec in_ms(clockid_t clock, long ms)
{
	struct timespec t;
	long long ns = now_ns(clock) + ms * 1000000LL;
	t.tv_sec = ns / 1000000000LL;
	t.tv_nsec = ns % 1000000000LL;
	return t;
}

static void sleep_ms(long ms)
{
	struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&t, 0);
}

static int load(int *p)
{
	return __atomic_load_n(p, __ATOMIC_SEQ_CST);
}

static void add(int *p, int v)
{
	__atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}

/* Spins (yielding) until *p == want or about 10 s pass; whether it got there. */
static int await(int *p, int want)
{
	long long end = now_ns(CLOCK_MONOTONIC) + 10000000000LL;
	while (load(p) != want) {
		if (now_ns(CLOCK_MONOTONIC) > end)
			return 0;
		sched_yield();
	}
	return 1;
}

static pthread_t spawn(void *(*f)(void *), void *arg)
{
	pthread_t t;
	if (pthread_create(&t, 0, f, arg) != 0) {
		check("pthread_create", 0, "failed");
		_exit(1);
	}
	return t;
}

static long join(pthread_t t)
{
	void *r;
	if (pthread_join(t, &r) != 0)
		return -12345;
	return (long)r;
}

/* ---------------------------------------------------------------- mutex */

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *increment_locked(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		pthread_mutex_lock(&counter_lock);
		long v = counter;
		if (i % 1000 == 0)
			sched_yield(); /* widen the window a race would need */
		counter = v + 1;
		pthread_mutex_unlock(&counter_lock);
	}
	return 0;
}

static pthread_mutex_t *shared_mutex;

static void *try_other(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_trylock(shared_mutex);
}

static void *unlock_other(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_mutex_unlock(shared_mutex);
}

static void *hold_then_release(void *arg)
{
	pthread_mutex_lock(shared_mutex);
	add((int *)arg, 1);
	sleep_ms(100);
	pthread_mutex_unlock(shared_mutex);
	return 0;
}

static void test_mutex(void)
{
	pthread_mutex_t m;
	pthread_mutexattr_t a;
	pthread_t t[NTHREADS];
	struct timespec ts;
	int ty = -1, ps = -1, flag = 0;
	long long t0;

	/* attributes */
	CHECK_EQ("mutexattr_init", pthread_mutexattr_init(&a), 0);
	CHECK("mutexattr default type NORMAL",
	      pthread_mutexattr_gettype(&a, &ty) == 0 && ty == PTHREAD_MUTEX_NORMAL);
	CHECK_EQ("mutexattr_settype RECURSIVE", pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE), 0);
	CHECK("mutexattr_gettype RECURSIVE",
	      pthread_mutexattr_gettype(&a, &ty) == 0 && ty == PTHREAD_MUTEX_RECURSIVE);
	CHECK_EQ("mutexattr_settype bad EINVAL", pthread_mutexattr_settype(&a, 7), EINVAL);
	CHECK("mutexattr pshared default private",
	      pthread_mutexattr_getpshared(&a, &ps) == 0 && ps == PTHREAD_PROCESS_PRIVATE);
	CHECK_EQ("mutexattr_setpshared", pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
	CHECK("mutexattr_getpshared SHARED",
	      pthread_mutexattr_getpshared(&a, &ps) == 0 && ps == PTHREAD_PROCESS_SHARED);
	CHECK("mutexattr type kept with pshared",
	      pthread_mutexattr_gettype(&a, &ty) == 0 && ty == PTHREAD_MUTEX_RECURSIVE);
	CHECK_EQ("mutexattr_setpshared bad EINVAL", pthread_mutexattr_setpshared(&a, 5), EINVAL);
	CHECK_EQ("mutexattr_destroy", pthread_mutexattr_destroy(&a), 0);

	/* normal mutex: static initializer, contention */
	for (int i = 0; i < NTHREADS; i++)
		t[i] = spawn(increment_locked, 0);
	for (int i = 0; i < NTHREADS; i++)
		join(t[i]);
	CHECK_EQ("mutex 4 threads x 10000 increments", counter, NTHREADS * ITERS);

	CHECK_EQ("mutex_init default", pthread_mutex_init(&m, 0), 0);
	shared_mutex = &m;
	CHECK_EQ("mutex_lock", pthread_mutex_lock(&m), 0);
	CHECK_EQ("mutex_trylock held by self EBUSY", pthread_mutex_trylock(&m), EBUSY);
	CHECK_EQ("mutex_trylock from another thread EBUSY", join(spawn(try_other, 0)), EBUSY);
	CHECK_EQ("mutex_destroy locked EBUSY", pthread_mutex_destroy(&m), EBUSY);
	ts = in_ms(CLOCK_REALTIME, -1000);
	CHECK_EQ("mutex_timedlock past deadline ETIMEDOUT", pthread_mutex_timedlock(&m, &ts), ETIMEDOUT);
	ts.tv_sec = -5;
	CHECK_EQ("mutex_timedlock negative time ETIMEDOUT", pthread_mutex_timedlock(&m, &ts), ETIMEDOUT);
	ts = in_ms(CLOCK_REALTIME, 100);
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_EQ("mutex_timedlock 100ms ETIMEDOUT", pthread_mutex_timedlock(&m, &ts), ETIMEDOUT);
	t0 = now_ns(CLOCK_MONOTONIC) - t0;
	CHECK("mutex_timedlock waited about 100ms", t0 >= 95000000LL && t0 < 3000000000LL);
	ts.tv_nsec = 1000000000;
	CHECK_EQ("mutex_timedlock bad nsec EINVAL", pthread_mutex_timedlock(&m, &ts), EINVAL);
	ts.tv_nsec = -1;
	CHECK_EQ("mutex_timedlock negative nsec EINVAL", pthread_mutex_timedlock(&m, &ts), EINVAL);
	CHECK_EQ("mutex_unlock", pthread_mutex_unlock(&m), 0);
	CHECK_EQ("mutex_timedlock free, bad nsec not checked", pthread_mutex_timedlock(&m, &ts), 0);
	CHECK_EQ("mutex_unlock after timedlock", pthread_mutex_unlock(&m), 0);
	CHECK_EQ("mutex_trylock free", pthread_mutex_trylock(&m), 0);
	CHECK_EQ("mutex_unlock after trylock", pthread_mutex_unlock(&m), 0);
	/* a timed lock that gets the mutex once another thread releases it */
	t[0] = spawn(hold_then_release, &flag);
	await(&flag, 1);
	ts = in_ms(CLOCK_REALTIME, 5000);
	CHECK_EQ("mutex_timedlock acquires when released", pthread_mutex_timedlock(&m, &ts), 0);
	pthread_mutex_unlock(&m);
	join(t[0]);
	CHECK_EQ("mutex_destroy", pthread_mutex_destroy(&m), 0);

	/* recursive */
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
	CHECK_EQ("mutex_init recursive", pthread_mutex_init(&m, &a), 0);
	CHECK_EQ("recursive unlock unowned EPERM", pthread_mutex_unlock(&m), EPERM);
	CHECK("recursive lock x3",
	      pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == 0);
	CHECK_EQ("recursive trylock by owner", pthread_mutex_trylock(&m), 0);
	ts = in_ms(CLOCK_REALTIME, -1000);
	CHECK_EQ("recursive timedlock by owner", pthread_mutex_timedlock(&m, &ts), 0);
	CHECK_EQ("recursive trylock by other EBUSY", join(spawn(try_other, 0)), EBUSY);
	CHECK_EQ("recursive unlock by other EPERM", join(spawn(unlock_other, 0)), EPERM);
	int ok = 1;
	for (int i = 0; i < 5; i++)
		ok &= pthread_mutex_unlock(&m) == 0;
	CHECK("recursive unlock x5", ok);
	CHECK_EQ("recursive 6th unlock EPERM", pthread_mutex_unlock(&m), EPERM);
	CHECK_EQ("recursive free for others", join(spawn(try_other, 0)), 0);
	CHECK_EQ("recursive unlock by other, never locked there", join(spawn(unlock_other, 0)), EPERM);

	/* errorcheck */
	pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
	CHECK_EQ("mutex_init errorcheck", pthread_mutex_init(&m, &a), 0);
	CHECK_EQ("errorcheck unlock unlocked EPERM", pthread_mutex_unlock(&m), EPERM);
	CHECK_EQ("errorcheck lock", pthread_mutex_lock(&m), 0);
	CHECK_EQ("errorcheck relock EDEADLK", pthread_mutex_lock(&m), EDEADLK);
	ts = in_ms(CLOCK_REALTIME, 1000);
	CHECK_EQ("errorcheck timedlock relock EDEADLK", pthread_mutex_timedlock(&m, &ts), EDEADLK);
	CHECK_EQ("errorcheck trylock by owner EBUSY", pthread_mutex_trylock(&m), EBUSY);
	CHECK_EQ("errorcheck unlock by other EPERM", join(spawn(unlock_other, 0)), EPERM);
	CHECK_EQ("errorcheck unlock", pthread_mutex_unlock(&m), 0);
	CHECK_EQ("errorcheck second unlock EPERM", pthread_mutex_unlock(&m), EPERM);
	pthread_mutexattr_destroy(&a);
	pthread_mutex_destroy(&m);
}

/* ----------------------------------------------------------------- cond */

static pthread_mutex_t cm = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready, woken, waiting;

static void *wait_ready(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&cm);
	waiting++;
	while (!ready)
		pthread_cond_wait(&cv, &cm);
	woken++;
	pthread_mutex_unlock(&cm);
	return 0;
}

/* Ping-pong: two threads hand a turn back and forth through one cond. */
static int turn, rounds_done;

static void *pingpong(void *arg)
{
	long me = (long)arg;
	for (int i = 0; i < 2000; i++) {
		pthread_mutex_lock(&cm);
		while (turn != me)
			pthread_cond_wait(&cv, &cm);
		turn = !me;
		rounds_done++;
		pthread_cond_signal(&cv);
		pthread_mutex_unlock(&cm);
	}
	return 0;
}

/* Producer/consumer on a bounded queue with two conds. */
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER, not_empty = PTHREAD_COND_INITIALIZER;
static int queue[8], q_len, q_head;
static long consumed_sum;

static void *produce(void *arg)
{
	long base = (long)arg;
	for (int i = 1; i <= 2500; i++) {
		pthread_mutex_lock(&cm);
		while (q_len == 8)
			pthread_cond_wait(&not_full, &cm);
		queue[(q_head + q_len++) % 8] = base + i;
		pthread_cond_signal(&not_empty);
		pthread_mutex_unlock(&cm);
	}
	return 0;
}

static void *consume(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2500; i++) {
		pthread_mutex_lock(&cm);
		while (q_len == 0)
			pthread_cond_wait(&not_empty, &cm);
		consumed_sum += queue[q_head];
		q_head = (q_head + 1) % 8;
		q_len--;
		pthread_cond_signal(&not_full);
		pthread_mutex_unlock(&cm);
	}
	return 0;
}

/* `prefix` followed by `what`, in a static buffer. */
static const char *named(const char *prefix, const char *what)
{
	static char buf[128];
	strcpy(buf, prefix);
	strcpy(buf + strlen(prefix), what);
	return buf;
}

static void timed_wait_case(const char *name, clockid_t clock)
{
	pthread_condattr_t a;
	pthread_cond_t c;
	pthread_mutex_t m;
	pthread_mutexattr_t ma;
	struct timespec ts;
	long long t0, took;
	int r;

	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, clock);
	pthread_cond_init(&c, &a);
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &ma);
	pthread_mutex_lock(&m);
	ts = in_ms(clock, 150);
	t0 = now_ns(CLOCK_MONOTONIC);
	r = pthread_cond_timedwait(&c, &m, &ts);
	took = now_ns(CLOCK_MONOTONIC) - t0;
	check(named(name, " ETIMEDOUT"), r == ETIMEDOUT, "result is not ETIMEDOUT");
	check(named(name, " waited about 150ms"), took >= 145000000LL && took < 3000000000LL, "did not");
	/* errorcheck unlock succeeds only if this thread holds the mutex again */
	check(named(name, " holds the mutex again"), pthread_mutex_unlock(&m) == 0, "mutex not held after timeout");
	pthread_mutex_lock(&m);
	ts = in_ms(clock, -500);
	check(named(name, " past deadline ETIMEDOUT"), pthread_cond_timedwait(&c, &m, &ts) == ETIMEDOUT, "no");
	pthread_mutex_unlock(&m);
	pthread_cond_destroy(&c);
	pthread_mutex_destroy(&m);
	pthread_condattr_destroy(&a);
}

static void test_cond(void)
{
	pthread_condattr_t a;
	pthread_cond_t c;
	pthread_mutex_t m;
	pthread_mutexattr_t ma;
	pthread_t t[NTHREADS];
	struct timespec ts;
	clockid_t clock = -1;
	int ps = -1;

	CHECK_EQ("condattr_init", pthread_condattr_init(&a), 0);
	CHECK("condattr default clock REALTIME",
	      pthread_condattr_getclock(&a, &clock) == 0 && clock == CLOCK_REALTIME);
	CHECK_EQ("condattr_setclock MONOTONIC", pthread_condattr_setclock(&a, CLOCK_MONOTONIC), 0);
	CHECK("condattr_getclock MONOTONIC",
	      pthread_condattr_getclock(&a, &clock) == 0 && clock == CLOCK_MONOTONIC);
	CHECK_EQ("condattr_setclock CPUTIME EINVAL",
		 pthread_condattr_setclock(&a, CLOCK_PROCESS_CPUTIME_ID), EINVAL);
	CHECK_EQ("condattr_setpshared", pthread_condattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
	CHECK("condattr_getpshared",
	      pthread_condattr_getpshared(&a, &ps) == 0 && ps == PTHREAD_PROCESS_SHARED);
	CHECK("condattr clock kept with pshared",
	      pthread_condattr_getclock(&a, &clock) == 0 && clock == CLOCK_MONOTONIC);
	CHECK_EQ("condattr_destroy", pthread_condattr_destroy(&a), 0);
	CHECK_EQ("cond_init", pthread_cond_init(&c, 0), 0);
	CHECK_EQ("cond_signal nobody waiting", pthread_cond_signal(&c), 0);
	CHECK_EQ("cond_broadcast nobody waiting", pthread_cond_broadcast(&c), 0);

	/* signal one waiting thread */
	t[0] = spawn(wait_ready, 0);
	CHECK("cond waiter is waiting", await(&waiting, 1));
	sleep_ms(20);
	pthread_mutex_lock(&cm);
	ready = 1;
	pthread_cond_signal(&cv);
	pthread_mutex_unlock(&cm);
	join(t[0]);
	CHECK_EQ("cond_signal wakes the waiter", woken, 1);

	/* broadcast wakes them all */
	ready = woken = waiting = 0;
	for (int i = 0; i < NTHREADS; i++)
		t[i] = spawn(wait_ready, 0);
	CHECK("cond 4 waiters waiting", await(&waiting, NTHREADS));
	sleep_ms(20);
	pthread_mutex_lock(&cm);
	ready = 1;
	CHECK_EQ("cond_broadcast", pthread_cond_broadcast(&cv), 0);
	pthread_mutex_unlock(&cm);
	for (int i = 0; i < NTHREADS; i++)
		join(t[i]);
	CHECK_EQ("cond_broadcast wakes all 4", woken, NTHREADS);

	/* repeated signals wake every one of several waiters */
	ready = woken = waiting = 0;
	for (int i = 0; i < 3; i++)
		t[i] = spawn(wait_ready, 0);
	CHECK("cond 3 waiters waiting", await(&waiting, 3));
	sleep_ms(20);
	pthread_mutex_lock(&cm);
	ready = 1;
	pthread_mutex_unlock(&cm);
	for (int i = 0; i < 3; i++)
		pthread_cond_signal(&cv);
	for (int i = 0; i < 3; i++)
		join(t[i]);
	CHECK_EQ("cond_signal x3 wakes 3 waiters", woken, 3);

	/* no lost wakeups: strict alternation and a bounded queue */
	t[0] = spawn(pingpong, (void *)0L);
	t[1] = spawn(pingpong, (void *)1L);
	join(t[0]);
	join(t[1]);
	CHECK_EQ("cond ping-pong 4000 turns", rounds_done, 4000);
	for (int i = 0; i < 2; i++)
		t[i] = spawn(produce, (void *)(i * 100000L));
	for (int i = 2; i < 4; i++)
		t[i] = spawn(consume, 0);
	for (int i = 0; i < 4; i++)
		join(t[i]);
	/* sum over both producers of base + 1..2500 */
	CHECK_EQ("cond producer/consumer sum", consumed_sum, 2 * (2500L * 2501 / 2) + 2500L * 100000);

	timed_wait_case("cond_timedwait REALTIME", CLOCK_REALTIME);
	timed_wait_case("cond_timedwait MONOTONIC", CLOCK_MONOTONIC);

	/* a monotonic deadline is not read as a realtime one: "now + 150ms" on
	 * the monotonic clock is decades in the past on the realtime clock */
	pthread_condattr_init(&a);
	pthread_cond_init(&c, &a);
	pthread_mutex_lock(&cm);
	ts = in_ms(CLOCK_MONOTONIC, 150);
	CHECK_EQ("cond_timedwait REALTIME with a monotonic time returns at once",
		 pthread_cond_timedwait(&c, &cm, &ts), ETIMEDOUT);
	ts.tv_nsec = 1000000000;
	CHECK_EQ("cond_timedwait bad nsec EINVAL", pthread_cond_timedwait(&c, &cm, &ts), EINVAL);
	pthread_mutex_unlock(&cm);

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&m, &ma);
	CHECK_EQ("cond_wait errorcheck mutex not held EPERM", pthread_cond_wait(&c, &m), EPERM);
	pthread_mutex_destroy(&m);
	pthread_mutexattr_destroy(&ma);

	/* with a recursive mutex locked twice the wait releases it fully */
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&m, &ma);
	pthread_mutex_lock(&m);
	pthread_mutex_lock(&m);
	shared_mutex = &m;
	ts = in_ms(CLOCK_REALTIME, 50);
	CHECK_EQ("cond_timedwait recursive mutex", pthread_cond_timedwait(&c, &m, &ts), ETIMEDOUT);
	CHECK("recursive count restored after wait",
	      pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == 0 &&
		      pthread_mutex_unlock(&m) == EPERM);
	pthread_mutex_destroy(&m);
	CHECK_EQ("cond_destroy", pthread_cond_destroy(&c), 0);
	pthread_condattr_destroy(&a);
}

/* ---------------------------------------------------- cond cancellation */

static pthread_mutex_t ecm;
static pthread_cond_t ccv = PTHREAD_COND_INITIALIZER;
static int cleanup_held = -1, cancel_waiting;

static void cleanup_unlock(void *arg)
{
	(void)arg;
	/* errorcheck: 0 only if this thread holds the mutex */
	cleanup_held = pthread_mutex_unlock(&ecm);
}

static void *cancel_in_cond_wait(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&ecm);
	pthread_cleanup_push(cleanup_unlock, 0);
	add(&cancel_waiting, 1);
	for (;;)
		pthread_cond_wait(&ccv, &ecm);
	pthread_cleanup_pop(0);
	return 0;
}

static void *cancel_pending_cond_wait(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&ecm);
	pthread_cleanup_push(cleanup_unlock, 0);
	pthread_cancel(pthread_self());
	/* the pending request acts at entry, mutex still held */
	pthread_cond_wait(&ccv, &ecm);
	pthread_cleanup_pop(0);
	return (void *)1L;
}

static sem_t csem;

static void *cancel_in_sem_wait(void *arg)
{
	(void)arg;
	add(&cancel_waiting, 1);
	sem_wait(&csem);
	return (void *)1L;
}

static void *cancel_pending_sem_wait(void *arg)
{
	(void)arg;
	pthread_cancel(pthread_self());
	sem_wait(&csem); /* count is 1: acts anyway */
	return (void *)1L;
}

static void test_cancel(void)
{
	pthread_mutexattr_t ma;
	pthread_t t;

	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
	pthread_mutex_init(&ecm, &ma);

	t = spawn(cancel_in_cond_wait, 0);
	await(&cancel_waiting, 1);
	sleep_ms(50);
	CHECK_EQ("cancel thread in cond_wait", pthread_cancel(t), 0);
	CHECK("cond_wait cancelled", join(t) == (long)PTHREAD_CANCELED);
	CHECK_EQ("cond_wait cancel: cleanup ran with the mutex held", cleanup_held, 0);
	CHECK_EQ("cond_wait cancel: mutex free afterwards", pthread_mutex_trylock(&ecm), 0);
	pthread_mutex_unlock(&ecm);

	cleanup_held = -1;
	t = spawn(cancel_pending_cond_wait, 0);
	CHECK("cond_wait pending request acts at entry", join(t) == (long)PTHREAD_CANCELED);
	CHECK_EQ("cond_wait pending cancel: cleanup ran with the mutex held", cleanup_held, 0);

	cancel_waiting = 0;
	sem_init(&csem, 0, 0);
	t = spawn(cancel_in_sem_wait, 0);
	await(&cancel_waiting, 1);
	sleep_ms(50);
	pthread_cancel(t);
	CHECK("cancel thread in sem_wait", join(t) == (long)PTHREAD_CANCELED);
	sem_post(&csem);
	t = spawn(cancel_pending_sem_wait, 0);
	CHECK("sem_wait pending request acts on a posted semaphore", join(t) == (long)PTHREAD_CANCELED);
	int v = -1;
	CHECK("cancelled sem_wait took nothing", sem_getvalue(&csem, &v) == 0 && v == 1);
	pthread_mutex_destroy(&ecm);
	pthread_mutexattr_destroy(&ma);
}

/* ------------------------------------------------------------ semaphore */

static sem_t sa, sb;

static void *sem_consumer(void *arg)
{
	long n = (long)arg;
	for (long i = 0; i < n; i++)
		if (sem_wait(&sa) != 0)
			return (void *)-1L;
	return (void *)n;
}

static void *sem_pingpong(void *arg)
{
	(void)arg;
	for (int i = 0; i < 2000; i++) {
		sem_wait(&sa);
		sem_post(&sb);
	}
	return 0;
}

static void *sem_post_later(void *arg)
{
	(void)arg;
	sleep_ms(100);
	sem_post(&sb);
	return 0;
}

static void test_sem(void)
{
	sem_t s;
	struct timespec ts;
	pthread_t t[NTHREADS];
	int v = -1, ok;
	long long t0;

	CHECK_EQ("sem_init 2", sem_init(&s, 0, 2), 0);
	CHECK("sem_getvalue 2", sem_getvalue(&s, &v) == 0 && v == 2);
	CHECK_EQ("sem_trywait", sem_trywait(&s), 0);
	CHECK_EQ("sem_wait available", sem_wait(&s), 0);
	errno = 0;
	CHECK("sem_trywait empty EAGAIN", sem_trywait(&s) == -1 && errno == EAGAIN);
	CHECK("sem_getvalue 0", sem_getvalue(&s, &v) == 0 && v == 0);
	ts = in_ms(CLOCK_REALTIME, -1000);
	errno = 0;
	CHECK("sem_timedwait past ETIMEDOUT", sem_timedwait(&s, &ts) == -1 && errno == ETIMEDOUT);
	ts = in_ms(CLOCK_REALTIME, 100);
	t0 = now_ns(CLOCK_MONOTONIC);
	errno = 0;
	CHECK("sem_timedwait 100ms ETIMEDOUT", sem_timedwait(&s, &ts) == -1 && errno == ETIMEDOUT);
	t0 = now_ns(CLOCK_MONOTONIC) - t0;
	CHECK("sem_timedwait waited about 100ms", t0 >= 95000000LL && t0 < 3000000000LL);
	ts.tv_nsec = 1000000000;
	errno = 0;
	CHECK("sem_timedwait bad nsec EINVAL", sem_timedwait(&s, &ts) == -1 && errno == EINVAL);
	CHECK_EQ("sem_post", sem_post(&s), 0);
	CHECK_EQ("sem_timedwait available, bad nsec not checked", sem_timedwait(&s, &ts), 0);
	CHECK_EQ("sem_destroy", sem_destroy(&s), 0);

	errno = 0;
	CHECK("sem_init above SEM_VALUE_MAX EINVAL",
	      sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1) == -1 && errno == EINVAL);
	CHECK_EQ("sem_init SEM_VALUE_MAX - 1", sem_init(&s, 0, SEM_VALUE_MAX - 1), 0);
	CHECK_EQ("sem_post to SEM_VALUE_MAX", sem_post(&s), 0);
	errno = 0;
	CHECK("sem_post EOVERFLOW", sem_post(&s) == -1 && errno == EOVERFLOW);
	CHECK("sem_getvalue SEM_VALUE_MAX", sem_getvalue(&s, &v) == 0 && v == SEM_VALUE_MAX);
	CHECK_EQ("sem_init pshared", sem_init(&s, 1, 1), 0);
	CHECK_EQ("sem pshared wait", sem_wait(&s), 0);
	CHECK_EQ("sem pshared post", sem_post(&s), 0);

	/* a blocked sem_timedwait woken by a post from another thread */
	sem_init(&sb, 0, 0);
	t[0] = spawn(sem_post_later, 0);
	ts = in_ms(CLOCK_REALTIME, 10000);
	CHECK_EQ("sem_timedwait woken by post", sem_timedwait(&sb, &ts), 0);
	join(t[0]);
	t[0] = spawn(sem_post_later, 0);
	CHECK_EQ("sem_wait woken by post", sem_wait(&sb), 0);
	join(t[0]);

	/* 4 consumers x 2500 waits against 10000 posts */
	sem_init(&sa, 0, 0);
	for (int i = 0; i < NTHREADS; i++)
		t[i] = spawn(sem_consumer, (void *)2500L);
	ok = 1;
	for (int i = 0; i < NTHREADS * 2500; i++) {
		ok &= sem_post(&sa) == 0;
		if (i % 500 == 0)
			sched_yield();
	}
	CHECK("sem_post x10000", ok);
	long total = 0;
	for (int i = 0; i < NTHREADS; i++)
		total += join(t[i]);
	CHECK_EQ("sem 4 consumers took 10000", total, NTHREADS * 2500);
	CHECK("sem ends at 0", sem_getvalue(&sa, &v) == 0 && v == 0);

	/* strict hand-off both ways */
	sem_init(&sa, 0, 0);
	sem_init(&sb, 0, 0);
	t[0] = spawn(sem_pingpong, 0);
	ok = 1;
	for (int i = 0; i < 2000; i++) {
		ok &= sem_post(&sa) == 0;
		ok &= sem_wait(&sb) == 0;
	}
	join(t[0]);
	CHECK("sem ping-pong 2000", ok && sem_getvalue(&sa, &v) == 0 && v == 0);
}

/* -------------------------------------------------------------- barrier */

static pthread_barrier_t bar;
static int serials, phase_count, phase_errors;

static void *barrier_rounds(void *arg)
{
	(void)arg;
	for (int round = 0; round < 100; round++) {
		add(&phase_count, 1);
		int r = pthread_barrier_wait(&bar);
		if (r == PTHREAD_BARRIER_SERIAL_THREAD)
			add(&serials, 1);
		else if (r != 0)
			add(&phase_errors, 1000);
		/* everybody arrived in this round before anybody left it */
		if (load(&phase_count) < NTHREADS * (round + 1))
			add(&phase_errors, 1);
		pthread_barrier_wait(&bar);
	}
	return 0;
}

static void test_barrier(void)
{
	pthread_barrierattr_t a;
	pthread_t t[NTHREADS];
	int ps = -1;

	CHECK_EQ("barrierattr_init", pthread_barrierattr_init(&a), 0);
	CHECK_EQ("barrierattr_setpshared", pthread_barrierattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
	CHECK("barrierattr_getpshared", pthread_barrierattr_getpshared(&a, &ps) == 0 && ps == 1);
	CHECK_EQ("barrierattr_setpshared bad EINVAL", pthread_barrierattr_setpshared(&a, 3), EINVAL);
	CHECK_EQ("barrier_init count 0 EINVAL", pthread_barrier_init(&bar, 0, 0), EINVAL);
	CHECK_EQ("barrier_init count 1", pthread_barrier_init(&bar, &a, 1), 0);
	CHECK_EQ("barrier count 1 is SERIAL", pthread_barrier_wait(&bar), PTHREAD_BARRIER_SERIAL_THREAD);
	CHECK_EQ("barrier count 1 again SERIAL", pthread_barrier_wait(&bar), PTHREAD_BARRIER_SERIAL_THREAD);
	CHECK_EQ("barrier_destroy", pthread_barrier_destroy(&bar), 0);
	pthread_barrierattr_destroy(&a);

	CHECK_EQ("barrier_init 4", pthread_barrier_init(&bar, 0, NTHREADS), 0);
	for (int i = 0; i < NTHREADS; i++)
		t[i] = spawn(barrier_rounds, 0);
	for (int i = 0; i < NTHREADS; i++)
		join(t[i]);
	CHECK_EQ("barrier 4 threads x 100 rounds: one SERIAL per round", serials, 100);
	CHECK_EQ("barrier holds everyone until all arrive", phase_errors, 0);
	CHECK_EQ("barrier_destroy after use", pthread_barrier_destroy(&bar), 0);
}

/* --------------------------------------------------------------- rwlock */

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int readers_in, readers_met;
static long rw_a, rw_b;
static int rw_bad;

static void *reader_meet(void *arg)
{
	(void)arg;
	pthread_rwlock_rdlock(&rw);
	add(&readers_in, 1);
	/* all readers hold the lock at once */
	if (await(&readers_in, NTHREADS))
		add(&readers_met, 1);
	pthread_rwlock_unlock(&rw);
	return 0;
}

static void *rw_writer(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5000; i++) {
		pthread_rwlock_wrlock(&rw);
		long a = rw_a;
		if (i % 500 == 0)
			sched_yield();
		rw_a = a + 1;
		rw_b = rw_b + 1;
		pthread_rwlock_unlock(&rw);
	}
	return 0;
}

static void *rw_reader(void *arg)
{
	(void)arg;
	for (int i = 0; i < 5000; i++) {
		pthread_rwlock_rdlock(&rw);
		if (rw_a != rw_b)
			add(&rw_bad, 1);
		pthread_rwlock_unlock(&rw);
	}
	return 0;
}

static void *rw_try(void *arg)
{
	struct timespec ts = in_ms(CLOCK_REALTIME, 100);
	if ((long)arg == 0)
		return (void *)(long)pthread_rwlock_trywrlock(&rw);
	if ((long)arg == 1)
		return (void *)(long)pthread_rwlock_tryrdlock(&rw);
	if ((long)arg == 2)
		return (void *)(long)pthread_rwlock_timedwrlock(&rw, &ts);
	return (void *)(long)pthread_rwlock_timedrdlock(&rw, &ts);
}

static int rw_hold_state, rw_released;

static void *rw_hold_read(void *arg)
{
	(void)arg;
	pthread_rwlock_rdlock(&rw);
	add(&rw_hold_state, 1);
	sleep_ms(100);
	add(&rw_released, 1); /* still holding the read lock */
	pthread_rwlock_unlock(&rw);
	return 0;
}

static void test_rwlock(void)
{
	pthread_rwlockattr_t a;
	pthread_rwlock_t l;
	pthread_t t[2 * NTHREADS];
	struct timespec ts;
	int ps = -1;
	long long t0;

	CHECK_EQ("rwlockattr_init", pthread_rwlockattr_init(&a), 0);
	CHECK_EQ("rwlockattr_setpshared", pthread_rwlockattr_setpshared(&a, PTHREAD_PROCESS_SHARED), 0);
	CHECK("rwlockattr_getpshared", pthread_rwlockattr_getpshared(&a, &ps) == 0 && ps == 1);
	CHECK_EQ("rwlock_init", pthread_rwlock_init(&l, &a), 0);
	CHECK_EQ("rwlock pshared wrlock", pthread_rwlock_wrlock(&l), 0);
	CHECK_EQ("rwlock pshared unlock", pthread_rwlock_unlock(&l), 0);
	CHECK_EQ("rwlock_destroy", pthread_rwlock_destroy(&l), 0);
	pthread_rwlockattr_destroy(&a);

	CHECK_EQ("rwlock_rdlock", pthread_rwlock_rdlock(&rw), 0);
	CHECK_EQ("rwlock_rdlock again (recursive read)", pthread_rwlock_rdlock(&rw), 0);
	CHECK_EQ("rwlock_tryrdlock with readers", pthread_rwlock_tryrdlock(&rw), 0);
	CHECK_EQ("rwlock_trywrlock with readers EBUSY", pthread_rwlock_trywrlock(&rw), EBUSY);
	CHECK_EQ("rwlock_trywrlock other thread EBUSY", join(spawn(rw_try, (void *)0L)), EBUSY);
	CHECK_EQ("rwlock_tryrdlock other thread with readers", join(spawn(rw_try, (void *)1L)), 0);
	pthread_rwlock_unlock(&rw); /* the other thread's read lock */
	t0 = now_ns(CLOCK_MONOTONIC);
	CHECK_EQ("rwlock_timedwrlock other thread ETIMEDOUT", join(spawn(rw_try, (void *)2L)), ETIMEDOUT);
	t0 = now_ns(CLOCK_MONOTONIC) - t0;
	CHECK("rwlock_timedwrlock waited about 100ms", t0 >= 95000000LL && t0 < 3000000000LL);
	CHECK_EQ("rwlock_destroy held EBUSY", pthread_rwlock_destroy(&rw), EBUSY);
	CHECK("rwlock_unlock x3",
	      pthread_rwlock_unlock(&rw) == 0 && pthread_rwlock_unlock(&rw) == 0 &&
		      pthread_rwlock_unlock(&rw) == 0);
	CHECK_EQ("rwlock_unlock free EPERM", pthread_rwlock_unlock(&rw), EPERM);

	CHECK_EQ("rwlock_wrlock", pthread_rwlock_wrlock(&rw), 0);
	CHECK_EQ("rwlock_wrlock again EDEADLK", pthread_rwlock_wrlock(&rw), EDEADLK);
	CHECK_EQ("rwlock_rdlock by writer EDEADLK", pthread_rwlock_rdlock(&rw), EDEADLK);
	CHECK_EQ("rwlock_tryrdlock by writer EBUSY", pthread_rwlock_tryrdlock(&rw), EBUSY);
	CHECK_EQ("rwlock_trywrlock by writer EBUSY", pthread_rwlock_trywrlock(&rw), EBUSY);
	CHECK_EQ("rwlock_tryrdlock other thread EBUSY", join(spawn(rw_try, (void *)1L)), EBUSY);
	CHECK_EQ("rwlock_timedrdlock other thread ETIMEDOUT", join(spawn(rw_try, (void *)3L)), ETIMEDOUT);
	ts = in_ms(CLOCK_REALTIME, 100);
	ts.tv_nsec = -3;
	CHECK_EQ("rwlock_unlock writer", pthread_rwlock_unlock(&rw), 0);
	CHECK_EQ("rwlock_timedwrlock free, bad nsec not checked", pthread_rwlock_timedwrlock(&rw, &ts), 0);
	CHECK_EQ("rwlock_timedwrlock held by self EDEADLK", pthread_rwlock_timedwrlock(&rw, &ts), EDEADLK);
	pthread_rwlock_unlock(&rw);

	/* a writer waits for a reader, then gets the lock */
	t[0] = spawn(rw_hold_read, 0);
	await(&rw_hold_state, 1);
	ts = in_ms(CLOCK_REALTIME, 10000);
	CHECK_EQ("rwlock_timedwrlock waits for the reader", pthread_rwlock_timedwrlock(&rw, &ts), 0);
	/* ordered, not timed: the reader marks its release before unlocking */
	CHECK_EQ("rwlock writer blocked while the reader held it", __atomic_load_n(&rw_released, __ATOMIC_SEQ_CST), 1);
	pthread_rwlock_unlock(&rw);
	join(t[0]);
	/* an invalid deadline is rejected only when the call would block */
	t[0] = spawn(rw_hold_read, 0);
	await(&rw_hold_state, 2);
	ts.tv_nsec = 2000000000;
	CHECK_EQ("rwlock_timedwrlock bad nsec EINVAL", pthread_rwlock_timedwrlock(&rw, &ts), EINVAL);
	CHECK_EQ("rwlock_timedrdlock bad nsec, not blocking", pthread_rwlock_timedrdlock(&rw, &ts), 0);
	pthread_rwlock_unlock(&rw);
	join(t[0]);

	/* readers really share the lock */
	for (int i = 0; i < NTHREADS; i++)
		t[i] = spawn(reader_meet, 0);
	for (int i = 0; i < NTHREADS; i++)
		join(t[i]);
	CHECK_EQ("rwlock 4 readers hold it at once", readers_met, NTHREADS);

	/* writers exclude each other and readers */
	for (int i = 0; i < NTHREADS; i++)
		t[i] = spawn(rw_writer, 0);
	for (int i = NTHREADS; i < 2 * NTHREADS; i++)
		t[i] = spawn(rw_reader, 0);
	for (int i = 0; i < 2 * NTHREADS; i++)
		join(t[i]);
	CHECK_EQ("rwlock 4 writers x 5000 increments", rw_a, NTHREADS * 5000);
	CHECK_EQ("rwlock readers never saw a half-done write", rw_bad, 0);
	CHECK_EQ("rwlock_destroy free", pthread_rwlock_destroy(&rw), 0);
}

/* ----------------------------------------------------------------- spin */

static pthread_spinlock_t sl;
static long spin_counter;

static void *spin_increment(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITERS; i++) {
		pthread_spin_lock(&sl);
		spin_counter++;
		pthread_spin_unlock(&sl);
	}
	return 0;
}

static void *spin_try_other(void *arg)
{
	(void)arg;
	return (void *)(long)pthread_spin_trylock(&sl);
}

static void test_spin(void)
{
	pthread_t t[NTHREADS];

	CHECK_EQ("spin_init", pthread_spin_init(&sl, PTHREAD_PROCESS_PRIVATE), 0);
	CHECK_EQ("spin_trylock", pthread_spin_trylock(&sl), 0);
	CHECK_EQ("spin_trylock held EBUSY", pthread_spin_trylock(&sl), EBUSY);
	CHECK_EQ("spin_trylock other thread EBUSY", join(spawn(spin_try_other, 0)), EBUSY);
	CHECK_EQ("spin_unlock", pthread_spin_unlock(&sl), 0);
	CHECK_EQ("spin_lock", pthread_spin_lock(&sl), 0);
	CHECK_EQ("spin_unlock after lock", pthread_spin_unlock(&sl), 0);
	for (int i = 0; i < NTHREADS; i++)
		t[i] = spawn(spin_increment, 0);
	for (int i = 0; i < NTHREADS; i++)
		join(t[i]);
	CHECK_EQ("spin 4 threads x 10000 increments", spin_counter, NTHREADS * ITERS);
	CHECK_EQ("spin_destroy", pthread_spin_destroy(&sl), 0);
}

int main(void)
{
	test_mutex();
	test_cond();
	test_cancel();
	test_sem();
	test_barrier();
	test_rwlock();
	test_spin();
	return check_failed;
}
