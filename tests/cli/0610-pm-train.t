#!/bin/sh
# pm-train: sessions, attendance and scores kept as versions, the weekly
# quota, the month's test scores, the staff at work untrained, and every
# error a user can reach, with its exit status and message.
. "$PM_TOP/tests/cli/lib.sh"

at() { PM_NOW=$1; export PM_NOW; }
out() { cat "$PM_TMP/out"; }
err() { cat "$PM_TMP/err"; }
dbsum() { cat "$PM_DB" "$PM_DB-wal" 2>/dev/null | sha256sum | cut -d' ' -f1; }

at 2026-10-31T08:00
pm-db init > /dev/null && pm-db apply "$PM_TOP/tests/data/people-estate.yaml" > /dev/null ||
	{ echo "Bail out! cannot set up the estate"; exit 1; }
export PM_USER=li.na
at 2026-11-20T17:00

# add, list, show
ok "add" pm-train add --department security --kind drill --topic 消防演练 --trainer 宋涛 \
	--at 2026-11-20T09:00 --hours 1.5 --place 中心花园 --pass-mark 60
same "prints the id" "1" "$(out)"
ok "add in Chinese, planned for next week" pm-train add --department security --kind 在职培训 \
	--topic 门岗礼仪 --trainer 宋涛 --at 2026-11-27T09:00 --hours 1
ok "a test of service" pm-train add --department service --kind 考核 --topic 十一月考核 \
	--trainer 李娜 --at 2026-11-20T15:00 --hours 1 --pass-mark 60
ok "list" pm-train list
same "by time, kinds in English" \
"1	2026-11-20T09:00	security	drill	1.50	宋涛	0	消防演练
3	2026-11-20T15:00	service	test	1.00	李娜	0	十一月考核
2	2026-11-27T09:00	security	in-service	1.00	宋涛	0	门岗礼仪" "$(out)"
same "by department and kind" "2" "$(pm-train list --department security --kind in-service | cut -f1)"
same "by time" "1
3" "$(pm-train list --until 2026-11-20 | cut -f1)"
ok "list in a Chinese table" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-train list -o table
has "kinds in Chinese" "$(out)" "演练"
ok "show" pm-train show -o json 1
has "place and pass mark" "$(out)" '"place":"中心花园","pass_mark":60.00,"version":1'

before=$(dbsum)
add() { pm-train add --department security --kind drill --topic x --trainer y --at 2026-11-20T09:00 "$@"; }
fails 64 "add without --department" pm-train add --kind drill --topic x --trainer y --at 2026-11-20T09:00 --hours 1
same "message" "pm-train: add: --department is needed" "$(err)"
fails 64 "add without --hours" add
same "message" "pm-train: add: --hours is needed" "$(err)"
fails 66 "no such department" pm-train add --department nope --kind drill --topic x --trainer y --at 2026-11-20T09:00 --hours 1
same "message" "pm-train: department 'nope': no such department (see 'pm-staff departments')" "$(err)"
fails 65 "a bad kind" pm-train add --department security --kind dance --topic x --trainer y --at 2026-11-20T09:00 --hours 1
same "message" "pm-train: kind 'dance': unknown kind (choose pre-job, in-service, drill, competition or test)" "$(err)"
fails 65 "an empty topic" pm-train add --department security --kind drill --topic '' --trainer y --at 2026-11-20T09:00 --hours 1
same "message" "pm-train: topic: empty" "$(err)"
fails 65 "an empty trainer" pm-train add --department security --kind drill --topic x --trainer '' --at 2026-11-20T09:00 --hours 1
same "message" "pm-train: trainer: empty" "$(err)"
fails 65 "no hours" add --hours 0
same "message" "pm-train: hours: more than 0 and at most 24" "$(err)"
fails 65 "too many hours" add --hours 24.01
fails 65 "hours to a thousandth" add --hours 1.555
same "message" "pm-train: hours '1.555': more than two decimals" "$(err)"
fails 65 "a pass mark above 1000" add --hours 1 --pass-mark 1000.01
same "message" "pm-train: pass mark: at most 1000" "$(err)"
fails 64 "a bad time" add --hours 1 --at bad
fails 65 "control characters in a topic" pm-train add --department security --kind drill --topic "$(printf 'a\033b')" --trainer y --at 2026-11-20T09:00 --hours 1
same "message" "pm-train: topic 'a\\x1Bb': control character U+001B at byte 2" "$(err)"
same "nothing written by any refused add" "$before" "$(dbsum)"

