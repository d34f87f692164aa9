/* <time.h>: calendar conversion at the extremes, mktime normalisation and
 * DST choices, every strftime conversion, POSIX TZ strings at their DST
 * edges, TZif zones, the UTC fallbacks, asctime/ctime, clock.
 * Every expected value was checked against glibc (where glibc differs,
 * the case says why). TZ is always set explicitly: a test machine may lack
 * /etc/localtime. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"

static void check_str(const char *name, const char *got, const char *want)
{
	int ok = got && strcmp(got, want) == 0;
	check(name, ok, "strings differ");
	if (!ok) {
		put("  got  [");
		put(got ? got : "(null)");
		put("]\n  want [");
		put(want);
		put("]\n");
	}
}

static void zone(const char *tz)
{
	if (tz)
		setenv("TZ", tz, 1);
	else
		unsetenv("TZ");
	tzset();
}

/* "YYYY-MM-DD HH:MM:SS wday yday isdst gmtoff zone" of a struct tm. */
static const char *show(const struct tm *tm)
{
	static char buf[128];
	if (!tm)
		return "(null)";
	snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d w%d y%d d%d %ld %s",
		 tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday, tm->tm_hour,
		 tm->tm_min, tm->tm_sec, tm->tm_wday, tm->tm_yday, tm->tm_isdst,
		 tm->tm_gmtoff, tm->tm_zone ? tm->tm_zone : "(null)");
	return buf;
}

static void gm(const char *name, long long t, const char *want)
{
	time_t tt = t;
	struct tm tm;
	check_str(name, show(gmtime_r(&tt, &tm)), want);
	/* and back */
	struct tm c = tm;
	CHECK_EQ(name, timegm(&c), t);
}

static void loc(const char *name, long long t, const char *want)
{
	time_t tt = t;
	struct tm tm;
	check_str(name, show(localtime_r(&tt, &tm)), want);
	struct tm c = tm;
	CHECK_EQ(name, mktime(&c), t);
}

static struct tm mk(int y, int mon, int d, int h, int mi, int s, int isdst)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = isdst;
	return tm;
}

static void test_gmtime(void)
{
	gm("gmtime epoch", 0, "1970-01-01 00:00:00 w4 y0 d0 0 GMT");
	gm("gmtime -1", -1, "1969-12-31 23:59:59 w3 y364 d0 0 GMT");
	gm("gmtime 2038", 2147483647LL, "2038-01-19 03:14:07 w2 y18 d0 0 GMT");
	gm("gmtime 2038+1", 2147483648LL, "2038-01-19 03:14:08 w2 y18 d0 0 GMT");
	gm("gmtime int32 min", -2147483648LL, "1901-12-13 20:45:52 w5 y346 d0 0 GMT");
	gm("gmtime 1900", -2208988800LL, "1900-01-01 00:00:00 w1 y0 d0 0 GMT");
	gm("gmtime 1900 end", -2177452801LL, "1900-12-31 23:59:59 w1 y364 d0 0 GMT");
	gm("gmtime leap day 2000", 951782400LL, "2000-02-29 00:00:00 w2 y59 d0 0 GMT");
	gm("gmtime 2100-03-01", 4107542400LL, "2100-03-01 00:00:00 w1 y59 d0 0 GMT");
	gm("gmtime 9999 end", 253402300799LL, "9999-12-31 23:59:59 w5 y364 d0 0 GMT");
	gm("gmtime year 1", -62135596800LL, "0001-01-01 00:00:00 w1 y0 d0 0 GMT");
	gm("gmtime year 0", -62167219200LL, "0000-01-01 00:00:00 w6 y0 d0 0 GMT");
	gm("gmtime 1600 leap", -11670998400LL, "1600-02-29 00:00:00 w2 y59 d0 0 GMT");
	/* The largest and smallest years an int tm_year holds. */
	time_t big = 67768036191676799LL;
	struct tm tm;
	CHECK("gmtime int max year", gmtime_r(&big, &tm) && tm.tm_year == 2147483647);
	big++;
	errno = 0;
	CHECK("gmtime overflow", !gmtime_r(&big, &tm) && errno == EOVERFLOW);
	time_t small = -67768040609740800LL;
	CHECK("gmtime int min year", gmtime_r(&small, &tm) && tm.tm_year == -2147483647 - 1);
	small--;
	errno = 0;
	CHECK("gmtime underflow", !gmtime_r(&small, &tm) && errno == EOVERFLOW);
	time_t t0 = 86400;
	check_str("gmtime static", show(gmtime(&t0)), "1970-01-02 00:00:00 w5 y1 d0 0 GMT");
}

