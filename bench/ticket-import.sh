#!/bin/sh
# ticket-import.sh - what "pm-ticket import" of 100,000 and of 1,000,000
# tickets costs, in time and in memory, against its floor: the sqlite3
# shell loading the same tickets with ".import" into the same schema.
#
#   sh bench/ticket-import.sh [BINDIR]   (default: pm-ticket's on PATH, else build/bin)
#
# Environment: ROWS, the sizes of the file (default "100000 1000000");
# RUNS of each (default 3; the time is the median, the memory the
# largest).
#
# The input is a TSV of category, unit, description, received and
# receiver, with its header: the first ROWS tickets of the database
# bench/lib.sh generates (bench/gen-tickets.sql), which is also where the
# 10,000 units come from.  Each run imports it into a fresh copy of a
# database holding the estate and its units but no tickets, with
# PM_USER=zhang.wei and PM_NOW two days after the last ticket.
#
# The floor.  pm checks each record and spools it into a temporary table,
# then in one transaction adds each ticket (its level from the unit's
# previous ticket, its deadlines on the working calendar) with its "add"
# event, and one audit row.  The shell is given what pm ended up
# writing: a TSV of the full rows (every column pm's INSERT sets, the id,
# and the event's who and detail), taken from pm's result.  It ".import"s
# them into a temporary table of its own, then in one BEGIN IMMEDIATE
# transaction runs INSERT INTO tickets SELECT ... and INSERT INTO
# ticket_events SELECT ... from it, and the same audit row, with the
# pragmas pm uses (WAL, synchronous=FULL, foreign_keys=ON).  This is
# fair: the same schema (every index, trigger and foreign key check), the
# same rows and the same durability, and the same shape of work as pm (a
# spool in a temporary table, then one write transaction); what the
# shell does not do is what pm adds on top, reading and checking each
# field, looking up the category, unit and staff, and working out the
# level and deadlines, which is what the ratio measures.  ".import"
# straight into tickets would need every column in the file, and into a
# view an INSTEAD OF trigger per row, dearer than the INSERT ... SELECT.
#
# Prints, per size, the median time of pm and of the floor, their ratio
# (the target is at most 3, and DESIGN.md's aim 1.2) and the peak resident
# memory of each (GNU time %M; the target is at most 16 MiB).
set -e
top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/bench/lib.sh"
bench_bin "$1"
ROWS=${ROWS:-100000 1000000}
RUNS=${RUNS:-3}
NOW=${NOW:-2026-11-16T09:30}
bench_need pm-ticket pm-db sqlite3 perl
bench_rss
data=$top/bench/data
work=$data/import
rss_file=$work/rss
rmdb() { rm -f "$1" "$1-wal" "$1-shm"; }
clean() { rm -rf "$work"; }
clean
trap clean EXIT
mkdir -p "$work"

# The estate and its units, no tickets: the generator's first part.
base=$work/base.db
"$bin/pm-db" init -d "$base" > /dev/null
"$bin/pm-db" apply -d "$base" "$top/tests/data/ticket-estate.yaml" > /dev/null
sed -n '/^INSERT INTO buildings/,/^FROM u;/p' "$top/bench/gen-tickets.sql" |
    sqlite3 "$base"
units=$(sqlite3 "$base" "SELECT count(*) FROM units WHERE kind = 'unit'")
[ "$units" -ge 10000 ] || echo "WARNING: the base has $units units, not 10030"

# The median of the first column, and the largest second.
median() {
	sort -n "$1" | awk '{ ms[NR] = $1; if ($2 != "-" && $2 > kb) kb = $2 }
		END { m = NR % 2 ? ms[(NR + 1) / 2] : (ms[NR / 2] + ms[NR / 2 + 1]) / 2
		printf "%d %s\n", m, kb == "" ? "-" : kb }'
}

cols="id, kind, category, unit, source, description, receiver, received_at,
 first_level, first_level_reason, first_notice_due, first_onsite_due,
 first_same_day_due, first_feedback_due, first_completion_due, level,
 level_reason, notice_due, onsite_due, same_day_due, feedback_due,
 completion_due, open_since"
cols=$(echo $cols)
# The spool's columns: the ticket's, then the event's who and detail.
spool=$(echo "$cols, who, detail" | sed 's/,/ TEXT,/g; s/$/ TEXT/')
# The tickets' columns from the spool, '' as NULL (.import has no NULL).
fromspool=$(echo "$cols" | sed 's/[a-z_][a-z_]*/nullif(&, '"''"')/g')

