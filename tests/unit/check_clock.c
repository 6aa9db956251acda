/*
 * check_clock.c - time zone, now, dates in and out, working time.
 *
 * Every local time here is Asia/Shanghai's, whatever TZ the runner or a
 * test sets: that the library holds to its zone is itself under test.
 * Working-time deadlines are checked against values worked out by hand
 * (the arithmetic is in the comments) on the State Council's 2026
 * calendar in tests/data/cn-holidays-2026.tsv, with the default hours
 * 09:00-12:00 and 13:30-18:00, 7.5 hours a working day.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pmtest.h"
#include "clock.h"

#define H	3600
#define WDAY	(27000)		/* a default working day: 7.5 hours */

/* The instant of local 'text', which must parse. */
static pm_time
at(const char *text)
{
	pm_time t;

	ck_assert_msg(pm_time_parse(text, &t) == 0, "%s: %s", text,
	    pm_err_msg());
	return t;
}

/* 't' as local "2026-11-23T09:30:15" for failure messages. */
static const char *
show(pm_time t)
{
	static char buf[4][32];
	static int which;
	char *b = buf[which++ % 4], local[PM_TIME_LOCAL_LEN];

	snprintf(b, sizeof buf[0], "%s:%02d", pm_time_local(t, local),
	    (int)(((t % 60) + 60) % 60));
	return b;
}

#define ck_time_eq(got, want) do { \
	pm_time g_ = (got), w_ = at(want); \
	ck_assert_msg(g_ == w_, "got %s, want %s", show(g_), (want)); \
} while (0)

/* The instant of a UTC date and time, computed by the C library. */
static pm_time
utc(int y, int mon, int d, int h, int mi, int s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	tm.tm_year = y - 1900;
	tm.tm_mon = mon - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	return (pm_time)timegm(&tm);
}

static const char *
utc_text(pm_time t)
{
	static char buf[4][PM_TIME_UTC_LEN];
	static int which;

	return pm_time_utc(t, buf[which++ % 4]);
}

/* Expect pm_time_parse() to refuse 's' with exactly 'msg'. */
static void
bad_date(const char *s, const char *msg)
{
	pm_time t;

	pm_err_clear();
	ck_assert_msg(pm_time_parse(s, &t) == PM_EX_USAGE, "'%s' parsed", s);
	ck_assert_str_eq(pm_err_msg(), msg);
	ck_assert_int_eq(pm_err_code(), PM_EX_USAGE);
}

static void
bad_period(const char *s, const char *msg)
{
	pm_time a, b;

	pm_err_clear();
	ck_assert_msg(pm_period_parse(s, &a, &b) == PM_EX_USAGE, "'%s' parsed",
	    s);
	ck_assert_str_eq(pm_err_msg(), msg);
}

static void
bad_duration(const char *s, const char *msg)
{
	int64_t secs;

	pm_err_clear();
	ck_assert_msg(pm_duration_parse(s, &secs) == PM_EX_USAGE,
	    "'%s' parsed", s);
	ck_assert_str_eq(pm_err_msg(), msg);
}

static void
bad_hours(const char *s, const char *msg)
{
	struct pm_calendar cal;

	pm_calendar_init(&cal);
	pm_err_clear();
	ck_assert_int_eq(pm_calendar_set_hours(&cal, s), PM_EX_CONFIG);
	ck_assert_str_eq(pm_err_msg(), msg);
	/* A refused spec leaves the hours as they were. */
	ck_assert_int_eq(cal.nspans, 2);
	ck_assert_int_eq(pm_calendar_day_seconds(&cal), WDAY);
}

/* The test data directory, found from this file's own path. */
static const char *
data_path(const char *name)
{
	static char buf[1024];
	const char *file = __FILE__, *slash = strrchr(file, '/');
	int dirlen = slash != NULL ? (int)(slash - file) : 1;

	snprintf(buf, sizeof buf, "%.*s/../data/%s", dirlen,
	    slash != NULL ? file : ".", name);
	return buf;
}

/* The default calendar with China's 2026 holidays loaded. */
static void
cal_2026(struct pm_calendar *cal)
{
	pm_calendar_init(cal);
	ck_assert_msg(pm_calendar_load(cal, data_path("cn-holidays-2026.tsv")) ==
	    0, "%s", pm_err_msg());
}

/* Write 'len' bytes of 'text' to a new temporary file; returns its path. */
static const char *
temp_file(const char *text, size_t len)
{
	static char path[64];
	int fd;

	snprintf(path, sizeof path, "/tmp/check_clock.XXXXXX");
	ck_assert((fd = mkstemp(path)) != -1);
	ck_assert(write(fd, text, len) == (ssize_t)len);
	close(fd);
	return path;
}

/* Load 'text' as a calendar file and expect 'msg' after "FILE:". */
static void
bad_load(const char *text, size_t len, const char *msg)
{
	struct pm_calendar cal;
	const char *path = temp_file(text, len);
	char want[256];

	cal_2026(&cal);
	pm_err_clear();
	ck_assert_int_eq(pm_calendar_load(&cal, path), PM_EX_CONFIG);
	snprintf(want, sizeof want, "%s:%s", path, msg);
	ck_assert_str_eq(pm_err_msg(), want);
	/* A bad file changes nothing. */
	ck_assert_int_eq(cal.ndays, 39);
	pm_calendar_release(&cal);
	unlink(path);
}

static void
setup(void)
{
	unsetenv("PM_NOW");
	pm_err_clear();
}

/*
 * Tests that move the zone or TZ put them back, even when they fail, for
 * the suites that share the process when CK_FORK=no.
 */
static void
teardown(void)
{
	if (strcmp(pm_clock_zone(), "Asia/Shanghai") != 0)
		pm_clock_set_zone("Asia/Shanghai");
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	unsetenv("PM_NOW");
	unsetenv("TZDIR");
}

/*
 * The time zone.
 */

START_TEST(test_zone_default_whatever_tz)
{
	char buf[PM_TIME_LOCAL_LEN], date[PM_DATE_LEN];

	/* A user's TZ must not move the estate's local time. */
	setenv("TZ", "America/New_York", 1);
	tzset();
	ck_assert_str_eq(pm_clock_zone(), "Asia/Shanghai");
	ck_assert_str_eq(pm_time_local(0, buf), "1970-01-01T08:00");
	ck_assert_int_eq(at("2026-11-23T09:30"), utc(2026, 11, 23, 1, 30, 0));
	/* Not only the first time: TZ changed again after a conversion. */
	setenv("TZ", "America/New_York", 1);
	tzset();
	ck_assert_int_eq(at("2026-11-23"), utc(2026, 11, 22, 16, 0, 0));
	setenv("TZ", "UTC", 1);
	ck_assert_str_eq(pm_date_local(utc(2026, 11, 22, 16, 0, 0), date),
	    "2026-11-23");
	setenv("TZ", "Europe/London", 1);
	tzset();
	ck_assert_int_eq(pm_day_start(utc(2026, 11, 23, 3, 0, 0)),
	    utc(2026, 11, 22, 16, 0, 0));
}
END_TEST

START_TEST(test_zone_set)
{
	char buf[PM_TIME_LOCAL_LEN];

	ck_assert_int_eq(pm_clock_set_zone("Europe/London"), 0);
	ck_assert_str_eq(pm_clock_zone(), "Europe/London");
	/* Summer time, then winter time. */
	ck_assert_str_eq(pm_time_local(utc(2026, 7, 1, 12, 0, 0), buf),
	    "2026-07-01T13:00");
	ck_assert_str_eq(pm_time_local(utc(2026, 12, 1, 12, 0, 0), buf),
	    "2026-12-01T12:00");
	ck_assert_int_eq(at("2026-07-01T13:00"), utc(2026, 7, 1, 12, 0, 0));
	/* The chosen zone holds against TZ as the default does. */
	setenv("TZ", "Asia/Tokyo", 1);
	tzset();
	ck_assert_str_eq(pm_time_local(utc(2026, 12, 1, 12, 0, 0), buf),
	    "2026-12-01T12:00");
	ck_assert_int_eq(pm_clock_set_zone("Asia/Shanghai"), 0);
	ck_assert_str_eq(pm_time_local(utc(2026, 12, 1, 12, 0, 0), buf),
	    "2026-12-01T20:00");
	ck_assert_int_eq(pm_clock_set_zone("UTC"), 0);
	ck_assert_str_eq(pm_time_local(utc(2026, 12, 1, 12, 0, 0), buf),
	    "2026-12-01T12:00");
}
END_TEST

/*
 * Years in which a zone keeps one offset are converted by arithmetic,
 * the others by the C library: both must agree with the C library
 * everywhere, in zones with summer time (London, New York), half-hour
 * summer time (Lord Howe), summer time suspended for Ramadan, which
 * wanders through the year (Casablanca), a day skipped (Apia, 2011)
 * and China's summer time of 1986 to 1991.
 */
