/* <limits.h> (the compiler's, chained, plus POSIX's values) and the
 * compiler's freestanding headers as a hosted program sees them through
 * the driver: <stdint.h>, <stddef.h>, <stdbool.h>, <stdalign.h>,
 * <stdnoreturn.h>, <iso646.h>, <float.h>, <stdarg.h>: values per arch. */
#include <float.h>
#include <iso646.h>
#include <limits.h>
#include <stdalign.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdnoreturn.h>
#include <stdlib.h>
#include <unistd.h>
#include "check.h"

static void test_limits(void)
{
	CHECK_EQ("CHAR_BIT", CHAR_BIT, 8);
	CHECK_EQ("SCHAR_MIN", SCHAR_MIN, -128);
	CHECK_EQ("UCHAR_MAX", UCHAR_MAX, 255);
	CHECK_EQ("CHAR_MIN matches char's signedness", CHAR_MIN, (char)-1 < 0 ? -128 : 0);
	CHECK_EQ("CHAR_MAX matches char's signedness", CHAR_MAX, (char)-1 < 0 ? 127 : 255);
	CHECK_EQ("SHRT_MIN", SHRT_MIN, -32768);
	CHECK_EQ("USHRT_MAX", USHRT_MAX, 65535);
	CHECK_EQ("INT_MAX", INT_MAX, 2147483647);
	CHECK("UINT_MAX", UINT_MAX == 4294967295u);
	CHECK("LONG_MAX is long's", LONG_MAX == (long)(~0ul >> 1) && LONG_MIN == -LONG_MAX - 1);
	CHECK("ULONG_MAX", ULONG_MAX == ~0ul);
	CHECK("LLONG_MAX", LLONG_MAX == 9223372036854775807ll && ULLONG_MAX == ~0ull);
	CHECK_EQ("MB_LEN_MAX holds UTF-8", MB_LEN_MAX, 4);
	CHECK("SSIZE_MAX", SSIZE_MAX == LONG_MAX && sizeof(ssize_t) == sizeof(long));
	CHECK_EQ("LONG_BIT", LONG_BIT, sizeof(long) * 8);
	CHECK_EQ("WORD_BIT", WORD_BIT, 32);
	CHECK_EQ("PATH_MAX", PATH_MAX, 4096);
	CHECK_EQ("NAME_MAX", NAME_MAX, 255);
	CHECK_EQ("PIPE_BUF", PIPE_BUF, 4096);
	CHECK_EQ("IOV_MAX", IOV_MAX, 1024);
	CHECK_EQ("LINE_MAX", LINE_MAX, 2048);
	CHECK_EQ("NGROUPS_MAX", NGROUPS_MAX, 65536);
	CHECK_EQ("HOST_NAME_MAX", HOST_NAME_MAX, 64);
	CHECK_EQ("LOGIN_NAME_MAX", LOGIN_NAME_MAX, 256);
	CHECK_EQ("TTY_NAME_MAX", TTY_NAME_MAX, 32);
	CHECK_EQ("PTHREAD_KEYS_MAX", PTHREAD_KEYS_MAX, 128);
	CHECK_EQ("PTHREAD_STACK_MIN", PTHREAD_STACK_MIN, 16384);
	CHECK_EQ("PTHREAD_DESTRUCTOR_ITERATIONS", PTHREAD_DESTRUCTOR_ITERATIONS, 4);
	CHECK_EQ("_POSIX_PATH_MAX", _POSIX_PATH_MAX, 256);
	CHECK_EQ("_POSIX_NAME_MAX", _POSIX_NAME_MAX, 14);
	CHECK_EQ("_POSIX_ARG_MAX", _POSIX_ARG_MAX, 4096);
	CHECK_EQ("_POSIX2_LINE_MAX", _POSIX2_LINE_MAX, 2048);
	CHECK_EQ("_XOPEN_IOV_MAX", _XOPEN_IOV_MAX, 16);
	CHECK("POSIX maxima at least the minima",
	      PATH_MAX >= _POSIX_PATH_MAX && NAME_MAX >= _POSIX_NAME_MAX && PIPE_BUF >= _POSIX_PIPE_BUF &&
		      IOV_MAX >= _XOPEN_IOV_MAX && LINE_MAX >= _POSIX2_LINE_MAX &&
		      NGROUPS_MAX >= _POSIX_NGROUPS_MAX && PTHREAD_KEYS_MAX >= _POSIX_THREAD_KEYS_MAX);
}

