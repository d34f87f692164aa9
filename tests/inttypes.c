/* <inttypes.h>: every PRI macro at its type's extremes (a wrong length
 * modifier reads the wrong vararg on 32-bit arches), SCN macros with
 * sscanf, imaxabs, imaxdiv, strtoimax/strtoumax edge cases with ERANGE. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "check.h"

static char buf[128];

#define FMT(name, fmt, want, ...)                                              \
	do {                                                                   \
		snprintf(buf, sizeof buf, fmt, __VA_ARGS__);                   \
		check(name, strcmp(buf, want) == 0, buf);                      \
	} while (0)

/* A sentinel after each value: a modifier that reads the wrong width
 * shifts it. */
static void test_pri(void)
{
	FMT("PRId8", "%" PRId8 " %d", "-128 7", (int8_t)INT8_MIN, 7);
	FMT("PRIi8", "%" PRIi8 " %d", "127 7", (int8_t)INT8_MAX, 7);
	FMT("PRIu8 PRIx8 PRIX8 PRIo8", "%" PRIu8 " %" PRIx8 " %" PRIX8 " %" PRIo8 " %d",
	    "255 ff FF 377 7", (uint8_t)UINT8_MAX, (uint8_t)UINT8_MAX, (uint8_t)UINT8_MAX,
	    (uint8_t)UINT8_MAX, 7);
	FMT("PRId16", "%" PRId16 " %" PRIi16 " %d", "-32768 32767 7", (int16_t)INT16_MIN,
	    (int16_t)INT16_MAX, 7);
	FMT("PRIu16 PRIx16 PRIX16 PRIo16", "%" PRIu16 " %" PRIx16 " %" PRIX16 " %" PRIo16 " %d",
	    "65535 ffff FFFF 177777 7", (uint16_t)UINT16_MAX, (uint16_t)UINT16_MAX,
	    (uint16_t)UINT16_MAX, (uint16_t)UINT16_MAX, 7);
	FMT("PRId32", "%" PRId32 " %" PRIi32 " %d", "-2147483648 2147483647 7", INT32_MIN,
	    INT32_MAX, 7);
	FMT("PRIu32 PRIx32 PRIX32 PRIo32", "%" PRIu32 " %" PRIx32 " %" PRIX32 " %" PRIo32 " %d",
	    "4294967295 ffffffff FFFFFFFF 37777777777 7", UINT32_MAX, UINT32_MAX, UINT32_MAX,
	    UINT32_MAX, 7);
	FMT("PRId64", "%" PRId64 " %" PRIi64 " %d", "-9223372036854775808 9223372036854775807 7",
	    INT64_MIN, INT64_MAX, 7);
	FMT("PRIu64 PRIx64 PRIX64 PRIo64", "%" PRIu64 " %" PRIx64 " %" PRIX64 " %" PRIo64 " %d",
	    "18446744073709551615 ffffffffffffffff FFFFFFFFFFFFFFFF 1777777777777777777777 7",
	    UINT64_MAX, UINT64_MAX, UINT64_MAX, UINT64_MAX, 7);

	FMT("PRIdLEAST8..64", "%" PRIdLEAST8 " %" PRIdLEAST16 " %" PRIdLEAST32 " %" PRIdLEAST64 " %d",
	    "-128 -32768 -2147483648 -9223372036854775808 7", (int_least8_t)INT_LEAST8_MIN,
	    (int_least16_t)INT_LEAST16_MIN, (int_least32_t)INT_LEAST32_MIN,
	    (int_least64_t)INT_LEAST64_MIN, 7);
	FMT("PRIiLEAST8..64", "%" PRIiLEAST8 " %" PRIiLEAST16 " %" PRIiLEAST32 " %" PRIiLEAST64 " %d",
	    "127 32767 2147483647 9223372036854775807 7", (int_least8_t)INT_LEAST8_MAX,
	    (int_least16_t)INT_LEAST16_MAX, (int_least32_t)INT_LEAST32_MAX,
	    (int_least64_t)INT_LEAST64_MAX, 7);
	FMT("PRIuLEAST/xLEAST", "%" PRIuLEAST8 " %" PRIxLEAST16 " %" PRIXLEAST32 " %" PRIoLEAST64 " %d",
	    "255 ffff FFFFFFFF 1777777777777777777777 7", (uint_least8_t)UINT_LEAST8_MAX,
	    (uint_least16_t)UINT_LEAST16_MAX, (uint_least32_t)UINT_LEAST32_MAX,
	    (uint_least64_t)UINT_LEAST64_MAX, 7);

	/* FAST types: whatever their width on this arch, their extremes. */
	snprintf(buf, sizeof buf, "%" PRIdFAST8 " %" PRIdFAST16 " %" PRIdFAST32 " %" PRIdFAST64 " %d",
		 (int_fast8_t)INT_FAST8_MIN, (int_fast16_t)INT_FAST16_MIN, (int_fast32_t)INT_FAST32_MIN,
		 (int_fast64_t)INT_FAST64_MIN, 7);
	char want[128];
	long long f16 = INT_FAST16_MIN, f32 = INT_FAST32_MIN;
	snprintf(want, sizeof want, "-128 %lld %lld -9223372036854775808 7", f16, f32);
	check("PRIdFAST8..64", strcmp(buf, want) == 0, buf);
	snprintf(buf, sizeof buf, "%" PRIiFAST16 " %" PRIuFAST16 " %" PRIxFAST32 " %" PRIXFAST64 " %" PRIoFAST8 " %d",
		 (int_fast16_t)INT_FAST16_MAX, (uint_fast16_t)UINT_FAST16_MAX,
		 (uint_fast32_t)UINT_FAST32_MAX, (uint_fast64_t)UINT_FAST64_MAX,
		 (uint_fast8_t)UINT_FAST8_MAX, 7);
	snprintf(want, sizeof want, "%lld %llu %llx FFFFFFFFFFFFFFFF 377 7", (long long)INT_FAST16_MAX,
		 (unsigned long long)UINT_FAST16_MAX, (unsigned long long)UINT_FAST32_MAX);
	check("PRIiFAST/uFAST/xFAST/XFAST/oFAST", strcmp(buf, want) == 0, buf);

	FMT("PRIdMAX PRIiMAX", "%" PRIdMAX " %" PRIiMAX " %d",
	    "-9223372036854775808 9223372036854775807 7", INTMAX_MIN, INTMAX_MAX, 7);
	FMT("PRIuMAX PRIxMAX PRIXMAX PRIoMAX", "%" PRIuMAX " %" PRIxMAX " %" PRIXMAX " %" PRIoMAX " %d",
	    "18446744073709551615 ffffffffffffffff FFFFFFFFFFFFFFFF 1777777777777777777777 7",
	    UINTMAX_MAX, UINTMAX_MAX, UINTMAX_MAX, UINTMAX_MAX, 7);

	snprintf(buf, sizeof buf, "%" PRIdPTR " %" PRIiPTR " %" PRIuPTR " %" PRIxPTR " %" PRIXPTR " %" PRIoPTR " %d",
		 INTPTR_MIN, INTPTR_MAX, UINTPTR_MAX, UINTPTR_MAX, UINTPTR_MAX, (uintptr_t)8, 7);
	if (sizeof(void *) == 8)
		strcpy(want, "-9223372036854775808 9223372036854775807 18446744073709551615 ffffffffffffffff FFFFFFFFFFFFFFFF 10 7");
	else
		strcpy(want, "-2147483648 2147483647 4294967295 ffffffff FFFFFFFF 10 7");
	check("PRIdPTR..PRIoPTR", strcmp(buf, want) == 0, buf);
}

