/* Differential test of <math.h> against glibc's libm.
 *
 * test-reference: "host"
 *
 * For every function, N deterministic pseudo-random inputs (N = 100000, or
 * the MATH_DIFF_N environment variable; under qemu only every 5th is
 * computed, see `emulated`; MATH_DIFF_STRIDE=K in the environment compares
 * every Kth, 1 for all: `./x.py soak` does) drawn from a mix of classes: any
 * bit pattern, moderate values, tiny values, subnormals, values next to
 * multiples of pi/2 (built in integer arithmetic, so every arch, i386's x87
 * included, gets the same inputs), values next to integers, and the
 * special values. Built with -DREFERENCE against glibc, the program prints
 * glibc's results as hex bit patterns; built with muslin, it reads them,
 * computes its own, and prints one line per function:
 * `ok NAME: max ulp X` when the largest error in ulps (against glibc) is
 * within the bound in the table below, FAIL otherwise, with the worst input.
 *
 * Against the exact value (`./x.py soak`): built with -DREFERENCE -DEXACT
 * and linked with GCC's libquadmath (x86_64), the reference also prints,
 * after glibc's results, each value output's exact value as a binary128
 * (two 16-digit hex halves, high first): the function's libquadmath
 * counterpart called on the same inputs (113 bits, so its own error is
 * about 2^-60 of a double's ulp), or glibc's result itself for the
 * functions whose result is exactly specified (no counterpart in `qfns`:
 * the roundings, fmod, ldexp, frexp, nextafter, ...). The muslin side, run
 * with MATH_DIFF_EXACT=1, reads them and appends to each line
 * `; exact: max E ulp (glibc's G) at INPUT`: the largest |result - exact|
 * in ulps of the result's format at the exact value (a real number: 0.5 at
 * most for a correctly rounded result), its own and glibc's over the same
 * inputs. An integer output (an exponent, a quotient, a sign) that differs
 * from glibc's makes the error inf, as does a NaN that should not be one.
 *
 * The bounds are musl's own: the same program built with musl-gcc, fed the
 * same reference, gives each function's largest distance from glibc
 * (measured once by hand, x86_64, N = 100000: run with MATH_DIFF_MEASURE=1,
 * which prints "measure NAME X" lines instead). Each bound is that number,
 * at least 1 for functions that are not exact, 0 for exact ones (sqrt, fma,
 * the roundings, fmod, ...). Outputs that are integers (frexp's exponent,
 * remquo's quotient bits, ilogb, lrint, ...) must match exactly.
 */
#define _GNU_SOURCE
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- inputs ---------------------------------------------------------- */

static uint64_t rng;

