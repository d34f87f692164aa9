/* fscanf and vfscanf on streams: several records a line, what a conversion
 * leaves in the stream (one byte of look-ahead, pushed back, as glibc),
 * EOF and matching failures, fscanf mixed with fgets/fgetc/ungetc/ftell,
 * %n, %[, %c, %*, widths and floats; every case once on a buffered stream
 * and once on one made unbuffered (_IONBF) before its first read. Paths
 * carry the pid: x.py runs the native and qemu builds at the same time. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static char path_buf[64];
static int unbuffered;
static char name_buf[96];

/* The case name, with " nobuf" on the unbuffered pass. */
static const char *nm(const char *s)
{
	snprintf(name_buf, sizeof name_buf, "%s%s", s, unbuffered ? " nobuf" : "");
	return name_buf;
}

/* A fresh stream reading exactly the bytes of s. */
static FILE *stream_of(const char *s)
{
	int fd = open(path_buf, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, s, strlen(s));
	close(fd);
	FILE *f = fopen(path_buf, "r");
	if (f && unbuffered)
		setvbuf(f, NULL, _IONBF, 0);
	return f;
}

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
	FILE *f = stream_of("1 alpha 1.5\n  22 beta -2.25\n333\tgamma 1e3\n");
	int id, r, n = 0, ok = 1;
	char name[16];
	double v;
	static const int ids[] = {1, 22, 333};
	static const char *const names[] = {"alpha", "beta", "gamma"};
	static const double vals[] = {1.5, -2.25, 1000.0};
	while ((r = fscanf(f, "%d %15s %lf\n", &id, name, &v)) == 3) {
		if (n >= 3 || id != ids[n] || strcmp(name, names[n]) != 0 || v != vals[n])
			ok = 0;
		n++;
	}
	CHECK_EQ(nm("records count"), n, 3);
	CHECK(nm("records values"), ok);
	CHECK_EQ(nm("records end EOF"), r, EOF);
	CHECK(nm("records feof"), feof(f) && !ferror(f));
	fclose(f);

	f = stream_of("7 8\n9");
	int a = 0, b = 0, c = 0;
	CHECK_EQ(nm("vfscanf"), vf(f, "%d%d%d", &a, &b, &c), 3);
	CHECK(nm("vfscanf values"), a == 7 && b == 8 && c == 9);
	CHECK_EQ(nm("vfscanf EOF"), vf(f, "%d", &a), EOF);
	fclose(f);
}

static void test_lookahead(void)
{
	int x = 0;
	FILE *f = stream_of("12abc");
	CHECK_EQ(nm("%d stops at letter"), fscanf(f, "%d", &x), 1);
	CHECK_EQ(nm("%d value"), x, 12);
	CHECK_EQ(nm("ftell after %d"), ftell(f), 2);
	CHECK_EQ(nm("fgetc after %d"), fgetc(f), 'a');
	fclose(f);

	f = stream_of("abc");
	x = 99;
	CHECK_EQ(nm("%d matching failure"), fscanf(f, "%d", &x), 0);
	CHECK_EQ(nm("matching failure stores nothing"), x, 99);
	CHECK_EQ(nm("matching failure pushes back"), fgetc(f), 'a');
	fclose(f);

	/* Only the byte looked at goes back: "-" is consumed. */
	f = stream_of("-x");
	CHECK_EQ(nm("%d on sign only"), fscanf(f, "%d", &x), 0);
	CHECK_EQ(nm("sign consumed, x pushed back"), fgetc(f), 'x');
	fclose(f);

	/* glibc: %lf takes "100e", stores 100, the rest stays. */
	double d = 0;
	char s[16] = "";
	f = stream_of("100ergs");
	CHECK_EQ(nm("100ergs"), fscanf(f, "%lf%15s", &d, s), 2);
	CHECK(nm("100ergs values"), d == 100.0 && strcmp(s, "rgs") == 0);
	fclose(f);

	f = stream_of("3.25e1xyz 0x1Fg 017 -0.5");
	unsigned hx = 0;
	int oct = 0;
	float fl = 0;
	CHECK_EQ(nm("%lf %x %i %f"), fscanf(f, "%lfxyz %x", &d, &hx), 2);
	CHECK(nm("%lf %x values"), d == 32.5 && hx == 0x1f);
	CHECK_EQ(nm("after %x"), fgetc(f), 'g');
	CHECK_EQ(nm("%i octal, %f"), fscanf(f, "%i%f", &oct, &fl), 2);
	CHECK(nm("%i %f values"), oct == 017 && fl == -0.5f);
	fclose(f);

	f = stream_of("abcdefgh 1 2 3");
	CHECK_EQ(nm("%3s"), fscanf(f, "%3s", s), 1);
	CHECK(nm("%3s value"), strcmp(s, "abc") == 0);
	CHECK_EQ(nm("after %3s"), fgetc(f), 'd');
	int y = 0;
	CHECK_EQ(nm("%*s %*d"), fscanf(f, "%*s %*d %d", &y), 1);
	CHECK_EQ(nm("%*s %*d value"), y, 2);
	fclose(f);

	f = stream_of("a:b");
	char ch = 0;
	CHECK_EQ(nm("literal mismatch"), fscanf(f, "a-%c", &ch), 0);
	CHECK_EQ(nm("literal mismatch pushes back"), fgetc(f), ':');
	fclose(f);
}

