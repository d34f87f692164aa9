/* tmpfile, tmpnam (L_tmpnam, TMP_MAX, P_tmpdir), freopen (a new file on the
 * same descriptor number, a NULL path changing the mode, failure), remove
 * (files, directories, errors), rename (and its errors), fgetpos/fsetpos,
 * getdelim/getline (growth from NULL, long lines, embedded NULs, EOF with
 * and without data, EINVAL). Paths carry the pid: x.py runs the native and
 * qemu builds at the same time. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static char paths[4][64];

static const char *path(int i)
{
	snprintf(paths[i], sizeof paths[i], "/tmp/muslin_stdio_more_%d_%d", (int)getpid(), i);
	return paths[i];
}

static void put_file(const char *p, const char *s, size_t n)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, s, n);
	close(fd);
}

static int exists(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0;
}

static void test_tmpfile(void)
{
	FILE *f = tmpfile();
	CHECK("tmpfile open", f != NULL);
	if (!f)
		return;
	CHECK_EQ("tmpfile fputs", fputs("scratch", f), 0);
	rewind(f);
	char b[16] = {0};
	CHECK("tmpfile read back", fgets(b, sizeof b, f) && strcmp(b, "scratch") == 0);
	/* No name: the descriptor's file has no links. */
	struct stat st;
	CHECK("tmpfile unlinked", fstat(fileno(f), &st) == 0 && st.st_nlink == 0);
	CHECK_EQ("tmpfile fclose", fclose(f), 0);
}

static void test_tmpnam(void)
{
	CHECK("L_tmpnam", L_tmpnam >= 20 && TMP_MAX >= 25);
	CHECK("P_tmpdir", strcmp(P_tmpdir, "/tmp") == 0);
	char a[L_tmpnam];
	char *r = tmpnam(a);
	CHECK("tmpnam into buffer", r == a);
	CHECK("tmpnam in P_tmpdir", strncmp(a, P_tmpdir "/", 5) == 0 && strlen(a) < L_tmpnam);
	CHECK("tmpnam names nothing", !exists(a));
	char *s = tmpnam(NULL);
	CHECK("tmpnam static", s != NULL && s != a && strcmp(s, a) != 0);
	char *s2 = tmpnam(NULL);
	CHECK("tmpnam static reused", s2 == s);
	/* The name is usable. */
	FILE *f = fopen(a, "wx");
	CHECK("tmpnam name usable", f != NULL);
	if (f)
		fclose(f);
	remove(a);
}

static void test_freopen(void)
{
	const char *p0 = path(0), *p1 = path(1);
	put_file(p0, "first\n", 6);
	put_file(p1, "second\n", 7);
	FILE *f = fopen(p0, "r");
	int fd = fileno(f);
	char b[16];
	CHECK("freopen before", fgets(b, sizeof b, f) && strcmp(b, "first\n") == 0);
	FILE *g = freopen(p1, "r", f);
	CHECK("freopen same FILE", g == f);
	CHECK_EQ("freopen same fd", fileno(f), fd);
	CHECK("freopen reads new", fgets(b, sizeof b, f) && strcmp(b, "second\n") == 0);
	CHECK_EQ("freopen eof", fgetc(f), EOF);
	/* To writing, truncating. */
	f = freopen(p1, "w", f);
	CHECK("freopen w", f != NULL);
	fputs("new", f);
	fclose(f);
	f = fopen(p1, "r");
	CHECK("freopen w content", fgets(b, sizeof b, f) && strcmp(b, "new") == 0);

	/* NULL path: same descriptor, new mode (append). */
	fclose(f);
	f = fopen(p1, "r+");
	fd = fileno(f);
	f = freopen(NULL, "a", f);
	CHECK("freopen NULL ok", f != NULL);
	if (f) {
		CHECK_EQ("freopen NULL same fd", fileno(f), fd);
		CHECK("freopen NULL O_APPEND", fcntl(fd, F_GETFL) & O_APPEND);
		fputs("+", f);
		fclose(f);
	}
	f = fopen(p1, "r");
	CHECK("freopen NULL appended", fgets(b, sizeof b, f) && strcmp(b, "new+") == 0);
	fclose(f);
	/* NULL path asking for an access the descriptor lacks. */
	f = fopen(p1, "r");
	errno = 0;
	CHECK("freopen NULL needs write", freopen(NULL, "w", f) == NULL && errno == EBADF);
	/* A file that cannot be opened: null, errno, the stream closed. */
	f = fopen(p1, "r");
	errno = 0;
	CHECK("freopen missing", freopen("/nonexistent/x", "r", f) == NULL && errno == ENOENT);
	/* Redirect standard output onto a file. */
	fflush(stdout);
	int saved = dup(1);
	f = freopen(p0, "w", stdout);
	/* (check.h writes to descriptor 1: check after restoring it.) */
	int ofd = fileno(stdout);
	printf("redirected %d", 5);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	CHECK("freopen stdout", f == stdout);
	CHECK_EQ("freopen stdout fd", ofd, 1);
	int rfd = open(p0, O_RDONLY);
	int n = read(rfd, b, sizeof b - 1);
	close(rfd);
	b[n < 0 ? 0 : n] = 0;
	CHECK("freopen stdout content", strcmp(b, "redirected 5") == 0);
	remove(p0);
	remove(p1);
}

