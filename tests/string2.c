/* <string.h>'s POSIX and GNU additions: stpcpy, stpncpy, memccpy, mempcpy,
 * strsep, memmem, strchrnul, strcasestr, strerror_r, strsignal; and the
 * word-at-a-time memchr/strchr/strnlen at every alignment and length. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "check.h"

static void test_copies(void)
{
	char buf[16];

	memset(buf, 'Z', sizeof buf);
	char *e = stpcpy(buf, "abc");
	CHECK("stpcpy returns the NUL", e == buf + 3 && *e == 0);
	CHECK("stpcpy copies", strcmp(buf, "abc") == 0 && buf[4] == 'Z');
	CHECK("stpcpy empty", stpcpy(buf, "") == buf && buf[0] == 0);

	memset(buf, 'Z', sizeof buf);
	e = stpncpy(buf, "ab", 5);
	CHECK("stpncpy short returns first NUL", e == buf + 2);
	CHECK("stpncpy pads", buf[2] == 0 && buf[3] == 0 && buf[4] == 0 && buf[5] == 'Z');
	memset(buf, 'Z', sizeof buf);
	e = stpncpy(buf, "abcdef", 3);
	CHECK("stpncpy long returns dst+n", e == buf + 3);
	CHECK("stpncpy long no NUL", memcmp(buf, "abcZ", 4) == 0);

	memset(buf, 'Z', sizeof buf);
	void *r = memccpy(buf, "hello world", 'o', 11);
	CHECK("memccpy found returns after c", r == buf + 5);
	CHECK("memccpy copies through c", memcmp(buf, "helloZ", 6) == 0);
	memset(buf, 'Z', sizeof buf);
	r = memccpy(buf, "hello", 'x', 3);
	CHECK("memccpy not found NULL", r == NULL);
	CHECK("memccpy copies n", memcmp(buf, "helZ", 4) == 0);
	CHECK("memccpy n 0", memccpy(buf, "a", 'a', 0) == NULL);

	memset(buf, 'Z', sizeof buf);
	CHECK("mempcpy returns end", mempcpy(buf, "abcd", 4) == buf + 4);
	CHECK("mempcpy copies", memcmp(buf, "abcdZ", 5) == 0);
}

static void test_strsep(void)
{
	char s[] = "a,b,,c";
	char *p = s;

	CHECK("strsep 1", strcmp(strsep(&p, ","), "a") == 0);
	CHECK("strsep 2", strcmp(strsep(&p, ","), "b") == 0);
	CHECK("strsep empty token", strcmp(strsep(&p, ","), "") == 0);
	CHECK("strsep last", strcmp(strsep(&p, ",;"), "c") == 0 && p == NULL);
	CHECK("strsep at end NULL", strsep(&p, ",") == NULL);
}

static void test_search(void)
{
	const char hay[] = "abcabcabd\0xyz";

	CHECK("memmem finds", memmem(hay, 13, "abd", 3) == hay + 6);
	CHECK("memmem past NUL", memmem(hay, 13, "\0xy", 3) == hay + 9);
	CHECK("memmem empty needle", memmem(hay, 13, "", 0) == hay);
	CHECK("memmem missing", memmem(hay, 13, "abe", 3) == NULL);
	CHECK("memmem needle longer", memmem(hay, 2, "abc", 3) == NULL);
	CHECK("memmem at end", memmem(hay, 13, "xyz", 3) == hay + 10);

	const char *s = "hello";
	CHECK("strchrnul found", strchrnul(s, 'l') == s + 2);
	CHECK("strchrnul missing gives NUL", strchrnul(s, 'z') == s + 5);
	CHECK("strchrnul NUL", strchrnul(s, 0) == s + 5);
	CHECK("strchrnul high byte", strchrnul("a\xe9", 0xe9) != NULL && *strchrnul("a\xe9", 0x1e9) == (char)0xe9);

	CHECK("strcasestr", strcasestr("Hello World", "wORLD") != NULL &&
				    strcmp(strcasestr("Hello World", "wORLD"), "World") == 0);
	CHECK("strcasestr empty", strcasestr("abc", "") != NULL);
	CHECK("strcasestr missing", strcasestr("abc", "abcd") == NULL);
	CHECK("strcasestr first", strcmp(strcasestr("xAbab", "AB"), "Abab") == 0);
}

/* Every alignment and length, with the byte at every position, against a
 * byte-by-byte reference; guard bytes after the end must not be found. */
