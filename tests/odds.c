/* strlcpy, strlcat, putenv, clearenv, getentropy and <err.h>'s message
 * format (read back through a pipe standing in for stderr). */
#include "check.h"
#include <err.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

static const char *prog;

/* Runs f with stderr on a pipe; returns what it wrote. */
static char *captured(void (*f)(void))
{
	static char buf[512];
	int p[2], saved = dup(2);
	pipe(p);
	dup2(p[1], 2);
	f();
	dup2(saved, 2);
	close(saved);
	close(p[1]);
	ssize_t n = read(p[0], buf, sizeof buf - 1);
	close(p[0]);
	buf[n < 0 ? 0 : n] = 0;
	return buf;
}

static void do_warn(void)
{
	errno = ENOENT;
	warn("open %s", "x.txt");
}
static void do_warnx(void)
{
	errno = ENOENT;
	warnx("bad %d", 42);
}
static void do_warn_null(void)
{
	errno = EACCES;
	warn(NULL);
}

static void expect(const char *name, const char *got, const char *rest)
{
	char want[512];
	strcpy(want, prog);
	strcat(want, rest);
	check(name, strcmp(got, want) == 0, got);
}

int main(int argc, char **argv)
{
	(void)argc;
	prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	char b[8];
	CHECK_EQ("strlcpy fits", strlcpy(b, "abc", sizeof b), 3);
	CHECK("strlcpy fits text", strcmp(b, "abc") == 0);
	CHECK_EQ("strlcpy cut", strlcpy(b, "abcdefghij", sizeof b), 10);
	CHECK("strlcpy cut text", strcmp(b, "abcdefg") == 0);
	b[0] = 'z';
	CHECK_EQ("strlcpy size 0", strlcpy(b, "abc", 0), 3);
	CHECK("strlcpy size 0 untouched", b[0] == 'z');
	strcpy(b, "ab");
	CHECK_EQ("strlcat fits", strlcat(b, "cd", sizeof b), 4);
	CHECK("strlcat fits text", strcmp(b, "abcd") == 0);
	CHECK_EQ("strlcat cut", strlcat(b, "efghij", sizeof b), 10);
	CHECK("strlcat cut text", strcmp(b, "abcdefg") == 0);
	CHECK_EQ("strlcat no NUL in size", strlcat(b, "xyz", 3), 6);

	static char e1[] = "MUSLIN_PUT=one";
	CHECK_EQ("putenv", putenv(e1), 0);
	CHECK("putenv getenv", getenv("MUSLIN_PUT") && strcmp(getenv("MUSLIN_PUT"), "one") == 0);
	e1[11] = 'X';
	CHECK("putenv string is the entry", strcmp(getenv("MUSLIN_PUT"), "Xne") == 0);
	static char e2[] = "MUSLIN_PUT=two";
	putenv(e2);
	CHECK("putenv replaces", strcmp(getenv("MUSLIN_PUT"), "two") == 0);
	static char e3[] = "MUSLIN_PUT";
	putenv(e3);
	CHECK("putenv NAME unsets", getenv("MUSLIN_PUT") == NULL);
	setenv("MUSLIN_SET", "v", 1);
	CHECK_EQ("clearenv", clearenv(), 0);
	CHECK("clearenv empties", environ == NULL && getenv("PATH") == NULL &&
					  getenv("MUSLIN_SET") == NULL);
	CHECK_EQ("setenv after clearenv", setenv("A", "1", 1), 0);
	CHECK("getenv after clearenv", getenv("A") && strcmp(getenv("A"), "1") == 0);

	unsigned char r1[256], r2[256];
	memset(r1, 0, sizeof r1);
	memset(r2, 0, sizeof r2);
	CHECK_EQ("getentropy 256", getentropy(r1, 256), 0);
	getentropy(r2, 256);
	CHECK("getentropy differs", memcmp(r1, r2, 256) != 0);
	errno = 0;
	CHECK_EQ("getentropy 257", getentropy(r1, 257), -1);
	CHECK_EQ("getentropy 257 EIO", errno, EIO);

	expect("warn", captured(do_warn), ": open x.txt: No such file or directory\n");
	expect("warnx", captured(do_warnx), ": bad 42\n");
	expect("warn NULL", captured(do_warn_null), ": Permission denied\n");
	captured(do_warn);
	CHECK_EQ("warn keeps errno", errno, ENOENT);
	return check_failed;
}
