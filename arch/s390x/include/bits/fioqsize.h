/* <bits/ioctl.h>'s FIOQSIZE for s390x: the kernel's. */
#ifndef _MUSLIN_BITS_FIOQSIZE_H
#define _MUSLIN_BITS_FIOQSIZE_H

#define FIOQSIZE 0x545e

#endif
