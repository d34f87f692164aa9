/* long double printf (%Lf %Le %Lg %La and capitals), strtold and sscanf
 * %Lf against glibc on the same long double format.
 *
 * test-reference: "long-double"
 * test-args: "2000"
 *
 * The reference (glibc, built for an arch with this arch's long double
 * format) draws values from a seeded generator: random bit patterns over
 * the whole range (subnormals, x87 pseudo-denormals and invalid encodings,
 * infinities, NaNs), each printed with a random conversion, flags, width
 * and precision; and decimal strings at, just above and just below the
 * halfway points between neighbouring long doubles, short random decimal
 * and hexadecimal strings over the whole range (ERANGE both ways). It
 * prints one line per case: the value's bits and glibc's output. This
 * side rebuilds each value from its bits, formats or parses it with
 * muslin and compares byte for byte: one protocol line per conversion
 * kind (f e g a, strtold, sscanf), with the first mismatches shown.
 * argv[1] is the number of printf cases (strtold cases are a third of it);
 * argv[2], when given, is a chunk number c: the generator starts c * 2^40
 * draws further on, so chunks of one long run (`./x.py soak` runs them in
 * parallel) draw disjoint cases; without it (chunk 0) the cases are the
 * test's;
 * 2000 keeps a run under qemu within the time limit on every arch (i386
 * under qemu is the slowest: 64- and 128-bit arithmetic in software;
 * powerpc64le runs five times as many);
 * `cargo test` in tests/host runs the x87 engines natively on 10^5 or
 * more (MUSLIN_LD_CASES), and by hand any count can be run, e.g.
 * `./ref 1000000 | ./ld_diff`. sscanf is
 * checked on the strings that fit its field limit (512 bytes, FIELD_MAX in
 * src/fmt/scanf.rs).
 */
#include <errno.h>
#include <float.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if LDBL_MANT_DIG == 64
#define FMT_X87 1
#elif LDBL_MANT_DIG == 113
#define FMT_Q 1
#elif LDBL_MANT_DIG == 106
#define FMT_DD 1
#else
#define FMT_D 1
#endif

/* The long double with bits (hi, lo): x87: hi = sign and exponent, lo =
 * significand; binary128: the top and bottom 64 bits; double-double: the
 * high and low doubles' bits; double: lo. */
static long double ld_from(uint64_t hi, uint64_t lo)
{
	long double x = 0;
	unsigned char b[sizeof(long double)];
	memset(b, 0, sizeof b);
#if FMT_X87
	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(lo >> (8 * i));
	b[8] = (unsigned char)hi;
	b[9] = (unsigned char)(hi >> 8);
	memcpy(&x, b, sizeof x);
#elif FMT_Q
	for (int i = 0; i < 16; i++) {
		uint64_t w = i < 8 ? lo : hi;
		unsigned char c = (unsigned char)(w >> (8 * (i % 8)));
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		b[15 - i] = c;
#else
		b[i] = c;
#endif
	}
	memcpy(&x, b, sizeof x);
#elif FMT_DD
	double d[2];
	memcpy(&d[0], &hi, 8);
	memcpy(&d[1], &lo, 8);
	memcpy(&x, d, sizeof x);
#else
	double d;
	memcpy(&d, &lo, 8);
	x = d;
	(void)hi;
#endif
	return x;
}

/* The inverse of ld_from. */
static void ld_to(long double x, uint64_t *hi, uint64_t *lo)
{
	unsigned char b[sizeof(long double)];
	memcpy(b, &x, sizeof x);
	*hi = *lo = 0;
#if FMT_X87
	for (int i = 0; i < 8; i++)
		*lo |= (uint64_t)b[i] << (8 * i);
	*hi = b[8] | (uint64_t)b[9] << 8;
#elif FMT_Q
	for (int i = 0; i < 16; i++) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
		uint64_t c = b[15 - i];
#else
		uint64_t c = b[i];
#endif
		if (i < 8)
			*lo |= c << (8 * i);
		else
			*hi |= c << (8 * (i - 8));
	}
#elif FMT_DD
	memcpy(hi, b, 8);
	memcpy(lo, b + 8, 8);
#else
	memcpy(lo, b, 8);
#endif
}

#ifdef REFERENCE

#include <math.h>

static uint64_t state = 0x6c6f6e67646f75ull;

static uint64_t rnd(void)
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

static uint64_t below(uint64_t n)
{
	return rnd() % n;
}

/* A random significand with a random number of low zero bits (short
 * values and ties). */
