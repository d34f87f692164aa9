/* Start-up seen from C: argv, envp/environ/getenv, constructors before
 * main, and static TLS (__thread) initialised, zeroed and 64-byte aligned.
 * x.py runs it with these arguments and environment:
 *
 * test-args: "alpha" "beta gamma" ""
 * test-env: MUSLIN_TEST="yes" EMPTY=""
 */
#include <stdlib.h>
#include <string.h>
#include "check.h"

static __thread long tls_init = 0x12345678;
static __thread int tls_small = 7; /* a 4-byte-aligned TLS segment's offsets */
static __thread int tls_zero[16];
static __thread char tls_aligned[64] __attribute__((aligned(64))) = "aligned";
static int ctor_order;

__attribute__((constructor)) static void ctor_a(void)
{
	ctor_order = ctor_order * 10 + 1;
}

int main(int argc, char **argv, char **envp)
{
	int i, zero = 1, found = 0;

	CHECK_EQ("argc", argc, 4);
	CHECK("argv1", strcmp(argv[1], "alpha") == 0);
	CHECK("argv2", strcmp(argv[2], "beta gamma") == 0);
	CHECK("argv3 empty", argv[3][0] == 0);
	CHECK("argv NULL-terminated", argv[4] == NULL);
	CHECK("envp is environ", envp == environ);
	for (i = 0; environ[i]; i++)
		found |= strcmp(environ[i], "MUSLIN_TEST=yes") == 0;
	CHECK("environ walk", found);
	CHECK("getenv", getenv("MUSLIN_TEST") && strcmp(getenv("MUSLIN_TEST"), "yes") == 0);
	CHECK("getenv empty", getenv("EMPTY") && getenv("EMPTY")[0] == 0);
	CHECK("getenv missing", getenv("MUSLIN_NOPE") == NULL);
	CHECK("getenv prefix", getenv("MUSLIN") == NULL);
	CHECK_EQ("constructor ran before main", ctor_order, 1);
	CHECK_EQ("__thread initialised", tls_init, 0x12345678);
	CHECK_EQ("__thread int initialised", tls_small, 7);
	for (i = 0; i < 16; i++)
		zero &= tls_zero[i] == 0;
	CHECK("__thread zeroed", zero);
	CHECK_EQ("__thread aligned(64)", (unsigned long)tls_aligned % 64, 0);
	CHECK("__thread aligned initialised", strcmp(tls_aligned, "aligned") == 0);
	tls_init++;
	tls_zero[3] = 9;
	CHECK_EQ("__thread writable", tls_init + tls_zero[3], 0x12345678 + 1 + 9);
	return check_failed;
}
