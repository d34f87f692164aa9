#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

/* The request numbers: per arch (powerpc64le's differ). */
#include <bits/ioctl.h>

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

/* The third argument, if any, is passed on as one word. */
int ioctl(int fd, unsigned long request, ...);

#endif
