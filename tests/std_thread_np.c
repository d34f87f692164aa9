/* The GNU thread functions Rust's std needs. pthread_getattr_np: for the
 * main thread and for threads with the default attribute, an explicit
 * stack size, an explicit guard size, a caller-supplied stack, and
 * detached, a local variable lies in [addr, addr + size), muslin's stacks
 * are page-aligned with their guard (PROT_NONE in /proc/self/maps) right
 * below, the guard size and detach state come back; the main thread's size
 * agrees with RLIMIT_STACK; a joined thread's handle is ESRCH.
 * pthread_setname_np/getname_np on the calling thread and on another, the
 * ERANGE cases, /proc/self/task/TID/comm showing the name.
 * __cxa_thread_atexit_impl: destructors run newest first, one registered
 * by a destructor runs next, all before the pthread_key destructors, on
 * pthread_exit, on return from the start routine and on cancellation
 * (after the cleanup handlers). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#include "check.h"

#ifdef __GLIBC__ /* for a run against glibc: it declares none */
int __cxa_thread_atexit_impl(void (*dtor)(void *), void *obj, void *dso_symbol);
#endif
/* Names this program to __cxa_thread_atexit_impl, as a C++ compiler's
 * __dso_handle would (glibc wants one; muslin ignores it). */
static char dso;

static long page;

struct probe {
	int rc;
	void *addr;
	size_t size, guard;
	int detach;
	uintptr_t local;
	/* The permissions of the lowest and highest guard page, and of the
	 * stack's lowest page, read while the thread runs. */
	char guard_lo[5], guard_hi[5], stack_lo[5];
};

static const char *perms_at(uintptr_t a);

static void probe_self(struct probe *p)
{
	pthread_attr_t a;
	volatile char local = 0;
	p->local = (uintptr_t)&local;
	p->rc = pthread_getattr_np(pthread_self(), &a);
	if (p->rc)
		return;
	pthread_attr_getstack(&a, &p->addr, &p->size);
	pthread_attr_getguardsize(&a, &p->guard);
	pthread_attr_getdetachstate(&a, &p->detach);
	pthread_attr_destroy(&a);
	if (p->guard) {
		strcpy(p->guard_lo, perms_at((uintptr_t)p->addr - p->guard));
		strcpy(p->guard_hi, perms_at((uintptr_t)p->addr - 1));
	}
	strcpy(p->stack_lo, perms_at((uintptr_t)p->addr));
}

static int inside(const struct probe *p)
{
	return p->local >= (uintptr_t)p->addr && p->local < (uintptr_t)p->addr + p->size;
}

static int aligned(const void *a)
{
	return ((uintptr_t)a & (page - 1)) == 0;
}

/* The permissions of the mapping that holds `a`, from /proc/self/maps
 * ("rw-p", "---p"), or "" if none does. */
static char maps_buf[1 << 16];
static const char *perms_at(uintptr_t a)
{
	static char perms[5];
	int fd = open("/proc/self/maps", O_RDONLY);
	size_t n = 0;
	ssize_t r;
	perms[0] = 0;
	if (fd < 0)
		return perms;
	while (n < sizeof maps_buf - 1 && (r = read(fd, maps_buf + n, sizeof maps_buf - 1 - n)) > 0)
		n += r;
	close(fd);
	maps_buf[n] = 0;
	for (char *line = maps_buf; *line;) {
		char *end;
		uintptr_t lo = strtoul(line, &end, 16);
		uintptr_t hi = strtoul(end + 1, &end, 16);
		if (a >= lo && a < hi) {
			memcpy(perms, end + 1, 4);
			perms[4] = 0;
			break;
		}
		char *nl = strchr(line, '\n');
		if (!nl)
			break;
		line = nl + 1;
	}
	return perms;
}

static void *prober(void *arg)
{
	probe_self(arg);
	return 0;
}

static int done_pipe[2];

static void *detached_prober(void *arg)
{
	probe_self(arg);
	write(done_pipe[1], "x", 1);
	return 0;
}

static struct probe run_probe(const pthread_attr_t *a)
{
	struct probe p = {-1};
	pthread_t t;
	if (pthread_create(&t, a, prober, &p) == 0)
		pthread_join(t, 0);
	return p;
}

