/* <complex.h>: values of every function against Python's cmath (within
 * a few ulps per part), the special values of C99/C11 Annex G, the float
 * functions against the double ones (which also checks that each arch
 * passes and returns a float _Complex the way clang does: i386 returns it in
 * edx:eax, s390x passes it by reference), and the macros. */
#include <complex.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "check.h"

typedef double _Complex (*cfn)(double _Complex);
typedef float _Complex (*cfnf)(float _Complex);

static double _Complex V(double _Complex z)
{
	volatile double _Complex v = z;
	return v;
}

static uint64_t bits(double x)
{
	uint64_t u;
	memcpy(&u, &x, sizeof u);
	return u;
}

/* How far apart two doubles are, in ulps; NaN only matches NaN, and a
 * sign difference is far. */
static uint64_t dist(double a, double b)
{
	if (a != a || b != b)
		return (a != a && b != b) ? 0 : UINT64_MAX;
	if (a == b)
		return bits(a) == bits(b) ? 0 : UINT64_MAX;
	if (signbit(a) != signbit(b))
		return UINT64_MAX;
	uint64_t x = bits(a), y = bits(b);
	return x > y ? x - y : y - x;
}

static uint64_t distf(float a, float b)
{
	if (a != a || b != b)
		return (a != a && b != b) ? 0 : UINT64_MAX;
	uint32_t x, y;
	memcpy(&x, &a, sizeof x);
	memcpy(&y, &b, sizeof y);
	if (a == b)
		return x == y ? 0 : UINT64_MAX;
	if (signbit(a) != signbit(b))
		return UINT64_MAX;
	return x > y ? x - y : y - x;
}

static const double _Complex points[] = {
	CMPLX(0.5, -1.25), CMPLX(-3, 1e-3), CMPLX(1e-5, 2e-6), CMPLX(30, 2),
};

