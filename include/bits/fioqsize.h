/* <bits/ioctl.h>'s FIOQSIZE: the kernel's generic number (arm and s390x have
 * their own in arch/). */
#ifndef _MUSLIN_BITS_FIOQSIZE_H
#define _MUSLIN_BITS_FIOQSIZE_H

#define FIOQSIZE 0x5460

#endif
