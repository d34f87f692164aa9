/* Handles of threads that are gone: after pthread_join, or once a
 * detached thread has ended, every function given the pthread_t returns
 * ESRCH (glibc's answer; musl reads freed memory). Also: live handles stay
 * valid (the main thread's from another thread, a finished but unjoined
 * thread's), join/detach misuse gets EINVAL/EDEADLK, stale handles poked
 * while new threads reuse their memory (and while detached threads end
 * concurrently) never crash, and a fork child knows only its own thread. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static void *ret_arg(void *arg)
{
	return arg;
}

static volatile int release;
static void *wait_release(void *arg)
{
	while (!release)
		usleep(1000);
	return arg;
}

static void sleep_ms(int ms)
{
	struct timespec ts = {0, ms * 1000000L};
	nanosleep(&ts, 0);
}

/* Every function given a pthread_t, on a handle that must be gone. */
static char name_buf[128];
static const char *name(const char *what, const char *call)
{
	size_t n = strlen(what);
	memcpy(name_buf, what, n);
	memcpy(name_buf + n, ": ", 2);
	memcpy(name_buf + n + 2, call, strlen(call) + 1);
	return name_buf;
}

static void all_esrch(const char *what, pthread_t t)
{
	int policy;
	struct sched_param sp = {0};
	clockid_t clk;
	void *res;
	CHECK_EQ(name(what, "pthread_kill(t, 0)"), pthread_kill(t, 0), ESRCH);
	CHECK_EQ(name(what, "pthread_kill(t, SIGUSR1)"), pthread_kill(t, SIGUSR1), ESRCH);
	CHECK_EQ(name(what, "pthread_cancel"), pthread_cancel(t), ESRCH);
	CHECK_EQ(name(what, "pthread_getschedparam"), pthread_getschedparam(t, &policy, &sp),
		 ESRCH);
	CHECK_EQ(name(what, "pthread_setschedparam"),
		 pthread_setschedparam(t, SCHED_OTHER, &sp), ESRCH);
	CHECK_EQ(name(what, "pthread_setschedprio"), pthread_setschedprio(t, 0), ESRCH);
	CHECK_EQ(name(what, "pthread_getcpuclockid"), pthread_getcpuclockid(t, &clk), ESRCH);
	CHECK_EQ(name(what, "pthread_detach"), pthread_detach(t), ESRCH);
	CHECK_EQ(name(what, "pthread_join"), pthread_join(t, &res), ESRCH);
}

/* Waits (10 s at most) until `t` is gone: a detached thread that ends. */
static int wait_gone(pthread_t t)
{
	for (int i = 0; i < 10000; i++) {
		int r = pthread_kill(t, 0);
		if (r != 0)
			return r;
		sleep_ms(1);
	}
	return 0;
}

static pthread_t main_thread;
static void *poke_main(void *arg)
{
	int policy;
	struct sched_param sp;
	clockid_t clk;
	(void)arg;
	long bad = 0;
	if (pthread_kill(main_thread, 0) != 0)
		bad |= 1;
	if (pthread_getschedparam(main_thread, &policy, &sp) != 0)
		bad |= 2;
	if (pthread_getcpuclockid(main_thread, &clk) != 0)
		bad |= 4;
	return (void *)bad;
}

/* Stale handles poked from another thread while detached threads end and
 * new ones take their memory: each answer is 0 (the address names a live
 * thread again) or ESRCH, never a crash. */
#define RING 64
static pthread_t ring[RING];
static volatile int ring_n, stop_poking;
static long poke_esrch, poke_ok, poke_bad;
static void *poker(void *arg)
{
	(void)arg;
	while (!stop_poking) {
		int n = ring_n < RING ? ring_n : RING;
		for (int i = 0; i < n; i++) {
			pthread_t t = ring[i];
			int policy;
			struct sched_param sp;
			clockid_t clk;
			int r1 = pthread_kill(t, 0);
			int r2 = pthread_getschedparam(t, &policy, &sp);
			int r3 = pthread_getcpuclockid(t, &clk);
			if (r1 == ESRCH)
				poke_esrch++;
			else if (r1 == 0)
				poke_ok++;
			if ((r1 != 0 && r1 != ESRCH) || (r2 != 0 && r2 != ESRCH) ||
			    (r3 != 0 && r3 != ESRCH))
				poke_bad++;
		}
	}
	return 0;
}

