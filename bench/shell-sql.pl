# shell-sql.pl - turn the statements a pm command prepared into the SQL
# the sqlite3 shell runs as its floor.  bench/ticket-queries.sh uses it.
#
#   perl bench/shell-sql.pl DB PLANFILE > SQLFILE
#
# PLANFILE is the stderr of the command run with PM_DEBUG_PLAN=1: each
# statement pm prepared is a line "plan: SQL", followed by its EXPLAIN
# QUERY PLAN as more "plan: ..." lines.  A statement is told from a plan
# line by its first word (SELECT, WITH, ...: no plan line starts so).
# The statement cache prints each statement once, in the order prepared,
# and so does this: each statement runs once in the shell, in that order.
#
# The values pm binds are written in as literals; they come from the
# environment, worked out by the caller from the command and PM_NOW:
#
#   statement (libpm)                          parameters
#   meta lookup (pm_db_meta)                   ?1 'timezone'
#   staff lookup (--receiver, --assignee)      ?1 $LOGIN
#   list of open tickets (rec.c list query)    each ? in turn: $SEQ (tab-separated)
#   the unresolved candidates (each_unresolved) ?1..?6 $T1..$T6
#   stats: received and events                 ?1 $T1 (from), ?2 $T2 (to or now)
#   pm-report's statements (REPORT=1)          ?1 $FROM, ?2 $CUT, ?3 $TO
#   a KPI's target (kpi_targets)               ?1 'repair_timeliness'
#
# Two functions pm registers, pm_ticket_next_due() and pm_ticket_overdue()
# (ticket_list.c), do not exist in the shell: each call is replaced by the
# same rule written in SQL (tk_next_due() and tk_overdue_at() at $NOW, the
# UTC text of PM_NOW), over the same columns.
#
# Statements pm runs once per ticket are run once over all of them, the
# ids written in as a list, so the shell reads the same rows:
#
#   SELECT ... FROM tickets WHERE id = ?1           -> WHERE id IN (ids)
#   SELECT ... FROM ticket_events WHERE ticket_id = ?1 AND at <= ?2
#       ORDER BY at, id                             -> WHERE ticket_id IN (ids)
#       AND at <= $T1 ORDER BY ticket_id, at, id    (the index's order)
#   SELECT 1 FROM ticket_notices WHERE ticket_id = ?1 AND kind = ?2
#       AND due = ?3                                -> SELECT 1 FROM (VALUES
#       (id, kind, due), ...) v CROSS JOIN ticket_notices n WHERE the same
#
# The ids are those pm passes: for pending and stats the first column
# of the candidate statement's rows (run here, once, by the shell, and
# again in the SQL it writes, as pm reads each row); for due, the
# deadlines of the open tickets that tk_deadline_overdue() finds at $LIMIT
# (worked out here in SQL), and of those the ones not reported before for
# the ticket reads.  A statement with parameters that no rule knows stops
# the script: pm's SQL changed, and this file must learn the new one.
use strict;
use warnings;

my ($db, $planfile) = @ARGV;
die "usage: shell-sql.pl DB PLANFILE\n" unless defined $planfile;
open my $pf, '<', $planfile or die "$planfile: $!\n";
my @stmts;
while (<$pf>) {
	chomp;
	next unless s/^plan: //;
	push @stmts, $_ if /^(SELECT|WITH|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|BEGIN|COMMIT|CREATE)\b/;
}
close $pf;

