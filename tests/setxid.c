/* setuid and friends change every thread's ids, as POSIX says (Linux keeps
 * them per thread). Each thread's ids are read from the kernel's
 * /proc/self/task/TID/status while the threads sit in a blocking read, a
 * condition wait, nanosleep, sigwait, a join, a busy loop, and a
 * SIGEV_THREAD timer's helper; then many ids are changed while threads are
 * created and end, and from two threads at once. A call the kernel refuses
 * changes nothing anywhere. Run as root (CI is); as another user the
 * refusals are what is checked. Each scenario runs in a forked child,
 * which reports through its exit status and its own lines. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

/* One thread's ids as the kernel reports them: real, effective, saved uid
 * and gid, and up to 8 supplementary groups. */
struct ids {
	long uid[3], gid[3];
	long groups[8];
	int ngroups;
};

static int read_ids(pid_t tid, struct ids *out)
{
	char path[64], buf[4096];
	snprintf(path, sizeof path, "/proc/self/task/%d/status", (int)tid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	memset(out, 0, sizeof *out);
	char *u = strstr(buf, "\nUid:"), *g = strstr(buf, "\nGid:"), *gr = strstr(buf, "\nGroups:");
	if (!u || !g || !gr)
		return -1;
	if (sscanf(u, "\nUid: %ld %ld %ld", &out->uid[0], &out->uid[1], &out->uid[2]) != 3)
		return -1;
	if (sscanf(g, "\nGid: %ld %ld %ld", &out->gid[0], &out->gid[1], &out->gid[2]) != 3)
		return -1;
	char *p = gr + 8;
	while (out->ngroups < 8) {
		char *end;
		long v = strtol(p, &end, 10);
		if (end == p)
			break;
		out->groups[out->ngroups++] = v;
		p = end;
	}
	return 0;
}

static int same_ids(const struct ids *a, const struct ids *b)
{
	return memcmp(a->uid, b->uid, sizeof a->uid) == 0 &&
	       memcmp(a->gid, b->gid, sizeof a->gid) == 0 && a->ngroups == b->ngroups &&
	       memcmp(a->groups, b->groups, a->ngroups * sizeof(long)) == 0;
}

#define MAXT 16
static pid_t tids[MAXT];
static const char *what[MAXT];
static int ntids;
static pthread_mutex_t reg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t reg_cond = PTHREAD_COND_INITIALIZER;

static void register_self(const char *name)
{
	pthread_mutex_lock(&reg_lock);
	what[ntids] = name;
	tids[ntids++] = gettid();
	pthread_cond_broadcast(&reg_cond);
	pthread_mutex_unlock(&reg_lock);
}

static void wait_registered(int n)
{
	pthread_mutex_lock(&reg_lock);
	while (ntids < n)
		pthread_cond_wait(&reg_cond, &reg_lock);
	pthread_mutex_unlock(&reg_lock);
}

/* Every registered thread has the caller's ids. */
static void check_all(const char *step)
{
	struct ids mine, theirs;
	char name[160];
	if (read_ids(gettid(), &mine) != 0) {
		snprintf(name, sizeof name, "%s: read own ids", step);
		CHECK(name, 0);
		return;
	}
	int bad = 0;
	for (int i = 0; i < ntids; i++) {
		if (read_ids(tids[i], &theirs) != 0 || !same_ids(&mine, &theirs)) {
			snprintf(name, sizeof name, "%s: thread in %s has the new ids", step, what[i]);
			CHECK(name, 0);
			bad = 1;
		}
	}
	snprintf(name, sizeof name, "%s: all %d threads agree", step, ntids);
	if (!bad)
		CHECK(name, 1);
}

static int pipefd[2];
static volatile int spin_stop;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int cond_go;
static int sigwait_got, sigwait_ret = -1;
static pthread_t joined;

static void *in_read(void *a)
{
	char ch;
	register_self("read");
	return (void *)(long)read(pipefd[0], &ch, 1);
}

static void *in_cond(void *a)
{
	pthread_mutex_lock(&m);
	register_self("pthread_cond_wait");
	while (!cond_go)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	return 0;
}

static void *in_sleep(void *a)
{
	register_self("nanosleep");
	while (!spin_stop) {
		struct timespec ts = {0, 50000000};
		nanosleep(&ts, 0);
	}
	return 0;
}

static void *in_spin(void *a)
{
	register_self("a busy loop");
	while (!spin_stop)
		;
	return 0;
}

static void *in_sigwait(void *a)
{
	sigset_t s;
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	register_self("sigwait");
	sigwait_ret = sigwait(&s, &sigwait_got);
	return 0;
}

static void *in_join(void *a)
{
	register_self("pthread_join");
	pthread_join(joined, 0);
	return 0;
}

static volatile long timer_egid = -1;
static void on_timer(union sigval v)
{
	timer_egid = getegid();
}

/* The scenario with threads in every kind of wait. */
static void blocked_threads(int root)
{
	pthread_t t[7];
	sigset_t usr1;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, 0);
	CHECK_EQ("blocked: pipe", pipe(pipefd), 0);
	CHECK_EQ("blocked: create read", pthread_create(&t[0], 0, in_read, 0), 0);
	CHECK_EQ("blocked: create cond", pthread_create(&t[1], 0, in_cond, 0), 0);
	CHECK_EQ("blocked: create sleep", pthread_create(&t[2], 0, in_sleep, 0), 0);
	CHECK_EQ("blocked: create spin", pthread_create(&t[3], 0, in_spin, 0), 0);
	CHECK_EQ("blocked: create sigwait", pthread_create(&t[4], 0, in_sigwait, 0), 0);
	CHECK_EQ("blocked: create joined", pthread_create(&joined, 0, in_sleep, 0), 0);
	CHECK_EQ("blocked: create join", pthread_create(&t[5], 0, in_join, 0), 0);
	wait_registered(7);
	/* A SIGEV_THREAD timer: its helper thread waits with every signal
	 * but the id-change one blocked. */
	struct sigevent sev;
	memset(&sev, 0, sizeof sev);
	sev.sigev_notify = SIGEV_THREAD;
	sev.sigev_notify_function = on_timer;
	timer_t tm;
	CHECK_EQ("blocked: timer_create", timer_create(CLOCK_MONOTONIC, &sev, &tm), 0);
	struct timespec settle = {0, 20000000};
	nanosleep(&settle, 0);

	if (root) {
		gid_t groups[3] = {11, 12, 13};
		CHECK_EQ("blocked: setgroups", setgroups(3, groups), 0);
		check_all("setgroups");
		CHECK_EQ("blocked: setregid", setregid(2001, 2002), 0);
		check_all("setregid");
		CHECK_EQ("blocked: setegid", setegid(2003), 0);
		check_all("setegid");
		CHECK_EQ("blocked: setgid", setgid(2004), 0);
		check_all("setgid");
		CHECK_EQ("blocked: seteuid", seteuid(3001), 0);
		check_all("seteuid");
		CHECK_EQ("blocked: seteuid back", seteuid(0), 0);
		check_all("seteuid back to 0");
		CHECK_EQ("blocked: setreuid", setreuid(3002, 3003), 0);
		check_all("setreuid");
		/* No longer privileged: setuid sets the effective id only. */
		CHECK_EQ("blocked: setuid", setuid(3002), 0);
		check_all("setuid unprivileged");
		CHECK_EQ("blocked: geteuid", geteuid(), 3002);
	}
	/* Refused by the kernel: nothing changes anywhere. */
	errno = 0;
	CHECK_EQ("blocked: refused setuid", setuid(4242), -1);
	CHECK_EQ("blocked: refused setuid errno", errno, EPERM);
	errno = 0;
	gid_t one = 4243;
	CHECK_EQ("blocked: refused setgroups", setgroups(1, &one), -1);
	CHECK_EQ("blocked: refused setgroups errno", errno, EPERM);
	check_all("after refusals");

	/* The threads are still in their waits and answer normally. */
	struct itimerspec its = {{0, 0}, {0, 1000000}};
	CHECK_EQ("blocked: timer_settime", timer_settime(tm, 0, &its, 0), 0);
	for (int i = 0; i < 200 && timer_egid == -1; i++)
		nanosleep(&settle, 0);
	CHECK_EQ("blocked: timer helper's egid", timer_egid, getegid());
	CHECK_EQ("blocked: pthread_kill SIGUSR1", pthread_kill(t[4], SIGUSR1), 0);
	CHECK_EQ("blocked: write", write(pipefd[1], "x", 1), 1);
	pthread_mutex_lock(&m);
	cond_go = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	spin_stop = 1;
	void *r;
	CHECK_EQ("blocked: join read", pthread_join(t[0], &r), 0);
	CHECK_EQ("blocked: read got its byte", (long)r, 1);
	for (int i = 1; i < 6; i++)
		CHECK_EQ("blocked: join", pthread_join(t[i], 0), 0);
	CHECK_EQ("blocked: sigwait returned 0", sigwait_ret, 0);
	CHECK_EQ("blocked: sigwait got SIGUSR1", sigwait_got, SIGUSR1);
	CHECK_EQ("blocked: timer_delete", timer_delete(tm), 0);
}

