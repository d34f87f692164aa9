/* msh: a small multi-call utility, written as a realistic program that uses
 * much of the library at once, and its test. The applets are a tiny shell
 * (sh: pipelines, < > >> 2> 2>&1 redirections, ; && || lists, $? and
 * $NAME, NAME=value alone or before a command, quotes, cd, exit, comments,
 * scripts from -c or a file), find (a directory walk with -name and -path
 * globs, -regex EREs, -type f/d, -maxdepth, sorted output), grep (-v -c -n
 * -i -l -q -o over stdin or files, exit 0/1/2), sed (s/RE/REPL/gpI with &
 * and \1), ls (-a -F, scandir), xargs (batches of -n words, -P at once,
 * exit 123/124/125/127), sort (-r -n -u), wc (-l -w -c), head -n, cat,
 * echo, test, true, false. The shell runs an applet in a forked child by
 * calling it (so nothing relies on exec'ing this foreign-arch file from under
 * qemu-user, where no binfmt_misc handler may be registered), and any other
 * command with execvp: the host's /bin/sh, tr, cat, which run natively.
 *
 * The test builds a tree under mkdtemp, runs scripts through the shell in
 * a child with its standard output on a pipe, and checks the output and
 * the exit status of each. Nothing here needs a terminal, a session or a
 * particular user. */
#include "check.h"
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---------------------------------------------------------------- helpers */

