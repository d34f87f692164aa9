/* atexit: 32 handlers run newest first, interleaved with one registered by
 * a handler while exit runs them (run next, as it is now the newest), then
 * destructors.
 *
 * expect-status: 0
 * expect-stdout: "main\n" "h31\n" "late\n" "h30\n" "h29\n" "h28\n" "h27\n" "h26\n" "h25\n" "h24\n" "h23\n" "h22\n" "h21\n" "h20\n" "h19\n" "h18\n" "h17\n" "h16\n" "h15\n" "h14\n" "h13\n" "h12\n" "h11\n" "h10\n" "h9\n" "h8\n" "h7\n" "h6\n" "h5\n" "h4\n" "h3\n" "h2\n" "h1\n" "h0\n" "fini\n"
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s)
{
	write(1, s, strlen(s));
}

static void late(void) { say("late\n"); }

#define H(n) static void h##n(void) { say("h" #n "\n"); }
H(0) H(1) H(2) H(3) H(4) H(5) H(6) H(7) H(8) H(9) H(10) H(11) H(12) H(13) H(14) H(15)
H(16) H(17) H(18) H(19) H(20) H(21) H(22) H(23) H(24) H(25) H(26) H(27) H(28) H(29) H(30)

/* The newest: registers `late` while exit runs the handlers. */
static void h31(void)
{
	say("h31\n");
	if (atexit(late) != 0)
		say("atexit during exit failed\n");
}

__attribute__((destructor)) static void dtor(void) { say("fini\n"); }

int main(void)
{
	void (*hs[])(void) = {h0, h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12, h13, h14, h15,
			      h16, h17, h18, h19, h20, h21, h22, h23, h24, h25, h26, h27, h28, h29, h30, h31};
	for (int i = 0; i < 32; i++)
		if (atexit(hs[i]) != 0)
			say("atexit failed\n");
	say("main\n");
	return 0;
}