static void test_stdint(void)
{
	CHECK("INT8..64 limits", INT8_MIN == -128 && INT16_MAX == 32767 && INT32_MIN == -2147483647 - 1 &&
					 INT64_MAX == 9223372036854775807ll && UINT64_MAX == ~0ull);
	CHECK("exact widths", sizeof(int8_t) == 1 && sizeof(int16_t) == 2 && sizeof(int32_t) == 4 &&
				      sizeof(int64_t) == 8 && sizeof(uint64_t) == 8);
	CHECK("intptr_t holds a pointer", sizeof(intptr_t) == sizeof(void *) &&
						  UINTPTR_MAX == (uintptr_t)-1 && INTPTR_MAX == (intptr_t)(UINTPTR_MAX >> 1));
	CHECK("SIZE_MAX", SIZE_MAX == (size_t)-1);
	CHECK("PTRDIFF_MAX", PTRDIFF_MAX == (ptrdiff_t)(SIZE_MAX >> 1) && PTRDIFF_MIN == -PTRDIFF_MAX - 1);
	CHECK("INTMAX is 64 bits", sizeof(intmax_t) == 8 && INTMAX_MAX == INT64_MAX && UINTMAX_MAX == UINT64_MAX);
	CHECK("LEAST widths", sizeof(int_least8_t) == 1 && sizeof(int_least16_t) == 2 &&
				      sizeof(int_least32_t) == 4 && sizeof(int_least64_t) == 8);
	CHECK("FAST limits match their types",
	      INT_FAST16_MAX == (int_fast16_t)((uint_fast16_t)-1 >> 1) &&
		      INT_FAST32_MAX == (int_fast32_t)((uint_fast32_t)-1 >> 1) && UINT_FAST8_MAX == (uint_fast8_t)-1);
	CHECK("INT64_C UINT64_C INTMAX_C", INT64_C(-9223372036854775807) - 1 == INT64_MIN &&
						   UINT64_C(18446744073709551615) == UINT64_MAX && INTMAX_C(1) << 62 > 0);
	CHECK("SIG_ATOMIC and WCHAR limits", SIG_ATOMIC_MAX == INT_MAX && WCHAR_MAX >= 0x10ffff &&
						     (WCHAR_MIN == 0 || WCHAR_MIN == INT_MIN) && WINT_MAX >= 0x10ffff);
}

struct with_double {
	char c;
	double d;
};

static noreturn void stop(void)
{
	exit(0);
}

static int sum(int n, ...)
{
	va_list ap, aq;
	int s = 0;
	va_start(ap, n);
	va_copy(aq, ap);
	for (int i = 0; i < n; i++)
		s += va_arg(ap, int);
	s += va_arg(aq, int) * 1000; /* the first one again, through the copy */
	va_end(aq);
	va_end(ap);
	return s;
}

static void test_small_headers(void)
{
	CHECK("NULL", NULL == (void *)0);
	CHECK_EQ("offsetof", offsetof(struct with_double, d), alignof(double));
	CHECK("max_align_t", alignof(max_align_t) >= alignof(long double) && alignof(max_align_t) >= 8);
	CHECK("size_t and ptrdiff_t", sizeof(size_t) == sizeof(void *) && sizeof(ptrdiff_t) == sizeof(void *));
	CHECK("wchar_t is 32 bits", sizeof(wchar_t) == 4);
	bool b = 5;
	CHECK("bool", b == true && true == 1 && false == 0 && __bool_true_false_are_defined);
	alignas(64) static char aligned[3];
	CHECK("alignas/alignof", ((uintptr_t)aligned & 63) == 0 && alignof(int64_t) <= 8 &&
					  __alignas_is_defined && __alignof_is_defined);
	CHECK("iso646", (1 and 2) && (0 or 1) && (not 0) && (6 bitand 3) == 2 && (4 bitor 1) == 5 &&
				(5 xor 1) == 4 && (compl 0) == -1 && (1 not_eq 2));
	CHECK_EQ("stdarg with va_copy", sum(3, 4, 5, 6), 4015);
	if (b == false)
		stop(); /* never: noreturn compiles */
}

static void test_float(void)
{
	CHECK_EQ("FLT_RADIX", FLT_RADIX, 2);
	CHECK_EQ("FLT_MANT_DIG", FLT_MANT_DIG, 24);
	CHECK_EQ("DBL_MANT_DIG", DBL_MANT_DIG, 53);
	CHECK_EQ("DBL_DIG", DBL_DIG, 15);
	CHECK_EQ("DBL_MAX_EXP", DBL_MAX_EXP, 1024);
	CHECK("FLT_MAX DBL_MAX DBL_MIN DBL_EPSILON", FLT_MAX == 0x1.fffffep127f && DBL_MAX == 0x1.fffffffffffffp1023 &&
							     DBL_MIN == 0x1p-1022 && DBL_EPSILON == 0x1p-52);
	CHECK("DBL_TRUE_MIN", DBL_TRUE_MIN == 0x1p-1074 && FLT_TRUE_MIN == 0x1p-149f);
	CHECK_EQ("FLT_DECIMAL_DIG", FLT_DECIMAL_DIG, 9);
	CHECK_EQ("DBL_DECIMAL_DIG", DBL_DECIMAL_DIG, 17);
	CHECK_EQ("FLT_ROUNDS", FLT_ROUNDS, 1);
	/* long double: x87 80-bit on x86, double on arm, double-double on
	 * powerpc64le, binary128 elsewhere. */
#if defined(__i386__) || defined(__x86_64__)
	int want_ldbl = 64, want_eval = 0, want_decimal = 21;
#	if defined(__i386__)
	want_eval = 2; /* x87 arithmetic */
#	endif
#elif defined(__arm__)
	int want_ldbl = 53, want_eval = 0, want_decimal = 17;
#elif defined(__powerpc64__)
	int want_ldbl = 106, want_eval = 0, want_decimal = 33;
#else
	int want_ldbl = 113, want_eval = 0, want_decimal = 36;
#endif
	CHECK_EQ("LDBL_MANT_DIG", LDBL_MANT_DIG, want_ldbl);
	CHECK_EQ("FLT_EVAL_METHOD", FLT_EVAL_METHOD, want_eval);
	CHECK_EQ("DECIMAL_DIG", DECIMAL_DIG, want_decimal);
	CHECK_EQ("LDBL_DECIMAL_DIG", LDBL_DECIMAL_DIG, want_decimal);
	/* No long double arithmetic here: powerpc64le's double-double needs
	 * runtime helpers (__gcc_qadd) that the long double work provides. */
}

int main(void)
{
	test_limits();
	test_stdint();
	test_small_headers();
	test_float();
	return check_failed;
}