/* Threads being created and ending (joined and detached) while ids
 * change; then two threads change ids at once. */
static volatile int churn_stop;
static void *short_life(void *a)
{
	return a;
}
static void *churn(void *a)
{
	long n = 0;
	while (!churn_stop) {
		pthread_t t;
		if (pthread_create(&t, 0, short_life, 0) == 0) {
			if (n & 1)
				pthread_detach(t);
			else
				pthread_join(t, 0);
		}
		n++;
	}
	return (void *)n;
}

static void *change_gids(void *a)
{
	long base = (long)a, bad = 0;
	for (long i = 0; i < 300; i++)
		if (setgid(base + i % 7) != 0)
			bad++;
	return (void *)bad;
}

static void churning(int root)
{
	pthread_t ch[3];
	for (int i = 0; i < 3; i++)
		CHECK_EQ("churn: create", pthread_create(&ch[i], 0, churn, 0), 0);
	long bad = 0;
	for (long i = 0; i < 300; i++)
		if (setgid(root ? 5000 + i % 5 : getgid()) != 0)
			bad++;
	CHECK_EQ("churn: 300 setgid calls while threads come and go", bad, 0);
	churn_stop = 1;
	long made = 0;
	for (int i = 0; i < 3; i++) {
		void *r;
		pthread_join(ch[i], &r);
		made += (long)r;
	}
	CHECK("churn: threads were created meanwhile", made > 0);
	ntids = 0;
	register_self("the main thread");

	pthread_t a, b;
	void *ra, *rb;
	long ga = root ? 6000 : getgid(), gb = root ? 7000 : getgid();
	CHECK_EQ("concurrent: create a", pthread_create(&a, 0, change_gids, (void *)ga), 0);
	CHECK_EQ("concurrent: create b", pthread_create(&b, 0, change_gids, (void *)gb), 0);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	CHECK_EQ("concurrent: every setgid succeeded", (long)ra + (long)rb, 0);
	/* Both changers are gone: the survivors must agree. Make two fresh
	 * threads to compare with. */
	pthread_t s[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&s[i], 0, in_cond, 0);
	wait_registered(3);
	check_all("after concurrent changes");
	long g = getgid();
	CHECK("concurrent: the gid is one of the two sets",
	      !root || (g >= 6000 && g < 6007) || (g >= 7000 && g < 7007));
	pthread_mutex_lock(&m);
	cond_go = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	for (int i = 0; i < 2; i++)
		pthread_join(s[i], 0);
}

