/* Reading and writing through stdio buffers: fgets with short buffers,
 * getline/getdelim over lines longer than BUFSIZ, a last line without a
 * newline, fread/fwrite of binary data with content checks, ungetc then
 * fread, setvbuf (_IOFBF with a user buffer, _IOLBF, _IONBF, tiny read
 * buffers) checked through a second descriptor before and after fflush,
 * fflush(NULL), fseek/ftell/fseeko/ftello/fgetpos/fsetpos (beyond 4 GiB
 * too), and feof/ferror/clearerr. Paths carry the pid: x.py runs the native
 * and qemu builds at the same time. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"

static char paths[8][64];

static const char *path(int i)
{
	snprintf(paths[i], sizeof paths[i], "/tmp/muslin_stdio_rw_%d_%d", (int)getpid(), i);
	return paths[i];
}

static void put_file(const char *p, const void *s, size_t n)
{
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, s, n);
	close(fd);
}

static long long file_size(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 ? (long long)st.st_size : -1;
}

/* Reads the whole file into buf (at most cap bytes) without stdio. */
static long long read_file(const char *p, void *buf, size_t cap)
{
	int fd = open(p, O_RDONLY);
	if (fd < 0)
		return -1;
	size_t got = 0;
	ssize_t n;
	while (got < cap && (n = read(fd, (char *)buf + got, cap - got)) > 0)
		got += n;
	close(fd);
	return got;
}

/* Byte i of the test pattern: every value, zeros included. */
static unsigned char pat(size_t i)
{
	return (unsigned char)(i * 131 + (i >> 9));
}

/* Byte j of line k of the long-line file: printable, never a newline. */
static char line_char(int k, size_t j)
{
	return 'a' + (j * 7 + k * 3) % 26;
}

static int line_ok(const char *s, int k, size_t len)
{
	for (size_t j = 0; j < len; j++)
		if (s[j] != line_char(k, j))
			return 0;
	return 1;
}

/* True when the n bytes of s occur somewhere in buf[0..cap]. */
static int contains(const char *buf, size_t cap, const char *s, size_t n)
{
	for (size_t i = 0; i + n <= cap; i++)
		if (memcmp(buf + i, s, n) == 0)
			return 1;
	return 0;
}

static void test_fgets(void)
{
	const char *p = path(0);
	char buf[8];
	put_file(p, "abcdefghij\nxy\n\nlast", 19);
	FILE *f = fopen(p, "r");
	CHECK("fgets split 1", fgets(buf, 5, f) == buf && strcmp(buf, "abcd") == 0);
	CHECK("fgets split 2", fgets(buf, 5, f) && strcmp(buf, "efgh") == 0);
	CHECK("fgets split rest", fgets(buf, 5, f) && strcmp(buf, "ij\n") == 0);
	CHECK("fgets exact fit", fgets(buf, 4, f) && strcmp(buf, "xy\n") == 0);
	CHECK("fgets empty line", fgets(buf, sizeof buf, f) && strcmp(buf, "\n") == 0);
	CHECK("fgets size 1", fgets(buf, 1, f) == buf && buf[0] == 0);
	CHECK("fgets last line no newline", fgets(buf, sizeof buf, f) && strcmp(buf, "last") == 0);
	CHECK("fgets last line feof", feof(f) && !ferror(f));
	strcpy(buf, "keep");
	CHECK("fgets at EOF", fgets(buf, sizeof buf, f) == NULL && strcmp(buf, "keep") == 0);
	rewind(f);
	CHECK("rewind clears EOF", !feof(f));
	int n = 0, c, nl = 0;
	while ((c = fgetc(f)) != EOF) {
		n++;
		nl += c == '\n';
	}
	CHECK("fgetc counts bytes", n == 19 && nl == 3);
	fclose(f);
	unlink(p);
}

/* Line lengths around BUFSIZ (4096) and far beyond it; the last has no
 * newline. */
static const size_t lens[] = {5000, 10000, 1, 0, 4095, 4096, 4097, 3, 12289, 6000};
#define NLINES (sizeof lens / sizeof *lens)

