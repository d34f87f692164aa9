#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <bits/alltypes.h>

/* Unnamed semaphores. Opaque; must not be copied or moved once initialised.
 * Unlike the pthread functions, these set errno and return -1 on failure.
 * sem_wait and sem_timedwait are cancellation points. */
typedef struct { int __val[4]; } sem_t;

#define SEM_VALUE_MAX 0x7fffffff

int sem_init(sem_t *sem, int pshared, unsigned value);
int sem_destroy(sem_t *sem);
int sem_post(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *__restrict sem, const struct timespec *__restrict abstime);
int sem_getvalue(sem_t *__restrict sem, int *__restrict value);

#endif
