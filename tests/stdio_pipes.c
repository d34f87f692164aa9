/* Reading lines from pipes through stdio: a pipe filled and closed before
 * reading (fgets, getline, fgetc, fread to EOF), a writer thread that
 * writes lines slowly in pieces that split lines (so the reader sees short
 * reads), more than a pipe's capacity written while the reader reads, and
 * two threads writing lines to one stream at once (each fputs stays whole). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

/* Line k of the generated text (without its newline) into buf. */
static int make_line(char *buf, size_t cap, int k)
{
	int n = snprintf(buf, cap, "line %d:", k);
	for (int j = 0; j < k % 37; j++)
		buf[n++] = 'a' + (k + j) % 26;
	buf[n] = 0;
	return n;
}

/* A pipe holding `lines` generated lines (the last without a newline),
 * its write end closed; returns the read end as a stream. */
static FILE *filled_pipe(int lines, size_t *bytes)
{
	int fds[2];
	char buf[128];
	pipe(fds);
	*bytes = 0;
	for (int k = 0; k < lines; k++) {
		int n = make_line(buf, sizeof buf, k);
		if (k + 1 < lines)
			buf[n++] = '\n';
		write(fds[1], buf, n);
		*bytes += n;
	}
	close(fds[1]);
	return fdopen(fds[0], "r");
}

enum { LINES = 800 };

static void test_filled(void)
{
	char want[128], buf[128];
	size_t bytes;
	FILE *f = filled_pipe(LINES, &bytes);
	CHECK("filled pipe under 64 KiB", f != NULL && bytes < 65536 && bytes > 3 * 4096);
	int k = 0, bad = 0;
	while (fgets(buf, sizeof buf, f)) {
		int n = make_line(want, sizeof want, k);
		if (k + 1 < LINES)
			want[n++] = '\n', want[n] = 0;
		bad += strcmp(buf, want) != 0;
		k++;
	}
	CHECK_EQ("fgets all lines", k, LINES);
	CHECK_EQ("fgets line content", bad, 0);
	CHECK("fgets pipe EOF", feof(f) && !ferror(f));
	fclose(f);

	f = filled_pipe(LINES, &bytes);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	k = bad = 0;
	size_t total = 0;
	while ((n = getline(&line, &cap, f)) > 0) {
		int m = make_line(want, sizeof want, k);
		int nl = k + 1 < LINES;
		bad += n != m + nl || memcmp(line, want, m) != 0 || (nl && line[m] != '\n');
		total += n;
		k++;
	}
	CHECK("getline all lines", k == LINES && bad == 0 && total == bytes);
	CHECK("getline pipe EOF", n == -1 && feof(f));
	free(line);
	fclose(f);

	f = filled_pipe(LINES, &bytes);
	size_t count = 0;
	int c, newlines = 0;
	while ((c = fgetc(f)) != EOF) {
		count++;
		newlines += c == '\n';
	}
	CHECK("fgetc all bytes", count == bytes && newlines == LINES - 1);
	fclose(f);

	f = filled_pipe(LINES, &bytes);
	static char all[65536];
	CHECK_EQ("fread to EOF", fread(all, 1, sizeof all, f), bytes);
	CHECK("fread pipe feof", feof(f));
	CHECK("fread starts with line 0", memcmp(all, "line 0:\nline 1:b\n", 17) == 0);
	fclose(f);
}

/* The slow writer: these pieces, with a pause before each. */
static const char *const pieces[] = {
	"hel", "lo\nwor", "ld\n", "a line in ", "three ", "pieces\n",
	"\n", "x", "y", "z\nlong:", NULL,
};
static int slow_fd;

static void *slow_writer(void *arg)
{
	(void)arg;
	for (int i = 0; pieces[i]; i++) {
		usleep(2000);
		write(slow_fd, pieces[i], strlen(pieces[i]));
	}
	/* A long line in many short writes, then a last line without one. */
	char chunk[100];
	memset(chunk, 'L', sizeof chunk);
	for (int i = 0; i < 60; i++) {
		if (i % 10 == 0)
			usleep(1000);
		write(slow_fd, chunk, sizeof chunk);
	}
	write(slow_fd, "\nend", 4);
	close(slow_fd);
	return (void *)7;
}

