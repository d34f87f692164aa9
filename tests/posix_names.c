/* Every function, macro and type that the POSIX conformance suites for
 * threads, signals, clocks and timers, and semaphores test, so that a
 * name muslin lacks fails this test's build on every arch. The names are
 * those of LTP's open_posix_testsuite (conformance/interfaces/<function>
 * and conformance/definitions/{pthread,signal,time,sched,semaphore}_h);
 * left out on purpose, and so not here: the obsolete XSI sighold,
 * sigrelse, sigignore, sigpause and sigset, and pthread_attr_getstackaddr
 * and _setstackaddr, which POSIX.1-2008 removed. Then the behaviour of
 * the functions added for these suites: clock_settime, siginterrupt, the
 * mutex protocol and priority ceiling. */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

#define F(f) { #f, (void (*)(void))f }
static const struct {
	const char *name;
	void (*fn)(void);
} fns[] = {
	/* threads */
	F(pthread_atfork), F(pthread_attr_destroy), F(pthread_attr_getdetachstate),
	F(pthread_attr_getguardsize), F(pthread_attr_getinheritsched),
	F(pthread_attr_getschedparam), F(pthread_attr_getschedpolicy),
	F(pthread_attr_getscope), F(pthread_attr_getstack), F(pthread_attr_getstacksize),
	F(pthread_attr_init), F(pthread_attr_setdetachstate), F(pthread_attr_setguardsize),
	F(pthread_attr_setinheritsched), F(pthread_attr_setschedparam),
	F(pthread_attr_setschedpolicy), F(pthread_attr_setscope), F(pthread_attr_setstack),
	F(pthread_attr_setstacksize), F(pthread_barrier_destroy), F(pthread_barrier_init),
	F(pthread_barrier_wait), F(pthread_barrierattr_destroy),
	F(pthread_barrierattr_getpshared), F(pthread_barrierattr_init),
	F(pthread_barrierattr_setpshared), F(pthread_cancel), F(pthread_cond_broadcast),
	F(pthread_cond_destroy), F(pthread_cond_init), F(pthread_cond_signal),
	F(pthread_cond_timedwait), F(pthread_cond_wait), F(pthread_condattr_destroy),
	F(pthread_condattr_getclock), F(pthread_condattr_getpshared),
	F(pthread_condattr_init), F(pthread_condattr_setclock),
	F(pthread_condattr_setpshared), F(pthread_create), F(pthread_detach),
	F(pthread_equal), F(pthread_exit), F(pthread_getcpuclockid),
	F(pthread_getschedparam), F(pthread_getspecific), F(pthread_join),
	F(pthread_key_create), F(pthread_key_delete), F(pthread_kill),
	F(pthread_mutex_destroy), F(pthread_mutex_getprioceiling), F(pthread_mutex_init),
	F(pthread_mutex_lock), F(pthread_mutex_setprioceiling), F(pthread_mutex_timedlock),
	F(pthread_mutex_trylock), F(pthread_mutex_unlock), F(pthread_mutexattr_destroy),
	F(pthread_mutexattr_getprioceiling), F(pthread_mutexattr_getprotocol),
	F(pthread_mutexattr_getpshared), F(pthread_mutexattr_gettype),
	F(pthread_mutexattr_init), F(pthread_mutexattr_setprioceiling),
	F(pthread_mutexattr_setprotocol), F(pthread_mutexattr_setpshared),
	F(pthread_mutexattr_settype), F(pthread_once), F(pthread_rwlock_destroy),
	F(pthread_rwlock_init), F(pthread_rwlock_rdlock), F(pthread_rwlock_timedrdlock),
	F(pthread_rwlock_timedwrlock), F(pthread_rwlock_tryrdlock),
	F(pthread_rwlock_trywrlock), F(pthread_rwlock_unlock), F(pthread_rwlock_wrlock),
	F(pthread_rwlockattr_destroy), F(pthread_rwlockattr_getpshared),
	F(pthread_rwlockattr_init), F(pthread_rwlockattr_setpshared), F(pthread_self),
	F(pthread_setcancelstate), F(pthread_setcanceltype), F(pthread_setschedparam),
	F(pthread_setschedprio), F(pthread_setspecific), F(pthread_sigmask),
	F(pthread_spin_destroy), F(pthread_spin_init), F(pthread_spin_lock),
	F(pthread_spin_trylock), F(pthread_spin_unlock), F(pthread_testcancel),
	F(sched_get_priority_max), F(sched_get_priority_min), F(sched_getparam),
	F(sched_getscheduler), F(sched_rr_get_interval), F(sched_setparam),
	F(sched_setscheduler), F(sched_yield),
	/* signals */
	F(kill), F(killpg), F(raise), F(sigaction), F(sigaddset), F(sigaltstack),
	F(sigdelset), F(sigemptyset), F(sigfillset), F(siginterrupt), F(sigismember),
	F(signal), F(sigpending), F(sigprocmask), F(sigqueue), F(sigsuspend),
	F(sigtimedwait), F(sigwait), F(sigwaitinfo),
	/* clocks and timers */
	F(clock), F(clock_getcpuclockid), F(clock_getres), F(clock_gettime),
	F(clock_nanosleep), F(clock_settime), F(nanosleep), F(time), F(timer_create),
	F(timer_delete), F(timer_getoverrun), F(timer_gettime), F(timer_settime),
	F(asctime), F(ctime), F(difftime), F(gmtime), F(localtime), F(mktime),
	F(strftime),
	/* semaphores */
	F(sem_close), F(sem_destroy), F(sem_getvalue), F(sem_init), F(sem_open),
	F(sem_post), F(sem_timedwait), F(sem_trywait), F(sem_unlink), F(sem_wait),
};

