/* A program that replaces the whole malloc family (malloc, free, calloc,
 * realloc, aligned_alloc, posix_memalign, memalign, malloc_usable_size) with
 * a bump allocator over a static array, then uses what allocates inside
 * muslin: stdio streams and their buffers (fopen, setvbuf with no buffer,
 * getline), strdup, asprintf, setenv and threads with a keyed destructor.
 * Every chunk muslin hands out or frees must be the program's: free counts
 * its calls and fails the test on any pointer outside the array. */
#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

#define HEAP (4u << 20)

static _Alignas(64) unsigned char heap[HEAP];
static size_t top; /* bytes used, changed atomically */
static unsigned long allocs, frees, foreign;

/* Each chunk is preceded by its size, in a 16-byte header. */
static void *bump(size_t size, size_t align)
{
	if (align < 16)
		align = 16;
	if (size > HEAP)
		return NULL;
	size_t need = (size + 15) & ~(size_t)15;
	size_t old = __atomic_load_n(&top, __ATOMIC_RELAXED), start, end;
	do {
		start = (old + 16 + align - 1) & ~(align - 1);
		end = start + need;
		if (end > HEAP) {
			errno = ENOMEM;
			return NULL;
		}
	} while (!__atomic_compare_exchange_n(&top, &old, end, 1, __ATOMIC_RELAXED,
					      __ATOMIC_RELAXED));
	*(size_t *)(heap + start - 16) = size;
	__atomic_fetch_add(&allocs, 1, __ATOMIC_RELAXED);
	return heap + start;
}

static int ours(void *p)
{
	return (unsigned char *)p >= heap + 16 && (unsigned char *)p < heap + HEAP;
}

void *malloc(size_t size)
{
	return bump(size, 16);
}

void free(void *p)
{
	if (!p)
		return;
	if (!ours(p)) {
		__atomic_fetch_add(&foreign, 1, __ATOMIC_RELAXED);
		return;
	}
	__atomic_fetch_add(&frees, 1, __ATOMIC_RELAXED);
}

void *calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	/* The static array starts zeroed and is never reused. */
	return bump(n * size, 16);
}

size_t malloc_usable_size(void *p)
{
	if (!p)
		return 0;
	if (!ours(p)) {
		__atomic_fetch_add(&foreign, 1, __ATOMIC_RELAXED);
		return 0;
	}
	return *(size_t *)((unsigned char *)p - 16);
}

void *realloc(void *p, size_t size)
{
	void *q = bump(size, 16);
	if (q && p) {
		size_t old = malloc_usable_size(p);
		memcpy(q, p, old < size ? old : size);
		free(p);
	}
	return q;
}

void *aligned_alloc(size_t align, size_t size)
{
	return bump(size, align);
}

void *memalign(size_t align, size_t size)
{
	return bump(size, align);
}

int posix_memalign(void **out, size_t align, size_t size)
{
	void *p = bump(size, align);
	if (!p)
		return ENOMEM;
	*out = p;
	return 0;
}

static pthread_key_t key;
static int destructed;

static void destructor(void *v)
{
	if (v && ours(v))
		__atomic_fetch_add(&destructed, 1, __ATOMIC_RELAXED);
	free(v);
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_setspecific(key, strdup("thread value"));
	char *s = NULL;
	if (asprintf(&s, "worker %d", 7) < 0 || !ours(s))
		return (void *)1;
	free(s);
	return NULL;
}

int main(void)
{
	unsigned long a0 = allocs;

	/* stdio: a stream, a buffer set up by setvbuf, getline's line. */
	char path[64];
	snprintf(path, sizeof path, "/tmp/muslin_interpose_malloc_%d", (int)getpid());
	FILE *f = fopen(path, "w+");
	CHECK("fopen", f != NULL);
	CHECK("fopen_used_bump", allocs > a0);
	if (f) {
		CHECK("stream_is_ours", ours(f));
		CHECK_EQ("setvbuf_null_buffer", setvbuf(f, NULL, _IOFBF, 1024), 0);
		CHECK("fprintf", fprintf(f, "line %d\nsecond\n", 1) == 14);
		rewind(f);
		char buf[32];
		CHECK("fgets", fgets(buf, sizeof buf, f) && strcmp(buf, "line 1\n") == 0);
		char *line = NULL;
		size_t cap = 0;
		CHECK_EQ("getline", getline(&line, &cap, f), 7);
		CHECK("getline_line_ours", ours(line) && strcmp(line, "second\n") == 0);
		free(line);
		CHECK_EQ("fclose", fclose(f), 0);
		unlink(path);
	}

	char *d = strdup("copy me");
	CHECK("strdup_ours", ours(d) && strcmp(d, "copy me") == 0);
	free(d);
	d = strndup("copy me", 4);
	CHECK("strndup_ours", ours(d) && strcmp(d, "copy") == 0);
	free(d);

	char *s = NULL;
	CHECK("asprintf", asprintf(&s, "%s-%d", "x", 42) == 4 && strcmp(s, "x-42") == 0);
	CHECK("asprintf_ours", ours(s));
	free(s);

	void *r = reallocarray(NULL, 10, 10);
	CHECK("reallocarray_ours", ours(r));
	free(r);

	CHECK_EQ("setenv", setenv("MUSLIN_INTERPOSE", "yes", 1), 0);
	CHECK("getenv", getenv("MUSLIN_INTERPOSE") && strcmp(getenv("MUSLIN_INTERPOSE"), "yes") == 0);
	CHECK("setenv_string_ours", ours(getenv("MUSLIN_INTERPOSE") - strlen("MUSLIN_INTERPOSE=")));
	CHECK_EQ("setenv_again", setenv("MUSLIN_INTERPOSE", "no", 1), 0);
	CHECK_EQ("unsetenv", unsetenv("MUSLIN_INTERPOSE"), 0);

	char *cwd = getcwd(NULL, 0);
	CHECK("getcwd_ours", cwd && ours(cwd));
	free(cwd);

	CHECK_EQ("key_create", pthread_key_create(&key, destructor), 0);
	pthread_t t[4];
	int created = 0;
	for (int i = 0; i < 4; i++)
		created += pthread_create(&t[i], NULL, worker, NULL) == 0;
	CHECK_EQ("threads_created", created, 4);
	int good = 0;
	for (int i = 0; i < created; i++) {
		void *ret = (void *)1;
		pthread_join(t[i], &ret);
		good += ret == NULL;
	}
	CHECK_EQ("threads_ok", good, 4);
	CHECK_EQ("key_destructors", destructed, 4);

	CHECK("bump_served", allocs > 0);
	CHECK("frees_seen", frees > 0);
	CHECK_EQ("no_foreign_frees", foreign, 0);
	return check_failed;
}