static void write_long_lines(const char *p)
{
	FILE *f = fopen(p, "w");
	for (unsigned k = 0; k < NLINES; k++) {
		for (size_t j = 0; j < lens[k]; j++)
			putc(line_char(k, j), f);
		if (k + 1 < NLINES)
			putc('\n', f);
	}
	fclose(f);
}

static void test_getline(void)
{
	const char *p = path(1);
	write_long_lines(p);
	size_t total = NLINES - 1;
	for (unsigned k = 0; k < NLINES; k++)
		total += lens[k];
	CHECK_EQ("long lines file size", file_size(p), total);

	FILE *f = fopen(p, "r");
	char *line = NULL;
	size_t cap = 0;
	int good = 1;
	for (unsigned k = 0; k < NLINES; k++) {
		ssize_t n = getline(&line, &cap, f);
		size_t want = lens[k] + (k + 1 < NLINES);
		if (n != (ssize_t)want || !line_ok(line, k, lens[k]) || cap <= (size_t)n
		    || line[n] != 0 || (k + 1 < NLINES && line[n - 1] != '\n')) {
			good = 0;
			put("  line ");
			put_num(k);
			put(": got ");
			put_num(n);
			put("\n");
		}
	}
	CHECK("getline long lines", good);
	CHECK_EQ("getline at EOF", getline(&line, &cap, f), -1);
	CHECK("getline feof", feof(f) && !ferror(f));
	free(line);

	/* A caller's small malloc'd buffer grows. */
	rewind(f);
	cap = 8;
	line = malloc(cap);
	CHECK_EQ("getline grows buffer", getline(&line, &cap, f), 5001);
	CHECK("getline grown cap", cap > 5001 && line_ok(line, 0, 5000));
	free(line);

	/* fgets with a buffer shorter than the line sees it in pieces. */
	rewind(f);
	char buf[1000];
	size_t got = 0;
	int pieces = 0;
	while (fgets(buf, sizeof buf, f)) {
		size_t n = strlen(buf);
		got += n;
		pieces++;
		if (buf[n - 1] == '\n')
			break;
	}
	CHECK("fgets pieces of a long line", got == 5001 && pieces == 6);
	CHECK("fgets continues on the next line", fgets(buf, 11, f) && line_ok(buf, 1, 10));
	fclose(f);

	/* getdelim with a delimiter far apart, and none at the end. */
	const char *q = path(2);
	f = fopen(q, "w");
	for (int i = 0; i < 9000; i++)
		fputc(i == 4500 ? ':' : 'z', f);
	fclose(f);
	f = fopen(q, "r");
	line = NULL;
	cap = 0;
	CHECK_EQ("getdelim first", getdelim(&line, &cap, ':', f), 4501);
	CHECK("getdelim first text", line[4499] == 'z' && line[4500] == ':' && line[4501] == 0);
	CHECK_EQ("getdelim rest", getdelim(&line, &cap, ':', f), 4499);
	CHECK_EQ("getdelim end", getdelim(&line, &cap, ':', f), -1);
	free(line);
	fclose(f);
	unlink(p);
	unlink(q);
}

