#!/bin/sh
# ticket-add.sh - how long "pm-ticket add" takes, per invocation, against
# its floor: the sqlite3 shell doing the same INSERT (same table, same
# columns, same pragmas: WAL, synchronous=FULL, foreign_keys=ON) on the
# same database, which holds 1,000,000 tickets.
#
#   sh bench/ticket-add.sh [BINDIR]   (default: pm-ticket's on PATH, else build/bin)
#
# Environment: N invocations of each (default 200), TICKETS in the
# database (default 1000000).  The database is built once and cached in
# bench/data/ (rebuilt when the schema or the generator change); each run
# works on copies, so the cache stays as generated: one copy for pm and one
# for each shell variant, since a WAL file one of them keeps and another
# deletes would make each pay for the other.
#
# The two are run alternately, so drifts in the machine's speed hit
# both alike; each time is one fork, exec and wait, measured by perl.
# Prints both medians, their ratio (the target is at most 1.2), and,
# for information, the shell doing everything pm-ticket writes: the
# ticket, its history row and its audit row, in one transaction.
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
N=${N:-200}
TICKETS=${TICKETS:-1000000}
bench_need pm-ticket pm-db sqlite3 perl
bench_tickets
work=$data/tickets-bench
clean() { for w in pm sh all; do rm -f "$work-$w.db" "$work-$w.db-wal" "$work-$w.db-shm"; done; }
clean
trap clean EXIT
for w in pm sh all; do cp "$cache" "$work-$w.db"; done

# The INSERT pm-ticket add makes for "door-lock at 11-1-101", with the
# deadlines it computes for a ticket received now.
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
insert="INSERT INTO tickets(kind, category, unit, source, description, level,
 level_reason, receiver, received_at, notice_due, onsite_due, same_day_due,
 feedback_due, completion_due) VALUES ('repair', 'door-lock', '11-1-101',
 'phone', '单元门锁坏了', 2, 'repeat of ticket 1 within 30d', 'zhang.wei',
 '$now', '$now', NULL, '$now', '$now', '$now');"
# The shell's busy timeout is a dot-command (a PRAGMA would print).
pragmas="PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;"
history="INSERT INTO ticket_history(ticket_id, at, who, action, from_status,
 to_status, detail) VALUES (last_insert_rowid(), '$now', 'zhang.wei', 'add',
 NULL, 'new', 'repair door-lock at 11-1-101, level 2');
 INSERT INTO audit(at, who, program, verb, tbl, row_id, summary) VALUES ('$now',
 'zhang.wei', 'pm-ticket', 'add', 'tickets', (SELECT max(id) FROM tickets),
 'add new: repair door-lock at 11-1-101');"

# One warm-up each, so the first run's page cache misses are nobody's.
PM_DB=$work-pm.db PM_USER=zhang.wei "$bin/pm-ticket" add -q -c door-lock -u 11-1-101 单元门锁坏了
sqlite3 -cmd '.timeout 5000' "$work-sh.db" "$pragmas $insert"
sqlite3 -cmd '.timeout 5000' "$work-all.db" "$pragmas $insert"

PM_DB=$work-pm.db SH_DB=$work-sh.db ALL_DB=$work-all.db PM_USER=zhang.wei N=$N PM_BIN=$bin PRAGMAS=$pragmas INSERT=$insert \
    HISTORY=$history perl -MTime::HiRes=time -e '
	my @pm = ("$ENV{PM_BIN}/pm-ticket", "add", "-q", "-c", "door-lock",
	    "-u", "11-1-101", "单元门锁坏了");
	my @sh = ("sqlite3", "-cmd", ".timeout 5000", $ENV{SH_DB},
	    "$ENV{PRAGMAS} $ENV{INSERT}");
	my @all = ("sqlite3", "-cmd", ".timeout 5000", $ENV{ALL_DB},
	    "$ENV{PRAGMAS} BEGIN IMMEDIATE; $ENV{INSERT} $ENV{HISTORY} COMMIT;");
	my (@a, @b, @c);
	sub run { my $t = time; system(@_) == 0 or die "failed: @_\n"; time - $t }
	for (1 .. $ENV{N}) {
		push @a, run(@pm);
		push @b, run(@sh);
		push @c, run(@all);
	}
	sub median { my @s = sort { $a <=> $b } @_; my $n = @s;
		$n % 2 ? $s[$n / 2] : ($s[$n / 2 - 1] + $s[$n / 2]) / 2 }
	my ($ma, $mb, $mc) = map { median(@$_) * 1000 } \@a, \@b, \@c;
	printf "pm-ticket add:                 %6.2f ms (median of %d)\n", $ma, $ENV{N};
	printf "sqlite3 INSERT (the floor):    %6.2f ms\n", $mb;
	printf "ratio:                         %6.2f (target <= 1.20)\n", $ma / $mb;
	printf "sqlite3 ticket+history+audit:  %6.2f ms (ratio %.2f)\n", $mc, $ma / $mc;
'
echo "tickets: $(sqlite3 "$work-pm.db" 'SELECT count(*) FROM tickets') (pm), $(sqlite3 "$work-sh.db" 'SELECT count(*) FROM tickets') (sqlite3)"