static void test_normalise(void)
{
	struct tm tm = mk(2023, 14, 31, 25, 61, 61, 0); /* 2024-02-31 ... */
	CHECK_EQ("timegm normalise", timegm(&tm), 1709431321LL);
	check_str("timegm fields", show(&tm), "2024-03-03 02:02:01 w0 y62 d0 0 GMT");
	tm = mk(2024, 1, 0, 0, 0, -1, 0);
	CHECK_EQ("timegm day 0", timegm(&tm), 1703980799LL);
	check_str("timegm day 0 fields", show(&tm), "2023-12-30 23:59:59 w6 y363 d0 0 GMT");
	tm = mk(2000, -23, 1, 0, 0, 0, 0);
	CHECK_EQ("timegm month -24", timegm(&tm), 883612800LL);
	tm = mk(1970, 1, 1, 0, 0, 0, 0);
	tm.tm_sec = 2147483647;
	CHECK_EQ("timegm big sec", timegm(&tm), 2147483647LL);
	tm = mk(1970, 1, 1, 0, 0, 0, 0);
	tm.tm_mday = -2147483647 - 1;
	CHECK_EQ("timegm int min mday", timegm(&tm), -185542587187200LL - 86400);
	CHECK_EQ("difftime", (long long)difftime(10, 3), 7);
	CHECK("difftime big", difftime(9223372036854775807LL, -9223372036854775807LL - 1) ==
				      18446744073709551615.0);

	zone("UTC0");
	tm = mk(2024, 3, 10, 26, 0, 0, -1);
	CHECK_EQ("mktime UTC normalise", mktime(&tm), 1710122400LL);
	check_str("mktime UTC fields", show(&tm), "2024-03-11 02:00:00 w1 y70 d0 0 UTC");
}

/* mktime of local y-m-d h:m with isdst, then the instant and fields. */
static void mkt(const char *name, struct tm tm, long long want_t, const char *want)
{
	long long t = mktime(&tm);
	CHECK_EQ(name, t, want_t);
	check_str(name, show(&tm), want);
}

