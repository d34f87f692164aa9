#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <bits/alltypes.h>
#include <signal.h>

#define FD_SETSIZE 1024

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(long))];
} fd_set;

#define __FD_WORD(d) ((unsigned)(d) / (8 * sizeof(long)))
#define __FD_BIT(d) (1UL << ((unsigned)(d) % (8 * sizeof(long))))
#define FD_ZERO(s) __builtin_memset((s), 0, sizeof(fd_set))
#define FD_SET(d, s) ((void)((s)->fds_bits[__FD_WORD(d)] |= __FD_BIT(d)))
#define FD_CLR(d, s) ((void)((s)->fds_bits[__FD_WORD(d)] &= ~__FD_BIT(d)))
#define FD_ISSET(d, s) (((s)->fds_bits[__FD_WORD(d)] & __FD_BIT(d)) != 0)

/* Cancellation points. select writes the time left into *timeout (as
 * Linux); a mask never blocks muslin's reserved signals. */
int select(int n, fd_set *__restrict r, fd_set *__restrict w, fd_set *__restrict e,
	   struct timeval *__restrict timeout);
int pselect(int n, fd_set *__restrict r, fd_set *__restrict w, fd_set *__restrict e,
	    const struct timespec *__restrict timeout, const sigset_t *__restrict mask);

#endif