static void test_scn(void)
{
	int8_t d8 = 0;
	uint8_t u8 = 0;
	int16_t d16 = 0;
	uint16_t x16 = 0;
	int32_t i32 = 0;
	uint32_t o32 = 0;
	int64_t d64 = 0;
	uint64_t x64 = 0;
	int guard = 0;

	CHECK_EQ("SCNd8 SCNu8", sscanf("-128 255 9", "%" SCNd8 " %" SCNu8 " %d", &d8, &u8, &guard), 3);
	CHECK("SCNd8 SCNu8 values", d8 == INT8_MIN && u8 == UINT8_MAX && guard == 9);
	CHECK_EQ("SCNd16 SCNx16", sscanf("-32768 ffff", "%" SCNd16 " %" SCNx16, &d16, &x16), 2);
	CHECK("SCNd16 SCNx16 values", d16 == INT16_MIN && x16 == UINT16_MAX);
	CHECK_EQ("SCNi32 SCNo32", sscanf("0x7fffffff 37777777777", "%" SCNi32 " %" SCNo32, &i32, &o32), 2);
	CHECK("SCNi32 SCNo32 values", i32 == INT32_MAX && o32 == UINT32_MAX);
	CHECK_EQ("SCNd64 SCNx64", sscanf("-9223372036854775808 ffffffffffffffff", "%" SCNd64 " %" SCNx64, &d64, &x64), 2);
	CHECK("SCNd64 SCNx64 values", d64 == INT64_MIN && x64 == UINT64_MAX);

	int_least16_t l16 = 0;
	int_fast16_t f16 = 0;
	uint_fast32_t f32 = 0;
	intmax_t m = 0;
	uintmax_t um = 0;
	intptr_t ip = 0;
	uintptr_t up = 0;
	CHECK_EQ("SCN LEAST FAST MAX PTR",
		 sscanf("-300 -301 4000000000 -5 18446744073709551615 -7 ff", "%" SCNdLEAST16 " %" SCNdFAST16 " %" SCNuFAST32 " %" SCNdMAX " %" SCNuMAX " %" SCNiPTR " %" SCNxPTR,
			&l16, &f16, &f32, &m, &um, &ip, &up), 7);
	CHECK("SCN LEAST FAST MAX PTR values",
	      l16 == -300 && f16 == -301 && f32 == 4000000000u && m == -5 && um == UINTMAX_MAX && ip == -7 && up == 255);
}

