/* Named semaphores (sem_open, sem_close, sem_unlink): creation with a
 * count, O_EXCL, the same address for repeated opens, errors, a count
 * shared with a child process, and a name reused after sem_unlink. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "check.h"

static char name[64], other[64];

/* sem_open, sem_close and sem_unlink are not cancellation points: with a
 * request pending they still run, and only pthread_testcancel acts. */
static void *opener(void *arg)
{
	sem_t **out = arg;
	pthread_cancel(pthread_self());
	out[0] = sem_open(name, O_CREAT, 0600, 0);
	out[1] = (sem_t *)(long)sem_close(out[0]);
	out[2] = (sem_t *)(long)sem_unlink(name);
	pthread_testcancel();
	out[3] = out[0];
	return 0;
}

int main(void)
{
	int v = -1;
	snprintf(name, sizeof name, "/muslin-sem-%d", (int)getpid());
	snprintf(other, sizeof other, "muslin-sem-b-%d", (int)getpid());
	sem_unlink(name);
	sem_unlink(other);

	errno = 0;
	CHECK("open missing: SEM_FAILED", sem_open(name, 0) == SEM_FAILED);
	CHECK_EQ("open missing: ENOENT", errno, ENOENT);

	sem_t *a = sem_open(name, O_CREAT | O_EXCL, 0600, 3);
	CHECK("create with O_EXCL", a != SEM_FAILED);
	if (a == SEM_FAILED) {
		put("  errno ");
		put_num(errno);
		put("\n");
		return 1;
	}
	CHECK_EQ("created count", (sem_getvalue(a, &v), v), 3);
	char path[96];
	snprintf(path, sizeof path, "/dev/shm/sem.%s", name + 1);
	CHECK_EQ("file in /dev/shm", access(path, F_OK), 0);

	errno = 0;
	CHECK("O_EXCL again: SEM_FAILED",
	      sem_open(name, O_CREAT | O_EXCL, 0600, 0) == SEM_FAILED);
	CHECK_EQ("O_EXCL again: EEXIST", errno, EEXIST);

	sem_t *b = sem_open(name, 0);
	CHECK("reopen: same address", b == a);
	sem_t *c = sem_open(name, O_CREAT, 0600, 7);
	CHECK("O_CREAT of an existing one: same address, count kept",
	      c == a && (sem_getvalue(c, &v), v) == 3);

	CHECK_EQ("trywait", sem_trywait(a), 0);
	CHECK_EQ("count after trywait", (sem_getvalue(b, &v), v), 2);

	/* A child opens it by name, takes one and posts two. */
	pid_t pid = fork();
	if (pid == 0) {
		sem_t *s = sem_open(name, 0);
		if (s == SEM_FAILED || sem_wait(s) || sem_post(s) || sem_post(s))
			_exit(1);
		_exit(sem_close(s) ? 2 : 0);
	}
	int st = -1;
	waitpid(pid, &st, 0);
	CHECK("child used it by name", WIFEXITED(st) && WEXITSTATUS(st) == 0);
	CHECK_EQ("count after the child", (sem_getvalue(a, &v), v), 3);

	/* Three opens: three closes; the fourth is EINVAL. */
	CHECK_EQ("close 1", sem_close(a), 0);
	CHECK_EQ("close 2", sem_close(b), 0);
	CHECK_EQ("still usable before the last close", sem_post(c), 0);
	CHECK_EQ("close 3", sem_close(c), 0);
	errno = 0;
	CHECK_EQ("close again: -1", sem_close(a), -1);
	CHECK_EQ("close again: EINVAL", errno, EINVAL);

	/* Open, unlink: the open one lives on; the name makes a new one. */
	sem_t *d = sem_open(name, 0);
	CHECK("reopen after closing", d != SEM_FAILED && (sem_getvalue(d, &v), v) == 4);
	CHECK_EQ("unlink", sem_unlink(name), 0);
	CHECK("unlinked: file gone", access(path, F_OK) == -1 && errno == ENOENT);
	CHECK_EQ("unlinked one still posts", sem_post(d), 0);
	sem_t *e = sem_open(name, O_CREAT, 0600, 0);
	CHECK("same name after unlink: a new one", e != SEM_FAILED && e != d &&
	      (sem_getvalue(e, &v), v) == 0);
	CHECK_EQ("old one keeps its count", (sem_getvalue(d, &v), v), 5);
	errno = 0;
	CHECK("new one: trywait EAGAIN", sem_trywait(e) == -1 && errno == EAGAIN);
	sem_close(d);
	sem_close(e);
	CHECK_EQ("unlink new", sem_unlink(name), 0);
	errno = 0;
	CHECK("unlink missing: ENOENT", sem_unlink(name) == -1 && errno == ENOENT);

	/* A name without the leading slash is the same semaphore. */
	sem_t *f = sem_open(other, O_CREAT, 0600, 1);
	char slashed[72];
	snprintf(slashed, sizeof slashed, "/%s", other);
	CHECK("no leading slash", f != SEM_FAILED && sem_open(slashed, 0) == f);
	sem_close(f);
	sem_close(f);
	CHECK_EQ("unlink by the other spelling", sem_unlink(slashed), 0);

	errno = 0;
	CHECK("value above SEM_VALUE_MAX: EINVAL",
	      sem_open(name, O_CREAT, 0600, (unsigned)SEM_VALUE_MAX + 1) == SEM_FAILED &&
		      errno == EINVAL);
	char longname[300];
	memset(longname, 'x', sizeof longname - 1);
	longname[0] = '/';
	longname[sizeof longname - 1] = 0;
	errno = 0;
	CHECK("long name: ENAMETOOLONG",
	      sem_open(longname, O_CREAT, 0600, 0) == SEM_FAILED && errno == ENAMETOOLONG);
	errno = 0;
	CHECK("name with an inner slash: EINVAL",
	      sem_open("/a/b", O_CREAT, 0600, 0) == SEM_FAILED && errno == EINVAL);
	sem_t *got[4] = { SEM_FAILED, (sem_t *)-1L, (sem_t *)-1L, SEM_FAILED };
	pthread_t t;
	void *res = 0;
	pthread_create(&t, 0, opener, got);
	pthread_join(t, &res);
	CHECK("not cancellation points: all three ran",
	      got[0] != SEM_FAILED && got[1] == 0 && got[2] == 0);
	CHECK("then pthread_testcancel acted", res == PTHREAD_CANCELED && got[3] == SEM_FAILED);
	CHECK_EQ("sysconf(_SC_SEM_NSEMS_MAX)", sysconf(_SC_SEM_NSEMS_MAX), 256);
	return check_failed;
}
