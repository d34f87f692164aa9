/* fenv.h: the rounding mode steers real double arithmetic, real operations
 * raise the five exceptions, and the flag, environment and hold/update
 * functions save and restore what they should. Operands are volatile so the
 * compiler computes at run time, in the mode set then. */
#include <fenv.h>
#include "check.h"

static volatile double zero = 0.0, one = 1.0, three = 3.0, two = 2.0;
static volatile double big = 1.7976931348623157e308, tiny = 1e-300;
static volatile double half = 2.5, shift = 4503599627370496.0; /* 2^52 */
static volatile double sink;

static double third(void)
{
	volatile double q = one / three;
	return q;
}

static double neg_third(void)
{
	volatile double q = -one / three;
	return q;
}

/* 2.5 or -2.5 rounded to an integer by the current mode. */
static double round_int(double x)
{
	volatile double t = x + (x < 0 ? -shift : shift);
	volatile double r = t - (x < 0 ? -shift : shift);
	return r;
}

static void test_rounding(void)
{
	CHECK_EQ("start-up mode is FE_TONEAREST", fegetround(), FE_TONEAREST);
	double near = third(), nnear = neg_third();
	CHECK_EQ("FE_TONEAREST 2.5 -> 2", round_int(half), 2);

	CHECK_EQ("fesetround(FE_UPWARD)", fesetround(FE_UPWARD), 0);
	CHECK_EQ("fegetround is FE_UPWARD", fegetround(), FE_UPWARD);
	double up = third();
	CHECK("FE_UPWARD rounds 1/3 up", up > near);
	CHECK("FE_UPWARD rounds -1/3 toward zero", neg_third() == nnear);
	CHECK_EQ("FE_UPWARD 2.5 -> 3", round_int(half), 3);
	CHECK_EQ("FE_UPWARD -2.5 -> -2", round_int(-half), -2);

	CHECK_EQ("fesetround(FE_DOWNWARD)", fesetround(FE_DOWNWARD), 0);
	CHECK_EQ("fegetround is FE_DOWNWARD", fegetround(), FE_DOWNWARD);
	CHECK("FE_DOWNWARD rounds 1/3 down", third() == near);
	CHECK("FE_DOWNWARD rounds -1/3 away from zero", neg_third() == -up);
	CHECK_EQ("FE_DOWNWARD 2.5 -> 2", round_int(half), 2);
	CHECK_EQ("FE_DOWNWARD -2.5 -> -3", round_int(-half), -3);

	CHECK_EQ("fesetround(FE_TOWARDZERO)", fesetround(FE_TOWARDZERO), 0);
	CHECK_EQ("fegetround is FE_TOWARDZERO", fegetround(), FE_TOWARDZERO);
	CHECK("FE_TOWARDZERO rounds 1/3 down", third() == near);
	CHECK("FE_TOWARDZERO rounds -1/3 up", neg_third() == nnear);
	CHECK_EQ("FE_TOWARDZERO -2.5 -> -2", round_int(-half), -2);

	CHECK("fesetround(bad) fails", fesetround(12345) != 0);
	CHECK_EQ("fesetround(bad) leaves the mode", fegetround(), FE_TOWARDZERO);
	fesetround(FE_TONEAREST);
	CHECK("FE_TONEAREST again", third() == near && round_int(half) == 2);
}

