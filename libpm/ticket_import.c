/*
 * ticket_import.c - add many tickets from CSV, TSV or JSON Lines: a
 * day's paper log, or the failed items of an inspection.
 */
#include <stdlib.h>
#include <string.h>

#include "ticket_priv.h"

static const char *const fields[] = {
	"kind", "category", "unit", "description", "source", "received",
	"receiver", NULL
};

/* A field's value, with an empty CSV/TSV field meaning "not given". */
static const char *
field(const struct pm_rec *r, const char *name)
{
	const char *v = pm_rec_get(r, name);

	return v != NULL && *v != '\0' ? v : NULL;
}

/* Put "NAME:LINE: " before the message recorded for status 'rc'. */
static int
at_line(const struct pm_rec *r, int rc)
{
	char *msg = strdup(pm_err_msg());

	rc = pm_err(rc == PM_EX_USAGE ? PM_EX_DATAERR : rc, "%s:%d: %s",
	    pm_rec_name(r), pm_rec_line(r), msg != NULL ? msg : "error");
	free(msg);
	return rc;
}

static int
one(struct pm_db *db, const struct pm_rec *r, int64_t *id)
{
	struct pm_ticket_new n;
	const char *received;
	int rc;

	memset(&n, 0, sizeof n);
	n.kind = field(r, "kind");
	n.category = field(r, "category");
	n.unit = field(r, "unit");
	n.description = field(r, "description");
	n.source = field(r, "source");
	n.receiver = field(r, "receiver");
	if (n.category == NULL)
		return pm_err(PM_EX_DATAERR, "category: missing");
	if (n.unit == NULL)
		return pm_err(PM_EX_DATAERR, "unit: missing");
	if (n.description == NULL)
		return pm_err(PM_EX_DATAERR, "description: missing");
	if ((received = field(r, "received")) != NULL &&
	    (rc = pm_time_parse(received, &n.received)) != 0)
		return rc;
	return pm_ticket_add(db, &n, id);
}

int
pm_ticket_import(struct pm_db *db, struct pm_rec *r, int64_t **ids,
    size_t *nids)
{
	int64_t *v = NULL, *nv, id;
	size_t n = 0, cap = 0;
	int rc;

	*ids = NULL;
	*nids = 0;
	while ((rc = pm_rec_next(r)) == 1) {
		/* JSON Lines names fields per record: check each one. */
		if ((rc = pm_rec_check_fields(r, fields)) != 0)
			goto fail;
		if ((rc = one(db, r, &id)) != 0) {
			rc = at_line(r, rc);
			goto fail;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			if ((nv = realloc(v, cap * sizeof *v)) == NULL) {
				rc = pm_err(PM_EX_SOFTWARE, "out of memory");
				goto fail;
			}
			v = nv;
		}
		v[n++] = id;
	}
	if (rc != 0)
		goto fail;
	*ids = v;
	*nids = n;
	return 0;
fail:
	free(v);
	return rc;
}
