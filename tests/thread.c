/* Threads from C: create/join with results, per-thread TLS and errno across
 * 64 threads, detach, attributes (stack size, guard, caller stack, detached),
 * self/equal, the creator's signal mask, pthread_kill, keys with
 * destructors, pthread_once, EAGAIN instead of a crash, and 10,000
 * create/join cycles plus 3,000 create/detach cycles that must not grow the
 * address space. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static __thread long tls_value = 100;
static __thread char tls_aligned[64] __attribute__((aligned(64))) = "x";

static void *add_to_tls(void *arg)
{
	tls_value += (long)arg;
	return (void *)tls_value;
}

static void *tls_and_errno(void *arg)
{
	long id = (long)arg;
	int bad = 0;
	if (tls_value != 100 || (unsigned long)tls_aligned % 64 || tls_aligned[0] != 'x')
		return (void *)-1L;
	tls_value = id;
	errno = 0;
	for (int i = 0; i < 100; i++) {
		/* each thread makes its own errno: EBADF or ENOENT by parity */
		if (id & 1)
			read(-1, 0, 0);
		else
			open("/nonexistent/muslin", O_RDONLY);
		if (errno != ((id & 1) ? EBADF : ENOENT) || tls_value != id)
			bad++;
		sched_yield();
	}
	return (void *)(long)bad;
}

static volatile int detached_ran;
static void *set_flag(void *arg)
{
	(void)arg;
	detached_ran = 1;
	return 0;
}

static void *nothing(void *arg)
{
	return arg;
}

static void *self_id(void *arg)
{
	*(pthread_t *)arg = pthread_self();
	return 0;
}

static void *mask_of_child(void *arg)
{
	sigset_t cur;
	pthread_sigmask(SIG_BLOCK, 0, &cur);
	*(int *)arg = sigismember(&cur, SIGUSR1);
	return 0;
}

static volatile pid_t usr1_tid;
static void on_usr1(int sig)
{
	(void)sig;
	usr1_tid = gettid();
}

static volatile int kill_target_ready, kill_target_go;
static void *wait_for_signal(void *arg)
{
	*(pid_t *)arg = gettid();
	kill_target_ready = 1;
	while (!usr1_tid)
		sched_yield();
	return 0;
}

static pthread_key_t key1, key2;
static int dtor_calls, dtor_rounds;
static void dtor(void *v)
{
	dtor_calls++;
	/* re-arm twice: destructors run again, up to 4 rounds */
	if ((long)v < 3) {
		dtor_rounds++;
		pthread_setspecific(key1, (void *)((long)v + 1));
	}
}

static void *use_keys(void *arg)
{
	(void)arg;
	pthread_setspecific(key1, (void *)1L);
	pthread_setspecific(key2, (void *)7L);
	return pthread_getspecific(key2);
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_count;
static void once_init(void)
{
	once_count++;
}
static void *call_once(void *arg)
{
	pthread_once(&once, once_init);
	return arg;
}

static int count_mappings(void)
{
	char buf[4096];
	int fd = open("/proc/self/maps", O_RDONLY), lines = 0;
	ssize_t n;
	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++)
			lines += buf[i] == '\n';
	close(fd);
	return lines;
}

