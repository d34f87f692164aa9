/* setjmp.h: longjmp across frames with callee-saved integer and floating-
 * point values live in the caller, the value 0 returning 1, nested buffers,
 * and the signal mask: siglongjmp out of a handler restores what sigsetjmp
 * saved, _longjmp and sigsetjmp(env, 0) leave the handler's mask. */
#include <setjmp.h>
#include <signal.h>
#include "check.h"

static jmp_buf jb;
static sigjmp_buf sjb;

/* Opaque to the optimiser: values the compiler cannot fold. */
static volatile long ivals[8] = {101, 202, 303, 404, 505, 606, 707, 808};
static volatile double dvals[8] = {1.5, 2.25, 3.125, 4.0625, 5.5, 6.75, 7.875, 8.5};

/* Vectors: where the ABI has callee-saved vector registers (powerpc64le's
 * v20-v31) the compiler keeps these there; elsewhere it spills them. */
typedef double v2d __attribute__((vector_size(16)));
static volatile v2d vvals[6] = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}};
static volatile v2d vsink;

__attribute__((noinline)) static long opaque(long v)
{
	return v + ivals[7] - 808;
}

__attribute__((noinline)) static double opaque_d(double v)
{
	return v + dvals[7] - 8.5;
}

/* Uses many registers, callee-saved ones included, with values that differ
 * from the caller's, then jumps from the bottom of a few frames. */
__attribute__((noinline)) static void deep(int depth, long seed, double dseed)
{
	long a = opaque(seed * 3), b = opaque(seed * 5), c = opaque(seed * 7),
	     d = opaque(seed * 11), e = opaque(seed * 13), f = opaque(seed * 17),
	     g = opaque(seed * 19), h = opaque(seed * 23);
	double p = opaque_d(dseed * 3), q = opaque_d(dseed * 5),
	       r = opaque_d(dseed * 7), s = opaque_d(dseed * 11),
	       t = opaque_d(dseed * 13), u = opaque_d(dseed * 17),
	       v = opaque_d(dseed * 19), w = opaque_d(dseed * 23),
	       x = opaque_d(dseed * 29), y = opaque_d(dseed * 31);
	v2d va = vvals[0] * dseed, vb = vvals[1] * dseed, vc = vvals[2] * dseed,
	    vd = vvals[3] * dseed, ve = vvals[4] * dseed, vf = vvals[5] * dseed;
	if (depth == 0)
		longjmp(jb, 42);
	deep(depth - 1, seed + 1, dseed + 1);
	/* Not reached; keeps every value live across the call above. */
	opaque(a + b + c + d + e + f + g + h +
	       (long)(p + q + r + s + t + u + v + w + x + y));
	vsink = va + vb + vc + vd + ve + vf;
}

static void test_callee_saved(void)
{
	/* Loaded before setjmp and not modified after: C guarantees their
	 * values after longjmp, and at -O2 they live in callee-saved
	 * registers across the calls. */
	long a = ivals[0], b = ivals[1], c = ivals[2], d = ivals[3],
	     e = ivals[4], f = ivals[5];
	double p = dvals[0], q = dvals[1], r = dvals[2], s = dvals[3],
	       t = dvals[4], u = dvals[5], v = dvals[6], w = dvals[7];
	v2d va = vvals[0], vb = vvals[1], vc = vvals[2], vd = vvals[3],
	    ve = vvals[4], vf = vvals[5];
	int got = setjmp(jb);
	if (got == 0) {
		deep(5, 1000, 1000.0);
		CHECK("longjmp returns", 0);
		return;
	}
	CHECK_EQ("longjmp value across frames", got, 42);
	CHECK("callee-saved integers survive",
	      a == 101 && b == 202 && c == 303 && d == 404 && e == 505 && f == 606);
	CHECK("callee-saved doubles survive",
	      p == 1.5 && q == 2.25 && r == 3.125 && s == 4.0625 && t == 5.5 &&
		      u == 6.75 && v == 7.875 && w == 8.5);
	v2d vs = va + vb * 2 + vc * 4 + vd * 8 + ve * 16 + vf * 32;
	CHECK("vectors survive", vs[0] == 1 + 6 + 20 + 56 + 144 + 352 &&
					 vs[1] == 2 + 8 + 24 + 64 + 160 + 384);
	/* Use them again so they stay live to here. */
	opaque(a + b + c + d + e + f + (long)(p + q + r + s + t + u + v + w));
}

