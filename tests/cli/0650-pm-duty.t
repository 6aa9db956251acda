#!/bin/sh
# pm-duty: shifts, the log, the handover, corrections kept as versions,
# the posts' rules checked (exit 1 on a gap), and every error a user can
# reach, with its exit status and message.
. "$PM_TOP/tests/cli/lib.sh"

# Set up before the month: a post's rule holds from when it is applied.
PM_NOW=2026-10-31T08:00 pm-db init > /dev/null &&
    PM_NOW=2026-10-31T08:00 pm-db apply "$PM_TOP/tests/data/duty-gate-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=song.tao
PM_NOW=2026-11-10T21:00
export PM_NOW

dbsum() { cat "$PM_DB" "$PM_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }
err() { cat "$PM_TMP/err"; }
out() { cat "$PM_TMP/out"; }
sql() { sqlite3 "$PM_DB" "$1"; }

fails 64 "no verb is a usage error" pm-duty
fails 64 "an unknown verb" pm-duty roster
has "names it" "$(err)" "unknown command 'roster'"

# posts: from the estate file, with their rules.
ok "posts" pm-duty posts
same "the posts, their places and rules (log_every in minutes; none empty)" \
"fire-control	消防控制室	P-FIRE	2	120
gate-north	北门岗	P-GATE-N	1	
patrol	巡逻岗			" "$(out)"

# shift
ok "two on duty in the fire control room, 08:00-20:00" \
    pm-duty shift --post fire-control --staff xie.bin,han.dong \
    --from 2026-11-10T08:00 --to 2026-11-10T20:00
same "prints one id a staff member" "1
2" "$(out)"
ok "the night shift, one only, default staff is the acting one" \
    pm-duty shift --as tang.kai --post fire-control \
    --from 2026-11-10T20:00 --to 2026-11-11T08:00
same "its id" "3" "$(out)"
ok "-q prints no id" pm-duty shift -q --post gate-north --staff cao.yong \
    --from 2026-11-10T08:00 --to 2026-11-10T20:00
same "nothing printed" "" "$(out)"
ok "shifts" pm-duty shifts --post fire-control
same "the shifts in order of start" \
"2	fire-control	han.dong	2026-11-10T08:00	2026-11-10T20:00
1	fire-control	xie.bin	2026-11-10T08:00	2026-11-10T20:00
3	fire-control	tang.kai	2026-11-10T20:00	2026-11-11T08:00" "$(out)"
same "each shift audited" "3" \
    "$(sql "SELECT count(*) FROM audit WHERE tbl = 'duty_shifts' AND summary LIKE 'added: % at fire-control'")"

before=$(dbsum)
fails 66 "an unknown post" pm-duty shift --post fire --from 2026-11-10T08:00 --to 2026-11-10T09:00
same "message, with the nearest" "pm-duty: post 'fire': no such post (did you mean fire-control? see 'pm-duty posts')" "$(err)"
fails 66 "an unknown staff member" pm-duty shift --post patrol --staff nobody --from 2026-11-10T08:00 --to 2026-11-10T09:00
same "message" "pm-duty: staff 'nobody': no such staff member (see 'pm-staff list')" "$(err)"
fails 65 "a shift that ends before it starts" pm-duty shift --post patrol --from 2026-11-10T08:00 --to 2026-11-10T07:00
same "message" "pm-duty: shift: it ends before it starts" "$(err)"
fails 65 "a shift of more than 36 hours" pm-duty shift --post patrol --from 2026-11-10T08:00 --to 2026-11-11T20:01
same "message" "pm-duty: shift: longer than 36 hours (split it at the handover)" "$(err)"
fails 65 "a staff member on two shifts at once" pm-duty shift --post patrol --staff xie.bin --from 2026-11-10T19:00 --to 2026-11-10T23:00
same "message names the other shift" "pm-duty: staff 'xie.bin': on shift 1 at that time already" "$(err)"
fails 65 "the same staff member twice in one shift" pm-duty shift --post patrol --staff li.na,li.na --from 2026-11-10T08:00 --to 2026-11-10T09:00
fails 64 "an empty staff list" pm-duty shift --post patrol --staff , --from 2026-11-10T08:00 --to 2026-11-10T09:00
same "message" "pm-duty: no staff member named" "$(err)"
fails 64 "more than 8 staff members" pm-duty shift --post patrol --staff a,b,c,d,e,f,g,h,i --from 2026-11-10T08:00 --to 2026-11-10T09:00
same "message" "pm-duty: at most 8 staff members" "$(err)"
fails 64 "no --post" pm-duty shift --from 2026-11-10T08:00 --to 2026-11-10T09:00
same "message" "pm-duty: shift: --post is needed" "$(err)"
fails 64 "no --from" pm-duty shift --post patrol --to 2026-11-10T09:00
same "message" "pm-duty: shift: --from is needed" "$(err)"
fails 64 "no --to" pm-duty shift --post patrol --from 2026-11-10T09:00
same "message" "pm-duty: shift: --to is needed" "$(err)"
fails 64 "a bad time" pm-duty shift --post patrol --from 2026-11-40T08:00 --to 2026-11-10T09:00
same "message" "pm-duty: date '2026-11-40T08:00': no such day" "$(err)"
fails 64 "an operand" pm-duty shift --post patrol --from 2026-11-10T08:00 --to 2026-11-10T09:00 extra
has "message" "$(err)" "pm-duty: unexpected argument 'extra'"
fails 66 "an unknown acting staff member" pm-duty shift --as nobody --post patrol --from 2026-11-10T08:00 --to 2026-11-10T09:00
same "nothing written by any refused shift" "$before" "$(dbsum)"

# log
ok "an entry by one on duty" pm-duty log --as xie.bin --post fire-control --at 2026-11-10T08:00 接班 设备正常
same "its id" "1" "$(out)"
for t in 10:00 12:00; do
	pm-duty log -q --as han.dong --post fire-control --at 2026-11-10T$t --kind 巡查 巡查正常 || echo "Bail out! log at $t"
done
# 12:00 to 15:00: three hours without an entry.
for t in 15:00 17:00 19:00; do
	pm-duty log -q --as xie.bin --post fire-control --at 2026-11-10T$t --kind patrol 巡查正常 || echo "Bail out! log at $t"
done
ok "an entry of several lines" pm-duty log --as xie.bin --post fire-control --at 2026-11-10T19:30 --kind alarm "3号楼 烟感报警
现场核实为误报"
same "its id" "7" "$(out)"
ok "entries" pm-duty entries --post fire-control --kind 巡查
same "kinds in Chinese filter; the text joined by spaces" \
"2	fire-control	2026-11-10T10:00	han.dong	patrol		巡查正常
3	fire-control	2026-11-10T12:00	han.dong	patrol		巡查正常
4	fire-control	2026-11-10T15:00	xie.bin	patrol		巡查正常
5	fire-control	2026-11-10T17:00	xie.bin	patrol		巡查正常
6	fire-control	2026-11-10T19:00	xie.bin	patrol		巡查正常" "$(out)"
before=$(dbsum)
fails 65 "an entry by one not on duty" pm-duty log --post fire-control 记录
same "message" "pm-duty: staff 'song.tao': not on duty at 'fire-control' at 2026-11-10T21:00" "$(err)"
fails 65 "an entry in the future" pm-duty log --as tang.kai --post fire-control --at 2026-11-10T22:00 记录
same "message" "pm-duty: entry time '2026-11-10T22:00': in the future" "$(err)"
fails 65 "a handover written as an entry" pm-duty log --as tang.kai --post fire-control --kind 交接班 记录
same "message" "pm-duty: kind 'handover': a handover names who takes over (pm-duty handover)" "$(err)"
fails 65 "an unknown kind" pm-duty log --as tang.kai --post fire-control --kind memo 记录
has "message" "$(err)" "pm-duty: kind 'memo': unknown kind (choose note, patrol"
fails 65 "control characters in an entry" pm-duty log --as tang.kai --post fire-control "$(printf 'a\033[2Jb')"
has "message" "$(err)" "log entry 'a\\x1B[2Jb': control character U+001B at byte 2"
fails 64 "no text" pm-duty log --as tang.kai --post fire-control
same "message" "pm-duty: log: the text of the entry is needed" "$(err)"
fails 64 "no --post" pm-duty log --as tang.kai 记录
same "message" "pm-duty: log: --post is needed" "$(err)"
fails 66 "an unknown post" pm-duty log --as tang.kai --post gate-west 记录
same "nothing written by any refused entry" "$before" "$(dbsum)"

# handover
ok "the day shift hands over to the night" pm-duty handover --as xie.bin \
    --post fire-control --to tang.kai --at 2026-11-10T20:00 设备正常 无异常
same "its id" "8" "$(out)"
ok "the handover is in the log" pm-duty entries --kind handover
same "with who took over" "8	fire-control	2026-11-10T20:00	xie.bin	handover	tang.kai	设备正常 无异常" "$(out)"
before=$(dbsum)
fails 64 "no --to" pm-duty handover --as xie.bin --post fire-control --at 2026-11-10T20:00 x
same "message" "pm-duty: handover: --to is needed" "$(err)"
fails 64 "no text" pm-duty handover --as xie.bin --post fire-control --to tang.kai --at 2026-11-10T20:00
same "message" "pm-duty: handover: the text of the entry is needed" "$(err)"
fails 65 "one whose shift does not end then" pm-duty handover --as cao.yong --post fire-control --to tang.kai --at 2026-11-10T20:00 x
same "message" "pm-duty: staff 'cao.yong': no shift at 'fire-control' ending at 2026-11-10T20:00 to hand over" "$(err)"
fails 65 "to one with no shift from then" pm-duty handover --as xie.bin --post fire-control --to han.dong,cao.yong --at 2026-11-10T20:00 x
same "message" "pm-duty: staff 'han.dong': no shift at 'fire-control' from 2026-11-10T20:00 to take over" "$(err)"
fails 66 "to an unknown staff member" pm-duty handover --as xie.bin --post fire-control --to nobody --at 2026-11-10T20:00 x
same "nothing written by any refused handover" "$before" "$(dbsum)"

# check: the fire control room needs two on duty and an entry every 2
# hours; the north gate one on duty.
GOLDEN_STATUS=1 fails 1 "check finds the gaps: exit 1" pm-duty check 2026-11-10
same "each gap: post, kind, from, to, minutes, on duty, needed, ongoing" \
"fire-control	消防控制室	coverage	2026-11-10T00:00	2026-11-10T08:00	480	0	2	0
fire-control	消防控制室	coverage	2026-11-10T20:00	2026-11-10T21:00	60	1	2	1
fire-control	消防控制室	log	2026-11-10T12:00	2026-11-10T15:00	180			0
gate-north	北门岗	coverage	2026-11-10T00:00	2026-11-10T08:00	480	0	1	0
gate-north	北门岗	coverage	2026-11-10T20:00	2026-11-10T21:00	60	0	1	1" "$(out)"
fails 1 "the default period is today" pm-duty check --post fire-control
same "the same gaps of one post" 3 "$(out | wc -l)"
fails 1 "a table for people" pm-duty check -o table --post fire-control 2026-11-10
has "the length in words" "$(out)" "3h"
fails 0 "a post without a rule has no gap" pm-duty check --post patrol 2026-11-10
same "nothing printed" "" "$(out)"
fails 65 "a period still to come" pm-duty check 2026-12
same "message" "pm-duty: period '2026-12': in the future" "$(err)"
fails 66 "check an unknown post" pm-duty check --post gate-west
same "message" "pm-duty: post 'gate-west': no such post (see 'pm-duty posts')" "$(err)"
fails 64 "a bad period" pm-duty check 2026-13
same "message" "pm-duty: period '2026-13': no such month" "$(err)"
fails 64 "two periods" pm-duty check 2026-11-10 2026-11-11
has "message" "$(err)" "pm-duty: unexpected argument '2026-11-11'"

# The gaps closed: the second guard's evening, and an entry at 14:00
# recorded late.
PM_NOW=2026-11-11T09:00 ok "a late entry closes the log gap" pm-duty log --as han.dong \
    --post fire-control --at 2026-11-10T14:00 补记：巡查正常
ok "a shift for the second guard at night" pm-duty shift --post fire-control \
    --staff cao.yong --from 2026-11-10T20:00 --to 2026-11-11T08:00
ok "a shift 00:00-08:00 for two" pm-duty shift --post fire-control \
    --staff li.na,chen.jing --from 2026-11-10T00:00 --to 2026-11-10T08:00
fails 1 "their log is empty: 8 hours without an entry" pm-duty check --post fire-control 2026-11-10
same "from the start of their shift to the first entry" "fire-control	消防控制室	log	2026-11-10T00:00	2026-11-10T08:00	480			0" "$(out)"
for t in 01:30 03:30 05:30 07:30; do
	pm-duty log -q --as li.na --post fire-control --at 2026-11-10T$t 巡查正常 || echo "Bail out! log at $t"
done
ok "and at the north gate" pm-duty shift --post gate-north --staff song.tao \
    --from 2026-11-10T00:00 --to 2026-11-10T08:00
ok "and at night" pm-duty shift --post gate-north --staff song.tao \
    --from 2026-11-10T20:00 --to 2026-11-11T08:00
ok "a day without a gap: exit 0" pm-duty check 2026-11-10
same "nothing printed" "" "$(out)"
# 08:00: two shifts end, two begin; the night's last entry was at 20:00.
PM_NOW=2026-11-11T09:00 fails 1 "the night's log: 12 hours without an entry" pm-duty check --post fire-control 2026-11-11
same "a log gap reaches from the last entry of the night before" \
"fire-control	消防控制室	coverage	2026-11-11T08:00	2026-11-11T09:00	60	0	2	1
fire-control	消防控制室	log	2026-11-10T20:00	2026-11-11T08:00	720			0" "$(out)"

# correct: a new version, the old one kept.
ok "correct a shift's end" pm-duty correct --reason 提前下班 --to 2026-11-10T18:00 2
same "prints its id" "2" "$(out)"
ok "shifts shows the current version" pm-duty shifts --staff han.dong
same "the new end" "2	fire-control	han.dong	2026-11-10T08:00	2026-11-10T18:00" "$(out)"
same "both versions kept (in UTC)" "1 2026-11-10T00:00:00Z 2026-11-10T12:00:00Z
2 2026-11-10T00:00:00Z 2026-11-10T10:00:00Z" \
    "$(sql "SELECT version, starts, ends FROM duty_shifts WHERE record = 2 ORDER BY version" | tr '|' ' ')"
same "the correction audited with its reason" "corrected: 提前下班" \
    "$(sql "SELECT summary FROM audit WHERE tbl = 'duty_shifts' AND row_id = '2' ORDER BY id DESC LIMIT 1")"
fails 1 "the corrected shift leaves one on duty 18:00-20:00" pm-duty check --post fire-control 2026-11-10
same "a coverage gap" "fire-control	消防控制室	coverage	2026-11-10T18:00	2026-11-10T20:00	120	1	2	0" "$(out)"
before=$(dbsum)
fails 64 "correct without --reason" pm-duty correct --to 2026-11-10T18:00 2
same "message" "pm-duty: correct: --reason is needed" "$(err)"
fails 64 "correct without an id" pm-duty correct --reason x
has "message" "$(err)" "pm-duty: correct: missing argument"
fails 66 "correct an unknown shift" pm-duty correct --reason x --to 2026-11-10T18:00 99
same "message" "pm-duty: shift '99': no such record (see 'pm-duty shifts')" "$(err)"
fails 65 "a correction that overlaps another shift" pm-duty correct --reason x --staff tang.kai --to 2026-11-10T21:00 2
same "message" "pm-duty: staff 'tang.kai': on shift 3 at that time already" "$(err)"
fails 65 "a correction that ends before it starts" pm-duty correct --reason x --from 2026-11-10T19:00 2
same "message" "pm-duty: shift: it ends before it starts" "$(err)"
fails 66 "a correction to an unknown post" pm-duty correct --reason x --post fire 2
fails 65 "an empty reason" pm-duty correct --reason '' --to 2026-11-10T17:00 2
same "nothing written by any refused correction" "$before" "$(dbsum)"

# cancel and strike: kept, marked void.
ok "cancel a shift not worked" pm-duty cancel --reason 未上岗 9
same "prints its id" "9" "$(out)"
same "gone from the list" "" "$(pm-duty shifts --staff song.tao --since 2026-11-10T20:00)"
same "kept in the table" "1" "$(sql "SELECT max(voided) FROM duty_shifts WHERE record = 9")"
same "the cancel audited with its reason" "cancel voided: 未上岗" \
    "$(sql "SELECT verb || ' ' || summary FROM audit WHERE tbl = 'duty_shifts' AND row_id = '9' ORDER BY id DESC LIMIT 1")"
fails 65 "cancel it again" pm-duty cancel --reason 未上岗 9
same "message" "pm-duty: shift '9': voided (未上岗)" "$(err)"
fails 65 "correct a cancelled shift" pm-duty correct --reason x --to 2026-11-11T07:00 9
same "message" "pm-duty: shift '9': voided (未上岗)" "$(err)"
fails 64 "cancel without --reason" pm-duty cancel 9
same "message" "pm-duty: cancel: --reason is needed" "$(err)"
ok "strike an entry written by mistake" pm-duty strike --reason 写错岗位 7
same "gone from the log" "" "$(pm-duty entries --kind alarm)"
fails 66 "strike an unknown entry" pm-duty strike --reason x 99
same "message" "pm-duty: log entry '99': no such record (see 'pm-duty entries')" "$(err)"
ok "ids from standard input" sh -c 'echo 8 | pm-duty cancel --reason 排错 -'
same "prints it" "8" "$(out)"

# Nothing can rewrite the log behind the tool's back.
has "an entry cannot be changed" "$(sql "UPDATE duty_entries SET text = 'x' WHERE id = 1" 2>&1)" \
    "duty log entries cannot be changed (strike them)"
has "nor deleted" "$(sql "DELETE FROM duty_entries WHERE id = 1" 2>&1)" \
    "duty log entries cannot be deleted (strike them)"
same "the entry is as it was" "接班 设备正常" "$(sql "SELECT text FROM duty_entries WHERE id = 1")"

# A retired post: not listed, refused.
sed '/code: patrol/d' "$PM_TOP/tests/data/duty-gate-estate.yaml" > "$PM_TMP/e.yaml"
ok "the post leaves the estate file" pm-db apply "$PM_TMP/e.yaml"
fails 65 "a shift at a retired post" pm-duty shift --post patrol --from 2026-11-11T08:00 --to 2026-11-11T09:00
same "message" "pm-duty: post 'patrol': retired" "$(err)"
done_testing
