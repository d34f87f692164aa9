/* Cancellation of threads blocked in socket calls: accept, recv, recvfrom,
 * recvmsg, connect-free send (a full socket buffer) are each cancelled, run
 * their cleanup handler, and join returns PTHREAD_CANCELED. Then a race:
 * 300 times, a client connects while the thread sits in accept and the
 * thread is cancelled at once; whether accept returned or cancellation acted
 * first, no accepted descriptor is lost (the lowest free descriptor is the
 * same at the end). Its own file so that i386 under qemu, whose emulator
 * loses %gs in threads' signal handlers, can expect it to fail alone. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "check.h"

static int lfd, sp[2];
static volatile int started, cleaned, got;

static void mark(void *arg)
{
	(void)arg;
	cleaned = 1;
}

static void *in_accept(void *arg)
{
	(void)arg;
	pthread_cleanup_push(mark, 0);
	started = 1;
	got = accept(lfd, 0, 0);
	pthread_cleanup_pop(0);
	return 0;
}

static void *in_recv(void *arg)
{
	char c;
	(void)arg;
	pthread_cleanup_push(mark, 0);
	started = 1;
	recv(sp[0], &c, 1, 0);
	pthread_cleanup_pop(0);
	return 0;
}

static void *in_recvfrom(void *arg)
{
	char c;
	(void)arg;
	pthread_cleanup_push(mark, 0);
	started = 1;
	recvfrom(sp[0], &c, 1, 0, 0, 0);
	pthread_cleanup_pop(0);
	return 0;
}

static void *in_recvmsg(void *arg)
{
	char c;
	struct iovec iov = {&c, 1};
	struct msghdr m = {0};
	(void)arg;
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	pthread_cleanup_push(mark, 0);
	started = 1;
	recvmsg(sp[0], &m, 0);
	pthread_cleanup_pop(0);
	return 0;
}

static void *in_send(void *arg)
{
	static char big[65536];
	(void)arg;
	pthread_cleanup_push(mark, 0);
	started = 1;
	for (;;)
		send(sp[0], big, sizeof big, 0);
	pthread_cleanup_pop(0);
	return 0;
}

static void run_blocked(const char *name, void *(*fn)(void *))
{
	pthread_t t;
	void *r = 0;
	started = cleaned = 0;
	pthread_create(&t, 0, fn, 0);
	while (!started)
		sched_yield();
	usleep(20000); /* let it block */
	int c = pthread_cancel(t);
	int j = pthread_join(t, &r);
	check(name, c == 0 && j == 0 && r == PTHREAD_CANCELED && cleaned, "not cancelled or no cleanup");
}

static int lowest_free(void)
{
	int fd = dup(0);
	close(fd);
	return fd;
}

int main(void)
{
	struct sockaddr_in a = {0};
	socklen_t al = sizeof a;
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	bind(lfd, (struct sockaddr *)&a, sizeof a);
	listen(lfd, 64);
	getsockname(lfd, (struct sockaddr *)&a, &al);
	socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
	int base = lowest_free();

	run_blocked("accept cancelled", in_accept);
	run_blocked("recv cancelled", in_recv);
	run_blocked("recvfrom cancelled", in_recvfrom);
	run_blocked("recvmsg cancelled", in_recvmsg);
	run_blocked("send on a full buffer cancelled", in_send);
	CHECK_EQ("no descriptor leaked", lowest_free(), base);

	int returned = 0, acted = 0, lost = 0;
	for (int i = 0; i < 300; i++) {
		pthread_t t;
		void *r = 0;
		started = 0;
		got = -1;
		pthread_create(&t, 0, in_accept, 0);
		while (!started)
			sched_yield();
		int c = socket(AF_INET, SOCK_STREAM, 0);
		connect(c, (struct sockaddr *)&a, al);
		pthread_cancel(t);
		pthread_join(t, &r);
		if (got >= 0) {
			returned++;
			close(got);
		} else if (r == PTHREAD_CANCELED) {
			acted++;
			/* The connection is still queued: take it here. */
			int s = accept4(lfd, 0, 0, SOCK_NONBLOCK);
			if (s >= 0)
				close(s);
			else
				lost++;
		}
		close(c);
	}
	CHECK_EQ("race: every connection accepted once", lost, 0);
	CHECK_EQ("race: every run ended", returned + acted, 300);
	CHECK_EQ("race: no descriptor leaked", lowest_free(), base);
	close(sp[0]);
	close(sp[1]);
	close(lfd);
	return check_failed;
}