START_TEST(test_zone_arithmetic_matches_libc)
{
	static const char *zones[] = {
		"Asia/Shanghai", "Europe/London", "America/New_York",
		"Australia/Lord_Howe", "Africa/Casablanca", "Pacific/Apia",
		"UTC"
	};
	char got[PM_TIME_LOCAL_LEN], want[32];
	pm_time t, end = utc(2041, 1, 1, 0, 0, 0), parsed;
	struct tm tm;
	time_t tt;
	size_t i;
	int n = 0;

	for (i = 0; i < sizeof zones / sizeof zones[0]; i++) {
		if (pm_clock_set_zone(zones[i]) != 0)
			continue;	/* no zone file: nothing to compare */
		n++;
		for (t = utc(1985, 1, 1, 0, 0, 0); t < end; t += 7 * H + 797) {
			pm_time_local(t, got);
			/* pm_time_local() has made the zone TZ's. */
			tt = (time_t)t;
			localtime_r(&tt, &tm);
			strftime(want, sizeof want, "%Y-%m-%dT%H:%M", &tm);
			ck_assert_msg(strcmp(got, want) == 0, "%s %lld: %s, "
			    "want %s", zones[i], (long long)t, got, want);
			tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
			tm.tm_isdst = -1;
			ck_assert_msg(pm_day_start(t) == (pm_time)mktime(&tm),
			    "%s %s: day start", zones[i], got);
			localtime_r(&tt, &tm);
			tm.tm_sec = 0;
			tm.tm_isdst = -1;
			ck_assert_int_eq(pm_time_parse(got, &parsed), 0);
			ck_assert_msg(parsed == (pm_time)mktime(&tm),
			    "%s %s: parsed back", zones[i], got);
		}
	}
	ck_assert_int_ge(n, 2);
}
END_TEST

START_TEST(test_zone_bad)
{
	static const char *bad[] = {
		"Mars/Olympus_Mons", "../../../../etc/passwd", "/etc/localtime",
		"Asia", "Asia/", "", "Asia/../Asia/Shanghai", "Asia//Shanghai",
		"zone.tab", "leapseconds", "Asia/Shanghai\n", "-Asia"
	};
	char buf[PM_TIME_LOCAL_LEN], want[128];
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		pm_err_clear();
		ck_assert_msg(pm_clock_set_zone(bad[i]) == PM_EX_CONFIG, "%s",
		    bad[i]);
		if (strchr(bad[i], '\n') == NULL) {
			snprintf(want, sizeof want,
			    "time zone '%s': no such zone", bad[i]);
			ck_assert_str_eq(pm_err_msg(), want);
		}
	}
	ck_assert_str_eq(pm_err_msg(), "time zone '-Asia': no such zone");
	pm_clock_set_zone("Asia/Shanghai\n");
	/* Control characters are not echoed to the terminal. */
	ck_assert_str_eq(pm_err_msg(),
	    "time zone 'Asia/Shanghai\\x0A': no such zone");
	ck_assert_int_eq(pm_clock_set_zone(NULL), PM_EX_CONFIG);
	/* A refused zone leaves the zone as it was. */
	ck_assert_str_eq(pm_clock_zone(), "Asia/Shanghai");
	ck_assert_str_eq(pm_time_local(0, buf), "1970-01-01T08:00");
}
END_TEST

/*
 * $TZDIR set for another program, or to a directory without the
 * estate's zone, used to make every command exit 78.  The system's
 * zone files are as good, and the C library must read those very files
 * whatever TZDIR says.
 */
START_TEST(test_zone_tzdir_without_zone)
{
	char buf[PM_TIME_LOCAL_LEN];

	setenv("TZDIR", "/nonexistent", 1);
	ck_assert_msg(pm_clock_set_zone("Europe/London") == 0, "%s",
	    pm_err_msg());
	ck_assert_str_eq(pm_clock_zone(), "Europe/London");
	/* Summer time: London's rules, not UTC's. */
	ck_assert_str_eq(pm_time_local(utc(2026, 7, 1, 12, 0, 0), buf),
	    "2026-07-01T13:00");
	ck_assert_int_eq(at("2026-07-01T13:00"), utc(2026, 7, 1, 12, 0, 0));
	ck_assert_int_eq(pm_clock_set_zone("Asia/Shanghai"), 0);
	ck_assert_str_eq(pm_time_local(0, buf), "1970-01-01T08:00");
	/* A zone that exists nowhere is still refused (pm-db apply). */
	ck_assert_int_eq(pm_clock_set_zone("Mars/Olympus_Mons"), PM_EX_CONFIG);
	ck_assert_str_eq(pm_err_msg(),
	    "time zone 'Mars/Olympus_Mons': no such zone");
	ck_assert_str_eq(pm_clock_zone(), "Asia/Shanghai");
	/* An empty TZDIR is no TZDIR; so is an unset one. */
	setenv("TZDIR", "", 1);
	ck_assert_int_eq(pm_clock_set_zone("Europe/London"), 0);
	unsetenv("TZDIR");
	ck_assert_int_eq(pm_clock_set_zone("Asia/Tokyo"), 0);
	ck_assert_str_eq(pm_time_local(0, buf), "1970-01-01T09:00");
}
END_TEST

