/* long double printf (%Lf %Le %Lg %La), strtold and sscanf %Lf: fixed
 * cases with glibc's output for this arch's long double format (x87
 * 80-bit, IEEE binary128, double, IBM double-double), one table per
 * format. ld_diff.c compares random values with glibc itself. */
#include <errno.h>
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

#define N 14

/* The case `name` passes when `got` is `want`; both are shown if not. */
static void check_str(const char *name, const char *got, const char *want)
{
	int ok = strcmp(got, want) == 0;
	check(name, ok, "output differs");
	if (!ok) {
		put("  got \"");
		put(got);
		put("\", want \"");
		put(want);
		put("\"\n");
	}
}

static const char *const want[] = {
#if LDBL_MANT_DIG == 64
	"0.333333",
	"1.000000000000000000013552527156e-01",
	"0xc.ccccccccccccccdp-7",
	"1e+100",
	"2",
	"0xa.555p-4",
	"1.189731e+4932",
	"3.3621e-4932",
	"0X2P-16385",
	"-123.46",
	"1.0000e-30    |",
	"nan",
	"-INF",
	"4.9999999999999999998e-324",
	"0xc.ccccccccccccccdp-7 0",
	"inf 1",
	"0x0p+0 1",
	"0x8p-2 0",
#elif LDBL_MANT_DIG == 113
	"0.333333",
	"1.000000000000000000000000000000e-01",
	"0x1.999999999999999999999999999ap-4",
	"1e+100",
	"2",
	"0x1.4abp-1",
	"1.189731e+4932",
	"3.3621e-4932",
	"0X0.4P-16382",
	"-123.46",
	"1.0000e-30    |",
	"nan",
	"-INF",
	"5e-324",
	"0x1.999999999999999999999999999ap-4 0",
	"inf 1",
	"0x0p+0 1",
	"0x1p+1 0",
#elif LDBL_MANT_DIG == 106
	"0.333333",
	"1.000000000000000000000000000000e-01",
	"0x1.999999999999999999999999998p-4",
	"1e+100",
	"2",
	"0x1.4abp-1",
	"1.797693e+308",
	"2.00417e-292",
	"0X1P-971",
	"-123.46",
	"1.0000e-30    |",
	"nan",
	"-INF",
	"4.9406564584124654418e-324",
	"0x1.999999999999999999999999998p-4 0",
	"inf 1",
	"0x0p+0 1",
	"0x1p+1 0",
#else
	"0.333333",
	"1.000000000000000055511151231258e-01",
	"0x1.999999999999ap-4",
	"1e+100",
	"2",
	"0x1.4abp-1",
	"1.797693e+308",
	"2.22507e-308",
	"0X0.4P-1022",
	"-123.46",
	"1.0000e-30    |",
	"nan",
	"-INF",
	"4.9406564584124654418e-324",
	"0x1.999999999999ap-4 0",
	"inf 1",
	"0x0p+0 1",
	"0x1p+1 0",
#endif
};

#if LDBL_MANT_DIG == 106
/* Double-double pairs (high, low double bits) whose decimal glibc forms
 * from a 106-bit significand: the low part's magnitude cut toward zero
 * 7 bits below that, its sign folded in by subtraction, then the 7 bits
 * dropped; not the exact sum. glibc 2.36's output. */
