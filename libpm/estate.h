/*
 * estate.h - the estate file: read it, check it, load it into the database.
 *
 * One YAML file (see pm-estate(5)) describes an estate: its name, time
 * zone, working hours and holiday calendar, departments, staff,
 * buildings and units, public areas, ticket categories, service levels
 * and KPI targets.  "pm-db apply FILE" reads it with pm_estate_load(),
 * which checks everything before the database is touched, then
 * pm_estate_apply() makes the database say what the file says.  No other
 * tool reads YAML: they read what apply stored.
 *
 * Applying is idempotent.  Records that are new are added, records that
 * differ are changed, and records that left the file are retired
 * (retired = 1), never deleted, because tickets, bills and the audit
 * trail still name them.  Calendar days, service levels, KPI targets and
 * settings have no retired flag; those that left the file are deleted
 * (and counted as retired).
 */
#ifndef PM_ESTATE_H
#define PM_ESTATE_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "db.h"

/*
 * Limits that keep a typing slip ("floors: 1-1800") from turning into a
 * million units.  Unit room numbers are floor * 100 + position.
 */
#define PM_ESTATE_MAX_UNITS 200000
#define PM_ESTATE_MAX_ENTRANCE 99
#define PM_ESTATE_MAX_FLOOR 199
#define PM_ESTATE_MAX_POSITION 99

struct pm_estate_department {
	const char *code;	/* "service" */
	const char *name;	/* 客服部 */
};

struct pm_estate_staff {
	const char *login;	/* "wang.fang" */
	const char *name;	/* 王芳 */
	const char *department;	/* a department code from the same file */
	const char *role;	/* "staff", "lead", "supervisor" or "manager" */
	const char *phone;	/* NULL when not given */
	const char *unix_user;	/* the Unix account bound to it, or NULL */
};

struct pm_estate_building {
	const char *code;	/* "3" */
	const char *name;	/* 3号楼 */
};

/*
 * A unit, a public area (building NULL, name set) or a common part of a
 * building (building and name set, entrance 0 for a part of the whole
 * building); the last two are stored as kind 'public'.
 */
struct pm_estate_unit {
	const char *code;	/* "3-1-502", "P-GATE-N", "3-1-LIFT", "3-ROOF" */
	const char *building;	/* "3"; NULL for a public area */
	int entrance;		/* 1; 0 when not known */
	int floor;		/* 5; 0 when not known */
	const char *name;	/* 北门岗亭, 3号楼1单元电梯; units: NULL */
	int64_t area;		/* hundredths of a m² */
	const char *condition;	/* "good", "basic", "poor"; NULL: not stated */
};

struct pm_estate_category {
	const char *code;	/* "water-outage" */
	const char *name;	/* 停水 */
	const char *kind;	/* repair, complaint, inquiry, suggestion; or NULL */
	int urgent;		/* information level 1 */
	int emergency;		/* 急修: someone on site within the onsite SLA */
	const char *department;	/* a department code from the same file */
};

/* The service levels, always all of them (defaults fill the gaps). */
enum {
	PM_SLA_NOTICE_LEVEL1,	/* 5m calendar */
	PM_SLA_NOTICE_LEVEL2,	/* 10m calendar */
	PM_SLA_ONSITE,		/* 30m calendar */
	PM_SLA_SAME_DAY,	/* end of the local day (seconds 0) */
	PM_SLA_FEEDBACK,	/* 2d working */
	PM_SLA_COMPLETION,	/* 5d working */
	PM_SLA_REPEAT_WINDOW,	/* 30d calendar */
	PM_ESTATE_NSLA
};

/*
 * A service level.  'seconds' counts on its own clock, as
 * pm_calendar_add() takes it: on the working clock "2d" is two working
 * days of this estate's working hours (pm_calendar_duration_parse()).
 */
struct pm_estate_sla {
	const char *name;	/* "notice_level1" */
	int64_t seconds;	/* > 0; 0 only for same_day: end of the day */
	const char *clock;	/* "calendar" or "working" */
};

/*
 * The KPIs of DESIGN.md section 6 that have one target each, always all
 * of them (the per-line owner satisfaction targets belong to the survey
 * lines).
 */
#define PM_ESTATE_NKPI 13

struct pm_estate_kpi {
	const char *kpi;	/* "repair_timeliness" */
	int target;		/* basis points (95% = 9500); -1: no target */
};

/* A public holiday or make-up working day from the calendar file. */
struct pm_estate_day {
	char date[PM_DATE_LEN];	/* "2026-10-01" */
	int working;		/* 1 a make-up working day, 0 a holiday */
	const char *name;	/* 国庆节, or NULL */
};

/*
 * A loaded estate.  Everything in it is owned by it and read-only for
 * the caller; pm_estate_free() frees it all.
 */
struct pm_estate {
	const char *file;	/* the name given to the loader */
	const char *name;	/* 爱家名邸 */
	const char *timezone;	/* "Asia/Shanghai" */
	const char *working_hours; /* normalized: "08:30-12:00,13:30-17:30" */
	const char *calendar;	/* as written in the file, or NULL */
	int calendar_read;	/* days holds the calendar file's days */
	const char *group;	/* Unix group sharing the database, or NULL */
	const char *language;	/* "zh_CN", "en", or NULL: not stated */

