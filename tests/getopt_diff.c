/* getopt, getopt_long and getopt_long_only against glibc: random option
 * strings (with the '+', '-' and ':' prefixes and "W;"), random argument
 * vectors over short options, long options (exact, abbreviated,
 * ambiguous, with and without '='), non-options and "--", with and
 * without POSIXLY_CORRECT and opterr: every return value, optind, optopt,
 * optarg and longindex, the permuted argv, and every message on standard
 * error must equal glibc's. Then getsubopt.
 *
 * test-reference: "host"
 * test-args: "20000"
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int flagvar;

static const struct option longopts[] = {
	{"alpha", no_argument, 0, 'A'},
	{"alpine", required_argument, 0, 'P'},
	{"beta", required_argument, 0, 'B'},
	{"gamma", optional_argument, 0, 'G'},
	{"flag", no_argument, &flagvar, 7},
	{"delta", no_argument, 0, 'D'},
	{"delto", no_argument, 0, 'D'},
	{"a", no_argument, 0, '1'},
	{0, 0, 0, 0},
};

static int errfd;

/* Runs one case: the trace (results, argv after, messages) into out. */
static void run(int mode, int posix, int err, const char *optstring, int argc, char **argv,
		char *out, size_t size)
{
	if (posix)
		setenv("POSIXLY_CORRECT", "1", 1);
	else
		unsetenv("POSIXLY_CORRECT");
	optind = 0;
	opterr = err;
	size_t n = 0;
	for (int k = 0; k < 40; k++) {
		int li = -1;
		flagvar = 0;
		int r = mode == 0   ? getopt(argc, argv, optstring)
			: mode == 1 ? getopt_long(argc, argv, optstring, longopts, &li)
				    : getopt_long_only(argc, argv, optstring, longopts, &li);
		n += (size_t)snprintf(out + n, size - n, "%d,%d,%d,%s,%d,%d;", r, optind, optopt,
				      optarg ? optarg : "-", li, flagvar);
		if (r == -1 || n >= size)
			break;
	}
	for (int i = 0; i < argc && n < size; i++)
		n += (size_t)snprintf(out + n, size - n, " %s", argv[i]);
	char msg[2048];
	lseek(errfd, 0, SEEK_SET);
	ssize_t m = read(errfd, msg, sizeof msg - 1);
	msg[m > 0 ? m : 0] = 0;
	lseek(errfd, 0, SEEK_SET);
	ftruncate(errfd, 0);
	for (char *p = msg; *p && n < size; p++)
		n += (size_t)snprintf(out + n, size - n, *p == '\n' ? "|" : "%c", *p);
}

/* Standard error into a file that run() reads back. */
static void capture(void)
{
	char path[] = "/tmp/getopt_diffXXXXXX";
	errfd = mkstemp(path);
	unlink(path);
	dup2(errfd, 2);
}

static int subopts(char *out, size_t size)
{
	char *const tokens[] = {"ro", "rw", "size", "mode", NULL};
	char buf[] = "ro,size=10,bogus,mode=0755,,rw,x=1";
	char *p = buf, *v;
	size_t n = 0;
	while (*p) {
		int r = getsubopt(&p, tokens, &v);
		n += (size_t)snprintf(out + n, size - n, "%d:%s:%s;", r, v ? v : "-", p);
	}
	return (int)n;
}

#ifdef REFERENCE

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng >> 7);
}