# attend, attendance
ok "attend, scores by the pass mark" pm-train attend --session 1 --score 70 xie.bin
same "one attendance id" "1" "$(out)"
ok "two at once" pm-train attend --session '#1' --score 59 song.tao zhang.wei
same "one id each" "2
3" "$(out)"
ok "passed, with no score" pm-train attend --session 3 --passed chen.jing
ok "no result" pm-train attend --session 3 liu.yang
ok "attendance" pm-train attendance --session 1
same "passed by the mark: 70 yes, 59 no" \
"2	1	2026-11-20T09:00	drill	song.tao	59.00	0	消防演练
1	1	2026-11-20T09:00	drill	xie.bin	70.00	1	消防演练
3	1	2026-11-20T09:00	drill	zhang.wei	59.00	0	消防演练" "$(out)"
ok "a score corrected: the same attendance, a new version" pm-train attend --session 1 --score 61 song.tao
same "the same id" "2" "$(out)"
same "passed now" "61.00	1" "$(pm-train attendance --staff song.tao | cut -f6,7)"
same "the session counts three" "3" "$(pm-train list --kind drill | cut -f7)"
ok "void an attendance" pm-train void-attendance -r 录错 3
same "two left" "2" "$(pm-train attendance --session 1 | wc -l | tr -d ' ')"
fails 64 "--passed and --failed" pm-train attend --session 1 --passed --failed xie.bin
same "message" "pm-train: --passed and --failed: one or the other" "$(err)"
fails 64 "in Chinese" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-train attend --session 1 --passed --failed xie.bin
same "message in Chinese" "pm-train: --passed 和 --failed 只能选其一" "$(err)"
fails 64 "attend without --session" pm-train attend xie.bin
same "message" "pm-train: attend: --session is needed" "$(err)"
fails 64 "attend naming no one" pm-train attend --session 1
has "message" "$(err)" "attend: missing argument"
fails 66 "attend no such session" pm-train attend --session 99 xie.bin
same "message" "pm-train: training session '99': no such record (see 'pm-train list')" "$(err)"
fails 65 "attend a session not begun" pm-train attend --session 2 xie.bin
same "message" "pm-train: training session '2': has not begun yet" "$(err)"
before=$(dbsum)
fails 66 "attend: one of them no such staff" pm-train attend --session 1 xie.bin nobody
same "message" "pm-train: staff 'nobody': no such staff member (see 'pm-staff list')" "$(err)"
same "all or nothing" "$before" "$(dbsum)"
fails 65 "a score above 1000" pm-train attend --session 1 --score 1001 xie.bin
same "message" "pm-train: score: at most 1000" "$(err)"
fails 65 "a score that is no number" pm-train attend --session 1 --score abc xie.bin
same "message" "pm-train: score 'abc': not a number" "$(err)"
fails 66 "void no such attendance" pm-train void-attendance -r x 9
same "message" "pm-train: attendance '9': no such record (see 'pm-train attendance')" "$(err)"
fails 66 "attendance of no such staff" pm-train attendance --staff nobody
fails 66 "attendance of no such session" pm-train attendance --session 99
same "message" "pm-train: training session '99': no such session" "$(err)"

# correct, void
ok "correct" pm-train correct -R 实际两小时 --hours 2 --place '' 1
ok "the new version" pm-train show 1
same "2 hours, no place, version 2, by whom and why" "2.00		60.00	2	li.na	实际两小时" \
	"$(cut -f5,9-11,13,14 "$PM_TMP/out")"
fails 64 "correct without --reason" pm-train correct 1
same "message" "pm-train: correct: --reason is needed" "$(err)"
fails 65 "correct to no hours" pm-train correct -R x --hours 0 1
fails 66 "correct no such session" pm-train correct -R x 99
ok "void the planned session" pm-train void -r 取消 2
fails 65 "voided already" pm-train void -r 取消 2
same "message" "pm-train: training session '2': voided (取消)" "$(err)"
fails 65 "a voided session cannot be attended" pm-train attend --session 2 xie.bin
fails 64 "void without --reason" pm-train void 1

# quota: the week of Monday 16th to Sunday 22nd
fails 1 "the week: security 1 of 3, service 0 of 1 (a test does not count)" pm-train quota 2026-11-20
same "short, with the rate" \
"security	秩序部	2026-11-16	3	5	1	1	2	0	33.3
service	客服部	2026-11-16	1	2	0	0	1	0	0.0
all			4	7	1	1	3	0	25.0" "$(out)"
same "this-week is the default" "$(out)" "$(pm-train quota)"
fails 65 "a period not yet begun" pm-train quota 2026-12
same "message" "pm-train: period '2026-12': in the future" "$(err)"
fails 64 "a bad period" pm-train quota 2026-W60
fails 64 "two periods" pm-train quota 2026-11 2026-10

# scores: the month's test
ok "scores" pm-train scores 2026-11
same "each of service on the staff: sat, missed, passed" \
"chen.jing	陈静	service	2026-11-20T15:00	1	1		1
li.na	李娜	service	2026-11-20T15:00	1	0		
liu.yang	刘洋	service	2026-11-20T15:00	1	1		
zhang.wei	张伟	service	2026-11-20T15:00	1	0		" "$(out)"
fails 65 "scores: a period not yet begun" pm-train scores 2026-12

# unqualified
ok "a visit by chen.jing" pm-visit add --staff chen.jing -u 3-1-101 --at 2026-11-20T10:00
fails 1 "chen.jing at work without pre-job training" pm-train unqualified
same "listed, on the staff since the estate file was applied" "chen.jing	陈静	service	2026-10-31T08:00	none	visit" "$(out)"
same "--all: everyone without it" "7" "$(pm-train unqualified --all | wc -l | tr -d ' ')"
ok "pre-job training" pm-train add --department service --kind pre-job --topic 公司制度 --trainer 李娜 \
	--at 2026-11-20T16:00 --hours 1 --pass-mark 60
sid=$(out)
ok "chen.jing fails it" pm-train attend --session "$sid" --score 50 chen.jing
fails 1 "failed is not trained" pm-train unqualified
same "failed" "chen.jing	陈静	service	2026-10-31T08:00	failed	visit" "$(out)"
ok "passes it the second time" pm-train attend --session "$sid" --score 80 chen.jing
ok "no one untrained at work" pm-train unqualified
same "nothing" "" "$(out)"
fails 65 "unqualified: a period not yet begun" pm-train unqualified 2026-12
fails 64 "unqualified: two periods" pm-train unqualified 2026-11 2026-10
done_testing
