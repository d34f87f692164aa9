#ifndef _SEMAPHORE_H
#define _SEMAPHORE_H

#include <bits/alltypes.h>

/* Unnamed semaphores (sem_init) and named ones (sem_open). Opaque; must not be copied or moved once initialised.
 * Unlike the pthread functions, these set errno and return -1 on failure.
 * sem_wait and sem_timedwait are cancellation points. */
typedef struct { int __val[4]; } sem_t;

#define SEM_VALUE_MAX 0x7fffffff
#define SEM_FAILED ((sem_t *)0)

int sem_init(sem_t *sem, int pshared, unsigned value);
int sem_destroy(sem_t *sem);
int sem_post(sem_t *sem);
int sem_wait(sem_t *sem);
int sem_trywait(sem_t *sem);
int sem_timedwait(sem_t *__restrict sem, const struct timespec *__restrict abstime);
int sem_getvalue(sem_t *__restrict sem, int *__restrict value);

/* Named semaphores: "/NAME" is the file /dev/shm/sem.NAME. sem_open takes
 * (mode_t mode, unsigned value) after oflag when it has O_CREAT; the
 * same address comes back for each open of one semaphore until it is
 * closed as often. At most 256 open at once (EMFILE). */
sem_t *sem_open(const char *name, int oflag, ...);
int sem_close(sem_t *sem);
int sem_unlink(const char *name);

#endif
