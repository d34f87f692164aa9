/* The size yardstick for C programs (`./x.py size`): buffered stdio and
 * the printf engine, and nothing else (no threads, no malloc). */
#include <stdio.h>

int main(void)
{
	printf("hello %d\n", 42);
	return 0;
}
