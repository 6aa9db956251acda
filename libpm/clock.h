/*
 * clock.h - now, the estate's time zone, dates in and out, working time.
 *
 * A time is an int64_t count of seconds since 1970-01-01T00:00:00Z.  The
 * database stores UTC ISO 8601 text ("2026-11-23T01:30:00Z"); people see
 * the estate's local time ("2026-11-23T09:30").  Local time is computed
 * in the estate's zone (default Asia/Shanghai) whatever $TZ says, because
 * pm_clock_set_zone() makes that zone the process's own.
 *
 * Every part of pm asks pm_now() for the time, so tests and replays can
 * fix it with $PM_NOW (ISO 8601; without a zone suffix it is local time).
 */
#ifndef PM_CLOCK_H
#define PM_CLOCK_H

#include <stdint.h>

typedef int64_t pm_time;

#define PM_TIME_UTC_LEN 21	/* "2026-11-23T01:30:00Z" + NUL */
#define PM_TIME_LOCAL_LEN 17	/* "2026-11-23T09:30" + NUL */
#define PM_DATE_LEN 11		/* "2026-11-23" + NUL */

/*
 * Make 'zone' (an IANA name such as "Asia/Shanghai") the zone for all
 * local-time conversions.  The zone's file is looked for in $TZDIR,
 * then in /usr/share/zoneinfo, so a $TZDIR without it costs nothing;
 * without any file, Asia/Shanghai (and its aliases PRC, Asia/Chongqing,
 * Asia/Harbin) and UTC still work from pm's own rules.  Returns
 * PM_EX_CONFIG with a message when the zone exists nowhere.  Until
 * called, the zone is Asia/Shanghai.
 */
int pm_clock_set_zone(const char *zone);
const char *pm_clock_zone(void);

/*
 * The current time: $PM_NOW if set, else the system clock.  A $PM_NOW
 * that does not parse makes pm_now() record an error, and
 * pm_clock_check_env() reports it as PM_EX_USAGE; commands call that at
 * start so a typo is not silently ignored.
 */
pm_time pm_now(void);
int pm_clock_check_env(void);

/* Write 't' as UTC "2026-11-23T01:30:00Z" (for the database). */
char *pm_time_utc(pm_time t, char buf[PM_TIME_UTC_LEN]);

/* Write 't' as local "2026-11-23T09:30" (for people and output). */
char *pm_time_local(pm_time t, char buf[PM_TIME_LOCAL_LEN]);

/* Write the local date of 't' as "2026-11-23". */
char *pm_date_local(pm_time t, char buf[PM_DATE_LEN]);

/*
 * Parse a UTC database time ("...Z"); returns 0, or PM_EX_DATAERR.
 */
int pm_time_parse_utc(const char *s, pm_time *t);

/*
 * Parse a time given by a person, relative to pm_now() and in local time:
 *   "2026-11-23"            the start of that local day
 *   "2026-11-23T09:30"      (also "2026-11-23 09:30", ":SS" optional;
 *                            "2026-11-23T24:00" is the end of that day,
 *                            as pm prints end-of-day deadlines)
 *   "2026-11-23T01:30:00Z"  or with an offset "+08:00": that instant
 *   "now", "today", "yesterday", "tomorrow" (days: their start)
 *   "-3d", "+2d", "-1w", "-4h", "-30m", "+90s"  relative to now ("-3d"
 *                            is the start of the local day three days
 *                            ago, "-1w" of the day seven days ago)
 * Years run from 1970 to 9999; seconds from 0 to 59.  Returns 0, or
 * PM_EX_USAGE with "date 'X': ..." recorded ("date '2026-02-30': no
 * such day").
 */
int pm_time_parse(const char *s, pm_time *t);

/*
 * Parse a period as a half-open interval [*from, *to) of local time:
 * "2026-11" a month, "2026" a year, "2026-W48" an ISO week, a day in any
 * form pm_time_parse() takes for days ("2026-11-23", "today", "-1d"),
 * "this-month", "last-month", "this-week", "last-week" (weeks start on
 * Monday), "this-year", "last-year".  Returns 0 or PM_EX_USAGE
 * ("period 'X': ...").
 */
int pm_period_parse(const char *s, pm_time *from, pm_time *to);

