/*
 * report_priv.h - what the report_*.c files share: a report as a
 * document for people (title, paragraphs, tables, charts), built by the
 * views and written by the renderers as aligned text or as an HTML page.
 *
 * Querying and formatting stay apart: a view (the KPIs, the appraisal,
 * the callback analysis) fills a document from the database; a renderer
 * writes a document and reads nothing.  Cells are text for people,
 * already in the reader's language.
 */
#ifndef PM_REPORT_PRIV_H
#define PM_REPORT_PRIV_H

#include <stdio.h>

#include "kpi.h"
#include "out.h"
#include "record.h"
#include "report.h"

/* A table of the document. */
struct rp_table {
	const char *title;		/* N_(): translated when written */
	const struct pm_col *cols;	/* names N_(); PM_COL_TEXT is
					   left-aligned, the others right */
	int ncols;
	char **cells;			/* row by row */
	size_t ncells, cap;
	unsigned char *miss;		/* per row: it misses a target */
	size_t nrows, rcap;
};

/* A figure as the charts draw it. */
struct rp_point {
	int64_t num, den;		/* den 0: nothing to count */
};

/*
 * The charts of the KPI view: each figure against its target, and each
 * figure's last RP_TREND periods, the report's own last.
 */
#define RP_TREND 12
struct rp_chart {
	int nfig;
	char **labels;				/* nfig */
	int *targets;				/* basis points or < 0 */
	struct rp_point (*trend)[RP_TREND];	/* nfig */
	char periods[RP_TREND][PM_PERIOD_NAME_LEN];
};

enum rp_kind { RP_PARA, RP_TABLE, RP_CHART };

struct rp_block {
	enum rp_kind kind;
	char *text;			/* RP_PARA */
	struct rp_table *table;		/* RP_TABLE */
	struct rp_chart *chart;		/* RP_CHART */
};

struct rp_doc {
	char *title;			/* 测试花园 月报 2026-11 */
	char *subject;			/* the mail's: the title */
	char *subtitle;			/* 2026-11-01 至 2026-11-30 */
	struct rp_block *blocks;
	int nblocks, cap;
	int oom;			/* a step ran out of memory */
};

/*
 * Building.  Each records running out of memory in the document (and
 * drops what it could not keep); rp_doc_status() reports it once.
 */
void rp_doc_init(struct rp_doc *d);
void rp_doc_release(struct rp_doc *d);
int rp_doc_status(const struct rp_doc *d);
void rp_title(struct rp_doc *d, struct pm_db *db, const char *view,
    const struct pm_period *p);
void rp_para(struct rp_doc *d, const char *fmt, ...) PM_PRINTF(2, 3);
struct rp_table *rp_table(struct rp_doc *d, const char *title,
    const struct pm_col *cols, int ncols);
/*
 * A table filled before its place in the document comes: made apart,
 * then attached (the document owns it from then on, and frees it if it
 * cannot keep it).  Both return the table, or NULL out of memory.
 */
struct rp_table *rp_table_new(struct rp_doc *d, const char *title,
    const struct pm_col *cols, int ncols);
struct rp_table *rp_attach(struct rp_doc *d, struct rp_table *t);
struct rp_chart *rp_chart(struct rp_doc *d, int nfig);

/* Cells of the current row, then the end of the row. */
void rp_cell(struct rp_doc *d, struct rp_table *t, const char *s);
void rp_cellf(struct rp_doc *d, struct rp_table *t, const char *fmt, ...)
    PM_PRINTF(3, 4);
void rp_cell_int(struct rp_doc *d, struct rp_table *t, int64_t v);
void rp_cell_time(struct rp_doc *d, struct rp_table *t, pm_time v,
    enum pm_ftype type);
void rp_cell_duration(struct rp_doc *d, struct rp_table *t, int64_t secs);
void rp_cell_rate(struct rp_doc *d, struct rp_table *t, int64_t num,
    int64_t den);
void rp_row(struct rp_doc *d, struct rp_table *t, int miss);

/* Writing: the whole document to 'fp'; 0, or PM_EX_IOERR. */
int rp_write_text(const struct rp_doc *d, FILE *fp);
int rp_write_html(const struct rp_doc *d, FILE *fp);

/*
 * A mail (RFC 5322, MIME) holding 'text', and 'html' when not NULL as
 * its alternative, written to 'fp'.  0 or PM_EX_IOERR.
 */
int rp_write_mail(FILE *fp, const struct pm_report_opts *o,
    const char *subject, const char *text, size_t textlen,
    const char *html, size_t htmllen);

/*
 * Check a mail address as --to and --from take it: an addr-spec
 * ("manager@example.com"), no spaces or controls.  0 or PM_EX_USAGE.
 */
int rp_check_address(const char *addr);

/* The views: fill 'd' for period 'p'. */
int rp_view_kpi(struct pm_db *db, const struct pm_period *p, int charts,
    struct rp_doc *d, int *missed);
int rp_view_appraisal(struct pm_db *db, const struct pm_period *p,
    int by_staff, struct rp_doc *d);
int rp_view_callbacks(struct pm_db *db, const struct pm_period *p,
    struct rp_doc *d);

/* The views for programs: rows to 'o' (columns as report.h lists). */
int rp_rows_kpi(struct pm_db *db, const struct pm_period *p,
    struct pm_out *o, int *missed);
int rp_rows_appraisal(struct pm_db *db, const struct pm_period *p,
    int by_staff, struct pm_out *o);
int rp_rows_callbacks(struct pm_db *db, const struct pm_period *p,
    struct pm_out *o);

#endif
