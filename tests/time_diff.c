/* localtime, mktime, strftime, ctime and gmtime against glibc, in zones
 * with DST rules (northern and southern, half-hour, negative-DST Dublin,
 * POSIX strings), for random times from 1900 to 2100 and times around
 * each zone's transitions: 800 random times per zone, or argv[1] of the
 * reference (`./x.py soak` gives 8000: about 1.4*10^5 times in all).
 *
 * test-reference: "host"
 *
 * With -DREFERENCE (glibc): prints, per zone, "Z tz" and then per time a
 * "T" line (the time, glibc's localtime fields, mktime of them back, a
 * perturbed struct tm and glibc's mktime of it with its normalised fields),
 * an "S" line (strftime with every conversion) and a "C" line (ctime).
 * Without: reads those lines, computes the same with muslin and prints one
 * ok/FAIL line per zone and function. Both read /usr/share/zoneinfo.
 *
 * Where mktime's input is ambiguous (a local time that happens twice, with
 * tm_isdst -1 or the same DST flag on both sides), glibc's answer depends
 * on its previous calls; a different answer counts as right when it names
 * the same local time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const zones[] = {
	"America/New_York",
	"Europe/Berlin",
	"Australia/Sydney",
	"America/Santiago",
	"Asia/Tehran",
	"Europe/London",
	"Europe/Dublin",
	"Australia/Adelaide",
	"Pacific/Chatham",
	":America/Sao_Paulo",
	"CET-1CEST,M3.5.0,M10.5.0/3",
	"NZST-12NZDT,M9.5.0,M4.1.0/3",
	"<+0330>-3:30",
	"EST5EDT,M3.2.0/-1,M11.1.0/26",
};
#define NZONES (sizeof zones / sizeof zones[0])

static const char fmt[] =
	"%a %A %b %B %c %C %d %D %e %F %g %G %h %H %I %j %m %M %p %r %R %S %T "
	"%u %U %V %w %W %x %X %y %Y %z %Z %% %s %k %l %P %t|%Ec %Ey %Od %OH "
	"%_d %-m %^a %#Z %10A %-j %_5Y %03e %#p %EY %Oe";

#ifdef REFERENCE

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static unsigned long long next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static long long range(long long lo, long long hi)
{
	return lo + (long long)(next() % (unsigned long long)(hi - lo));
}

static void emit(time_t t)
{
	struct tm lt, c, p;
	localtime_r(&t, &lt);
	c = lt;
	long long back = mktime(&c);
	/* Perturb: up to 2 days in hours, minutes, seconds; months; isdst. */
	p = lt;
	int dh = (int)range(-48, 49), dm = (int)range(-90, 91), ds = (int)range(-90, 91);
	int dmon = (int)range(-3, 4) * (next() % 4 == 0);
	int isdst = (int)range(-1, 2);
	p.tm_hour += dh;
	p.tm_min += dm;
	p.tm_sec += ds;
	p.tm_mon += dmon;
	p.tm_isdst = isdst;
	long long pt = mktime(&p);
	printf("T %lld %d %d %d %d %d %d %d %d %d %ld %s %lld %d %d %d %d %d %lld %d %d %d %d %d %d %d %d %d %ld\n",
	       (long long)t, lt.tm_year, lt.tm_mon, lt.tm_mday, lt.tm_hour, lt.tm_min, lt.tm_sec,
	       lt.tm_wday, lt.tm_yday, lt.tm_isdst, lt.tm_gmtoff, lt.tm_zone, back, dh, dm, ds, dmon,
	       isdst, pt, p.tm_year, p.tm_mon, p.tm_mday, p.tm_hour, p.tm_min, p.tm_sec, p.tm_wday,
	       p.tm_yday, p.tm_isdst, p.tm_gmtoff);
	char buf[512];
	strftime(buf, sizeof buf, fmt, &lt);
	/* %s, for telling apart ambiguous times (see below). */
	c = lt;
	printf("S %lld %s\n", (long long)mktime(&c), buf);
	printf("C %s", ctime(&t));
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 800;
	for (unsigned z = 0; z < NZONES; z++) {
		setenv("TZ", zones[z], 1);
		tzset();
		printf("Z %s\n", zones[z]);
		/* glibc applies a POSIX string's rules to no year before 1970
		 * (it computes the switches of 1970 instead), so those zones
		 * start in 1970. */
		int posix = strchr(zones[z], ',') || zones[z][0] == '<';
		long long lo = posix ? 172800 : -2208988800LL;
		for (int i = 0; i < n; i++)
			emit((time_t)range(lo, 4102444800LL));
		/* Around transitions: find where the offset changes within 4
		 * months of a random time, then times at and near it. */
		for (int i = 0; i < n / 8; i++) {
			time_t a = (time_t)range(lo > 0 ? lo : -1800000000LL, 4102444800LL);
			time_t b = a + 10000000;
			struct tm ta, tb;
			localtime_r(&a, &ta);
			localtime_r(&b, &tb);
			if (ta.tm_gmtoff == tb.tm_gmtoff && ta.tm_isdst == tb.tm_isdst)
				continue;
			while (b - a > 1) {
				time_t m = a + (b - a) / 2;
				struct tm tm;
				localtime_r(&m, &tm);
				if (tm.tm_gmtoff == ta.tm_gmtoff && tm.tm_isdst == ta.tm_isdst)
					a = m;
				else
					b = m;
			}
			emit(b - 1);
			emit(b);
			emit(b + range(-7200, 7200));
			emit(b + range(-100000, 100000));
		}
	}
	printf("E\n");
	return 0;
}

