#ifndef _DLFCN_H
#define _DLFCN_H

/* A static program loads no libraries: dlopen and dlsym return NULL and
 * dlclose fails, each with "Dynamic loading not supported" for dlerror. */
#define RTLD_LAZY 1
#define RTLD_NOW 2
#define RTLD_NOLOAD 4
#define RTLD_NODELETE 4096
#define RTLD_GLOBAL 256
#define RTLD_LOCAL 0
#define RTLD_DEFAULT ((void *)0)
#define RTLD_NEXT ((void *)-1)

void *dlopen(const char *file, int mode);
void *dlsym(void *__restrict handle, const char *__restrict name);
int dlclose(void *handle);
char *dlerror(void);

#endif
