/*
 * report.c - the pm-report commands: check what was asked, read the
 * period, build the view, and write it in the format asked for (text,
 * HTML, rows for programs) or as a mail; and "explain".
 *
 * A report is made in memory first and written at once: a mail needs
 * its text before its headers are done with, and a report that failed
 * half-way must print nothing but the error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "report_priv.h"
#include "text.h"
#include "vocab.h"

#define NCOLS(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* A report in memory: what goes to standard output. */
struct mem {
	FILE *fp;
	char *buf;
	size_t len;
};

static int
mem_open(struct mem *m)
{
	memset(m, 0, sizeof *m);
	if ((m->fp = open_memstream(&m->buf, &m->len)) == NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	return 0;
}

/* Close the stream (the text stays); 0 or out of memory. */
static int
mem_close(struct mem *m)
{
	int bad;

	if (m->fp == NULL)
		return 0;
	bad = ferror(m->fp);
	if (fclose(m->fp) != 0)
		bad = 1;
	m->fp = NULL;
	return bad ? pm_err(PM_EX_SOFTWARE, "out of memory") : 0;
}

static void
mem_free(struct mem *m)
{
	if (m->fp != NULL)
		fclose(m->fp);
	free(m->buf);
	memset(m, 0, sizeof *m);
}

static int
put(const char *buf, size_t len)
{
	if (len > 0 && fwrite(buf, 1, len, stdout) != len)
		return pm_err(PM_EX_IOERR, "write error: %s",
		    strerror(errno != 0 ? errno : EIO));
	return 0;
}

/* Whether the command's format is one for programs. */
static int
for_programs(const struct pm_cli *cli)
{
	return !cli->own_format_chosen && cli->format != PM_FMT_TABLE;
}

/* What cannot go together, before anything is opened. */
static int
check_opts(struct pm_cli *cli, const struct pm_report_opts *o)
{
	const char *env = getenv("PM_MAIL_FROM");
	int i, rc;

	if (o->check && o->view != PM_REPORT_KPI)
		return pm_err(PM_EX_USAGE, "--check: only for the KPIs, not "
		    "with --by or --callbacks");
	if (!o->mail && o->nto > 0)
		return pm_err(PM_EX_USAGE, "--to: only with --mail");
	if (!o->mail && o->from != NULL)
		return pm_err(PM_EX_USAGE, "--from: only with --mail");
	if (!o->mail)
		return 0;
	if (o->nto == 0)
		return pm_cli_needs(cli, "to");
	if (for_programs(cli))
		return pm_err(PM_EX_USAGE, "--mail: a mail is text or html, "
		    "not %s", pm_q(cli->format_name));
	for (i = 0; i < o->nto; i++)
		if ((rc = rp_check_address(o->to[i])) != 0)
			return rc;
	if (o->from != NULL)
		return rp_check_address(o->from);
	if (env != NULL && *env != '\0' && rp_check_address(env) != 0)
		return pm_err(PM_EX_CONFIG, "PM_MAIL_FROM %s: not a mail "
		    "address (like pm@example.com)", pm_q(env));
	return 0;
}

/* The rows for programs into 'm'. */
static int
rows(struct pm_cli *cli, struct pm_db *db, const struct pm_period *p,
    const struct pm_report_opts *o, struct mem *m, int *missed)
{
	const struct pm_col *cols;
	struct pm_out *out;
	int n, rc, rc2;

	switch (o->view) {
	case PM_REPORT_BY_STAFF:
		cols = pm_report_staff_cols;
		n = pm_report_staff_ncols;
		break;
	case PM_REPORT_BY_DEPARTMENT:
		cols = pm_report_department_cols;
		n = pm_report_department_ncols;
		break;
	case PM_REPORT_CALLBACKS:
		cols = pm_report_callback_cols;
		n = pm_report_callback_ncols;
		break;
	default:
		cols = pm_report_kpi_cols;
		n = pm_report_kpi_ncols;
		break;
	}
	if ((out = pm_out_new(m->fp, cli->format, cli->header, cols, n)) ==
	    NULL)
		return pm_err(PM_EX_SOFTWARE, "out of memory");
	switch (o->view) {
	case PM_REPORT_BY_STAFF:
	case PM_REPORT_BY_DEPARTMENT:
		rc = rp_rows_appraisal(db, p, o->view == PM_REPORT_BY_STAFF,
		    out);
		break;
	case PM_REPORT_CALLBACKS:
		rc = rp_rows_callbacks(db, p, out);
		break;
	default:
		rc = rp_rows_kpi(db, p, out, missed);
		break;
	}
	if (rc != 0) {
		pm_out_abort(out);
		return rc;
	}
	rc2 = pm_out_close(out);
	return rc2;
}

static int
view(struct pm_db *db, const struct pm_period *p,
    const struct pm_report_opts *o, int charts, struct rp_doc *d,
    int *missed)
{
	switch (o->view) {
	case PM_REPORT_BY_STAFF:
	case PM_REPORT_BY_DEPARTMENT:
		return rp_view_appraisal(db, p, o->view == PM_REPORT_BY_STAFF,
		    d);
	case PM_REPORT_CALLBACKS:
		return rp_view_callbacks(db, p, d);
	default:
		return rp_view_kpi(db, p, charts, d, missed);
	}
}

/* The document as text and, when asked for, as HTML. */
static int
render(const struct rp_doc *d, struct mem *text, struct mem *html)
{
	int rc;

	if (text != NULL && ((rc = mem_open(text)) != 0 ||
	    (rc = rp_write_text(d, text->fp)) != 0 ||
	    (rc = mem_close(text)) != 0))
		return rc;
	if (html != NULL && ((rc = mem_open(html)) != 0 ||
	    (rc = rp_write_html(d, html->fp)) != 0 ||
	    (rc = mem_close(html)) != 0))
		return rc;
	return 0;
}

int
pm_report_cmd(struct pm_cli *cli, const struct pm_report_opts *o)
{
	struct mem text, html, out, *result = &out;
	struct pm_period p;
	struct pm_db *db = NULL;
	struct rp_doc d;
	int rc, missed = 0, want_html = cli->own_format_chosen;

	memset(&text, 0, sizeof text);
	memset(&html, 0, sizeof html);
	memset(&out, 0, sizeof out);
	rp_doc_init(&d);
	if ((rc = check_opts(cli, o)) != 0 ||
	    (rc = pm_period_parse_kind(&p, o->kind, o->period)) != 0 ||
	    (rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0)
		goto done;
	if (for_programs(cli)) {
		if ((rc = mem_open(&out)) == 0 &&
		    (rc = rows(cli, db, &p, o, &out, &missed)) == 0)
			rc = mem_close(&out);
	} else if ((rc = view(db, &p, o, want_html, &d, &missed)) == 0 &&
	    (rc = render(&d, o->mail || !want_html ? &text : NULL,
	    want_html ? &html : NULL)) == 0) {
		if (o->mail) {
			if ((rc = mem_open(&out)) == 0 &&
			    (rc = rp_write_mail(out.fp, o, d.subject,
			    text.buf, text.len, want_html ? html.buf : NULL,
			    html.len)) == 0)
				rc = mem_close(&out);
		} else
			result = want_html ? &html : &text;
	}
	/* Written only whole, and not at all with -q. */
	if (rc == 0 && !cli->quiet)
		rc = put(result->buf, result->len);
	if (rc == 0 && o->check && missed > 0)
		rc = PM_EX_FOUND;
done:
	mem_free(&out);
	mem_free(&text);
	mem_free(&html);
	rp_doc_release(&d);
	pm_db_close(db);
	return rc;
}

/*
 * explain
 */

const struct pm_col pm_report_explain_cols[] = {
	{ N_("record"), PM_COL_TEXT, NULL },
	{ N_("numerator"), PM_COL_NUM, NULL },
	{ N_("denominator"), PM_COL_NUM, NULL },
	{ N_("reason"), PM_COL_TEXT, &pm_v_kpi_reason },
	{ N_("due"), PM_COL_TEXT, NULL },
	{ N_("at"), PM_COL_TEXT, NULL },
};
const int pm_report_explain_ncols = NCOLS(pm_report_explain_cols);

/* For people: no vocabulary, the reason is a label already. */
static const struct pm_col explain_cols[] = {
	{ N_("record"), PM_COL_TEXT, NULL },
	{ N_("numerator"), PM_COL_NUM, NULL },
	{ N_("denominator"), PM_COL_NUM, NULL },
	{ N_("reason"), PM_COL_TEXT, NULL },
	{ N_("due"), PM_COL_TEXT, NULL },
	{ N_("at"), PM_COL_TEXT, NULL },
};

struct explain {
	struct rp_doc *d;
	struct rp_table *t;
	struct pm_out *o;
	enum pm_kpi_unit unit;
	int missed;
};

static int
explain_head(const struct pm_kpi_fig *f, void *arg)
{
	char fig[PM_KPI_TEXT_LEN], rate[PM_KPI_TEXT_LEN], tg[PM_KPI_TEXT_LEN];
	char lb[PM_KPI_TEXT_LEN];
	struct explain *x = arg;

	x->unit = f->unit;
	x->missed = pm_kpi_misses(f);
	if (x->d == NULL)
		return 0;
	if (pm_kpi_rate(f->num, f->den, rate) != NULL)
		strcat(rate, "%");
	else
		strcpy(rate, "—");
	if (pm_kpi_percent(f->target, tg) != NULL)
		strcat(tg, "%");
	else
		strcpy(tg, "—");
	rp_para(x->d, _("%s: %s %s, target %s%s"), pm_kpi_label(f, lb),
	    pm_kpi_figure(f, fig), rate, tg, x->missed ? " ✗" : "");
	/* The records follow the figure. */
	x->t = rp_table(x->d, N_("Records"), explain_cols,
	    NCOLS(explain_cols));
	return 0;
}

static int
explain_rec(const struct pm_kpi_rec *r, void *arg)
{
	char a[PM_KPI_TEXT_LEN], b[PM_KPI_TEXT_LEN];
	struct explain *x = arg;

	if (x->o != NULL) {
		pm_out_text(x->o, r->record);
		pm_out_text(x->o, pm_kpi_amount(x->unit, r->num, a));
		pm_out_text(x->o, pm_kpi_amount(x->unit, r->den, b));
		pm_out_text(x->o, r->reason);
		pm_rec_out_time(x->o, r->due, PM_F_DEADLINE);
		pm_rec_out_time(x->o, r->at, PM_F_TIME);
		pm_out_row(x->o);
		return 0;
	}
	rp_cell(x->d, x->t, r->record);
	rp_cell(x->d, x->t, pm_kpi_amount(x->unit, r->num, a));
	rp_cell(x->d, x->t, pm_kpi_amount(x->unit, r->den, b));
	rp_cell(x->d, x->t, pm_vocab_label(&pm_v_kpi_reason, r->reason));
	rp_cell_time(x->d, x->t, r->due, PM_F_DEADLINE);
	rp_cell_time(x->d, x->t, r->at, PM_F_TIME);
	rp_row(x->d, x->t, r->den > r->num);
	return 0;
}

int
pm_report_explain_cmd(struct pm_cli *cli, const char *kpi,
    const char *period)
{
	struct mem out;
	struct explain x;
	struct pm_period p;
	struct pm_db *db = NULL;
	struct rp_doc d;
	int rc;

	memset(&out, 0, sizeof out);
	memset(&x, 0, sizeof x);
	rp_doc_init(&d);
	if ((rc = pm_period_parse_any(&p, period)) != 0 ||
	    (rc = pm_cli_open(cli, PM_CLI_READ, &db)) != 0 ||
	    (rc = mem_open(&out)) != 0)
		goto done;
	if (for_programs(cli)) {
		if ((x.o = pm_out_new(out.fp, cli->format, cli->header,
		    pm_report_explain_cols, pm_report_explain_ncols)) == NULL) {
			rc = pm_err(PM_EX_SOFTWARE, "out of memory");
			goto done;
		}
		rc = pm_kpi_explain(db, &p, kpi, explain_head, &x,
		    explain_rec, &x);
		if (rc == 0)
			rc = pm_out_close(x.o);
		else
			pm_out_abort(x.o);
	} else {
		x.d = &d;
		rp_title(&d, db, N_("explanation"), &p);
		rc = pm_kpi_explain(db, &p, kpi, explain_head, &x, explain_rec,
		    &x);
		if (rc == 0 && (rc = rp_doc_status(&d)) == 0)
			rc = cli->own_format_chosen ? rp_write_html(&d, out.fp) :
			    rp_write_text(&d, out.fp);
	}
	if (rc == 0)
		rc = mem_close(&out);
	if (rc == 0 && !cli->quiet)
		rc = put(out.buf, out.len);
done:
	mem_free(&out);
	rp_doc_release(&d);
	pm_db_close(db);
	return rc;
}