int main(void)
{
	pthread_t t, ts[64], seen;
	pthread_attr_t a;
	void *r;
	int ok, i;

	/* create/join */
	CHECK_EQ("pthread_create", pthread_create(&t, 0, add_to_tls, (void *)5L), 0);
	CHECK_EQ("pthread_join", pthread_join(t, &r), 0);
	CHECK_EQ("result and fresh TLS copy", (long)r, 105);
	CHECK_EQ("main TLS untouched", tls_value, 100);

	/* 64 threads, each with its own TLS and errno */
	for (i = 0; i < 64; i++)
		if (pthread_create(&ts[i], 0, tls_and_errno, (void *)(long)i))
			break;
	CHECK_EQ("64 threads created", i, 64);
	ok = 1;
	for (i = 0; i < 64; i++)
		ok &= pthread_join(ts[i], &r) == 0 && r == 0;
	CHECK("TLS and errno per thread across 64 threads", ok);

	/* self and equal */
	pthread_create(&t, 0, self_id, &seen);
	pthread_join(t, 0);
	CHECK("pthread_self in the thread equals the handle", pthread_equal(seen, t));
	CHECK("pthread_equal distinguishes", !pthread_equal(pthread_self(), t));
	CHECK_EQ("join self EDEADLK", pthread_join(pthread_self(), 0), EDEADLK);

	/* detach */
	CHECK_EQ("create", pthread_create(&t, 0, set_flag, 0), 0);
	CHECK_EQ("pthread_detach", pthread_detach(t), 0);
	for (i = 0; i < 10000 && !detached_ran; i++)
		usleep(1000);
	CHECK("detached thread ran", detached_ran);

	/* attributes */
	size_t sz;
	int st;
	CHECK_EQ("attr_init", pthread_attr_init(&a), 0);
	CHECK("default stack size", pthread_attr_getstacksize(&a, &sz) == 0 && sz >= PTHREAD_STACK_MIN);
	CHECK_EQ("setstacksize too small EINVAL", pthread_attr_setstacksize(&a, 100), EINVAL);
	CHECK_EQ("setstacksize", pthread_attr_setstacksize(&a, 1 << 20), 0);
	CHECK("getstacksize", pthread_attr_getstacksize(&a, &sz) == 0 && sz == 1 << 20);
	CHECK_EQ("setguardsize", pthread_attr_setguardsize(&a, 3 * 4096), 0);
	CHECK("getguardsize", pthread_attr_getguardsize(&a, &sz) == 0 && sz == 3 * 4096);
	CHECK_EQ("create with big stack and guard", pthread_create(&t, &a, nothing, (void *)9L), 0);
	CHECK("join it", pthread_join(t, &r) == 0 && r == (void *)9L);
	CHECK_EQ("setdetachstate bad EINVAL", pthread_attr_setdetachstate(&a, 7), EINVAL);
	CHECK_EQ("setdetachstate", pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED), 0);
	CHECK("getdetachstate", pthread_attr_getdetachstate(&a, &st) == 0 && st == PTHREAD_CREATE_DETACHED);
	detached_ran = 0;
	CHECK_EQ("create detached", pthread_create(&t, &a, set_flag, 0), 0);
	for (i = 0; i < 10000 && !detached_ran; i++)
		usleep(1000);
	CHECK("detached-by-attr thread ran", detached_ran);
	pthread_attr_init(&a);
	void *stack = mmap(0, 1 << 16, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK_EQ("setstack", pthread_attr_setstack(&a, stack, 1 << 16), 0);
	pthread_t on_stack;
	CHECK_EQ("create on a caller stack", pthread_create(&on_stack, &a, self_id, &seen), 0);
	pthread_join(on_stack, 0);
	CHECK("ran on the caller's stack", pthread_equal(seen, on_stack));
	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, (size_t)-1 - 65536);
	CHECK_EQ("impossible stack gives EAGAIN", pthread_create(&t, &a, nothing, 0), EAGAIN);

	/* the child starts with the creator's signal mask */
	sigset_t set, old;
	int member = -1;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, &old);
	pthread_create(&t, 0, mask_of_child, &member);
	pthread_join(t, 0);
	pthread_sigmask(SIG_SETMASK, &old, 0);
	CHECK_EQ("child inherits the creator's mask", member, 1);

	/* pthread_kill reaches the named thread */
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, 0);
	pid_t target_tid = 0;
	pthread_create(&t, 0, wait_for_signal, &target_tid);
	while (!kill_target_ready)
		sched_yield();
	CHECK_EQ("pthread_kill", pthread_kill(t, SIGUSR1), 0);
	pthread_join(t, 0);
	CHECK("handler ran in the target thread", usr1_tid == target_tid && target_tid != gettid());
	CHECK_EQ("pthread_kill bad signal EINVAL", pthread_kill(pthread_self(), 1000), EINVAL);
	CHECK_EQ("pthread_kill reserved signal EINVAL", pthread_kill(pthread_self(), 33), EINVAL);

	/* thread-specific data */
	CHECK_EQ("key_create", pthread_key_create(&key1, dtor), 0);
	CHECK_EQ("key_create", pthread_key_create(&key2, 0), 0);
	CHECK("keys differ", key1 != key2);
	CHECK("getspecific unset is NULL", pthread_getspecific(key1) == 0);
	pthread_setspecific(key2, (void *)3L);
	pthread_create(&t, 0, use_keys, 0);
	pthread_join(t, &r);
	CHECK("values are per thread", r == (void *)7L && pthread_getspecific(key2) == (void *)3L);
	CHECK("destructor ran 3 rounds", dtor_calls == 3 && dtor_rounds == 2);
	CHECK_EQ("key_delete", pthread_key_delete(key2), 0);
	CHECK_EQ("key_delete twice EINVAL", pthread_key_delete(key2), EINVAL);
	CHECK_EQ("setspecific deleted key EINVAL", pthread_setspecific(key2, 0), EINVAL);

	/* pthread_once */
	for (i = 0; i < 8; i++)
		pthread_create(&ts[i], 0, call_once, 0);
	for (i = 0; i < 8; i++)
		pthread_join(ts[i], 0);
	pthread_once(&once, once_init);
	CHECK_EQ("pthread_once ran once", once_count, 1);

	/* 10,000 create/join and 3,000 create/detach cycles */
	int before = count_mappings();
	for (i = 0; i < 10000; i++)
		if (pthread_create(&t, 0, nothing, 0) || pthread_join(t, 0))
			break;
	CHECK_EQ("10000 create/join", i, 10000);
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (i = 0; i < 3000; i++) {
		int e = pthread_create(&t, &a, nothing, 0);
		if (e == EAGAIN) { /* too many still exiting: let them go */
			usleep(1000);
			i--;
			continue;
		}
		if (e)
			break;
	}
	CHECK_EQ("3000 create/detach", i, 3000);
	/* Let the detached threads finish unmapping: poll for up to 10 s (a
	 * loaded machine under qemu can take far longer than a fixed pause);
	 * leaked mappings never go away, so a leak still fails. */
	int after = count_mappings();
	for (i = 0; i < 200 && after > before + 2; i++) {
		usleep(50000);
		after = count_mappings();
	}
	CHECK("address space did not grow", before > 0 && after <= before + 2);
	if (!(after <= before + 2)) {
		put("  mappings before ");
		put_num(before);
		put(", after ");
		put_num(after);
		put("\n");
	}
	return check_failed;
}
