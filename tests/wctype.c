/* <wctype.h> in the UTF-8 C locale: classes and case mappings of ASCII,
 * Latin-1, Greek, Cyrillic, CJK and others, the C rules (iswdigit and
 * iswxdigit are ASCII only), WEOF and non-characters, and wctype/wctrans. */
#include "check.h"
#include <wchar.h>
#include <wctype.h>

int main(void)
{
	/* ASCII agrees with <ctype.h>'s C locale. */
	CHECK("alpha_A", iswalpha('A') && iswupper('A') && !iswlower('A'));
	CHECK("alpha_z", iswalpha('z') && iswlower('z') && !iswupper('z'));
	CHECK("digit_7", iswdigit('7') && iswalnum('7') && !iswalpha('7') && iswxdigit('7'));
	CHECK("xdigit_f", iswxdigit('f') && iswxdigit('F') && !iswxdigit('g'));
	CHECK("space", iswspace(' ') && iswspace('\t') && iswspace('\n') && iswspace('\v') &&
			       iswspace('\f') && iswspace('\r') && !iswspace('x'));
	CHECK("blank", iswblank(' ') && iswblank('\t') && !iswblank('\n'));
	CHECK("cntrl", iswcntrl(0) && iswcntrl(0x1f) && iswcntrl(0x7f) && !iswcntrl(' '));
	CHECK("punct", iswpunct('!') && iswpunct('~') && !iswpunct('a') && !iswpunct(' '));
	CHECK("print_graph", iswprint(' ') && !iswgraph(' ') && iswgraph('a') && !iswprint('\n'));
	CHECK_EQ("towupper_a", towupper('a'), 'A');
	CHECK_EQ("towlower_Z", towlower('Z'), 'z');
	CHECK_EQ("towupper_1", towupper('1'), '1');

	/* Beyond ASCII. */
	CHECK("e_acute", iswalpha(0xe9) && iswlower(0xe9) && towupper(0xe9) == 0xc9);
	CHECK("E_acute", iswupper(0xc9) && towlower(0xc9) == 0xe9);
	CHECK("sharp_s", iswlower(0xdf) && towupper(0xdf) == 0xdf);
	CHECK("y_diaeresis", towupper(0xff) == 0x178 && towlower(0x178) == 0xff);
	CHECK("greek", iswupper(0x3a3) && towlower(0x3a3) == 0x3c3 && towupper(0x3c2) == 0x3a3);
	CHECK("greek_iota_sub", towupper(0x1f80) == 0x1f88 && towupper(0x1fb3) == 0x1fbc);
	CHECK("cyrillic", towupper(0x436) == 0x416 && towlower(0x416) == 0x436);
	CHECK("dotted_I", towlower(0x130) == 'i' && towupper('i') == 'I');
	CHECK("dotless_i", towupper(0x131) == 'I');
	CHECK("titlecase_dz", towupper(0x1c5) == 0x1c4 && towlower(0x1c5) == 0x1c6);
	CHECK("deseret", towlower(0x10400) == 0x10428 && towupper(0x10428) == 0x10400);
	CHECK("cjk", iswalpha(0x4e00) && !iswupper(0x4e00) && !iswlower(0x4e00) &&
			     iswprint(0x4e00) && iswgraph(0x4e00) && !iswpunct(0x4e00));
	/* Other scripts' digits: alnum (alpha), never digit. */
	CHECK("arabic_digit", !iswdigit(0x661) && iswalpha(0x661) && iswalnum(0x661));
	CHECK("fullwidth_digit", !iswdigit(0xff11) && !iswxdigit(0xff11) && iswalnum(0xff11));
	CHECK("superscript_two", !iswalnum(0xb2) && iswpunct(0xb2));
	CHECK("euro_punct", iswpunct(0x20ac) && !iswalpha(0x20ac));
	CHECK("nbsp", !iswspace(0xa0) && !iswblank(0xa0) && iswprint(0xa0) && iswgraph(0xa0));
	CHECK("ideographic_space", iswspace(0x3000) && iswblank(0x3000) && !iswgraph(0x3000) &&
					   iswprint(0x3000));
	CHECK("em_space", iswspace(0x2003) && iswblank(0x2003));
	CHECK("line_sep", iswspace(0x2028) && iswcntrl(0x2028) && !iswprint(0x2028) &&
				  !iswblank(0x2028));
	CHECK("c1_control", iswcntrl(0x85) && !iswspace(0x85) && !iswprint(0x85));
	CHECK("combining", iswprint(0x301) && iswpunct(0x301) && !iswalpha(0x301));
	CHECK("format_char", iswprint(0x200b) && !iswspace(0x200b));
	CHECK("private_use", iswprint(0xe000) && iswgraph(0xe000) && iswpunct(0xe000));
	CHECK("emoji", iswprint(0x1f600) && iswpunct(0x1f600));
	CHECK("unassigned", !iswprint(0x378) && !iswgraph(0x378) && !iswalpha(0x378) &&
				    !iswpunct(0x378) && !iswcntrl(0x378));
	CHECK("noncharacter", !iswprint(0xfffe) && !iswprint(0xffff));
	/* Not characters at all. */
	int none = 0;
	wint_t odd[] = {WEOF, 0xd800, 0xdfff, 0x110000, 0x7fffffff};
	for (unsigned i = 0; i < sizeof odd / sizeof *odd; i++) {
		wint_t c = odd[i];
		none += iswalnum(c) + iswalpha(c) + iswblank(c) + iswcntrl(c) + iswdigit(c) +
			iswgraph(c) + iswlower(c) + iswprint(c) + iswpunct(c) + iswspace(c) +
			iswupper(c) + iswxdigit(c) + (towupper(c) != c) + (towlower(c) != c);
	}
	CHECK_EQ("non_characters", none, 0);

	/* wctype/iswctype, wctrans/towctrans. */
	static const char *const classes[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
					      "lower", "print", "punct", "space", "upper", "xdigit"};
	int (*const funcs[])(wint_t) = {iswalnum, iswalpha, iswblank, iswcntrl, iswdigit, iswgraph,
					iswlower, iswprint, iswpunct, iswspace, iswupper, iswxdigit};
	int agree = 1;
	for (int k = 0; k < 12; k++) {
		wctype_t t = wctype(classes[k]);
		if (!t)
			agree = 0;
		for (wint_t c = 0; c < 0x3100; c += 3)
			if (!!iswctype(c, t) != !!funcs[k](c))
				agree = 0;
	}
	CHECK("iswctype_agrees", agree);
	CHECK_EQ("wctype_unknown", wctype("bogus"), 0);
	CHECK_EQ("iswctype_zero", iswctype('a', 0), 0);
	wctrans_t up = wctrans("toupper"), low = wctrans("tolower");
	CHECK("wctrans", up && low && up != low);
	CHECK_EQ("towctrans_up", towctrans(0xe9, up), 0xc9);
	CHECK_EQ("towctrans_low", towctrans('Q', low), 'q');
	CHECK("wctrans_unknown", wctrans("totitle") == 0);
	return check_failed;
}
