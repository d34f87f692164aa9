/* fork, _Fork, vfork and the wait family: exit statuses, signals, the W*
 * macros, WNOHANG, waitid, wait4's rusage, pthread_atfork order. */
#include "check.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <pthread.h>

static char order[16];
static int norder;
static void prep1(void) { order[norder++] = 'a'; }
static void prep2(void) { order[norder++] = 'b'; }
static void par1(void) { order[norder++] = 'c'; }
static void par2(void) { order[norder++] = 'd'; }
static void chi1(void) { order[norder++] = 'e'; }
static void chi2(void) { order[norder++] = 'f'; }

int main(void)
{
	int st = 0;
	pid_t p = fork();
	if (p == 0)
		_exit(42);
	CHECK("fork returns a pid", p > 0);
	CHECK_EQ("waitpid returns the pid", waitpid(p, &st, 0), p);
	CHECK("WIFEXITED", WIFEXITED(st));
	CHECK_EQ("WEXITSTATUS", WEXITSTATUS(st), 42);
	CHECK("not WIFSIGNALED", !WIFSIGNALED(st));
	CHECK("not WIFSTOPPED", !WIFSTOPPED(st));
	CHECK("not WIFCONTINUED", !WIFCONTINUED(st));

	p = fork();
	if (p == 0) {
		raise(SIGKILL);
		_exit(0);
	}
	CHECK_EQ("wait returns the pid", wait(&st), p);
	CHECK("killed child: WIFSIGNALED", WIFSIGNALED(st));
	CHECK_EQ("killed child: WTERMSIG", WTERMSIG(st), SIGKILL);
	CHECK("killed child: not WIFEXITED", !WIFEXITED(st));

	/* The continued child waits for the pipe to close before it exits:
	 * a child that had already exited would be reported as exited, not
	 * continued. */
	int hold[2];
	pipe(hold);
	p = fork();
	if (p == 0) {
		char c;
		close(hold[1]);
		raise(SIGSTOP);
		while (read(hold[0], &c, 1) > 0)
			;
		_exit(7);
	}
	close(hold[0]);
	CHECK_EQ("WUNTRACED sees the stop", waitpid(p, &st, WUNTRACED), p);
	CHECK("WIFSTOPPED", WIFSTOPPED(st));
	CHECK_EQ("WSTOPSIG", WSTOPSIG(st), SIGSTOP);
	kill(p, SIGCONT);
	CHECK_EQ("WCONTINUED sees the continue", waitpid(p, &st, WCONTINUED), p);
	CHECK("WIFCONTINUED", WIFCONTINUED(st));
	close(hold[1]);
	CHECK_EQ("then the exit", waitpid(p, &st, 0), p);
	CHECK_EQ("its status", WEXITSTATUS(st), 7);

	int fds[2];
	pipe(fds);
	p = fork();
	if (p == 0) {
		char c;
		read(fds[0], &c, 1);
		_exit(3);
	}
	CHECK_EQ("WNOHANG with a running child", waitpid(p, &st, WNOHANG), 0);
	write(fds[1], "x", 1);
	siginfo_t si;
	si.si_pid = 0;
	CHECK_EQ("waitid P_PID WEXITED", waitid(P_PID, p, &si, WEXITED), 0);
	CHECK_EQ("waitid si_pid", si.si_pid, p);
	CHECK_EQ("waitid si_status", si.si_status, 3);
	CHECK_EQ("waitid si_code CLD_EXITED", si.si_code, CLD_EXITED);
	close(fds[0]);
	close(fds[1]);

	errno = 0;
	CHECK_EQ("waitpid without children", waitpid(-1, &st, 0), -1);
	CHECK_EQ("... ECHILD", errno, ECHILD);

	p = fork();
	if (p == 0) {
		volatile unsigned long x = 0;
		for (unsigned long i = 0; i < 20000000; i++)
			x += i;
		_exit(0);
	}
	struct rusage ru;
	ru.ru_utime.tv_sec = -1;
	CHECK_EQ("wait4 with rusage", wait4(p, &st, 0, &ru), p);
	CHECK("wait4 rusage utime sane", ru.ru_utime.tv_sec >= 0 && ru.ru_utime.tv_usec >= 0 &&
					     ru.ru_utime.tv_usec < 1000000);
	CHECK("wait4 rusage counted the child's work",
	      ru.ru_utime.tv_sec > 0 || ru.ru_utime.tv_usec > 0 || ru.ru_stime.tv_usec > 0);

	p = _Fork();
	if (p == 0)
		_exit(5);
	CHECK_EQ("_Fork child", waitpid(p, &st, 0) == p ? WEXITSTATUS(st) : -1, 5);
	p = vfork();
	if (p == 0)
		_exit(6);
	CHECK_EQ("vfork child", waitpid(p, &st, 0) == p ? WEXITSTATUS(st) : -1, 6);

	pthread_atfork(prep1, par1, chi1);
	pthread_atfork(prep2, par2, chi2);
	fflush(stdout);
	p = fork();
	if (p == 0) {
		/* prepare newest first, then child oldest first */
		_exit(order[0] == 'b' && order[1] == 'a' && order[2] == 'e' && order[3] == 'f' &&
		      norder == 4 ? 0 : 1);
	}
	waitpid(p, &st, 0);
	CHECK_EQ("atfork order in the child (b a e f)", WEXITSTATUS(st), 0);
	CHECK("atfork order in the parent (b a c d)",
	      norder == 4 && order[0] == 'b' && order[1] == 'a' && order[2] == 'c' && order[3] == 'd');
	norder = 0;
	p = _Fork();
	if (p == 0)
		_exit(norder);
	waitpid(p, &st, 0);
	CHECK("_Fork runs no atfork handlers", norder == 0 && WEXITSTATUS(st) == 0);

	/* A child's pid and getppid. */
	pid_t me = getpid();
	p = fork();
	if (p == 0)
		_exit(getppid() == me && getpid() != me ? 0 : 1);
	waitpid(p, &st, 0);
	CHECK_EQ("child's getpid/getppid", WEXITSTATUS(st), 0);
	return check_failed;
}
