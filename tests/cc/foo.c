#include "foo.h"

int foo(int x)
{
    return x * FOO_SCALE + bar(x);
}
