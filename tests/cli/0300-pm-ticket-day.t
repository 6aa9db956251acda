#!/bin/sh
# pm-ticket: a scripted day at the service desk, Monday 23 November 2026,
# from the first call to the last close, with the pending list and the
# due reports compared to golden files.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/ticket-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=zhang.wei

t() { PM_NOW=2026-11-23T$1; export PM_NOW; }

# 08:40 the first call: the whole entrance has no water (level 1,
# emergency: the manager in 5 minutes, someone on site in 30).
t 08:40
ok "add an outage" pm-ticket add -c water-outage -u 3-1-502 全单元停水
same "its id" "1" "$(cat "$PM_TMP/out")"
t 08:44
GOLDEN_STATUS=1 golden "due within 5m sends the notice early, exit 1" ticket-day-due-0844.txt pm-ticket due --within 5m
t 08:46
fails 1 "due --mark exits 1 when something is due" pm-ticket due --mark
cp "$PM_TMP/out" "$PM_TMP/due0846"
golden "the overdue notice" ticket-day-due-0846.txt cat "$PM_TMP/due0846"
fails 0 "a second run reports nothing" pm-ticket due --mark
same "and prints nothing" "" "$(cat "$PM_TMP/out")"

# 08:50 a walk-in about a door lock, 09:00 a noise complaint, 09:05 a
# question about fees.
t 08:50
ok "add a repair" pm-ticket add -c door-lock -u 3-2-101 -s walk-in 单元门锁坏了
t 09:00
ok "add a complaint" pm-ticket add -k 投诉 -c noise -u 5-1-201 楼上装修噪音
t 09:05
ok "add an inquiry" pm-ticket add -c fee-question -u 3-1-101 物业费怎么交

# The lead sends a plumber; he is on site at 09:08.
t 08:55
ok "the lead assigns" pm-ticket assign --as zhao.lei --to wang.qiang 1
t 09:08
ok "the plumber starts" pm-ticket start --as wang.qiang 1
t 09:10
ok "the inquiry is answered" pm-ticket resolve -m 已解答 4
ok "and closed without a callback" pm-ticket close 4
t 09:30
fails 0 "nothing due at 09:30" pm-ticket due --mark
same "nothing printed" "" "$(cat "$PM_TMP/out")"

# 10:30 water is back; the supervisor calls the owner back.
t 10:30
ok "resolved" pm-ticket resolve --as wang.qiang -m 更换阀门 1
ok "called back" pm-ticket callback --as li.na --satisfaction 满意 --comment 很及时 1
ok "closed" pm-ticket close 1

# 11:00 the owner of 5-1-201 calls again: escalated to the manager.
t 11:00
ok "escalate the complaint" pm-ticket escalate --reason 业主第二次来电 3
t 11:06
fails 1 "the escalation's notice is due" pm-ticket due --mark
cp "$PM_TMP/out" "$PM_TMP/due1106"
golden "the escalation notice" ticket-day-due-1106.txt cat "$PM_TMP/due1106"

# 14:00 the lock needs a part.
t 14:00
ok "assign the lock" pm-ticket assign --to wang.qiang 2
ok "wait for parts" pm-ticket wait --reason parts 2

# 17:30 the end of the shift: what will not be done today.
t 17:30
golden "pending at the end of the day" ticket-day-pending.txt pm-ticket pending -o table
golden "pending as TSV" ticket-day-pending.tsv pm-ticket pending --header
golden "the day's tickets" ticket-day-list.tsv pm-ticket list --all --header
golden "the day's tickets as JSON" ticket-day-list.json pm-ticket list --all -o json

# Tuesday: the part came; the lock is fixed and called back.
PM_NOW=2026-11-24T09:00; export PM_NOW
golden "yesterday's pending list in the morning" ticket-day-pending-next.txt pm-ticket pending -o table yesterday
pm-ticket pending yesterday > "$PM_TMP/monday"
ok "resume" pm-ticket resume 2
ok "start" pm-ticket start --as wang.qiang 2
ok "resolve" pm-ticket resolve --as wang.qiang 2
fails 65 "no close before the callback" pm-ticket close 2
has "the message says why" "$(cat "$PM_TMP/err")" "pm-ticket: ticket '2': a repair needs a callback before it is closed"
ok "callback" pm-ticket callback --satisfaction basic 2
ok "close" pm-ticket close 2
# The escalated complaint: only the manager calls back.
ok "resolve the complaint" pm-ticket resolve -m 已协调装修时间 3
fails 77 "a supervisor may not call back an escalated complaint" \
	pm-ticket callback --as li.na --satisfaction satisfied 3
ok "the manager does" pm-ticket callback --as chen.jing --satisfaction satisfied 3
ok "close it" pm-ticket close 3
golden "the whole story of ticket 2" ticket-day-show.txt pm-ticket show -o table 2
golden "the ticket as TSV: the record alone" ticket-day-show.tsv pm-ticket show 2
golden "its history on its own" ticket-day-history.tsv pm-ticket history 2
PM_NOW=2026-11-24T17:30; export PM_NOW
fails 0 "nothing due at the end" pm-ticket due
golden "nothing pending" ticket-day-pending-empty.tsv pm-ticket pending
# A closed day reads the same whenever it is asked: the pause, the
# resume and the resolution on Tuesday change nothing of Monday.
same "Monday as seen on Tuesday evening is Monday as seen on Tuesday morning" "$(cat "$PM_TMP/monday")" "$(pm-ticket pending 2026-11-23)"
done_testing
