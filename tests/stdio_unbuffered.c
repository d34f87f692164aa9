/* setvbuf(stdout, NULL, _IONBF, 0) before any output: printf, putchar,
 * puts, fwrite and fprintf interleave with write(2) in program order; a
 * line-buffered stream on a dup of stdout writes at each newline; what it
 * holds without a newline is flushed by exit(5). x.py checks the exact
 * output and status:
 *
 * expect-status: 5
 * expect-stdout: "abcde\nfgh42i\n" "kjl\nmon\nr" "q"
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(void)
{
	if (setvbuf(stdout, NULL, _IONBF, 0) != 0)
		return 1;
	printf("a");
	write(1, "b", 1);
	putchar('c');
	write(1, "d", 1);
	puts("e");
	write(1, "f", 1);
	fwrite("g", 1, 1, stdout);
	write(1, "h", 1);
	printf("%d", 42);
	write(1, "i\n", 2); /* "abcde\nfgh42i\n" */

	FILE *l = fdopen(dup(1), "w");
	if (!l || setvbuf(l, NULL, _IOLBF, 0) != 0)
		return 1;
	fputs("j", l);
	write(1, "k", 1);
	fputs("l\n", l);
	write(1, "m", 1);
	fprintf(l, "%s", "n");
	printf("o");
	fputc('\n', l);
	fputs("q", l);
	write(1, "r", 1); /* "kjl\nmon\nr" */
	exit(5); /* "q" */
}