/* A zone that is in $TZDIR is taken from there, before the system's. */
START_TEST(test_zone_tzdir_first)
{
	char dir[] = "/tmp/check_clock_tz.XXXXXX", path[128], cmd[512];
	char buf[PM_TIME_LOCAL_LEN];

	ck_assert_ptr_nonnull(mkdtemp(dir));
	/* A "Shanghai" that is really UTC tells the two apart. */
	snprintf(path, sizeof path, "%s/Asia", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(cmd, sizeof cmd, "cp /usr/share/zoneinfo/UTC '%s/Shanghai'",
	    path);
	ck_assert_int_eq(system(cmd), 0);
	setenv("TZDIR", dir, 1);
	ck_assert_int_eq(pm_clock_set_zone("Asia/Shanghai"), 0);
	ck_assert_str_eq(pm_time_local(0, buf), "1970-01-01T00:00");
	/* Not there: the system's. */
	ck_assert_int_eq(pm_clock_set_zone("Asia/Tokyo"), 0);
	ck_assert_str_eq(pm_time_local(0, buf), "1970-01-01T09:00");
	unsetenv("TZDIR");
	ck_assert_int_eq(pm_clock_set_zone("Asia/Shanghai"), 0);
	ck_assert_str_eq(pm_time_local(0, buf), "1970-01-01T08:00");
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/*
 * Printing and the database form.
 */

START_TEST(test_utc_local_print)
{
	char u[PM_TIME_UTC_LEN], l[PM_TIME_LOCAL_LEN], d[PM_DATE_LEN];
	pm_time t = utc(2026, 11, 23, 1, 30, 0);

	ck_assert_str_eq(pm_time_utc(0, u), "1970-01-01T00:00:00Z");
	ck_assert_str_eq(pm_time_utc(t, u), "2026-11-23T01:30:00Z");
	ck_assert_str_eq(pm_time_local(t, l), "2026-11-23T09:30");
	ck_assert_str_eq(pm_date_local(t, d), "2026-11-23");
	/* 16:00 UTC is already the next local day. */
	ck_assert_str_eq(pm_date_local(utc(2026, 12, 31, 16, 0, 0), d),
	    "2027-01-01");
	ck_assert_str_eq(pm_time_local(utc(2026, 12, 31, 15, 59, 59), l),
	    "2026-12-31T23:59");
	ck_assert_str_eq(pm_time_utc(-1, u), "1969-12-31T23:59:59Z");
	ck_assert_str_eq(pm_time_utc(utc(2024, 2, 29, 23, 59, 59), u),
	    "2024-02-29T23:59:59Z");
	/* Absurd times are clamped, never overflow the buffers. */
	ck_assert_str_eq(pm_time_utc(INT64_MAX, u), "9999-12-31T23:59:59Z");
	ck_assert_str_eq(pm_time_utc(INT64_MIN, u), "0000-01-01T00:00:00Z");
	ck_assert_str_eq(pm_time_local(INT64_MAX, l), "9999-12-31T23:59");
	ck_assert_str_eq(pm_time_local(INT64_MIN, l), "1900-01-01T00:00");
	ck_assert_str_eq(pm_date_local(INT64_MAX, d), "9999-12-31");
	ck_assert_str_eq(pm_date_local(INT64_MIN, d), "1900-01-01");
	/* The last local minute of 9999 is still itself. */
	ck_assert_str_eq(pm_time_local(utc(9999, 12, 31, 15, 59, 0), l),
	    "9999-12-31T23:59");
	ck_assert_str_eq(pm_time_local(utc(9999, 12, 31, 16, 0, 0), l),
	    "9999-12-31T23:59");
	ck_assert_str_eq(pm_date_local(utc(9999, 12, 31, 15, 59, 0), d),
	    "9999-12-31");
}
END_TEST

START_TEST(test_utc_round_trip)
{
	char u[PM_TIME_UTC_LEN], l[PM_TIME_LOCAL_LEN];
	pm_time t, back;

	/* An odd step visits every second, minute and hour many times. */
	for (t = utc(1970, 1, 1, 0, 0, 0); t < utc(2100, 1, 1, 0, 0, 0);
	    t += 86399 * 13 + 7) {
		ck_assert_int_eq(pm_time_parse_utc(pm_time_utc(t, u), &back), 0);
		ck_assert_msg(back == t, "%s read back as %lld", u,
		    (long long)back);
		/* The local form drops seconds; Shanghai is whole hours off. */
		ck_assert_int_eq(pm_time_parse(pm_time_local(t, l), &back), 0);
		ck_assert_msg(back == t - t % 60, "%s", l);
	}
	/* China kept summer time 1986-1991: the day it began, hour by hour. */
	for (t = utc(1986, 5, 3, 16, 0, 0); t < utc(1986, 5, 4, 16, 0, 0);
	    t += 3600 + 60) {
		ck_assert_int_eq(pm_time_parse(pm_time_local(t, l), &back), 0);
		ck_assert_msg(back == t - t % 60, "%s", l);
	}
	ck_assert_str_eq(pm_time_local(utc(1986, 5, 3, 18, 0, 0), l),
	    "1986-05-04T03:00");
	ck_assert_int_eq(pm_time_parse_utc("1969-12-31T16:00:00Z", &t), 0);
	ck_assert_int_eq(t, at("1970-01-01"));
}
END_TEST

START_TEST(test_utc_parse_errors)
{
	static const struct {
		const char *in, *msg;
	} cases[] = {
		{ "2026-11-23T01:30:00", "time '2026-11-23T01:30:00': not a "
		    "UTC time (want 2026-11-23T01:30:00Z)" },
		{ "2026-11-23T09:30+08:00", "time '2026-11-23T09:30+08:00': "
		    "not a UTC time (want 2026-11-23T01:30:00Z)" },
		{ "2026-11-23 01:30:00Z", "time '2026-11-23 01:30:00Z': not "
		    "a UTC time (want 2026-11-23T01:30:00Z)" },
		{ "", "time '': not a UTC time (want 2026-11-23T01:30:00Z)" },
		{ "2026-02-30T00:00:00Z", "time '2026-02-30T00:00:00Z': no "
		    "such day" },
		{ "2026-11-23T24:00:00Z", "time '2026-11-23T24:00:00Z': no "
		    "such hour" },
		{ "2026-11-23T01:30:60Z", "time '2026-11-23T01:30:60Z': no "
		    "such second" },
		{ "2026-1x-23T01:30:00Z", "time '2026-1x-23T01:30:00Z': not "
		    "a UTC time (want 2026-11-23T01:30:00Z)" },
	};
	size_t i;
	pm_time t;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		pm_err_clear();
		ck_assert_int_eq(pm_time_parse_utc(cases[i].in, &t),
		    PM_EX_DATAERR);
		ck_assert_str_eq(pm_err_msg(), cases[i].msg);
	}
}
END_TEST

START_TEST(test_day_start_end)
{
	pm_time t = at("2026-11-23T09:30");

	ck_assert_int_eq(pm_day_start(t), at("2026-11-23"));
	ck_assert_int_eq(pm_day_end(t), at("2026-11-24"));
	ck_assert_int_eq(pm_day_start(at("2026-11-23")), at("2026-11-23"));
	ck_assert_int_eq(pm_day_end(at("2026-12-31T23:59")), at("2027-01-01"));
	ck_assert_int_eq(pm_day_end(at("2028-02-28T12:00")), at("2028-02-29"));
}
END_TEST

/*
 * Parsing dates a person writes.
 */

START_TEST(test_parse_absolute)
{
	pm_time want = utc(2026, 11, 23, 1, 30, 0);

	ck_assert_int_eq(at("2026-11-23"), utc(2026, 11, 22, 16, 0, 0));
	ck_assert_int_eq(at("2026-11-23T09:30"), want);
	ck_assert_int_eq(at("2026-11-23 09:30"), want);
	ck_assert_int_eq(at("2026-11-23t09:30"), want);
	ck_assert_int_eq(at("2026-11-23T09:30:15"), want + 15);
	ck_assert_int_eq(at("2026-11-23T01:30:00Z"), want);
	ck_assert_int_eq(at("2026-11-23T01:30z"), want);
	ck_assert_int_eq(at("2026-11-23T09:30+08:00"), want);
	ck_assert_int_eq(at("2026-11-23T09:30+08"), want);
	ck_assert_int_eq(at("2026-11-23T07:00+0530"), want);
	ck_assert_int_eq(at("2026-11-22T20:30:00-05:00"), want);
	ck_assert_int_eq(at("2024-02-29"), utc(2024, 2, 28, 16, 0, 0));
	ck_assert_int_eq(at("2000-02-29T08:00"), utc(2000, 2, 29, 0, 0, 0));
	ck_assert_int_eq(at("1970-01-01T08:00"), 0);
	ck_assert_int_eq(at("9999-12-31T23:59:59"),
	    utc(9999, 12, 31, 15, 59, 59));
}
END_TEST

START_TEST(test_parse_relative)
{
	setenv("PM_NOW", "2026-11-23T09:30", 1);	/* a Monday */
	ck_time_eq(at("now"), "2026-11-23T09:30");
	ck_time_eq(at("today"), "2026-11-23T00:00");
	ck_time_eq(at("TODAY"), "2026-11-23T00:00");
	ck_time_eq(at("yesterday"), "2026-11-22T00:00");
	ck_time_eq(at("tomorrow"), "2026-11-24T00:00");
	ck_time_eq(at("-3d"), "2026-11-20T00:00");
	ck_time_eq(at("+2d"), "2026-11-25T00:00");
	ck_time_eq(at("-0d"), "2026-11-23T00:00");
	ck_time_eq(at("-1w"), "2026-11-16T00:00");
	ck_time_eq(at("-30d"), "2026-10-24T00:00");
	ck_time_eq(at("-4h"), "2026-11-23T05:30");
	ck_time_eq(at("-30m"), "2026-11-23T09:00");
	ck_time_eq(at("+90s"), "2026-11-23T09:31:30");
	ck_time_eq(at("+15h"), "2026-11-24T00:30");
	/* Across a year end. */
	setenv("PM_NOW", "2026-01-01T00:10", 1);
	ck_time_eq(at("yesterday"), "2025-12-31T00:00");
	ck_time_eq(at("-20m"), "2025-12-31T23:50");
}
END_TEST

START_TEST(test_parse_errors)
{
	setenv("PM_NOW", "2026-11-23T09:30", 1);
	bad_date("2026-02-30", "date '2026-02-30': no such day");
	bad_date("2025-02-29", "date '2025-02-29': no such day");
	bad_date("2100-02-29", "date '2100-02-29': no such day");
	bad_date("2026-04-31", "date '2026-04-31': no such day");
	bad_date("2026-11-00", "date '2026-11-00': no such day");
	bad_date("2026-13-01", "date '2026-13-01': no such month");
	bad_date("2026-00-10", "date '2026-00-10': no such month");
	bad_date("1969-12-31", "date '1969-12-31': year out of range "
	    "(1970 to 9999)");
	bad_date("0000-01-01", "date '0000-01-01': year out of range "
	    "(1970 to 9999)");
	bad_date("2026-11-23T24:01", "date '2026-11-23T24:01': no such hour");
	bad_date("2026-11-23T24:00:01",
	    "date '2026-11-23T24:00:01': no such hour");
	bad_date("2026-11-23T09:60", "date '2026-11-23T09:60': no such "
	    "minute");
	bad_date("2026-11-23T09:30:60", "date '2026-11-23T09:30:60': no such "
	    "second");
	bad_date("2026-11-23T09:30+15:00", "date '2026-11-23T09:30+15:00': "
	    "no such zone offset");
	bad_date("2026-11-23T09:30+08:60", "date '2026-11-23T09:30+08:60': "
	    "no such zone offset");
	bad_date("-999999d", "date '-999999d': out of range (1970 to 9999)");
	bad_date("-999999h", "date '-999999h': out of range (1970 to 9999)");
	setenv("PM_NOW", "1970-01-01T10:00", 1);
	bad_date("yesterday", "date 'yesterday': out of range (1970 to 9999)");
	bad_date("-11h", "date '-11h': out of range (1970 to 9999)");
	ck_time_eq(at("-10h"), "1970-01-01T00:00");
	setenv("PM_NOW", "9999-12-31T10:00", 1);
	bad_date("tomorrow", "date 'tomorrow': out of range (1970 to 9999)");
	bad_date("+1w", "date '+1w': out of range (1970 to 9999)");
	setenv("PM_NOW", "2026-11-23T09:30", 1);
#define NOT_A_DATE "': not a date (use 2026-11-23, 2026-11-23T09:30, " \
	    "today, yesterday or -3d)"
	bad_date("tomorow", "date 'tomorow" NOT_A_DATE);
	bad_date("", "date '" NOT_A_DATE);
	bad_date("2026-1-5", "date '2026-1-5" NOT_A_DATE);
	bad_date("2026/11/23", "date '2026/11/23" NOT_A_DATE);
	bad_date("2026-11-23T", "date '2026-11-23T" NOT_A_DATE);
	bad_date("2026-11-23 ", "date '2026-11-23 " NOT_A_DATE);
	bad_date(" 2026-11-23", "date ' 2026-11-23" NOT_A_DATE);
	bad_date("2026-11-23T9:30", "date '2026-11-23T9:30" NOT_A_DATE);
	bad_date("2026-11-23T09:30:1", "date '2026-11-23T09:30:1"
	    NOT_A_DATE);
	bad_date("2026-11-23T09:30:15.5", "date '2026-11-23T09:30:15.5"
	    NOT_A_DATE);
	bad_date("2026-11-23T09:30+8", "date '2026-11-23T09:30+8"
	    NOT_A_DATE);
	bad_date("2026-11-23Z", "date '2026-11-23Z" NOT_A_DATE);
	bad_date("3d", "date '3d" NOT_A_DATE);
	bad_date("-3", "date '-3" NOT_A_DATE);
	bad_date("-d", "date '-d" NOT_A_DATE);
	bad_date("-3x", "date '-3x" NOT_A_DATE);
	bad_date("-3dd", "date '-3dd" NOT_A_DATE);
	bad_date("-1234567d", "date '-1234567d" NOT_A_DATE);
	bad_date("now ", "date 'now " NOT_A_DATE);
	/* A hostile value cannot drive the terminal. */
	bad_date("\033[2J", "date '\\x1B[2J" NOT_A_DATE);
#undef NOT_A_DATE
	ck_assert_int_eq(pm_time_parse(NULL, &(pm_time){ 0 }), PM_EX_USAGE);
}
END_TEST

START_TEST(test_parse_long_value)
{
	char big[600];

	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	/* The quoted value is cut short, the reason still shown. */
	ck_assert_int_eq(pm_time_parse(big, &(pm_time){ 0 }), PM_EX_USAGE);
	ck_assert_ptr_nonnull(strstr(pm_err_msg(), "xxx...': not a date"));
	ck_assert_int_lt(strlen(pm_err_msg()), 400);
	/* Never cut inside a UTF-8 character: 201 bytes of 3-byte ones. */
	memset(big, 0, sizeof big);
	while (strlen(big) < 300)
		strcat(big, "\xe4\xbb\x8a");
	ck_assert_int_eq(pm_time_parse(big, &(pm_time){ 0 }), PM_EX_USAGE);
	ck_assert_ptr_nonnull(strstr(pm_err_msg(), "\xe4\xbb\x8a...'"));
}
END_TEST

/*
 * Now.
 */

START_TEST(test_now_env)
{
	pm_time sys = (pm_time)time(NULL), t;

	ck_assert_int_eq(pm_clock_check_env(), 0);
	t = pm_now();
	ck_assert(t >= sys && t <= sys + 5);
	setenv("PM_NOW", "2026-11-23T09:30", 1);
	ck_assert_int_eq(pm_clock_check_env(), 0);
	ck_assert_int_eq(pm_now(), utc(2026, 11, 23, 1, 30, 0));
	/* Read afresh each call: a change is seen at once. */
	setenv("PM_NOW", "2026-11-23T01:31:00Z", 1);
	ck_assert_int_eq(pm_now(), utc(2026, 11, 23, 1, 31, 0));
	setenv("PM_NOW", "2026-10-01", 1);
	ck_assert_int_eq(pm_now(), utc(2026, 9, 30, 16, 0, 0));
	setenv("PM_NOW", "2026-10-01T12:00:00+09:00", 1);
	ck_assert_int_eq(pm_now(), utc(2026, 10, 1, 3, 0, 0));
	/* The same local time is another instant in another zone. */
	setenv("PM_NOW", "2026-11-23T09:30", 1);
	ck_assert_int_eq(pm_now(), utc(2026, 11, 23, 1, 30, 0));
	ck_assert_int_eq(pm_clock_set_zone("Europe/London"), 0);
	ck_assert_int_eq(pm_now(), utc(2026, 11, 23, 9, 30, 0));
	ck_assert_int_eq(pm_clock_set_zone("Asia/Shanghai"), 0);
	ck_assert_int_eq(pm_now(), utc(2026, 11, 23, 1, 30, 0));
	/* An empty PM_NOW is as good as none. */
	setenv("PM_NOW", "", 1);
	ck_assert_int_eq(pm_clock_check_env(), 0);
	t = pm_now();
	ck_assert(t >= sys && t <= sys + 5);
}
END_TEST

START_TEST(test_now_env_bad)
{
	pm_time sys = (pm_time)time(NULL), t;

	setenv("PM_NOW", "tomorrow", 1);
	pm_err_clear();
	ck_assert_int_eq(pm_clock_check_env(), PM_EX_USAGE);
	ck_assert_str_eq(pm_err_msg(), "PM_NOW 'tomorrow': not an ISO 8601 "
	    "time (use 2026-11-23T09:30 or 2026-11-23T01:30:00Z)");
	/* pm_now() records the error and falls back to the system clock. */
	pm_err_clear();
	t = pm_now();
	ck_assert(t >= sys && t <= sys + 5);
	ck_assert_int_eq(pm_err_code(), PM_EX_USAGE);
	ck_assert_ptr_nonnull(strstr(pm_err_msg(), "PM_NOW 'tomorrow'"));
	setenv("PM_NOW", "-3d", 1);
	pm_assert_err(pm_clock_check_env(), PM_EX_USAGE,
	    "PM_NOW '-3d': not an ISO 8601 time");
	setenv("PM_NOW", "2026-02-30T10:00", 1);
	pm_err_clear();
	ck_assert_int_eq(pm_clock_check_env(), PM_EX_USAGE);
	ck_assert_str_eq(pm_err_msg(), "PM_NOW '2026-02-30T10:00': no such "
	    "day");
}
END_TEST

/*
 * Periods.
 */

#define ck_period(text, from, to) do { \
	pm_time a_, b_; \
	ck_assert_msg(pm_period_parse((text), &a_, &b_) == 0, "%s: %s", \
	    (text), pm_err_msg()); \
	ck_time_eq(a_, (from)); \
	ck_time_eq(b_, (to)); \
} while (0)

