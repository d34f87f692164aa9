/* regex.h: POSIX cases (leftmost-longest, subexpression rules), flags,
 * errors and limits: patterns that make backtracking explode finish fast,
 * an over-large pattern is REG_ESPACE. */
#include "check.h"
#include <regex.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void m(const char *name, const char *pat, int cflags, const char *s, int eflags,
	      const char *want)
{
	regex_t re;
	char got[256] = "", *g = got;
	int rc = regcomp(&re, pat, cflags);
	if (rc) {
		sprintf(got, "regcomp %d", rc);
	} else {
		regmatch_t pm[10];
		int r = regexec(&re, s, 10, pm, eflags);
		if (r)
			sprintf(got, "regexec %d", r);
		else
			for (size_t i = 0; i <= re.re_nsub && i < 10; i++)
				g += sprintf(g, "(%d,%d)", (int)pm[i].rm_so, (int)pm[i].rm_eo);
		regfree(&re);
	}
	char why[400];
	snprintf(why, sizeof why, "got %s, want %s", got, want);
	check(name, strcmp(got, want) == 0, why);
}

int main(void)
{
	m("leftmost-longest alternation", "a|ab|abc", REG_EXTENDED, "xabcd", 0, "(1,4)");
	m("POSIX subpatterns left to right", "(a|ab)(c|bcd)(d*)", REG_EXTENDED, "abcd", 0,
	  "(0,4)(0,2)(2,3)(3,4)");
	m("last iteration", "(a|b)*", REG_EXTENDED, "abab", 0, "(0,4)(3,4)");
	m("empty iteration", "(a*)*", REG_EXTENDED, "b", 0, "(0,0)(0,0)");
	m("inner group reset", "(a(b)?)+", REG_EXTENDED, "aba", 0, "(0,3)(2,3)(-1,-1)");
	m("interval", "a{2,3}", REG_EXTENDED, "aaaa", 0, "(0,3)");
	m("BRE interval and group", "\\(ab\\)\\{2\\}", 0, "xababab", 0, "(1,5)(3,5)");
	m("BRE back-reference", "\\(a*\\)b\\1", 0, "aabaa", 0, "(0,5)(0,2)");
	m("back-reference needs retry", "\\(a[-a]*\\)*\\1", 0, "aaac", 0, "(0,3)(1,2)");
	m("BRE leading star literal", "*a", 0, "x*a", 0, "(1,3)");
	m("classes", "[[:digit:]]+[[:alpha:]]", REG_EXTENDED, "x12ab", 0, "(1,4)");
	m("negated bracket with ]", "[^]a]+", REG_EXTENDED, "]a-b", 0, "(2,4)");
	m("REG_ICASE", "AbC", REG_ICASE, "xaBc", 0, "(1,4)");
	m("REG_NEWLINE anchors", "^b$", REG_NEWLINE, "a\nb\nc", 0, "(2,3)");
	m("no REG_NEWLINE", "^b$", 0, "a\nb\nc", 0, "regexec 1");
	m("REG_NEWLINE dot", "a.b", REG_NEWLINE, "a\nb", 0, "regexec 1");
	m("REG_NOTBOL", "^a", 0, "a", REG_NOTBOL, "regexec 1");
	m("REG_NOTEOL", "a$", 0, "a", REG_NOTEOL, "regexec 1");
	m("error EPAREN", "(a", REG_EXTENDED, "", 0, "regcomp 8");
	m("error EBRACK", "[a", 0, "", 0, "regcomp 7");
	m("error ESUBREG", "\\(a\\)\\2", 0, "", 0, "regcomp 6");
	m("error BADRPT", "*a", REG_EXTENDED, "", 0, "regcomp 13");
	m("error BADBR", "a{2,1}", REG_EXTENDED, "", 0, "regcomp 10");
	m("error ECTYPE", "[[:foo:]]", 0, "", 0, "regcomp 4");
	m("error ERANGE", "[z-a]", 0, "", 0, "regcomp 11");
	m("error EESCAPE", "a\\", 0, "", 0, "regcomp 5");

	regex_t re;
	regmatch_t pm[2];
	CHECK_EQ("REG_NOSUB compiles", regcomp(&re, "(a)b", REG_EXTENDED | REG_NOSUB), 0);
	CHECK_EQ("REG_NOSUB matches", regexec(&re, "ab", 0, NULL, 0), 0);
	regfree(&re);
	regcomp(&re, "b+", REG_EXTENDED);
	pm[0].rm_so = 2;
	pm[0].rm_eo = 5;
	CHECK_EQ("REG_STARTEND", regexec(&re, "bbxbbbb", 1, pm, REG_STARTEND), 0);
	CHECK("REG_STARTEND offsets", pm[0].rm_so == 3 && pm[0].rm_eo == 5);
	regfree(&re);

	char buf[8];
	size_t need = regerror(REG_EBRACK, NULL, buf, sizeof buf);
	CHECK("regerror size and truncation",
	      need == strlen("Unmatched [, [^, [:, [., or [=") + 1 && strcmp(buf, "Unmatch") == 0);

	/* Exponential for a backtracker: (a*)*b and (a|a)* on 2000 a's. */
	static char subj[2001];
	memset(subj, 'a', 2000);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	regcomp(&re, "(a*)*(a|aa)*b", REG_EXTENDED);
	regmatch_t pm3[3];
	int r = regexec(&re, subj, 3, pm3, 0);
	regfree(&re);
	regcomp(&re, "^((a|a)*)*$", REG_EXTENDED);
	int r2 = regexec(&re, subj, 3, pm3, 0);
	regfree(&re);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	CHECK("nested stars stay polynomial", r == REG_NOMATCH && r2 == 0 && pm3[1].rm_eo == 2000);
	CHECK("nested stars are fast (under 20 s even under qemu)", secs < 20);

	CHECK_EQ("huge pattern is REG_ESPACE", regcomp(&re, "((a{1000}){1000}){1000}", REG_EXTENDED),
		 REG_ESPACE);
	CHECK_EQ("deep nesting is REG_ESPACE",
		 regcomp(&re,
			 "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))",
			 REG_EXTENDED),
		 REG_ESPACE);
	/* A back-reference search past the step bound gives up. */
	regcomp(&re, "\\(a*\\)*\\(b*\\)*\\1\\2c", 0);
	r = regexec(&re, subj, 0, NULL, 0);
	regfree(&re);
	CHECK("back-reference blowup is REG_ESPACE or no match", r == REG_ESPACE || r == REG_NOMATCH);
	return check_failed;
}