static const struct {
	const char *name;
	cfn f;
	cfnf ff;
	int z;
	double re, im;
} values[] = {
	{"cexp", cexp, cexpf, 0, 0x1.0a2d8a04967e7p-1, -0x1.908a5ad790ab7p+0},
	{"clog", clog, clogf, 0, 0x1.307d7334f10bep-2, -0x1.30b6d796a4da8p+0},
	{"csqrt", csqrt, csqrtf, 0, 0x1.ebee96bcddee4p-1, -0x1.4d0dde1bfb455p-1},
	{"csin", csin, csinf, 0, 0x1.cf8b2abbfa7c9p-1, -0x1.67e392e3c9db5p+0},
	{"ccos", ccos, ccosf, 0, 0x1.a84165617a381p+0, 0x1.89376a932144bp-1},
	{"ctan", ctan, ctanf, 0, 0x1.024535465ca0cp-3, -0x1.d03e3bca0c43fp-1},
	{"casin", casin, casinf, 0, 0x1.3b5f77fab7c7fp-2, -0x1.15e85864b70a4p+0},
	{"cacos", cacos, cacosf, 0, 0x1.4347d74594df9p+0, 0x1.15e85864b70a4p+0},
	{"catan", catan, catanf, 0, 0x1.206600be7bd52p+0, -0x1.6aa6bc1fa7f7ap-1},
	{"csinh", csinh, csinhf, 0, 0x1.508355e9575a9p-3, -0x1.11f20dc3a66eep+0},
	{"ccosh", ccosh, ccoshf, 0, 0x1.6c196914814f8p-2, -0x1.fa61344fa8f22p-2},
	{"ctanh", ctanh, ctanhf, 0, 0x1.957ea295f00e4p+0, -0x1.9cff3926c4b21p-1},
	{"casinh", casinh, casinhf, 0, 0x1.cc3bc92973083p-1, -0x1.0fa9deebbbd6ep+0},
	{"cacosh", cacosh, cacoshf, 0, 0x1.15e85864b70a4p+0, -0x1.4347d74594df9p+0},
	{"catanh", catanh, catanhf, 0, 0x1.7cb64295b67ecp-3, -0x1.e29135b6302eep-1},
	{"cexp", cexp, cexpf, 1, 0x1.97daff6f93bf1p-5, 0x1.a1a4e5bad9b41p-15},
	{"clog", clog, clogf, 1, 0x1.193ea8996c2a8p+0, 0x1.9214c91067a49p+1},
	{"csqrt", csqrt, csqrtf, 1, 0x1.2eb2a3eba7b32p-12, 0x1.bb67aeecd6ee0p+0},
	{"csin", csin, csinf, 1, -0x1.21039053d9bedp-3, -0x1.0385486b5d6cap-10},
	{"ccos", ccos, ccosf, 1, -0x1.fae05c845ab74p-1, 0x1.27f33d744b3a6p-13},
	{"ctan", ctan, ctanf, 1, 0x1.23ef5d9fea12bp-3, 0x1.0b7875a0b6e07p-10},
	{"casin", casin, casinf, 1, -0x1.920889a0160e5p+0, 0x1.c34367345543fp+0},
	{"cacos", cacos, cacosf, 1, 0x1.92141f722c6fep+1, -0x1.c34367345543fp+0},
	{"catan", catan, catanf, 1, -0x1.3fc1773881aeap+0, 0x1.a36e2c4fe76c3p-14},
	{"csinh", csinh, csinhf, 1, -0x1.409263ef6d8a1p+3, 0x1.49e5a7e7fa961p-7},
	{"ccosh", ccosh, ccoshf, 1, 0x1.422a3eeedd1dcp+3, -0x1.484403023fbc6p-7},
	{"ctanh", ctanh, ctanhf, 1, -0x1.fd77d165f5091p-1, 0x1.4b0c8eeacfc16p-17},
	{"casinh", casinh, casinhf, 1, -0x1.d185b5d3a82adp+0, 0x1.4b96bdfe8e586p-12},
	{"cacosh", cacosh, cacoshf, 1, 0x1.c34367345543fp+0, 0x1.92141f722c6fep+1},
	{"catanh", catanh, catanhf, 1, -0x1.62e42cca55391p-2, 0x1.9217841d6d63cp+0},
	{"cexp", cexp, cexpf, 2, 0x1.0000a7c5e10dfp+0, 0x1.0c7029f796c54p-19},
	{"clog", clog, clogf, 2, -0x1.6fc93cc4258a8p+3, 0x1.94441f8f7260bp-3},
	{"csqrt", csqrt, csqrtf, 2, 0x1.a0887a1608d40p-9, 0x1.49f59166323b9p-12},
	{"csin", csin, csinf, 2, 0x1.4f8b588e216c0p-17, 0x1.0c6f7a0b25f83p-19},
	{"ccos", ccos, ccosf, 2, 0x1.ffffffff96726p-1, -0x1.5fd7fe177e1bap-36},
	{"ctan", ctan, ctanf, 2, 0x1.4f8b588e60d52p-17, 0x1.0c6f7a0bd09a1p-19},
	{"casin", casin, casinf, 2, 0x1.4f8b588e4bb22p-17, 0x1.0c6f7a0b97b97p-19},
	{"cacos", cacos, cacosf, 2, 0x1.921f0d7e968a6p+0, -0x1.0c6f7a0b97b97p-19},
	{"catan", catan, catanf, 2, 0x1.4f8b588e0c48fp-17, 0x1.0c6f7a0aed178p-19},
	{"csinh", csinh, csinhf, 2, 0x1.4f8b588e4bb22p-17, 0x1.0c6f7a0b97b97p-19},
	{"ccosh", ccosh, ccoshf, 2, 0x1.0000000034c6dp+0, 0x1.5fd7fe17ae772p-36},
	{"ctanh", ctanh, ctanhf, 2, 0x1.4f8b588e0c48fp-17, 0x1.0c6f7a0aed179p-19},
	{"casinh", casinh, casinhf, 2, 0x1.4f8b588e216c0p-17, 0x1.0c6f7a0b25f82p-19},
	{"cacosh", cacosh, cacoshf, 2, 0x1.0c6f7a0b97b97p-19, 0x1.921f0d7e968a6p+0},
	{"catanh", catanh, catanhf, 2, 0x1.4f8b588e60d51p-17, 0x1.0c6f7a0bd09a1p-19},
	{"cexp", cexp, cexpf, 3, -0x1.02db96ae77b69p+42, 0x1.1acea94f4c47fp+43},
	{"clog", clog, clogf, 3, 0x1.b3a3179d15915p+1, 0x1.10a9c765f3724p-4},
	{"csqrt", csqrt, csqrtf, 3, 0x1.5ebca65063cadp+2, 0x1.75b4611924f55p-3},
	{"csin", csin, csinf, 3, -0x1.dbcc2be585ab2p+1, 0x1.1e7007dc4d4b7p-1},
	{"ccos", ccos, ccosf, 3, 0x1.29203ee5b524dp-1, 0x1.caae94a68c15ap+1},
	{"ctan", ctan, ctanf, 3, -0x1.7af805c8e4183p-7, 0x1.0912b6821ec98p+0},
	{"casin", casin, casinf, 3, 0x1.8112b067ddff3p+0, 0x1.062993ab849cap+2},
	{"cacos", cacos, cacosf, 3, 0x1.10d04dc64d259p-4, -0x1.062993ab849cap+2},
	{"catan", catan, catanf, 3, 0x1.89a1a0c89a062p+0, 0x1.21a9ec7bb4790p-9},
	{"csinh", csinh, csinhf, 3, -0x1.02db96ae77b69p+41, 0x1.1acea94f4c47fp+42},
	{"ccosh", ccosh, ccoshf, 3, -0x1.02db96ae77b69p+41, 0x1.1acea94f4c47fp+42},
	{"ctanh", ctanh, ctanhf, 3, 0x1.0000000000000p+0, -0x1.06853fbe95aafp-86},
	{"casinh", casinh, casinhf, 3, 0x1.06328effcd20ep+2, 0x1.1083513a71997p-4},
	{"cacosh", cacosh, cacoshf, 3, 0x1.062993ab849cap+2, 0x1.10d04dc64d259p-4},
	{"catanh", catanh, catanhf, 3, 0x1.0ff4f9ef8421ep-5, 0x1.918e8eab96477p+0},
};