static void *xmalloc(size_t n)
{
	void *p = malloc(n);
	if (!p) {
		fputs("msh: out of memory\n", stderr);
		_exit(99);
	}
	return p;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fputs("msh: out of memory\n", stderr);
		_exit(99);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

/* A growable array of strings. */
struct strv {
	char **v;
	size_t n, cap;
};

static void strv_push(struct strv *a, char *s)
{
	if (a->n + 1 >= a->cap) {
		a->cap = a->cap ? a->cap * 2 : 8;
		a->v = xrealloc(a->v, a->cap * sizeof *a->v);
	}
	a->v[a->n++] = s;
	a->v[a->n] = 0;
}

static void strv_free(struct strv *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	a->v = 0;
	a->n = a->cap = 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The exit status a shell reports for a wait status. */
static int status_of(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 255;
}

/* ---------------------------------------------------------------- applets */

typedef int (*applet_fn)(int argc, char **argv);
static applet_fn find_applet(const char *name);

/* In a child: runs argv as an applet (returning through _exit, stdio
 * flushed) or execs it through PATH. Never returns. */
static void run_in_child(char **argv)
{
	applet_fn fn = find_applet(argv[0]);
	if (fn) {
		int argc = 0;
		while (argv[argc])
			argc++;
		optind = 0;
		int rc = fn(argc, argv);
		fflush(stdout);
		fflush(stderr);
		_exit(rc);
	}
	execvp(argv[0], argv);
	int e = errno;
	fprintf(stderr, "msh: %s: %s\n", argv[0], strerror(e));
	fflush(stderr);
	_exit(e == ENOENT ? 127 : 126);
}

static int ap_true(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 0;
}

static int ap_false(int argc, char **argv)
{
	(void)argc, (void)argv;
	return 1;
}

static int ap_echo(int argc, char **argv)
{
	int i = 1, nl = 1;
	if (argc > 1 && !strcmp(argv[1], "-n"))
		nl = 0, i++;
	for (int first = 1; i < argc; i++, first = 0)
		printf("%s%s", first ? "" : " ", argv[i]);
	if (nl)
		putchar('\n');
	return ferror(stdout) ? 1 : 0;
}

/* Opens a file argument ("-" is standard input); NULL with a message. */
static FILE *open_arg(const char *prog, const char *path)
{
	if (!strcmp(path, "-"))
		return stdin;
	FILE *f = fopen(path, "r");
	if (!f)
		fprintf(stderr, "%s: %s: %s\n", prog, path, strerror(errno));
	return f;
}

static void close_arg(FILE *f)
{
	if (f != stdin)
		fclose(f);
}

static int ap_cat(int argc, char **argv)
{
	char buf[4096];
	int rc = 0;
	char *dash[] = {"-", 0};
	char **files = argc > 1 ? argv + 1 : dash;
	for (; *files; files++) {
		FILE *f = open_arg("cat", *files);
		if (!f) {
			rc = 1;
			continue;
		}
		size_t n;
		while ((n = fread(buf, 1, sizeof buf, f)) > 0)
			if (fwrite(buf, 1, n, stdout) != n)
				return 1;
		close_arg(f);
	}
	return rc;
}

static int ap_head(int argc, char **argv)
{
	long lines = 10;
	int c;
	while ((c = getopt(argc, argv, "+n:")) != -1) {
		if (c != 'n')
			return 2;
		lines = strtol(optarg, 0, 10);
	}
	char *line = 0;
	size_t cap = 0;
	ssize_t len;
	for (long i = 0; i < lines && (len = getline(&line, &cap, stdin)) > 0; i++)
		fwrite(line, 1, len, stdout);
	free(line);
	return 0;
}

static int ap_wc(int argc, char **argv)
{
	int want_l = 0, want_w = 0, want_c = 0, c;
	while ((c = getopt(argc, argv, "+lwc")) != -1) {
		if (c == 'l')
			want_l = 1;
		else if (c == 'w')
			want_w = 1;
		else if (c == 'c')
			want_c = 1;
		else
			return 2;
	}
	if (!want_l && !want_w && !want_c)
		want_l = want_w = want_c = 1;
	char *dash[] = {"-", 0};
	char **files = optind < argc ? argv + optind : dash;
	int rc = 0;
	for (; *files; files++) {
		FILE *f = open_arg("wc", *files);
		if (!f) {
			rc = 1;
			continue;
		}
		long nl = 0, nw = 0, nc = 0;
		int in_word = 0;
		while ((c = getc(f)) != EOF) {
			nc++;
			if (c == '\n')
				nl++;
			if (isspace(c))
				in_word = 0;
			else if (!in_word)
				in_word = 1, nw++;
		}
		close_arg(f);
		const char *sep = "";
		if (want_l)
			printf("%ld", nl), sep = " ";
		if (want_w)
			printf("%s%ld", sep, nw), sep = " ";
		if (want_c)
			printf("%s%ld", sep, nc);
		if (strcmp(*files, "-"))
			printf(" %s", *files);
		putchar('\n');
	}
	return rc;
}

static int sort_reverse, sort_numeric;

static int cmp_lines(const void *a, const void *b)
{
	const char *x = *(char *const *)a, *y = *(char *const *)b;
	int r;
	if (sort_numeric) {
		long u = strtol(x, 0, 10), v = strtol(y, 0, 10);
		r = u < v ? -1 : u > v;
		if (!r)
			r = strcmp(x, y);
	} else {
		r = strcmp(x, y);
	}
	return sort_reverse ? -r : r;
}

static int ap_sort(int argc, char **argv)
{
	int unique = 0, c;
	sort_reverse = sort_numeric = 0;
	while ((c = getopt(argc, argv, "+rnu")) != -1) {
		if (c == 'r')
			sort_reverse = 1;
		else if (c == 'n')
			sort_numeric = 1;
		else if (c == 'u')
			unique = 1;
		else
			return 2;
	}
	struct strv lines = {0};
	char *dash[] = {"-", 0};
	char **files = optind < argc ? argv + optind : dash;
	char *line = 0;
	size_t cap = 0;
	ssize_t len;
	for (; *files; files++) {
		FILE *f = open_arg("sort", *files);
		if (!f)
			return 2;
		while ((len = getline(&line, &cap, f)) > 0) {
			if (line[len - 1] == '\n')
				line[len - 1] = 0;
			strv_push(&lines, xstrdup(line));
		}
		close_arg(f);
	}
	free(line);
	if (lines.n)
		qsort(lines.v, lines.n, sizeof *lines.v, cmp_lines);
	for (size_t i = 0; i < lines.n; i++)
		if (!unique || i == 0 || strcmp(lines.v[i], lines.v[i - 1]))
			printf("%s\n", lines.v[i]);
	strv_free(&lines);
	return 0;
}

static int ap_grep(int argc, char **argv)
{
	int invert = 0, count = 0, number = 0, icase = 0, list = 0, quiet = 0, only = 0, c;
	while ((c = getopt(argc, argv, "+vcnilqo")) != -1) {
		switch (c) {
		case 'v': invert = 1; break;
		case 'c': count = 1; break;
		case 'n': number = 1; break;
		case 'i': icase = 1; break;
		case 'l': list = 1; break;
		case 'q': quiet = 1; break;
		case 'o': only = 1; break;
		default: return 2;
		}
	}
	if (optind >= argc) {
		fputs("usage: grep [-vcnilqo] PATTERN [FILE...]\n", stderr);
		return 2;
	}
	regex_t re;
	int e = regcomp(&re, argv[optind++],
			REG_EXTENDED | (only ? 0 : REG_NOSUB) | (icase ? REG_ICASE : 0));
	if (e) {
		char msg[128];
		regerror(e, &re, msg, sizeof msg);
		fprintf(stderr, "grep: %s\n", msg);
		return 2;
	}
	char *dash[] = {"-", 0};
	char **files = optind < argc ? argv + optind : dash;
	int many = argc - optind > 1, any = 0, trouble = 0;
	char *line = 0;
	size_t cap = 0;
	ssize_t len;
	for (; *files; files++) {
		FILE *f = open_arg("grep", *files);
		if (!f) {
			trouble = 1;
			continue;
		}
		long n = 0, hits = 0;
		while ((len = getline(&line, &cap, f)) > 0) {
			n++;
			if (line[len - 1] == '\n')
				line[--len] = 0;
			if ((regexec(&re, line, 0, 0, 0) == 0) == invert)
				continue;
			hits++, any = 1;
			if (quiet || count || list)
				continue;
			if (only && !invert) {
				/* Each match on its own line; ^ holds only at the
				 * line's start, an empty match prints nothing. */
				const char *at = line;
				regmatch_t m;
				int eflags = 0;
				while (regexec(&re, at, 1, &m, eflags) == 0) {
					if (m.rm_eo > m.rm_so) {
						if (many)
							printf("%s:", *files);
						if (number)
							printf("%ld:", n);
						printf("%.*s\n", (int)(m.rm_eo - m.rm_so), at + m.rm_so);
					} else if (!at[m.rm_eo]) {
						break;
					}
					at += m.rm_eo > m.rm_so ? m.rm_eo : m.rm_eo + 1;
					eflags = REG_NOTBOL;
				}
				continue;
			}
			if (many)
				printf("%s:", *files);
			if (number)
				printf("%ld:", n);
			printf("%s\n", line);
		}
		close_arg(f);
		if (quiet)
			continue;
		if (list && hits)
			printf("%s\n", *files);
		else if (count && !list)
			many ? printf("%s:%ld\n", *files, hits) : printf("%ld\n", hits);
	}
	free(line);
	regfree(&re);
	return trouble && !(quiet && any) ? 2 : any ? 0 : 1;
}

/* A growable byte buffer. */
struct buf {
	char *p;
	size_t n, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		while (b->n + n + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 64;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = 0;
}

/* Appends sed's replacement: & is the match, \1 to \9 the groups. */
static void sed_repl(struct buf *b, const char *repl, const char *at, const regmatch_t *m)
{
	for (const char *r = repl; *r; r++) {
		int g = -1;
		if (*r == '&')
			g = 0;
		else if (r[0] == '\\' && r[1] >= '0' && r[1] <= '9')
			g = *++r - '0';
		else if (r[0] == '\\' && r[1])
			r++;
		if (g < 0)
			buf_add(b, r, 1);
		else if (m[g].rm_so >= 0)
			buf_add(b, at + m[g].rm_so, m[g].rm_eo - m[g].rm_so);
	}
}

/* sed [-n] s/RE/REPL/[gpI] [FILE...]: ERE substitution, any delimiter. */
static int ap_sed(int argc, char **argv)
{
	int quiet = 0, c;
	while ((c = getopt(argc, argv, "+n")) != -1) {
		if (c != 'n')
			return 1;
		quiet = 1;
	}
	const char *cmd = argv[optind];
	if (!cmd || cmd[0] != 's' || !cmd[1]) {
		fputs("sed: only s/RE/REPL/FLAGS is known\n", stderr);
		return 1;
	}
	char delim = cmd[1], *part[3] = {0};
	char *text = xstrdup(cmd + 2), *p = text;
	for (int k = 0; k < 3; k++) {
		part[k] = p;
		while (*p && *p != delim) {
			if (*p == '\\' && p[1] == delim)
				memmove(p, p + 1, strlen(p));
			else if (*p == '\\' && p[1])
				p++;
			p++;
		}
		if (k < 2 && !*p) {
			fputs("sed: unterminated s command\n", stderr);
			free(text);
			return 1;
		}
		if (*p)
			*p++ = 0;
	}
	int global = !!strchr(part[2], 'g'), print = !!strchr(part[2], 'p');
	regex_t re;
	if (regcomp(&re, part[0], REG_EXTENDED | (strchr(part[2], 'I') ? REG_ICASE : 0))) {
		fprintf(stderr, "sed: bad regex %s\n", part[0]);
		free(text);
		return 1;
	}
	char *dash[] = {"-", 0};
	char **files = optind + 1 < argc ? argv + optind + 1 : dash;
	char *line = 0;
	size_t cap = 0;
	ssize_t len;
	int rc = 0;
	struct buf out = {0};
	for (; *files; files++) {
		FILE *f = open_arg("sed", *files);
		if (!f) {
			rc = 2;
			continue;
		}
		while ((len = getline(&line, &cap, f)) > 0) {
			if (line[len - 1] == '\n')
				line[--len] = 0;
			out.n = 0;
			buf_add(&out, "", 0);
			size_t pos = 0;
			int eflags = 0, after_match = 0, done = 0;
			regmatch_t m[10];
			while (pos <= (size_t)len && regexec(&re, line + pos, 10, m, eflags) == 0) {
				size_t so = pos + m[0].rm_so, eo = pos + m[0].rm_eo;
				eflags = REG_NOTBOL;
				if (so == eo && so == pos && after_match) {
					/* No empty match right where the last one ended. */
					if (pos == (size_t)len)
						break;
					buf_add(&out, line + pos++, 1);
					after_match = 0;
					continue;
				}
				buf_add(&out, line + pos, so - pos);
				sed_repl(&out, part[1], line + pos, m);
				done = 1;
				if (so == eo) {
					if (eo < (size_t)len)
						buf_add(&out, line + eo, 1);
					pos = eo + 1;
					after_match = 0;
				} else {
					pos = eo;
					after_match = 1;
				}
				if (!global)
					break;
			}
			if (pos <= (size_t)len)
				buf_add(&out, line + pos, len - pos);
			if (!quiet)
				printf("%s\n", out.p);
			if (done && print)
				printf("%s\n", out.p);
		}
		close_arg(f);
	}
	free(out.p);
	free(line);
	free(text);
	regfree(&re);
	return rc;
}

/* ls [-a] [-F] [DIR]: scandir in byte order; -F marks directories. */
static int ls_all;

static int ls_keep(const struct dirent *e)
{
	return ls_all || e->d_name[0] != '.';
}

static int ap_ls(int argc, char **argv)
{
	int mark = 0, c;
	ls_all = 0;
	while ((c = getopt(argc, argv, "+aF")) != -1) {
		if (c == 'a')
			ls_all = 1;
		else if (c == 'F')
			mark = 1;
		else
			return 2;
	}
	const char *path = optind < argc ? argv[optind] : ".";
	struct dirent **names;
	int n = scandir(path, &names, ls_keep, alphasort);
	if (n < 0) {
		fprintf(stderr, "ls: %s: %s\n", path, strerror(errno));
		return 2;
	}
	for (int i = 0; i < n; i++) {
		char full[512];
		struct stat st;
		snprintf(full, sizeof full, "%s/%s", path, names[i]->d_name);
		int dir = mark && stat(full, &st) == 0 && S_ISDIR(st.st_mode);
		printf("%s%s\n", names[i]->d_name, dir ? "/" : "");
		free(names[i]);
	}
	free(names);
	return 0;
}

/* find's expression: every test given must hold. */
struct find_expr {
	const char *name, *path;
	int maxdepth;
	regex_t re;
	int has_re;
	char type;
};

static int find_match(const struct find_expr *x, const char *path, const struct stat *st)
{
	if (x->type == 'f' && !S_ISREG(st->st_mode))
		return 0;
	if (x->type == 'd' && !S_ISDIR(st->st_mode))
		return 0;
	if (x->name) {
		const char *base = strrchr(path, '/');
		base = base && base[1] ? base + 1 : path;
		if (fnmatch(x->name, base, 0))
			return 0;
	}
	/* -path: with FNM_PATHNAME, so * and ? stop at a slash. */
	if (x->path && fnmatch(x->path, path, FNM_PATHNAME))
		return 0;
	if (x->has_re) {
		/* -regex matches the whole path. */
		regmatch_t m;
		if (regexec(&x->re, path, 1, &m, 0) || m.rm_so != 0 || path[m.rm_eo])
			return 0;
	}
	return 1;
}

static int find_walk(const struct find_expr *x, const char *path, int depth, struct strv *out)
{
	struct stat st;
	if (lstat(path, &st)) {
		fprintf(stderr, "find: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (find_match(x, path, &st))
		strv_push(out, xstrdup(path));
	if (!S_ISDIR(st.st_mode) || (x->maxdepth >= 0 && depth >= x->maxdepth))
		return 0;
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "find: %s: %s\n", path, strerror(errno));
		return 1;
	}
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		size_t n = strlen(path) + strlen(e->d_name) + 2;
		char *sub = xmalloc(n);
		snprintf(sub, n, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
			 e->d_name);
		rc |= find_walk(x, sub, depth + 1, out);
		free(sub);
	}
	closedir(d);
	return rc;
}

static int ap_find(int argc, char **argv)
{
	struct find_expr x = {0};
	x.maxdepth = -1;
	struct strv roots = {0}, out = {0};
	int i = 1, rc = 0;
	for (; i < argc && argv[i][0] != '-'; i++)
		strv_push(&roots, xstrdup(argv[i]));
	if (!roots.n)
		strv_push(&roots, xstrdup("."));
	for (; i < argc; i++) {
		if (i + 1 >= argc) {
			fprintf(stderr, "find: %s wants an argument\n", argv[i]);
			return 1;
		}
		if (!strcmp(argv[i], "-name")) {
			x.name = argv[++i];
		} else if (!strcmp(argv[i], "-path")) {
			x.path = argv[++i];
		} else if (!strcmp(argv[i], "-maxdepth")) {
			x.maxdepth = atoi(argv[++i]);
		} else if (!strcmp(argv[i], "-type")) {
			x.type = argv[++i][0];
		} else if (!strcmp(argv[i], "-regex")) {
			if (regcomp(&x.re, argv[++i], REG_EXTENDED)) {
				fprintf(stderr, "find: bad regex %s\n", argv[i]);
				return 1;
			}
			x.has_re = 1;
		} else {
			fprintf(stderr, "find: unknown primary %s\n", argv[i]);
			return 1;
		}
	}
	for (size_t r = 0; r < roots.n; r++)
		rc |= find_walk(&x, roots.v[r], 0, &out);
	if (out.n)
		qsort(out.v, out.n, sizeof *out.v, cmp_str);
	for (size_t k = 0; k < out.n; k++)
		puts(out.v[k]);
	if (x.has_re)
		regfree(&x.re);
	strv_free(&roots);
	strv_free(&out);
	return rc;
}

/* Starts argv (an applet or a program) with standard input from
 * /dev/null; its pid, or -1. */
static pid_t start(char **argv)
{
	fflush(NULL);
	pid_t p = fork();
	if (p == 0) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd >= 0 && fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
		run_in_child(argv);
	}
	return p;
}

/* Waits for any of xargs' children; folds its status into *rc (123 for a
 * failure, 125 for a signal, 124 for 255, 126/127 for a command that did
 * not run). Whether to stop starting more; -1 when none was left. */
static int xargs_reap(int *rc)
{
	int st;
	pid_t p;
	while ((p = waitpid(-1, &st, 0)) < 0 && errno == EINTR)
		;
	if (p < 0)
		return -1;
	if (WIFSIGNALED(st)) {
		*rc = 125;
		return 1;
	}
	int code = WIFEXITED(st) ? WEXITSTATUS(st) : 1;
	if (code == 126 || code == 127 || code == 255) {
		*rc = code == 255 ? 124 : code;
		return 1;
	}
	if (code && *rc == 0)
		*rc = 123;
	return 0;
}

/* xargs [-n N] [-P N] [CMD ARGS...]: the words of standard input, N at a
 * time, up to P commands at once. */
static int ap_xargs(int argc, char **argv)
{
	long per = 64, par = 1;
	int c;
	while ((c = getopt(argc, argv, "+n:P:")) != -1) {
		if (c != 'n' && c != 'P')
			return 1;
		long v = strtol(optarg, 0, 10);
		if (v < 1)
			return 1;
		*(c == 'n' ? &per : &par) = v;
	}
	char *echo[] = {"echo", 0};
	char **cmd = optind < argc ? argv + optind : echo;
	struct strv words = {0};
	char *line = 0;
	size_t cap = 0;
	while (getline(&line, &cap, stdin) > 0) {
		char *save, *w;
		for (w = strtok_r(line, " \t\n", &save); w; w = strtok_r(0, " \t\n", &save))
			strv_push(&words, xstrdup(w));
	}
	free(line);
	int rc = 0, stop = 0;
	long running = 0;
	for (size_t at = 0; at < words.n && !stop;) {
		if (running == par) {
			stop = xargs_reap(&rc) == 1;
			running--;
			continue;
		}
		struct strv call = {0};
		for (char **a = cmd; *a; a++)
			strv_push(&call, *a);
		for (long k = 0; k < per && at < words.n; k++)
			strv_push(&call, words.v[at++]);
		if (start(call.v) < 0) {
			rc = 126;
			stop = 1;
		} else {
			running++;
		}
		free(call.v);
	}
	for (; running > 0; running--)
		xargs_reap(&rc);
	strv_free(&words);
	return rc;
}

static int ap_test(int argc, char **argv)
{
	struct stat st;
	if (argc == 3 && argv[1][0] == '-' && argv[1][2] == 0) {
		switch (argv[1][1]) {
		case 'e': return stat(argv[2], &st) != 0;
		case 'f': return stat(argv[2], &st) != 0 || !S_ISREG(st.st_mode);
		case 'd': return stat(argv[2], &st) != 0 || !S_ISDIR(st.st_mode);
		case 'n': return argv[2][0] == 0;
		case 'z': return argv[2][0] != 0;
		}
	}
	if (argc == 4 && !strcmp(argv[2], "="))
		return strcmp(argv[1], argv[3]) != 0;
	if (argc == 4 && !strcmp(argv[2], "!="))
		return strcmp(argv[1], argv[3]) == 0;
	if (argc == 2)
		return argv[1][0] == 0;
	fputs("test: cannot read the expression\n", stderr);
	return 2;
}

static int ap_sh(int argc, char **argv);

static const struct {
	const char *name;
	applet_fn fn;
} applets[] = {
	{"cat", ap_cat},   {"echo", ap_echo}, {"false", ap_false}, {"find", ap_find},
	{"grep", ap_grep}, {"head", ap_head}, {"ls", ap_ls},       {"sed", ap_sed},
	{"sh", ap_sh},     {"sort", ap_sort}, {"test", ap_test},   {"true", ap_true},
	{"wc", ap_wc},     {"xargs", ap_xargs},
};

static applet_fn find_applet(const char *name)
{
	for (size_t i = 0; i < sizeof applets / sizeof *applets; i++)
		if (!strcmp(applets[i].name, name))
			return applets[i].fn;
	return 0;
}

/* ------------------------------------------------------------------ shell */

enum tok { T_WORD, T_PIPE, T_AND, T_OR, T_SEMI, T_IN, T_OUT, T_APPEND, T_ERR, T_ERR2OUT, T_END };

struct token {
	enum tok kind;
	char *word; /* T_WORD: the text, \1 where $? goes, \2NAME\3 for $NAME */
};

struct lexer {
	const char *p;
	struct token *t;
	size_t n, cap;
};

static void lex_push(struct lexer *l, enum tok kind, char *word)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->t = xrealloc(l->t, l->cap * sizeof *l->t);
	}
	l->t[l->n].kind = kind;
	l->t[l->n].word = word;
	l->n++;
}