static uint64_t bits64(void)
{
	uint64_t m = rnd();
	if (below(4) == 0)
		m &= ~0ull << below(64);
	return m;
}

/* A random biased exponent in 1..max-1: uniform, near the middle, or near
 * either end. */
static int expo(int max, int mid)
{
	switch (below(5)) {
	case 0:
		return mid - 80 + (int)below(160);
	case 1:
		return 1 + (int)below(64);
	case 2:
		return max - 1 - (int)below(64);
	default:
		return 1 + (int)below((uint64_t)max - 1);
	}
}

/* A random value's bits, whole range. */
static void value(uint64_t *hi, uint64_t *lo)
{
	uint64_t sign = below(2);
	int k = (int)below(100);
#if FMT_X87
	int e = k < 8 ? 0 : k < 11 ? 0x7fff : expo(0x7fff, 0x3fff);
	uint64_t m = bits64();
	if (k < 4)
		m >>= below(64); /* denormals */
	else if (k < 8)
		m |= 1ull << 63; /* pseudo-denormals */
	else if (k < 10)
		m = m % 3 == 0 ? 1ull << 63 : m; /* infinity, NaNs, pseudo ones */
	else if (k < 12)
		m &= ~(1ull << 63); /* unnormals */
	else
		m |= 1ull << 63;
	*hi = sign << 15 | (uint64_t)e;
	*lo = m;
#elif FMT_Q
	int e = k < 8 ? 0 : k < 10 ? 0x7fff : expo(0x7fff, 0x3fff);
	uint64_t fh = bits64() & 0xffffffffffffull, fl = bits64();
	if (k < 4) {
		fh >>= below(49);
		if (below(2))
			fh = 0;
	}
	if (k < 10 && k >= 8 && below(2))
		fh = fl = 0;
	*hi = sign << 63 | (uint64_t)e << 48 | fh;
	*lo = fl;
#elif FMT_DD
	if (k < 3) {
		*hi = sign << 63 | 0x7ffull << 52 | (k == 0 ? 0 : bits64() >> 12 | 1);
		*lo = 0;
		return;
	}
	int e = k < 6 ? 0 : expo(0x7ff, 0x3ff);
	uint64_t h = sign << 63 | (uint64_t)e << 52 | (bits64() >> 12);
	double dh, dl;
	memcpy(&dh, &h, 8);
	*hi = h;
	*lo = 0;
	if (below(5) == 0)
		return;
	/* A low part below half an ulp of the high one, either sign: the
	 * exponents 54 to 130 apart (where glibc's cut of the low part
	 * shows), or a subnormal low part. */
	int le = e - 54 - (int)below(77);
	if (le < 1 || below(8) == 0)
		le = 0;
	uint64_t f = bits64() >> 12;
	if (le == 0)
		f >>= below(52);
	uint64_t l = below(2) << 63 | (uint64_t)le << 52 | f;
	memcpy(&dl, &l, 8);
	if (dh + dl != dh)
		return;
	*lo = l;
#else
	int e = k < 8 ? 0 : k < 10 ? 0x7ff : expo(0x7ff, 0x3ff);
	*hi = 0;
	*lo = sign << 63 | (uint64_t)e << 52 | (bits64() >> 12);
#endif
}

/* The binary exponent of finite nonzero bits, roughly (for choosing %f). */
static int magnitude(uint64_t hi, uint64_t lo)
{
#if FMT_X87
	return (int)(hi & 0x7fff) - 0x3fff;
#elif FMT_Q
	return (int)((hi >> 48) & 0x7fff) - 0x3fff;
#elif FMT_DD
	(void)lo;
	return (int)((hi >> 52) & 0x7ff) - 0x3ff;
#else
	(void)hi;
	return (int)((lo >> 52) & 0x7ff) - 0x3ff;
#endif
}

static char out[1 << 16];

static void printf_case(void)
{
	uint64_t hi, lo;
	value(&hi, &lo);
	long double x = ld_from(hi, lo);
	static const char convs[] = "feggaaEGAF";
	char c = convs[below(sizeof convs - 1)];
	int mag = magnitude(hi, lo);
	if ((c == 'f' || c == 'F') && (mag > 400 || mag < -400) && below(20))
		c = 'e';
	char fmt[64];
	int n = 0;
	fmt[n++] = '%';
	static const char flags[] = "-+#0";
	for (int i = 0; i < 4; i++)
		if (below(6) == 0)
			fmt[n++] = flags[i];
	if (below(6) == 0)
		n += sprintf(fmt + n, "%d", (int)below(40));
	int p = (int)below(100);
	if (p < 70)
		n += sprintf(fmt + n, ".%d", p < 60 ? (int)below(40) : (int)below(130));
	fmt[n++] = 'L';
	fmt[n++] = c;
	fmt[n] = 0;
	snprintf(out, sizeof out, fmt, x);
	printf("P %s %016llx %016llx %s\n", fmt, (unsigned long long)hi,
	       (unsigned long long)lo, out);
}

