/* <wchar.h> and the multibyte functions of <stdlib.h> in the UTF-8 locale:
 * decoding (overlong forms, surrogates, values past U+10FFFF, partial
 * sequences kept in an mbstate_t across calls), encoding, the string
 * conversions, the wide string functions, wcsto*, wcwidth, and printf's
 * %lc/%ls. */
#include "check.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* mbrtowc on a fresh state: the result, the character in *wc. */
static size_t dec(const char *s, size_t n, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	*wc = 0x12345;
	return mbrtowc(wc, s, n, &st);
}

static void decoding(void)
{
	wchar_t wc;
	CHECK_EQ("dec_ascii", dec("A", 1, &wc), 1);
	CHECK_EQ("dec_ascii_val", wc, 'A');
	CHECK_EQ("dec_nul", dec("", 1, &wc), 0);
	CHECK_EQ("dec_nul_val", wc, 0);
	CHECK_EQ("dec_2", dec("\xc3\xa9", 2, &wc), 2);
	CHECK_EQ("dec_2_val", wc, 0xe9);
	CHECK_EQ("dec_3", dec("\xe2\x82\xac", 3, &wc), 3);
	CHECK_EQ("dec_3_val", wc, 0x20ac);
	CHECK_EQ("dec_4", dec("\xf0\x9f\x98\x80", 4, &wc), 4);
	CHECK_EQ("dec_4_val", wc, 0x1f600);
	CHECK_EQ("dec_max", dec("\xf4\x8f\xbf\xbf", 4, &wc), 4);
	CHECK_EQ("dec_max_val", wc, 0x10ffff);
	CHECK_EQ("dec_n_larger", dec("\xc3\xa9xyz", 100, &wc), 2);

	/* Invalid: each sets EILSEQ and leaves *pwc alone. */
	static const char *const bad[] = {
		"\x80",             /* lone continuation */
		"\xc0\x80",         /* overlong NUL */
		"\xc1\xbf",         /* overlong */
		"\xe0\x80\x80",     /* overlong 3 */
		"\xe0\x9f\xbf",     /* overlong 3 (U+07FF) */
		"\xf0\x8f\xbf\xbf", /* overlong 4 (U+FFFF) */
		"\xed\xa0\x80",     /* U+D800 */
		"\xed\xbf\xbf",     /* U+DFFF */
		"\xf4\x90\x80\x80", /* U+110000 */
		"\xf5\x80\x80\x80", /* lead F5 */
		"\xff",
		"\xc3\x41",         /* bad continuation */
		"\xe2\x82\x41",
	};
	for (unsigned i = 0; i < sizeof bad / sizeof *bad; i++) {
		errno = 0;
		size_t r = dec(bad[i], strlen(bad[i]), &wc);
		CHECK_EQ("dec_bad", r, (size_t)-1);
		CHECK_EQ("dec_bad_errno", errno, EILSEQ);
		CHECK_EQ("dec_bad_untouched", wc, 0x12345);
	}
	/* Just below and above the surrogates are fine. */
	CHECK_EQ("dec_d7ff", dec("\xed\x9f\xbf", 3, &wc), 3);
	CHECK_EQ("dec_d7ff_val", wc, 0xd7ff);
	CHECK_EQ("dec_e000", dec("\xee\x80\x80", 3, &wc), 3);
	CHECK_EQ("dec_e000_val", wc, 0xe000);

	/* Partial sequences across calls. */
	mbstate_t st;
	memset(&st, 0, sizeof st);
	CHECK("init", mbsinit(&st));
	CHECK("init_null", mbsinit(NULL));
	CHECK_EQ("part_n0", mbrtowc(&wc, "\xf0", 0, &st), (size_t)-2);
	CHECK("part_n0_init", mbsinit(&st));
	CHECK_EQ("part_1", mbrtowc(&wc, "\xf0", 1, &st), (size_t)-2);
	CHECK("part_1_notinit", !mbsinit(&st));
	CHECK_EQ("part_2", mbrtowc(&wc, "\x9f\x98", 2, &st), (size_t)-2);
	wc = 0;
	CHECK_EQ("part_3", mbrtowc(&wc, "\x80zz", 3, &st), 1);
	CHECK_EQ("part_3_val", wc, 0x1f600);
	CHECK("part_done_init", mbsinit(&st));
	/* A prefix that no continuation can make valid fails at once. */
	CHECK_EQ("part_early_bad", mbrtowc(&wc, "\xe0\x80", 2, &st), (size_t)-1);
	CHECK("part_early_reset", mbsinit(&st));
	CHECK_EQ("part_surr_bad", mbrtowc(&wc, "\xed\xa0", 2, &st), (size_t)-1);
	/* A partial state then NUL: invalid. */
	CHECK_EQ("part_then_nul_1", mbrtowc(&wc, "\xe2", 1, &st), (size_t)-2);
	errno = 0;
	CHECK_EQ("part_then_null_s", mbrtowc(NULL, NULL, 0, &st), (size_t)-1);
	CHECK_EQ("part_then_null_s_errno", errno, EILSEQ);
	CHECK_EQ("null_s_initial", mbrtowc(NULL, NULL, 0, &st), 0);
	/* mbrlen, internal state. */
	CHECK_EQ("mbrlen", mbrlen("\xe2\x82\xac", 3, NULL), 3);
	CHECK_EQ("mbrlen_part", mbrlen("\xe2\x82", 2, NULL), (size_t)-2);
	CHECK_EQ("mbrlen_rest", mbrlen("\xac", 1, NULL), 1);
	CHECK_EQ("mbrtowc_own_state", mbrtowc(&wc, "\xc3", 1, NULL), (size_t)-2);
	CHECK_EQ("mbrtowc_own_state2", mbrtowc(&wc, "\xa9", 1, NULL), 1);
	CHECK_EQ("mbrtowc_own_state_val", wc, 0xe9);

	/* Every scalar value round-trips; every surrogate is rejected. */
	int bad_rt = 0;
	for (wchar_t c = 1; c <= 0x10ffff; c += (c < 0x800 ? 1 : 7)) {
		char buf[8];
		memset(&st, 0, sizeof st);
		size_t n = wcrtomb(buf, c, &st);
		if (c >= 0xd800 && c <= 0xdfff) {
			bad_rt += n != (size_t)-1;
			continue;
		}
		wchar_t back = 0;
		size_t want = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		if (n != want || mbrtowc(&back, buf, n, &st) != n || back != c)
			bad_rt++;
	}
	CHECK_EQ("roundtrip", bad_rt, 0);
}

