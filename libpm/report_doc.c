/*
 * report_doc.c - a report as a document for people, and its two
 * renderings: aligned text (the terminal, the mail's text part) through
 * the table writer of out.c, and one self-contained HTML page with its
 * charts drawn in inline SVG, which mail clients show without fetching
 * anything.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "i18n.h"
#include "report_priv.h"
#include "text.h"

/*
 * Building.
 */

void
rp_doc_init(struct rp_doc *d)
{
	memset(d, 0, sizeof *d);
}

static void
table_free(struct rp_table *t)
{
	size_t i;

	for (i = 0; i < t->ncells; i++)
		free(t->cells[i]);
	free(t->cells);
	free(t->miss);
	free(t);
}

static void
chart_free(struct rp_chart *c)
{
	int i;

	for (i = 0; i < c->nfig; i++)
		free(c->labels[i]);
	free(c->labels);
	free(c->targets);
	free(c->trend);
	free(c);
}

void
rp_doc_release(struct rp_doc *d)
{
	int i;

	for (i = 0; i < d->nblocks; i++) {
		free(d->blocks[i].text);
		if (d->blocks[i].table != NULL)
			table_free(d->blocks[i].table);
		if (d->blocks[i].chart != NULL)
			chart_free(d->blocks[i].chart);
	}
	free(d->blocks);
	free(d->title);
	free(d->subject);
	free(d->subtitle);
	memset(d, 0, sizeof *d);
}

int
rp_doc_status(const struct rp_doc *d)
{
	return d->oom ? pm_err(PM_EX_SOFTWARE, "out of memory") : 0;
}

static char *
vfmt(struct rp_doc *d, const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0) {
		d->oom = 1;
		return NULL;
	}
	return s;
}

static char *
fmt(struct rp_doc *d, const char *f, ...)
{
	va_list ap;
	char *s;

	va_start(ap, f);
	s = vfmt(d, f, ap);
	va_end(ap);
	return s;
}

static struct rp_block *
block(struct rp_doc *d, enum rp_kind kind)
{
	struct rp_block *nb;

	if (d->nblocks == d->cap) {
		nb = realloc(d->blocks, (d->cap ? d->cap * 2 : 8) * sizeof *nb);
		if (nb == NULL) {
			d->oom = 1;
			return NULL;
		}
		d->blocks = nb;
		d->cap = d->cap ? d->cap * 2 : 8;
	}
	nb = &d->blocks[d->nblocks++];
	memset(nb, 0, sizeof *nb);
	nb->kind = kind;
	return nb;
}

/* The words of each view and kind of period in a title. */
static const char *
period_word(enum pm_period_kind k)
{
	switch (k) {
	case PM_PERIOD_DAY:
		return _("daily report");
	case PM_PERIOD_WEEK:
		return _("weekly report");
	case PM_PERIOD_MONTH:
		return _("monthly report");
	case PM_PERIOD_QUARTER:
		return _("quarterly report");
	default:
		return _("yearly report");
	}
}

void
rp_title(struct rp_doc *d, struct pm_db *db, const char *view,
    const struct pm_period *p)
{
	char *estate = NULL, from[PM_DATE_LEN], to[PM_DATE_LEN];
	char now[PM_TIME_LOCAL_LEN];

	/* An unreadable name is no reason to send no report. */
	if (pm_db_meta(db, "estate_name", &estate) != 0)
		estate = NULL;
	d->title = fmt(d, "%s %s %s", estate != NULL ? estate : "pm",
	    view != NULL ? _(view) : period_word(p->kind), p->name);
	d->subject = d->title != NULL ? strdup(d->title) : NULL;
	if (d->title != NULL && d->subject == NULL)
		d->oom = 1;
	free(estate);
	pm_date_local(p->from, from);
	pm_date_local(p->to - 1, to);
	if (p->running)
		d->subtitle = fmt(d, _("%s to %s, as of %s (the period is not "
		    "over)"), from, to, pm_time_local(p->cut - 1, now));
	else if (p->kind == PM_PERIOD_DAY)
		d->subtitle = fmt(d, "%s", from);
	else
		d->subtitle = fmt(d, _("%s to %s"), from, to);
}

