/*
 * estate_priv.h - what the estate file's readers and writers share inside
 * libpm: the reading context and the YAML helpers (estate_yaml.c), and
 * the hooks by which a tool's own sections of the file (facilities, fee
 * items, ...) are read, checked and applied from files of their own
 * (estate_sections.c lists them).  Tools never include this: they read
 * what apply stored.
 *
 * Every helper that fails records "FILE:LINE:COLUMN: message" (see
 * est_at()) and returns PM_EX_CONFIG, or PM_EX_SOFTWARE out of memory;
 * strings it hands back live in the estate's arena and are freed with
 * it.  A section reads its part of the file after the core sections
 * (departments, staff, buildings, units, public areas, categories, SLA,
 * KPI targets), so it may refer to any of them.
 */
#ifndef PM_ESTATE_PRIV_H
#define PM_ESTATE_PRIV_H

#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "clock.h"
#include "db.h"
#include "err.h"
#include "estate.h"
#include "vocab.h"

#define EST_MAX_CODE	64	/* the longest code or login */
#define EST_MAX_KEYS	32	/* keys of a mapping: est_fields() */

/* The arena: strings and records packed into chunks, freed at once. */
struct est_chunk {
	struct est_chunk *next;
	size_t used, cap;
	char data[];
};

struct pm_estate_mem {
	struct est_chunk *head;
};

/*
 * A set of names seen so far and where, to report a duplicate with the
 * place of the first one: open addressing, kept at most half full.
 */
struct est_seen {
	const char *key;
	const char *orig;	/* codes: the key as written, before folding */
	int line, col;
};

struct est_seenset {
	struct est_seen *tab;
	size_t cap, n;
};

/* Reading one estate file. */
struct est {
	const char *file;	/* for messages */
	int flags;
	yaml_document_t doc;
	struct pm_estate *e;
	/* The keys of the core sections, for references to them. */
	struct est_seenset depts, staff, buildings, codes, cats, unix_users;
	int cap_depts, cap_staff, cap_buildings, cap_units, cap_public,
	    cap_common, cap_cats;
	struct pm_calendar hours;	/* working hours, for SLA durations */
};

/*
 * The arena.  est_mem_alloc() returns room for 'n' bytes aligned for any
 * type, not zeroed; the others copy or format a string into it.  All
 * return NULL when out of memory.
 */
char *est_mem_alloc(struct pm_estate_mem *m, size_t n);
char *est_mem_strndup(struct pm_estate_mem *m, const char *s, size_t n);
char *est_mem_strdup(struct pm_estate_mem *m, const char *s);
char *est_mem_printf(struct pm_estate_mem *m, const char *fmt, ...)
    PM_PRINTF(2, 3);

/* PM_EX_SOFTWARE, "out of memory". */
int est_nomem(void);

/*
 * Room for element 'n' of the malloc'd array 'arr' of *cap elements of
 * 'size' bytes, doubling it when full; NULL when out of memory (then
 * 'arr' is still the caller's to free).
 */
void *est_grow(void *arr, int *cap, int n, size_t size);

/*
 * Add 'key' (which must outlive the set) seen at line:col: 0, 1 when it
 * was there already (*first says where), -1 out of memory.
 */
struct est_seen *est_seen_find(const struct est_seenset *set,
    const char *key);
int est_seen_add(struct est_seenset *set, const char *key, int line,
    int col, struct est_seen **first);
void est_seen_release(struct est_seenset *set);

/* Nodes: a scalar's text, quoted for a message, its place, by index. */
const char *est_sval(const yaml_node_t *n);
const char *est_show(const yaml_node_t *n);
int est_line(const yaml_node_t *n);
int est_col(const yaml_node_t *n);
yaml_node_t *est_node(struct est *c, int index);

/*
 * Record "FILE:LINE:COLUMN: message" at node 'n' with status 'code' (the
 * format is translated here: po-check.sh knows est_at and est_at_code).
 * est_again() puts n's place before the message a libpm parser recorded.
 */
int est_at_code(struct est *c, int code, const yaml_node_t *n,
    const char *fmt, ...) PM_PRINTF(4, 5);
#define est_at(c, n, ...) est_at_code((c), PM_EX_CONFIG, (n), __VA_ARGS__)
int est_again(struct est *c, const yaml_node_t *n);

/* "a, b, c" from a NULL-terminated list, for messages (static buffer). */
const char *est_joined(const char *const *list);

/* "WHAT: expected WANT (translated), found ..." at 'n'. */
int est_wrong_type(struct est *c, const yaml_node_t *n, const char *what,
    const char *want);

/* Whether 'n' is absent or a YAML null (empty, ~, null). */
int est_is_null(const yaml_node_t *n);

/*
 * 'n' is a mapping whose keys are all in the NULL-terminated 'keys' (at
 * most EST_MAX_KEYS), each once; vals[i] is the value of keys[i], NULL
 * when absent or null.  'what' names the mapping in messages.
 */
int est_fields(struct est *c, const yaml_node_t *n, const char *what,
    const char *const *keys, yaml_node_t **vals);

/* The items of list 'n' (NULL: none), or a type error. */
int est_items(struct est *c, const yaml_node_t *n, const char *what,
    yaml_node_item_t **start, int *count);

/*
 * Values of record 'map' (for "missing" messages): text without control
 * characters, not empty (NULL when absent and not 'required'); a code or
 * login (letters, digits, '.', '_' and, with 'dash', '-'; at most
 * EST_MAX_CODE); one of 'words' or, through 'vocab' (may be NULL), its
 * Chinese name; true/false (absent: false); an area in m² as hundredths
 * (absent: 0 unless required); a number 1..max.
 */