static void test_binary(void)
{
	const char *p = path(0);
	enum { N = 100000 };
	static unsigned char data[N], back[N + 16];
	for (size_t i = 0; i < N; i++)
		data[i] = pat(i);

	FILE *f = fopen(p, "wb");
	static const size_t chunks[] = {1, 7, 4096, 5000, 3, 4095, 17000, 1};
	size_t off = 0, ok = 1;
	for (unsigned i = 0; off < N; i = (i + 1) % (sizeof chunks / sizeof *chunks)) {
		size_t n = chunks[i] < N - off ? chunks[i] : N - off;
		ok &= fwrite(data + off, 1, n, f) == n;
		off += n;
	}
	CHECK("fwrite chunks", ok);
	CHECK_EQ("fwrite size 0", fwrite(data, 0, 5, f), 0);
	CHECK_EQ("fwrite count 0", fwrite(data, 5, 0, f), 0);
	CHECK_EQ("fwrite fclose", fclose(f), 0);
	CHECK_EQ("fwrite file size", file_size(p), N);
	CHECK("fwrite content", read_file(p, back, sizeof back) == N && memcmp(back, data, N) == 0);

	f = fopen(p, "rb");
	memset(back, 0, sizeof back);
	CHECK_EQ("fread elements", fread(back, 4, 1000, f), 1000);
	CHECK_EQ("fread small", fread(back + 4000, 1, 3, f), 3);
	CHECK_EQ("fread large", fread(back + 4003, 1, 60000, f), 60000);
	CHECK_EQ("fread rest", fread(back + 64003, 1, sizeof back - 64003, f), N - 64003);
	CHECK("fread content", memcmp(back, data, N) == 0);
	CHECK("fread feof", feof(f) && !ferror(f));
	CHECK_EQ("fread at EOF", fread(back, 1, 1, f), 0);
	fclose(f);

	/* A partial element at the end is not counted. */
	put_file(p, data, 10);
	f = fopen(p, "rb");
	CHECK_EQ("fread partial element", fread(back, 4, 3, f), 2);
	CHECK("fread partial feof", feof(f) && memcmp(back, data, 10) == 0);
	fclose(f);

	/* Integers and back. */
	int nums[64], nums2[64];
	for (int i = 0; i < 64; i++)
		nums[i] = i * -100003;
	f = fopen(p, "w+b");
	CHECK_EQ("fwrite ints", fwrite(nums, sizeof *nums, 64, f), 64);
	rewind(f);
	CHECK_EQ("fread ints", fread(nums2, sizeof *nums2, 64, f), 64);
	CHECK("ints round trip", memcmp(nums, nums2, sizeof nums) == 0);
	fclose(f);
	unlink(p);
}

static void test_ungetc(void)
{
	const char *p = path(0);
	char buf[16] = "";
	put_file(p, "abcdef", 6);
	FILE *f = fopen(p, "r");
	CHECK_EQ("ungetc fgetc", fgetc(f), 'a');
	CHECK_EQ("ungetc other char", ungetc('Z', f), 'Z');
	CHECK_EQ("ungetc ftell", ftell(f), 0);
	CHECK("ungetc then fread", fread(buf, 1, 3, f) == 3 && memcmp(buf, "Zbc", 3) == 0);
	CHECK_EQ("ungetc ftell after", ftell(f), 3);
	CHECK_EQ("ungetc y", ungetc('y', f), 'y');
	CHECK_EQ("ungetc x", ungetc('x', f), 'x');
	memset(buf, 0, sizeof buf);
	CHECK("ungetc LIFO then rest", fread(buf, 1, sizeof buf, f) == 5 && strcmp(buf, "xydef") == 0);
	CHECK("ungetc at EOF feof", feof(f));
	CHECK_EQ("ungetc EOF", ungetc(EOF, f), EOF);
	int eof_flag = feof(f), c = fgetc(f);
	CHECK("ungetc EOF pushes nothing", eof_flag && c == EOF);
	CHECK_EQ("ungetc after EOF", ungetc('q', f), 'q');
	CHECK("ungetc clears feof", !feof(f));
	CHECK("ungetc after EOF reads", fgetc(f) == 'q' && fgetc(f) == EOF && feof(f));
	CHECK_EQ("ungetc unsigned char", ungetc(0x1ff, f), 0xff);
	CHECK_EQ("ungetc unsigned char read", fgetc(f), 0xff);
	fseek(f, 2, SEEK_SET);
	ungetc('Q', f);
	fseek(f, 0, SEEK_CUR);
	CHECK_EQ("fseek drops pushed back", fgetc(f), 'b');
	rewind(f);
	ungetc('W', f);
	CHECK("ungetc then fgets", fgets(buf, sizeof buf, f) && strcmp(buf, "Wabcdef") == 0);
	rewind(f);
	fgetc(f);
	ungetc('a', f);
	char *line = NULL;
	size_t cap = 0;
	CHECK("ungetc then getline", getline(&line, &cap, f) == 6 && strcmp(line, "abcdef") == 0);
	free(line);
	fclose(f);
	unlink(p);
}

