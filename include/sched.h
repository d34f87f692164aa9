#ifndef _SCHED_H
#define _SCHED_H

#include <bits/alltypes.h>

#define SCHED_OTHER 0
#define SCHED_FIFO 1
#define SCHED_RR 2
#define SCHED_BATCH 3
#define SCHED_IDLE 5
#define SCHED_RESET_ON_FORK 0x40000000

struct sched_param {
	int sched_priority;
};

/* These act on one thread (pid 0: the caller), as Linux's calls do;
 * sched_setscheduler returns 0, not the former policy (as glibc). */
int sched_setscheduler(pid_t pid, int policy, const struct sched_param *param);
int sched_getscheduler(pid_t pid);
int sched_setparam(pid_t pid, const struct sched_param *param);
int sched_getparam(pid_t pid, struct sched_param *param);
int sched_get_priority_max(int policy);
int sched_get_priority_min(int policy);
int sched_rr_get_interval(pid_t pid, struct timespec *ts);
int sched_yield(void);

/* CPU sets: bit n of word n / (8 * sizeof(long)) is CPU n, as the kernel
 * reads them. */
#define CPU_SETSIZE 1024
typedef struct {
	unsigned long __bits[CPU_SETSIZE / (8 * sizeof(long))];
} cpu_set_t;

int sched_getaffinity(pid_t pid, size_t size, cpu_set_t *set);
int sched_setaffinity(pid_t pid, size_t size, const cpu_set_t *set);
int __sched_cpucount(size_t size, const cpu_set_t *set);
cpu_set_t *__sched_cpualloc(size_t count);
void __sched_cpufree(cpu_set_t *set);

#define __CPU_W (8 * sizeof(unsigned long))
#define __CPU_OP_S(i, size, set, op)                                           \
	((size_t)(i) / 8 < (size_t)(size)                                      \
		 ? (((unsigned long *)(set))[(size_t)(i) / __CPU_W] op         \
		    (1UL << ((size_t)(i) % __CPU_W)))                          \
		 : 0)
#define CPU_SET_S(i, size, set) ((void)__CPU_OP_S(i, size, set, |=))
#define CPU_CLR_S(i, size, set) ((void)__CPU_OP_S(i, size, set, &= ~))
#define CPU_ISSET_S(i, size, set) (__CPU_OP_S(i, size, set, &) != 0)
#define CPU_ZERO_S(size, set) ((void)__builtin_memset(set, 0, size))
#define CPU_COUNT_S(size, set) __sched_cpucount(size, set)
#define CPU_EQUAL_S(size, a, b) (__builtin_memcmp(a, b, size) == 0)
#define __CPU_BIN_S(size, d, a, b, op)                                         \
	do {                                                                   \
		size_t __n = (size) / sizeof(unsigned long), __k;              \
		for (__k = 0; __k < __n; __k++)                                \
			((unsigned long *)(d))[__k] =                          \
				((const unsigned long *)(a))[__k] op            \
				((const unsigned long *)(b))[__k];              \
	} while (0)
#define CPU_AND_S(size, d, a, b) __CPU_BIN_S(size, d, a, b, &)
#define CPU_OR_S(size, d, a, b) __CPU_BIN_S(size, d, a, b, |)
#define CPU_XOR_S(size, d, a, b) __CPU_BIN_S(size, d, a, b, ^)

#define CPU_SET(i, set) CPU_SET_S(i, sizeof(cpu_set_t), set)
#define CPU_CLR(i, set) CPU_CLR_S(i, sizeof(cpu_set_t), set)
#define CPU_ISSET(i, set) CPU_ISSET_S(i, sizeof(cpu_set_t), set)
#define CPU_ZERO(set) CPU_ZERO_S(sizeof(cpu_set_t), set)
#define CPU_COUNT(set) CPU_COUNT_S(sizeof(cpu_set_t), set)
#define CPU_EQUAL(a, b) CPU_EQUAL_S(sizeof(cpu_set_t), a, b)
#define CPU_AND(d, a, b) CPU_AND_S(sizeof(cpu_set_t), d, a, b)
#define CPU_OR(d, a, b) CPU_OR_S(sizeof(cpu_set_t), d, a, b)
#define CPU_XOR(d, a, b) CPU_XOR_S(sizeof(cpu_set_t), d, a, b)

/* Sets for more than CPU_SETSIZE CPUs: CPU_ALLOC(n) gives a zeroed set of
 * CPU_ALLOC_SIZE(n) bytes, or NULL. */
#define CPU_ALLOC_SIZE(n) ((((size_t)(n) + __CPU_W - 1) / __CPU_W) * sizeof(unsigned long))
#define CPU_ALLOC(n) __sched_cpualloc(n)
#define CPU_FREE(set) __sched_cpufree(set)

#endif