/* splitmix64 */
static uint64_t rnd(void)
{
	uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double dbl(uint64_t b)
{
	double d;
	memcpy(&d, &b, sizeof d);
	return d;
}

static uint64_t dbits(double d)
{
	uint64_t b;
	memcpy(&b, &d, sizeof b);
	return b;
}

static float flt(uint32_t b)
{
	float f;
	memcpy(&f, &b, sizeof f);
	return f;
}

static uint32_t fbits(float f)
{
	uint32_t b;
	memcpy(&b, &f, sizeof b);
	return b;
}

/* The double just below k*pi/2 (k < 2^20), in integer arithmetic: pi*2^99
 * as four 32-bit limbs, times k, the top 53 bits kept. */
static uint64_t near_pio2(uint32_t k)
{
	static const uint32_t pi_limbs[4] = {0x98cc5170, 0x2d184698, 0x21fb5444, 0x19};
	uint32_t p[5];
	uint64_t carry = 0;
	for (int i = 0; i < 4; i++) {
		uint64_t t = (uint64_t)pi_limbs[i] * k + carry;
		p[i] = (uint32_t)t;
		carry = t >> 32;
	}
	p[4] = (uint32_t)carry;
	/* The product is k*pi/2 * 2^100, at most 2^121: find its top bit. */
	int top = 159;
	while (!((p[top / 32] >> (top % 32)) & 1))
		top--;
	uint64_t m = 0;
	for (int b = top; b > top - 53; b--)
		m = m << 1 | ((p[b / 32] >> (b % 32)) & 1);
	uint64_t e = (uint64_t)(top - 100 + 1023);
	return e << 52 | (m & ((1ULL << 52) - 1));
}

static const uint64_t dspecial[] = {
	0, 0x8000000000000000ULL, 0x7ff0000000000000ULL, 0xfff0000000000000ULL,
	0x7ff8000000000000ULL, 0x3ff0000000000000ULL, 0xbff0000000000000ULL,
	0x7fefffffffffffffULL, 0xffefffffffffffffULL, 0x0010000000000000ULL,
	0x8010000000000000ULL, 1, 0x8000000000000001ULL, 0x3fe0000000000000ULL,
	0x4000000000000000ULL, 0xc000000000000000ULL, 0x3ff921fb54442d18ULL,
	0x400921fb54442d18ULL, 0x44b52d02c7e14af6ULL /* 1e22 */,
	0x4086232bdd7abcd2ULL /* ~709.78 */, 0xc0874910d52d3051ULL /* ~-745.13 */,
	0x4330000000000000ULL, 0x4338000000000000ULL, 0x3fefffffffffffffULL,
	0x3ff0000000000001ULL, 0xbfefffffffffffffULL,
};

/* Input classes, one letter each in a function's class string. */
static uint64_t gen_double(char cls)
{
	uint64_t r = rnd(), sign = r & 0x8000000000000000ULL;
	uint64_t mant = rnd() & ((1ULL << 52) - 1);
	switch (cls) {
	case 'R': /* any bit pattern */
		return rnd();
	case 'M': /* moderate: 2^-30 .. 2^12 */
		return sign | (uint64_t)(1023 - 30 + (r >> 8) % 43) << 52 | mant;
	case 'P': /* positive moderate */
		return (uint64_t)(1023 - 30 + (r >> 8) % 43) << 52 | mant;
	case 'T': /* tiny normal: 2^-1022 .. 2^-30 */
		return sign | (uint64_t)(1 + (r >> 8) % 992) << 52 | mant;
	case 'S': /* subnormal */
		return sign | (mant ? mant : 1);
	case 'X': /* next to k*pi/2, a few ulps either way */
		return sign | (near_pio2(1 + (uint32_t)((r >> 8) % 1000000)) + (r >> 40) % 9 - 4);
	case 'Q': /* special values */
		return dspecial[(r >> 8) % (sizeof dspecial / sizeof dspecial[0])];
	case 'N': /* next to an integer in -200 .. 200, a few ulps either way */
	{
		double n = (double)((int)((r >> 8) % 401) - 200);
		if (n == 0)
			return mant;
		return dbits(n) + (r >> 40) % 9 - 4;
	}
	case 'U': /* |x| < 1 */
		return sign | (uint64_t)(1023 - 40 + (r >> 8) % 40) << 52 | mant;
	case 'G': /* x >= 1: 1 .. 2^30 */
		return (uint64_t)(1023 + (r >> 8) % 31) << 52 | mant;
	case 'L': /* large: 2^12 .. 2^1023 */
		return sign | (uint64_t)(1023 + 12 + (r >> 8) % 1012) << 52 | mant;
	case 'I': /* a small integer, -60 .. 60 */
		return dbits((double)((int)((r >> 8) % 121) - 60));
	case 'E': /* |x| < 2^10 (exp's interesting range) */
		return sign | (uint64_t)(1023 - 20 + (r >> 8) % 30) << 52 | mant;
	}
	abort();
}

/* The float inputs: the same classes, from the double ones where they
 * are in float's range. */
static uint32_t gen_float(char cls)
{
	uint64_t r = rnd();
	uint32_t sign = (uint32_t)(r >> 32) & 0x80000000u, mant = (uint32_t)rnd() & 0x7fffff;
	switch (cls) {
	case 'R':
		return (uint32_t)rnd();
	case 'T':
		return sign | (uint32_t)(1 + (r >> 8) % 96) << 23 | mant;
	case 'S':
		return sign | (mant ? mant : 1);
	case 'L':
		return sign | (uint32_t)(127 + 12 + (r >> 8) % 115) << 23 | mant;
	case 'Q': {
		static const uint32_t fspecial[] = {
			0, 0x80000000u, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0x3f800000u,
			0xbf800000u, 0x7f7fffffu, 0xff7fffffu, 0x00800000u, 1, 0x3f000000u,
			0x3fc90fdbu, 0x40490fdbu, 0x42b17218u, 0xc2cff1b5u, 0x4b000000u,
			0x3f7fffffu, 0x3f800001u,
		};
		return fspecial[(r >> 8) % (sizeof fspecial / sizeof fspecial[0])];
	}
	case 'N': {
		float n = (float)((int)((r >> 8) % 401) - 200);
		if (n == 0)
			return mant;
		return fbits(n) + (uint32_t)((r >> 40) % 9) - 4;
	}
	}
	/* The others: the double class's value, cut to float's precision
	 * (truncated, so no rounding mode matters). */
	uint64_t d = gen_double(cls);
	int e = (int)((d >> 52) & 0x7ff) - 1023;
	uint32_t s = (uint32_t)(d >> 32) & 0x80000000u;
	if (e < -126 || e > 127)
		return s | mant;
	return s | (uint32_t)(e + 127) << 23 | (uint32_t)((d >> 29) & 0x7fffff);
}

/* ---- the functions --------------------------------------------------- */

/* What a function takes and gives: D double, F float, I int (passed as
 * a second argument), and its outputs: V value (ulps), Z integer (exact). */
enum shape {
	D_D, D_DD, D_DDD, D_DI, D_ID, D_DPI, D_DPD, D_DDPI, D_DPIS, DD_SINCOS, I_D, L_D, LL_D,
	F_F, F_FF, F_FFF, F_FI, F_IF, F_FPI, F_FPF, F_FFPI, F_FPIS, FF_SINCOS, I_F, L_F, LL_F,
};

struct fn {
	const char *name;
	enum shape shape;
	void *f;
	const char *cls; /* input classes of the (first) floating argument */
	const char *cls2; /* of the second, where there is one */
	unsigned bound;   /* musl's max ulp against glibc */
};

typedef double (*d_d)(double);
typedef double (*d_dd)(double, double);
typedef double (*d_ddd)(double, double, double);
typedef double (*d_di)(double, int);
typedef double (*d_id)(int, double);
typedef double (*d_dpi)(double, int *);
typedef double (*d_dpd)(double, double *);
typedef double (*d_ddpi)(double, double, int *);
typedef void (*dd_sincos)(double, double *, double *);
typedef int (*i_d)(double);
typedef long (*l_d)(double);
typedef long long (*ll_d)(double);
typedef float (*f_f)(float);
typedef float (*f_ff)(float, float);
typedef float (*f_fff)(float, float, float);
typedef float (*f_fi)(float, int);
typedef float (*f_if)(int, float);
typedef float (*f_fpi)(float, int *);
typedef float (*f_fpf)(float, float *);
typedef float (*f_ffpi)(float, float, int *);
typedef void (*ff_sincos)(float, float *, float *);
typedef int (*i_f)(float);
typedef long (*l_f)(float);
typedef long long (*ll_f)(float);

/* Classes: trig and the rest of the everyday ones. */
#define ALL "RMTSXQNML"
#define UNIT "UUUUMQTS"
#define EXPS "EEEEMQTSR"

static const struct fn fns[] = {
	/* BOUNDS BEGIN (musl's measured max ulp against glibc) */
	{"acos", D_D, acos, UNIT, 0, 1},
	{"asin", D_D, asin, UNIT, 0, 1},
	{"atan", D_D, atan, ALL, 0, 1},
	{"atan2", D_DD, atan2, ALL, ALL, 1},
	{"cos", D_D, cos, ALL, 0, 1},
	{"sin", D_D, sin, ALL, 0, 1},
	{"tan", D_D, tan, ALL, 0, 1},
	{"acosh", D_D, acosh, "GGGGQNR", 0, 1}, /* musl: a number for some x < 1 (where x + sqrt(x*x - 1) cancels); muslin returns NaN, as glibc */
	{"asinh", D_D, asinh, ALL, 0, 1},
	{"atanh", D_D, atanh, UNIT, 0, 1},
	{"cosh", D_D, cosh, EXPS, 0, 1},
	{"sinh", D_D, sinh, EXPS, 0, 2},
	{"tanh", D_D, tanh, EXPS, 0, 2},
	{"exp", D_D, exp, EXPS, 0, 1},
	{"exp2", D_D, exp2, EXPS, 0, 1}, /* musl 0: musl's and glibc's exp2 are the same algorithm (ARM's optimized routines), so they agree bit for bit; muslin's is correctly rounded in practice, and 1 ulp from glibc's where glibc's misrounds */
	{"exp10", D_D, exp10, EXPS, 0, 4},
	{"expm1", D_D, expm1, EXPS, 0, 1},
	{"log", D_D, log, "PPPPMQTSRL", 0, 1},
	{"log10", D_D, log10, "PPPPMQTSRL", 0, 1},
	{"log1p", D_D, log1p, "UUUPMQTSRL", 0, 1},
	{"log2", D_D, log2, "PPPPMQTSRL", 0, 1},
	{"logb", D_D, logb, ALL, 0, 0},
	{"cbrt", D_D, cbrt, ALL, 0, 3},
	{"sqrt", D_D, sqrt, "PPPPMQTSRL", 0, 0},
	{"erf", D_D, erf, "MMMUQTSR", 0, 1},
	{"erfc", D_D, erfc, "MMMUQTSR", 0, 3},
	{"lgamma", D_D, lgamma, "MMNNNQTSRU", 0, 195},
	{"tgamma", D_D, tgamma, "MMNNNQTSRU", 0, 8},
	{"ceil", D_D, ceil, ALL, 0, 0},
	{"floor", D_D, floor, ALL, 0, 0},
	{"nearbyint", D_D, nearbyint, ALL, 0, 0},
	{"rint", D_D, rint, ALL, 0, 0},
	{"round", D_D, round, ALL, 0, 0},
	{"trunc", D_D, trunc, ALL, 0, 0},
	{"j0", D_D, j0, "MMMPQTSRL", 0, 47},
	{"j1", D_D, j1, "MMMPQTSRL", 0, 392},
	{"y0", D_D, y0, "PPPPQTSRL", 0, 32768},
	{"y1", D_D, y1, "PPPPQTSRL", 0, 31},
	{"hypot", D_DD, hypot, ALL, ALL, 1},
	{"pow", D_DD, pow, "PPPMQNTSRI", "MMMEIIQNRS", 1},
	{"fmod", D_DD, fmod, ALL, ALL, 0},
	{"remainder", D_DD, remainder, ALL, ALL, 0},
	{"copysign", D_DD, copysign, ALL, ALL, 0},
	{"nextafter", D_DD, nextafter, ALL, ALL, 0},
	{"fdim", D_DD, fdim, ALL, ALL, 0},
	{"fmax", D_DD, fmax, ALL, ALL, 0},
	{"fmin", D_DD, fmin, ALL, ALL, 0},
	{"fma", D_DDD, fma, ALL, ALL, 0},
	{"ldexp", D_DI, ldexp, ALL, 0, 0},
	{"scalbn", D_DI, scalbn, ALL, 0, 0},
	{"jn", D_ID, jn, "MMMPQTSRL", 0, 322},
	{"yn", D_ID, yn, "PPPPQTSRL", 0, 2048},
	{"frexp", D_DPI, frexp, ALL, 0, 0},
	{"modf", D_DPD, modf, ALL, 0, 0},
	{"remquo", D_DDPI, remquo, ALL, ALL, 0},
	{"lgamma_r", D_DPIS, lgamma_r, "MMNNNQTSRU", 0, 265},
	{"sincos", DD_SINCOS, sincos, ALL, 0, 1},
	{"ilogb", I_D, ilogb, ALL, 0, 0},
	{"lrint", L_D, lrint, "MMMINQS", 0, 0},
	{"lround", L_D, lround, "MMMINQS", 0, 0},
	{"llrint", LL_D, llrint, "MMMINQS", 0, 0},
	{"llround", LL_D, llround, "MMMINQS", 0, 0},

	{"acosf", F_F, acosf, UNIT, 0, 1},
	{"asinf", F_F, asinf, UNIT, 0, 1},
	{"atanf", F_F, atanf, ALL, 0, 1},
	{"atan2f", F_FF, atan2f, ALL, ALL, 1},
	{"cosf", F_F, cosf, ALL, 0, 1},
	{"sinf", F_F, sinf, ALL, 0, 1},
	{"tanf", F_F, tanf, ALL, 0, 1},
	{"acoshf", F_F, acoshf, "GGGGQNR", 0, 1},
	{"asinhf", F_F, asinhf, ALL, 0, 1},
	{"atanhf", F_F, atanhf, UNIT, 0, 1},
	{"coshf", F_F, coshf, EXPS, 0, 2},
	{"sinhf", F_F, sinhf, EXPS, 0, 2},
	{"tanhf", F_F, tanhf, EXPS, 0, 3},
	{"expf", F_F, expf, EXPS, 0, 1}, /* musl 0: musl's and glibc's expf are the same algorithm (ARM's optimized routines), so they agree bit for bit; muslin's is correctly rounded in practice, and 1 ulp from glibc's where glibc's misrounds */
	{"exp2f", F_F, exp2f, EXPS, 0, 1}, /* musl 0: musl's and glibc's exp2f are the same algorithm (ARM's optimized routines), so they agree bit for bit; muslin's is correctly rounded in practice, and 1 ulp from glibc's where glibc's misrounds */
	{"exp10f", F_F, exp10f, EXPS, 0, 3},
	{"expm1f", F_F, expm1f, EXPS, 0, 1},
	{"logf", F_F, logf, "PPPPMQTSRL", 0, 1}, /* musl 0: musl's and glibc's logf are the same algorithm (ARM's optimized routines), so they agree bit for bit; muslin's is correctly rounded in practice, and 1 ulp from glibc's where glibc's misrounds */
	{"log10f", F_F, log10f, "PPPPMQTSRL", 0, 2},
	{"log1pf", F_F, log1pf, "UUUPMQTSRL", 0, 1},
	{"log2f", F_F, log2f, "PPPPMQTSRL", 0, 1}, /* musl 0: musl's and glibc's log2f are the same algorithm (ARM's optimized routines), so they agree bit for bit; muslin's is correctly rounded in practice, and 1 ulp from glibc's where glibc's misrounds */
	{"logbf", F_F, logbf, ALL, 0, 0},
	{"cbrtf", F_F, cbrtf, ALL, 0, 1},
	{"sqrtf", F_F, sqrtf, "PPPPMQTSRL", 0, 0},
	{"erff", F_F, erff, "MMMUQTSR", 0, 1},
	{"erfcf", F_F, erfcf, "MMMUQTSR", 0, 2}, /* musl 1; muslin rounds erfc to float, correctly rounded in practice (checked against mpmath: it differed from glibc 2.36 on 31% of x in [-1, 10], glibc's erfcf being the wrong one each time, by up to 2 ulps) */
	{"lgammaf", F_F, lgammaf, "MMNNNQTSRU", 0, 304},
	{"tgammaf", F_F, tgammaf, "MMNNNQTSRU", 0, 4},
	{"ceilf", F_F, ceilf, ALL, 0, 0},
	{"floorf", F_F, floorf, ALL, 0, 0},
	{"nearbyintf", F_F, nearbyintf, ALL, 0, 0},
	{"rintf", F_F, rintf, ALL, 0, 0},
	{"roundf", F_F, roundf, ALL, 0, 0},
	{"truncf", F_F, truncf, ALL, 0, 0},
	{"j0f", F_F, j0f, "MMMPQTSRL", 0, 411},
	{"j1f", F_F, j1f, "MMMPQTSRL", 0, 74},
	{"y0f", F_F, y0f, "PPPPQTSRL", 0, 238},
	{"y1f", F_F, y1f, "PPPPQTSRL", 0, 480},
	{"hypotf", F_FF, hypotf, ALL, ALL, 1},
	{"powf", F_FF, powf, "PPPMQNTSRI", "MMMEIIQNRS", 1}, /* musl 0: musl's and glibc's powf are the same algorithm (ARM's optimized routines), so they agree bit for bit; muslin's is correctly rounded in practice, and 1 ulp from glibc's where glibc's misrounds */
	{"fmodf", F_FF, fmodf, ALL, ALL, 0},
	{"remainderf", F_FF, remainderf, ALL, ALL, 0},
	{"copysignf", F_FF, copysignf, ALL, ALL, 0},
	{"nextafterf", F_FF, nextafterf, ALL, ALL, 0},
	{"fdimf", F_FF, fdimf, ALL, ALL, 0},
	{"fmaxf", F_FF, fmaxf, ALL, ALL, 0},
	{"fminf", F_FF, fminf, ALL, ALL, 0},
	{"fmaf", F_FFF, fmaf, ALL, ALL, 0},
	{"ldexpf", F_FI, ldexpf, ALL, 0, 0},
	{"scalbnf", F_FI, scalbnf, ALL, 0, 0},
	{"jnf", F_IF, jnf, "MMMPQTSRL", 0, 915},
	{"ynf", F_IF, ynf, "PPPPQTSRL", 0, 2294},
	{"frexpf", F_FPI, frexpf, ALL, 0, 0},
	{"modff", F_FPF, modff, ALL, 0, 0},
	{"remquof", F_FFPI, remquof, ALL, ALL, 0},
	{"lgammaf_r", F_FPIS, lgammaf_r, "MMNNNQTSRU", 0, 304},
	{"sincosf", FF_SINCOS, sincosf, ALL, 0, 1},
	{"ilogbf", I_F, ilogbf, ALL, 0, 0},
	{"lrintf", L_F, lrintf, "MMMINQS", 0, 0},
	{"lroundf", L_F, lroundf, "MMMINQS", 0, 0},
	{"llrintf", LL_F, llrintf, "MMMINQS", 0, 0},
	{"llroundf", LL_F, llroundf, "MMMINQS", 0, 0},
	/* BOUNDS END */
};

static int is_float(enum shape s)
{
	return s >= F_F;
}

/* An input of one of the classes. Signalling NaNs are made quiet: C99
 * leaves them out, and glibc (IEEE 754-2008: fmax(sNaN, 1) is NaN) and
 * musl (1) differ on them. */
static uint64_t pick(const char *cls, int fl)
{
	char c = cls[rnd() % strlen(cls)];
	if (fl) {
		uint32_t b = gen_float(c);
		return (b & 0x7f800000u) == 0x7f800000u && (b & 0x7fffff) ? b | 0x400000 : b;
	}
	uint64_t b = gen_double(c);
	if ((b & 0x7ff0000000000000ULL) == 0x7ff0000000000000ULL && (b & 0xfffffffffffffULL))
		b |= 0x8000000000000ULL;
	return b;
}

/* One call: the inputs (in[0..2], in[3] the int argument) and up to two
 * outputs, out[0] a value's bits, out[1] a second value's bits or an
 * integer. */
static void inputs(const struct fn *f, size_t i, long k, uint64_t in[4])
{
	/* Each input from its own seed, so that a reader can skip inputs
	 * without generating them. */
	rng = 0x6d75736c696e0000ULL ^ (uint64_t)i << 40 ^ (uint64_t)k;
	int fl = is_float(f->shape);
	in[0] = pick(f->cls, fl);
	in[1] = pick(f->cls2 ? f->cls2 : f->cls, fl);
	in[2] = pick(f->cls, fl);
	uint64_t r = rnd();
	if (f->shape == D_ID || f->shape == F_IF)
		in[3] = (uint64_t)(int64_t)((int)(r % 24) - 4);
	else
		in[3] = (uint64_t)(int64_t)((int)(r % 2401) - 1200);
	/* lrint and friends: keep x inside long's range on 32-bit arches too
	 * (outside, C leaves the result unspecified). */
	if (f->shape == L_D || f->shape == LL_D) {
		if (!(fabs(dbl(in[0])) < 2147483647.0))
			in[0] = 0;
	}
	if (f->shape == L_F || f->shape == LL_F) {
		float x = flt((uint32_t)in[0]);
		if (!(fabsf(x) < 2147483520.0f))
			in[0] = 0;
	}
}

static void call(const struct fn *f, const uint64_t in[4], uint64_t out[2])
{
	double d0 = dbl(in[0]), d1 = dbl(in[1]), d2 = dbl(in[2]);
	float f0 = flt((uint32_t)in[0]), f1 = flt((uint32_t)in[1]), f2 = flt((uint32_t)in[2]);
	int n = (int)(int64_t)in[3], e = 0;
	double dv = 0, dw = 0;
	float fv = 0, fw = 0;
	out[1] = 0;
	switch (f->shape) {
	case D_D: out[0] = dbits(((d_d)f->f)(d0)); break;
	case D_DD: out[0] = dbits(((d_dd)f->f)(d0, d1)); break;
	case D_DDD: out[0] = dbits(((d_ddd)f->f)(d0, d1, d2)); break;
	case D_DI: out[0] = dbits(((d_di)f->f)(d0, n)); break;
	case D_ID: out[0] = dbits(((d_id)f->f)(n, d0)); break;
	case D_DPI: out[0] = dbits(((d_dpi)f->f)(d0, &e)); out[1] = (uint64_t)(int64_t)e; break;
	case D_DPIS: /* lgamma_r: the sign only where Gamma is finite and non-zero */
		out[0] = dbits(((d_dpi)f->f)(d0, &e));
		out[1] = (isfinite(dbl(out[0])) && !(d0 <= 0 && d0 == floor(d0))) ? (uint64_t)(int64_t)e : 0;
		break;
	case D_DPD: out[0] = dbits(((d_dpd)f->f)(d0, &dv)); out[1] = dbits(dv); break;
	case D_DDPI: /* remquo: the quotient's sign and 3 low bits */
		out[0] = dbits(((d_ddpi)f->f)(d0, d1, &e));
		out[1] = isnan(dbl(out[0])) ? 0 : (uint64_t)(int64_t)(e < 0 ? -(-e & 7) : (e & 7));
		break;
	case DD_SINCOS: ((dd_sincos)f->f)(d0, &dv, &dw); out[0] = dbits(dv); out[1] = dbits(dw); break;
	case I_D: out[0] = (uint64_t)(int64_t)((i_d)f->f)(d0); break;
	case L_D: out[0] = (uint64_t)(int64_t)((l_d)f->f)(d0); break;
	case LL_D: out[0] = (uint64_t)((ll_d)f->f)(d0); break;
	case F_F: out[0] = fbits(((f_f)f->f)(f0)); break;
	case F_FF: out[0] = fbits(((f_ff)f->f)(f0, f1)); break;
	case F_FFF: out[0] = fbits(((f_fff)f->f)(f0, f1, f2)); break;
	case F_FI: out[0] = fbits(((f_fi)f->f)(f0, n)); break;
	case F_IF: out[0] = fbits(((f_if)f->f)(n, f0)); break;
	case F_FPI: out[0] = fbits(((f_fpi)f->f)(f0, &e)); out[1] = (uint64_t)(int64_t)e; break;
	case F_FPIS:
		out[0] = fbits(((f_fpi)f->f)(f0, &e));
		out[1] = (isfinite(flt((uint32_t)out[0])) && !(f0 <= 0 && f0 == floorf(f0))) ? (uint64_t)(int64_t)e : 0;
		break;
	case F_FPF: out[0] = fbits(((f_fpf)f->f)(f0, &fv)); out[1] = fbits(fv); break;
	case F_FFPI:
		out[0] = fbits(((f_ffpi)f->f)(f0, f1, &e));
		out[1] = isnan(flt((uint32_t)out[0])) ? 0 : (uint64_t)(int64_t)(e < 0 ? -(-e & 7) : (e & 7));
		break;
	case FF_SINCOS: ((ff_sincos)f->f)(f0, &fv, &fw); out[0] = fbits(fv); out[1] = fbits(fw); break;
	case I_F: out[0] = (uint64_t)(int64_t)((i_f)f->f)(f0); break;
	case L_F: out[0] = (uint64_t)(int64_t)((l_f)f->f)(f0); break;
	case LL_F: out[0] = (uint64_t)((ll_f)f->f)(f0); break;
	}
}

/* Which outputs are values (compared in ulps) and which integers. */
static int out0_is_value(enum shape s)
{
	return !(s == I_D || s == L_D || s == LL_D || s == I_F || s == L_F || s == LL_F);
}

static int out1_is_value(enum shape s)
{
	return s == D_DPD || s == DD_SINCOS || s == F_FPF || s == FF_SINCOS;
}

static int has_out1(enum shape s)
{
	return s == D_DPI || s == D_DPIS || s == D_DPD || s == D_DDPI || s == DD_SINCOS ||
	       s == F_FPI || s == F_FPIS || s == F_FPF || s == F_FFPI || s == FF_SINCOS;
}

static long count(void)
{
	const char *s = getenv("MATH_DIFF_N");
	long n = s ? atol(s) : 0;
	return n > 0 ? n : 100000;
}

/* ---- output and input of hex lines ------------------------------------ */

static char obuf[1 << 16];
static size_t olen;

static void flush(void)
{
	size_t done = 0;
	while (done < olen) {
		ssize_t w = write(1, obuf + done, olen - done);
		if (w <= 0)
			exit(2);
		done += (size_t)w;
	}
	olen = 0;
}

static void out_str(const char *s)
{
	size_t n = strlen(s);
	if (olen + n > sizeof obuf)
		flush();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void out_hex(uint64_t v)
{
	char b[17], *p = b + 16;
	*p = 0;
	do
		*--p = "0123456789abcdef"[v & 15];
	while (v >>= 4);
	out_str(p);
}

/* Fixed width, so that the reader can skip a line without scanning it. */
static void out_hex_w(uint64_t v, int width)
{
	char b[17];
	for (int i = width - 1; i >= 0; i--, v >>= 4)
		b[i] = "0123456789abcdef"[v & 15];
	b[width] = 0;
	out_str(b);
}

/* The hex widths of a function's outputs: 8 digits for a float value, 16
 * for a double or an integer; 0 for no second output. */
static int width0(enum shape s)
{
	return is_float(s) && out0_is_value(s) ? 8 : 16;
}

static int width1(enum shape s)
{
	if (!has_out1(s))
		return 0;
	return is_float(s) && out1_is_value(s) ? 8 : 16;
}

static void out_dec(unsigned long long v)
{
	char b[24], *p = b + 23;
	*p = 0;
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	out_str(p);
}

#ifdef REFERENCE

#ifdef EXACT
#include <quadmath.h>

typedef __float128 quad;
typedef quad (*q_q)(quad);
typedef quad (*q_qq)(quad, quad);
typedef quad (*q_qqq)(quad, quad, quad);
typedef quad (*q_iq)(int, quad);

static quad exp10_q(quad x)
{
	return powq(10, x); /* 10 and x exact: powq's own accuracy */
}

/* The libquadmath counterpart of each function whose result is rounded
 * (a float function's is its double one's: floats are doubles' subset).
 * The others' results are exactly specified: glibc's are the exact ones. */
static const struct {
	const char *name;
	void *q;
} qfns[] = {
	{"acos", acosq}, {"asin", asinq}, {"atan", atanq}, {"atan2", atan2q},
	{"cos", cosq}, {"sin", sinq}, {"tan", tanq}, {"acosh", acoshq},
	{"asinh", asinhq}, {"atanh", atanhq}, {"cosh", coshq}, {"sinh", sinhq},
	{"tanh", tanhq}, {"exp", expq}, {"exp2", exp2q}, {"exp10", exp10_q},
	{"expm1", expm1q}, {"log", logq}, {"log10", log10q}, {"log1p", log1pq},
	{"log2", log2q}, {"cbrt", cbrtq}, {"sqrt", sqrtq}, {"erf", erfq},
	{"erfc", erfcq}, {"lgamma", lgammaq}, {"lgamma_r", lgammaq},
	{"tgamma", tgammaq}, {"j0", j0q}, {"j1", j1q}, {"y0", y0q}, {"y1", y1q},
	{"jn", jnq}, {"yn", ynq}, {"hypot", hypotq}, {"pow", powq},
	{"fdim", fdimq}, {"fma", fmaq}, {"sincos", sincosq},
};

static void *quad_of(const struct fn *f)
{
	char base[32];
	size_t len = strlen(f->name);
	memcpy(base, f->name, len + 1);
	if (is_float(f->shape)) {
		/* expf -> exp, lgammaf_r -> lgamma_r */
		size_t at = len >= 3 && !strcmp(base + len - 2, "_r") ? len - 3 : len - 1;
		memmove(base + at, base + at + 1, len - at);
	}
	for (size_t i = 0; i < sizeof qfns / sizeof qfns[0]; i++)
		if (!strcmp(qfns[i].name, base))
			return qfns[i].q;
	return 0;
}

static quad as_quad(uint64_t b, int fl)
{
	return fl ? (quad)flt((uint32_t)b) : (quad)dbl(b);
}

/* The exact values of a call's value outputs (glibc's `out` for an
 * exactly specified function). */
static void exact(const struct fn *f, void *g, const uint64_t in[4], const uint64_t out[2],
		  quad ex[2])
{
	int fl = is_float(f->shape);
	quad x0 = as_quad(in[0], fl), x1 = as_quad(in[1], fl), x2 = as_quad(in[2], fl);
	ex[0] = as_quad(out[0], fl);
	ex[1] = as_quad(out[1], fl);
	if (!g)
		return;
	switch (f->shape) {
	case D_D: case F_F: case D_DPIS: case F_FPIS: ex[0] = ((q_q)g)(x0); break;
	case D_DD: case F_FF: ex[0] = ((q_qq)g)(x0, x1); break;
	case D_DDD: case F_FFF: ex[0] = ((q_qqq)g)(x0, x1, x2); break;
	case D_ID: case F_IF: ex[0] = ((q_iq)g)((int)(int64_t)in[3], x0); break;
	case DD_SINCOS: case FF_SINCOS: sincosq(x0, &ex[0], &ex[1]); break;
	default: abort(); /* a counterpart for a shape that has none */
	}
}

/* A binary128 as two hex halves, the high one first. */
static void out_quad(quad v)
{
	uint64_t h[2]; /* x86_64: the low half first */
	memcpy(h, &v, sizeof h);
	out_str(" ");
	out_hex_w(h[1], 16);
	out_str(" ");
	out_hex_w(h[0], 16);
}
#endif

int main(void)
{
	long n = count();
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		const struct fn *f = &fns[i];
#ifdef EXACT
		void *g = quad_of(f);
#endif
		for (long k = 0; k < n; k++) {
			uint64_t in[4], out[2];
			inputs(f, i, k, in);
			call(f, in, out);
			out_hex_w(out[0], width0(f->shape));
			if (has_out1(f->shape)) {
				out_str(" ");
				out_hex_w(out[1], width1(f->shape));
			}
#ifdef EXACT
			quad ex[2];
			exact(f, g, in, out, ex);
			if (out0_is_value(f->shape))
				out_quad(ex[0]);
			if (out1_is_value(f->shape))
				out_quad(ex[1]);
#endif
			out_str("\n");
		}
	}
	flush();
	return 0;
}

#else

static char ibuf[1 << 16];
static size_t ipos, ilen;
static int ieof;

static int in_char(void)
{
	if (ipos == ilen) {
		if (ieof)
			return -1;
		ssize_t r = read(0, ibuf, sizeof ibuf);
		if (r <= 0) {
			ieof = 1;
			return -1;
		}
		ipos = 0;
		ilen = (size_t)r;
	}
	return (unsigned char)ibuf[ipos++];
}

/* The next hex number on stdin; 0 with *ok cleared at the end. */
static uint64_t in_hex(int *ok)
{
	int c;
	do
		c = in_char();
	while (c == ' ' || c == '\n');
	if (c < 0) {
		*ok = 0;
		return 0;
	}
	uint64_t v = 0;
	for (;;) {
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			break;
		v = v << 4 | (uint64_t)d;
		c = in_char();
	}
	return v;
}

/* Skips `n` bytes of stdin. */
static void in_skip(size_t n)
{
	while (n) {
		if (ipos == ilen) {
			if (in_char() < 0)
				return;
			ipos--;
		}
		size_t k = ilen - ipos < n ? ilen - ipos : n;
		ipos += k;
		n -= k;
	}
}

/* Whether this runs under an emulator (qemu-user): every arch but x86
 * does here, and on x86 qemu's CPU names itself in the brand string. Under
 * emulation only every EMULATED_STRIDE-th input is computed and compared
 * (all N are still generated and read), so that the run stays short. */
#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
static int emulated(void)
{
	unsigned r[13] = {0};
	if (__get_cpuid_max(0x80000000, 0) < 0x80000004)
		return 0;
	for (int i = 0; i < 3; i++)
		__cpuid(0x80000002 + i, r[4 * i], r[4 * i + 1], r[4 * i + 2], r[4 * i + 3]);
	return strstr((const char *)r, "QEMU") != 0;
}
#else
static int emulated(void)
{
	return 1;
}
#endif

#define EMULATED_STRIDE 5

/* A float's or double's bits as a number line: ordered like the values,
 * with +0 and -0 at the same place. */
static int64_t key(uint64_t b, int fl)
{
	uint64_t sign = fl ? 0x80000000u : 0x8000000000000000ULL;
	uint64_t mag = b & (sign - 1);
	return (b & sign) ? -(int64_t)mag : (int64_t)mag;
}

/* ulps between two results; NaN matches only NaN (any payload or sign). */
static uint64_t ulp_dist(uint64_t a, uint64_t b, int fl)
{
	int na = fl ? isnan(flt((uint32_t)a)) : isnan(dbl(a));
	int nb = fl ? isnan(flt((uint32_t)b)) : isnan(dbl(b));
	if (na || nb)
		return na && nb ? 0 : UINT64_MAX;
	int64_t ka = key(a, fl), kb = key(b, fl);
	return ka > kb ? (uint64_t)(ka - kb) : (uint64_t)(kb - ka);
}

/* The error of a result (bits `b`, a float's if `fl`) from an exact
 * value (binary128, halves `qh` and `ql`), in ulps of the result's format
 * at the exact value: 2^(e - p + 1) for an exact value in [2^e, 2^(e+1)),
 * e not below the format's least normal exponent nor above its largest.
 * NaN matches only NaN, an infinite exact value only the same infinity. A
 * result of +-inf for a finite exact value counts as +-2^(emax+1) (where
 * the exponent range would go on), so an overflow is right (0) for an
 * exact value past that and a misrounded one is a little over half an ulp
 * wrong. The arithmetic is in doubles scaled by the ulp, exact but for the
 * last 7 of the exact value's 113 bits (2^-53 ulp). */
static double err_exact(uint64_t b, int fl, uint64_t qh, uint64_t ql)
{
	int p = fl ? 24 : 53, emin = fl ? -126 : -1022, emax = fl ? 127 : 1023;
	int qe = (int)((qh >> 48) & 0x7fff), neg = (int)(qh >> 63);
	uint64_t qf = qh & 0xffffffffffffULL;
	double got = fl ? (double)flt((uint32_t)b) : dbl(b);
	if (qe == 0x7fff) {
		if (qf | ql)
			return isnan(got) ? 0 : INFINITY;
		return got == (neg ? -INFINITY : INFINITY) ? 0 : INFINITY;
	}
	if (isnan(got))
		return INFINITY;
	/* exact = (2^112 + qf 2^64 + ql) 2^(e - 112) = (mh 2^60 + ml) 2^(e - 112);
	 * a binary128 subnormal (below 2^-16382) counts as 0. */
	int e = qe ? qe - 16383 : emin;
	uint64_t mh = qe ? (1ULL << 52 | qf << 4 | ql >> 60) : 0;
	uint64_t ml = qe ? ql & ((1ULL << 60) - 1) : 0;
	int u = (e < emin ? emin : e > emax ? emax : e) - p + 1;
	if (isinf(got)) {
		if (e > emax && (got < 0) == neg)
			return 0;
		got = copysign(ldexp(1, emax + 1 - u), got);
	} else {
		got = ldexp(got, -u);
	}
	double xh = ldexp((double)mh, e - 52 - u), xl = ldexp((double)ml, e - 112 - u);
	if (neg) {
		xh = -xh;
		xl = -xl;
	}
	return fabs((got - xh) - xl);
}

/* A non-negative number with 3 decimals (3 significant digits and an
 * exponent from 10^9 on), or inf. */
static void out_real(double v)
{
	char d[5];
	if (!(v < 1e300)) {
		out_str("inf");
		return;
	}
	if (v >= 1e9) {
		int k = 0;
		while (v >= 10) {
			v /= 10;
			k++;
		}
		unsigned m = (unsigned)(v * 100 + 0.5);
		if (m >= 1000) {
			m /= 10;
			k++;
		}
		d[0] = (char)('0' + m / 100);
		d[1] = '.';
		d[2] = (char)('0' + m / 10 % 10);
		d[3] = (char)('0' + m % 10);
		d[4] = 0;
		out_str(d);
		out_str("e");
		out_dec((unsigned long long)k);
		return;
	}
	unsigned long long m = (unsigned long long)(v * 1000 + 0.5);
	out_dec(m / 1000);
	d[0] = '.';
	d[1] = (char)('0' + m / 100 % 10);
	d[2] = (char)('0' + m / 10 % 10);
	d[3] = (char)('0' + m % 10);
	d[4] = 0;
	out_str(d);
}

static void out_input(const uint64_t in[4])
{
	out_str("0x");
	out_hex(in[0]);
	out_str(" 0x");
	out_hex(in[1]);
	out_str(" 0x");
	out_hex(in[2]);
	out_str(" n=");
	out_dec(in[3] & 0xffffffff);
}

/* The line's exact values (MATH_DIFF_EXACT): the largest error of `got`
 * and of glibc's `want` over the value outputs; inf where an integer
 * output differs from glibc's. */
static void errors(const struct fn *f, const uint64_t got[2], const uint64_t want[2],
		   const uint64_t q[4], double *e_got, double *e_want)
{
	int fl = is_float(f->shape);
	const uint64_t *qq = q;
	*e_got = *e_want = 0;
	if (out0_is_value(f->shape)) {
		*e_got = err_exact(got[0], fl, qq[0], qq[1]);
		*e_want = err_exact(want[0], fl, qq[0], qq[1]);
		qq += 2;
	} else if (got[0] != want[0]) {
		*e_got = INFINITY;
	}
	if (!has_out1(f->shape))
		return;
	if (out1_is_value(f->shape)) {
		double a = err_exact(got[1], fl, qq[0], qq[1]);
		double b = err_exact(want[1], fl, qq[0], qq[1]);
		*e_got = a > *e_got ? a : *e_got;
		*e_want = b > *e_want ? b : *e_want;
	} else if (got[1] != want[1]) {
		*e_got = INFINITY;
	}
}

int main(void)
{
	long n = count();
	int exact = getenv("MATH_DIFF_EXACT") != 0;
	int measure = getenv("MATH_DIFF_MEASURE") != 0, failed = 0, ok = 1;
	const char *st = getenv("MATH_DIFF_STRIDE");
	long stride = st && atol(st) > 0 ? atol(st) : emulated() ? EMULATED_STRIDE : 1;
	out_str("inputs per function: ");
	out_dec((unsigned long long)n);
	if (stride > 1) {
		out_str(", every ");
		out_dec((unsigned long long)stride);
		out_str("th compared\n");
	} else {
		out_str(", all compared\n");
	}
	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		const struct fn *f = &fns[i];
		int fl = is_float(f->shape);
		uint64_t worst = 0, worst_in[4] = {0}, worst_got[2] = {0}, worst_want[2] = {0};
		uint64_t eworst_in[4] = {0};
		double eworst = 0, eworst_glibc = 0;
		/* the exact values: two 16-digit halves, each after a space */
		int nq = exact ? out0_is_value(f->shape) + out1_is_value(f->shape) : 0;
		for (long k = 0; k < n; k++) {
			uint64_t in[4], out[2], want[2] = {0, 0}, q[4];
			if (k % stride) {
				/* the line: the values, a space between, a newline */
				int w1 = width1(f->shape);
				in_skip((size_t)(width0(f->shape) + (w1 ? 1 + w1 : 0) + 34 * nq + 1));
				continue;
			}
			inputs(f, i, k, in);
			call(f, in, out);
			want[0] = in_hex(&ok);
			if (has_out1(f->shape))
				want[1] = in_hex(&ok);
			for (int j = 0; j < 2 * nq; j++)
				q[j] = in_hex(&ok);
			if (!ok)
				break;
			if (exact) {
				double eg, ew;
				errors(f, out, want, q, &eg, &ew);
				if (eg > eworst || k == 0) {
					eworst = eg;
					memcpy(eworst_in, in, sizeof eworst_in);
				}
				if (ew > eworst_glibc)
					eworst_glibc = ew;
			}
			uint64_t d = out0_is_value(f->shape) ? ulp_dist(out[0], want[0], fl)
							     : (out[0] == want[0] ? 0 : UINT64_MAX);
			if (has_out1(f->shape)) {
				uint64_t d1 = out1_is_value(f->shape) ? ulp_dist(out[1], want[1], fl)
								      : (out[1] == want[1] ? 0 : UINT64_MAX);
				if (d1 > d)
					d = d1;
			}
			if (d > worst || k == 0) {
				worst = d;
				memcpy(worst_in, in, sizeof worst_in);
				memcpy(worst_got, out, sizeof worst_got);
				memcpy(worst_want, want, sizeof worst_want);
			}
		}
		if (!ok) {
			out_str("FAIL ");
			out_str(f->name);
			out_str(": the reference's output ended early\n");
			failed = 1;
			break;
		}
		if (measure) {
			out_str("measure ");
			out_str(f->name);
			out_str(" ");
			if (worst == UINT64_MAX)
				out_str("inf");
			else
				out_dec(worst);
			if (exact) {
				out_str(" ");
				out_real(eworst);
			}
			out_str("\n");
			continue;
		}
		int pass = worst <= f->bound;
		out_str(pass ? "ok " : "FAIL ");
		out_str(f->name);
		out_str(": max ulp ");
		if (worst == UINT64_MAX)
			out_str("inf (NaN, integer or sign mismatch)");
		else
			out_dec(worst);
		if (!pass) {
			failed = 1;
			out_str(" > bound ");
			out_dec(f->bound);
			out_str(" at input ");
			out_input(worst_in);
			out_str(": got 0x");
			out_hex(worst_got[0]);
			out_str(" 0x");
			out_hex(worst_got[1]);
			out_str(", glibc 0x");
			out_hex(worst_want[0]);
			out_str(" 0x");
			out_hex(worst_want[1]);
		}
		if (exact) {
			out_str("; exact: max ");
			out_real(eworst);
			out_str(" ulp (glibc's ");
			out_real(eworst_glibc);
			out_str(") at ");
			out_input(eworst_in);
		}
		out_str("\n");
	}
	flush();
	return failed;
}

#endif
