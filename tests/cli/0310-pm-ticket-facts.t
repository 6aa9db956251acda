#!/bin/sh
# Facts that never change: a closed day's pending list and counts read the
# same whenever they are asked, whatever is reopened, resumed, resolved or
# cancelled afterwards; the event log and the audit trail keep text whole
# (cut only between characters); escalation is idempotent; a callback
# comes from someone other than who did the work.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/ticket-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=zhang.wei
at() { PM_NOW=$1; export PM_NOW; }
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
sql() { python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(map(str, r)))' "$PM_DB" "$1"; }

# Monday 2026-11-23 (D): five tickets, and what happens to them that day.
at 2026-11-23T09:00
ok "a lock" pm-ticket add -c door-lock -u 3-1-502 门锁坏了
ok "a complaint" pm-ticket add -c noise -u 3-1-501 楼上噪音
ok "a leak" pm-ticket add -c water-leak -u 3-2-101 卫生间漏水
ok "an inquiry" pm-ticket add -c fee-question -u 3-1-101 物业费怎么交
ok "another lock" pm-ticket add -c door-lock -u 5-1-101 单元门锁
at 2026-11-23T10:00
ok "assign the lock" pm-ticket assign --to wang.qiang 1
ok "the complaint waits for the owner" pm-ticket wait --reason owner 2
ok "the leak is fixed the same day" pm-ticket resolve --as wang.qiang 3
ok "the inquiry answered" pm-ticket resolve 4
ok "and closed" pm-ticket close 4
ok "assign the other lock" pm-ticket assign --to wang.qiang 5
at 2026-11-23T15:00
ok "escalate the complaint" pm-ticket escalate --reason 业主再次来电 2

# Tuesday morning: Monday is over.  Its list and counts, as facts.
at 2026-11-24T08:00
ok "Monday's pending list" pm-ticket pending 2026-11-23
pending_tsv=$(out)
same "the lock, the complaint and the other lock were pending" "1
2
5" "$(cut -f1 "$PM_TMP/out")"
ok "Monday's pending list as JSON" pm-ticket pending -o json 2026-11-23
pending_json=$(out)
ok "Monday's counts" pm-ticket stats --header 2026-11-23
stats_tsv=$(out)
same "the repairs: 3 received, 1 resolved, 2 left pending" "repair	3	1	0	0	0	0	0	0	0	2	2	0" "$(grep '^repair' "$PM_TMP/out")"
ok "Monday's counts as JSON" pm-ticket stats -o json 2026-11-23
stats_json=$(out)

# Tuesday and Wednesday: everything that could change a careless report.
at 2026-11-24T09:00
ok "reopen the leak fixed on Monday" pm-ticket reopen --reason 又漏了 3
ok "resume the complaint" pm-ticket resume 2
ok "resolve the lock" pm-ticket resolve --as wang.qiang 1
ok "cancel the other lock" pm-ticket cancel --reason 业主自行修好 5
ok "a callback for the lock" pm-ticket callback -s 满意 1
at 2026-11-25T10:00
ok "the leak again" pm-ticket resolve --as wang.qiang 3
ok "the complaint resolved" pm-ticket resolve --as wang.qiang 2
ok "and called back by the manager" pm-ticket callback --as chen.jing -s basic 2

ok "Monday's pending list again" pm-ticket pending 2026-11-23
same "reads the same, byte for byte" "$pending_tsv" "$(out)"
ok "as JSON" pm-ticket pending -o json 2026-11-23
same "the same too" "$pending_json" "$(out)"
ok "Monday's counts again" pm-ticket stats --header 2026-11-23
same "read the same" "$stats_tsv" "$(out)"
ok "as JSON" pm-ticket stats -o json 2026-11-23
same "the same too" "$stats_json" "$(out)"

# A ticket recorded late is a fact about the day it was received: a paper
# log typed in on Wednesday joins Monday's figures, and nothing else does.
ok "a ticket received on Monday, recorded on Wednesday" pm-ticket add --received 2026-11-23T11:00 -c idea -u P-GARDEN 花园加座椅
ok "Monday's pending list now" pm-ticket pending 2026-11-23
same "has it too" "$pending_tsv
6	2026-11-23T11:00	3	suggestion	idea	P-GARDEN	new	zhang.wei		780	feedback	2026-11-25T11:00	花园加座椅" "$(out)"
ok "Tuesday's counts" pm-ticket stats --header 2026-11-24
same "one resolved, one reopened, one cancelled, one called back" \
	"repair	0	1	1	1	1	1	0	0	0	1	1	0" "$(grep '^repair' "$PM_TMP/out")"
same "the first resolution of the leak is Monday's, for good" \
	"2026-11-23T02:00:00Z|2026-11-25T02:00:00Z|1" \
	"$(sql "SELECT first_resolved_at, resolved_at, reopen_count FROM tickets WHERE id = 3")"
same "the first deadlines are as received" \
	"$(sql "SELECT first_same_day_due FROM tickets WHERE id = 2")" "2026-11-23T16:00:00Z"

