/*
 * fuzz_date.c - libFuzzer target for the date, period, duration, working
 * hours and calendar-file parsers of libpm/clock.c.
 *
 *	clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
 *	    -Ilibpm tests/fuzz/fuzz_date.c libpm/clock.c libpm/err.c \
 *	    -o build/fuzz_date && build/fuzz_date -max_total_time=60
 *
 * Besides not crashing, it checks what must hold for any input that is
 * accepted: a period is not empty, a parsed time prints, a duration reads
 * back from its printed form, and a loaded calendar is sorted.  The
 * calendar file is given through a memfd, so no disk is touched.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "clock.h"
#include "err.h"

static int calfd = -1;
static char calpath[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* Relative forms need a fixed now, or runs would not repeat. */
	setenv("PM_NOW", "2026-11-23T09:30", 1);
	if ((calfd = memfd_create("fuzz_date_cal", 0)) == -1) {
		perror("memfd_create");
		exit(1);
	}
	snprintf(calpath, sizeof calpath, "/proc/self/fd/%d", calfd);
	return 0;
}

static void
fuzz_time(const char *s)
{
	char buf[PM_TIME_LOCAL_LEN], ubuf[PM_TIME_UTC_LEN];
	pm_time t, back;

	if (pm_time_parse(s, &t) == 0) {
		if (strlen(pm_time_local(t, buf)) != PM_TIME_LOCAL_LEN - 1)
			abort();
		pm_time_utc(t, ubuf);
	}
	if (pm_time_parse_utc(s, &t) == 0) {
		/* The database form is canonical: it prints back the same. */
		if (strcmp(pm_time_utc(t, ubuf), s) != 0)
			abort();
		if (pm_time_parse_utc(ubuf, &back) != 0 || back != t)
			abort();
	}
}

static void
fuzz_period(const char *s)
{
	pm_time from, to;

	if (pm_period_parse(s, &from, &to) == 0 && !(from < to))
		abort();
}

static void
fuzz_duration(const char *s, const struct pm_calendar *cal)
{
	char buf[64];
	int64_t secs, back;

	if (pm_duration_parse(s, &secs) == 0) {
		if (secs < 0)
			abort();
		pm_duration_fmt(secs, buf, sizeof buf);
		if (pm_duration_parse(buf, &back) != 0 ||
		    back != secs - secs % 60)
			abort();
	}
	(void)pm_calendar_duration_parse(cal, PM_CLOCK_WORKING, s, &secs);
}

static void
fuzz_calendar(const uint8_t *data, size_t size)
{
	struct pm_calendar cal;
	pm_time t = 1795397400;	/* 2026-11-23T09:30 in Shanghai */
	int i;

	if (ftruncate(calfd, 0) != 0 || pwrite(calfd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	pm_calendar_init(&cal);
	if (pm_calendar_load(&cal, calpath) == 0) {
		for (i = 1; i < cal.ndays; i++)
			if (strcmp(cal.days[i - 1].date, cal.days[i].date) >= 0)
				abort();
		/* Working time over the loaded days stays consistent. */
		if (pm_calendar_between(&cal, PM_CLOCK_WORKING, t,
		    pm_calendar_add(&cal, PM_CLOCK_WORKING, t, 100000)) !=
		    100000)
			abort();
	}
	pm_calendar_release(&cal);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pm_calendar cal;
	char *s;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	pm_calendar_init(&cal);
	fuzz_time(s);
	fuzz_period(s);
	fuzz_duration(s, &cal);
	if (pm_calendar_set_hours(&cal, s) == 0 &&
	    pm_calendar_day_seconds(&cal) <= 0)
		abort();
	(void)pm_calendar_add_day(&cal, s, 1);
	pm_calendar_release(&cal);
	fuzz_calendar(data, size);
	free(s);
	return 0;
}
