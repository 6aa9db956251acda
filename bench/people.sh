#!/bin/sh
# people.sh - how long the people tools' reads take (pm-visit, pm-train,
# pm-survey) on the generated estate of 10,000 units with five years of
# their history (bench/gen-estate.sql: 21 service staff owing 5 walk
# visits a working day, weekly training with attendance, a survey round
# a quarter answered by 30% of households), each against its floor, the
# sqlite3 shell running the SQL the command itself ran; then on half a
# year of the same history a day, so that the first has ten times the
# history of the second; and the peak memory.
#
#   sh bench/people.sh [BINDIR]   (default: pm-db's on PATH, else build/bin)
#
# The reads: "pm-visit quota MONTH" (the month's visits against the
# quota), "pm-visit todo --since 2026-06-01" (every household, the
# dissatisfied since then first, then the longest unvisited; a day both
# histories hold, where the default, the year's start, would read ten
# months of callbacks in one and six in the other), "pm-visit list --since/--until" (a month of
# visits), "pm-train quota MONTH", "pm-train scores MONTH", "pm-train
# unqualified" and "pm-survey tally --period ROUND_MONTH" (a quarter's round).
#
# The floor's SQL is pm's own: each command is run once with
# PM_DEBUG_PLAN=1, which shows each statement and the values bound at
# each run of it, and bench/shell-sql.pl writes every run out with those
# values as literals.  pm and the shell run alternately, so drifts in the
# machine's speed hit both alike.  A time is one fork, exec and wait,
# measured by perl; memory the peak resident set (GNU time %M).
#
# Environment: N runs of each (default 11); NOW (default
# 2026-11-16T09:30), MONTH (2026-10), ROUND_MONTH (2026-07: the survey
# round begun in it); FIVE and HALF, the estates as bench_estate's
# arguments (default "1000000" and "100000 15700000": a million tickets
# over five years, and a tenth of them over half a year, the same
# tickets a day, for pm-visit todo and pm-train unqualified read the
# desk's callbacks and work too; each with the tools' history of its
# days); BENCH_SEED (see bench/lib.sh).
# Figures only: nothing here fails.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
N=${N:-11}
NOW=${NOW:-2026-11-16T09:30}
MONTH=${MONTH:-2026-10}
ROUND_MONTH=${ROUND_MONTH:-2026-07}
FIVE=${FIVE:-1000000}
HALF=${HALF:-100000 15700000}
bench_need pm-db pm-visit pm-train pm-survey sqlite3 perl awk
bench_rss
bench_estate $FIVE
five=$estate
bench_estate $HALF
half=$estate
work=$top/bench/data/people
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# The commands: a name, the tool, its words.
cmds=$work/cmds
month_end=$(date -d "$MONTH-01 +1 month" +%F)
{
	echo "visit quota $MONTH|pm-visit|quota $MONTH"
	echo "visit todo --since 2026-06-01|pm-visit|todo --since 2026-06-01"
	echo "visit list (a month)|pm-visit|list --since $MONTH-01 --until $month_end"
	echo "train quota $MONTH|pm-train|quota $MONTH"
	echo "train scores $MONTH|pm-train|scores $MONTH"
	echo "train unqualified|pm-train|unqualified"
	echo "survey tally $ROUND_MONTH|pm-survey|tally --period $ROUND_MONTH"
} > "$cmds"

echo "PM_NOW=$NOW, medians of $N runs, pm and the sqlite3 shell alternately"
for which in five half; do
	eval db=\$$which
	echo
	echo "$(basename "$db"): $(sqlite3 "$db" "SELECT count(*) FROM visits") visits," \
	    "$(sqlite3 "$db" "SELECT count(*) FROM training_attendance") attendances," \
	    "$(sqlite3 "$db" "SELECT count(*) FROM survey_answers") survey answers," \
	    "$(( $(wc -c < "$db") / 1048576 )) MiB"
	bench_header
	i=0
	while IFS='|' read -r name tool args; do
		i=$((i + 1))
		bench_read "$name" "$which $i" "$db" "$tool" $args
	done < "$cmds"
done
echo
echo "pm's time on five years against half a year (ten times the history; target 1.2):"
awk '$1 == "five" { t[$2] = $3 } $1 == "half" { u[$2] = $3 }
	END { for (i = 1; i in t; i++) printf "  %d: %.2f\n", i, t[i] / u[i] }' "$work/results"
