/* long double arithmetic (+ - * /) against gcc and glibc on the same long
 * double format: x87 and arm's double are the hardware's; binary128 is
 * soft float (compiler_builtins' __addtf3 & co. against libgcc's, both
 * correctly rounded, so they must agree); IBM double-double on powerpc64le
 * goes through muslin's __gcc_qadd/__gcc_qsub/__gcc_qmul/__gcc_qdiv, which
 * must give libgcc's bits (double-double arithmetic is not correctly
 * rounded, so only the same steps give the same result).
 *
 * test-reference: "long-double"
 *
 * Both sides draw the same operands from one generator (built from
 * integers and exact scalings, so they are the same values everywhere);
 * the reference prints each case's four results with %La, and muslin's
 * side compares its own results printed the same way (printf's %La is
 * checked byte for byte against glibc by tests/ld_diff.c). */
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef long double ld;

#define N 4000
#define NOPS 4

static uint64_t state = 0x9e3779b97f4a7c15u;

static uint64_t next(void)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return state;
}

/* A random finite value of magnitude about 2^e, with all the format's
 * significand bits drawn. */
static ld draw(int e)
{
#if LDBL_MANT_DIG == 106
	/* hi: a random double near 2^e; lo: below half an ulp of hi, or 0. */
	union {
		ld v;
		double d[2];
	} u;
	uint64_t b = next();
	double hi = ldexp((double)(b >> 11) / 9007199254740992.0 + 0.5, e);
	double lo = 0.0;
	int k = next() % 64;
	if (k != 0)
		lo = ldexp((double)(next() >> 11) / 9007199254740992.0 + 0.5, e - 53 - k);
	if (next() & 1)
		lo = -lo;
	if (b & 1)
		hi = -hi, lo = -lo;
	u.d[0] = hi + lo; /* keeps the pair canonical: hi the rounded sum */
	u.d[1] = lo - (u.d[0] - hi);
	return u.v;
#else
	uint64_t m1 = next() | 1ull << 63, m2 = next();
	ld v = ldexpl((ld)m1, e - 63) + ldexpl((ld)m2, e - 127);
	return m2 & 1 ? -v : v;
#endif
}

static ld op(int i, ld a, ld b)
{
	switch (i) {
	case 0: return a + b;
	case 1: return a - b;
	case 2: return a * b;
	default: return a / b;
	}
}

static const char *const names[NOPS] = {"add", "sub", "mul", "div"};

/* The operands of case i: the second near the first's magnitude (where
 * sums cancel) or up to 120 binary places below or above it. */
static void operands(ld *a, ld *b)
{
	int ea = (int)(next() % 161) - 80;
	int d = next() % 4 == 0 ? (int)(next() % 241) - 120 : (int)(next() % 5) - 2;
	*a = draw(ea);
	*b = draw(ea + d);
}

#ifdef REFERENCE
int main(void)
{
	for (int c = 0; c < N; c++) {
		ld a, b;
		operands(&a, &b);
		for (int i = 0; i < NOPS; i++)
			printf("%La%c", op(i, a, b), i == NOPS - 1 ? '\n' : ' ');
	}
	printf("END\n");
	return 0;
}
#else
#include "check.h"

int main(void)
{
	char line[512], mine[128], why[400];
	long bad[NOPS] = {0};
	int ended = 0, cases = 0;
	while (fgets(line, sizeof line, stdin)) {
		if (strcmp(line, "END\n") == 0) {
			ended = 1;
			break;
		}
		ld a, b;
		operands(&a, &b);
		char *p = line;
		for (int i = 0; i < NOPS; i++) {
			size_t n = strcspn(p, " \n");
			snprintf(mine, sizeof mine, "%La", op(i, a, b));
			if (strlen(mine) != n || memcmp(mine, p, n) != 0) {
				if (bad[i]++ < 3) {
					snprintf(why, sizeof why, "%La %s %La: %.*s, muslin %s", a,
						 names[i], b, (int)n, p, mine);
					check(names[i], 0, why);
				}
			}
			p += n + (p[n] == ' ');
		}
		cases++;
	}
	check("reference_complete", ended && cases == N, "the reference's output ended early");
	for (int i = 0; i < NOPS; i++) {
		snprintf(why, sizeof why, "%ld of %d cases differ", bad[i], cases);
		check(names[i], bad[i] == 0, why);
	}
	return check_failed;
}
#endif
