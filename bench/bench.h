/* What both benchmark programs share: numbers printed with write(2) (no
 * stdio, so every libc runs the same code), argument parsing, the clock.
 * Define BENCH_NAME (the program's name, for error messages) first. */
#ifndef MUSLIN_BENCH_H
#define MUSLIN_BENCH_H

#include <string.h>
#include <time.h>
#include <unistd.h>

typedef unsigned long long u64;

static void put(int fd, const char *s)
{
	size_t n = strlen(s);
	while (n) {
		ssize_t w = write(fd, s, n);
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

static char *fmt_u64(char *end, u64 v)
{
	*--end = 0;
	do
		*--end = (char)('0' + v % 10);
	while (v /= 10);
	return end;
}

static void result(const char *what, u64 count, u64 ns)
{
	char a[24], b[24];
	put(1, what);
	put(1, " ");
	put(1, fmt_u64(a + sizeof a, count));
	put(1, " ");
	put(1, fmt_u64(b + sizeof b, ns));
	put(1, "\n");
}

static void fail(const char *what)
{
	put(2, BENCH_NAME ": ");
	put(2, what);
	put(2, " failed\n");
	_exit(1);
}

static int parse(const char *s, u64 *out)
{
	u64 v = 0;
	if (!s || !*s)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (u64)(*s - '0');
	}
	*out = v;
	return 1;
}

static u64 now(void)
{
	struct timespec ts;
	if (clock_gettime(CLOCK_MONOTONIC, &ts))
		fail("clock_gettime");
	return (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec;
}

#endif