START_TEST(test_period_fixed)
{
	pm_time a, b;

	ck_assert_int_eq(pm_period_parse("2026-11", &a, &b), 0);
	ck_assert_str_eq(utc_text(a), "2026-10-31T16:00:00Z");
	ck_assert_str_eq(utc_text(b), "2026-11-30T16:00:00Z");
	ck_period("2026-12", "2026-12-01", "2027-01-01");
	ck_period("2026-01", "2026-01-01", "2026-02-01");
	ck_period("2028-02", "2028-02-01", "2028-03-01");
	ck_period("2026", "2026-01-01", "2027-01-01");
	ck_assert_int_eq(pm_period_parse("9999", &a, &b), 0);
	ck_time_eq(a, "9999-01-01");
	ck_time_eq(b - 1, "9999-12-31T23:59:59");
	ck_period("2026-11-23", "2026-11-23", "2026-11-24");
	ck_period("2026-12-31", "2026-12-31", "2027-01-01");
	/* ISO weeks start on Monday; week 1 holds 4 January. */
	ck_period("2026-W48", "2026-11-23", "2026-11-30");
	ck_period("2026-w48", "2026-11-23", "2026-11-30");
	ck_period("2026-W01", "2025-12-29", "2026-01-05");
	ck_period("2026-W53", "2026-12-28", "2027-01-04");
	ck_period("2025-W01", "2024-12-30", "2025-01-06");
	ck_period("2020-W53", "2020-12-28", "2021-01-04");
	ck_period("2027-W52", "2027-12-27", "2028-01-03");
}
END_TEST

START_TEST(test_period_relative)
{
	setenv("PM_NOW", "2026-11-29T20:00", 1);	/* a Sunday */
	ck_period("today", "2026-11-29", "2026-11-30");
	ck_period("yesterday", "2026-11-28", "2026-11-29");
	ck_period("-1d", "2026-11-28", "2026-11-29");
	ck_period("this-week", "2026-11-23", "2026-11-30");
	ck_period("last-week", "2026-11-16", "2026-11-23");
	ck_period("this-month", "2026-11-01", "2026-12-01");
	ck_period("last-month", "2026-10-01", "2026-11-01");
	ck_period("this-year", "2026-01-01", "2027-01-01");
	ck_period("last-year", "2025-01-01", "2026-01-01");
	setenv("PM_NOW", "2026-11-23T00:00", 1);	/* a Monday */
	ck_period("this-week", "2026-11-23", "2026-11-30");
	setenv("PM_NOW", "2026-12-15T10:00", 1);
	ck_period("this-month", "2026-12-01", "2027-01-01");
	/* January's last month is December of the year before. */
	setenv("PM_NOW", "2026-01-15T10:00", 1);
	ck_period("last-month", "2025-12-01", "2026-01-01");
	ck_period("this-month", "2026-01-01", "2026-02-01");
	setenv("PM_NOW", "2027-01-01T08:00", 1);	/* a Friday */
	ck_period("this-week", "2026-12-28", "2027-01-04");
	ck_period("last-week", "2026-12-21", "2026-12-28");
}
END_TEST

START_TEST(test_period_errors)
{
	setenv("PM_NOW", "2026-11-23T09:30", 1);
	bad_period("2026-13", "period '2026-13': no such month");
	bad_period("2026-00", "period '2026-00': no such month");
	bad_period("1969", "period '1969': year out of range (1970 to 9999)");
	bad_period("1969-12", "period '1969-12': year out of range "
	    "(1970 to 9999)");
	bad_period("2027-W53", "period '2027-W53': no such week (1 to 52)");
	bad_period("2026-W00", "period '2026-W00': no such week (1 to 53)");
	bad_period("2026-W54", "period '2026-W54': no such week (1 to 53)");
	bad_period("2026-02-30", "period '2026-02-30': no such day");
#define NOT_A_PERIOD "': not a period (use 2026-11, 2026, 2026-W48, " \
	    "2026-11-23, today, this-month or last-month)"
	bad_period("2026-11-23T09:30", "period '2026-11-23T09:30"
	    NOT_A_PERIOD);
	bad_period("now", "period 'now" NOT_A_PERIOD);
	bad_period("-4h", "period '-4h" NOT_A_PERIOD);
	bad_period("nov", "period 'nov" NOT_A_PERIOD);
	bad_period("", "period '" NOT_A_PERIOD);
	bad_period("2026-W4", "period '2026-W4" NOT_A_PERIOD);
	bad_period("2026-W488", "period '2026-W488" NOT_A_PERIOD);
	bad_period("2026-11-", "period '2026-11-" NOT_A_PERIOD);
	bad_period("2026-", "period '2026-" NOT_A_PERIOD);
	bad_period("12026", "period '12026" NOT_A_PERIOD);
	bad_period("this-day", "period 'this-day" NOT_A_PERIOD);
	bad_period("next-month", "period 'next-month" NOT_A_PERIOD);
#undef NOT_A_PERIOD
}
END_TEST