static void put_case(const char *name, int z)
{
	put(name);
	put("_");
	put_num(z);
}

static void check_values(void)
{
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		double _Complex r = values[i].f(V(points[values[i].z]));
		uint64_t d = dist(creal(r), values[i].re), e = dist(cimag(r), values[i].im);
		int ok = d <= 4 && e <= 4;
		put(ok ? "ok " : "FAIL ");
		put_case(values[i].name, values[i].z);
		if (!ok) {
			check_failed = 1;
			put(": ulps off ");
			put_num(d > 1000000 ? -1 : (long long)d);
			put(" ");
			put_num(e > 1000000 ? -1 : (long long)e);
		}
		put("\n");
		/* The float function: as the double one on the widened
		 * argument, rounded (within 1 ulp for the double rounding). */
		float _Complex zf = (float _Complex)points[values[i].z];
		float _Complex rf = values[i].ff(zf);
		double _Complex rd = values[i].f(V((double _Complex)zf));
		ok = distf(crealf(rf), (float)creal(rd)) <= 1 && distf(cimagf(rf), (float)cimag(rd)) <= 1;
		put(ok ? "ok " : "FAIL ");
		put_case(values[i].name, values[i].z);
		put("f");
		if (!ok) {
			check_failed = 1;
			put(": float result differs from the double one");
		}
		put("\n");
	}
}

