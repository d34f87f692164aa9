/* What Rust's std calls beyond POSIX: syscall(2) with <sys/syscall.h>'s
 * numbers (errors as -1 and errno, six arguments), __xpg_strerror_r,
 * statx against fstat, dl_iterate_phdr (the program's own headers and TLS
 * block), and dlopen/dlsym/dlerror failing as a static program must. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "check.h"

static _Thread_local int tls_var = 42;
static _Thread_local char tls_zero[64];

struct seen {
	int calls;
	int has_load, has_tls, tls_inside, phdr_has_main;
	size_t size;
	const char *name;
};

static int callback(struct dl_phdr_info *info, size_t size, void *data)
{
	struct seen *s = data;
	s->calls++;
	s->size = size;
	s->name = info->dlpi_name;
	for (int i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		unsigned long lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
		if (ph->p_type == PT_LOAD) {
			s->has_load = 1;
			if ((unsigned long)(void *)callback >= lo && (unsigned long)(void *)callback < hi)
				s->phdr_has_main = 1;
		}
		if (ph->p_type == PT_TLS) {
			s->has_tls = 1;
			char *b = info->dlpi_tls_data;
			s->tls_inside = b && (char *)&tls_var >= b && (char *)&tls_var < b + ph->p_memsz &&
					tls_zero >= b && tls_zero + 64 <= b + ph->p_memsz &&
					*(int *)((char *)&tls_var) == 42;
		}
	}
	return 7;
}

int main(void)
{
	/* syscall(2) */
	CHECK_EQ("syscall(SYS_getpid)", syscall(SYS_getpid), getpid());
	CHECK_EQ("syscall(__NR_gettid)", syscall(__NR_gettid), gettid());
	errno = 0;
	CHECK_EQ("syscall(SYS_close, -1)", syscall(SYS_close, -1), -1);
	CHECK_EQ("syscall error sets errno", errno, EBADF);
	int p[2];
	CHECK_EQ("pipe", pipe(p), 0);
	CHECK_EQ("syscall(SYS_write) 3 args", syscall(SYS_write, p[1], "abc", 3), 3);
	char buf[8] = {0};
	CHECK_EQ("read back", read(p[0], buf, 8), 3);
	CHECK("bytes", memcmp(buf, "abc", 3) == 0);
	/* Six arguments: a futex wake (uaddr, op, n, timeout, uaddr2, val3)
	 * wakes nobody. */
	int word = 0;
	CHECK_EQ("syscall(SYS_futex) 6 args", syscall(SYS_futex, &word, 1 /* FUTEX_WAKE */, 1, 0, 0, 0), 0);
	CHECK_EQ("syscall(SYS_openat) 4 args: ENOENT",
		 syscall(SYS_openat, AT_FDCWD, "/nonexistent/x", O_RDONLY, 0), -1);
	CHECK_EQ("openat errno", errno, ENOENT);

	/* __xpg_strerror_r */
	char msg[64];
	CHECK_EQ("__xpg_strerror_r(ENOENT)", __xpg_strerror_r(ENOENT, msg, sizeof msg), 0);
	CHECK("message", strcmp(msg, "No such file or directory") == 0);
	CHECK_EQ("__xpg_strerror_r ERANGE", __xpg_strerror_r(ENOENT, msg, 4), ERANGE);
	CHECK("truncated", strcmp(msg, "No ") == 0);

	/* statx */
	struct statx sx;
	struct stat st;
	CHECK_EQ("statx(/)", statx(AT_FDCWD, "/", 0, STATX_BASIC_STATS, &sx), 0);
	CHECK_EQ("stat(/)", stat("/", &st), 0);
	CHECK("mask has the basic stats", (sx.stx_mask & STATX_BASIC_STATS) == STATX_BASIC_STATS);
	CHECK_EQ("stx_ino", sx.stx_ino, st.st_ino);
	CHECK_EQ("stx_mode", sx.stx_mode, st.st_mode);
	CHECK_EQ("stx_nlink", sx.stx_nlink, st.st_nlink);
	CHECK_EQ("stx_mtime", sx.stx_mtime.tv_sec, st.st_mtim.tv_sec);
	CHECK_EQ("sizeof(struct statx)", sizeof(struct statx), 256);
	errno = 0;
	CHECK_EQ("statx ENOENT", statx(AT_FDCWD, "/nonexistent", 0, STATX_ALL, &sx), -1);
	CHECK_EQ("statx errno", errno, ENOENT);
	CHECK_EQ("statx(fd, \"\", AT_EMPTY_PATH)",
		 statx(p[0], "", AT_EMPTY_PATH, STATX_TYPE, &sx), 0);
	CHECK("a pipe is a FIFO", S_ISFIFO(sx.stx_mode));

	/* dl_iterate_phdr */
	struct seen s = {0};
	CHECK_EQ("dl_iterate_phdr returns the callback's value", dl_iterate_phdr(callback, &s), 7);
	CHECK_EQ("one object", s.calls, 1);
	CHECK("its name is \"\"", s.name && s.name[0] == 0);
	CHECK("size covers the record", s.size >= sizeof(struct dl_phdr_info));
	CHECK("a PT_LOAD holds the program's code", s.has_load && s.phdr_has_main);
	CHECK("PT_TLS found", s.has_tls);
	CHECK("dlpi_tls_data is this thread's TLS block", s.tls_inside);

	/* dlfcn */
	CHECK("dlerror: nothing yet", dlerror() == 0);
	CHECK("dlsym(RTLD_DEFAULT) finds nothing", dlsym(RTLD_DEFAULT, "getpid") == 0);
	char *e = dlerror();
	CHECK("dlerror says why", e && strlen(e) > 0);
	CHECK("dlerror: then NULL", dlerror() == 0);
	CHECK("dlopen fails", dlopen("libm.so.6", RTLD_NOW) == 0);
	CHECK("dlerror after dlopen", dlerror() != 0);
	CHECK("dlclose fails", dlclose((void *)1) != 0);
	return check_failed;
}