/* Splits a script into tokens; 0, or -1 on an unfinished quote. */
static int lex(struct lexer *l)
{
	const char *p = l->p;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#')
			while (*p && *p != '\n')
				p++;
		if (!*p)
			break;
		if (*p == '\n' || *p == ';') {
			lex_push(l, T_SEMI, 0), p++;
		} else if (p[0] == '|' && p[1] == '|') {
			lex_push(l, T_OR, 0), p += 2;
		} else if (*p == '|') {
			lex_push(l, T_PIPE, 0), p++;
		} else if (p[0] == '&' && p[1] == '&') {
			lex_push(l, T_AND, 0), p += 2;
		} else if (*p == '<') {
			lex_push(l, T_IN, 0), p++;
		} else if (p[0] == '>' && p[1] == '>') {
			lex_push(l, T_APPEND, 0), p += 2;
		} else if (*p == '>') {
			lex_push(l, T_OUT, 0), p++;
		} else if (!strncmp(p, "2>&1", 4)) {
			lex_push(l, T_ERR2OUT, 0), p += 4;
		} else if (p[0] == '2' && p[1] == '>') {
			lex_push(l, T_ERR, 0), p += 2;
		} else if (*p == '&') {
			return -1; /* no background jobs */
		} else {
			size_t cap = 16, n = 0;
			char *w = xmalloc(cap);
			while (*p && !strchr(" \t\n;|&<>", *p)) {
				char q = 0;
				if (*p == '\'' || *p == '"')
					q = *p++;
				do {
					if (q && !*p) {
						free(w);
						return -1;
					}
					if (q && *p == q) {
						p++;
						break;
					}
					if (n + 3 > cap)
						w = xrealloc(w, cap *= 2);
					if (q != '\'' && p[0] == '$' && p[1] == '?') {
						w[n++] = '\1', p += 2;
					} else if (q != '\'' && p[0] == '$' &&
						   (isalpha((unsigned char)p[1]) || p[1] == '_')) {
						w[n++] = '\2', p++;
						while (isalnum((unsigned char)*p) || *p == '_') {
							if (n + 3 > cap)
								w = xrealloc(w, cap *= 2);
							w[n++] = *p++;
						}
						w[n++] = '\3';
					} else if (q != '\'' && *p == '\\' && p[1]) {
						w[n++] = p[1], p += 2;
					} else {
						w[n++] = *p++;
					}
				} while (q);
			}
			w[n] = 0;
			lex_push(l, T_WORD, w);
		}
	}
	lex_push(l, T_END, 0);
	return 0;
}

