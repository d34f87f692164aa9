/* Shared by the C tests: one line per case, `ok NAME` or `FAIL NAME: why`,
 * and an exit status saying whether any case failed. Uses only write(2). */
#ifndef MUSLIN_TEST_CHECK_H
#define MUSLIN_TEST_CHECK_H

#include <string.h>
#include <unistd.h>

static int check_failed;

static void put(const char *s)
{
	write(1, s, strlen(s));
}

static void put_num(long long v)
{
	char buf[24], *p = buf + sizeof buf;
	unsigned long long u = v < 0 ? -(unsigned long long)v : (unsigned long long)v;
	*--p = 0;
	do
		*--p = '0' + u % 10;
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	put(p);
}

static void check(const char *name, int ok, const char *why)
{
	put(ok ? "ok " : "FAIL ");
	put(name);
	if (!ok) {
		check_failed = 1;
		put(": ");
		put(why);
	}
	put("\n");
}

/* CHECK("name", condition): the condition's text is the failure reason. */
#define CHECK(name, cond) check(name, (cond), #cond)
/* CHECK_EQ("name", got, want): prints both numbers on failure. */
#define CHECK_EQ(name, got, want)                                              \
	do {                                                                   \
		long long g_ = (long long)(got), w_ = (long long)(want);       \
		check(name, g_ == w_, #got " != " #want);                      \
		if (g_ != w_) {                                                \
			put("  got ");                                         \
			put_num(g_);                                           \
			put(", want ");                                        \
			put_num(w_);                                           \
			put("\n");                                             \
		}                                                              \
	} while (0)

#endif
