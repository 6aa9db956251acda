#!/bin/sh
# report.sh - how long pm-report takes on the generated estate of
# 100,000 and 1,000,000 tickets (five years), each against its floor:
# the sqlite3 shell running the SQL pm-report itself ran, on the same
# database, at the same PM_NOW; then ten times the history at the same
# tickets a day, and the peak memory.
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
# PM_DEBUG_PLAN=1 and bench/shell-sql.pl writes the values it binds in
# as literals (REPORT=1: ?1 the period's start, ?2 its cut, ?3 its end,
# all UTC; the unresolved tickets at the end as for pm-ticket pending),
# and runs the replay of each ticket once over all of them.
#
# Environment: N runs of each (default 15); SIZES (default "100000
# 1000000"); HISTORY (default "100000 15700000": as many tickets a day as
# the larger size over 182 days; empty: none); NOW (default
# 2026-11-16T09:30), MONTH (2026-10), WEEK (2026-W44).  Figures only:
# nothing here fails.
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
bench_sizes
data=$top/bench/data
work=$data/report
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
rss_file=$work/rss

zone=$(sqlite3 "$data/tickets-$(echo $SIZES | cut -d' ' -f1).db" \
    "SELECT value FROM meta WHERE key = 'timezone'")
utc() { date -u -d "TZ=\"$zone\" $1" +%Y-%m-%dT%H:%M:%SZ; }
ago() { date -u -d "@$(( $(date -u -d "$1" +%s) - $2 ))" +%Y-%m-%dT%H:%M:%SZ; }
m_from=$(utc "$MONTH-01 00:00")
m_to=$(utc "$(TZ=$zone date -d "$MONTH-01 +1 month" +%F) 00:00")
# The ISO week's Monday: 4 January's week, moved on.
wy=${WEEK%-W*} wn=${WEEK#*-W}
jan4=$(TZ=$zone date -d "$wy-01-04" +%u)
monday=$(TZ=$zone date -d "$wy-01-04 -$((jan4 - 1)) days +$(( (${wn#0} - 1) * 7 )) days" +%F)
w_from=$(utc "$monday 00:00")
w_to=$(utc "$(TZ=$zone date -d "$monday +7 days" +%F) 00:00")
# The unresolved tickets at a closed period's end are read as they
# stood a second before it (each_unresolved).
cand() {
	t1=$(ago "$1" 1)
	echo "T1=$t1 T2=$1 T3=$(ago "$t1" 86400) T4=$(ago "$t1" 604800)" \
	    "T5=$(ago "$t1" 2678400) T6=$(ago "$t1" 31622400)"
}
cmds=$work/cmds
{
	echo "monthly $MONTH|FROM=$m_from CUT=$m_to TO=$m_to $(cand "$m_to")|monthly $MONTH"
	echo "monthly -o tsv $MONTH|FROM=$m_from CUT=$m_to TO=$m_to|monthly -o tsv $MONTH"
	echo "monthly --by staff $MONTH|FROM=$m_from CUT=$m_to TO=$m_to|monthly --by staff $MONTH"
	echo "weekly --callbacks $WEEK|FROM=$w_from CUT=$w_to TO=$w_to|weekly --callbacks $WEEK"
} > "$cmds"

timer='
	my @pm = ($ENV{PM}, split(/ /, $ENV{ARGS}));
	my @sh = ("sqlite3", "-batch", "-tabs", $ENV{DB});
	sub run {
		my ($in, @cmd) = @_;
		my $t = time;
		my $pid = fork // die "fork: $!\n";
		if ($pid == 0) {
			open STDIN, "<", $in or die "$in: $!\n";
			open STDOUT, ">", "/dev/null" or die;
			exec @cmd or die "exec $cmd[0]: $!\n";
		}
		waitpid $pid, 0;
		$? == 0 or die "failed: @cmd\n";
		time - $t;
	}
	sub median { my @s = sort { $a <=> $b } @_; my $n = @s;
		$n % 2 ? $s[$n / 2] : ($s[$n / 2 - 1] + $s[$n / 2]) / 2 }
	my (@a, @b);
	for (1 .. $ENV{N}) {
		push @a, run("/dev/null", @pm);
		push @b, run($ENV{SQL}, @sh);
	}
	printf "%.2f %.2f\n", median(@a) * 1000, median(@b) * 1000;
'

# measure NAME DB: every report on DB, a line each in $work/results:
# name index pm-ms sh-ms pm-lines pm-KB sh-KB.
measure() {
	size=$1 db=$2
	i=0
	while IFS='|' read -r name vars args; do
		i=$((i + 1))
		base=$work/$size-$i
		PM_DB=$db PM_NOW=$NOW PM_DEBUG_PLAN=1 "$bin/pm-report" $args \
		    > "$base.out" 2> "$base.plan"
		lines=$(wc -l < "$base.out")
		env REPORT=1 NOW="$(utc "${NOW%T*} ${NOW#*T}")" $vars perl \
		    "$top/bench/shell-sql.pl" "$db" "$base.plan" > "$base.sql"
		times=$(PM_DB=$db PM_NOW=$NOW N=$N PM=$bin/pm-report ARGS=$args \
		    DB=$db SQL=$base.sql perl -MTime::HiRes=time -e "$timer")
		set -- $(PM_DB=$db PM_NOW=$NOW bench_one "$bin/pm-report" $args)
		pmkb=$2
		if [ "$rss" -eq 1 ]; then
			/usr/bin/time -f %M -o "$rss_file" sqlite3 -batch -tabs \
			    "$db" < "$base.sql" > /dev/null
			shkb=$(tail -n 1 "$rss_file")
		else
			shkb=-
		fi
		echo "$size $i $times $lines $pmkb $shkb" >> "$work/results"
	done < "$cmds"
}

echo "PM_NOW=$NOW, medians of $N runs, pm-report and the sqlite3 shell alternately"
for s in $SIZES; do
	bench_tickets "$s"
	measure "$s" "$cache"
done
if [ -n "$HISTORY" ]; then
	bench_tickets $HISTORY
	measure history "$cache"
fi

awk -v sizes="$SIZES${HISTORY:+ history}" -v cmds="$cmds" '
BEGIN {
	ns = split(sizes, sz, " ")
	FS = "|"
	while ((getline line < cmds) > 0) { split(line, f, "|"); name[++nc] = f[1] }
	FS = " "
}
{ pm[$1, $2] = $3; sh[$1, $2] = $4; ln[$1, $2] = $5; pkb[$1, $2] = $6; skb[$1, $2] = $7 }
END {
	for (s = 1; s <= ns; s++) {
		title = sz[s] " tickets"
		if (sz[s] == "history")
			title = "history: a tenth of the history, the largest size'"'"'s tickets a day"
		printf "\n%s\n", title
		printf "%-32s %8s %8s %6s %7s %8s %8s\n", "report", "pm ms", "sh ms", "pm/sh", "lines", "pm KB", "sh KB"
		for (c = 1; c <= nc; c++) {
			k = sz[s] SUBSEP c
			r = 0
			if (sh[k] > 0)
				r = pm[k] / sh[k]
			printf "%-32s %8.2f %8.2f %6.2f %7d %8s %8s\n", name[c], pm[k], sh[k], r, ln[k], pkb[k], skb[k]
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
	print "\ntargets: pm/sh <= 1.00; peak memory <= 16384 KB"
}' "$work/results"