static int last_status;

/* A word with $? replaced by the last status and $NAME by the
 * environment's NAME (nothing when unset). */
static char *expand(const char *w)
{
	char num[16];
	snprintf(num, sizeof num, "%d", last_status);
	struct buf b = {0};
	buf_add(&b, "", 0);
	for (const char *s = w; *s; s++) {
		if (*s == '\1') {
			buf_add(&b, num, strlen(num));
		} else if (*s == '\2') {
			const char *end = strchr(s, '\3');
			char name[64];
			snprintf(name, sizeof name, "%.*s", (int)(end - s - 1), s + 1);
			const char *v = getenv(name);
			if (v)
				buf_add(&b, v, strlen(v));
			s = end;
		} else {
			buf_add(&b, s, 1);
		}
	}
	return b.p;
}

/* Whether a word (as lexed) is NAME=value. */
static int is_assignment(const char *w)
{
	if (!isalpha((unsigned char)*w) && *w != '_')
		return 0;
	while (isalnum((unsigned char)*w) || *w == '_')
		w++;
	return *w == '=';
}

/* setenv for each NAME=value; 0, or 1 with a message. */
static int assign(const struct strv *a)
{
	for (size_t i = 0; i < a->n; i++) {
		char *eq = strchr(a->v[i], '=');
		*eq = 0;
		int bad = setenv(a->v[i], eq + 1, 1);
		*eq = '=';
		if (bad) {
			fprintf(stderr, "msh: %s: %s\n", a->v[i], strerror(errno));
			return 1;
		}
	}
	return 0;
}