static void test_main_thread(void)
{
	struct probe p = {-1};
	struct rlimit rl;
	probe_self(&p);
	CHECK_EQ("main: getattr_np", p.rc, 0);
	CHECK("main: local inside the stack", inside(&p));
	CHECK("main: address page-aligned", aligned(p.addr));
	CHECK("main: size page multiple", (p.size & (page - 1)) == 0);
	CHECK("main: size > 0", p.size > 0);
	CHECK("main: lowest address below the stack pointer", (uintptr_t)p.addr < p.local);
	CHECK_EQ("main: joinable", p.detach, PTHREAD_CREATE_JOINABLE);
	CHECK("main: top inside the [stack] mapping",
	      strcmp(perms_at((uintptr_t)p.addr + p.size - 1), "rw-p") == 0);
	CHECK_EQ("main: getrlimit", getrlimit(RLIMIT_STACK, &rl), 0);
	if (rl.rlim_cur != RLIM_INFINITY)
		CHECK("main: size <= RLIMIT_STACK", p.size <= rl.rlim_cur);
#ifndef __GLIBC__
	/* muslin's exact answer (glibc's top is the page above its
	 * __libc_stack_end, and what lies above is taken off the size). */
	CHECK("main: top is the [stack] mapping's end",
	      strcmp(perms_at((uintptr_t)p.addr + p.size), "rw-p") != 0);
	if (rl.rlim_cur != RLIM_INFINITY)
		/* Only a mapping below the stack caps it under the limit. */
		CHECK("main: size is RLIMIT_STACK, or reaches the mapping below",
		      p.size == (rl.rlim_cur & ~(rlim_t)(page - 1)) ||
			      perms_at((uintptr_t)p.addr - 1)[0] != 0);
#endif
}

static pthread_t main_handle;
static void *main_prober(void *arg)
{
	struct probe *p = arg;
	pthread_attr_t a;
	p->rc = pthread_getattr_np(main_handle, &a);
	if (p->rc == 0) {
		pthread_attr_getstack(&a, &p->addr, &p->size);
		pthread_attr_destroy(&a);
	}
	return 0;
}

/* Another thread asks about the main thread: the same stack. */
static void test_main_from_other(void)
{
	struct probe mine = {-1}, theirs = {-1};
	pthread_t t;
	main_handle = pthread_self();
	probe_self(&mine);
	pthread_create(&t, 0, main_prober, &theirs);
	pthread_join(t, 0);
	CHECK_EQ("main from another thread: getattr_np", theirs.rc, 0);
	CHECK("main from another thread: same address", theirs.addr == mine.addr);
	CHECK_EQ("main from another thread: same size", theirs.size, mine.size);
}

