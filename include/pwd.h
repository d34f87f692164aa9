#ifndef _PWD_H
#define _PWD_H

#include <bits/alltypes.h>

/* Read from /etc/passwd (no NSS); lines that do not parse are skipped.
 * Not found: NULL with errno unchanged (0 and *result NULL for _r);
 * ERANGE when buf is too small. */
struct passwd {
	char *pw_name;
	char *pw_passwd;
	uid_t pw_uid;
	gid_t pw_gid;
	char *pw_gecos;
	char *pw_dir;
	char *pw_shell;
};

struct passwd *getpwnam(const char *name);
struct passwd *getpwuid(uid_t uid);
int getpwnam_r(const char *name, struct passwd *pw, char *buf, size_t size,
	       struct passwd **result);
int getpwuid_r(uid_t uid, struct passwd *pw, char *buf, size_t size,
	       struct passwd **result);
struct passwd *getpwent(void);
void setpwent(void);
void endpwent(void);

#endif
