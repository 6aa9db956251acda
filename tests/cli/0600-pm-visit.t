#!/bin/sh
# pm-visit: the verbs one by one, records kept as versions, the quota as
# of a time, the households to visit next with phones masked, and every
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
pm-unit set --owner 赵一 --phone 13900000001 --occupancy occupied 3-1-101 3-1-102 > /dev/null &&
pm-unit set --owner 钱二 --phone 13900000002 --occupancy rented 3-1-201 > /dev/null ||
	{ echo "Bail out! cannot set the owners"; exit 1; }
at 2026-11-20T17:00

# add
ok "add" pm-visit add --staff chen.jing -u 3-1-101 --at 2026-11-20T09:00 --met 业主 --satisfaction satisfied
same "prints the id" "1" "$(out)"
ok "add in Chinese, full-width unit code, raising a matter" pm-visit add --as chen.jing -u ３－１－１０２ \
	--at 2026-11-20T10:00 --satisfaction 不满意 -r 楼上噪音 -c noise --note 晚上十点后
ok "add with the defaults: the acting member, now" pm-visit add -u 3-1-201
ok "list" pm-visit list
same "three visits, in English words" \
"1	2026-11-20T09:00	chen.jing	3-1-101	业主	satisfied			
2	2026-11-20T10:00	chen.jing	3-1-102		dissatisfied	noise	楼上噪音	晚上十点后
3	2026-11-20T17:00	li.na	3-1-201					" "$(out)"
ok "list in a Chinese table" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-visit list -o table --satisfaction dissatisfied
has "satisfaction in Chinese" "$(out)" "不满意"
has "headings in Chinese" "$(head -1 "$PM_TMP/out")" "接待人  满意度"
ok "list as JSON" pm-visit list -o json --unit 3-1-101
has "whom they met, as met_with" "$(out)" '"unit":"3-1-101","met_with":"业主","satisfaction":"satisfied"'
same "by staff" "1
2" "$(pm-visit list --staff chen.jing | cut -f1)"
same "by building and raised" "2" "$(pm-visit list --building 3 --raised | cut -f1)"
same "by satisfaction in Chinese" "1" "$(pm-visit list --satisfaction 满意 | cut -f1)"
same "by time" "2
3" "$(pm-visit list --since 2026-11-20T10:00 | cut -f1)"
same "until a day: to its end" "3" "$(pm-visit list --until 2026-11-20 --unit 3-1-201 | cut -f1)"

before=$(dbsum)
fails 64 "add without --unit" pm-visit add
same "message" "pm-visit: add: --unit is needed" "$(err)"
fails 64 "add with an operand" pm-visit add -u 3-1-101 extra
has "message" "$(err)" "unexpected argument 'extra'"
fails 65 "a public area is no household" pm-visit add -u P-GATE-N
same "message" "pm-visit: unit 'P-GATE-N': a public area, not a household" "$(err)"
fails 65 "in Chinese" env LANG=zh_CN.UTF-8 LC_ALL= LANGUAGE= pm-visit add -u P-GATE-N
same "message in Chinese" "pm-visit: 房号“P-GATE-N”：是公共区域，不是住户" "$(err)"
fails 66 "no such unit" pm-visit add -u 9-9-9
same "message" "pm-visit: unit '9-9-9': no such unit (see 'pm-unit list')" "$(err)"
fails 66 "no such staff member visited" pm-visit add -u 3-1-101 --staff nobody
same "message" "pm-visit: staff 'nobody': no such staff member (see 'pm-staff list')" "$(err)"
fails 66 "no such staff member acting" pm-visit add -u 3-1-101 --as nobody
same "message" "pm-visit: staff 'nobody': no such staff member" "$(err)"
fails 65 "a visit in the future" pm-visit add -u 3-1-101 --at 2026-11-20T17:01
same "message" "pm-visit: visit time '2026-11-20T17:01': in the future" "$(err)"
fails 64 "a bad time" pm-visit add -u 3-1-101 --at 2026-13-01
same "message" "pm-visit: date '2026-13-01': no such month" "$(err)"
fails 65 "a bad satisfaction" pm-visit add -u 3-1-101 --satisfaction happy
same "message" "pm-visit: satisfaction 'happy': unknown satisfaction (choose satisfied, basic or dissatisfied)" "$(err)"
fails 65 "a matter without a category" pm-visit add -u 3-1-101 -r 漏水
same "message" "pm-visit: what was raised needs a category, for its ticket (see pm-ticket categories)" "$(err)"
fails 65 "a category without a matter" pm-visit add -u 3-1-101 -c water-leak
same "message" "pm-visit: a category is for what was raised, and nothing was" "$(err)"
fails 66 "no such category" pm-visit add -u 3-1-101 -r 漏水 -c leak
same "message, with the nearest" "pm-visit: category 'leak': no such category (did you mean water-leak? see 'pm-ticket categories')" "$(err)"
fails 65 "control characters in a note" pm-visit add -u 3-1-101 --note "$(printf 'a\033b')"
same "message" "pm-visit: note 'a\\x1Bb': control character U+001B at byte 2" "$(err)"
same "nothing written by any refused add" "$before" "$(dbsum)"

