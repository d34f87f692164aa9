/* glob/globfree over a small tree, against what glibc returns. */
#include "check.h"
#include <fcntl.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int same(glob_t *g, size_t offs, const char **want, size_t n)
{
	if (g->gl_pathc != n || g->gl_pathv[offs + n] != NULL)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!g->gl_pathv[offs + i] || strcmp(g->gl_pathv[offs + i], want[i]))
			return 0;
	return 1;
}

#define GLOB_IS(name, pat, flags, ...)                                          \
	do {                                                                   \
		const char *w_[] = { __VA_ARGS__ };                            \
		glob_t g_;                                                     \
		int r_ = glob(pat, flags, NULL, &g_);                          \
		check(name, r_ == 0 && same(&g_, 0, w_, sizeof w_ / sizeof *w_), pat); \
		if (r_ == 0)                                                   \
			globfree(&g_);                                         \
	} while (0)

int main(void)
{
	char dir[] = "/tmp/muslin_globXXXXXX";
	CHECK("setup", mkdtemp(dir) && chdir(dir) == 0 && close(creat("b.c", 0644)) == 0 &&
			       close(creat("a.c", 0644)) == 0 && close(creat("a.h", 0644)) == 0 &&
			       close(creat(".hid", 0644)) == 0 && mkdir("sub", 0755) == 0 &&
			       mkdir("sub/x", 0755) == 0 && close(creat("sub/x/y.c", 0644)) == 0 &&
			       close(creat("sub/z.c", 0644)) == 0 && close(creat("st*r", 0644)) == 0);
	GLOB_IS("star", "*", 0, "a.c", "a.h", "b.c", "st*r", "sub");
	GLOB_IS("suffix", "*.c", 0, "a.c", "b.c");
	GLOB_IS("question", "?.?", 0, "a.c", "a.h", "b.c");
	GLOB_IS("bracket", "[ab].c", 0, "a.c", "b.c");
	GLOB_IS("two levels", "*/*.c", 0, "sub/z.c");
	GLOB_IS("three levels", "s*/*/*", 0, "sub/x/y.c");
	GLOB_IS("literal dir", "sub/*", 0, "sub/x", "sub/z.c");
	GLOB_IS("trailing slash", "*/", 0, "sub/");
	GLOB_IS("mark", "s*", GLOB_MARK, "st*r", "sub/");
	GLOB_IS("hidden", ".h*", 0, ".hid");
	GLOB_IS("escape", "st\\*r", 0, "st*r");
	GLOB_IS("literal exists", "a.c", 0, "a.c");
	char abs[64];
	strcpy(abs, dir);
	strcat(abs, "/sub/*.c");
	char absw[64];
	strcpy(absw, dir);
	strcat(absw, "/sub/z.c");
	GLOB_IS("absolute", abs, 0, absw);
	GLOB_IS("nocheck", "*.zz", GLOB_NOCHECK, "*.zz");

	glob_t g;
	CHECK_EQ("nomatch", glob("*.zz", 0, NULL, &g), GLOB_NOMATCH);
	CHECK_EQ("literal missing", glob("nope", 0, NULL, &g), GLOB_NOMATCH);
	g.gl_offs = 2;
	CHECK_EQ("dooffs", glob("*.c", GLOB_DOOFFS, NULL, &g), 0);
	const char *w1[] = { "a.c", "b.c" };
	CHECK("dooffs layout", g.gl_pathv[0] == NULL && g.gl_pathv[1] == NULL && same(&g, 2, w1, 2));
	CHECK_EQ("append", glob("*.h", GLOB_DOOFFS | GLOB_APPEND, NULL, &g), 0);
	const char *w2[] = { "a.c", "b.c", "a.h" };
	CHECK("append layout", g.gl_pathv[0] == NULL && same(&g, 2, w2, 3));
	globfree(&g);

	const char *rm[] = { "b.c", "a.c", "a.h", ".hid", "sub/x/y.c", "sub/z.c", "st*r" };
	int okc = 1;
	for (int i = 0; i < 7; i++)
		okc &= unlink(rm[i]) == 0;
	CHECK("cleanup", okc && rmdir("sub/x") == 0 && rmdir("sub") == 0 && chdir("/") == 0 &&
				 rmdir(dir) == 0);
	return check_failed;
}
