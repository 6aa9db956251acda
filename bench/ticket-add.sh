#!/bin/sh
# ticket-add.sh - how long "pm-ticket add" takes, per invocation, at
# 100,000 and at 1,000,000 tickets, against its floor: the sqlite3 shell
# running the same SQL (the same three INSERTs, same values, same
# pragmas: WAL, synchronous=FULL, foreign_keys=ON) on the same database.
#
#   sh bench/ticket-add.sh [BINDIR]   (default: pm-ticket's on PATH, else build/bin)
#
# Environment: N invocations of each (default 200); SIZES, the ticket
# counts of the databases (default "100000 1000000").  The databases are
# built once and cached in bench/data/ (rebuilt when the schema or the
# generator change); each run works on copies, so the caches stay as
# generated: one copy for pm and one for each shell variant, since a WAL
# file one of them keeps and another deletes would make each pay for the
# other.
#
# The INSERTs are pm's own: after one warm-up "pm-ticket add", the row it
# wrote to tickets (the received facts, the first_* and the now columns,
# open_since), its "add" row in ticket_events and its audit row are read
# back and written out as INSERT statements with those values as
# literals.  The floor is all three in one BEGIN IMMEDIATE transaction,
# as pm writes them (pm reads a dozen rows besides: staff, category,
# unit, calendar, service levels, the previous ticket of the unit); for
# information, the shell also does the ticket's INSERT alone.
#
# The three are run alternately, so drifts in the machine's speed hit
# all alike; each time is one fork, exec and wait, measured by perl.
# Prints the medians side by side, their ratios (the target is at most
# 1.0 against the same SQL), the ratio of the last size to the first, and
# the peak resident memory of one more run of each (GNU time %M).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
N=${N:-200}
bench_need pm-ticket pm-db sqlite3 perl
bench_rss
bench_sizes
work=$data/tickets-add
rmdb() { rm -f "$1" "$1-wal" "$1-shm"; }
clean() { for w in pm sh all; do rmdb "$work-$w.db"; done; rm -f "$work".*; }
clean
trap clean EXIT

# The shell's busy timeout is a dot-command (a PRAGMA would print).
pragmas="PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
cols="kind, category, unit, source, description, receiver, received_at,
 first_level, first_level_reason, first_notice_due, first_onsite_due,
 first_same_day_due, first_feedback_due, first_completion_due, level,
 level_reason, notice_due, onsite_due, same_day_due, feedback_due,
 completion_due, open_since"
ecols="at, who, event, from_status, status, level, assignee, notice_due,
 onsite_due, same_day_due, feedback_due, completion_due, meets,
 satisfaction, detail"
acols="at, who, program, verb, tbl, summary, unix_user"
# values COLS: the SQL of "quote(a) || ', ' || quote(b) ...".
values() { echo $1 | sed 's/[a-z_][a-z_]*/quote(&)/g; s/,/ || '"', '"' ||/g'; }