struct redir {
	enum tok kind;
	char *path;
};

struct command {
	struct strv argv, assigns;
	struct redir r[8];
	int nr;
};

static void command_free(struct command *c)
{
	strv_free(&c->argv);
	strv_free(&c->assigns);
	for (int i = 0; i < c->nr; i++)
		free(c->r[i].path);
	c->nr = 0;
}

/* In a child: applies c's redirections; 0, or -1 with a message. */
static int apply_redirs(const struct command *c)
{
	for (int i = 0; i < c->nr; i++) {
		int fd, to;
		switch (c->r[i].kind) {
		case T_IN:
			fd = open(c->r[i].path, O_RDONLY), to = 0;
			break;
		case T_OUT:
			fd = open(c->r[i].path, O_WRONLY | O_CREAT | O_TRUNC, 0644), to = 1;
			break;
		case T_APPEND:
			fd = open(c->r[i].path, O_WRONLY | O_CREAT | O_APPEND, 0644), to = 1;
			break;
		case T_ERR:
			fd = open(c->r[i].path, O_WRONLY | O_CREAT | O_TRUNC, 0644), to = 2;
			break;
		default:
			if (dup2(1, 2) < 0)
				return -1;
			continue;
		}
		if (fd < 0) {
			fprintf(stderr, "msh: %s: %s\n", c->r[i].path, strerror(errno));
			return -1;
		}
		if (fd != to) {
			dup2(fd, to);
			close(fd);
		}
	}
	return 0;
}

/* cd and exit, run by the shell itself when alone; -1 if not a builtin. */
static int builtin(struct command *c, int *exiting)
{
	char **v = c->argv.v;
	if (!v)
		return assign(&c->assigns);
	if (!strcmp(v[0], "cd")) {
		const char *to = v[1] ? v[1] : getenv("HOME");
		if (!to || chdir(to)) {
			fprintf(stderr, "msh: cd: %s: %s\n", to ? to : "", strerror(errno));
			return 1;
		}
		return 0;
	}
	if (!strcmp(v[0], "exit")) {
		*exiting = 1;
		return v[1] ? atoi(v[1]) & 255 : last_status;
	}
	return -1;
}