static void test_functions(void)
{
	CHECK_EQ("imaxabs", imaxabs(-INTMAX_MAX), INTMAX_MAX);
	CHECK_EQ("imaxabs positive", imaxabs(5), 5);
	imaxdiv_t d = imaxdiv(-7, 2);
	CHECK("imaxdiv truncates", d.quot == -3 && d.rem == -1);
	d = imaxdiv(INTMAX_MAX, -1);
	CHECK("imaxdiv max", d.quot == -INTMAX_MAX && d.rem == 0);

	char *end;
	errno = 0;
	CHECK("strtoimax max", strtoimax("9223372036854775807", &end, 10) == INTMAX_MAX && errno == 0 && *end == 0);
	CHECK("strtoimax min", strtoimax("-9223372036854775808", &end, 10) == INTMAX_MIN && errno == 0);
	errno = 0;
	CHECK("strtoimax overflow clamps", strtoimax("9223372036854775808", &end, 10) == INTMAX_MAX);
	CHECK_EQ("strtoimax overflow ERANGE", errno, ERANGE);
	errno = 0;
	CHECK("strtoimax underflow clamps", strtoimax("-9223372036854775809", NULL, 10) == INTMAX_MIN);
	CHECK_EQ("strtoimax underflow ERANGE", errno, ERANGE);
	errno = 0;
	CHECK("strtoimax base 16 and end", strtoimax("  -0x1fz", &end, 0) == -31 && *end == 'z');
	CHECK("strtoimax no digits", strtoimax("  +", &end, 10) == 0);
	CHECK("strtoimax no digits end", end != NULL && strcmp(end, "  +") == 0);
	errno = 0;
	CHECK("strtoumax max", strtoumax("18446744073709551615", &end, 10) == UINTMAX_MAX && errno == 0);
	errno = 0;
	CHECK("strtoumax overflow clamps", strtoumax("18446744073709551616", &end, 10) == UINTMAX_MAX);
	CHECK_EQ("strtoumax overflow ERANGE", errno, ERANGE);
	errno = 0;
	CHECK("strtoumax negative wraps", strtoumax("-1", &end, 10) == UINTMAX_MAX && errno == 0);
	CHECK("strtoumax base 36", strtoumax("zz", &end, 36) == 1295);
	errno = 0;
	CHECK("strtoumax bad base", strtoumax("12", &end, 1) == 0);
	CHECK_EQ("strtoumax bad base EINVAL", errno, EINVAL);
}

int main(void)
{
	test_pri();
	test_scn();
	test_functions();
	return check_failed;
}