# show, history, correct, void
ok "show" pm-visit show -o json 2
has "every field, and the version" "$(out)" '"raised":"楼上噪音","note":"晚上十点后","version":1'
ok "correct: the matter cleared with its category" pm-visit correct -R 记错了 -r '' --satisfaction basic 2
same "prints the id" "2" "$(out)"
same "the current version" "2	2026-11-20T10:00	chen.jing	3-1-102		basic			晚上十点后" \
	"$(pm-visit list --unit 3-1-102)"
ok "history" pm-visit history 2
same "both versions kept, by whom, the reason on the second" \
"2	1	2026-11-20T17:00	chen.jing	0		2026-11-20T10:00	chen.jing	3-1-102		dissatisfied	noise	楼上噪音	晚上十点后
2	2	2026-11-20T17:00	li.na	0	记错了	2026-11-20T10:00	chen.jing	3-1-102		basic			晚上十点后" "$(out)"
fails 64 "correct without --reason" pm-visit correct 1
same "message" "pm-visit: correct: --reason is needed" "$(err)"
fails 64 "correct without an id" pm-visit correct -R x
has "message" "$(err)" "correct: missing argument"
fails 64 "correct with two ids" pm-visit correct -R x 1 2
has "message" "$(err)" "unexpected argument '2'"
fails 66 "correct no such visit" pm-visit correct -R x 99
same "message" "pm-visit: visit '99': no such record (see 'pm-visit list')" "$(err)"
fails 65 "correct an id that is no number" pm-visit correct -R x abc
same "message" "pm-visit: visit 'abc': not an id (ids are numbers, like 42 or #42)" "$(err)"
fails 65 "an empty reason" pm-visit correct -R '' --note y 1
same "message" "pm-visit: reason: empty" "$(err)"
fails 65 "a category for a visit that raised nothing" pm-visit correct -R x -c water-leak 1
fails 64 "void without --reason" pm-visit void 1
same "message" "pm-visit: void: --reason is needed" "$(err)"
fails 64 "void without an id" pm-visit void -r x
before=$(dbsum)
fails 66 "void of one that exists and one that does not" pm-visit void -r 重复 1 99
same "message" "pm-visit: visit '99': no such record (see 'pm-visit list')" "$(err)"
same "all or nothing: the first is not voided" "$before" "$(dbsum)"
ok "void" pm-visit void -r 重复录入 '#3'
same "prints the id" "3" "$(out)"
same "gone from the list" "1
2" "$(pm-visit list | cut -f1)"
fails 66 "a voided visit is not shown" pm-visit show 3
same "message" "pm-visit: visit '3': no such visit" "$(err)"
ok "but its history is kept" pm-visit history 3
same "two versions, the second void" "0	
1	重复录入" "$(cut -f5,6 "$PM_TMP/out")"
fails 65 "a voided visit cannot be voided again" pm-visit void -r x 3
same "message" "pm-visit: visit '3': voided (重复录入)" "$(err)"
fails 65 "nor corrected" pm-visit correct -R x --note y 3
fails 66 "show no such visit" pm-visit show 99
fails 64 "show without an id" pm-visit show
fails 66 "history of no such visit" pm-visit history 99
same "each write audited: 3 adds, a correction, a void" "5" \
	"$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM audit WHERE tbl = ?", ("visits",)).fetchone()[0])' "$PM_DB")"

# raised: for pm-ticket import
ok "raised" pm-visit add --staff liu.yang -u 3-1-101 --at 2026-11-20T15:00 -r 楼道灯不亮 -c water-leak
ok "raised lists it, with the header pm-ticket import reads" pm-visit raised
same "the matter" "category	unit	description	source	received	receiver
water-leak	3-1-101	楼道灯不亮	visit	2026-11-20T15:00	liu.yang" "$(out)"
ok "into pm-ticket import" sh -c 'pm-visit raised | pm-ticket import'
same "imported once: nothing left" "1" "$(pm-visit raised | wc -l | tr -d ' ')"
same "--all keeps it" "2" "$(pm-visit raised --all | wc -l | tr -d ' ')"
same "--since leaves older matters out" "1" "$(pm-visit raised --all --since 2026-11-21 | wc -l | tr -d ' ')"
fails 64 "raised takes no operand" pm-visit raised x
fails 64 "raised: a bad time" pm-visit raised --since bad
same "message" "pm-visit: date 'bad': not a date (use 2026-11-23, 2026-11-23T09:30, today, yesterday or -3d)" "$(err)"