/*
 * Durations.
 */

START_TEST(test_duration_parse)
{
	static const struct {
		const char *in;
		int64_t secs;
	} cases[] = {
		{ "30m", 1800 }, { "5min", 300 }, { "2h", 7200 },
		{ "2d", 172800 }, { "1d12h", 129600 }, { "1d 12h", 129600 },
		{ "90s", 90 }, { "1w", 604800 }, { "0m", 0 }, { "0s", 0 },
		{ "1h 5m", 3900 }, { "1h5min", 3900 },
		{ "1w2d3h4m5s", 604800 + 2 * 86400 + 3 * 3600 + 4 * 60 + 5 },
		{ "36500d", 36500LL * 86400 }, { "999999999s", 999999999 },
	};
	size_t i;
	int64_t secs;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ck_assert_msg(pm_duration_parse(cases[i].in, &secs) == 0,
		    "%s: %s", cases[i].in, pm_err_msg());
		ck_assert_msg(secs == cases[i].secs, "%s: %lld", cases[i].in,
		    (long long)secs);
	}
}
END_TEST

START_TEST(test_duration_errors)
{
#define NOT_A_DURATION "': not a duration (use 30m, 2h, 1d12h or 90s)"
	bad_duration("", "duration '" NOT_A_DURATION);
	bad_duration("30", "duration '30" NOT_A_DURATION);
	bad_duration("m", "duration 'm" NOT_A_DURATION);
	bad_duration("1x", "duration '1x" NOT_A_DURATION);
	bad_duration("2H", "duration '2H" NOT_A_DURATION);
	bad_duration("-1h", "duration '-1h" NOT_A_DURATION);
	bad_duration("1.5h", "duration '1.5h" NOT_A_DURATION);
	bad_duration(" 1h", "duration ' 1h" NOT_A_DURATION);
	bad_duration("1h ", "duration '1h " NOT_A_DURATION);
	bad_duration("1d  2h", "duration '1d  2h" NOT_A_DURATION);
	bad_duration("5 m", "duration '5 m" NOT_A_DURATION);
	bad_duration("1234567890s", "duration '1234567890s" NOT_A_DURATION);
#undef NOT_A_DURATION
	bad_duration("1h1d", "duration '1h1d': units out of order (largest "
	    "first, each once)");
	bad_duration("1m1m", "duration '1m1m': units out of order (largest "
	    "first, each once)");
	bad_duration("5min2m", "duration '5min2m': units out of order "
	    "(largest first, each once)");
	bad_duration("36501d", "duration '36501d': too long (at most 36500d)");
	bad_duration("999999999w", "duration '999999999w': too long (at most "
	    "36500d)");
}
END_TEST

START_TEST(test_duration_fmt)
{
	static const struct {
		int64_t secs;
		const char *out;
	} cases[] = {
		{ 2 * 86400 + 3 * 3600, "2d 3h" }, { 45 * 60, "45m" },
		{ 3900, "1h 5m" }, { 0, "0m" }, { -5400, "-1h 30m" },
		{ 59, "0m" }, { -59, "0m" }, { 90, "1m" }, { -90, "-1m" },
		{ 86400, "1d" }, { 86460, "1d 1m" }, { 90061, "1d 1h 1m" },
		{ 10 * 86400, "10d" }, { -3 * 86400, "-3d" },
		{ INT64_MAX, "106751991167300d 15h 30m" },
		{ INT64_MIN, "-106751991167300d 15h 30m" },
	};
	char buf[64];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_str_eq(pm_duration_fmt(cases[i].secs, buf, sizeof buf),
		    cases[i].out);
	/* A short buffer is cut and terminated; none is left alone. */
	ck_assert_str_eq(pm_duration_fmt(2 * 86400 + 3 * 3600, buf, 3), "2d");
	buf[0] = 'x';
	ck_assert_ptr_eq(pm_duration_fmt(60, buf, 0), buf);
	ck_assert_int_eq(buf[0], 'x');
}
END_TEST

START_TEST(test_duration_round_trip)
{
	char buf[64];
	int64_t x, back;

	/* What pm_duration_fmt() writes reads back, to the minute. */
	for (x = 0; x < 40LL * 86400; x += 997) {
		pm_duration_fmt(x, buf, sizeof buf);
		ck_assert_msg(pm_duration_parse(buf, &back) == 0, "%s: %s", buf,
		    pm_err_msg());
		ck_assert_msg(back == x - x % 60, "%lld -> %s -> %lld",
		    (long long)x, buf, (long long)back);
	}
}
END_TEST

START_TEST(test_duration_working)
{
	struct pm_calendar cal;
	int64_t secs;

	pm_calendar_init(&cal);
	/* On the working clock a day is a working day, a week five. */
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_WORKING,
	    "5d", &secs), 0);
	ck_assert_int_eq(secs, 5 * WDAY);
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_WORKING,
	    "1w", &secs), 0);
	ck_assert_int_eq(secs, 5 * WDAY);
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_WORKING,
	    "1d4h", &secs), 0);
	ck_assert_int_eq(secs, WDAY + 4 * H);
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_WORKING,
	    "120h", &secs), 0);
	ck_assert_int_eq(secs, 120 * H);
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_CALENDAR,
	    "5d", &secs), 0);
	ck_assert_int_eq(secs, 5 * 86400);
	pm_err_clear();
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_WORKING,
	    "5 days", &secs), PM_EX_USAGE);
	ck_assert_str_eq(pm_err_msg(), "duration '5 days': not a duration "
	    "(use 30m, 2h, 1d12h or 90s)");
	/* Without working hours the working clock is the calendar. */
	cal.nspans = 0;
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_WORKING,
	    "1d", &secs), 0);
	ck_assert_int_eq(secs, 86400);
}
END_TEST

/*
 * The calendar itself.
 */

START_TEST(test_calendar_hours)
{
	struct pm_calendar cal;

	pm_calendar_init(&cal);
	ck_assert_int_eq(cal.nspans, 2);
	ck_assert_int_eq(cal.span_start[0], 9 * H);
	ck_assert_int_eq(cal.span_end[1], 18 * H);
	ck_assert_int_eq(cal.ndays, 0);
	ck_assert_int_eq(pm_calendar_day_seconds(&cal), WDAY);
	ck_assert_int_eq(pm_calendar_set_hours(&cal, "08:30-12:00,13:30-17:30"),
	    0);
	ck_assert_int_eq(cal.nspans, 2);
	ck_assert_int_eq(cal.span_start[0], 8 * H + 1800);
	ck_assert_int_eq(cal.span_end[1], 17 * H + 1800);
	ck_assert_int_eq(pm_calendar_day_seconds(&cal), 7 * H + 1800);
	ck_assert_int_eq(pm_calendar_set_hours(&cal, "8:00-12:00, 13:00-17:00"),
	    0);
	ck_assert_int_eq(pm_calendar_day_seconds(&cal), 8 * H);
	ck_assert_int_eq(pm_calendar_set_hours(&cal, "00:00-24:00"), 0);
	ck_assert_int_eq(pm_calendar_day_seconds(&cal), 24 * H);
	ck_assert_int_eq(pm_calendar_set_hours(&cal,
	    "06:00-08:00,08:00-12:00,13:00-17:00,19:00-21:00"), 0);
	ck_assert_int_eq(cal.nspans, 4);
	ck_assert_int_eq(pm_calendar_day_seconds(&cal), 12 * H);
	pm_calendar_release(&cal);

#define NOT_HOURS "': not HH:MM-HH:MM[,HH:MM-HH:MM...]"
	bad_hours("", "working hours '" NOT_HOURS);
	bad_hours("9-12", "working hours '9-12" NOT_HOURS);
	bad_hours("09:00-12:00,", "working hours '09:00-12:00," NOT_HOURS);
	bad_hours("09:00-12:00;13:00-17:00", "working hours "
	    "'09:00-12:00;13:00-17:00" NOT_HOURS);
	bad_hours("09:00 - 12:00", "working hours '09:00 - 12:00" NOT_HOURS);
	bad_hours("09:0-12:00", "working hours '09:0-12:00" NOT_HOURS);
#undef NOT_HOURS
	bad_hours("12:00-09:00", "working hours '12:00-09:00': a span ends "
	    "before it starts");
	bad_hours("09:00-09:00", "working hours '09:00-09:00': a span ends "
	    "before it starts");
	bad_hours("09:00-12:00,11:00-13:00", "working hours "
	    "'09:00-12:00,11:00-13:00': spans overlap or are out of order");
	bad_hours("13:00-17:00,09:00-12:00", "working hours "
	    "'13:00-17:00,09:00-12:00': spans overlap or are out of order");
	bad_hours("01:00-02:00,03:00-04:00,05:00-06:00,07:00-08:00,"
	    "09:00-10:00", "working hours '01:00-02:00,03:00-04:00,"
	    "05:00-06:00,07:00-08:00,09:00-10:00': more than 4 spans");
	bad_hours("25:00-26:00", "working hours '25:00-26:00': no such time "
	    "of day");
	bad_hours("09:00-12:60", "working hours '09:00-12:60': no such time "
	    "of day");
	bad_hours("09:00-24:30", "working hours '09:00-24:30': no such time "
	    "of day");
}
END_TEST

