/* The long double functions of <math.h> against glibc's on the same long
 * double format (x87 for x86_64 and i386, binary128 for aarch64, riscv64,
 * s390x and loongarch64, double for arm, double-double for powerpc64le):
 * the largest error in units in the last place of the format per function,
 * against the bounds in mathl_diff.bounds.h (next to this file); the
 * exact functions must match bit for bit. On double-double, fmodl,
 * remainderl, remquol and modfl are checked against glibc's binary128
 * functions instead (see EXACT128).
 *
 * test-reference: "long-double"
 *
 * The reference (glibc) side draws the inputs and prints them with glibc's
 * results; values travel as text that names no byte order: an exponent k
 * and up to three doubles (bit patterns in hex) whose exact sum times 2^k
 * is the value, so big-endian s390x reads what little-endian aarch64
 * wrote. The muslin side rebuilds the values (the doubles' sum is exact in
 * long double; ldexpl is exact and checked by tests/mathl.c), calls its own
 * functions and prints one line per function. */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef long double ld;

/* Cases per function; MATHL_DIFF_N in the environment overrides it
 * (`./x.py soak` runs 30000). */
#define N_DEFAULT 200

enum { ANY, POS, UNIT, SMALL, EXPO, GE1, HUGE_, INT_, WIDE };

struct fn {
	const char *name;
	int arity;   /* 1, 2, 3 long doubles; 4: (ld, int); 5: (ld, int*) */
	int dom;     /* domain of the arguments */
	int exact;   /* a correctly rounded (exact) result is required */
	ld (*f1)(ld);
	ld (*f2)(ld, ld);
	ld (*f3)(ld, ld, ld);
};

static ld w_ldexp(ld x, ld n) { return ldexpl(x, (int)n); }
static ld w_frexp(ld x) { int e; return frexpl(x, &e) + e * 0; }
static ld w_frexp_e(ld x) { int e; frexpl(x, &e); return e; }
static ld w_remquo(ld x, ld y) { int q; ld r = remquol(x, y, &q); return r; }
/* The quotient bits (unspecified by C where the remainder is NaN). */
static ld w_remquo_q(ld x, ld y)
{
	int q;
	ld r = remquol(x, y, &q);
	return r != r ? 0 : q % 8; /* glibc gives more bits than the 3 C asks */
}
static ld w_modf(ld x) { ld i; return modfl(x, &i); }
static ld w_modf_i(ld x) { ld i; modfl(x, &i); return i; }

#if defined REFERENCE && LDBL_MANT_DIG == 106
/* Double-double (powerpc64le): glibc's ldbl-128ibm fmodl, remainderl,
 * remquol and modfl are not exact, though C defines their results
 * exactly: fmodl (and remquol, built on it) truncates each operand to 107
 * significant bits, remainderl finishes in inexact long double
 * arithmetic, and modfl returns all of lo as the fraction when hi is an
 * integer (so 2^60 + 1.5 gives 1.5 and 2^60). The reference for these is
 * instead glibc's binary128 function (exact) on the operands, which
 * binary128 holds exactly when their bits spread over at most 113 places:
 * those functions are given only such operands (fit113 clears the low
 * part's bits beyond, which keeps the draws of the other functions as
 * they were), and the result
 * is rounded back to double-double (hi to nearest, lo the rest to
 * nearest, as muslin rounds a remainder that double-double cannot hold).
 * muslin is exact for any spread; this test checks up to 113 places. */
#define EXACT128 1
/* glibc's binary128 functions (declared here: <math.h> names them only
 * with __STDC_WANT_IEC_60559_TYPES_EXT__). */
_Float128 fmodf128(_Float128, _Float128);
_Float128 remainderf128(_Float128, _Float128);
_Float128 remquof128(_Float128, _Float128, int *);
_Float128 modff128(_Float128, _Float128 *);
/* x exactly (when it fits), and r rounded to double-double; a zero low
 * part is not added, which would turn -0 into +0. */
