/*
 * visit_quota.c - what the walk visits add up to: the quota each staff
 * member owed and made in a period, and the households to visit next.
 *
 * Both read a bounded stretch of the visits (the period's, the
 * window's) through the index on their time, and do the counting in C:
 * a period's visits are thousands at most, and the rules (which days
 * are owed, by whom, under which quota) are C's anyway.  Neither reads
 * the history before its stretch, so neither grows slower with years of
 * it, except for one look at each household's last visit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "err.h"
#include "i18n.h"
#include "versions.h"
#include "visit.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))
#define MAX_DAYS 3700		/* ten years of days in one period */

/*
 * The quota rules.
 */

struct rule {
	char *department, *role, *per, *days, *from;
	int households;
};

struct rules {
	struct rule *r;
	int n;
};

static void
rules_free(struct rules *rs)
{
	int i;

	for (i = 0; i < rs->n; i++) {
		free(rs->r[i].department);
		free(rs->r[i].role);
		free(rs->r[i].per);
		free(rs->r[i].days);
		free(rs->r[i].from);
	}
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

/* The rules in force as 'as_of' saw them (versions.h). */
static int
rules_load(struct pm_db *db, pm_time as_of, struct rules *rs)
{
	char a[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	struct rule *r, *nr;
	int rc, cap = 0;

	memset(rs, 0, sizeof *rs);
	st = pm_db_stmt(db, "SELECT v.department, v.role, v.per, v.days,"
	    " v.from_day, v.households FROM visit_quota_versions v WHERE "
	    PM_VERSION_ASOF("v", "visit_quota_versions", "key", "?1"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(as_of, a));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (rs->n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((nr = realloc(rs->r, cap * sizeof *nr)) == NULL)
				break;
			rs->r = nr;
		}
		r = &rs->r[rs->n++];
		r->department = strdup(pm_col_text(st, 0));
		r->role = strdup(pm_col_text(st, 1));
		r->per = strdup(pm_col_text(st, 2));
		r->days = strdup(pm_col_text(st, 3));
		r->from = strdup(pm_col_text(st, 4));
		r->households = sqlite3_column_int(st, 5);
		if (r->department == NULL || r->role == NULL || r->per == NULL ||
		    r->days == NULL || r->from == NULL)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	rules_free(rs);
	return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE, "out of memory") :
	    pm_db_error(db, "read visit quotas");
}

/*
 * The rule in force on 'day' ("2026-11-23") for a staff member of
 * 'department' and 'role', for 'per': the department's own when it has
 * one in force, else the one of any department; the latest that has
 * begun.  NULL when none.
 */
static const struct rule *
rule_for(const struct rules *rs, const char *department, const char *role,
    const char *per, const char *day)
{
	const struct rule *best = NULL, *r;
	int i, own, best_own = 0;

	for (i = 0; i < rs->n; i++) {
		r = &rs->r[i];
		if (strcmp(r->role, role) != 0 || strcmp(r->per, per) != 0 ||
		    strcmp(r->from, day) > 0)
			continue;
		own = strcmp(r->department, department) == 0;
		if (!own && r->department[0] != '\0')
			continue;
		if (best == NULL || own > best_own || (own == best_own &&
		    strcmp(r->from, best->from) > 0)) {
			best = r;
			best_own = own;
		}
	}
	return best;
}

/*
 * The period's visits: who, which day (and whole month) of the period,
 * which household.
 */

struct seen {
	int staff, day, month;
	char *unit;
};

/* Households per (staff, day) or (staff, month): sorted triples. */
struct tally {
	int staff, slot;
	int64_t n;
};

static int
by_day(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->staff != y->staff)
		return x->staff < y->staff ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return strcmp(x->unit, y->unit);
}

static int
by_month(const void *a, const void *b)
{
	const struct seen *x = a, *y = b;

	if (x->staff != y->staff)
		return x->staff < y->staff ? -1 : 1;
	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	return strcmp(x->unit, y->unit);
}

/*
 * Count the different households of each (staff, slot), where the slot
 * is the day (month 0) or the month (month 1); visits outside a slot
 * (slot -1) are left out.  'v' is sorted here.
 */
static int
tally(struct seen *v, size_t n, int month, struct tally **out, size_t *nout)
{
	struct tally *t;
	size_t i, k = 0;
	int slot;

	*out = NULL;
	*nout = 0;
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, month ? by_month : by_day);
	if ((t = calloc(n, sizeof *t)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	for (i = 0; i < n; i++) {
		slot = month ? v[i].month : v[i].day;
		if (slot < 0)
			continue;
		if (k > 0 && t[k - 1].staff == v[i].staff &&
		    t[k - 1].slot == slot) {
			if (strcmp(v[i - 1].unit, v[i].unit) != 0)
				t[k - 1].n++;
			continue;
		}
		t[k].staff = v[i].staff;
		t[k].slot = slot;
		t[k].n = 1;
		k++;
	}
	*out = t;
	*nout = k;
	return 0;
}

static int64_t
tally_get(const struct tally *t, size_t n, int staff, int slot)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (t[mid].staff < staff || (t[mid].staff == staff &&
		    t[mid].slot < slot))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && t[lo].staff == staff && t[lo].slot == slot ?
	    t[lo].n : 0;
}

/* The days of the period, and its whole months. */
struct span {
	pm_time *day;		/* day starts, then the period's end */
	int ndays;
	pm_time *mfrom, *mto;	/* the whole months */
	int nmonths;
};

static void
span_free(struct span *s)
{
	free(s->day);
	free(s->mfrom);
	free(s->mto);
}

static int
span_make(pm_time from, pm_time to, struct span *s)
{
	char d[PM_DATE_LEN];
	pm_time t, mf, mt;
	int cap = 0;

	memset(s, 0, sizeof *s);
	for (t = from; t < to; t = pm_day_end(t))
		s->ndays++;
	if (s->ndays > MAX_DAYS)
		return pm_err(PM_EX_USAGE, "period: longer than ten years");
	if ((s->day = calloc((size_t)s->ndays + 1, sizeof *s->day)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	s->ndays = 0;
	for (t = from; t < to; t = pm_day_end(t)) {
		s->day[s->ndays++] = t;
		pm_date_local(t, d);
		if (strcmp(d + 8, "01") != 0)
			continue;
		d[7] = '\0';
		if (pm_period_parse(d, &mf, &mt) != 0 || mt > to)
			continue;
		if (s->nmonths == cap) {
			cap = cap ? cap * 2 : 12;
			if ((s->mfrom = realloc(s->mfrom, cap *
			    sizeof *s->mfrom)) == NULL ||
			    (s->mto = realloc(s->mto, cap *
			    sizeof *s->mto)) == NULL)
				return pm_err(PM_EX_SOFTWARE, "out of memory");
		}
		s->mfrom[s->nmonths] = mf;
		s->mto[s->nmonths++] = mt;
	}
	s->day[s->ndays] = to;
	return 0;
}

/* The slot of time 't': its day, and its whole month or -1. */
static void
slot_of(const struct span *s, pm_time t, int *day, int *month)
{
	int lo = 0, hi = s->ndays, mid, i;

	while (hi - lo > 1) {
		mid = (lo + hi) / 2;
		if (s->day[mid] <= t)
			lo = mid;
		else
			hi = mid;
	}
	*day = lo;
	*month = -1;
	for (i = 0; i < s->nmonths; i++)
		if (t >= s->mfrom[i] && t < s->mto[i])
			*month = i;
}

static void
seen_free(struct seen *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].unit);
	free(v);
}

/* The visits of [from, to) as recorded by 'as_of'. */
static int
read_visits(struct pm_db *db, const struct pm_roster *ros,
    const struct span *sp, pm_time from, pm_time to, pm_time as_of,
    struct seen **out, size_t *nout)
{
	char f[PM_TIME_UTC_LEN], u[PM_TIME_UTC_LEN], a[PM_TIME_UTC_LEN];
	struct seen *v = NULL, *nv;
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;
	pm_time t;
	int rc, s;

	st = pm_db_stmt(db, "SELECT v.staff, v.at, v.unit FROM visits v"
	    " WHERE v.at >= ?1 AND v.at < ?2"
	    " AND " PM_FACT_ASOF("v", "visits", "?3"));
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, pm_time_utc(from, f));
	pm_bind_text(st, 2, pm_time_utc(to, u));
	pm_bind_text(st, 3, pm_time_utc(as_of, a));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((s = pm_roster_find(ros, pm_col_text(st, 0))) < 0 ||
		    pm_time_parse_utc(pm_col_text(st, 1), &t) != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((nv = realloc(v, cap * sizeof *nv)) == NULL)
				break;
			v = nv;
		}
		v[n].staff = s;
		slot_of(sp, t, &v[n].day, &v[n].month);
		if ((v[n].unit = strdup(pm_col_text(st, 2))) == NULL)
			break;
		n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		seen_free(v, n);
		return rc == SQLITE_ROW ? pm_err(PM_EX_SOFTWARE,
		    "out of memory") : pm_db_error(db, "read visits");
	}
	*out = v;
	*nout = n;
	return 0;
}

