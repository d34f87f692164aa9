#include <stdio.h>
#include <stdlib.h>
#include "foo.h"

int main(int argc, char **argv)
{
    int x = argc > 1 ? atoi(argv[1]) : 10;
    printf("foo(%d) = %d\n", x, foo(x));
    return 0;
}
