#!/bin/sh
# The open-ticket queries are fast by construction: after an ANALYZE
# (which any admin may run, and which changes what the planner chooses)
# no command that reads open tickets, a ticket, a day or a period scans
# the tickets, their events or their stretches; each reads an index.
# PM_DEBUG_PLAN=1 makes every command write its query plans to stderr.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init > /dev/null && pm-db apply "$PM_TOP/examples/aijia.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=zhang.wei
PM_NOW=2026-11-23T09:00; export PM_NOW

# 3,000 tickets over ten days, nearly all closed: the shape of a real
# desk, where the open ones are a few out of years of history.
python3 - "$PM_TMP/log.tsv" <<'EOF'
import sys, datetime
cats = ["water-leak", "door-window", "plumbing", "noise", "fee-inquiry"]
with open(sys.argv[1], "w") as f:
    f.write("category\tunit\tdescription\treceived\treceiver\n")
    t = datetime.datetime(2026, 11, 13, 1, 0)
    for i in range(3000):
        u = "%d-%d-%d" % (1 + i % 3, 1 + i % 2, (1 + i % 18) * 100 + 1 + i % 2)
        who = ["chen.jing", "liu.yang", "zhao.min"][i % 3]
        f.write("%s\t%s\t报修 %d\t%s\t%s\n" % (cats[i % 5], u, i,
            (t + datetime.timedelta(minutes=4 * i)).strftime("%Y-%m-%dT%H:%M:%SZ"), who))
EOF
ok "import the history" pm-ticket import "$PM_TMP/log.tsv"
ok "close all but the last 60, and analyze" sqlite3 "$PM_DB" \
	"UPDATE tickets SET status = 'closed', open_since = NULL, assignee = 'wu.gang' WHERE id <= 2940; ANALYZE;"

# Full scans of the large tables, other than of the open tickets' own
# small index, are what must not happen.
scans() { grep '^plan: ' "$PM_TMP/err" | grep -E 'SCAN (t|e|tickets|ticket_events|ticket_spans)( |$)' |
	grep -v 'USING INDEX tickets_open$' ; }
plan() {
	name=$1; shift
	PM_DEBUG_PLAN=1 "$@" > "$PM_TMP/out" 2> "$PM_TMP/err"
	s=$?
	found=$(scans)
	if [ "$s" -le 1 ] && [ -n "$(grep '^plan: ' "$PM_TMP/err")" ] && [ -z "$found" ]; then
		_res 0 "$name"
	else
		_res 1 "$name"
		echo "# exit $s: $*"
		grep '^plan: ' "$PM_TMP/err" | sed 's/^/#   /'
	fi
}
plan "list (the open tickets)" pm-ticket list
plan "my open tickets, as receiver" pm-ticket list --receiver chen.jing
plan "my open tickets, as assignee" pm-ticket list --assignee wu.gang
plan "the overdue ones" pm-ticket list --overdue
plan "by status" pm-ticket list --status new,assigned
plan "of a unit" pm-ticket list --unit 1-1-101
plan "received since" pm-ticket list --since 2026-11-20
plan "everything a receiver ever took" pm-ticket list --all --receiver chen.jing
plan "what is due" pm-ticket due
plan "today's pending list" pm-ticket pending
plan "a past day's pending list" pm-ticket pending 2026-11-15
plan "a day's counts" pm-ticket stats 2026-11-15
plan "a month's counts" pm-ticket stats 2026-11
plan "a ticket" pm-ticket show 42
plan "its history" pm-ticket history 42
plan "the categories" pm-ticket categories
done_testing