START_TEST(test_calendar_add_day)
{
	struct pm_calendar cal;

	pm_calendar_init(&cal);
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-10-10", 1), 0);
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-01-01", 0), 0);
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-10-01", 0), 0);
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2027-01-01", 0), 0);
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-02-14", 7), 0);
	/* Kept sorted, whatever the order they came in. */
	ck_assert_int_eq(cal.ndays, 5);
	ck_assert_str_eq(cal.days[0].date, "2026-01-01");
	ck_assert_str_eq(cal.days[1].date, "2026-02-14");
	ck_assert_int_eq(cal.days[1].working, 1);
	ck_assert_str_eq(cal.days[2].date, "2026-10-01");
	ck_assert_str_eq(cal.days[3].date, "2026-10-10");
	ck_assert_str_eq(cal.days[4].date, "2027-01-01");
	/* The same day twice is fine; with another kind it is not. */
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-10-01", 0), 0);
	ck_assert_int_eq(cal.ndays, 5);
	pm_err_clear();
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-10-01", 1),
	    PM_EX_CONFIG);
	ck_assert_str_eq(pm_err_msg(), "day '2026-10-01': given as both "
	    "holiday and workday");
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-02-30", 0),
	    PM_EX_CONFIG);
	ck_assert_str_eq(pm_err_msg(), "day '2026-02-30': no such day");
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-10-01T09:00", 0),
	    PM_EX_CONFIG);
	ck_assert_str_eq(pm_err_msg(), "day '2026-10-01T09:00': not a date "
	    "(want 2026-10-01)");
	ck_assert_int_eq(pm_calendar_add_day(&cal, "soon", 0), PM_EX_CONFIG);
	ck_assert_str_eq(pm_err_msg(), "day 'soon': not a date "
	    "(want 2026-10-01)");
	ck_assert_int_eq(cal.ndays, 5);
	ck_assert(pm_calendar_is_workday(&cal, at("2026-10-10T10:00")));
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-10-01T10:00")));
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-10-11T10:00")));
	pm_calendar_release(&cal);
	ck_assert_ptr_null(cal.days);
	ck_assert_int_eq(cal.ndays, 0);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_calendar_load)
{
	struct pm_calendar cal;
	int i;

	cal_2026(&cal);
	ck_assert_int_eq(cal.ndays, 39);
	for (i = 1; i < cal.ndays; i++)
		ck_assert_int_lt(strcmp(cal.days[i - 1].date, cal.days[i].date),
		    0);
	/* Make-up working days (调休), Saturdays and a Sunday. */
	ck_assert(pm_calendar_is_workday(&cal, at("2026-10-10T12:00")));
	ck_assert(pm_calendar_is_workday(&cal, at("2026-02-14")));
	ck_assert(pm_calendar_is_workday(&cal, at("2026-02-28T23:59")));
	ck_assert(pm_calendar_is_workday(&cal, at("2026-01-04")));
	ck_assert(pm_calendar_is_workday(&cal, at("2026-09-20")));
	/* Holidays on weekdays; plain weekends; plain weekdays. */
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-10-01")));
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-10-07T17:00")));
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-02-16")));
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-02-23")));
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-10-11")));
	ck_assert(!pm_calendar_is_workday(&cal, at("2026-10-17")));
	ck_assert(pm_calendar_is_workday(&cal, at("2026-10-08")));
	ck_assert(pm_calendar_is_workday(&cal, at("2026-11-23")));
	/* The local day counts, not the UTC one: 16:00Z is tomorrow. */
	ck_assert(!pm_calendar_is_workday(&cal, utc(2026, 9, 30, 16, 0, 0)));
	ck_assert(pm_calendar_is_workday(&cal, utc(2026, 9, 30, 15, 59, 59)));
	/* Loading twice is harmless; the days agree. */
	ck_assert_int_eq(pm_calendar_load(&cal,
	    data_path("cn-holidays-2026.tsv")), 0);
	ck_assert_int_eq(cal.ndays, 39);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_calendar_load_forms)
{
	static const char text[] = "\xef\xbb\xbf# with a byte order mark\r\n"
	    "\r\n"
	    "   # an indented comment\n"
	    "  2026-12-31 holiday\r\n"
	    "2027-01-01\t\tholiday\t元旦 假期\tFri  \n"
	    "2027-01-02\tworkday\n"
	    "\t \n"
	    "2027-01-03\tholiday\tsun";
	struct pm_calendar cal;
	const char *path = temp_file(text, sizeof text - 1);

	pm_calendar_init(&cal);
	ck_assert_msg(pm_calendar_load(&cal, path) == 0, "%s", pm_err_msg());
	ck_assert_int_eq(cal.ndays, 4);
	ck_assert_str_eq(cal.days[0].date, "2026-12-31");
	ck_assert_int_eq(cal.days[2].working, 1);
	ck_assert_str_eq(cal.days[3].date, "2027-01-03");
	pm_calendar_release(&cal);
	unlink(path);
}
END_TEST

START_TEST(test_calendar_load_errors)
{
	struct pm_calendar cal;

#define BAD(text, msg) bad_load((text), sizeof(text) - 1, (msg))
	BAD("2026-02-30\tholiday\n", "1:1: date '2026-02-30': no such day");
	BAD("# c\n\n  2026-13-01\tholiday\n",
	    "3:3: date '2026-13-01': no such month");
	BAD("2026-10-01T09:00\tholiday\n", "1:1: date '2026-10-01T09:00': not "
	    "a date (want 2026-10-01)");
	BAD("holiday\t2026-10-01\n", "1:1: date 'holiday': not a date (want "
	    "2026-10-01)");
	BAD("# c\n2026-10-01\tholyday\tX\n",
	    "2:12: kind 'holyday': want holiday or workday");
	BAD("2026-10-01\tHoliday\n",
	    "1:12: kind 'Holiday': want holiday or workday");
	BAD("2026-10-01\n",
	    "1:11: no kind after the date (want holiday or workday)");
	BAD("2026-10-01 \t\n",
	    "1:13: no kind after the date (want holiday or workday)");
	/* 19 bytes of date and kind, 15 of name and a tab: column 36. */
	BAD("2026-10-10\tworkday\t国庆节调休\tSun\n",
	    "1:36: weekday 'Sun': 2026-10-10 is a Sat");
	BAD("2026-10-01\tholiday\n2026-10-01\tworkday\n",
	    "2:1: day '2026-10-01': given as both holiday and workday");
	/* The file against the days already known. */
	BAD("2026-10-10\tholiday\n",
	    "1:1: day '2026-10-10': given as both holiday and workday");
	BAD("2026-10-01\tholiday\0junk\n",
	    "1:19: a NUL byte in the line");
#undef BAD
	pm_calendar_init(&cal);
	pm_err_clear();
	ck_assert_int_eq(pm_calendar_load(&cal, "/nonexistent/cal.tsv"),
	    PM_EX_NOINPUT);
	ck_assert_str_eq(pm_err_msg(), "calendar '/nonexistent/cal.tsv': No "
	    "such file or directory");
	pm_calendar_release(&cal);
}
END_TEST

/*
 * Working-time deadlines, worked out by hand.
 */

static pm_time
work_add(const struct pm_calendar *cal, const char *start, int64_t secs)
{
	return pm_calendar_add(cal, PM_CLOCK_WORKING, at(start), secs);
}

