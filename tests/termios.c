/* <termios.h>, <sys/ioctl.h> and ttyname on a pseudo-terminal opened
 * with posix_openpt (and once through /dev/ptmx with the kernel's
 * ioctls): attributes set and read
 * back (the layout the kernel sees), cfmakeraw, speeds, window size,
 * process group, flush/drain/flow; errors on a pipe. */
#include "check.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
	int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (m < 0) {
		check("open /dev/ptmx (skipping the terminal cases)", 1, "");
		return check_failed;
	}
	int unlock = 0, n = -1;
	CHECK_EQ("ioctl TIOCSPTLCK", ioctl(m, TIOCSPTLCK, &unlock), 0);
	CHECK_EQ("ioctl TIOCGPTN", ioctl(m, TIOCGPTN, &n), 0);
	char name[64];
	snprintf(name, sizeof name, "/dev/pts/%d", n);
	close(m);
	m = posix_openpt(O_RDWR | O_NOCTTY);
	CHECK("posix_openpt", m >= 0);
	CHECK_EQ("grantpt", grantpt(m), 0);
	CHECK_EQ("unlockpt", unlockpt(m), 0);
	char pn[64];
	CHECK_EQ("ptsname_r", ptsname_r(m, pn, sizeof pn), 0);
	CHECK("ptsname_r is /dev/pts/N", strncmp(pn, "/dev/pts/", 9) == 0);
	CHECK("ptsname", ptsname(m) && strcmp(ptsname(m), pn) == 0);
	CHECK_EQ("ptsname_r small buffer", ptsname_r(m, pn, 9), ERANGE);
	ptsname_r(m, name, sizeof name);
	int s = open(name, O_RDWR | O_NOCTTY);
	CHECK("open the pts", s >= 0);
	CHECK_EQ("isatty pts", isatty(s), 1);

	char buf[64];
	CHECK_EQ("ttyname_r", ttyname_r(s, buf, sizeof buf), 0);
	CHECK("ttyname_r path", strcmp(buf, name) == 0);
	CHECK("ttyname", ttyname(s) && strcmp(ttyname(s), name) == 0);
	CHECK_EQ("ttyname_r small buffer", ttyname_r(s, buf, 5), ERANGE);
	int p[2];
	pipe(p);
	CHECK_EQ("ttyname_r pipe", ttyname_r(p[0], buf, sizeof buf), ENOTTY);
	errno = 0;
	CHECK("ttyname pipe NULL", ttyname(p[0]) == NULL && errno == ENOTTY);

	struct termios t, u;
	memset(&t, 0, sizeof t);
	CHECK_EQ("tcgetattr", tcgetattr(s, &t), 0);
	CHECK("pts starts canonical with echo", (t.c_lflag & (ICANON | ECHO)) == (ICANON | ECHO));
	CHECK("VINTR is ^C", t.c_cc[VINTR] == 3);
	CHECK("VEOF is ^D", t.c_cc[VEOF] == 4);
	cfmakeraw(&t);
	CHECK("cfmakeraw flags", !(t.c_lflag & (ICANON | ECHO | ISIG)) && !(t.c_oflag & OPOST) &&
					 (t.c_cflag & CSIZE) == CS8);
	CHECK("cfmakeraw VMIN VTIME", t.c_cc[VMIN] == 1 && t.c_cc[VTIME] == 0);
	CHECK_EQ("cfsetspeed", cfsetspeed(&t, B9600), 0);
	CHECK_EQ("cfgetospeed", cfgetospeed(&t), B9600);
	CHECK_EQ("cfgetispeed", cfgetispeed(&t), B9600);
	errno = 0;
	CHECK_EQ("cfsetospeed bad", cfsetospeed(&t, 12345), -1);
	CHECK_EQ("cfsetospeed EINVAL", errno, EINVAL);
	CHECK_EQ("tcsetattr TCSANOW", tcsetattr(s, TCSANOW, &t), 0);
	memset(&u, 0x55, sizeof u);
	tcgetattr(s, &u);
	CHECK("read back flags", u.c_lflag == t.c_lflag && u.c_iflag == t.c_iflag &&
					 u.c_oflag == t.c_oflag && u.c_cflag == t.c_cflag);
	CHECK("read back c_cc", u.c_cc[VMIN] == 1 && u.c_cc[VTIME] == 0 && u.c_cc[VINTR] == 3);
	errno = 0;
	CHECK_EQ("tcsetattr bad action", tcsetattr(s, 99, &t), -1);
	CHECK_EQ("tcsetattr EINVAL", errno, EINVAL);
	CHECK_EQ("tcsetattr TCSADRAIN", tcsetattr(s, TCSADRAIN, &t), 0);
	CHECK_EQ("tcsetattr TCSAFLUSH", tcsetattr(s, TCSAFLUSH, &t), 0);

	/* Raw mode: bytes pass unchanged (no CR-NL mapping, no echo). */
	write(m, "a\r", 2);
	char in[8];
	int k = 0;
	while (k < 2) {
		ssize_t r = read(s, in + k, sizeof in - k);
		if (r <= 0)
			break;
		k += r;
	}
	CHECK("raw input", k == 2 && in[0] == 'a' && in[1] == '\r');

	struct winsize ws = { 24, 80, 0, 0 }, ws2;
	CHECK_EQ("ioctl TIOCSWINSZ", ioctl(m, TIOCSWINSZ, &ws), 0);
	CHECK_EQ("ioctl TIOCGWINSZ", ioctl(s, TIOCGWINSZ, &ws2), 0);
	CHECK("window size", ws2.ws_row == 24 && ws2.ws_col == 80);
	int avail = -1;
	write(m, "xyz", 3);
	/* The pty passes the bytes on from a kernel worker: wait for them
	 * (up to 5 s, a loaded machine under qemu is slow), not a fixed time. */
	int fr = 0;
	for (int i = 0; i < 500; i++) {
		fr = ioctl(s, FIONREAD, &avail);
		if (fr != 0 || avail >= 3)
			break;
		usleep(10000);
	}
	CHECK_EQ("ioctl FIONREAD", fr, 0);
	CHECK_EQ("FIONREAD count", avail, 3);
	CHECK_EQ("tcflush TCIFLUSH", tcflush(s, TCIFLUSH), 0);
	ioctl(s, FIONREAD, &avail);
	CHECK_EQ("tcflush emptied input", avail, 0);
	CHECK_EQ("tcdrain", tcdrain(s), 0);
	CHECK_EQ("tcflow TCOON", tcflow(s, TCOON), 0);
	CHECK_EQ("tcsendbreak", tcsendbreak(s, 0), 0);
	errno = 0;
	CHECK_EQ("tcgetpgrp without a controlling terminal", tcgetpgrp(s), -1);
	CHECK_EQ("tcgetpgrp ENOTTY", errno, ENOTTY);

	CHECK_EQ("ptsname_r pipe", ptsname_r(p[0], pn, sizeof pn), ENOTTY);
	errno = 0;
	CHECK_EQ("unlockpt pipe", unlockpt(p[0]), -1);
	CHECK("unlockpt pipe errno", errno == ENOTTY || errno == EINVAL);
	errno = 0;
	CHECK_EQ("tcgetattr pipe", tcgetattr(p[0], &t), -1);
	CHECK_EQ("tcgetattr ENOTTY", errno, ENOTTY);
	errno = 0;
	CHECK_EQ("tcdrain bad fd", tcdrain(-1), -1);
	CHECK_EQ("tcdrain EBADF", errno, EBADF);
	errno = 0;
	CHECK_EQ("ioctl bad request", ioctl(s, 0x7fff1234, 0), -1);
	/* ENOTTY from the kernel; qemu-user answers ENOSYS for a request it does not know. */
	CHECK("ioctl bad request errno", errno == ENOTTY || errno == EINVAL || errno == ENOSYS);
	return check_failed;
}