static void test_setvbuf(void)
{
	const char *p = path(3);
	char text[512];

	FILE *f = fopen(p, "w");
	static char ubuf[256];
	CHECK_EQ("setvbuf _IOFBF user buffer", setvbuf(f, ubuf, _IOFBF, sizeof ubuf), 0);
	fputs("hello", f);
	CHECK_EQ("_IOFBF nothing written", file_size(p), 0);
	CHECK("_IOFBF data in user buffer", contains(ubuf, sizeof ubuf, "hello", 5));
	fputs("\n", f);
	CHECK_EQ("_IOFBF newline does not flush", file_size(p), 0);
	CHECK_EQ("_IOFBF fflush", fflush(f), 0);
	CHECK_EQ("_IOFBF written after fflush", file_size(p), 6);
	char big[300];
	memset(big, 'B', sizeof big);
	fwrite(big, 1, sizeof big, f);
	CHECK("_IOFBF overflow writes", file_size(p) > 6);
	fflush(f);
	CHECK_EQ("_IOFBF all after fflush", file_size(p), 306);
	fclose(f);
	CHECK("_IOFBF content", read_file(p, text, sizeof text) == 306
	      && memcmp(text, "hello\nBBB", 9) == 0 && text[305] == 'B');

	f = fopen(p, "w");
	CHECK_EQ("setvbuf _IOLBF", setvbuf(f, NULL, _IOLBF, 0), 0);
	fputs("abc", f);
	CHECK_EQ("_IOLBF no newline yet", file_size(p), 0);
	fputs("def\n", f);
	CHECK_EQ("_IOLBF written at newline", file_size(p), 7);
	fputs("ghi", f);
	CHECK_EQ("_IOLBF partial line held", file_size(p), 7);
	fputc('\n', f);
	CHECK_EQ("_IOLBF fputc newline", file_size(p), 11);
	fprintf(f, "%d", 42);
	CHECK_EQ("_IOLBF fprintf held", file_size(p), 11);
	fflush(f);
	CHECK_EQ("_IOLBF fflush", file_size(p), 13);
	fclose(f);
	CHECK("_IOLBF content", read_file(p, text, sizeof text) == 13 && memcmp(text, "abcdef\nghi\n42", 13) == 0);

	f = fopen(p, "w");
	CHECK_EQ("setvbuf _IONBF", setvbuf(f, NULL, _IONBF, 0), 0);
	fputc('x', f);
	CHECK_EQ("_IONBF fputc at once", file_size(p), 1);
	fputs("yz", f);
	CHECK_EQ("_IONBF fputs at once", file_size(p), 3);
	fprintf(f, "[%s]", "p");
	CHECK_EQ("_IONBF fprintf at once", file_size(p), 6);
	fwrite(big, 1, sizeof big, f);
	CHECK_EQ("_IONBF fwrite at once", file_size(p), 306);
	fclose(f);

	f = fopen(p, "w");
	setbuf(f, NULL);
	fputc('s', f);
	CHECK_EQ("setbuf NULL unbuffered", file_size(p), 1);
	fclose(f);

	f = fopen(p, "w");
	static char sbuf[BUFSIZ];
	setbuf(f, sbuf);
	fputs("in sbuf", f);
	CHECK("setbuf buffer used", file_size(p) == 0 && contains(sbuf, sizeof sbuf, "in sbuf", 7));
	fclose(f);
	CHECK_EQ("setbuf fclose flushes", file_size(p), 7);

	f = fopen(p, "w");
	CHECK("setvbuf bad mode", setvbuf(f, NULL, 12345, 0) != 0);
	fclose(f);

	/* Reading through unbuffered and tiny buffers. */
	put_file(p, "first line\nsecond, longer line\nthird\n", 37);
	f = fopen(p, "r");
	setvbuf(f, NULL, _IONBF, 0);
	CHECK("_IONBF fgets", fgets(text, sizeof text, f) && strcmp(text, "first line\n") == 0);
	CHECK("_IONBF leaves fd after line", lseek(fileno(f), 0, SEEK_CUR) == 11);
	CHECK("_IONBF fread", fread(text, 1, 6, f) == 6 && memcmp(text, "second", 6) == 0);
	CHECK("_IONBF ftell", ftell(f) == 17);
	fclose(f);
	f = fopen(p, "r");
	static char tiny[3];
	setvbuf(f, tiny, _IOFBF, sizeof tiny);
	char *line = NULL;
	size_t cap = 0;
	CHECK("tiny buffer getline 1", getline(&line, &cap, f) == 11 && strcmp(line, "first line\n") == 0);
	CHECK("tiny buffer getline 2", getline(&line, &cap, f) == 20 && strcmp(line, "second, longer line\n") == 0);
	CHECK("tiny buffer fgets", fgets(text, sizeof text, f) && strcmp(text, "third\n") == 0);
	CHECK("tiny buffer EOF", fgetc(f) == EOF && feof(f));
	free(line);
	fclose(f);
	unlink(p);
}

