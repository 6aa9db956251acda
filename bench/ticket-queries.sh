#!/bin/sh
# ticket-queries.sh - how long the desk's reads take on 1,000,000 tickets:
# "pm-ticket list --overdue", "list --receiver --since", "pending" (today
# and a past day) and "due", each against its floor, the sqlite3 shell
# running the same statement (the text libpm/ticket_list.c builds, its
# parameters written in as literals) on the same database.
#
#   sh bench/ticket-queries.sh [BINDIR]   (default: pm-ticket's on PATH, else build/bin)
#
# Environment: N runs of each (default 30), TICKETS in the database
# (default 1000000), NOW the fixed PM_NOW (default 2026-11-16T09:30,
# two days after the last generated ticket, when 500 are still open),
# PAST and OLD the past days for "pending" (default 2026-06-15, five
# months back, and 2022-01-15, near the first ticket: its cost grows
# with the tickets resolved since the day).
#
# The database is the one bench/lib.sh builds and caches in bench/data/
# for ticket-add.sh too; this script only reads it (no --mark).  pm and
# the shell run alternately, so drifts in the machine's speed hit both alike; each time
# is one fork, exec and wait, measured by perl.  Prints each median, their
# ratio, the rows each returned (a warning when they differ), then the
# query plan of every statement, flagging a table scanned without an index.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
N=${N:-30}
TICKETS=${TICKETS:-1000000}
NOW=${NOW:-2026-11-16T09:30}
PAST=${PAST:-2026-06-15}
OLD=${OLD:-2022-01-15}
bench_need pm-ticket pm-db sqlite3 perl
bench_tickets

# The literals pm computes from PM_NOW in the estate's zone: now, the
# start of the local day 30 days ago (--since -30d), the end of today and
# of the past day (pending).  GNU date does the zone arithmetic.
zone=$(sqlite3 "$cache" "SELECT value FROM meta WHERE key = 'timezone'")
utc() { date -u -d "TZ=\"$zone\" $1" +%Y-%m-%dT%H:%M:%SZ; }
now=$(utc "${NOW%T*} ${NOW#*T}")
today=$(TZ=$zone date -d "${NOW%T*}" +%F)
since=$(utc "$(TZ=$zone date -d "$today -30 days" +%F) 00:00")
today_end=$(utc "$(TZ=$zone date -d "$today +1 day" +%F) 00:00")
past_end=$(utc "$(TZ=$zone date -d "$PAST +1 day" +%F) 00:00")
old_end=$(utc "$(TZ=$zone date -d "$OLD +1 day" +%F) 00:00")
login=zhang.wei

cols="id, kind, category, unit, source, description, status, level,\
 level_reason, escalated, receiver, assignee, received_at,\
 notice_due, onsite_due, same_day_due, feedback_due, completion_due,\
 noticed_at, onsite_at, feedback_at, resolved_at, callback_at,\
 callback_by, satisfaction, callback_comment, closed_at,\
 cancelled_at, paused_at, wait_reason, resume_status,\
 paused_seconds, reopen_count"
open="'new', 'assigned', 'in_progress', 'waiting', 'resolved', 'called_back'"

# list_query() with the default status filter, then --overdue (?10 = now).
q_overdue="SELECT $cols FROM tickets WHERE 1 AND status IN ($open)\
 AND status IN ($open)\
 AND ((noticed_at IS NULL AND notice_due <= '$now')\
 OR (status IN ('new', 'assigned', 'in_progress')\
 AND ((onsite_at IS NULL AND onsite_due <= '$now')\
 OR (feedback_at IS NULL AND feedback_due <= '$now')\
 OR completion_due <= '$now')))\
 ORDER BY received_at, id"
# list_query() with --receiver (?6) and --since (?8).
q_receiver="SELECT $cols FROM tickets WHERE 1 AND status IN ($open)\
 AND receiver = '$login' AND received_at >= '$since'\
 ORDER BY received_at, id"
