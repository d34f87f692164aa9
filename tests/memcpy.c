/* memcpy, memmove and memset against byte-loop references: every length
 * 0..300 at every alignment 0..15 (of source and destination), memmove
 * overlapping in both directions, and large sizes. Bytes around the target
 * range must stay untouched. Calls go through volatile pointers so that the
 * compiler cannot expand them inline. */
#include <stddef.h>
#include <string.h>
#include "check.h"

#define MAXLEN 300
#define GUARD 32
#define BIG (96 * 1024 + 37)

static void *(*volatile cpy)(void *, const void *, size_t) = memcpy;
static void *(*volatile mov)(void *, const void *, size_t) = memmove;
static void *(*volatile set)(void *, int, size_t) = memset;

static unsigned char src_buf[MAXLEN + 2 * GUARD + 16];
static unsigned char dst_buf[MAXLEN + 2 * GUARD + 16];
static unsigned char want[3 * MAXLEN + 256];
static unsigned char work[3 * MAXLEN + 256];
static unsigned char big_a[BIG + 2 * GUARD + 4096], big_b[BIG + 2 * GUARD + 4096];
static unsigned char big_want[BIG + 2 * GUARD + 4096];

static unsigned char pattern(size_t i, unsigned salt)
{
	return (unsigned char)(i * 131 + (i >> 8) * 7 + salt);
}

static void fill(unsigned char *p, size_t n, unsigned salt)
{
	for (size_t i = 0; i < n; i++)
		p[i] = pattern(i, salt);
}

/* The reference memmove: a byte loop in the safe direction. */
static void ref_move(unsigned char *d, const unsigned char *s, size_t n)
{
	if (d < s)
		for (size_t i = 0; i < n; i++)
			d[i] = s[i];
	else
		for (size_t i = n; i-- > 0;)
			d[i] = s[i];
}

/* Index of the first difference, or -1. */
static long differs(const unsigned char *a, const unsigned char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a[i] != b[i])
			return (long)i;
	return -1;
}

static void report(const char *what, size_t len, size_t a, size_t b, long at)
{
	put("  ");
	put(what);
	put(": len ");
	put_num((long long)len);
	put(", alignments/shift ");
	put_num((long long)a);
	put(" ");
	put_num((long long)b);
	put(", first wrong byte at ");
	put_num(at);
	put("\n");
}

static void test_memcpy(void)
{
	int ok = 1, ret_ok = 1;
	fill(src_buf, sizeof src_buf, 1);
	for (size_t sa = 0; sa < 16 && ok; sa++)
		for (size_t da = 0; da < 16 && ok; da++)
			for (size_t len = 0; len <= MAXLEN && ok; len++) {
				size_t span = len + 2 * GUARD;
				fill(dst_buf, sizeof dst_buf, 2);
				unsigned char *d = dst_buf + GUARD + da;
				ret_ok &= cpy(d, src_buf + GUARD + sa, len) == d;
				/* from GUARD bytes before d to GUARD after its end */
				long at = -1;
				for (size_t i = 0; i < span && at < 0; i++) {
					unsigned char w = (i >= GUARD && i < GUARD + len)
								  ? src_buf[GUARD + sa + i - GUARD]
								  : pattern(da + i, 2);
					if (dst_buf[da + i] != w)
						at = (long)i - GUARD;
				}
				if (at != -1) {
					ok = 0;
					report("memcpy", len, sa, da, at);
				}
			}
	check("memcpy every length 0..300 at every alignment, guards intact", ok,
	      "see the line above");
	CHECK("memcpy returns dst", ret_ok);
}