START_TEST(test_work_across_midnight)
{
	struct pm_calendar cal;

	cal_2026(&cal);
	/* Friday 17:00, 2h: one hour on Friday, one on Monday from 09:00. */
	ck_time_eq(work_add(&cal, "2026-11-20T17:00", 2 * H),
	    "2026-11-23T10:00");
	/* Monday 20:00, 1h: Tuesday 10:00. */
	ck_time_eq(work_add(&cal, "2026-11-23T20:00", H), "2026-11-24T10:00");
	ck_time_eq(work_add(&cal, "2026-11-23T17:30", H), "2026-11-24T09:30");
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_span_edges)
{
	struct pm_calendar cal;

	cal_2026(&cal);
	/* A deadline at a span's end stays there. */
	ck_time_eq(work_add(&cal, "2026-11-23T09:00", 3 * H),
	    "2026-11-23T12:00");
	ck_time_eq(work_add(&cal, "2026-11-23T09:00", 3 * H + 1),
	    "2026-11-23T13:30:01");
	ck_time_eq(work_add(&cal, "2026-11-27T13:30", 4 * H + 1800),
	    "2026-11-27T18:00");
	ck_time_eq(work_add(&cal, "2026-11-23T09:00", WDAY),
	    "2026-11-23T18:00");
	ck_time_eq(work_add(&cal, "2026-11-23T09:00", WDAY + 1),
	    "2026-11-24T09:00:01");
	/* A start outside working hours counts from the next span. */
	ck_time_eq(work_add(&cal, "2026-11-23T07:00", 1800),
	    "2026-11-23T09:30");
	ck_time_eq(work_add(&cal, "2026-11-23T12:30", 1800),
	    "2026-11-23T14:00");
	ck_time_eq(work_add(&cal, "2026-11-23T12:00", 1800),
	    "2026-11-23T14:00");
	ck_time_eq(work_add(&cal, "2026-11-23T18:00", 1800),
	    "2026-11-24T09:30");
	ck_time_eq(work_add(&cal, "2026-11-22T10:00", H), "2026-11-23T10:00");
	ck_time_eq(work_add(&cal, "2026-10-03T10:00", H), "2026-10-08T10:00");
	/* Nothing to add: the start, even outside working hours. */
	ck_time_eq(work_add(&cal, "2026-11-22T10:00", 0), "2026-11-22T10:00");
	ck_time_eq(pm_calendar_add(&cal, PM_CLOCK_CALENDAR,
	    at("2026-11-22T10:00"), 0), "2026-11-22T10:00");
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_national_day)
{
	struct pm_calendar cal, plain;
	int64_t five;

	cal_2026(&cal);
	ck_assert_int_eq(pm_calendar_duration_parse(&cal, PM_CLOCK_WORKING,
	    "5d", &five), 0);
	ck_assert_int_eq(five, 37 * H + 1800);
	/*
	 * Received Wednesday 2026-09-30 16:00, five working days (37.5h):
	 * 2h on 09-30, leaving 35.5; 10-01..07 are holidays; 7.5h each on
	 * Thu 10-08, Fri 10-09 and the make-up Saturday 10-10, leaving 13;
	 * Sunday off; 7.5h on Mon 10-12, leaving 5.5; Tue 10-13: 3h in the
	 * morning and 2.5h from 13:30, so 16:00.
	 */
	ck_time_eq(work_add(&cal, "2026-09-30T16:00", five),
	    "2026-10-13T16:00");
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-09-30T16:00"), at("2026-10-13T16:00")), five);
	/* Without the make-up Saturday it is a working day later. */
	pm_calendar_init(&plain);
	ck_assert_int_eq(pm_calendar_add_day(&plain, "2026-10-01", 0), 0);
	ck_assert_int_eq(pm_calendar_add_day(&plain, "2026-10-02", 0), 0);
	ck_assert_int_eq(pm_calendar_add_day(&plain, "2026-10-05", 0), 0);
	ck_assert_int_eq(pm_calendar_add_day(&plain, "2026-10-06", 0), 0);
	ck_assert_int_eq(pm_calendar_add_day(&plain, "2026-10-07", 0), 0);
	ck_time_eq(work_add(&plain, "2026-09-30T16:00", five),
	    "2026-10-14T16:00");
	/* On the calendar clock the holiday counts like any other day. */
	ck_time_eq(pm_calendar_add(&cal, PM_CLOCK_CALENDAR,
	    at("2026-09-30T16:00"), 5 * 86400), "2026-10-05T16:00");
	pm_calendar_release(&plain);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_makeup_days)
{
	struct pm_calendar cal;

	cal_2026(&cal);
	/* Friday 17:00 before the make-up Saturday 2026-02-14: Saturday. */
	ck_time_eq(work_add(&cal, "2026-02-13T17:00", 2 * H),
	    "2026-02-14T10:00");
	/* Starting on the make-up Saturday 2026-02-28 itself. */
	ck_time_eq(work_add(&cal, "2026-02-28T08:00", H), "2026-02-28T10:00");
	ck_time_eq(work_add(&cal, "2026-10-09T17:00", 2 * H),
	    "2026-10-10T10:00");
	/* Sunday 2026-01-04 works after the New Year holiday. */
	ck_time_eq(work_add(&cal, "2025-12-31T17:00", 2 * H),
	    "2026-01-04T10:00");
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-10-10"), at("2026-10-11")), WDAY);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-10-17"), at("2026-10-18")), 0);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_spring_festival)
{
	struct pm_calendar cal;

	cal_2026(&cal);
	/*
	 * Received on the make-up Saturday 2026-02-14 at 17:00, two working
	 * days (15h): 1h on 02-14, leaving 14; 02-15..23 are the holiday;
	 * 7.5h on Tue 02-24, leaving 6.5; Wed 02-25: 3h in the morning and
	 * 3.5h from 13:30, so 17:00.
	 */
	ck_time_eq(work_add(&cal, "2026-02-14T17:00", 2 * WDAY),
	    "2026-02-25T17:00");
	/* Nothing counts inside the holiday. */
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-02-14T18:00"), at("2026-02-24T09:00")), 0);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-02-01"), at("2026-03-01")), 16 * WDAY);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_pause_resume)
{
	struct pm_calendar cal;
	pm_time deadline, resumed;
	int64_t remaining;

	cal_2026(&cal);
	/*
	 * Received Monday 2026-09-28 10:00 with five working days (37.5h):
	 * 6.5h on 09-28, leaving 31; 7.5h on 09-29 and 09-30, leaving 16;
	 * the National Day holiday; 7.5h on 10-08 and 10-09, leaving 1;
	 * the make-up Saturday 10-10 at 10:00.
	 */
	deadline = work_add(&cal, "2026-09-28T10:00", 5 * WDAY);
	ck_time_eq(deadline, "2026-10-10T10:00");
	/*
	 * Paused Tuesday 09-29 at 15:00, waiting for parts: 3h left that
	 * day, 7.5h on 09-30, 10-08 and 10-09, 1h on 10-10: 26.5h.
	 */
	remaining = pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-09-29T15:00"), deadline);
	ck_assert_int_eq(remaining, 26 * H + 1800);
	/*
	 * Resumed Friday 10-09 at 14:00: 4h that day, leaving 22.5; 7.5h on
	 * the make-up Saturday, leaving 15; Sunday off; 7.5h on Mon 10-12
	 * and Tue 10-13, ending exactly at 18:00, where it stays.
	 */
	resumed = work_add(&cal, "2026-10-09T14:00", remaining);
	ck_time_eq(resumed, "2026-10-13T18:00");
	/* The clock ran 11h before the pause and 26.5h after it. */
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-09-28T10:00"), at("2026-09-29T15:00")), 11 * H);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-10-09T14:00"), resumed), remaining);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_between)
{
	struct pm_calendar cal;
	pm_time fri = at("2026-11-20T17:00"), mon = at("2026-11-23T10:00");

	cal_2026(&cal);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING, fri, mon),
	    2 * H);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING, mon, fri),
	    -2 * H);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING, fri, fri),
	    0);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_CALENDAR, fri,
	    mon), 2 * 86400 + 17 * H);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_CALENDAR, mon,
	    fri), -(2 * 86400 + 17 * H));
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-11-20"), at("2026-11-23")), WDAY);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-10-01"), at("2026-10-08")), 0);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-11-23T12:10"), at("2026-11-23T13:20")), 0);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-11-23T11:00"), at("2026-11-23T14:00")), 5400);
	/* November 2026 has 21 weekdays and no holiday. */
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-11-01"), at("2026-12-01")), 21 * WDAY);
	/*
	 * 2026 has 261 weekdays; the calendar takes 19 of them as holidays
	 * and gives back 6 weekend days as working days.
	 */
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-01-01"), at("2027-01-01")), (261 - 19 + 6) * WDAY);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_backward)
{
	struct pm_calendar cal;

	cal_2026(&cal);
	ck_time_eq(work_add(&cal, "2026-11-23T10:00", -2 * H),
	    "2026-11-20T17:00");
	ck_time_eq(work_add(&cal, "2026-11-23T09:00", -1),
	    "2026-11-20T17:59:59");
	/* Counting back to a span's start stays there. */
	ck_time_eq(work_add(&cal, "2026-11-23T14:00", -1800 - 3 * H),
	    "2026-11-23T09:00");
	ck_time_eq(work_add(&cal, "2026-10-08T09:00", -H), "2026-09-30T17:00");
	ck_time_eq(work_add(&cal, "2026-10-13T16:00", -5 * WDAY),
	    "2026-09-30T16:00");
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_no_spans)
{
	struct pm_calendar cal;
	pm_time t = at("2026-10-01T10:00");

	/* No working hours: the working clock runs as the calendar. */
	cal_2026(&cal);
	cal.nspans = 0;
	ck_assert_int_eq(pm_calendar_day_seconds(&cal), 86400);
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING, t, 5 * 86400),
	    t + 5 * 86400);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING, t,
	    t + 1000), 1000);
	/* Spans set by hand that make no sense count the same way. */
	cal.nspans = 1;
	cal.span_start[0] = cal.span_end[0] = 9 * H;
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING, t, 60),
	    t + 60);
	cal.nspans = PM_CAL_MAX_SPANS + 1;
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING, t, 60),
	    t + 60);
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_extremes)
{
	struct pm_calendar cal;
	pm_time t = at("2026-11-23T10:00"), far;

	cal_2026(&cal);
	/* Far deadlines end, and saturate rather than overflow. */
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING, t, INT64_MAX),
	    INT64_MAX);
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING, t, INT64_MIN),
	    INT64_MIN);
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_CALENDAR, t,
	    INT64_MAX), INT64_MAX);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    INT64_MIN, INT64_MAX), INT64_MAX);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    INT64_MAX, INT64_MIN), INT64_MIN);
	/* Thirty years of working time, there and back. */
	far = pm_calendar_add(&cal, PM_CLOCK_WORKING, t, 30LL * 261 * WDAY);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING, t, far),
	    30LL * 261 * WDAY);
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING, far,
	    -30LL * 261 * WDAY), t);
	pm_calendar_release(&cal);
}
END_TEST

/* A small deterministic generator, so failures repeat. */
static uint64_t
next_rand(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return *state >> 33;
}

/*
 * Working seconds in [a, b) the slow and obvious way: every day, every
 * span, clipped.  Asia/Shanghai has no daylight saving, so a span is an
 * offset from midnight.
 */
static int64_t
slow_between(const struct pm_calendar *cal, pm_time a, pm_time b)
{
	int64_t total = 0;
	pm_time day, s, e;
	int i;

	for (day = pm_day_start(a); day < b; day = pm_day_end(day)) {
		if (!pm_calendar_is_workday(cal, day))
			continue;
		for (i = 0; i < cal->nspans; i++) {
			s = day + cal->span_start[i];
			e = day + cal->span_end[i];
			if (s < a)
				s = a;
			if (e > b)
				e = b;
			if (e > s)
				total += e - s;
		}
	}
	return total;
}