# quota: the day, as of a time
fails 1 "Friday's quota, in the evening" pm-visit quota --as-of 2026-11-20T17:30 2026-11-20
same "chen.jing 2 (the correction kept her visit), liu.yang 1" \
"chen.jing	陈静	day	1	5	2	2	3	40.0
liu.yang	刘洋	day	1	5	1	1	4	20.0
all			2	10	3	3	7	30.0" "$(out)"
at 2026-11-21T09:00
ok "a visit voided the next day" pm-visit void -r 未入户 1
fails 1 "Friday now" pm-visit quota 2026-11-20
same "chen.jing 1" "chen.jing	陈静	day	1	5	1	1	4	20.0" "$(head -1 "$PM_TMP/out")"
fails 1 "Friday as it was reported" pm-visit quota --as-of 2026-11-20T17:30 2026-11-20
same "chen.jing 2, as before" "chen.jing	陈静	day	1	5	2	2	3	40.0" "$(head -1 "$PM_TMP/out")"
ok "Saturday owes nothing" pm-visit quota 2026-11-21
same "only the total" "all			0	0	0	0	0	" "$(out)"
fails 65 "a period not yet begun" pm-visit quota 2026-12
same "message" "pm-visit: period '2026-12': in the future" "$(err)"
fails 64 "a bad period" pm-visit quota 2026-13
same "message" "pm-visit: period '2026-13': no such month" "$(err)"
fails 64 "two periods" pm-visit quota 2026-11 2026-10
fails 64 "a bad --as-of" pm-visit quota --as-of bad

# todo: the dissatisfied first, then the unvisited; phones masked
ok "todo" pm-visit todo
same "3-1-102 basic now; 3-1-101 seen; 3-1-201's visit was voided" \
"3-1-201	钱二	139****0002	not_visited			" "$(out)"
ok "todo --reveal" pm-visit todo --reveal
has "the phone in full" "$(out)" "13900000002"
ok "a dissatisfied reading" pm-visit add -u 3-1-102 --satisfaction dissatisfied --at 2026-11-21T08:00
ok "todo" pm-visit todo -b 3
same "the dissatisfied first" "3-1-102	dissatisfied	visit	2026-11-21T08:00
3-1-201	not_visited		" "$(cut -f1,4-6 "$PM_TMP/out")"
same "none in building 5" "" "$(pm-visit todo -b 5)"
fails 66 "todo: no such building" pm-visit todo -b 9
same "message" "pm-visit: building '9': no such building (did you mean 3 or 5? see 'pm-unit buildings')" "$(err)"
same "--since: a later window; none visited in it, the longest unvisited first" "3-1-201
3-1-101
3-1-102" "$(pm-visit todo --since 2026-11-21T09:00 | cut -f1)"

# A dissatisfied callback on a repair puts its household at the top.
tid=$(pm-ticket add -c water-leak -u 3-1-201 卫生间漏水)
ok "the repair resolved" env PM_NOW=2026-11-21T10:00 pm-ticket resolve --as wu.gang "$tid"
ok "the owner dissatisfied at the callback" env PM_NOW=2026-11-21T11:00 pm-ticket callback -s 不满意 "$tid"
at 2026-11-21T12:00
ok "todo" pm-visit todo
same "the visit at 08:00, then the callback at 11:00: the longest waiting first" "3-1-102	dissatisfied	visit	2026-11-21T08:00
3-1-201	dissatisfied	callback	2026-11-21T11:00" "$(cut -f1,4-6 "$PM_TMP/out")"

# list's errors
fails 66 "list: no such staff member" pm-visit list --staff nobody
fails 66 "list: no such unit" pm-visit list --unit 9-9-9
fails 65 "list: a bad satisfaction" pm-visit list --satisfaction happy
fails 64 "list: a bad time" pm-visit list --since bad

# A retired staff member can no longer visit, nor be credited.
sed '/login: liu.yang/d' "$PM_TOP/tests/data/people-estate.yaml" > people-estate.yaml
cp "$PM_TOP/tests/data/ticket-calendar-2026.tsv" .
ok "liu.yang leaves the estate file" pm-db apply people-estate.yaml
fails 65 "a retired staff member visited" pm-visit add -u 3-1-101 --staff liu.yang
same "message" "pm-visit: staff 'liu.yang': retired" "$(err)"
done_testing
