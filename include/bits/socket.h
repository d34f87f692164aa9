/* <sys/socket.h>'s options whose numbers differ between arches: the
 * kernel's generic ones (powerpc64le has its own in arch/). On the 32-bit
 * arches (i386, arm) time_t is 64-bit, so the timeouts and timestamps are
 * the kernel's 64-bit-time options (SO_RCVTIMEO_NEW ...), not its 32-bit
 * ones. */
#ifndef _MUSLIN_BITS_SOCKET_H
#define _MUSLIN_BITS_SOCKET_H

#define SO_PASSCRED 16
#define SO_PEERCRED 17
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#if __SIZEOF_LONG__ == 4
#define SO_RCVTIMEO 66
#define SO_SNDTIMEO 67
#define SO_TIMESTAMP 63
#define SO_TIMESTAMPNS 64
#define SO_TIMESTAMPING 65
#else
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_TIMESTAMP 29
#define SO_TIMESTAMPNS 35
#define SO_TIMESTAMPING 37
#endif
#define SCM_TIMESTAMP SO_TIMESTAMP
#define SCM_TIMESTAMPNS SO_TIMESTAMPNS
#define SCM_TIMESTAMPING SO_TIMESTAMPING

#endif
