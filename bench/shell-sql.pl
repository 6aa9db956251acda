# shell-sql.pl - turn the statements a pm command ran into the SQL the
# sqlite3 shell runs as its floor.  bench/ticket-queries.sh and
# bench/report.sh use it.
#
#   perl bench/shell-sql.pl DB PLANFILE > SQLFILE
#
# PLANFILE is the stderr of the command run with PM_DEBUG_PLAN=1 (see
# libpm/db.c): each statement pm prepared is a line "plan: SQL" (told
# from a plan row by its first word: SELECT, WITH, ...), followed by its
# EXPLAIN QUERY PLAN as more "plan: ..." lines; and each time a statement
# ran, a line "plan: run N: ?1=VALUE ?2=VALUE ..." with the values bound,
# as SQL literals, N the statement's number in the order the statements
# were shown.  The statements are written out in the order they were
# prepared, each once for each time it ran (a statement prepared but
# never run is left out), its parameters replaced by the literals of
# that run: no rule per statement, so pm's SQL may change freely.
#
# pm's collation pm_natural, which the shell lacks, becomes BINARY.
#
# Two functions pm registers, pm_ticket_next_due() and pm_ticket_overdue()
# (ticket_list.c), do not exist in the shell: each call is replaced by the
# same rule written in SQL (tk_next_due() and tk_overdue_at() at $NOW, the
# UTC text of PM_NOW), over the same columns.
#
# Statements pm runs once per ticket are run once over all of them, the
# ids (the ?1 of each run) written in as a list, so the shell reads the
# same rows with one statement rather than parsing one per ticket:
#
#   SELECT ... FROM tickets WHERE id = ?1           -> WHERE id IN (ids)
#   SELECT ... FROM ticket_events WHERE ticket_id = ?1 AND at <= ?2
#       ORDER BY at, id                             -> WHERE ticket_id IN (ids)
#       AND at <= ?2 ORDER BY ticket_id, at, id     (the index's order; when
#                                                   every run binds one ?2)
#   SELECT 1 FROM ticket_notices WHERE ticket_id = ?1 AND kind = ?2
#       AND due = ?3                                -> SELECT 1 FROM (VALUES
#       (id, kind, due), ...) v CROSS JOIN ticket_notices n WHERE the same
#
# Any other statement run more than once is written out once for each
# set of values it ran with: a run that repeats an earlier one (the same
# statement with the same values, the same rows) is work the floor need
# not do.
# A run whose values pm could not show ("(values not known)"), or a
# statement with parameters that never shows its runs (a pm built
# without them), stops the script.
use strict;
use warnings;

my ($db, $planfile) = @ARGV;
die "usage: shell-sql.pl DB PLANFILE\n" unless defined $planfile;
open my $pf, '<', $planfile or die "$planfile: $!\n";
my (@stmts, @runs, $any_run);
while (<$pf>) {
	chomp;
	next unless s/^plan: //;
	if (/^run (\d+):(.*)$/) {
		my ($n, $rest) = ($1, $2);
		$n <= @stmts or die "shell-sql.pl: run of statement $n, but only "
		    . scalar(@stmts) . " statements were shown: $_\n";
		$rest !~ /values not known/
		    or die "shell-sql.pl: pm could not show the values of: $stmts[$n - 1]\n";
		my %v;
		while ($rest =~ /\G\s*\?(\d+)=(NULL|x?'(?:[^']|'')*'|[-+0-9.eEInfa]+)/gc) {
			$v{$1} = $2;
		}
		$rest =~ /\G\s*$/gc or die "shell-sql.pl: cannot read the values of: $_\n";
		push @{$runs[$n - 1]}, \%v;
		$any_run = 1;
		next;
	}
	push @stmts, $_ if /^(SELECT|WITH|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE|CREATE|DROP|ALTER|ANALYZE|VALUES|ATTACH|DETACH|VACUUM|REINDEX|EXPLAIN)\b/;
}
close $pf;
@stmts == 0 || $any_run
    or die "shell-sql.pl: $planfile shows no runs (a pm without 'plan: run' lines)\n";

sub lit { my $v = shift; $v =~ s/'/''/g; "'$v'" }
sub env { my $k = shift; defined $ENV{$k} or die "shell-sql.pl: \$$k is not set\n"; $ENV{$k} }

# The statement's text with each parameter replaced by its value in the
# run %$v; quoted text is left alone.
sub bind_run {
	my ($s, $v) = @_;
	my $last = 0;
	$s =~ s{('(?:[^']|'')*'|"[^"]*")|\?(\d*)(?![0-9])}{
		if (defined $1) { $1 } else {
			my $i = $2 eq '' ? $last + 1 : $2;
			$last = $i if $i > $last;
			defined $v->{$i} or die "shell-sql.pl: no value for ?$i in: $s\n";
			$v->{$i};
		}
	}ge;
	$s;
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

sub uniq { my %seen; grep { !$seen{$_}++ } @_ }

my @out;
for my $i (0 .. $#stmts) {
	my $s = $stmts[$i];
	my @r = @{$runs[$i] // []};
	next unless @r;
	$s =~ s/pm_ticket_next_due\(([^()]*)\)/next_due($1)/ge;
	$s =~ s/pm_ticket_overdue\(([^()]*)\)/overdue($1)/ge;
	# pm's natural order of codes ("3-2-10" after "3-2-9") is a
	# collation the shell lacks: the floor sorts by bytes instead.
	$s =~ s/COLLATE pm_natural\b/COLLATE BINARY/g;
	if (@r > 1 && $s =~ /^SELECT .* FROM tickets WHERE id = \?1$/) {
		my $list = join(', ', uniq(map { $_->{1} } @r));
		$s =~ s/WHERE id = \?1$/WHERE id IN ($list)/;
		push @out, $s;
	} elsif (@r > 1 && $s =~ /^SELECT .* FROM ticket_events WHERE ticket_id = \?1 AND at <= \?2 ORDER BY at, id$/
	    && 1 == uniq(map { $_->{2} } @r)) {
		my $list = join(', ', uniq(map { $_->{1} } @r));
		$s =~ s/WHERE .*/WHERE ticket_id IN ($list) AND at <= $r[0]{2} ORDER BY ticket_id, at, id/;
		push @out, $s;
	} elsif (@r > 1 && $s =~ /^SELECT 1 FROM ticket_notices WHERE ticket_id = \?1 AND kind = \?2 AND due = \?3$/) {
		# A join, not "(ticket_id, kind, due) IN (VALUES ...)", which
		# SQLite 3.40 answers by reading the whole table.
		my $vals = join(', ', uniq(map { "($_->{1}, $_->{2}, $_->{3})" } @r));
		push @out, "SELECT 1 FROM (VALUES $vals) v CROSS JOIN ticket_notices n"
		    . " WHERE n.ticket_id = v.column1 AND n.kind = v.column2"
		    . " AND n.due = v.column3";
	} else {
		push @out, uniq(map { bind_run($s, $_) } @r);
	}
}
print map { "$_;\n" } @out;
