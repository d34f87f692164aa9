/* nftw/ftw over a small tree with a link and a dangling link. */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *names[] = { "t", "t/a", "t/d", "t/d/b", "t/l", "t/dang" };
#define N 6
static int type[N], level[N], seen[N], order[N], calls, bad_base;

static int index_of(const char *p)
{
	for (int i = 0; i < N; i++)
		if (!strcmp(p, names[i]))
			return i;
	return -1;
}

static int record(const char *p, const struct stat *st, int t, struct FTW *f)
{
	int i = index_of(p);
	(void)st;
	if (i < 0)
		return 99;
	type[i] = t;
	level[i] = f->level;
	order[i] = calls++;
	seen[i]++;
	const char *slash = strrchr(p, '/');
	if (f->base != (slash ? slash - p + 1 : 0))
		bad_base = 1;
	return 0;
}

static int record_ftw(const char *p, const struct stat *st, int t)
{
	struct FTW f = { 0, 0 };
	int i = index_of(p);
	const char *slash = strrchr(p, '/');
	f.base = slash ? slash - p + 1 : 0;
	f.level = i == 0 ? 0 : (i == 3 ? 2 : 1);
	return record(p, st, t, &f);
}

static int stop(const char *p, const struct stat *st, int t, struct FTW *f)
{
	(void)p, (void)st, (void)t, (void)f;
	calls++;
	return 42;
}

static void reset(void)
{
	memset(type, -1, sizeof type);
	memset(seen, 0, sizeof seen);
	calls = bad_base = 0;
}

static int all_once(void)
{
	for (int i = 0; i < N; i++)
		if (seen[i] != 1)
			return 0;
	return 1;
}

int main(void)
{
	char dir[] = "/tmp/muslin_ftwXXXXXX";
	CHECK("setup", mkdtemp(dir) && chdir(dir) == 0 && mkdir("t", 0755) == 0 &&
			       close(creat("t/a", 0644)) == 0 && mkdir("t/d", 0755) == 0 &&
			       close(creat("t/d/b", 0644)) == 0 && symlink("a", "t/l") == 0 &&
			       symlink("nope", "t/dang") == 0);

	reset();
	CHECK_EQ("nftw PHYS", nftw("t", record, 10, FTW_PHYS), 0);
	CHECK("PHYS: each once", all_once() && calls == N);
	CHECK("PHYS: types", type[0] == FTW_D && type[1] == FTW_F && type[2] == FTW_D &&
				     type[3] == FTW_F && type[4] == FTW_SL && type[5] == FTW_SL);
	CHECK("PHYS: levels", level[0] == 0 && level[1] == 1 && level[3] == 2);
	CHECK("PHYS: preorder", order[0] == 0 && order[2] < order[3]);
	CHECK("PHYS: base", !bad_base);

	reset();
	CHECK_EQ("nftw follow", nftw("t", record, 10, 0), 0);
	CHECK("follow: link is its target", all_once() && type[4] == FTW_F);
	CHECK_EQ("follow: dangling", type[5], FTW_SLN);

	reset();
	CHECK_EQ("nftw DEPTH", nftw("t", record, 10, FTW_DEPTH | FTW_PHYS), 0);
	CHECK("DEPTH: postorder", all_once() && type[0] == FTW_DP && type[2] == FTW_DP &&
					  order[0] == N - 1 && order[3] < order[2]);

	reset();
	CHECK_EQ("ftw", ftw("t", record_ftw, 10), 0);
	CHECK("ftw: types", all_once() && type[0] == FTW_D && type[4] == FTW_F && type[5] == FTW_NS);

	calls = 0;
	CHECK_EQ("nftw stops on nonzero", nftw("t", stop, 10, 0), 42);
	CHECK_EQ("nftw stopped at once", calls, 1);

	reset();
	CHECK_EQ("nftw on a file", nftw("t/a", record, 10, 0), 0);
	CHECK("file: once", calls == 1 && type[1] == FTW_F && level[1] == 0);

	errno = 0;
	CHECK("nftw ENOENT", nftw("missing", record, 10, 0) == -1 && errno == ENOENT);
	errno = 0;
	CHECK("nftw empty", nftw("", record, 10, 0) == -1 && errno == ENOENT);

	chmod("t/d", 0);
	if (access("t/d/b", F_OK) == 0) {
		/* root reads anything: nothing to check */
		check("unreadable dir (root: skipped)", 1, "");
	} else {
		reset();
		nftw("t", record, 10, FTW_PHYS);
		CHECK_EQ("unreadable dir is FTW_DNR", type[2], FTW_DNR);
	}
	chmod("t/d", 0755);

	const char *rm[] = { "t/d/b", "t/a", "t/l", "t/dang" };
	int okc = 1;
	for (int i = 0; i < 4; i++)
		okc &= unlink(rm[i]) == 0;
	CHECK("cleanup", okc && rmdir("t/d") == 0 && rmdir("t") == 0 && chdir("/") == 0 &&
				 rmdir(dir) == 0);
	return check_failed;
}
