/* fnmatch: wildcards, brackets, escapes and the flags, as glibc answers. */
#include "check.h"
#include <fnmatch.h>
#include <string.h>

static const struct {
	const char *p, *s;
	int flags, want;
} cases[] = {
	{ "*", "", 0, 0 },
	{ "*", "abc", 0, 0 },
	{ "a*c", "abbbc", 0, 0 },
	{ "a*c", "abbbd", 0, FNM_NOMATCH },
	{ "a?c", "abc", 0, 0 },
	{ "a?c", "ac", 0, FNM_NOMATCH },
	{ "*.c", "main.c", 0, 0 },
	{ "*.c", "main.h", 0, FNM_NOMATCH },
	{ "*a*b*c", "xxaxxbxxbxc", 0, 0 },
	{ "*ab", "aab", 0, 0 },
	{ "[abc]", "b", 0, 0 },
	{ "[abc]", "d", 0, FNM_NOMATCH },
	{ "[!abc]", "d", 0, 0 },
	{ "[^abc]", "a", 0, FNM_NOMATCH },
	{ "[a-z]x", "qx", 0, 0 },
	{ "[a-z]", "Q", 0, FNM_NOMATCH },
	{ "[]]", "]", 0, 0 },
	{ "[!]]", "]", 0, FNM_NOMATCH },
	{ "[a-]", "-", 0, 0 },
	{ "[[:digit:]]*", "7up", 0, 0 },
	{ "[[:alpha:][:digit:]]", "_", 0, FNM_NOMATCH },
	{ "[[:upper:]]", "a", FNM_CASEFOLD, FNM_NOMATCH },
	{ "[[:upper:]]", "A", FNM_CASEFOLD, 0 },
	{ "[", "[", 0, 0 },
	{ "[ab", "[ab", 0, 0 },
	{ "\\*", "*", 0, 0 },
	{ "\\*", "a", 0, FNM_NOMATCH },
	{ "\\*", "\\*", FNM_NOESCAPE, 0 },
	{ "a\\?", "a?", 0, 0 },
	{ "[\\]]", "]", 0, 0 },
	{ "*", "a/b", 0, 0 },
	{ "*", "a/b", FNM_PATHNAME, FNM_NOMATCH },
	{ "a/*", "a/b", FNM_PATHNAME, 0 },
	{ "a?b", "a/b", FNM_PATHNAME, FNM_NOMATCH },
	{ "a[/]b", "a/b", FNM_PATHNAME, FNM_NOMATCH },
	{ "*/*", "dir/file", FNM_PATHNAME, 0 },
	{ "*", ".profile", FNM_PERIOD, FNM_NOMATCH },
	{ "*", ".profile", 0, 0 },
	{ ".*", ".profile", FNM_PERIOD, 0 },
	{ "?profile", ".profile", FNM_PERIOD, FNM_NOMATCH },
	{ "[.]profile", ".profile", FNM_PERIOD, FNM_NOMATCH },
	{ "a/*", "a/.b", FNM_PATHNAME | FNM_PERIOD, FNM_NOMATCH },
	{ "a/*", "a/.b", FNM_PERIOD, 0 },
	{ "a*", "a/.b", FNM_PERIOD, 0 },
	{ "a/.*", "a/.b", FNM_PATHNAME | FNM_PERIOD, 0 },
	{ "ABC", "abc", FNM_CASEFOLD, 0 },
	{ "ABC", "abc", 0, FNM_NOMATCH },
	{ "[A-C]x", "bX", FNM_CASEFOLD, 0 },
	{ "usr", "usr/lib", FNM_LEADING_DIR, 0 },
	{ "us", "usr/lib", FNM_LEADING_DIR, FNM_NOMATCH },
	{ "usr*", "usr/lib", FNM_LEADING_DIR | FNM_PATHNAME, 0 },
	{ "", "", 0, 0 },
	{ "", "a", 0, FNM_NOMATCH },
};

int main(void)
{
	char name[128];
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strcpy(name, "fnmatch \"");
		strcat(name, cases[i].p);
		strcat(name, "\" \"");
		strcat(name, cases[i].s);
		strcat(name, "\" ");
		char f[4] = { '0' + cases[i].flags / 10, '0' + cases[i].flags % 10, 0 };
		strcat(name, f);
		CHECK_EQ(name, fnmatch(cases[i].p, cases[i].s, cases[i].flags), cases[i].want);
	}
	return check_failed;
}