/* What one staff member owed and made. */
struct acc {
	int days;
	int64_t owed, visited, credited;
};

static void
credit(struct acc *a, int64_t owed, int64_t visited)
{
	a->owed += owed;
	a->visited += visited;
	a->credited += visited < owed ? visited : owed;
}

struct quota_run {
	struct pm_roster *ros;
	struct rules rules;
	struct span sp;
	struct seen *v;
	size_t nv;
	struct tally *td, *tm;
	size_t ntd, ntm;
	struct acc *day, *month;	/* per roster index */
};

static void
quota_release(struct quota_run *q)
{
	pm_roster_free(q->ros);
	rules_free(&q->rules);
	span_free(&q->sp);
	seen_free(q->v, q->nv);
	free(q->td);
	free(q->tm);
	free(q->day);
	free(q->month);
}

static void
count_days(struct pm_db *db, struct quota_run *q)
{
	const struct pm_calendar *cal = pm_db_calendar(db);
	const struct rule *r;
	const char *dept, *role;
	char d[PM_DATE_LEN];
	pm_time now = pm_now();
	int i, s, n = pm_roster_count(q->ros), working;

	for (i = 0; i < q->sp.ndays && q->sp.day[i] <= now; i++) {
		pm_date_local(q->sp.day[i], d);
		working = cal == NULL || pm_calendar_is_workday(cal,
		    q->sp.day[i]);
		for (s = 0; s < n; s++) {
			if (!pm_roster_at(q->ros, s, q->sp.day[i], &dept,
			    &role) || (r = rule_for(&q->rules, dept, role,
			    "day", d)) == NULL || r->households == 0 ||
			    (!working && strcmp(r->days, "all") != 0))
				continue;
			q->day[s].days++;
			credit(&q->day[s], r->households, tally_get(q->td,
			    q->ntd, s, i));
		}
	}
}

