/* fork from a program with 8 running threads, one of them holding
 * stdout's lock and others allocating: the child printf()s and malloc()s.
 * Repeated FORKS times, stopping early after PROC_FORK_SECONDS (default
 * 10: ./x.py test under qemu is slow) with the count done printed; system() from a thread that is then cancelled
 * leaves no child and no descriptor behind; rlimits, times, getrusage and
 * the id functions. */
#include "check.h"
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FORKS 10000
static volatile int stop;

static void *allocator(void *arg)
{
	(void)arg;
	while (!stop) {
		void *p = malloc(100 + (rand() & 1023));
		free(p);
		FILE *f = fopen("/dev/null", "w");
		if (f) {
			fprintf(f, "x");
			fclose(f);
		}
	}
	return 0;
}

static void *holder(void *arg)
{
	(void)arg;
	flockfile(stdout);
	while (!stop)
		usleep(1000);
	funlockfile(stdout);
	return 0;
}

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static void *sys_thread(void *arg)
{
	(void)arg;
	/* exec: the shell becomes sleep, so the kill that cancellation sends
	 * reaches it and no orphaned sleep is left (as pid 1 of a namespace we
	 * would even adopt it and see it in waitpid(-1)). */
	system("exec sleep 30");
	return 0;
}

static int count_fds(void)
{
	int n = 0;
	for (int fd = 0; fd < 256; fd++) {
		int d = dup(fd);
		if (d >= 0) {
			close(d);
			n++;
		}
	}
	return n;
}

