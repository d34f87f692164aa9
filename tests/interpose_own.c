/* A program's own definitions win: this program defines reallocarray and
 * getline itself, with behaviour muslin's versions do not have (a call
 * counter and a marker result), links against libmuslin.a, which exports
 * both weak, and checks that its own are the ones its calls reach. muslin's
 * getdelim, which getline is built on in muslin, must still be muslin's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static int reallocarray_calls, getline_calls;

/* Not an allocator at all: a marker pointer, so a call that reached
 * muslin's instead would show. */
static char marker[16];

void *reallocarray(void *p, size_t n, size_t size)
{
	(void)p;
	reallocarray_calls++;
	return n == 3 && size == 5 ? marker : NULL;
}

ssize_t getline(char **restrict line, size_t *restrict cap, FILE *restrict f)
{
	(void)line;
	(void)cap;
	(void)f;
	getline_calls++;
	return -42;
}

int main(void)
{
	/* volatile: the calls must happen here, not be folded by the compiler. */
	void *volatile q = reallocarray(NULL, 3, 5);
	CHECK("own_reallocarray_result", q == marker);
	CHECK_EQ("own_reallocarray_calls", reallocarray_calls, 1);

	char *line = NULL;
	size_t cap = 0;
	CHECK_EQ("own_getline_result", getline(&line, &cap, stdin), -42);
	CHECK_EQ("own_getline_calls", getline_calls, 1);
	CHECK("own_getline_left_line", line == NULL && cap == 0);

	/* Through a function pointer too: the symbol itself is the program's. */
	ssize_t (*volatile g)(char **, size_t *, FILE *) = getline;
	CHECK_EQ("own_getline_by_pointer", g(&line, &cap, stdin), -42);
	CHECK_EQ("own_getline_calls_2", getline_calls, 2);

	/* muslin's neighbours are still muslin's: getdelim reads a real line. */
	char path[64];
	snprintf(path, sizeof path, "/tmp/muslin_interpose_own_%d", (int)getpid());
	FILE *f = fopen(path, "w+");
	CHECK("own_fopen", f != NULL);
	if (f) {
		fputs("hello\nworld\n", f);
		rewind(f);
		ssize_t n = getdelim(&line, &cap, '\n', f);
		CHECK_EQ("muslin_getdelim_len", n, 6);
		CHECK("muslin_getdelim_text", line && strcmp(line, "hello\n") == 0);
		fclose(f);
		unlink(path);
	}
	free(line);
	CHECK_EQ("own_getline_not_called_by_getdelim", getline_calls, 2);
	return check_failed;
}
