#ifndef _GLOB_H
#define _GLOB_H

#include <stddef.h>

typedef struct {
	size_t gl_pathc;
	char **gl_pathv;
	size_t gl_offs;
	size_t __reserved[5];
} glob_t;

#define GLOB_ERR 1
#define GLOB_MARK 2
#define GLOB_NOSORT 4
#define GLOB_DOOFFS 8
#define GLOB_NOCHECK 16
#define GLOB_APPEND 32
#define GLOB_NOESCAPE 64
#define GLOB_PERIOD 128

#define GLOB_NOSPACE 1
#define GLOB_ABORTED 2
#define GLOB_NOMATCH 3

/* Sorted in byte order (the C locale's collation); a component without
 * wildcards must exist. */
int glob(const char *__restrict pattern, int flags, int (*errfunc)(const char *, int),
	 glob_t *__restrict g);
void globfree(glob_t *g);

#endif
