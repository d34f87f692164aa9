/* Everyday-libc benchmark, one portable C file built three ways by
 * `./x.py bench`: against muslin, musl (musl-gcc) and glibc, all static.
 * No stdio output: numbers are printed with write(2).
 *
 *   libc malloc N B T   T threads (1 or 2), each with its own working set of
 *                       1000 live blocks of 16..512 bytes (seeded xorshift);
 *                       a step frees a random block and mallocs a new one
 *                       of random size. B batches of N steps per thread:
 *                       "malloc<T> N NS" (NS: wall time of the batch)
 *   libc snprintf N B   B batches of N snprintf calls of a format mixing
 *                       %d %u %ld %x %s %-8s %.3f %g %e: "snprintf N NS"
 *   libc memcpy S B     B batches of copies of S bytes (64-byte aligned,
 *   libc memset S B     cache-warm), about 256 MiB per batch:
 *                       "memcpy BYTES NS" / "memset BYTES NS"
 *
 * Every mode does an untimed warm-up of a fixed size first. Exit status 0
 * on success, 1 on a failed call (message on stderr), 2 on bad arguments.
 * For instruction counts run `malloc N 1 1` / `snprintf N 1` under
 * callgrind with two values of N and divide the difference. */
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <stdio.h>

#define BENCH_NAME "libc"
#include "bench.h"

/* xorshift64*: small, seeded, the same sequence on every libc. */
static u64 next(u64 *s)
{
	u64 x = *s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545F4914F6CDD1Dull;
}

/* ---------------------------------------------------------------- malloc */

#define LIVE 1000
#define WARMUP_STEPS 20000

struct worker {
	u64 seed;
	u64 steps;
	u64 batches;
	void *live[LIVE];
};

static int ready, go;

static void *fresh(u64 *seed)
{
	size_t n = 16 + (size_t)(next(seed) % 497); /* 16..512 */
	unsigned char *p = malloc(n);
	if (!p)
		fail("malloc");
	p[0] = p[n - 1] = (unsigned char)n; /* touch both ends */
	return p;
}

/* noinline: the loop keeps one shape whatever the compiler inlines. */
__attribute__((noinline)) static void churn(struct worker *w, u64 n)
{
	for (u64 i = 0; i < n; i++) {
		u64 r = next(&w->seed);
		size_t k = (size_t)(r % LIVE);
		free(w->live[k]);
		w->live[k] = fresh(&w->seed);
	}
}

static void *malloc_worker(void *arg)
{
	struct worker *w = arg;
	for (int i = 0; i < LIVE; i++)
		w->live[i] = fresh(&w->seed);
	churn(w, WARMUP_STEPS);
	__atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
	for (u64 b = 0; b < w->batches; b++) {
		while (__atomic_load_n(&go, __ATOMIC_ACQUIRE) <= (int)b)
			sched_yield();
		churn(w, w->steps);
		__atomic_add_fetch(&ready, 1, __ATOMIC_SEQ_CST);
	}
	for (int i = 0; i < LIVE; i++)
		free(w->live[i]);
	return 0;
}

static struct worker workers[2];

static void bench_malloc(u64 n, u64 batches, u64 threads)
{
	pthread_t t[2];
	static const char *names[] = {"malloc1", "malloc2"};
	for (u64 i = 0; i < threads; i++) {
		workers[i].seed = 0x9E3779B97F4A7C15ull * (i + 1);
		workers[i].steps = n;
		workers[i].batches = batches;
	}
	if (threads == 1) { /* no thread: the single-threaded fast paths */
		struct worker *w = &workers[0];
		for (int i = 0; i < LIVE; i++)
			w->live[i] = fresh(&w->seed);
		churn(w, WARMUP_STEPS);
		for (u64 b = 0; b < batches; b++) {
			u64 t0 = now();
			churn(w, n);
			result(names[0], n, now() - t0);
		}
		for (int i = 0; i < LIVE; i++)
			free(w->live[i]);
		return;
	}
	for (u64 i = 0; i < threads; i++)
		if (pthread_create(&t[i], 0, malloc_worker, &workers[i]))
			fail("pthread_create");
	for (u64 b = 0; b < batches; b++) {
		int want = (int)(threads * (b + 1));
		while (__atomic_load_n(&ready, __ATOMIC_ACQUIRE) < want)
			sched_yield();
		u64 t0 = now();
		__atomic_store_n(&go, (int)b + 1, __ATOMIC_RELEASE);
		while (__atomic_load_n(&ready, __ATOMIC_ACQUIRE) < want + (int)threads)
			sched_yield();
		result(names[threads - 1], n, now() - t0);
	}
	for (u64 i = 0; i < threads; i++)
		if (pthread_join(t[i], 0))
			fail("pthread_join");
}