static void encoding(void)
{
	char buf[8] = {0};
	mbstate_t st;
	memset(&st, 0, sizeof st);
	CHECK_EQ("wcrtomb_euro", wcrtomb(buf, 0x20ac, &st), 3);
	CHECK("wcrtomb_euro_bytes", memcmp(buf, "\xe2\x82\xac", 3) == 0);
	CHECK_EQ("wcrtomb_null", wcrtomb(NULL, 0x20ac, &st), 1);
	CHECK_EQ("wcrtomb_nul", wcrtomb(buf, 0, &st), 1);
	CHECK_EQ("wcrtomb_nul_byte", buf[0], 0);
	errno = 0;
	CHECK_EQ("wcrtomb_surr", wcrtomb(buf, 0xdc00, &st), (size_t)-1);
	CHECK_EQ("wcrtomb_surr_errno", errno, EILSEQ);
	errno = 0;
	CHECK_EQ("wcrtomb_big", wcrtomb(buf, 0x110000, &st), (size_t)-1);
	CHECK_EQ("wcrtomb_big_errno", errno, EILSEQ);
	CHECK_EQ("wcrtomb_neg", wcrtomb(buf, (wchar_t)-1, NULL), (size_t)-1);
	CHECK_EQ("btowc", btowc('a'), 'a');
	CHECK_EQ("btowc_high", btowc(0xc3), WEOF);
	CHECK_EQ("btowc_eof", btowc(EOF), WEOF);
	CHECK_EQ("wctob", wctob('z'), 'z');
	CHECK_EQ("wctob_high", wctob(0xe9), EOF);
	CHECK_EQ("wctob_weof", wctob(WEOF), EOF);

	/* stdlib.h */
	CHECK_EQ("mb_cur_max", MB_CUR_MAX, 4);
	CHECK_EQ("mblen_null", mblen(NULL, 0), 0);
	CHECK_EQ("mblen", mblen("\xc3\xa9", 2), 2);
	CHECK_EQ("mblen_nul", mblen("", 1), 0);
	errno = 0;
	CHECK_EQ("mblen_incomplete", mblen("\xc3", 1), -1);
	CHECK_EQ("mblen_incomplete_errno", errno, EILSEQ);
	wchar_t wc = 0;
	CHECK_EQ("mbtowc", mbtowc(&wc, "\xf0\x9f\x98\x80", 4), 4);
	CHECK_EQ("mbtowc_val", wc, 0x1f600);
	CHECK_EQ("mbtowc_bad", mbtowc(&wc, "\xed\xa0\x80", 3), -1);
	CHECK_EQ("wctomb_null", wctomb(NULL, 'a'), 0);
	CHECK_EQ("wctomb", wctomb(buf, 0xe9), 2);
	CHECK("wctomb_bytes", memcmp(buf, "\xc3\xa9", 2) == 0);
	CHECK_EQ("wctomb_bad", wctomb(buf, 0xd800), -1);
}

