/*
 * estate_fee.c - the estate file's "fees" section (pm-estate(5)): the
 * books, the receipt series, the fee items with their written formulas,
 * billing rules and dated rates, who pays which item, the parking spaces
 * and their holders, and the column maps of bank statements; read and
 * checked here, merged into the fee_* tables by pm-db apply.
 *
 * A rate is a row of its own keyed by item and day, so a new rate from a
 * day is a new row and the old one stays in force before it; bills keep
 * the rate and amount they were made with, so nothing billed changes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "err.h"
#include "estate_priv.h"
#include "fee.h"
#include "i18n.h"
#include "text.h"

struct fee_book {
	const char *code, *name, *kind;
};

struct fee_series {
	const char *code, *name, *prefix;
	int digits;
};

struct fee_item {
	const char *code, *name, *book, *basis, *frequency, *start, *formula;
	int due_day;
	int vacancy_after;	/* 0: no vacancy rule */
	int64_t vacancy_pays;
	int64_t late_daily;	/* 0: no late fee */
	int late_grace;
	int64_t late_cap;	/* -1: none */
};

struct fee_rate {
	const char *key, *item, *from;
	int64_t rate;
};

struct fee_scope {
	const char *key, *item, *building, *unit;
};

struct fee_space {
	const char *code, *item;
};

struct fee_holder {
	const char *key, *space, *unit, *from, *until;
};

struct fee_format {
	const char *code, *name, *encoding, *txn, *date, *amount, *reference,
	    *payer;
};

/* What the section read (struct pm_estate's 'fees'); arrays malloc'd. */
struct pm_estate_fees {
	const char *prepay_months, *complaint_phone, *default_series;
	const char *persistent_after;
	struct fee_book *books;
	struct fee_series *series;
	struct fee_item *items;
	struct fee_rate *rates;
	struct fee_scope *scopes;
	struct fee_space *spaces;
	struct fee_holder *holders;
	struct fee_format *formats;
	int nbooks, nseries, nitems, nrates, nscopes, nspaces, nholders,
	    nformats;
	int cap_books, cap_series, cap_items, cap_rates, cap_scopes,
	    cap_spaces, cap_holders, cap_formats;
	/* While reading: the codes seen, for references and duplicates. */
	struct est_seenset book_set, series_set, item_set, space_set,
	    format_set;
};

static const char *const fee_keys[] = { "prepay_months", "complaint_phone",
	"default_series", "books", "series", "items", "parking", "formats",
	"persistent_after", NULL };
static const char *const book_keys[] = { "code", "name", "kind", NULL };
static const char *const series_keys[] = { "code", "name", "prefix",
	"digits", NULL };
static const char *const item_keys[] = { "code", "name", "book", "basis",
	"frequency", "due_day", "start", "formula", "rates", "vacancy",
	"late_fee", "units", NULL };
static const char *const rate_keys[] = { "from", "rate", NULL };
static const char *const vacancy_keys[] = { "after", "pays", NULL };
static const char *const late_keys[] = { "daily", "grace", "cap", NULL };
static const char *const space_keys[] = { "code", "prefix", "numbers",
	"digits", "item", "holder", "from", "until", "holders", NULL };
static const char *const holder_keys[] = { "unit", "from", "until", NULL };
static const char *const format_keys[] = { "code", "name", "encoding",
	"transaction", "date", "amount", "reference", "payer", NULL };

static const char *const book_kinds[] = { "income", "common", "collected",
	"deposit", NULL };
static const char *const bases[] = { "area", "unit", "space", "meter",
	"shared", NULL };
static const char *const frequencies[] = { "monthly", "quarterly", "yearly",
	NULL };
static const char *const starts[] = { "next-month", "prorate", NULL };
static const char *const encodings[] = { "utf-8", "gbk", NULL };

/* Grow array 'arr' (of *cap) for element n; NULL out of memory. */
#define GROW(arr, cap, n) \
	((arr) = est_grow((arr), &(cap), (n), sizeof *(arr)))

/* A whole number 0..max from scalar 'v'. */
static int
count_of(struct est *c, const yaml_node_t *v, const char *key, int max,
    int *out)
{
	const char *s;

	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("a number"));
	s = est_sval(v);
	if (strcmp(s, "0") == 0) {
		*out = 0;
		return 0;
	}
	if ((*out = est_small_number(&s)) < 1 || *s != '\0' || *out > max)
		return est_at(c, v, "%s %s: not a number from 0 to %d", key,
		    est_show(v), max);
	return 0;
}

/* A day "2026-07-01" into the arena, as written. */
static int
day_of(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required, const char **out)
{
	int64_t d;
	int rc;

	if ((rc = est_text(c, map, v, what, key, required, out)) != 0 ||
	    *out == NULL)
		return rc;
	if (pm_day_scan(*out, &d) != 0)
		return est_at(c, v, "%s %s: not a day like 2026-07-01", key,
		    est_show(v));
	return 0;
}

/* A percentage, or a library parser's message placed at 'v'. */
static int
percent_of(struct est *c, const yaml_node_t *v, const char *key, int places,
    int64_t max, int64_t *out)
{
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("a percentage like 50%"));
	if (pm_fee_percent_parse(est_sval(v), key, places, max, out) != 0)
		return est_again(c, v);
	return 0;
}

