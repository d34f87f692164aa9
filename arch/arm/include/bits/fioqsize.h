/* <bits/ioctl.h>'s FIOQSIZE for arm: the kernel's. */
#ifndef _MUSLIN_BITS_FIOQSIZE_H
#define _MUSLIN_BITS_FIOQSIZE_H

#define FIOQSIZE 0x545e

#endif
