#include "foo.h"

int bar(int x)
{
    return x + 1;
}