void
rp_para(struct rp_doc *d, const char *f, ...)
{
	struct rp_block *b;
	va_list ap;

	if ((b = block(d, RP_PARA)) == NULL)
		return;
	va_start(ap, f);
	b->text = vfmt(d, f, ap);
	va_end(ap);
}

struct rp_table *
rp_table_new(struct rp_doc *d, const char *title, const struct pm_col *cols,
    int ncols)
{
	struct rp_table *t;

	if ((t = calloc(1, sizeof *t)) == NULL) {
		d->oom = 1;
		return NULL;
	}
	t->title = title;
	t->cols = cols;
	t->ncols = ncols;
	return t;
}

struct rp_table *
rp_attach(struct rp_doc *d, struct rp_table *t)
{
	struct rp_block *b;

	if (t == NULL)
		return NULL;
	if ((b = block(d, RP_TABLE)) == NULL) {
		table_free(t);
		return NULL;
	}
	b->table = t;
	return t;
}

struct rp_table *
rp_table(struct rp_doc *d, const char *title, const struct pm_col *cols,
    int ncols)
{
	return rp_attach(d, rp_table_new(d, title, cols, ncols));
}

struct rp_chart *
rp_chart(struct rp_doc *d, int nfig)
{
	struct rp_chart *c;
	struct rp_block *b;

	if ((c = calloc(1, sizeof *c)) == NULL ||
	    (c->labels = calloc(nfig + 1, sizeof *c->labels)) == NULL ||
	    (c->targets = calloc(nfig + 1, sizeof *c->targets)) == NULL ||
	    (c->trend = calloc(nfig + 1, sizeof *c->trend)) == NULL ||
	    (b = block(d, RP_CHART)) == NULL) {
		if (c != NULL) {
			free(c->labels);
			free(c->targets);
			free(c->trend);
			free(c);
		}
		d->oom = 1;
		return NULL;
	}
	c->nfig = nfig;
	b->chart = c;
	return c;
}

/* Add cell 's', which the table now owns. */
static void
own_cell(struct rp_doc *d, struct rp_table *t, char *s)
{
	char **nc;

	if (t == NULL) {
		free(s);
		return;
	}
	if (t->ncells == t->cap) {
		nc = realloc(t->cells, (t->cap ? t->cap * 2 : 64) * sizeof *nc);
		if (nc == NULL) {
			free(s);
			d->oom = 1;
			return;
		}
		t->cells = nc;
		t->cap = t->cap ? t->cap * 2 : 64;
	}
	t->cells[t->ncells++] = s;
}

void
rp_cell(struct rp_doc *d, struct rp_table *t, const char *s)
{
	char *c = strdup(s != NULL ? s : "");

	if (c == NULL) {
		d->oom = 1;
		return;
	}
	own_cell(d, t, c);
}

void
rp_cellf(struct rp_doc *d, struct rp_table *t, const char *f, ...)
{
	va_list ap;
	char *s;

	va_start(ap, f);
	s = vfmt(d, f, ap);
	va_end(ap);
	if (s != NULL)
		own_cell(d, t, s);
}

void
rp_cell_int(struct rp_doc *d, struct rp_table *t, int64_t v)
{
	rp_cellf(d, t, "%lld", (long long)v);
}

void
rp_cell_time(struct rp_doc *d, struct rp_table *t, pm_time v,
    enum pm_ftype type)
{
	char buf[PM_REC_TIME_LEN];

	rp_cell(d, t, pm_rec_time_text(v, type, buf));
}

void
rp_cell_duration(struct rp_doc *d, struct rp_table *t, int64_t secs)
{
	char buf[64];

	rp_cell(d, t, pm_out_duration_words(secs, buf, sizeof buf));
}

