/*
 * ticket_import.c - add many tickets from CSV, TSV or JSON Lines: a
 * day's paper log, or the failed items of an inspection.
 *
 * The records are read in full and added in the order of their received
 * time, as if the desk had typed them in as they came: a ticket's repeat
 * level looks back at the tickets received before it, so adding a later
 * one first would hide the earlier one from it.
 */
#include <stdlib.h>
#include <string.h>

#include "ticket_priv.h"

/* The fields a record may have, in the order a row keeps them. */
enum {
	F_KIND, F_CATEGORY, F_UNIT, F_DESCRIPTION, F_SOURCE, F_RECEIVED,
	F_RECEIVER, F_N
};

static const char *const fields[F_N + 1] = {
	"kind", "category", "unit", "description", "source", "received",
	"receiver", NULL
};

/* One record, copied out of the reader. */
struct row {
	int line;		/* where it began, for messages */
	pm_time received;	/* 0: not given (received now) */
	pm_time order;		/* 'received', or now when not given */
	char *f[F_N];		/* NULL: not given */
};

struct rows {
	struct row *v;
	size_t n, cap;
};

static void
rows_free(struct rows *rs)
{
	size_t i;
	int k;

	for (i = 0; i < rs->n; i++)
		for (k = 0; k < F_N; k++)
			free(rs->v[i].f[k]);
	free(rs->v);
}

/* Put "NAME:LINE: " before the message recorded for status 'rc'. */
static int
at_line(const struct pm_rec *r, int line, int rc)
{
	char *msg = strdup(pm_err_msg());

	rc = pm_err(rc == PM_EX_USAGE ? PM_EX_DATAERR : rc, "%s:%d: %s",
	    pm_rec_name(r), line, msg != NULL ? msg : "error");
	free(msg);
	return rc;
}

/*
 * Copy the current record of 'r' into a new row of 'rs', an empty
 * CSV/TSV field meaning "not given", and parse its received time.
 */
static int
take(struct rows *rs, const struct pm_rec *r, pm_time now)
{
	struct row *nv, *w;
	const char *v;
	int k, rc;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 64;
		if ((nv = realloc(rs->v, rs->cap * sizeof *nv)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		rs->v = nv;
	}
	w = &rs->v[rs->n++];
	memset(w, 0, sizeof *w);
	w->line = pm_rec_line(r);
	for (k = 0; k < F_N; k++)
		if ((v = pm_rec_get(r, fields[k])) != NULL && *v != '\0' &&
		    (w->f[k] = strdup(v)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
	if (w->f[F_RECEIVED] != NULL &&
	    (rc = pm_time_parse(w->f[F_RECEIVED], &w->received)) != 0)
		return at_line(r, w->line, rc);
	w->order = w->received != 0 ? w->received : now;
	return 0;
}

/* By received time, then by line: a stable order. */
static int
by_received(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->order != y->order)
		return x->order < y->order ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

static int
one(struct pm_db *db, const struct row *w, int64_t *id)
{
	struct pm_ticket_new n;

	memset(&n, 0, sizeof n);
	n.kind = w->f[F_KIND];
	n.category = w->f[F_CATEGORY];
	n.unit = w->f[F_UNIT];
	n.description = w->f[F_DESCRIPTION];
	n.source = w->f[F_SOURCE];
	n.receiver = w->f[F_RECEIVER];
	n.received = w->received;
	n.received_text = w->f[F_RECEIVED];
	if (n.category == NULL)
		return pm_err(PM_EX_DATAERR, "category: missing");
	if (n.unit == NULL)
		return pm_err(PM_EX_DATAERR, "unit: missing");
	if (n.description == NULL)
		return pm_err(PM_EX_DATAERR, "description: missing");
	return pm_ticket_add(db, &n, id);
}

int
pm_ticket_import(struct pm_db *db, struct pm_rec *r, int64_t **ids,
    size_t *nids)
{
	struct rows rs = { NULL, 0, 0 };
	int64_t *v = NULL;
	pm_time now = pm_now();
	size_t i;
	int rc;

	*ids = NULL;
	*nids = 0;
	while ((rc = pm_rec_next(r)) == 1) {
		/* JSON Lines names fields per record: check each one. */
		if ((rc = pm_rec_check_fields(r, fields)) != 0 ||
		    (rc = take(&rs, r, now)) != 0)
			goto out;
	}
	if (rc != 0)
		goto out;
	/*
	 * A CSV or TSV header with no rows under it is still checked (the
	 * reader keeps it after the end), so a wrong file is not taken for
	 * an empty log.
	 */
	if (rs.n == 0) {
		rc = pm_rec_check_fields(r, fields);
		goto out;
	}
	qsort(rs.v, rs.n, sizeof *rs.v, by_received);
	if ((v = calloc(rs.n, sizeof *v)) == NULL) {
		rc = pm_err(PM_EX_SOFTWARE, "out of memory");
		goto out;
	}
	for (i = 0; i < rs.n; i++)
		if ((rc = one(db, &rs.v[i], &v[i])) != 0) {
			rc = at_line(r, rs.v[i].line, rc);
			goto out;
		}
	*ids = v;
	*nids = rs.n;
	v = NULL;
out:
	free(v);
	rows_free(&rs);
	return rc;
}