static void strings(void)
{
	const char *src = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";
	wchar_t w[16];
	const char *p = src;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	CHECK_EQ("mbsrtowcs_count", mbsrtowcs(NULL, &p, 0, &st), 5);
	CHECK("mbsrtowcs_count_src", p == src);
	CHECK_EQ("mbsrtowcs", mbsrtowcs(w, &p, 16, &st), 5);
	CHECK("mbsrtowcs_src_null", p == NULL);
	CHECK("mbsrtowcs_vals", w[0] == 'a' && w[1] == 0xe9 && w[2] == 0x20ac && w[3] == 0x1f600 &&
				     w[4] == 'z' && w[5] == 0);
	p = src;
	CHECK_EQ("mbsrtowcs_len2", mbsrtowcs(w, &p, 2, &st), 2);
	CHECK("mbsrtowcs_len2_src", p == src + 3);
	p = "ab\xffgh";
	errno = 0;
	CHECK_EQ("mbsrtowcs_bad", mbsrtowcs(w, &p, 16, &st), (size_t)-1);
	CHECK_EQ("mbsrtowcs_bad_errno", errno, EILSEQ);
	/* mbsnrtowcs stopping inside a character keeps it in the state. */
	memset(&st, 0, sizeof st);
	p = src;
	CHECK_EQ("mbsnrtowcs_split", mbsnrtowcs(w, &p, 5, 16, &st), 2);
	CHECK("mbsnrtowcs_split_src", p == src + 5);
	CHECK("mbsnrtowcs_split_state", !mbsinit(&st));
	CHECK_EQ("mbsnrtowcs_rest", mbsnrtowcs(w, &p, 100, 16, &st), 3);
	CHECK_EQ("mbsnrtowcs_rest_val", w[0], 0x20ac);

	wchar_t ws[] = {'a', 0xe9, 0x20ac, 0x1f600, 'z', 0};
	char out[32];
	const wchar_t *q = ws;
	CHECK_EQ("wcsrtombs_count", wcsrtombs(NULL, &q, 0, NULL), 11);
	CHECK_EQ("wcsrtombs", wcsrtombs(out, &q, sizeof out, NULL), 11);
	CHECK("wcsrtombs_src_null", q == NULL);
	CHECK("wcsrtombs_bytes", strcmp(out, src) == 0);
	q = ws;
	memset(out, 'X', sizeof out);
	/* 5 bytes: 'a', é and not half of €. */
	CHECK_EQ("wcsrtombs_nosplit", wcsrtombs(out, &q, 5, NULL), 3);
	CHECK("wcsrtombs_nosplit_src", q == ws + 2);
	CHECK_EQ("wcsrtombs_nosplit_untouched", out[3], 'X');
	wchar_t wbad[] = {'a', 0xd800, 0};
	q = wbad;
	errno = 0;
	CHECK_EQ("wcsrtombs_bad", wcsrtombs(out, &q, sizeof out, NULL), (size_t)-1);
	CHECK_EQ("wcsrtombs_bad_errno", errno, EILSEQ);
	CHECK("wcsrtombs_bad_src", q == wbad + 1);
	q = ws;
	CHECK_EQ("wcsnrtombs", wcsnrtombs(out, &q, 2, sizeof out, NULL), 3);
	CHECK("wcsnrtombs_src", q == ws + 2);
	CHECK_EQ("mbstowcs", mbstowcs(w, src, 16), 5);
	CHECK_EQ("mbstowcs_null", mbstowcs(NULL, src, 0), 5);
	CHECK_EQ("wcstombs", wcstombs(out, ws, sizeof out), 11);
	CHECK_EQ("wcstombs_null", wcstombs(NULL, ws, 0), 11);
}

