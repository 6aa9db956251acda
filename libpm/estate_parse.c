/*
 * estate_parse.c - read the estate file (pm-estate(5)) and check it all.
 *
 * The file is read whole and loaded with libyaml's document API, so every
 * node keeps its line and column for messages.  The sections are checked
 * in a fixed order, whatever their order in the file (departments before
 * the staff and categories that name them), and the first problem stops
 * the load.  Strings live in a small arena owned by the estate, so every
 * error path frees everything with one pm_estate_free().
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "clock.h"
#include "err.h"
#include "estate.h"
#include "i18n.h"
#include "money.h"
#include "text.h"
#include "vocab.h"

#define MAX_FILE_SIZE	(64L * 1024 * 1024)
#define MAX_CODE	64
#define CHUNK_SIZE	65536

/* The arena: strings packed into chunks, all freed at once. */
struct chunk {
	struct chunk *next;
	size_t used, cap;
	char data[];
};

struct pm_estate_mem {
	struct chunk *head;
};

/*
 * A set of names seen so far and where, to report a duplicate with the
 * place of the first one: open addressing, kept at most half full.
 */
struct seen {
	const char *key;
	const char *orig;	/* codes: the key as written, before folding */
	int line, col;
};

struct seenset {
	struct seen *tab;
	size_t cap, n;
};

struct ctx {
	const char *file;	/* for messages */
	int flags;
	yaml_document_t doc;
	struct pm_estate *e;
	struct seenset depts, staff, buildings, codes, cats, unix_users;
	int cap_depts, cap_staff, cap_buildings, cap_units, cap_public,
	    cap_common, cap_cats;
	struct pm_calendar hours;	/* working hours, for SLA durations */
};

static const char *const top_keys[] = { "estate", "departments", "staff",
	"buildings", "public_areas", "categories", "sla", "kpi_targets", NULL };
static const char *const estate_keys[] = { "name", "timezone", "calendar",
	"working_hours", "group", "language", NULL };
static const char *const dept_keys[] = { "code", "name", NULL };
static const char *const staff_keys[] = { "login", "name", "department",
	"role", "phone", "unix", NULL };
static const char *const building_keys[] = { "code", "name", "units",
	"extra", "common_parts", NULL };
static const char *const group_keys[] = { "entrances", "floors", "rooms",
	"area", "condition", NULL };
static const char *const extra_keys[] = { "code", "area", "condition",
	"entrance", "floor", NULL };
static const char *const public_keys[] = { "code", "name", "area",
	"condition", NULL };
static const char *const part_keys[] = { "code", "name", "per", "entrances",
	"area", "condition", NULL };
static const char *const cat_keys[] = { "code", "name", "kind", "urgent",
	"emergency", "department", NULL };
static const char *const sla_keys[] = { "within", "clock", NULL };

static const char *const roles[] = { "staff", "lead", "supervisor",
	"manager", NULL };
static const char *const conditions[] = { "good", "basic", "poor", NULL };
static const char *const cat_kinds[] = { "repair", "complaint", "inquiry",
	"suggestion", NULL };
static const char *const clocks[] = { "calendar", "working", NULL };
static const char *const pers[] = { "entrance", "building", NULL };

/* The defaults of pm-estate(5), in the order of the PM_SLA_* names. */
static const struct {
	const char *name, *within, *clock;
} sla_defaults[PM_ESTATE_NSLA] = {
	{ "notice_level1", "5m", "calendar" },
	{ "notice_level2", "10m", "calendar" },
	{ "onsite", "30m", "calendar" },
	{ "same_day", "end-of-day", "calendar" },
	{ "feedback", "2d", "working" },
	{ "completion", "5d", "working" },
	{ "repeat_window", "30d", "calendar" }
};

/* DESIGN.md section 6; -1 where it sets no target. */
static const struct pm_estate_kpi kpi_defaults[PM_ESTATE_NKPI] = {
	{ "complaint_timeliness", 10000 },
	{ "repair_timeliness", 9500 },
	{ "callback_rate", 10000 },
	{ "callback_satisfaction", 9500 },
	{ "first_time_fix", -1 },
	{ "collection_rate", 8500 },
	{ "arrears_recovery", -1 },
	{ "facility_intact", 9500 },
	{ "housing_intact", 9800 },
	{ "owner_satisfaction", 9500 }
};

static int
nomem(void)
{
	return pm_err(PM_EX_SOFTWARE, "out of memory");
}

/* Room for 'n' bytes in the arena, or NULL when out of memory. */
static char *
mem_alloc(struct pm_estate_mem *m, size_t n)
{
	struct chunk *c = m->head;
	char *p;

	if (c == NULL || c->cap - c->used < n) {
		size_t cap = n > CHUNK_SIZE ? n : CHUNK_SIZE;

		if ((c = malloc(sizeof *c + cap)) == NULL)
			return NULL;
		c->used = 0;
		c->cap = cap;
		c->next = m->head;
		m->head = c;
	}
	p = c->data + c->used;
	c->used += n;
	return p;
}