static void test_posix_tz(void)
{
	zone("EST5EDT,M3.2.0,M11.1.0");
	loc("posix EST", 1700000000LL, "2023-11-14 17:13:20 w2 y317 d0 -18000 EST");
	loc("posix EDT", 1690000000LL, "2023-07-22 00:26:40 w6 y202 d1 -14400 EDT");
	/* 2024-03-10 02:00 EST = 07:00 UTC: the last EST second, the first EDT. */
	loc("posix spring before", 1710053999LL, "2024-03-10 01:59:59 w0 y69 d0 -18000 EST");
	loc("posix spring after", 1710054000LL, "2024-03-10 03:00:00 w0 y69 d1 -14400 EDT");
	/* 2024-11-03 02:00 EDT = 06:00 UTC. */
	loc("posix fall before", 1730613599LL, "2024-11-03 01:59:59 w0 y307 d1 -14400 EDT");
	loc("posix fall after", 1730613600LL, "2024-11-03 01:00:00 w0 y307 d0 -18000 EST");
	CHECK_EQ("posix timezone", timezone, 18000);
	CHECK_EQ("posix daylight", daylight, 1);
	check_str("posix tzname0", tzname[0], "EST");
	check_str("posix tzname1", tzname[1], "EDT");

	/* Gap: 02:30 does not exist. -1 and 0 read it as EST, 1 as EDT. */
	mkt("gap -1", mk(2024, 3, 10, 2, 30, 0, -1), 1710055800LL,
	    "2024-03-10 03:30:00 w0 y69 d1 -14400 EDT");
	mkt("gap 0", mk(2024, 3, 10, 2, 30, 0, 0), 1710055800LL,
	    "2024-03-10 03:30:00 w0 y69 d1 -14400 EDT");
	mkt("gap 1", mk(2024, 3, 10, 2, 30, 0, 1), 1710052200LL,
	    "2024-03-10 01:30:00 w0 y69 d0 -18000 EST");
	/* Overlap: 01:30 happens twice; isdst picks; -1 the first (EDT). */
	mkt("overlap -1", mk(2024, 11, 3, 1, 30, 0, -1), 1730611800LL,
	    "2024-11-03 01:30:00 w0 y307 d1 -14400 EDT");
	mkt("overlap 0", mk(2024, 11, 3, 1, 30, 0, 0), 1730615400LL,
	    "2024-11-03 01:30:00 w0 y307 d0 -18000 EST");
	mkt("overlap 1", mk(2024, 11, 3, 1, 30, 0, 1), 1730611800LL,
	    "2024-11-03 01:30:00 w0 y307 d1 -14400 EDT");
	/* A wrong isdst shifts by the DST difference (glibc, musl). */
	mkt("summer isdst 0", mk(2024, 7, 1, 12, 0, 0, 0), 1719853200LL,
	    "2024-07-01 13:00:00 w1 y182 d1 -14400 EDT");
	mkt("winter isdst 1", mk(2024, 1, 15, 12, 0, 0, 1), 1705334400LL,
	    "2024-01-15 11:00:00 w1 y14 d0 -18000 EST");
	mkt("mktime normalise local", mk(2024, 2, 40, 12, 0, 0, -1), 1710172800LL,
	    "2024-03-11 12:00:00 w1 y70 d1 -14400 EDT");

	/* Southern hemisphere, switch times in local time, /3. */
	zone("AEST-10AEDT,M10.1.0,M4.1.0/3");
	loc("posix sydney summer", 1704067200LL, "2024-01-01 11:00:00 w1 y0 d1 39600 AEDT");
	loc("posix sydney winter", 1719792000LL, "2024-07-01 10:00:00 w1 y182 d0 36000 AEST");
	/* 2024-04-07 03:00 AEDT = 16:00 UTC on the 6th. */
	loc("posix sydney end-1", 1712419199LL, "2024-04-07 02:59:59 w0 y97 d1 39600 AEDT");
	loc("posix sydney end", 1712419200LL, "2024-04-07 02:00:00 w0 y97 d0 36000 AEST");
	/* 2024-10-06 02:00 AEST = 16:00 UTC on the 5th. */
	loc("posix sydney start", 1728144000LL, "2024-10-06 03:00:00 w0 y279 d1 39600 AEDT");

	zone("CET-1CEST,M3.5.0,M10.5.0/3");
	loc("posix cet summer", 1719792000LL, "2024-07-01 02:00:00 w1 y182 d1 7200 CEST");
	/* 2024-03-31 01:00 UTC: last Sunday of March, 02:00 CET. */
	loc("posix cet start-1", 1711846799LL, "2024-03-31 01:59:59 w0 y90 d0 3600 CET");
	loc("posix cet start", 1711846800LL, "2024-03-31 03:00:00 w0 y90 d1 7200 CEST");
	loc("posix cet end", 1729990800LL, "2024-10-27 02:00:00 w0 y300 d0 3600 CET");

	zone("<+0330>-3:30");
	loc("posix <+0330>", 0, "1970-01-01 03:30:00 w4 y0 d0 12600 +0330");
	CHECK_EQ("posix <+0330> timezone", timezone, -12600);
	CHECK_EQ("posix <+0330> daylight", daylight, 0);

	/* Jn never counts Feb 29: J60 is March 1; n counts it: 59 is Feb 29
	 * in a leap year. DST from J60 00:00 to day 300 (0-based) 00:00. */
	zone("AAA3BBB,J60/0,300/0");
	loc("posix J60 leap", 1709262000LL, "2024-03-01 01:00:00 w5 y60 d1 -7200 BBB");
	loc("posix J60 leap-1", 1709262000LL - 3601, "2024-02-29 22:59:59 w4 y59 d0 -10800 AAA");
	zone("AAA3BBB,59/0,300/0");
	loc("posix n59 leap", 1709175600LL, "2024-02-29 01:00:00 w4 y59 d1 -7200 BBB");
	/* Day 300 (0-based) of 2024 is Oct 27: DST ends at 00:00 BBB. */
	loc("posix n300 end", 1729998000LL, "2024-10-27 00:00:00 w0 y300 d0 -10800 AAA");
	loc("posix n300 end-1", 1729994399LL, "2024-10-26 23:59:59 w6 y299 d1 -7200 BBB");
	loc("posix n300 end+0", 1729994400LL, "2024-10-26 23:00:00 w6 y299 d0 -10800 AAA");

	/* Times past 24 hours and negative (POSIX 2024, glibc). */
	zone("EST5EDT,M3.2.0/-1,M11.1.0/26");
	loc("posix time -1", 1710043200LL, "2024-03-10 00:00:00 w0 y69 d1 -14400 EDT");
	loc("posix time 26", 1730696399LL, "2024-11-04 00:59:59 w1 y308 d1 -14400 EDT");

	/* Default rules when only names are given (and no such file). */
	zone("XST5XDT");
	loc("posix default rule", 1690000000LL, "2023-07-22 00:26:40 w6 y202 d1 -14400 XDT");
}