/* "95.0%", or "—" when there is nothing to count. */
void
rp_cell_rate(struct rp_doc *d, struct rp_table *t, int64_t num, int64_t den)
{
	char buf[PM_KPI_TEXT_LEN];

	if (pm_kpi_rate(num, den, buf) == NULL)
		rp_cell(d, t, "—");
	else
		rp_cellf(d, t, "%s%%", buf);
}

void
rp_row(struct rp_doc *d, struct rp_table *t, int miss)
{
	unsigned char *nm;

	if (t == NULL)
		return;
	/* A row whose cells could not all be kept is dropped whole. */
	while (t->ncells % t->ncols != 0)
		free(t->cells[--t->ncells]);
	if (t->nrows == t->rcap) {
		nm = realloc(t->miss, t->rcap ? t->rcap * 2 : 64);
		if (nm == NULL) {
			d->oom = 1;
			return;
		}
		t->miss = nm;
		t->rcap = t->rcap ? t->rcap * 2 : 64;
	}
	t->miss[t->nrows] = (unsigned char)miss;
	t->nrows = t->ncells / t->ncols;
}

/*
 * Text.
 */

static int
write_status(FILE *fp)
{
	if (!ferror(fp))
		return 0;
	return pm_err(PM_EX_IOERR, "write error: %s", strerror(errno != 0 ?
	    errno : EIO));
}

int
rp_write_text(const struct rp_doc *d, FILE *fp)
{
	const struct rp_block *b;
	struct pm_out *o;
	size_t r;
	int i, c, rc;

	fprintf(fp, "%s\n%s\n", d->title, d->subtitle);
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->kind == RP_PARA) {
			fprintf(fp, "\n%s\n", b->text != NULL ? b->text : "");
			continue;
		}
		if (b->kind != RP_TABLE)
			continue;
		fprintf(fp, "\n%s\n", _(b->table->title));
		if (b->table->nrows == 0) {
			fprintf(fp, "%s\n", _("(none)"));
			continue;
		}
		if ((o = pm_out_new(fp, PM_FMT_TABLE, 1, b->table->cols,
		    b->table->ncols)) == NULL)
			return pm_err(PM_EX_SOFTWARE, "out of memory");
		for (r = 0; r < b->table->nrows; r++) {
			for (c = 0; c < b->table->ncols; c++)
				pm_out_text(o, b->table->cells[r *
				    b->table->ncols + c]);
			pm_out_row(o);
		}
		if ((rc = pm_out_close(o)) != 0)
			return rc;
	}
	return write_status(fp);
}

/*
 * HTML.
 */

/* 's' with &, <, >, " escaped, for text and attribute values. */
static void
esc(FILE *fp, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		default:
			putc(*s, fp);
		}
}

/* The colours the charts use (the screenshot test looks for them). */
#define C_MET "#1f77b4"
#define C_MISS "#d62728"
#define C_TARGET "#333333"
#define C_GRID "#dddddd"

#define FONT "font-family=\"'Noto Sans CJK SC','WenQuanYi Micro Hei'," \
	"'Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif\""

/* Tenths of a percent of num/den, or -1 when there is nothing. */
static int
tenths(const struct rp_point *pt)
{
	if (pt->den <= 0)
		return -1;
	return (int)((pt->num * 2000 + pt->den) / (2 * pt->den));
}

