/* <dirent.h>: listing, positions, scandir, errors; a removal walk. */
#include "check.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NMANY 300

static int not_dot(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

static int by_name_desc(const struct dirent **a, const struct dirent **b)
{
	return -alphasort(a, b);
}

/* Removes everything below the open directory fd, then fd's entries'
 * directories: fdopendir + readdir + unlinkat. Returns entries removed. */
static int rm_tree(int fd)
{
	DIR *d = fdopendir(fd);
	struct dirent *e;
	int n = 0;
	if (!d)
		return -1000;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		struct stat st;
		if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW))
			return -1000;
		if (S_ISDIR(st.st_mode)) {
			int sub = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY);
			n += rm_tree(sub);
			if (unlinkat(dirfd(d), e->d_name, AT_REMOVEDIR))
				return -1000;
		} else if (unlinkat(dirfd(d), e->d_name, 0))
			return -1000;
		n++;
	}
	closedir(d);
	return n;
}

int main(void)
{
	char dir[] = "/tmp/muslin_direntXXXXXX";
	CHECK("mkdtemp", mkdtemp(dir) != NULL);
	CHECK_EQ("chdir", chdir(dir), 0);
	close(creat("b", 0600));
	close(creat("a", 0600));
	close(creat("c", 0600));
	mkdir("z", 0700);
	symlink("a", "l");

	DIR *d = opendir(".");
	CHECK("opendir", d != NULL);
	CHECK("dirfd", dirfd(d) >= 0);
	CHECK("close-on-exec", (fcntl(dirfd(d), F_GETFD) & FD_CLOEXEC) != 0);
	int n = 0, dots = 0, types = 1;
	struct dirent *e;
	errno = 0;
	while ((e = readdir(d))) {
		n++;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			dots++;
		if (!strcmp(e->d_name, "z"))
			types &= e->d_type == DT_DIR || e->d_type == DT_UNKNOWN;
		if (!strcmp(e->d_name, "a"))
			types &= e->d_type == DT_REG || e->d_type == DT_UNKNOWN;
		if (!strcmp(e->d_name, "l"))
			types &= e->d_type == DT_LNK || e->d_type == DT_UNKNOWN;
		if (e->d_ino == 0)
			types = 0;
	}
	CHECK_EQ("readdir count", n, 7);
	CHECK_EQ("readdir . and ..", dots, 2);
	CHECK("d_type and d_ino", types);
	CHECK_EQ("end leaves errno", errno, 0);
	CHECK("readdir at end stays NULL", readdir(d) == NULL);

	rewinddir(d);
	int again = 0;
	while (readdir(d))
		again++;
	CHECK_EQ("rewinddir", again, 7);

	rewinddir(d);
	readdir(d);
	long pos = telldir(d);
	e = readdir(d);
	char second[256];
	strcpy(second, e->d_name);
	while (readdir(d))
		;
	seekdir(d, pos);
	CHECK_EQ("telldir after seekdir", telldir(d), pos);
	e = readdir(d);
	CHECK("seekdir back", e && !strcmp(e->d_name, second));

	rewinddir(d);
	struct dirent ent, *res;
	int rn = 0, rc;
	while ((rc = readdir_r(d, &ent, &res)) == 0 && res) {
		CHECK("readdir_r result is entry", res == &ent);
		rn++;
		if (rn > 1)
			break;
	}
	while ((rc = readdir_r(d, &ent, &res)) == 0 && res)
		rn++;
	CHECK_EQ("readdir_r count", rn, 7);
	CHECK("readdir_r end", rc == 0 && res == NULL);
	CHECK_EQ("closedir", closedir(d), 0);

	struct dirent **list;
	n = scandir(".", &list, NULL, alphasort);
	CHECK_EQ("scandir count", n, 7);
	const char *want[] = { ".", "..", "a", "b", "c", "l", "z" };
	int order = n == 7;
	for (int i = 0; i < n; i++) {
		if (order && strcmp(list[i]->d_name, want[i]))
			order = 0;
		free(list[i]);
	}
	free(list);
	CHECK("scandir alphasort order", order);

	n = scandir(".", &list, not_dot, by_name_desc);
	CHECK_EQ("scandir filter", n, 5);
	CHECK("scandir own compar", n == 5 && !strcmp(list[0]->d_name, "z") &&
					    !strcmp(list[4]->d_name, "a"));
	for (int i = 0; i < n; i++)
		free(list[i]);
	free(list);
	errno = 0;
	CHECK("scandir ENOENT", scandir("nope", &list, NULL, NULL) == -1 && errno == ENOENT);

	/* Many entries: several getdents64 buffers. */
	mkdir("many", 0700);
	char name[64];
	for (int i = 0; i < NMANY; i++) {
		snprintf(name, sizeof name, "many/entry_with_a_longish_name_%04d", i);
		close(creat(name, 0600));
	}
	n = scandir("many", &list, not_dot, alphasort);
	CHECK_EQ("scandir many", n, NMANY);
	int sorted = n == NMANY;
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof name, "entry_with_a_longish_name_%04d", i);
		if (sorted && strcmp(list[i]->d_name, name))
			sorted = 0;
		free(list[i]);
	}
	free(list);
	CHECK("scandir many sorted", sorted);
	d = opendir("many");
	n = 0;
	long mid = 0;
	char midname[256] = "";
	while ((e = readdir(d))) {
		if (++n == 250) {
			mid = telldir(d);
			e = readdir(d);
			n++;
			strcpy(midname, e ? e->d_name : "");
		}
	}
	CHECK_EQ("readdir many", n, NMANY + 2);
	seekdir(d, mid);
	e = readdir(d);
	CHECK("seekdir into a later buffer", e && !strcmp(e->d_name, midname));
	closedir(d);

	/* Errors */
	errno = 0;
	CHECK("opendir ENOENT", opendir("nope") == NULL && errno == ENOENT);
	errno = 0;
	CHECK("opendir ENOTDIR", opendir("a") == NULL && errno == ENOTDIR);
	int ffd = open("a", O_RDONLY);
	errno = 0;
	CHECK("fdopendir ENOTDIR", fdopendir(ffd) == NULL && errno == ENOTDIR);
	close(ffd);
	errno = 0;
	CHECK("fdopendir EBADF", fdopendir(-1) == NULL && errno == EBADF);
	errno = 0;
	CHECK("fdopendir closed fd", fdopendir(ffd) == NULL && errno == EBADF);

	/* A directory removed while open reads as empty. */
	mkdir("gone", 0700);
	d = opendir("gone");
	rmdir("gone");
	errno = 0;
	CHECK("removed directory", d && readdir(d) == NULL && errno == 0);
	closedir(d);

	int top = open(".", O_RDONLY | O_DIRECTORY);
	CHECK_EQ("rm_tree", rm_tree(top), 6 + NMANY);
	CHECK_EQ("chdir /", chdir("/"), 0);
	CHECK_EQ("rmdir", rmdir(dir), 0);
	return check_failed;
}
