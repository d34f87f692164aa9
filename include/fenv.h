#ifndef _FENV_H
#define _FENV_H

/* fenv_t, fexcept_t and the FE_* values: each arch's own register bits. */
#include <bits/fenv.h>

/* The environment a program starts with. */
#define FE_DFL_ENV ((const fenv_t *)-1)

int feclearexcept(int excepts);
int feraiseexcept(int excepts);
int fetestexcept(int excepts);
int fegetexceptflag(fexcept_t *flagp, int excepts);
int fesetexceptflag(const fexcept_t *flagp, int excepts);
int fegetround(void);
int fesetround(int round);
int fegetenv(fenv_t *envp);
int fesetenv(const fenv_t *envp);
int feholdexcept(fenv_t *envp);
int feupdateenv(const fenv_t *envp);

#endif
