#ifndef _DIRENT_H
#define _DIRENT_H

#include <bits/alltypes.h>

/* The kernel's linux_dirent64 with room for the longest name. The entry
 * readdir returns may be shorter than sizeof(struct dirent): only as long
 * as its name needs (d_reclen). */
struct dirent {
	ino_t d_ino;
	off_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[256];
};

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12
#define DT_WHT 14
#define IFTODT(mode) (((mode) & 0170000) >> 12)
#define DTTOIF(type) ((type) << 12)

typedef struct __muslin_dir DIR;

/* The descriptor is close-on-exec. */
DIR *opendir(const char *path);
/* fd must be open on a directory (EBADF, ENOTDIR); the stream owns it. */
DIR *fdopendir(int fd);
int closedir(DIR *d);
/* NULL at the end (errno unchanged) or on error (errno set). A directory
 * removed while open reads as empty. */
struct dirent *readdir(DIR *d);
int readdir_r(DIR *__restrict d, struct dirent *__restrict entry, struct dirent **__restrict result);
void rewinddir(DIR *d);
void seekdir(DIR *d, long pos);
long telldir(DIR *d);
int dirfd(DIR *d);
/* Byte order of the names (the C locale's collation). */
int alphasort(const struct dirent **a, const struct dirent **b);
/* *namelist and each entry are malloc'ed; free them with free(). */
int scandir(const char *path, struct dirent ***namelist, int (*filter)(const struct dirent *),
	    int (*compar)(const struct dirent **, const struct dirent **));

#endif