int main(void)
{
	pthread_t t[8];
	pthread_create(&t[0], 0, holder, 0);
	for (int i = 1; i < 8; i++)
		pthread_create(&t[i], 0, allocator, 0);
	usleep(20000);
	double start = now(), limit = 10;
	if (getenv("PROC_FORK_SECONDS"))
		limit = atof(getenv("PROC_FORK_SECONDS"));
	int done = 0, bad = 0;
	for (; done < FORKS && now() - start < limit; done++) {
		pid_t p = fork();
		if (p == 0) {
			char *m = malloc(1000);
			if (!m)
				_exit(2);
			strcpy(m, "child");
			/* stdout is a pipe or file: printf into it, then flush. */
			int r = printf("%s", "") < 0;
			r |= fflush(stdout) != 0;
			/* flockfile always locks: a lock still held by the
			 * parent's holder thread would hang here. (A thread
			 * created in the child would test the same, but
			 * qemu-user 7.2 aborts on that after a threaded fork.) */
			flockfile(stdout);
			r |= printf("%s", "") < 0;
			funlockfile(stdout);
			free(m);
			_exit(r);
		}
		int st;
		if (p < 0 || waitpid(p, &st, 0) != p || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
			bad++;
	}
	stop = 1;
	for (int i = 0; i < 8; i++)
		pthread_join(t[i], 0);
	put("forks done: ");
	put_num(done);
	put(" of ");
	put_num(FORKS);
	put("\n");
	CHECK_EQ("fork with 8 threads and a held stdio lock: failed children", bad, 0);
	CHECK("fork with 8 threads: at least 10 forks done", done >= 10);

	/* system() from a thread cancelled while it waits. */
	int fds_before = count_fds();
	pthread_t s;
	pthread_create(&s, 0, sys_thread, 0);
	usleep(300000);
	pthread_cancel(s);
	void *res = 0;
	pthread_join(s, &res);
	CHECK("cancelled system() thread was cancelled", res == PTHREAD_CANCELED);
	CHECK_EQ("cancelled system() leaves no child", waitpid(-1, 0, WNOHANG), -1);
	CHECK_EQ("... and no descriptor", count_fds(), fds_before);

	struct rlimit rl, rl2;
	CHECK_EQ("getrlimit NOFILE", getrlimit(RLIMIT_NOFILE, &rl), 0);
	rl2 = rl;
	rl2.rlim_cur = rl.rlim_cur > 64 ? 64 : rl.rlim_cur;
	CHECK_EQ("setrlimit NOFILE", setrlimit(RLIMIT_NOFILE, &rl2), 0);
	struct rlimit rl3;
	getrlimit(RLIMIT_NOFILE, &rl3);
	CHECK("rlimit round trip", rl3.rlim_cur == rl2.rlim_cur && rl3.rlim_max == rl.rlim_max);
	CHECK_EQ("prlimit restores", prlimit(0, RLIMIT_NOFILE, &rl, &rl3), 0);
	CHECK("prlimit old value", rl3.rlim_cur == rl2.rlim_cur);
	errno = 0;
	CHECK("setrlimit bad resource: EINVAL", setrlimit(999, &rl) == -1 && errno == EINVAL);
	CHECK("RLIM_INFINITY is all ones", RLIM_INFINITY == ~(rlim_t)0 && sizeof(rlim_t) == 8);

	struct tms tm;
	clock_t c = times(&tm);
	CHECK("times sane", c != (clock_t)-1 && tm.tms_utime >= 0 && tm.tms_cutime >= 0);
	struct rusage ru;
	CHECK_EQ("getrusage SELF", getrusage(RUSAGE_SELF, &ru), 0);
	CHECK("getrusage times sane",
	      ru.ru_utime.tv_usec >= 0 && ru.ru_utime.tv_usec < 1000000 &&
		      ru.ru_stime.tv_usec >= 0 && ru.ru_stime.tv_usec < 1000000 &&
		      ru.ru_utime.tv_sec + ru.ru_stime.tv_sec < 100000 && ru.ru_maxrss > 0);
	CHECK_EQ("getrusage CHILDREN", getrusage(RUSAGE_CHILDREN, &ru), 0);
	/* Bad pointers are EFAULT, never a crash: one into page 0, and one
	 * whose last 8 bytes run into an unmapped page. */
	errno = 0;
	CHECK("getrusage bad pointer: EFAULT",
	      getrusage(RUSAGE_SELF, (struct rusage *)8) == -1 && errno == EFAULT);
	long pg = sysconf(_SC_PAGESIZE);
	char *two = mmap(0, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("mmap two pages", two != MAP_FAILED && munmap(two + pg, pg) == 0);
	struct rusage *edge = (struct rusage *)(two + pg - sizeof(struct rusage) + 8);
	errno = 0;
	CHECK("getrusage struct past the mapping's end: EFAULT",
	      getrusage(RUSAGE_SELF, edge) == -1 && errno == EFAULT);
	pid_t rk = fork();
	if (rk == 0)
		_exit(0);
	int rst;
	errno = 0;
	CHECK("wait4 bad rusage: EFAULT", wait4(rk, &rst, 0, edge) == -1 && errno == EFAULT);
	/* (The kernel reaps before it copies on 64-bit arches; muslin checks
	 * first on 32-bit ones: reap what is left either way.) */
	waitpid(rk, &rst, 0);
	munmap(two, pg);
	CHECK("getuid == geteuid (not setuid)", getuid() == geteuid() && getgid() == getegid());
	CHECK_EQ("setuid to oneself", setuid(getuid()), 0);
	CHECK_EQ("seteuid to oneself", seteuid(geteuid()), 0);
	CHECK_EQ("setegid to oneself", setegid(getegid()), 0);
	int ng = getgroups(0, 0);
	CHECK("getgroups count", ng >= 0);
	CHECK_EQ("getpgrp == getpgid(0)", getpgrp(), getpgid(0));
	/* The session leader may live outside our pid namespace (a container,
	 * a CI runner), and then the kernel reports session 0: only >= 0 holds. */
	CHECK("getsid(0) >= 0", getsid(0) >= 0);
	CHECK_EQ("getsid(0) == getsid(getpid())", getsid(0), getsid(getpid()));
	errno = 0;
	CHECK("getsid(no such pid) ESRCH", getsid(0x3ffffff0) == -1 && errno == ESRCH);
	pid_t sc = fork();
	if (sc == 0)
		_exit(setsid() == getpid() && getsid(0) == getpid() && getpgrp() == getpid() ? 0 : 1);
	int sst = -1;
	CHECK("setsid in a child makes it the leader",
	      sc > 0 && waitpid(sc, &sst, 0) == sc && WIFEXITED(sst) && WEXITSTATUS(sst) == 0);
	errno = 0;
	int pr = getpriority(PRIO_PROCESS, 0);
	CHECK("getpriority", errno == 0 && pr >= -20 && pr <= 19);
	CHECK_EQ("nice(1)", nice(1), pr < 19 ? pr + 1 : 19);
	CHECK_EQ("alarm(5) then alarm(0) returns 5", (alarm(5), alarm(0)), 5);
	return check_failed;
}