static void test_created(void)
{
	pthread_attr_t a;
	struct probe p;

	p = run_probe(0);
	CHECK_EQ("default: getattr_np", p.rc, 0);
	CHECK("default: local inside the stack", inside(&p));
	CHECK("default: address page-aligned", aligned(p.addr));
	CHECK("default: size >= PTHREAD_STACK_MIN", p.size >= PTHREAD_STACK_MIN);
	CHECK_EQ("default: guard one page", p.guard, page);
	CHECK_EQ("default: joinable", p.detach, PTHREAD_CREATE_JOINABLE);
	CHECK("default: guard below the stack is PROT_NONE",
	      strcmp(p.guard_lo, "---p") == 0 && strcmp(p.guard_hi, "---p") == 0);
	CHECK("default: stack itself writable", p.stack_lo[1] == 'w');

	pthread_attr_init(&a);
	pthread_attr_setstacksize(&a, 256 * 1024);
	p = run_probe(&a);
	CHECK_EQ("stacksize: getattr_np", p.rc, 0);
	CHECK("stacksize: local inside the stack", inside(&p));
	CHECK("stacksize: address page-aligned", aligned(p.addr));
	CHECK("stacksize: size >= the requested 256 KiB", p.size >= 256 * 1024);
	CHECK("stacksize: size < 256 KiB + 64 KiB", p.size < 320 * 1024);
	pthread_attr_destroy(&a);

	pthread_attr_init(&a);
	pthread_attr_setguardsize(&a, 3 * page);
	p = run_probe(&a);
	CHECK_EQ("guardsize: getattr_np", p.rc, 0);
	CHECK("guardsize: local inside the stack", inside(&p));
	CHECK("guardsize: address page-aligned", aligned(p.addr));
	CHECK_EQ("guardsize: three pages", p.guard, 3 * page);
	CHECK("guardsize: the guard is PROT_NONE",
	      strcmp(p.guard_lo, "---p") == 0 && strcmp(p.guard_hi, "---p") == 0);
	CHECK("guardsize: stack itself writable", p.stack_lo[1] == 'w');
	pthread_attr_destroy(&a);

	size_t ssize = 64 * 1024;
	char *stack = mmap(0, ssize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	pthread_attr_init(&a);
	pthread_attr_setstack(&a, stack, ssize);
	p = run_probe(&a);
	CHECK_EQ("user stack: getattr_np", p.rc, 0);
	CHECK("user stack: local inside the stack", inside(&p));
	CHECK("user stack: the address given", p.addr == stack);
	CHECK_EQ("user stack: the size given", p.size, ssize);
	pthread_attr_destroy(&a);
	munmap(stack, ssize);

	struct probe d = {-1};
	pthread_t t;
	char c;
	pipe(done_pipe);
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	CHECK_EQ("detached: create", pthread_create(&t, &a, detached_prober, &d), 0);
	CHECK_EQ("detached: done", read(done_pipe[0], &c, 1), 1);
	CHECK_EQ("detached: getattr_np", d.rc, 0);
	CHECK("detached: local inside the stack", inside(&d));
	CHECK_EQ("detached: reported detached", d.detach, PTHREAD_CREATE_DETACHED);
	pthread_attr_destroy(&a);
	close(done_pipe[0]);
	close(done_pipe[1]);
}

/* A thread that publishes its tid and a local's address, then waits. */
static int go_pipe[2];
static volatile uintptr_t other_local;
static volatile pid_t other_tid;
static char other_seen[32];

static void *waiter(void *arg)
{
	volatile char local = 0;
	char c;
	(void)arg;
	other_local = (uintptr_t)&local;
	other_tid = gettid();
	read(go_pipe[0], &c, 1);
	pthread_getname_np(pthread_self(), other_seen, sizeof other_seen);
	return 0;
}

static int read_comm(pid_t tid, char *buf, size_t len)
{
	char path[64] = "/proc/self/task/";
	char num[16], *p = num + sizeof num;
	*--p = 0;
	do
		*--p = '0' + tid % 10;
	while (tid /= 10);
	strcat(path, p);
	strcat(path, "/comm");
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = 0;
	return 0;
}

static void test_other_thread(void)
{
	pthread_t t;
	pthread_attr_t a;
	char name[32], comm[32];
	void *addr;
	size_t size, guard;

	pipe(go_pipe);
	pthread_create(&t, 0, waiter, 0);
	while (!other_tid)
		sched_yield();
	CHECK_EQ("other: getattr_np", pthread_getattr_np(t, &a), 0);
	pthread_attr_getstack(&a, &addr, &size);
	pthread_attr_getguardsize(&a, &guard);
	CHECK("other: its local inside the reported stack",
	      other_local >= (uintptr_t)addr && other_local < (uintptr_t)addr + size);
	CHECK_EQ("other: guard", guard, page);
	pthread_attr_destroy(&a);

	CHECK_EQ("other: setname", pthread_setname_np(t, "other-thread"), 0);
	CHECK_EQ("other: getname", pthread_getname_np(t, name, 16), 0);
	CHECK("other: getname is the name set", strcmp(name, "other-thread") == 0);
	CHECK("other: comm shows it",
	      read_comm(other_tid, comm, sizeof comm) == 0 && strcmp(comm, "other-thread\n") == 0);
	CHECK_EQ("other: setname 16 bytes is ERANGE", pthread_setname_np(t, "0123456789abcdef"),
		 ERANGE);
	CHECK_EQ("other: getname into 15 bytes is ERANGE", pthread_getname_np(t, name, 15), ERANGE);
	CHECK_EQ("other: setname 15 bytes", pthread_setname_np(t, "0123456789abcde"), 0);
	write(go_pipe[1], "x", 1);
	pthread_join(t, 0);
	CHECK("other: the thread sees its own name", strcmp(other_seen, "0123456789abcde") == 0);
#ifndef __GLIBC__ /* a joined thread's handle: muslin's registry knows it is gone */
	CHECK_EQ("joined: getattr_np ESRCH", pthread_getattr_np(t, &a), ESRCH);
	CHECK_EQ("joined: setname ESRCH", pthread_setname_np(t, "x"), ESRCH);
	CHECK_EQ("joined: getname ESRCH", pthread_getname_np(t, name, sizeof name), ESRCH);
#endif
	close(go_pipe[0]);
	close(go_pipe[1]);
}

static void test_self_name(void)
{
	char name[16], comm[32];
	CHECK_EQ("self: setname", pthread_setname_np(pthread_self(), "muslin-main"), 0);
	CHECK_EQ("self: getname", pthread_getname_np(pthread_self(), name, sizeof name), 0);
	CHECK("self: getname is the name set", strcmp(name, "muslin-main") == 0);
	CHECK("self: comm shows it",
	      read_comm(gettid(), comm, sizeof comm) == 0 && strcmp(comm, "muslin-main\n") == 0);
	CHECK_EQ("self: setname 16 bytes is ERANGE",
		 pthread_setname_np(pthread_self(), "0123456789abcdef"), ERANGE);
	CHECK_EQ("self: getname into 15 bytes is ERANGE",
		 pthread_getname_np(pthread_self(), name, 15), ERANGE);
	CHECK_EQ("self: setname empty", pthread_setname_np(pthread_self(), ""), 0);
	CHECK_EQ("self: getname empty", pthread_getname_np(pthread_self(), name, sizeof name), 0);
	CHECK("self: empty name", name[0] == 0);
}

/* Thread-local destructors: each appends its letter to the log. */
static char dlog[32];
static int dlen;
static pthread_key_t key;

static void logc(char c)
{
	if (dlen < (int)sizeof dlog - 1)
		dlog[dlen++] = c;
	dlog[dlen] = 0;
}

static void d_letter(void *x) { logc((char)(uintptr_t)x); }
static void d_nest(void *x)
{
	logc((char)(uintptr_t)x);
	__cxa_thread_atexit_impl(d_letter, (void *)(uintptr_t)'n', &dso);
}
static void key_dtor(void *x) { logc((char)(uintptr_t)x); }
static void cleanup(void *x) { logc((char)(uintptr_t)x); }

static void register_all(void)
{
	pthread_setspecific(key, (void *)(uintptr_t)'K');
	__cxa_thread_atexit_impl(d_letter, (void *)(uintptr_t)'1', &dso);
	__cxa_thread_atexit_impl(d_nest, (void *)(uintptr_t)'2', &dso);
	__cxa_thread_atexit_impl(d_letter, (void *)(uintptr_t)'3', &dso);
}

static void *dtor_return(void *arg)
{
	(void)arg;
	register_all();
	return 0;
}

static void *dtor_exit(void *arg)
{
	(void)arg;
	register_all();
	pthread_exit(0);
}

static void *dtor_cancel(void *arg)
{
	char c;
	(void)arg;
	pthread_cleanup_push(cleanup, (void *)(uintptr_t)'C');
	register_all();
	other_tid = 1;
	read(go_pipe[0], &c, 1);
	pthread_cleanup_pop(0);
	return 0;
}

static void test_dtors(void)
{
	pthread_t t;
	void *res = 0;
	pthread_key_create(&key, key_dtor);

	dlen = 0;
	pthread_create(&t, 0, dtor_return, 0);
	pthread_join(t, 0);
	CHECK("return: newest first, nested next, then the key",
	      strcmp(dlog, "32n1K") == 0);

	dlen = 0;
	dlog[0] = 0;
	pthread_create(&t, 0, dtor_exit, 0);
	pthread_join(t, 0);
	CHECK("pthread_exit: newest first, nested next, then the key",
	      strcmp(dlog, "32n1K") == 0);

	dlen = 0;
	dlog[0] = 0;
	other_tid = 0;
	pipe(go_pipe);
	pthread_create(&t, 0, dtor_cancel, 0);
	while (!other_tid)
		sched_yield();
	usleep(20000); /* let it block in read */
	pthread_cancel(t);
	pthread_join(t, &res);
	CHECK("cancel: joined as cancelled", res == PTHREAD_CANCELED);
	CHECK("cancel: cleanup handler, destructors, then the key",
	      strcmp(dlog, "C32n1K") == 0);
	close(go_pipe[0]);
	close(go_pipe[1]);
	if (strcmp(dlog, "C32n1K") != 0) {
		put("  log: ");
		put(dlog);
		put("\n");
	}
}

int main(void)
{
	page = sysconf(_SC_PAGESIZE);
	test_main_thread();
	test_self_name();
	test_created();
	test_main_from_other();
	test_other_thread();
	test_dtors();
	return check_failed;
}
