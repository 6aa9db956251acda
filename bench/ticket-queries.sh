#!/bin/sh
# ticket-queries.sh - how long the desk's reads take at 100,000 and at
# 1,000,000 tickets, each against its floor: the sqlite3 shell running
# the SQL pm itself ran, on the same database, at the same PM_NOW.
#
#   sh bench/ticket-queries.sh [BINDIR]   (default: pm-ticket's on PATH, else build/bin)
#
# The reads: "list --receiver WHO" and "list --assignee WORKER" (the man
# page's "my open tickets": no --since), "list --overdue", "due",
# "pending" (today, PAST three months back and OLD four years back),
# "stats DAY" and "stats MONTH".  Each is measured on the generated
# database as it is, then on a copy after ANALYZE, whose plans must be no
# worse.
#
# Both sizes cover the same five years, so the larger has ten times the
# tickets a day as well as ten times the history, and a day's pending
# list or counts grow with the tickets a day.  To tell history from
# load, the reads are also run on HISTORY: as many tickets as the
# smaller size over a tenth of the time, so as many a day as the larger
# size, which then has the same days with ten times the history before
# them.
#
# Environment: N runs of each (default 15); SIZES, the ticket counts
# (default "100000 1000000"); HISTORY, the count and span in seconds of
# the last comparison (default "100000 15700000", 182 days; empty: none);
# NOW, the fixed PM_NOW (default 2026-11-16T09:30, two days after the
# last generated ticket, when 500 are still open); PAST (2026-08-16),
# OLD (2022-11-16), DAY (2026-10-15), MONTH (2026-10); WHO (zhang.wei)
# and WORKER (wang.qiang).
#
# The floor's SQL is taken from pm: each command is run once with
# PM_DEBUG_PLAN=1, which prints every statement it prepares and the
# values bound at each run of it, and bench/shell-sql.pl writes each run
# with those values as literals, replaces the two SQL functions pm
# registers by the same rule in SQL (at NOW, worked out below in the
# estate's zone by GNU date), and turns the statements pm runs once per
# ticket into one statement over the ids it passed (see that file); the
# environment each command's line below gives it is no longer read.  The shell runs
# them all, in one process, reading the SQL from a file.
#
# pm and the shell run alternately, so drifts in the machine's speed hit
# both alike; a time is one fork, exec and wait, measured by perl.  The
# tables show the medians, their ratio, pm's rows, the 1M/100k ratio of
# each, and then the peak resident memory of one more run of each (GNU
# time %M); then the plans pm used.  Figures only: nothing here fails.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
N=${N:-15}
NOW=${NOW:-2026-11-16T09:30}
PAST=${PAST:-2026-08-16}
OLD=${OLD:-2022-11-16}
HISTORY=${HISTORY-100000 15700000}
DAY=${DAY:-2026-10-15}
MONTH=${MONTH:-2026-10}
WHO=${WHO:-zhang.wei}
WORKER=${WORKER:-wang.qiang}
bench_need pm-ticket pm-db sqlite3 perl
bench_rss
bench_sizes
data=$top/bench/data
work=$data/queries
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

# The times pm computes from PM_NOW, in the estate's zone, as UTC text.
zone=$(sqlite3 "$data/tickets-$(echo $SIZES | cut -d' ' -f1).db" \
    "SELECT value FROM meta WHERE key = 'timezone'")
utc() { date -u -d "TZ=\"$zone\" $1" +%Y-%m-%dT%H:%M:%SZ; }
ago() { date -u -d "@$(( $(date -u -d "$1" +%s) - $2 ))" +%Y-%m-%dT%H:%M:%SZ; }
day_after() { TZ=$zone date -d "$1 +1 day" +%F; }
now=$(utc "${NOW%T*} ${NOW#*T}")
today=${NOW%T*}
today_end=$(utc "$(day_after "$today") 00:00")
past_end=$(utc "$(day_after "$PAST") 00:00")
old_end=$(utc "$(day_after "$OLD") 00:00")
day_from=$(utc "$DAY 00:00")
day_to=$(utc "$(day_after "$DAY") 00:00")
month_from=$(utc "$MONTH-01 00:00")
month_to=$(utc "$(TZ=$zone date -d "$MONTH-01 +1 month" +%F) 00:00")
# min A B of two UTC texts.
min() { if [ "$1" \< "$2" ]; then echo "$1"; else echo "$2"; fi; }

