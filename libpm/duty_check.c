/*
 * duty_check.c - the posts' rules checked over a period: how many were
 * on duty at every moment, and how long the log went without an entry
 * while someone was.
 *
 * Each post's shifts and entries of the period (and of the day and a
 * half before it, which a shift may reach back over) are read through
 * their index on (post, time) and swept in C, against each post's rule
 * as it stood at the end of what is checked (schema/0016).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duty.h"
#include "err.h"
#include "i18n.h"
#include "versions.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define CODE_MAX 64

struct post {
	char code[CODE_MAX], name[256];
	int min_staff;
	int64_t log_every;
};

/* A shift's start (+1) or end (-1). */
struct edge {
	pm_time at;
	int d;
};

static int
edge_cmp(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	/* Ends before starts: a handover at 08:00 leaves no gap. */
	return x->d - y->d;
}

struct check {
	struct pm_db *db;
	const struct post *p;
	pm_time from, end;	/* end: the period's end, or now */
	int (*fn)(const struct pm_duty_gap_row *, void *);
	void *arg;
	int found;
	struct edge *e;
	size_t ne;
	pm_time *log;		/* the entries' times, in order */
	size_t nlog;
};

static int
report(struct check *c, const char *gap, pm_time a, pm_time b, int on,
    int ongoing)
{
	struct pm_duty_gap_row r;

	r.post = c->p->code;
	r.name = c->p->name;
	r.gap = gap;
	r.from = a;
	r.to = b;
	r.on_duty = on;
	r.needed = c->p->min_staff;
	r.limit = c->p->log_every;
	r.ongoing = ongoing;
	c->found = 1;
	return c->fn(&r, c->arg);
}

/* The shifts at the post reaching into [from, end), as edges. */
static int
read_shifts(struct check *c)
{
	char a[PM_TIME_UTC_LEN], b[PM_TIME_UTC_LEN], e[PM_TIME_UTC_LEN];
	struct edge *ne;
	sqlite3_stmt *st;
	size_t cap = 0;
	pm_time s, t;
	int rc;

	st = pm_db_stmt(c->db, "SELECT s.starts, s.ends FROM duty_shifts s"
	    " WHERE s.post = ?1 AND s.starts < ?3 AND s.starts > ?4"
	    " AND s.ends > ?2 AND " PM_FACT_NOW("s", "duty_shifts"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, c->p->code);
	/* A log gap may begin before the period: read a shift back. */
	pm_bind_text(st, 2, pm_time_utc(c->from - PM_DUTY_MAX_SHIFT, a));
	pm_bind_text(st, 3, pm_time_utc(c->end, b));
	pm_bind_text(st, 4, pm_time_utc(c->from - 2 * PM_DUTY_MAX_SHIFT, e));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (pm_time_parse_utc(pm_col_text(st, 0), &s) != 0 ||
		    pm_time_parse_utc(pm_col_text(st, 1), &t) != 0)
			continue;
		if (c->ne + 2 > cap) {
			cap = cap ? cap * 2 : 64;
			if ((ne = realloc(c->e, cap * sizeof *ne)) == NULL)
				break;
			c->e = ne;
		}
		c->e[c->ne].at = s;
		c->e[c->ne++].d = 1;
		c->e[c->ne].at = t;
		c->e[c->ne++].d = -1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
		    pm_db_error(c->db, "read shifts");
	if (c->ne > 1)
		qsort(c->e, c->ne, sizeof *c->e, edge_cmp);
	return 0;
}

static int
read_log(struct check *c)
{
	char a[PM_TIME_UTC_LEN], b[PM_TIME_UTC_LEN];
	pm_time *nl;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	st = pm_db_stmt(c->db, "SELECT e.at FROM duty_entries e"
	    " WHERE e.post = ?1 AND e.at >= ?2 AND e.at < ?3"
	    " AND " PM_FACT_NOW("e", "duty_entries") " ORDER BY e.at");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, c->p->code);
	pm_bind_text(st, 2, pm_time_utc(c->from - 2 * PM_DUTY_MAX_SHIFT, a));
	pm_bind_text(st, 3, pm_time_utc(c->end, b));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nlog == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nl = realloc(c->log, cap * sizeof *nl)) == NULL)
				break;
			c->log = nl;
		}
		if (pm_time_parse_utc(pm_col_text(st, 0), &c->log[c->nlog]) == 0)
			c->nlog++;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(c->db, "read the log");
}

/*
 * Fewer than min_staff on duty: each stretch of [from, end) where the
 * count is short, merged, with the fewest on duty in it.
 */
static int
coverage(struct check *c)
{
	pm_time at = c->from, gap = 0;
	size_t i = 0;
	int count = 0, fewest = 0, in_gap = 0, rc;

	/* The count at 'from'. */
	for (; i < c->ne && c->e[i].at <= c->from; i++)
		count += c->e[i].d;
	while (at < c->end) {
		pm_time next = i < c->ne && c->e[i].at < c->end ? c->e[i].at :
		    c->end;

		if (count < c->p->min_staff && next > at) {
			if (!in_gap) {
				in_gap = 1;
				gap = at;
				fewest = count;
			} else if (count < fewest)
				fewest = count;
		} else if (count >= c->p->min_staff && in_gap) {
			in_gap = 0;
			if ((rc = report(c, "coverage", gap, at, fewest, 0)) != 0)
				return rc;
		}
		at = next;
		for (; i < c->ne && c->e[i].at == at; i++)
			count += c->e[i].d;
	}
	if (in_gap)
		return report(c, "coverage", gap, c->end, fewest,
		    c->end == pm_now());
	return 0;
}

