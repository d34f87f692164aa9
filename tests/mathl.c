/* The long double functions of <math.h> on each arch's own long double (x87
 * extended, binary128, double, double-double): exact operations exact to
 * the last bit of the format (values built from LDBL_MANT_DIG, so every
 * case means the same on every format), special cases, the transcendental
 * functions near known values (to the accuracy the arch promises), and the
 * ABI: long double arguments mixed with int, long and pointer arguments in
 * every position, and long double results. Inputs go through volatile
 * variables so that clang cannot fold the calls at compile time. */
#include <float.h>
#include <math.h>
#include <string.h>
#include "check.h"

typedef long double ld;

static ld V(ld x)
{
	volatile ld v = x;
	return v;
}

/* 2^n built by multiplication (exact). */
static ld p2(int n)
{
	ld r = 1;
	for (; n > 0; n--)
		r *= 2;
	for (; n < 0; n++)
		r /= 2;
	return r;
}

/* Identical values (zero signs and all; NaNs equal to NaNs). Not inlined:
 * clang 19 at -O2 gets the inlined sign test of a powerpc64le double-double
 * result wrong (it folds the comparison of a {-0, +0} result with the
 * constant -0.0L, which is {-0, -0}). */
__attribute__((noinline)) static int same(ld a, ld b)
{
	if (__builtin_isnan(a) || __builtin_isnan(b))
		return __builtin_isnan(a) && __builtin_isnan(b);
	return a == b && !__builtin_signbit(a) == !__builtin_signbit(b);
}

/* |got - want| <= tol * |want| */
static int near(ld got, ld want, ld tol)
{
	ld d = got - want;
	if (d < 0)
		d = -d;
	return d <= tol * (want < 0 ? -want : want);
}

/* Relative accuracy promised for the transcendental functions: a few ulp
 * on x87 (but erfl, erfcl, lgammal, tgammal are computed in double
 * everywhere) and arm, about double precision where they are computed in
 * double (binary128, double-double). */
static ld tol(void)
{
	return LDBL_MANT_DIG == 64 ? p2(-60) : p2(-50);
}

