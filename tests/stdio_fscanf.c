/* fscanf/vfscanf on streams: records read in a loop until EOF, the byte
 * left in the stream after each kind of conversion (the engine looks one
 * byte ahead and pushes back only that byte, as glibc does), EOF versus
 * matching failures, fscanf mixed with fgets/fgetc, ungetc before fscanf,
 * %n, %[, %c, widths and `*`, and EOF after a conversion or a literal.
 * Every case runs over four kinds of stream:
 * a buffered file, an unbuffered one (setvbuf _IONBF before the first
 * read), a file with a 3-byte buffer (fields split across refills) and a
 * pipe; all must give glibc's results, except where a prefix of a number
 * is not a number ("100e", "0x", "1e+"): a matching failure, as ISO C says. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

enum { BUFFERED, UNBUFFERED, TINY, PIPE, KINDS };
static const char *const kind_names[KINDS] = {"buffered", "unbuffered", "tiny buffer", "pipe"};
static int kind;
static char file_path[64];
static char tiny[3];

/* A stream of the current kind reading `content`. */
static FILE *open_text(const char *content)
{
	size_t n = strlen(content);
	if (kind == PIPE) {
		int fds[2];
		pipe(fds);
		write(fds[1], content, n);
		close(fds[1]);
		return fdopen(fds[0], "r");
	}
	int fd = open(file_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, content, n);
	close(fd);
	FILE *f = fopen(file_path, "r");
	if (kind == UNBUFFERED)
		setvbuf(f, NULL, _IONBF, 0);
	else if (kind == TINY)
		setvbuf(f, tiny, _IOFBF, sizeof tiny);
	return f;
}

/* The case name with the stream kind in front. */
static const char *nm(const char *name)
{
	static char buf[96];
	snprintf(buf, sizeof buf, "%s %s", kind_names[kind], name);
	return buf;
}

#define C(name, cond) check(nm(name), (cond), #cond)
#define C_EQ(name, got, want) CHECK_EQ(nm(name), got, want)