static void wide_strings(void)
{
	wchar_t buf[32];
	CHECK_EQ("wcslen", wcslen(L"h\u00e9llo"), 5);
	CHECK_EQ("wcsnlen", wcsnlen(L"hello", 3), 3);
	CHECK("wcscmp_eq", wcscmp(L"abc", L"abc") == 0);
	CHECK("wcscmp_lt", wcscmp(L"abc", L"abd") < 0);
	CHECK("wcscmp_gt", wcscmp(L"\u20ac", L"a") > 0);
	CHECK("wcscmp_prefix", wcscmp(L"ab", L"abc") < 0);
	{
		/* 0x80000000 is WCHAR_MIN where wchar_t is signed (below "1")
		 * and above WCHAR_MAX's half where it is unsigned (aarch64,
		 * arm): the comparisons order as wchar_t does. */
		wchar_t big[] = { (wchar_t)0x80000000u, 0 }, one[] = { 1, 0 };
		int want = (wchar_t)0x80000000u < (wchar_t)1 ? -1 : 1;
		CHECK("wcscmp_sign", (wcscmp(big, one) > 0 ? 1 : -1) == want && wcscmp(big, one) != 0);
		CHECK("wcscmp_sign_rev", (wcscmp(one, big) > 0 ? 1 : -1) == -want);
		CHECK("wcsncmp_sign", (wcsncmp(big, one, 1) > 0 ? 1 : -1) == want);
		CHECK("wmemcmp_sign", (wmemcmp(big, one, 1) > 0 ? 1 : -1) == want);
		CHECK("wcscoll_sign", (wcscoll(big, one) > 0 ? 1 : -1) == want);
		CHECK("wchar_min_sign", WCHAR_MIN < 0 ? want == -1 : want == 1);
	}
	CHECK("wcsncmp", wcsncmp(L"abcx", L"abcy", 3) == 0);
	CHECK("wcscoll", wcscoll(L"a", L"b") < 0);
	CHECK_EQ("wcsxfrm", wcsxfrm(buf, L"xyz", 32), 3);
	CHECK("wcsxfrm_copy", wcscmp(buf, L"xyz") == 0);
	CHECK_EQ("wcsxfrm_small", wcsxfrm(NULL, L"xyz", 0), 3);
	wcscpy(buf, L"ab");
	wcscat(buf, L"cd");
	CHECK("wcscpy_cat", wcscmp(buf, L"abcd") == 0);
	wcsncat(buf, L"efgh", 2);
	CHECK("wcsncat", wcscmp(buf, L"abcdef") == 0);
	wmemset(buf, L'x', 8);
	wcsncpy(buf, L"ab", 5);
	CHECK("wcsncpy_pad", buf[1] == 'b' && buf[2] == 0 && buf[4] == 0 && buf[5] == 'x');
	const wchar_t *s = L"a\u00e9b\u00e9c";
	CHECK("wcschr", wcschr(s, 0xe9) == s + 1);
	CHECK("wcschr_nul", wcschr(s, 0) == s + 5);
	CHECK("wcschr_none", wcschr(s, 'z') == NULL);
	CHECK("wcsrchr", wcsrchr(s, 0xe9) == s + 3);
	const wchar_t *h = L"hello world";
	CHECK("wcsstr_found", wcsstr(h, L"o w") == h + 4);
	CHECK("wcsstr_empty", wcsstr(h, L"") == h);
	CHECK("wcsstr_none", wcsstr(h, L"xyz") == NULL);
	CHECK_EQ("wcsspn", wcsspn(L"aabbc", L"ab"), 4);
	CHECK_EQ("wcscspn", wcscspn(L"xyzab", L"ba"), 3);
	CHECK("wcspbrk", wcspbrk(h, L"wo") == h + 4);
	CHECK("wcspbrk_none", wcspbrk(h, L"Z") == NULL);
	wchar_t tok[] = L"  one, two,,three ";
	wchar_t *save;
	wchar_t *t1 = wcstok(tok, L" ,", &save);
	wchar_t *t2 = wcstok(NULL, L" ,", &save);
	wchar_t *t3 = wcstok(NULL, L" ,", &save);
	wchar_t *t4 = wcstok(NULL, L" ,", &save);
	CHECK("wcstok", t1 && t2 && t3 && wcscmp(t1, L"one") == 0 && wcscmp(t2, L"two") == 0 &&
				 wcscmp(t3, L"three") == 0 && t4 == NULL);
	wchar_t *d = wcsdup(L"dup\u20ac");
	CHECK("wcsdup", d && wcscmp(d, L"dup\u20ac") == 0);
	free(d);
	const wchar_t arr[] = {1, 2, 3, 0, 5};
	CHECK("wmemchr", wmemchr(arr, 5, 5) == arr + 4);
	CHECK("wmemchr_none", wmemchr(arr, 5, 4) == NULL);
	CHECK("wmemcmp", wmemcmp(arr, L"\1\2\4", 3) < 0);
	wmemcpy(buf, arr, 5);
	CHECK("wmemcpy", wmemcmp(buf, arr, 5) == 0);
	wmemmove(buf + 1, buf, 4);
	CHECK("wmemmove", buf[1] == 1 && buf[4] == 0);
}

