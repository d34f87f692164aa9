#ifndef _UNISTD_H
#define _UNISTD_H

#include <bits/alltypes.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

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
/* buf must not be NULL (muslin has no allocator yet): EINVAL. */
char *getcwd(char *buf, size_t size);
pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
_Noreturn void _exit(int status);

#endif
