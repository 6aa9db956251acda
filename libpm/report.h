/*
 * report.h - pm-report: the daily, weekly, monthly, quarterly and yearly
 * reports of the KPIs against the estate's targets, the counts and lists
 * behind them, the appraisal, the weekly callback analysis, and the
 * records behind any figure.
 *
 * A report is written for people (aligned text, an HTML page, either as
 * a whole mail) or for programs (TSV, CSV, JSON: one row per KPI, per
 * person or department, per callback).  Every figure of a period that
 * has ended is computed from the facts as of its end (kpi.h), so a
 * report of a closed period reads the same, byte for byte, whenever it
 * is run.
 */
#ifndef PM_REPORT_H
#define PM_REPORT_H

#include "cli.h"
#include "kpi.h"

/* What a report shows. */
enum pm_report_view {
	PM_REPORT_KPI,		/* the figures, the counts, the lists */
	PM_REPORT_BY_DEPARTMENT,	/* the appraisal, by department */
	PM_REPORT_BY_STAFF,	/* the appraisal, by person, and the star */
	PM_REPORT_CALLBACKS	/* the callback analysis (入户维修评价分析) */
};

#define PM_REPORT_MAX_TO 32

/* A report command, as its options said. */
struct pm_report_opts {
	enum pm_period_kind kind;
	const char *period;	/* as typed; NULL: the last complete one */
	enum pm_report_view view;
	int check;		/* exit 1 when a figure misses its target */
	int mail;		/* write a whole mail */
	const char *to[PM_REPORT_MAX_TO];	/* its recipients */
	int nto;
	const char *from;	/* its sender; NULL: $PM_MAIL_FROM, else
				   pm-report@ the host's name */
};

/*
 * Run a report: open the database (one snapshot), read the period, build
 * the view and write it to standard output in the command's format
 * (table: aligned text; html, chosen with cli->own_format; tsv, csv,
 * json, excel: the rows for programs), or as a mail.  Returns 0,
 * PM_EX_FOUND when 'check' is set and a figure misses its target, or an
 * error status with its message recorded; with -q nothing is written.
 */
int pm_report_cmd(struct pm_cli *cli, const struct pm_report_opts *o);

/*
 * "pm-report explain KPI PERIOD": the figure, then the records behind
 * it with why each is in or out.
 */
int pm_report_explain_cmd(struct pm_cli *cli, const char *kpi,
    const char *period);

/* The columns for programs (pm-report(1), "Output"). */
extern const struct pm_col pm_report_kpi_cols[];
extern const int pm_report_kpi_ncols;
extern const struct pm_col pm_report_staff_cols[];
extern const int pm_report_staff_ncols;
extern const struct pm_col pm_report_department_cols[];
extern const int pm_report_department_ncols;
extern const struct pm_col pm_report_callback_cols[];
extern const int pm_report_callback_ncols;
extern const struct pm_col pm_report_explain_cols[];
extern const int pm_report_explain_ncols;

#endif
