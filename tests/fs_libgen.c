/* <libgen.h> basename/dirname (POSIX's, glibc's answers) and
 * <sys/sysmacros.h> major/minor/makedev (glibc's encoding). */
#include "check.h"
#include <libgen.h>
#include <string.h>
#include <sys/sysmacros.h>

static const struct {
	const char *in, *base, *dir;
} cases[] = {
	{ "/usr/lib", "lib", "/usr" },
	{ "/usr/", "usr", "/" },
	{ "usr", "usr", "." },
	{ "usr/", "usr", "." },
	{ "/", "/", "/" },
	{ ".", ".", "." },
	{ "..", "..", "." },
	{ "//", "/", "//" },
	{ "///", "/", "/" },
	{ "//usr", "usr", "//" },
	{ "///usr", "usr", "/" },
	{ "//usr/", "usr", "//" },
	{ "a//b", "b", "a" },
	{ "a/b//", "b", "a" },
	{ "/a/b/c/", "c", "/a/b" },
	{ "", ".", "." },
};

int main(void)
{
	char name[64], buf[64];
	for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strcpy(name, "basename \"");
		strcat(name, cases[i].in);
		strcat(name, "\"");
		strcpy(buf, cases[i].in);
		char *b = basename(buf);
		check(name, strcmp(b, cases[i].base) == 0, b);
		strcpy(name, "dirname \"");
		strcat(name, cases[i].in);
		strcat(name, "\"");
		strcpy(buf, cases[i].in);
		char *d = dirname(buf);
		check(name, strcmp(d, cases[i].dir) == 0, d);
	}
	CHECK("basename NULL", strcmp(basename(NULL), ".") == 0);
	CHECK("dirname NULL", strcmp(dirname(NULL), ".") == 0);
	strcpy(buf, "/usr/lib/");
	char *b = basename(buf);
	CHECK("basename writes into the argument", b == buf + 5 && strcmp(buf, "/usr/lib") == 0);

	CHECK_EQ("makedev 8,1", makedev(8, 1), 0x801);
	CHECK_EQ("makedev glibc encoding", makedev(0x12345, 0x6789a), 0x000120006783459aULL);
	CHECK_EQ("major round trip", major(makedev(0xfffff123u, 0xabcdef01u)), 0xfffff123u);
	CHECK_EQ("minor round trip", minor(makedev(0xfffff123u, 0xabcdef01u)), 0xabcdef01u);
	CHECK_EQ("major max", major(makedev(0xffffffffu, 0)), 0xffffffffu);
	CHECK_EQ("minor max", minor(makedev(0, 0xffffffffu)), 0xffffffffu);
	CHECK_EQ("major small", major(0x801), 8);
	CHECK_EQ("minor small", minor(0x801), 1);
	CHECK_EQ("makedev all ones", makedev(0xffffffffu, 0xffffffffu), 0xffffffffffffffffULL);
	return check_failed;
}
