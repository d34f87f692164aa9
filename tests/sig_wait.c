/* signal.h beyond ISO C: signal sets reject bad numbers, sigpending,
 * sigwait/sigwaitinfo/sigtimedwait (with si_code and the sender filled),
 * sigqueue, sigsuspend, sigaltstack, killpg, psignal, strsignal; and that
 * muslin's reserved signals stay out of reach: a thread blocked in
 * sigsuspend or sigwait with every signal "blocked" can still be
 * cancelled (both are cancellation points). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile sig_atomic_t hits;
static volatile int on_alt, alt_flags;
static char alt[SIGSTKSZ] __attribute__((aligned(16)));

static void count(int sig)
{
	(void)sig;
	hits++;
}

static void where(int sig)
{
	char here;
	stack_t cur;
	(void)sig;
	on_alt = &here >= alt && &here < alt + sizeof alt;
	if (sigaltstack(0, &cur) == 0)
		alt_flags = cur.ss_flags;
}

static void *suspender(void *arg)
{
	sigset_t all;
	sigfillset(&all);
	if (arg) {
		int sig;
		sigwait(&all, &sig);
	} else {
		sigsuspend(&all);
	}
	return 0;
}

static int cancel_blocked(int use_sigwait)
{
	pthread_t t;
	void *res = 0;
	struct timespec d = {0, 50000000};
	if (pthread_create(&t, 0, suspender, use_sigwait ? (void *)1 : 0))
		return 0;
	nanosleep(&d, 0);
	pthread_cancel(t);
	pthread_join(t, &res);
	return res == PTHREAD_CANCELED;
}

int main(void)
{
	sigset_t s, p, old;
	int sig = 0;

	/* Sets: numbers out of range or reserved are EINVAL. */
	sigemptyset(&s);
	errno = 0;
	CHECK("sigaddset 0: EINVAL", sigaddset(&s, 0) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("sigaddset 65: EINVAL", sigaddset(&s, 65) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("sigaddset -1: EINVAL", sigaddset(&s, -1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("sigaddset 33 (reserved): EINVAL", sigaddset(&s, 33) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("sigdelset 65: EINVAL", sigdelset(&s, 65) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("sigismember 0: EINVAL", sigismember(&s, 0) == -1 && errno == EINVAL);
	CHECK_EQ("sigaddset SIGRTMAX", sigaddset(&s, SIGRTMAX), 0);
	CHECK_EQ("sigismember SIGRTMAX", sigismember(&s, SIGRTMAX), 1);
	sigfillset(&s);
	CHECK_EQ("sigfillset leaves 32-34 out", sigismember(&s, 32) + sigismember(&s, 33) + sigismember(&s, 34), 0);

	/* sigpending and sigwait. */
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	sigaddset(&s, SIGUSR2);
	sigprocmask(SIG_BLOCK, &s, &old);
	raise(SIGUSR1);
	CHECK_EQ("sigpending", sigpending(&p), 0);
	CHECK_EQ("sigpending has SIGUSR1", sigismember(&p, SIGUSR1), 1);
	CHECK_EQ("sigpending lacks SIGUSR2", sigismember(&p, SIGUSR2), 0);
	CHECK_EQ("sigpending hides 32-34", sigismember(&p, 32) + sigismember(&p, 33) + sigismember(&p, 34), 0);
	CHECK_EQ("sigwait returns 0", sigwait(&s, &sig), 0);
	CHECK_EQ("sigwait took SIGUSR1", sig, SIGUSR1);
	sigpending(&p);
	CHECK_EQ("no longer pending", sigismember(&p, SIGUSR1), 0);
	errno = 0;
	CHECK("sigpending(NULL): EFAULT", sigpending(0) == -1 && errno == EFAULT);
	errno = 0;
	CHECK("sigsuspend(NULL): EFAULT", sigsuspend(0) == -1 && errno == EFAULT);
	errno = 0;
	CHECK("sigwaitinfo(NULL): EFAULT", sigwaitinfo(0, 0) == -1 && errno == EFAULT);

	/* sigwaitinfo: si_code and sender. */
	siginfo_t si;
	union sigval v;
	v.sival_int = 4242;
	memset(&si, 0, sizeof si);
	CHECK_EQ("sigqueue", sigqueue(getpid(), SIGUSR2, v), 0);
	CHECK_EQ("sigwaitinfo gets SIGUSR2", sigwaitinfo(&s, &si), SIGUSR2);
	CHECK_EQ("si_signo", si.si_signo, SIGUSR2);
	CHECK_EQ("si_code SI_QUEUE", si.si_code, SI_QUEUE);
	CHECK_EQ("si_pid", si.si_pid, getpid());
	CHECK_EQ("si_value", si.si_value.sival_int, 4242);
	kill(getpid(), SIGUSR1);
	CHECK_EQ("kill: sigwaitinfo", sigwaitinfo(&s, &si), SIGUSR1);
	CHECK_EQ("kill: si_code SI_USER", si.si_code, SI_USER);
	raise(SIGUSR2);
	CHECK_EQ("raise: sigwaitinfo, NULL info", sigwaitinfo(&s, 0), SIGUSR2);
	raise(SIGUSR2);
	CHECK_EQ("raise: sigtimedwait", sigtimedwait(&s, &si, 0), SIGUSR2);
	CHECK_EQ("raise: si_code SI_TKILL", si.si_code, SI_TKILL);
	errno = 0;
	CHECK_EQ("sigqueue reserved: -1", sigqueue(getpid(), 33, v), -1);
	CHECK_EQ("sigqueue reserved: EINVAL", errno, EINVAL);

	/* sigtimedwait timeouts. */
	struct timespec ts = {0, 20000000};
	errno = 0;
	CHECK_EQ("sigtimedwait timeout: -1", sigtimedwait(&s, &si, &ts), -1);
	CHECK_EQ("sigtimedwait timeout: EAGAIN", errno, EAGAIN);
	ts.tv_nsec = 1000000000;
	errno = 0;
	CHECK_EQ("sigtimedwait bad timeout: -1", sigtimedwait(&s, &si, &ts), -1);
	CHECK_EQ("sigtimedwait bad timeout: EINVAL", errno, EINVAL);

	/* sigsuspend: the pending SIGUSR1 runs its handler once unblocked. */
	signal(SIGUSR1, count);
	raise(SIGUSR1);
	CHECK_EQ("blocked: handler not run", hits, 0);
	sigset_t none;
	sigemptyset(&none);
	errno = 0;
	CHECK_EQ("sigsuspend: -1", sigsuspend(&none), -1);
	CHECK_EQ("sigsuspend: EINTR", errno, EINTR);
	CHECK_EQ("sigsuspend: handler ran", hits, 1);
	sigprocmask(SIG_SETMASK, 0, &p);
	CHECK_EQ("sigsuspend restores the mask", sigismember(&p, SIGUSR1), 1);
	sigprocmask(SIG_SETMASK, &old, 0);

	/* Reserved signals stay unblocked: cancellation gets through. */
	CHECK("cancel a thread in sigsuspend(full mask)", cancel_blocked(0));
	CHECK("cancel a thread in sigwait(full set)", cancel_blocked(1));

	/* sigaltstack. */
	CHECK("MINSIGSTKSZ <= SIGSTKSZ", MINSIGSTKSZ <= SIGSTKSZ);
	stack_t st, cur;
	st.ss_sp = alt;
	/* Below every arch's MINSIGSTKSZ (and qemu-user's 2048, which is
	 * smaller than aarch64's 5120). */
	st.ss_size = 1024;
	st.ss_flags = 0;
	errno = 0;
	CHECK("sigaltstack too small: ENOMEM", sigaltstack(&st, 0) == -1 && errno == ENOMEM);
	st.ss_size = sizeof alt;
	st.ss_flags = 0;
	CHECK_EQ("sigaltstack", sigaltstack(&st, 0), 0);
	CHECK_EQ("sigaltstack query", sigaltstack(0, &cur), 0);
	CHECK("sigaltstack reads back", cur.ss_sp == alt && cur.ss_size == sizeof alt && cur.ss_flags == 0);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = where;
	sa.sa_flags = SA_ONSTACK;
	sigaction(SIGUSR2, &sa, 0);
	raise(SIGUSR2);
	CHECK("SA_ONSTACK handler runs on the alternate stack", on_alt);
	CHECK("ss_flags SS_ONSTACK inside the handler", alt_flags == SS_ONSTACK);
	st.ss_flags = SS_DISABLE;
	CHECK_EQ("SS_DISABLE", sigaltstack(&st, 0), 0);
	sigaltstack(0, &cur);
	CHECK("disabled", cur.ss_flags == SS_DISABLE);
	on_alt = 1;
	raise(SIGUSR2);
	CHECK("after SS_DISABLE: the normal stack", !on_alt);

	/* killpg, strsignal, psignal. */
	errno = 0;
	CHECK("killpg -1: EINVAL", killpg(-1, 0) == -1 && errno == EINVAL);
	CHECK_EQ("killpg own group, signal 0", killpg(0, 0), 0);
	CHECK("strsignal", strcmp(strsignal(SIGSEGV), "Segmentation fault") == 0);
	int fds[2], saved = dup(2);
	char buf[64] = {0};
	pipe(fds);
	dup2(fds[1], 2);
	psignal(SIGINT, "here");
	psignal(SIGTERM, 0);
	dup2(saved, 2);
	close(fds[1]);
	read(fds[0], buf, sizeof buf - 1);
	CHECK("psignal text", strcmp(buf, "here: Interrupt\nTerminated\n") == 0);

	put(check_failed ? "FAILED\n" : "all ok\n");
	return check_failed;
}
