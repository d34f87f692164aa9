/* <stdlib.h> conversions, sorting, arithmetic and rand, and the small
 * system queries: isatty, sysconf, uname, getrandom. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "check.h"

/* strtol(s, &end, base) == want, end == s + used, errno == err (0: untouched). */
static void strtol_case(const char *name, const char *s, int base, long want, int used, int err)
{
	char *end = (char *)1;
	errno = 0;
	long got = strtol(s, &end, base);
	int ok = got == want && end == s + used && errno == err;
	check(name, ok, "value, endptr or errno");
	if (!ok) {
		put("  got ");
		put_num(got);
		put(" end +");
		put_num(end - s);
		put(" errno ");
		put_num(errno);
		put("\n");
	}
}

static void test_strtol(void)
{
	char *end;

	strtol_case("strtol decimal", "12345", 10, 12345, 5, 0);
	strtol_case("strtol whitespace and +", " \t\n+12abc", 10, 12, 6, 0);
	strtol_case("strtol negative", "-42x", 10, -42, 3, 0);
	strtol_case("strtol no digits", "abc", 10, 0, 0, 0);
	strtol_case("strtol empty", "", 10, 0, 0, 0);
	strtol_case("strtol lone minus", "-", 10, 0, 0, 0);
	strtol_case("strtol spaces then minus", "   -", 10, 0, 0, 0);
	strtol_case("strtol sign twice", "+-1", 10, 0, 0, 0);
	strtol_case("strtol base 0 hex", "0x1F", 0, 31, 4, 0);
	strtol_case("strtol base 0 HEX", "-0XfF", 0, -255, 5, 0);
	strtol_case("strtol base 0 octal", "0755", 0, 493, 4, 0);
	strtol_case("strtol base 0 octal stops at 8", "0789", 0, 7, 2, 0);
	strtol_case("strtol base 0 zero", "0", 0, 0, 1, 0);
	strtol_case("strtol base 0 0x without digits", "0x", 0, 0, 1, 0);
	strtol_case("strtol base 0 0xg", "0xg", 0, 0, 1, 0);
	strtol_case("strtol base 16 with 0x", "0x10", 16, 16, 4, 0);
	strtol_case("strtol base 16 0x then non-hex", " 0xz", 16, 0, 2, 0);
	strtol_case("strtol base 10 stops at x", "0x10", 10, 0, 1, 0);
	strtol_case("strtol base 2", "1011021", 2, 22, 5, 0);
	strtol_case("strtol base 36", "zZ", 36, 35 * 36 + 35, 2, 0);
	strtol_case("strtol base 36 stops", "Zz!", 36, 1295, 2, 0);
	strtol_case("strtol base 7 rejects 7", "667", 7, 48, 2, 0);
	strtol_case("strtol leading zeros", "-0000000000000000000000000000012", 10, -12, 32, 0);
	if (sizeof(long) == 8) {
		strtol_case("strtol LONG_MAX", "9223372036854775807", 10, LONG_MAX, 19, 0);
		strtol_case("strtol LONG_MAX+1 ERANGE", "9223372036854775808", 10, LONG_MAX, 19, ERANGE);
		strtol_case("strtol LONG_MIN", "-9223372036854775808", 10, LONG_MIN, 20, 0);
		strtol_case("strtol LONG_MIN-1 ERANGE", "-9223372036854775809", 10, LONG_MIN, 20, ERANGE);
		strtol_case("strtol hex LONG_MAX", "0x7fffffffffffffff", 0, LONG_MAX, 18, 0);
	} else {
		strtol_case("strtol LONG_MAX", "2147483647", 10, LONG_MAX, 10, 0);
		strtol_case("strtol LONG_MAX+1 ERANGE", "2147483648", 10, LONG_MAX, 10, ERANGE);
		strtol_case("strtol LONG_MIN", "-2147483648", 10, LONG_MIN, 11, 0);
		strtol_case("strtol LONG_MIN-1 ERANGE", "-2147483649", 10, LONG_MIN, 11, ERANGE);
		strtol_case("strtol hex LONG_MAX", "0x7fffffff", 0, LONG_MAX, 10, 0);
	}
	strtol_case("strtol huge consumes all digits", "123456789012345678901234567890z", 10,
		    LONG_MAX, 30, ERANGE);
	strtol_case("strtol huge negative", "-999999999999999999999999", 10, LONG_MIN, 25, ERANGE);

	errno = 0;
	end = (char *)1;
	const char *s = "12";
	CHECK("strtol base 1 EINVAL", strtol(s, &end, 1) == 0 && errno == EINVAL && end == s);
	errno = 0;
	CHECK("strtol base 37 EINVAL", strtol(s, 0, 37) == 0 && errno == EINVAL);
	errno = 0;
	CHECK("strtol base -1 EINVAL", strtol(s, 0, -1) == 0 && errno == EINVAL);
	errno = 0;
	CHECK("strtol NULL endptr", strtol("77", 0, 8) == 63 && errno == 0);

	errno = 0;
	s = "18446744073709551615";
	CHECK("strtoull ULLONG_MAX",
	      strtoull(s, &end, 10) == ULLONG_MAX && errno == 0 && end == s + 20);
	errno = 0;
	CHECK("strtoull ULLONG_MAX+1 ERANGE",
	      strtoull("18446744073709551616", &end, 10) == ULLONG_MAX && errno == ERANGE);
	errno = 0;
	CHECK("strtoull -1 is ULLONG_MAX", strtoull("-1", 0, 10) == ULLONG_MAX && errno == 0);
	errno = 0;
	CHECK("strtoull hex max", strtoull("0xFFFFFFFFFFFFFFFF", 0, 0) == ULLONG_MAX && errno == 0);
	errno = 0;
	CHECK("strtoul -1 is ULONG_MAX", strtoul("-1", 0, 10) == ULONG_MAX && errno == 0);
	errno = 0;
	if (sizeof(long) == 8) {
		CHECK("strtoul ULONG_MAX", strtoul("18446744073709551615", 0, 10) == ULONG_MAX &&
						   errno == 0);
		errno = 0;
		CHECK("strtoul ULONG_MAX+1 ERANGE",
		      strtoul("18446744073709551616", 0, 10) == ULONG_MAX && errno == ERANGE);
	} else {
		CHECK("strtoul ULONG_MAX", strtoul("4294967295", 0, 10) == ULONG_MAX && errno == 0);
		errno = 0;
		CHECK("strtoul ULONG_MAX+1 ERANGE",
		      strtoul("4294967296", 0, 10) == ULONG_MAX && errno == ERANGE);
		errno = 0;
		CHECK("strtoul -4294967295 is 1", strtoul("-4294967295", 0, 10) == 1 && errno == 0);
		errno = 0;
		CHECK("strtoul -4294967296 ERANGE",
		      strtoul("-4294967296", 0, 10) == ULONG_MAX && errno == ERANGE);
	}
	errno = 0;
	CHECK("strtoul -0", strtoul("-0", &end, 10) == 0 && errno == 0);
	errno = 0;
	CHECK("strtoll LLONG_MIN", strtoll("-9223372036854775808", 0, 10) == LLONG_MIN && errno == 0);
	errno = 0;
	CHECK("strtoll LLONG_MAX+1 ERANGE",
	      strtoll("9223372036854775808", 0, 10) == LLONG_MAX && errno == ERANGE);
	errno = 0;
	CHECK("strtoll base 36 LLONG_MAX", strtoll("1Y2P0IJ32E8E7", 0, 36) == LLONG_MAX && errno == 0);
	errno = 0;
	CHECK("strtoll base 36 LLONG_MIN",
	      strtoll("-1y2p0ij32e8e8", 0, 36) == LLONG_MIN && errno == 0);
	errno = 0;
	CHECK("strtoll no digits keeps errno", strtoll("x", &end, 0) == 0 && errno == 0);

	CHECK_EQ("atoi", atoi("  -123abc"), -123);
	CHECK_EQ("atoi empty", atoi(""), 0);
	CHECK_EQ("atoi plus", atoi("+7"), 7);
	CHECK_EQ("atoi no hex", atoi("0x10"), 0);
	CHECK_EQ("atoi leading zero is decimal", atoi("010"), 10);
	CHECK_EQ("atol", atol("2147483647"), 2147483647L);
	CHECK_EQ("atoll", atoll("-9223372036854775808"), LLONG_MIN);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int cmp_int_desc(const void *a, const void *b)
{
	return cmp_int(b, a);
}

/* 13 bytes: a big-endian 4-byte key at offset 3, and a tag elsewhere */
struct odd {
	unsigned char pad[3];
	unsigned char key[4];
	unsigned char tag[6];
};

static unsigned odd_key(const struct odd *o)
{
	return (unsigned)o->key[0] << 24 | o->key[1] << 16 | o->key[2] << 8 | o->key[3];
}

static int cmp_odd(const void *a, const void *b)
{
	unsigned x = odd_key(a), y = odd_key(b);
	return (x > y) - (x < y);
}

static unsigned long long lcg = 12345;

static unsigned next(void)
{
	lcg = lcg * 6364136223846793005ULL + 1442695040888963407ULL;
	return lcg >> 33;
}

#define N 10000
static int big[N];
static unsigned char seen[N];
static struct odd odds[1000];

static int sorted(const int *v, int n)
{
	for (int i = 1; i < n; i++)
		if (v[i - 1] > v[i])
			return 0;
	return 1;
}

static void test_qsort(void)
{
	int v[] = {5, -3, 9, 0, 5, 2, -8, 7, 1, 5, 3, 3, 100, -100, 42, 6, 0};
	int n = sizeof v / sizeof v[0];

	qsort(v, n, sizeof v[0], cmp_int);
	CHECK("qsort small ints", sorted(v, n) && v[0] == -100 && v[n - 1] == 100);
	qsort(v, 0, sizeof v[0], cmp_int);
	qsort(v, 1, sizeof v[0], cmp_int);
	CHECK("qsort 0 and 1 elements", sorted(v, n));

	/* permutation of 0..N-1, shuffled */
	for (int i = 0; i < N; i++)
		big[i] = i;
	for (int i = N - 1; i > 0; i--) {
		int j = next() % (i + 1), t = big[i];
		big[i] = big[j];
		big[j] = t;
	}
	qsort(big, N, sizeof big[0], cmp_int);
	int ok = 1;
	for (int i = 0; i < N; i++)
		ok &= big[i] == i;
	CHECK("qsort 10000 shuffled is sorted 0..9999", ok);

	/* random values with duplicates: sorted and a permutation */
	for (int i = 0; i < N; i++)
		big[i] = next() % 1000;
	int count[1000] = {0};
	for (int i = 0; i < N; i++)
		count[big[i]]++;
	qsort(big, N, sizeof big[0], cmp_int);
	for (int i = 0; i < N; i++)
		count[big[i]]--;
	ok = sorted(big, N);
	for (int i = 0; i < 1000; i++)
		ok &= count[i] == 0;
	CHECK("qsort 10000 with duplicates sorted and a permutation", ok);

	qsort(big, N, sizeof big[0], cmp_int);
	CHECK("qsort already sorted", sorted(big, N));
	qsort(big, N, sizeof big[0], cmp_int_desc);
	ok = 1;
	for (int i = 1; i < N; i++)
		ok &= big[i - 1] >= big[i];
	CHECK("qsort descending comparator", ok);
	qsort(big, N, sizeof big[0], cmp_int);
	CHECK("qsort reverse input", sorted(big, N));
	for (int i = 0; i < N; i++)
		big[i] = 7;
	qsort(big, N, sizeof big[0], cmp_int);
	ok = 1;
	for (int i = 0; i < N; i++)
		ok &= big[i] == 7;
	CHECK("qsort all equal", ok);
	/* organ pipe and sawtooth shapes */
	for (int i = 0; i < N; i++)
		big[i] = i < N / 2 ? i : N - i;
	qsort(big, N, sizeof big[0], cmp_int);
	CHECK("qsort organ pipe", sorted(big, N));
	for (int i = 0; i < N; i++)
		big[i] = i % 17;
	qsort(big, N, sizeof big[0], cmp_int);
	CHECK("qsort sawtooth", sorted(big, N));

	/* 13-byte elements: keys sorted, each record moved whole */
	int m = sizeof odds / sizeof odds[0];
	memset(seen, 0, sizeof seen);
	for (int i = 0; i < m; i++) {
		unsigned k = next() % 500;
		memset(&odds[i], 0xa5, sizeof odds[i]);
		odds[i].key[0] = k >> 24;
		odds[i].key[1] = k >> 16;
		odds[i].key[2] = k >> 8;
		odds[i].key[3] = k;
		odds[i].tag[0] = i >> 8;
		odds[i].tag[1] = i;
		odds[i].tag[5] = (k * 7 + i) & 0xff;
	}
	CHECK_EQ("struct odd is 13 bytes", sizeof(struct odd), 13);
	qsort(odds, m, sizeof odds[0], cmp_odd);
	ok = 1;
	for (int i = 0; i < m; i++) {
		unsigned k = odd_key(&odds[i]);
		int id = odds[i].tag[0] << 8 | odds[i].tag[1];
		if (i > 0 && odd_key(&odds[i - 1]) > k)
			ok = 0;
		if (id >= m || seen[id]++ || odds[i].tag[5] != ((k * 7 + id) & 0xff) ||
		    odds[i].pad[0] != 0xa5 || odds[i].tag[4] != 0xa5)
			ok = 0;
	}
	CHECK("qsort 13-byte records sorted, whole and a permutation", ok);

	/* bsearch */
	int keys[] = {1, 3, 5, 7, 9, 11};
	int nk = sizeof keys / sizeof keys[0], k;
	ok = 1;
	for (int i = 0; i < nk; i++) {
		k = keys[i];
		ok &= bsearch(&k, keys, nk, sizeof keys[0], cmp_int) == &keys[i];
	}
	CHECK("bsearch finds every element", ok);
	ok = 1;
	for (k = 0; k <= 12; k += 2)
		ok &= bsearch(&k, keys, nk, sizeof keys[0], cmp_int) == 0;
	CHECK("bsearch not found (before, between, after)", ok);
	k = 1;
	CHECK("bsearch empty", bsearch(&k, keys, 0, sizeof keys[0], cmp_int) == 0);
	struct odd key;
	memset(&key, 0, sizeof key);
	key.key[3] = odd_key(&odds[m / 2]) & 0xff;
	key.key[2] = odd_key(&odds[m / 2]) >> 8;
	struct odd *hit = bsearch(&key, odds, m, sizeof odds[0], cmp_odd);
	CHECK("bsearch 13-byte records", hit && odd_key(hit) == odd_key(&odds[m / 2]));
}

static void test_arith(void)
{
	CHECK_EQ("abs", abs(-5), 5);
	CHECK_EQ("abs positive", abs(5), 5);
	CHECK_EQ("abs INT_MAX", abs(-INT_MAX), INT_MAX);
	CHECK_EQ("labs", labs(-LONG_MAX), LONG_MAX);
	CHECK_EQ("llabs", llabs(-LLONG_MAX), LLONG_MAX);
	div_t d = div(-7, 2);
	CHECK("div truncates toward zero", d.quot == -3 && d.rem == -1);
	d = div(7, -2);
	CHECK("div negative divisor", d.quot == -3 && d.rem == 1);
	ldiv_t ld = ldiv(LONG_MAX, 10);
	CHECK("ldiv", ld.quot == LONG_MAX / 10 && ld.rem == 7);
	lldiv_t lld = lldiv(LLONG_MIN, 10);
	CHECK("lldiv", lld.quot == LLONG_MIN / 10 && lld.rem == -8);

	int a[8], b[8], c[8], ok = 1;
	srand(42);
	for (int i = 0; i < 8; i++)
		a[i] = rand();
	srand(42);
	for (int i = 0; i < 8; i++)
		b[i] = rand();
	srand(43);
	for (int i = 0; i < 8; i++)
		c[i] = rand();
	for (int i = 0; i < 8; i++)
		ok &= a[i] == b[i] && a[i] >= 0 && a[i] <= RAND_MAX;
	CHECK("rand deterministic per seed and in range", ok);
	CHECK("rand differs with the seed", memcmp(a, c, sizeof a) != 0);
	CHECK_EQ("RAND_MAX", RAND_MAX, 2147483647);
	int lo = 0, hi = 0;
	for (int i = 0; i < 10000; i++) {
		int r = rand();
		ok &= r >= 0;
		lo += r < RAND_MAX / 2;
		hi += r >= RAND_MAX / 2;
	}
	CHECK("rand covers both halves", ok && lo > 4000 && hi > 4000);
}

static void test_system(void)
{
	long page = sysconf(_SC_PAGESIZE);
	CHECK("sysconf _SC_PAGESIZE is AT_PAGESZ", page > 0 && page == (long)getauxval(AT_PAGESZ));
	CHECK("sysconf _SC_PAGE_SIZE", sysconf(_SC_PAGE_SIZE) == page);
	CHECK("sysconf _SC_NPROCESSORS_ONLN >= 1", sysconf(_SC_NPROCESSORS_ONLN) >= 1);
	CHECK("sysconf _SC_NPROCESSORS_CONF >= ONLN",
	      sysconf(_SC_NPROCESSORS_CONF) >= sysconf(_SC_NPROCESSORS_ONLN));
	CHECK_EQ("sysconf _SC_CLK_TCK", sysconf(_SC_CLK_TCK), 100);
	long open_max = sysconf(_SC_OPEN_MAX);
	CHECK("sysconf _SC_OPEN_MAX", open_max >= 3 || open_max == -1);
	errno = 0;
	CHECK("sysconf unknown EINVAL", sysconf(-1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("sysconf unknown 9999 EINVAL", sysconf(9999) == -1 && errno == EINVAL);

	struct utsname u;
	memset(&u, 0xff, sizeof u);
	CHECK_EQ("struct utsname is 6 x 65 bytes", sizeof u, 390);
	CHECK_EQ("uname", uname(&u), 0);
	CHECK("uname sysname Linux", strcmp(u.sysname, "Linux") == 0);
	CHECK("uname machine and release set", u.machine[0] && u.release[0] &&
						     strnlen(u.machine, 65) < 65 &&
						     strnlen(u.release, 65) < 65);

	unsigned char buf[64];
	memset(buf, 0, sizeof buf);
	CHECK_EQ("getrandom 64 bytes", getrandom(buf, sizeof buf, 0), 64);
	int nonzero = 0;
	for (int i = 0; i < 64; i++)
		nonzero += buf[i] != 0;
	CHECK("getrandom not all zero", nonzero > 0);
	CHECK_EQ("getrandom 0 bytes", getrandom(buf, 0, 0), 0);
	errno = 0;
	CHECK("getrandom bad flags EINVAL", getrandom(buf, 8, 0x100) == -1 && errno == EINVAL);
	CHECK_EQ("getrandom GRND_NONBLOCK", getrandom(buf, 16, GRND_NONBLOCK), 16);

	errno = 0;
	CHECK("isatty(-1) EBADF", isatty(-1) == 0 && errno == EBADF);
	int fds[2];
	CHECK_EQ("pipe", pipe(fds), 0);
	errno = 0;
	CHECK("isatty on a pipe ENOTTY", isatty(fds[0]) == 0 && errno == ENOTTY);
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	test_strtol();
	test_qsort();
	test_arith();
	test_system();
	return check_failed;
}