int main(void)
{
	int mant = LDBL_MANT_DIG;
	ld e = p2(1 - mant); /* the format's ulp of 1 */
	ld one = V(1), two = V(2), inf = V(INFINITY), nan = V(NAN);
	int q;
	long double ip;

	/* sqrtl: exact squares, correctly rounded, sqrt(-0) = -0. */
	CHECK("sqrtl 4", sqrtl(V(4)) == 2);
	{
		ld x = 1 + 3 * e; /* (1+3e)^2 = 1+6e+9e^2: rounds to 1+6e */
		ld r = sqrtl(V(1 + 6 * e));
		CHECK("sqrtl 1+6e", r == 1 + 3 * e);
		CHECK("sqrtl x*x", sqrtl(V(x * x)) == x);
	}
	CHECK("sqrtl -0", same(sqrtl(V(-0.0L)), -0.0L));
	CHECK("sqrtl -1", __builtin_isnan(sqrtl(V(-1))));
	CHECK("sqrtl inf", sqrtl(inf) == inf);

	/* fmal: one rounding ((1+e)(1-e) - 1 = -e^2 exactly). */
	CHECK("fmal exact", fmal(V(1 + e), V(1 - e), V(-1)) == -e * e);
	CHECK("fmal order", fmal(V(2), V(3), V(5)) == 11);
	CHECK("fmal inf-inf", __builtin_isnan(fmal(inf, V(1), -inf)));

	/* Rounding to integers, on values one ulp off an integer. */
	CHECK("floorl 1+e", floorl(V(1 + e)) == 1);
	CHECK("floorl -1-2e", floorl(V(-1 - 2 * e)) == -2);
	CHECK("floorl -0.5", floorl(V(-0.5L)) == -1);
	CHECK("floorl -0", same(floorl(V(-0.0L)), -0.0L));
	CHECK("ceill 1+2e", ceill(V(1 + 2 * e)) == 2);
	CHECK("ceill -0.5", same(ceill(V(-0.5L)), -0.0L));
	CHECK("truncl -2.5", truncl(V(-2.5L)) == -2);
	CHECK("truncl 1-e/2", truncl(V(1 - e / 2)) == 0);
	CHECK("roundl 2.5", roundl(V(2.5L)) == 3);
	CHECK("roundl -2.5", roundl(V(-2.5L)) == -3);
	CHECK("roundl 0.5-e/4", roundl(V(0.5L - e / 4)) == 0);
	CHECK("rintl 2.5", rintl(V(2.5L)) == 2);
	CHECK("rintl 3.5", rintl(V(3.5L)) == 4);
	CHECK("rintl 2.5+2e", rintl(V(2.5L + 2 * e)) == 3);
	CHECK("nearbyintl -0.5", same(nearbyintl(V(-0.5L)), -0.0L));
	CHECK("floorl 2^mant+1", floorl(V(p2(mant - 1) + 1)) == p2(mant - 1) + 1);
	CHECK("floorl inf", floorl(inf) == inf);
	CHECK("floorl nan", __builtin_isnan(floorl(nan)));
	CHECK_EQ("lrintl 2.5", lrintl(V(2.5L)), 2);
	CHECK_EQ("lrintl -3.5", lrintl(V(-3.5L)), -4);
	CHECK_EQ("llrintl 2^40+0.5", llrintl(V(p2(40) + 0.5L)), (1LL << 40));
	CHECK_EQ("lroundl -2.5", lroundl(V(-2.5L)), -3);
	CHECK_EQ("llroundl 2^50+0.5", llroundl(V(p2(50) + 0.5L)), (1LL << 50) + 1);

	/* fmodl, remainderl, remquol: exact remainders of huge quotients. */
	CHECK("fmodl 5.5 2", fmodl(V(5.5L), V(2)) == 1.5L);
	CHECK("fmodl -5.5 2", fmodl(V(-5.5L), V(2)) == -1.5L);
	{
		/* 2^k mod 3 is 1 for even k, 2 for odd k; 2^k + 2^j likewise. */
		ld x = p2(1000) + p2(1000 - mant + 1); /* 2^1000 (1 + e) */
		ld r = fmodl(V(x), V(3));
		int want = (1 + ((1000 - mant + 1) % 2 ? 2 : 1)) % 3;
		CHECK("fmodl 2^1000(1+e) 3", r == want);
	}
	{
		/* Bits far apart: 2^60 + 2^-100 is exact in double-double (hi
		 * and lo 160 places apart; glibc's fmodl drops the 2^-100) and
		 * rounds to 2^60 elsewhere; 2^60 = 3 * 0x0555555555555555 + 1,
		 * so the quotient's low bits are 5. */
		ld x = p2(60) + p2(-100), t = x - p2(60);
		CHECK("fmodl 2^60+2^-100 3", fmodl(V(x), V(3)) == 1 + t);
		CHECK("remainderl 2^60+2^-100 3", remainderl(V(x), V(3)) == 1 + t);
		CHECK("remquol 2^60+2^-100 -3", remquol(V(-x), V(3), &q) == -1 - t && q % 8 == -5);
		/* 1 + 2^-200 (exact only in double-double) mod 0.75. */
		ld y = 1 + p2(-200);
		CHECK("fmodl 1+2^-200 0.75", fmodl(V(y), V(0.75L)) == 0.25L + (y - 1));
		CHECK("remainderl 2^60+1.5 2^-100", remainderl(V(p2(60) + 1.5L), V(p2(-100))) == 0);
	}
	CHECK("fmodl x 0", __builtin_isnan(fmodl(V(1), V(0))));
	CHECK("fmodl inf", __builtin_isnan(fmodl(inf, V(1))));
	CHECK("fmodl -0", same(fmodl(V(-0.0L), V(3)), -0.0L));
	CHECK("remainderl 5 2", remainderl(V(5), V(2)) == 1);
	CHECK("remainderl 7 2", remainderl(V(7), V(2)) == -1);
	CHECK("remainderl 1+e 1", remainderl(V(1 + e), V(1)) == e);
	CHECK("remquol 7 2", remquol(V(7), V(2), &q) == -1 && q == 4);
	CHECK("remquol -10 3", remquol(V(-10), V(3), &q) == -1 && q == -3);
	CHECK("remquol 2^mant+1 1", remquol(V(p2(mant) + 2), V(-1), &q) == 0 && q == -2);

	/* frexpl, ldexpl, scalbnl, scalblnl, ilogbl, logbl, modfl. */
	{
		int ex;
		ld m = frexpl(V(48), &ex);
		CHECK("frexpl 48", m == 0.75L && ex == 6);
		m = frexpl(V(-1 - e), &ex);
		CHECK("frexpl -1-e", m == (-1 - e) / 2 && ex == 1);
		m = frexpl(V(0), &ex);
		CHECK("frexpl 0", m == 0 && ex == 0);
		m = frexpl(V(LDBL_TRUE_MIN), &ex);
		CHECK("frexpl min", m == 0.5L && ex == LDBL_MIN_EXP - mant + 1);
	}
	CHECK("ldexpl 3 4", ldexpl(V(3), 4) == 48);
	CHECK("ldexpl max", ldexpl(V(LDBL_MAX / 2), 1) == LDBL_MAX);
	CHECK("ldexpl overflow", ldexpl(V(1), LDBL_MAX_EXP) == inf);
	CHECK("ldexpl underflow", same(ldexpl(V(-1), -100000), -0.0L));
	CHECK("scalbnl 1+e -1", scalbnl(V(1 + e), -1) == (1 + e) / 2);
	CHECK("scalblnl -5", scalblnl(V(96), -5L) == 3);
	CHECK("scalblnl huge", scalblnl(V(1), 100000L) == inf);
	CHECK_EQ("ilogbl 48", ilogbl(V(48)), 5);
	CHECK_EQ("ilogbl min", ilogbl(V(LDBL_MIN)), LDBL_MIN_EXP - 1);
	CHECK_EQ("ilogbl 0", ilogbl(V(0)), FP_ILOGB0);
	CHECK_EQ("ilogbl nan", ilogbl(nan), FP_ILOGBNAN);
	CHECK_EQ("ilogbl inf", ilogbl(inf), 0x7fffffff);
	CHECK("logbl 0.25", logbl(V(0.25L)) == -2);
	CHECK("logbl 0", logbl(V(0)) == -inf);
	CHECK("logbl -inf", logbl(-inf) == inf);
	CHECK("modfl 3.25", modfl(V(-3.25L), &ip) == -0.25L && ip == -3);
	CHECK("modfl 1+e", modfl(V(1 + e), &ip) == e && ip == 1);
	CHECK("modfl -4", same(modfl(V(-4), &ip), -0.0L) && ip == -4);
	/* 2^60 + 1.5: in double-double hi 2^60, lo 1.5 (glibc's ldbl-128ibm
	 * modfl returns 1.5 and 2^60; C says 0.5 and 2^60 + 1). */
	{
		ld x = p2(60) + 1.5L, d = x - p2(60); /* 1.5, or 0 in double */
		CHECK("modfl 2^60+1.5", modfl(V(x), &ip) == (d > 0 ? 0.5L : 0) && ip == p2(60) + (d > 0));
	}
	CHECK("modfl inf", same(modfl(-inf, &ip), -0.0L) && ip == -inf);

	/* Sign and comparison functions. */
	CHECK("copysignl", same(copysignl(V(1 + e), V(-0.0L)), -1 - e));
	CHECK("copysignl 2", same(copysignl(V(-2), V(3)), 2));
	CHECK("fabsl", same(fabsl(V(-1 - e)), 1 + e));
	CHECK("fabsl -0", same(fabsl(V(-0.0L)), 0.0L));
	CHECK("fdiml", fdiml(V(5 + 4 * e), V(1)) == 4 + 4 * e && fdiml(V(1), V(5)) == 0);
	CHECK("fmaxl", fmaxl(V(1), V(1 + e)) == 1 + e && fmaxl(nan, V(2)) == 2);
	CHECK("fminl", fminl(V(1), V(1 + e)) == 1 && fminl(V(2), nan) == 2);

	/* nextafterl, nexttowardl, nexttoward, nexttowardf. */
	CHECK("nextafterl 1 up", nextafterl(one, two) == 1 + e);
	CHECK("nextafterl 1 down", nextafterl(one, V(0)) == 1 - e / 2);
	CHECK("nextafterl 0", nextafterl(V(0), V(-1)) == -LDBL_TRUE_MIN);
	CHECK("nextafterl max", nextafterl(V(LDBL_MAX), inf) == inf);
	CHECK("nextafterl eq", same(nextafterl(V(0.0L), V(-0.0L)), -0.0L));
	CHECK("nexttowardl", nexttowardl(V(-1), V(-2)) == -1 - e);
	{
		volatile double d = 1;
		volatile float f = 1;
		CHECK("nexttoward up", nexttoward(d, V(1 + e)) == 1 + DBL_EPSILON);
		CHECK("nexttoward down", nexttoward(d, V(1 - e)) == 1 - DBL_EPSILON / 2);
		CHECK("nexttoward eq", nexttoward(d, one) == 1);
		CHECK("nexttowardf up", nexttowardf(f, V(1 + e)) == 1 + FLT_EPSILON);
		CHECK("nexttowardf nan", __builtin_isnan(nexttowardf(f, nan)));
	}
	CHECK("nanl", __builtin_isnan(nanl("")));

	/* Transcendental functions near known values. */
	{
		ld t = tol();
		const ld PI = 3.14159265358979323846264338327950288L;
		const ld E = 2.71828182845904523536028747135266250L;
		const ld LN2 = 0.693147180559945309417232121458176568L;
		CHECK("sinl", near(sinl(V(PI / 6)), 0.5L, t));
		CHECK("cosl", near(cosl(V(PI / 3)), 0.5L, t));
		CHECK("tanl", near(tanl(V(PI / 4)), 1, t));
		CHECK("asinl", near(asinl(V(0.5L)), PI / 6, t));
		CHECK("acosl", near(acosl(V(0.5L)), PI / 3, t));
		CHECK("atanl", near(atanl(V(1)), PI / 4, t));
		CHECK("atan2l", near(atan2l(V(1), V(-1)), 3 * PI / 4, t));
		CHECK("atan2l order", atan2l(V(-0.0L), V(1)) == 0 &&
					      __builtin_signbit(atan2l(V(-0.0L), V(1))));
		CHECK("sinhl", near(sinhl(V(1)), (E - 1 / E) / 2, t));
		CHECK("coshl", near(coshl(V(1)), (E + 1 / E) / 2, t));
		CHECK("tanhl", near(tanhl(V(1)), (E * E - 1) / (E * E + 1), t));
		CHECK("asinhl", near(asinhl(V((E - 1 / E) / 2)), 1, t));
		CHECK("acoshl", near(acoshl(V((E + 1 / E) / 2)), 1, t));
		CHECK("atanhl", near(atanhl(V(0.5L)), 0.549306144334054845697622618461262852L, t));
		CHECK("expl", near(expl(V(1)), E, t));
		CHECK("expl 10", near(expl(V(10)), 22026.4657948067165169579006452842444L, t));
		CHECK("exp2l", near(exp2l(V(10.5L)), 1448.15468787004932997292925359073083L, t));
		CHECK("expm1l", near(expm1l(V(1e-10L)), 1.00000000005000000000166666666670833e-10L, t));
		CHECK("logl", near(logl(V(2)), LN2, t));
		CHECK("logl 0", logl(V(0)) == -inf);
		CHECK("logl -1", __builtin_isnan(logl(V(-1))));
		CHECK("log2l", near(log2l(V(1e10L)), 33.2192809488736234787031942948939018L, t));
		CHECK("log10l", near(log10l(V(2)), 0.301029995663981195213738894724493027L, t));
		CHECK("log1pl", near(log1pl(V(1e-10L)), 9.9999999995000000000333333333308333e-11L, t));
		CHECK("powl", near(powl(V(2), V(0.5L)), 1.41421356237309504880168872420969808L, t));
		CHECK("powl order", powl(V(3), V(2)) == 9);
		CHECK("cbrtl", near(cbrtl(V(-27)), -3, t));
		CHECK("hypotl", near(hypotl(V(3), V(4)), 5, t));
		/* Computed in double on every arch. */
		ld td = p2(-50);
		CHECK("erfl", near(erfl(V(0.5L)), 0.520499877813046537682746653891964529L, td));
		CHECK("erfcl", near(erfcl(V(2)), 0.00467773498104726583793074363274707140L, td));
		CHECK("lgammal", near(lgammal(V(10)), 12.8018274800814696112077178745667062L, td));
		CHECK("lgammal signgam", lgammal(V(-0.5L)) > 0 && signgam == -1);
		CHECK("tgammal", near(tgammal(V(5)), 24, td));
		CHECK("sinl 0", same(sinl(V(-0.0L)), -0.0L));
		CHECK("expl -inf", same(expl(-inf), 0.0L));
		CHECK("expl big", expl(V(100000)) == inf);
		CHECK("tanhl inf", tanhl(inf) == 1);
	}
	/* A value only long double can hold reaches the function unchanged
	 * (the logarithm of a number beyond double's range where there is
	 * one, e.g. 2^10000 on x87 and binary128). */
	if (LDBL_MAX_EXP > DBL_MAX_EXP) {
		CHECK("logl 2^10000", near(logl(V(p2(10000))), 10000 * 0.693147180559945309417232121458176568L, p2(-50)));
		CHECK("log2l 2^-16000", log2l(V(p2(-16000))) == -16000);
	} else {
		CHECK("logl 2^1000", near(logl(V(p2(1000))), 1000 * 0.693147180559945309417232121458176568L, p2(-50)));
		CHECK("log2l 2^-1000", log2l(V(p2(-1000))) == -1000);
	}
	return check_failed;
}