/* The macros, as values (they must all be integer constant expressions
 * but SIGRTMIN and SIGRTMAX). */
static const long macros[] = {
	PTHREAD_BARRIER_SERIAL_THREAD, PTHREAD_CANCEL_ASYNCHRONOUS, PTHREAD_CANCEL_ENABLE,
	PTHREAD_CANCEL_DEFERRED, PTHREAD_CANCEL_DISABLE, PTHREAD_CREATE_DETACHED,
	PTHREAD_CREATE_JOINABLE, PTHREAD_EXPLICIT_SCHED, PTHREAD_INHERIT_SCHED,
	PTHREAD_MUTEX_DEFAULT, PTHREAD_MUTEX_ERRORCHECK, PTHREAD_MUTEX_NORMAL,
	PTHREAD_MUTEX_RECURSIVE, PTHREAD_ONCE_INIT, PTHREAD_PRIO_INHERIT, PTHREAD_PRIO_NONE,
	PTHREAD_PRIO_PROTECT, PTHREAD_PROCESS_SHARED, PTHREAD_PROCESS_PRIVATE,
	PTHREAD_SCOPE_PROCESS, PTHREAD_SCOPE_SYSTEM, PTHREAD_STACK_MIN, PTHREAD_KEYS_MAX,
	PTHREAD_DESTRUCTOR_ITERATIONS, SCHED_FIFO, SCHED_RR, SCHED_OTHER,
	CLOCKS_PER_SEC, CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID,
	CLOCK_THREAD_CPUTIME_ID, TIMER_ABSTIME, SEM_VALUE_MAX, RTSIG_MAX,
	SIGEV_NONE, SIGEV_SIGNAL, SIGEV_THREAD, SIGABRT, SIGALRM, SIGBUS, SIGCHLD,
	SIGCONT, SIGFPE, SIGHUP, SIGILL, SIGINT, SIGKILL, SIGPIPE, SIGQUIT, SIGSEGV,
	SIGSTOP, SIGTERM, SIGTSTP, SIGTTIN, SIGTTOU, SIGUSR1, SIGUSR2, SIGPOLL, SIGPROF,
	SIGSYS, SIGTRAP, SIGURG, SIGVTALRM, SIGXCPU, SIGXFSZ, SA_NOCLDSTOP, SIG_BLOCK,
	SIG_UNBLOCK, SIG_SETMASK, SA_ONSTACK, SA_RESETHAND, SA_RESTART, SA_SIGINFO,
	SA_NOCLDWAIT, SA_NODEFER, SS_ONSTACK, SS_DISABLE, MINSIGSTKSZ, SIGSTKSZ,
	ILL_ILLOPC, ILL_ILLOPN, ILL_ILLADR, ILL_ILLTRP, ILL_PRVOPC, ILL_PRVREG, ILL_COPROC,
	ILL_BADSTK, FPE_INTDIV, FPE_INTOVF, FPE_FLTDIV, FPE_FLTOVF, FPE_FLTUND, FPE_FLTRES,
	FPE_FLTINV, FPE_FLTSUB, SEGV_MAPERR, SEGV_ACCERR, BUS_ADRALN, BUS_ADRERR,
	BUS_OBJERR, TRAP_BRKPT, TRAP_TRACE, CLD_EXITED, CLD_KILLED, CLD_DUMPED, CLD_TRAPPED,
	CLD_STOPPED, CLD_CONTINUED, POLL_IN, POLL_OUT, POLL_MSG, POLL_ERR, POLL_PRI,
	POLL_HUP, SI_USER, SI_QUEUE, SI_TIMER, SI_ASYNCIO, SI_MESGQ,
	_SC_PAGESIZE, _SC_THREAD_STACK_MIN, _SC_THREAD_ATTR_STACKADDR,
	_SC_THREAD_ATTR_STACKSIZE, _SC_THREAD_PRIORITY_SCHEDULING,
	_SC_THREAD_PROCESS_SHARED, _SC_TIMEOUTS, _SC_CLOCK_SELECTION, _SC_MONOTONIC_CLOCK,
	_SC_SEMAPHORES, _SC_SEM_NSEMS_MAX, _SC_SEM_VALUE_MAX, _SC_BARRIERS, _SC_SPIN_LOCKS,
	_SC_READER_WRITER_LOCKS, _SC_CPUTIME, _SC_THREAD_CPUTIME, _SC_TIMERS,
	_SC_REALTIME_SIGNALS, _SC_RTSIG_MAX, _SC_SIGQUEUE_MAX, _SC_NPROCESSORS_ONLN,
	_POSIX_THREADS, _POSIX_SEMAPHORES, _POSIX_TIMERS, _POSIX_CLOCK_SELECTION,
	_POSIX_MONOTONIC_CLOCK, _POSIX_TIMEOUTS, _POSIX_BARRIERS, _POSIX_SPIN_LOCKS,
	_POSIX_READER_WRITER_LOCKS, _POSIX_REALTIME_SIGNALS, _POSIX_CPUTIME,
	_POSIX_THREAD_CPUTIME, _POSIX_THREAD_PROCESS_SHARED,
	_POSIX_THREAD_PRIORITY_SCHEDULING,
};

