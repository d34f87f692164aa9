/* A TLS segment aligned to only 4 bytes: the linker's offsets below the
 * thread pointer (TLS variant II) are computed with p_align = 4, not with
 * the descriptor's alignment. */
#include "check.h"

/* 12 bytes: rounding them to 8 instead of 4 would move every offset. */
__thread int a = 5;
__thread int b;
__thread int c;

int main(void)
{
	CHECK_EQ("4-byte-aligned __thread initialised", a, 5);
	CHECK_EQ("4-byte-aligned __thread zeroed", b + c, 0);
	a++;
	b = 3;
	CHECK_EQ("4-byte-aligned __thread writable", a + b, 9);
	return check_failed;
}
