/*
 * clock.c - now, the estate's time zone, dates in and out, working time.
 *
 * Local conversions go through the C library (localtime_r, mktime) with
 * the process's TZ set to the estate's zone; UTC conversions use plain
 * Gregorian day arithmetic, which needs no zone at all.  Days are counted
 * as "day numbers", days since 1970-01-01 in the proleptic Gregorian
 * calendar, so that walking a calendar is integer arithmetic and only
 * the step from a local day to an instant asks the C library.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "clock.h"
#include "err.h"
#include "i18n.h"
#include "text.h"

#define DEFAULT_ZONE	"Asia/Shanghai"

/*
 * The TZ value used for the default zone when the system has no zone
 * files: China has kept UTC+8 without daylight saving since 1991, so a
 * POSIX rule is exact for every date pm deals with.
 */
#define DEFAULT_ZONE_POSIX	"CST-8"

/* Where the zone files are when $TZDIR does not say, or lacks a zone. */
#define SYSTEM_ZONEINFO	"/usr/share/zoneinfo"

#define ZONE_NAME_MAX	100
#define ZONE_TZ_MAX	4200	/* ":" and a zone file's absolute path */
#define DAY_SECS	86400
#define WEEK_DAYS	7

/* Years a person may write, and the widest durations pm takes. */
#define YEAR_MIN	1970
#define YEAR_MAX	9999
#define DURATION_MAX	((int64_t)36500 * DAY_SECS)

static char zone_name[ZONE_NAME_MAX + 1] = DEFAULT_ZONE;
static char zone_tz[ZONE_TZ_MAX];	/* what TZ must say; "" until used */

static void fixed_forget(void);

/*
 * The zones pm knows without zone files, as POSIX TZ rules: the default
 * zone and its aliases (see DEFAULT_ZONE_POSIX) and UTC.  A minimal
 * container or a fresh system without tzdata still runs an estate in
 * China at the right time; other zones need their files.
 */
static const struct {
	const char *name;
	const char *rule;
} builtin_zones[] = {
	{ DEFAULT_ZONE, DEFAULT_ZONE_POSIX },
	{ "Asia/Chongqing", DEFAULT_ZONE_POSIX },
	{ "Asia/Chungking", DEFAULT_ZONE_POSIX },
	{ "Asia/Harbin", DEFAULT_ZONE_POSIX },
	{ "PRC", DEFAULT_ZONE_POSIX },
	{ "UTC", "UTC0" },
	{ "Etc/UTC", "UTC0" }
};

/*
 * Why a text is not a time, when it does not even have the shape of one.
 * The callers compare against this pointer and replace it with a hint
 * that fits what they were asked to parse.
 */
static const char not_the_form[] = "not the form";
static const char no_memory[] = "out of memory";

/*
 * 's' made safe to quote in a message: control bytes become '?', so a
 * hostile argument cannot drive the terminal, and a long value is cut
 * (never inside a UTF-8 character) and marked with "...".  Two calls may
 * be used in one message.
 */
static const char *
shown(const char *s)
{
	static char buf[2][208];
	static int which;
	char *b = buf[which++ % 2];
	size_t i, n;

	if (s == NULL)
		return "(null)";
	n = strlen(s);
	if (n > 200) {
		n = 200;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		b[i] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
	}
	strcpy(b + i, s[i] != '\0' ? "..." : "");
	return b;
}

/*
 * Gregorian arithmetic (after H. Hinnant's "chrono-compatible low-level
 * date algorithms"): day numbers to and from year, month and day.
 */
static int64_t
days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

/* The day of the week of day number 'z', Monday 0 to Sunday 6. */
static int
weekday(int64_t z)
{
	return (int)(((z % 7) + 7 + 3) % 7);
}

static int
leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(int64_t y, int m)
{
	static const int n[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : n[m - 1];
}

/*
 * Write 'v' as exactly 'n' digits (the low ones) and return the end.
 * Fixed-width fields are written this way rather than with snprintf(),
 * whose widths depend on values the compiler cannot bound.
 */
static char *
put_digits(char *p, int64_t v, int n)
{
	int i;

	if (v < 0)
		v = -v;
	for (i = n - 1; i >= 0; i--) {
		p[i] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + n;
}

/* Write "YYYY-MM-DD" at 'p' (no NUL) and return the end. */
static char *
put_date(char *p, int64_t y, int m, int d)
{
	p = put_digits(p, y, 4);
	*p++ = '-';
	p = put_digits(p, m, 2);
	*p++ = '-';
	return put_digits(p, d, 2);
}

/* Write day number 'z' as "2026-11-23". */
static void
fmt_date(int64_t z, char buf[PM_DATE_LEN])
{
	int64_t y;
	int m, d;

	civil_from_days(z, &y, &m, &d);
	*put_date(buf, y, m, d) = '\0';
}

/* Saturating arithmetic, so absurd inputs clamp instead of overflowing. */
static int64_t
sat_add(int64_t a, int64_t b)
{
	if (b > 0 && a > INT64_MAX - b)
		return INT64_MAX;
	if (b < 0 && a < INT64_MIN - b)
		return INT64_MIN;
	return a + b;
}

static int64_t
sat_sub(int64_t a, int64_t b)
{
	if (b < 0 && a > INT64_MAX + b)
		return INT64_MAX;
	if (b > 0 && a < INT64_MIN + b)
		return INT64_MIN;
	return a - b;
}

/*
 * The time zone.
 */

/*
 * Whether 'zone' looks like an IANA name: ASCII letters, digits and
 * "/_+-", no empty or dot components, so it cannot name a file outside
 * the zone directory ("../../etc/passwd", "/etc/localtime").
 */
static int
zone_name_ok(const char *zone)
{
	const char *p;
	size_t n = strlen(zone);

	if (n == 0 || n > ZONE_NAME_MAX || zone[0] == '/' || zone[0] == '-' ||
	    zone[n - 1] == '/' || strstr(zone, "//") != NULL)
		return 0;
	for (p = zone; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("/_+-", *p) != NULL)
			continue;
		return 0;
	}
	return 1;
}

/*
 * Whether directory 'dir' has a compiled zone called 'zone', and if so
 * the TZ value that names that very file into 'tz': ":" and its absolute
 * path, so the C library reads it whatever $TZDIR says.  The directory
 * also holds text files (leapseconds, zone tables) and subdirectories,
 * so the file must be regular and start with "TZif".
 */
static int
zone_file(const char *dir, const char *zone, char *tz, size_t len)
{
	char path[4096], magic[4], *abs = NULL;
	struct stat sb;
	int fd, ok;

	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, zone) >= sizeof path)
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	ok = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    read(fd, magic, sizeof magic) == (ssize_t)sizeof magic &&
	    memcmp(magic, "TZif", 4) == 0;
	close(fd);
	if (ok && path[0] != '/')
		ok = (abs = realpath(path, NULL)) != NULL;
	if (ok)
		ok = (size_t)snprintf(tz, len, ":%s", abs != NULL ? abs : path) <
		    len;
	free(abs);
	return ok;
}

/*
 * What TZ must say for 'zone', into 'tz' ('len' bytes): its file in
 * $TZDIR, else in the system's directory, else pm's own rule for it.
 * A $TZDIR set for another program, or to a copy without this zone,
 * must not stop pm: the system's file is as good.  Returns 0 when the
 * zone exists nowhere (or its name could reach outside the directory).
 */
