/* The C ABI: every function muslin's headers declare, called from C, with
 * its results and errno checked. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static volatile sig_atomic_t hits, info_signo, info_code;

static void on_usr1(int sig)
{
	(void)sig;
	hits++;
}

static void on_usr2(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	info_signo = si->si_signo;
	info_code = si->si_code;
}

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static void test_io(void)
{
	char dir[64] = "/tmp/muslin-capi-", path[64], buf[64];
	int fds[2], fd, fd2;
	struct stat st;
	struct iovec iov[2];

	/* mkdir/openat/stat/fstat/lseek/unlink/close */
	for (int pid = getpid(), i = 17; pid; pid /= 10)
		dir[i++] = '0' + pid % 10;
	CHECK_EQ("mkdir", mkdir(dir, 0700), 0);
	CHECK("mkdir EEXIST", mkdir(dir, 0700) == -1 && errno == EEXIST);
	strcpy(path, dir);
	strncpy(path + strlen(dir), "/file", 6);
	fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	CHECK("open O_CREAT", fd >= 0);
	CHECK_EQ("write", write(fd, "hello, file", 11), 11);
	CHECK_EQ("lseek SEEK_SET", lseek(fd, 7, SEEK_SET), 7);
	memset(buf, 0, sizeof buf);
	CHECK_EQ("read", read(fd, buf, sizeof buf), 4);
	CHECK("read contents", memcmp(buf, "file", 4) == 0);
	CHECK_EQ("lseek SEEK_END", lseek(fd, 0, SEEK_END), 11);
	CHECK_EQ("fstat", fstat(fd, &st), 0);
	CHECK("fstat regular, size 11, mode 0640",
	      S_ISREG(st.st_mode) && st.st_size == 11 && (st.st_mode & 0777) == 0640);
	CHECK_EQ("stat", stat(path, &st), 0);
	CHECK("stat agrees", st.st_size == 11 && st.st_nlink == 1);
	CHECK("stat dir", stat(dir, &st) == 0 && S_ISDIR(st.st_mode));
	CHECK_EQ("fcntl F_GETFD has FD_CLOEXEC", fcntl(fd, F_GETFD), FD_CLOEXEC);
	CHECK_EQ("fcntl F_SETFD", fcntl(fd, F_SETFD, 0), 0);
	CHECK_EQ("fcntl F_GETFD cleared", fcntl(fd, F_GETFD), 0);
	CHECK("fcntl F_GETFL is O_RDWR", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
	fd2 = openat(AT_FDCWD, path, O_RDONLY);
	CHECK("openat", fd2 >= 0);
	CHECK("openat O_DIRECTORY on a file ENOTDIR",
	      openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY) == -1 && errno == ENOTDIR);
	CHECK_EQ("close", close(fd2), 0);
	CHECK_EQ("close", close(fd), 0);
	CHECK_EQ("unlink", unlink(path), 0);
	CHECK("unlink ENOENT", unlink(path) == -1 && errno == ENOENT);
	CHECK("open ENOENT", open(path, O_RDONLY) == -1 && errno == ENOENT);
	CHECK("stat ENOENT", stat(path, &st) == -1 && errno == ENOENT);
	CHECK("fstat EBADF", fstat(-1, &st) == -1 && errno == EBADF);
	CHECK("unlink of a directory fails", unlink(dir) == -1 && (errno == EISDIR || errno == EPERM));
	CHECK_EQ("rmdir", rmdir(dir), 0);
	CHECK("rmdir ENOENT", rmdir(dir) == -1 && errno == ENOENT);

	/* pipe/pipe2/dup/dup2/readv/writev */
	CHECK_EQ("pipe", pipe(fds), 0);
	iov[0].iov_base = "gather ";
	iov[0].iov_len = 7;
	iov[1].iov_base = "write";
	iov[1].iov_len = 5;
	CHECK_EQ("writev", writev(fds[1], iov, 2), 12);
	memset(buf, 0, sizeof buf);
	iov[0].iov_base = buf;
	iov[0].iov_len = 3;
	iov[1].iov_base = buf + 10;
	iov[1].iov_len = 20;
	CHECK_EQ("readv", readv(fds[0], iov, 2), 12);
	CHECK("readv scatters", memcmp(buf, "gat", 3) == 0 && memcmp(buf + 10, "her write", 9) == 0);
	fd = dup(fds[1]);
	CHECK("dup", fd > fds[1]);
	CHECK_EQ("dup2", dup2(fds[1], 100), 100);
	CHECK_EQ("dup2 same fd", dup2(100, 100), 100);
	CHECK("dup2 EBADF", dup2(-1, 101) == -1 && errno == EBADF);
	CHECK_EQ("write via dup2", write(100, "z", 1), 1);
	CHECK("read via pipe", read(fds[0], buf, 1) == 1 && buf[0] == 'z');
	close(fd);
	close(100);
	close(fds[0]);
	close(fds[1]);
	CHECK_EQ("pipe2 O_CLOEXEC", pipe2(fds, O_CLOEXEC), 0);
	CHECK_EQ("pipe2 sets FD_CLOEXEC", fcntl(fds[0], F_GETFD), FD_CLOEXEC);
	close(fds[0]);
	close(fds[1]);
	CHECK("read EBADF", read(-1, buf, 1) == -1 && errno == EBADF);
	CHECK("write EFAULT", write(1, (void *)16, 1) == -1 && errno == EFAULT);
	CHECK("getcwd", getcwd(buf, sizeof buf) == buf && buf[0] == '/');
	CHECK("getcwd ERANGE", getcwd(buf, 1) == NULL && errno == ERANGE);
}