# pm_ticket_pending(): ?1 the end of the day, ?2 the earlier of it and now.
pending() {
	echo "SELECT $cols FROM tickets WHERE id IN (\
 SELECT id FROM tickets WHERE status IN ($open)\
 UNION ALL SELECT id FROM tickets\
  WHERE resolved_at > '$2' AND received_at < '$1'\
 UNION ALL SELECT id FROM tickets\
  WHERE cancelled_at > '$2' AND received_at < '$1')\
 AND same_day_due <= '$1' AND +received_at < '$1'\
 AND (resolved_at IS NULL OR resolved_at > '$2')\
 AND (cancelled_at IS NULL OR cancelled_at > '$2')\
 ORDER BY received_at, id"
}
q_pending_today=$(pending "$today_end" "$now")
q_pending_past=$(pending "$past_end" "$past_end")
q_pending_old=$(pending "$old_end" "$old_end")
# pm_ticket_due() without --within: ?1 = now.
q_due="WITH d(id, kind, due, ord) AS (\
 SELECT id, 'notice', notice_due, 0 FROM tickets\
  WHERE status IN ($open) AND noticed_at IS NULL\
  AND notice_due <= '$now'\
 UNION ALL SELECT id, 'onsite', onsite_due, 1 FROM tickets\
  WHERE status IN ('new', 'assigned', 'in_progress')\
  AND onsite_at IS NULL AND onsite_due <= '$now'\
 UNION ALL SELECT id, 'feedback', feedback_due, 2 FROM tickets\
  WHERE status IN ('new', 'assigned', 'in_progress')\
  AND feedback_at IS NULL AND feedback_due <= '$now'\
 UNION ALL SELECT id, 'completion', completion_due, 3 FROM tickets\
  WHERE status IN ('new', 'assigned', 'in_progress')\
  AND completion_due <= '$now')\
 SELECT d.id, t.level, d.kind, d.due, t.unit, t.category,\
  t.receiver, t.assignee, t.description\
 FROM d JOIN tickets t ON t.id = d.id\
 WHERE NOT EXISTS (SELECT 1 FROM ticket_notices n\
  WHERE n.ticket_id = d.id AND n.kind = d.kind AND n.due = d.due)\
 ORDER BY d.due, d.id, d.ord"

PM_DB=$cache PM_NOW=$NOW
export PM_DB PM_NOW
echo "$TICKETS tickets, PM_NOW=$NOW ($now), medians of $N runs"
printf '%-40s %8s %10s %6s %8s %8s\n' query "pm ms" "sqlite3 ms" ratio \
    "pm rows" "sh rows"

# One fork, exec and wait of each, alternately, N times; prints a row.
timer='
	my @pm = ($ENV{PM}, @ARGV, "-o", "tsv");
	my @sh = ("sqlite3", "-batch", "-tabs", $ENV{DB}, $ENV{SQL});
	sub run {
		my $t = time;
		my $pid = fork // die "fork: $!\n";
		if ($pid == 0) {
			open STDOUT, ">", "/dev/null" or die;
			exec @_ or die "exec $_[0]: $!\n";
		}
		waitpid $pid, 0;
		# "due" exits 1 when it found something due.
		$? == 0 || ($? == 256 && $_[0] eq $ENV{PM}) or
		    die "failed: @_\n";
		time - $t;
	}
	sub median { my @s = sort { $a <=> $b } @_; my $n = @s;
		$n % 2 ? $s[$n / 2] : ($s[$n / 2 - 1] + $s[$n / 2]) / 2 }
	my (@a, @b);
	for (1 .. $ENV{N}) { push @a, run(@pm); push @b, run(@sh); }
	my ($ma, $mb) = map { median(@$_) * 1000 } \@a, \@b;
	printf "%-40s %8.2f %10.2f %6.2f %8d %8d\n", $ENV{NAME},
	    $ma, $mb, $ma / $mb, $ENV{PMROWS}, $ENV{SHROWS};
'

# measure NAME SQL PM-ARGS...: the rows each returns (which also warms
# the page cache), then the medians.
measure() {
	name=$1 sql=$2
	shift 2
	pmrows=$("$bin/pm-ticket" "$@" -o tsv | wc -l)
	shrows=$(sqlite3 -batch -tabs "$cache" "$sql" | wc -l)
	N=$N NAME=$name SQL=$sql DB=$cache PM=$bin/pm-ticket PMROWS=$pmrows \
	    SHROWS=$shrows perl -MTime::HiRes=time -e "$timer" -- "$@"
	[ "$pmrows" -eq "$shrows" ] ||
		echo "WARNING: $name: pm returned $pmrows rows, sqlite3 $shrows"
}

measure "list --overdue" "$q_overdue" list --overdue
measure "list --receiver $login --since -30d" "$q_receiver" \
    list --receiver "$login" --since -30d
measure "pending (today, ${NOW%T*})" "$q_pending_today" pending
measure "pending $PAST" "$q_pending_past" pending "$PAST"
measure "pending $OLD" "$q_pending_old" pending "$OLD"
measure "due" "$q_due" due

# The plans, so a reader sees the index each step uses.  A table read
# without one shows as "SCAN name" with nothing after it.
plan() {
	echo
	echo "-- $1"
	sqlite3 -batch "$cache" "EXPLAIN QUERY PLAN $2" | awk '
		{ print }
		/SCAN [A-Za-z_]+ *$/ && $NF != "d" { scans = scans " " $NF }
		END { if (scans != "")
			print "   ^ NOTE: read without an index:" scans }'
}
echo
echo "query plans (EXPLAIN QUERY PLAN)"
plan "list --overdue" "$q_overdue"
plan "list --receiver $login --since -30d" "$q_receiver"
plan "pending (today)" "$q_pending_today"
plan "pending $PAST (and $OLD)" "$q_pending_past"
plan "due" "$q_due"
