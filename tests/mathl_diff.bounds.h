/* Bounds of tests/mathl_diff.c, in ulp of each long double format, for the
 * functions that need not be exact (every other function must match glibc
 * bit for bit: 0 ulp). Columns: x87 80-bit (x86_64, i386), binary128
 * (aarch64, riscv64, s390x, loongarch64), double (arm), double-double
 * (powerpc64le). Each is the largest error measured with 3000 inputs per
 * function (MATHL_DIFF_N=3000), rounded up to the next power of two and
 * times two or more.
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
 * binary128 and double-double: computed in double, as musl does; one
 * double ulp is 2^60 binary128 ulps (2^53 double-double ulps), and the
 * argument rounded to double multiplies by the function's condition
 * number (tanl near its poles, tgammal, expl of large arguments).
 *
 * double (arm): the libm crate's double functions (musl's) against glibc's;
 * measured: 1 ulp for most, tanhl 2, cbrtl 3, erfcl 3, tgammal 6, lgammal 317
 * (near its zeros). */
{ "sinl", 2, 0x1p71, 4, 0x1p64 },
{ "cosl", 2, 0x1p72, 4, 0x1p64 },
{ "tanl", 2, 0x1p78, 4, 0x1p71 }, /* measured near a pole: binary128 2^76.7, double-double 2^69.7 */
{ "asinl", 4, 0x1p64, 4, 0x1p57 },
{ "acosl", 2, 0x1p71, 4, 0x1p64 },
{ "atanl", 2, 0x1p62, 4, 0x1p55 },
{ "atan2l", 2, 0x1p62, 4, 0x1p55 },
{ "sinhl", 8, 0x1p65, 4, 0x1p58 },
{ "coshl", 2, 0x1p65, 4, 0x1p58 },
{ "tanhl", 8, 0x1p63, 4, 0x1p56 },
{ "asinhl", 2, 0x1p62, 4, 0x1p55 },
{ "acoshl", 2, 0x1p67, 4, 0x1p60 },
{ "atanhl", 2, 0x1p67, 4, 0x1p60 },
{ "expl", 2, 0x1p71, 4, 0x1p64 },
{ "exp2l", 2, 0x1p70, 4, 0x1p63 },
{ "expm1l", 2, 0x1p71, 4, 0x1p64 },
{ "logl", 2, 0x1p62, 4, 0x1p55 },
{ "log2l", 2, 0x1p62, 4, 0x1p55 },
{ "log10l", 2, 0x1p62, 4, 0x1p57 },
{ "log1pl", 2, 0x1p62, 4, 0x1p55 },
{ "powl", 2, 0x1p67, 4, 0x1p60 },
{ "cbrtl", 2, 0x1p62, 8, 0x1p55 },
{ "hypotl", 2, 0x1p62, 4, 0x1p55 },
{ "erfl", 2, 0x1p62, 4, 0x1p55 },
{ "erfcl", 4, 0x1p70, 8, 0x1p63 },
{ "lgammal", 8, 0x1p72, 1024, 0x1p65 },
{ "tgammal", 8, 0x1p76, 16, 0x1p69 },
/* Double-double only: exact elsewhere, not yet here. fdiml and fmal round
 * the exact result to double-double their own way (within 1 ulp). sqrtl
 * is within a few ulp. modfl, fmodl, remainderl and remquol disagree with
 * glibc's ldbl-128ibm where the operands' bits spread over more than 106
 * places (glibc's modfl returns all of lo as the fraction for some huge
 * values; which side is right for fmodl is not settled): unbounded for now,
 * listed so that the gap shows. */
{ "sqrtl", 0, 0, 0, 16 },
{ "fdiml", 0, 0, 0, 2 },
{ "fmal", 0, 0, 0, 1 },
{ "modfl", 0, 0, 0, 1e30 },
{ "modfl.i", 0, 0, 0, 1e30 },
{ "fmodl", 0, 0, 0, 1e30 },
{ "remainderl", 0, 0, 0, 1e30 },
{ "remquol", 0, 0, 0, 1e30 },
{ "remquol.q", 0, 0, 0, 1e30 },