int est_text(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required, const char **out);
int est_code(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int dash, const char **out);
int est_word(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int required,
    const char *const *words, const struct pm_vocab *vocab,
    const char **out);
int est_boolean(struct est *c, const yaml_node_t *v, const char *key,
    int *out);
int est_area(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, int required, int64_t *out);
int est_number(struct est *c, const yaml_node_t *v, const char *key,
    int max, int *out);

/* A decimal number of 1 to 4 digits at *sp (then past it), or -1. */
int est_small_number(const char **sp);

/*
 * A range "1-18", "5" or a list of those, each in 1..max: on[i] set for
 * each i in it (on has max + 1 bytes), *count how many.
 */
int est_range(struct est *c, const yaml_node_t *map, const yaml_node_t *v,
    const char *what, const char *key, int max, char *on, int *count);

/*
 * Record 'key' in 'set' or report "duplicate WHAT" at 'n'; the _code
 * form ignores ASCII case, as unit and building codes do.
 */
int est_unique(struct est *c, struct est_seenset *set, const yaml_node_t *n,
    const char *what, const char *key);
int est_unique_code(struct est *c, struct est_seenset *set,
    const yaml_node_t *n, const char *what, const char *code);

/*
 * References to the core sections, reported at 'v' as "WHOSE 'WHO':
 * unknown department/staff member/unit ..." when the file has no such
 * key.  A unit reference takes units, public areas and common parts, in
 * any case, and returns the code as the file wrote it in *canon (may be
 * NULL).
 */
int est_department_ref(struct est *c, const yaml_node_t *v,
    const char *whose, const char *who, const char *dept);
int est_staff_ref(struct est *c, const yaml_node_t *v, const char *whose,
    const char *who, const char *login);
int est_unit_ref(struct est *c, const yaml_node_t *v, const char *whose,
    const char *who, const char *code, const char **canon);

/*
 * Applying (estate_apply.c).  Every kind of record is one table for the
 * merge: the file's records and the table's rows, both in key order,
 * walked side by side; a key only in the file is added, one in both is
 * compared column by column and updated when anything differs, one only
 * in the table is retired.  Each write has its audit row.
 */
#define EST_MAX_COLS 12

enum est_coltype {
	EST_COL_TEXT,
	EST_COL_INT,
	EST_COL_HUNDREDTHS	/* an area in m² or money in fen: "89.50" */
};

struct est_column {
	const char *name;
	enum est_coltype type;
	const char *dflt;	/* for a kept value on a new row */
};

enum est_valkind {
	EST_VAL_NULL,
	EST_VAL_INT,
	EST_VAL_TEXT,
	EST_VAL_KEEP	/* not stated in the file: keep what the table has */
};

struct est_val {
	enum est_valkind kind;
	int64_t i;
	const char *s;
};

/* Values for a record: text (NULL: SQL NULL), an integer, 0 as NULL. */
struct est_val est_v_text(const char *s);
struct est_val est_v_int(int64_t i);
struct est_val est_v_known(int i);

/* A record of the file as the merge compares and writes it. */
struct est_row {
	const char *key;
	struct est_val v[EST_MAX_COLS];
};

/*
 * One table.  'select' returns the key, the columns in order and (if
 * 'retire_flag') retired, ordered by the key in BINARY order (end it
 * with PM_SQL_BYTES).  'insert' and 'update' take ?1 the key and ?2...
 * the columns; 'update' also un-retires.  'retire' takes ?1 the key and
 * sets retired = 1, or deletes where the table has no retired column.
 * The merge knows whether a row is new, so it needs no upsert (INSERT
 * ... ON CONFLICT), which is SQLite's dialect.  A key made of several
 * parts (an item and the day a rate starts) is one text that sorts as
 * they do ("cleaning 2026-01-01"), kept in a column of its own.
 *
 * 'kind' is what pm-db apply's report calls the records ("facilities").
 * 'count' says how many records the file has, 'row' fills record i (0
 * to count - 1, in the file's order; its strings are the estate's).
 *
 * 'unbind' (may be NULL) takes ?1 the key and clears column 'unbind_col'
 * (an index into col), whose values are unique among the rows, before
 * any other write, so a value can move from one record to another.
 * 'split' is the units table's alone: its rows are counted as units,
 * public areas and common parts.
 */
struct est_table {
	const char *name;
	const char *kind;
	const char *select;
	const char *insert;
	const char *update;
	const char *retire;
	int retire_flag;
	int ncols;
	struct est_column col[EST_MAX_COLS];
	int (*count)(const struct pm_estate *e);
	void (*row)(const struct pm_estate *e, int i, struct est_row *r);
	const char *unbind;
	int unbind_col;
	int split;
};

/*
 * A section of the file that belongs to one tool (pm-inspect's
 * facilities, pm-fee's fee items): its top-level 'key', the function
 * that reads and checks it into the estate ('n' NULL when the file has
 * no such section; what it keeps hangs off its own member of struct
 * pm_estate, allocated in the arena), what frees anything it malloc'd
 * (may be NULL), and its tables, applied in order after the core ones
 * (NULL-terminated; may be NULL).
 */
struct est_section {
	const char *key;
	int (*read)(struct est *c, const yaml_node_t *n);
	void (*release)(struct pm_estate *e);
	const struct est_table *const *tables;
};

/* The tools' sections, in the order they are read (estate_sections.c). */
extern const struct est_section *const est_sections[];

#endif
