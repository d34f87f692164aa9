/* fopen modes and their semantics (r w a r+ w+ a+, with b, e and x), the
 * errors ENOENT, EISDIR, EACCES and EEXIST, fdopen (pipes, O_APPEND, bad
 * descriptors), fileno, fclose errors, write errors, perror's exact output
 * and strerror. Every file is checked through a second descriptor
 * (open+read or stat), not through the stream that wrote it. Paths carry the
 * pid: x.py runs the native and qemu builds at the same time. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static char paths[8][64];

/* A per-process path for slot i. */
static const char *path(int i)
{
	snprintf(paths[i], sizeof paths[i], "/tmp/muslin_stdio_files_%d_%d", (int)getpid(), i);
	return paths[i];
}

/* Replaces the file's content with s, without stdio. */
static void put_file(const char *p, const char *s)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, s, strlen(s));
	close(fd);
}

/* The file's content (NUL-terminated, at most 255 bytes), without stdio;
 * "<missing>" when it cannot be opened. */
static const char *file_text(const char *p)
{
	static char buf[256];
	int fd = open(p, O_RDONLY);
	if (fd < 0)
		return "<missing>";
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	buf[n < 0 ? 0 : n] = 0;
	return buf;
}

static long long file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (long long)st.st_size : -1;
}

static int cloexec(FILE *f)
{
	return (fcntl(fileno(f), F_GETFD) & FD_CLOEXEC) != 0;
}

static void test_write_modes(void)
{
	const char *p = path(0);
	char buf[64];
	unlink(p);

	FILE *f = fopen(p, "w");
	CHECK("w creates", f != NULL && file_size(p) == 0);
	CHECK("w fputs", fputs("hello world\n", f) >= 0);
	CHECK_EQ("w fclose", fclose(f), 0);
	CHECK("w content", strcmp(file_text(p), "hello world\n") == 0);

	f = fopen(p, "w");
	CHECK_EQ("w truncates at open", file_size(p), 0);
	fputs("new", f);
	fclose(f);
	CHECK("w truncated content", strcmp(file_text(p), "new") == 0);

	f = fopen(p, "w");
	errno = 0;
	CHECK("w not readable", fgetc(f) == EOF && ferror(f) && errno == EBADF);
	fclose(f);

	put_file(p, "one\n");
	f = fopen(p, "a");
	CHECK("a opens", f != NULL);
	fputs("two\n", f);
	CHECK_EQ("a ftell after write", ftell(f), 8);
	CHECK_EQ("a fseek start", fseek(f, 0, SEEK_SET), 0);
	fputs("three\n", f);
	CHECK_EQ("a fclose", fclose(f), 0);
	CHECK("a appends after fseek", strcmp(file_text(p), "one\ntwo\nthree\n") == 0);
	f = fopen(p, "a");
	CHECK("a not readable", fgetc(f) == EOF && ferror(f));
	fclose(f);
	unlink(p);
	f = fopen(p, "a");
	fputs("x", f);
	fclose(f);
	CHECK("a creates", strcmp(file_text(p), "x") == 0);

	put_file(p, "stale stale stale\n");
	f = fopen(p, "w+");
	CHECK_EQ("w+ truncates", file_size(p), 0);
	fputs("abc\ndef\n", f);
	rewind(f);
	CHECK("w+ reads back after rewind", fgets(buf, sizeof buf, f) && strcmp(buf, "abc\n") == 0);
	CHECK_EQ("w+ fseek", fseek(f, 1, SEEK_SET), 0);
	fputc('X', f);
	fseek(f, 0, SEEK_CUR);
	CHECK("w+ read after write", fgets(buf, sizeof buf, f) && strcmp(buf, "c\n") == 0);
	fseek(f, 0, SEEK_SET);
	size_t n = fread(buf, 1, sizeof buf, f);
	CHECK("w+ whole", n == 8 && memcmp(buf, "aXc\ndef\n", 8) == 0 && feof(f));
	fclose(f);
	CHECK("w+ content", strcmp(file_text(p), "aXc\ndef\n") == 0);
	unlink(p);
}

