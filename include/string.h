#ifndef _STRING_H
#define _STRING_H

#include <stddef.h>

void *memcpy(void *__restrict dst, const void *__restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strcpy(char *__restrict dst, const char *__restrict src);
char *strncpy(char *__restrict dst, const char *__restrict src, size_t n);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);

char *strcat(char *__restrict dst, const char *__restrict src);
char *strncat(char *__restrict dst, const char *__restrict src, size_t n);
char *strstr(const char *hay, const char *needle);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *set);
char *strtok(char *__restrict s, const char *__restrict delim);
char *strtok_r(char *__restrict s, const char *__restrict delim, char **__restrict save);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n);
size_t strnlen(const char *s, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
/* The C locale collates by byte: strcoll is strcmp, strxfrm copies. */
int strcoll(const char *a, const char *b);
size_t strxfrm(char *__restrict dst, const char *__restrict src, size_t n);
/* Unknown numbers give "Unknown error N" in a static buffer. */
char *strerror(int n);
/* The POSIX (XSI) strerror_r, also under _GNU_SOURCE (as musl: there is no
 * GNU char * version): 0; ERANGE when buf is too small (the message is
 * truncated, NUL-terminated); EINVAL for an unknown number, with
 * "Unknown error N" written. */
int strerror_r(int n, char *buf, size_t len);
/* The same, by the name glibc's headers redirect the POSIX one to. */
int __xpg_strerror_r(int n, char *buf, size_t len);
size_t strlcpy(char *__restrict dst, const char *__restrict src, size_t size);
size_t strlcat(char *__restrict dst, const char *__restrict src, size_t size);
/* glibc's texts; "Real-time signal N" for SIGRTMIN+N; otherwise
 * "Unknown signal N" in a static buffer. */
char *strsignal(int sig);

char *stpcpy(char *__restrict dst, const char *__restrict src);
char *stpncpy(char *__restrict dst, const char *__restrict src, size_t n);
void *memccpy(void *__restrict dst, const void *__restrict src, int c, size_t n);
char *strsep(char **sp, const char *delim);
void *memmem(const void *hay, size_t hl, const void *needle, size_t nl);
void *mempcpy(void *__restrict dst, const void *__restrict src, size_t n);
char *strchrnul(const char *s, int c);
char *strcasestr(const char *hay, const char *needle);

#endif