# The facts refuse to be rewritten, even through the sqlite3 shell.
refused() {
	name=$1; shift
	sqlite3 "$PM_DB" "$@" > "$PM_TMP/out" 2> "$PM_TMP/err"
	[ $? -ne 0 ] && _res 0 "$name" || _res 1 "$name"
}
refused "events cannot be changed" "UPDATE ticket_events SET who = 'x'"
has "says so" "$(err)" "ticket events cannot be changed"
refused "nor deleted" "DELETE FROM ticket_events"
refused "what was received cannot be changed" "UPDATE tickets SET received_at = '2026-01-01T00:00:00Z' WHERE id = 1"
refused "nor the first resolution" "UPDATE tickets SET first_resolved_at = NULL WHERE id = 3"
refused "the stretches cannot be changed" "UPDATE ticket_spans SET closed_at = NULL"
refused "tickets cannot be deleted" "DELETE FROM tickets WHERE id = 1"

# Escalation is idempotent: a cron job piping the overdue list into it
# notifies the manager once.
at 2026-11-25T11:00
ok "add an outage-free repair" pm-ticket add -c door-lock -u 3-2-102 楼道门坏了
id=$(out)
ok "escalate it" pm-ticket escalate --reason 超时未处理 "$id"
same "prints it" "$id" "$(out)"
events=$(sql "SELECT count(*) FROM ticket_events WHERE ticket_id = $id")
ok "again, as cron would" sh -c "echo $id | pm-ticket escalate --reason 超时未处理 -"
same "prints no id: nothing changed" "" "$(out)"
has "says why" "$(err)" "ticket '$id': already escalated to level 2, left as it is"
same "no new event, no new notice" "$events" "$(sql "SELECT count(*) FROM ticket_events WHERE ticket_id = $id")"
ok "-q says nothing" pm-ticket escalate -q --reason x "$id"
same "nothing at all" "" "$(err)"
ok "a higher level named on purpose still goes up" pm-ticket escalate --level 1 --reason 经理要求 "$id"
same "level 1" "1" "$(sql "SELECT level FROM tickets WHERE id = $id")"

# A callback comes from someone other than who did the work.
ok "assign" pm-ticket assign --to wang.qiang "$id"
ok "the worker resolves it" pm-ticket resolve --as wang.qiang "$id"
fails 77 "the worker may not call it back himself" pm-ticket callback --as wang.qiang -s 满意 "$id"
same "says why" "pm-ticket: ticket '$id': 'wang.qiang' did the work, so cannot call it back (a callback comes from someone else, such as customer service)" "$(err)"

# A long Chinese comment is kept whole in the event, and the audit row is
# cut between characters, never inside one.
comment=$(python3 -c 'print("业主对维修结果表示满意但希望下次提前电话联系" * 7)')
ok "a 150-character callback comment" pm-ticket callback -s 满意 --comment "$comment" "$id"
same "the event keeps it whole" "satisfied: $comment" "$(sql "SELECT detail FROM ticket_events WHERE ticket_id = $id AND event = 'callback'")"
long=$(python3 -c 'print("漏" * 1000)')
ok "a 1000-character note" pm-ticket note -m "$long" "$id"
ok "the audit holds valid UTF-8" python3 -c '
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.text_factory = bytes
for (s,) in db.execute("SELECT summary FROM audit"):
    s.decode("utf-8")
(s,) = db.execute("SELECT summary FROM audit WHERE summary LIKE ? ORDER BY id DESC LIMIT 1", ("note%",)).fetchone()
assert len(s) <= 2000 and s.decode().endswith("漏"), len(s)' "$PM_DB"
same "the real Unix user beside the staff member" "zhang.wei|$(id -un)" \
	"$(sql "SELECT who, unix_user FROM audit ORDER BY id DESC LIMIT 1")"

# A right-to-left override is refused in ticket text, as in names.
fails 65 "RLO in a description" pm-ticket add -c door-lock -u 3-1-502 "$(printf 'abc\342\200\256def')"
has "says which character" "$(err)" "bidirectional control U+202E at byte 4"

# An end-of-day deadline prints as that day's 24:00 and reads back so.
same "the same-day deadline of Monday's lock" "2026-11-23T24:00" \
	"$(pm-ticket show -o json 1 | python3 -c 'import json, sys; print(json.load(sys.stdin)["same_day_due"])')"
ok "24:00 reads back" pm-ticket list --all --since 2026-11-23 --until 2026-11-23T24:00
same "as the end of that day" "1 2 3 4 5 6" "$(cut -f1 "$PM_TMP/out" | tr '\n' ' ' | sed 's/ $//')"
fails 64 "24:01 is no time" pm-ticket list --until 2026-11-23T24:01

# pending of a day not begun is refused.
fails 65 "pending tomorrow" pm-ticket pending tomorrow
fails 65 "the counts of a month to come" pm-ticket stats 2026-12
has "says why" "$(err)" "in the future"
done_testing