static int
zone_find(const char *zone, char *tz, size_t len)
{
	const char *dir = getenv("TZDIR");
	size_t i;

	if (!zone_name_ok(zone))
		return 0;
	if (dir != NULL && *dir != '\0' && zone_file(dir, zone, tz, len))
		return 1;
	if (zone_file(SYSTEM_ZONEINFO, zone, tz, len))
		return 1;
	for (i = 0; i < sizeof builtin_zones / sizeof builtin_zones[0]; i++)
		if (strcmp(zone, builtin_zones[i].name) == 0) {
			snprintf(tz, len, "%s", builtin_zones[i].rule);
			return 1;
		}
	return 0;
}

/*
 * Make the estate's zone the one the C library converts with.  This runs
 * before every local conversion, not once: the default zone applies even
 * if pm_clock_set_zone() was never called, and a TZ changed behind our
 * back (by a test, or a library) is put right.  tzset() is cheap when TZ
 * has not changed, and it is what makes localtime_r() see a change.
 */
static void
zone_apply(void)
{
	const char *cur;

	/* zone_name is the default, found at worst among the built-ins. */
	if (zone_tz[0] == '\0') {
		if (!zone_find(zone_name, zone_tz, sizeof zone_tz))
			snprintf(zone_tz, sizeof zone_tz, "%s",
			    DEFAULT_ZONE_POSIX);
		fixed_forget();
	}
	cur = getenv("TZ");
	if (cur == NULL || strcmp(cur, zone_tz) != 0)
		setenv("TZ", zone_tz, 1);
	tzset();
}

int
pm_clock_set_zone(const char *zone)
{
	char tz[ZONE_TZ_MAX];

	if (zone == NULL || !zone_find(zone, tz, sizeof tz))
		return pm_err(PM_EX_CONFIG, "time zone %s: no such zone",
		    pm_q(zone));
	snprintf(zone_name, sizeof zone_name, "%s", zone);
	memcpy(zone_tz, tz, sizeof zone_tz);
	fixed_forget();
	zone_apply();
	return 0;
}

const char *
pm_clock_zone(void)
{
	return zone_name;
}

/*
 * Local days and instants.  Callers have run zone_apply().
 */

/*
 * The instants local conversions accept: the years 1900 to 9999 and a day
 * either side, so that every local time of those years converts whatever
 * the zone's offset, and struct tm never overflows.  Printing clamps to
 * four-digit years on its own.
 */
static pm_time
local_lo(void)
{
	return (days_from_civil(1900, 1, 1) - 1) * DAY_SECS;
}

static pm_time
local_hi(void)
{
	return (days_from_civil(10000, 1, 1) + 1) * DAY_SECS;
}

static pm_time
clamp_local(pm_time t)
{
	if (t < local_lo())
		return local_lo();
	if (t > local_hi())
		return local_hi();
	return t;
}

/*
 * Most estates' zones keep one offset all year (China's has since 1992),
 * and a report converts a time per row: the C library's conversions,
 * with their locks and rule lookups, were a fifth of a pending list's
 * time.  So a year in which the zone's offset stays put is converted by
 * arithmetic.  Whether it does is asked of the C library once per year
 * and zone: its offset every five days from a day before the year to a
 * day after it (no zone has changed its offset for less than a week).
 * Other years, and other zones' changing years, go to the C library.
 */
#define FIXED_FIRST	1970
#define FIXED_YEARS	130	/* 1970 to 2099 */
#define FIXED_STEP	(5 * DAY_SECS)

static struct {
	signed char known;	/* 0 not asked, 1 fixed, -1 changes */
	long off;
} fixed_year[FIXED_YEARS];

/* Forget what was learnt of the zone (it has just changed). */
/* Counts the zone's changes, for what else depends on it (pm_now()). */
static unsigned zone_gen;

static void
fixed_forget(void)
{
	memset(fixed_year, 0, sizeof fixed_year);
	zone_gen++;
}

/* Whether the zone's offset is fixed all through UTC year 'y': '*off'. */
static int
fixed_offset(int64_t y, long *off)
{
	pm_time t, hi;
	struct tm tm;
	time_t tt;
	int i = (int)(y - FIXED_FIRST);

	if (y < FIXED_FIRST || i >= FIXED_YEARS)
		return 0;
	if (fixed_year[i].known == 0) {
		fixed_year[i].known = 1;
		t = days_from_civil(y, 1, 1) * DAY_SECS - DAY_SECS;
		hi = days_from_civil(y + 1, 1, 1) * DAY_SECS + DAY_SECS;
		for (; fixed_year[i].known == 1; t += FIXED_STEP) {
			if (t > hi)
				t = hi;
			tt = (time_t)t;
			if (localtime_r(&tt, &tm) == NULL)
				fixed_year[i].known = -1;
			else if (t == days_from_civil(y, 1, 1) * DAY_SECS -
			    DAY_SECS)
				fixed_year[i].off = tm.tm_gmtoff;
			else if (tm.tm_gmtoff != fixed_year[i].off)
				fixed_year[i].known = -1;
			if (t == hi)
				break;
		}
	}
	*off = fixed_year[i].off;
	return fixed_year[i].known == 1;
}

/* The UTC year holding day number 'z'. */
static int64_t
year_of_day(int64_t z)
{
	int64_t y;
	int m, d;

	civil_from_days(z, &y, &m, &d);
	return y;
}

static void
local_tm(pm_time t, struct tm *tm)
{
	time_t tt = (time_t)clamp_local(t);
	int64_t z, secs, y;
	long off;
	int m, d;

	if (tt >= 0 && fixed_offset(year_of_day(tt / DAY_SECS), &off)) {
		z = (tt + off) / DAY_SECS;
		secs = (tt + off) % DAY_SECS;
		civil_from_days(z, &y, &m, &d);
		memset(tm, 0, sizeof *tm);
		tm->tm_year = (int)(y - 1900);
		tm->tm_mon = m - 1;
		tm->tm_mday = d;
		tm->tm_hour = (int)(secs / 3600);
		tm->tm_min = (int)(secs / 60 % 60);
		tm->tm_sec = (int)(secs % 60);
		tm->tm_wday = (int)((z + 4) % WEEK_DAYS);
		tm->tm_gmtoff = off;
		return;
	}
	if (localtime_r(&tt, tm) == NULL)
		memset(tm, 0, sizeof *tm);
}

/* The local day number holding 't'. */
static int64_t
local_day(pm_time t)
{
	struct tm tm;

	local_tm(t, &tm);
	return days_from_civil(tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday);
}

/*
 * The instant at wall-clock time 'secs' (seconds after midnight, up to
 * 24:00) on local day 'z'.  The seconds are split into hours and minutes
 * here because glibc's mktime() adds excess tm_sec as elapsed time, not
 * wall-clock time, which is an hour off on a daylight-saving day.  A time
 * that does not exist because of a jump comes out moved by the jump, as
 * mktime() does it.
 */
static pm_time
local_make(int64_t z, int secs)
{
	struct tm tm;
	int64_t y;
	long off;

	/* Within a day of its own year, so that year's offset holds. */
	if (z >= 0 && fixed_offset(year_of_day(z), &off))
		return (pm_time)(z * DAY_SECS + secs - off);
	memset(&tm, 0, sizeof tm);
	civil_from_days(z, &y, &tm.tm_mon, &tm.tm_mday);
	tm.tm_year = (int)(y - 1900);
	tm.tm_mon--;
	tm.tm_hour = secs / 3600;
	tm.tm_min = secs / 60 % 60;
	tm.tm_sec = secs % 60;
	tm.tm_isdst = -1;
	return (pm_time)mktime(&tm);
}

static pm_time
local_midnight(int64_t z)
{
	return local_make(z, 0);
}

pm_time
pm_day_start(pm_time t)
{
	zone_apply();
	return local_midnight(local_day(t));
}

