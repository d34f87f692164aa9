/* <uchar.h>: UTF-8 to and from UTF-16 (surrogate pairs across calls,
 * (size_t)-3, lone surrogates) and UTF-32. */
#include "check.h"
#include <errno.h>
#include <string.h>
#include <uchar.h>

int main(void)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	char16_t u = 0;
	CHECK_EQ("c16_ascii", mbrtoc16(&u, "A", 1, &st), 1);
	CHECK_EQ("c16_ascii_val", u, 'A');
	CHECK_EQ("c16_bmp", mbrtoc16(&u, "\xe2\x82\xac", 3, &st), 3);
	CHECK_EQ("c16_bmp_val", u, 0x20ac);
	/* U+1F600: the high surrogate, then -3 and the low one. */
	CHECK_EQ("c16_high", mbrtoc16(&u, "\xf0\x9f\x98\x80!", 5, &st), 4);
	CHECK_EQ("c16_high_val", u, 0xd83d);
	CHECK("c16_pending", !mbsinit(&st));
	CHECK_EQ("c16_low", mbrtoc16(&u, "!", 1, &st), (size_t)-3);
	CHECK_EQ("c16_low_val", u, 0xde00);
	CHECK("c16_done", mbsinit(&st));
	CHECK_EQ("c16_next", mbrtoc16(&u, "!", 1, &st), 1);
	CHECK_EQ("c16_next_val", u, '!');
	/* Split input. */
	CHECK_EQ("c16_part", mbrtoc16(&u, "\xc3", 1, &st), (size_t)-2);
	CHECK_EQ("c16_part_rest", mbrtoc16(&u, "\xa9", 1, &st), 1);
	CHECK_EQ("c16_part_val", u, 0xe9);
	CHECK_EQ("c16_nul", mbrtoc16(&u, "", 1, &st), 0);
	errno = 0;
	CHECK_EQ("c16_bad", mbrtoc16(&u, "\xed\xa0\x80", 3, &st), (size_t)-1);
	CHECK_EQ("c16_bad_errno", errno, EILSEQ);

	char buf[8];
	memset(&st, 0, sizeof st);
	CHECK_EQ("16c_bmp", c16rtomb(buf, 0xe9, &st), 2);
	CHECK("16c_bmp_bytes", memcmp(buf, "\xc3\xa9", 2) == 0);
	CHECK_EQ("16c_high", c16rtomb(buf, 0xd83d, &st), 0);
	CHECK("16c_high_pending", !mbsinit(&st));
	CHECK_EQ("16c_low", c16rtomb(buf, 0xde00, &st), 4);
	CHECK("16c_pair_bytes", memcmp(buf, "\xf0\x9f\x98\x80", 4) == 0);
	CHECK("16c_done", mbsinit(&st));
	errno = 0;
	CHECK_EQ("16c_lone_low", c16rtomb(buf, 0xdc00, &st), (size_t)-1);
	CHECK_EQ("16c_lone_low_errno", errno, EILSEQ);
	memset(&st, 0, sizeof st);
	c16rtomb(buf, 0xd800, &st);
	errno = 0;
	CHECK_EQ("16c_high_then_bmp", c16rtomb(buf, 'a', &st), (size_t)-1);
	CHECK_EQ("16c_high_then_bmp_errno", errno, EILSEQ);
	memset(&st, 0, sizeof st);
	CHECK_EQ("16c_null", c16rtomb(NULL, 'a', &st), 1);

	/* UTF-32. */
	char32_t c = 0;
	memset(&st, 0, sizeof st);
	CHECK_EQ("c32", mbrtoc32(&c, "\xf4\x8f\xbf\xbf", 4, &st), 4);
	CHECK_EQ("c32_val", c, 0x10ffff);
	CHECK_EQ("c32_part", mbrtoc32(&c, "\xf0\x9f", 2, &st), (size_t)-2);
	CHECK_EQ("c32_part_rest", mbrtoc32(&c, "\x98\x80", 2, &st), 2);
	CHECK_EQ("c32_part_val", c, 0x1f600);
	CHECK_EQ("32c", c32rtomb(buf, 0x20ac, &st), 3);
	CHECK("32c_bytes", memcmp(buf, "\xe2\x82\xac", 3) == 0);
	errno = 0;
	CHECK_EQ("32c_surrogate", c32rtomb(buf, 0xd800, &st), (size_t)-1);
	CHECK_EQ("32c_surrogate_errno", errno, EILSEQ);
	CHECK_EQ("32c_big", c32rtomb(buf, 0x110000, &st), (size_t)-1);
	/* Round trip of every scalar value through UTF-16. */
	int bad = 0;
	for (char32_t x = 1; x <= 0x10ffff; x += 13) {
		if (x >= 0xd800 && x <= 0xdfff)
			continue;
		char mb[8], out[8];
		mbstate_t a, b;
		memset(&a, 0, sizeof a);
		memset(&b, 0, sizeof b);
		size_t n = c32rtomb(mb, x, &a);
		char16_t units[2];
		size_t r = mbrtoc16(&units[0], mb, n, &a);
		int k = 1;
		if (mbrtoc16(&units[1], "", 0, &a) == (size_t)-3)
			k = 2;
		size_t m = 0;
		for (int i = 0; i < k; i++)
			m += c16rtomb(out + m, units[i], &b);
		bad += r != n || m != n || memcmp(mb, out, n) != 0 || (k == 2) != (x > 0xffff);
	}
	CHECK_EQ("utf16_roundtrip", bad, 0);
	return check_failed;
}
