#ifndef _ERR_H
#define _ERR_H

#include <stdarg.h>

/* "prog: message: strerror(errno)\n" on stderr (prog: argv[0]'s last part);
 * the x forms leave out ": strerror(errno)"; err and errx then exit. */
void warn(const char *fmt, ...);
void vwarn(const char *fmt, va_list ap);
void warnx(const char *fmt, ...);
void vwarnx(const char *fmt, va_list ap);
_Noreturn void err(int status, const char *fmt, ...);
_Noreturn void verr(int status, const char *fmt, va_list ap);
_Noreturn void errx(int status, const char *fmt, ...);
_Noreturn void verrx(int status, const char *fmt, va_list ap);

#endif