pm_time
pm_day_end(pm_time t)
{
	zone_apply();
	return local_midnight(local_day(t) + 1);
}

/*
 * Printing.
 */

char *
pm_time_utc(pm_time t, char buf[PM_TIME_UTC_LEN])
{
	int64_t z, y, secs;
	int m, d;
	char *p;

	/* Four-digit years only: 0000-01-01 to 9999-12-31. */
	if (t < days_from_civil(0, 1, 1) * DAY_SECS)
		t = days_from_civil(0, 1, 1) * DAY_SECS;
	if (t >= days_from_civil(10000, 1, 1) * DAY_SECS)
		t = days_from_civil(10000, 1, 1) * DAY_SECS - 1;
	z = t >= 0 ? t / DAY_SECS : -((-t + DAY_SECS - 1) / DAY_SECS);
	secs = t - z * DAY_SECS;
	civil_from_days(z, &y, &m, &d);
	p = put_date(buf, y, m, d);
	*p++ = 'T';
	p = put_digits(p, secs / 3600, 2);
	*p++ = ':';
	p = put_digits(p, secs / 60 % 60, 2);
	*p++ = ':';
	p = put_digits(p, secs % 60, 2);
	*p++ = 'Z';
	*p = '\0';
	return buf;
}

char *
pm_time_local(pm_time t, char buf[PM_TIME_LOCAL_LEN])
{
	struct tm tm;
	char *p;

	zone_apply();
	local_tm(t, &tm);
	if (tm.tm_year + 1900 > 9999)
		return strcpy(buf, "9999-12-31T23:59");
	if (tm.tm_year + 1900 < 1900)
		return strcpy(buf, "1900-01-01T00:00");
	p = put_date(buf, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	*p++ = 'T';
	p = put_digits(p, tm.tm_hour, 2);
	*p++ = ':';
	p = put_digits(p, tm.tm_min, 2);
	*p = '\0';
	return buf;
}

char *
pm_date_local(pm_time t, char buf[PM_DATE_LEN])
{
	int64_t z;

	zone_apply();
	z = local_day(t);
	if (z > days_from_civil(9999, 12, 31))
		z = days_from_civil(9999, 12, 31);
	if (z < days_from_civil(1900, 1, 1))
		z = days_from_civil(1900, 1, 1);
	fmt_date(z, buf);
	return buf;
}

/*
 * Scanning.  The scanners move a cursor over the text and never read past
 * its NUL.
 */

/* Read exactly 'n' digits. */
static int
scan_digits(const char **pp, int n, int *v)
{
	const char *p = *pp;
	int i, x = 0;

	for (i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return 0;
		x = x * 10 + (p[i] - '0');
	}
	*pp = p + n;
	*v = x;
	return 1;
}

/* Read one or more digits, at most 'max' of them. */
static int
scan_number(const char **pp, int max, int64_t *v)
{
	const char *p = *pp;
	int64_t x = 0;
	int n;

	for (n = 0; p[n] >= '0' && p[n] <= '9'; n++) {
		if (n == max)
			return 0;
		x = x * 10 + (p[n] - '0');
	}
	if (n == 0)
		return 0;
	*pp = p + n;
	*v = x;
	return 1;
}

/* Step over the character 'c' if it comes next. */
static int
scan_char(const char **pp, char c)
{
	if (**pp != c)
		return 0;
	(*pp)++;
	return 1;
}

/* An ISO 8601 date or time as written, before any zone is applied. */
struct stamp {
	int year, mon, day, hour, min, sec;
	int has_time;
	int has_off;
	int off;		/* seconds east of UTC */
};

/* The zone suffix of a time: "Z", "+08:00", "+0800" or "+08". */
static int
scan_offset(const char **pp, struct stamp *st)
{
	const char *p = *pp;
	int sign, oh, om = 0;

	if (*p == 'Z' || *p == 'z') {
		st->has_off = 1;
		*pp = p + 1;
		return 1;
	}
	if (*p != '+' && *p != '-')
		return 1;
	sign = *p++ == '-' ? -1 : 1;
	if (!scan_digits(&p, 2, &oh))
		return 0;
	if (scan_char(&p, ':') || (*p >= '0' && *p <= '9')) {
		if (!scan_digits(&p, 2, &om))
			return 0;
	}
	if (oh > 14 || om > 59)
		oh = 99;	/* checked in stamp_check() */
	st->has_off = 1;
	st->off = sign * (oh * 3600 + om * 60);
	*pp = p;
	return 1;
}

/* Whether the fields of 'st' name a real moment; NULL or the reason. */
static const char *
stamp_check(const struct stamp *st, int year_min)
{
	if (st->year < year_min || st->year > YEAR_MAX)
		return year_min == YEAR_MIN ?
		    "year out of range (1970 to 9999)" : "year out of range";
	if (st->mon < 1 || st->mon > 12)
		return N_("no such month");
	if (st->day < 1 || st->day > month_days(st->year, st->mon))
		return N_("no such day");
	/* 24:00 is the end of the day, as pm prints end-of-day deadlines. */
	if (st->hour > 23 && !(st->hour == 24 && st->min == 0 && st->sec == 0))
		return N_("no such hour");
	if (st->min > 59)
		return N_("no such minute");
	if (st->sec > 59)
		return N_("no such second");
	if (st->off > 14 * 3600 + 59 * 60 || st->off < -(14 * 3600 + 59 * 60))
		return N_("no such zone offset");
	return NULL;
}

/*
 * Scan "2026-11-23", "2026-11-23T09:30[:SS]" (or with a space) and the
 * latter with a zone suffix.  Returns NULL, not_the_form, or the reason
 * the fields are out of range.
 */
static const char *
scan_stamp(const char *s, struct stamp *st, int year_min)
{
	const char *p = s;

	memset(st, 0, sizeof *st);
	if (!scan_digits(&p, 4, &st->year) || !scan_char(&p, '-') ||
	    !scan_digits(&p, 2, &st->mon) || !scan_char(&p, '-') ||
	    !scan_digits(&p, 2, &st->day))
		return not_the_form;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (!scan_digits(&p, 2, &st->hour) || !scan_char(&p, ':') ||
		    !scan_digits(&p, 2, &st->min))
			return not_the_form;
		if (scan_char(&p, ':') && !scan_digits(&p, 2, &st->sec))
			return not_the_form;
		st->has_time = 1;
		if (!scan_offset(&p, st))
			return not_the_form;
	}
	if (*p != '\0')
		return not_the_form;
	return stamp_check(st, year_min);
}

/* The instant 'st' names: in its own offset, or in local time. */
static pm_time
stamp_time(const struct stamp *st)
{
	int64_t z = days_from_civil(st->year, st->mon, st->day);
	int secs = st->hour * 3600 + st->min * 60 + st->sec;

	if (st->hour == 24) {
		z++;
		secs = 0;
	}
	if (st->has_off)
		return z * DAY_SECS + secs - st->off;
	return local_make(z, secs);
}

/* Whether local instant 't' falls in the years a person may write. */
static int
year_ok(pm_time t)
{
	struct tm tm;

	local_tm(t, &tm);
	return tm.tm_year + 1900 >= YEAR_MIN && tm.tm_year + 1900 <= YEAR_MAX;
}

static const char out_of_range[] = N_("out of range (1970 to 9999)");

/* The start of the local day 'n' days from today. */
static const char *
day_from_now(int64_t n, pm_time *t, int *is_day)
{
	int64_t z = local_day(pm_now()) + n;

	if (z < days_from_civil(YEAR_MIN, 1, 1) ||
	    z > days_from_civil(YEAR_MAX, 12, 31))
		return out_of_range;
	*is_day = 1;
	*t = local_midnight(z);
	return NULL;
}