# cand AT END: the parameters of each_unresolved()'s statement: ?1 the
# moment, ?2 the end of the day or period, ?3-?6 the moment less the
# longest stretch of classes 0-3 (1, 7, 31, 366 days).
cand() {
	echo "T1=$1 T2=$2 T3=$(ago "$1" 86400) T4=$(ago "$1" 604800)" \
	    "T5=$(ago "$1" 2678400) T6=$(ago "$1" 31622400)"
}

# The commands: a name, the environment shell-sql.pl needs, pm's words.
# Kept as lines "NAME|ENV|ARGS" (none has a | or a space in a value).
cmds=$work/cmds
{
	echo "list --receiver $WHO|LOGIN=$WHO SEQ=$WHO|list --receiver $WHO"
	echo "list --assignee $WORKER|LOGIN=$WORKER SEQ=$WORKER|list --assignee $WORKER"
	echo "list --overdue||list --overdue"
	echo "due|LIMIT=$now|due"
	at=$(min "$now" "$today_end")
	echo "pending (today)|$(cand "$at" "$today_end")|pending"
	echo "pending $PAST|$(cand "$past_end" "$past_end")|pending $PAST"
	echo "pending $OLD|$(cand "$old_end" "$old_end")|pending $OLD"
	at=$(min "$now" "$day_to")
	echo "stats $DAY|FROM=$day_from TO=$at $(cand "$at" "$day_to")|stats $DAY"
	at=$(min "$now" "$month_to")
	echo "stats $MONTH|FROM=$month_from TO=$at $(cand "$at" "$month_to")|stats $MONTH"
} > "$cmds"
ncmds=$(wc -l < "$cmds")

# measure SIZE VARIANT DB: every command on DB; a line of results each
# in $work/results: size variant index pm-ms sh-ms pm-rows pm-KB sh-KB.
measure() {
	size=$1 variant=$2 db=$3
	i=0
	while IFS='|' read -r name vars args; do
		i=$((i + 1))
		base=$work/$size-$variant-$i
		# PM_DEBUG_PLAN's run also warms the page cache for both.
		PM_DB=$db PM_NOW=$NOW PM_DEBUG_PLAN=1 "$bin/pm-ticket" $args \
		    -o tsv > "$base.out" 2> "$base.plan" || [ $? -eq 1 ]
		pmrows=$(wc -l < "$base.out")
		env NOW="$now" $vars perl "$top/bench/shell-sql.pl" "$db" \
		    "$base.plan" > "$base.sql"
		sqlite3 -batch -tabs "$db" < "$base.sql" > "$base.shout"
		# A floor that reads a large table whole would flatter pm.
		while read -r q; do
			sqlite3 -batch "$db" "EXPLAIN QUERY PLAN ${q%;}" | grep -E \
			    'SCAN (tickets|ticket_events|ticket_spans|ticket_notices|audit)( |$)' |
			    grep -v 'USING' | sed "s/^/WARNING: $size $variant $name: the shell's /" >&2 || :
		done < "$base.sql"
		case $name in
		list*)	# The list is the last statement: the same rows.
			shrows=$(tail -n 1 "$base.sql" | sqlite3 -batch "$db" | wc -l)
			[ "$pmrows" -eq "$shrows" ] || echo "WARNING: $size $variant" \
			    "$name: pm listed $pmrows rows, sqlite3 $shrows" >&2 ;;
		esac
		times=$(PM_DB=$db PM_NOW=$NOW N=$N PM=$bin/pm-ticket ARGS="$args -o tsv" \
		    DB=$db SQL=$base.sql bench_pair)
		pmkb=$(PM_DB=$db PM_NOW=$NOW bench_peak /dev/null "$bin/pm-ticket" $args -o tsv)
		shkb=$(bench_peak "$base.sql" sqlite3 -batch -tabs "$db")
		echo "$size $variant $i $times $pmrows $pmkb $shkb" >> "$work/results"
	done < "$cmds"
}