/* Each figure's bar against its target's mark. */
static void
chart_bars(FILE *fp, const struct rp_chart *c)
{
	const int left = 190, width = 420, row = 30;
	char buf[PM_KPI_TEXT_LEN];
	const struct rp_point *pt;
	int i, t, x, h = row * c->nfig + 30;

	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"700\""
	    " height=\"%d\" viewBox=\"0 0 700 %d\" role=\"img\" " FONT
	    " font-size=\"14\">\n<title>", h, h);
	esc(fp, _("Each KPI against its target"));
	fputs("</title>\n", fp);
	for (t = 0; t <= 100; t += 25)
		fprintf(fp, "<line x1=\"%d\" y1=\"5\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"" C_GRID "\"/><text x=\"%d\" y=\"%d\" "
		    "font-size=\"11\" text-anchor=\"middle\" fill=\"#666\">"
		    "%d%%</text>\n", left + width * t / 100, left + width * t /
		    100, h - 20, left + width * t / 100, h - 6, t);
	for (i = 0; i < c->nfig; i++) {
		pt = &c->trend[i][RP_TREND - 1];
		fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">",
		    left - 8, 10 + i * row + 15);
		esc(fp, c->labels[i]);
		fputs("</text>\n", fp);
		if ((t = tenths(pt)) < 0) {
			fprintf(fp, "<text x=\"%d\" y=\"%d\" fill=\"#666\">—"
			    "</text>\n", left + 4, 10 + i * row + 15);
			continue;
		}
		x = width * t / 1000;
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\""
		    " fill=\"%s\"/>\n", left, 10 + i * row + 2, x > 0 ? x : 1,
		    c->targets[i] >= 0 && pt->num * 10000 < (int64_t)
		    c->targets[i] * pt->den ? C_MISS : C_MET);
		if (c->targets[i] >= 0)
			fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
			    "y2=\"%d\" stroke=\"" C_TARGET "\" stroke-width="
			    "\"3\"/>\n", left + width * c->targets[i] / 10000,
			    10 + i * row - 2, left + width * c->targets[i] /
			    10000, 10 + i * row + 24);
		fprintf(fp, "<text x=\"%d\" y=\"%d\">%s%% (%lld/%lld)</text>\n",
		    left + width + 8, 10 + i * row + 15, pm_kpi_rate(pt->num,
		    pt->den, buf), (long long)pt->num, (long long)pt->den);
	}
	fputs("</svg>\n", fp);
}

/* One figure's rate over the last RP_TREND periods, and its target. */
static void
chart_trend(FILE *fp, const struct rp_chart *c, int f)
{
	const int left = 50, top = 28, w = 300, h = 110;
	int i, t, lo = 100, open = 0, x, y;

	for (i = 0; i < RP_TREND; i++)
		if ((t = tenths(&c->trend[f][i])) >= 0 && t / 10 < lo)
			lo = t / 10;
	if (c->targets[f] >= 0 && c->targets[f] / 100 < lo)
		lo = c->targets[f] / 100;
	lo = lo >= 100 ? 80 : lo / 10 * 10;
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"380\""
	    " height=\"170\" viewBox=\"0 0 380 170\" role=\"img\" " FONT
	    " font-size=\"12\">\n<title>");
	esc(fp, c->labels[f]);
	fputs("</title>\n<text x=\"10\" y=\"16\" font-size=\"14\">", fp);
	esc(fp, c->labels[f]);
	fputs("</text>\n", fp);
	fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
	    "fill=\"none\" stroke=\"" C_GRID "\"/>\n", left, top, w, h);
	fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" fill=\"#666\">"
	    "100%%</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
	    "fill=\"#666\">%d%%</text>\n", left - 4, top + 4, left - 4,
	    top + h, lo);
	fprintf(fp, "<text x=\"%d\" y=\"%d\" fill=\"#666\">", left, top + h +
	    18);
	esc(fp, c->periods[0]);
	fprintf(fp, "</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\" "
	    "fill=\"#666\">", left + w, top + h + 18);
	esc(fp, c->periods[RP_TREND - 1]);
	fputs("</text>\n", fp);
	if (c->targets[f] >= 0 && c->targets[f] / 100 >= lo) {
		y = top + h - (c->targets[f] - lo * 100) * h / ((100 - lo) *
		    100);
		fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		    "stroke=\"" C_TARGET "\" stroke-dasharray=\"6 4\"/>\n",
		    left, y, left + w, y);
	}
	/* A period with nothing to count breaks the line. */
	for (i = 0; i < RP_TREND; i++) {
		if ((t = tenths(&c->trend[f][i])) < 0) {
			if (open)
				fputs("\"/>\n", fp);
			open = 0;
			continue;
		}
		x = left + w * i / (RP_TREND - 1);
		y = top + h - (t - lo * 10) * h / ((100 - lo) * 10);
		if (!open)
			fputs("<polyline fill=\"none\" stroke=\"" C_MET "\" "
			    "stroke-width=\"3\" points=\"", fp);
		fprintf(fp, "%s%d,%d", open ? " " : "", x, y);
		open = 1;
	}
	if (open)
		fputs("\"/>\n", fp);
	for (i = 0; i < RP_TREND; i++)
		if ((t = tenths(&c->trend[f][i])) >= 0)
			fprintf(fp, "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\""
			    "%s\"/>\n", left + w * i / (RP_TREND - 1), top + h -
			    (t - lo * 10) * h / ((100 - lo) * 10),
			    c->targets[f] >= 0 && c->trend[f][i].num * 10000 <
			    (int64_t)c->targets[f] * c->trend[f][i].den ?
			    C_MISS : C_MET);
	fputs("</svg>\n", fp);
}

