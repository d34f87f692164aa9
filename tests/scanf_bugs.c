/* Conformance regressions of the printf and scanf families: a width or
 * precision over INT_MAX is EOVERFLOW (also * of INT_MIN); %p read back
 * from printf's %p, (nil) included; %Nc needs N bytes; %i of "0x" alone,
 * and float prefixes that are not numbers ("10e", "1e+", "0x", "0x.p",
 * "in", "nan(" unclosed) are matching failures as ISO C says (glibc
 * accepts several of them). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

static void overflow(void)
{
	char b[32];
	errno = 0;
	CHECK_EQ("printf width > INT_MAX", snprintf(b, sizeof b, "%2147483648d", 1), -1);
	CHECK_EQ("printf width errno", errno, EOVERFLOW);
	errno = 0;
	CHECK_EQ("printf prec > INT_MAX", snprintf(b, sizeof b, "%.2147483648f", 1.0), -1);
	CHECK_EQ("printf prec errno", errno, EOVERFLOW);
	errno = 0;
	CHECK_EQ("printf huge width", snprintf(b, sizeof b, "x%99999999999999999999s", "a"), -1);
	CHECK_EQ("printf huge width errno", errno, EOVERFLOW);
	errno = 0;
	CHECK_EQ("printf * INT_MIN", snprintf(b, sizeof b, "%*d", INT_MIN, 1), -1);
	CHECK_EQ("printf * INT_MIN errno", errno, EOVERFLOW);
	CHECK_EQ("printf * negative", snprintf(b, sizeof b, "%*d|", -4, 1), 5);
	CHECK("printf * negative text", strcmp(b, "1   |") == 0);
	CHECK_EQ("printf * negative prec", snprintf(b, sizeof b, "%.*d", -1, 7), 1);
	/* Total output over INT_MAX. */
	errno = 0;
	CHECK_EQ("printf total > INT_MAX", snprintf(NULL, 0, "%2147483647d%d", 1, 2), -1);
	CHECK_EQ("printf total errno", errno, EOVERFLOW);
	/* The stream functions too; nothing is printed from there. */
	FILE *f = fopen("/dev/null", "w");
	errno = 0;
	CHECK_EQ("fprintf width > INT_MAX", fprintf(f, "%2147483648d", 1), -1);
	CHECK_EQ("fprintf errno", errno, EOVERFLOW);
	fclose(f);
}

static void pointers(void)
{
	char b[64];
	void *p = (void *)b, *q = (void *)1;
	snprintf(b, sizeof b, "%p", p);
	CHECK_EQ("sscanf %p", sscanf(b, "%p", &q), 1);
	CHECK("sscanf %p value", q == p);
	snprintf(b, sizeof b, "%p", (void *)0);
	q = (void *)1;
	CHECK_EQ("sscanf %p (nil)", sscanf(b, "%p", &q), 1);
	CHECK("sscanf %p (nil) value", q == NULL);
	int n = 0;
	CHECK_EQ("sscanf %p (nil) rest", sscanf("(nil)x", "%p%n", &q, &n), 1);
	CHECK_EQ("sscanf %p (nil) consumed", n, 5);
	CHECK_EQ("sscanf %p (ni", sscanf("(ni", "%p", &q), 0);
	CHECK_EQ("sscanf %p 0x0", sscanf("0x0", "%p", &q), 1);
	CHECK("sscanf %p 0x0 value", q == NULL);
}

static void chars(void)
{
	char a[9] = {0}, b[9] = {0};
	CHECK_EQ("sscanf %8c%8c", sscanf("hello, world\n", "%8c%8c", a, b), 1);
	CHECK("sscanf %8c first", memcmp(a, "hello, w", 8) == 0);
	CHECK_EQ("sscanf %5c short", sscanf("abc", "%5c", a), EOF);
	CHECK_EQ("sscanf %3c exact", sscanf("abc", "%3c", a), 1);
	CHECK_EQ("sscanf %c", sscanf("", "%c", a), EOF);
}

static void numbers(void)
{
	int a = -1, b = -1;
	CHECK_EQ("sscanf %5i%2i", sscanf(" 0x12 0x34", "%5i%2i", &a, &b), 1);
	CHECK_EQ("sscanf %5i value", a, 0x12);
	CHECK_EQ("sscanf %5i%2i b untouched", b, -1);
	CHECK_EQ("sscanf %i 0x", sscanf("0x", "%i", &a), 0);
	CHECK_EQ("sscanf %x 0xg", sscanf("0xg", "%x", &a), 0);
	CHECK_EQ("sscanf %i 0x1f", sscanf("0x1f", "%i", &a), 1);
	CHECK_EQ("sscanf %i 0x1f value", a, 31);
	CHECK_EQ("sscanf %i 0", sscanf("0 x", "%i", &a), 1);
	CHECK_EQ("sscanf %i 0 value", a, 0);

	double d = -1;
	int n = -1;
	/* glibc returns 1 for "10e" (the value 10); ISO C and musl 0. */
	CHECK_EQ("sscanf %lf 10e", sscanf("10e", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf 1e+", sscanf("1e+", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf 1e+x", sscanf("1e+x", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf 0x", sscanf("0x", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf 0x.p", sscanf("0x.p", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf 0x1p", sscanf("0x1p", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf in", sscanf("in", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf infin", sscanf("infin", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf nan(", sscanf("nan(", "%lf", &d), 0);
	CHECK_EQ("sscanf %lf nan(abc", sscanf("nan(abc", "%lf", &d), 0);
	CHECK(" sscanf unchanged", d == -1);
	CHECK_EQ("sscanf %lf nan(abc)", sscanf("nan(abc)x", "%lf%n", &d, &n), 1);
	CHECK("sscanf nan(abc) value", d != d && n == 8);
	CHECK_EQ("sscanf %lf 1e5", sscanf("1e5", "%lf", &d), 1);
	CHECK("sscanf 1e5 value", d == 1e5);
	CHECK_EQ("sscanf %lf 0x1p4", sscanf("0x1p4", "%lf", &d), 1);
	CHECK("sscanf 0x1p4 value", d == 16);
	CHECK_EQ("sscanf %lf 0x.8", sscanf("0x.8", "%lf", &d), 1);
	CHECK("sscanf 0x.8 value", d == 0.5);
	CHECK_EQ("sscanf %lf 10e with more", sscanf("10 e", "%lf", &d), 1);
	CHECK("sscanf 10 value", d == 10);
	CHECK_EQ("sscanf %lf inf", sscanf("infinity", "%lf", &d), 1);
	/* A second field after a failed one is not reached. */
	CHECK_EQ("sscanf %d%lf 1e", sscanf("5 1e", "%d%lf", &a, &d), 1);
	/* A stream gives the same answers. */
	FILE *f = fmemopen((void *)"10e 7", 5, "r");
	CHECK_EQ("fscanf %lf 10e", fscanf(f, "%lf", &d), 0);
	fclose(f);
}

int main(void)
{
	overflow();
	pointers();
	chars();
	numbers();
	return check_failed;
}