/*
 * Scan the forms relative to now: "now", "today", "yesterday",
 * "tomorrow", and a signed count with a unit ("-3d", "+1w", "-4h",
 * "-30m", "+90s").  Days and weeks give the start of the local day.
 */
static const char *
scan_relative(const char *s, pm_time *t, int *is_day)
{
	static const struct {
		const char *word;
		int days;
	} words[] = {
		{ "today", 0 }, { "yesterday", -1 }, { "tomorrow", 1 }
	};
	const char *p = s;
	int64_t n, unit;
	size_t i;
	int sign;

	*is_day = 0;
	if (strcasecmp(s, "now") == 0) {
		*t = pm_now();
		return NULL;
	}
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i].word) == 0)
			return day_from_now(words[i].days, t, is_day);
	if (*p != '+' && *p != '-')
		return not_the_form;
	sign = *p++ == '-' ? -1 : 1;
	if (!scan_number(&p, 6, &n) || *p == '\0' || p[1] != '\0')
		return not_the_form;
	switch (*p) {
	case 'w':
		return day_from_now(sign * n * WEEK_DAYS, t, is_day);
	case 'd':
		return day_from_now(sign * n, t, is_day);
	case 'h':
		unit = 3600;
		break;
	case 'm':
		unit = 60;
		break;
	case 's':
		unit = 1;
		break;
	default:
		return not_the_form;
	}
	*t = pm_now() + sign * n * unit;
	return year_ok(*t) ? NULL : out_of_range;
}

/*
 * Parse a time a person wrote; 'relative' allows the forms relative to
 * now.  Sets *is_day when the text names a whole day (its start).
 */
static const char *
parse_when(const char *s, int relative, pm_time *t, int *is_day)
{
	struct stamp st;
	const char *why;

	why = scan_stamp(s, &st, YEAR_MIN);
	if (why == not_the_form && relative)
		return scan_relative(s, t, is_day);
	if (why != NULL)
		return why;
	*is_day = !st.has_time;
	*t = stamp_time(&st);
	return NULL;
}

int
pm_time_parse(const char *s, pm_time *t)
{
	const char *why;
	int is_day;

	if (s == NULL)
		s = "";
	zone_apply();
	if ((why = parse_when(s, 1, t, &is_day)) == NULL)
		return 0;
	if (why == not_the_form)
		why = N_("not a date (use 2026-11-23, 2026-11-23T09:30, today, "
		    "yesterday or -3d)");
	return pm_err(PM_EX_USAGE, "date %s: %s", pm_q(s), _(why));
}

int
pm_time_parse_utc(const char *s, pm_time *t)
{
	struct stamp st;
	const char *why;

	if (s == NULL)
		s = "";
	/*
	 * The database form only, so that a stray local or offset time in
	 * the database is caught rather than read in the wrong zone.  The
	 * early years are allowed because local 1970 can be UTC 1969.
	 */
	if (strlen(s) != PM_TIME_UTC_LEN - 1 || s[10] != 'T' || s[19] != 'Z')
		why = not_the_form;
	else
		why = scan_stamp(s, &st, 1900);
	/* 24:00 is for people; the database writes the next day's 00:00. */
	if (why == NULL && st.hour == 24)
		why = N_("no such hour");
	if (why == NULL) {
		*t = stamp_time(&st);
		return 0;
	}
	if (why == not_the_form)
		why = N_("not a UTC time (want 2026-11-23T01:30:00Z)");
	return pm_err(PM_EX_DATAERR, "time %s: %s", pm_q(s), _(why));
}

/*
 * Now.  $PM_NOW is read afresh on every call, so a test may change it
 * between calls.  An empty $PM_NOW counts as unset, as "PM_NOW= cmd" in
 * a shell is the usual way to drop it.
 */

static int
now_from_env(const char *env, pm_time *t)
{
	const char *why;
	int is_day;

	zone_apply();
	if ((why = parse_when(env, 0, t, &is_day)) == NULL)
		return 0;
	if (why == not_the_form)
		why = N_("not an ISO 8601 time (use 2026-11-23T09:30 or "
		    "2026-11-23T01:30:00Z)");
	return pm_err(PM_EX_USAGE, "PM_NOW %s: %s", pm_q(env), _(why));
}

pm_time
pm_now(void)
{
	/* A report asks the time per row: parse each $PM_NOW once. */
	static char last[64];
	static unsigned last_gen;
	static pm_time last_t;
	const char *env = getenv("PM_NOW");
	pm_time t;

	if (env == NULL || *env == '\0')
		return (pm_time)time(NULL);
	zone_apply();
	if (last_gen == zone_gen && strcmp(env, last) == 0)
		return last_t;
	if (now_from_env(env, &t) != 0)
		return (pm_time)time(NULL);
	if (strlen(env) < sizeof last) {
		memcpy(last, env, strlen(env) + 1);
		last_gen = zone_gen;
		last_t = t;
	}
	return t;
}

int
pm_clock_check_env(void)
{
	const char *env = getenv("PM_NOW");
	pm_time t;

	if (env == NULL || *env == '\0')
		return 0;
	return now_from_env(env, &t);
}

/*
 * Periods.
 */

/* The local half-open interval of days [z0, z1). */
static const char *
days_period(int64_t z0, int64_t z1, pm_time *from, pm_time *to)
{
	*from = local_midnight(z0);
	*to = local_midnight(z1);
	return NULL;
}

static const char *
month_period(int64_t y, int m, pm_time *from, pm_time *to)
{
	int64_t z0 = days_from_civil(y, m, 1);

	return days_period(z0, z0 + month_days(y, m), from, to);
}

/* The Monday starting ISO week 1 of 'y': the week holding 4 January. */
static int64_t
iso_week_one(int64_t y)
{
	int64_t jan4 = days_from_civil(y, 1, 4);

	return jan4 - weekday(jan4);
}

static const char *
week_period(int64_t y, int w, pm_time *from, pm_time *to)
{
	int64_t z = iso_week_one(y);
	int weeks = (int)((iso_week_one(y + 1) - z) / WEEK_DAYS);

	if (w < 1 || w > weeks)
		return weeks == 53 ? "no such week (1 to 53)" :
		    "no such week (1 to 52)";
	z += (int64_t)(w - 1) * WEEK_DAYS;
	return days_period(z, z + WEEK_DAYS, from, to);
}

/* "this-month", "last-week" and the like, around now. */
static const char *
named_period(const char *s, pm_time *from, pm_time *to)
{
	int64_t z, y, monday;
	int m, d, last;

	if (strncasecmp(s, "this-", 5) == 0)
		last = 0;
	else if (strncasecmp(s, "last-", 5) == 0)
		last = 1;
	else
		return not_the_form;
	s += 5;
	z = local_day(pm_now());
	civil_from_days(z, &y, &m, &d);
	if (strcasecmp(s, "week") == 0) {
		monday = z - weekday(z) - last * WEEK_DAYS;
		return days_period(monday, monday + WEEK_DAYS, from, to);
	}
	if (strcasecmp(s, "month") == 0) {
		if (last && --m == 0) {
			m = 12;
			y--;
		}
		return month_period(y, m, from, to);
	}
	if (strcasecmp(s, "year") == 0)
		return days_period(days_from_civil(y - last, 1, 1),
		    days_from_civil(y - last + 1, 1, 1), from, to);
	return not_the_form;
}

