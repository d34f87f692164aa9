/* abort() kills the process with SIGABRT even though a handler catches it
 * and returns: x.py expects death by signal 6.
 *
 * expect-status: signal 6
 * expect-stdout: "handler ran\n"
 */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

static void returns(int sig)
{
	(void)sig;
	write(1, "handler ran\n", 12);
}

int main(void)
{
	struct sigaction sa;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sa.sa_handler = returns;
	sigaction(SIGABRT, &sa, 0);
	abort();
}
