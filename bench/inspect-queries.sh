#!/bin/sh
# inspect-queries.sh - how long pm-inspect's schedule and comparison take
# on a large estate (10,000 units, 2,000 facilities and their 2,333
# maintenance plans, a daily patrol of 100 places, bench/gen-inspect.sh),
# each against its floor, the sqlite3 shell running the SQL pm itself
# ran; on five years of records and on half a year of the same records a
# day, so the first has ten times the history of the second.
#
#   sh bench/inspect-queries.sh [BINDIR]   (default: pm-db's on PATH, else build/bin)
#
# The reads: "due" (today), "due DEPARTMENT", "compare" (this month) and
# "compare --summary".  Environment: N runs of each (default 15); NOW,
# the fixed PM_NOW (default 2026-11-16T09:30); DAYS, the two histories
# in days (default "1826 182").  The databases are built once into
# bench/data/ (inspect-DAYS.db), again when the schema or the generator
# changes.
#
# The floor's SQL is pm's: each command is run once with PM_DEBUG_PLAN=1,
# which prints every statement it prepares and the values bound at each
# run of it, and bench/shell-sql.pl writes every run out with those
# values as literals (due's statement per work-plan entry once per
# entry).  The shell runs them all in one process, reading the SQL from
# a file; pm and the shell run alternately, so drifts in the
# machine's speed hit both alike.  A time is one fork, exec and wait,
# measured by perl; memory the peak resident set (GNU time %M).  Figures
# only: nothing here fails.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
N=${N:-15}
NOW=${NOW:-2026-11-16T09:30}
DAYS=${DAYS:-1826 182}
bench_need pm-db pm-inspect sqlite3 perl awk
bench_rss
data=$top/bench/data
work=$data/inspect-work
mkdir -p "$data"
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

stamp=$(cat "$top"/schema/*.sql "$top/bench/gen-inspect.sh" | sha256sum | cut -d' ' -f1)
for d in $DAYS; do
	db=$data/inspect-$d.db
	if [ ! -f "$db" ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
		echo "building $db ($d days of records)..." >&2
		rm -f "$db.stamp"
		sh "$top/bench/gen-inspect.sh" "$bin" "$db.tmp" "$d" "$NOW"
		mv "$db.tmp" "$db"
		rm -f "$db.tmp-wal" "$db.tmp-shm"
		echo "$stamp" > "$db.stamp"
	fi
done

# The commands: a name, pm's words.
cmds=$work/cmds
{
	echo "due|due"
	echo "due --department engineering|due --department engineering"
	echo "compare|compare"
	echo "compare --summary|compare --summary"
} > "$cmds"

echo "PM_NOW=$NOW, medians of $N runs, pm and the sqlite3 shell alternately"
for d in $DAYS; do
	db=$data/inspect-$d.db
	echo
	echo "$d days of records: $(sqlite3 "$db" "SELECT count(*) FROM inspections") inspections," \
	    "$(sqlite3 "$db" "SELECT count(*) FROM inspection_items") items," \
	    "$(sqlite3 "$db" "SELECT count(*) FROM maint_records") maintenance records," \
	    "$(( $(wc -c < "$db") / 1048576 )) MiB"
	bench_header
	i=0
	while IFS='|' read -r name args; do
		i=$((i + 1))
		bench_read "$name" "$d $i" "$db" pm-inspect $args
	done < "$cmds"
done
set -- $DAYS
if [ $# -eq 2 ]; then
	echo
	echo "pm's time on $1 days against $2 (ten times the history; target 1.2):"
	awk -v a="$1" -v b="$2" '$1 == a { t[$2] = $3 } $1 == b { u[$2] = $3 }
		END { for (i = 1; i in t; i++) printf "  %d: %.2f\n", i, t[i] / u[i] }' "$work/results"
fi
echo
echo "plans (the largest database):"
set -- $DAYS
PM_DB=$data/inspect-$1.db PM_NOW=$NOW PM_DEBUG_PLAN=1 "$bin/pm-inspect" due -o tsv 2>&1 > /dev/null |
    grep -v '^plan: SELECT\|^plan: WITH\|^plan: run ' | sort | uniq -c | sort -rn | head -20 || :
