/* pread and pwrite (and their *64 names): at an offset, without moving the
 * file offset, including offsets past 4 GiB (split into two registers on
 * the 32-bit arches), and their errors. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"

int main(void)
{
	char path[] = "/tmp/muslin-pread-XXXXXX";
	int fd = mkstemp(path);
	CHECK("mkstemp", fd >= 0);
	unlink(path);
	CHECK_EQ("write", write(fd, "0123456789", 10), 10);
	CHECK_EQ("lseek to 3", lseek(fd, 3, SEEK_SET), 3);
	char buf[16] = {0};
	CHECK_EQ("pread 4 at 5", pread(fd, buf, 4, 5), 4);
	CHECK("pread bytes", memcmp(buf, "5678", 4) == 0);
	CHECK_EQ("offset unchanged by pread", lseek(fd, 0, SEEK_CUR), 3);
	CHECK_EQ("pwrite 2 at 8", pwrite(fd, "ab", 2, 8), 2);
	CHECK_EQ("offset unchanged by pwrite", lseek(fd, 0, SEEK_CUR), 3);
	CHECK_EQ("pread past the end is short", pread(fd, buf, 16, 6), 4);
	CHECK("pwrite landed", memcmp(buf, "67ab", 4) == 0);
	CHECK_EQ("pread at the end: 0", pread(fd, buf, 4, 10), 0);
	/* Past 4 GiB: a sparse file (the high word of the offset matters). */
	long long big = (5LL << 30) + 123;
	CHECK_EQ("pwrite64 at 5 GiB", pwrite64(fd, "HIGH", 4, big), 4);
	memset(buf, 0, sizeof buf);
	CHECK_EQ("pread64 at 5 GiB", pread64(fd, buf, 4, big), 4);
	CHECK("bytes at 5 GiB", memcmp(buf, "HIGH", 4) == 0);
	CHECK_EQ("pread at 1 GiB + 123: a hole reads as zeros", pread(fd, buf, 4, big - (4LL << 30)), 4);
	CHECK("zeros (not the low word's bytes)", buf[0] == 0 && buf[3] == 0);
	CHECK_EQ("size is 5 GiB + 127", lseek(fd, 0, SEEK_END), big + 4);
	errno = 0;
	CHECK_EQ("negative offset", pread(fd, buf, 1, -1), -1);
	CHECK_EQ("negative offset: EINVAL", errno, EINVAL);
	close(fd);
	errno = 0;
	CHECK_EQ("closed fd", pread(fd, buf, 1, 0), -1);
	CHECK_EQ("closed fd: EBADF", errno, EBADF);
	int p[2];
	CHECK_EQ("pipe", pipe(p), 0);
	errno = 0;
	CHECK_EQ("pwrite on a pipe", pwrite(p[1], "x", 1, 0), -1);
	CHECK_EQ("pwrite on a pipe: ESPIPE", errno, ESPIPE);
	return check_failed;
}