/*
 * The log of one stretch [s, e) with someone on duty: its points are its
 * start, its entries and its end (or now); two points further apart than
 * log_every are a gap, reported when it reaches into the period.  *k
 * walks along the entries.
 */
static int
stretch_log(struct check *c, pm_time s, pm_time e, size_t *k)
{
	pm_time last = s;
	int rc;

	if (e <= c->from || s >= c->end)
		return 0;
	for (; *k < c->nlog && c->log[*k] < s; (*k)++)
		;
	for (; *k < c->nlog && c->log[*k] < e; (*k)++) {
		if (c->log[*k] - last > c->p->log_every && c->log[*k] > c->from &&
		    (rc = report(c, "log", last, c->log[*k], 0, 0)) != 0)
			return rc;
		last = c->log[*k];
	}
	if (e - last > c->p->log_every && e > c->from)
		return report(c, "log", last, e, 0, e == pm_now());
	return 0;
}

/*
 * The stretches with anyone on duty, the edges at one moment taken
 * together: a handover at 08:00 does not end a stretch.
 */
static int
log_gaps(struct check *c)
{
	pm_time s = 0, t;
	size_t i = 0, k = 0;
	int count = 0, before, rc;

	while (i < c->ne) {
		t = c->e[i].at;
		before = count;
		for (; i < c->ne && c->e[i].at == t; i++)
			count += c->e[i].d;
		if (before == 0 && count > 0)
			s = t;
		else if (before > 0 && count == 0 && (rc = stretch_log(c, s,
		    t < c->end ? t : c->end, &k)) != 0)
			return rc;
	}
	return count > 0 ? stretch_log(c, s, c->end, &k) : 0;
}

static int
check_post(struct check *c)
{
	int rc;

	c->ne = c->nlog = 0;
	if ((rc = read_shifts(c)) != 0)
		return rc;
	if (c->p->min_staff > 0 && (rc = coverage(c)) != 0)
		return rc;
	if (c->p->log_every > 0 && ((rc = read_log(c)) != 0 ||
	    (rc = log_gaps(c)) != 0))
		return rc;
	return 0;
}

int
pm_duty_check(struct pm_db *db, const char *post, pm_time from, pm_time to,
    int (*fn)(const struct pm_duty_gap_row *, void *), void *arg, int *found)
{
	char asof[PM_TIME_UTC_LEN];
	struct check c;
	struct post p;
	sqlite3_stmt *st;
	pm_time now = pm_now();
	int rc, src;

	*found = 0;
	memset(&c, 0, sizeof c);
	c.db = db;
	c.p = &p;
	c.from = from;
	c.end = to < now ? to : now;
	c.fn = fn;
	c.arg = arg;
	/* The rules in force at the end of what is checked. */
	st = pm_db_stmt(db, "SELECT v.code, v.name, v.min_staff, v.log_every"
	    " FROM duty_post_versions v WHERE "
	    PM_VERSION_ASOF("v", "duty_post_versions", "code", "?2")
	    " AND v.retired = 0 AND (v.min_staff > 0 OR v.log_every > 0)"
	    " AND (?1 IS NULL OR v.code = ?1) ORDER BY v.code");
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, post);
	pm_bind_text(st, 2, pm_time_utc(c.end - 1, asof));
	rc = 0;
	/* Each post in turn; its own statements do not disturb this one. */
	while (rc == 0 && c.end > c.from &&
	    (src = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(p.code, sizeof p.code, "%s", pm_col_text(st, 0));
		snprintf(p.name, sizeof p.name, "%s", pm_col_text(st, 1));
		p.min_staff = sqlite3_column_int(st, 2);
		p.log_every = sqlite3_column_int64(st, 3);
		rc = check_post(&c);
	}
	if (rc == 0 && c.end > c.from && src != SQLITE_DONE)
		rc = pm_db_error(db, "read posts");
	sqlite3_reset(st);
	free(c.e);
	free(c.log);
	*found = c.found;
	return rc;
}

const struct pm_col pm_duty_gap_cols[] = {
	{ N_("post"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("gap"), PM_COL_TEXT, &pm_v_duty_gap },
	{ N_("from"), PM_COL_TEXT, NULL },
	{ N_("to"), PM_COL_TEXT, NULL },
	{ N_("length"), PM_COL_INT, NULL },
	{ N_("on_duty"), PM_COL_INT, NULL },
	{ N_("needed"), PM_COL_INT, NULL },
	{ N_("ongoing"), PM_COL_INT, NULL },
};
const int pm_duty_gap_ncols = NCOLS(pm_duty_gap_cols);

void
pm_duty_gap_put(struct pm_out *o, const struct pm_duty_gap_row *r)
{
	int cov = strcmp(r->gap, "coverage") == 0;

	pm_out_text(o, r->post);
	pm_out_text(o, r->name);
	pm_out_text(o, r->gap);
	pm_rec_out_time(o, r->from, PM_F_TIME);
	pm_rec_out_time(o, r->to, PM_F_TIME);
	pm_out_duration(o, r->to - r->from);
	if (cov) {
		pm_out_int(o, r->on_duty);
		pm_out_int(o, r->needed);
	} else {
		pm_out_text(o, NULL);
		pm_out_text(o, NULL);
	}
	pm_out_int(o, r->ongoing);
	pm_out_row(o);
}
