/* The last thread to call pthread_exit ends the process with exit(0):
 * atexit handlers run, the status is 0. x.py checks the output.
 *
 * expect-status: 0
 * expect-stdout: "main exits\n" "worker exits last\n" "atexit ran\n"
 */
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void at_end(void)
{
	write(1, "atexit ran\n", 11);
}

static void *last(void *arg)
{
	(void)arg;
	usleep(50000); /* main has called pthread_exit by now */
	write(1, "worker exits last\n", 18);
	pthread_exit(0);
}

int main(void)
{
	pthread_t t;
	atexit(at_end);
	pthread_create(&t, 0, last, 0);
	write(1, "main exits\n", 11);
	pthread_exit(0);
}