static void test_exceptions(void)
{
	CHECK_EQ("FE_ALL_EXCEPT is the five",
		 FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW | FE_INEXACT,
		 FE_ALL_EXCEPT);
	feclearexcept(FE_ALL_EXCEPT);
	CHECK_EQ("cleared", fetestexcept(FE_ALL_EXCEPT), 0);
	sink = one + two;
	CHECK_EQ("exact addition raises nothing", fetestexcept(FE_ALL_EXCEPT), 0);

	sink = one / zero;
	CHECK_EQ("1/0 raises FE_DIVBYZERO", fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
	feclearexcept(FE_ALL_EXCEPT);
	sink = zero / zero;
	CHECK_EQ("0/0 raises FE_INVALID", fetestexcept(FE_ALL_EXCEPT), FE_INVALID);
	feclearexcept(FE_INVALID);
	CHECK_EQ("FE_INVALID cleared", fetestexcept(FE_ALL_EXCEPT), 0);
	sink = big * two;
	CHECK_EQ("DBL_MAX*2 raises FE_OVERFLOW|FE_INEXACT",
		 fetestexcept(FE_ALL_EXCEPT), FE_OVERFLOW | FE_INEXACT);
	feclearexcept(FE_ALL_EXCEPT);
	sink = tiny * tiny;
	CHECK_EQ("1e-300^2 raises FE_UNDERFLOW|FE_INEXACT",
		 fetestexcept(FE_ALL_EXCEPT), FE_UNDERFLOW | FE_INEXACT);
	feclearexcept(FE_ALL_EXCEPT);
	sink = one / three;
	CHECK_EQ("1/3 raises FE_INEXACT", fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
	CHECK_EQ("fetestexcept masks", fetestexcept(FE_DIVBYZERO), 0);
	feclearexcept(FE_INEXACT);
	CHECK_EQ("feclearexcept(FE_INEXACT)", fetestexcept(FE_ALL_EXCEPT), 0);

	CHECK_EQ("feraiseexcept", feraiseexcept(FE_OVERFLOW | FE_INVALID), 0);
	CHECK_EQ("feraiseexcept sets exactly those", fetestexcept(FE_ALL_EXCEPT),
		 FE_OVERFLOW | FE_INVALID);
	feclearexcept(FE_OVERFLOW);
	CHECK_EQ("clear one of two", fetestexcept(FE_ALL_EXCEPT), FE_INVALID);
	feclearexcept(FE_ALL_EXCEPT);
	feraiseexcept(FE_ALL_EXCEPT);
	CHECK_EQ("raise all", fetestexcept(FE_ALL_EXCEPT), FE_ALL_EXCEPT);
	feclearexcept(FE_ALL_EXCEPT);
	CHECK_EQ("clear all", fetestexcept(FE_ALL_EXCEPT), 0);
}

static void test_flags_and_env(void)
{
	fexcept_t saved;
	feclearexcept(FE_ALL_EXCEPT);
	sink = one / zero;
	CHECK_EQ("fegetexceptflag", fegetexceptflag(&saved, FE_ALL_EXCEPT), 0);
	feclearexcept(FE_ALL_EXCEPT);
	feraiseexcept(FE_INVALID);
	CHECK_EQ("fesetexceptflag", fesetexceptflag(&saved, FE_ALL_EXCEPT), 0);
	CHECK_EQ("fesetexceptflag restores the saved flags",
		 fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);
	feraiseexcept(FE_INEXACT);
	fesetexceptflag(&saved, FE_INEXACT);
	CHECK_EQ("fesetexceptflag touches only excepts",
		 fetestexcept(FE_ALL_EXCEPT), FE_DIVBYZERO);

	fenv_t env;
	feclearexcept(FE_ALL_EXCEPT);
	fesetround(FE_UPWARD);
	feraiseexcept(FE_INEXACT);
	CHECK_EQ("fegetenv", fegetenv(&env), 0);
	fesetround(FE_TONEAREST);
	feclearexcept(FE_ALL_EXCEPT);
	feraiseexcept(FE_OVERFLOW);
	CHECK_EQ("fesetenv", fesetenv(&env), 0);
	CHECK_EQ("fesetenv restores the mode", fegetround(), FE_UPWARD);
	CHECK_EQ("fesetenv restores the flags", fetestexcept(FE_ALL_EXCEPT), FE_INEXACT);
	CHECK("fesetenv's mode steers arithmetic", round_int(half) == 3);
	CHECK_EQ("fesetenv(FE_DFL_ENV)", fesetenv(FE_DFL_ENV), 0);
	CHECK_EQ("FE_DFL_ENV rounds to nearest", fegetround(), FE_TONEAREST);
	CHECK_EQ("FE_DFL_ENV has no flags", fetestexcept(FE_ALL_EXCEPT), 0);
	CHECK("FE_DFL_ENV arithmetic", round_int(half) == 2);

	feraiseexcept(FE_DIVBYZERO);
	fesetround(FE_DOWNWARD);
	CHECK_EQ("feholdexcept", feholdexcept(&env), 0);
	CHECK_EQ("feholdexcept clears the flags", fetestexcept(FE_ALL_EXCEPT), 0);
	CHECK_EQ("feholdexcept keeps the mode", fegetround(), FE_DOWNWARD);
	sink = big * two; /* does not trap: non-stop mode */
	CHECK_EQ("overflow while held", fetestexcept(FE_OVERFLOW), FE_OVERFLOW);
	fesetround(FE_UPWARD);
	CHECK_EQ("feupdateenv", feupdateenv(&env), 0);
	CHECK_EQ("feupdateenv restores the mode", fegetround(), FE_DOWNWARD);
	CHECK_EQ("feupdateenv merges the flags", fetestexcept(FE_ALL_EXCEPT),
		 FE_DIVBYZERO | FE_OVERFLOW | FE_INEXACT);
	fesetenv(FE_DFL_ENV);
}

int main(void)
{
	test_rounding();
	test_exceptions();
	test_flags_and_env();
	return check_failed;
}
