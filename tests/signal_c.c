/* signal.h's ISO C part: signal() with BSD semantics (SA_RESTART, the
 * handler stays installed), SIG_IGN, SIG_ERR for signals that cannot be
 * caught, and raise(). */
#include <errno.h>
#include <signal.h>
#include "check.h"

static volatile sig_atomic_t count;

static void handler(int sig)
{
	if (sig == SIGUSR1)
		count++;
}

int main(void)
{
	CHECK("signal returns the previous handler (SIG_DFL)",
	      signal(SIGUSR1, handler) == SIG_DFL);
	CHECK_EQ("raise", raise(SIGUSR1), 0);
	CHECK_EQ("handler ran", count, 1);
	raise(SIGUSR1);
	CHECK_EQ("handler stays installed", count, 2);

	struct sigaction sa;
	sigaction(SIGUSR1, 0, &sa);
	CHECK("signal sets SA_RESTART", (sa.sa_flags & SA_RESTART) != 0);
	CHECK("signal keeps SA_RESETHAND off", (sa.sa_flags & SA_RESETHAND) == 0);
	CHECK("sigaction sees the handler", sa.sa_handler == handler);

	CHECK("signal returns the previous handler",
	      signal(SIGUSR1, SIG_IGN) == handler);
	raise(SIGUSR1);
	CHECK_EQ("SIG_IGN ignores", count, 2);
	CHECK("SIG_IGN was installed", signal(SIGUSR1, SIG_DFL) == SIG_IGN);

	errno = 0;
	CHECK("SIGKILL cannot be caught", signal(SIGKILL, handler) == SIG_ERR);
	CHECK_EQ("SIGKILL: EINVAL", errno, EINVAL);
	errno = 0;
	CHECK("reserved signal 33", signal(33, handler) == SIG_ERR);
	CHECK_EQ("reserved signal: EINVAL", errno, EINVAL);
	errno = 0;
	CHECK("signal 0", signal(0, handler) == SIG_ERR);
	CHECK_EQ("signal 0: EINVAL", errno, EINVAL);
	errno = 0;
	CHECK("signal 65", signal(65, handler) == SIG_ERR);
	CHECK_EQ("signal 65: EINVAL", errno, EINVAL);
	return check_failed;
}