/*
 * The numeric forms: "2026" a year, "2026-11" a month, "2026-W48" an
 * ISO week.  Returns not_the_form for anything else.
 */
static const char *
numeric_period(const char *s, pm_time *from, pm_time *to)
{
	const char *p = s;
	int y, n = 0;
	char form;

	if (!scan_digits(&p, 4, &y))
		return not_the_form;
	if (*p == '\0')
		form = 'y';
	else if (p[0] == '-' && (p[1] == 'W' || p[1] == 'w')) {
		p += 2;
		form = 'w';
	} else if (scan_char(&p, '-'))
		form = 'm';
	else
		return not_the_form;
	if (form != 'y' && (!scan_digits(&p, 2, &n) || *p != '\0'))
		return not_the_form;
	if (y < YEAR_MIN || y > YEAR_MAX)
		return N_("year out of range (1970 to 9999)");
	if (form == 'y')
		return days_period(days_from_civil(y, 1, 1),
		    days_from_civil(y + 1, 1, 1), from, to);
	if (form == 'w')
		return week_period(y, n, from, to);
	if (n < 1 || n > 12)
		return N_("no such month");
	return month_period(y, n, from, to);
}

static const char *
parse_period(const char *s, pm_time *from, pm_time *to)
{
	const char *why;
	pm_time t;
	int64_t z;
	int is_day;

	if ((why = numeric_period(s, from, to)) != not_the_form)
		return why;
	if ((why = named_period(s, from, to)) != not_the_form)
		return why;
	if ((why = parse_when(s, 1, &t, &is_day)) != NULL)
		return why;
	if (!is_day)
		return not_the_form;
	z = local_day(t);
	return days_period(z, z + 1, from, to);
}

int
pm_period_parse(const char *s, pm_time *from, pm_time *to)
{
	const char *why;

	if (s == NULL)
		s = "";
	zone_apply();
	if ((why = parse_period(s, from, to)) == NULL)
		return 0;
	if (why == not_the_form)
		why = N_("not a period (use 2026-11, 2026, 2026-W48, 2026-11-23, "
		    "today, this-month or last-month)");
	return pm_err(PM_EX_USAGE, "period %s: %s", pm_q(s), _(why));
}

void
pm_period_of(enum pm_period_kind kind, pm_time t, pm_time *from,
    pm_time *to)
{
	int64_t z, y, monday;
	int m, d;

	zone_apply();
	z = local_day(t);
	civil_from_days(z, &y, &m, &d);
	switch (kind) {
	case PM_PERIOD_DAY:
		days_period(z, z + 1, from, to);
		break;
	case PM_PERIOD_WEEK:
		monday = z - weekday(z);
		days_period(monday, monday + WEEK_DAYS, from, to);
		break;
	case PM_PERIOD_MONTH:
		month_period(y, m, from, to);
		break;
	case PM_PERIOD_QUARTER:
		m = (m - 1) / 3 * 3 + 1;
		days_period(days_from_civil(y, m, 1), m == 10 ?
		    days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 3, 1),
		    from, to);
		break;
	default:
		days_period(days_from_civil(y, 1, 1),
		    days_from_civil(y + 1, 1, 1), from, to);
		break;
	}
}

char *
pm_period_name(enum pm_period_kind kind, pm_time from,
    char buf[PM_PERIOD_NAME_LEN])
{
	int64_t z, y, wy;
	int m, d;
	char *p;

	zone_apply();
	z = local_day(from);
	civil_from_days(z, &y, &m, &d);
	switch (kind) {
	case PM_PERIOD_DAY:
		fmt_date(z, buf);
		return buf;
	case PM_PERIOD_WEEK:
		/* The ISO year of a week is the year of its Thursday. */
		civil_from_days(z - weekday(z) + 3, &wy, &m, &d);
		p = put_digits(buf, wy, 4);
		*p++ = '-';
		*p++ = 'W';
		p = put_digits(p, (z - iso_week_one(wy)) / WEEK_DAYS + 1, 2);
		break;
	case PM_PERIOD_MONTH:
		p = put_digits(buf, y, 4);
		*p++ = '-';
		p = put_digits(p, m, 2);
		break;
	case PM_PERIOD_QUARTER:
		p = put_digits(buf, y, 4);
		*p++ = '-';
		*p++ = 'Q';
		*p++ = (char)('1' + (m - 1) / 3);
		break;
	default:
		p = put_digits(buf, y, 4);
		break;
	}
	*p = '\0';
	return buf;
}

int
pm_quarter_parse(const char *s, pm_time *from, pm_time *to)
{
	const char *p = s != NULL ? s : "";
	int y, q;

	zone_apply();
	if (!scan_digits(&p, 4, &y) || p[0] != '-' || (p[1] != 'Q' &&
	    p[1] != 'q') || p[2] < '1' || p[2] > '4' || p[3] != '\0')
		return pm_err(PM_EX_USAGE, "period %s: %s", pm_q(s),
		    _("not a quarter (use 2026-Q4)"));
	if (y < YEAR_MIN || y > YEAR_MAX)
		return pm_err(PM_EX_USAGE, "period %s: %s", pm_q(s),
		    _("year out of range (1970 to 9999)"));
	q = p[2] - '1';
	days_period(days_from_civil(y, q * 3 + 1, 1), q == 3 ?
	    days_from_civil(y + 1, 1, 1) : days_from_civil(y, q * 3 + 4, 1),
	    from, to);
	return 0;
}

char *
pm_time_rfc5322(pm_time t, char buf[PM_TIME_RFC5322_LEN])
{
	static const char days[7][4] = { "Sun", "Mon", "Tue", "Wed", "Thu",
	    "Fri", "Sat" };
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm tm;
	long off;
	char *p;

	zone_apply();
	local_tm(t, &tm);
	memcpy(buf, days[tm.tm_wday % 7], 3);
	p = buf + 3;
	*p++ = ',';
	*p++ = ' ';
	p = put_digits(p, tm.tm_mday, 2);
	*p++ = ' ';
	memcpy(p, months[tm.tm_mon % 12], 3);
	p += 3;
	*p++ = ' ';
	p = put_digits(p, tm.tm_year + 1900, 4);
	*p++ = ' ';
	p = put_digits(p, tm.tm_hour, 2);
	*p++ = ':';
	p = put_digits(p, tm.tm_min, 2);
	*p++ = ':';
	p = put_digits(p, tm.tm_sec, 2);
	*p++ = ' ';
	off = tm.tm_gmtoff;
	*p++ = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	p = put_digits(p, off / 3600, 2);
	p = put_digits(p, off / 60 % 60, 2);
	*p = '\0';
	return buf;
}

/*
 * Durations.
 */

/*
 * Scan a duration: counts with units, largest unit first, each unit at
 * most once, optionally one space between them ("1d12h", "1d 12h"), so
 * that what pm_duration_fmt() writes reads back.  'day' and 'week' are
 * the lengths of "d" and "w", which differ on a working-time clock.
 */
static const char *
scan_duration(const char *s, int64_t day, int64_t week, int64_t *secs)
{
	static const struct {
		const char *name;
		int rank;
	} units[] = {
		{ "w", 0 }, { "d", 1 }, { "h", 2 }, { "min", 3 }, { "m", 3 },
		{ "s", 4 }
	};
	const int64_t size[] = { week, day, 3600, 60, 1 };
	const char *p = s;
	int64_t n, total = 0;
	size_t i, len;
	int last = -1;

	do {
		if (p != s)
			scan_char(&p, ' ');
		if (!scan_number(&p, 9, &n))
			return not_the_form;
		for (i = 0; i < sizeof units / sizeof units[0]; i++) {
			len = strlen(units[i].name);
			if (strncmp(p, units[i].name, len) == 0)
				break;
		}
		if (i == sizeof units / sizeof units[0])
			return not_the_form;
		if (units[i].rank <= last)
			return N_("units out of order (largest first, each once)");
		last = units[i].rank;
		p += len;
		total += n * size[last];
	} while (*p != '\0');
	if (total > DURATION_MAX)
		return N_("too long (at most 36500d)");
	*secs = total;
	return NULL;
}

