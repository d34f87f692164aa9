/* <pwd.h> and <grp.h> on the host's /etc/passwd and /etc/group: every
 * entry by getpwent/getgrent, by name and by id, and getgrouplist of every
 * user; then the error cases on their own.
 *
 * test-reference: "host"
 *
 * With -DREFERENCE: prints "P" lines (passwd entries), "G" lines (group
 * entries) and "L" lines (getgrouplist of each user), then "E". A static
 * glibc's getpwent goes through NSS and crashes where nsswitch.conf names
 * a module, so the reference parses the files itself, by the rules of
 * passwd(5) and group(5) (well-formed lines only, as the host's are).
 * Without: reads them and compares muslin's answers. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fmt_pw(char *out, size_t n, const struct passwd *p)
{
	snprintf(out, n, "P %s:%s:%u:%u:%s:%s:%s", p->pw_name, p->pw_passwd,
		 (unsigned)p->pw_uid, (unsigned)p->pw_gid, p->pw_gecos, p->pw_dir, p->pw_shell);
}

static void fmt_gr(char *out, size_t n, const struct group *g)
{
	size_t k = snprintf(out, n, "G %s:%s:%u:", g->gr_name, g->gr_passwd, (unsigned)g->gr_gid);
	for (char **m = g->gr_mem; *m; m++)
		k += snprintf(out + k, n - k, "%s%s", m == g->gr_mem ? "" : ",", *m);
}

static void fmt_list(char *out, size_t n, const char *user, gid_t gid)
{
	gid_t groups[64];
	int ng = 64;
	int r = getgrouplist(user, gid, groups, &ng);
	size_t k = snprintf(out, n, "L %s %u %d %d", user, (unsigned)gid, r, ng);
	for (int i = 0; i < ng && i < 64; i++)
		k += snprintf(out + k, n - k, " %u", (unsigned)groups[i]);
}

#ifdef REFERENCE
static char *field(char **s)
{
	char *f = *s, *c = strchr(f, ':');
	if (c) {
		*c = 0;
		*s = c + 1;
	} else {
		*s = f + strlen(f);
	}
	return f;
}

int main(void)
{
	char line[4096];
	static char users[512][64];
	static unsigned ugid[512];
	static char groups[1024][1024];
	static unsigned ggid[1024];
	int nu = 0, ng = 0;
	FILE *f = fopen("/etc/passwd", "r");
	while (f && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		char *s = line, *name = field(&s), *pw = field(&s), *uid = field(&s), *gid = field(&s);
		char *gecos = field(&s), *dir = field(&s), *shell = s;
		printf("P %s:%s:%u:%u:%s:%s:%s\n", name, pw, (unsigned)atol(uid), (unsigned)atol(gid),
		       gecos, dir, shell);
		if (nu < 512) {
			snprintf(users[nu], 64, "%s", name);
			ugid[nu++] = (unsigned)atol(gid);
		}
	}
	f = fopen("/etc/group", "r");
	while (f && fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		char *s = line, *name = field(&s), *pw = field(&s), *gid = field(&s), *mem = s;
		printf("G %s:%s:%u:%s\n", name, pw, (unsigned)atol(gid), mem);
		if (ng < 1024) {
			snprintf(groups[ng], 1024, ",%s,", mem);
			ggid[ng++] = (unsigned)atol(gid);
		}
	}
	for (int i = 0; i < nu; i++) {
		unsigned list[64];
		int n = 0;
		list[n++] = ugid[i];
		char key[80];
		snprintf(key, sizeof key, ",%s,", users[i]);
		for (int j = 0; j < ng; j++)
			if (ggid[j] != ugid[i] && strstr(groups[j], key) && n < 64)
				list[n++] = ggid[j];
		printf("L %s %u %d %d", users[i], ugid[i], n, n);
		for (int k = 0; k < n; k++)
			printf(" %u", list[k]);
		printf("\n");
	}
	puts("E");
	return 0;
}
#else
static char ref[1 << 20];
static char *lines[8192];
static int nlines;

static int passed, failed;

static void result(const char *name, int ok, const char *want, const char *got)
{
	if (ok) {
		printf("ok %s\n", name);
		passed++;
	} else {
		printf("FAIL %s\n  want %s\n  got  %s\n", name, want, got);
		failed++;
	}
}

int main(void)
{
	size_t n = fread(ref, 1, sizeof ref - 1, stdin);
	ref[n] = 0;
	for (char *s = strtok(ref, "\n"); s && nlines < 8192; s = strtok(NULL, "\n"))
		lines[nlines++] = s;
	if (nlines == 0 || strcmp(lines[nlines - 1], "E") != 0) {
		printf("FAIL reference: incomplete\n");
		return 1;
	}
	char got[4096], want[4096];

	/* getpwent, in order; then getpwnam and getpwuid of each. */
	int ok_ent = 1, ok_nam = 1, ok_uid = 1, np = 0;
	char bad_ent[4096] = "", bad_nam[4096] = "", bad_uid[4096] = "";
	setpwent();
	for (int i = 0; i < nlines; i++) {
		if (lines[i][0] != 'P')
			continue;
		np++;
		struct passwd *p = getpwent();
		if (p)
			fmt_pw(got, sizeof got, p);
		if (!p || strcmp(got, lines[i])) {
			if (ok_ent)
				snprintf(bad_ent, sizeof bad_ent, "%s / %s", lines[i], p ? got : "NULL");
			ok_ent = 0;
		}
		char name[256];
		sscanf(lines[i] + 2, "%255[^:]", name);
		p = getpwnam(name);
		if (p)
			fmt_pw(got, sizeof got, p);
		/* The first entry of that name is the answer. */
		const char *first = lines[i];
		for (int j = 0; j < i; j++) {
			char nm[256];
			if (lines[j][0] == 'P' && sscanf(lines[j] + 2, "%255[^:]", nm) == 1 &&
			    strcmp(nm, name) == 0) {
				first = lines[j];
				break;
			}
		}
		if (!p || strcmp(got, first)) {
			if (ok_nam)
				snprintf(bad_nam, sizeof bad_nam, "%s / %s", first, p ? got : "NULL");
			ok_nam = 0;
		}
		unsigned uid;
		sscanf(strchr(strchr(lines[i] + 2, ':') + 1, ':') + 1, "%u", &uid);
		p = getpwuid(uid);
		if (p)
			fmt_pw(got, sizeof got, p);
		first = NULL;
		for (int j = 0; j <= i && !first; j++) {
			unsigned u;
			if (lines[j][0] == 'P' &&
			    sscanf(strchr(strchr(lines[j] + 2, ':') + 1, ':') + 1, "%u", &u) == 1 &&
			    u == uid)
				first = lines[j];
		}
		if (!p || strcmp(got, first)) {
			if (ok_uid)
				snprintf(bad_uid, sizeof bad_uid, "%s / %s", first, p ? got : "NULL");
			ok_uid = 0;
		}
	}
	result("getpwent end", getpwent() == NULL, "NULL", "an entry");
	endpwent();
	result("getpwent every entry", ok_ent && np > 0, "glibc's", bad_ent);
	result("getpwnam every entry", ok_nam, "glibc's", bad_nam);
	result("getpwuid every entry", ok_uid, "glibc's", bad_uid);

	int ok_gent = 1, ok_gnam = 1, ok_ggid = 1, ng = 0;
	char bad_g[4096] = "";
	setgrent();
	for (int i = 0; i < nlines; i++) {
		if (lines[i][0] != 'G')
			continue;
		ng++;
		struct group *g = getgrent();
		if (g)
			fmt_gr(got, sizeof got, g);
		if (!g || strcmp(got, lines[i])) {
			if (ok_gent)
				snprintf(bad_g, sizeof bad_g, "%s / %s", lines[i], g ? got : "NULL");
			ok_gent = 0;
		}
		char name[256];
		sscanf(lines[i] + 2, "%255[^:]", name);
		g = getgrnam(name);
		if (g)
			fmt_gr(got, sizeof got, g);
		if (!g || strncmp(got, lines[i], strlen(name) + 3))
			ok_gnam = 0;
		unsigned gid;
		sscanf(strchr(strchr(lines[i] + 2, ':') + 1, ':') + 1, "%u", &gid);
		g = getgrgid(gid);
		if (!g || g->gr_gid != gid)
			ok_ggid = 0;
	}
	endgrent();
	result("getgrent every entry", ok_gent && ng > 0, "glibc's", bad_g);
	result("getgrnam every entry", ok_gnam, "glibc's", "");
	result("getgrgid every entry", ok_ggid, "glibc's", "");

	int ok_list = 1;
	for (int i = 0; i < nlines; i++) {
		if (lines[i][0] != 'L')
			continue;
		char user[256];
		unsigned gid;
		sscanf(lines[i] + 2, "%255s %u", user, &gid);
		fmt_list(got, sizeof got, user, gid);
		if (strcmp(got, lines[i])) {
			if (ok_list)
				snprintf(want, sizeof want, "%s", lines[i]), result("getgrouplist", 0, want, got);
			ok_list = 0;
		}
	}
	if (ok_list)
		result("getgrouplist every user", 1, "", "");

	/* Error cases. */
	errno = 1234;
	result("getpwnam absent: NULL", getpwnam("no-such-user-muslin") == NULL, "NULL", "entry");
	result("getpwnam absent: errno unchanged", errno == 1234, "1234", "changed");
	errno = 1234;
	result("getgrgid absent: NULL, errno unchanged",
	       getgrgid(4000000000u) == NULL && errno == 1234, "NULL", "entry or errno");
	struct passwd pw, *pr = &pw;
	char small[4], big[4096];
	int r = getpwuid_r(0, &pw, small, sizeof small, &pr);
	result("getpwuid_r small buffer: ERANGE", r == ERANGE && pr == NULL, "ERANGE", "other");
	r = getpwuid_r(0, &pw, big, sizeof big, &pr);
	result("getpwuid_r root", r == 0 && pr == &pw && pw.pw_uid == 0 &&
				  strcmp(pw.pw_name, getpwuid(0)->pw_name) == 0, "root", "other");
	pr = &pw;
	r = getpwnam_r("no-such-user-muslin", &pw, big, sizeof big, &pr);
	result("getpwnam_r absent: 0, NULL", r == 0 && pr == NULL, "0", "other");
	struct group gr, *grr = &gr;
	r = getgrgid_r(0, &gr, small, sizeof small, &grr);
	result("getgrgid_r small buffer: ERANGE", r == ERANGE && grr == NULL, "ERANGE", "other");
	r = getgrnam_r(getgrgid(0)->gr_name, &gr, big + 1, sizeof big - 1, &grr);
	result("getgrnam_r unaligned buffer", r == 0 && grr == &gr && gr.gr_gid == 0 &&
				  gr.gr_mem && ((size_t)gr.gr_mem % sizeof(char *)) == 0, "0", "other");
	gid_t one[1];
	int cnt = 0;
	r = getgrouplist("root", 12345, one, &cnt);
	result("getgrouplist too small: -1, count", r == -1 && cnt >= 1, "-1", "other");
	setpwent();
	struct passwd *a = getpwent();
	char first[4096];
	fmt_pw(first, sizeof first, a);
	getpwent();
	setpwent();
	a = getpwent();
	fmt_pw(got, sizeof got, a);
	result("setpwent restarts", strcmp(first, got) == 0, first, got);
	endpwent();
	(void)want;
	return failed != 0;
}
#endif