/* The types, with the members the suites use. */
static pthread_t t_thread;
static pthread_attr_t t_attr;
static pthread_barrier_t t_barrier;
static pthread_barrierattr_t t_barrierattr;
static pthread_cond_t t_cond = PTHREAD_COND_INITIALIZER;
static pthread_condattr_t t_condattr;
static pthread_key_t t_key;
static pthread_mutex_t t_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutexattr_t t_mutexattr;
static pthread_once_t t_once = PTHREAD_ONCE_INIT;
static pthread_rwlock_t t_rwlock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlockattr_t t_rwlockattr;
static pthread_spinlock_t t_spin;
static sem_t *t_sem = SEM_FAILED;
static sig_atomic_t t_atomic;
static sigset_t t_sigset;
static stack_t t_stack;
static siginfo_t t_info;
static struct sigevent t_sigevent;
static union sigval t_sigval;
static struct itimerspec t_itimerspec;
static struct timespec t_timespec;
static struct tm t_tm;
static struct sched_param t_sched_param;
static clockid_t t_clockid;
static timer_t t_timer;
static clock_t t_clock;
static time_t t_time;
static pid_t t_pid;
static uid_t t_uid;

static size_t members(void)
{
	struct sigaction sa;
	return sizeof sa.sa_handler + sizeof sa.sa_sigaction + sizeof sa.sa_mask +
	       sizeof sa.sa_flags + sizeof t_info.si_signo + sizeof t_info.si_errno +
	       sizeof t_info.si_code + sizeof t_info.si_pid + sizeof t_info.si_uid +
	       sizeof t_info.si_addr + sizeof t_info.si_status + sizeof t_info.si_band +
	       sizeof t_info.si_value + sizeof t_sigevent.sigev_notify +
	       sizeof t_sigevent.sigev_signo + sizeof t_sigevent.sigev_value +
	       sizeof t_sigevent.sigev_notify_function +
	       sizeof t_sigevent.sigev_notify_attributes + sizeof t_sigval.sival_int +
	       sizeof t_sigval.sival_ptr + sizeof t_stack.ss_sp + sizeof t_stack.ss_size +
	       sizeof t_stack.ss_flags + sizeof t_itimerspec.it_interval +
	       sizeof t_itimerspec.it_value + sizeof t_timespec.tv_sec +
	       sizeof t_timespec.tv_nsec + sizeof t_tm.tm_sec + sizeof t_tm.tm_isdst +
	       sizeof t_sched_param.sched_priority + sizeof t_thread + sizeof t_attr +
	       sizeof t_barrier + sizeof t_barrierattr + sizeof t_cond + sizeof t_condattr +
	       sizeof t_key + sizeof t_mutex + sizeof t_mutexattr + sizeof t_once +
	       sizeof t_rwlock + sizeof t_rwlockattr + sizeof t_spin + sizeof t_sem +
	       sizeof t_atomic + sizeof t_sigset + sizeof t_clockid + sizeof t_timer +
	       sizeof t_clock + sizeof t_time + sizeof t_pid + sizeof t_uid;
}

