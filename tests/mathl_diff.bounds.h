/* Bounds of tests/mathl_diff.c, in ulp of each long double format, for the
 * functions that need not be exact (every other function must match glibc
 * bit for bit: 0 ulp). Columns: x87 80-bit (x86_64, i386), binary128
 * (aarch64, riscv64, s390x, loongarch64), double (arm), double-double
 * (powerpc64le; there too every exact function matches to the bit, fmodl,
 * remainderl, remquol and modfl against glibc's binary128 functions: see
 * EXACT128 in mathl_diff.c). Each is the largest error measured with 3000
 * inputs per function (MATHL_DIFF_N=3000), rounded up to the next power
 * of two and times two or more.
 *
 * x87: measured max of muslin / of musl 1.2 (musl-gcc on x86_64, the same
 * inputs) in ulp: sinl 1/1, cosl 1/1, tanl 1/1, asinl 2/2, sinhl 3/13,
 * coshl 1/1, tanhl 3/4, asinhl 1/0, acoshl 1/1, atanhl 0/3, expl 1/2,
 * expm1l 1/8500, powl 1/1 (|x|, |y| < 16), cbrtl 1/1, hypotl 1/1, the
 * logarithms, acosl, atanl, atan2l, exp2l 0/0; erfl 1/1, erfcl 2/2,
 * lgammal 3/102, tgammal 3/3.65e19. muslin computes these four in f128
 * (src/ldmath) and rounds once: every case above 1 ulp, checked with
 * mpmath, was within half an ulp, the error being glibc's (with 100000
 * inputs: erfl 1/1, erfcl 2/3, lgammal 6/13100, tgammal 4/3.68e19).
 *
 * binary128: every function is computed in binary128 (src/ldmath/);
 * musl: real ld128 implementation. sinl, cosl, tanl, asinl, acosl,
 * atanl, atan2l, cbrtl and hypotl: measured max 1 ulp for each (0 for
 * hypotl), with MATHL_DIFF_N=20000 (and 1 ulp on 71304 hard cases of the
 * trigonometric argument reduction, p 2^k for the convergents p of pi/2
 * and every k). The exponentials, logarithms, hyperbolic functions,
 * powl, erfl, erfcl, lgammal and tgammal, with MATHL_DIFF_N=30000
 * (`./x.py soak`): 1 ulp for most, sinhl 2, tanhl 2, acoshl 2, atanhl 3,
 * erfcl 4, tgammal 4, and lgammal 1640 near its zeros on the negative
 * axis, where its absolute error (up to 2^-107 for -32 < x < 0) is what counts (checked
 * separately against mpmath on a few thousand inputs over their whole
 * ranges: muslin's within 0.6 ulp, except erfcl 2.5, tgammal 1.4 and
 * lgammal near those zeros). Before, these were computed in double, up
 * to 2^76 ulp.
 *
 * double-double: computed in double, as musl does; one double ulp is
 * 2^53 double-double ulps, and the argument rounded to double multiplies
 * by the function's condition number (tanl near its poles, tgammal, expl
 * of large arguments).
 *
 * sinl.wide, cosl.wide, tanl.wide: arguments up to the largest finite,
 * half of them near multiples of pi/2. Measured: binary128 1 ulp, double
 * (arm) 1 ulp; x87 2 (the binary128 functions on the exact argument,
 * rounded once); double-double unbounded (1e30: listed so that the gap
 * shows): it computes on the argument rounded to double.
 *
 * double (arm): the libm crate's double functions (musl's) against glibc's;
 * measured: 1 ulp for most, tanhl 2, cbrtl 3, erfcl 3, tgammal 6, lgammal 317
 * (near its zeros). */
{ "sinl", 2, 2, 4, 0x1p64 },
{ "cosl", 2, 2, 4, 0x1p64 },
{ "tanl", 2, 2, 4, 0x1p71 }, /* double-double: measured near a pole, 2^69.7 */
{ "asinl", 4, 2, 4, 0x1p57 },
{ "acosl", 2, 2, 4, 0x1p64 },
{ "atanl", 2, 2, 4, 0x1p55 },
{ "atan2l", 2, 2, 4, 0x1p55 },
{ "sinhl", 8, 4, 4, 0x1p58 },
{ "coshl", 2, 2, 4, 0x1p58 },
{ "tanhl", 8, 4, 4, 0x1p56 },
{ "asinhl", 2, 2, 4, 0x1p55 },
{ "acoshl", 2, 4, 4, 0x1p60 },
{ "atanhl", 2, 8, 4, 0x1p60 },
{ "expl", 2, 2, 4, 0x1p64 },
{ "exp2l", 2, 2, 4, 0x1p63 },
{ "expm1l", 2, 2, 4, 0x1p64 },
{ "logl", 2, 2, 4, 0x1p55 },
{ "log2l", 2, 2, 4, 0x1p55 },
{ "log10l", 2, 2, 4, 0x1p57 },
{ "log1pl", 2, 2, 4, 0x1p55 },
{ "powl", 2, 2, 4, 0x1p60 },
{ "cbrtl", 2, 2, 8, 0x1p55 },
{ "hypotl", 2, 2, 4, 0x1p55 },
{ "erfl", 2, 2, 4, 0x1p55 },
{ "erfcl", 4, 8, 8, 0x1p63 },
{ "lgammal", 8, 4096, 1024, 0x1p65 },
{ "tgammal", 8, 8, 16, 0x1p69 },
{ "sinl.wide", 2, 2, 4, 1e30 },
{ "cosl.wide", 2, 2, 4, 1e30 },
{ "tanl.wide", 2, 2, 4, 1e30 },
