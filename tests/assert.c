/* assert.h: NDEBUG switches assert off and on again at every inclusion, a
 * true assertion does nothing (evaluating its expression once), and a false
 * one writes glibc's message to standard error and aborts. The abort is
 * caught: the SIGABRT handler siglongjmps back, and the message is read
 * from the pipe standard error was pointed at. */
#define NDEBUG
#include <assert.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include "check.h"

static int off_count;

static void assert_off(void)
{
	assert(++off_count == 100); /* NDEBUG: not evaluated */
}

#undef NDEBUG
#include <assert.h>

static_assert(sizeof(char) == 1, "static_assert is C11's _Static_assert");

static int on_count;
static sigjmp_buf back;
static volatile int aborts;

static void on_abort(int sig)
{
	aborts += sig == SIGABRT;
	siglongjmp(back, 1);
}

__attribute__((noinline)) static int opaque(int v)
{
	__asm__ volatile("" : "+r"(v));
	return v;
}

static int fail_line;

__attribute__((noinline)) static void failing_function(int one)
{
	fail_line = __LINE__ + 1;
	assert(one == 2);
}

static void append(char *buf, const char *s)
{
	strcpy(buf + strlen(buf), s);
}

int main(int argc, char **argv)
{
	(void)argc;
	assert_off();
	CHECK_EQ("NDEBUG assert does not evaluate", off_count, 0);
	assert(++on_count == 1);
	CHECK_EQ("assert evaluates its expression once", on_count, 1);

	int fds[2];
	CHECK_EQ("pipe", pipe(fds), 0);
	int saved_err = dup(2);
	dup2(fds[1], 2);
	struct sigaction sa;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	sa.sa_handler = on_abort;
	sigaction(SIGABRT, &sa, 0);
	if (sigsetjmp(back, 1) == 0) {
		failing_function(opaque(1));
		CHECK("a false assert does not return", 0);
	}
	dup2(saved_err, 2);
	CHECK_EQ("a false assert raises SIGABRT", aborts, 1);

	char got[512] = {0};
	int n = read(fds[0], got, sizeof got - 1);
	CHECK("message written", n > 0);
	char want[512] = {0}, num[16], *p = num + sizeof num;
	const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	*--p = 0;
	for (int l = fail_line; l; l /= 10)
		*--p = '0' + l % 10;
	append(want, prog);
	append(want, ": ");
	append(want, __FILE__);
	append(want, ":");
	append(want, p);
	append(want, ": failing_function: Assertion `one == 2' failed.\n");
	CHECK("message as glibc writes it", strcmp(got, want) == 0);
	if (strcmp(got, want) != 0) {
		put("  got  ");
		put(got);
		put("  want ");
		put(want);
	}
	return check_failed;
}
