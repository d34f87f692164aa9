#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <bits/alltypes.h>

/* The same layout on every arch (filled from statx); the tail is room for
 * the kernel's statx record, which stat() lands here before rearranging. */
struct stat {
	dev_t st_dev;
	ino_t st_ino;
	mode_t st_mode;
	nlink_t st_nlink;
	uid_t st_uid;
	gid_t st_gid;
	dev_t st_rdev;
	off_t st_size;
	blksize_t st_blksize;
	blkcnt_t st_blocks;
	struct timespec st_atim;
	struct timespec st_mtim;
	struct timespec st_ctim;
	unsigned long long __reserved[18];
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT 0170000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFBLK 0060000
#define S_IFREG 0100000
#define S_IFIFO 0010000
#define S_IFLNK 0120000
#define S_IFSOCK 0140000
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m) (((m) & S_IFMT) == S_IFBLK)
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

#define S_ISUID 04000
#define S_ISGID 02000
#define S_ISVTX 01000
#define S_IRWXU 0700
#define S_IRUSR 0400
#define S_IWUSR 0200
#define S_IXUSR 0100
#define S_IRWXG 0070
#define S_IRGRP 0040
#define S_IWGRP 0020
#define S_IXGRP 0010
#define S_IRWXO 0007
#define S_IROTH 0004
#define S_IWOTH 0002
#define S_IXOTH 0001

/* In a tv_nsec given to utimensat or futimens. */
#define UTIME_NOW 0x3fffffff
#define UTIME_OMIT 0x3ffffffe

int stat(const char *__restrict path, struct stat *__restrict st);
int fstat(int fd, struct stat *st);
int mkdir(const char *path, mode_t mode);
int lstat(const char *__restrict path, struct stat *__restrict st);
/* flags: AT_SYMLINK_NOFOLLOW, AT_EMPTY_PATH, AT_NO_AUTOMOUNT. */
int fstatat(int dirfd, const char *__restrict path, struct stat *__restrict st, int flags);
int mkdirat(int dirfd, const char *path, mode_t mode);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
/* AT_SYMLINK_NOFOLLOW on a symbolic link: EOPNOTSUPP (Linux before 6.6
 * cannot change a link's mode; on 6.6 and later the kernel decides). */
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);
/* dev as makedev makes it; EINVAL when the kernel cannot hold it. */
int mknod(const char *path, mode_t mode, dev_t dev);
int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
int mkfifo(const char *path, mode_t mode);
int mkfifoat(int dirfd, const char *path, mode_t mode);
mode_t umask(mode_t mask);
/* times NULL: both now; path NULL: EINVAL. */
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);
int futimens(int fd, const struct timespec times[2]);

/* statx(2) (Linux): a struct of the same layout on every arch. */
struct statx_timestamp {
	__INT64_TYPE__ tv_sec;
	__UINT32_TYPE__ tv_nsec;
	__INT32_TYPE__ __reserved;
};
struct statx {
	__UINT32_TYPE__ stx_mask;
	__UINT32_TYPE__ stx_blksize;
	__UINT64_TYPE__ stx_attributes;
	__UINT32_TYPE__ stx_nlink;
	__UINT32_TYPE__ stx_uid;
	__UINT32_TYPE__ stx_gid;
	__UINT16_TYPE__ stx_mode;
	__UINT16_TYPE__ __spare0[1];
	__UINT64_TYPE__ stx_ino;
	__UINT64_TYPE__ stx_size;
	__UINT64_TYPE__ stx_blocks;
	__UINT64_TYPE__ stx_attributes_mask;
	struct statx_timestamp stx_atime;
	struct statx_timestamp stx_btime;
	struct statx_timestamp stx_ctime;
	struct statx_timestamp stx_mtime;
	__UINT32_TYPE__ stx_rdev_major;
	__UINT32_TYPE__ stx_rdev_minor;
	__UINT32_TYPE__ stx_dev_major;
	__UINT32_TYPE__ stx_dev_minor;
	__UINT64_TYPE__ stx_mnt_id;
	__UINT32_TYPE__ stx_dio_mem_align;
	__UINT32_TYPE__ stx_dio_offset_align;
	__UINT64_TYPE__ __spare3[12];
};
#define STATX_TYPE 0x1U
#define STATX_MODE 0x2U
#define STATX_NLINK 0x4U
#define STATX_UID 0x8U
#define STATX_GID 0x10U
#define STATX_ATIME 0x20U
#define STATX_MTIME 0x40U
#define STATX_CTIME 0x80U
#define STATX_INO 0x100U
#define STATX_SIZE 0x200U
#define STATX_BLOCKS 0x400U
#define STATX_BASIC_STATS 0x7ffU
#define STATX_BTIME 0x800U
#define STATX_MNT_ID 0x1000U
#define STATX_DIOALIGN 0x2000U
#define STATX_ALL 0xfffU
#define STATX_ATTR_COMPRESSED 0x4
#define STATX_ATTR_IMMUTABLE 0x10
#define STATX_ATTR_APPEND 0x20
#define STATX_ATTR_NODUMP 0x40
#define STATX_ATTR_ENCRYPTED 0x800
#define STATX_ATTR_AUTOMOUNT 0x1000
#define STATX_ATTR_MOUNT_ROOT 0x2000
#define STATX_ATTR_VERITY 0x100000
#define STATX_ATTR_DAX 0x200000
#define AT_STATX_SYNC_TYPE 0x6000
#define AT_STATX_SYNC_AS_STAT 0x0000
#define AT_STATX_FORCE_SYNC 0x2000
#define AT_STATX_DONT_SYNC 0x4000
int statx(int dirfd, const char *__restrict path, int flags, unsigned mask,
	  struct statx *__restrict buf);

#endif
