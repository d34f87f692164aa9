/* quick_exit: at_quick_exit handlers newest first, then _Exit: no atexit
 * handlers, no destructors, buffered stdio not flushed.
 *
 * expect-status: 7
 * expect-stdout: "main\n" "quick 3\n" "quick 2\n" "quick 1\n"
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
	write(1, s, strlen(s));
}

__attribute__((destructor)) static void dtor(void) { say("fini\n"); }
static void at_exit(void) { say("atexit\n"); }
static void q1(void) { say("quick 1\n"); }
static void q2(void) { say("quick 2\n"); }
static void q3(void) { say("quick 3\n"); }

int main(void)
{
	atexit(at_exit);
	at_quick_exit(q1);
	at_quick_exit(q2);
	at_quick_exit(q3);
	say("main\n");
	setvbuf(stdout, NULL, _IOFBF, BUFSIZ);
	printf("buffered, never flushed\n");
	quick_exit(7);
}