static void test_tzif(void)
{
	zone(":America/New_York");
	loc("tzif ny 2023", 1700000000LL, "2023-11-14 17:13:20 w2 y317 d0 -18000 EST");
	loc("tzif ny 1900", -2208988800LL, "1899-12-31 19:00:00 w0 y364 d0 -18000 EST");
	loc("tzif ny LMT", -2717668800LL, "1883-11-18 07:03:58 w0 y321 d0 -17762 LMT");
	loc("tzif ny 1943 war", -850000000LL, "1943-01-24 20:53:20 w0 y23 d1 -14400 EWT");
	/* Past the last transition: the footer rule (2100 is past fat data). */
	loc("tzif ny 2100", 4118000000LL, "2100-06-29 20:53:20 w2 y179 d1 -14400 EDT");
	check_str("tzif ny tzname0", tzname[0], "EST");
	check_str("tzif ny tzname1", tzname[1], "EDT");
	CHECK_EQ("tzif ny timezone", timezone, 18000);
	mkt("tzif ny gap", mk(2024, 3, 10, 2, 30, 0, -1), 1710055800LL,
	    "2024-03-10 03:30:00 w0 y69 d1 -14400 EDT");

	zone("Europe/Berlin");
	loc("tzif berlin", 1719792000LL, "2024-07-01 02:00:00 w1 y182 d1 7200 CEST");
	zone("/usr/share/zoneinfo/Australia/Sydney");
	loc("tzif sydney abs", 1704067200LL, "2024-01-01 11:00:00 w1 y0 d1 39600 AEDT");
	zone("Asia/Kolkata");
	loc("tzif kolkata", 0, "1970-01-01 05:30:00 w4 y0 d0 19800 IST");
	zone("Australia/Adelaide");
	loc("tzif adelaide", 1704067200LL, "2024-01-01 10:30:00 w1 y0 d1 37800 ACDT");
	zone("UTC");
	loc("tzif UTC", 0, "1970-01-01 00:00:00 w4 y0 d0 0 UTC");
}

