#ifndef _STDIO_H
#define _STDIO_H

#include <bits/alltypes.h>

/* Opaque: only pointers to it are handed around. */
typedef struct _muslin_FILE FILE;
typedef off_t fpos_t;

#define EOF (-1)
#define BUFSIZ 4096
#define FILENAME_MAX 4096
#define FOPEN_MAX 1000

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2

#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2

#define L_tmpnam 20
#define TMP_MAX 10000
#define P_tmpdir "/tmp"

extern FILE *const stdin;
extern FILE *const stdout;
extern FILE *const stderr;
#define stdin (stdin)
#define stdout (stdout)
#define stderr (stderr)

/* Modes r w a r+ w+ a+, each optionally with b (ignored), e (O_CLOEXEC)
 * and x (O_EXCL). A mode not starting with r, w or a is EINVAL. */
FILE *fopen(const char *__restrict path, const char *__restrict mode);
FILE *fdopen(int fd, const char *mode);
/* mode "r" or "w", then "e" for a close-on-exec stream. */
FILE *popen(const char *cmd, const char *mode);
/* The child's wait status; a cancellation point. */
int pclose(FILE *f);
/* Keeps the descriptor number when the stream had one. path NULL: changes
 * the O_APPEND and close-on-exec flags of the same descriptor (EBADF if the
 * mode needs an access it lacks). On failure the stream is closed. */
FILE *freopen(const char *__restrict path, const char *__restrict mode, FILE *__restrict f);
/* O_TMPFILE in /tmp, else a random name unlinked at once. */
FILE *tmpfile(void);
char *tmpnam(char *s);
int remove(const char *path);
int rename(const char *old, const char *new);
int renameat(int olddirfd, const char *old, int newdirfd, const char *new);
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define RENAME_WHITEOUT 4
int renameat2(int olddirfd, const char *old, int newdirfd, const char *new, unsigned flags);
/* Memory streams (POSIX 2008), unbuffered: the NUL rules and the caller's
 * variables hold after every write. fmemopen: modes r w a with + and b;
 * size 0 is EINVAL; a write past the end fails with ENOSPC; buf NULL
 * allocates (and frees at fclose). open_memstream: write only. */
FILE *fmemopen(void *__restrict buf, size_t size, const char *__restrict mode);
FILE *open_memstream(char **bufp, size_t *sizep);
int fclose(FILE *f);
/* NULL flushes every open stream. */
int fflush(FILE *f);
/* Only before the first read or write; buf NULL: a buffer of size bytes
 * from malloc (BUFSIZ if size is 0). */
int setvbuf(FILE *__restrict f, char *__restrict buf, int mode, size_t size);
void setbuf(FILE *__restrict f, char *__restrict buf);

size_t fread(void *__restrict p, size_t size, size_t n, FILE *__restrict f);
size_t fwrite(const void *__restrict p, size_t size, size_t n, FILE *__restrict f);
int fgetc(FILE *f);
int getc(FILE *f);
int getchar(void);
/* Up to 8 characters can be pushed back. */
int ungetc(int c, FILE *f);
char *fgets(char *__restrict s, int n, FILE *__restrict f);
ssize_t getline(char **__restrict line, size_t *__restrict cap, FILE *__restrict f);
ssize_t getdelim(char **__restrict line, size_t *__restrict cap, int delim, FILE *__restrict f);
int fputc(int c, FILE *f);
int putc(int c, FILE *f);
int putchar(int c);
int fputs(const char *__restrict s, FILE *__restrict f);
int puts(const char *s);

int fseek(FILE *f, long off, int whence);
int fseeko(FILE *f, off_t off, int whence);
long ftell(FILE *f);
off_t ftello(FILE *f);
void rewind(FILE *f);
int fgetpos(FILE *__restrict f, fpos_t *__restrict pos);
int fsetpos(FILE *f, const fpos_t *pos);

int feof(FILE *f);
int ferror(FILE *f);
void clearerr(FILE *f);
int fileno(FILE *f);
void perror(const char *s);

/* Recursive per-stream lock. */
void flockfile(FILE *f);
int ftrylockfile(FILE *f);
void funlockfile(FILE *f);
/* The caller holds the stream's lock (or has only one thread). */
int getc_unlocked(FILE *f);
int putc_unlocked(int c, FILE *f);
int getchar_unlocked(void);
int putchar_unlocked(int c);

/* printf family: src/c/printf.rs */
/* Every C99 conversion, flags, width/precision with `*`, positional
 * arguments (%1$d) and the length modifiers hh h l ll j z t L. An invalid
 * conversion is printed verbatim with the rest of the format and no further
 * argument is read. Errors: -1 with errno EOVERFLOW (length > INT_MAX),
 * EILSEQ (%lc/%ls of a non-character), ENOMEM (asprintf), or the write
 * error (dprintf). %Lf etc. are formatted after rounding to double. */
int printf(const char *__restrict fmt, ...);
int fprintf(FILE *__restrict f, const char *__restrict fmt, ...);
int vprintf(const char *__restrict fmt, __builtin_va_list ap);
int vfprintf(FILE *__restrict f, const char *__restrict fmt, __builtin_va_list ap);
int snprintf(char *__restrict s, size_t n, const char *__restrict fmt, ...);
int sprintf(char *__restrict s, const char *__restrict fmt, ...);
int dprintf(int fd, const char *__restrict fmt, ...);
/* On failure *out is left unchanged. */
int asprintf(char **__restrict out, const char *__restrict fmt, ...);
int vsnprintf(char *__restrict s, size_t n, const char *__restrict fmt, __builtin_va_list ap);
int vsprintf(char *__restrict s, const char *__restrict fmt, __builtin_va_list ap);
int vdprintf(int fd, const char *__restrict fmt, __builtin_va_list ap);
int vasprintf(char **__restrict out, const char *__restrict fmt, __builtin_va_list ap);
/* d i u o x X p s c [ ] n f e g a (and E G F A) with widths, `*` and the
 * length modifiers; no positional arguments or wide conversions. */
int sscanf(const char *__restrict s, const char *__restrict fmt, ...);
int vsscanf(const char *__restrict s, const char *__restrict fmt, __builtin_va_list ap);
/* The stream versions look one byte ahead and push back at most that byte,
 * as glibc's do; the stream is locked for the whole call. */
int fscanf(FILE *__restrict f, const char *__restrict fmt, ...);
int scanf(const char *__restrict fmt, ...);
int vfscanf(FILE *__restrict f, const char *__restrict fmt, __builtin_va_list ap);
int vscanf(const char *__restrict fmt, __builtin_va_list ap);

/* end printf family */

#endif