static char *
mem_strndup(struct pm_estate_mem *m, const char *s, size_t n)
{
	char *p;

	if ((p = mem_alloc(m, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static char *
mem_strdup(struct pm_estate_mem *m, const char *s)
{
	return mem_strndup(m, s, strlen(s));
}

/* A formatted string in the arena, or NULL when out of memory. */
static char * PM_PRINTF(2, 3)
mem_printf(struct pm_estate_mem *m, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = mem_alloc(m, (size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Room for element n of an array of *cap; returns NULL when out of memory. */
static void *
grow(void *arr, int *cap, int n, size_t size)
{
	int ncap;

	if (n < *cap)
		return arr;
	ncap = *cap ? *cap * 2 : 16;
	if ((arr = realloc(arr, (size_t)ncap * size)) == NULL)
		return NULL;
	*cap = ncap;
	return arr;
}

static uint32_t
hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct seen *
seen_find(const struct seenset *set, const char *key)
{
	size_t i;

	if (set->cap == 0)
		return NULL;
	for (i = hash(key) & (set->cap - 1); set->tab[i].key != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->tab[i].key, key) == 0)
			return &set->tab[i];
	return NULL;
}

/*
 * Add 'key' (which must outlive the set) seen at line:col.  Returns 0,
 * 1 when it was there already (*first says where), or -1 out of memory.
 */
static int
seen_add(struct seenset *set, const char *key, int line, int col,
    struct seen **first)
{
	struct seen *tab;
	size_t i, j, cap;

	if ((*first = seen_find(set, key)) != NULL)
		return 1;
	if (2 * (set->n + 1) > set->cap) {
		cap = set->cap ? 2 * set->cap : 64;
		if ((tab = calloc(cap, sizeof *tab)) == NULL)
			return -1;
		for (j = 0; j < set->cap; j++) {
			if (set->tab[j].key == NULL)
				continue;
			for (i = hash(set->tab[j].key) & (cap - 1);
			    tab[i].key != NULL; i = (i + 1) & (cap - 1))
				;
			tab[i] = set->tab[j];
		}
		free(set->tab);
		set->tab = tab;
		set->cap = cap;
	}
	for (i = hash(key) & (set->cap - 1); set->tab[i].key != NULL;
	    i = (i + 1) & (set->cap - 1))
		;
	set->tab[i].key = key;
	set->tab[i].line = line;
	set->tab[i].col = col;
	set->n++;
	return 0;
}

static const char *
sval(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* A scalar's value quoted for a message (see pm_q()). */
static const char *
show(const yaml_node_t *n)
{
	return pm_q(sval(n));
}

static int
line_of(const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

static int
col_of(const yaml_node_t *n)
{
	return (int)n->start_mark.column + 1;
}

static yaml_node_t *
node(struct ctx *c, int index)
{
	return yaml_document_get_node(&c->doc, index);
}

/*
 * Record "FILE:LINE:COLUMN: message" for node 'n' with status 'code'.
 * The message is looked up in the catalogue here, by its own format:
 * pm_err() only sees the "%s:%d:%d: %s" around it.
 */
static int PM_PRINTF(4, 5)
at_code(struct ctx *c, int code, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, pm_gettext(fmt), ap);
	va_end(ap);
	return pm_err(code, "%s:%d:%d: %s", c->file, line_of(n), col_of(n),
	    msg);
}

#define at(c, n, ...) at_code((c), PM_EX_CONFIG, (n), __VA_ARGS__)

/* Put node n's place before the message a libpm parser recorded. */
static int
again(struct ctx *c, const yaml_node_t *n)
{
	return at(c, n, "%s", pm_err_msg());
}

/* "a, b, c" from a NULL-terminated list, for messages. */
static const char *
joined(const char *const *list)
{
	static char buf[512];
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; list[i] != NULL && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
		    i ? ", " : "", list[i]);
	return buf;
}

static int
wrong_type(struct ctx *c, const yaml_node_t *n, const char *what,
    const char *want)
{
	want = _(want);
	if (n->type == YAML_MAPPING_NODE)
		return at(c, n, "%s: expected %s, found a mapping", what, want);
	if (n->type == YAML_SEQUENCE_NODE)
		return at(c, n, "%s: expected %s, found a list", what, want);
	return at(c, n, "%s: expected %s, found %s", what, want, show(n));
}

/* Whether 'n' is a YAML null: an empty plain value, ~ or null. */
static int
is_null(const yaml_node_t *n)
{
	const char *s;

	if (n == NULL)
		return 1;
	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	s = sval(n);
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/*
 * Check that 'n' is a mapping whose keys are all in 'keys', each at most
 * once, and set vals[i] to the value of keys[i] (NULL when absent or
 * null).  'what' names the mapping in messages.
 */
static int
fields(struct ctx *c, const yaml_node_t *n, const char *what,
    const char *const *keys, yaml_node_t **vals)
{
	yaml_node_t *seen[16];
	yaml_node_pair_t *p;
	int i;

	for (i = 0; keys[i] != NULL; i++)
		vals[i] = seen[i] = NULL;
	if (n->type != YAML_MAPPING_NODE)
		return wrong_type(c, n, what, N_("a mapping"));
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		yaml_node_t *k = node(c, p->key), *v = node(c, p->value);

		if (k->type == YAML_MAPPING_NODE)
			return at(c, k, "%s: a key must be a name, not a mapping",
			    what);
		if (k->type != YAML_SCALAR_NODE)
			return at(c, k, "%s: a key must be a name, not a list",
			    what);
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(keys[i], sval(k)) == 0)
				break;
		if (keys[i] == NULL)
			return at(c, k, "%s: unknown key %s (allowed: %s)",
			    what, show(k), joined(keys));
		if (seen[i] != NULL)
			return at(c, k, "%s: key '%s' given twice (first at "
			    "%d:%d)", what, keys[i], line_of(seen[i]),
			    col_of(seen[i]));
		/* Numbers and words are read as C strings: no NUL inside. */
		if (v->type == YAML_SCALAR_NODE &&
		    strlen(sval(v)) != v->data.scalar.length)
			return at(c, v, "%s: NUL character in '%s'", what,
			    keys[i]);
		seen[i] = k;
		vals[i] = is_null(v) ? NULL : v;
	}
	return 0;
}

/* The items of list 'n' (NULL or null: none), or a type error. */
static int
items(struct ctx *c, const yaml_node_t *n, const char *what,
    yaml_node_item_t **start, int *count)
{
	*start = NULL;
	*count = 0;
	if (n == NULL)
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return wrong_type(c, n, what, N_("a list"));
	*start = n->data.sequence.items.start;
	*count = (int)(n->data.sequence.items.top - *start);
	return 0;
}

/*
 * A text value into *out (arena copy): a scalar without control
 * characters, not empty.  An absent value is an error when 'required'
 * (reported at 'map', the record), else *out is NULL.
 */
static int
text(struct ctx *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required, const char **out)
{
	size_t i;

	*out = NULL;
	if (v == NULL) {
		if (required)
			return at(c, map, "%s: missing '%s'", what, key);
		return 0;
	}
	if (v->type != YAML_SCALAR_NODE)
		return wrong_type(c, v, key, N_("text"));
	if (v->data.scalar.length == 0)
		return at(c, v, "%s: '%s' is empty", what, key);
	for (i = 0; i < v->data.scalar.length; i++) {
		unsigned char ch = v->data.scalar.value[i];

		if (ch < 0x20 || ch == 0x7f)
			return at(c, v, "%s %s: control character in text",
			    key, show(v));
	}
	if ((*out = mem_strndup(c->e->mem, sval(v), v->data.scalar.length)) ==
	    NULL)
		return nomem();
	return 0;
}

/* A code or login: letters, digits, '.', '_' and (if 'dash') '-'. */
static int
code(struct ctx *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int dash, const char **out)
{
	const char *s;
	int rc;

	if ((rc = text(c, map, v, what, key, 1, out)) != 0)
		return rc;
	if (strlen(*out) > MAX_CODE)
		return at(c, v, "%s %s: longer than %d characters", key,
		    show(v), MAX_CODE);
	for (s = *out; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		    (*s == '-' && dash)))
			return dash ? at(c, v, "%s %s: use only letters, "
			    "digits, '.', '_' and '-'", key, show(v)) :
			    at(c, v, "%s %s: use only letters, digits, '.' and "
			    "'_'", key, show(v));
	return 0;
}

/* A value from a fixed list of words, or NULL when absent and optional. */
static int
word(struct ctx *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required,
    const char *const *words, const struct pm_vocab *vocab,
    const char **out)
{
	const char *id;
	int i, rc;

	if ((rc = text(c, map, v, what, key, required, out)) != 0 ||
	    *out == NULL)
		return rc;
	/* The word itself, or its Chinese name (班长 for lead). */
	id = vocab != NULL ? pm_vocab_find(vocab, *out) : NULL;
	for (i = 0; words[i] != NULL; i++)
		if (strcmp(words[i], *out) == 0 ||
		    (id != NULL && strcmp(words[i], id) == 0)) {
			*out = words[i];
			return 0;
		}
	return at(c, v, "%s %s: not one of %s", key, show(v), joined(words));
}

static int
boolean(struct ctx *c, const yaml_node_t *v, const char *key, int *out)
{
	const char *s;

	*out = 0;
	if (v == NULL)
		return 0;
	if (v->type != YAML_SCALAR_NODE)
		return wrong_type(c, v, key, N_("true or false"));
	s = sval(v);
	if (strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0)
		*out = 1;
	else if (strcasecmp(s, "false") != 0 && strcasecmp(s, "no") != 0)
		return at(c, v, "%s %s: not true or false", key, show(v));
	return 0;
}

/* An area in m² ("89.50") as hundredths; absent is 0 unless required. */
static int
area(struct ctx *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, int required, int64_t *out)
{
	*out = 0;
	if (v == NULL) {
		if (required)
			return at(c, map, "%s: missing 'area'", what);
		return 0;
	}
	if (v->type != YAML_SCALAR_NODE)
		return wrong_type(c, v, "area", N_("a number of m²"));
	if (pm_hundredths_parse(sval(v), "area", out) != 0)
		return again(c, v);
	return 0;
}

/* A decimal number of at most four digits, or -1. */
static int
small_number(const char **sp)
{
	const char *s = *sp;
	int v = 0, n = 0;

	while (*s >= '0' && *s <= '9' && n < 5) {
		v = v * 10 + (*s++ - '0');
		n++;
	}
	if (n == 0 || n > 4)
		return -1;
	*sp = s;
	return v;
}

/* One range item "A-B" or "A" from scalar 'v', marked in on[1..max]. */
static int
range_item(struct ctx *c, const yaml_node_t *v, const char *key, int max,
    char *on, int *count)
{
	const char *s;
	int a, b, i;

	if (v->type != YAML_SCALAR_NODE)
		return wrong_type(c, v, key,
		    N_("a number or a range like 1-18"));
	s = sval(v);
	if ((a = small_number(&s)) < 0)
		goto bad;
	b = a;
	if (*s == '-') {
		s++;
		if ((b = small_number(&s)) < 0)
			goto bad;
	}
	if (*s != '\0')
		goto bad;
	if (b < a)
		return at(c, v, "%s %s: range runs backwards", key, show(v));
	if (a < 1 || b > max)
		return at(c, v, "%s %s: out of range (1-%d)", key, show(v),
		    max);
	for (i = a; i <= b; i++) {
		if (on[i])
			return at(c, v, "%s %s: %d given twice", key, show(v),
			    i);
		on[i] = 1;
		(*count)++;
	}
	return 0;
bad:
	return at(c, v, "%s %s: not a number or a range like 1-18", key,
	    show(v));
}

/*
 * A range value: "1-18", "5", or a list of those.  Sets on[i] for each
 * number i in it and *count to how many there are.
 */
static int
range(struct ctx *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int max, char *on, int *count)
{
	yaml_node_item_t *it;
	int i, n, rc;

	memset(on, 0, (size_t)max + 1);
	*count = 0;
	if (v == NULL)
		return at(c, map, "%s: missing '%s'", what, key);
	if (v->type != YAML_SEQUENCE_NODE)
		return range_item(c, v, key, max, on, count);
	if ((rc = items(c, v, key, &it, &n)) != 0)
		return rc;
	if (n == 0)
		return at(c, v, "%s: '%s' is an empty list", what, key);
	for (i = 0; i < n; i++)
		if ((rc = range_item(c, node(c, it[i]), key, max, on,
		    count)) != 0)
			return rc;
	return 0;
}

/* A number 1..max from a scalar, for an extra unit's entrance or floor. */
static int
number(struct ctx *c, const yaml_node_t *v, const char *key, int max,
    int *out)
{
	const char *s;

	if (v->type != YAML_SCALAR_NODE)
		return wrong_type(c, v, key, N_("a number"));
	s = sval(v);
	if ((*out = small_number(&s)) < 1 || *s != '\0' || *out > max)
		return at(c, v, "%s %s: not a number from 1 to %d", key,
		    show(v), max);
	return 0;
}

/* Record 'key' in 'set', or report a duplicate at 'n'. */
static int
unique(struct ctx *c, struct seenset *set, const yaml_node_t *n,
    const char *what, const char *key)
{
	struct seen *first;

	switch (seen_add(set, key, line_of(n), col_of(n), &first)) {
	case 0:
		return 0;
	case 1:
		return at(c, n, "duplicate %s %s (first at %d:%d)", what,
		    pm_q(key), first->line, first->col);
	default:
		return nomem();
	}
}

/*
 * Record a building, unit or public-area code in 'set', or report a
 * duplicate at 'n'.  These codes must differ in more than case: people
 * type "p-gate-n" for P-GATE-N and the tools find either (the database's
 * index on unit codes ignores case), so two codes that differ only in
 * case would be one code, and the database would refuse the second with
 * a worse message.  Codes are ASCII (see code()), so folding ASCII
 * letters is enough.
 */
static int
unique_code(struct ctx *c, struct seenset *set, const yaml_node_t *n,
    const char *what, const char *code)
{
	struct seen *first;
	char *folded, *p;

	if ((folded = mem_strdup(c->e->mem, code)) == NULL)
		return nomem();
	for (p = folded; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	switch (seen_add(set, folded, line_of(n), col_of(n), &first)) {
	case 0:
		seen_find(set, folded)->orig = code;
		return 0;
	case 1:
		if (strcmp(first->orig, code) == 0)
			return at(c, n, "duplicate %s %s (first at %d:%d)",
			    what, pm_q(code), first->line, first->col);
		return at(c, n, "duplicate %s %s (first at %d:%d as %s: codes "
		    "are the same in any case)", what, pm_q(code), first->line,
		    first->col, pm_q(first->orig));
	default:
		return nomem();
	}
}

/* The department codes, for "unknown department" messages. */
static const char *
known_departments(struct ctx *c)
{
	static char buf[400];
	size_t n = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < c->e->ndepartments && n < sizeof buf; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s",
		    i ? ", " : "", c->e->departments[i].code);
	return c->e->ndepartments ? buf : "none";
}

static int
department_ref(struct ctx *c, const yaml_node_t *v, const char *whose,
    const char *who, const char *dept)
{
	if (seen_find(&c->depts, dept) != NULL)
		return 0;
	return at(c, v, "%s %s: unknown department %s (known: %s)", whose,
	    pm_q(who), show(v), known_departments(c));
}

/*
 * "08:30-12:00,13:30-17:30" from the spans of 'cal', the form
 * pm_calendar_set_hours() reads.
 */
static int
hours_text(struct ctx *c, const struct pm_calendar *cal)
{
	char buf[PM_CAL_MAX_SPANS * 24], *p = buf;
	int i, j, t;

	buf[0] = '\0';
	for (i = 0; i < cal->nspans; i++) {
		for (j = 0; j < 2; j++) {
			t = j ? cal->span_end[i] : cal->span_start[i];
			p += sprintf(p, "%s%02d:%02d", j ? "-" : i ? "," : "",
			    t / 3600, t / 60 % 60);
		}
	}
	if ((c->e->working_hours = mem_strdup(c->e->mem, buf)) == NULL)
		return nomem();
	return 0;
}

/*
 * working_hours: "08:30-12:00,13:30-17:30", or a list of spans, into
 * c->hours (which starts as pm_calendar_init()'s default).
 */
static int
working_hours(struct ctx *c, const yaml_node_t *v)
{
	yaml_node_item_t *it;
	char *spec = NULL, *ns;
	size_t len = 0;
	int i, n = 0, rc = 0;

	if (v == NULL)
		return hours_text(c, &c->hours);
	if (v->type == YAML_SCALAR_NODE) {
		if ((spec = strdup(sval(v))) == NULL)
			return nomem();
	} else if ((rc = items(c, v, "working_hours", &it, &n)) != 0)
		return rc;
	else if (n == 0)
		return at(c, v, "working_hours: empty list");
	/* A list of spans is the same text joined with commas. */
	for (i = 0; v->type == YAML_SEQUENCE_NODE && i < n; i++) {
		yaml_node_t *s = node(c, it[i]);

		if (s->type != YAML_SCALAR_NODE) {
			rc = wrong_type(c, s, "working_hours",
			    N_("a span like 08:30-12:00"));
			break;
		}
		if ((ns = realloc(spec, len + s->data.scalar.length + 2)) ==
		    NULL) {
			rc = nomem();
			break;
		}
		spec = ns;
		len += (size_t)sprintf(spec + len, "%s%s", i ? "," : "",
		    sval(s));
	}
	if (rc == 0 && pm_calendar_set_hours(&c->hours, spec) != 0)
		rc = again(c, v);
	if (rc == 0)
		rc = hours_text(c, &c->hours);
	free(spec);
	return rc;
}

/* Check a time zone by setting it, then put the clock's zone back. */
static int
timezone_check(struct ctx *c, const yaml_node_t *v, const char *zone)
{
	char *old;
	int rc;

	if ((old = strdup(pm_clock_zone())) == NULL)
		return nomem();
	rc = pm_clock_set_zone(zone);
	pm_clock_set_zone(old);
	free(old);
	if (rc != 0)
		return again(c, v);
	return 0;
}

static int
day_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pm_estate_day *)a)->date,
	    ((const struct pm_estate_day *)b)->date);
}

