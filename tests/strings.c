/* <string.h>, <strings.h> and <ctype.h>: every function, with edge cases. */
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <strings.h>
#include "check.h"

#define EOF (-1)

static void test_cat(void)
{
	char buf[32] = "abc";

	CHECK("strcat returns dst", strcat(buf, "def") == buf);
	CHECK("strcat", strcmp(buf, "abcdef") == 0);
	CHECK("strcat empty src", strcmp(strcat(buf, ""), "abcdef") == 0);
	buf[0] = 0;
	CHECK("strcat to empty", strcmp(strcat(buf, "xy"), "xy") == 0);

	memset(buf, 'Z', sizeof buf);
	strcpy(buf, "ab");
	CHECK("strncat returns dst", strncat(buf, "cdef", 2) == buf);
	CHECK("strncat truncates and terminates", strcmp(buf, "abcd") == 0 && buf[4] == 0);
	CHECK("strncat touches nothing after the NUL", buf[5] == 'Z');
	strncat(buf, "ef", 10);
	CHECK("strncat n beyond src", strcmp(buf, "abcdef") == 0);
	strncat(buf, "gh", 0);
	CHECK("strncat n 0", strcmp(buf, "abcdef") == 0);
	/* src need not be terminated within n bytes */
	char unterminated[3] = {'x', 'y', 'z'};
	strncat(buf, unterminated, 3);
	CHECK("strncat unterminated src", strcmp(buf, "abcdefxyz") == 0);
}

static void test_search(void)
{
	const char *s = "hello, world";

	CHECK("strstr found", strstr(s, "world") == s + 7);
	{
		const char *t = "abcabc";
		CHECK("strstr leftmost", strstr(t, "bc") == t + 1);
		CHECK("strstr whole", strstr(t, "abcabc") == t);
		CHECK("strstr longer needle", strstr(t, "abcabcd") == 0);
		CHECK("strstr not found", strstr(t, "cb") == 0);
		CHECK("strstr empty needle", strstr(t, "") == t);
		CHECK("strstr empty hay", strstr("", "a") == 0);
		CHECK("strstr empty both", *strstr("", "") == 0);
		CHECK("strstr at end", strstr(t, "c") == t + 2);
	}
	{
		/* periodic needle, repeated near-misses */
		static char hay[4100];
		memset(hay, 'a', 4096);
		hay[4096] = 'b';
		hay[4097] = 0;
		CHECK("strstr aaa..ab", strstr(hay, "aaaaaaaaaaaaaaab") == hay + 4096 - 15);
		CHECK("strstr aaa..ac not found", strstr(hay, "aaaaaaaaaaac") == 0);
	}

	CHECK_EQ("strspn", strspn("aabbcd", "ab"), 4);
	CHECK_EQ("strspn none", strspn("xyz", "ab"), 0);
	CHECK_EQ("strspn all", strspn("abba", "ab"), 4);
	CHECK_EQ("strspn empty set", strspn("abc", ""), 0);
	CHECK_EQ("strspn empty s", strspn("", "abc"), 0);
	CHECK_EQ("strspn high bytes", strspn("\xff\x80\x7f", "\x80\xff"), 2);
	CHECK_EQ("strcspn", strcspn("hello, world", ", "), 5);
	CHECK_EQ("strcspn none rejected", strcspn("abc", "xyz"), 3);
	CHECK_EQ("strcspn empty set", strcspn("abc", ""), 3);
	CHECK_EQ("strcspn first", strcspn("abc", "a"), 0);
	CHECK("strpbrk", strpbrk(s, "ow") == s + 4);
	CHECK("strpbrk not found", strpbrk(s, "xyz") == 0);
	CHECK("strpbrk empty set", strpbrk(s, "") == 0);

	const char m[] = "abc\0abc\0";
	CHECK("memchr", memchr(m, 'b', sizeof m) == m + 1);
	CHECK("memchr NUL", memchr(m, 0, sizeof m) == m + 3);
	CHECK("memchr past NUL", memchr(m + 4, 'a', 4) == m + 4);
	CHECK("memchr not found", memchr(m, 'z', sizeof m) == 0);
	CHECK("memchr n 0", memchr(m, 'a', 0) == 0);
	CHECK("memchr int c as unsigned char", memchr(m, 'a' + 256, sizeof m) == m);
	CHECK("memchr stops at n", memchr(m, 'c', 2) == 0);
	CHECK("memrchr", memrchr(m, 'b', sizeof m) == m + 5);
	CHECK("memrchr NUL", memrchr(m, 0, sizeof m) == m + 8);
	CHECK("memrchr not found", memrchr(m, 'z', sizeof m) == 0);
	CHECK("memrchr n 0", memrchr(m, 'a', 0) == 0);
	CHECK("memrchr first byte", memrchr(m, 'a', 3) == m);

	CHECK_EQ("strnlen", strnlen("hello", 10), 5);
	CHECK_EQ("strnlen bounded", strnlen("hello", 3), 3);
	CHECK_EQ("strnlen 0", strnlen("hello", 0), 0);
	CHECK_EQ("strnlen empty", strnlen("", 5), 0);
	char four[4] = {'a', 'b', 'c', 'd'};
	CHECK_EQ("strnlen unterminated", strnlen(four, 4), 4);
}