START_TEST(test_work_property)
{
	struct pm_calendar cal;
	uint64_t seed = 20261123;
	pm_time base = at("2025-12-01"), s, d;
	int64_t x;
	int i;

	cal_2026(&cal);
	for (i = 0; i < 3000; i++) {
		/* A start inside working hours of a working day. */
		do {
			s = base + (pm_time)(next_rand(&seed) % (400 * 86400));
		} while (pm_calendar_between(&cal, PM_CLOCK_WORKING, s,
		    s + 1) != 1);
		switch (i % 4) {
		case 0:		/* minutes to hours */
			x = 1 + (int64_t)(next_rand(&seed) % (3 * WDAY));
			break;
		case 1:		/* whole working days */
			x = WDAY * (1 + (int64_t)(next_rand(&seed) % 10));
			break;
		case 2:		/* weeks to a year */
			x = (int64_t)(next_rand(&seed) % (260 * WDAY));
			break;
		default:	/* to a span end exactly */
			x = pm_calendar_between(&cal, PM_CLOCK_WORKING, s,
			    pm_day_start(s) + 12 * H);
			if (x <= 0)
				x = 1;
			break;
		}
		d = pm_calendar_add(&cal, PM_CLOCK_WORKING, s, x);
		ck_assert_msg(pm_calendar_between(&cal, PM_CLOCK_WORKING, s, d) ==
		    x, "start %s + %lld = %s", show(s), (long long)x, show(d));
		/* Inside a span, counting back returns to the start. */
		ck_assert_msg(pm_calendar_add(&cal, PM_CLOCK_WORKING, d, -x) == s,
		    "back from %s", show(d));
		ck_assert(d > s);
	}
	/* Any start, against the slow count over up to 400 days. */
	for (i = 0; i < 300; i++) {
		pm_time a = base + (pm_time)(next_rand(&seed) % (400 * 86400));
		pm_time b = a + (pm_time)(next_rand(&seed) % (400 * 86400));

		ck_assert_msg(pm_calendar_between(&cal, PM_CLOCK_WORKING, a, b) ==
		    slow_between(&cal, a, b), "%s to %s", show(a), show(b));
		x = 1 + (int64_t)(next_rand(&seed) % (60 * WDAY));
		d = pm_calendar_add(&cal, PM_CLOCK_WORKING, a, x);
		ck_assert_msg(slow_between(&cal, a, d) == x, "%s + %lld", show(a),
		    (long long)x);
	}
	pm_calendar_release(&cal);
}
END_TEST

START_TEST(test_work_speed)
{
	struct pm_calendar cal;
	struct timespec t0, t1;
	pm_time s = at("2026-01-05T09:00"), d = 0;
	double secs;
	int i;

	/*
	 * Twenty thousand five-day SLAs, each over a few holidays; done day
	 * by day at some microseconds each this takes well under a second,
	 * even under the sanitizers.  A slow walk (second by second) would
	 * take hours.
	 */
	cal_2026(&cal);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 20000; i++)
		d ^= pm_calendar_add(&cal, PM_CLOCK_WORKING, s + i * 1571,
		    5 * WDAY);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	ck_assert_msg(secs < 3.0, "20000 deadlines took %.2f s", secs);
	ck_assert(d != 0);
	pm_calendar_release(&cal);
}
END_TEST

/* Working time in a zone with daylight saving: spans are wall-clock. */
START_TEST(test_work_dst)
{
	struct pm_calendar cal;
	uint64_t seed = 7;
	pm_time s, d;
	int64_t x;
	int i;

	ck_assert_int_eq(pm_clock_set_zone("America/New_York"), 0);
	pm_calendar_init(&cal);
	/*
	 * Clocks went forward on Sunday 2026-03-08 at 02:00 and back on
	 * Sunday 2026-11-01 at 02:00.  Expected instants are given in UTC
	 * (EST is UTC-5, EDT UTC-4), so they do not lean on the library's
	 * own local conversion.
	 */
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING,
	    utc(2026, 3, 6, 22, 0, 0), 2 * H), utc(2026, 3, 9, 14, 0, 0));
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-03-01"), at("2026-04-01")), 22 * WDAY);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-10-25"), at("2026-11-08")), 10 * WDAY);
	/* On the day of a change itself the spans keep the wall clock. */
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-03-08", 1), 0);
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING,
	    utc(2026, 3, 8, 5, 0, 0), H), utc(2026, 3, 8, 14, 0, 0));
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING,
	    utc(2026, 3, 8, 15, 0, 0), 2 * H), utc(2026, 3, 8, 18, 30, 0));
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    utc(2026, 3, 8, 5, 0, 0), utc(2026, 3, 9, 4, 0, 0)), WDAY);
	ck_assert_int_eq(pm_calendar_add_day(&cal, "2026-11-01", 1), 0);
	ck_assert_int_eq(pm_calendar_add(&cal, PM_CLOCK_WORKING,
	    utc(2026, 11, 1, 4, 0, 0), H), utc(2026, 11, 1, 15, 0, 0));
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    utc(2026, 11, 1, 13, 0, 0), utc(2026, 11, 1, 17, 0, 0)), 3 * H);
	ck_assert_int_eq(at("2026-11-01T10:00"), utc(2026, 11, 1, 15, 0, 0));
	ck_assert_int_eq(at("2026-03-08T10:00"), utc(2026, 3, 8, 14, 0, 0));
	/* A whole working day over the change is 23 hours long. */
	ck_assert_int_eq(pm_calendar_set_hours(&cal, "00:00-24:00"), 0);
	ck_assert_int_eq(pm_calendar_between(&cal, PM_CLOCK_WORKING,
	    at("2026-03-08"), at("2026-03-09")), 23 * H);
	ck_time_eq(work_add(&cal, "2026-03-08T00:00", 23 * H),
	    "2026-03-09T00:00");
	pm_calendar_release(&cal);
	pm_calendar_init(&cal);
	for (i = 0; i < 500; i++) {
		s = at("2026-01-05T09:00") +
		    (pm_time)(next_rand(&seed) % (330 * 86400));
		if (pm_calendar_between(&cal, PM_CLOCK_WORKING, s, s + 1) != 1)
			continue;
		x = 1 + (int64_t)(next_rand(&seed) % (30 * WDAY));
		d = pm_calendar_add(&cal, PM_CLOCK_WORKING, s, x);
		ck_assert_msg(pm_calendar_between(&cal, PM_CLOCK_WORKING, s, d) ==
		    x, "start %s + %lld", show(s), (long long)x);
	}
	pm_calendar_release(&cal);
	ck_assert_int_eq(pm_clock_set_zone("Asia/Shanghai"), 0);
}
END_TEST

Suite *
clock_suite(void)
{
	Suite *s = suite_create("clock");
	TCase *tc;

	tc = tcase_create("zone");
	tcase_add_checked_fixture(tc, setup, teardown);
	/* Half a million conversions run long under the sanitizers. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_zone_default_whatever_tz);
	tcase_add_test(tc, test_zone_set);
	tcase_add_test(tc, test_zone_arithmetic_matches_libc);
	tcase_add_test(tc, test_zone_bad);
	tcase_add_test(tc, test_zone_tzdir_without_zone);
	tcase_add_test(tc, test_zone_tzdir_first);
	suite_add_tcase(s, tc);

	tc = tcase_create("text");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_utc_local_print);
	tcase_add_test(tc, test_utc_round_trip);
	tcase_add_test(tc, test_utc_parse_errors);
	tcase_add_test(tc, test_day_start_end);
	tcase_add_test(tc, test_parse_absolute);
	tcase_add_test(tc, test_parse_relative);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_parse_long_value);
	tcase_add_test(tc, test_now_env);
	tcase_add_test(tc, test_now_env_bad);
	tcase_add_test(tc, test_period_fixed);
	tcase_add_test(tc, test_period_relative);
	tcase_add_test(tc, test_period_errors);
	tcase_add_test(tc, test_duration_parse);
	tcase_add_test(tc, test_duration_errors);
	tcase_add_test(tc, test_duration_fmt);
	tcase_add_test(tc, test_duration_round_trip);
	suite_add_tcase(s, tc);

	tc = tcase_create("calendar");
	tcase_add_checked_fixture(tc, setup, teardown);
	/* The property and speed tests run long under the sanitizers. */
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_duration_working);
	tcase_add_test(tc, test_calendar_hours);
	tcase_add_test(tc, test_calendar_add_day);
	tcase_add_test(tc, test_calendar_load);
	tcase_add_test(tc, test_calendar_load_forms);
	tcase_add_test(tc, test_calendar_load_errors);
	tcase_add_test(tc, test_work_across_midnight);
	tcase_add_test(tc, test_work_span_edges);
	tcase_add_test(tc, test_work_national_day);
	tcase_add_test(tc, test_work_makeup_days);
	tcase_add_test(tc, test_work_spring_festival);
	tcase_add_test(tc, test_work_pause_resume);
	tcase_add_test(tc, test_work_between);
	tcase_add_test(tc, test_work_backward);
	tcase_add_test(tc, test_work_no_spans);
	tcase_add_test(tc, test_work_extremes);
	tcase_add_test(tc, test_work_property);
	tcase_add_test(tc, test_work_speed);
	tcase_add_test(tc, test_work_dst);
	suite_add_tcase(s, tc);
	return s;
}