static void
count_months(struct quota_run *q)
{
	const struct rule *r;
	const char *dept, *role;
	char d[PM_DATE_LEN];
	int m, s, n = pm_roster_count(q->ros);

	for (m = 0; m < q->sp.nmonths; m++) {
		pm_date_local(q->sp.mfrom[m], d);
		for (s = 0; s < n; s++) {
			if (!pm_roster_at(q->ros, s, q->sp.mfrom[m], &dept,
			    &role) || (r = rule_for(&q->rules, dept, role,
			    "month", d)) == NULL || r->households == 0)
				continue;
			credit(&q->month[s], r->households, tally_get(q->tm,
			    q->ntm, s, m));
		}
	}
}

int
pm_visit_quota(struct pm_db *db, pm_time from, pm_time to, pm_time as_of,
    int (*fn)(const struct pm_visit_quota_row *, void *), void *arg,
    int *short_)
{
	struct pm_visit_quota_row row, total;
	struct quota_run q;
	int rc, s, k, n;

	*short_ = 0;
	memset(&q, 0, sizeof q);
	if ((rc = pm_roster_load(db, &q.ros)) != 0)
		return rc;
	n = pm_roster_count(q.ros);
	if ((rc = rules_load(db, as_of, &q.rules)) != 0 ||
	    (rc = span_make(from, to, &q.sp)) != 0 ||
	    (rc = read_visits(db, q.ros, &q.sp, from, to, as_of, &q.v,
	    &q.nv)) != 0 ||
	    (rc = tally(q.v, q.nv, 0, &q.td, &q.ntd)) != 0 ||
	    (rc = tally(q.v, q.nv, 1, &q.tm, &q.ntm)) != 0)
		goto out;
	if ((q.day = calloc((size_t)n + 1, sizeof *q.day)) == NULL ||
	    (q.month = calloc((size_t)n + 1, sizeof *q.month)) == NULL) {
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
		goto out;
	}
	count_days(db, &q);
	count_months(&q);
	memset(&total, 0, sizeof total);
	for (s = 0; s < n && rc == 0; s++)
		for (k = 0; k < 2 && rc == 0; k++) {
			struct acc *a = k == 0 ? &q.day[s] : &q.month[s];

			if (a->owed == 0)
				continue;
			row.login = pm_roster_login(q.ros, s);
			row.name = pm_roster_name(q.ros, s);
			row.per = k == 0 ? "day" : "month";
			row.days = a->days;
			row.owed = a->owed;
			row.visited = a->visited;
			row.credited = a->credited;
			total.days += a->days;
			total.owed += a->owed;
			total.visited += a->visited;
			total.credited += a->credited;
			if (a->credited < a->owed)
				*short_ = 1;
			rc = fn(&row, arg);
		}
	if (rc == 0)
		rc = fn(&total, arg);
out:
	quota_release(&q);
	return rc;
}

