/* scanf/vscanf on standard input (x.py feeds it, see TEST_SPECS), mixed
 * with getchar, fgets and getline, a line longer than stdin's buffer, EOF;
 * output to the fully buffered stdout ends without a newline and must be
 * flushed by exit(3). x.py checks the exact output and status. */
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
