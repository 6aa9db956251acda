#!/bin/sh
# report.sh - how long pm-report takes on the generated estate of
# 100,000 and 1,000,000 tickets with five years of the other tools'
# history (bench/gen-estate.sql: bills and payments of 10,000 units,
# inspections, maintenance, facility states, housing grades, walk visits,
# training, surveys), each against its floor: the sqlite3 shell running
# the SQL pm-report itself ran, on the same database, at the same
# PM_NOW; then ten times the history at the same tickets a day, and the
# peak memory.
#
#   sh bench/report.sh [BINDIR]   (default: pm-report's on PATH, else build/bin)
#
# The reports: "monthly MONTH" (the whole report a manager reads: the
# figures, the counts, what was overdue at the month's end, the level 1
# events), "monthly -o tsv MONTH" (the figures alone, for programs),
# "monthly --by staff MONTH" (the appraisal) and "weekly --callbacks
# WEEK" (the callback analysis).
#
# The floor's SQL is pm's own: each report is run once with
# PM_DEBUG_PLAN=1, which shows each statement and the values bound at
# each run of it, and bench/shell-sql.pl writes every run out with those
# values as literals (the replay of each ticket as one statement over
# all of them).
#
# Environment: N runs of each (default 15); SIZES (default "100000
# 1000000"); HISTORY (default "100000 15700000": as many tickets a day as
# the larger size over 182 days, with the tools' history of those days;
# empty: none); NOW (default 2026-11-16T09:30), MONTH (2026-10), WEEK
# (2026-W44); BENCH_SEED (see bench/lib.sh: another checkout's
# bench/data, whose ticket databases are copied and migrated rather than
# generated again).  Figures only: nothing here fails.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
N=${N:-15}
NOW=${NOW:-2026-11-16T09:30}
MONTH=${MONTH:-2026-10}
WEEK=${WEEK:-2026-W44}
HISTORY=${HISTORY-100000 15700000}
bench_need pm-report pm-db sqlite3 perl
bench_rss
SIZES=${SIZES:-100000 1000000}
for s in $SIZES; do
	bench_estate "$s"
done
[ -z "$HISTORY" ] || bench_estate $HISTORY
data=$top/bench/data
work=$data/report
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
rss_file=$work/rss

zone=$(sqlite3 "$data/estate-$(echo $SIZES | cut -d' ' -f1).db" \
    "SELECT value FROM meta WHERE key = 'timezone'")
utc() { date -u -d "TZ=\"$zone\" $1" +%Y-%m-%dT%H:%M:%SZ; }
cmds=$work/cmds
{
	echo "monthly $MONTH|monthly $MONTH"
	echo "monthly -o tsv $MONTH|monthly -o tsv $MONTH"
	echo "monthly --by staff $MONTH|monthly --by staff $MONTH"
	echo "weekly --callbacks $WEEK|weekly --callbacks $WEEK"
} > "$cmds"

# measure NAME DB: every report on DB, a line each in $work/results:
# name index pm-ms sh-ms pm-lines pm-KB sh-KB.
measure() {
	size=$1 db=$2
	i=0
	while IFS='|' read -r name args; do
		i=$((i + 1))
		base=$work/$size-$i
		PM_DB=$db PM_NOW=$NOW PM_DEBUG_PLAN=1 "$bin/pm-report" $args \
		    > "$base.out" 2> "$base.plan"
		lines=$(wc -l < "$base.out")
		runs=$(grep -c '^plan: run ' "$base.plan")
		NOW="$(utc "${NOW%T*} ${NOW#*T}")" perl \
		    "$top/bench/shell-sql.pl" "$db" "$base.plan" > "$base.sql"
		stmts=$(grep -c . "$base.sql")
		times=$(PM_DB=$db PM_NOW=$NOW N=$N PM=$bin/pm-report ARGS=$args \
		    DB=$db SQL=$base.sql bench_pair)
		set -- $(PM_DB=$db PM_NOW=$NOW bench_one "$bin/pm-report" $args)
		pmkb=$2
		shkb=$(bench_peak "$base.sql" sqlite3 -batch -tabs "$db")
		echo "$size $i $times $lines $pmkb $shkb $runs $stmts" >> "$work/results"
	done < "$cmds"
}

echo "PM_NOW=$NOW, medians of $N runs, pm-report and the sqlite3 shell alternately"
for s in $SIZES; do
	bench_estate "$s"
	measure "$s" "$estate"
done
if [ -n "$HISTORY" ]; then
	bench_estate $HISTORY
	measure history "$estate"
fi

awk -v sizes="$SIZES${HISTORY:+ history}" -v cmds="$cmds" '
BEGIN {
	ns = split(sizes, sz, " ")
	FS = "|"
	while ((getline line < cmds) > 0) { split(line, f, "|"); name[++nc] = f[1] }
	FS = " "
}
{ pm[$1, $2] = $3; sh[$1, $2] = $4; ln[$1, $2] = $5; pkb[$1, $2] = $6; skb[$1, $2] = $7
  nr[$1, $2] = $8; ns_[$1, $2] = $9 }
END {
	for (s = 1; s <= ns; s++) {
		title = sz[s] " tickets"
		if (sz[s] == "history")
			title = "history: a tenth of the history, the largest size'"'"'s tickets a day"
		printf "\n%s\n", title
		printf "%-32s %8s %8s %6s %7s %8s %8s %6s %6s\n", "report", "pm ms", "sh ms", "pm/sh", "lines", "pm KB", "sh KB", "runs", "sh st"
		for (c = 1; c <= nc; c++) {
			k = sz[s] SUBSEP c
			r = 0
			if (sh[k] > 0)
				r = pm[k] / sh[k]
			printf "%-32s %8.2f %8.2f %6.2f %7d %8s %8s %6d %6d\n", name[c], pm[k], sh[k], r, ln[k], pkb[k], skb[k], nr[k], ns_[k]
		}
	}
	if (sz[ns] == "history" && ns > 1) {
		printf "\nten times the history: %s tickets against the history (target: pm <= 1.20)\n", sz[ns - 1]
		for (c = 1; c <= nc; c++) {
			r = 0
			if (pm["history", c] > 0)
				r = pm[sz[ns - 1], c] / pm["history", c]
			printf "%-32s %6.2f\n", name[c], r
		}
	}
	print "\nruns: the statements pm ran (PM_DEBUG_PLAN); sh st: those the shell"
	print "runs (a ticket'"'"'s replay folded into one over all of them)"
	print "targets: pm/sh <= 1.00; peak memory <= 16384 KB"
}' "$work/results"
