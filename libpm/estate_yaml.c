/*
 * estate_yaml.c - reading an estate file: the arena its strings live in,
 * the sets that catch duplicates, and the checked readers of each kind of
 * value, each error placed at its FILE:LINE:COLUMN.  The core sections
 * (estate_parse.c) and each tool's own (estate_sections.c) read through
 * these, so every section says the same thing of the same mistake.
 */
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "estate_priv.h"
#include "i18n.h"
#include "money.h"
#include "text.h"

#define CHUNK_SIZE	65536
#define ALIGN		alignof(max_align_t)

int
est_nomem(void)
{
	return pm_err(PM_EX_SOFTWARE, "out of memory");
}

char *
est_mem_alloc(struct pm_estate_mem *m, size_t n)
{
	struct est_chunk *c = m->head;
	char *p;

	/* Aligned for any record a section keeps here, not only text. */
	n = (n + ALIGN - 1) / ALIGN * ALIGN;
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

char *
est_mem_strndup(struct pm_estate_mem *m, const char *s, size_t n)
{
	char *p;

	if ((p = est_mem_alloc(m, n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
est_mem_strdup(struct pm_estate_mem *m, const char *s)
{
	return est_mem_strndup(m, s, strlen(s));
}

/* A formatted string in the arena, or NULL when out of memory. */
char * PM_PRINTF(2, 3)
est_mem_printf(struct pm_estate_mem *m, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (p = est_mem_alloc(m, (size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* Room for element n of an array of *cap; returns NULL when out of memory. */
void *
est_grow(void *arr, int *cap, int n, size_t size)
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

struct est_seen *
est_seen_find(const struct est_seenset *set, const char *key)
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
int
est_seen_add(struct est_seenset *set, const char *key, int line, int col,
    struct est_seen **first)
{
	struct est_seen *tab;
	size_t i, j, cap;

	if ((*first = est_seen_find(set, key)) != NULL)
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

const char *
est_sval(const yaml_node_t *n)
{
	return (const char *)n->data.scalar.value;
}

/* A scalar's value quoted for a message (see pm_q()). */
const char *
est_show(const yaml_node_t *n)
{
	return pm_q(est_sval(n));
}

int
est_line(const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

int
est_col(const yaml_node_t *n)
{
	return (int)n->start_mark.column + 1;
}

yaml_node_t *
est_node(struct est *c, int index)
{
	return yaml_document_get_node(&c->doc, index);
}

/*
 * Record "FILE:LINE:COLUMN: message" for node 'n' with status 'code'.
 * The message is looked up in the catalogue here, by its own format:
 * pm_err() only sees the "%s:%d:%d: %s" around it.
 */
int PM_PRINTF(4, 5)
est_at_code(struct est *c, int code, const yaml_node_t *n, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, pm_gettext(fmt), ap);
	va_end(ap);
	return pm_err(code, "%s:%d:%d: %s", c->file, est_line(n), est_col(n),
	    msg);
}


/* Put node n's place before the message a libpm parser recorded. */
int
est_again(struct est *c, const yaml_node_t *n)
{
	return est_at(c, n, "%s", pm_err_msg());
}

/* "a, b, c" from a NULL-terminated list, for messages. */
const char *
est_joined(const char *const *list)
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

int
est_wrong_type(struct est *c, const yaml_node_t *n, const char *what,
    const char *want)
{
	want = _(want);
	if (n->type == YAML_MAPPING_NODE)
		return est_at(c, n, "%s: expected %s, found a mapping", what, want);
	if (n->type == YAML_SEQUENCE_NODE)
		return est_at(c, n, "%s: expected %s, found a list", what, want);
	return est_at(c, n, "%s: expected %s, found %s", what, want, est_show(n));
}

/* Whether 'n' is a YAML null: an empty plain value, ~ or null. */
int
est_is_null(const yaml_node_t *n)
{
	const char *s;

	if (n == NULL)
		return 1;
	if (n->type != YAML_SCALAR_NODE ||
	    n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return 0;
	s = est_sval(n);
	return *s == '\0' || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0;
}

/*
 * Check that 'n' is a mapping whose keys are all in 'keys', each at most
 * once, and set vals[i] to the value of keys[i] (NULL when absent or
 * null).  'what' names the mapping in messages.
 */
int
est_fields(struct est *c, const yaml_node_t *n, const char *what,
    const char *const *keys, yaml_node_t **vals)
{
	yaml_node_t *seen[EST_MAX_KEYS];
	yaml_node_pair_t *p;
	int i;

	for (i = 0; keys[i] != NULL; i++) {
		if (i == EST_MAX_KEYS)
			return pm_err(PM_EX_SOFTWARE, "%s: more than %d keys "
			    "(raise EST_MAX_KEYS)", what, EST_MAX_KEYS);
		vals[i] = seen[i] = NULL;
	}
	if (n->type != YAML_MAPPING_NODE)
		return est_wrong_type(c, n, what, N_("a mapping"));
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		yaml_node_t *k = est_node(c, p->key), *v = est_node(c, p->value);

		if (k->type == YAML_MAPPING_NODE)
			return est_at(c, k, "%s: a key must be a name, not a mapping",
			    what);
		if (k->type != YAML_SCALAR_NODE)
			return est_at(c, k, "%s: a key must be a name, not a list",
			    what);
		for (i = 0; keys[i] != NULL; i++)
			if (strcmp(keys[i], est_sval(k)) == 0)
				break;
		if (keys[i] == NULL)
			return est_at(c, k, "%s: unknown key %s (allowed: %s)",
			    what, est_show(k), est_joined(keys));
		if (seen[i] != NULL)
			return est_at(c, k, "%s: key '%s' given twice (first at "
			    "%d:%d)", what, keys[i], est_line(seen[i]),
			    est_col(seen[i]));
		/* Numbers and words are read as C strings: no NUL inside. */
		if (v->type == YAML_SCALAR_NODE &&
		    strlen(est_sval(v)) != v->data.scalar.length)
			return est_at(c, v, "%s: NUL character in '%s'", what,
			    keys[i]);
		seen[i] = k;
		vals[i] = est_is_null(v) ? NULL : v;
	}
	return 0;
}

/* The items of list 'n' (NULL or null: none), or a type error. */
int
est_items(struct est *c, const yaml_node_t *n, const char *what,
    yaml_node_item_t **start, int *count)
{
	*start = NULL;
	*count = 0;
	if (n == NULL)
		return 0;
	if (n->type != YAML_SEQUENCE_NODE)
		return est_wrong_type(c, n, what, N_("a list"));
	*start = n->data.sequence.items.start;
	*count = (int)(n->data.sequence.items.top - *start);
	return 0;
}

/*
 * A text value into *out (arena copy): a scalar without control
 * characters, not empty.  An absent value is an error when 'required'
 * (reported at 'map', the record), else *out is NULL.
 */
int
est_text(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required, const char **out)
{
	size_t i;

	*out = NULL;
	if (v == NULL) {
		if (required)
			return est_at(c, map, "%s: missing '%s'", what, key);
		return 0;
	}
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("text"));
	if (v->data.scalar.length == 0)
		return est_at(c, v, "%s: '%s' is empty", what, key);
	for (i = 0; i < v->data.scalar.length; i++) {
		unsigned char ch = v->data.scalar.value[i];

		if (ch < 0x20 || ch == 0x7f)
			return est_at(c, v, "%s %s: control character in text",
			    key, est_show(v));
	}
	if ((*out = est_mem_strndup(c->e->mem, est_sval(v), v->data.scalar.length)) ==
	    NULL)
		return est_nomem();
	return 0;
}

/* A code or login: letters, digits, '.', '_' and (if 'dash') '-'. */
int
est_code(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int dash, const char **out)
{
	const char *s;
	int rc;

	if ((rc = est_text(c, map, v, what, key, 1, out)) != 0)
		return rc;
	if (strlen(*out) > EST_MAX_CODE)
		return est_at(c, v, "%s %s: longer than %d characters", key,
		    est_show(v), EST_MAX_CODE);
	for (s = *out; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		    (*s == '-' && dash)))
			return dash ? est_at(c, v, "%s %s: use only letters, "
			    "digits, '.', '_' and '-'", key, est_show(v)) :
			    est_at(c, v, "%s %s: use only letters, digits, '.' and "
			    "'_'", key, est_show(v));
	return 0;
}

/* A value from a fixed list of words, or NULL when absent and optional. */
int
est_word(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required,
    const char *const *words, const struct pm_vocab *vocab,
    const char **out)
{
	const char *id;
	int i, rc;

	if ((rc = est_text(c, map, v, what, key, required, out)) != 0 ||
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
	return est_at(c, v, "%s %s: not one of %s", key, est_show(v),
	    est_joined(words));
}

int
est_boolean(struct est *c, const yaml_node_t *v, const char *key, int *out)
{
	const char *s;

	*out = 0;
	if (v == NULL)
		return 0;
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("true or false"));
	s = est_sval(v);
	if (strcasecmp(s, "true") == 0 || strcasecmp(s, "yes") == 0)
		*out = 1;
	else if (strcasecmp(s, "false") != 0 && strcasecmp(s, "no") != 0)
		return est_at(c, v, "%s %s: not true or false", key, est_show(v));
	return 0;
}

/* An area in m² ("89.50") as hundredths; absent is 0 unless required. */
int
est_area(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, int required, int64_t *out)
{
	*out = 0;
	if (v == NULL) {
		if (required)
			return est_at(c, map, "%s: missing 'area'", what);
		return 0;
	}
	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, "area", N_("a number of m²"));
	if (pm_hundredths_parse(est_sval(v), "area", out) != 0)
		return est_again(c, v);
	return 0;
}

/* A decimal number of at most four digits, or -1. */
int
est_small_number(const char **sp)
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
range_item(struct est *c, const yaml_node_t *v, const char *key, int max,
    char *on, int *count)
{
	const char *s;
	int a, b, i;

	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key,
		    N_("a number or a range like 1-18"));
	s = est_sval(v);
	if ((a = est_small_number(&s)) < 0)
		goto bad;
	b = a;
	if (*s == '-') {
		s++;
		if ((b = est_small_number(&s)) < 0)
			goto bad;
	}
	if (*s != '\0')
		goto bad;
	if (b < a)
		return est_at(c, v, "%s %s: range runs backwards", key, est_show(v));
	if (a < 1 || b > max)
		return est_at(c, v, "%s %s: out of range (1-%d)", key, est_show(v),
		    max);
	for (i = a; i <= b; i++) {
		if (on[i])
			return est_at(c, v, "%s %s: %d given twice", key, est_show(v),
			    i);
		on[i] = 1;
		(*count)++;
	}
	return 0;
bad:
	return est_at(c, v, "%s %s: not a number or a range like 1-18", key,
	    est_show(v));
}

/*
 * A range value: "1-18", "5", or a list of those.  Sets on[i] for each
 * number i in it and *count to how many there are.
 */
int
est_range(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int max, char *on, int *count)
{
	yaml_node_item_t *it;
	int i, n, rc;

	memset(on, 0, (size_t)max + 1);
	*count = 0;
	if (v == NULL)
		return est_at(c, map, "%s: missing '%s'", what, key);
	if (v->type != YAML_SEQUENCE_NODE)
		return range_item(c, v, key, max, on, count);
	if ((rc = est_items(c, v, key, &it, &n)) != 0)
		return rc;
	if (n == 0)
		return est_at(c, v, "%s: '%s' is an empty list", what, key);
	for (i = 0; i < n; i++)
		if ((rc = range_item(c, est_node(c, it[i]), key, max, on,
		    count)) != 0)
			return rc;
	return 0;
}

/* A number 1..max from a scalar, for an extra unit's entrance or floor. */
int
est_number(struct est *c, const yaml_node_t *v, const char *key, int max,
    int *out)
{
	const char *s;

	if (v->type != YAML_SCALAR_NODE)
		return est_wrong_type(c, v, key, N_("a number"));
	s = est_sval(v);
	if ((*out = est_small_number(&s)) < 1 || *s != '\0' || *out > max)
		return est_at(c, v, "%s %s: not a number from 1 to %d", key,
		    est_show(v), max);
	return 0;
}

/* Record 'key' in 'set', or report a duplicate at 'n'. */
int
est_unique(struct est *c, struct est_seenset *set, const yaml_node_t *n,
    const char *what, const char *key)
{
	struct est_seen *first;

	switch (est_seen_add(set, key, est_line(n), est_col(n), &first)) {
	case 0:
		return 0;
	case 1:
		return est_at(c, n, "duplicate %s %s (first at %d:%d)", what,
		    pm_q(key), first->line, first->col);
	default:
		return est_nomem();
	}
}

/*
 * Record a building, unit or public-area code in 'set', or report a
 * duplicate at 'n'.  These codes must differ in more than case: people
 * type "p-gate-n" for P-GATE-N and the tools find either (the database's
 * index on unit codes ignores case), so two codes that differ only in
 * case would be one code, and the database would refuse the second with
 * a worse message.  Codes are ASCII (see est_code()), so folding ASCII
 * letters is enough.
 */
int
est_unique_code(struct est *c, struct est_seenset *set, const yaml_node_t *n,
    const char *what, const char *code)
{
	struct est_seen *first;
	char *folded, *p;

	if ((folded = est_mem_strdup(c->e->mem, code)) == NULL)
		return est_nomem();
	for (p = folded; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	switch (est_seen_add(set, folded, est_line(n), est_col(n), &first)) {
	case 0:
		est_seen_find(set, folded)->orig = code;
		return 0;
	case 1:
		if (strcmp(first->orig, code) == 0)
			return est_at(c, n, "duplicate %s %s (first at %d:%d)",
			    what, pm_q(code), first->line, first->col);
		return est_at(c, n, "duplicate %s %s (first at %d:%d as %s: codes "
		    "are the same in any case)", what, pm_q(code), first->line,
		    first->col, pm_q(first->orig));
	default:
		return est_nomem();
	}
}

/* The department codes, for "unknown department" messages. */
static const char *
known_departments(struct est *c)
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

int
est_department_ref(struct est *c, const yaml_node_t *v, const char *whose,
    const char *who, const char *dept)
{
	if (est_seen_find(&c->depts, dept) != NULL)
		return 0;
	return est_at(c, v, "%s %s: unknown department %s (known: %s)", whose,
	    pm_q(who), est_show(v), known_departments(c));
}

void
est_seen_release(struct est_seenset *set)
{
	free(set->tab);
	set->tab = NULL;
	set->cap = set->n = 0;
}

int
est_staff_ref(struct est *c, const yaml_node_t *v, const char *whose,
    const char *who, const char *login)
{
	if (est_seen_find(&c->staff, login) != NULL)
		return 0;
	return est_at(c, v, "%s %s: unknown staff member %s", whose,
	    pm_q(who), est_show(v));
}

int
est_unit_ref(struct est *c, const yaml_node_t *v, const char *whose,
    const char *who, const char *code, const char **canon)
{
	char folded[EST_MAX_CODE + 1], *p;
	struct est_seen *s;

	if (strlen(code) <= EST_MAX_CODE) {
		/* The set holds the codes folded to lower case. */
		snprintf(folded, sizeof folded, "%s", code);
		for (p = folded; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		if ((s = est_seen_find(&c->codes, folded)) != NULL) {
			if (canon != NULL)
				*canon = s->orig;
			return 0;
		}
	}
	return est_at(c, v, "%s %s: unknown unit, public area or common part "
	    "%s", whose, pm_q(who), est_show(v));
}
