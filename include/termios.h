#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <bits/alltypes.h>

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

/* struct termios, NCCS and the flag values: per arch (powerpc64le's
 * layout and values differ). */
#include <bits/termios.h>

int tcgetattr(int fd, struct termios *t);
/* act: TCSANOW, TCSADRAIN, TCSAFLUSH (else EINVAL). */
int tcsetattr(int fd, int act, const struct termios *t);
void cfmakeraw(struct termios *t);
/* The speed is the B* value in c_cflag; input and output speeds are one. */
speed_t cfgetispeed(const struct termios *t);
speed_t cfgetospeed(const struct termios *t);
/* EINVAL for a value that is not a B* constant; cfsetispeed(t, 0) leaves
 * the speed as it is (the input speed follows the output speed). */
int cfsetispeed(struct termios *t, speed_t speed);
int cfsetospeed(struct termios *t, speed_t speed);
int cfsetspeed(struct termios *t, speed_t speed);
/* A cancellation point. */
int tcdrain(int fd);
int tcflush(int fd, int queue);
int tcflow(int fd, int action);
int tcsendbreak(int fd, int duration);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
pid_t tcgetsid(int fd);

#endif
