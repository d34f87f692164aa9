/* The basic types every muslin header shares. 64-bit time_t and off_t on
 * every architecture. */
#ifndef _MUSLIN_BITS_ALLTYPES_H
#define _MUSLIN_BITS_ALLTYPES_H

#include <stddef.h>

typedef long ssize_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
typedef unsigned int nlink_t;
typedef unsigned int useconds_t;
typedef unsigned long long dev_t;
typedef unsigned long long ino_t;
typedef long long off_t;
typedef long long time_t;
typedef long long blksize_t;
typedef long long blkcnt_t;
typedef int clockid_t;
typedef long clock_t;
typedef unsigned int id_t;
typedef long long suseconds_t;
typedef void *timer_t;

/* 16 bytes everywhere: on 32-bit arches a zero pad word follows tv_nsec, so
 * the layout is the kernel's 64-bit timespec (all are little-endian there). */
struct timespec {
	time_t tv_sec;
	long tv_nsec;
#if __SIZEOF_LONG__ == 4
	long __pad;
#endif
};

/* 16 bytes everywhere (64-bit seconds and microseconds). */
struct timeval {
	time_t tv_sec;
	suseconds_t tv_usec;
};

#endif
