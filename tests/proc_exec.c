/* The exec family: execve, execv, execl, execle, execlp, execvp, execvpe
 * and fexecve, the PATH search (ENOENT, EACCES remembered, ENOEXEC runs
 * the file under /bin/sh). The programs run are the host's /bin/sh and
 * /bin/true, which work natively and from under qemu-user. */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* Runs `fn` in a child; its exit status (or 256 + errno if exec failed
 * and the child reported it). */
static int in_child(void (*fn)(void))
{
	pid_t p = fork();
	if (p == 0) {
		fn();
		_exit(200 + (errno & 0x3f));
	}
	int st;
	if (waitpid(p, &st, 0) != p || !WIFEXITED(st))
		return -1;
	return WEXITSTATUS(st);
}

static void do_execve(void)
{
	char *argv[] = {"sh", "-c", "exit 11", 0};
	execve("/bin/sh", argv, environ);
}
static void do_execv(void)
{
	char *argv[] = {"sh", "-c", "exit 12", 0};
	execv("/bin/sh", argv);
}
static void do_execl(void) { execl("/bin/sh", "sh", "-c", "exit 13", (char *)0); }
static void do_execle(void)
{
	char *env[] = {"MUSLIN_X=14", 0};
	execle("/bin/sh", "sh", "-c", "exit $MUSLIN_X", (char *)0, env);
}
static void do_execlp(void) { execlp("sh", "sh", "-c", "exit 15", (char *)0); }
static void do_execvp(void)
{
	char *argv[] = {"sh", "-c", "exit 16", 0};
	execvp("sh", argv);
}
static void do_execvpe(void)
{
	char *argv[] = {"sh", "-c", "exit $MUSLIN_Y", 0};
	char *env[] = {"MUSLIN_Y=17", 0};
	execvpe("sh", argv, env);
}
static void do_fexecve(void)
{
	char *argv[] = {"sh", "-c", "exit 18", 0};
	int fd = open("/bin/sh", O_RDONLY);
	fexecve(fd, argv, environ);
}
static void do_true_default_path(void)
{
	char *argv[] = {"true", 0};
	unsetenv("PATH");
	execvp("true", argv);
}
static void do_missing(void)
{
	char *argv[] = {"x", 0};
	setenv("PATH", "/nonexistent:/also/not", 1);
	execvp("muslin-no-such-program", argv);
}
static char dir[64], script[96], noexec[96];
static void do_eacces(void)
{
	char *argv[] = {"x", 0};
	char path[200];
	snprintf(path, sizeof path, "/nonexistent:%s:/also/not", dir);
	setenv("PATH", path, 1);
	execvp("noexec", argv);
}
static void do_script(void)
{
	char *argv[] = {"script", "21", 0};
	setenv("PATH", dir, 1);
	execvp("script", argv);
}
static void do_empty(void)
{
	char *argv[] = {"x", 0};
	execvp("", argv);
}
static void do_execve_missing(void)
{
	char *argv[] = {"x", 0};
	execve("/nonexistent/prog", argv, environ);
}

int main(void)
{
	CHECK_EQ("execve /bin/sh", in_child(do_execve), 11);
	CHECK_EQ("execv", in_child(do_execv), 12);
	CHECK_EQ("execl", in_child(do_execl), 13);
	CHECK_EQ("execle passes its environment", in_child(do_execle), 14);
	CHECK_EQ("execlp searches PATH", in_child(do_execlp), 15);
	CHECK_EQ("execvp searches PATH", in_child(do_execvp), 16);
	CHECK_EQ("execvpe passes its environment", in_child(do_execvpe), 17);
	CHECK_EQ("fexecve", in_child(do_fexecve), 18);
	CHECK_EQ("execvp without PATH uses /bin:/usr/bin", in_child(do_true_default_path), 0);
	CHECK_EQ("execvp not found: ENOENT", in_child(do_missing), 200 + ENOENT);
	CHECK_EQ("execvp empty name: ENOENT", in_child(do_empty), 200 + ENOENT);
	CHECK_EQ("execve missing: ENOENT", in_child(do_execve_missing), 200 + ENOENT);

	snprintf(dir, sizeof dir, "/tmp/muslin-exec-%d", (int)getpid());
	mkdir(dir, 0700);
	snprintf(script, sizeof script, "%s/script", dir);
	snprintf(noexec, sizeof noexec, "%s/noexec", dir);
	int fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	write(fd, "exit $1\n", 8);
	close(fd);
	fd = open(noexec, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	write(fd, "exit 0\n", 7);
	close(fd);
	if (geteuid() != 0)
		CHECK_EQ("execvp: EACCES remembered past later entries", in_child(do_eacces),
			 200 + EACCES);
	else
		CHECK("execvp: EACCES (skipped as root)", 1);
	CHECK_EQ("execvp: ENOEXEC file runs under /bin/sh", in_child(do_script), 21);
	unlink(script);
	unlink(noexec);
	rmdir(dir);
	return check_failed;
}