static void test_case(void)
{
	CHECK_EQ("strcasecmp equal", strcasecmp("Hello", "hELLO"), 0);
	CHECK("strcasecmp less", strcasecmp("abc", "ABD") < 0);
	CHECK("strcasecmp greater", strcasecmp("abD", "ABC") > 0);
	CHECK("strcasecmp prefix", strcasecmp("ab", "ABC") < 0);
	CHECK("strcasecmp longer", strcasecmp("abc", "AB") > 0);
	CHECK_EQ("strcasecmp empty", strcasecmp("", ""), 0);
	/* after lowering, '[' (0x5b) < 'z' (0x7a), though '[' > 'Z' */
	CHECK("strcasecmp compares lowercase", strcasecmp("[", "Z") < 0);
	CHECK("strcasecmp high bytes unsigned", strcasecmp("\xe9", "a") > 0);
	CHECK_EQ("strncasecmp n", strncasecmp("abcX", "ABCy", 3), 0);
	CHECK("strncasecmp differs", strncasecmp("abcX", "ABCy", 4) < 0);
	CHECK_EQ("strncasecmp 0", strncasecmp("a", "b", 0), 0);
	CHECK_EQ("strncasecmp stops at NUL", strncasecmp("ab\0x", "AB\0y", 10), 0);
}

static void test_tok(void)
{
	char s[] = "  a,b,,c  ";
	char *save = 0, *t;

	t = strtok(s, " ,");
	CHECK("strtok 1", t == s + 2 && strcmp(t, "a") == 0);
	t = strtok(0, " ,");
	CHECK("strtok 2", t && strcmp(t, "b") == 0);
	t = strtok(0, " ,");
	CHECK("strtok skips empty fields", t && strcmp(t, "c") == 0);
	CHECK("strtok end", strtok(0, " ,") == 0);
	CHECK("strtok stays at end", strtok(0, " ,") == 0);

	char only[] = ",,,";
	CHECK("strtok only delimiters", strtok(only, ",") == 0);
	char empty[] = "";
	CHECK("strtok empty string", strtok(empty, ",") == 0);
	char whole[] = "word";
	CHECK("strtok no delimiter", strtok(whole, ",") == whole && strtok(0, ",") == 0);

	/* interleaved strtok_r on two strings, changing delimiters */
	char x[] = "1:2:3", y[] = "a b;c";
	char *sx, *sy;
	CHECK("strtok_r x1", strcmp(strtok_r(x, ":", &sx), "1") == 0);
	CHECK("strtok_r y1", strcmp(strtok_r(y, " ", &sy), "a") == 0);
	CHECK("strtok_r x2", strcmp(strtok_r(0, ":", &sx), "2") == 0);
	CHECK("strtok_r y2 new delimiters", strcmp(strtok_r(0, ";", &sy), "b") == 0);
	CHECK("strtok_r y3", strcmp(strtok_r(0, ";", &sy), "c") == 0);
	CHECK("strtok_r x3", strcmp(strtok_r(0, ":", &sx), "3") == 0);
	CHECK("strtok_r x end", strtok_r(0, ":", &sx) == 0);
	CHECK("strtok_r y end", strtok_r(0, ";", &sy) == 0);
	save = 0;
	CHECK("strtok_r NULL s and NULL save", strtok_r(0, ",", &save) == 0);
}