static const struct {
	unsigned long long hi, lo;
	const char *fmt, *want;
} dd[] = {
	{0x3ff0000000000000ull, 0xbc9fffffffffffffull, "%.40Le", "9.9999999999999988897769753748435828358848e-01"},
	{0x3ff0000000000000ull, 0xbc8123456789abcdull, "%.45Lf", "0.999999999999999970270694562815252256293145294"},
	{0x3ff0000000000000ull, 0xbb3123456789abcdull, "%.40Lg", "0.999999999999999999999985823962469516749"},
	{0x0340000000000000ull, 0x8000000000000001ull, "%.40Le", "5.0104209000224319449902701283749110540900e-293"},
	{0x4100000000000000ull, 0xbbe8d8837eed8000ull, "%.40Le", "1.3107199999999999999999995790965123797224e+05"},
	{0xc1d6a8a800000000ull, 0x3c0dc257b9400001ull, "%.40Le", "-1.5206072319999999999999999997983267492147e+09"},
	{0x7fefffffffffffffull, 0x8000000000000001ull, "%.40Le", "1.7976931348623157081452742373170435679807e+308"},
	{0x0360000000000000ull, 0x800fffffffffffffull, "%.40Le", "2.0041683600089725554887222006300731454357e-292"},
};

/* Checks the pairs in dd (on this little-endian format the high double
 * comes first in memory). */
static void check_dd(void)
{
	char b[512], name[64];
	for (unsigned i = 0; i < sizeof dd / sizeof dd[0]; i++) {
		double d[2];
		long double x;
		memcpy(&d[0], &dd[i].hi, 8);
		memcpy(&d[1], &dd[i].lo, 8);
		memcpy(&x, d, sizeof x);
		snprintf(b, sizeof b, dd[i].fmt, x);
		snprintf(name, sizeof name, "printf_dd_%u", i);
		check_str(name, b, dd[i].want);
	}
}
#endif

int main(void)
{
	long double v[N] = {1.0L/3, 0.1L, 0.1L, 1e100L, 2.5L, 1.9375L/3, LDBL_MAX, LDBL_MIN, LDBL_MIN/4, -123.456L, 1e-30L, __builtin_nanl(""), -1.0L/0.0L, 5e-324L};
	const char *f[N] = {"%Lf", "%.30Le", "%La", "%Lg", "%.0Lf", "%.3La", "%Le", "%Lg", "%LA", "%+#.5LG", "%-14.4Le|", "%Lf", "%LF", "%.20Lg"};
	char b[512], name[64];
	for (int i = 0; i < N; i++) {
		snprintf(b, sizeof b, f[i], v[i]);
		snprintf(name, sizeof name, "printf_%d", i);
		check_str(name, b, want[i]);
	}
	const char *s[4] = {"0.1", "1e5000", "1e-5000", "0x1.fffffffffffffffffffffffffffffffp0"};
	for (int i = 0; i < 4; i++) {
		char *end;
		errno = 0;
		long double x = strtold(s[i], &end);
		snprintf(b, sizeof b, "%La %d", x, errno == ERANGE);
		snprintf(name, sizeof name, "strtold_%d", i);
		check_str(name, b, want[N + i]);
		snprintf(name, sizeof name, "strtold_end_%d", i);
		CHECK(name, *end == 0);
		long double y = 0;
		snprintf(name, sizeof name, "sscanf_%d", i);
		CHECK(name, sscanf(s[i], "%Lf", &y) == 1 && memcmp(&x, &y, LDBL_MANT_DIG == 64 ? 10 : sizeof x) == 0);
	}
	/* A tie at the printed precision with a tail far past it (on the
	 * formats that hold the tail; the others hold the tie itself, which
	 * rounds to the same even digit): %Le once cut the tail away in a
	 * window that followed the leading digit and printed 5.7e+00. */
	long double tie[3] = {5.75L + 0x1p-100L, 71011015.0L + 0x1p-80L, 1.5L + 0x1p-105L};
	const char *tf[3] = {"%.1Le", "%Le", "%.0Le"};
	const char *tw[3] = {"5.8e+00", "7.101102e+07", "2e+00"};
	for (int i = 0; i < 3; i++) {
		snprintf(b, sizeof b, tf[i], tie[i]);
		snprintf(name, sizeof name, "printf_tie_tail_%d", i);
		check_str(name, b, tw[i]);
	}
#if LDBL_MANT_DIG == 106
	check_dd();
#endif
	return check_failed;
}
