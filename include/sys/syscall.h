#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

/* The system call numbers, for syscall(2) (declared in <unistd.h>):
 * __NR_name and SYS_name, per arch. */
#include <bits/syscall.h>

#endif