static void test_remove_rename(void)
{
	const char *p0 = path(0), *p1 = path(1), *d = path(2);
	put_file(p0, "x", 1);
	CHECK_EQ("rename", rename(p0, p1), 0);
	CHECK("rename moved", !exists(p0) && exists(p1));
	errno = 0;
	CHECK_EQ("rename missing", rename(p0, p1), -1);
	CHECK_EQ("rename missing errno", errno, ENOENT);
	put_file(p0, "y", 1);
	CHECK_EQ("rename replaces", rename(p0, p1), 0);
	CHECK_EQ("remove file", remove(p1), 0);
	CHECK("remove gone", !exists(p1));
	errno = 0;
	CHECK_EQ("remove missing", remove(p1), -1);
	CHECK_EQ("remove missing errno", errno, ENOENT);
	CHECK_EQ("mkdir", mkdir(d, 0755), 0);
	CHECK_EQ("remove dir", remove(d), 0);
	CHECK("remove dir gone", !exists(d));
	mkdir(d, 0755);
	snprintf(paths[3], sizeof paths[3], "%s/f", d);
	put_file(paths[3], "z", 1);
	errno = 0;
	CHECK_EQ("remove full dir", remove(d), -1);
	CHECK_EQ("remove full dir errno", errno, ENOTEMPTY);
	remove(paths[3]);
	put_file(p0, "w", 1);
	errno = 0;
	CHECK_EQ("rename file over dir", rename(p0, d), -1);
	CHECK_EQ("rename over dir errno", errno, EISDIR);
	remove(p0);
	remove(d);
}

static void test_pos(void)
{
	const char *p = path(0);
	put_file(p, "abcdefgh", 8);
	FILE *f = fopen(p, "r");
	fpos_t pos;
	fgetc(f);
	fgetc(f);
	CHECK_EQ("fgetpos", fgetpos(f, &pos), 0);
	CHECK_EQ("fgetpos then getc", fgetc(f), 'c');
	fgetc(f);
	CHECK_EQ("fsetpos", fsetpos(f, &pos), 0);
	CHECK_EQ("fsetpos getc", fgetc(f), 'c');
	/* After ungetc the position counts the pushed-back byte. */
	ungetc('z', f);
	CHECK_EQ("fgetpos after ungetc", fgetpos(f, &pos), 0);
	fclose(f);
	/* On a pipe: ESPIPE. */
	int fds[2];
	pipe(fds);
	f = fdopen(fds[0], "r");
	errno = 0;
	CHECK_EQ("fgetpos pipe", fgetpos(f, &pos), -1);
	CHECK_EQ("fgetpos pipe errno", errno, ESPIPE);
	fclose(f);
	close(fds[1]);
	remove(p);
}

static void test_getdelim(void)
{
	const char *p = path(0);
	static char big[10000];
	memset(big, 'q', sizeof big);
	big[5000] = '\n';
	big[sizeof big - 1] = 'E';
	put_file(p, big, sizeof big);
	FILE *f = fopen(p, "r");
	char *line = NULL;
	size_t cap = 0;
	CHECK_EQ("getline long", getline(&line, &cap, f), 5001);
	CHECK("getline long cap", cap > 5001 && line[5000] == '\n' && line[5001] == 0);
	/* Last line without a newline. */
	CHECK_EQ("getline last", getline(&line, &cap, f), 4999);
	CHECK("getline last text", line[4998] == 'E' && line[4999] == 0);
	CHECK_EQ("getline eof", getline(&line, &cap, f), -1);
	CHECK("getline eof feof", feof(f));
	fclose(f);

	/* Embedded NULs, another delimiter. */
	put_file(p, "a\0b;cd;;", 8);
	f = fopen(p, "r");
	CHECK_EQ("getdelim nul", getdelim(&line, &cap, ';', f), 4);
	CHECK("getdelim nul bytes", memcmp(line, "a\0b;", 5) == 0);
	CHECK_EQ("getdelim 2", getdelim(&line, &cap, ';', f), 3);
	CHECK_EQ("getdelim empty field", getdelim(&line, &cap, ';', f), 1);
	CHECK_EQ("getdelim eof", getdelim(&line, &cap, ';', f), -1);
	/* A small caller buffer from malloc grows. */
	free(line);
	cap = 2;
	line = malloc(cap);
	rewind(f);
	CHECK_EQ("getdelim small buffer", getdelim(&line, &cap, ';', f), 4);
	CHECK("getdelim small buffer grew", cap >= 5);
	errno = 0;
	CHECK_EQ("getline NULL lineptr", getline(NULL, &cap, f), -1);
	CHECK_EQ("getline NULL errno", errno, EINVAL);
	errno = 0;
	CHECK_EQ("getline NULL n", getline(&line, NULL, f), -1);
	CHECK_EQ("getline NULL n errno", errno, EINVAL);
	fclose(f);
	free(line);

	/* Empty file: -1 at once, buffer allocated or not but terminated. */
	put_file(p, "", 0);
	f = fopen(p, "r");
	line = NULL;
	cap = 0;
	CHECK_EQ("getline empty", getline(&line, &cap, f), -1);
	fclose(f);
	free(line);
	remove(p);
}

int main(void)
{
	test_tmpfile();
	test_tmpnam();
	test_freopen();
	test_remove_rename();
	test_pos();
	test_getdelim();
	return check_failed;
}