static void test_eof(void)
{
	int x = 5;
	FILE *f = stream_of("");
	CHECK_EQ(nm("empty file EOF"), fscanf(f, "%d", &x), EOF);
	CHECK(nm("empty file feof"), feof(f) && x == 5);
	fclose(f);

	f = stream_of("  \n\t ");
	CHECK_EQ(nm("blank file EOF"), fscanf(f, "%d", &x), EOF);
	fclose(f);

	f = stream_of("4 x");
	int y = 0;
	CHECK_EQ(nm("EOF after a conversion"), fscanf(f, "%d x%d", &x, &y), 1);
	CHECK_EQ(nm("EOF after a conversion value"), x, 4);
	CHECK_EQ(nm("then EOF"), fscanf(f, "%d", &y), EOF);
	fclose(f);

	f = stream_of("x");
	CHECK_EQ(nm("EOF before first conversion"), fscanf(f, "x%d", &y), EOF);
	fclose(f);
}

static void test_mixing(void)
{
	char buf[32];
	int x = 0;
	FILE *f = stream_of("10\nrest of line\n20 tail\n");
	CHECK_EQ(nm("fscanf then fgets"), fscanf(f, "%d", &x), 1);
	CHECK(nm("fgets gets the newline left"), fgets(buf, sizeof buf, f) && strcmp(buf, "\n") == 0);
	CHECK(nm("fgets next line"), fgets(buf, sizeof buf, f) && strcmp(buf, "rest of line\n") == 0);
	CHECK_EQ(nm("fscanf after fgets"), fscanf(f, "%d", &x), 1);
	CHECK_EQ(nm("fscanf after fgets value"), x, 20);
	CHECK(nm("fgets after fscanf"), fgets(buf, sizeof buf, f) && strcmp(buf, " tail\n") == 0);
	fclose(f);

	f = stream_of("34 x");
	CHECK_EQ(nm("fgetc before ungetc"), fgetc(f), '3');
	CHECK_EQ(nm("ungetc before fscanf"), ungetc('7', f), '7');
	CHECK_EQ(nm("fscanf reads pushed byte"), fscanf(f, "%d", &x), 1);
	CHECK_EQ(nm("pushed byte value"), x, 74);
	CHECK_EQ(nm("ftell after ungetc and fscanf"), ftell(f), 2);
	fclose(f);

	f = stream_of("abc");
	ungetc('9', f);
	CHECK_EQ(nm("ungetc digit then letters"), fscanf(f, "%d", &x), 1);
	CHECK_EQ(nm("ungetc digit value"), x, 9);
	CHECK_EQ(nm("letters still there"), fgetc(f), 'a');
	fclose(f);
}

static void test_directives(void)
{
	int x = 0, n1 = -1, n2 = -1;
	FILE *f = stream_of("  42  rest");
	CHECK_EQ(nm("%n"), fscanf(f, "%d%n %n", &x, &n1, &n2), 1);
	CHECK(nm("%n values"), x == 42 && n1 == 4 && n2 == 6);
	CHECK_EQ(nm("after %n"), fgetc(f), 'r');
	n1 = -1;
	CHECK_EQ(nm("%n counts per call"), fscanf(f, "%*s%n", &n1), 0);
	CHECK_EQ(nm("%n per call value"), n1, 3);
	fclose(f);

	char k[16] = "", v[16] = "";
	f = stream_of("key=value;next");
	CHECK_EQ(nm("%["), fscanf(f, "%15[^=]=%15[^;];", k, v), 2);
	CHECK(nm("%[ values"), strcmp(k, "key") == 0 && strcmp(v, "value") == 0);
	CHECK_EQ(nm("after %["), fgetc(f), 'n');
	fclose(f);

	f = stream_of("aaab12");
	CHECK_EQ(nm("%[ set"), fscanf(f, "%[a]", k), 1);
	CHECK(nm("%[ set value"), strcmp(k, "aaa") == 0);
	CHECK_EQ(nm("%[ no match"), fscanf(f, "%[a]", k), 0);
	CHECK_EQ(nm("%[ width"), fscanf(f, "%2[b1-9]", k), 1);
	CHECK(nm("%[ width value"), strcmp(k, "b1") == 0);
	CHECK_EQ(nm("after %[ width"), fgetc(f), '2');
	fclose(f);

	char c1 = 0, c2[3] = "", c3 = 0;
	f = stream_of("abc def");
	CHECK_EQ(nm("%c"), fscanf(f, "%c%2c %c", &c1, c2, &c3), 3);
	CHECK(nm("%c values"), c1 == 'a' && c2[0] == 'b' && c2[1] == 'c' && c3 == 'd');
	CHECK_EQ(nm("after %c"), fgetc(f), 'e');
	fclose(f);

	f = stream_of(" \nz");
	CHECK_EQ(nm("%c takes space"), fscanf(f, "%c", &c1), 1);
	CHECK_EQ(nm("%c space value"), c1, ' ');
	CHECK_EQ(nm("%c after space"), fscanf(f, " %c", &c1), 1);
	CHECK_EQ(nm("%c skipped newline"), c1, 'z');
	CHECK_EQ(nm("%c at end"), fscanf(f, "%c", &c1), EOF);
	fclose(f);

	/* A field longer than a stdio buffer. */
	static char big[6000], got[6000];
	memset(big, 'q', sizeof big - 2);
	big[sizeof big - 2] = '!';
	f = stream_of(big);
	CHECK_EQ(nm("%[ over BUFSIZ"), fscanf(f, "%5999[q]", got), 1);
	CHECK_EQ(nm("%[ over BUFSIZ length"), strlen(got), sizeof big - 2);
	CHECK_EQ(nm("after %[ over BUFSIZ"), fgetc(f), '!');
	fclose(f);
}

int main(void)
{
	snprintf(path_buf, sizeof path_buf, "/tmp/muslin_stdio_scanf_%d", (int)getpid());
	for (unbuffered = 0; unbuffered < 2; unbuffered++) {
		test_records();
		test_lookahead();
		test_eof();
		test_mixing();
		test_directives();
	}
	unlink(path_buf);
	return check_failed;
}