for s in $SIZES; do
	bench_tickets "$s"
	for w in pm sh all; do rmdb "$work-$w.db"; done
	for w in pm sh all; do cp "$cache" "$work-$w.db"; done

	# One warm-up each, so the first run's page cache misses are
	# nobody's; pm's tells the INSERTs what it wrote.
	PM_DB=$work-pm.db PM_USER=zhang.wei "$bin/pm-ticket" add -q -c door-lock \
	    -u 11-1-101 单元门锁坏了
	id=$(sqlite3 "$work-pm.db" 'SELECT max(id) FROM tickets')
	insert=$(sqlite3 "$work-pm.db" "SELECT 'INSERT INTO tickets($(echo $cols))
	    VALUES (' || $(values "$cols") || ');' FROM tickets WHERE id = $id")
	rest=$(sqlite3 "$work-pm.db" "SELECT 'INSERT INTO ticket_events(ticket_id,
	    $(echo $ecols)) VALUES (last_insert_rowid(), ' || $(values "$ecols") ||
	    ');' FROM ticket_events WHERE ticket_id = $id AND event = 'add';
	    SELECT 'INSERT INTO audit($(echo $acols), row_id) VALUES (' ||
	    $(values "$acols") || ', (SELECT max(id) FROM tickets));' FROM audit
	    WHERE tbl = 'tickets' AND row_id = '$id'")
	echo "$insert" > "$work.insert"
	echo "$rest" > "$work.rest"
	sqlite3 -cmd '.timeout 5000' "$work-sh.db" "$pragmas $insert"
	sqlite3 -cmd '.timeout 5000' "$work-all.db" \
	    "$pragmas BEGIN IMMEDIATE; $insert $rest COMMIT;"

	PM_DB=$work-pm.db SH_DB=$work-sh.db ALL_DB=$work-all.db PM_USER=zhang.wei \
	    N=$N PM_BIN=$bin PRAGMAS=$pragmas INSERT=$insert REST=$rest \
	    perl -MTime::HiRes=time -e '
		my @pm = ("$ENV{PM_BIN}/pm-ticket", "add", "-q", "-c", "door-lock",
		    "-u", "11-1-101", "单元门锁坏了");
		my @sh = ("sqlite3", "-cmd", ".timeout 5000", $ENV{SH_DB},
		    "$ENV{PRAGMAS} $ENV{INSERT}");
		my @all = ("sqlite3", "-cmd", ".timeout 5000", $ENV{ALL_DB},
		    "$ENV{PRAGMAS} BEGIN IMMEDIATE; $ENV{INSERT} $ENV{REST} COMMIT;");
		my (@a, @b, @c);
		sub run { my $t = time; system(@_) == 0 or die "failed: @_\n"; time - $t }
		for (1 .. $ENV{N}) {
			push @a, run(@pm);
			push @b, run(@sh);
			push @c, run(@all);
		}
		sub median { my @s = sort { $a <=> $b } @_; my $n = @s;
			$n % 2 ? $s[$n / 2] : ($s[$n / 2 - 1] + $s[$n / 2]) / 2 }
		printf "%.2f %.2f %.2f\n", map { median(@$_) * 1000 } \@a, \@b, \@c;
	' > "$work.times"
	if [ "$rss" -eq 1 ]; then
		PM_DB=$work-pm.db PM_USER=zhang.wei /usr/bin/time -f %M -o "$work.rss" \
		    "$bin/pm-ticket" add -q -c door-lock -u 11-1-101 单元门锁坏了
		pmkb=$(tail -n 1 "$work.rss")
		/usr/bin/time -f %M -o "$work.rss" sqlite3 -cmd '.timeout 5000' \
		    "$work-all.db" "$pragmas BEGIN IMMEDIATE; $insert $rest COMMIT;"
		shkb=$(tail -n 1 "$work.rss")
	else
		pmkb=- shkb=-
	fi
	echo "$s $(cat "$work.times") $pmkb $shkb" >> "$work.results"
	n1=$(sqlite3 "$work-pm.db" 'SELECT count(*) FROM tickets')
	n2=$(sqlite3 "$work-sh.db" 'SELECT count(*) FROM tickets')
	n3=$(sqlite3 "$work-all.db" 'SELECT count(*) FROM tickets')
	echo "$s: tickets after: $n1 (pm), $n2 (sqlite3 INSERT), $n3 (sqlite3 all three)"
done

echo
echo "the INSERT (pm's values, written in):"
tr -s '\n\t ' '   ' < "$work.insert" | fold -s -w 100
echo
echo "and, for the \"all three\" variant, after it:"
tr -s '\n\t ' '   ' < "$work.rest" | fold -s -w 100
echo
echo
echo "pm-ticket add, one invocation: medians of $N (ms), peak RSS (KB)"
awk -v n="$N" '
{ s[++k] = $1; pm[k] = $2; sh[k] = $3; all[k] = $4; pkb[k] = $5; skb[k] = $6 }
END {
	printf "%-36s", ""
	for (i = 1; i <= k; i++) printf " %14s", s[i] " tickets"
	if (k > 1) printf " %10s", "last/first"
	printf "\n"
	row("pm-ticket add", pm)
	row("sqlite3: ticket, event, audit", all)
	row("sqlite3: the ticket INSERT alone", sh)
	printf "%-36s", "ratio pm / same SQL (target <= 1.00)"
	for (i = 1; i <= k; i++) printf " %14.2f", pm[i] / all[i]
	printf "\n%-36s", "ratio pm / INSERT alone"
	for (i = 1; i <= k; i++) printf " %14.2f", pm[i] / sh[i]
	printf "\n%-36s", "peak RSS pm (KB)"
	for (i = 1; i <= k; i++) printf " %14s", pkb[i]
	printf "\n%-36s", "peak RSS sqlite3, all three (KB)"
	for (i = 1; i <= k; i++) printf " %14s", skb[i]
	printf "\n"
}
function row(name, a,   i) {
	printf "%-36s", name
	for (i = 1; i <= k; i++) printf " %14.2f", a[i]
	if (k > 1) printf " %10.2f", a[k] / a[1]
	printf "\n"
}' "$work.results"
