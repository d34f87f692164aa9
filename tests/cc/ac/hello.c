/* Prints what configure found, so the test sees it in the program too. */
#include "config.h"
#include <stdio.h>

int main(void)
{
#if defined(HAVE_GETLINE) && defined(HAVE_PTHREAD_CREATE) && defined(HAVE_PTHREAD_H)
    puts("configured: getline, pthread_create, pthread.h");
#endif
#ifdef HAVE_NO_SUCH_FUNCTION_IN_MUSLIN
    puts("configure found a function muslin does not have");
#endif
    return 0;
}