static void
html_table(FILE *fp, const struct rp_table *t)
{
	size_t r;
	int c;

	fputs("<h2>", fp);
	esc(fp, _(t->title));
	fputs("</h2>\n", fp);
	if (t->nrows == 0) {
		fputs("<p class=\"none\">", fp);
		esc(fp, _("(none)"));
		fputs("</p>\n", fp);
		return;
	}
	fputs("<table>\n<tr>", fp);
	for (c = 0; c < t->ncols; c++) {
		fputs(t->cols[c].type == PM_COL_TEXT ? "<th>" :
		    "<th class=\"n\">", fp);
		esc(fp, _(t->cols[c].name));
		fputs("</th>", fp);
	}
	fputs("</tr>\n", fp);
	for (r = 0; r < t->nrows; r++) {
		fputs(t->miss[r] ? "<tr class=\"miss\">" : "<tr>", fp);
		for (c = 0; c < t->ncols; c++) {
			fputs(t->cols[c].type == PM_COL_TEXT ? "<td>" :
			    "<td class=\"n\">", fp);
			esc(fp, t->cells[r * t->ncols + c]);
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</table>\n", fp);
}

int
rp_write_html(const struct rp_doc *d, FILE *fp)
{
	const struct rp_block *b;
	int i, f;

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>", pm_i18n_lang() ==
	    PM_LANG_ZH ? "zh-CN" : "en");
	esc(fp, d->title);
	fputs("</title>\n<style>\n"
	    "body{font-family:'Noto Sans CJK SC','WenQuanYi Micro Hei',"
	    "'Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;"
	    "color:#222;margin:16px;max-width:960px}\n"
	    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;"
	    "margin:22px 0 6px}\n"
	    "table{border-collapse:collapse;font-size:14px}"
	    "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}"
	    "th{background:#f2f2f2}.n{text-align:right}\n"
	    "tr.miss td{color:" C_MISS ";font-weight:bold}"
	    ".sub,.none{color:#555}.charts svg{margin:4px 8px 4px 0}\n"
	    "</style>\n</head>\n<body>\n<h1>", fp);
	esc(fp, d->title);
	fputs("</h1>\n<p class=\"sub\">", fp);
	esc(fp, d->subtitle);
	fputs("</p>\n", fp);
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		switch (b->kind) {
		case RP_PARA:
			fputs("<p>", fp);
			esc(fp, b->text);
			fputs("</p>\n", fp);
			break;
		case RP_TABLE:
			html_table(fp, b->table);
			break;
		case RP_CHART:
			fputs("<h2>", fp);
			esc(fp, _("Each KPI against its target"));
			fputs("</h2>\n<div class=\"charts\">\n", fp);
			chart_bars(fp, b->chart);
			fputs("</div>\n<h2>", fp);
			esc(fp, _("The last 12 periods"));
			fputs("</h2>\n<div class=\"charts\">\n", fp);
			for (f = 0; f < b->chart->nfig; f++)
				chart_trend(fp, b->chart, f);
			fputs("</div>\n", fp);
			break;
		}
	}
	fputs("</body>\n</html>\n", fp);
	return write_status(fp);
}