__attribute__((noinline)) static void jump_zero(void)
{
	longjmp(jb, 0);
}

static void test_zero(void)
{
	volatile int n = 0;
	int got = setjmp(jb);
	n++;
	if (got == 0)
		jump_zero();
	CHECK_EQ("longjmp value 0 returns 1", got, 1);
	CHECK_EQ("setjmp returned twice", n, 2);
	got = _setjmp(jb);
	if (got == 0)
		_longjmp(jb, -7);
	CHECK_EQ("_longjmp value", got, -7);
}

static jmp_buf outer, inner;

__attribute__((noinline)) static void to_outer(void)
{
	longjmp(outer, 2);
}

static void test_nested(void)
{
	volatile int stage = 0;
	if (setjmp(outer) == 0) {
		if (setjmp(inner) == 0) {
			stage = 1;
			longjmp(inner, 1);
		}
		CHECK_EQ("inner longjmp lands in inner setjmp", stage, 1);
		stage = 2;
		to_outer();
	}
	CHECK_EQ("outer longjmp from below the inner setjmp", stage, 2);
}

static volatile int handled;

static void jump_sig(int sig)
{
	(void)sig;
	handled++;
	siglongjmp(sjb, 3);
}

static void jump_plain(int sig)
{
	(void)sig;
	handled++;
	_longjmp(jb, 4);
}

static int blocked(int sig)
{
	sigset_t cur;
	sigprocmask(SIG_BLOCK, 0, &cur);
	return sigismember(&cur, sig);
}

static void unblock(int sig)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, sig);
	sigprocmask(SIG_UNBLOCK, &s, 0);
}

static void test_signals(void)
{
	struct sigaction sa;
	sigset_t s;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sa.sa_handler = jump_sig;
	sigaction(SIGUSR1, &sa, 0);

	/* SIGUSR2 blocked when sigsetjmp saves the mask, unblocked before
	 * the jump: siglongjmp must block it again, and unblock SIGUSR1,
	 * which the kernel blocked for the handler. */
	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	sigprocmask(SIG_BLOCK, &s, 0);
	handled = 0;
	int got = sigsetjmp(sjb, 1);
	if (got == 0) {
		unblock(SIGUSR2);
		raise(SIGUSR1);
		CHECK("siglongjmp left the handler", 0);
	}
	CHECK_EQ("siglongjmp value from a handler", got, 3);
	CHECK_EQ("handler ran once", handled, 1);
	CHECK("siglongjmp unblocks the handled signal", !blocked(SIGUSR1));
	CHECK("siglongjmp restores the saved mask", blocked(SIGUSR2));
	unblock(SIGUSR2);

	/* sigsetjmp(env, 0): no mask saved, so the handler's mask stays. */
	got = sigsetjmp(sjb, 0);
	if (got == 0) {
		raise(SIGUSR1);
		CHECK("siglongjmp (no mask) left the handler", 0);
	}
	CHECK_EQ("siglongjmp value, no mask saved", got, 3);
	CHECK("sigsetjmp(env, 0) leaves the handler's mask", blocked(SIGUSR1));
	unblock(SIGUSR1);

	/* _longjmp never touches the mask. */
	sa.sa_handler = jump_plain;
	sigaction(SIGUSR1, &sa, 0);
	got = _setjmp(jb);
	if (got == 0) {
		raise(SIGUSR1);
		CHECK("_longjmp left the handler", 0);
	}
	CHECK_EQ("_longjmp value from a handler", got, 4);
	CHECK("_longjmp leaves the handler's mask", blocked(SIGUSR1));
	unblock(SIGUSR1);
	CHECK("unblocked again", !blocked(SIGUSR1));

	/* siglongjmp on a plain setjmp buffer restores nothing. */
	got = setjmp(sjb);
	if (got == 0) {
		sigprocmask(SIG_BLOCK, &s, 0);
		siglongjmp(sjb, 5);
	}
	CHECK_EQ("siglongjmp to setjmp", got, 5);
	CHECK("siglongjmp to setjmp leaves the mask", blocked(SIGUSR2));
	unblock(SIGUSR2);
}

int main(void)
{
	test_callee_saved();
	test_zero();
	test_nested();
	test_signals();
	return check_failed;
}