/* Runs a pipeline of n commands; its status (the last command's). */
static int run_pipeline(struct command *cmds, int n, int *exiting)
{
	if (n == 1 && cmds[0].nr == 0) {
		int rc = builtin(&cmds[0], exiting);
		if (rc >= 0)
			return rc;
	}
	pid_t *pids = xmalloc(n * sizeof *pids);
	int prev = -1, started = 0;
	for (int i = 0; i < n; i++) {
		int pfd[2] = {-1, -1};
		if (i < n - 1 && pipe(pfd)) {
			fprintf(stderr, "msh: pipe: %s\n", strerror(errno));
			break;
		}
		fflush(NULL);
		pid_t p = fork();
		if (p < 0) {
			fprintf(stderr, "msh: fork: %s\n", strerror(errno));
			close(pfd[0]), close(pfd[1]);
			break;
		}
		if (p == 0) {
			if (prev >= 0) {
				dup2(prev, 0);
				close(prev);
			}
			if (pfd[1] >= 0) {
				dup2(pfd[1], 1);
				close(pfd[1]);
				close(pfd[0]);
			}
			if (apply_redirs(&cmds[i]) || assign(&cmds[i].assigns))
				_exit(1);
			int ex = 0, rc = builtin(&cmds[i], &ex);
			if (rc >= 0)
				_exit(rc);
			run_in_child(cmds[i].argv.v);
		}
		pids[started++] = p;
		if (prev >= 0)
			close(prev);
		if (pfd[1] >= 0)
			close(pfd[1]);
		prev = pfd[0];
	}
	if (prev >= 0)
		close(prev);
	int rc = 1;
	for (int i = 0; i < started; i++) {
		int st;
		while (waitpid(pids[i], &st, 0) < 0 && errno == EINTR)
			;
		if (i == n - 1)
			rc = status_of(st);
	}
	free(pids);
	return rc;
}

/* Runs a script; the status of the last pipeline run (or exit's). */
static int run_script(const char *text)
{
	struct lexer l = {text, 0, 0, 0};
	if (lex(&l)) {
		fputs("msh: unfinished quote or a lone &\n", stderr);
		return 2;
	}
	size_t i = 0;
	enum tok connector = T_SEMI;
	int exiting = 0;
	last_status = 0;
	while (l.t[i].kind != T_END && !exiting) {
		if (l.t[i].kind == T_SEMI) {
			i++;
			connector = T_SEMI;
			continue;
		}
		/* One pipeline: commands separated by |. */
		struct command cmds[16];
		int n = 0, bad = 0;
		memset(cmds, 0, sizeof cmds);
		for (;;) {
			struct command *c = &cmds[n++];
			while (l.t[i].kind != T_END && l.t[i].kind != T_PIPE && l.t[i].kind != T_AND &&
			       l.t[i].kind != T_OR && l.t[i].kind != T_SEMI) {
				enum tok k = l.t[i].kind;
				if (k == T_WORD && !c->argv.n && is_assignment(l.t[i].word)) {
					strv_push(&c->assigns, expand(l.t[i++].word));
				} else if (k == T_WORD) {
					strv_push(&c->argv, expand(l.t[i++].word));
				} else if (k == T_ERR2OUT && c->nr < 8) {
					c->r[c->nr].kind = k;
					c->r[c->nr++].path = 0;
					i++;
				} else if (l.t[i + 1].kind == T_WORD && c->nr < 8) {
					c->r[c->nr].kind = k;
					c->r[c->nr++].path = expand(l.t[i + 1].word);
					i += 2;
				} else {
					bad = 1;
					break;
				}
			}
			if (!c->argv.n && !c->assigns.n)
				bad = 1;
			if (bad || l.t[i].kind != T_PIPE || n == 16)
				break;
			i++;
		}
		if (bad) {
			fputs("msh: syntax error\n", stderr);
			for (int k = 0; k < n; k++)
				command_free(&cmds[k]);
			last_status = 2;
			break;
		}
		int run = connector == T_SEMI || (connector == T_AND) == (last_status == 0);
		if (run)
			last_status = run_pipeline(cmds, n, &exiting);
		for (int k = 0; k < n; k++)
			command_free(&cmds[k]);
		connector = l.t[i].kind;
		if (connector != T_END)
			i++;
	}
	for (size_t k = 0; k < l.n; k++)
		free(l.t[k].word);
	free(l.t);
	return last_status;
}

/* sh -c SCRIPT, sh FILE, or sh (the script on standard input). */
static int ap_sh(int argc, char **argv)
{
	if (argc > 2 && !strcmp(argv[1], "-c"))
		return run_script(argv[2]);
	FILE *f = argc > 1 ? fopen(argv[1], "r") : stdin;
	if (!f) {
		fprintf(stderr, "msh: %s: %s\n", argv[1], strerror(errno));
		return 127;
	}
	size_t cap = 256, n = 0, got;
	char *text = xmalloc(cap);
	while ((got = fread(text + n, 1, cap - n - 1, f)) > 0)
		if ((n += got) + 1 == cap)
			text = xrealloc(text, cap *= 2);
	text[n] = 0;
	if (f != stdin)
		fclose(f);
	int rc = run_script(text);
	free(text);
	return rc;
}

/* ------------------------------------------------------------------- test */

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f)) {
		printf("FAIL setup: cannot write %s\n", path);
		exit(1);
	}
}

/* Runs `script` through the shell in a child; its standard output
 * (malloc'd) and exit status. */
static char *run_msh(const char *script, int *status)
{
	int pfd[2];
	*status = -1;
	if (pipe(pfd))
		return 0;
	fflush(NULL);
	pid_t p = fork();
	if (p == 0) {
		close(pfd[0]);
		dup2(pfd[1], 1);
		close(pfd[1]);
		char *argv[] = {"sh", "-c", (char *)script, 0};
		run_in_child(argv);
	}
	close(pfd[1]);
	size_t cap = 1024, n = 0;
	char *out = xmalloc(cap);
	ssize_t got;
	while ((got = read(pfd[0], out + n, cap - n - 1)) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if ((n += got) + 1 == cap)
			out = xrealloc(out, cap *= 2);
	}
	out[n] = 0;
	close(pfd[0]);
	int st;
	if (p < 0 || waitpid(p, &st, 0) != p)
		*status = -1;
	else
		*status = status_of(st);
	return out;
}

static void show(const char *label, const char *s)
{
	put(label);
	for (; *s; s++) {
		char c[3] = {*s, 0, 0};
		if (*s == '\n')
			c[0] = '\\', c[1] = 'n';
		put(c);
	}
	put("\"\n");
}

/* One case: the script's output and status must be `want` and `status`. */
static void expect(const char *name, const char *script, const char *want, int status)
{
	int got_status;
	char *out = run_msh(script, &got_status);
	int ok = out && !strcmp(out, want) && got_status == status;
	check(name, ok, "output or exit status differs");
	if (!ok) {
		show("  script: \"", script);
		show("  got:    \"", out ? out : "(none)");
		show("  want:   \"", want);
		put("  status got ");
		put_num(got_status);
		put(", want ");
		put_num(status);
		put("\n");
	}
	free(out);
}