static void test_strerror(void)
{
	CHECK("strerror ENOENT", strcmp(strerror(ENOENT), "No such file or directory") == 0);
	CHECK("strerror EINVAL", strcmp(strerror(EINVAL), "Invalid argument") == 0);
	CHECK("strerror ERANGE", strcmp(strerror(ERANGE), "Numerical result out of range") == 0);
	CHECK("strerror ENOTRECOVERABLE",
	      strcmp(strerror(ENOTRECOVERABLE), "State not recoverable") == 0);
	CHECK("strerror 0", strlen(strerror(0)) > 0);
	CHECK("strerror unknown", strcmp(strerror(41), "Unknown error 41") == 0);
	CHECK("strerror unknown big", strcmp(strerror(123456), "Unknown error 123456") == 0);
	CHECK("strerror negative", strcmp(strerror(-2147483647 - 1),
					  "Unknown error -2147483648") == 0);
	static const int all[] = {
		EPERM, ENOENT, ESRCH, EINTR, EIO, ENXIO, E2BIG, ENOEXEC, EBADF,
		ECHILD, EAGAIN, ENOMEM, EACCES, EFAULT, ENOTBLK, EBUSY, EEXIST,
		EXDEV, ENODEV, ENOTDIR, EISDIR, EINVAL, ENFILE, EMFILE, ENOTTY,
		ETXTBSY, EFBIG, ENOSPC, ESPIPE, EROFS, EMLINK, EPIPE, EDOM, ERANGE,
		EDEADLK, ENAMETOOLONG, ENOLCK, ENOSYS, ENOTEMPTY, ELOOP, ENOMSG,
		EIDRM, ENOSTR, ENODATA, ETIME, ENOSR, ENOLINK, EPROTO, EMULTIHOP,
		EBADMSG, EOVERFLOW, EILSEQ, ENOTSOCK, EDESTADDRREQ, EMSGSIZE,
		EPROTOTYPE, ENOPROTOOPT, EPROTONOSUPPORT, EOPNOTSUPP, EAFNOSUPPORT,
		EADDRINUSE, EADDRNOTAVAIL, ENETDOWN, ENETUNREACH, ENETRESET,
		ECONNABORTED, ECONNRESET, ENOBUFS, EISCONN, ENOTCONN, ETIMEDOUT,
		ECONNREFUSED, EHOSTUNREACH, EALREADY, EINPROGRESS, ESTALE, EDQUOT,
		ECANCELED, EOWNERDEAD, ENOTRECOVERABLE,
	};
	int ok = 1;
	for (unsigned i = 0; i < sizeof all / sizeof all[0]; i++) {
		const char *m = strerror(all[i]);
		if (!m || !*m || strncmp(m, "Unknown error", 13) == 0) {
			put("  no message for ");
			put_num(all[i]);
			put("\n");
			ok = 0;
		}
		for (unsigned j = 0; j < i; j++)
			if (strcmp(strerror(all[j]), m) == 0 && all[j] != all[i])
				ok = 0;
	}
	CHECK("strerror has a distinct message for every errno.h value", ok);
}

/* The C standard's definitions (7.4.1) for the "C" locale, written out. */
enum { ALNUM = 1, ALPHA = 2, BLANK = 4, CNTRL = 8, DIGIT = 16, GRAPH = 32,
       LOWER = 64, PRINT = 128, PUNCT = 256, SPACE = 512, UPPER = 1024,
       XDIGIT = 2048 };

static int expected(int c)
{
	int m = 0;
	if (c == EOF || c > 127)
		return 0;
	if (c >= 'a' && c <= 'z')
		m |= LOWER | ALPHA;
	if (c >= 'A' && c <= 'Z')
		m |= UPPER | ALPHA;
	if (c >= '0' && c <= '9')
		m |= DIGIT | XDIGIT;
	if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
		m |= XDIGIT;
	if (m & (ALPHA | DIGIT))
		m |= ALNUM;
	if (c == ' ' || c == '\t')
		m |= BLANK;
	if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
		m |= SPACE;
	if (c < 32 || c == 127)
		m |= CNTRL;
	if (c >= 32 && c < 127)
		m |= PRINT;
	if (c > 32 && c < 127)
		m |= GRAPH;
	if ((m & GRAPH) && !(m & ALNUM))
		m |= PUNCT;
	return m;
}

static void test_ctype(void)
{
	static int (*const fn[])(int) = {isalnum, isalpha, isblank, iscntrl,
					 isdigit, isgraph, islower, isprint,
					 ispunct, isspace, isupper, isxdigit};
	static const char *const names[] = {"isalnum", "isalpha", "isblank", "iscntrl",
					    "isdigit", "isgraph", "islower", "isprint",
					    "ispunct", "isspace", "isupper", "isxdigit"};
	int bad[12] = {0}, lower_ok = 1, upper_ok = 1, punct = 0;

	for (int c = -1; c <= 255; c++) {
		int m = expected(c);
		for (int k = 0; k < 12; k++) {
			int got = fn[k](c);
			if (got != ((m >> k) & 1))
				bad[k]++;
		}
		int lo = c >= 'A' && c <= 'Z' ? c + 32 : c;
		int up = c >= 'a' && c <= 'z' ? c - 32 : c;
		lower_ok &= tolower(c) == lo;
		upper_ok &= toupper(c) == up;
		punct += (m & PUNCT) != 0;
	}
	for (int k = 0; k < 12; k++) {
		char name[40] = "";
		strcat(strcat(name, names[k]), " over EOF and 0..255");
		CHECK_EQ(name, bad[k], 0);
	}
	CHECK_EQ("the table has 32 punctuation characters", punct, 32);
	CHECK("tolower over EOF and 0..255", lower_ok);
	CHECK("toupper over EOF and 0..255", upper_ok);
}

int main(void)
{
	test_cat();
	test_search();
	test_case();
	test_tok();
	test_strerror();
	test_ctype();
	return check_failed;
}