/*
 * The lengths of period a report covers, and the one of 'kind' holding
 * 't': a local day, an ISO week (Monday to Sunday), a month, a quarter
 * (January, April, July or October and the two months after) or a
 * year, as a half-open interval [*from, *to) of local time.
 */
enum pm_period_kind {
	PM_PERIOD_DAY,
	PM_PERIOD_WEEK,
	PM_PERIOD_MONTH,
	PM_PERIOD_QUARTER,
	PM_PERIOD_YEAR
};

#define PM_PERIOD_NAME_LEN 11	/* "2026-11-23" + NUL, the longest */

void pm_period_of(enum pm_period_kind kind, pm_time t, pm_time *from,
    pm_time *to);

/*
 * The name of the period of 'kind' that starts at 'from': "2026-11-23",
 * "2026-W48" (the ISO week-numbering year), "2026-11", "2026-Q4",
 * "2026".  pm_period_parse() reads each back but the quarter.  Returns
 * 'buf'.
 */
char *pm_period_name(enum pm_period_kind kind, pm_time from,
    char buf[PM_PERIOD_NAME_LEN]);

/*
 * A quarter "2026-Q4" (also "2026-q4") as [*from, *to).  Returns 0, or
 * PM_EX_USAGE ("period 'X': ...") for another form or quarter.
 */
int pm_quarter_parse(const char *s, pm_time *from, pm_time *to);

/* The start of the local day holding 't', and of the next local day. */
pm_time pm_day_start(pm_time t);
pm_time pm_day_end(pm_time t);

/*
 * Write 't' as a mail's Date (RFC 5322 section 3.3) in the estate's
 * zone: "Tue, 01 Dec 2026 07:00:00 +0800", with English day and month
 * names whatever the language.  Returns 'buf'.
 */
#define PM_TIME_RFC5322_LEN 32
char *pm_time_rfc5322(pm_time t, char buf[PM_TIME_RFC5322_LEN]);

/*
 * Parse a duration: "30m", "5min", "2h", "2d", "1d12h", "90s", "1w";
 * units largest first, each at most once, optionally one space between
 * them ("1d 12h", so pm_duration_fmt() output reads back); at most
 * 36500 days.  Returns 0 and seconds in *secs, or PM_EX_USAGE
 * ("duration 'X': ...").  A day is 86400 seconds here; for a working-time
 * clock use pm_calendar_duration_parse().
 */
int pm_duration_parse(const char *s, int64_t *secs);

/*
 * Write a duration for people: "2d 3h", "45m", "1h 5m", "0m"; negative
 * with "-" ("-1h 30m").  Seconds are dropped, rounding toward zero.
 * Returns 'buf', which is always NUL-terminated when len > 0.
 */
char *pm_duration_fmt(int64_t secs, char *buf, int len);

/*
 * The working-time calendar: working hours on working days, where a
 * working day is Monday to Friday unless the year's calendar says it is
 * a holiday, and Saturday or Sunday when it says it is a make-up working
 * day (调休).  Times of day are seconds after local midnight.
 */
#define PM_CAL_MAX_SPANS 4

struct pm_cal_day {
	char date[PM_DATE_LEN];	/* "2026-10-01" */
	int working;		/* 1 a make-up working day, 0 a holiday */
};

struct pm_calendar {
	int nspans;
	int span_start[PM_CAL_MAX_SPANS];	/* e.g. 8*3600+30*60 */
	int span_end[PM_CAL_MAX_SPANS];		/* e.g. 12*3600 */
	struct pm_cal_day *days;		/* sorted by date, owned */
	int ndays;
};

enum pm_clock_kind {
	PM_CLOCK_CALENDAR,	/* every second counts */
	PM_CLOCK_WORKING	/* only seconds in working hours count */
};

/*
 * Fill 'cal' with the default: 09:00-12:00 and 13:30-18:00, Monday to
 * Friday, no special days.  _release frees the days.
 */
void pm_calendar_init(struct pm_calendar *cal);
void pm_calendar_release(struct pm_calendar *cal);

/*
 * Set the working hours from text such as "08:30-12:00,13:30-17:30"
 * (ascending, not overlapping, at most PM_CAL_MAX_SPANS spans).
 * Returns 0 or PM_EX_CONFIG ("working hours 'X': ...").
 */
