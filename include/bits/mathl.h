#ifndef _BITS_MATHL_H
#define _BITS_MATHL_H

/* The long double functions of <math.h> (included from there). long double
 * is x87 80-bit extended on x86_64 and i386, IEEE binary128 on aarch64,
 * riscv64, loongarch64 and s390x, double on arm and IBM double-double on
 * powerpc64le. The exact operations (sqrtl, fmal, the rounding functions,
 * fmodl, remainderl, remquol, frexpl, ldexpl, scalbnl, ilogbl, logbl,
 * modfl, copysignl, fabsl, fdiml, fmaxl, fminl, nextafterl, nexttowardl)
 * are exact; where long double is binary128 or double-double the other
 * functions are computed in double, as musl does. */

long double sqrtl(long double x);
long double cbrtl(long double x);
long double hypotl(long double x, long double y);
long double fmal(long double x, long double y, long double z);
long double fabsl(long double x);
long double copysignl(long double x, long double y);
long double fdiml(long double x, long double y);
long double fmaxl(long double x, long double y);
long double fminl(long double x, long double y);
long double floorl(long double x);
long double ceill(long double x);
long double truncl(long double x);
long double roundl(long double x);
long double rintl(long double x);
long double nearbyintl(long double x);
long lrintl(long double x);
long long llrintl(long double x);
long lroundl(long double x);
long long llroundl(long double x);
long double fmodl(long double x, long double y);
long double remainderl(long double x, long double y);
long double remquol(long double x, long double y, int *quo);
long double frexpl(long double x, int *e);
long double ldexpl(long double x, int n);
long double scalbnl(long double x, int n);
long double scalblnl(long double x, long n);
int ilogbl(long double x);
long double logbl(long double x);
long double modfl(long double x, long double *ip);
long double nextafterl(long double x, long double y);
long double nexttowardl(long double x, long double y);
double nexttoward(double x, long double y);
float nexttowardf(float x, long double y);
long double nanl(const char *tag);

long double sinl(long double x);
long double cosl(long double x);
long double tanl(long double x);
long double asinl(long double x);
long double acosl(long double x);
long double atanl(long double x);
long double atan2l(long double y, long double x);
long double sinhl(long double x);
long double coshl(long double x);
long double tanhl(long double x);
long double asinhl(long double x);
long double acoshl(long double x);
long double atanhl(long double x);
long double expl(long double x);
long double exp2l(long double x);
long double expm1l(long double x);
long double logl(long double x);
long double log2l(long double x);
long double log10l(long double x);
long double log1pl(long double x);
long double powl(long double x, long double y);
long double erfl(long double x);
long double erfcl(long double x);
long double lgammal(long double x);
long double tgammal(long double x);

#endif