/*
 * The calendar's day names (the third column), which struct pm_calendar
 * does not keep.  The file has just passed pm_calendar_load(), so a line
 * is DATE<TAB>KIND[<TAB>NAME...]; a name we cannot find stays NULL.
 */
static int
day_names(struct ctx *c, const char *path)
{
	struct pm_estate_day key, *d;
	char *line = NULL, *name, *end;
	size_t cap = 0;
	FILE *fp;
	int rc = 0;

	if (c->e->ndays == 0 || (fp = fopen(path, "r")) == NULL)
		return 0;
	while (getline(&line, &cap, fp) > 0) {
		if (line[0] == '#' || strlen(line) < PM_DATE_LEN ||
		    line[PM_DATE_LEN - 1] != '\t')
			continue;
		memcpy(key.date, line, PM_DATE_LEN - 1);
		key.date[PM_DATE_LEN - 1] = '\0';
		if ((name = strchr(line + PM_DATE_LEN, '\t')) == NULL)
			continue;
		name++;
		end = name + strcspn(name, "\t\r\n");
		d = bsearch(&key, c->e->days, (size_t)c->e->ndays, sizeof *d,
		    day_cmp);
		if (d == NULL || end == name || d->name != NULL)
			continue;
		if ((d->name = mem_strndup(c->e->mem, name,
		    (size_t)(end - name))) == NULL) {
			rc = nomem();
			break;
		}
	}
	free(line);
	fclose(fp);
	return rc;
}

