#ifndef _WCHAR_H
#define _WCHAR_H

/* Wide characters in muslin's one encoding: every locale ("C", "POSIX",
 * "C.UTF-8") is UTF-8, as musl's C.UTF-8 (glibc's "C" is ASCII-only).
 * wchar_t is 32 bits: int, or unsigned int on aarch64 and arm (the
 * compiler's __WCHAR_TYPE__). Of wide stdio only swprintf and vswprintf
 * are provided (no fwprintf, fgetwc, ...). */

#include <stddef.h>

typedef __WINT_TYPE__ wint_t;

/* The conversion state: a partial UTF-8 character (8 bytes, as musl and
 * glibc). Zero-initialized is the initial state. */
typedef struct __mbstate_t {
	unsigned __opaque1, __opaque2;
} mbstate_t;

#define WEOF 0xffffffffU

#ifndef WCHAR_MAX
#define WCHAR_MAX __WCHAR_MAX__
#endif
#ifndef WCHAR_MIN
#ifdef __WCHAR_UNSIGNED__
#define WCHAR_MIN 0U
#else
#define WCHAR_MIN (-__WCHAR_MAX__ - 1)
#endif
#endif

/* Multibyte conversions. (size_t)-1: EILSEQ; (size_t)-2: incomplete (the
 * bytes are kept in the state). A null state pointer uses the function's
 * own. */
wint_t btowc(int c);
int wctob(wint_t c);
int mbsinit(const mbstate_t *ps);
size_t mbrlen(const char *__restrict s, size_t n, mbstate_t *__restrict ps);
size_t mbrtowc(wchar_t *__restrict pwc, const char *__restrict s, size_t n,
	       mbstate_t *__restrict ps);
size_t wcrtomb(char *__restrict s, wchar_t wc, mbstate_t *__restrict ps);
size_t mbsrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t len,
		 mbstate_t *__restrict ps);
size_t mbsnrtowcs(wchar_t *__restrict dst, const char **__restrict src, size_t nms,
		  size_t len, mbstate_t *__restrict ps);
size_t wcsrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t len,
		 mbstate_t *__restrict ps);
size_t wcsnrtombs(char *__restrict dst, const wchar_t **__restrict src, size_t nwc,
		  size_t len, mbstate_t *__restrict ps);

/* Wide strings and arrays. Comparisons order wchar_t as int. */
size_t wcslen(const wchar_t *s);
size_t wcsnlen(const wchar_t *s, size_t n);
int wcscmp(const wchar_t *a, const wchar_t *b);
int wcsncmp(const wchar_t *a, const wchar_t *b, size_t n);
int wcscoll(const wchar_t *a, const wchar_t *b);
size_t wcsxfrm(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wcscpy(wchar_t *__restrict dst, const wchar_t *__restrict src);
wchar_t *wcsncpy(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wcscat(wchar_t *__restrict dst, const wchar_t *__restrict src);
wchar_t *wcsncat(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *wcsstr(const wchar_t *__restrict hay, const wchar_t *__restrict needle);
size_t wcsspn(const wchar_t *s, const wchar_t *set);
size_t wcscspn(const wchar_t *s, const wchar_t *set);
wchar_t *wcspbrk(const wchar_t *s, const wchar_t *set);
wchar_t *wcstok(wchar_t *__restrict s, const wchar_t *__restrict delim,
		wchar_t **__restrict save);
wchar_t *wcsdup(const wchar_t *s);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);
int wmemcmp(const wchar_t *a, const wchar_t *b, size_t n);
wchar_t *wmemcpy(wchar_t *__restrict dst, const wchar_t *__restrict src, size_t n);
wchar_t *wmemmove(wchar_t *dst, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *dst, wchar_t c, size_t n);

/* Numbers: leading wide white space (iswspace) is skipped, then the
 * ASCII that follows is parsed as strtol/strtod would. */
long wcstol(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
unsigned long wcstoul(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
long long wcstoll(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
unsigned long long wcstoull(const wchar_t *__restrict s, wchar_t **__restrict end, int base);
double wcstod(const wchar_t *__restrict s, wchar_t **__restrict end);
float wcstof(const wchar_t *__restrict s, wchar_t **__restrict end);

/* The printf engine with wide format and output: %s takes a multibyte
 * string, %ls a wide one; precisions count UTF-8 bytes. -1 (EOVERFLOW)
 * when the output and its NUL do not fit in n wide characters. */
int swprintf(wchar_t *__restrict s, size_t n, const wchar_t *__restrict fmt, ...);
int vswprintf(wchar_t *__restrict s, size_t n, const wchar_t *__restrict fmt,
	      __builtin_va_list ap);

/* Terminal columns: 0 for NUL and combining characters, 2 for East Asian
 * wide ones, -1 for non-printable ones. */
int wcwidth(wchar_t c);
int wcswidth(const wchar_t *s, size_t n);

#endif