#else

#include "check.h"

enum { F_LOCAL, F_BACK, F_MKTIME, F_STRFTIME, F_CTIME, F_GMTIME, NF };
static const char *const fname[NF] = {"localtime", "mktime back", "mktime perturbed",
				      "strftime", "ctime", "gmtime/timegm"};

static int fails[NF], cases[NF];
static char why[NF][600];

static void bad(int f, const char *fmtw, long long t, const char *a, const char *b)
{
	if (!fails[f]++)
		snprintf(why[f], sizeof why[f], fmtw, t, a, b);
}

static void flush(const char *tz)
{
	/* The protocol ends a name at its first ':'. */
	char zone[128];
	snprintf(zone, sizeof zone, "%s", tz);
	for (char *p = zone; *p; p++)
		if (*p == ':')
			*p = ';';
	for (int f = 0; f < NF; f++) {
		char name[200];
		snprintf(name, sizeof name, "%s %s (%d cases)", fname[f], zone, cases[f]);
		char w[800];
		snprintf(w, sizeof w, "%d mismatches, first: %s", fails[f], why[f]);
		check(name, cases[f] > 0 && fails[f] == 0, cases[f] ? w : "no cases");
		fails[f] = cases[f] = 0;
	}
}

static void fields(char *out, size_t n, const struct tm *tm)
{
	snprintf(out, n, "%d %d %d %d %d %d %d %d %d %ld", tm->tm_year, tm->tm_mon, tm->tm_mday,
		 tm->tm_hour, tm->tm_min, tm->tm_sec, tm->tm_wday, tm->tm_yday, tm->tm_isdst,
		 tm->tm_gmtoff);
}

/* The local wall-clock time of t, for telling whether two mktime answers
 * name the same local time. */
static void wall(char *out, size_t n, long long t)
{
	time_t tt = t;
	struct tm tm;
	if (!localtime_r(&tt, &tm)) {
		snprintf(out, n, "(null)");
		return;
	}
	snprintf(out, n, "%d %d %d %d %d %d", tm.tm_year, tm.tm_mon, tm.tm_mday, tm.tm_hour,
		 tm.tm_min, tm.tm_sec);
}

static char line[4096];

/* Replaces the first occurrence of the number `from` in `s` by `to`. */
static void replace_num(char *s, size_t size, long long from, long long to)
{
	char f[32], t[32], tmp[1024];
	snprintf(f, sizeof f, "%lld", from);
	snprintf(t, sizeof t, "%lld", to);
	char *p = strstr(s, f);
	if (!p)
		return;
	snprintf(tmp, sizeof tmp, "%.*s%s%s", (int)(p - s), s, t, p + strlen(f));
	snprintf(s, size, "%s", tmp);
}