static void test_fflush_all(void)
{
	const char *a = path(4), *b = path(5), *c = path(6);
	put_file(c, "input", 5);
	FILE *fa = fopen(a, "w"), *fb = fopen(b, "a+"), *fc = fopen(c, "r");
	CHECK_EQ("fflush(NULL) reader first read", fgetc(fc), 'i');
	fputs("to a", fa);
	fputs("to b", fb);
	CHECK("fflush(NULL) before", file_size(a) == 0 && file_size(b) == 0);
	CHECK_EQ("fflush(NULL)", fflush(NULL), 0);
	CHECK("fflush(NULL) wrote both", file_size(a) == 4 && file_size(b) == 4);
	CHECK_EQ("fflush(NULL) reader intact", fgetc(fc), 'n');
	/* POSIX: fflush of a seekable input stream moves the descriptor's
	 * offset to the stream's position (glibc and musl do). */
	CHECK_EQ("fflush read stream", fflush(fc), 0);
	CHECK_EQ("fflush read stream syncs offset", lseek(fileno(fc), 0, SEEK_CUR), 2);
	CHECK_EQ("fflush read stream continues", fgetc(fc), 'p');
	fputs("!", fb);
	fclose(fa);
	CHECK_EQ("fflush(NULL) after an fclose", fflush(NULL), 0);
	CHECK_EQ("fflush(NULL) remaining stream", file_size(b), 5);
	fclose(fb);
	fclose(fc);
	unlink(a);
	unlink(b);
	unlink(c);
}