static void test_fallback(void)
{
	/* No zone at all: UTC, named "UTC". */
	zone("");
	loc("TZ empty", 0, "1970-01-01 00:00:00 w4 y0 d0 0 UTC");
	zone(":");
	loc("TZ colon", 0, "1970-01-01 00:00:00 w4 y0 d0 0 UTC");
	/* A malformed one: offset 0, its name kept (glibc, musl). */
	zone("bogus");
	loc("TZ bogus", 86400, "1970-01-02 00:00:00 w5 y1 d0 0 bogus");
	CHECK_EQ("TZ bogus timezone", timezone, 0);
	CHECK_EQ("TZ bogus daylight", daylight, 0);
	zone("Foo/Bar");
	loc("TZ missing file", 0, "1970-01-01 00:00:00 w4 y0 d0 0 Foo");
	/* (glibc keeps a DST that is in force all year here.) */
	zone("EST5EDT,M3");
#ifndef __GLIBC__
	loc("TZ broken rule", 0, "1969-12-31 19:00:00 w3 y364 d0 -18000 EST");
#endif
	zone("/nonexistent/zone");
	CHECK("TZ bad path", localtime(&(time_t){0}) != NULL);
	zone("<AB");
	CHECK("TZ bad bracket", localtime(&(time_t){0}) != NULL);
	/* tm_zone of an earlier zone stays valid after a change. */
	zone("CET-1");
	struct tm a;
	localtime_r(&(time_t){0}, &a);
	zone("JST-9");
	struct tm b;
	localtime_r(&(time_t){0}, &b);
	check_str("tm_zone kept", a.tm_zone, "CET");
	check_str("tm_zone new", b.tm_zone, "JST");
	/* TZ values too long to remember are reloaded every time. */
	char longtz[400];
	strcpy(longtz, ":/usr/share/zoneinfo/");
	for (int i = 0; i < 150; i++)
		strcat(longtz, "./");
	size_t base = strlen(longtz);
	strcpy(longtz + base, "America/New_York");
	zone(longtz);
	CHECK_EQ("long TZ 1", localtime(&(time_t){0})->tm_gmtoff, -18000);
	strcpy(longtz + base, "Europe/Berlin");
	zone(longtz);
	CHECK_EQ("long TZ 2", localtime(&(time_t){0})->tm_gmtoff, 3600);
	/* localtime follows a TZ change without tzset (as musl). */
	setenv("TZ", "UTC0", 1);
	CHECK_EQ("localtime rereads TZ", localtime(&(time_t){0})->tm_hour, 0);
}

static void fmt(const char *name, const char *f, const struct tm *tm, const char *want)
{
	char buf[256];
	size_t n = strftime(buf, sizeof buf, f, tm);
	check_str(name, n ? buf : (*want ? "(zero)" : ""), want);
	CHECK_EQ(name, n, strlen(want));
}