int main(int argc, char **argv)
{
	static const char *const pool[] = {
		"-a", "-b", "-bval", "-ab", "-ba", "-c", "-cx", "-x", "-", "--", "file1", "file2",
		"--alpha", "--al", "--alph", "--alpine=v", "--alpine", "--beta", "--beta=1",
		"--gam", "--gamma=z", "--gamma", "--flag", "--flag=1", "--nope", "--nope=2", "--del",
		"-alpha", "-al", "-beta", "-bet=4", "-W", "-Walpha", "alpha", "-d", "-dd", "-Wbeta=3",
		"-:", "-;", "--a", "-gam", "-Wnope", "-Wal", "--delta", "-de",
	};
	static const char *const prefixes[] = {"", "", "", "+", "-", ":", "+:", "-:"};
	static const char *const chars[] = {"a", "b", "c", "d", "W"};
	static const char *const suffixes[] = {"", ":", "::"};
	int n = argc > 1 ? atoi(argv[1]) : 20000;
	capture();
	for (int i = 0; i < n; i++) {
		char os[64];
		strcpy(os, prefixes[next() % 8]);
		int k = 1 + (int)(next() % 4);
		for (int j = 0; j < k; j++) {
			strcat(os, chars[next() % 5]);
			if (os[strlen(os) - 1] == 'W' && next() % 2)
				strcat(os, ";");
			else
				strcat(os, suffixes[next() % 3]);
		}
		int mode = (int)(next() % 3), posix = next() % 5 == 0, err = next() % 6 != 0;
		int ac = 1 + (int)(next() % 7);
		char *av[9];
		av[0] = "prog";
		for (int j = 1; j < ac; j++)
			av[j] = (char *)pool[next() % (sizeof pool / sizeof pool[0])];
		av[ac] = NULL;
		printf("C %d %d %d %s %d", mode, posix, err, os, ac);
		for (int j = 0; j < ac; j++)
			printf(" %s", av[j]);
		printf("\n");
		char out[4096];
		run(mode, posix, err, os, ac, av, out, sizeof out);
		printf("T %s\n", out);
	}
	char out[1024];
	subopts(out, sizeof out);
	printf("S %s\nE\n", out);
	return 0;
}

#else

#include "check.h"

static char line[8192], want[8192];

int main(void)
{
	int cases[3] = {0, 0, 0}, bad[3] = {0, 0, 0}, shown = 0;
	int out_fd = dup(1);
	capture();
	while (fgets(line, sizeof line, stdin)) {
		line[strcspn(line, "\n")] = 0;
		if (line[0] == 'E')
			break;
		if (line[0] == 'S') {
			char out[1024];
			subopts(out, sizeof out);
			char why[2100];
			snprintf(why, sizeof why, "got %s, glibc %s", out, line + 2);
			check("getsubopt", strcmp(out, line + 2) == 0, why);
			continue;
		}
		if (line[0] != 'C' || !fgets(want, sizeof want, stdin))
			continue;
		want[strcspn(want, "\n")] = 0;
		int mode, posix, err, ac;
		char os[64], args[8][32], *av[9];
		int pos;
		sscanf(line, "C %d %d %d %63s %d%n", &mode, &posix, &err, os, &ac, &pos);
		char *p = line + pos;
		for (int j = 0; j < ac && j < 8; j++) {
			sscanf(p, " %31s%n", args[j], &pos);
			p += pos;
			av[j] = args[j];
		}
		av[ac] = NULL;
		char out[4096];
		char orig[300];
		snprintf(orig, sizeof orig, "%s", line + 2);
		run(mode, posix, err, os, ac, av, out, sizeof out);
		cases[mode]++;
		if (strcmp(out, want + 2) != 0) {
			bad[mode]++;
			if (shown++ < 15) {
				char msg[9000];
				int l = snprintf(msg, sizeof msg, "  %s\n    muslin %s\n    glibc  %s\n", orig, out,
						 want + 2);
				write(out_fd, msg, (size_t)l);
			}
		}
	}
	static const char *const names[3] = {"getopt", "getopt_long", "getopt_long_only"};
	for (int m = 0; m < 3; m++) {
		char name[100], why[100];
		snprintf(name, sizeof name, "%s (%d argument vectors)", names[m], cases[m]);
		snprintf(why, sizeof why, "%d differ from glibc", bad[m]);
		check(name, cases[m] > 0 && bad[m] == 0, why);
	}
	return check_failed;
}

#endif