static void test_slow_writer(void)
{
	int fds[2];
	pipe(fds);
	slow_fd = fds[1];
	FILE *f = fdopen(fds[0], "r");
	pthread_t t;
	CHECK_EQ("writer thread", pthread_create(&t, NULL, slow_writer, NULL), 0);
	char buf[64];
	CHECK("short reads line 1", fgets(buf, sizeof buf, f) && strcmp(buf, "hello\n") == 0);
	CHECK("short reads line 2", fgets(buf, sizeof buf, f) && strcmp(buf, "world\n") == 0);
	char *line = NULL;
	size_t cap = 0;
	CHECK("short reads getline", getline(&line, &cap, f) == 23
	      && strcmp(line, "a line in three pieces\n") == 0);
	CHECK_EQ("short reads empty line", fgetc(f), '\n');
	CHECK("short reads fgetc", fgetc(f) == 'x' && fgetc(f) == 'y' && fgetc(f) == 'z');
	CHECK_EQ("short reads newline", fgetc(f), '\n');
	ssize_t n = getline(&line, &cap, f);
	int good = n == 6006 && memcmp(line, "long:", 5) == 0 && line[6005] == '\n';
	for (int i = 5; good && i < 6005; i++)
		good = line[i] == 'L';
	CHECK("short reads long line", good);
	CHECK("short reads last line", getline(&line, &cap, f) == 3 && strcmp(line, "end") == 0);
	CHECK("short reads EOF", getline(&line, &cap, f) == -1 && feof(f) && !ferror(f));
	free(line);
	void *res = NULL;
	CHECK("writer joined", pthread_join(t, &res) == 0 && res == (void *)7);
	fclose(f);
}

/* More than a pipe holds, so writer and reader run at the same time. */
enum { BIG_LINES = 20000 };

static void *stdio_writer(void *arg)
{
	FILE *w = arg;
	char buf[128];
	for (int k = 0; k < BIG_LINES; k++) {
		make_line(buf, sizeof buf, k);
		if (fprintf(w, "%s\n", buf) < 0)
			return (void *)1;
	}
	return (void *)(long)(fclose(w) != 0);
}

static void test_big(void)
{
	int fds[2];
	pipe(fds);
	FILE *r = fdopen(fds[0], "r"), *w = fdopen(fds[1], "w");
	pthread_t t;
	pthread_create(&t, NULL, stdio_writer, w);
	char want[128], *line = NULL;
	size_t cap = 0, total = 0;
	ssize_t n;
	int k = 0, bad = 0;
	while ((n = getline(&line, &cap, r)) > 0) {
		int m = make_line(want, sizeof want, k);
		bad += n != m + 1 || memcmp(line, want, m) != 0 || line[m] != '\n';
		total += n;
		k++;
	}
	void *res = (void *)1;
	pthread_join(t, &res);
	CHECK("big pipe writer", res == NULL);
	CHECK_EQ("big pipe lines", k, BIG_LINES);
	CHECK_EQ("big pipe content", bad, 0);
	CHECK("big pipe beyond 64 KiB", total > 4 * 65536);
	free(line);
	fclose(r);
}

/* Two threads fputs whole lines into one buffered stream. */
enum { SHARED_LINES = 3000 };
#define SHARED_FMT "T%d %05d ................................\n"
static FILE *shared;

static void *shared_writer(void *arg)
{
	long id = (long)arg;
	char buf[64];
	for (int k = 0; k < SHARED_LINES; k++) {
		snprintf(buf, sizeof buf, SHARED_FMT, (int)id, k);
		if (fputs(buf, shared) == EOF)
			return (void *)1;
	}
	return (void *)(long)(fflush(shared) != 0);
}

static void test_shared_stream(void)
{
	int fds[2];
	pipe(fds);
	FILE *r = fdopen(fds[0], "r");
	shared = fdopen(fds[1], "w");
	pthread_t a, b;
	pthread_create(&a, NULL, shared_writer, (void *)1L);
	pthread_create(&b, NULL, shared_writer, (void *)2L);
	int next[3] = {0, 0, 0}, bad = 0, lines = 0;
	char buf[128], want[128];
	/* Read while they write (more than the pipe holds); each writer
	 * flushes at its end, so every line arrives before EOF. */
	while (lines + bad < 2 * SHARED_LINES && fgets(buf, sizeof buf, r)) {
		int id = 0, k = -1;
		if (sscanf(buf, "T%d %d", &id, &k) != 2 || (id != 1 && id != 2) || k != next[id]
		    || (snprintf(want, sizeof want, SHARED_FMT, id, k), strcmp(buf, want) != 0)) {
			bad++;
		} else {
			next[id]++;
			lines++;
		}
	}
	void *ra = (void *)1, *rb = (void *)1;
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	CHECK("shared stream writers", ra == NULL && rb == NULL);
	CHECK_EQ("shared stream fclose", fclose(shared), 0);
	CHECK("shared stream then EOF", fgetc(r) == EOF);
	CHECK_EQ("shared stream lines", lines, 2 * SHARED_LINES);
	CHECK_EQ("shared stream lines whole and in order", bad, 0);
	CHECK("shared stream EOF", feof(r));
	fclose(r);
}

int main(void)
{
	test_filled();
	test_slow_writer();
	test_big();
	test_shared_stream();
	return check_failed;
}
