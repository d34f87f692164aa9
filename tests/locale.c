/* <locale.h>: setlocale's names (C, POSIX, C.UTF-8, "" from the
 * environment, composite LC_ALL), unknown names, localeconv's C values,
 * and strcoll/strxfrm.
 *
 * test-env: LANG="C.UTF-8" LC_NUMERIC="POSIX"
 */
#include "check.h"
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

static int is(const char *got, const char *want)
{
	return got && strcmp(got, want) == 0;
}

int main(void)
{
	CHECK("start_C", is(setlocale(LC_ALL, NULL), "C"));
	CHECK("start_ctype_C", is(setlocale(LC_CTYPE, NULL), "C"));
	CHECK("set_posix", is(setlocale(LC_ALL, "POSIX"), "C"));
	CHECK("set_utf8", is(setlocale(LC_ALL, "C.UTF-8"), "C.UTF-8"));
	CHECK("query_utf8", is(setlocale(LC_COLLATE, NULL), "C.UTF-8"));
	CHECK("set_utf8_alias", is(setlocale(LC_ALL, "C.utf8"), "C.UTF-8"));
	CHECK("set_C", is(setlocale(LC_ALL, "C"), "C"));
	/* Unknown names and categories: NULL, nothing changes. */
	CHECK("unknown_name", setlocale(LC_ALL, "xx_YY.UTF-8") == NULL);
	CHECK("unknown_name_cat", setlocale(LC_TIME, "de_DE") == NULL);
	CHECK("unknown_cat", setlocale(99, "C") == NULL);
	CHECK("unknown_cat_neg", setlocale(-1, NULL) == NULL);
	CHECK("unchanged", is(setlocale(LC_ALL, NULL), "C"));
	/* One category: LC_ALL becomes a composite that setlocale accepts. */
	CHECK("set_one", is(setlocale(LC_CTYPE, "C.UTF-8"), "C.UTF-8"));
	char *all = setlocale(LC_ALL, NULL);
	CHECK("composite", is(all, "C.UTF-8;C;C;C;C;C"));
	char saved[64];
	strcpy(saved, all ? all : "");
	setlocale(LC_ALL, "C");
	CHECK("composite_restore", is(setlocale(LC_ALL, saved), "C.UTF-8;C;C;C;C;C"));
	CHECK("composite_restore_ctype", is(setlocale(LC_CTYPE, NULL), "C.UTF-8"));
	CHECK("composite_bad", setlocale(LC_ALL, "C;C") == NULL);
	/* "": LANG=C.UTF-8 for every category but LC_NUMERIC=POSIX. */
	setlocale(LC_ALL, "C");
	CHECK("env_numeric", is(setlocale(LC_NUMERIC, ""), "C"));
	CHECK("env_ctype", is(setlocale(LC_CTYPE, ""), "C.UTF-8"));
	CHECK("env_all", is(setlocale(LC_ALL, ""), "C.UTF-8;C;C.UTF-8;C.UTF-8;C.UTF-8;C.UTF-8"));
	setenv("LC_ALL", "C", 1);
	CHECK("env_lc_all", is(setlocale(LC_ALL, ""), "C"));
	setenv("LC_ALL", "xx_YY", 1);
	CHECK("env_unknown", setlocale(LC_ALL, "") == NULL);
	unsetenv("LC_ALL");
	unsetenv("LANG");
	unsetenv("LC_NUMERIC");
	CHECK("env_unset_default", is(setlocale(LC_ALL, ""), "C.UTF-8"));
	CHECK("mb_cur_max", MB_CUR_MAX == 4);

	struct lconv *lc = localeconv();
	CHECK("lconv", lc != NULL);
	CHECK("decimal_point", is(lc->decimal_point, "."));
	CHECK("thousands_sep", is(lc->thousands_sep, ""));
	CHECK("grouping", is(lc->grouping, ""));
	CHECK("currency", is(lc->currency_symbol, "") && is(lc->int_curr_symbol, ""));
	CHECK("mon", is(lc->mon_decimal_point, "") && is(lc->mon_thousands_sep, "") &&
			     is(lc->mon_grouping, ""));
	CHECK("signs", is(lc->positive_sign, "") && is(lc->negative_sign, ""));
	CHECK("char_max", lc->int_frac_digits == CHAR_MAX && lc->frac_digits == CHAR_MAX &&
				  lc->p_cs_precedes == CHAR_MAX && lc->n_sign_posn == CHAR_MAX &&
				  lc->int_p_cs_precedes == CHAR_MAX &&
				  lc->int_n_sign_posn == CHAR_MAX);

	CHECK("strcoll_eq", strcoll("abc", "abc") == 0);
	CHECK("strcoll_lt", strcoll("abc", "abd") < 0);
	CHECK("strcoll_bytes", strcoll("\xc3\xa9", "z") > 0);
	CHECK("strcoll_prefix", strcoll("ab", "abc") < 0);
	char buf[8];
	memset(buf, 'X', sizeof buf);
	CHECK_EQ("strxfrm", strxfrm(buf, "hello", sizeof buf), 5);
	CHECK("strxfrm_copy", strcmp(buf, "hello") == 0);
	memset(buf, 'X', sizeof buf);
	CHECK_EQ("strxfrm_small", strxfrm(buf, "hello world", sizeof buf), 11);
	CHECK_EQ("strxfrm_small_untouched", buf[0], 'X');
	CHECK_EQ("strxfrm_null", strxfrm(NULL, "abc", 0), 3);
	return check_failed;
}