static void numbers(void)
{
	wchar_t *end;
	const wchar_t *s = L" \u3000 -123xyz";
	errno = 0;
	CHECK_EQ("wcstol", wcstol(s, &end, 10), -123);
	CHECK("wcstol_end", end == s + 7);
	CHECK_EQ("wcstol_errno", errno, 0);
	s = L"0x1F\u00e9";
	CHECK_EQ("wcstoul_hex", wcstoul(s, &end, 0), 31);
	CHECK("wcstoul_hex_end", end == s + 4);
	s = L"\u00e9";
	CHECK_EQ("wcstol_none", wcstol(s, &end, 10), 0);
	CHECK("wcstol_none_end", end == s);
	errno = 0;
	CHECK_EQ("wcstoll_range", wcstoll(L"99999999999999999999", NULL, 10), 0x7fffffffffffffffLL);
	CHECK_EQ("wcstoll_range_errno", errno, ERANGE);
	CHECK("wcstoull", wcstoull(L"18446744073709551615", NULL, 10) == 18446744073709551615ULL);
	errno = 0;
	wcstol(L"1", NULL, 99);
	CHECK_EQ("wcstol_base", errno, EINVAL);
	/* A number longer than any stack buffer. */
	static wchar_t big[400];
	for (int i = 0; i < 398; i++)
		big[i] = '0';
	big[398] = '7';
	CHECK_EQ("wcstol_long", wcstol(big, &end, 10), 7);
	CHECK("wcstol_long_end", end == big + 399);
	s = L"  1.5e3\u20ac";
	CHECK("wcstod", wcstod(s, &end) == 1500.0);
	CHECK("wcstod_end", end == s + 7);
	CHECK("wcstod_hex", wcstod(L"0x1.8p1", NULL) == 3.0);
	CHECK("wcstof", wcstof(L"0.5", NULL) == 0.5f);
	CHECK("wcstod_inf", wcstod(L"-inf", NULL) == -1.0 / 0.0);
}