#define EQ(name, got, wr, wi) check(name, dist(creal(got), wr) == 0 && dist(cimag(got), wi) == 0, #got " != " #wr ", " #wi)
/* The same, the imaginary part's sign unspecified by Annex G. */
#define EQ_IM_ANYSIGN(name, got, wr, wi) \
	check(name, dist(creal(got), wr) == 0 && dist(fabs(cimag(got)), wi) == 0, #got " != " #wr ", ±" #wi)
#define EQ_RE_ANYSIGN(name, got, wr, wi) \
	check(name, dist(fabs(creal(got)), wr) == 0 && dist(cimag(got), wi) == 0, #got " != ±" #wr ", " #wi)

static void special(void)
{
	double inf = INFINITY, nan = NAN, pi = M_PI;
	EQ("cexp_0", cexp(V(CMPLX(0, 0))), 1, 0);
	EQ("cexp_inf_0", cexp(V(CMPLX(inf, -0.0))), inf, -0.0);
	EQ("cexp_neginf", cexp(V(CMPLX(-inf, 2))), -0.0, 0.0);
	check("cexp_neginf_inf", creal(cexp(V(CMPLX(-inf, inf)))) == 0 && cimag(cexp(V(CMPLX(-inf, inf)))) == 0, "not ±0 ± i0");
	EQ("cexp_nan_0", cexp(V(CMPLX(nan, 0))), nan, 0);
	EQ_RE_ANYSIGN("cexp_inf_nan", cexp(V(CMPLX(inf, nan))), inf, nan);
	EQ("cexp_x_inf", cexp(V(CMPLX(1, inf))), nan, nan);
	/* e^710 overflows, e^710 cos 1.5 does not. */
	double _Complex big = cexp(V(CMPLX(710, 1.5)));
	check("cexp_big", fabs(creal(big) / (exp(709) * (M_E * cos(1.5))) - 1) < 1e-14, "e^710 cos 1.5 wrong");
	check("cexp_overflow", creal(cexp(V(CMPLX(720, 0.5)))) == inf, "720 + 0.5i must overflow");
	EQ("clog_neg0", clog(V(CMPLX(-0.0, 0))), -inf, pi);
	EQ("clog_0", clog(V(CMPLX(0, -0.0))), -inf, -0.0);
	EQ("clog_neginf_inf", clog(V(CMPLX(-inf, inf))), inf, 3 * pi / 4);
	EQ("clog_nan_inf", clog(V(CMPLX(nan, inf))), inf, nan);
	EQ("clog_1", clog(V(CMPLX(1, 0))), 0, 0);
	EQ("csqrt_neg", csqrt(V(CMPLX(-4, 0))), 0, 2);
	EQ("csqrt_neg_neg0", csqrt(V(CMPLX(-4, -0.0))), 0, -2);
	EQ("csqrt_x_inf", csqrt(V(CMPLX(nan, inf))), inf, inf);
	EQ("csqrt_neginf", csqrt(V(CMPLX(-inf, 1))), 0, inf);
	EQ("csqrt_inf_nan", csqrt(V(CMPLX(inf, nan))), inf, nan);
	EQ_IM_ANYSIGN("csqrt_neginf_nan", csqrt(V(CMPLX(-inf, nan))), nan, inf);
	EQ("csqrt_0", csqrt(V(CMPLX(0, -0.0))), 0, -0.0);
	EQ("csqrt_exact", csqrt(V(CMPLX(3, 4))), 2, 1);
	/* √(M(1 + i)) = √M (√((1 + √2)/2) + i/(2√((1 + √2)/2))): no overflow
	 * in |x| + |z|. */
	double _Complex h = csqrt(V(CMPLX(DBL_MAX, DBL_MAX)));
	double t = sqrt(DBL_MAX) * sqrt((1 + M_SQRT2) / 2);
	check("csqrt_huge", dist(creal(h), t) <= 4 && fabs(cimag(h) / (DBL_MAX / (2 * t)) - 1) < 1e-15, "csqrt(DBL_MAX(1 + i)) wrong");
	EQ("csqrt_tiny", csqrt(V(CMPLX(-0x1p-1074, 0))), 0, 0x1p-537);
	EQ("csinh_0", csinh(V(CMPLX(0, 0))), 0, 0);
	EQ_RE_ANYSIGN("csinh_0_inf", csinh(V(CMPLX(0, inf))), 0, nan);
	EQ("csinh_inf_0", csinh(V(CMPLX(inf, 0))), inf, 0);
	EQ_RE_ANYSIGN("csinh_inf_inf", csinh(V(CMPLX(inf, inf))), inf, nan);
	EQ("csinh_neg0", csinh(V(CMPLX(-0.0, -0.0))), -0.0, -0.0);
	EQ("ccosh_0", ccosh(V(CMPLX(0, 0))), 1, 0);
	EQ("ccosh_neg0", ccosh(V(CMPLX(-0.0, 0))), 1, -0.0);
	EQ("ccosh_inf_0", ccosh(V(CMPLX(inf, 0))), inf, 0);
	EQ_IM_ANYSIGN("ccosh_0_inf", ccosh(V(CMPLX(0, inf))), nan, 0);
	EQ("ctanh_inf", ctanh(V(CMPLX(inf, 1))), 1, 0);
	EQ("ctanh_neginf", ctanh(V(CMPLX(-inf, -1))), -1, -0.0);
	EQ("ctanh_0", ctanh(V(CMPLX(0, -0.0))), 0, -0.0);
	EQ("ctanh_nan_0", ctanh(V(CMPLX(nan, 0))), nan, 0);
	EQ("ctanh_big", ctanh(V(CMPLX(400, 1))), 1, 0);
	EQ("csin_0", csin(V(CMPLX(-0.0, 0))), -0.0, 0);
	EQ("ccos_0", ccos(V(CMPLX(0, 0))), 1, -0.0);
	EQ("ctan_0", ctan(V(CMPLX(0, -0.0))), 0, -0.0);
	EQ("casinh_inf_inf", casinh(V(CMPLX(inf, inf))), inf, pi / 4);
	EQ("casinh_x_inf", casinh(V(CMPLX(1, inf))), inf, pi / 2);
	EQ("casinh_nan_0", casinh(V(CMPLX(nan, 0))), nan, 0);
	EQ("casinh_neg0", casinh(V(CMPLX(-0.0, 0))), -0.0, 0);
	EQ("casinh_neginf", casinh(V(CMPLX(-inf, 1))), -inf, 0);
	EQ_RE_ANYSIGN("casinh_nan_inf", casinh(V(CMPLX(nan, inf))), inf, nan);
	EQ("casin_0", casin(V(CMPLX(-0.0, 0))), -0.0, 0);
	EQ("casin_1", casin(V(CMPLX(1, 0))), pi / 2, 0);
	EQ("cacos_0", cacos(V(CMPLX(0, 0))), pi / 2, -0.0);
	EQ("cacos_neginf", cacos(V(CMPLX(-inf, 1))), pi, -inf);
	EQ("cacos_inf_inf", cacos(V(CMPLX(inf, inf))), pi / 4, -inf);
	EQ("cacos_neginf_inf", cacos(V(CMPLX(-inf, inf))), 3 * pi / 4, -inf);
	EQ("cacos_nan_inf", cacos(V(CMPLX(nan, inf))), nan, -inf);
	EQ("cacos_0_nan", cacos(V(CMPLX(0, nan))), pi / 2, nan);
	EQ("cacos_1", cacos(V(CMPLX(1, 0))), 0, -0.0);
	EQ("cacosh_0", cacosh(V(CMPLX(0, 0))), 0, pi / 2);
	EQ("cacosh_neginf", cacosh(V(CMPLX(-inf, 1))), inf, pi);
	EQ("cacosh_inf_nan", cacosh(V(CMPLX(inf, nan))), inf, nan);
	EQ("cacosh_1", cacosh(V(CMPLX(1, 0))), 0, 0);
	EQ("cacosh_neg", cacosh(V(CMPLX(-1, -0.0))), 0, -pi);
	EQ("catanh_1", catanh(V(CMPLX(1, 0))), inf, 0);
	EQ("catanh_0_nan", catanh(V(CMPLX(0, nan))), 0, nan);
	EQ("catanh_inf", catanh(V(CMPLX(inf, 1))), 0, pi / 2);
	EQ("catanh_neginf_inf", catanh(V(CMPLX(-inf, -inf))), -0.0, -pi / 2);
	EQ_RE_ANYSIGN("catanh_nan_inf", catanh(V(CMPLX(nan, inf))), 0, pi / 2);
	EQ("catanh_neg0", catanh(V(CMPLX(-0.0, 0))), -0.0, 0);
	EQ("catan_i", catan(V(CMPLX(0, 1))), 0, inf);
	EQ("catan_inf", catan(V(CMPLX(inf, 1))), pi / 2, 0);
	EQ("cproj_inf_nan", cproj(V(CMPLX(inf, nan))), inf, 0);
	EQ("cproj_neg", cproj(V(CMPLX(1, -inf))), inf, -0.0);
	EQ("cproj_finite", cproj(V(CMPLX(1, 2))), 1, 2);
	EQ("conj", conj(V(CMPLX(1, 2))), 1, -2);
	check("cabs", cabs(V(CMPLX(3, -4))) == 5 && cabs(V(CMPLX(nan, -inf))) == inf, "cabs");
	check("carg", carg(V(CMPLX(-1, 0))) == pi && carg(V(CMPLX(-1, -0.0))) == -pi, "carg");
	check("creal_cimag", creal(V(CMPLX(1, 2))) == 1 && cimag(V(CMPLX(1, 2))) == 2, "parts");
	double _Complex p = cpow(V(CMPLX(0, 1)), V(CMPLX(2, 0)));
	check("cpow_i2", dist(creal(p), -1) <= 2 && fabs(cimag(p)) < 1e-15, "i^2 != -1");
	p = cpow(V(CMPLX(2, 0)), V(CMPLX(10, 0)));
	check("cpow_2_10", dist(creal(p), 1024) <= 4 && cimag(p) == 0, "2^10 != 1024");
	p = cpow(V(CMPLX(0.5, -1.25)), V(CMPLX(1.5, 0.25)));
	check("cpow", dist(creal(p), -0x1.2d36c8ba0dc49p-2) <= 8 && dist(cimag(p), -0x1.0a9a394e7fbe9p+1) <= 8, "value");
	float _Complex pf = cpowf(CMPLXF(0.5f, -1.25f), CMPLXF(1.5f, 0.25f));
	check("cpowf", distf(crealf(pf), (float)-0x1.2d36c8ba0dc49p-2) <= 1 && distf(cimagf(pf), (float)-0x1.0a9a394e7fbe9p+1) <= 1, "value");
}

/* Every float function that takes or returns a float _Complex other than
 * through the table: the parts must arrive and leave in their places. */
static void float_abi(void)
{
	volatile float re = 3, im = -4;
	float _Complex z = CMPLXF(re, im);
	CHECK("cabsf", cabsf(z) == 5);
	CHECK("cargf", cargf(CMPLXF(0, im)) == (float)(-M_PI / 2));
	CHECK("crealf", crealf(z) == 3);
	CHECK("cimagf", cimagf(z) == -4);
	float _Complex c = conjf(z);
	CHECK("conjf", crealf(c) == 3 && cimagf(c) == 4);
	c = cprojf(CMPLXF(re, INFINITY));
	CHECK("cprojf", crealf(c) == INFINITY && cimagf(c) == 0 && !signbit(cimagf(c)));
	c = csqrtf(z);
	CHECK("csqrtf", crealf(c) == 2 && cimagf(c) == -1);
	c = cexpf(CMPLXF(0, 0));
	CHECK("cexpf_0", crealf(c) == 1 && cimagf(c) == 0);
	c = clogf(CMPLXF(-0.0f, 0));
	CHECK("clogf_neg0", crealf(c) == -INFINITY && cimagf(c) == (float)M_PI);
	c = cexpf(CMPLXF(89, 0));
	CHECK("cexpf_overflow", crealf(c) == INFINITY && cimagf(c) == 0);
	c = ctanhf(CMPLXF(1e30f, 2));
	CHECK("ctanhf_big", crealf(c) == 1 && cimagf(c) == 0 && signbit(cimagf(c)));
}

static void macros(void)
{
	double _Complex z = CMPLX(0.0, INFINITY);
	CHECK("CMPLX_inf", creal(z) == 0 && !signbit(creal(z)) && cimag(z) == INFINITY);
	z = CMPLX(NAN, 1);
	CHECK("CMPLX_nan", isnan(creal(z)) && cimag(z) == 1);
	float _Complex f = CMPLXF(1, -0.0f);
	CHECK("CMPLXF", crealf(f) == 1 && signbit(cimagf(f)));
	z = I * I;
	CHECK("I", creal(z) == -1 && cimag(z) == 0);
	double complex w = 2.0 + 3.0 * _Complex_I;
	CHECK("complex", creal(w) == 2 && cimag(w) == 3 && sizeof w == 2 * sizeof(double));
}

int main(void)
{
	check_values();
	special();
	float_abi();
	macros();
	return check_failed;
}
