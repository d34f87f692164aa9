#ifndef _STDLIB_H
#define _STDLIB_H

#include <bits/alltypes.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);
int atexit(void (*fn)(void));
char *getenv(const char *name);

extern char **environ;

#endif