int pm_calendar_set_hours(struct pm_calendar *cal, const char *spec);

/*
 * Add one special day ("2026-10-01", working 0 = holiday, 1 = make-up
 * working day).  Days may come in any order.  Returns 0, or PM_EX_CONFIG
 * on a bad date, or a date given twice with different kinds.
 */
int pm_calendar_add_day(struct pm_calendar *cal, const char *date, int working);

/*
 * Read a calendar file: lines "DATE<TAB>holiday|workday[<TAB>name...]",
 * '#' comments and blank lines skipped (the format of
 * shared/data/cn-holidays-2026.tsv).  Errors are recorded as
 * "FILE:LINE:COLUMN: ..." with PM_EX_CONFIG, or PM_EX_NOINPUT when the
 * file cannot be opened.
 */
int pm_calendar_load(struct pm_calendar *cal, const char *path);

/* Whether the local day holding 't' is a working day. */
int pm_calendar_is_workday(const struct pm_calendar *cal, pm_time t);

/*
 * The length of a working day in seconds (the sum of the spans); it is
 * what "1d" means on a working-time clock.  A calendar with no spans
 * (nspans 0) has a working clock that runs as the calendar clock, so
 * its working day is 86400 seconds.
 */
int64_t pm_calendar_day_seconds(const struct pm_calendar *cal);

/*
 * Parse a duration as pm_duration_parse() does, for clock 'kind': on a
 * working-time clock "d" is pm_calendar_day_seconds() of working time
 * and "w" five such days, while "h", "m" and "s" keep their length, so
 * "5d" is five working days but "120h" is 120 working hours.
 */
int pm_calendar_duration_parse(const struct pm_calendar *cal,
    enum pm_clock_kind kind, const char *s, int64_t *secs);

/*
 * The moment 'secs' seconds of clock 'kind' after 'start'.  For working
 * time, a deadline that falls at the very end of a span stays there (it
 * is not carried to the next working morning); a start outside working
 * hours begins counting at the next span.  secs 0 returns 'start' as it
 * is; negative 'secs' counts back.  A calendar with no spans, and times
 * outside the years 1900 to 9999, count on the calendar clock.
 */
pm_time pm_calendar_add(const struct pm_calendar *cal, enum pm_clock_kind kind,
    pm_time start, int64_t secs);

/*
 * Seconds of clock 'kind' from 'a' to 'b' (negative when b < a).
 */
int64_t pm_calendar_between(const struct pm_calendar *cal,
    enum pm_clock_kind kind, pm_time a, pm_time b);

/*
 * Local days as numbers: day 0 is 1970-01-01, and day z + 1 the local
 * day after z, whatever the clocks do in between.  For plans that fall
 * due by the day, counted in days and calendar months.
 *
 * pm_day_of      the local day holding 't'
 * pm_day_at      the moment local day 'z' starts
 * pm_day_fmt     day 'z' as "2026-11-23"; returns buf
 * pm_day_weekday Monday 0 to Sunday 6
 * pm_day_civil   year, month (1-12) and day of the month of 'z'
 * pm_day_from_civil  the day number of a date (month and day in range)
 * pm_day_add_months  'months' calendar months after day 'z' (before,
 *                when negative), on the same day of the month or, when
 *                that month is shorter, on its last day: 2026-01-31
 *                plus one month is 2026-02-28
 */
int64_t pm_day_of(pm_time t);
pm_time pm_day_at(int64_t z);
char *pm_day_fmt(int64_t z, char buf[PM_DATE_LEN]);
int pm_day_weekday(int64_t z);
void pm_day_civil(int64_t z, int *y, int *m, int *d);
int64_t pm_day_from_civil(int y, int m, int d);
int64_t pm_day_add_months(int64_t z, int months);

/*
 * Civil days, for what is counted in whole days (bills, due dates, late
 * fees), in the same day numbers:
 *
 * pm_month_length  the days of month 'm' (1 to 12) of year 'y'
 * pm_day_scan      read exactly "YYYY-MM-DD", a real day from 1900 to
 *                  9999, into *z: 0, or -1 (nothing recorded: the caller
 *                  names the field)
 */
int pm_month_length(int y, int m);
int pm_day_scan(const char *s, int64_t *z);

#endif