static void widths(void)
{
	CHECK_EQ("wcwidth_a", wcwidth('a'), 1);
	CHECK_EQ("wcwidth_nul", wcwidth(0), 0);
	CHECK_EQ("wcwidth_ctrl", wcwidth('\n'), -1);
	CHECK_EQ("wcwidth_del", wcwidth(0x7f), -1);
	CHECK_EQ("wcwidth_c1", wcwidth(0x85), -1);
	CHECK_EQ("wcwidth_combining", wcwidth(0x301), 0);
	CHECK_EQ("wcwidth_cjk", wcwidth(0x4e00), 2);
	CHECK_EQ("wcwidth_fullwidth", wcwidth(0xff21), 2);
	CHECK_EQ("wcwidth_emoji", wcwidth(0x1f600), 2);
	CHECK_EQ("wcwidth_e9", wcwidth(0xe9), 1);
	CHECK_EQ("wcwidth_unassigned", wcwidth(0x378), -1);
	CHECK_EQ("wcwidth_surrogate", wcwidth(0xd800), -1);
	CHECK_EQ("wcswidth", wcswidth(L"a\u4e00e\u0301", 10), 4);
	CHECK_EQ("wcswidth_n", wcswidth(L"a\u4e00", 1), 1);
	CHECK_EQ("wcswidth_bad", wcswidth(L"a\n", 5), -1);
}

static void printing(void)
{
	char buf[64];
	CHECK_EQ("printf_ls", snprintf(buf, sizeof buf, "[%ls]", L"a\u00e9\u20ac"), 8);
	CHECK("printf_ls_bytes", strcmp(buf, "[a\xc3\xa9\xe2\x82\xac]") == 0);
	CHECK_EQ("printf_lc", snprintf(buf, sizeof buf, "%lc", (wint_t)0x1f600), 4);
	CHECK("printf_lc_bytes", strcmp(buf, "\xf0\x9f\x98\x80") == 0);
	/* Precision counts bytes and never splits a character. */
	CHECK_EQ("printf_ls_prec", snprintf(buf, sizeof buf, "%.4ls|", L"a\u00e9\u20ac"), 4);
	CHECK("printf_ls_prec_bytes", strcmp(buf, "a\xc3\xa9|") == 0);
	CHECK_EQ("printf_ls_width", snprintf(buf, sizeof buf, "%5ls|", L"\u00e9"), 6);
	CHECK("printf_ls_width_bytes", strcmp(buf, "   \xc3\xa9|") == 0);
	errno = 0;
	CHECK_EQ("printf_lc_bad", snprintf(buf, sizeof buf, "%lc", (wint_t)0xd800), -1);
	CHECK_EQ("printf_lc_bad_errno", errno, EILSEQ);
	wchar_t bad[] = {'a', 0x110000, 0};
	errno = 0;
	CHECK_EQ("printf_ls_bad", snprintf(buf, sizeof buf, "%ls", bad), -1);
	CHECK_EQ("printf_ls_bad_errno", errno, EILSEQ);
}

static void wide_printing(void)
{
	wchar_t buf[32];
	CHECK_EQ("swprintf", swprintf(buf, 32, L"%d-%ls-%s-%lc|%5.2f", 42, L"\u00e9\u20ac", "\xc3\xa9",
				       (wint_t)0x1f600, 3.14159),
		 15);
	CHECK("swprintf_text", wcscmp(buf, L"42-\u00e9\u20ac-\u00e9-\U0001f600| 3.14") == 0);
	CHECK_EQ("swprintf_wide_fmt", swprintf(buf, 32, L"\u4e00%c\u4e01", 'x'), 3);
	CHECK("swprintf_wide_fmt_text", wcscmp(buf, L"\u4e00x\u4e01") == 0);
	errno = 0;
	CHECK_EQ("swprintf_full", swprintf(buf, 4, L"abcd"), -1);
	CHECK_EQ("swprintf_full_errno", errno, EOVERFLOW);
	CHECK("swprintf_full_nul", buf[3] == 0 && buf[0] == 'a');
	CHECK_EQ("swprintf_fits", swprintf(buf, 5, L"abcd"), 4);
	errno = 0;
	CHECK_EQ("swprintf_bad_mb", swprintf(buf, 32, L"%s", "\xff"), -1);
	CHECK_EQ("swprintf_bad_mb_errno", errno, EILSEQ);
}

int main(void)
{
	decoding();
	encoding();
	strings();
	wide_strings();
	numbers();
	widths();
	printing();
	wide_printing();
	return check_failed;
}