static int
books(struct est *c, struct pm_estate_fees *f, const yaml_node_t *list)
{
	yaml_node_item_t *it;
	yaml_node_t *v[3], *n;
	struct fee_book *b;
	int i, count, rc;

	if ((rc = est_items(c, list, "books", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if (GROW(f->books, f->cap_books, f->nbooks) == NULL)
			return est_nomem();
		b = &f->books[f->nbooks];
		if ((rc = est_fields(c, n, "book", book_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "book", "code", 1, &b->code)) != 0 ||
		    (rc = est_unique(c, &f->book_set, v[0], "book",
		    b->code)) != 0 ||
		    (rc = est_text(c, n, v[1], "book", "name", 1, &b->name)) != 0 ||
		    (rc = est_word(c, n, v[2], "book", "kind", 1, book_kinds,
		    NULL, &b->kind)) != 0)
			return rc;
		f->nbooks++;
	}
	return 0;
}

static int
series(struct est *c, struct pm_estate_fees *f, const yaml_node_t *list)
{
	yaml_node_item_t *it;
	yaml_node_t *v[4], *n;
	struct fee_series *s;
	int i, count, rc;

	if ((rc = est_items(c, list, "series", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if (GROW(f->series, f->cap_series, f->nseries) == NULL)
			return est_nomem();
		s = &f->series[f->nseries];
		s->digits = 8;
		if ((rc = est_fields(c, n, "series", series_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "series", "code", 1,
		    &s->code)) != 0 ||
		    (rc = est_unique(c, &f->series_set, v[0], "series",
		    s->code)) != 0 ||
		    (rc = est_text(c, n, v[1], "series", "name", 1,
		    &s->name)) != 0 ||
		    (v[3] != NULL && (rc = est_number(c, v[3], "digits", 12,
		    &s->digits)) != 0))
			return rc;
		/* A prefix may be empty ("" numbers alone), or a code. */
		if (v[2] != NULL && est_sval(v[2])[0] != '\0') {
			if ((rc = est_code(c, n, v[2], "series", "prefix", 1,
			    &s->prefix)) != 0)
				return rc;
		} else
			s->prefix = "";
		f->nseries++;
	}
	return 0;
}

/* rates: a list of {from, rate}, each day once. */
static int
rates(struct est *c, struct pm_estate_fees *f, const struct fee_item *item,
    const yaml_node_t *map, const yaml_node_t *list)
{
	struct est_seenset days = { NULL, 0, 0 };
	yaml_node_item_t *it;
	yaml_node_t *v[2], *n;
	struct fee_rate *r;
	const char *text;
	int i, count, rc = 0;

	if (list == NULL) {
		if (strcmp(item->basis, "shared") == 0)
			return 0;
		return est_at(c, map, "item %s: missing 'rates' (a list of "
		    "{from: DAY, rate: PRICE})", pm_q(item->code));
	}
	if ((rc = est_items(c, list, "rates", &it, &count)) != 0)
		return rc;
	if (count == 0)
		return est_at(c, list, "item %s: 'rates' is an empty list",
		    pm_q(item->code));
	for (i = 0; i < count && rc == 0; i++) {
		n = est_node(c, it[i]);
		if (GROW(f->rates, f->cap_rates, f->nrates) == NULL) {
			rc = est_nomem();
			break;
		}
		r = &f->rates[f->nrates];
		r->item = item->code;
		if ((rc = est_fields(c, n, "rate", rate_keys, v)) != 0 ||
		    (rc = day_of(c, n, v[0], "rate", "from", 1,
		    &r->from)) != 0 ||
		    (rc = est_unique(c, &days, v[0], "rate day", r->from)) != 0 ||
		    (rc = est_text(c, n, v[1], "rate", "rate", 1, &text)) != 0)
			break;
		if (pm_fee_rate_parse(text, &r->rate) != 0) {
			rc = est_again(c, v[1]);
			break;
		}
		if ((r->key = est_mem_printf(c->e->mem, "%s %s", item->code,
		    r->from)) == NULL) {
			rc = est_nomem();
			break;
		}
		f->nrates++;
	}
	est_seen_release(&days);
	return rc;
}

static int
vacancy(struct est *c, struct fee_item *item, const yaml_node_t *n)
{
	yaml_node_t *v[2];
	int rc;

	if (n == NULL)
		return 0;
	if ((rc = est_fields(c, n, "vacancy", vacancy_keys, v)) != 0)
		return rc;
	if (v[0] == NULL || v[1] == NULL)
		return est_at(c, n, "vacancy: give 'after' (whole months "
		    "vacant) and 'pays' (the share a vacant unit pays)");
	if ((rc = est_number(c, v[0], "after", 120,
	    &item->vacancy_after)) != 0 ||
	    (rc = percent_of(c, v[1], "pays", 2, PM_FEE_BP,
	    &item->vacancy_pays)) != 0)
		return rc;
	return 0;
}

static int
late_fee(struct est *c, struct fee_item *item, const yaml_node_t *n)
{
	yaml_node_t *v[3];
	int rc;

	item->late_cap = -1;
	if (n == NULL)
		return 0;
	if ((rc = est_fields(c, n, "late_fee", late_keys, v)) != 0)
		return rc;
	if (v[0] == NULL)
		return est_at(c, n, "late_fee: missing 'daily' (a rate a day, "
		    "such as 0.05%%)");
	/* Courts cut excessive late fees: more than 1% a day is a slip. */
	if ((rc = percent_of(c, v[0], "daily", 4, PM_FEE_PPM / 100,
	    &item->late_daily)) != 0 ||
	    (v[1] != NULL && (rc = count_of(c, v[1], "grace", 365,
	    &item->late_grace)) != 0) ||
	    (v[2] != NULL && (rc = percent_of(c, v[2], "cap", 2, PM_FEE_BP,
	    &item->late_cap)) != 0))
		return rc;
	if (item->late_daily == 0)
		return est_at(c, v[0], "late_fee: daily 0%% charges nothing "
		    "(leave late_fee out)");
	return 0;
}

/* units: building codes ("3") and unit codes ("3-1-502"). */
static int
scopes(struct est *c, struct pm_estate_fees *f, const struct fee_item *item,
    const yaml_node_t *list)
{
	struct est_seenset seen = { NULL, 0, 0 };
	yaml_node_item_t *it;
	struct fee_scope *s;
	struct est_seen *b;
	char folded[EST_MAX_CODE + 1], *p;
	const char *code;
	yaml_node_t *n;
	int i, count, rc = 0;

	if (list == NULL)
		return 0;
	if (strcmp(item->basis, "space") == 0)
		return est_at(c, list, "item %s: 'units' is not for an item "
		    "paid by parking space (each space names its item)",
		    pm_q(item->code));
	if ((rc = est_items(c, list, "units", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count && rc == 0; i++) {
		n = est_node(c, it[i]);
		if (GROW(f->scopes, f->cap_scopes, f->nscopes) == NULL) {
			rc = est_nomem();
			break;
		}
		s = &f->scopes[f->nscopes];
		memset(s, 0, sizeof *s);
		s->item = item->code;
		if ((rc = est_text(c, n, n, "units", "units", 1, &code)) != 0)
			break;
		if (strchr(code, '-') != NULL) {
			rc = est_unit_ref(c, n, "item", item->code, code,
			    &s->unit);
		} else {
			snprintf(folded, sizeof folded, "%s", code);
			for (p = folded; *p != '\0'; p++)
				if (*p >= 'A' && *p <= 'Z')
					*p = (char)(*p - 'A' + 'a');
			if ((b = est_seen_find(&c->buildings, folded)) == NULL)
				rc = est_at(c, n, "item %s: unknown building %s",
				    pm_q(item->code), est_show(n));
			else
				s->building = b->orig;
		}
		if (rc != 0)
			break;
		code = s->unit != NULL ? s->unit : s->building;
		if ((rc = est_unique(c, &seen, n, "unit or building",
		    code)) != 0)
			break;
		if ((s->key = est_mem_printf(c->e->mem, "%s %s", item->code,
		    code)) == NULL) {
			rc = est_nomem();
			break;
		}
		f->nscopes++;
	}
	est_seen_release(&seen);
	return rc;
}

static int
item(struct est *c, struct pm_estate_fees *f, const yaml_node_t *n)
{
	yaml_node_t *v[12];
	struct fee_item *t;
	const char *due;
	int rc;

	if (GROW(f->items, f->cap_items, f->nitems) == NULL)
		return est_nomem();
	t = &f->items[f->nitems];
	memset(t, 0, sizeof *t);
	if ((rc = est_fields(c, n, "item", item_keys, v)) != 0 ||
	    (rc = est_code(c, n, v[0], "item", "code", 1, &t->code)) != 0 ||
	    (rc = est_unique(c, &f->item_set, v[0], "item", t->code)) != 0 ||
	    (rc = est_text(c, n, v[1], "item", "name", 1, &t->name)) != 0 ||
	    (rc = est_code(c, n, v[2], "item", "book", 1, &t->book)) != 0)
		return rc;
	if (est_seen_find(&f->book_set, t->book) == NULL)
		return est_at(c, v[2], "item %s: unknown book %s (the books "
		    "come first, under 'books')", pm_q(t->code), est_show(v[2]));
	if ((rc = est_word(c, n, v[3], "item", "basis", 1, bases, NULL,
	    &t->basis)) != 0 ||
	    (rc = est_word(c, n, v[4], "item", "frequency", 0, frequencies,
	    NULL, &t->frequency)) != 0 ||
	    (rc = est_word(c, n, v[6], "item", "start", 0, starts, NULL,
	    &t->start)) != 0 ||
	    (rc = est_text(c, n, v[7], "item", "formula", 1, &t->formula)) != 0)
		return rc;
	if (t->frequency == NULL)
		t->frequency = "monthly";
	if (t->start == NULL)
		t->start = "next-month";
	t->due_day = 31;
	if (v[5] != NULL) {
		if ((rc = est_text(c, n, v[5], "item", "due_day", 1,
		    &due)) != 0)
			return rc;
		if (strcmp(due, "end") != 0 &&
		    (rc = est_number(c, v[5], "due_day", 31, &t->due_day)) != 0)
			return rc;
	}
	if ((strcmp(t->basis, "meter") == 0 || strcmp(t->basis, "shared") == 0)
	    && (v[4] != NULL || v[6] != NULL || v[9] != NULL))
		return est_at(c, n, "item %s: frequency, start and vacancy are "
		    "for items billed by period, not by %s", pm_q(t->code),
		    t->basis);
	if ((rc = rates(c, f, t, n, v[8])) != 0 ||
	    (rc = vacancy(c, t, v[9])) != 0 ||
	    (rc = late_fee(c, t, v[10])) != 0 ||
	    (rc = scopes(c, f, t, v[11])) != 0)
		return rc;
	if (strcmp(t->basis, "shared") == 0 && v[8] != NULL)
		return est_at(c, v[8], "item %s: a shared item has no rate (its "
		    "amount is split: pm-fee share)", pm_q(t->code));
	f->nitems++;
	return 0;
}

static int
items(struct est *c, struct pm_estate_fees *f, const yaml_node_t *list)
{
	yaml_node_item_t *it;
	int i, count, rc;

	if ((rc = est_items(c, list, "items", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = item(c, f, est_node(c, it[i]))) != 0)
			return rc;
	return 0;
}

/* The item a space pays: one billed by space. */
static int
space_item(struct est *c, struct pm_estate_fees *f, const yaml_node_t *map,
    const yaml_node_t *v, const char **out)
{
	int i, rc;

	if ((rc = est_code(c, map, v, "parking space", "item", 1, out)) != 0)
		return rc;
	for (i = 0; i < f->nitems; i++)
		if (strcmp(f->items[i].code, *out) == 0) {
			if (strcmp(f->items[i].basis, "space") == 0)
				return 0;
			return est_at(c, v, "parking space: item %s is not paid "
			    "by parking space (basis: space)", est_show(v));
		}
	return est_at(c, v, "parking space: unknown item %s", est_show(v));
}

static int
holder(struct est *c, struct pm_estate_fees *f, const char *space,
    const yaml_node_t *map, const yaml_node_t *unit, const yaml_node_t *from,
    const yaml_node_t *until)
{
	struct fee_holder *h;
	const char *code;
	int rc;

	if (GROW(f->holders, f->cap_holders, f->nholders) == NULL)
		return est_nomem();
	h = &f->holders[f->nholders];
	h->space = space;
	if ((rc = est_text(c, map, unit, "holder", "unit", 1, &code)) != 0 ||
	    (rc = est_unit_ref(c, unit, "parking space", space, code,
	    &h->unit)) != 0 ||
	    (rc = day_of(c, map, from, "holder", "from", 1, &h->from)) != 0 ||
	    (rc = day_of(c, map, until, "holder", "until", 0, &h->until)) != 0)
		return rc;
	if (h->until != NULL && strcmp(h->until, h->from) < 0)
		return est_at(c, until, "holder: until %s is before from %s",
		    est_show(until), pm_q(h->from));
	if ((h->key = est_mem_printf(c->e->mem, "%s %s", space, h->from)) ==
	    NULL)
		return est_nomem();
	/* A space has one holder on a day: the spans may not overlap. */
	if (f->nholders > 0 && strcmp(f->holders[f->nholders - 1].space,
	    space) == 0) {
		const struct fee_holder *p = &f->holders[f->nholders - 1];

		if (strcmp(p->from, h->from) >= 0 || p->until == NULL ||
		    strcmp(p->until, h->from) >= 0)
			return est_at(c, from, "parking space %s: holders must "
			    "follow one another (each from after the last "
			    "until)", pm_q(space));
	}
	f->nholders++;
	return 0;
}

static int
one_space(struct est *c, struct pm_estate_fees *f, const yaml_node_t *n,
    const yaml_node_t *at, const char *code, const char *item,
    yaml_node_t *const *v)
{
	yaml_node_item_t *it;
	yaml_node_t *hv[3], *hn;
	struct fee_space *s;
	int i, count, rc;

	if (strlen(code) > EST_MAX_CODE)
		return est_at(c, at, "parking space %s: longer than %d "
		    "characters", pm_q(code), EST_MAX_CODE);
	if (GROW(f->spaces, f->cap_spaces, f->nspaces) == NULL)
		return est_nomem();
	s = &f->spaces[f->nspaces];
	s->code = code;
	s->item = item;
	if ((rc = est_unique_code(c, &f->space_set, at, "parking space",
	    code)) != 0)
		return rc;
	f->nspaces++;
	if (v[5] != NULL && (rc = holder(c, f, code, n, v[5], v[6],
	    v[7])) != 0)
		return rc;
	if ((rc = est_items(c, v[8], "holders", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		hn = est_node(c, it[i]);
		if ((rc = est_fields(c, hn, "holder", holder_keys, hv)) != 0 ||
		    (rc = holder(c, f, code, hn, hv[0], hv[1], hv[2])) != 0)
			return rc;
	}
	return 0;
}

/*
 * A space {code, item, holder, from, until} or {holders: [...]}, or a
 * range of spaces with no holders {prefix: B1-, numbers: 1-120,
 * digits: 3, item}.
 */
static int
space(struct est *c, struct pm_estate_fees *f, const yaml_node_t *n)
{
	char on[10000];
	yaml_node_t *v[9];
	const char *item, *code, *prefix;
	int digits = 0, count, i, rc;

	if ((rc = est_fields(c, n, "parking space", space_keys, v)) != 0 ||
	    (rc = space_item(c, f, n, v[4], &item)) != 0)
		return rc;
	if ((v[5] == NULL) != (v[6] == NULL) || (v[7] != NULL && v[5] == NULL))
		return est_at(c, n, "parking space: a holder needs 'holder' "
		    "(a unit) and 'from' (a day)");
	if (v[5] != NULL && v[8] != NULL)
		return est_at(c, n, "parking space: give 'holder' or "
		    "'holders', not both");
	if (v[0] != NULL) {
		if (v[1] != NULL || v[2] != NULL || v[3] != NULL)
			return est_at(c, n, "parking space: give 'code', or "
			    "'prefix' and 'numbers', not both");
		if ((rc = est_code(c, n, v[0], "parking space", "code", 1,
		    &code)) != 0)
			return rc;
		return one_space(c, f, n, v[0], code, item, v);
	}
	if (v[1] == NULL || v[2] == NULL)
		return est_at(c, n, "parking space: missing 'code' (or "
		    "'prefix' and 'numbers' for a range)");
	if (v[5] != NULL || v[8] != NULL)
		return est_at(c, n, "parking space: a range of spaces has no "
		    "holder (give each held space its own entry)");
	if ((rc = est_code(c, n, v[1], "parking space", "prefix", 1,
	    &prefix)) != 0 ||
	    (rc = est_range(c, n, v[2], "parking space", "numbers", 9999, on,
	    &count)) != 0 ||
	    (v[3] != NULL && (rc = est_number(c, v[3], "digits", 4,
	    &digits)) != 0))
		return rc;
	for (i = 1; i <= 9999; i++) {
		if (!on[i])
			continue;
		if ((code = est_mem_printf(c->e->mem, "%s%0*d", prefix, digits,
		    i)) == NULL)
			return est_nomem();
		if ((rc = one_space(c, f, n, v[2], code, item, v)) != 0)
			return rc;
	}
	return 0;
}

static int
spaces(struct est *c, struct pm_estate_fees *f, const yaml_node_t *list)
{
	yaml_node_item_t *it;
	int i, count, rc;

	if ((rc = est_items(c, list, "parking", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = space(c, f, est_node(c, it[i]))) != 0)
			return rc;
	return 0;
}

/* reference: a column, or a list of columns joined by '|'. */
static int
reference(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char **out)
{
	yaml_node_item_t *it;
	const char *col;
	char *joined = NULL;
	int i, count, rc;

	if (v == NULL || v->type != YAML_SEQUENCE_NODE)
		return est_text(c, map, v, "format", "reference", 1, out);
	if ((rc = est_items(c, v, "reference", &it, &count)) != 0)
		return rc;
	if (count == 0)
		return est_at(c, v, "format: 'reference' is an empty list");
	for (i = 0; i < count; i++) {
		yaml_node_t *n = est_node(c, it[i]);

		if ((rc = est_text(c, n, n, "format", "reference", 1,
		    &col)) != 0)
			return rc;
		if (strchr(col, '|') != NULL)
			return est_at(c, n, "format: a column named %s cannot "
			    "be mapped (it holds '|')", est_show(n));
		joined = joined == NULL ? (char *)col :
		    est_mem_printf(c->e->mem, "%s|%s", joined, col);
		if (joined == NULL)
			return est_nomem();
	}
	*out = joined;
	return 0;
}

static int
formats(struct est *c, struct pm_estate_fees *f, const yaml_node_t *list)
{
	yaml_node_item_t *it;
	yaml_node_t *v[8], *n;
	struct fee_format *t;
	int i, count, rc;

	if ((rc = est_items(c, list, "formats", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = est_node(c, it[i]);
		if (GROW(f->formats, f->cap_formats, f->nformats) == NULL)
			return est_nomem();
		t = &f->formats[f->nformats];
		if ((rc = est_fields(c, n, "format", format_keys, v)) != 0 ||
		    (rc = est_code(c, n, v[0], "format", "code", 1,
		    &t->code)) != 0 ||
		    (rc = est_unique(c, &f->format_set, v[0], "format",
		    t->code)) != 0 ||
		    (rc = est_text(c, n, v[1], "format", "name", 1,
		    &t->name)) != 0 ||
		    (rc = est_word(c, n, v[2], "format", "encoding", 0,
		    encodings, NULL, &t->encoding)) != 0 ||
		    (rc = est_text(c, n, v[3], "format", "transaction", 1,
		    &t->txn)) != 0 ||
		    (rc = est_text(c, n, v[4], "format", "date", 1,
		    &t->date)) != 0 ||
		    (rc = est_text(c, n, v[5], "format", "amount", 1,
		    &t->amount)) != 0 ||
		    (rc = reference(c, n, v[6], &t->reference)) != 0 ||
		    (rc = est_text(c, n, v[7], "format", "payer", 0,
		    &t->payer)) != 0)
			return rc;
		/* WeChat and Alipay are built in. */
		if (strcmp(t->code, "wechat") == 0 ||
		    strcmp(t->code, "alipay") == 0)
			return est_at(c, v[0], "format %s: the name of a built-in "
			    "format (wechat, alipay)", est_show(v[0]));
		if (t->encoding == NULL)
			t->encoding = "utf-8";
		f->nformats++;
	}
	return 0;
}

static int
settings(struct est *c, struct pm_estate_fees *f, const yaml_node_t *map,
    yaml_node_t *const *v)
{
	const char *s;
	int months, rc;

	if (v[0] != NULL) {
		if ((rc = count_of(c, v[0], "prepay_months", 120,
		    &months)) != 0)
			return rc;
		if ((f->prepay_months = est_mem_printf(c->e->mem, "%d",
		    months)) == NULL)
			return est_nomem();
	}
	/* Months owed that make a defaulter persistent: 1 or more. */
	if (v[8] != NULL) {
		if (v[8]->type != YAML_SCALAR_NODE)
			return est_wrong_type(c, v[8], "persistent_after",
			    N_("a number"));
		s = est_sval(v[8]);
		if ((months = est_small_number(&s)) < 1 || *s != '\0' ||
		    months > PM_FEE_PERSISTENT_MAX)
			return est_at(c, v[8], "%s %s: not a number from 1 to "
			    "%d", "persistent_after", est_show(v[8]),
			    PM_FEE_PERSISTENT_MAX);
		if ((f->persistent_after = est_mem_printf(c->e->mem, "%d",
		    months)) == NULL)
			return est_nomem();
	}
	if ((rc = est_text(c, map, v[1], "fees", "complaint_phone", 0,
	    &f->complaint_phone)) != 0 ||
	    (rc = est_code(c, map, v[2], "fees", "default_series", 1,
	    &f->default_series)) != 0)
		return rc;
	if (est_seen_find(&f->series_set, f->default_series) == NULL)
		return est_at(c, v[2], "default_series %s: unknown series",
		    est_show(v[2]));
	return 0;
}

static int
read_fees(struct est *c, const yaml_node_t *n)
{
	struct pm_estate_fees *f;
	yaml_node_t *v[9];
	int rc;

	if ((f = calloc(1, sizeof *f)) == NULL)
		return est_nomem();
	c->e->fees = f;
	if (n == NULL)
		return 0;
	if ((rc = est_fields(c, n, "fees", fee_keys, v)) != 0 ||
	    (rc = books(c, f, v[3])) != 0 ||
	    (rc = series(c, f, v[4])) != 0)
		return rc;
	if (f->nseries == 0)
		return est_at(c, n, "fees: missing 'series' (the receipt series, "
		    "at least one)");
	if ((rc = settings(c, f, n, v)) != 0 ||
	    (rc = items(c, f, v[5])) != 0 ||
	    (rc = spaces(c, f, v[6])) != 0 ||
	    (rc = formats(c, f, v[7])) != 0)
		return rc;
	/* Done with the sets: only the arrays are kept. */
	est_seen_release(&f->book_set);
	est_seen_release(&f->series_set);
	est_seen_release(&f->item_set);
	est_seen_release(&f->space_set);
	est_seen_release(&f->format_set);
	return 0;
}

static void
release_fees(struct pm_estate *e)
{
	struct pm_estate_fees *f = e->fees;

	if (f == NULL)
		return;
	est_seen_release(&f->book_set);
	est_seen_release(&f->series_set);
	est_seen_release(&f->item_set);
	est_seen_release(&f->space_set);
	est_seen_release(&f->format_set);
	free(f->books);
	free(f->series);
	free(f->items);
	free(f->rates);
	free(f->scopes);
	free(f->spaces);
	free(f->holders);
	free(f->formats);
	free(f);
	e->fees = NULL;
}

/*
 * The tables.  Each record type: how many the file has, and record i.
 */

/* The fee settings stated, in meta: setting i, or (i < 0) how many. */
static int
setting_at(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct pm_estate_fees *f = e->fees;
	const struct {
		const char *key, *value;
	} s[] = {
		{ "fee_complaint_phone", f != NULL ? f->complaint_phone : NULL },
		{ "fee_default_series", f != NULL ? f->default_series : NULL },
		{ "fee_persistent_after", f != NULL ? f->persistent_after :
		    NULL },
		{ "fee_prepay_months", f != NULL ? f->prepay_months : NULL }
	};
	int j, n = 0;

	for (j = 0; j < (int)(sizeof s / sizeof s[0]); j++) {
		if (s[j].value == NULL)
			continue;
		if (n++ == i) {
			r->key = s[j].key;
			r->v[0] = est_v_text(s[j].value);
		}
	}
	return n;
}

static int n_settings(const struct pm_estate *e) { return setting_at(e, -1, NULL); }
static void row_setting(const struct pm_estate *e, int i, struct est_row *r) { setting_at(e, i, r); }
static int n_books(const struct pm_estate *e) { return e->fees->nbooks; }
static int n_series(const struct pm_estate *e) { return e->fees->nseries; }
static int n_items(const struct pm_estate *e) { return e->fees->nitems; }
static int n_rates(const struct pm_estate *e) { return e->fees->nrates; }
static int n_scopes(const struct pm_estate *e) { return e->fees->nscopes; }
static int n_spaces(const struct pm_estate *e) { return e->fees->nspaces; }
static int n_holders(const struct pm_estate *e) { return e->fees->nholders; }
static int n_formats(const struct pm_estate *e) { return e->fees->nformats; }

static void
row_book(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct fee_book *b = &e->fees->books[i];

	r->key = b->code;
	r->v[0] = est_v_text(b->name);
	r->v[1] = est_v_text(b->kind);
}

static void
row_series(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct fee_series *s = &e->fees->series[i];

	r->key = s->code;
	r->v[0] = est_v_text(s->name);
	r->v[1] = est_v_text(s->prefix);
	r->v[2] = est_v_int(s->digits);
}

/* An optional rule's number: NULL when the item has no such rule. */
static struct est_val
rule(int on, int64_t v)
{
	return on ? est_v_int(v) : est_v_text(NULL);
}

static void
row_item(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct fee_item *t = &e->fees->items[i];

	r->key = t->code;
	r->v[0] = est_v_text(t->name);
	r->v[1] = est_v_text(t->book);
	r->v[2] = est_v_text(t->basis);
	r->v[3] = est_v_text(t->frequency);
	r->v[4] = est_v_int(t->due_day);
	r->v[5] = est_v_text(t->start);
	r->v[6] = est_v_text(t->formula);
	r->v[7] = rule(t->vacancy_after > 0, t->vacancy_after);
	r->v[8] = rule(t->vacancy_after > 0, t->vacancy_pays);
	r->v[9] = rule(t->late_daily > 0, t->late_daily);
	r->v[10] = rule(t->late_daily > 0, t->late_grace);
	r->v[11] = rule(t->late_daily > 0 && t->late_cap >= 0, t->late_cap);
}

static void
row_rate(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct fee_rate *t = &e->fees->rates[i];

	r->key = t->key;
	r->v[0] = est_v_text(t->item);
	r->v[1] = est_v_text(t->from);
	r->v[2] = est_v_int(t->rate);
}

static void
row_scope(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct fee_scope *s = &e->fees->scopes[i];

	r->key = s->key;
	r->v[0] = est_v_text(s->item);
	r->v[1] = est_v_text(s->building);
	r->v[2] = est_v_text(s->unit);
}

static void
row_space(const struct pm_estate *e, int i, struct est_row *r)
{
	r->key = e->fees->spaces[i].code;
	r->v[0] = est_v_text(e->fees->spaces[i].item);
}

static void
row_holder(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct fee_holder *h = &e->fees->holders[i];

	r->key = h->key;
	r->v[0] = est_v_text(h->space);
	r->v[1] = est_v_text(h->unit);
	r->v[2] = est_v_text(h->from);
	r->v[3] = est_v_text(h->until);
}

static void
row_format(const struct pm_estate *e, int i, struct est_row *r)
{
	const struct fee_format *t = &e->fees->formats[i];

	r->key = t->code;
	r->v[0] = est_v_text(t->name);
	r->v[1] = est_v_text(t->encoding);
	r->v[2] = est_v_text(t->txn);
	r->v[3] = est_v_text(t->date);
	r->v[4] = est_v_text(t->amount);
	r->v[5] = est_v_text(t->reference);
	r->v[6] = est_v_text(t->payer);
}

static const struct est_table t_settings = {
	.kind = "fee settings",
	.count = n_settings,
	.row = row_setting,
	.name = "meta",
	.select = "SELECT key, value FROM meta WHERE key IN"
	    " ('fee_complaint_phone', 'fee_default_series',"
	    " 'fee_persistent_after', 'fee_prepay_months') ORDER BY key"
	    PM_SQL_BYTES,
	.insert = "INSERT INTO meta(key, value) VALUES (?1, ?2)",
	.update = "UPDATE meta SET value = ?2 WHERE key = ?1",
	.retire = "DELETE FROM meta WHERE key = ?1",
	.ncols = 1,
	.col = { { "value", EST_COL_TEXT, NULL } }
};

static const struct est_table t_books = {
	.kind = "fee books",
	.count = n_books,
	.row = row_book,
	.name = "fee_books",
	.select = "SELECT code, name, kind, retired FROM fee_books"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_books(code, name, kind) VALUES (?1, ?2, ?3)",
	.update = "UPDATE fee_books SET name = ?2, kind = ?3, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE fee_books SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 2,
	.col = { { "name", EST_COL_TEXT, NULL }, { "kind", EST_COL_TEXT, NULL } }
};

static const struct est_table t_series = {
	.kind = "receipt series",
	.count = n_series,
	.row = row_series,
	.name = "fee_series",
	.select = "SELECT code, name, prefix, digits, retired FROM fee_series"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_series(code, name, prefix, digits)"
	    " VALUES (?1, ?2, ?3, ?4)",
	.update = "UPDATE fee_series SET name = ?2, prefix = ?3, digits = ?4,"
	    " retired = 0 WHERE code = ?1",
	.retire = "UPDATE fee_series SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 3,
	.col = { { "name", EST_COL_TEXT, NULL }, { "prefix", EST_COL_TEXT, NULL },
	    { "digits", EST_COL_INT, NULL } }
};

static const struct est_table t_items = {
	.kind = "fee items",
	.count = n_items,
	.row = row_item,
	.name = "fee_items",
	.select = "SELECT code, name, book, basis, frequency, due_day,"
	    " start_rule, formula, vacancy_after, vacancy_pays, late_daily,"
	    " late_grace, late_cap, retired FROM fee_items"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_items(code, name, book, basis, frequency,"
	    " due_day, start_rule, formula, vacancy_after, vacancy_pays,"
	    " late_daily, late_grace, late_cap) VALUES (?1, ?2, ?3, ?4, ?5,"
	    " ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
	.update = "UPDATE fee_items SET name = ?2, book = ?3, basis = ?4,"
	    " frequency = ?5, due_day = ?6, start_rule = ?7, formula = ?8,"
	    " vacancy_after = ?9, vacancy_pays = ?10, late_daily = ?11,"
	    " late_grace = ?12, late_cap = ?13, retired = 0 WHERE code = ?1",
	.retire = "UPDATE fee_items SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 12,
	.col = { { "name", EST_COL_TEXT, NULL }, { "book", EST_COL_TEXT, NULL },
	    { "basis", EST_COL_TEXT, NULL },
	    { "frequency", EST_COL_TEXT, NULL },
	    { "due_day", EST_COL_INT, NULL },
	    { "start", EST_COL_TEXT, NULL }, { "formula", EST_COL_TEXT, NULL },
	    { "vacancy_after", EST_COL_INT, NULL },
	    { "vacancy_pays", EST_COL_INT, NULL },
	    { "late_daily", EST_COL_INT, NULL },
	    { "late_grace", EST_COL_INT, NULL },
	    { "late_cap", EST_COL_INT, NULL } }
};

static const struct est_table t_rates = {
	.kind = "fee rates",
	.count = n_rates,
	.row = row_rate,
	.name = "fee_rates",
	.select = "SELECT key, item, from_day, rate FROM fee_rates"
	    " ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_rates(key, item, from_day, rate)"
	    " VALUES (?1, ?2, ?3, ?4)",
	.update = "UPDATE fee_rates SET item = ?2, from_day = ?3, rate = ?4"
	    " WHERE key = ?1",
	.retire = "DELETE FROM fee_rates WHERE key = ?1",
	.ncols = 3,
	.col = { { "item", EST_COL_TEXT, NULL }, { "from", EST_COL_TEXT, NULL },
	    { "rate", EST_COL_INT, NULL } }
};

static const struct est_table t_scopes = {
	.kind = "fee scopes",
	.count = n_scopes,
	.row = row_scope,
	.name = "fee_scopes",
	.select = "SELECT key, item, building, unit FROM fee_scopes"
	    " ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_scopes(key, item, building, unit)"
	    " VALUES (?1, ?2, ?3, ?4)",
	.update = "UPDATE fee_scopes SET item = ?2, building = ?3, unit = ?4"
	    " WHERE key = ?1",
	.retire = "DELETE FROM fee_scopes WHERE key = ?1",
	.ncols = 3,
	.col = { { "item", EST_COL_TEXT, NULL },
	    { "building", EST_COL_TEXT, NULL }, { "unit", EST_COL_TEXT, NULL } }
};

static const struct est_table t_spaces = {
	.kind = "parking spaces",
	.count = n_spaces,
	.row = row_space,
	.name = "fee_spaces",
	.select = "SELECT code, item, retired FROM fee_spaces"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_spaces(code, item) VALUES (?1, ?2)",
	.update = "UPDATE fee_spaces SET item = ?2, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE fee_spaces SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 1,
	.col = { { "item", EST_COL_TEXT, NULL } }
};

static const struct est_table t_holders = {
	.kind = "parking holders",
	.count = n_holders,
	.row = row_holder,
	.name = "fee_holders",
	.select = "SELECT key, space, unit, from_day, until_day FROM"
	    " fee_holders ORDER BY key" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_holders(key, space, unit, from_day,"
	    " until_day) VALUES (?1, ?2, ?3, ?4, ?5)",
	.update = "UPDATE fee_holders SET space = ?2, unit = ?3,"
	    " from_day = ?4, until_day = ?5 WHERE key = ?1",
	.retire = "DELETE FROM fee_holders WHERE key = ?1",
	.ncols = 4,
	.col = { { "space", EST_COL_TEXT, NULL }, { "unit", EST_COL_TEXT, NULL },
	    { "from", EST_COL_TEXT, NULL }, { "until", EST_COL_TEXT, NULL } }
};

static const struct est_table t_formats = {
	.kind = "statement formats",
	.count = n_formats,
	.row = row_format,
	.name = "fee_formats",
	.select = "SELECT code, name, encoding, txn_col, date_col, amount_col,"
	    " reference_col, payer_col, retired FROM fee_formats"
	    " ORDER BY code" PM_SQL_BYTES,
	.insert = "INSERT INTO fee_formats(code, name, encoding, txn_col,"
	    " date_col, amount_col, reference_col, payer_col)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	.update = "UPDATE fee_formats SET name = ?2, encoding = ?3,"
	    " txn_col = ?4, date_col = ?5, amount_col = ?6,"
	    " reference_col = ?7, payer_col = ?8, retired = 0"
	    " WHERE code = ?1",
	.retire = "UPDATE fee_formats SET retired = 1 WHERE code = ?1",
	.retire_flag = 1,
	.ncols = 7,
	.col = { { "name", EST_COL_TEXT, NULL },
	    { "encoding", EST_COL_TEXT, NULL },
	    { "transaction", EST_COL_TEXT, NULL },
	    { "date", EST_COL_TEXT, NULL }, { "amount", EST_COL_TEXT, NULL },
	    { "reference", EST_COL_TEXT, NULL },
	    { "payer", EST_COL_TEXT, NULL } }
};

/* In the order of their references: books before items, items first. */
static const struct est_table *const fee_tables[] = { &t_settings, &t_books,
	&t_series, &t_items, &t_rates, &t_scopes, &t_spaces, &t_holders,
	&t_formats, NULL };

const struct est_section est_fee_section = {
	"fees", read_fees, release_fees, fee_tables
};
