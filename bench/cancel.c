/* Cancellation benchmark, one portable C file built three ways by
 * `./x.py bench`: against muslin, musl (musl-gcc) and glibc, all static.
 * Only POSIX calls that muslin implements, plus an inline-asm raw `read`
 * system call as the floor for a cancellable one. No stdio: numbers are
 * printed with write(2).
 *
 *   cancel rw N B       B batches, each N raw reads then N read(3)s of one
 *                       byte from /dev/zero; per batch prints
 *                       "raw N NS" and "read N NS" (NS: the batch's total)
 *   cancel read N B     only the cancellable read(3) batches
 *   cancel raw N B      only the raw system call batches
 *   cancel create N B   B batches of N pthread_create + pthread_join of a
 *                       thread that returns at once: "create N NS"
 *   cancel cancel R     R rounds: a thread blocks in read(2) on an empty
 *                       pipe, 1 ms later pthread_cancel; time from the
 *                       cancel to pthread_join returning: "cancel 1 NS"
 *
 * Every mode does a short untimed warm-up first, of a fixed size. Exit status 0 on success,
 * 1 on a failed call (with a message on stderr), 2 on bad arguments.
 * For instruction counts run `read N 1` and `raw N 1` under callgrind with
 * two values of N and divide the difference. */
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BENCH_NAME "cancel"
#include "bench.h"

/* ---------------------------------------------------------------- read */

static long raw_read(int fd, void *buf, unsigned long n)
{
	long r;
#if defined(__x86_64__)
	__asm__ __volatile__("syscall"
			     : "=a"(r)
			     : "0"(0L /* SYS_read */), "D"((long)fd), "S"(buf), "d"(n)
			     : "rcx", "r11", "memory");
#elif defined(__i386__)
	__asm__ __volatile__("int $0x80"
			     : "=a"(r)
			     : "0"(3L /* SYS_read */), "b"(fd), "c"(buf), "d"(n)
			     : "memory");
#else
#error "bench/cancel.c: raw read only for x86_64 and i386"
#endif
	return r;
}

static int zero_fd;

/* Untimed warm-up, the same whatever N is, so that instruction counts of
 * two runs with different N differ by exactly the batches' work. */
#define WARMUP_READS 1000
#define WARMUP_THREADS 20

/* noinline: the loops stay the same shape whatever the compiler inlines. */
__attribute__((noinline)) static void loop_read(u64 n)
{
	char c;
	for (u64 i = 0; i < n; i++)
		if (read(zero_fd, &c, 1) != 1)
			fail("read");
}

__attribute__((noinline)) static void loop_raw(u64 n)
{
	char c;
	for (u64 i = 0; i < n; i++)
		if (raw_read(zero_fd, &c, 1) != 1)
			fail("raw read");
}

static void bench_read(int raw, int cp, u64 n, u64 batches)
{
	zero_fd = open("/dev/zero", O_RDONLY);
	if (zero_fd < 0)
		fail("open /dev/zero");
	if (raw)
		loop_raw(WARMUP_READS);
	if (cp)
		loop_read(WARMUP_READS);
	for (u64 b = 0; b < batches; b++) {
		u64 t0, t1;
		if (raw) {
			t0 = now();
			loop_raw(n);
			t1 = now();
			result("raw", n, t1 - t0);
		}
		if (cp) {
			t0 = now();
			loop_read(n);
			t1 = now();
			result("read", n, t1 - t0);
		}
	}
}

/* ---------------------------------------------------------------- create */

static void *returns(void *arg)
{
	return arg;
}

static char token;

static void create_join(u64 n)
{
	for (u64 i = 0; i < n; i++) {
		pthread_t t;
		void *r = 0;
		if (pthread_create(&t, 0, returns, &token))
			fail("pthread_create");
		if (pthread_join(t, &r) || r != (void *)&token)
			fail("pthread_join");
	}
}

static void bench_create(u64 n, u64 batches)
{
	create_join(WARMUP_THREADS);
	for (u64 b = 0; b < batches; b++) {
		u64 t0 = now();
		create_join(n);
		result("create", n, now() - t0);
	}
}

/* ---------------------------------------------------------------- cancel */

static int pipe_fds[2];
static int blocked;

static void *blocks(void *arg)
{
	char c;
	(void)arg;
	__atomic_store_n(&blocked, 1, __ATOMIC_SEQ_CST);
	read(pipe_fds[0], &c, 1); /* the pipe stays empty: only cancel ends this */
	return 0;
}

static u64 cancel_once(void)
{
	pthread_t t;
	void *r = 0;
	struct timespec ms = {0, 1000000};
	u64 t0, t1;
	__atomic_store_n(&blocked, 0, __ATOMIC_SEQ_CST);
	if (pthread_create(&t, 0, blocks, 0))
		fail("pthread_create");
	while (!__atomic_load_n(&blocked, __ATOMIC_SEQ_CST))
		sched_yield();
	nanosleep(&ms, 0); /* let it block in read */
	t0 = now();
	if (pthread_cancel(t))
		fail("pthread_cancel");
	if (pthread_join(t, &r))
		fail("pthread_join");
	t1 = now();
	if (r != PTHREAD_CANCELED)
		fail("cancelled thread's result");
	return t1 - t0;
}

static void bench_cancel(u64 rounds)
{
	if (pipe(pipe_fds))
		fail("pipe");
	cancel_once();
	for (u64 i = 0; i < rounds; i++)
		result("cancel", 1, cancel_once());
}

/* ---------------------------------------------------------------- main */

int main(int argc, char **argv)
{
	u64 n = 0, b = 1;
	const char *m = argc > 1 ? argv[1] : "";
	if (argc < 3 || argc > 4 || !parse(argv[2], &n) || !n || (argc == 4 && !parse(argv[3], &b)))
		goto usage;
	if (!strcmp(m, "rw"))
		bench_read(1, 1, n, b);
	else if (!strcmp(m, "read"))
		bench_read(0, 1, n, b);
	else if (!strcmp(m, "raw"))
		bench_read(1, 0, n, b);
	else if (!strcmp(m, "create"))
		bench_create(n, b);
	else if (!strcmp(m, "cancel"))
		bench_cancel(n);
	else
		goto usage;
	return 0;
usage:
	put(2, "usage: cancel rw|read|raw|create N [BATCHES] | cancel cancel ROUNDS\n");
	return 2;
}