/* Read the calendar file, relative to the estate file's directory. */
static int
calendar(struct ctx *c, const yaml_node_t *v)
{
	struct pm_calendar cal;
	const char *slash = strrchr(c->file, '/');
	char *path;
	int i, rc;

	if (c->e->calendar[0] == '/' || slash == NULL)
		path = strdup(c->e->calendar);
	else if (asprintf(&path, "%.*s/%s", (int)(slash - c->file), c->file,
	    c->e->calendar) < 0)
		path = NULL;
	if (path == NULL)
		return nomem();
	pm_calendar_init(&cal);
	if ((rc = pm_calendar_load(&cal, path)) != 0) {
		/* Errors inside the file carry its own place already. */
		if (rc != PM_EX_CONFIG)
			rc = at_code(c, rc, v, "%s", pm_err_msg());
		goto out;
	}
	if (cal.ndays > 0 &&
	    (c->e->days = calloc((size_t)cal.ndays, sizeof *c->e->days)) ==
	    NULL) {
		rc = nomem();
		goto out;
	}
	for (i = 0; i < cal.ndays; i++) {
		memcpy(c->e->days[i].date, cal.days[i].date, PM_DATE_LEN);
		c->e->days[i].working = cal.days[i].working;
	}
	c->e->ndays = cal.ndays;
	if (c->e->ndays > 1)
		qsort(c->e->days, (size_t)c->e->ndays, sizeof *c->e->days,
		    day_cmp);
	rc = day_names(c, path);
out:
	pm_calendar_release(&cal);
	free(path);
	return rc;
}

/*
 * The group that is to share the database must exist here and now: a
 * misspelt name found at load time stops the apply before the database
 * is touched, instead of after its data was written.
 */
static int
group_check(struct ctx *c, const yaml_node_t *v, const char *group)
{
	if (getgrnam(group) == NULL)
		return at(c, v, "group %s: no such group", show(v));
	return 0;
}

/*
 * The language of messages and headings when the environment names none
 * (cron runs with no LANG), as i18n.h reads it, stored in the one form
 * the tools read back.
 */
static int
language(struct ctx *c, const yaml_node_t *v)
{
	enum pm_lang lang;

	if (c->e->language == NULL)
		return 0;
	if (pm_i18n_parse(c->e->language, &lang) != 0)
		return at(c, v, "language %s: not a language pm speaks (use "
		    "zh_CN or en)", show(v));
	c->e->language = lang == PM_LANG_ZH ? "zh_CN" : "en";
	return 0;
}

static int
estate(struct ctx *c, const yaml_node_t *root, const yaml_node_t *n)
{
	yaml_node_t *v[7];
	int rc;

	if (n == NULL)
		return at(c, root, "missing 'estate' section (with name, "
		    "timezone, calendar, working_hours)");
	if ((rc = fields(c, n, "estate", estate_keys, v)) != 0 ||
	    (rc = text(c, n, v[0], "estate", "name", 1, &c->e->name)) != 0 ||
	    (rc = text(c, n, v[1], "estate", "timezone", 0,
	    &c->e->timezone)) != 0 ||
	    (rc = text(c, n, v[2], "estate", "calendar", 0,
	    &c->e->calendar)) != 0 ||
	    (rc = working_hours(c, v[3])) != 0 ||
	    (rc = text(c, n, v[4], "estate", "group", 0, &c->e->group)) != 0 ||
	    (c->e->group != NULL &&
	    (rc = group_check(c, v[4], c->e->group)) != 0) ||
	    (rc = text(c, n, v[5], "estate", "language", 0,
	    &c->e->language)) != 0 ||
	    (rc = language(c, v[5])) != 0)
		return rc;
	if (c->e->timezone == NULL)
		c->e->timezone = "Asia/Shanghai";
	else if ((rc = timezone_check(c, v[1], c->e->timezone)) != 0)
		return rc;
	if (c->e->calendar == NULL)
		c->e->calendar_read = 1;
	else if (!(c->flags & PM_ESTATE_NO_CALENDAR)) {
		if ((rc = calendar(c, v[2])) != 0)
			return rc;
		c->e->calendar_read = 1;
	}
	return 0;
}

