/* Output order with a fully buffered stdout (x.py's stdout is a pipe):
 * buffered printf/puts/putchar/fwrite text appears after later write(2)s
 * until fflush, a newline does not flush, stderr (pointed at stdout) is
 * unbuffered, data filling the buffer goes out without fflush, fflush(NULL)
 * includes stdout, and text without a newline is written when main
 * returns. x.py checks the exact output, each piece ending at an fflush
 * (or write) below:
 *
 * expect-status: 0
 * expect-stdout: "ba" "dc\n" "egf" "kp: No such file or directory\nh\nij" "nm"
 * expect-stdout: "<" "x"*8191 ">" "|tail"
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char big[8192];

int main(void)
{
	dup2(1, 2);
	printf("a");
	write(1, "b", 1);
	fflush(stdout); /* "ba" */
	printf("c\n");
	write(1, "d", 1);
	fflush(stdout); /* "dc\n" */
	printf("f");
	fputs("e", stderr);
	write(1, "g", 1);
	fflush(stdout); /* "egf" */
	puts("h");
	putchar('i');
	fwrite("j", 1, 1, stdout);
	fprintf(stderr, "k");
	errno = ENOENT;
	perror("p");
	fflush(stdout); /* "kp: No such file or directory\nh\nij" */
	printf("m");
	write(1, "n", 1);
	fflush(NULL); /* "nm" */
	printf("<");
	memset(big, 'x', 8191);
	fputs(big, stdout);
	write(1, ">", 1); /* "<" and 8191 "x": two full buffers went out */
	printf("tail");
	write(1, "|", 1);
	return 0; /* "|tail" */
}