sub lit { my $v = shift; $v =~ s/'/''/g; "'$v'" }
sub env { my $k = shift; defined $ENV{$k} or die "shell-sql.pl: \$$k is not set\n"; $ENV{$k} }

# Run SQL in the shell and return its rows, each a ref to its fields.
sub rows {
	my $sql = shift;
	open my $p, '-|', 'sqlite3', '-batch', '-tabs', $db, $sql or die "sqlite3: $!\n";
	my @r = map { chomp; [split /\t/, $_, -1] } <$p>;
	close $p or die "sqlite3 failed on: $sql\n";
	@r;
}

my $open = "'new', 'assigned', 'in_progress', 'waiting', 'resolved', 'called_back'";
my $working = "'new', 'assigned', 'in_progress'";

# The arguments of the two functions: status, then due/met pairs for
# notice, onsite, same_day, feedback, completion.
sub args { [map { s/^\s+|\s+$//gr } split /,/, shift] }

# tk_next_due(t, now, 0) of an open ticket: the earliest deadline not
# met by now.
sub next_due {
	my ($a, $now) = (args(shift), lit(env('NOW')));
	my @k = map { "coalesce(CASE WHEN $a->[2 * $_ + 2] IS NULL OR $a->[2 * $_ + 2] > $now"
	    . " THEN $a->[2 * $_ + 1] END, '~')" } 0 .. 4;
	"CASE WHEN $a->[0] IN ($open) THEN nullif(min(" . join(', ', @k) . "), '~') END";
}

# tk_overdue_at(t, now): a deadline but the same-day one passed and not
# met, the notice whatever the status, the others while work goes on.
sub overdue {
	my ($a, $now) = (args(shift), lit(env('NOW')));
	my $k = sub { my $i = shift; "($a->[2 * $i + 1] <= $now AND ($a->[2 * $i + 2] IS NULL"
	    . " OR $a->[2 * $i + 2] > $now))" };
	"($a->[0] IN ($open) AND (" . $k->(0) . " OR ($a->[0] IN ($working)"
	    . " AND (" . join(' OR ', $k->(1), $k->(3), $k->(4)) . "))))";
}

# The deadlines "due" finds: tk_deadline_overdue(t, k, limit) for each
# open ticket and deadline, with whether an earlier --mark reported it.
sub due_rows {
	my $lim = lit(env('LIMIT'));
	my @k = (['notice', 'notice_due', 'noticed_at', 1],
	    ['onsite', 'onsite_due', 'onsite_at', 0],
	    ['feedback', 'feedback_due', 'feedback_at', 0],
	    ['completion', 'completion_due', 'resolved_at', 0]);
	my $sql = join(' UNION ALL ', map {
		my ($name, $due, $met, $any) = @$_;
		"SELECT id, '$name', $due FROM open_tickets WHERE $due <= $lim"
		    . " AND ($met IS NULL OR $met > $lim) AND status IN ("
		    . ($any ? $open : $working) . ")"
	} @k);
	rows("WITH d(id, k, due) AS ($sql) SELECT d.id, d.k, d.due, EXISTS"
	    . " (SELECT 1 FROM ticket_notices n WHERE n.ticket_id = d.id"
	    . " AND n.kind = d.k AND n.due = d.due) FROM d");
}

my (@out, @ids, $have_ids, @due);
for (@stmts) {
	my $s = $_;
	if ($s =~ /^SELECT value FROM meta WHERE key = \?1$/) {
		$s =~ s/\?1/'timezone'/;
	} elsif ($s =~ /^SELECT s\.login FROM staff s JOIN departments d .* WHERE s\.login = \?1$/) {
		$s =~ s/\?1/lit(env('LOGIN'))/e;
	} elsif ($s =~ /^SELECT t\.id, .* FROM open_tickets t WHERE /) {
		my @v = split /\t/, ($ENV{SEQ} // ''), -1;
		$s =~ s/pm_ticket_next_due\(([^()]*)\)/next_due($1)/ge;
		$s =~ s/pm_ticket_overdue\(([^()]*)\)/overdue($1)/ge;
		$s =~ s/\?(?!\d)/@v ? lit(shift @v) : die "shell-sql.pl: more ? than \$SEQ values in: $s\n"/ge;
	} elsif ($s =~ /^WITH c\(c?id\) AS MATERIALIZED \(.* FROM ticket_spans /) {
		$s =~ s/\?([1-6])(?!\d)/lit(env("T$1"))/ge;
		@ids = map { $_->[0] } rows($s);
		$have_ids = 1;
	} elsif ($s =~ /^SELECT kind, count\(\*\) FROM tickets WHERE received_at >= \?1 AND received_at < \?2 GROUP BY kind$/ ||
	    $s =~ /^SELECT t\.kind, e\.event, e\.satisfaction, count\(\*\) FROM ticket_events e JOIN tickets t ON t\.id = e\.ticket_id WHERE e\.at >= \?1 AND e\.at < \?2 /) {
		$s =~ s/\?([12])(?!\d)/lit(env($1 == 1 ? 'FROM' : 'TO'))/ge;
	} elsif ($s =~ /^SELECT target FROM kpi_targets WHERE kpi = \?1$/) {
		$s =~ s/\?1/'repair_timeliness'/;
	} elsif ($s =~ /^SELECT id, kind, .* FROM open_tickets$/) {
		@due = due_rows();
	} elsif ($s =~ /^SELECT 1 FROM ticket_notices WHERE ticket_id = \?1 AND kind = \?2 AND due = \?3$/) {
		# A join, not "(ticket_id, kind, due) IN (VALUES ...)", which
		# SQLite 3.40 answers by reading the whole table.
		my $vals = join(', ', map { "($_->[0], " . lit($_->[1]) . ", " . lit($_->[2]) . ")" } @due);
		$s = @due ? "SELECT 1 FROM (VALUES $vals) v CROSS JOIN ticket_notices n"
		    . " WHERE n.ticket_id = v.column1 AND n.kind = v.column2"
		    . " AND n.due = v.column3" : "SELECT 1 WHERE 0";
		@ids = map { $_->[0] } grep { !$_->[3] } @due;
		$have_ids = 1;
	} elsif ($s =~ /^SELECT .* FROM tickets WHERE id = \?1$/) {
		$have_ids or die "shell-sql.pl: no ids yet for: $s\n";
		my %seen;
		my $list = join(', ', grep { !$seen{$_}++ } @ids);
		$s =~ s/WHERE id = \?1$/WHERE id IN ($list)/;
	} elsif ($s =~ /^SELECT .* FROM ticket_events WHERE ticket_id = \?1 AND at <= \?2 ORDER BY at, id$/) {
		$have_ids or die "shell-sql.pl: no ids yet for: $s\n";
		my $list = join(', ', @ids);
		my $at = lit(env('T1'));
		$s =~ s/WHERE .*/WHERE ticket_id IN ($list) AND at <= $at ORDER BY ticket_id, at, id/;
	} elsif ($ENV{REPORT} && $s =~ /\?[123](?!\d)/ && $s !~ /\?[4-9]/) {
		# Every statement of pm-report binds the period so.
		my %v = (1 => 'FROM', 2 => 'CUT', 3 => 'TO');
		$s =~ s/\?([123])(?!\d)/lit(env($v{$1}))/ge;
	} elsif ($s =~ /\?/) {
		die "shell-sql.pl: a statement with parameters it does not know"
		    . " (update bench/shell-sql.pl): $s\n";
	}
	push @out, $s;
}
print map { "$_;\n" } @out;
