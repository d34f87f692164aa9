/* <syslog.h>: with LOG_PERROR the message (from the ident on) also goes to
 * stderr, read back here through a pipe; %m, LOG_PID, setlogmask; and
 * with or without a logger at /dev/log, syslog reports no error. */
#include "check.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

static char got[512];

static void capture_start(int *saved, int p[2])
{
	pipe(p);
	*saved = dup(2);
	dup2(p[1], 2);
}

static void capture_end(int saved, int p[2])
{
	dup2(saved, 2);
	close(saved);
	close(p[1]);
	ssize_t n = read(p[0], got, sizeof got - 1);
	got[n < 0 ? 0 : n] = 0;
	close(p[0]);
}

int main(void)
{
	int saved, p[2];
	capture_start(&saved, p);
	openlog("mytest", LOG_PERROR, LOG_DAEMON);
	errno = ENOENT;
	syslog(LOG_ERR, "value %d: %m (100%%)", 42);
	int e = errno;
	capture_end(saved, p);
	CHECK("LOG_PERROR line", strcmp(got, "mytest: value 42: No such file or directory (100%)\n") == 0);
	CHECK_EQ("errno unchanged", e, ENOENT);

	capture_start(&saved, p);
	openlog("pidtest", LOG_PERROR | LOG_PID, 0);
	syslog(LOG_INFO | LOG_LOCAL0, "hello");
	capture_end(saved, p);
	char want[64];
	snprintf(want, sizeof want, "pidtest[%d]: hello\n", (int)getpid());
	CHECK("LOG_PID", strcmp(got, want) == 0);

	int old = setlogmask(LOG_UPTO(LOG_WARNING));
	CHECK_EQ("setlogmask default", old, 0xff);
	CHECK_EQ("setlogmask 0 keeps", setlogmask(0), LOG_UPTO(LOG_WARNING));
	capture_start(&saved, p);
	syslog(LOG_DEBUG, "masked out");
	syslog(LOG_WARNING, "kept");
	capture_end(saved, p);
	CHECK("setlogmask filters", strstr(got, "masked") == NULL && strstr(got, "kept") != NULL);

	capture_start(&saved, p);
	syslog(0x12345, "bad priority");
	capture_end(saved, p);
	CHECK("invalid priority dropped", got[0] == 0);

	closelog();
	errno = 0;
	openlog(NULL, LOG_NDELAY, LOG_USER);
	syslog(LOG_NOTICE, "muslin syslog test");
	closelog();
	CHECK_EQ("no error with or without /dev/log", errno, 0);
	return check_failed;
}
