/* Sockets over loopback: TCP on 127.0.0.1 and ::1 (port 0, getsockname,
 * connect, accept with the peer's address, send/recv both ways, shutdown
 * and EOF, accept4's flags), UDP sendto/recvfrom with the sender's address,
 * MSG_PEEK and MSG_TRUNC, socket options read back (SO_REUSEADDR,
 * TCP_NODELAY, SO_KEEPALIVE, SO_LINGER, SO_RCVLOWAT and SO_PASSCRED, whose
 * numbers differ per arch, SO_TYPE, SO_RCVTIMEO timing out with EAGAIN),
 * a unix-domain stream socket at a path, and the errors EBADF, ENOTSOCK,
 * ECONNREFUSED, EADDRINUSE and EAGAIN. ::1 is skipped (and says so) where
 * the system has no IPv6. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#include "check.h"

static char name[96];
static const char *nm(const char *fam, const char *what)
{
	strcpy(name, fam);
	strcat(name, ": ");
	strcat(name, what);
	return name;
}

/* A listening TCP socket on the loopback address of `family`, its address
 * in `addr`; -1 when the family is not there. */
static int listener(int family, struct sockaddr_storage *addr, socklen_t *len)
{
	int l = socket(family, SOCK_STREAM, 0);
	if (l < 0)
		return -1;
	memset(addr, 0, sizeof *addr);
	if (family == AF_INET) {
		struct sockaddr_in *a = (struct sockaddr_in *)addr;
		a->sin_family = AF_INET;
		a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		*len = sizeof *a;
	} else {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)addr;
		a->sin6_family = AF_INET6;
		a->sin6_addr = in6addr_loopback;
		*len = sizeof *a;
	}
	if (bind(l, (struct sockaddr *)addr, *len) < 0 || listen(l, 8) < 0) {
		close(l);
		return -1;
	}
	return l;
}

static in_port_t port_of(const struct sockaddr_storage *a)
{
	return a->ss_family == AF_INET ? ((const struct sockaddr_in *)a)->sin_port
				       : ((const struct sockaddr_in6 *)a)->sin6_port;
}

