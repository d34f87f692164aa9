/* _exit does not flush stdio: text still buffered in stdout and in an
 * fdopen stream is lost, while what was flushed or written directly
 * stays. x.py checks the exact output:
 *
 * expect-status: 0
 * expect-stdout: "kept\n" "written\n"
 */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("kept\n");
	fflush(stdout);
	printf("lost");
	FILE *g = fdopen(dup(1), "w");
	fputs("lost too\n", g);
	write(1, "written\n", 8);
	_exit(0);
}
