#!/bin/sh
# pm-ticket: the verbs one by one, the pipes, and every error a user can
# reach, with its exit status and message.
. "$PM_TOP/tests/cli/lib.sh"

pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/ticket-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=zhang.wei
PM_NOW=2026-11-23T09:00
export PM_NOW

# The database file and its WAL, so "unchanged" means every byte.
dbsum() { cat "$PM_DB" "$PM_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }
err() { cat "$PM_TMP/err"; }
out() { cat "$PM_TMP/out"; }

# The usage is the man page's SYNOPSIS, form for form.
fails 64 "no verb is a usage error" pm-ticket
ok "-h prints the usage" pm-ticket -h
# That the usage is the SYNOPSIS of the man page: tests/cli/0001-man.t.
ok "--version" pm-ticket --version
has "version names the program" "$(out)" "pm-ticket (pm)"
fails 64 "an unknown verb" pm-ticket frobnicate
has "names it" "$(err)" "unknown command 'frobnicate'"
fails 64 "an unknown option" pm-ticket list --colour
fails 64 "a bad format" pm-ticket list -o xml
has "lists the formats" "$(err)" "format 'xml'"

# add
ok "add" pm-ticket add -c door-lock -u 3-1-502 门锁 坏了
same "prints the id" "1" "$(out)"
ok "add by kind in Chinese, from a public area" pm-ticket add -k 建议 -c other -u P-GATE-N -s online 门口加雨棚
ok "add with --as" pm-ticket add --as li.na -c noise -u 3-1-501 --received 2026-11-23T08:30 楼上噪音
same "the receiver is --as" "li.na" "$(pm-ticket list --receiver li.na | cut -f8)"
ok "-q prints no id" pm-ticket add -q -c water-leak -u 3-1-601 漏水
same "nothing printed" "" "$(out)"
before=$(dbsum)
fails 66 "unknown unit" pm-ticket add -c door-lock -u 9-9-999 x
same "message" "pm-ticket: unit '9-9-999': no such unit (see 'pm-unit list')" "$(err)"
fails 66 "unknown category" pm-ticket add -c leak -u 3-1-502 x
same "message, with the nearest codes" "pm-ticket: category 'leak': no such category (did you mean water-leak? see 'pm-ticket categories')" "$(err)"
fails 66 "unknown staff in --as" pm-ticket add --as nobody -c door-lock -u 3-1-502 x
same "message" "pm-ticket: staff 'nobody': no such staff member" "$(err)"
PM_USER=stranger fails 66 "unknown staff in PM_USER" pm-ticket add -c door-lock -u 3-1-502 x
fails 65 "bad kind" pm-ticket add -k praise -c door-lock -u 3-1-502 x
has "message" "$(err)" "kind 'praise': unknown kind (choose repair, complaint, inquiry or suggestion)"
fails 65 "a category without a kind needs --kind" pm-ticket add -c other -u 3-1-502 x
fails 65 "bad source" pm-ticket add -s fax -c door-lock -u 3-1-502 x
fails 65 "control characters in a description" pm-ticket add -c door-lock -u 3-1-502 "$(printf 'a\033[2Jb')"
has "message" "$(err)" "description 'a\\x1B[2Jb': control character U+001B at byte 2"
fails 65 "invalid UTF-8 in a description" pm-ticket add -c door-lock -u 3-1-502 "$(printf 'a\377b')"
has "message" "$(err)" "description 'a\\xFFb': invalid UTF-8 at byte 2"
fails 65 "received in the future" pm-ticket add --received 2026-11-23T10:00 -c door-lock -u 3-1-502 x
fails 64 "bad date" pm-ticket add --received 2026-13-01 -c door-lock -u 3-1-502 x
has "message" "$(err)" "date '2026-13-01'"
fails 64 "no description" pm-ticket add -c door-lock -u 3-1-502
fails 64 "no unit" pm-ticket add -c door-lock x
same "nothing written by any refused add" "$before" "$(dbsum)"
ok "hostile text is only text" pm-ticket add -c door-lock -u 3-1-502 "'; DROP TABLE tickets; --"
same "and comes back as it went in" "'; DROP TABLE tickets; --" "$(pm-ticket list -u 3-1-502 | tail -1 | cut -f11)"

# Ids
fails 65 "a bad id" pm-ticket start abc
same "message" "pm-ticket: ticket 'abc': not an id (ids are numbers, like 42 or #42)" "$(err)"
fails 66 "no such ticket" pm-ticket start 999
same "message" "pm-ticket: ticket '999': no such ticket" "$(err)"
fails 64 "no id at all" pm-ticket start
fails 66 "show of no such ticket" pm-ticket show 999

# Options that are required
fails 64 "assign needs --to" pm-ticket assign 1
fails 66 "assign to unknown staff" pm-ticket assign --to nobody 1
fails 64 "wait needs a reason" pm-ticket wait 1
has "message" "$(err)" "wait: --reason is needed"
fails 64 "cancel needs a reason" pm-ticket cancel 1
has "message" "$(err)" "cancel: --reason is needed"
fails 64 "escalate needs a reason" pm-ticket escalate 1
fails 65 "escalate to a bad level" pm-ticket escalate --level 4 --reason x 1
has "message" "$(err)" "level '4': unknown level (choose 1, 2 or 3)"
fails 64 "note needs a message" pm-ticket note 1
fails 64 "callback needs a satisfaction" pm-ticket callback 1
fails 65 "a bad satisfaction" pm-ticket callback --satisfaction happy 1

# Transitions the status does not allow
before=$(dbsum)
fails 65 "resume a ticket that is not waiting" pm-ticket resume 1
same "message" "pm-ticket: ticket '1' is new: cannot resume it" "$(err)"
fails 65 "close a new ticket" pm-ticket close 1
fails 65 "reopen a new ticket" pm-ticket reopen 1
same "nothing written" "$before" "$(dbsum)"

# The lifecycle of ticket 1, with ids from stdin.
ok "assign from stdin" sh -c 'echo 1 | pm-ticket assign --to wang.qiang -'
same "prints the id" "1" "$(out)"
ok "start" pm-ticket start --as wang.qiang 1
ok "note with feedback" pm-ticket note --feedback -m 已告知业主 1
ok "resolve, by the one who did it" pm-ticket resolve --as wang.qiang 1
# Closing a repair without its callback: 65, and not a byte written.
before=$(dbsum)
fails 65 "close without a callback" pm-ticket close 1
same "message" "pm-ticket: ticket '1': a repair needs a callback before it is closed (record it with 'pm-ticket callback')" "$(err)"
same "the database is unchanged" "$before" "$(dbsum)"
same "still resolved" "resolved" "$(pm-ticket list --all -u 3-1-502 | head -1 | cut -f7)"
ok "callback, dissatisfied" pm-ticket callback --satisfaction 不满意 -c 还在漏 1
ok "reopen" pm-ticket reopen --reason 复发 1
ok "resolve again" pm-ticket resolve --as wang.qiang 1
ok "callback" pm-ticket callback -s satisfied 1
ok "close" pm-ticket close 1

# Complaints are called back by a supervisor or the manager.
ok "resolve the complaint" pm-ticket resolve --as wang.qiang 3
before=$(dbsum)
fails 77 "callback by staff" pm-ticket callback --satisfaction satisfied 3
same "message" "pm-ticket: ticket '3': a complaint is called back by a customer-service supervisor (department 'service') or a manager, not by 'zhang.wei' (staff, service)" "$(err)"
same "nothing written" "$before" "$(dbsum)"
ok "callback by the supervisor" pm-ticket callback --as li.na --satisfaction satisfied 3

# wait / resume / cancel
ok "wait for the owner" pm-ticket wait --reason owner 4
same "waiting" "waiting" "$(pm-ticket list --status waiting | cut -f7)"
fails 65 "resolve while waiting" pm-ticket resolve 4
has "says to resume" "$(err)" "ticket '4' is waiting: cannot resolve it (resume it first)"
ok "resume" pm-ticket resume 4
ok "cancel" pm-ticket cancel --reason 业主撤回 4
same "cancelled" "4" "$(pm-ticket list --status cancelled | cut -f1)"

# A transaction over many ids: one bad id, nothing changed.
before=$(dbsum)
fails 66 "one missing id spoils the batch" pm-ticket escalate --reason x 2 999
same "nothing written" "$before" "$(dbsum)"
same "nothing printed" "" "$(out)"

# The pipe: list --overdue into escalate.
PM_NOW=2026-11-26T09:00; export PM_NOW
ok "list --overdue" pm-ticket list --overdue
same "the open ones are overdue" "2
5" "$(cut -f1 "$PM_TMP/out")"
ok "escalate them" sh -c "pm-ticket list --overdue | pm-ticket escalate --reason 超时 -"
same "prints their ids" "2
5" "$(out)"
# Ticket 2 was routine (3), ticket 5 a repeat repair (2): one step up.
same "one level up" "2 1" "$(pm-ticket list | awk -F'\t' '$1 == 2 || $1 == 5 { print $3 }' | tr '\n' ' ' | sed 's/ $//')"

# list filters and their errors
fails 65 "list: bad level" pm-ticket list --level 5
fails 65 "list: bad status" pm-ticket list --status done
has "message" "$(err)" "status 'done': unknown status (choose new, assigned, in_progress, waiting, resolved, called_back, closed, cancelled or open)"
fails 65 "list: bad kind" pm-ticket list --kind praise
fails 64 "list: bad date" pm-ticket list --since 2026-02-30
fails 64 "list: an operand" pm-ticket list 3
ok "list by building" pm-ticket list --all --building 3
same "building 3's tickets" "3 1 4 5" "$(cut -f1 "$PM_TMP/out" | tr '\n' ' ' | sed 's/ $//')"
ok "list --until a day includes it" pm-ticket list --all --until 2026-11-23
same "all of them" "5" "$(wc -l < "$PM_TMP/out" | tr -d ' ')"
ok "list --since" pm-ticket list --all --since 2026-11-24
same "none" "" "$(out)"
ok "list as CSV" pm-ticket list --all -o csv --category noise
same "CSV with a header" "id,received,level,kind,category,unit,status,receiver,assignee,next_due,description
3,2026-11-23T08:30,3,complaint,noise,3-1-501,called_back,li.na,wang.qiang,,楼上噪音" "$(out | tr -d '\r')"

# pending and due
fails 64 "pending: bad day" pm-ticket pending 2026-11-31
has "message" "$(err)" "date '2026-11-31'"
fails 64 "pending: two days" pm-ticket pending today yesterday
fails 64 "due: bad duration" pm-ticket due --within 5x
has "message" "$(err)" "duration '5x'"
fails 1 "due as JSON" pm-ticket due -o json
has "JSON Lines" "$(out)" '"deadline":"feedback"'

# import
printf 'category\tunit\tdescription\treceived\n' > log.tsv
printf 'door-lock\t3-2-101\t门锁坏了\t2026-11-25T08:50\n' >> log.tsv
printf 'fee-question\t3-1-101\t物业费\t2026-11-25T09:05\n' >> log.tsv
ok "import a day's log" pm-ticket import --from tsv log.tsv
same "prints the new ids" "6
7" "$(out)"
printf '{"category":"door-lock","unit":"5-1-101","description":"巡查: 门禁损坏","source":"inspection"}\n' |
	{ ok "import JSON Lines from stdin" pm-ticket import --from json; }
same "its id" "8" "$(out)"
printf 'category\tunit\tdescription\n' > bad.tsv
printf 'door-lock\t3-2-101\tok\n' >> bad.tsv
printf 'door-lock\t9-9-999\tbad\n' >> bad.tsv
before=$(dbsum)
fails 65 "import stops at a bad line" pm-ticket import --from tsv bad.tsv
same "message" "pm-ticket: bad.tsv:3: unit '9-9-999': no such unit (see 'pm-unit list')" "$(err)"
same "all or nothing" "$before" "$(dbsum)"
fails 66 "import: no such file" pm-ticket import nothing.tsv
fails 64 "import: bad input format" pm-ticket import --from xml log.tsv

# list --since takes every form --until takes: a month or year starts it.
ok "list --since a month" pm-ticket list --all --since 2026-11
same "all of them" "8" "$(wc -l < "$PM_TMP/out" | tr -d ' ')"
ok "list --since a month, --until a day" pm-ticket list --all --since 2026-11 --until 2026-11-23
same "those of the 23rd and before" "5" "$(wc -l < "$PM_TMP/out" | tr -d ' ')"
ok "list --since a year" pm-ticket list --all --since 2027
same "none" "" "$(out)"
fails 64 "list --since a bad month" pm-ticket list --since 2026-13
has "message" "$(err)" "'2026-13'"

# A filter naming nothing that exists is an error, not an empty list.
fails 66 "list: unknown unit" pm-ticket list --unit 9-9-9
same "message" "pm-ticket: unit '9-9-9': no such unit (see 'pm-unit list')" "$(err)"
fails 66 "list: unknown unit as CSV prints no header" pm-ticket list -o csv --unit 9-9-9
same "nothing on stdout" "" "$(out)"
fails 66 "list: unknown building" pm-ticket list --building 99
same "message" "pm-ticket: building '99': no such building (see 'pm-unit buildings')" "$(err)"
fails 66 "list: unknown receiver" pm-ticket list --receiver nobody
same "message" "pm-ticket: staff 'nobody': no such staff member (see 'pm-staff list')" "$(err)"
fails 66 "list: unknown assignee" pm-ticket list --assignee nobody
same "message" "pm-ticket: staff 'nobody': no such staff member (see 'pm-staff list')" "$(err)"
fails 66 "list: unknown category" pm-ticket list --category nope
same "message" "pm-ticket: category 'nope': no such category (did you mean noise? see 'pm-ticket categories')" "$(err)"
ok "list: a known name with no tickets" pm-ticket list --assignee zhao.lei --unit P-GARDEN --category idea --building 5
same "is an empty list" "" "$(out)"

# An import's header is checked even with no rows under it.
before=$(dbsum)
printf 'foo,bar\n' > head.csv
fails 65 "import: a header alone is checked" pm-ticket import < head.csv
same "message" "pm-ticket: stdin:1: unknown field 'foo' (known: kind, category, unit, description, source, received, receiver)" "$(err)"
printf '[1]\n' > one.txt
fails 65 "import: '[1]' is no ticket log" pm-ticket import < one.txt
has "message" "$(err)" "stdin:1: unknown field '[1]'"
fails 65 "import: '[1]' is no JSON Lines" pm-ticket import --from json < one.txt
has "message" "$(err)" "stdin:1:1: expected '{'"
same "nothing written" "$before" "$(dbsum)"
printf 'category\tunit\tdescription\n' > empty.tsv
ok "import: a good header alone adds nothing" pm-ticket import < empty.tsv
same "no ids" "" "$(out)"

# Repeat levels do not depend on the order of an import file: the rows
# are added in received order, and a ticket is a repeat of earlier ones.
printf 'category\tunit\tdescription\treceived\n' > late.tsv
printf 'water-leak\t5-1-201\t又漏了\t2026-11-25T15:00\n' >> late.tsv
printf 'water-leak\t5-1-201\t漏水\t2026-11-25T10:00\n' >> late.tsv
ok "import a log out of order" pm-ticket import late.tsv
same "ids in received order" "9
10" "$(out)"
ok "list them" pm-ticket list --unit 5-1-201
same "the later one is the repeat" "9 10:00 3
10 15:00 2" "$(awk -F'\t' '{ print $1, substr($2, 12), $3 }' "$PM_TMP/out")"
# A backdated add is no repeat of later tickets, and changes none.
ok "add before them" pm-ticket add --received 2026-11-25T09:00 -c water-leak -u 5-1-201 先漏
same "its id" "11" "$(out)"
ok "list again" pm-ticket list --unit 5-1-201
same "levels as they were, the new one routine" "11 3
9 3
10 2" "$(cut -f1,3 "$PM_TMP/out" | tr '\t' ' ')"

# A time in the future is shown as it was given, seconds and all.
fails 65 "received in the future by seconds" pm-ticket add --received 2026-11-26T09:00:30 -c door-lock -u 3-1-502 x
same "message" "pm-ticket: received time '2026-11-26T09:00:30': in the future" "$(err)"

# Cancelling a waiting ticket clears its wait; the history keeps it.
ok "wait for parts" pm-ticket wait --reason parts 8
ok "cancel it" pm-ticket cancel --reason 业主撤回 8
ok "show it" pm-ticket show -o json 8
has "no wait reason left" "$(head -1 "$PM_TMP/out")" '"paused_at":null,"wait_reason":null'
ok "its history" pm-ticket history -o json 8
has "has it" "$(out)" '"detail":"waiting for parts"'

# due --mark keeps its marks only once the report is out.
if [ -w /dev/full ]; then
	main_db=$PM_DB
	PM_DB=$PM_TMP/due.db
	pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/ticket-estate.yaml" > /dev/null
	PM_NOW=2026-11-30T10:00 ok "an urgent ticket" pm-ticket add -c water-outage -u 3-1-502 停水
	PM_NOW=2026-11-30T10:10 fails 74 "due --mark into a full disk" sh -c 'pm-ticket due --mark > /dev/full'
	same "one message" "pm-ticket: write error: No space left on device" "$(err)"
	PM_NOW=2026-11-30T10:10 fails 1 "the notice is still due" pm-ticket due
	has "it is listed" "$(out)" "notice"
	PM_NOW=2026-11-30T10:10 fails 1 "due --mark" pm-ticket due --mark
	PM_NOW=2026-11-30T10:10 ok "once reported, not again" pm-ticket due
	PM_DB=$main_db
fi

# The environment
PM_NOW=tomorrowish fails 64 "a bad PM_NOW" pm-ticket list
has "message" "$(err)" "PM_NOW 'tomorrowish'"
PM_DB=$PM_TMP/none.db fails 66 "no database" pm-ticket list
has "says how to make one" "$(err)" "pm-db init"
if [ -w /dev/full ]; then
	fails 74 "a full disk is an error" sh -c 'pm-ticket list --all > /dev/full'
fi
done_testing