static void tcp(int family, const char *fam)
{
	struct sockaddr_storage addr, got, peer, mine;
	socklen_t len, glen = sizeof got, plen = sizeof peer, mlen = sizeof mine;
	int l = listener(family, &addr, &len);
	if (l < 0 && family == AF_INET6) {
		put("ok tcp6: no IPv6 here, skipped\n");
		return;
	}
	CHECK(nm(fam, "socket, bind, listen"), l >= 0);
	CHECK_EQ(nm(fam, "getsockname"), getsockname(l, (struct sockaddr *)&got, &glen), 0);
	CHECK_EQ(nm(fam, "getsockname length"), glen, len);
	CHECK(nm(fam, "port 0 became a port"), port_of(&got) != 0);
	CHECK_EQ(nm(fam, "family"), got.ss_family, family);

	int c = socket(family, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	CHECK(nm(fam, "SOCK_CLOEXEC"), (fcntl(c, F_GETFD) & FD_CLOEXEC) != 0);
	CHECK_EQ(nm(fam, "connect"), connect(c, (struct sockaddr *)&got, glen), 0);
	int s = accept4(l, (struct sockaddr *)&peer, &plen, SOCK_NONBLOCK);
	CHECK(nm(fam, "accept4"), s >= 0);
	CHECK(nm(fam, "accept4 SOCK_NONBLOCK"), (fcntl(s, F_GETFL) & O_NONBLOCK) != 0);
	getsockname(c, (struct sockaddr *)&mine, &mlen);
	CHECK(nm(fam, "accept gives the client's address"),
	      plen == mlen && memcmp(&peer, &mine, plen) == 0);
	plen = sizeof peer;
	CHECK_EQ(nm(fam, "getpeername"), getpeername(c, (struct sockaddr *)&peer, &plen), 0);
	CHECK(nm(fam, "getpeername is the listener"), port_of(&peer) == port_of(&got));

	char buf[16] = {0};
	errno = 0;
	CHECK_EQ(nm(fam, "recv on empty nonblocking"), recv(s, buf, sizeof buf, 0), -1);
	CHECK(nm(fam, "EAGAIN"), errno == EAGAIN || errno == EWOULDBLOCK);
	CHECK_EQ(nm(fam, "send"), send(c, "hello", 5, 0), 5);
	fcntl(s, F_SETFL, 0);
	CHECK_EQ(nm(fam, "recv"), recv(s, buf, sizeof buf, MSG_WAITALL == 0 ? 0 : 0), 5);
	CHECK(nm(fam, "recv data"), memcmp(buf, "hello", 5) == 0);
	CHECK_EQ(nm(fam, "shutdown SHUT_WR"), shutdown(c, SHUT_WR), 0);
	CHECK_EQ(nm(fam, "EOF after shutdown"), recv(s, buf, sizeof buf, 0), 0);
	CHECK_EQ(nm(fam, "reply"), write(s, "back", 4), 4);
	close(s);
	memset(buf, 0, sizeof buf);
	CHECK_EQ(nm(fam, "read reply"), read(c, buf, sizeof buf), 4);
	CHECK(nm(fam, "reply data"), memcmp(buf, "back", 4) == 0);
	CHECK_EQ(nm(fam, "EOF after close"), recv(c, buf, sizeof buf, 0), 0);
	close(c);

	/* EADDRINUSE: the listener's port, without SO_REUSEADDR. */
	int d = socket(family, SOCK_STREAM, 0);
	errno = 0;
	CHECK_EQ(nm(fam, "bind to a used port"), bind(d, (struct sockaddr *)&got, glen), -1);
	CHECK_EQ(nm(fam, "EADDRINUSE"), errno, EADDRINUSE);
	close(d);
	close(l);

	/* ECONNREFUSED: bound but not listening. */
	int b = socket(family, SOCK_STREAM, 0);
	memcpy(&got, &addr, len);
	bind(b, (struct sockaddr *)&got, len);
	glen = sizeof got;
	getsockname(b, (struct sockaddr *)&got, &glen);
	c = socket(family, SOCK_STREAM, 0);
	errno = 0;
	CHECK_EQ(nm(fam, "connect to no listener"), connect(c, (struct sockaddr *)&got, glen), -1);
	CHECK_EQ(nm(fam, "ECONNREFUSED"), errno, ECONNREFUSED);
	close(c);
	close(b);
}

static void udp(void)
{
	int a = socket(AF_INET, SOCK_DGRAM, 0), b = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in sa = {0}, sb, from;
	socklen_t lb = sizeof sb, lf = sizeof from, la = sizeof sa;
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK_EQ("udp: bind a", bind(a, (struct sockaddr *)&sa, sizeof sa), 0);
	CHECK_EQ("udp: bind b", bind(b, (struct sockaddr *)&sa, sizeof sa), 0);
	getsockname(a, (struct sockaddr *)&sa, &la);
	getsockname(b, (struct sockaddr *)&sb, &lb);
	CHECK_EQ("udp: sendto", sendto(a, "datagram", 8, 0, (struct sockaddr *)&sb, lb), 8);
	char buf[16] = {0};
	CHECK_EQ("udp: MSG_PEEK", recv(b, buf, 4, MSG_PEEK), 4);
	CHECK_EQ("udp: recvfrom", recvfrom(b, buf, sizeof buf, 0, (struct sockaddr *)&from, &lf), 8);
	CHECK("udp: data", memcmp(buf, "datagram", 8) == 0);
	CHECK("udp: sender's address",
	      lf == sizeof from && from.sin_port == sa.sin_port &&
		      from.sin_addr.s_addr == htonl(INADDR_LOOPBACK));
	sendto(a, "0123456789", 10, 0, (struct sockaddr *)&sb, lb);
	CHECK_EQ("udp: MSG_TRUNC gives the whole length", recv(b, buf, 4, MSG_TRUNC), 10);

	/* SO_RCVTIMEO: 100 ms, then EAGAIN. */
	struct timeval tv = {0, 100000}, tv2;
	socklen_t tl = sizeof tv2;
	if (setsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv) != 0) {
		CHECK("SO_RCVTIMEO set", 0); /* and no recv that would block */
		close(a);
		close(b);
		return;
	}
	CHECK("SO_RCVTIMEO set", 1);
	CHECK_EQ("SO_RCVTIMEO get", getsockopt(b, SOL_SOCKET, SO_RCVTIMEO, &tv2, &tl), 0);
	CHECK("SO_RCVTIMEO reads back", tl == sizeof tv2 && tv2.tv_sec == 0 && tv2.tv_usec >= 96000 &&
					      tv2.tv_usec <= 104000);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	errno = 0;
	CHECK_EQ("SO_RCVTIMEO: recv times out", recv(b, buf, sizeof buf, 0), -1);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK("SO_RCVTIMEO: EAGAIN", errno == EAGAIN || errno == EWOULDBLOCK);
	long long ms = (t1.tv_sec - t0.tv_sec) * 1000LL + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	CHECK("SO_RCVTIMEO: after about 100 ms", ms >= 90 && ms < 5000);
	close(a);
	close(b);
}