/* A fork child of a threaded process is single-threaded again. */
static void forked(int root)
{
	pthread_t t;
	cond_go = 0;
	ntids = 0;
	pthread_create(&t, 0, in_cond, 0);
	wait_registered(1);
	pid_t p = fork();
	if (p == 0) {
		int ok = root ? setgid(8000) == 0 && getgid() == 8000 : setgid(getgid()) == 0;
		_exit(ok ? 0 : 1);
	}
	int st = -1;
	waitpid(p, &st, 0);
	CHECK_EQ("fork child: setgid", st, 0);
	pthread_mutex_lock(&m);
	cond_go = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	pthread_join(t, 0);
	CHECK("fork: parent's gid unchanged", !root || getgid() != 8000);
}

/* Without threads: the plain system call. */
static void single(int root)
{
	CHECK_EQ("single: setgid", setgid(root ? 8100 : getgid()), 0);
	CHECK("single: getgid", !root || getgid() == 8100);
	errno = 0;
	CHECK_EQ("single: refused", root ? (setuid(8101), setuid(8102)) : setuid(getuid() + 1), -1);
	CHECK_EQ("single: EPERM", errno, EPERM);
}

static void run(const char *name, void (*f)(int), int root)
{
	fflush(stdout);
	pid_t p = fork();
	if (p == 0) {
		/* A hang is a failure, not a stuck suite. */
		alarm(30);
		f(root);
		_exit(check_failed);
	}
	int st = -1;
	waitpid(p, &st, 0);
	check(name, WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      WIFSIGNALED(st) ? "killed by a signal (a hang?)" : "a case failed");
}

int main(void)
{
	int root = geteuid() == 0;
	if (!root)
		put("note: not root: only refusals are checked, not changes\n");
	run("no threads", single, root);
	run("fork child of a threaded process", forked, root);
	run("threads in every kind of wait", blocked_threads, root);
	run("threads coming and going; two changers", churning, root);
	return check_failed;
}
