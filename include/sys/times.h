#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <bits/alltypes.h>

struct tms {
	clock_t tms_utime;
	clock_t tms_stime;
	clock_t tms_cutime;
	clock_t tms_cstime;
};

/* Clock ticks (sysconf(_SC_CLK_TCK) a second) since an arbitrary point. */
clock_t times(struct tms *buf);

#endif
