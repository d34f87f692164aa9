#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>

in_addr_t inet_addr(const char *s);
int inet_aton(const char *s, struct in_addr *out);
/* Into a buffer of its own, overwritten by the next call. */
char *inet_ntoa(struct in_addr a);
int inet_pton(int family, const char *restrict s, void *restrict out);
const char *inet_ntop(int family, const void *restrict src, char *restrict dst, socklen_t size);

#endif