static void test_strftime(void)
{
	zone("EST5EDT,M3.2.0,M11.1.0");
	/* 2024-07-04 09:05:07 EDT, a Thursday. */
	time_t t = 1720098307;
	struct tm tm;
	localtime_r(&t, &tm);
	fmt("%a", "%a", &tm, "Thu");
	fmt("%A", "%A", &tm, "Thursday");
	fmt("%b", "%b", &tm, "Jul");
	fmt("%B", "%B", &tm, "July");
	fmt("%c", "%c", &tm, "Thu Jul  4 09:05:07 2024");
	fmt("%C", "%C", &tm, "20");
	fmt("%d", "%d", &tm, "04");
	fmt("%D", "%D", &tm, "07/04/24");
	fmt("%e", "%e", &tm, " 4");
	fmt("%F", "%F", &tm, "2024-07-04");
	fmt("%g", "%g", &tm, "24");
	fmt("%G", "%G", &tm, "2024");
	fmt("%h", "%h", &tm, "Jul");
	fmt("%H", "%H", &tm, "09");
	fmt("%I", "%I", &tm, "09");
	fmt("%j", "%j", &tm, "186");
	fmt("%m", "%m", &tm, "07");
	fmt("%M", "%M", &tm, "05");
	fmt("%n", "%n", &tm, "\n");
	fmt("%p", "%p", &tm, "AM");
	fmt("%r", "%r", &tm, "09:05:07 AM");
	fmt("%R", "%R", &tm, "09:05");
	fmt("%S", "%S", &tm, "07");
	fmt("%t", "%t", &tm, "\t");
	fmt("%T", "%T", &tm, "09:05:07");
	fmt("%u", "%u", &tm, "4");
	fmt("%U", "%U", &tm, "26");
	fmt("%V", "%V", &tm, "27");
	fmt("%w", "%w", &tm, "4");
	fmt("%W", "%W", &tm, "27");
	fmt("%x", "%x", &tm, "07/04/24");
	fmt("%X", "%X", &tm, "09:05:07");
	fmt("%y", "%y", &tm, "24");
	fmt("%Y", "%Y", &tm, "2024");
	fmt("%z", "%z", &tm, "-0400");
	fmt("%Z", "%Z", &tm, "EDT");
	fmt("%%", "%%", &tm, "%");
	fmt("%s", "%s", &tm, "1720098307");
	fmt("%k", "%k", &tm, " 9");
	fmt("%l", "%l", &tm, " 9");
	fmt("%P", "%P", &tm, "am");
	fmt("E/O", "%Ec|%EC|%Ex|%EX|%Ey|%EY|%Od|%Oe|%OH|%OI|%Om|%OM|%OS|%Ou|%OU|%OV|%Ow|%OW|%Oy",
	    &tm, "Thu Jul  4 09:05:07 2024|20|07/04/24|09:05:07|24|2024|04| 4|09|09|07|05|07|4|26|27|4|27|24");
	fmt("flags", "%_d|%-d|%-m|%_H|%-j|%^a|%^B|%#a|%#Z|%10A|%-10d|%010B|%_5Y|%06Y|%^p|%#p",
	    &tm, " 4|4|7| 9|186|THU|JULY|THU|edt|  Thursday|         4|000000July| 2024|002024|AM|am");
	fmt("literal", "a%%b%qc", &tm, "a%b%qc");
	fmt("trailing %", "x%", &tm, "x%");
	fmt("empty", "", &tm, "");

	/* Afternoon, year edges: 2021-01-03 is in ISO week 53 of 2020. */
	zone("UTC0");
	t = 1609693200 + 3600 * 6; /* 2021-01-03 23:00:00 UTC, Sunday */
	gmtime_r(&t, &tm);
	fmt("iso edge", "%G %g %V %U %W %u %w %j %I %l %p", &tm, "2020 20 53 01 00 7 0 003 11 11 PM");
	t = 1735603200; /* 2024-12-31, Tuesday: ISO 2025 week 1 */
	gmtime_r(&t, &tm);
	fmt("iso next", "%G %V %U %W", &tm, "2025 01 52 53");
	t = 1609459200; /* 2021-01-01 Friday: ISO 2020 week 53 */
	gmtime_r(&t, &tm);
	fmt("iso prev", "%G %V %U %W %a", &tm, "2020 53 00 00 Fri");
	t = 0;
	gmtime_r(&t, &tm);
	fmt("noon 12", "%I %p", &(struct tm){.tm_hour = 12}, "12 PM");
	fmt("midnight 12", "%I %p %k %l", &(struct tm){.tm_hour = 0}, "12 AM  0 12");
	fmt("%Z gmtime", "%Z %z", &tm, "GMT +0000");

	/* Years outside 1000..9999, as glibc prints them. */
	struct tm y = {.tm_mday = 3, .tm_wday = 0, .tm_yday = 2};
	y.tm_year = 5 - 1900;
	fmt("year 5", "%Y|%C|%y|%G|%g|%F|%4Y|%3C", &y, "5|0|05|4|04|5-01-03|0005|000");
	y.tm_year = -5 - 1900;
	fmt("year -5", "%Y|%C|%y|%F|%06Y|%_5Y", &y, "-5|-1|95|-5-01-03|-00005|   -5");
	y.tm_year = 12345 - 1900;
	fmt("year 12345", "%Y|%C|%y|%F", &y, "12345|123|45|12345-01-03");
#ifndef __GLIBC__
	/* POSIX 2008's + flag (glibc 2.36 does not have it). */
	y.tm_year = 2024 - 1900;
	fmt("plus flag", "%+4Y|%+6Y|%+3C|%+F|%+12F", &y, "2024|+02024|+20|2024-01-03|+02024-01-03");
	y.tm_year = 12345 - 1900;
	fmt("plus flag big", "%+4Y|%+F", &y, "+12345|+12345-01-03");
#endif

	/* Out-of-range fields: numbers as they are, names "?". */
	struct tm bad = {.tm_sec = 61, .tm_min = -1, .tm_hour = 13, .tm_mday = 0,
			 .tm_mon = 12, .tm_wday = 9, .tm_yday = 400};
	fmt("bad fields", "%a|%b|%M|%S|%d|%e|%m|%j|%u|%w|%I", &bad, "?|?|-1|61|00| 0|13|401|2|9|01");

	/* %z: hours and minutes, truncated. */
	struct tm z = {0};
	z.tm_gmtoff = -(5 * 3600 + 30 * 60 + 17);
	fmt("%z -0530", "%z", &z, "-0530");
	z.tm_gmtoff = -1;
	fmt("%z -1", "%z", &z, "-0000");
	z.tm_gmtoff = 360000;
	fmt("%z 100h", "%z", &z, "+10000");
	/* %Z with no tm_zone: the zone's name for tm_isdst (glibc). */
	zone("EST5EDT,M3.2.0,M11.1.0");
	z.tm_isdst = 1;
	fmt("%Z null", "%Z", &z, "EDT");

	/* Too small: 0. */
	char small[8];
	CHECK_EQ("strftime too small", strftime(small, 5, "abcde", &tm), 0);
	CHECK_EQ("strftime exact", strftime(small, 6, "abcde", &tm), 5);
	CHECK_EQ("strftime max 0", strftime(NULL, 0, "", &tm), 0);
	check_str("strftime exact text", small, "abcde");
}