static int
duration_err(const char *s, const char *why)
{
	if (why == not_the_form)
		why = N_("not a duration (use 30m, 2h, 1d12h or 90s)");
	return pm_err(PM_EX_USAGE, "duration %s: %s", pm_q(s), _(why));
}

int
pm_duration_parse(const char *s, int64_t *secs)
{
	const char *why;

	if (s == NULL)
		s = "";
	if ((why = scan_duration(s, DAY_SECS, WEEK_DAYS * DAY_SECS, secs)) ==
	    NULL)
		return 0;
	return duration_err(s, why);
}

int
pm_calendar_duration_parse(const struct pm_calendar *cal,
    enum pm_clock_kind kind, const char *s, int64_t *secs)
{
	const char *why;
	int64_t day = DAY_SECS, week = WEEK_DAYS * DAY_SECS;

	if (s == NULL)
		s = "";
	if (kind == PM_CLOCK_WORKING) {
		day = pm_calendar_day_seconds(cal);
		week = 5 * day;
	}
	if ((why = scan_duration(s, day, week, secs)) == NULL)
		return 0;
	return duration_err(s, why);
}

/*
 * Seconds are dropped, rounding toward zero, so "-90s" is "-1m" and
 * anything under a minute either way is "0m": people read durations to
 * the minute, and a "-0m" would only confuse.
 */
char *
pm_duration_fmt(int64_t secs, char *buf, int len)
{
	char tmp[64];
	uint64_t mag, mins, d, h, m;
	int n = 0;

	if (buf == NULL || len <= 0)
		return buf;
	mag = secs < 0 ? -(uint64_t)secs : (uint64_t)secs;
	mins = mag / 60;
	d = mins / 1440;
	h = mins / 60 % 24;
	m = mins % 60;
	if (secs < 0 && mins > 0)
		tmp[n++] = '-';
	tmp[n] = '\0';
	if (d > 0)
		n += snprintf(tmp + n, sizeof tmp - n, "%llud",
		    (unsigned long long)d);
	if (h > 0)
		n += snprintf(tmp + n, sizeof tmp - n, "%s%lluh",
		    d > 0 ? " " : "", (unsigned long long)h);
	if (m > 0 || (d == 0 && h == 0))
		snprintf(tmp + n, sizeof tmp - n, "%s%llum",
		    d > 0 || h > 0 ? " " : "", (unsigned long long)m);
	snprintf(buf, (size_t)len, "%s", tmp);
	return buf;
}

/*
 * The working-time calendar.
 */

void
pm_calendar_init(struct pm_calendar *cal)
{
	memset(cal, 0, sizeof *cal);
	cal->nspans = 2;
	cal->span_start[0] = 9 * 3600;
	cal->span_end[0] = 12 * 3600;
	cal->span_start[1] = 13 * 3600 + 30 * 60;
	cal->span_end[1] = 18 * 3600;
}

void
pm_calendar_release(struct pm_calendar *cal)
{
	free(cal->days);
	cal->days = NULL;
	cal->ndays = 0;
}

/*
 * Whether the working clock applies: at least one span, and spans that
 * ascend within the day without overlapping, as pm_calendar_set_hours()
 * makes them.  A calendar without (sound) spans has no working time at
 * all, and counting on it would never end, so its working clock runs as
 * the calendar clock instead.
 */
static int
cal_working(const struct pm_calendar *cal)
{
	int i, prev = 0;

	if (cal == NULL || cal->nspans < 1 || cal->nspans > PM_CAL_MAX_SPANS)
		return 0;
	for (i = 0; i < cal->nspans; i++) {
		if (cal->span_start[i] < prev ||
		    cal->span_end[i] <= cal->span_start[i] ||
		    cal->span_end[i] > DAY_SECS)
			return 0;
		prev = cal->span_end[i];
	}
	return 1;
}

int64_t
pm_calendar_day_seconds(const struct pm_calendar *cal)
{
	int64_t sum = 0;
	int i;

	if (!cal_working(cal))
		return DAY_SECS;
	for (i = 0; i < cal->nspans; i++)
		sum += cal->span_end[i] - cal->span_start[i];
	return sum;
}

/* "9:00", "09:00" or "24:00" as seconds after midnight. */
static const char *
scan_clock(const char **pp, int *secs)
{
	const char *p = *pp;
	int h, m;

	if (!scan_digits(&p, 2, &h) && !scan_digits(&p, 1, &h))
		return not_the_form;
	if (!scan_char(&p, ':') || !scan_digits(&p, 2, &m))
		return not_the_form;
	if (h > 24 || m > 59 || (h == 24 && m > 0))
		return N_("no such time of day");
	*secs = h * 3600 + m * 60;
	*pp = p;
	return NULL;
}

static const char *
scan_hours(const char *spec, struct pm_calendar *cal)
{
	const char *p = spec, *why;
	int n, a, b, prev = 0;

	for (n = 0;; n++) {
		if (n == PM_CAL_MAX_SPANS)
			return N_("more than 4 spans");
		if ((why = scan_clock(&p, &a)) != NULL)
			return why;
		if (!scan_char(&p, '-'))
			return not_the_form;
		if ((why = scan_clock(&p, &b)) != NULL)
			return why;
		if (b <= a)
			return N_("a span ends before it starts");
		if (a < prev)
			return N_("spans overlap or are out of order");
		cal->span_start[n] = a;
		cal->span_end[n] = prev = b;
		if (*p == '\0')
			break;
		if (!scan_char(&p, ','))
			return not_the_form;
		scan_char(&p, ' ');
	}
	cal->nspans = n + 1;
	return NULL;
}

int
pm_calendar_set_hours(struct pm_calendar *cal, const char *spec)
{
	struct pm_calendar tmp = *cal;
	const char *why;

	if (spec == NULL)
		spec = "";
	if ((why = scan_hours(spec, &tmp)) == NULL) {
		*cal = tmp;
		return 0;
	}
	if (why == not_the_form)
		why = N_("not HH:MM-HH:MM[,HH:MM-HH:MM...]");
	return pm_err(PM_EX_CONFIG, "working hours %s: %s", pm_q(spec), _(why));
}