static void test_memory_and_strings(void)
{
	char a[32], b[32];
	char *p = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK("mmap", p != MAP_FAILED);
	p[8191] = 5;
	CHECK_EQ("mprotect", mprotect(p, 4096, PROT_READ), 0);
	CHECK_EQ("munmap", munmap(p, 8192), 0);
	CHECK("mmap EBADF", mmap(0, 4096, PROT_READ, MAP_SHARED, -1, 0) == MAP_FAILED && errno == EBADF);

	memset(a, 'x', sizeof a);
	CHECK("memset", a[0] == 'x' && a[31] == 'x');
	memcpy(b, "abcdef", 7);
	CHECK_EQ("strlen", strlen(b), 6);
	memmove(b + 1, b, 6);
	CHECK("memmove overlapping", memcmp(b, "aabcdef", 7) == 0);
	CHECK("memcmp order", memcmp("abc", "abd", 3) < 0 && memcmp("b", "a", 1) > 0);
	CHECK("strcmp", strcmp("abc", "abc") == 0 && strcmp("abc", "abd") < 0 && strcmp("b", "abc") > 0);
	CHECK("strcmp unsigned", strcmp("\xff", "a") > 0);
	CHECK("strncmp", strncmp("abcX", "abcY", 3) == 0 && strncmp("ab", "abc", 3) < 0);
	CHECK("strchr", strchr("hello", 'l') == (char *)"hello" + 2 || *strchr("hello", 'l') == 'l');
	CHECK("strchr NUL", *strchr("hi", 0) == 0 && strchr("hi", 'z') == NULL);
	CHECK("strrchr", strrchr("a/b/c", '/') && strcmp(strrchr("a/b/c", '/'), "/c") == 0);
	CHECK("strcpy", strcpy(a, "copy") == a && strcmp(a, "copy") == 0);
	memset(a, 'x', sizeof a);
	strncpy(a, "ab", 5);
	CHECK("strncpy pads", a[0] == 'a' && a[2] == 0 && a[4] == 0 && a[5] == 'x');
	strncpy(a, "abcdef", 3);
	CHECK("strncpy truncates", memcmp(a, "abc", 3) == 0 && a[3] == 0);
}