static void test_read_modes(void)
{
	const char *p = path(1);
	char buf[64];

	put_file(p, "0123456789");
	FILE *f = fopen(p, "r");
	CHECK("r reads", f && fgets(buf, sizeof buf, f) && strcmp(buf, "0123456789") == 0);
	errno = 0;
	CHECK("r not writable", fputs("zz", f) == EOF && ferror(f) && errno == EBADF);
	fclose(f);
	CHECK("r left file alone", strcmp(file_text(p), "0123456789") == 0);

	f = fopen(p, "r+");
	CHECK_EQ("r+ no truncation", file_size(p), 10);
	fputs("ab", f);
	fclose(f);
	CHECK("r+ overwrites in place", strcmp(file_text(p), "ab23456789") == 0);

	f = fopen(p, "r+");
	int c0 = fgetc(f), c1 = fgetc(f), c2 = fgetc(f);
	CHECK("r+ reads", c0 == 'a' && c1 == 'b' && c2 == '2');
	fseek(f, 0, SEEK_CUR);
	fputs("X", f);
	fseek(f, 0, SEEK_CUR);
	CHECK_EQ("r+ read after write", fgetc(f), '4');
	CHECK_EQ("r+ ftell", ftell(f), 5);
	fclose(f);
	CHECK("r+ write at read position", strcmp(file_text(p), "ab2X456789") == 0);

	put_file(p, "hello\n");
	f = fopen(p, "a+");
	rewind(f);
	CHECK("a+ reads from start", fgets(buf, sizeof buf, f) && strcmp(buf, "hello\n") == 0);
	fseek(f, 0, SEEK_SET);
	fputs("world\n", f);
	CHECK_EQ("a+ ftell at end", ftell(f), 12);
	rewind(f);
	size_t n = fread(buf, 1, sizeof buf, f);
	CHECK("a+ writes at end", n == 12 && memcmp(buf, "hello\nworld\n", 12) == 0);
	fclose(f);
	CHECK("a+ content", strcmp(file_text(p), "hello\nworld\n") == 0);
	unlink(p);
	f = fopen(p, "a+");
	CHECK("a+ creates", f != NULL && file_size(p) == 0);
	CHECK_EQ("a+ empty read", fgetc(f), EOF);
	CHECK("a+ empty feof", feof(f) && !ferror(f));
	fclose(f);

	unlink(p);
	errno = 0;
	CHECK("r ENOENT", fopen(p, "r") == NULL && errno == ENOENT);
	errno = 0;
	CHECK("r+ ENOENT", fopen(p, "r+") == NULL && errno == ENOENT);
	CHECK_EQ("r+ does not create", file_size(p), -1);
	errno = 0;
	CHECK("w ENOENT in missing dir", fopen("/nonexistent/muslin/x", "w") == NULL && errno == ENOENT);
}

static void test_flags(void)
{
	const char *p = path(2);
	static const char *const bmodes[] = {"rb", "wb", "ab", "r+b", "rb+", "w+b", "wb+", "a+b", "ab+"};
	char name[32];
	unlink(p);

	for (unsigned i = 0; i < sizeof bmodes / sizeof *bmodes; i++) {
		put_file(p, "b");
		FILE *f = fopen(p, bmodes[i]);
		snprintf(name, sizeof name, "mode %s", bmodes[i]);
		CHECK(name, f != NULL);
		if (f)
			fclose(f);
	}
	FILE *f = fopen(p, "wb");
	static const char bin[] = {'\r', '\n', 0, 0x1a, (char)0xff, '\n', '\r'};
	fwrite(bin, 1, sizeof bin, f);
	fclose(f);
	f = fopen(p, "rb");
	char back[16];
	CHECK("b leaves bytes alone", fread(back, 1, sizeof back, f) == sizeof bin
	      && memcmp(back, bin, sizeof bin) == 0);
	fclose(f);

	f = fopen(p, "r");
	CHECK("no e: no FD_CLOEXEC", f && !cloexec(f));
	fclose(f);
	f = fopen(p, "re");
	CHECK("re: FD_CLOEXEC", f && cloexec(f));
	fclose(f);
	f = fopen(p, "w+e");
	CHECK("w+e: FD_CLOEXEC", f && cloexec(f));
	fclose(f);
	f = fopen(p, "abe");
	CHECK("abe: FD_CLOEXEC", f && cloexec(f));
	fclose(f);

	unlink(p);
	f = fopen(p, "wx");
	CHECK("wx creates a new file", f != NULL && file_size(p) == 0);
	fputs("kept", f);
	fclose(f);
	errno = 0;
	CHECK("wx EEXIST", fopen(p, "wx") == NULL && errno == EEXIST);
	errno = 0;
	CHECK("w+x EEXIST", fopen(p, "w+x") == NULL && errno == EEXIST);
	CHECK("wx left file alone", strcmp(file_text(p), "kept") == 0);
	unlink(p);
	f = fopen(p, "w+bxe");
	CHECK("w+bxe new file", f != NULL && cloexec(f));
	fputs("rw", f);
	rewind(f);
	CHECK("w+bxe readable", fgetc(f) == 'r');
	fclose(f);
	unlink(p);

	errno = 0;
	CHECK("EINVAL empty mode", fopen(p, "") == NULL && errno == EINVAL);
	errno = 0;
	CHECK("EINVAL +r mode", fopen(p, "+r") == NULL && errno == EINVAL);
}

