/* scanf/vscanf on standard input (x.py feeds it the test-stdin below),
 * mixed with getchar, fgets and getline, a line longer than stdin's buffer,
 * EOF; output to the fully buffered stdout ends without a newline and must
 * be flushed by exit(3). x.py checks the exact output and status:
 *
 * test-stdin: "42 hello 3.5\n" "rest of line\n" "12abc -7\n" "  x=1,y=2\n"
 * test-stdin: "L"*5000 "\n" "end 9\n"
 * expect-status: 3
 * expect-stdout: "scanf 3: 42 hello 3.5\n" "getchar 10\n" "fgets rest of line\n"
 * expect-stdout: "lookahead 1 12 a\n" "skip 1 -7\n" "vscanf 2 1 2\n"
 * expect-stdout: "getline 5001 L L\n" "end 1 9\n" "eof -1 feof 1\n"
 * expect-stdout: "no newline at exit"
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int vs(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int r = vscanf(fmt, ap);
	va_end(ap);
	return r;
}

int main(void)
{
	int n = 0, m = 0, r;
	char w[16] = "", line[64] = "";
	double d = 0;
	r = scanf("%d %15s %lf", &n, w, &d);
	printf("scanf %d: %d %s %g\n", r, n, w, d);
	printf("getchar %d\n", getchar());
	printf("fgets %s", fgets(line, sizeof line, stdin) ? line : "NULL\n");
	r = scanf("%d", &n);
	printf("lookahead %d %d %c\n", r, n, getchar());
	r = scanf("%*s %d", &n);
	printf("skip %d %d\n", r, n);
	r = vs(" x=%d,y=%d\n", &n, &m);
	printf("vscanf %d %d %d\n", r, n, m);
	char *big = NULL;
	size_t cap = 0;
	ssize_t len = getline(&big, &cap, stdin);
	printf("getline %d %c %c\n", (int)len, big ? big[0] : '?', big && len > 1 ? big[len - 2] : '?');
	free(big);
	r = scanf("end %d", &n);
	printf("end %d %d\n", r, n);
	r = scanf("%d", &n);
	printf("eof %d feof %d\n", r, feof(stdin) != 0);
	printf("no newline at exit");
	exit(3);
}