static void test_word_scans(void)
{
	static char buf[96];
	int ok_chr = 1, ok_mchr = 1, ok_len = 1, ok_nul = 1;

	for (int align = 0; align < 16; align++) {
		for (int len = 0; len < 40; len++) {
			char *s = buf + align;
			memset(buf, 'a', sizeof buf);
			s[len] = 0;
			if (strnlen(s, 100) != (size_t)len || strnlen(s, len / 2) != (size_t)len / 2)
				ok_len = 0;
			if (strchr(s, 0) != s + len || strchrnul(s, 'x') != s + len)
				ok_nul = 0;
			if (memchr(s, 'x', len) != NULL || memchr(s, 'a', 0) != NULL)
				ok_mchr = 0;
			for (int pos = 0; pos < len; pos++) {
				s[pos] = (char)0x80;
				if (strchr(s, 0x80) != s + pos || strchr(s, 'x') != NULL)
					ok_chr = 0;
				if (memchr(s, 0x80, len) != s + pos || memchr(s, 0x80, pos) != NULL)
					ok_mchr = 0;
				if (memrchr(s, 'a', len) != (pos == len - 1 ? (len > 1 ? s + len - 2 : NULL) : s + len - 1))
					ok_mchr = 0;
				s[pos] = 'a';
			}
			/* a match only after the NUL: */
			s[len + 1] = 'x';
			if (strchr(s, 'x') != NULL)
				ok_chr = 0;
		}
	}
	CHECK("strchr every alignment and length", ok_chr);
	CHECK("strchr/strchrnul find the NUL", ok_nul);
	CHECK("memchr/memrchr every alignment and length", ok_mchr);
	CHECK("strnlen every alignment and length", ok_len);
}

static void test_strerror_r(void)
{
	char buf[64];

	CHECK_EQ("strerror_r known", strerror_r(ENOENT, buf, sizeof buf), 0);
	CHECK("strerror_r text", strcmp(buf, "No such file or directory") == 0);
	CHECK_EQ("strerror_r unknown EINVAL", strerror_r(99999, buf, sizeof buf), EINVAL);
	CHECK("strerror_r unknown text", strcmp(buf, "Unknown error 99999") == 0);
	CHECK_EQ("strerror_r small ERANGE", strerror_r(ENOENT, buf, 6), ERANGE);
	CHECK("strerror_r truncated", strcmp(buf, "No su") == 0);
	CHECK_EQ("strerror_r len 0", strerror_r(ENOENT, buf, 0), ERANGE);
	CHECK_EQ("strerror_r exact fit", strerror_r(EPERM, buf, 24), 0);
	CHECK("strerror_r exact fit text", strcmp(buf, "Operation not permitted") == 0);
}

static void test_strsignal(void)
{
	/* glibc 2.3x's texts for 1..31 */
	static const char *const texts[] = {"Hangup", "Interrupt", "Quit", "Illegal instruction", "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed", "User defined signal 1", "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault", "Child exited", "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)", "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired", "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"};
	int all = 1;
	for (int i = 1; i < 32; i++)
		if (strcmp(strsignal(i), texts[i - 1]) != 0) {
			all = 0;
			put(strsignal(i));
			put("\n");
		}
	CHECK("strsignal 1..31 are glibc's texts", all);
	CHECK("strsignal SIGSEGV", strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0);
	CHECK("strsignal SIGHUP", strcmp(strsignal(SIGHUP), "Hangup") == 0);
	CHECK("strsignal SIGSYS", strcmp(strsignal(SIGSYS), "Bad system call") == 0);
	CHECK("strsignal SIGCHLD", strcmp(strsignal(SIGCHLD), "Child exited") == 0);
	CHECK("strsignal SIGUSR2", strcmp(strsignal(SIGUSR2), "User defined signal 2") == 0);
	CHECK("strsignal 0", strcmp(strsignal(0), "Unknown signal 0") == 0);
	CHECK("strsignal -5", strcmp(strsignal(-5), "Unknown signal -5") == 0);
	CHECK("strsignal 65", strcmp(strsignal(65), "Unknown signal 65") == 0);
	CHECK("strsignal SIGRTMIN", strcmp(strsignal(SIGRTMIN), "Real-time signal 0") == 0);
	CHECK("strsignal SIGRTMIN+3", strcmp(strsignal(SIGRTMIN + 3), "Real-time signal 3") == 0);
}

int main(void)
{
	test_copies();
	test_strsep();
	test_search();
	test_word_scans();
	test_strerror_r();
	test_strsignal();
	return check_failed;
}