/* ---------------------------------------------------------------- snprintf */

#define ARGS 64
static int ints[ARGS];
static unsigned uns[ARGS];
static long longs[ARGS];
static double dbls[ARGS];
static const char *strs[] = {"", "a", "hello", "muslin", "benchmark", "x y z", "0123456789",
			     "static"};
static volatile u64 sink;

__attribute__((noinline)) static void format(u64 n)
{
	char buf[256];
	u64 total = 0;
	for (u64 i = 0; i < n; i++) {
		unsigned k = (unsigned)(i % ARGS);
		total += (u64)snprintf(buf, sizeof buf, "%d %u %ld %x [%s|%-8s] %.3f %g %e", ints[k],
				       uns[k], longs[k], uns[k], strs[k % 8], strs[(k + 3) % 8],
				       dbls[k], dbls[(k + 1) % ARGS], dbls[(k + 2) % ARGS]);
	}
	sink += total;
}

static void bench_snprintf(u64 n, u64 batches)
{
	u64 seed = 42;
	for (int i = 0; i < ARGS; i++) {
		u64 r = next(&seed);
		ints[i] = (int)(r >> 40) - (1 << 23);
		uns[i] = (unsigned)(r >> 16);
		longs[i] = (long)(r >> 1) >> (r % 40);
		/* magnitudes from 1e-6 to 1e9, both signs */
		dbls[i] = ((double)(r >> 11) / 9007199254740992.0 - 0.5) *
			  (double)(1ull << (r % 30)) * ((i & 3) ? 1.0 : 1e-6);
	}
	format(2000);
	for (u64 b = 0; b < batches; b++) {
		u64 t0 = now();
		format(n);
		result("snprintf", n, now() - t0);
	}
}

/* ---------------------------------------------------------------- memcpy */

#define PER_BATCH (256ull << 20)

static void *(*volatile copy_fn)(void *, const void *, size_t) = memcpy;
static void *(*volatile set_fn)(void *, int, size_t) = memset;

static unsigned char *aligned(size_t n)
{
	unsigned char *p = malloc(n + 64);
	if (!p)
		fail("malloc");
	return (unsigned char *)(((size_t)p + 63) & ~(size_t)63);
}

static void bench_mem(int set, u64 size, u64 batches)
{
	unsigned char *dst = aligned(size), *src = aligned(size);
	u64 reps = PER_BATCH / size ? PER_BATCH / size : 1;
	memset(src, 1, size); /* fault the pages in, untimed */
	memset(dst, 2, size);
	for (int i = 0; i < 3; i++)
		set ? set_fn(dst, i, size) : copy_fn(dst, src, size);
	for (u64 b = 0; b < batches; b++) {
		u64 t0 = now();
		if (set)
			for (u64 i = 0; i < reps; i++)
				set_fn(dst, (int)i, size);
		else
			for (u64 i = 0; i < reps; i++)
				copy_fn(dst, src, size);
		result(set ? "memset" : "memcpy", reps * size, now() - t0);
	}
	if (batches && dst[size - 1] != (set ? (unsigned char)(reps - 1) : 1))
		fail(set ? "memset result" : "memcpy result");
}

/* ---------------------------------------------------------------- main */

int main(int argc, char **argv)
{
	u64 n = 0, b = 1, t = 1;
	const char *m = argc > 1 ? argv[1] : "";
	if (argc < 3 || argc > 5 || !parse(argv[2], &n) || !n ||
	    (argc >= 4 && !parse(argv[3], &b)) || (argc == 5 && !parse(argv[4], &t)))
		goto usage;
	if (!strcmp(m, "malloc") && (t == 1 || t == 2))
		bench_malloc(n, b, t);
	else if (!strcmp(m, "snprintf"))
		bench_snprintf(n, b);
	else if (!strcmp(m, "memcpy"))
		bench_mem(0, n, b);
	else if (!strcmp(m, "memset"))
		bench_mem(1, n, b);
	else
		goto usage;
	return 0;
usage:
	put(2, "usage: libc malloc N [BATCHES [1|2]] | libc snprintf|memcpy|memset N [BATCHES]\n");
	return 2;
}
