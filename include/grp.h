#ifndef _GRP_H
#define _GRP_H

#include <bits/alltypes.h>

/* Read from /etc/group (no NSS); lines that do not parse are skipped.
 * Not found: NULL with errno unchanged (0 and *result NULL for _r);
 * ERANGE when buf is too small. */
struct group {
	char *gr_name;
	char *gr_passwd;
	gid_t gr_gid;
	char **gr_mem;
};

struct group *getgrnam(const char *name);
struct group *getgrgid(gid_t gid);
int getgrnam_r(const char *name, struct group *gr, char *buf, size_t size,
	       struct group **result);
int getgrgid_r(gid_t gid, struct group *gr, char *buf, size_t size,
	       struct group **result);
struct group *getgrent(void);
void setgrent(void);
void endgrent(void);
/* group first, then each group listing user; -1 (and the full count in
 * *ngroups) when they do not fit. */
int getgrouplist(const char *user, gid_t group, gid_t *groups, int *ngroups);
/* Needs CAP_SETGID (EPERM otherwise). */
int initgroups(const char *user, gid_t group);

#endif
