/* sscanf/vsscanf and strtod/strtof/atof: conversions, widths, `*`, %n,
 * return values, endptr and ERANGE. Expected values follow glibc. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"

static int vs(const char *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vsscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

static void test_sscanf(void)
{
	int a = 0, b = 0, n = 0;
	unsigned u = 0;
	long l = 0;
	long long ll = 0;
	short h = 0;
	signed char hh = 0;
	char s1[16] = "", s2[16] = "", c3[4] = "";
	float f = 0;
	double d = 0;
	long double ld = 0;
	void *p = 0;
	size_t z = 0;

	CHECK_EQ("sscanf %d %d", sscanf("  12 -34", "%d %d", &a, &b), 2);
	CHECK("sscanf %d values", a == 12 && b == -34);
	CHECK_EQ("sscanf %i hex/oct", sscanf("0x1f 017 -9", "%i %i %i", &a, &b, &n), 3);
	CHECK("sscanf %i values", a == 31 && b == 15 && n == -9);
	CHECK_EQ("sscanf %u %o %x", sscanf("4000000000 777 DeadBeef", "%u %o %x", &u, &a, &b), 3);
	CHECK("sscanf %u %o %x values", u == 4000000000u && a == 0777 && (unsigned)b == 0xdeadbeef);
	CHECK_EQ("sscanf lengths", sscanf("-5 -6 -7 300 123456789012345", "%ld %hd %hhd %zu %lld", &l, &h, &hh, &z, &ll), 5);
	CHECK("sscanf lengths values", l == -5 && h == -6 && hh == -7 && z == 300 && ll == 123456789012345LL);
	CHECK_EQ("sscanf width", sscanf("123456", "%2d%3d", &a, &b), 2);
	CHECK("sscanf width values", a == 12 && b == 345);
	CHECK_EQ("sscanf suppress", sscanf("1 2 3", "%d %*d %d", &a, &b), 2);
	CHECK("sscanf suppress values", a == 1 && b == 3);
	CHECK_EQ("sscanf %s %c", sscanf("  hello world", "%s %3c", s1, c3), 2);
	CHECK("sscanf %s %c values", strcmp(s1, "hello") == 0 && memcmp(c3, "wor", 3) == 0);
	CHECK_EQ("sscanf %[", sscanf("abc123:rest", "%[a-z]%[0-9]", s1, s2), 2);
	CHECK("sscanf %[ values", strcmp(s1, "abc") == 0 && strcmp(s2, "123") == 0);
	CHECK_EQ("sscanf %[^", sscanf("key=value", "%[^=]=%s", s1, s2), 2);
	CHECK("sscanf %[^ values", strcmp(s1, "key") == 0 && strcmp(s2, "value") == 0);
	CHECK_EQ("sscanf %n", sscanf("ab 12", "ab %d%n", &a, &n), 1);
	CHECK("sscanf %n value", a == 12 && n == 5);
	CHECK_EQ("sscanf floats", sscanf("1.5 -2.25e3 0x1p-2 inf", "%f %lf %Lf %lf", &f, &d, &ld, &d), 4);
	CHECK("sscanf float values", f == 1.5f && ld == 0.25L && d > 1e308);
	CHECK_EQ("sscanf %Lf", sscanf("-3.125", "%Lf", &ld), 1);
	CHECK("sscanf %Lf value", ld == -3.125L);
	CHECK_EQ("sscanf %Lf tiny", sscanf("4.9406564584124654e-324", "%Lf", &ld), 1);
	CHECK("sscanf %Lf tiny value", ld == 4.9406564584124654e-324L);
	CHECK_EQ("sscanf %p", sscanf("0x1234", "%p", &p), 1);
	CHECK("sscanf %p value", p == (void *)0x1234);
	CHECK_EQ("sscanf literal %%", sscanf("50% off", "%d%% %s", &a, s1), 2);
	CHECK_EQ("sscanf matching failure", sscanf("12 abc", "%d %d", &a, &b), 1);
	CHECK_EQ("sscanf no match", sscanf("abc", "%d", &a), 0);
	CHECK_EQ("sscanf empty input EOF", sscanf("", "%d", &a), EOF);
	CHECK_EQ("sscanf blank input EOF", sscanf("   ", "%d", &a), EOF);
	CHECK_EQ("vsscanf", vs("7,8", "%d,%d", &a, &b), 2);
	CHECK("vsscanf values", a == 7 && b == 8);
}

static void test_strtod(void)
{
	char *end;
	const char *s;

	s = "  -1.5e3xyz";
	CHECK("strtod basic", strtod(s, &end) == -1500.0 && end == s + 8);
	s = "0x1.8p3";
	CHECK("strtod hex", strtod(s, &end) == 12.0 && end == s + 7);
	s = "1e";
	CHECK("strtod incomplete exponent", strtod(s, &end) == 1.0 && end == s + 1);
	s = "abc";
	CHECK("strtod no conversion", strtod(s, &end) == 0.0 && end == s);
	s = "-INFINITY";
	CHECK("strtod infinity", strtod(s, &end) < -1e308 && end == s + 9);
	s = "nan(123)x";
	double nan = strtod(s, &end);
	CHECK("strtod nan", nan != nan && end == s + 8);
	s = "0.1";
	CHECK("strtod 0.1 correctly rounded", strtod(s, 0) == 0.1);
	CHECK("strtod halfway rounds to even", strtod("9007199254740993", 0) == 9007199254740992.0);
	CHECK("strtod long digits", strtod("2.2250738585072011e-308", 0) == 2.2250738585072011e-308);
	errno = 0;
	CHECK("strtod overflow", strtod("1e400", &end) > 1e308 && errno == ERANGE);
	errno = 0;
	CHECK("strtod underflow", strtod("1e-400", &end) == 0.0 && errno == ERANGE);
	errno = 0;
	CHECK("strtod subnormal ERANGE", strtod("1e-310", 0) > 0 && errno == ERANGE);
	errno = 0;
	CHECK("strtod normal no ERANGE", strtod("1e-300", 0) > 0 && errno == 0);
	errno = 0;
	CHECK("strtod min subnormal exact", strtod("0x1p-1074", 0) == 4.9406564584124654e-324);
	CHECK_EQ("strtod exact subnormal errno", errno, 0);

	s = "3.4028235e38";
	CHECK("strtof max", strtof(s, &end) == 3.4028235e38f && end == s + 12);
	CHECK("strtof rounds once", strtof("1.00000005960464477539062500000001", 0) == 1.00000012f);
	errno = 0;
	CHECK("strtof overflow", strtof("1e39", 0) == __builtin_inff() && errno == ERANGE);
	errno = 0;
	CHECK("strtof underflow", strtof("1e-50", 0) == 0 && errno == ERANGE);
	CHECK("atof", atof(" 2.5") == 2.5);
}

int main(void)
{
	test_sscanf();
	test_strtod();
	return check_failed;
}