static void on_usr1(int sig)
{
	(void)sig;
}

static int has_restart(int sig)
{
	struct sigaction sa;
	sigaction(sig, 0, &sa);
	return (sa.sa_flags & SA_RESTART) != 0;
}

int main(void)
{
	size_t i, missing = 0;
	for (i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (!fns[i].fn) {
			check(fns[i].name, 0, "its address is null");
			missing++;
		}
	CHECK_EQ("every function links (names)", sizeof fns / sizeof fns[0] - missing,
		 sizeof fns / sizeof fns[0]);
	CHECK("macros are constants", sizeof macros / sizeof macros[0] > 150);
	CHECK("SIGRTMIN..SIGRTMAX", SIGRTMAX - SIGRTMIN + 1 >= RTSIG_MAX);
	CHECK("types and members", members() > 0);

	/* clock_settime: the arguments are checked before the privilege. */
	struct timespec bad = { 0, 1000000000L }, now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	errno = 0;
	CHECK("clock_settime tv_nsec 1e9: EINVAL",
	      clock_settime(CLOCK_REALTIME, &bad) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("clock_settime CLOCK_MONOTONIC: EINVAL or EPERM",
	      clock_settime(CLOCK_MONOTONIC, &now) == -1 &&
		      (errno == EINVAL || errno == EPERM));

	/* siginterrupt toggles SA_RESTART and keeps the handler. */
	struct sigaction sa = { 0 }, got;
	sa.sa_handler = on_usr1;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGUSR1, &sa, 0);
	CHECK_EQ("siginterrupt 1", siginterrupt(SIGUSR1, 1), 0);
	CHECK("siginterrupt 1: no SA_RESTART", !has_restart(SIGUSR1));
	CHECK_EQ("siginterrupt 0", siginterrupt(SIGUSR1, 0), 0);
	CHECK("siginterrupt 0: SA_RESTART", has_restart(SIGUSR1));
	sigaction(SIGUSR1, 0, &got);
	CHECK("siginterrupt keeps the handler", got.sa_handler == on_usr1);
	errno = 0;
	CHECK("siginterrupt SIGKILL: EINVAL", siginterrupt(SIGKILL, 1) == -1 && errno == EINVAL);
	errno = 0;
	CHECK("siginterrupt 0 (no signal): EINVAL", siginterrupt(0, 1) == -1 && errno == EINVAL);

	/* Mutex protocol: only PTHREAD_PRIO_NONE. */
	pthread_mutexattr_t ma;
	int v = -1, old = -1;
	int lo = sched_get_priority_min(SCHED_FIFO), hi = sched_get_priority_max(SCHED_FIFO);
	pthread_mutexattr_init(&ma);
	CHECK_EQ("getprotocol default", (pthread_mutexattr_getprotocol(&ma, &v), v),
		 PTHREAD_PRIO_NONE);
	CHECK_EQ("setprotocol NONE", pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_NONE), 0);
	CHECK_EQ("setprotocol INHERIT: ENOTSUP",
		 pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_INHERIT), ENOTSUP);
	CHECK_EQ("setprotocol PROTECT: ENOTSUP",
		 pthread_mutexattr_setprotocol(&ma, PTHREAD_PRIO_PROTECT), ENOTSUP);
	CHECK_EQ("setprotocol 99: EINVAL", pthread_mutexattr_setprotocol(&ma, 99), EINVAL);

	/* Priority ceilings: kept, checked against the SCHED_FIFO range. */
	CHECK_EQ("attr prioceiling default: lowest FIFO priority",
		 (pthread_mutexattr_getprioceiling(&ma, &v), v), lo);
	CHECK_EQ("attr setprioceiling below range: EINVAL",
		 pthread_mutexattr_setprioceiling(&ma, lo - 1), EINVAL);
	CHECK_EQ("attr setprioceiling above range: EINVAL",
		 pthread_mutexattr_setprioceiling(&ma, hi + 1), EINVAL);
	CHECK_EQ("attr setprioceiling max", pthread_mutexattr_setprioceiling(&ma, hi), 0);
	CHECK_EQ("attr getprioceiling max", (pthread_mutexattr_getprioceiling(&ma, &v), v), hi);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
	CHECK_EQ("attr prioceiling keeps the type",
		 (pthread_mutexattr_gettype(&ma, &v), v), PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_t m;
	pthread_mutex_init(&m, &ma);
	CHECK_EQ("mutex prioceiling from attr", (pthread_mutex_getprioceiling(&m, &v), v), hi);
	CHECK_EQ("mutex setprioceiling", pthread_mutex_setprioceiling(&m, lo + 1, &old), 0);
	CHECK_EQ("mutex setprioceiling: old", old, hi);
	CHECK_EQ("mutex getprioceiling", (pthread_mutex_getprioceiling(&m, &v), v), lo + 1);
	CHECK_EQ("mutex setprioceiling out of range: EINVAL",
		 pthread_mutex_setprioceiling(&m, hi + 1, &old), EINVAL);
	CHECK("mutex still recursive",
	      pthread_mutex_lock(&m) == 0 && pthread_mutex_lock(&m) == 0 &&
		      pthread_mutex_unlock(&m) == 0 && pthread_mutex_unlock(&m) == 0 &&
		      pthread_mutex_trylock(&m) == 0 && pthread_mutex_unlock(&m) == 0);
	CHECK("mutex setprioceiling by its owner (recursive)",
	      pthread_mutex_lock(&m) == 0 && pthread_mutex_setprioceiling(&m, lo, 0) == 0 &&
		      pthread_mutex_unlock(&m) == 0 && pthread_mutex_trylock(&m) == 0 &&
		      pthread_mutex_unlock(&m) == 0);
	CHECK_EQ("static mutex prioceiling",
		 (pthread_mutex_getprioceiling(&t_mutex, &v), v), lo);
	return check_failed;
}