static int vf(FILE *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vfscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

static void test_records(void)
{
	static const int ids[] = {1, 2, 3, 40};
	static const char *const names[] = {"alpha", "beta", "gamma", "delta"};
	static const double vals[] = {1.5, -2.25, 300, 0.125};
	FILE *f = open_text("1 alpha 1.5\n2 beta -2.25\n  3   gamma\t3e2\n40 delta 0.125\n");
	int id, n = 0, good = 1, r;
	char name[16];
	double v;
	while ((r = fscanf(f, "%d %15s %lf\n", &id, name, &v)) == 3) {
		good &= n < 4 && id == ids[n] && strcmp(name, names[n]) == 0 && v == vals[n];
		n++;
	}
	C("records", good && n == 4);
	C_EQ("records end with EOF", r, EOF);
	C("records feof", feof(f) && !ferror(f));
	C_EQ("fscanf after EOF", fscanf(f, "%d", &id), EOF);
	fclose(f);

	f = open_text("7 8\n9 x\n");
	int a = 0, b = 0;
	C_EQ("vfscanf", vf(f, "%d %d", &a, &b), 2);
	C("vfscanf values", a == 7 && b == 8);
	C_EQ("vfscanf matching failure", vf(f, "%d %d", &a, &b), 1);
	C("vfscanf partial", a == 9 && fgetc(f) == 'x');
	fclose(f);
}

/* fscanf(f, fmt, one pointer) on `in`, then the next byte of the stream. */
static void lookahead(const char *name, const char *in, const char *fmt, int want_r, int want_next)
{
	FILE *f = open_text(in);
	union {
		int i;
		unsigned u;
		double d;
		char s[32];
	} v;
	int r = fscanf(f, fmt, &v);
	int next = fgetc(f);
	char buf[80];
	snprintf(buf, sizeof buf, "%s returns", name);
	C_EQ(buf, r, want_r);
	snprintf(buf, sizeof buf, "%s leaves", name);
	C_EQ(buf, next, want_next);
	fclose(f);
}

static void test_lookahead(void)
{
	int x = 0;
	double d = 0;
	unsigned u = 0;
	FILE *f = open_text("12abc");
	C_EQ("%d on 12abc", fscanf(f, "%d", &x), 1);
	C_EQ("%d on 12abc value", x, 12);
	C_EQ("%d on 12abc leaves a", fgetc(f), 'a');
	C("%d on 12abc rest", fgetc(f) == 'b' && fgetc(f) == 'c' && fgetc(f) == EOF);
	fclose(f);

	/* ISO C: %lf takes "100e", which is not a number: a matching
	 * failure (glibc stores 100). The bytes read stay read. */
	f = open_text("100ergs");
	C_EQ("%lf on 100ergs", fscanf(f, "%lf", &d), 0);
	C_EQ("%lf on 100ergs leaves r", fgetc(f), 'r');
	fclose(f);

	char rest[16] = "";
	f = open_text("100ergs");
	C_EQ("%lf%s on 100ergs", fscanf(f, "%lf%15s", &d, rest), 0);
	fclose(f);

	f = open_text("12abc");
	/* A pipe has no offset: ftell fails there. */
	C("%d then ftell", fscanf(f, "%d", &x) == 1 && ftell(f) == (kind == PIPE ? -1 : 2));
	fclose(f);

	/* ISO C: "0x" is not a number (glibc reads 0). */
	f = open_text("0xg");
	C_EQ("%x on 0xg", fscanf(f, "%x", &u), 0);
	C_EQ("%x on 0xg leaves g", fgetc(f), 'g');
	fclose(f);

	f = open_text("  -17;");
	C("%d skips space", fscanf(f, "%d", &x) == 1 && x == -17);
	C_EQ("%d leaves ;", fgetc(f), ';');
	fclose(f);

	lookahead("%d on -x", "-x", "%d", 0, 'x');
	lookahead("%d on abc", "abc", "%d", 0, 'a');
	lookahead("%d on +", "+", "%d", 0, EOF);
	lookahead("%lf on .x", ".x", "%lf", 0, 'x');
	lookahead("%lf on 1e+", "1e+", "%lf", 0, EOF);
	lookahead("%lf on 1.5e;", "1.5e;", "%lf", 0, ';');
	lookahead("%x on 0x1fZ", "0x1fZ", "%x", 1, 'Z');
	lookahead("%i octal stops at 8", "0778", "%i", 1, '8');
	lookahead("%2d width", "12345", "%2d", 1, '3');
	lookahead("%s to space", "word next", "%s", 1, ' ');
	lookahead("%4s width", "abcdefgh", "%4s", 1, 'e');
	lookahead("%[ set", "aaab", "%[a]", 1, 'b');
	lookahead("%[ no match", "baaa", "%[a]", 0, 'b');
	lookahead("literal mismatch", "a:b", "a;", 0, ':');
	lookahead("empty input", "", "%d", EOF, EOF);
	lookahead("only space", "  \n\t ", "%d", EOF, EOF);
	lookahead("%d at EOF after space", " 5", "%d", 1, EOF);

	f = open_text("3.25e1x 0x10 017 -0");
	double e = 0;
	int i1 = 0, i2 = 0, i3 = 1;
	C_EQ("mixed conversions", fscanf(f, "%lfx %i %i %i", &e, &i1, &i2, &i3), 4);
	C("mixed values", e == 32.5 && i1 == 16 && i2 == 15 && i3 == 0);
	fclose(f);
}

static void test_mixing(void)
{
	char buf[64];
	int a = 0, b = 0;
	FILE *f = open_text("10 20\nrest of line\n30\nlast");
	C_EQ("fscanf before fgets", fscanf(f, "%d %d", &a, &b), 2);
	C("fscanf values", a == 10 && b == 20);
	C("fgets gets the newline left", fgets(buf, sizeof buf, f) && strcmp(buf, "\n") == 0);
	C("fgets next line", fgets(buf, sizeof buf, f) && strcmp(buf, "rest of line\n") == 0);
	C("fscanf after fgets", fscanf(f, "%d", &a) == 1 && a == 30);
	C_EQ("fgetc after fscanf", fgetc(f), '\n');
	C("fgets after fscanf", fgets(buf, sizeof buf, f) && strcmp(buf, "last") == 0);
	C_EQ("fscanf at EOF", fscanf(f, "%d", &a), EOF);
	fclose(f);

	f = open_text("23 x");
	C_EQ("ungetc before fscanf", ungetc('1', f), '1');
	C("ungetc digit joins the number", fscanf(f, "%d", &a) == 1 && a == 123);
	fgetc(f);
	ungetc('y', f);
	char c1 = 0, c2 = 0;
	C("ungetc then %c", fscanf(f, "%c%c", &c1, &c2) == 2 && c1 == 'y' && c2 == 'x');
	fclose(f);

	f = open_text("5 rest");
	ungetc('-', f);
	C("ungetc sign", fscanf(f, "%d", &a) == 1 && a == -5);
	C_EQ("ungetc sign leaves", fgetc(f), ' ');
	fclose(f);

	f = open_text("34 x");
	C_EQ("fgetc before ungetc", fgetc(f), '3');
	ungetc('7', f);
	C("ungetc replaces a read byte", fscanf(f, "%d", &a) == 1 && a == 74);
	C("ftell after ungetc and fscanf", ftell(f) == (kind == PIPE ? -1 : 2));
	fclose(f);

	f = open_text("abc");
	ungetc('9', f);
	C("ungetc digit before letters", fscanf(f, "%d", &a) == 1 && a == 9);
	C_EQ("letters still there", fgetc(f), 'a');
	fclose(f);

	f = open_text("9");
	fgetc(f);
	C_EQ("fgetc then EOF", fgetc(f), EOF);
	ungetc('4', f);
	C("ungetc at EOF then fscanf", fscanf(f, "%d", &a) == 1 && a == 4);
	fclose(f);
}

static void test_conversions(void)
{
	int a = 0, n1 = -1, n2 = -1, n3 = -1;
	char s[32] = "", t[32] = "";
	FILE *f = open_text("  42 word  rest");
	C_EQ("%n", fscanf(f, "%d%n %s%n", &a, &n1, s, &n2), 2);
	C("%n counts", a == 42 && n1 == 4 && n2 == 9 && strcmp(s, "word") == 0);
	C("%n counts only this call", fscanf(f, " %n%s%n", &n1, t, &n3) == 1 && n1 == 2 && n3 == 6);
	fclose(f);

	f = open_text("key=value;next");
	C_EQ("%[^=]", fscanf(f, "%31[^=]=%31[^;];", s, t), 2);
	C("%[ values", strcmp(s, "key") == 0 && strcmp(t, "value") == 0);
	C_EQ("%[ leaves", fgetc(f), 'n');
	fclose(f);

	f = open_text("abc]def  tail");
	C("%[] with ]", fscanf(f, "%31[]a-c]", s) == 1 && strcmp(s, "abc]") == 0);
	C("%[ width", fscanf(f, "%2[a-z]", s) == 1 && strcmp(s, "de") == 0);
	C("%*[ suppress", fscanf(f, "%*[a-z]%n", &n1) == 0 && n1 == 1);
	fclose(f);

	char c[8] = "......";
	f = open_text(" qxyz\n");
	C("%c keeps space", fscanf(f, "%c", c) == 1 && c[0] == ' ');
	C("%3c", fscanf(f, "%3c", c) == 1 && memcmp(c, "qxy...", 6) == 0);
	C("%c newline", fscanf(f, "z%c", c) == 1 && c[0] == '\n');
	C_EQ("%c at EOF", fscanf(f, "%c", c), EOF);
	fclose(f);

	int x = 0, y = 0;
	f = open_text("1 2 3");
	C("%*d", fscanf(f, "%*d %d", &x) == 1 && x == 2);
	C("%*d rest", fscanf(f, "%d", &y) == 1 && y == 3);
	fclose(f);

	f = open_text("100%done");
	C("%% literal", fscanf(f, "%d%%%4s", &x, s) == 2 && x == 100 && strcmp(s, "done") == 0);
	fclose(f);

	/* Long fields cross many refills of a small buffer. */
	char longin[300], longs[300];
	memset(longin, 'k', 250);
	strcpy(longin + 250, " 3.14159265358979323846x");
	f = open_text(longin);
	double d = 0;
	C("long %s", fscanf(f, "%299s", longs) == 1 && strlen(longs) == 250 && longs[249] == 'k');
	C("long %lf", fscanf(f, "%lf", &d) == 1 && d == 3.14159265358979323846);
	C_EQ("long %lf leaves x", fgetc(f), 'x');
	fclose(f);

	/* A field longer than a whole stdio buffer. */
	static char big[6000], got[6000];
	memset(big, 'q', sizeof big - 2);
	big[sizeof big - 2] = '!';
	f = open_text(big);
	C_EQ("%[ over BUFSIZ", fscanf(f, "%5999[q]", got), 1);
	C_EQ("%[ over BUFSIZ length", strlen(got), sizeof big - 2);
	C_EQ("%[ over BUFSIZ leaves", fgetc(f), '!');
	fclose(f);

	f = open_text("abcdefgh 1 2 3");
	C("%*s %*d", fscanf(f, "%*s %*d %d", &x) == 1 && x == 2);
	fclose(f);
}

/* EOF is an input failure before the first conversion, not after one. */
static void test_eof(void)
{
	int x = 0, y = 0;
	FILE *f = open_text("4 x");
	C_EQ("EOF after a conversion", fscanf(f, "%d x%d", &x, &y), 1);
	C_EQ("EOF after a conversion value", x, 4);
	C_EQ("then EOF", fscanf(f, "%d", &y), EOF);
	fclose(f);

	f = open_text("x");
	C_EQ("EOF after a literal", fscanf(f, "x%d", &y), EOF);
	fclose(f);
}

int main(void)
{
	snprintf(file_path, sizeof file_path, "/tmp/muslin_stdio_fscanf_%d", (int)getpid());
	for (kind = 0; kind < KINDS; kind++) {
		test_records();
		test_lookahead();
		test_mixing();
		test_conversions();
		test_eof();
	}

	/* A stream that cannot be read: EOF and EBADF. */
	FILE *f = fopen(file_path, "w");
	int x;
	errno = 0;
	CHECK_EQ("fscanf write-only stream", fscanf(f, "%d", &x), EOF);
	CHECK_EQ("fscanf write-only EBADF", errno, EBADF);
	fclose(f);
	unlink(file_path);
	return check_failed;
}