static _Float128 q128(ld x)
{
	double h = (double)x, l = (double)(x - h);
	return l == 0 ? (_Float128)h : (_Float128)h + l;
}
static ld ld128(_Float128 r)
{
	double h = (double)r, l = (double)(r - h);
	return l == 0 ? (ld)h : (ld)h + l;
}
static ld r_fmod(ld x, ld y) { return ld128(fmodf128(q128(x), q128(y))); }
static ld r_remainder(ld x, ld y) { return ld128(remainderf128(q128(x), q128(y))); }
static ld r_remquo(ld x, ld y) { int q; return ld128(remquof128(q128(x), q128(y), &q)); }
static ld r_remquo_q(ld x, ld y)
{
	int q;
	_Float128 r = remquof128(q128(x), q128(y), &q);
	return r != r ? 0 : q % 8;
}
static ld r_modf(ld x) { _Float128 i; return ld128(modff128(q128(x), &i)); }
static ld r_modf_i(ld x) { _Float128 i; modff128(q128(x), &i); return ld128(i); }
/* x with the bits of its low part that lie more than 113 places below
 * the top of its high part cleared (toward zero, so it stays canonical). */
static ld fit113(ld x)
{
	double h = (double)x, l = (double)(x - h);
	int e;
	if (l == 0 || h == 0 || !isfinite(h))
		return x;
	frexp(h, &e);
	return h + ldexp(trunc(ldexp(l, 113 - e)), e - 113);
}
#define FMODL r_fmod
#define REMAINDERL r_remainder
#define REMQUOL r_remquo
#define REMQUOL_Q r_remquo_q
#define MODFL r_modf
#define MODFL_I r_modf_i
#else
#define EXACT128 0
#define FMODL fmodl
#define REMAINDERL remainderl
#define REMQUOL w_remquo
#define REMQUOL_Q w_remquo_q
#define MODFL w_modf
#define MODFL_I w_modf_i
#endif
static ld w_ilogb(ld x) { return x == 0 || x != x ? 0 : ilogbl(x); }
static ld w_lrint(ld x) { return fabsl(x) < 1e15L ? (ld)llrintl(x) : 0; }
static ld w_lround(ld x) { return fabsl(x) < 1e15L ? (ld)llroundl(x) : 0; }
static ld w_nexttoward(ld x, ld y) { return nexttoward((double)x, y); }
static ld w_nexttowardf(ld x, ld y) { return nexttowardf((float)x, y); }

#define F1(n, d, e) { #n, 1, d, e, n, 0, 0 }
#define F2(n, d, e) { #n, 2, d, e, 0, n, 0 }
#define W1(n, f, d, e) { n, 1, d, e, f, 0, 0 }
#define W2(n, f, d, e) { n, 2, d, e, 0, f, 0 }