static void stress_concurrent(void)
{
	pthread_attr_t a;
	pthread_t p;
	int failed = 0;
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	CHECK_EQ("stress: poker created", pthread_create(&p, 0, poker, 0), 0);
	for (int i = 0; i < 2000; i++) {
		pthread_t t;
		if (pthread_create(&t, &a, ret_arg, 0) != 0) {
			failed++;
			continue;
		}
		ring[i % RING] = t;
		if (ring_n < RING)
			ring_n++;
		if (i % 8 == 0)
			sched_yield();
	}
	/* Joined handles too, while the poker still runs. */
	for (int i = 0; i < 1000; i++) {
		pthread_t t;
		if (pthread_create(&t, 0, ret_arg, 0) != 0) {
			failed++;
			continue;
		}
		pthread_join(t, 0);
		ring[i % RING] = t;
	}
	sleep_ms(20);
	stop_poking = 1;
	pthread_join(p, 0);
	CHECK_EQ("stress: every create worked", failed, 0);
	CHECK_EQ("stress: stale handles answered 0 or ESRCH", poke_bad, 0);
	CHECK("stress: the poker ran", poke_esrch + poke_ok > 0);
}

/* Sequential: joined handles, some of whose memory a live thread now
 * holds (more threads end than start again, so some holes stay empty).
 * A stale handle equal to a live one names that thread (0); every other
 * is ESRCH for kill, cancel, detach and join alike. */
static void stress_reuse(void)
{
	enum { GONE = 8, LIVE = 3, ROUNDS = 300 };
	int bad = 0, esrch = 0, reused = 0;
	for (int round = 0; round < ROUNDS; round++) {
		pthread_t live[LIVE], gone[GONE];
		release = 0;
		for (int i = 0; i < GONE; i++)
			bad += pthread_create(&gone[i], 0, wait_release, 0) != 0;
		release = 1;
		for (int i = 0; i < GONE; i++)
			bad += pthread_join(gone[i], 0) != 0;
		release = 0;
		for (int i = 0; i < LIVE; i++)
			bad += pthread_create(&live[i], 0, wait_release, 0) != 0;
		for (int i = 0; i < GONE; i++) {
			int is_live = 0;
			for (int j = 0; j < LIVE; j++)
				is_live |= pthread_equal(gone[i], live[j]);
			if (is_live) {
				reused++;
				bad += pthread_kill(gone[i], 0) != 0;
				continue;
			}
			esrch++;
			bad += pthread_kill(gone[i], 0) != ESRCH;
			bad += pthread_cancel(gone[i]) != ESRCH;
			bad += pthread_detach(gone[i]) != ESRCH;
			bad += pthread_join(gone[i], 0) != ESRCH;
		}
		release = 1;
		for (int i = 0; i < LIVE; i++)
			bad += pthread_join(live[i], 0) != 0;
	}
	CHECK_EQ("reuse: wrong answers", bad, 0);
	CHECK("reuse: some handles were ESRCH", esrch > 0);
	put("  (");
	put_num(esrch);
	put(" gone, ");
	put_num(reused);
	put(" reused)\n");
}

static void fork_child_case(void)
{
	pthread_t gone, live;
	int st;
	release = 0;
	pthread_create(&gone, 0, ret_arg, 0);
	pthread_join(gone, 0);
	CHECK_EQ("fork: live thread created", pthread_create(&live, 0, wait_release, 0), 0);
	pid_t pid = fork();
	if (pid == 0) {
		/* Only this thread exists here. */
		int bad = 0;
		if (pthread_kill(live, 0) != ESRCH)
			bad |= 1;
		if (pthread_join(live, 0) != ESRCH)
			bad |= 2;
		if (!pthread_equal(gone, live) && pthread_kill(gone, 0) != ESRCH)
			bad |= 4;
		if (pthread_kill(pthread_self(), 0) != 0)
			bad |= 8;
		_exit(bad);
	}
	CHECK("fork: forked", pid > 0);
	CHECK_EQ("fork: waited", waitpid(pid, &st, 0), pid);
	CHECK("fork: child exited", WIFEXITED(st));
	CHECK_EQ("fork: child's handles (bits of failures)", WEXITSTATUS(st), 0);
	CHECK_EQ("fork: parent's live thread still valid", pthread_kill(live, 0), 0);
	release = 1;
	CHECK_EQ("fork: parent joins it", pthread_join(live, 0), 0);

	/* No other thread at the fork (qemu-user cannot start a thread in the
	 * child of a threaded process): the child registers itself again at
	 * its first pthread_create. */
	pid = fork();
	if (pid == 0) {
		int bad = 0;
		pthread_t t;
		void *res;
		if (!pthread_equal(gone, live) && pthread_kill(gone, 0) != ESRCH)
			bad |= 1;
		if (pthread_kill(live, 0) != ESRCH)
			bad |= 2;
		if (pthread_create(&t, 0, poke_main, 0) != 0 || pthread_join(t, &res) != 0)
			bad |= 4;
		else if (res != 0)
			bad |= 8;
		else if (pthread_kill(t, 0) != ESRCH)
			bad |= 16;
		_exit(bad);
	}
	CHECK_EQ("fork 2: waited", waitpid(pid, &st, 0), pid);
	CHECK("fork 2: child exited", WIFEXITED(st));
	CHECK_EQ("fork 2: child's handles (bits of failures)", WEXITSTATUS(st), 0);
}