static void test_seek(void)
{
	const char *p = path(0);
	enum { N = 10000 };
	static unsigned char data[N];
	for (size_t i = 0; i < N; i++)
		data[i] = pat(i);
	put_file(p, data, N);

	FILE *f = fopen(p, "r");
	CHECK_EQ("ftell at open", ftell(f), 0);
	CHECK_EQ("fseek SEEK_SET", fseek(f, 5000, SEEK_SET), 0);
	CHECK_EQ("fgetc after fseek", fgetc(f), data[5000]);
	CHECK_EQ("ftell after fgetc", ftell(f), 5001);
	CHECK_EQ("fseek SEEK_CUR back", fseek(f, -1, SEEK_CUR), 0);
	CHECK_EQ("fgetc again", fgetc(f), data[5000]);
	CHECK_EQ("fseek SEEK_CUR forward", fseek(f, 4000, SEEK_CUR), 0);
	CHECK_EQ("fgetc forward", fgetc(f), data[9001]);
	CHECK_EQ("fseek SEEK_END", fseek(f, -10, SEEK_END), 0);
	CHECK_EQ("ftell from end", ftell(f), N - 10);
	CHECK_EQ("fgetc from end", fgetc(f), data[N - 10]);
	CHECK_EQ("fseeko", fseeko(f, (off_t)123, SEEK_SET), 0);
	CHECK_EQ("ftello", ftello(f), 123);
	CHECK_EQ("fgetc after fseeko", fgetc(f), data[123]);
	fpos_t pos;
	CHECK_EQ("fgetpos", fgetpos(f, &pos), 0);
	fread(data + 0, 0, 0, f);
	for (int i = 0; i < 100; i++)
		fgetc(f);
	CHECK_EQ("fsetpos", fsetpos(f, &pos), 0);
	CHECK_EQ("fgetc after fsetpos", fgetc(f), pat(124));
	errno = 0;
	CHECK("fseek bad whence", fseek(f, 0, 7) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("fseek negative", fseek(f, -1, SEEK_SET) == -1 && errno == EINVAL);
	CHECK_EQ("fseek failure keeps position", ftell(f), 125);
	while (fgetc(f) != EOF)
		;
	CHECK("read to EOF", feof(f));
	CHECK_EQ("fseek clears EOF", fseek(f, 0, SEEK_END), 0);
	CHECK("fseek cleared feof", !feof(f));
	CHECK_EQ("fseek past end", fseek(f, 100, SEEK_END), 0);
	CHECK_EQ("ftell past end", ftell(f), N + 100);
	CHECK("read past end", fgetc(f) == EOF && feof(f));
	fclose(f);

	/* Pending output counts in ftell; a hole reads as zeros. */
	f = fopen(p, "w+");
	fputs("12345", f);
	CHECK_EQ("ftell with pending output", ftell(f), 5);
	CHECK_EQ("fseek flushes", fseek(f, 100, SEEK_SET), 0);
	CHECK_EQ("fseek flushed", file_size(p), 5);
	fputc('E', f);
	fflush(f);
	CHECK_EQ("write past end", file_size(p), 101);
	fseek(f, 50, SEEK_SET);
	CHECK_EQ("hole reads zero", fgetc(f), 0);

	/* Offsets past 4 GiB need 64-bit off_t everywhere (sparse file). */
	off_t far = ((off_t)5 << 30) + 7;
	CHECK_EQ("fseeko past 4 GiB", fseeko(f, far, SEEK_SET), 0);
	CHECK_EQ("fputc past 4 GiB", fputc('F', f), 'F');
	CHECK("ftello past 4 GiB", ftello(f) == far + 1);
	fflush(f);
	CHECK("file size past 4 GiB", file_size(p) == far + 1);
	errno = 0;
	long t = ftell(f);
	if (sizeof(long) == 4)
		CHECK("ftell EOVERFLOW", t == -1 && errno == EOVERFLOW);
	else
		CHECK("ftell past 4 GiB", t == (long)(far + 1));
	CHECK_EQ("fseeko back past 4 GiB", fseeko(f, -1, SEEK_CUR), 0);
	CHECK_EQ("fgetc past 4 GiB", fgetc(f), 'F');
	fclose(f);
	unlink(p);
}

static void test_status(void)
{
	const char *p = path(0), *q = path(1);
	put_file(p, "ab", 2);
	FILE *f = fopen(p, "r");
	CHECK("fresh stream", !feof(f) && !ferror(f));
	fgetc(f);
	fgetc(f);
	CHECK("feof not before reading past", !feof(f));
	CHECK_EQ("fgetc at end", fgetc(f), EOF);
	CHECK("feof set", feof(f) && !ferror(f));
	/* The file grows: EOF is sticky until cleared. */
	int fd = open(p, O_WRONLY | O_APPEND);
	write(fd, "c", 1);
	close(fd);
	CHECK_EQ("EOF is sticky", fgetc(f), EOF);
	clearerr(f);
	CHECK("clearerr clears feof", !feof(f));
	CHECK_EQ("read after clearerr", fgetc(f), 'c');
	errno = 0;
	CHECK("write on read stream", fputc('x', f) == EOF && errno == EBADF);
	CHECK("ferror set", ferror(f) && !feof(f));
	CHECK_EQ("fgetc with ferror", fgetc(f), EOF);
	CHECK("feof and ferror", feof(f) && ferror(f));
	clearerr(f);
	CHECK("clearerr clears both", !feof(f) && !ferror(f));
	fclose(f);

	f = fopen(q, "w");
	errno = 0;
	CHECK("read on write stream", fgetc(f) == EOF && ferror(f) && !feof(f) && errno == EBADF);
	rewind(f);
	CHECK("rewind clears ferror", !ferror(f));
	fclose(f);
	unlink(p);
	unlink(q);
}

int main(void)
{
	test_fgets();
	test_getline();
	test_binary();
	test_ungetc();
	test_setvbuf();
	test_fflush_all();
	test_seek();
	test_status();
	return check_failed;
}
