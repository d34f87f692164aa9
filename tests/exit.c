/* Constructor, atexit order (last first), destructor, exit status 42:
 * x.py checks the exact output.
 *
 * expect-status: 42
 * expect-stdout: "ctor\n" "main\n" "atexit 2\n" "atexit 1\n" "fini\n"
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
	write(1, s, strlen(s));
}

__attribute__((constructor)) static void ctor(void) { say("ctor\n"); }
__attribute__((destructor)) static void dtor(void) { say("fini\n"); }
static void first(void) { say("atexit 1\n"); }
static void second(void) { say("atexit 2\n"); }

int main(void)
{
	say("main\n");
	atexit(first);
	atexit(second);
	exit(42);
}