echo "PM_NOW=$NOW ($now), medians of $N runs, pm and the sqlite3 shell alternately"
for s in $SIZES; do
	bench_tickets "$s"
	bench_analyzed "$s"
	measure "$s" plain "$cache"
	measure "$s" analyzed "$analyzed"
done
if [ -n "$HISTORY" ]; then
	bench_tickets $HISTORY
	measure history plain "$cache"
fi

# The tables: a block of columns per size, then the ratio of the last
# size to the first.
table() {
	variant=$1 title=$2
	echo
	echo "$title"
	awk -v variant="$variant" -v sizes="$SIZES" -v cmds="$cmds" '
	BEGIN {
		ns = split(sizes, sz, " ")
		FS = "|"
		while ((getline line < cmds) > 0) { split(line, f, "|"); name[++nc] = f[1] }
		FS = " "
	}
	$2 == variant { pm[$1, $3] = $4; sh[$1, $3] = $5; rows[$1, $3] = $6 }
	END {
		printf "%-28s", ""
		for (s = 1; s <= ns; s++)
			printf " | %-30s", sprintf("%d tickets", sz[s])
		if (ns > 1)
			printf " | %s/%s", short(sz[ns]), short(sz[1])
		printf "\n%-28s", "command"
		for (s = 1; s <= ns; s++)
			printf " | %7s %7s %5s %7s", "pm ms", "sh ms", "pm/sh", "rows"
		if (ns > 1)
			printf " | %5s %5s", "pm", "sh"
		printf "\n"
		for (c = 1; c <= nc; c++) {
			printf "%-28s", name[c]
			for (s = 1; s <= ns; s++) {
				k = sz[s] SUBSEP c
				printf " | %7.2f %7.2f %5.2f %7d", pm[k], sh[k],
				    (sh[k] > 0 ? pm[k] / sh[k] : 0), rows[k]
			}
			if (ns > 1) {
				a = sz[1] SUBSEP c; b = sz[ns] SUBSEP c
				printf " | %5.2f %5.2f", (pm[a] > 0 ? pm[b] / pm[a] : 0),
				    (sh[a] > 0 ? sh[b] / sh[a] : 0)
			}
			printf "\n"
		}
	}
	function short(n) { return n >= 1000000 ? n / 1000000 "M" : n / 1000 "k" }
	' "$work/results"
}
table plain "as generated (no statistics): medians in ms, rows pm printed; target pm/sh <= 1.00
(the sizes share five years: ${SIZES##* }/${SIZES%% *} is ten times the tickets a day and the history;
the history alone is in the table after the next)"
table analyzed "after ANALYZE (a copy): the same"

if [ -n "$HISTORY" ]; then
	last=${SIZES##* }
	hc=${HISTORY%% *} hs=${HISTORY##* }
	echo
	echo "ten times the history at the same tickets a day: $hc tickets over" \
	    "$((hs / 86400)) days against $last over $((157000000 / 86400)) days" \
	    "(target: pm ratio <= 1.20)"
	awk -v last="$last" -v cmds="$cmds" -v old="$OLD" -v hc="$hc" '
	BEGIN {
		FS = "|"
		while ((getline line < cmds) > 0) { split(line, f, "|"); name[++nc] = f[1] }
		FS = " "
	}
	$1 == "history" { pm[0, $3] = $4; sh[0, $3] = $5; rows[0, $3] = $6; pkb[0, $3] = $7 }
	$1 == last && $2 == "plain" { pm[1, $3] = $4; sh[1, $3] = $5; rows[1, $3] = $6; pkb[1, $3] = $7 }
	END {
		printf "%-28s | %-38s | %-38s | %s\n", "", hc " tickets, 1/10 the history",
		    last " tickets", "ratio"
		printf "%-28s |", "command"
		for (s = 0; s < 2; s++)
			printf " %7s %7s %7s %6s |", "pm ms", "sh ms", "rows", "pm KB"
		printf " %5s %5s\n", "pm", "sh"
		for (c = 1; c <= nc; c++) {
			if (index(name[c], old))	# before the shorter history
				continue
			printf "%-28s |", name[c]
			for (s = 0; s < 2; s++)
				printf " %7.2f %7.2f %7d %6s |", pm[s, c], sh[s, c],
				    rows[s, c], pkb[s, c]
			printf " %5.2f %5.2f\n", (pm[0, c] > 0 ? pm[1, c] / pm[0, c] : 0),
			    (sh[0, c] > 0 ? sh[1, c] / sh[0, c] : 0)
		}
	}' "$work/results"
fi

echo
echo "peak resident memory, KB (GNU time %M; target: pm <= 16384 at any size)"
awk -v sizes="$SIZES" -v cmds="$cmds" '
BEGIN {
	ns = split(sizes, sz, " ")
	FS = "|"
	while ((getline line < cmds) > 0) { split(line, f, "|"); name[++nc] = f[1] }
	FS = " "
}
{ pm[$1, $2, $3] = $7; sh[$1, $2, $3] = $8 }
END {
	printf "%-28s", ""
	for (s = 1; s <= ns; s++)
		printf " | %-33s", sprintf("%d tickets", sz[s])
	printf "\n%-28s", "command"
	for (s = 1; s <= ns; s++)
		printf " | %7s %7s %7s %7s", "pm", "sh", "pm an.", "sh an."
	printf "\n"
	for (c = 1; c <= nc; c++) {
		printf "%-28s", name[c]
		for (s = 1; s <= ns; s++)
			printf " | %7s %7s %7s %7s", pm[sz[s], "plain", c],
			    sh[sz[s], "plain", c], pm[sz[s], "analyzed", c],
			    sh[sz[s], "analyzed", c]
		printf "\n"
	}
}' "$work/results"

# The plans pm used: its own EXPLAIN QUERY PLAN lines, each statement's
# SQL cut short.  After ANALYZE each size says whether a plan changed,
# and shows the changed lines; a large table read whole is flagged.
echo
echo "plans pm used (PM_DEBUG_PLAN), at ${SIZES%% *} tickets without statistics"
# The plans alone, without the runs of each statement and their values.
for f in "$work"/*.plan; do
	grep -v '^plan: run [0-9]*:' "$f" > "$f.only" || :
	mv "$f.only" "$f"
done
i=0
while IFS='|' read -r name vars args; do
	i=$((i + 1))
	echo
	echo "-- pm-ticket $args"
	first=$(echo $SIZES | cut -d' ' -f1)
	sed -n 's/^plan: //p' "$work/$first-plain-$i.plan" | awk '
		/^(SELECT|WITH|INSERT|UPDATE|DELETE)/ {
			print "   " (length($0) > 96 ? substr($0, 1, 93) "..." : $0); next }
		{ print "      " $0 }
		/^SCAN (tickets|ticket_events|ticket_spans|audit)( |$)/ &&
		    !/USING (COVERING )?INDEX/ { print "      ^ NOTE: a whole table read" }'
	for s in $SIZES; do
		for v in plain analyzed; do
			[ "$s-$v" = "$first-plain" ] && continue
			if cmp -s "$work/$first-plain-$i.plan" "$work/$s-$v-$i.plan"; then
				echo "   $s tickets, $v: the same plan"
			else
				echo "   $s tickets, $v: a different plan:"
				diff "$work/$first-plain-$i.plan" "$work/$s-$v-$i.plan" |
				    sed -n 's/^\([<>]\) plan: /      \1 /p' | cut -c1-110
			fi
		done
	done
done < "$cmds"