static void test_signals(void)
{
	struct sigaction sa, old;
	sigset_t set, cur;

	CHECK_EQ("sigemptyset", sigemptyset(&set), 0);
	CHECK_EQ("sigismember empty", sigismember(&set, SIGUSR1), 0);
	CHECK_EQ("sigaddset", sigaddset(&set, SIGUSR1), 0);
	CHECK_EQ("sigismember", sigismember(&set, SIGUSR1), 1);
	CHECK_EQ("sigdelset", sigdelset(&set, SIGUSR1), 0);
	CHECK_EQ("sigismember after del", sigismember(&set, SIGUSR1), 0);
	CHECK("sigaddset EINVAL", sigaddset(&set, 0) == -1 && errno == EINVAL);
	CHECK("sigaddset reserved EINVAL", sigaddset(&set, 33) == -1 && errno == EINVAL);
	CHECK_EQ("sigfillset", sigfillset(&set), 0);
	CHECK("sigfillset has SIGTERM, not 33", sigismember(&set, SIGTERM) == 1 && sigismember(&set, 33) == 0);
	CHECK_EQ("SIGRTMIN", SIGRTMIN, 35);
	CHECK_EQ("SIGRTMAX", SIGRTMAX, 64);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	CHECK_EQ("sigaction", sigaction(SIGUSR1, &sa, 0), 0);
	CHECK("sigaction reserved EINVAL", sigaction(33, &sa, 0) == -1 && errno == EINVAL);
	CHECK("sigaction SIGKILL EINVAL", sigaction(SIGKILL, &sa, 0) == -1 && errno == EINVAL);
	CHECK_EQ("raise", raise(SIGUSR1), 0);
	CHECK_EQ("handler ran", hits, 1);
	CHECK_EQ("kill self", kill(getpid(), SIGUSR1), 0);
	CHECK_EQ("kill delivered", hits, 2);
	CHECK("kill ESRCH", kill(0x7ffffff0, SIGUSR1) == -1 && errno == ESRCH);
	CHECK("sigaction old", sigaction(SIGUSR1, 0, &old) == 0 && old.sa_handler == on_usr1);

	sa.sa_sigaction = on_usr2;
	sa.sa_flags = SA_SIGINFO;
	sigaction(SIGUSR2, &sa, 0);
	raise(SIGUSR2);
	CHECK("siginfo si_signo and SI_TKILL", info_signo == SIGUSR2 && info_code == -6);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_EQ("sigprocmask block", sigprocmask(SIG_BLOCK, &set, 0), 0);
	raise(SIGUSR1);
	CHECK_EQ("blocked stays pending", hits, 2);
	CHECK_EQ("sigprocmask unblock", sigprocmask(SIG_UNBLOCK, &set, &cur), 0);
	CHECK_EQ("delivered on unblock", hits, 3);
	CHECK("old mask had SIGUSR1", sigismember(&cur, SIGUSR1) == 1);
	CHECK("sigprocmask bad how EINVAL", sigprocmask(99, &set, 0) == -1 && errno == EINVAL);
}

static void test_time_and_process(void)
{
	struct timespec a, b, req = {0, 30000000};
	time_t t;

	CHECK_EQ("clock_gettime", clock_gettime(CLOCK_MONOTONIC, &a), 0);
	CHECK_EQ("nanosleep", nanosleep(&req, 0), 0);
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK("nanosleep slept 30ms", ns(&b) - ns(&a) >= 30000000);
	req.tv_nsec = 1000000000;
	CHECK("nanosleep EINVAL", nanosleep(&req, 0) == -1 && errno == EINVAL);
	CHECK("clock_gettime EINVAL", clock_gettime(12345, &a) == -1 && errno == EINVAL);
	CHECK_EQ("usleep", usleep(10000), 0);
	CHECK_EQ("sleep 0", sleep(0), 0);
	clock_gettime(CLOCK_MONOTONIC, &a);
	CHECK("usleep and sleep slept", ns(&a) - ns(&b) >= 10000000);
	clock_gettime(CLOCK_REALTIME, &a);
	CHECK("time", time(&t) >= a.tv_sec && t - a.tv_sec <= 2 && t > 1577836800);
	CHECK("getpid", getpid() > 0 && getpid() == gettid());
	CHECK("getppid", getppid() > 0 && getppid() != getpid());
	CHECK("getauxval AT_PAGESZ", getauxval(AT_PAGESZ) >= 4096);
	CHECK("getauxval missing ENOENT", getauxval(1000) == 0 && errno == ENOENT);
	CHECK_EQ("struct timespec is 16 bytes", sizeof(struct timespec), 16);
}

static void never(void)
{
	write(1, "FAIL _exit ran atexit handlers\n", 31);
}

int main(void)
{
	test_io();
	test_memory_and_strings();
	test_signals();
	test_time_and_process();
	errno = 0;
	CHECK_EQ("errno assignable", errno, 0);
	atexit(never);
	_exit(check_failed);
}
