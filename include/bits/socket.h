/* <sys/socket.h>'s options whose numbers differ between arches: the
 * kernel's generic ones (powerpc64le, i386 and arm have their own in arch/). */
#ifndef _MUSLIN_BITS_SOCKET_H
#define _MUSLIN_BITS_SOCKET_H

#define SO_PASSCRED 16
#define SO_PEERCRED 17
#define SO_RCVLOWAT 18
#define SO_SNDLOWAT 19
#define SO_RCVTIMEO 20
#define SO_SNDTIMEO 21
#define SO_TIMESTAMP 29
#define SO_TIMESTAMPNS 35
#define SO_TIMESTAMPING 37
#define SCM_TIMESTAMP SO_TIMESTAMP
#define SCM_TIMESTAMPNS SO_TIMESTAMPNS
#define SCM_TIMESTAMPING SO_TIMESTAMPING

#endif