static void test_errors(void)
{
	errno = 0;
	CHECK("w EISDIR", fopen("/tmp", "w") == NULL && errno == EISDIR);
	errno = 0;
	CHECK("r+ EISDIR", fopen("/tmp", "r+") == NULL && errno == EISDIR);
	errno = 0;
	CHECK("a EISDIR", fopen("/tmp", "a") == NULL && errno == EISDIR);
	/* Linux opens a directory read-only; reading it fails. */
	FILE *f = fopen("/tmp", "r");
	CHECK("r directory opens", f != NULL);
	if (f) {
		errno = 0;
		CHECK("r directory read EISDIR", fgetc(f) == EOF && ferror(f) && !feof(f)
		      && errno == EISDIR);
		fclose(f);
	}

	/* Root ignores permission bits on ordinary files, but the sysctl files
	 * check their mode (0444) themselves, so writing one is EACCES for
	 * everyone. A read-only mount of /proc/sys would say EROFS instead. */
	const char *sys = "/proc/sys/kernel/osrelease";
	f = fopen(sys, "r");
	char rel[128];
	CHECK("sysctl file readable", f && fgets(rel, sizeof rel, f) && rel[0] >= '0' && rel[0] <= '9');
	if (f)
		fclose(f);
	errno = 0;
	f = fopen(sys, "w");
	int e = errno;
	if (f == NULL && e == EROFS) {
		put("xfail EACCES: /proc/sys is mounted read-only here (EROFS)\n");
	} else {
		CHECK("EACCES", f == NULL && e == EACCES);
		CHECK_EQ("EACCES errno", e, EACCES);
	}
	if (f)
		fclose(f);
	errno = 0;
	f = fopen(sys, "a+");
	CHECK("EACCES a+", f == NULL && (errno == EACCES || errno == EROFS));
	if (f)
		fclose(f);

	/* A write error: /dev/full takes no data. */
	f = fopen("/dev/full", "w");
	CHECK("fopen /dev/full", f != NULL);
	if (f) {
		CHECK("buffered write succeeds", fputs("data", f) >= 0 && !ferror(f));
		errno = 0;
		CHECK("fflush ENOSPC", fflush(f) == EOF && errno == ENOSPC && ferror(f));
		clearerr(f);
		CHECK("clearerr after write error", !ferror(f));
		fputs("more", f);
		errno = 0;
		CHECK("fclose ENOSPC", fclose(f) == EOF && errno == ENOSPC);
	}

	/* fclose reports the flush failing on a descriptor closed underneath. */
	const char *p = path(3);
	f = fopen(p, "w");
	fputs("pending", f);
	close(fileno(f));
	errno = 0;
	CHECK("fclose EBADF", fclose(f) == EOF && errno == EBADF);
	CHECK_EQ("fclose EBADF lost data", file_size(p), 0);
	unlink(p);
}