static char dir[64];

/* Removes the test tree, children first. */
static void remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st))
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		struct dirent *e;
		while (d && (e = readdir(d))) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char sub[512];
			snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
			remove_tree(sub);
		}
		if (d)
			closedir(d);
		rmdir(path);
	} else {
		unlink(path);
	}
}

int main(int argc, char **argv)
{
	/* `util_msh_c APPLET ARGS...` runs one applet, as a multi-call
	 * utility; without arguments the program tests itself. */
	if (argc > 1) {
		applet_fn fn = find_applet(argv[1]);
		if (!fn) {
			fprintf(stderr, "msh: no applet %s\n", argv[1]);
			return 127;
		}
		optind = 0;
		return fn(argc - 1, argv + 1);
	}
	strcpy(dir, "/tmp/muslin-msh-XXXXXX");
	if (!mkdtemp(dir) || chdir(dir)) {
		printf("FAIL setup: mkdtemp or chdir: %s\n", strerror(errno));
		return 1;
	}
	mkdir("src", 0755);
	mkdir("src/sub", 0755);
	mkdir("docs", 0755);
	mkdir("empty", 0755);
	write_file("src/a.c", "int foo;\nint bar;\n/* foo foo */\n");
	write_file("src/b.c", "int bar;\n");
	write_file("src/util.h", "#define FOO 1\n");
	write_file("src/sub/c.c", "foo\nFoo\nfOO\nfoo.\n");
	write_file("src/sub/d.txt", "foo bar\n");
	write_file("docs/readme.md", "Hello\nfoo is here\n");
	write_file("docs/.hidden", "foo\n");
	char longline[5010];
	memset(longline, 'x', 5000);
	strcpy(longline + 5000, "END\n");
	write_file("long", longline);
	FILE *lf = fopen("long", "a");
	fputs("short\n", lf);
	fclose(lf);
	write_file("nums", "10\n9\n100\n-3\n9\n");
	write_file("words", "a b  c\n\td e\n");
	write_file("script.msh", "# a script file\n"
				 "echo start\n"
				 "find src -name '*.h'   # a comment after a command\n"
				 "grep -q nothing-here docs/readme.md || echo 'no match'\n"
				 "exit 4\n"
				 "echo not reached\n");
	/* 20000 lines, about 150 KiB: more than a pipe holds. */
	FILE *big = fopen("big", "w");
	long sevens = 0;
	for (int i = 0; i < 20000; i++) {
		fprintf(big, "line %05d of the big file\n", i);
		char num[8];
		snprintf(num, sizeof num, "%05d", i);
		sevens += strchr(num, '7') != 0;
	}
	fclose(big);
	char want_sevens[32];
	snprintf(want_sevens, sizeof want_sevens, "%ld\n", sevens);

	/* find */
	expect("find -name", "find src -name '*.c'", "src/a.c\nsrc/b.c\nsrc/sub/c.c\n", 0);
	expect("find -type d", "find . -type d", ".\n./docs\n./empty\n./src\n./src/sub\n", 0);
	expect("find -regex -type f", "find src docs -regex '.*/[a-c]\\.(c|h)' -type f",
	       "src/a.c\nsrc/b.c\nsrc/sub/c.c\n", 0);
	expect("find -name glob class", "find . -name '[!a-c]*.?\?' -type f",
	       "./docs/readme.md\n", 0);
	expect("find missing root", "find nowhere 2>/dev/null; echo $?", "1\n", 0);
	expect("find empty", "find empty", "empty\n", 0);

	/* grep */
	expect("grep -n -i", "grep -n -i '^fo+$' src/sub/c.c", "1:foo\n2:Foo\n3:fOO\n", 0);
	expect("grep -v -c stdin", "grep -v -c foo < docs/readme.md", "1\n", 0);
	expect("grep no match", "grep zzz docs/readme.md", "", 1);
	expect("grep missing file", "grep x nowhere 2>&1 | wc -l; grep x nowhere 2>/dev/null",
	       "1\n", 2);
	expect("grep -l files", "grep -l bar src/a.c src/b.c src/sub/c.c src/sub/d.txt",
	       "src/a.c\nsrc/b.c\nsrc/sub/d.txt\n", 0);
	expect("grep bad regex", "grep '(' src/a.c 2>/dev/null; echo $?", "2\n", 0);

	/* pipelines of applets */
	expect("find | xargs grep -c", "find src -name '*.c' | xargs grep -c foo",
	       "src/a.c:2\nsrc/b.c:0\nsrc/sub/c.c:2\n", 0);
	expect("find | xargs -n 1 grep -l -i | sort -r",
	       "find src -name '*.c' | xargs -n 1 grep -l -i foo | sort -r",
	       "src/sub/c.c\nsrc/a.c\n", 0);
	expect("xargs 123", "find src -type f | xargs -n 1 grep -q foo; echo $?", "123\n", 0);
	expect("xargs 127", "echo a | xargs no-such-command-msh 2>/dev/null; echo $?", "127\n",
	       0);
	expect("xargs -n 2", "xargs -n 2 < words", "a b\nc d\ne\n", 0);
	expect("xargs -P 3", "find src -type f | xargs -n 1 -P 3 grep -c foo | sort; "
			     "find src -type f | xargs -P 2 -n 2 grep -q foo; echo $?",
	       "0\n0\n1\n2\n2\n123\n", 0);
	expect("xargs 125, 124", "echo 1 | xargs /bin/sh -c 'kill -9 $$'; echo $?; "
				 "echo 1 2 | xargs -n 1 sh -c 'exit 255'; echo $?",
	       "125\n124\n", 0);
	expect("killed status 128+N", "/bin/sh -c 'kill -TERM $$'; echo $?", "143\n", 0);
	expect("long lines", "grep -o 'xE.D$' long; sed 's/x*//' long; wc -c long; "
			     "cat long long | sort -u | wc -l",
	       "xEND\nEND\nshort\n5010 long\n2\n", 0);
	expect("script on stdin", "sh < script.msh; echo $?", "start\nsrc/util.h\nno match\n4\n",
	       0);
	expect("xargs echo default", "cat words | xargs", "a b c d e\n", 0);
	expect("long pipeline", "cat src/a.c src/b.c src/sub/d.txt | grep bar | sort -u | wc -l",
	       "2\n", 0);
	expect("sort -n", "sort -n nums", "-3\n9\n9\n10\n100\n", 0);
	expect("sort -r -u", "sort -r -u nums", "9\n100\n10\n-3\n", 0);
	expect("big through pipes", "cat big | cat | grep -c 7", want_sevens, 0);
	expect("big wc", "sort -r big | wc -l -w", "20000 120000\n", 0);
	/* head stops reading: sort dies of SIGPIPE or finishes; the status is
	 * the last command's. */
	expect("head ends pipe", "sort -r big | head -n 2",
	       "line 19999 of the big file\nline 19998 of the big file\n", 0);
	expect("pipeline status is the last's", "grep zzz big | true; echo $?; true | false",
	       "0\n", 1);

	/* find -path and -maxdepth, grep -o, sed, ls */
	expect("find -path", "find . -path './src/*' -name '*.c'", "./src/a.c\n./src/b.c\n", 0);
	expect("find -path **", "find . -path './*/*/*'", "./src/sub/c.c\n./src/sub/d.txt\n", 0);
	expect("find -maxdepth", "find . -maxdepth 1 -type d", ".\n./docs\n./empty\n./src\n", 0);
	expect("find dotfile", "find docs -name '.*'", "docs/.hidden\n", 0);
	expect("grep -o -n", "grep -o -n 'fo+' src/a.c", "1:foo\n3:foo\n3:foo\n", 0);
	expect("grep -o ^", "echo abcabc | grep -o '^abc'; echo xay | grep -o 'a*'", "abc\na\n", 0);
	expect("sed s///g", "echo hello world | sed 's/o/0/g'", "hell0 w0rld\n", 0);
	expect("sed groups &", "echo 'key=value' | sed 's/([a-z]+)=([a-z]+)/\\2=\\1 [&]/'",
	       "value=key [key=value]\n", 0);
	expect("sed empty matches", "echo abc | sed 's/x*/-/g'; echo xab | sed 's/x*/-/g'",
	       "-a-b-c-\n-a-b-\n", 0);
	expect("sed -n p", "sed -n 's/^int (.*);$/\\1/p' src/a.c", "foo\nbar\n", 0);
	expect("sed first only, ^, |", "echo aaa | sed 's/a/b/'; echo abab | sed 's/^a/X/g'; "
				       "echo a.b.c | sed 's|\\.|/|g'; echo FOO | sed 's/o/0/gI'",
	       "baa\nXbab\na/b/c\nF00\n", 0);
	expect("ls", "ls docs; ls -a docs; ls -F src", "readme.md\n.\n..\n.hidden\nreadme.md\n"
						       "a.c\nb.c\nsub/\nutil.h\n", 0);
	expect("ls missing", "ls nowhere 2>/dev/null; echo $?", "2\n", 0);
	expect("find | sed | xargs ls", "find src -type d -name sub | sed 's/$/\\/../' | xargs ls -F",
	       "a.c\nb.c\nsub/\nutil.h\n", 0);

	/* variables: NAME=value in the shell or for one command (passed on
	 * by execvp), $NAME */
	expect("assignment for a host program", "X=5 /bin/sh -c 'exit $X'; echo $?", "5\n", 0);
	expect("assignment in the shell", "Y=hello; echo $Y world \"$Y\"s '$Y' $NO_SUCH_MSH.",
	       "hello world hellos $Y .\n", 0);
	expect("assignment for an applet", "Z=1 sh -c 'echo in $Z'; echo \"[$Z]\"", "in 1\n[]\n",
	       0);
	expect("two assignments, overriding", "A=1; A=2 B=3 /bin/sh -c 'echo $A$B'; echo $A",
	       "23\n1\n", 0);

	/* redirections and lists */
	expect("> >> <", "echo one > out.txt; echo two >> out.txt; cat < out.txt | wc -l; cat out.txt",
	       "2\none\ntwo\n", 0);
	expect("> truncates", "echo three > out.txt; cat out.txt", "three\n", 0);
	expect("< missing", "cat 2>/dev/null < nowhere; echo $?", "1\n", 0);
	expect("2>&1 into pipe", "cat nowhere 2>&1 | grep -c nowhere", "1\n", 0);
	expect("&& ||", "false && echo no || echo yes; true || echo no; echo $?", "yes\n0\n", 0);
	expect("&& chain", "true && false && echo no; echo $?", "1\n", 0);
	expect("test", "test -d src && test -f src/a.c && test ! = x || echo t; test -e nowhere "
		       "|| echo missing",
	       "t\nmissing\n", 0);
	expect("exit", "echo a; exit 7; echo b", "a\n", 7);
	expect("nested sh", "sh -c 'exit 3'; echo $?; sh -c 'echo x; echo y' | wc -l", "3\n2\n",
	       0);
	expect("script file", "sh script.msh; echo $?", "start\nsrc/util.h\nno match\n4\n", 0);
	expect("quotes", "echo 'a  b' \"c|d $?\" e\\;f '$?'", "a  b c|d 0 e;f $?\n", 0);
	expect("syntax error", "echo a | | echo b", "", 2);
	expect("unfinished quote", "echo 'a", "", 2);
	expect("not found", "no-such-command-msh 2>/dev/null; echo $?", "127\n", 0);

	/* cd: the shell's own directory changes, its children's follow. */
	expect("cd", "cd src/sub && find . -type f; cd ../.. && find empty", "./c.c\n./d.txt\nempty\n",
	       0);
	expect("cd missing", "cd nowhere 2>/dev/null || echo nocd", "nocd\n", 0);

	/* the host's programs, run with execvp */
	expect("host /bin/sh status", "/bin/sh -c 'exit 5'; echo $?", "5\n", 0);
	expect("host tr in pipeline", "echo ext | tr a-z A-Z", "EXT\n", 0);
	expect("applet | host cat | applet", "find src -name '*.h' | /bin/cat | grep -c util", "1\n",
	       0);
	expect("host sh pipeline to applets",
	       "/bin/sh -c 'echo b; echo a; echo b' | sort -u | xargs echo", "a b\n", 0);

	remove_tree(dir);
	struct stat st;
	CHECK("tree removed", stat(dir, &st) != 0 && errno == ENOENT);
	return check_failed;
}
