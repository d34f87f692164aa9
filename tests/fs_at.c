/* Files and directories: the *at family and the classic forms, mkstemp &
 * co., realpath, statvfs, sync. Works in a fresh directory from mkdtemp. */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#define CHECK_ERR(name, call, err)                                             \
	do {                                                                   \
		errno = 0;                                                     \
		long r_ = (long)(call);                                        \
		int e_ = errno;                                                \
		check(name, r_ == -1 && e_ == (err), #call " != -1/" #err);   \
		if (r_ != -1 || e_ != (err)) {                                 \
			put("  got ");                                         \
			put_num(r_);                                           \
			put(" errno ");                                        \
			put_num(e_);                                           \
			put("\n");                                             \
		}                                                              \
	} while (0)

static mode_t mode_of(const char *p, int follow)
{
	struct stat st;
	if ((follow ? stat(p, &st) : lstat(p, &st)) != 0)
		return 0;
	return st.st_mode;
}

int main(void)
{
	char dir[] = "/tmp/muslin_fsXXXXXX";
	char bad[] = "/tmp/muslin_fsXXXXX";
	CHECK("mkdtemp", mkdtemp(dir) == dir && strstr(dir, "XXXXXX") == NULL);
	CHECK_EQ("mkdtemp mode", mode_of(dir, 1), S_IFDIR | 0700);
	errno = 0;
	CHECK("mkdtemp short X", mkdtemp(bad) == NULL && errno == EINVAL);
	CHECK("mkdtemp template restored", strcmp(bad, "/tmp/muslin_fsXXXXX") == 0);
	CHECK_EQ("chdir", chdir(dir), 0);
	char cwd[4096], real[4096], want[4096];
	CHECK("getcwd", getcwd(cwd, sizeof cwd) != NULL);
	CHECK("realpath of the temp dir", realpath(dir, real) == real && strcmp(real, cwd) == 0);

	/* mkstemp, mkstemps */
	char t1[] = "fXXXXXX", t2[] = "gXXXXXX.txt", t3[] = "hXXXXX", t4[] = "hXXXXXX.c";
	int fd = mkstemp(t1);
	CHECK("mkstemp", fd >= 0 && strcmp(t1, "fXXXXXX") != 0);
	CHECK_EQ("mkstemp mode", mode_of(t1, 1), S_IFREG | 0600);
	CHECK_EQ("mkstemp writable", write(fd, "hello", 5), 5);
	int fd2 = mkstemps(t2, 4);
	CHECK("mkstemps keeps the suffix", fd2 >= 0 && strcmp(t2 + 7, ".txt") == 0 &&
					       strcmp(t2, "gXXXXXX.txt") != 0);
	close(fd2);
	CHECK_ERR("mkstemp EINVAL", mkstemp(t3), EINVAL);
	CHECK_ERR("mkstemps wrong suffix", mkstemps(t4, 1), EINVAL);

	/* umask, creat */
	mode_t old = umask(022);
	CHECK_EQ("umask returns the old mask", umask(022), 022);
	int c = creat("c", 0666);
	CHECK("creat", c >= 0);
	CHECK_EQ("creat honours umask", mode_of("c", 1), S_IFREG | 0644);
	CHECK_EQ("creat is write-only", read(c, cwd, 1), -1);
	close(c);
	umask(old);

	/* mkdir, mkdirat */
	CHECK_EQ("mkdir", mkdir("d", 0755), 0);
	CHECK_ERR("mkdirat EEXIST", mkdirat(AT_FDCWD, "d", 0755), EEXIST);
	int dfd = open("d", O_RDONLY | O_DIRECTORY);
	CHECK("open dir", dfd >= 0);
	CHECK_EQ("mkdirat in dir", mkdirat(dfd, "sub", 0700), 0);
	CHECK_EQ("mkdirat made it", mode_of("d/sub", 1), S_IFDIR | 0700);
	CHECK_ERR("mkdir ENOENT", mkdir("nope/x", 0755), ENOENT);
	CHECK_ERR("mkdir ENOTDIR", mkdir("c/x", 0755), ENOTDIR);

	/* symlink, readlink, lstat, fstatat */
	char lb[64];
	CHECK_EQ("symlink", symlink("c", "lnk"), 0);
	CHECK_EQ("readlink length", readlink("lnk", lb, sizeof lb), 1);
	CHECK("readlink content", lb[0] == 'c');
	CHECK_EQ("readlink truncates", readlink("lnk", lb, 1), 1);
	CHECK_ERR("readlink not a link", readlink("c", lb, sizeof lb), EINVAL);
	CHECK_ERR("readlink ENOENT", readlink("nope", lb, sizeof lb), ENOENT);
	CHECK_EQ("symlinkat", symlinkat("../c", dfd, "up"), 0);
	CHECK_EQ("readlinkat", readlinkat(dfd, "up", lb, sizeof lb), 4);
	CHECK("readlinkat content", memcmp(lb, "../c", 4) == 0);
	CHECK("lstat sees the link", S_ISLNK(mode_of("lnk", 0)));
	CHECK("stat follows it", S_ISREG(mode_of("lnk", 1)));
	struct stat st, st2;
	CHECK("fstatat NOFOLLOW", fstatat(AT_FDCWD, "lnk", &st, AT_SYMLINK_NOFOLLOW) == 0 &&
					  S_ISLNK(st.st_mode) && st.st_size == 1);
	CHECK("fstatat in dir follows", fstatat(dfd, "up", &st, 0) == 0 && S_ISREG(st.st_mode));
	CHECK("fstatat AT_EMPTY_PATH", fstatat(fd, "", &st, AT_EMPTY_PATH) == 0 && st.st_size == 5);
	CHECK_ERR("fstatat EBADF", fstatat(-1, "x", &st, 0), EBADF);
	CHECK_ERR("symlink EEXIST", symlink("c", "lnk"), EEXIST);
	CHECK_EQ("symlink loop", symlink("loop", "loop"), 0);
	CHECK_ERR("stat ELOOP", stat("loop", &st), ELOOP);
	CHECK_ERR("stat empty path", stat("", &st), ENOENT);
	CHECK_ERR("open through a file", open("c/x", O_RDONLY), ENOTDIR);

	/* link, linkat */
	CHECK_EQ("link", link("c", "c2"), 0);
	CHECK("link count", stat("c", &st) == 0 && st.st_nlink == 2);
	CHECK("link same inode", stat("c2", &st2) == 0 && st.st_ino == st2.st_ino);
	CHECK_EQ("link does not follow", link("lnk", "lnk2"), 0);
	CHECK("link of a link is a link", S_ISLNK(mode_of("lnk2", 0)));
	CHECK_EQ("linkat AT_SYMLINK_FOLLOW", linkat(AT_FDCWD, "lnk", dfd, "hard", AT_SYMLINK_FOLLOW), 0);
	CHECK("linkat followed", lstat("d/hard", &st2) == 0 && S_ISREG(st2.st_mode) &&
					 st2.st_ino == st.st_ino);
	CHECK_ERR("link EEXIST", link("c", "c2"), EEXIST);

	/* rename family */
	CHECK_EQ("renameat", renameat(AT_FDCWD, "c2", dfd, "moved"), 0);
	CHECK("renameat moved it", access("c2", F_OK) == -1 && access("d/moved", F_OK) == 0);
	CHECK_ERR("renameat2 NOREPLACE", renameat2(dfd, "moved", AT_FDCWD, "c", RENAME_NOREPLACE), EEXIST);
	CHECK_EQ("rename", rename("d/moved", "m2"), 0);
	CHECK_ERR("rename ENOENT", rename("nope", "x"), ENOENT);

	/* unlinkat, rmdir, remove */
	CHECK_ERR("unlinkat a dir without AT_REMOVEDIR", unlinkat(AT_FDCWD, "d", 0), EISDIR);
	CHECK_ERR("rmdir not empty", rmdir("d"), ENOTEMPTY);
	CHECK_ERR("rmdir a file", rmdir("c"), ENOTDIR);
	CHECK_EQ("unlinkat", unlinkat(AT_FDCWD, "m2", 0), 0);
	CHECK_EQ("unlinkat AT_REMOVEDIR", unlinkat(dfd, "sub", AT_REMOVEDIR), 0);
	CHECK_ERR("unlinkat EBADF", unlinkat(-1, "x", 0), EBADF);
	CHECK_EQ("remove a file", remove("lnk2"), 0);

	/* access, faccessat */
	CHECK_EQ("access R_OK", access("c", R_OK), 0);
	CHECK_EQ("access F_OK", access(".", F_OK | X_OK), 0);
	CHECK_ERR("access ENOENT", access("nope", F_OK), ENOENT);
	CHECK_EQ("faccessat AT_EACCESS", faccessat(AT_FDCWD, "c", R_OK | W_OK, AT_EACCESS), 0);
	CHECK_EQ("faccessat in dir", faccessat(dfd, "up", F_OK, 0), 0);
	CHECK_ERR("faccessat dangling NOFOLLOW", faccessat(AT_FDCWD, "nope", F_OK, AT_SYMLINK_NOFOLLOW), ENOENT);
	CHECK_EQ("faccessat link itself", faccessat(AT_FDCWD, "loop", F_OK, AT_SYMLINK_NOFOLLOW), 0);

	/* chmod family */
	CHECK_EQ("chmod", chmod("c", 0640), 0);
	CHECK_EQ("chmod result", mode_of("c", 1), S_IFREG | 0640);
	CHECK_EQ("chmod through a link", chmod("lnk", 0600), 0);
	CHECK_EQ("chmod reached the file", mode_of("c", 1), S_IFREG | 0600);
	CHECK_EQ("fchmod", fchmod(fd, 0604), 0);
	CHECK_EQ("fchmod result", mode_of(t1, 1), S_IFREG | 0604);
	CHECK_EQ("fchmodat", fchmodat(dfd, "hard", 0644, 0), 0);
	CHECK_EQ("fchmodat result", mode_of("c", 1), S_IFREG | 0644);
	CHECK_EQ("fchmodat NOFOLLOW on a file", fchmodat(AT_FDCWD, "c", 0600, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_ERR("fchmodat NOFOLLOW on a link", fchmodat(AT_FDCWD, "lnk", 0600, AT_SYMLINK_NOFOLLOW), EOPNOTSUPP);
	CHECK_ERR("fchmod EBADF", fchmod(-1, 0600), EBADF);

	/* chown family: to the owner it has */
	CHECK("stat for owner", stat("c", &st) == 0);
	CHECK_EQ("chown", chown("c", st.st_uid, st.st_gid), 0);
	CHECK_EQ("chown -1", chown("c", (uid_t)-1, (gid_t)-1), 0);
	CHECK_EQ("lchown", lchown("lnk", st.st_uid, (gid_t)-1), 0);
	CHECK_EQ("fchown", fchown(fd, (uid_t)-1, st.st_gid), 0);
	CHECK_EQ("fchownat NOFOLLOW", fchownat(AT_FDCWD, "loop", st.st_uid, st.st_gid, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_ERR("chown ENOENT", chown("nope", 0, 0), ENOENT);
	CHECK_ERR("chown ELOOP", chown("loop", (uid_t)-1, (gid_t)-1), ELOOP);

	/* truncate, ftruncate */
	CHECK_EQ("truncate", truncate("c", 100), 0);
	CHECK("truncate size", stat("c", &st) == 0 && st.st_size == 100);
	CHECK_EQ("ftruncate", ftruncate(fd, 3), 0);
	CHECK("ftruncate size", fstat(fd, &st) == 0 && st.st_size == 3);
	CHECK_ERR("truncate negative", truncate("c", -1), EINVAL);
	CHECK_ERR("ftruncate EBADF", ftruncate(-1, 0), EBADF);
	CHECK_ERR("truncate a dir", truncate("d", 0), EISDIR);

	/* utimensat, futimens */
	struct timespec ts[2] = { { 1000000000, 5000 }, { 1234567890, 0 } };
	CHECK_EQ("utimensat", utimensat(AT_FDCWD, "c", ts, 0), 0);
	CHECK("utimensat times", stat("c", &st) == 0 && st.st_atim.tv_sec == 1000000000 &&
					 st.st_mtim.tv_sec == 1234567890);
	ts[0].tv_nsec = UTIME_OMIT;
	ts[1].tv_sec = 2000000000;
	CHECK_EQ("utimensat UTIME_OMIT", utimensat(AT_FDCWD, "c", ts, 0), 0);
	CHECK("UTIME_OMIT kept atime", stat("c", &st) == 0 && st.st_atim.tv_sec == 1000000000 &&
					   st.st_mtim.tv_sec == 2000000000);
	ts[0].tv_nsec = 1000000000;
	CHECK_ERR("utimensat bad nsec", utimensat(AT_FDCWD, "c", ts, 0), EINVAL);
	CHECK_ERR("utimensat NULL path", utimensat(AT_FDCWD, NULL, NULL, 0), EINVAL);
	ts[0].tv_sec = 3000000000LL; /* past 2038 */
	ts[0].tv_nsec = 0;
	CHECK_EQ("utimensat past 2038", utimensat(AT_FDCWD, "c", ts, AT_SYMLINK_NOFOLLOW), 0);
	CHECK("past 2038 read back", stat("c", &st) == 0 && st.st_atim.tv_sec == 3000000000LL);
	CHECK_EQ("futimens now", futimens(fd, NULL), 0);
	CHECK("futimens now is recent", fstat(fd, &st) == 0 && st.st_mtim.tv_sec > 1700000000);
	CHECK_ERR("futimens EBADF", futimens(-1, NULL), EBADF);

	/* mknod, mkfifo */
	CHECK_EQ("mkfifo", mkfifo("ff", 0600), 0);
	CHECK_EQ("mkfifo type", mode_of("ff", 1), S_IFIFO | 0600);
	CHECK_EQ("mkfifoat", mkfifoat(dfd, "ff", 0644), 0);
	CHECK("mkfifoat type", S_ISFIFO(mode_of("d/ff", 1)));
	CHECK_EQ("mknod fifo", mknod("nod", S_IFIFO | 0600, 0), 0);
	CHECK_EQ("mknodat regular", mknodat(dfd, "reg", S_IFREG | 0600, 0), 0);
	CHECK("mknodat regular type", S_ISREG(mode_of("d/reg", 1)));
	CHECK_ERR("mknod dev too big", mknod("big", S_IFCHR | 0600, makedev(0x1000, 0)), EINVAL);
	CHECK_ERR("mkfifo EEXIST", mkfifo("ff", 0600), EEXIST);

	/* realpath */
	CHECK_EQ("symlink to a dir", symlink("d", "ld"), 0);
	snprintf(want, sizeof want, "%s/c", cwd);
	CHECK("realpath ..", realpath("d/../c", real) && strcmp(real, want) == 0);
	CHECK("realpath link/..", realpath("ld/../c", real) && strcmp(real, want) == 0);
	CHECK("realpath link to file", realpath("./lnk", real) && strcmp(real, want) == 0);
	CHECK("realpath link in dir", realpath("d//up", real) && strcmp(real, want) == 0);
	snprintf(want, sizeof want, "%s/d", cwd);
	CHECK("realpath dir link/", realpath("ld/", real) && strcmp(real, want) == 0);
	char abs[4200];
	snprintf(abs, sizeof abs, "%s/d", cwd);
	CHECK_EQ("symlink absolute", symlink(abs, "abs"), 0);
	CHECK("realpath absolute link", realpath("abs/./", real) && strcmp(real, want) == 0);
	char *m = realpath(".", NULL);
	CHECK("realpath malloc", m && strcmp(m, cwd) == 0);
	free(m);
	CHECK("realpath /", realpath("/..//.", real) && strcmp(real, "/") == 0);
	CHECK_ERR("realpath ENOENT", realpath("nope", real) ? 0 : -1, ENOENT);
	CHECK_ERR("realpath ENOENT in dir", realpath("d/nope/..", real) ? 0 : -1, ENOENT);
	CHECK_ERR("realpath ENOTDIR", realpath("c/", real) ? 0 : -1, ENOTDIR);
	CHECK_ERR("realpath file/..", realpath("c/..", real) ? 0 : -1, ENOTDIR);
	CHECK_ERR("realpath ELOOP", realpath("loop", real) ? 0 : -1, ELOOP);
	CHECK_ERR("realpath empty", realpath("", real) ? 0 : -1, ENOENT);
	CHECK_ERR("realpath NULL", realpath(NULL, real) ? 0 : -1, EINVAL);

	/* statvfs */
	struct statvfs sv, sv2;
	CHECK_EQ("statvfs", statvfs(".", &sv), 0);
	CHECK("statvfs sane", sv.f_bsize > 0 && sv.f_frsize > 0 && sv.f_blocks >= sv.f_bfree &&
				      sv.f_bfree >= sv.f_bavail && sv.f_namemax >= 255);
	CHECK_EQ("fstatvfs", fstatvfs(dfd, &sv2), 0);
	CHECK("fstatvfs same fs", sv2.f_blocks == sv.f_blocks && sv2.f_fsid == sv.f_fsid &&
					  sv2.f_bsize == sv.f_bsize);
	CHECK("statvfs not read-only", !(sv.f_flag & ST_RDONLY));
	CHECK_ERR("statvfs ENOENT", statvfs("nope", &sv), ENOENT);
	CHECK_ERR("fstatvfs EBADF", fstatvfs(-1, &sv), EBADF);

	/* sync */
	sync();
	CHECK_EQ("fsync", fsync(fd), 0);
	CHECK_EQ("fdatasync", fdatasync(fd), 0);
	CHECK_ERR("fsync EBADF", fsync(-1), EBADF);

	/* chdir, fchdir */
	CHECK_EQ("fchdir", fchdir(dfd), 0);
	CHECK("fchdir moved", access("reg", F_OK) == 0);
	CHECK_EQ("chdir ..", chdir(".."), 0);
	CHECK_ERR("chdir ENOTDIR", chdir("c"), ENOTDIR);
	CHECK_ERR("fchdir EBADF", fchdir(-1), EBADF);

	/* clean up */
	close(fd);
	close(dfd);
	const char *files[] = { "d/up", "d/hard", "d/ff", "d/reg", "c", "lnk", "loop", "ff", "nod",
				"ld", "abs", t1, t2 };
	int okc = 1;
	for (unsigned i = 0; i < sizeof files / sizeof files[0]; i++)
		okc &= unlink(files[i]) == 0;
	CHECK("unlink everything", okc);
	CHECK_EQ("rmdir d", rmdir("d"), 0);
	CHECK_EQ("chdir /", chdir("/"), 0);
	CHECK_EQ("rmdir temp dir", rmdir(dir), 0);
	return check_failed;
}
