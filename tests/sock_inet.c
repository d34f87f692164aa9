/* inet_pton, inet_ntop, inet_aton, inet_addr, inet_ntoa and byte order
 * against a table of strings, each with the text glibc 2.36 prints back for
 * it after parsing (0: glibc rejects it). The table was made by running
 * glibc's functions; IPv6 covers "::" compression (first longest run, runs
 * of one group kept), IPv4-compatible and -mapped forms, and invalid text. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include "check.h"

struct fact {
	const char *in, *out;
};

static const struct fact v6[] = {
	{"::", "::"},
	{"::1", "::1"},
	{"1::", "1::"},
	{"::2", "::2"},
	{"1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"},
	{"1:0:0:2:0:0:0:3", "1:0:0:2::3"},
	{"1:0:0:2:0:0:3:4", "1::2:0:0:3:4"},
	{"0:0:1:0:0:0:0:0", "0:0:1::"},
	{"2001:db8::ff00:42:8329", "2001:db8::ff00:42:8329"},
	{"2001:DB8:0:0:8:800:200C:417A", "2001:db8::8:800:200c:417a"},
	{"fe80::1:0:0:0", "fe80::1:0:0:0"},
	{"1:0:2:0:3:0:4:0", "1:0:2:0:3:0:4:0"},
	{"::ffff:1.2.3.4", "::ffff:1.2.3.4"},
	{"::1.2.3.4", "::1.2.3.4"},
	{"::ffff:0.0.0.0", "::ffff:0.0.0.0"},
	{"::fffe:1.2.3.4", "::fffe:102:304"},
	{"64:ff9b::192.0.2.33", "64:ff9b::c000:221"},
	{"0:0:0:0:0:1:2:3", "::1:2:3"},
	{"::0.0.0.2", "::2"},
	{"1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"},
	{"::ffff:0:1.2.3.4", "::ffff:0:102:304"},
	{"0001:0002::00ff", "1:2::ff"},
	{"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"},
	{":", 0},
	{":1", 0},
	{"1:", 0},
	{":::", 0},
	{"1:::2", 0},
	{"1::2::3", 0},
	{"1:2:3:4:5:6:7:8:9", 0},
	{"1:2:3:4:5:6:7", 0},
	{"12345::", 0},
	{"1:2:3:4:5:6:7::8", 0},
	{"::1:2:3:4:5:6:7:8", 0},
	{"1::2:", 0},
	{"g::", 0},
	{"::1.2.3", 0},
	{"::1.2.3.4.5", 0},
	{"::01.2.3.4", 0},
	{"::256.1.1.1", 0},
	{"1:2:3:4:5:6:7:1.2.3.4", 0},
	{"1.2.3.4", 0},
	{"", 0},
	{" ::1", 0},
	{"::1 ", 0},
	{"::1.2.3.4:5", 0},
};

static const struct fact v4[] = {
	{"0.0.0.0", "0.0.0.0"},
	{"127.0.0.1", "127.0.0.1"},
	{"255.255.255.255", "255.255.255.255"},
	{"1.2.3.4", "1.2.3.4"},
	{"01.2.3.4", 0},
	{"1.2.3", 0},
	{"1.2.3.4.", 0},
	{"256.1.1.1", 0},
	{"1.2.3.4.5", 0},
	{"1..2.3", 0},
	{" 1.2.3.4", 0},
	{"1.2.3.4 ", 0},
	{"0x1.2.3.4", 0},
	{"1.2.3.04", 0},
	{"", 0},
	{"1.2.3.-4", 0},
};

/* inet_aton's wider syntax, printed back by inet_ntoa. */
static const struct fact aton[] = {
	{"1.2.3.4", "1.2.3.4"},
	{"1", "0.0.0.1"},
	{"0x7f.1", "127.0.0.1"},
	{"127.1", "127.0.0.1"},
	{"1.2.256", "1.2.1.0"},
	{"0x7f000001", "127.0.0.1"},
	{"017700000001", "127.0.0.1"},
	{"1.2.3.4 junk", "1.2.3.4"},
	{"1.2.3.4x", 0},
	{"08", 0},
	{"0x100.1.1.1", 0},
	{"4294967295", "255.255.255.255"},
	{"4294967296", 0},
	{"1.2.3.4.5", 0},
	{"1.2.3.", 0},
	{"", 0},
	{".1", 0},
	{" 1", 0},
	{"1.0xffffff", "1.255.255.255"},
	{"1.0x1000000", 0},
	{"1.2.0xffff", "1.2.255.255"},
	{"1.2.0x10000", 0},
	{"0x", 0},
};

#define N(t) (sizeof t / sizeof t[0])

