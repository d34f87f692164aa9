#ifndef _STDLIB_H
#define _STDLIB_H

#include <bits/alltypes.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1

_Noreturn void exit(int status);
_Noreturn void _Exit(int status);
_Noreturn void abort(void);
/* Room for 32 handlers (then -1); handlers may register more while exit
 * runs them. */
int atexit(void (*fn)(void));
int at_quick_exit(void (*fn)(void));
/* The C++ runtime's hook for thread_local destructors: dtor(obj) runs when
 * the calling thread exits, newest first, before its pthread_key
 * destructors; for the thread calling exit, before the atexit handlers.
 * dso_symbol is unused (static programs unload nothing). -1: no memory. */
int __cxa_thread_atexit_impl(void (*dtor)(void *), void *obj, void *dso_symbol);
/* The at_quick_exit handlers, newest first, then _Exit: no atexit
 * handlers, destructors or stdio flushing. */
_Noreturn void quick_exit(int status);
/* The wait status of "/bin/sh -c cmd" (exit status 127 if the shell cannot
 * run); -1 with errno if no process could be made; cmd NULL: nonzero when
 * /bin/sh is executable. A cancellation point. */
int system(const char *cmd);

/* Reading the wait status system() returns (also in <sys/wait.h>). */
#ifndef WEXITSTATUS
#define WEXITSTATUS(s) (((s) & 0xff00) >> 8)
#define WTERMSIG(s) ((s) & 0x7f)
#define WSTOPSIG(s) WEXITSTATUS(s)
#define WIFEXITED(s) (WTERMSIG(s) == 0)
#define WIFSIGNALED(s) (WTERMSIG(s) != 0 && WTERMSIG(s) != 0x7f)
#define WIFSTOPPED(s) (((s) & 0xff) == 0x7f)
#endif
char *getenv(const char *name);
int setenv(const char *name, const char *value, int overwrite);
int unsetenv(const char *name);

void *malloc(size_t size);
void free(void *p);
void *calloc(size_t n, size_t size);
/* realloc(p, 0) returns a minimal chunk (maybe p itself), never NULL
 * unless out of memory. */
void *realloc(void *p, size_t size);
void *reallocarray(void *p, size_t n, size_t size);
void *aligned_alloc(size_t align, size_t size);
int posix_memalign(void **out, size_t align, size_t size);

#define RAND_MAX 2147483647

typedef struct { int quot, rem; } div_t;
typedef struct { long quot, rem; } ldiv_t;
typedef struct { long long quot, rem; } lldiv_t;

int atoi(const char *s);
long atol(const char *s);
long long atoll(const char *s);
/* Bases 0 and 2-36; out of range: clamped with ERANGE; a bad base: 0 with
 * EINVAL and *endptr = s. */
long strtol(const char *__restrict s, char **__restrict endptr, int base);
unsigned long strtoul(const char *__restrict s, char **__restrict endptr, int base);
long long strtoll(const char *__restrict s, char **__restrict endptr, int base);
unsigned long long strtoull(const char *__restrict s, char **__restrict endptr, int base);
/* Correctly rounded; decimal, hex (0x1.8p3), inf, infinity, nan, nan(...).
 * Overflow: +-HUGE_VAL with ERANGE; an inexact result below the smallest
 * normal number: ERANGE too (as glibc). */
double strtod(const char *__restrict s, char **__restrict endptr);
long double strtold(const char *__restrict s, char **__restrict endptr);
float strtof(const char *__restrict s, char **__restrict endptr);
double atof(const char *s);
void qsort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t n, size_t size,
	      int (*cmp)(const void *, const void *));
int abs(int x);
long labs(long x);
long long llabs(long long x);
div_t div(int a, int b);
ldiv_t ldiv(long a, long b);
lldiv_t lldiv(long long a, long long b);
int rand(void);
void srand(unsigned seed);

/* Multibyte characters are UTF-8 in every locale (see locale.h). */
#define MB_CUR_MAX ((size_t)4)
int mblen(const char *s, size_t n);
int mbtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n);
int wctomb(char *s, wchar_t wc);
size_t mbstowcs(wchar_t *__restrict dst, const char *__restrict src, size_t n);
size_t wcstombs(char *__restrict dst, const wchar_t *__restrict src, size_t n);

extern char **environ;

/* The last six characters (before suffixlen more) must be XXXXXX
 * (EINVAL); the file is created O_RDWR with mode 0600, the directory 0700. */
int mkstemp(char *template);
int mkstemps(char *template, int suffixlen);
char *mkdtemp(char *template);
/* Resolved one component at a time (no /proc needed); resolved NULL: a
 * malloc'ed result. */
char *realpath(const char *__restrict path, char *__restrict resolved);

/* The next name[=value] of a comma-separated list: its index in tokens, or
 * -1 with *valuep the whole suboption. */
int getsubopt(char **optionp, char *const *tokens, char **valuep);

/* glibc's generators: the same sequences for the same seeds. */
long random(void);
void srandom(unsigned seed);
/* n >= 8 bytes (else EINVAL); state must be aligned for int32_t. */
char *initstate(unsigned seed, char *state, size_t n);
char *setstate(char *state);
double drand48(void);
double erand48(unsigned short xsubi[3]);
long lrand48(void);
long nrand48(unsigned short xsubi[3]);
long mrand48(void);
long jrand48(unsigned short xsubi[3]);
void srand48(long seed);
unsigned short *seed48(unsigned short seed16v[3]);
void lcong48(unsigned short param[7]);
/* The string itself becomes part of the environment; "NAME" alone unsets. */
int putenv(char *string);
/* environ becomes NULL. */
int clearenv(void);
/* Pseudo-terminals (devpts): grantpt has nothing to do. */
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
int ptsname_r(int fd, char *buf, size_t len);

#endif