static int get_int(int fd, int level, int opt)
{
	int v = -1;
	socklen_t l = sizeof v;
	if (getsockopt(fd, level, opt, &v, &l) < 0 || l != sizeof v)
		return -2;
	return v;
}

static void options(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0), one = 1, five = 5;
	CHECK_EQ("SO_TYPE", get_int(s, SOL_SOCKET, SO_TYPE), SOCK_STREAM);
	CHECK_EQ("SO_ERROR", get_int(s, SOL_SOCKET, SO_ERROR), 0);
	CHECK_EQ("SO_REUSEADDR off", get_int(s, SOL_SOCKET, SO_REUSEADDR), 0);
	CHECK_EQ("SO_REUSEADDR set", setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
	CHECK_EQ("SO_REUSEADDR on", get_int(s, SOL_SOCKET, SO_REUSEADDR), 1);
	CHECK_EQ("TCP_NODELAY off", get_int(s, IPPROTO_TCP, TCP_NODELAY), 0);
	CHECK_EQ("TCP_NODELAY set", setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), 0);
	CHECK_EQ("TCP_NODELAY on", get_int(s, IPPROTO_TCP, TCP_NODELAY), 1);
	CHECK_EQ("SO_KEEPALIVE set", setsockopt(s, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one), 0);
	CHECK_EQ("SO_KEEPALIVE on", get_int(s, SOL_SOCKET, SO_KEEPALIVE), 1);
	CHECK_EQ("TCP_KEEPIDLE set", setsockopt(s, IPPROTO_TCP, TCP_KEEPIDLE, &five, sizeof five), 0);
	CHECK_EQ("TCP_KEEPIDLE", get_int(s, IPPROTO_TCP, TCP_KEEPIDLE), 5);
	CHECK_EQ("SO_RCVLOWAT set", setsockopt(s, SOL_SOCKET, SO_RCVLOWAT, &five, sizeof five), 0);
	CHECK_EQ("SO_RCVLOWAT", get_int(s, SOL_SOCKET, SO_RCVLOWAT), 5);
	struct linger lg = {1, 7}, lg2;
	socklen_t ll = sizeof lg2;
	CHECK_EQ("SO_LINGER set", setsockopt(s, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), 0);
	CHECK("SO_LINGER reads back", getsockopt(s, SOL_SOCKET, SO_LINGER, &lg2, &ll) == 0 &&
					     ll == sizeof lg2 && lg2.l_onoff == 1 && lg2.l_linger == 7);
	int rb = 65536;
	setsockopt(s, SOL_SOCKET, SO_RCVBUF, &rb, sizeof rb);
	CHECK("SO_RCVBUF grew", get_int(s, SOL_SOCKET, SO_RCVBUF) >= 65536);
	close(s);

	int p[2];
	CHECK_EQ("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, p), 0);
	CHECK_EQ("SO_PASSCRED set", setsockopt(p[0], SOL_SOCKET, SO_PASSCRED, &one, sizeof one), 0);
	CHECK_EQ("SO_PASSCRED on", get_int(p[0], SOL_SOCKET, SO_PASSCRED), 1);
	struct ucred cr;
	socklen_t cl = sizeof cr;
	CHECK("SO_PEERCRED is this process", getsockopt(p[1], SOL_SOCKET, SO_PEERCRED, &cr, &cl) == 0 &&
						  cl == sizeof cr && cr.pid == getpid() &&
						  cr.uid == getuid() && cr.gid == getgid());
	close(p[0]);
	close(p[1]);
}

