#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <bits/alltypes.h>

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
			void *si_addr;
		} __fault;
	} __si;
} siginfo_t;
#define si_pid __si.__kill.si_pid
#define si_uid __si.__kill.si_uid
#define si_value __si.__kill.si_value
#define si_status __si.__child.si_status
#define si_addr __si.__fault.si_addr

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
int __libc_current_sigrtmin(void);
int __libc_current_sigrtmax(void);

#endif