const struct pm_col pm_visit_quota_cols[] = {
	{ N_("staff"), PM_COL_TEXT, NULL },
	{ N_("name"), PM_COL_TEXT, NULL },
	{ N_("per"), PM_COL_TEXT, &pm_v_quota_per },
	{ N_("days"), PM_COL_INT, NULL },
	{ N_("owed"), PM_COL_INT, NULL },
	{ N_("visited"), PM_COL_INT, NULL },
	{ N_("credited"), PM_COL_INT, NULL },
	{ N_("short"), PM_COL_INT, NULL },
	{ N_("rate"), PM_COL_NUM, NULL },
};
const int pm_visit_quota_ncols = NCOLS(pm_visit_quota_cols);

void
pm_visit_quota_put(struct pm_out *o, const struct pm_visit_quota_row *r)
{
	struct pm_rate rate = { r->credited, r->owed, 10000 };

	pm_out_text(o, r->login != NULL ? r->login : "all");
	pm_out_text(o, r->name);
	pm_out_text(o, r->per);
	pm_out_int(o, r->days);
	pm_out_int(o, r->owed);
	pm_out_int(o, r->visited);
	pm_out_int(o, r->credited);
	pm_out_int(o, r->owed - r->credited);
	pm_out_percent(o, &rate);
	pm_out_row(o);
}

/*
 * The households to visit next.
 */

/* The latest reading of a household in the window. */
struct reading {
	char *unit;
	pm_time at;
	const char *source;	/* "callback", "survey", "visit" */
	int dissatisfied;
	int visited;
};

struct readings {
	struct reading *tab;	/* open addressing, half full at most */
	size_t cap, n;
};

