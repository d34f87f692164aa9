#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <bits/alltypes.h>
#include <bits/signal.h> /* MINSIGSTKSZ, SIGSTKSZ: per arch */

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT SIGABRT
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
/* Signals 32-34 belong to muslin (33 cancels threads): they cannot be
 * caught, blocked or added to a set by the application. */
#define SIGRTMIN (__libc_current_sigrtmin())
#define SIGRTMAX (__libc_current_sigrtmax())
#define _NSIG 65

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

#define SA_NOCLDSTOP 1
#define SA_NOCLDWAIT 2
#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_ERR ((void (*)(int))-1)
#define SIG_DFL ((void (*)(int))0)
#define SIG_IGN ((void (*)(int))1)

/* The kernel's signal mask: 64 bits. */
typedef struct {
	unsigned long __bits[64 / (8 * sizeof(long))];
} sigset_t;

typedef int sig_atomic_t;

union sigval {
	int sival_int;
	void *sival_ptr;
};

typedef struct {
	int si_signo;
	int si_errno;
	int si_code;
	union {
		char __pad[128 - 2 * sizeof(int) - sizeof(long)];
		struct {
			pid_t si_pid;
			uid_t si_uid;
			union sigval si_value;
		} __kill;
		struct {
			pid_t si_pid;
			uid_t si_uid;
			int si_status;
		} __child;
		struct {
			int si_timerid;
			int si_overrun;
			union sigval si_value;
		} __timer;
		struct {
			void *si_addr;
		} __fault;
		struct {
			long si_band;
			int si_fd;
		} __poll;
	} __si;
} siginfo_t;
#define si_pid __si.__kill.si_pid
#define si_uid __si.__kill.si_uid
#define si_value __si.__kill.si_value
#define si_status __si.__child.si_status
#define si_addr __si.__fault.si_addr
#define si_timerid __si.__timer.si_timerid
#define si_overrun __si.__timer.si_overrun
#define si_band __si.__poll.si_band
#define si_fd __si.__poll.si_fd

/* si_code values. */
#define SI_USER 0
#define SI_KERNEL 0x80
#define SI_QUEUE (-1)
#define SI_TIMER (-2)
#define SI_MESGQ (-3)
#define SI_ASYNCIO (-4)
#define SI_SIGIO (-5)
#define SI_TKILL (-6)
#define ILL_ILLOPC 1
#define ILL_ILLOPN 2
#define ILL_ILLADR 3
#define ILL_ILLTRP 4
#define ILL_PRVOPC 5
#define ILL_PRVREG 6
#define ILL_COPROC 7
#define ILL_BADSTK 8
#define FPE_INTDIV 1
#define FPE_INTOVF 2
#define FPE_FLTDIV 3
#define FPE_FLTOVF 4
#define FPE_FLTUND 5
#define FPE_FLTRES 6
#define FPE_FLTINV 7
#define FPE_FLTSUB 8
#define SEGV_MAPERR 1
#define SEGV_ACCERR 2
#define BUS_ADRALN 1
#define BUS_ADRERR 2
#define BUS_OBJERR 3
#define TRAP_BRKPT 1
#define TRAP_TRACE 2
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6
#define POLL_IN 1
#define POLL_OUT 2
#define POLL_MSG 3
#define POLL_ERR 4
#define POLL_PRI 5
#define POLL_HUP 6

/* How a timer's expiry is notified (timer_create). SIGEV_THREAD runs
 * sigev_notify_function(sigev_value) in a new detached thread made with
 * sigev_notify_attributes (NULL: the defaults). */
#define SIGEV_SIGNAL 0
#define SIGEV_NONE 1
#define SIGEV_THREAD 2

struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		char __pad[64 - 2 * sizeof(int) - sizeof(union sigval)];
		struct {
			void (*sigev_notify_function)(union sigval);
			void *sigev_notify_attributes; /* pthread_attr_t * */
		} __sev_thread;
	} __sev;
};
#define sigev_notify_function __sev.__sev_thread.sigev_notify_function
#define sigev_notify_attributes __sev.__sev_thread.sigev_notify_attributes

/* The alternate signal stack (sigaltstack). */
typedef struct {
	void *ss_sp;
	int ss_flags;
	size_t ss_size;
} stack_t;
#define SS_ONSTACK 1
#define SS_DISABLE 2

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	} __sa_handler;
	sigset_t sa_mask;
	int sa_flags;
	void (*sa_restorer)(void); /* ignored: muslin supplies its own */
};
#define sa_handler __sa_handler.sa_handler
#define sa_sigaction __sa_handler.sa_sigaction

int kill(pid_t pid, int sig);
int raise(int sig);
void (*signal(int sig, void (*handler)(int)))(int);
int sigaction(int sig, const struct sigaction *__restrict act, struct sigaction *__restrict old);
int sigprocmask(int how, const sigset_t *__restrict set, sigset_t *__restrict old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int sigsuspend(const sigset_t *mask);
int sigpending(sigset_t *set);
int sigwait(const sigset_t *__restrict set, int *__restrict sig);
int sigwaitinfo(const sigset_t *__restrict set, siginfo_t *__restrict info);
int sigtimedwait(const sigset_t *__restrict set, siginfo_t *__restrict info,
		 const struct timespec *__restrict timeout);
int sigaltstack(const stack_t *__restrict ss, stack_t *__restrict old);
int sigqueue(pid_t pid, int sig, union sigval value);
int killpg(pid_t pgrp, int sig);
/* Clears (flag nonzero) or sets SA_RESTART in sig's current action. */
int siginterrupt(int sig, int flag);
void psignal(int sig, const char *msg);
/* sighold, sigrelse, sigignore, sigpause and sigset (obsolete XSI) are
 * left out. */
int __libc_current_sigrtmin(void);
int __libc_current_sigrtmax(void);

#endif