static const struct fn fns[] = {
	F1(sqrtl, POS, 1), F1(floorl, HUGE_, 1), F1(ceill, HUGE_, 1),
	F1(truncl, HUGE_, 1), F1(roundl, HUGE_, 1), F1(rintl, HUGE_, 1),
	F1(nearbyintl, HUGE_, 1), F1(fabsl, ANY, 1), F1(logbl, ANY, 1),
	W1("lrintl", w_lrint, HUGE_, 1), W1("lroundl", w_lround, HUGE_, 1),
	W1("frexpl", w_frexp, ANY, 1), W1("frexpl.e", w_frexp_e, ANY, 1),
	W1("ilogbl", w_ilogb, ANY, 1), W1("modfl", MODFL, HUGE_, 1),
	W1("modfl.i", MODFL_I, HUGE_, 1),
	W2("fmodl", FMODL, ANY, 1), W2("remainderl", REMAINDERL, ANY, 1),
	W2("remquol", REMQUOL, ANY, 1), W2("remquol.q", REMQUOL_Q, ANY, 1),
	F2(copysignl, ANY, 1), F2(fdiml, ANY, 1), F2(fmaxl, ANY, 1),
	F2(fminl, ANY, 1), F2(nextafterl, ANY, 1), F2(nexttowardl, ANY, 1),
	W2("nexttoward", w_nexttoward, SMALL, 1),
	W2("nexttowardf", w_nexttowardf, SMALL, 1),
	W2("ldexpl", w_ldexp, INT_, 1),
	{ "fmal", 3, ANY, 1, 0, 0, fmal },
	F1(sinl, SMALL, 0), F1(cosl, SMALL, 0), F1(tanl, SMALL, 0),
	F1(asinl, UNIT, 0), F1(acosl, UNIT, 0), F1(atanl, ANY, 0),
	F2(atan2l, ANY, 0), F1(sinhl, SMALL, 0), F1(coshl, SMALL, 0),
	F1(tanhl, SMALL, 0), F1(asinhl, ANY, 0), F1(acoshl, GE1, 0),
	F1(atanhl, UNIT, 0), F1(expl, EXPO, 0), F1(exp2l, EXPO, 0),
	F1(expm1l, EXPO, 0), F1(logl, POS, 0), F1(log2l, POS, 0),
	F1(log10l, POS, 0), F1(log1pl, POS, 0), F2(powl, SMALL, 0),
	F1(cbrtl, ANY, 0), F2(hypotl, ANY, 0), F1(erfl, SMALL, 0),
	F1(erfcl, SMALL, 0), F1(lgammal, SMALL, 0), F1(tgammal, SMALL, 0),
	/* The trigonometric functions on the whole range, where the argument
	 * reduction is the hard part. */
	W1("sinl.wide", sinl, WIDE, 0), W1("cosl.wide", cosl, WIDE, 0),
	W1("tanl.wide", tanl, WIDE, 0),
};
#define NFN (sizeof fns / sizeof fns[0])

static uint64_t dbits(double d)
{
	uint64_t u;
	memcpy(&u, &d, 8);
	return u;
}

static double bitsd(uint64_t u)
{
	double d;
	memcpy(&d, &u, 8);
	return d;
}

/* Prints x as "k d1 d2 d3" (x = (d1 + d2 + d3) 2^k), or "nan", "inf",
 * "-inf". */
static void put_ld(ld x)
{
	int k = 0;
	if (x != x) {
		printf(" nan");
		return;
	}
	if (x == INFINITY || x == -INFINITY) {
		printf(x > 0 ? " inf" : " -inf");
		return;
	}
	if (x != 0)
		x = frexpl(x, &k);
	double d1 = (double)x;
	ld r = x - d1;
	double d2 = (double)r;
	double d3 = (double)(r - d2);
	printf(" %d %llx %llx %llx", k, (unsigned long long)dbits(d1),
	       (unsigned long long)dbits(d2), (unsigned long long)dbits(d3));
}

/* Reads what put_ld wrote; 0 at the end of the input. */
static int get_ld(ld *x)
{
	char tok[32];
	unsigned long long a, b, c;
	int k;
	if (scanf("%31s", tok) != 1)
		return 0;
	if (!strcmp(tok, "nan")) {
		*x = NAN;
		return 1;
	}
	if (!strcmp(tok, "inf") || !strcmp(tok, "-inf")) {
		*x = tok[0] == '-' ? -INFINITY : INFINITY;
		return 1;
	}
	k = atoi(tok);
	if (scanf("%llx %llx %llx", &a, &b, &c) != 3)
		return 0;
	*x = bitsd(a); /* alone, so that -0 stays -0 */
	if (bitsd(b) != 0)
		*x += bitsd(b);
	if (bitsd(c) != 0)
		*x += bitsd(c);
	*x = ldexpl(*x, k);
	return 1;
}

#ifdef REFERENCE

static uint64_t rng = 0x9e3779b97f4a7c15ull;