static void errors(void)
{
	int p[2];
	pipe(p);
	struct sockaddr_in a = {0};
	a.sin_family = AF_INET;
	char c;
	errno = 0;
	CHECK("EBADF: bind", bind(-1, (struct sockaddr *)&a, sizeof a) == -1 && errno == EBADF);
	errno = 0;
	CHECK("EBADF: recv", recv(p[1] + 10, &c, 1, 0) == -1 && errno == EBADF);
	errno = 0;
	CHECK("ENOTSOCK: listen", listen(p[0], 1) == -1 && errno == ENOTSOCK);
	errno = 0;
	CHECK("ENOTSOCK: send", send(p[1], "x", 1, 0) == -1 && errno == ENOTSOCK);
	errno = 0;
	CHECK("ENOTSOCK: accept", accept(p[0], 0, 0) == -1 && errno == ENOTSOCK);
	errno = 0;
	CHECK("ENOTSOCK: getsockopt", get_int(p[0], SOL_SOCKET, SO_TYPE) == -2 && errno == ENOTSOCK);
	errno = 0;
	CHECK("EAFNOSUPPORT: socket", socket(12345, SOCK_STREAM, 0) == -1 && errno == EAFNOSUPPORT);
	close(p[0]);
	close(p[1]);
}

static void unix_path(void)
{
	struct sockaddr_un a = {0};
	a.sun_family = AF_UNIX;
	snprintf(a.sun_path, sizeof a.sun_path, "/tmp/muslin_sock_%d", (int)getpid());
	unlink(a.sun_path);
	int l = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_EQ("unix: bind", bind(l, (struct sockaddr *)&a, SUN_LEN(&a)), 0);
	CHECK_EQ("unix: path exists", access(a.sun_path, F_OK), 0);
	CHECK_EQ("unix: listen", listen(l, 1), 0);
	int c = socket(AF_UNIX, SOCK_STREAM, 0);
	CHECK_EQ("unix: connect", connect(c, (struct sockaddr *)&a, sizeof a), 0);
	struct sockaddr_un peer;
	socklen_t pl = sizeof peer;
	int s = accept(l, 0, 0);
	CHECK("unix: accept", s >= 0);
	CHECK("unix: getsockname is the path",
	      getsockname(l, (struct sockaddr *)&peer, &pl) == 0 && strcmp(peer.sun_path, a.sun_path) == 0);
	char buf[8] = {0};
	CHECK_EQ("unix: send", send(c, "abc", 3, MSG_NOSIGNAL), 3);
	CHECK_EQ("unix: recv", recv(s, buf, sizeof buf, 0), 3);
	CHECK("unix: data", strcmp(buf, "abc") == 0);
	close(s);
	errno = 0;
	CHECK("unix: EPIPE with MSG_NOSIGNAL after the peer closed",
	      (send(c, "x", 1, MSG_NOSIGNAL), send(c, "x", 1, MSG_NOSIGNAL)) == -1 && errno == EPIPE);
	close(c);
	close(l);
	unlink(a.sun_path);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	errno = 0;
	CHECK("unix: ENOENT after unlink",
	      connect(c, (struct sockaddr *)&a, sizeof a) == -1 && errno == ENOENT);
	close(c);
}

int main(void)
{
	tcp(AF_INET, "tcp4");
	tcp(AF_INET6, "tcp6");
	udp();
	options();
	errors();
	unix_path();
	return check_failed;
}