/* The index of the first special day not before 'date'. */
static int
day_lower_bound(const struct pm_calendar *cal, const char *date)
{
	int lo = 0, hi = cal->ndays, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(cal->days[mid].date, date) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Add a special day, keeping the days sorted.  Returns NULL or why not
 * (no_memory when out of memory).
 */
static const char *
day_insert(struct pm_calendar *cal, const char *date, int working)
{
	struct pm_cal_day *days;
	struct stamp st;
	const char *why;
	int i;

	why = scan_stamp(date, &st, YEAR_MIN);
	if (why == not_the_form || (why == NULL && st.has_time))
		return N_("not a date (want 2026-10-01)");
	if (why != NULL)
		return why;
	working = working != 0;
	i = day_lower_bound(cal, date);
	if (i < cal->ndays && strcmp(cal->days[i].date, date) == 0)
		return cal->days[i].working == working ? NULL :
		    "given as both holiday and workday";
	/*
	 * The struct has no capacity field, and a caller may have filled
	 * 'days' itself, so grow by one: calendars hold tens of days a year.
	 */
	days = realloc(cal->days, (size_t)(cal->ndays + 1) * sizeof *days);
	if (days == NULL)
		return no_memory;
	memmove(days + i + 1, days + i, (size_t)(cal->ndays - i) * sizeof *days);
	memcpy(days[i].date, date, PM_DATE_LEN);
	days[i].working = working;
	cal->days = days;
	cal->ndays++;
	return NULL;
}

int
pm_calendar_add_day(struct pm_calendar *cal, const char *date, int working)
{
	const char *why;

	if (date == NULL)
		date = "";
	if ((why = day_insert(cal, date, working)) == NULL)
		return 0;
	if (why == no_memory)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	return pm_err(PM_EX_CONFIG, "day %s: %s", pm_q(date), _(why));
}

/* Whether local day 'z' is a working day. */
static int
day_working(const struct pm_calendar *cal, int64_t z)
{
	char date[PM_DATE_LEN];
	int i;

	if (cal->ndays > 0) {
		fmt_date(z, date);
		i = day_lower_bound(cal, date);
		if (i < cal->ndays && strcmp(cal->days[i].date, date) == 0)
			return cal->days[i].working;
	}
	return weekday(z) < 5;
}

int
pm_calendar_is_workday(const struct pm_calendar *cal, pm_time t)
{
	zone_apply();
	return day_working(cal, local_day(t));
}

/*
 * Reading a calendar file.
 */

static int line_err(const char *, long, const char *, const char *,
    const char *, ...) PM_PRINTF(5, 6);

/* Record "FILE:LINE:COLUMN: message", the column being that of 'at'. */
static int
line_err(const char *file, long lineno, const char *base, const char *at,
    const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, pm_gettext(fmt), ap);
	va_end(ap);
	return pm_err(PM_EX_CONFIG, "%s:%ld:%d: %s", shown(file), lineno,
	    (int)(at - base) + 1, what);
}

/* Cut the blank-separated word at 'p', returning where the next begins. */
static char *
cut_word(char *p)
{
	p += strcspn(p, " \t");
	if (*p != '\0')
		*p++ = '\0';
	return p + strspn(p, " \t");
}

/* The last blank-separated word of 'p', with trailing blanks cut off. */
static char *
last_word(char *p)
{
	char *end = p + strlen(p);

	while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	while (end > p && end[-1] != ' ' && end[-1] != '\t')
		end--;
	return end;
}

/*
 * The weekday a line may end with ("Thu" in the State Council's table)
 * is checked against its date, which catches a date typed wrong.  Other
 * trailing words are a name and are not checked.  Returns NULL, or the
 * date's true weekday when 'word' names another.
 */