static uint64_t next_u64(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* The numerators p > 3 of the convergents p/q of pi/2 below 2^113, as
 * {p >> 64, p mod 2^64}: integers closer to a multiple of pi/2 than any
 * smaller one, the hard cases of argument reduction (printed by
 * `python3 tools/ldmath_tables.py --convergents`). */
static const unsigned long long pio2_near[][2] = {
	{0x0ULL, 0xbULL}, {0x0ULL, 0x158ULL},
	{0x0ULL, 0x163ULL}, {0x0ULL, 0xca6bULL},
	{0x0ULL, 0xcbceULL}, {0x0ULL, 0x3f9a3ULL},
	{0x0ULL, 0x8bf14ULL}, {0x0ULL, 0x49f243ULL},
	{0x0ULL, 0x52b157ULL}, {0x0ULL, 0x23a1a4dULL},
	{0x0ULL, 0x28ccba4ULL}, {0x0ULL, 0x753b195ULL},
	{0x0ULL, 0x1887e063ULL}, {0x0ULL, 0x1fdb91f8ULL},
	{0x0ULL, 0x97f62843ULL}, {0x0ULL, 0xb7d1ba3bULL},
	{0x0ULL, 0x42f0ecb6aULL}, {0x0ULL, 0x4e6e085a5ULL},
	{0x0ULL, 0xcd290432d7ULL}, {0x0ULL, 0xd20fe4b87cULL},
	{0x0ULL, 0x27148cda3cfULL}, {0x0ULL, 0x825ea4da3e9ULL},
	{0x0ULL, 0x3b7ab0ed1f2eULL}, {0x0ULL, 0x43a09b3ac317ULL},
	{0x0ULL, 0x7f1b4c27e245ULL}, {0x0ULL, 0xc2bbe762a55cULL},
	{0x0ULL, 0x1508ecb38f52f9ULL}, {0x0ULL, 0x15cba89af1f855ULL},
	{0x0ULL, 0x2ad4954e814b4eULL}, {0x0ULL, 0x40a03de97343a3ULL},
	{0x0ULL, 0xac15112167d294ULL}, {0x0ULL, 0xecb54f0adb1637ULL},
	{0x0ULL, 0x2857faf371dff02ULL}, {0x0ULL, 0x37234fe41f91539ULL},
	{0x0ULL, 0x5f7b4ad7917143bULL}, {0x0ULL, 0xf619e5934273dafULL},
	{0x0ULL, 0x15595306ad3e51eaULL}, {0x0ULL, 0x24baf15fe1658f99ULL},
	{0x7ULL, 0x1d218660d1aece33ULL}, {0xeULL, 0x5efdfe2184c32bffULL},
	{0x15ULL, 0x7c1f84825671fa32ULL}, {0x64ULL, 0x4f7c102ade8b14c7ULL},
	{0x142ULL, 0x6a93b502f2133887ULL}, {0x7f2ULL, 0xcef24e3c8afe67f1ULL},
	{0x1128ULL, 0x878517c08100869ULL}, {0x191aULL, 0xd76a9fb8930e705aULL},
	{0x5c78ULL, 0x8eb830a5c13b5977ULL}, {0x12e84ULL, 0x839331a9d6c07cbfULL},
	{0x147345ULL, 0x4b7e7ced0403a226ULL}, {0x15a1c9ULL, 0xcf11ae96dac41ee5ULL},
	{0x5558a2ULL, 0xb8b388b1944ffed5ULL}, {0xc0530fULL, 0x4078bffa03641c8fULL},
	{0x115abb1ULL, 0xf92c48ab97b41b64ULL}, {0x742593bULL, 0x178273ff919cc0e7ULL},
	{0x16dcb763ULL, 0x3fb3a4aa4c8a5e19ULL}, {0x1e1f109eULL, 0x573618a9de271f00ULL},
	{0xcb971b19ULL, 0x4af838a581751819ULL}, {0x14cb77d12fULL, 0xf46bd979040b918aULL},
	{0x3f2dfe8ea9ULL, 0x283bc5108d97ccb7ULL}, {0x53f9765fd9ULL, 0x1ca79e8991a35e41ULL},
	{0x932774ee82ULL, 0x44e3639a1f3b2af8ULL}, {0x20d6fd52b5fULL, 0xeb51c957ef54df29ULL},
	{0x8c8e6c99c01ULL, 0xf22a88f9dc8ea79cULL}, {0x1c682431ff65ULL, 0xc1d164458500d5fdULL},
	{0x41992f2d9acdULL, 0x75cd5184e6905396ULL},
};

/* A uniform value in [0, 1) with the format's full precision. */
static ld uniform(void)
{
	ld u = ldexpl((ld)(next_u64() >> 11), -53);
	u += ldexpl((ld)(next_u64() >> 11), -106);
	u += ldexpl((ld)(next_u64() >> 11), -159);
	return u >= 1 ? 0.5L : u;
}

/* A random argument in the domain. */
static ld draw(int dom)
{
	ld m = 0.5L + uniform() / 2;
	int lo = LDBL_MIN_EXP - LDBL_MANT_DIG + 1, hi = LDBL_MAX_EXP;
	ld s = next_u64() & 1 ? -1 : 1;
	switch (dom) {
	case ANY:
		return s * ldexpl(m, lo + (int)(next_u64() % (unsigned)(hi - lo)));
	case POS:
		return ldexpl(m, lo + (int)(next_u64() % (unsigned)(hi - lo)));
	case UNIT:
		return s * uniform();
	case SMALL:
		return s * ldexpl(m, -8 + (int)(next_u64() % 13));
	case EXPO: {
		/* Within the range where results are finite and normal, for
		 * formats computed in double that of double. */
		ld l = LDBL_MANT_DIG == 64 ? 11355 : 708;
		return s * uniform() * l;
	}
	case GE1:
		return 1 + ldexpl(uniform(), (int)(next_u64() % 40));
	case HUGE_:
		/* Around integers and halves, up to beyond 2^mant. */
		return s * ldexpl(m, -2 + (int)(next_u64() % (LDBL_MANT_DIG + 6)));
	case WIDE:
		/* From 2^-8 to the largest finite values; half of them near
		 * multiples of pi/2 (p 2^k with p a convergent's numerator,
		 * rounded to the format). */
		if (next_u64() & 1) {
			const unsigned long long *p = pio2_near[next_u64() % (sizeof pio2_near / sizeof pio2_near[0])];
			int k = (int)(next_u64() % (unsigned)(hi - 113));
			return s * (ldexpl((ld)p[0], 64 + k) + ldexpl((ld)p[1], k));
		}
		return s * ldexpl(m, -8 + (int)(next_u64() % (unsigned)(hi + 8)));
	default: /* INT_: the exponent argument of ldexpl */
		return (ld)(int)(next_u64() % 40000) - 20000;
	}
}

int main(void)
{
	const char *e = getenv("MATHL_DIFF_N");
	int n = e ? atoi(e) : N_DEFAULT;
	for (unsigned i = 0; i < NFN; i++) {
		const struct fn *f = &fns[i];
		printf("F %s %d\n", f->name, n);
		/* The functions whose double-double reference is binary128
		 * (see EXACT128). */
		int only113 = EXACT128 && (f->f1 == MODFL || f->f1 == MODFL_I || f->f2 == FMODL ||
					   f->f2 == REMAINDERL || f->f2 == REMQUOL || f->f2 == REMQUOL_Q);
		for (int j = 0; j < n; j++) {
			ld a = draw(f->dom), b = draw(f->dom == INT_ ? ANY : f->dom), c = draw(f->dom), r;
#if EXACT128
			if (only113)
				a = fit113(a), b = fit113(b);
#else
			(void)only113;
#endif
			if (f->dom == INT_) {
				ld t = a;
				a = b;
				b = t;
			}
			if (f->arity == 1)
				r = f->f1(a);
			else if (f->arity == 2)
				r = f->f2(a, b);
			else
				r = f->f3(a, b, c);
			put_ld(a);
			put_ld(b);
			put_ld(c);
			put_ld(r);
			printf("\n");
		}
	}
	return 0;
}

#else

/* Bounds in ulp of the format for the functions that are not exact:
 * measured maxima, rounded up (see mathl_diff.bounds.h). */
struct bound {
	const char *name;
	double x87, b128, dbl, dd;
};
static const struct bound bounds[] = {
#include "mathl_diff.bounds.h"
};

static double bound_of(const char *name)
{
	for (unsigned i = 0; i < sizeof bounds / sizeof bounds[0]; i++)
		if (!strcmp(bounds[i].name, name))
			return LDBL_MANT_DIG == 64 ? bounds[i].x87 : LDBL_MANT_DIG == 113 ? bounds[i].b128 : LDBL_MANT_DIG == 53 ? bounds[i].dbl : bounds[i].dd;
	return 0;
}

/* The error of got in units of the last place of want (1e30 for a
 * mismatch of NaN, infinity or a zero's sign). */
static double ulps(ld got, ld want)
{
	if (want != want)
		return got != got ? 0 : 1e30;
	if (got != got)
		return 1e30;
	if (got == want)
		return !__builtin_signbit(got) == !__builtin_signbit(want) || got != 0 ? 0 : 1e30;
	if (want == INFINITY || want == -INFINITY || got == INFINITY || got == -INFINITY) {
		/* A finite result where the reference overflowed (or the other
		 * way round): measure against the largest finite value. */
		ld big = want == want && fabsl(want) == INFINITY ? copysignl(LDBL_MAX, want) : want;
		ld g = fabsl(got) == INFINITY ? copysignl(LDBL_MAX, got) : got;
		if (big == g)
			return 1;
		got = g;
		want = big;
	}
	int e = want == 0 ? LDBL_MIN_EXP - 1 : ilogbl(want);
	if (e < LDBL_MIN_EXP - 1)
		e = LDBL_MIN_EXP - 1;
	ld u = ldexpl(1, e - (LDBL_MANT_DIG - 1));
	ld d = fabsl(got - want) / u;
	return d > 1e30L ? 1e30 : (double)d;
}

int main(void)
{
	char name[64];
	int n, failed = 0;
	while (scanf(" F %63s %d", name, &n) == 2) {
		const struct fn *f = 0;
		for (unsigned i = 0; i < NFN; i++)
			if (!strcmp(fns[i].name, name))
				f = &fns[i];
		double worst = 0;
		for (int j = 0; j < n; j++) {
			ld a, b, c, want, got;
			if (!get_ld(&a) || !get_ld(&b) || !get_ld(&c) || !get_ld(&want)) {
				printf("FAIL %s: input ends early\n", name);
				return 1;
			}
			if (!f)
				continue;
			if (f->arity == 1)
				got = f->f1(a);
			else if (f->arity == 2)
				got = f->f2(a, b);
			else
				got = f->f3(a, b, c);
			double d = ulps(got, want);
			if (d > (f->exact ? 0 : bound_of(name)) && getenv("MATHL_DIFF_SHOW"))
			{
				/* Shown exactly: muslin's printf rounds long double to double. */
				printf("  %s:", name);
				put_ld(a), put_ld(b), put_ld(c), put_ld(got), put_ld(want);
				printf("\n");
			}
			if (d > worst)
				worst = d;
		}
		/* The bound: 0 for exact functions; for the others the table of
		 * mathl_diff.bounds.h for this format. */
		double bound = f && f->exact ? 0 : bound_of(name);
		if (!f || worst > bound) {
			printf("FAIL %s: max %.3g ulp > bound %.3g\n", name, worst, bound);
			failed = 1;
		} else {
			printf("ok %s: max %.3g ulp (bound %.3g)\n", name, worst, bound);
		}
	}
	return failed;
}

#endif