static void test_memmove(void)
{
	static const int shifts[] = {1, 2, 7, 8, 15, 16, 17, 33, 64, 65};
	int ok = 1, ret_ok = 1;
	for (size_t a = 0; a < 16 && ok; a++)
		for (size_t len = 0; len <= MAXLEN && ok; len++)
			for (int k = 0; k < 2 * (int)(sizeof shifts / sizeof shifts[0]) + 4 && ok; k++) {
				int n = (int)(sizeof shifts / sizeof shifts[0]);
				long sh = k < 2 * n ? shifts[k / 2] : k < 2 * n + 2 ? (long)len / 2 + 1
										     : (long)len - 1;
				if (k & 1)
					sh = -sh; /* odd k: dst below src */
				if (sh == 0 || (sh < 0 ? -sh : sh) > (long)len + 65)
					continue;
				unsigned char *s = work + MAXLEN + 80 + a; /* room for len + 65 either side */
				unsigned char *d = s + sh;
				fill(work, sizeof work, 3);
				fill(want, sizeof want, 3);
				ref_move(want + (d - work), want + (s - work), len);
				ret_ok &= mov(d, s, len) == d;
				long at = differs(work, want, sizeof work);
				if (at >= 0) {
					ok = 0;
					report(sh > 0 ? "memmove up" : "memmove down", len, a,
					       (size_t)sh, at - (d - work));
				}
			}
	check("memmove overlapping both directions, every length 0..300 and alignment", ok,
	      "see the line above");
	CHECK("memmove returns dst", ret_ok);
	fill(src_buf, sizeof src_buf, 4);
	fill(dst_buf, sizeof dst_buf, 5);
	CHECK("memmove disjoint",
	      mov(dst_buf + 3, src_buf + 9, MAXLEN) == dst_buf + 3 &&
		      differs(dst_buf + 3, src_buf + 9, MAXLEN) < 0 && dst_buf[2] == pattern(2, 5) &&
		      dst_buf[MAXLEN + 3] == pattern(MAXLEN + 3, 5));
	fill(work, sizeof work, 6);
	fill(want, sizeof want, 6);
	CHECK("memmove onto itself", mov(work + 5, work + 5, 200) == work + 5 &&
					     differs(work, want, sizeof work) < 0);
}

static void test_memset(void)
{
	static const int values[] = {0, 0x5a, 0xff, 0x1a5 /* stores 0xa5 */, -1};
	int ok = 1, ret_ok = 1;
	for (size_t a = 0; a < 16 && ok; a++)
		for (size_t len = 0; len <= MAXLEN && ok; len++)
			for (size_t v = 0; v < sizeof values / sizeof values[0] && ok; v++) {
				fill(dst_buf, sizeof dst_buf, 7);
				unsigned char *d = dst_buf + GUARD + a;
				ret_ok &= set(d, values[v], len) == d;
				long at = -1;
				for (size_t i = 0; i < sizeof dst_buf && at < 0; i++) {
					int inside = dst_buf + i >= d && dst_buf + i < d + len;
					unsigned char w = inside ? (unsigned char)values[v]
								 : pattern(i, 7);
					if (dst_buf[i] != w)
						at = (long)i - (long)(d - dst_buf);
				}
				if (at != -1) {
					ok = 0;
					report("memset", len, a, (size_t)values[v] & 0xff, at);
				}
			}
	check("memset every length 0..300 at every alignment and value, guards intact", ok,
	      "see the line above");
	CHECK("memset returns dst", ret_ok);
}

static void test_big(void)
{
	static const size_t lens[] = {2047, 2048, 2049, 4096, 65536 + 3, BIG};
	int ok = 1;
	for (size_t i = 0; i < sizeof lens / sizeof lens[0]; i++)
		for (size_t a = 0; a < 3; a++) {
			size_t len = lens[i], sa = a * 5, da = a * 3;
			fill(big_a, sizeof big_a, 8);
			fill(big_b, sizeof big_b, 9);
			fill(big_want, sizeof big_want, 9);
			ref_move(big_want + GUARD + da, big_a + GUARD + sa, len);
			cpy(big_b + GUARD + da, big_a + GUARD + sa, len);
			ok &= differs(big_b, big_want, sizeof big_b) < 0;
			set(big_b + GUARD + da, 0x3c, len);
			for (size_t j = 0; j < len; j++)
				big_want[GUARD + da + j] = 0x3c;
			ok &= differs(big_b, big_want, sizeof big_b) < 0;
			/* overlapping memmove, both directions, shifts 1 and 4096 */
			for (int dir = 0; dir < 4; dir++) {
				long sh = (dir & 1 ? -1 : 1) * (dir & 2 ? 4096 : 1);
				unsigned char *s = big_a + GUARD + (sh < 0 ? 4096 : 0) + sa;
				unsigned char *d = s + sh;
				if (len + 4096 + 2 * GUARD > sizeof big_a)
					continue;
				fill(big_a, sizeof big_a, 10);
				fill(big_want, sizeof big_want, 10);
				ref_move(big_want + (d - big_a), big_want + (s - big_a), len);
				mov(d, s, len);
				ok &= differs(big_a, big_want, sizeof big_a) < 0;
			}
			if (!ok) {
				report("large memcpy/memset/memmove", len, sa, da, -1);
				CHECK("large sizes (2047..96 KiB): memcpy, memset, memmove", 0);
				return;
			}
		}
	check("large sizes (2047..96 KiB): memcpy, memset, memmove", ok,
	      "see the line above");
}

int main(void)
{
	test_memcpy();
	test_memmove();
	test_memset();
	test_big();
	return check_failed;
}
