/* <sys/socket.h>'s options whose numbers differ between arches: powerpc's
 * numbering of the credential, low-water and timeout options. */
#ifndef _MUSLIN_BITS_SOCKET_H
#define _MUSLIN_BITS_SOCKET_H

#define SO_PASSCRED 20
#define SO_PEERCRED 21
#define SO_RCVLOWAT 16
#define SO_SNDLOWAT 17
#define SO_RCVTIMEO 18
#define SO_SNDTIMEO 19
#define SO_TIMESTAMP 29
#define SO_TIMESTAMPNS 35
#define SO_TIMESTAMPING 37
#define SCM_TIMESTAMP SO_TIMESTAMP
#define SCM_TIMESTAMPNS SO_TIMESTAMPNS
#define SCM_TIMESTAMPING SO_TIMESTAMPING

#endif