static size_t
hash(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

static struct reading *
slot(struct readings *rs, const char *unit)
{
	size_t i = hash(unit) & (rs->cap - 1);

	while (rs->tab[i].unit != NULL && strcmp(rs->tab[i].unit, unit) != 0)
		i = (i + 1) & (rs->cap - 1);
	return &rs->tab[i];
}

static void
readings_free(struct readings *rs)
{
	size_t i;

	for (i = 0; i < rs->cap; i++)
		free(rs->tab[i].unit);
	free(rs->tab);
	memset(rs, 0, sizeof *rs);
}

static int
readings_grow(struct readings *rs)
{
	struct readings bigger;
	struct reading *r;
	size_t i;

	bigger.cap = rs->cap ? rs->cap * 2 : 1024;
	bigger.n = rs->n;
	if ((bigger.tab = calloc(bigger.cap, sizeof *bigger.tab)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	for (i = 0; i < rs->cap; i++)
		if (rs->tab[i].unit != NULL) {
			r = slot(&bigger, rs->tab[i].unit);
			*r = rs->tab[i];
		}
	free(rs->tab);
	*rs = bigger;
	return 0;
}

/* Take one reading of 'unit' at 'at'; the latest counts. */
static int
take(struct readings *rs, const char *unit, pm_time at, const char *source,
    const char *grade)
{
	struct reading *r;
	int visit = strcmp(source, "visit") == 0;

	if ((rs->n + 1) * 2 > rs->cap && readings_grow(rs) != 0)
		return PM_EX_SOFTWARE;
	r = slot(rs, unit);
	if (r->unit == NULL) {
		if ((r->unit = strdup(unit)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		rs->n++;
	}
	if (visit)
		r->visited = 1;
	/* At the same moment, a visit comes after what it answers. */
	if (r->source != NULL && (at < r->at || (at == r->at && !visit)))
		return 0;
	r->at = at;
	r->source = source;
	r->dissatisfied = grade != NULL && strcmp(grade, "dissatisfied") == 0;
	return 0;
}

static int
read_readings(struct pm_db *db, sqlite3_stmt *st, const char *since,
    const char *source, struct readings *rs)
{
	pm_time t;
	int rc;

	pm_bind_text(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (pm_col_text(st, 0) == NULL ||
		    pm_time_parse_utc(pm_col_text(st, 1), &t) != 0)
			continue;
		if ((rc = take(rs, pm_col_text(st, 0), t, source,
		    pm_col_text(st, 2))) != 0)
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	return rc == SQLITE_ROW ? rc : pm_db_error(db, "read readings");
}

/*
 * The readings of the window.  Only each household's latest of each
 * source counts (take()), so SQL keeps just that one (max() gives its
 * row's other columns) and the households come back, not every
 * callback: a busy desk's window holds tens of thousands.
 */
static int
all_readings(struct pm_db *db, pm_time since, struct readings *rs)
{
	char s[PM_TIME_UTC_LEN];
	sqlite3_stmt *st;
	int rc;

	pm_time_utc(since, s);
	st = pm_db_stmt(db, "SELECT t.unit, max(e.at), e.satisfaction"
	    " FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id"
	    " WHERE e.at >= ?1 AND e.event = 'callback' GROUP BY t.unit");
	if (st == NULL || (rc = read_readings(db, st, s, "callback", rs)) != 0)
		return st == NULL ? pm_err_code() : rc;
	st = pm_db_stmt(db, "SELECT r.unit, max(r.answered_at), r.worst"
	    " FROM survey_responses r WHERE r.answered_at >= ?1"
	    " AND r.unit IS NOT NULL AND " PM_FACT_NOW("r", "survey_responses")
	    " GROUP BY r.unit");
	if (st == NULL || (rc = read_readings(db, st, s, "survey", rs)) != 0)
		return st == NULL ? pm_err_code() : rc;
	st = pm_db_stmt(db, "SELECT v.unit, max(v.at), v.satisfaction"
	    " FROM visits v WHERE v.at >= ?1 AND " PM_FACT_NOW("v", "visits")
	    " GROUP BY v.unit");
	if (st == NULL)
		return pm_err_code();
	return read_readings(db, st, s, "visit", rs);
}

/* A household on the list, with its place in the units' order. */
struct todo {
	struct pm_visit_todo_row r;
	int order;
	char *unit, *owner, *phone;
};

static int
todo_cmp(const void *a, const void *b)
{
	const struct todo *x = a, *y = b;
	int dx = strcmp(x->r.reason, "dissatisfied") == 0;
	int dy = strcmp(y->r.reason, "dissatisfied") == 0;

	if (dx != dy)
		return dx ? -1 : 1;
	if (dx && x->r.reading_at != y->r.reading_at)
		return x->r.reading_at < y->r.reading_at ? -1 : 1;
	if (!dx && x->r.last_visit != y->r.last_visit)
		return x->r.last_visit < y->r.last_visit ? -1 : 1;
	return x->order - y->order;
}

static void
todos_free(struct todo *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(t[i].unit);
		free(t[i].owner);
		free(t[i].phone);
	}
	free(t);
}

static char *
dup_col(sqlite3_stmt *st, int i, int *oom)
{
	const char *s = pm_col_text(st, i);
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		*oom = 1;
	return d;
}

/* The households, classified; those on the list into *out. */
static int
classify(struct pm_db *db, const char *building, struct readings *rs,
    struct todo **out, size_t *nout)
{
	struct todo *t = NULL, *nt, *x;
	struct reading *r;
	sqlite3_stmt *st;
	size_t n = 0, cap = 0;
	pm_time last;
	int rc, order = 0, oom = 0;

	pm_db_collations(db);
	st = pm_db_stmt(db, "SELECT u.code, u.owner_name, u.owner_phone,"
	    " (SELECT v.at FROM visits v WHERE v.unit = u.code"
	    "  AND " PM_FACT_NOW("v", "visits") " ORDER BY v.at DESC LIMIT 1)"
	    " FROM units u WHERE u.kind = 'unit' AND u.retired = 0"
	    " AND u.occupancy <> 'vacant' AND (?1 IS NULL OR u.building = ?1)"
	    " ORDER BY u.building" PM_SQL_NATURAL ", u.entrance, u.floor,"
	    " u.code" PM_SQL_NATURAL);
	if (st == NULL)
		return pm_err_code();
	pm_bind_text(st, 1, building);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		order++;
		r = rs->cap > 0 ? slot(rs, pm_col_text(st, 0)) : NULL;
		if (r != NULL && r->unit == NULL)
			r = NULL;
		if (r != NULL && r->visited && !r->dissatisfied)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			if ((nt = realloc(t, cap * sizeof *nt)) == NULL) {
				oom = 1;
				break;
			}
			t = nt;
		}
		x = &t[n++];
		memset(x, 0, sizeof *x);
		x->order = order;
		x->unit = dup_col(st, 0, &oom);
		x->owner = dup_col(st, 1, &oom);
		x->phone = dup_col(st, 2, &oom);
		if (pm_col_text(st, 3) == NULL ||
		    pm_time_parse_utc(pm_col_text(st, 3), &last) != 0)
			last = 0;
		x->r.last_visit = last;
		if (r != NULL && r->dissatisfied) {
			x->r.reason = "dissatisfied";
			x->r.source = r->source;
			x->r.reading_at = r->at;
		} else
			x->r.reason = "not_visited";
		if (oom)
			break;
	}
	sqlite3_reset(st);
	if (oom || rc != SQLITE_DONE) {
		todos_free(t, n);
		return oom ? pm_err(PM_EX_SOFTWARE, "out of memory") :
		    pm_db_error(db, "read units");
	}
	if (n > 1)
		qsort(t, n, sizeof *t, todo_cmp);
	*out = t;
	*nout = n;
	return 0;
}

int
pm_visit_todo(struct pm_db *db, const char *building, pm_time since,
    int (*fn)(const struct pm_visit_todo_row *, void *), void *arg)
{
	struct readings rs;
	struct todo *t = NULL;
	size_t n = 0, i;
	int rc;

	memset(&rs, 0, sizeof rs);
	if ((rc = all_readings(db, since, &rs)) == 0 &&
	    (rc = classify(db, building, &rs, &t, &n)) == 0)
		for (i = 0; i < n && rc == 0; i++) {
			t[i].r.unit = t[i].unit;
			t[i].r.owner = t[i].owner;
			t[i].r.phone = t[i].phone;
			rc = fn(&t[i].r, arg);
		}
	todos_free(t, n);
	readings_free(&rs);
	return rc;
}

const struct pm_col pm_visit_todo_cols[] = {
	{ N_("unit"), PM_COL_TEXT, NULL },
	{ N_("owner_name"), PM_COL_TEXT, NULL },
	{ N_("owner_phone"), PM_COL_TEXT, NULL },
	{ N_("reason"), PM_COL_TEXT, &pm_v_todo_reason },
	{ N_("source"), PM_COL_TEXT, &pm_v_reading },
	{ N_("reading_at"), PM_COL_TEXT, NULL },
	{ N_("last_visit"), PM_COL_TEXT, NULL },
};
const int pm_visit_todo_ncols = NCOLS(pm_visit_todo_cols);
