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
	return check_failed;
}