static void test_asctime(void)
{
	struct tm tm = mk(1993, 6, 30, 21, 49, 8, 0);
	tm.tm_wday = 3;
	char buf[26];
	check_str("asctime_r", asctime_r(&tm, buf), "Wed Jun 30 21:49:08 1993\n");
	check_str("asctime", asctime(&tm), "Wed Jun 30 21:49:08 1993\n");
	tm.tm_wday = 9;
	tm.tm_mon = -1;
	tm.tm_hour = -1;
	check_str("asctime bad", asctime(&tm), "??? ??? 30 -01:49:08 1993\n");
	tm = mk(10000, 1, 1, 0, 0, 0, 0);
	check_str("asctime 10000", asctime(&tm), "Sun Jan  1 00:00:00 10000\n");
	errno = 0;
	CHECK("asctime_r 10000 overflow", !asctime_r(&tm, buf) && errno == EOVERFLOW);
	zone("EST5EDT,M3.2.0,M11.1.0");
	time_t t = 1720098307;
	check_str("ctime", ctime(&t), "Thu Jul  4 09:05:07 2024\n");
	check_str("ctime_r", ctime_r(&t, buf), "Thu Jul  4 09:05:07 2024\n");
}

static void test_clock(void)
{
	clock_t a = clock();
	volatile unsigned long x = 0;
	for (unsigned long i = 0; i < 20000000; i++)
		x += i;
	clock_t b = clock();
	CHECK("clock runs", a >= 0 && b > a);
	CHECK_EQ("CLOCKS_PER_SEC", CLOCKS_PER_SEC, 1000000);
	struct timespec ts;
	CHECK_EQ("timespec_get", timespec_get(&ts, TIME_UTC), TIME_UTC);
	CHECK("timespec_get value", ts.tv_sec > 1600000000 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
	CHECK_EQ("timespec_get bad base", timespec_get(&ts, 0), 0);
	CHECK_EQ("sizeof struct tm", sizeof(struct tm), 4 * 9 + (sizeof(long) == 8 ? 4 : 0) + 2 * sizeof(long));
}

/* localtime_r and mktime racing tzset from other threads: the zone is
 * reloaded under a lock, so every answer is whole. */
static void *racer(void *arg)
{
	long bad = 0;
	for (int i = 0; i < 3000; i++) {
		time_t t = 1720098307 + (long)arg * 86400 * 180;
		struct tm tm;
		if (i % 7 == 0)
			tzset();
		localtime_r(&t, &tm);
		int summer = (long)arg % 2 == 0;
		if (tm.tm_gmtoff != (summer ? -14400 : -18000) ||
		    strcmp(tm.tm_zone, summer ? "EDT" : "EST") || mktime(&tm) != t)
			bad++;
	}
	return (void *)bad;
}

static void test_threads(void)
{
	zone("America/New_York");
	pthread_t th[4];
	for (long i = 0; i < 4; i++)
		pthread_create(&th[i], NULL, racer, (void *)(i * 1));
	long bad = 0;
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(th[i], &r);
		bad += (long)r;
	}
	CHECK_EQ("localtime_r vs tzset threads", bad, 0);
}