static int
departments(struct ctx *c, const yaml_node_t *list)
{
	struct pm_estate_department *d;
	yaml_node_item_t *it;
	yaml_node_t *v[2], *n;
	int i, count, rc;

	if ((rc = items(c, list, "departments", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = node(c, it[i]);
		if ((d = grow(c->e->departments, &c->cap_depts,
		    c->e->ndepartments, sizeof *d)) == NULL)
			return nomem();
		c->e->departments = d;
		d += c->e->ndepartments;
		if ((rc = fields(c, n, "department", dept_keys, v)) != 0 ||
		    (rc = code(c, n, v[0], "department", "code", 1,
		    &d->code)) != 0 ||
		    (rc = text(c, n, v[1], "department", "name", 1,
		    &d->name)) != 0 ||
		    (rc = unique(c, &c->depts, v[0], "department",
		    d->code)) != 0)
			return rc;
		c->e->ndepartments++;
	}
	return 0;
}

static int
phone(struct ctx *c, const yaml_node_t *v, const char *s)
{
	size_t n = strlen(s);

	if (n < 3 || n > 20 || strspn(s, "0123456789+-") != n)
		return at(c, v, "phone %s: not a phone number (3 to 20 "
		    "digits, '+' and '-')", show(v));
	return 0;
}

/*
 * The Unix account a staff member logs in with: it must exist here and
 * now, like the group, so a misspelt account stops the apply instead of
 * binding nobody; and it is one person's, so it is bound to one staff
 * member only.
 */
static int
unix_account(struct ctx *c, const yaml_node_t *v, const char *account)
{
	int rc;

	if (getpwnam(account) == NULL)
		return at(c, v, "unix account %s: no such user", show(v));
	if ((rc = unique(c, &c->unix_users, v, "unix account", account)) != 0)
		return rc;
	return 0;
}

static int
staff(struct ctx *c, const yaml_node_t *list)
{
	struct pm_estate_staff *s;
	yaml_node_item_t *it;
	yaml_node_t *v[6], *n;
	int i, count, rc;

	if ((rc = items(c, list, "staff", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = node(c, it[i]);
		if ((s = grow(c->e->staff, &c->cap_staff, c->e->nstaff,
		    sizeof *s)) == NULL)
			return nomem();
		c->e->staff = s;
		s += c->e->nstaff;
		if ((rc = fields(c, n, "staff", staff_keys, v)) != 0 ||
		    (rc = code(c, n, v[0], "staff", "login", 1,
		    &s->login)) != 0 ||
		    (rc = unique(c, &c->staff, v[0], "staff login",
		    s->login)) != 0 ||
		    (rc = text(c, n, v[1], "staff", "name", 1, &s->name)) != 0 ||
		    (rc = text(c, n, v[2], "staff", "department", 1,
		    &s->department)) != 0 ||
		    (rc = department_ref(c, v[2], "staff", s->login,
		    s->department)) != 0 ||
		    (rc = word(c, n, v[3], "staff", "role", 1, roles,
		    &pm_v_role, &s->role)) != 0 ||
		    (rc = text(c, n, v[4], "staff", "phone", 0,
		    &s->phone)) != 0 ||
		    (s->phone != NULL && (rc = phone(c, v[4], s->phone)) != 0) ||
		    (rc = text(c, n, v[5], "staff", "unix", 0,
		    &s->unix_user)) != 0 ||
		    (s->unix_user != NULL &&
		    (rc = unix_account(c, v[5], s->unix_user)) != 0))
			return rc;
		c->e->nstaff++;
	}
	return 0;
}

/* Which list a place goes to. */
enum place_list {
	UNITS,
	PUBLIC_AREAS,
	COMMON_PARTS
};

/* Append one unit, public area or common part and check its code is new. */
static int
add_unit(struct ctx *c, const yaml_node_t *n, const char *kind,
    const struct pm_estate_unit *u, enum place_list list)
{
	struct pm_estate_unit **arr;
	int *count, *cap, rc;

	if (c->e->nunits + c->e->npublic_areas + c->e->ncommon_parts >=
	    PM_ESTATE_MAX_UNITS)
		return at(c, n, "more than %d units, public areas and common "
		    "parts", PM_ESTATE_MAX_UNITS);
	if ((rc = unique_code(c, &c->codes, n, kind, u->code)) != 0)
		return rc;
	switch (list) {
	case UNITS:
		arr = &c->e->units;
		count = &c->e->nunits;
		cap = &c->cap_units;
		break;
	case PUBLIC_AREAS:
		arr = &c->e->public_areas;
		count = &c->e->npublic_areas;
		cap = &c->cap_public;
		break;
	default:
		arr = &c->e->common_parts;
		count = &c->e->ncommon_parts;
		cap = &c->cap_common;
		break;
	}
	if ((*arr = grow(*arr, cap, *count, sizeof **arr)) == NULL)
		return nomem();
	(*arr)[(*count)++] = *u;
	return 0;
}

/* The unit at entrance e, floor f, position p of a range group. */
static int
group_unit(struct ctx *c, const yaml_node_t *n, struct pm_estate_unit *u,
    int e, int f, int p)
{
	char buf[MAX_CODE + 32];

	snprintf(buf, sizeof buf, "%s-%d-%d", u->building, e, f * 100 + p);
	if ((u->code = mem_strdup(c->e->mem, buf)) == NULL)
		return nomem();
	u->entrance = e;
	u->floor = f;
	return add_unit(c, n, "unit code", u, UNITS);
}

/*
 * One range group: every entrance × floor × position, each unit coded
 * BUILDING-ENTRANCE-ROOM with ROOM = floor * 100 + position.
 */
static int
unit_group(struct ctx *c, const char *building, const yaml_node_t *n,
    char *entrances)
{
	char ent[PM_ESTATE_MAX_ENTRANCE + 1], fl[PM_ESTATE_MAX_FLOOR + 1];
	char pos[PM_ESTATE_MAX_POSITION + 1];
	struct pm_estate_unit u;
	yaml_node_t *v[5];
	int ne, nf, np, e, f, p, rc;

	memset(&u, 0, sizeof u);
	u.building = building;
	if ((rc = fields(c, n, "units group", group_keys, v)) != 0 ||
	    (rc = range(c, n, v[0], "units group", "entrances",
	    PM_ESTATE_MAX_ENTRANCE, ent, &ne)) != 0 ||
	    (rc = range(c, n, v[1], "units group", "floors",
	    PM_ESTATE_MAX_FLOOR, fl, &nf)) != 0 ||
	    (rc = range(c, n, v[2], "units group", "rooms",
	    PM_ESTATE_MAX_POSITION, pos, &np)) != 0 ||
	    (rc = area(c, n, v[3], "units group", 1, &u.area)) != 0 ||
	    (rc = word(c, n, v[4], "units group", "condition", 0,
	    conditions, &pm_v_condition, &u.condition)) != 0)
		return rc;
	/* Say so before expanding a slip such as 99 × 199 × 99. */
	if ((int64_t)ne * nf * np > PM_ESTATE_MAX_UNITS)
		return at(c, n, "units group: %d units, more than %d", ne * nf *
		    np, PM_ESTATE_MAX_UNITS);
	for (e = 1; e <= PM_ESTATE_MAX_ENTRANCE; e++) {
		if (!ent[e])
			continue;
		entrances[e] = 1;
		for (f = 1; f <= PM_ESTATE_MAX_FLOOR; f++) {
			if (!fl[f])
				continue;
			for (p = 1; p <= PM_ESTATE_MAX_POSITION; p++) {
				if (!pos[p])
					continue;
				if ((rc = group_unit(c, n, &u, e, f, p)) != 0)
					return rc;
			}
		}
	}
	return 0;
}

/*
 * The entrance and floor of an odd unit's code when it has the usual
 * shape BUILDING-ENTRANCE-ROOM with numbers; else they stay 0.
 */
static void
guess_place(struct pm_estate_unit *u, size_t prefix)
{
	const char *s = u->code + prefix;
	int e, r;

	if ((e = small_number(&s)) < 1 || *s++ != '-' ||
	    (r = small_number(&s)) < 100 || *s != '\0' ||
	    e > PM_ESTATE_MAX_ENTRANCE || r / 100 > PM_ESTATE_MAX_FLOOR)
		return;
	u->entrance = e;
	u->floor = r / 100;
}

static int
extra_unit(struct ctx *c, const char *building, const yaml_node_t *n,
    char *entrances)
{
	struct pm_estate_unit u;
	yaml_node_t *v[5];
	char prefix[MAX_CODE + 2];
	size_t blen = strlen(building);
	int rc;

	memset(&u, 0, sizeof u);
	u.building = building;
	snprintf(prefix, sizeof prefix, "%s-", building);
	if ((rc = fields(c, n, "extra unit", extra_keys, v)) != 0 ||
	    (rc = code(c, n, v[0], "extra unit", "code", 1, &u.code)) != 0)
		return rc;
	if (strncmp(u.code, building, blen) != 0 || u.code[blen] != '-' ||
	    u.code[blen + 1] == '\0')
		return at(c, v[0], "extra unit %s: code must start with "
		    "%s, its building's code", show(v[0]), pm_q(prefix));
	guess_place(&u, blen + 1);
	if ((rc = area(c, n, v[1], "extra unit", 1, &u.area)) != 0 ||
	    (rc = word(c, n, v[2], "extra unit", "condition", 0,
	    conditions, &pm_v_condition, &u.condition)) != 0 ||
	    (v[3] != NULL && (rc = number(c, v[3], "entrance",
	    PM_ESTATE_MAX_ENTRANCE, &u.entrance)) != 0) ||
	    (v[4] != NULL && (rc = number(c, v[4], "floor",
	    PM_ESTATE_MAX_FLOOR, &u.floor)) != 0))
		return rc;
	entrances[u.entrance] = 1;
	return add_unit(c, v[0], "unit code", &u, UNITS);
}

/*
 * One common part of a building (pm-estate(5)): per entrance, one place
 * BUILDING-ENTRANCE-CODE named 3号楼1单元电梯 for each of 'entrances' (the
 * entrances the building's units are at) or of those it names; per
 * building, one place BUILDING-CODE named 3号楼屋面.  A part's code
 * starts with a letter, so 3-1-LIFT can never be taken for a room.
 */
static int
common_part(struct ctx *c, const struct pm_estate_building *b,
    const yaml_node_t *n, const char *entrances)
{
	char ent[PM_ESTATE_MAX_ENTRANCE + 1];
	const char *part, *name, *per;
	struct pm_estate_unit u;
	yaml_node_t *v[6];
	int e, count, rc;

	memset(&u, 0, sizeof u);
	u.building = b->code;
	if ((rc = fields(c, n, "common part", part_keys, v)) != 0 ||
	    (rc = code(c, n, v[0], "common part", "code", 1, &part)) != 0 ||
	    (rc = text(c, n, v[1], "common part", "name", 1, &name)) != 0 ||
	    (rc = word(c, n, v[2], "common part", "per", 0, pers, NULL,
	    &per)) != 0 ||
	    (rc = area(c, n, v[4], "common part", 0, &u.area)) != 0 ||
	    (rc = word(c, n, v[5], "common part", "condition", 0,
	    conditions, &pm_v_condition, &u.condition)) != 0)
		return rc;
	if (!((*part >= 'A' && *part <= 'Z') || (*part >= 'a' && *part <= 'z')))
		return at(c, v[0], "common part %s: code must start with a "
		    "letter, so that it is not taken for a room number",
		    show(v[0]));
	if (per != NULL && strcmp(per, "building") == 0) {
		if (v[3] != NULL)
			return at(c, v[3], "common part %s: entrances are for a "
			    "part per entrance, not per building", pm_q(part));
		if ((u.code = mem_printf(c->e->mem, "%s-%s", b->code,
		    part)) == NULL ||
		    (u.name = mem_printf(c->e->mem, "%s%s", b->name,
		    name)) == NULL)
			return nomem();
		if (strlen(u.code) > MAX_CODE)
			return at(c, v[0], "common part code %s: longer than "
			    "%d characters", pm_q(u.code), MAX_CODE);
		return add_unit(c, v[0], "common part code", &u,
		    COMMON_PARTS);
	}
	if (v[3] != NULL) {
		if ((rc = range(c, n, v[3], "common part", "entrances",
		    PM_ESTATE_MAX_ENTRANCE, ent, &count)) != 0)
			return rc;
	} else {
		memcpy(ent, entrances, sizeof ent);
		for (e = 1, count = 0; e <= PM_ESTATE_MAX_ENTRANCE; e++)
			count += ent[e];
		if (count == 0)
			return at(c, v[0], "common part %s: building %s has no "
			    "units at any entrance (give the part's entrances, "
			    "or per: building)", pm_q(part), pm_q(b->code));
	}
	for (e = 1; e <= PM_ESTATE_MAX_ENTRANCE; e++) {
		if (!ent[e])
			continue;
		/*
		 * 3号楼 + 1 + 单元 + 电梯, as people say it here; a part named
		 * 单元门厅 is 3号楼1单元门厅, not 3号楼1单元单元门厅.
		 */
		if ((u.code = mem_printf(c->e->mem, "%s-%d-%s", b->code, e,
		    part)) == NULL ||
		    (u.name = mem_printf(c->e->mem, "%s%d单元%s", b->name, e,
		    strncmp(name, "单元", strlen("单元")) == 0 &&
		    name[strlen("单元")] != '\0' ? name + strlen("单元") :
		    name)) == NULL)
			return nomem();
		if (strlen(u.code) > MAX_CODE)
			return at(c, v[0], "common part code %s: longer than "
			    "%d characters", pm_q(u.code), MAX_CODE);
		u.entrance = e;
		if ((rc = add_unit(c, v[0], "common part code", &u,
		    COMMON_PARTS)) != 0)
			return rc;
	}
	return 0;
}

static int
building(struct ctx *c, const yaml_node_t *n)
{
	struct pm_estate_building *b;
	char entrances[PM_ESTATE_MAX_ENTRANCE + 1];
	yaml_node_item_t *it;
	yaml_node_t *v[5];
	int i, count, rc;

	if ((b = grow(c->e->buildings, &c->cap_buildings, c->e->nbuildings,
	    sizeof *b)) == NULL)
		return nomem();
	c->e->buildings = b;
	b += c->e->nbuildings;
	if ((rc = fields(c, n, "building", building_keys, v)) != 0 ||
	    (rc = code(c, n, v[0], "building", "code", 0, &b->code)) != 0 ||
	    (rc = unique_code(c, &c->buildings, v[0], "building",
	    b->code)) != 0 ||
	    (rc = text(c, n, v[1], "building", "name", 1, &b->name)) != 0)
		return rc;
	c->e->nbuildings++;
	/* Which entrances have units, for the common parts per entrance. */
	memset(entrances, 0, sizeof entrances);
	if ((rc = items(c, v[2], "units", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = unit_group(c, b->code, node(c, it[i]),
		    entrances)) != 0)
			return rc;
	if ((rc = items(c, v[3], "extra", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = extra_unit(c, b->code, node(c, it[i]),
		    entrances)) != 0)
			return rc;
	entrances[0] = 0;
	if ((rc = items(c, v[4], "common_parts", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = common_part(c, b, node(c, it[i]), entrances)) != 0)
			return rc;
	return 0;
}

static int
buildings(struct ctx *c, const yaml_node_t *list)
{
	yaml_node_item_t *it;
	int i, count, rc;

	if ((rc = items(c, list, "buildings", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++)
		if ((rc = building(c, node(c, it[i]))) != 0)
			return rc;
	return 0;
}

static int
public_areas(struct ctx *c, const yaml_node_t *list)
{
	struct pm_estate_unit u;
	yaml_node_item_t *it;
	yaml_node_t *v[4], *n;
	int i, count, rc;

	if ((rc = items(c, list, "public_areas", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = node(c, it[i]);
		memset(&u, 0, sizeof u);
		if ((rc = fields(c, n, "public area", public_keys, v)) != 0 ||
		    (rc = code(c, n, v[0], "public area", "code", 1,
		    &u.code)) != 0 ||
		    (rc = text(c, n, v[1], "public area", "name", 1,
		    &u.name)) != 0 ||
		    (rc = area(c, n, v[2], "public area", 0, &u.area)) != 0 ||
		    (rc = word(c, n, v[3], "public area", "condition", 0,
		    conditions, &pm_v_condition, &u.condition)) != 0 ||
		    (rc = add_unit(c, v[0], "public area code", &u,
		    PUBLIC_AREAS)) != 0)
			return rc;
	}
	return 0;
}

static int
categories(struct ctx *c, const yaml_node_t *list)
{
	struct pm_estate_category *k;
	yaml_node_item_t *it;
	yaml_node_t *v[6], *n;
	int i, count, rc;

	if ((rc = items(c, list, "categories", &it, &count)) != 0)
		return rc;
	for (i = 0; i < count; i++) {
		n = node(c, it[i]);
		if ((k = grow(c->e->categories, &c->cap_cats,
		    c->e->ncategories, sizeof *k)) == NULL)
			return nomem();
		c->e->categories = k;
		k += c->e->ncategories;
		if ((rc = fields(c, n, "category", cat_keys, v)) != 0 ||
		    (rc = code(c, n, v[0], "category", "code", 1,
		    &k->code)) != 0 ||
		    (rc = unique(c, &c->cats, v[0], "category",
		    k->code)) != 0 ||
		    (rc = text(c, n, v[1], "category", "name", 1,
		    &k->name)) != 0 ||
		    (rc = word(c, n, v[2], "category", "kind", 0, cat_kinds,
		    &pm_v_ticket_kind, &k->kind)) != 0 ||
		    (rc = boolean(c, v[3], "urgent", &k->urgent)) != 0 ||
		    (rc = boolean(c, v[4], "emergency", &k->emergency)) != 0 ||
		    (rc = text(c, n, v[5], "category", "department", 1,
		    &k->department)) != 0 ||
		    (rc = department_ref(c, v[5], "category", k->code,
		    k->department)) != 0)
			return rc;
		c->e->ncategories++;
	}
	return 0;
}

/*
 * How long service level 's' gives: "end-of-day" (same_day only) or a
 * duration on its clock, where a working day ("2d") is as long as this
 * estate's working hours make it.  'n' is where the text was.
 */
static int
sla_within(struct ctx *c, const yaml_node_t *n, struct pm_estate_sla *s,
    const char *within)
{
	enum pm_clock_kind kind = PM_CLOCK_CALENDAR;
	int64_t secs;

	if (strcmp(within, "end-of-day") == 0) {
		if (strcmp(s->name, "same_day") != 0)
			return at(c, n, "%s: 'end-of-day' is only for same_day",
			    s->name);
		s->seconds = 0;
		return 0;
	}
	if (strcmp(s->clock, "working") == 0)
		kind = PM_CLOCK_WORKING;
	if (pm_calendar_duration_parse(&c->hours, kind, within, &secs) != 0)
		return again(c, n);
	if (secs <= 0)
		return at(c, n, "%s: duration %s is not longer than zero",
		    s->name, pm_q(within));
	s->seconds = secs;
	return 0;
}

/* One service level: "5m", or {within: 5m, clock: working}. */
static int
sla_one(struct ctx *c, const yaml_node_t *n, struct pm_estate_sla *s)
{
	const yaml_node_t *within = n, *clk = NULL;
	yaml_node_t *v[2];
	const char *w;
	int rc;

	if (n->type != YAML_SCALAR_NODE) {
		if ((rc = fields(c, n, s->name, sla_keys, v)) != 0)
			return rc;
		if ((within = v[0]) == NULL)
			return at(c, n, "%s: missing 'within'", s->name);
		clk = v[1];
	}
	if ((rc = word(c, n, clk, s->name, "clock", 0, clocks, &pm_v_clock,
	    &w)) != 0)
		return rc;
	if (w != NULL)
		s->clock = w;
	if (within->type != YAML_SCALAR_NODE)
		return wrong_type(c, within, "within",
		    N_("a duration like 30m"));
	return sla_within(c, within, s, sval(within));
}

static int
sla(struct ctx *c, const yaml_node_t *n)
{
	const char *names[PM_ESTATE_NSLA + 1];
	yaml_node_t *v[PM_ESTATE_NSLA];
	struct pm_estate_sla *s;
	int i, rc;

	for (i = 0; i < PM_ESTATE_NSLA; i++)
		names[i] = sla_defaults[i].name;
	names[i] = NULL;
	if (n != NULL && (rc = fields(c, n, "sla", names, v)) != 0)
		return rc;
	for (i = 0; i < PM_ESTATE_NSLA; i++) {
		s = &c->e->sla[i];
		s->name = sla_defaults[i].name;
		s->clock = sla_defaults[i].clock;
		if (n != NULL && v[i] != NULL)
			rc = sla_one(c, v[i], s);
		else
			rc = sla_within(c, n, s, sla_defaults[i].within);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* "95%" or "99.5%" as basis points, or "none" for no target. */
static int
percent(struct ctx *c, const yaml_node_t *v, const char *kpi, int *out)
{
	char buf[16];
	size_t len;
	int64_t h;

	if (v->type != YAML_SCALAR_NODE)
		return wrong_type(c, v, kpi, N_("a percentage like 95%"));
	if (strcmp(sval(v), "none") == 0) {
		*out = -1;
		return 0;
	}
	len = v->data.scalar.length;
	if (len < 2 || len > sizeof buf || sval(v)[len - 1] != '%')
		goto bad;
	memcpy(buf, sval(v), len - 1);
	buf[len - 1] = '\0';
	if (pm_hundredths_parse(buf, "target", &h) != 0 || h > 10000)
		goto bad;
	*out = (int)h;
	return 0;
bad:
	return at(c, v, "%s %s: not a percentage from 0%% to 100%% (like "
	    "95%% or 99.5%%) or none", kpi, show(v));
}

static int
kpi_targets(struct ctx *c, const yaml_node_t *n)
{
	const char *names[PM_ESTATE_NKPI + 1];
	yaml_node_t *v[PM_ESTATE_NKPI];
	int i, rc;

	for (i = 0; i < PM_ESTATE_NKPI; i++) {
		c->e->kpi[i] = kpi_defaults[i];
		names[i] = kpi_defaults[i].kpi;
	}
	names[i] = NULL;
	if (n == NULL)
		return 0;
	if ((rc = fields(c, n, "kpi_targets", names, v)) != 0)
		return rc;
	for (i = 0; i < PM_ESTATE_NKPI; i++)
		if (v[i] != NULL &&
		    (rc = percent(c, v[i], names[i], &c->e->kpi[i].target)) != 0)
			return rc;
	return 0;
}

/* The whole document, section by section in dependency order. */
static int
document(struct ctx *c)
{
	yaml_node_t *root = yaml_document_get_root_node(&c->doc);
	yaml_node_t *v[8];
	int rc;

	if (root == NULL)
		return pm_err(PM_EX_CONFIG, "%s:1:1: empty file (an estate "
		    "file starts with an 'estate' section)", c->file);
	if ((rc = fields(c, root, "estate file", top_keys, v)) != 0 ||
	    (rc = estate(c, root, v[0])) != 0 ||
	    (rc = departments(c, v[1])) != 0 ||
	    (rc = staff(c, v[2])) != 0 ||
	    (rc = buildings(c, v[3])) != 0 ||
	    (rc = public_areas(c, v[4])) != 0 ||
	    (rc = categories(c, v[5])) != 0 ||
	    (rc = sla(c, v[6])) != 0 ||
	    (rc = kpi_targets(c, v[7])) != 0)
		return rc;
	return 0;
}

/* Line and column (in characters) of byte 'off' of the input. */
static void
place(const char *buf, size_t len, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off && i < len; i++) {
		if (buf[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)buf[i] & 0xc0) != 0x80)
			(*col)++;
	}
}

/*
 * The character at 1-based line:col of the input (columns count
 * characters, as libyaml's marks do), as its bytes in 'out' (room for
 * 5); "" past the end.
 */
static void
char_at(const char *buf, size_t len, int line, int col, char *out)
{
	size_t i = 0, n;

	for (; line > 1 && i < len; i++)
		if (buf[i] == '\n')
			line--;
	for (; col > 1 && i < len; col--)
		for (i++; i < len && ((unsigned char)buf[i] & 0xc0) == 0x80; i++)
			;
	for (n = 0; i + n < len && n < 4 && (n == 0 ||
	    ((unsigned char)buf[i + n] & 0xc0) == 0x80); n++)
		out[n] = buf[i + n];
	out[n] = '\0';
}

static int
is_problem(const yaml_parser_t *p, const char *problem, const char *context)
{
	return p->problem != NULL && strcmp(p->problem, problem) == 0 &&
	    (context == NULL ||
	    (p->context != NULL && strcmp(p->context, context) == 0));
}

/*
 * A YAML syntax error.  libyaml's words are for people who know its
 * grammar ("did not find expected key"); the usual slips behind them are
 * a line indented one space off, a missing space after ':', a tab, a
 * missing ',' or closing bracket, or an unclosed quote, so those are said
 * with a hint of what to look at.  Where libyaml notices the slip only
 * later (an unclosed quote at the end of the file, a key without ':' on
 * the next line), the place given is where it began.  Other problems
 * keep libyaml's words and its context.
 */
static int
yaml_error(struct ctx *c, const yaml_parser_t *p, const char *buf,
    size_t len)
{
	const char *f = c->file;
	char ch[5];
	int line, col, cl, cc;

	if (p->error == YAML_MEMORY_ERROR)
		return nomem();
	if (p->error == YAML_READER_ERROR) {
		place(buf, len, p->problem_offset, &line, &col);
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: %s", f, line, col,
		    p->problem ? p->problem : "cannot read the file");
	}
	line = (int)p->problem_mark.line + 1;
	col = (int)p->problem_mark.column + 1;
	cl = (int)p->context_mark.line + 1;
	cc = (int)p->context_mark.column + 1;
	if (is_problem(p, "mapping values are not allowed in this context",
	    NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: mapping values are not "
		    "allowed here (is the indentation right, or is a space "
		    "missing after a ':'?)", f, line, col);
	if (is_problem(p, "did not find expected key", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find the "
		    "expected key (is this line indented like the keys above "
		    "it?)", f, line, col);
	if (is_problem(p, "could not find expected ':'",
	    "while scanning a simple key"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: could not find the ':' "
		    "after this key (is the ':' missing?)", f, cl, cc);
	if (is_problem(p, "did not find expected '-' indicator", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find the "
		    "expected list item (is this line indented like the items "
		    "above it?)", f, line, col);
	if (is_problem(p, "block sequence entries are not allowed in this "
	    "context", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: a list item is not "
		    "allowed here (put each '- ' item on a line of its own, or "
		    "quote a value that starts with '- ')", f, line, col);
	if (is_problem(p, "found character that cannot start any token",
	    NULL)) {
		char_at(buf, len, line, col, ch);
		if (strcmp(ch, "\t") == 0)
			return pm_err(PM_EX_CONFIG, "%s:%d:%d: found a tab (YAML "
			    "indents with spaces only: replace the tab with "
			    "spaces)", f, line, col);
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: found %s, which cannot "
		    "start a value (put the value in quotes)", f, line, col,
		    pm_q(ch));
	}
	if (is_problem(p, "did not find expected ',' or '}'",
	    "while parsing a flow mapping"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find a ',' or "
		    "'}' (is a ',' missing between two entries, or the '}' "
		    "closing the '{' at %d:%d?)", f, line, col, cl, cc);
	if (is_problem(p, "did not find expected ',' or ']'",
	    "while parsing a flow sequence"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: did not find a ',' or "
		    "']' (is a ',' missing between two items, or the ']' "
		    "closing the '[' at %d:%d?)", f, line, col, cl, cc);
	if (is_problem(p, "found unexpected end of stream",
	    "while scanning a quoted scalar"))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: the quoted text that "
		    "starts here has no closing quote", f, cl, cc);
	if (is_problem(p, "found undefined alias", NULL))
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: found an alias (*name) "
		    "with no anchor (&name) before it", f, line, col);
	if (p->context != NULL)
		return pm_err(PM_EX_CONFIG, "%s:%d:%d: %s (%s at %d:%d)", f,
		    line, col, p->problem, p->context, cl, cc);
	return pm_err(PM_EX_CONFIG, "%s:%d:%d: %s", f, line, col,
	    p->problem ? p->problem : "YAML error");
}

/* Load the one document of the input; a second one is an error. */
static int
parse(struct ctx *c, const char *buf, size_t len)
{
	yaml_document_t next;
	yaml_parser_t p;
	yaml_node_t *root;
	int rc = 0;

	if (!yaml_parser_initialize(&p))
		return nomem();
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	if (!yaml_parser_load(&p, &c->doc)) {
		rc = yaml_error(c, &p, buf, len);
		memset(&c->doc, 0, sizeof c->doc);
	} else if (!yaml_parser_load(&p, &next)) {
		rc = yaml_error(c, &p, buf, len);
	} else {
		if ((root = yaml_document_get_root_node(&next)) != NULL)
			rc = at(c, root, "a second YAML document (an estate "
			    "file holds one)");
		yaml_document_delete(&next);
	}
	yaml_parser_delete(&p);
	return rc;
}

static void
seen_release(struct seenset *s)
{
	free(s->tab);
}

int
pm_estate_load_mem(const char *name, const char *buf, size_t len, int flags,
    struct pm_estate **out)
{
	struct ctx c;
	int rc;

	*out = NULL;
	memset(&c, 0, sizeof c);
	c.file = name;
	c.flags = flags;
	pm_calendar_init(&c.hours);
	if ((c.e = calloc(1, sizeof *c.e)) == NULL)
		return nomem();
	if ((c.e->mem = calloc(1, sizeof *c.e->mem)) == NULL ||
	    (c.e->file = mem_strdup(c.e->mem, name)) == NULL) {
		pm_estate_free(c.e);
		pm_calendar_release(&c.hours);
		return nomem();
	}
	if ((rc = parse(&c, buf, len)) == 0)
		rc = document(&c);
	yaml_document_delete(&c.doc);
	pm_calendar_release(&c.hours);
	seen_release(&c.depts);
	seen_release(&c.staff);
	seen_release(&c.buildings);
	seen_release(&c.codes);
	seen_release(&c.cats);
	seen_release(&c.unix_users);
	if (rc != 0) {
		pm_estate_free(c.e);
		return rc;
	}
	*out = c.e;
	return 0;
}

int
pm_estate_load(const char *path, struct pm_estate **out)
{
	char *buf = NULL, *nbuf;
	size_t len = 0, cap = 0, n;
	FILE *fp;
	int rc;

	*out = NULL;
	if ((fp = fopen(path, "rb")) == NULL)
		return pm_err(errno == ENOMEM ? PM_EX_SOFTWARE : PM_EX_NOINPUT,
		    "estate file %s: %s", pm_q(path), strerror(errno));
	for (;;) {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			if (cap > MAX_FILE_SIZE + 1) {
				rc = pm_err(PM_EX_CONFIG, "estate file %s: "
				    "larger than %ld bytes", pm_q(path),
				    MAX_FILE_SIZE);
				goto out;
			}
			if ((nbuf = realloc(buf, cap)) == NULL) {
				rc = nomem();
				goto out;
			}
			buf = nbuf;
		}
		n = fread(buf + len, 1, cap - len, fp);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(fp)) {
		rc = pm_err(PM_EX_IOERR, "estate file %s: %s", pm_q(path),
		    strerror(errno));
		goto out;
	}
	rc = pm_estate_load_mem(path, buf, len, 0, out);
out:
	free(buf);
	fclose(fp);
	return rc;
}

void
pm_estate_free(struct pm_estate *e)
{
	struct chunk *c, *next;

	if (e == NULL)
		return;
	if (e->mem != NULL) {
		for (c = e->mem->head; c != NULL; c = next) {
			next = c->next;
			free(c);
		}
		free(e->mem);
	}
	free(e->departments);
	free(e->staff);
	free(e->buildings);
	free(e->units);
	free(e->public_areas);
	free(e->common_parts);
	free(e->categories);
	free(e->days);
	free(e);
}