static void test_fdopen(void)
{
	int fds[2];
	char buf[32];
	CHECK_EQ("pipe", pipe(fds), 0);
	FILE *r = fdopen(fds[0], "r"), *w = fdopen(fds[1], "w");
	CHECK("fdopen pipe", r && w);
	CHECK("fileno of fdopen", fileno(r) == fds[0] && fileno(w) == fds[1]);
	fputs("ping\n", w);
	CHECK_EQ("fflush pipe", fflush(w), 0);
	CHECK("fgets from pipe", fgets(buf, sizeof buf, r) && strcmp(buf, "ping\n") == 0);
	fputs("last", w);
	CHECK_EQ("fclose writer", fclose(w), 0);
	CHECK("fgets last", fgets(buf, sizeof buf, r) && strcmp(buf, "last") == 0);
	CHECK("pipe EOF", fgetc(r) == EOF && feof(r) && !ferror(r));
	errno = 0;
	CHECK("fseek on pipe ESPIPE", fseek(r, 0, SEEK_SET) == -1 && errno == ESPIPE);
	errno = 0;
	CHECK("ftell on pipe ESPIPE", ftell(r) == -1 && errno == ESPIPE);
	CHECK_EQ("fclose reader", fclose(r), 0);
	errno = 0;
	CHECK("fclose closed the fd", write(fds[1], "x", 1) == -1 && errno == EBADF);

	errno = 0;
	CHECK("fdopen EBADF", fdopen(-1, "r") == NULL && errno == EBADF);
	errno = 0;
	CHECK("fdopen EINVAL mode", fdopen(0, "z") == NULL && errno == EINVAL);

	const char *p = path(4);
	put_file(p, "start\n");
	int fd = open(p, O_WRONLY);
	FILE *f = fdopen(fd, "a");
	CHECK("fdopen a sets O_APPEND", f && (fcntl(fd, F_GETFL) & O_APPEND));
	fputs("end\n", f);
	fclose(f);
	CHECK("fdopen a appends", strcmp(file_text(p), "start\nend\n") == 0);

	fd = open(p, O_RDWR);
	lseek(fd, 6, SEEK_SET);
	f = fdopen(fd, "r+");
	CHECK("fdopen keeps offset", fgets(buf, sizeof buf, f) && strcmp(buf, "end\n") == 0);
	fclose(f);
	unlink(p);
}

static void test_fileno(void)
{
	CHECK("fileno std", fileno(stdin) == 0 && fileno(stdout) == 1 && fileno(stderr) == 2);
	const char *p = path(5);
	put_file(p, "x");
	FILE *f = fopen(p, "r");
	struct stat a, b;
	CHECK("fileno is the file", f && fileno(f) > 2 && fstat(fileno(f), &a) == 0
	      && stat(p, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev);
	fclose(f);
	unlink(p);
}

/* Runs perror(s) with errno e and returns what it wrote to stderr. */
static const char *perror_text(const char *s, int e)
{
	static char buf[256];
	int fds[2], saved = dup(2);
	pipe(fds);
	dup2(fds[1], 2);
	close(fds[1]);
	errno = e;
	perror(s);
	dup2(saved, 2);
	close(saved);
	ssize_t n = read(fds[0], buf, sizeof buf - 1);
	close(fds[0]);
	buf[n < 0 ? 0 : n] = 0;
	return buf;
}

static void test_perror(void)
{
	CHECK("perror ENOENT", strcmp(perror_text("ctx", ENOENT), "ctx: No such file or directory\n") == 0);
	CHECK("perror EACCES", strcmp(perror_text("open x", EACCES), "open x: Permission denied\n") == 0);
	CHECK("perror empty prefix", strcmp(perror_text("", EISDIR), "Is a directory\n") == 0);
	CHECK("perror NULL prefix", strcmp(perror_text(NULL, EEXIST), "File exists\n") == 0);
	CHECK("perror unknown", strcmp(perror_text("u", 9999), "u: Unknown error 9999\n") == 0);
	/* The real failure, not a planted errno. */
	errno = 0;
	FILE *f = fopen("/nonexistent/muslin", "r");
	int e = errno;
	CHECK("perror after fopen", f == NULL
	      && strcmp(perror_text("fopen", e), "fopen: No such file or directory\n") == 0);

	CHECK("strerror ENOENT", strcmp(strerror(ENOENT), "No such file or directory") == 0);
	CHECK("strerror EACCES", strcmp(strerror(EACCES), "Permission denied") == 0);
	CHECK("strerror EISDIR", strcmp(strerror(EISDIR), "Is a directory") == 0);
	CHECK("strerror EEXIST", strcmp(strerror(EEXIST), "File exists") == 0);
	CHECK("strerror EBADF", strcmp(strerror(EBADF), "Bad file descriptor") == 0);
	CHECK("strerror EINVAL", strcmp(strerror(EINVAL), "Invalid argument") == 0);
	CHECK("strerror ENOSPC", strcmp(strerror(ENOSPC), "No space left on device") == 0);
	CHECK("strerror EPIPE", strcmp(strerror(EPIPE), "Broken pipe") == 0);
	CHECK("strerror unknown", strcmp(strerror(9999), "Unknown error 9999") == 0);
	CHECK("strerror negative", strcmp(strerror(-3), "Unknown error -3") == 0);
}

int main(void)
{
	test_write_modes();
	test_read_modes();
	test_flags();
	test_errors();
	test_fdopen();
	test_fileno();
	test_perror();
	return check_failed;
}
