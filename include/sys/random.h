#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <bits/alltypes.h>

#define GRND_NONBLOCK 1
#define GRND_RANDOM 2
#define GRND_INSECURE 4

ssize_t getrandom(void *buf, size_t n, unsigned flags);

#endif