/* Adds the decimal strings a and b (same number of digits after their
 * points, no signs) into r. */
static void dec_add(const char *a, const char *b, char *r)
{
	const char *pa = strchr(a, '.'), *pb = strchr(b, '.');
	int fa = pa ? (int)strlen(pa + 1) : 0, ia = (int)(pa ? pa - a : (long)strlen(a));
	int ib = (int)(pb ? pb - b : (long)strlen(b));
	int il = (ia > ib ? ia : ib) + 1;
	int len = il + (fa ? 1 + fa : 0);
	r[len] = 0;
	int carry = 0;
	for (int i = len - 1; i >= 0; i--) {
		if (fa && i == il) {
			r[i] = '.';
			continue;
		}
		/* Position relative to the point: digits of a and b there. */
		int off = i < il ? i - il : i - il - 1; /* <0: integer part */
		int da = 0, db = 0;
		if (off < 0) {
			int k = ia + off;
			da = k >= 0 ? a[k] - '0' : 0;
			k = ib + off;
			db = k >= 0 ? b[k] - '0' : 0;
		} else {
			da = a[ia + 1 + off] - '0';
			db = b[ib + 1 + off] - '0';
		}
		int s = da + db + carry;
		r[i] = (char)('0' + s % 10);
		carry = s / 10;
	}
}

static char num[1 << 14];
static char half[1 << 14];
static char mid[1 << 14];

/* A decimal string near a halfway point between neighbours, a short
 * random decimal or hexadecimal string. */
static void string_case(void)
{
	char *s = mid;
	int k = (int)below(10);
	if (k < 5) {
		uint64_t hi, lo;
		value(&hi, &lo);
		long double x = ld_from(hi, lo);
		if (x != x || x - x != 0)
			x = 1.5L;
		if (x < 0)
			x = -x;
		int mag = magnitude(hi, lo);
		if (mag > 120 || mag < -120)
			x = ldexpl(x, -mag + (int)below(240) - 120);
		long double y = nextafterl(x, 1.0L / 0.0L);
		if (y - y != 0 || x == 0)
			y = nextafterl(0.0L, 1.0L), x = 0;
		long double h = (y - x) / 2;
		int digits = 600;
		snprintf(num, sizeof num, "%.*Lf", digits, x);
		snprintf(half, sizeof half, "%.*Lf", digits, h);
		dec_add(num, half, mid);
		/* Trim trailing zeros, then nudge: exact, above, below, cut. */
		char *e = mid + strlen(mid) - 1;
		while (*e == '0')
			*e-- = 0;
		switch (below(4)) {
		case 1:
			strcat(mid, "0000001");
			break;
		case 2:
			if (*e > '0' && *e <= '9' && e[-1] != '.')
				(*e)--, strcat(mid, "99999");
			break;
		case 3: {
			char *p = mid + (below(2) ? 25 : 40);
			if (p < e)
				*p = 0;
			break;
		}
		}
	} else if (k < 9) {
		int n = sprintf(mid, "%s%d.", below(3) == 0 ? "-" : "", (int)below(10));
		int nd = 1 + (int)below(k == 8 ? 60 : 25);
		for (int i = 0; i < nd; i++)
			mid[n++] = (char)('0' + below(10));
		sprintf(mid + n, "e%d", (int)below(10000) - 5000);
	} else {
		int n = sprintf(mid, "%s0x%x.", below(3) == 0 ? "-" : "", (int)below(16));
		int nd = 1 + (int)below(32);
		for (int i = 0; i < nd; i++)
			mid[n++] = "0123456789abcdef"[below(16)];
		sprintf(mid + n, "p%d", (int)below(33000) - 16500);
	}
	char *end;
	errno = 0;
	long double v = strtold(s, &end);
	int er = errno == ERANGE;
	uint64_t hi, lo;
	ld_to(v, &hi, &lo);
#if FMT_X87
	hi &= 0xffff;
#endif
	printf("S %s %016llx %016llx %d %d\n", s, (unsigned long long)hi,
	       (unsigned long long)lo, er, (int)(end - s));
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	/* splitmix64 steps its state by a constant: jumping c * 2^40 steps
	 * ahead is one multiplication (no chunk draws 2^40 numbers). */
	if (argc > 2)
		state += strtoull(argv[2], 0, 10) * (0x9e3779b97f4a7c15ull << 40);
#if FMT_DD
	/* powerpc64le under qemu is fast (64-bit arithmetic in hardware
	 * instructions): more cases for the double-double pairs. */
	n *= 5;
#endif
	for (long i = 0; i < n; i++) {
		printf_case();
		if (i % 3 == 0)
			string_case();
	}
	return 0;
}