int main(void)
{
	pthread_t t, self = pthread_self();
	void *res = 0;
	pthread_attr_t detached;
	int policy;
	struct sched_param sp;
	clockid_t clk;

	/* The calling thread, before any other exists. */
	main_thread = self;
	CHECK_EQ("self: pthread_kill(self, 0)", pthread_kill(self, 0), 0);
	CHECK_EQ("self: getschedparam", pthread_getschedparam(self, &policy, &sp), 0);
	CHECK_EQ("self: getcpuclockid", pthread_getcpuclockid(self, &clk), 0);
	CHECK_EQ("self: join is EDEADLK", pthread_join(self, 0), EDEADLK);

	/* Joined: every call on the handle is ESRCH. */
	CHECK_EQ("joined: create", pthread_create(&t, 0, ret_arg, (void *)42), 0);
	CHECK_EQ("joined: join", pthread_join(t, &res), 0);
	CHECK("joined: result", res == (void *)42);
	all_esrch("joined", t);

	/* Finished but not joined: still a valid handle. */
	CHECK_EQ("zombie: create", pthread_create(&t, 0, ret_arg, (void *)5), 0);
	sleep_ms(20);
	CHECK_EQ("zombie: pthread_kill(t, 0)", pthread_kill(t, 0), 0);
	CHECK_EQ("zombie: join", pthread_join(t, &res), 0);
	CHECK("zombie: result", res == (void *)5);
	CHECK_EQ("zombie: then gone", pthread_kill(t, 0), ESRCH);

	/* Live: valid; the main thread's handle too, from another thread. */
	release = 0;
	CHECK_EQ("live: create", pthread_create(&t, 0, wait_release, 0), 0);
	CHECK_EQ("live: pthread_kill(t, 0)", pthread_kill(t, 0), 0);
	CHECK_EQ("live: getschedparam", pthread_getschedparam(t, &policy, &sp), 0);
	CHECK_EQ("live: setschedparam", pthread_setschedparam(t, policy, &sp), 0);
	CHECK_EQ("live: getcpuclockid", pthread_getcpuclockid(t, &clk), 0);
	pthread_t m;
	res = (void *)-1L;
	if (pthread_create(&m, 0, poke_main, 0) == 0)
		pthread_join(m, &res);
	CHECK_EQ("live: main's handle from a thread (bits of failures)", (long)res, 0);
	release = 1;
	CHECK_EQ("live: join", pthread_join(t, 0), 0);

	/* A detached thread that ended by itself. */
	pthread_attr_init(&detached);
	pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
	CHECK_EQ("detached: create", pthread_create(&t, &detached, ret_arg, 0), 0);
	int r = pthread_join(t, 0);
	CHECK("detached: join is EINVAL (or ESRCH once ended)", r == EINVAL || r == ESRCH);
	CHECK_EQ("detached: gone within 10 s", wait_gone(t), ESRCH);
	all_esrch("detached, ended", t);

	/* Joining a detached thread just as it ends (once hung: the join saw
	 * it exiting before it left the registry). */
	int racy = 0;
	for (int i = 0; i < 300; i++) {
		if (pthread_create(&t, &detached, ret_arg, 0) != 0) {
			racy++;
			continue;
		}
		if (i & 1)
			sched_yield();
		r = pthread_join(t, 0);
		racy += r != EINVAL && r != ESRCH;
	}
	CHECK_EQ("detached: 300 joins racing the end", racy, 0);

	/* Detached after creation, ended later. */
	release = 0;
	CHECK_EQ("detach later: create", pthread_create(&t, 0, wait_release, 0), 0);
	CHECK_EQ("detach later: detach", pthread_detach(t), 0);
	CHECK_EQ("detach later: second detach", pthread_detach(t), EINVAL);
	CHECK_EQ("detach later: join", pthread_join(t, 0), EINVAL);
	CHECK_EQ("detach later: still alive", pthread_kill(t, 0), 0);
	release = 1;
	CHECK_EQ("detach later: gone within 10 s", wait_gone(t), ESRCH);
	all_esrch("detached later, ended", t);

	/* Detached while finishing (the detacher reclaims it). */
	CHECK_EQ("detach exited: create", pthread_create(&t, 0, ret_arg, 0), 0);
	sleep_ms(20);
	CHECK_EQ("detach exited: detach", pthread_detach(t), 0);
	all_esrch("detached after it ended", t);

	/* Cancelled and joined. */
	release = 0;
	CHECK_EQ("cancelled: create", pthread_create(&t, 0, wait_release, 0), 0);
	CHECK_EQ("cancelled: cancel", pthread_cancel(t), 0);
	CHECK_EQ("cancelled: join", pthread_join(t, &res), 0);
	CHECK("cancelled: PTHREAD_CANCELED", res == PTHREAD_CANCELED);
	all_esrch("cancelled", t);

	stress_reuse();
	stress_concurrent();
	fork_child_case();
	return check_failed;
}
