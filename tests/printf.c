/* The printf family, every conversion with flags, widths, precisions,
 * `*`, positional arguments and length modifiers, compared byte for byte
 * with what glibc prints (expected strings generated once with the host
 * glibc's snprintf). Also snprintf truncation, sprintf, asprintf, dprintf
 * to a pipe, %n, and errors. */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>
#include "check.h"

static char got[1024];

/* T(want, fmt, args...): snprintf gives `want` and returns its length. */
#define T(want, ...)                                                           \
	do {                                                                   \
		int r_ = snprintf(got, sizeof got, __VA_ARGS__);               \
		int ok_ = strcmp(got, want) == 0 && r_ == (int)strlen(want);   \
		check(#__VA_ARGS__, ok_, "output differs");                    \
		if (!ok_) {                                                    \
			put("  got  [");                                       \
			put(got);                                              \
			put("] ");                                             \
			put_num(r_);                                           \
			put("\n  want [" want "]\n");                          \
		}                                                              \
	} while (0)

static void test_conversions(void)
{
	T("0|-42|2147483647",
	  "%d|%i|%d", 0, -42, 2147483647);
	T("-2147483648",
	  "%d", (-2147483647-1));
	T("[   42][42   ][00042][+42][ 42][-0042]",
	  "[%5d][%-5d][%05d][%+d][% d][%+05d]", 42, 42, 42, 42, 42, -42);
	T("[007][][     ][+0012   ][    -005]",
	  "[%.3d][%.0d][%5.0d][%-+8.4d][%08.3d]", 7, 0, 0, 12, -5);
	T("44|44|4464|4464",
	  "%hhd|%hhu|%hd|%hu", 300, 300, 70000, 70000);
	T("-9|9|ff",
	  "%ld|%lu|%lx", -9L, 9UL, 255UL);
	T("-9223372036854775808|18446744073709551615",
	  "%lld|%llu", -9223372036854775807LL-1, 18446744073709551615ULL);
	T("-5|123|-3|-77",
	  "%jd|%zu|%zd|%td", (long long)-5, (size_t)123, (ssize_t)-3, (ptrdiff_t)-77);
	T("4294967295|10|deadbeef|DEADBEEF",
	  "%u|%o|%x|%X", 4294967295u, 8u, 3735928559u, 3735928559u);
	T("[010][0xff][0XFF][0][0][001]",
	  "[%#o][%#x][%#X][%#o][%#x][%#.3o]", 8u, 255u, 255u, 0u, 0u, 1u);
	T("[      0xff][0xff      ][0x000000ff][      00ff]",
	  "[%#10x][%-#10x][%#010x][%10.4x]", 255u, 255u, 255u, 255u);
	T("[a][  b][c  ]",
	  "[%c][%3c][%-3c]", 'a', 'b', 'c');
	T("[hello][        hi][hi        ][he][       hel]",
	  "[%s][%10s][%-10s][%.2s][%10.3s]", "hello", "hi", "hi", "hello", "hello");
	T("[(null)][][  (null)]",
	  "[%s][%.3s][%8s]", (char*)0, (char*)0, (char*)0);
	T("[0x1234][      0xab][0xab      ]",
	  "[%p][%10p][%-10p]", (void*)0x1234, (void*)0xab, (void*)0xab);
	T("[(nil)]",
	  "[%p]", (void*)0);
	T("100% [%]",
	  "100%% [%%]");
	T("[     1][2     ][3     ][004][5]",
	  "[%*d][%-*d][%*d][%.*d][%.*d]", 6, 1, 6, 2, -6, 3, 3, 4, -1, 5);
	T("[hello world][    9]",
	  "[%2$s %1$s][%3$*4$d]", "world", "hello", 9, 5);
	T("[255 ff 3.14]",
	  "[%1$d %1$x %2$.*3$f]", 255, 3.14159, 2);
	T("[1.500000][2.250000][2][0.1][0.3333333333]",
	  "[%f][%F][%.0f][%.1f][%.10f]", 1.5, 2.25, 2.5, 0.05, 1.0/3);
	T("[1.234568e+04][1.230000E-04][5e+10][-1.000e+00][0.000000e+00]",
	  "[%e][%E][%.0e][%.3e][%e]", 12345.678, 0.000123, 5e10, -1.0, 0.0);
	T("[100000][1E-05][1e+06][1.23457e+08][0.0001][3.14][1.00000][2.00]",
	  "[%g][%G][%g][%g][%g][%.3g][%#g][%#.3g]", 100000.0, 1e-5, 1e6, 123456789.0, 0.0001, 3.14159, 1.0, 2.0);
	T("[0.0001][1e-05][0.5][0.10000000000000000555]",
	  "[%g][%g][%.0g][%.20g]", 1e-4, 1e-5, 0.5, 0.1);
	T("[     3.142][3.14e+00  ][+1.000000][ 1.000000][-000003.50][+000003.50]",
	  "[%10.3f][%-10.2e][%+f][% f][%010.2f][%+010.2f]", 3.14159, 3.14159, 1.0, 1.0, -3.5, 3.5);
	T("[inf][-INF][inf][-inf][  inf][inf  |][  inf]",
	  "[%f][%F][%e][%g][%5f][%-5f|][%05f]", 1.0/0, -1.0/0, 1.0/0, -1.0/0, 1.0/0, 1.0/0, 1.0/0);
	T("[nan][-NAN][-nan][NAN]",
	  "[%f][%F][%e][%G]", __builtin_nan(""), -__builtin_nan(""), -__builtin_nan(""), __builtin_nan(""));
	T("[-0.000000][-0.000][-0.000000e+00]",
	  "[%f][%.3f][%e]", -0.0, -0.0, -0.0);
	T("[0x1p+0][0X1.FFP+7][-0x1.999999999999ap-4][0x1.55p-2][0x2p+0][0x0p+0]",
	  "[%a][%A][%a][%.2a][%.0a][%a]", 1.0, 255.5, -0.1, 1.0/3, 1.5, 0.0);
	T("[0x0.0000000000001p-1022][0x1p-1022]",
	  "[%a][%a]", 4.9406564584124654e-324, 2.2250738585072014e-308);
	T("[3.][3.e+00][0]",
	  "[%#.0f][%#.0e][%#x]", 3.0, 3.0, 0u);
	T("[0.000000000000000]",
	  "[%.15f]", 1e-20);
	T("[1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000]",
	  "[%f]", 1e300);
	T("[0.10000000000000001][4.9406564584124654e-324][2.001]",
	  "[%.17g][%.17g][%.3f]", 0.1, 5e-324, 2.0005);
	T("[1.500000][-2.250000e+10][0.125]",
	  "[%Lf][%Le][%Lg]", 1.5L, -2.25e10L, 0.125L);
	/* %La shows the format's own digits: x87 has an explicit integer bit. */
#if LDBL_MANT_DIG == 64
	T("[0x8p-3]", "[%La]", 1.0L);
#else
	T("[0x1p+0]", "[%La]", 1.0L);
#endif
	T("[1.250000|7|-3.500000|8]",
	  "[%Lf|%d|%Lf|%d]", 1.25L, 7, -3.5L, 8);
	T("[1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000][99]",
	  "[%.3Lf][%d]", (long double)1e300, 99);
	T("[   ab|12 |z]",
	  "[%5s|%-3d|%c]", "ab", 12, 'z');
	T("[1234567]",
	  "[%'d]", 1234567);
	T("[A]",
	  "[%lc]", (int)'A');
	T("[wide][wi]",
	  "[%ls][%.2ls]", L"wide", L"wide");
	T("[ff][ffff][377]",
	  "[%hhx][%hx][%hho]", 511, 131071, 511);
	T("[+005][   -5][ 5   ]",
	  "[%+.3d][% 5d][%- 5d]", 5, -5, 5);
	T("[123456789abcdef][01234567012345670][FEDCBA9876543210]",
	  "[%llx][%#llo][%llX]", 0x123456789abcdefULL, 01234567012345670ULL, 0xfedcba9876543210ULL);
	T("[abc][def]",
	  "[%zx][%tx]", (size_t)0xabc, (ptrdiff_t)0xdef);
	T("[0][2][2][4]",
	  "[%.0f][%.0f][%.0f][%.0f]", 0.5, 1.5, 2.5, 3.5);
	T("[1.00][1.12][0.2]",
	  "[%.2f][%.2f][%.1f]", 1.005, 1.125, 0.25);
	T("[1e+100][1.5e-300][123456]",
	  "[%g][%g][%g]", 1e100, 1.5e-300, 123456.5);
	T("[   1.7976931349e+308]",
	  "[%20.10e]", 1.7976931348623157e308);
}

static int vs(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return r;
}

static int vas(char **out, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vasprintf(out, fmt, ap);
	va_end(ap);
	return r;
}

static void test_buffers(void)
{
	char b[16];
	memset(b, 'x', sizeof b);
	CHECK_EQ("snprintf truncates: length", snprintf(b, 6, "hello %d", 12345), 11);
	CHECK("snprintf truncates: text", memcmp(b, "hello\0xx", 8) == 0);
	memset(b, 'x', sizeof b);
	CHECK_EQ("snprintf n=1", snprintf(b, 1, "abc"), 3);
	CHECK("snprintf n=1 text", b[0] == 0 && b[1] == 'x');
	CHECK_EQ("snprintf NULL 0", snprintf(NULL, 0, "%d-%s", 123, "ab"), 6);
	memset(b, 'x', sizeof b);
	CHECK_EQ("snprintf n=0 keeps", snprintf(b, 0, "abc"), 3);
	CHECK("snprintf n=0 text", b[0] == 'x');
	CHECK_EQ("snprintf exact fit", snprintf(b, 4, "abc"), 3);
	CHECK("snprintf exact fit text", strcmp(b, "abc") == 0);
	CHECK_EQ("vsnprintf", vs(b, 8, "%s|%d|%.1f", "ab", -7, 2.25), 9);
	CHECK("vsnprintf text", strcmp(b, "ab|-7|2") == 0);
	CHECK_EQ("sprintf", sprintf(b, "%05.1f%c", 3.14159, '!'), 6);
	CHECK("sprintf text", strcmp(b, "003.1!") == 0);
	CHECK_EQ("sprintf empty", sprintf(b, "%s", ""), 0);
	CHECK("sprintf empty text", b[0] == 0);

	char *s = NULL;
	CHECK_EQ("asprintf", asprintf(&s, "%s-%d-%x", "muslin", 42, 255u), 12);
	CHECK("asprintf text", s && strcmp(s, "muslin-42-ff") == 0);
	free(s);
	s = NULL;
	CHECK_EQ("asprintf long", asprintf(&s, "%500d|%s", 1, "end"), 504);
	CHECK("asprintf long text", s && s[0] == ' ' && s[498] == ' ' && strcmp(s + 499, "1|end") == 0);
	free(s);
	s = NULL;
	CHECK_EQ("vasprintf", vas(&s, "%.3e", 12345.0), 9);
	CHECK("vasprintf text", s && strcmp(s, "1.234e+04") == 0);
	free(s);
	s = NULL;
	CHECK_EQ("asprintf empty", asprintf(&s, "%s", ""), 0);
	CHECK("asprintf empty text", s && s[0] == 0);
	free(s);

	int n1 = -1, n3 = -1;
	signed char n0 = -1;
	short n2 = -1;
	long long n4 = -1;
	size_t n5 = 0;
	CHECK_EQ("%n", snprintf(b, sizeof b, "ab%ncde%hhn%hn%lln%zn|%n", &n1, &n0, &n2, &n4, &n5, &n3), 6);
	CHECK("%n values", n1 == 2 && n0 == 5 && n2 == 5 && n4 == 5 && n5 == 5 && n3 == 6);

	CHECK_EQ("invalid conversion verbatim", snprintf(b, sizeof b, "a%d%yb%d", 1, 2), 7);
	CHECK("invalid conversion text", strcmp(b, "a1%yb%d") == 0);
	errno = 0;
	CHECK_EQ("%lc EILSEQ", snprintf(b, sizeof b, "%lc", 0xd800), -1);
	CHECK_EQ("%lc EILSEQ errno", errno, EILSEQ);
}

static void test_dprintf(void)
{
	int fds[2];
	char b[512];
	CHECK_EQ("pipe", pipe(fds), 0);
	CHECK_EQ("dprintf", dprintf(fds[1], "x=%d y=%s %.2f\n", 5, "yes", 0.125), 15);
	/* Longer than dprintf's internal buffer. */
	CHECK_EQ("dprintf long", dprintf(fds[1], "%300s|", "z"), 301);
	close(fds[1]);
	int n = 0, r;
	while ((r = read(fds[0], b + n, sizeof b - 1 - n)) > 0)
		n += r;
	b[n] = 0;
	CHECK_EQ("dprintf bytes", n, 316);
	CHECK("dprintf text", memcmp(b, "x=5 y=yes 0.12\n", 15) == 0 && b[15] == ' ' && strcmp(b + 314, "z|") == 0);
	close(fds[0]);
	errno = 0;
	CHECK_EQ("dprintf EBADF", dprintf(-1, "abc"), -1);
	CHECK_EQ("dprintf EBADF errno", errno, EBADF);
}

int main(void)
{
	test_conversions();
	test_buffers();
	test_dprintf();
	return check_failed;
}