int main(void)
{
	char zone[128] = "";
	int total = 0, ended = 0;
	long long t = 0;
	struct tm lt;
	while (fgets(line, sizeof line, stdin)) {
		size_t len = strlen(line);
		if (len && line[len - 1] == '\n')
			line[--len] = 0;
		if (line[0] == 'Z') {
			if (*zone)
				flush(zone);
			snprintf(zone, sizeof zone, "%s", line + 2);
			setenv("TZ", zone, 1);
			tzset();
		} else if (line[0] == 'E') {
			ended = 1;
		} else if (line[0] == 'T') {
			struct tm g = {0}, p;
			char gz[64];
			long long back, pt;
			int dh, dm, ds, dmon, isdst;
			struct tm gp = {0};
			int n = sscanf(line + 2,
				       "%lld %d %d %d %d %d %d %d %d %d %ld %63s %lld %d %d %d %d %d %lld %d %d %d %d %d %d %d %d %d %ld",
				       &t, &g.tm_year, &g.tm_mon, &g.tm_mday, &g.tm_hour, &g.tm_min,
				       &g.tm_sec, &g.tm_wday, &g.tm_yday, &g.tm_isdst, &g.tm_gmtoff, gz,
				       &back, &dh, &dm, &ds, &dmon, &isdst, &pt, &gp.tm_year,
				       &gp.tm_mon, &gp.tm_mday, &gp.tm_hour, &gp.tm_min, &gp.tm_sec,
				       &gp.tm_wday, &gp.tm_yday, &gp.tm_isdst, &gp.tm_gmtoff);
			if (n != 29) {
				check("parse reference line", 0, line);
				return 1;
			}
			total++;
			time_t tt = t;
			char a[200], b[200];
			cases[F_LOCAL]++;
			if (!localtime_r(&tt, &lt)) {
				bad(F_LOCAL, "t=%lld: %s, glibc %s", t, "NULL", "");
				continue;
			}
			fields(a, sizeof a, &lt);
			fields(b, sizeof b, &g);
			if (strcmp(a, b) || strcmp(lt.tm_zone, gz)) {
				size_t k = strlen(a);
				snprintf(a + k, sizeof a - k, " %s", lt.tm_zone);
				k = strlen(b);
				snprintf(b + k, sizeof b - k, " %s", gz);
				bad(F_LOCAL, "t=%lld: muslin [%s] glibc [%s]", t, a, b);
			}

			/* mktime of the fields glibc gave, with glibc's isdst. */
			cases[F_BACK]++;
			struct tm c = g;
			long long mb = mktime(&c);
			if (mb != back) {
				char wa[80], wb[80];
				wall(wa, sizeof wa, mb);
				wall(wb, sizeof wb, back);
				if (strcmp(wa, wb)) {
					snprintf(a, sizeof a, "%lld", mb);
					snprintf(b, sizeof b, "%lld", back);
					bad(F_BACK, "t=%lld: muslin %s glibc %s", t, a, b);
				}
			}

			cases[F_MKTIME]++;
			p = g;
			p.tm_hour += dh;
			p.tm_min += dm;
			p.tm_sec += ds;
			p.tm_mon += dmon;
			p.tm_isdst = isdst;
			struct tm in = p;
			long long mp = mktime(&p);
			fields(a, sizeof a, &p);
			fields(b, sizeof b, &gp);
			if (mp != pt || strcmp(a, b)) {
				char wa[80], wb[80];
				wall(wa, sizeof wa, mp);
				wall(wb, sizeof wb, pt);
				/* Ambiguous (tm_isdst -1): accept the same
				 * local time. */
				if (mp == pt || strcmp(wa, wb) || in.tm_isdst >= 0) {
					char x[300], y[300];
					snprintf(x, sizeof x, "%lld [%s] (in %d %d %d %d:%d:%d dst %d)",
						 mp, a, in.tm_year, in.tm_mon, in.tm_mday, in.tm_hour,
						 in.tm_min, in.tm_sec, in.tm_isdst);
					snprintf(y, sizeof y, "%lld [%s]", pt, b);
					bad(F_MKTIME, "t=%lld: muslin %s glibc %s", t, x, y);
				}
			}

			cases[F_GMTIME]++;
			struct tm gm;
			if (!gmtime_r(&tt, &gm) || timegm(&gm) != t) {
				bad(F_GMTIME, "t=%lld: %s %s", t, "gmtime/timegm round trip", "");
			} else {
				/* gmtime of the local time's wall clock matches
				 * the local fields (checks gmtime on the same
				 * calendar as localtime). */
				time_t w = tt + lt.tm_gmtoff;
				gmtime_r(&w, &gm);
				if (gm.tm_year != g.tm_year || gm.tm_yday != g.tm_yday ||
				    gm.tm_wday != g.tm_wday || gm.tm_hour != g.tm_hour ||
				    gm.tm_min != g.tm_min || gm.tm_sec != g.tm_sec ||
				    gm.tm_mon != g.tm_mon || gm.tm_mday != g.tm_mday)
					bad(F_GMTIME, "t=%lld: %s %s", t, "gmtime(t+gmtoff) differs", "");
			}
		} else if (line[0] == 'S') {
			char buf[512];
			cases[F_STRFTIME]++;
			size_t n = strftime(buf, sizeof buf, fmt, &lt);
			long long gs = strtoll(line + 2, NULL, 10);
			char *want = strchr(line + 2, ' ') + 1;
			/* %s is mktime of the time: where that is ambiguous,
			 * glibc's answer depends on its earlier calls. */
			struct tm c = lt;
			long long ms = mktime(&c);
			if (ms != gs) {
				char wa[80], wb[80];
				wall(wa, sizeof wa, ms);
				wall(wb, sizeof wb, gs);
				if (!strcmp(wa, wb))
					replace_num(want, sizeof line - (want - line), gs, ms);
			}
			if (n != strlen(want) || strcmp(buf, want))
				bad(F_STRFTIME, "t=%lld: muslin [%s] glibc [%s]", t, buf, want);
		} else if (line[0] == 'C') {
			time_t tt = t;
			cases[F_CTIME]++;
			char buf[128];
			const char *s = ctime_r(&tt, buf);
			char want[128];
			snprintf(want, sizeof want, "%s\n", line + 2);
			if (!s || strcmp(s, want))
				bad(F_CTIME, "t=%lld: muslin [%s] glibc [%s]", t, s ? s : "NULL", want);
		}
	}
	if (*zone)
		flush(zone);
	check("reference complete", ended && total >= 10000, "fewer than 10^4 times, or no end mark");
	return check_failed;
}

#endif
