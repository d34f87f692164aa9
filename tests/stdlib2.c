/* <stdlib.h>: system (exit statuses, death by a signal, a missing command,
 * NULL, the environment, SIGINT ignored and handlers restored),
 * aligned_alloc, at_quick_exit's table size.
 *
 * test-env: MUSLIN_SYSTEM="from the parent"
 */
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

static volatile int sigint_count;

static void on_sigint(int sig)
{
	(void)sig;
	sigint_count++;
}

static void test_system(void)
{
	int s;

	CHECK("system(NULL) says a shell exists", system(NULL) != 0);
	CHECK_EQ("system true", system("true"), 0);
	s = system("exit 3");
	CHECK("system exit 3 exited", WIFEXITED(s));
	CHECK_EQ("system exit 3 status", WEXITSTATUS(s), 3);
	CHECK_EQ("system runs the shell", WEXITSTATUS(system("exit $((6 * 7))")), 42);
	s = system("kill -9 $$");
	CHECK("system killed: signaled", WIFSIGNALED(s) && !WIFEXITED(s));
	CHECK_EQ("system killed: SIGKILL", WTERMSIG(s), SIGKILL);
	s = system("/nonexistent/command/muslin 2>/dev/null");
	CHECK_EQ("system missing command 127", WEXITSTATUS(s), 127);
	CHECK_EQ("system environment reaches the shell",
		 system("test \"$MUSLIN_SYSTEM\" = 'from the parent'"), 0);
	CHECK_EQ("system quoting", system("test 'a b' = \"a b\""), 0);

	/* SIGINT is ignored while system waits, and the handler is back after. */
	struct sigaction sa, old;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	s = system("kill -INT $PPID; exit 5");
	CHECK_EQ("system SIGINT to the caller: status", WEXITSTATUS(s), 5);
	CHECK_EQ("system SIGINT ignored in the caller", sigint_count, 0);
	sigaction(SIGINT, NULL, &old);
	CHECK("system restores SIGINT's handler", old.sa_handler == on_sigint);
	raise(SIGINT);
	CHECK_EQ("SIGINT handled after system", sigint_count, 1);

	/* The caller's mask is back (SIGCHLD unblocked). */
	sigset_t mask;
	sigprocmask(SIG_SETMASK, NULL, &mask);
	CHECK("system restores the mask", !sigismember(&mask, SIGCHLD));

	/* A caught SIGINT becomes the default in the shell: it dies of it. */
	s = system("kill -INT $$; exit 0");
	CHECK("caught SIGINT is default in the child", WIFSIGNALED(s) && WTERMSIG(s) == SIGINT);
	/* An ignored one stays ignored. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGINT, &sa, NULL);
	CHECK_EQ("ignored SIGINT stays ignored in the child", system("kill -INT $$; exit 9") >> 8, 9);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGINT, &sa, NULL);
}

static void *run_sleep(void *arg)
{
	(void)arg;
	system("sleep 5");
	return (void *)1;
}

/* system is a cancellation point: a thread cancelled while it waits ends
 * at once (the shell is killed) and the signal dispositions come back. */
static void test_system_cancel(void)
{
	struct sigaction sa, old;
	struct timespec t0, t1;
	pthread_t t;
	void *res = 0;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sigint;
	sigaction(SIGINT, &sa, NULL);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pthread_create(&t, NULL, run_sleep, NULL);
	usleep(300000);
	pthread_cancel(t);
	pthread_join(t, &res);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK("system cancelled", res == PTHREAD_CANCELED);
	CHECK("system cancelled without waiting for the shell", t1.tv_sec - t0.tv_sec < 4);
	sigaction(SIGINT, NULL, &old);
	CHECK("cancelled system restores SIGINT", old.sa_handler == on_sigint);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGINT, &sa, NULL);
}

static void test_aligned_alloc(void)
{
	static const size_t aligns[] = {1, 8, 16, 64, 256, 4096, 65536};
	int ok = 1;

	for (size_t i = 0; i < sizeof aligns / sizeof *aligns; i++) {
		/* C17: the size need not be a multiple of the alignment. */
		char *p = aligned_alloc(aligns[i], 100);
		if (!p || (uintptr_t)p % aligns[i] != 0)
			ok = 0;
		else {
			memset(p, 0x5a, 100);
			free(p);
		}
	}
	CHECK("aligned_alloc aligned and writable", ok);
	errno = 0;
	CHECK("aligned_alloc align 3 NULL", aligned_alloc(3, 16) == NULL);
	CHECK_EQ("aligned_alloc align 3 EINVAL", errno, EINVAL);
	errno = 0;
	CHECK("aligned_alloc align 0 NULL", aligned_alloc(0, 16) == NULL);
	CHECK_EQ("aligned_alloc align 0 EINVAL", errno, EINVAL);
	errno = 0;
	CHECK("aligned_alloc huge NULL", aligned_alloc(64, SIZE_MAX - 32) == NULL);
	CHECK_EQ("aligned_alloc huge ENOMEM", errno, ENOMEM);
}

static void nothing(void) {}

static void test_at_quick_exit_table(void)
{
	int ok = 1;
	for (int i = 0; i < 32; i++)
		if (at_quick_exit(nothing) != 0)
			ok = 0;
	CHECK("at_quick_exit takes 32 handlers", ok);
	CHECK("atexit takes handlers", atexit(nothing) == 0);
}

int main(void)
{
	test_system();
	test_system_cancel();
	test_aligned_alloc();
	test_at_quick_exit_table();
	return check_failed;
}