	struct pm_estate_department *departments;
	int ndepartments;
	struct pm_estate_staff *staff;
	int nstaff;
	struct pm_estate_building *buildings;
	int nbuildings;
	struct pm_estate_unit *units;	/* in file order, ranges expanded */
	int nunits;
	struct pm_estate_unit *public_areas;
	int npublic_areas;
	struct pm_estate_unit *common_parts;	/* by building, in file order */
	int ncommon_parts;
	struct pm_estate_category *categories;
	int ncategories;
	struct pm_estate_sla sla[PM_ESTATE_NSLA];
	struct pm_estate_kpi kpi[PM_ESTATE_NKPI];
	struct pm_estate_day *days;	/* sorted by date */
	int ndays;

	/* What the tools' own sections read (estate_priv.h), one each. */
	struct pm_estate_inspect *inspect;	/* estate_inspect.c */
	struct pm_estate_people *people;	/* estate_people.c */
	struct pm_estate_fees *fees;	/* estate_fee.c */

	struct pm_estate_mem *mem;	/* private: the strings */
};

/*
 * Read and check the estate file at 'path', without touching any
 * database.  The calendar file it names is read too, relative to the
 * directory of 'path'.  On success *out is a new estate for
 * pm_estate_free().  On failure *out is NULL, nothing is left allocated,
 * and the status is recorded with a message:
 *
 *   PM_EX_NOINPUT  "estate file 'X': No such file or directory" (or the
 *                  calendar file it names cannot be opened: then the
 *                  message starts with the estate's FILE:LINE:COLUMN)
 *   PM_EX_CONFIG   "FILE:LINE:COLUMN: what is wrong", for YAML syntax,
 *                  unknown keys, wrong types, duplicates, unknown
 *                  departments, bad roles, ranges, areas, durations,
 *                  percentages, time zones or working hours, a group
 *                  that does not exist on this system ("group 'X': no
 *                  such group"), a staff member's Unix account that
 *                  does not ("unix account 'X': no such user") or is
 *                  another's, codes that differ only in case, and
 *                  errors inside the calendar file (with that file's
 *                  own FILE:LINE:COLUMN)
 *   PM_EX_IOERR    the file could not be read
 *   PM_EX_SOFTWARE out of memory
 *
 * Lines and columns are 1-based; columns count characters.  The time
 * zone is checked with pm_clock_set_zone() and the clock's zone is put
 * back as it was.
 */
int pm_estate_load(const char *path, struct pm_estate **out);

enum {
	PM_ESTATE_NO_CALENDAR = 1	/* do not open the calendar file */
};

/*
 * As pm_estate_load(), from the 'len' bytes at 'buf' (need not be NUL
 * terminated), with 'name' standing for the file name in messages and as
 * the base of the calendar's relative path.  With PM_ESTATE_NO_CALENDAR
 * the calendar file is not read (calendar_read stays 0), for fuzzing and
 * for checks of the YAML alone; such an estate cannot be applied.
 */
int pm_estate_load_mem(const char *name, const char *buf, size_t len,
    int flags, struct pm_estate **out);

/*
 * What pm_estate_apply() tells its caller; any member may be NULL.
 *
 * 'count' is called once per kind, in this order, with the counts:
 * "departments", "staff", "buildings", "units", "public areas", "common
 * parts", "categories", "sla", "kpi targets", "calendar days",
 * "settings" (the meta keys estate_name, timezone, working_hours,
 * calendar_file and language), once all is written.  Applying the same
 * file again reports all zeros.
 *
 * 'row' is called for each record as it is written, in the order of the
 * kinds and, within a kind, of the keys: 'what' one of the kinds above,
 * 'action' "add", "change" or "retire", 'key' the record's key (a login,
 * a code, a date, a setting's name), and 'change' what its audit row
 * says after "added: " or "changed: " ("role 'lead' -> 'supervisor'",
 * "restored, area 100.00 -> 100.50"), or NULL for a retirement.  The
 * strings live only for the call.
 *
 * Both are told what was written inside the caller's transaction: a
 * caller that may still roll back keeps them until it has committed.
 */
struct pm_estate_report {
	void (*count)(const char *what, int added, int changed, int retired,
	    void *arg);
	void (*row)(const char *what, const char *action, const char *key,
	    const char *change, void *arg);
	void *arg;
};

/*
 * Make the database say what 'e' says.  Runs inside the transaction the
 * caller began, and neither begins nor commits: on failure the caller
 * rolls back and nothing is kept.  Each record added, changed or retired
 * gets one audit row (table, key, and what changed), and is told to
 * 'report' (may be NULL).  Unit columns the file does not own (occupancy
 * and owners, which pm-unit import keeps) are never touched, nor is a
 * unit's condition when the file does not state it.  A KPI whose target
 * is "none" has no row in kpi_targets (its target column cannot be
 * NULL), so it is neither stored nor counted.
 *
 * The db's cached calendar (pm_db_calendar()) is dropped so the next use
 * sees the new days and hours.  The estate's group is not applied here:
 * it is not stored in the database nor counted, because it belongs to
 * the files, not to the data; the caller gives the files to it with
 * pm_db_set_group().  Returns 0, or a status from pm_db_error(),
 * PM_EX_CONFIG when a unit code differs only in case from one the
 * database has ("FILE: code 'X': the database already has 'x', ..."), or
 * PM_EX_SOFTWARE for an estate loaded with PM_ESTATE_NO_CALENDAR.
 */
int pm_estate_apply(struct pm_db *db, const struct pm_estate *e,
    const struct pm_estate_report *report);

/* Free an estate and everything in it; NULL is fine. */
void pm_estate_free(struct pm_estate *e);

#endif