/* Corrupted TZif files and random POSIX strings: never a crash, always
 * a sane offset. */
static void test_garbage(void)
{
	static unsigned char orig[8192], buf[8192];
	FILE *f = fopen("/usr/share/zoneinfo/America/New_York", "rb");
	size_t n = f ? fread(orig, 1, sizeof orig, f) : 0;
	if (f)
		fclose(f);
	CHECK("read New_York", n > 1000);
	char path[64];
	snprintf(path, sizeof path, "/tmp/muslin_time_c_%d", (int)getpid());
	unsigned long long r = 88172645463325252ULL;
	int sane = 1;
	for (int i = 0; i < 300 && n; i++) {
		memcpy(buf, orig, n);
		size_t len = n;
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		if (i % 3 == 0)
			len = r % n; /* truncated */
		else
			for (int k = 0; k < 1 + i % 5; k++) { /* bytes changed */
				r ^= r << 13, r ^= r >> 7, r ^= r << 17;
				buf[(r >> 8) % (i % 2 ? 60 : n)] = (unsigned char)r;
			}
		f = fopen(path, "wb");
		if (!f)
			break;
		fwrite(buf, 1, len, f);
		fclose(f);
		zone(path);
		for (long long t = -3000000000LL; t < 5000000000LL; t += 700000000) {
			time_t tt = t;
			struct tm tm;
			if (!localtime_r(&tt, &tm) || tm.tm_gmtoff > 200000 || tm.tm_gmtoff < -200000)
				sane = 0;
			else
				mktime(&tm);
		}
	}
	unlink(path);
	CHECK("corrupt TZif files", sane);
	const char alpha[] = "<>+-:,./0123456789JMESTDTAB";
	sane = 1;
	for (int i = 0; i < 2000; i++) {
		char tz[24];
		r ^= r << 13, r ^= r >> 7, r ^= r << 17;
		int len = 1 + r % 22;
		for (int k = 0; k < len; k++) {
			r ^= r << 13, r ^= r >> 7, r ^= r << 17;
			tz[k] = alpha[(r >> 7) % (sizeof alpha - 1)];
		}
		tz[len] = 0;
		/* Names that could be files are left to the file cases. */
		if (tz[0] == '/' || tz[0] == '.' || tz[0] == ':')
			continue;
		zone(tz);
		time_t tt = (time_t)(r % 4000000000ULL);
		struct tm tm;
		if (!localtime_r(&tt, &tm) || tm.tm_gmtoff > 700000 || tm.tm_gmtoff < -700000)
			sane = 0;
		else if (mktime(&tm) == -1 && tt != -1)
			sane = 0;
	}
	CHECK("random POSIX strings", sane);
}

int main(void)
{
	test_gmtime();
	test_normalise();
	test_posix_tz();
	test_tzif();
	test_fallback();
	test_strftime();
	test_asctime();
	test_clock();
	test_threads();
	test_garbage();
	return check_failed;
}
