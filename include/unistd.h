#ifndef _UNISTD_H
#define _UNISTD_H

#include <bits/alltypes.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define _SC_CLK_TCK 2
#define _SC_OPEN_MAX 4
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_NPROCESSORS_CONF 83
#define _SC_NPROCESSORS_ONLN 84

ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
int close(int fd);
off_t lseek(int fd, off_t offset, int whence);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
int dup(int fd);
int dup2(int oldfd, int newfd);
int unlink(const char *path);
int rmdir(const char *path);
/* flags: AT_REMOVEDIR. */
int unlinkat(int dirfd, const char *path, int flags);

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4
int access(const char *path, int mode);
/* flags: AT_EACCESS, AT_SYMLINK_NOFOLLOW (Linux 5.8 and later). */
int faccessat(int dirfd, const char *path, int mode, int flags);
int chdir(const char *path);
int fchdir(int fd);
int chown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
/* Does not follow a symbolic link old (as glibc). */
int link(const char *old, const char *new);
int linkat(int olddirfd, const char *old, int newdirfd, const char *new, int flags);
int symlink(const char *target, const char *path);
int symlinkat(const char *target, int dirfd, const char *path);
ssize_t readlink(const char *__restrict path, char *__restrict buf, size_t len);
ssize_t readlinkat(int dirfd, const char *__restrict path, char *__restrict buf, size_t len);
int truncate(const char *path, off_t len);
int ftruncate(int fd, off_t len);
void sync(void);
int fsync(int fd);
int fdatasync(int fd);
/* buf must not be NULL (muslin has no allocator yet): EINVAL. */
char *getcwd(char *buf, size_t size);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
_Noreturn void _exit(int status);

/* 1 for a terminal, else 0 with errno ENOTTY or EBADF. */
int isatty(int fd);
/* The terminal's path (from /proc/self/fd); ttyname's is static. */
char *ttyname(int fd);
/* ERANGE when len is too small. */
int ttyname_r(int fd, char *buf, size_t len);
/* At most 256 bytes, else EIO. */
int getentropy(void *buf, size_t len);
/* The names above; anything else is -1 with EINVAL. */
long sysconf(int name);

#endif
