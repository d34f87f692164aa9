#ifndef _LIBGEN_H
#define _LIBGEN_H

/* POSIX's versions (glibc's __xpg_basename and dirname): both may write a
 * NUL into the argument; NULL or "" gives "."; dirname("//") is "//". */
char *basename(char *path);
char *dirname(char *path);

#endif