#else

#include "check.h"

static char line[1 << 16];
static char got[1 << 16];

/* Per kind: cases, mismatches. */
enum { K_F, K_E, K_G, K_A, K_STRTOLD, K_SSCANF, K_N };
static const char *const names[K_N] = {"printf_Lf", "printf_Le", "printf_Lg",
				       "printf_La", "strtold", "sscanf_Lf"};
static long cases[K_N], bad[K_N];

static void mismatch(int k, const char *what, const char *g, const char *w)
{
	if (bad[k]++ < 5)
		printf("mismatch %s %s: got \"%s\", want \"%s\"\n", names[k], what, g, w);
}

int main(void)
{
	while (fgets(line, sizeof line, stdin)) {
		size_t L = strlen(line);
		if (L && line[L - 1] == '\n')
			line[--L] = 0;
		if (line[0] == 'P') {
			char fmt[64];
			unsigned long long hi, lo;
			if (sscanf(line, "P %63s %llx %llx", fmt, &hi, &lo) != 3)
				continue;
			/* The output starts after the fourth space. */
			const char *want = line;
			for (int f = 0; f < 4 && want; f++)
				want = strchr(want, ' ') ? strchr(want, ' ') + 1 : 0;
			if (!want)
				continue;
			long double x = ld_from(hi, lo);
			snprintf(got, sizeof got, fmt, x);
			char c = fmt[strlen(fmt) - 1] | 0x20;
			int k = c == 'f' ? K_F : c == 'e' ? K_E : c == 'g' ? K_G : K_A;
			cases[k]++;
			if (strcmp(got, want)) {
				char what[128];
				snprintf(what, sizeof what, "%s %016llx %016llx", fmt, hi, lo);
				mismatch(k, what, got, want);
			}
		} else if (line[0] == 'S') {
			char s[1 << 12];
			unsigned long long hi, lo, h2, l2;
			int er, used;
			if (sscanf(line, "S %4095s %llx %llx %d %d", s, &hi, &lo, &er, &used) != 5)
				continue;
			char *end;
			errno = 0;
			long double v = strtold(s, &end);
			int er2 = errno == ERANGE;
			uint64_t a, b;
			ld_to(v, &a, &b);
#if FMT_X87
			a &= 0xffff;
#endif
			h2 = a;
			l2 = b;
			cases[K_STRTOLD]++;
			if (h2 != hi || l2 != lo || er2 != er || end - s != used) {
				char g[128], w[128];
				snprintf(g, sizeof g, "%016llx %016llx %d %d", h2, l2, er2, (int)(end - s));
				snprintf(w, sizeof w, "%016llx %016llx %d %d", hi, lo, er, used);
				mismatch(K_STRTOLD, s, g, w);
			}
			long double y = 0;
			if (strlen(s) > 512)
				continue;
			cases[K_SSCANF]++;
			if (sscanf(s, "%Lf", &y) != 1) {
				mismatch(K_SSCANF, s, "no match", "1");
				continue;
			}
			ld_to(y, &a, &b);
#if FMT_X87
			a &= 0xffff;
#endif
			if (a != hi || b != lo) {
				char g[64], w[64];
				snprintf(g, sizeof g, "%016llx %016llx", (unsigned long long)a,
					 (unsigned long long)b);
				snprintf(w, sizeof w, "%016llx %016llx", hi, lo);
				mismatch(K_SSCANF, s, g, w);
			}
		}
	}
	for (int k = 0; k < K_N; k++) {
		char why[128];
		snprintf(why, sizeof why, "%ld of %ld cases differ", bad[k], cases[k]);
		CHECK(names[k], cases[k] > 0 && bad[k] == 0);
		if (bad[k] || !cases[k])
			printf("  %s: %s\n", names[k], why);
		else
			printf("  %s: %ld cases\n", names[k], cases[k]);
	}
	return check_failed;
}

#endif