static void one(const char *what, int family, const struct fact *f)
{
	unsigned char a[16];
	char buf[INET6_ADDRSTRLEN], name[96];
	int r = inet_pton(family, f->in, a);
	strcpy(name, what);
	strcat(name, " \"");
	strcat(name, f->in);
	strcat(name, "\"");
	if (!f->out) {
		CHECK_EQ(name, r, 0);
		return;
	}
	const char *p = r == 1 ? inet_ntop(family, a, buf, sizeof buf) : 0;
	check(name, p == buf && strcmp(buf, f->out) == 0, f->out);
	if (p && strcmp(buf, f->out)) {
		put("  got ");
		put(buf);
		put("\n");
	}
}

int main(void)
{
	for (unsigned i = 0; i < N(v6); i++)
		one("pton6", AF_INET6, &v6[i]);
	for (unsigned i = 0; i < N(v4); i++)
		one("pton4", AF_INET, &v4[i]);
	for (unsigned i = 0; i < N(aton); i++) {
		struct in_addr x;
		char name[96], name2[96];
		int r = inet_aton(aton[i].in, &x);
		strcpy(name, "aton \"");
		strcat(name, aton[i].in);
		strcat(name, "\"");
		strcpy(name2, "inet_addr \"");
		strcat(name2, aton[i].in);
		strcat(name2, "\"");
		if (!aton[i].out) {
			CHECK_EQ(name, r, 0);
			CHECK_EQ(name2, inet_addr(aton[i].in), INADDR_NONE);
			continue;
		}
		check(name, r == 1 && strcmp(inet_ntoa(x), aton[i].out) == 0, aton[i].out);
		CHECK_EQ(name2, inet_addr(aton[i].in), x.s_addr);
	}

	unsigned char a[16];
	char buf[INET6_ADDRSTRLEN];
	errno = 0;
	CHECK_EQ("pton: AF_UNIX", inet_pton(AF_UNIX, "1.2.3.4", a), -1);
	CHECK_EQ("pton: EAFNOSUPPORT", errno, EAFNOSUPPORT);
	errno = 0;
	CHECK("ntop: AF_UNIX", inet_ntop(AF_UNIX, a, buf, sizeof buf) == 0 && errno == EAFNOSUPPORT);
	inet_pton(AF_INET, "255.255.255.255", a);
	errno = 0;
	CHECK("ntop: 15 bytes for 16 is ENOSPC", inet_ntop(AF_INET, a, buf, 15) == 0 && errno == ENOSPC);
	CHECK("ntop: 16 bytes fit", inet_ntop(AF_INET, a, buf, 16) == buf && strcmp(buf, "255.255.255.255") == 0);
	inet_pton(AF_INET6, "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255", a);
	CHECK("ntop: longest IPv6 fits INET6_ADDRSTRLEN",
	      inet_ntop(AF_INET6, a, buf, sizeof buf) == buf && strlen(buf) == 39);
	CHECK("in6addr_any aligned as struct in6_addr",
	      (unsigned long)&in6addr_any % _Alignof(struct in6_addr) == 0 &&
		      (unsigned long)&in6addr_loopback % _Alignof(struct in6_addr) == 0);
	CHECK("in6addr_any", IN6_IS_ADDR_UNSPECIFIED(&in6addr_any));
	CHECK("in6addr_loopback", IN6_IS_ADDR_LOOPBACK(&in6addr_loopback));
	inet_pton(AF_INET6, "::ffff:10.0.0.1", a);
	CHECK("IN6_IS_ADDR_V4MAPPED", IN6_IS_ADDR_V4MAPPED((struct in6_addr *)a));

	unsigned char b4[4] = {0x12, 0x34, 0x56, 0x78};
	uint32_t be32;
	uint16_t be16;
	memcpy(&be32, b4, 4);
	memcpy(&be16, b4, 2);
	CHECK_EQ("ntohl", ntohl(be32), 0x12345678);
	CHECK_EQ("ntohs", ntohs(be16), 0x1234);
	CHECK_EQ("htonl", htonl(0x12345678), be32);
	CHECK_EQ("htons", htons(0x1234), be16);
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	struct sockaddr_storage ss;
	CHECK_EQ("sizeof sockaddr_in", sizeof sin, 16);
	CHECK_EQ("sizeof sockaddr_in6", sizeof sin6, 28);
	CHECK_EQ("sizeof sockaddr_storage", sizeof ss, 128);
	CHECK_EQ("sizeof msghdr", sizeof(struct msghdr), sizeof(void *) == 8 ? 56 : 28);
	CHECK_EQ("sizeof cmsghdr", sizeof(struct cmsghdr), sizeof(void *) == 8 ? 16 : 12);
	return check_failed;
}