static const char *
weekday_mismatch(const char *word, const struct stamp *st)
{
	static const char *names[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	int i, want;

	for (i = 0; i < 7; i++)
		if (strcasecmp(word, names[i]) == 0)
			break;
	if (i == 7)
		return NULL;
	want = weekday(days_from_civil(st->year, st->mon, st->day));
	return i == want ? NULL : names[want];
}

/*
 * One line of a calendar file: "DATE KIND [NAME...] [WEEKDAY]" with tabs
 * (or spaces) between the fields, or a '#' comment, or blank.  'line'
 * ('len' bytes read) is modified.
 */
static int
cal_line(struct pm_calendar *cal, const char *file, long lineno, char *line,
    size_t len)
{
	char *base = line, *date, *kind, *rest, *last;
	const char *why, *real;
	struct stamp st;
	int working;

	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
		line[--len] = '\0';
	if (strlen(line) != len)
		return line_err(file, lineno, base, line + strlen(line),
		    "a NUL byte in the line");
	if (lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
		base = line += 3;	/* a byte order mark from an editor */
	date = line + strspn(line, " \t");
	if (*date == '\0' || *date == '#')
		return 0;
	kind = cut_word(date);
	why = scan_stamp(date, &st, YEAR_MIN);
	if (why == not_the_form || (why == NULL && st.has_time))
		why = N_("not a date (want 2026-10-01)");
	if (why != NULL)
		return line_err(file, lineno, base, date, "date %s: %s",
		    pm_q(date), _(why));
	if (*kind == '\0')
		return line_err(file, lineno, base, kind,
		    "no kind after the date (want holiday or workday)");
	rest = cut_word(kind);
	if (strcmp(kind, "holiday") == 0)
		working = 0;
	else if (strcmp(kind, "workday") == 0)
		working = 1;
	else
		return line_err(file, lineno, base, kind,
		    "kind %s: want holiday or workday", pm_q(kind));
	last = last_word(rest);
	if ((real = weekday_mismatch(last, &st)) != NULL)
		return line_err(file, lineno, base, last,
		    "weekday %s: %s is a %s", pm_q(last), date, real);
	if ((why = day_insert(cal, date, working)) == no_memory)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	if (why != NULL)
		return line_err(file, lineno, base, date, "day %s: %s",
		    pm_q(date), _(why));
	return 0;
}

/*
 * The file is read into a copy of the days, so that a bad line leaves
 * 'cal' as it was.
 */
int
pm_calendar_load(struct pm_calendar *cal, const char *path)
{
	struct pm_calendar tmp = *cal;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	FILE *fp;
	int rc = 0;

	if ((fp = fopen(path, "r")) == NULL)
		return pm_err(PM_EX_NOINPUT, "calendar %s: %s", pm_q(path),
		    strerror(errno));
	tmp.days = NULL;
	if (cal->ndays > 0) {
		tmp.days = malloc((size_t)cal->ndays * sizeof *tmp.days);
		if (tmp.days == NULL) {
			fclose(fp);
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		}
		memcpy(tmp.days, cal->days, (size_t)cal->ndays *
		    sizeof *tmp.days);
	}
	while (rc == 0 && (len = getline(&line, &cap, fp)) != -1)
		rc = cal_line(&tmp, path, ++lineno, line, (size_t)len);
	if (rc == 0 && ferror(fp))
		rc = pm_err(PM_EX_IOERR, "calendar %s: %s", pm_q(path),
		    strerror(errno));
	free(line);
	fclose(fp);
	if (rc != 0) {
		free(tmp.days);
		return rc;
	}
	free(cal->days);
	cal->days = tmp.days;
	cal->ndays = tmp.ndays;
	return 0;
}

/*
 * Working time.  A deadline is found by walking local days: each working
 * day contributes its spans, and runs of seven plain days (no special
 * day, no daylight-saving change) are skipped whole, so that a deadline
 * years away costs a few thousand steps and a five-day SLA a handful.
 *
 * Outside the years 1900 to 9999 there is no calendar to walk (struct tm
 * and the date strings stop there), so times out there count on the
 * calendar clock; pm never stores such times.
 */

/* The working intervals of one local day, as instants. */
struct spans {
	pm_time s[PM_CAL_MAX_SPANS];
	pm_time e[PM_CAL_MAX_SPANS];
	int n;
};

static int
in_window(pm_time t)
{
	return t >= local_lo() && t <= local_hi();
}

/*
 * The working intervals of local day 'z', which runs from 'm0' to 'm1'.
 * Spans are wall-clock times, so on a day of 86400 seconds they are
 * plain offsets from midnight, and on a daylight-saving day each is
 * asked of mktime().
 */
static void
day_spans(const struct pm_calendar *cal, int64_t z, pm_time m0, pm_time m1,
    struct spans *sp)
{
	pm_time s, e;
	int i;

	sp->n = 0;
	if (!day_working(cal, z))
		return;
	for (i = 0; i < cal->nspans; i++) {
		if (m1 - m0 == DAY_SECS) {
			s = m0 + cal->span_start[i];
			e = m0 + cal->span_end[i];
		} else {
			s = local_make(z, cal->span_start[i]);
			e = cal->span_end[i] == DAY_SECS ? m1 :
			    local_make(z, cal->span_end[i]);
		}
		if (s < m0)
			s = m0;
		if (e > m1)
			e = m1;
		if (e > s) {
			sp->s[sp->n] = s;
			sp->e[sp->n] = e;
			sp->n++;
		}
	}
}

/*
 * Whether the seven local days from 'z' (running from 'm0' to 'm7') are
 * plain: no special day among them and exactly seven days of 86400
 * seconds, so they hold five working days of pm_calendar_day_seconds().
 */
static int
week_plain(const struct pm_calendar *cal, int64_t z, pm_time m0, pm_time m7)
{
	char from[PM_DATE_LEN], to[PM_DATE_LEN];
	int i;

	if (m7 - m0 != WEEK_DAYS * DAY_SECS)
		return 0;
	if (cal->ndays == 0)
		return 1;
	fmt_date(z, from);
	fmt_date(z + WEEK_DAYS, to);
	i = day_lower_bound(cal, from);
	return i == cal->ndays || strcmp(cal->days[i].date, to) >= 0;
}

/*
 * 'rem' (> 0) working seconds after 'pos'.  A deadline that uses up a
 * span exactly is that span's end: "rem <= available" below.
 */
static pm_time
work_forward(const struct pm_calendar *cal, pm_time pos, int64_t rem)
{
	int64_t z = local_day(pos), last = days_from_civil(9999, 12, 31);
	int64_t week = 5 * pm_calendar_day_seconds(cal);
	pm_time m0 = local_midnight(z), m1, m7, from;
	struct spans sp;
	int i;

	for (;;) {
		if (z > last)
			return sat_add(pos, rem);
		m1 = local_midnight(z + 1);
		day_spans(cal, z, m0, m1, &sp);
		for (i = 0; i < sp.n; i++) {
			if (sp.e[i] <= pos)
				continue;
			from = sp.s[i] > pos ? sp.s[i] : pos;
			if (rem <= sp.e[i] - from)
				return from + rem;
			rem -= sp.e[i] - from;
		}
		z++;
		pos = m0 = m1;
		while (rem > week && z + WEEK_DAYS <= last) {
			m7 = local_midnight(z + WEEK_DAYS);
			if (!week_plain(cal, z, m0, m7))
				break;
			rem -= week;
			z += WEEK_DAYS;
			pos = m0 = m7;
		}
	}
}

/*
 * 'rem' (> 0) working seconds before 'pos', the mirror image of
 * work_forward(): a result that uses up a span exactly is its start.
 */
static pm_time
work_backward(const struct pm_calendar *cal, pm_time pos, int64_t rem)
{
	int64_t z = local_day(pos), first = days_from_civil(1900, 1, 1);
	int64_t week = 5 * pm_calendar_day_seconds(cal);
	pm_time m1 = local_midnight(z + 1), m0, to;
	struct spans sp;
	int i;

	for (;;) {
		if (z < first)
			return sat_sub(pos, rem);
		m0 = local_midnight(z);
		day_spans(cal, z, m0, m1, &sp);
		for (i = sp.n - 1; i >= 0; i--) {
			if (sp.s[i] >= pos)
				continue;
			to = sp.e[i] < pos ? sp.e[i] : pos;
			if (rem <= to - sp.s[i])
				return to - rem;
			rem -= to - sp.s[i];
		}
		z--;
		pos = m1 = m0;
		while (rem > week && z - WEEK_DAYS >= first) {
			m0 = local_midnight(z - WEEK_DAYS + 1);
			if (!week_plain(cal, z - WEEK_DAYS + 1, m0, m1))
				break;
			rem -= week;
			z -= WEEK_DAYS;
			pos = m1 = m0;
		}
	}
}

/* Working seconds in [a, b), a <= b. */
static int64_t
work_between(const struct pm_calendar *cal, pm_time a, pm_time b)
{
	int64_t z = local_day(a), total = 0;
	int64_t week = 5 * pm_calendar_day_seconds(cal);
	pm_time m0 = local_midnight(z), m1, m7, lo, hi;
	struct spans sp;
	int i;

	while (m0 < b) {
		m1 = local_midnight(z + 1);
		day_spans(cal, z, m0, m1, &sp);
		for (i = 0; i < sp.n; i++) {
			lo = sp.s[i] > a ? sp.s[i] : a;
			hi = sp.e[i] < b ? sp.e[i] : b;
			if (hi > lo)
				total += hi - lo;
		}
		z++;
		m0 = m1;
		/* Less than six days left: no week fits, spare the mktime(). */
		while (b - m0 >= 6 * DAY_SECS) {
			m7 = local_midnight(z + WEEK_DAYS);
			if (m7 > b || !week_plain(cal, z, m0, m7))
				break;
			total += week;
			z += WEEK_DAYS;
			m0 = m7;
		}
	}
	return total;
}

pm_time
pm_calendar_add(const struct pm_calendar *cal, enum pm_clock_kind kind,
    pm_time start, int64_t secs)
{
	if (secs == 0)
		return start;
	if (kind != PM_CLOCK_WORKING || !cal_working(cal) || !in_window(start))
		return sat_add(start, secs);
	zone_apply();
	if (secs > 0)
		return work_forward(cal, start, secs);
	return work_backward(cal, start, secs == INT64_MIN ? INT64_MAX : -secs);
}

int64_t
pm_calendar_between(const struct pm_calendar *cal, enum pm_clock_kind kind,
    pm_time a, pm_time b)
{
	if (kind != PM_CLOCK_WORKING || !cal_working(cal) || !in_window(a) ||
	    !in_window(b))
		return sat_sub(b, a);
	zone_apply();
	if (b < a)
		return -work_between(cal, b, a);
	return work_between(cal, a, b);
}

/*
 * Local days as numbers, for plans that fall due by the day.
 */

int64_t
pm_day_of(pm_time t)
{
	zone_apply();
	return local_day(t);
}

pm_time
pm_day_at(int64_t z)
{
	zone_apply();
	return local_midnight(z);
}

char *
pm_day_fmt(int64_t z, char buf[PM_DATE_LEN])
{
	fmt_date(z, buf);
	return buf;
}

int
pm_day_weekday(int64_t z)
{
	return weekday(z);
}

void
pm_day_civil(int64_t z, int *y, int *m, int *d)
{
	int64_t yy;

	civil_from_days(z, &yy, m, d);
	*y = (int)yy;
}

int64_t
pm_day_from_civil(int y, int m, int d)
{
	return days_from_civil(y, m, d);
}

int64_t
pm_day_add_months(int64_t z, int months)
{
	int64_t y;
	int m, d, n;

	civil_from_days(z, &y, &m, &d);
	y += (m - 1 + months) / 12;
	m = (m - 1 + months) % 12;
	if (m < 0) {
		m += 12;
		y--;
	}
	m++;
	n = month_days(y, m);
	return days_from_civil(y, m, d < n ? d : n);
}

int
pm_month_length(int y, int m)
{
	return month_days(y, m);
}

int
pm_day_scan(const char *s, int64_t *z)
{
	int y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !scan_digits(&s, 4, &y) || *s++ != '-' ||
	    !scan_digits(&s, 2, &m) || *s++ != '-' ||
	    !scan_digits(&s, 2, &d))
		return -1;
	if (y < 1900 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return -1;
	*z = days_from_civil(y, m, d);
	return 0;
}