for n in $ROWS; do
	bench_tickets "$n"
	tsv=$work/tickets-$n.tsv
	full=$work/full-$n.tsv
	{
		printf 'category\tunit\tdescription\treceived\treceiver\n'
		sqlite3 -batch -tabs "$cache" "SELECT category, unit, description,
		    received_at, receiver FROM tickets ORDER BY id LIMIT $n"
	} > "$tsv"
	: > "$work/pm.$n"
	: > "$work/sh.$n"
	for r in $(seq "$RUNS"); do
		db=$work/pm.db
		rmdb "$db"
		cp "$base" "$db"
		PM_DB=$db PM_USER=zhang.wei PM_NOW=$NOW bench_one "$bin/pm-ticket" \
		    import "$tsv" >> "$work/pm.$n"
		if [ "$r" -eq 1 ]; then
			got=$(sqlite3 "$db" 'SELECT count(*) FROM tickets')
			[ "$got" -eq "$n" ] || echo "WARNING: pm imported $got tickets, not $n"
			# What pm wrote, for the floor.
			sqlite3 -batch -tabs "$db" "SELECT $(echo "$cols" |
			    sed 's/[a-z_][a-z_]*/t.&/g'), e.who, e.detail
			    FROM tickets t JOIN ticket_events e ON e.ticket_id = t.id
			    AND e.event = 'add' ORDER BY t.id" > "$full"
			audit=$(sqlite3 "$db" "SELECT 'INSERT INTO audit(at, who,
			    program, verb, tbl, row_id, summary, unix_user) VALUES ('
			    || quote(at) || ', ' || quote(who) || ', ' || quote(program)
			    || ', ' || quote(verb) || ', ' || quote(tbl) || ', ' ||
			    quote(row_id) || ', ' || quote(summary) || ', ' ||
			    quote(unix_user) || ');' FROM audit WHERE row_id = 'import'")
			cat > "$work/floor.sql" <<-EOF
			PRAGMA foreign_keys = ON;
			PRAGMA synchronous = FULL;
			CREATE TEMP TABLE spool($spool);
			.mode tabs
			.import $full spool
			BEGIN IMMEDIATE;
			INSERT INTO tickets($cols) SELECT $fromspool FROM spool ORDER BY rowid;
			INSERT INTO ticket_events(ticket_id, at, who, event, from_status,
			    status, level, assignee, notice_due, onsite_due, same_day_due,
			    feedback_due, completion_due, meets, satisfaction, detail)
			SELECT id, received_at, who, 'add', NULL, 'new', level, NULL,
			    nullif(notice_due, ''), nullif(onsite_due, ''),
			    nullif(same_day_due, ''), nullif(feedback_due, ''),
			    nullif(completion_due, ''), NULL, NULL, detail
			FROM spool ORDER BY rowid;
			$audit
			COMMIT;
			EOF
		fi
		db=$work/sh.db
		rmdb "$db"
		cp "$base" "$db"
		bench_one sh -c 'exec sqlite3 -batch "$1" < "$2"' sh "$db" \
		    "$work/floor.sql" >> "$work/sh.$n"
		if [ "$r" -eq 1 ]; then
			same=$(sqlite3 "$db" "ATTACH '$work/pm.db' AS p;
			    SELECT (SELECT count(*) FROM tickets) = $n AND NOT EXISTS
			    (SELECT $cols FROM tickets EXCEPT SELECT $cols FROM p.tickets)
			    AND (SELECT count(*) FROM ticket_events) = $n")
			[ "$same" = 1 ] ||
			    echo "WARNING: the floor's tickets differ from pm's"
		fi
	done
	echo "$n $(median "$work/pm.$n") $(median "$work/sh.$n")" >> "$work/results"
done

echo "the floor's script, for the last size (full-N.tsv: the rows pm wrote):"
sed "s|$work/||" "$work/floor.sql" | tr -s '\t ' '  ' | fold -s -w 100
echo
echo "pm-ticket import: medians of $RUNS runs; peak RSS, the largest"
printf '%-10s %12s %12s %7s %12s %12s\n' rows "pm ms" "sqlite3 ms" ratio \
    "pm KB" "sqlite3 KB"
awk '{ printf "%-10d %12d %12d %7.2f %12s %12s\n", $1, $2, $4, $2 / $4, $3, $5 }' \
    "$work/results"
echo "(targets: ratio <= 3.00, pm <= 16384 KB)"
