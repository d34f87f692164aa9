#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

/* BSD-style system parameters and helper macros (as glibc's). */
#include <limits.h>

#define MAXSYMLINKS 20
#define MAXHOSTNAMELEN 64
#define MAXPATHLEN PATH_MAX
#define MAXNAMLEN NAME_MAX
#define NOFILE 256
#define NGROUPS NGROUPS_MAX
#define NCARGS 131072
#define CANBSIZE 255
#define HZ 100
#define NBBY 8
#define DEV_BSIZE 512
#define NODEV ((dev_t)-1)

#define setbit(a, i) (((unsigned char *)(a))[(i) / NBBY] |= 1 << ((i) % NBBY))
#define clrbit(a, i) (((unsigned char *)(a))[(i) / NBBY] &= ~(1 << ((i) % NBBY)))
#define isset(a, i) (((const unsigned char *)(a))[(i) / NBBY] & (1 << ((i) % NBBY)))
#define isclr(a, i) (!isset(a, i))

#define howmany(x, y) (((x) + ((y) - 1)) / (y))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define powerof2(x) ((((x) - 1) & (x)) == 0)

#ifndef MIN
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif

#endif
