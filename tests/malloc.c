/* malloc and friends: content-checked allocation patterns, realloc, calloc,
 * large and aligned chunks, errors, strdup/strndup, setenv/unsetenv,
 * getcwd(NULL, 0), and two threads allocating and freeing concurrently. */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static uint32_t rng = 12345;

static uint32_t next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void fill(unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed * 31 + i * 7 + (i >> 8));
}

static int verify(const unsigned char *p, size_t n, unsigned seed)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] != (unsigned char)(seed * 31 + i * 7 + (i >> 8)))
			return 0;
	return 1;
}

#define NBLOCKS 2000

static void test_patterns(void)
{
	static unsigned char *blocks[NBLOCKS];
	static size_t sizes[NBLOCKS];
	static int order[NBLOCKS];
	int ok = 1, aligned = 1, usable = 1;

	for (int i = 0; i < NBLOCKS; i++) {
		/* Mostly small, some medium, a few large. */
		uint32_t r = next(&rng);
		size_t n = r % 10 == 0 ? r % 20000 : r % 10 == 1 ? 130000 + r % 70000 : r % 1100;
		sizes[i] = n;
		blocks[i] = malloc(n);
		if (!blocks[i]) {
			ok = 0;
			continue;
		}
		aligned &= ((uintptr_t)blocks[i] & 15) == 0;
		usable &= malloc_usable_size(blocks[i]) >= n;
		fill(blocks[i], n, i);
		order[i] = i;
	}
	CHECK("malloc 2000 blocks", ok);
	CHECK("every chunk 16-aligned", aligned);
	CHECK("malloc_usable_size >= request", usable);
	for (int i = NBLOCKS - 1; i > 0; i--) {
		int j = next(&rng) % (i + 1), t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	/* Free half in shuffled order, reallocate, then free everything. */
	for (int k = 0; k < NBLOCKS / 2; k++) {
		int i = order[k];
		ok &= verify(blocks[i], sizes[i], i);
		free(blocks[i]);
		sizes[i] = next(&rng) % 3000;
		blocks[i] = malloc(sizes[i]);
		fill(blocks[i], sizes[i], i + 7);
	}
	for (int k = 0; k < NBLOCKS; k++) {
		int i = order[k];
		ok &= verify(blocks[i], sizes[i], k < NBLOCKS / 2 ? i + 7 : i);
		free(blocks[i]);
	}
	CHECK("patterns intact through shuffled frees", ok);
	free(NULL);
	CHECK("free(NULL)", 1);
	void *z = malloc(0), *z2 = malloc(0);
	CHECK("malloc(0) gives distinct chunks", z && z2 && z != z2);
	free(z);
	free(z2);
}

static void test_realloc(void)
{
	unsigned char *p = NULL;
	size_t n = 0;
	int ok = 1;

	/* Grow 1 byte at a time through the classes, then in big steps through
	 * the heap and direct mappings. */
	for (size_t want = 1; want < 4 << 20; want = want < 2048 ? want + 1 : want * 3 / 2) {
		p = realloc(p, want);
		if (!p) {
			ok = 0;
			break;
		}
		ok &= verify(p, n, 3);
		fill(p, want, 3);
		n = want;
	}
	CHECK("realloc growth keeps contents", ok);
	while (p && n > 1) {
		n = n / 3;
		p = realloc(p, n);
		ok &= p && verify(p, n, 3);
	}
	CHECK("realloc shrink keeps contents", ok && p);
	p = realloc(p, 0);
	CHECK("realloc(p, 0) gives a minimal chunk", p != NULL);
	free(p);
	p = realloc(NULL, 100);
	CHECK("realloc(NULL, n) allocates", p && malloc_usable_size(p) >= 100);
	errno = 0;
	CHECK("realloc SIZE_MAX fails with ENOMEM",
	      realloc(p, SIZE_MAX) == NULL && errno == ENOMEM);
	p = reallocarray(p, 10, 20);
	CHECK("reallocarray", p && malloc_usable_size(p) >= 200);
	errno = 0;
	CHECK("reallocarray overflow ENOMEM",
	      reallocarray(p, SIZE_MAX / 2, 3) == NULL && errno == ENOMEM);
	free(p);
}

static void test_calloc(void)
{
	int ok = 1;
	/* Dirty some memory first so that recycled chunks are not zero. */
	for (int i = 0; i < 100; i++) {
		size_t n = (size_t)i * 37 % 5000;
		unsigned char *p = malloc(n);
		memset(p, 0xa5, n);
		free(p);
	}
	for (int i = 0; i < 100; i++) {
		size_t n = (size_t)i * 37 % 5000 + (i == 99 ? 300000 : 0);
		unsigned char *p = calloc(1, n);
		ok &= p != NULL;
		for (size_t j = 0; p && j < n; j++)
			ok &= p[j] == 0;
		free(p);
	}
	CHECK("calloc zeroes", ok);
	errno = 0;
	CHECK("calloc overflow ENOMEM", calloc(SIZE_MAX / 2, 3) == NULL && errno == ENOMEM);
	errno = 0;
	CHECK("malloc SIZE_MAX/2 ENOMEM", malloc(SIZE_MAX / 2) == NULL && errno == ENOMEM);
	errno = 0;
	CHECK("malloc SIZE_MAX ENOMEM", malloc(SIZE_MAX) == NULL && errno == ENOMEM);
}

static void test_large(void)
{
	int ok = 1;
	unsigned char *big[8];
	for (int i = 0; i < 8; i++) {
		size_t n = (128 << 10) + i * 100000;
		big[i] = malloc(n);
		ok &= big[i] && malloc_usable_size(big[i]) >= n;
		if (big[i])
			fill(big[i], n, i);
	}
	for (int i = 0; i < 8; i++) {
		ok &= verify(big[i], (128 << 10) + i * 100000, i);
		free(big[i]);
	}
	CHECK("large blocks (>= 128 KiB)", ok);
}

static void test_aligned(void)
{
	int ok = 1;
	for (size_t a = 16; a <= 4096; a *= 2) {
		for (size_t n = 1; n < 300000; n = n * 7 + 3) {
			void *p = aligned_alloc(a, n), *q = NULL, *r = memalign(a, n);
			int rc = posix_memalign(&q, a, n);
			ok &= p && ((uintptr_t)p & (a - 1)) == 0 && malloc_usable_size(p) >= n;
			ok &= rc == 0 && q && ((uintptr_t)q & (a - 1)) == 0;
			ok &= r && ((uintptr_t)r & (a - 1)) == 0;
			if (p)
				memset(p, 1, n);
			if (q)
				memset(q, 2, n);
			free(p);
			free(q);
			free(r);
		}
	}
	CHECK("aligned_alloc/posix_memalign/memalign 16..4096", ok);
	void *p = aligned_alloc(1 << 16, 1000);
	CHECK("aligned_alloc 64 KiB", p && ((uintptr_t)p & 0xffff) == 0);
	free(p);
	void *q = (void *)1;
	CHECK_EQ("posix_memalign 3 EINVAL", posix_memalign(&q, 3, 10), EINVAL);
	CHECK_EQ("posix_memalign 24 EINVAL", posix_memalign(&q, 24, 10), EINVAL);
	CHECK("posix_memalign EINVAL leaves *out", q == (void *)1);
	CHECK_EQ("posix_memalign ENOMEM", posix_memalign(&q, 64, SIZE_MAX / 2), ENOMEM);
	errno = 0;
	CHECK("aligned_alloc 3 EINVAL", aligned_alloc(3, 10) == NULL && errno == EINVAL);
}

static void test_strings(void)
{
	char *s = strdup("hello, malloc");
	CHECK("strdup", s && strcmp(s, "hello, malloc") == 0);
	free(s);
	s = strndup("hello, malloc", 5);
	CHECK("strndup truncates", s && strcmp(s, "hello") == 0);
	free(s);
	s = strndup("hi", 100);
	CHECK("strndup short", s && strcmp(s, "hi") == 0);
	free(s);
	s = strdup("");
	CHECK("strdup empty", s && s[0] == 0);
	free(s);
}

static void test_env(void)
{
	CHECK_EQ("setenv", setenv("MUSLIN_A", "one", 1), 0);
	CHECK("getenv after setenv", getenv("MUSLIN_A") && strcmp(getenv("MUSLIN_A"), "one") == 0);
	CHECK_EQ("setenv no overwrite", setenv("MUSLIN_A", "two", 0), 0);
	CHECK("value kept", strcmp(getenv("MUSLIN_A"), "one") == 0);
	CHECK_EQ("setenv overwrite", setenv("MUSLIN_A", "three", 1), 0);
	CHECK("value replaced", strcmp(getenv("MUSLIN_A"), "three") == 0);
	CHECK("PATH kept", getenv("PATH") != NULL);
	int ok = 1;
	for (int i = 0; i < 200; i++) {
		char name[16] = "MUSLIN_V", val[8] = "v";
		name[8] = 'a' + i % 26;
		name[9] = 'a' + i / 26;
		name[10] = 0;
		val[1] = '0' + i % 10;
		val[2] = 0;
		ok &= setenv(name, val, 1) == 0;
	}
	for (int i = 0; i < 200; i++) {
		char name[16] = "MUSLIN_V";
		name[8] = 'a' + i % 26;
		name[9] = 'a' + i / 26;
		name[10] = 0;
		const char *v = getenv(name);
		ok &= v && v[0] == 'v' && v[1] == '0' + i % 10 && v[2] == 0;
		ok &= unsetenv(name) == 0 && getenv(name) == NULL;
	}
	CHECK("200 variables set, read, unset", ok);
	CHECK("first still there", strcmp(getenv("MUSLIN_A"), "three") == 0);
	CHECK_EQ("unsetenv", unsetenv("MUSLIN_A"), 0);
	CHECK("gone", getenv("MUSLIN_A") == NULL);
	CHECK_EQ("unsetenv missing", unsetenv("MUSLIN_A"), 0);
	errno = 0;
	CHECK("setenv empty name EINVAL", setenv("", "x", 1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("setenv name with = EINVAL", setenv("A=B", "x", 1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("unsetenv name with = EINVAL", unsetenv("A=B") == -1 && errno == EINVAL);
	CHECK_EQ("setenv empty value", setenv("MUSLIN_E", "", 1), 0);
	CHECK("empty value read", getenv("MUSLIN_E") && getenv("MUSLIN_E")[0] == 0);
}

static void test_getcwd(void)
{
	char buf[4096];
	char *a = getcwd(buf, sizeof buf);
	char *b = getcwd(NULL, 0);
	CHECK("getcwd(NULL, 0) allocates", a && b && strcmp(a, b) == 0);
	CHECK("getcwd(NULL, 0) sized to fit", b && malloc_usable_size(b) < 4096);
	free(b);
	b = getcwd(NULL, 1);
	CHECK("getcwd(NULL, 1) ERANGE", b == NULL && errno == ERANGE);
}

#define ROUNDS 100000
#define SLOTS 64

static void *worker(void *arg)
{
	uint32_t s = (uint32_t)(uintptr_t)arg;
	unsigned char *slot[SLOTS] = {0};
	size_t len[SLOTS] = {0};
	unsigned seed[SLOTS] = {0};
	uintptr_t bad = 0;

	for (int r = 0; r < ROUNDS; r++) {
		int i = next(&s) % SLOTS;
		if (slot[i]) {
			bad += !verify(slot[i], len[i], seed[i]);
			free(slot[i]);
		}
		uint32_t x = next(&s);
		len[i] = x % 64 == 0 ? x % 20000 : x % 600;
		seed[i] = x;
		slot[i] = malloc(len[i]);
		if (!slot[i]) {
			bad++;
			continue;
		}
		fill(slot[i], len[i], seed[i]);
	}
	for (int i = 0; i < SLOTS; i++) {
		if (slot[i])
			bad += !verify(slot[i], len[i], seed[i]);
		free(slot[i]);
	}
	return (void *)bad;
}

static void test_threads(void)
{
	pthread_t t;
	void *r1 = (void *)1, *r2;
	int rc = pthread_create(&t, NULL, worker, (void *)(uintptr_t)777);
	CHECK_EQ("pthread_create", rc, 0);
	r2 = worker((void *)(uintptr_t)4242);
	if (rc == 0)
		pthread_join(t, &r1);
	CHECK_EQ("thread 1 100k mallocs and frees intact", (uintptr_t)r1, 0);
	CHECK_EQ("thread 2 100k mallocs and frees intact", (uintptr_t)r2, 0);
}

int main(void)
{
	test_patterns();
	test_realloc();
	test_calloc();
	test_large();
	test_aligned();
	test_strings();
	test_env();
	test_getcwd();
	test_threads();
	return check_failed;
}
